"""The figures tab (F2): what the keys of the two figure tables (`widgets/figures.py`) do to the
report: cell edits, typed clauses, a pasted targets sentence, the indicator suggestions."""

from __future__ import annotations

from workbench import strings as S
from workbench.document.figures import FigureError, format_parts
from workbench.drafting import editing as E
from workbench.drafting.clause import (
    figure_from_clause, looks_like_sentence, merge_figures, plan_row_edit, put_row, replace_figures,
    sentence_figures, type_into_row,
)
from workbench.tui.widgets.figures import FiguresTable, column_field


class FiguresTab:
    """Mixed into ReportScreen: Enter, a, Delete, v, Ctrl+↑/↓, and typing or pasting on a row."""

    def refresh_figures(self) -> None:
        for table in self.query(FiguresTable):
            table.fill(self.report, self.previous)
        self._tab_counts()

    def _figures(self, kind: str):
        return E.figures_of(self.report, kind)

    def edit_figure_cell(self, kind: str, row: int, column: int, typed: str | None = None) -> None:
        from workbench.tui.dialogs import PromptDialog

        if self.refuse():
            return
        figs = self._figures(kind)
        if not figs or row >= len(figs):
            self.add_figure(kind, None)
            return
        fig = figs[row]
        field = column_field(column) or (E.GROWTH if fig.growth_pct is not None else E.VALUE)
        value_part, growth_part = format_parts(fig)
        current = {E.NAME: fig.name, E.VALUE: value_part, E.GROWTH: growth_part}[field]
        if typed is not None:
            current = typed  # typing on a cell starts a new entry there, as a spreadsheet does

        def validate(text: str) -> str | None:
            try:
                plan = plan_row_edit(self.report, kind, row, field, text)
            except (FigureError, E.EditError) as exc:
                return str(exc)
            if plan.existing is not None and not plan.names_other:
                return S.FIG_NAME_TAKEN.format(name=plan.figure.name, row=plan.existing + 1)
            return None

        def done(text: str | None) -> None:
            if text is None:
                return
            self.put_on_row(kind, row, field, text)

        from workbench.document.catalog import suggest

        self.app.push_screen(PromptDialog(
            S.FIG_EDIT_TITLE.format(name=fig.name, column=S.FIG_COLUMN_NAMES[field]), current,
            validate=validate, suggestions=suggest("", 200) if field == E.NAME else None,
            placeholder=S.FIG_EDIT_CLAUSE_HINT, select_all=typed is None), done)

    def add_figure(self, kind: str, after: int | None) -> None:
        from workbench.document.catalog import suggest
        from workbench.tui.dialogs import PromptDialog

        if self.refuse():
            return

        def validate(text: str) -> str | None:
            if looks_like_sentence(text):
                return None if sentence_figures(text) else S.SENTENCE_NONE.format(text=text.strip())
            try:
                figure_from_clause(text)
            except (FigureError, E.EditError) as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if not text:
                return
            if looks_like_sentence(text):
                self.read_sentence(kind, text)
                return
            self.remember()
            fig = figure_from_clause(text)
            self._add_row(kind, fig, None if after is None else after + 1)

        self.app.push_screen(PromptDialog(S.FIG_ADD_CLAUSE_TITLE, validate=validate,
                                          suggestions=suggest("", 200)), done)

    def type_clause(self, kind: str, row: int, column: int, text: str) -> None:
        """A clause pasted onto a row: fill it at once, or say what was wrong, quoting it."""
        if self.refuse():
            return
        figs = self._figures(kind)
        if not figs or row >= len(figs):
            try:
                fig = figure_from_clause(text)
            except (FigureError, E.EditError) as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.remember()
            self._add_row(kind, fig, None)
            return
        self.put_on_row(kind, row, column_field(column) or E.NAME, text)

    def _add_row(self, kind: str, fig, at: int | None) -> None:
        """A new row; a row of the same indicator is updated instead, and the drafter told."""
        before = self._figures(kind)
        old = None
        from workbench.drafting.clause import row_of

        existing = row_of(self.report, kind, fig)
        if existing is not None:
            old = before[existing].raw or before[existing].name
        at, added = put_row(self.report, kind, fig, at)
        self.refresh_figures()
        self.query_one(f"#{kind}", FiguresTable).move_cursor(row=at, column=1)
        if added:
            self.notify(S.FIG_ADDED_ROW.format(raw=fig.raw), timeout=3)
        else:
            self.notify(S.FIG_MERGED_ROW.format(name=fig.name, row=at + 1, old=old, raw=fig.raw),
                        severity="warning", timeout=8)
        self.mark_dirty()

    def put_on_row(self, kind: str, row: int, field: str, text: str) -> None:
        """What was typed on a row, put there; a clause naming another indicator than the row's
        asks first (add a row / replace this row / cancel), and no indicator gets a second row."""
        from workbench.tui.dialogs import ChoiceDialog

        try:
            plan = plan_row_edit(self.report, kind, row, field, text)
        except (FigureError, E.EditError) as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        here = self._figures(kind)[row]
        new = plan.figure
        if plan.existing is not None and not plan.names_other:
            self.notify(S.FIG_NAME_TAKEN.format(name=new.name, row=plan.existing + 1),
                        severity="error", timeout=8)
            return

        def apply(answer: str | None = "here") -> None:
            if answer == "here":
                self.remember()
                fig = type_into_row(self.report, kind, row, field, text)
                self.refresh_figures()
                self.notify(S.FIG_SAVED_ROW.format(raw=fig.raw), timeout=3)
                self.mark_dirty()
            elif answer == "add":
                self.remember()
                self._add_row(kind, new, row + 1)

        if not plan.names_other:
            apply()
            return
        choices = []
        if plan.existing is None:
            choices.append(("add", S.FIG_OTHER_ADD, "primary"))
            choices.append(("here", S.FIG_OTHER_REPLACE.format(name=here.name), "warning"))
        else:
            choices.append(("add", S.FIG_OTHER_UPDATE.format(row=plan.existing + 1, name=new.name), "primary"))
        choices.append(("cancel", S.QUIT_CANCEL, "default"))
        self.app.push_screen(ChoiceDialog(
            S.FIG_OTHER_ASK.format(text=text.strip(), other=new.name, name=here.name),
            choices, focus="cancel"), apply)

    def paste_sentence(self, kind: str) -> None:
        """Ask for a whole targets sentence, then show what was read before replacing."""
        from workbench.tui.dialogs import PromptDialog

        if self.refuse():
            return

        def validate(text: str) -> str | None:
            return None if sentence_figures(text) else S.SENTENCE_NONE.format(text=text.strip())

        def done(text: str | None) -> None:
            if text:
                self.read_sentence(kind, text)

        self.app.push_screen(PromptDialog(S.PASTE_SENTENCE_TITLE, validate=validate), done)

    def read_sentence(self, kind: str, text: str) -> None:
        """Show the figures a sentence holds; replace or append only when the drafter says so."""
        from workbench.tui.dialogs import SentenceDialog

        if self.refuse():
            return
        unread: list[str] = []
        figs = sentence_figures(text, unread)
        if not figs:
            self.notify(S.SENTENCE_NONE.format(text=text.strip()[:60]), severity="warning", timeout=6)
            return

        def done(answer: str | None) -> None:
            if answer not in ("replace", "append"):
                return
            self.remember()
            if answer == "replace":
                rows = len(self._figures(kind))
                replace_figures(self.report, kind, figs)
                self.notify(S.SENTENCE_REPLACED.format(n=len(figs), rows=rows), timeout=6)
            else:
                updated, added = merge_figures(self.report, kind, figs)
                self.notify(S.SENTENCE_APPENDED.format(updated=updated, added=added), timeout=6)
            if unread:
                self.notify(S.SENTENCE_UNREAD_KEPT.format(clauses="；".join(unread)),
                            severity="warning", timeout=12)
            self.refresh_figures()
            self.mark_dirty()
            self.query_one(f"#{kind}", FiguresTable).focus()

        self.app.push_screen(SentenceDialog(figs, S.SENTENCE_TABLE_NAMES[kind], len(self._figures(kind)),
                                            unread=unread), done)

    def remove_figure(self, kind: str, row: int) -> None:
        from workbench.tui.dialogs import ConfirmDialog

        figs = self._figures(kind)
        if not figs:
            self.say_why(S.FIG_TABLE_EMPTY)
            return
        if self.refuse():
            return

        def done(yes: bool) -> None:
            if yes:
                self.remember()
                E.remove_figure(self.report, kind, row)
                self.refresh_figures()
                self.mark_dirty()

        table = S.FIGURE_TABLE_NAMES.get(kind, "")
        self.app.push_screen(ConfirmDialog(S.CONFIRM_DELETE_FIGURE.format(
            table=table, what=figs[row].name, year=self.report.year - 1 if kind == "results" else self.report.year)), done)

    def move_figure(self, kind: str, row: int, delta: int) -> None:
        if self.refuse():
            return
        before = E.snapshot(self.report)
        new = E.move_item(self._figures(kind), row, delta)
        if new != row:
            self.remember(before)
            self.refresh_figures()
            table = self.query_one(f"#{kind}", FiguresTable)
            table.move_cursor(row=new, column=table.cursor_column)
            self.mark_dirty()
        else:
            self.say_why(S.CANNOT_MOVE_FURTHER.format(end="前" if delta < 0 else "后", way="上" if delta < 0 else "下"))

    # ------------------------------------------------------------ the bureau's spreadsheet
    def import_sheet(self, kind: str) -> None:
        """i: pick the statistics bureau's sheet, preview what it would write, write the rows
        the drafter ticks as one undo step (a 计划表 fills this year's targets)."""
        from workbench.reading.sheet import SHEET_SUFFIXES
        from workbench.tui.filepicker import FilePicker

        if self.refuse():
            return

        def problem(path) -> str | None:
            from workbench.reading.sheet import SheetError, read_grid

            try:
                read_grid(path)
            except SheetError as exc:
                return str(exc)
            return None

        def picked(path) -> None:
            if path is not None:
                self.preview_sheet(path, kind)

        self.app.push_screen(FilePicker(self.app.store_path, suffixes=SHEET_SUFFIXES, problem=problem,
                                        title=S.SHEET_PICKER_TITLE, setting="sheet_folder"), picked)

    def preview_sheet(self, path, kind: str = E.RESULTS) -> None:
        from workbench.drafting.sheetfill import plan_import
        from workbench.reading.sheet import TARGETS, SheetError, detect_kind, read_grid, read_sheet
        from workbench.storage import sheetmap
        from workbench.tui.dialogs import SheetPreviewDialog

        r = self.report
        try:
            grid = read_grid(path)
            if detect_kind(grid) == TARGETS:
                kind = E.TARGETS
            read = read_sheet(path, place=r.place, year=r.year if kind == E.TARGETS else r.year - 1,
                              kind=kind, grid=grid)
        except SheetError as exc:
            self.notify(str(exc), severity="error", timeout=12)
            return
        if kind == TARGETS:
            self.notify(S.SHEET_IMPORT_TARGETS_HINT, timeout=4)
        plan = plan_import(r, read, kind, sheetmap.load(self.app.store_path, r.place))
        if not plan.changing and not plan.unmapped:
            self.notify(S.SHEET_IMPORT_NOTHING.format(file=path.name), timeout=6)
            return

        def done(chosen) -> None:
            if chosen is None:
                return
            if isinstance(chosen, tuple):
                self.map_sheet_row(path, kind, chosen[1])
                return
            if not chosen:
                self.notify(S.SHEET_IMPORT_NONE_CHOSEN, timeout=4)
                return
            self.apply_sheet(plan, chosen)

        self.app.push_screen(SheetPreviewDialog(plan, r.place, r.year), done)

    def map_sheet_row(self, path, kind: str, row) -> None:
        """Ask which indicator a sheet row is, remember it for the place, preview again."""
        from workbench.document.catalog import lookup, suggest
        from workbench.reading.sheet import fold
        from workbench.storage import sheetmap
        from workbench.storage.atomic import WriteFailed
        from workbench.tui.dialogs import PromptDialog

        names = {fold(f.name) for f in self._figures(kind)}

        def validate(text: str) -> str | None:
            text = text.strip()
            if not text or (lookup(text) is None and fold(text) not in names):
                return S.SHEET_MAP_UNKNOWN.format(name=text)
            return None

        def done(text: str | None) -> None:
            if text:
                try:
                    sheetmap.remember(self.app.store_path, self.report.place, {fold(row.text): text.strip()})
                except WriteFailed as exc:
                    self.notify(S.FIGURES_MEMORY_FAILED.format(reason=exc), severity="warning", timeout=8)
            self.preview_sheet(path, kind)

        self.app.push_screen(PromptDialog(S.SHEET_MAP_TITLE.format(line=row.line, text=row.text),
                                          validate=validate, suggestions=suggest("", 200)), done)

    def apply_sheet(self, plan, chosen: list[int]) -> None:
        from workbench.drafting.sheetfill import apply_plan, learned
        from workbench.storage import sheetmap
        from workbench.storage.atomic import WriteFailed

        if self.refuse():
            return
        before = E.snapshot(self.report)
        written = apply_plan(self.report, plan, chosen)
        if not written:
            self.notify(S.SHEET_IMPORT_NOTHING.format(file=plan.read.path.name), timeout=6)
            return
        self.remember(before)  # one undo step for the whole import
        try:
            sheetmap.remember(self.app.store_path, self.report.place, learned(plan, chosen))
        except WriteFailed as exc:
            self.notify(S.FIGURES_MEMORY_FAILED.format(reason=exc), severity="warning", timeout=8)
        self.refresh_figures()
        self.mark_dirty()
        self.run_checks()
        self.notify(S.SHEET_IMPORT_DONE.format(file=plan.read.path.name, n=len(written),
                                               table=S.SENTENCE_TABLE_NAMES[plan.kind]), timeout=6)
        self.query_one(f"#{plan.kind}", FiguresTable).focus()
