"""The report list remembered in the user's cache folder, so the next start-up paints it
before the store file is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from workbench.storage.atomic import WriteFailed, write_atomic
from workbench.util.cachedir import cache_folder


def list_cache_path(path: Path) -> Path:
    """Where the report list of the store at `path` is remembered between sessions: the
    user's cache folder, one small file per store, named by the store's full path."""
    import hashlib

    folder = cache_folder()
    name = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:20]
    return Path(folder) / f"list-{name}.json"


def read_list_cache(path: Path, stamp: tuple[int, int, int] | None) -> list[dict[str, Any]] | None:
    """The rows remembered for the store as it is on disk now (same mtime, size and inode),
    or None. A store written since, by us or anyone, never matches."""
    if stamp is None:
        return None
    import orjson  # here, not at the top: a command that never lists never loads it

    try:
        data = orjson.loads(list_cache_path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != list(stamp) or not isinstance(data.get("rows"), list):
        return None
    return data["rows"]


def write_list_cache(path: Path, stamp: tuple[int, int, int], rows: list[dict[str, Any]]) -> None:
    """Best effort: a cache folder that cannot be written costs the next start-up time, nothing else."""
    import orjson

    target = list_cache_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, orjson.dumps({"stamp": list(stamp), "rows": rows}), keep_backup=False)
    except (WriteFailed, OSError):
        pass
