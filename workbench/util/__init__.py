"""Helpers that know nothing of reports: regexes compiled on first use, CJK line wrapping.
Imports only the standard library, rich and platformdirs; every other package may import it."""
