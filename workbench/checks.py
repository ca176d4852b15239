"""Check rules (DESIGN §5): a report, and last year's report, in; findings out.

Each rule is a small function with a stable code. Codes are a contract: keep them.
E1xx completeness of the figures, W2xx/I2xx attainment, W3xx arithmetic and sanity,
W4xx text, I5xx commitments.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import catalog
from .commitments import follow_up, is_review_chapter, review_texts
from .figures import Figure, comparable, convert, decimals, find_mentions, format_number, normalize
from .model import Report
from .phrasing import (
    ATTAINMENT_WORDS, BASICALLY_MET, EXCEEDED, MET, MISSED, NO_DATA, NOT_COMPARABLE,
)

ERROR, WARNING, INFO = "error", "warning", "info"
_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass
class Settings:
    """Tolerances for the 左右 qualifier and the sanity rules."""

    growth_tolerance_pts: float = 0.5   # 基本完成 within this many points below a growth target
    value_tolerance_pct: float = 2.0    # … or this many percent below a value target
    slip_ratio: float = 8.0             # a value this many times (or 1/this) last year's: a unit slip
    growth_limit_pct: float = 100.0     # growth above this is flagged for a second look


DEFAULT_SETTINGS = Settings()


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    where: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "where": self.where}


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def _fig_where(kind: str, index: int, fig: Figure) -> dict[str, Any]:
    return {"figure": fig.name, "list": kind, "index": index}


def _para_where(ci: int, si: int | None, pi: int | None = None) -> dict[str, Any]:
    return {"chapter": ci, "section": si, "paragraph": pi}


# ------------------------------------------------------------ attainment

@dataclass
class Attainment:
    """How a result measures up to a target."""

    state: str
    basis: str | None = None        # "growth" | "value"
    target: float | None = None
    result: float | None = None
    gap: float | None = None        # points for growth, percent for value; + is better
    unit: str | None = None

    @property
    def word(self) -> str:
        return ATTAINMENT_WORDS[self.state]

    def describe(self, target: Figure) -> str:
        if self.state == NO_DATA:
            return "无完成数"
        if self.state == NOT_COMPARABLE:
            return "单位无法比较"
        qual = target.qualifier if target.qualifier not in (None, "区间") else ""
        if self.basis == "growth":
            text = (f"增速{format_number(_r(self.result))}%，目标{_target_growth(target)}{qual}")
            gap_unit = "个百分点"
        else:
            text = (f"完成{format_number(_r(self.result))}{self.unit or ''}，"
                    f"目标{format_number(_r(self.target))}{self.unit or ''}{qual}")
            gap_unit = "%"
        if self.gap is not None and abs(self.gap) >= 0.005:
            side = "高于" if self.gap > 0 else "低于"
            if self.basis == "growth":
                diff = (self.result or 0) - (self.target or 0)
                side = "高于" if diff > 0 else "低于"
                text += f"，{side}目标{format_number(_r(abs(diff)))}{gap_unit}"
            else:
                diff = ((self.result or 0) - (self.target or 0)) / abs(self.target or 1) * 100
                side = "高于" if diff > 0 else "低于"
                text += f"，{side}目标{format_number(_r(abs(diff)))}{gap_unit}"
        return text + ("（按增速比较）" if self.basis == "growth" else "（按数值比较）")


def _r(x: float | None, nd: int = 2) -> float:
    if x is None:
        return 0
    y = round(x, nd)
    return int(y) if float(y).is_integer() else y


def _target_growth(t: Figure) -> str:
    if t.qualifier == "区间" and t.growth_pct_max is not None:
        return f"{format_number(t.growth_pct)}%—{format_number(t.growth_pct_max)}%"
    return f"{format_number(t.growth_pct)}%"


def _has_numbers(f: Figure | None) -> bool:
    return f is not None and (f.value is not None or f.growth_pct is not None)


def attainment(target: Figure, result: Figure | None,
               settings: Settings = DEFAULT_SETTINGS) -> Attainment | None:
    """Compare a result with a target; None for a target with no number to compare."""
    if not _has_numbers(target):
        return None
    if not _has_numbers(result):
        return Attainment(NO_DATA)
    assert result is not None
    ind = catalog.get(target.key)
    lower_better = bool(ind and ind.lower_is_better)
    direction = target.direction
    if target.growth_pct is not None and result.growth_pct is not None:
        basis, t, r, unit = "growth", target.growth_pct, result.growth_pct, "%"
        lo, hi = t, target.growth_pct_max
        tol = settings.growth_tolerance_pts
        diff = r - t
        scale = 1.0
    elif target.value is not None and result.value is not None:
        r_conv = convert(result.value, result.unit, target.unit)
        if r_conv is None:
            return Attainment(NOT_COMPARABLE, "value", target.value, result.value, None, target.unit)
        basis, t, r, unit = "value", target.value, r_conv, target.unit
        lo, hi = t, target.growth_pct_max if target.unit == "%" and target.growth_pct is None else None
        # Rates and point changes compare in points; amounts in percent of the target.
        if unit in ("%", "百分点", "‰"):
            tol, scale = settings.growth_tolerance_pts, 1.0
        else:
            tol, scale = settings.value_tolerance_pct, 100.0 / abs(t) if t else math.inf
        diff = r - t
    else:
        return Attainment(NOT_COMPARABLE)
    sign = -1.0 if (direction == "at_most" or lower_better) else 1.0
    better = round(sign * diff * (scale if math.isfinite(scale) else 1.0), 9)
    gap = better
    if direction == "range" and hi is not None:
        low, high = min(lo, hi), max(lo, hi)
        if low - 1e-9 <= r <= high + 1e-9:
            state = MET
        else:
            edge = high if sign * r > sign * high else low
            b = round(sign * (r - edge) * (scale if math.isfinite(scale) else 1.0), 9)
            state = EXCEEDED if b > 0 else (BASICALLY_MET if b >= -tol else MISSED)
    elif direction == "at_most":
        state = MET if better >= 0 else MISSED
    elif direction == "about":
        if lower_better:
            state = MET if better >= 0 else (BASICALLY_MET if better >= -tol else MISSED)
        else:
            state = (EXCEEDED if better > tol else MET if better >= 0
                     else BASICALLY_MET if better >= -tol else MISSED)
    else:
        state = EXCEEDED if better > 0 else (MET if better == 0 else MISSED)
    if basis == "growth" and target.stretch_pct is not None and sign * (r - target.stretch_pct) >= 0:
        state = EXCEEDED
    return Attainment(state, basis, t, r, gap, unit)


def match(figures: list[Figure], fig: Figure) -> Figure | None:
    """The figure in a list that is the same indicator: same key, else same name."""
    if fig.key:
        for f in figures:
            if f.key == fig.key:
                return f
    for f in figures:
        if f.name == fig.name:
            return f
    return None


# ------------------------------------------------------------ rules

Rule = Callable[[Report, "Report | None", Settings], Iterable[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


@rule
def e101_missing_result(report: Report, previous: Report | None, s: Settings):
    """E101 a target of the previous report has no result in this one."""
    if previous is None:
        return
    for t in previous.targets:
        if not _has_numbers(t):
            continue
        res = match(report.results, t)
        if not _has_numbers(res):
            yield Finding("E101", ERROR,
                          f"{previous.year}年目标“{t.raw or t.name}”在本报告中没有完成数",
                          {"figure": t.name, "list": "results",
                           "index": report.results.index(res) if res in report.results else None})


@rule
def attainment_rules(report: Report, previous: Report | None, s: Settings):
    """E102 units cannot compare; W201 target missed; I202 target met or exceeded."""
    if previous is None:
        return
    for t in previous.targets:
        res = match(report.results, t)
        att = attainment(t, res, s)
        if att is None or att.state == NO_DATA or res is None:
            continue
        where = _fig_where("results", report.results.index(res), res)
        if att.state == NOT_COMPARABLE:
            yield Finding("E102", ERROR,
                          f"{t.name}：目标“{t.raw or t.name}”与完成数“{res.raw or res.name}”"
                          f"单位无法比较", where)
        elif att.state == MISSED:
            yield Finding("W201", WARNING, f"{t.name}未完成：{att.describe(t)}", where)
        else:
            yield Finding("I202", INFO, f"{t.name}{att.word}：{att.describe(t)}", where)


def _implied_growth_range(value: float, value_dec: int, base: float, base_dec: int):
    hv, hb = 0.5 * 10 ** -value_dec, 0.5 * 10 ** -base_dec
    if base - hb <= 0:
        return None
    return ((value - hv) / (base + hb) - 1) * 100, ((value + hv) / (base - hb) - 1) * 100


def _arithmetic(fig: Figure, base: Figure, where: dict, label: str) -> Finding | None:
    if fig.value is None or fig.growth_pct is None or base.value is None:
        return None
    ind = catalog.get(fig.key)
    if ind is None or ind.basis != catalog.CURRENT:
        return None
    base_value = convert(base.value, base.unit, fig.unit)
    if base_value is None or base_value <= 0:
        return None
    scale = (base_value / base.value) if base.value else 1.0
    base_dec = decimals(base.value) - round(math.log10(scale)) if scale > 0 else decimals(base.value)
    rng = _implied_growth_range(fig.value, decimals(fig.value), base_value, max(base_dec, 0))
    if rng is None:
        return None
    g_half = 0.5 * 10 ** -decimals(fig.growth_pct)
    g_lo, g_hi = fig.growth_pct - g_half, fig.growth_pct + g_half
    if g_hi >= rng[0] - 1e-9 and g_lo <= rng[1] + 1e-9:
        return None
    implied = (fig.value / base_value - 1) * 100
    return Finding(
        "W301", WARNING,
        f"{fig.name}{format_number(fig.value)}{fig.unit or ''}、增长{format_number(fig.growth_pct)}%"
        f"与{label}{format_number(base.value)}{base.unit or ''}不符：按数值推算增速为"
        f"{implied:.1f}%，相差{abs(implied - fig.growth_pct):.1f}个百分点",
        where)


@rule
def w301_arithmetic(report: Report, previous: Report | None, s: Settings):
    """W301 value and growth disagree with the base year's value (current-price indicators)."""
    for i, t in enumerate(report.targets):
        base = match(report.results, t)
        if base is not None:
            f = _arithmetic(t, base, _fig_where("targets", i, t), f"{report.year - 1}年完成数")
            if f:
                yield f
    if previous is not None:
        for i, res in enumerate(report.results):
            base = match(previous.results, res)
            if base is not None:
                f = _arithmetic(res, base, _fig_where("results", i, res),
                                f"{previous.year - 1}年完成数")
                if f:
                    yield f


