"""Results read from real review chapters, and attainment for every kind of target."""

from __future__ import annotations

import pytest

from workbench.checking.attainment import attainment
from workbench.checking.checks import check
from workbench.checking.findings import Settings
from workbench.document.figures import parse_figure
from workbench.document.model import Chapter, Paragraph, Report, Section
from workbench.document.phrasing import BASICALLY_MET, EXCEEDED, MET, MISSED, NO_DATA, NOT_COMPARABLE
from workbench.reading.results import read_result, results_from, results_in, value_is_edge, year_paragraphs


# ------------------------------------------------------------ result shapes

@pytest.mark.parametrize("clause, key, value, unit, growth, qualifier", [
    # national reviews
    ("国内生产总值超过126万亿元，增长5.2%", "gdp", 126, "万亿元", 5.2, None),
    ("国内生产总值达到134.9万亿元、增长5%", "gdp", 134.9, "万亿元", 5, None),
    ("国内生产总值达到114万亿元，增长8.1%", "gdp", 114, "万亿元", 8.1, None),
    ("全年国内生产总值增长3%", "gdp", None, None, 3, None),
    ("城镇调查失业率平均为5.2%", "urban_unemployment", 5.2, "%", None, "平均"),
    ("年末城镇调查失业率降到5.5%", "urban_unemployment", 5.5, "%", None, None),
    ("居民消费价格上涨0.2%", "cpi", 0.2, "%", None, None),
    ("居民消费价格涨幅为2.1%", "cpi", 2.1, "%", None, None),
    ("单位国内生产总值能耗降幅超过3%", "energy_intensity", None, None, -3, "超过"),
    ("能耗降幅超过3%", "energy_intensity", None, None, -3, "超过"),
    ("单位国内生产总值能耗下降3%以上", "energy_intensity", None, None, -3, "以上"),
    ("粮食产量1.39万亿斤", "grain_output", 1.39, "万亿斤", None, None),
    ("粮食产量首次跃上1.4万亿斤", "grain_output", 1.4, "万亿斤", None, "超过"),
    ("居民人均可支配收入实际增长8.1%", "disposable_income", None, None, 8.1, None),
    ("常住人口城镇化率从60.2%提高到66.2%", "urbanization_rate", 66.2, "%", None, None),
    # town reviews
    ("全年实现地区生产总值45.6亿元，同比增长6.5%", "gdp", 45.6, "亿元", 6.5, None),
    ("完成固定资产投资16.2亿元，比上年增长9.5%", "fixed_asset_investment", 16.2, "亿元", 9.5, None),
    ("规上工业总产值首次跃上90亿元", "industrial_output", 90, "亿元", None, "超过"),
    ("一般公共预算收入2.05亿元，增幅为3.2%", "general_budget_revenue", 2.05, "亿元", 3.2, None),
    ("粮食产量稳定在18万吨", "grain_output", 18, "万吨", None, None),
])
def test_result_shapes(clause, key, value, unit, growth, qualifier):
    fig = read_result(clause)
    assert fig is not None, clause
    assert (fig.key, fig.value, fig.unit, fig.growth_pct, fig.qualifier) == (key, value, unit, growth, qualifier)
    assert fig.raw == clause


@pytest.mark.parametrize("clause", [
    "脱贫地区农村居民收入增长8.4%",        # another indicator than 居民人均可支配收入
    "五年年均增长5.2%",
    "国内生产总值五年年均增长5.2%",
    "技术合同成交额增长28.6%",              # not in the catalogue
    "新能源汽车产销量占全球比重超过60%",
    "经济总体回升向好",
])
def test_not_results(clause):
    assert read_result(clause) is None


def test_results_in_a_lead_sentence_paragraph_with_dashes():
    text = ("——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。"
            "城镇新增就业1244万人，城镇调查失业率平均为5.2%。居民消费价格上涨0.2%。国际收支基本平衡。")
    got = [(f.key, f.value, f.growth_pct) for f in results_in(text)]
    assert got == [("gdp", 126, 5.2), ("new_urban_jobs", 1244, None),
                   ("urban_unemployment", 5.2, None), ("cpi", 0.2, None)]


def _review(*paras: str, title: str = "2023年工作回顾", sections: list[list[str]] | None = None) -> Report:
    ch = Chapter(title=title, paragraphs=[Paragraph(text=p) for p in paras],
                 sections=[Section(title=f"第{i}节", paragraphs=[Paragraph(text=p) for p in sec])
                           for i, sec in enumerate(sections or [])])
    return Report(place="青溪镇", year=2024, chapters=[ch, Chapter(title="2024年工作安排")])


