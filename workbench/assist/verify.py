"""Every figure of a model's answer checked against the report's data before it is shown.

A figure is a number with its unit or % (the figure grammar's `find_mentions`). It is known
when it equals, after unit conversion and to the digits the answer printed, a figure of this
year's or last year's tables, a figure written in either report's text, or one in the source
material the drafter gave; otherwise it is flagged. For a rewrite (润色), a figure of the
answer that the paragraph did not hold is listed as changed, beside the one it replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from workbench.document.figures import UNITS, Mention, decimals, find_mentions
from workbench.document.model import Report

KNOWN, UNKNOWN, CHANGED = "known", "unknown", "changed"


@dataclass(frozen=True)
class Note:
    """One figure of the answer: where it stands, as written, and what was found of it."""

    start: int
    end: int
    text: str
    status: str             # KNOWN, UNKNOWN or CHANGED
    was: str | None = None  # CHANGED: the figure of the paragraph it replaced


@dataclass
class Verdict:
    notes: list[Note]
    dropped: list[str]  # a rewrite's figures that are in the answer no more

    @property
    def flagged(self) -> list[Note]:
        return [n for n in self.notes if n.status != KNOWN]


def _family(unit: str | None) -> str:
    u = UNITS.get(unit or "")
    return u.family if u else (unit or "")


def _base(value: float, unit: str | None) -> float:
    u = UNITS.get(unit or "")
    return value * u.scale if u else value


class Known:
    """The figures the data holds, by unit family, in each family's base scale."""

    def __init__(self) -> None:
        self.values: dict[str, list[float]] = {}

    def add(self, value: float | None, unit: str | None) -> None:
        if value is None or unit is None:
            return
        self.values.setdefault(_family(unit), []).append(_base(value, unit))

    def add_text(self, text: str) -> None:
        for m in find_mentions(text):
            self.add(m.value, m.unit)

    def add_report(self, report: Report | None) -> None:
        if report is None:
            return
        for fig in [*report.results, *report.targets]:
            self.add(fig.value, fig.unit)
            for pct in (fig.growth_pct, fig.growth_pct_max, fig.stretch_pct):
                self.add(pct, "%")
            self.add_text(fig.raw)
        for *_, p in report.paragraphs():
            self.add_text(p.full_text)

    def holds(self, m: Mention) -> bool:
        """Whether a figure as written matches one the data holds: the same after unit
        conversion, to the digits written (8% matches 8.0%; 21.2亿元 matches 21.23亿元 and
        212300万元); a percent without a growth word may match in either sign."""
        family = _family(m.unit)
        scale = UNITS[m.unit].scale if m.unit in UNITS else 1.0
        tolerance = 0.5 * 10 ** -decimals(m.value) * scale + 1e-9 * scale
        target = _base(m.value, m.unit)
        for v in self.values.get(family, ()):
            if abs(v - target) <= tolerance or (not m.growth and abs(abs(v) - abs(target)) <= tolerance):
                return True
        return False


def known_figures(report: Report, previous: Report | None, sources: Iterable[str] = ()) -> Known:
    known = Known()
    known.add_report(report)
    known.add_report(previous)
    for text in sources:
        known.add_text(text)
    return known


def _key(m: Mention) -> tuple[str, float]:
    return (_family(m.unit), round(_base(m.value, m.unit), 6))


def verify(answer: str, known: Known, original: str | None = None) -> Verdict:
    """Each figure of `answer` with what was found of it; with `original` (a rewrite), the
    figures it changed and the ones it dropped."""
    mentions = find_mentions(answer)
    if original is None:
        return Verdict([Note(m.start, m.end, answer[m.start:m.end], KNOWN if known.holds(m) else UNKNOWN)
                        for m in mentions], [])
    left = list(find_mentions(original))  # the paragraph's figures not yet seen in the answer
    kept: set[int] = set()
    for i, m in enumerate(mentions):
        same = next((b for b in left if _key(b) == _key(m)), None)
        if same is not None:
            left.remove(same)
            kept.add(i)
    notes: list[Note] = []
    for i, m in enumerate(mentions):
        text = answer[m.start:m.end]
        if i in kept:
            notes.append(Note(m.start, m.end, text, KNOWN))
            continue
        # A figure the paragraph did not hold, in the place of one it dropped of the same
        # kind of unit: changed (增长8% -> 增长7%), whatever the data says.
        was = next((b for b in left if _family(b.unit) == _family(m.unit)), None)
        if was is not None:
            left.remove(was)
            notes.append(Note(m.start, m.end, text, CHANGED, was=original[was.start:was.end]))
        else:
            notes.append(Note(m.start, m.end, text, KNOWN if known.holds(m) else UNKNOWN))
    return Verdict(notes, [original[b.start:b.end] for b in left])
