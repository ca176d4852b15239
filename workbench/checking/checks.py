"""Check rules (DESIGN §5): a report, and last year's report, in; findings out.

Each rule is a small function with a stable code. Codes are a contract: keep them.
E1xx completeness of the figures, W2xx/I2xx attainment, W3xx arithmetic and sanity,
W4xx text, I5xx commitments.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from workbench.document import catalog
from workbench.document.commitments import chapter_is_review, follow_up, is_action_promise, is_mentioned, review_texts
from workbench.document.figures import (
    AT_LEAST, AT_MOST, IN_STEP, QUALIFIER_DIRECTION, QUALITATIVE, Figure, comparable, convert,
    decimals, find_mentions, format_number, normalize, parse_cn_numeral,
)
from workbench.reading.results import value_is_edge, year_paragraphs
from workbench.document.model import Report
from workbench.document.phrasing import chinese_ordinal
from workbench.document.phrasing import (
    ATTAINMENT_WORDS, BASICALLY_MET, EXCEEDED, MET, MISSED, NO_DATA, NOT_COMPARABLE,
)

ERROR, WARNING, INFO = "error", "warning", "info"
_RATE_UNITS = ("%", "‰", "百分点")
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
    reason: str | None = None       # why not comparable: "units" | "bound" | "qualitative"
    bound: str | None = None        # the result's own qualifier on the compared part (超过, 平均)

    @property
    def word(self) -> str:
        return ATTAINMENT_WORDS[self.state]

    def describe(self, target: Figure) -> str:
        if self.state == NO_DATA:
            return "无完成数"
        if self.state == NOT_COMPARABLE:
            return {"bound": "完成数只给出界限，无法判断是否达到目标",
                    "qualitative": "定性目标，报告未写明是否达到"}.get(self.reason or "", "单位无法比较")
        if self.basis is None:
            return f"报告写明“{target.name}{target.qualifier or ''}”"
        qual = target.qualifier if target.qualifier not in (None, "区间") else ""
        if self.basis == "growth":
            text = (f"增速{self.bound or ''}{format_number(_r(self.result))}%，目标{_target_growth(target)}{qual}")
            gap_unit = "个百分点"
        else:
            text = (f"完成{self.bound or ''}{format_number(_r(self.result))}{self.unit or ''}，"
                    f"目标{format_number(_r(self.target))}{self.unit or ''}{qual}")
            gap_unit = "%"
        if self.gap is not None and abs(self.gap) >= 0.005:
            side = "高于" if self.gap > 0 else "低于"
            if self.basis == "growth":
                diff = (self.result or 0) - (self.target or 0)
                side = "高于" if diff > 0 else "低于"
                text += f"，{side}目标{format_number(_r(abs(diff)))}{gap_unit}"
            elif self.unit in _RATE_UNITS:
                diff = (self.result or 0) - (self.target or 0)
                side = "高于" if diff > 0 else "低于"
                text += f"，{side}目标{format_number(_r(abs(diff)))}个百分点"
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


_QUALITATIVE_WORDS = {IN_STEP: ("同步",), QUALITATIVE: ("平衡", "稳定")}


def _qualitative_attainment(target: Figure, result: Figure | None) -> Attainment | None:
    """同步 / 基本平衡: met when the result states it, else not comparable (no number to judge by)."""
    if result is None:
        return None
    kind = target.direction
    if result.direction == kind or (result.qualifier and any(
            w in result.qualifier for w in _QUALITATIVE_WORDS.get(kind or "", ()))):
        return Attainment(MET)
    return Attainment(NOT_COMPARABLE, reason="qualitative")


def _result_bound(result: Figure, basis: str) -> str | None:
    """The direction of the result's own qualifier (超过, 以上, 以内) on the part compared."""
    direction = QUALIFIER_DIRECTION.get(result.qualifier or "")
    if direction not in (AT_LEAST, AT_MOST):
        return None
    if basis == "value" and result.growth_pct is not None:
        return None  # in the figure model a qualifier binds the growth when there is one
    return direction