def _slip(fig: Figure, base: Figure, where: dict, label: str, s: Settings) -> Finding | None:
    if fig.value is None or base.value is None or fig.value == 0 or base.value == 0:
        return None
    base_value = convert(base.value, base.unit, fig.unit)
    if base_value is None or base_value == 0:
        return None
    ratio = fig.value / base_value
    if ratio >= s.slip_ratio or ratio <= 1 / s.slip_ratio:
        return Finding(
            "W302", WARNING,
            f"{fig.name}{format_number(fig.value)}{fig.unit or ''}是{label}"
            f"{format_number(base.value)}{base.unit or ''}的{_ratio_text(ratio)}，请核对单位（万元/亿元？）",
            where)
    return None


def _ratio_text(ratio: float) -> str:
    if ratio >= 1:
        return f"{ratio:.0f}倍" if ratio >= 10 else f"{ratio:.1f}倍"
    return f"{ratio:.4g}倍"


@rule
def w302_unit_slip(report: Report, previous: Report | None, s: Settings):
    """W302 a value ten times or a tenth of the one before it (a 万元/亿元 slip)."""
    for i, t in enumerate(report.targets):
        base = match(report.results, t)
        if base is not None:
            f = _slip(t, base, _fig_where("targets", i, t), f"{report.year - 1}年完成数", s)
            if f:
                yield f
    if previous is not None:
        for i, res in enumerate(report.results):
            base = match(previous.targets, res)
            if base is not None:
                f = _slip(res, base, _fig_where("results", i, res), f"{previous.year}年目标", s)
                if f:
                    yield f


