"""SVG snapshots of each screen with Chinese content (fixed size, cursor blink off)."""

from __future__ import annotations


import pytest

from workbench.cli import load_examples
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sections import OutlineTree

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "no-keymap.toml"))


@pytest.fixture
def app(tmp_path) -> WorkbenchApp:
    path = tmp_path / "reports.json"
    load_examples(path)
    return WorkbenchApp(path)


async def _settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open(pilot):
    await _settle(pilot)
    await pilot.press("enter")
    await _settle(pilot)


def test_home(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


def test_figures(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_open)


def test_sections(snap_compare, app):
    async def run(pilot):
        await _open(pilot)
        await pilot.press("f3")
        tree = pilot.app.screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_checks(snap_compare, app):
    async def run(pilot):
        await _open(pilot)
        await pilot.press("f4")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_preview(snap_compare, app):
    async def run(pilot):
        await _open(pilot)
        await pilot.press("f5")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_refused_figure_dialog(snap_compare, app):
    async def run(pilot):
        await _open(pilot)
        await pilot.press("down", "down", "right", "right", "enter")
        await pilot.pause()
        pilot.app.screen.query_one("#prompt").value = "增长五点八%"
        await pilot.press("enter")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_compare(snap_compare, app):
    async def run(pilot):
        await _open(pilot)
        await pilot.press("f6")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)
