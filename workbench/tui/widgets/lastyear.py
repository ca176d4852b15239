"""Last year's matching section beside the editor, and last year's figure under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.tui.widgets.paging import SafePaging
from workbench import strings as S
from workbench.comparing.lastyear import figure_line, indicator_at, section_map_by_position, section_paragraphs
from workbench.document.phrasing import section_number


class LastYearList(SafePaging, OptionList):
    HELP = S.HELP_LAST_YEAR
    BINDINGS = [Binding("enter,ctrl+o", "copy", S.BINDING_COPY_LAST_YEAR, id="lastyear.copy")]

    def action_copy(self) -> None:
        self.parent.copy_highlighted()


class LastYearPane(Vertical):
    """Hidden until toggled; follows the editor's address and its cursor."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._map_key = None
        self._by_position: set = set()
        self._map: dict = {}
        self._where = None
        self._key = None
        self.paragraphs: list = []

    def compose(self) -> ComposeResult:
        from workbench.tui.widgets.cjktext import CJKText

        yield CJKText("", id="last-year-title")
        yield LastYearList(id="last-year-list")
        yield CJKText("", id="last-year-figure")
        yield CJKText(S.LAST_YEAR_HINT, classes="hint", id="last-year-hint")

    def _matched(self, report, previous, ci: int, si: int | None):
        # Pairing reads every section, so it is done again only when the outline changed.
        key = tuple((c.title, tuple(s.title for s in c.sections)) for c in report.chapters)
        if key != self._map_key:
            self._map, self._by_position = section_map_by_position(previous, report)
            self._map_key = key
        return self._map.get((ci, si))

    def show_for(self, report, previous, address) -> None:
        title = self.query_one("#last-year-title")
        listing = self.query_one(LastYearList)
        if previous is None:
            title.set_text(S.LAST_YEAR_NO_REPORT)
            listing.clear_options()
            self.paragraphs, self._where = [], None
            return
        where = self._matched(report, previous, address[0], address[1]) if address else None
        if where == self._where and self.paragraphs:
            return
        self._where = where
        listing.clear_options()
        if where is None:
            title.set_text(S.LAST_YEAR_NONE)
            self.paragraphs = []
            return
        name, paras = section_paragraphs(previous, where)
        number = section_number(where[1]) if where[1] is not None else ""
        text = S.LAST_YEAR_TITLE.format(year=previous.year, title=number + (name or S.OPENING_CHAPTER))
        if address and (address[0], address[1]) in self._by_position:
            text += S.LAST_YEAR_BY_POSITION  # titles and text differ: paired by its place
        title.set_text(text)
        self.paragraphs = list(paras)
        self._fill()

    def _fill(self) -> None:
        """Last year's paragraphs, broken into lines by Chinese rules at the list's width."""
        from workbench.tui.widgets.cjktext import wrap_text

        listing = self.query_one(LastYearList)
        width = listing.scrollable_content_region.width - 2
        if width <= 4:
            width = 40  # not laid out yet; on_resize fills again at the real width
        self._filled_width = width
        highlighted = listing.highlighted
        listing.clear_options()
        for i, p in enumerate(self.paragraphs):
            spans = ([(p.lead, "bold")] if p.lead else []) + [(p.text, None)]
            text = Text("\n").join(wrap_text([spans], width))
            if i:
                listing.add_option(None)  # a rule between paragraphs
            listing.add_option(Option(text, id=str(i)))
        if self.paragraphs:
            listing.highlighted = highlighted if highlighted is not None else 0

    def on_resize(self, event) -> None:
        if self.paragraphs and getattr(self, "_filled_width", None) != \
                self.query_one(LastYearList).scrollable_content_region.width - 2:
            self.call_after_refresh(self._fill)

    def show_figure(self, report, previous, text: str, pos: int) -> None:
        key = indicator_at(text, pos, report, previous)
        if key == self._key:
            return
        self._key = key
        line = figure_line(key, report, previous)
        self.query_one("#last-year-figure").set_text(S.LAST_YEAR_FIGURE.format(text=line) if line else "")

    def copy_highlighted(self) -> None:
        listing = self.query_one(LastYearList)
        i = listing.highlighted
        if i is None:
            return
        option = listing.get_option_at_index(i)
        if option.id is None:
            return
        self.screen.insert_last_year_paragraph(self.paragraphs[int(option.id)])
