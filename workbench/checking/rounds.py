"""Review-round findings: the open comments (批注) of the newest review round, where they anchor."""

from __future__ import annotations

from typing import Any

from workbench import strings as S
from workbench.checking.findings import INFO, Finding

COMMENT_CODE = "R601"
TODO_CODE = "R602"


def todo_items(note: str) -> list[str]:
    """The to-do list a new year's draft was given (report.note: "由上年报告起草；…；…")."""
    if not note.startswith(S.ROLL_NOTE_HEAD):
        return []
    return [item.strip() for item in note[len(S.ROLL_NOTE_HEAD):].split("；") if item.strip()]


def drop_todo(note: str, item: str) -> str:
    """The note without one to-do item (the drafter marked it done); "" once none is left."""
    left = [i for i in todo_items(note) if i != item]
    return S.ROLL_NOTE_HEAD + "；".join(left) if left else ""


def todo_findings(note: str) -> list:
    """The roll-over's to-do items as findings (R602), listed with the checks until marked done."""
    return [Finding(TODO_CODE, INFO, S.TODO_FINDING.format(item=item), {"todo": item})
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
