"""Year against year: figures side by side, the text diff, commitments followed up.

The text diff aligns first and diffs second: sections are paired by title and content
similarity (renamed, added, removed, moved), paragraphs are paired inside them, and only
then is a changed paragraph diffed character by character (rapidfuzz's Indel opcodes:
no junk heuristics, so "，" and common characters are compared like any other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from workbench import strings as S
from workbench.checking.attainment import attainment
from workbench.util.lazyre import LazyRegex
from workbench.document.commitments import FollowUp, follow_up, review_texts
from workbench.document.figures import Figure, convert, find_mentions, format_figure, format_number
from workbench.document.model import Paragraph, Report
from workbench.document.phrasing import ATTAINMENT_WORDS

SECTION_THRESHOLD = 55.0
PARAGRAPH_THRESHOLD = 50.0
_YEAR = LazyRegex(r"(19|20)\d\d年")


# ------------------------------------------------------------ figures across years

@dataclass
class Cell:
    target: Figure | None = None
    result: Figure | None = None
    attainment: str | None = None       # 完成 / 未完成 …
    change: str | None = None           # the result against the year before's result

    def to_dict(self) -> dict[str, Any]:
        return {"target": format_figure(self.target, with_name=False) if self.target else None,
                "result": format_figure(self.result, with_name=False) if self.result else None,
                "attainment": self.attainment, "change": self.change}


@dataclass
class IndicatorRow:
    key: str
    name: str
    cells: dict[int, Cell] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name,
                "years": {str(y): c.to_dict() for y, c in sorted(self.cells.items())}}


def _ident(f: Figure) -> str:
    return f.key or f.name


def figures_across(reports: list[Report]) -> tuple[list[int], list[IndicatorRow]]:
    """One row per indicator (matched by catalogue key whatever the wording), a column per
    year: that year's target (from its report), its result (from the next year's report),
    the attainment, and the change in the result from the year before."""
    by_year = {r.year: r for r in reports}
    years = sorted(by_year)
    rows: dict[str, IndicatorRow] = {}

    def row_for(f: Figure) -> IndicatorRow:
        ident = _ident(f)
        if ident not in rows:
            rows[ident] = IndicatorRow(ident, f.name)
        return rows[ident]

    for y in years:
        for t in by_year[y].targets:
            row_for(t).cells.setdefault(y, Cell()).target = t
    for y in years:
        later = by_year.get(y + 1)
        if later is None:
            continue
        for res in later.results:
            if res.value is None and res.growth_pct is None:
                continue  # a draft's result still to be filled in is not a result
            row_for(res).cells.setdefault(y, Cell()).result = res
    # Results a report states for the year before the first one shown.
    first = by_year[years[0]] if years else None
    if first is not None:
        for res in first.results:
            row = row_for(res)
            if years[0] - 1 not in row.cells:
                row.cells[years[0] - 1] = Cell(result=res)
    for row in rows.values():
        for y, cell in row.cells.items():
            if cell.target is not None and (y + 1) in by_year:
                att = attainment(cell.target, cell.result)
                cell.attainment = ATTAINMENT_WORDS[att.state] if att and cell.result else None
            before = row.cells.get(y - 1)
            if cell.result is not None and before is not None and before.result is not None:
                cell.change = _change(before.result, cell.result)
    shown = sorted({y for r in rows.values() for y in r.cells})
    return shown, list(rows.values())


_RATE_UNITS = ("%", "‰")


def _change(a: Figure, b: Figure) -> str | None:
    """This year's figure against last year's same figure, with one meaning: a rate against
    a rate in 百分点 whenever both state one, else the amount against the amount in %."""
    if a.growth_pct is not None and b.growth_pct is not None:
        pts = b.growth_pct - a.growth_pct
        return S.CMP_CHANGE_POINTS.format(sign="+" if pts >= 0 else "-", value=f"{abs(pts):.1f}")
    if a.value is not None and b.value is not None and a.unit in _RATE_UNITS and b.unit in _RATE_UNITS:
        # A level written as a rate (失业率5.5%, 涨幅0.2%): its change is in 百分点 too.
        pts = b.value - a.value
        return S.CMP_CHANGE_POINTS.format(sign="+" if pts >= 0 else "-", value=f"{abs(pts):.1f}")
    if a.value is not None and b.value is not None:
        conv = convert(a.value, a.unit, b.unit)
        if conv:
            pct = (b.value - conv) / abs(conv) * 100
            return S.CMP_CHANGE_PERCENT.format(sign="+" if pct >= 0 else "-", value=f"{abs(pct):.1f}")
    return None


# ------------------------------------------------------------ text diff

SAME, CHANGED, RENAMED, ADDED, REMOVED, MOVED = "same", "changed", "renamed", "added", "removed", "moved"
STATE_WORDS = S.DIFF_STATE_WORDS


@dataclass
class ParagraphChange:
    state: str
    a: int | None
    b: int | None
    text_a: str = ""
    text_b: str = ""
    ops: list[tuple[str, str, str]] = field(default_factory=list)   # (equal|delete|insert|replace, a, b)
    figures: list[str] = field(default_factory=list)                 # figures that changed in the text

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "a": self.a, "b": self.b, "text_a": self.text_a,
                "text_b": self.text_b, "ops": [list(o) for o in self.ops], "figures": self.figures}


@dataclass
class SectionChange:
    state: str
    a: tuple[int, int | None] | None
    b: tuple[int, int | None] | None
    title_a: str = ""
    title_b: str = ""
    moved: bool = False
    paragraphs: list[ParagraphChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "a": self.a, "b": self.b, "title_a": self.title_a,
                "title_b": self.title_b, "moved": self.moved,
                "paragraphs": [p.to_dict() for p in self.paragraphs]}


@dataclass
class _Block:
    """A section, or a chapter's own paragraphs, as a unit to align."""

    where: tuple[int, int | None]
    title: str
    paragraphs: list[Paragraph]

    @property
    def norm_title(self) -> str:
        return _YEAR.sub("Y年", self.title)

    @property
    def text(self) -> str:
        return "".join(p.full_text for p in self.paragraphs)[:1500]