def attainment(target: Figure, result: Figure | None,
               settings: Settings = DEFAULT_SETTINGS) -> Attainment | None:
    """Compare a result with a target; None for a target with no number and no statement."""
    if target.direction in (IN_STEP, QUALITATIVE) and not _has_numbers(target):
        return _qualitative_attainment(target, result)
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
            return Attainment(NOT_COMPARABLE, "value", target.value, result.value, None, target.unit,
                              reason="units")
        basis, t, r, unit = "value", target.value, r_conv, target.unit
        lo, hi = t, target.growth_pct_max if target.unit == "%" and target.growth_pct is None else None
        # Rates and point changes compare in points; amounts in percent of the target.
        if unit in ("%", "百分点", "‰"):
            tol, scale = settings.growth_tolerance_pts, 1.0
        else:
            tol, scale = settings.value_tolerance_pct, 100.0 / abs(t) if t else math.inf
        diff = r - t
    else:
        return Attainment(NOT_COMPARABLE, reason="units")
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
    bound = _result_bound(result, basis)
    if bound is not None:
        # "超过126万亿元", "降幅超过3%": the number is an edge and the truth lies beyond it.
        open_side = 1.0 if (bound == AT_LEAST) == (r >= 0) else -1.0
        towards_better = open_side == sign
        if (towards_better and state not in (MET, EXCEEDED)) or (not towards_better and state != MISSED):
            return Attainment(NOT_COMPARABLE, basis, t, r, gap, unit, reason="bound",
                              bound=result.qualifier)
    written = result.qualifier if bound or (result.qualifier == "平均" and basis == "value") else None
    return Attainment(state, basis, t, r, gap, unit, bound=written)


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
    """E102 units cannot compare; W201 target missed; I202 target met or exceeded;
    I203 a result that cannot settle its target (a qualitative target the text does not
    speak to, or a result given only as an edge, "超过…")."""
    if previous is None:
        return
    for t in previous.targets:
        res = match(report.results, t)
        qualitative = t.direction in (IN_STEP, QUALITATIVE) and not _has_numbers(t)
        stated = _statement(report, t) if qualitative else None
        if qualitative and stated is None and t.direction == IN_STEP:
            in_step = _in_step_with_gdp(t, res, report)
            if in_step is not None:
                yield in_step
                continue
        att = attainment(t, stated or res, s)
        if qualitative and att is None:
            att = Attainment(NOT_COMPARABLE, reason="qualitative")
        if att is None or att.state == NO_DATA:
            continue
        index = report.results.index(res) if res is not None and res in report.results else None
        where = {"figure": t.name, "list": "results", "index": index}
        if att.state == NOT_COMPARABLE and att.reason == "units":
            yield Finding("E102", ERROR,
                          f"{t.name}：目标“{t.raw or t.name}”与完成数“{res.raw or res.name}”"
                          f"单位无法比较", where)
        elif att.state == NOT_COMPARABLE:
            yield Finding("I203", INFO, f"{t.name}无法比较：目标“{t.raw or t.name}”，{att.describe(t)}",
                          where)
        elif att.state == MISSED:
            yield Finding("W201", WARNING, f"{t.name}未完成：{att.describe(t)}", where)
        elif stated is not None:
            yield Finding("I202", INFO, f"{t.name}{att.word}：报告写明“{stated.raw}”", where)
        else:
            yield Finding("I202", INFO, f"{t.name}{att.word}：{att.describe(t)}", where)


# "基本同步" allows a little more lag than "同步" (points of growth below the economy's).
_IN_STEP_TOLERANCE = {"基本同步": 0.5}
_IN_STEP_DEFAULT = 0.2


