"""SVG snapshots of each screen with Chinese content (fixed size, cursor blink off)."""

from __future__ import annotations

import pytest

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sections import OutlineTree

from tuitools import opened, quiet_tui, settled  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (120, 36)


@pytest.fixture
def app(store_path) -> WorkbenchApp:
    return WorkbenchApp(store_path)


def test_home(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_figures(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=opened)


def test_sections(snap_compare, app):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f3")
        tree = pilot.app.screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_checks(snap_compare, app):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f4")
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_preview(snap_compare, app):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f5")
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_refused_figure_dialog(snap_compare, app):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("down", "down", "right", "right", "enter")
        await pilot.pause()
        pilot.app.screen.query_one("#prompt").value = "增长五点八%"
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_compare(snap_compare, app):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f6")
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)
