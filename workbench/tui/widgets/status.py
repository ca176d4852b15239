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

    def tell(self, why: str, seconds: float = 4.0) -> None:
        """Why a key could not act, across the whole bar for a few seconds: in the save state's
        box, the counts hidden meanwhile (no third box: a hidden one costs a layout per key)."""
        box = self.query_one("#save-state", Static)
        if not self.has_class("-telling"):
            self._before = str(box.render())
        box.update(why)
        self._told_text = why
        self.add_class("-telling")
        self.query_one("#counts").display = False
        if getattr(self, "_told", None) is not None:
            self._told.stop()
        self._told = self.set_timer(seconds, self.untell)

    def untell(self) -> None:
        if not self.has_class("-telling"):
            return
        self.remove_class("-telling")
        box = self.query_one("#save-state", Static)
        if str(box.render()) == self.told_text:
            box.update(getattr(self, "_before", ""))
        self.query_one("#counts").display = True

    @property
    def told_text(self) -> str:
        return getattr(self, "_told_text", "")

    @property
    def told(self) -> str:
        """What the bar says now of a key that could not act ("" when nothing)."""
        return str(self.query_one("#save-state", Static).render()) if self.has_class("-telling") else ""

    def show_counts(self, c: Counts) -> None:
        """Called on every keystroke: no layout pass, since the counts' box has a fixed width."""
        line = counts_line(c)
        if line != getattr(self, "_shown", None):
            self._shown = line
            self.query_one("#counts", Static).update(line, layout=False)
