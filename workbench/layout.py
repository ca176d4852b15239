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

PARAGRAPH_STYLES = (TITLE, SUBTITLE, SPEAKER, SALUTATION, BODY, HEADING_1, HEADING_2,
                    HEADING_3, PAGE_NUMBER, TABLE_TEXT, APPENDIX_TITLE)
CHARACTER_STYLES = (LEAD,)
REQUIRED_STYLES = PARAGRAPH_STYLES + CHARACTER_STYLES

SALUTATION_TEXT = "各位代表："
DEFAULT_TEMPLATE_NAME = "gbt9704.docx"
