"""Read report documents out of lines of text: a report pasted from a government website,
a plain .txt, the paragraphs of someone else's .docx, or a compilation of many reports.

Finds the title block, place and year (and where each came from), chapters and sections
(numbered or not), bullet leads, the main-expected-targets passage in its many shapes, the
review chapter's results, and drops web-page furniture. Never raises on odd text: what it
cannot read it leaves as plain paragraphs, and says so in the origin's warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import strings as S
from .catalog import get as catalog_get, lookup
from .commitments import chapter_is_review, is_review_chapter, sync
from .figures import Figure, FigureError, parse_figure
from .model import Chapter, Meta, Paragraph, Report, Section
from .phrasing import full_width


@dataclass
class Line:
    """One paragraph of input with what its source said of it (a .docx knows more)."""

    text: str
    level: int | None = None      # 1 chapter, 2 section, from a style or outline level
    lead: str | None = None       # a bold first run
    title: bool = False           # styled as the document title
    blank_before: bool = False    # a blank line stood before it in a text file
    bold: list[str] = field(default_factory=list)   # further bold phrases in the paragraph


@dataclass
class Origin:
    """Where a report's place and year came from, and what could not be placed."""

    place: str = ""               # one of the S.SOURCE_* labels, "" when not found
    year: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Hints:
    """What a file says outside its report text: page headers and the file's own name."""

    header_place: str = ""
    header_year: int | None = None
    file_place: str = ""
    file_year: int | None = None


# ------------------------------------------------------------ normalising

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")
_CJK = "\u4e00-\u9fff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff）”》%])\.(?=[\u4e00-\u9fff“（《]|\s*$)|(?<=\d)\.(?=[\u4e00-\u9fff“（《])")
_FULL_DOT = re.compile(r"(?<=\d)．(?=\d)")
# "1.医疗卫生方面": an item number, written "1．" in a 公文 (never "1。").
_ITEM_NUMBER = re.compile(r"(^|[\s：:；;。，、（(])(\d{1,2})\.(?=[\u4e00-\u9fff“（《])")


