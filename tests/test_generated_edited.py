"""A generated paragraph whose text was changed outside the workbench (issue 23 point 3): the
document JSON (`show --json`) edited in a text editor and imported again keeps the changed text
as the drafter's own, says so in Chinese, and never regenerates it silently; a JSON whose
generated paragraph is unchanged (or whose table alone was edited) stays generated."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

from workbench.cli.commands import main
from workbench.document.figures import parse_figure
from workbench.document.model import Report
from workbench.document.phrasing import GENERATED_TARGETS, targets_sentence
from workbench.drafting import editing as E
from workbench.drafting.rollover import roll_over
from workbench.reading.importer import import_detailed
from workbench.storage.store import Store
from workbench.writing.export import export_report
from workbench.writing.plain import render_text

from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui is an autouse fixture)

TARGETS = (1, None, 1)  # the 2024 example's targets paragraph: 二、2024年工作安排, its 2nd paragraph
ADDED = "各项指标要逐项分解到村（社区）和部门，按季度通报进展。"
CLAIMED = "第二章第2段原为自动生成，文件中的文字已改动，现作为您自己的文字保留，不再自动更新"


def shown_json(db: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["--db", str(db), "show", "狮岭镇", "2024", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def targets_dict(doc: dict) -> dict:
    ci, _, pi = TARGETS
    return doc["chapters"][ci]["paragraphs"][pi]


def write(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def edited_file(store_path: Path, tmp_path: Path, capsys) -> tuple[Path, str]:
    """`show --json` of the 2024 draft with a sentence added to its generated targets paragraph."""
    doc = shown_json(store_path, capsys)
    para = targets_dict(doc)
    assert para.get("generated") == GENERATED_TARGETS
    edited = para["text"] + ADDED
    para["text"] = edited
    return write(tmp_path / "edited.json", doc), edited


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs).replace("\u200d", "")


# ------------------------------------------------------------ core: the edit survives


def test_an_edited_generated_paragraph_is_kept_as_the_drafters_own(store_path, tmp_path, capsys):
    path, edited = edited_file(store_path, tmp_path, capsys)
    assert main(["--db", str(store_path), "import", str(path), "--replace"]) == 0
    out = capsys.readouterr().out
    assert CLAIMED in out, out
    report = stored(store_path)
    para = E.get_paragraph(report, TARGETS)
    assert para.generated is None and para.text == edited
    assert edited in render_text(report)


def test_the_kept_text_survives_a_table_edit_an_export_and_a_roll_over(store_path, tmp_path, capsys):
    path, edited = edited_file(store_path, tmp_path, capsys)
    assert main(["--db", str(store_path), "import", str(path), "--replace"]) == 0
    with Store(store_path) as store:
        report = store.get("狮岭镇", 2024)
        report.targets[0] = parse_figure("地区生产总值增长6.5%左右")  # the table changes
        store.put(report)
        report = store.get("狮岭镇", 2024)
    assert E.get_paragraph(report, TARGETS).text == edited
    out = export_report(report, tmp_path / "out.docx")
    assert edited in docx_text(out)
    assert "地区生产总值增长6.5%左右" not in docx_text(out)  # nothing regenerated the sentence
    draft = roll_over(report, 2025)
    carried = E.get_paragraph(draft, TARGETS)
    assert carried.generated is None and carried.text.endswith(ADDED)


def test_dry_run_and_json_say_which_paragraph_is_now_the_drafters(store_path, tmp_path, capsys):
    path, _ = edited_file(store_path, tmp_path, capsys)
    assert main(["--db", str(store_path), "import", str(path), "--dry-run"]) == 0
    assert CLAIMED in capsys.readouterr().out
    assert main(["--db", str(store_path), "import", str(path), "--dry-run", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert any(CLAIMED in w for w in doc["_import"]["warnings"])
    assert "generated" not in targets_dict(doc)
    assert main(["--db", str(store_path), "import", str(path), "--replace", "--json"]) == 0
    got = capsys.readouterr()
    assert CLAIMED in got.err  # stdout stays the document alone
    assert "generated" not in targets_dict(json.loads(got.out))


def test_an_unchanged_json_stays_generated_and_says_nothing(store_path, tmp_path, capsys):
    path = write(tmp_path / "same.json", shown_json(store_path, capsys))
    assert main(["--db", str(store_path), "import", str(path), "--replace"]) == 0
    out = capsys.readouterr().out
    assert "原为自动生成" not in out
    para = E.get_paragraph(stored(store_path), TARGETS)
    assert para.generated == GENERATED_TARGETS


def test_a_json_whose_table_alone_was_edited_stays_generated_and_follows_the_table(store_path, tmp_path, capsys):
    doc = shown_json(store_path, capsys)
    doc["targets"][0]["growth_pct"] = 6.5
    doc["targets"][0]["raw"] = "地区生产总值增长6.5%左右"
    path = write(tmp_path / "table.json", doc)
    [got] = import_detailed(path)
    assert not any("原为自动生成" in w for w in got.warnings)
    para = E.get_paragraph(got.report, TARGETS)
    assert para.generated == GENERATED_TARGETS
    assert main(["--db", str(store_path), "import", str(path), "--replace"]) == 0
    report = stored(store_path)
    para = E.get_paragraph(report, TARGETS)
    assert para.generated == GENERATED_TARGETS
    assert para.text == targets_sentence(report) and "地区生产总值增长6.5%左右" in para.text


def test_a_json_without_the_check_compares_with_the_table(tmp_path):
    """A document written by an older version (or by hand) carries no record of the generated
    text: a text other than what its own table makes is the drafter's; the same text is not."""
    from conftest import example_dict

    doc = example_dict(2024)
    del targets_dict(doc)["generated_sha256"]  # as an older version wrote it
    [same] = import_detailed(write(tmp_path / "same.json", doc))
    assert E.get_paragraph(same.report, TARGETS).generated == GENERATED_TARGETS
    assert not same.warnings
    targets_dict(doc)["text"] = targets_dict(doc)["text"].replace("增长6%左右；固定", "增长6%左右，力争更好；固定")
    [edited] = import_detailed(write(tmp_path / "edited.json", doc))
    para = E.get_paragraph(edited.report, TARGETS)
    assert para.generated is None and "力争更好" in para.text
    assert any(CLAIMED in w for w in edited.warnings)


