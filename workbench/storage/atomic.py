"""Write a file so that a crash or a full disk leaves either the old file or the new one."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import time
from pathlib import Path

from workbench import strings as S


def os_reason(exc: BaseException) -> str:
    """The OS's complaint in Chinese (the English strerror only for an errno we have no words for)."""
    if isinstance(exc, ValueError):
        return S.OS_ERRORS["nul"]
    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if code is not None else ""
    if name in S.OS_ERRORS:
        return S.OS_ERRORS[name]
    text = getattr(exc, "strerror", None) or str(exc)
    return S.OS_ERROR_OTHER.format(code=name or code or "?", text=text)


_KINDS = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
          (stat.S_ISSOCK, "socket"))


def path_problem(path: Path, *, write: bool = False, create_parent: bool = False,
                 store: bool = True) -> str | None:
    """Why `path` cannot be used as a regular file (read, or also written), in Chinese; None
    when it can. A missing file is fine when its folder exists (or may be created)."""
    text = str(path)
    if "\x00" in text:
        return S.PATH_NUL.format(path=text.replace("\x00", "\\0"))
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        code = getattr(exc, "errno", None)
        if code == errno.ENOENT:
            return _missing_problem(path, write=write, create_parent=create_parent)
        return S.PATH_UNUSABLE.format(path=path, reason=os_reason(exc))
    if stat.S_ISDIR(st.st_mode):
        return (S.PATH_IS_FOLDER if store else S.PATH_IS_FOLDER_INPUT).format(path=path)
    for test, kind in _KINDS:
        if test(st.st_mode):
            return S.PATH_NOT_FILE.format(path=path, kind=S.FILE_KINDS[kind])
    if not os.access(path, os.R_OK):
        return S.PATH_NO_READ.format(path=path)
    if write and not os.access(path, os.W_OK):
        return S.PATH_NO_WRITE.format(path=path)
    return None


def _missing_problem(path: Path, *, write: bool, create_parent: bool) -> str | None:
    folder = path.parent
    if path.is_symlink():
        return S.PATH_DANGLING_LINK.format(path=path)
    try:
        st = os.stat(folder)
    except (OSError, ValueError) as exc:
        if getattr(exc, "errno", None) == errno.ENOENT:
            return None if create_parent else S.PATH_NO_FOLDER.format(path=path, folder=folder)
        return S.PATH_UNUSABLE.format(path=path, reason=os_reason(exc))
    if not stat.S_ISDIR(st.st_mode):
        return S.PATH_UNUSABLE.format(path=path, reason=S.OS_ERRORS["ENOTDIR"])
    if write and not os.access(folder, os.W_OK | os.X_OK):
        return S.PATH_NO_CREATE.format(path=path, folder=folder)
    return None


class WriteFailed(OSError):
    """The disk refused; the file at `path` is as it was. `reason` is in Chinese."""

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


def write_atomic(path: Path, payload: bytes, *, keep_backup: bool = False, durable: bool = True) -> None:
    """Temp file in the same folder, fsync, os.replace; with keep_backup the previous
    file becomes `<path>.bak`. Raises WriteFailed and leaves the old file untouched.
    `durable=False` skips the two fsyncs (10-20 ms on a disk) for a file made again from the
    store at any time (an exported .docx): still never half-written, as the rename is atomic."""
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    bak_tmp = folder / f".{path.name}.{os.getpid()}.bak.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            if durable:
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
        if durable:
            fsync_dir(folder)
    except OSError as exc:
        for leftover in (tmp, bak_tmp):
            unlink_quietly(leftover)
        raise WriteFailed(path, os_reason(exc)) from exc
