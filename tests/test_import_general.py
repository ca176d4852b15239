"""Shapes of issue 22 that real pages write and no file here was tuned to, each in our own
sentences (the facts and figures are made up): results written growth first, edges crossed,
short units, counting conditions; targets stated for all of a list (均) or as a trend; document
library previews; news items that quote a review; and E102 asserted only when it is sure."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.checking.checks import check
from workbench.document.figures import parse_figure
from workbench.document.model import Chapter, Paragraph, Report
from workbench.reading.importer import ImportFailure, import_detailed, read_partial
from workbench.reading.lines import Line, join_preview_chunks
from workbench.reading.passage import figures_in
from workbench.reading.results import results_in

import workbench.strings as S


def _txt(tmp_path: Path, text: str, name: str = "页面.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _read(sentence: str) -> list[tuple]:
    return [(f.name, f.value, f.unit, f.growth_pct) for f in results_in(sentence)]


# ------------------------------------------------------------ results


@pytest.mark.parametrize("sentence, expected", [
    # growth before the level, with and without a comma, and paired by 分别
    ("全镇地区生产总值增长7.3%达56.4亿元", [("地区生产总值", 56.4, "亿元", 7.3)]),
    ("第二产业增长4.1%，达到18亿元", [("第二产业", 18, "亿元", 4.1)]),
    ("城乡居民人均可支配收入分别增长6%和7.5%，分别达41200元和19850元",
     [("城镇居民人均可支配收入", 41200, "元", 6), ("农村居民人均可支配收入", 19850, "元", 7.5)]),
    # edges crossed: 跨过, 跨越
    ("全区地区生产总值跨过800亿元，增长5.1%", [("地区生产总值", 800, "亿元", 5.1)]),
    ("财政总收入跨越30亿元", [("财政总收入", 30, "亿元", None)]),
    # 亿 without 元, kept as written
    ("社零完成61.2亿，增长3%", [("社零", 61.2, "亿", 3)]),
    # a counting condition and a scope before the name
    ("县级一般公共预算收入剔除留抵退税因素后，同口径增长4.4%", [("一般公共预算收入", None, None, 4.4)]),
    # a scope aside after the value, then 、 before the growth
    ("预计完成地区生产总值412亿元（含开发区）、增长5.9%", [("地区生产总值", 412, "亿元", 5.9)]),
    # a modal verb before the figure
    ("预计全年可实现地区生产总值9.6亿元", [("地区生产总值", 9.6, "亿元", None)]),
    # an estimate's word between the name and its verb; a price basis as its own piece
    ("地区生产总值预计达到73.2亿元，增长5.6%左右", [("地区生产总值", 73.2, "亿元", 5.6)]),
    ("全县生产总值完成210.8亿元，按可比价格计算，增长5.7%", [("生产总值", 210.8, "亿元", 5.7)]),
    ("全年地区生产总值同比增长4.8%，达到97亿元", [("地区生产总值", 97, "亿元", 4.8)]),
])
def test_result_shapes_of_unseen_pages(sentence, expected):
    assert _read(sentence) == expected


def test_review_chapter_titled_for_the_year_under_review(tmp_path):
    text = ("政府工作报告\n——2025年1月8日在青禾县第十届人民代表大会第四次会议上\n各位代表：\n"
            "一、2024年主要工作和成效\n2024年，我们迎难而上。全年地区生产总值188.2亿元，增长5.5%；"
            "固定资产投资60.1亿元，增长8%。\n二、2025年主要工作\n今年要抓好项目建设，确保各项任务落地见效。\n")
    r = import_detailed(_txt(tmp_path, text))[0].report
    assert r.chapters[0].kind == "review"
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [
        ("地区生产总值", 188.2, 5.5), ("固定资产投资", 60.1, 8)]


# ------------------------------------------------------------ targets


def _targets(passage: str) -> list[tuple]:
    return [(f.name, f.value, f.unit, f.growth_pct, f.qualifier) for f in figures_in(passage)]


def test_one_value_for_all_of_a_list_and_trend_targets():
    got = _targets("地区生产总值增长5.5%左右，税收收入和一般公共预算收入均增长6%以上，"
                   "空气质量持续改善，群众安全感、满意度不断提升")
    assert got == [("地区生产总值", None, None, 5.5, "左右"),
                   ("税收收入", None, None, 6, "以上"), ("一般公共预算收入", None, None, 6, "以上"),
                   ("空气质量", None, None, None, "持续改善"),
                   ("群众安全感、满意度", None, None, None, "不断提升")]
    # 年均 and 人均 are no "all of": the name stays one
    assert [f.name for f in figures_in("农民人均可支配收入增长7%")] == ["农民人均可支配收入"]


def test_a_trend_is_no_result():
    assert results_in("进出口平稳增长，生态环境持续改善。") == []


def test_slogan_mark_is_no_targets_passage(tmp_path):
    text = ("《政府工作报告》摘要：2024年全区各项目标任务圆满完成\n"
            "1月12日，区长在作《政府工作报告》时，对过去一年的工作作了回顾。\n"
            "报告指出，2024年是向第二个百年奋斗目标进军的关键一年。\n"
            "据统计，全区地区生产总值增长6.1%达150亿元，一般公共预算收入增长3%达9.2亿元。\n")
    got = import_detailed(_txt(tmp_path, text), place="云岭区", year=2025)[0]
    r = got.report
    assert r.targets == []
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [
        ("地区生产总值", 150, 6.1), ("一般公共预算收入", 9.2, 3)]
    assert S.IMPORT_WARN_NEWS in got.warnings


def test_spaced_out_number():
    from workbench.reading.lines import normalise
    assert normalise("经济增长5 . 8%左右") == "经济增长5.8%左右"


# ------------------------------------------------------------ pages


def test_document_library_preview(tmp_path):
    text = ("收藏 分享(赏)\n2023年某乡政府工作报告.docx\n上传人:ab****2 文档编号:1024 上传时间:2023-05-01\n"
            "下载 相关 举报\n2023年某乡政府工作报告.docx_第1页\n第1页 / 共9页\n资源描述\n"
            "1、2023年某乡政府工作报告各位代表:现在,我代表乡人民政府向大会报告工作,请予审议。"
            "一、2022年工作回顾2022年是极不平凡的一年。在县委的坚强领导下,全乡干部群众团结一心,攻坚克难,"
            "圆满完成了年初确定的各项目标任务,经济社会发展稳中有进,人民生活持续改善。预计全年实现地区生产总值\n"
            "2、5.3亿元,一般公共预算收入完成812万元。(一)产业发展稳步推进。新建蔬菜大棚120座,带动农户增收。\n")
    got = import_detailed(_txt(tmp_path, text), place="某乡", year=2023)[0]
    r = got.report
    body = "\n".join(p.full_text for *_, p in r.paragraphs())
    for furniture in ("docx", "第1页", "上传人", "资源描述", "举报", "1、", "2、"):
        assert furniture not in body
    assert [(f.name, f.value, f.unit) for f in r.results] == [
        ("地区生产总值", 5.3, "亿元"), ("一般公共预算收入", 812, "万元")]
    # without the flags the file name gives the year
    assert read_partial(_txt(tmp_path, text, "b.txt"))[0].report.year == 2023


def test_numbered_items_that_end_their_sentences_are_no_preview():
    lines = [Line("1、" + "推进项目建设，全年新开工项目十二个，完成投资三亿元。" * 6),
             Line("2、" + "改善人居环境，新建公园三处，改造老旧小区两个。" * 6)]
    assert join_preview_chunks(lines) == lines


def test_site_name_and_metadata_date_give_place_and_year(tmp_path):
    text = ("青禾县人民政府\n首页 >> 新闻动态 >> 正文\n日期:2024年01月19日   来源:县融媒体中心\n"
            "1月16日，县长在作《政府工作报告》时，对过去一年的工作作了回顾。\n"
            "报告指出，全县地区生产总值增长6.8%达102.4亿元，固定资产投资增长9%。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    assert (got.report.place, got.report.year) == ("青禾县", 2024)
    assert "青禾县人民政府" not in "\n".join(p.full_text for *_, p in got.report.paragraphs())


def test_news_item_without_figures_is_refused_in_one_line(tmp_path):
    text = ("1月16日，青禾县第十届人民代表大会第四次会议开幕。\n"
            "县长在作《政府工作报告》时，对过去一年的工作作了全面回顾，对今年的工作作了部署。\n")
    with pytest.raises(ImportFailure) as exc:
        import_detailed(_txt(tmp_path, text), place="青禾县", year=2024)
    assert len(str(exc.value).splitlines()) == 1


# ------------------------------------------------------------ checks sure before they accuse


def _pair(review: str, target: str, result: str | None):
    last = Report(place="青禾县", year=2023, targets=[parse_figure(target)])
    this = Report(place="青禾县", year=2024, chapters=[
        Chapter(title="2023年工作回顾", paragraphs=[Paragraph(text=review)])])
    if result is not None:
        this.results = [parse_figure(result)]
    return this, last


def _codes(findings, code):
    return [f for f in findings if f.code == code]


def test_e102_only_when_sure():
    # The target is a level; the result read is a growth, and the review names the indicator
    # again in a sentence the reader cannot read a level from: an info quoting it, no error.
    this, last = _pair("地区生产总值增长5%。经济总量稳稳站上百亿台阶，创历史新高。",
                       "地区生产总值100亿元", "地区生产总值增长5%")
    this.results[0].raw = "地区生产总值增长5%"
    findings = check(this, last)
    assert not _codes(findings, "E102")
    [info] = _codes(findings, "I104")
    assert info.severity == "info" and "站上百亿台阶" in info.message
    # The review says nothing more of it: the report cannot be checked, and the error stands.
    this, last = _pair("地区生产总值增长5%。", "地区生产总值100亿元", "地区生产总值增长5%")
    this.results[0].raw = "地区生产总值增长5%"
    assert [f.severity for f in _codes(check(this, last), "E102")] == ["error"]


def test_a_unit_written_short_compares_with_its_full_form():
    this, last = _pair("社零完成61.2亿。", "社会消费品零售总额60亿元", None)
    this.results = results_in("社零完成61.2亿")
    findings = check(this, last)
    assert not _codes(findings, "E102") and not _codes(findings, "I104")
    assert any(f.code == "I202" and "社会消费品零售总额" in f.message for f in findings)


# ------------------------------------------------------------ place and year


def test_a_county_named_only_by_its_stem(tmp_path):
    text = ("一、2023年工作回顾\n2023年，是鹿邑发展进程中极不平凡的一年。县政府团结带领全县人民，"
            "全年地区生产总值增长5.2%。\n二、2024年工作安排\n我县今年要抓好项目建设。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    assert (got.report.place, got.report.year, got.place_from) == ("鹿邑", 2024, S.SOURCE_BODY)


@pytest.mark.parametrize("text", [
    # a place's stem that is an ordinary word ("乡村振兴", "复杂多变") names no place
    "一、2023年工作回顾\n面对复杂多变的形势，我县全力推进乡村振兴，县政府全年地区生产总值增长5%。\n",
    # one passing mention of a place of the text's level beside no statement about it
    "一、2023年工作回顾\n我县组团赴长沙招商，县政府全年地区生产总值增长5%。\n",
    # two places named as often: no guess
    "一、2023年工作回顾\n我县与浏阳、醴陵两地合作，浏阳、醴陵客商来访，县政府全年地区生产总值增长5%。\n",
])
def test_no_place_guessed_from_ordinary_words_or_passing_mentions(tmp_path, text):
    got = read_partial(_txt(tmp_path, text))[0]
    assert got.report.place == ""


def test_year_from_the_targets_passage_deep_in_a_news_paragraph(tmp_path):
    text = ("记者从报告中获悉，青禾县将全力做好今年的工作。会议期间，代表们认真审议了报告，一致认为报告"
            "实事求是、客观全面。2024年经济社会发展的主要预期目标是：地区生产总值增长6%左右，"
            "一般公共预算收入增长5%。\n")
    got = import_detailed(_txt(tmp_path, text), place="青禾县")[0]
    assert got.report.year == 2024
    assert [(f.name, f.growth_pct) for f in got.report.targets] == [("地区生产总值", 6), ("一般公共预算收入", 5)]


def test_level_after_a_growth_and_its_comparison():
    got = results_in("全年地区生产总值增长5.4%，高于全省0.3个百分点，总量跨过600亿元。")
    assert [(f.name, f.value, f.unit, f.growth_pct) for f in got] == [("地区生产总值", 600, "亿元", 5.4)]
    # another figure first: the level is that figure's, not the growth's
    got = results_in("地区生产总值增长5%，固定资产投资12亿元，总量达到300亿元。")
    assert got[0].value is None


def test_watermark_before_a_title_on_one_line(tmp_path):
    text = ("某某素材库整理汇总。公众号：某某写作。某镇2024年政府工作报告各位代表：现在，我代表镇人民政府向大会报告工作，"
            "请予审议。一、2023年工作回顾刚刚过去的一年，我们攻坚克难，全年实现地区生产总值12.5亿元，增长6.1%。"
            "二、2024年工作安排今年要着力抓好项目建设，确保完成全年目标任务，推动经济社会高质量发展。" * 2)
    r = read_partial(_txt(tmp_path, text))[0].report
    assert r.meta.title
    body = "\n".join(p.full_text for *_, p in r.paragraphs())
    assert "公众号" not in body and "政府工作报告各位代表" not in body
    assert r.chapters[1].title == "2023年工作回顾"
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [("地区生产总值", 12.5, 6.1)]


def test_a_town_written_with_its_district_above_it(tmp_path):
    text = ("2024年政府工作报告\n——2024年1月18日在重庆市江岸区石门镇第二十届\n人民代表大会第五次会议上\n各位代表：\n"
            "一、2023年工作回顾\n全镇固定资产投资同比增长12%。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    assert (got.report.place, got.report.year) == ("石门镇", 2024)


def test_a_short_report_on_one_line_with_half_width_punctuation(tmp_path):
    text = ("石桥县2025年政府工作报告 ——2025年1月7日在石桥县第九届人民代表大会第四次会议上 县长 李某 各位代表:"
            "现在,我代表县人民政府向大会报告工作,请予审议。一、2024年工作回顾 2024年,全县地区生产总值完成88.6亿元,"
            "同比增长4.9%;城镇、农村居民人均可支配收入分别达到39800元、18760元,分别增长4.6%、6.9%。"
            "二、2025年工作安排 2025年全县经济社会发展的主要预期目标是:全县地区生产总值增长5.5%左右,力争更好结果;"
            "固定资产投资增幅7%以上。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    r = got.report
    assert (r.place, r.year, r.meta.speaker) == ("石桥县", 2025, "县长 李某")
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [
        ("地区生产总值", 88.6, 4.9), ("城镇居民人均可支配收入", 39800, 4.6), ("农村居民人均可支配收入", 18760, 6.9)]
    assert [(f.name, f.growth_pct, f.qualifier) for f in r.targets] == [
        ("地区生产总值", 5.5, "左右"), ("固定资产投资", 7, "以上")]


# ------------------------------------------------------------ shapes the held-back pages showed


def test_town_and_country_written_as_one_character_each():
    got = figures_in("城、乡居民人均可支配收入分别增长6%、7.5%")
    assert [(f.name, f.growth_pct) for f in got] == [
        ("城镇居民人均可支配收入", 6), ("农村居民人均可支配收入", 7.5)]


def test_targets_met_told_in_the_past_are_no_passage():
    from workbench.reading.targets import _slogan, _STRONG_MARK

    text = "过去一年，区政府圆满完成了全年经济社会发展主要目标任务。"
    assert _slogan(text, _STRONG_MARK.search(text))
    text = "今年经济社会发展的主要目标任务是：地区生产总值增长6%。"
    assert not _slogan(text, _STRONG_MARK.search(text))


def test_news_item_quoting_both_results_and_targets(tmp_path):
    text = ("编辑:某某2024-01-20 10:05 来源:某某网\n"
            "青禾区第三届人民代表大会第二次会议开幕，区长作政府工作报告。\n"
            "区长在报告中说，2023年全区经济稳中向好。区属地区生产总值达到211.4亿元、增长6.3%；"
            "社会消费品零售总额超90亿元、增长7%。\n"
            "报告提出了2024年经济社会发展主要预期目标：地区生产总值增长6%，城、乡居民人均可支配收入分别增长6%、7%。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    r = got.report
    assert (r.place, r.year) == ("青禾区", 2024)   # the page's stamp gives the year
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [
        ("地区生产总值", 211.4, 6.3), ("社会消费品零售总额", 90, 7)]
    assert [(f.name, f.growth_pct) for f in r.targets] == [
        ("地区生产总值", 6), ("城镇居民人均可支配收入", 6), ("农村居民人均可支配收入", 7)]


def test_contents_and_a_part_heading_with_a_chapter_title(tmp_path):
    text = ("目录\n1.解读之一：2023年工作回顾 2\n2.解读之二：2024年工作思路 5\n"
            "解读之一：2023年工作回顾\n2023年，是鹿邑发展极不平凡的一年。县政府带领全县人民攻坚克难。\n"
            "地区生产总值达到402.5亿元；一般公共预算收入完成21.3亿元。\n")
    r = read_partial(_txt(tmp_path, text))[0].report
    body = "\n".join([c.title or "" for c in r.chapters] + [p.full_text for *_, p in r.paragraphs()])
    assert "目录" not in body and "工作思路 5" not in body
    assert r.chapters[0].title.endswith("2023年工作回顾") and r.year == 2024
    assert [(f.name, f.value) for f in r.results] == [("地区生产总值", 402.5), ("一般公共预算收入", 21.3)]


def test_a_subdistrict_office_report_and_a_figure_wrapped_before_its_unit(tmp_path):
    text = ("溪口街道办事处工作报告\n（2024年1月10日在溪口街道第三届居民议事会第二次会议上）\n王某某\n各位议事员：\n"
            "一、2023年工作回顾\n全年实现地区生产总值31.5 亿元、增长5.2%。\n")
    got = read_partial(_txt(tmp_path, text))[0]
    r = got.report
    assert (r.place, r.year) == ("溪口街道", 2024)
    assert r.meta.meeting and r.meta.speaker == "王某某"
    body = "\n".join(p.full_text for *_, p in r.paragraphs())
    assert "办事处工作报告" not in body and "王某某" not in body
    assert [(f.name, f.value, f.unit, f.growth_pct) for f in r.results] == [("地区生产总值", 31.5, "亿元", 5.2)]


# ------------------------------------------------------------ second round: the working half's shapes


def _targets_of(text: str) -> list[tuple]:
    return [(f.name, f.value, f.unit, f.growth_pct, f.qualifier) for f in figures_in(text)]


def test_targets_with_no_number_a_quota_a_rule_a_task_and_above_zero():
    got = _targets_of("规上工业增加值增长9%以上；污染减排完成上级下达的目标任务；各项约束性指标达到上级要求；"
                      "完成单位产值能耗降低任务；进出口总额实现正增长。")
    assert got == [("规上工业增加值", None, None, 9, "以上"),
                   ("污染减排", None, None, None, "完成上级下达的目标任务"),
                   ("约束性指标", None, None, None, "达到上级要求"),
                   ("进出口总额", None, None, None, "实现正增长"),
                   ("单位产值能耗降低", None, None, None, "完成任务")]
    # the year's work as a whole is no task of its own
    assert _targets_of("确保完成全年各项目标任务，完成年度工作任务。") == []


def test_a_list_of_names_sharing_one_qualitative_word_is_one_target():
    got = _targets_of("税收收入、社会消费品零售总额保持正增长，外贸进出口总额增长4%。")
    assert got == [("税收收入、社会消费品零售总额", None, None, None, "保持正增长"),
                   ("外贸进出口总额", None, None, 4, None)]
    # names each with its own word stay apart
    got = _targets_of("物价水平保持稳定、就业形势保持稳定。")
    assert [g[0] for g in got] == ["物价水平", "就业形势"]


def test_a_bracketed_aside_between_name_and_figure():
    got = figures_in("一般公共预算支出（不含2023年结转的专项债券资金）增长4%以上，税收收入增长6%。")
    assert [(f.name, f.growth_pct, f.qualifier) for f in got] == [("一般公共预算支出", 4, "以上"), ("税收收入", 6, None)]
    assert "不含2023年" in got[0].raw  # the drafter's words are kept


def test_quota_and_task_words_in_a_review_are_no_results():
    assert results_in("全年节能减排完成上级下达目标任务，一般公共预算收入实现正增长。") == []


def test_profit_total_of_enterprises_is_a_result():
    assert _read("规上工业企业实现利润总额3.6亿元，同比增长8.2%") == [("规上工业企业利润总额", 3.6, "亿元", 8.2)]


def _report(tmp_path: Path, text: str, **flags):
    """The one report a text imports as, with --place/--year style flags when given."""
    path = _txt(tmp_path, text)
    return (import_detailed(path, **flags) if flags else read_partial(path))[0].report


def test_tasks_after_the_targets_and_figures_of_another_period_are_no_targets(tmp_path):
    text = ("青禾县政府工作报告\n各位代表：\n一、2024年工作回顾\n全年实现地区生产总值188亿元，增长5.8%。\n"
            "二、2025年工作安排\n今年全县发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%；"
            "到2027年，全县地区生产总值突破230亿元。围绕上述目标，我们将实施重点项目80个，完成投资65亿元，"
            "新建充电桩500个。\n")
    r = _report(tmp_path, text)
    assert [(f.name, f.value, f.growth_pct) for f in r.targets] == [("地区生产总值", None, 6), ("一般公共预算收入", None, 5)]


def test_targets_restated_in_the_review_are_no_results(tmp_path):
    text = ("青禾镇2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n年初镇人代会确定的主要目标是：财政收入增长12%，"
            "固定资产投资增长15%。一年来，全镇财政收入完成1.8亿元，增长10.5%；固定资产投资增长9%。\n")
    r = _report(tmp_path, text)
    assert [(f.name, f.value, f.growth_pct) for f in r.results] == [("财政收入", 1.8, 10.5), ("固定资产投资", None, 9)]


def test_a_plan_of_its_own_titled_as_such(tmp_path):
    text = ("青禾镇2025年度工作计划\n2025年是青禾镇转型发展的攻坚之年。\n2025年主要预期目标是：地区生产总值增长6.5%，"
            "固定资产投资增长9%以上。\n")
    r = _report(tmp_path, text)
    assert (r.place, r.year) == ("青禾镇", 2025)
    assert "工作计划" not in "\n".join(p.full_text for *_, p in r.paragraphs())


def test_year_of_a_targets_passage_from_the_paragraph_that_opens_the_plan(tmp_path):
    text = ("松川区区长代表区政府向大会报告工作。\n图片\n"
            "2026年是“十五五”规划的开局之年，做好今年工作意义重大。\n"
            "新的一年，全区将坚持稳中求进。\n"
            "经济社会发展主要预期目标是：地区生产总值增长5.5%以上，一般公共预算收入增长4%。\n")
    r = _report(tmp_path, text, place="松川区")
    assert r.year == 2026
    assert "图片" not in "\n".join(p.full_text for *_, p in r.paragraphs())


def test_no_year_from_a_year_opening_a_review_paragraph(tmp_path):
    # "2024年是…" in the review, followed by targets met: no plan's year
    text = ("一、2024年工作回顾\n2024年是极不平凡的一年。全区较好完成了主要预期目标。地区生产总值增长5%。\n")
    r = _report(tmp_path, text)
    assert r.year == 2025  # from the review's title, not 2024


def test_an_autonomous_county_named_by_its_stem(tmp_path):
    # spoken of as a county once (县委), its stem named twice and once as the place itself
    text = ("2024年政府工作总体要求是：认真落实县委十三届六次全会精神，真正把澜沧建成边境明珠，"
            "为全省发展作出澜沧贡献。\n2024年经济社会发展的主要预期目标是：地区生产总值增长7%以上。\n")
    r = _report(tmp_path, text)
    assert r.place == "澜沧"
    # named twice but never as the place itself: no guess
    text2 = text.replace("作出澜沧贡献", "作出更大贡献").replace("把澜沧建成", "把澜沧县城建成")
    assert _report(tmp_path, text2 + "澜沧江沿岸\n").place == ""


def test_a_task_paragraph_after_the_targets_and_a_closed_list_are_no_targets(tmp_path):
    head = "青禾县政府工作报告\n各位代表：\n一、2024年工作回顾\n全年实现地区生产总值150亿元，增长5%。\n二、2025年工作安排\n"
    # the targets sentence, then a short paragraph of the year's tasks with their own figures
    r = _report(tmp_path, head + "今年主要预期目标是：地区生产总值增长6%，税收收入增长4%。\n"
                                 "全年计划新开工项目45个，完成投资38亿元。\n")
    assert [f.name for f in r.targets] == ["地区生产总值", "税收收入"]
    # a lead-in and a list closed by "。", then the tasks
    r = _report(tmp_path, head + "今年主要预期目标是：\n地区生产总值增长6%；\n研发经费投入强度达到2.1%；\n"
                                 "城镇新增就业2500人以上。\n改造老旧小区12个，新建公园3座。\n")
    assert [f.name for f in r.targets] == ["地区生产总值", "研发经费投入强度", "城镇新增就业"]


def test_a_part_of_the_year_in_a_review_is_no_result_of_the_year():
    got = _read("全年一般公共预算收入9.4亿元，增长5%；1—10月，规上工业增加值增长7.7%，前三季度固定资产投资增长3%。")
    assert got == [("一般公共预算收入", 9.4, "亿元", 5)]


def test_a_comparison_after_a_target_is_no_target_of_its_own():
    got = _targets_of("地区生产总值增长6.5%，快于全省1个百分点；税收收入增长5%，比上年提高0.8个百分点，达到8.2亿元。")
    assert got == [("地区生产总值", None, None, 6.5, None), ("税收收入", 8.2, "亿元", 5, None)]


# ------------------------------------------------------------ page furniture around a report


NEWS_BODY = ("3月2日，青禾县第九届人民代表大会第三次会议开幕。县长周明向大会作政府工作报告。\n"
             "报告指出，今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，"
             "一般公共预算收入增长5%以上，城镇新增就业3200人以上。\n")


def _body(report: Report) -> list[str]:
    return [p.full_text for *_, p in report.paragraphs()]


def test_a_news_items_headline_is_not_the_reports_text(tmp_path):
    # A headline over a news item, with and without figures in it: the page's words, dropped;
    # the targets still come from the sentence the report itself wrote.
    for headline in ("青禾县：今年地区生产总值增长6%左右", "我县今年发展主要目标确定"):
        got = _one_read(_txt(tmp_path, headline + "\n" + NEWS_BODY))
        body = _body(got.report)
        assert not any(headline.replace("：", "") in t.replace("：", "") for t in body), body
        assert S.IMPORT_WARN_NEWS in got.warnings
        assert {f.name for f in got.report.targets} >= {"地区生产总值", "一般公共预算收入"}
    # A first line that is a sentence stays: it is the report's.
    got = _one_read(_txt(tmp_path, "今年全县上下要鼓足干劲。\n" + NEWS_BODY))
    assert "今年全县上下要鼓足干劲。" in _body(got.report)


@pytest.mark.parametrize("furniture", [
    "上一条：青禾县召开春季农业生产会议", "下一条:县政协十届三次会议闭幕", "（资料图片）", "(图片来源：县融媒体中心)",
])
def test_pager_links_and_picture_captions_are_furniture(tmp_path, furniture):
    got = _one_read(_txt(tmp_path, "（资料图片）\n" + NEWS_BODY + furniture + "\n"))
    assert not any(furniture[:6] in t for t in _body(got.report)), _body(got.report)


@pytest.mark.parametrize("dateline, byline", [
    ("青禾网3月2日讯（青禾日报记者 周明）", "（青禾县融媒体中心）"),
    ("新华社青禾3月2日电", "（记者 李华、王芳）"),
    ("本报讯（通讯员 周明）", "（周明）"),
])
def test_a_news_items_dateline_and_byline_are_not_the_reports_text(tmp_path, dateline, byline):
    got = _one_read(_txt(tmp_path, dateline + NEWS_BODY.replace("。\n", "。" + byline + "\n")))
    body = _body(got.report)
    assert body[0].startswith("3月2日，青禾县第九届"), body
    assert not any(byline in t or "讯" in t or "电" in t[:12] for t in body), body
    assert {f.name for f in got.report.targets} >= {"地区生产总值", "一般公共预算收入"}


def test_a_title_damaged_by_a_sites_encoding_over_the_meeting_line(tmp_path):
    text = ("（湖南？。？024年青禾县人民政府政府工作报告\n2024年1月9日在青禾县第九届人民代表大会第二次会议上\n"
            "县长 周 明\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "全年地区生产总值增长5.2%，达到86.4亿元。\n")
    got = _one_read(_txt(tmp_path, text))
    r = got.report
    assert (r.place, r.year) == ("青禾县", 2024)
    assert r.meta.title == "青禾县人民政府政府工作报告"
    assert r.meta.meeting.endswith("第九届人民代表大会第二次会议上") and r.meta.speaker == "县长 周 明"
    body = _body(r)
    assert not any("政府工作报告" in t or "会议上" in t or "周 明" in t for t in body), body


def test_a_traditional_page_keeps_its_place_as_written_and_the_cli_finds_it_either_way(tmp_path, capsys):
    from workbench.cli.commands import main

    src = _txt(tmp_path, "2024年青禾縣政府工作報告\n各位代表：\n現在，我代表縣人民政府，向大會報告工作。\n"
                         "一、2023年工作回顧\n全年地區生產總值增長5.2%，達到86.4億元，經濟運行穩中有進。\n")
    db = str(tmp_path / "s.json")
    assert main(["--db", db, "import", str(src)]) == 0
    out = capsys.readouterr()
    assert "青禾縣" in out.out and "青禾县" in out.err + out.out  # the warning names both spellings
    for typed in ("青禾县", "青禾縣"):
        assert main(["--db", db, "show", typed, "2024"]) == 0
        assert "86.4亿元" in capsys.readouterr().out
    # the same report named in the other script is the one stored, never a second one
    for again in (["import", str(src), "--replace"], ["import", str(src), "--place", "青禾县", "--replace"]):
        assert main(["--db", db, *again]) == 0
        capsys.readouterr()
        assert main(["--db", db, "list", "--json"]) == 0
        listed = capsys.readouterr().out
        assert listed.count("青禾") == 1, listed


def _one_read(path: Path):
    [got] = read_partial(path)
    return got
