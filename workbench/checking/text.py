"""W4xx text rules: W401 text against the table, W402 numbering, W403 half-width punctuation,
W404 unbalanced pairs, W405 a year out of place, W406 an empty section, W407 no opening sentence,
W408 a year carried over from last year's report, W409 a sentence wrong about the Five-Year-Plan
calendar."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from workbench.checking.attainment import _names_for
from workbench.checking.findings import WARNING, Finding, Settings, _para_where
from workbench.document.commitments import chapter_is_review
from workbench.document.figures import (
    AT_LEAST, AT_MOST, QUALIFIER_DIRECTION, Figure, comparable, convert, find_mentions,
    format_number, format_parts, normalize, parse_cn_numeral,
)
from workbench.document.model import Report
from workbench.document.phrasing import chinese_ordinal
from workbench.reading.results import year_paragraphs
from workbench.util.lazyre import LazyRegex
from workbench.util import lazyre

_CLAUSE_END = LazyRegex(r"[；。;！？\n]")


def _name_pattern(figs: list[Figure]) -> tuple[re.Pattern[str] | None, dict[str, Figure]]:
    """One regex over every wording of every figure, longest first, and wording -> figure."""
    pattern, owners = _compiled_names(tuple((f.name, f.key) for f in figs))
    return pattern, {n: figs[i] for n, i in owners.items()}


@lru_cache(maxsize=256)
def _compiled_names(idents: tuple[tuple[str, str | None], ...]):
    owners: dict[str, int] = {}
    for i, (name, key) in enumerate(idents):
        for n in _names_for(Figure(name=name, key=key)):
            owners.setdefault(n, i)
    if not owners:
        return None, owners
    names = sorted(owners, key=len, reverse=True)
    return lazyre.compile("|".join(re.escape(n) for n in names)), owners


# What may stand between a clause's start and an indicator's name without changing what it
# names; anything else ("农村", "脱贫地区", "开发区", "海洋", "单位") makes another indicator.
_NEUTRAL_BEFORE = LazyRegex(
    r"(?:全镇|全街|全乡|全县|全区|全市|全州|全省|全国|全年|全口径|我镇|我街|我乡|我县|我区|我市|我州|我省|我国|"
    r"本镇|本县|本区|本市|今年|去年|当年|年末|年底|上半年|前三季度|(?:19|20)\d\d年|其中|累计|共|"
    r"实现了?|完成了?|达到|带动|推动|拉动|促进|预计|预期|力争|确保|争取|全力|努力|持续|初步核算|据初步核算|经初步核算|"
    r"——|—|\s)*")
_PIECE_BREAK = LazyRegex(r"[，,、]")
_FIGURE_GOES_ON = LazyRegex(r"(?:同比|比上年|较上年|实际|名义)?(?:增长|增速|增幅|下降|降低|减少|降幅|提高|上升|上涨|"
                             r"涨幅|左右|以上|以内|力争|[0-9０-９])")
_MULTI_YEAR = LazyRegex(r"年均|平均每年|五年|十年")
_BASE_BEFORE = "从由比较"
_EDGE_BEFORE = LazyRegex(r"(?:超过|突破|跃上|迈上|站上|逾|超)$")


_CLAUSE_MARK = LazyRegex(r"[，。；：、,;:！？（(“]")


def _another_indicator(text: str, start: int, fig: Figure, marks: list[int]) -> bool:
    """Whether the words just before a name make it another indicator ("农村" + 居民收入)."""
    i = bisect_left(marks, start)
    left = marks[i - 1] + 1 if i else 0
    return _NEUTRAL_BEFORE.fullmatch(text, left, start) is None


def _figure_end(text: str, b: int, stop: int) -> int:
    """Where the text after a name stops speaking of it: its piece and the pieces that go on
    with the figure ("超过126万亿元，增长5.2%"), not the next subject ("五年年均增长5.2%")."""
    m = _PIECE_BREAK.search(text, b, stop)
    while m is not None:
        if not _FIGURE_GOES_ON.match(text, m.end(), stop):
            return m.start()
        m = _PIECE_BREAK.search(text, m.end(), stop)
    return stop


def w401_text_contradicts_table(report: Report, previous: Report | None, s: Settings):
    """W401 a figure named in the text contradicts the figures table."""
    patterns = {True: _name_pattern(report.results), False: _name_pattern(report.targets)}
    year_of_review = None
    for ci, si, pi, para in report.paragraphs():
        review = chapter_is_review(report.chapters[ci])
        pattern, by_name = patterns[review]
        if pattern is None:
            continue
        raw = para.full_text
        if pattern.search(raw) is None:
            continue  # names hold no character that normalising changes
        if review:
            if year_of_review is None:
                year_of_review = {(a, b, c) for a, b, c, _ in year_paragraphs(report)}
            if (ci, si, pi) not in year_of_review:
                continue  # a five-year part: its figures are not the year's results
        text = normalize(raw)
        spans = [(m.start(), m.end(), by_name[m.group()]) for m in pattern.finditer(text)]
        marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        todo = []
        for n, (a, b, fig) in enumerate(spans):
            if _another_indicator(text, a, fig, marks):
                continue
            nxt = spans[n + 1][0] if n + 1 < len(spans) else len(text)
            end_m = _CLAUSE_END.search(text, b)
            stop = _figure_end(text, b, min(nxt, end_m.start() if end_m else len(text)))
            clause_end = end_m.start() if end_m else len(text)
            if "分别" in text[a:clause_end]:
                continue  # "A、B分别控制在5%和3%以内": figures pair by order, not by position
            if not _MULTI_YEAR.search(text, b, stop):
                todo.append((b, stop, fig))
        if not todo:
            continue
        lo = todo[0][0]
        mentions = [m._replace(start=m.start + lo, end=m.end + lo)
                    for m in find_mentions(text[lo:max(t[1] for t in todo)])]
        for b, stop, fig in todo:
            seen_growth = seen_value = False
            for m in mentions:
                if m.start < b or m.end > stop:
                    continue
                if m.start > b and text[m.start - 1] in _BASE_BEFORE:
                    continue  # "由62亿元增长到90亿元": the base, not the figure
                if (m.growth and seen_growth) or (not m.growth and seen_value):
                    continue
                seen_growth, seen_value = seen_growth or m.growth, seen_value or not m.growth
                if m.qualifier is None and _EDGE_BEFORE.search(text, max(b, m.start - 3), m.start):
                    m = m._replace(qualifier="超过")  # "超过126万亿元": an edge, not the value
                problem = _contradiction(m, fig, bounds=review)
                if problem:
                    table = "完成数" if review else "目标"
                    yield Finding("W401", WARNING,
                                  f"正文写{fig.name}{problem[0]}，{table}表中为{problem[1]}",
                                  _para_where(ci, si, pi))


def _agrees(said: float, q: str | None, lo: float, hi: float, bounds: bool = True) -> bool:
    """Whether a number written with qualifier q fits a table range [lo, hi]; with bounds,
    an edge in the text ("5%以上") agrees with any table figure beyond it."""
    lo, hi = min(lo, hi), max(lo, hi)
    if lo - 1e-9 <= said <= hi + 1e-9:
        return True
    if not bounds:
        return False
    direction = QUALIFIER_DIRECTION.get(q or "")
    # "增长5%以上" agrees with a table's 5.2%; "下降3%以上" with a table's -3.4%.
    if direction == AT_LEAST:
        return hi >= said - 1e-9 if said >= 0 else lo <= said + 1e-9
    if direction == AT_MOST:
        return lo <= said + 1e-9 if said >= 0 else hi >= said - 1e-9
    return False


def _said(word: str, value: float, unit: str, q: str | None) -> str:
    if q in ("不低于", "不少于", "不超过", "控制在"):
        return f"{word}{q}{format_number(abs(value) if word else value)}{unit}"
    return f"{word}{format_number(abs(value) if word else value)}{unit}{q or ''}"


def _contradiction(m, fig: Figure, bounds: bool = True) -> tuple[str, str] | None:
    if m.growth and fig.growth_pct is not None:
        lo = fig.growth_pct
        hi = fig.growth_pct_max if fig.growth_pct_max is not None else lo
        if not _agrees(m.value, m.qualifier, lo, hi, bounds):
            word = "下降" if m.value < 0 else "增长"
            table_word = "下降" if fig.growth_pct < 0 else "增长"
            table_q = fig.qualifier if fig.qualifier in ("左右", "以上", "以内", "以下") else ""
            return (_said(word, m.value, "%", m.qualifier),
                    f"{table_word}{format_number(abs(fig.growth_pct))}%{table_q}")
    elif not m.growth and fig.value is not None and m.unit and comparable(m.unit, fig.unit):
        conv = convert(m.value, m.unit, fig.unit)
        if conv is None:
            return None
        hi = fig.growth_pct_max if (fig.unit == "%" and fig.growth_pct_max is not None) else fig.value
        if not _agrees(conv, m.qualifier, fig.value, hi, bounds) and \
                abs(conv - fig.value) > 1e-9 * max(1, abs(fig.value)):
            # The table's value as printed, its qualifier kept ("600亿斤以上", "不少于300亩").
            return _said("", m.value, m.unit, m.qualifier), format_parts(fig)[0] or f"{format_number(fig.value)}{fig.unit or ''}"
    return None


_ORDINAL_RE = LazyRegex(r"(?:^|(?<=[，。；：,;:！？\s“]))([一二三四五六七八九十]{1,3})是")
_INLINE_SECTION_RE = LazyRegex(r"[（(]([一二三四五六七八九十]{1,3})[）)]")


def w402_numbering(report: Report, previous: Report | None, s: Settings):
    """W402 numbering in the text out of order (一是…三是, （一）…（三）; 十一是 follows 十是)."""
    for ci, si, pi, para in report.paragraphs():
        text = para.full_text
        for regex, shape, marks in ((_ORDINAL_RE, "{}是", "是"), (_INLINE_SECTION_RE, "（{}）", "（(")):
            if not any(mark in text for mark in marks):
                continue  # the patterns cannot match: skip their scan of a long paragraph
            seen = [(m.group(1), parse_cn_numeral(m.group(1))) for m in regex.finditer(text)]
            if len(seen) < 2 or seen[0][1] != 1:
                continue
            expected = 1
            for label, n in seen:
                if n == 1 and expected > 2:
                    expected = 1  # a second list in the same paragraph
                if n != expected:
                    yield Finding("W402", WARNING,
                                  f"编号顺序不对：“{shape.format(chinese_ordinal(expected - 1))}”之后"
                                  f"应为“{shape.format(chinese_ordinal(expected))}”，实为"
                                  f"“{shape.format(label)}”", _para_where(ci, si, pi))
                    break
                expected += 1


_CJK_CHAR = r"[\u3400-\u9fff，。；：“”、（）]"
_ANY_HALF_PUNCT = LazyRegex(r"[,;:()\"?!]")  # a cheap first look before _HALF_PUNCT's lookarounds
_HALF_PUNCT = LazyRegex(rf"(?<={_CJK_CHAR})[,;:()\"?!]|[,;:()\"?!](?={_CJK_CHAR})")


def _paragraph_texts(report: Report):
    for ci, ch in enumerate(report.chapters):
        if ch.title:
            yield ci, None, None, ch.title
        for si, sec in enumerate(ch.sections):
            yield ci, si, None, sec.title
    for ci, si, pi, para in report.paragraphs():
        yield ci, si, pi, para.full_text


# A half-width stop after Chinese ("城市.") that the export's full-width pass leaves as it is.
_HALF_STOP = LazyRegex(rf"(?<={_CJK_CHAR})\.(?![0-9０-９])")


def w403_half_width_punctuation(report: Report, previous: Report | None, s: Settings):
    """W403 half-width punctuation inside Chinese text: first what the export leaves as it is
    (a "." after Chinese), then what it makes full-width itself, each counted apart."""
    for ci, si, pi, text in _paragraph_texts(report):
        if not _ANY_HALF_PUNCT.search(text) and "." not in text:
            continue
        left = list(_HALF_STOP.finditer(text))
        hits = list(_HALF_PUNCT.finditer(text))
        if not left and not hits:
            continue
        first = (left or hits)[0]
        context = text[max(0, first.start() - 6): first.end() + 6]
        head = f"中文里有半角标点“{first.group()}”（第{first.start() + 1}个字符，“{context}”）"
        if left:
            tail = f"共{len(left)}处，导出时不会改，应为全角" + (f"；另有{len(hits)}处导出时自动改为全角" if hits else "")
        else:
            tail = f"共{len(hits)}处，应为全角（导出时会自动改为全角）"
        yield Finding("W403", WARNING, head + tail, _para_where(ci, si, pi))


_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("【", "】"), ("(", ")"))


@lru_cache(maxsize=16)
def _pair_re(open_: str, close: str) -> re.Pattern[str]:
    return lazyre.compile(f"[{re.escape(open_)}{re.escape(close)}]")


def _imbalance(text: str, open_: str, close: str) -> tuple[int, int | None]:
    """(openers left unclosed at the end, index of the first closer with no opener or None)."""
    depth = 0
    for m in _pair_re(open_, close).finditer(text):
        if m.group() == open_:
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return depth, m.start()
    return depth, None


def w404_unbalanced(report: Report, previous: Report | None, s: Settings):
    """W404 unbalanced quotes or brackets (a pair split over consecutive paragraphs by a
    line break, "根据《" / "…法" / "》第五条", is one pair)."""
    texts = list(_paragraph_texts(report))
    states: list[list[tuple[int, int | None] | None]] = []
    for *_, text in texts:
        states.append([_imbalance(text, o, c) if (o in text or c in text) else None
                       for o, c in _PAIRS])
    joined: set[tuple[int, int]] = set()  # (paragraph position, pair) closed across paragraphs
    for n, row in enumerate(states):
        for k, st in enumerate(row):
            if st is None or st[0] <= 0 or st[1] is not None:
                continue
            text = texts[n][3].rstrip()
            if text.rfind(_PAIRS[k][0]) < len(text) - 30:
                continue  # the opener is not at the paragraph's end: a real stray
            for m in range(n + 1, min(n + 3, len(texts))):
                later = states[m][k]
                if later is not None and later[1] is not None and later[0] == -st[0]:
                    joined.update((j, k) for j in range(n, m + 1))
                    break
                if later is not None:
                    break
    for n, (ci, si, pi, text) in enumerate(texts):
        for k, (open_, close) in enumerate(_PAIRS):
            st = states[n][k]
            if st is None or (n, k) in joined:
                continue
            depth, bad_at = st
            if depth != 0 or bad_at is not None:
                which = f"多了“{close}”（第{bad_at + 1}个字符）" if bad_at is not None else (
                    f"“{open_}”没有配对的“{close}”")
                yield Finding("W404", WARNING, f"引号或括号不配对：{which}", _para_where(ci, si, pi))
                break
        if '"' in text and text.count('"') % 2:
            yield Finding("W404", WARNING, "引号不配对：半角引号 \" 个数为奇数", _para_where(ci, si, pi))


_YEAR_RE = LazyRegex(r"(?<![0-9])((?:19|20|21)[0-9]{2})年")
_LEADING_YEAR = LazyRegex(r"^((?:19|20|21)[0-9]{2})年(?:[，,]|是|以来|全年)")


def w405_year_out_of_place(report: Report, previous: Report | None, s: Settings):
    """W405 a year in the text that cannot belong to this report."""
    for ci, ch in enumerate(report.chapters):
        review = chapter_is_review(ch)
        expected = report.year - 1 if review else report.year
        if ch.title:
            m = _YEAR_RE.search(ch.title)
            if m and int(m.group(1)) != expected:
                yield Finding("W405", WARNING,
                              f"章标题“{ch.title}”的年份应为{expected}年", _para_where(ci, None))
    for ci, si, pi, para in report.paragraphs():
        review = chapter_is_review(report.chapters[ci])
        expected = report.year - 1 if review else report.year
        text = para.full_text
        m = _LEADING_YEAR.match(text)
        if m and int(m.group(1)) != expected and review:
            yield Finding("W405", WARNING,
                          f"回顾部分以“{m.group(1)}年”开头，本报告回顾的是{expected}年",
                          _para_where(ci, si, pi))
            continue
        for m in (_YEAR_RE.finditer(text) if "年" in text else ()):
            y = int(m.group(1))
            if y > report.year + 20 or y < 1949:
                yield Finding("W405", WARNING, f"正文中的“{m.group()}”与{report.year}年报告不符",
                              _para_where(ci, si, pi))
                break


def w406_empty_section(report: Report, previous: Report | None, s: Settings):
    """W406 a section with no text."""
    for ci, ch in enumerate(report.chapters):
        for si, sec in enumerate(ch.sections):
            if not any(p.full_text.strip() for p in sec.paragraphs):
                yield Finding("W406", WARNING, f"“{sec.title or '（无标题）'}”一节还没有内容",
                              _para_where(ci, si))


_OPENING_RE = LazyRegex(r"向(?:大会|全会|会议)报告|我代表.{0,24}(?:人民政府|政府|办事处|公所)")
_OPENING_LOOKAHEAD = 3  # the opening comes right after the salutation: the first few paragraphs


def w407_opening_missing(report: Report, previous: Report | None, s: Settings):
    """W407 no opening sentence after the salutation ("现在，我代表…向大会报告政府工作，请予审议")."""
    if not report.chapters:
        return
    first = [para for _, (*_, para) in zip(range(_OPENING_LOOKAHEAD), report.paragraphs())]
    if any(_OPENING_RE.search(p.full_text) for p in first):
        return
    yield Finding("W407", WARNING,
                  "开头缺少“现在，我代表……向大会报告政府工作，请予审议”一句（称谓之后、第一章之前）",
                  _para_where(0, None, 0))


_SENTENCE_YEAR = LazyRegex(r"(?:^|(?<=[。！？；]))\s*((?:19|20|21)[0-9]{2})年(?=是|，|,|全年|要|将)")
_DATE_RE = LazyRegex(r"((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")
_TERM_RE = LazyRegex(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})届")
_META_LABELS = ("meeting", "date")


def w408_carried_over_year(report: Report, previous: Report | None, s: Settings):
    """W408 a year reference that looks carried over from last year's report: a date in the
    wrong year, the same session number as last year, last year used as "this year"."""
    from workbench.document.meeting import session_number

    for name in _META_LABELS:
        m = _DATE_RE.search(getattr(report.meta, name))
        if m and int(m.group(1)) != report.year:
            where_text = "副题行中的日期" if name == "meeting" else "会议日期"
            yield Finding("W408", WARNING, f"{where_text}“{m.group()}”不在{report.year}年，像是沿用了上年的",
                          {"meta": name})
    said, dated = _DATE_RE.search(report.meta.meeting), _DATE_RE.search(report.meta.date)
    if said and dated and said.groups() != dated.groups():
        yield Finding("W408", WARNING, f"副题行中的日期“{said.group()}”与会议日期“{dated.group()}”不一致，"
                                       f"导出的文稿印的是副题行的日期", {"meta": "meeting"})
    if previous is not None and previous.year == report.year - 1 and report.meta.meeting:
        now, before = session_number(report.meta.meeting), session_number(previous.meta.meeting)
        term_now = _TERM_RE.search(report.meta.meeting)
        term_before = _TERM_RE.search(previous.meta.meeting)
        same_term = (term_now.group(1) if term_now else None) == (term_before.group(1) if term_before else None)
        if now is not None and now == before and same_term:
            yield Finding("W408", WARNING,
                          f"副题行的会议次数与{previous.year}年报告相同（第{now}次），"
                          f"新一年应为下一次会议，换届则为第一次", {"meta": "meeting"})
    for ci, si, pi, para in report.paragraphs():
        if para.generated:
            continue
        review = chapter_is_review(report.chapters[ci])
        this_year = report.year - 1 if review else report.year
        text = para.full_text
        for m in (_SENTENCE_YEAR.finditer(text) if "年" in text else ()):
            if int(m.group(1)) != this_year - 1 or (review and m.start() == 0):
                continue  # a review paragraph's own first word is W405's
            clip = text[m.start(1): m.start(1) + 16]
            what = "回顾之年" if review else "当年"
            yield Finding("W408", WARNING,
                          f"“{clip}…”把{m.group(1)}年当作{what}，本报告的{what}是{this_year}年，"
                          f"像是沿用了上年报告的说法", _para_where(ci, si, pi))
            break


def w409_plan_calendar(report: Report, previous: Report | None, s: Settings):
    """W409 a sentence that gets the Five-Year-Plan calendar wrong for the report's year: 收官 or
    开局 given to a year that is not a plan's last or first ("2026年是…收官之年"), 十四五 as the
    current plan in a plan chapter of 2026–2030 ("为圆满收官“十四五”"), 十五五 as the current plan
    in a report of 2025 or earlier. One finding per sentence, quoting it."""
    from workbench.document.planyears import calendar_slips, is_calendar_sentence, sentences

    for ci, si, pi, para in report.paragraphs():
        text = para.full_text
        if para.generated or not text or ("五" not in text and "收官" not in text and "开局" not in text):
            continue
        review = chapter_is_review(report.chapters[ci])
        for a, b in sentences(text):
            sentence = text[a:b]
            if not is_calendar_sentence(sentence):
                continue
            slips = calendar_slips(sentence, report.year, not review)
            if slips:
                clip = sentence.strip()
                clip = clip if len(clip) <= 30 else clip[:30] + "…"
                yield Finding("W409", WARNING, f"“{clip}”：{'；'.join(slips)}，请改写", _para_where(ci, si, pi))
