"""Pilot tests of the workbench's main flows, asserting on the store and the screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual._xterm_parser import XTermParser
from textual.widgets import Input, TabbedContent

from workbench.cli.commands import load_examples
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.home import ReportTable
from workbench.tui.screens.report.screen import ReportScreen
from workbench.tui.widgets.checks import ChecksPanel
from workbench.tui.widgets.figures import FiguresTable
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (120, 40)


async def test_home_lists_reports_with_counts(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one(ReportTable)
        assert table.row_count == 2
        first = [str(c) for c in table.get_row_at(0)]
        assert first[:5] == ["狮岭镇", "2024", "草稿", "0", "6"]
        await pilot.press("slash")
        await pilot.press(*"2023")
        assert table.row_count == 1


async def test_a_big_store_lists_every_report_and_counts_them_in_place(tmp_path):
    """A store of 150 reports: the first screenful is added before the first paint, the rest
    right after; the counts then fill the rows already shown. Titles are shown as typed,
    brackets included (they are not read as markup)."""
    from workbench.document.model import Report
    from workbench.storage.listcache import list_cache_path

    path = tmp_path / "big.json"
    load_examples(path)
    with Store(path) as store:
        base = store.get("狮岭镇", 2024)
        for i in range(148):
            r = Report.from_dict(base.to_dict())
            r.place = f"测试{i:03d}镇"
            r.meta.title = f"[草稿]测试{i:03d}镇政府工作报告"
            store.put(r)
    assert list_cache_path(path).is_file()
    app = WorkbenchApp(path)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert not app.store.loaded()  # the list came from the cache: the file is read later
        table = home.query_one(ReportTable)
        await settle(pilot, app)
        assert table.row_count == 150
        assert app.store.loaded()
        from workbench.checking.checks import check, counts
        from workbench.checking.findings import ERROR, WARNING

        c = counts(check(stored(path, "测试147镇")))
        row = [str(c) for c in table.get_row("测试147镇|2024")]
        assert row[0] == "测试147镇" and row[3:5] == [str(c[ERROR]), str(c[WARNING])]  # counted, in place
        assert row[6] == "[草稿]测试147镇政府工作报告"
        await pilot.press("end")
        assert table.cursor_row == 149
        await pilot.press("slash", *"测试14")
        await settle(pilot, app)
        assert table.row_count == 8  # 测试140镇 … 测试147镇
        assert [str(x) for x in table.get_row_at(0)][3:5] == row[3:5]  # counts kept


async def test_a_remembered_list_that_lies_is_corrected_once_the_store_is_read(store_path):
    """A file system with a coarse clock can give a changed file its old stamp: the list the
    cache remembered is shown first, then replaced by what the file says."""
    from workbench.storage.listcache import list_cache_path, read_list_cache, write_list_cache

    with Store(store_path):
        pass
    stamp = Store(store_path, readonly=True)._db.storage._stamp()
    rows = read_list_cache(store_path, stamp)
    assert rows is not None
    write_list_cache(store_path, stamp, [dict(r, title="旧标题") for r in rows])
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ReportTable)

        def titles() -> list[str]:
            return [str(table.get_row_at(i)[6]) for i in range(table.row_count)]

        # What this waits for: the store read in the background and the list redrawn from it.
        for _ in range(100):
            await settle(pilot, app)
            if app.store is not None and titles() and "旧标题" not in titles():
                break
        titles = titles()
        assert titles and "旧标题" not in titles
        assert titles[0] == stored(store_path).meta.title
        # corrected in the cache too, at once (a session killed later still starts right)
        assert "旧标题" not in list_cache_path(store_path).read_text(encoding="utf-8")


async def test_enter_a_result_and_see_attainment_change(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#results", FiguresTable)
        assert str(table.get_cell_at((2, 5))) == "未完成"  # 规上工业总产值 5.5% against 8%左右
        table.move_cursor(row=2, column=2)
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#prompt", Input)
        field.value = "增长7.8%"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ReportScreen)
        assert str(table.get_cell_at((2, 5))) == "基本完成"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert stored(store_path).results[2].growth_pct == 7.8
        assert "已保存" in str(screen.query_one("#save-state").render())


async def test_refused_figure_stays_in_the_field_and_nothing_is_saved(store_path):
    before = store_path.read_bytes()
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.query_one("#targets", FiguresTable).focus()
        screen.query_one("#targets", FiguresTable).move_cursor(row=1, column=1)
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#prompt", Input)
        field.value = "25亿圆"
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == "25亿圆"  # still there
        error = str(app.screen.query_one("#prompt-error").render())
        assert "第3个字符“亿”" in error and "单位" in error
        await pilot.press("escape")
        await settle(pilot, app)
    assert store_path.read_bytes() == before


async def test_add_a_bullet_and_type_chinese(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 1)))
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.address == (1, 0, 2)
        body = screen.query_one(BodyArea)
        body.focus()
        body.insert("推动皮具企业上云用数，新增数字化车间3个。")
        await pilot.pause()
        screen.query_one("#lead", Input).value = "加快数字化转型。"
        await pilot.pause(1.3)  # autosave a moment after the last keystroke
        await settle(pilot, app)
    para = stored(store_path).chapters[1].sections[0].paragraphs[2]
    assert para.lead == "加快数字化转型。" and para.text == "推动皮具企业上云用数，新增数字化车间3个。"
    assert any(c.raw == "新增数字化车间3个" for c in stored(store_path).commitments)


async def test_jump_from_a_finding(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f4")
        await settle(pilot, app)
        panel = screen.query_one(ChecksPanel)
        index = next(i for i, f in enumerate(screen.findings) if f.code == "W401")
        option = next(k for k in range(panel.option_count) if panel.get_option_at_index(k).id == str(index))
        panel.highlighted = option
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "sections"
        assert screen.address == (0, None, 1)
        assert "增长5.8%" in screen.query_one(BodyArea).text
        index = next(i for i, f in enumerate(screen.findings) if f.code == "W201")
        await pilot.press("f4")
        option = next(k for k in range(panel.option_count) if panel.get_option_at_index(k).id == str(index))
        panel.highlighted = option
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "figures"
        assert screen.query_one("#results", FiguresTable).cursor_row == screen.findings[index].where["index"]


async def test_export_from_the_report(store_path, tmp_path):
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        out = tmp_path / "狮岭镇2024年政府工作报告.docx"
        assert out.exists() and out.stat().st_size > 10_000
        assert any("已导出" in str(n.message) for n in app._notifications)


async def test_new_report_rolls_over_and_delete_confirms(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert [w.value for w in dialog.query(Input)] == ["狮岭镇", "2025", "2024"]
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ReportScreen) and app.screen.report.year == 2025
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen.query_one(ReportTable).row_count == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")  # cancel keeps it
        await settle(pilot, app)
        assert stored(store_path, year=2025) is not None
        await pilot.press("delete")
        await pilot.pause()
        assert "2025" in str(app.screen.query_one("#choice-question").render())  # names what goes
        await pilot.press("enter")  # Enter alone answers 取消
        await settle(pilot, app)
        assert stored(store_path, year=2025) is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("right", "enter")  # move to 移到回收站, then confirm
        await settle(pilot, app)
        assert stored(store_path, year=2025) is None
        with Store(store_path, readonly=True) as s:
            assert [(r["place"], r["year"]) for r in s.trash()] == [("狮岭镇", 2025)]
        await pilot.press("b")  # the recycle bin brings it back
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert stored(store_path, year=2025) is not None
        assert app.screen.rows == []


async def test_second_instance_opens_read_only(store_path):
    holder = Store(store_path)
    try:
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, app)
            assert app.readonly
            assert any("只读" in str(n.message) for n in app._notifications)
            screen = await open_2024(pilot, app)
            assert "只读" in str(screen.query_one("#save-state").render())
    finally:
        holder.close()


async def test_help_and_command_palette_list_actions(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert "指标表" in app.screen.query_one("#help-text").text
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(screen)]
        assert any(t.startswith("导出") for t in commands)
        assert any(t.startswith("编辑") for t in commands)


async def test_user_keymap_rebinds_by_id(store_path, tmp_path, monkeypatch):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"report.export" = "ctrl+o"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(keymap))
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
    assert (tmp_path / "狮岭镇2024年政府工作报告.docx").exists()


async def test_long_chinese_commit_through_the_input_path(store_path):
    """An IME commit of many characters at once, as the terminal sends it with the Kitty
    protocol off, parsed by Textual's own parser and delivered to the focused field."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        field = app.screen.query_one("#filter", Input)
        field.focus()
        await pilot.pause()
        commit = "国内生产总值狮岭镇"
        for event in XTermParser().feed(commit):
            app.post_message(event)
        await pilot.pause()
        assert field.value == commit


