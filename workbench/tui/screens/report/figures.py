"""The figures tab (F2): what the keys of the two figure tables (`widgets/figures.py`) do to the
report: cell edits, typed clauses, a pasted targets sentence, the indicator suggestions."""

from __future__ import annotations

import copy

from workbench import strings as S
from workbench.document.figures import FigureError, format_parts
from workbench.drafting import editing as E
from workbench.drafting.clause import (
    figure_from_clause, looks_like_sentence, merge_figures, replace_figures, sentence_figures,
    type_into_row,
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
                type_into_row(copy.deepcopy(self.report), kind, row, field, text)
            except (FigureError, E.EditError) as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if text is None:
                return
            self.remember()
            new = type_into_row(self.report, kind, row, field, text)
            self.refresh_figures()
            self.notify(S.FIG_SAVED_ROW.format(raw=new.raw), timeout=3)
            self.mark_dirty()

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
            figs = self._figures(kind)
            at = len(figs) if after is None else after + 1
            figs.insert(at, fig)
            self.refresh_figures()
            self.query_one(f"#{kind}", FiguresTable).move_cursor(row=at, column=1)
            self.mark_dirty()

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
            figs.append(fig)
        else:
            field = column_field(column) or E.NAME
            try:
                type_into_row(copy.deepcopy(self.report), kind, row, field, text)
            except (FigureError, E.EditError) as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.remember()
            fig = type_into_row(self.report, kind, row, field, text)
        self.refresh_figures()
        self.notify(S.FIG_SAVED_ROW.format(raw=fig.raw), timeout=3)
        self.mark_dirty()

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
        figs = sentence_figures(text)
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
            self.refresh_figures()
            self.mark_dirty()
            self.query_one(f"#{kind}", FiguresTable).focus()

        self.app.push_screen(SentenceDialog(figs, S.SENTENCE_TABLE_NAMES[kind], len(self._figures(kind))), done)

    def remove_figure(self, kind: str, row: int) -> None:
        from workbench.tui.dialogs import ConfirmDialog

        figs = self._figures(kind)
        if not figs or self.refuse():
            return

        def done(yes: bool) -> None:
            if yes:
                self.remember()
                E.remove_figure(self.report, kind, row)
                self.refresh_figures()
                self.mark_dirty()

        self.app.push_screen(ConfirmDialog(S.CONFIRM_DELETE_ITEM.format(what=figs[row].name)), done)

    def move_figure(self, kind: str, row: int, delta: int) -> None:
        if self.refuse():
            return
        self.remember()
        new = E.move_item(self._figures(kind), row, delta)
        if new != row:
            self.refresh_figures()
            table = self.query_one(f"#{kind}", FiguresTable)
            table.move_cursor(row=new, column=table.cursor_column)
            self.mark_dirty()
