"""Check rules (DESIGN §5), a report and last year's in, findings out, grouped by family.
Imports document, reading, util and strings."""