@rule
def w303_growth_over_limit(report: Report, previous: Report | None, s: Settings):
    """W303 a growth over 100%: worth a second look."""
    for kind, figs in (("results", report.results), ("targets", report.targets)):
        for i, f in enumerate(figs):
            if f.growth_pct is not None and f.growth_pct > s.growth_limit_pct:
                yield Finding("W303", WARNING,
                              f"{f.name}增长{format_number(f.growth_pct)}%，超过"
                              f"{format_number(s.growth_limit_pct)}%，请再核实", _fig_where(kind, i, f))


def _names_for(fig: Figure) -> list[str]:
    names = {fig.name}
    ind = catalog.get(fig.key)
    if ind:
        names.add(ind.name)
        names.update(a for a in ind.aliases if len(a) >= 4)
    return sorted((n for n in names if n), key=len, reverse=True)


_CLAUSE_END = re.compile(r"[；。;！？\n]")


def _name_pattern(figs: list[Figure]) -> tuple[re.Pattern[str] | None, dict[str, Figure]]:
    """One regex over every wording of every figure, longest first, and wording -> figure."""
    pattern, owners = _compiled_names(tuple((f.name, f.key) for f in figs))
    return pattern, {n: figs[i] for n, i in owners.items()}


@lru_cache(maxsize=256)
def _compiled_names(idents: tuple[tuple[str, str | None], ...]):
    owners: dict[str, int] = {}
    for i, (name, key) in enumerate(idents):
        for n in _names_for(Figure(name=name, key=key)):
            owners.setdefault(n, i)
    if not owners:
        return None, owners
    names = sorted(owners, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names)), owners


