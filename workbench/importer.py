"""Files -> report documents: .json (our format), .txt and .docx (DESIGN §2).

One file may hold many reports; every failure is an `ImportFailure` with one Chinese line
naming the file and, where it can, the line.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from .lazyre import LazyRegex
from . import strings as S
from .commitments import sync
from .model import ModelError, Report


class ImportFailure(Exception):
    """A file that cannot be read as reports; the message names the file and the place."""


def import_file(path: Path, *, place: str | None = None, year: int | None = None) -> list[Report]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        reports = read_json_reports(path)
    elif suffix == ".docx":
        reports = read_docx_reports(path, place=place, year=year)
    elif suffix in (".txt", ".text", ".md", ""):
        reports = read_text_reports(path)
    else:
        raise ImportFailure(S.IMPORT_UNSUPPORTED.format(path=path, suffix=suffix or "（无扩展名）"))
    if not reports:
        raise ImportFailure(S.IMPORT_NO_REPORT.format(path=path))
    for r in reports:
        if place:
            r.place = place
        if year:
            r.year = year
        if not r.place or not r.year:
            raise ImportFailure(S.IMPORT_NO_PLACE_YEAR.format(path=path))
    return [sync(r) for r in reports]


MAX_TEXT_BYTES = 50 * 1024 * 1024


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; refuse binaries."""
    if not raw.strip():
        raise ImportFailure(S.IMPORT_EMPTY.format(path=path))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailure(S.IMPORT_BINARY.format(path=path)) from None
    if b"\x00" in raw[:8192] or raw.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise ImportFailure(S.IMPORT_BINARY.format(path=path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\r\n\t\f")
        if controls > len(text[:20000]) * 0.01:
            raise ImportFailure(S.IMPORT_BINARY.format(path=path))
        return text
    raise ImportFailure(S.IMPORT_ENCODING.format(path=path))


def read_text_reports(path: Path) -> list[Report]:
    from .textread import Line, read_lines

    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise ImportFailure(S.IMPORT_TOO_BIG.format(path=path))
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(S.CLI_FILE_UNREADABLE.format(path=path, reason=exc.strerror)) from None
    text = decode_text(raw, path)
    return read_lines([Line(t) for t in text.splitlines()])


def read_docx_reports(path: Path, *, place: str | None = None, year: int | None = None) -> list[Report]:
    """Our own .docx back into the same document; anyone else's read by style and text."""
    from .export_docx import read_attached_data

    doc = _open_docx(path)
    if read_attached_data(doc):
        return [read_docx(path, place=place, year=year, doc=doc)]
    from .textread import read_lines

    return read_lines(docx_lines(doc))


_HEADING_STYLE = LazyRegex(r"^(heading|标题)\s*([1-9])$", re.IGNORECASE)


def docx_lines(doc) -> list:
    """Paragraphs as Lines: level from the style or outline level, bold first run as lead."""
    from docx.oxml.ns import qn

    from .textread import Line

    lines = []
    for p in doc.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        style = _style_name(p)
        level = None
        m = _HEADING_STYLE.match(style.strip())
        if m:
            level = int(m.group(2))
        else:
            ppr = p._p.pPr
            outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if outline is not None and outline.get(qn("w:val"), "9").isdigit():
                val = int(outline.get(qn("w:val")))
                level = val + 1 if val < 9 else None
        if level is not None and level > 2:
            level = None
        lead, _ = _split_lead(p)
        title = style.lower() in ("title", "标题") or style == "报告标题"
        lines.append(Line(text=text, level=level, lead=lead if lead and text.startswith(lead) else None,
                          title=title))
    return lines


def read_json_reports(path: Path) -> list[Report]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(S.CLI_FILE_UNREADABLE.format(path=path, reason=exc.strerror)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure(S.IMPORT_NOT_UTF8.format(path=path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(S.DOC_BAD_JSON.format(
            path=path, line=exc.lineno, col=exc.colno, reason=exc.msg)) from None
    docs = data if isinstance(data, list) else [data]
    if not docs:
        raise ImportFailure(S.IMPORT_NO_REPORT.format(path=path))
    reports = []
    for i, doc in enumerate(docs):
        try:
            reports.append(Report.from_dict(doc))
        except ModelError as exc:
            where = f"第{i + 1}份报告：" if len(docs) > 1 else ""
            raise ImportFailure(f"{path}：{where}{exc}") from None
    return reports


# ------------------------------------------------------------ .docx

MAX_UNCOMPRESSED = 200 * 1024 * 1024   # a real report is a few MB; more is a zip bomb
MAX_RATIO = 200                        # compression ratio no text document reaches
_CHAPTER_NUM = LazyRegex(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*")
_SECTION_NUM = LazyRegex(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*")
_DATE = LazyRegex(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def check_docx_package(path: Path) -> None:
    """Refuse zip bombs and XML with DOCTYPE/ENTITY declarations before parsing anything."""
    try:
        zf = zipfile.ZipFile(path)
    except Exception:  # a damaged zip raises many kinds (BadZipFile, ValueError, struct.error …)
        raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason="不是有效的 .docx（zip）文件")) from None
    with zf:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            if total > MAX_UNCOMPRESSED or (
                    info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                    and info.file_size > 1024 * 1024):
                raise ImportFailure(S.IMPORT_ZIP_BOMB.format(path=path, member=info.filename))
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason="缺少 word/document.xml"))
        for name in names:
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                with zf.open(name) as fh:
                    head = fh.read(4096)
            except Exception as exc:  # BadZipFile, zlib.error, NotImplementedError (encrypted) …
                raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason=f"{name} 已损坏")) from exc
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ImportFailure(S.IMPORT_DOCX_ENTITIES.format(path=path, member=name))


def _open_docx(path: Path):
    check_docx_package(path)
    from docx import Document

    try:
        return Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason=type(exc).__name__)) from None


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, AttributeError):
        return ""


