"""Pilot tests of the drafting flow: clauses typed into rows, sentences pasted into tables,
counts as you write, keys where the hands are, last year beside this year."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import DataTable, Input

from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import SentenceDialog
from workbench.tui.widgets.figures import FiguresTable

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (100, 30)


def cells(table: DataTable, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


# ------------------------------------------------------------ 1. figures typed as written

async def test_typing_a_clause_on_a_cell_fills_the_whole_row(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=2, column=0)  # 规上工业总产值152亿元，增长6%左右, on its name
        await pilot.press("规")  # typing on the cell starts the entry with that character
        await pilot.pause()
        field = app.screen.query_one("#prompt", Input)
        assert field.value == "规"
        await pilot.press(*"上工业总产值160亿元")
        field.insert_text_at_cursor("，")  # Pilot's press() has no key name for a full-width comma
        await pilot.press(*"增长8%左右")
        assert field.value == "规上工业总产值160亿元，增长8%左右"
        await pilot.press("enter")
        await pilot.pause(1.3)
        await settle(pilot, app)
        assert cells(table, 2)[:4] == ["规上工业总产值", "160亿元", "增长8%", "左右"]
    f = stored(store_path).targets[2]
    assert (f.value, f.unit, f.growth_pct, f.qualifier, f.key) == (160, "亿元", 8, "左右", "industrial_output")


async def test_a_nameless_clause_in_the_growth_cell_keeps_the_name(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=1, column=2)  # 固定资产投资总额25亿元，增长11%左右
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = "30亿元，增长12%"
        await pilot.press("enter")
        await settle(pilot, app)
        assert cells(table, 1)[:3] == ["固定资产投资总额", "30亿元", "增长12%"]


async def test_a_refused_clause_quotes_what_was_typed(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=1, column=2)
        await pilot.press("8")
        await pilot.press(*"%%左", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#prompt-error").render())
        assert "“8%%左”第3个字符“%”" in error
        assert app.screen.query_one("#prompt", Input).value == "8%%左"


async def test_adding_an_indicator_with_a_clause_fills_it(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        n = table.row_count
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = "一般公共预算收入2.1亿元，增长5%以上"
        await pilot.press("enter")
        await settle(pilot, app)
        assert table.row_count == n + 1
        assert table.cursor_row == 1  # added after the row under the cursor, and selected
        assert cells(table, 1)[:4] == ["一般公共预算收入", "2.1亿元", "增长5%", "以上"]


SENTENCE = ("今年全镇经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；规上工业总产值160亿元，"
            "增长8%左右；固定资产投资总额、社会消费品零售总额分别增长10%、6%；城镇登记失业率控制在3.5%以内。")


async def test_a_pasted_sentence_is_shown_then_replaces_the_table(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.post_message(events.Paste(SENTENCE))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SentenceDialog)
        grid = dialog.query_one("#sentence-figures", DataTable)
        assert grid.row_count == 5
        assert cells(grid, 3) == ["社会消费品零售总额", "", "增长6%"]
        assert cells(grid, 0) == ["地区生产总值", "", "增长6.5%左右"]  # 左右 once, where it is written
        # the drafter is told what 替换 would drop
        assert "，现有 6 项" in str(dialog.query_one(".question").render())
        assert "现有6项换成这5项" in str(dialog.query_one("#choice-replace").label)
        assert table.row_count == 6  # nothing replaced while the drafter looks
        await pilot.press("enter")
        await pilot.pause(1.3)
        await settle(pilot, app)
        assert table.row_count == 5
        assert cells(table, 4)[:4] == ["城镇登记失业率", "3.5%", "", "以内"]
        await pilot.press("ctrl+z")  # one undo brings the old table back
        await pilot.pause()
        assert table.row_count == 6
        await pilot.pause(1.3)
        await settle(pilot, app)
    assert [f.name for f in stored(store_path).targets][:2] == ["地区生产总值", "固定资产投资总额"]


async def test_merging_a_pasted_sentence_updates_rows_of_the_same_indicator(store_path):
    """a (合并): 地区生产总值 and 规上工业总产值 are updated in place, not added twice."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.post_message(events.Paste(SENTENCE))
        await pilot.pause()
        await pilot.press("a")
        await settle(pilot, app)
        names = [f.name for f in screen.report.targets]
        assert len(names) == len(set(names))
        gdp = next(f for f in screen.report.targets if f.key == "gdp")
        assert gdp.growth_pct == 6.5
        assert names[:2] == ["地区生产总值", "固定资产投资总额"]  # updated rows stay where they were
        assert "城镇登记失业率" in names


