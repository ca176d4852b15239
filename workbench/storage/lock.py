"""The writer's lock: an OS lock on `<store>.lock`, held while a store is open for writing,
with who holds it written inside so a second writer is told."""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.storage.errors import StoreLocked


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


_WIN_LOCK_OFFSET = 1 << 20  # lock a byte past the holder text so readers can still read it


class StoreLock:
    """An exclusive OS lock on `<store>.lock`, released by the OS if the process dies."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0, on_wait=None) -> None:
        """Lock, waiting up to `wait` seconds for another writer; `on_wait(holder)` is called
        once when the first try fails and there is time to wait (to say so)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        told = False
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
            if on_wait is not None and not told:
                told = True
                on_wait(self.read_holder())
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
