"""Page keys on an option list that has not been laid out since its options changed."""

from __future__ import annotations


class SafePaging:
    """Mixed into an OptionList: Textual pages by a line map it builds when it lays its lines
    out, so a page key on a list not laid out since its options changed (its tab hidden, its
    height 0) raised KeyError and stopped the app (the monkey test found it at key 1000). Such
    a key moves to the first or last option instead."""

    def action_page_up(self) -> None:
        try:
            super().action_page_up()  # type: ignore[misc]
        except KeyError:
            self.action_first()  # type: ignore[attr-defined]

    def action_page_down(self) -> None:
        try:
            super().action_page_down()  # type: ignore[misc]
        except KeyError:
            self.action_last()  # type: ignore[attr-defined]
