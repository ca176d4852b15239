"""A figure clause typed as a report writes it, put into a figures row or a whole table.

"规上工业总产值160亿元，增长8%左右" typed into any cell of a row fills name, value, unit,
growth and qualifier; "增长6.5%" or "25亿元，增长12%" fill the parts they state and keep
the rest; a whole targets sentence ("主要预期目标是：…；…。") reads into every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench import strings as S
from workbench.document.catalog import lookup
from workbench.drafting.editing import GROWTH, NAME, VALUE, EditError, figures_of, set_figure_cell
from workbench.document.figures import Figure, FigureError, format_figure, parse_figure
from workbench.document.model import Report

GROWTH_PREFIX = "增长"
# A number with a unit or %: typed into the name cell, such text is a figure, not a name.
_FIGURE_LIKE = re.compile(r"[0-9０-９][0-9０-９.．]*\s*(?:%|％|个百分点|[万亿]|元|美元|个|家|项|人|吨|亩|公里|平方米)")
_QUALIFIER_AFTER_COMMA = re.compile(r"(?<=[%％元个家项人吨亩米])\s*[，,、]\s*(左右|以上|以内|以下)$")
# Words that come before a number but name nothing ("约8%", "近10亿元", "超过5%").
_NOT_NAMES = {"约", "近", "逾", "超", "超过", "突破", "达到", "达", "接近", "将近", "力争", "确保", "争取",
              "全年", "实现", "完成", "预计", "累计", "共", "其中", "年均", "平均"}
_GROWTH_STARTS = ("增", "下", "降", "提", "上", "减", "同", "与", "力争", "基本")
_SENTENCE_MARK = re.compile(r"[；;。\n]|目标[是为]")


def read_clause(text: str) -> Figure:
    """The figure a clause states; its name is "" when the clause names none ("增长6.5%")."""
    from workbench.reading.passage import figures_in

    fig = parse_figure(text)
    if fig.name:
        # The importer's reading trims words such as "全年实现" and knows GDP by "经济增长".
        named = figures_in(text.strip())
        if len(named) == 1:
            fig = named[0]
        fig.key = fig.key or lookup(fig.name)
    return fig


def _merge(old: Figure, part: Figure) -> Figure:
    """A nameless clause put into an existing figure: the parts it states replace those."""
    if part.value is not None and part.growth_pct is not None:
        new = replace(part, name=old.name, key=old.key)
    elif part.growth_pct is not None and part.value is None:
        new = replace(old, growth_pct=part.growth_pct, growth_pct_max=part.growth_pct_max,
                      stretch_pct=part.stretch_pct, qualifier=part.qualifier)
    elif part.value is not None:
        new = replace(old, value=part.value, unit=part.unit)
        if part.qualifier is not None or old.growth_pct is None:
            new.qualifier = part.qualifier
    else:
        new = replace(old, qualifier=part.qualifier)
    new.raw = format_figure(new)
    return new


def _column_edit(report: Report, kind: str, index: int, column: str, text: str) -> Figure:
    """The cell's own reading, with a refusal that quotes the text as typed."""
    try:
        return set_figure_cell(report, kind, index, column, text)
    except FigureError as exc:
        typed = text.strip()
        if exc.text != typed and exc.text.endswith(typed):
            shift = len(exc.text) - len(typed)
            raise FigureError(typed, max(0, exc.position - shift), exc.expected) from None
        raise


def _refuse_word_as_name(part: Figure, typed: str, message: str) -> None:
    """"约8%" read as the indicator "约": refused (EditError), the row left as it was."""
    if part.name and not part.key and (len(part.name) == 1 or part.name in _NOT_NAMES):
        raise EditError(message.format(text=typed, name=part.name))


