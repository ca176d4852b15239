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
from pathlib import Path
from typing import NamedTuple

from workbench.document import layout as L

_INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
_PAGE_NUMBER = re.compile(r"—\d+—")
_STOPS = "。！？；"
LONE, HEADING = "lone", "heading"     # what a mended paragraph was: body, or a heading


def pdf_lines(pdf: Path) -> list[str] | None:
    """The PDF's printed lines in reading order, page numbers left out; None without pdftotext."""
    try:
        out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                             text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = []
    for line in re.findall(r"<line [^>]*>(.*?)</line>", out, re.S):
        text = _INVISIBLE.sub("", html.unescape("".join(re.findall(r"<word [^>]*>([^<]*)</word>", line))))
        if text and not _PAGE_NUMBER.fullmatch(text):
            lines.append(text)
    return lines


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
    found, at = {}, 0
    for i, (_, text, kind) in enumerate(_paragraph_texts(document)):
        if not text:
            continue
        got, n = "", 0
        while at < len(lines) and len(got) < len(text):
            got += lines[at]
            at, n = at + 1, n + 1
        if got != text:
            return {}         # the PDF reads otherwise than the .docx: mend nothing
        if n >= 2 and _lone_end(kind, lines[at - 1]):
            found[i] = (lines[at - n:at], kind)
    return found


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
    kind: str           # LONE (a last line of one character and its stop) or HEADING
    twentieths: int     # its character spacing, twentieths of a point

    def __str__(self) -> str:
        from workbench import strings as S

        why = S.LAYOUT_WHY_HEADING if self.kind == HEADING else S.LAYOUT_WHY_LONE
        points = self.twentieths / 20
        spacing = (S.LAYOUT_CONDENSED if points < 0 else S.LAYOUT_EXPANDED if points > 0
                   else S.LAYOUT_STANDARD).format(points=abs(points))
        return S.LAYOUT_ADJUSTED_ITEM.format(start=self.start, why=why, spacing=spacing)


def mend(docx: bytes, lines: list[str]) -> tuple[bytes, list[Adjustment]]:
    """The .docx with each lone-last-character paragraph mended, and what was done (one
    `Adjustment` a paragraph); the .docx unchanged when nothing is."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()
        parts = {n: zf.read(n) for n in names}
    document = parts["word/document.xml"].decode("utf-8")
    lone = lone_paragraphs(document, lines)
    if not lone:
        return docx, []
    paragraphs = _paragraph_texts(document)
    done, out, pos = [], [], 0
    for i, (printed, kind) in sorted(lone.items()):
        spacing = mending_spacing(printed, pull_up=kind == HEADING)
        if spacing is None:
            continue
        m, text, _ = paragraphs[i]
        out += [document[pos:m.start()], _with_spacing(m.group(0), spacing)]
        pos = m.end()
        done.append(Adjustment(text[:12], kind, spacing))
    if not done:
        return docx, []
    out.append(document[pos:])
    parts["word/document.xml"] = "".join(out).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n in names:
            zf.writestr(n, parts[n])
    return buf.getvalue(), done