def _blocks(report: Report) -> list[_Block]:
    out = []
    for ci, ch in enumerate(report.chapters):
        if ch.paragraphs:
            out.append(_Block((ci, None), ch.title or "", ch.paragraphs))
        for si, sec in enumerate(ch.sections):
            out.append(_Block((ci, si), sec.title, sec.paragraphs))
    return out


def _pair(a_items: list, b_items: list, score, threshold: float) -> list[tuple[int, int, float]]:
    """Greedy best-first pairing of two lists by a similarity score (0–100)."""
    candidates = []
    for i, x in enumerate(a_items):
        for j, y in enumerate(b_items):
            s = score(x, y)
            if s >= threshold:
                candidates.append((s, -abs(i - j), i, j))
    candidates.sort(reverse=True)
    used_a, used_b, pairs = set(), set(), []
    for s, _, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, s))
    return pairs


def _moved(pairs: list[tuple[int, int, float]]) -> set[int]:
    """The a-indexes of pairs out of order: those not on a longest increasing run of b."""
    ordered = sorted(pairs)
    bs = [j for _, j, _ in ordered]
    n = len(bs)
    if n == 0:
        return set()
    best = [1] * n
    prev = [-1] * n
    for k in range(n):
        for m in range(k):
            if bs[m] < bs[k] and best[m] + 1 > best[k]:
                best[k], prev[k] = best[m] + 1, m
    k = max(range(n), key=lambda x: best[x])
    keep = set()
    while k != -1:
        keep.add(ordered[k][0])
        k = prev[k]
    return {i for i, _, _ in ordered if i not in keep}


def _block_score(x: _Block, y: _Block) -> float:
    if x.norm_title and x.norm_title == y.norm_title:
        return 100.0
    title = fuzz.ratio(x.norm_title, y.norm_title) if x.norm_title and y.norm_title else 0.0
    body = fuzz.ratio(x.text, y.text) if x.text and y.text else 0.0
    return max(title, body * 0.95)


def _para_score(x: Paragraph, y: Paragraph) -> float:
    if x.lead and x.lead == y.lead:
        return 100.0
    return fuzz.ratio(x.full_text, y.full_text)


_TOKEN = LazyRegex(r"[0-9０-９]+(?:[.．,][0-9０-９]+)*[%％]?|[A-Za-z]+|.", re.S)
REWRITE_BELOW = 60.0


_SENTENCE = LazyRegex(r"[^。！？；]*[。！？；]")


