"""Chinese sentences from data, in the house phrasing: the targets sentence, the review
sentence, attainment words, and full-width punctuation for body text."""

from __future__ import annotations

from typing import Iterable

from workbench import strings as S
from workbench.document.figures import Figure, format_figure
from workbench.document.model import text_sha256
from workbench.util.lazyre import LazyRegex

TARGETS_MARKER = "主要预期目标"

# Attainment states (DESIGN §5) and the words a report uses for them.
EXCEEDED = "exceeded"
MET = "met"
BASICALLY_MET = "basically_met"
MISSED = "missed"
NO_DATA = "no_data"
NOT_COMPARABLE = "not_comparable"
ATTAINMENT_WORDS = {
    EXCEEDED: "超额完成",
    MET: "完成",
    BASICALLY_MET: "基本完成",
    MISSED: "未完成",
    NO_DATA: "无数据",
    NOT_COMPARABLE: "无法比较",
}

_LEVELS = (("街道", "全街"), ("镇", "全镇"), ("乡", "全乡"), ("县", "全县"), ("区", "全区"),
           ("市", "全市"), ("省", "全省"), ("自治州", "全州"), ("州", "全州"), ("盟", "全盟"),
           ("旗", "全旗"))


def scope_word(place: str) -> str:
    """全镇 / 全街 / 全县 / 全区 / 全市 … by the level the place's name ends with."""
    for suffix, word in _LEVELS:
        if place.endswith(suffix):
            return word
    if place in ("中国", "全国", "国务院"):
        return "全国"
    return "全" + (place[-1] if place else "镇")


def targets_sentence(report) -> str:
    """"今年全镇经济社会发展的主要预期目标是：地区生产总值增长8%左右；……。"."""
    clauses = [format_figure(f) for f in report.targets]
    if not clauses:
        return ""
    return (f"今年{scope_word(report.place)}经济社会发展的{TARGETS_MARKER}是："
            + "；".join(clauses) + "。")


def is_targets_paragraph(text: str) -> bool:
    return TARGETS_MARKER in text and "：" in text


# The one rule for text the workbench writes from data: a paragraph marked `generated`
# prints what its generator makes from the tables, and its stored text is kept equal to
# that; an unmarked paragraph is the drafter's own and prints exactly as stored.
GENERATED_TARGETS = "targets"
GENERATORS = {GENERATED_TARGETS: targets_sentence}


def generated_text(report, kind: str) -> str:
    make = GENERATORS.get(kind)
    return make(report) if make is not None else ""


def printed(report, para) -> tuple[str | None, str]:
    """(lead, text) of a paragraph as the editor, preview, `show` and the export print it.
    A kind this version cannot generate prints the stored text rather than nothing."""
    if para.generated in GENERATORS:
        return None, generated_text(report, para.generated)
    return para.lead, para.text


def refresh_generated(report):
    """Rewrite every generated paragraph from the tables, so the stored text is the printed one."""
    for ch in report.chapters:
        for paras in [ch.paragraphs] + [sec.paragraphs for sec in ch.sections]:
            for p in paras:
                if p.generated in GENERATORS:
                    p.lead = None
                    p.text = generated_text(report, p.generated)
    return report


def claim_edited_generated(report) -> list[tuple[int, int | None, int]]:
    """Generated paragraphs whose text was changed outside the workbench (a document JSON
    edited by hand) made the drafter's own, so the next save keeps the changed text rather
    than writing the sentence again; their addresses, for the drafter to be told.

    Changed: a lead was added, or the text is neither what the paragraph's generator makes
    from this document's tables nor the text the workbench recorded when it wrote the file
    (`generated_sha256`; a table edited in the file with the text left alone is not a change
    of the text). A file without that record (an older one) is judged by the tables alone.
    An empty paragraph marked generated is a request for the sentence and stays generated."""
    claimed = []
    for ci, si, pi, p in report.paragraphs():
        if not p.generated:
            continue
        if not p.lead:
            if not p.text.strip():
                continue
            if p.generated in GENERATORS and p.text == generated_text(report, p.generated):
                continue
            if p.generated_sha256 is not None:
                if text_sha256(p.text) == p.generated_sha256:
                    continue
            elif p.generated not in GENERATORS:
                continue  # printed as stored anyway: nothing would overwrite it
        p.generated = None
        p.generated_sha256 = None
        claimed.append((ci, si, pi))
    return claimed


