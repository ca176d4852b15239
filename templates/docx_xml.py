"""WordprocessingML that python-docx has no API for, in one place, for the template builder.

East Asian fonts (w:eastAsia), theme fonts and colours removed, the document grid,
first-line indents in characters, exact line spacing, PAGE fields, themeFontLang.
Every helper takes and returns lxml elements; nothing here knows about reports.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def child(parent, tag: str, *, first: bool = False):
    """The child element `tag` of parent, created when missing."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def _ordered_child(parent, tag: str, order: tuple[str, ...]):
    """Create `tag` in the position the schema requires among `order`."""
    el = parent.find(qn(tag))
    if el is not None:
        return el
    el = OxmlElement(tag)
    idx = order.index(tag)
    for later in order[idx + 1:]:
        found = parent.find(qn(later))
        if found is not None:
            found.addprevious(el)
            return el
    parent.append(el)
    return el


RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
             "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
             "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
             "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
             "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
             "w:eastAsianLayout", "w:specVanish", "w:oMath")
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange")


def rpr_child(rpr, tag: str):
    return _ordered_child(rpr, tag, RPR_ORDER)


def ppr_child(ppr, tag: str):
    return _ordered_child(ppr, tag, PPR_ORDER)


def set_fonts(rpr, east_asia: str, latin: str | None = None) -> None:
    """All four font slots, East Asian included; theme font references removed."""
    fonts = rpr_child(rpr, "w:rFonts")
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    latin = latin or east_asia
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_size(rpr, points: float) -> None:
    half = str(int(round(points * 2)))
    rpr_child(rpr, "w:sz").set(qn("w:val"), half)
    rpr_child(rpr, "w:szCs").set(qn("w:val"), half)


def set_bold(rpr, on: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        el = rpr_child(rpr, tag)
        el.set(qn("w:val"), "1" if on else "0")


def set_lang(rpr, east_asia: str = "zh-CN", latin: str = "en-US") -> None:
    lang = rpr_child(rpr, "w:lang")
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asia)


def set_black(rpr) -> None:
    color = rpr_child(rpr, "w:color")
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attr), None)
    color.set(qn("w:val"), "000000")


def set_exact_spacing(ppr, twips: int, before: int = 0, after: int = 0) -> None:
    sp = ppr_child(ppr, "w:spacing")
    for attr in list(sp.attrib):
        del sp.attrib[attr]
    sp.set(qn("w:before"), str(before))
    sp.set(qn("w:after"), str(after))
    sp.set(qn("w:line"), str(twips))
    sp.set(qn("w:lineRule"), "exact")


def set_single_spacing(ppr) -> None:
    """Single line spacing (auto 240), no space before or after."""
    sp = ppr_child(ppr, "w:spacing")
    for attr in list(sp.attrib):
        del sp.attrib[attr]
    sp.set(qn("w:before"), "0")
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), "240")
    sp.set(qn("w:lineRule"), "auto")


def set_widow_control(ppr, on: bool) -> None:
    """Widow/orphan control: a paragraph never leaves one line alone at a page's top or foot."""
    ppr_child(ppr, "w:widowControl").set(qn("w:val"), "1" if on else "0")