def _is_traditional(text: str) -> bool:
    """Text written in traditional characters (a re-rendering by some website)."""
    converter = _t2s()
    if converter is None:
        return False
    sample = "".join(_CJK_CHAR.findall(text[:20000]))
    if len(sample) < 20:
        return False
    converted = converter.convert(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    return changed > len(sample) * 0.03


_CONVERTER: list = []


def _t2s():
    if not _CONVERTER:
        try:
            import opencc  # a well-kept dictionary of traditional -> simplified phrases
            _CONVERTER.append(opencc.OpenCC("t2s"))
        except Exception:  # the library missing or its data unreadable: keep the text as is
            _CONVERTER.append(None)
    return _CONVERTER[0]


def normalise(text: str) -> str:
    """One line as the rest of the reader expects it: simplified characters, half-width
    digits, Chinese punctuation in Chinese text, no zero-width characters."""
    text = _ZERO_WIDTH.sub("", text).translate(_FULL_DIGITS)
    text = _FULL_DOT.sub(".", text)
    if _CJK_CHAR.search(text):
        text = full_width(text)  # the exporter's own rule, so import and export agree
        text = _ITEM_NUMBER.sub(r"\1\2．", text)
        text = _HALF_STOP.sub("。", text)
    return text


# ------------------------------------------------------------ web-page furniture

# A site's "……(…省略912字…)……": the text has a gap there, so the gap stays marked.
_ELISION = re.compile(r"……[（(][^）)]{0,80}(省略|会员|登录)[^）)]{0,80}[）)]……")
# Pieces of page furniture that can sit anywhere in a line.
_INLINE_FURNITURE = re.compile(
    r"……[（(][^）)]{0,80}(省略|会员|登录)[^）)]{0,80}[）)]……"
    r"|[（(][^）)]{0,40}(阅读全部|全文阅读|需要先登录|登录后|开通会员|正式会员)[^）)]{0,40}[）)]"
    r"|共计?\s*\d+\s*个?字[，,。]?|预计阅读时长\s*\d+\s*分钟[。.]?|阅读时长[:：]?\s*\d+\s*分钟[。.]?"
    r"|[（(]第\s*\d+\s*/\s*\d+\s*页[）)]|第\s*\d+\s*/\s*\d+\s*页|第\s*\d+\s*页\s*[，,]?\s*共\s*\d+\s*页"
    r"|(?<![\u4e00-\u9fff])(来源|稿源|信息来源)[:：]\s*[\u4e00-\u9fff\w—\-·]{2,20}?(?=\s|$|[|｜]|发布|作者|编辑|浏览)"
    r"|(网络|转载|原创|投稿)?\s*分享\s*时间[:：]?|加入收藏|微信扫码\S{0,10}|扫码(分享|领取|关注)\S{0,10}"
    r"|(发表|发布|更新|上传)?(时间|日期)[:：]\s*[\d/\-年月日:： ]{6,25}"
    r"|(?<![\u4e00-\u9fff])作者[:：]\s*\S{1,12}(?=\s|$)|(点击|阅读|浏览)(量|次数)?[:：]\s*(\d+次?)?(?=\s|$)"
    r"|浏览(次数|量)?[:：]\s*\d+|阅读(次数|量)?[:：]\s*\d+|点击(次数|量)?[:：]\s*\d+"
    r"|https?://[\w./\-?=&%#]+|www\.[\w./\-?=&%#]+"
)
_NOISE_LINE = re.compile(
    r"^(来源|来源于|稿源|发布时间|发布日期|发布机构|信息来源|作者|编辑|责任编辑|浏览次数|阅读次数|访问量|字号|"
    r"【字体|分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|上一页|下一页|相关链接|相关阅读|相关文章|"
    r"索引号|主题分类|发文字号|文号|成文日期|发文机关|网站地图|版权所有|主办单位|承办单位|技术支持|联系我们|ICP|"
    r"您的位置|当前位置|所在位置|首页)\s*[:：>》|｜]"
    r"|^(分享|打印|关闭|收藏|纠错|举报|点赞|评论|领取福利|下载全文|下载文档|返回列表|返回首页|猜你喜欢|热门推荐|"
    r"相关推荐|推荐阅读|扫一扫|网络|转载|相关链接[:：]?)$"
    r"|^\d+$|^\d+\s*/\s*\d+$|^【\s*(大|中|小)|^[—\-－]\s*\d{1,4}\s*[—\-－]$"
    r"|^[【\[]?(打印|关闭|收藏|纠错)[】\]]?(\s*[【\[]?(打印|关闭|收藏|纠错)[】\]]?)*$"
    r"|^.{0,20}(人民政府网|门户网站|政府网站|融媒体中心)$"
)
# Site notices, copyright and filing lines, pagers and link lists that no report contains.
_SITE_NOTICE = re.compile(
    r"仅供参考|请点击下载|点击下载|如需全文|免责声明|本站无关|版权归|如有侵权|侵权请联系|由用户上传|All Rights Reserved|"
    r"Copyright|©|ICP备|ICP证|备案号|公网安备|网站标识码|政府网站标识|主办单位|承办单位|(?<=[室厅局委府])主办(?=\s|$)",
    re.IGNORECASE)
_PAGER = re.compile(r"^(首页\s*)?(上一页\s*)?(\d+\s*)*(下一页|尾页)(\s*\d+)*(\s*尾页)?$|^上一页(\s*\d+)+\s*$")
_LINK_LIST = re.compile(r"^([\u4e00-\u9fff]{2,14}(人民政府|政府网|办公室|门户网站)[\s|｜]*){2,}$")
_BREADCRUMB = re.compile(r"(>>|》》|>\s*\S{1,12}\s*>|»)")
_SITE_WORDS = re.compile(r"文库|范文|网站|\.com|\.cn|\.net|记住我|专注|写作|公文网|秘网|首页|[A-Za-z]{4,}\d*\.[A-Za-z]{2,3}",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？；]")
_PAGE_HEADER = re.compile(r"^(?P<pre>[^，。；：]{0,24}?)(?P<year>(?:19|20)\d\d)年(?:度)?(?P<mid>乡镇|街道|县区|区县|市县)?"
                          r"政府工作报告(?P<tail>.*)$")
_COLLECTION_TAIL = re.compile(r"范文|精选|篇|合集|汇编|大全|模板|下载")
_HEADER_TAIL = re.compile(r"^[\s|｜\-_—–]*(\d+篇)?[\s|｜\-_—–]*([（(]?第?\s*\d+\s*/\s*\d+\s*页[）)]?)?[\s|｜\-_—–]*"
                          r"(\S{0,16}(网|文库|站))?[\s|｜]*$")


def _leftover_is_furniture(text: str) -> bool:
    """What is left of a line after its furniture pieces is no report text."""
    rest = re.sub(r"[\s|｜\-_—–·•◆◇★☆>»~～,，.。:：]+", "", text)
    return not rest or (len(rest) <= 4 and not _SENTENCE_END.search(text))


_FURNITURE_WORDS = re.compile(
    r"扫一扫|在手机(上)?(打开|阅读|查看)|当前页|打印本页|打印|关闭窗口|关闭|收藏本页|收藏|纠错|举报|"
    r"相关文章|相关阅读|相关链接|相关推荐|推荐阅读|热门文章|分享到|分享|字体|字号|默认|[大中小]|"
    r"返回顶部|返回首页|返回列表|上一篇|下一篇|微信|微博|QQ空间|QQ|下载文档|下载|文档|全文|点赞|评论|")


def is_furniture(text: str) -> bool:
    """A whole line of page furniture: site name, breadcrumbs, metadata, counters, share lines."""
    if _NOISE_LINE.match(text):
        return True
    if len(text) <= 90 and _SITE_NOTICE.search(text):
        return True
    if _PAGER.match(text) or _LINK_LIST.match(text):
        return True
    if not _CJK_CHAR.search(text):
        return True  # "Public domain", "Copyright …", a lone number: no Chinese, no report text
    if not _SENTENCE_END.search(text) and len(text) <= 40 and \
            not re.sub(r"[\s【】\[\]|｜/：:，,、·•]", "", _FURNITURE_WORDS.sub("", text)):
        return True
    if _BREADCRUMB.search(text) and not _SENTENCE_END.search(text):
        return True
    if text.count("|") + text.count("｜") >= 2 and not _SENTENCE_END.search(text):
        return True
    if _SITE_WORDS.search(text) and not _SENTENCE_END.search(text) and len(text) <= 60 \
            and "政府工作报告" not in text:
        return True
    return False


def _page_header(text: str) -> tuple[str, int] | None:
    """"汉滨区2025年政府工作报告 |", "乡镇2023年政府工作报告-35篇（第27/65页）" -> (place, year)."""
    m = _PAGE_HEADER.match(text)
    if not m or not m.group("tail").strip():
        return None
    tail = m.group("tail").strip()
    if not (_HEADER_TAIL.match(tail) or (tail[0] in "|｜_-—–" and len(tail) <= 40
                                          and not _SENTENCE_END.search(tail))
            or (_COLLECTION_TAIL.search(tail) and len(tail) <= 24)):
        return None
    if m.group("mid"):
        return "", int(m.group("year"))  # a collection's header ("乡镇政府工作报告范文"): no place
    pre = re.sub(r"人民政府$", "", m.group("pre").strip())
    return (pre if valid_place(pre) else ""), int(m.group("year"))


_FOOTNOTE = re.compile(r"\[\d{1,3}\]|〔注\d{1,3}〕|\[注\s*\d{1,3}\]")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def clean_lines(raw: list[Line], hints: Hints | None = None) -> list[Line]:
    """Normalised lines with the furniture gone; page headers feed `hints` on the way."""
    hints = hints if hints is not None else Hints()
    traditional = _is_traditional("".join(ln.text for ln in raw[:400]))
    out: list[Line] = []
    pending_blank = False
    for line in raw:
        text = line.text
        if traditional:
            text = _t2s().convert(text)
            line.lead = _t2s().convert(line.lead) if line.lead else line.lead
            line.bold = [_t2s().convert(b) for b in line.bold]
        text = _SPACES.sub(" ", normalise(_FOOTNOTE.sub("", text))).strip()
        if not text:
            pending_blank = True
            continue
        header = _page_header(text)
        if header is not None:
            place, year = header
            hints.header_place = hints.header_place or place
            hints.header_year = hints.header_year or year
            pending_blank = True
            continue
        stripped = _ELISION.sub("……", text)
        stripped = _INLINE_FURNITURE.sub("", stripped).strip()
        if stripped != text:
            if _leftover_is_furniture(stripped):
                pending_blank = True
                continue
            text = _SPACES.sub(" ", stripped)
        if is_furniture(text):
            pending_blank = True
            continue
        line.text = text
        if line.lead:
            line.lead = normalise(_FOOTNOTE.sub("", line.lead)).strip() or None
            if line.lead and not line.text.startswith(line.lead):
                line.lead = None
        line.bold = [normalise(b) for b in line.bold]
        line.blank_before = line.blank_before or pending_blank
        pending_blank = False
        out.append(line)
    return out


def lines_from_text(text: str) -> list[Line]:
    """A text file's lines, blank lines remembered, ready for `clean_lines`."""
    lines, blank = [], False
    for raw in text.splitlines():
        if not _ZERO_WIDTH.sub("", raw).strip(" \t\u3000\u00a0"):
            if raw.strip(" \t\u3000\u00a0"):
                continue  # a line of zero-width characters only: an artefact, not a break
            blank = True
            lines.append(Line(""))
            continue
        lines.append(Line(raw, blank_before=blank))
        blank = False
    return lines


# ------------------------------------------------------------ places and years

_PLACE_END = re.compile(r"(省|市|县|区|镇|乡|街道|自治区|自治州|州|旗|盟|地区|林区|特区|新区|开发区|办事处)$")
_SHORT_PLACES = {"全国", "广西", "西藏", "内蒙古", "新疆", "宁夏", "香港", "澳门"}
_NOT_IN_PLACE = re.compile(r"第|届|人民代表大会|代表大会|会议|某|政府|代表|我们|[在的是了]|本|该|各|X|x|"
                           r"下载|收藏|分享|举报|文档|文库|范文|阅读|打印|关闭|首页")
_SUFFIX_CHARS = set("省市县区镇乡州旗盟街道自治")
_NATIONAL = {"国务院": "全国", "中华人民共和国国务院": "全国", "中央人民政府": "全国", "全国": "全国"}


def valid_place(place: str) -> bool:
    """A place name: "交城县", "白沙黎族自治县", "全国" — never "县", "某县" or a meeting phrase."""
    if place in _SHORT_PLACES:
        return True
    if not re.fullmatch(f"[{_CJK}]{{2,16}}", place or ""):
        return False
    if _NOT_IN_PLACE.search(place) or place.startswith("全"):
        return False
    m = _PLACE_END.search(place)
    if not m:
        return False
    stem = place[: m.start()]
    return bool(stem) and not all(c in _SUFFIX_CHARS for c in stem)


def _place_of(who: str) -> str:
    """The place in "上杭县人民政府", "国务院", "白沙黎族自治县人民政府县长" or ""."""
    who = who.strip(" ，,")
    if who in _NATIONAL:
        return _NATIONAL[who]
    who = re.sub(r"(人民政府|政府|办事处)$", "", who)
    return who if valid_place(who) else ""


_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def hints_from_name(name: str, hints: Hints | None = None) -> Hints:
    """Place and year in a file name: "2025年四川省政府工作报告.docx", "某县2024年….txt"."""
    hints = hints if hints is not None else Hints()
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    m = _YEAR_IN_NAME.search(stem)
    if m:
        hints.file_year = int(m.group(1))
    if "国务院" in stem or "全国" in stem:
        hints.file_place = "全国"
        return hints
    rest = _YEAR_IN_NAME.sub(" ", stem)
    rest = re.sub(r"年?(人民)?政府工作报告|（全文）|\(全文\)|全文", " ", rest)
    for token in re.findall(f"[{_CJK}]+", rest):
        token = token.lstrip("年")
        if valid_place(token):
            hints.file_place = token
            break
    return hints


# ------------------------------------------------------------ report boundaries

_TITLE = re.compile(r"^(?P<pre>[^，。；：！？、]{0,40}?)政府工作报告(?:[（(](?:全文|摘要|摘登|文字实录)[）)])?$")
_MEETING = re.compile(r"^[—\-─－]*\s*(?P<body>.{0,40}在.{0,40}?(人民代表大会|人大|代表大会|议事会|代表会议)"
                      r".{0,40})$")
_MEETING_HEAD = re.compile(r"^[—\-─－]*\s*.{0,30}在.{1,30}第[一二三四五六七八九十\d]+届(人民代表大会|代表大会)?$")
_MEETING_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_MEETING_PLACE = re.compile(r"在(.{1,20}?)第?[一二三四五六七八九十百\d]+届")
_MEETING_REST = re.compile(r"^(?P<meeting>.*?会议上(?:的(?:讲话|报告|政府工作报告))?)(?P<rest>.*)$")
_ROLES = (r"镇长|乡长|街道办事处主任|办事处主任|主任|县长|区长|市长|州长|省长|主席|代理主席|代主席|总理|代县长|"
          r"代区长|代市长|代镇长|代省长|盟长|旗长")
_SPEAKER = re.compile(rf"^(.{{0,30}}?)(?:{_ROLES})[\s　]*[{_CJK}·]{{2,5}}(?:同志)?$")
_SPEAKER_IN_MEETING = re.compile(rf"^(?P<who>.{{0,30}}?(?:{_ROLES})\s*[{_CJK}·]{{2,4}}?)(?:同志)?"
                                 r"(?:作|所作的?)?(?:政府工作)?报告[。]?$")
_ROLE_END = re.compile(rf"^.{{0,30}}?(?:{_ROLES})$")
_SALUTATION = re.compile(r"^(各位代表|各位代表、各位同志|各位代表、同志们)[：:，,！!]?$")
_OPENING = re.compile(r"我(?:代表|受)(?P<who>[^，,。；向]{1,24}?)(?:的委托)?[，,]?\s*(?:向|就|作)")


def _is_meeting(text: str) -> bool:
    """"——2024年1月12日在狮岭镇第十七届人民代表大会第四次会议上", never the opening sentence."""
    return (bool(_MEETING.match(text)) and len(text) <= 120 and not _SENTENCE_END.search(text.rstrip("。"))
            and not re.match(r"^(现在|我|受|根据)", text) and "我代表" not in text and "委托" not in text)


def _is_title(line: Line) -> bool:
    if line.title and _TITLE.match(line.text.replace(" ", "")):
        return True
    m = _TITLE.match(line.text.replace(" ", ""))
    return bool(m) and len(m.group("pre")) <= 40


def _join_split_titles(lines: list[Line]) -> list[Line]:
    """"政府工作报" / "告" and a meeting line broken after its 届 are one line each."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines):
            nxt = lines[i + 1]
            joined = (line.text + nxt.text).replace(" ", "")
            if len(line.text) <= 24 and len(nxt.text) <= 24 and _TITLE.match(joined) \
                    and not _TITLE.match(line.text.replace(" ", "")) \
                    and not _TITLE.match(nxt.text.replace(" ", "")):
                out.append(Line(joined, level=line.level, title=True, blank_before=line.blank_before))
                i += 2
                continue
            if _ROLE_END.match(line.text.strip()) and re.fullmatch(f"[{_CJK}·\\s　]{{2,8}}", nxt.text.strip()):
                out.append(Line(line.text.strip() + "　" + nxt.text.strip(), blank_before=line.blank_before))
                i += 2
                continue
            if _MEETING_HEAD.match(line.text) and re.match(r"^(人民代表大会|代表大会|人大|第[一二三四五六七八九十\d]+次)",
                                                           nxt.text) and len(nxt.text) <= 30:
                out.append(Line(line.text + nxt.text, blank_before=line.blank_before))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def split_reports(lines: list[Line]) -> list[list[Line]]:
    """A compilation's lines -> one block per report, cut at each title line."""
    starts: list[int] = []
    for i, ln in enumerate(lines):
        # A title repeated within the title block (a meeting line ending in 政府工作报告,
        # a page's own heading above the report's) does not start another report.
        if _is_title(ln) and not (starts and i - starts[-1] <= 4):
            starts.append(i)
    if not starts:
        return [lines] if lines else []
    blocks = []
    if starts[0] > 0 and _has_report_text(lines[: starts[0]]):
        blocks.append(lines[: starts[0]])
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        blocks.append(lines[s:end])
    return blocks


def _has_report_text(lines: list[Line]) -> bool:
    return sum(len(ln.text) for ln in lines) > 200 and any(_SENTENCE_END.search(ln.text) for ln in lines)


# ------------------------------------------------------------ structure

_CN_NUM = "一二三四五六七八九十"
_CHAPTER_NUM = re.compile(rf"^([{_CN_NUM}]{{1,3}})[、.．]\s*(.+)$")
_SECTION_NUM = re.compile(rf"^[（(]([{_CN_NUM}]{{1,3}})[）)]\s*(.+)$")
_UNNUMBERED_CHAPTER = re.compile(
    r"^((?:19|20)[\dX]{2}年|过去一年|过去五年|今年|过去的一年|“十[一二三四五六七八九]五”时期)?.{0,16}"
    r"(工作回顾|的回顾|工作安排|工作安排建议|安排建议|工作建议|工作总结|重点工作|主要工作|主要任务|目标任务|"
    r"工作任务|总体要求|政府自身建设|工作思路)$")
_SENTENCE = re.compile(r"^(.+?[。！？])")
_ORDINAL_HEADING = re.compile(rf"^[{_CN_NUM}]{{1,3}}是(.{{4,}})$")
_ORDINAL_LEAD = re.compile(rf"^(?:[{_CN_NUM}]是|第[{_CN_NUM}]，)")
_LEAD_OPENERS = "，。、；：！？）》”’"


def _chapter_title(line: Line) -> str | None:
    if line.level == 1:
        m = _CHAPTER_NUM.match(line.text)
        return m.group(2).strip() if m else line.text
    if line.level is not None:
        return None
    m = _CHAPTER_NUM.match(line.text)
    if m and len(m.group(2)) <= 60 and not _SENTENCE_END.search(m.group(2).rstrip("。")) \
            and not m.group(2).endswith(("；", "：")):
        return m.group(2).strip().rstrip("。")
    if len(line.text) <= 30 and not _SENTENCE_END.search(line.text) and not _SECTION_NUM.match(line.text) \
            and _UNNUMBERED_CHAPTER.match(line.text):
        return line.text
    return None


def _section_title(line: Line) -> tuple[str, str] | None:
    """(title, rest of the line) for a section heading, alone or running into its text."""
    if line.level == 2:
        m = _SECTION_NUM.match(line.text)
        return (m.group(2).strip() if m else line.text), ""
    if line.level is not None:
        return None
    m = _SECTION_NUM.match(line.text)
    if not m:
        o = _ORDINAL_HEADING.match(line.text)
        if o and len(line.text) <= 50 and not _SENTENCE_END.search(line.text):
            return o.group(1).strip(), ""  # "一是聚焦全方位扩大内需，着力提消费促投资" alone on its line
        return None
    body = m.group(2).strip()
    if line.lead:
        # A .docx: the bold run is the heading, whatever its length.
        lead = _SECTION_NUM.sub("", line.lead).strip()
        if lead and body.startswith(lead):
            rest = body[len(lead):].lstrip("。！？ ")
            return lead.rstrip("。！？"), rest
    first = _SENTENCE.match(body)
    if first and len(first.group(1)) <= 60 and len(body) > len(first.group(1)):
        return first.group(1).rstrip("。！？"), body[first.end():].strip()
    if len(body) <= 80 and not _SENTENCE_END.search(body.rstrip("。！？")):
        return body.rstrip("。"), ""
    return None


def _lead_ok(first: str) -> bool:
    """A bold lead: a short sentence, never a salutation or a wrapped fragment ("题。")."""
    core = first.rstrip("。！？：:")
    return (len(core) >= 4 and first[0] not in _LEAD_OPENERS and not _SALUTATION.match(first)
            and not first.startswith("各位代表"))


def split_lead(text: str, *, in_section: bool) -> tuple[str | None, str]:
    """A short first sentence that works as a bold lead ("着力稳住工业基本盘。"), or an ordinal."""
    m = _SENTENCE.match(text)
    if not m:
        return None, text
    first, rest = m.group(1), text[m.end():]
    limit = 30 if _ORDINAL_LEAD.match(first) else (20 if in_section else 12)
    if len(first) <= limit and len(rest) >= 8 and not re.search(r"\d", first) \
            and "，" not in first[:-1] and _lead_ok(first):
        return first, rest
    return None, text


def _docx_lead(line: Line) -> tuple[str | None, str, list[str]]:
    """The bold first run of someone's .docx as the lead, its closing 。 included."""
    lead = line.lead
    if not lead or not line.text.startswith(lead):
        return None, line.text, line.bold
    rest = line.text[len(lead):]
    if rest[:1] and rest[:1] in "。！？" and not lead.endswith(("。", "！", "？")):
        lead, rest = lead + rest[0], rest[1:]
    if not _lead_ok(lead) or not rest.strip():
        return None, line.text, line.bold
    return lead, rest, [b for b in line.bold if b and b in rest]


# ------------------------------------------------------------ figures in text

_TARGETS_MARK = re.compile(r"主要预期目标|主要目标|预期目标|努力目标|奋斗目标|发展目标|目标(?:是|为)")
_MARK_PREFIX = re.compile(r"^(?P<pre>.*?)(?:(?:主要预期目标|主要目标|预期目标|努力目标|奋斗目标|发展目标)"
                          r"(?:[^，。；：:\d]{0,6}?(?:是|为))?[：:]?|目标(?:是|为)[：:]?)")
_NAME_START = re.compile(r"^[\u4e00-\u9fffA-Z]")
_CONT = ("增长", "增速", "同比增长", "下降", "降低", "减少", "提高", "上升", "力争", "左右", "以上",
         "以内", "与", "同步", "涨幅", "达到", "总量达到", "总额达到", "规模达到")


def _pieces(clause: str) -> list[str]:
    """Split a clause into one chunk per figure: "，" and "、" separate figures unless the
    next piece continues the previous one ("21.2亿元，增长46.9%左右", "7%以上、力争达到8%")."""
    parts = [p.strip() for p in re.split(r"[，,、]", clause) if p.strip()]
    chunks: list[str] = []
    for p in parts:
        if chunks and (p.startswith(_CONT) or not _NAME_START.match(p) or re.match(r"^[\d０-９]", p)):
            chunks[-1] += "，" + p
        else:
            chunks.append(p)
    return chunks


_LEADING_WORDS = re.compile(r"^(全镇|全街|全乡|全县|全区|全市|全省|全国|全年|今年|明年|累计|完成|实现|其中|力争|确保|"
                            r"预计|建议|争取|努力|推动|保持|——|—)+")
_RESPECTIVELY = re.compile(r"^(?P<names>.+?)分别(?P<verb>增长|下降|提高|达到|为|控制在|降低)(?P<values>.+)$")
_TAIL_QUALIFIER = re.compile(r"(左右|以上|以内|以下)$")
_GDP_WORDS = {"经济", "经济增长", "生产总值"}


_LIST_SPLIT = re.compile(r"[、和及与]")


def respective_names(names: str, values: list[str]) -> list[str] | None:
    """The indicators of a "分别" statement, one for each of `values`, or None when they do not
    pair: "城乡居民人均可支配收入" with two values is town, then country; a short name shares the
    last one's tail ("城镇和农村居民人均可支配收入")."""
    out = [n for n in _LIST_SPLIT.split(names) if n]
    if len(out) == 1 and out[0].startswith("城乡") and len(values) == 2:
        out = ["城镇" + out[0][2:], "农村" + out[0][2:]]
    if len(out) != len(values) or len(out) < 2:
        return None
    last = out[-1]
    return [n + last[len(n):] if len(n) <= 4 and len(last) > len(n) + 2 else n for n in out[:-1]] + [last]


def _respectively(chunk: str) -> list[Figure] | None:
    """"规上工业增加值、固定资产投资分别增长8%和10%" -> one figure per indicator."""
    m = _RESPECTIVELY.match(chunk)
    if not m:
        return None
    values = [v for v in _LIST_SPLIT.split(m.group("values")) if v]
    names = respective_names(m.group("names"), values)
    if names is None:
        return None
    tail = _TAIL_QUALIFIER.search(values[-1])
    if tail:
        values = [v if _TAIL_QUALIFIER.search(v) else v + tail.group() for v in values]
    verb = m.group("verb")
    out = []
    for name, value in zip(names, values):
        text = f"{name}{verb}{value}" if verb not in ("达到", "为") else f"{name}{value}"
        if verb == "控制在" and "%" in value and not _TAIL_QUALIFIER.search(value):
            text = f"{name}{value}"
        try:
            out.append(parse_figure(text, loose_units=True))
        except FigureError:
            return None
    return out


_NAME_TAIL = re.compile(r"(调控|继续保持|继续|保持在|保持|稳定在|控制在|全年|实际|基本|在|为|达|约|共)$")


def _chunks(clause: str) -> list[str]:
    """One chunk per figure; a "分别" statement ("A、B分别增长8%和10%") stays one chunk."""
    whole = _LEADING_WORDS.sub("", clause)
    if "分别" in whole and "，" not in whole and "," not in whole:
        return [whole]
    out: list[str] = []
    plain: list[str] = []
    for part in re.split(r"[，,]", clause):
        if "分别" in part:
            if plain:
                out.extend(_pieces("，".join(plain)))
                plain = []
            out.append(part.strip())
        else:
            plain.append(part)
    if plain:
        out.extend(_pieces("，".join(plain)))
    return out


def _named(fig: Figure) -> Figure:
    """Names as the catalogue knows them: "居民消费价格指数涨幅在" loses its "在", and
    "经济增长7%左右" names the economy, so it gets the catalogue's name for GDP."""
    trimmed = _NAME_TAIL.sub("", fig.name)
    if trimmed != fig.name and len(trimmed) >= 2:
        fig.name = trimmed
        fig.key = fig.key or lookup(trimmed)
    bound = re.search(r"(低于|高于|不高于)$", fig.name)
    if bound and fig.qualifier is None and len(fig.name) > 4:
        # "城镇登记失业率低于4.6%": a ceiling; "高于": a floor.
        fig.name = fig.name[: bound.start()]
        fig.qualifier = "以上" if bound.group(1) == "高于" else "以下"
        fig.key = fig.key or lookup(fig.name)
    if fig.key is None and fig.name.endswith("同口径"):
        fig.key = lookup(fig.name[:-3])  # "一般公共预算收入同口径增长4%": the name keeps its words
    if fig.qualifier is None and fig.value is not None and re.search(r"(突破|超过)[\d.]", fig.raw):
        fig.qualifier = "以上"  # "财政收入突破6800万元": at least
    if fig.name in _GDP_WORDS:
        ind = catalog_get("gdp")
        fig.key = "gdp"
        fig.name = ind.name if ind else fig.name
    return fig


_MAY_HOLD_FIGURE = re.compile(r"\d|同步|平衡|稳定")


# A number that states a figure: not a year, a date or an ordinal ("2024年", "3月", "第2").
_FIGURE_NUMBER = re.compile(r"(?<![第\d.])\d+(?:\.\d+)?(?![\d.]|年|月|日|号|届|次会议)")


def holds_figure_number(text: str) -> bool:
    return bool(_FIGURE_NUMBER.search(text))


def figures_in(passage: str, *, need_key: bool = False, unread: list[str] | None = None) -> list[Figure]:
    """Every figure stated in a passage of targets or results. A chunk that states a number
    but does not read as a figure is added to `unread` (when given), never dropped unsaid."""
    found: list[Figure] = []

    def skipped(chunk: str) -> None:
        if unread is not None and holds_figure_number(chunk):
            unread.append(chunk)

    clauses = [c for c in re.split(r"[；;。\n]", passage) if c.strip()]
    for clause in clauses:
        clause = clause.strip()
        m = _MARK_PREFIX.match(clause)
        if m:
            rest = clause[m.end():]
            pre = _LEADING_WORDS.sub("", re.sub(r"^.*[，,：:]", "", m.group("pre")))
            # "今年经济增长预期目标为7%左右": the name stands before the mark.
            if re.match(r"^[\d.]+", rest) and pre:
                rest = pre + rest
            clause = rest
        for chunk in _chunks(clause):
            chunk = _LEADING_WORDS.sub("", chunk)
            resp = _respectively(chunk) if "分别" in chunk else None
            if resp is not None:
                found.extend(_named(f) for f in resp if f.key or not need_key)
                continue
            if len(chunk) < 4 or not _MAY_HOLD_FIGURE.search(chunk):
                skipped(chunk)
                continue
            try:
                fig = _named(parse_figure(chunk, loose_units=True))
            except FigureError:
                skipped(chunk)
                continue
            if len(re.findall(r"[\u4e00-\u9fff]", fig.name)) < 2 and fig.key is None:
                skipped(chunk)
                continue
            if need_key and fig.key is None:
                continue
            found.append(fig)
    return found


def _unique_by_key(figs: list[Figure]) -> list[Figure]:
    """One figure per indicator; a level stated apart from its growth ("收入增长8%" …
    "收入力争达到2.1万元/人") joins it rather than being dropped."""
    seen: dict[str, Figure] = {}
    out = []
    for f in figs:
        ident = f.key or f.name
        first = seen.get(ident)
        if first is None:
            seen[ident] = f
            out.append(f)
        elif first.value is None and f.value is not None and f.growth_pct is None and first.growth_pct is not None:
            first.value, first.unit = f.value, f.unit
            first.raw = f"{first.raw}，{f.raw}"
    return out


# ------------------------------------------------------------ chapter kinds

_PLAN_TITLE = re.compile(r"安排|任务|目标|建议|重点工作|主要工作|工作思路|总体要求|部署|计划|打算")
_PAST = re.compile(r"过去一年|过去的一年|刚刚过去的一年|一年来|过去五年|五年来|去年|上年|全年(?:实现|完成)|取得|完成了|实现了|累计|"
                   r"比上年|同比(?:增长|下降)|荣获|获评|成功")
_FUTURE = re.compile(r"今年|明年|力争|确保|要|将|预期目标|着力|坚持|推动|加快")


def _classify(ch: Chapter, year: int | None) -> str | None:
    """"review" or "plan" by what the chapter says; None when it is not clear."""
    text = "".join(p.full_text for p in ch.paragraphs)[:4000]
    text += "".join(p.full_text for s in ch.sections for p in s.paragraphs)[:6000]
    if not text:
        return None
    if _STRONG_MARK.search(text):
        return "plan"
    past = len(_PAST.findall(text))
    future = len(_FUTURE.findall(text))
    if year:
        past += 2 * text.count(f"{year - 1}年")
        future += 2 * text.count(f"{year}年")
    if past >= 3 and past > 1.5 * future:
        return "review"
    if future >= 3 and future > 1.5 * past:
        return "plan"
    return None


def classify_chapters(report: Report, origin: Origin) -> None:
    """Mark chapters whose title does not say whether they review or plan."""
    for n, ch in enumerate(report.chapters, start=1):
        if is_review_chapter(ch.title) or (ch.title and _PLAN_TITLE.search(ch.title)):
            continue
        if ch.title and re.search(r"自身建设|总体要求|指导思想", ch.title):
            continue
        kind = _classify(ch, report.year or None)
        ch.kind = kind
        opening = n == 1 and not ch.title and len(report.chapters) > 1
        if kind is None and (ch.paragraphs or ch.sections) and not opening:
            origin.warnings.append(S.IMPORT_WARN_KIND.format(n=n, title=ch.title or S.IMPORT_UNTITLED))


# ------------------------------------------------------------ one report

@dataclass
class _Found:
    """Place and year candidates with their sources, first found first."""

    places: list[tuple[str, str]] = field(default_factory=list)
    years: list[tuple[int, str]] = field(default_factory=list)

    def place(self, value: str, source: str) -> None:
        if value and valid_place(value):
            self.places.append((value, source))

    def year(self, value: int | None, source: str) -> None:
        if value and 1949 <= value <= 2100:
            self.years.append((value, source))


_PLACE_ORDER = (S.SOURCE_TITLE, S.SOURCE_MEETING, S.SOURCE_OPENING, S.SOURCE_SPEAKER, S.SOURCE_HEADER,
                S.SOURCE_FILE)
_YEAR_ORDER = (S.SOURCE_TITLE, S.SOURCE_MEETING, S.SOURCE_PLAN, S.SOURCE_REVIEW, S.SOURCE_TARGETS,
               S.SOURCE_HEADER, S.SOURCE_FILE)


def _choose(cands: list, order: tuple[str, ...]):
    for source in order:
        for value, src in cands:
            if src == source:
                return value, source
    return None, ""


def _title_parts(text: str, found: _Found, meta: Meta) -> None:
    m = _TITLE.match(text.replace(" ", ""))
    pre = m.group("pre") if m else ""
    meta.title = "政府工作报告"
    if "会议" in pre or "届" in pre:
        # "在县第十八届人民代表大会第三次会议上的政府工作报告": a meeting line, not a place.
        if not meta.meeting:
            _meeting_parts(pre.rstrip("的"), meta, found)
        return
    pre = re.sub(r"人民$", "", pre)  # "重庆市人民政府工作报告"
    y = re.match(r"^.*?((?:19|20)\d\d)年(?:度)?", pre)
    if y:
        found.year(int(y.group(1)), S.SOURCE_TITLE)
        pre = pre.replace(y.group(0), y.group(0)[: y.start(1)], 1)
    found.place(_place_of(pre), S.SOURCE_TITLE)


def _meeting_parts(text: str, meta: Meta, found: _Found) -> None:
    body = text.lstrip("—-─－ ")
    m = _MEETING_REST.match(body)
    if m and m.group("rest"):
        sp = _SPEAKER_IN_MEETING.match(m.group("rest").strip())
        if sp:
            body = m.group("meeting")
            if not meta.speaker:
                meta.speaker = sp.group("who").strip()
                _speaker_place(meta.speaker, found)
    meta.meeting = "——" + body
    d = _MEETING_DATE.search(body)
    if d:
        meta.date = d.group()
        found.year(int(d.group(1)), S.SOURCE_MEETING)
    mp = _MEETING_PLACE.search(body)
    if mp:
        place = mp.group(1)
        found.place("全国" if place in ("第", "全国") else _place_of(place), S.SOURCE_MEETING)
    elif "全国人民代表大会" in body:
        found.place("全国", S.SOURCE_MEETING)


def _speaker_place(text: str, found: _Found) -> None:
    m = _SPEAKER.match(text.replace(" ", "").replace("　", ""))
    if m and m.group(1):
        found.place(_place_of(m.group(1)), S.SOURCE_SPEAKER)


def _opening(text: str, found: _Found) -> bool:
    """"现在，我代表上杭县人民政府，向大会报告…" -> place; True when it is such an opening."""
    m = _OPENING.search(text[:120])
    if not m:
        return False
    who = m.group("who")
    if "国务院" in who or "中央人民政府" in who:
        found.place("全国", S.SOURCE_OPENING)
    else:
        found.place(_place_of(who), S.SOURCE_OPENING)
    if "全国人民代表大会" in text[:160]:
        found.place("全国", S.SOURCE_OPENING)
    return True


_PLAN_YEAR = re.compile(r"((?:19|20)\d\d)年(?:的)?(?:工作安排|主要工作|目标任务|重点工作|主要任务|工作任务|工作思路|"
                        r"工作建议|工作安排建议|政府工作|工作)")
_REVIEW_YEAR = re.compile(r"((?:19|20)\d\d)年(?:国内)?(?:工作|政府工作)?(?:的)?(?:回顾|总结|工作情况)")
_TARGETS_YEAR = re.compile(r"((?:19|20)\d\d)年.{0,20}?(?:主要预期目标|主要目标|预期目标|努力目标|奋斗目标|发展目标)")


def _join_paragraph_lines(lines: list[Line]) -> list[Line]:
    """Texts whose paragraphs are separated by blank lines (wikisource and the like) may break
    a paragraph's lines anywhere (around bold or linked words): join each paragraph's lines."""
    if len(lines) < 6 or sum(ln.blank_before for ln in lines) < len(lines) * 0.4:
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and not line.blank_before and not _is_heading(prev) and not _is_heading(line)
                and not _SALUTATION.match(prev.text)):
            first_part = prev.text
            prev.text = prev.text + line.text
            if prev.lead is None and len(first_part) <= 30 and first_part.endswith(("。", "！")) \
                    and len(line.text) >= 8 and _lead_ok(first_part.lstrip("—")):
                prev.lead = first_part
            continue
        out.append(Line(line.text, line.level, line.lead, line.title, line.blank_before, list(line.bold)))
    return out


