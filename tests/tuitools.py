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
    """Every worker but a folder tree's loader done (an empty list would mean all of them)."""
    workers = finite_workers(app)
    if workers:
        await app.workers.wait_for_complete(workers)


async def settle(pilot, app):
    """Let messages, workers and the refresh after them run out."""
    await pilot.pause()
    await wait_for_workers(app)
    await pilot.pause()
