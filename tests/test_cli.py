from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli.commands import build_parser, main
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


# ------------------------------------------------------------ paths that are not a store

import io
import os
import re
import contextlib
import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st
from docx import Document

from workbench.writing.export import export_report
from workbench.document.model import Report


def _make_bad_path(kind: str, folder: Path, name: str = "x") -> Path:
    """A --db path of one kind that can never be a store; files it needs are made here."""
    if kind == "folder":
        p = folder / f"{name}_dir"
        p.mkdir()
    elif kind == "missing_folder":
        p = folder / f"{name}_nodir" / "x.json"
    elif kind == "fifo":
        p = folder / f"{name}.fifo"
        os.mkfifo(p)
    elif kind == "device":
        p = Path("/dev/null")
    elif kind == "loop":
        p = folder / f"{name}_loop1"
        os.symlink(folder / f"{name}_loop2", p)
        os.symlink(p, folder / f"{name}_loop2")
    elif kind == "nul":
        p = folder / f"{name}\x00.json"
    elif kind == "too_long":
        p = folder / (name * 300)[:300]
    elif kind == "not_json":
        p = folder / f"{name}.json"
        p.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == "empty":
        p = folder / f"{name}.json"
        p.write_bytes(b"")
    elif kind == "report":
        p = folder / f"{name}.json"
        p.write_text((EXAMPLES / "shiling-2023.json").read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == "docx":
        p = folder / f"{name}.json"
        report = Report.from_dict(example_dict(2023))
        export_report(report, folder / f"{name}.docx")
        (folder / f"{name}.docx").rename(p)
    elif kind == "damaged":
        p = folder / f"{name}.json"
        p.write_text('{"reports": {"1": {"place": "狮岭镇",\n "year": 20', encoding="utf-8")
    else:
        raise AssertionError(kind)
    return p


MESSAGES = {
    "folder": r"^.*_dir 是一个文件夹，不是文件；请给出文件名，如 .*_dir/reports\.json$",
    "missing_folder": r"^文件夹 .*_nodir 不存在，无法使用 .*x\.json；请先建好这个文件夹（工作台不会自动创建它）$",
    "fifo": r"^.*\.fifo 是命名管道，不是普通文件$",
    "device": r"^/dev/null 是设备文件，不是普通文件$",
    "loop": r"^无法使用 .*_loop1：符号链接形成了循环$",
    "nul": r"^路径“.*\\0\.json”中含有空字符（NUL），不是有效的文件名$",
    "too_long": r"^无法使用 .*：路径或文件名太长$",
    "not_json": r"^.*\.json 不是工作台的数据库：这不是 JSON 文件。请用 --db 指向 \.json 数据库文件，或指向一个尚不存在的文件以新建数据库$",
    "empty": r"^.*\.json 不是工作台的数据库：这是一个空文件。",
    "report": r"^.*\.json 不是工作台的数据库：这是一份报告文档（JSON），不是数据库。要把它存入数据库，请运行 workbench --db 数据库文件 import .*\.json$",
    "docx": r"^.*\.json 不是工作台的数据库：这是一份 Word 文档。要把它存入数据库，请运行 workbench --db 数据库文件 import .*\.json$",
    "damaged": r"^数据库文件 .*\.json 已损坏（第2行第12列：此处应有逗号），未作任何改动；没有上一版备份（.*\.json\.bak 不存在）$",
}
SUBCOMMANDS = [
    ["list"], ["list", "--json"], ["show", "狮岭镇", "2024"], ["check", "狮岭镇", "2024"],
    ["export", "狮岭镇", "2024", "-o", "{out}"], ["compare", "狮岭镇", "2023", "2024"],
    ["compare", "狮岭镇", "--years", "2022-2024"], ["compare", "狮岭镇", "2023", "2024", "-o", "{out}"],
    ["compare", "狮岭镇", "--years", "2022-2024", "-o", "{out}"],
    ["new", "狮岭镇", "2025"], ["import", str(EXAMPLES / "shiling-2023.json")],
]


def _tree(folder: Path) -> dict[str, bytes | None]:
    out = {}
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file():
            out[str(p)] = None
        else:
            try:
                out[str(p)] = p.read_bytes()
            except OSError:
                out[str(p)] = None
    return out


def _run_quietly(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def _check_refused(kind: str, folder: Path, command: list[str], name: str = "x") -> None:
    db = _make_bad_path(kind, folder, name)
    args = [a.replace("{out}", str(folder / "out.docx")) for a in command]
    before = _tree(folder)
    code, out, err = _run_quietly(["--db", str(db), *args])
    assert code == 2, (kind, command, out, err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err, (kind, command, err)
    assert re.match(MESSAGES[kind], err.rstrip("\n")), (kind, command, err)
    assert _tree(folder) == before, (kind, command)  # nothing created, nothing changed
    assert not list(folder.rglob("*.lock")) and not list(folder.rglob("*.bak"))


@pytest.mark.parametrize("kind", sorted(MESSAGES))
@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: "-".join(c[:2]))
def test_every_unusable_store_path_is_one_chinese_line(tmp_path, kind, command):
    _check_refused(kind, tmp_path, command)


@settings(max_examples=120, deadline=None)
@given(kind=st.sampled_from(sorted(MESSAGES)), command=st.sampled_from(SUBCOMMANDS),
       name=st.text(alphabet="abc狮岭镇报告_-1", min_size=1, max_size=8))
def test_property_no_traceback_and_no_file_for_any_bad_store_path(kind, command, name):
    from fuzzcount import count

    count("CLI: bad store paths through every subcommand")
    with tempfile.TemporaryDirectory() as d:
        _check_refused(kind, Path(d), command, name)


def test_damaged_store_names_its_backup_only_when_it_exists(tmp_path, capsys):
    db = tmp_path / "s.json"
    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2023.json"))
    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2024.json"))  # makes s.json.bak
    db.write_bytes(db.read_bytes()[:300])
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 2 and f"上一版备份在 {db}.bak" in err and "已损坏" in err
    assert re.search(r"第\d+行第\d+列：[^A-Za-z]+）", err)  # the JSON complaint in Chinese


def test_no_permission_is_said_in_chinese(tmp_path, capsys, monkeypatch):
    # The suite may run as root, for whom every file is writable: the OS answer is simulated.
    db = tmp_path / "s.json"
    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2023.json"))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if str(p) == str(db) else real_access(p, mode, **k))
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "import", "--replace", str(EXAMPLES / "shiling-2023.json"))
    assert code == 2 and err == f"没有权限读取 {db}\n"
    assert db.read_bytes() == before


def test_missing_folder_is_not_created(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "nodir" / "x.json"), "import",
                       str(EXAMPLES / "shiling-2023.json"))
    assert code == 2 and "不会自动创建" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind, pattern", [
    ("folder", r"是一个文件夹，不是文件"), ("fifo", r"是命名管道"), ("device", r"是设备文件"),
    ("loop", r"符号链接形成了循环"), ("nul", r"空字符"), ("too_long", r"太长"),
])
def test_import_of_an_unusable_file_is_one_chinese_line(tmp_path, kind, pattern):
    src = _make_bad_path(kind, tmp_path)
    before = _tree(tmp_path)
    code, out, err = _run_quietly(["--db", str(tmp_path / "s.json"), "import", str(src)])
    assert code == 2 and err.count("\n") == 1 and re.search(pattern, err), err
    assert _tree(tmp_path) == before


