"""Year against year: figures across years, text diff alignment, commitments followed up."""

from __future__ import annotations

import copy
import re
import json

from docx import Document
from hypothesis import given, settings, strategies as st
import pytest

from workbench.cli.commands import main
from workbench.document.commitments import sync
from workbench.comparing.compare import (
    ADDED, CHANGED, MOVED, REMOVED, RENAMED, SAME, char_diff, compare, figures_across, text_diff,
)
from workbench.writing.comparison_docx import export_comparison
from workbench.document.figures import parse_figure
from workbench.document.model import Paragraph, Section
from conftest import ROOT


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


def _reading_orders(changes):
    """What each column shows, top to bottom: sections by where, paragraphs by index."""
    left = [(c.a, [p.a for p in c.paragraphs if p.a is not None and p.state != MOVED])
            for c in changes if c.a is not None and not c.moved]
    right = [(c.b, [p.b for p in c.paragraphs if p.b is not None]) for c in changes if c.b is not None]
    return left, right


def _assert_each_side_in_its_order(a, b, changes):
    from workbench.comparing.compare import _blocks

    left, right = _reading_orders(changes)
    wheres_a = [x.where for x in _blocks(a)]
    wheres_b = [y.where for y in _blocks(b)]
    moved_a = {c.a for c in changes if c.moved}
    assert [w for w, _ in left] == [w for w in wheres_a if w not in moved_a]
    assert [w for w, _ in right] == wheres_b                       # every section of b, in b's order
    for _, paras in left + right:
        assert paras == sorted(paras) and len(set(paras)) == len(paras)
    for c in changes:  # every paragraph of either side shown exactly once
        if c.a is not None:
            assert sorted(p.a for p in c.paragraphs if p.a is not None) == list(range(len(
                _blocks(a)[wheres_a.index(c.a)].paragraphs)))
        if c.b is not None:
            assert [p.b for p in c.paragraphs if p.b is not None] == list(range(len(
                _blocks(b)[wheres_b.index(c.b)].paragraphs)))


def _pairs_kept(a, b, changes):
    """The pairs the alignment made are the pairs shown, face to face."""
    from workbench.comparing.compare import PARAGRAPH_THRESHOLD, SECTION_THRESHOLD, _block_score, _blocks, _pair, _para_score

    ba, bb = _blocks(a), _blocks(b)
    shown = {(c.a, c.b) for c in changes if c.a is not None and c.b is not None}
    assert shown == {(ba[i].where, bb[j].where) for i, j, _ in _pair(ba, bb, _block_score, SECTION_THRESHOLD)}
    for c in changes:
        if c.a is None or c.b is None:
            continue
        x = ba[[z.where for z in ba].index(c.a)]
        y = bb[[z.where for z in bb].index(c.b)]
        assert {(p.a, p.b) for p in c.paragraphs if p.a is not None and p.b is not None} == \
            {(i, j) for i, j, _ in _pair(x.paragraphs, y.paragraphs, _para_score, PARAGRAPH_THRESHOLD)}


def test_each_side_reads_in_its_own_order_on_the_example(r2023, r2024):
    changes = text_diff(r2023, r2024)
    _assert_each_side_in_its_order(r2023, r2024, changes)
    _pairs_kept(r2023, r2024, changes)
    assert not any(c.moved for c in changes)
    # 2023's opening stands above the figures paragraph, opposite a blank, before 2024's.
    review = changes[0]
    assert [(p.state, p.a, p.b) for p in review.paragraphs] == [
        (REMOVED, 0, None), (ADDED, None, 0), (CHANGED, 1, 1)]
    assert review.paragraphs[0].text_a.startswith("2022年，面对需求收缩")
    # 提升医疗服务 (removed) stands between 优先发展教育 and 兜牢民生底线, where 2023 had it.
    livelihood = by_title(changes)[("办好民生实事，增进群众福祉", "办好民生实事，增进群众福祉")]
    assert [p.text_a[:6] for p in livelihood.paragraphs] == ["优先发展教育", "提升医疗服务", "兜牢民生底线"]
    # 坚持务实高效 comes before either closing 各位代表.
    gov = by_title(changes)[("加强政府自身建设", "加强政府自身建设")]
    assert [(p.text_a or p.text_b)[:4] for p in gov.paragraphs] == ["坚持依法", "坚持务实", "坚持为民", "各位代表", "各位代表"]
    # A removed section stands where it stood, not at the end.
    titles = [c.title_a or c.title_b for c in changes]
    assert titles.index("推进乡村振兴，建设美丽狮岭") < titles.index("办好民生实事，增进群众福祉")
    assert titles.index("产业发展稳中有进") < titles.index("2023年工作安排")