@rule
def w401_text_contradicts_table(report: Report, previous: Report | None, s: Settings):
    """W401 a figure named in the text contradicts the figures table."""
    patterns = {True: _name_pattern(report.results), False: _name_pattern(report.targets)}
    for ci, si, pi, para in report.paragraphs():
        review = is_review_chapter(report.chapters[ci].title)
        pattern, by_name = patterns[review]
        if pattern is None:
            continue
        text = normalize(para.full_text)
        spans = [(m.start(), m.end(), by_name[m.group()]) for m in pattern.finditer(text)]
        for n, (a, b, fig) in enumerate(spans):
            nxt = spans[n + 1][0] if n + 1 < len(spans) else len(text)
            end_m = _CLAUSE_END.search(text, b)
            stop = min(nxt, end_m.start() if end_m else len(text))
            for m in find_mentions(text[b:stop]):
                problem = _contradiction(m, fig)
                if problem:
                    table = "完成数" if review else "目标"
                    yield Finding("W401", WARNING,
                                  f"正文写{fig.name}{problem[0]}，{table}表中为{problem[1]}",
                                  _para_where(ci, si, pi))


def _contradiction(m, fig: Figure) -> tuple[str, str] | None:
    if m.growth and fig.growth_pct is not None and m.qualifier is None:
        lo = fig.growth_pct
        hi = fig.growth_pct_max if fig.growth_pct_max is not None else lo
        if not (min(lo, hi) - 1e-9 <= m.value <= max(lo, hi) + 1e-9):
            return f"增长{format_number(m.value)}%", f"增长{format_number(fig.growth_pct)}%"
    elif not m.growth and fig.value is not None and m.unit and comparable(m.unit, fig.unit):
        conv = convert(m.value, m.unit, fig.unit)
        if conv is not None and abs(conv - fig.value) > 1e-9 * max(1, abs(fig.value)):
            return f"{format_number(m.value)}{m.unit}", f"{format_number(fig.value)}{fig.unit or ''}"
    return None


_ORDINAL = "一二三四五六七八九十"
_ORDINAL_RE = re.compile(r"([一二三四五六七八九十])是")
_INLINE_SECTION_RE = re.compile(r"[（(]([一二三四五六七八九十])[）)]")


