"""`workbench demo` in a real terminal: tmux types a figure and a Chinese sentence, exports, quits."""

from __future__ import annotations

import os
import shutil

import pytest

import tmux_demo


def test_demo_in_a_real_terminal(tmp_path):
    if shutil.which("tmux") is None:
        if os.environ.get("WORKBENCH_REQUIRE_TMUX"):
            pytest.fail("WORKBENCH_REQUIRE_TMUX is set but tmux is not installed")
        pytest.skip("tmux is not installed")
    report = tmux_demo.run(tmp_path / "demo")
    assert report["results"][2]["growth_pct"] == 7.8


def test_closing_the_window_right_after_typing_keeps_the_text(tmp_path):
    """Type into 正文 and kill the tmux session 0.2 s later (the terminal closes: SIGHUP):
    the text is in the store."""
    if shutil.which("tmux") is None:
        if os.environ.get("WORKBENCH_REQUIRE_TMUX"):
            pytest.fail("WORKBENCH_REQUIRE_TMUX is set but tmux is not installed")
        pytest.skip("tmux is not installed")
    texts = tmux_demo.type_and_close(tmp_path / "close")
    assert any(tmux_demo.CLOSE_SENTENCE in t for t in texts), texts
