"""Read report documents out of lines of text: a report pasted from a government website,
a plain .txt, the paragraphs of someone else's .docx, or a compilation of many reports.

Finds the title block, place and year, chapters and sections (numbered or not), bullet
leads, the main-expected-targets passage in its many shapes, the review chapter's
results, and drops web-page furniture. Never raises on odd text: what it cannot read it
leaves as plain paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import lookup
from .commitments import is_review_chapter, sync
from .figures import Figure, FigureError, parse_figure
from .model import Chapter, Meta, Paragraph, Report, Section


@dataclass
class Line:
    """One paragraph of input with what its source said of it (a .docx knows more)."""

    text: str
    level: int | None = None      # 1 chapter, 2 section, from a style or outline level
    lead: str | None = None       # a bold first run
    title: bool = False           # styled as the document title


# ------------------------------------------------------------ noise

_NOISE_LINE = re.compile(
    r"^(来源|来源于|发布时间|发布日期|发布机构|信息来源|作者|编辑|责任编辑|浏览次数|阅读次数|访问量|字号|【字体|"
    r"分享到|分享|扫一扫|打印本页|打印|关闭窗口|关闭|返回顶部|上一篇|下一篇|上一页|下一页|相关链接|"
    r"索引号|主题分类|文号|网站地图|版权所有|主办单位|承办|技术支持|联系我们|ICP)[:：\s]?.{0,80}$"
    r"|^共计?\s*\d+\s*个?字.{0,10}$|^第\s*\d+\s*页.{0,10}$|^\d+\s*/\s*\d+$|^【\s*(大|中|小)"
    r"|^[【\[]?(打印|关闭|收藏|纠错)[】\]]?(\s*[【\[]?(打印|关闭|收藏|纠错)[】\]]?)*$"
    r"|^.{0,20}(人民政府网|门户网站|政府网站|融媒体中心)$"
)
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|〔注\d{1,3}〕")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def clean_lines(raw: list[Line]) -> list[Line]:
    out = []
    for line in raw:
        text = _FOOTNOTE.sub("", line.text)
        text = _SPACES.sub(" ", text).strip()
        if not text or _NOISE_LINE.match(text):
            continue
        line.text = text
        if line.lead:
            line.lead = _FOOTNOTE.sub("", line.lead).strip() or None
        out.append(line)
    return out


# ------------------------------------------------------------ report boundaries

_TITLE = re.compile(r"^(?:(?P<year>(?:19|20)\d\d)年)?(?P<place>[\u4e00-\u9fff]{0,20}?)"
                    r"(?:人民政府)?政府工作报告$")
_MEETING = re.compile(r"^[—\-─]{1,3}.{0,80}(人民代表大会|人大|代表大会|议事会|代表会议).{0,30}上?$")
_MEETING_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_MEETING_PLACE = re.compile(r"在(.{1,20}?)第?[一二三四五六七八九十百\d]+届")
_SPEAKER = re.compile(r"^(.{0,24}?)(镇长|乡长|办事处主任|主任|县长|区长|市长|州长|省长|总理|代县长|代区长|代市长|代镇长)"
                      r"[\s　]*[\u4e00-\u9fff·]{1,5}$")
_SALUTATION = re.compile(r"^各位代表[：:，,]?$|^各位代表、各位同志[：:]?$")


def _is_title(line: Line) -> bool:
    return line.title or bool(_TITLE.match(line.text.replace(" ", "")))


def split_reports(lines: list[Line]) -> list[list[Line]]:
    """A compilation's lines -> one block per report, cut at each title line."""
    starts = [i for i, ln in enumerate(lines) if _is_title(ln)]
    if not starts:
        return [lines] if lines else []
    blocks = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        blocks.append(lines[s:end])
    return blocks


# ------------------------------------------------------------ structure

_CN_NUM = "一二三四五六七八九十"
_CHAPTER_NUM = re.compile(rf"^([{_CN_NUM}]{{1,3}})[、.．]\s*(.+)$")
_SECTION_NUM = re.compile(rf"^[（(]([{_CN_NUM}]{{1,3}})[）)]\s*(.+)$")
_UNNUMBERED_CHAPTER = re.compile(
    r"^((?:19|20)\d\d年|过去一年|过去五年|今年|过去的一年)?.{0,12}(工作回顾|工作安排|工作总结|重点工作|主要任务|"
    r"目标任务|总体要求|政府自身建设)$")
