"""Import shapes real texts use (issue 11), each written here in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.reading.importer import ImportFailure, import_detailed, read_partial
from workbench.reading.lines import Line
from workbench.reading.structure import read_detailed
from workbench.reading.places import valid_place

BODY = "全年完成各项工作任务，经济运行稳中有进。\n"


def _txt(tmp_path: Path, text: str, name: str = "报告.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _one(path: Path, **kw):
    [got] = read_partial(path) if not kw else import_detailed(path, **kw)
    return got


def test_opening_and_meeting_give_place(tmp_path):
    got = _one(_txt(tmp_path, "政府工作报告\n——2024年1月10日在交城县第十七届人民代表大会第三次会议上\n各位代表：\n"
                              "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n" + BODY))
    assert (got.report.place, got.report.year) == ("交城县", 2024)
    assert (got.place_from, got.year_from) == ("会议行", "会议行")


def test_meeting_split_over_two_lines_and_without_dashes(tmp_path):
    got = _one(_txt(tmp_path, "政府工作报告\n2025年1月20日在白沙黎族自治县第十六届\n人民代表大会第五次会议上\n"
                              "各位代表：\n一、2024年工作回顾\n" + BODY))
    r = got.report
    assert (r.place, r.year) == ("白沙黎族自治县", 2025)
    assert r.meta.meeting == "——2025年1月20日在白沙黎族自治县第十六届人民代表大会第五次会议上"


def test_title_split_over_lines_and_traditional_characters(tmp_path):
    got = _one(_txt(tmp_path, "2024年某某县政府工作報\n告\n各位代表：\n現在，我代表甘泉縣人民政府，向大會報告工作。\n"
                              "一、2023年工作回顧\n全年完成各項工作任務，經濟運行穩中有進，人民生活持續改善。\n"))
    r = got.report
    assert r.year == 2024 and got.year_from == "标题"
    # "某某县" is no place; the opening names it, and the place stays as the text spells it
    assert r.place == "甘泉縣"
    assert any("甘泉縣" in w and "甘泉县" in w for w in got.warnings)
    assert r.chapters[-1].title == "2023年工作回顾"
    assert "经济运行稳中有进" in r.chapters[-1].paragraphs[0].full_text


def test_page_header_review_and_plan_chapters_and_file_name(tmp_path):
    got = _one(_txt(tmp_path, "汉滨区2025年政府工作报告 |\n各位代表：\n一、2024年工作回顾\n" + BODY))
    assert (got.report.place, got.report.year) == ("汉滨区", 2025)
    got = _one(_txt(tmp_path, "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2011年工作回顾\n" + BODY, "a.txt"))
    assert (got.report.place, got.report.year, got.year_from) == ("全国", 2012, "回顾章标题")
    got = _one(_txt(tmp_path, "2025年工作安排建议\n今年要着力稳增长、促转型，力争地区生产总值增长6%。\n", "b.txt"))
    assert got.report.year == 2025 and got.year_from == "安排章标题"
    got = _one(_txt(tmp_path, "一、工作回顾\n" + BODY, "2025年四川省政府工作报告.txt"))
    assert (got.report.place, got.report.year, got.place_from, got.year_from) == ("四川省", 2025, "文件名", "文件名")


@pytest.mark.parametrize("place,ok", [
    ("交城县", True), ("白沙黎族自治县", True), ("全国", True), ("广西", True), ("狮岭镇", True),
    ("县", False), ("某县", False), ("**县", False), ("在县第十八届人民代表大会第三次会议上的", False),
    ("自治区", False), ("乡镇", False), ("全县", False),
])
def test_valid_place(place, ok):
    assert valid_place(place) is ok


def test_meeting_title_without_a_place_is_never_a_place(tmp_path):
    path = _txt(tmp_path, "在县第十八届人民代表大会第三次会议上的政府工作报告\n各位代表：\n一、2023年工作回顾\n" + BODY, "x.txt")
    got = _one(path)
    assert got.report.place == "" and got.report.year == 2024
    with pytest.raises(ImportFailure, match="判断地点.*--place"):
        import_detailed(path)
    assert _one(path, place="某某县").report.place == "某某县"


def _targets(text: str):
    [(r, _)] = read_detailed([Line(t) for t in text.splitlines()], place="某县", year=2025)
    return [(t.key or t.name, t.value, t.unit, t.growth_pct, t.qualifier) for t in r.targets]


def test_targets_marks_units_and_names():
    assert _targets("今年的努力目标为：粮食产量282亿斤以上，全县生产总值增长7%。") == [
        ("grain_output", 282, "亿斤", None, "以上"), ("gdp", None, None, 7, None)]
    assert _targets("今年经济增长预期目标为6%左右。") == [("gdp", None, None, 6, "左右")]
    assert _targets("我们的目标是：生猪出栏10万头以上，新增耕地500万亩。") == [
        ("生猪出栏", 10, "万头", None, "以上"), ("新增耕地", 500, "万亩", None, None)]
    assert _targets("主要目标：地区生产总值增长6%，城镇和农村常住居民人均可支配收入分别增长5.5%左右和7%左右，"
                    "粮食产量稳定在1.4万亿斤以上。") == [
        ("gdp", None, None, 6, None), ("urban_income", None, None, 5.5, "左右"),
        ("rural_income", None, None, 7, "左右"), ("grain_output", 1.4, "万亿斤", None, "以上")]


def test_lead_in_then_a_list_of_long_paragraphs():
    lines = ["二、2025年工作安排", "今年经济社会发展的主要预期目标是：",
             "地区生产总值增长6%左右。这一目标兼顾了需要与可能，与“十四五”规划相衔接，也为应对不确定因素留有余地，"
             "我们将在实际工作中努力争取更好的结果，推动经济实现质的有效提升和量的合理增长。",
             "城镇新增就业1.2万人以上。就业是最基本的民生，要落实落细就业优先政策，确保零就业家庭动态清零，"
             "持续做好高校毕业生、退役军人和农民工等重点群体就业工作，稳定和扩大就业容量。",
             "（一）着力扩大有效需求", "实施重点项目攻坚行动。全年新开工项目50个以上。"]
    assert _targets("\n".join(lines)) == [("gdp", None, None, 6, "左右"), ("new_urban_jobs", 1.2, "万人", None, "以上")]


def test_slogan_chapter_title_is_a_review_by_what_it_says():
    lines = ["各位代表：", "一、牢记殷殷嘱托，奋力谱写新篇章",
             "过去一年，我们坚持稳中求进，全年实现地区生产总值320亿元，比上年增长6.2%；一年来取得了新的成绩。",
             "一年来，新增规上企业21家，完成了年初确定的目标任务，累计建成高标准农田3万亩。",
             "二、2025年工作安排", "今年要力争地区生产总值增长6%，新增规上企业10家。"]
    [(r, origin)] = read_detailed([Line(t) for t in lines], place="某县", year=2025)
    assert r.chapters[0].kind == "review"
    assert [f.key for f in r.results] == ["gdp"]
    assert all(c.chapter == 1 for c in r.commitments)
    assert origin.warnings == []


def test_unplaceable_chapter_gets_a_warning(tmp_path):
    path = _txt(tmp_path, "各位代表：\n一、关于几个问题\n这里谈谈对若干问题的认识和看法，供各位代表参考。\n"
                          "二、2025年工作安排\n今年要力争地区生产总值增长6%。\n")
    got = _one(path, place="某县", year=2025)
    assert got.warnings == ["第1章“关于几个问题”无法判断是回顾还是安排，按安排处理"]


def _docx(tmp_path: Path, paragraphs: list[list[tuple[str, bool]]]) -> Path:
    from docx import Document

    doc = Document()
    for runs in paragraphs:
        p = doc.add_paragraph()
        for text, bold in runs:
            p.add_run(text).bold = bold
    path = tmp_path / "2025年某某县政府工作报告.docx"
    doc.save(str(path))
    return path


def test_docx_leads(tmp_path):
    long_title = "（一）在全方位扩大内需上持续加力，切实巩固经济稳中向好发展态势并不断增强发展的后劲"
    path = _docx(tmp_path, [
        [("2025年宁陵县政府工作报告", True)],
        [("各位代表！", True)],
        [("二、2025年工作安排", True)],
        [(long_title, True), ("。坚持供需两端协同发力，让内需成为拉动增长的主动力。", False)],
        [("着力稳住工业基本盘", True), ("。支持骨干企业扩产增效，", False), ("力争新增规上企业8家。", True),
         ("推动产业链上下游协同。", False)],
        [("题。", True), ("这是上一段在换行处被切开的残句，不能当作段首句来处理。", False)],
    ])
    got = _one(path)
    r = got.report
    assert (r.place, r.year) == ("宁陵县", 2025)
    ch = r.chapters[-1]
    assert ch.title == "2025年工作安排"
    assert [s.title for s in ch.sections] == [long_title[3:]]
    paras = ch.sections[0].paragraphs
    assert paras[0].lead is None or not paras[0].lead.startswith("。")
    bullet = paras[1]
    assert bullet.lead == "着力稳住工业基本盘。"
    assert bullet.text.startswith("支持骨干企业")
    assert bullet.bold == ["力争新增规上企业8家。"]
    assert paras[2].lead is None
    assert not any(p.lead and p.lead.startswith("各位代表") for *_, p in r.paragraphs())


def test_bold_phrases_round_trip_through_json():
    from workbench.document.model import Paragraph, Report, Chapter

    r = Report(place="某县", year=2025, chapters=[Chapter(title="x", paragraphs=[
        Paragraph(lead="着力稳增长。", text="支持企业。力争新增8家。", bold=["力争新增8家。"])], kind="plan")])
    back = Report.from_dict(r.to_dict())
    assert back == r and back.chapters[0].kind == "plan"
    assert "bold" not in Report.from_dict({**r.to_dict(), "chapters": []}).to_dict()


def test_docx_with_tracked_changes_imports_accepted(tmp_path):
    """Word writes an insertion as w:ins around runs and a deletion as w:del with w:delText;
    python-docx's paragraph text drops the inserted runs, the importer must not."""

    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph("2025年宁陵县政府工作报告")
    doc.add_paragraph("一、2024年工作回顾")
    p = doc.add_paragraph()
    p.add_run("全年完成地区生产总值")
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "张主任")
    ins.set(qn("w:date"), "2025-01-05T10:00:00Z")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "320亿元，"
    r.append(t)
    ins.append(r)
    p._p.append(ins)
    dele = OxmlElement("w:del")
    dele.set(qn("w:id"), "2")
    dele.set(qn("w:author"), "张主任")
    r2 = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = "约300亿元，"
    r2.append(dt)
    dele.append(r2)
    p._p.append(dele)
    p.add_run("增长6.2%，经济运行稳中有进。")
    path = tmp_path / "修订稿.docx"
    doc.save(str(path))
    [got] = read_partial(path)
    text = got.report.chapters[-1].paragraphs[0].full_text
    assert text == "全年完成地区生产总值320亿元，增长6.2%，经济运行稳中有进。"
    assert got.warnings[0] == "此文件含有 2 处未处理的修订，已按“全部接受”后的文字导入"
    assert [f.value for f in got.report.results] == [320]


