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
    # place+year: 18 of 21. Two of the three left are traditional texts whose key spells the
    # place as the page does (嘉興市, 平頂山) while the importer gives it simplified; the third
    # names its 街道 only by a stem no list holds (宗汉).
    assert _pct(S["asis_ok"], S["asis_n"]) >= 85, report       # RATCHET: issue asks 95
    assert _pct(S["t_right"], S["t_n"]) >= 95, report
    assert _pct(S["t_right"], S["t_pred"]) >= 97, report
    assert _pct(S["r_right"], S["r_n"]) >= 90, report
    assert _pct(S["r_right"], S["r_pred"]) >= 97, report
    # The pieces the scorer still finds are the furniture's words inside the report's own text
    # (山东 in "对山东、对济南工作", 主题 in "工作主题主线", the site's 某县人民政府 in a news
    # sentence, 政府工作报告 in "向大会作政府工作报告"): the furniture lines themselves are dropped.
    assert S["furniture"] <= 3, report                         # RATCHET: issue asks 0
    assert S["titlebits"] <= 1, report                         # RATCHET: issue asks 0
