from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import main
from conftest import EXAMPLES, ROOT, example_dict


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_show_json_equals_example(db, capsys):
    code, out, err = run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2023.json"))
    assert code == 0 and "狮岭镇 2023" in out
    code, out, _ = run(capsys, "--db", str(db), "show", "狮岭镇", "2023", "--json")
    assert code == 0
    assert json.loads(out) == example_dict(2023)


def test_import_refuses_to_overwrite_without_replace(db, capsys):
    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2023.json"))
    code, _, err = run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2023.json"))
    assert code == 2 and "--replace" in err and err.count("\n") == 1
    code, _, _ = run(capsys, "--db", str(db), "import", "--replace", str(EXAMPLES / "shiling-2023.json"))
    assert code == 0


def test_import_dry_run_stores_nothing(db, capsys):
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--json",
                       str(EXAMPLES / "shiling-2024.json"))
    assert code == 0 and json.loads(out)["year"] == 2024
    assert not db.exists()


def test_new_rolls_a_report_over(db, capsys):
    for y in (2023, 2024):
        run(capsys, "--db", str(db), "import", str(EXAMPLES / f"shiling-{y}.json"))
    code, out, err = run(capsys, "--db", str(db), "new", "狮岭镇", "2025", "--from", "2024")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db), "show", "狮岭镇", "2025", "--json")
    doc = json.loads(out)
    assert doc["status"] == "draft" and doc["year"] == 2025
    titles = [c["title"] for c in doc["chapters"]]
    assert titles[:2] == ["2024年工作回顾", "2025年工作安排"]
    old = example_dict(2024)
    assert [r["name"] for r in doc["results"]] == [t["name"] for t in old["targets"]]
    assert all(r["value"] is None and r["growth_pct"] is None for r in doc["results"])
    code, out, _ = run(capsys, "--db", str(db), "show", "狮岭镇", "2025")
    assert code == 0 and "一、2024年工作回顾" in out and "（一）" in out


def test_list_json_and_plain(db, capsys):
    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2024.json"))
    code, out, _ = run(capsys, "--db", str(db), "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["place"] == "狮岭镇" and rows[0]["year"] == 2024 and rows[0]["status"] == "draft"
    code, out, _ = run(capsys, "--db", str(db), "list")
    assert "草稿" in out


@pytest.mark.parametrize("args, fragment", [
    (["show", "狮岭镇", "2023"], "没有 狮岭镇 2023"),
    (["show", "狮岭镇", "二〇二三"], "年份"),
    (["frobnicate"], "不是可用的命令"),
    (["import", "nowhere.json"], "找不到文件"),
    (["show"], "缺少参数"),
])
def test_failures_print_one_chinese_line_and_exit_2(db, capsys, args, fragment):
    code, out, err = run(capsys, "--db", str(db), *args)
    assert code == 2
    assert fragment in err and err.count("\n") == 1


def test_bad_json_file_names_line(db, capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"place": "狮岭镇",\n "year": }', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 2 and "第2行" in err and str(bad) in err


def test_console_entry_point_runs(db):
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "list"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "还没有报告" in proc.stdout


def _load_examples(db, capsys):
    for y in (2023, 2024):
        run(capsys, "--db", str(db), "import", str(EXAMPLES / f"shiling-{y}.json"))


def test_check_on_the_example(db, capsys):
    _load_examples(db, capsys)
    code, out, _ = run(capsys, "--db", str(db), "check", "狮岭镇", "2024")
    assert code == 0  # warnings only
    assert "警告（6）" in out and "规上工业总产值未完成" in out and "对照 2023 年" in out
    code, out, _ = run(capsys, "--db", str(db), "check", "狮岭镇", "2024", "--json")
    findings = json.loads(out)
    assert {f["code"] for f in findings} >= {"W201", "I202", "W301", "W401", "I501"}


def test_check_exits_1_on_errors(db, capsys, r2024):
    _load_examples(db, capsys)
    r2024.results.pop(0)
    path = db.parent / "changed.json"
    path.write_text(r2024.to_json(), encoding="utf-8")
    run(capsys, "--db", str(db), "import", "--replace", str(path))
    code, out, _ = run(capsys, "--db", str(db), "check", "狮岭镇", "2024")
    assert code == 1 and "E101" in out


def test_check_missing_report_exits_2(db, capsys):
    code, _, err = run(capsys, "--db", str(db), "check", "狮岭镇", "2030")
    assert code == 2 and "2030" in err
