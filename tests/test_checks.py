"""One test per rule: a realistic report pair that triggers it, and one that does not."""

from __future__ import annotations

import copy

import pytest

from workbench.checking.attainment import attainment
from workbench.checking.checks import check, has_errors
from workbench.checking.findings import Settings
from workbench.document.commitments import sync
from workbench.document.figures import parse_figure
from workbench.document.model import Paragraph, Section
from workbench.document.phrasing import BASICALLY_MET, EXCEEDED, MET, MISSED


def codes(findings, code):
    return [f for f in findings if f.code == code]


def set_result(report, name, clause):
    for i, f in enumerate(report.results):
        if f.name == name:
            report.results[i] = parse_figure(clause)
            return
    raise AssertionError(name)


# ------------------------------------------------------------ the bundled example

def test_example_reports_missed_and_met_targets_with_gaps(r2023, r2024):
    findings = check(r2024, r2023)
    missed = {f.where["figure"]: f.message for f in codes(findings, "W201")}
    met = {f.where["figure"]: f.message for f in codes(findings, "I202")}
    assert set(missed) == {"规上工业总产值", "限额以上社会消费品零售总额", "限额以上批发业销售总额"}
    assert "低于目标2.5个百分点" in missed["规上工业总产值"]
    assert "低于目标0.9个百分点" in missed["限额以上社会消费品零售总额"]
    assert "基本完成" in met["地区生产总值"] and "低于目标0.4个百分点" in met["地区生产总值"]
    assert "超额完成" in met["固定资产投资总额"] and "高于目标9个百分点" in met["固定资产投资总额"]
    assert not has_errors(findings)


# ------------------------------------------------------------ E101 / E102

def test_e101_target_without_result(r2023, r2024):
    assert not codes(check(r2024, r2023), "E101")
    del r2024.results[2]  # 规上工业总产值
    found = codes(check(r2024, r2023), "E101")
    assert len(found) == 1 and "规上工业总产值" in found[0].message and found[0].severity == "error"


def _pair_with_review(sentence: str):
    from workbench.document.model import Chapter, Report
    last = Report(place="青溪县", year=2023, targets=[parse_figure("粮食产量30万吨以上"),
                                                     parse_figure("地区生产总值增长6%左右")])
    this = Report(place="青溪县", year=2024, chapters=[
        Chapter(title="2023年工作回顾", paragraphs=[Paragraph(text=sentence)])])
    return this, last


def test_e101_only_when_the_review_never_mentions_the_indicator():
    # The review speaks of the harvest in a shape no figure is read from: an info quoting it.
    this, last = _pair_with_review("粮食产量再获丰收，稳稳守住全县三十万吨大关的承诺。地区生产总值增长6.3%。")
    findings = check(this, last)
    assert [f.where["figure"] for f in codes(findings, "E101")] == ["地区生产总值"]  # only in the text
    [info] = codes(findings, "I103")
    assert info.severity == "info" and info.where["figure"] == "粮食产量"
    assert (info.where["chapter"], info.where["section"], info.where["paragraph"]) == (0, None, 0)
    assert "粮食产量再获丰收" in info.message and "2023年目标“粮食产量30万吨以上”" in info.message
    # The review never names the indicator: the error stands.
    this, last = _pair_with_review("全县经济运行稳中有进，人民生活持续改善。")
    assert {f.where["figure"] for f in codes(check(this, last), "E101")} == {"粮食产量", "地区生产总值"}
    assert not codes(check(this, last), "I103")


def test_e102_units_cannot_compare(r2023, r2024):
    assert not codes(check(r2024, r2023), "E102")
    r2023.targets[0] = parse_figure("地区生产总值98亿元")
    found = codes(check(r2024, r2023), "E102")  # result is a growth only: nothing to compare
    assert len(found) == 1 and has_errors(found)
    r2024.results[0] = parse_figure("地区生产总值7.6%")
    assert codes(check(r2024, r2023), "E102")


# ------------------------------------------------------------ W201 / I202 attainment

