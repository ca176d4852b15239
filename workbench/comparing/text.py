"""The comparison as text for a terminal or a file (CLI `compare`), at a given width.

On a terminal deleted words are red and struck through, added words green; without colour
they are written 〔删：…〕〔增：…〕 (another bracket pair when the words themselves hold 〔 or 〕).
Every line fits the width: long paragraphs wrap with a hanging indent, and a figures table
too wide for it becomes one block per indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len

from workbench import strings as S
from workbench.comparing.compare import (
    ADDED, CHANGED, FOLLOW_WORDS, REMOVED, RENAMED, SAME, STATE_WORDS, Cell, Comparison, IndicatorRow,
    phrase_ops, value_text,
)
from workbench.document.figures import Figure, format_parts
from workbench.document.phrasing import ATTAINMENT_WORDS, BASICALLY_MET, EXCEEDED, MET, MISSED
from workbench.util.textwrap_cjk import Span, wrap_spans

ANSI = {"bold": "1", "del": "9;31", "add": "32", "dim": "2", "ok": "32", "warn": "33", "bad": "31",
        "head": "1", "label": "36"}
ATTAINMENT_STYLE = {ATTAINMENT_WORDS[EXCEEDED]: "ok", ATTAINMENT_WORDS[MET]: "ok",
                    ATTAINMENT_WORDS[BASICALLY_MET]: "warn", ATTAINMENT_WORDS[MISSED]: "bad"}
FOLLOW_STYLE = {"with_number": "ok", "mentioned": "warn", "not_mentioned": "bad"}
MARKERS = (("〔", "〕"), ("〖", "〗"), ("⦅", "⦆"))
CONTEXT = 14
GAP = "  "


def emit(lines: list[list[Span]], color: bool) -> str:
    """Lines of styled spans as text, with ANSI colour or without."""
    out = []
    for line in lines:
        if color:
            out.append("".join(f"\x1b[{ANSI[st]}m{t}\x1b[0m" if st else t for t, st in line))
        else:
            out.append("".join(t for t, _ in line))
    return "\n".join(out) + "\n"


def marked(text: str, kind: str) -> str:
    """`text` inside the plain-text marker for a deletion or an insertion."""
    opening, closing = next(((o, c) for o, c in MARKERS if o not in text and c not in text), MARKERS[0])
    word = S.CMP_MARK_DELETED if kind == "del" else S.CMP_MARK_ADDED
    return f"{opening}{word}{text}{closing}"


# ------------------------------------------------------------ figures

@dataclass
class Column:
    group: str          # the header over a group of columns ("2023年目标")
    title: str          # its own header ("数值（亿元）")
    cells: list[list[Span]]
    right: bool = True


def _short_growth(part: str) -> str:
    """"增长8%左右" → "8左右", "下降3%" → "-3"; anything richer is kept whole."""
    if part.count("%") != 1 or "力争" in part or "同步" in part:
        return part
    for word, sign in (("增长", ""), ("下降", "-")):
        if part.startswith(word):
            return sign + part[len(word):].replace("%", "")
    return part


def _short_change(change: str | None) -> str:
    """"增速+4.4个百分点" → "+4.4个百分点" for a table cell: the unit still tells a rate
    (个百分点) from an amount (%), and the legend under the table says so."""
    if not change:
        return ""
    for word in (S.CMP_CHANGE_POINTS.split("{")[0], S.CMP_CHANGE_PERCENT.split("{")[0]):
        if word and change.startswith(word) and change.endswith("个百分点"):
            return change[len(word):]
    return change


def _units(rows: list[IndicatorRow]) -> tuple[str | None, dict[str, str | None]]:
    """The one value unit of the whole table (said once in the header), or else each row's
    own unit (said once after its name); None where values differ in unit."""
    per_row: dict[str, str | None] = {}
    for row in rows:
        units = {f.unit for c in row.cells.values() for f in (c.target, c.result)
                 if f is not None and f.value is not None}
        per_row[row.key] = units.pop() if len(units) == 1 and None not in units else None
    used = {u for r in rows for u in [per_row[r.key]] if _has_values(r)}
    if len(used) == 1 and None not in used:
        return used.pop(), per_row
    return None, per_row


def _has_values(row: IndicatorRow) -> bool:
    return any(f is not None and f.value is not None
               for c in row.cells.values() for f in (c.target, c.result))


def _value_cell(f: Figure | None, unit: str | None) -> str:
    if f is None:
        return ""
    value, _ = format_parts(f)
    if unit and value.endswith(unit) and f.unit == unit:
        value = value[: -len(unit)]
    return value


def _growth_cell(f: Figure | None) -> str:
    if f is None:
        return ""
    return _short_growth(format_parts(f)[1])


def _figure_columns(years: list[int], rows: list[IndicatorRow], parts: list[tuple[int, str]],
                    table_unit: str | None, row_units: dict[str, str | None]) -> list[Column]:
    """Columns for each (year, part) with part one of target / result / attainment / change;
    a column no row fills is left out."""
    value_title = S.CMP_COL_VALUE
    cols: list[Column] = []
    for y, part in parts:
        cells_of = [row.cells.get(y) or Cell() for row in rows]
        if part in ("target", "result"):
            figs = [getattr(c, part) for c in cells_of]
            group = (S.CMP_COL_TARGET if part == "target" else S.CMP_COL_RESULT).format(year=y)
            unit_of = [table_unit or row_units.get(r.key) for r in rows]
            cols.append(Column(group, value_title,
                               [[(_value_cell(f, u), None)] for f, u in zip(figs, unit_of)]))
            cols.append(Column(group, S.CMP_COL_GROWTH, [[(_growth_cell(f), None)] for f in figs]))
        elif part == "attainment":
            cols.append(Column("", S.CMP_COL_ATTAINMENT,
                               [[(c.attainment or "", ATTAINMENT_STYLE.get(c.attainment or ""))]
                                for c in cells_of], right=False))
        else:
            cols.append(Column("", S.CMP_COL_CHANGE, [[(_short_change(c.change), None)] for c in cells_of]))
    return [c for c in cols if any(t for cell in c.cells for t, _ in cell)]


def _table(name_col: Column, cols: list[Column], width: int) -> list[list[Span]] | None:
    """The columns laid out under a two-line header; None when they do not fit `width`."""
    allc = [name_col] + cols
    widths = [max([cell_len(c.title)] + [cell_len("".join(t for t, _ in cell)) for cell in c.cells])
              for c in allc]
    # A group header wider than its columns widens the group's last column.
    i = 1
    while i < len(allc):
        j = i
        while j + 1 < len(allc) and allc[j + 1].group == allc[i].group and allc[i].group:
            j += 1
        span = sum(widths[i:j + 1]) + len(GAP) * (j - i)
        need = cell_len(allc[i].group)
        if need > span:
            widths[j] += need - span
        i = j + 1
    total = sum(widths) + len(GAP) * (len(allc) - 1)
    if total > width:
        return None

    def pad(text: str, w: int, right: bool) -> str:
        fill = " " * (w - cell_len(text))
        return fill + text if right else text + fill

    lines: list[list[Span]] = []
    top: list[Span] = []
    i = 0
    while i < len(allc):
        j = i
        while j + 1 < len(allc) and allc[j + 1].group == allc[i].group and allc[i].group:
            j += 1
        span = sum(widths[i:j + 1]) + len(GAP) * (j - i)
        top.append((pad(allc[i].group, span, False), "head"))
        top.append((GAP, None))
        i = j + 1
    lines.append(_strip(top[:-1]))
    lines.append([(GAP.join(pad(c.title, w, c.right and k > 0) for k, (c, w) in enumerate(zip(allc, widths))),
                   "head")])
    lines.append([("─" * total, "dim")])
    for r in range(len(name_col.cells)):
        line: list[Span] = []
        for k, (c, w) in enumerate(zip(allc, widths)):
            cell = c.cells[r]
            text = "".join(t for t, _ in cell)
            style = cell[0][1] if cell else None
            if k:
                line.append((GAP, None))
            line.append((pad(text, w, c.right and k > 0), style))
        lines.append(_strip(line))
    return lines


def _strip(line: list[Span]) -> list[Span]:
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return line


def _name_column(rows: list[IndicatorRow], table_unit: str | None,
                 row_units: dict[str, str | None]) -> Column:
    names = []
    for row in rows:
        unit = row_units.get(row.key)
        names.append([(row.name + (f"（{unit}）" if unit and not table_unit and _has_values(row) else ""),
                       None)])
    return Column("", S.CMP_COL_NAME, names, right=False)


def _blocks(years: list[int], rows: list[IndicatorRow], present: dict[int, set[str]],
            width: int, with_change: bool) -> list[list[Span]]:
    """One block per indicator: its name, then a line per year; 无数据 where the store has
    no report to say it."""
    lines: list[list[Span]] = []
    for row in rows:
        lines.append([("  " + row.name, "bold")])
        for y in years:
            c = row.cells.get(y) or Cell()
            spans: list[Span] = [(S.CMP_BLOCK_YEAR.format(year=y), "label")]
            bits: list[list[Span]] = []
            if "target" in present[y]:
                bits.append([(S.CMP_BLOCK_TARGET, "dim"), (_full(c.target, True), None)])
            if "result" in present[y]:
                bits.append([(S.CMP_BLOCK_RESULT, "dim"), (_full(c.result, True), None)])
            if c.attainment:
                bits.append([(c.attainment, ATTAINMENT_STYLE.get(c.attainment))])
            if with_change and c.change:
                bits.append([(S.CMP_BLOCK_CHANGE, "dim"), (c.change, None)])
            if not bits:
                continue
            for k, bit in enumerate(bits):
                if k:
                    spans.append(("；", None))
                spans += bit
            lines += wrap_spans(spans, width, "    ", "          ")
    return lines


def _full(f: Figure | None, stated: bool) -> str:
    if f is None:
        return S.CMP_NOT_STATED if stated else S.CMP_NO_DATA
    value, growth = format_parts(f)
    return "，".join(p for p in (value, growth) if p) or f.raw or f.name


def _parts_present(years: list[int], rows: list[IndicatorRow], reports: set[int]) -> dict[int, set[str]]:
    """Which parts of each year the store can speak to: its targets when that year's report
    is stored, its results when some row holds one (from the next year's report)."""
    out: dict[int, set[str]] = {}
    for y in years:
        parts = set()
        if y in reports:
            parts.add("target")
        if any((r.cells.get(y) or Cell()).result is not None for r in rows):
            parts.add("result")
        out[y] = parts
    return out


@dataclass
class FigureTable:
    """The figures of some years as columns, shared by the text and the .docx comparison."""

    name: Column
    columns: list[Column]
    present: dict[int, set[str]]
    unit: str | None
    dashes: bool
    notes: list[str]        # what the store lacks, year by year
    has_change: bool


def figure_table(years: list[int], rows: list[IndicatorRow], reports: set[int], *,
                 with_change: bool, shown: list[int] | None = None) -> FigureTable:
    """Columns per (year, part) for the parts the store can speak to; a column no row
    fills is left out, and a cell a stored report leaves empty reads "—"."""
    shown = shown or years
    present = _parts_present(shown, rows, reports)
    parts: list[tuple[int, str]] = []
    for y in shown:
        if "target" in present[y]:
            parts.append((y, "target"))
        if "result" in present[y]:
            parts.append((y, "result"))
            if "target" in present[y]:
                parts.append((y, "attainment"))
            if with_change:
                parts.append((y, "change"))
    table_unit, row_units = _units(rows)
    name_col = _name_column(rows, table_unit, row_units)
    cols = _figure_columns(shown, rows, parts, table_unit, row_units)
    dashes = _dash_empty(cols)
    notes = []
    for y in shown:
        if "target" not in present[y]:
            notes.append(S.CMP_NOTE_NO_TARGETS.format(year=y))
        if "result" not in present[y]:
            note = S.CMP_NOTE_RESULTS_EMPTY if y + 1 in reports else S.CMP_NOTE_NO_RESULTS
            notes.append(note.format(year=y, next=y + 1))
    has_change = with_change and any(c.change for r in rows for y, c in r.cells.items() if y in shown)
    return FigureTable(name_col, cols, present, table_unit, dashes, notes, has_change)


def figures_lines(years: list[int], rows: list[IndicatorRow], reports: set[int], width: int,
                  *, with_change: bool, shown: list[int] | None = None) -> list[list[Span]]:
    """The figures of `years`: a table one row per indicator and short columns per year, or
    one block per indicator when the table would not fit; a note says what the store lacks."""
    shown = shown or years
    if not rows:
        return [[("  " + S.CMP_NO_FIGURES, "dim")]]
    t = figure_table(years, rows, reports, with_change=with_change, shown=shown)
    lines = _table(t.name, t.columns, width)
    legend = []
    if lines is None:
        lines = _blocks(shown, rows, t.present, width, with_change)
    else:
        if t.unit:  # the unit said once, over the table
            lines = wrap_spans([(S.CMP_LEGEND_UNIT.format(unit=t.unit), "dim")], width) + lines
        if t.dashes:
            legend.append(S.CMP_LEGEND_DASH)
    if t.has_change:
        legend.insert(0, S.CMP_LEGEND_CHANGE)
    for text in legend + t.notes:
        lines += wrap_spans([(text, "dim")], width, "  ", "    ")
    return lines


def _dash_empty(cols: list[Column]) -> bool:
    """Cells a stored report leaves empty read "—", so blank never means unknown; True if any."""
    any_dash = False
    for c in cols:
        for cell in c.cells:
            if not "".join(t for t, _ in cell):
                cell[:] = [(S.CMP_DASH, "dim")]
                any_dash = True
    return any_dash


# ------------------------------------------------------------ text changes

_CLAUSE = re.compile(r"[。；：，！？]")


def _head(text: str) -> str:
    """The start of an unchanged run, to its first clause mark (at most CONTEXT characters)."""
    if len(text) <= CONTEXT:
        return text
    m = _CLAUSE.search(text, 0, CONTEXT)
    return text[: m.end()] if m and m.end() > 2 else text[:CONTEXT]


def _tail(text: str) -> str:
    if len(text) <= CONTEXT:
        return text
    window = text[-CONTEXT:]
    marks = [m.end() for m in _CLAUSE.finditer(window) if m.end() < len(window) - 1]
    return window[marks[-1]:] if marks else window


def diff_spans(ops: list[tuple[str, str, str]], color: bool) -> list[Span]:
    """A changed paragraph as spans: phrases deleted and added, long unchanged runs cut to
    the clause around each change."""
    ops = phrase_ops(ops)
    spans: list[Span] = []
    last = len(ops) - 1
    for i, (tag, x, y) in enumerate(ops):
        if tag == "equal":
            if i == 0 and last > 0:
                kept = _tail(x)
                if kept != x:
                    spans.append((S.CMP_ELLIPSIS, "dim"))
                spans.append((kept, None))
            elif i == last and last > 0:
                kept = _head(x)
                spans.append((kept, None))
                if kept != x:
                    spans.append((S.CMP_ELLIPSIS, "dim"))
            elif len(x) > 2 * CONTEXT + 4:
                spans += [(_head(x), None), (S.CMP_ELLIPSIS, "dim"), (_tail(x), None)]
            else:
                spans.append((x, None))
            continue
        if tag in ("delete", "replace") and x:
            spans.append((x, "del") if color else (marked(x, "del"), "del"))
        if tag in ("insert", "replace") and y:
            spans.append((y, "add") if color else (marked(y, "add"), "add"))
    return spans


def _rewritten(ops: list[tuple[str, str, str]]) -> bool:
    """True when nothing of the paragraph survived the rewrite."""
    return all(tag != "equal" for tag, _, _ in ops)


def text_lines(cmp: Comparison, width: int, color: bool) -> list[list[Span]]:
    lines: list[list[Span]] = []
    counts = {k: sum(1 for s in cmp.sections if s.state == k) for k in STATE_WORDS if k != SAME}
    summary = "，".join(S.COMPARE_COUNT.format(state=STATE_WORDS[k], count=v)
                       for k, v in counts.items() if v) or S.CMP_NO_TEXT_CHANGES
    lines += wrap_spans([(S.CMP_TEXT, "head"), (f"（{summary}）", None)], width, "", "  ")
    for s in cmp.sections:
        if s.state == SAME and not s.moved:
            continue
        title = s.title_b or s.title_a or S.CMP_OPENING
        if s.state == RENAMED:
            title = f"{s.title_a} → {s.title_b}"
        state = STATE_WORDS[s.state] + (S.COMPARE_MOVED if s.moved else "")
        head: list[Span] = [(f"【{state}】", "label"), (title, "bold")]
        if s.state in (ADDED, REMOVED):
            head.append((S.CMP_PARAGRAPHS.format(count=len(s.paragraphs)), "dim"))
        lines += wrap_spans(head, width, "  ", "    ")
        if s.state in (ADDED, REMOVED):
            continue
        for p in s.paragraphs:
            if p.state == SAME:
                continue
            label = S.CMP_PARA_LABEL.get(p.state, STATE_WORDS[p.state])
            spans: list[Span] = [(label + "：", "dim")]
            if p.state == ADDED:
                spans.append((p.text_b, "add"))
            elif p.state == REMOVED:
                spans.append((p.text_a, "del"))
            elif p.ops and _rewritten(p.ops):
                # A paragraph rewritten through reads best as its two versions, one after the other.
                lines += wrap_spans([(S.CMP_REWRITE_BEFORE, "dim"), (p.text_a, "del")], width, "    ", "      ")
                spans = [(S.CMP_REWRITE_AFTER, "dim"), (p.text_b, "add")]
            elif p.ops:
                spans += diff_spans(p.ops, color)
            else:
                spans.append((p.text_b, None))
            lines += wrap_spans(spans, width, "    ", "      ")
            for fig in p.figures:
                lines += wrap_spans([(S.CMP_FIGURE_CHANGED.format(change=fig), "warn")], width,
                                    "      ", "        ")
    return lines


def commitment_lines(cmp: Comparison, width: int) -> list[list[Span]]:
    lines = wrap_spans([(S.CMP_COMMITMENTS.format(year=cmp.a.year), "head")], width, "", "  ")
    for f in cmp.follow_ups:
        spans: list[Span] = [(f"【{FOLLOW_WORDS[f.state]}】", FOLLOW_STYLE[f.state]), (f.commitment.raw, None)]
        if f.excerpt:
            spans.append((S.CMP_FOLLOW_EXCERPT.format(excerpt=f.excerpt), "dim"))
        lines += wrap_spans(spans, width, "  ", "    ")
    return lines


VERSION_STYLE = {CHANGED: "warn", ADDED: "add", REMOVED: "del"}


def versions_lines(cmp: Comparison, width: int) -> list[list[Span]]:
    """Two versions of one year: each table's indicators with the figure of both, what changed
    marked; as a table when it fits, else one line an indicator."""
    rows = cmp.versions or []
    label_a, label_b = cmp.labels
    changed = sum(1 for v in rows if v.state != SAME)
    lines = wrap_spans([(S.CMP_VERSIONS_FIGURES, "head"),
                        (S.CMP_VERSIONS_COUNT.format(n=changed, total=len(rows)), None)], width, "", "  ")
    if not rows:
        return lines + [[("  " + S.CMP_NO_FIGURES, "dim")]]
    kinds = S.CMP_VERSIONS_TABLES
    name = Column("", S.CMP_COL_NAME, [[(f"{kinds[v.kind]}·{v.name}", None)] for v in rows], right=False)
    cols = [Column("", label_a, [[(value_text(v.a) or S.CMP_DASH, None)] for v in rows], right=False),
            Column("", label_b, [[(value_text(v.b) or S.CMP_DASH, None)] for v in rows], right=False),
            Column("", S.CMP_VERSIONS_STATE,
                   [[(S.CMP_VERSIONS_STATES[v.state], VERSION_STYLE.get(v.state))] for v in rows], right=False)]
    table = _table(name, cols, width)
    if table is not None:
        return lines + table
    for v in rows:
        spans: list[Span] = [(f"【{S.CMP_VERSIONS_STATES[v.state]}】", VERSION_STYLE.get(v.state, "dim")),
                             (f"{kinds[v.kind]}·{v.name}：", "bold"),
                             (f"{label_a} {value_text(v.a) or S.CMP_DASH}", None),
                             ("；", None), (f"{label_b} {value_text(v.b) or S.CMP_DASH}", None)]
        lines += wrap_spans(spans, width, "  ", "    ")
    return lines


def comparison_text(cmp: Comparison, *, width: int = 100, color: bool = False) -> str:
    """The whole comparison of two years, every line at most `width` columns."""
    a, b = cmp.a, cmp.b
    lines = wrap_spans([(S.CMP_HEADER.format(place=b.place, a=cmp.labels[0] or f"{a.year}年",
                                             b=cmp.labels[1] or f"{b.year}年"), "head")], width)
    lines.append([])
    if cmp.versions is not None:
        lines += versions_lines(cmp, width)
    else:
        lines += wrap_spans([(S.CMP_FIGURES, "head")], width, "", "  ")
        shown = [y for y in cmp.years if y in (a.year, b.year)]
        lines += figures_lines(cmp.years, cmp.rows, {a.year, b.year}, width, with_change=True, shown=shown)
    lines.append([])
    lines += text_lines(cmp, width, color)
    if b.year > a.year:  # two versions of one year: no promises of the one answered in the other
        lines.append([])
        lines += commitment_lines(cmp, width)
    return emit(lines, color)


def span_text(place: str, years: list[int], rows: list[IndicatorRow], reports: set[int], *,
              width: int = 100, color: bool = False) -> str:
    """`compare --years`: the figures of a span of years."""
    lines = wrap_spans([(S.CMP_SPAN.format(place=place, first=years[0], last=years[-1]), "head")], width)
    lines += figures_lines(years, rows, reports, width, with_change=False)
    return emit(lines, color)


__all__ = ["comparison_text", "span_text", "figure_table", "diff_spans", "marked", "emit"]
