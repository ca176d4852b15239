"""ReportScreen: one open report, its layout, its keys, the tabs and the undo history; what each
tab does is in the module of its name beside this one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, TabbedContent, TabPane

from workbench import strings as S
from workbench.document.model import Report
from workbench.drafting import editing as E
from workbench.tui.screens.report.assist import AssistTab
from workbench.tui.screens.report.checks import ChecksTab
from workbench.tui.screens.report.export import Exporting
from workbench.tui.screens.report.figures import FiguresTab
from workbench.tui.screens.report.preview import PreviewTab
from workbench.tui.screens.report.saving import Saving
from workbench.tui.screens.report.sections import SectionsTab
from workbench.tui.screens.report.titleblock import TitleBlock
from workbench.tui.widgets.checks import ChecksPanel
from workbench.tui.widgets.cjktext import CJKText
from workbench.tui.widgets.figures import FiguresTable
from workbench.tui.widgets.sections import OutlineTree, SectionsEditor
from workbench.tui.widgets.status import StatusBar


class ReportScreen(FiguresTab, SectionsTab, AssistTab, ChecksTab, PreviewTab, TitleBlock, Saving, Exporting, Screen):
    # One list for the whole screen, in the order the footer and F1 show them: Textual merges
    # BINDINGS only from its own classes (the tab mixins are plain classes), and the palette
    # reads this list. A comment names the module of each run's actions; each tab's own keys
    # are its widget's (widgets/figures.py, widgets/sections.py, widgets/checks.py).
    BINDINGS = [
        # The footer shows the keys of the place the drafter is in, then these few; F1 lists all.
        Binding("f1", "app.help", S.BINDING_HELP_ALL, id="report.help"),
        # saving.py
        Binding("escape", "back", S.BINDING_BACK_SHORT, id="report.back"),
        Binding("ctrl+s", "save", S.BINDING["save"], id="report.save", show=False),
        # export.py
        Binding("ctrl+e", "export", S.BINDING["export"], id="report.export", priority=True),
        Binding("f8", "export_pdf", S.BINDING_EXPORT_PDF, id="report.export_pdf", show=False),
        # here: the tabs, and the comparison
        Binding("f2", "tab('figures')", S.BINDING["figures"], id="report.figures", show=False),
        Binding("f3", "tab('sections')", S.BINDING["sections"], id="report.sections", show=False),
        Binding("f4", "tab('checks')", S.BINDING["checks"], id="report.checks", show=False),
        Binding("f5", "tab('preview')", S.BINDING["preview"], id="report.preview"),
        Binding("f6", "compare", S.BINDING["compare"], id="report.compare", show=False),
        # titleblock.py
        Binding("f7", "edit_meta", S.BINDING["meta"], id="report.meta", show=False),
        # here: undo
        Binding("ctrl+z", "undo", S.BINDING["undo"], id="report.undo", show=False),
        Binding("ctrl+y", "redo", S.BINDING["redo"], id="report.redo", show=False),
        # sections.py
        Binding("ctrl+g", "toggle_generated", S.BINDING_GENERATED, id="report.generated", show=False),
        # assist.py: the drafting help of the office's model (nothing is sent until a task is chosen)
        Binding("ctrl+b", "assist", S.BINDING_ASSIST, id="report.assist", show=False,
                tooltip=S.AI_BINDING_TOOLTIP),
        # Ctrl+H arrives as Ctrl+H only from terminals that tell it from Backspace; Ctrl+F from all
        # (it takes the place of the editor's own Ctrl+F, delete the next word: Alt+Delete does that).
        Binding("ctrl+h,ctrl+f", "find_replace", S.BINDING_FIND_REPLACE, id="report.find_replace", show=False,
                priority=True),
        # here: versions and review rounds
        Binding("f10", "versions", S.BINDING_VERSIONS, id="report.versions", show=False),
    ]
    UNDO_DEPTH = 100

    def __init__(self, report: Report, previous: Report | None, *, readonly: bool = False,
                 base: dict | None = None):
        super().__init__()
        from workbench.tui.compositor import CroppedCompositor

        self._compositor = CroppedCompositor()  # a key redraws the editor, not the whole screen
        self.report = report
        self.base = base  # the stored document this editor started from (or last saved)
        self.opened = base  # the stored document at open: what 撤销本次打开以来的修改 puts back
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
    def refuse(self) -> bool:
        """True, and the drafter told why, when this report cannot be changed: a read-only
        store, or a report marked 定稿 (asked once whether to turn it back into a draft)."""
        if self.readonly:
            return self.app.refuse_readonly()
        if self.final_locked:
            self.ask_unfinal()
            return True
        return False

    def say_why(self, why: str, seconds: float = 4.0) -> None:
        """A key that cannot act here says why: in the status bar, and as a toast."""
        for bar in self.query(StatusBar).results(StatusBar):
            bar.tell(why, seconds)
            self._state_shown = None  # the next save state is drawn over the message
        self.notify(why, severity="warning", timeout=seconds)

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

    # ------------------------------------------------------------ undo
    def remember(self, before: Report | None = None) -> None:
        """Keep the report as it is before a figure or structure edit (text edits undo in
        the editor itself)."""
        self.history.remember(self.report, before)

    def _restore(self, report: Report) -> None:
        self.report = report
        self.refresh_figures()
        # After Delete nothing is selected: the undo selects what it brought back.
        addr = self.address or getattr(self, "_deleted_at", None)
        self._deleted_at = None
        if addr is not None and not E.holds(report, addr):
            addr = None
        self.query_one(OutlineTree).fill(report, addr)
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

    # ------------------------------------------------------------ tabs and the other screens
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

    def action_compare(self) -> None:
        if self.previous is None:
            self.notify(S.COMPARE_NO_PREVIOUS, severity="warning")
            return
        self.app.open_compare(self.previous, E.snapshot(self.report))

    def action_versions(self) -> None:
        from workbench.tui.screens.versions import VersionsScreen

        self.app.push_screen(VersionsScreen(self))
