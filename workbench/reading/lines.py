"""Text in as lines: a report's characters normalised (traditional to simplified, full-width
digits, stray dots), and the furniture of a web page (site names, pagers, share lines) dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.document.phrasing import full_width
from workbench.reading.places import valid_place


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
    page_year: int | None = None   # the year a page was published, from its dateline
    file_place: str = ""
    file_year: int | None = None
    # Where a site left text out ("……(…省略912字…)……"): the text just before each gap and
    # what the site said, so the import can say the report is incomplete there.
    elided: list[tuple[str, str]] = field(default_factory=list)
    # A text in traditional characters: each line as written beside its simplified reading, so a
    # name the reader found can be given back as the text spells it ("嘉興市", not "嘉兴市").
    traditional: list[tuple[str, str]] = field(default_factory=list)

    def as_written(self, name: str) -> str:
        """`name` (found in the simplified reading) as the text spells it; itself when the text
        is simplified or the spelling cannot be lined up character for character."""
        for written, read in self.traditional:
            at = read.find(name)
            if at >= 0 and len(written) == len(read):
                return written[at:at + len(name)]
        return name


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


_FULL_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")


_CJK = "\u4e00-\u9fff"


_CJK_CHAR = re.compile(f"[{_CJK}]")


_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff）”》%])\.(?=[\u4e00-\u9fff“（《]|\s*$)|(?<=\d)\.(?=[\u4e00-\u9fff“（《])")


_FULL_DOT = re.compile(r"(?<=\d)．(?=\d)")


_SPACED_UNIT = re.compile(r"(?<=\d) +(?=万亿元|亿元|万元|元|万人|%|个百分点)")
_SPACED_DOT = re.compile(r"(?<=\d) +[.．] *(?=\d)|(?<=\d)[.．] +(?=\d)")


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


def simplified(text: str) -> str:
    """`text` in simplified characters (itself when the converter is missing)."""
    converter = _t2s()
    return converter.convert(text) if converter is not None else text


def _t2s():
    if not _CONVERTER:
        try:
            import opencc  # a well-kept dictionary of traditional -> simplified phrases
            _CONVERTER.append(opencc.OpenCC("t2s"))
        except Exception:  # the library missing or its data unreadable: keep the text as is
            _CONVERTER.append(None)
    return _CONVERTER[0]


# A pinyin gloss a mirror site puts after a character: "地區(qū)", "固定资产（chǎn）投资".
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[（(](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[）)]")


def normalise(text: str) -> str:
    """One line as the rest of the reader expects it: simplified characters, half-width
    digits, Chinese punctuation in Chinese text, no zero-width characters, no pinyin glosses."""
    text = _PINYIN_GLOSS.sub("", _ZERO_WIDTH.sub("", text)).translate(_FULL_DIGITS)
    text = _FULL_DOT.sub(".", text)
    if " " in text:
        text = _SPACED_DOT.sub(".", text)  # "6 . 5%": a number a site spaced out
        text = _SPACED_UNIT.sub("", text)  # "5.67 万亿元": a line the site wrapped inside a figure
    if _CJK_CHAR.search(text):
        text = full_width(text)  # the exporter's own rule, so import and export agree
        text = _ITEM_NUMBER.sub(r"\1\2．", text)
        text = _HALF_STOP.sub("。", text)
    return text


# A site's "……(…省略912字…)……": the text has a gap there, so the gap stays marked.
_ELISION = re.compile(r"……[（(][^）)]{0,80}(省略|会员|登录)[^）)]{0,80}[）)]……")
_ELIDED_COUNT = re.compile(r"\d+\s*字")


# Pieces of page furniture that can sit anywhere in a line.
_INLINE_FURNITURE = re.compile(
    r"……[（(][^）)]{0,80}(省略|会员|登录)[^）)]{0,80}[）)]……"
    r"|[（(][^）)]{0,40}(阅读全部|全文阅读|需要先登录|登录后|开通会员|正式会员)[^）)]{0,40}[）)]"
    r"|共计?\s*\d+\s*个?字[，,。]?|预计阅读时长\s*\d+\s*分钟[。.]?|阅读时长[:：]?\s*\d+\s*分钟[。.]?"
    r"|[（(]第\s*\d+\s*/\s*\d+\s*页[）)]|第\s*\d+\s*/\s*\d+\s*页|第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页"
    r"|(?<![\u4e00-\u9fff])(来源|稿源|信息来源)[:：]\s*[\u4e00-\u9fff\w—\-·]{2,20}?(?=\s|$|[|｜]|发布|作者|编辑|浏览)"
    r"|(网络|转载|原创|投稿)?\s*分享\s*时间[:：]?|加入收藏|微信扫码\S{0,10}|扫码(分享|领取|关注)\S{0,10}"
    r"|(发表|发布|更新|上传)?(时间|日期)[:：]\s*[\d/\-年月日:： ]{6,25}"
    r"|(?<![\u4e00-\u9fff])作者[:：]\s*\S{1,12}(?=\s|$)|(点击|阅读|浏览)(量|次数)?[:：]\s*(\d+次?)?(?=\s|$)"
    r"|浏览(次数|量)?[:：]\s*\d+|阅读(次数|量)?[:：]\s*\d+|点击(次数|量)?[:：]\s*\d+"
    r"|https?://[\w./\-?=&%#]+|www\.[\w./\-?=&%#]+"
)


_NOISE_LINE = re.compile(
    r"^(来源|来源于|稿源|发布时间|发布日期|发布机构|信息来源|作者|编辑|责任编辑|浏览次数|阅读次数|访问量|字号|"
    r"【字体|分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|上一条|下一条|上一则|下一则|上一页|下一页|相关链接|相关阅读|相关文章|"
    r"索引号|主题分类|发文字号|文号|成文日期|发文机关|网站地图|版权所有|主办单位|承办单位|技术支持|联系我们|ICP|"
    r"公开方式|公开范围|公开时限|文件编号|组配分类|生成日期|体裁分类|采写|摄影|摄像|记者|通讯员|校对|审核|审校|"
    r"监制|统筹|策划|制图|视频|责编|本期编辑|上传人|上传者|文档编号|文档格式|"
    r"您的位置|当前位置|所在位置|首页)\s*[:：>》|｜]"
    r"|^(分享|打印|关闭|收藏|纠错|举报|点赞|评论|领取福利|下载全文|下载文档|返回列表|返回首页|猜你喜欢|热门推荐|"
    r"相关推荐|推荐阅读|推荐内容|扫一扫|网络|转载|相关链接[:：]?|相关新闻|热点新闻|友情链接(?:\s*LINKS)?|资源描述|文档描述|文档介绍|内容简介|内容预览|"
    r"图片|配图|组图|视频|音频)$"
    r"|^\d+$|^\d+\s*/\s*\d+$|^【\s*(大|中|小)|^[—\-－]\s*\d{1,4}\s*[—\-－]$"
    r"|^[【\[]?(打印|关闭|收藏|纠错)[】\]]?(\s*[【\[]?(打印|关闭|收藏|纠错)[】\]]?)*$"
    r"|^.{0,20}(人民政府网|门户网站|政府网站|融媒体中心)$"
    r"|^[（(](资料图片|资料图|图片|配图|网络图片|视频截图|图片来源[^）)]{0,20})[）)]$"
    r"|^[（(](责编|编辑|责任编辑|记者|作者)[：:][^）)]{1,30}[）)]$|^分享让更多人看到$|^.{2,30}(报道组|编辑部|工作室)出品$"
    r"|^[-–·•●]\s*(?!.*(?:会议|届|人民代表大会))[^。！？]{2,40}$"
)


# Site notices, copyright and filing lines, pagers and link lists that no report contains.
_SITE_NOTICE = re.compile(
    r"仅供参考|请点击下载|点击下载|如需全文|免责声明|本站无关|版权归|如有侵权|侵权请联系|由用户上传|All Rights Reserved|"
    r"Copyright|©|ICP备|ICP证|备案号|公网安备|网站标识码|政府网站标识|主办单位|承办单位|(?<=[室厅局委府])主办(?=\s|$)|"
    r"许可协议|知识共享|CC BY|CC-BY|转载请注明|未经授权|禁止转载|公众@?号|整理汇总|免费预览|预览范围|预览已结束|剩余\d+页未读",
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
    r"相关文章|相关阅读|相关链接|相关推荐|推荐阅读|热门文章|分享到|分享|字体|字号|默认|[大中小]|相关|[（(]赏[）)]|"
    r"返回顶部|返回首页|返回列表|上一篇|下一篇|微信|微博|QQ空间|QQ|下载文档|下载|文档|全文|点赞|评论|")


def is_furniture(text: str) -> bool:
    """A whole line of page furniture: site name, breadcrumbs, metadata, counters, share lines."""
    if _NOISE_LINE.match(text) or _FILE_NAME.match(text):
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


# A document library's name of the file it previews ("2022年某镇政府工作报告.docx", "….docx_第3页").
_FILE_NAME = re.compile(r"^(?P<stem>[^。！？；，]{2,60}?)\.(?:docx?|wps|pdf|pptx?|txt)(?:_第\d+页)?$", re.IGNORECASE)


def _file_name_header(text: str) -> tuple[str, int] | None:
    """The place and year a previewed file's name gives ("2022年某镇政府工作报告.docx")."""
    m = _FILE_NAME.match(text)
    if not m:
        return None
    return _page_header(m.group("stem") + " |")


