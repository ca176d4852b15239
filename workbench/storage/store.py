"""The store: one TinyDB JSON file of report documents, keyed by (place, year) (DESIGN §7).
`Store` opens it under the lock and keeps the reports table; it inherits the recycle bin
(`trash.py`) and the named versions (`versions.py`)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from tinydb import Query, TinyDB

from workbench import strings as S
from workbench.document.commitments import sync
from workbench.document.model import ModelError, Report
from workbench.document.phrasing import refresh_generated
from workbench.storage.atomic import os_reason, path_problem, unlink_quietly
from workbench.storage.errors import StoreConflict, StoreError, StorePathError, StoreWriteError
from workbench.storage.fileformat import TABLE, AtomicJSONStorage
from workbench.storage.listcache import read_list_cache, write_list_cache
from workbench.storage.lock import StoreLock
from workbench.storage.paths import default_path
from workbench.storage.trash import RecycleBin
from workbench.storage.versions import VersionsTable


class Store(RecycleBin, VersionsTable):
    """Reports keyed by (place, year) in one JSON file; a writer holds the lock while open."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False, wait: float = 0.0,
                 create_folder: bool = True, lazy: bool = False, on_wait=None):
        """`create_folder`: make a missing parent folder (the default store's); otherwise a
        missing folder is refused. A path that cannot be a file is refused before any lock.
        `lazy`: when the report list remembered from the last session still matches the file,
        do not read the file yet: `summaries()` answers from that list, and the first other
        access reads it (the TUI paints its list first, then reads in a worker).
        `on_wait(holder)`: called once when another writer holds the store and we wait."""
        self.path = Path(path) if path is not None else default_path()
        self.readonly = readonly
        self._lazy = lazy
        self._remembered: tuple[int, int, int] | None = None  # the file state whose list is kept
        problem = path_problem(self.path, write=not readonly, create_parent=create_folder)
        if problem:
            raise StorePathError(problem)
        self._lock = StoreLock(self.path)
        new_lock = False
        if not readonly:
            if create_folder:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorePathError(S.PATH_UNUSABLE.format(path=self.path.parent,
                                                                reason=os_reason(exc))) from None
            new_lock = not os.path.lexists(self._lock.path)
            try:
                self._lock.acquire(wait=wait, on_wait=on_wait)
            except OSError as exc:  # the folder, not our internal .lock file, is what to fix
                raise StorePathError(S.STORE_FOLDER_UNUSABLE.format(path=self.path, folder=self.path.parent,
                                                                    reason=os_reason(exc))) from None
            self._sweep_leftovers()
        self._new_lock = new_lock
        try:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage, readonly=readonly)
            self._table = self._db.table(TABLE, cache_size=0)
            self._listed: list[dict[str, Any]] | None = None
            self._listed_stamp = self._db.storage._stamp()  # type: ignore[attr-defined]
            if lazy:
                # A matching list means the file is the one we read (and found sound) last time.
                self._listed = read_list_cache(self.path, self._listed_stamp)
            if self._listed is None:
                self._db.storage.read()  # report a corrupt file now, not at the first save
        except BaseException:
            if new_lock:
                unlink_quietly(self._lock.path)  # a path that is not a store keeps no lock beside it
            self._lock.release()
            raise

    def _sweep_leftovers(self) -> None:
        """Temp files of writers that died mid-save; safe to drop while we hold the lock."""
        try:
            for p in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                unlink_quietly(p)
        except OSError:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        # The list is kept for the next start-up by whoever lists (a lazy store) or writes;
        # a command that only reads one report (export, show) does not pay for it.
        if self._lazy or self._db.storage.wrote:
            self.remember_list()
        if getattr(self, "_new_lock", False) and not os.path.lexists(self.path):
            unlink_quietly(self._lock.path)  # nothing was ever saved: leave no lock behind
        self._lock.release()

    # -------------------------------------------------------- reading
    def _records(self) -> list[dict[str, Any]]:
        return list(self._table.all())

    def _to_report(self, doc: dict[str, Any]) -> Report:
        body = {k: v for k, v in doc.items() if not k.startswith("_")}
        try:
            return Report.from_dict(body)
        except ModelError as exc:
            raise StoreError(S.STORE_BAD_RECORD.format(
                path=self.path, place=doc.get("place", "?"), year=doc.get("year", "?"),
                reason=exc)) from None

    def get(self, place: str, year: int) -> Report | None:
        q = Query()
        docs = self._table.search((q.place == place) & (q.year == year))
        return self._to_report(docs[0]) if docs else None

    def reports(self) -> Iterator[Report]:
        for doc in self._records():
            yield self._to_report(doc)

    def years(self, place: str) -> list[int]:
        return sorted(d["year"] for d in self._records() if d.get("place") == place)

    def loaded(self) -> bool:
        """Whether the file as it is on disk now has been read."""
        storage = self._db.storage
        cache = storage._cache  # type: ignore[attr-defined]
        return cache is not None and cache[0] == storage._stamp()  # type: ignore[attr-defined]

    def load(self) -> None:
        """Read the file now (a lazy store, from a worker)."""
        self._db.storage.read()

    def remember_list(self, rows: list[dict[str, Any]] | None = None) -> None:
        """Keep the report list for the next start-up, when the file read or written is the
        one on disk and the cache does not hold its list yet (once per state of the file).
        `rows`: this store's summaries() just taken, so they are not listed twice."""
        storage = self._db.storage
        cache = storage._cache  # type: ignore[attr-defined]
        if cache is None or cache[0] != storage._stamp() or self._remembered == cache[0]:  # type: ignore[attr-defined]
            return
        rows = self.summaries() if rows is None else rows
        if read_list_cache(self.path, cache[0]) != rows:  # missing, stale, or wrong
            write_list_cache(self.path, cache[0], rows)
        self._remembered = cache[0]

    def summaries(self) -> list[dict[str, Any]]:
        """One row per report for listing, without building the whole documents. A lazy store
        not yet read answers from the list remembered for this very file."""
        if self._listed is not None:
            # Once the file is read, the list comes from it: a remembered list that matched by
            # stamp alone (a coarse-clock file system, the same size) cannot outlive the read.
            if not self.loaded() and self._db.storage._stamp() == self._listed_stamp:  # type: ignore[attr-defined]
                return [dict(r) for r in self._listed]
            self._listed = None
        rows = []
        for d in self._records():
            chapters = d.get("chapters", [])
            rows.append({
                "place": d.get("place"), "year": d.get("year"),
                "status": d.get("status", "draft"),
                "title": (d.get("meta") or {}).get("title", ""),
                "chapters": len(chapters),
                "sections": sum(len(c.get("sections", [])) for c in chapters),
                "targets": len(d.get("targets", [])),
                "results": len(d.get("results", [])),
                "saved_at": d.get("_saved_at"),
            })
        rows.sort(key=lambda r: (str(r["place"]), -int(r["year"] or 0)))
        return rows

    # -------------------------------------------------------- writing
    def put(self, report: Report, *, expect: dict[str, Any] | None = None) -> dict[str, Any]:
        """Save a report (generated text rewritten, commitments re-derived), replacing any of
        its (place, year); returns the document as stored.

        With `expect` (the document as the caller last read or saved it), a stored report
        that differs from it raises StoreConflict instead of being overwritten.
        """
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        if expect is not None:
            current = self.get_doc(report.place, report.year)
            if current is not None and current != expect:
                raise StoreConflict(report.place, report.year, self._saved_at(report.place, report.year))
        refresh_generated(report)
        sync(report)
        doc = report.to_dict()
        doc["_saved_at"] = datetime.now().isoformat(timespec="seconds")
        q = Query()
        cond = (q.place == report.place) & (q.year == report.year)
        self._table._next_id = None  # another writer may have added ids since we last looked
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        ids = [d.doc_id for d in self._table.search(cond)]
        if ids:
            storage.dirty = {(TABLE, str(ids[0]))}
            self._table.update(_replace_doc(doc), doc_ids=ids[:1])
            if len(ids) > 1:
                self._table.remove(doc_ids=ids[1:])
        else:
            storage.dirty = set()
            self._table.insert(doc)
        return {k: v for k, v in doc.items() if not k.startswith("_")}

    def get_doc(self, place: str, year: int) -> dict[str, Any] | None:
        """The stored document of one report, without the store's own `_` fields."""
        q = Query()
        docs = self._table.search((q.place == place) & (q.year == year))
        return {k: v for k, v in docs[0].items() if not k.startswith("_")} if docs else None

    def _saved_at(self, place: str, year: int) -> str | None:
        q = Query()
        docs = self._table.search((q.place == place) & (q.year == year))
        return docs[0].get("_saved_at") if docs else None

    def stamp(self) -> tuple[int, int, int] | None:
        """The store file's (mtime, size, inode): it changes whenever anyone writes the file."""
        return self._db.storage._stamp()  # type: ignore[attr-defined]

    def exists(self, place: str, year: int) -> bool:
        q = Query()
        return self._table.contains((q.place == place) & (q.year == year))


def _replace_doc(new: dict[str, Any]):
    """A TinyDB update operation that swaps the whole document for `new`."""
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(new)
    return transform
