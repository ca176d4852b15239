"""Results read from a report's review chapter(s): what the year under review achieved.

Real reviews write results in many shapes — "国内生产总值超过126万亿元，增长5.2%",
"城镇调查失业率平均为5.2%", "居民消费价格上涨0.2%", "能耗降幅超过3%", "粮食产量首次跃上
1.4万亿斤", "全年实现地区生产总值45.6亿元，同比增长6.5%". Each clause is normalised to the
figure grammar, read, and kept only when it names a catalogue indicator; the qualifier it was
written with (超过, 平均, 以上) stays on the figure when it binds the part that is compared.
Figures of a five-year part ("过去五年…", "年均增长") are not results of the year.
"""

from __future__ import annotations

import re
from typing import Iterator

from workbench.document.catalog import lookup
from workbench.document.commitments import chapter_is_review
from workbench.document.figures import TARGET_ONLY_QUALIFIERS, TREND_QUALIFIERS, Figure, FigureError, parse_figure
from workbench.document.model import Report
from workbench.util.lazyre import LazyRegex

_SENTENCE_SPLIT = LazyRegex(r"[。；;！？!?\n]")
_PIECE_SPLIT = LazyRegex(r"[，,、]")
# A piece that goes on with the figure before it: "增长5.2%" after "超过126万亿元".
_CONTINUES = LazyRegex(r"^(同比|比上年|较上年|比去年|实际|名义|同口径|可比口径|按可比价格计算|按可比价计算)?(增长|增速|增幅|下降|降低|减少|降幅|提高|上升|"
                        r"上涨|涨幅|左右|以上|以内|力争|[0-9０-９]|(?:总量|总额|规模)?(?:达到|突破|超过)[0-9０-９])")
_LEADING = LazyRegex(r"^(?:——|—|(?:19|20)\d\d年度?|预计|全镇|全街道|全街|全乡|全县|全区|全市|全省|全国|全年|去年|当年|年末|年底|其中|"
                      r"累计|共|(?:可|将|预计)?实现了?|(?:可|将|预计)?完成了?|带动|推动|我镇|我街|我县|我区|我市|我省|我国)+")
_ADVERBS = LazyRegex(r"首次|历史性地?|再次|再创新高|稳定(?!在)|持续|成功|顺利")
_SINCE = LazyRegex(r"(?:比上年|较上年|比去年|较去年|同比|同口径|可比口径|按可比价格?计算)+(?=增长|下降|提高|减少|增加|上升|降低)")
_REAL = LazyRegex(r"(?:实际|名义)(?=增长|下降)")
_FROM = LazyRegex(r"[从由][0-9０-９.．]+[^0-9０-９，、]{0,6}?(?=提高到|提升到|增加到|增长到|上升到|下降到|降低到|降到|降至)")
_TO_LEVEL = LazyRegex(r"(?:提高到|提升到|增加到|增长到|上升到|下降到|降低到|降到|降至|达到了|跃升至|升至)(?=[0-9０-９])")
_OVER = LazyRegex(r"(?<!不)(?:超过|突破|跃上|迈上|站上|跨上|跨过|跨越|迈过|越过|高于|逾|(?<!突)破|(?<![赶])超)(?=[0-9０-９])")
_AVERAGE = LazyRegex(r"平均(?:为|达到|达)?(?=[0-9０-９])")
_FALL = LazyRegex(r"(?:降幅|下降幅度|下降率)(?:为|达到|达)?(?P<over>超过)?(?=[0-9０-９])")
_RISE = LazyRegex(r"(?:增幅|增速)(?:为|达到|达)(?=[0-9０-９])")
_PRICE_RISE = LazyRegex(r"(?:上涨|涨幅为|涨幅达|涨幅|上升)(?=[0-9０-９])")
_MULTI_YEAR_CLAUSE = LazyRegex(r"年均|平均每年|五年|十年|三年来|五年来|十年来|累计.{0,4}年")
_MULTI_YEAR_PARA = LazyRegex(r"^(?:各位代表[！!，,：:]?)?(?:过去五年|五年来|过去十年|十年来|回顾五年|这五年|五年间|"
                              r"过去的五年|本届政府任期|过去三年|三年来)")