def set_hanging_chars(ppr, left_chars: int, hanging_chars: int, size_pt: float) -> None:
    """Left indent and hanging indent in hundredths of a character, twips beside them."""
    ind = ppr_child(ppr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    twips_per_char = int(size_pt * 20)
    ind.set(qn("w:leftChars"), str(left_chars))
    ind.set(qn("w:left"), str(left_chars * twips_per_char // 100))
    ind.set(qn("w:hangingChars"), str(hanging_chars))
    ind.set(qn("w:hanging"), str(hanging_chars * twips_per_char // 100))


def set_indent_chars(ppr, first_line_chars: int = 0, first_line_twips: int = 0,
                     left_chars: int | None = None, right_chars: int | None = None,
                     left_twips: int = 0, right_twips: int = 0) -> None:
    """Indents in hundredths of a character (Word) beside twips (LibreOffice reads these)."""
    ind = ppr_child(ppr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    ind.set(qn("w:firstLineChars"), str(first_line_chars))
    ind.set(qn("w:firstLine"), str(first_line_twips))
    if left_chars is not None:
        ind.set(qn("w:leftChars"), str(left_chars))
        ind.set(qn("w:left"), str(left_twips))
    if right_chars is not None:
        ind.set(qn("w:rightChars"), str(right_chars))
        ind.set(qn("w:right"), str(right_twips))


def set_jc(ppr, value: str) -> None:
    ppr_child(ppr, "w:jc").set(qn("w:val"), value)


def set_outline_level(ppr, level: int | None) -> None:
    el = ppr.find(qn("w:outlineLvl"))
    if level is None:
        if el is not None:
            ppr.remove(el)
        return
    ppr_child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def reset_style_formatting(style_el, keep_ppr: tuple[str, ...] = ("w:outlineLvl",)) -> None:
    """Drop a style's run and paragraph formatting (theme fonts, colours, spacing)."""
    rpr = style_el.find(qn("w:rPr"))
    if rpr is not None:
        style_el.remove(rpr)
    ppr = style_el.find(qn("w:pPr"))
    if ppr is not None:
        for el in list(ppr):
            if el.tag not in {qn(t) for t in keep_ppr}:
                ppr.remove(el)


def strip_theme(styles_el, keep_table_styles: tuple[str, ...] = ("TableNormal", "TableGrid")) -> None:
    """Remove every theme font and theme colour from styles.xml, and the theme-coloured
    table styles (Light/Medium/Colorful …) that an official document never uses."""
    for style in list(styles_el.iterfind(qn("w:style"))):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in keep_table_styles:
            styles_el.remove(style)
    for el in styles_el.iter():
        for attr in [a for a in el.attrib if a.startswith(f"{{{W_NS}}}theme")
                     or a in {qn(t) for t in _THEME_FONT_ATTRS}]:
            del el.attrib[attr]


def strip_numbering(styles_el) -> None:
    """Drop list numbering from styles, so the package needs no numbering.xml."""
    for num in list(styles_el.iter(qn("w:numPr"))):
        num.getparent().remove(num)


def all_black(styles_el) -> None:
    """Every colour a style sets becomes black: no blue headings left from a default theme."""
    for color in styles_el.iter(qn("w:color")):
        for attr in list(color.attrib):
            del color.attrib[attr]
        color.set(qn("w:val"), "000000")


def doc_defaults_rpr(styles_el):
    defaults = child(styles_el, "w:docDefaults", first=True)
    rpr_default = child(defaults, "w:rPrDefault", first=True)
    return child(rpr_default, "w:rPr")


def set_theme_font_lang(settings_el, east_asia: str = "zh-CN") -> None:
    el = settings_el.find(qn("w:themeFontLang"))
    if el is None:
        el = OxmlElement("w:themeFontLang")
        settings_el.append(el)
    el.set(qn("w:val"), "en-US")
    el.set(qn("w:eastAsia"), east_asia)


def set_char_spacing(rpr, twentieths: int) -> None:
    """Condense (negative) or expand a run's characters, in twentieths of a point."""
    rpr_child(rpr, "w:spacing").set(qn("w:val"), str(twentieths))


def set_doc_grid(sectPr, line_pitch: int, grid_type: str = "lines",
                 char_space: int | None = None) -> None:
    grid = sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectPr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), grid_type)
    grid.set(qn("w:linePitch"), str(line_pitch))
    if char_space is not None:
        grid.set(qn("w:charSpace"), str(char_space))


def add_field(paragraph, instruction: str, placeholder: str = "1"):
    """A complex field (fldChar begin / instrText / separate / result / end) at the end."""
    runs = []
    for kind in ("begin", None, "separate", "result", "end"):
        r = paragraph.add_run()
        runs.append(r)
        if kind == "begin" or kind == "separate" or kind == "end":
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r._r.append(fc)
        elif kind is None:
            it = OxmlElement("w:instrText")
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            it.text = f" {instruction} "
            r._r.append(it)
        else:
            r.text = placeholder
    return runs
