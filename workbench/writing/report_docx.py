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
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from workbench.document import layout as L
from workbench import strings as S
from workbench.document import datapart as D
from workbench.document.model import Report
from workbench.writing.titles import title_lines
from workbench.writing.unbreakable import join_spans, line_end_spans, read_names
from workbench.document.phrasing import (
    GENERATED_TARGETS, chapter_numbers, full_width, section_number, targets_sentence,
)
from workbench.util import lazyre

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TEMPLATE = ROOT / "templates" / L.DEFAULT_TEMPLATE_NAME
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


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
        from workbench.util.reasons import exception_reason

        raise _bad(path, exception_reason(exc)) from None
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
    for name, fallback in L.OPTIONAL_STYLES.items():
        style_ids[name] = by_name.get(name.lower(), style_ids[fallback])
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


@dataclass
class Attachment:
    """A GB/T 9704 §8 attachment: a title and a table (first row the header)."""

    title: str
    rows: list[tuple[str, ...]]
    widths_twips: list[int]
    numeric: tuple[int, ...] = ()    # columns of numbers, right-aligned
    note: str = ""                   # a line under the table ("注：“—”表示……")


def _bold_chunks(text: str, phrases: list[str]) -> list[tuple[str, bool]]:
    """The text cut where its further bold phrases (Paragraph.bold) stand: (piece, bold)."""
    spans = []
    for phrase in phrases:
        at = text.find(phrase)
        if phrase and at >= 0 and not any(a < at + len(phrase) and at < b for a, b in spans):
            spans.append((at, at + len(phrase)))
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out


# The body's line in cells of one condensed 3号 character (28 a line), the first line less its
# two-character indent.
_CELL_PT = L.BODY_PT + L.CHAR_SPACING_TWENTIETHS / 20
_LINE_PT = (L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM) / 25.4 * 72
_LINE_CELLS = _LINE_PT / _CELL_PT
_FIRST_LINE_CELLS = (_LINE_PT - L.FIRST_LINE_TWIPS / 20) / _CELL_PT


class _Body:
    """WordprocessingML paragraphs as text, each with a named style."""

    def __init__(self, style_ids: dict[str, str], *, joiners: bool = True):
        self.ids = style_ids
        self.names = read_names() if joiners else None  # the unbreakable names: once per document
        self.out: list[str] = []
        self.texts: list[str] = []       # body paragraphs, for the counts in app.xml
        self.cells: list[str] = []       # table rows, counted as words but not as body lines

    def para(self, style: str, text: str = "", lead: str | None = None, *,
             lines: list[str] | None = None, ind: str = "", bold: list[str] | None = None) -> None:
        xml = [f'<w:p><w:pPr><w:pStyle w:val="{_x(self.ids[style])}"/>{ind}</w:pPr>']
        strong = f'<w:rPr><w:rStyle w:val="{_x(self.ids[L.LEAD])}"/></w:rPr>'
        # (piece as written, bold, line break before it)
        pieces = [(full_width(lead), True, False)] if lead else []
        for i, piece in enumerate(lines if lines is not None else [text] if text else []):
            pieces += [(full_width(chunk), is_bold, bool(i) and j == 0)
                       for j, (chunk, is_bold) in enumerate(_bold_chunks(piece, bold or []))]
        joined: list[tuple[int, int]] = []
        if style == L.BODY and lines is None and not ind and self.names is not None:
            # Word's no-width non break (U+200D) inside the names and figures a line would
            # end in or beside, and nowhere else (writing/unbreakable.py says why).
            joined = line_end_spans("".join(p for p, *_ in pieces), self.names,
                                    first=_FIRST_LINE_CELLS, width=_LINE_CELLS)
        offset = 0
        for piece, is_bold, br in pieces:
            written = join_spans(piece, joined, offset) if joined else piece
            offset += len(piece)
            xml.append(f'<w:r>{strong if is_bold else ""}{"<w:br/>" if br else ""}'
                       f'<w:t xml:space="preserve">{_x(written)}</w:t></w:r>')
        xml.append("</w:p>")
        self.out.append("".join(xml))
        self.texts.append((lead or "") + ("".join(lines) if lines is not None else text))

    def paragraph(self, p, sentence: str) -> None:
        if p.generated == GENERATED_TARGETS:
            self.para(L.BODY, sentence)
        else:
            self.para(L.BODY, p.text, p.lead, bold=getattr(p, "bold", None))

    def table(self, rows: list[tuple[str, ...]], widths_twips: list[int], numeric: tuple[int, ...] = ()) -> None:
        style = self.ids.get("Table Grid")
        xml = ["<w:tbl><w:tblPr>"]
        if style:
            xml.append(f'<w:tblStyle w:val="{_x(style)}"/>')
        xml.append('<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
                   '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
                   '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
                   '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>')
        xml += [f'<w:gridCol w:w="{w}"/>' for w in widths_twips]
        xml.append("</w:tblGrid>")
        text_id, number_id = _x(self.ids[L.TABLE_TEXT]), _x(self.ids[L.TABLE_NUMBER])
        for r_i, row in enumerate(rows):
            # The header row repeats on every page; no row splits across two.
            xml.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' if r_i == 0
                       else '<w:tr><w:trPr><w:cantSplit/></w:trPr>')
            for c_i, (value, w) in enumerate(zip(row, widths_twips)):
                bold = "<w:rPr><w:b/></w:rPr>" if r_i == 0 else ""
                # a figure right-aligned; the mark of a missing one centred, as in the text columns
                sid = number_id if r_i and c_i in numeric and value != S.EXPORT_NO_RESULT_MARK else text_id
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                           f'<w:p><w:pPr><w:pStyle w:val="{sid}"/></w:pPr>'
                           f'<w:r>{bold}<w:t xml:space="preserve">{_x(value)}</w:t></w:r></w:p></w:tc>')
            xml.append("</w:tr>")
            self.cells.append("".join(row))
        xml.append("</w:tbl>")
        self.out.append("".join(xml))


