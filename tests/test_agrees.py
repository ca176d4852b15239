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
