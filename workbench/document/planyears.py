"""The Five-Year-Plan calendar: which plan a year falls in (2021–2025 十四五, 2026–2030 十五五),
and the sentences that state a year's place in it ("2025年是“十四五”规划收官之年", "为圆满收官
“十四五”"), which a new year's draft must rewrite rather than move on by a year."""

from __future__ import annotations


from workbench.document.meeting import cn_number, cn_text
from workbench.util import lazyre

FIRST = 2016  # the first year of 十三五; plans run five years each from there
_FIRST_PLAN = 13

# "十四五" with or without its quotes; the ordinal is the middle numeral.
_PLAN = lazyre.compile(r"十([一二三四五六七八九])五")
# A sentence that gives a year a role: "2026年是……开局之年", "今年是……的关键一年".
_YEAR_ROLE = lazyre.compile(r"((?:19|20)[0-9]{2}|今|明|本)年(?:是|为)[^。；！？]{0,40}?(?:之年|一年)")
_SENTENCE = lazyre.compile(r"[^。；！？;!?\n]*[。；！？;!?]?")
_CALENDAR_WORDS = ("收官", "开局")


def plan_of(year: int) -> int:
    """The ordinal of the Five-Year Plan a year belongs to: 2025 -> 14, 2026 -> 15."""
    return _FIRST_PLAN + (year - FIRST) // 5


def plan_name(ordinal: int) -> str:
    """14 -> "十四五"."""
    return "十" + cn_text(ordinal - 10) + "五"


def plan_years(ordinal: int) -> tuple[int, int]:
    """The first and last year of a plan: 15 -> (2026, 2030)."""
    first = FIRST + (ordinal - _FIRST_PLAN) * 5
    return first, first + 4


def year_role(year: int) -> str:
    """"开局" for a plan's first year, "收官" for its last, "" otherwise."""
    first, last = plan_years(plan_of(year))
    return "开局" if year == first else "收官" if year == last else ""


def plans_named(sentence: str) -> list[int]:
    """The plan ordinals a sentence names ("十四五" -> 14)."""
    out = []
    for m in _PLAN.finditer(sentence):
        n = cn_number(m.group(1))
        if n is not None:
            out.append(10 + n)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, the end mark included."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]


def is_calendar_sentence(sentence: str) -> bool:
    """A sentence about a year's place in the plan calendar: a year given a role ("X年是…之年"),
    收官 or 开局, or a Five-Year Plan named. Moving its years on by one would make it false."""
    return bool(_YEAR_ROLE.search(sentence) or any(w in sentence for w in _CALENDAR_WORDS)
                or _PLAN.search(sentence))


# Words that make a named plan the current one ("实施好“十四五”规划", "“十五五”开局之年"); a
# later plan may still be prepared ("编制“十五五”规划") and an earlier one looked back on.
_CURRENT = ("收官", "开局", "之年", "圆满", "实施", "落实", "确定的", "目标任务")
# A later plan is only prepared for ("为“十五五”良好开局打好基础" is right in 2025); the words
# are looked for in the clause that names the plan, not across a long sentence.
_CURRENT_LATER = ("开局之年", "实施", "落实", "确定的", "目标任务")
_PREPARING = ("谋划", "谋篇", "编制", "研究", "衔接", "前期", "储备", "开好局", "良好开局", "起好步")
_CLAUSE = lazyre.compile(r"[，,；;：:]")


def calendar_slips(sentence: str, year: int, plan_chapter: bool) -> list[str]:
    """What a sentence of a report for `year` gets wrong about the plan calendar, in Chinese
    (empty when nothing): 收官/开局 given to a year that is not a plan's last/first year, an
    earlier plan treated as current in a plan chapter, a later plan treated as current."""
    out: list[str] = []
    now = plan_of(year)
    m = _YEAR_ROLE.search(sentence)
    # Only a role in a plan's calendar: "二十大精神的开局之年" starts something else.
    if m and (_PLAN.search(m.group()) or "五年规划" in m.group()):
        said = m.group(1)
        which = year if said in ("今", "本") else year + 1 if said == "明" else int(said)
        role = year_role(which)
        for word in _CALENDAR_WORDS:
            if word in m.group() and word != role:
                right = f"，{which}年是“{plan_name(plan_of(which))}”{role}之年" if role else ""
                out.append(f"{which}年不是五年规划的{word}之年{right}")
                break
    for clause in _CLAUSE.split(sentence):
        for n in plans_named(clause):
            if n < now and plan_chapter:
                current = [w for w in _CURRENT if w in clause]
            elif n > now and not any(w in clause for w in _PREPARING):
                current = [w for w in _CURRENT_LATER if w in clause]
            else:
                continue
            if not current:
                continue
            first, last = plan_years(now)
            if n < now:
                out.append(f"{year}年已是“{plan_name(now)}”时期（{first}—{last}年），"
                           f"工作安排里不应把“{plan_name(n)}”当作当前规划（“{current[0]}”）")
            else:
                out.append(f"{year}年仍在“{plan_name(now)}”时期（{first}—{last}年），"
                           f"“{plan_name(n)}”还未开始（“{current[0]}”）")
    return list(dict.fromkeys(out))
