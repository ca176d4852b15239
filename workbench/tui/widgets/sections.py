"""The sections editor: a tree of chapters, sections and paragraphs, and the editor beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea, Tree

from workbench import strings as S
from workbench.drafting.editing import Address
from workbench.document.model import Report
from workbench.document.phrasing import chapter_numbers, section_number
from workbench.tui.widgets.cjktext import CJKText

SNIPPET = 16


def paragraph_label(lead: str | None, text: str, generated: bool = False, model: bool = False) -> str:
    body = (lead or "") + text
    body = body.replace("\n", " ")
    label = (body[:SNIPPET] + "…") if len(body) > SNIPPET else (body or S.EMPTY_PARAGRAPH)
    if model:
        label = S.MODEL_MARK + label
    return S.GENERATED_MARK + label if generated else label


class OutlineTree(Tree):
    HELP = S.HELP_OUTLINE
    BINDINGS = [
        Binding("ctrl+n", "screen.add_paragraph", S.BINDING["add"], id="sections.add"),
        Binding("ctrl+t", "screen.add_section", S.BINDING["add_section"], id="sections.add_section"),
        Binding("delete", "screen.delete_item", S.BINDING["delete"], id="sections.delete"),
        Binding("ctrl+up", "screen.move_item(-1)", S.BINDING["move_up"], id="sections.move_up", show=False),
        Binding("ctrl+down", "screen.move_item(1)", S.BINDING["move_down"], id="sections.move_down", show=False),
        Binding("ctrl+l", "screen.promote_lead", S.BINDING["lead"], id="sections.lead", show=False),
        Binding("f12", "screen.split_sentences", S.BINDING["split_sentences"], id="sections.split_sentences",
                show=False),
        Binding("slash,ideographic_comma", "screen.outline_find", S.BINDING_OUTLINE_FIND, id="sections.find",
                show=False),
        # With a Chinese input method on, > and < arrive as 》 and 《.
        Binding("greater_than_sign,right_double_angle_bracket,ctrl+right", "widen(4)", S.BINDING_WIDEN,
                id="sections.widen", show=False),
        Binding("less_than_sign,left_double_angle_bracket,ctrl+left", "widen(-4)", S.BINDING_NARROW,
                id="sections.narrow", show=False),
    ]
    MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 24, 90, 38

    def on_mount(self) -> None:
        from workbench.tui.settings import load_settings

        width = load_settings().get("outline_width")
        if isinstance(width, int):
            self.styles.width = max(self.MIN_WIDTH, min(self.MAX_WIDTH, width))

    def action_widen(self, delta: int) -> None:
        """Wider or narrower by a few columns; the width is remembered for the next session."""
        from workbench.tui.settings import save_setting

        current = self.styles.width.value if self.styles.width is not None else self.DEFAULT_WIDTH
        width = int(max(self.MIN_WIDTH, min(self.MAX_WIDTH, current + delta)))
        self.styles.width = width
        save_setting("outline_width", width)

    def on_key(self, event) -> None:
        """Text typed while the outline has the focus would vanish: say where typing goes."""
        import time

        if event.is_printable and event.character and not event.character.isspace() \
                and event.character not in "<>《》/、" and time.monotonic() - getattr(self, "_told_at", -10.0) > 3.0:
            self._told_at = time.monotonic()
            if hasattr(self.screen, "say_why"):
                self.screen.say_why(S.OUTLINE_TYPING_HINT)
            else:
                self.notify(S.OUTLINE_TYPING_HINT, timeout=4)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        """The full title or paragraph start, for a label the pane cuts short."""
        self.tooltip = self.full_text(event.node.data)

    def full_text(self, addr) -> str | None:
        report = getattr(self.screen, "report", None)
        if addr is None or report is None:
            return None
        ci, si, pi = addr
        try:
            ch = report.chapters[ci]
            if pi is not None:
                p = (ch.sections[si] if si is not None else ch).paragraphs[pi]
                return ((p.lead or "") + p.text)[:120] or None
            return (ch.sections[si].title if si is not None else ch.title) or None
        except IndexError:
            return None

    def fill(self, report: Report, select: Address | None = None) -> None:
        self.clear()
        self.root.expand()
        numbers = chapter_numbers(report.chapters)
        for ci, ch in enumerate(report.chapters):
            cnode = self.root.add(numbers[ci] + (ch.title or S.OPENING_CHAPTER), data=(ci, None, None), expand=True)
            for pi, p in enumerate(ch.paragraphs):
                cnode.add_leaf(paragraph_label(p.lead, p.text, bool(p.generated), p.model_written), data=(ci, None, pi))
            for si, sec in enumerate(ch.sections):
                snode = cnode.add(section_number(si) + sec.title, data=(ci, si, None), expand=True)
                for pi, p in enumerate(sec.paragraphs):
                    snode.add_leaf(paragraph_label(p.lead, p.text, bool(p.generated), p.model_written), data=(ci, si, pi))
        target_node = self.node_for(select) if select is not None else None
        if target_node is not None:
            self.call_after_refresh(self._select, target_node)

    def _select(self, node) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def node_for(self, addr: Address):
        def walk(node):
            if node.data == addr:
                return node
            for child in node.children:
                found = walk(child)
                if found is not None:
                    return found
            return None
        return walk(self.root)


class LeadInput(Input):
    HELP = S.HELP_LEAD
    BINDINGS = [Binding("ctrl+n", "screen.add_paragraph", S.BINDING["add"], id="lead.add", show=False)]

    def __init__(self, *args, **kwargs):
        # Tabbing in must not select the whole title, or the first key typed replaces it.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def on_key(self, event) -> None:
        """A key that would change a 定稿 report's lead or title asks first, changing nothing."""
        if getattr(self.screen, "final_locked", False) and (
                event.is_printable or event.key in ("backspace", "delete", "ctrl+x", "ctrl+v")):
            event.prevent_default()
            event.stop()
            self.screen.refuse()

    def on_paste(self, event) -> None:
        if getattr(self.screen, "final_locked", False):
            event.prevent_default()
            event.stop()
            self.screen.refuse()


