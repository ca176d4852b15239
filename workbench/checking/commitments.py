"""I5xx commitments: I501 a promise of last year's report never mentioned again, W502 one answered
with a smaller number."""

from __future__ import annotations

from workbench.checking.findings import INFO, WARNING, Finding, Settings, _para_where
from workbench.document.commitments import follow_up, is_action_promise, is_mentioned, review_texts
from workbench.document.figures import find_mentions, format_number
from workbench.document.model import Report


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
