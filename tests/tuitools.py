"""What the Pilot tests of the newer screens share: a quiet app and a settled screen."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def quiet_tui(monkeypatch, tmp_path):
    """No blinking cursor (stable snapshots) and no user keymap."""
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "no-keymap.toml"))


async def settle(pilot, app):
    """Let messages, workers and the refresh after them run out."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