@pytest.mark.parametrize("target, result, state", [
    ("地区生产总值增长8%左右", "地区生产总值增长8.9%", EXCEEDED),
    ("地区生产总值增长8%左右", "地区生产总值增长8.2%", MET),
    ("地区生产总值增长8%左右", "地区生产总值增长7.6%", BASICALLY_MET),
    ("地区生产总值增长8%左右", "地区生产总值增长7.4%", MISSED),
    ("地区生产总值增长7%以上", "地区生产总值增长6.9%", MISSED),
    ("地区生产总值增长7%以上、力争达到8%", "地区生产总值增长8.1%", EXCEEDED),
    ("地区生产总值增长5.0%—5.5%", "地区生产总值增长5.2%", MET),
    ("地区生产总值增长5.0%—5.5%", "地区生产总值增长4.7%", BASICALLY_MET),
    ("城镇调查失业率控制在5.5%以内", "城镇调查失业率5.2%", MET),
    ("城镇调查失业率控制在5.5%以内", "城镇调查失业率5.7%", MISSED),
    ("居民消费价格涨幅3%左右", "居民消费价格涨幅0.2%", MET),
    ("单位GDP能耗下降3%", "单位GDP能耗下降3.4%", EXCEEDED),
    ("单位GDP能耗下降3%", "单位GDP能耗下降2.1%", MISSED),
    ("实际利用外资2000万美元以上", "实际利用外资0.235亿美元", EXCEEDED),
    ("固定资产投资总额21.2亿元", "固定资产投资总额20.9亿元", MISSED),
    ("一般公共预算收入2.5亿元左右", "一般公共预算收入24600万元", BASICALLY_MET),
])
def test_attainment_by_qualifier_and_direction(target, result, state):
    att = attainment(parse_figure(target), parse_figure(result))
    assert att.state == state


def test_tolerance_is_a_setting():
    t, r = parse_figure("地区生产总值增长8%左右"), parse_figure("地区生产总值增长7.4%")
    assert attainment(t, r).state == MISSED
    assert attainment(t, r, Settings(growth_tolerance_pts=1.0)).state == BASICALLY_MET


def test_w201_and_i202_in_a_report_pair(r2023, r2024):
    set_result(r2024, "规上工业总产值", "规上工业总产值148.3亿元，增长9%")
    findings = check(r2024, r2023)
    assert "规上工业总产值" not in {f.where["figure"] for f in codes(findings, "W201")}
    i202 = [f for f in codes(findings, "I202") if f.where["figure"] == "规上工业总产值"]
    assert "超额完成" in i202[0].message


# ------------------------------------------------------------ W301 arithmetic

def _arith_pair(r2024, base_clause):
    r = copy.deepcopy(r2024)
    r.results = [parse_figure(base_clause)]
    r.targets = [parse_figure("固定资产投资总额21.2亿元，增长46.9%")]
    return r


def test_w301_passes_consistent_figures(r2024):
    assert not codes(check(_arith_pair(r2024, "固定资产投资总额14.4亿元")), "W301")
    assert not codes(check(_arith_pair(r2024, "固定资产投资总额144300万元")), "W301")


def test_w301_flags_inconsistent_figures_with_implied_growth(r2024):
    found = codes(check(_arith_pair(r2024, "固定资产投资总额18亿元")), "W301")
    assert len(found) == 1 and "17.8%" in found[0].message


def test_w301_skips_comparable_price_indicators(r2024):
    r = copy.deepcopy(r2024)
    r.results = [parse_figure("地区生产总值100亿元")]
    r.targets = [parse_figure("地区生产总值120亿元，增长5%")]  # real growth, not nominal
    assert not codes(check(r), "W301")


def test_w301_in_the_example_catches_the_drifted_target(r2023, r2024):
    found = codes(check(r2024, r2023), "W301")
    assert [f.where["figure"] for f in found] == ["限额以上批发业销售总额"]
    assert "9.7%" in found[0].message


# ------------------------------------------------------------ W302 / W303 sanity