_ONE_YEAR_PARA = LazyRegex(r"^(?:过去一年|一年来|(?:19|20)\d\d年[，,是])")
# Indicators whose target is itself a rate of change written as a level ("涨幅3%左右").
_CHANGE_AS_LEVEL = {"cpi"}
# Short wordings reviews use for catalogue indicators that the catalogue does not list.
_RESULT_ALIASES = {"能耗": "energy_intensity"}


def year_paragraphs(report: Report) -> Iterator[tuple[int, int | None, int, str]]:
    """Review-chapter paragraphs that speak of the year under review, not of five years.

    A chapter titled for five years alone ("过去五年工作回顾") that never turns to the single
    year is read whole: its year-by-year figures are all a drafter has written. A text of one
    untitled chapter that is not a review (a news item that quotes both parts of a report)
    gives the paragraphs that name the year under review."""
    if len(report.chapters) == 1 and not report.chapters[0].title and not chapter_is_review(report.chapters[0]):
        yield from _naming_the_year(report)
        return
    for ci, ch in enumerate(report.chapters):
        if not chapter_is_review(ch):
            continue
        title = ch.title or ""
        multi_title = bool(re.search(r"五年|十年|三年", title)) and not re.search(r"一年|(?:19|20)\d\d年", title)
        chosen = list(_year_part(ci, ch, multi_title))
        yield from chosen if chosen or not multi_title else _year_part(ci, ch, False, switch=False)


def _naming_the_year(report: Report):
    if not report.year:
        return
    said = re.compile(rf"{report.year - 1}年|过去一年|过去的一年|一年来|去年")
    ch = report.chapters[0]
    for pi, para in enumerate(ch.paragraphs):
        text = para.full_text
        if said.search(text[:120]) and not _TARGETS_WORDS.search(text):
            yield 0, None, pi, text


_TARGETS_WORDS = LazyRegex(r"预期目标|主要目标|目标是|目标为")


def _year_part(ci: int, ch, multi: bool, switch: bool = True):
    for pi, para in enumerate(ch.paragraphs):
        text = para.full_text.strip()
        if switch and _MULTI_YEAR_PARA.match(text):
            multi = True
        elif switch and _ONE_YEAR_PARA.match(text):
            multi = False
        if not multi:
            yield ci, None, pi, para.full_text
    for si, sec in enumerate(ch.sections):
        sec_multi = multi or (switch and bool(_MULTI_YEAR_PARA.match(sec.title or "")))
        for pi, para in enumerate(sec.paragraphs):
            if not sec_multi:
                yield ci, si, pi, para.full_text


def results_from(report: Report) -> list[Figure]:
    """Every catalogue indicator's result in the review of the year, first statement kept."""
    found: list[Figure] = []
    seen: set[str] = set()
    for *_, text in year_paragraphs(report):
        for fig in results_in(text):
            ident = fig.key or fig.name
            if ident not in seen:
                seen.add(ident)
                found.append(fig)
    return found


_STATEMENT_SPLIT = LazyRegex(r"[。！？!?\n]")
_CLAUSE_SPLIT = LazyRegex(r"[；;]")
# A headline result clause: short, with a growth rate or an amount ("规模工业增加值增长10.5%").
_HEADLINE_CLAUSE = 40
_HEADLINE_FIGURE = LazyRegex(r"[0-9０-９](?:[.．][0-9０-９]+)?\s*(?:%|％|个百分点|万亿|亿|万|千)")


