"""What the Pilot tests of the newer screens share: a quiet app and a settled screen."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def quiet_tui(monkeypatch, tmp_path):
    """No blinking cursor (stable snapshots) and no user keymap."""
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "no-keymap.toml"))


def finite_workers(app):
    """The app's workers but a folder tree's loader (the import picker's DirectoryTree keeps
    one waiting for folders to list for as long as the tree is on the screen)."""
    return [w for w in app.workers if w.group != "_loader"]


async def wait_for_workers(app):
    """Every worker but a folder tree's loader done, those started meanwhile included. A worker
    cancelled on purpose (an exclusive one superseded by a newer one, a screen's worker when the
    screen closed) is done too: its WorkerCancelled is not a failure (a WorkerFailed still is)."""
    from textual.worker import WorkerCancelled

    for _ in range(50):
        workers = [w for w in finite_workers(app) if not w.is_finished]
        if not workers:
            return
        for worker in workers:
            try:
                await worker.wait()
            except WorkerCancelled:
                pass


async def settle(pilot, app):
    """Let messages, workers and the refresh after them run out."""
    await pilot.pause()
    await wait_for_workers(app)
    await pilot.pause()


async def settled(pilot):
    """settle() for a snapshot's run_before, which is given the pilot alone."""
    await settle(pilot, pilot.app)


async def opened(pilot):
    """A snapshot's run_before: the list settled, the first report (the 2024 draft) open."""
    await settled(pilot)
    await pilot.press("enter")
    await settled(pilot)


async def open_2024(pilot, app):
    """From the example's list to its 2024 draft (listed first), settled."""
    from workbench.tui.screens.home import HomeScreen
    from workbench.tui.screens.report.screen import ReportScreen

    await settle(pilot, app)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("enter")
    await settle(pilot, app)
    assert isinstance(app.screen, ReportScreen)
    return app.screen


def stored(path, place="狮岭镇", year=2024):
    """The report as the store on disk holds it."""
    from workbench.storage.store import Store

    with Store(path, readonly=True) as s:
        return s.get(place, year)


async def new_from_list(pilot, app):
    """n on the report list, Enter on the proposed place and year (next year's draft), settled."""
    await settle(pilot, app)
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot, app)
    return app.screen
