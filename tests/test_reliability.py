"""Hold up under kills, a second writer, a full disk, bad input and scale (issue: reliability)."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzcount import count
from workbench.storage.atomic import backup_path
from workbench.cli.commands import load_examples, main
from workbench.document.figures import FigureError, parse_figure
from workbench.storage.errors import StoreError
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.report.screen import ReportScreen
from workbench.tui.widgets.sections import BodyArea, OutlineTree

HELPERS = Path(__file__).parent / "helpers"
ROOT = Path(__file__).resolve().parents[1]


def _kill_cycles(db: Path, helper: str, cycles: int, read, *, first_timeout: float, rng) -> tuple[int, int]:
    """Start a saving process, let it save, SIGKILL it at a random moment; after each kill
    the store must open with the last completed save (or the one under way) and the
    backup one save behind. Returns (kills, completed saves)."""
    start, saves = 0, 0
    for _ in range(cycles):
        args = [str(db), str(start)] + ([] if helper == "tui_saver.py" else ["100000", "计数镇"])
        proc = subprocess.Popen([sys.executable, str(HELPERS / helper), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        first = proc.stdout.readline()
        assert first.strip() == str(start), f"{helper} did not save"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        done = [int(x) for x in (first + out).split()]
        saves += len(done)
        last = done[-1]
        with Store(db) as store:  # always opens
            on_disk = read(store)
        assert on_disk in (last, last + 1)
        bak = json.loads(backup_path(db).read_text(encoding="utf-8"))
        with_bak = read(_FakeStore(bak))
        assert with_bak in (on_disk - 1, on_disk)
        start = on_disk + 1
    return cycles, saves


class _FakeStore:
    """Read a raw store dict with the same accessor as a Store."""

    def __init__(self, data):
        self.data = data

    def get(self, place, year):
        from workbench.document.model import Report

        for doc in self.data["reports"].values():
            if doc["place"] == place and doc["year"] == year:
                return Report.from_dict({k: v for k, v in doc.items() if not k.startswith("_")})
        return None


@pytest.mark.slow
def test_sigkill_cli_writers_over_200_saves(tmp_path):
    db = tmp_path / "s.json"
    kills, saves = _kill_cycles(db, "saver.py", 30, lambda s: int(s.get("计数镇", 2024).note),
                                first_timeout=10, rng=random.Random(8))
    count("kill test: CLI writer kills", kills)
    count("kill test: CLI saves completed before a kill", saves)
    assert saves >= 200


@pytest.mark.slow
def test_sigkill_tui_autosave(tmp_path):
    db = tmp_path / "s.json"
    load_examples(db)

    def read(store):
        text = store.get("狮岭镇", 2024).chapters[0].paragraphs[0].text
        return int(text[1:text.index("稿")]) if text.startswith("第") else -1

    kills, saves = _kill_cycles(db, "tui_saver.py", 10, read, first_timeout=20, rng=random.Random(9))
    count("kill test: TUI autosave kills", kills)
    count("kill test: TUI autosaves completed before a kill", saves)
    assert saves >= 20


async def test_tui_and_cli_import_on_one_store(tmp_path, monkeypatch):
    db = tmp_path / "s.json"
    load_examples(db)
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    app = WorkbenchApp(db, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        screen.report.chapters[0].paragraphs[0].text = "TUI 的改动。"
        screen.save_now()
        await app.workers.wait_for_complete()
        env = dict(os.environ, WORKBENCH_LOCK_WAIT="0.5")
        proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "import", "--replace",
                               "examples/shiling-2023.json"], capture_output=True, text=True, cwd=ROOT, env=env)
        assert proc.returncode == 2
        assert f"进程 {os.getpid()}" in proc.stderr and "只读" in proc.stderr
        listing = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "list", "--json"],
                                 capture_output=True, text=True, cwd=ROOT, env=env)
        assert listing.returncode == 0 and len(json.loads(listing.stdout)) == 2  # reads still work
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "import", "--replace",
                           "examples/shiling-2023.json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).chapters[0].paragraphs[0].text == "TUI 的改动。"  # not lost


async def test_full_disk_during_autosave_keeps_the_edit(tmp_path, monkeypatch):
    db = tmp_path / "s.json"
    load_examples(db)
    before = db.read_bytes()
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    app = WorkbenchApp(db, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((0, None, 0)))
        await pilot.pause()
        real_fsync = os.fsync

        def full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        body = screen.query_one(BodyArea)
        body.focus()
        body.insert("磁盘满时写下的一句话。")
        await pilot.pause()
        screen.save_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        state = str(screen.query_one("#save-state").render())
        assert "保存失败" in state and "磁盘空间已满" in state and "Ctrl+S" in state
        assert "磁盘满时写下的一句话。" in body.text  # the edit is still in the editor
        assert db.read_bytes() == before                # the previous file is intact
        count("fault injection: full-disk saves", 1)
        monkeypatch.setattr(os, "fsync", real_fsync)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "已保存" in str(screen.query_one("#save-state").render())
    with Store(db, readonly=True) as s:
        assert "磁盘满时写下的一句话。" in s.get("狮岭镇", 2024).chapters[0].paragraphs[0].text


async def test_read_only_folder_on_export_is_reported(tmp_path, monkeypatch):
    db = tmp_path / "s.json"
    load_examples(db)
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    app = WorkbenchApp(db, open_report=("狮岭镇", 2024))
    app.export_folder = tmp_path

    def denied(path, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        monkeypatch.setattr("workbench.storage.atomic.open", denied, raising=False)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the path dialog: export to the path shown
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("导出失败" in m and "没有权限" in m for m in messages)
        assert isinstance(app.screen, ReportScreen)  # no traceback, still working
    assert not list(tmp_path.glob("*.docx"))


# ------------------------------------------------------------ fuzzing

@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=40))
def test_figure_grammar_refuses_only_with_figure_errors(text):
    count("figure grammar: arbitrary strings")
    try:
        parse_figure(text)
    except FigureError as exc:
        assert "第" in str(exc) or "结尾" in str(exc)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%，,亿万元美增长下降左右以上以内力争达到控制在个百分点、—同步与地区生产总值")),
               max_size=30))
def test_figure_grammar_on_near_misses(text):
    count("figure grammar: near-miss strings")
    try:
        fig = parse_figure(text)
    except FigureError:
        return
    from workbench.document.figures import format_figure

    parse_figure(format_figure(fig))  # whatever it reads, it prints readably


def test_store_loader_on_truncated_and_edited_json(tmp_path):
    db = tmp_path / "s.json"
    load_examples(db)
    good = db.read_bytes()
    rng = random.Random(11)
    for n in range(200):
        data = bytearray(good)
        if n % 2:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.choice(b'{}[]",:0123456789abc\\ \n\xe4')
        bad = tmp_path / f"s{n}.json"
        bad.write_bytes(bytes(data))
        count("store loader: truncated or edited files")
        try:
            with Store(bad, readonly=True) as s:
                for r in s.reports():
                    r.to_dict()
        except StoreError as exc:
            assert str(bad) in str(exc) or "数据库" in str(exc)
        assert bad.read_bytes() == bytes(data)  # never rewritten


# ------------------------------------------------------------ security

def test_export_writes_only_the_given_path(tmp_path, r2024, capsys):
    db = tmp_path / "store" / "s.json"
    db.parent.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    main(["--db", str(db), "import", "examples/shiling-2024.json"])
    before = {p for p in tmp_path.rglob("*")}
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out_dir / "r.docx")]) == 0
    after = {p for p in tmp_path.rglob("*")}
    assert after - before == {out_dir / "r.docx"}


def test_nothing_in_the_store_executes(tmp_path, r2024, capsys):
    marker = tmp_path / "pwned"
    r2024.chapters[0].paragraphs[0].text = f"__import__('os').system('touch {marker}') {{{{7*7}}}} ${{7*7}}"
    r2024.place = "狮岭镇"
    db = tmp_path / "s.json"
    with Store(db) as s:
        s.put(r2024)
    assert main(["--db", str(db), "show", "狮岭镇", "2024"]) == 0
    out = capsys.readouterr().out
    assert "__import__('os')" in out and "{{7*7}}" in out
    assert not marker.exists()
