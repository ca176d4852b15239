"""Drafting rounds: versions named by "2025@征求意见稿", a reviewed .docx taken in as a review
round, its tracked changes taken or refused one by one, its open comments, and the earlier
text a redline export is measured against."""

from __future__ import annotations

import copy
import re
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


def _similarity(a: Report, b: Report) -> float:
    """How much of two reports' body text is the same (0..1), by paragraph."""
    import difflib

    left = [p.full_text.strip() for *_, p in a.paragraphs()]
    right = [p.full_text.strip() for *_, p in b.paragraphs()]
    if not left or not right:
        return 0.0
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def is_round_of(imported, existing: Report | None) -> bool:
    """Whether a .docx is a copy of a report already in the store (same place and year): it
    carries tracked changes or comments, or our data, or most of its paragraphs are the stored
    report's (a copy an editor stripped of everything but its title block and text)."""
    if existing is None:
        return False
    if imported.review is not None or getattr(imported, "ours", False):
        return True
    return _similarity(imported.report, existing) >= 0.5


def _base_of(store: Store, report: Report, fingerprint: str) -> Report | None:
    """The stored state a copy was exported from: the version or working state whose text
    has the copy's fingerprint, else the working state."""
    from workbench.document.datapart import fingerprint as fp

    current = store.get(report.place, report.year)
    if fingerprint:
        if current is not None and fp(current) == fingerprint:
            return current
        for row in reversed(store.versions(report.place, report.year)):
            got = store.get_version(report.place, report.year, row["name"])
            if got is not None and fp(got[0]) == fingerprint:
                return got[0]
    return current


def fill_lost_data(report: Report, base: Report) -> None:
    """A copy whose data part an editor dropped: the figures and status of the state it was
    exported from, the targets sentence still read from the text if the reviewer changed it."""
    from workbench.document.phrasing import GENERATED_TARGETS, is_targets_paragraph, targets_sentence

    report.results = [copy.deepcopy(f) for f in base.results]
    report.status = base.status
    base_sentence = targets_sentence(base)
    for *_, para in report.paragraphs():
        if para.lead is None and is_targets_paragraph(para.text):
            if para.text == base_sentence:
                report.targets = [copy.deepcopy(f) for f in base.targets]
                para.generated = GENERATED_TARGETS
            break
    else:
        report.targets = [copy.deepcopy(f) for f in base.targets]


def _cell_target(report: Report, cell: dict[str, Any]) -> list | None:
    """The figures list a table column holds: results for a 完成/实际 column, targets for a
    目标 column of this report's own year; None for any other column (last year's targets,
    the attainment word, a name)."""
    header = cell.get("header") or ""
    if not cell.get("column") or cell.get("first_row") or header.endswith("情况") or "率" in header:
        return None
    if "完成" in header or "实际" in header:
        return report.results
    if "目标" in header or "预期" in header:
        m = re.search(r"((?:19|20)\d\d)年", header)
        return report.targets if m is None or int(m.group(1)) == report.year else None
    return None


