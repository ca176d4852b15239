"""Runs of text that must not break across lines: a leader's name with its title (the list in
templates/unbreakable.txt, which an office extends), a number with its unit and qualifier
(29.9万人, 6.5%左右, 300项) and a document number (穗府〔2024〕1号).

The runs are kept whole in the PDF: the copy LibreOffice lays out (writing/pdf.py) has each
run as word-joined text (U+2060) of a non-CJK language, which its Unicode line breaking keeps
whole, while it breaks Chinese text by its kinsoku lists alone. The drafter's .docx carries
the text as typed, with no joiner: Word's own "no-width non break" (U+200D) would keep a run
together in Word too, but it is a character inside the text, so Word's Find for 习近平 misses
"习‍近‍平" and every copy and paste into an OA system, a web page or a chat takes it along (a
trial's finding). Word has no run property that forbids a break (its kinsoku lists are per
character, for the whole document), so Word lays those lines out by its own rules; the layout
pass's character spacing (writing/layoutpass.py), kept in the .docx, starts Word from the same
line breaks as the PDF. `glue` joins with U+200D, which the PDF copy turns into U+2060."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from workbench.document.figures import SUFFIX_QUALIFIERS, UNITS
from workbench.util import lazyre

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
    return run[0] + "".join(("" if a.isascii() and b.isascii() else JOINER) + b
                            for a, b in zip(run, run[1:]))


def glue(text: str, names: list[str] | None = None) -> str:
    """The text with each unbreakable run joined by U+200D between its characters."""
    name, doc_number, figure = _patterns(tuple(read_names() if names is None else names))
    if name is not None:
        text = name.sub(_join, text)
    if "〔" in text:
        text = doc_number.sub(_join, text)
    return figure.sub(_join, text)


def unglued(text: str) -> str:
    return text.replace(JOINER, "")