# Numbered 附件说明 lines: a wrapped name lines up under its first character, past "1．"
# (one and a half characters); the second line's number sits under the first's.
def _note_ind(hanging_chars: int) -> str:
    left_chars = 650
    return (f'<w:ind w:leftChars="{left_chars}" w:left="{left_chars * 16 // 5}" '
            f'w:hangingChars="{hanging_chars}" w:hanging="{hanging_chars * 16 // 5}"/>')


_NOTE_FIRST, _NOTE_CONTINUED = _note_ind(450), _note_ind(150)


def _body_xml(report: Report, ids: dict[str, str], attachments: list[Attachment], *,
              joiners: bool = True) -> _Body:
    body = _Body(ids, joiners=joiners)
    m = report.meta
    body.para(L.TITLE, lines=title_lines(m.title or "政府工作报告", place=report.place))
    if m.meeting:
        body.para(L.SUBTITLE, lines=L.meeting_lines(m.meeting))
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
    if attachments:
        _attachments(body, attachments)
    return body


def _keep_with_next(body: _Body) -> None:
    """The paragraph last written stays on the page of the one after it (w:keepNext)."""
    last = body.out[-1]
    end = last.index("/>", last.index("<w:pStyle")) + 2
    body.out[-1] = last[:end] + "<w:keepNext/>" + last[end:]


def _attachments(body: _Body, attachments: list[Attachment]) -> None:
    """GB/T 9704: 附件说明 a line below the body, then each attachment on a new page. The
    note never stands alone at the top of a page: the body's last paragraph goes with it."""
    _keep_with_next(body)
    body.para(L.BODY)
    _keep_with_next(body)
    many = len(attachments) > 1
    for n, att in enumerate(attachments, 1):
        item = S.EXPORT_ATTACHMENT_ITEM.format(n=n, title=att.title) if many else att.title
        if n == 1:
            body.para(L.ATTACHMENT_NOTE, S.EXPORT_ATTACHMENT_NOTE + item, ind=_NOTE_FIRST if many else "")
        else:
            body.para(L.ATTACHMENT_NOTE, item, ind=_NOTE_CONTINUED)
        if n < len(attachments):
            _keep_with_next(body)
    for n, att in enumerate(attachments, 1):
        label = S.EXPORT_ATTACHMENT_NUMBERED.format(n=n) if many else S.EXPORT_ATTACHMENT_LABEL
        body.para(L.ATTACHMENT_LABEL, label)
        body.para(L.APPENDIX_TITLE, lines=title_lines(att.title))
        body.table(att.rows, att.widths_twips, att.numeric)
        if att.note:
            body.para(L.TABLE_TEXT, att.note, ind='<w:jc w:val="left"/>')


