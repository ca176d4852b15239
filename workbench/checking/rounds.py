"""Review-round findings: the open comments (批注) of the newest review round, where they anchor."""

from __future__ import annotations

from typing import Any

from workbench import strings as S
from workbench.checking.findings import INFO, Finding

COMMENT_CODE = "R601"
TODO_CODE = "R602"


def _head(note: str) -> str | None:
    """Which to-do list the note holds: a new year's draft's or an import's; None for a note
    of the drafter's own."""
    return next((h for h in (S.ROLL_NOTE_HEAD, S.IMPORT_NOTE_HEAD) if note.startswith(h)), None)


def todo_items(note: str) -> list[str]:
    """The to-do list a new year's draft was given (report.note: "由上年报告起草；…；…"), or
    what its import said ("导入时的提醒；…")."""
    head = _head(note)
    if head is None:
        return []
    return [item.strip() for item in note[len(head):].split("；") if item.strip()]


def drop_todo(note: str, item: str) -> str:
    """The note without one to-do item (the drafter marked it done); "" once none is left."""
    left = [i for i in todo_items(note) if i != item]
    return (_head(note) or S.ROLL_NOTE_HEAD) + "；".join(left) if left else ""


def todo_findings(note: str) -> list:
    """The to-do items as findings (R602), listed with the checks until marked done."""
    form = S.IMPORT_TODO_FINDING if _head(note) == S.IMPORT_NOTE_HEAD else S.TODO_FINDING
    return [Finding(TODO_CODE, INFO, form.format(item=item), {"todo": item})
            for item in todo_items(note)]


def comment_findings(comments: list[dict[str, Any]], version: str) -> list:
    """Open comments of a review round as check findings (批注), pointing where they anchor."""
    out = []
    for c in comments:
        if c.get("done"):
            continue
        where: dict[str, Any] = {"version": version, "comment": c.get("id")}
        if c.get("chapter") is not None:
            where.update(chapter=c["chapter"], section=c.get("section"),
                         paragraph=None if c.get("paragraph_index", -1) == -1 else c.get("paragraph_index"))
        anchor = (c.get("anchor") or "").strip()
        out.append(Finding(COMMENT_CODE, INFO, S.COMMENT_FINDING.format(
            author=c.get("author") or S.COMMENT_NO_AUTHOR, text=c.get("text", ""),
            anchor=(anchor[:24] + "…") if len(anchor) > 24 else anchor, version=version), where))
    return out
