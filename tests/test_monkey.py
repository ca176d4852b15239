"""A monkey at the keyboard: 5,000 seeded random keys and pastes (Chinese included) across
every screen of the TUI on a copy of the example store, saving as it goes. Afterwards the
app is still running, the store opens, and every report in it is a valid document."""

from __future__ import annotations

import asyncio
import os
import random
import unicodedata

import pytest
from textual import events

from fuzzcount import count
from tuitools import wait_for_workers
from workbench.checking.checks import check
from workbench.cli.commands import load_examples
from workbench.document.model import Report
from workbench.writing.plain import render_text
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp

SEED = int(os.environ.get("WORKBENCH_MONKEY_SEED", "20250112"))
KEYS = int(os.environ.get("WORKBENCH_MONKEY_KEYS", "5000"))

# Keys a drafter can press, weighted towards moving about and typing; Ctrl+Q, Ctrl+C and
# the command palette are left out because each ends or leaves the run on its own.
NAVIGATION = ["up", "down", "left", "right", "tab", "shift+tab", "enter", "escape", "home", "end",
              "pageup", "pagedown"]
COMMANDS = ["f1", "f2", "f3", "f4", "f5", "f6", "f7", "ctrl+s", "ctrl+s", "ctrl+s", "ctrl+z", "ctrl+y", "ctrl+n",
            "ctrl+t", "ctrl+l", "ctrl+g", "ctrl+up", "ctrl+down", "delete", "backspace", "ctrl+r",
            "ctrl+e", "ctrl+d", "a", "b", "n", "i", "r", "slash", "space",
            # issue 23: split, merge, select the paragraph, find and replace
            "ctrl+j", "ctrl+b", "ctrl+a", "ctrl+f"]
TYPED = list("abcxyz0123456789.%") + ["space"]
PASTES = ["增长8%左右", "21.2亿元", "地区生产总值", "在实际工作中力争更好结果。", "２０２５年是关键一年",
          "力争新增规上企业8家", "（一）", "“十五五”", "下降3%", "不少于300亩", "全镇", "\n第二段",
          "今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右。", "狮岭镇", "2026", "亿元，增长",
          # issue 23: a clause of another indicator on a row, a paste of several paragraphs
          "城镇新增就业70万人以上", "地区生产总值增长5%左右", "——推进项目建设。\n——抓好民生实事。\n",
          "2026年是“十五五”开局之年。\n\n为圆满收官“十四五”打下基础。"]