async def test_escape_on_the_sentence_preview_changes_nothing(store_path):
    before = store_path.read_bytes()
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        await pilot.press("v")  # the key for a sentence typed or pasted into a field
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = SENTENCE
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SentenceDialog)
        await pilot.press("escape")
        await settle(pilot, app)
        assert table.row_count == 6 and not screen.dirty
    assert store_path.read_bytes() == before


# ------------------------------------------------------------ 3. counts as you write

async def test_status_bar_counts_follow_the_typing(store_path):
    from workbench.tui.widgets.sections import BodyArea, OutlineTree
    from workbench.document.counts import chars

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        r = screen.report
        total = sum(chars(p.full_text) for *_, p in r.paragraphs()) + sum(
            chars(c.title) + sum(chars(s.title) for s in c.sections) for c in r.chapters)
        counts = screen.query_one("#counts")
        assert str(counts.render()) == f"全文{total}字·宣读约{round(total / 220)}分钟"
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await pilot.pause()
        para = r.chapters[1].sections[0].paragraphs[0]
        sec = r.chapters[1].sections[0]
        n_para = chars(para.full_text)
        n_sec = chars(sec.title) + sum(chars(p.full_text) for p in sec.paragraphs)
        text = str(counts.render())
        assert text.startswith(f"本段{n_para}字·本节{n_sec}字·本章")
        body = screen.query_one(BodyArea)
        body.focus()
        body.move_cursor(body.document.end)
        await pilot.press(*"新增车间3个")
        await pilot.pause()
        text = str(counts.render())
        assert text.startswith(f"本段{n_para + 6}字·本节{n_sec + 6}字")
        from rich.cells import cell_len

        from workbench.tui.widgets.status import counts_line
        from workbench.document.counts import Counts

        widest = counts_line(Counts(paragraph=1234, section=5678, chapter=12345, total=31316, minutes=45))
        box = screen.query_one("#counts")
        assert cell_len(widest) <= box.content_size.width  # a 30,000-character report fits, at 100 columns
        assert f"全文{total + 6}字" in text
        assert len(text) < 70  # with the save state it fits one line at 100 columns


# ------------------------------------------------------------ 4. keys where the hands are

async def test_ctrl_n_puts_the_cursor_in_the_new_lead(store_path):
    from workbench.tui.widgets.sections import BodyArea, LeadInput, OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await pilot.pause()
        await pilot.press("ctrl+n")
        await settle(pilot, app)
        assert screen.address == (1, 0, 1)
        assert isinstance(app.focused, LeadInput)
        await pilot.press(*"加快数字化转型")
        assert screen.report.chapters[1].sections[0].paragraphs[1].lead == "加快数字化转型"
        screen.query_one(BodyArea).focus()  # and from the body, Ctrl+N adds the next one
        await pilot.press("ctrl+n")
        await settle(pilot, app)
        assert screen.address == (1, 0, 2) and isinstance(app.focused, LeadInput)


@pytest.mark.parametrize("where", ["#targets", "#results", "#body", "#lead", "#outline", "#findings"])
async def test_f5_previews_from_every_focus(store_path, where):
    from textual.widgets import TabbedContent

    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        tabs = screen.query_one(TabbedContent)
        tab = {"#targets": "figures", "#results": "figures", "#findings": "checks"}.get(where, "sections")
        await pilot.press({"figures": "f2", "sections": "f3", "checks": "f4"}[tab])
        if tab == "sections":
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((1, 0, 0)))
            await pilot.pause()
        screen.query_one(where).focus()
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert tabs.active == "preview"
        scroll = screen.query_one("#preview-scroll")
        assert app.focused is scroll
        await pilot.press("pagedown")  # the preview scrolls at once
        await pilot.pause()
        assert scroll.scroll_y > 0


