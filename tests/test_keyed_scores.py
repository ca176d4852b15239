"""The importer scored against hand-keyed real texts it was not written from (issue 22).

../shared/corpus/keyed/ holds real town, county and city pages, news items and fragments with
answer keys; ../shared/tools/score_keys.py scores `workbench import --dry-run --json` against
them. This test runs that scorer's own measures (its module, loaded from the shared folder)
with the CLI called in this process, and asserts the levels reached. Where a level is below
what issue 22 asks, the assertion is a ratchet at the level reached, named as such below, so a
change can only hold or raise it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import types
from pathlib import Path

import pytest

from sharedcorpus import CORPUS, MISSING, SHARED

KEYED = CORPUS / "keyed"
SCORER = SHARED / "tools" / "score_keys.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_keys", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _in_process(argv: list[str]) -> types.SimpleNamespace:
    from workbench.cli.commands import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def score_folder(folder: Path, monkeypatch, tmp_path) -> dict:
    """The scorer's totals over every key in the folder, the import run in this process."""
    module = _scorer()

    def import_json(path, extra=()):
        p = _in_process(["import", str(path), "--dry-run", "--json", *extra])
        if p.returncode != 0:
            return p, None
        try:
            d = module.json.loads(p.stdout)
        except ValueError:
            return p, None
        return p, (d if isinstance(d, list) else [d])

    monkeypatch.setattr(module, "import_json", import_json)
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "reports.json"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)
    with contextlib.redirect_stdout(io.StringIO()) as shown:
        totals = module.main([str(folder)])
    totals["_shown"] = shown.getvalue()
    return totals


def _pct(a: int, b: int) -> float:
    return 100.0 * a / b if b else 100.0


@pytest.mark.skipif(not KEYED.is_dir() or not SCORER.exists(), reason=MISSING)
def test_keyed_real_texts_score(monkeypatch, tmp_path):
    S = score_folder(KEYED, monkeypatch, tmp_path)
    report = S["_shown"]
    # Issue 22's thresholds where they are reached; RATCHET marks a level below the issue's,
    # asserted at what this branch reaches, so a change can only hold or raise it.
    # place+year: 20 of 21 (traditional texts keep the place as they spell it: 嘉興市); the one
    # left names its 街道 only by a stem no list holds (宗汉).
    assert _pct(S["asis_ok"], S["asis_n"]) >= 95, report
    assert _pct(S["t_right"], S["t_n"]) >= 95, report
    assert _pct(S["t_right"], S["t_pred"]) >= 97, report
    assert _pct(S["r_right"], S["r_n"]) >= 90, report
    assert _pct(S["r_right"], S["r_pred"]) >= 97, report
    # The scorer looks for each piece anywhere in the body, so it also finds the furniture's words
    # inside the report's own sentences (山东 in "对山东、对济南工作", 主题 in "工作主题主线",
    # the site's 某县人民政府 in a news sentence, 政府工作报告 in "向大会作政府工作报告").
    # test_no_furniture_line_left counts only what the text's own sentences do not hold: 0.
    assert S["furniture"] <= 3, report
    assert S["titlebits"] <= 1, report


def _own_text(text: str, pieces: list[str]) -> str:
    """The text without its furniture and title-block lines: a line that is a piece, or is
    mostly one, goes, and so does a piece of five or more characters that opens or closes a
    line (a dateline, a byline); a sentence that merely contains a piece's words stays."""
    kept = []
    for line in text.splitlines():
        bare = line.strip()
        for piece in pieces:
            if piece and piece in bare and (len(piece) * 2 >= len(bare) or len(piece) >= 5 and (
                    bare.startswith(piece) or bare.endswith(piece))):
                bare = bare.replace(piece, " ")
        kept.append(bare)
    return "\n".join(kept)


@pytest.mark.skipif(not KEYED.is_dir() or not SCORER.exists(), reason=MISSING)
def test_no_furniture_line_left(monkeypatch, tmp_path):
    """No furniture or title-block piece is left in the body: the body holds a piece no more
    often than the text's own sentences (furniture and title-block lines taken out) do."""
    from workbench.reading.lines import normalise, simplified

    module = _scorer()
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "reports.json"))
    monkeypatch.chdir(tmp_path)
    left = []
    for key_path in sorted(KEYED.glob("*.json")):
        key = module.json.loads(key_path.read_text(encoding="utf-8"))
        if key.get("is_report") is False:
            continue
        src = module.source_of(key_path)
        extra = ()
        p = _in_process(["import", str(src), "--dry-run", "--json"])
        if p.returncode != 0:
            extra = ("--place", key.get("place") or key.get("place_truth") or "某地",
                     "--year", str(key.get("year") or 2024))
            p = _in_process(["import", str(src), "--dry-run", "--json", *extra])
        assert p.returncode == 0, (key_path.name, p.stderr)
        reps = module.json.loads(p.stdout)
        body = module.body_text(reps[0] if isinstance(reps, list) else reps)
        tb = key.get("title_block") or {}
        tb_pieces = [x for v in tb.values() for x in (v if isinstance(v, list) else [v]) if x] \
            if isinstance(tb, dict) else list(tb)
        pieces = [f.strip() for f in (key.get("furniture") or []) + tb_pieces if f.strip()]
        own = "\n".join(normalise(simplified(ln)) for ln in _own_text(src.read_text(encoding="utf-8"),
                                                                        pieces).splitlines())
        for piece in pieces:
            read = normalise(simplified(piece))
            if body.count(piece) + (body.count(read) if read != piece else 0) > own.count(read):
                left.append(f"{key_path.stem}: {piece[:24]}")
    assert not left, "\n".join(left)
