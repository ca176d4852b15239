"""Every message the drafter reads is Chinese: argparse's remaining texts, exceptions from
libraries given a Chinese reason by their type, Textual's Ctrl+C notice and the palette's key
names (as typed); `workbench help [COMMAND]` is help, not an error; an unknown option is
matched only against the options of the command it was given to."""

from __future__ import annotations

import re
import zipfile

import pytest

from tuitools import quiet_tui, settle  # noqa: F401  (quiet_tui is an autouse fixture)
from workbench.cli.commands import main

ENGLISH = re.compile(r"invalid|choose from|argument|expected|required|unrecognized|Error\b|KeyError|"
                     r"quit|Press|ignored|ambiguous")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv, expected", [
    (["version", "foo"], "“foo”不是可用的命令；可用的命令：save、show、restore、delete、list、done"),
    (["version", "sve"], "“sve”不是可用的命令；是否要用 save？"),
    (["version", "done", "狮岭镇", "2024", "送审稿"], "缺少参数 编号"),
    (["check", "狮岭镇", "2024", "--json=3"], "参数 --json 不带值，却给了“3”"),
    (["--db"], "参数 --db 后面缺少值"),
    (["help", "frob"], "“frob”不是可用的命令"),
])
def test_argparse_texts_are_chinese(capsys, db, argv, expected):
    code, out, err = run(capsys, "--db", str(db), *argv) if argv[0] != "--db" else run(capsys, *argv)
    assert code == 2
    assert expected in err
    assert not ENGLISH.search(err), err


def test_an_unknown_option_is_matched_only_against_the_commands_own(capsys, db):
    _, _, err = run(capsys, "--db", str(db), "list", "--frob")
    assert "不认识的参数 --frob" in err and "--from" not in err  # --from belongs to `new`
    _, _, err = run(capsys, "--db", str(db), "new", "狮岭镇", "2025", "--frm", "2024")
    assert "是否要用 --from？" in err
    _, _, err = run(capsys, "--db", str(db), "export", "狮岭镇", "2024", "--apendix")
    assert "是否要用 --appendix？" in err


def test_workbench_help_is_help(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：workbench") and "命令" in out
    assert "workbench help 命令" in "".join(out.split("\n"))  # the epilog names it
    with pytest.raises(SystemExit):
        main(["help", "check"])
    assert capsys.readouterr().out.startswith("用法：workbench check")
    with pytest.raises(SystemExit):
        main(["--db", "x.json", "help", "version", "save"])
    assert capsys.readouterr().out.startswith("用法：workbench version save")


def _docx_without(tmp_path, member: str):
    import docx

    whole = tmp_path / "whole.docx"
    d = docx.Document()
    d.add_paragraph("某县2024年政府工作报告")
    d.save(str(whole))
    broken = tmp_path / "缺部件.docx"
    with zipfile.ZipFile(whole) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            if info.filename != member:
                zout.writestr(info, zin.read(info.filename))
    return broken


def test_a_docx_whose_relationships_name_a_missing_part_gets_a_chinese_reason(capsys, db, tmp_path):
    broken = _docx_without(tmp_path, "word/styles.xml")
    code, _, err = run(capsys, "--db", str(db), "import", str(broken))
    assert code == 2
    assert "无法读取 Word 文件" in err and "word/styles.xml" in err and "不存在" in err
    assert "KeyError" not in err and "There is no item" not in err


def test_an_old_word_file_renamed_docx_gets_the_doc_advice(capsys, db, tmp_path):
    fake = tmp_path / "旧文档.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    code, _, err = run(capsys, "--db", str(db), "import", str(fake))
    assert code == 2
    assert "Word 97-2003" in err and "另存为" in err and "zip" not in err


def test_exception_reasons_are_chinese():
    from workbench.util.reasons import exception_reason

    for exc in (KeyError("rId7"), zipfile.BadZipFile("File is not a zip file"), ValueError("bad"),
                UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), MemoryError(),
                NotImplementedError("encrypted"), PermissionError(13, "Permission denied"), RuntimeError("x")):
        reason = exception_reason(exc)
        assert re.search(r"[\u4e00-\u9fff]", reason) and not ENGLISH.search(reason), (exc, reason)


async def test_ctrl_c_says_in_chinese_how_to_quit(store_path):
    from workbench.tui.app import WorkbenchApp

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+c")
        await settle(pilot, app)
        notes = [(str(n.title), str(n.message)) for n in app._notifications]
        assert notes, "Ctrl+C says how to quit"
        title, message = notes[-1]
        assert title == "要退出吗？" and "Ctrl+Q" in message and "退出" in message
        assert not ENGLISH.search(title + message)


async def test_the_palette_shows_keys_as_typed(store_path):
    from workbench.tui.app import WorkbenchApp

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        filter_titles = [t for t in titles if t.startswith("筛选")]
        assert filter_titles == ["筛选（/ 或 、）"], filter_titles
        assert not [t for t in titles if "_" in t or "," in t], titles


async def test_the_tui_says_a_comparison_is_not_a_report(store_path, tmp_path):
    from workbench.tui.app import WorkbenchApp

    out = tmp_path / "对照.docx"
    assert main(["--db", str(store_path), "compare", "狮岭镇", "2023", "2024", "-o", str(out)]) == 0
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        app.import_file(out)
        await settle(pilot, app)
        messages = [str(n.message) for n in app._notifications]
        assert any("对照表" in m and "不是一份报告" in m for m in messages), messages
        assert not app.screen.query("ImportPlaceYearDialog")