def type_into_row(report: Report, kind: str, index: int, column: str, text: str) -> Figure:
    """Put what was typed into one cell of a figures row; a whole clause fills the whole row.

    Raises FigureError or EditError (quoting `text` as typed) and changes nothing then.
    """
    figs = figures_of(report, kind)
    typed = _QUALIFIER_AFTER_COMMA.sub(r"\1", text.strip())  # "增长8%，左右" means 增长8%左右
    if column == NAME:
        try:
            part = read_clause(typed)
        except FigureError:
            if _FIGURE_LIKE.search(typed):
                raise  # "160亿元，增长8%，左右": a figure gone wrong, never a name
            return set_figure_cell(report, kind, index, NAME, typed)
        _refuse_word_as_name(part, typed, S.CLAUSE_NOT_A_NAME)
        new = part if part.name else _merge(figs[index], part)
        if part.name:
            new.raw = format_figure(new)
        figs[index] = new
        return new
    try:
        return _column_edit(report, kind, index, column, typed)
    except FigureError as first:
        if not typed:
            raise
        try:
            part = read_clause(typed)
        except FigureError:
            raise first from None
        _refuse_word_as_name(part, typed, S.CLAUSE_WORD_UNREAD)
        new = part if part.name else _merge(figs[index], part)
        if part.name:
            new.raw = format_figure(new)
        figs[index] = new
        return new


def same_indicator(a: Figure, b: Figure) -> bool:
    """Two rows of one indicator: the same catalogue key, or (either without one) the same name."""
    if a.key and b.key:
        return a.key == b.key
    return (a.name or "").strip() == (b.name or "").strip() and bool((a.name or "").strip())


def row_of(report: Report, kind: str, fig: Figure, skip: int | None = None) -> int | None:
    """The row (other than `skip`) that already holds `fig`'s indicator, or None."""
    return next((i for i, r in enumerate(figures_of(report, kind))
                 if i != skip and same_indicator(r, fig)), None)


@dataclass
class RowEdit:
    """What typing `text` on a row would do, worked out before anything changes."""

    figure: Figure            # the row as the text would make it
    names_other: bool         # the text states a figure of another indicator than the row's
    existing: int | None      # another row that already holds the indicator the text names


def plan_row_edit(report: Report, kind: str, index: int, column: str, text: str) -> RowEdit:
    """Read what was typed on row `index` without changing the report (raises as
    type_into_row does). A clause naming another indicator ("城镇新增就业70万人以上" on the
    粮食产量 row) is flagged, never put over the row unasked; so is a name that another row has."""
    from copy import deepcopy

    trial = deepcopy(report)
    old = figures_of(report, kind)[index]
    new = type_into_row(trial, kind, index, column, text)
    names_other = bool(new.name) and not same_indicator(new, old)
    try:
        said = read_clause(_QUALIFIER_AFTER_COMMA.sub(r"\1", text.strip()))
        stated = said.value is not None or said.growth_pct is not None
    except FigureError:
        stated = False
    if names_other and column == NAME and not stated:
        names_other = False  # a bare name in the name cell renames the row
    return RowEdit(new, names_other and stated, row_of(report, kind, new, skip=index)
                   if names_other or column == NAME else None)


def put_row(report: Report, kind: str, fig: Figure, at: int | None = None) -> tuple[int, bool]:
    """A new row, unless a row of the same indicator exists: that one is updated instead
    (a table never holds an indicator twice). Returns (its index, whether it was added)."""
    rows = figures_of(report, kind)
    existing = row_of(report, kind, fig)
    if existing is not None:
        rows[existing] = replace(fig)
        return existing, False
    at = len(rows) if at is None else min(at, len(rows))
    rows.insert(at, replace(fig))
    return at, True


def figure_from_clause(text: str) -> Figure:
    """A new row from what the drafter typed: a clause read whole, or else a bare name."""
    typed = text.strip()
    if not typed:
        raise EditError(S.EDIT_EMPTY_NAME)
    try:
        fig = read_clause(typed)
    except FigureError:
        fig = None
    if fig is None or not fig.name:
        if fig is not None:  # "增长6%" names nothing: a row needs a name first
            raise EditError(S.CLAUSE_NEEDS_NAME.format(text=typed))
        fig = Figure(name=typed, key=lookup(typed))
    fig.raw = format_figure(fig)
    return fig


def looks_like_sentence(text: str) -> bool:
    """More than one clause: a targets sentence to read into the table, not one row."""
    return bool(_SENTENCE_MARK.search(text.strip().rstrip("。；;")))


_LEAD_IN = re.compile(r"^[^；;。]{0,40}?目标[是为]\s*[：:]?")
_CHUNK_SPLIT = re.compile(r"[；;。，,、：:\n]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")


_TOTAL_WORDS = ("总量", "总规模")
_TOTAL_AFTER = re.compile(r"(?<=[%％])\s*[，,]\s*(?:总量|总规模)(?:达到|达|为|实现)?(?=[0-9０-９])")


