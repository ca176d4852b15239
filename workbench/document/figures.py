"""Parse and print figures: "21.2亿元", "增长8%左右", "3000万美元以上" (DESIGN §4).

One grammar, two directions: `parse_figure` reads a target clause into a `Figure`,
`format_figure` prints a `Figure` back in house phrasing, and
`parse_figure(format_figure(f))` gives `f` back (with `raw` set to the printed text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from workbench.util.lazyre import LazyRegex
from workbench import strings as S

# Qualifiers and the direction in which they bind the figure.
ABOUT = "about"
AT_LEAST = "at_least"
AT_MOST = "at_most"
RANGE = "range"
IN_STEP = "in_step"
QUALITATIVE = "qualitative"

QUALIFIER_DIRECTION: dict[str, str | None] = {
    "左右": ABOUT,
    "以上": AT_LEAST,
    "不低于": AT_LEAST,
    "不少于": AT_LEAST,
    "力争": AT_LEAST,
    "以内": AT_MOST,
    "以下": AT_MOST,
    "不超过": AT_MOST,
    "控制在": AT_MOST,
    "区间": RANGE,
    "同步": IN_STEP,
    "基本同步": IN_STEP,
    "超过": AT_LEAST,
    "平均": None,
    "基本平衡": QUALITATIVE,
    "收支平衡": QUALITATIVE,
    "稳定": QUALITATIVE,
    "保持稳定": QUALITATIVE,
    # A quality target with no number: "固定资产投资提质提效", "进出口总额稳量提质".
    "提质提效": QUALITATIVE,
    "提质增效": QUALITATIVE,
    "稳量提质": QUALITATIVE,
    "稳中有升": QUALITATIVE,
    "稳中提质": QUALITATIVE,
    # "空气质量优良天数比率均完成省下达": a quota set from above, met or not.
    "均完成省下达": QUALITATIVE,
    "完成省下达": QUALITATIVE,
    "均完成市下达": QUALITATIVE,
    "完成市下达": QUALITATIVE,
    # "节能减排完成上级下达目标任务", "约束性指标达到上级规定要求": a quota or rule from above.
    "完成上级下达的目标任务": QUALITATIVE,
    "完成上级下达目标任务": QUALITATIVE,
    "完成上级下达的任务": QUALITATIVE,
    "完成上级下达任务": QUALITATIVE,
    "完成上级下达": QUALITATIVE,
    "达到上级规定要求": QUALITATIVE,
    "达到上级要求": QUALITATIVE,
    # "完成能耗强度降低任务" read as "能耗强度降低完成任务": a task to be done, no number.
    "完成任务": QUALITATIVE,
    # "一般公共预算收入保持正增长": above zero, no number.
    "保持正增长": QUALITATIVE,
    "实现正增长": QUALITATIVE,
}
SUFFIX_QUALIFIERS = ("左右", "以上", "以内", "以下")
# Written directly before the number: "不少于300亩", "控制在5.5%".
NUMBER_PREFIX_QUALIFIERS = ("不低于", "不少于", "不超过", "控制在", "超过", "平均")
# Written before the growth word or the value: "力争增长8%", "力争3000万美元".
CLAUSE_PREFIX_QUALIFIERS = ("力争",)
# A trend stated without a number ("进出口平稳增长", "生态环境进一步好转"): a target's wording only.
TREND_QUALIFIERS = ("平稳增长", "稳步增长", "进一步好转", "持续好转", "不断增强", "持续增强", "持续改善",
                    "进一步改善", "稳步提升", "稳步提高", "不断提高", "不断提升")
# More quality targets ("进出口保稳提质", "生态环境质量持续改善") and every wording of a quota set
# from above ("能耗降低完成国家下达任务", "主要污染物排放完成国家下达目标", "均完成省下达的指标").
_QUALITY_WORDS = ("保稳提质", "稳中向好", "稳中有进", "持续改善", "稳步提升")
_QUOTAS = tuple(f"{each}完成{level}下达{of}{what}" for each in ("均", "") for level in ("国家", "省", "市", "县", "区", "上级", "")
                for of in ("的", "") for what in ("任务", "目标", "指标", "") if level or what)
# Qualifiers only a target is written with (a quota, a rule, a task, "正增长"): a review sentence
# in these words states no result.
TARGET_ONLY_QUALIFIERS = ("完成上级下达的目标任务", "完成上级下达目标任务", "完成上级下达的任务", "完成上级下达任务",
                          "完成上级下达", "达到上级规定要求", "达到上级要求", "完成任务", "保持正增长", "实现正增长")
for _word in _QUALITY_WORDS + _QUOTAS + TARGET_ONLY_QUALIFIERS:
    QUALIFIER_DIRECTION.setdefault(_word, QUALITATIVE)
# Longest first: the cursor takes the first wording that matches.
QUALITATIVE_QUALIFIERS = tuple(sorted(
    {"基本平衡", "收支平衡", "保持稳定", "稳定", "提质提效", "提质增效", "稳量提质", "稳中有升", "稳中提质",
     "均完成省下达", "完成省下达", "均完成市下达", "完成市下达", *TREND_QUALIFIERS, *_QUALITY_WORDS, *_QUOTAS,
     *TARGET_ONLY_QUALIFIERS},
    key=lambda w: (-len(w), w)))

POSITIVE_GROWTH_WORDS = ("同比增长", "增长", "增速", "提高", "上升", "增加", "提升")
NEGATIVE_GROWTH_WORDS = ("同比下降", "下降", "降低", "减少")
GROWTH_WORDS = POSITIVE_GROWTH_WORDS + NEGATIVE_GROWTH_WORDS
# Verbs that may stand between a name and its value: "固定资产投资达到21.2亿元".
LINK_WORDS = ("稳定在", "保持在", "达到", "完成", "实现", "突破", "总额为", "为", "达")
SCOPE_PREFIXES = ("全镇", "全街", "全县", "全区", "全市", "全省", "全国", "全年")


class Unit(NamedTuple):
    """A unit of measure: its family and its scale within the family."""

    name: str
    family: str
    scale: float


_UNIT_LIST = [
    Unit("元", "cny", 1), Unit("万元", "cny", 1e4), Unit("亿元", "cny", 1e8), Unit("万亿元", "cny", 1e12),
    Unit("美元", "usd", 1), Unit("万美元", "usd", 1e4), Unit("亿美元", "usd", 1e8),
    Unit("万亿美元", "usd", 1e12),
    Unit("人", "person", 1), Unit("万人", "person", 1e4), Unit("名", "person", 1),
    Unit("人次", "visit", 1), Unit("万人次", "visit", 1e4),
    Unit("户", "household", 1), Unit("万户", "household", 1e4),
    Unit("亩", "area", 1), Unit("万亩", "area", 1e4), Unit("公顷", "area", 15),
    Unit("平方米", "sqm", 1), Unit("万平方米", "sqm", 1e4), Unit("平方公里", "sqkm", 1),
    Unit("吨", "mass", 1), Unit("万吨", "mass", 1e4), Unit("亿吨", "mass", 1e8),
    Unit("公斤", "mass", 1e-3), Unit("万公斤", "mass", 10), Unit("斤", "mass", 5e-4),
    Unit("万斤", "mass", 5), Unit("亿斤", "mass", 5e4), Unit("万亿斤", "mass", 5e8),
    Unit("公里", "length", 1000), Unit("千米", "length", 1000), Unit("米", "length", 1),
    Unit("千瓦", "power", 1), Unit("万千瓦", "power", 1e4),
    Unit("千瓦时", "energy", 1), Unit("万千瓦时", "energy", 1e4), Unit("亿千瓦时", "energy", 1e8),
    Unit("吨标准煤", "coal", 1), Unit("万吨标准煤", "coal", 1e4),
    Unit("标准箱", "teu", 1), Unit("万标准箱", "teu", 1e4),
    Unit("个", "count", 1), Unit("家", "firm", 1), Unit("项", "project", 1),
    Unit("所", "school", 1), Unit("座", "building", 1), Unit("套", "dwelling", 1),
    Unit("间", "room", 1), Unit("宗", "case", 1), Unit("件", "item", 1),
    Unit("处", "site", 1), Unit("条", "line", 1), Unit("台", "machine", 1),
    Unit("辆", "vehicle", 1), Unit("张", "sheet", 1), Unit("栋", "building", 1),
    Unit("场", "event", 1),
    Unit("%", "percent", 1), Unit("‰", "permille", 1), Unit("百分点", "points", 1),
]
# Counts in ten-thousands: "50万个", "1.2万家".
_UNIT_LIST += [Unit("万" + u.name, u.family, 1e4) for u in list(_UNIT_LIST)
               if u.family in ("count", "firm", "project", "dwelling", "machine", "vehicle", "item",
                               "site", "sheet", "line", "building")
               and u.name not in ("栋",)]
UNITS: dict[str, Unit] = {u.name: u for u in _UNIT_LIST}
# Longest first, so "万美元" wins over "万" and "吨标准煤" over "吨".
_UNIT_NAMES = sorted(UNITS, key=len, reverse=True)


@dataclass
class Figure:
    """One indicator with its value and growth, as a target or a result (DESIGN §3)."""

    name: str
    key: str | None = None
    value: float | None = None
    unit: str | None = None
    growth_pct: float | None = None
    qualifier: str | None = None
    raw: str = ""
    growth_pct_max: float | None = None
    stretch_pct: float | None = None

    @property
    def direction(self) -> str | None:
        """The binding direction of the qualifier (about / at_least / at_most / …)."""
        return QUALIFIER_DIRECTION.get(self.qualifier or "")

    @property
    def is_qualitative(self) -> bool:
        return self.value is None and self.growth_pct is None


class FigureError(ValueError):
    """A string the figure grammar cannot read; `position` is 0-based into `text`."""

    def __init__(self, text: str, position: int, expected: str):
        self.text = text
        self.position = position
        self.expected = expected
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.position >= len(self.text):
            return S.FIGURE_ERROR_AT_END.format(text=self.text, expected=self.expected)
        return S.FIGURE_ERROR_AT.format(
            text=self.text, pos=self.position + 1,
            char=self.text[self.position], expected=self.expected,
        )


# ---------------------------------------------------------------- numbers

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％，－～（）：；",
    "0123456789.%,-~():;",
)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL_CHARS = set(_CN_DIGITS) | set(_CN_SMALL_UNITS)
_ARABIC_RE = LazyRegex(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")


def normalize(text: str) -> str:
    """Full-width digits and signs to half-width, one character for one, so positions hold."""
    return text.translate(_FULLWIDTH)


def _as_number(digits: str) -> float:
    """Int when written without a decimal point, float when with one (5.0 stays 5.0)."""
    digits = digits.replace(",", "")
    if "." in digits:
        return float(digits)
    return int(digits)


def parse_cn_numeral(text: str) -> int | None:
    """Chinese numerals up to the thousands: 五, 十二, 两千, 三百零五. None when not one."""
    if not text or any(c not in _CN_NUMERAL_CHARS for c in text):
        return None
    total, digit = 0, None
    for c in text:
        if c in _CN_DIGITS:
            if digit not in (None, 0) and _CN_DIGITS[c] != 0:
                return None
            digit = _CN_DIGITS[c]
        else:
            scale = _CN_SMALL_UNITS[c]
            total += (1 if digit is None else digit) * scale
            digit = None
    if digit is not None:
        total += digit
    return total


def read_number(s: str, i: int) -> tuple[float, int] | None:
    """Read an Arabic or Chinese number at s[i]; return (value, end) or None."""
    m = _ARABIC_RE.match(s, i)
    if m:
        return _as_number(m.group()), m.end()
    j = i
    while j < len(s) and s[j] in _CN_NUMERAL_CHARS:
        j += 1
    if j > i:
        # "一" alone before a non-unit is a word, not a number ("一般", "一是").
        value = parse_cn_numeral(s[i:j])
        if value is not None and _unit_at(s, j) is not None:
            return value, j
    return None


_UNITS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _name in ["个百分点", *_UNIT_NAMES]:
    _UNITS_BY_FIRST[_name[0]] = _UNITS_BY_FIRST.get(_name[0], ()) + (_name,)


def _unit_at(s: str, i: int) -> str | None:
    """The longest unit name at s[i], or None."""
    if i >= len(s):
        return None
    for name in _UNITS_BY_FIRST.get(s[i], ()):
        if s.startswith(name, i):
            return name
    return None


def format_number(x: float) -> str:
    """Shortest decimal that reads back as the same number, never in exponent form."""
    if isinstance(x, bool):
        raise TypeError("bool is not a number here")
    if isinstance(x, int):
        return str(x)
    text = repr(float(x))
    if "e" in text or "E" in text:
        text = f"{x:.10f}".rstrip("0")
        if text.endswith("."):
            text += "0"
    return text


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """Convert between units of one family (亿元 ↔ 万元); None when they cannot convert."""
    if unit == to_unit:
        return value
    a, b = UNITS.get(unit or ""), UNITS.get(to_unit or "")
    if a is None or b is None or a.family != b.family:
        return None
    return value * a.scale / b.scale


def comparable(unit_a: str | None, unit_b: str | None) -> bool:
    if unit_a == unit_b:
        return True
    a, b = UNITS.get(unit_a or ""), UNITS.get(unit_b or "")
    return a is not None and b is not None and a.family == b.family


def decimals(x: float | None) -> int:
    """Digits after the decimal point as printed: 21.2 -> 1, 8 -> 0."""
    if x is None:
        return 0
    text = format_number(x)
    return len(text.split(".")[1]) if "." in text else 0


# ---------------------------------------------------------------- parsing

_SEPARATORS = "，,、;；"
_RANGE_DASHES = ("——", "—", "－", "-", "~", "～", "至", "到")


class _Cursor:
    def __init__(self, original: str, *, loose_units: bool = False):
        self.original = original
        self.s = normalize(original)
        self.i = 0
        # Reading other people's text: a unit we do not know is kept as written ("10万头").
        self.loose_units = loose_units

    def at_end(self) -> bool:
        return self.i >= len(self.s)

    def skip_space(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\u3000":
            self.i += 1

    def take(self, *words: str) -> str | None:
        for w in words:
            if self.s.startswith(w, self.i):
                self.i += len(w)
                return w
        return None

    def fail(self, expected: str) -> FigureError:
        return FigureError(self.original, self.i, expected)


_STOPS = GROWTH_WORDS + tuple(q for q in NUMBER_PREFIX_QUALIFIERS if q != "平均") + CLAUSE_PREFIX_QUALIFIERS + (
    "与", "同步") + QUALITATIVE_QUALIFIERS
_STOP_FIRST = {w[0] for w in _STOPS}
_LINK_FIRST = {w[0] for w in LINK_WORDS}


def _name_end(s: str) -> int:
    """Where the indicator name ends: before a number, growth word, qualifier or separator."""
    stops = _STOPS
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            if j < len(s) and s[j].isascii() and s[j].isalpha():  # "5G基站"
                i = j
                continue
            return i
        if c in _SEPARATORS:
            return i
        if c == "与" and "同步" not in s[i:]:
            i += 1  # "研究与试验发展经费": "与" stops a name only before "…同步"
            continue
        if c == "平" and s.startswith("平均", i) and s[i + 2:i + 3].isdigit():  # "失业率平均5.2%"
            return i
        if c in _STOP_FIRST and s.startswith(stops, i) and not s.startswith(("增加值", "增速器"), i):
            word = next((w for w in GROWTH_WORDS if s.startswith(w, i)), None)
            if word is not None and s.startswith(QUALITATIVE_QUALIFIERS, i + len(word)) \
                    and not s.startswith(("稳定", "稳中", "稳步", "稳量", "基本平衡", "持续"), i + len(word)):
                i += len(word)  # "能耗降低完成国家下达任务": the name is "能耗降低", the target a quota
                continue
            return i
        if c in _LINK_FIRST and s.startswith(LINK_WORDS, i) and read_number_after_link(s, i):
            return i
        if c in _CN_NUMERAL_CHARS and read_number(s, i) and i > 0:
            return i
        i += 1
    return i


def read_number_after_link(s: str, i: int) -> bool:
    for w in LINK_WORDS:
        if s.startswith(w, i):
            j = i + len(w)
            for q in NUMBER_PREFIX_QUALIFIERS:
                if s.startswith(q, j):
                    j += len(q)
                    break
            return read_number(s, j) is not None
    return False


_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?")
_DECIMAL_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}


def percent_words(text: str) -> str:
    """"增长百分之五点四" as the grammar reads it: "增长5.4%" (a rate written out in words)."""
    if "百分之" not in text:
        return text

    def number(m: re.Match) -> str:
        whole = parse_cn_numeral(m.group(1)) if m.group(1) not in ("零", "〇") else 0
        if whole is None:
            return m.group(0)
        frac = "".join(_DECIMAL_DIGITS[c] for c in m.group(2)) if m.group(2) else ""
        return f"{whole}{'.' + frac if frac else ''}%"

    return _PERCENT_WORDS.sub(number, text)


def parse_figure(text: str, *, name: str | None = None, loose_units: bool = False) -> Figure:
    """Read a target or result clause into a Figure.

    "固定资产投资总额21.2亿元，增长46.9%左右" gives name, value, unit, growth and qualifier.
    With `name` given, `text` holds only the figure part ("21.2亿元", "增长8%左右").
    Raises FigureError naming the position and what was expected.
    """
    from workbench.document.catalog import lookup  # local: the catalogue loads its data file on first use

    raw = percent_words(text.strip().rstrip("。；;，,"))
    if not raw:
        raise FigureError(text, 0, S.EXPECT_FIGURE)
    cur = _Cursor(raw, loose_units=loose_units)
    if name is None:
        for prefix in SCOPE_PREFIXES:
            if cur.s.startswith(prefix) and len(cur.s) > len(prefix):
                cur.i = len(prefix)
                break
        start = cur.i
        end = start + _name_end(cur.s[start:])
        fig_name = raw[start:end].strip()
        for verb in ("实现", "保持", "完成", "达到", "全年"):
            if fig_name.endswith(verb) and len(fig_name) > len(verb):
                fig_name = fig_name[: -len(verb)]
        cur.i = end
    else:
        fig_name = name.strip()
    fig = Figure(name=fig_name, raw=raw, key=lookup(fig_name) if fig_name else None)
    _parse_parts(cur, fig)
    if fig.value is None and fig.growth_pct is None and fig.qualifier is None:
        raise cur.fail(S.EXPECT_FIGURE)
    return fig


def _parse_parts(cur: _Cursor, fig: Figure) -> None:
    seen_part = False
    while True:
        cur.skip_space()
        if cur.at_end():
            return
        if seen_part:
            # "147亿元增长8%" runs the growth on without a comma; anything else needs one.
            if cur.take(*_SEPARATORS) is None and not any(
                    cur.s.startswith(w, cur.i) for w in GROWTH_WORDS):
                raise cur.fail(S.EXPECT_SEPARATOR)
            cur.skip_space()
        if _parse_stretch(cur, fig):
            seen_part = True
            continue
        if _parse_in_step(cur, fig) or _parse_qualitative(cur, fig):
            seen_part = True
            continue
        pre = cur.take(*CLAUSE_PREFIX_QUALIFIERS)
        growth_word = cur.take(*GROWTH_WORDS)
        if growth_word is not None:
            if fig.growth_pct is not None or (fig.unit == "百分点" and fig.value is not None):
                raise FigureError(cur.original, cur.i - len(growth_word), S.EXPECT_ONE_GROWTH)
            _parse_growth(cur, fig, growth_word, pre)
        else:
            cur.take(*LINK_WORDS)
            if fig.value is not None:
                raise cur.fail(S.EXPECT_GROWTH_WORD)
            _parse_value(cur, fig, pre)
        seen_part = True


def _parse_stretch(cur: _Cursor, fig: Figure) -> bool:
    """"、力争达到8%" after a growth target: the stretch goal."""
    if fig.growth_pct is None or fig.stretch_pct is not None:
        return False
    save = cur.i
    if cur.take("力争") is None:
        return False
    cur.take("达到", "实现", "增长")
    got = read_number(cur.s, cur.i)
    if got is None or not cur.s.startswith("%", got[1]):
        cur.i = save
        return False
    fig.stretch_pct = got[0]
    cur.i = got[1] + 1
    return True


def _parse_in_step(cur: _Cursor, fig: Figure) -> bool:
    """"与经济增长同步", "基本同步": in step with another figure, no number."""
    s, i = cur.s, cur.i
    if s.startswith(("与", "和", "同"), i) and not s.startswith("同比", i):
        j = s.find("同步", i)
        if j < 0:
            return False
        basic = s[j - 2:j] == "基本"
        fig.qualifier = "基本同步" if basic else "同步"
        cur.i = j + 2
        cur.take("增长")
        return True
    word = cur.take("基本同步", "同步增长", "同步")
    if word is None:
        return False
    fig.qualifier = "基本同步" if word == "基本同步" else "同步"
    return True


def _parse_qualitative(cur: _Cursor, fig: Figure) -> bool:
    """"收支基本平衡", "保持稳定": a target with no number."""
    save = cur.i
    word = cur.take(*QUALITATIVE_QUALIFIERS)
    if word is None:
        cur.take("实现", "保持", "基本")
        word = cur.take(*QUALITATIVE_QUALIFIERS, "平衡")
    if word is None or cur.s.startswith("在", cur.i):
        cur.i = save
        return False
    if word in ("收支平衡", "平衡"):
        word = "基本平衡"
    fig.qualifier = "保持稳定" if word == "稳定" else word
    return True


def _prefix_qualifier(cur: _Cursor) -> str | None:
    return cur.take(*NUMBER_PREFIX_QUALIFIERS)


def _suffix_qualifier(cur: _Cursor) -> str | None:
    return cur.take(*SUFFIX_QUALIFIERS)


def _merge_qualifier(fig: Figure, pre: str | None, post: str | None) -> None:
    if pre == "控制在" and post in ("以内", "以下"):
        pre = None  # "控制在5.5%以内" says "以内" once.
    q = post or pre
    if q is not None:
        fig.qualifier = q


def _parse_number(cur: _Cursor) -> float:
    got = read_number(cur.s, cur.i)
    if got is None:
        j = cur.i
        while j < len(cur.s) and cur.s[j] in _CN_NUMERAL_CHARS:
            j += 1
        if j > cur.i and parse_cn_numeral(cur.s[cur.i:j]) is not None:
            if cur.s.startswith("点", j):  # "五点八%": a decimal in Chinese numerals
                raise cur.fail(S.EXPECT_ARABIC_DECIMAL)
            # "一百亿": a Chinese number read only with its unit; say the unit is what is wrong.
            cur.i = j
            raise cur.fail(S.EXPECT_UNIT)
        raise cur.fail(S.EXPECT_NUMBER)
    cur.i = got[1]
    return got[0]


def _parse_growth(cur: _Cursor, fig: Figure, word: str, clause_pre: str | None) -> None:
    sign = -1 if word in NEGATIVE_GROWTH_WORDS else 1
    cur.skip_space()
    if _parse_in_step(cur, fig):
        return
    pre = _prefix_qualifier(cur) or clause_pre
    number = _parse_number(cur)
    if cur.take("个百分点", "百分点"):
        fig.value = _signed(sign, number)
        fig.unit = "百分点"
        _merge_qualifier(fig, pre, _suffix_qualifier(cur))
        return
    if cur.take("倍"):
        number = number * 100
    elif cur.take("%") is None:
        # "增长5.0—5.5%": the first % may be left out of a range.
        if not any(cur.s.startswith(d, cur.i) for d in _RANGE_DASHES):
            raise cur.fail(S.EXPECT_PERCENT)
    fig.growth_pct = _signed(sign, number)
    dash = cur.take(*_RANGE_DASHES)
    if dash is not None:
        top = _parse_number(cur)
        if cur.take("%") is None:
            raise cur.fail(S.EXPECT_PERCENT)
        fig.growth_pct_max = _signed(sign, top)
        fig.qualifier = "区间"
        return
    _merge_qualifier(fig, pre, _suffix_qualifier(cur))


def _parse_value(cur: _Cursor, fig: Figure, clause_pre: str | None) -> None:
    pre = _prefix_qualifier(cur) or clause_pre
    number = _parse_number(cur)
    unit = _unit_at(cur.s, cur.i)
    if unit is not None:
        cur.i += len(unit)
        unit = "百分点" if unit == "个百分点" else unit
        per = re.match(r"/[\u4e00-\u9fff]{1,2}?(?=左右|以上|以内|以下|[，、；;,]|$)", cur.s[cur.i:])
        if cur.loose_units and per:
            cur.i += len(per.group())
            unit += per.group()  # "万元/人": a rate we keep as written
    elif cur.loose_units and (written := _unit_as_written(cur.s, cur.i)):
        cur.i += len(written)
        unit = written
    else:
        cur.skip_space()
        if not (cur.at_end() or cur.s[cur.i] in _SEPARATORS
                or any(cur.s.startswith(q, cur.i) for q in SUFFIX_QUALIFIERS)):
            raise cur.fail(S.EXPECT_UNIT)
    fig.value = number
    fig.unit = unit
    dash = cur.take(*_RANGE_DASHES)
    if dash is not None and unit == "%":
        # A level given as a range, "5%—5.5%": kept as the lower bound with the top as max.
        top = _parse_number(cur)
        if cur.take("%") is None:
            raise cur.fail(S.EXPECT_PERCENT)
        fig.growth_pct_max = top
        fig.qualifier = "区间"
        return
    if dash is not None:
        raise FigureError(cur.original, cur.i - len(dash), S.EXPECT_SEPARATOR)
    _merge_qualifier(fig, pre, _suffix_qualifier(cur))


_WRITTEN_UNIT = LazyRegex(r"[万亿千百]?[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?")
_NOT_UNIT_START = tuple(SUFFIX_QUALIFIERS) + GROWTH_WORDS + ("和", "与", "及", "等", "的", "是", "其中", "同比")


def _unit_as_written(s: str, i: int) -> str | None:
    """A unit the table lacks, read up to the next separator or qualifier ("10万头", "3艘")."""
    m = _WRITTEN_UNIT.match(s, i)
    if not m:
        return None
    text = m.group()
    for j in range(1, len(text) + 1):
        if s.startswith(_NOT_UNIT_START, i + j) or i + j == len(s) or s[i + j] in _SEPARATORS:
            text = text[:j]
            break
    else:
        return None
    if text in ("万", "亿", "千", "百") or s.startswith(_NOT_UNIT_START, i):
        return None
    return text


def _signed(sign: int, x: float) -> float:
    if sign > 0:
        return x
    return -x if x != 0 else x


# ---------------------------------------------------------------- printing

def format_value(fig: Figure) -> str:
    """The value part alone: "21.2亿元", "不少于300亩", "5.5%以内"."""
    if fig.value is None:
        return ""
    if fig.unit == "百分点":
        word = "提高" if fig.value >= 0 else "下降"
        return f"{word}{format_number(abs(fig.value))}个百分点"
    text = format_number(fig.value) + (fig.unit or "")
    if fig.qualifier == "区间" and fig.growth_pct is None and fig.growth_pct_max is not None:
        return text + "—" + format_number(fig.growth_pct_max) + "%"
    return text


def format_growth(fig: Figure) -> str:
    """The growth part alone: "增长8%", "下降3%", "增长5.0%—5.5%"."""
    if fig.growth_pct is None:
        return ""
    g = fig.growth_pct
    word = "下降" if (g < 0 or (g == 0 and str(g).startswith("-"))) else "增长"
    text = word + format_number(abs(g)) + "%"
    if fig.qualifier == "区间" and fig.growth_pct_max is not None:
        text += "—" + format_number(abs(fig.growth_pct_max)) + "%"
    return text


def _apply_qualifier(text: str, q: str | None, *, growth: bool) -> str:
    if q is None or q == "区间" or not text:
        return text
    if q in SUFFIX_QUALIFIERS:
        return text + q
    if q in NUMBER_PREFIX_QUALIFIERS:
        if growth:
            for w in GROWTH_WORDS:
                if text.startswith(w):
                    return w + q + text[len(w):]
        if text.startswith(("提高", "下降")) and "个百分点" in text:
            return text[:2] + q + text[2:]
        return q + text
    if q in CLAUSE_PREFIX_QUALIFIERS:
        return q + text
    return text


def format_parts(fig: Figure) -> tuple[str, str]:
    """The value part and the growth part as the house prints them, each with the words
    that bind to it ("不少于300亩", "增长7%以上、力争达到8%", "增长与经济增长同步");
    parse_figure(part, name=…) reads each back."""
    value = format_value(fig)
    growth = format_growth(fig)
    q = fig.qualifier
    direction = QUALIFIER_DIRECTION.get(q or "")
    numeric_q = q if q is not None and direction not in (IN_STEP, QUALITATIVE) else None
    value_part = _apply_qualifier(value, None if growth else numeric_q, growth=False) if value else ""
    growth_part = _apply_qualifier(growth, numeric_q, growth=True) if growth else ""
    if fig.stretch_pct is not None and growth:
        growth_part += "、力争达到" + format_number(fig.stretch_pct) + "%"
    if direction == IN_STEP:
        lead = growth_part + "，" if growth_part else ("" if value_part else "增长")
        growth_part = lead + ("与经济增长基本同步" if q == "基本同步" else "与经济增长同步")
    elif direction == QUALITATIVE:
        growth_part = (growth_part + "，" if growth_part else "") + q
    return value_part, growth_part


def format_figure(fig: Figure, *, with_name: bool = True) -> str:
    """Print a Figure in house phrasing; parse_figure reads it back to the same Figure."""
    body = "，".join(p for p in format_parts(fig) if p)
    if not with_name:
        return body
    name = fig.name
    if body and name and _needs_link(name, body):
        return name + "为" + body
    return name + body


def _needs_link(name: str, body: str) -> bool:
    """A name ending in a numeral character would run into the number; link it with 为."""
    return name[-1].isdigit() or name[-1] in _CN_NUMERAL_CHARS


class Mention(NamedTuple):
    """A number with its unit found inside running text."""

    start: int
    end: int
    value: float
    unit: str | None
    growth: bool = False
    qualifier: str | None = None


_MENTION_RE = LazyRegex(
    r"(?P<growth>同比增长|增长|增速|提高|上升|下降|降低|减少)?"
    r"(?P<pre>不低于|不少于|不超过|控制在)?"
    r"(?P<num>[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)"
)


def find_mentions(text: str) -> list[Mention]:
    """Every number with a known unit in running text ("新增规上企业8家", "增长6.1%")."""
    return list(_mentions(text))


@lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[Mention, ...]:
    """find_mentions, remembered: the checks ask of the same clauses again and again."""
    s = normalize(text)
    found: list[Mention] = []
    for m in _MENTION_RE.finditer(s):
        num_text = m.group("num")
        end = m.end()
        unit = _unit_at(s, end)
        if unit is None:
            continue
        if num_text[0].isdigit():
            value = _as_number(num_text.replace("，", ","))
        else:
            parsed = parse_cn_numeral(num_text)
            if parsed is None:
                continue
            value = parsed
        end += len(unit)
        unit = "百分点" if unit == "个百分点" else unit
        q = m.group("pre")
        post = next((w for w in SUFFIX_QUALIFIERS if s.startswith(w, end)), None)
        if post:
            end += len(post)
            q = post
        g = m.group("growth")
        if g in NEGATIVE_GROWTH_WORDS:
            value = -value
        found.append(Mention(m.start(), end, value, unit, growth=bool(g) and unit == "%",
                             qualifier=q))
    return tuple(found)


__all__ = [
    "Figure", "FigureError", "Unit", "UNITS", "parse_figure", "format_figure", "format_value",
    "format_growth", "format_number", "convert", "comparable", "decimals", "normalize",
    "find_mentions", "Mention", "format_parts",
]
