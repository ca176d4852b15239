"""Pilot: importing a web page that names no place asks for it (issue 11)."""

from __future__ import annotations


import pytest

from sharedcorpus import CORPUS, MISSING
from textual.widgets import Input, Static

from workbench.cli.commands import load_examples
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ImportPlaceYearDialog
from tuitools import quiet_tui, settle as _settle  # noqa: F401  (quiet_tui is an autouse fixture)

PAGE = CORPUS / "seed-town-shiling-2023-web.txt"


async def _picker_ready(pilot, app):
    """The import picker is up and its folder listed (its tree's loader never finishes, so
    the picker cannot wait for every worker)."""
    from workbench.tui.filepicker import FilePicker, ImportTree

    for _ in range(100):
        await pilot.pause(0.02)
        if isinstance(app.screen, FilePicker):
            tree = app.screen.query_one(ImportTree)
            if tree.root.children or not any(tree.path.iterdir()):
                await pilot.pause()
                return app.screen
    raise AssertionError("the import picker did not list its folder")


@pytest.mark.skipif(not PAGE.exists(), reason=MISSING)
async def test_import_dialog_asks_for_the_missing_place(tmp_path):
    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    with Store(store_path) as s:
        s.delete("狮岭镇", 2023)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        await _picker_ready(pilot, app)
        app.screen.query_one("#picker-path", Input).value = str(PAGE)
        await pilot.press("enter")
        await _settle(pilot, app)
        assert isinstance(app.screen, ImportPlaceYearDialog)
        found = str(app.screen.query_one("#import-found", Static).render())
        assert "2023" in found and "页眉" in found and "未找到" in found
        assert app.screen.focused is app.screen.query_one("#import-place", Input)
        await pilot.press("enter")  # nothing typed: refused, the dialog stays
        await _settle(pilot, app)
        assert isinstance(app.screen, ImportPlaceYearDialog)
        app.screen.query_one("#import-place", Input).value = "狮岭镇"
        await pilot.press("enter")
        await _settle(pilot, app)
        assert not isinstance(app.screen, ImportPlaceYearDialog)
    with Store(store_path, readonly=True) as s:
        r = s.get("狮岭镇", 2023)
    assert r is not None and len(r.chapters[0].sections) == 6 and len(r.targets) == 6


@pytest.mark.skipif(not PAGE.exists(), reason=MISSING)
async def test_import_over_an_existing_report_asks_and_keeps_the_old_one_in_the_bin(tmp_path):
    from workbench.tui.dialogs import ChoiceDialog

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        app.import_file(PAGE, place="狮岭镇", year=2023)
        await _settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        assert "已有狮岭镇 2023 年的报告" in str(app.screen.query_one("#choice-question", Static).render())
        await pilot.press("enter")  # focus is on 取消: Enter alone keeps the stored report
        await _settle(pilot, app)
        with Store(store_path, readonly=True) as s:
            assert len(s.get("狮岭镇", 2023).chapters) == 3
        app.import_file(PAGE, place="狮岭镇", year=2023)
        await _settle(pilot, app)
        app.screen.query_one("#choice-replace").press()
        await _settle(pilot, app)
        # it says where the replaced report went
        assert any("被替换的原报告在回收站里" in str(n.message) for n in app._notifications)
    with Store(store_path, readonly=True) as s:
        assert len(s.get("狮岭镇", 2023).chapters) == 1  # the page's one chapter
        assert [(r["place"], r["year"]) for r in s.trash()] == [("狮岭镇", 2023)]


REPORT_TEXT = ("政府工作报告\n——2024年1月10日在交城县第十七届人民代表大会第三次会议上\n各位代表：\n"
               "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
               "全年完成各项工作任务，经济运行稳中有进。\n")


