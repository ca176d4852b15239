"""E1xx completeness of the figures: E101, a target of last year's report with no result in this one,
asserted only when the review never mentions the indicator; I103 when it does but no figure could be
read from the sentence, which the finding quotes for the drafter to settle. The same rule holds for
E102 (units cannot compare): attainment.unsure_units."""

from __future__ import annotations


from workbench.checking.attainment import _has_numbers, _names_for, match
from workbench.checking.findings import ERROR, INFO, Finding, Settings, _para_where
from workbench.document.model import Report
from workbench.reading.results import results_in, year_paragraphs
from workbench.util import lazyre

_SENTENCE = lazyre.compile(r"[^。；！？\n]+[。；！？]?")
_QUOTE_MAX = 80


def e101_missing_result(report: Report, previous: Report | None, s: Settings):
    """E101 a target of the previous report has no result in this one."""
    if previous is None:
        return
    for t in previous.targets:
        if not _has_numbers(t):
            continue
        res = match(report.results, t)
        if not _has_numbers(res):
            said = mention(report, t)
            if said is not None:
                quote, where = said
                yield Finding("I103", INFO,
                              f"{previous.year}年目标“{t.raw or t.name}”的完成数未能从回顾中读出，"
                              f"回顾写道：“{quote}”，请核对",
                              {"figure": t.name, **_para_where(*where)})
                continue
            yield Finding("E101", ERROR,
                          f"{previous.year}年目标“{t.raw or t.name}”在本报告中没有完成数",
                          {"figure": t.name, "list": "results",
                           "index": report.results.index(res) if res in report.results else None})


def mention(report: Report, target) -> tuple[str, tuple[int, int | None, int]] | None:
    """The first sentence of the review of the year that names the target's indicator (its
    name or a catalogue wording of four characters or more) while no figure of it can be read
    there, shortened to a quote, with where it stands. None when the review never names it, or when it states a
    readable figure (then the results table lacks what the text says: E101 stands)."""
    names = _names_for(target)
    quote = None
    for ci, si, pi, text in year_paragraphs(report):
        if not any(n in text for n in names):
            continue
        for sentence in _SENTENCE.findall(text):
            at = min((sentence.find(n) for n in names if n in sentence), default=-1)
            if at < 0:
                continue
            if _has_numbers(match(results_in(sentence), target)):
                return None
            if quote is None:
                text_of = sentence.strip().rstrip("。；！？")
                if len(text_of) > _QUOTE_MAX:
                    start = max(0, at - 10)
                    text_of = ("…" if start else "") + text_of[start:start + _QUOTE_MAX] + "…"
                quote = (text_of, (ci, si, pi))
    return quote

