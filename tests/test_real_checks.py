"""Commitments, W401 and W404 on the shapes real reports are written in."""

from __future__ import annotations

import pytest

from workbench.checking.checks import check
from workbench.document.commitments import (
    ACTION, FISCAL, commitment_kind, derive_commitments, is_action_promise, sync,
)
from workbench.document.figures import parse_figure
from workbench.document.model import Chapter, Commitment, Paragraph, Report, Section


def _plan(*paras: str, review: list[str] | None = None, results=(), targets=()) -> Report:
    chapters = [Chapter(title="2023年工作回顾", paragraphs=[Paragraph(text=p) for p in review or []]),
                Chapter(title="2024年工作安排", sections=[
                    Section(title="推动经济量质齐升", paragraphs=[Paragraph(text=p) for p in paras])])]
    return Report(place="青溪镇", year=2024, chapters=chapters,
                  results=[parse_figure(c) for c in results], targets=[parse_figure(c) for c in targets])


def raws(report):
    return [c.raw for c in derive_commitments(report)]


# ------------------------------------------------------------ commitments

@pytest.mark.parametrize("text, expected", [
    ("力争新增规上企业10家。", ["力争新增规上企业10家"]),
    ("全年完成土地整备350亩，引进外资2500万美元以上。", ["全年完成土地整备350亩", "引进外资2500万美元以上"]),
    ("办好十件民生实事。", ["办好十件民生实事"]),
    ("完成土地整备不少于300亩。", ["完成土地整备不少于300亩"]),
    # slogans and quotations
    ("坚持“两个毫不动摇”。", []),
    ("增强“四个意识”、坚定“四个自信”、做到“两个维护”。", []),
    ("深刻领悟“两个确立”的决定性意义。", []),
    ("更好统筹国内国际两个大局。", []),
    ("要锲而不舍落实中央八项规定精神。", []),
    ("要坚持把教育这个关乎千家万户的大事办好。", []),
    ("落实“新增规上企业10家”的部署。", []),
    # ordinals and legal references
    ("》第五条第一项，本作品不适用于该法。", []),
    ("按照《预算法》第四十九条的规定，做好预算公开。", []),
    ("召开第三届皮具文化节。", []),
    # an indicator's figure is a target's or a result's business
    ("规模以上工业总产值23.55亿元，全镇一般公共预算收入3512万元。", []),
    ("固定资产投资达到25亿元。", []),
    # rates and forecasts are not countable promises
    ("经济增长预期目标为5%左右。", []),
    ("赤字率拟按3%安排。", []),
    ("预计今年高校毕业生超过1170万人。", []),
    ("今年高校毕业生超过1000万人，要加强就业创业支持。", []),
])
def test_commitments_are_countable_promises(text, expected):
    assert raws(_plan(text)) == expected


def test_targets_passage_figures_are_not_commitments():
    r = _plan("今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右；固定资产投资总额20亿元，增长9%左右。",
              "新建口袋公园2个。")
    assert raws(r) == ["新建口袋公园2个"]


def test_budget_lines_are_their_own_kind():
    r = _plan("一般公共预算支出安排3.1亿元，比上年增加0.2亿元；争取专项债券资金1.5亿元。",
              "今年拟安排地方政府专项债券3.9万亿元，比上年增加1000亿元。",
              "新建口袋公园2个，完成老旧小区改造5个。")
    kinds = {c.raw: commitment_kind(c, r) for c in derive_commitments(r)}
    assert kinds == {"一般公共预算支出安排3.1亿元": FISCAL, "比上年增加0.2亿元": FISCAL,
                     "争取专项债券资金1.5亿元": FISCAL, "今年拟安排地方政府专项债券3.9万亿元": FISCAL,
                     "比上年增加1000亿元": FISCAL, "新建口袋公园2个": ACTION, "完成老旧小区改造5个": ACTION}


def test_i501_follows_action_promises_only():
    prev = sync(_plan("一般公共预算支出安排3.1亿元，比上年增加0.2亿元。",
                      "坚持“两个毫不动摇”，新建口袋公园3个，完成老旧小区改造4个。"))
    prev.year = 2023
    r = _plan(review=["新建口袋公园3个。"])
    found = [f.where["commitment"] for f in check(r, prev) if f.code == "I501"]
    assert found == ["完成老旧小区改造4个"]


def test_commitments_stored_by_an_older_reader_are_filtered_at_check_time():
    prev = _plan("增强“四个意识”，新建口袋公园3个。")
    prev.year = 2023
    prev.commitments = [Commitment(raw="增强“四个意识”", value=4, unit="个", chapter=1, section=0, paragraph=0),
                        Commitment(raw="》第五条第一项", value=5, unit="条", chapter=1, section=0, paragraph=0),
                        Commitment(raw="赤字率拟按3%安排", value=3, unit="%"),
                        Commitment(raw="新建口袋公园3个", value=3, unit="个", chapter=1, section=0, paragraph=0)]
    assert [is_action_promise(c, prev) for c in prev.commitments] == [False, False, False, True]
    found = [f.where["commitment"] for f in check(_plan(review=["全镇面貌一新。"]), prev) if f.code == "I501"]
    assert found == ["新建口袋公园3个"]


