"""What the drafter typed survives and agrees (issue 23): every edit stored within half a second
and on a hangup or a kill, quitting that offers what it says, no clause silently replacing
another indicator's row, and a roll-over that knows the Five-Year-Plan calendar."""

from __future__ import annotations

import os
import signal

import pytest

from workbench.drafting import editing as E
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ChoiceDialog
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import new_from_list, open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (120, 40)
PARA = (1, 0, 0)


async def body_of(pilot, screen, addr=PARA) -> BodyArea:
    screen.action_tab("sections")
    tree = screen.query_one(OutlineTree)
    tree.move_cursor(tree.node_for(addr))
    await pilot.pause()
    await pilot.pause()
    assert screen.address == addr
    body = screen.query_one(BodyArea)
    body.focus()
    body.move_cursor(body.document.end)
    return body


def stored_text(path, addr=PARA) -> str:
    return E.get_paragraph(stored(path), addr).text


# ------------------------------------------------------------ 1. nothing typed is lost


async def test_an_edit_is_stored_within_half_a_second_of_the_last_key(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"新增车间")
        await pilot.pause(0.45)
        await settle(pilot, app)  # the save started by then finishes on its thread
        assert stored_text(store_path).endswith("新增车间")
        assert not screen.dirty


@pytest.mark.parametrize("name", ["SIGHUP", "SIGTERM"])
async def test_a_closed_window_or_a_kill_saves_the_last_typing(store_path, name):
    """The terminal closing sends SIGHUP (a kill SIGTERM): Python's default would end the
    process before the autosave; the app saves first, then leaves."""
    number = getattr(signal, name)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"关窗前")
        assert screen.dirty
        if signal.getsignal(number) in (signal.SIG_DFL, signal.SIG_IGN, None):
            pytest.fail(f"{name} is not caught: the process would end with the edit unsaved")
        os.kill(os.getpid(), number)
        await pilot.pause(0.05)
        await pilot.pause()
    assert stored_text(store_path).endswith("关窗前")
    assert app.return_code == 128 + number
    assert signal.getsignal(number) == signal.SIG_DFL  # given back when the app is gone


async def test_quit_after_the_autosave_asks_and_undo_restores_the_report_as_opened(store_path):
    """The autosave already wrote the edit: "撤销本次打开以来的修改" must still put the report back
    as it was at open (before, Ctrl+Q quit without asking and the edit stayed)."""
    at_open = stored(store_path).to_dict()
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"改了又悔")
        await pilot.pause(0.5)
        await settle(pilot, app)
        assert not screen.dirty and stored_text(store_path).endswith("改了又悔")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog), "quit without offering to undo the session's edits"
        question = str(app.screen.query_one(".question").render())
        assert "已自动保存" in question
        assert "撤销本次打开以来的修改" in str(app.screen.query_one("#choice-discard").label)
        app.screen.query_one("#choice-discard").press()
        await settle(pilot, app)
    assert not app.is_running
    after = stored(store_path).to_dict()
    assert after == at_open