def _in_step_with_gdp(target: Figure, res: Figure | None, report: Report) -> Finding | None:
    """"居民收入增长与经济增长同步": both growth rates stated in the review settle it."""
    gdp = next((f for f in report.results if f.key == "gdp" and f.growth_pct is not None), None)
    if res is None or res.growth_pct is None or gdp is None or res is gdp:
        return None
    tol = _IN_STEP_TOLERANCE.get(target.qualifier or "", _IN_STEP_DEFAULT)
    where = {"figure": target.name, "list": "results",
             "index": report.results.index(res) if res in report.results else None}
    said = (f"{res.name}增长{format_number(res.growth_pct)}%，"
            f"{gdp.name}增长{format_number(gdp.growth_pct)}%")
    if res.growth_pct >= gdp.growth_pct - tol:
        return Finding("I202", INFO, f"{target.name}完成（与经济增长{target.qualifier or '同步'}）：{said}", where)
    lag = gdp.growth_pct - res.growth_pct
    return Finding("W201", WARNING, f"{target.name}未完成（目标与经济增长{target.qualifier or '同步'}）：{said}，"
                                    f"慢于经济增长{format_number(round(lag, 2))}个百分点", where)


_STATE_WORDS = {IN_STEP: ("同步",), QUALITATIVE: ("平衡", "稳定")}
_QUAL_SENTENCE = re.compile(r"[。；;！？\n]")
_DENIED = re.compile(r"不(?:同步|平衡|稳定)|失衡|未(?:能|实现)")


def _statement(report: Report, target: Figure) -> Figure | None:
    """The review's own words that a qualitative target was reached ("国际收支基本平衡",
    "一般公共预算收入2.11亿元，增长2.9%，收支平衡"): the name, then the state word soon after."""
    words = _STATE_WORDS.get(target.direction or "", ())
    names = _names_for(target)
    for *_, text in year_paragraphs(report):
        if not any(n in text for n in names):
            continue
        for sentence in _QUAL_SENTENCE.split(text):
            for n in names:
                at = sentence.find(n)
                if at < 0:
                    continue
                window = sentence[at:at + len(n) + 24]
                hits = [window.find(w) for w in words if w in window]
                if hits and not _DENIED.search(window):
                    end = at + len(n) + min(hits) + 2
                    return Figure(name=target.name, key=target.key, qualifier=target.qualifier,
                                  raw=sentence[at:end].strip())
    return None


def _implied_growth_range(value: float, value_dec: int, base: float, base_dec: int):
    hv, hb = 0.5 * 10 ** -value_dec, 0.5 * 10 ** -base_dec
    if base - hb <= 0:
        return None
    return ((value - hv) / (base + hb) - 1) * 100, ((value + hv) / (base - hb) - 1) * 100


def _arithmetic(fig: Figure, base: Figure, where: dict, label: str) -> Finding | None:
    if fig.value is None or fig.growth_pct is None or base.value is None:
        return None
    if value_is_edge(fig) or value_is_edge(base):
        return None  # "超过88亿元" is an edge, not a value to work growth out from
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
    if fig.unit in _RATE_UNITS or base.unit in _RATE_UNITS:
        return None  # a rate (CPI 3% against 0.2%) has no 万元/亿元 to slip
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


# What may stand between a clause's start and an indicator's name without changing what it
# names; anything else ("农村", "脱贫地区", "开发区", "海洋", "单位") makes another indicator.
_NEUTRAL_BEFORE = re.compile(
    r"(?:全镇|全街|全乡|全县|全区|全市|全州|全省|全国|全年|全口径|我镇|我街|我乡|我县|我区|我市|我州|我省|我国|"
    r"本镇|本县|本区|本市|今年|去年|当年|年末|年底|上半年|前三季度|(?:19|20)\d\d年|其中|累计|共|"
    r"实现了?|完成了?|达到|带动|推动|拉动|促进|预计|预期|力争|确保|争取|全力|努力|持续|初步核算|据初步核算|经初步核算|"
    r"——|—|\s)*")
_PIECE_BREAK = re.compile(r"[，,、]")
_FIGURE_GOES_ON = re.compile(r"(?:同比|比上年|较上年|实际|名义)?(?:增长|增速|增幅|下降|降低|减少|降幅|提高|上升|上涨|"
                             r"涨幅|左右|以上|以内|力争|[0-9０-９])")
