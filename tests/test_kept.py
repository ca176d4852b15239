"""What the drafter typed survives and agrees (issue 23): every edit stored within half a second
and on a hangup or a kill, quitting that offers what it says, no clause silently replacing
another indicator's row, and a roll-over that knows the Five-Year-Plan calendar."""

from __future__ import annotations

import os
import signal

import pytest

from workbench.drafting import editing as E
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ChoiceDialog
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (120, 40)
PARA = (1, 0, 0)


async def body_of(pilot, screen, addr=PARA) -> BodyArea:
    screen.action_tab("sections")
    tree = screen.query_one(OutlineTree)
    tree.move_cursor(tree.node_for(addr))
    await pilot.pause()
    await pilot.pause()
    assert screen.address == addr
    body = screen.query_one(BodyArea)
    body.focus()
    body.move_cursor(body.document.end)
    return body


def stored_text(path, addr=PARA) -> str:
    return E.get_paragraph(stored(path), addr).text


# ------------------------------------------------------------ 1. nothing typed is lost


async def test_an_edit_is_stored_within_half_a_second_of_the_last_key(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"新增车间")
        await pilot.pause(0.45)
        await settle(pilot, app)  # the save started by then finishes on its thread
        assert stored_text(store_path).endswith("新增车间")
        assert not screen.dirty


@pytest.mark.parametrize("name", ["SIGHUP", "SIGTERM"])
async def test_a_closed_window_or_a_kill_saves_the_last_typing(store_path, name):
    """The terminal closing sends SIGHUP (a kill SIGTERM): Python's default would end the
    process before the autosave; the app saves first, then leaves."""
    number = getattr(signal, name)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"关窗前")
        assert screen.dirty
        if signal.getsignal(number) in (signal.SIG_DFL, signal.SIG_IGN, None):
            pytest.fail(f"{name} is not caught: the process would end with the edit unsaved")
        os.kill(os.getpid(), number)
        await pilot.pause(0.05)
        await pilot.pause()
    assert stored_text(store_path).endswith("关窗前")
    assert app.return_code == 128 + number
    assert signal.getsignal(number) == signal.SIG_DFL  # given back when the app is gone


async def test_quit_after_the_autosave_asks_and_undo_restores_the_report_as_opened(store_path):
    """The autosave already wrote the edit: "撤销本次打开以来的修改" must still put the report back
    as it was at open (before, Ctrl+Q quit without asking and the edit stayed)."""
    at_open = stored(store_path).to_dict()
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"改了又悔")
        await pilot.pause(0.5)
        await settle(pilot, app)
        assert not screen.dirty and stored_text(store_path).endswith("改了又悔")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog), "quit without offering to undo the session's edits"
        question = str(app.screen.query_one(".question").render())
        assert "已自动保存" in question
        assert "撤销本次打开以来的修改" in str(app.screen.query_one("#choice-discard").label)
        app.screen.query_one("#choice-discard").press()
        await settle(pilot, app)
    assert not app.is_running
    after = stored(store_path).to_dict()
    assert after == at_open


async def test_quit_keeping_the_changes_leaves_them_stored(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"留着")
        await pilot.pause(0.5)
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # 保留改动并退出 has the focus
        await settle(pilot, app)
    assert not app.is_running
    assert stored_text(store_path).endswith("留着")


async def test_quit_without_changes_does_not_ask(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
    assert not app.is_running
