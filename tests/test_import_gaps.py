"""Two shapes a drafter trial met on real pages: a site that left part of the text out
("……(…省略912字，正式会员可完整阅读)……") must be said, never silently stitched over; a
bracket pair with one side beside a Chinese character must not come out half full-width
("（SILAS)1.0"), which then reads as an unbalanced bracket (W404)."""

from __future__ import annotations

from workbench.checking.checks import check
from workbench.document.phrasing import full_width
from workbench.reading.importer import import_detailed

PAGE = """青溪镇2024年政府工作报告
各位代表：
一、2023年工作回顾
全镇实现地区生产总值58亿元，增长5.2%，持续开展“文明创建年
……（某某文库…省略1306字，登录后可阅读全文）……
7个。完成道路硬化12公里。
二、2024年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
"""


def _imported(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return import_detailed(path)


def test_a_gap_the_site_left_is_said_with_where_it_is(tmp_path):
    (got,) = _imported(tmp_path, PAGE)
    said = [w for w in got.warnings if "省略" in w]
    assert said and "1306字" in said[0] and "文明创建年" in said[0] and "不完整" in said[0]


def test_a_page_without_gaps_says_nothing_of_them(tmp_path):
    (got,) = _imported(tmp_path, PAGE.replace("……（某某文库…省略1306字，登录后可阅读全文）……\n", ""))
    assert not [w for w in got.warnings if "省略" in w]


def test_a_bracket_pair_is_made_full_width_on_both_sides_or_not_at_all():
    assert full_width("推广深圳(SILAS)1.0版本") == "推广深圳（SILAS）1.0版本"
    assert full_width("实施(2021-2025年)规划") == "实施（2021-2025年）规划"
    assert full_width("A(B)C") == "A(B)C"  # no Chinese beside it: left as written
    text = "建成智慧平台(SILAS)1.0，覆盖全区。"
    assert text.count("(") == 1
    made = full_width(text)
    assert made.count("（") == made.count("）") == 1


def test_an_imported_bracket_pair_is_not_accused_of_being_unbalanced(tmp_path):
    page = PAGE.replace("完成道路硬化12公里。", "上线城市运行平台(SILAS)1.0，完成道路硬化12公里。")
    (got,) = _imported(tmp_path, page)
    # (the quote cut by the site's gap is rightly unbalanced; the bracket pair is not)
    assert not [f for f in check(got.report, None) if f.code == "W404" and "（" in f.message]
