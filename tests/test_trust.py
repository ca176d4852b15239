"""What the drafter typed is what the draft says (issue 12): generated text, read-only,
nothing lost on quit or conflict, a new year's draft, the recycle bin."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from textual import events

from workbench.drafting import editing as E
from workbench.storage.atomic import write_atomic
from workbench.checking.checks import check
from workbench.cli.commands import main
from workbench.writing.export import export_report
from workbench.document.model import Report
from workbench.document.phrasing import GENERATED_TARGETS, printed, targets_sentence
from workbench.writing.plain import render_text
from workbench.document.meeting import session_number
from workbench.drafting.rollover import roll_over
from workbench.storage.errors import StoreConflict
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ChoiceDialog
from workbench.tui.screens.home import HomeScreen
from workbench.tui.screens.report.screen import ReportScreen
from workbench.tui.widgets.sections import BodyArea, LeadInput, OutlineTree

from tuitools import new_from_list, open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SIZE = (120, 40)
TARGETS_ADDR = (1, None, 1)  # the 2024 example's targets paragraph
APPENDED = "在实际工作中力争更好结果。"


async def select(pilot, screen: ReportScreen, addr):
    screen.action_tab("sections")
    tree = screen.query_one(OutlineTree)
    node = tree.node_for(addr)
    tree.move_cursor(node)
    await pilot.pause()
    await pilot.pause()
    assert screen.address == addr


def docx_text(path: Path) -> str:
    # less Word's no-width non breaks, which keep names and figures on one line
    return "\n".join(p.text for p in Document(str(path)).paragraphs).replace("\u200d", "")


def cli_show(db: Path, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "show", "狮岭镇", "2024", *args],
                         capture_output=True, text=True, encoding="utf-8",
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert out.returncode == 0, out.stderr
    return out.stdout


# ------------------------------------------------------------ 1. generated text


def test_generated_paragraph_prints_from_the_table_everywhere(r2024, tmp_path):
    para = E.get_paragraph(r2024, TARGETS_ADDR)
    assert para.generated == GENERATED_TARGETS
    E.set_figure_cell(r2024, E.TARGETS, 0, E.GROWTH, "增长6.5%左右")
    sentence = targets_sentence(r2024)
    assert "地区生产总值增长6.5%左右" in sentence
    assert printed(r2024, para) == (None, sentence)
    assert sentence in render_text(r2024)
    out = export_report(r2024, tmp_path / "a.docx")
    assert sentence in docx_text(out)
    with Store(tmp_path / "s.json") as s:
        s.put(r2024)
        assert s.get("狮岭镇", 2024).chapters[1].paragraphs[1].text == sentence


def test_free_targets_text_prints_verbatim_and_is_checked(r2024, tmp_path):
    """A drafter's own targets paragraph is the record: printed as typed, checked by W401."""
    assert E.toggle_generated(r2024, TARGETS_ADDR) is False
    para = E.get_paragraph(r2024, TARGETS_ADDR)
    old_text = para.text.replace("25亿元", "24亿元")  # last year's figure left in the text
    para.text = old_text + APPENDED
    assert "　　" + old_text + APPENDED in render_text(r2024)
    assert old_text + APPENDED in docx_text(export_report(r2024, tmp_path / "b.docx"))
    assert any(f.code == "W401" and "24亿元" in f.message for f in check(r2024))
    with pytest.raises(E.EditError):
        E.toggle_generated(r2024, (1, 0, 0))  # an ordinary bullet cannot become generated
    assert E.toggle_generated(r2024, TARGETS_ADDR) is True
    assert para.text == targets_sentence(r2024)


async def test_sentence_cannot_be_typed_into_generated_paragraph(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, TARGETS_ADDR)
        body = screen.query_one(BodyArea)
        assert body.read_only and "自动生成" in str(screen.query_one("#editor-label").render())
        assert screen.query_one(LeadInput).disabled
        body.focus()
        await pilot.press("end", *APPENDED[:4])
        app.post_message(events.Paste(APPENDED))
        await settle(pilot, app)
        assert APPENDED[:4] not in body.text and APPENDED not in body.text
        assert E.get_paragraph(screen.report, TARGETS_ADDR).text == targets_sentence(screen.report)
        assert not screen.dirty
        assert any("不能直接输入" in str(n.message) for n in app._notifications)
        node = screen.query_one(OutlineTree).node_for(TARGETS_ADDR)
        assert str(node.label).startswith("〔自动〕")


