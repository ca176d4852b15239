"""Commitments: the quantitative promises a report's plan makes in its bullets.

"力争新增规上企业8家", "新建口袋公园3个以上", "不少于300亩" — derived from the text and
kept in sync with it; next year's review answers each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.util.lazyre import LazyRegex
from workbench.document.catalog import lookup
from workbench.document.figures import find_mentions
from workbench.document.model import Chapter, Commitment, Report
from workbench.document.phrasing import is_targets_paragraph

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


# Units of things or money done or built; a rate (%, 百分点) is a target's business, not a promise's.
_RATE_UNITS = ("%", "‰", "百分点")
# A Chinese-numeral count is a promise only right after a verb of doing ("办好十件民生实事");
# elsewhere it is a slogan's numeral ("两个毫不动摇", "统筹两个大局", "八项规定").
_ACTION_BEFORE = LazyRegex(
    r"(?:办好|办成|新建|新增|建成|建设|完成|引进|培育|改造|打造|创建|新开工|开工|举办|招引|签约|落地|"
    r"实施|推进|争创|新培育|新认定|新改建|改建|扩建|修缮|提升|整治|实现)$")
_ORDINAL_BEFORE = LazyRegex(r"(?:第|前|后|近|每|逐)$")
_LEGAL_REFERENCE = LazyRegex(r"第[一二三四五六七八九十百0-9]+[条款项章节]|》")
_FORECAST = LazyRegex(r"预计|预期|预测|估计|^今年[^，]{0,12}?(?:超过|将达|约)")
# Budget and fiscal lines: promises of a different kind, kept apart and not followed up.
_FISCAL = LazyRegex(
    r"赤字|专项债|国债|预算|转移支付|财政|减税|退税|降费|缓税|缓费|税收|应纳税|所得税|增值税|加计扣除|"
    r"税率|债券|债务|再贷款|贷款|利率|基金|支出规模|中央本级|比上年增加|比上年年初")
_LINK_AT_END = LazyRegex(r"(?:达到|达|为|超过|突破|增加到|提高到|控制在|保持在|稳定在)$")
_SENTENCE_SPLIT = LazyRegex(r"[。；;！？\n]")
# What is there already, not what will be done: "已有…", "累计建成…", "现有…".
_STATE_BEFORE = LazyRegex(r"已有|已经|已建成|已累计|累计|现有|共有|拥有|目前|现已|截至")
# A list item's own number before its words: "①", "⑵", "(1)", "1．".
_LIST_MARK = LazyRegex(r"^(?:[①-⑳⑴-⒇]|[（(][0-9一二三四五六七八九十]{1,2}[)）]|[0-9]{1,2}[.．、])\s*")
ACTION = "action"
FISCAL = "fiscal"


def derive_commitments(report: Report) -> list[Commitment]:
    """Every countable promise in the chapters that plan (not the review): a number with a
    unit of things or money done or built, never a slogan's numeral, a quotation, an ordinal
    or legal reference, a rate or a targets-passage figure. Budget lines stay in the list and
    are told apart by `kind`."""
    found: list[Commitment] = []
    in_targets_list = False
    for ci, si, pi, para in report.paragraphs():
        if chapter_is_review(report.chapters[ci]):
            continue
        if is_targets_paragraph(para.full_text) or _TARGETS_PASSAGE.search(para.full_text):
            # A lead-in ending in "：" is followed by a list of targets; a full passage is not.
            in_targets_list = para.full_text.rstrip().endswith(("：", ":"))
            continue
        if in_targets_list and pi > 0 and _is_target_item(para.full_text):
            continue  # a lead-in line followed by a list of targets
        in_targets_list = False
        text = para.full_text
        quoted: list[tuple[int, int]] | None = None
        pos = 0
        listed = ""  # the items of an enumeration so far ("省级智能工厂、"): one phrase with the next
        for clause in _CLAUSE_SPLIT.split(text):
            start = text.find(clause, pos)
            pos = start + len(clause)
            mark = text[pos:pos + 1]
            stripped = clause.strip()
            whole, listed = listed + stripped, (listed + stripped + "、" if mark == "、" else "")
            if not stripped or not _ANY_NUMERAL.search(stripped):
                continue  # no number, so no mention (find_mentions reads only these)
            if _FORECAST.search(whole) or _LEGAL_REFERENCE.search(stripped) or _STATE_BEFORE.search(whole):
                continue
            offset = start + (len(clause) - len(clause.lstrip()))
            if quoted is None:
                quoted = _quoted_spans(text)
            for m in find_mentions(stripped):
                if not _is_promise(stripped, m, offset, quoted):
                    continue
                q = m.qualifier or ("力争" if "力争" in stripped[: m.start] else None)
                found.append(Commitment(
                    raw=_LIST_MARK.sub("", whole), value=m.value, unit=m.unit, qualifier=q,
                    chapter=ci, section=si, paragraph=pi,
                ))
                break  # one commitment per clause
    return found


# The characters find_mentions reads a number from: a clause without one holds no mention.
_ANY_NUMERAL = LazyRegex(r"[0-9０-９零〇一二两三四五六七八九十百千]")
_QUOTE_MARK = LazyRegex(r"[“”]")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for q in _QUOTE_MARK.finditer(text):  # only the marks, not every character
        i, ch = q.start(), q.group()
        if ch == "“":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth:
        spans.append((start, len(text)))
    return spans


def _is_promise(clause: str, m, offset: int, quoted: list[tuple[int, int]]) -> bool:
    if m.unit is None or m.unit in _RATE_UNITS or m.growth:
        return False
    at = offset + m.start
    if any(a <= at <= b for a, b in quoted):
        return False
    before = clause[: m.start]
    if _ORDINAL_BEFORE.search(before):
        return False
    name = _LINK_AT_END.sub("", before.strip())
    if len(name) >= 2 and lookup(name) is not None:
        return False  # "规模以上工业总产值23.55亿元": an indicator's figure, a target's business
    if not any(ch.isdigit() for ch in clause[m.start:m.end]):
        if m.value == 1 or not _ACTION_BEFORE.search(before):
            return False
    return True


def commitment_kind(commitment: Commitment, report: Report | None = None) -> str:
    """"fiscal" for a budget or fiscal line (赤字率, 专项债券, 比上年增加…), else "action";
    the sentence around the clause decides when the report is at hand."""
    para = _paragraph(report, commitment) if report is not None else None
    return _kind_in(commitment.raw, para or "")


@lru_cache(maxsize=4096)
def _kind_in(raw: str, para: str) -> str:
    text = raw
    for sentence in _SENTENCE_SPLIT.split(para):
        if raw in sentence:
            text = sentence
            break
    return FISCAL if _FISCAL.search(text) else ACTION


def is_action_promise(commitment: Commitment, report: Report | None = None) -> bool:
    """A promise next year's review should answer: countable, not a budget line, and (for a
    commitment stored before these rules) not a slogan, a quotation, an ordinal or a rate."""
    return _reads_as_promise(commitment.raw) and commitment_kind(commitment, report) == ACTION


@lru_cache(maxsize=4096)
def _reads_as_promise(raw: str) -> bool:
    if _FORECAST.search(raw) or _LEGAL_REFERENCE.search(raw) or _STATE_BEFORE.search(raw):
        return False
    quoted = _quoted_spans(raw)
    return any(_is_promise(raw, m, 0, quoted) for m in find_mentions(raw))


def _paragraph(report: Report, c: Commitment) -> str | None:
    try:
        ch = report.chapters[c.chapter]
        paras = ch.paragraphs if c.section is None else ch.sections[c.section].paragraphs
        return paras[c.paragraph].full_text
    except (IndexError, TypeError):
        return None


def _is_target_item(text: str) -> bool:
    from workbench.document.figures import FigureError, parse_figure

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


@lru_cache(maxsize=4096)
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


def _unit_written(unit: str | None, window: str) -> bool:
    """A cheap necessary test: a mention in this unit needs the unit's characters in the text."""
    if not unit:
        return False
    return unit in window or (unit == "%" and "％" in window)


