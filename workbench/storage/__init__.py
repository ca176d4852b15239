"""The store on disk: atomic writes, the store file format, its lock and the report tables.
Imports document, util and strings; never the stages above it."""
