"""The export's write: a report's .docx, or its redline against an earlier text, to a path,
atomically (the old file stays until the new one is whole)."""

from __future__ import annotations

from pathlib import Path

from workbench import strings as S
from workbench.document.model import Report
from workbench.storage.atomic import WriteFailed, write_atomic
from workbench.writing.report_docx import Attachment, ExportError, build_package


def export_report(report: Report, out: Path, *, template: Path | None = None,
                  previous: Report | None = None, appendix: bool = False,
                  attachments: list[Attachment] | None = None,
                  redline: tuple[Report, str, str] | None = None, joiners: bool = True) -> Path:
    """Write the report's .docx to `out` (atomically: the old file stays until the new is whole).
    With `redline` (earlier report, author, date) the changes against it are Word revisions.
    `joiners`: Word's no-width non break inside the runs a line ends in (writing/unbreakable.py)."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(S.EXPORT_NOT_DOCX.format(path=out))
    if out.is_dir():
        raise ExportError(S.EXPORT_IS_DIR.format(path=out))
    if not out.parent.exists():
        raise ExportError(S.EXPORT_NO_FOLDER.format(folder=out.parent))
    if appendix and previous is None:
        raise ExportError(S.EXPORT_NO_PREVIOUS.format(place=report.place, year=report.year - 1))
    if redline is not None:
        from workbench.writing.redline import build_redline  # loaded only for a redline

        earlier, author, date = redline
        payload = build_redline(report, earlier, author=author, date=date, template=template,
                                previous=previous, appendix=appendix)
    else:
        payload = build_package(report, template=template, previous=previous, appendix=appendix,
                                attachments=attachments, joiners=joiners)
    try:
        write_atomic(out, payload, durable=False)  # made again from the store at will
    except WriteFailed as exc:
        raise ExportError(S.EXPORT_WRITE_FAILED.format(path=out, reason=exc.reason)) from None
    return out
