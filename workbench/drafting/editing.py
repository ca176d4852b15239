"""Edits a drafter makes to one open report, with no screen attached.

The TUI calls these; each returns what changed or raises FigureError / EditError with a
Chinese message, and leaves the report as it was when it raises.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from workbench import strings as S
from workbench.util.lazyre import LazyRegex
from workbench.document.catalog import lookup
from workbench.document.figures import Figure, FigureError, format_figure, parse_figure
from workbench.document.model import Chapter, Paragraph, Report, Section

RESULTS, TARGETS = "results", "targets"
VALUE, GROWTH, NAME = "value", "growth", "name"


class EditError(ValueError):
    """An edit that cannot be made; the message is Chinese."""


def figures_of(report: Report, kind: str) -> list[Figure]:
    if kind not in (RESULTS, TARGETS):
        raise ValueError(kind)
    return report.results if kind == RESULTS else report.targets


def set_figure_cell(report: Report, kind: str, index: int, column: str, text: str) -> Figure:
    """Type a figure into one cell: the name, the value ("21.2亿元") or the growth ("增长8%左右").

    An empty value or growth clears that part. Raises FigureError (position and reason)
    and leaves the figure untouched when the grammar refuses the text.
    """
    figs = figures_of(report, kind)
    old = figs[index]
    text = text.strip()
    if column == NAME:
        if not text:
            raise EditError(S.EDIT_EMPTY_NAME)
        new = replace(old, name=text, key=lookup(text))
    elif column == VALUE:
        if not text:
            new = replace(old, value=None, unit=None,
                          qualifier=old.qualifier if old.growth_pct is not None else None)
            if old.growth_pct is None and old.qualifier == "区间":
                new.growth_pct_max = None
        else:
            part = parse_figure(text, name=old.name)
            if part.growth_pct is not None and part.value is None:
                raise FigureError(text, 0, S.EDIT_VALUE_NOT_GROWTH)
            new = replace(old, value=part.value, unit=part.unit)
            if part.growth_pct is not None:
                new.growth_pct, new.growth_pct_max, new.stretch_pct = (
                    part.growth_pct, part.growth_pct_max, part.stretch_pct)
            if part.qualifier is not None or old.growth_pct is None:
                new.qualifier = part.qualifier
            if part.growth_pct is None and part.qualifier == "区间":
                new.growth_pct_max = part.growth_pct_max
    elif column == GROWTH:
        if not text:
            new = replace(old, growth_pct=None, growth_pct_max=None, stretch_pct=None,
                          qualifier=old.qualifier if old.value is not None and old.qualifier != "区间" else None)
        else:
            if not text.startswith(("增", "下", "降", "提", "上", "减", "同", "与", "力争", "基本")):
                text = "增长" + text
            part = parse_figure(text, name=old.name)
            if part.growth_pct is None and part.qualifier not in ("同步", "基本同步") and part.unit != "百分点":
                raise FigureError(text, 0, S.EDIT_GROWTH_NOT_VALUE)
            if part.unit == "百分点":
                new = replace(old, value=part.value, unit="百分点", growth_pct=None,
                              qualifier=part.qualifier)
            else:
                new = replace(old, growth_pct=part.growth_pct, growth_pct_max=part.growth_pct_max,
                              stretch_pct=part.stretch_pct, qualifier=part.qualifier)
    else:
        raise ValueError(column)
    new.raw = format_figure(new)
    figs[index] = new
    return new


def add_figure(report: Report, kind: str, name: str, after: int | None = None) -> int:
    name = name.strip()
    if not name:
        raise EditError(S.EDIT_EMPTY_NAME)
    figs = figures_of(report, kind)
    at = len(figs) if after is None else after + 1
    fig = Figure(name=name, key=lookup(name))
    fig.raw = format_figure(fig)
    figs.insert(at, fig)
    return at


def remove_figure(report: Report, kind: str, index: int) -> Figure:
    return figures_of(report, kind).pop(index)


def move_item(items: list, index: int, delta: int) -> int:
    """Move items[index] by delta places; returns the new index (unchanged at an end)."""
    new = index + delta
    if not 0 <= index < len(items) or not 0 <= new < len(items):
        return index
    items[index], items[new] = items[new], items[index]
    return new


# ------------------------------------------------------------ text

Address = tuple[int, int | None, int | None]  # chapter, section, paragraph
# A sentence with its end marks and a closing quote or bracket right after them: where a long
# paragraph may be split.
_SENTENCE = LazyRegex(r"[^。！？]*(?:[。！？]+[”’」』）)]*|$)")


def paragraph_list(report: Report, ci: int, si: int | None) -> list[Paragraph]:
    ch = report.chapters[ci]
    return ch.paragraphs if si is None else ch.sections[si].paragraphs


def holds(report: Report, addr: Address) -> bool:
    """Whether the address still names a chapter, section or paragraph of the report (an
    outline drawn before an edit can name one that is gone)."""
    ci, si, pi = addr
    if not 0 <= ci < len(report.chapters):
        return False
    if si is not None and not 0 <= si < len(report.chapters[ci].sections):
        return False
    return pi is None or 0 <= pi < len(paragraph_list(report, ci, si))


def get_paragraph(report: Report, addr: Address) -> Paragraph:
    ci, si, pi = addr
    if pi is None:
        raise EditError(S.EDIT_NOT_PARAGRAPH)
    return paragraph_list(report, ci, si)[pi]


def add_paragraph(report: Report, ci: int, si: int | None, after: int | None = None,
                  text: str = "", lead: str | None = None) -> Address:
    paras = paragraph_list(report, ci, si)
    at = len(paras) if after is None else after + 1
    paras.insert(at, Paragraph(text=text, lead=lead))
    return (ci, si, at)


def pasted_paragraphs(text: str) -> list[str]:
    """The paragraphs of a pasted text: one per non-empty line ("——…" bullets, blank-line
    separated paragraphs and plain line breaks alike), trimmed."""
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if line.strip()]


def insert_paragraphs(report: Report, addr: Address, before: str, pieces: list[str], after: str) -> Address:
    """A paste of several paragraphs at a point of paragraph `addr`: that paragraph becomes
    `before` + the first piece, each other piece a paragraph of its own after it, and the text
    that followed the point (`after`) ends the last. Returns the last paragraph's address."""
    ci, si, pi = addr
    if pi is None or not pieces:
        raise EditError(S.EDIT_NOT_PARAGRAPH)
    paras = paragraph_list(report, ci, si)
    paras[pi].text = before + pieces[0] + (after if len(pieces) == 1 else "")
    for k, piece in enumerate(pieces[1:], start=1):
        paras.insert(pi + k, Paragraph(text=piece + (after if k == len(pieces) - 1 else "")))
    return (ci, si, pi + len(pieces) - 1)