# A document library's preview: the text cut into numbered chunks ("1、…", "2、…") that run on
# from one to the next in mid-sentence.
_PREVIEW_CHUNK = re.compile(r"^(\d{1,2})、(?=\S)")
_PREVIEW_CHUNK_MIN = 120


def join_preview_chunks(lines: list[Line]) -> list[Line]:
    """Consecutive lines numbered 1、 2、 3、… that are long and run on from one to the next
    (one at least ends inside a sentence) lose their numbers, and a chunk that ends inside a
    sentence is joined to the next. Numbered items of a report end their sentences."""
    starts = [k for k, ln in enumerate(lines) if _PREVIEW_CHUNK.match(ln.text)]
    runs: list[list[int]] = []
    for k in starts:
        n = int(_PREVIEW_CHUNK.match(lines[k].text).group(1))
        if runs and n == int(_PREVIEW_CHUNK.match(lines[runs[-1][-1]].text).group(1)) + 1:
            runs[-1].append(k)
        elif n == 1:
            runs.append([k])
    chunks: set[int] = set()
    for run in runs:
        texts = [lines[k].text for k in run]
        if len(run) >= 2 and all(len(t) >= _PREVIEW_CHUNK_MIN for t in texts[:-1]) \
                and any(not _SENTENCE_END.search(t[-1]) for t in texts[:-1]):
            chunks.update(run)
    if not chunks:
        return lines
    out: list[Line] = []
    run_on = False
    for k, line in enumerate(lines):
        if k in chunks:
            text = _PREVIEW_CHUNK.sub("", line.text)
            if run_on and out:
                out[-1].text += text
            else:
                out.append(Line(text, blank_before=line.blank_before))
            run_on = not _SENTENCE_END.search(text[-1])
            continue
        run_on = False
        out.append(line)
    return out


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