@pytest.mark.parametrize("key, screen_name", [("f6", "CompareScreen"), ("f7", "MetaDialog")])
async def test_f6_and_f7_in_the_body_editor_are_the_screen_keys_and_select_nothing(store_path, key,
                                                                                   screen_name):
    """TextArea's own F6/F7 select the line / everything: the next key would have replaced the
    paragraph (a trial lost one that way, autosaved)."""
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((0, None, 0)))
        await pilot.pause()
        body = screen.query_one(BodyArea)
        body.focus()
        before = body.text
        await pilot.press(key)
        await settle(pilot, app)
        assert type(app.screen).__name__ == screen_name
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen and body.selected_text == ""
        body.focus()
        await pilot.press("x")
        await settle(pilot, app)
        assert len(body.text) == len(before) + 1


async def typed_into_a_cell(pilot, app, screen, text: str):
    """The first result's growth cell opened and `text` typed into its field, not confirmed."""
    from workbench.tui.dialogs import PromptDialog

    table = screen.query_one("#results", FiguresTable)
    table.focus()
    table.move_cursor(row=0, column=1)
    await pilot.press("enter")
    await pilot.pause()
    prompt = app.screen
    assert isinstance(prompt, PromptDialog)
    prompt.query_one("#prompt", Input).value = text
    return prompt


async def test_quitting_with_a_typed_figure_in_a_dialog_asks_about_it(store_path):
    """Ctrl+Q while a cell's field holds "99亿元" not yet confirmed: asked, and 回到输入框 keeps it."""
    from workbench.tui.dialogs import ChoiceDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        prompt = await typed_into_a_cell(pilot, app, screen, "增长9.9%")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog) and app.is_running
        assert "增长9.9%" in str(app.screen.query_one(".question").render())
        await pilot.press("enter")  # 回到输入框 has the focus
        await settle(pilot, app)
        assert app.screen is prompt and prompt.query_one("#prompt", Input).value == "增长9.9%"
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.report.results[0].growth_pct == 9.9
        await pilot.press("ctrl+q")  # now only the changed report is asked about (autosaved by now)
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        assert "狮岭镇2024年报告" in str(app.screen.query_one(".question").render())


async def test_quitting_drops_the_typed_text_only_when_told(store_path):
    from workbench.tui.dialogs import ChoiceDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await typed_into_a_cell(pilot, app, screen, "增长9.9%")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        choice = app.screen
        assert isinstance(choice, ChoiceDialog)
        choice.query_one("#choice-discard").press()
        await settle(pilot, app)
    assert not app.is_running
    assert stored(store_path).results[0].growth_pct != 9.9


async def test_f1_works_in_every_dialog(store_path):
    from workbench.tui.dialogs import HelpDialog, NewReportDialog, PromptDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewReportDialog)
        labels = [str(w.render()) for w in dialog.query(".field-label")]
        assert labels == ["地点（如 狮岭镇）", "年份（如 2025）", "从哪一年的报告起草（可空）"]
        assert "回车创建并打开" in str(dialog.query_one(".hint").render())
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        help_text = app.screen.query_one("#help-text").text
        assert "新建报告" in help_text
        assert "esc 取消" in help_text and "Scroll" not in help_text and "Cursor" not in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog  # closing the help leaves the dialog as it was
        await pilot.press("escape")
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        screen.query_one("#targets").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert "整句" in app.screen.query_one("#help-text").text


async def test_the_outline_widens_and_remembers(store_path):
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.focus()
        before = tree.size.width
        await pilot.press("greater_than_sign", "right_double_angle_bracket")  # 》: > with an IME on
        await pilot.pause()
        assert tree.size.width == before + 8
        await pilot.press("left_double_angle_bracket", "greater_than_sign")  # 《 narrows
        await pilot.pause()
        assert tree.size.width == before + 8
        keys = app.keys_here()  # F1's list names them as typed, each binding once
        assert ">/》/^→ 加宽目录" in keys and not any("_" in k for k in keys)
        tree.move_cursor(tree.node_for((1, 1, None)))
        await pilot.pause()
        title = screen.report.chapters[1].sections[1].title
        assert tree.tooltip == title  # on hover
        assert screen.query_one("#lead").value == title  # on focus: whole, in the editor beside
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        assert screen.query_one(OutlineTree).size.width == before + 8