async def test_quit_keeping_the_changes_leaves_them_stored(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await body_of(pilot, screen)
        await pilot.press(*"留着")
        await pilot.pause(0.5)
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # 保留改动并退出 has the focus
        await settle(pilot, app)
    assert not app.is_running
    assert stored_text(store_path).endswith("留着")


async def test_quit_without_changes_does_not_ask(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_2024(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
    assert not app.is_running


# ------------------------------------------------------------ 2. no silent overwrite

JOBS = "城镇新增就业70万人以上"


async def typed_on_row(pilot, app, screen, row: int, text: str, column: int = 1):
    """`text` typed into a targets cell (Enter on it, the field filled, Enter)."""
    from textual.widgets import Input

    from workbench.tui.dialogs import PromptDialog
    from workbench.tui.widgets.figures import FiguresTable

    table = screen.query_one("#targets", FiguresTable)
    table.focus()
    table.move_cursor(row=row, column=column)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, PromptDialog)
    app.screen.query_one("#prompt", Input).value = text
    await pilot.press("enter")
    await settle(pilot, app)


def target_names(report) -> list[str]:
    return [f.name for f in report.targets]


async def test_a_clause_naming_another_indicator_asks_and_cancel_changes_nothing(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = target_names(screen.report)
        await typed_on_row(pilot, app, screen, 2, JOBS)
        assert isinstance(app.screen, ChoiceDialog), "the 规上工业总产值 row was replaced unasked"
        question = str(app.screen.query_one(".question").render())
        assert "城镇新增就业" in question and "规上工业总产值" in question
        await pilot.press("enter")  # 取消 has the focus: the safe answer
        await settle(pilot, app)
        assert target_names(screen.report) == before


async def test_a_clause_naming_another_indicator_can_add_a_row(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = target_names(screen.report)
        await typed_on_row(pilot, app, screen, 2, JOBS)
        app.screen.query_one("#choice-add").press()
        await settle(pilot, app)
        names = target_names(screen.report)
        assert names == before[:3] + ["城镇新增就业"] + before[3:]
        assert screen.report.targets[3].value == 70


async def test_a_clause_naming_another_indicator_can_replace_the_row(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = target_names(screen.report)
        await typed_on_row(pilot, app, screen, 2, JOBS)
        app.screen.query_one("#choice-here").press()
        await settle(pilot, app)
        assert target_names(screen.report) == before[:2] + ["城镇新增就业"] + before[3:]


async def test_a_clause_for_an_indicator_already_in_the_table_never_makes_a_second_row(store_path):
    """On the 规上工业总产值 row, a clause of 地区生产总值 (row 1): the choice is to update row
    1 or cancel; the table keeps one row per indicator either way."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = target_names(screen.report)
        await typed_on_row(pilot, app, screen, 2, "地区生产总值增长5.5%左右")
        assert isinstance(app.screen, ChoiceDialog)
        assert not app.screen.query("#choice-here")  # replacing would hold 地区生产总值 twice
        app.screen.query_one("#choice-add").press()
        await settle(pilot, app)
        assert target_names(screen.report) == before
        assert screen.report.targets[0].growth_pct == 5.5
        assert screen.report.targets[2].name == "规上工业总产值"


async def test_adding_a_row_for_an_indicator_already_there_updates_that_row(store_path):
    from textual.widgets import Input

    from workbench.tui.widgets.figures import FiguresTable

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = target_names(screen.report)
        table = screen.query_one("#targets", FiguresTable)
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = "规上工业总产值160亿元，增长8%左右"
        await pilot.press("enter")
        await settle(pilot, app)
        assert target_names(screen.report) == before
        assert screen.report.targets[2].value == 160
        assert any("没有再加一行" in str(n.message) for n in app._notifications)


async def test_renaming_a_row_to_a_name_another_row_has_is_refused(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        before = [f.to_dict() if hasattr(f, "to_dict") else repr(f) for f in screen.report.targets]
        await typed_on_row(pilot, app, screen, 2, "地区生产总值", column=0)
        from workbench.tui.dialogs import PromptDialog

        assert isinstance(app.screen, PromptDialog)  # refused in the field, with the reason
        assert "同一指标不能占两行" in str(app.screen.query_one("#prompt-error").render())
        await pilot.press("escape")
        await settle(pilot, app)
        after = [f.to_dict() if hasattr(f, "to_dict") else repr(f) for f in screen.report.targets]
        assert after == before


def test_a_pasted_sentence_lists_every_clause_it_could_not_read():
    from workbench.drafting.clause import sentence_figures

    unread: list[str] = []
    figs = sentence_figures("今年主要预期目标是：地区生产总值增长6%左右；外贸进出口保稳提质；粮食生产稳中有增；"
                            "城镇新增就业1200人以上；单位地区生产总值二氧化碳排放进一步下降。", unread)
    # Targets stated in words are rows of their own (see test_agrees.py); what is read as no
    # figure at all is listed, one naming a read indicator's name inside it included.
    assert [f.name for f in figs] == ["地区生产总值", "外贸进出口", "城镇新增就业"]
    assert unread == ["粮食生产稳中有增", "单位地区生产总值二氧化碳排放进一步下降"]


async def test_v_shows_the_clauses_it_could_not_read(store_path):
    from textual.widgets import Input

    from workbench.tui.dialogs import SentenceDialog
    from workbench.tui.widgets.figures import FiguresTable

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.query_one("#targets", FiguresTable).focus()
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#prompt", Input).value = ("主要目标是：地区生产总值增长6%左右，"
                                                        "粮食生产稳中有增；城镇新增就业1200人以上。")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SentenceDialog)
        shown = str(app.screen.query_one("#sentence-unread").render())
        assert "粮食生产稳中有增" in shown


# ------------------------------------------------------------ 4. roll-over that knows the calendar


def _plan_report(year: int, opening: str):
    """The 2024 example moved to `year`, its plan chapter opening with `opening`."""
    import json
    from pathlib import Path

    from workbench.document.model import Report

    data = json.loads((Path(__file__).parent.parent / "examples" / "shiling-2024.json").read_text(encoding="utf-8"))
    r = Report.from_dict(data)
    r.year = year
    r.meta.meeting = r.meta.meeting.replace("2024", str(year))
    r.meta.date = r.meta.date.replace("2024", str(year))
    r.chapters[0].title = f"{year - 1}年工作回顾"
    r.chapters[1].title = f"{year}年工作安排"
    r.chapters[1].paragraphs[0].text = opening
    return r


def test_roll_over_keeps_a_sentence_that_would_turn_false_and_asks_for_a_rewrite():
    from workbench.drafting.rollover import roll_over

    opening = ("2025年是“十四五”规划收官之年，全镇上下要凝心聚力。为圆满收官“十四五”，今年要抓好三件事。"
               "2025年要抓实项目建设。")
    draft = roll_over(_plan_report(2025, opening), 2026)
    text = draft.chapters[1].paragraphs[0].text
    assert "2026年是“十四五”" not in text  # never advanced into a false sentence
    assert text.startswith("2025年是“十四五”规划收官之年")
    assert "为圆满收官“十四五”" in text
    assert "2026年要抓实项目建设" in text  # a plain year reference still moves on
    assert "请改写" in draft.note and "收官之年" in draft.note and "为圆满收官" in draft.note


def test_roll_over_within_a_plan_moves_the_year_and_asks_to_reread():
    from workbench.drafting.rollover import roll_over

    draft = roll_over(_plan_report(2023, "2023年是实施“十四五”规划承上启下的关键一年。"), 2024)
    assert draft.chapters[1].paragraphs[0].text == "2024年是实施“十四五”规划承上启下的关键一年。"
    assert "请核对说法" in draft.note and "2024年是实施" in draft.note


def _w409(report) -> list[str]:
    from workbench.checking.checks import check

    return [f.message for f in check(report) if f.code == "W409"]


@pytest.mark.parametrize("sentence", [
    "2026年是“十四五”规划收官之年。",
    "今年是“十四五”规划收官之年，也是谋划长远的关键一年。",
    "为圆满收官“十四五”，全年要抓好以下工作。",
    "要深入实施“十四五”规划确定的重大工程。",
])
def test_w409_flags_the_14th_plan_as_current_in_a_2026_plan(sentence):
    found = _w409(_plan_report(2026, sentence))
    assert found and "十五五" in found[0]


@pytest.mark.parametrize("year, sentence", [
    (2025, "今年是“十五五”规划开局之年。"),
    (2024, "要全面落实“十五五”规划确定的目标任务。"),
])
def test_w409_flags_the_15th_plan_as_current_in_2025_or_earlier(year, sentence):
    found = _w409(_plan_report(year, sentence))
    assert found and "还未开始" in found[0]


@pytest.mark.parametrize("year, sentence", [
    (2025, "今年是“十四五”规划收官之年，也是“十五五”规划谋篇之年。"),
    (2025, "高质量编制“十五五”规划，为“十五五”良好开局打好基础。"),
    (2026, "今年是“十五五”开局之年，要实施好“十五五”规划。"),
    (2024, "今年是实施“十四五”规划的关键一年。"),
    (2023, "今年是全面贯彻党的二十大精神的开局之年。"),
])
def test_w409_leaves_sentences_that_fit_the_calendar(year, sentence):
    assert _w409(_plan_report(year, sentence)) == []


def test_w409_lets_a_review_look_back_on_the_finished_plan():
    r = _plan_report(2026, "今年是“十五五”开局之年。")
    r.chapters[0].paragraphs[0].text = "“十四五”规划圆满收官，为“十五五”开局奠定了坚实基础。"
    assert _w409(r) == []


async def test_the_roll_over_to_do_list_stays_in_the_checks_until_marked_done(store_path):
    """A new year's draft lists what to review in F4 (R602), not only in a toast; d marks one done."""
    from workbench.tui.widgets.checks import ChecksPanel

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await new_from_list(pilot, app)
        screen = app.screen
        assert screen.report.year == 2025
        await pilot.press("f4")
        await pilot.pause(0.6)
        await settle(pilot, app)
        todos = [f for f in screen.findings if f.code == "R602"]
        assert len(todos) >= 3 and any("会议日期" in f.message for f in todos)
        panel = screen.query_one(ChecksPanel)
        panel.focus()
        panel.highlighted = panel.get_option_index(str(screen.findings.index(todos[0])))
        await pilot.press("d")
        await pilot.pause(0.6)
        await settle(pilot, app)
        left = [f for f in screen.findings if f.code == "R602"]
        assert len(left) == len(todos) - 1 and todos[0].message not in [f.message for f in left]
    assert todos[0].where["todo"] not in stored(store_path, year=2025).note


# ------------------------------------------------------------ 5. paste of several paragraphs

TWO = "——推进重点项目建设。\n——办好民生实事。"


async def _paste_two(pilot, app, screen):
    from textual import events

    body = await body_of(pilot, screen)
    body.move_cursor((0, 0))
    before = E.get_paragraph(screen.report, PARA).text
    body.post_message(events.Paste(TWO))
    await settle(pilot, app)
    assert isinstance(app.screen, ChoiceDialog), "several paragraphs pasted as one, raw newlines and all"
    return before


async def test_pasting_two_paragraphs_can_make_two_paragraphs(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        n = len(E.paragraph_list(screen.report, 1, 0))
        before = await _paste_two(pilot, app, screen)
        await pilot.press("enter")  # 分成 2 段 has the focus
        await settle(pilot, app)
        paras = E.paragraph_list(screen.report, 1, 0)
        assert len(paras) == n + 1
        assert paras[0].text == "——推进重点项目建设。"
        assert paras[1].text == "——办好民生实事。" + before  # the text after the cursor follows
        assert not any("\n" in p.text for p in paras)


async def test_pasting_two_paragraphs_can_join_them_into_this_one(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        n = len(E.paragraph_list(screen.report, 1, 0))
        before = await _paste_two(pilot, app, screen)
        app.screen.query_one("#choice-join").press()
        await settle(pilot, app)
        assert len(E.paragraph_list(screen.report, 1, 0)) == n
        assert E.get_paragraph(screen.report, PARA).text == "——推进重点项目建设。——办好民生实事。" + before


def test_insert_paragraphs_splits_at_the_point():
    from workbench.document.model import Paragraph, Report, Chapter

    r = Report(place="甲镇", year=2026, chapters=[Chapter(title="安排", paragraphs=[Paragraph(text="前后")])])
    last = E.insert_paragraphs(r, (0, None, 0), "前", E.pasted_paragraphs("一\r\n\r\n二\n三"), "后")
    assert [p.text for p in r.chapters[0].paragraphs] == ["前一", "二", "三后"] and last == (0, None, 2)


# ------------------------------------------------------------ 3. the title block is the document's


async def test_a_new_date_in_f7_reaches_the_meeting_line_and_the_store(store_path):
    from textual.widgets import Input

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("f7")
        await pilot.pause()
        app.screen.query_one("#meta-date", Input).value = "2024年1月20日"
        app.screen.query_one("#meta-speaker", Input).value = "狮岭镇代理镇长 某某"
        app.screen.query_one("#meta-date", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
        assert screen.report.meta.meeting == "——2024年1月20日在狮岭镇第十七届人民代表大会第四次会议上"
    assert "1月20日" in stored(store_path).meta.meeting


def test_w408_notices_a_meeting_line_that_disagrees_with_the_date():
    r = _plan_report(2026, "今年是“十五五”开局之年。")
    r.meta.meeting = "——2026年1月14日在狮岭镇第十八届人民代表大会第二次会议上"
    r.meta.date = "2026年1月20日"
    from workbench.checking.checks import check

    found = [f for f in check(r) if f.code == "W408" and "不一致" in f.message]
    assert found and found[0].where == {"meta": "meeting"}