def _common_sentences(a: str, b: str) -> tuple[str, str]:
    """Whole sentences two paragraphs begin and end with alike ("优先发展教育。")."""
    sa, sb = _SENTENCE.findall(a), _SENTENCE.findall(b)
    head = []
    for x, y in zip(sa, sb):
        if x != y:
            break
        head.append(x)
    rest_a, rest_b = sa[len(head):], sb[len(head):]
    tail = []
    for x, y in zip(reversed(rest_a), reversed(rest_b)):
        if x != y:
            break
        tail.insert(0, x)
    h, t = "".join(head), "".join(tail)
    if not a.endswith(t) or not b.endswith(t) or len(h) + len(t) >= min(len(a), len(b)):
        return h if len(h) < min(len(a), len(b)) else "", ""
    return h, t


def char_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """Character-level diff of two paragraphs; a number is one unit ("5.5%" → "5.8%", not
    "5.[-5-]{+8+}%"), and a paragraph rewritten beyond recognition is one replacement."""
    if a == b:
        return [("equal", a, b)]
    if fuzz.ratio(a, b) < REWRITE_BELOW:
        # Rewritten, but whole sentences it begins or ends with alike are kept as they are.
        head, tail = _common_sentences(a, b)
        ma, mb = a[len(head):len(a) - len(tail)], b[len(head):len(b) - len(tail)]
        middle = [("replace", ma, mb)] if ma and mb else [("insert" if mb else "delete", ma, mb)]
        return ([("equal", head, head)] if head else []) + middle + ([("equal", tail, tail)] if tail else [])
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    ops: list[tuple[str, str, str]] = []
    for op in Indel.opcodes(ta, tb):
        ops.append((op.tag, "".join(ta[op.src_start:op.src_end]), "".join(tb[op.dest_start:op.dest_end])))
    merged: list[tuple[str, str, str]] = []
    for tag, x, y in ops:  # a delete next to an insert reads as one replacement
        if merged and merged[-1][0] != "equal" and tag != "equal":
            _, px, py = merged.pop()
            merged.append(("replace", px + x, py + y))
        else:
            merged.append((tag, x, y))
    out: list[tuple[str, str, str]] = []
    for tag, x, y in merged:
        if tag == "replace" and not x:
            tag = "insert"
        elif tag == "replace" and not y:
            tag = "delete"
        out.append((tag, x, y))
    return out


_CLAUSE_END = "。；：;:！？\n"
_GROWTH_HEAD = ("增长", "下降", "增速", "同比", "比上年", "年均", "减少")


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding position `start` begins: after the last "。；：", or after a
    "，" unless what follows it is the growth of the same indicator ("…亿元，增长8%")."""
    i = start
    while i > 0:
        c = text[i - 1]
        if c in _CLAUSE_END:
            return i
        if c in "，,、" and not text.startswith(_GROWTH_HEAD, i):
            return i
        i -= 1
    return 0


PHRASE_GAP = 2
_SENTENCE_END = set("。！？；")


def phrase_ops(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Character edits joined into phrases a person reads: a change, a short unchanged run
    (at most PHRASE_GAP characters, no sentence end) and the next change become one
    replacement, so "提[升]商贸载体" → "推动商圈[升]级" reads 提升商贸载体 → 推动商圈升级."""
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(ops):
        tag, x, y = ops[i]
        if tag != "equal" and out and out[-1][0] != "equal":
            _, px, py = out.pop()
            out.append(("replace", px + x, py + y))
        elif (tag == "equal" and out and out[-1][0] != "equal" and i + 1 < len(ops)
              and len(x) <= PHRASE_GAP and not (set(x) & _SENTENCE_END)):
            _, px, py = out.pop()
            out.append(("replace", px + x, py + x))
        else:
            out.append((tag, x, y))
        i += 1
    return [("insert" if t == "replace" and not x else "delete" if t == "replace" and not y else t, x, y)
            for t, x, y in out]


_DIGITS = LazyRegex(r"[0-9０-９.．,，%％]")


def _words_before(text: str, start: int) -> str:
    """The six characters before a number with other numbers left out, so "100亿元，增长"
    and "107.2亿元，增长" have the same context."""
    return _DIGITS.sub("", text[max(0, start - 10):start])[-6:]