@rule
def w402_numbering(report: Report, previous: Report | None, s: Settings):
    """W402 numbering in the text out of order (一是…三是, （一）…（三）)."""
    for ci, si, pi, para in report.paragraphs():
        for regex, shape in ((_ORDINAL_RE, "{}是"), (_INLINE_SECTION_RE, "（{}）")):
            seen = [m.group(1) for m in regex.finditer(para.full_text)]
            if len(seen) < 2 or seen[0] != "一":
                continue
            expected = 1
            for label in seen:
                n = _ORDINAL.index(label) + 1
                if n != expected:
                    yield Finding("W402", WARNING,
                                  f"编号顺序不对：“{shape.format(_ORDINAL[expected - 2])}”之后"
                                  f"应为“{shape.format(_ORDINAL[expected - 1])}”，实为"
                                  f"“{shape.format(label)}”", _para_where(ci, si, pi))
                    break
                expected += 1


_CJK_CHAR = r"[\u3400-\u9fff，。；：“”、（）]"
_HALF_PUNCT = re.compile(rf"(?<={_CJK_CHAR})[,;:()\"?!]|[,;:()\"?!](?={_CJK_CHAR})")


def _paragraph_texts(report: Report):
    for ci, ch in enumerate(report.chapters):
        if ch.title:
            yield ci, None, None, ch.title
        for si, sec in enumerate(ch.sections):
            yield ci, si, None, sec.title
    for ci, si, pi, para in report.paragraphs():
        yield ci, si, pi, para.full_text


@rule
def w403_half_width_punctuation(report: Report, previous: Report | None, s: Settings):
    """W403 half-width punctuation inside Chinese text."""
    for ci, si, pi, text in _paragraph_texts(report):
        hits = list(_HALF_PUNCT.finditer(text))
        if hits:
            first = hits[0]
            context = text[max(0, first.start() - 6): first.end() + 6]
            yield Finding("W403", WARNING,
                          f"中文里有半角标点“{first.group()}”（第{first.start() + 1}个字符，"
                          f"“{context}”）共{len(hits)}处，应为全角", _para_where(ci, si, pi))


_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("【", "】"), ("(", ")"))


@rule
def w404_unbalanced(report: Report, previous: Report | None, s: Settings):
    """W404 unbalanced quotes or brackets."""
    for ci, si, pi, text in _paragraph_texts(report):
        for open_, close in _PAIRS:
            if open_ not in text and close not in text:
                continue
            depth, bad_at = 0, None
            for i, ch in enumerate(text):
                if ch == open_:
                    depth += 1
                elif ch == close:
                    depth -= 1
                    if depth < 0:
                        bad_at = i
                        break
            if depth != 0 or bad_at is not None:
                which = f"多了“{close}”（第{bad_at + 1}个字符）" if bad_at is not None else (
                    f"“{open_}”没有配对的“{close}”")
                yield Finding("W404", WARNING, f"引号或括号不配对：{which}", _para_where(ci, si, pi))
                break
        if text.count('"') % 2:
            yield Finding("W404", WARNING, "引号不配对：半角引号 \" 个数为奇数", _para_where(ci, si, pi))


_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20|21)[0-9]{2})年")
_LEADING_YEAR = re.compile(r"^((?:19|20|21)[0-9]{2})年(?:[，,]|是|以来|全年)")


@rule
def w405_year_out_of_place(report: Report, previous: Report | None, s: Settings):
    """W405 a year in the text that cannot belong to this report."""
    for ci, ch in enumerate(report.chapters):
        review = is_review_chapter(ch.title)
        expected = report.year - 1 if review else report.year
        if ch.title:
            m = _YEAR_RE.search(ch.title)
            if m and int(m.group(1)) != expected:
                yield Finding("W405", WARNING,
                              f"章标题“{ch.title}”的年份应为{expected}年", _para_where(ci, None))
    for ci, si, pi, para in report.paragraphs():
        review = is_review_chapter(report.chapters[ci].title)
        expected = report.year - 1 if review else report.year
        text = para.full_text
        m = _LEADING_YEAR.match(text)
        if m and int(m.group(1)) != expected and review:
            yield Finding("W405", WARNING,
                          f"回顾部分以“{m.group(1)}年”开头，本报告回顾的是{expected}年",
                          _para_where(ci, si, pi))
            continue
        for m in _YEAR_RE.finditer(text):
            y = int(m.group(1))
            if y > report.year + 20 or y < 1949:
                yield Finding("W405", WARNING, f"正文中的“{m.group()}”与{report.year}年报告不符",
                              _para_where(ci, si, pi))
                break