def test_plain_title_split_and_meeting_without_dashes(tmp_path):
    got = _one(_txt(tmp_path, "政府工作报\n告\n2024年1月8日在交城县第十七届人民代表大会第三次会议上\n各位代表：\n"
                              "一、2023年工作回顾\n" + BODY))
    assert (got.report.place, got.report.year, got.report.meta.title) == ("交城县", 2024, "政府工作报告")


def test_drafter_found_furniture_and_gaps(tmp_path):
    text = ("清溪县2024年政府工作报告\n来源：清溪日报 发布时间：2024-01-10 浏览次数：312\n各位代表：\n"
            "一、2023年工作回顾\n全年实现地区生产总值182亿元，增长6%。来源：清溪日报\n- 2 -\n第2页 共3页\n"
            "扫一扫在手机打开当前页\n全年新增规上企业12家……(某某网省略512字，正式会员可完整阅读)……城乡面貌焕然一新。\n")
    r = _one(_txt(tmp_path, text)).report
    body = [p.full_text for *_, p in r.paragraphs()]
    assert body == ["全年实现地区生产总值182亿元，增长6%。", "全年新增规上企业12家……城乡面貌焕然一新。"]


def test_meeting_split_after_the_congress_and_speaker(tmp_path):
    text = ("政府工作报告\n——2024年1月12日在清溪镇第十九届人民代表大会\n第四次会议上\n镇长 陈立新\n各位代表：\n"
            "一、2023年工作回顾\n" + BODY)
    r = _one(_txt(tmp_path, text)).report
    assert r.meta.meeting == "——2024年1月12日在清溪镇第十九届人民代表大会第四次会议上"
    assert r.meta.speaker == "镇长 陈立新" and r.place == "清溪镇"
    assert [p.full_text for *_, p in r.paragraphs()] == [BODY.strip()]