_SENTENCE = re.compile(r"^(.+?[。！？])")
_ORDINAL_LEAD = re.compile(rf"^(?:[{_CN_NUM}]是|第[{_CN_NUM}]，)")


def _chapter_title(line: Line) -> str | None:
    if line.level == 1:
        m = _CHAPTER_NUM.match(line.text)
        return m.group(2).strip() if m else line.text
    if line.level is not None:
        return None
    m = _CHAPTER_NUM.match(line.text)
    if m and len(m.group(2)) <= 40 and not m.group(2).endswith(("。", "；")):
        return m.group(2).strip()
    if len(line.text) <= 20 and _UNNUMBERED_CHAPTER.match(line.text):
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
        return None
    body = m.group(2).strip()
    first = _SENTENCE.match(body)
    if first and len(first.group(1)) <= 40 and len(body) > len(first.group(1)):
        return first.group(1).rstrip("。！？"), body[first.end():].strip()
    if len(body) <= 40:
        return body.rstrip("。"), ""
    return None


def split_lead(text: str, *, in_section: bool) -> tuple[str | None, str]:
    """A short first sentence that works as a bold lead ("着力稳住工业基本盘。"), or an ordinal."""
    m = _SENTENCE.match(text)
    if not m:
        return None, text
    first, rest = m.group(1), text[m.end():]
    limit = 30 if _ORDINAL_LEAD.match(first) else (20 if in_section else 12)
    if len(first) <= limit and len(rest) >= 8 and not re.search(r"\d", first) \
            and "，" not in first[:-1]:
        return first, rest
    return None, text


# ------------------------------------------------------------ figures in text

_TARGETS_MARK = re.compile(r"主要预期目标|主要目标|预期目标")
_NAME_START = re.compile(r"^[\u4e00-\u9fffA-Z]")
_CONT = ("增长", "增速", "同比增长", "下降", "降低", "减少", "提高", "上升", "力争", "左右", "以上",
         "以内", "与", "同步", "涨幅")


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


_LEADING_WORDS = re.compile(r"^(全镇|全街|全乡|全县|全区|全市|全省|全国|全年|今年|累计|完成|实现|其中|力争|确保|预计)+")
_RESPECTIVELY = re.compile(r"^(?P<names>.+?)分别(?P<verb>增长|下降|提高|达到)(?P<values>.+)$")


def _respectively(chunk: str) -> list[Figure] | None:
    """"规上工业增加值、固定资产投资分别增长8%和10%" -> one figure per indicator."""
    m = _RESPECTIVELY.match(chunk)
    if not m:
        return None
    names = [n for n in re.split(r"[、和及与]", m.group("names")) if n]
    values = [v for v in re.split(r"[、和及与]", m.group("values")) if v]
    if len(names) != len(values):
        return None
    verb = m.group("verb")
    out = []
    for name, value in zip(names, values):
        text = f"{name}{verb}{value}" if verb != "达到" else f"{name}{value}"
        try:
            out.append(parse_figure(text))
        except FigureError:
            return None
    return out


def figures_in(passage: str, *, need_key: bool = False) -> list[Figure]:
    """Every figure stated in a passage of targets or results."""
    found: list[Figure] = []
    clauses = [c for c in re.split(r"[；;。\n]", passage) if c.strip()]
    for clause in clauses:
        clause = clause.strip()
        clause = re.sub(r"^.*?(主要预期目标|主要目标|预期目标)(是|为)?[：:]?", "", clause)
        resp = _respectively(_LEADING_WORDS.sub("", clause))
        if resp is not None:
            found.extend(f for f in resp if f.key or not need_key)
            continue
        for chunk in _pieces(clause):
            chunk = _LEADING_WORDS.sub("", chunk)
            if len(chunk) < 4:
                continue
            try:
                fig = parse_figure(chunk)
            except FigureError:
                continue
            if len(re.findall(r"[\u4e00-\u9fff]", fig.name)) < 2:
                continue
            if need_key and fig.key is None:
                continue
            found.append(fig)
    return found


