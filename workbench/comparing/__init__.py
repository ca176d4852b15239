"""Year against year: figures side by side, the text diff, commitments followed up, last
year beside this year. Imports checking, document, util and strings."""
