"""Year against year: figures across years, text diff alignment, commitments followed up."""

from __future__ import annotations

import copy
import json

from docx import Document

from workbench.cli import main
from workbench.commitments import sync
from workbench.compare import (
    ADDED, CHANGED, MOVED, REMOVED, RENAMED, SAME, char_diff, compare, figures_across, text_diff,
)
from workbench.export_compare import export_comparison
from workbench.figures import parse_figure
from workbench.model import Paragraph, Section


def by_title(changes):
    return {(c.title_a, c.title_b): c for c in changes}


def test_identical_reports_have_no_changes(r2024):
    changes = text_diff(r2024, copy.deepcopy(r2024))
    assert all(c.state == SAME and not c.moved for c in changes)


def test_renamed_added_removed_moved_and_figure_changed(r2024):
    b = copy.deepcopy(r2024)
    plan = b.chapters[1]
    plan.sections[0].title = "坚持制造业当家，推动皮具产业提质增效"           # renamed
    removed = plan.sections.pop(2)                                          # removed: 繁荣商贸消费
    plan.sections.append(Section(title="推进绿色低碳发展", paragraphs=[      # added
        Paragraph(lead="抓好节能降碳。", text="推广屋顶分布式光伏，新增装机容量5000千瓦。")]))
    sec = plan.sections[1]
    sec.paragraphs.reverse()                                                # a paragraph moved
    review = b.chapters[0].sections[0].paragraphs[0]
    review.text = review.text.replace("新增规上企业9家", "新增规上企业11家")  # a figure changed
    changes = text_diff(r2024, b)
    states = {(c.title_a, c.title_b): c.state for c in changes}
    assert states[("坚持制造业当家，推动产业提质增效", "坚持制造业当家，推动皮具产业提质增效")] == RENAMED
    assert states[(removed.title, "")] == REMOVED
    assert states[("", "推进绿色低碳发展")] == ADDED
    moved_section = by_title(changes)[("扩大有效投资，夯实发展基础", "扩大有效投资，夯实发展基础")]
    assert [p.state for p in moved_section.paragraphs].count(MOVED) == 1
    industry = by_title(changes)[("工业经济企稳回升", "工业经济企稳回升")]
    changed = [p for p in industry.paragraphs if p.state == CHANGED]
    assert len(changed) == 1 and changed[0].figures == ["新增规上企业9家 → 11家"]
    assert ("replace", "9", "11") in changed[0].ops


def test_sections_moved_between_positions(r2024):
    b = copy.deepcopy(r2024)
    secs = b.chapters[1].sections
    secs.insert(0, secs.pop(4))  # 办好民生实事 to the front
    changes = text_diff(r2024, b)
    moved = [c for c in changes if c.moved]
    assert [c.title_b for c in moved] == ["办好民生实事，增进群众福祉"]


def test_years_in_titles_do_not_count_as_renames(r2023, r2024):
    changes = by_title(text_diff(r2023, r2024))
    assert changes[("2022年工作回顾", "2023年工作回顾")].state == CHANGED
    assert changes[("2023年工作安排", "2024年工作安排")].state == CHANGED


def test_char_diff_keeps_numbers_whole_and_commas_compared():
    ops = char_diff("规上工业总产值增长5.5%，批发零售业增长7.2%。", "规上工业总产值增长5.8%；批发零售业增长7.2%。")
    assert ("replace", "5.5%，", "5.8%；") in ops or (("replace", "5.5%", "5.8%") in ops and ("replace", "，", "；") in ops)
    assert char_diff("完全不同的一句话。", "另外写了别的内容，字数也不一样多。") == [
        ("replace", "完全不同的一句话。", "另外写了别的内容，字数也不一样多。")]


def test_figures_across_years_by_key(r2023, r2024):
    r2024.results[0] = parse_figure("GDP增长7.6%")  # worded differently, same indicator
    sync(r2024)
    years, rows = figures_across([r2023, r2024])
    assert years == [2022, 2023, 2024]
    gdp = next(r for r in rows if r.key == "gdp")
    assert gdp.cells[2023].target.growth_pct == 8 and gdp.cells[2023].result.growth_pct == 7.6
    assert gdp.cells[2023].attainment == "基本完成"
    assert gdp.cells[2023].change == "增速+4.4个百分点"
    fai = next(r for r in rows if r.key == "fixed_asset_investment")
    assert fai.cells[2023].change == "+55.9%" and fai.cells[2023].attainment == "超额完成"
    assert fai.cells[2024].attainment is None  # no 2025 report yet
    assert len(rows) == 6


def test_commitments_followed_up(r2023, r2024):
    follow = {f.commitment.raw: f.state for f in compare(r2023, r2024).follow_ups}
    assert follow["力争新增规上企业8家"] == "with_number"
    assert follow["新建口袋公园3个以上"] == "mentioned"
    assert follow["新增公办学位1200个"] == "not_mentioned"
    assert follow["完成土地整备不少于300亩"] == "with_number"


def test_cli_compare_on_the_example(tmp_path, capsys):
    db = tmp_path / "s.json"
    for y in (2023, 2024):
        main(["--db", str(db), "import", f"examples/shiling-{y}.json"])
    capsys.readouterr()
    assert main(["--db", str(db), "compare", "狮岭镇", "2023", "2024"]) == 0
    out = capsys.readouterr().out
    assert "2023年目标" in out and "2023年完成" in out and "未完成" in out and "超额完成" in out
    assert "[改名] 扩大有效投资，增强发展后劲 → 扩大有效投资，夯实发展基础" in out
    assert "数字变化：新增公办学位1200个 → 800个" in out
    assert "[未见下文] 新增公办学位1200个" in out
    assert "\x1b[" not in out  # plain when piped
    assert main(["--db", str(db), "compare", "狮岭镇", "2023", "2024", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["figures"]["years"] == [2022, 2023, 2024] and len(data["commitments"]) == 17
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2023-2024"]) == 0
    assert "狮岭镇 2023—2024年主要指标" in capsys.readouterr().out
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2024-2023"]) == 2


def test_comparison_as_docx_table(tmp_path, r2023, r2024):
    out = export_comparison(compare(r2023, r2024), tmp_path / "对照.docx")
    doc = Document(str(out))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0][:4] == ["指标", "2022年目标", "2022年完成", "完成情况"]
    gdp = next(r for r in rows if r[0] == "地区生产总值")
    assert gdp[4:7] == ["增长8%左右", "增长7.6%", "基本完成"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "【改名】扩大有效投资，增强发展后劲 → 扩大有效投资，夯实发展基础" in text
    assert "【未见下文】新增公办学位1200个" in text
