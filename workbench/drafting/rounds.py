"""Drafting rounds: versions named by "2025@征求意见稿", a reviewed .docx taken in as a review
round, its tracked changes taken or refused one by one, its open comments, and the earlier
text a redline export is measured against."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench import strings as S
from workbench.document.model import Report
from workbench.storage.store import Store


class RoundError(ValueError):
    """A version or year that is not there; the message is the drafter's (Chinese) line."""


def split_ref(text: str) -> tuple[str, str | None]:
    """"2025@征求意见稿" -> ("2025", "征求意见稿"); "2025" -> ("2025", None)."""
    year, _, name = text.partition("@")
    return year, (name.strip() or None)


def store_review_round(store: Store, imported, path: Path, say=print) -> str | None:
    """An edited .docx of ours with tracked changes or comments becomes a new version of its
    report (the working state is left alone); returns the version's name, or None when the
    file is no review round."""
    review = getattr(imported, "review", None)
    if review is None:
        return None
    changes, comments = review
    report = imported.report
    base = path.stem
    name, n = base, 2
    while store.get_version(report.place, report.year, name) is not None:
        name = f"{base}（{n}）"
        n += 1
    if not store.exists(report.place, report.year):
        store.put(report)
    store.save_version(report, name, kind="review", changes=changes, comments=comments)
    say(S.VERSION_REVIEW_IMPORTED.format(path=path, place=report.place, year=report.year, name=name,
                                         changes=len(changes), comments=len(comments)))
    return name


def latest_review_comments(store: Store, place: str, year: int) -> list:
    """Findings for the open comments of the newest review round, adopted or not."""
    from workbench.checking.rounds import comment_findings

    rounds = [r for r in store.versions(place, year) if r["kind"] == "review"]
    if not rounds:
        return []
    name = rounds[-1]["name"]
    got = store.get_version(place, year, name)
    return comment_findings(got[1].get("comments") or [], name) if got else []


def redline_base(store: Store, report: Report, ref: str, author: str | None) -> tuple[Report, str, str]:
    """(earlier report, author, date) for `export --changes-from REF`: a version of this
    report by name, else the report of year REF; the date is the version's."""
    import getpass
    import os

    from workbench.writing.redline import word_date

    got = store.get_version(report.place, report.year, ref)
    if got is not None:
        earlier, record = got
        date = word_date(record.get("saved_at", ""))
    elif ref.strip().isdigit() and (earlier := store.get(report.place, int(ref))) is not None:
        date = word_date("")
    elif ref.strip().isdigit():  # a year was given: say that year's report is missing
        raise RoundError(S.CLI_CHANGES_FROM_NO_YEAR.format(ref=ref.strip(), place=report.place,
                                                           year=report.year))
    else:
        raise RoundError(S.CLI_CHANGES_FROM_MISSING.format(ref=ref, place=report.place, year=report.year,
                                                         prev=report.year - 1))
    who = author or os.environ.get("WORKBENCH_AUTHOR") or getpass.getuser() or "起草人"
    return earlier, who, date


def refuse(report, change: dict[str, Any]) -> bool:
    """Undo one tracked change in the report (its text is the all-accepted text): an insertion
    is taken out, a deletion put back. False when its paragraph is no longer as it was."""
    for *_, para in report.paragraphs():
        full = para.full_text
        if full.strip() != (change.get("accepted") or "").strip():
            continue
        lead_len = len(para.lead or "")
        at = change.get("offset", 0) - (len(full) - len(full.lstrip()))
        text = change.get("text", "")
        if change["kind"] == "ins":
            if full[at:at + len(text)] != text:
                return False
            new = full[:at] + full[at + len(text):]
        else:
            new = full[:at] + text + full[at:]
        if para.lead and at + (len(text) if change["kind"] == "ins" else 0) <= lead_len:
            para.lead, para.text = None, new  # the lead itself changed: keep it whole as text
        elif para.lead:
            para.text = new[lead_len:]
        else:
            para.text = new
        return True
    return False


def decide(report, changes: list[dict[str, Any]], index: int, take: bool) -> bool:
    """Take or refuse one change of a review round. Refusing edits the report and moves the
    paragraph's other changes along with it; both mark the change decided. False when the
    change can no longer be found in the text (it stays undecided)."""
    change = changes[index]
    if change.get("decision"):
        return True
    if take:
        change["decision"] = "taken"
        return True
    before = change.get("accepted") or ""
    if not refuse(report, change):
        return False
    change["decision"] = "refused"
    at, size = change.get("offset", 0), len(change.get("text", ""))
    delta = -size if change["kind"] == "ins" else size
    after = before[:at] + before[at + size:] if change["kind"] == "ins" else before[:at] + change["text"] + before[at:]
    for other in changes:
        if other is change or other.get("paragraph") != change.get("paragraph") or other.get("in_table") != change.get("in_table"):
            continue
        other["accepted"] = after
        if other.get("offset", 0) > at or (other.get("offset", 0) == at and other["kind"] == "ins" and change["kind"] == "del"):
            other["offset"] = other.get("offset", 0) + delta
    return True