@pytest.mark.parametrize("sentence, expected", [
    ("全年地区生产总值、一般公共预算收入分别达到120亿元和8亿元，分别增长6%和5%。",
     [("gdp", 120, "亿元", 6), ("general_budget_revenue", 8, "亿元", 5)]),
    ("规上工业总产值、固定资产投资分别增长8.2%、12%，社会消费品零售总额增长4%。",
     [("industrial_output", None, None, 8.2), ("fixed_asset_investment", None, None, 12),
      ("retail_sales", None, None, 4)]),
    # Guangxi 2025: a short first name shares the last name's tail
    ("城镇和农村居民人均可支配收入分别增长4.3%和7.1%，城镇调查失业率5.5%。",
     [("urban_income", None, None, 4.3), ("rural_income", None, None, 7.1),
      ("urban_unemployment", 5.5, "%", None)]),
    # Zhejiang 2025: 城乡 is town first, then country
    ("城乡居民人均可支配收入分别增长4.3%、6.1%。",
     [("urban_income", None, None, 4.3), ("rural_income", None, None, 6.1)]),
    # names and values that do not pair are not guessed at
    ("规上工业增加值、固定资产投资分别增长8%、10%和3%。", []),
    ("一、二、三产业增加值分别增长4%、5.3%、3.4%。", []),
])
def test_respectively_in_a_review(sentence, expected):
    got = [(f.key, f.value, f.unit, f.growth_pct) for f in results_in(sentence)]
    assert got == expected


def test_five_year_part_is_not_the_year():
    r = _review("全年国内生产总值增长3%，城镇新增就业1206万人。",
                "各位代表！",
                "过去五年，国内生产总值增加到121万亿元，城镇新增就业年均1270万人以上。",
                "我们坚持稳中求进，居民消费价格年均上涨2.1%。")
    assert [(f.key, f.value, f.growth_pct) for f in results_from(r)] == [
        ("gdp", None, 3), ("new_urban_jobs", 1206, None)]
    assert [pi for _, _, pi, _ in year_paragraphs(r)] == [0, 1]


def test_first_statement_of_an_indicator_wins():
    r = _review("全年实现地区生产总值45.6亿元，同比增长6.5%。", "其中第四季度地区生产总值增长7.1%。")
    [gdp] = results_from(r)
    assert gdp.growth_pct == 6.5


def test_value_written_as_edge():
    assert value_is_edge(read_result("国内生产总值超过126万亿元，增长5.2%"))
    assert not value_is_edge(read_result("国内生产总值达到114万亿元，增长8.1%"))


# ------------------------------------------------------------ attainment: target kinds x result shapes

def _res(clause: str):
    return read_result(clause) or parse_figure(clause)


# One row per target kind and result shape: (target, result as the review writes it, state).
ATTAINMENT_TABLE = [
    # growth "about" floors
    ("国内生产总值增长5%左右", "国内生产总值超过126万亿元，增长5.2%", MET),
    ("国内生产总值增长5%左右", "国内生产总值达到134.9万亿元、增长5%", MET),
    ("国内生产总值增长5.5%左右", "全年国内生产总值增长3%", MISSED),
    ("地区生产总值增长6%左右", "全年实现地区生产总值45.6亿元，同比增长6.5%", MET),
    ("地区生产总值增长6%左右", "全年实现地区生产总值45.6亿元，同比增长6.7%", EXCEEDED),
    ("地区生产总值增长6%左右", "全年实现地区生产总值45.6亿元，同比增长5.6%", BASICALLY_MET),
    # floors: 以上
    ("城镇新增就业1200万人以上", "城镇新增就业1244万人", EXCEEDED),
    ("城镇新增就业1100万人以上", "城镇新增就业1000万人", MISSED),
    ("粮食产量1.3万亿斤以上", "粮食产量1.39万亿斤", EXCEEDED),
    ("粮食产量1.3万亿斤以上", "粮食产量首次跃上1.4万亿斤", EXCEEDED),
    ("粮食产量65000万吨以上", "粮食产量1.37万亿斤", EXCEEDED),           # levels in new units
    ("规上工业总产值95亿元以上", "规上工业总产值首次跃上90亿元", NOT_COMPARABLE),  # an edge below
    # ceilings: lower is met
    ("城镇调查失业率5.5%左右", "城镇调查失业率平均为5.2%", MET),
    ("城镇调查失业率控制在5.5%以内", "年末城镇调查失业率降到5.5%", MET),
    ("城镇调查失业率5.5%以内", "城镇调查失业率平均为5.7%", MISSED),
    ("居民消费价格涨幅3%左右", "居民消费价格上涨0.2%", MET),
    ("居民消费价格涨幅3%左右", "居民消费价格上涨3.8%", MISSED),
    # falls
    ("单位国内生产总值能耗降低2.5%左右", "单位国内生产总值能耗降幅超过3%", MET),
    ("单位国内生产总值能耗降低2.5%左右", "单位国内生产总值能耗下降3%以上", MET),
    ("单位国内生产总值能耗降低2.5%左右", "单位国内生产总值能耗下降2.2%", BASICALLY_MET),
    ("单位国内生产总值能耗降低3.5%左右", "单位国内生产总值能耗降幅超过3%", NOT_COMPARABLE),
    # ranges
    ("地区生产总值增长5.0%—5.5%", "地区生产总值增长5.2%", MET),
    ("地区生产总值增长5.0%—5.5%", "地区生产总值增长6%", EXCEEDED),
    # qualitative: 同步, 基本平衡 — met only when the result states it
    ("居民收入增长和经济增长同步", "居民收入增长与经济增长基本同步", MET),
    ("居民收入增长和经济增长同步", "居民人均可支配收入增长6.1%", NOT_COMPARABLE),
    ("一般公共预算收入收支平衡", "一般公共预算收入收支基本平衡", MET),
    ("一般公共预算收入收支平衡", "一般公共预算收入2.11亿元，增长2.9%", NOT_COMPARABLE),
    # no result
    ("国内生产总值增长5%左右", None, NO_DATA),
]


