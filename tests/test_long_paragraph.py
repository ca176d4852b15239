"""A paragraph far longer than any real one (a text imported without breaks, megabytes) never
holds the screen: the editor shows its start read-only and says how to split it; F12 splits
it at sentence ends (F12), one undo step (issue 26)."""

from __future__ import annotations

import json
import time

import pytest

from conftest import EXAMPLES
from workbench.drafting import editing as E
from workbench.document.model import Report
from workbench.storage.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

SENTENCES = ["全镇完成农房改造120户。", "新建道路3.5公里，“四好农村路”通达率100%！", "村级集体收入增长6.5%？",
             "继续推进乡村振兴（详见附表）。"]


def _long_text(chars: int) -> str:
    out, n = [], 0
    while n < chars:
        s = SENTENCES[len(out) % len(SENTENCES)]
        out.append(s)
        n += len(s)
    return "".join(out)


def test_split_at_sentences_keeps_every_character_and_whole_sentences(r2024):
    r = Report.from_dict(r2024.to_dict())
    text = _long_text(5000) + "最后一句没有句号"
    r.chapters[0].paragraphs[0].text = text
    lead = r.chapters[0].paragraphs[0].lead
    made = E.split_at_sentences(r, (0, None, 0), target=300)
    pieces = [E.get_paragraph(r, a) for a in made]
    assert "".join(p.text for p in pieces) == text
    assert len(pieces) >= 5000 // 300
    assert all(len(p.text) <= 300 + max(map(len, SENTENCES)) for p in pieces)
    assert all(p.text.endswith(("。", "！", "？", "）。", "句号")) for p in pieces)  # whole sentences
    assert pieces[0].lead == lead and all(p.lead is None for p in pieces[1:])


def test_a_short_paragraph_is_not_split(r2024):
    r = Report.from_dict(r2024.to_dict())
    before = r.to_dict()
    assert E.split_at_sentences(r, (0, None, 0)) == [(0, None, 0)] or len(r.chapters[0].paragraphs[0].text) > 500
    if len(before["chapters"][0]["paragraphs"][0]["text"]) <= 500:
        assert r.to_dict() == before


@pytest.fixture
def long_store(tmp_path):
    doc = json.loads((EXAMPLES / "shiling-2024.json").read_text(encoding="utf-8"))
    text = _long_text(300_000)
    doc["chapters"][0]["paragraphs"][0]["text"] = text
    path = tmp_path / "s.json"
    with Store(path) as s:
        s.put(Report.from_dict(doc))
    return path, text


async def test_a_huge_paragraph_opens_at_once_and_ctrl_b_splits_it(long_store):
    path, text = long_store
    app = WorkbenchApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_2024(pilot, app)
        screen.action_tab("sections")
        tree = screen.query_one(OutlineTree)
        started = time.monotonic()
        tree.move_cursor(tree.node_for((0, None, 0)))
        await settle(pilot, app)
        assert time.monotonic() - started < 30  # it took minutes when the editor held it all
        body = screen.query_one(BodyArea)
        assert body.read_only and len(body.text) < 5000 and "未显示" in body.text
        assert "F12" in str(screen.query_one("#editor-label").render())
        await pilot.press("x")
        await settle(pilot, app)
        assert screen.report.chapters[0].paragraphs[0].text == text  # nothing typed into it
        tree.focus()
        await pilot.press("f12")
        await settle(pilot, app)
        paras = screen.report.chapters[0].paragraphs
        assert len(paras) > 300_000 // E.SPLIT_TARGET
        assert "".join(p.text for p in paras[: len(paras)]).startswith(text[:1000])
        assert not screen.query_one(BodyArea).read_only
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert screen.report.chapters[0].paragraphs[0].text == text
    assert stored(path).chapters[0].paragraphs[0].text == text
