"""Figures stated in a passage of text: one clause a figure, "分别" statements paired, names
made the catalogue's; a chunk with a number that does not read is reported, never dropped."""

from __future__ import annotations

import re

from workbench.document.catalog import get as catalog_get
from workbench.document.catalog import lookup
from workbench.document.figures import QUALITATIVE_QUALIFIERS, TREND_QUALIFIERS, Figure, FigureError, parse_figure

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
    return _bundled(chunks, clause)


# "人民群众获得感、幸福感、安全感不断增强", "一般公共预算收入、固定资产投资保持正增长": names listed
# with 、 that share one trend or qualitative word are one target.
_SHARED_WORDS = tuple(sorted(set(TREND_QUALIFIERS + QUALITATIVE_QUALIFIERS), key=len, reverse=True))
_BUNDLE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{1,10})+?(?:" + "|".join(_SHARED_WORDS) + r")$")


def _bundled(chunks: list[str], clause: str) -> list[str]:
    out: list[str] = []
    for chunk in chunks:
        if out and any(chunk.endswith(t) for t in _SHARED_WORDS):
            k = len(out)
            # Only bare names join: "物价总体稳定、就业保持稳定" are two targets, each with its word.
            while k > 0 and not re.search(r"\d", out[k - 1]) and len(out[k - 1]) <= 10 \
                    and not any(out[k - 1].endswith(t) for t in _SHARED_WORDS) \
                    and "、".join(out[k - 1:] + [chunk]) in clause:
                k -= 1
            joined = "、".join(out[k:] + [chunk])
            if k < len(out) and _BUNDLE.match(joined):
                out[k:] = [joined]
                continue
        out.append(chunk)
    return out


_LEADING_WORDS = re.compile(r"^(全镇|全街|全乡|全县|全区|全市|全省|全国|全年|今年|明年|累计|完成|实现|其中|力争|确保|"
                            r"预计|建议|争取|努力|推动|保持|各项|——|—)+")


_RESPECTIVELY = re.compile(r"^(?P<names>.+?)(?P<how>分别|(?<![年人])均)(?P<verb>增长|下降|提高|达到|为|控制在|降低)(?P<values>.+)$")
# "财政总收入和一般公共预算收入均增长8%以上": one figure for every name of the list (not 年均, 人均).
_ALL_OF = re.compile(r"[、和及与].{1,30}?(?<![年人])均(?=增长|下降|提高|达到|为|控制在|降低)")


def _paired(text: str) -> bool:
    """A statement that pairs several names with values: "分别", or "均" after a list of names."""
    return "分别" in text or ("均" in text and bool(_ALL_OF.search(text)))


_TAIL_QUALIFIER = re.compile(r"(左右|以上|以内|以下)$")


_GDP_WORDS = {"经济", "经济增长", "生产总值"}


_LIST_SPLIT = re.compile(r"[、和及与]")


def respective_names(names: str, values: list[str]) -> list[str] | None:
    """The indicators of a "分别" statement, one for each of `values`, or None when they do not
    pair: "城乡居民人均可支配收入" with two values is town, then country; a short name shares the
    last one's tail ("城镇和农村居民人均可支配收入")."""
    out = [n for n in _LIST_SPLIT.split(names) if n]
    # "城、乡居民…", "城镇、乡村居民…": the one-character words stand for 城镇 and 农村.
    if len(out) == 2 and out[0] == "城" and out[1].startswith("乡") and len(values) == 2:
        out = ["城镇" + out[1][1:], "农村" + out[1][1:]]
    if len(out) == 1 and out[0].startswith("城乡") and len(values) == 2:
        out = ["城镇" + out[0][2:], "农村" + out[0][2:]]
    if len(out) != len(values) or len(out) < 2:
        return None
    last = out[-1]
    # The tail is shared only by a word that names no indicator itself ("城镇", not "税收收入").
    return [n + last[len(n):] if len(n) <= 4 and len(last) > len(n) + 2 and lookup(n) is None else n
            for n in out[:-1]] + [last]


