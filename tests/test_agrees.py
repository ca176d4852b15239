"""Text and table agree, every key answers, the report's structure by key (issue 23, the
rest): the export asks when the targets text disagrees with the table, qualitative targets keep
their place, split / merge / select a paragraph, find and replace, keys that cannot act say why,
version comparison shows both values, the redline export offered in the TUI."""

from __future__ import annotations

import re
import zipfile

from textual.widgets import Input

from workbench.drafting import editing as E
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ChoiceDialog

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (100, 30)
TARGETS = (1, None, 1)  # the 2024 example's targets paragraph


def change_stored(path, change, place="狮岭镇", year=2024):
    with Store(path) as s:
        r = s.get(place, year)
        change(r)
        s.put(r)


def docx_text(path) -> str:
    """The document's characters, runs joined, less Word's no-width non breaks."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml).replace("\u200d", "").replace("\u2060", "")


# ------------------------------------------------------------ (a) the export asks


def _owned_and_changed(r):
    """The targets paragraph the drafter's own (as an imported report has it), and the table
    changed since: 规上工业总产值 160亿元 in the table, 152亿元 in the text."""
    E.get_paragraph(r, TARGETS).generated = None
    r.targets[2].value = 160


async def _export_to(pilot, app, out):
    await pilot.press("ctrl+e")
    await pilot.pause()
    app.screen.query_one("#prompt", Input).value = str(out)
    await pilot.press("enter")
    await pilot.pause()


async def test_export_asks_when_the_targets_text_disagrees_with_the_table(store_path, tmp_path):
    change_stored(store_path, _owned_and_changed)
    app = WorkbenchApp(store_path)
    out = tmp_path / "稿.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await _export_to(pilot, app, out)
        assert isinstance(app.screen, ChoiceDialog)
        question = app.screen.question
        assert "规上工业总产值152亿元" in question and "规上工业总产值160亿元" in question
        await pilot.press("escape")  # cancel: nothing written, nothing changed
        await settle(pilot, app)
        assert not out.exists()
        await _export_to(pilot, app, out)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # the focused answer: rewrite the text from the table
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
        text = E.get_paragraph(app.screen.report, TARGETS).text
        assert "规上工业总产值160亿元" in text and "152亿元" not in text
    assert out.is_file() and "规上工业总产值160亿元" in docx_text(out)
    assert "规上工业总产值160亿元" in E.get_paragraph(stored(store_path), TARGETS).text


async def test_export_can_keep_the_drafters_targets_text(store_path, tmp_path):
    change_stored(store_path, _owned_and_changed)
    app = WorkbenchApp(store_path)
    out = tmp_path / "稿.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await _export_to(pilot, app, out)
        assert isinstance(app.screen, ChoiceDialog)
        app.screen.query_one("#choice-keep").press()
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
    assert out.is_file() and "规上工业总产值152亿元" in docx_text(out)
    assert "152亿元" in E.get_paragraph(stored(store_path), TARGETS).text


async def test_export_does_not_ask_when_text_and_table_agree(store_path, tmp_path):
    change_stored(store_path, lambda r: setattr(E.get_paragraph(r, TARGETS), "generated", None))
    app = WorkbenchApp(store_path)
    out = tmp_path / "稿.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await _export_to(pilot, app, out)
        assert not isinstance(app.screen, ChoiceDialog)
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
    assert out.is_file()


def test_the_targets_passage_runs_over_its_sentences_and_is_rewritten_whole(r2024):
    from workbench.drafting.clause import rewrite_targets_text, targets_text_disagreement

    para = E.get_paragraph(r2024, TARGETS)
    para.generated = None
    lead = "今年全镇经济社会发展的主要预期目标是："
    para.text = (lead + "地区生产总值增长6%左右，固定资产投资总额25亿元，增长11%左右，规上工业总产值152亿元，"
                 "增长6%左右。批发零售业113亿元，增长5.5%左右。限额以上社会消费品零售总额1.33亿元，增长6.5%左右；"
                 "限额以上批发业销售总额115亿元，增长6%左右。我们将全力以赴。")
    assert targets_text_disagreement(r2024) is None  # every figure of the passage is the table's
    r2024.targets[0].growth_pct = 6.5
    found = targets_text_disagreement(r2024)
    assert found.differences == ["正文“地区生产总值增长6%左右”，表中“地区生产总值增长6.5%左右”"]
    rewrite_targets_text(r2024, found)
    assert para.text.startswith(lead + "地区生产总值增长6.5%左右；") and para.text.endswith("。我们将全力以赴。")
    assert para.text.count("批发零售业") == 1 and targets_text_disagreement(r2024) is None


# ------------------------------------------------------------ (b) targets stated in words


def test_targets_stated_in_words_are_read_as_rows_and_print_back():
    from workbench.document.figures import format_figure, parse_figure
    from workbench.drafting.clause import sentence_figures

    unread: list[str] = []
    figs = sentence_figures("今年全县主要预期目标是：地区生产总值增长6%左右；进出口保稳提质；"
                            "单位地区生产总值能耗降低完成省下达任务；主要污染物排放均完成市下达的目标；"
                            "生态环境质量持续改善。", unread)
    assert unread == []
    worded = {f.name: f.qualifier for f in figs if f.is_qualitative}
    assert worded == {"进出口": "保稳提质", "单位地区生产总值能耗降低": "完成省下达任务",
                      "主要污染物排放": "均完成市下达的目标", "生态环境质量": "持续改善"}
    for f in figs:
        assert parse_figure(format_figure(f)).qualifier == f.qualifier


def test_the_generated_sentence_states_the_targets_in_words(r2024):
    from workbench.document.figures import Figure
    from workbench.document.phrasing import targets_sentence

    r2024.targets.append(Figure(name="进出口", qualifier="保稳提质"))
    r2024.targets.append(Figure(name="节能减排", qualifier="完成国家下达任务"))
    assert targets_sentence(r2024).endswith("增长6%左右；进出口保稳提质；节能减排完成国家下达任务。")


async def _on_targets_paragraph(pilot, screen):
    from workbench.tui.widgets.sections import OutlineTree

    screen.action_tab("sections")
    tree = screen.query_one(OutlineTree)
    tree.move_cursor(tree.node_for(TARGETS))
    await pilot.pause()
    await pilot.pause()
    assert screen.address == TARGETS


async def test_ctrl_g_keeps_the_targets_in_words_the_table_lacks(store_path):
    def owned(r):
        p = E.get_paragraph(r, TARGETS)
        p.generated = None
        p.text = p.text.rstrip("。") + "；进出口保稳提质；节能减排完成上级下达任务。"

    change_stored(store_path, owned)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await _on_targets_paragraph(pilot, screen)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        para = E.get_paragraph(screen.report, TARGETS)
        assert para.generated == "targets"
        assert para.text.endswith("；进出口保稳提质；节能减排完成上级下达任务。")
        assert [f.name for f in screen.report.targets][-2:] == ["进出口", "节能减排"]
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert not E.get_paragraph(screen.report, TARGETS).generated and len(screen.report.targets) == 6


async def test_ctrl_g_refuses_while_a_clause_cannot_be_read(store_path):
    def owned(r):
        p = E.get_paragraph(r, TARGETS)
        p.generated = None
        p.text = p.text.rstrip("。") + "；粮食生产稳中有增。"

    change_stored(store_path, owned)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await _on_targets_paragraph(pilot, screen)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        para = E.get_paragraph(screen.report, TARGETS)
        assert not para.generated and para.text.endswith("；粮食生产稳中有增。")
        assert any("粮食生产稳中有增" in str(n.message) for n in app._notifications)


async def test_v_puts_targets_in_words_into_the_table_and_the_sentence(store_path):
    from workbench.tui.dialogs import SentenceDialog
    from workbench.tui.widgets.figures import FiguresTable

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.query_one("#targets", FiguresTable).focus()
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = (
            "今年主要预期目标是：地区生产总值增长6.5%左右；进出口保稳提质；能耗强度降低完成市下达任务。")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SentenceDialog)
        app.screen.query_one("#choice-replace").press()
        await settle(pilot, app)
        assert [f.name for f in screen.report.targets] == ["地区生产总值", "进出口", "能耗强度降低"]
        assert E.get_paragraph(screen.report, TARGETS).text.endswith(
            "增长6.5%左右；进出口保稳提质；能耗强度降低完成市下达任务。")


# ------------------------------------------------------------ (c) split, merge, select the paragraph

PARA = (1, 0, 0)


async def _body(pilot, screen, addr=PARA):
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    screen.action_tab("sections")
    tree = screen.query_one(OutlineTree)
    tree.move_cursor(tree.node_for(addr))
    await pilot.pause()
    await pilot.pause()
    assert screen.address == addr
    body = screen.query_one(BodyArea)
    body.focus()
    return body


async def test_ctrl_enter_splits_the_paragraph_at_the_cursor(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        whole = E.get_paragraph(screen.report, PARA).text
        count = len(screen.report.chapters[1].sections[0].paragraphs)
        body = await _body(pilot, screen)
        body.move_cursor(body.document.get_location_from_index(10))
        await pilot.press("ctrl+enter")
        await settle(pilot, app)
        paras = screen.report.chapters[1].sections[0].paragraphs
        assert len(paras) == count + 1
        assert paras[0].text == whole[:10].rstrip() and paras[1].text == whole[10:].lstrip()
        assert screen.address == (1, 0, 1)
        body.move_cursor(body.document.get_location_from_index(4))
        await pilot.press("ctrl+j")  # the key every terminal sends for Ctrl+Enter
        await settle(pilot, app)
        paras = screen.report.chapters[1].sections[0].paragraphs
        assert len(paras) == count + 2 and paras[2].text == whole[10:].lstrip()[4:].lstrip()
        await pilot.pause(0.5)
        await settle(pilot, app)
    held = stored(store_path).chapters[1].sections[0].paragraphs
    assert held[0].text == whole[:10].rstrip() and held[1].text == whole[10:].lstrip()[:4].rstrip()


async def test_backspace_at_the_start_joins_the_paragraph_to_the_one_before(store_path):
    from workbench.tui.widgets.sections import BodyArea

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        paras = screen.report.chapters[2].paragraphs
        first, second, third = (p.full_text for p in paras[:3])
        count = len(paras)
        body = await _body(pilot, screen, (2, None, 2))
        body.move_cursor((0, 0))
        await pilot.press("backspace")
        await settle(pilot, app)
        paras = screen.report.chapters[2].paragraphs
        assert len(paras) == count - 1 and paras[1].full_text == second + third
        assert screen.address == (2, None, 1)
        body = screen.query_one(BodyArea)
        body.move_cursor((0, 0))
        await pilot.press("backspace")
        await settle(pilot, app)
        paras = screen.report.chapters[2].paragraphs
        assert paras[0].full_text == first + second + third
        screen.query_one(BodyArea).move_cursor((0, 0))
        await pilot.press("backspace")  # the first paragraph: nothing before it, and it says so
        await settle(pilot, app)
        assert len(screen.report.chapters[2].paragraphs) == count - 2
        assert any("第一段" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert len(screen.report.chapters[2].paragraphs) == count - 1


async def test_ctrl_a_selects_the_whole_paragraph(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        body = await _body(pilot, screen)
        body.move_cursor(body.document.get_location_from_index(5))
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert body.selected_text == body.text and body.text == E.get_paragraph(screen.report, PARA).text


async def test_a_generated_paragraph_cannot_be_split_and_says_why(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        body = await _body(pilot, screen, TARGETS)
        body.move_cursor((0, 5))
        await pilot.press("ctrl+enter")
        await settle(pilot, app)
        assert E.get_paragraph(screen.report, TARGETS).generated == "targets"
        assert len(screen.report.chapters[1].paragraphs) == len(stored(store_path).chapters[1].paragraphs)
        assert any("Ctrl+G" in str(n.message) for n in app._notifications)


# ------------------------------------------------------------ (d) find and replace, search in the outline


def test_replace_all_counts_and_leaves_generated_text_alone(r2024):
    n = len(E.find_all(r2024, "狮岭"))
    assert n >= 3
    held = E.generated_holding(r2024, "全镇")
    assert E.replace_all(r2024, "狮岭", "石岭") == n
    assert E.find_all(r2024, "狮岭") == [] and len(E.find_all(r2024, "石岭")) >= n
    assert E.generated_holding(r2024, "全镇") == held  # the targets sentence follows the table


async def test_ctrl_h_replaces_across_the_report_with_a_count_and_one_undo(store_path):
    from workbench.tui.dialogs import PromptDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = screen.report.to_dict()
        n = len(E.find_all(screen.report, "狮岭"))
        await pilot.press("ctrl+h")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one("#prompt", Input).value = "没有这几个字"
        await pilot.press("enter")
        await pilot.pause()
        assert "没有“没有这几个字”" in str(app.screen.query_one("#prompt-error").render())
        app.screen.query_one("#prompt", Input).value = "狮岭"
        await pilot.press("enter")
        await pilot.pause()
        assert f"共 {n} 处" in app.screen.title_text
        app.screen.query_one("#prompt", Input).value = "石岭"
        await pilot.press("enter")
        await settle(pilot, app)
        assert E.find_all(screen.report, "狮岭") == [] and any(f"已把 {n} 处" in str(m.message)
                                                              for m in app._notifications)
        await pilot.pause(0.5)
        await settle(pilot, app)
        assert not E.find_all(stored(store_path), "狮岭")
        screen.query_one("#results").focus()
        await pilot.press("ctrl+z")  # one undo puts every one back
        await settle(pilot, app)
        assert screen.report.to_dict() == before


async def test_slash_in_the_outline_goes_to_the_next_match(store_path):
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.action_tab("sections")
        await pilot.pause()
        word = "皮具"
        want = [a for a in E.find_all(screen.report, word)]
        want = list(dict.fromkeys(want))
        assert len(want) >= 2
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = word
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.address == want[0]
        assert isinstance(app.focused, OutlineTree)
        await pilot.press("slash")  # the same text offered again: Enter goes on to the next
        await pilot.pause()
        assert app.screen.query_one("#prompt", Input).value == word
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.address == want[1]
        assert any(f"第 2/{len(want)} 处" in str(m.message) for m in app._notifications)


# ------------------------------------------------------------ (e) every key has an answer


async def test_typing_into_a_generated_paragraph_says_why_in_the_status_bar_at_100_columns(store_path):
    from workbench.tui.widgets.status import StatusBar

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_2024(pilot, app)
        body = await _body(pilot, screen, TARGETS)
        label = screen.query_one("#editor-label")
        assert label.region.right <= 100  # the hint above the 〔自动〕 text is not cut
        text = E.get_paragraph(screen.report, TARGETS).text
        await pilot.press("a")
        await pilot.pause()
        told = screen.query_one(StatusBar).told
        assert "Ctrl+G" in told and body.text == text
        why = screen.query_one("#save-state")
        assert why.region.width <= 100 and why.region.width - 2 >= sum(
            2 if ord(c) > 0x2e80 else 1 for c in told)  # said in full, not cut


async def test_keys_with_nothing_to_act_on_say_why(store_path):
    from workbench.tui.widgets.status import StatusBar

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.action_tab("sections")
        await pilot.pause()
        bar = screen.query_one(StatusBar)
        screen._show_editor(None)
        await pilot.press("delete")
        await pilot.pause()
        assert "选中" in bar.told
        body = await _body(pilot, screen, (2, None, 0))
        body.move_cursor((0, 0))
        await pilot.press("backspace")  # the chapter's first paragraph: nothing before it
        await pilot.pause()
        assert "第一段" in bar.told
        tree = screen.query_one("#outline")
        tree.focus()
        await pilot.press("ctrl+up")  # already the first: it cannot go up
        await pilot.pause()
        assert "最前" in bar.told
        assert body is not None


# ------------------------------------------------------------ (f) version comparison shows both values


def _save_version_then_change(path, name="征求意见稿"):
    from workbench.cli.commands import main

    assert main(["--db", str(path), "version", "save", "狮岭镇", "2024", name]) == 0

    def change(r):
        r.targets[1].value = 26          # 固定资产投资总额 25亿元 -> 26亿元
        r.results[0].growth_pct = 7.0    # 地区生产总值 增长7.6% -> 增长7.0%

    change_stored(path, change)


def test_compare_a_version_prints_both_values_of_each_changed_figure(store_path, capsys):
    from workbench.cli.commands import main

    _save_version_then_change(store_path)
    capsys.readouterr()
    assert main(["--db", str(store_path), "compare", "狮岭镇", "2024@征求意见稿", "2024"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "固定资产投资总额" in x and "目标" in x)
    assert "25亿元" in line and "26亿元" in line and "改了" in line
    line = next(x for x in out.splitlines() if "地区生产总值" in x and "完成" in x)
    assert "7.6%" in line and "7.0%" in line
    assert "12 项中 2 项有改动" in out
    assert main(["--db", str(store_path), "compare", "狮岭镇", "2024@征求意见稿", "2024", "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)["versions"]
    fai = next(r for r in rows if r["table"] == "targets" and r["name"] == "固定资产投资总额")
    assert (fai["a"], fai["b"], fai["state"]) == ("25亿元，增长11%左右", "26亿元，增长11%左右", "changed")


async def test_f10_d_shows_both_versions_of_every_figure(store_path):
    from workbench.tui.screens.compare import CompareFigures, CompareScreen
    from workbench.tui.screens.versions import VersionsScreen

    _save_version_then_change(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_2024(pilot, app)
        await pilot.press("f10")
        await settle(pilot, app)
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareFigures)
        labels = [str(c.label) for c in table.columns.values()]
        assert any("征求意见稿" in x for x in labels) and len(labels) == 4
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        fai = next(r for r in rows if r[0] == "目标·固定资产投资总额")
        assert "25亿元" in fai[1] and "26亿元" in fai[2] and fai[3] == "改了"


# ------------------------------------------------------------ (g) the redline export and 附件 in the TUI


async def test_export_offers_revisions_against_a_version_or_last_year_and_the_appendix(store_path, tmp_path):
    from textual.widgets import Checkbox, Select

    from workbench.cli.commands import main
    from workbench.tui.dialogs import ExportDialog

    assert main(["--db", str(store_path), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 0
    change_stored(store_path, lambda r: setattr(E.get_paragraph(r, PARA), "text",
                                                E.get_paragraph(r, PARA).text + "新增一句试验文字。"))
    app = WorkbenchApp(store_path)
    out = tmp_path / "修订稿.docx"
    plain = tmp_path / "无附件.docx"
    joined = tmp_path / "默认.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        base = dialog.query_one("#export-base", Select)
        offered = [label for label, _ in base._options]
        assert any("征求意见稿" in str(x) for x in offered) and any("2023年报告" in str(x) for x in offered)
        assert dialog.query_one("#export-appendix", Checkbox).value is True
        base.value = "征求意见稿"
        dialog.query_one("#prompt", Input).value = str(out)
        dialog.query_one("#prompt", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
        assert any("修订稿" in str(n.message) and "征求意见稿" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-appendix", Checkbox).value = False
        assert dialog.query_one("#export-joiners", Checkbox).value is True
        dialog.query_one("#export-joiners", Checkbox).value = False
        dialog.query_one("#prompt", Input).value = str(plain)
        dialog.query_one("#prompt", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
        await pilot.press("ctrl+e")  # as offered: joiners in the runs at line ends
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = str(joined)
        app.screen.query_one("#prompt", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
    with zipfile.ZipFile(joined) as z:
        assert "\u200d" in z.read("word/document.xml").decode("utf-8")
    with zipfile.ZipFile(plain) as z:
        assert "\u200d" not in z.read("word/document.xml").decode("utf-8")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "新增一句试验文字" in docx_text(out)
    assert "附件" in docx_text(out) and "附件" not in docx_text(plain).replace("附件说明", "")
    with zipfile.ZipFile(plain) as z:
        assert "<w:ins " not in z.read("word/document.xml").decode("utf-8")


# ------------------------------------------------------------ (h) smaller items


def test_a_review_sentence_never_offers_zongliang_as_an_indicator():
    from workbench.drafting.clause import sentence_figures

    unread: list[str] = []
    figs = sentence_figures("全年地区生产总值增长6.8%，总量达到95.2亿元；规上工业总产值88亿元，增长4.1%，"
                            "总量首次突破85亿元。", unread)
    assert [(f.name, f.value, f.growth_pct) for f in figs] == [("地区生产总值", 95.2, 6.8), ("规上工业总产值", 88, 4.1)]
    assert not any("总量" in f.name for f in figs) and unread == ["总量首次突破85亿元"]


def test_w403_counts_apart_what_the_export_leaves(r2024):
    from workbench.checking.checks import check

    E.get_paragraph(r2024, PARA).text += "建设宜居城市.推进改革,扩大开放。"
    [found] = [f for f in check(r2024) if f.code == "W403"]
    assert "“.”" in found.message and "共1处，导出时不会改" in found.message and "另有1处导出时自动改为全角" in found.message


def test_a_met_lower_is_better_target_is_not_called_below_the_target():
    from workbench.checking.attainment import attainment
    from workbench.document.figures import parse_figure

    target, result = parse_figure("城镇调查失业率5.5%以内"), parse_figure("城镇调查失业率5%")
    att = attainment(target, result)
    assert att.word == "完成" and "优于目标0.5个百分点" in att.describe(target)
    assert "低于目标" not in att.describe(target)
    growth = parse_figure("地区生产总值增长6%左右")
    assert "低于目标0.5个百分点" in attainment(growth, parse_figure("地区生产总值增长5.5%")).describe(growth)


def test_w401_keeps_the_tables_qualifier(r2024):
    from workbench.checking.checks import check
    from workbench.document.figures import Figure

    r2024.targets.append(Figure(name="粮食产量", key="grain_output", value=3.2, unit="万吨", qualifier="以上",
                                raw="粮食产量3.2万吨以上"))
    E.get_paragraph(r2024, PARA).text += "确保粮食产量3万吨。"
    messages = [f.message for f in check(r2024) if f.code == "W401" and "粮食产量" in f.message]
    assert messages and "目标表中为3.2万吨以上" in messages[0]


def test_a_rate_written_in_words_is_read():
    from workbench.document.figures import parse_figure

    assert parse_figure("地区生产总值增长百分之五点四").growth_pct == 5.4
    assert parse_figure("城镇调查失业率百分之五点五以内").value == 5.5


async def test_a_rate_in_words_typed_into_a_cell_is_taken(store_path):
    from workbench.tui.widgets.figures import FiguresTable

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=0, column=2)  # 地区生产总值's growth
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = "增长百分之五点四"
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.report.targets[0].growth_pct == 5.4


def test_list_marks_state_sentences_and_list_fragments_are_no_promises(r2024):
    from workbench.document.commitments import derive_commitments

    E.get_paragraph(r2024, PARA).text += ("①补充配置应急救援车辆5台；②新建消防站2个。全镇已有数字化产线车间1080家。"
                                         "建成省级智能工厂、数字化车间12个。")
    raws = [c.raw for c in derive_commitments(r2024) if (c.chapter, c.section, c.paragraph) == PARA]
    assert "补充配置应急救援车辆5台" in raws and "新建消防站2个" in raws
    assert "建成省级智能工厂、数字化车间12个" in raws
    assert not any(r.startswith(("①", "②")) or "1080" in r or r == "数字化车间12个" for r in raws)


async def test_undo_after_delete_in_the_outline_selects_what_came_back_and_keys_act(store_path):
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.action_tab("sections")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((2, None, 1)))
        await settle(pilot, app)
        text = E.get_paragraph(screen.report, (2, None, 1)).text
        await pilot.press("delete")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.address is None and len(screen.report.chapters[2].paragraphs) == 2
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert screen.address == (2, None, 1) and E.get_paragraph(screen.report, (2, None, 1)).text == text
        assert app.focused is tree
        await pilot.press("up")
        await settle(pilot, app)
        assert screen.address == (2, None, 0)