def test_launcher_disables_kitty_keys_unless_the_user_chose():
    code = ("import os; os.environ.pop('TEXTUAL_DISABLE_KITTY_KEY', None);"
            "from workbench.__main__ import prepare_environment; prepare_environment();"
            "import textual.constants as c; print(c.DISABLE_KITTY_KEY)")
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DISABLE_KITTY_KEY"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=Path(__file__).parents[1]).stdout.strip()
    assert out == "True"
    env["TEXTUAL_DISABLE_KITTY_KEY"] = "0"
    code = code.replace("os.environ.pop('TEXTUAL_DISABLE_KITTY_KEY', None);", "")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=Path(__file__).parents[1]).stdout.strip()
    assert out == "False"


async def test_compare_screen_side_by_side_and_trend(store_path):
    from textual.containers import VerticalScroll

    from workbench.util.textwrap_cjk import NO_LINE_END, NO_LINE_START
    from workbench.tui.screens.compare import CompareFigures, CompareScreen
    from workbench.tui.widgets.cjktext import SideBySide

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("f6")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one(CompareFigures)
        assert table.row_count == 6
        row = [str(c) for c in table.get_row_at(2)]
        assert row[0] == "规上工业总产值" and "未完成" in row
        screen.query_one(TabbedContent).active = "cmp-text"
        await pilot.pause()
        texts = screen.query_one(SideBySide)
        width = texts.content_size.width
        col = texts.column_width(width)
        columns = texts.columns_at(width)
        left = "".join(a.plain for a, _ in columns)
        right = "".join(b.plain for _, b in columns)
        assert "改名" in right and "夯实发展基础" in right
        for a, b in columns:  # each column wrapped by the Chinese rules within its width
            for side in (a.plain, b.plain):
                assert len(side) == 0 or (cell_len(side) <= col and side[0] not in NO_LINE_START
                                          and side[-1] not in NO_LINE_END), side
        for p in screen.cmp.sections[1].paragraphs:  # a paragraph starts level with its counterpart
            if p.text_a and p.text_b:
                ia = next(i for i, (a, _) in enumerate(columns) if a.plain and p.text_a.startswith(a.plain))
                ib = next(i for i, (_, b) in enumerate(columns) if b.plain and p.text_b.startswith(b.plain))
                assert ia == ib
        assert left.count("。") > 10 and right.count("。") > 10
        pane = screen.query_one("#cmp-text-pane", VerticalScroll)
        pane.scroll_to(y=pane.max_scroll_y, animate=False)
        await pilot.pause()
        assert pane.max_scroll_y > 0 and pane.scroll_y > 0  # one scroll moves both columns
        screen.query_one(TabbedContent).active = "cmp-figures"
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("t")
        await settle(pilot, app)
        assert screen.query_one(TabbedContent).active == "cmp-trend"
        assert "固定资产投资总额" in str(screen.query_one("#trend-title").render())
        assert screen.query("#trend-plot")


