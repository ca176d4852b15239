"""Pilot: F2 → i → the bureau's sheet → preview → accept → the results table and F4's
attainment change at once; Ctrl+Z puts the report back (issue 27)."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from sheetmaker import kuaibao
from tuitools import open_2024, quiet_tui, settle  # noqa: F401  (quiet_tui is an autouse fixture)
from workbench.cli.commands import load_examples
from workbench.tui.app import WorkbenchApp


async def _picker(pilot, app):
    from workbench.tui.filepicker import FilePicker

    for _ in range(100):
        await pilot.pause(0.02)
        if isinstance(app.screen, FilePicker):
            await pilot.pause()
            return app.screen
    raise AssertionError("the sheet picker did not open")


def _attainment(screen, name: str) -> str:
    return next((f.code + f.message for f in screen.findings if f.where.get("figure") == name
                 and f.code in ("W201", "I202", "E102")), "")


async def test_import_sheet_preview_accept_and_undo(tmp_path, monkeypatch):
    from workbench.tui.dialogs import SheetPreviewDialog
    from workbench.tui.widgets.figures import FiguresTable

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    sheet = kuaibao(tmp_path / "统计快报.xlsx")
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f2")
        await settle(pilot, app)
        before_row = screen.report.results[1]
        before_check = _attainment(screen, "固定资产投资总额")
        assert "超额完成" in before_check
        await pilot.press("i")
        picker = await _picker(pilot, app)
        picker.query_one("#picker-path", Input).value = str(sheet)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SheetPreviewDialog)
        grid = app.screen.query_one("#sheet-rows", DataTable)
        texts = [str(grid.get_row_at(i)[2]) for i in range(grid.row_count)]
        assert "固定资产投资" in texts
        assert "邮电业务总量" in str(app.screen.query_one("#sheet-unmapped").render())
        assert screen.report.results[1] == before_row  # nothing written yet
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.3)
        await settle(pilot, app)
        assert not isinstance(app.screen, SheetPreviewDialog)
        fai = screen.report.results[1]
        assert (fai.value, fai.unit, fai.growth_pct) == (23.56789, "亿元", 4.8)
        table = screen.query_one("#results", FiguresTable)
        assert "23.56789亿元" in str(table.get_row_at(1)[1])
        assert "未完成" in str(table.get_row_at(1)[5])
        assert "未完成" in _attainment(screen, "固定资产投资总额")
        await pilot.press("f4")
        await settle(pilot, app)
        assert "未完成" in _attainment(screen, "固定资产投资总额")
        await pilot.press("ctrl+z")  # one undo step takes the whole import back
        await settle(pilot, app)
        await pilot.pause(0.3)
        await settle(pilot, app)
        assert screen.report.results[1] == before_row
        assert screen.report.results[2].value == 143.6
        assert "超额完成" in _attainment(screen, "固定资产投资总额")


async def test_map_a_row_untick_another_and_the_palette_opens_it(tmp_path):
    from workbench.storage import sheetmap
    from workbench.tui.dialogs import PromptDialog, SheetPreviewDialog
    from workbench.tui.filepicker import FilePicker

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    sheet = kuaibao(tmp_path / "统计快报.xlsx")
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_2024(pilot, app)
        # The palette lists the key under its Chinese name.
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"从表格填")
        await pilot.pause(0.5)
        await pilot.press("enter")
        picker = await _picker(pilot, app)
        assert isinstance(picker, FilePicker)
        picker.query_one("#picker-path", Input).value = str(sheet)
        await pilot.press("enter")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, SheetPreviewDialog)
        grid = dialog.query_one("#sheet-rows", DataTable)
        unmapped_at = next(i for i in range(grid.row_count) if str(grid.get_row_at(i)[2]) == "邮电业务总量")
        grid.move_cursor(row=unmapped_at)
        await pilot.press("m")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "不是指标的词"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptDialog)  # refused, the prompt stays
        app.screen.query_one(Input).value = "服务业增加值"
        await pilot.press("enter")
        await settle(pilot, app)
        assert sheetmap.load(store_path, "狮岭镇") == {"邮电业务总量": "服务业增加值"}
        dialog = app.screen
        assert isinstance(dialog, SheetPreviewDialog)
        assert not dialog.plan.unmapped
        grid = dialog.query_one("#sheet-rows", DataTable)
        gdp_at = next(i for i, it in enumerate(dialog.plan.items) if it.key == "gdp")
        grid.move_cursor(row=gdp_at)
        await pilot.press("space")  # untick 地区生产总值
        await pilot.pause()
        assert str(grid.get_row_at(gdp_at)[0]) == " "
        new_at = next(i for i, it in enumerate(dialog.plan.items) if it.key == "service_value_added")
        assert str(grid.get_row_at(new_at)[0]) == " "  # a row new to the table waits to be ticked
        grid.move_cursor(row=new_at)
        await pilot.press("space")
        await pilot.pause()
        assert str(grid.get_row_at(new_at)[0]) == "✓"
        await pilot.press("enter")
        await settle(pilot, app)
        results = {f.key: f for f in screen.report.results}
        assert results["gdp"].growth_pct == 7.6  # unticked: as it was
        assert results["industrial_output"].value == 151.2
        assert results["service_value_added"].value == 0.321  # 3210万元, mapped by the drafter