def test_opening_sentence_is_never_the_meeting_line(tmp_path):
    text = ("各位代表：\n现在我代表县人民政府向清溪县第十九届人民代表大会第四次会议报告工作，请予审议。\n"
            "一、2023年工作回顾\n" + BODY)
    r = _one(_txt(tmp_path, text), place="清溪县", year=2024).report
    assert r.meta.meeting == ""
    assert r.chapters[0].paragraphs[0].full_text.startswith("现在我代表")


def test_zero_width_line_does_not_split_a_paragraph(tmp_path):
    text = ("各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2016年工作回顾\n\n"
            "——经济运行缓中趋稳。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。\n\n" + "过去一年，我们砥砺前行。\n\n" * 6)
    r = _one(_txt(tmp_path, text, "2017年国务院政府工作报告.txt")).report
    texts = [p.full_text for *_, p in r.paragraphs()]
    assert "——经济运行缓中趋稳。国内生产总值达到74.4万亿元，增长6.7%。" in texts


def test_a_notice_is_no_report(tmp_path):
    text = ("关于做好春节期间安全生产工作的通知\n各村（社区）、各单位：\n春节将至，为确保节日期间安全稳定，现就有关事项通知如下。\n"
            "一、加强组织领导\n各单位要高度重视，落实主体责任。\n二、开展隐患排查\n对重点场所开展拉网式排查。\n"
            "三、严格值班值守\n节日期间实行24小时值班。\n特此通知。\n")
    path = _txt(tmp_path, text, "通知.txt")
    with pytest.raises(ImportFailure, match="没有找到报告"):
        import_detailed(path, place="清溪镇", year=2024)


