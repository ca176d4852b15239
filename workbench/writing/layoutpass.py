"""The layout pass of the PDF export: after LibreOffice has laid the pages out, read where each
line breaks (pdftotext) and, for each body paragraph whose last line is one character and its
stop ("升。"), change that paragraph's character spacing by the least step that mends it
(`mending_spacing`); the step is written into the .docx (so Word starts from the same choice) and
the PDF is made again.  One pass: it costs at most one more conversion.

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


def _paragraph_texts(document: str) -> list[tuple[re.Match, str, bool]]:
    """(match, text, is body) for each paragraph of the body before the first table."""
    end = document.find("<w:tbl>")
    out = []
    for m in _PARA.finditer(document, 0, end if end >= 0 else len(document)):
        text = _INVISIBLE.sub("", html.unescape("".join(_T.findall(m.group(1)))))
        body = '<w:pStyle w:val="Normal"/>' in m.group(1) or "<w:pStyle" not in m.group(1)
        out.append((m, text, body))
    return out


def lone_paragraphs(document: str, lines: list[str]) -> dict[int, list[str]]:
    """{paragraph index: its printed lines} for each body paragraph that ends in a line of
    one character and its stop; {} when the PDF's lines cannot be matched to the paragraphs."""
    found, at = {}, 0
    for i, (_, text, body) in enumerate(_paragraph_texts(document)):
        if not text:
            continue
        got, n = "", 0
        while at < len(lines) and len(got) < len(text):
            got += lines[at]
            at, n = at + 1, n + 1
        if got != text:
            return {}         # the PDF reads otherwise than the .docx: mend nothing
        last = lines[at - 1]
        if body and n >= 2 and len(last) == 2 and last[1] in _STOPS:
            found[i] = lines[at - n:at]
    return found


BLOCK_PT = 442.25          # the 156 mm text block: 8845 twips between the margins
FIRST_INDENT_PT = L.FIRST_LINE_TWIPS / 20
MAX_STEP = 20              # one point a character, either way: beyond that the page shows it


def _ems(line: str) -> float:
    """A line's width in characters of the body size: ASCII (digits, %) is half as wide."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def mending_spacing(lines: list[str]) -> int | None:
    """The character spacing (twentieths of a point) that mends a paragraph, printed as
    `lines`, whose last line is one character and its stop, by the least step from the
    template's; None when no step within a point a character does.

    Spacing moves whole characters: a line gives its last character to the next line once
    its characters are wider than the block, and the last full line takes the lone pair up
    once the pair fits beside its characters. Either mends; the smaller change is taken."""
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
    candidates.append(math.floor((width - ems * L.BODY_PT) / count * 20) - 1)
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


LONE, HEADING = "lone", "heading"


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
    for i, printed in sorted(lone.items()):
        spacing = mending_spacing(printed)
        if spacing is None:
            continue
        m, text, _ = paragraphs[i]
        out += [document[pos:m.start()], _with_spacing(m.group(0), spacing)]
        pos = m.end()
        done.append(Adjustment(text[:12], LONE, spacing))
    if not done:
        return docx, []
    out.append(document[pos:])
    parts["word/document.xml"] = "".join(out).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n in names:
            zf.writestr(n, parts[n])
    return buf.getvalue(), done
