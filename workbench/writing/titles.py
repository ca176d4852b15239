"""A title longer than a line, broken by meaning (GB/T 9704 §7.3.1: 词意完整，排列对称，长短适宜，
标题排列应当使用梯形或菱形).

The title is cut only where a word ends: never inside a phrase of templates/titlewords.txt
(国民经济和社会发展计划, 政府工作报告, 人民代表大会 …, an office extends it), the place's name or
a year ("2025年"). Among the cuts, a line that starts with a joining word (与, 和, 及, 暨) or
after 关于 reads best, one that starts with 的 or ends in a joining word worst. The lines
take a trapezoid (each no shorter than the one above, or each no longer) or a diamond (longest
in the middle); among those the most even and best cut, with no line much shorter than the
longest, is chosen, in as few lines as fit (a line more only where it spares a poor cut)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from workbench.document import layout as L

WORDS_FILE = Path(__file__).resolve().parents[2] / "templates" / "titlewords.txt"
# 22 pt characters, condensed 0.25 pt as the body, in the 156 mm block: 20.3 a line.
TITLE_CHARS = ((L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM) / 25.4 * 72
               / (L.TITLE_PT + L.CHAR_SPACING_TWENTIETHS / 20)) - 0.1
_ASCII_RUN = re.compile(r"[\x21-\x7e]+")


def title_width(line: str) -> float:
    """A title line's width in 22 pt characters as it prints: a digit of the title's face is
    0.6 of one (measured: "2024" 51.5 pt), and a run of them gets the space Word and
    LibreOffice put between Chinese and Latin text (about 0.2 a side)."""
    runs = _ASCII_RUN.findall(line)
    ascii_chars = sum(map(len, runs))
    return len(line) - ascii_chars + 0.6 * ascii_chars + 0.4 * len(runs)

_JOINING = "与和及暨并"
_NEVER = 1_000
_YEAR = re.compile(r"\d{4}年(?:度)?|\d+(?:\.\d+)?%?|第[一二三四五六七八九十百]+[届次]")


@lru_cache(maxsize=4)
def _words(path: Path, mtime_ns: int) -> tuple[str, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(sorted({ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")},
                        key=len, reverse=True))


def read_words(path: Path = WORDS_FILE) -> list[str]:
    """The phrases a title never breaks inside, longest first; a missing list is empty."""
    try:
        return list(_words(path, path.stat().st_mtime_ns))
    except OSError:
        return []


def _cut_costs(title: str, keep: list[str]) -> list[int]:
    """cost[i]: how badly a line break before title[i] reads (i = 1 … len - 1)."""
    n = len(title)
    inside = [False] * (n + 1)      # inside[i]: a break before i splits a kept phrase
    ends = [False] * (n + 1)        # ends[i]: a kept phrase ends (or starts) at i
    spans = [m.span() for m in _YEAR.finditer(title)]
    for word in keep:
        spans += [m.span() for m in re.finditer(re.escape(word), title)]
    for a, b in spans:
        for i in range(a + 1, b):
            inside[i] = True
        ends[a] = ends[b] = True
    costs = [_NEVER] * (n + 1)
    for i in range(1, n):
        before, after = title[i - 1], title[i]
        if inside[i] or (before.isascii() and after.isascii()) or after in "，、：；。）”》":
            continue
        if after in _JOINING or title.startswith("关于", i - 2) and i >= 2 or before in "，、：":
            cost = 0
        elif after == "的" or before in _JOINING or before in "（“《":
            cost = 8
        elif before == "的" or ends[i]:
            cost = 1
        else:
            cost = 4            # between two characters no listed word accounts for
        costs[i] = cost
    return costs


def _shape(widths: list[float]) -> int | None:
    """0 for a trapezoid widening down or a diamond, 1 for one narrowing down (倒梯形),
    None for any other shape (an hourglass, a zigzag)."""
    pairs = list(zip(widths, widths[1:]))
    if all(a <= b for a, b in pairs):
        return 0
    top = widths.index(max(widths))
    if 0 < top < len(widths) - 1 and all(a <= b for a, b in pairs[:top]) \
            and all(a >= b for a, b in pairs[top:]):
        return 0
    if all(a >= b for a, b in pairs):
        return 1
    return None


def title_lines(title: str, *, width: float = TITLE_CHARS, keep: list[str] | None = None,
                place: str = "") -> list[str]:
    """The title as the lines it is set in: whole when it fits, else cut by meaning into a
    trapezoid or a diamond (see the module's note), each line at most `width` characters."""
    if title_width(title) <= width:
        return [title]
    words = [*(read_words() if keep is None else keep), *([place] if place else [])]
    costs = _cut_costs(title, words)
    cuts = [i for i in range(1, len(title)) if costs[i] < _NEVER]
    least = int(-(-title_width(title) // width))
    best = None
    for count in range(least, least + 3):      # a line more only for a much better cut
        for chosen in combinations(cuts, count - 1):
            bounds = (0, *chosen, len(title))
            lines = [title[a:b] for a, b in zip(bounds, bounds[1:])]
            widths = [title_width(t) for t in lines]
            if max(widths) > width:
                continue
            shape = _shape(widths)
            if shape is None:
                continue
            # 长短适宜: a line much shorter than the longest ("关于" alone) counts against
            short = sum(max(0.0, 0.4 * max(widths) - w) for w in widths)
            score = (10 * sum(costs[i] for i in chosen) + 5 * shape + (max(widths) - min(widths))
                     + 3 * short + 20 * (count - least))
            if best is None or score < best[0]:
                best = (score, lines)
    return best[1] if best else [title]   # no cut by meaning fits: it breaks where it is full