_LINKS_HEADING = re.compile(r"^(推荐阅读|推荐内容|相关阅读|相关新闻|相关链接|相关文章|相关推荐|猜你喜欢|热门推荐|延伸阅读|热点推荐)[:：]?$")


_FOOTNOTE = re.compile(r"\[\d{1,3}\]|〔注\d{1,3}〕|\[注\s*\d{1,3}\]")


_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


_DATELINE = re.compile(r"^(?P<y>(?:19|20)\d\d)[年\-/.](?P<m>\d{1,2})[月\-/.]\d{1,2}日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
                       r"\s*(?:[|｜]\s*)?(?:(?:来源|稿源)[:：]\s*\S{1,20})?\s*[|｜]?$")


# A site's name at the top of its page: "某某县人民政府".
_SITE_NAME = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,12}?)人民政府$")
# A page's metadata field with its publication date: "日期:2022年01月24日", "发布时间：2023-02-24".
_PUBLISHED = re.compile(r"(?:日期|发布时间|发表时间|发布日期|更新时间|时间)[:：]\s*(?P<y>(?:19|20)\d\d)[年\-/.](?P<m>\d{1,2})[月\-/.]")


# A page's time stamp near its top, whatever label it carries: "编辑:某某2018-01-24 16:20".
_STAMP = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-\d{1,2}\s*\d{1,2}:\d{2}")


