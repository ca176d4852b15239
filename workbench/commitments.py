"""Commitments: the quantitative promises a report's plan makes in its bullets.

"力争新增规上企业8家", "新建口袋公园3个以上", "不少于300亩" — derived from the text and
kept in sync with it; next year's review answers each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lazyre import LazyRegex
from .catalog import lookup
from .figures import find_mentions
from .model import Chapter, Commitment, Report
from .phrasing import is_targets_paragraph

_CLAUSE_SPLIT = LazyRegex(r"[，。；：、,;:！？\n]")
# A targets passage in any of its wordings ("努力目标为：", "经济增长预期目标为6%左右"): targets, not promises.
_TARGETS_PASSAGE = LazyRegex(r"(主要预期目标|主要目标|预期目标|努力目标|奋斗目标)(是|为|：)")
_REVIEW_TITLE = LazyRegex(r"回顾|过去|总结|工作情况|取得的成绩|主要成绩")
# Verbs and markers that carry no meaning for matching a promise to a later mention.
_FILLER = LazyRegex(
    r"力争|确保|全年|累计|新增|新建|新开工|开工|建成|完成|实现|引进|培育|打造|改造|提升|"
    r"推动|推进|争取|达到|不少于|不低于|不超过|控制在|以上|以内|左右|超过|突破|总投资|约|共|"
    r"[0-9０-９.．,%]+|[零〇一二两三四五六七八九十百千万亿]+(?=[个家项亩所座套间宗件处条台辆张栋场批期人户名吨米])"
)
_UNIT_CHARS = LazyRegex(r"^(个|家|项|亩|所|座|套|间|宗|件|处|条|台|辆|张|栋|场|批|期|人|户|名|吨|米|元)")


@lru_cache(maxsize=1024)
def is_review_chapter(title: str | None) -> bool:
    return bool(title and _REVIEW_TITLE.search(title))


def chapter_is_review(chapter: Chapter) -> bool:
    """A chapter that reviews the past year: by the kind the importer read from its text,
    else by its title."""
    if chapter.kind:
        return chapter.kind == "review"
    return is_review_chapter(chapter.title)


def derive_commitments(report: Report) -> list[Commitment]:
    """Every number-with-unit promise in the chapters that plan (not the review)."""
    found: list[Commitment] = []
    in_targets_list = False
    for ci, si, pi, para in report.paragraphs():
        if chapter_is_review(report.chapters[ci]):
            continue
        if is_targets_paragraph(para.full_text) or _TARGETS_PASSAGE.search(para.full_text):
            in_targets_list = True
            continue
        if in_targets_list and pi > 0 and _is_target_item(para.full_text):
            continue  # a lead-in line followed by a list of targets
        in_targets_list = False
        for clause in _CLAUSE_SPLIT.split(para.full_text):
            clause = clause.strip()
            if not clause:
                continue
            for m in find_mentions(clause):
                if m.unit is None or (m.value == 1 and not clause[m.start].isdigit()):
                    continue
                q = m.qualifier or ("力争" if "力争" in clause[: m.start] else None)
                found.append(Commitment(
                    raw=clause, value=m.value, unit=m.unit, qualifier=q,
                    chapter=ci, section=si, paragraph=pi,
                ))
    return found


def _is_target_item(text: str) -> bool:
    from .figures import FigureError, parse_figure

    text = text.strip().rstrip("；;。，,")
    if not text or len(text) > 60:
        return False
    try:
        parse_figure(text)
    except FigureError:
        return False
    return True


def sync(report: Report) -> Report:
    """Fill catalogue keys and re-derive commitments; returns the same report."""
    for fig in (*report.results, *report.targets):
        if fig.key is None:
            fig.key = lookup(fig.name)
    report.commitments = derive_commitments(report)
    return report


def subject(raw: str) -> str:
    """What a commitment is about, for finding it again: "新增规上企业8家" -> "规上企业"."""
    text = _FILLER.sub(" ", raw)
    runs = [r for r in re.split(r"\s+", text) if r]
    runs = [_UNIT_CHARS.sub("", r) if i > 0 else r for i, r in enumerate(runs)]
    runs = [r for r in runs if len(r) >= 2]
    if not runs:
        return ""
    return max(runs, key=len)


@dataclass
class FollowUp:
    """What a later report says of an earlier commitment."""

    commitment: Commitment
    state: str  # "with_number" | "mentioned" | "not_mentioned"
    where: tuple[int, int | None, int] | None = None
    excerpt: str = ""


_CLAUSE_MARKS = "，。；：！？,;:"


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: from the punctuation before to the one after."""
    left = max(text.rfind(c, 0, start) for c in _CLAUSE_MARKS) + 1
    rights = [i for i in (text.find(c, end) for c in _CLAUSE_MARKS) if i >= 0]
    return text[left:min(rights) if rights else len(text)]


def review_texts(later: Report) -> list[tuple[tuple[int, int | None, int], str]]:
    """The paragraphs a later report answers commitments in: its review chapters, else all."""
    review = {i for i, ch in enumerate(later.chapters) if chapter_is_review(ch)}
    return [((ci, si, pi), para.full_text) for ci, si, pi, para in later.paragraphs()
            if not review or ci in review]


def follow_up(commitment: Commitment, later: Report,
              texts: list[tuple[tuple[int, int | None, int], str]] | None = None) -> FollowUp:
    """Find a commitment in a later report's text: with its number, without one, or not at all."""
    subj = subject(commitment.raw)
    if not subj:
        return FollowUp(commitment, "not_mentioned")
    # Try the whole subject, then its head and tail ("口袋公园" for "新建口袋公园").
    keys = [subj]
    if len(subj) >= 4:
        keys += [subj[-4:], subj[:4]]
    mentioned = None
    for where, text in (texts if texts is not None else review_texts(later)):
        for key in keys:
            pos = text.find(key)
            while pos >= 0:
                window = _clause_around(text, pos, pos + len(key))
                if any(m.unit == commitment.unit for m in find_mentions(window)):
                    return FollowUp(commitment, "with_number", where, window)
                if mentioned is None:
                    mentioned = FollowUp(commitment, "mentioned", where, window)
                pos = text.find(key, pos + len(key))
    return mentioned or FollowUp(commitment, "not_mentioned")