# ------------------------------------------------------------ help, version, suggestions

ENGLISH_SCAFFOLDING = ("usage:", "positional arguments", "options:", "optional arguments",
                       "show this help", "show program's version")


@pytest.mark.parametrize("command", [[], ["demo"], ["list"], ["import"], ["new"], ["show"],
                                     ["check"], ["compare"], ["export"]])
def test_help_is_chinese_throughout(command, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：workbench")
    assert not any(word in out.lower() for word in ENGLISH_SCAFFOLDING)
    assert "选项：" in out and "显示这段帮助后退出" in out
    from rich.cells import cell_len
    assert max(cell_len(line) for line in out.splitlines()) <= 100


def test_every_subcommand_and_argument_has_chinese_help():
    import argparse

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {c.dest for c in sub._choices_actions} == set(sub.choices)
    for choice in sub._choices_actions:
        assert re.search(r"[\u4e00-\u9fff]", choice.help), choice.dest
    for name, p in sub.choices.items():
        assert p.description and re.search(r"[\u4e00-\u9fff]", p.description), name
        for action in p._actions:
            assert action.help and re.search(r"[\u4e00-\u9fff]", action.help), (name, action.dest)


def test_exit_codes_in_check_and_export_help(capsys):
    for command in ("check", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "退出码：0" in out and "2 用法有误" in out
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "1 发现错误" in capsys.readouterr().out


def test_db_help_shows_the_resolved_default(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "库.json"))
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert f"默认：{tmp_path / '库.json'}" in capsys.readouterr().out


def test_version(capsys):
    from workbench import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out == f"报告工作台 workbench {__version__}\n"


@pytest.mark.parametrize("args, said", [
    (["show", "狮岭", "2023"], "；是否要找 狮岭镇 2023？"),
    (["check", "狮岭镇 ", "2024"], "；是否要找 狮岭镇 2024？"),
    (["show", "狮岭镇", "2022"], "；数据库中 狮岭镇 有这些年份的报告：2023、2024"),
    (["compare", "狮領鎮", "2023", "2024"], "；是否要找 狮岭镇 2023？"),
    (["compare", "狮岭", "--years", "2022-2024"], "；是否要找 狮岭镇？"),
    (["export", "狮岭", "2030"], "；是否要找 狮岭镇 2024？"),
    (["compare", "狮岭镇", "--years", "2010-2012"], "；数据库中 狮岭镇 有这些年份的报告：2023、2024"),
    (["new", "狮岭", "2025"], "；是否要找 狮岭镇 2024？"),
    (["new", "狮岭镇", "2025", "--from", "2022"], "；数据库中 狮岭镇 有这些年份的报告：2023、2024"),
])
def test_near_miss_places_and_years_are_suggested(db, capsys, args, said):
    _load_examples(db, capsys)
    code, _, err = run(capsys, "--db", str(db), *args)
    assert code == 2 and err.endswith(said + "\n") and err.count("\n") == 1


def test_nothing_close_suggests_nothing(db, capsys):
    _load_examples(db, capsys)
    code, _, err = run(capsys, "--db", str(db), "show", "新华街道", "2024")
    assert code == 2 and err == "数据库中没有 新华街道 2024 年的报告（workbench list 可列出已有报告）\n"


# ------------------------------------------------------------ small promises

def test_dry_run_says_the_real_import_would_be_refused(db, capsys):
    _load_examples(db, capsys)
    before = db.read_bytes()
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", str(EXAMPLES / "shiling-2023.json"))
    assert code == 0 and out.endswith(
        "（试运行，未保存；数据库中已有 狮岭镇 2023 年的报告，正式导入会被拒绝，除非加 --replace）\n")
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--replace",
                       str(EXAMPLES / "shiling-2023.json"))
    assert code == 0 and "正式导入会覆盖数据库中已有的 狮岭镇 2023 年报告" in out
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["export", "狮岭镇", "2024"], ["compare", "狮岭镇", "2023", "2024"]])
def test_export_refuses_to_overwrite_without_force(db, capsys, tmp_path, command):
    _load_examples(db, capsys)
    out = tmp_path / "文稿.docx"
    out.write_bytes(b"the drafter's own edits")
    code, _, err = run(capsys, "--db", str(db), *command, "-o", str(out))
    assert code == 2 and err == f"{out} 已存在，未覆盖；如要覆盖请加 --force\n"
    assert out.read_bytes() == b"the drafter's own edits"
    code, _, _ = run(capsys, "--db", str(db), *command, "-o", str(out), "--force")
    assert code == 0 and Document(str(out)).paragraphs


