from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.storage.atomic import backup_path
from workbench.storage.errors import StoreCorrupt, StoreLocked, StoreWriteError
from workbench.storage.lock import lock_path
from workbench.storage.paths import default_path
from workbench.storage.store import Store

HELPER = Path(__file__).parent / "helpers" / "saver.py"


def test_put_get_round_trip(db, r2023, r2024):
    with Store(db) as store:
        store.put(r2023)
        store.put(r2024)
        assert store.get("狮岭镇", 2023) == r2023
        assert store.years("狮岭镇") == [2023, 2024]
        assert store.get("狮岭镇", 2022) is None
        r2024.status = "final"
        store.put(r2024)
        assert [s["status"] for s in store.summaries()] == ["final", "final"]
        assert len(list(store.reports())) == 2
        assert store.delete("狮岭镇", 2023) and not store.exists("狮岭镇", 2023)


def test_file_is_utf8_readable_and_keeps_rare_characters(db, r2023):
    r2023.chapters[0].paragraphs[0].text = "𠮷野家 • 开业"
    with Store(db) as store:
        store.put(r2023)
    raw = db.read_bytes().decode("utf-8")
    assert "𠮷野家 • 开业" in raw and "狮岭镇" in raw  # ensure_ascii=False
    with Store(db, readonly=True) as store:
        assert store.get("狮岭镇", 2023).chapters[0].paragraphs[0].text == "𠮷野家 • 开业"


def test_backup_is_one_save_behind(db, r2023):
    with Store(db) as store:
        for i in range(3):
            r2023.note = f"v{i}"
            store.put(r2023)
    main = json.loads(db.read_text(encoding="utf-8"))
    bak = json.loads(backup_path(db).read_text(encoding="utf-8"))
    assert next(iter(main["reports"].values()))["note"] == "v2"
    assert next(iter(bak["reports"].values()))["note"] == "v1"


def test_corrupt_file_is_reported_and_never_overwritten(db, r2023):
    db.write_text('{"reports": {"1": {"place": "狮岭镇",\n "year": 20', encoding="utf-8")
    before = db.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        Store(db)
    assert str(db) in str(info.value) and "第2行" in str(info.value)
    assert db.read_bytes() == before


def test_non_utf8_file_is_reported(db):
    db.write_bytes('{"reports": {"1": "狮岭镇"}}'.encode("gb18030"))
    with pytest.raises(StoreCorrupt) as info:
        Store(db, readonly=True)
    assert "UTF-8" in str(info.value)


def test_second_writer_is_told_who_holds_the_store(db, r2023):
    with Store(db) as first:
        first.put(r2023)
        with pytest.raises(StoreLocked) as info:
            Store(db)
        message = str(info.value)
        assert str(os.getpid()) in message and "只读" in message
        with Store(db, readonly=True) as reader:  # read-only still opens
            assert reader.get("狮岭镇", 2023) == r2023
            with pytest.raises(StoreWriteError):
                reader.put(r2023)


def test_lock_held_by_another_process(db):
    code = ("import sys,time; sys.path.insert(0, sys.argv[2]);"
            "from workbench.storage.store import Store; s = Store(sys.argv[1]); print('held', flush=True); time.sleep(30)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(Path(__file__).parents[1])],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked) as info:
            Store(db, wait=0.2)
        assert f"进程 {proc.pid}" in str(info.value)
    finally:
        proc.kill()
        proc.wait()
    with Store(db, wait=2):  # the OS released the dead holder's lock
        pass


def test_write_failure_leaves_previous_file(db, r2023, monkeypatch):
    with Store(db) as store:
        store.put(r2023)
        before = db.read_bytes()

        def full_disk(*a, **k):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full_disk)
        r2023.note = "lost?"
        with pytest.raises(StoreWriteError) as info:
            store.put(r2023)
        assert "原文件未被改动" in str(info.value)
        assert db.read_bytes() == before
        assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_default_path_honours_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "x.json"))
    assert default_path() == tmp_path / "x.json"
    monkeypatch.delenv("WORKBENCH_DB")
    assert default_path().name == "reports.json"


