"""W701/W702: figures a language model wrote into a taken paragraph that the drafter has not
settled: one the report's data does not hold (W701), one a rewrite changed (W702). A finding
stays while the figure is still in the paragraph and until the drafter marks it settled."""

from __future__ import annotations

from workbench import strings as S
from workbench.checking.findings import WARNING, Finding, Settings, _para_where
from workbench.document.model import Report

UNKNOWN_CODE = "W701"
CHANGED_CODE = "W702"
CODES = (UNKNOWN_CODE, CHANGED_CODE)


def w701_model_figures(report: Report, previous: Report | None, settings: Settings) -> list[Finding]:
    out = []
    for ci, si, pi, p in report.paragraphs():
        if p.model is None:
            continue
        text = p.full_text
        for u in p.model.unverified:
            if u.figure not in text:
                continue  # edited away: nothing left to settle
            where = {**_para_where(ci, si, pi), "model_figure": u.figure}
            if u.was:
                out.append(Finding(CHANGED_CODE, WARNING,
                                   S.AI_FINDING_CHANGED.format(was=u.was, figure=u.figure), where))
            else:
                out.append(Finding(UNKNOWN_CODE, WARNING, S.AI_FINDING_UNKNOWN.format(figure=u.figure), where))
    return out