LONG_PARAGRAPH = 20_000   # characters: far past any real paragraph; the editor cannot keep up
SPLIT_TARGET = 500        # characters a paragraph split at sentence ends aims at


def split_at_sentences(report: Report, addr: Address, target: int = SPLIT_TARGET) -> list[Address]:
    """Paragraph `addr` split at sentence ends (。！？ and a closing quote after one) into
    paragraphs of about `target` characters each, whole sentences only; the lead and its bold
    phrases stay with the first. A text imported without paragraph breaks becomes paragraphs
    the editor can hold. Returns the new paragraphs' addresses (one: nothing to split)."""
    ci, si, pi = addr
    if pi is None:
        raise EditError(S.EDIT_NOT_PARAGRAPH)
    paras = paragraph_list(report, ci, si)
    para = paras[pi]
    if para.generated:
        raise EditError(S.EDIT_SPLIT_GENERATED)
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in _SENTENCE.findall(para.text):
        if not sentence:
            continue
        if current and size + len(sentence) > target:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(sentence)
        size += len(sentence)
    if current:
        pieces.append("".join(current))
    if len(pieces) <= 1:
        return [addr]
    para.text = pieces[0]
    for k, piece in enumerate(pieces[1:], start=1):
        paras.insert(pi + k, Paragraph(text=piece))
    return [(ci, si, pi + k) for k in range(len(pieces))]