# A table of contents printed before a text: "目录", then numbered entries ending in page numbers.
_CONTENTS_HEAD = re.compile(r"^目\s*录[:：]?$")
_CONTENTS_ENTRY = re.compile(r"^\d{1,2}\s*[.．、]?\s*\S.{1,90}?\s+\d{1,3}$")


def drop_contents(lines: list[Line]) -> list[Line]:
    """A "目录" line and the entries under it, or three entries or more in a row (each a
    numbered title ending in its page number), are no part of the text."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        j = k + (1 if _CONTENTS_HEAD.match(lines[k].text) else 0)
        end = j
        while end < len(lines) and _CONTENTS_ENTRY.match(lines[end].text) \
                and not _SENTENCE_END.search(lines[end].text):
            end += 1
        if (j > k and end > j) or end - j >= 3:
            k = end
            continue
        out.append(lines[k])
        k += 1
    return out


def clean_lines(raw: list[Line], hints: Hints | None = None) -> list[Line]:
    """Normalised lines with the furniture gone; page headers feed `hints` on the way."""
    hints = hints if hints is not None else Hints()
    traditional = _is_traditional("".join(ln.text for ln in raw[:400]))
    out: list[Line] = []
    pending_blank = False
    links = False
    for line in raw:
        text = line.text
        if traditional:
            simplified = _t2s().convert(text)
            hints.traditional.append((text, simplified))
            text = simplified
            line.lead = _t2s().convert(line.lead) if line.lead else line.lead
            line.bold = [_t2s().convert(b) for b in line.bold]
        text = _SPACES.sub(" ", normalise(_FOOTNOTE.sub("", text))).strip()
        if not text:
            pending_blank = True
            continue
        dateline = _DATELINE.match(text)
        if dateline:
            # A news page's "2024年01月18日 09:30 |": furniture, and a year. A congress meets
            # early in the year its report is for; one published in December is for the next.
            y, m = int(dateline.group("y")), int(dateline.group("m"))
            hints.page_year = hints.page_year or (y + 1 if m == 12 else y)
            pending_blank = True
            continue
        if len(out) < 3 and not hints.header_place:
            site = _SITE_NAME.match(text)
            if site and valid_place(site.group("place")):
                # A government site's name over its page ("牟定县人民政府"): furniture, and a place.
                hints.header_place = site.group("place")
                pending_blank = True
                continue
        if len(out) < 15 and hints.page_year is None:
            published = _PUBLISHED.search(text) or (_STAMP.search(text) if len(out) < 5 else None)
            if published:
                y, m = int(published.group("y")), int(published.group("m"))
                hints.page_year = y + 1 if m == 12 else y
        header = _page_header(text) or _file_name_header(text)
        if header is not None:
            place, year = header
            hints.header_place = hints.header_place or place
            hints.header_year = hints.header_year or year
            pending_blank = True
            continue
        gap = _ELISION.search(text)
        if gap:
            before = text[:gap.start()].strip() or (out[-1].text if out else "")
            count = _ELIDED_COUNT.search(gap.group(0))
            tail = before[-20:]
            cut = max(tail.rfind(c) for c in "，。；：,;:")
            if 0 <= cut <= len(tail) - 5:
                tail = tail[cut + 1:]  # from the clause's start: "大力开展“消费提振年"
            hints.elided.append((tail, count.group(0) if count else ""))
        stripped = _ELISION.sub("……", text)
        stripped = _INLINE_FURNITURE.sub("", stripped).strip()
        if stripped != text:
            if _leftover_is_furniture(stripped):
                pending_blank = True
                continue
            text = _SPACES.sub(" ", stripped)
        if is_furniture(text):
            links = links or bool(_LINKS_HEADING.match(text))
            pending_blank = True
            continue
        if links and (text[:1] in "-–·•●" or (len(text) <= 40 and not _SENTENCE_END.search(text))):
            pending_blank = True
            continue  # an item of a "推荐阅读" list
        links = False
        line.text = text
        if line.lead:
            line.lead = normalise(_FOOTNOTE.sub("", line.lead)).strip() or None
            if line.lead and not line.text.startswith(line.lead):
                line.lead = None
        line.bold = [normalise(b) for b in line.bold]
        line.blank_before = line.blank_before or pending_blank
        pending_blank = False
        out.append(line)
    return drop_contents(out) if any(_CONTENTS_ENTRY.match(ln.text) for ln in out[:40]) else out


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


_CONVERTER: list = []
