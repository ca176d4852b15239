"""Start this year's draft from an earlier report (`workbench new PLACE YEAR --from YEAR`)."""

from __future__ import annotations

import copy
import re

from workbench import strings as S
from workbench.document.commitments import chapter_is_review, sync
from workbench.document.figures import Figure
from workbench.document.meeting import SESSION, cn_number, cn_text
from workbench.util.lazyre import LazyRegex
from workbench.document.model import Meta, Report
from workbench.document.planyears import calendar_slips, is_calendar_sentence, sentences
from workbench.document.phrasing import GENERATED_TARGETS, is_targets_paragraph, refresh_generated, targets_sentence

_YEAR = LazyRegex(r"(?<![0-9])(19|20|21)([0-9]{2})(?=年)")


def advance_years(text: str, by: int) -> str:
    """Every "2024年" in text moved on by `by` years."""
    return _YEAR.sub(lambda m: str(int(m.group()) + by), text)


def _advance_between(text: str, by: int, first: int, last: int) -> str:
    """Years from `first` to `last` (the report's own year and the one before) moved on."""
    def move(m: re.Match) -> str:
        y = int(m.group())
        return str(y + by) if first <= y <= last else m.group()
    return _YEAR.sub(move, text)


def _advance_plan_text(text: str, by: int, first: int, last: int, year: int,
                       rewrite: list[str], review: list[str]) -> str:
    """A plan paragraph's years moved on, sentence by sentence. A sentence that places a year in
    the Five-Year-Plan calendar ("2025年是“十四五”规划收官之年", "为圆满收官“十四五”") is moved on
    only when the moved sentence is still true of `year` (then listed in `review` to re-read);
    otherwise it is kept as written and listed in `rewrite`: never advanced into a false one."""
    if not is_calendar_sentence(text):
        return _advance_between(text, by, first, last)
    out, at = [], 0
    for a, b in sentences(text):
        out.append(text[at:a])
        sentence = text[a:b]
        moved = _advance_between(sentence, by, first, last)
        if is_calendar_sentence(sentence):
            if calendar_slips(moved, year, True):
                moved = sentence
                rewrite.append(sentence.strip())
            elif moved != sentence:
                review.append(moved.strip())
        out.append(moved)
        at = b
    out.append(text[at:])
    return "".join(out)


def _clip_all(items: list[str], n: int = 24) -> str:
    return "、".join(f"「{t if len(t) <= n else t[:n] + '…'}」" for t in items)


def advance_session(meeting: str, by: int) -> tuple[str, bool]:
    """"第四次会议" -> "第五次会议" (one session a year); (new text, whether it changed)."""
    m = SESSION.search(meeting)
    if not m or by <= 0:
        return meeting, False
    n = cn_number(m.group(1))
    if n is None:
        return meeting, False
    new = str(n + by) if m.group(1).isdigit() else cn_text(n + by)
    return meeting[:m.start(1)] + new + meeting[m.end(1):], True


def roll_over(source: Report, year: int) -> Report:
    """A draft for `year`: chapters and sections carried, the meeting and years advanced.

    The source's targets become this draft's results to fill in (one empty row per
    indicator, to be reviewed against them), and the starting point for this year's targets.
    What cannot be decided here (the date, a new 届, the review chapter's text) is listed
    in the draft's note for the drafter to review.
    """
    by = year - source.year
    review_notes: list[str] = []
    draft = Report(place=source.place, year=year, status="draft")
    meeting = advance_years(source.meta.meeting, by)
    meeting, moved = advance_session(meeting, by)
    if source.meta.meeting:
        if moved and by > 1:  # say what was done: 第四次 -> 第七次 is not "加一"
            old, new = SESSION.search(source.meta.meeting), SESSION.search(meeting)
            review_notes.append(S.ROLL_NOTE_SESSION_BY.format(old=old.group(0), new=new.group(0), by=by))
        else:
            review_notes.append(S.ROLL_NOTE_SESSION if moved else S.ROLL_NOTE_MEETING)
    date = advance_years(source.meta.date, by)
    if source.meta.date or meeting != source.meta.meeting:
        review_notes.append(S.ROLL_NOTE_DATE.format(source=source.year, year=year))
    draft.meta = Meta(title=source.meta.title, meeting=meeting, date=date, speaker=source.meta.speaker)
    draft.chapters = copy.deepcopy(source.chapters)
    changed = 0
    owned_targets = False
    rewrite: list[str] = []
    reread: list[str] = []
    for ch in draft.chapters:
        review = chapter_is_review(ch)
        if ch.title:
            ch.title = advance_years(ch.title, by)
        for sec in ch.sections:
            sec.title = advance_years(sec.title, by)
        if review:
            continue
        for paras in [ch.paragraphs] + [sec.paragraphs for sec in ch.sections]:
            for p in paras:
                if p.lead is None and is_targets_paragraph(p.text):
                    if p.generated or p.text == targets_sentence(source):
                        p.generated = GENERATED_TARGETS  # made from the table: follows the new one
                        continue
                    owned_targets = True  # the drafter's own words: kept, years advanced, noted
                for attr in ("lead", "text"):
                    old = getattr(p, attr)
                    if old:
                        new = _advance_plan_text(old, by, source.year - 1, source.year, year, rewrite, reread)
                        if new != old:
                            setattr(p, attr, new)
                            changed += 1
    if owned_targets:
        review_notes.append(S.ROLL_NOTE_TARGETS_OWNED)
    if any(chapter_is_review(ch) for ch in draft.chapters):
        review_notes.append(S.ROLL_NOTE_REVIEW.format(source=source.year, reviewed=source.year - 1,
                                                      target=year - 1))
    if rewrite:
        review_notes.append(S.ROLL_NOTE_CALENDAR_REWRITE.format(n=len(rewrite), year=year,
                                                                sentences=_clip_all(rewrite)))
    if reread:
        review_notes.append(S.ROLL_NOTE_CALENDAR_CHECK.format(n=len(reread), sentences=_clip_all(reread)))
    if changed:
        review_notes.append(S.ROLL_NOTE_YEARS.format(n=changed, by=cn_text(by)))
    if source.targets:  # the table starts as last year's: the drafter must set this year's
        review_notes.append(S.ROLL_NOTE_TARGETS_COPIED.format(source=source.year, n=len(source.targets), year=year))
    draft.note = S.ROLL_NOTE_HEAD + "；".join(review_notes) if review_notes else ""
    draft.results = [Figure(name=t.name, key=t.key, unit=t.unit) for t in source.targets]
    draft.targets = [copy.deepcopy(t) for t in source.targets]
    refresh_generated(draft)
    return sync(draft)
