"""The recycle bin (回收站): deleted reports kept in their own table, restorable until emptied.
`Store` inherits it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tinydb import Query

from workbench import strings as S
from workbench.document.model import Report
from workbench.storage.errors import StoreError, StoreWriteError
from workbench.storage.fileformat import TABLE, TRASH


class RecycleBin:
    """The recycle-bin half of `Store`. It uses the store's `readonly`, `_db` (the TinyDB whose
    storage is an `AtomicJSONStorage`), `_table` (the reports table), `exists()` and
    `_to_report()`."""

    def delete(self, place: str, year: int) -> bool:
        """Move a report to the recycle bin (回收站); False when there was no such report."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        q = Query()
        cond = (q.place == place) & (q.year == year)
        docs = self._table.search(cond)
        if not docs:
            return False
        trashed = dict(docs[0])
        trashed["_deleted_at"] = datetime.now().isoformat(timespec="seconds")
        data = self._db.storage.read() or {}  # type: ignore[union-attr]
        self._db.storage.dirty = None  # type: ignore[attr-defined]
        # One write for both tables, so a crash leaves the report in one place or the other.
        bin_docs = data.setdefault(TRASH, {})
        next_id = max((int(k) for k in bin_docs), default=0) + 1
        bin_docs[str(next_id)] = trashed
        reports = data.get(TABLE, {})
        for doc_id in [k for k, v in reports.items() if v.get("place") == place and v.get("year") == year]:
            del reports[doc_id]
        self._db.storage.write(data)  # type: ignore[union-attr]
        self._table.clear_cache()
        self._table._next_id = None
        return True

    def trash(self) -> list[dict[str, Any]]:
        """Reports in the recycle bin, newest deletion first: place, year, title, deleted_at."""
        data = self._db.storage.read() or {}  # type: ignore[union-attr]
        rows = [{"place": d.get("place"), "year": d.get("year"),
                 "title": (d.get("meta") or {}).get("title", ""),
                 "deleted_at": d.get("_deleted_at", ""), "id": k}
                for k, d in data.get(TRASH, {}).items()]
        rows.sort(key=lambda r: r["deleted_at"], reverse=True)
        return rows

    def _trash_ids(self, place: str, year: int) -> list[str]:
        data = self._db.storage.read() or {}  # type: ignore[union-attr]
        rows = [(d.get("_deleted_at", ""), k) for k, d in data.get(TRASH, {}).items()
                if d.get("place") == place and d.get("year") == year]
        return [k for _, k in sorted(rows, reverse=True)]

    def restore(self, place: str, year: int) -> Report:
        """Bring the most recently deleted (place, year) back from the recycle bin."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        ids = self._trash_ids(place, year)
        if not ids:
            raise StoreError(S.TRASH_NOT_FOUND.format(place=place, year=year))
        if self.exists(place, year):
            raise StoreError(S.TRASH_RESTORE_EXISTS.format(place=place, year=year))
        data = self._db.storage.read() or {}  # type: ignore[union-attr]
        doc = dict(data[TRASH][ids[0]])
        doc.pop("_deleted_at", None)
        report = self._to_report(doc)
        reports = data.setdefault(TABLE, {})
        next_id = max((int(k) for k in reports), default=0) + 1
        reports[str(next_id)] = doc
        del data[TRASH][ids[0]]
        self._db.storage.dirty = None  # type: ignore[attr-defined]
        self._db.storage.write(data)  # type: ignore[union-attr]
        self._table.clear_cache()
        self._table._next_id = None
        return report

    def purge(self, place: str | None = None, year: int | None = None) -> int:
        """Empty the recycle bin, or drop one (place, year) from it; returns how many went."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        data = self._db.storage.read() or {}  # type: ignore[union-attr]
        bin_docs = data.get(TRASH, {})
        gone = [k for k, d in bin_docs.items()
                if place is None or (d.get("place") == place and d.get("year") == year)]
        if not gone:
            return 0
        for k in gone:
            del bin_docs[k]
        self._db.storage.dirty = None  # type: ignore[attr-defined]
        self._db.storage.write(data)  # type: ignore[union-attr]
        return len(gone)