def apply_cell(report: Report, cell: dict[str, Any], text: str) -> tuple[bool, str | None]:
    """Set the figure a table cell shows to the cell's text: (done, the line saying what
    changed); (False, why) when the text is no figure, (True, None) when the cell holds none."""
    from workbench.document.catalog import lookup
    from workbench.document.figures import FigureError, format_figure, parse_figure

    figures = _cell_target(report, cell)
    name = (cell.get("row") or "").strip()
    header = cell.get("header") or ""
    if figures is None and name and cell.get("column") and not cell.get("first_row"):
        m = re.search(r"((?:19|20)\d\d)年", header)
        if "目标" in header and m and int(m.group(1)) != report.year:
            return True, S.ROUND_CELL_OTHER_YEAR.format(row=name, header=header, year=m.group(1))
        if header.endswith("情况") or "率" in header:
            return True, S.ROUND_CELL_DERIVED.format(row=name, header=header)
    if figures is None or not name:
        return True, None
    key = lookup(name)
    at = next((i for i, f in enumerate(figures) if (key and f.key == key) or f.name == name), None)
    if not text.strip():
        if at is not None:
            del figures[at]
        return True, S.ROUND_CELL_CLEARED.format(row=name, header=cell.get("header") or "")
    if at is not None and format_figure(figures[at], with_name=False) == text.strip():
        return True, None  # the cell shows the figure as it is
    try:
        fig = parse_figure(text, name=figures[at].name if at is not None else name)
        fig.raw = fig.name + fig.raw
    except FigureError:
        return False, S.ROUND_CELL_UNREAD.format(row=name, header=cell.get("header") or "", text=text.strip())
    if at is not None:
        fig.key = figures[at].key or fig.key
        figures[at] = fig
    else:
        fig.key = fig.key or key
        figures.append(fig)
    return True, S.ROUND_CELL_SET.format(row=name, header=cell.get("header") or "",
                                   figure=format_figure(fig, with_name=False))


def apply_cells(report: Report, changes: list[dict[str, Any]]) -> list[str]:
    """Every figures-table cell a round changed, set from its all-accepted text (once a cell)."""
    said, seen = [], set()
    for c in changes:
        cell = c.get("cell")
        if not c.get("in_table") or not cell or c.get("paragraph") in seen:
            continue
        seen.add(c.get("paragraph"))
        _, line = apply_cell(report, cell, c.get("accepted") or "")
        if line:
            said.append(line)
    return said


def store_review_round(store: Store, imported, path: Path, say=print) -> str | None:
    """A .docx that is a round of a report in the store (or carries 修订 or 批注) becomes a new
    version of that report, the working state left alone; returns the version's name, or
    None when the file is no review round (an ordinary import)."""
    if path.suffix.lower() != ".docx":
        return None
    report = imported.report
    existing = store.get(report.place, report.year)
    if existing is None and imported.review is None:
        return None
    if existing is not None and not is_round_of(imported, existing):
        return None
    changes, comments = imported.review or ([], [])
    if getattr(imported, "data_lost", False) and existing is not None:
        base = _base_of(store, report, getattr(imported, "fingerprint", ""))
        if base is not None:
            fill_lost_data(report, base)
    cells = apply_cells(report, changes)
    base_name = re.sub(r"[/\\@\r\n]", "-", path.stem).strip() or S.ROUND_DEFAULT_NAME  # a version's name takes no @
    name, n = base_name, 2
    while store.get_version(report.place, report.year, name) is not None:
        name = f"{base_name}（{n}）"
        n += 1
    created = existing is None
    if created:
        store.put(report)
    store.save_version(report, name, kind="review", changes=changes, comments=comments)
    counted = count_changes(changes)
    head = S.VERSION_REVIEW_CREATED if created else S.VERSION_REVIEW_IMPORTED
    say(head.format(path=path, place=report.place, year=report.year, name=name, changes=counted,
                    comments=len(comments)))
    for line in cells:
        say(line)
    if getattr(imported, "data_lost", False) and existing is not None:
        say(S.VERSION_REVIEW_DATA_LOST)
    return name


def count_changes(changes: list[dict[str, Any]]) -> str:
    """"插入3处，删除2处": the unit the redline export counts in (one w:ins or w:del each)."""
    ins = sum(1 for c in changes if c.get("kind") == "ins")
    dels = sum(1 for c in changes if c.get("kind") == "del")
    return S.ROUND_COUNTS.format(ins=ins, dels=dels)


def latest_review_comments(store: Store, place: str, year: int) -> list:
    """Findings for the open comments of the newest review round, adopted or not."""
    from workbench.checking.rounds import comment_findings

    rounds = [r for r in store.versions(place, year) if r["kind"] == "review"]
    if not rounds:
        return []
    name = rounds[-1]["name"]
    got = store.get_version(place, year, name)
    return comment_findings(got[1].get("comments") or [], name) if got else []


