"""The bureau's spreadsheet into a report's figures (issue 27): reading the shapes the
bureau sends, mapping rows to indicators, units, the plan, applying, refusing bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sheetmaker import csv_gb18030, kuaibao, ods, xlsx
from workbench.document.model import Report
from workbench.drafting.sheetfill import apply_plan, learned, plan_import, preview_rows
from workbench.reading.sheet import TARGETS, SheetError, detect_kind, read_grid, read_sheet

ROOT = Path(__file__).resolve().parents[1]


def shiling_2024() -> Report:
    return Report.from_dict(json.loads((ROOT / "examples" / "shiling-2024.json").read_text(encoding="utf-8")))


def result(report: Report, key: str):
    return next(f for f in report.results if f.key == key)


def test_title_row_merged_two_row_header_unit_column_and_footnotes(tmp_path):
    read = read_sheet(kuaibao(tmp_path / "kb.xlsx"), place="狮岭镇", year=2023)
    texts = [r.text for r in read.rows]
    assert texts == ["地区生产总值", "固定资产投资", "规模以上工业总产值", "批发零售业销售额", "邮电业务总量"]
    gdp, fai = read.rows[0], read.rows[1]
    assert (gdp.value, gdp.growth) == (None, 6.3)          # no value given: only the growth
    assert (fai.value, fai.unit, fai.growth) == (235678.9, "万元", 4.8)
    assert "绝对值" in read.columns and "同比增长" in read.columns
    assert len(read.notes) == 2 and read.notes[0].startswith("注：")


def test_plan_maps_synonyms_converts_units_keeping_digits_and_lists_unmapped(tmp_path):
    report = shiling_2024()
    plan = plan_import(report, read_sheet(kuaibao(tmp_path / "kb.xlsx"), place="狮岭镇", year=2023))
    by_key = {it.key: it for it in plan.items}
    assert set(by_key) == {"gdp", "fixed_asset_investment", "industrial_output", "wholesale_retail_sales"}
    fai = by_key["fixed_asset_investment"].figure
    assert (fai.value, fai.unit, fai.growth_pct) == (23.56789, "亿元", 4.8)  # 万元→亿元, the sheet's digits
    assert by_key["gdp"].figure.growth_pct == 6.3 and by_key["gdp"].figure.value is None
    assert by_key["wholesale_retail_sales"].name == "批发零售业"  # the table's own wording is kept
    assert [u.row.text for u in plan.unmapped] == ["邮电业务总量"]
    rows = preview_rows(plan)
    assert any("万元→亿元" in r[3] for r in rows)
    assert all(len(r) == 6 for r in rows)
    # Nothing was written by planning.
    assert result(report, "fixed_asset_investment").value == 22.5


def test_apply_then_import_again_changes_nothing(tmp_path):
    report = shiling_2024()
    path = kuaibao(tmp_path / "kb.xlsx")
    plan = plan_import(report, read_sheet(path, place="狮岭镇", year=2023))
    written = apply_plan(report, plan)
    assert len(written) == 4
    assert result(report, "industrial_output").value == 151.2
    assert result(report, "industrial_output").growth_pct == 5.3
    before = report.to_dict()
    again = plan_import(report, read_sheet(path, place="狮岭镇", year=2023))
    assert again.changing == []
    assert all(it.change_text() == "不变" for it in again.items)
    assert apply_plan(report, again) == []
    assert report.to_dict() == before


def test_accept_some_rows_only(tmp_path):
    report = shiling_2024()
    plan = plan_import(report, read_sheet(kuaibao(tmp_path / "kb.xlsx"), place="狮岭镇", year=2023))
    gdp_at = next(i for i, it in enumerate(plan.items) if it.key == "gdp")
    apply_plan(report, plan, [gdp_at])
    assert result(report, "gdp").growth_pct == 6.3
    assert result(report, "industrial_output").value == 143.6  # not chosen: untouched


def test_unit_in_header_line_and_several_places_side_by_side(tmp_path):
    rows = [
        ["2023年各镇主要经济指标", None, None, None, None, None, None],
        ["单位：万元", None, None, None, None, None, None],
        ["指标", "全县", None, "狮岭镇", None, "新华镇", None],
        [None, "本期", "增长%", "本期", "增长%", "本期", "增长%"],
        ["规模以上工业总产值", 9_800_000, 4.0, 1_512_345, 5.3, 2_000_000, 1.0],
        ["社会消费品零售总额", 3_000_000, 6.0, 98_765, 7.1, 88_000, 2.0],
    ]
    path = xlsx(tmp_path / "towns.xlsx", rows, merges=("A1:G1", "A2:G2", "B3:C3", "D3:E3", "F3:G3", "A3:A4"))
    read = read_sheet(path, place="狮岭镇", year=2023)
    assert [(r.text, r.value, r.unit, r.growth) for r in read.rows] == [
        ("规模以上工业总产值", 1512345, "万元", 5.3), ("社会消费品零售总额", 98765, "万元", 7.1)]
    plan = plan_import(shiling_2024(), read)
    io = next(it for it in plan.items if it.key == "industrial_output").figure
    assert (io.value, io.unit) == (151.2345, "亿元")
    with pytest.raises(SheetError, match="其中没有白云镇"):
        read_sheet(path, place="白云镇", year=2023)


def test_csv_in_gb18030_and_an_ods(tmp_path):
    rows = [["指标名称", "单位", "本期", "同比增长%"],
            ["规上工业总产值", "亿元", "151.2", "5.3"],
            ["限额以上社会消费品零售总额", "万元", "13,456", "-2.5"]]
    path = csv_gb18030(tmp_path / "kb.csv", rows)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    read = read_sheet(path, place="狮岭镇", year=2023)
    assert [(r.text, r.value, r.growth) for r in read.rows] == [
        ("规上工业总产值", 151.2, 5.3), ("限额以上社会消费品零售总额", 13456.0, -2.5)]
    plan = plan_import(shiling_2024(), read)
    quota = next(it for it in plan.items if it.key == "retail_sales_above_quota").figure
    assert (quota.value, quota.growth_pct) == (1.3456, -2.5)

    sheet = ods(tmp_path / "kb.ods", [
        ["狮岭镇2023年主要指标", None, None, None],
        ["指标", "单位", "1-12月", None],
        [None, None, "本期", "增长(%)"],
        ["地区生产总值", "亿元", 101.5, 6.8],
    ], spans={(0, 0): 4, (1, 2): 2})
    read = read_sheet(sheet, place="狮岭镇", year=2023)
    assert [(r.text, r.value, r.growth) for r in read.rows] == [("地区生产总值", 101.5, 6.8)]


def test_planning_sheet_fills_this_years_targets(tmp_path):
    rows = [["狮岭镇2024年主要经济指标计划表", None, None, None],
            ["指标", "单位", "2023年完成", "2024年预期目标"],
            ["地区生产总值", "亿元", 101.5, "增长6%左右"],
            ["规上工业总产值", "亿元", 151.2, 160],
            ["固定资产投资总额", "亿元", 23.6, "8%以上"]]
    path = xlsx(tmp_path / "plan.xlsx", rows, merges=("A1:D1",))
    assert detect_kind(read_grid(path)) == TARGETS
    report = shiling_2024()
    plan = plan_import(report, read_sheet(path, place="狮岭镇", year=2024, kind=TARGETS), TARGETS)
    apply_plan(report, plan)
    t = {f.key: f for f in report.targets}
    assert (t["gdp"].growth_pct, t["gdp"].qualifier) == (6.0, "左右")
    assert t["industrial_output"].value == 160
    assert (t["fixed_asset_investment"].growth_pct, t["fixed_asset_investment"].qualifier) == (8.0, "以上")


def test_a_percentage_never_goes_into_a_value_column(tmp_path):
    rows = [["指标", "单位", "本期", "增长%"],
            ["规上工业总产值", "%", 5.3, None],          # a rate only: read as the growth
            ["固定资产投资总额", "%", 12.0, 3.0]]         # a rate beside a growth: refused
    read = read_sheet(xlsx(tmp_path / "r.xlsx", rows), place="狮岭镇", year=2023)
    plan = plan_import(shiling_2024(), read)
    io = next(it for it in plan.items if it.key == "industrial_output")
    assert io.figure.growth_pct == 5.3 and io.figure.value == 143.6  # the old value stays
    fai = next(it for it in plan.items if it.key == "fixed_asset_investment")
    assert fai.figure is None and "增速不能填作数值" in fai.problem and not fai.changes


def test_text_numbers_and_hidden_rows_are_said_not_written(tmp_path):
    rows = [["指标", "单位", "本期", "同比增长"],
            ["规上工业总产值", "亿元", "1.2万", 5.0],
            ["地区生产总值", "亿元", 101.5, 6.8]]
    read = read_sheet(xlsx(tmp_path / "t.xlsx", rows, hidden=(3,)), place="狮岭镇", year=2023)
    bad = read.rows[0]
    assert "“1.2万”" in bad.problem and "改成数字" in bad.problem
    assert read.rows[1].hidden and "第 3 行是隐藏行" in read.warnings[0]
    report = shiling_2024()
    plan = plan_import(report, read)
    apply_plan(report, plan)
    assert result(report, "industrial_output").value == 143.6


@pytest.mark.parametrize("title, reason", [
    ("狮岭镇2022年主要经济指标", "是 2022 年的表，这里要的是 2023 年的完成数"),
    ("新华镇2023年主要经济指标", "是新华镇的数据，不是狮岭镇的"),
])
def test_another_year_or_place_is_refused_with_the_reason(tmp_path, title, reason):
    rows = [[title, None, None], ["指标", "单位", "本期"], ["地区生产总值", "亿元", 101.5]]
    with pytest.raises(SheetError, match=reason):
        read_sheet(xlsx(tmp_path / "o.xlsx", rows, merges=("A1:C1",)), place="狮岭镇", year=2023)


def test_bad_files_get_one_chinese_line(tmp_path):
    import msoffcrypto.format.ooxml as ooxml

    plain = kuaibao(tmp_path / "kb.xlsx")
    locked = tmp_path / "locked.xlsx"
    with open(plain, "rb") as src, open(locked, "wb") as out:
        ooxml.OOXMLFile(src).encrypt("secret", out)
    with pytest.raises(SheetError, match="设有打开密码"):
        read_grid(locked)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(plain.read_bytes()[:300])
    with pytest.raises(SheetError, match="已损坏") as info:
        read_grid(broken)
    assert not re.search(r"[A-Za-z]{4,}", str(info.value).replace(str(broken), "")
                         .replace("Excel", "").replace("xlsx", ""))  # said in Chinese
    et = tmp_path / "kb.et"
    et.write_bytes(b"\x00" * 600)
    with pytest.raises(SheetError, match="另存为”Excel 文件"):
        read_grid(et)
    no_header = xlsx(tmp_path / "nh.xlsx", [["甲", "乙"], [1, 2]])
    with pytest.raises(SheetError, match="找不到表头"):
        read_sheet(no_header, place="狮岭镇", year=2023)
    for err in (SheetError,):
        with pytest.raises(err, match="不支持 .doc 文件"):
            read_grid(tmp_path / "x.doc") if (tmp_path / "x.doc").write_text("x") else None


def test_fuzzy_mapping_is_remembered_per_place(tmp_path):
    from workbench.storage import sheetmap

    rows = [["指标", "单位", "本期"], ["规模以上工业总产出值", "亿元", 151.2]]
    read = read_sheet(xlsx(tmp_path / "f.xlsx", rows), place="狮岭镇", year=2023)
    report = shiling_2024()
    plan = plan_import(report, read)
    assert plan.items[0].how == "fuzzy" and plan.items[0].key == "industrial_output"
    store = tmp_path / "reports.json"
    sheetmap.remember(store, "狮岭镇", learned(plan))
    assert sheetmap.load(store, "狮岭镇") == {"规模以上工业总产出值": "规上工业总产值"}
    assert sheetmap.load(store, "新华镇") == {}
    again = plan_import(report, read, memory=sheetmap.load(store, "狮岭镇"))
    assert again.items[0].how == "memory"


def test_urban_and_rural_income_are_not_guessed_for_each_other(tmp_path):
    rows = [["指标", "单位", "本期"], ["城镇常住居民人均可支配收入", "元", 52345],
            ["农村常住居民人均可支配收入", "元", 28765], ["常住居民人均可支配收", "元", 1]]
    plan = plan_import(shiling_2024(), read_sheet(xlsx(tmp_path / "i.xlsx", rows), place="狮岭镇", year=2023))
    assert [it.key for it in plan.items][:2] == ["urban_income", "rural_income"]


def test_columns_of_two_years_take_the_year_wanted(tmp_path):
    rows = [["指标", "单位", "2022年1-12月", "2023年1-12月", "2023年同比增长%"],
            ["规上工业总产值", "亿元", 143.6, 151.2, 5.3]]
    path = xlsx(tmp_path / "y.xlsx", rows)
    read = read_sheet(path, place="狮岭镇", year=2023)
    assert (read.rows[0].value, read.rows[0].growth) == (151.2, 5.3)
    with pytest.raises(SheetError, match="2022、2023 年的表"):
        read_sheet(path, place="狮岭镇", year=2024)


def test_an_et_file_the_reader_knows_is_read(tmp_path):
    """WPS can keep an .et in the Excel format inside; calamine reads it by its content."""
    path = tmp_path / "kb.et"
    path.write_bytes(kuaibao(tmp_path / "kb.xlsx").read_bytes())
    assert [r.text for r in read_sheet(path, place="狮岭镇", year=2023).rows][:2] == ["地区生产总值", "固定资产投资"]


def test_rows_new_to_the_table_wait_for_the_drafter(tmp_path):
    rows = [["指标", "单位", "本期", "增长%"],
            ["规上工业总产值", "亿元", 151.2, 5.3],
            ["社会消费品零售总额", "亿元", 12.5, 6.0]]
    read = read_sheet(xlsx(tmp_path / "n.xlsx", rows), place="狮岭镇", year=2023)
    report = shiling_2024()
    plan = plan_import(report, read)
    retail = next(i for i, it in enumerate(plan.items) if it.key == "retail_sales")
    assert retail in plan.changing and retail not in plan.updating
    assert plan.items[retail].change_text().startswith("新增一行")
    apply_plan(report, plan)
    assert not any(f.key == "retail_sales" for f in report.results)
    apply_plan(report, plan, [retail])
    assert next(f for f in report.results if f.key == "retail_sales").value == 12.5
    empty = shiling_2024()
    empty.results = []
    fresh = plan_import(empty, read)
    assert fresh.updating == fresh.changing and len(apply_plan(empty, fresh)) == 2


def test_a_countys_sheet_of_its_towns_names_the_county_above(tmp_path):
    rows = [["花都区2023年各镇街主要经济指标", None, None, None, None],
            ["指标", "狮岭镇", None, "新华街道", None],
            [None, "本期", "增长%", "本期", "增长%"],
            ["规上工业总产值", 151.2, 5.3, 300.0, 2.0]]
    path = xlsx(tmp_path / "c.xlsx", rows, merges=("A1:E1", "B2:C2", "D2:E2", "A2:A3"))
    assert [(r.value, r.growth) for r in read_sheet(path, place="狮岭镇", year=2023).rows] == [(151.2, 5.3)]
    with pytest.raises(SheetError, match="花都区的数据"):
        read_sheet(path, place="炭步镇", year=2023)


def test_one_column_a_place_and_a_rate_row_read_as_growth(tmp_path):
    rows = [["2023年各镇主要指标"], ["指标", "单位", "全县", "狮岭镇", "新华镇"],
            ["规上工业总产值", "亿元", 980, 151.2, 200], ["规上工业增加值增速", "%", 5.0, 6.1, 4.0]]
    read = read_sheet(xlsx(tmp_path / "p.xlsx", rows), place="狮岭镇", year=2023)
    assert [(r.value, r.unit) for r in read.rows] == [(151.2, "亿元"), (6.1, "%")]
    plan = plan_import(shiling_2024(), read)
    added = next(it for it in plan.items if it.key == "industrial_value_added")
    assert (added.figure.value, added.figure.growth_pct) == (None, 6.1)
    assert "作增速" in added.note


def test_a_number_merged_down_over_two_rows_belongs_to_neither(tmp_path):
    rows = [["指标", "单位", "本期", "增长%"],
            ["规上工业总产值", "亿元", 151.2, 5.3],
            ["规上工业增加值", "亿元", 40.2, 6.0],
            [None, None, None, None]]
    rows[3][0] = "批发零售业销售额"
    path = xlsx(tmp_path / "m.xlsx", rows, merges=("D3:D4",))
    read = read_sheet(path, place="狮岭镇", year=2023)
    assert read.rows[0].problem is None
    assert all("第3–4行的数字是一个合并单元格" in r.problem for r in read.rows[1:])
    report = shiling_2024()
    apply_plan(report, plan_import(report, read))
    assert result(report, "wholesale_retail_sales").value == 107.2  # untouched
    assert result(report, "industrial_output").value == 151.2