def test_target_wordings_kept_and_bounds_read():
    assert _targets("主要预期目标是：城镇登记失业率低于4.6%，一般公共预算收入同口径增长4%以上，"
                    "地区生产总值增长6%。") == [
        ("urban_unemployment", 4.6, "%", None, "以下"), ("general_budget_revenue", None, None, 4, "以上"),
        ("gdp", None, None, 6, None)]
    [(r, _)] = read_detailed([Line("今年经济增长预期目标为5%左右。")], place="全国", year=2024)
    assert [t.name for t in r.targets] == ["国内生产总值"]


def test_full_place_name_from_the_meeting_line(tmp_path):
    got = _one(_txt(tmp_path, "2025年广西政府工作报告\n2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上\n"
                              "各位代表：\n一、2024年工作回顾\n" + BODY))
    assert got.report.place == "广西壮族自治区"


def test_ordinal_heading_lines_are_sections():
    lines = ["三、2025年重点工作", "一是聚焦全方位扩大内需，着力提消费促投资",
             "实施提振消费专项行动。全年新建城市一刻钟便民生活圈20个。",
             "二是大力推进新型工业化，加快构建现代化产业体系",
             "一是抓龙头企业，支持骨干企业扩产增效，力争新增规上企业60家。"]
    [(r, _)] = read_detailed([Line(t) for t in lines], place="某省", year=2025)
    ch = r.chapters[0]
    assert [s.title for s in ch.sections] == ["聚焦全方位扩大内需，着力提消费促投资", "大力推进新型工业化，加快构建现代化产业体系"]
    assert ch.sections[1].paragraphs[0].full_text.startswith("一是抓龙头企业")  # a sentence, not a heading


@pytest.mark.parametrize("head", ["汉滨区2025年政府工作报告 | 汉滨区人民政府", "汉滨区2025年政府工作报告_汉滨区人民政府网",
                                  "汉滨区2025年政府工作报告 - 安康市汉滨区人民政府", "汉滨区2025年政府工作报告 |"])
def test_page_headers_with_site_names(head):
    [(r, o)] = read_detailed([Line(head), Line("各位代表："), Line("全年完成各项工作任务，经济运行稳中有进。"),
                              Line("二、2025年工作安排"), Line("今年要力争地区生产总值增长6%。")])
    assert (r.place, r.year, o.place) == ("汉滨区", 2025, "页眉")
    assert not any("汉滨区人民政府" in p.full_text for *_, p in r.paragraphs())


def test_bold_phrases_survive_export_and_reimport(r2024, tmp_path):
    from workbench.writing.export import export_report
    from workbench.reading.importer import import_file

    para = next(p for *_, p in r2024.paragraphs() if p.lead and len(p.text) > 20)
    phrase = para.text[4:12]
    para.bold = [phrase]
    out = export_report(r2024, tmp_path / "b.docx")
    [back] = import_file(out)
    again = next(p for *_, p in back.paragraphs() if p.lead == para.lead)
    assert again.text == para.text and again.bold == [phrase]


# Pages written by a tester who had not seen the importer, in the shapes of 文库 and portal
# pages (tests/data/web): the expected values come from reading each page.
WEB = Path(__file__).parent / "data" / "web"


def _all(r) -> str:
    return "\n".join([r.meta.title, r.meta.meeting, r.meta.speaker]
                     + [p.full_text for *_, p in r.paragraphs()]
                     + [s.title for c in r.chapters for s in c.sections])


def test_web_inline_junk_never_makes_a_place():
    got = _one(WEB / "t24-wenku-inline-junk.txt")
    r = got.report
    assert (r.place, r.year, got.place_from) == ("城关镇", 2023, "标题")
    text = _all(r)
    for junk in ("下载文档", "收藏", "免责声明", "共计5210字", "第2/6页", "微信扫码"):
        assert junk not in text, junk