def redline_base(store: Store, report: Report, ref: str, author: str | None,
                 date: str | None = None) -> tuple[Report, str, str]:
    """(earlier report, author, date) for `export --changes-from REF`: a version of this
    report by name, else the report of year REF. The 修订 are dated when the working state
    was last saved (the edits they show were made by then), or `date` when given."""
    import getpass
    import os

    from workbench.writing.redline import word_date

    got = store.get_version(report.place, report.year, ref)
    if got is not None:
        earlier = got[0]
    elif ref.strip().isdigit() and (earlier := store.get(report.place, int(ref))) is not None:
        pass
    elif ref.strip().isdigit():  # a year was given: say that year's report is missing
        raise RoundError(S.CLI_CHANGES_FROM_NO_YEAR.format(ref=ref.strip(), place=report.place,
                                                           year=report.year))
    else:
        raise RoundError(S.CLI_CHANGES_FROM_MISSING.format(ref=ref, place=report.place, year=report.year,
                                                         prev=report.year - 1))
    if date is not None:
        stamp = parse_date(date)
    else:
        stamp = word_date(store.working_saved_at(report.place, report.year) or "")
    who = author or os.environ.get("WORKBENCH_AUTHOR") or getpass.getuser() or "起草人"
    return earlier, who, stamp


def parse_date(text: str) -> str:
    """`--date` ("2025-01-05", "2025-01-05 09:30", ISO) as Word writes revision dates."""
    from datetime import datetime

    cleaned = text.strip().replace("/", "-").replace("T", " ").rstrip("Z")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).strftime("%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            continue
    raise RoundError(S.CLI_BAD_REDLINE_DATE.format(value=text))


def refuse(report, change: dict[str, Any]) -> bool:
    """Undo one tracked change in the report (its text is the all-accepted text): an insertion
    is taken out, a deletion put back; in a figures table the figure the cell shows is set
    again. False when its paragraph is no longer as it was."""
    if change.get("in_table"):
        return _refuse_in_cell(report, change)
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
            # the lead loses what of the insertion lay inside it
            lead_len -= max(0, min(at + len(text), lead_len) - min(at, lead_len))
        else:
            new = full[:at] + text + full[at:]
            # deleted lead text (bold) goes back into the lead, body text into the body
            if at < lead_len or (at == lead_len and change.get("bold") and (lead_len or at == 0)):
                lead_len += len(text)
        if para.lead is not None or (change["kind"] == "del" and change.get("bold") and at == 0):
            para.lead, para.text = (new[:lead_len] or None), new[lead_len:]
        else:
            para.text = new
        return True
    return False


def _undone(text: str, change: dict[str, Any]) -> str | None:
    """`text` (all accepted) with one change undone, or None when it is not where it was."""
    at, piece = change.get("offset", 0), change.get("text", "")
    if change["kind"] == "ins":
        return text[:at] + text[at + len(piece):] if text[at:at + len(piece)] == piece else None
    return text[:at] + piece + text[at:]


def _refuse_in_cell(report, change: dict[str, Any]) -> bool:
    """A change in a table cell refused: a figures table's figure follows the cell's text; a
    cell that shows no figure of this report (a name, last year's target) has nothing to undo."""
    new = _undone(change.get("accepted") or "", change)
    if new is None:
        return False
    cell = change.get("cell")
    if cell:
        # A cell rewritten by several changes reads as a figure again only once they are all
        # refused; the figure follows whenever the cell's text is one.
        apply_cell(report, cell, new)
    return True


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
        # a change after this deletion in the document, at the same place, now follows its text
        later = changes.index(other) > index
        if other.get("offset", 0) > at or (other.get("offset", 0) == at and later and change["kind"] == "del"):
            other["offset"] = other.get("offset", 0) + delta
    return True
