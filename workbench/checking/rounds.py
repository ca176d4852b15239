"""Review-round findings: the open comments (批注) of the newest review round, where they anchor."""

from __future__ import annotations

from typing import Any

from workbench import strings as S
from workbench.checking.findings import INFO, Finding

COMMENT_CODE = "R601"


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
