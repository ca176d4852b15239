"""The store file's format: its tables; reading, probing and writing it.

`AtomicJSONStorage` is the one seam where bytes reach the disk: UTF-8 always,
`ensure_ascii=False`, a temp file in the same folder, fsync, `os.replace` (retried where
Windows holds the file), the previous good file kept as `.bak`, and a corrupt file
reported with its path and line, never overwritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from workbench import strings as S
from workbench.storage.atomic import WriteFailed, os_reason, path_problem, write_atomic
from workbench.storage.errors import StoreCorrupt, StoreNotAStore, StorePathError, StoreWriteError

# The tables of a store file.
TABLE = "reports"
VERSIONS = "versions"  # named snapshots of reports (drafting rounds), one document each
TRASH = "trash"  # the recycle bin (回收站): deleted reports, restorable until emptied


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


ORJSON_FROM_BYTES = 1 << 20  # below this, loading orjson (~4 ms) costs more than it saves


def _fast_loads(raw: bytes) -> Any:
    """orjson reads a 10 MB store in about two thirds of json's time (start-up on a big store
    waits for it); a small store is read by json, which every command loads anyway. None when
    it refuses: json then reads the file again for its exact line-and-column message (and the
    few things only json accepts, such as NaN)."""
    if len(raw) < ORJSON_FROM_BYTES:
        return None
    import orjson

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