def test_demo_removes_its_temporary_folder(monkeypatch, capsys, tmp_path):
    import workbench.cli.commands as cli

    seen, temporary = [], []

    def tui(args, path=None, **kw):
        seen.append(path)
        temporary.append(kw.get("temporary", False))
        return 0
    monkeypatch.setattr(cli, "cmd_tui", tui)
    assert main(["demo"]) == 0
    assert seen[0].name == "reports.json" and seen[0].parent.name.startswith("workbench-demo-")
    assert not seen[0].parent.exists()
    assert temporary == [True]  # the TUI is told its store goes on exit (its title says so)
    # An exception in the TUI still removes it.
    def boom(args, path=None, **kw):
        seen.append(path)
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "cmd_tui", boom)
    assert main(["demo"]) == 130 and not seen[1].parent.exists()
    # With --folder the store is kept, and the TUI is not told otherwise.
    monkeypatch.setattr(cli, "cmd_tui", tui)
    assert main(["demo", "--folder", str(tmp_path / "示例")]) == 0
    assert (tmp_path / "示例" / "reports.json").is_file()
    assert temporary == [True, False]


@pytest.mark.parametrize("kind", ["folder", "not_json", "report", "fifo"])
def test_the_tui_is_not_started_on_a_bad_store(tmp_path, kind, monkeypatch):
    import workbench.tui.app as tui_app

    started = []
    monkeypatch.setattr(tui_app, "run", lambda path: started.append(path))
    db = _make_bad_path(kind, tmp_path)
    before = _tree(tmp_path)
    code, out, err = _run_quietly(["--db", str(db)])
    assert code == 2 and re.match(MESSAGES[kind], err.rstrip("\n")) and not started
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("command", [["export", "狮岭镇", "2024"], ["compare", "狮岭镇", "2023", "2024"]])
@pytest.mark.parametrize("target, pattern", [
    ("/dev/null", r"^/dev/null 是设备文件，不是普通文件$"),
    ("{tmp}/nodir/a.docx", r"^文件夹 .*/nodir 不存在，无法使用 .*/nodir/a\.docx；"),
    ("{tmp}/" + "长" * 200 + ".docx", r"^无法使用 .*：路径或文件名太长$"),
])
def test_export_to_an_unusable_path_even_with_force(db, capsys, tmp_path, command, target, pattern):
    _load_examples(db, capsys)
    before = _tree(tmp_path)
    code, _, err = run(capsys, "--db", str(db), *command, "-o", target.replace("{tmp}", str(tmp_path)), "--force")
    assert code == 2 and re.match(pattern, err.rstrip("\n")) and err.count("\n") == 1
    assert _tree(tmp_path) == before
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("make, said", [
    (lambda d: d, "是一个文件夹；--template 要的是一个 .docx 模板文件"),
    (lambda d: d / "none.docx", "找不到模板文件"),
    (lambda d: (d / "t.docx").write_text("不是 zip") and d / "t.docx", "不是可用的 Word 文档（不是 .docx（zip）文件）"),
])
def test_bad_template_is_one_chinese_line(db, capsys, tmp_path, make, said):
    _load_examples(db, capsys)
    folder = tmp_path / "tpl"
    folder.mkdir()
    template = make(folder)
    code, _, err = run(capsys, "--db", str(db), "export", "狮岭镇", "2024", "-o", str(tmp_path / "r.docx"),
                       "--template", str(template))
    assert code == 2 and said in err and err.count("\n") == 1
    assert not (tmp_path / "r.docx").exists()


