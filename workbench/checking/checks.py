"""Check rules (DESIGN §5): a report, and last year's report, in; findings out.

Each rule is a small function with a stable code. Codes are a contract: keep them.
E1xx completeness of the figures (figures.py), W2xx/I2xx attainment (attainment.py), W3xx
arithmetic and sanity (arithmetic.py), W4xx text (text.py), I5xx commitments (commitments.py),
W7xx figures a language model wrote, not yet settled (assisted.py);
Finding, the severities and Settings live in findings.py. This module runs them: `check()`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from workbench.checking.assisted import w701_model_figures
from workbench.checking.arithmetic import w301_arithmetic, w302_unit_slip, w303_growth_over_limit
from workbench.checking.attainment import attainment_rules
from workbench.checking.commitments import i501_commitment_not_followed, w502_commitment_fell_short
from workbench.checking.figures import e101_missing_result
from workbench.checking.findings import (
    DEFAULT_SETTINGS, ERROR, INFO, WARNING, Finding, Settings, counts, has_errors,
)
from workbench.checking.text import (
    w401_text_contradicts_table, w402_numbering, w403_half_width_punctuation, w404_unbalanced,
    w405_year_out_of_place, w406_empty_section, w407_opening_missing, w408_carried_over_year, w409_plan_calendar,
)
from workbench.document.model import Report

__all__ = ["RULES", "Rule", "check", "counts", "has_errors"]

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

Rule = Callable[[Report, "Report | None", Settings], Iterable[Finding]]

# The order findings of one severity come out in: keep it.
RULES: list[Rule] = [
    e101_missing_result,
    attainment_rules,
    w301_arithmetic,
    w302_unit_slip,
    w303_growth_over_limit,
    w401_text_contradicts_table,
    w402_numbering,
    w403_half_width_punctuation,
    w404_unbalanced,
    w405_year_out_of_place,
    w406_empty_section,
    i501_commitment_not_followed,
    w502_commitment_fell_short,
    w407_opening_missing,
    w408_carried_over_year,
    w409_plan_calendar,
    w701_model_figures,
]


def check(report: Report, previous: Report | None = None,
          settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Every finding for a report, errors first, then warnings, then notes."""
    findings: list[Finding] = []
    for fn in RULES:
        findings.extend(fn(report, previous, settings))
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return findings
