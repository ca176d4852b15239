from __future__ import annotations

import pytest

from workbench.document import catalog


def test_catalogue_has_the_common_indicators():
    inds = catalog.indicators()
    assert len(inds) >= 25
    for ind in inds.values():
        assert ind.direction in (catalog.HIGHER, catalog.LOWER)
        assert ind.basis in (catalog.CURRENT, catalog.COMPARABLE)
    assert inds["urban_unemployment"].lower_is_better
    assert inds["gdp"].basis == catalog.COMPARABLE
    assert inds["fixed_asset_investment"].basis == catalog.CURRENT


@pytest.mark.parametrize("wording, key", [
    ("地区生产总值", "gdp"), ("GDP", "gdp"), ("地区生产总值GDP", "gdp"), ("全镇地区生产总值", "gdp"),
    ("规上工业总产值", "industrial_output"), ("规模以上工业总产值", "industrial_output"),
    ("规模以上工业增加值", "industrial_value_added"),
    ("全社会固定资产投资", "fixed_asset_investment"), ("固定资产投资总额", "fixed_asset_investment"),
    ("社会消费品零售总额", "retail_sales"), ("限额以上社会消费品零售总额", "retail_sales_above_quota"),
    ("批发零售业销售额", "wholesale_retail_sales"), ("限额以上批发业销售总额", "wholesale_sales_above_quota"),
    ("一般公共预算收入", "general_budget_revenue"), ("地方一般公共预算收入", "general_budget_revenue"),
    ("税收收入", "tax_revenue"), ("实际使用外资", "foreign_capital_used"), ("外贸进出口总额", "foreign_trade"),
    ("城乡居民人均可支配收入", "disposable_income"), ("城镇调查失业率", "urban_unemployment"),
    ("居民消费价格涨幅", "cpi"), ("单位地区生产总值能耗", "energy_intensity"), ("粮食产量", "grain_output"),
    ("城镇新增就业", "new_urban_jobs"), ("常住人口城镇化率", "urbanization_rate"),
])
def test_lookup_finds_real_wordings(wording, key):
    assert catalog.lookup(wording) == key


def test_unknown_and_empty():
    assert catalog.lookup("口袋公园") is None
    assert catalog.lookup("") is None


def test_suggest():
    assert catalog.suggest("固定")[0] == "固定资产投资总额"
    assert "规上工业总产值" in catalog.suggest("工业")