def targets_attachment(report: Report, previous: Report) -> Attachment:
    """Last year's targets beside this year's results, with the attainment word."""
    from workbench.checking.attainment import attainment, match
    from workbench.document.figures import format_figure
    from workbench.document.phrasing import NO_DATA

    rows: list[tuple[str, ...]] = [tuple(h.format(year=previous.year) for h in S.EXPORT_APPENDIX_COLUMNS)]
    missing = False
    for t in previous.targets:
        res = match(report.results, t)
        att = attainment(t, res)
        result = format_figure(res, with_name=False) if res else ""
        # One mark for a result the report does not give, in both columns, and a note
        # under the table that says what it means (never an empty cell, nor 无数据).
        word = att.word if att and att.state != NO_DATA else ""
        missing = missing or not result or not word
        rows.append((t.name, format_figure(t, with_name=False), result or S.EXPORT_NO_RESULT_MARK,
                     word or S.EXPORT_NO_RESULT_MARK))
    return Attachment(S.EXPORT_ATTACHMENT_TARGETS.format(year=previous.year), rows,
                      fit_columns(rows), numeric=(1, 2),
                      note=S.EXPORT_NO_RESULT_NOTE.format(year=report.year) if missing else "")


BLOCK_TWIPS = round((L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM) / 25.4 * 1440)
_CELL_PADDING_TWIPS = 140  # the cells' own margins (57 twips a side) and a little slack


def fit_columns(rows: list[tuple[str, ...]], total: int = BLOCK_TWIPS) -> list[int]:
    """Column widths filling the text block: every column but the first as wide as its
    longest cell (figures stay on one line), the first (names, which may wrap) the rest,
    but never narrower than six characters."""
    ncols = max(len(r) for r in rows)
    char = L.TABLE_PT * 20
    need = [int(max(L.text_width(r[c]) if c < len(r) else 0 for r in rows) * char)
            + _CELL_PADDING_TWIPS for c in range(ncols)]
    rest = need[1:]
    room = total - int(6 * char + _CELL_PADDING_TWIPS)
    if sum(rest) > room:
        rest = [int(n * room / sum(rest)) for n in rest]
    first = max(total - sum(rest), 0)
    if ncols == 1:
        return [total]
    if sum(rest) + need[0] < total:  # room to spare: share it out by need
        scale = total / (sum(rest) + need[0])
        rest = [int(n * scale) for n in rest]
        first = total - sum(rest)
    return [first] + rest


_BODY_RE = lazyre.compile(rb"(<w:body(?:\s[^>]*)?>)(.*?)(<w:sectPr[\s>].*?</w:sectPr>\s*)?(</w:body>)", re.S)


def _document_xml(template_xml: bytes, body: str) -> bytes:
    """The template's document.xml with its body replaced, its last sectPr (page setup,
    footers) kept."""
    m = _BODY_RE.search(template_xml)
    if m is None:
        raise ExportError(S.EXPORT_BAD_TEMPLATE.format(path="document.xml", reason="找不到正文"))
    sect = m.group(3) or b""
    return template_xml[:m.start()] + m.group(1) + body.encode("utf-8") + sect + m.group(4) + template_xml[m.end():]


# ------------------------------------------------------------ package parts

_RFONTS_RE = lazyre.compile(rb'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"')
_FONT_RE = lazyre.compile(rb'<w:font w:name="([^"]+)"\s*(?:/>|>.*?</w:font>)', re.S)
_FONTS_END = b"</w:fonts>"


def _font_entry(name: str) -> bytes:
    info = L.FONT_INFO[name]
    sig = dict(zip(("usb0", "usb1", "usb2", "usb3", "csb0", "csb1"), info["sig"].split()))
    return (f'<w:font w:name="{_x(name)}"><w:altName w:val="{_x(info["alt"])}"/>'
            f'<w:panose1 w:val="{info["panose"]}"/><w:charset w:val="{L.GB2312_CHARSET}"/>'
            f'<w:family w:val="{info["family"]}"/><w:pitch w:val="{info["pitch"]}"/>'
            '<w:sig ' + " ".join(f'w:{k}="{v}"' for k, v in sig.items()) + "/></w:font>").encode("utf-8")