def test_web_source_time_and_pager_lines():
    r = _one(WEB / "t13-header-pages-source.txt").report
    assert (r.place, r.year) == ("汉阴县", 2025)
    assert r.meta.meeting.startswith("——2025年1月14日在汉阴县") and r.meta.speaker.endswith("赵建国")
    text = _all(r)
    for junk in ("时间：2025-01-20", "阅读量", "上一页", "下一页", "来源：", "| 第2页"):
        assert junk not in text, junk


def test_web_collection_page_without_title_reads_its_review():
    got = _one(WEB / "t02-wenku-town-middle.txt", place="某镇")
    r = got.report
    assert r.year == 2024 and r.chapters[0].kind == "review"
    assert [f.key for f in r.results][:2] == ["gdp", "fixed_asset_investment"]
    assert r.commitments == []  # last year's achievements are no promises
    text = _all(r)
    for junk in ("范文", "作者：小编", "仅供参考", "免费下载"):
        assert junk not in text, junk


def test_web_targets_only_with_suggested_wording():
    r = _one(WEB / "t03-targets-only-unusual.txt", place="某县", year=2025).report
    named = {t.key or t.name: t for t in r.targets}
    assert "为：地区生产总值" not in [t.name for t in r.targets]
    assert (named["gdp"].growth_pct, named["gdp"].qualifier, named["gdp"].stretch_pct) == (7, "左右", 8)
    assert (named["rural_income"].growth_pct, named["rural_income"].value, named["rural_income"].unit) == \
        (8, 2.1, "万元/人")
    assert (named["生猪出栏"].value, named["生猪出栏"].unit) == (52, "万头")


def test_web_half_width_full_stops_end_sentences_and_leads():
    r = _one(WEB / "t08-halfwidth-punct.txt").report
    assert (r.place, r.year) == ("安吉县", 2024)
    assert not any(p.full_text.endswith(".") for *_, p in r.paragraphs())
    assert any(p.lead for c in r.chapters for s in c.sections for p in s.paragraphs)


def test_a_speech_is_no_work_report():
    with pytest.raises(ImportFailure, match="没有找到报告"):
        import_detailed(WEB / "t11-speech.txt", place="某县", year=2024)


def test_growth_then_value_stays_one_figure():
    [(r, _)] = read_detailed([Line(t) for t in ["一、2023年工作回顾", "全年规模以上工业总产值增长10%，达到40亿元。",
                                                 "二、2024年工作安排", "主要预期目标是：规上工业总产值增长8%，达到43亿元。"]],
                             place="某镇", year=2024)
    assert [(f.key, f.value, f.growth_pct) for f in r.results] == [("industrial_output", 40, 10)]
    assert [(f.key, f.value, f.growth_pct) for f in r.targets] == [("industrial_output", 43, 8)]


def test_scale_industry_without_yishang_is_the_catalogue_indicator():
    """"规模工业增加值" (no 以上) is 规上工业增加值: read as a result, never skipped unsaid."""
    from workbench.document.catalog import lookup

    assert lookup("规模工业增加值") == lookup("规上工业增加值") == "industrial_value_added"
    assert lookup("规模工业总产值") == "industrial_output"
    lines = ["各位代表：", "一、2023年工作回顾",
             "预计2023年，GDP完成226.85亿元，增长6.5%；规模工业增加值增长10.5%；固定资产投资增长8.5%；"
             "社会消费品零售总额增长8.5%；地方一般公共预算收入增长8.5%。",
             "二、2024年工作安排", "今年要力争地区生产总值增长6%。"]
    [(r, origin)] = read_detailed([Line(t) for t in lines], place="某县", year=2024)
    assert [(f.key, f.growth_pct) for f in r.results] == [
        ("gdp", 6.5), ("industrial_value_added", 10.5), ("fixed_asset_investment", 8.5),
        ("retail_sales", 8.5), ("general_budget_revenue", 8.5)]
    assert origin.warnings == []


def test_an_unread_results_clause_is_named_in_the_warnings():
    lines = ["各位代表：", "一、2023年工作回顾",
             "全年地区生产总值增长6.5%；固定资产投资增长8.5%；农村贫困人口减少1232万人；全年新开工项目的情况良好。",
             "一年来，新增规上企业21家，累计建成高标准农田3万亩。",
             "二、2024年工作安排", "今年要力争地区生产总值增长6%。"]
    [(r, origin)] = read_detailed([Line(t) for t in lines], place="某县", year=2024)
    assert [f.key for f in r.results] == ["gdp", "fixed_asset_investment"]
    # Only the headline clause with a number is named; a sentence with no results read is
    # not a results statement (its counts are not warned about).
    assert origin.warnings == ["回顾中“农村贫困人口减少1232万人”写有数字，但没能读成一项完成数，未导入，请核对后补上"]


