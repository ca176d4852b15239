"""Start this year's draft from an earlier report (`workbench new PLACE YEAR --from YEAR`)."""

from __future__ import annotations

import copy

from .lazyre import LazyRegex
from .commitments import sync
from .figures import Figure
from .model import Meta, Report

_YEAR = LazyRegex(r"(?<![0-9])(19|20|21)([0-9]{2})(?=年)")


def advance_years(text: str, by: int) -> str:
    """Every "2024年" in text moved on by `by` years."""
    return _YEAR.sub(lambda m: str(int(m.group()) + by), text)


def roll_over(source: Report, year: int) -> Report:
    """A draft for `year`: chapters and sections carried, years in titles advanced.

    The source's targets become this draft's results to fill in (one empty row per
    indicator, to be reviewed against them), and the starting point for this year's targets.
    """
    by = year - source.year
    draft = Report(place=source.place, year=year, status="draft")
    draft.meta = Meta(title=source.meta.title, meeting=advance_years(source.meta.meeting, by),
                      date="", speaker=source.meta.speaker)
    draft.chapters = copy.deepcopy(source.chapters)
    for ch in draft.chapters:
        if ch.title:
            ch.title = advance_years(ch.title, by)
        for sec in ch.sections:
            sec.title = advance_years(sec.title, by)
    draft.results = [Figure(name=t.name, key=t.key, unit=t.unit) for t in source.targets]
    draft.targets = [copy.deepcopy(t) for t in source.targets]
    return sync(draft)
