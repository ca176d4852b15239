"""The report document: model, figure grammar, catalogue, phrasing, commitments, counts, and
how it sits in a .docx (page layout, style names, data part). Imports only util and strings."""