def declare_fonts(font_table: bytes, *parts: bytes, only_used: bool = False) -> bytes:
    """fontTable.xml declaring every Chinese face the given parts name (charset GB2312,
    panose, altName to the stock Windows face), so Word on a PC without the GB/T fonts
    substitutes the right kind; other declarations are kept (`only_used`: if used)."""
    used: list[str] = []
    for part in parts:
        for m in _RFONTS_RE.finditer(part):
            name = m.group(1).decode("utf-8")
            if name not in used:
                used.append(name)
    declared = {m.group(1).decode("utf-8"): m.group(0) for m in _FONT_RE.finditer(font_table)}
    entries: list[bytes] = []
    for name, xml in declared.items():
        if only_used and name not in used:
            continue
        entries.append(_font_entry(name) if name in L.FONT_INFO and b"altName" not in xml else xml)
    entries += [_font_entry(n) for n in used if n in L.FONT_INFO and n not in declared]
    start = font_table.find(b"<w:fonts")
    head_end = font_table.find(b">", start) + 1
    if start < 0 or _FONTS_END not in font_table:
        head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<w:fonts xmlns:w="' + W.encode() + b'">')
    else:
        head = font_table[:head_end]
    return head + b"".join(entries) + _FONTS_END


_REL_RE = lazyre.compile(rb'<Relationship\s[^>]*?Target="([^"]+)"[^>]*/>')


