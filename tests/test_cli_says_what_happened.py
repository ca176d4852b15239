"""Messages that said something other than what happened now say what did: a rollover over
several years, a year out of range, a year with no report, a folder given for the export, the
trash emptied only when the drafter agrees, and a dry run's JSON carrying what the plain dry
run prints (where place and year came from, the warnings)."""

from __future__ import annotations

import io
import json

import pytest

from workbench.cli.commands import main
from workbench.storage.store import Store


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_rollover_over_three_years_says_what_it_did(capsys, store_path):
    code, out, _ = run(capsys, "--db", str(store_path), "new", "狮岭镇", "2027", "--from", "2024")
    assert code == 0
    flat = "".join(out.split())
    assert "已加一" not in flat
    assert "从第四次会议改为第七次会议" in flat and "跨越3年" in flat
    assert "请改写为2026年的工作回顾" in flat  # the 2027 report reviews 2026, not 2024
    assert "顺延一年" not in flat
    with Store(store_path, readonly=True) as s:
        assert "第七次会议" in s.get("狮岭镇", 2027).meta.meeting


def test_a_rollover_of_one_year_still_says_plus_one(capsys, store_path):
    code, out, _ = run(capsys, "--db", str(store_path), "new", "狮岭镇", "2025", "--from", "2024")
    flat = "".join(out.split())
    assert code == 0 and "会议次数已加一" in flat and "请改写为2024年的工作回顾" in flat and "顺延一年" in flat


@pytest.mark.parametrize("argv", [["compare", "狮岭镇", "--years", "1900-2900"], ["check", "狮岭镇", "3024"]])
def test_four_digits_out_of_range_are_called_out_of_range(capsys, store_path, argv):
    code, _, err = run(capsys, "--db", str(store_path), *argv)
    assert code == 2 and "超出范围" in err and "四位数字" not in err


def test_changes_from_a_year_with_no_report_says_the_year_has_no_report(capsys, store_path, tmp_path):
    code, out, err = run(capsys, "--db", str(store_path), "export", "狮岭镇", "2024", "--changes-from", "1990",
                         "-o", str(tmp_path / "r.docx"))
    assert code == 2
    assert "没有狮岭镇 1990 年的报告" in err and "请写年份" not in err
    assert not (tmp_path / "r.docx").exists()


def test_export_to_a_folder_refuses_before_printing_the_check_summary(capsys, store_path, tmp_path):
    code, out, err = run(capsys, "--db", str(store_path), "export", "狮岭镇", "2024", "-o", str(tmp_path))
    assert code == 2 and "是一个文件夹" in err
    assert out == ""  # no check summary printed for an export that is refused


def _trash_one(store_path):
    with Store(store_path) as s:
        s.delete("狮岭镇", 2023)


