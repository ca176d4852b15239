"""Pilot: versions, a review round's changes taken and refused, 批注 in the checks (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from workbench.cli.commands import load_examples, main
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.report.screen import ReportScreen
from workbench.tui.screens.versions import ChangesScreen, VersionsScreen, VersionView
from workbench.tui.widgets.checks import ChecksPanel

from test_versions import _revise
from tuitools import quiet_tui, settle  # noqa: F401  (quiet_tui is an autouse fixture)


@pytest.fixture
def reviewed(tmp_path) -> Path:
    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    draft = tmp_path / "draft.docx"
    assert main(["--db", str(store_path), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    _revise(draft, tmp_path / "李局长修改.docx")
    assert main(["--db", str(store_path), "import", str(tmp_path / "李局长修改.docx")]) == 0
    return store_path


async def test_save_view_and_review_changes(reviewed):
    app = WorkbenchApp(reviewed, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, ReportScreen)
        # The open 批注 of the latest round is listed with the findings, and d marks it done.
        panel = app.screen.query_one(ChecksPanel)
        ids = [i for i, f in enumerate(app.screen.findings) if f.code == "R601"]
        assert len(ids) == 1 and "王主任" in app.screen.findings[ids[0]].message
        await pilot.press("f10")
        await settle(pilot, app)
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("s")
        await settle(pilot, app)
        app.screen.query_one(Input).value = "送审稿"
        await pilot.press("enter")
        await settle(pilot, app)
        versions = app.screen
        assert [r["name"] for r in versions.rows] == ["李局长修改", "送审稿"]
        versions.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, VersionView)
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("d")  # the compare screen takes a version too
        await settle(pilot, app)
        from workbench.tui.screens.compare import CompareScreen
        assert isinstance(app.screen, CompareScreen)
        assert "李局长修改" in app.screen.sub_title and "当前稿" in app.screen.sub_title
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("c")
        await settle(pilot, app)
        changes = app.screen
        assert isinstance(changes, ChangesScreen)
        kinds = [c["kind"] for c in changes.changes]
        changes.query_one(OptionList).highlighted = kinds.index("ins")
        await pilot.press("x")  # refuse the insertion
        await settle(pilot, app)
        changes.query_one(OptionList).highlighted = kinds.index("del")
        await pilot.press("a")  # take the deletion
        await settle(pilot, app)
        assert changes.changes[kinds.index("ins")]["decision"] == "refused"
        assert changes.changes[kinds.index("del")]["decision"] == "taken"
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, ReportScreen)
        app.screen.action_tab("checks")
        await settle(pilot, app)
        panel = app.screen.query_one(ChecksPanel)
        row = next(i for i in range(panel.option_count)
                   if panel.get_option_at_index(i).id is not None
                   and app.screen.findings[int(panel.get_option_at_index(i).id)].code == "R601")
        panel.highlighted = row
        await pilot.press("d")
        await settle(pilot, app)
        assert not [f for f in app.screen.findings if f.code == "R601"]
    with Store(reviewed, readonly=True) as s:
        report, record = s.get_version("狮岭镇", 2024, "李局长修改")
    inserted = next(c for c in record["changes"] if c["kind"] == "ins" and not c["in_table"])
    assert not any(inserted["text"] in p.full_text for *_, p in report.paragraphs()
                   if p.full_text.startswith(inserted["accepted"][:4]))
    assert all(c.get("done") for c in record["comments"])


async def test_deleting_a_version_starts_on_cancel_so_enter_alone_keeps_it(reviewed):
    """A deleted version cannot come back: Enter on the question keeps it, as for a report."""
    app = WorkbenchApp(reviewed, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f10")
        await settle(pilot, app)
        versions = app.screen
        assert isinstance(versions, VersionsScreen) and [r["name"] for r in versions.rows] == ["李局长修改"]
        versions.query_one(OptionList).highlighted = 0
        await pilot.press("delete")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is versions and [r["name"] for r in versions.rows] == ["李局长修改"]
        await pilot.press("delete")
        await settle(pilot, app)
        await pilot.press("tab", "enter")  # the other button deletes
        await settle(pilot, app)
        assert versions.rows == []
    with Store(reviewed, readonly=True) as store:
        assert store.versions("狮岭镇", 2024) == []


async def test_refuse_all_in_the_tui_decides_table_changes_too(tmp_path):
    """A 修订 in the 附件 table's 完成 column: refusing all (X) decides it and sets the figure back."""
    from docx import Document

    from test_versions import _tracked, _w

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    draft = tmp_path / "draft.docx"
    assert main(["--db", str(store_path), "export", "狮岭镇", "2024", "--appendix", "-o", str(draft)]) == 0
    doc = Document(str(draft))
    [table] = doc.tables
    header = [c.text for c in table.rows[0].cells]
    col = next(i for i, h in enumerate(header) if h.endswith("年完成"))
    row = next(r for r in table.rows[1:] if "增长" in r.cells[col].text)
    p = row.cells[col].paragraphs[0]
    runs = list(p._p.iter(_w("w:r")))
    old = "".join(t.text for r in runs for t in r.iter(_w("w:t")))
    rpr = runs[0].find(_w("w:rPr"))
    for r in runs:
        r.getparent().remove(r)
    p._p.append(_tracked("del", old, rpr, 0))
    new = old[:old.index("增长") + 2] + "9.9%"
    p._p.append(_tracked("ins", new, rpr, 1))
    doc.save(str(tmp_path / "表格改了.docx"))
    assert main(["--db", str(store_path), "import", str(tmp_path / "表格改了.docx")]) == 0
    name = row.cells[0].text
    with Store(store_path, readonly=True) as s:
        before = next(f for f in s.get("狮岭镇", 2024).results if f.name == name)
        assert next(f for f in s.get_version("狮岭镇", 2024, "表格改了")[0].results if f.name == name).growth_pct == 9.9
    app = WorkbenchApp(store_path, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f10")
        await settle(pilot, app)
        versions = app.screen
        versions.query_one(OptionList).highlighted = [r["name"] for r in versions.rows].index("表格改了")
        await pilot.press("c")
        await settle(pilot, app)
        assert isinstance(app.screen, ChangesScreen)
        await pilot.press("X")
        await settle(pilot, app)
        assert {c.get("decision") for c in app.screen.changes} == {"refused"}
        assert not any("找不到原处" in str(n.message) for n in app._notifications)
    with Store(store_path, readonly=True) as s:
        back = next(f for f in s.get_version("狮岭镇", 2024, "表格改了")[0].results if f.name == name)
    assert back == before