def _unique_by_key(figs: list[Figure]) -> list[Figure]:
    seen, out = set(), []
    for f in figs:
        ident = f.key or f.name
        if ident in seen:
            continue
        seen.add(ident)
        out.append(f)
    return out


# ------------------------------------------------------------ one report

def place_from(meta: Meta, title_place: str) -> str:
    if title_place:
        return title_place
    m = _MEETING_PLACE.search(meta.meeting)
    if m:
        place = m.group(1)
        return "全国" if place in ("第", "全国") else place
    if "全国人民代表大会" in meta.meeting:
        return "全国"
    m = _SPEAKER.match(meta.speaker.replace(" ", ""))
    if m and m.group(1):
        return m.group(1)
    return ""


def year_from(meta: Meta, title_year: str | None, chapters: list[Chapter]) -> int | None:
    if title_year:
        return int(title_year)
    m = _MEETING_DATE.search(meta.meeting)
    if m:
        return int(m.group(1))
    for ch in chapters:
        if ch.title:
            y = re.search(r"((?:19|20)\d\d)年", ch.title)
            if y:
                return int(y.group(1)) + (1 if is_review_chapter(ch.title) else 0)
    return None


def read_block(lines: list[Line]) -> Report | None:
    """One report from its lines, or None when there is no report in them."""
    meta = Meta(title="", meeting="", date="", speaker="")
    title_place, title_year = "", None
    i = 0
    # Title block: title, meeting line, speaker, salutation, in the first few lines.
    while i < len(lines) and i < 8:
        text = lines[i].text.replace(" ", "") if _is_title(lines[i]) else lines[i].text
        m = _TITLE.match(text)
        if m and not meta.title:
            meta.title = "政府工作报告"
            title_place, title_year = m.group("place") or "", m.group("year")
        elif _MEETING.match(text) and not meta.meeting:
            meta.meeting = "——" + text.lstrip("—-─ ")
        elif _SPEAKER.match(text.replace(" ", "")) and not meta.speaker and len(text) <= 30:
            meta.speaker = text
        elif _SALUTATION.match(text):
            pass
        elif meta.title or meta.meeting:
            break
        else:
            break
        i += 1
    m = _MEETING_DATE.search(meta.meeting)
    if m:
        meta.date = m.group()
    chapters: list[Chapter] = []
    for line in lines[i:]:
        if _SALUTATION.match(line.text):
            continue
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
            para = Paragraph(lead=line.lead, text=line.text[len(line.lead):])
        else:
            lead, text = split_lead(line.text, in_section=in_section)
            para = Paragraph(lead=lead, text=text)
        (ch.sections[-1].paragraphs if in_section else ch.paragraphs).append(para)
    if not chapters or not (meta.title or meta.meeting or any(ch.title for ch in chapters)):
        return None
    place = place_from(meta, title_place)
    year = year_from(meta, title_year, chapters)
    report = Report(place=place or "", year=year or 0, meta=meta, chapters=chapters, status="final")
    report.targets = _targets(report)
    report.results = _results(report)
    return report


def _targets(report: Report) -> list[Figure]:
    """The main-expected-targets passage: one sentence, several, or a lead-in and a list."""
    for ci, si, pi, para in report.paragraphs():
        text = para.full_text
        m = _TARGETS_MARK.search(text)
        if not m or is_review_chapter(report.chapters[ci].title):
            continue
        passage = text[m.start():]
        figs = figures_in(passage)
        # A lead-in line followed by a list: read on while the next paragraphs are figures.
        paras = report.chapters[ci].paragraphs if si is None else report.chapters[ci].sections[si].paragraphs
        for nxt in paras[pi + 1:]:
            more = figures_in(nxt.full_text)
            if not more or len(nxt.full_text) > 120:
                break
            figs.extend(more)
        if figs:
            return _unique_by_key(figs)
    return []


def _results(report: Report) -> list[Figure]:
    from .review import results_from  # the review chapter's reader lives with the checks
    return results_from(report)


def read_lines(lines: list[Line]) -> list[Report]:
    """All reports in the lines (a compilation gives many), commitments derived."""
    reports = []
    for block in split_reports(clean_lines(lines)):
        report = read_block(block)
        if report is not None:
            for f in (*report.targets, *report.results):
                f.key = f.key or lookup(f.name)
            reports.append(sync(report))
    return reports