async def test_a_final_report_asks_before_the_first_change(store_path):
    """2023 is 定稿: a key in its editor or a figure cell asks; 不改 changes nothing."""
    from workbench.tui.dialogs import ChoiceDialog
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "enter")
        await settle(pilot, app)
        screen = app.screen
        assert screen.report.year == 2023 and screen.report.status == "final"
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((0, None, 0)))
        await pilot.pause()
        body = screen.query_one(BodyArea)
        before = body.text
        body.focus()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog) and "定稿" in str(app.screen.query_one(".question").render())
        await pilot.press("enter")  # 不改 has the focus
        await settle(pilot, app)
        assert body.text == before and not screen.dirty
        screen.query_one("#lead").focus()
        await pilot.press("y")  # the lead too
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        app.screen.query_one("#choice-edit").press()
        await settle(pilot, app)
        assert screen.report.status == "draft" and "草稿" in screen.sub_title
        body.focus()
        await pilot.press("x")
        await settle(pilot, app)
        assert body.text != before and screen.changed_since_open()  # autosaved 0.3 s later
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.pause(0.3)
    assert stored(store_path, year=2023).status == "draft"


# ------------------------------------------------------------ 5. Chinese everywhere

async def test_theme_picker_and_screenshot_speak_chinese(store_path, tmp_path):
    """The theme list's prompt is Chinese; a screenshot goes to the export folder (Textual's
    went to a Downloads folder that may not exist and said "Failed to save screenshot")."""
    from textual.command import CommandInput

    app = WorkbenchApp(store_path, export_folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder.startswith("搜索配色")
        await pilot.press("escape")
        await pilot.pause()
        app.action_screenshot()
        await pilot.pause()
        shots = list(tmp_path.glob("截图-*.svg"))
        assert len(shots) == 1 and "<svg" in shots[0].read_text(encoding="utf-8")
        assert any(f"已截图：{shots[0]}" in str(n.message) for n in app._notifications)


async def test_palette_in_chinese_finds_commands_by_chinese_name(store_path):
    from textual.command import CommandInput, CommandList

    from workbench.tui.palette import WorkbenchPalette
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.focused, OutlineTree)
        titles = [c.title for c in app.get_system_commands(screen)]
        for english in ("Keys", "Quit", "Screenshot", "Theme"):
            assert english not in titles
        for chinese in ("退出", "截图", "主题"):
            assert chinese in titles
        assert "按键一览" not in titles  # Textual's key panel is English: F1 (帮助) lists the keys
        for name in ("新增", "删除", "上移", "导出", "新增一节"):
            assert any(t.startswith(name + "（") for t in titles), name
        # nothing in English: a trial saw "Scroll Up（↑）" first, from the preview's scroll keys
        for where in ("#preview-scroll", "#targets", "#body"):
            screen.query_one(where).focus()
            await pilot.pause()
            titles = [c.title for c in app.get_system_commands(screen)]
            assert not [t for t in titles if t[:1].isascii() and t[:1].isalpha()], (where, titles)
        screen.query_one(OutlineTree).focus()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, WorkbenchPalette)
        assert palette.query_one(CommandInput).placeholder == "搜索命令…"
        await pilot.press(*"上移")
        await pilot.pause(0.8)
        prompts = [str(o.prompt) for o in palette.query_one(CommandList).options]
        assert any("上移" in p for p in prompts)
        await pilot.press("backspace", "backspace", *"zzz")
        await pilot.pause(1.0)
        prompts = [str(o.prompt) for o in palette.query_one(CommandList).options]
        assert any("没有匹配的命令" in p for p in prompts)


async def test_footer_fits_100_columns_and_tabs_say_what_they_count(store_path):
    from textual.widgets import Footer, TabbedContent
    from textual.widgets._footer import FooterKey

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        tabs = screen.query_one(TabbedContent)
        assert str(tabs.get_tab("checks").label) == "核对 错0 警6"
        assert str(tabs.get_tab("figures").label) == "指标 完成6 目标6"
        assert str(tabs.get_tab("sections").label).startswith("章节 3章")
        for key in ("f2", "f3", "f4"):
            await pilot.press(key)
            await pilot.pause()
            footer = screen.query_one(Footer)
            keys = list(footer.query(FooterKey))
            right = max(k.region.right for k in keys)
            assert right <= SIZE[0]
            shown = [k.key for k in keys if k.region.width and k.region.right <= SIZE[0]]
            assert "f1" in shown and "f5" in shown and "ctrl+p" in shown
        await pilot.press("f1")
        await pilot.pause()
        help_text = app.screen.query_one("#help-text").text
        assert "F2 指标" in help_text and "F6 对比上年" in help_text  # the rest is behind F1


# ------------------------------------------------------------ 2. last year beside this year