def _is_heading(line: Line) -> bool:
    return (_is_title(line) or _chapter_title(line) is not None or _section_title_line(line)
            or _is_meeting(line.text))


def _section_title_line(line: Line) -> bool:
    m = _SECTION_NUM.match(line.text)
    return bool(m) and len(line.text) <= 60 and not _SENTENCE_END.search(line.text.rstrip("。"))


def read_block(lines: list[Line], hints: Hints | None = None, *,
               place: str | None = None, year: int | None = None) -> tuple[Report, Origin] | None:
    """One report from its lines, or None when there is no report in them."""
    hints = hints or Hints()
    meta = Meta(title="", meeting="", date="", speaker="")
    found = _Found()
    origin = Origin()
    i = 0
    opening = False
    # Title block: title, meeting line, speaker, salutation, in the first few lines.
    while i < len(lines) and i < 10:
        text = lines[i].text
        if _is_title(lines[i]) and not meta.title:
            _title_parts(text, found, meta)
        elif _is_title(lines[i]):
            if not meta.meeting and ("会议" in text or "届" in text):
                _meeting_parts(re.sub(r"的?政府工作报告$", "", text), meta, found)
            # else: the page repeats its title ("在**县…会议上的政府工作报告")
        elif _is_meeting(text) and not meta.meeting:
            _meeting_parts(text, meta, found)
        elif _SPEAKER.match(text.replace(" ", "").replace("　", "")) and not meta.speaker and len(text) <= 34:
            meta.speaker = text
            _speaker_place(text, found)
        elif _SALUTATION.match(text):
            pass
        else:
            break
        i += 1
    chapters: list[Chapter] = []
    body_lines = _join_paragraph_lines(lines[i:])
    for n, line in enumerate(body_lines):
        if _SALUTATION.match(line.text):
            continue
        if n < 6 and not opening and _opening(line.text, found):
            opening = True
        title = _chapter_title(line)
        if title is not None:
            chapters.append(Chapter(title=title))
            continue
        sec = _section_title(line)
        if sec is not None:
            if not chapters:
                chapters.append(Chapter(title=None))
            section = Section(title=sec[0])
            chapters[-1].sections.append(section)
            if sec[1]:
                lead, text = split_lead(sec[1], in_section=True)
                section.paragraphs.append(Paragraph(text=text, lead=lead))
            continue
        if not chapters:
            chapters.append(Chapter(title=None))
        ch = chapters[-1]
        in_section = bool(ch.sections)
        if line.lead and line.text.startswith(line.lead):
            lead, text, bold = _docx_lead(line)
            if lead is None:
                lead, text = split_lead(line.text, in_section=in_section)
            para = Paragraph(lead=lead, text=text, bold=bold)
        else:
            lead, text = split_lead(line.text, in_section=in_section)
            para = Paragraph(lead=lead, text=text, bold=[b for b in line.bold if b in text])
        (ch.sections[-1].paragraphs if in_section else ch.paragraphs).append(para)
    chapters = [c for c in chapters if c.title or c.paragraphs or c.sections]
    report = Report(place="", year=0, meta=meta, chapters=chapters, status="final")
    report.targets = _targets(report)
    has_sections = any(s.paragraphs for c in chapters for s in c.sections)
    salutation = any(_SALUTATION.match(ln.text) for ln in lines[:40])
    report_chapters = any(is_review_chapter(ch.title) or (ch.title and _PLAN_TITLE.search(ch.title))
                          for ch in chapters)
    leads = sum(1 for *_, p in report.paragraphs() if p.lead)
    other_document = any(_OTHER_DOCUMENT.search(ln.text) for ln in lines[-12:])
    speech = not meta.title and any(_SPEECH_TITLE.search(ln.text) for ln in lines[:6])
    if not chapters or speech or other_document and not (meta.title or meta.meeting or report.targets):
        return None
    if not (meta.title or meta.meeting or opening or report.targets or salutation or report_chapters
            or (has_sections and leads >= 2) or (any(ch.title for ch in chapters) and _review_like(chapters))):
        return None
    # Years the chapters and the targets passage state.
    for ch in chapters:
        if ch.title:
            r = _REVIEW_YEAR.search(ch.title)
            if r and is_review_chapter(ch.title):
                found.year(int(r.group(1)) + 1, S.SOURCE_REVIEW)
            p = _PLAN_YEAR.search(ch.title)
            if p and not is_review_chapter(ch.title):
                found.year(int(p.group(1)), S.SOURCE_PLAN)
    for *_, para in report.paragraphs():
        t = _TARGETS_YEAR.search(para.full_text[:80])
        if t:
            found.year(int(t.group(1)), S.SOURCE_TARGETS)
            break
    found.place(hints.header_place, S.SOURCE_HEADER)
    found.year(hints.header_year, S.SOURCE_HEADER)
    found.place(hints.file_place, S.SOURCE_FILE)
    found.year(hints.file_year, S.SOURCE_FILE)
    chosen_place, origin.place = _choose(found.places, _PLACE_ORDER)
    chosen_year, origin.year = _choose(found.years, _YEAR_ORDER)
    if place:
        chosen_place, origin.place = place, S.SOURCE_FLAGS
    if year:
        chosen_year, origin.year = year, S.SOURCE_FLAGS
    if chosen_place and origin.place != S.SOURCE_FLAGS:
        # "广西" in the title, "广西壮族自治区" in the meeting line: the full name wins.
        longer = [p for p, _ in found.places if p.startswith(chosen_place) and len(p) > len(chosen_place)]
        if longer:
            chosen_place = longer[0]
    report.place = chosen_place or ""
    report.year = chosen_year or 0
    if not meta.title and hints.header_place:
        meta.title = "政府工作报告"  # the page's header names this report
    if not meta.date and meta.meeting:
        d = _MEETING_DATE.search(meta.meeting)
        meta.date = d.group() if d else ""
    classify_chapters(report, origin)
    report.targets, unread = _targets_read(report)
    origin.warnings.extend(S.IMPORT_WARN_UNREAD_TARGET.format(clause=c) for c in unread)
    report.results = _results(report)
    from .review import unread_results

    origin.warnings.extend(S.IMPORT_WARN_UNREAD_RESULT.format(clause=c) for c in unread_results(report))
    if report.place == "全国":
        for f in (*report.targets, *report.results):
            if f.key == "gdp" and f.name == "地区生产总值" and "地区" not in f.raw:
                f.name = "国内生产总值"
    return report, origin


