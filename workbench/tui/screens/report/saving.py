"""Saving an open report: the save state, autosave a moment after the last edit, Ctrl+S, saving on
the way out (Esc), and a store changed under the screen."""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.widgets import Static

from workbench import strings as S
from workbench.document.model import Report
from workbench.drafting import editing as E
from workbench.tui.widgets.sections import OutlineTree

# Seconds after the last keystroke: short enough that a window closed or a kill half a second
# after typing finds the text stored (the save runs on a thread; typing never waits for it).
AUTOSAVE_DELAY = 0.3


class Saving:
    """Mixed into ReportScreen: the edits counted, saved and reloaded."""

    def set_state(self, text: str) -> None:
        """Called on every keystroke: only a change is drawn, and without a layout pass (the
        state's box is one line of a fixed width), so typing repaints just what changed."""
        if text != getattr(self, "_state_shown", None):
            for box in self.query("#save-state").results(Static):  # none once the screen is closed
                self._state_shown = text
                box.update(text, layout=False)

    @property
    def dirty(self) -> bool:
        """Edits the store does not hold yet."""
        return self.edits != self.saved_edits

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

    @work(thread=True, group="save", description="save")  # not the default: a repr of the whole report
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

    def changed_since_open(self) -> bool:
        """Edits the store does not hold, or a stored report no longer the one opened."""
        if self.readonly:
            return False
        if self.dirty:
            return True
        return self.edits > 0 and self.app.get_doc(self.report.place, self.report.year) != self.opened

    def revert_to_opened(self) -> str | None:
        """Put the report back as it was when this screen opened it (the autosave had written
        every edit since); returns an error line or None."""
        if self.opened is None:
            return None
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        error, doc, _ = self.app.save_checked(Report.from_dict(self.opened), None)
        if error is None:
            self.report = Report.from_dict(self.opened)
            self.base = doc
            self.saved_edits = self.edits
            self.discarded = True
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
            if self not in self.app.screen_stack:
                # The screen closed while the question was open (its own exit save met the
                # same conflict): the drafter's answer still decides, without its widgets.
                if answer == "mine":
                    self.save_sync(force=True)
                return
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
        # The paragraph the drafter was on stays selected and in the editor (a reload after
        # Ctrl+R or a change on disk left the editor empty, and the next keys went nowhere).
        addr = self.address if self.address is not None and E.holds(self.report, self.address) else None
        self.query_one(OutlineTree).fill(self.report, addr)
        self._show_editor(addr)
        self.run_checks()

    def write_access(self) -> None:
        """The app took the lock after all: reload what the other writer saved, then edit."""
        self.readonly = False
        doc = self.app.get_doc(self.report.place, self.report.year)
        if doc is not None:
            self.load_doc(doc)
        self.set_state("")

    # ------------------------------------------------------------ keys
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
                error = self.revert_to_opened()  # the autosave may have written some already
                if error:
                    self.notify(S.SAVE_STATE_FAILED.format(reason=error), severity="error", timeout=10)
                    return
                self.discarded = True
                self.app.pop_screen()
            elif answer == "save" and self.save_sync() is None:
                self.app.pop_screen()

        what = f"{self.report.place}{self.report.year}年报告"
        self.app.push_screen(ChoiceDialog(
            S.BACK_UNSAVED.format(what=what, reason=S.QUIT_UNSAVED_REASON.format(reason=error)),
            [("save", S.BACK_SAVE, "primary"), ("discard", S.BACK_DISCARD, "error"),
             ("cancel", S.QUIT_CANCEL, "default")], focus="cancel"), done)
