"""The title block and where one report ends: title, meeting line, speaker, salutation, and the
place and year they name (also from a file name, a page header or the opening sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench import strings as S
from workbench.document.model import Meta
from workbench.reading.lines import _CJK, _SENTENCE_END, Hints, Line
from workbench.reading.places import valid_place

_NATIONAL = {"国务院": "全国", "中华人民共和国国务院": "全国", "中央人民政府": "全国", "全国": "全国"}


def lowest_unit(place: str) -> str:
    """"济南市历下区" -> "历下区", "江苏省南京市" -> "南京市": a place written with the units above
    it is kept by its own name (the report is that unit's)."""
    for m in re.finditer(r"[省市州盟]", place[:-1]):
        rest = place[m.end():]
        if len(rest) >= 3 and valid_place(rest) and not rest.startswith(("市", "区", "县")) or rest == "市中区":
            return lowest_unit(rest)
    # "巴南区木洞镇", "某县城关街道": a town written with its district or county above it.
    for m in re.finditer(r"[区县旗]", place[:-1]):
        rest = place[m.end():]
        if len(rest) >= 3 and re.search(r"(镇|乡|街道)$", rest) and valid_place(rest) \
                and valid_place(place[:m.end()]):
            return rest
    return place


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


# "某县政府工作报告", "关注两会|2023年某市政府工作报告(全文)", "某街道2023年上半年政府工作报告", and a
# town's "某街道2023年工作总结和2024年工作思路" (the plan's year is the report's year).
_TITLE = re.compile(r"^(?:[^|｜，。；！？]{1,12}[|｜])?(?P<pre>[^，。；：！？、|｜]{0,40}?)"
                    r"(?:政府工作报告|(?<=街道)办事处工作报告"
                    r"|(?:19|20)\d\d年度?工作总结和(?P<plan>(?:19|20)\d\d)年度?工作(?:思路|计划|安排|要点)"
                    # "某镇2024年度工作计划": a plan's own title (not "2024年工作安排", a chapter's).
                    r"|(?P<plan_only>(?:19|20)\d\d)年度?工作(?:计划|要点))"
                    r"(?:[（(](?:全文|摘要|摘登|文字实录)[）)])?[|｜]?$")


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


@dataclass
class _Found:
    """Place and year candidates with their sources, first found first."""

    places: list[tuple[str, str]] = field(default_factory=list)
    years: list[tuple[int, str]] = field(default_factory=list)

    def place(self, value: str, source: str) -> None:
        if value and valid_place(value):
            self.places.append((lowest_unit(value), source))

    def year(self, value: int | None, source: str) -> None:
        if value and 1949 <= value <= 2100:
            self.years.append((value, source))


_PLACE_ORDER = (S.SOURCE_TITLE, S.SOURCE_MEETING, S.SOURCE_OPENING, S.SOURCE_SPEAKER, S.SOURCE_HEADER,
                S.SOURCE_FILE, S.SOURCE_BODY)


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
    if m and (m.group("plan") or m.group("plan_only")):
        found.year(int(m.group("plan") or m.group("plan_only")), S.SOURCE_TITLE)
    y = re.search(r"((?:19|20)\d\d)年(?:度)?", pre)
    if y:
        found.year(int(y.group(1)), S.SOURCE_TITLE)
        # The place stands before the year ("某县2024年") or after it ("2024年某县");
        # "上半年" and the like after the year are the period, not the place.
        before, after = pre[: y.start()], re.sub(r"^(?:上半年|下半年|全年)", "", pre[y.end():])
        pre = before if _place_of(before) else after
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