async def test_last_year_beside_the_editor_and_copy_a_paragraph(store_path):
    from textual.widgets import OptionList

    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, None)))  # 2024 plan, the chapter's own paragraphs
        await pilot.pause()
        tree.move_cursor(tree.node_for((1, None, 0)))
        await pilot.pause()
        body = screen.query_one(BodyArea)
        body.focus()
        await pilot.press("f9")  # from inside the editor: the focus stays there
        await settle(pilot, app)
        pane = screen.query_one("#last-year")
        assert pane.display and app.focused is body
        title = pane.query_one("#last-year-title").text
        assert title == "2023年：2023年工作安排"
        listing = pane.query_one(OptionList)
        prev = stored(store_path, year=2023).chapters[1].paragraphs
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert ids == [str(i) for i in range(len(prev))]
        # The cursor on 规上工业总产值 in the generated targets line shows last year's figure.
        tree.move_cursor(tree.node_for((1, None, 1)))
        await settle(pilot, app)
        text = body.text
        at = text.index("规上工业总产值")
        body.move_cursor((0, at + 2))
        await pilot.pause()
        figure = pane.query_one("#last-year-figure").text
        assert figure == "上年该指标：2023年目标 规上工业总产值147亿元，增长8%左右；2023年完成 规上工业总产值143.6亿元，增长5.5%"
        # Copy last year's first paragraph in after the one being edited: one key.
        tree.move_cursor(tree.node_for((1, None, 0)))
        await settle(pilot, app)
        n = len(screen.report.chapters[1].paragraphs)
        await pilot.press("ctrl+o")
        await settle(pilot, app)
        paras = screen.report.chapters[1].paragraphs
        assert len(paras) == n + 1
        assert paras[1].text == prev[0].text and screen.address == (1, None, 1)
        await pilot.press("f9")
        await pilot.pause()
        assert not pane.display


async def test_last_years_pane_follows_the_outline_key_by_key(store_path):
    """↓ through the outline with F9 open: at every node the pane shows that node's match (a
    trial saw it one step behind, so Ctrl+O could copy the wrong section)."""
    from workbench.comparing.lastyear import section_map_by_position
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        await pilot.press("f9")
        await settle(pilot, app)
        tree = screen.query_one(OutlineTree)
        tree.focus()
        pairs, by_position = section_map_by_position(screen.previous, screen.report)
        assert by_position  # the example rewrote sections under new titles: paired by place
        seen = set()
        for _ in range(40):
            await pilot.press("down")
            await pilot.pause()
            ci, si, _pi = screen.address
            title = screen.query_one("#last-year-title").text
            where = pairs.get((ci, si))
            if where is None:
                assert title == "上年报告中没有与此节对应的内容", (screen.address, title)
            else:
                ch = screen.previous.chapters[where[0]]
                name = ch.sections[where[1]].title if where[1] is not None else ch.title
                tail = "（标题不同，按顺序对应）" if (ci, si) in by_position else ""
                assert title.startswith("2023年：") and title.endswith(name + tail), (screen.address, title, name)
                seen.add(where)
        assert len(seen) >= 3  # it did meet matched sections on the way


# ------------------------------------------------------------ 6. Chinese line breaking

LONG = ("全年实现地区生产总值增长7.6%，批发零售业107.2亿元，增长7.2%；“百千万工程”扎实推进——"
        "新增规上企业9家（其中皮具企业4家），引进外资3000万美元以上，城镇登记失业率控制在3.2%以内。"
        "推动“皮具小镇”提档升级，完成投资25.6亿元，建成口袋公园12个、绿道8.5公里，"
        "帮扶就业1200人次，新增公办学位800个。") * 3


