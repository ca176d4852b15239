"""Where the TUI's export and import start and where a typed file name goes: the folder the
dialog proposed (the one given, else the folder used last, else the current folder), never the
process's current folder for a bare name and never the store's hidden data folder."""

from __future__ import annotations


from tuitools import settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.settings import load_settings

SIZE = (120, 36)


async def _open_2024(pilot, app):
    await settle(pilot, app)
    await pilot.press("down", "enter")
    await settle(pilot, app)


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_bare_file_name_goes_into_the_proposed_folder_and_the_notice_names_it(
        store_path, tmp_path, monkeypatch):
    proposed, elsewhere = tmp_path / "exports", tmp_path / "cwd"
    proposed.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = WorkbenchApp(store_path, open_report=("狮岭镇", 2024), export_folder=proposed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("x", "1")  # the proposed path is selected: typing replaces it
        await pilot.press("enter")
        await settle(pilot, app)
        await app.workers.wait_for_complete()
        await settle(pilot, app)
        out = proposed / "x1.docx"
        assert out.exists()
        assert not list(elsewhere.iterdir())
        assert any(str(out) in m and m.startswith("已导出") for m in _messages(app))


async def test_export_starts_in_the_current_folder_then_in_the_one_used_last(store_path, tmp_path, monkeypatch):
    here = tmp_path / "起草"
    here.mkdir()
    monkeypatch.chdir(here)
    app = WorkbenchApp(store_path, open_report=("狮岭镇", 2024))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#prompt")
        assert field.value == str(here / "狮岭镇2024年政府工作报告.docx")
        assert ".local" not in field.value and str(store_path.parent) != str(here)
        field.value = str(tmp_path / "另存" / "稿.docx")
        (tmp_path / "另存").mkdir()
        await pilot.press("enter")
        await settle(pilot, app)
        await app.workers.wait_for_complete()
        await settle(pilot, app)
    assert (tmp_path / "另存" / "稿.docx").exists()
    assert load_settings()["export_folder"] == str(tmp_path / "另存")
    # A new session proposes the folder used last for a report it has not exported yet.
    app = WorkbenchApp(store_path, open_report=("狮岭镇", 2023))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#prompt").value == str(tmp_path / "另存" / "狮岭镇2023年政府工作报告.docx")


def test_import_starts_in_the_current_folder_not_the_store_folder(tmp_path, monkeypatch):
    from workbench.tui.filepicker import start_folder

    here = tmp_path / "材料"
    here.mkdir()
    monkeypatch.chdir(here)
    hidden = tmp_path / ".local" / "share" / "workbench" / "store.json"
    assert start_folder(hidden) == here