def _note_of(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    return int(next(iter(data["reports"].values()))["note"])


def test_sigkill_during_saves_never_loses_the_last_completed_save(db):
    rng = random.Random(20241)
    start, kills, saves_done = 0, 0, 0
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, str(HELPER), str(db), str(start), "100000", "计数镇"],
                                stdout=subprocess.PIPE, text=True)
        first = proc.stdout.readline()  # wait for the first completed save, then kill at random
        assert first.strip() == str(start)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        kills += 1
        done = [int(x) for x in (first + out).split()]
        last = done[-1]
        saves_done += len(done)
        with Store(db) as store:  # always opens
            on_disk = int(store.get("计数镇", 2024).note)
        assert on_disk in (last, last + 1)  # the save under way may or may not have finished
        bak = _note_of(backup_path(db))
        assert bak in (on_disk - 1, on_disk)
        start = on_disk + 1
    assert kills == 12 and saves_done >= 12
    assert not list(db.parent.glob(".*.tmp"))  # the last open swept the dead writers' temp files


def test_two_writers_never_lose_an_update(db):
    procs = [subprocess.Popen([sys.executable, str(HELPER), str(db), str(k * 100), "15", f"写者{k}镇"],
                              stdout=subprocess.PIPE, text=True) for k in range(2)]
    for p in procs:
        p.communicate(timeout=120)
        assert p.returncode == 0
    with Store(db, readonly=True) as store:
        rows = store.summaries()
    assert len(rows) == 30
    assert {r["place"] for r in rows} == {"写者0镇", "写者1镇"}


def test_a_waiting_writer_relocks_when_the_holder_removes_an_unused_lock(tmp_path):
    import threading

    db = tmp_path / "fresh.json"
    first = Store(db)                        # never saves: its lock goes with it
    got = []

    def second():
        with Store(db, wait=5):              # waits on the first one's lock file
            got.append(os.stat(lock_path(db)).st_ino)
            third_refused.wait(5)

    third_refused = threading.Event()
    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.3)
    first.close()
    time.sleep(0.3)
    # The second writer holds the lock file that exists now, so a third is refused.
    with pytest.raises(StoreLocked):
        Store(db)
    third_refused.set()
    t.join()
    assert got


# ------------------------------------------------------------ the remembered report list

def test_a_lazy_store_lists_from_the_remembered_list_without_reading_the_file(db, r2023, r2024, tmp_path):
    from workbench.storage.listcache import list_cache_path

    with Store(db) as store:
        store.put(r2023)
        store.put(r2024)
        expected = store.summaries()
    assert list_cache_path(db).is_file()  # written at close, in the test's cache folder
    assert str(tmp_path / "cache") in str(list_cache_path(db))
    with Store(db, lazy=True) as store:
        assert not store.loaded()
        assert store.summaries() == expected
        assert not store.loaded()  # the list came from the cache
        assert store.get("狮岭镇", 2024) == r2024  # any other access reads the file
        assert store.loaded()


def test_the_remembered_list_never_answers_for_a_changed_file(db, r2023, r2024):
    with Store(db) as store:
        store.put(r2023)
    with Store(db) as other:  # another session adds a report
        other.put(r2024)
        # the cache still names the one-report file: it must not be believed now
    with Store(db, lazy=True) as store:
        assert [r["year"] for r in store.summaries()] == [2024, 2023]


def test_a_changed_file_is_read_even_if_the_cache_was_written_after_it(db, r2023, r2024):
    """Edited by hand (or another program) while the cache stays: the stamp differs."""
    with Store(db) as store:
        store.put(r2023)
        store.put(r2024)
    data = json.loads(db.read_text(encoding="utf-8"))
    table = next(iter(data.values()))
    for doc in table.values():
        doc["status"] = "final"
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Store(db, lazy=True) as store:
        assert [s["status"] for s in store.summaries()] == ["final", "final"]


def test_a_corrupt_store_is_reported_at_open_even_with_a_list_remembered(db, r2023):
    with Store(db) as store:
        store.put(r2023)
    text = db.read_text(encoding="utf-8")
    db.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(StoreCorrupt):
        Store(db, lazy=True)


def test_a_broken_cache_file_is_ignored(db, r2023):
    from workbench.storage.listcache import list_cache_path

    with Store(db) as store:
        store.put(r2023)
    list_cache_path(db).write_text("{not json", encoding="utf-8")
    with Store(db, lazy=True) as store:
        assert store.loaded()  # read at open, as without a cache
        assert [s["year"] for s in store.summaries()] == [2023]
    assert json.loads(list_cache_path(db).read_text(encoding="utf-8"))["rows"][0]["year"] == 2023


def test_an_unwritable_cache_folder_costs_nothing(db, r2023, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(blocker / "cache"))
    with Store(db) as store:
        store.put(r2023)
    with Store(db, lazy=True) as store:
        assert [s["year"] for s in store.summaries()] == [2023]
