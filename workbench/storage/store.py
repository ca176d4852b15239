"""The store: one TinyDB JSON file of report documents, keyed by (place, year) (DESIGN §7).

`AtomicJSONStorage` is the one seam where bytes reach the disk: UTF-8 always,
`ensure_ascii=False`, a temp file in the same folder, fsync, `os.replace` (retried where
Windows holds the file), the previous good file kept as `.bak`, and a corrupt file
reported with its path and line, never overwritten. A writer holds an OS lock on
`<store>.lock` for as long as it is open; a second writer is told who holds it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from workbench import strings as S
from workbench.storage.atomic import WriteFailed, backup_path, os_reason, path_problem, unlink_quietly, write_atomic
from workbench.document.commitments import sync
from workbench.document.model import ModelError, Report
from workbench.document.phrasing import refresh_generated

TABLE = "reports"
VERSIONS = "versions"  # named snapshots of reports (drafting rounds), one document each
TRASH = "trash"  # the recycle bin (回收站): deleted reports, restorable until emptied
ENV_DB = "WORKBENCH_DB"


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


def default_path() -> Path:
    """`WORKBENCH_DB` when set, else reports.json in the user's data folder."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("workbench", appauthor=False)) / "reports.json"


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def describe_holder(holder: dict[str, Any] | None) -> str:
    if not holder:
        return S.STORE_HOLDER_UNKNOWN
    return S.STORE_HOLDER.format(
        pid=holder.get("pid", "?"), user=holder.get("user", "?"),
        host=holder.get("host", "?"), since=holder.get("since", "?"),
    )


ENV_CACHE = "WORKBENCH_CACHE_DIR"


def list_cache_path(path: Path) -> Path:
    """Where the report list of the store at `path` is remembered between sessions: the
    user's cache folder, one small file per store, named by the store's full path."""
    import hashlib

    folder = os.environ.get(ENV_CACHE)
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("workbench", appauthor=False)
    name = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:20]
    return Path(folder) / f"list-{name}.json"


def read_list_cache(path: Path, stamp: tuple[int, int, int] | None) -> list[dict[str, Any]] | None:
    """The rows remembered for the store as it is on disk now (same mtime, size and inode),
    or None. A store written since, by us or anyone, never matches."""
    if stamp is None:
        return None
    try:
        data = orjson.loads(list_cache_path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != list(stamp) or not isinstance(data.get("rows"), list):
        return None
    return data["rows"]


def write_list_cache(path: Path, stamp: tuple[int, int, int], rows: list[dict[str, Any]]) -> None:
    """Best effort: a cache folder that cannot be written costs the next start-up time, nothing else."""
    target = list_cache_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, orjson.dumps({"stamp": list(stamp), "rows": rows}), keep_backup=False)
    except (WriteFailed, OSError):
        pass


# ------------------------------------------------------------ lock

_WIN_LOCK_OFFSET = 1 << 20  # lock a byte past the holder text so readers can still read it


class StoreLock:
    """An exclusive OS lock on `<store>.lock`, released by the OS if the process dies."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            if _try_lock(fd):
                if _same_file(fd, self.path):
                    break
                # The holder removed the lock file as it left (it never saved): lock the new one.
                _unlock(fd)
                os.close(fd)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                continue
            if time.monotonic() >= deadline:
                holder = self.read_holder()
                os.close(fd)
                raise StoreLocked(self.path.with_name(self.path.name[: -len(".lock")]), holder)
            time.sleep(0.05)
        self._fd = fd
        import socket  # here, not at the top: readers never lock, and the import costs

        info = json.dumps({
            "pid": os.getpid(), "user": _user(), "host": socket.gethostname(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "program": "workbench",
        }, ensure_ascii=False).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, info)

    def read_holder(self) -> dict[str, Any] | None:
        try:
            with open(self.path, "rb") as fh:
                data = fh.read(4096)
            return json.loads(data.decode("utf-8"))
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    """True while `path` still names the file open as `fd`."""
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getuser raises several kinds when no name is set
        return "?"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# ------------------------------------------------------------ storage

def _looks_like_store(raw: bytes) -> bool:
    """A file that begins the way every store this program wrote begins."""
    head = raw[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and (b'"reports"' in head or head.rstrip() in (b"{", b"{}"))


def json_reason(msg: str) -> str:
    """json's English complaint in Chinese."""
    for english, chinese in S.JSON_ERRORS.items():
        if msg.startswith(english):
            return chinese
    return S.JSON_ERROR_OTHER


