"""A regular expression compiled on first use, so importing a module costs no compile time."""

from __future__ import annotations

import re
from typing import Any


class LazyRegex:
    """Behaves as the compiled pattern; compiles it the first time it is used."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        return getattr(compiled, name)
