"""A report's structure from its lines: chapters, sections, bold-lead bullets, which chapter
reviews and which plans; `read_lines` and `read_detailed` put a whole report together."""

from __future__ import annotations

import re

from workbench import strings as S
from workbench.document.catalog import lookup
from workbench.document.commitments import is_review_chapter, sync
from workbench.document.figures import Figure
from workbench.document.model import Chapter, Meta, Paragraph, Report, Section
from workbench.reading.lines import _SENTENCE_END, Hints, Line, Origin, clean_lines, is_furniture, join_preview_chunks
from workbench.reading.targets import _STRONG_MARK, _targets, _targets_read
from workbench.reading.titleblock import _MEETING_DATE, _PLACE_ORDER, _PLAN_YEAR, _REVIEW_YEAR, _SALUTATION, _SPEAKER, _TARGETS_YEAR, _YEAR_ORDER, _choose, _Found, _is_meeting, _is_title, _join_split_titles, _meeting_parts, _opening, _speaker_place, _title_parts, hints_from_name, split_reports

_CN_NUM = "一二三四五六七八九十"


_CHAPTER_NUM = re.compile(rf"^([{_CN_NUM}]{{1,3}})[、.．]\s*(.+)$")


_SECTION_NUM = re.compile(rf"^[（(]([{_CN_NUM}]{{1,3}})[）)]\s*(.+)$")


_UNNUMBERED_CHAPTER = re.compile(
    r"^((?:19|20)[\dX]{2}年|过去一年|过去五年|今年|过去的一年|“十[一二三四五六七八九]五”时期)?.{0,16}"
    r"(工作回顾|的回顾|工作安排|工作安排建议|安排建议|工作建议|工作总结|重点工作|主要工作|主要任务|目标任务|"
    r"工作任务|总体要求|政府自身建设|工作思路)$")


_SENTENCE = re.compile(r"^(.+?[。！？])")


_ORDINAL_HEADING = re.compile(rf"^[{_CN_NUM}]{{1,3}}是(.{{4,}})$")


# An ordinal (一是, 第一，) or a dash of a parallel run ("——经济总体回升向好。", "——现代化产业
# 体系建设取得重要进展。"): such a first sentence is a lead at any length a line holds.
_ORDINAL_LEAD = re.compile(rf"^(?:[{_CN_NUM}]是|第[{_CN_NUM}]，|——(?!\s*(?:19|20)\d\d年|在))")


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
    # "…解读政府工作报告要点之一：2022年工作回顾": a part heading whose words after the colon are
    # a chapter's title.
    head, colon, tail = line.text.rpartition("：")
    if colon and len(line.text) <= 50 and head and not _SENTENCE_END.search(line.text) \
            and len(tail) <= 20 and _UNNUMBERED_CHAPTER.match(tail):
        return tail
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


# "2022年主要工作和成效", "2023年工作成绩": a title for the year under review alone, or one that
# names what was achieved, reviews it although 主要工作 would otherwise read as a plan.
_ACHIEVED_TITLE = re.compile(r"成效|成绩|成就|完成情况")


def _past_year_title(title: str | None, year: int | None) -> bool:
    if not title or is_review_chapter(title):
        return False
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", title)}
    if _ACHIEVED_TITLE.search(title) and not re.search(r"打算|安排|计划|思路|目标", title):
        return not years or year is None or max(years) < year
    return year is not None and years == {year - 1} and not re.search(r"打算|安排|计划|思路|目标|任务|展望", title)


def classify_chapters(report: Report, origin: Origin) -> None:
    """Mark chapters whose title does not say whether they review or plan."""
    for n, ch in enumerate(report.chapters, start=1):
        if _past_year_title(ch.title, report.year or None):
            ch.kind = "review"
            continue
        if is_review_chapter(ch.title) or (ch.title and _PLAN_TITLE.search(ch.title)):
            continue
        if ch.title and re.search(r"自身建设|总体要求|指导思想", ch.title):
            continue
        kind = _classify(ch, report.year or None)
        ch.kind = kind
        opening = n == 1 and not ch.title and len(report.chapters) > 1
        if kind is None and (ch.paragraphs or ch.sections) and not opening:
            origin.warnings.append(S.IMPORT_WARN_KIND.format(n=n, title=ch.title or S.IMPORT_UNTITLED))


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


# "一、2023年工作回顾 2023年是…": a chapter heading that runs into its first paragraph after a space
# (a page that lost its line breaks).
_RUN_IN_CHAPTER = re.compile(rf"^(?P<head>[{_CN_NUM}]{{1,3}}、\s*\S{{2,24}}?)[ 　]+(?P<rest>\S.{{8,}})$")


