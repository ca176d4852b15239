"""A comparison of two years as a .docx for the leadership's review meeting: the figures
table, the sections that changed and the commitments followed up, on the same template."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from workbench.document import layout as L
from workbench import strings as S
from workbench.storage.atomic import WriteFailed, write_atomic
from workbench.comparing.compare import (
    ADDED, FOLLOW_WORDS, REMOVED, SAME, STATE_WORDS, Comparison, IndicatorRow, phrase_ops,
)
from workbench.comparing.text import Column, FigureTable, figure_table
from workbench.writing.report_docx import ExportError, government_of, load_template_document, to_bytes


# Estimated widths at the comparison table's 10.5 pt: a Chinese character, a digit or
# Latin letter, and the cell's left and right padding.
TABLE_PT = 10.5
CJK_MM = TABLE_PT * 0.3528
HALF_MM = CJK_MM * 0.55
CELL_MARGIN_TWIPS = 57          # 1 mm each side, not Word's 1.9 mm
PAD_MM = 2 * CELL_MARGIN_TWIPS / 56.7 + 1.0
NAME_MIN_MM = 6 * CJK_MM + PAD_MM
HEADER_MIN_MM = 3 * CJK_MM + PAD_MM


def text_mm(text: str) -> float:
    from rich.cells import cell_len

    return sum(CJK_MM if cell_len(c) == 2 else HALF_MM for c in text) + PAD_MM


def _cell_text(cell) -> str:
    return "".join(t for t, _ in cell)


def _unit_into_header(c: Column) -> Column:
    """A column whose every figure ends in one unit ("+4.4个百分点") says it once in its header."""
    texts = [_cell_text(x) for x in c.cells if _cell_text(x) not in ("", S.CMP_DASH)]
    for unit in ("个百分点", "%"):
        if texts and all(t.endswith(unit) for t in texts):
            cells = [[(_cell_text(x)[: -len(unit)] if _cell_text(x).endswith(unit) else _cell_text(x), None)]
                     for x in c.cells]
            return Column(c.group, f"{c.title}（{unit}）", cells, c.right)
    return c


def _no_wrap(cell) -> None:
    from docx.oxml import OxmlElement

    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _column_widths(table_data: FigureTable) -> tuple[list[float], float]:
    """Widths (mm) of the figure columns, each wide enough for its longest cell on one line,
    and the widest any column's header group needs."""
    widths = []
    for c in table_data.columns:
        widths.append(max([min(text_mm(c.title), HEADER_MIN_MM)] + [text_mm(_cell_text(x)) for x in c.cells]))
    return widths, max([text_mm(_cell_text(x)) for x in table_data.name.cells] + [NAME_MIN_MM])


def _figures_table(doc, st, table_data: FigureTable, text_width_mm: float) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    cols = table_data.columns
    widths, name_need = _column_widths(table_data)
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    name_w = max(NAME_MIN_MM, min(name_need, text_width_mm - sum(widths)))
    table = doc.add_table(rows=len(table_data.name.cells) + 2, cols=len(cols) + 1)
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    m = CELL_MARGIN_TWIPS
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{m}" w:type="dxa"/>'
        f'<w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>'))
    all_widths = [name_w] + widths
    rows = list(table.rows)

    def put(cell, text: str, bold: bool = False, no_wrap: bool = False) -> None:
        p = cell.paragraphs[0]
        p.style = st[L.TABLE_TEXT]
        fmt = p.paragraph_format
        fmt.line_spacing, fmt.space_before, fmt.space_after = 1.0, Pt(2), Pt(2)
        fmt.first_line_indent = 0
        p._p.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(TABLE_PT)
        if no_wrap:
            _no_wrap(cell)

    # Two header rows: a year's group over its 数值 / 增速 columns, single columns merged down.
    header_top, header_sub = rows[0].cells, rows[1].cells
    put(header_top[0], table_data.name.title, bold=True)
    header_top[0].merge(header_sub[0])
    k = 0
    while k < len(cols):
        j = k
        while j + 1 < len(cols) and cols[j + 1].group == cols[k].group and cols[k].group:
            j += 1
        if cols[k].group:
            top = header_top[k + 1].merge(header_top[j + 1]) if j > k else header_top[k + 1]
            put(top, cols[k].group, bold=True, no_wrap=True)
            for m in range(k, j + 1):
                put(header_sub[m + 1], cols[m].title, bold=True, no_wrap=True)
        else:
            put(header_top[k + 1], cols[k].title, bold=True, no_wrap=True)
            header_top[k + 1].merge(header_sub[k + 1])
        k = j + 1
    for r_i, row in enumerate(rows[2:]):
        cells = row.cells
        put(cells[0], _cell_text(table_data.name.cells[r_i]))
        for c_i, c in enumerate(cols):
            put(cells[c_i + 1], _cell_text(c.cells[r_i]), no_wrap=True)
    for column, w in zip(table.columns, all_widths):  # the grid, which LibreOffice follows
        column.width = Mm(w)
    for row in rows:
        for cell, w in zip(row.cells, all_widths):
            cell.width = Mm(w)