def _keys(raw: str) -> tuple[str, ...]:
    """The subject, then its head and tail ("口袋公园" for "新建口袋公园")."""
    subj = subject(raw)
    if not subj:
        return ()
    return (subj, subj[-4:], subj[:4]) if len(subj) >= 4 else (subj,)


def is_mentioned(commitment: Commitment, texts: list[tuple[tuple[int, int | None, int], str]]) -> bool:
    """Whether a later report's texts speak of a commitment at all (follow_up's state is
    "not_mentioned" exactly when this is False)."""
    keys = _keys(commitment.raw)
    return any(key in text for _, text in texts for key in keys)


def follow_up(commitment: Commitment, later: Report,
              texts: list[tuple[tuple[int, int | None, int], str]] | None = None) -> FollowUp:
    """Find a commitment in a later report's text: with its number, without one, or not at all."""
    keys = _keys(commitment.raw)
    if not keys:
        return FollowUp(commitment, "not_mentioned")
    mentioned = None
    for where, text in (texts if texts is not None else review_texts(later)):
        for key in keys:
            pos = text.find(key)
            while pos >= 0:
                window = _clause_around(text, pos, pos + len(key))
                if _unit_written(commitment.unit, window) and \
                        any(m.unit == commitment.unit for m in find_mentions(window)):
                    return FollowUp(commitment, "with_number", where, window)
                if mentioned is None:
                    mentioned = FollowUp(commitment, "mentioned", where, window)
                pos = text.find(key, pos + len(key))
    return mentioned or FollowUp(commitment, "not_mentioned")