_MULTI_YEAR = re.compile(r"年均|平均每年|五年|十年")
_BASE_BEFORE = "从由比较"
_EDGE_BEFORE = re.compile(r"(?:超过|突破|跃上|迈上|站上|逾|超)$")


_CLAUSE_MARK = re.compile(r"[，。；：、,;:！？（(“]")


def _another_indicator(text: str, start: int, fig: Figure, marks: list[int]) -> bool:
    """Whether the words just before a name make it another indicator ("农村" + 居民收入)."""
    i = bisect_left(marks, start)
    left = marks[i - 1] + 1 if i else 0
    return _NEUTRAL_BEFORE.fullmatch(text, left, start) is None


def _figure_end(text: str, b: int, stop: int) -> int:
    """Where the text after a name stops speaking of it: its piece and the pieces that go on
    with the figure ("超过126万亿元，增长5.2%"), not the next subject ("五年年均增长5.2%")."""
    m = _PIECE_BREAK.search(text, b, stop)
    while m is not None:
        if not _FIGURE_GOES_ON.match(text, m.end(), stop):
            return m.start()
        m = _PIECE_BREAK.search(text, m.end(), stop)
    return stop


@rule
def w401_text_contradicts_table(report: Report, previous: Report | None, s: Settings):
    """W401 a figure named in the text contradicts the figures table."""
    patterns = {True: _name_pattern(report.results), False: _name_pattern(report.targets)}
    year_of_review = None
    for ci, si, pi, para in report.paragraphs():
        review = chapter_is_review(report.chapters[ci])
        pattern, by_name = patterns[review]
        if pattern is None:
            continue
        raw = para.full_text
        if pattern.search(raw) is None:
            continue  # names hold no character that normalising changes
        if review:
            if year_of_review is None:
                year_of_review = {(a, b, c) for a, b, c, _ in year_paragraphs(report)}
            if (ci, si, pi) not in year_of_review:
                continue  # a five-year part: its figures are not the year's results
        text = normalize(raw)
        spans = [(m.start(), m.end(), by_name[m.group()]) for m in pattern.finditer(text)]
        marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        todo = []
        for n, (a, b, fig) in enumerate(spans):
            if _another_indicator(text, a, fig, marks):
                continue
            nxt = spans[n + 1][0] if n + 1 < len(spans) else len(text)
            end_m = _CLAUSE_END.search(text, b)
            stop = _figure_end(text, b, min(nxt, end_m.start() if end_m else len(text)))
            clause_end = end_m.start() if end_m else len(text)
            if "分别" in text[a:clause_end]:
                continue  # "A、B分别控制在5%和3%以内": figures pair by order, not by position
            if not _MULTI_YEAR.search(text, b, stop):
                todo.append((b, stop, fig))
        if not todo:
            continue
        lo = todo[0][0]
        mentions = [m._replace(start=m.start + lo, end=m.end + lo)
                    for m in find_mentions(text[lo:max(t[1] for t in todo)])]
        for b, stop, fig in todo:
            seen_growth = seen_value = False
            for m in mentions:
                if m.start < b or m.end > stop:
                    continue
                if m.start > b and text[m.start - 1] in _BASE_BEFORE:
                    continue  # "由62亿元增长到90亿元": the base, not the figure
                if (m.growth and seen_growth) or (not m.growth and seen_value):
                    continue
                seen_growth, seen_value = seen_growth or m.growth, seen_value or not m.growth
                if m.qualifier is None and _EDGE_BEFORE.search(text, max(b, m.start - 3), m.start):
                    m = m._replace(qualifier="超过")  # "超过126万亿元": an edge, not the value
                problem = _contradiction(m, fig, bounds=review)
                if problem:
                    table = "完成数" if review else "目标"
                    yield Finding("W401", WARNING,
                                  f"正文写{fig.name}{problem[0]}，{table}表中为{problem[1]}",
                                  _para_where(ci, si, pi))