def unread_results(report: Report) -> list[str]:
    """Clauses of a results statement ("GDP增长6.5%；规模工业增加值增长10.5%；…") that state a
    number but are read as no result, while the statement's other clauses are: the importer
    names them rather than leaving them out unsaid. Statements with no result read at all
    (a project count, a ranking) are not results statements and are left alone."""
    from workbench.reading.passage import holds_figure_number

    out: list[str] = []
    for *_, text in year_paragraphs(report):
        for statement in _STATEMENT_SPLIT.split(text):
            clauses = [c.strip() for c in _CLAUSE_SPLIT.split(statement) if c.strip()]
            if len(clauses) < 2 or sum(1 for c in clauses if results_in(c)) < 2:
                continue  # not a list of headline results
            for clause in clauses:
                if len(clause) <= _HEADLINE_CLAUSE and _HEADLINE_FIGURE.search(clause) \
                        and holds_figure_number(clause) and not results_in(clause) and clause not in out:
                    out.append(clause)
    return out


# "地区生产总值、一般公共预算收入分别达到120亿元和8亿元，分别增长6%和5%": one result per name.
_RESPECTIVE = LazyRegex(
    r"(?P<names>[^，,；;。]+?)分别(?P<verb>达到|为|增长|下降|提高|降低|减少)(?P<values>[^，,；;。]+)"
    r"(?:[，,](?:同比|比上年|较上年)?(?:分别)?(?P<verb2>增长|下降|提高|降低|减少|达到|达|为)(?P<values2>[^，,；;。]+))?")
# "…6.2亿元，…2亿元，同比分别增长6%、-19.3%": growths for the figures read just before it, in order.
_RESPECTIVE_GROWTHS = LazyRegex(r"^(?:同比|比上年|较上年)?分别(?P<verb>增长|下降)?(?P<values>[-+－]?\d[\d.]*%(?:[、和][-+－]?\d[\d.]*%)+)"
                                r"(?P<tail>左右|以上)?$")
_GROWTHS_LIST = LazyRegex(r"(?<=[，,])(?:同比|比上年|较上年)?分别(?:增长|下降)?[-+－]?\d[\d.]*%(?:[、和][-+－]?\d[\d.]*%)+")


def _respective_results(sentence: str) -> tuple[list[Figure], str]:
    """The results of a "分别" statement in the sentence, and the sentence without it; names
    and values are paired in order, and nothing is read when their counts differ."""
    from workbench.reading.passage import _LIST_SPLIT, respective_names

    m = _RESPECTIVE.search(sentence)
    if not m:
        return [], sentence
    values = [v for v in _LIST_SPLIT.split(m.group("values")) if v]
    second = [v for v in _LIST_SPLIT.split(m.group("values2") or "") if v]
    names = respective_names(_LEADING.sub("", m.group("names").strip()), values)
    if names is None:
        return [], sentence
    end = m.end()
    if second and len(second) != len(names):
        # One growth for several names ("分别达到…，增长5%"): it pairs with none of them.
        second, end = [], m.end("values")
    verb = m.group("verb")
    out = []
    for i, name in enumerate(names):
        clause = name + ("达到" if verb in ("达到", "为") else verb) + values[i]
        if second:
            clause += "，" + m.group("verb2") + second[i]
        fig = read_result(clause)
        if fig is None:
            return [], sentence
        out.append(fig)
    return out, sentence[:m.start()] + "，" + sentence[end:]


# "突破400亿元大关，达到417亿元": the edge gives way to the exact figure after it.
_EDGE_THEN_EXACT = LazyRegex(r"(?:突破|超过|跃上|迈上|站上|跨过)[0-9.]+[^0-9，,。；]{0,4}?(?:大关|关口)?[，,](?=达到[0-9])")
# Asides that carry no figure of the clause: "（下同）", "净增110.8亿元", "比上年净增…".
_ASIDE = LazyRegex(r"[（(](?:下同|现价|初步统计|预计|可比价|(?:不)?含[^（）()]{1,12})[）)]|"
                   r"[，,](?:按可比价格?计算|扣除价格因素|剔除价格因素)(?=[，,])|[，,](?:比上年|较上年|同比)?净增(?:加)?[0-9.]+[^0-9，,。；]{0,4}(?=[，,])")
