"""Files in: text lines and page furniture, the title block, structure, targets and results
readers, .docx runs and revisions. Imports document, storage (atomic), util and strings."""
