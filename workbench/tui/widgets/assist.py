"""The drafting-help pane beside the editor (issue 28): where the text goes, the four tasks, the
material box, the answer streaming in with a progress line, every figure of it checked, and
the keys that take it whole, take the part selected, or drop it. What happens to the report is
the screen's (`screens/report/assist.py`); this pane only shows and asks."""

from __future__ import annotations

from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, TextArea
from textual.widgets.option_list import Option

from workbench.tui.widgets.paging import SafePaging
from workbench import strings as S
from workbench.tui.widgets.cjktext import CJKText

FLAG_STYLE = "bold white on red"
FLAG_NAME = "workbench.flagged"
CONTEXT = 12  # characters shown either side of a flagged figure


class TaskList(SafePaging, OptionList):
    HELP = S.AI_PANE_PICK_KEYS
    BINDINGS = [Binding("escape", "close", S.BINDING_BACK_SHORT, id="assist.close_list", show=False)]

    def action_close(self) -> None:
        self.parent.close()


class MaterialArea(TextArea):
    HELP = S.AI_PANE_MATERIAL
    BINDINGS = [
        Binding("ctrl+b", "send", S.AI_SEND, id="assist.send"),
        Binding("ctrl+o", "open_file", S.AI_MATERIAL_FILE, id="assist.material_file"),
        Binding("escape", "close", S.BINDING_BACK_SHORT, id="assist.close_material", show=False),
    ]

    def action_send(self) -> None:
        self.parent.send_material(self.text)

    def action_open_file(self) -> None:
        """A department's .docx or text file read in (tracked changes accepted), for a look
        before it is sent."""
        from workbench.tui.filepicker import FilePicker

        def done(path) -> None:
            if path:
                text = self.screen.assist_read_material(path)
                if text is not None:
                    self.load_text(text)
                    self.focus()

        self.app.push_screen(FilePicker(self.app.store_path), done)

    def action_close(self) -> None:
        self.parent.close()


class AnswerArea(TextArea):
    """The answer, read-only, so a part of it can be selected and taken; the figures the data
    does not hold are highlighted in it (`flag`)."""

    flagged: list[tuple[int, int]] = []  # (start, end) offsets into the text

    def flag(self, spans: list[tuple[int, int]]) -> None:
        self.flagged = list(spans)
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        """TextArea's syntax highlights, used for the flagged figures (no language is set).
        TextArea keeps them per line in UTF-8 byte columns; a Textual that keeps them
        otherwise costs the highlight, never the answer (the list below names them too)."""
        try:
            self._line_cache.clear()
            self._highlights.clear()
            if not self.flagged:
                return
            theme = self._theme
            if theme is not None and FLAG_NAME not in theme.syntax_styles:
                theme.syntax_styles = {**theme.syntax_styles, FLAG_NAME: Style.parse(FLAG_STYLE)}
            lines = self.text.split("\n")
            starts, at = [], 0
            for line in lines:
                starts.append(at)
                at += len(line) + 1
            for start, end in self.flagged:
                for row, line in enumerate(lines):
                    a, b = max(start, starts[row]), min(end, starts[row] + len(line))
                    if a < b:
                        col_a = len(line[:a - starts[row]].encode("utf-8"))
                        col_b = len(line[:b - starts[row]].encode("utf-8"))
                        self._highlights[row].append((col_a, col_b, FLAG_NAME))
        except AttributeError:
            return

    HELP = S.AI_PANE_KEYS
    BINDINGS = [
        Binding("enter", "take_whole", S.AI_TAKE_WHOLE, id="assist.take_whole"),
        Binding("s", "take_part", S.AI_TAKE_PART, id="assist.take_part"),
        Binding("d", "drop", S.AI_DROP, id="assist.drop"),
        Binding("escape", "cancel", S.AI_CANCEL, id="assist.cancel"),
    ]

    def action_take_whole(self) -> None:
        self.parent.take(whole=True)

    def action_take_part(self) -> None:
        self.parent.take(whole=False)

    def action_drop(self) -> None:
        self.parent.drop()

    def action_cancel(self) -> None:
        self.parent.cancel_or_close()