# A milestone word after the amount: "跃上1.3万亿斤新台阶", "突破400亿元大关".
_MILESTONE = LazyRegex(r"(?<=[^0-9])(?:的)?(?:新台阶|台阶|大关|关口)(?=[，,。；]|$)")


def results_in(text: str) -> list[Figure]:
    """The results stated in one paragraph of a review."""
    out: list[Figure] = []
    if "净增" in text or "下同" in text or "大关" in text or "台阶" in text or "关口" in text or "（" in text \
            or "(" in text or "价" in text:
        text = _MILESTONE.sub("", _EDGE_THEN_EXACT.sub("", _ASIDE.sub("", text)))
    for sentence in _SENTENCE_SPLIT.split(text):
        restated = _TARGETS_RESTATED.search(sentence)
        if restated:
            sentence = sentence[:restated.start()]  # the targets the year was set, not what it achieved
        part = _PART_OF_YEAR.search(sentence)
        if part:
            sentence = sentence[:part.start()]  # "1—11月，…增长8.2%": a part of the year, not the year
        if "分别" in sentence:
            found, sentence = _respective_results(sentence)
            out.extend(found)
        if "分别" in sentence:
            # Keep a growths list ("同比分别6%、-19.3%") one piece.
            sentence = _GROWTHS_LIST.sub(lambda g: g.group(0).replace("、", "和"), sentence)
        pieces = [p.strip() for p in _PIECE_SPLIT.split(sentence) if p.strip()]
        i = 0
        bare: list[Figure] = []  # figures of this sentence read without a growth, in order
        while i < len(pieces):
            growths = _RESPECTIVE_GROWTHS.match(pieces[i]) if "分别" in pieces[i] else None
            if growths:
                pieces[i:i + 1] = [growths.group(0)]
                if _pair_growths(growths, bare):
                    bare = []
                    i += 1
                    continue
            fig, used = _read_from(pieces, i)
            if fig is not None:
                if fig.value is None and fig.growth_pct is not None:
                    _level_after(fig, pieces, i + used)
                out.append(fig)
                if fig.growth_pct is None and fig.value is not None:
                    bare.append(fig)
                i += used
            else:
                i += 1
    return out


# A review that restates the year's targets before its results: "年初确定的主要预期目标是：…".
_TARGETS_RESTATED = LazyRegex(r"(?:预期目标|主要目标|奋斗目标|目标任务|发展目标|目标)(?:是|为)[：:]?(?=[\u4e00-\u9fff])")


# A part of the year that scopes what follows in its sentence: "1—11月，", "前三季度", "上半年".
_PART_OF_YEAR = LazyRegex(r"(?:^|(?<=[，,：:]))\s*(?:(?:19|20)\d\d年)?(?:1\s*[—\-－~至到]\s*\d{1,2}月份?|前[一二三]季度|"
                          r"[一二三]季度|上半年|截至\d{1,2}月(?:底|末)?)(?:[，,]|(?=[\u4e00-\u9fff]))")


# The level stated after a growth and its comparison: "增长6%，高于全省0.2个百分点，总量跨过3000亿元".
_LEVEL_AFTER = LazyRegex(r"^(?:经济)?(?:总量|规模|总额)(?:达到?|突破|超过|跨过|跨越|跃上|迈上|站上|为)?"
                         r"(?P<v>[0-9]+(?:\.[0-9]+)?)(?P<u>万亿元|亿元|万元|元)")
_ASIDE_PIECE = LazyRegex(r"高于|低于|快于|慢于|位居|居|排名|列|个百分点|全国|全省|全市")


def _level_after(fig: Figure, pieces: list[str], j: int) -> None:
    """Give a growth read without its level the level stated a few pieces on, past the
    comparison or rank asides between them; nothing when another figure comes first."""
    for k in range(j, min(j + 5, len(pieces))):
        m = _LEVEL_AFTER.match(pieces[k])
        if m:
            fig.value, fig.unit = float(m.group("v")) if "." in m.group("v") else int(m.group("v")), m.group("u")
            fig.raw = "，".join([fig.raw, *pieces[j:k + 1]])
            return
        if not _ASIDE_PIECE.search(pieces[k]) or read_result(pieces[k]) is not None:
            return


