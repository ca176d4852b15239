"""The bureau's sheet into a report's figures: a plan first (each row's indicator, what it
would write, what is there now, what changes; the rows it cannot map), then, for the rows the
drafter accepts, the change itself (the caller makes it one undo step).

Rows map to indicators by the drafter's own earlier choices for the place, the catalogue and
its synonyms, a row of the table of the same name, then a close fuzzy match (rapidfuzz) that
no other indicator comes near. Values are converted to the table's unit keeping the sheet's
digits (12345.6万元 -> 1.23456亿元); a percentage never goes into a value column.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field

from workbench import strings as S
from workbench.document import catalog
from workbench.document.figures import (
    UNITS, Figure, FigureError, convert, decimals, format_figure, format_parts, parse_figure,
)
from workbench.document.model import Report
from workbench.drafting.editing import RESULTS, TARGETS, figures_of
from workbench.reading.sheet import SheetRead, SheetRow, fold

FUZZY_CUTOFF = 88
FUZZY_MARGIN = 4
_RATE_WORDS = ("增速", "增长", "增幅", "增长率", "同比")

# How a row was mapped, as the preview says it.
BY_MEMORY, BY_CATALOG, BY_TABLE, BY_FUZZY = "memory", "catalog", "table", "fuzzy"


@dataclass
class PlanItem:
    row: SheetRow
    name: str                     # the indicator as the table names it
    key: str | None
    how: str                      # BY_*
    index: int | None             # the table's row, None when the row is new
    current: Figure | None
    figure: Figure | None         # the row after writing; None when the row cannot be used
    problem: str | None = None
    note: str = ""                # a conversion or a reading said aloud ("万元→亿元")

    @property
    def changes(self) -> bool:
        return self.figure is not None and self.problem is None and not same_numbers(self.current, self.figure)

    def change_text(self) -> str:
        if self.problem:
            return self.problem
        if self.figure is None:
            return ""
        if not self.changes:
            return S.SHEETFILL_SAME
        if self.current is None:
            return S.SHEETFILL_NEW
        old_value, old_growth = format_parts(self.current)
        new_value, new_growth = format_parts(self.figure)
        said = [S.SHEETFILL_CHANGE.format(what=what, before=before or S.SHEETFILL_EMPTY,
                                          after=after or S.SHEETFILL_EMPTY)
                for what, before, after in ((S.SHEETFILL_VALUE, old_value, new_value),
                                            (S.SHEETFILL_GROWTH, old_growth, new_growth)) if before != after]
        return "；".join(said) or S.SHEETFILL_CHANGE.format(what="", before=_parts_text(self.current),
                                                          after=_parts_text(self.figure))


@dataclass
class Unmapped:
    row: SheetRow
    reason: str


@dataclass
class Plan:
    kind: str
    read: SheetRead
    items: list[PlanItem] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    table_empty: bool = False  # the report's table had no row before this import

    @property
    def changing(self) -> list[int]:
        return [i for i, it in enumerate(self.items) if it.changes]

    @property
    def updating(self) -> list[int]:
        """The rows written unless the drafter says otherwise: those that change a row the
        table already has (a bureau's sheet holds many more indicators than a report's table);
        every changing row when the table was empty (not merely when no changing row is in
        it: a second import of the same sheet then added the rows the first had left out)."""
        if self.table_empty:
            return self.changing
        return [i for i in self.changing if self.items[i].index is not None]


def _parts_text(f: Figure) -> str:
    return "，".join(p for p in format_parts(f) if p)


def same_numbers(a: Figure | None, b: Figure | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.unit if a.value is not None else None, a.growth_pct, a.qualifier, a.growth_pct_max,
            a.stretch_pct) == (b.value, b.unit if b.value is not None else None, b.growth_pct, b.qualifier,
                               b.growth_pct_max, b.stretch_pct)


# ------------------------------------------------------------ mapping

@dataclass
class _Choices:
    folded: list[str]
    targets: list[tuple[str, str | None]]  # (name, key) for each folded choice


def _choices(report: Report, kind: str) -> _Choices:
    folded, targets = [], []
    for ind in catalog.indicators().values():
        for wording in (ind.name, *ind.aliases):
            folded.append(catalog._fold(wording))
            targets.append((ind.name, ind.key))
    for f in figures_of(report, kind):
        folded.append(catalog._fold(f.name))
        targets.append((f.name, f.key))
    return _Choices(folded, targets)


def map_text(text: str, report: Report, kind: str, memory: dict[str, str] | None = None,
             choices: _Choices | None = None) -> tuple[str, str | None, str] | None:
    """(name, key, how) of the indicator a sheet's wording means, or None."""
    memory = memory or {}
    folded = fold(text)
    table = figures_of(report, kind)
    if folded in memory:
        name = memory[folded]
        return name, catalog.lookup(name), BY_MEMORY
    key = catalog.lookup(text)
    if key is None:
        for suffix in _RATE_WORDS:
            if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
                key = catalog.lookup(folded[: -len(suffix)])
                if key:
                    break
    if key is not None:
        ind = catalog.get(key)
        return (ind.name if ind else text), key, BY_CATALOG
    for f in table:
        if fold(f.name) == folded:
            return f.name, f.key, BY_TABLE
    from rapidfuzz import fuzz, process

    choices = choices or _choices(report, kind)
    probe = catalog._fold(text)
    if len(probe) < 3:
        return None
    found = process.extract(probe, choices.folded, scorer=fuzz.ratio, limit=6, score_cutoff=FUZZY_CUTOFF - 10)
    if not found:
        return None
    best_choice, best_score, best_at = found[0]
    if best_score < FUZZY_CUTOFF:
        return None
    name, key = choices.targets[best_at]
    for _, score, at in found[1:]:
        other = choices.targets[at]
        if (other[1] or other[0]) != (key or name) and best_score - score < FUZZY_MARGIN:
            return None  # two indicators come as near: 城镇/农村 … is the drafter's call
    return name, key, BY_FUZZY