class BodyArea(TextArea):
    HELP = S.HELP_BODY
    BINDINGS = [
        Binding("ctrl+n", "screen.add_paragraph", S.BINDING["add"], id="body.add", show=False),
        Binding("f12", "screen.split_sentences", S.BINDING["split_sentences"], id="body.split_sentences",
                show=False),
        # TextArea's own F6/F7 select the line / the whole text, so the next key typed would
        # replace the paragraph: here they are the screen's keys (对比上年, 标题信息) as elsewhere.
        Binding("f6,f7", "pass_to_screen", show=False),
        # Ctrl+Enter reaches the app only from terminals that report it; Ctrl+J (a line feed) from all.
        Binding("ctrl+enter,ctrl+j", "screen.split_paragraph", S.BINDING["split"], id="body.split", show=False),
        Binding("ctrl+a", "select_paragraph", S.BINDING["select_paragraph"], id="body.select_all", show=False),
    ]

    def action_undo(self) -> None:
        """The paragraph's own typing first; with none left, the screen's undo of the last
        structure edit (a split, a merge, a paste made paragraphs), so Ctrl+Z always answers."""
        from textual.actions import SkipAction

        if not self.history.undo_stack:
            raise SkipAction()
        super().action_undo()

    def action_redo(self) -> None:
        from textual.actions import SkipAction

        if not self.history.redo_stack:
            raise SkipAction()
        super().action_redo()

    # A paragraph just loaded, its cursor not yet placed by the drafter or by an action: the
    # first focus puts the cursor at its end, where a drafter adds to it (a trial's typing
    # landed in front of the paragraph's first word).
    _fresh = False

    def load_paragraph(self, text: str) -> None:
        self.load_text(text)
        self._fresh = True

    def move_cursor(self, *args, **kwargs):
        self._fresh = False
        return super().move_cursor(*args, **kwargs)

    def on_focus(self) -> None:
        if self._fresh:
            self.move_cursor(self.document.end)

    # TextArea.render_lines re-derives its theme from the CSS before every draw (each key), and
    # every refresh empties the style cache it reads: ~a fifth of a keystroke's cost. The styles
    # change only with the app's CSS or theme, this widget's focus/hover/disabled state, or a
    # style update reaching it (a class changed on it or an ancestor), so it is done on those.
    _style_updates = 0
    _css_key = None

    def notify_style_update(self) -> None:
        self._style_updates += 1
        super().notify_style_update()

    def render_lines(self, crop):
        theme = self._theme
        if theme:
            app = self.app
            key = (app._css_update_count, app.theme, self._pseudo_classes_cache_key, self._style_updates,
                   self.read_only, id(theme))
            if key != self._css_key:
                theme.apply_css(self)
                self._css_key = key
        return Widget.render_lines(self, crop)

    def action_select_paragraph(self) -> None:
        """Ctrl+A: the whole paragraph selected (TextArea's own Ctrl+A goes to the line start)."""
        self.select_all()

    def action_pass_to_screen(self) -> None:
        from textual.actions import SkipAction

        raise SkipAction()

    def _refuse(self) -> None:
        """A keystroke or paste into a read-only body: say why, at once."""
        import time

        screen = self.screen
        if getattr(screen, "readonly", False):
            self.app.refuse_readonly()
        elif getattr(screen, "final_locked", False):
            screen.refuse()  # 定稿: asks whether to turn it back into a draft
        elif time.monotonic() - getattr(self, "_told_at", -10.0) > 2.0:
            self._told_at = time.monotonic()
            if hasattr(screen, "say_why"):
                screen.say_why(S.SEC_GENERATED_READONLY)
            else:
                self.notify(S.SEC_GENERATED_READONLY, severity="warning", timeout=4)

    # Textual runs TextArea's own handlers after these (it dispatches along the MRO).
    def on_key(self, event) -> None:
        if self.read_only and (event.is_printable or event.key in ("enter", "backspace", "delete")):
            self._refuse()
            return
        if event.key == "backspace" and self.cursor_location == (0, 0) and self.selection.is_empty \
                and hasattr(self.screen, "action_merge_paragraph"):
            event.prevent_default()  # at the paragraph's start: join it to the one before
            event.stop()
            self.screen.action_merge_paragraph()

    def on_paste(self, event) -> None:
        if self.read_only:
            self._refuse()
            return
        from workbench.drafting.editing import pasted_paragraphs

        if len(pasted_paragraphs(event.text)) > 1 and hasattr(self.screen, "paste_paragraphs"):
            event.prevent_default()  # asked first: separate paragraphs, or one
            event.stop()
            self.screen.paste_paragraphs(event.text)


