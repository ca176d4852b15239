"""Drive `workbench demo` in a real terminal (tmux): type a figure and a Chinese sentence,
export, quit, then check the screen text, the store and the .docx.

    python tests/tmux_demo.py [FOLDER]     # exit 0 when every step was seen
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = "workbench-demo-check"
SENTENCE = "全年新增数字化车间3个，带动皮具企业提质增效。"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen()
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"did not see {text!r} on screen:\n{shown}")


def keys(*names: str, pause: float = 0.3) -> None:
    for name in names:
        tmux("send-keys", "-t", SESSION, name)
        time.sleep(pause)


def type_text(text: str) -> None:
    tmux("send-keys", "-t", SESSION, "-l", text)
    time.sleep(0.5)


def run(folder: Path) -> dict:
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    # COLUMNS/LINES (set by some test runners) would override the pane size in Rich.
    # The drafter starts in a working folder of their own (beside the demo's): the export goes
    # there, never into the checkout; the settings it remembers stay beside the demo too.
    work = folder.parent
    work.mkdir(parents=True, exist_ok=True)
    command = f"cd {work} && env -u COLUMNS -u LINES {sys.executable} -m workbench demo --folder {folder}"
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "36",
         "-e", "WORKBENCH_NO_BLINK=1", "-e", f"PYTHONPATH={ROOT}",
         "-e", f"WORKBENCH_KEYMAP={work / 'config' / 'keymap.toml'}", command)
    # Without an attached client tmux may keep its default size; make it 120 x 36.
    subprocess.run(["tmux", "set-option", "-t", SESSION, "window-size", "manual"], capture_output=True)
    subprocess.run(["tmux", "resize-window", "-t", SESSION, "-x", "120", "-y", "36"], capture_output=True)
    try:
        wait_for("报告列表")
        wait_for("狮岭镇  2024")
        keys("Enter")
        wait_for("2023年完成情况")
        keys("Down", "Down", "Right", "Right", "Enter")
        wait_for("规上工业总产值：增速")
        keys("C-u")
        type_text("增长7.8%")
        keys("Enter")
        wait_for("143.6亿元  增长7.8%")
        shown = wait_for("基本完成")
        assert shown.count("基本完成") == 2  # 地区生产总值 and now 规上工业总产值
        keys("F3")
        wait_for("一、2023年工作回顾")
        keys("Down", "Down", "Tab", "Tab")
        type_text(SENTENCE)
        wait_for(SENTENCE[:12])
        wait_for("已保存", timeout=10)
        time.sleep(1.5)
        keys("C-e")
        wait_for("导出 Word 文稿到")  # the path dialog: export to the path it shows
        keys("Enter")
        wait_for("已导出", timeout=30)
        keys("C-q")
        time.sleep(1.0)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    data = json.loads((folder / "reports.json").read_text(encoding="utf-8"))
    report = next(r for r in data["reports"].values() if r["year"] == 2024)
    assert report["results"][2]["growth_pct"] == 7.8, report["results"][2]
    assert any(SENTENCE in p["text"] for p in report["chapters"][0]["paragraphs"])
    docx = work / "狮岭镇2024年政府工作报告.docx"  # in the folder it was started in
    assert docx.exists() and docx.stat().st_size > 10_000
    return report


CLOSE_SESSION = "workbench-close-check"
CLOSE_SENTENCE = "关窗之前刚打的字"


def type_and_close(folder: Path, linger: float = 0.2) -> list[str]:
    """Open the example's 2024 draft, type CLOSE_SENTENCE into a paragraph, kill the session
    `linger` seconds later; returns the texts of the chapter's paragraphs as stored."""
    from workbench.cli.commands import load_examples

    global SESSION
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "s.json"
    load_examples(db)
    saved, SESSION = SESSION, CLOSE_SESSION
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    command = f"cd {ROOT} && env -u COLUMNS -u LINES {sys.executable} -m workbench --db {db}"
    try:
        tmux("new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30",
             "-e", "WORKBENCH_NO_BLINK=1", command)
        subprocess.run(["tmux", "set-option", "-t", SESSION, "window-size", "manual"], capture_output=True)
        subprocess.run(["tmux", "resize-window", "-t", SESSION, "-x", "100", "-y", "30"], capture_output=True)
        wait_for("狮岭镇")
        time.sleep(1.0)
        keys("Enter")
        wait_for("2023年完成情况")
        keys("F3")
        wait_for("一、2023年工作回顾")
        keys("Down", "Down", "Tab", "Tab")
        tmux("send-keys", "-t", SESSION, "-l", CLOSE_SENTENCE)
        wait_for(CLOSE_SENTENCE[:4], timeout=5)
        time.sleep(linger)
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        SESSION = saved
    from workbench.storage.errors import StoreLocked
    from workbench.storage.store import Store

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the app saves and lets go of the store as it goes
        try:
            Store(db).close()
            break
        except StoreLocked:
            time.sleep(0.1)
    data = json.loads(db.read_text(encoding="utf-8"))
    report = next(r for r in data["reports"].values() if r["year"] == 2024)
    return [p["text"] for p in report["chapters"][0]["paragraphs"]]


def main() -> int:
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "demo"
    run(folder)
    print(f"ok: figure typed, sentence typed and saved, exported to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
