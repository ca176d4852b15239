"""Named versions of reports (drafting rounds), kept in their own table; `Store` inherits it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tinydb import Query

from workbench import strings as S
from workbench.document.commitments import sync
from workbench.document.model import Report
from workbench.storage.errors import StoreError, StoreWriteError
from workbench.storage.fileformat import VERSIONS


# Snapshots (征求意见稿, 送审稿 …) live in their own table beside the working state, so a
# store written before versions existed opens unchanged: it simply has no such table.
class VersionsTable:
    """The versions half of `Store`. It uses the store's `readonly`, `_db` (the TinyDB whose
    storage is an `AtomicJSONStorage`), `get()`, `put()` and `_to_report()`."""

    def _versions_table(self):
        return self._db.table(VERSIONS, cache_size=0)

    def versions(self, place: str, year: int) -> list[dict[str, Any]]:
        """The versions of one report, oldest first: name, saved_at, kind, counts."""
        q = Query()
        rows = [{"name": d.get("name", ""), "saved_at": d.get("saved_at", ""), "kind": d.get("kind", "manual"),
                 "changes": len(d.get("changes") or []), "comments": len(d.get("comments") or []),
                 "open_comments": sum(1 for c in d.get("comments") or [] if not c.get("done")),
                 "adopted": bool(d.get("adopted"))}
                for d in self._versions_table().search((q.place == place) & (q.year == year))]
        rows.sort(key=lambda r: r["saved_at"])
        return rows

    def get_version(self, place: str, year: int, name: str) -> tuple[Report, dict[str, Any]] | None:
        """A version's report and its record (changes, comments, kind, saved_at), or None."""
        doc = self._version_doc(place, year, name)
        if doc is None:
            return None
        report = self._to_report(doc["report"])
        return report, {k: v for k, v in doc.items() if k != "report"}

    def _version_doc(self, place: str, year: int, name: str) -> dict[str, Any] | None:
        q = Query()
        docs = self._versions_table().search((q.place == place) & (q.year == year) & (q.name == name))
        return dict(docs[0]) if docs else None

    def save_version(self, report: Report, name: str, *, kind: str = "manual",
                     changes: list[dict[str, Any]] | None = None,
                     comments: list[dict[str, Any]] | None = None,
                     saved_at: str | None = None) -> dict[str, Any]:
        """Keep a named snapshot of `report`; a name already used for this report is refused."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        name = name.strip()
        if not name:
            raise StoreError(S.VERSION_EMPTY_NAME)
        if any(c in name for c in "/\\@\n\r"):
            raise StoreError(S.VERSION_BAD_NAME.format(name=name))
        if self._version_doc(report.place, report.year, name) is not None:
            raise StoreError(S.VERSION_EXISTS.format(place=report.place, year=report.year, name=name))
        sync(report)
        doc = {"place": report.place, "year": report.year, "name": name, "kind": kind,
               "saved_at": saved_at or datetime.now().isoformat(timespec="seconds"),
               "report": report.to_dict(), "changes": changes or [], "comments": comments or [],
               "adopted": False}
        self._db.storage.dirty = set()  # type: ignore[attr-defined]
        self._versions_table().insert(doc)
        return doc

    def update_version(self, place: str, year: int, name: str, **fields: Any) -> None:
        """Change a version's record (its comments marked done, adopted …); never its report."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        q = Query()
        cond = (q.place == place) & (q.year == year) & (q.name == name)
        table = self._versions_table()
        ids = [d.doc_id for d in table.search(cond)]
        if not ids:
            raise StoreError(S.VERSION_MISSING.format(place=place, year=year, name=name))
        fields.pop("report", None)
        self._db.storage.dirty = {(VERSIONS, str(ids[0]))}  # type: ignore[attr-defined]
        table.update(fields, doc_ids=ids[:1])

    def replace_version_report(self, place: str, year: int, name: str, report: Report,
                               changes: list[dict[str, Any]] | None = None) -> None:
        """A review round's text after changes were taken or refused one by one."""
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        q = Query()
        table = self._versions_table()
        ids = [d.doc_id for d in table.search((q.place == place) & (q.year == year) & (q.name == name))]
        if not ids:
            raise StoreError(S.VERSION_MISSING.format(place=place, year=year, name=name))
        sync(report)
        fields: dict[str, Any] = {"report": report.to_dict()}
        if changes is not None:
            fields["changes"] = changes
        self._db.storage.dirty = {(VERSIONS, str(ids[0]))}  # type: ignore[attr-defined]
        table.update(fields, doc_ids=ids[:1])

    def delete_version(self, place: str, year: int, name: str) -> bool:
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        q = Query()
        self._db.storage.dirty = set()  # type: ignore[attr-defined]
        return bool(self._versions_table().remove((q.place == place) & (q.year == year) & (q.name == name)))

    def restore_version(self, place: str, year: int, name: str) -> str:
        """Make a version the working state; the working state is kept first as a version
        (its name is returned), so a restore never loses anything."""
        got = self.get_version(place, year, name)
        if got is None:
            raise StoreError(S.VERSION_MISSING.format(place=place, year=year, name=name))
        kept = self.keep_working(place, year, S.VERSION_BEFORE_RESTORE, kind="before-restore")
        self.put(got[0])
        return kept

    def keep_working(self, place: str, year: int, label: str, *, kind: str) -> str:
        """Save the working state as a version named `label` (with the time filled in and a
        number added if taken) before something replaces it; "" when there is none."""
        current = self.get(place, year)
        if current is None:
            return ""
        base = kept = label.format(when=datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
        n = 2
        while self._version_doc(place, year, kept) is not None:
            kept = f"{base}（{n}）"
            n += 1
        self.save_version(current, kept, kind=kind)
        return kept

    def working_saved_at(self, place: str, year: int) -> str | None:
        """When the working state of a report was last saved ("2025-01-05T09:00:00"), or None."""
        return self._saved_at(place, year)