def _figure_data(cmp: Comparison) -> FigureTable:
    a, b = cmp.a, cmp.b
    shown = [y for y in cmp.years if y in (a.year, b.year)]
    data = figure_table(cmp.years, cmp.rows, {a.year, b.year}, with_change=True, shown=shown)
    data.columns = [_unit_into_header(c) if c.title == S.CMP_COL_CHANGE else c for c in data.columns]
    return data


def needs_landscape(table_data: FigureTable) -> bool:
    """Portrait when the figure columns leave the indicator names room on an A4 page."""
    widths, _ = _column_widths(table_data)
    portrait = L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM
    return sum(widths) + NAME_MIN_MM > portrait


def _figures_document(template: Path | None, table_data: FigureTable, has_rows: bool,
                      title: str, source: str, heading: str | None):
    """A document on the template holding a title, a source line and the figures table with
    its notes: portrait unless the figure columns need the width of a landscape page."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = load_template_document(template)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    section = doc.sections[0]
    if has_rows and needs_landscape(table_data):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(L.PAGE_HEIGHT_MM), Mm(L.PAGE_WIDTH_MM)
    text_width = section.page_width.mm - section.left_margin.mm - section.right_margin.mm
    st = {n: doc.styles[n] for n in L.REQUIRED_STYLES}
    doc.add_paragraph(title, style=st[L.TITLE])
    line = doc.add_paragraph(source, style=st[L.TABLE_TEXT])
    line.runs[0].font.size = Pt(TABLE_PT)
    if heading:
        doc.add_paragraph(heading, style=st[L.HEADING_1])
    if not has_rows:
        doc.add_paragraph(S.CMP_NO_FIGURES, style=st[L.BODY])
        return doc, st
    _figures_table(doc, st, table_data, text_width)
    notes = []
    if table_data.unit:
        notes.append(S.CMP_LEGEND_UNIT.format(unit=table_data.unit))
    if table_data.has_change:
        notes.append(S.CMP_LEGEND_CHANGE)
    if table_data.dashes:
        notes.append(S.CMP_LEGEND_DASH)
    notes += table_data.notes
    if notes:
        note = doc.add_paragraph(S.CMP_DOCX_NOTE + "".join(notes), style=st[L.TABLE_TEXT])
        note.alignment = 0
        note.runs[0].font.size = Pt(TABLE_PT)
        note.paragraph_format.line_spacing = 1.0
        note.paragraph_format.first_line_indent = 0
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        note._p.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))
    return doc, st


def build_comparison(cmp: Comparison, template: Path | None = None):
    from docx.shared import RGBColor

    a, b = cmp.a, cmp.b
    title = S.CMP_DOCX_TITLE.format(place=b.place, a=a.year, b=b.year)
    source = S.CMP_DOCX_SOURCE.format(place=b.place, a=a.year, b=b.year,
                                      date=S.CMP_DOCX_DATE.format(d=datetime.now()))
    doc, st = _figures_document(template, _figure_data(cmp), bool(cmp.rows), title, source,
                                S.CMP_DOCX_FIGURES)
    doc.add_paragraph(S.CMP_DOCX_TEXT, style=st[L.HEADING_1])
    red, green = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x70, 0x30)
    for s in cmp.sections:
        if s.state == SAME and not s.moved:
            continue
        heading = f"{s.title_a} → {s.title_b}" if s.state == "renamed" else (s.title_b or s.title_a or S.CMP_OPENING)
        p = doc.add_paragraph(style=st[L.BODY])
        p.add_run(f"【{STATE_WORDS[s.state]}】", style=st[L.LEAD])
        p.add_run(heading)
        if s.state in (ADDED, REMOVED):
            continue
        for para in s.paragraphs:
            if para.state == SAME:
                continue
            if para.ops and all(tag != "equal" for tag, _, _ in para.ops):
                # Rewritten through: the two versions one after the other read best.
                for label, text, colour, strike in ((S.CMP_REWRITE_BEFORE, para.text_a, red, True),
                                                    (S.CMP_REWRITE_AFTER, para.text_b, green, False)):
                    q = doc.add_paragraph(style=st[L.BODY])
                    q.add_run(label, style=st[L.LEAD])
                    run = q.add_run(text)
                    run.font.color.rgb = colour
                    run.font.strike = strike
                    run.font.underline = not strike
                continue
            q = doc.add_paragraph(style=st[L.BODY])
            q.add_run(f"{S.CMP_PARA_LABEL.get(para.state, STATE_WORDS[para.state])}：", style=st[L.LEAD])
            ops = phrase_ops(para.ops) if para.ops else [
                ("insert" if para.state == ADDED else "delete" if para.state == REMOVED else "equal",
                 para.text_a or para.text_b, para.text_b)]
            for tag, x, y in ops:
                if tag == "equal":
                    q.add_run(x)
                if tag in ("delete", "replace") and x:
                    run = q.add_run(x)
                    run.font.strike = True
                    run.font.color.rgb = red
                if tag in ("insert", "replace") and y:
                    run = q.add_run(y)
                    run.font.underline = True
                    run.font.color.rgb = green
    doc.add_paragraph(S.CMP_COMMITMENTS.format(year=a.year), style=st[L.HEADING_1])
    for f in cmp.follow_ups:
        p = doc.add_paragraph(style=st[L.BODY])
        p.add_run(f"【{FOLLOW_WORDS[f.state]}】", style=st[L.LEAD])
        p.add_run(f.commitment.raw + (f"（{f.excerpt}）" if f.excerpt else ""))
    cp = doc.core_properties
    cp.title = title
    cp.author = government_of(b.place)
    cp.created = datetime.now().replace(microsecond=0)
    return doc


def build_span(place: str, years: list[int], rows: list[IndicatorRow], reports: set[int],
               template: Path | None = None):
    """`compare --years -o`: the figures of a span of years as a Word table."""
    data = figure_table(years, rows, reports, with_change=False, shown=years)
    title = S.CMP_SPAN.format(place=place, first=years[0], last=years[-1])
    stored = sorted(y for y in reports if years[0] <= y <= years[-1] + 1)
    source = S.CMP_DOCX_SPAN_SOURCE.format(place=place, years="、".join(f"{y}年" for y in stored),
                                           date=S.CMP_DOCX_DATE.format(d=datetime.now()))
    doc, _ = _figures_document(template, data, bool(rows), title, source, None)
    doc.core_properties.title = title
    doc.core_properties.author = government_of(place)
    return doc


def export_span(place: str, years: list[int], rows: list[IndicatorRow], reports: set[int],
                out: Path, template: Path | None = None) -> Path:
    return _write(out, lambda: build_span(place, years, rows, reports, template))


def export_comparison(cmp: Comparison, out: Path, template: Path | None = None) -> Path:
    return _write(out, lambda: build_comparison(cmp, template))


def _write(out: Path, build) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(S.EXPORT_NOT_DOCX.format(path=out))
    if not out.parent.exists():
        raise ExportError(S.EXPORT_NO_FOLDER.format(folder=out.parent))
    payload = to_bytes(build())
    try:
        write_atomic(out, payload, durable=False)  # made again from the store at will
    except WriteFailed as exc:
        raise ExportError(S.EXPORT_WRITE_FAILED.format(path=out, reason=exc.reason)) from None
    return out


def comparison_title(path: Path) -> str | None:
    """The title of a comparison this workbench wrote (`compare -o`), read from the .docx's
    properties, or None: such a file is a table about reports, not a report to import."""
    import html
    import re
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            core = zf.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    m = re.search(r"<dc:title>([^<]*)</dc:title>", core)
    if not m:
        return None
    title = html.unescape(m.group(1)).strip()
    for fmt in (S.CMP_DOCX_TITLE, S.CMP_SPAN):
        pattern = re.sub(r"\\\{(\w+)\\\}", lambda g: ".+?" if g.group(1) == "place" else r"\d{4}", re.escape(fmt))
        if re.fullmatch(pattern, title):
            return title
    return None