def test_demo_folder_that_is_a_file(tmp_path, capsys):
    f = tmp_path / "x.json"
    f.write_text("{}")
    code, _, err = run(capsys, "demo", "--folder", str(f))
    assert code == 2 and err == f"{f} 不是文件夹\n" and f.read_text() == "{}"


@pytest.mark.parametrize("command", [["new", "狮岭镇", "2025"], ["new", "狮岭镇", "2025", "--from", "2024"]])
def test_a_failed_first_write_leaves_no_lock(tmp_path, capsys, command):
    db = tmp_path / "fresh.json"
    code, _, err = run(capsys, "--db", str(db), *command)
    assert code == 2 and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, said", [
    (["lst"], "命令用法有误：“lst”不是可用的命令；是否要用 list？（运行 workbench --help 查看用法）"),
    (["x"], "命令用法有误：“x”不是可用的命令；可用的命令：demo、list、import、new、show、check、compare、export、version"),
    (["list", "--jsn"], "命令用法有误：不认识的参数 --jsn；是否要用 --json？"),
    (["show", "狮岭镇", "2024", "--json=1"], "命令用法有误：参数 --json 不带值，却给了“1”"),
    (["--db"], "命令用法有误：参数 --db 后面缺少值"),
])
def test_usage_mistakes_in_chinese_with_the_closest_name(capsys, args, said):
    code, out, err = run(capsys, *args)
    assert code == 2 and err.startswith(said) and err.count("\n") == 1
    assert not re.search(r"[A-Za-z]{4,}", err.replace("workbench", "").replace("--help", "")
                         .replace("list", "").replace("json", "").replace("demo", "").replace("import", "")
                         .replace("show", "").replace("check", "").replace("compare", "").replace("export", "")
                         .replace("version", "").replace("round", "").replace("restore", "").replace("trash", "")
                         .replace("figures", "").replace("assist", ""))


