"""The GB/T 9704-2012 page and the named styles the exporter writes with (DESIGN §6).

The template under templates/ is built from these numbers; the exporter only names
styles, so an office that restyles its copy of the template restyles the output.
"""

from __future__ import annotations

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 37, 35
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 28, 26
# The page number sits 7 mm below the text block: footer distance = 35 - 7 - one 4号 line.
FOOTER_DISTANCE_MM = 23
HEADER_DISTANCE_MM = 15

BODY_PT = 16            # 3号
TITLE_PT = 22           # 2号
PAGE_NUMBER_PT = 14     # 4号
TABLE_PT = 10.5         # 五号, in the attachment tables
LINE_TWIPS = 579        # exact 28.95 pt: 22 lines in the 225 mm block
# 28 characters of 3号 in the 156 mm block: a character grid with charSpace -849 does this
# in Word, but LibreOffice then gives each character two cells (14 a line), so the grid
# sets lines only and the body is condensed by 0.25 pt (15.75 pt a character: 28 a line).
GRID_TYPE = "lines"
CHAR_SPACING_TWENTIETHS = -5
FIRST_LINE_CHARS = 200  # two characters
FIRST_LINE_TWIPS = 640  # two 16 pt characters, for LibreOffice

FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

# What fontTable.xml declares for each face a style may name: panose, charset (86 = GB2312),
# family, pitch, the Unicode/code-page signature, and the stock Windows face that Word
# substitutes (altName) on a PC without the GB/T font.
FONT_INFO: dict[str, dict[str, str]] = {
    FANGSONG: {"panose": "02010609030101010101", "family": "modern", "pitch": "fixed",
               "sig": "00000001 080E0000 00000010 00000000 00040000 00000000", "alt": "仿宋"},
    KAITI: {"panose": "02010609030101010101", "family": "modern", "pitch": "fixed",
            "sig": "00000001 080E0000 00000010 00000000 00040000 00000000", "alt": "楷体"},
    XIAOBIAOSONG: {"panose": "02000000000000000000", "family": "auto", "pitch": "variable",
                   "sig": "00000001 08000000 00000000 00000000 00040000 00000000", "alt": "宋体"},
    HEITI: {"panose": "02010609060101010101", "family": "modern", "pitch": "fixed",
            "sig": "800002BF 38CF7CFA 00000016 00000000 00040001 00000000", "alt": "SimHei"},
    SONGTI: {"panose": "02010600030101010101", "family": "auto", "pitch": "variable",
             "sig": "00000003 288F0000 00000016 00000000 00040001 00000000", "alt": "SimSun"},
    "仿宋": {"panose": "02010609060101010101", "family": "modern", "pitch": "fixed",
            "sig": "800002BF 38CF7CFA 00000016 00000000 00040001 00000000", "alt": "FangSong"},
    "楷体": {"panose": "02010609060101010101", "family": "modern", "pitch": "fixed",
            "sig": "800002BF 38CF7CFA 00000016 00000000 00040001 00000000", "alt": "KaiTi"},
    "华文中宋": {"panose": "02010600040101010101", "family": "auto", "pitch": "variable",
             "sig": "00000287 080F0000 00000000 00000000 0004009F 00000000", "alt": "宋体"},
}
GB2312_CHARSET = "86"

# Font sets a template can be built with: the GB/T 9704 faces, or the faces every
# Windows PC has (for an office whose PCs lack the GB/T fonts).
FONT_SETS: dict[str, dict[str, str]] = {
    "gbt": {"fangsong": FANGSONG, "kaiti": KAITI, "heiti": HEITI, "title": XIAOBIAOSONG,
            "songti": SONGTI},
    "windows": {"fangsong": "仿宋", "kaiti": "楷体", "heiti": HEITI, "title": "华文中宋",
                "songti": SONGTI},
}

# Style names the exporter uses (paragraph styles unless marked).
TITLE = "报告标题"
SUBTITLE = "报告副题"
SPEAKER = "报告人"
SALUTATION = "称谓"
BODY = "Normal"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
HEADING_3 = "Heading 3"
LEAD = "段首句"           # character style
PAGE_NUMBER = "页码"
TABLE_TEXT = "表格文字"
APPENDIX_TITLE = "附表标题"
# GB/T 9704 §7.3.5 and §8: the 附件说明 lines after the body, the "附件" label on the
# attachment's first page, right-aligned numbers in its table.  A template made before
# these styles existed still exports: each falls back to the style beside it.
ATTACHMENT_NOTE = "附件说明"
ATTACHMENT_LABEL = "附件标识"
TABLE_NUMBER = "表格数字"
OPTIONAL_STYLES = {ATTACHMENT_NOTE: BODY, ATTACHMENT_LABEL: APPENDIX_TITLE, TABLE_NUMBER: TABLE_TEXT}

PARAGRAPH_STYLES = (TITLE, SUBTITLE, SPEAKER, SALUTATION, BODY, HEADING_1, HEADING_2,
                    HEADING_3, PAGE_NUMBER, TABLE_TEXT, APPENDIX_TITLE)
CHARACTER_STYLES = (LEAD,)
REQUIRED_STYLES = PARAGRAPH_STYLES + CHARACTER_STYLES

SALUTATION_TEXT = "各位代表："
# The meeting line is centred 楷体 3号: about 27 full-width characters fit in the 156 mm block.
MEETING_LINE_CHARS = 27
DEFAULT_TEMPLATE_NAME = "gbt9704.docx"


def text_width(text: str) -> float:
    """Width in full-width characters: ASCII letters and digits take half a cell."""
    return sum(0.5 if ord(c) < 0x2E80 and c != "—" else 1.0 for c in text)


def meeting_lines(meeting: str, width: float = MEETING_LINE_CHARS) -> list[str]:
    """The meeting line as it is set: whole when it fits, else broken before "在" (the
    date on one line, the occasion on the next) rather than wherever the margin falls."""
    if text_width(meeting) <= width:
        return [meeting]
    at = meeting.find("在")
    if at <= 2:  # nothing but the dash before 在: a break there helps no one
        return [meeting]
    return [meeting[:at], meeting[at:]]