def test_an_unread_targets_clause_is_named_and_the_rest_still_read(tmp_path):
    path = _txt(tmp_path, "各位代表：\n一、2023年工作回顾\n" + BODY + "二、2024年工作安排\n"
                          "今年的主要预期目标是：地区生产总值增长6%左右；农村贫困人口减少1000万以上；"
                          "一般公共预算收入增长5%。实现这些目标，要付出艰苦努力。\n")
    got = _one(path, place="某县", year=2024)
    assert [(t.key, t.growth_pct) for t in got.report.targets] == [("gdp", 6), ("general_budget_revenue", 5)]
    assert got.warnings == ["目标段中“农村贫困人口减少1000万以上”写有数字，但没能读成一项指标，未导入，请核对后在指标表中补上"]


def test_import_dry_run_shows_the_unread_clause(tmp_path):
    import subprocess
    import sys

    path = _txt(tmp_path, "各位代表：\n一、2023年工作回顾\n" + BODY + "二、2024年工作安排\n"
                          "今年的主要预期目标是：地区生产总值增长6%左右；农村贫困人口减少1000万以上。\n")
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp_path / "s.json"), "import", str(path),
                           "--place", "某县", "--year", "2024", "--dry-run"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "注意：目标段中“农村贫困人口减少1000万以上”" in proc.stdout + proc.stderr


def test_an_item_number_keeps_its_dot_as_a_full_width_dot():
    """Zhejiang 2025 lists its 民生实事 as "1.医疗卫生方面…": a second trial saw "1。医疗卫生方面"."""
    from workbench.reading.lines import normalise

    assert normalise("1.医疗卫生方面：新增床位") == "1．医疗卫生方面：新增床位"
    assert normalise("实事：1.医疗卫生方面；2.教育方面") == "实事：1．医疗卫生方面；2．教育方面"
    assert normalise("全年增长3.5%.下一句") == "全年增长3.5%。下一句"  # a sentence's stop still is one


# Issue 22: shapes of real pages no one here had seen, each in our own sentences.

@pytest.mark.parametrize("title, place, year", [
    ("青溪街道2024年上半年政府工作报告", "青溪街道", 2024),          # a period after the year
    ("两会特稿|2025年临川市政府工作报告（全文）", "临川市", 2025),   # a page's column before a bar
    ("青溪街道2023年工作总结和2024年工作思路 |", "青溪街道", 2024),  # a town's summary and plan
    ("白石镇2022年度工作总结和2023年度工作计划", "白石镇", 2023),
])
def test_page_title_shapes_give_place_and_year(tmp_path, title, place, year):
    got = _one(_txt(tmp_path, f"{title}\n" + "一、工作回顾\n" + BODY * 3))
    assert (got.report.place, got.report.year) == (place, year)
    assert title.rstrip(" |") not in _all(got.report)


def test_pinyin_glosses_dropped_and_a_run_in_chapter_heading_split(tmp_path):
    got = _one(_txt(tmp_path, "青溪街道2023年工作总结和2024年工作思路\n"
                              "一、2023年工作回顾 一年来，我们稳中求进。全街道实现地区生（shēng）产总值18.4亿元，"
                              "增长6.1%；固定资（zī）产投资完成7.2亿元。\n"
                              "二、2024年工作思路\n2024年主要预期目标是：地区生产总值增长6%左右。\n"))
    r = got.report
    assert r.chapters[0].title == "2023年工作回顾"
    assert [(f.key, f.value, f.growth_pct) for f in r.results] == [("gdp", 18.4, 6.1),
                                                                   ("fixed_asset_investment", 7.2, None)]
    assert [(f.key, f.growth_pct) for f in r.targets] == [("gdp", 6)]
    assert "（shēng）" not in _all(r)


def test_a_page_that_starts_inside_a_review_imports_with_place_and_year(tmp_path):
    text = ("2023年，面对复杂形势，我们在区委区政府的领导下迎难而上，各项工作取得新进展。\n"
            "（一）稳住经济大盘。全年财政总收入4.2亿元，固定资产投资8.1亿元，建筑业产值3.3亿元。"
            "新引进企业120家。\n（二）改善城乡面貌。完成老旧小区改造12个，新增绿地3万平方米。\n")
    path = _txt(tmp_path, text)
    got = _one(path, place="青溪街道", year=2024)
    r = got.report
    assert r.chapters[0].kind == "review"
    assert [(f.name, f.value) for f in r.results] == [("财政总收入", 4.2), ("固定资产投资", 8.1), ("建筑业产值", 3.3)]


