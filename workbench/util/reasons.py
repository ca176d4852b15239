"""Why a library call failed, in Chinese, from the exception's type: a damaged or unusual file
makes python-docx, zipfile and lxml raise many kinds, whose names (KeyError, BadZipFile …)
mean nothing to the drafter."""

from __future__ import annotations

import re
import zipfile

from workbench import strings as S


def exception_reason(exc: BaseException) -> str:
    """One short Chinese phrase for what went wrong (never the exception's English name)."""
    name = type(exc).__name__
    if isinstance(exc, KeyError):
        part = str(exc.args[0]) if exc.args else ""
        quoted = re.search(r"'([^']+)'", part)  # zipfile: "There is no item named 'x' in the archive"
        part = quoted.group(1) if quoted else ("" if " " in part else part)
        return S.REASON_MISSING_PART.format(part=part) if part else S.REASON_MISSING_PART_BARE
    if isinstance(exc, zipfile.BadZipFile) or name == "PackageNotFoundError":
        return S.REASON_NOT_ZIP
    if name in ("XMLSyntaxError", "ParseError") or "XML" in name:
        return S.REASON_BAD_XML
    if isinstance(exc, UnicodeError):
        return S.REASON_ENCODING
    if isinstance(exc, MemoryError):
        return S.REASON_TOO_LARGE
    if isinstance(exc, NotImplementedError):
        return S.REASON_UNSUPPORTED_PACKING
    if isinstance(exc, PermissionError):
        return S.REASON_NO_PERMISSION
    if isinstance(exc, OSError):
        return S.REASON_READ_FAILED
    return S.REASON_DAMAGED
