"""字数 as a drafter counts them: every character but spaces and line breaks."""

from __future__ import annotations

from typing import NamedTuple

from workbench.document.model import Report
from workbench.document.phrasing import speaking_minutes


def chars(text: str | None) -> int:
    if not text:
        return 0
    return len(text) - sum(text.count(c) for c in (" ", "\n", "\t", "\u3000", "\r"))


class Counts(NamedTuple):
    paragraph: int | None
    section: int | None
    chapter: int | None
    total: int
    minutes: int


def _paras(paragraphs) -> int:
    return sum(chars(p.lead) + chars(p.text) for p in paragraphs)


def counts_at(report: Report, addr: tuple[int, int | None, int | None] | None) -> Counts:
    """Counts for the paragraph, section and chapter at `addr`, and the whole report."""
    chapter_sizes = []
    for ch in report.chapters:
        size = chars(ch.title) + _paras(ch.paragraphs)
        size += sum(chars(s.title) + _paras(s.paragraphs) for s in ch.sections)
        chapter_sizes.append(size)
    total = sum(chapter_sizes)
    minutes = round(speaking_minutes(total))
    if addr is None or not (0 <= addr[0] < len(report.chapters)):
        return Counts(None, None, None, total, minutes)
    ci, si, pi = addr
    ch = report.chapters[ci]
    if si is not None and si < len(ch.sections):
        sec = ch.sections[si]
        section = chars(sec.title) + _paras(sec.paragraphs)
        paras = sec.paragraphs
    else:
        section = None
        paras = ch.paragraphs
    paragraph = None
    if pi is not None and pi < len(paras):
        paragraph = chars(paras[pi].lead) + chars(paras[pi].text)
    return Counts(paragraph, section, chapter_sizes[ci], total, minutes)