def sentence_figures(text: str, unread: list[str] | None = None) -> list[Figure]:
    """Every figure of a pasted targets (or results) sentence, printed as the table prints.
    With `unread`, every clause read as no figure is added to it, in order: one stating a number
    the reading could not place, and a target stated in words ("进出口保稳提质")."""
    from workbench.reading.passage import figures_in

    numbered: list[str] = []
    # "地区生产总值增长6.5%，总量达到120亿元": the 总量 is the same indicator's level.
    text = _TOTAL_AFTER.sub("，", text)
    found = figures_in(text, unread=numbered)
    totals = [f for f in found if f.name.startswith(_TOTAL_WORDS)]
    found = [f for f in found if f not in totals]  # "总量首次突破140亿元" names no indicator of its own
    numbered.extend(f.raw for f in totals)
    if unread is not None:
        unread.extend(_unread_clauses(text, found, numbered))
    out = []
    for fig in found:
        fig = replace(fig)
        for word in _TOTAL_WORDS:  # "地区生产总值总量120亿元": the indicator is 地区生产总值
            if fig.name.endswith(word) and len(fig.name) > len(word) + 1 and lookup(fig.name[:-len(word)]):
                fig.name = fig.name[:-len(word)]
                fig.key = lookup(fig.name)
        fig.key = fig.key or lookup(fig.name)
        fig.raw = format_figure(fig)
        out.append(fig)
    return out


def _unread_clauses(text: str, found: list[Figure], numbered: list[str]) -> list[str]:
    """The clauses of `text` that no figure in `found` came from, in the order written."""
    body = _LEAD_IN.sub("", text.strip(), count=1)
    # A clause with no digit is read only by a figure stated in words ("进出口保稳提质"): one
    # that merely names a read indicator ("单位地区生产总值能耗…" beside 地区生产总值) is not.
    names = [f.name for f in found if f.name]
    worded = [f.name for f in found if f.name and f.is_qualitative]
    out: list[str] = []
    for chunk in _CHUNK_SPLIT.split(body):
        chunk = chunk.strip()
        if not chunk:
            continue
        if any(chunk in n or n in chunk for n in numbered):
            out.append(chunk)
        elif not _DIGIT.search(chunk) and len(_HAN.findall(chunk)) >= 4 \
                and not any(chunk in n for n in names) and not any(n in chunk for n in worded):
            out.append(chunk)  # a target in words: the table has no row for it
    return out


def replace_figures(report: Report, kind: str, figs: list[Figure]) -> None:
    """The table becomes exactly `figs` (the drafter saw them first)."""
    rows = figures_of(report, kind)
    rows[:] = [replace(f) for f in figs]


def merge_figures(report: Report, kind: str, figs: list[Figure]) -> tuple[int, int]:
    """Each figure replaces the row of the same indicator (by catalogue key, else by name) and
    the others go at the end: (rows updated, rows added). A pasted sentence never doubles a row."""
    rows = figures_of(report, kind)
    updated = added = 0
    for fig in figs:
        at = next((i for i, r in enumerate(rows)
                   if (fig.key and r.key == fig.key) or r.name == fig.name), None)
        if at is None:
            rows.append(replace(fig))
            added += 1
        else:
            rows[at] = replace(fig)
            updated += 1
    return updated, added


# ------------------------------------------------------------ the targets text against the table


def targets_the_table_lacks(report: Report, text: str) -> tuple[list[Figure], list[str]]:
    """What a targets paragraph states that the targets table would not print: its targets of
    indicators the table has no row for (those stated in words included), and the clauses it
    could not read at all."""
    at = text.find("：")
    unread: list[str] = []
    said = sentence_figures(text[at + 1:] if at >= 0 else text, unread)
    missing = [f for f in said if not any(same_indicator(f, row) for row in report.targets)]
    return missing, unread


def toggle_generated_keeping(report: Report, addr) -> tuple[bool, list[Figure]]:
    """editing.toggle_generated that never drops a target: turning a drafter's targets paragraph
    into one written from the table first adds the targets it states that the table lacks
    (returned), and is refused (EditError listing them) while a clause of it cannot be read."""
    from workbench.drafting.editing import get_paragraph, toggle_generated

    para = get_paragraph(report, addr)
    added: list[Figure] = []
    if not para.generated:
        from workbench.document.phrasing import is_targets_paragraph

        if is_targets_paragraph(para.full_text):
            added, unread = targets_the_table_lacks(report, para.full_text)
            if unread:
                raise EditError(S.SEC_GENERATE_WOULD_DROP.format(clauses="；".join(unread)))
    report.targets.extend(replace(f) for f in added)
    try:
        return toggle_generated(report, addr), added
    except EditError:
        del report.targets[len(report.targets) - len(added):]
        raise


