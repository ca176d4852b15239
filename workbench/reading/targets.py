"""The main expected targets passage of a plan chapter and the figures it states."""

from __future__ import annotations

import re

from workbench.document.commitments import chapter_is_review
from workbench.document.figures import Figure
from workbench.document.model import Report
from workbench.reading.passage import _TARGETS_MARK, _unique_by_key, figures_in


def _is_targets_lead(text: str) -> bool:
    return bool(_TARGETS_MARK.search(text))


_STRONG_MARK = re.compile(r"主要预期目标|主要目标|预期目标|努力目标|奋斗目标")


def _targets(report: Report) -> list[Figure]:
    return _targets_read(report)[0]


def _targets_read(report: Report) -> tuple[list[Figure], list[str]]:
    """The main-expected-targets passage: one sentence, several, or a lead-in and a list.
    The named marks ("主要预期目标") are looked for first, a bare "目标是" only after.
    Also the clauses of the targets sentence (and its list) that state a number but could
    not be read as a figure."""
    for of_year in (True, False):
        for mark in (_STRONG_MARK, _TARGETS_MARK):
            unread: list[str] = []
            figs = _targets_by(report, mark, unread, of_year=of_year)
            if figs:
                return figs, unread
    return [], []


# A targets passage of a plan of several years ("“十四五”时期主要目标是", "到2027年…奋斗目标"), or
# of a year other than the report's: the year's own passage wins over it.
_MULTI_YEAR = re.compile(r"十[一二三四五六七八九]五|五年|三年|年均|到(?:19|20)\d\d年|(?:19|20)\d\d年前|(?:19|20)\d\d[—\-－~至到](?:19|20)\d\d")


def _of_another_period(sentence: str, year: int) -> bool:
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", sentence)}
    return bool(_MULTI_YEAR.search(sentence)) or bool(year and years and year not in years)


# Where the targets end and the tasks begin: "围绕上述目标，我们将…", "为实现以上目标…", "我们将…".
_TASKS_BEGIN = re.compile(r"^(?:围绕|紧扣|为实现|为完成|为确保|实现|完成)?(?:上述|以上|这些|这一|今年的?|全年)?(?:各项)?"
                          r"(?:目标|目标任务)[，,]|^(?:为此|为了实现|我们将|我们要|重点(?:抓好|做好)|要重点|今年要|全年要)")
# A bracketed aside, where a year may be a condition's ("扣除2022年某项支出外"), not the target's.
_BRACKETED = re.compile(r"[（(][^（）()]{0,40}[）)]")


def _year_targets_only(passage: str, year: int) -> str:
    """The targets passage without what follows it in the same paragraph that is not the year's
    targets: the tasks it leads into ("围绕上述目标，我们将实施重点项目120个"), and clauses of another
    period ("到2027年，地区生产总值突破300亿元", "年均增长7%")."""
    sentences = re.split(r"(?<=[。！])", passage)
    kept: list[str] = []
    for n, sentence in enumerate(sentences):
        if n and _TASKS_BEGIN.match(sentence.strip()):
            break
        clauses = re.split(r"(?<=[；;])", sentence)
        kept.extend(c for k, c in enumerate(clauses)
                    if (n == 0 and k == 0) or not _of_another_period(_BRACKETED.sub("", c), year))
    return "".join(kept)


# A mark inside a slogan, not a passage: "向第二个百年奋斗目标进军", "为实现…目标而奋斗".
_SLOGAN_BEFORE = re.compile(r"百年$")
_SLOGAN_AFTER = re.compile(r"^(?:进军|迈进|奋进|前进|而奋斗|而努力|的新征程)")


# "圆满完成了全年主要目标任务": targets met, told in the past, not a passage that states them.
_DONE_BEFORE = re.compile(r"(?:完成|实现)了?[^，。；]{0,16}$")


def _slogan(text: str, m: re.Match[str]) -> bool:
    if text.startswith("任务", m.end()) and _DONE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return True
    return bool(_SLOGAN_BEFORE.search(text, 0, m.start()) or _SLOGAN_AFTER.match(text[m.end():]))


def _targets_by(report: Report, mark: re.Pattern[str], unread: list[str] | None = None, *,
                of_year: bool = False) -> list[Figure]:
    for ci, si, pi, para in report.paragraphs():
        text = para.full_text
        m = next((x for x in mark.finditer(text) if not _slogan(text, x)), None)
        if not m or chapter_is_review(report.chapters[ci]):
            continue
        if of_year:
            start = max(0, text.rfind("。", 0, m.start()) + 1)
            if _of_another_period(text[start:m.end()], report.year):
                m = next((x for x in mark.finditer(text, m.end())
                          if not _of_another_period(text[max(0, text.rfind("。", 0, x.start()) + 1):x.end()],
                                                    report.year)), None)
                if m is None:
                    continue
        if ci == 0 and report.chapters[0].title is None and len(report.chapters) > 1:
            continue  # the opening before the first chapter states no targets
        passage = _year_targets_only(text[max(0, text.rfind("。", 0, m.start()) + 1):], report.year)
        figs = figures_in(passage)
        # What the targets sentence itself states but does not read (the passage may go on
        # into other sentences, which are not targets).
        missed: list[str] = []
        figures_in(passage.split("。", 1)[0], unread=missed)
        # A lead-in line followed by a list: read on while the next paragraphs open with figures.
        paras = report.chapters[ci].paragraphs if si is None else report.chapters[ci].sections[si].paragraphs
        lead_in = not figs or passage.rstrip().endswith(("：", ":"))
        items_end_with_semicolon = False
        for nxt in paras[pi + 1:]:
            first = nxt.full_text.split("。", 1)[0]
            if mark.search(first) or _TASKS_BEGIN.match(nxt.full_text.strip()):
                break  # another targets passage, or the tasks, begins
            more_missed: list[str] = []
            more = figures_in(first if lead_in else nxt.full_text, unread=more_missed)
            if not more or (not lead_in and len(nxt.full_text) > 120):
                break
            if not lead_in and not all(f.key for f in more):
                break  # "全年计划实施重点项目60个": a task's figures after the targets, not targets
            figs.extend(more)
            missed.extend(more_missed)
            # A list whose items end with "；" is closed by the item that ends with "。".
            end = nxt.full_text.rstrip()[-1:]
            if end in "；;":
                items_end_with_semicolon = True
            elif end == "。" and items_end_with_semicolon:
                break
        keyed = [f for f in figs if f.key]
        known = [f for f in figs if f.growth_pct is not None or f.value is not None]
        if keyed or len(known) >= 2:
            if unread is not None:
                unread.extend(missed)
            return _unique_by_key(figs)
    return []