# ------------------------------------------------------------ the plan

def plan_import(report: Report, read: SheetRead, kind: str = RESULTS,
                memory: dict[str, str] | None = None) -> Plan:
    """What importing `read` into the report's results (or targets) would do; changes nothing."""
    if kind not in (RESULTS, TARGETS):
        raise ValueError(kind)
    table = figures_of(report, kind)
    plan = Plan(kind, read, table_empty=not table)
    choices = _choices(report, kind)
    taken: dict[str, int] = {}
    seen: dict[str, tuple[str, str | None, str] | None] = {}
    for row in read.rows:
        folded = fold(row.text)
        if folded not in seen:
            seen[folded] = map_text(row.text, report, kind, memory, choices)
        got = seen[folded]
        if got is None:
            plan.unmapped.append(Unmapped(row, S.SHEETFILL_NO_INDICATOR))
            continue
        name, key, how = got
        ident = key or fold(name)
        if ident in taken:
            plan.unmapped.append(Unmapped(row, S.SHEETFILL_TWICE.format(
                line=plan.items[taken[ident]].row.line, name=name)))
            continue
        index = next((i for i, f in enumerate(table)
                      if (key and f.key == key) or (not (key and f.key) and fold(f.name) == fold(name))), None)
        current = table[index] if index is not None else None
        item = PlanItem(row, current.name if current else name, key, how, index, current, None)
        _fill(item, kind)
        taken[ident] = len(plan.items)
        plan.items.append(item)
    return plan


def _table_unit(item: PlanItem) -> str | None:
    if item.current is not None and item.current.unit and item.current.unit != "百分点":
        return item.current.unit
    ind = catalog.get(item.key)
    return ind.unit if ind else None


def _is_rate_unit(unit: str | None) -> bool:
    return unit in ("%", "％")


def _convert_keeping_digits(value: float, unit: str, to: str) -> float | None:
    got = convert(value, unit, to)
    if got is None:
        return None
    a, b = UNITS[unit].scale, UNITS[to].scale
    shift = max(0, round(math.log10(b / a))) if b > a else 0
    return round(got, decimals(value) + shift)