@pytest.mark.parametrize("target, result, state", ATTAINMENT_TABLE)
def test_attainment_table(target, result, state):
    t = parse_figure(target)
    att = attainment(t, _res(result) if result else None)
    if state == NO_DATA:
        assert att is not None and att.state == NO_DATA
        return
    assert att.state == state, (target, result, att)


def test_qualitative_target_with_no_result_says_nothing_by_itself():
    assert attainment(parse_figure("国际收支基本平衡"), None) is None


def test_result_edge_phrasing_in_the_message():
    t = parse_figure("单位国内生产总值能耗降低3.5%左右")
    att = attainment(t, _res("单位国内生产总值能耗降幅超过3%"))
    assert att.reason == "bound" and "界限" in att.describe(t)
    att = attainment(parse_figure("城镇调查失业率5.5%左右"), _res("城镇调查失业率平均为5.2%"))
    text = att.describe(parse_figure("城镇调查失业率5.5%左右"))
    assert text.startswith("完成平均5.2%，目标5.5%左右，优于目标0.3个百分点"), text  # lower is better: not a shortfall


def test_tolerance_setting_applies_to_results_read_from_text():
    t, r = parse_figure("地区生产总值增长6%左右"), _res("全年实现地区生产总值45.6亿元，同比增长5.4%")
    assert attainment(t, r).state == MISSED
    assert attainment(t, r, Settings(growth_tolerance_pts=1.0)).state == BASICALLY_MET


def test_qualitative_target_stated_in_the_review_is_met_and_unstated_is_i203():
    prev = Report(place="青溪镇", year=2023, targets=[
        parse_figure("国际收支基本平衡"), parse_figure("居民收入增长和经济增长同步")])
    r = _review("——经济回升向好。国际收支基本平衡。居民人均可支配收入增长6.1%。")
    r.results = results_from(r)
    found = {(f.code, f.where["figure"]): f.message for f in check(r, prev)
             if f.code in ("I202", "I203")}
    assert "报告写明“国际收支基本平衡”" in found[("I202", "国际收支")]
    assert ("I203", "居民收入") in found and ("I202", "居民收入") not in found
    r.chapters[0].paragraphs[0].text = "国际收支失衡加剧。"
    assert not any(f.code == "I202" and f.where["figure"] == "国际收支" for f in check(r, prev))


# ------------------------------------------------------------ grammar additions the results need

@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("国内生产总值超过126万亿元", 126, "万亿元", "超过"),
    ("城镇调查失业率平均5.2%", 5.2, "%", "平均"),
    ("粮食产量1.39万亿斤", 1.39, "万亿斤", None),
    ("粮食产量6500万斤以上", 6500, "万斤", "以上"),
])
def test_grammar_reads_and_prints_result_qualifiers_and_grain_units(text, value, unit, qualifier):
    from workbench.document.figures import format_figure

    fig = parse_figure(text)
    assert (fig.value, fig.unit, fig.qualifier) == (value, unit, qualifier)
    assert parse_figure(format_figure(fig)) == parse_figure(text)


def test_grain_units_convert_by_weight():
    from workbench.document.figures import FigureError, convert

    assert convert(1.39, "万亿斤", "万吨") == pytest.approx(69500)
    assert convert(2, "公斤", "斤") == pytest.approx(4)
    with pytest.raises(FigureError):
        parse_figure("粮食产量650亿公斤以上")  # 亿公斤 is no unit: refused, never misread


