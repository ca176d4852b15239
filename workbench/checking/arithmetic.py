"""W3xx arithmetic and sanity of the figures: W301 value and growth disagree, W302 a unit slip,
W303 a growth over the limit."""

from __future__ import annotations

import math

from workbench.checking.attainment import _RATE_UNITS, match
from workbench.checking.findings import WARNING, Finding, Settings, _fig_where
from workbench.document import catalog
from workbench.document.figures import Figure, convert, decimals, format_number
from workbench.document.model import Report
from workbench.reading.results import value_is_edge


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


def w303_growth_over_limit(report: Report, previous: Report | None, s: Settings):
    """W303 a growth over 100%: worth a second look."""
    for kind, figs in (("results", report.results), ("targets", report.targets)):
        for i, f in enumerate(figs):
            if f.growth_pct is not None and f.growth_pct > s.growth_limit_pct:
                yield Finding("W303", WARNING,
                              f"{f.name}增长{format_number(f.growth_pct)}%，超过"
                              f"{format_number(s.growth_limit_pct)}%，请再核实", _fig_where(kind, i, f))