@rule
def w406_empty_section(report: Report, previous: Report | None, s: Settings):
    """W406 a section with no text."""
    for ci, ch in enumerate(report.chapters):
        for si, sec in enumerate(ch.sections):
            if not any(p.full_text.strip() for p in sec.paragraphs):
                yield Finding("W406", WARNING, f"“{sec.title or '（无标题）'}”一节还没有内容",
                              _para_where(ci, si))


@rule
def i501_commitment_not_followed(report: Report, previous: Report | None, s: Settings):
    """I501 a commitment of the previous report that this report never mentions."""
    if previous is None:
        return
    texts = review_texts(report)
    for c in previous.commitments:
        if follow_up(c, report, texts).state == "not_mentioned":
            yield Finding("I501", INFO, f"{previous.year}年承诺“{c.raw}”在本报告中未见下文",
                          {"commitment": c.raw, "chapter": c.chapter, "section": c.section,
                           "paragraph": c.paragraph, "previous": True})


_SENTENCE_YEAR = re.compile(r"(?:^|(?<=[。！？；]))\s*((?:19|20|21)[0-9]{2})年(?=是|，|,|全年|要|将)")
_DATE_RE = re.compile(r"((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")
_TERM_RE = re.compile(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})届")
_META_LABELS = ("meeting", "date")


@rule
def w407_carried_over_year(report: Report, previous: Report | None, s: Settings):
    """W407 a year reference that looks carried over from last year's report: a date in the
    wrong year, the same session number as last year, last year used as "this year"."""
    from .rollover import session_number

    for name in _META_LABELS:
        m = _DATE_RE.search(getattr(report.meta, name))
        if m and int(m.group(1)) != report.year:
            where_text = "副题行中的日期" if name == "meeting" else "会议日期"
            yield Finding("W407", WARNING, f"{where_text}“{m.group()}”不在{report.year}年，像是沿用了上年的",
                          {"meta": name})
    if previous is not None and previous.year == report.year - 1 and report.meta.meeting:
        now, before = session_number(report.meta.meeting), session_number(previous.meta.meeting)
        term_now = _TERM_RE.search(report.meta.meeting)
        term_before = _TERM_RE.search(previous.meta.meeting)
        same_term = (term_now.group(1) if term_now else None) == (term_before.group(1) if term_before else None)
        if now is not None and now == before and same_term:
            yield Finding("W407", WARNING,
                          f"副题行的会议次数与{previous.year}年报告相同（第{now}次），"
                          f"新一年应为下一次会议，换届则为第一次", {"meta": "meeting"})
    for ci, si, pi, para in report.paragraphs():
        if para.generated:
            continue
        review = is_review_chapter(report.chapters[ci].title)
        this_year = report.year - 1 if review else report.year
        text = para.full_text
        for m in _SENTENCE_YEAR.finditer(text):
            if int(m.group(1)) != this_year - 1 or (review and m.start() == 0):
                continue  # a review paragraph's own first word is W405's
            clip = text[m.start(1): m.start(1) + 16]
            what = "回顾之年" if review else "当年"
            yield Finding("W407", WARNING,
                          f"“{clip}…”把{m.group(1)}年当作{what}，本报告的{what}是{this_year}年，"
                          f"像是沿用了上年报告的说法", _para_where(ci, si, pi))
            break


def check(report: Report, previous: Report | None = None,
          settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Every finding for a report, errors first, then warnings, then notes."""
    findings: list[Finding] = []
    for fn in RULES:
        findings.extend(fn(report, previous, settings))
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return findings


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {ERROR: 0, WARNING: 0, INFO: 0}
    for f in findings:
        out[f.severity] += 1
    return out