def test_a_page_of_plans_without_a_title_is_still_no_report(tmp_path):
    path = _txt(tmp_path, "今年，我们将坚持稳中求进，着力推动高质量发展，加快建设现代化产业体系。\n"
                          "要持续优化营商环境，确保各项任务落地见效。\n")
    with pytest.raises(ImportFailure):
        _one(path, place="青溪街道", year=2024)


@pytest.mark.parametrize("written, place", [
    ("临川市青溪区", "青溪区"), ("江南省临川市", "临川市"), ("临川市市中区", "市中区"),
    ("广西壮族自治区", "广西壮族自治区"), ("白沙黎族自治县", "白沙黎族自治县"), ("苏州市", "苏州市"),
])
def test_a_place_written_with_the_units_above_it_is_kept_by_its_own_name(written, place):
    from workbench.reading.titleblock import lowest_unit
    assert lowest_unit(written) == place


def test_news_item_meeting_sentence_and_dateline_give_place_and_year(tmp_path):
    text = ("青溪区：今年地区生产总值预期增长6%\n2024年01月16日09:12 | 来源：临川日报\n"
            "1月15日，临川市青溪区第九届人民代表大会第四次会议开幕。区长代表区政府作报告。\n"
            "报告提出，今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。\n")
    got = _one(_txt(tmp_path, text))
    r = got.report
    assert (r.place, r.year) == ("青溪区", 2024)
    assert "09:12" not in _all(r)
    assert [(f.key, f.growth_pct) for f in r.targets] == [("gdp", 6), ("general_budget_revenue", 5)]
    assert any("报道" in w for w in got.warnings)  # a news item: the drafter is told so


def test_speaker_name_alone_and_a_date_line_stay_in_the_title_block(tmp_path):
    got = _one(_txt(tmp_path, "白石乡2025年政府工作报告\n——在白石乡第十届人民代表大会第三次会议上\n王 明\n"
                              "（2024年12月26日）\n各位代表：\n一、2024年工作回顾\n" + BODY * 2))
    r = got.report
    assert (r.place, r.year) == ("白石乡", 2025)
    assert r.meta.speaker == "王 明" and r.meta.date == "2024年12月26日"
    assert "王 明" not in "".join(p.full_text for *_, p in r.paragraphs())


@pytest.mark.parametrize("text, expected", [
    # a stretch tail after the GDP target never drops it
    ("今年发展主要预期目标是：地区生产总值增长6.5%左右，力争更好结果；一般公共预算收入增长4%。",
     [("gdp", None, None, 6.5, "左右"), ("general_budget_revenue", None, None, 4, None)]),
    ("今年经济增长预期目标为5.5%左右，在实际工作中力争更好。",
     [("gdp", None, None, 5.5, "左右")]),
    # half-width punctuation throughout, and 增幅 as a growth
    ("今年主要预期目标是:全县地区生产总值增长7%左右,固定资产投资增幅9%以上,城镇新增就业1200人。",
     [("gdp", None, None, 7, "左右"), ("fixed_asset_investment", None, None, 9, "以上"),
      ("new_urban_jobs", 1200, "人", None, None)]),
    # who set the target stands before its name
    ("中央提出今年经济增长预期目标为5%左右。",
     [("gdp", None, None, 5, "左右")]),
])
def test_targets_tails_half_width_and_who_set_them(text, expected):
    assert _targets("二、2025年工作安排\n" + text) == expected


def test_the_years_targets_passage_wins_over_a_five_year_plans():
    got = _targets("二、2025年工作安排\n“十四五”时期的主要目标是：地区生产总值年均增长7%，城镇化率达到60%。\n"
                   "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。")
    assert got == [("gdp", None, None, 6, "左右"), ("general_budget_revenue", None, None, 5, None)]
    # in one paragraph, the year's passage after the plan's
    got = _targets("二、2025年工作安排\n到2027年的奋斗目标是：地区生产总值突破500亿元。"
                   "2025年主要预期目标是：地区生产总值增长6%，城镇调查失业率5.5%以内。")
    assert got == [("gdp", None, None, 6, None), ("urban_unemployment", 5.5, "%", None, "以内")]


