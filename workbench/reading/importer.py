"""Files -> report documents: .json (our format), .txt and .docx (DESIGN §2).

One file may hold many reports; every failure is an `ImportFailure` with one Chinese line
naming the file and, where it can, the line.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.reading.docxruns import run_texts
from workbench.storage.atomic import os_reason
from workbench.util.lazyre import LazyRegex
from workbench import strings as S
from workbench.document.commitments import sync
from workbench.document.model import ModelError, Report
from workbench.document.phrasing import claim_edited_generated, paragraph_place


class ImportFailure(Exception):
    """A file that cannot be read as reports; the message names the file and the place."""


@dataclass
class Imported:
    """One report read from a file, with where its place and year came from."""

    report: Report
    place_from: str = ""
    year_from: str = ""
    warnings: list[str] = field(default_factory=list)
    # (changes, comments) when the file is a .docx with tracked changes or comments.
    review: tuple[list, list] | None = None
    # A .docx we exported (known by its data part, our document property or our styles);
    # data_lost when an editor dropped the data part, so the figures are not in the file.
    ours: bool = False
    data_lost: bool = False
    fingerprint: str = ""


def import_file(path: Path, *, place: str | None = None, year: int | None = None) -> list[Report]:
    return [got.report for got in import_detailed(path, place=place, year=year)]


def import_detailed(path: Path, *, place: str | None = None, year: int | None = None) -> list[Imported]:
    """Every report in the file; `place`/`year` (the drafter's) win over what the text says.
    Raises ImportFailure naming what is missing when a place or year cannot be found."""
    got = _read_any(path, place=place, year=year)
    for g in got:
        r = g.report
        if place:
            r.place, g.place_from = place, S.SOURCE_FLAGS
        if year:
            r.year, g.year_from = year, S.SOURCE_FLAGS
        if not r.place and not r.year:
            raise ImportFailure(S.IMPORT_NO_PLACE_YEAR.format(path=path))
        if not r.place:
            raise ImportFailure(S.IMPORT_NO_PLACE.format(path=path))
        if not r.year:
            raise ImportFailure(S.IMPORT_NO_YEAR.format(path=path))
    for g in got:
        sync(g.report)
        if g.warnings and not g.ours and not g.report.note:
            # What the import said stays with the report: F4 and `check` list it (R602) until
            # the drafter marks each item done.
            g.report.note = S.IMPORT_NOTE_HEAD + "；".join(w.replace("；", "，") for w in g.warnings)
    return got


# What `import_detailed` reads (a file without a suffix is read as text too).
IMPORTABLE_SUFFIXES = (".txt", ".text", ".md", ".docx", ".json")


def cannot_import(path: Path) -> str | None:
    """Why the path cannot be imported (missing, a folder, an unread format), or None."""
    if not path.exists():
        return S.CLI_FILE_MISSING.format(path=path)
    if path.is_dir():
        return S.IMPORT_UNSUPPORTED.format(path=path, suffix="（文件夹）")
    suffix = path.suffix.lower()
    if suffix and suffix not in IMPORTABLE_SUFFIXES:
        return str(_unsupported(path, suffix))
    return None


def _unsupported(path: Path, suffix: str) -> ImportFailure:
    if suffix in (".doc", ".wps", ".rtf"):
        return ImportFailure(S.IMPORT_OLD_DOC.format(path=path))
    return ImportFailure(S.IMPORT_UNSUPPORTED.format(path=path, suffix=suffix or "（无扩展名）"))


def read_partial(path: Path) -> list[Imported]:
    """What the file holds, place or year possibly missing (the TUI then asks for them)."""
    return _read_any(path)


def _read_any(path: Path, *, place: str | None = None, year: int | None = None) -> list[Imported]:
    """The reports in a file of any format we read; at least one, or ImportFailure."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        got = [_json_imported(r) for r in read_json_reports(path)]
    elif suffix == ".docx":
        got = read_docx_reports(path, place=place, year=year)
    elif suffix in (".txt", ".text", ".md", ""):
        got = read_text_reports(path, place=place, year=year)
    else:
        raise _unsupported(path, suffix)
    if not got:
        raise ImportFailure(S.IMPORT_NO_REPORT.format(path=path))
    return got


def _json_imported(report: Report) -> Imported:
    """A report read from a document JSON; a generated paragraph whose text was edited in the
    file is the drafter's from now on (judged by the file's own place and tables, before any
    --place/--year), and the warnings say which."""
    claimed = claim_edited_generated(report)
    warnings = [S.IMPORT_GENERATED_EDITED.format(where=paragraph_place(report.chapters, *addr))
                for addr in claimed]
    return Imported(report, S.SOURCE_DOCUMENT, S.SOURCE_DOCUMENT, warnings=warnings)


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


def read_material(path: Path) -> str:
    """A department's material as plain text, one paragraph a line: a .docx (tracked changes
    accepted) or a text file in any encoding the importer reads. ImportFailure when not."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(S.CLI_FILE_MISSING.format(path=path))
    if path.suffix.lower() == ".docx":
        return "\n".join(line.text for line in docx_lines(_open_docx(path)))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"{path}：{os_reason(exc)}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise ImportFailure(S.IMPORT_TOO_BIG.format(path=path))
    return decode_text(raw, path)


def read_text_reports(path: Path, *, place: str | None = None, year: int | None = None) -> list[Imported]:
    from workbench.reading.lines import lines_from_text
    from workbench.reading.structure import read_detailed

    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise ImportFailure(S.IMPORT_TOO_BIG.format(path=path))
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(S.CLI_FILE_UNREADABLE.format(path=path, reason=os_reason(exc))) from None
    text = decode_text(raw, path)
    return _imported(read_detailed(lines_from_text(text), name=path.name, place=place, year=year))


def _imported(pairs) -> list[Imported]:
    return [Imported(r, o.place or S.SOURCE_NONE, o.year or S.SOURCE_NONE, o.warnings) for r, o in pairs]


def read_docx_reports(path: Path, *, place: str | None = None, year: int | None = None) -> list[Imported]:
    """Our own .docx back into the same document; anyone else's read by style and text.

    A copy of ours is known by its data part, else by our document property (place, year),
    else by our named styles with the place and year its title block gives: an editor that
    dropped the data part still hands back our document, only without its figures
    (`Imported.data_lost`: the store fills them from the report it came from). Tracked changes
    and comments are read from any .docx, ours or not (`Imported.review`)."""
    from workbench.document.datapart import read_attached_data, read_identity
    from workbench.reading.revisions import locate, read_revisions

    doc = _open_docx(path)
    marked = count_revisions(doc) or next(doc.element.body.iter(_qn_comment_reference()), None) is not None
    changes, comments = read_revisions(doc) if marked else ([], [])
    # counted as the export and the round commands count them (one w:ins or w:del each)
    said = [S.IMPORT_REVISIONS_ACCEPTED.format(n=len(changes))] if changes else []
    data = read_attached_data(doc)
    ident = None if data else read_identity(doc)
    got: list[Imported]
    if data or ident or _has_our_styles(doc):
        p_from = y_from = S.SOURCE_TITLE
        if not data and ident:
            place, year = place or ident["place"], year or ident["year"]
        elif not data and not (place and year):
            from workbench.reading.structure import read_detailed

            seen = _imported(read_detailed(_title_block_joined(docx_lines(doc)), name=path.name,
                                           place=place, year=year))
            if len(seen) == 1:
                place, year = place or seen[0].report.place, year or seen[0].report.year
                p_from, y_from = seen[0].place_from, seen[0].year_from
        report = read_docx(path, place=place, year=year, doc=doc)
        got = [Imported(report, p_from, y_from, said, None, ours=True, data_lost=not data,
                        fingerprint=(data or ident or {}).get("fingerprint", ""))]
    else:
        from workbench.reading.structure import read_detailed

        got = _imported(read_detailed(docx_lines(doc), name=path.name, place=place, year=year))
        for g in got:
            g.warnings[:0] = said
    if len(got) == 1 and (changes or comments):
        locate(changes, got[0].report)
        locate(comments, got[0].report)
        got[0].review = (changes, comments)
    elif len(got) > 1:
        for g in got if comments else []:  # never dropped without a word
            g.warnings.append(S.IMPORT_COMMENTS_NOT_TAKEN.format(n=len(comments)))
    return got


def _qn_comment_reference() -> str:
    from docx.oxml.ns import qn

    return qn("w:commentReference")


def _title_block_joined(lines: list) -> list:
    """Our export breaks the meeting line in two (date, then meeting) inside one paragraph; the
    title block reader wants it whole."""
    from dataclasses import replace

    out, before_body = [], True
    for line in lines:
        before_body = before_body and line.level != 1
        out.append(replace(line, text=line.text.replace("\n", "")) if before_body else line)
    return out


def _has_our_styles(doc) -> bool:
    """A title and a chapter heading in the styles our export names (a copy of ours)."""
    from workbench.document import layout as L

    seen = set()
    for p in doc.paragraphs[:80]:
        name = _style_name(p)
        if name in (L.TITLE, L.HEADING_1):
            seen.add(name)
            if len(seen) == 2:
                return True
    return False


_HEADING_STYLE = LazyRegex(r"^(heading|标题)\s*([1-9])$", re.IGNORECASE)


def docx_lines(doc) -> list:
    """Paragraphs as Lines: level from the style or outline level, bold first run as lead."""
    from docx.oxml.ns import qn

    from workbench.reading.lines import Line

    lines = []
    for p in doc.paragraphs:
        text = accepted_text(p).strip()
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
        lead, _, bold = _bold_parts(p)
        title = style.lower() in ("title", "标题") or style == "报告标题"
        lines.append(Line(text=text, level=level, lead=lead if lead and text.startswith(lead) else None,
                          title=title, bold=bold))
    return lines


def _bold_parts(paragraph) -> tuple[str | None, str, list[str]]:
    """The bold first run (the lead), the rest, and the rest's own bold phrases."""
    parts = _run_parts(paragraph)
    lead, rest = _split_lead(paragraph, parts)
    if lead is None:
        return None, rest, []
    phrases, current, past_lead = [], [], False
    for text, bold in parts:
        if not text:
            continue
        if not past_lead:
            if bold:
                continue
            past_lead = True
        if bold:
            current.append(text)
        elif current:
            phrases.append("".join(current).strip())
            current = []
    if current:
        phrases.append("".join(current).strip())
    return lead.lstrip(), rest, [p for p in phrases if len(p) >= 4]


def read_json_reports(path: Path) -> list[Report]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(S.CLI_FILE_UNREADABLE.format(path=path, reason=os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure(S.IMPORT_NOT_UTF8.format(path=path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        from workbench.storage.fileformat import json_reason

        raise ImportFailure(S.DOC_BAD_JSON.format(
            path=path, line=exc.lineno, col=exc.colno, reason=json_reason(exc.msg))) from None
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


def _old_word_file(path: Path) -> bool:
    """Whether the file is an old Word 97-2003 document (OLE compound file) or RTF, whatever
    its name says."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    return head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or head.startswith(b"{\\rtf")


def check_docx_package(path: Path) -> None:
    """Refuse zip bombs and XML with DOCTYPE/ENTITY declarations before parsing anything."""
    try:
        zf = zipfile.ZipFile(path)
    except Exception:  # a damaged zip raises many kinds (BadZipFile, ValueError, struct.error …)
        if _old_word_file(path):  # a .doc (or .rtf) renamed .docx: the advice for .doc
            raise ImportFailure(S.IMPORT_OLD_DOC.format(path=path)) from None
        raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason=S.REASON_NOT_ZIP)) from None
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
        from workbench.util.reasons import exception_reason

        raise ImportFailure(S.IMPORT_BAD_DOCX.format(path=path, reason=exception_reason(exc))) from None


def _style_names(part) -> dict:
    """Style id -> name for a document part, read once (python-docx looks each up by scanning)."""
    cached = getattr(part, "_wb_style_names", None)
    if cached is not None:
        return cached
    from docx.oxml.ns import qn

    cached = {}
    try:
        for el in part.styles.element.findall(qn("w:style")):
            sid = el.get(qn("w:styleId"))
            name_el = el.find(qn("w:name"))
            name = name_el.get(qn("w:val")) if name_el is not None else sid
            name = _BUILTIN_NAMES.get((name or "").lower(), name or "")
            if sid:
                cached[sid] = name
            if el.get(qn("w:type")) == "paragraph" and el.get(qn("w:default")) in ("1", "true", "on"):
                cached[None] = name
    except Exception:  # a damaged styles part: no names, no headings by style
        cached = {}
    part._wb_style_names = cached
    return cached


# Word stores built-in style names in lower case ("heading 1"); python-docx shows them capitalised.
_BUILTIN_NAMES = {"heading 1": "Heading 1", "heading 2": "Heading 2", "heading 3": "Heading 3",
                  "title": "Title", "normal": "Normal"}


def _style_name(paragraph) -> str:
    from docx.oxml.ns import qn

    try:
        names = _style_names(paragraph.part)
        ppr = paragraph._p.pPr
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        sid = pstyle.get(qn("w:val")) if pstyle is not None else None
        return names.get(sid, names.get(None, "")) or ""
    except (KeyError, AttributeError):
        return ""


def _run_parts(paragraph) -> list[tuple[str, bool]]:
    """(text, is lead-like) per run: bold by direct formatting or in the 段首句 style."""
    from docx.oxml.ns import qn

    from workbench.document.layout import LEAD

    names = _style_names(paragraph.part)
    out = []
    leading = True  # every run so far bold: still in the lead
    ins = qn("w:ins")
    for r, text in run_texts(paragraph._p):
        rpr = r.find(qn("w:rPr"))
        bold = False
        if rpr is not None:
            b = rpr.find(qn("w:b"))
            bold = b is not None and b.get(qn("w:val"), "true") not in ("0", "false", "off")
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None and names.get(rs.get(qn("w:val"))) == LEAD:
                bold = True
        # Text typed in with 修订 right after a lead's closing stop takes the bold run's
        # formatting (Word and LibreOffice both do so): it is the body, not more lead.
        if (bold and leading and out and "".join(t for t, _ in out).rstrip().endswith(_LEAD_ENDS)
                and any(a.tag == ins for a in r.iterancestors())):
            bold = False
        if text:
            leading = leading and bold
        out.append((text, bold))
    return out


_LEAD_ENDS = ("。", "！", "？", "：")


def _split_lead(paragraph, parts: list[tuple[str, bool]] | None = None) -> tuple[str | None, str]:
    """A leading run in the 段首句 style, or bold, is the bullet's lead."""
    parts = parts if parts is not None else _run_parts(paragraph)
    lead, rest, in_lead = [], [], True
    for text, is_lead in parts:
        if in_lead and is_lead and text:
            lead.append(text)
        else:
            if text:
                in_lead = False
            rest.append(text)
    lead_text = "".join(lead).strip()
    if not lead_text:
        return None, "".join(rest)
    return lead_text, "".join(rest)


def accepted_text(paragraph) -> str:
    """The paragraph's text with every tracked change accepted (python-docx's `text` leaves
    out runs inside w:ins)."""
    return "".join(text for text, _ in _run_parts(paragraph))


def count_revisions(doc) -> int:
    """Tracked insertions, deletions and moves pending in the document body."""
    from docx.oxml.ns import qn

    body = doc.element.body
    return sum(1 for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo") for _ in body.iter(qn(tag)))


def read_docx(path: Path, *, place: str | None = None, year: int | None = None, doc=None) -> Report:
    """A .docx we exported -> the same report: headings by our named styles, figures from
    the data part, targets re-read from the text if the drafter edited them in Word."""
    from workbench.document import layout as L
    from workbench.document.datapart import read_attached_data
    from workbench.document.figures import FigureError, parse_figure
    from workbench.document.model import Chapter, Meta, Paragraph, Section, figure_from_dict
    from workbench.document.phrasing import GENERATED_TARGETS, is_targets_paragraph, targets_sentence

    doc = doc if doc is not None else _open_docx(path)
    data = read_attached_data(doc) or {}
    meta = Meta(title="", meeting="", date="", speaker="")
    chapters: list[Chapter] = []
    for p in doc.paragraphs:
        style = _style_name(p)
        text = accepted_text(p).strip()
        if style in (L.APPENDIX_TITLE, L.ATTACHMENT_NOTE, L.ATTACHMENT_LABEL):
            break
        if not text:
            continue
        if style == L.TITLE:
            meta.title = text.replace("\n", "")     # a long title is set in lines (writing/titles.py)
        elif style == L.SUBTITLE:
            meta.meeting = text.replace("\n", "")
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
            lead, body, bold = _bold_parts(p)
            para = Paragraph(lead=lead, text=body, bold=bold)
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
                    status=data["status"] if data.get("status") in ("draft", "final") else "draft",
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
