"""Helpers that know nothing of reports: regexes compiled on first use, CJK line wrapping.
Imports only the standard library and rich; every other package may import it."""
