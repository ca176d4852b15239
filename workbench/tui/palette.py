"""The command palette in Chinese: its prompt, its "no matches" line and Textual's own commands."""

from __future__ import annotations

from typing import Iterable

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from workbench import strings as S


class WorkbenchPalette(CommandPalette):
    def __init__(self, **kwargs):
        kwargs.setdefault("placeholder", S.PALETTE_PLACEHOLDER)
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown, with the line the drafter reads in Chinese."""
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(S.PALETTE_NO_MATCHES, style="not bold")),
                           disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def chinese_system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's own commands (Theme, Quit, Keys, …) under Chinese titles and help."""
    for command in commands:
        if command.title == "Keys":
            continue  # Textual's key panel lists its widgets' keys in English; F1 (帮助) lists ours
        title, help_text = S.SYSTEM_COMMANDS.get(command.title, (command.title, command.help))
        yield SystemCommand(title, help_text, command.callback, command.discover)