def test_trash_empty_needs_yes_when_it_cannot_ask(capsys, store_path, monkeypatch):
    _trash_one(store_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--db", str(store_path), "trash", "--empty")
    assert code == 2 and "--yes" in err and "狮岭镇 2023" in err
    with Store(store_path, readonly=True) as s:
        assert [r["year"] for r in s.trash()] == [2023]
    code, out, _ = run(capsys, "--db", str(store_path), "trash", "--empty", "--yes")
    assert code == 0 and "已永久删除 1 份报告" in out
    with Store(store_path, readonly=True) as s:
        assert s.trash() == []


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, kept", [("n\n", True), ("\n", True), ("y\n", False)])
def test_trash_empty_asks_on_a_terminal(capsys, store_path, monkeypatch, answer, kept):
    _trash_one(store_path)
    monkeypatch.setattr("sys.stdin", _Tty(answer))
    code, out, _ = run(capsys, "--db", str(store_path), "trash", "--empty")
    assert code == 0 and "永久删除回收站中的 1 份报告" in out
    with Store(store_path, readonly=True) as s:
        assert bool(s.trash()) is kept
    assert ("已取消" in out) is kept


def test_dry_run_json_carries_provenance_and_warnings(capsys, db, tmp_path):
    text = tmp_path / "r.txt"
    text.write_text("青溪镇2024年政府工作报告\n一、2023年工作回顾\n全年实现地区生产总值增长5%。\n"
                    "二、2024年工作安排\n今年的主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--json", "--year", "2024", str(text))
    assert code == 0
    doc = json.loads(out)
    assert doc["_import"]["place_from"] == "标题"
    assert doc["_import"]["year_from"] and doc["_import"]["year_from"] != "标题"  # --year won
    assert isinstance(doc["_import"]["warnings"], list)
    # The plain dry run says the same.
    code, plain, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--year", "2024", str(text))
    assert f"地点来自{doc['_import']['place_from']}" in plain and f"年份来自{doc['_import']['year_from']}" in plain
    # The document still imports as it is (the provenance is not part of the report).
    saved = tmp_path / "dry.json"
    saved.write_text(out, encoding="utf-8")
    assert run(capsys, "--db", str(db), "import", str(saved))[0] == 0
    with Store(db, readonly=True) as s:
        assert "_import" not in s.get("青溪镇", 2024).to_dict()


def test_dry_run_json_carries_the_warnings_plain_dry_run_prints(capsys, db, tmp_path):
    text = tmp_path / "w.txt"
    text.write_text("青溪镇2024年政府工作报告\n一、2023年工作回顾\n全年实现地区生产总值增长5%。\n二、2024年工作安排\n"
                    "今年的主要预期目标是：地区生产总值增长6%左右，粮食产量达到1.2万吨上下浮动约3个。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--json", str(text))
    warnings = json.loads(out)["_import"]["warnings"]
    assert code == 0 and warnings
    _, plain, _ = run(capsys, "--db", str(db), "import", "--dry-run", str(text))
    assert all(w in plain for w in warnings)


@pytest.mark.parametrize("compare_args", [["狮岭镇", "2023", "2024"], ["狮岭镇", "--years", "2023-2024"]])
def test_importing_our_own_comparison_says_what_it_is(capsys, store_path, tmp_path, compare_args):
    out = tmp_path / "对照.docx"
    assert run(capsys, "--db", str(store_path), "compare", *compare_args, "-o", str(out))[0] == 0
    fresh = tmp_path / "fresh.json"
    for extra in ([], ["--place", "狮岭镇"]):
        code, _, err = run(capsys, "--db", str(fresh), "import", *extra, str(out))
        assert code == 2
        assert "对照表" in err and "不是一份报告" in err and "--place" not in err
    assert not fresh.exists()
    # An exported report is still a report.
    report = tmp_path / "r.docx"
    assert run(capsys, "--db", str(store_path), "export", "狮岭镇", "2024", "-o", str(report))[0] == 0
    assert run(capsys, "--db", str(fresh), "import", str(report))[0] == 0


@pytest.mark.parametrize("mark, status", [("", "draft"), ("（定稿）\n", "final"), ("定稿\n", "final"),
                                          ("【定稿】\n", "final"), ("（征求意见稿）\n", "draft")])
def test_an_imported_report_is_a_draft_unless_its_text_says_final(capsys, db, tmp_path, mark, status):
    text = tmp_path / "r.txt"
    text.write_text(f"青溪镇2024年政府工作报告\n{mark}一、2023年工作回顾\n全年实现地区生产总值增长5%。\n二、2024年工作安排\n"
                    "今年的主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", "--json", str(text))
    doc = json.loads(out)
    assert code == 0 and doc["status"] == status
    assert len(doc["chapters"]) == 2 and "稿" not in json.dumps(doc["chapters"], ensure_ascii=False)


@pytest.mark.parametrize("command", [["compare", "狮岭镇", "2023", "2024"], ["compare", "狮岭镇", "--years", "2023-2024"],
                                     ["export", "狮岭镇", "2024"]])
def test_a_written_file_is_named_by_its_full_path(capsys, store_path, tmp_path, monkeypatch, command):
    here = tmp_path / "起草"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, _ = run(capsys, "--db", str(store_path), *command, "-o", "稿.docx")
    assert code == 0 and (here / "稿.docx").exists()
    assert f"已导出：{here / '稿.docx'}" in out