def _pair_growths(m, bare: list[Figure]) -> bool:
    """Give the figures just read their growths from a "同比分别x%、y%" piece, in order; False
    (nothing changed) when the counts differ."""
    values = [v.replace("－", "-") for v in re.split(r"[、和]", m.group("values"))]
    if len(values) != len(bare) or len(values) < 2:
        return False
    sign = -1 if m.group("verb") == "下降" else 1
    for fig, v in zip(bare, values):
        fig.growth_pct = sign * float(v.rstrip("%"))
        fig.raw = f"{fig.raw}，{m.group(0)}"
    return True


def _read_from(pieces: list[str], i: int) -> tuple[Figure | None, int]:
    """The longest run of pieces from i that reads as one result; (None, 0) when none does."""
    best: tuple[Figure | None, int] = (None, 0)
    n = 1
    while i + n <= len(pieces):
        if n > 1 and not _CONTINUES.match(pieces[i + n - 1]):
            break
        fig = read_result("，".join(pieces[i:i + n]))
        if fig is not None:
            best = (fig, n)
        elif n > 1:
            break
        n += 1
    return best


# The growth written before the level: "地区生产总值增长12.6%达92.9亿元" reads as "…达到92.9亿元，增长12.6%".
_GROWTH_THEN_LEVEL = LazyRegex(r"(?P<growth>(?:同比|比上年|较上年)?(?:增长|下降)[-+]?[0-9.]+%(?:左右|以上)?)[，,]?(?:总量|总额|规模)?(?:达到?|为|至)"
                               r"(?P<level>[0-9.]+[^0-9，,。；%]{0,5})$")
# A condition on how the figure was counted: "扣除减税降费因素后", "剔除留抵退税因素".
_COUNTED = LazyRegex(r"[，,]?(?:扣除|剔除|扣减)[^，,。；]{1,16}?(?:因素|影响)后?[，,]?")
# An estimate's word between the name and its verb: "地区生产总值预计达到125亿元".
_ESTIMATE_INSIDE = LazyRegex(r"(?<=[\u4e00-\u9fff])(?:预计|据初步统计|初步统计|初步测算|初步核算)(?:全年)?"
                             r"(?=达到|达|为|实现|完成|增长|突破|超过)")
# A scope written before the name: "区级一般公共预算收入", "县属规上工业增加值".
_SCOPE_BEFORE = LazyRegex(r"^(?:[镇乡县区市省]级|[镇乡县区市]属|[镇乡县区市]本级)")
# An amount of 亿 without 元 ("社零实现145.98亿"): read as 亿元, kept as written.
_BARE_YI = LazyRegex(r"(?<=[0-9])亿(?![元美人吨斤千万平标])")