def _fill(item: PlanItem, kind: str) -> None:
    row = item.row
    if row.problem:
        item.problem = row.problem
        return
    want = _table_unit(item)
    new = copy.deepcopy(item.current) if item.current is not None else Figure(name=item.name, key=item.key)
    value, unit, growth = row.value, row.unit, row.growth
    qualifier = None
    notes: list[str] = []
    if row.target_text:
        try:
            part = parse_figure(row.target_text, name=item.name)
        except FigureError as exc:
            item.problem = S.SHEETFILL_TARGET_UNREAD.format(line=row.line, name=row.text, text=row.target_text,
                                                            reason=exc.expected)
            return
        if part.growth_pct is not None:
            growth, new.growth_pct_max, new.stretch_pct = part.growth_pct, part.growth_pct_max, part.stretch_pct
        if part.value is not None:
            value, unit = part.value, part.unit or unit
        qualifier = part.qualifier
    rate_word = fold(row.text).endswith(_RATE_WORDS)
    if value is not None and (_is_rate_unit(unit) or (rate_word and not unit)) and not _is_rate_unit(want) \
            and want is not None:
        # A percentage in the value column of an amount: it is a growth, never a value.
        if growth is not None and growth != value:
            item.problem = S.SHEETFILL_RATE_AS_VALUE.format(line=row.line, name=row.text, unit=want)
            return
        growth, value = value, None
        notes.append(S.SHEETFILL_NOTE_RATE)
    if value is not None:
        if unit and want and unit != want:
            converted = _convert_keeping_digits(value, unit, want) if unit in UNITS and want in UNITS else None
            if converted is None:
                item.problem = S.SHEETFILL_UNIT_MISMATCH.format(line=row.line, name=row.text, unit=unit, want=want)
                return
            notes.append(S.SHEETFILL_NOTE_CONVERT.format(unit=unit, want=want))
            value, unit = converted, want
        elif not unit:
            unit = want
            if want:
                notes.append(S.SHEETFILL_NOTE_NO_UNIT.format(want=want))
        if unit == "%" and not _is_rate_unit(want) and want is not None:
            item.problem = S.SHEETFILL_RATE_AS_VALUE.format(line=row.line, name=row.text, unit=want)
            return
        new.value, new.unit = value, (unit if unit in UNITS or unit is None else unit)
    if growth is not None:
        new.growth_pct = growth
        if not row.target_text:
            new.growth_pct_max = new.stretch_pct = None
    if row.target_text:
        new.qualifier = qualifier
    elif kind == RESULTS and item.current is not None and item.current.qualifier in ("左右", "以上", "以内", "区间"):
        new.qualifier = None  # a result is what happened, not "about"
    new.key = new.key or item.key
    new.raw = format_figure(new)
    item.figure = new
    item.note = "；".join(notes)


# ------------------------------------------------------------ applying

def apply_plan(report: Report, plan: Plan, chosen: list[int] | None = None) -> list[PlanItem]:
    """Write the chosen items (all that change when None) into the report; returns those
    written. Rows already holding the indicator are updated in place, new ones appended."""
    table = figures_of(report, plan.kind)
    picked = plan.updating if chosen is None else [i for i in chosen if i in plan.changing]
    written = []
    for i in picked:
        item = plan.items[i]
        fig = copy.deepcopy(item.figure)
        index = item.index
        if index is None or index >= len(table) or not _same_row(table[index], item):
            index = next((k for k, f in enumerate(table) if _same_row(f, item)), None)
        if index is None:
            table.append(fig)
        else:
            table[index] = fig
        written.append(item)
    return written


def _same_row(f: Figure, item: PlanItem) -> bool:
    if item.key and f.key:
        return f.key == item.key
    return fold(f.name) == fold(item.name)


def learned(plan: Plan, chosen: list[int] | None = None) -> dict[str, str]:
    """The sheet wordings worth remembering for the place: those mapped by a fuzzy guess the
    drafter accepted (next year they map at once)."""
    picked = plan.updating if chosen is None else chosen
    return {fold(plan.items[i].row.text): plan.items[i].name for i in picked
            if plan.items[i].how == BY_FUZZY and plan.items[i].figure is not None}


def preview_rows(plan: Plan) -> list[tuple[str, str, str, str, str, str]]:
    """Each item as the preview prints it: line, sheet text, indicator, to write, now, change."""
    out = []
    for it in plan.items:
        write = _parts_text(it.figure) if it.figure is not None else ""
        if it.note and it.figure is not None:
            write += f"（{it.note}）"
        mapped = it.name + (S.SHEETFILL_HOW.get(it.how, "") if it.how != BY_CATALOG else "")
        now = _parts_text(it.current) if it.current is not None else ""
        out.append((str(it.row.line), it.row.text, mapped, write, now or S.SHEETFILL_EMPTY, it.change_text()))
    return out