def test_each_side_reads_in_its_own_order_with_insertions_removals_and_moves(r2024):
    a = copy.deepcopy(r2024)
    b = copy.deepcopy(r2024)
    plan = b.chapters[1]
    plan.sections.insert(1, Section(title="推进绿色低碳发展", paragraphs=[          # added, in the middle
        Paragraph(lead="抓好节能降碳。", text="推广屋顶分布式光伏，新增装机容量5000千瓦。")]))
    gone = plan.sections.pop(3)                                                   # removed: 繁荣商贸消费
    plan.sections.insert(0, plan.sections.pop(-2))                                # moved: 办好民生实事 first
    invest = plan.sections[3]
    assert invest.title == "扩大有效投资，夯实发展基础"
    invest.paragraphs.insert(0, Paragraph(lead="盘活存量用地。", text="完成低效用地再开发200亩，"
                                          "推动村级工业园改造提升。"))             # added paragraph
    invest.paragraphs.append(invest.paragraphs.pop(1))                            # a paragraph moved down
    review = b.chapters[0].sections[0].paragraphs
    removed_para = review.pop(0)                                                  # removed paragraph
    changes = text_diff(a, b)
    _assert_each_side_in_its_order(a, b, changes)
    _pairs_kept(a, b, changes)
    titles = [(c.state, c.title_a or c.title_b) for c in changes]
    # The removed section where it stood: after 扩大有效投资 and before 深化城乡融合.
    k = titles.index((REMOVED, gone.title))
    assert titles[k - 1][1] == "扩大有效投资，夯实发展基础" and titles[k + 1][1] == "深化城乡融合，建设宜居狮岭"
    # The added section between its neighbours in b; the moved one where b has it, marked.
    k = titles.index((ADDED, "推进绿色低碳发展"))
    assert titles[k - 1][1] == "坚持制造业当家，推动产业提质增效" and titles[k + 1][1] == "扩大有效投资，夯实发展基础"
    moved = [c for c in changes if c.moved]
    assert [c.title_b for c in moved] == ["办好民生实事，增进群众福祉"]
    k = titles.index((moved[0].state, moved[0].title_b))
    assert titles[k - 1][1] == "2024年工作安排" and titles[k + 1][1] == "坚持制造业当家，推动产业提质增效"
    sec = by_title(changes)[(invest.title, invest.title)]
    assert sec.paragraphs[0].state == ADDED  # two paragraphs swapped: one of them counts as moved
    assert sorted(p.state for p in sec.paragraphs[1:]) == [MOVED, SAME]
    first = changes[[c.title_b for c in changes].index(b.chapters[0].sections[0].title)]
    assert first.paragraphs[0].state == REMOVED and first.paragraphs[0].text_a == removed_para.full_text


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
    # One meaning: both state a rate, so the rates are compared (55.9% against 12.5%).
    assert fai.cells[2023].change == "增速+43.4个百分点" and fai.cells[2023].attainment == "超额完成"
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
    assert "【改名】扩大有效投资，增强发展后劲 → 扩大有效投资，夯实发展基础" in out
    assert "数字变化：新增公办学位1200个 → 800个" in out
    assert "【未见下文】新增公办学位1200个" in out
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
    table = doc.tables[0]
    # 指标, 2023 target (value, growth), 2023 result (value, growth), attainment, change,
    # 2024 target (value, growth): no column for 2022 targets or 2024 results, which no
    # stored report holds.
    assert len(table.columns) == 9
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["指标", "2023年目标", "2023年目标", "2023年完成", "2023年完成", "完成情况",
                       "较上年（个百分点）", "2024年目标", "2024年目标"]
    assert rows[1][1:5] == ["数值", "增速%", "数值", "增速%"]
    assert all(any(row[k] not in ("", "—") for row in rows[2:]) for k in range(9))
    gdp = next(r for r in rows if r[0] == "地区生产总值")
    assert gdp[1:] == ["—", "8左右", "—", "7.6", "基本完成", "+4.4", "—", "6左右"]
    fai = next(r for r in rows if r[0] == "固定资产投资总额")
    assert fai[1:] == ["21.2", "46.9左右", "22.5", "55.9", "超额完成", "+43.4", "25", "11左右"]
    # Numbers never wrap: every figure cell says so; the page stays portrait.
    from docx.oxml.ns import qn
    number_cells = [row.cells[k] for row in table.rows[2:] for k in range(1, 9)]
    assert all(c._tc.tcPr.find(qn("w:noWrap")) is not None for c in number_cells)
    assert doc.sections[0].page_width < doc.sections[0].page_height
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "狮岭镇2023年与2024年政府工作报告对照"
    assert paragraphs[1].startswith("资料来源：狮岭镇2023年、2024年政府工作报告")
    text = "\n".join(paragraphs)
    assert "数值单位：亿元" in text and "2024年完成：无数据" in text
    assert "【改名】扩大有效投资，增强发展后劲 → 扩大有效投资，夯实发展基础" in text
    assert "【未见下文】新增公办学位1200个" in text
    # Deleted words struck through, added words underlined, as whole phrases.
    struck = [r.text for p in doc.paragraphs for r in p.runs if r.font.strike]
    assert "提升商贸载体" in struck and "完善网格化服务管理" in struck
    assert "改写前：培育新型业态。发展跨境电商和市场采购贸易，新增限额以上批零企业12家。" in paragraphs
    assert "改写后：发展跨境电商。建设跨境电商服务中心，新增限额以上批零企业15家。" in paragraphs


