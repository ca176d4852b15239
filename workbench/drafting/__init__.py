"""Edits to an open report, typed clauses, next year's roll-over, versions and review rounds.
Imports everything below the faces (writing, comparing, checking, reading, storage, document)."""