async def test_appended_sentence_after_ctrl_g_reaches_preview_show_and_docx(store_path, tmp_path):
    app = WorkbenchApp(store_path, export_folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, TARGETS_ADDR)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        body = screen.query_one(BodyArea)
        assert not body.read_only
        body.focus()
        body.move_cursor(body.document.end)
        await pilot.press(*APPENDED[:4])
        app.post_message(events.Paste(APPENDED[4:]))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        text = E.get_paragraph(screen.report, TARGETS_ADDR).text
        assert text.endswith(APPENDED)
        screen.refresh_preview()
        preview = str(screen.query_one("#preview-text").render())
        assert text in preview
        assert "〔自动〕附件：2023年主要预期目标完成情况" in preview  # what Ctrl+E adds is named
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await settle(pilot, app)
        out = tmp_path / "狮岭镇2024年政府工作报告.docx"
    assert stored(store_path).chapters[1].paragraphs[1].text == text
    assert stored(store_path).chapters[1].paragraphs[1].generated is None
    assert text in cli_show(store_path)
    assert text in docx_text(out)


async def test_generated_paragraph_follows_a_target_edit(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, TARGETS_ADDR)
        screen.action_tab("figures")
        table = screen.query_one("#targets")
        table.focus()
        table.move_cursor(row=1, column=1)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt").value = "26亿元"
        await pilot.press("enter")
        await settle(pilot, app)
        assert "固定资产投资总额26亿元" in screen.query_one(BodyArea).text
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert "固定资产投资总额26亿元" in stored(store_path).chapters[1].paragraphs[1].text


# ------------------------------------------------------------ 2. read-only


async def test_second_app_cannot_change_anything_and_says_so(store_path):
    holder = Store(store_path)
    before = store_path.read_bytes()
    try:
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            assert "只读：" in screen.title and "正在编辑" in screen.title
            assert "只读：" in str(screen.query_one("#save-state").render())
            messages = [str(n.message) for n in app._notifications]
            assert not any("请先关闭它再试" in m for m in messages)  # one message, not two
            table = screen.query_one("#targets")
            table.focus()
            await pilot.press("enter")  # refused at once: no edit dialog opens
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("a", "delete", "ctrl+down", "f7", "ctrl+z")
            await pilot.pause()
            assert app.screen is screen
            await select(pilot, screen, (1, 0, 0))
            body = screen.query_one(BodyArea)
            assert body.read_only and screen.query_one(LeadInput).disabled
            body.focus()
            await pilot.press("x", "y", "enter", "backspace")
            await pilot.press("ctrl+n", "ctrl+t", "ctrl+l", "ctrl+g")
            await settle(pilot, app)
            assert app.screen is screen and not screen.dirty
            assert screen.report.to_dict() == stored(store_path).to_dict()
            assert any("不能修改" in str(n.message) for n in app._notifications)
            await pilot.press("ctrl+q")  # nothing unsaved: quits without asking
            await settle(pilot, app)
        assert app.return_code in (0, None)
    finally:
        holder.close()
    assert store_path.read_bytes() == before


async def test_retry_takes_the_lock_once_released(store_path):
    holder = Store(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.readonly and any("仍被占用" in str(n.message) for n in app._notifications)
        holder.close()
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert not app.readonly and not screen.readonly and "只读" not in screen.title
        await select(pilot, screen, (1, 0, 0))
        assert not screen.query_one(BodyArea).read_only
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert len(stored(store_path).chapters[1].sections[0].paragraphs) == 3


async def test_taking_the_lock_keeps_the_paragraph_in_the_editor_and_typing_lands(store_path):
    """A trial: Ctrl+R said 已获得写权限 but emptied the editor, and what was typed next went
    nowhere. The paragraph on screen stays selected and editable."""
    holder = Store(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, (1, 0, 0))
        holder.close()
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert not screen.readonly and screen.address == (1, 0, 0)
        body = screen.query_one(BodyArea)
        assert body.text == E.get_paragraph(screen.report, (1, 0, 0)).text and not body.read_only
        body.focus()
        await pilot.press(*"接手")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert "接手" in stored(store_path).chapters[1].sections[0].paragraphs[0].text


# ------------------------------------------------------------ 3. nothing lost


async def test_quit_with_unsaved_edit_asks_and_cancel_keeps_it(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, (1, 0, 0))
        screen.query_one(BodyArea).focus()
        await pilot.press("Q")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # cancel
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # 保存并退出 has the focus
        await settle(pilot, app)
    assert "Q" in stored(store_path).chapters[1].sections[0].paragraphs[0].text


async def test_quit_discard_drops_edit_only_when_asked(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, (1, 0, 0))
        screen.query_one(BodyArea).focus()
        await pilot.press("Q", "ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await settle(pilot, app)
    assert "Q" not in stored(store_path).chapters[1].sections[0].paragraphs[0].text


async def test_refused_save_keeps_the_edit_and_quit_says_so(store_path, monkeypatch):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)

        def full(*a, **k):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(app.store, "put", full)
        await select(pilot, screen, (1, 0, 0))
        screen.query_one(BodyArea).focus()
        await pilot.press("Q", "ctrl+s")
        await settle(pilot, app)
        assert screen.dirty and screen.save_error
        await pilot.press("escape")  # leaving would lose it: asks
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        assert "保存失败" in str(app.screen.query_one("#choice-question").render())
        await pilot.press("escape")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # save fails again: the app stays, the edit stays
        await settle(pilot, app)
        assert app.is_running and "Q" in E.get_paragraph(screen.report, (1, 0, 0)).text
        monkeypatch.undo()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, app)
    assert "Q" in stored(store_path).chapters[1].sections[0].paragraphs[0].text


