"""Last year beside this year: the matching section (paired as the compare screen pairs
them) and last year's figure for the indicator under the cursor."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.document.catalog import indicators, lookup
from workbench.comparing.compare import SECTION_THRESHOLD, _block_score, _blocks, _pair
from workbench.document.figures import format_figure
from workbench.document.model import Paragraph, Report

Where = tuple[int, "int | None"]


def section_map(previous: Report, report: Report) -> dict[Where, Where]:
    """This year's section (or chapter's own paragraphs) -> last year's matching one."""
    prev_blocks, blocks = _blocks(previous), _blocks(report)
    return {blocks[j].where: prev_blocks[i].where
            for i, j, _ in _pair(prev_blocks, blocks, _block_score, SECTION_THRESHOLD)}


def section_map_by_position(previous: Report, report: Report) -> tuple[dict[Where, Where], set[Where]]:
    """section_map, then a section left unpaired on both sides is paired with last year's
    section at the same place of the corresponding chapter (a section rewritten under a new
    title: "（一）坚持工业立镇" → "（一）坚持制造业当家"). Returns the map and this year's
    sections paired by position only."""
    pairs = section_map(previous, report)
    taken = set(pairs.values())
    votes: dict[int, dict[int, int]] = {}
    for (ci, _), (pci, _) in pairs.items():
        votes.setdefault(ci, {}).setdefault(pci, 0)
        votes[ci][pci] += 1
    chapters = {ci: max(v, key=v.get) for ci, v in votes.items()}
    by_position: set[Where] = set()
    for ci, ch in enumerate(report.chapters):
        pci = chapters.get(ci)
        if pci is None:
            continue
        prev_sections = previous.chapters[pci].sections
        for si in range(len(ch.sections)):
            if (ci, si) in pairs or si >= len(prev_sections) or (pci, si) in taken:
                continue
            pairs[(ci, si)] = (pci, si)
            taken.add((pci, si))
            by_position.add((ci, si))
    return pairs, by_position


def section_paragraphs(report: Report, where: Where) -> tuple[str, list[Paragraph]]:
    ci, si = where
    ch = report.chapters[ci]
    if si is None:
        return ch.title or "", ch.paragraphs
    return ch.sections[si].title, ch.sections[si].paragraphs


_CLAUSE_END = re.compile(r"[，。；！？,;\n]")


@lru_cache(maxsize=1)
def _catalogue_wordings() -> tuple[tuple[str, str], ...]:
    pairs: dict[str, str] = {}
    for ind in indicators().values():
        for w in (ind.name, *ind.aliases):
            if len(w) >= 2:
                pairs.setdefault(w, ind.key)
    return tuple(pairs.items())


def _wordings(report: Report, previous: Report | None) -> list[tuple[str, str]]:
    """(wording, key) for every indicator name the catalogue or the two reports use."""
    pairs = dict(_catalogue_wordings())
    for r in (report, previous):
        if r is None:
            continue
        for f in (*r.results, *r.targets):
            if f.name and f.key:
                pairs.setdefault(f.name, f.key)
    return list(pairs.items())


def indicator_at(text: str, pos: int, report: Report, previous: Report | None) -> str | None:
    """The catalogue key of the indicator named in the clause around `pos`, nearest before it."""
    if not text:
        return None
    pos = max(0, min(pos, len(text)))
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos)
    end = m.start() if m else len(text)
    clause = text[start:end]
    best: tuple[int, int, str] | None = None  # (distance to cursor, -length, key)
    for wording, key in _wordings(report, previous):
        i = clause.find(wording)
        if i < 0:
            continue
        distance = abs((start + i) - pos)
        cand = (distance, -len(wording), key)
        if best is None or cand < best:
            best = cand
    if best is not None:
        return best[2]
    return lookup(clause.strip()) if clause.strip() else None


def figure_line(key: str | None, report: Report, previous: Report | None) -> str | None:
    """"2023年目标 …；2023年完成 …" for one indicator, from the two reports' tables."""
    if key is None:
        return None
    parts = []
    year = report.year - 1
    target = next((f for f in (previous.targets if previous else []) if f.key == key), None)
    result = next((f for f in report.results if f.key == key), None)
    if target is not None:
        parts.append(f"{year}年目标 {format_figure(target)}")
    if result is not None:
        parts.append(f"{year}年完成 {format_figure(result)}")
    return "；".join(parts) or None
