"""Pilot: importing a web page that names no place asks for it (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from workbench.cli import load_examples
from workbench.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs import ImportPlaceYearDialog
from tuitools import quiet_tui, settle as _settle  # noqa: F401  (quiet_tui is an autouse fixture)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PAGE = CORPUS / "seed-town-shiling-2023-web.txt"


@pytest.mark.skipif(not PAGE.exists(), reason="../shared/corpus is not beside the checkout")
async def test_import_dialog_asks_for_the_missing_place(tmp_path):
    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    with Store(store_path) as s:
        s.delete("狮岭镇", 2023)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        await pilot.press("i")
        await _settle(pilot, app)
        app.screen.query_one("#prompt", Input).value = str(PAGE)
        await pilot.press("enter")
        await _settle(pilot, app)
        assert isinstance(app.screen, ImportPlaceYearDialog)
        found = str(app.screen.query_one("#import-found", Static).render())
        assert "2023" in found and "页眉" in found and "未找到" in found
        assert app.screen.focused is app.screen.query_one("#import-place", Input)
        await pilot.press("enter")  # nothing typed: refused, the dialog stays
        await _settle(pilot, app)
        assert isinstance(app.screen, ImportPlaceYearDialog)
        app.screen.query_one("#import-place", Input).value = "狮岭镇"
        await pilot.press("enter")
        await _settle(pilot, app)
        assert not isinstance(app.screen, ImportPlaceYearDialog)
    with Store(store_path, readonly=True) as s:
        r = s.get("狮岭镇", 2023)
    assert r is not None and len(r.chapters[0].sections) == 6 and len(r.targets) == 6


@pytest.mark.skipif(not PAGE.exists(), reason="../shared/corpus is not beside the checkout")
async def test_import_over_an_existing_report_asks_and_keeps_the_old_one_in_the_bin(tmp_path):
    from workbench.tui.dialogs import ChoiceDialog

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        app.import_file(PAGE, place="狮岭镇", year=2023)
        await _settle(pilot, app)
        assert isinstance(app.screen, ChoiceDialog)
        assert "已有狮岭镇 2023 年的报告" in str(app.screen.query_one("#choice-question", Static).render())
        await pilot.press("enter")  # focus is on 取消: Enter alone keeps the stored report
        await _settle(pilot, app)
        with Store(store_path, readonly=True) as s:
            assert len(s.get("狮岭镇", 2023).chapters) == 3
        app.import_file(PAGE, place="狮岭镇", year=2023)
        await _settle(pilot, app)
        app.screen.query_one("#choice-replace").press()
        await _settle(pilot, app)
    with Store(store_path, readonly=True) as s:
        assert len(s.get("狮岭镇", 2023).chapters) == 1  # the page's one chapter
        assert [(r["place"], r["year"]) for r in s.trash()] == [("狮岭镇", 2023)]
