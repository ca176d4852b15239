"""Wrap Chinese text by display width: a Chinese character takes two columns, a line may
break between any two of them, never inside a Latin word or a number, and never before
a closing punctuation mark (，。；：、）” and the like)."""

from __future__ import annotations

import re
from typing import Iterable

from rich.cells import cell_len

NO_LINE_START = set("，。；：、！？）》」』】〕〗”’…%％·")
NO_LINE_END = set("（《「『【〔〖“‘")
_ATOM = re.compile(r"[〔〖⦅][删增]：|[-+]*[A-Za-z0-9][A-Za-z0-9.,%％+\-_/:]*(?:个百分点)?|个百分点|\s+|.", re.S)

# With keep_units, a number keeps its unit on its line: "107.2亿元", "3000万美元", "15个".
_UNIT = r"(?:个百分点|亿美元|万美元|亿元|万元|万人|万吨|平方米|公里|公顷|美元|元|人次|人|个|家|项|亩|吨|户|所|座|条|张|台|套|次|倍)"
_ATOM_UNITS = re.compile(r"[〔〖⦅][删增]：|[-+]*[A-Za-z0-9][A-Za-z0-9.,%％+\-_/:]*" + _UNIT + r"?|个百分点|\s+|.", re.S)

_MARK_OPEN = re.compile(r"[〔〖⦅][删增]：")

Span = tuple[str, "str | None"]


def _atoms(spans: Iterable[Span], keep_units: bool = False) -> list[Span]:
    out: list[Span] = []
    atom = _ATOM_UNITS if keep_units else _ATOM
    for text, style in spans:
        out += [(m.group(), style) for m in atom.finditer(text)]
    return out


def wrap_spans(spans: Iterable[Span], width: int, indent: str = "",
               subsequent: str | None = None, *, keep_units: bool = False) -> list[list[Span]]:
    """Styled text into lines of at most `width` columns (indents included)."""
    subsequent = indent if subsequent is None else subsequent
    lines: list[list[Span]] = []

    def start(prefix: str, carry: list[Span] = ()) -> tuple[list[Span], int, int]:
        head = [(prefix, None)] if prefix else []
        return head + list(carry), len(head), cell_len(prefix) + sum(cell_len(t) for t, _ in carry)

    line, base, used = start(indent)
    for atom in _atoms(spans, keep_units):
        text, style = atom
        w = cell_len(text)
        if text.isspace() and "\n" in text:
            lines.append(line)
            line, base, used = start(subsequent)
            continue
        if used + w > width and len(line) > base:
            if text.isspace():
                continue
            carry: list[Span] = []
            # Keep a closing mark with the character before it, and an opening mark with the next.
            if text[0] in NO_LINE_START and len(line) - base > 1:
                carry.insert(0, line.pop())
            while len(line) - base > 1 and line[-1][0] and (line[-1][0][-1] in NO_LINE_END
                                                            or _MARK_OPEN.fullmatch(line[-1][0])):
                carry.insert(0, line.pop())
            lines.append(line)
            line, base, used = start(subsequent, carry)
        if used + w > width and len(text) > 1 and not text.isspace():
            # A word or number longer than the room left on a fresh line: break it by characters.
            for ch in text:
                if used + cell_len(ch) > width and len(line) > base:
                    lines.append(line)
                    line, base, used = start(subsequent)
                line.append((ch, style))
                used += cell_len(ch)
            continue
        if text.isspace() and len(line) == base and lines:
            continue
        line.append(atom)
        used += w
    lines.append(line)
    return [_merge(l) for l in lines]


def _merge(line: list[Span]) -> list[Span]:
    """Neighbouring atoms of one style joined, trailing spaces dropped."""
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
