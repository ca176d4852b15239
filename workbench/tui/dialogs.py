"""Modal dialogs: confirm, a one-line prompt that validates, new report, help."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from workbench import strings as S



def typed_year(text: str) -> int | None:
    """A year as a drafter types it: "2025", "2025年", "２０２５"; None if it is not one."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).strip().removesuffix("年").strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def place_year_problem(place: str, year_text: str) -> tuple[str | None, int | None]:
    """What is wrong with a place and a year typed into a dialog, naming the field."""
    if not place.strip():
        return S.NEW_BAD_PLACE, None
    year = typed_year(year_text)
    if year is None:
        return S.NEW_BAD_YEAR.format(field="年份", text=year_text.strip() or "（空）"), None
    return None, year

class Dialog(ModalScreen):
    """A modal that closes once: a second Esc or click queued behind the first must not
    dismiss the screen underneath (Textual's dismiss pops whatever is on top).
    F1 is bound here because a modal screen does not see the app's own keys."""

    BINDINGS = [Binding("f1", "app.help", S.BINDING["help"], id="dialog.help", show=False)]
    HELP = S.HELP_DIALOG

    def dismiss(self, result=None):
        if self.app.screen is not self or getattr(self, "_wb_dismissed", False):
            return None
        self._wb_dismissed = True
        return super().dismiss(result)

    def pending_text(self) -> str | None:
        """What was typed here and not confirmed yet (quitting asks about it); None if nothing."""
        return None


