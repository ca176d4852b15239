"""Runs of text that must not break across lines: a leader's name with its title (the list in
templates/unbreakable.txt, which an office extends), a number with its unit and qualifier
(29.9万人, 6.5%左右, 300项) and a document number (穗府〔2024〕1号).

The runs are kept whole in the PDF: the copy LibreOffice lays out (writing/pdf.py) has each
run as word-joined text (U+2060) of a non-CJK language, which its Unicode line breaking keeps
whole, while it breaks Chinese text by its kinsoku lists alone.

In the drafter's .docx, Word's own "no-width non break" (U+200D, Insert › Symbol › Special
Characters), which Word keeps together at a line end, stands only inside the runs where a line
of the body's 28-a-line grid ends, or within a character of it (`line_end_spans`: the line
breaks computed from the grid, a mark that may not start a line taking its character down, a
run a line would end inside going down whole). Elsewhere the text is as typed: a joiner is a
character inside the text, so Word's Find for 习近平 misses "习‍近‍平" and every copy and paste
into an OA system takes it along (a trial found 377 in one report when every run was joined;
the 2015 national report now has 49 joiners in 25 runs, the example 7 runs). The other ways were worse:
a non-breaking space prints a gap, w:noBreakHyphen is only for a hyphen, and Word has no run
property that forbids a break (its kinsoku lists are per character, for the whole document).
LibreOffice converting a copy that keeps together only what the .docx joins breaks no run of
the made-up shapes at any position (tests/test_pdf_text.py), which is as near to Word's view as
this machine can look."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from pathlib import Path

from workbench.document.figures import SUFFIX_QUALIFIERS, UNITS
from workbench.util import lazyre
from workbench.util.textwrap_cjk import NO_LINE_START

JOINER = "\u200d"
NAMES_FILE = Path(__file__).resolve().parents[2] / "templates" / "unbreakable.txt"
LONGEST = 16   # a run longer than this is left to break (it could not fit a line well)
# A listed name longer than this is not kept whole (the shorter names inside it are): a
# run of 16 ("习近平新时代中国特色社会主义思想") that does not fit leaves its line half empty
# and spread out, 14 characters across 26 (corpus: lines spread 7-15 pt a character).
LONGEST_NAME = 8


def read_names(path: Path = NAMES_FILE) -> list[str]:
    """The names of the list, longest first; a missing list is an empty one. Read once per
    version of the file (the writer asks for every paragraph; an office's edit still counts)."""
    try:
        st = path.stat()
    except OSError:
        return []
    return list(_names(path, st.st_mtime_ns, st.st_size))


@lru_cache(maxsize=8)
def _names(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    names = {ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern, re.Pattern]:
    """Names, document numbers, figures: three patterns applied one after another (a glued
    run holds joiners, so a later pattern never matches inside it). One alternation of all
    three was half as fast again: its document-number branch starts with any CJK character,
    so the engine tried it at every position."""
    units = sorted([*UNITS, "个百分点", "万亿", "亿", "万", "倍"], key=len, reverse=True)
    unit = "|".join(map(re.escape, units))
    qualifier = "|".join(map(re.escape, SUFFIX_QUALIFIERS))
    number = r"\d+(?:\.\d+)?"
    figure = lazyre.compile(rf"{number}(?:{unit})(?:{qualifier})?|{number}(?:{qualifier})")
    doc_number = lazyre.compile(r"[\u4e00-\u9fff]{1,4}〔\d{4}〕\d+号")
    names = tuple(n for n in names if len(n) <= LONGEST_NAME)
    name = lazyre.compile("|".join(map(re.escape, names))) if names else None
    return name, doc_number, figure


def _join(m: re.Match) -> str:
    run = m.group(0)
    if len(run) > LONGEST:
        return run
    # Between two ASCII characters (inside 29.9 or 6.5%) no line breaks anyway.
    return _join_run(run)


def glue(text: str, names: list[str] | None = None) -> str:
    """The text with each unbreakable run joined by U+200D between its characters."""
    name, doc_number, figure = _patterns(tuple(read_names() if names is None else names))
    if name is not None:
        text = name.sub(_join, text)
    if "〔" in text:
        text = doc_number.sub(_join, text)
    return figure.sub(_join, text)


def spans(text: str, names: list[str] | None = None) -> list[tuple[int, int]]:
    """Where the unbreakable runs of `text` stand: (start, end), in order, never overlapping."""
    name, doc_number, figure = _patterns(tuple(read_names() if names is None else names))
    found: list[tuple[int, int]] = []
    for pattern in (name, doc_number if "〔" in text else None, figure):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            a, b = m.span()
            if b - a <= LONGEST and not any(a < y and x < b for x, y in found):
                found.append((a, b))
    return sorted(found)


# Characters that never start a line (Word's kinsoku for Chinese): with w:overflowPunct=0 the
# character before such a mark goes down with it.
_NO_LINE_START = frozenset(NO_LINE_START) | frozenset("—‰")  # the terminal wrap's set, and the page's dash and per mille
# A character's width in cells of the body's 28-a-line grid: half for ASCII, one for the rest.
_HALF_CELL = dict.fromkeys(map(chr, range(128)), 0.5)


def line_end_spans(text: str, names: list[str] | None = None, *, first: float, width: float,
                   slack: int = 1) -> list[tuple[int, int]]:
    """The unbreakable runs that stand at a line's end when `text` is laid out on a grid of
    `width` cells a line (`first` for the first): the ones a line would end inside, and those
    within `slack` characters of a line's end (Word's own measure may differ by a character).
    A run that a line would end inside goes down whole, as it will once joined."""
    if len(text) <= first:
        return []  # one line: its only end is the paragraph's
    runs = spans(text, names)
    if not runs:
        return []
    # ends[k]: the cells taken by text[:k + 1] (cumulated in C: map, dict.get, accumulate)
    ends = list(accumulate(map(_HALF_CELL.get, text, repeat(1.0))))
    starts = [a for a, _ in runs]
    breaks: list[int] = []
    line_start, base, capacity = 0, 0.0, first
    while True:
        brk = bisect_right(ends, base + capacity + 1e-6)  # the first character that does not fit
        if brk >= len(text):
            break
        brk = max(brk, line_start + 1)
        if text[brk] in _NO_LINE_START and brk - 1 > line_start:
            brk -= 1  # the mark takes the character before it down
        k = bisect_right(starts, brk) - 1
        if k >= 0 and runs[k][0] < brk < runs[k][1] and runs[k][0] > line_start:
            brk = runs[k][0]  # a run the line would end inside goes down whole
        breaks.append(brk)
        line_start, base, capacity = brk, ends[brk - 1], width
    return [(a, b) for a, b in runs if any(a - slack <= brk <= b + slack for brk in breaks)]


def join_spans(text: str, where: list[tuple[int, int]], offset: int = 0) -> str:
    """`text` (which starts at `offset` of its paragraph) with the runs at `where` joined."""
    if not where:
        return text
    out, pos = [], 0
    for a, b in where:
        a, b = a - offset, b - offset
        if a < pos or b > len(text) or a < 0:
            continue  # a run across two pieces of the paragraph is left as it is
        out.append(text[pos:a])
        out.append(_join_run(text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _join_run(run: str) -> str:
    return run[0] + "".join(("" if a.isascii() and b.isascii() else JOINER) + b
                            for a, b in zip(run, run[1:]))


def unglued(text: str) -> str:
    return text.replace(JOINER, "")
