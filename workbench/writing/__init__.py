"""Files out: the report .docx, the redline, the PDF, the comparison .docx, plain text.
Imports comparing, checking, document, storage (atomic writes), util and strings."""