def _write_behind_the_lock(path: Path, note: str) -> None:
    """Another program changing the store file (a CLI import on another machine, a copy)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["reports"].values():
        if doc["year"] == 2024:
            doc["note"] = note
    write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8"), keep_backup=True)


async def test_change_on_disk_reloads_a_clean_editor(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        _write_behind_the_lock(store_path, "外部修改")
        app.poll_disk()
        await settle(pilot, app)
        assert screen.report.note == "外部修改"
        assert any("已重新载入" in str(n.message) for n in app._notifications)


async def test_change_on_disk_with_unsaved_edit_asks_and_never_overwrites(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, (1, 0, 0))
        screen.query_one(BodyArea).focus()
        await pilot.press("Q")
        _write_behind_the_lock(store_path, "外部修改")
        app.poll_disk()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert stored(store_path).note == "外部修改"  # not overwritten while asking
        await pilot.click("#choice-theirs")
        await settle(pilot, app)
        assert screen.report.note == "外部修改" and not screen.dirty
    assert stored(store_path).note == "外部修改"


@pytest.mark.parametrize("answer", ["mine", "theirs"])
async def test_conflict_answered_after_the_report_closed_still_decides(store_path, answer, monkeypatch):
    """A save that met a change on disk may ask after its screen has already closed (the
    autosave thread reports late): the answer still decides, and nothing crashes."""
    # The typed "Q" must reach the store only through the answer (on a slow machine the 0.3 s
    # autosave came first, and "theirs" then rightly kept it).
    monkeypatch.setattr("workbench.tui.screens.report.saving.AUTOSAVE_DELAY", 60.0)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await select(pilot, screen, (1, 0, 0))
        screen.query_one(BodyArea).focus()
        await pilot.press("Q")
        screen.discarded = True  # leave without the exit save, as if it had failed
        app.pop_screen()
        await settle(pilot, app)
        assert screen not in app.screen_stack
        _write_behind_the_lock(store_path, "外部修改")
        screen.ask_conflict()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click(f"#choice-{answer}")
        await settle(pilot, app)
        assert app.is_running
        kept = stored(store_path)
        typed = "Q" in "".join(p.full_text for *_, p in kept.paragraphs())
        if answer == "mine":
            assert kept.note != "外部修改" and typed
        else:
            assert kept.note == "外部修改" and not typed


def test_put_refuses_to_overwrite_a_report_changed_since_read(store_path):
    with Store(store_path) as s:
        base = s.get_doc("狮岭镇", 2024)
        mine = s.get("狮岭镇", 2024)
        theirs = s.get("狮岭镇", 2024)
        theirs.note = "别人的"
        s.put(theirs)
        mine.note = "我的"
        with pytest.raises(StoreConflict):
            s.put(mine, expect=base)
        assert s.get("狮岭镇", 2024).note == "别人的"


# ------------------------------------------------------------ 4. a new year's draft


def test_rolled_draft_has_next_session_and_no_last_years_this_year(r2024):
    draft = roll_over(r2024, 2025)
    assert "第五次会议" in draft.meta.meeting and "2025年" in draft.meta.meeting
    assert session_number(draft.meta.meeting) == 5
    assert draft.meta.date.startswith("2025年")
    plan = draft.chapters[1]
    assert plan.title == "2025年工作安排"
    plan_text = "".join(p.full_text for p in plan.paragraphs) + "".join(
        p.full_text for s in plan.sections for p in s.paragraphs)
    assert "2024年是" not in plan_text and "2025年是" in plan_text
    assert "会议日期" in draft.note and "届" in draft.note  # what it cannot decide is marked
    # the table starts as last year's targets: a to-do item (R602 in F4) until the drafter marks it
    from workbench.checking.rounds import todo_findings

    assert any("目标表沿用2024年报告的6项目标" in f.message for f in todo_findings(draft.note))
    assert plan.paragraphs[1].generated == GENERATED_TARGETS
    assert not [f for f in check(draft, r2024) if f.code == "W408"]


def test_w408_flags_each_carried_over_year_reference(r2024):
    carried = Report.from_dict(r2024.to_dict())
    carried.year = 2025
    carried.chapters[0].title = "2024年工作回顾"
    carried.chapters[1].title = "2025年工作安排"
    found = [f for f in check(carried, r2024) if f.code == "W408"]
    messages = " ".join(f.message for f in found)
    assert "第4次" in messages  # session equal to last year's
    assert "2024年1月12日" in messages  # a date in the wrong year
    assert "把2024年当作当年" in messages  # "2024年是…关键一年" in the 2025 plan
    assert {f.where.get("meta") for f in found} >= {"meeting", "date"}


def test_new_from_cli_prints_what_to_review(store_path, capsys):
    assert main(["--db", str(store_path), "new", "狮岭镇", "2025", "--from", "2024"]) == 0
    out = capsys.readouterr().out
    assert "待核对" in out and "届" in out
    assert "第五次会议" in stored(store_path, year=2025).meta.meeting
    # `check` lists the same to-do items F4 does (R602), not "提示 0 项"
    capsys.readouterr()
    main(["--db", str(store_path), "check", "狮岭镇", "2025"])
    checked = capsys.readouterr().out
    assert "R602" in checked and "提示 0 项" not in checked


async def test_tui_new_rolls_over_and_says_what_to_review(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await new_from_list(pilot, app)
        assert isinstance(app.screen, ReportScreen) and app.screen.report.year == 2025
        assert "第五次会议" in app.screen.report.meta.meeting
        assert any("待核对" in str(n.message) and "届" in str(n.message) for n in app._notifications)


# ------------------------------------------------------------ 7. recycle bin


def test_delete_goes_to_the_recycle_bin_and_restore_brings_it_back(store_path, capsys):
    with Store(store_path) as s:
        before = s.get("狮岭镇", 2023).to_dict()
        assert s.delete("狮岭镇", 2023)
        assert not s.exists("狮岭镇", 2023)
        assert [(r["place"], r["year"]) for r in s.trash()] == [("狮岭镇", 2023)]
    assert main(["--db", str(store_path), "trash"]) == 0
    assert "2023" in capsys.readouterr().out
    assert main(["--db", str(store_path), "restore", "狮岭镇", "2023"]) == 0
    assert "已从回收站恢复" in capsys.readouterr().out
    assert stored(store_path, year=2023).to_dict() == before
    assert main(["--db", str(store_path), "restore", "狮岭镇", "2023"]) == 2
    assert "回收站中没有" in capsys.readouterr().err


def test_restore_never_overwrites_and_empty_is_final(store_path, capsys):
    with Store(store_path) as s:
        s.delete("狮岭镇", 2023)
        s.put(Report(place="狮岭镇", year=2023))
    assert main(["--db", str(store_path), "restore", "狮岭镇", "2023"]) == 2
    assert "已有" in capsys.readouterr().err
    assert main(["--db", str(store_path), "trash", "--empty", "--yes"]) == 0
    with Store(store_path, readonly=True) as s:
        assert s.trash() == [] and s.get("狮岭镇", 2023).chapters == []


async def test_home_delete_names_the_report_and_enter_alone_keeps_it(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("delete")
        await pilot.pause()
        question = str(app.screen.query_one("#choice-question").render())
        assert "狮岭镇 2024" in question and "回收站" in question
        await pilot.press("enter")
        await settle(pilot, app)
        assert stored(store_path) is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#choice-trash")
        await settle(pilot, app)
        assert stored(store_path) is None
        await pilot.press("b")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
    assert stored(store_path) is not None


async def test_fast_keys_never_write_one_selections_text_into_another(store_path):
    """Keys queued faster than the editor follows the tree: a value loaded for the chapter
    title must never land in the paragraph selected next (found while trying it in tmux)."""
    import asyncio

    from test_monkey import _send

    for delay in (0.0, 0.002, 0.004, 0.006):
        app = WorkbenchApp(store_path)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_2024(pilot, app)
            before = screen.report.to_dict()
            for key in ("f3", "down", "down", "tab"):
                _send(app, key)
                await asyncio.sleep(delay)
            await pilot.pause(0.3)
            assert screen.report.to_dict() == before
            assert not screen.dirty
            assert all(p.lead != "2023年工作回顾" for *_, p in screen.report.paragraphs())


def test_unknown_generated_kind_prints_the_stored_text(r2024, tmp_path):
    """A document from a newer version with a generator this one lacks loses nothing."""
    para = r2024.chapters[1].sections[0].paragraphs[0]
    para.generated = "review"
    assert printed(r2024, para) == (para.lead, para.text)
    assert (para.lead or "") + para.text in render_text(r2024)
    assert para.text in docx_text(export_report(r2024, tmp_path / "u.docx"))


async def test_read_only_viewer_follows_the_writers_saves(store_path):
    holder = Store(store_path)
    try:
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            report = holder.get("狮岭镇", 2024)
            report.note = "写入方刚保存"
            holder.put(report)
            app.poll_disk()
            await settle(pilot, app)
            assert screen.report.note == "写入方刚保存" and screen.readonly
    finally:
        holder.close()


async def test_report_deleted_elsewhere_keeps_the_editor_copy(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        data = json.loads(store_path.read_text(encoding="utf-8"))
        data["reports"] = {k: v for k, v in data["reports"].items() if v["year"] != 2024}
        write_atomic(store_path, json.dumps(data, ensure_ascii=False).encode("utf-8"), keep_backup=True)
        app.poll_disk()
        await settle(pilot, app)
        assert screen.dirty and any("已被其他程序从数据库中删除" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert stored(store_path) is not None


async def test_a_w407_title_block_finding_opens_the_title_dialog(store_path):
    from workbench.checking.findings import Finding
    from workbench.tui.dialogs import MetaDialog

    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        screen.jump_to(Finding("W408", "warning", "副题行", {"meta": "meeting"}))
        await pilot.pause()
        assert isinstance(app.screen, MetaDialog)


def test_rollover_keeps_the_drafters_own_targets_text_and_copied_review_answers_nothing(r2024):
    from workbench.drafting.rollover import roll_over

    owned = Report.from_dict(r2024.to_dict())
    para = next(p for *_, p in owned.paragraphs() if p.generated)
    para.generated = None
    para.text += "在实际工作中力争更好结果。"
    draft = roll_over(owned, 2025)
    texts = [p.full_text for *_, p in draft.paragraphs()]
    assert any(t.endswith("在实际工作中力争更好结果。") for t in texts)
    assert "目标段不是按目标表生成的文字" in draft.note and draft.note.count("待核对") == 0
    assert "写的是2023年的工作" in draft.note
    found = check(draft, owned)
    # The review is 2024's text copied over: no promise of 2024 is answered by it.
    assert not [f for f in found if f.code == "W502"]
    assert len([f for f in found if f.code == "I501"]) == len(
        [c for c in owned.commitments if __import__("workbench.document.commitments", fromlist=["x"]).is_action_promise(c, owned)])


async def type_into_first_paragraph(pilot, screen: ReportScreen, text: str) -> None:
    await select(pilot, screen, (0, None, 0))
    screen.query_one(BodyArea).focus()
    await pilot.press(*text)
    await pilot.pause()


async def test_an_app_taken_down_with_edits_unsaved_keeps_them(store_path):
    """The terminal closed or the app stopped from outside before the autosave: the edits are
    saved as the report screen is taken down (the app's own Unmount comes after the screens
    are gone, so a save there never ran)."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await type_into_first_paragraph(pilot, screen, "末尾加一句")
        assert screen.dirty
        app.exit()  # no Ctrl+Q, no question: as when the window is closed
    assert stored(store_path).chapters[0].paragraphs[0].text.endswith("末尾加一句")


async def test_leaving_with_discard_saves_nothing(store_path, monkeypatch):
    """不保存 on the way back to the list really drops the edits, even as the screen goes."""
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await type_into_first_paragraph(pilot, screen, "不要这句")
        monkeypatch.setattr(screen, "save_sync", lambda force=False: "磁盘已满")  # leaving cannot save
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        app.screen.query_one("#choice-discard").press()
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        monkeypatch.undo()
    assert "不要这句" not in stored(store_path).chapters[0].paragraphs[0].text
