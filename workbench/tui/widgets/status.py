"""The status bar: the save state on the left, 字数 and reading time on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from workbench import strings as S
from workbench.document.counts import Counts


def counts_line(c: Counts) -> str:
    """"本段 120 字 · 本节 1,024 字 · 本章 … · 全文 … · 宣读约 45 分钟" (parts not open are left out)."""
    parts = []
    if c.paragraph is not None:
        parts.append(S.COUNT_PART["paragraph"].format(n=c.paragraph))
    if c.section is not None:
        parts.append(S.COUNT_PART["section"].format(n=c.section))
    if c.chapter is not None:
        parts.append(S.COUNT_PART["chapter"].format(n=c.chapter))
    parts.append(S.COUNT_PART["total"].format(n=c.total))
    parts.append(S.COUNT_PART["minutes"].format(n=c.minutes))
    return "·".join(parts)  # the widest (a 30,000-character report) fits the 64-cell box


class StatusBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("", id="save-state")
        yield Static("", id="counts")
        yield Static("", id="status-why")

    def tell(self, why: str, seconds: float = 4.0) -> None:
        """Why a key could not act, across the whole bar for a few seconds (the save state and
        the counts come back after it, or at the next keystroke that acts)."""
        box = self.query_one("#status-why", Static)
        box.update(why)
        self.set_class(True, "-telling")
        for part in ("#save-state", "#counts"):
            self.query_one(part).display = False
        box.display = True
        if getattr(self, "_told", None) is not None:
            self._told.stop()
        self._told = self.set_timer(seconds, self.untell)

    def untell(self) -> None:
        if not self.has_class("-telling"):
            return
        self.set_class(False, "-telling")
        self.query_one("#status-why").display = False
        for part in ("#save-state", "#counts"):
            self.query_one(part).display = True

    @property
    def told(self) -> str:
        """What the bar says now of a key that could not act ("" when nothing)."""
        box = self.query_one("#status-why", Static)
        return str(box.render()) if box.display else ""

    def show_counts(self, c: Counts) -> None:
        """Called on every keystroke: no layout pass, since the counts' box has a fixed width."""
        line = counts_line(c)
        if line != getattr(self, "_shown", None):
            self._shown = line
            self.query_one("#counts", Static).update(line, layout=False)
