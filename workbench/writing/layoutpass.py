"""The layout pass of the PDF export: after LibreOffice has laid the pages out, read where each
line breaks (pdftotext) and, for each body paragraph whose last line is one character and its
stop ("升。") and each heading that wraps one character ("…良性循/环"), change that paragraph's
character spacing by the least step that mends it (`mending_spacing`; a heading is pulled onto
one line less when it can be); the step is written into the .docx (so Word starts from the same
choice) and the PDF is made again.  One pass: it costs at most one more conversion.

What a 秘书科 does by hand with 字符间距, on the lines LibreOffice actually made."""

from __future__ import annotations

import html
import io
import math
import re
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from workbench.document import layout as L

_INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
_PAGE_NUMBER = re.compile(r"—\d+—")
_STOPS = "。！？；"
LONE, HEADING = "lone", "heading"     # what a mended paragraph was: body, or a heading
STRETCH = "stretch"                   # …or a paragraph with a stretched line


class PrintedLine(NamedTuple):
    """One line of the PDF: its text, its width from its first character's left to its last
    character's right, and the width its words' own boxes cover (points): what is left over
    is the space between its words, which justification widens."""

    text: str
    width: float
    inked: float


_LINE_BOX = re.compile(r'<line xMin="([\d.]+)" [^>]*xMax="([\d.]+)"[^>]*>(.*?)</line>', re.S)
_WORD_BOX = re.compile(r'<word xMin="([\d.]+)" [^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>')


def read_lines(pdf: Path) -> list[PrintedLine] | None:
    """The PDF's printed lines in reading order with their widths, page numbers left out;
    None without pdftotext."""
    try:
        out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                             text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = []
    for x0, x1, line in _LINE_BOX.findall(out):
        words = _WORD_BOX.findall(line)
        text = _INVISIBLE.sub("", html.unescape("".join(w for _, _, w in words)))
        if text and not _PAGE_NUMBER.fullmatch(text):
            inked = sum(float(b) - float(a) for a, b, w in words if _INVISIBLE.sub("", w))
            lines.append(PrintedLine(text, float(x1) - float(x0), inked))
    return lines


def pdf_lines(pdf: Path) -> list[str] | None:
    """The PDF's printed lines in reading order, page numbers left out; None without pdftotext."""
    lines = read_lines(pdf)
    return None if lines is None else [line.text for line in lines]


_PARA = re.compile(r"<w:p>(.*?)</w:p>", re.S)
_T = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


_HEADING_STYLE = re.compile(r'<w:pStyle w:val="Heading[1-3]"/>')


def _paragraph_texts(document: str) -> list[tuple[re.Match, str, str | None]]:
    """(match, text, kind) for each paragraph of the body before the first table: kind LONE
    for a body paragraph (Normal), HEADING for a chapter or section heading, else None."""
    end = document.find("<w:tbl>")
    out = []
    for m in _PARA.finditer(document, 0, end if end >= 0 else len(document)):
        text = _INVISIBLE.sub("", html.unescape("".join(_T.findall(m.group(1)))))
        inner = m.group(1)
        kind = (LONE if '<w:pStyle w:val="Normal"/>' in inner or "<w:pStyle" not in inner
                else HEADING if _HEADING_STYLE.search(inner) else None)
        out.append((m, text, kind))
    return out


_MARKS = "。！？；，、：”’）》"


def _lone_end(kind: str | None, last: str) -> bool:
    """A body paragraph's last line of one character and its stop ("升。"); a heading's of
    one character, with or without a mark after it ("环")."""
    if kind == LONE:
        return len(last) == 2 and last[1] in _STOPS
    if kind == HEADING:
        return len(last) == 1 or (len(last) == 2 and last[1] in _MARKS)
    return False


def lone_paragraphs(document: str, lines: list[str]) -> dict[int, tuple[list[str], str]]:
    """{paragraph index: (its printed lines, kind)} for each body paragraph that ends in a
    line of one character and its stop and each heading that wraps one character; {} when
    the PDF's lines cannot be matched to the paragraphs."""
    found = {}
    for i, _, kind, start, end in _printed_paragraphs(document, lines) or ():
        if end - start >= 2 and _lone_end(kind, lines[end - 1]):
            found[i] = (lines[start:end], kind)
    return found