_TARGETS_OPEN = re.compile(r"(?:主要预期目标|主要目标|预期目标|发展目标)[是为]?\s*[：:]")
_FIELDS = ("value", "unit", "growth_pct", "qualifier", "growth_pct_max", "stretch_pct")


@dataclass
class TextDisagreement:
    """A targets paragraph the drafter owns whose clauses say other than the targets table."""

    address: tuple[int, int | None, int | None]
    start: int                # where the clauses begin in the paragraph's text (after "：")
    end: int                  # where they end (the sentence's "。", or the text's end)
    differences: list[str]    # one Chinese line each, the text's clause beside the table's


def _stated(fig: Figure) -> tuple:
    return tuple(getattr(fig, f) for f in _FIELDS)


def _passage_end(text: str, start: int) -> int:
    """Where the targets passage that begins at `start` ends: its first sentence and each
    sentence after it that states a figure ("…增长5%左右。居民消费价格涨幅2%左右。")."""
    stop = text.find("。", start)
    end = len(text) if stop < 0 else stop
    while end < len(text):
        stop = text.find("。", end + 1)
        nxt = len(text) if stop < 0 else stop
        if not sentence_figures(text[end + 1:nxt]):
            break
        end = nxt
    return end


def targets_text_disagreement(report: Report) -> TextDisagreement | None:
    """The first drafter-owned targets sentence of a plan chapter (a generated one always
    agrees) whose clauses and the targets table differ: an indicator one has and the other
    lacks, or the same indicator with another figure. None when they agree or there is none."""
    from workbench.document.commitments import chapter_is_review
    from workbench.reading.targets import _of_another_period

    if not report.targets:
        return None
    for ci, si, pi, para in report.paragraphs():
        if para.generated or chapter_is_review(report.chapters[ci]):
            continue
        text = para.text
        m = _TARGETS_OPEN.search(text)
        if m is None:
            continue
        if _of_another_period(text[max(0, text.rfind("。", 0, m.start()) + 1):m.end()], report.year):
            continue  # the plan's five-year targets, not the year's
        end = _passage_end(text, m.end())
        said = sentence_figures(text[m.end():end])
        if not said:
            continue
        diffs: list[str] = []
        matched: set[int] = set()
        for row in report.targets:
            k = next((i for i, f in enumerate(said) if i not in matched and same_indicator(f, row)), None)
            if k is None:
                diffs.append(S.TARGETS_TEXT_LACKS.format(clause=format_figure(row)))
                continue
            matched.add(k)
            if _stated(said[k]) != _stated(row):
                diffs.append(S.TARGETS_TEXT_SAYS.format(text=format_figure(said[k]), table=format_figure(row)))
        diffs.extend(S.TARGETS_TABLE_LACKS.format(clause=format_figure(f))
                     for i, f in enumerate(said) if i not in matched)
        return TextDisagreement((ci, si, pi), m.end(), end, diffs) if diffs else None
    return None


def rewrite_targets_text(report: Report, found: TextDisagreement) -> None:
    """The clauses of a disagreeing targets sentence written again from the table, in the
    house phrasing; the lead-in and every other sentence of the paragraph stay the drafter's."""
    from workbench.drafting.editing import get_paragraph

    para = get_paragraph(report, found.address)
    clauses = "；".join(format_figure(f) for f in report.targets)
    rest = para.text[found.end:]
    para.text = para.text[:found.start] + clauses + (rest if rest.startswith("。") else "。" + rest)


__all__ = ["GROWTH", "NAME", "VALUE", "type_into_row", "figure_from_clause", "read_clause",
           "looks_like_sentence", "sentence_figures", "replace_figures", "merge_figures",
           "same_indicator", "row_of", "RowEdit", "plan_row_edit", "put_row",
           "TextDisagreement", "targets_text_disagreement", "rewrite_targets_text",
           "targets_the_table_lacks", "toggle_generated_keeping"]