class ConfirmDialog(Dialog):
    """Yes or no; Enter confirms, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel"),
                Binding("enter", "confirm", S.YES, id="dialog.confirm")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button(S.YES, variant="error", id="yes")
                yield Button(S.NO, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)


class ChoiceDialog(Dialog):
    """A question with named answers as buttons; Esc answers None. Focus starts on
    `focus` (the safe answer), so Enter alone never picks a destructive one."""

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel"),
                Binding("left", "app.focus_previous", show=False),
                Binding("right", "app.focus_next", show=False)]

    def __init__(self, question: str, choices: list[tuple[str, str, str]], focus: str | None = None):
        super().__init__()
        self.question = question
        self.choices = choices  # (answer id, label, button variant)
        self.initial = focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question", id="choice-question")
            with Horizontal(classes="buttons"):
                for answer, label, variant in self.choices:
                    yield Button(label, variant=variant, id=f"choice-{answer}")

    def on_mount(self) -> None:
        if self.initial:
            self.query_one(f"#choice-{self.initial}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-") or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptDialog(Dialog):
    """One line of input. `validate` returns an error message or None; a refused entry
    stays in the field with the message under it, and the dialog stays open."""

    HELP = S.HELP_PROMPT

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel")]

    def __init__(self, title: str, value: str = "", *, validate: Callable[[str], str | None] | None = None,
                 suggestions: list[str] | None = None, placeholder: str = "", select_all: bool = True,
                 help: str | None = None):
        super().__init__()
        if help:
            self.HELP = help  # F1 says what this field is for
        self.select_all = select_all  # False: the text is what the drafter began typing
        self.title_text = title
        self.value = value
        self.initial = value if select_all else ""
        self.validate = validate
        self.suggestions = suggestions
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="question")
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield Input(self.value, placeholder=self.placeholder, suggester=suggester, id="prompt",
                        select_on_focus=self.select_all)
            yield Static("", id="prompt-error", classes="error")

    def on_mount(self) -> None:
        self.app.apply_blink(self)
        if not self.select_all:
            self.query_one("#prompt", Input).cursor_position = len(self.value)

    def pending_text(self) -> str | None:
        fields = self.query("#prompt")
        text = fields.first(Input).value if fields else self.value
        return text if text.strip() and text != self.initial else None

    def type_ahead(self, text: str) -> None:
        """Text typed for this field before it had the focus."""
        fields = self.query("#prompt")
        if fields:
            fields.first(Input).insert_text_at_cursor(text)
        else:
            self.value += text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        if self.validate is not None:
            error = self.validate(text)
            if error:
                self.query_one("#prompt-error", Static).update(error)
                return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(PromptDialog):
    """The export path, and below it what goes in: the changes against a version or last
    year's report as Word revisions (or none), and whether to append 附件 (last year's targets
    and results). Enter in the path field exports with what is chosen."""

    def __init__(self, title: str, value: str, *, bases: list[tuple[str, str]], appendix: bool | None,
                 validate: Callable[[str], str | None] | None = None, help: str | None = None):
        super().__init__(title, value, validate=validate, help=help)
        self.bases = bases            # (reference, label): "" is no revisions
        self.appendix = appendix      # None: no last year's report to append
        self.options: tuple[str, bool, bool] = ("", bool(appendix), True)

    def compose(self) -> ComposeResult:
        from textual.widgets import Checkbox, Select

        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="question")
            yield Input(self.value, id="prompt", select_on_focus=True)
            yield Static("", id="prompt-error", classes="error")
            if len(self.bases) > 1:
                yield Label(S.EXPORT_BASE_LABEL)
                yield Select([(label, ref) for ref, label in self.bases], value="", allow_blank=False,
                             id="export-base")
            yield Checkbox(S.EXPORT_APPENDIX_LABEL, bool(self.appendix), id="export-appendix",
                           disabled=self.appendix is None)
            yield Checkbox(S.EXPORT_JOINERS_LABEL, True, id="export-joiners")
            yield Static(S.EXPORT_OPTIONS_HINT, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from textual.widgets import Checkbox, Select

        bases = self.query("#export-base")
        base = bases.first(Select).value if bases else ""
        self.options = (base if isinstance(base, str) else "", self.query_one("#export-appendix", Checkbox).value,
                        self.query_one("#export-joiners", Checkbox).value)
        super().on_input_submitted(event)


class NewReportDialog(Dialog):
    """Place, year and the year to start from, each labelled; Enter in any field creates."""

    HELP = S.HELP_NEW_REPORT

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel")]

    def __init__(self, place: str = "", year: int | None = None, from_year: int | None = None):
        super().__init__()
        self.defaults = (place, "" if year is None else str(year), "" if from_year is None else str(from_year))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(S.NEW_TITLE, classes="question")
            yield Label(S.NEW_LABELS["place"], classes="field-label")
            yield Input(self.defaults[0], placeholder=S.NEW_PLACE, id="place")
            yield Label(S.NEW_LABELS["year"], classes="field-label")
            yield Input(self.defaults[1], placeholder=S.NEW_YEAR, id="year")
            yield Label(S.NEW_LABELS["from"], classes="field-label")
            yield Input(self.defaults[2], placeholder=S.NEW_FROM, id="from")
            yield Static(S.NEW_KEYS, classes="hint")
            yield Static("", id="new-error", classes="error")

    def on_mount(self) -> None:
        self.app.apply_blink(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        place = self.query_one("#place", Input).value.strip()
        problem, year = place_year_problem(place, self.query_one("#year", Input).value)
        start_text = self.query_one("#from", Input).value.strip()
        start = None
        if problem is None and start_text:
            start = typed_year(start_text)
            if start is None:
                problem = S.NEW_BAD_YEAR.format(field=S.NEW_FROM_FIELD, text=start_text)
        if problem:
            self.query_one("#new-error", Static).update(problem)
            return
        self.dismiss((place, year, start))

    def action_cancel(self) -> None:
        self.dismiss(None)


class MetaDialog(Dialog):
    """The title block: title, meeting line, date, speaker; and draft or final."""

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel")]
    FIELDS = ("title", "meeting", "date", "speaker")

    def __init__(self, values: dict[str, str], status: str):
        super().__init__()
        self.values = values
        self.status = status

    def compose(self) -> ComposeResult:
        from textual.widgets import Switch

        with Vertical(classes="dialog"):
            yield Label(S.META_TITLE, classes="question")
            for name in self.FIELDS:
                yield Label(S.META_LABELS[name])
                yield Input(self.values.get(name, ""), id=f"meta-{name}")
            with Horizontal(classes="switch-row"):
                yield Label(S.META_FINAL)
                yield Switch(value=self.status == "final", id="meta-final")
            yield Static(S.META_HINT, classes="hint")

    def on_mount(self) -> None:
        self.app.apply_blink(self)

    def pending_text(self) -> str | None:
        typed = {name: self.query_one(f"#meta-{name}", Input).value for name in self.FIELDS}
        changed = [v for name, v in typed.items() if v != self.values.get(name, "") and v.strip()]
        return "；".join(changed) or None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from textual.widgets import Switch

        event.stop()
        out = {name: self.query_one(f"#meta-{name}", Input).value.strip() for name in self.FIELDS}
        out["status"] = "final" if self.query_one("#meta-final", Switch).value else "draft"
        self.dismiss(out)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpDialog(Dialog):
    HELP = ""
    BINDINGS = [Binding("escape,f1,enter", "close", S.NO, id="dialog.close")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            from workbench.tui.widgets.cjktext import CJKText

            yield Label(S.HELP_TITLE, classes="question")
            yield CJKText(self.text, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)


class ImportPlaceYearDialog(ModalScreen[tuple[str, int] | None]):
    """Asks for the place and year an imported file does not state; shows what it read
    and where from, labels each field, and says what Enter does."""

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel")]

    def __init__(self, file_name: str, place: str, year: int | None, place_from: str, year_from: str):
        super().__init__()
        self.file_name = file_name
        self.defaults = (place, "" if not year else str(year))
        self.sources = (place_from, year_from)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(S.IMPORT_ASK_TITLE, classes="question")
            place = self.defaults[0] + S.IMPORT_ASK_FROM.format(source=self.sources[0]) if self.defaults[0] \
                else S.SOURCE_NONE
            year = self.defaults[1] + S.IMPORT_ASK_FROM.format(source=self.sources[1]) if self.defaults[1] \
                else S.SOURCE_NONE
            yield Static(S.IMPORT_ASK_FOUND.format(name=self.file_name, place=place, year=year),
                         id="import-found")
            yield Label(S.IMPORT_ASK_PLACE)
            yield Input(self.defaults[0], placeholder=S.NEW_PLACE, id="import-place")
            yield Label(S.IMPORT_ASK_YEAR)
            yield Input(self.defaults[1], placeholder=S.NEW_YEAR, id="import-year")
            yield Static(S.IMPORT_ASK_KEYS, classes="hint")
            yield Static("", id="import-error", classes="error")

    def on_mount(self) -> None:
        self.app.apply_blink(self)
        self.query_one("#import-year" if self.defaults[0] else "#import-place", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        place = self.query_one("#import-place", Input).value.strip()
        problem, year = place_year_problem(place, self.query_one("#import-year", Input).value)
        if problem:
            self.query_one("#import-error", Static).update(problem)
            return
        self.dismiss((place, year))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SentenceDialog(Dialog):
    """What a pasted targets sentence was read as, before anything is replaced:
    Enter replaces the table, a appends, Esc changes nothing."""

    HELP = S.SENTENCE_KEYS

    BINDINGS = [Binding("escape", "cancel", S.NO, id="dialog.cancel"),
                Binding("enter", "answer('replace')", S.SENTENCE_REPLACE, id="dialog.replace", priority=True),
                Binding("a", "answer('append')", S.SENTENCE_APPEND, id="dialog.append", show=False)]

    def __init__(self, figures: list, table: str, rows: int = 0, unread: list[str] | None = None):
        super().__init__()
        self.figures = figures
        self.unread = list(unread or [])  # clauses read as no figure: said, never dropped unsaid
        self.table = table
        self.rows = rows  # how many the table holds now: what 替换 would drop

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        from workbench.document.figures import format_parts

        with Vertical(classes="dialog sentence"):
            yield Label(S.SENTENCE_TITLE.format(n=len(self.figures), table=self.table, rows=self.rows),
                        classes="question")
            grid = DataTable(id="sentence-figures", cursor_type="row", zebra_stripes=True)
            grid.add_columns(*S.SENTENCE_COLUMNS)
            for f in self.figures:
                value, growth = format_parts(f)  # 左右/以上 are written inside these
                grid.add_row(f.name, value, growth)
            yield grid
            if self.unread:
                yield Static(S.SENTENCE_UNREAD.format(n=len(self.unread), clauses="；".join(self.unread)),
                             id="sentence-unread", classes="hint warning")
            yield Static(S.SENTENCE_KEYS, classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(S.SENTENCE_REPLACE.format(rows=self.rows, n=len(self.figures)), variant="primary",
                             id="choice-replace")
                yield Button(S.SENTENCE_APPEND, id="choice-append")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-") or None)

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SheetPreviewDialog(Dialog):
    """The bureau's sheet before anything is written: each row's text, indicator, what it
    would write, what is there now, what changes; the rows that cannot be mapped below.
    Space ticks a row, a ticks all, n none, Enter writes the ticked rows, Esc writes nothing.
    Dismisses with the ticked plan indices, or None."""

    HELP = S.SHEET_PREVIEW_KEYS
    BINDINGS = [Binding("escape", "cancel", S.NO, id="sheet.cancel"),
                Binding("enter", "accept", S.SHEET_PREVIEW_ACCEPT, id="sheet.accept", priority=True),
                Binding("space", "toggle", S.SHEET_PREVIEW_TOGGLE, id="sheet.toggle"),
                Binding("a", "all", S.SHEET_PREVIEW_ALL, id="sheet.all"),
                Binding("n", "none", S.SHEET_PREVIEW_NONE, id="sheet.none"),
                Binding("m", "map", S.SHEET_PREVIEW_MAP, id="sheet.map")]

    def __init__(self, plan, place: str, year: int):
        super().__init__()
        self.plan = plan
        self.place, self.year = place, year
        self.ticked: set[int] = set(plan.updating)  # rows new to the table: ticked by the drafter

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        from workbench.drafting.sheetfill import preview_rows

        read = self.plan.read
        with Vertical(classes="dialog sheet-preview"):
            yield Label(S.FIGURES_READ.format(file=read.path.name, sheet=read.sheet, columns=read.columns,
                                              table=S.SENTENCE_TABLE_NAMES[self.plan.kind], place=self.place,
                                              year=self.year), classes="question")
            grid = DataTable(id="sheet-rows", cursor_type="row", zebra_stripes=True)
            grid.add_columns(S.SHEET_PREVIEW_TICK, *S.SHEETFILL_COLUMNS)
            for i, row in enumerate(preview_rows(self.plan)):
                grid.add_row(self._tick(i), *row, key=str(i))
            for j, u in enumerate(self.plan.unmapped):  # listed, never dropped: m maps one
                grid.add_row(S.SHEET_PREVIEW_UNMAPPED_TICK, str(u.row.line), u.row.text, "", "", "", u.reason,
                             key=f"u{j}")
            yield grid
            lines = [S.SHEETFILL_UNMAPPED_ROW.format(line=u.row.line, text=u.row.text, reason=u.reason).strip()
                     for u in self.plan.unmapped] + list(read.warnings)
            if self.plan.unmapped:
                lines.insert(0, S.SHEETFILL_UNMAPPED_TITLE.format(n=len(self.plan.unmapped)))
            if read.notes:
                lines += [S.SHEETFILL_NOTES_TITLE] + read.notes
            if lines:
                yield Static("\n".join(lines), id="sheet-unmapped", classes="hint warning")
            yield Static(S.SHEET_PREVIEW_KEYS, classes="hint")
            yield Static(self._count_text(), id="sheet-count")

    def _tick(self, i: int) -> str:
        if i not in self.plan.changing:
            return "—"
        return "✓" if i in self.ticked else " "

    def _count_text(self) -> str:
        return S.SHEET_PREVIEW_COUNT.format(n=len(self.ticked), total=len(self.plan.changing))

    def _redraw(self) -> None:
        from textual.widgets import DataTable

        grid = self.query_one("#sheet-rows", DataTable)
        for i in range(len(self.plan.items)):
            grid.update_cell(str(i), grid.ordered_columns[0].key, self._tick(i))
        self.query_one("#sheet-count", Static).update(self._count_text())

    def action_toggle(self) -> None:
        from textual.widgets import DataTable

        row = self.query_one("#sheet-rows", DataTable).cursor_row
        if row in self.plan.changing:
            self.ticked ^= {row}
            self._redraw()

    def action_all(self) -> None:
        self.ticked = set(self.plan.changing)
        self._redraw()

    def action_none(self) -> None:
        self.ticked = set()
        self._redraw()

    def action_map(self) -> None:
        """Say which indicator the row under the cursor is: the dialog closes with
        ("map", SheetRow) and opens again, the plan made anew, once the drafter has said."""
        from textual.widgets import DataTable

        row = self.query_one("#sheet-rows", DataTable).cursor_row
        items = self.plan.items
        sheet_row = items[row].row if row < len(items) else self.plan.unmapped[row - len(items)].row
        self.dismiss(("map", sheet_row))

    def action_accept(self) -> None:
        self.dismiss(sorted(self.ticked))

    def action_cancel(self) -> None:
        self.dismiss(None)