def test_w302_unit_slip(r2023, r2024):
    assert not codes(check(r2024, r2023), "W302")
    set_result(r2024, "限额以上社会消费品零售总额", "限额以上社会消费品零售总额1.25万元，增长5.9%")
    found = codes(check(r2024, r2023), "W302")
    assert found and "万元/亿元" in found[0].message


def test_w303_growth_over_100(r2024):
    assert not codes(check(r2024), "W303")
    r2024.targets[1] = parse_figure("固定资产投资总额50亿元，增长122%")
    found = codes(check(r2024), "W303")
    assert len(found) == 1 and "122%" in found[0].message


# ------------------------------------------------------------ W4xx text

def test_w401_text_contradicts_table(r2023, r2024):
    found = codes(check(r2024, r2023), "W401")
    assert len(found) == 1 and "5.8%" in found[0].message and "5.5%" in found[0].message
    assert found[0].where == {"chapter": 0, "section": None, "paragraph": 1}
    para = r2024.chapters[0].paragraphs[1]
    para.text = para.text.replace("增长5.8%", "增长5.5%")
    assert not codes(check(r2024, r2023), "W401")


def test_w401_value_in_other_unit_agrees(r2024):
    r2024.chapters[0].paragraphs[1].text = "完成固定资产投资总额225000万元，规上工业总产值增长5.5%。"
    assert not codes(check(r2024), "W401")


def _bullet(report, text):
    report.chapters[1].sections[0].paragraphs[0].text = text


def test_w402_numbering_out_of_order(r2024):
    _bullet(r2024, "一是抓龙头企业，二是抓配套企业，三是抓中小企业。")
    assert not codes(check(r2024), "W402")
    _bullet(r2024, "一是抓龙头企业，二是抓配套企业，四是抓中小企业。")
    found = codes(check(r2024), "W402")
    assert found and "三是" in found[0].message


def test_w403_half_width_punctuation(r2024):
    assert not codes(check(r2024), "W403")
    _bullet(r2024, "支持企业扩产增效,推动技术改造(含数字化车间)。全年投资1,200万元。")
    found = codes(check(r2024), "W403")
    assert len(found) == 1 and "“,”" in found[0].message and "共3处" in found[0].message


def test_w404_unbalanced_quotes_or_brackets(r2024):
    assert not codes(check(r2024), "W404")
    _bullet(r2024, "推广“网格+警格联动机制，推动矛盾纠纷化解在基层。")
    found = codes(check(r2024), "W404")
    assert found and "“" in found[0].message


def test_w405_year_out_of_place(r2024):
    assert not codes(check(r2024), "W405")
    r2024.chapters[0].title = "2022年工作回顾"
    r2024.chapters[0].paragraphs[0].text = "2022年，镇政府坚持稳中求进工作总基调。"
    found = codes(check(r2024), "W405")
    assert len(found) == 2 and "2023年" in found[0].message


def test_w406_empty_section(r2024):
    assert not codes(check(r2024), "W406")
    r2024.chapters[1].sections.append(Section(title="推进绿色低碳发展", paragraphs=[Paragraph(text="")]))
    found = codes(check(r2024), "W406")
    assert len(found) == 1 and "推进绿色低碳发展" in found[0].message


# ------------------------------------------------------------ I501 commitments

def test_i501_commitment_never_mentioned(r2023, r2024):
    found = {f.where["commitment"] for f in codes(check(r2024, r2023), "I501")}
    assert "新增公办学位1200个" in found
    assert "力争新增规上企业8家" not in found  # answered: 新增规上企业9家
    assert "新建口袋公园3个以上" not in found  # mentioned without a number
    r2024.chapters[0].sections[3].paragraphs[0].text += "新增公办学位1260个。"
    sync(r2024)
    found = {f.where["commitment"] for f in codes(check(r2024, r2023), "I501")}
    assert "新增公办学位1200个" not in found


