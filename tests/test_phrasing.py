from __future__ import annotations

import pytest

from workbench.document.figures import parse_figure
from workbench.document.phrasing import (
    chapter_number, chinese_ordinal, full_width, review_sentence, scope_word, section_number,
    targets_sentence,
)


@pytest.mark.parametrize("place, word", [
    ("狮岭镇", "全镇"), ("新华街道", "全街"), ("从化区", "全区"), ("博罗县", "全县"),
    ("惠州市", "全市"), ("广东省", "全省"), ("大洋乡", "全乡"),
])
def test_scope_word_by_level(place, word):
    assert scope_word(place) == word


def test_targets_sentence_in_house_phrasing(r2023):
    text = targets_sentence(r2023)
    assert text.startswith("今年全镇经济社会发展的主要预期目标是：地区生产总值增长8%左右；")
    assert "固定资产投资总额21.2亿元，增长46.9%左右；" in text and text.endswith("。")
    assert "," not in text and ";" not in text


def test_targets_sentence_reads_back_into_the_same_figures(r2023):
    body = targets_sentence(r2023).split("：", 1)[1].rstrip("。")
    back = [parse_figure(c) for c in body.split("；")]
    assert [(f.key, f.value, f.growth_pct, f.qualifier) for f in back] == [
        (f.key, f.value, f.growth_pct, f.qualifier) for f in r2023.targets]


def test_review_sentence(r2024):
    text = review_sentence(r2024.results[:2])
    assert text == "全年实现地区生产总值增长7.6%；完成固定资产投资总额22.5亿元，增长55.9%。"


def test_full_width_punctuation():
    assert full_width('推动技术改造,提升效益;包括"数字车间"(试点)') == "推动技术改造，提升效益；包括“数字车间”（试点）"
    assert full_width("投资1,200万元") == "投资1,200万元"


def test_numbering():
    assert [chinese_ordinal(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert chapter_number(0) == "一、" and section_number(2) == "（三）"