def split_paragraph(report: Report, addr: Address, at: int) -> Address:
    """Split a paragraph's text at character `at`: the text before stays (with the lead), the
    text after becomes a new paragraph right after it. Returns the new paragraph's address."""
    para = get_paragraph(report, addr)
    if para.generated:
        raise EditError(S.EDIT_GENERATED_STRUCTURE)
    ci, si, pi = addr
    at = max(0, min(at, len(para.text)))
    head, tail = para.text[:at].rstrip(), para.text[at:].lstrip()
    if not tail.strip():
        raise EditError(S.EDIT_SPLIT_AT_END)
    para.text = head
    paragraph_list(report, ci, si).insert(pi + 1, Paragraph(text=tail))
    return (ci, si, pi + 1)


def merge_with_previous(report: Report, addr: Address) -> tuple[Address, int]:
    """Join a paragraph to the one before it in its chapter or section (its lead, if any, goes
    into the text where it stood). Returns the joined paragraph's address and where in its text
    the join is."""
    para = get_paragraph(report, addr)
    ci, si, pi = addr
    if pi == 0:
        raise EditError(S.EDIT_MERGE_FIRST)
    paras = paragraph_list(report, ci, si)
    prev = paras[pi - 1]
    if para.generated or prev.generated:
        raise EditError(S.EDIT_GENERATED_STRUCTURE)
    join = len(prev.text)
    prev.text = prev.text + (para.lead or "") + para.text
    paras.pop(pi)
    return (ci, si, pi - 1), join


def add_section(report: Report, ci: int, title: str, after: int | None = None) -> Address:
    secs = report.chapters[ci].sections
    at = len(secs) if after is None else after + 1
    secs.insert(at, Section(title=title.strip(), paragraphs=[Paragraph(text="")]))
    return (ci, at, None)


def add_chapter(report: Report, title: str, after: int | None = None) -> Address:
    at = len(report.chapters) if after is None else after + 1
    report.chapters.insert(at, Chapter(title=title.strip()))
    return (at, None, None)


def delete(report: Report, addr: Address) -> None:
    ci, si, pi = addr
    if pi is not None:
        paragraph_list(report, ci, si).pop(pi)
    elif si is not None:
        report.chapters[ci].sections.pop(si)
    else:
        report.chapters.pop(ci)


def move(report: Report, addr: Address, delta: int) -> Address:
    ci, si, pi = addr
    if pi is not None:
        return (ci, si, move_item(paragraph_list(report, ci, si), pi, delta))
    if si is not None:
        return (ci, move_item(report.chapters[ci].sections, si, delta), None)
    return (move_item(report.chapters, ci, delta), None, None)


_FIRST_SENTENCE = re.compile(r"^(.{2,40}?[。！？；])")


def promote_lead(report: Report, addr: Address) -> str:
    """Make a paragraph's first sentence its bold lead; returns the lead."""
    para = get_paragraph(report, addr)
    if para.lead:
        raise EditError(S.EDIT_HAS_LEAD)
    m = _FIRST_SENTENCE.match(para.text)
    if not m:
        raise EditError(S.EDIT_NO_SENTENCE)
    para.lead = m.group(1)
    para.text = para.text[m.end():]
    return para.lead


# ------------------------------------------------------------ find and replace


