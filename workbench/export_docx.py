"""Report -> .docx on a template from templates/ (DESIGN §6).

The exporter writes only named styles (layout.py), so a restyled template restyles the
output. The report's figures ride along in a custom XML part, so a .docx we wrote
imports back into the same report document, even after a round of edits in Word.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from . import docx_xml as X
from . import layout as L
from . import strings as S
from .atomic import WriteFailed, write_atomic
from .model import Report, figure_to_dict
from .phrasing import (
    chapter_numbers, full_width, is_targets_paragraph, section_number, targets_sentence,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEMPLATE = ROOT / "templates" / L.DEFAULT_TEMPLATE_NAME
DATA_NS = "urn:workbench:report:1"
DATA_PART = "/customXml/item_workbench.xml"
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


class ExportError(Exception):
    """An export that could not be done; the message is one Chinese line. Nothing was written."""


def government_of(place: str) -> str:
    """狮岭镇 -> 狮岭镇人民政府; 新华街道 -> 新华街道办事处."""
    if place.endswith("街道"):
        return place + "办事处"
    return place + "人民政府"


def load_template(template: Path | None):
    path = template or DEFAULT_TEMPLATE
    if not path.exists():
        raise ExportError(S.EXPORT_NO_TEMPLATE.format(path=path))
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ExportError(S.EXPORT_BAD_TEMPLATE.format(path=path, reason="文件过大"))
        doc = Document(str(path))
    except ExportError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExportError(S.EXPORT_BAD_TEMPLATE.format(path=path, reason=type(exc).__name__)) from None
    except Exception as exc:  # python-docx raises assorted errors on odd packages
        raise ExportError(S.EXPORT_BAD_TEMPLATE.format(path=path, reason=type(exc).__name__)) from None
    names = {s.name for s in doc.styles}
    missing = [n for n in L.REQUIRED_STYLES if n not in names]
    if missing:
        raise ExportError(S.EXPORT_TEMPLATE_STYLES.format(path=path, styles="、".join(missing)))
    return doc


def build_document(report: Report, *, template: Path | None = None,
                   previous: Report | None = None, appendix: bool = False):
    """The python-docx Document for a report (not yet saved)."""
    doc = load_template(template)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    st = {name: doc.styles[name] for name in L.REQUIRED_STYLES}
    ids = {name: style.style_id for name, style in st.items()}
    writer = _BodyWriter(body, ids)

    m = report.meta
    writer.para(L.TITLE, m.title or "政府工作报告")
    if m.meeting:
        writer.para(L.SUBTITLE, m.meeting)
    if m.speaker:
        writer.para(L.SPEAKER, m.speaker)
    writer.para(L.SALUTATION, L.SALUTATION_TEXT)
    sentence = targets_sentence(report)
    numbers = chapter_numbers(report.chapters)
    for ci, ch in enumerate(report.chapters):
        if ch.title:
            writer.para(L.HEADING_1, numbers[ci] + ch.title)
        for p in ch.paragraphs:
            writer.paragraph(p, sentence)
        for si, sec in enumerate(ch.sections):
            writer.para(L.HEADING_2, section_number(si) + sec.title)
            for p in sec.paragraphs:
                writer.paragraph(p, sentence)
    if appendix and previous is not None:
        _appendix(doc, st, report, previous)
    cp = doc.core_properties
    cp.title = f"{report.place}{report.year}年{m.title or '政府工作报告'}"
    cp.author = government_of(report.place)
    cp.last_modified_by = cp.author
    now = datetime.now().replace(microsecond=0)
    cp.created = now
    cp.modified = now
    cp.subject = m.meeting.lstrip("—")
    cp.keywords = f"{report.place};{report.year};政府工作报告"
    _attach_data(doc, report)
    return doc


class _BodyWriter:
    """Appends paragraphs to the body as plain lxml: python-docx resolves the style of
    every paragraph and run by scanning all styles, ten times the cost of the rest."""

    def __init__(self, body, style_ids: dict[str, str]):
        self.body = body
        self.ids = style_ids
        self.sect = body.find(qn("w:sectPr"))

    def _append(self, p) -> None:
        if self.sect is not None:
            self.sect.addprevious(p)
        else:
            self.body.append(p)

    def para(self, style: str, text: str, lead: str | None = None) -> None:
        p = etree.Element(_P)
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, self.ids[style])
        if lead:
            r = etree.SubElement(p, _R)
            rpr = etree.SubElement(r, _RPR)
            etree.SubElement(rpr, _RSTYLE).set(_VAL, self.ids[L.LEAD])
            t = etree.SubElement(r, _T)
            t.set(_SPACE, "preserve")
            t.text = full_width(lead)
        if text:
            r = etree.SubElement(p, _R)
            t = etree.SubElement(r, _T)
            t.set(_SPACE, "preserve")
            t.text = full_width(text)
        self._append(p)

    def paragraph(self, p, sentence: str) -> None:
        if sentence and p.lead is None and is_targets_paragraph(p.text):
            self.para(L.BODY, sentence)
        else:
            self.para(L.BODY, p.text, p.lead)


_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T = (qn(t) for t in (
    "w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:t"))
_VAL = qn("w:val")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _appendix(doc, st, report: Report, previous: Report) -> None:
    from .checks import attainment, match

    brk = doc.add_paragraph(style=st[L.BODY])
    X.page_break(brk)
    doc.add_paragraph(f"附件：{previous.year}年主要预期目标完成情况", style=st[L.APPENDIX_TITLE])
    headers = ("指标", f"{previous.year}年目标", f"{previous.year}年完成", "完成情况")
    rows = []
    from .figures import format_figure

    for t in previous.targets:
        res = match(report.results, t)
        att = attainment(t, res)
        rows.append((t.name, format_figure(t, with_name=False),
                     format_figure(res, with_name=False) if res else "",
                     att.word if att else "—"))
    table = doc.add_table(rows=len(rows) + 1, cols=len(headers))
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    for r_i, row in enumerate(table.rows):  # row.cells, not table.cell(r, c): that is quadratic
        values = headers if r_i == 0 else rows[r_i - 1]
        for cell, value in zip(row.cells, values):
            p = cell.paragraphs[0]
            p.style = st[L.TABLE_TEXT]
            run = p.add_run(value)
            if r_i == 0:
                run.bold = True


def _attach_data(doc, report: Report) -> None:
    """The figures and status, in a custom XML part Word keeps across edits."""
    data = {
        "schema": report.schema, "place": report.place, "year": report.year,
        "status": report.status, "note": report.note,
        "results": [figure_to_dict(f) for f in report.results],
        "targets": [figure_to_dict(f) for f in report.targets],
    }
    payload = json.dumps(data, ensure_ascii=False)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<workbench xmlns="{DATA_NS}">{_escape(payload)}</workbench>').encode("utf-8")
    part = Part(PackURI(DATA_PART), "application/xml", xml, doc.part.package)
    doc.part.relate_to(part, RT.CUSTOM_XML)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_attached_data(doc) -> dict | None:
    """The data part of a .docx we wrote, or None."""
    for rel in doc.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        if DATA_NS.encode() not in blob[:400]:
            continue
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError:
            return None
        if root.getroottree().docinfo.doctype or not root.text:
            return None  # we never write a DOCTYPE: someone else's part
        try:
            data = json.loads(root.text)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return None


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def export_report(report: Report, out: Path, *, template: Path | None = None,
                  previous: Report | None = None, appendix: bool = False) -> Path:
    """Write the report's .docx to `out` (atomically: the old file stays until the new is whole)."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(S.EXPORT_NOT_DOCX.format(path=out))
    if out.is_dir():
        raise ExportError(S.EXPORT_IS_DIR.format(path=out))
    if not out.parent.exists():
        raise ExportError(S.EXPORT_NO_FOLDER.format(folder=out.parent))
    if appendix and previous is None:
        raise ExportError(S.EXPORT_NO_PREVIOUS.format(place=report.place, year=report.year - 1))
    payload = to_bytes(build_document(report, template=template, previous=previous, appendix=appendix))
    try:
        write_atomic(out, payload)
    except WriteFailed as exc:
        raise ExportError(S.EXPORT_WRITE_FAILED.format(path=out, reason=exc.reason)) from None
    return out