def test_a_lead_added_in_the_file_counts_as_a_change(store_path, tmp_path, capsys):
    doc = shown_json(store_path, capsys)
    targets_dict(doc)["lead"] = "确定今年的目标。"
    [got] = import_detailed(write(tmp_path / "lead.json", doc))
    para = E.get_paragraph(got.report, TARGETS)
    assert para.generated is None and para.lead == "确定今年的目标。"
    assert any(CLAIMED in w for w in got.warnings)


def test_the_store_round_trip_keeps_a_generated_paragraph_generated(store_path):
    """The record of the generated text is written with the document and read back unchanged."""
    report = stored(store_path)
    again = Report.from_dict(json.loads(json.dumps(report.to_dict(), ensure_ascii=False)))
    assert E.get_paragraph(again, TARGETS).generated == GENERATED_TARGETS
    assert again == report


# ------------------------------------------------------------ the TUI


async def test_the_tui_import_shows_the_edited_paragraph_as_the_drafters(store_path, tmp_path, capsys):
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.sections import BodyArea, OutlineTree
    from workbench import strings as S

    path, edited = edited_file(store_path, tmp_path, capsys)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.import_file(path, replace=True)
        await settle(pilot, app)
        messages = [str(n.message) for n in app._notifications]
        assert any(CLAIMED in m for m in messages), messages
        screen = await open_2024(pilot, app)
        screen.action_tab("sections")
        await pilot.pause()
        tree = screen.query_one(OutlineTree)
        node = tree.node_for(TARGETS)
        assert not str(node.label).startswith(S.GENERATED_MARK), str(node.label)
        tree.move_cursor(node)
        await pilot.pause()
        await pilot.pause()
        body = screen.query_one(BodyArea)
        assert body.text == edited
        body.focus()
        body.move_cursor((0, len(edited)))
        await pilot.press("a")  # the drafter's own text takes typing
        await settle(pilot, app)
        assert body.text == edited + "a"
