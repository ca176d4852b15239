"""A .docx -> PDF through LibreOffice, with the fonts our template names mapped to free
look-alike faces (templates/fonts.conf), so the PDF made on Linux looks like the Word draft."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
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
            proc = subprocess.run(
                [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(docx)],
                capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=docx, seconds=timeout)) from None
        except OSError as exc:
            raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=exc.strerror or exc)) from None
        made = Path(tmp) / (docx.stem + ".pdf")
        if proc.returncode != 0 or not made.exists():
            reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip().splitlines()
            raise ExportError(S.EXPORT_PDF_FAILED.format(path=docx, reason=reason[-1] if reason else "?"))
        os.replace(made, pdf)
    return pdf
