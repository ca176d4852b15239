"""A figure clause typed as a report writes it, put into a figures row or a whole table.

"规上工业总产值160亿元，增长8%左右" typed into any cell of a row fills name, value, unit,
growth and qualifier; "增长6.5%" or "25亿元，增长12%" fill the parts they state and keep
the rest; a whole targets sentence ("主要预期目标是：…；…。") reads into every row.
"""

from __future__ import annotations

import re
from dataclasses import replace

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


def sentence_figures(text: str) -> list[Figure]:
    """Every figure of a pasted targets (or results) sentence, printed as the table prints."""
    from workbench.reading.passage import figures_in

    out = []
    for fig in figures_in(text):
        fig = replace(fig)
        fig.key = fig.key or lookup(fig.name)
        fig.raw = format_figure(fig)
        out.append(fig)
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


__all__ = ["GROWTH", "NAME", "VALUE", "type_into_row", "figure_from_clause", "read_clause",
           "looks_like_sentence", "sentence_figures", "replace_figures", "merge_figures"]