def test_comparison_docx_goes_landscape_only_when_needed(r2023, r2024):
    from workbench.writing.comparison_docx import _figure_data, needs_landscape

    assert not needs_landscape(_figure_data(compare(r2023, r2024)))
    for f in r2024.targets + r2024.results:  # long figures: the columns no longer fit portrait
        if f.value is not None:
            f.value = f.value * 1234567.891
    assert needs_landscape(_figure_data(compare(r2023, r2024)))


def test_change_has_one_meaning():
    from workbench.comparing.compare import _change

    rate = _change(parse_figure("地区生产总值增长3.2%"), parse_figure("地区生产总值增长7.6%"))
    both = _change(parse_figure("固定资产投资总额14.43亿元，增长12.5%"),
                   parse_figure("固定资产投资总额22.5亿元，增长55.9%"))
    amount = _change(parse_figure("固定资产投资总额14.43亿元"), parse_figure("固定资产投资总额22.5亿元"))
    down = _change(parse_figure("外资2000万美元"), parse_figure("外资1800万美元"))
    assert (rate, both, amount, down) == ("增速+4.4个百分点", "增速+43.4个百分点", "总量+55.9%", "总量-10.0%")


def test_phrase_ops_join_scattered_characters():
    from workbench.comparing.compare import phrase_ops

    a = "提升商贸载体。推动皮具城商圈升级改造，举办皮具文化节等促消费活动不少于4场。"
    b = "推动商圈升级。完成皮具城商圈改造，举办促消费活动不少于5场。"
    ops = phrase_ops(char_diff(a, b))
    assert ops[0] == ("replace", "提升商贸载体", "推动商圈升级")
    assert ("equal", "皮具城商圈", "皮具城商圈") in ops
    # Phrases still rebuild both texts exactly.
    assert "".join(x for t, x, _ in ops if t != "insert") == a
    assert "".join(y for t, _, y in ops if t != "delete") == b


def test_markers_never_collide_with_the_text():
    from workbench.comparing.text import marked

    assert marked("皮具文化节等", "del") == "〔删：皮具文化节等〕"
    assert marked("新材料", "add") == "〔增：新材料〕"
    # A document number such as 穗府〔2024〕1号 takes another bracket pair.
    assert marked("穗府〔2024〕1号", "add") == "〖增：穗府〔2024〕1号〗"


# ------------------------------------------------------------ golden output of the CLI

GOLDEN = ROOT / "tests" / "golden"


def _example_store(tmp_path):
    db = tmp_path / "s.json"
    for y in (2023, 2024):
        assert main(["--db", str(db), "import", str(ROOT / "examples" / f"shiling-{y}.json")]) == 0
    return db


