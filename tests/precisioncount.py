"""Counts of the precision test on real reports, printed in pytest's terminal summary."""

COUNTS: dict[str, int] = {}


def count(name: str, n: int = 1) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + n
