"""A comparison of two years as a .docx for the leadership's review meeting: the figures
table, the sections that changed and the commitments followed up, on the same template."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from . import layout as L
from . import strings as S
from .atomic import WriteFailed, write_atomic
from .compare import ADDED, FOLLOW_WORDS, REMOVED, SAME, STATE_WORDS, Comparison, value_text
from .export_docx import ExportError, government_of, load_template_document, to_bytes


def build_comparison(cmp: Comparison, template: Path | None = None):
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    doc = load_template_document(template)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    section = doc.sections[0]
    # A wide table reads better across the page.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(L.PAGE_HEIGHT_MM), Mm(L.PAGE_WIDTH_MM)
    st = {n: doc.styles[n] for n in L.REQUIRED_STYLES}
    a, b = cmp.a, cmp.b
    doc.add_paragraph(f"{b.place}{a.year}年与{b.year}年政府工作报告对照", style=st[L.TITLE])
    doc.add_paragraph("一、主要指标目标与完成情况", style=st[L.HEADING_1])
    headers = ["指标"]
    for y in cmp.years:
        headers += [f"{y}年目标", f"{y}年完成", "完成情况"]
    table = doc.add_table(rows=len(cmp.rows) + 1, cols=len(headers))
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    for r_i, row in enumerate(table.rows):  # row.cells, not table.cell(r, c): that is quadratic
        if r_i == 0:
            values = headers
        else:
            ind = cmp.rows[r_i - 1]
            values = [ind.name]
            for y in cmp.years:
                c = ind.cells.get(y)
                values += ["", "", ""] if c is None else [value_text(c.target), value_text(c.result),
                                                         c.attainment or ""]
        for cell, value in zip(row.cells, values):
            p = cell.paragraphs[0]
            p.style = st[L.TABLE_TEXT]
            run = p.add_run(value)
            run.bold = r_i == 0
    doc.add_paragraph("二、文字改动", style=st[L.HEADING_1])
    for s in cmp.sections:
        if s.state == SAME and not s.moved:
            continue
        title = f"{s.title_a} → {s.title_b}" if s.state == "renamed" else (s.title_b or s.title_a or "章首段落")
        p = doc.add_paragraph(style=st[L.BODY])
        p.add_run(f"【{STATE_WORDS[s.state]}】", style=st[L.LEAD])
        p.add_run(title)
        if s.state in (ADDED, REMOVED):
            continue
        for para in s.paragraphs:
            if para.state == SAME:
                continue
            q = doc.add_paragraph(style=st[L.BODY])
            q.add_run(f"{STATE_WORDS[para.state]}：", style=st[L.LEAD])
            for tag, x, y in para.ops or [("insert" if para.state == ADDED else "delete",
                                          para.text_a, para.text_b)]:
                if tag == "equal":
                    q.add_run(x)
                if tag in ("delete", "replace") and x:
                    q.add_run(x).font.strike = True
                if tag in ("insert", "replace") and y:
                    q.add_run(y).font.underline = True
    doc.add_paragraph(f"三、{a.year}年承诺的下文", style=st[L.HEADING_1])
    for f in cmp.follow_ups:
        p = doc.add_paragraph(style=st[L.BODY])
        p.add_run(f"【{FOLLOW_WORDS[f.state]}】", style=st[L.LEAD])
        p.add_run(f.commitment.raw + (f"（{f.excerpt}）" if f.excerpt else ""))
    cp = doc.core_properties
    cp.title = f"{b.place}{a.year}年与{b.year}年政府工作报告对照"
    cp.author = government_of(b.place)
    cp.created = datetime.now().replace(microsecond=0)
    return doc


def export_comparison(cmp: Comparison, out: Path, template: Path | None = None) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(S.EXPORT_NOT_DOCX.format(path=out))
    if not out.parent.exists():
        raise ExportError(S.EXPORT_NO_FOLDER.format(folder=out.parent))
    payload = to_bytes(build_comparison(cmp, template))
    try:
        write_atomic(out, payload)
    except WriteFailed as exc:
        raise ExportError(S.EXPORT_WRITE_FAILED.format(path=out, reason=exc.reason)) from None
    return out