def _printed_paragraphs(document: str, lines: list[str]) -> list[tuple[int, str, str | None, int, int]] | None:
    """(paragraph index, text, kind, first line, line after its last) for each paragraph of
    the body with text, as `lines` print it; None when the PDF reads otherwise than the .docx."""
    out, at = [], 0
    for i, (_, text, kind) in enumerate(_paragraph_texts(document)):
        if not text:
            continue
        got, start = "", at
        while at < len(lines) and len(got) < len(text):
            got += lines[at]
            at += 1
        if got != text:
            return None
        out.append((i, text, kind, start, at))
    return out


BLOCK_PT = 442.25          # the 156 mm text block: 8845 twips between the margins
FIRST_INDENT_PT = L.FIRST_LINE_TWIPS / 20
MAX_STEP = 20              # one point a character, either way: beyond that the page shows it


def _ems(line: str) -> float:
    """A line's width in characters of the body size: ASCII (digits, %) is half as wide."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def mending_spacing(lines: list[str], *, pull_up: bool = False) -> int | None:
    """The character spacing (twentieths of a point) that mends a paragraph, printed as
    `lines`, whose last line is one character and its stop, by the least step from the
    template's; None when no step within a point a character does.

    Spacing moves whole characters: a line gives its last character to the next line once
    its characters are wider than the block, and the last full line takes the lone pair up
    once the pair fits beside its characters. Either mends; the smaller change is taken,
    except with `pull_up` (a heading: better on one line less than with two characters
    wrapped), where taking the lone character up is chosen whenever it is within reach."""
    if len(lines) < 2:
        return None
    base = L.CHAR_SPACING_TWENTIETHS
    candidates = []
    for i, line in enumerate(lines[:-1]):
        width = BLOCK_PT - (FIRST_INDENT_PT if i == 0 else 0)
        ems, count = _ems(line), len(line)
        # loosen: this line's characters one spacing step past the block
        per = (width - ems * L.BODY_PT) / count            # the spacing that just fills it
        candidates.append(math.floor(per * 20) + 2)          # a step past, for rounding
    # tighten: the last full line takes the lone character and its stop
    last, width = lines[-2], BLOCK_PT - (FIRST_INDENT_PT if len(lines) == 2 else 0)
    ems, count = _ems(last) + _ems(lines[-1]), len(last) + len(lines[-1])
    up = math.floor((width - ems * L.BODY_PT) / count * 20) - 1
    if pull_up and abs(up - base) <= MAX_STEP:
        return up
    candidates.append(up)
    best = min(candidates, key=lambda s: abs(s - base))
    return best if abs(best - base) <= MAX_STEP and best != base else None


# ---------------------------------------------------------------- stretched lines

STRETCH_PT = 1.5   # more space than this between a justified line's characters shows


def spread(line: PrintedLine) -> float:
    """The space justification put between a printed line's characters, points a gap on
    average: its width less what its words' boxes cover, over the places between its
    characters. A full line of the grid has about 0.3 (a few gaps beside a figure, which
    LibreOffice widens by itself); a line one run short of its end 1.5-5."""
    n = len(line.text)
    return (line.width - line.inked) / (n - 1) if n > 1 else 0.0


def stretched_lines(document: str, lines: list[PrintedLine], gap_pt: float = STRETCH_PT) -> dict[int, list[int]]:
    """{paragraph index: the indexes in `lines` of its stretched lines}: a body paragraph's or
    heading's justified line (any but its last) whose characters stand more than `gap_pt`
    apart on average; {} when the PDF reads otherwise than the .docx."""
    found = {}
    for i, _, kind, start, end in _printed_paragraphs(document, [ln.text for ln in lines]) or ():
        if kind is None:
            continue
        wide = [k for k in range(start, end - 1) if spread(lines[k]) > gap_pt]
        if wide:
            found[i] = wide
    return found


# The model of LibreOffice's line breaking the mend is chosen on, fitted to the last lines
# of the corpus's paragraphs (3,300 lines, median error 0.03 pt): each character's advance
# plus the paragraph's spacing (a CJK character or mark 16 pt, a digit 8.1, "." 4.4, "%" 13.4,
# another Latin character about 11; a Chinese character inside an unbreakable run takes no
# spacing, 0.2 pt more than the fit without it at the template's -0.25); LibreOffice's autospace between a Chinese character and
# a figure (3.4 pt before the figure, 3.0 after it; none inside an unbreakable run, which is
# an en-US run of its own, but 0.5 after its figure); no line starting with a closing mark
# nor ending with an opening one; no break inside an unbreakable run, a Latin word or a
# figure written with full-width commas (1，656).
_OPENING = frozenset("“‘（《「『【〔")
_NO_START = frozenset("，。、；：？！）》」』】〕”’…—%‰·")
_ASCII_PT = {".": 4.38, "%": 13.42}
_DIGIT_PT, _LATIN_PT = 8.1, 11.0
AUTOSPACE_PT = (3.43, 2.98, 0.53)   # Chinese then figure; figure then Chinese; that inside a run


def _advance(ch: str) -> float:
    if ch.isascii():
        return _DIGIT_PT if ch.isdigit() else _ASCII_PT.get(ch, _LATIN_PT)
    return L.BODY_PT


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=64)
def _shape(text: str) -> tuple[tuple[float, ...], tuple[bool, ...], tuple[float, ...], tuple[bool, ...]]:
    """What does not change with the spacing: each character's own advance, whether it takes
    the spacing (a Chinese character inside an unbreakable run, an en-US run in LibreOffice's
    copy, keeps its own width), the autospace before it, and whether a line may start at it."""
    from workbench.writing.unbreakable import spans

    inside, member = [False] * (len(text) + 1), [False] * len(text)
    for a, b in spans(text):
        for k in range(a, b):
            inside[k] = k > a
            member[k] = True
    takes = tuple(not (member[k] and not ch.isascii()) for k, ch in enumerate(text))
    before, ok = [0.0] * len(text), [True] * (len(text) + 1)
    for k in range(1, len(text)):
        a, b = text[k - 1], text[k]
        if _han(a) and b.isascii() and b.isalnum():
            before[k] = 0.0 if inside[k] else AUTOSPACE_PT[0]
        elif a.isascii() and a.isalnum() or a == "%":
            if _han(b):
                before[k] = AUTOSPACE_PT[2] if inside[k] else AUTOSPACE_PT[1]
        if (inside[k] or b in _NO_START or a in _OPENING or a + b in ("——", "……")
                or (a.isascii() and b.isascii() and not a.isspace() and not b.isspace())
                or (a in "，," and k >= 2 and text[k - 2].isdigit() and b.isdigit())):
            ok[k] = False
    return tuple(map(_advance, text)), takes, tuple(before), tuple(ok)


def _model(text: str, spacing_pt: float) -> tuple[list[float], tuple[float, ...], tuple[bool, ...]]:
    """Each character's advance with the spacing, the autospace before it, and whether a
    line may start at it."""
    own, takes, before, ok = _shape(text)
    return [w + spacing_pt if t else w for w, t in zip(own, takes)], before, ok


def lay_out(text: str, twentieths: int, *, first: float | None = None, width: float = BLOCK_PT) -> list[str]:
    """The lines LibreOffice is expected to make of a paragraph at a character spacing."""
    first = width - FIRST_INDENT_PT if first is None else first
    adv, before, ok = _model(text, twentieths / 20)
    lines, start, avail = [], 0, first
    while start < len(text):
        used, k = 0.0, start
        while k < len(text) and used + (before[k] if k > start else 0) + adv[k] <= avail + 0.01:
            used += (before[k] if k > start else 0) + adv[k]
            k += 1
        if k >= len(text):
            lines.append(text[start:])
            break
        brk = k
        while brk > start and not ok[brk]:
            brk -= 1
        if brk == start:            # nothing breaks within the line: LibreOffice cuts it
            brk = max(k, start + 1)
        lines.append(text[start:brk])
        start, avail = brk, width
    return lines


def _model_spread(line: str, avail: float, twentieths: int) -> float:
    """`spread` of the line in the model: the space between its characters, autospace and
    justification together (as the PDF shows them: pdftotext cuts its words at both)."""
    adv, _, _ = _model(line, twentieths / 20)
    return _spread_of(sum(adv), len(line), avail, twentieths)


def _spread_of(advances: float, count: int, avail: float, twentieths: int) -> float:
    return (avail - advances + twentieths / 20) / (count - 1) if count > 1 else 0.0


MARGIN = 2     # the model's error near a break: a step is taken only if its neighbours agree


def unstretching_spacing(text: str, printed: list[str], kind: str | None,
                         base: int = L.CHAR_SPACING_TWENTIETHS) -> int | None:
    """The character spacing nearest `base` (within MAX_STEP) at which the paragraph, printed
    as `printed` with a stretched line, has none, no lone last character and no run broken,
    in the model, and so do the steps within `MARGIN` of it (the model is a fraction of a
    point off at times); None when the model does not print the paragraph as LibreOffice did
    (it would guess) or no step within reach mends it. Tightening takes the run that went
    down back onto its line; loosening sends a character down with it."""
    if lay_out(text, base) != printed:
        return None
    good: dict[int, bool] = {}

    def clean(step: int) -> bool:
        if step not in good:
            got = lay_out(text, step)
            adv, _, _ = _model(text, step / 20)
            spreads, at = [], 0
            for k, line in enumerate(got[:-1]):
                avail = BLOCK_PT - (FIRST_INDENT_PT if k == 0 else 0)
                spreads.append(_spread_of(sum(adv[at:at + len(line)]), len(line), avail, step))
                at += len(line)
            good[step] = not (len(got) > 1 and _lone_end(kind, got[-1])) and max(spreads, default=0) <= STRETCH_PT
        return good[step]
    for d in range(1, MAX_STEP + 1):
        for step in (base - d, base + d):
            if all(clean(s) for s in range(step - MARGIN, step + MARGIN + 1) if s != base):
                return step
    return None


def _with_spacing(paragraph: str, twentieths: int) -> str:
    """The paragraph's runs with w:spacing w:val (character spacing, twentieths of a point)."""
    spacing = f'<w:spacing w:val="{twentieths}"/>'

    def run(m: re.Match) -> str:
        body = m.group(1)
        if body.startswith("<w:rPr>"):
            rpr_end = body.index("</w:rPr>")
            rpr = re.sub(r"<w:spacing [^>]*/>", "", body[7:rpr_end])
            # w:spacing goes after rStyle/rFonts/b…/color and before w/kern/sz/lang
            later = re.search(r"<w:(?:w|kern|position|sz|szCs|highlight|u|effect|bdr|shd|fitText|"
                              r"vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b", rpr)
            rpr = rpr[:later.start()] + spacing + rpr[later.start():] if later else rpr + spacing
            return f"<w:r><w:rPr>{rpr}</w:rPr>{body[rpr_end + 8:]}</w:r>"
        return f"<w:r><w:rPr>{spacing}</w:rPr>{body}</w:r>"
    return re.sub(r"<w:r>(.*?)</w:r>", run, paragraph, flags=re.S)