def _changed_figures(a: str, b: str) -> list[str]:
    """Figures in the text whose number changed, each with its full label and the value and
    growth of one indicator together: "完成固定资产投资总额14.43亿元，增长12.5% → 22.5亿元，增长55.9%"."""
    ma, mb = find_mentions(a), find_mentions(b)
    pairs = []
    used = set()
    for x in ma:
        before_a = _words_before(a, x.start)
        best = None
        for k, y in enumerate(mb):
            if k in used or y.unit != x.unit or y.growth != x.growth:
                continue
            before_b = _words_before(b, y.start)
            if fuzz.ratio(before_a, before_b) >= 60:
                best = k
                break
        if best is None:
            continue
        used.add(best)
        pairs.append((x, mb[best]))
    groups: dict[int, list] = {}
    for x, y in pairs:
        groups.setdefault(_clause_start(a, x.start), []).append((x, y))
    out = []
    for start, group in groups.items():
        if all(x.value == y.value for x, y in group):
            continue
        first_a, last_a = group[0][0], group[-1][0]
        first_b, last_b = group[0][1], group[-1][1]
        label = a[start:first_a.start].strip()
        out.append(f"{label}{a[first_a.start:last_a.end]} → {b[first_b.start:last_b.end]}")
    return out


def _reading_order(na: int, nb: int, pairs: list[tuple[int, int, float]],
                   moved: set[int]) -> list[tuple[int | None, int | None]]:
    """Both lists merged into one order that reads top to bottom on either side: the pairs in
    order (not moved) stand where they stand; between two of them, what only `a` has
    (removed) and what only `b` has (added) each keep their own place, interleaved by where
    they fall in that stretch of their own list (the removed first when they fall alike). A
    moved pair stands where `b` has it, since the two sides cannot both keep their order
    there. Each item is (a index, b index), None on the side that has nothing."""
    by_b = {j: i for i, j, _ in pairs}
    paired_a = {i for i, _, _ in pairs}
    anchors = sorted((i, j) for i, j, _ in pairs if i not in moved)
    out: list[tuple[int | None, int | None]] = []
    prev_i = prev_j = -1
    for next_i, next_j in anchors + [(na, nb)]:
        gap: list[tuple[float, int, int | None, int | None]] = []
        for i in range(prev_i + 1, next_i):
            if i not in paired_a:
                gap.append(((i - prev_i) / (next_i - prev_i), 0, i, None))
        for j in range(prev_j + 1, next_j):
            gap.append(((j - prev_j) / (next_j - prev_j), 1, by_b.get(j), j))
        out += [(i, j) for _, _, i, j in sorted(gap, key=lambda g: g[:2])]
        if next_i < na:
            out.append((next_i, next_j))
        prev_i, prev_j = next_i, next_j
    return out


def _diff_paragraphs(pa: list[Paragraph], pb: list[Paragraph]) -> list[ParagraphChange]:
    pairs = _pair(pa, pb, _para_score, PARAGRAPH_THRESHOLD)
    moved = _moved(pairs)
    out: list[ParagraphChange] = []
    for i, j in _reading_order(len(pa), len(pb), pairs, moved):
        if i is None:
            out.append(ParagraphChange(ADDED, None, j, "", pb[j].full_text))
        elif j is None:
            out.append(ParagraphChange(REMOVED, i, None, pa[i].full_text, ""))
        else:
            a_text, b_text = pa[i].full_text, pb[j].full_text
            if a_text == b_text:
                out.append(ParagraphChange(MOVED if i in moved else SAME, i, j, a_text, b_text))
            else:
                out.append(ParagraphChange(MOVED if i in moved else CHANGED, i, j, a_text, b_text,
                                           char_diff(a_text, b_text), _changed_figures(a_text, b_text)))
    return out


def text_diff(a: Report, b: Report) -> list[SectionChange]:
    """Sections (and chapters' own paragraphs) of two reports aligned, then diffed; in an
    order each side reads in its own report's order (see _reading_order)."""
    ba, bb = _blocks(a), _blocks(b)
    pairs = _pair(ba, bb, _block_score, SECTION_THRESHOLD)
    moved = _moved(pairs)
    out: list[SectionChange] = []
    for i, j in _reading_order(len(ba), len(bb), pairs, moved):
        if i is None:
            y = bb[j]
            out.append(SectionChange(ADDED, None, y.where, "", y.title,
                                     paragraphs=[ParagraphChange(ADDED, None, k, "", p.full_text)
                                                 for k, p in enumerate(y.paragraphs)]))
            continue
        x = ba[i]
        if j is None:
            out.append(SectionChange(REMOVED, x.where, None, x.title, "",
                                     paragraphs=[ParagraphChange(REMOVED, k, None, p.full_text, "")
                                                 for k, p in enumerate(x.paragraphs)]))
            continue
        y = bb[j]
        paras = _diff_paragraphs(x.paragraphs, y.paragraphs)
        if x.norm_title != y.norm_title:
            state = RENAMED
        elif all(p.state == SAME for p in paras):
            state = SAME
        else:
            state = CHANGED
        out.append(SectionChange(state, x.where, y.where, x.title, y.title,
                                 moved=i in moved, paragraphs=paras))
    return out


