"""Drafting rounds (issue 17): named versions, and a reviewed .docx of ours back in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.commands import main
from workbench.storage.store import Store


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "s.json"
    root = Path(__file__).resolve().parents[1]
    assert main(["--db", str(path), "import", str(root / "examples" / "shiling-2023.json")]) == 0
    assert main(["--db", str(path), "import", str(root / "examples" / "shiling-2024.json")]) == 0
    return path


def test_version_round_trip(db, capsys):
    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 0
    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        original = r.to_dict()
        r.chapters[0].paragraphs[0].text += "（修改后加的一句。）"
        s.put(r)
    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 2
    assert "已有名为“征求意见稿”" in capsys.readouterr().err
    assert main(["--db", str(db), "version", "restore", "狮岭镇", "2024", "征求意见稿"]) == 0
    with Store(db, readonly=True) as s:
        back = s.get("狮岭镇", 2024).to_dict()
        rows = s.versions("狮岭镇", 2024)
        kept = s.get_version("狮岭镇", 2024, rows[-1]["name"])[0]
    assert back == original
    assert [r["kind"] for r in rows] == ["manual", "before-restore"]
    assert kept.chapters[0].paragraphs[0].text.endswith("（修改后加的一句。）")
    capsys.readouterr()
    assert main(["--db", str(db), "version", "list", "狮岭镇", "2024"]) == 0
    listed = capsys.readouterr().out
    # the time as the TUI shows it, "2026-12-02 10:24:50", not ISO's "2026-12-02T10:24:50"
    assert rows[0]["saved_at"].replace("T", " ") in listed and "T" not in listed.split()[1]
    assert main(["--db", str(db), "version", "delete", "狮岭镇", "2024", "征求意见稿"]) == 0
    assert main(["--db", str(db), "version", "show", "狮岭镇", "2024", "征求意见稿"]) == 2


def test_old_store_without_versions_opens(tmp_path):
    path = tmp_path / "old.json"
    doc = json.loads((Path(__file__).resolve().parents[1] / "examples" / "shiling-2024.json").read_text("utf-8"))
    path.write_text(json.dumps({"reports": {"1": doc}}, ensure_ascii=False), encoding="utf-8")
    with Store(path, readonly=True) as s:
        assert s.versions("狮岭镇", 2024) == []
        assert s.get("狮岭镇", 2024) is not None


def _w(tag):
    from docx.oxml.ns import qn

    return qn(tag)


def _revise(path: Path, out: Path) -> dict:
    """Edit an exported draft the way Word's 修订 does: an insertion and a deletion that cross
    a run boundary in a body paragraph, a change inside the appendix table, and a comment."""
    from docx import Document
    from docx.oxml import OxmlElement

    doc = Document(str(path))
    body_p = next(p for p in doc.paragraphs if p.text.startswith("持续") or len(p.text) > 60)
    runs = body_p.runs
    first = runs[-1]
    old_text = first.text
    cut = old_text[:6]
    # The deletion covers the first six characters of the last run; the insertion follows it.
    first.text = old_text[6:]
    dele = OxmlElement("w:del")
    dele.set(_w("w:id"), "901")
    dele.set(_w("w:author"), "李局长")
    dele.set(_w("w:date"), "2025-01-05T09:00:00Z")
    r = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = cut
    r.append(dt)
    dele.append(r)
    ins = OxmlElement("w:ins")
    ins.set(_w("w:id"), "902")
    ins.set(_w("w:author"), "李局长")
    ins.set(_w("w:date"), "2025-01-05T09:01:00Z")
    r2 = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "全力以赴"
    r2.append(t)
    ins.append(r2)
    first._r.addprevious(dele)
    first._r.addprevious(ins)
    doc.add_comment(runs[0], text="这一段的数字请与统计局再核一遍", author="王主任", initials="王")
    cell_p = None
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if any(ch.isdigit() for ch in cell.text):
                    cell_p = cell.paragraphs[0]
                    break
            if cell_p is not None:
                break
    table_change = None
    if cell_p is not None:
        ins2 = OxmlElement("w:ins")
        ins2.set(_w("w:id"), "903")
        ins2.set(_w("w:author"), "统计局")
        r3 = OxmlElement("w:r")
        t3 = OxmlElement("w:t")
        t3.text = "（快报数）"
        r3.append(t3)
        ins2.append(r3)
        cell_p._p.append(ins2)
        table_change = cell_p.text
    doc.save(str(out))
    return {"accepted": body_p.text.replace(cut, "", 0), "cut": cut, "table": table_change,
            "before": "".join(x for x in [old_text])}


def test_reviewed_docx_comes_back_as_a_version(db, tmp_path, capsys):
    draft = tmp_path / "狮岭镇2024年政府工作报告.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--appendix", "-o", str(draft)]) == 0
    reviewed = tmp_path / "狮岭镇2024（李局长修改）.docx"
    info = _revise(draft, reviewed)
    with Store(db, readonly=True) as s:
        before = s.get("狮岭镇", 2024).to_dict()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(reviewed)]) == 0
    out = capsys.readouterr().out
    assert "新版本“狮岭镇2024（李局长修改）”" in out and "修订" in out and "批注1条" in out
    # the table change is in the header row ("2023年目标（快报数）"): no figure, nothing to set
    assert info["table"] is not None and "表格“" not in out
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).to_dict() == before  # never overwrites the working state
        report, record = s.get_version("狮岭镇", 2024, "狮岭镇2024（李局长修改）")
    changes, comments = record["changes"], record["comments"]
    kinds = [(c["kind"], c["author"], c["text"]) for c in changes if not c["in_table"]]
    assert ("del", "李局长", info["cut"]) in kinds and ("ins", "李局长", "全力以赴") in kinds
    body = [p.full_text for *_, p in report.paragraphs()]
    assert any("全力以赴" in t and info["cut"] not in t.split("全力以赴")[0][-6:] for t in body)
    assert any(c["in_table"] and c["text"] == "（快报数）" for c in changes) == (info["table"] is not None)
    [comment] = comments
    assert comment["author"] == "王主任" and comment["text"] == "这一段的数字请与统计局再核一遍"
    assert comment["anchor"] and comment.get("chapter") is not None
    # check lists the open comment of the latest round, adopted or not.
    main(["--db", str(db), "check", "狮岭镇", "2024"])
    out = capsys.readouterr().out
    assert "R601" in out and "王主任" in out and "这一段的数字请与统计局再核一遍" in out
    assert main(["--db", str(db), "version", "done", "狮岭镇", "2024", "狮岭镇2024（李局长修改）",
                 comment["id"]]) == 0
    main(["--db", str(db), "check", "狮岭镇", "2024"])
    assert "R601" not in capsys.readouterr().out
    # Adopting it: the working state becomes the reviewed text.
    assert main(["--db", str(db), "version", "restore", "狮岭镇", "2024", "狮岭镇2024（李局长修改）"]) == 0
    with Store(db, readonly=True) as s:
        assert any("全力以赴" in p.full_text for *_, p in s.get("狮岭镇", 2024).paragraphs())


def test_compare_a_version_with_the_working_state(db, capsys):
    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "送审稿"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "compare", "狮岭镇", "2024@送审稿", "2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["--db", str(db), "compare", "狮岭镇", "2024@没有这个", "2024"]) == 2
    assert "没有名为“没有这个”的版本" in capsys.readouterr().err


def test_export_changes_from_a_version(db, tmp_path, capsys):
    from lxml import etree
    import zipfile

    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 0
    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        r.chapters[0].paragraphs[0].text = r.chapters[0].paragraphs[0].text.replace("稳中求进", "稳中求进、以进促稳", 1)
        s.put(r)
    out = tmp_path / "修订稿.docx"
    capsys.readouterr()
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "征求意见稿",
                 "--author", "办公室 张三", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "已导出修订稿" in printed and "插入1处" in printed
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    [ins] = list(root.iter(w + "ins"))
    assert ins.get(w + "author") == "办公室 张三" and "".join(t.text for t in ins.iter(w + "t")) == "、以进促稳"
    with Store(db, readonly=True) as s:
        saved = s.versions("狮岭镇", 2024)[0]["saved_at"]
    assert ins.get(w + "date").startswith(saved[:10])  # the version's date
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "初稿", "-o",
                 str(tmp_path / "x.docx")]) == 2
    assert "没有这个版本" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()


def test_take_and_refuse_single_changes(db, tmp_path):
    from workbench.drafting.rounds import decide

    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    _revise(draft, tmp_path / "审阅.docx")
    assert main(["--db", str(db), "import", str(tmp_path / "审阅.docx")]) == 0
    with Store(db, readonly=True) as s:
        report, record = s.get_version("狮岭镇", 2024, "审阅")
        original = s.get("狮岭镇", 2024)
    changes = [c for c in record["changes"] if not c["in_table"]]
    ins = next(i for i, c in enumerate(changes) if c["kind"] == "ins")
    dele = next(i for i, c in enumerate(changes) if c["kind"] == "del")
    text_of = lambda r: [p.full_text for *_, p in r.paragraphs()]
    assert decide(report, changes, ins, take=False)   # refuse the insertion
    assert decide(report, changes, dele, take=False)  # and the deletion: the paragraph is as before
    assert text_of(report) == text_of(original)
    assert {c["decision"] for c in changes} == {"refused"}


def test_replace_keeps_the_replaced_state_as_a_version(db, tmp_path, capsys):
    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        r.chapters[0].paragraphs[0].text += "（只在当前稿里的一句。）"
        s.put(r)
        before = s.get("狮岭镇", 2024).to_dict()
    other = tmp_path / "other.json"
    doc = json.loads((Path(__file__).resolve().parents[1] / "examples" / "shiling-2024.json").read_text("utf-8"))
    other.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(other)]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and "另存为版本" in err  # the hint says nothing is lost
    assert main(["--db", str(db), "import", str(other), "--replace"]) == 0
    out = capsys.readouterr().out
    assert "原来的当前稿已另存为版本“替换前自动保存" in out
    with Store(db, readonly=True) as s:
        [row] = [v for v in s.versions("狮岭镇", 2024) if v["kind"] == "before-replace"]
        assert s.get_version("狮岭镇", 2024, row["name"])[0].to_dict() == before
        assert s.get("狮岭镇", 2024).to_dict() != before
    # the command it prints works as pasted (the version's name has a space: it is quoted)
    import shlex

    printed = out.split("要找回：", 1)[1].splitlines()[0].strip()
    words = shlex.split(printed)
    assert words[0] == "workbench"
    assert main(["--db", str(db), *words[1:]]) == 0
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).to_dict() == before
    assert main(["--db", str(db), "version", "restore", "狮岭镇", "2024", row["name"]]) == 0
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).to_dict() == before


def test_redline_counts_and_dates_agree_with_the_import(db, tmp_path, capsys):
    import re

    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 0
    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        paras = [p for *_, p in r.paragraphs() if len(p.text) > 30]
        paras[0].text = paras[0].text.replace(paras[0].text[3:9], "全力推进", 1)
        paras[1].text += "力争新增规上企业10家。"
        next(c for c in reversed(r.chapters) if c.sections).sections[-1].paragraphs.pop()
        s.put(r)
        saved = s.working_saved_at("狮岭镇", 2024)
    out = tmp_path / "修订稿.docx"
    capsys.readouterr()
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "征求意见稿", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    ins, dels = map(int, re.search(r"插入(\d+)处，删除(\d+)处", printed).groups())
    # the 修订 are dated when the working state was saved, not when the version was
    assert saved.replace("T", " ") in printed and "当前稿最后保存的时间" in printed
    from lxml import etree
    import zipfile

    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert {el.get(w + "date") for el in root.iter(w + "ins", w + "del")} == {saved + "Z"}
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"修订插入{ins}处，删除{dels}处" in said
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "征求意见稿", "--date",
                 "2025-01-05 09:30", "-o", str(tmp_path / "b.docx")]) == 0
    assert "2025-01-05 09:30:00（--date 指定）" in capsys.readouterr().out
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "征求意见稿", "--date",
                 "下周一", "-o", str(tmp_path / "c.docx")]) == 2
    assert "--date 的“下周一”不是日期" in capsys.readouterr().err and not (tmp_path / "c.docx").exists()


def test_a_redline_into_a_store_without_the_report_says_it_became_the_working_state(db, tmp_path, capsys):
    assert main(["--db", str(db), "version", "save", "狮岭镇", "2024", "征求意见稿"]) == 0
    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        r.chapters[0].paragraphs[0].text += "再加一句。"
        s.put(r)
    out = tmp_path / "修订稿.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--changes-from", "征求意见稿", "-o", str(out)]) == 0
    empty = tmp_path / "empty.json"
    capsys.readouterr()
    assert main(["--db", str(empty), "import", str(out)]) == 0
    said = capsys.readouterr().out
    assert "还没有 狮岭镇 2024 年的报告" in said and "导入为当前稿" in said and "当前稿未改动" not in said
    with Store(empty, readonly=True) as s:
        assert s.get("狮岭镇", 2024) is not None and [v["kind"] for v in s.versions("狮岭镇", 2024)] == ["review"]


def _lead_paragraph(doc):
    from workbench.document.layout import LEAD

    ids = {st.style_id for st in doc.styles if st.name == LEAD}
    for p in doc.paragraphs:
        first = p._p.find(_w("w:r"))
        rpr = first.find(_w("w:rPr")) if first is not None else None
        rs = rpr.find(_w("w:rStyle")) if rpr is not None else None
        if rs is not None and rs.get(_w("w:val")) in ids:
            return p, first
    raise AssertionError("no lead in the export")


def _tracked(kind: str, text: str, rpr, n: int):
    import copy

    from docx.oxml import OxmlElement

    mark = OxmlElement(f"w:{kind}")
    mark.set(_w("w:id"), str(950 + n))
    mark.set(_w("w:author"), "李局长")
    mark.set(_w("w:date"), "2025-01-05T09:00:00Z")
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    r.append(t)
    mark.append(r)
    return mark


def test_leads_stay_bold_and_end_where_they_ended(db, tmp_path, capsys):
    """Word gives text typed right after a bold lead the lead's formatting; it is body text.
    Refusing a change inside a lead keeps the lead a lead."""
    from docx import Document

    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    doc = Document(str(draft))
    p, lead_run = _lead_paragraph(doc)
    lead_text = "".join(t.text for t in lead_run.iter(_w("w:t")))
    assert lead_text.endswith("。")
    rpr = lead_run.find(_w("w:rPr"))
    # a word of the lead replaced (deleted + inserted, both in the lead's style) ...
    t = next(lead_run.iter(_w("w:t")))
    keep = t.text[2:]
    t.text = keep
    lead_run.addprevious(_tracked("del", lead_text[:2], rpr, 0))
    lead_run.addprevious(_tracked("ins", "全力", rpr, 1))
    # ... and a sentence typed after the lead's stop, in the lead's formatting
    lead_run.addnext(_tracked("ins", "今年再上台阶。", rpr, 2))
    reviewed = tmp_path / "李局长改.docx"
    doc.save(str(reviewed))
    with Store(db, readonly=True) as s:
        original = {(p.lead, p.text) for *_, p in s.get("狮岭镇", 2024).paragraphs()}
    assert main(["--db", str(db), "import", str(reviewed)]) == 0
    with Store(db, readonly=True) as s:
        version = s.get_version("狮岭镇", 2024, "李局长改")[0]
    [changed] = [p for *_, p in version.paragraphs() if (p.lead, p.text) not in original]
    assert changed.lead == "全力" + lead_text[2:] and changed.text.startswith("今年再上台阶。")
    capsys.readouterr()
    assert main(["--db", str(db), "round", "reject", "狮岭镇", "2024", "--all"]) == 0
    assert "已拒绝3处修订" in capsys.readouterr().out
    with Store(db, readonly=True) as s:
        back = s.get_version("狮岭镇", 2024, "李局长改")[0]
        assert [(p.lead, p.text) for *_, p in back.paragraphs()] == \
            [(p.lead, p.text) for *_, p in s.get("狮岭镇", 2024).paragraphs()]


def test_round_commands_refuse_what_is_not_there(db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(db), "round", "list", "狮岭镇", "2024"]) == 2
    assert "还没有审阅稿" in capsys.readouterr().err
    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    _revise(draft, tmp_path / "审阅.docx")
    assert main(["--db", str(db), "import", str(tmp_path / "审阅.docx")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "round", "accept", "狮岭镇", "2024", "99"]) == 2
    assert "没有编号为 99 的修订" in capsys.readouterr().err
    assert main(["--db", str(db), "round", "accept", "狮岭镇", "2024"]) == 2
    assert "请给出修订编号，或加 --all" in capsys.readouterr().err
    assert main(["--db", str(db), "round", "accept", "狮岭镇", "2024", "1", "--adopt"]) == 2
    assert "未处理，未采用" in capsys.readouterr().err
    with Store(db, readonly=True) as s:
        assert s.get_version("狮岭镇", 2024, "审阅")[1]["changes"][0]["decision"] == "taken"


def test_comments_in_a_file_of_several_reports_are_named_not_dropped(tmp_path, r2023, r2024, capsys):
    import docx

    from workbench.writing.plain import render_text

    doc = docx.Document()
    for report in (r2023, r2024):
        for line in render_text(report).splitlines():
            if line.strip():
                doc.add_paragraph(line.strip())
    p = next(p for p in doc.paragraphs if len(p.text) > 30)
    doc.add_comment(p.runs[0], text="这里要核实", author="王主任", initials="王")
    path = tmp_path / "汇编.docx"
    doc.save(str(path))
    assert main(["--db", str(tmp_path / "s.json"), "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.count("此文件有批注1条") == 2  # said beside each report


def test_a_file_name_a_version_cannot_take_is_mended(db, tmp_path, capsys):
    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    _revise(draft, tmp_path / "审阅@李局长.docx")
    assert main(["--db", str(db), "import", str(tmp_path / "审阅@李局长.docx")]) == 0
    with Store(db, readonly=True) as s:
        assert s.get_version("狮岭镇", 2024, "审阅-李局长") is not None


def test_changes_in_anyones_targets_and_results_tables_reach_the_figures(db, tmp_path, r2024, capsys):
    """A foreign .docx of the stored report with a figures table: a 修订 in this year's 目标
    column changes a target, one in the 完成 column a result, one in the names column nothing;
    refusing them all gives the figures back."""
    import docx

    from workbench.document.figures import format_figure
    from workbench.writing.plain import render_text

    doc = docx.Document()
    for line in render_text(r2024).splitlines():
        if line.strip():
            doc.add_paragraph(line.strip())
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("指标", "2024年目标", "2023年完成")):
        cell.text = text
    for t, res in zip(r2024.targets[:4], r2024.results[:4]):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (t.name, format_figure(t, with_name=False),
                                                       format_figure(res, with_name=False))

    def retrack(cell, old: str, new: str, n: int) -> None:
        p = cell.paragraphs[0]
        run = p.runs[0]
        before, after = run.text.split(old, 1)
        run.text = before
        marks = [_tracked("del", old, None, n), _tracked("ins", new, None, n + 1)]
        for m in marks:
            p._p.append(m)
        if after:
            p._p.append(copy.deepcopy(run._r))
            p._p[-1].find(_w("w:t")).text = after

    import copy

    retrack(table.rows[1].cells[1], "6%", "6.5%", 0)        # 地区生产总值 target 6% -> 6.5%
    retrack(table.rows[4].cells[2], "7.2%", "7.5%", 2)      # 批发零售业 result 7.2% -> 7.5%
    retrack(table.rows[2].cells[0], "总额", "", 4)          # a name: no figure changes
    path = tmp_path / "表格修改.docx"
    doc.save(str(path))
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "“地区生产总值”已按修订改为 增长6.5%左右" in out and "“批发零售业”已按修订改为 107.2亿元，增长7.5%" in out
    with Store(db, readonly=True) as s:
        version = s.get_version("狮岭镇", 2024, "表格修改")[0]
        stored = s.get("狮岭镇", 2024)
    assert next(f for f in version.targets if f.key == "gdp").growth_pct == 6.5
    assert next(f for f in version.results if f.key == "wholesale_retail_sales").growth_pct == 7.5
    assert main(["--db", str(db), "round", "reject", "狮岭镇", "2024", "--all"]) == 0
    with Store(db, readonly=True) as s:
        back = s.get_version("狮岭镇", 2024, "表格修改")[0]
    assert next(f for f in back.targets if f.key == "gdp").growth_pct == \
        next(f for f in stored.targets if f.key == "gdp").growth_pct == 6
    assert next(f for f in back.results if f.key == "wholesale_retail_sales").growth_pct == 7.2


def test_a_dry_run_forecasts_a_review_round(db, tmp_path, capsys):
    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(draft)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(draft), "--dry-run"]) == 0
    assert "正式导入会把它作为 狮岭镇 2024 年报告的新版本（审阅稿）导入，当前稿不变" in capsys.readouterr().out
    with Store(db, readonly=True) as s:
        assert s.versions("狮岭镇", 2024) == []


def test_a_change_to_last_years_target_in_the_appendix_is_named_not_applied(db, tmp_path, capsys):
    from docx import Document

    draft = tmp_path / "d.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--appendix", "-o", str(draft)]) == 0
    doc = Document(str(draft))
    [table] = doc.tables
    col = next(i for i, c in enumerate(table.rows[0].cells) if c.text.endswith("年目标"))
    row = table.rows[1]
    p = row.cells[col].paragraphs[0]
    runs = list(p._p.iter(_w("w:r")))
    old = "".join(t.text for r in runs for t in r.iter(_w("w:t")))
    for r in runs:
        r.getparent().remove(r)
    p._p.append(_tracked("del", old, None, 0))
    p._p.append(_tracked("ins", old.replace("%", ".5%", 1), None, 1))
    doc.save(str(tmp_path / "改了去年目标.docx"))
    with Store(db, readonly=True) as s:
        before = s.get("狮岭镇", 2023).to_dict(), s.get("狮岭镇", 2024).targets
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(tmp_path / "改了去年目标.docx")]) == 0
    out = capsys.readouterr().out
    assert f"栏“{row.cells[0].text}”的修订改的是2023年报告的目标，这份报告的数字未改" in out
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2023).to_dict() == before[0]
        assert s.get_version("狮岭镇", 2024, "改了去年目标")[0].targets == before[1]