class Adjustment(NamedTuple):
    """One paragraph the layout pass changed: how it starts, why, and its new spacing."""

    start: str          # the paragraph's first characters
    kind: str           # LONE (a last line of one character and its stop), HEADING, STRETCH
    twentieths: int     # its character spacing, twentieths of a point

    def __str__(self) -> str:
        from workbench import strings as S

        why = {HEADING: S.LAYOUT_WHY_HEADING, STRETCH: S.LAYOUT_WHY_STRETCH}.get(self.kind, S.LAYOUT_WHY_LONE)
        points = self.twentieths / 20
        spacing = (S.LAYOUT_CONDENSED if points < 0 else S.LAYOUT_EXPANDED if points > 0
                   else S.LAYOUT_STANDARD).format(points=abs(points))
        return S.LAYOUT_ADJUSTED_ITEM.format(start=self.start, why=why, spacing=spacing)


def mend(docx: bytes, lines: list[str] | list[PrintedLine]) -> tuple[bytes, list[Adjustment]]:
    """The .docx with each paragraph mended that ends in a lone character, wraps a heading by
    one, or (given the lines' widths, `PrintedLine`) has a stretched line; what was done (one
    `Adjustment` a paragraph); the .docx unchanged when nothing is."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()
        parts = {n: zf.read(n) for n in names}
    document = parts["word/document.xml"].decode("utf-8")
    texts = [ln if isinstance(ln, str) else ln.text for ln in lines]
    lone = lone_paragraphs(document, texts)
    wide = {}
    if lines and not isinstance(lines[0], str):
        for i, _, kind, start, end in _printed_paragraphs(document, texts) or ():
            if kind is not None and any(spread(lines[k]) > STRETCH_PT for k in range(start, end - 1)):
                wide[i] = (texts[start:end], kind)
    if not lone and not wide:
        return docx, []
    paragraphs = _paragraph_texts(document)
    done, out, pos = [], [], 0
    for i in sorted(lone.keys() | wide.keys()):
        m, text, kind = paragraphs[i]
        spacing, why = None, None
        if i in wide:       # the step that leaves neither a stretched line nor a lone end
            spacing, why = unstretching_spacing(text, wide[i][0], kind), STRETCH
        if spacing is None and i in lone:
            spacing, why = mending_spacing(lone[i][0], pull_up=kind == HEADING), kind
        if spacing is None:
            continue
        out += [document[pos:m.start()], _with_spacing(m.group(0), spacing)]
        pos = m.end()
        done.append(Adjustment(text[:12], why, spacing))
    if not done:
        return docx, []
    out.append(document[pos:])
    parts["word/document.xml"] = "".join(out).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n in names:
            zf.writestr(n, parts[n])
    return buf.getvalue(), done
