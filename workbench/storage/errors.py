"""The store's errors, each with its complete Chinese message; cheap to import (no TinyDB, no orjson)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench import strings as S
from workbench.storage.atomic import backup_path


class StoreError(Exception):
    """A store problem the drafter must hear about; the message is Chinese and complete."""


class StoreLocked(StoreError):
    def __init__(self, path: Path, holder: dict[str, Any] | None):
        self.path = path
        self.holder = holder or {}
        super().__init__(S.STORE_LOCKED.format(path=path, holder=describe_holder(holder)))


class StoreCorrupt(StoreError):
    """A store file damaged inside; the backup is named only when there is one."""

    def __init__(self, path: Path, line: int, col: int, reason: str):
        self.path = path
        self.line = line
        self.col = col
        bak = backup_path(path)
        tail = S.STORE_CORRUPT_BAK if bak.is_file() else S.STORE_CORRUPT_NO_BAK
        super().__init__(S.STORE_CORRUPT.format(path=path, line=line, col=col, reason=reason)
                         + tail.format(bak=bak))


class StoreNotAStore(StoreError):
    """A file that was never a store (empty, not JSON, a report document, a .docx)."""

    def __init__(self, path: Path, why: str):
        self.path = path
        self.why = why
        hint = S.STORE_HINT_IMPORT if why in ("report", "reports", "docx") else S.STORE_HINT_OTHER
        super().__init__(S.STORE_NOT_STORE.format(path=path, why=S.STORE_WHY[why],
                                                  hint=hint.format(path=path)))


class StorePathError(StoreError):
    """A store path that cannot be a file: a folder, a device, no permission, a missing folder."""


class StoreWriteError(StoreError):
    pass


class StoreConflict(StoreError):
    """The report on disk is not the one the editor started from: someone else saved it."""

    def __init__(self, place: str, year: int, saved_at: str | None):
        self.place = place
        self.year = year
        super().__init__(S.STORE_CONFLICT.format(place=place, year=year, when=saved_at or "?"))


def describe_holder(holder: dict[str, Any] | None) -> str:
    if not holder:
        return S.STORE_HOLDER_UNKNOWN
    return S.STORE_HOLDER.format(
        pid=holder.get("pid", "?"), user=holder.get("user", "?"),
        host=holder.get("host", "?"), since=holder.get("since", "?"),
    )
