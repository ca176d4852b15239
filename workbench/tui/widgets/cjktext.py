"""Read-only text wrapped by Chinese rules at the widget's own width.

No line starts with ，。；：、）” and the like, none ends with （“, and a number keeps its
unit ("107.2亿元", "3.2%"). Widths are Rich's cell widths, which are what Textual draws
(“ ” and — count one cell there, a Chinese character two)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from workbench.util.textwrap_cjk import Span, wrap_spans


def wrap_text(paragraphs: list[list[Span]], width: int) -> list[Text]:
    """Each paragraph (styled spans, "\\n" inside breaks a line) wrapped to `width` cells."""
    lines: list[Text] = []
    width = max(4, width)
    for spans in paragraphs:
        if not any(t for t, _ in spans):
            lines.append(Text(""))
            continue
        for line in wrap_spans(spans, width, keep_units=True):
            text = Text(no_wrap=True, overflow="ignore")
            for part, style in line:
                text.append(part, style=style or "")
            lines.append(text)
    return lines


class CJKText(Widget):
    """Like a Static, but its lines are broken by `textwrap_cjk` at the current width."""

    DEFAULT_CSS = "CJKText { height: auto; }"

    def __init__(self, text: str = "", **kwargs):
        super().__init__(**kwargs)
        self._paragraphs: list[list[Span]] = []
        self._cache: tuple[int, list[Text]] | None = None
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.set_paragraphs([[(line, None)] for line in text.split("\n")])

    def update(self, text: str) -> None:
        """As a Label's: the text shown (wrapped by Chinese rules)."""
        if text != self.text:
            self.set_text(text)

    def set_paragraphs(self, paragraphs: list[list[Span]]) -> None:
        self._paragraphs = paragraphs
        self._cache = None
        self.refresh(layout=True)

    def lines_at(self, width: int) -> list[Text]:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, wrap_text(self._paragraphs, width))
        return self._cache[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines_at(width))

    @property
    def text(self) -> str:
        """The text as given, one paragraph a line."""
        return "\n".join("".join(t for t, _ in spans) for spans in self._paragraphs)

    def render(self) -> Text:
        if not self.content_size.width:  # not laid out yet (a hidden tab): nothing to wrap to
            return Text(self.text)
        lines = self.lines_at(self.content_size.width)
        return Text("\n", no_wrap=True, overflow="ignore").join(lines)

    @property
    def plain_lines(self) -> list[str]:
        return [line.plain for line in self.lines_at(self.content_size.width)]


Block = tuple[list[Span], list[Span]]


class SideBySide(Widget):
    """Two texts in two columns, each wrapped by Chinese rules at its column's width, block by
    block (a section title, a paragraph): the shorter side of a block is padded with blank
    lines, so a paragraph and its counterpart always start on the same line however the
    window is sized, and one scroll moves both."""

    DEFAULT_CSS = "SideBySide { height: auto; }"
    GAP = " │ "

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._blocks: list[Block] = []
        self._cache: tuple[int, list[Text]] | None = None

    def set_blocks(self, blocks: list[Block]) -> None:
        self._blocks = blocks
        self._cache = None
        self.refresh(layout=True)

    def column_width(self, width: int) -> int:
        return max(4, (width - cell_len(self.GAP)) // 2)

    def columns_at(self, width: int) -> list[tuple[Text, Text]]:
        """The lines of both columns, aligned block by block."""
        col = self.column_width(width)
        out: list[tuple[Text, Text]] = []
        for left, right in self._blocks:
            a = wrap_text([left], col) if left else []
            b = wrap_text([right], col) if right else []
            for i in range(max(len(a), len(b), 1)):
                out.append((a[i] if i < len(a) else Text(""), b[i] if i < len(b) else Text("")))
        return out

    def lines_at(self, width: int) -> list[Text]:
        if self._cache is None or self._cache[0] != width:
            col = self.column_width(width)
            lines = []
            for a, b in self.columns_at(width):
                line = Text(no_wrap=True, overflow="ignore")
                line.append_text(a)
                line.append(" " * max(0, col - a.cell_len))
                line.append(self.GAP, style="dim")
                line.append_text(b)
                lines.append(line)
            self._cache = (width, lines)
        return self._cache[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines_at(width))

    def render(self) -> Text:
        if not self.content_size.width:
            return Text("")
        return Text("\n", no_wrap=True, overflow="ignore").join(self.lines_at(self.content_size.width))
