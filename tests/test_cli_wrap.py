"""CLI output fits the terminal: `check`, the `export` summary and the `new` note wrapped by
the Chinese line-breaking rules at COLUMNS (100 when piped), a hanging indent under each
message, a [location] never broken, nothing lost."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from workbench.cli.commands import load_examples, main
from workbench.util.textwrap_cjk import NO_LINE_START


def _run(capsys, monkeypatch, columns: int, *args) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    main(list(args))
    out, err = capsys.readouterr()
    return out + err


def _unwrapped(capsys, monkeypatch, *args) -> str:
    return _run(capsys, monkeypatch, 10_000, *args)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize("command", ["check", "export", "new"])
def test_output_fits_the_width_and_breaks_by_the_rules(capsys, monkeypatch, tmp_path, columns, command):
    db = tmp_path / "s.json"
    load_examples(db)
    if command == "check":
        args = ["--db", str(db), "check", "狮岭镇", "2024"]
    elif command == "export":
        args = ["--db", str(db), "export", "狮岭镇", "2024", "-o", str(tmp_path / "r.docx"), "--force"]
    else:
        args = ["--db", str(db), "new", "狮岭镇", "2027", "--from", "2024", "--replace"]
    wide = _unwrapped(capsys, monkeypatch, *args)
    text = _run(capsys, monkeypatch, columns, *args)
    lines = [line for line in text.splitlines() if line.strip()]
    assert any(cell_len(line) > columns for line in wide.splitlines()), "the case needs wrapping"
    too_long = [line for line in lines if cell_len(line) > columns and str(tmp_path) not in line]
    assert not too_long
    assert not [line for line in lines if line.lstrip()[0] in NO_LINE_START]
    # A [location] stays whole on one line.
    assert not [line for line in lines if line.count("[") != line.count("]")]
    # Nothing lost or reordered (the written path aside, which names tmp_path).
    assert _squeeze(text) == _squeeze(wide)
    # Continuation lines hang under the message, not at the margin.
    for before, line in zip(lines, lines[1:]):
        if re.match(r"\s+[EWI]\d{3}\s", before) and not re.match(r"\s+[EWI]\d{3}\s|\S", line):
            assert len(line) - len(line.lstrip()) >= 6


def test_the_width_is_100_when_piped_without_columns(capsys, monkeypatch, tmp_path):
    db = tmp_path / "s.json"
    load_examples(db)
    monkeypatch.delenv("COLUMNS", raising=False)
    main(["--db", str(db), "check", "狮岭镇", "2024"])
    lines = capsys.readouterr().out.splitlines()
    assert max(cell_len(line) for line in lines) <= 100
    assert max(cell_len(line) for line in lines) > 90  # filled, not wrapped narrower