def paragraph_place(chapters, ci: int, si: int | None = None, pi: int | None = None) -> str:
    """A paragraph's place as the drafter sees it: "第二章（三）第2段", "开头第1段" (an
    untitled opening chapter is not counted, so 第二章 is the chapter printed "二、")."""
    if ci >= len(chapters):
        return ""
    number = chapter_numbers(chapters)[ci]
    parts = [S.WHERE_CHAPTER.format(n=number.rstrip("、")) if number else S.WHERE_OPENING]
    if si is not None:
        parts.append(section_number(si))
    if pi is not None:
        parts.append(S.WHERE_PARAGRAPH.format(n=pi + 1))
    return "".join(parts)


def review_sentence(results: Iterable[Figure]) -> str:
    """"全年实现地区生产总值增长6.5%；完成固定资产投资总额22.5亿元，增长55.9%。"."""
    parts = []
    for i, f in enumerate(results):
        if f.is_qualitative and f.qualifier is None:
            continue
        verb = "实现" if f.value is None else "完成"
        text = format_figure(f)
        parts.append(("全年" if i == 0 else "") + verb + text)
    return "；".join(parts) + "。" if parts else ""


_PUNCT_PAIRS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = r"[\u3400-\u9fff\uf900-\ufaff“”‘’（）《》、，。；：？！]"
_HALF_AFTER_CJK = LazyRegex(rf"(?<={_CJK})([,;:?!()])|([,;:?!()])(?={_CJK})")


def full_width(text: str) -> str:
    """Half-width punctuation beside Chinese characters made full-width; quotes balanced as “”."""
    converted = _HALF_AFTER_CJK.sub(lambda m: _PUNCT_PAIRS[m.group(1) or m.group(2)], text)
    if converted != text and ("(" in converted or ")" in converted):
        converted = _pair_brackets(converted)
    text = converted
    if '"' in text:
        out, open_ = [], True
        for ch in text:
            if ch == '"':
                out.append("“" if open_ else "”")
                open_ = not open_
            else:
                out.append(ch)
        text = "".join(out)
    return text


def _pair_brackets(text: str) -> str:
    """A bracket pair made one full-width and one half-width by the rule above ("（SILAS)1.0"
    from "(SILAS)1.0": only the side beside a Chinese character turned) made full-width on both
    sides, so the text never reads as an unbalanced bracket."""
    chars = list(text)
    stack: list[int] = []
    for i, ch in enumerate(chars):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            j = stack.pop()
            if (chars[j] == "（") != (ch == "）"):
                chars[j], chars[i] = "（", "）"
    return "".join(chars)


_CN_NUMS = "一二三四五六七八九十"


def chinese_ordinal(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (chapter and section numbering)."""
    if n <= 10:
        return _CN_NUMS[n - 1]
    if n < 20:
        return "十" + _CN_NUMS[n - 11]
    tens, ones = divmod(n, 10)
    return _CN_NUMS[tens - 1] + "十" + (_CN_NUMS[ones - 1] if ones else "")


def chapter_number(i: int) -> str:
    return chinese_ordinal(i + 1) + "、"


def chapter_numbers(chapters) -> list[str]:
    """"一、" for each titled chapter in turn; "" for an untitled opening one."""
    out, n = [], 0
    for ch in chapters:
        if ch.title:
            out.append(chapter_number(n))
            n += 1
        else:
            out.append("")
    return out


def section_number(i: int) -> str:
    return "（" + chinese_ordinal(i + 1) + "）"


def speaking_minutes(chars: int, per_minute: int = 220) -> float:
    """A report is read aloud at about 220 characters a minute."""
    return chars / per_minute
