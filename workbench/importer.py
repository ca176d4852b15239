"""Files -> report documents: .json (our format), .txt and .docx (DESIGN §2).

One file may hold many reports; every failure is an `ImportFailure` with one Chinese line
naming the file and, where it can, the line.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import strings as S
from .commitments import sync
from .model import ModelError, Report


class ImportFailure(Exception):
    """A file that cannot be read as reports; the message names the file and the place."""


def import_file(path: Path, *, place: str | None = None, year: int | None = None) -> list[Report]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        reports = read_json_reports(path)
    else:
        raise ImportFailure(S.IMPORT_UNSUPPORTED.format(path=path, suffix=suffix or "（无扩展名）"))
    for r in reports:
        if place:
            r.place = place
        if year:
            r.year = year
    return [sync(r) for r in reports]


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
