"""Wrap Chinese text by display width: a Chinese character takes two columns, a line may
break between any two of them, never inside a Latin word or a number, never before a
closing punctuation mark (，。；：、）” and the like) and never after an opening one (（“).

Where a line may break is decided on the text alone, and the spans' styles are laid over
the lines afterwards: a number half highlighted by a diff ("107.2" marked, "亿元" not)
keeps its unit all the same."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from rich.cells import cell_len
from workbench.util import lazyre

NO_LINE_START = set("，。；：、！？）》」』】〕〗”’…%％·")
NO_LINE_END = set("（《「『【〔〖“‘")
_ATOM = lazyre.compile(r"[〔〖⦅][删增]：|[-+]*[A-Za-z0-9][A-Za-z0-9.,%％+\-_/:]*(?:个百分点)?|个百分点|\s+|.", re.S)

# With keep_units, a number keeps its unit on its line ("107.2亿元", "3000万美元", "15个"),
# and a bound after it too ("8%左右", "3.2%以内", "500亩以上").
_UNIT = r"(?:个百分点|亿美元|万美元|亿元|万元|万人|万吨|平方米|公里|公顷|美元|元|人次|人|个|家|项|亩|吨|户|所|座|条|张|台|套|次|倍)"
_BOUND = r"(?:左右|以上|以内|以下)"
_ATOM_UNITS = lazyre.compile(r"[〔〖⦅][删增]：|[-+]*[A-Za-z0-9][A-Za-z0-9.,%％+\-_/:]*" + _UNIT + "?" + _BOUND
                         + r"?|个百分点|\s+|.", re.S)

_MARK_OPEN = lazyre.compile(r"[〔〖⦅][删增]：")

Span = tuple[str, "str | None"]


def _glued(left: str, right: str) -> bool:
    """True when no line may break between two neighbouring atoms (neither a space)."""
    return (right[0] in NO_LINE_START or left[-1] in NO_LINE_END
            or (left[-1] == right[0] and right[0] in "—…")
            or (left[0] in "〔〖⦅" and bool(_MARK_OPEN.fullmatch(left))))


@lru_cache(maxsize=4096)
def _groups(text: str, keep_units: bool) -> tuple[tuple[int, int], ...]:
    """The text cut where a line may break: (start, end) runs of atoms (numbers with their
    units, characters, spaces) no line breaks inside ("九，", "《新", "栈》、", "债 ”，").
    A run of spaces holding a line feed stands alone; other spaces stand alone too unless
    a closing mark follows them or an opening mark precedes them."""
    atoms = [(m.start(), m.end()) for m in (_ATOM_UNITS if keep_units else _ATOM).finditer(text)]
    groups: list[tuple[int, int]] = []
    last_word = None  # the last atom that is not a space, since the last line feed
    for k, (s, e) in enumerate(atoms):
        piece = text[s:e]
        if piece.isspace():
            if "\n" in piece:
                groups.append((s, e))
                last_word = None
                continue
            nxt = atoms[k + 1] if k + 1 < len(atoms) else None
            follows = text[nxt[0]:nxt[1]] if nxt else ""
            glue = ((last_word is not None and text[last_word[1] - 1] in NO_LINE_END)
                    or (last_word is not None and follows and not follows.isspace()
                        and follows[0] in NO_LINE_START))
            if glue and groups:
                groups[-1] = (groups[-1][0], e)
            else:
                groups.append((s, e))
            continue
        if groups and last_word is not None and groups[-1][1] == s and _glued(text[last_word[0]:last_word[1]], piece):
            groups[-1] = (groups[-1][0], e)
        else:
            groups.append((s, e))
        last_word = (s, e)
    return tuple(groups)


def _can_break(text: str, k: int) -> bool:
    """Whether a line may end before text[k] (inside a run too long for any line)."""
    return text[k] not in NO_LINE_START and text[k - 1] not in NO_LINE_END


def _line_ranges(text: str, width: int, first: int, later: int, keep_units: bool) -> list[tuple[int, int]]:
    """(start, end) of each line's text; `first` and `later` are the indents' widths."""
    lines: list[tuple[int, int]] = []
    start = end = 0
    used = first

    def new_line(at: int) -> None:
        nonlocal start, end, used
        lines.append((start, end))
        start = end = at
        used = later

    for s, e in _groups(text, keep_units):
        piece = text[s:e]
        if piece.isspace():
            if "\n" in piece:
                new_line(e)
            elif end > start or not lines:   # spaces opening a wrapped line are dropped
                used += cell_len(piece)
                end = e
            else:
                start = end = e
            continue
        w = cell_len(piece)
        if used + w > width and end > start:
            new_line(s)
        while used + w > width and e - s > 1:
            # Longer than a whole line: cut it by characters, where the rules allow if they can.
            fit, room = s, used
            while fit < e and room + cell_len(text[fit]) <= width:
                room += cell_len(text[fit])
                fit += 1
            if fit == s and end > start:
                new_line(s)
                continue
            fit = max(fit, s + 1)
            cut = next((k for k in range(fit, s, -1) if _can_break(text, k)), fit)
            end = cut
            new_line(cut)
            s = cut
            w = cell_len(text[s:e])
        end = e
        used += w
    lines.append((start, end))
    return lines


def wrap_spans(spans: Iterable[Span], width: int, indent: str = "",
               subsequent: str | None = None, *, keep_units: bool = False) -> list[list[Span]]:
    """Styled text into lines of at most `width` columns (indents included)."""
    subsequent = indent if subsequent is None else subsequent
    spans = [(t, s) for t, s in spans if t]
    text = "".join(t for t, _ in spans)
    bounds, at = [], 0   # (start, end, style) of each span in the text
    for t, style in spans:
        bounds.append((at, at + len(t), style))
        at += len(t)
    out = []
    k = 0
    for n, (ls, le) in enumerate(_line_ranges(text, width, cell_len(indent), cell_len(subsequent), keep_units)):
        prefix = indent if n == 0 else subsequent
        line: list[Span] = [(prefix, None)] if prefix else []
        while k > 0 and bounds[k - 1][1] > ls:
            k -= 1
        while k < len(bounds) and bounds[k][1] <= ls:
            k += 1
        j = k
        while j < len(bounds) and bounds[j][0] < le:
            s, e, style = bounds[j]
            piece = text[max(s, ls):min(e, le)]
            if piece:
                line.append((piece, style))
            j += 1
        out.append(_merge(line))
    return out


def _merge(line: list[Span]) -> list[Span]:
    """Neighbouring pieces of one style joined, trailing spaces dropped."""
    out: list[Span] = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    while out and out[-1][0].strip() == "" and len(out) > 1:
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip() or out[-1][0], out[-1][1])
    return out


def wrap_cells(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Plain text wrapped to `width` columns."""
    return ["".join(t for t, _ in line) for line in wrap_spans([(text, None)], width, indent, subsequent)]
