"""E1xx completeness of the figures: E101, a target of last year's report with no result in this one."""

from __future__ import annotations

from workbench.checking.attainment import _has_numbers, match
from workbench.checking.findings import ERROR, Finding, Settings
from workbench.document.model import Report


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
