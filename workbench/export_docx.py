"""Report -> .docx on a template from templates/ (DESIGN §6).

The exporter writes only named styles (layout.py), so a restyled template restyles the
output. It copies the template package and writes the body, the document properties and
a custom XML part (the report's figures, so a .docx we wrote imports back into the same
document even after a round of edits in Word) straight into the zip: the standard
library does this in a few milliseconds, where loading python-docx alone costs 35 ms
of every `workbench export`.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from . import layout as L
from . import strings as S
from .atomic import WriteFailed, write_atomic
from .model import Report, figure_to_dict
from .phrasing import (
    GENERATED_TARGETS, chapter_numbers, full_width, section_number, targets_sentence,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEMPLATE = ROOT / "templates" / L.DEFAULT_TEMPLATE_NAME
DATA_NS = "urn:workbench:report:1"
DATA_PART = "customXml/item_workbench.xml"
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"


class ExportError(Exception):
    """An export that could not be done; the message is one Chinese line. Nothing was written."""


def government_of(place: str) -> str:
    """狮岭镇 -> 狮岭镇人民政府; 新华街道 -> 新华街道办事处."""
    if place.endswith("街道"):
        return place + "办事处"
    return place + "人民政府"


# ------------------------------------------------------------ the template

@dataclass
class Template:
    """A template package: its parts, and the ids of the named styles we write with."""

    path: Path
    parts: dict[str, bytes]
    order: list[str]
    style_ids: dict[str, str]        # style name (as layout.py spells it) -> styleId


def _bad(path: Path, reason: str) -> ExportError:
    return ExportError(S.EXPORT_BAD_TEMPLATE.format(path=path, reason=reason))


def load_template(template: Path | None) -> Template:
    """Read and check a template: a .docx with every style the exporter names."""
    path = Path(template) if template else DEFAULT_TEMPLATE
    if not path.exists():
        raise ExportError(S.EXPORT_NO_TEMPLATE.format(path=path))
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise _bad(path, "文件过大")
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > 4 * MAX_TEMPLATE_BYTES:
                raise _bad(path, "解压后过大")
            order = zf.namelist()
            parts = {name: zf.read(name) for name in order}
    except ExportError:
        raise
    except Exception as exc:  # a damaged zip raises many kinds
        raise _bad(path, type(exc).__name__) from None
    for needed in ("[Content_Types].xml", "word/document.xml", "word/styles.xml",
                   "word/_rels/document.xml.rels"):
        if needed not in parts:
            raise _bad(path, f"缺少 {needed}")
    if b"<!DOCTYPE" in parts["word/styles.xml"][:2000] or b"<!DOCTYPE" in parts["word/document.xml"][:2000]:
        raise _bad(path, "含有 DOCTYPE 声明")
    try:
        styles = ET.fromstring(parts["word/styles.xml"])
    except ET.ParseError as exc:
        raise _bad(path, f"styles.xml 第{exc.position[0]}行有误") from None
    by_name: dict[str, str] = {}
    for style in styles.iter(f"{{{W}}}style"):
        name_el = style.find(f"{{{W}}}name")
        if name_el is None:
            continue
        by_name[name_el.get(f"{{{W}}}val", "").lower()] = style.get(f"{{{W}}}styleId", "")
    style_ids = {n: by_name[n.lower()] for n in L.REQUIRED_STYLES if n.lower() in by_name}
    if "table grid" in by_name:
        style_ids["Table Grid"] = by_name["table grid"]
    missing = [n for n in L.REQUIRED_STYLES if n not in style_ids]
    if missing:
        raise ExportError(S.EXPORT_TEMPLATE_STYLES.format(path=path, styles="、".join(missing)))
    return Template(path, parts, order, style_ids)


def load_template_document(template: Path | None):
    """The template as a python-docx Document (for documents built with its API)."""
    from docx import Document

    checked = load_template(template)
    return Document(io.BytesIO(_zip(checked.parts, checked.order)))


# ------------------------------------------------------------ the body

def _x(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


class _Body:
    """WordprocessingML paragraphs as text, each with a named style."""

    def __init__(self, style_ids: dict[str, str]):
        self.ids = style_ids
        self.out: list[str] = []

    def para(self, style: str, text: str = "", lead: str | None = None, *, page_break: bool = False) -> None:
        xml = [f'<w:p><w:pPr><w:pStyle w:val="{_x(self.ids[style])}"/></w:pPr>']
        if page_break:
            xml.append('<w:r><w:br w:type="page"/></w:r>')
        if lead:
            xml.append(f'<w:r><w:rPr><w:rStyle w:val="{_x(self.ids[L.LEAD])}"/></w:rPr>'
                       f'<w:t xml:space="preserve">{_x(full_width(lead))}</w:t></w:r>')
        if text:
            xml.append(f'<w:r><w:t xml:space="preserve">{_x(full_width(text))}</w:t></w:r>')
        xml.append("</w:p>")
        self.out.append("".join(xml))

    def paragraph(self, p, sentence: str) -> None:
        if p.generated == GENERATED_TARGETS:
            self.para(L.BODY, sentence)
        else:
            self.para(L.BODY, p.text, p.lead)

    def table(self, rows: list[tuple[str, ...]], widths_twips: list[int]) -> None:
        style = self.ids.get("Table Grid")
        xml = ["<w:tbl><w:tblPr>"]
        if style:
            xml.append(f'<w:tblStyle w:val="{_x(style)}"/>')
        xml.append('<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>')
        xml += [f'<w:gridCol w:w="{w}"/>' for w in widths_twips]
        xml.append("</w:tblGrid>")
        for r_i, row in enumerate(rows):
            xml.append("<w:tr>")
            for value, w in zip(row, widths_twips):
                bold = "<w:rPr><w:b/></w:rPr>" if r_i == 0 else ""
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                           f'<w:p><w:pPr><w:pStyle w:val="{_x(self.ids[L.TABLE_TEXT])}"/></w:pPr>'
                           f'<w:r>{bold}<w:t xml:space="preserve">{_x(value)}</w:t></w:r></w:p></w:tc>')
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        self.out.append("".join(xml))


def _body_xml(report: Report, ids: dict[str, str], previous: Report | None, appendix: bool) -> str:
    body = _Body(ids)
    m = report.meta
    body.para(L.TITLE, m.title or "政府工作报告")
    if m.meeting:
        body.para(L.SUBTITLE, m.meeting)
    if m.speaker:
        body.para(L.SPEAKER, m.speaker)
    body.para(L.SALUTATION, L.SALUTATION_TEXT)
    sentence = targets_sentence(report)
    numbers = chapter_numbers(report.chapters)
    for ci, ch in enumerate(report.chapters):
        if ch.title:
            body.para(L.HEADING_1, numbers[ci] + ch.title)
        for p in ch.paragraphs:
            body.paragraph(p, sentence)
        for si, sec in enumerate(ch.sections):
            body.para(L.HEADING_2, section_number(si) + sec.title)
            for p in sec.paragraphs:
                body.paragraph(p, sentence)
    if appendix and previous is not None:
        _appendix(body, report, previous)
    return "".join(body.out)


def _appendix(body: _Body, report: Report, previous: Report) -> None:
    from .checks import attainment, match
    from .figures import format_figure

    body.para(L.BODY, page_break=True)
    body.para(L.APPENDIX_TITLE, S.EXPORT_APPENDIX_TITLE.format(year=previous.year))
    rows: list[tuple[str, ...]] = [tuple(h.format(year=previous.year) for h in S.EXPORT_APPENDIX_COLUMNS)]
    for t in previous.targets:
        res = match(report.results, t)
        att = attainment(t, res)
        rows.append((t.name, format_figure(t, with_name=False),
                     format_figure(res, with_name=False) if res else "",
                     att.word if att else "—"))
    body.table(rows, [2400, 2300, 2300, 1800])


_BODY_RE = re.compile(rb"(<w:body(?:\s[^>]*)?>)(.*?)(<w:sectPr[\s>].*?</w:sectPr>\s*)?(</w:body>)", re.S)


def _document_xml(template_xml: bytes, body: str) -> bytes:
    """The template's document.xml with its body replaced, its last sectPr (page setup,
    footers) kept."""
    m = _BODY_RE.search(template_xml)
    if m is None:
        raise ExportError(S.EXPORT_BAD_TEMPLATE.format(path="document.xml", reason="找不到正文"))
    sect = m.group(3) or b""
    return template_xml[:m.start()] + m.group(1) + body.encode("utf-8") + sect + m.group(4) + template_xml[m.end():]


# ------------------------------------------------------------ properties and data

def _core_xml(report: Report) -> bytes:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    author = government_of(report.place)
    title = f"{report.place}{report.year}年{report.meta.title or '政府工作报告'}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_x(title)}</dc:title>"
        f"<dc:subject>{_x(report.meta.meeting.lstrip('—'))}</dc:subject>"
        f"<dc:creator>{_x(author)}</dc:creator>"
        f"<cp:keywords>{_x(f'{report.place};{report.year};政府工作报告')}</cp:keywords>"
        f"<cp:lastModifiedBy>{_x(author)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def _data_xml(report: Report) -> bytes:
    data = {
        "schema": report.schema, "place": report.place, "year": report.year,
        "status": report.status, "note": report.note,
        "results": [figure_to_dict(f) for f in report.results],
        "targets": [figure_to_dict(f) for f in report.targets],
    }
    payload = json.dumps(data, ensure_ascii=False)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbench xmlns="{DATA_NS}">{_x(payload)}</workbench>').encode("utf-8")


def _add_relationship(rels: bytes, rel_type: str, target: str, rel_id: str) -> bytes:
    if f'Target="{target}"'.encode() in rels:
        return rels
    entry = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>'.encode()
    return rels.replace(b"</Relationships>", entry + b"</Relationships>")


def _ensure_content_type(types: bytes, part: str, content_type: str) -> bytes:
    if f'PartName="/{part}"'.encode() in types:
        return types
    entry = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
    return types.replace(b"</Types>", entry + b"</Types>")


def _zip(parts: dict[str, bytes], order: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name in order:
            zf.writestr(name, parts[name])
    return buf.getvalue()


def build_package(report: Report, *, template: Path | None = None, previous: Report | None = None,
                  appendix: bool = False) -> bytes:
    """The .docx bytes for a report."""
    tpl = load_template(template)
    parts = dict(tpl.parts)
    order = list(tpl.order)
    parts["word/document.xml"] = _document_xml(parts["word/document.xml"],
                                               _body_xml(report, tpl.style_ids, previous, appendix))
    if "docProps/core.xml" not in parts:
        order.append("docProps/core.xml")
        parts["_rels/.rels"] = _add_relationship(parts.get("_rels/.rels", b""), REL_CORE,
                                                 "docProps/core.xml", "rIdWorkbenchCore")
        parts["[Content_Types].xml"] = _ensure_content_type(parts["[Content_Types].xml"],
                                                            "docProps/core.xml", CT_CORE)
    parts["docProps/core.xml"] = _core_xml(report)
    if DATA_PART not in parts:
        order.append(DATA_PART)
    parts[DATA_PART] = _data_xml(report)
    parts["word/_rels/document.xml.rels"] = _add_relationship(
        parts["word/_rels/document.xml.rels"], REL_CUSTOM_XML, "../" + DATA_PART, "rIdWorkbenchData")
    parts["[Content_Types].xml"] = _ensure_content_type(parts["[Content_Types].xml"], DATA_PART,
                                                        "application/xml")
    return _zip(parts, order)


def read_attached_data(doc) -> dict | None:
    """The data part of a .docx we wrote (a python-docx Document), or None."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

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
    """A python-docx Document as .docx bytes."""
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
    payload = build_package(report, template=template, previous=previous, appendix=appendix)
    try:
        write_atomic(out, payload)
    except WriteFailed as exc:
        raise ExportError(S.EXPORT_WRITE_FAILED.format(path=out, reason=exc.reason)) from None
    return out