def _text_fields(report: Report):
    """(address, field, text) of every piece of text the drafter owns, in reading order:
    chapter and section titles, each paragraph's lead and text. Generated paragraphs are left
    out (their text follows the tables)."""
    for ci, ch in enumerate(report.chapters):
        yield (ci, None, None), "title", ch.title or ""
        for pi, p in enumerate(ch.paragraphs):
            if not p.generated:
                yield (ci, None, pi), "lead", p.lead or ""
                yield (ci, None, pi), "text", p.text
        for si, sec in enumerate(ch.sections):
            yield (ci, si, None), "title", sec.title or ""
            for pi, p in enumerate(sec.paragraphs):
                if not p.generated:
                    yield (ci, si, pi), "lead", p.lead or ""
                    yield (ci, si, pi), "text", p.text


def find_all(report: Report, needle: str) -> list[Address]:
    """The addresses holding `needle`, one per occurrence, in reading order."""
    if not needle:
        return []
    return [addr for addr, _, text in _text_fields(report) for _ in range(text.count(needle))]


def generated_holding(report: Report, needle: str) -> int:
    """How many times `needle` stands in generated paragraphs (which a replace leaves alone)."""
    if not needle:
        return 0
    return sum(p.full_text.count(needle) for _, _, _, p in report.paragraphs() if p.generated)


def replace_all(report: Report, needle: str, replacement: str) -> int:
    """Every `needle` in the drafter's text (titles, leads, paragraphs) made `replacement`;
    returns how many. Generated paragraphs are not touched."""
    if not needle:
        raise EditError(S.FIND_EMPTY)
    n = 0
    for (ci, si, pi), field, text in list(_text_fields(report)):
        k = text.count(needle)
        if not k:
            continue
        n += k
        new = text.replace(needle, replacement)
        if field == "title":
            target = report.chapters[ci] if si is None else report.chapters[ci].sections[si]
            target.title = new
        else:
            para = paragraph_list(report, ci, si)[pi]
            if field == "lead":
                para.lead = new or None
            else:
                para.text = new
    return n


def snapshot(report: Report) -> Report:
    """A deep copy to hand to a saving thread while the editor goes on."""
    return copy.deepcopy(report)


def settle(report: Report) -> Report:
    """Bring the derived parts up to date in place (generated text, commitments), so the
    report in the editor is, field for field, the one the store will hold."""
    from workbench.document.commitments import sync
    from workbench.document.phrasing import refresh_generated

    refresh_generated(report)
    sync(report)
    return report


def save_copy(report: Report) -> Report:
    """`settle` the open report, then a copy of it for the saving thread."""
    return snapshot(settle(report))


def toggle_generated(report: Report, addr: Address) -> bool:
    """Turn a generated paragraph into free text the drafter owns (its text kept as printed),
    or a targets paragraph back into one written from the table; returns whether it is
    generated now. Raises EditError for a paragraph the table cannot write."""
    from workbench.document.phrasing import GENERATED_TARGETS, is_targets_paragraph, refresh_generated

    para = get_paragraph(report, addr)
    if para.generated:
        refresh_generated(report)
        para.generated = None
        return False
    if not is_targets_paragraph(para.full_text):
        raise EditError(S.SEC_NOT_TARGETS)
    para.generated = GENERATED_TARGETS
    refresh_generated(report)
    return True


class History:
    """Undo and redo of figure and structure edits: whole-report snapshots, newest last."""

    def __init__(self, depth: int = 100):
        self.depth = depth
        self.undo_stack: list[Report] = []
        self.redo_stack: list[Report] = []

    def remember(self, report: Report, before: Report | None = None) -> None:
        """Keep `report` as it is now (or `before`, taken earlier) ahead of an edit."""
        self.undo_stack.append(before if before is not None else snapshot(report))
        del self.undo_stack[:-self.depth]
        self.redo_stack.clear()

    def undo(self, report: Report) -> Report | None:
        """The report before the last edit (None when there is nothing to undo)."""
        if not self.undo_stack:
            return None
        self.redo_stack.append(snapshot(report))
        return self.undo_stack.pop()

    def redo(self, report: Report) -> Report | None:
        if not self.redo_stack:
            return None
        self.undo_stack.append(snapshot(report))
        return self.redo_stack.pop()

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
