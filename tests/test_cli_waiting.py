"""A CLI write while another program (the TUI) holds the store says at once that it is waiting
and how to give up, and when it gives up it says what still works (reading commands, and
`--readonly`, which never waits and refuses every change); a store in a folder that cannot be
written names the folder, not the internal .lock file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from workbench.cli.commands import load_examples, main

HOLD = ("import sys,time; sys.path.insert(0, sys.argv[2]);"
        "from workbench.storage.store import Store; s = Store(sys.argv[1]); print('held', flush=True); time.sleep(60)")


@pytest.fixture
def held(tmp_path):
    db = tmp_path / "s.json"
    load_examples(db)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(ROOT)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield db, proc
    proc.kill()
    proc.wait()


def test_a_write_says_it_is_waiting_then_what_still_works(held, capsys, monkeypatch):
    db, proc = held
    monkeypatch.setenv("WORKBENCH_LOCK_WAIT", "0.3")
    code = main(["--db", str(db), "new", "狮岭镇", "2025", "--from", "2024"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert "正在等待" in err[0] and "Ctrl+C 放弃" in err[0] and f"进程 {proc.pid}" in err[0]
    assert "只读的命令" in err[1] and "--readonly" in err[1] and "未做改动" in err[1]
    assert main(["--db", str(db), "check", "狮岭镇", "2024"]) in (0, 1)  # reading still works


def test_readonly_reads_without_waiting_and_refuses_every_change(held, capsys, monkeypatch, tmp_path):
    db, _ = held
    monkeypatch.setenv("WORKBENCH_LOCK_WAIT", "30")  # a write would wait half a minute
    before = db.read_bytes()
    started = time.monotonic()
    assert main(["--db", str(db), "--readonly", "show", "狮岭镇", "2024"]) == 0
    assert "狮岭镇" in capsys.readouterr().out
    out = tmp_path / "r.docx"
    assert main(["--readonly", "--db", str(db), "export", "狮岭镇", "2024", "-o", str(out)]) == 0
    assert out.exists()
    capsys.readouterr()
    for command in (["new", "狮岭镇", "2025", "--from", "2024"], ["version", "save", "狮岭镇", "2024", "送审稿"],
                    ["import", str(ROOT / "examples" / "shiling-2023.json")]):
        assert main(["--db", str(db), "--readonly", *command]) == 2, command
        err = capsys.readouterr().err
        assert "--readonly" in err and "未执行" in err and command[0] in err, err
    assert time.monotonic() - started < 20  # nothing waited for the lock
    assert db.read_bytes() == before


def test_the_waiting_message_comes_while_it_waits(held):
    db, _ = held
    env = dict(os.environ, PYTHONPATH=str(ROOT), WORKBENCH_LOCK_WAIT="30")
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "--db", str(db), "new", "狮岭镇", "2025"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    started = time.monotonic()
    try:
        first = proc.stderr.readline()
        assert "正在等待" in first
        assert time.monotonic() - started < 20  # said at once, not after the 30 s wait
    finally:
        proc.kill()
        proc.wait()


def test_a_folder_that_cannot_be_written_is_named_not_the_lock_file(tmp_path, capsys, monkeypatch):
    db = tmp_path / "s.json"
    load_examples(db)
    import workbench.storage.lock as lock

    real_open = os.open

    def refused(path, flags, *a, **k):
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(lock.os, "open", refused)
    code = main(["--db", str(db), "new", "狮岭镇", "2025", "--from", "2024"])
    err = capsys.readouterr().err
    assert code == 2
    assert ".lock" not in err and str(tmp_path) in err and "没有权限" in err and "文件夹" in err
