"""`workbench demo` cleans up after itself on every exit: its temporary folder, the report list
it left in the cache folder, also when the terminal is closed (SIGHUP); and what it prints
says the copy is temporary and, at the end, that it is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT


def test_demo_removes_its_folder_and_its_list_cache_and_says_so(monkeypatch, capsys, tmp_path):
    import workbench.cli.commands as cli
    from workbench.storage.listcache import list_cache_path, write_list_cache

    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    seen = []

    def tui(args, path=None, **kw):  # as the TUI does: remember the list for the next start
        seen.append(path)
        write_list_cache(path, (1, 2, 3), [{"place": "狮岭镇", "year": 2024}])
        assert list_cache_path(path).exists()
        return 0

    monkeypatch.setattr(cli, "cmd_tui", tui)
    for _ in range(2):
        assert cli.main(["demo"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert not list((tmp_path / "cache").glob("list-*.json"))  # none left behind, run after run
    assert all(not p.parent.exists() for p in seen)
    assert "临时" in err[0] and str(seen[0]) in err[0]
    assert "已删除" in err[1] and str(seen[0].parent) in err[1]


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")
def test_demo_cleans_up_when_the_terminal_is_closed(tmp_path):
    script = textwrap.dedent("""
        import os, signal, sys, time
        import workbench.cli.commands as cli

        def tui(args, path=None, **kw):
            print(path, flush=True)
            os.kill(os.getpid(), signal.SIGHUP)  # the terminal window closed
            time.sleep(5)
            return 0

        cli.cmd_tui = tui
        sys.exit(cli.main(["demo"]))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), WORKBENCH_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=60, cwd=tmp_path)
    store = done.stdout.strip().splitlines()[0]
    assert store.endswith("reports.json")
    assert not os.path.exists(os.path.dirname(store)), "the temporary folder is left behind"
    assert done.returncode == 128 + signal.SIGHUP