def test_a_scope_word_after_the_name_is_not_part_of_it():
    assert parse_figure("城镇调查失业率全年控制在5.5%以内").name == "城镇调查失业率"


def test_a_five_year_chapter_that_never_turns_to_the_year_is_read_whole():
    r = _review("五年来，国内生产总值年均增长6.6%。", "全年国内生产总值增长6.9%，城镇新增就业1351万人。",
                title="过去五年工作回顾")
    assert [(f.key, f.growth_pct, f.value) for f in results_from(r)] == [
        ("gdp", 6.9, None), ("new_urban_jobs", None, 1351)]


# ------------------------------------------------------------ issue 22: shapes of unseen reviews

@pytest.mark.parametrize("sentence, expected", [
    # several values, then one growths list for them in order (negative growths written signed)
    ("全镇生产总值48.6亿元，一般公共预算收入3.1亿元，同比分别-4.5%、-12.8%。",
     [("gdp", 48.6, -4.5), ("general_budget_revenue", 3.1, -12.8)]),
    ("地区生产总值15.2亿元，固定资产投资6.4亿元，分别增长7%和11%。",
     [("gdp", 15.2, 7), ("fixed_asset_investment", 6.4, 11)]),
    # 分别 with the growths in a second clause that does not repeat 分别
    ("城镇、农村居民人均可支配收入分别达到41200元、18350元，增长5.2%、6.9%，总量均居全市前列。",
     [("urban_income", 41200, 5.2), ("rural_income", 18350, 6.9)]),
    # one growth for two names: the values pair, the growth pairs with neither
    ("财政总收入、一般公共预算收入分别达到96.5亿元和51.2亿元，增长4%。",
     [("total_fiscal_revenue", 96.5, None), ("general_budget_revenue", 51.2, None)]),
    # a growths list whose count differs from the values read before it pairs with none
    ("地区生产总值15.2亿元，同比分别增长7%、8%、9%。", [("gdp", 15.2, None)]),
])
def test_respective_growths_pair_in_order_or_not_at_all(sentence, expected):
    got = [(f.key, f.value, f.growth_pct) for f in results_in(sentence)]
    assert got == expected


@pytest.mark.parametrize("clause, key, value", [
    ("镇内生产总值为9.8亿元", "gdp", 9.8),          # a scope word inside the name
    ("全乡实现财政总收入5120.6万元", "total_fiscal_revenue", 5120.6),
])
def test_scope_words_in_names_and_total_fiscal_revenue(clause, key, value):
    fig = read_result(clause)
    assert fig is not None and (fig.key, fig.value) == (key, value)


@pytest.mark.parametrize("clause, name, value, unit", [
    # a review's own output or turnover measures, with an amount of money
    ("限额以上批零住餐营业额1520.4万元", "限额以上批零住餐营业额", 1520.4, "万元"),
    ("物流企业全年完成营业收入3.6亿元", "物流企业营业收入", 3.6, "亿元"),
    ("全镇规上工业开票销售收入破15亿元", "规上工业开票销售收入", 15, "亿元"),
])
def test_uncatalogued_output_measures_with_an_amount_are_results(clause, name, value, unit):
    fig = read_result(clause)
    assert fig is not None and (fig.key, fig.name, fig.value, fig.unit) == (None, name, value, unit)


@pytest.mark.parametrize("clause", [
    "产值6.8亿元",                        # a bare noun is no indicator's name
    "物流企业营业收入增长12%",             # an uncatalogued measure without an amount
    "新签约项目总投资26亿元",               # neither catalogued nor an output measure
])
def test_uncatalogued_without_an_amount_or_a_measure_name_are_not_results(clause):
    assert read_result(clause) is None


@pytest.mark.parametrize("sentence, expected", [
    ("全年粮食产量首次跃上1.5万亿斤新台阶。", [("grain_output", 1.5, "万亿斤", None)]),
    ("地区生产总值突破300亿元大关，达到312亿元，净增21.5亿元，同比（下同）增长7.2%，增速全市第一。",
     [("gdp", 312, "亿元", 7.2)]),
    ("全县地区生产总值完成92.4亿元，同比增长6.6%。", [("gdp", 92.4, "亿元", 6.6)]),
    ("2023年全镇实现生产总值12.5亿元，增长6%。", [("gdp", 12.5, "亿元", 6)]),
])
def test_milestones_asides_and_year_openings_in_results(sentence, expected):
    assert [(f.key, f.value, f.unit, f.growth_pct) for f in results_in(sentence)] == expected