class AssistPane(Vertical, can_focus=True):
    """Hidden until Ctrl+B. States: picking a task, writing material, streaming, done, failed."""

    BINDINGS = [Binding("escape", "cancel_or_close", S.AI_CANCEL, id="assist.escape", show=False)]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.state = "closed"
        self.answer = ""
        self.chosen: str | None = None  # the task picked

    def compose(self) -> ComposeResult:
        yield CJKText(S.AI_PANE_TITLE, id="assist-title")
        yield CJKText("", id="assist-where", classes="hint")
        yield TaskList(*[Option(f"{name}　{S.AI_TASK_NAMES[name]}", id=name) for name in S.AI_TASK_NAMES],
                       id="assist-tasks")
        yield MaterialArea("", soft_wrap=True, id="assist-material")
        yield AnswerArea("", soft_wrap=True, read_only=True, id="assist-answer")
        yield CJKText("", id="assist-progress")
        yield CJKText("", id="assist-figures")
        yield CJKText("", id="assist-keys", classes="hint")

    # ------------------------------------------------------------ showing
    def _show(self, *, tasks=False, material=False, answer=False) -> None:
        self.query_one(TaskList).display = tasks
        self.query_one(MaterialArea).display = material
        self.query_one(AnswerArea).display = answer

    def open(self, where: str | None, off_message: str | None) -> None:
        """Shown with the tasks to pick from and where the text would go (or why it is off)."""
        self.display = True
        self.state = "pick"
        self.answer, self.chosen = "", None
        self.query_one("#assist-figures", CJKText).set_text("")
        self.query_one("#assist-progress", CJKText).set_text("")
        if off_message:
            self.query_one("#assist-where", CJKText).set_text(off_message)
            self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_CLOSE_KEY)
            self._show()
            self.state = "off"
            self.focus()
            return
        self.query_one("#assist-where", CJKText).set_text(S.AI_PANE_HINT_PICK.format(where=where))
        self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_PICK_KEYS)
        self._show(tasks=True)
        tasks = self.query_one(TaskList)
        tasks.highlighted = 1 if self.chosen is None else tasks.highlighted  # 润色 first: the common one
        tasks.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if not isinstance(event.option_list, TaskList):
            return
        event.stop()
        self.chosen = event.option.id
        from workbench.assist.tasks import DIGEST

        if self.chosen == DIGEST:
            self.state = "material"
            self._show(material=True)
            self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_MATERIAL)
            self.query_one(MaterialArea).focus()
            return
        self.screen.assist_ask(self.chosen, "")

    def send_material(self, text: str) -> None:
        if not text.strip():
            self.notify(S.AI_NEEDS_MATERIAL, severity="warning")
            return
        self.screen.assist_ask(self.chosen, text)

    def started(self, line: str) -> None:
        """The request is on its way: the answer box, empty, and the line saying where it went."""
        self.state = "streaming"
        self.answer = ""
        self._show(answer=True)
        area = self.query_one(AnswerArea)
        area.flagged = []
        area.load_text("")
        area.focus()
        self.query_one("#assist-where", CJKText).set_text(line)
        self.query_one("#assist-progress", CJKText).set_text(S.AI_PROGRESS.format(chars=0))
        self.query_one("#assist-figures", CJKText).set_text("")
        self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_STREAM_KEYS)

    def partial(self, text: str) -> None:
        if self.state != "streaming":
            return  # cancelled or closed: a piece arriving late is not shown
        self.answer = text
        self.query_one(AnswerArea).load_text(text)
        self.query_one("#assist-progress", CJKText).set_text(S.AI_PROGRESS.format(chars=len(text)))

    def finished(self, answer: str, verdict) -> None:
        from workbench.assist.verify import CHANGED

        self.state = "done"
        self.answer = answer
        area = self.query_one(AnswerArea)
        area.load_text(answer)
        flagged = verdict.flagged
        area.flag([(n.start, n.end) for n in flagged])
        self.query_one("#assist-progress", CJKText).set_text(
            S.AI_DONE.format(chars=len(answer), figures=len(verdict.notes), flagged=len(flagged)))
        paragraphs = []
        for n in flagged:
            line = (S.AI_FLAG_CHANGED.format(was=n.was, figure=n.text) if n.status == CHANGED
                    else S.AI_FLAG_UNKNOWN.format(figure=n.text))
            before = answer[max(0, n.start - CONTEXT):n.start].replace("\n", " ")
            after = answer[n.end:n.end + CONTEXT].replace("\n", " ")
            paragraphs.append([("！" + line, "bold red")])
            paragraphs.append([("　…" + before, None), (n.text, FLAG_STYLE), (after + "…", None)])
        for d in verdict.dropped:
            paragraphs.append([("！" + S.AI_FLAG_DROPPED.format(figure=d), "bold red")])
        if not paragraphs:
            paragraphs = [[(S.AI_ALL_KNOWN if verdict.notes else S.AI_NO_FIGURES, "green")]]
        self.query_one("#assist-figures", CJKText).set_paragraphs(paragraphs)
        self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_KEYS)

    def failed(self, message: str) -> None:
        self.state = "failed"
        self.query_one("#assist-progress", CJKText).set_text(message)
        self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_CLOSE_KEY)

    # ------------------------------------------------------------ keys
    def take(self, whole: bool) -> None:
        if self.state == "streaming":
            self.notify(S.AI_NOT_READY, severity="warning")
            return
        if self.state != "done":
            return
        area = self.query_one(AnswerArea)
        text = self.answer if whole else area.selected_text
        if not text.strip():
            self.notify(S.AI_SELECT_PART, severity="warning")
            return
        if self.screen.assist_take(text):
            self.close()

    def drop(self) -> None:
        if self.state == "streaming":
            self.cancel_or_close()
            return
        self.notify(S.AI_DROPPED, timeout=3)
        self.close()

    def cancel_or_close(self) -> None:
        if self.state == "streaming":
            self.screen.assist_cancel()
            self.state = "cancelled"
            self.query_one("#assist-progress", CJKText).set_text(S.AI_CANCELLED)
            self.query_one("#assist-keys", CJKText).set_text(S.AI_PANE_CLOSE_KEY)
            return
        self.close()

    def action_cancel_or_close(self) -> None:
        self.cancel_or_close()

    def close(self) -> None:
        if self.state == "streaming":
            self.screen.assist_cancel()
        self.state = "closed"
        self.display = False
        self.screen.assist_closed()