@pytest.mark.parametrize("size", [(100, 30), (140, 45), (83, 30)])
async def test_preview_breaks_lines_by_chinese_rules(store_path, size):
    from rich.cells import cell_len

    from workbench.util.textwrap_cjk import NO_LINE_END, NO_LINE_START
    from workbench.tui.widgets.cjktext import CJKText

    app = WorkbenchApp(store_path)
    async with app.run_test(size=size) as pilot:
        screen = await open_2024(pilot, app)
        screen.report.chapters[1].sections[0].paragraphs[0].text = LONG
        screen.refresh_preview()
        await pilot.press("f5")
        await settle(pilot, app)
        preview = screen.query_one("#preview-text", CJKText)
        width = preview.content_size.width
        assert 0 < width < size[0]
        lines = preview.plain_lines
        assert "".join(lines).count(LONG[:40]) == 3  # nothing lost or repeated
        for line in lines:
            assert cell_len(line) <= width, line
            if line:
                assert line[0] not in NO_LINE_START, line
                assert line[-1] not in NO_LINE_END, line
        joined = "\n".join(lines)
        for unit in ("107.2亿元", "3.2%", "3000万美元", "25.6亿元", "12个", "8.5公里", "800个", "1200人次"):
            assert joined.count(unit) == preview.text.count(unit) >= 3, unit  # never split by a break
        # What Textual draws is what was measured: each drawn row matches a wrapped line.
        rows = [strip.text.rstrip() for strip in preview.render_lines(preview.region.reset_offset)]
        assert [r for r in rows if r][:5] == [l.rstrip() for l in lines if l][:5]


# ------------------------------------------------------------ 9. list counts cached by save time

async def test_returning_to_the_list_rechecks_only_what_was_saved(store_path, monkeypatch):
    import workbench.checking.checks as checks_module  # the app imports it when it first counts
    import workbench.tui.screens.report.checks  # noqa: F401  (bound to the real check before the patch,
    # as in a whole run: the report screen's own checks are not what this test counts)

    checked: list[tuple[str, int]] = []
    real_check = checks_module.check

    def counting_check(report, previous=None):
        checked.append(report.ident)
        return real_check(report, previous)

    monkeypatch.setattr(checks_module, "check", counting_check)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        await settle(pilot, app)
        assert sorted(checked) == [("狮岭镇", 2023), ("狮岭镇", 2024)]
        home = app.screen
        assert home.counts[("狮岭镇", 2024)] == (0, 6)
        checked.clear()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("escape")  # nothing changed: no report is checked again
        await settle(pilot, app)
        assert app.screen is home and checked == []
        await pilot.press("down", "enter")  # 2023: change a target, which 2024 is checked against
        await settle(pilot, app)
        screen = app.screen
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=0, column=2)
        await pilot.press("enter")  # 2023 is 定稿: asked first
        await pilot.pause()
        app.screen.query_one("#choice-edit").press()
        await settle(pilot, app)
        assert screen.report.status == "draft"
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = "增长12%"
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert sorted(checked) == [("狮岭镇", 2023), ("狮岭镇", 2024)]
        assert home.counts[("狮岭镇", 2024)] != (0, 6)  # 2024's GDP result now misses 12%


async def test_a_phrase_committed_at_once_goes_into_one_field(store_path):
    """An IME sends a whole phrase as keys in one burst: they all land in the one dialog."""
    from workbench.tui.dialogs import PromptDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        table.move_cursor(row=2, column=0)
        await pilot.pause()
        phrase = "规上工业总产值160亿元，增长8%左右"
        for ch in phrase:  # queued before the dialog exists or has the focus
            table.post_message(events.Key(ch, ch))
        await settle(pilot, app)
        dialogs = [s for s in app.screen_stack if isinstance(s, PromptDialog)]
        assert len(dialogs) == 1
        assert app.screen.query_one("#prompt", Input).value == phrase
        await pilot.press("enter")
        await settle(pilot, app)
        assert cells(table, 2)[:2] == ["规上工业总产值", "160亿元"]


async def test_checks_break_lines_by_chinese_rules(store_path):
    from workbench.util.textwrap_cjk import NO_LINE_START
    from workbench.tui.widgets.checks import ChecksPanel

    app = WorkbenchApp(store_path)
    async with app.run_test(size=(60, 30)) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f4")
        await settle(pilot, app)
        panel = screen.query_one(ChecksPanel)
        prompts = [panel.get_option_at_index(i) for i in range(panel.option_count)]
        lines = [line for o in prompts if o.id is not None for line in str(o.prompt).split("\n")]
        assert len(lines) > len([o for o in prompts if o.id is not None])  # long messages wrapped
        for line in lines:
            assert line and line[0] not in NO_LINE_START, line


# ------------------------------------------------------------ 8. export asks where

async def test_export_makes_a_missing_folder_when_told(store_path, tmp_path):
    from workbench.tui.dialogs import ConfirmDialog

    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = str(tmp_path / "送审" / "第一稿")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
    assert (tmp_path / "送审" / "第一稿.docx").is_file()