def _split_lead(paragraph) -> tuple[str | None, str]:
    """A leading run in the 段首句 style, or bold, is the bullet's lead."""
    from .layout import LEAD

    lead, rest, in_lead = [], [], True
    for run in paragraph.runs:
        try:
            style = run.style.name if run.style is not None else ""
        except (KeyError, AttributeError):
            style = ""
        is_lead = style == LEAD or bool(run.bold)
        if in_lead and is_lead and run.text:
            lead.append(run.text)
        else:
            if run.text:
                in_lead = False
            rest.append(run.text)
    lead_text = "".join(lead).strip()
    text = "".join(rest)
    if not lead_text:
        return None, paragraph.text
    return lead_text, text


def read_docx(path: Path, *, place: str | None = None, year: int | None = None, doc=None) -> Report:
    """A .docx we exported -> the same report: headings by our named styles, figures from
    the data part, targets re-read from the text if the drafter edited them in Word."""
    from . import layout as L
    from .export_docx import read_attached_data
    from .figures import FigureError, parse_figure
    from .model import Chapter, Meta, Paragraph, Section, figure_from_dict
    from .phrasing import GENERATED_TARGETS, is_targets_paragraph, targets_sentence

    doc = doc if doc is not None else _open_docx(path)
    data = read_attached_data(doc) or {}
    meta = Meta(title="", meeting="", date="", speaker="")
    chapters: list[Chapter] = []
    for p in doc.paragraphs:
        style = _style_name(p)
        text = p.text.strip()
        if style == L.APPENDIX_TITLE:
            break
        if not text:
            continue
        if style == L.TITLE:
            meta.title = text
        elif style == L.SUBTITLE:
            meta.meeting = text
        elif style == L.SPEAKER:
            meta.speaker = text
        elif style == L.SALUTATION:
            continue
        elif style == L.HEADING_1:
            chapters.append(Chapter(title=_CHAPTER_NUM.sub("", text)))
        elif style == L.HEADING_2:
            if not chapters:
                chapters.append(Chapter(title=None))
            chapters[-1].sections.append(Section(title=_SECTION_NUM.sub("", text)))
        else:
            lead, body = _split_lead(p)
            para = Paragraph(lead=lead, text=body)
            if not chapters:
                chapters.append(Chapter(title=None))
            ch = chapters[-1]
            (ch.sections[-1].paragraphs if ch.sections else ch.paragraphs).append(para)
    m = _DATE.search(meta.meeting)
    if m:
        meta.date = m.group()
    place = place or data.get("place") or ""
    year = year or data.get("year")
    if not place or not isinstance(year, int):
        raise ImportFailure(S.IMPORT_NO_PLACE_YEAR.format(path=path))
    report = Report(place=place, year=year, meta=meta, chapters=chapters,
                    status=data.get("status", "final") if data.get("status") in ("draft", "final") else "final",
                    note=data.get("note", "") if isinstance(data.get("note"), str) else "")
    try:
        report.results = [figure_from_dict(f, "results") for f in data.get("results", [])]
        report.targets = [figure_from_dict(f, "targets") for f in data.get("targets", [])]
    except ModelError:
        report.results, report.targets = [], []
    # The text is the record: if the drafter edited the targets sentence in Word, read it.
    for *_, para in report.paragraphs():
        if para.lead is None and is_targets_paragraph(para.text) and para.text == targets_sentence(report):
            para.generated = GENERATED_TARGETS  # printed from the table: keep it generated
            break
        if para.lead is None and is_targets_paragraph(para.text) and para.text != targets_sentence(report):
            body = para.text.split("：", 1)[1].rstrip("。")
            parsed = []
            for clause in re.split(r"[；;]", body):
                try:
                    parsed.append(parse_figure(clause))
                except FigureError:
                    continue
            if parsed:
                report.targets = parsed
            break
    return report