def _agrees(said: float, q: str | None, lo: float, hi: float, bounds: bool = True) -> bool:
    """Whether a number written with qualifier q fits a table range [lo, hi]; with bounds,
    an edge in the text ("5%以上") agrees with any table figure beyond it."""
    lo, hi = min(lo, hi), max(lo, hi)
    if lo - 1e-9 <= said <= hi + 1e-9:
        return True
    if not bounds:
        return False
    direction = QUALIFIER_DIRECTION.get(q or "")
    # "增长5%以上" agrees with a table's 5.2%; "下降3%以上" with a table's -3.4%.
    if direction == AT_LEAST:
        return hi >= said - 1e-9 if said >= 0 else lo <= said + 1e-9
    if direction == AT_MOST:
        return lo <= said + 1e-9 if said >= 0 else hi >= said - 1e-9
    return False


def _said(word: str, value: float, unit: str, q: str | None) -> str:
    if q in ("不低于", "不少于", "不超过", "控制在"):
        return f"{word}{q}{format_number(abs(value) if word else value)}{unit}"
    return f"{word}{format_number(abs(value) if word else value)}{unit}{q or ''}"


def _contradiction(m, fig: Figure, bounds: bool = True) -> tuple[str, str] | None:
    if m.growth and fig.growth_pct is not None:
        lo = fig.growth_pct
        hi = fig.growth_pct_max if fig.growth_pct_max is not None else lo
        if not _agrees(m.value, m.qualifier, lo, hi, bounds):
            word = "下降" if m.value < 0 else "增长"
            table_word = "下降" if fig.growth_pct < 0 else "增长"
            table_q = fig.qualifier if fig.qualifier in ("左右", "以上", "以内", "以下") else ""
            return (_said(word, m.value, "%", m.qualifier),
                    f"{table_word}{format_number(abs(fig.growth_pct))}%{table_q}")
    elif not m.growth and fig.value is not None and m.unit and comparable(m.unit, fig.unit):
        conv = convert(m.value, m.unit, fig.unit)
        if conv is None:
            return None
        hi = fig.growth_pct_max if (fig.unit == "%" and fig.growth_pct_max is not None) else fig.value
        if not _agrees(conv, m.qualifier, fig.value, hi, bounds) and \
                abs(conv - fig.value) > 1e-9 * max(1, abs(fig.value)):
            return _said("", m.value, m.unit, m.qualifier), f"{format_number(fig.value)}{fig.unit or ''}"
    return None


_ORDINAL_RE = re.compile(r"(?:^|(?<=[，。；：,;:！？\s“]))([一二三四五六七八九十]{1,3})是")
_INLINE_SECTION_RE = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")


@rule
def w402_numbering(report: Report, previous: Report | None, s: Settings):
    """W402 numbering in the text out of order (一是…三是, （一）…（三）; 十一是 follows 十是)."""
    for ci, si, pi, para in report.paragraphs():
        for regex, shape in ((_ORDINAL_RE, "{}是"), (_INLINE_SECTION_RE, "（{}）")):
            seen = [(m.group(1), parse_cn_numeral(m.group(1))) for m in regex.finditer(para.full_text)]
            if len(seen) < 2 or seen[0][1] != 1:
                continue
            expected = 1
            for label, n in seen:
                if n == 1 and expected > 2:
                    expected = 1  # a second list in the same paragraph
                if n != expected:
                    yield Finding("W402", WARNING,
                                  f"编号顺序不对：“{shape.format(chinese_ordinal(expected - 1))}”之后"
                                  f"应为“{shape.format(chinese_ordinal(expected))}”，实为"
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


@lru_cache(maxsize=16)
def _pair_re(open_: str, close: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(open_)}{re.escape(close)}]")


def _imbalance(text: str, open_: str, close: str) -> tuple[int, int | None]:
    """(openers left unclosed at the end, index of the first closer with no opener or None)."""
    depth = 0
    for m in _pair_re(open_, close).finditer(text):
        if m.group() == open_:
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return depth, m.start()
    return depth, None