def drop_parts(parts: dict[str, bytes], order: list[str], names) -> list[str]:
    """Remove parts from a package with their relationships and content-type overrides."""
    gone = [n for n in names if n in parts]
    for name in gone:
        del parts[name]
        types = parts["[Content_Types].xml"]
        parts["[Content_Types].xml"] = re.sub(
            rb'<Override PartName="/' + re.escape(name.encode()) + rb'"[^>]*/>', b"", types)
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        base = rels_name.replace("_rels/", "").removesuffix(".rels")
        folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""

        def keep(m, folder=folder):
            target = m.group(1).decode()
            resolved = _resolve(folder, target)
            return b"" if resolved in gone else m.group(0)
        parts[rels_name] = _REL_RE.sub(keep, parts[rels_name])
    return [n for n in order if n in parts]


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name (relative to the source part's folder)."""
    if target.startswith("/"):
        return target[1:]
    out: list[str] = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if out:
                out.pop()
        elif piece and piece != ".":
            out.append(piece)
    return "/".join(out)


def app_xml(*, company: str, pages: int, words: int, characters: int, paragraphs: int = 0,
            lines: int = 0, template: str = L.DEFAULT_TEMPLATE_NAME) -> bytes:
    """docProps/app.xml: our application name, the government as company, the counts."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>{_x(template)}</Template><TotalTime>0</TotalTime>"
        f"<Pages>{pages}</Pages><Words>{words}</Words><Characters>{characters}</Characters>"
        f"<Application>{_x(S.EXPORT_APPLICATION)}</Application><DocSecurity>0</DocSecurity>"
        f"<Lines>{lines}</Lines><Paragraphs>{paragraphs}</Paragraphs><ScaleCrop>false</ScaleCrop>"
        f"<Company>{_x(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
        f"<CharactersWithSpaces>{characters}</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        f"<AppVersion>{_APP_VERSION}</AppVersion></Properties>"
    ).encode("utf-8")


_APP_VERSION = "16.0000"  # the Word version whose features the package uses (Word 2016+)


_SPACE_RE = lazyre.compile(r"\s+")
_NOT_CJK_RE = lazyre.compile(r"[\x00-\u2e7f]+")
_LATIN_WORD_RE = lazyre.compile(r"[A-Za-z0-9.%]+")


def _counts(paragraph_texts: list[str], cells: list[str]) -> tuple[int, int, int, int]:
    """Pages of the body (estimated on the 22 × 28 grid), words (each Chinese character one
    word, as Word counts), characters and body lines."""
    everything = _SPACE_RE.sub("", "".join(paragraph_texts) + "".join(cells))
    latin_words = sum(len(_LATIN_WORD_RE.findall(t)) for t in (*paragraph_texts, *cells))
    words = len(_NOT_CJK_RE.sub("", everything)) + latin_words
    lines = sum(max(1, -(-(len(text) + 2) // 28)) for text in paragraph_texts)
    return max(1, -(-lines // 22)), words, len(everything), lines


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
                  appendix: bool = False, attachments: list[Attachment] | None = None,
                  joiners: bool = True) -> bytes:
    """The .docx bytes for a report; with `appendix`, last year's targets as 附件 first."""
    tpl = load_template(template)
    parts = dict(tpl.parts)
    order = list(tpl.order)
    items = ([targets_attachment(report, previous)] if appendix and previous is not None else [])
    items += attachments or []
    body = _body_xml(report, tpl.style_ids, items, joiners=joiners)
    parts["word/document.xml"] = _document_xml(parts["word/document.xml"], "".join(body.out))
    if "word/fontTable.xml" in parts:
        parts["word/fontTable.xml"] = declare_fonts(parts["word/fontTable.xml"], parts["word/styles.xml"])
    if "docProps/core.xml" not in parts:
        order.append("docProps/core.xml")
        parts["_rels/.rels"] = _add_relationship(parts.get("_rels/.rels", b""), REL_CORE,
                                                 "docProps/core.xml", "rIdWorkbenchCore")
        parts["[Content_Types].xml"] = _ensure_content_type(parts["[Content_Types].xml"],
                                                            "docProps/core.xml", CT_CORE)
    parts["docProps/core.xml"] = _core_xml(report)
    if "docProps/app.xml" not in parts:
        order.append("docProps/app.xml")
        parts["_rels/.rels"] = _add_relationship(parts.get("_rels/.rels", b""), REL_APP,
                                                 "docProps/app.xml", "rIdWorkbenchApp")
        parts["[Content_Types].xml"] = _ensure_content_type(parts["[Content_Types].xml"],
                                                            "docProps/app.xml", CT_APP)
    pages, words, chars, lines = _counts(body.texts, body.cells)
    parts["docProps/app.xml"] = app_xml(company=government_of(report.place), pages=pages + len(items),
                                        words=words, characters=chars, paragraphs=len(body.texts),
                                        lines=lines, template=tpl.path.name)
    _attach_data(parts, order, report)
    return _zip(parts, order)


def _attach_data(parts: dict[str, bytes], order: list[str], report: Report) -> None:
    """Our data part with its item properties (kept by Word, WPS and LibreOffice alike) and
    the document property that names the report (document/datapart.py)."""
    rels = "word/_rels/document.xml.rels"
    old = [n for n in parts if n.startswith("customXml/") and D.DATA_NS.encode() in parts[n][:400]]
    if D.OLD_DATA_PART in parts:
        old.append(D.OLD_DATA_PART)
    old += [n.replace("/item", "/itemProps") for n in old if n.replace("/item", "/itemProps") in parts]
    old += [n.replace("customXml/", "customXml/_rels/") + ".rels" for n in old
            if n.replace("customXml/", "customXml/_rels/") + ".rels" in parts]
    if old:  # a template exported from one of our files: its data is not this report's
        order[:] = drop_parts(parts, order, old)
    item, props = D.free_item_names(parts)
    props_part = "customXml/" + props
    item_rels = "customXml/_rels/" + item.split("/")[-1] + ".rels"
    for name, data in ((item, D.data_xml(report)), (props_part, D.item_props_xml(report)),
                       (item_rels, D.item_rels_xml(props))):
        if name not in parts:
            order.append(name)
        parts[name] = data
    parts[rels] = _add_relationship(parts[rels], REL_CUSTOM_XML, "../" + item, "rIdWorkbenchData")
    types = parts["[Content_Types].xml"]
    if b'Extension="xml"' not in types:
        types = _ensure_content_type(types, item, "application/xml")
    parts["[Content_Types].xml"] = _ensure_content_type(types, props_part, D.CT_ITEM_PROPS)
    if D.CUSTOM_PROPS_PART not in parts:
        order.append(D.CUSTOM_PROPS_PART)
        parts["_rels/.rels"] = _add_relationship(parts.get("_rels/.rels", b""), D.REL_CUSTOM_PROPS,
                                                 D.CUSTOM_PROPS_PART, "rIdWorkbenchCustom")
        parts["[Content_Types].xml"] = _ensure_content_type(parts["[Content_Types].xml"],
                                                            D.CUSTOM_PROPS_PART, D.CT_CUSTOM_PROPS)
    parts[D.CUSTOM_PROPS_PART] = D.custom_props_xml(report, parts.get(D.CUSTOM_PROPS_PART))


def to_bytes(doc) -> bytes:
    """A python-docx Document as .docx bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
