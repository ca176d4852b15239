"""One open report: figures, sections, checks and preview, with autosave and export."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Footer, Header, Input, Label, Static, TabbedContent, TabPane, TextArea, Tree,
)

from workbench.drafting import editing as E
from workbench import strings as S
from workbench.checking.checks import check, counts
from workbench.checking.findings import ERROR, INFO, WARNING
from workbench.drafting.clause import (merge_figures, figure_from_clause, looks_like_sentence, replace_figures,
                       sentence_figures, type_into_row)
from workbench.document.figures import FigureError, format_parts
from workbench.document.model import Report
from workbench.document.phrasing import printed, speaking_minutes
from workbench.tui.widgets.checks import ChecksPanel
from workbench.tui.widgets.figures import FiguresTable, column_field
from workbench.tui.widgets.cjktext import CJKText
from workbench.tui.widgets.status import StatusBar
from workbench.tui.widgets.sections import BodyArea, LeadInput, OutlineTree, SectionsEditor, paragraph_label

AUTOSAVE_DELAY = 1.0
CHECK_DELAY = 0.4


class ReportScreen(Screen):
    BINDINGS = [
        # The footer shows the keys of the place the drafter is in, then these few; F1 lists all.
        Binding("f1", "app.help", S.BINDING_HELP_ALL, id="report.help"),
        Binding("escape", "back", S.BINDING_BACK_SHORT, id="report.back"),
        Binding("ctrl+s", "save", S.BINDING["save"], id="report.save", show=False),
        Binding("ctrl+e", "export", S.BINDING["export"], id="report.export", priority=True),
        Binding("f8", "export_pdf", S.BINDING_EXPORT_PDF, id="report.export_pdf", show=False),
        Binding("f2", "tab('figures')", S.BINDING["figures"], id="report.figures", show=False),
        Binding("f3", "tab('sections')", S.BINDING["sections"], id="report.sections", show=False),
        Binding("f4", "tab('checks')", S.BINDING["checks"], id="report.checks", show=False),
        Binding("f5", "tab('preview')", S.BINDING["preview"], id="report.preview"),
        Binding("f6", "compare", S.BINDING["compare"], id="report.compare", show=False),
        Binding("f7", "edit_meta", S.BINDING["meta"], id="report.meta", show=False),
        Binding("ctrl+z", "undo", S.BINDING["undo"], id="report.undo", show=False),
        Binding("ctrl+y", "redo", S.BINDING["redo"], id="report.redo", show=False),
        Binding("ctrl+g", "toggle_generated", S.BINDING_GENERATED, id="report.generated", show=False),
        Binding("f10", "versions", S.BINDING_VERSIONS, id="report.versions", show=False),
    ]
    UNDO_DEPTH = 100

    def __init__(self, report: Report, previous: Report | None, *, readonly: bool = False,
                 base: dict | None = None):
        super().__init__()
        self.report = report
        self.base = base  # the stored document this editor started from (or last saved)
        self.edits = 0  # edits made; `saved_edits` is how many of them the store holds
        self.saved_edits = 0
        self.saving = 0
        self.asking = False
        self.previous = previous
        self.readonly = readonly
        self.findings = []
        self.address: E.Address | None = None
        self._loading = False
        self._save_timer: Timer | None = None
        self._check_timer: Timer | None = None
        self.saved_at: str | None = None
        self.save_error: str | None = None
        self.history = E.History(self.UNDO_DEPTH)

    # ------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="figures", id="tabs"):
            with TabPane(S.TAB_FIGURES, id="figures"):
                with VerticalScroll():
                    yield Label(S.FIG_RESULTS_TITLE.format(year=self.report.year - 1), classes="table-title")
                    yield FiguresTable(E.RESULTS, id="results")
                    yield Label(S.FIG_TARGETS_TITLE.format(year=self.report.year), classes="table-title")
                    yield FiguresTable(E.TARGETS, id="targets")
            with TabPane(S.TAB_SECTIONS, id="sections"):
                yield SectionsEditor()
            with TabPane(S.TAB_CHECKS, id="checks"):
                yield Label("", id="checks-title")
                yield ChecksPanel(id="findings")
            with TabPane(S.TAB_PREVIEW, id="preview"):
                yield Label("", id="preview-stats")
                with VerticalScroll(id="preview-scroll"):
                    yield CJKText("", id="preview-text")
        yield StatusBar(id="status-bar")
        yield Footer()

    def on_mount(self) -> None:
        r = self.report
        self.title = self.app.screen_title()
        self.app.apply_blink(self)
        self.show_subtitle()
        self.app.set_window_title(S.WINDOW_TITLE.format(place=r.place, year=r.year, app=S.APP_TITLE))
        self.refresh_figures()
        self.query_one(OutlineTree).fill(r)
        self._show_editor(None)
        self.run_checks()
        self.set_state(self.app.readonly_state() if self.readonly else "")
        self.query_one("#results", FiguresTable).focus()

    # ------------------------------------------------------------ state
    def set_state(self, text: str) -> None:
        """Called on every keystroke: only a change is drawn, and without a layout pass (the
        state's box is one line of a fixed width), so typing repaints just what changed."""
        if text != getattr(self, "_state_shown", None):
            self._state_shown = text
            self.query_one("#save-state", Static).update(text, layout=False)

    @property
    def dirty(self) -> bool:
        """Edits the store does not hold yet."""
        return self.edits != self.saved_edits

    def refuse(self) -> bool:
        """True, and the drafter told why, when this report cannot be changed: a read-only
        store, or a report marked 定稿 (asked once whether to turn it back into a draft)."""
        if self.readonly:
            return self.app.refuse_readonly()
        if self.final_locked:
            self.ask_unfinal()
            return True
        return False

    def show_subtitle(self) -> None:
        """"狮岭镇 2024年 · 草稿": the place, the year and the status, under the title."""
        r = self.report
        self.sub_title = S.REPORT_SUBTITLE.format(place=r.place, year=r.year,
                                                  status=S.STATUS_NAMES.get(r.status, r.status))

    @property
    def final_locked(self) -> bool:
        return self.report.status == "final"

    def ask_unfinal(self) -> None:
        """A 定稿 report is not changed by a stray key: the first edit asks."""
        from workbench.tui.dialogs import ChoiceDialog

        if any(isinstance(s, ChoiceDialog) for s in self.app.screen_stack):
            return

        def done(answer: str | None) -> None:
            if answer != "edit":
                return
            self.remember()
            self.report.status = "draft"
            self.show_subtitle()
            self.mark_dirty()
            self._show_editor(self.address)
            self.notify(S.FINAL_REOPENED, timeout=6)

        r = self.report
        self.app.push_screen(ChoiceDialog(S.FINAL_ASK.format(place=r.place, year=r.year),
                                          [("cancel", S.FINAL_KEEP, "primary"), ("edit", S.FINAL_EDIT, "warning")],
                                          focus="cancel"), done)

    def update_counts(self) -> None:
        """字数 for the paragraph, section, chapter and report, as the drafter types."""
        from workbench.document.counts import counts_at

        self.query_one(StatusBar).show_counts(counts_at(self.report, self.address))
        self._tab_counts()

    def _tab_counts(self) -> None:
        """Tab labels say what they count: "指标 完成6 目标6", "章节 3章42段"."""
        r = self.report
        labels = {"figures": S.TAB_FIGURES_COUNTS.format(results=len(r.results), targets=len(r.targets)),
                  "sections": S.TAB_SECTIONS_COUNTS.format(chapters=len(r.chapters),
                                                           n=sum(1 for _ in r.paragraphs()))}
        tabs = self.query_one(TabbedContent)
        for pane, label in labels.items():
            tab = tabs.get_tab(pane)
            if str(tab.label) != label:
                tab.label = label

    def mark_dirty(self) -> None:
        """An edit happened: autosave a moment after the last keystroke, re-check sooner."""
        self._refresh_generated()
        self.update_counts()
        self.schedule_checks()
        if self.readonly:
            return
        self.edits += 1
        self.set_state(S.SAVE_STATE_DIRTY)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self.save_now)

    def schedule_checks(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.run_checks)

    def save_now(self) -> None:
        if self.readonly:
            self.set_state(self.app.readonly_state())
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.asking:
            return
        self.set_state(S.SAVE_STATE_SAVING)
        self.saving += 1
        self._save(E.save_copy(self.report), self.edits, self.base)

    @work(thread=True, group="save")
    def _save(self, snap: Report, edits: int, base: dict | None) -> None:
        error, doc, conflict = self.app.save_checked(snap, base)
        self.app.call_from_thread(self._saved, error, edits, doc, conflict)

    def on_unmount(self) -> None:
        """Leaving any other way than "不保存" (the terminal closed, a crash, Ctrl+C) keeps the
        edits. Textual takes the screens down before the app's own Unmount, so it is done here."""
        if self.dirty and not self.readonly and not getattr(self, "discarded", False) \
                and not self.app.discard_on_exit and self.app.store is not None:
            try:
                self.save_sync()
            except Exception:  # shutting down: nothing may stop the rest of the exit
                pass

    def save_sync(self, force: bool = False) -> str | None:
        """Save now on this thread (quitting, leaving); returns an error line or None."""
        if self.readonly:
            return S.STORE_READONLY
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        edits = self.edits
        error, doc, conflict = self.app.save_checked(E.save_copy(self.report), None if force else self.base)
        self._after_save(error, edits, doc)
        return error

    def _saved(self, error: str | None, edits: int, doc: dict | None, conflict: bool) -> None:
        self.saving = max(0, self.saving - 1)
        if conflict:
            self.set_state(S.SAVE_STATE_FAILED.format(reason=error))
            self.save_error = error
            self.ask_conflict()
            return
        self._after_save(error, edits, doc)

    def _after_save(self, error: str | None, edits: int, doc: dict | None) -> None:
        if error:
            self.save_error = error
            self.set_state(S.SAVE_STATE_FAILED.format(reason=error))
            self.notify(S.SAVE_STATE_FAILED.format(reason=error), severity="error", timeout=10)
        else:
            self.save_error = None
            self.base = doc
            self.saved_edits = max(self.saved_edits, edits)
            self.saved_at = datetime.now().strftime("%H:%M:%S")
            self.set_state(S.SAVE_STATE_SAVED.format(time=self.saved_at) if not self.dirty
                           else S.SAVE_STATE_DIRTY)

    # ------------------------------------------------------------ changes made elsewhere
    def disk_changed(self) -> None:
        """The store file changed under us: reload quietly, or ask when edits would be lost."""
        if self.saving or self.asking:
            return
        doc = self.app.get_doc(self.report.place, self.report.year)
        if doc == self.base:
            return
        if doc is None:
            self.notify(S.DISK_REMOVED.format(place=self.report.place, year=self.report.year),
                        severity="warning", timeout=15)
            self.base = None
            if not self.readonly:
                self.edits += 1  # the store no longer holds this report: it is unsaved now
            return
        if not self.dirty:
            self.load_doc(doc)
            self.notify(S.DISK_RELOADED.format(place=self.report.place, year=self.report.year), timeout=6)
            return
        self.ask_conflict()

    def ask_conflict(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        if self.asking:
            return
        self.asking = True

        def done(answer: str | None) -> None:
            self.asking = False
            if answer == "theirs":
                doc = self.app.get_doc(self.report.place, self.report.year)
                if doc is not None:
                    self.load_doc(doc)
                    self.notify(S.DISK_RELOADED.format(place=self.report.place, year=self.report.year))
                    return
            if answer in ("mine", "theirs"):
                error = self.save_sync(force=True)
                if error is None:
                    self.set_state(S.SAVE_STATE_SAVED.format(time=self.saved_at))
                return
            self.set_state(S.SAVE_STATE_DIRTY)  # asked again at the next save

        self.app.push_screen(ChoiceDialog(
            S.DISK_CHANGED_ASK.format(place=self.report.place, year=self.report.year),
            [("mine", S.DISK_KEEP_MINE, "warning"), ("theirs", S.DISK_TAKE_THEIRS, "primary")],
            focus="mine"), done)

    def load_doc(self, doc: dict) -> None:
        """Show the stored document, dropping nothing the store does not hold."""
        self.report = Report.from_dict(doc)
        self.base = doc
        self.saved_edits = self.edits
        self.save_error = None
        self.history.clear()
        self.refresh_figures()
        self.query_one(OutlineTree).fill(self.report, None)
        self._show_editor(None)
        self.run_checks()

    def write_access(self) -> None:
        """The app took the lock after all: reload what the other writer saved, then edit."""
        self.readonly = False
        doc = self.app.get_doc(self.report.place, self.report.year)
        if doc is not None:
            self.load_doc(doc)
        self.set_state("")

    def run_checks(self) -> None:
        self._check(E.snapshot(self.report))

    @work(thread=True, exclusive=True, group="check")
    def _check(self, snap: Report) -> None:
        findings = check(snap, self.previous) + self._open_comments(snap)
        self.app.call_from_thread(self._checked, findings)

    _comments: list | None = None  # the open 批注, read once; None: read them again

    def _open_comments(self, snap: Report) -> list:
        """The latest review round's open 批注, listed with the findings until marked done
        (read from the store once, not at every re-check while typing)."""
        from workbench.drafting.rounds import latest_review_comments

        store = getattr(self.app, "store", None)
        if self._comments is not None or store is None:
            return list(self._comments or [])
        try:
            with self.app.store_lock:
                self._comments = latest_review_comments(store, snap.place, snap.year)
        except Exception:  # a store that cannot be read now: the findings stand without comments
            return []
        return list(self._comments)

    def on_screen_resume(self) -> None:
        self._comments = None  # back from the versions screen: a round may have come or gone
        self.run_checks()

    def action_versions(self) -> None:
        from workbench.tui.screens.versions import VersionsScreen

        self.app.push_screen(VersionsScreen(self))

    def comment_done(self, finding) -> None:
        """Mark a 批注 (R601) done in its review round; the checks list drops it."""
        from workbench.checking.rounds import COMMENT_CODE

        if finding.code != COMMENT_CODE:
            self.notify(S.COMMENT_NOT_A_COMMENT, severity="warning")
            return
        if self.refuse():
            return
        version, cid = finding.where.get("version"), finding.where.get("comment")
        with self.app.store_lock:
            got = self.app.store.get_version(self.report.place, self.report.year, version)
            if got is None:
                return
            comments = got[1].get("comments") or []
            for c in comments:
                if c.get("id") == cid:
                    c["done"] = True
            self.app.store.update_version(self.report.place, self.report.year, version, comments=comments)
        self.notify(S.COMMENT_MARKED_DONE)
        self._comments = None
        self.run_checks()

    def _checked(self, findings) -> None:
        self.findings = findings
        c = counts(findings)
        self.query_one("#checks-title", Label).update(
            S.CHECKS_TITLE.format(errors=c[ERROR], warnings=c[WARNING], infos=c[INFO]) + "　" + S.CHECKS_HINT)
        self.query_one(ChecksPanel).show(findings)
        tabs = self.query_one(TabbedContent)
        tab = tabs.get_tab("checks")
        tab.label = S.TAB_CHECKS_COUNTS.format(errors=c[ERROR], warnings=c[WARNING])
        self.refresh_preview()

    # ------------------------------------------------------------ undo
    def remember(self, before: Report | None = None) -> None:
        """Keep the report as it is before a figure or structure edit (text edits undo in
        the editor itself)."""
        self.history.remember(self.report, before)

    def _restore(self, report: Report) -> None:
        self.report = report
        self.refresh_figures()
        self.query_one(OutlineTree).fill(report, self.address)
        addr = self.address
        try:
            if addr is not None:
                E.get_paragraph(report, addr) if addr[2] is not None else report.chapters[addr[0]]
        except (IndexError, E.EditError):
            addr = None
        self._show_editor(addr)
        self.mark_dirty()

    def action_undo(self) -> None:
        if self.refuse():
            return
        before = self.history.undo(self.report)
        if before is None:
            self.notify(S.UNDO_NOTHING, timeout=2)
            return
        self._restore(before)
        self.notify(S.UNDONE, timeout=2)

    def action_redo(self) -> None:
        if self.refuse():
            return
        after = self.history.redo(self.report)
        if after is None:
            self.notify(S.REDO_NOTHING, timeout=2)
            return
        self._restore(after)
        self.notify(S.REDONE, timeout=2)

    # ------------------------------------------------------------ figures
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

    # ------------------------------------------------------------ sections
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data is not None:
            self._show_editor(event.node.data)
            # Last year's pane follows here, once the address is the new one (a handler of
            # the editor's own ran before this one or after it, as the queues fell).
            self.query_one(SectionsEditor).follow()

    def _show_editor(self, addr: E.Address | None) -> None:
        self.address = addr
        self.update_counts()
        label = self.query_one("#editor-label", Label)
        lead = self.query_one(LeadInput)
        body = self.query_one(BodyArea)
        self._loading = True
        try:
            if addr is None:
                label.update(S.SEC_NOTHING)
                lead.value = ""
                body.load_text("")
                lead.disabled = body.disabled = True
                return
            ci, si, pi = addr
            lead.disabled = self.readonly
            body.read_only = self.readonly or self.final_locked  # a key there asks (BodyArea)
            if pi is None:
                label.update(S.SEC_TITLE)
                lead.placeholder = S.SEC_TITLE
                title = self.report.chapters[ci].title if si is None else self.report.chapters[ci].sections[si].title
                lead.value = title or ""
                body.load_text("")
                body.disabled = True
            else:
                para = E.get_paragraph(self.report, addr)
                body.disabled = False
                if para.generated:
                    _, text = printed(self.report, para)
                    label.update(S.SEC_GENERATED)
                    lead.placeholder = ""
                    lead.value = ""
                    lead.disabled = True
                    body.read_only = True
                    body.load_text(text or S.SEC_GENERATED_EMPTY)
                else:
                    label.update(self.app.readonly_state() if self.readonly else S.SEC_LEAD)
                    lead.placeholder = S.SEC_LEAD
                    lead.value = para.lead or ""
                    body.load_text(para.text)
        finally:
            self.call_after_refresh(self._done_loading)

    def _done_loading(self) -> None:
        self._loading = False

    def on_input_changed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, LeadInput) or self._loading or self.address is None:
            return
        if event.value != event.input.value:
            return  # a value the editor set for an earlier selection, arriving late
        ci, si, pi = self.address
        tree = self.query_one(OutlineTree)
        node = tree.node_for(self.address)
        value = event.value
        if pi is None:
            from workbench.document.phrasing import chapter_numbers, section_number

            current = self.report.chapters[ci].title if si is None else self.report.chapters[ci].sections[si].title
            if (current or "") == value:
                return
            if si is None:
                self.report.chapters[ci].title = value
                label = chapter_numbers(self.report.chapters)[ci] + value
            else:
                self.report.chapters[ci].sections[si].title = value
                label = section_number(si) + value
        else:
            para = E.get_paragraph(self.report, self.address)
            if (para.lead or "") == value or para.generated:
                return
            para.lead = value or None
            label = paragraph_label(para.lead, para.text)
        if node is not None:
            node.set_label(label)
        self.mark_dirty()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if not isinstance(event.text_area, BodyArea) or self._loading or self.address is None:
            return
        if self.address[2] is None:
            return
        para = E.get_paragraph(self.report, self.address)
        if para.text == event.text_area.text or para.generated or self.readonly or self.final_locked:
            return
        para.text = event.text_area.text
        node = self.query_one(OutlineTree).node_for(self.address)
        if node is not None:
            node.set_label(paragraph_label(para.lead, para.text))
        self.mark_dirty()

    def _structure_changed(self, select: E.Address | None) -> None:
        self.query_one(OutlineTree).fill(self.report, select)
        self._show_editor(select)
        self.mark_dirty()

    def _refresh_generated(self) -> None:
        """Generated paragraphs follow the tables: their text, tree labels and the open editor."""
        changed = []
        for ci, si, pi, p in self.report.paragraphs():
            if p.generated:
                _, text = printed(self.report, p)
                if text != p.text:
                    p.text, p.lead = text, None
                    changed.append((ci, si, pi))
        if not changed:
            return
        tree = self.query_one(OutlineTree)
        for addr in changed:
            node = tree.node_for(addr)
            if node is not None:
                node.set_label(paragraph_label(None, E.get_paragraph(self.report, addr).text, True))
        if self.address in changed:
            self._show_editor(self.address)

    def action_toggle_generated(self) -> None:
        if self.refuse():
            return
        addr = self.address
        if addr is None or addr[2] is None:
            self.notify(S.EDIT_NOT_PARAGRAPH, severity="warning")
            return
        before = E.snapshot(self.report)
        try:
            generated = E.toggle_generated(self.report, addr)
        except E.EditError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.remember(before)
        self._structure_changed(addr)
        self.notify(S.SEC_TO_GENERATED if generated else S.SEC_TO_FREE, timeout=5)

    def action_add_paragraph(self) -> None:
        if self.refuse():
            return
        addr = self.address
        if addr is None:
            if not self.report.chapters:
                self.remember()
                self._structure_changed(E.add_chapter(self.report, S.SEC_NEW_CHAPTER))
            return
        ci, si, pi = addr
        self.remember()
        self._structure_changed(E.add_paragraph(self.report, ci, si, pi))
        lead = self.query_one(LeadInput)
        lead.focus()  # the new bullet's lead is what the drafter writes next
        self.call_after_refresh(lead.focus)

    def action_add_section(self) -> None:
        if self.address is None or self.refuse():
            return
        ci, si, _ = self.address
        self.remember()
        self._structure_changed(E.add_section(self.report, ci, S.SEC_NEW_SECTION, si))

    def action_delete_item(self) -> None:
        from workbench.tui.dialogs import ConfirmDialog

        addr = self.address
        if addr is None or self.refuse():
            return
        ci, si, pi = addr
        what = (paragraph_label(*self._lead_text(addr)) if pi is not None
                else (self.report.chapters[ci].sections[si].title if si is not None else self.report.chapters[ci].title))

        def done(yes: bool) -> None:
            if yes:
                self.remember()
                E.delete(self.report, addr)
                self._structure_changed(None)

        self.app.push_screen(ConfirmDialog(S.CONFIRM_DELETE_ITEM.format(what=what)), done)

    def insert_last_year_paragraph(self, para) -> None:
        """Last year's paragraph copied in after the one being edited (or at the section's end)."""

        if self.address is None or self.refuse():
            return
        ci, si, pi = self.address
        self.remember()
        addr = E.add_paragraph(self.report, ci, si, pi)
        new = E.get_paragraph(self.report, addr)
        new.lead, new.text = para.lead, para.text
        self._structure_changed(addr)
        self.notify(S.LAST_YEAR_COPIED.format(label=paragraph_label(para.lead, para.text)), timeout=4)

    def _lead_text(self, addr):
        p = E.get_paragraph(self.report, addr)
        return p.lead, p.text

    def action_move_item(self, delta: int) -> None:
        if self.address is None or self.refuse():
            return
        self.remember()
        new = E.move(self.report, self.address, delta)
        if new != self.address:
            self._structure_changed(new)

    def action_promote_lead(self) -> None:
        if self.refuse():
            return
        if self.address is None or self.address[2] is None:
            self.notify(S.EDIT_NOT_PARAGRAPH, severity="warning")
            return
        try:
            before = E.snapshot(self.report)
            lead = E.promote_lead(self.report, self.address)
            self.remember(before)
        except E.EditError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._structure_changed(self.address)
        self.notify(S.SEC_LEAD_DONE.format(lead=lead), timeout=3)

    # ------------------------------------------------------------ checks
    def on_option_list_option_selected(self, event) -> None:
        if not isinstance(event.option_list, ChecksPanel) or event.option.id is None:
            return
        self.jump_to(self.findings[int(event.option.id)])

    def jump_to(self, finding) -> None:
        where = finding.where
        tabs = self.query_one(TabbedContent)
        if "figure" in where and where.get("index") is not None:
            kind = where.get("list", E.RESULTS)
            tabs.active = "figures"
            table = self.query_one(f"#{kind}", FiguresTable)
            table.move_cursor(row=where["index"], column=1)
            table.focus()
        elif "meta" in where:
            self.action_edit_meta()
        elif "chapter" in where and not where.get("previous"):
            addr = (where["chapter"], where.get("section"), where.get("paragraph"))
            tabs.active = "sections"
            tree = self.query_one(OutlineTree)
            node = tree.node_for(addr)
            if node is not None:
                tree.move_cursor(node)
                tree.scroll_to_node(node, animate=False)
                self._show_editor(addr)
                (self.query_one(BodyArea) if addr[2] is not None else tree).focus()

    # ------------------------------------------------------------ preview, tabs
    def refresh_preview(self) -> None:
        from workbench.writing.plain import render_text

        from workbench.document.counts import counts_at

        chars = counts_at(self.report, None).total  # counted as the status bar counts
        self.query_one("#preview-stats", Label).update(
            S.PREVIEW_STATS.format(chars=chars, minutes=round(speaking_minutes(chars))))
        text = render_text(self.report)
        if self.previous is not None:  # Ctrl+E adds the appendix table, made from the figures
            text += "\n\n" + S.PREVIEW_APPENDIX.format(
                title=S.EXPORT_APPENDIX_TITLE.format(year=self.previous.year))
        self.query_one("#preview-text", CJKText).set_text(text)

    def action_tab(self, name: str) -> None:
        tabs = self.query(TabbedContent)
        if not tabs:  # a key pressed while the screen is still being built (or taken down)
            return
        tabs.first(TabbedContent).active = name
        # Focus goes into the tab shown, or it stays on a hidden widget and drags its tab back.
        focus = {"figures": "#results", "sections": "#outline", "checks": "#findings",
                 "preview": "#preview-scroll"}.get(name)
        if focus:
            self.query_one(focus).focus()

    def action_edit_meta(self) -> None:
        from workbench.tui.dialogs import MetaDialog

        if self.readonly and self.app.refuse_readonly():  # F7 is where 定稿 is switched off
            return
        m = self.report.meta
        values = {"title": m.title, "meeting": m.meeting, "date": m.date, "speaker": m.speaker}

        def done(result: dict | None) -> None:
            if not result:
                return
            self.remember()
            m.title, m.meeting, m.date, m.speaker = (result[k] for k in ("title", "meeting", "date", "speaker"))
            self.report.status = result["status"]
            self.show_subtitle()
            self.refresh_preview()
            self.mark_dirty()
            self._show_editor(self.address)  # 定稿 on or off: the editor takes keys or asks

        self.app.push_screen(MetaDialog(values, self.report.status), done)

    def action_compare(self) -> None:
        if self.previous is None:
            self.notify(S.COMPARE_NO_PREVIOUS, severity="warning")
            return
        self.app.open_compare(self.previous, E.snapshot(self.report))

    def action_save(self) -> None:
        self.save_now()

    def action_back(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        if self.app.screen is not self:
            return  # an Esc queued behind the one that already left
        if not self.dirty:
            self.app.pop_screen()
            return
        error = self.save_sync()
        if error is None:
            self.app.pop_screen()
            return

        def done(answer: str | None) -> None:
            if self.app.screen is not self:
                return
            if answer == "discard":
                self.discarded = True
                self.app.pop_screen()
            elif answer == "save" and self.save_sync() is None:
                self.app.pop_screen()

        what = f"{self.report.place}{self.report.year}年报告"
        self.app.push_screen(ChoiceDialog(
            S.BACK_UNSAVED.format(what=what, reason=S.QUIT_UNSAVED_REASON.format(reason=error)),
            [("save", S.BACK_SAVE, "primary"), ("discard", S.BACK_DISCARD, "error"),
             ("cancel", S.QUIT_CANCEL, "default")], focus="cancel"), done)

    def action_export(self, pdf: bool = False) -> None:
        """Say where the file goes and let the drafter change it; ask before overwriting."""
        from workbench.tui.dialogs import ConfirmDialog, PromptDialog

        def validate(text: str) -> str | None:
            return export_path_problem(text)

        def write(out: Path) -> None:
            self.app.export_paths[self.report.ident] = out
            target = out.with_suffix(".pdf") if pdf else out
            if target.exists():
                self.app.push_screen(ConfirmDialog(S.EXPORT_OVERWRITE.format(path=target)),
                                     lambda yes: self._export_checked(out, pdf) if yes else None)
                return
            self._export_checked(out, pdf)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            out = export_path(text)
            if out.parent.is_dir():
                write(out)
                return

            def make_folder(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    out.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    self.notify(S.EXPORT_FOLDER_FAILED.format(folder=out.parent, reason=exc.strerror or exc),
                                severity="error", timeout=10)
                    return
                write(out)

            self.app.push_screen(ConfirmDialog(S.EXPORT_MAKE_FOLDER.format(folder=out.parent)), make_folder)

        # The path is selected: typing a new one replaces it; End or ← edits the file name.
        self.app.push_screen(PromptDialog(S.EXPORT_PATH_TITLE_PDF if pdf else S.EXPORT_PATH_TITLE,
                                          str(self.app.export_path_for(self.report)), validate=validate,
                                          help=S.HELP_EXPORT_PATH), chosen)

    def _export_checked(self, out: Path, pdf: bool = False) -> None:
        """Check first, as `workbench export` does: errors ask before anything is written."""
        from workbench.writing.plain import render_export_summary

        snap = E.snapshot(self.report)
        findings = check(snap, self.previous)
        summary = render_export_summary(snap, findings)

        def go(confirmed: bool | None = True) -> None:
            if confirmed:
                self.notify(S.EXPORTING_PDF if pdf else S.EXPORTING, timeout=2)
                self._export(snap, out, pdf)

        if counts(findings)[ERROR]:
            from workbench.tui.dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(f"{summary}\n\n{S.EXPORT_CONFIRM_GO}？"), go)
            return
        if findings:
            self.notify(summary, title=S.EXPORT_CONFIRM_TITLE, timeout=8)
        go()

    def action_export_pdf(self) -> None:
        self.action_export(pdf=True)

    @work(thread=True, group="export")
    def _export(self, snap: Report, out: Path, pdf: bool = False) -> None:
        from workbench.writing.export import ExportError, export_report

        try:
            export_report(snap, out, previous=self.previous, appendix=self.previous is not None)
            if pdf:
                from workbench.writing.pdf import convert_to_pdf

                self.app.call_from_thread(self.notify, S.EXPORTED.format(path=out), timeout=8)
                out = convert_to_pdf(out)
        except ExportError as exc:
            self.app.call_from_thread(self.notify, S.EXPORT_FAILED.format(reason=exc), severity="error",
                                      timeout=10)
            return
        except Exception as exc:  # never a traceback on the drafter's screen
            self.app.call_from_thread(self.notify, S.EXPORT_FAILED.format(reason=exc), severity="error",
                                      timeout=10)
            return
        self.app.call_from_thread(self.notify, (S.EXPORTED_PDF if pdf else S.EXPORTED).format(path=out),
                                  timeout=8)


def export_path(text: str) -> Path:
    """The .docx path the drafter typed ("~" expanded, ".docx" added when left off)."""
    path = Path(text.strip()).expanduser()
    return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


def export_path_problem(text: str) -> str | None:
    """Why a typed export path cannot be written, in Chinese, or None."""
    if not text.strip():
        return S.EXPORT_PATH_EMPTY
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        return S.EXPORT_PATH_IS_DIR.format(path=path)
    parent = export_path(text).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():  # a missing folder is offered to be made; a file in the way is not
        return S.EXPORT_PATH_NO_FOLDER.format(folder=export_path(text).parent)
    return None