# The closing formula of a notice, a letter or a request: such a text is no work report.
_SPEECH_TITLE = re.compile(r"(会议|大会|座谈会|仪式|活动)上的(讲话|致辞|发言|主持词)$|^在.{2,30}上的(讲话|致辞|发言)$")
_OTHER_DOCUMENT = re.compile(r"^(特此通知|特此公告|特此通报|特此函告|特此报告|特此批复|此复|妥否，请批示)[。！]?$")


def _review_like(chapters: list[Chapter]) -> bool:
    """Slogan-titled chapters that read as a report's review (figures of a past year)."""
    return any(_classify(ch, None) == "review" for ch in chapters if ch.title)


def _is_targets_lead(text: str) -> bool:
    return bool(_TARGETS_MARK.search(text))


_STRONG_MARK = re.compile(r"主要预期目标|主要目标|预期目标|努力目标|奋斗目标")


def _targets(report: Report) -> list[Figure]:
    return _targets_read(report)[0]


def _targets_read(report: Report) -> tuple[list[Figure], list[str]]:
    """The main-expected-targets passage: one sentence, several, or a lead-in and a list.
    The named marks ("主要预期目标") are looked for first, a bare "目标是" only after.
    Also the clauses of the targets sentence (and its list) that state a number but could
    not be read as a figure."""
    for mark in (_STRONG_MARK, _TARGETS_MARK):
        unread: list[str] = []
        figs = _targets_by(report, mark, unread)
        if figs:
            return figs, unread
    return [], []


