"""SVG snapshots of the drafting flow at 100×30 and 140×45 (cursor blink off)."""

from __future__ import annotations

import pytest

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import opened, quiet_tui, settled  # noqa: F401  (quiet_tui is an autouse fixture)

SIZES = [(100, 30), (140, 45)]
LONG = ("全年实现地区生产总值增长7.6%，批发零售业107.2亿元，增长7.2%；“百千万工程”扎实推进——"
        "新增规上企业9家（其中皮具企业4家），引进外资3000万美元以上，城镇登记失业率控制在3.2%以内。"
        "推动“皮具小镇”提档升级，完成投资25.6亿元，建成口袋公园12个、绿道8.5公里，"
        "帮扶就业1200人次，新增公办学位800个。")


@pytest.fixture
def app(store_path) -> WorkbenchApp:
    return WorkbenchApp(store_path)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_clause_being_typed(snap_compare, app, size):
    async def run(pilot):
        await opened(pilot)
        table = pilot.app.screen.query_one("#targets")
        table.focus()
        table.move_cursor(row=2, column=1)
        await pilot.press("规")
        field = pilot.app.screen.query_one("#prompt")
        await pilot.press(*"上工业总产值160亿元")
        field.insert_text_at_cursor("，")
        await pilot.press(*"增长8%左右")
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_sentence_preview(snap_compare, app, size):
    from textual import events

    async def run(pilot):
        await opened(pilot)
        table = pilot.app.screen.query_one("#targets")
        table.focus()
        table.post_message(events.Paste(
            "主要预期目标是：地区生产总值增长6.5%左右；规上工业总产值160亿元，增长8%左右；"
            "固定资产投资总额、社会消费品零售总额分别增长10%、6%；城镇登记失业率控制在3.5%以内。"))
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_editor_with_last_year(snap_compare, app, size):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f3")
        tree = pilot.app.screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, None, 1)))
        await settled(pilot)
        body = pilot.app.screen.query_one(BodyArea)
        body.focus()
        body.move_cursor((0, body.text.index("规上工业总产值") + 2))
        await pilot.press("f9")
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_status_bar_counts_while_typing(snap_compare, app, size, monkeypatch):
    # The picture is of the moment while typing ("有改动，稍后自动保存"): on a busy machine the
    # 0.3 s autosave could come before the picture is taken and show the save time instead.
    monkeypatch.setattr("workbench.tui.screens.report.saving.AUTOSAVE_DELAY", 60.0)

    async def run(pilot):
        await opened(pilot)
        await pilot.press("f3")
        tree = pilot.app.screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await settled(pilot)
        body = pilot.app.screen.query_one(BodyArea)
        body.focus()
        body.move_cursor(body.document.end)
        await pilot.press(*"新增数字化车间3个")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_palette_in_chinese(snap_compare, app, size):
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f3")
        await settled(pilot)
        from textual.command import CommandList

        await pilot.press("ctrl+p")
        await pilot.press(*"新增")
        # The palette searches in the background: wait until its list has settled.
        palette = pilot.app.screen
        last = None
        for _ in range(40):
            await pilot.pause(0.1)
            now = [str(o.prompt) for o in palette.query_one(CommandList).options]
            if now and now == last and not palette._show_busy:
                break
            last = now
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_preview_long_paragraph_wrapped(snap_compare, app, size):
    async def run(pilot):
        await opened(pilot)
        screen = pilot.app.screen
        screen.report.chapters[0].paragraphs[0].text = LONG
        screen.refresh_preview()
        await pilot.press("f5")
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
def test_compare_texts_wrapped_side_by_side(snap_compare, app, size):
    """Point 6 in the compare screen: both years' texts wrapped by the Chinese rules in their
    own column, each paragraph level with its counterpart."""
    async def run(pilot):
        await opened(pilot)
        await pilot.press("f6")
        await settled(pilot)
        pilot.app.screen.query_one("#compare-tabs").active = "cmp-text"
        await settled(pilot)
        pane = pilot.app.screen.query_one("#cmp-text-pane")
        pane.scroll_to(y=30, animate=False)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)