def test_a_text_without_line_breaks_is_cut_at_its_structure_marks(tmp_path):
    text = ("青溪镇2025年政府工作报告 ——2025年1月9日在青溪镇第十九届人民代表大会第三次会议上 各位代表： "
            "现在，我代表镇人民政府向大会报告工作，请予审议。 一、2024年工作回顾 2024年，全镇上下真抓实干，"
            "各项事业稳步推进。全镇实现地区生产总值21.4亿元，增长5.8%；一般公共预算收入1.6亿元，增长3.2%。"
            "一年来，我们主要做了以下工作：（一）产业提质增效。新落地项目9个，规上工业企业新增4家。"
            "（二）民生持续改善。新建农村公路18公里，改造老旧小区6个，群众获得感不断增强。 "
            "二、2025年工作安排 2025年经济社会发展的主要预期目标是：地区生产总值增长6%左右，"
            "一般公共预算收入增长4%。（一）扩大有效投资。全年实施重点项目15个，完成投资8亿元以上。")
    got = _one(_txt(tmp_path, text))
    r = got.report
    assert (r.place, r.year) == ("青溪镇", 2025)
    assert r.meta.meeting.startswith("——2025年1月9日在青溪镇")
    assert [c.title for c in r.chapters] == [None, "2024年工作回顾", "2025年工作安排"]
    assert [s.title for s in r.chapters[1].sections] == ["产业提质增效", "民生持续改善"]
    assert [(f.key, f.value, f.growth_pct) for f in r.results] == [("gdp", 21.4, 5.8),
                                                                   ("general_budget_revenue", 1.6, 3.2)]
    assert [(f.key, f.growth_pct) for f in r.targets] == [("gdp", 6), ("general_budget_revenue", 4)]


def test_a_long_paragraph_in_a_text_with_line_breaks_is_left_whole():
    body = "全年主要抓了以下工作：（一）稳增长。" + "新引进项目多个，经济运行平稳。" * 30
    [(r, _)] = read_detailed([Line("一、2024年工作回顾"), Line(body), Line("二、2025年工作安排"),
                              Line("今年主要预期目标是：地区生产总值增长6%。" * 2)] + [Line(BODY.strip())] * 40,
                             place="某镇", year=2025)
    assert not r.chapters[0].sections


def test_news_page_furniture_rows_bylines_and_link_lists_are_dropped(tmp_path):
    furniture = ["公开方式 | 主动公开 | 公开范围 | 面向社会 |", "文件编号 | 青政〔2024〕3号 |", "采写：本报记者王明",
                 "摄影：李华", "（责编：张三、李四）", "分享让更多人看到", "临川日报两会报道组出品",
                 "本文采用知识共享署名许可协议，转载请注明出处", "推荐阅读", "- 全市春耕生产现场会召开",
                 "- 青溪区举行重点项目集中开工仪式 区长出席并讲话"]
    text = ("白石镇2024年政府工作报告\n" + "\n".join(furniture[:2]) + "\n——2024年1月8日在白石镇第十八届人民代表大会第四次会议上\n"
            "各位代表：\n一、2023年工作回顾\n" + BODY + "\n".join(furniture[2:]) + "\n")
    got = _one(_txt(tmp_path, text))
    body = _all(got.report)
    assert got.report.meta.meeting.startswith("——2024年1月8日")
    assert [f for f in furniture if f in body] == []
    assert "经济运行稳中有进" in body


def test_a_meeting_line_with_a_hyphen_is_not_a_link_list_item(tmp_path):
    got = _one(_txt(tmp_path, "白石镇政府工作报告\n-2024年1月8日在白石镇第十八届人民代表大会第四次会议上\n"
                              "各位代表：\n一、2023年工作回顾\n" + BODY))
    assert got.report.year == 2024 and "第十八届" in got.report.meta.meeting


def test_quality_and_quota_targets_without_a_number():
    got = _targets("二、2025年工作安排\n今年主要预期目标是：地区生产总值增长6%；固定资产投资提质增效，进出口总额稳量提质；"
                   "城镇新增就业1万人以上；全市空气质量优良天数比率均完成省下达；完成市下达的节能减排约束性指标。")
    assert got == [("gdp", None, None, 6, None), ("fixed_asset_investment", None, None, None, "提质增效"),
                   ("foreign_trade", None, None, None, "稳量提质"), ("new_urban_jobs", 1, "万人", None, "以上"),
                   ("空气质量优良天数比率", None, None, None, "均完成省下达"),
                   ("节能减排约束性指标", None, None, None, "完成市下达")]


def test_a_forum_header_above_the_report_is_not_a_second_report(tmp_path):
    text = ("[江南] 2024年青溪区政府工作报告\n发表于 2024-2-1 10:20\n楼主\n回复：12 查看：3056\n积分 120\n"
            "今日心情：开心，欢迎大家交流讨论本区发展。\n"
            "2024年青溪区政府工作报告\n——2024年1月12日在青溪区第九届人民代表大会第三次会议上\n各位代表：\n"
            "一、2023年工作回顾\n全区实现地区生产总值302.5亿元，增长5.9%。\n" + BODY * 3)
    got = import_detailed(_txt(tmp_path, text))
    assert len(got) == 1
    r = got[0].report
    assert (r.place, r.year) == ("青溪区", 2024) and r.meta.meeting
    assert [(f.key, f.value) for f in r.results] == [("gdp", 302.5)]