@pytest.mark.parametrize("argv", [
    ["export", "狮岭镇", "2024", "-o", "x.docx", "--appendix", "--force"],
    ["--db", "s.json", "check", "狮岭镇", "2024", "--json"],
    ["--db=s.json", "compare", "狮岭镇", "--years", "2022-2024"],
    ["version", "save", "狮岭镇", "2024", "征求意见稿"],
    ["import", "a.docx", "--dry-run", "--json", "--place", "狮岭镇"],
    ["new", "狮岭镇", "2025", "--from", "2024"],
    ["trash", "--empty"],
])
def test_a_command_parses_the_same_with_only_its_own_parser_built(argv):
    from workbench.cli.parser import build_parser, command_in

    only = command_in(argv)
    assert only is not None and only in argv
    assert vars(build_parser(only=only).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [[], ["--version"], ["-h"], ["--db", "s.json"], ["exprot", "x"], ["--bogus", "list"]])
def test_anything_but_a_plain_command_builds_every_parser(argv):
    from workbench.cli.parser import command_in

    assert command_in(argv) is None


def test_help_and_errors_of_a_command_are_the_same_with_only_its_parser(capsys):
    from workbench.cli.parser import build_parser

    texts = []
    for only in ("export", None):
        with pytest.raises(SystemExit):
            build_parser(only=only).parse_args(["export", "-h"])
        texts.append(capsys.readouterr().out)
    assert texts[0] == texts[1] and "--changes-from" in texts[0]
    errors = [_run_quietly(["export", "狮岭镇"]), _run_quietly(["export", "狮岭镇", "2024", "--bogus"])]
    assert errors[0][0] == 2 and "year" not in errors[0][2] and errors[0][2].strip()
    assert errors[1][0] == 2 and "--bogus" in errors[1][2]


def test_export_joins_line_end_runs_unless_told_not_to(db, capsys, tmp_path):
    import zipfile

    run(capsys, "--db", str(db), "import", str(EXAMPLES / "shiling-2024.json"))
    for extra, joined in (([], True), (["--plain"], False)):
        out = tmp_path / f"稿{len(extra)}.docx"
        code, _, err = run(capsys, "--db", str(db), "export", "狮岭镇", "2024", "-o", str(out), *extra)
        assert code in (0, 1), err
        body = zipfile.ZipFile(out).read("word/document.xml").decode()
        assert ("\u200d" in body) is joined
        assert "22.5亿元" in body.replace("\u200d", "")