@rule
def w404_unbalanced(report: Report, previous: Report | None, s: Settings):
    """W404 unbalanced quotes or brackets (a pair split over consecutive paragraphs by a
    line break, "根据《" / "…法" / "》第五条", is one pair)."""
    texts = list(_paragraph_texts(report))
    states: list[list[tuple[int, int | None] | None]] = []
    for *_, text in texts:
        states.append([_imbalance(text, o, c) if (o in text or c in text) else None
                       for o, c in _PAIRS])
    joined: set[tuple[int, int]] = set()  # (paragraph position, pair) closed across paragraphs
    for n, row in enumerate(states):
        for k, st in enumerate(row):
            if st is None or st[0] <= 0 or st[1] is not None:
                continue
            text = texts[n][3].rstrip()
            if text.rfind(_PAIRS[k][0]) < len(text) - 30:
                continue  # the opener is not at the paragraph's end: a real stray
            for m in range(n + 1, min(n + 3, len(texts))):
                later = states[m][k]
                if later is not None and later[1] is not None and later[0] == -st[0]:
                    joined.update((j, k) for j in range(n, m + 1))
                    break
                if later is not None:
                    break
    for n, (ci, si, pi, text) in enumerate(texts):
        for k, (open_, close) in enumerate(_PAIRS):
            st = states[n][k]
            if st is None or (n, k) in joined:
                continue
            depth, bad_at = st
            if depth != 0 or bad_at is not None:
                which = f"多了“{close}”（第{bad_at + 1}个字符）" if bad_at is not None else (
                    f"“{open_}”没有配对的“{close}”")
                yield Finding("W404", WARNING, f"引号或括号不配对：{which}", _para_where(ci, si, pi))
                break
        if '"' in text and text.count('"') % 2:
            yield Finding("W404", WARNING, "引号不配对：半角引号 \" 个数为奇数", _para_where(ci, si, pi))


_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20|21)[0-9]{2})年")
_LEADING_YEAR = re.compile(r"^((?:19|20|21)[0-9]{2})年(?:[，,]|是|以来|全年)")


@rule
def w405_year_out_of_place(report: Report, previous: Report | None, s: Settings):
    """W405 a year in the text that cannot belong to this report."""
    for ci, ch in enumerate(report.chapters):
        review = chapter_is_review(ch)
        expected = report.year - 1 if review else report.year
        if ch.title:
            m = _YEAR_RE.search(ch.title)
            if m and int(m.group(1)) != expected:
                yield Finding("W405", WARNING,
                              f"章标题“{ch.title}”的年份应为{expected}年", _para_where(ci, None))
    for ci, si, pi, para in report.paragraphs():
        review = chapter_is_review(report.chapters[ci])
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
    texts = _fresh_review_texts(report, previous)
    for c in previous.commitments:
        if not is_action_promise(c, previous):
            continue  # a budget line, or a slogan's numeral stored by an older reader
        if not is_mentioned(c, texts):
            yield Finding("I501", INFO, f"{previous.year}年承诺“{c.raw}”在本报告中未见下文",
                          {"commitment": c.raw, "chapter": c.chapter, "section": c.section,
                           "paragraph": c.paragraph, "previous": True})


_CEILING_WORDS = ("不超过", "以内", "以下", "控制在")


def _fresh_review_texts(report: Report, previous: Report | None):
    """The review's paragraphs less those copied word for word from last year's report (a
    draft rolled over from it): copied text answers nothing of last year's promises."""
    texts = review_texts(report)
    if previous is None:
        return texts
    old = {t for _, t in review_texts(previous)}
    return [(where, t) for where, t in texts if t not in old]


