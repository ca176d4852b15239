"""Counts of fuzzed cases, printed in pytest's terminal summary (see conftest.py)."""

COUNTS: dict[str, int] = {}


def count(name: str, n: int = 1) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + n
