"""Pilot: the compare screen's figures and trend (issue 14, point 7)."""

from __future__ import annotations

from textual.widgets import TabbedContent

from workbench.cli.commands import load_examples
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.compare import CompareFigures, CompareScreen
from tuitools import quiet_tui, settle  # noqa: F401  (quiet_tui is an autouse fixture)


def example_app(tmp_path) -> WorkbenchApp:
    store = tmp_path / "s.json"
    load_examples(store)
    return WorkbenchApp(store, open_report=("狮岭镇", 2024))


async def open_compare(pilot, app) -> CompareScreen:
    """F6 from the 2024 draft, settled."""
    await settle(pilot, app)
    await pilot.press("f6")
    await settle(pilot, app)
    assert isinstance(app.screen, CompareScreen)
    return app.screen


async def test_figures_keep_names_fixed_and_hold_only_filled_columns_and_the_trend_shows_at_once(tmp_path):
    app = example_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, app)
        table = app.screen.query_one(CompareFigures)
        labels = [str(c.label) for c in table.columns.values()]
        assert table.fixed_columns == 1 and labels[0] == "指标"
        assert "2023年目标" in labels  # last year's targets, filled from its report
        assert not any(label.startswith("2022年目标") for label in labels)  # no 2022 report: no column
        for col in range(1, len(labels)):
            assert any(str(table.get_cell_at((r, col))).strip() for r in range(table.row_count)), labels[col]
        app.screen.query_one(TabbedContent).active = "cmp-trend"
        await settle(pilot, app)
        plot = app.screen.query_one("#trend-plot")
        assert plot.styles.min_width.value == 60
        assert "地区生产总值" in str(app.screen.query_one("#trend-title").render())  # the first row's trend


async def test_t_pressed_again_and_on_another_row_redraws_the_one_trend(tmp_path):
    """t on the figures, again, and again on another row: one plot, the last row's trend, the
    app still up (a second plot mounted under the same id crashed it)."""
    app = example_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        table = (await open_compare(pilot, app)).query_one(CompareFigures)
        names = []
        for row in (0, 0, 1):
            app.screen.query_one(TabbedContent).active = "cmp-figures"
            table.move_cursor(row=row)
            table.focus()
            await pilot.press("t")
            await settle(pilot, app)
            assert app.is_running and isinstance(app.screen, CompareScreen)
            assert len(app.screen.query("#trend-plot")) == 1
            names.append(str(app.screen.query_one("#trend-title").render()))
        assert names[0] == names[1] and names[2] != names[0]
