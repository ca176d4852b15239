"""A figure clause typed as a report writes it fills a figures row; a sentence fills a table."""

from __future__ import annotations

import pytest

from workbench.drafting.clause import (figure_from_clause, looks_like_sentence, sentence_figures,
                              type_into_row)
from workbench.drafting.editing import GROWTH, NAME, TARGETS, VALUE, EditError
from workbench.document.figures import FigureError


@pytest.mark.parametrize("column", [NAME, VALUE, GROWTH])
def test_a_whole_clause_in_any_cell_fills_the_row(r2024, column):
    fig = type_into_row(r2024, TARGETS, 2, column, "规上工业总产值160亿元，增长8%左右")
    got = r2024.targets[2]
    assert got is fig
    assert (got.name, got.key, got.value, got.unit, got.growth_pct, got.qualifier) == (
        "规上工业总产值", "industrial_output", 160, "亿元", 8, "左右")
    assert got.raw == "规上工业总产值160亿元，增长8%左右"


def test_an_alias_gets_the_catalogue_key(r2024):
    type_into_row(r2024, TARGETS, 1, NAME, "规模以上工业总产值150亿元，增长7%")
    assert r2024.targets[1].key == "industrial_output"
    type_into_row(r2024, TARGETS, 0, VALUE, "GDP增长6.5%左右")
    assert (r2024.targets[0].key, r2024.targets[0].growth_pct) == ("gdp", 6.5)


def test_a_clause_without_a_name_keeps_the_name_and_the_other_part(r2024):
    # 固定资产投资总额25亿元，增长11%左右
    type_into_row(r2024, TARGETS, 1, NAME, "增长6.5%")
    f = r2024.targets[1]
    assert (f.name, f.value, f.unit, f.growth_pct, f.qualifier) == ("固定资产投资总额", 25, "亿元", 6.5, None)
    type_into_row(r2024, TARGETS, 1, GROWTH, "30亿元，增长12%")
    f = r2024.targets[1]
    assert (f.name, f.value, f.growth_pct) == ("固定资产投资总额", 30, 12)
    assert f.raw == "固定资产投资总额30亿元，增长12%"


def test_the_cells_own_readings_still_hold(r2024):
    type_into_row(r2024, TARGETS, 1, GROWTH, "8%左右")  # a growth cell reads a bare % as growth
    assert (r2024.targets[1].growth_pct, r2024.targets[1].value) == (8, 25)
    type_into_row(r2024, TARGETS, 1, NAME, "全社会固定资产投资")  # a bare name renames
    assert r2024.targets[1].name == "全社会固定资产投资" and r2024.targets[1].growth_pct == 8


def test_a_refusal_quotes_what_was_typed_and_changes_nothing(r2024):
    before = r2024.targets[1].raw
    with pytest.raises(FigureError) as exc:
        type_into_row(r2024, TARGETS, 1, GROWTH, "8%%左")
    # The growth cell reads "8%…" as "增长8%…", but the message quotes and counts what was typed.
    assert "“8%%左”第3个字符“%”" in str(exc.value)
    assert r2024.targets[1].raw == before


def test_a_new_row_from_a_clause_or_a_name():
    f = figure_from_clause("一般公共预算收入2.1亿元，增长5%以上")
    assert (f.name, f.value, f.unit, f.growth_pct, f.qualifier) == ("一般公共预算收入", 2.1, "亿元", 5, "以上")
    assert figure_from_clause("高新技术企业数").value is None
    with pytest.raises(EditError) as exc:
        figure_from_clause("增长6%")
    assert "增长6%" in str(exc.value)


SENTENCE = ("今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右；规上工业总产值160亿元，"
            "增长8%左右；固定资产投资总额、社会消费品零售总额分别增长10%、6%；城镇登记失业率控制在3.5%以内。")


def test_a_targets_sentence_reads_every_figure():
    assert looks_like_sentence(SENTENCE)
    assert not looks_like_sentence("规上工业总产值160亿元，增长8%左右。")
    figs = sentence_figures(SENTENCE)
    assert [(f.name, f.value, f.growth_pct, f.qualifier) for f in figs] == [
        ("地区生产总值", None, 6, "左右"), ("规上工业总产值", 160, 8, "左右"),
        ("固定资产投资总额", None, 10, None), ("社会消费品零售总额", None, 6, None),
        ("城镇登记失业率", 3.5, None, "以内")]
    assert figs[1].raw == "规上工业总产值160亿元，增长8%左右"


@pytest.mark.parametrize("typed", ["约8%", "近10亿元", "逾3000万美元"])
def test_a_number_without_a_name_in_the_name_cell_is_refused(r2024, typed):
    """A trial typed "约8%" into 地区生产总值's name cell: the row became "约" with 8%."""
    before = r2024.targets[0].raw
    with pytest.raises(EditError) as exc:
        type_into_row(r2024, TARGETS, 0, NAME, typed)
    assert f"“{typed}”" in str(exc.value) and "没有改动" in str(exc.value)
    assert r2024.targets[0].raw == before


def test_a_broken_figure_in_the_name_cell_never_becomes_the_name(r2024):
    before = r2024.targets[0].raw
    with pytest.raises(FigureError) as exc:
        type_into_row(r2024, TARGETS, 0, NAME, "160亿元，增长8%，大约")
    assert "160亿元，增长8%，大约" in str(exc.value)
    assert r2024.targets[0].raw == before
    type_into_row(r2024, TARGETS, 0, NAME, "PM2.5平均浓度")  # a name with a number in it is a name
    assert r2024.targets[0].name == "PM2.5平均浓度"


@pytest.mark.parametrize("column", [VALUE, GROWTH])
def test_a_word_that_is_no_indicator_in_a_value_or_growth_cell_leaves_the_row(r2024, column):
    """A second trial typed "约8%" into 增速: the row became "约 8%" and its figures were gone."""
    before = r2024.targets[2].raw
    with pytest.raises(EditError) as exc:
        type_into_row(r2024, TARGETS, 2, column, "约8%")
    assert "“约8%”" in str(exc.value) and "8%左右" in str(exc.value)
    assert r2024.targets[2].raw == before


def test_a_comma_before_zuoyou_is_read_as_written_together(r2024):
    f = type_into_row(r2024, TARGETS, 2, VALUE, "160亿元，增长8%，左右")
    assert (f.value, f.growth_pct, f.qualifier) == (160, 8, "左右")
