"""Build templates/gbt9704.docx: the GB/T 9704-2012 styles the exporter writes with.

    python templates/build_template.py [OUT.docx] [--fonts gbt|windows]

`--fonts windows` names only faces every Windows PC has (仿宋, 楷体, 华文中宋, 黑体, 宋体);
the shipped gbt9704-windows.docx is built that way.  An office may also open the built
template in Word, restyle its named styles (报告标题, 报告副题, 报告人, 称谓, 正文 Normal,
标题 1–3, 段首句, 页码, 附件标识 …) and pass it with `workbench export --template`.

After python-docx saves, the package is cleaned: its own app.xml, fontTable.xml declaring
every face the styles name (charset GB2312, panose, altName), and no part left over from
python-docx's default template (thumbnail, stylesWithEffects, numbering, bibliography).
"""

from __future__ import annotations

import copy
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx_xml as X  # noqa: E402  (beside this script)
from workbench.document import layout as L  # noqa: E402
from workbench.writing.report_docx import app_xml, declare_fonts, drop_parts  # noqa: E402

HERE = Path(__file__).resolve().parent


def _para_style(doc, name: str, base: str | None = "Normal"):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def _format(style, *, font: str, size: float, bold: bool = False, jc: str = "both",
            first_line: bool = True, outline: int | None = None, latin: str | None = None,
            keep_next: bool = False, spacing: int = L.LINE_TWIPS, before: int = 0, after: int = 0,
            right_chars: int | None = None, left_chars: int | None = None,
            hanging_chars: int | None = None, widow: bool = False, grid: bool = True,
            page_break: bool = False) -> None:
    el = style.element
    X.reset_style_formatting(el)
    ppr = el.get_or_add_pPr()
    if keep_next:
        X.ppr_child(ppr, "w:keepNext")
        X.ppr_child(ppr, "w:keepLines")
    if page_break:
        X.ppr_child(ppr, "w:pageBreakBefore")
    if widow:
        X.set_widow_control(ppr, True)
    # No mark past the right margin: a ， or 。 that does not fit takes the character
    # before it to the next line (Word's kinsoku); see workbench/writing/pdf.py for LibreOffice.
    X.ppr_child(ppr, "w:overflowPunct").set(qn("w:val"), "0")
    if not grid:
        X.ppr_child(ppr, "w:snapToGrid").set(qn("w:val"), "0")
    if spacing:
        X.set_exact_spacing(ppr, spacing, before=before, after=after)
    else:
        X.set_single_spacing(ppr)
    if hanging_chars is not None:
        X.set_hanging_chars(ppr, left_chars or 0, hanging_chars, size)
    elif first_line:
        X.set_indent_chars(ppr, L.FIRST_LINE_CHARS, L.FIRST_LINE_TWIPS)
    else:
        X.set_indent_chars(ppr, 0, 0,
                           left_chars=left_chars, left_twips=(left_chars or 0) * 14 // 5,
                           right_chars=right_chars, right_twips=(right_chars or 0) * 14 // 5)
    X.set_jc(ppr, jc)
    X.set_outline_level(ppr, outline)
    rpr = el.get_or_add_rPr()
    X.set_fonts(rpr, font, latin)
    X.set_bold(rpr, bold)
    X.set_black(rpr)
    X.set_size(rpr, size)
    X.set_lang(rpr)


def build(out: Path, font_set: str = "gbt") -> Path:
    fonts = L.FONT_SETS[font_set]
    fang, kai, hei, title, song = (fonts[k] for k in ("fangsong", "kaiti", "heiti", "title", "songti"))
    doc = Document()
    styles_el = doc.styles.element
    X.strip_theme(styles_el)
    X.strip_numbering(styles_el)

    rpr = X.doc_defaults_rpr(styles_el)
    X.set_fonts(rpr, fang)
    X.set_size(rpr, L.BODY_PT)
    X.set_lang(rpr)

    _format(_para_style(doc, "Normal", None), font=fang, size=L.BODY_PT, widow=True)
    X.set_char_spacing(doc.styles["Normal"].element.get_or_add_rPr(), L.CHAR_SPACING_TWENTIETHS)
    # Single spacing at the page grid's pitch (GB/T 9704): each line of a title that breaks
    # (writing/titles.py breaks it by meaning) one 28.95 pt grid line below the last. Exact,
    # and off the grid itself: on it LibreOffice gives any line of 22 pt two grid lines
    # (57.9 pt), whatever its spacing; Word puts such a line 28.95 pt down either way.
    _format(_para_style(doc, L.TITLE), font=title, size=L.TITLE_PT, jc="center",
            first_line=False, spacing=L.LINE_TWIPS, keep_next=True, grid=False)
    _format(_para_style(doc, L.SUBTITLE), font=kai, size=L.BODY_PT, jc="center", first_line=False,
            keep_next=True)
    _format(_para_style(doc, L.SPEAKER), font=kai, size=L.BODY_PT, jc="center", first_line=False,
            keep_next=True)
    # One blank line between the title block and the salutation.
    _format(_para_style(doc, L.SALUTATION), font=fang, size=L.BODY_PT, jc="left", first_line=False,
            before=L.LINE_TWIPS)
    _format(_para_style(doc, L.HEADING_1), font=hei, size=L.BODY_PT, outline=0, keep_next=True)
    _format(_para_style(doc, L.HEADING_2), font=kai, size=L.BODY_PT, outline=1, keep_next=True)
    _format(_para_style(doc, L.HEADING_3), font=fang, size=L.BODY_PT, bold=True, outline=2,
            keep_next=True)
    _format(_para_style(doc, L.PAGE_NUMBER), font=song, size=L.PAGE_NUMBER_PT, jc="right",
            first_line=False, spacing=int(L.PAGE_NUMBER_PT * 20), right_chars=100)
    # Table cells: 五号, single-spaced, off the 28.95 pt page grid.
    _format(_para_style(doc, L.TABLE_TEXT), font=fang, size=L.TABLE_PT, jc="center",
            first_line=False, spacing=0, grid=False)
    _format(_para_style(doc, L.TABLE_NUMBER), font=fang, size=L.TABLE_PT, jc="right",
            first_line=False, spacing=0, grid=False)
    # GB/T 9704 §7.3.5: 附件说明 two characters in, a long name wraps under its first character.
    # Based on no style: a hanging indent must not meet Normal's inherited firstLineChars.
    _format(_para_style(doc, L.ATTACHMENT_NOTE, None), font=fang, size=L.BODY_PT, jc="left",
            left_chars=500, hanging_chars=300, widow=True)
    # §8: "附件" 3号黑体 at the top left of a new page; the title centred on the third line.
    _format(_para_style(doc, L.ATTACHMENT_LABEL), font=hei, size=L.BODY_PT, jc="left",
            first_line=False, keep_next=True, page_break=True)
    # Off the grid, so a title that wraps keeps 1.5 lines of its own size, not two grid lines.
    _format(_para_style(doc, L.APPENDIX_TITLE), font=title, size=L.TITLE_PT, jc="center",
            first_line=False, spacing=int(L.TITLE_PT * 20 * 1.5), before=L.LINE_TWIPS,
            after=L.LINE_TWIPS // 2, keep_next=True, grid=False)
    for name in ("Header", "Footer", "Title", "Subtitle", "Heading 4"):
        style = doc.styles[name]
        X.reset_style_formatting(style.element)
        srpr = style.element.get_or_add_rPr()
        X.set_fonts(srpr, fang)

    try:
        lead = doc.styles[L.LEAD]
    except KeyError:
        lead = doc.styles.add_style(L.LEAD, WD_STYLE_TYPE.CHARACTER)
    lead.quick_style = True
    lrpr = lead.element.get_or_add_rPr()
    X.set_fonts(lrpr, fang)
    X.set_bold(lrpr, True)

    # Every other style: no empty font slots left by the theme strip; East Asian font set.
    for el in styles_el.iterfind(qn("w:style")):
        fonts_el = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts_el is not None and fonts_el.get(qn("w:eastAsia")) is None:
            X.set_fonts(el.find(qn("w:rPr")), fang, fonts_el.get(qn("w:ascii")))
        elif fonts_el is not None and fonts_el.get(qn("w:eastAsia")) == L.FANGSONG:
            X.set_fonts(el.find(qn("w:rPr")), fang, fonts_el.get(qn("w:ascii")))
    _link_character_styles(styles_el)
    X.all_black(styles_el)

    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(L.PAGE_WIDTH_MM), Mm(L.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(L.MARGIN_TOP_MM), Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(L.MARGIN_LEFT_MM), Mm(L.MARGIN_RIGHT_MM)
    section.footer_distance = Mm(L.FOOTER_DISTANCE_MM)
    section.header_distance = Mm(L.HEADER_DISTANCE_MM)
    X.set_doc_grid(section._sectPr, L.LINE_TWIPS, L.GRID_TYPE)

    doc.settings.odd_and_even_pages_header_footer = True
    X.set_theme_font_lang(doc.settings.element)
    for footer, jc in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.style = doc.styles[L.PAGE_NUMBER]
        ppr = p._p.get_or_add_pPr()
        X.set_jc(ppr, jc)
        if jc == "left":
            X.set_indent_chars(ppr, 0, 0, left_chars=100, left_twips=280)
        else:
            X.set_indent_chars(ppr, 0, 0, right_chars=100, right_twips=280)
        p.add_run("— ")
        X.add_field(p, "PAGE")
        p.add_run(" —")

    _drop_stock_styles(styles_el)
    _grid_defaults(styles_el)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    doc.core_properties.title = "政府工作报告模板"
    doc.core_properties.author = "报告工作台"
    doc.core_properties.last_modified_by = "报告工作台"
    doc.core_properties.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_clean_package(buf.getvalue()))
    return out


# python-docx's default template brings styles a work report never uses (Macro Text in
# Courier, quotes, lists, captions …): they only clutter Word's style pane and fontTable.
_STOCK_STYLES = re.compile(r"^(List.*|macro|Macro Text Char|Quote|Quote Char|Intense Quote.*|Body Text.*|Caption|"
                           r"TOC Heading|Subtle .*|Intense Emphasis|Intense Reference|Book Title|Strong|Emphasis|"
                           r"No Spacing|Title|Title Char|Subtitle|Subtitle Char|Heading [4-9]|Heading [4-9] Char)$")


def _drop_stock_styles(styles_el) -> None:
    for style in list(styles_el.iterfind(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is not None and _STOCK_STYLES.match(name.get(qn("w:val"), "")):
            styles_el.remove(style)


def _grid_defaults(styles_el) -> None:
    """docDefaults on the page grid (exact 28.95 pt, no space after) and no punctuation past
    the margin: a style a drafter adds in Word starts on the grid, not at Word's stock 1.15
    lines with 10 pt after."""
    ppr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr"))
    if ppr_default is None:
        return
    spacing = ppr_default.find(qn("w:spacing"))
    if spacing is None:
        spacing = ppr_default.makeelement(qn("w:spacing"), {})
        ppr_default.append(spacing)
    spacing.attrib.clear()
    overflow = ppr_default.find(qn("w:overflowPunct"))
    if overflow is None:
        overflow = ppr_default.makeelement(qn("w:overflowPunct"), {})
        spacing.addprevious(overflow)
    overflow.set(qn("w:val"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(L.LINE_TWIPS))
    spacing.set(qn("w:lineRule"), "exact")


def _link_character_styles(styles_el) -> None:
    """A linked character style ("Heading 1 Char") formats runs as its paragraph style does."""
    by_id = {s.get(qn("w:styleId")): s for s in styles_el.iterfind(qn("w:style"))}
    for style in by_id.values():
        link = style.find(qn("w:link"))
        if style.get(qn("w:type")) != "character" or link is None:
            continue
        para = by_id.get(link.get(qn("w:val")))
        old = style.find(qn("w:rPr"))
        if old is not None:
            style.remove(old)
        prpr = para.find(qn("w:rPr")) if para is not None else None
        if prpr is not None:
            style.append(copy.deepcopy(prpr))


_LEFTOVERS = ("word/stylesWithEffects.xml", "word/numbering.xml", "docProps/thumbnail.jpeg",
              "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels")


def _clean_settings(xml: bytes) -> bytes:
    """python-docx's template history out of settings.xml: its revision ids, document id,
    a "spelling clean" stamp and the request to save a preview picture."""
    text = xml.decode("utf-8")
    text = re.sub(r"<w:rsids>.*?</w:rsids>", "", text, flags=re.S)
    text = re.sub(r"<w1[45]:docId [^>]*/>", "", text)
    text = re.sub(r"<w:proofState [^>]*/>", "", text)
    text = text.replace("<w:savePreviewPicture/>", "")
    return text.encode("utf-8")


def _clean_package(data: bytes) -> bytes:
    """python-docx's saved package less its default template's leftovers, with our own
    app.xml and a fontTable declaring every face the styles name."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        order = zf.namelist()
        parts = {n: zf.read(n) for n in order}
    order = drop_parts(parts, order, _LEFTOVERS)
    parts["docProps/app.xml"] = app_xml(company="", pages=1, words=0, characters=0)
    parts["word/settings.xml"] = _clean_settings(parts["word/settings.xml"])
    parts["word/fontTable.xml"] = declare_fonts(
        parts["word/fontTable.xml"], parts["word/styles.xml"],
        *(parts[n] for n in order if re.match(r"word/footer\d+\.xml", n)), only_used=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            zf.writestr(name, parts[name])
    return out.getvalue()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--fonts")]
    chosen = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--fonts=")), None)
    if "--fonts" in sys.argv:
        i = sys.argv.index("--fonts")
        chosen = sys.argv[i + 1]
        args = [a for a in args if a != chosen]
    chosen = chosen or "gbt"
    default = L.DEFAULT_TEMPLATE_NAME if chosen == "gbt" else f"gbt9704-{chosen}.docx"
    target = Path(args[0]) if args else HERE / default
    print(build(target, chosen))