def _respectively(chunk: str) -> list[Figure] | None:
    """"规上工业增加值、固定资产投资分别增长8%和10%" -> one figure per indicator."""
    m = _RESPECTIVELY.match(chunk)
    if not m:
        return None
    values = [v for v in _LIST_SPLIT.split(m.group("values")) if v]
    if m.group("how") == "均":
        if len(values) != 1:
            return None
        values = values * len([n for n in _LIST_SPLIT.split(m.group("names")) if n])
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
            fig = parse_figure(text, loose_units=True)
        except FigureError:
            return None
        if m.group("how") == "均":
            fig.raw = chunk  # one statement for all: the drafter's own words
        out.append(fig)
    return out


_NAME_TAIL = re.compile(r"(调控|继续保持|继续|保持在|保持|稳定在|控制在|全年|实际|基本|在|为|达|约|共)$")


def _chunks(clause: str) -> list[str]:
    """One chunk per figure; a "分别" statement ("A、B分别增长8%和10%") stays one chunk."""
    whole = _LEADING_WORDS.sub("", clause)
    if _paired(whole) and "，" not in whole and "," not in whole:
        return [whole]
    out: list[str] = []
    plain: list[str] = []
    for part in re.split(r"[，,]", clause):
        if _paired(part):
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


_MAY_HOLD_FIGURE = re.compile(r"\d|同步|平衡|稳定|" + "|".join(QUALITATIVE_QUALIFIERS))


# A number that states a figure: not a year, a date or an ordinal ("2024年", "3月", "第2").
_FIGURE_NUMBER = re.compile(r"(?<![第\d.])\d+(?:\.\d+)?(?![\d.]|年|月|日|号|届|次会议)")


def holds_figure_number(text: str) -> bool:
    return bool(_FIGURE_NUMBER.search(text))


# A tail after a target that states no figure of its own: "，力争更好结果", "，在实际工作中力争更好".
_STRETCH_TAIL = re.compile(r"[，,]?\s*(?:在实际工作中|实际工作中)?(?:努力|力争|争取)(?:取得)?(?:更好|更高|更优|更快)"
                           r"(?:的)?(?:结果|成绩|水平|效果)?(?=[；;。，,\n]|$)")
# "完成省下达的节能减排约束性指标": the quota's words after the name, as the grammar reads them.
# Not "…排放均完成市下达的目标": there the name came first and 目标 is the quota's own word.
_QUOTA_FIRST = re.compile(r"(?P<q>完成[省市]下达)的(?!(?:目标|任务|指标)(?:[，,；;。]|$))"
                          r"(?P<name>[^，,；;。、]{2,30}?)(?:任务)?(?=[，,；;。]|$)")
# "完成能耗强度降低任务": a task named between 完成 and 任务, a target with no number. Not the
# year's work as a whole ("完成全年目标任务", "完成各项工作任务").
_TASK_FIRST = re.compile(r"(?:(?<=^)|(?<=[，,；;。：:\n]))完成(?P<name>(?:(?!目标|全年|各项|工作|年度)[^，,；;。、：:\n]){2,30}?)"
                         r"任务(?=[，,；;。]|$)")
# An aside in brackets between a name and its figure: "一般公共预算支出（扣除某项支出外）增长3%以上".
# The figure is read without it; its raw keeps it.
_ASIDE_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[（(][^（）()]{1,40}[）)]"
                            r"(?=同比|增长|下降|增速|提高|降低|达到|控制在|保持|稳定在|为|\d)")
