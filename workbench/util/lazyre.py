"""Regular expressions compiled on first use, and a code cache that spares a process compiling
them at all.

Python caches a module's bytecode between runs but never a compiled regular expression: every
process parses and compiles its patterns again, and patterns with CJK character classes
(`[\\u3400-\\u9fff…]`) are slow to compile (the compiler fills a 65,536-entry map one code
point at a time). A one-command process such as `workbench export` spent more time compiling
its ~60 patterns than writing the .docx. So the launcher turns on a cache, in the manner of
`__pycache__`: the compiled code of each pattern is kept in the user's cache folder (marshal,
keyed by the interpreter and the regex engine's version), and the next process builds its
patterns from it. Anything wrong with the cache (missing, unreadable, another Python, a code
the engine refuses) only means compiling as usual.
"""

from __future__ import annotations

import re
import sys
from typing import Any

# (pattern, flags) -> the arguments _sre.compile takes after the pattern; None: no cache.
_codes: dict[tuple[str | bytes, int], tuple] | None = None
_new = 0  # patterns compiled by this process that the cache file does not hold yet
_cache_file: str | None = None
_built: dict[tuple[str | bytes, int], re.Pattern] = {}  # this process's, as re's own cache
_WORD = "I"  # the regex engine's code word (_sre.CODESIZE == 4 bytes); part of the cache's name


def compile(pattern, flags: int = 0) -> re.Pattern:
    """`re.compile`, built from the code cache when it holds the pattern."""
    codes = _codes
    if codes is None or not isinstance(pattern, (str, bytes)):
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    built = _built.get(key)
    if built is not None:
        return built
    built = _built[key] = _build(pattern, flags, key, codes)
    return built


def _build(pattern, flags: int, key: tuple, codes: dict) -> re.Pattern:
    global _new
    args = codes.get(key)
    if args is not None:
        try:
            import _sre
            from array import array

            words = array(_WORD)
            words.frombytes(args[1])
            return _sre.compile(pattern, args[0], words.tolist(), *args[2:])
        except Exception:  # a code this engine refuses: compile it afresh
            codes.pop(key, None)
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]  # named constants: plain ints
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        import _sre
        from array import array

        compiled = _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1,
                                groupindex, tuple(indexgroup))
        # kept as the bytes of the code words: a tenth of the time to load as a list of ints
        args = (int(flags | parsed.state.flags), array(_WORD, code).tobytes(), parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # an interpreter whose regex internals differ: no cache for it
        return re.compile(pattern, flags)
    codes[key] = args
    _new += 1
    return compiled


def _cache_tag() -> str:
    import _sre

    from array import array

    if array(_WORD).itemsize != _sre.CODESIZE:
        raise ValueError("code words of another size")
    return f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.hexversion:x}"


def use_code_cache(folder: str) -> None:
    """Build patterns from the cache file in `folder` and add this process's new ones to it
    at exit. Called once by the launcher; library use and the tests compile as usual."""
    global _codes, _cache_file
    import atexit
    import marshal
    import os

    try:
        path = os.path.join(folder, f"regex-{_cache_tag()}.bin")
    except Exception:
        return
    codes: dict[tuple[str | bytes, int], tuple] = {}
    try:
        with open(path, "rb") as f:
            loaded = marshal.loads(f.read())  # marshal.load(f) reads in small pieces: 30x slower
        if isinstance(loaded, dict):
            codes = loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    _codes, _cache_file = codes, path
    atexit.register(save_code_cache)


def save_code_cache() -> None:
    """Write the cache file if this process compiled patterns it did not hold (atomically:
    a process killed half-way leaves the old file or none, never half of one)."""
    global _new
    if _codes is None or _cache_file is None or not _new:
        return
    import marshal
    import os
    import tempfile

    if len(_codes) > 4000:  # patterns built from data: keep the cache from growing for ever
        return
    try:
        os.makedirs(os.path.dirname(_cache_file), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(_cache_file), prefix=".regex-")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(_codes, f)
            os.replace(tmp, _cache_file)
        except BaseException:
            os.unlink(tmp)
            raise
        _new = 0
    except Exception:  # a read-only or full cache folder: the next process compiles again
        pass


class LazyRegex:
    """Behaves as the compiled pattern; compiles it the first time it is used."""

    # The methods used in hot loops get a slot each, filled with the compiled pattern's bound
    # method at the first use: later calls skip __getattr__ (a Python call per use otherwise).
    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split")
    __slots__ = ("_pattern", "_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = compile(self._pattern, self._flags)
            for method in LazyRegex._METHODS:
                object.__setattr__(self, method, getattr(compiled, method))
        return getattr(compiled, name)