@pytest.fixture
def folder(tmp_path):
    """A folder of files to import from: a report, a PDF (not importable) and a sub-folder."""
    d = tmp_path / "下载"
    (d / "往年").mkdir(parents=True)
    (d / "交城县报告.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (d / "说明.pdf").write_bytes(b"%PDF-1.4")
    (d / ".hidden.txt").write_text("x", encoding="utf-8")
    return d


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store" / "reports.json"
    path.parent.mkdir()
    load_examples(path)
    return path


def _imported(store_path) -> bool:
    with Store(store_path, readonly=True) as s:
        return s.get("交城县", 2024) is not None


async def test_picker_lists_folders_and_importable_files_and_imports_the_chosen_one(store, folder):
    from workbench.tui.filepicker import FilePicker, ImportTree
    from workbench.tui.settings import load_settings, save_setting

    save_setting("import_folder", str(folder))
    app = WorkbenchApp(store)
    async with app.run_test(size=(100, 34)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        picker = await _picker_ready(pilot, app)
        assert picker.query_one("#picker-path", Input).value == str(folder) + "/"
        tree = picker.query_one(ImportTree)
        assert [str(n.label) for n in tree.root.children] == ["往年", "交城县报告.txt"]  # no .pdf, no hidden
        hint = str(picker.query_one("#picker-hint", Static).render())
        assert "Tab 补全路径" in hint and "Backspace 上一级" in hint
        await pilot.press("down")  # from the path field into the list
        assert app.focused is tree
        tree.move_cursor(tree.root.children[1])
        await pilot.press("enter")
        await _settle(pilot, app)
        assert not isinstance(app.screen, FilePicker)
    assert _imported(store)
    assert load_settings()["import_folder"] == str(folder)


async def test_picker_typed_path_imports_and_the_folder_is_remembered(store, folder, tmp_path, monkeypatch):
    from workbench.tui.filepicker import FilePicker, ImportTree

    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    app = WorkbenchApp(store)
    async with app.run_test(size=(100, 34)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        picker = await _picker_ready(pilot, app)
        # Nothing remembered yet: the picker starts in the current folder, not the store's.
        assert picker.query_one(ImportTree).path == tmp_path / "cwd"
        field = picker.query_one("#picker-path", Input)
        field.value = f'"{folder / "交城县报告.txt"}"'  # pasted with quotes, as Windows copies it
        await pilot.press("enter")
        await _settle(pilot, app)
        assert not isinstance(app.screen, FilePicker)
        assert _imported(store)
        await pilot.press("i")
        picker = await _picker_ready(pilot, app)
        assert picker.query_one(ImportTree).path == folder
        assert picker.query_one("#picker-path", Input).value == str(folder) + "/"
        await pilot.press("escape")
        await _settle(pilot, app)
        assert not isinstance(app.screen, FilePicker)


async def test_picker_tab_completes_the_last_part_of_the_path(store, folder):
    from workbench.tui.filepicker import FilePicker

    (folder / "交城县报告（修改稿）.docx").write_bytes(b"")
    app = WorkbenchApp(store)
    async with app.run_test(size=(100, 34)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        picker = await _picker_ready(pilot, app)
        field = picker.query_one("#picker-path", Input)
        field.value = str(folder.parent) + "/下"
        field.cursor_position = len(field.value)
        await pilot.press("tab")
        assert field.value == str(folder) + "/"
        assert app.focused is field  # Tab completed, it did not move the focus
        await pilot.press(*"交")
        await pilot.press("tab")  # two files fit: the common part, and both named
        assert field.value == str(folder) + "/交城县报告"
        error = str(picker.query_one("#picker-error", Static).render())
        assert "交城县报告.txt" in error and "交城县报告（修改稿）.docx" in error
        await pilot.press(".", "tab")
        assert field.value == str(folder / "交城县报告.txt")
        await pilot.press("enter")
        await _settle(pilot, app)
        assert not isinstance(app.screen, FilePicker)
    assert _imported(store)


async def test_picker_refuses_a_missing_or_unreadable_path_and_stays_open(store, folder):
    from workbench.tui.filepicker import ImportTree

    app = WorkbenchApp(store)
    async with app.run_test(size=(100, 34)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        picker = await _picker_ready(pilot, app)
        field = picker.query_one("#picker-path", Input)
        for path, said in ((folder / "说明.pdf", "不支持 .pdf 文件"), (folder / "没有这个.txt", "找不到文件")):
            field.value = str(path)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is picker
            error = str(picker.query_one("#picker-error", Static).render())
            assert said in error and str(path) in error
        # A folder typed in opens it; Backspace in the list goes up a level.
        field.value = str(folder / "往年")
        await pilot.press("enter")
        await pilot.pause()
        tree = picker.query_one(ImportTree)
        assert tree.path == folder / "往年" and app.screen is picker
        await pilot.press("down", "backspace")
        await pilot.pause()
        assert tree.path == folder and field.value == str(folder) + "/"
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is not picker  # the help, in Chinese, over the picker
        assert "Backspace 或“上一级”" in str(app.screen.query_one("#help-text").render())
    assert not _imported(store)


async def test_the_place_and_year_dialog_names_the_field_at_fault_and_takes_2023年(tmp_path):
    """"请填写地点和四位年份" named no field and refused "2023年", which is how a drafter writes
    a year; now each refusal names its field and what to write, and 2023年 / ２０２３ are years."""
    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        answers = []
        app.push_screen(ImportPlaceYearDialog("某县.txt", "", None, "未找到", "未找到"), answers.append)
        await _settle(pilot, app)
        dialog = app.screen
        error = dialog.query_one("#import-error", Static)
        dialog.query_one("#import-year", Input).value = "2023年"
        await pilot.press("enter")
        await _settle(pilot, app)
        assert "地点" in str(error.render()) and app.screen is dialog
        dialog.query_one("#import-place", Input).value = "上杭县"
        dialog.query_one("#import-year", Input).value = "23年"
        await pilot.press("enter")
        await _settle(pilot, app)
        assert "年份“23年”" in str(error.render()) and "2025年" in str(error.render())
        dialog.query_one("#import-year", Input).value = "２０２３年"
        await pilot.press("enter")
        await _settle(pilot, app)
        assert answers == [("上杭县", 2023)]
