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
_PPR_DEFAULT = re.compile(rb"<w:pPrDefault>\s*<w:pPr>")
_OFF = {b"0", b"false", b"off"}


def _flip_overflow(xml: bytes) -> bytes:
    """Every w:overflowPunct turned to its opposite value (see the module's note)."""
    def flip(m: re.Match) -> bytes:
        on = m.group(1) is None or m.group(1).lower() not in _OFF
        return b'<w:overflowPunct w:val="%s"/>' % (b"0" if on else b"1")
    return _OVERFLOW.sub(flip, xml)


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
    return _RUN.sub(split, document.decode("utf-8")).encode("utf-8")


def for_libreoffice(data: bytes) -> bytes:
    """The .docx package as LibreOffice must read it to lay the lines out as Word does:
    w:overflowPunct flipped in styles and body, and, where the template says nothing, no
    hanging punctuation (a hung mark would be dropped from the PDF or stand in the margin);
    each unbreakable run (writing/unbreakable.py) as LibreOffice keeps it on one line."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                part = zin.read(info.filename)
                if info.filename in ("word/styles.xml", "word/document.xml"):
                    had = _OVERFLOW.search(part) is not None
                    part = _flip_overflow(part)
                if info.filename == "word/document.xml":
                    # Word's no-width non break (U+200D, writing/unbreakable.py) in a form
                    # LibreOffice's line breaking honours.
                    part = _glued_runs_for_libreoffice(part)
                    if info.filename == "word/styles.xml" and not had:
                        part = _PPR_DEFAULT.sub(
                            lambda m: m.group(0) + b'<w:overflowPunct w:val="1"/>', part, count=1)
                zout.writestr(info, part)
    return out.getvalue()


def pdf_path_for(docx: Path) -> Path:
    return Path(docx).with_suffix(".pdf")


def convert_to_pdf(docx: Path, pdf: Path | None = None, *, timeout: int = TIMEOUT_S) -> Path:
    """Write `pdf` (default: beside the .docx) from `docx`; the old PDF stays until the new
    one is whole. Raises ExportError with one Chinese line when LibreOffice is missing or fails."""
    docx = Path(docx)
    pdf = Path(pdf) if pdf else pdf_path_for(docx)
    if pdf.suffix.lower() != ".pdf":
        raise ExportError(S.EXPORT_NOT_PDF.format(path=pdf))
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
    profile = _profile_dir()
    profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=pdf.parent) as tmp:
        try:
            source = Path(tmp) / "in" / docx.name
            source.parent.mkdir()
            source.write_bytes(for_libreoffice(docx.read_bytes()))
            proc = subprocess.run(
                [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(source)],
                capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=docx, seconds=timeout)) from None
        except OSError as exc:
            raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=exc.strerror or exc)) from None
        except zipfile.BadZipFile as exc:
            raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=exc)) from None
        made = Path(tmp) / (docx.stem + ".pdf")
        if proc.returncode != 0 or not made.exists():
            reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip().splitlines()
            raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=reason[-1] if reason else "?"))
        os.replace(made, pdf)
    return pdf


def convert_all(docxs: list[Path], outdir: Path, *, timeout: int = TIMEOUT_S) -> list[Path]:
    """Many .docx -> PDF in `outdir` with one LibreOffice process (its start is most of the
    cost of one file), each read as `convert_to_pdf` reads it. The PDFs, in the given order;
    raises ExportError when LibreOffice is missing or one of them is not made."""
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
    profile = _profile_dir()
    profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=outdir) as tmp:
        sources = []
        for i, docx in enumerate(map(Path, docxs)):
            source = Path(tmp) / f"{i:04d}-{docx.name}"
            source.write_bytes(for_libreoffice(docx.read_bytes()))
            sources.append(source)
        try:
            subprocess.run(
                [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, sources)],
                capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=outdir, seconds=timeout)) from None
        made = []
        for docx, source in zip(docxs, sources):
            pdf = outdir / (source.stem + ".pdf")
            if not pdf.exists():
                raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason="?"))
            made.append(pdf)
    return made