def read_json_file(path: Path) -> Any:
    """Read a store file; StoreCorrupt (line and column) for a damaged store, StoreNotAStore
    for a file that never was one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StorePathError(S.PATH_UNUSABLE.format(path=path, reason=os_reason(exc))) from None
    if not raw.strip():
        raise StoreNotAStore(path, "empty")
    store_like = _looks_like_store(raw)
    if not store_like and raw.startswith(b"PK\x03\x04"):
        raise StoreNotAStore(path, "docx" if b"word/" in raw[:4096] else "zip")
    data = _fast_loads(raw)
    if data is not None:
        return _as_store(path, data, store_like)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not store_like:
            raise StoreNotAStore(path, "not_utf8") from None
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise StoreCorrupt(path, line, col, S.STORE_NOT_UTF8) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not store_like:
            raise StoreNotAStore(path, "not_json") from None
        raise StoreCorrupt(path, exc.lineno, exc.colno, json_reason(exc.msg)) from None
    return _as_store(path, data, store_like)


def _fast_loads(raw: bytes) -> Any:
    """orjson reads a 10 MB store in about two thirds of json's time (start-up on a big store
    waits for it). None when it refuses: json then reads the file again for its exact
    line-and-column message (and the few things only json accepts, such as NaN)."""
    try:
        return orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except orjson.JSONDecodeError:
        return None


def _as_store(path: Path, data: Any, store_like: bool) -> dict[str, dict[str, Any]]:
    if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        return data
    if isinstance(data, dict) and ("place" in data or "chapters" in data or "schema" in data):
        raise StoreNotAStore(path, "report")
    if isinstance(data, list) and data and all(isinstance(d, dict) and "place" in d for d in data):
        raise StoreNotAStore(path, "reports")
    if store_like:
        raise StoreCorrupt(path, 1, 1, S.STORE_NOT_OBJECT.format(path=path))
    raise StoreNotAStore(path, "other_json")


def probe_store(path: Path, *, create_folder: bool = True) -> None:
    """Refuse, cheaply, a path that cannot be a store: the path itself, then the first bytes
    (a real store is read in full only when its beginning does not look like one)."""
    problem = path_problem(path, create_parent=create_folder)
    if problem:
        raise StorePathError(problem)
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise StorePathError(S.PATH_UNUSABLE.format(path=path, reason=os_reason(exc))) from None
    if not head.strip() or not _looks_like_store(head):
        read_json_file(path)


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file and keeps one backup."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._cache: tuple[tuple[int, int, int], dict] | None = None
        # Serialized documents by (table, id); `dirty` names the ones a write changed,
        # None meaning "any may have": then every document is encoded again.
        self._lines: dict[tuple[str, str], str] = {}
        self.dirty: set[tuple[str, str]] | None = None
        self.wrote = False  # a save went through this storage (the list is then worth keeping)

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def read(self) -> dict[str, dict[str, Any]] | None:
        stamp = self._stamp()
        if stamp is None:
            return None
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]
        data = read_json_file(self.path)
        self._lines = {}
        self._cache = (stamp, data)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.readonly:
            raise StoreWriteError(S.STORE_READONLY)
        self._cache = None
        dirty, self.dirty = self.dirty, None
        if dirty is None:
            self._lines = {}
        else:
            for key in dirty:
                self._lines.pop(key, None)
        text = dumps_store(data, self._lines)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text.encode("utf-8"), keep_backup=True)
        except (WriteFailed, OSError) as exc:
            reason = exc.reason if isinstance(exc, WriteFailed) else (exc.strerror or str(exc))
            raise StoreWriteError(S.STORE_WRITE_FAILED.format(path=self.path, reason=reason)) from exc
        stamp = self._stamp()
        if stamp is not None:
            self._cache = (stamp, data)
        self.wrote = True


def dumps_store(data: dict[str, dict[str, Any]],
                lines: dict[tuple[str, str], str] | None = None) -> str:
    """The store as JSON with one document per line: a person can read and diff it, and
    json's C encoder (which `indent` turns off) keeps a 1,000-report save fast.
    `lines` caches each document's encoding between saves."""
    if lines is None:
        lines = {}
    out = ["{"]
    for t, (table, docs) in enumerate(data.items()):
        out.append(("," if t else "") + json.dumps(table, ensure_ascii=False) + ": {")
        for i, (doc_id, doc) in enumerate(docs.items()):
            key = (table, str(doc_id))
            line = lines.get(key)
            if line is None:
                line = json.dumps(str(doc_id), ensure_ascii=False) + ": " + json.dumps(doc, ensure_ascii=False)
                lines[key] = line
            out.append(("," if i else "") + line)
        out.append("}")
    out.append("}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------ store

class Store:
    """Reports keyed by (place, year) in one JSON file; a writer holds the lock while open."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False, wait: float = 0.0,
                 create_folder: bool = True, lazy: bool = False):
        """`create_folder`: make a missing parent folder (the default store's); otherwise a
        missing folder is refused. A path that cannot be a file is refused before any lock.
        `lazy`: when the report list remembered from the last session still matches the file,
        do not read the file yet: `summaries()` answers from that list, and the first other
        access reads it (the TUI paints its list first, then reads in a worker)."""
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
                self._lock.acquire(wait=wait)
            except OSError as exc:
                raise StorePathError(S.PATH_UNUSABLE.format(path=self._lock.path,
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

    def exists(self, place: str, year: int) -> bool:
        q = Query()
        return self._table.contains((q.place == place) & (q.year == year))

    # -------------------------------------------------------- named versions
    # Snapshots (征求意见稿, 送审稿 …) live in their own table beside the working state, so a
    # store written before versions existed opens unchanged: it simply has no such table.

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
        current = self.get(place, year)
        kept = ""
        if current is not None:
            kept = S.VERSION_BEFORE_RESTORE.format(when=datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
            n = 2
            base = kept
            while self._version_doc(place, year, kept) is not None:
                kept = f"{base}（{n}）"
                n += 1
            self.save_version(current, kept, kind="before-restore")
        self.put(got[0])
        return kept


def _replace_doc(new: dict[str, Any]):
    """A TinyDB update operation that swaps the whole document for `new`."""
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(new)
    return transform
