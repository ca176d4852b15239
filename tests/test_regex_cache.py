"""The regular-expression code cache (util/lazyre): patterns built from it behave exactly as
re.compile's, a damaged or foreign cache only means compiling again, and a process writes it
atomically at exit, in the cache folder it was given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.util import lazyre

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [
    (r"(?P<num>[0-9０-９]+(?:[.．][0-9]+)?)(?P<unit>亿元|万元|%)?", 0),
    (r"[\u3400-\u9fff，。；：“”、（）]+", 0),
    (r"(?<=[\u4e00-\u9fff])[,;:()]|[,;:()](?=[\u4e00-\u9fff])", 0),
    (r"^(\S[^\n]*?):$", re.M),
    (r"ab+c", re.I),
    (rb'<w:font w:name="([^"]+)"\s*(?:/>|>.*?</w:font>)', re.S),
]
TEXTS = ["全镇生产总值143.6亿元，增长5.5%", "ABBC abc", "城市,乡村:道路(一)", "标题:\n正文", "２０２４年",
         "<w:font w:name=\"宋体\"/>"]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """lazyre's module state, set to use a cache in tmp_path and put back afterwards."""
    for name in ("_codes", "_new", "_cache_file", "_built"):
        monkeypatch.setattr(lazyre, name, getattr(lazyre, name) if name != "_built" else {})
    lazyre.use_code_cache(str(tmp_path / "cache"))
    yield tmp_path / "cache"


def _outcome(pattern: re.Pattern, text):
    subject = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    return ([m.groupdict() or m.groups() or m.group(0) for m in pattern.finditer(subject)],
            pattern.flags, pattern.groups, dict(pattern.groupindex))


def test_patterns_built_from_the_cache_behave_as_compiled_ones(fresh_cache, monkeypatch):
    for pattern, flags in PATTERNS:
        lazyre.compile(pattern, flags)
    lazyre.save_code_cache()
    files = list(fresh_cache.iterdir())
    assert len(files) == 1 and files[0].name.startswith("regex-")
    expected = {(p, f): [_outcome(re.compile(p, f), t) for t in TEXTS] for p, f in PATTERNS}
    # A new process: the state reset, everything comes from the file, nothing is parsed.
    monkeypatch.setattr(lazyre, "_built", {})
    lazyre.use_code_cache(str(fresh_cache))
    from re import _parser

    def no_parsing(*a, **k):
        raise AssertionError("a cached pattern was parsed again")

    monkeypatch.setattr(_parser, "parse", no_parsing)
    for pattern, flags in PATTERNS:
        cached = lazyre.compile(pattern, flags)
        assert [_outcome(cached, t) for t in TEXTS] == expected[pattern, flags], pattern
    assert lazyre._new == 0


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"{not marshal"])
def test_a_damaged_cache_file_only_means_compiling_again(fresh_cache, monkeypatch, damage):
    lazyre.compile(PATTERNS[0][0])
    lazyre.save_code_cache()
    (path,) = fresh_cache.iterdir()
    path.write_bytes(damage)
    monkeypatch.setattr(lazyre, "_built", {})
    lazyre.use_code_cache(str(fresh_cache))
    got = lazyre.compile(PATTERNS[0][0])
    assert got.fullmatch("143.6亿元").group("unit") == "亿元"


def test_a_cached_code_the_engine_refuses_is_compiled_afresh(fresh_cache, monkeypatch):
    pattern = PATTERNS[1][0]
    lazyre.compile(pattern)
    key = (pattern, 0)
    flags, code, groups, index, names = lazyre._codes[key]
    lazyre._codes[key] = (flags, b"\xff\xff\xff\xff" * 3, groups, index, names)  # not SRE code
    monkeypatch.setattr(lazyre, "_built", {})
    assert lazyre.compile(pattern).fullmatch("城镇，乡村")


def test_the_launcher_writes_the_cache_into_its_cache_folder(tmp_path):
    env = dict(os.environ, WORKBENCH_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT),
               WORKBENCH_DB=str(tmp_path / "s.json"))
    run = subprocess.run([sys.executable, "-m", "workbench", "list"], env=env, capture_output=True,
                         text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    written = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert [n for n in written if n.startswith("regex-")], written
    assert not [n for n in written if n.startswith(".regex-")]  # no temporary file left behind


def test_the_digest_helpers_give_hashlibs_and_uuids_values():
    """util/digest spares an export hashlib's and uuid's start-up; the values must not change
    (a review copy is recognised by its fingerprint and its data part's ID)."""
    import hashlib
    import uuid

    from workbench.util.digest import sha256_hex, uuid5_url

    for name in ("", "a", "urn:workbench:狮岭镇:2024", "x" * 500):
        assert uuid5_url(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))
    parts = [b"", "第一章".encode("utf-8"), b"\x1f" * 3, bytes(range(256))]
    assert sha256_hex(parts) == hashlib.sha256(b"".join(parts)).hexdigest()
