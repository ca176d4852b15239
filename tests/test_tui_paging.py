"""Page keys on an option list whose lines were never laid out (the monkey test's crash)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from workbench.tui.widgets.checks import ChecksPanel
from workbench.tui.widgets.paging import SafePaging


class _Plain(OptionList):
    pass


class _Safe(SafePaging, OptionList):
    pass


class _Host(App):
    def __init__(self, cls):
        super().__init__()
        self.cls = cls

    def compose(self) -> ComposeResult:
        yield self.cls("一", "二", "三", id="list")


@pytest.mark.parametrize("cls", [_Safe, ChecksPanel])
async def test_page_keys_on_a_list_not_laid_out_move_to_an_end(cls):
    app = _Host(cls)
    async with app.run_test(size=(60, 10)) as pilot:
        lst = app.query_one("#list", OptionList)
        lst.highlighted = 1
        lst._index_to_line.clear()  # as after options changed on a hidden (height 0) tab
        lst.action_page_up()
        assert lst.highlighted == 0 and app.is_running
        lst._index_to_line.clear()
        lst.action_page_down()
        assert lst.highlighted == 2
        await pilot.pause()


async def test_textuals_own_list_raises_there():
    """The shape the guard is for: if Textual stops raising, the guard can go."""
    app = _Host(_Plain)
    async with app.run_test(size=(60, 10)):
        lst = app.query_one("#list", OptionList)
        lst.highlighted = 1
        lst._index_to_line.clear()
        with pytest.raises(KeyError):
            lst.action_page_up()