# "增幅8%以上" is a growth like "增长8%以上".
_RISE_WORD = re.compile(r"(?<=[\u4e00-\u9fff])增幅(?:为|达到|达)?(?=\d)")
# A comparison after a figure: "高于全省0.5个百分点", "比上年提高1个百分点", "快于全国平均水平".
_COMPARISON_ASIDE = re.compile(r"^(?:比|较)?(?:高于|低于|快于|慢于|高出|低出|超出|领先)?(?:全国|全省|全市|全区|全县|上年|去年|"
                               r"同期|平均)(?:平均)?(?:水平)?(?:高|低|快|慢|提高|下降|加快|回落)?[\d.]+个?百分点$"
                               r"|^(?:高于|低于|快于|慢于|高出|低出|超出|领先)(?:全国|全省|全市|全区|全县|上年|去年|同期|平均)")


_COMPARISON_PIECE = re.compile(r"[，,](?:比|较)?(?:高于|低于|快于|慢于|高出|低出|超出|领先)?(?:全国|全省|全市|全区|全县|上年|去年|"
                               r"同期|平均)(?:平均)?(?:水平)?(?:高|低|快|慢|提高|下降|加快|回落)?[\d.]+个?百分点(?=[，,；;。\n]|$)")


# Who set a target, before its name: "中央提出今年经济增长预期目标为5%左右".
_WHO_SET = re.compile(r"^.{0,12}?(?:提出|要求|明确|确定)(?=.)")


def figures_in(passage: str, *, need_key: bool = False, unread: list[str] | None = None) -> list[Figure]:
    """Every figure stated in a passage of targets or results. A chunk that states a number
    but does not read as a figure is added to `unread` (when given), never dropped unsaid."""
    found: list[Figure] = []

    def skipped(chunk: str) -> None:
        if unread is not None and holds_figure_number(chunk):
            unread.append(chunk)

    passage = _QUOTA_FIRST.sub(r"\g<name>\g<q>", _STRETCH_TAIL.sub("", passage))
    # A task's name may hold words the grammar reads as a figure's ("降低"): it is taken whole.
    tasks = [Figure(name=m.group("name"), qualifier="完成任务", raw=m.group(0), key=lookup(m.group("name")))
             for m in _TASK_FIRST.finditer(passage)]
    passage = _TASK_FIRST.sub("", passage)
    passage = _RISE_WORD.sub("增长", passage)
    passage = _COMPARISON_PIECE.sub("", passage)
    clauses = [c for c in re.split(r"[；;。\n]", passage) if c.strip()]
    for clause in clauses:
        clause = clause.strip()
        m = _MARK_PREFIX.match(clause)
        if m:
            rest = clause[m.end():]
            pre = re.sub(r"^.*[，,：:]", "", m.group("pre"))
            pre = _LEADING_WORDS.sub("", _WHO_SET.sub("", pre))
            # "今年经济增长预期目标为7%左右": the name stands before the mark.
            if re.match(r"^[\d.]+", rest) and pre:
                rest = pre + rest
            clause = rest
        for chunk in _chunks(clause):
            chunk = _LEADING_WORDS.sub("", chunk)
            resp = _respectively(chunk) if _paired(chunk) else None
            if resp is not None:
                found.extend(_named(f) for f in resp if f.key or not need_key)
                continue
            if "、" in chunk and _BUNDLE.match(chunk):
                trend = next(t for t in _SHARED_WORDS if chunk.endswith(t))
                found.append(Figure(name=chunk[:-len(trend)], qualifier=trend, raw=chunk))
                continue
            if _COMPARISON_ASIDE.match(chunk):
                continue  # "高于全省0.5个百分点": how the figure before compares, no target of its own
            if len(chunk) < 4 or not _MAY_HOLD_FIGURE.search(chunk):
                skipped(chunk)
                continue
            try:
                fig = _named(parse_figure(_ASIDE_IN_NAME.sub("", chunk), loose_units=True))
            except FigureError:
                skipped(chunk)
                continue
            fig.raw = fig.raw if fig.raw in chunk else chunk.strip().rstrip("。；;，,")
            if len(re.findall(r"[\u4e00-\u9fff]", fig.name)) < 2 and fig.key is None:
                skipped(chunk)
                continue
            if need_key and fig.key is None:
                continue
            found.append(fig)
    found.extend(f for f in tasks if f.key or not need_key)
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
