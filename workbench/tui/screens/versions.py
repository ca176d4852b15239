"""Drafting rounds in the TUI (issue 17): a report's named versions, one opened read-only,
and a review round's tracked changes taken or refused one by one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench import strings as S
from workbench.document.model import Report


class VersionsScreen(Screen):
    """The versions of the open report: save one, open one read-only, restore, delete, and
    go through a review round's changes."""

    HELP = S.HELP_VERSIONS
    BINDINGS = [
        Binding("escape", "back", S.BINDING_BACK_REPORT, id="versions.back"),
        Binding("s", "save_version", S.VERSIONS_KEY_SAVE, id="versions.save"),
        Binding("enter", "open_version", S.VERSIONS_KEY_OPEN, id="versions.open"),
        Binding("d", "compare_version", S.VERSIONS_KEY_COMPARE, id="versions.compare"),
        Binding("c", "changes", S.VERSIONS_KEY_CHANGES, id="versions.changes"),
        Binding("r", "restore_version", S.VERSIONS_KEY_RESTORE, id="versions.restore"),
        Binding("delete", "delete_version", S.VERSIONS_KEY_DELETE, id="versions.delete"),
    ]

    def __init__(self, report_screen) -> None:
        super().__init__()
        self.report_screen = report_screen
        self.place = report_screen.report.place
        self.year = report_screen.report.year
        self.rows: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Label(S.VERSIONS_TITLE.format(place=self.place, year=self.year), classes="pane-title")
            yield OptionList(id="versions-list")
            yield Static(S.VERSIONS_HINT, classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.app.screen_title()
        self.refresh_rows()
        self.query_one("#versions-list", OptionList).focus()

    def refresh_rows(self) -> None:
        with self.app.store_lock:
            self.rows = self.app.store.versions(self.place, self.year)
        panel = self.query_one("#versions-list", OptionList)
        panel.clear_options()
        if not self.rows:
            panel.add_option(Option(S.VERSION_NONE.format(place=self.place, year=self.year), disabled=True))
            return
        for i, r in enumerate(self.rows):
            counts = (S.VERSION_COUNTS.format(changes=r["changes"], comments=r["comments"], open=r["open_comments"])
                      if r["kind"] == "review" else "")
            label = Text.assemble((r["saved_at"].replace("T", " ") + "  ", "dim"), (r["name"], "bold"),
                                  S.VERSION_KIND_NAMES.get(r["kind"], ""), counts)
            panel.add_option(Option(label, id=str(i)))
        panel.highlighted = min(panel.highlighted or 0, panel.option_count - 1)

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.action_open_version()

    def selected(self) -> dict | None:
        panel = self.query_one("#versions-list", OptionList)
        if panel.highlighted is None or not self.rows:
            return None
        return self.rows[panel.highlighted] if panel.highlighted < len(self.rows) else None

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def action_save_version(self) -> None:
        from workbench.tui.dialogs import PromptDialog

        if self.app.refuse_readonly():
            return

        def done(name: str | None) -> None:
            if not name or not name.strip():
                return
            from workbench.storage.errors import StoreError
            from workbench.drafting.editing import snapshot

            try:
                with self.app.store_lock:
                    self.app.store.save_version(snapshot(self.report_screen.report), name.strip())
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(S.VERSION_SAVED.format(place=self.place, year=self.year, name=name.strip()))
            self.refresh_rows()

        self.app.push_screen(PromptDialog(S.VERSIONS_SAVE_PROMPT, placeholder=S.VERSIONS_SAVE_PLACEHOLDER), done)

    def action_open_version(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.app.store_lock:
            got = self.app.store.get_version(self.place, self.year, row["name"])
        if got is not None:
            self.app.push_screen(VersionView(row["name"], got[0]))

    def action_compare_version(self) -> None:
        from workbench.drafting.editing import snapshot

        row = self.selected()
        if row is None:
            return
        with self.app.store_lock:
            got = self.app.store.get_version(self.place, self.year, row["name"])
        if got is not None:
            self.app.open_compare(got[0], snapshot(self.report_screen.report),
                                  (S.CMP_LABEL_VERSION.format(year=self.year, name=row["name"]),
                                   S.VERSIONS_CURRENT.format(year=self.year)))

    def action_changes(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row["kind"] != "review" or not row["changes"]:
            self.notify(S.VERSIONS_NO_CHANGES.format(name=row["name"]), severity="warning")
            return
        self.app.push_screen(ChangesScreen(self, row["name"]))

    def action_restore_version(self) -> None:
        from workbench.tui.dialogs import ConfirmDialog

        row = self.selected()
        if row is None or self.app.refuse_readonly():
            return

        def done(ok: bool) -> None:
            if not ok:
                return
            from workbench.storage.errors import StoreError

            error = self.report_screen.save_sync() if self.report_screen.dirty else None
            if error:
                self.notify(error, severity="error")
                return
            try:
                with self.app.store_lock:
                    kept = self.app.store.restore_version(self.place, self.year, row["name"])
                    self.app.store.update_version(self.place, self.year, row["name"], adopted=True)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            doc = self.app.get_doc(self.place, self.year)
            if doc is not None:
                self.report_screen.load_doc(doc)
            self.notify(S.VERSION_RESTORED.format(name=row["name"], kept=kept or "—"))
            self.refresh_rows()

        self.app.push_screen(ConfirmDialog(S.VERSIONS_RESTORE_CONFIRM.format(name=row["name"])), done)

    def action_delete_version(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        row = self.selected()
        if row is None or self.app.refuse_readonly():
            return

        def done(answer: str | None) -> None:
            if answer == "delete":
                with self.app.store_lock:
                    self.app.store.delete_version(self.place, self.year, row["name"])
                self.notify(S.VERSION_DELETED.format(name=row["name"]))
                self.refresh_rows()

        # Deleting a version cannot be undone: focus starts on 取消, as for deleting a report.
        self.app.push_screen(ChoiceDialog(S.VERSIONS_DELETE_CONFIRM.format(name=row["name"]),
                                          [("cancel", S.QUIT_CANCEL, "primary"),
                                           ("delete", S.VERSIONS_DELETE_YES, "error")], focus="cancel"), done)


class VersionView(Screen):
    """One version, read-only, as `show` prints it."""

    BINDINGS = [Binding("escape", "back", S.BINDING_BACK_VERSIONS, id="version.back")]

    def __init__(self, name: str, report: Report) -> None:
        super().__init__()
        self.version_name = name
        self.report = report

    def compose(self) -> ComposeResult:
        from workbench.writing.plain import render_text

        yield Header()
        yield Label(S.VERSION_VIEW_TITLE.format(name=self.version_name), classes="pane-title")
        with VerticalScroll(id="version-scroll"):
            yield Static(render_text(self.report), id="version-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.app.screen_title()
        self.query_one("#version-scroll").focus()

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()


class ChangesScreen(Screen):
    """A review round's tracked changes: take (a) or refuse (x) one, or all (A / X)."""

    HELP = S.HELP_CHANGES
    BINDINGS = [
        Binding("escape", "back", S.BINDING_BACK_VERSIONS, id="changes.back"),
        Binding("a", "decide(True)", S.CHANGES_KEY_TAKE, id="changes.take"),
        Binding("x", "decide(False)", S.CHANGES_KEY_REFUSE, id="changes.refuse"),
        Binding("A", "decide_all(True)", S.CHANGES_KEY_TAKE_ALL, id="changes.take_all"),
        Binding("X", "decide_all(False)", S.CHANGES_KEY_REFUSE_ALL, id="changes.refuse_all"),
    ]

    def __init__(self, versions: VersionsScreen, name: str) -> None:
        super().__init__()
        self.versions = versions
        self.version_name = name
        self.report: Report | None = None
        self.changes: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(S.CHANGES_TITLE.format(name=self.version_name), classes="pane-title")
        yield OptionList(id="changes-list")
        yield Static(S.CHANGES_HINT, classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.app.screen_title()
        with self.app.store_lock:
            got = self.app.store.get_version(self.versions.place, self.versions.year, self.version_name)
        if got is not None:
            self.report, record = got
            self.changes = record.get("changes") or []
        self.refresh_rows()
        self.query_one("#changes-list", OptionList).focus()

    def refresh_rows(self) -> None:
        panel = self.query_one("#changes-list", OptionList)
        keep = panel.highlighted
        panel.clear_options()
        for i, c in enumerate(self.changes):
            kind = S.CHANGE_KIND.get(c.get("kind", ""), c.get("kind", ""))
            state = S.CHANGE_DECISION.get(c.get("decision") or "", S.CHANGE_OPEN)
            where = (c.get("accepted") or "")[:18]
            style = "green" if c.get("kind") == "ins" else "red"
            label = Text.assemble((f"{state} ", "bold"), (f"{kind} ", style), (c.get("text", ""), style),
                                  (f"  —{c.get('author') or S.COMMENT_NO_AUTHOR}", "dim"),
                                  (f"  〔{where}…〕" if where else "", "dim"))
            panel.add_option(Option(label, id=str(i)))
        if panel.option_count:
            panel.highlighted = keep if keep is not None and keep < panel.option_count else 0

    def _save(self) -> None:
        with self.app.store_lock:
            self.app.store.replace_version_report(self.versions.place, self.versions.year, self.version_name,
                                                  self.report, self.changes)

    def action_decide(self, take: bool) -> None:
        from workbench.drafting.rounds import decide

        panel = self.query_one("#changes-list", OptionList)
        if self.app.refuse_readonly() or panel.highlighted is None or self.report is None:
            return
        if not decide(self.report, self.changes, panel.highlighted, take):
            self.notify(S.CHANGE_NOT_FOUND, severity="warning")
            return
        self._save()
        self.refresh_rows()
        if panel.highlighted is not None and panel.highlighted + 1 < panel.option_count:
            panel.highlighted += 1

    def action_decide_all(self, take: bool) -> None:
        from workbench.drafting.rounds import decide

        if self.app.refuse_readonly() or self.report is None:
            return
        missed = [i for i in range(len(self.changes)) if not decide(self.report, self.changes, i, take)]
        self._save()
        self.refresh_rows()
        if missed:
            self.notify(S.CHANGE_NOT_FOUND, severity="warning")

    def action_back(self) -> None:
        if self.app.screen is self:
            self.versions.refresh_rows()
            self.app.pop_screen()
