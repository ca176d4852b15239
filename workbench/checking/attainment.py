"""How a result measures up to its target (`attainment`, `match`, used by the TUI, the exporter and
the comparison) and the rules built on it: E102, W201, I202, I203."""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.checking.findings import DEFAULT_SETTINGS, ERROR, INFO, WARNING, Finding, Settings
from workbench.document import catalog
from workbench.document.figures import (
    AT_LEAST, AT_MOST, IN_STEP, QUALIFIER_DIRECTION, QUALITATIVE, UNITS, Figure, convert, format_number,
)
from workbench.document.model import Report
from workbench.document.phrasing import (
    ATTAINMENT_WORDS, BASICALLY_MET, EXCEEDED, MET, MISSED, NO_DATA, NOT_COMPARABLE,
)
from workbench.reading.results import results_in, year_paragraphs
from workbench.util.lazyre import LazyRegex

_RATE_UNITS = ("%", "‰", "百分点")


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
            if self.basis == "growth":
                diff = (self.result or 0) - (self.target or 0)
            elif self.unit in _RATE_UNITS:
                diff = (self.result or 0) - (self.target or 0)
                gap_unit = "个百分点"
            else:
                diff = ((self.result or 0) - (self.target or 0)) / abs(self.target or 1) * 100
            text += "，" + _side(diff, self.gap) + f"目标{format_number(_r(abs(diff)))}{gap_unit}"
        return text + ("（按增速比较）" if self.basis == "growth" else "（按数值比较）")


def _side(diff: float, gap: float) -> str:
    """"高于" / "低于" the target; where lower is better (the gap, + for better, runs against
    the difference) a result under the target is "优于" it, never a shortfall's "低于"."""
    if (diff < 0) != (gap < 0):  # lower is better
        return "优于" if gap > 0 else "高于"
    return "高于" if diff > 0 else "低于"


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
        r_conv = convert(result.value, as_known_unit(result.unit, target.unit), target.unit)
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


# Units a review writes short ("社零实现145.98亿"): the unit of money they abbreviate.
_SHORT_UNITS = {"亿": "亿元", "万": "万元", "万亿": "万亿元"}


def as_known_unit(unit: str | None, target_unit: str | None) -> str | None:
    """A result's unit as written, read as the unit of money it abbreviates when the target's
    is one ("亿" beside a target in 亿元)."""
    full = _SHORT_UNITS.get(unit or "")
    if full and target_unit and UNITS.get(target_unit) and UNITS[target_unit].family == UNITS[full].family:
        return full
    return unit


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
            said = unsure_units(report, t, res)
            if said is not None:
                # Sure before accusing: the review may state what the reader could not read.
                quote, at = said
                yield Finding("I104", INFO,
                              f"{t.name}：目标“{t.raw or t.name}”与读出的完成数“{res.raw or res.name}”"
                              f"无法直接比较，回顾写道：“{quote}”，请核对",
                              {**where, **({"chapter": at[0], "section": at[1], "paragraph": at[2]} if at else {})})
                continue
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
_QUAL_SENTENCE = LazyRegex(r"[。；;！？\n]")
_DENIED = LazyRegex(r"不(?:同步|平衡|稳定)|失衡|未(?:能|实现)")


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


def _names_for(fig: Figure) -> list[str]:
    names = {fig.name}
    ind = catalog.get(fig.key)
    if ind:
        names.add(ind.name)
        names.update(a for a in ind.aliases if len(a) >= 4)
    return sorted((n for n in names if n), key=len, reverse=True)


_SENTENCE_IN = LazyRegex(r"[^。；！？\n]+[。；！？]?")
_QUOTE_MAX_CHARS = 80


def unsure_units(report: Report, target: Figure, result: Figure) -> tuple[str, tuple[int, int | None, int] | None] | None:
    """Why a target and the result read for it that do not compare (a level against a growth,
    or units of different kinds) may be the reader's miss rather than the report's: a unit
    written in a way the grammar does not know (the result's own words are quoted), or a
    sentence of the review that names the indicator again without a figure that can be read
    (quoted, with where it stands). None when the report itself is at fault: E102 stands."""
    for unit in (result.unit, target.unit):
        if unit and unit not in UNITS:
            return (result.raw or result.name), None
    if (target.value is None) == (result.value is None):
        return None  # both levels (or both growths) in units of different kinds: as written
    names = _names_for(target)
    own = (result.raw or "").strip()
    for ci, si, pi, text in year_paragraphs(report):
        if not any(n in text for n in names):
            continue
        for sentence in _SENTENCE_IN.findall(text):
            if not any(n in sentence for n in names) or (own and own in sentence):
                continue
            read = match(results_in(sentence), target)
            if read is not None and (read.value is not None) == (target.value is not None):
                return None  # a readable figure the results table lacks: the report's to mend
            text_of = sentence.strip().rstrip("。；！？")
            if len(text_of) > _QUOTE_MAX_CHARS:
                text_of = text_of[:_QUOTE_MAX_CHARS] + "…"
            return text_of, (ci, si, pi)
    return None