class SectionsEditor(Horizontal):
    BINDINGS = [
        Binding("f9", "toggle_last_year", S.BINDING_LAST_YEAR, id="sections.last_year"),
        Binding("ctrl+o", "copy_last_year", S.BINDING_COPY_LAST_YEAR, id="sections.copy_last_year",
                show=False),
    ]

    def compose(self) -> ComposeResult:
        from workbench.tui.widgets.lastyear import LastYearPane

        yield OutlineTree(S.TAB_SECTIONS, id="outline")
        with Vertical(id="editor"):
            yield CJKText(S.SEC_NOTHING, id="editor-label")  # a hint wraps by Chinese rules
            yield LeadInput(placeholder=S.SEC_LEAD, id="lead")
            yield Label(S.SEC_BODY, id="body-label")
            yield BodyArea("", soft_wrap=True, id="body")
        yield LastYearPane(id="last-year")
        from workbench.tui.widgets.assist import AssistPane

        yield AssistPane(id="assist")

    @property
    def last_year(self):
        from workbench.tui.widgets.lastyear import LastYearPane

        return self.query_one(LastYearPane)

    def action_toggle_last_year(self) -> None:
        """Show or hide last year's matching section; the editor keeps the focus."""
        pane = self.last_year
        pane.display = not pane.display
        if pane.display:
            self.follow()

    def action_copy_last_year(self) -> None:
        pane = self.last_year
        if not pane.display:
            self.action_toggle_last_year()
            return
        pane.copy_highlighted()

    def follow(self) -> None:
        """Last year's section for the address being edited, and the figure at the cursor."""
        pane = self.last_year
        screen = self.screen
        if not pane.display or not hasattr(screen, "report"):
            return
        pane.show_for(screen.report, screen.previous, screen.address)
        body = self.query_one(BodyArea)
        row, col = body.cursor_location
        lines = body.text.split("\n")
        pos = sum(len(line) + 1 for line in lines[:row]) + col
        pane.show_figure(screen.report, screen.previous, body.text, pos)

    def on_text_area_selection_changed(self, event) -> None:
        if self.last_year.display:
            self.follow()