def _split_run_in_chapters(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        m = _RUN_IN_CHAPTER.match(line.text) if line.level is None else None
        if m and _UNNUMBERED_CHAPTER.match(_CHAPTER_NUM.match(m.group("head")).group(2).strip()):
            out.append(Line(m.group("head"), blank_before=line.blank_before))
            out.append(Line(m.group("rest"), bold=list(line.bold)))
            continue
        out.append(line)
    return out


def _is_heading(line: Line) -> bool:
    return (_is_title(line) or _chapter_title(line) is not None or _section_title_line(line)
            or _is_meeting(line.text))


def _section_title_line(line: Line) -> bool:
    m = _SECTION_NUM.match(line.text)
    return bool(m) and len(line.text) <= 60 and not _SENTENCE_END.search(line.text.rstrip("。"))


# "定稿" said in the title block: alone on a line, in brackets, or after the title ("…报告（定稿）").
_FINAL_MARK = re.compile(r"^[（(【\[〔]?\s*定\s*稿\s*[）)】\]〕]?$|[（(【〔]\s*定\s*稿\s*[）)】〕]")
_MARK_LINE = re.compile(r"[（(【\[〔]?\s*(?:定|送审|征求意见|讨论|修改|审议)\s*稿\s*[）)】\]〕]?")


def _status_said(lines: list[Line]) -> str:
    """An imported report is a draft (草稿) unless its title block says 定稿."""
    return "final" if any(_FINAL_MARK.search(ln.text.strip()) for ln in lines[:12]) else "draft"


def read_block(lines: list[Line], hints: Hints | None = None, *,
               place: str | None = None, year: int | None = None) -> tuple[Report, Origin] | None:
    """One report from its lines, or None when there is no report in them."""
    hints = hints or Hints()
    status = _status_said(lines)
    # A line that only marks the draft's stage ("（定稿）", "征求意见稿") is not the report's text.
    lines = [ln for k, ln in enumerate(lines) if k >= 12 or not _MARK_LINE.fullmatch(ln.text.strip())]
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
        elif meta.meeting and not meta.speaker and _BARE_NAME.fullmatch(text):
            meta.speaker = text  # "于 亮" under the meeting line: the speaker without a role
        elif meta.meeting and _DATE_LINE.fullmatch(text):
            if not meta.date:
                meta.date = _MEETING_DATE.search(text).group()
                found.year(int(meta.date[:4]) + (1 if "年12月" in meta.date else 0), S.SOURCE_MEETING)
        elif (not meta.title and not meta.meeting and i < 3 and i + 1 < len(lines)
              and _DAMAGED_TITLE.search(text) and _is_meeting(lines[i + 1].text)):
            # "（浙江？。？025年某市人民政府政府工作报告" over the meeting line: a title a site's
            # encoding damaged. What follows the damage is the title.
            meta.title = _DAMAGED_TITLE.search(text).group("title")
        else:
            break
        i += 1
    chapters: list[Chapter] = []
    body_lines = _join_paragraph_lines(_split_run_in_chapters(lines[i:]))
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
    report = Report(place="", year=0, meta=meta, chapters=chapters, status=status)
    report.targets = _targets(report)
    has_sections = any(s.paragraphs for c in chapters for s in c.sections)
    salutation = any(_SALUTATION.match(ln.text) for ln in lines[:40])
    report_chapters = any(is_review_chapter(ch.title) or (ch.title and _PLAN_TITLE.search(ch.title))
                          for ch in chapters)
    leads = sum(1 for *_, p in report.paragraphs() if p.lead)
    other_document = any(_OTHER_DOCUMENT.search(ln.text) for ln in lines[-12:])
    speech = not meta.title and any(_SPEECH_TITLE.search(ln.text) for ln in lines[:6])
    news = any(_NEWS_FRAME.search(ln.text) for ln in lines[:12])
    fragment = not report.targets and (_review_fragment(chapters) or (news and _quotes_results(chapters)))
    if not chapters or speech or other_document and not (meta.title or meta.meeting or report.targets):
        return None
    if not (meta.title or meta.meeting or opening or report.targets or salutation or report_chapters
            or (has_sections and leads >= 2) or (any(ch.title for ch in chapters) and _review_like(chapters))
            or fragment):
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
        t = _TARGETS_YEAR.search(para.full_text[:80]) or _TARGETS_OF_YEAR.search(para.full_text)
        if t:
            found.year(int(t.group(1)), S.SOURCE_TARGETS)
            break
    else:
        found.year(_year_opening_targets(report), S.SOURCE_TARGETS)
    for ln in lines[:8]:
        congress = _NEWS_MEETING.search(ln.text)
        if congress:
            # A news item's "…某市第十六届人民代表大会第五次会议开幕": the meeting names the place.
            found.place(congress.group("place"), S.SOURCE_MEETING)
            break
    if not (meta.title or meta.meeting or opening or salutation) and news:
        origin.warnings.append(S.IMPORT_WARN_NEWS)
        _drop_headline(chapters)
        _drop_bylines(chapters)
    found.place(hints.header_place, S.SOURCE_HEADER)
    found.year(hints.header_year, S.SOURCE_HEADER)
    found.year(hints.page_year, S.SOURCE_HEADER)
    found.place(hints.file_place, S.SOURCE_FILE)
    found.year(hints.file_year, S.SOURCE_FILE)
    if not found.places and not place:
        # Last: a county or city the text names only by its stem ("是柳林发展史上…").
        from workbench.reading.places import place_named_in

        named = place_named_in("\n".join(ln.text for ln in lines))
        if named:  # a listed place, as the text writes it (its stem may carry no 县/市)
            found.places.append((named, S.SOURCE_BODY))
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
    if chosen_place and chosen_place != "全国" and origin.place != S.SOURCE_FLAGS and hints.traditional:
        written = hints.as_written(chosen_place)
        if written != chosen_place:
            # The place as the text spells it: the report is the text's, as "包河" stays without 区.
            origin.warnings.append(S.IMPORT_WARN_TRADITIONAL_PLACE.format(place=written, simplified=chosen_place))
            chosen_place = written
    report.place = chosen_place or ""
    report.year = chosen_year or 0
    if not meta.title and hints.header_place:
        meta.title = "政府工作报告"  # the page's header names this report
    if not meta.date and meta.meeting:
        d = _MEETING_DATE.search(meta.meeting)
        meta.date = d.group() if d else ""
    classify_chapters(report, origin)
    if fragment:
        chapters[0].kind = "review"  # it opens on the year under review, whatever else it says
    report.targets, unread = _targets_read(report)
    origin.warnings.extend(S.IMPORT_WARN_UNREAD_TARGET.format(clause=c) for c in unread)
    report.results = _results(report)
    from workbench.reading.results import unread_results

    origin.warnings.extend(S.IMPORT_WARN_UNREAD_RESULT.format(clause=c) for c in unread_results(report))
    if report.place == "全国":
        for f in (*report.targets, *report.results):
            if f.key == "gdp" and f.name == "地区生产总值" and "地区" not in f.raw:
                f.name = "国内生产总值"
    return report, origin


# A title line with a site's encoding damage ("？", "�") before its last part.
_DAMAGED_TITLE = re.compile(r"[?？\ufffd][^?？\ufffd]{0,3}?\d{0,3}年?(?P<title>[\u4e00-\u9fff]{2,40}工作报告)$")


def _drop_headline(chapters: list[Chapter]) -> None:
    """A news item's headline over its first paragraph ("某区：2022年生产总值增长8%以上"): the
    page's, not the report's words. A short first line with no sentence in it goes."""
    if not chapters or chapters[0].title is not None or len(chapters[0].paragraphs) < 2:
        return
    first = chapters[0].paragraphs[0]
    if not first.lead and len(first.text) <= 60 and not _HAS_SENTENCE.search(first.text):
        del chapters[0].paragraphs[0]


_HAS_SENTENCE = re.compile(r"[。！？!?]")

# A news item's dateline before its first sentence: "某网1月11日讯（某报记者 某某）",
# "新华社北京3月5日电", "本报讯（记者 某某）".
_DATELINE_LEAD = re.compile(r"^(?:[\u4e00-\u9fff·]{1,14}?\d{1,2}月\d{1,2}日(?:电|讯)|[\u4e00-\u9fff]{1,8}讯)"
                            r"(?:[（(][^（()）]{0,40}[）)])?\s*")
# A byline after a news item's last sentence: "（某县融媒体中心）", "（记者 某某）", "（某某）".
_BYLINE_TAIL = re.compile(r"(?<=[。！？”])\s*[（(](?:[^（()）]{0,24}(?:融媒体中心|记者|通讯员|编辑|报道组|新闻中心|"
                          r"供稿|来源)[^（()）]{0,24}|[\u4e00-\u9fff]{2,4}(?:[ 、,，][\u4e00-\u9fff]{2,4})*)[）)]$")


def _drop_bylines(chapters: list[Chapter]) -> None:
    """A news item's dateline before its first sentence and its byline after each paragraph:
    the newspaper's words, not the report's."""
    paragraphs = [p for ch in chapters for p in (*ch.paragraphs, *(q for sec in ch.sections for q in sec.paragraphs))]
    if paragraphs and not paragraphs[0].lead:
        lead = _DATELINE_LEAD.match(paragraphs[0].text)
        if lead and len(paragraphs[0].text) > lead.end() + 4:
            paragraphs[0].text = paragraphs[0].text[lead.end():]
    for p in paragraphs:
        tail = _BYLINE_TAIL.search(p.text)
        if tail:
            p.text = p.text[:tail.start()]


# "2025年是“十四五”规划的收官之年": the plan part's opening names the year it plans.
_YEAR_IS = re.compile(r"^((?:19|20)\d\d)年(?:，|,)?是")
# A passage that states targets ("主要预期目标是：", "努力目标为"), not one that tells they were met.
_STATES_TARGETS = re.compile(r"(?:主要预期目标|主要目标|预期目标|努力目标|奋斗目标)(?:[^，。；：:\d]{0,8}?(?:是|为))?[：:]|"
                             r"(?:主要预期目标|主要目标|预期目标|努力目标|奋斗目标)[^，。；：:\d]{0,8}?(?:是|为)")


def _year_opening_targets(report: Report) -> int | None:
    """The year of a targets passage that names none ("主要预期目标是：…"), from the "N年是…之年"
    paragraph a few paragraphs before it, outside the review; None when there is no such pair."""
    opening: tuple[int, int] | None = None  # (paragraph number, year)
    for n, (ci, _si, _pi, para) in enumerate(report.paragraphs()):
        if is_review_chapter(report.chapters[ci].title):
            opening = None
            continue
        m = _YEAR_IS.match(para.full_text)
        if m:
            opening = (n, int(m.group(1)))
        if opening and n - opening[0] <= 3 and _STATES_TARGETS.search(para.full_text):
            return opening[1]
    return None


# A speaker's name alone ("于 亮", "张建国"), and a date alone ("（2024年12月23日）"), in a title block.
_BARE_NAME = re.compile(r"[\u4e00-\u9fff](?:[ 　]?[\u4e00-\u9fff]){1,3}")
_DATE_LINE = re.compile(r"[（(]?(?:19|20)\d\d年\d{1,2}月\d{1,2}日[）)]?")


_NEWS_MEETING = re.compile(r"(?:^|[，,。日午晚])(?P<place>[\u4e00-\u9fff]{2,14}?)第[一二三四五六七八九十\d]+届人民代表大会"
                           r"第[一二三四五六七八九十\d]+次会议")


# How a news item tells of a report: the congress opening, "报告指出", "在报告中提出".
_NEWS_FRAME = re.compile(r"人民代表大会第[一二三四五六七八九十\d]+次会议(?:在.{1,20})?(?:开幕|召开|举行)|"
                         r"(?:报告|在报告中)(?:指出|提出|显示|明确|强调)[，,：:]|作《政府工作报告》(?:时|[，,。])|在作政府工作报告时")


# The closing formula of a notice, a letter or a request: such a text is no work report.
_SPEECH_TITLE = re.compile(r"(会议|大会|座谈会|仪式|活动)上的(讲话|致辞|发言|主持词)$|^在.{2,30}上的(讲话|致辞|发言)$")


_OTHER_DOCUMENT = re.compile(r"^(特此通知|特此公告|特此通报|特此函告|特此报告|特此批复|此复|妥否，请批示)[。！]?$")


def _review_like(chapters: list[Chapter]) -> bool:
    """Slogan-titled chapters that read as a report's review (figures of a past year)."""
    return any(_classify(ch, None) == "review" for ch in chapters if ch.title)


def _review_fragment(chapters: list[Chapter]) -> bool:
    """A page that starts inside a review (no title, no chapter heading): it opens on the year
    under review and states at least one headline result."""
    from workbench.reading.results import results_in

    if len(chapters) != 1 or chapters[0].title:
        return False
    paras = [p for *_, p in Report(place="", year=0, chapters=chapters).paragraphs()]
    if not any(_REVIEW_OPENING.match(p.full_text) for p in paras[:3]):
        return False
    return any(results_in(p.full_text) for p in paras)


# Deeper in a paragraph (a news item's), only the year's own passage: "2023年经济社会发展的主要预期目标是：".
_TARGETS_OF_YEAR = re.compile(r"((?:19|20)\d\d)年(?:[\u4e00-\u9fff]{0,4}经济社会发展的?|全?[省市县区镇乡]?)?"
                              r"(?:主要预期目标|主要目标|预期目标)(?:是|为|[：:])")


def _quotes_results(chapters: list[Chapter]) -> bool:
    """A news item's paragraphs state the review's results in its own words: a statement of
    two headline results at least."""
    from workbench.reading.results import results_in

    paras = [p for *_, p in Report(place="", year=0, chapters=chapters).paragraphs()]
    return any(len(results_in(p.full_text)) >= 2 for p in paras[:40])


# How a review's first paragraphs open: "2022年，面对…", "2024年是…", "一年来，…", "过去一年，…".
_REVIEW_OPENING = re.compile(r"^(?:(?:19|20)\d\d年(?:[，,]|是)|一年来|过去一年|过去的一年)")


def _results(report: Report) -> list[Figure]:
    from workbench.reading.results import (
        results_from,  # the review chapter's reader lives with the checks
    )
    return results_from(report)


# Where a text that lost its line breaks had them: before the salutation, a chapter or section
# number after a sentence end or a space, the meeting line's dash, after the title.
_STRUCTURE_BREAK = re.compile(
    rf"(?<=[。！？；：\s])(?=各位代表[：:，,！!]|[{_CN_NUM}]{{1,3}}、\S|[（(][{_CN_NUM}]{{1,3}}[）)]\S)"
    r"|(?<=\S)\s*(?=——\s*(?:(?:19|20)\d\d年|在))"
    r"|(?<=政府工作报告)\s+(?=\S)|(?<=政府工作报告)(?=各位代表[：:，,])"
    r"|(?<=[。！？])(?=[^。！？，：:]{2,30}?政府工作报告(?:各位代表|\s|$))"
    r"|(?<=回顾|总结)(?=(?:19|20)\d\d年(?:是|[，,])|刚刚过去的|过去的?一年|一年来)"
    r"|(?<=会议上)\s*(?=\S)(?!的)"
    r"|(?<=各位代表[：:])")
_LONG_LINE = 300
_SHORT_TEXT = 120


def _split_long_lines(lines: list[Line]) -> list[Line]:
    """A text with (almost) no line breaks — title, salutation, chapters and body on one line —
    is cut at its structure marks. Texts with their own line breaks are left as they are."""
    total = sum(len(ln.text) for ln in lines)
    # A whole text on one or two lines is cut however short it is.
    long_line = _LONG_LINE if len(lines) > 3 else _SHORT_TEXT
    if total < long_line or max(len(ln.text) for ln in lines) * 2 < total:
        return lines
    out: list[Line] = []
    for line in lines:
        if len(line.text) <= long_line or line.level is not None:
            out.append(line)
            continue
        cuts = [0] + [m.start() for m in _STRUCTURE_BREAK.finditer(line.text) if m.start() > 0] + [len(line.text)]
        pieces = [line.text[a:b].strip() for a, b in zip(cuts, cuts[1:])]
        first = True
        for piece in pieces:
            if piece and not is_furniture(piece):  # a watermark run into the text is furniture too
                out.append(Line(piece, blank_before=line.blank_before if first else False))
                first = False
    return out


def read_detailed(lines: list[Line], *, name: str = "", place: str | None = None,
                  year: int | None = None) -> list[tuple[Report, Origin]]:
    """All reports in the lines (a compilation gives many) with where place and year came
    from; commitments derived. `name` is the file's name, a last source of place and year."""
    hints = Hints()
    cleaned = _join_split_titles(_split_long_lines(join_preview_chunks(clean_lines(lines, hints))))
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
        for before, count in hints.elided:
            origin.warnings.append(S.IMPORT_WARN_ELIDED.format(before=before, count=count or S.IMPORT_ELIDED_SOME))
        out.append((sync(report), origin))
    return _one_per_place_year(out)


def _one_per_place_year(out: list[tuple[Report, Origin]]) -> list[tuple[Report, Origin]]:
    """Blocks of one file that read as the same place and year (a page header or a forum post's
    title above the report) are one report: the longest is kept, never one silently over another."""
    if len(out) < 2:
        return out
    kept: dict[tuple[str, int], int] = {}
    result: list[tuple[Report, Origin] | None] = []
    for report, origin in out:
        ident = (report.place, report.year)
        if not (report.place and report.year) or ident not in kept:
            if report.place and report.year:
                kept[ident] = len(result)
            result.append((report, origin))
            continue
        at = kept[ident]
        other = result[at]
        if report.text_length() > other[0].text_length():
            result[at] = (report, origin)
    return [r for r in result if r is not None]


def read_lines(lines: list[Line], *, name: str = "", place: str | None = None,
               year: int | None = None) -> list[Report]:
    return [r for r, _ in read_detailed(lines, name=name, place=place, year=year)]