# ------------------------------------------------------------ commitments

def commitments_followed(a: Report, b: Report) -> list[FollowUp]:
    """The promises of `a` (countable actions only, as check's I501 takes them) and what
    `b` says of each; none when `b` is the same year (a version against the working state)."""
    from workbench.document.commitments import is_action_promise

    if b.year <= a.year:
        return []
    old = {t for _, t in review_texts(a)}  # a review copied over from `a` answers nothing
    texts = [(where, t) for where, t in review_texts(b) if t not in old]
    return [follow_up(c, b, texts) for c in a.commitments if is_action_promise(c, a)]


FOLLOW_WORDS = S.FOLLOW_WORDS


# ------------------------------------------------------------ two versions of one year

_STATED = ("value", "unit", "growth_pct", "qualifier", "growth_pct_max", "stretch_pct")
TARGETS_KIND, RESULTS_KIND = "targets", "results"


@dataclass
class VersionRow:
    """One indicator of one table in two versions of the same year's report, both figures kept."""

    kind: str                 # "targets" or "results"
    name: str
    a: Figure | None          # in the earlier version (None: not in its table)
    b: Figure | None

    @property
    def state(self) -> str:
        if self.a is None:
            return ADDED
        if self.b is None:
            return REMOVED
        same = all(getattr(self.a, f) == getattr(self.b, f) for f in _STATED)
        return SAME if same else CHANGED

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.kind, "name": self.name, "state": self.state,
                "a": value_text(self.a) or None, "b": value_text(self.b) or None}


def figures_between(a: Report, b: Report) -> list[VersionRow]:
    """Targets, then results, one row per indicator of either version (matched by catalogue key
    or name, in the later version's order, then what only the earlier one has)."""
    out: list[VersionRow] = []
    for kind in (TARGETS_KIND, RESULTS_KIND):
        before = list(getattr(a, kind))
        for f in getattr(b, kind):
            k = next((i for i, g in enumerate(before) if _ident(g) == _ident(f)), None)
            out.append(VersionRow(kind, f.name, before.pop(k) if k is not None else None, f))
        out.extend(VersionRow(kind, g.name, g, None) for g in before)
    return out


# ------------------------------------------------------------ all together

@dataclass
class Comparison:
    a: Report
    b: Report
    years: list[int]
    rows: list[IndicatorRow]
    sections: list[SectionChange]
    follow_ups: list[FollowUp]
    labels: tuple[str, str] = ("", "")   # "2025年（征求意见稿）" when a side is a version
    versions: list[VersionRow] | None = None  # two versions of one year: both figures of each row

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.b.place, "year_a": self.a.year, "year_b": self.b.year,
            "figures": {"years": self.years, "rows": [r.to_dict() for r in self.rows]},
            **({"versions": [v.to_dict() for v in self.versions]} if self.versions is not None else {}),
            "text": [s.to_dict() for s in self.sections],
            "commitments": [{"raw": f.commitment.raw, "state": f.state, "excerpt": f.excerpt}
                            for f in self.follow_ups],
        }


def compare(a: Report, b: Report, labels: tuple[str | None, str | None] = (None, None)) -> Comparison:
    years, rows = figures_across([a, b])
    shown = (labels[0] or S.CMP_LABEL_YEAR.format(year=a.year), labels[1] or S.CMP_LABEL_YEAR.format(year=b.year))
    versions = figures_between(a, b) if a.year == b.year else None
    return Comparison(a, b, years, rows, text_diff(a, b), commitments_followed(a, b), shown, versions)


def value_text(f: Figure | None) -> str:
    if f is None:
        return ""
    return format_figure(f, with_name=False)


__all__ = ["compare", "figures_across", "figures_between", "VersionRow", "text_diff", "char_diff", "phrase_ops", "commitments_followed",
           "Comparison", "format_number"]