def test_findings_are_ordered_and_serialisable(r2023, r2024):
    r2024.results.pop(0)
    findings = check(r2024, r2023)
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[f.severity] for f in findings] == sorted(order[f.severity] for f in findings)
    d = findings[0].to_dict()
    assert set(d) == {"code", "severity", "message", "where"}


def test_w407_opening_sentence_missing(r2024):
    from workbench.document.model import Chapter, Paragraph

    found = codes(check(r2024), "W407")
    assert len(found) == 1 and found[0].severity == "warning"
    assert "向大会报告政府工作" in found[0].message
    assert found[0].where == {"chapter": 0, "section": None, "paragraph": 0}
    r2024.chapters.insert(0, Chapter(title=None, paragraphs=[Paragraph(
        lead=None, text="现在，我代表镇人民政府，向大会报告政府工作，请予审议。")]))
    assert not codes(check(r2024), "W407")


def test_w407_opening_in_the_first_chapter_counts(r2024):
    from workbench.document.model import Paragraph

    r2024.chapters[0].paragraphs.insert(0, Paragraph(
        lead=None, text="各位代表：现在，我代表狮岭镇人民政府向大会作工作报告，请予审议。"))
    assert not codes(check(r2024), "W407")
    r2024.chapters[0].paragraphs[0].text = "2023年是全面贯彻党的二十大精神的开局之年。"
    assert codes(check(r2024), "W407")


@pytest.mark.parametrize("income, qualifier, code", [(6.1, "基本同步", "I202"), (4.8, "基本同步", "I202"),
                                                     (4.6, "基本同步", "W201"), (4.9, "同步", "W201")])
def test_income_in_step_with_the_economy(income, qualifier, code):
    from workbench.document.figures import parse_figure
    from workbench.document.model import Report

    before = Report(place="某县", year=2023, targets=[parse_figure(f"居民收入增长与经济增长{qualifier}")])
    now = Report(place="某县", year=2024, results=[parse_figure("地区生产总值增长5.2%"),
                                                 parse_figure(f"居民人均可支配收入增长{income}%")])
    found = [f for f in check(now, before) if f.where.get("figure") == "居民收入"]
    assert [f.code for f in found] == [code]
    assert "5.2%" in found[0].message and f"{income}%" in found[0].message


def test_w502_a_promise_answered_with_a_smaller_number():
    from workbench.document.commitments import sync
    from workbench.document.model import Chapter, Paragraph, Report

    before = sync(Report(place="青石镇", year=2023, chapters=[Chapter(title="2023年工作安排", paragraphs=[
        Paragraph(lead="壮大工业。", text="力争新增规上企业8家，新建农村公路15公里。"),
        Paragraph(lead="守住底线。", text="安全事故起数控制在3起以内。")])]))
    now = sync(Report(place="青石镇", year=2024, chapters=[Chapter(title="2023年工作回顾", paragraphs=[
        Paragraph(text="一年来，新增规上企业7家，新建农村公路16公里，安全事故起数2起。")])]))
    found = [f for f in check(now, before) if f.code == "W502"]
    assert [f.message for f in found] == ["2023年承诺“力争新增规上企业8家”，本报告写“新增规上企业7家”，少1家"]
    assert found[0].where["chapter"] == 0


def test_a_findings_place_is_named_as_the_drafter_sees_the_chapters(r2024):
    """"[第二章（三）第2段]" for the chapter printed "二、"; an untitled opening is "开头" and is
    not counted (it once made every later chapter one more than the one shown)."""
    from workbench.checking.findings import Finding
    from workbench.document.model import Chapter
    from workbench.writing.plain import _where_text

    r = copy.deepcopy(r2024)
    r.chapters.insert(0, Chapter(title=None, paragraphs=[Paragraph(text="各位代表：")]))
    at = lambda **w: _where_text(r, Finding("W404", "warning", "x", w))  # noqa: E731
    assert at(chapter=2, section=2, paragraph=1) == "第二章（三）第2段"
    assert at(chapter=1, paragraph=0) == "第一章第1段"
    assert at(chapter=0, paragraph=0) == "开头第1段"