# ------------------------------------------------------------ W401

def w401(report):
    return [f.message for f in check(report) if f.code == "W401"]


def test_w401_scope_words_change_the_indicator():
    r = _plan(review=["居民人均可支配收入增长6.1%，城乡居民收入差距继续缩小。脱贫地区农村居民收入增长8.4%。"
                      "农村居民人均可支配收入增长7.6%。"],
              results=["居民人均可支配收入增长6.1%"])
    assert w401(r) == []
    r.chapters[0].paragraphs[0].text = "居民人均可支配收入增长6.4%。"
    assert w401(r) == ["正文写居民人均可支配收入增长6.4%，完成数表中为增长6.1%"]


def test_w401_compares_growth_rates_with_qualifiers_in_the_plan():
    r = _plan("壮大主导产业。规上工业总产值增长6%左右。", targets=["规上工业总产值95亿元，增长6.5%左右"])
    assert w401(r) == ["正文写规上工业总产值增长6%左右，目标表中为增长6.5%左右"]
    r.chapters[1].sections[0].paragraphs[0].text = "壮大主导产业。规上工业总产值增长6.5%左右。"
    assert w401(r) == []


def test_w401_edges_in_the_review_agree_with_the_table():
    r = _plan(review=["国内生产总值超过126万亿元，增长5.2%。能耗下降3%以上。"],
              results=["国内生产总值126.06万亿元，增长5.2%", "单位GDP能耗下降3.4%"])
    assert w401(r) == []


def test_w401_skips_the_five_year_part_and_other_subjects():
    r = _plan(review=["全年国内生产总值增长3%。",
                      "过去五年，国内生产总值增加到121万亿元，五年年均增长5.2%。",
                      ],
              results=["国内生产总值增长3%"])
    assert w401(r) == []
    r.chapters[0].paragraphs[0].text = "全年国内生产总值增长3%，五年年均增长5.2%，规上工业总产值由62亿元增长到90亿元。"
    assert w401(r) == []


# ------------------------------------------------------------ W404

def w404(report):
    return [f for f in check(report) if f.code == "W404"]


def test_w404_pair_split_over_paragraphs_by_a_line_break():
    r = _plan("根据《", "中华人民共和国预算法", "》第四十九条，做好预算公开。")
    assert w404(r) == []


def test_w404_still_flags_a_real_unbalanced_pair():
    r = _plan("推广“网格+警格联动机制，推动矛盾纠纷化解在基层。", "新建口袋公园2个。")
    assert len(w404(r)) == 1
    r = _plan("根据《", "中华人民共和国预算法", "第四十九条，做好预算公开。")
    assert len(w404(r)) == 1


def test_dash_led_paragraphs_raise_nothing():
    r = _plan("新建口袋公园2个。", review=["——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%。",
                                     "——民生保障有力有效。居民人均可支配收入增长6.1%。"],
              results=["国内生产总值超过126万亿元，增长5.2%", "居民人均可支配收入增长6.1%"])
    # W407 (no opening sentence) is about this made-up report's missing opening, not its dashes.
    assert [f.code for f in check(r) if f.severity != "info" and f.code != "W407"] == []


@pytest.mark.parametrize("sentence", [
    "开发区工业投资预计增长9%。",                         # a narrower indicator (山西 2025)
    "全省海洋生产总值增长6.5%左右。",                      # another economy (浙江 2025)
    "单位地区生产总值能耗预计下降3.2%。",                  # energy intensity, not GDP (黑龙江 2025)
    "生产总值超200亿元县（区）达26个。",                   # a count of counties (陕西 2025)
])
def test_w401_provincial_sentences_tie_no_figure_to_the_wrong_indicator(sentence):
    r = _plan(review=["全省地区生产总值35538亿元，增长5.3%；工业投资增长7.7%。" + sentence],
              results=["地区生产总值35538亿元，增长5.3%", "工业投资增长7.7%"])
    assert w401(r) == []
    r.chapters[0].paragraphs[0].text = "全省地区生产总值35538亿元，增长5.1%；工业投资增长7.7%。"
    assert w401(r) == ["正文写地区生产总值增长5.1%，完成数表中为增长5.3%"]


def w402(report):
    return [f.message for f in check(report) if f.code == "W402"]


def test_w402_reads_numbering_past_ten_and_second_lists():
    items = "".join(f"{n}是抓第{i}项工作。" for i, n in enumerate(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"], 1))
    assert w402(_plan(items)) == []
    assert w402(_plan("一是抓龙头企业，二是抓配套企业。另有三项：一是稳投资，二是促消费。")) == []
    assert w402(_plan(items.replace("十一是", "十三是"))) == ["编号顺序不对：“十是”之后应为“十一是”，实为“十三是”"]
    assert w402(_plan("唯一是从不是编号，统一是口号。")) == []
