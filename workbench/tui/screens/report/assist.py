"""The drafting help (Ctrl+B, issue 28): a task asked of the office's model for the paragraph or
section being edited, its answer streamed into the pane beside the editor
(`widgets/assist.py`), and a taken answer put into the report as one undo step."""

from __future__ import annotations

from textual import work

from workbench import strings as S
from workbench.drafting import editing as E
from workbench.tui.widgets.assist import AssistPane
from workbench.tui.widgets.sections import OutlineTree


class AssistTab:
    """Mixed into ReportScreen: asking, streaming, cancelling and taking."""

    _assist_request = None
    _assist_prepared = None
    _assist_config = None

    @property
    def assist_pane(self) -> AssistPane:
        return self.query_one(AssistPane)

    def action_assist(self) -> None:
        """Open the pane on the sections tab; nothing is sent until a task is chosen."""
        from workbench.assist.config import load_config, settings_file

        if self._assist_request is not None:
            self.notify(S.AI_BUSY, severity="warning")
            self.assist_pane.query_one("#assist-answer").focus()
            return
        self.action_tab("sections")
        config = load_config()
        self._assist_config = config
        self.assist_pane.open(config.where if config else None,
                              None if config else S.AI_OFF.format(path=settings_file()))

    def assist_ask(self, task: str, material: str) -> None:
        from workbench.assist.tasks import TaskError, prepare

        config = self._assist_config
        if config is None:
            return
        try:
            prepared = prepare(task, self.report, self.previous, self.address, material)
        except TaskError as exc:
            self.assist_pane.failed(str(exc))
            self.notify(str(exc), severity="warning", timeout=6)
            return
        from workbench.assist.client import Request

        self._assist_prepared = prepared
        self._assist_request = Request(config, prepared.messages)
        self.assist_pane.started(prepared.sending(config.where))
        self._assist_run(self._assist_request)

    @work(thread=True, group="assist", description="assist")  # not a repr of the request
    def _assist_run(self, request) -> None:
        from workbench.assist.client import AssistError, Cancelled
        from workbench.assist.config import AssistUnavailable

        def tell(method, *args) -> None:
            """To the screen, unless it (or the app) went meanwhile: then there is no one to tell."""
            if request.cancelled:
                return
            try:
                self.app.call_from_thread(method, request, *args)
            except Exception:  # the app is closing, or the screen's widgets are gone
                request.cancel()

        try:
            answer = request.run(lambda text: tell(self._assist_partial, text))
        except Cancelled:
            return
        except (AssistError, AssistUnavailable) as exc:
            tell(self._assist_ended, None, str(exc))
            return
        tell(self._assist_ended, answer, None)

    def _pane_here(self, request) -> AssistPane | None:
        """The pane, when this request is still the one it shows and the screen is still up."""
        if request is not self._assist_request or request.cancelled or not self.is_attached:
            return None
        panes = self.query(AssistPane)
        return panes.first() if panes else None

    def _assist_partial(self, request, text: str) -> None:
        pane = self._pane_here(request)
        if pane is not None and pane.is_attached:
            pane.partial(text)

    def _assist_ended(self, request, answer: str | None, error: str | None) -> None:
        pane = self._pane_here(request)
        if request is self._assist_request:
            self._assist_request = None
        if pane is None or not pane.is_attached:
            return
        if error is not None:
            pane.failed(error)
            self.notify(error, severity="error", timeout=8)
            return
        if answer is not None:
            pane.finished(answer, self._assist_prepared.check(answer))

    def assist_cancel(self) -> None:
        request = self._assist_request
        if request is not None:
            request.cancel()
            self._assist_request = None
            self.notify(S.AI_CANCELLED, timeout=3)

    def assist_take(self, text: str) -> bool:
        """Put the answer (or the part chosen) into the report: one undo step. False, and the
        drafter told why, when it cannot go in."""
        from workbench.assist.tasks import POLISH, TaskError, take

        prepared = self._assist_prepared
        if prepared is None or self.refuse():
            return False
        addr = prepared.address
        if addr is not None and not E.holds(self.report, addr):
            self.notify(S.AI_PLACE_GONE, severity="warning")
            return False
        if prepared.task == POLISH and E.get_paragraph(self.report, addr).full_text != prepared.original:
            self.notify(S.AI_STALE, severity="warning")
            return False
        before = E.snapshot(self.report)
        try:
            first = take(self.report, prepared, text, self._assist_config.model)
        except TaskError as exc:
            self.notify(str(exc), severity="warning")
            return False
        self.remember(before)
        self._structure_changed(first)
        flagged = len(E.get_paragraph(self.report, first).model.unverified)
        from workbench.assist.tasks import at_label

        self.notify(S.AI_TAKEN.format(at=at_label(self.report, first), flagged=flagged), timeout=6)
        return True

    def assist_read_material(self, path) -> str | None:
        """A material file's text, or None and the drafter told why it could not be read."""
        from workbench.reading.importer import ImportFailure, read_material

        try:
            return read_material(path)
        except ImportFailure as exc:
            self.notify(S.AI_MATERIAL_READ.format(path=path, reason=str(exc)), severity="error", timeout=8)
            return None

    def on_unmount(self) -> None:
        """The report closed while the model was answering: the request ends with it (Textual
        calls this beside the other tabs' own on_unmount)."""
        request = self._assist_request
        if request is not None:
            request.cancel()
            self._assist_request = None

    def assist_closed(self) -> None:
        """Back to the outline (where Ctrl+Z undoes a taken answer in one step)."""
        self._assist_prepared = None if self._assist_request is None else self._assist_prepared
        self.query_one(OutlineTree).focus()