async def test_export_shows_the_path_lets_it_change_and_asks_before_overwriting(store_path, tmp_path):
    from workbench.tui.dialogs import ConfirmDialog, PromptDialog

    app = WorkbenchApp(store_path)
    app.export_folder = tmp_path
    default = tmp_path / "狮岭镇2024年政府工作报告.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        field = app.screen.query_one("#prompt", Input)
        assert field.value == str(default)  # the path it will write, beside the store
        assert field.selected_text == str(default)  # selected: a path typed in replaces it
        await pilot.press("f1")
        await pilot.pause()
        assert "导出路径" in app.screen.query_one("#help-text").text  # F1 speaks of this field
        await pilot.press("escape")
        await pilot.pause()
        field.value = str(tmp_path / "新文件夹" / "稿.docx")  # a folder not made yet: offered
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "新建" in app.screen.question
        await pilot.press("escape")  # not made: nothing written, nothing made
        await settle(pilot, app)
        assert not (tmp_path / "新文件夹").exists()
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#prompt", Input)
        (tmp_path / "一个文件").write_text("x", encoding="utf-8")
        field.value = str(tmp_path / "一个文件" / "稿.docx")  # a file in the way: refused at the field
        await pilot.press("enter")
        await pilot.pause()
        assert "不能用作文件夹" in str(app.screen.query_one("#prompt-error").render())
        field.value = str(tmp_path / "征求意见稿")  # ".docx" is added
        await pilot.press("enter")
        await settle(pilot, app)
        chosen = tmp_path / "征求意见稿.docx"
        assert chosen.exists() and not default.exists()
        before = chosen.stat().st_mtime_ns
        await pilot.press("ctrl+e")  # the path is remembered, and now the file exists
        await pilot.pause()
        assert app.screen.query_one("#prompt", Input).value == str(chosen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "已存在" in app.screen.question
        await pilot.press("escape")
        await settle(pilot, app)
        assert chosen.stat().st_mtime_ns == before  # not overwritten


async def test_typing_in_the_outline_says_where_typing_goes(store_path):
    from workbench.tui.widgets.sections import OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        assert isinstance(app.focused, OutlineTree)
        before = screen.report.to_dict()
        await pilot.press(*"推动")
        await pilot.pause()
        assert any("Tab" in n.message and "编辑框" in n.message for n in app._notifications)
        assert screen.report.to_dict() == before


async def test_the_demo_says_it_is_temporary_in_its_title_and_when_quitting_with_changes(store_path):
    """`workbench demo` deletes its store on exit: the title says so on every screen, and the
    quit question after a change says that even 保留改动 keeps nothing past the exit."""
    import workbench.strings as S
    from workbench.tui.dialogs import ChoiceDialog

    app = WorkbenchApp(store_path, temporary=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert S.DEMO_TEMPORARY_TITLE in app.screen.title
        screen = await open_2024(pilot, app)
        assert S.DEMO_TEMPORARY_TITLE in screen.title
        await typed_into_a_cell(pilot, app, screen, "增长9.9%")
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        assert "临时示例" in str(app.screen.query_one(".question").render())
    plain = WorkbenchApp(store_path)
    async with plain.run_test(size=SIZE) as pilot:
        await settle(pilot, plain)
        assert S.DEMO_TEMPORARY_TITLE not in plain.screen.title


async def test_enter_on_a_paragraph_in_the_outline_goes_to_its_text(store_path):
    """Enter on a paragraph's node puts the cursor in its text (typing lands there); Enter on a
    chapter still folds or opens it."""
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f3")
        tree = app.focused
        assert isinstance(tree, OutlineTree)
        for _ in range(6):  # to the first chapter that holds something
            node = tree.cursor_node
            if node.data is not None and node.data[2] is None and node.children:
                break
            await pilot.press("down")
            await pilot.pause()
        chapter = tree.cursor_node
        assert chapter.data[2] is None and chapter.is_expanded
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is tree and not chapter.is_expanded
        await pilot.press("enter")
        await pilot.pause()
        while tree.cursor_node.data is None or tree.cursor_node.data[2] is None:
            await pilot.press("down")
            await pilot.pause()
        addr = tree.cursor_node.data
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.focused, BodyArea) and screen.address == addr
        await pilot.press(*"新增一句")
        await settle(pilot, app)
        from workbench.drafting import editing as E
        assert "新增一句" in E.get_paragraph(screen.report, addr).text