def read_result(clause: str) -> Figure | None:
    """One clause of a review as a result of a catalogue indicator, or None."""
    if _MULTI_YEAR_CLAUSE.search(clause):
        return None
    text = _LEADING.sub("", clause.strip())
    if "预计" in text or "初步" in text:
        text = _ESTIMATE_INSIDE.sub("", text)  # "地区生产总值预计达到…": an estimate, read as stated
    if "扣除" in text or "剔除" in text or "扣减" in text:
        text = _COUNTED.sub("", text)
    if text[1:2] in ("级", "属") or text[1:3] == "本级":
        text = _SCOPE_BEFORE.sub("", text)
    bare_yi = "亿" in text and bool(_BARE_YI.search(text))
    if bare_yi:
        text = _BARE_YI.sub("亿元", text)
    growth_first = _GROWTH_THEN_LEVEL.search(text) if "%" in text and ("达" in text or "为" in text or "至" in text) \
        else None
    if growth_first:
        text = text[:growth_first.start()] + "达到" + growth_first.group("level") + "，" + growth_first.group("growth")
    text = _ADVERBS.sub("", text)
    text = _SINCE.sub("", text)
    text = _REAL.sub("", text)
    text = _FROM.sub("", text)
    text = _TO_LEVEL.sub("达到", text)
    text = _OVER.sub("超过", text)
    written: str | None = None
    fall = _FALL.search(text)
    if fall:
        written = "超过" if fall.group("over") else None
        text = text[:fall.start()] + "下降" + text[fall.end():]
    text = _RISE.sub("增长", text)
    if _AVERAGE.search(text):
        written = "平均"
        text = _AVERAGE.sub("", text)
    text = _LEADING.sub("", text)
    if len(text) < 4:
        return None
    name_end = _name_before_number(text)
    # "服务业企业全年完成营业收入2.9亿元": the verb inside the name is no part of it.
    inner = _INNER_VERB.sub("", text[:name_end])
    if inner and inner != text[:name_end]:
        text, name_end = inner + text[name_end:], len(inner)
    key = _key_for(text[:name_end])
    uncatalogued = key is None and bool(_OUTPUT_NAME.search(text[:name_end])) and 4 <= name_end <= 16
    if key is None and not uncatalogued:
        return None
    if key in _CHANGE_AS_LEVEL:
        text = text[:name_end] + _PRICE_RISE.sub("", text[name_end:], count=1)
    else:
        text = text[:name_end] + _PRICE_RISE.sub("增长", text[name_end:], count=1)
    try:
        fig = parse_figure(text)
    except FigureError:
        return None
    fig.key = fig.key or _key_for(fig.name)
    if fig.key is None and not (uncatalogued and fig.value is not None and fig.unit in _MONEY_UNITS):
        return None
    if fig.is_qualitative and (fig.qualifier is None or fig.qualifier in TREND_QUALIFIERS
                               or fig.qualifier in TARGET_ONLY_QUALIFIERS):
        return None  # a trend word ("平稳增长") or a quota's ("完成上级下达任务") states no result
    if written and fig.qualifier is None:
        fig.qualifier = written
    if fig.qualifier == "超过" and fig.value is not None and fig.growth_pct is not None:
        # The qualifier binds the growth in the figure model; here it was written on the value.
        fig.qualifier = None
    if bare_yi and fig.unit == "亿元":
        fig.unit = "亿"  # as written
    fig.raw = clause.strip().lstrip("—")
    return fig


_EDGE_VALUE = LazyRegex(r"(?:超过|突破|跃上|迈上|站上|跨上|跨过|跨越|迈过|越过|高于|逾|近|约|接近|将近)[0-9０-９]")


def value_is_edge(fig: Figure) -> bool:
    """Whether the figure's value was written as an edge or a round figure ("超过126万亿元",
    "近9.8万亿元"), too loose for arithmetic against its growth."""
    return bool(_EDGE_VALUE.search(fig.raw or ""))


# A review's own output, turnover or profit measure that the catalogue does not list ("建筑业产值",
# "限上服务业营收", "规上工业企业利润总额"): a result only with an amount of money.
_OUTPUT_NAME = LazyRegex(r"(?:产值|营业收入|营业额|营收|销售收入|销售额|利润总额|利税总额|利润|利税)$")
_MONEY_UNITS = {"亿元", "万元", "元", "万亿元"}
_INNER_VERB = LazyRegex(r"(?:全年|当年)?(?:完成了?|实现了?)")


_NUMBER_OR_VERB = LazyRegex(r"[0-9０-９]|超过|突破|增长|增速|下降|降低|减少|提高|上升|上涨|涨幅|达到|为|达|"
                             r"保持|稳定在|基本平衡|同步|平衡")


def _name_before_number(text: str) -> int:
    m = _NUMBER_OR_VERB.search(text)
    return m.start() if m else len(text)


def _key_for(name: str) -> str | None:
    name = name.strip()
    if not name:
        return None
    return lookup(name) or _RESULT_ALIASES.get(name)


__all__ = ["results_from", "results_in", "unread_results", "read_result", "value_is_edge", "year_paragraphs"]
