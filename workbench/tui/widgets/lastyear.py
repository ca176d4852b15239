"""Last year's matching section beside the editor, and last year's figure under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ... import strings as S
from ...lastyear import figure_line, indicator_at, section_map, section_paragraphs
from ...phrasing import section_number


class LastYearList(OptionList):
    HELP = S.HELP_LAST_YEAR
    BINDINGS = [Binding("enter,ctrl+o", "copy", S.BINDING_COPY_LAST_YEAR, id="lastyear.copy")]

    def action_copy(self) -> None:
        self.parent.copy_highlighted()


class LastYearPane(Vertical):
    """Hidden until toggled; follows the editor's address and its cursor."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._map_key = None
        self._map: dict = {}
        self._where = None
        self._key = None
        self.paragraphs: list = []

    def compose(self) -> ComposeResult:
        yield Label("", id="last-year-title")
        yield LastYearList(id="last-year-list")
        yield Static("", id="last-year-figure")
        yield Static(S.LAST_YEAR_HINT, classes="hint", id="last-year-hint")

    def _matched(self, report, previous, ci: int, si: int | None):
        # Pairing reads every section, so it is done again only when the outline changed.
        key = tuple((c.title, tuple(s.title for s in c.sections)) for c in report.chapters)
        if key != self._map_key:
            self._map = section_map(previous, report)
            self._map_key = key
        return self._map.get((ci, si))

    def show_for(self, report, previous, address) -> None:
        title = self.query_one("#last-year-title", Label)
        listing = self.query_one(LastYearList)
        if previous is None:
            title.update(S.LAST_YEAR_NO_REPORT)
            listing.clear_options()
            self.paragraphs, self._where = [], None
            return
        where = self._matched(report, previous, address[0], address[1]) if address else None
        if where == self._where and self.paragraphs:
            return
        self._where = where
        listing.clear_options()
        if where is None:
            title.update(S.LAST_YEAR_NONE)
            self.paragraphs = []
            return
        name, paras = section_paragraphs(previous, where)
        number = section_number(where[1]) if where[1] is not None else ""
        title.update(S.LAST_YEAR_TITLE.format(year=previous.year, title=number + (name or S.OPENING_CHAPTER)))
        self.paragraphs = list(paras)
        for i, p in enumerate(paras):
            text = Text()
            if p.lead:
                text.append(p.lead, style="bold")
            text.append(p.text)
            if i:
                listing.add_option(None)  # a rule between paragraphs
            listing.add_option(Option(text, id=str(i)))
        if paras:
            listing.highlighted = 0

    def show_figure(self, report, previous, text: str, pos: int) -> None:
        key = indicator_at(text, pos, report, previous)
        if key == self._key:
            return
        self._key = key
        line = figure_line(key, report, previous)
        self.query_one("#last-year-figure", Static).update(S.LAST_YEAR_FIGURE.format(text=line) if line else "")

    def copy_highlighted(self) -> None:
        listing = self.query_one(LastYearList)
        i = listing.highlighted
        if i is None:
            return
        option = listing.get_option_at_index(i)
        if option.id is None:
            return
        self.screen.insert_last_year_paragraph(self.paragraphs[int(option.id)])