@rule
def w502_commitment_fell_short(report: Report, previous: Report | None, s: Settings):
    """W502 a commitment of the previous report that this report answers with a smaller
    number ("力争新增规上企业8家" answered by "新增规上企业7家")."""
    if previous is None:
        return
    texts = _fresh_review_texts(report, previous)
    for c in previous.commitments:
        if c.value is None or not c.unit or not is_action_promise(c, previous):
            continue
        if c.qualifier in _CEILING_WORDS or any(w in c.raw for w in _CEILING_WORDS):
            continue  # a ceiling is kept by staying under it
        if not is_mentioned(c, texts):
            continue  # the cheap question first: most promises are answered or not at all
        got = follow_up(c, report, texts)
        if got.state != "with_number":
            continue
        said = [m for m in find_mentions(got.excerpt) if m.unit == c.unit and not m.growth]
        if len(said) != 1 or said[0].value is None or said[0].value >= c.value - 1e-9:
            continue
        yield Finding("W502", WARNING,
                      f"{previous.year}年承诺“{c.raw}”，本报告写“{got.excerpt}”，"
                      f"少{format_number(round(c.value - said[0].value, 2))}{c.unit}",
                      _para_where(*got.where) if got.where else {"commitment": c.raw})


_OPENING_RE = re.compile(r"向(?:大会|全会|会议)报告|我代表.{0,24}(?:人民政府|政府|办事处|公所)")
_OPENING_LOOKAHEAD = 3  # the opening comes right after the salutation: the first few paragraphs


@rule
def w407_opening_missing(report: Report, previous: Report | None, s: Settings):
    """W407 no opening sentence after the salutation ("现在，我代表…向大会报告政府工作，请予审议")."""
    if not report.chapters:
        return
    first = [para for _, (*_, para) in zip(range(_OPENING_LOOKAHEAD), report.paragraphs())]
    if any(_OPENING_RE.search(p.full_text) for p in first):
        return
    yield Finding("W407", WARNING,
                  "开头缺少“现在，我代表……向大会报告政府工作，请予审议”一句（称谓之后、第一章之前）",
                  _para_where(0, None, 0))


_SENTENCE_YEAR = re.compile(r"(?:^|(?<=[。！？；]))\s*((?:19|20|21)[0-9]{2})年(?=是|，|,|全年|要|将)")
_DATE_RE = re.compile(r"((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")
_TERM_RE = re.compile(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})届")
_META_LABELS = ("meeting", "date")


@rule
def w408_carried_over_year(report: Report, previous: Report | None, s: Settings):
    """W408 a year reference that looks carried over from last year's report: a date in the
    wrong year, the same session number as last year, last year used as "this year"."""
    from workbench.document.meeting import session_number

    for name in _META_LABELS:
        m = _DATE_RE.search(getattr(report.meta, name))
        if m and int(m.group(1)) != report.year:
            where_text = "副题行中的日期" if name == "meeting" else "会议日期"
            yield Finding("W408", WARNING, f"{where_text}“{m.group()}”不在{report.year}年，像是沿用了上年的",
                          {"meta": name})
    if previous is not None and previous.year == report.year - 1 and report.meta.meeting:
        now, before = session_number(report.meta.meeting), session_number(previous.meta.meeting)
        term_now = _TERM_RE.search(report.meta.meeting)
        term_before = _TERM_RE.search(previous.meta.meeting)
        same_term = (term_now.group(1) if term_now else None) == (term_before.group(1) if term_before else None)
        if now is not None and now == before and same_term:
            yield Finding("W408", WARNING,
                          f"副题行的会议次数与{previous.year}年报告相同（第{now}次），"
                          f"新一年应为下一次会议，换届则为第一次", {"meta": "meeting"})
    for ci, si, pi, para in report.paragraphs():
        if para.generated:
            continue
        review = chapter_is_review(report.chapters[ci])
        this_year = report.year - 1 if review else report.year
        text = para.full_text
        for m in _SENTENCE_YEAR.finditer(text):
            if int(m.group(1)) != this_year - 1 or (review and m.start() == 0):
                continue  # a review paragraph's own first word is W405's
            clip = text[m.start(1): m.start(1) + 16]
            what = "回顾之年" if review else "当年"
            yield Finding("W408", WARNING,
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