def _pick(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.40:
        return "key", rng.choice(NAVIGATION)
    if r < 0.62:
        return "key", rng.choice(COMMANDS)
    if r < 0.85:
        return "key", rng.choice(TYPED)
    return "paste", rng.choice(PASTES)


# Every so often the monkey is steered home and into a report, so each screen gets its turn.
STEER_EVERY = 300
STEER = ["ctrl+s", "escape", "escape", "escape", "escape", "escape", "down", "enter", "f3", "down", "down",
         "down", "down", "tab"]


def _send(app, key: str) -> None:
    """One key straight to the driver, as a terminal would send it (the pilot's `press`
    waits ~50 ms after each key, too slow for thousands)."""
    char = key if len(key) == 1 else {"space": " ", "slash": "/"}.get(key)
    if char is not None and key not in ("space", "slash") and not char.isalnum():
        char = key
    try:
        char = unicodedata.lookup(key.upper()) if char is None and len(key) == 1 else char
    except KeyError:
        pass
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_NO_BLINK", "1")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "no-keymap.toml"))
    # A pasted word typed into the export dialog's path is a file name relative to the working
    # folder: it must land in tmp_path, never in the checkout.
    monkeypatch.chdir(tmp_path)


@pytest.mark.timeout(600)
async def test_monkey_keys_and_pastes_leave_a_valid_store(tmp_path):
    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    rng = random.Random(SEED)
    app = WorkbenchApp(store_path, export_folder=tmp_path)
    saves = 0
    original = app.save_checked

    def counting(report, expect=None):
        nonlocal saves
        result = original(report, expect)
        if result[0] is None:
            saves += 1
        return result

    app.save_checked = counting
    screens: set[str] = set()
    changes = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        last = type(app.screen).__name__
        steer: list[str] = []
        for n in range(KEYS):
            if n % STEER_EVERY == STEER_EVERY - len(STEER):
                steer = list(STEER)
            if steer:
                kind, what = "key", steer.pop(0)
            else:
                kind, what = _pick(rng)
            if kind == "key":
                _send(app, what)
            else:
                app.post_message(events.Paste(what))
            for _ in range(4):
                await asyncio.sleep(0)
            if n % 10 == 9 or steer:
                await pilot.pause()
            name = type(app.screen).__name__
            assert name != "Screen", f"key {n + 1} ({what!r}) left the drafter on a blank screen"
            screens.add(name)
            if name != last:
                changes += 1
                last = name
            if n % 250 == 249:
                await pilot.pause()
                await wait_for_workers(app)
                assert app.is_running, f"the app stopped after key {n + 1}"
        await wait_for_workers(app)
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
    count("monkey: keys and pastes sent", KEYS)
    count("monkey: distinct screens visited", len(screens))
    count("monkey: screen changes", changes)
    count("monkey: saves", saves)
    assert {"HomeScreen", "ReportScreen"} <= screens and saves > 0
    with Store(store_path) as s:
        reports = list(s.reports())
        for r in reports:
            assert Report.from_dict(r.to_dict()) == r
            check(r, s.get(r.place, r.year - 1))
            assert render_text(r)
        s.trash()


# ------------------------------------------------------------ what was typed against what is stored

ROUNDS = int(os.environ.get("WORKBENCH_MONKEY_ROUNDS", "24"))
OTHER_CLAUSES = [("城镇新增就业", "城镇新增就业{n}万人以上"), ("粮食产量", "粮食产量{n}万吨以上"),
                 ("进出口总额", "进出口总额{n}亿元，增长{n}%"), ("一般公共预算收入", "一般公共预算收入{n}亿元")]


def _texts(report) -> list[str]:
    return [p.full_text for *_, p in report.paragraphs()]


@pytest.mark.timeout(600)
async def test_monkey_pastes_and_wrong_row_clauses_end_in_the_store_as_answered(tmp_path):
    """Seeded pastes of several paragraphs at random points of random paragraphs, and clauses
    of another indicator typed on random rows, each question answered at random (split / join /
    cancel, add / replace / cancel): the store then holds what each answer says, counted."""
    from textual.widgets import Input

    from tuitools import settle
    from workbench.drafting import editing as E
    from workbench.tui.dialogs import ChoiceDialog
    from workbench.tui.widgets.figures import FiguresTable
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    store_path = tmp_path / "reports.json"
    load_examples(store_path)
    rng = random.Random(SEED + 23)
    expect_in: list[str] = []      # text the store must hold once
    expect_out: list[str] = []     # text it must not hold (a cancelled paste)
    rows: dict[str, str] = {}      # indicator -> its figure as the table must print it
    gone: list[str] = []           # indicators replaced away
    asked = 0
    app = WorkbenchApp(store_path, export_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        for i in range(ROUNDS):
            # A paste of two or three paragraphs at a random point of a random paragraph.
            # (not into an earlier paste: the text typed there would cut what is counted)
            owned = [(ci, si, pi) for ci, si, pi, p in screen.report.paragraphs()
                     if not p.generated and "次粘贴" not in p.full_text]
            addr = rng.choice(owned)
            screen.action_tab("sections")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for(addr))
            await pilot.pause()
            await pilot.pause()
            body = screen.query_one(BodyArea)
            body.focus()
            body.move_cursor(body.document.get_location_from_index(rng.randint(0, len(body.text))))
            pieces = [f"——第{i}次粘贴第{k}段，编号{rng.randint(1000, 9999)}。" for k in range(rng.randint(2, 3))]
            body.post_message(events.Paste("\n".join(pieces) + "\n"))
            await settle(pilot, app)
            assert isinstance(app.screen, ChoiceDialog), f"paste {i}: several paragraphs taken unasked"
            answer = rng.choice(["split", "join", "cancel"])
            app.screen.query_one(f"#choice-{answer}").press()
            await settle(pilot, app)
            if answer == "split":
                expect_in += pieces
            elif answer == "join":
                expect_in.append("".join(pieces))
            else:
                expect_out += pieces
            # A clause of another indicator typed on a random row of the targets.
            screen.action_tab("figures")
            table = screen.query_one("#targets", FiguresTable)
            table.focus()
            row = rng.randrange(len(screen.report.targets))
            here = screen.report.targets[row].name
            name, shape = rng.choice([c for c in OTHER_CLAUSES if c[0] != here])
            clause = shape.format(n=100 + i)
            table.move_cursor(row=row, column=1)
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#prompt", Input).value = clause
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, ChoiceDialog), f"clause {i}: {clause} put over {here} unasked"
            asked += 1
            choices = [b.id.removeprefix("choice-") for b in app.screen.query("Button")]
            answer = rng.choice(choices)
            app.screen.query_one(f"#choice-{answer}").press()
            await settle(pilot, app)
            if answer == "add":
                rows[name] = clause
            elif answer == "here":
                rows[name] = clause
                gone.append(here)
                rows.pop(here, None)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.pause(0.5)
        await settle(pilot, app)
    with Store(store_path, readonly=True) as s:
        held = s.get("狮岭镇", 2024)
    texts = "\n".join(_texts(held))
    found = sum(1 for t in expect_in if texts.count(t) == 1)
    leaked = sum(1 for t in expect_out if t in texts)
    names = [f.name for f in held.targets]
    right = sum(1 for n, clause in rows.items() if n in names
                and E.figures_of(held, "targets")[names.index(n)].raw.replace("，", "") == clause.replace("，", ""))
    count("monkey: pasted paragraphs typed", len(expect_in) + len(expect_out))
    count("monkey: pasted paragraphs the store holds as answered", found + len(expect_out) - leaked)
    count("monkey: wrong-row clauses asked", asked)
    count("monkey: rows the store holds as answered", right)
    assert found == len(expect_in), [t for t in expect_in if texts.count(t) != 1]
    assert leaked == 0
    assert not any("\n" in t for t in _texts(held))
    assert len(names) == len(set(names)), f"an indicator twice: {names}"
    assert right == len(rows), (rows, [f.raw for f in held.targets])
    assert not [n for n in gone if n in names and n not in rows]
