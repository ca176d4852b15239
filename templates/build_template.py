"""Build templates/gbt9704.docx: the GB/T 9704-2012 styles the exporter writes with.

    python templates/build_template.py [OUT.docx]

An office may also open the built template in Word, restyle its named styles
(报告标题, 报告副题, 报告人, 称谓, 正文 Normal, 标题 1–3, 段首句, 页码 …) and pass it with
`workbench export --template`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx_xml as X  # noqa: E402  (beside this script)
from workbench import layout as L  # noqa: E402

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
            keep_next: bool = False, spacing: int = L.LINE_TWIPS,
            right_chars: int | None = None, left_chars: int | None = None) -> None:
    el = style.element
    X.reset_style_formatting(el)
    ppr = el.get_or_add_pPr()
    if keep_next:
        X.ppr_child(ppr, "w:keepNext")
    X.set_exact_spacing(ppr, spacing)
    if first_line:
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


def build(out: Path) -> Path:
    doc = Document()
    styles_el = doc.styles.element
    X.strip_theme(styles_el)

    rpr = X.doc_defaults_rpr(styles_el)
    X.set_fonts(rpr, L.FANGSONG)
    X.set_size(rpr, L.BODY_PT)
    X.set_lang(rpr)

    _format(_para_style(doc, "Normal", None), font=L.FANGSONG, size=L.BODY_PT)
    X.set_char_spacing(doc.styles["Normal"].element.get_or_add_rPr(), L.CHAR_SPACING_TWENTIETHS)
    _format(_para_style(doc, L.TITLE), font=L.XIAOBIAOSONG, size=L.TITLE_PT, jc="center",
            first_line=False, spacing=int(L.TITLE_PT * 20 * 1.5))
    _format(_para_style(doc, L.SUBTITLE), font=L.KAITI, size=L.BODY_PT, jc="center", first_line=False)
    _format(_para_style(doc, L.SPEAKER), font=L.KAITI, size=L.BODY_PT, jc="center", first_line=False)
    _format(_para_style(doc, L.SALUTATION), font=L.FANGSONG, size=L.BODY_PT, jc="left", first_line=False)
    _format(_para_style(doc, L.HEADING_1), font=L.HEITI, size=L.BODY_PT, outline=0, keep_next=True)
    _format(_para_style(doc, L.HEADING_2), font=L.KAITI, size=L.BODY_PT, outline=1, keep_next=True)
    _format(_para_style(doc, L.HEADING_3), font=L.FANGSONG, size=L.BODY_PT, bold=True, outline=2,
            keep_next=True)
    _format(_para_style(doc, L.PAGE_NUMBER), font=L.SONGTI, size=L.PAGE_NUMBER_PT, jc="right",
            first_line=False, spacing=int(L.PAGE_NUMBER_PT * 20), right_chars=100)
    _format(_para_style(doc, L.TABLE_TEXT), font=L.FANGSONG, size=12, jc="center",
            first_line=False, spacing=360)
    _format(_para_style(doc, L.APPENDIX_TITLE), font=L.HEITI, size=L.BODY_PT, jc="left",
            first_line=False)
    for name in ("Header", "Footer", "Title", "Subtitle", "Heading 4"):
        style = doc.styles[name]
        X.reset_style_formatting(style.element)
        srpr = style.element.get_or_add_rPr()
        X.set_fonts(srpr, L.FANGSONG)

    try:
        lead = doc.styles[L.LEAD]
    except KeyError:
        lead = doc.styles.add_style(L.LEAD, WD_STYLE_TYPE.CHARACTER)
    lead.quick_style = True
    lrpr = lead.element.get_or_add_rPr()
    X.set_fonts(lrpr, L.FANGSONG)
    X.set_bold(lrpr, True)

    # Every other style: no empty font slots left by the theme strip; East Asian font set.
    for el in styles_el.iterfind(qn("w:style")):
        fonts = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:eastAsia")) is None:
            X.set_fonts(el.find(qn("w:rPr")), L.FANGSONG, fonts.get(qn("w:ascii")))

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

    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    doc.core_properties.title = "政府工作报告模板"
    doc.core_properties.author = "报告工作台"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / L.DEFAULT_TEMPLATE_NAME
    print(build(target))
