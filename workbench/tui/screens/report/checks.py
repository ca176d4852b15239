"""The checks tab (F4): the checks run as the drafter types, the latest review round's open comments
listed with them, Enter jumping to a finding and d marking a comment done (`widgets/checks.py`)."""

from __future__ import annotations

from textual import work
from textual.widgets import Label, TabbedContent

from workbench import strings as S
from workbench.checking.checks import check, counts
from workbench.checking.findings import ERROR, INFO, WARNING
from workbench.document.model import Report
from workbench.drafting import editing as E
from workbench.tui.widgets.checks import ChecksPanel
from workbench.tui.widgets.figures import FiguresTable
from workbench.tui.widgets.sections import BodyArea, OutlineTree

CHECK_DELAY = 0.4


class ChecksTab:
    """Mixed into ReportScreen: the findings, kept current, and where each one leads."""

    def schedule_checks(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.run_checks)

    def run_checks(self) -> None:
        self._check(E.snapshot(self.report))

    @work(thread=True, exclusive=True, group="check", description="check")  # not a repr of the report
    def _check(self, snap: Report) -> None:
        from workbench.checking.rounds import todo_findings

        # The to-do list first: among the notes it is what the drafter must act on now.
        findings = todo_findings(snap.note) + check(snap, self.previous) + self._open_comments(snap)
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

    def comment_done(self, finding) -> None:
        """Mark a 批注 (R601) done in its review round; the checks list drops it."""
        from workbench.checking.rounds import COMMENT_CODE, TODO_CODE, drop_todo

        if finding.code == TODO_CODE:
            if self.refuse():
                return
            self.remember()
            self.report.note = drop_todo(self.report.note, finding.where.get("todo", ""))
            self.notify(S.TODO_MARKED_DONE)
            self.mark_dirty()
            self.run_checks()
            return
        from workbench.checking.assisted import CODES as MODEL_CODES

        if finding.code in MODEL_CODES:
            self.settle_model_figure(finding)
            return
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

    def settle_model_figure(self, finding) -> None:
        """A model's figure (W701/W702) the drafter has checked: no longer a finding."""
        from workbench.assist.tasks import settle_figure

        if self.refuse():
            return
        where = finding.where
        addr = (where.get("chapter"), where.get("section"), where.get("paragraph"))
        if not E.holds(self.report, addr):
            return
        before = E.snapshot(self.report)
        if settle_figure(self.report, addr, where.get("model_figure", "")):
            self.remember(before)
            self.notify(S.AI_SETTLED.format(figure=where.get("model_figure", "")))
            self.mark_dirty()
            self.run_checks()

    def _checked(self, findings) -> None:
        self.findings = findings
        if not self.query("#checks-title"):
            return  # the screen was closed while the checks ran: nothing left to show them in
        c = counts(findings)
        self.query_one("#checks-title", Label).update(
            S.CHECKS_TITLE.format(errors=c[ERROR], warnings=c[WARNING], infos=c[INFO]) + "　" + S.CHECKS_HINT)
        self.query_one(ChecksPanel).show(findings)
        tabs = self.query_one(TabbedContent)
        tab = tabs.get_tab("checks")
        tab.label = S.TAB_CHECKS_COUNTS.format(errors=c[ERROR], warnings=c[WARNING])
        self.refresh_preview()

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
