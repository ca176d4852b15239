"""A .docx -> PDF through LibreOffice, with the fonts our template names mapped to free
look-alike faces (templates/fonts.conf), so the PDF made on Linux looks like the Word draft.

LibreOffice is given a copy of the .docx made for it (`for_libreoffice`): its import reads
w:overflowPunct the wrong way round (ParaIsHangingPunctuation = not overflowPunct, LibreOffice
7.x writerfilter), and a mark it hangs past the right margin in a condensed (w:spacing < 0)
paragraph is dropped from the page altogether.  The template says overflowPunct=0 (Word: no
mark past the margin, the character before it goes down with it, kinsoku); the copy says the
opposite so LibreOffice lays the lines out as Word does."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from workbench import strings as S
from workbench.writing.report_docx import ROOT, ExportError

FONTCONFIG = ROOT / "templates" / "fonts.conf"
TIMEOUT_S = 300


def soffice() -> str | None:
    """The LibreOffice command on this machine, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profile_dir() -> Path:
    """A LibreOffice profile of our own, kept between conversions (its first start is slow)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "workbench" / "libreoffice"


_OVERFLOW = re.compile(rb'<w:overflowPunct(?: w:val="([^"]*)")?/>')
_OFF = {b"0", b"false", b"off"}


def _flip_overflow(xml: bytes) -> bytes:
    """Every w:overflowPunct turned to its opposite value (see the module's note)."""
    def flip(m: re.Match) -> bytes:
        on = m.group(1) is None or m.group(1).lower() not in _OFF
        return b'<w:overflowPunct w:val="%s"/>' % (b"0" if on else b"1")
    return _OVERFLOW.sub(flip, xml)


_TEXT = re.compile(r'(<w:t xml:space="preserve">)([^<]*)(</w:t>)')


def _glue_text_runs(xml: str) -> str:
    """Every text run with its unbreakable runs joined (writing/unbreakable.py). Only the copy
    LibreOffice lays out gets them: in the drafter's .docx an invisible character inside
    "习近平" would break Word's Find and travel with every copy and paste into the OA system."""
    from workbench.writing.unbreakable import glue, read_names

    names = read_names()
    return _TEXT.sub(lambda m: m.group(1) + glue(m.group(2), names) + m.group(3), xml)


_RUN = re.compile(r"<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?((?:<w:br/>)?)"
                  r'<w:t xml:space="preserve">([^<]*\u200d[^<]*)</w:t></w:r>', re.S)
# A glued run: single characters or ASCII words (29.9, 2024) joined by U+200D.
_GLUED = re.compile("(?:[0-9A-Za-z.%‰]+|[^\u200d])(?:\u200d(?:[0-9A-Za-z.%‰]+|[^\u200d]))+")


def _glued_runs_for_libreoffice(document: bytes) -> bytes:
    """Each glued run (characters joined by U+200D) as a run of its own, joined by U+2060 and
    marked en-US: LibreOffice breaks Chinese text anywhere its kinsoku lists allow and asks
    Unicode's line-breaking rules (which never break beside a word joiner) only for text in
    a language that is not Chinese, Japanese or Korean."""
    def split(m: re.Match) -> str:
        rpr, br, text = m.group(1) or "", m.group(2), m.group(3)
        out, pos = [], 0
        for g in _GLUED.finditer(text):
            if g.start() > pos:
                out.append((text[pos:g.start()], False))
            out.append((g.group(0).replace("\u200d", "\u2060"), True))
            pos = g.end()
        if pos < len(text):
            out.append((text[pos:], False))
        runs = []
        for i, (piece, glued) in enumerate(out):
            props = rpr
            if glued:
                lang = '<w:lang w:val="en-US" w:eastAsia="en-US"/>'
                props = (re.sub(r"<w:lang [^>]*/>", lang, rpr) if "<w:lang " in rpr
                         else rpr.replace("</w:rPr>", lang + "</w:rPr>") if rpr
                         else f"<w:rPr>{lang}</w:rPr>")
            runs.append(f'<w:r>{props}{br if i == 0 else ""}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        return "".join(runs)
    return _RUN.sub(split, _glue_text_runs(document.decode("utf-8"))).encode("utf-8")


def for_libreoffice(data: bytes) -> bytes:
    """The .docx package as LibreOffice must read it to lay the lines out as Word does:
    w:overflowPunct flipped in styles and body (a hung mark would be dropped from the PDF or
    stand in the margin); each unbreakable run (writing/unbreakable.py) as LibreOffice keeps it on one line."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                part = zin.read(info.filename)
                if info.filename in ("word/styles.xml", "word/document.xml"):
                    part = _flip_overflow(part)
                if info.filename == "word/document.xml":
                    # Names and figures kept on one line, in a form LibreOffice's line
                    # breaking honours (U+2060 in an en-US run).
                    part = _glued_runs_for_libreoffice(part)
                zout.writestr(info, part)
    return out.getvalue()


def pdf_path_for(docx: Path) -> Path:
    return Path(docx).with_suffix(".pdf")


def _soffice(command: str, sources: list[Path], outdir: Path, timeout: int, what: Path):
    """One LibreOffice process converting `sources` into `outdir`."""
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
    profile = _profile_dir()
    profile.mkdir(parents=True, exist_ok=True)
    try:
        return subprocess.run(
            [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, sources)],
            capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=what, seconds=timeout)) from None
    except OSError as exc:
        raise ExportError(S.EXPORT_PDF_FAILED.format(path=what, reason=exc.strerror or exc)) from None


def _mended(docx: Path, pdf: Path) -> list:
    """The layout pass on one converted file: the .docx rewritten with the paragraphs it
    tightens (writing/layoutpass.py); what it did, [] when nothing."""
    from workbench.storage.atomic import WriteFailed, write_atomic
    from workbench.writing.layoutpass import mend, pdf_lines

    lines = pdf_lines(pdf)
    if not lines:
        return []
    data, done = mend(docx.read_bytes(), lines)
    if done:
        try:
            write_atomic(docx, data)
        except WriteFailed as exc:
            raise ExportError(S.EXPORT_WRITE_FAILED.format(path=docx, reason=exc.reason)) from None
    return done


def convert_to_pdf(docx: Path, pdf: Path | None = None, *, timeout: int = TIMEOUT_S,
                   layout_pass: bool = True, adjustments: list | None = None) -> Path:
    """Write `pdf` (default: beside the .docx) from `docx`; the old PDF stays until the new
    one is whole. With `layout_pass`, a paragraph that ends in a lone character is tightened in
    the .docx and the PDF made again; what was changed (layoutpass.Adjustment, one a
    paragraph) is appended to `adjustments` (and kept in `last_adjustments`). Raises
    ExportError with one Chinese line when LibreOffice is missing or fails."""
    docx = Path(docx)
    pdf = Path(pdf) if pdf else pdf_path_for(docx)
    if pdf.suffix.lower() != ".pdf":
        raise ExportError(S.EXPORT_NOT_PDF.format(path=pdf))
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    last_adjustments.clear()
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=pdf.parent) as tmp:
        source = Path(tmp) / "in" / docx.name
        made = Path(tmp) / (docx.stem + ".pdf")
        for attempt in (0, 1):
            try:
                source.parent.mkdir(exist_ok=True)
                source.write_bytes(for_libreoffice(docx.read_bytes()))
            except OSError as exc:
                raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=exc.strerror or exc)) from None
            except zipfile.BadZipFile as exc:
                raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=exc)) from None
            proc = _soffice(command, [source], Path(tmp), timeout, docx)
            if proc.returncode != 0 or not made.exists():
                reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip().splitlines()
                raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=reason[-1] if reason else "?"))
            if attempt or not layout_pass:
                break
            done = _mended(docx, made)
            if not done:
                break
            last_adjustments.extend(done)
            if adjustments is not None:
                adjustments.extend(done)
        os.replace(made, pdf)
    return pdf


# What the last convert_to_pdf's layout pass adjusted (one line a paragraph), for a summary.
last_adjustments: list = []


def convert_all(docxs: list[Path], outdir: Path, *, timeout: int = TIMEOUT_S,
                layout_pass: bool = True) -> list[Path]:
    """Many .docx -> PDF in `outdir` with one LibreOffice process a pass (its start is most of
    the cost of one file), each read and mended as `convert_to_pdf` does. The PDFs, in the
    given order; raises ExportError when LibreOffice is missing or one of them is not made."""
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    docxs = [Path(d) for d in docxs]
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=outdir) as tmp:
        sources = [Path(tmp) / f"{i:04d}-{docx.name}" for i, docx in enumerate(docxs)]
        pdfs = [outdir / (source.stem + ".pdf") for source in sources]
        todo = list(range(len(docxs)))
        for attempt in (0, 1):
            for i in todo:
                sources[i].write_bytes(for_libreoffice(docxs[i].read_bytes()))
                pdfs[i].unlink(missing_ok=True)
            _soffice(command, [sources[i] for i in todo], outdir, timeout, outdir)
            for i in todo:
                if not pdfs[i].exists():
                    raise ExportError(S.EXPORT_PDF_FAILED.format(path=docxs[i], reason="?"))
            if attempt or not layout_pass:
                break
            todo = [i for i in todo if _mended(docxs[i], pdfs[i])]
            if not todo:
                break
    return pdfs
