"""Write a file so that a crash or a full disk leaves either the old file or the new one."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path


class WriteFailed(OSError):
    """The disk refused; the file at `path` is as it was. `reason` is the OS's words."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(reason)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def replace(src: Path, dst: Path, attempts: int = 20) -> None:
    """os.replace, retried: on Windows a reader or a virus scanner may hold dst briefly."""
    for i in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if i == attempts - 1:
                raise
            time.sleep(0.05 * (i + 1))


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, payload: bytes, *, keep_backup: bool = False) -> None:
    """Temp file in the same folder, fsync, os.replace; with keep_backup the previous
    file becomes `<path>.bak`. Raises WriteFailed and leaves the old file untouched."""
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    bak_tmp = folder / f".{path.name}.{os.getpid()}.bak.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            # Never write through a leftover name: it may be another link to the backup.
            unlink_quietly(bak_tmp)
            try:
                os.link(path, bak_tmp)
            except OSError:  # no hard links on this file system (FAT, some shares)
                shutil.copy2(path, bak_tmp)
            replace(bak_tmp, backup_path(path))
            # rename() between two links to one file does nothing and leaves the source.
            unlink_quietly(bak_tmp)
        replace(tmp, path)
        fsync_dir(folder)
    except OSError as exc:
        for leftover in (tmp, bak_tmp):
            unlink_quietly(leftover)
        raise WriteFailed(path, exc.strerror or str(exc)) from exc