def _targets_by(report: Report, mark: re.Pattern[str], unread: list[str] | None = None) -> list[Figure]:
    for ci, si, pi, para in report.paragraphs():
        text = para.full_text
        m = mark.search(text)
        if not m or chapter_is_review(report.chapters[ci]):
            continue
        if ci == 0 and report.chapters[0].title is None and len(report.chapters) > 1:
            continue  # the opening before the first chapter states no targets
        passage = text[max(0, text.rfind("。", 0, m.start()) + 1):]
        figs = figures_in(passage)
        # What the targets sentence itself states but does not read (the passage may go on
        # into other sentences, which are not targets).
        missed: list[str] = []
        figures_in(passage.split("。", 1)[0], unread=missed)
        # A lead-in line followed by a list: read on while the next paragraphs open with figures.
        paras = report.chapters[ci].paragraphs if si is None else report.chapters[ci].sections[si].paragraphs
        lead_in = not figs or passage.rstrip().endswith(("：", ":"))
        for nxt in paras[pi + 1:]:
            first = nxt.full_text.split("。", 1)[0]
            more_missed: list[str] = []
            more = figures_in(first if lead_in else nxt.full_text, unread=more_missed)
            if not more or (not lead_in and len(nxt.full_text) > 120):
                break
            figs.extend(more)
            missed.extend(more_missed)
        keyed = [f for f in figs if f.key]
        known = [f for f in figs if f.growth_pct is not None or f.value is not None]
        if keyed or len(known) >= 2:
            if unread is not None:
                unread.extend(missed)
            return _unique_by_key(figs)
    return []


def _results(report: Report) -> list[Figure]:
    from .review import results_from  # the review chapter's reader lives with the checks
    return results_from(report)


def read_detailed(lines: list[Line], *, name: str = "", place: str | None = None,
                  year: int | None = None) -> list[tuple[Report, Origin]]:
    """All reports in the lines (a compilation gives many) with where place and year came
    from; commitments derived. `name` is the file's name, a last source of place and year."""
    hints = Hints()
    cleaned = _join_split_titles(clean_lines(lines, hints))
    blocks = split_reports(cleaned)
    if len(blocks) == 1:
        hints_from_name(name, hints)
    out = []
    for block in blocks:
        got = read_block(block, hints, place=place, year=year)
        if got is None:
            continue
        report, origin = got
        for f in (*report.targets, *report.results):
            f.key = f.key or lookup(f.name)
        out.append((sync(report), origin))
    return out


def read_lines(lines: list[Line], *, name: str = "", place: str | None = None,
               year: int | None = None) -> list[Report]:
    return [r for r, _ in read_detailed(lines, name=name, place=place, year=year)]