async def test_title_block_and_status_edited(store_path):
    from textual.widgets import Switch

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f7")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#meta-meeting", Input).value = "——2024年1月18日在狮岭镇第十七届人民代表大会第四次会议上"
        dialog.query_one("#meta-date", Input).value = "2024年1月18日"
        dialog.query_one("#meta-final", Switch).value = True
        dialog.query_one("#meta-speaker", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is screen and "定稿" in screen.sub_title
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    r = stored(store_path)
    assert r.meta.date == "2024年1月18日" and r.status == "final" and "1月18日" in r.meta.meeting


async def test_undo_and_redo_a_deleted_figure_and_paragraph(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#results", FiguresTable)
        table.move_cursor(row=0, column=0)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # confirm
        await settle(pilot, app)
        assert [f.name for f in screen.report.results][0] == "固定资产投资总额"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.report.results[0].name == "地区生产总值" and table.row_count == 6
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(screen.report.results) == 5
        await pilot.press("ctrl+z")
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((2, None, 0)))
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.report.chapters[2].paragraphs[0].lead == "坚持为民务实。"
        tree.focus()
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    r = stored(store_path)
    assert r.chapters[2].paragraphs[0].lead == "坚持依法行政。" and len(r.results) == 6


async def test_export_with_errors_asks_first_and_shows_the_summary(store_path, tmp_path):
    from workbench.tui.dialogs import ConfirmDialog

    with Store(store_path) as s:
        r = s.get("狮岭镇", 2024)
        del r.results[0]  # last year's 地区生产总值 target now has no result: E101
        s.put(r)
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    out = tmp_path / "狮岭镇2024年政府工作报告.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        assert "错误 1 项" in app.screen.question and "E101" in app.screen.question
        assert not out.exists()
        await pilot.press("escape")
        await settle(pilot, app)
        assert not out.exists()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert out.exists()


async def test_export_without_errors_notes_the_warnings(store_path, tmp_path):
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        messages = [str(n.message) for n in app._notifications]
        assert any("核对：错误 0 项，警告 6 项" in m and "W401" in m for m in messages)
        assert (tmp_path / "狮岭镇2024年政府工作报告.docx").exists()


async def test_f8_exports_a_pdf_or_says_why_not(store_path, tmp_path, monkeypatch):
    monkeypatch.setattr("workbench.writing.pdf.shutil.which", lambda name: None)
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        messages = [str(n.message) for n in app._notifications]
        assert (tmp_path / "狮岭镇2024年政府工作报告.docx").exists()
        assert any("LibreOffice" in m for m in messages)
        assert not (tmp_path / "狮岭镇2024年政府工作报告.pdf").exists()


async def test_f8_makes_the_pdf_with_libreoffice(store_path, tmp_path, monkeypatch):
    import shutil

    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but LibreOffice is missing")
        pytest.skip("LibreOffice is not installed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        pdf = tmp_path / "狮岭镇2024年政府工作报告.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        done = [str(n.message) for n in app._notifications if f"已导出 PDF：{pdf}" in str(n.message)]
        assert done and ("排版调整" in done[0] or "排版检查" in done[0])  # what the layout pass did


async def test_filter_enter_goes_to_the_first_match_and_esc_clears_it(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        home = app.screen
        table = home.query_one(ReportTable)
        field = home.query_one("#filter", Input)
        await pilot.press("end")
        assert table.cursor_row == 1
        # With an input method on, the / key arrives as "、": it opens the filter too.
        await pilot.press("、")
        assert app.focused is field
        await pilot.press(*"2024")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.focused is table and table.row_count == 1 and table.cursor_row == 0
        assert home.selected() == ("狮岭镇", 2024)
        await pilot.press("slash")
        assert app.focused is field
        await pilot.press("escape")
        await settle(pilot, app)
        assert field.value == "" and table.row_count == 2 and app.focused is table
        await pilot.press("escape")  # a second Esc: the list stays, as before
        await settle(pilot, app)
        assert app.screen is home and app.focused is table
        await pilot.press("slash", *"9999", "enter")
        await settle(pilot, app)
        assert app.focused is field  # nothing to go to: said, and the filter keeps the focus
        assert any("没有符合“9999”的报告" in str(n.message) for n in app._notifications)


async def test_a_filter_left_from_before_is_cleared_by_esc_on_the_list_or_replaced_by_new_typing(store_path):
    """Back on the list with "2024" still in the filter: Esc on the list clears it, and typing
    on the list after a pause starts a new filter instead of adding to the old one."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        home = app.screen
        table = home.query_one(ReportTable)
        field = home.query_one("#filter", Input)
        await pilot.press("slash", *"2024", "enter")
        await settle(pilot, app)
        assert app.focused is table and table.row_count == 1
        await pilot.press("escape")  # on the list, not in the filter
        await settle(pilot, app)
        assert field.value == "" and table.row_count == 2
        await pilot.press("slash", *"2024", "enter")
        await settle(pilot, app)
        await pilot.press(*"2023")  # typed on the list, the last typing there long ago
        await settle(pilot, app)
        assert field.value == "2023" and home.selected() is not None and table.row_count == 1


async def test_only_the_list_scrolls_on_a_long_store(tmp_path):
    """Cursor starts on the first report, ↓ goes to the second, and the filter and the
    column header stay on screen however far the list is scrolled."""
    from workbench.document.model import Report

    path = tmp_path / "long.json"
    load_examples(path)
    with Store(path) as store:
        base = store.get("狮岭镇", 2024)
        for i in range(60):
            r = Report.from_dict(base.to_dict())
            r.place = f"测试{i:03d}镇"
            store.put(r)
    app = WorkbenchApp(path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot, app)
        home = app.screen
        table = home.query_one(ReportTable)
        assert table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("pagedown", "pagedown", "end")
        await settle(pilot, app)
        assert table.cursor_row == 61 and table.scroll_y > 0
        assert home.scroll_y == 0 and not home.show_vertical_scrollbar
        assert home.query_one("#filter").region.y >= 1 and home.query_one("#filter").region.height > 0
        assert table.region.bottom <= 19  # above the footer


async def test_the_filter_takes_place_and_year_together(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one(ReportTable)
        await pilot.press("slash", *"狮岭 2023")
        await pilot.pause()
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "2023"
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 2


async def test_the_filter_finds_a_traditional_pages_place_typed_in_simplified(store_path):
    import copy

    with Store(store_path) as store:
        report = copy.deepcopy(store.get("狮岭镇", 2024))
        report.place = "嘉興市"  # as a page in traditional characters spells it
        store.put(report)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one(ReportTable)
        await pilot.press("slash", *"嘉兴")
        await pilot.pause()
        assert table.row_count == 1 and str(table.get_row_at(0)[0]) == "嘉興市"


async def test_a_late_answer_or_check_result_after_the_report_is_closed_is_ignored(store_path):
    """A dialog's answer or the checks' result can arrive after its report screen has closed
    (the drafter pressed Esc meanwhile): the app must stay up, not crash on the gone widgets."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, ReportScreen)
        screen.set_state("有改动，稍后自动保存")
        screen._checked([])
        await pilot.pause()
        assert app.is_running and app._exception is None


async def test_keys_typed_in_one_burst_with_the_slash_reach_the_filter(store_path):
    """"/狮岭" arriving at once (pasted, or committed by an input method right after "/"): the
    characters after the slash were queued before the filter had the focus and were lost."""
    from textual import events

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        home = app.screen
        names = {"/": "slash", " ": "space"}
        for ch in "/狮岭镇 2024":
            app.post_message(events.Key(names.get(ch, ch), ch))
        await settle(pilot, app)
        assert home.query_one("#filter", Input).value == "狮岭镇 2024"
        assert home.shown_keys == ["狮岭镇|2024"]
        # Chinese typed on the list itself (no slash) filters too; n, b, i stay keys.
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("狮")
        await settle(pilot, app)
        assert home.query_one("#filter", Input).value == "狮"


async def test_an_outline_node_of_a_paragraph_that_is_gone_is_passed_over(store_path):
    """A highlight from the outline as it was before an edit (a paragraph deleted, the tree not
    yet redrawn) names an address that no longer exists: it is passed over, not a crash."""
    from types import SimpleNamespace

    from workbench.drafting.editing import holds

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        await settle(pilot, app)
        before = screen.address
        n = len(screen.report.chapters[0].paragraphs)
        assert holds(screen.report, (0, None, n - 1)) and not holds(screen.report, (0, None, n))
        assert not holds(screen.report, (len(screen.report.chapters), None, None))
        screen.on_tree_node_highlighted(SimpleNamespace(node=SimpleNamespace(data=(0, None, n + 5))))
        await settle(pilot, app)
        assert app.is_running and screen.address == before
