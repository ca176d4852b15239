"""The figures tables: last year's results beside their targets, and this year's targets."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from workbench import strings as S
from workbench.checking.attainment import attainment, match
from workbench.drafting.editing import GROWTH, NAME, RESULTS, TARGETS, VALUE
from workbench.document.figures import Figure, format_growth, format_number, format_value
from workbench.document.model import Report
from workbench.document.phrasing import BASICALLY_MET, EXCEEDED, MET, MISSED

ATTAINMENT_STYLE = {EXCEEDED: "bold green", MET: "green", BASICALLY_MET: "yellow", MISSED: "bold red"}
COLUMN_FIELDS = (NAME, VALUE, GROWTH)


def _value_text(f: Figure) -> str:
    return format_value(f) if f.value is not None else ""


def _growth_text(f: Figure) -> str:
    text = format_growth(f)
    if f.stretch_pct is not None:
        text += S.STRETCH_SUFFIX.format(pct=format_number(f.stretch_pct))
    return text


class FiguresTable(DataTable):
    """One figures table; Enter edits the cell under the cursor."""

    HELP = S.HELP_FIGURES + S.HELP_FIGURES_CLAUSE
    BINDINGS = [
        Binding("enter", "edit_cell", S.BINDING["edit"], id="figures.edit"),
        Binding("a", "add_row", S.BINDING["add"], id="figures.add"),
        Binding("delete", "remove_row", S.BINDING["remove"], id="figures.remove"),
        Binding("v", "paste_sentence", S.BINDING_PASTE_SENTENCE, id="figures.paste_sentence"),
        Binding("i", "import_sheet", S.BINDING_IMPORT_SHEET, id="figures.import_sheet", show=False),
        Binding("ctrl+up", "move(-1)", S.BINDING["move_up"], id="figures.move_up", show=False),
        Binding("ctrl+down", "move(1)", S.BINDING["move_down"], id="figures.move_down", show=False),
    ]

    def __init__(self, kind: str, **kwargs):
        super().__init__(cursor_type="cell", zebra_stripes=True, **kwargs)
        self.kind = kind

    def on_mount(self) -> None:
        cols = S.FIG_RESULT_COLUMNS if self.kind == RESULTS else S.FIG_TARGET_COLUMNS
        for i, label in enumerate(cols):
            self.add_column(label, key=str(i))

    def fill(self, report: Report, previous: Report | None) -> None:
        row, col = self.cursor_coordinate
        self.clear()
        figs = report.results if self.kind == RESULTS else report.targets
        for i, f in enumerate(figs):
            cells: list = [f.name, _value_text(f), _growth_text(f), f.qualifier or ""]
            if self.kind == RESULTS:
                target = match(previous.targets, f) if previous else None
                att = attainment(target, f) if target else None
                target_text = ""
                if target is not None:
                    target_text = " ".join(p for p in (_value_text(target), _growth_text(target)) if p)
                    if target.qualifier and target.qualifier != "区间":
                        target_text += target.qualifier
                cells.append(target_text)
                cells.append(Text(att.word, style=ATTAINMENT_STYLE.get(att.state, "dim")) if att else Text("—", style="dim"))
            self.add_row(*cells, key=str(i))
        if figs:
            self.move_cursor(row=min(row, len(figs) - 1), column=col, animate=False)

    def action_edit_cell(self) -> None:
        self.screen.edit_figure_cell(self.kind, self.cursor_row, self.cursor_column)

    def action_add_row(self) -> None:
        self.screen.add_figure(self.kind, self.cursor_row)

    def on_key(self, event) -> None:
        """Typing on a cell starts writing there (a digit, a Chinese character, 增长…)."""
        from workbench.tui.dialogs import PromptDialog

        char = event.character
        if not char or not event.is_printable:
            return
        top = self.app.screen
        if top is not self.screen and isinstance(top, PromptDialog):
            # Keys that reached the table before its dialog took the focus (an IME commits a
            # whole phrase at once) belong to that dialog's field.
            event.stop()
            event.prevent_default()
            top.type_ahead(char)
            return
        if char in "av " or event.key in self._bindings.key_to_bindings:
            return
        event.stop()
        event.prevent_default()
        self.screen.edit_figure_cell(self.kind, self.cursor_row, self.cursor_column, typed=char)

    def action_import_sheet(self) -> None:
        self.screen.import_sheet(self.kind)

    def action_paste_sentence(self) -> None:
        self.screen.paste_sentence(self.kind)

    def on_paste(self, event) -> None:
        """A sentence pasted straight into the table is read, and shown before it replaces."""
        event.stop()
        text = event.text.strip()
        if not text:
            return
        from workbench.drafting.clause import looks_like_sentence

        if looks_like_sentence(text):
            self.screen.read_sentence(self.kind, text)
        else:
            self.screen.type_clause(self.kind, self.cursor_row, self.cursor_column, text)

    def action_remove_row(self) -> None:
        self.screen.remove_figure(self.kind, self.cursor_row)

    def action_move(self, delta: int) -> None:
        self.screen.move_figure(self.kind, self.cursor_row, delta)


def column_field(column: int) -> str | None:
    return COLUMN_FIELDS[column] if column < len(COLUMN_FIELDS) else None


__all__ = ["FiguresTable", "column_field", "RESULTS", "TARGETS"]
