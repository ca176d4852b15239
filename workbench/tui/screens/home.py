"""Home: every report in the store, with new, open, import, delete and a filter."""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from workbench import strings as S


class ReportTable(DataTable):
    HELP = S.HELP_REPORTS
    # Home/End go to the first/last report, as in a file list (DataTable scrolls sideways).
    BINDINGS = [Binding("home", "scroll_top", show=False), Binding("end", "scroll_bottom", show=False)]


class FilterInput(Input):
    """The list's filter: Enter goes to the first report it leaves, Esc clears it."""

    HELP = S.HOME_FILTER_HELP
    BINDINGS = [Binding("escape", "clear_filter", show=False)]

    def __init__(self, *args, **kwargs):
        # Not Input's select-on-focus: a character typed on the list goes into the filter and
        # moves the focus there, and the next key of the same word would replace it
        # ("狮岭 2024" became "24"). "/" selects what was there itself (see focus_filter).
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def action_clear_filter(self) -> None:
        self.screen.clear_filter()


class HomeScreen(Screen):
    BINDINGS = [
        Binding("n", "new_report", S.BINDING["new"], id="home.new"),
        Binding("i", "import_file", S.BINDING["import"], id="home.import"),
        Binding("delete", "delete_report", S.BINDING["delete"], id="home.delete"),
        # With a Chinese input method on, the / key types "、" (Textual: ideographic_comma).
        Binding("slash,ideographic_comma", "focus_filter", S.BINDING["filter"], id="home.filter"),
        Binding("r", "refresh", S.BINDING["refresh"], id="home.refresh", show=False),
        Binding("b", "trash", S.BINDING_TRASH, id="home.trash"),
        # Esc on the list clears a filter left from before (the filter's own Esc does too).
        Binding("escape", "clear_filter", show=False),
    ]
    # A character typed on the list after this many seconds of quiet starts a new filter; one
    # sooner belongs to the same burst (an input method commits "狮岭镇" as several keys).
    NEW_FILTER_AFTER = 1.0
    _typed_at = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterInput(placeholder=S.HOME_FILTER_PLACEHOLDER, id="filter")
        yield ReportTable(cursor_type="row", zebra_stripes=True, id="reports")
        yield Static("", id="home-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.app.screen_title()
        self.sub_title = S.HOME_TITLE
        self.app.apply_blink(self)
        table = self.query_one(ReportTable)
        for i, label in enumerate(S.HOME_COLUMNS):
            table.add_column(label, key=str(i))
        self.rows: list[dict] = []
        self.shown_keys: list[str] = []
        self.counts: dict[tuple[str, int], tuple[int, int]] = {}
        self.rows = self.app.list_reports()
        self.show_rows()
        self.first_show = True
        # The list paints first; reading and checking every report waits a moment after the
        # paint, so the checking thread does not hold up the first paint on a big store. (The
        # worker starts now and waits, so whoever waits for workers waits for the counts.)
        self.painted = threading.Event()
        self.call_after_refresh(lambda: self.set_timer(0.1, self.painted.set))
        self.count_findings(self.rows)
        table.focus()

    def on_screen_resume(self) -> None:
        # The first showing follows on_mount, which has just listed the rows.
        if self.first_show:
            self.first_show = False
            return
        self.refresh_rows()

    def refresh_rows(self) -> None:
        self.rows = self.app.list_reports()
        self.show_rows()
        self.count_findings(self.rows)

    # Rows added before the first paint; the rest follow once the list is on the screen, so a
    # big store paints as fast as a small one (DataTable measures every cell it is given).
    FIRST_ROWS = 80
    CHUNK_ROWS = 150  # the rest, a chunk at a time, so no frame waits for a thousand rows

    def _simplified(self, place: str) -> str:
        """A place read in simplified characters (cached; the converter loads on first need)."""
        cache = self.__dict__.setdefault("_simplified_places", {})
        if place not in cache:
            from workbench.reading.lines import simplified

            cache[place] = simplified(place)
        return cache[place]

    def show_rows(self) -> None:
        table = self.query_one(ReportTable)
        needle = self.query_one("#filter", Input).value.strip()
        current = table.cursor_row
        table.clear()
        # Every word must match the place or the year: "示例049 2015", "狮岭 2024".
        words = needle.split()
        shown = [r for r in self.rows
                 if all(w in r["place"] or w in str(r["year"]) for w in words)]
        if not shown and words and any(self._simplified(str(r["place"])) != r["place"] for r in self.rows):
            # Nothing as typed: "嘉兴" still finds a traditional page's "嘉興市".
            shown = [r for r in self.rows if all(
                w in self._simplified(str(r["place"])) or w in str(r["year"]) for w in words)]
        self.shown_keys = [f"{r['place']}|{r['year']}" for r in shown]
        self._add_rows(table, shown[: self.FIRST_ROWS])
        if len(shown) > self.FIRST_ROWS:
            rest = shown[self.FIRST_ROWS:]
            generation = self.shown_keys

            def add_rest(start: int = 0) -> None:
                if self.shown_keys is not generation:  # replaced meanwhile
                    return
                self._add_rows(table, rest[start:start + self.CHUNK_ROWS])
                if start + self.CHUNK_ROWS < len(rest):
                    self.set_timer(0.02, lambda: add_rest(start + self.CHUNK_ROWS))
                elif current >= self.FIRST_ROWS:
                    table.move_cursor(row=min(current, len(shown) - 1), animate=False)

            self.set_timer(0.2, add_rest)
        if shown:
            table.move_cursor(row=min(current, len(shown) - 1, self.FIRST_ROWS - 1), animate=False)
        empty = self.query_one("#home-empty", Static)
        empty.update("" if self.rows else S.HOME_EMPTY)
        empty.display = not self.rows  # its margins would take lines from the list

    def _count_cells(self, place: str, year: int) -> tuple[Text, Text]:
        counts = self.counts.get((place, year))
        if counts is None:
            return Text(S.HOME_COUNTING), Text(S.HOME_COUNTING)
        return (Text(str(counts[0]), style="bold red" if counts[0] else "green"),
                Text(str(counts[1]), style="yellow" if counts[1] else "green"))

    def _add_rows(self, table: DataTable, rows: list[dict]) -> None:
        # Text, not str: a plain string is parsed as Rich markup ("[草稿]" would vanish) and
        # that parsing is most of the cost of a thousand rows.
        for r in rows:
            errors, warnings = self._count_cells(r["place"], r["year"])
            table.add_row(Text(r["place"]), Text(str(r["year"])),
                          Text(S.STATUS_NAMES.get(r["status"], r["status"])),
                          errors, warnings, Text(str(r["targets"])), Text(r["title"] or S.UNTITLED_AS_PRINTED, style="" if r["title"] else "dim"),
                          key=f"{r['place']}|{r['year']}")

    @work(thread=True, exclusive=True, group="home-count", description="count findings")
    def count_findings(self, rows: list[dict]) -> None:
        self.painted.wait(2.0)
        counts = self.app.count_findings([(r["place"], r["year"]) for r in rows],
                                         {(r["place"], r["year"]): r.get("saved_at") for r in rows})
        # The first list may have come from the cache; the store is read now, so list it again.
        fresh = self.app.list_reports(remember=True)
        self.app.call_from_thread(self._counted, counts, fresh if fresh != rows else None)

    def _counted(self, counts, fresh: list[dict] | None = None) -> None:
        """Put the counts into the rows already shown (a rebuild would measure every cell again)."""
        self.counts = counts
        if fresh is not None:  # the file said otherwise than the remembered list
            self.rows = fresh
            self.show_rows()
            self.count_findings(self.rows)
            return
        table = self.query_one(ReportTable)
        for key in self.shown_keys:
            if key not in table.rows:
                continue
            place, year = key.rsplit("|", 1)
            errors, warnings = self._count_cells(place, int(year))
            table.update_cell(key, "3", errors)
            table.update_cell(key, "4", warnings)

    def selected(self) -> tuple[str, int] | None:
        table = self.query_one(ReportTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        place, year = key.rsplit("|", 1)
        return place, int(year)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        place, year = event.row_key.value.rsplit("|", 1)
        self.app.open_report(place, int(year))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.show_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "filter":
            return
        table = self.query_one(ReportTable)
        if table.row_count == 0:
            self.notify(S.HOME_FILTER_NONE.format(needle=event.value.strip()), severity="warning")
            return
        table.move_cursor(row=0, animate=False)
        table.focus()

    def clear_filter(self) -> None:
        """Esc in the filter: every report again, and back to the list."""
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
            self.show_rows()  # at once, not when Input.Changed arrives
        self.query_one(ReportTable).focus()

    def on_key(self, event: events.Key) -> None:
        """A character typed on the list that no key here uses (Chinese, a digit, a space)
        goes into the filter: typing a place filters by it. This also catches what an input
        method commits in the same burst as "/": those keys were already on their way to the
        list before the filter took the focus. (The filter stops what it types itself.)"""
        ch = event.character
        if not event.is_printable or not ch or ch == "/" or (ch.isascii() and ch.isalpha()):
            return
        import time

        field = self.query_one("#filter", Input)
        now = time.monotonic()
        if self.focused is not field:
            if now - self._typed_at > self.NEW_FILTER_AFTER:
                field.value = ""  # typing on the list is a new search, not more of the last one
            field.cursor_position = len(field.value)
        self._typed_at = now
        field.insert_text_at_cursor(ch)
        self.set_focus(field)
        event.stop()
        event.prevent_default()

    def action_clear_filter(self) -> None:
        self.clear_filter()

    def action_focus_filter(self) -> None:
        # At once, not through focus()'s call_later: keys typed in the same burst as "/" (an
        # input method commits "狮岭镇" in one go) are already queued and must reach the filter.
        field = self.query_one("#filter", Input)
        self.set_focus(field)
        if field.value:
            field.select_all()  # "/" then typing: a new filter in place of the old one

    def action_refresh(self) -> None:
        self.refresh_rows()

    def action_new_report(self) -> None:
        from workbench.tui.dialogs import NewReportDialog

        if self.app.refuse_readonly():
            return
        sel = self.selected()
        defaults = (sel[0], sel[1] + 1, sel[1]) if sel else ("", None, None)

        def done(result) -> None:
            if result:
                place, year, start = result
                self.app.new_report(place, year, start)

        self.app.push_screen(NewReportDialog(*defaults), done)

    def action_import_file(self) -> None:
        from workbench.tui.filepicker import FilePicker

        if self.app.refuse_readonly():
            return

        def done(path: Path | None) -> None:
            if path:
                self.app.import_file(path)

        self.app.push_screen(FilePicker(self.app.store_path), done)

    def action_delete_report(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        sel = self.selected()
        if sel is None or self.app.refuse_readonly():
            return
        row = next((r for r in self.rows if (r["place"], r["year"]) == sel), None)
        if row is None:
            return
        question = S.CONFIRM_TRASH.format(place=sel[0], year=sel[1], title=row["title"] or "无标题",
                                          chapters=row["chapters"], targets=row["targets"])

        def done(answer: str | None) -> None:
            if answer == "trash":
                self.app.delete_report(*sel)

        # Focus starts on 取消: Enter alone keeps the report.
        self.app.push_screen(ChoiceDialog(question, [("cancel", S.QUIT_CANCEL, "primary"),
                                                     ("trash", S.CONFIRM_TRASH_YES, "error")],
                                          focus="cancel"), done)

    def action_trash(self) -> None:
        self.app.push_screen(TrashScreen())


class TrashTable(DataTable):
    HELP = S.TRASH_HINT


class TrashScreen(Screen):
    """The recycle bin: reports deleted from the list, restorable until emptied."""

    BINDINGS = [
        Binding("escape", "back", S.BINDING["back"], id="trash.back"),
        Binding("delete", "purge_one", S.BINDING["delete"], id="trash.purge"),
        Binding("ctrl+d", "purge_all", S.BINDING_PURGE_ALL, id="trash.purge_all"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.TRASH_HINT, id="trash-hint")
        yield TrashTable(cursor_type="row", zebra_stripes=True, id="trash")
        yield Static("", id="trash-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.app.screen_title()
        self.sub_title = S.TRASH_TITLE
        table = self.query_one(TrashTable)
        for i, label in enumerate(S.TRASH_COLUMNS):
            table.add_column(label, key=str(i))
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        self.rows = self.app.trash_rows()
        table = self.query_one(TrashTable)
        table.clear()
        for i, r in enumerate(self.rows):
            table.add_row(r["place"], str(r["year"]), r["title"], r["deleted_at"].replace("T", " "), key=str(i))
        self.query_one("#trash-empty", Static).update("" if self.rows else S.TRASH_EMPTY_LIST)

    def _selected(self) -> dict | None:
        table = self.query_one(TrashTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        row = self._selected()
        if row is not None and self.app.restore_report(row["place"], row["year"]):
            self.refresh_rows()

    def action_purge_one(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        row = self._selected()
        if row is None or self.app.refuse_readonly():
            return

        def done(answer: str | None) -> None:
            if answer == "purge":
                self.app.purge_trash(row["place"], row["year"])
                self.refresh_rows()

        self.app.push_screen(ChoiceDialog(S.TRASH_PURGE_ONE.format(place=row["place"], year=row["year"]),
                                          [("cancel", S.QUIT_CANCEL, "primary"),
                                           ("purge", S.BINDING["delete"], "error")], focus="cancel"), done)

    def action_purge_all(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        if not self.rows or self.app.refuse_readonly():
            return

        def done(answer: str | None) -> None:
            if answer == "purge":
                self.app.purge_trash()
                self.refresh_rows()

        self.app.push_screen(ChoiceDialog(S.TRASH_PURGE_ALL.format(n=len(self.rows)),
                                          [("cancel", S.QUIT_CANCEL, "primary"),
                                           ("purge", S.BINDING_PURGE_ALL, "error")], focus="cancel"), done)

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