def _run_in_pty(args, columns: int) -> str:
    """The CLI with a terminal of `columns` columns as its stdout, as a drafter runs it."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "workbench", *args], stdout=slave,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait() == 0, proc.stderr.read().decode()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _width(line: str) -> int:
    import re as _re

    from rich.cells import cell_len

    return cell_len(_re.sub(r"\x1b\[[0-9;]*m", "", line))


def test_golden_compare_piped_at_100_columns(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    db = _example_store(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(db), "compare", "狮岭镇", "2023", "2024"]) == 0
    out = capsys.readouterr().out
    assert out == (GOLDEN / "compare-2023-2024.txt").read_text(encoding="utf-8")
    assert max(_width(line) for line in out.splitlines()) <= 100
    assert "\x1b[" not in out and "[-" not in out and "{+" not in out
    assert "〔删：提升商贸载体〕〔增：推动商圈升级〕" in out
    assert "数字变化：限额以上社会消费品零售总额1.26亿元，增长6.8%左右 → 1.33亿元，增长6.5%左右" in out


def test_golden_compare_in_a_100_column_terminal(tmp_path, capsys):
    db = _example_store(tmp_path)
    out = _run_in_pty(["--db", str(db), "compare", "狮岭镇", "2023", "2024"], 100)
    assert out == (GOLDEN / "compare-2023-2024.ansi").read_text(encoding="utf-8")
    assert max(_width(line) for line in out.splitlines()) <= 100
    # Colour instead of markers: deleted red and struck through, added green, whole phrases.
    assert "\x1b[9;31m提升商贸载体\x1b[0m\x1b[32m推动商圈升级\x1b[0m" in out
    assert "〔删：" not in out
    # --no-color on a terminal gives the plain text, at the terminal's width.
    plain = _run_in_pty(["--db", str(db), "compare", "狮岭镇", "2023", "2024", "--no-color"], 100)
    assert plain == (GOLDEN / "compare-2023-2024.txt").read_text(encoding="utf-8")


def test_compare_years_fits_100_columns_or_goes_to_blocks(tmp_path, capsys, monkeypatch):
    db = _example_store(tmp_path)
    capsys.readouterr()
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2022-2024"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(_width(line) for line in lines) <= 100
    header = next(line for line in lines if line.startswith("指标"))
    assert header.split() == ["指标", "数值", "增速%", "数值", "增速%", "数值", "增速%", "完成情况", "数值", "增速%"]
    fai = next(line for line in lines if line.startswith("固定资产投资总额")).split()
    # 2022 result, 2023 target (from 2023's report), 2023 result, attainment, 2024 target.
    assert fai[1:] == ["14.43", "12.5", "21.2", "46.9左右", "22.5", "55.9", "超额完成", "25", "11左右"]
    assert "…" not in out
    # 无数据 only where the store holds nothing: 2022's targets and 2024's results.
    assert [line.strip() for line in lines if "无数据" in line] == [
        "2022年目标：无数据（数据库中没有 2022 年报告）。",
        "2024年完成：无数据（完成数见 2025 年报告，数据库中没有）。"]
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2022-2024"]) == 0
    narrow = capsys.readouterr().out
    assert max(_width(line) for line in narrow.splitlines()) <= 60
    assert "  固定资产投资总额\n    2022年  完成 14.43亿元，增长12.5%\n" in narrow


def test_rewrite_keeps_the_sentences_both_versions_share():
    ops = char_diff("优先发展教育。推进镇中心小学扩建工程，新增公办学位1200个。",
                    "优先发展教育。新增公办学位800个，推进镇第二中学改扩建。")
    assert ops == [("equal", "优先发展教育。", "优先发展教育。"),
                   ("replace", "推进镇中心小学扩建工程，新增公办学位1200个。", "新增公办学位800个，推进镇第二中学改扩建。")]


def test_golden_output_wraps_by_the_rules():
    text = (GOLDEN / "compare-2023-2024.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        body = line.lstrip()
        assert not body[:1] or body[0] not in "，。；：、）》」”", line      # no line opens with a closing mark
        assert not re.search(r"[〔〖][删增]：$", line), line                  # a marker keeps its words
    # A paragraph rewritten through is shown as its two versions.
    assert "    改写前：培育新型业态。发展跨境电商和市场采购贸易，新增限额以上批零企业12家。\n" \
           "    改写后：发展跨境电商。建设跨境电商服务中心，新增限额以上批零企业15家。\n" in text


def test_wrap_cells_counts_two_columns_for_a_chinese_character():
    from workbench.util.textwrap_cjk import wrap_cells

    lines = wrap_cells("全年实现地区生产总值增长7.6%，完成固定资产投资总额22.5亿元。", 20)
    assert lines == ["全年实现地区生产总值", "增长7.6%，完成固定资", "产投资总额22.5亿元。"]
    # A closing mark never starts a line: the character before it moves down with it.
    assert wrap_cells("一二三四五六七八九，十", 18) == ["一二三四五六七八", "九，十"]
    # Numbers and Latin words are not broken; indents count.
    assert wrap_cells("abc 123.45% xyz", 9, "  ", "  ") == ["  abc", "  123.45%", "  xyz"]


def test_compare_years_in_either_order_and_not_the_same(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    db = _example_store(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(db), "compare", "狮岭镇", "2024", "2023"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "compare-2023-2024.txt").read_text(encoding="utf-8")
    assert main(["--db", str(db), "compare", "狮岭镇", "2024", "2024"]) == 2
    assert capsys.readouterr().err == "对比需要两个不同的年份，两次都给了 2024\n"


def test_reports_without_figures_say_so(r2023, r2024, tmp_path):
    from workbench.comparing.text import comparison_text

    for r in (r2023, r2024):
        r.targets.clear()
        r.results.clear()
    text = comparison_text(compare(r2023, r2024), width=100)
    assert "一、主要指标：目标、完成与完成情况\n  （两年的报告中都没有列出主要指标）\n" in text
    doc = Document(str(export_comparison(compare(r2023, r2024), tmp_path / "c.docx")))
    assert not doc.tables and "（两年的报告中都没有列出主要指标）" in [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("width", range(40, 161, 9))
@pytest.mark.parametrize("color", [False, True])
def test_every_line_fits_the_width(r2023, r2024, width, color):
    from workbench.comparing.text import comparison_text

    text = comparison_text(compare(r2023, r2024), width=width, color=color)
    assert max(_width(line) for line in text.splitlines()) <= width


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="规上工业总产值增长亿元，。；：、“”（）0123456789.%abcXYZ", max_size=120),
       width=st.integers(min_value=6, max_value=60))
def test_wrap_loses_nothing_and_fits(text, width):
    from workbench.util.textwrap_cjk import wrap_cells

    lines = wrap_cells(text, width)
    assert "".join(lines) == text
    assert all(_width(line) <= width for line in lines)


def test_compare_years_in_a_120_column_terminal(tmp_path, capsys):
    db = _example_store(tmp_path)
    out = _run_in_pty(["--db", str(db), "compare", "狮岭镇", "--years", "2022-2024"], 120)
    import re as _re
    plain = _re.sub(r"\x1b\[[0-9;]*m", "", out)
    lines = plain.splitlines()
    assert lines[1] == "数值单位：亿元；增速单位：%。"
    assert "…" not in plain and max(_width(line) for line in lines) <= 100
    row = next(line for line in lines if line.startswith("规上工业总产值")).split()
    assert row[1:] == ["136.1", "4.1", "147", "8左右", "143.6", "5.5", "未完成", "152", "6左右"]


def test_compare_years_as_docx(tmp_path, capsys):
    db = _example_store(tmp_path)
    out = tmp_path / "历年.docx"
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2022-2024", "-o", str(out)]) == 0
    doc = Document(str(out))
    table = doc.tables[0]
    # 指标; 2022 result; 2023 target, result and attainment; 2024 target.
    assert len(table.columns) == 10
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][1:3] == ["2022年完成", "2022年完成"] and rows[0][-1] == "2024年目标"
    gdp = next(r for r in rows if r[0] == "规上工业总产值")
    assert gdp[1:] == ["136.1", "4.1", "147", "8左右", "143.6", "5.5", "未完成", "152", "6左右"]
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "狮岭镇 2022—2024年主要指标"
    assert paragraphs[1].startswith("资料来源：狮岭镇2023年、2024年政府工作报告；")
    assert doc.sections[0].page_width < doc.sections[0].page_height
    assert main(["--db", str(db), "compare", "狮岭镇", "--years", "2022-2024", "-o", str(out)]) == 2


def test_last_years_pane_pairs_a_rewritten_section_by_its_place(r2023, r2024):
    """F9: "（一）坚持制造业当家…" was "（一）坚持工业立镇…" last year: titles and text differ too
    much to pair by content, so it is paired by its place in the corresponding chapter, and
    marked so; sections paired by content keep their pairs."""
    from workbench.comparing.lastyear import section_map, section_map_by_position

    by_content = section_map(r2023, r2024)
    pairs, by_position = section_map_by_position(r2023, r2024)
    assert all(pairs[k] == v for k, v in by_content.items())
    assert pairs[(1, 0)] == (1, 0) and (1, 0) in by_position
    assert r2023.chapters[1].sections[0].title.startswith("坚持工业立镇")
    assert not by_position & set(by_content)
    assert len(set(pairs.values())) == len(pairs)  # no section of last year used twice
