"""Review rounds through LibreOffice itself (issue 25): an exported .docx re-saved by
`soffice --convert-to docx`, 修订 made through LibreOffice's UNO API (tests/helpers/lo_review.py,
headless), a foreign .docx reviewed the same way, each imported as a review round.

LibreOffice is slow to start, so the module makes every file once, with one UNO process for
the tracked edits and one `--convert-to` process for the re-saves. 批注 are added by XML
(python-docx) before the LibreOffice re-save: this LibreOffice (7.4) stops when a comment is
inserted through UNO in a headless process, while it reads and saves comments in a file fine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from workbench.cli.commands import main
from workbench.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
HELPER = Path(__file__).resolve().parent / "helpers" / "lo_review.py"
SYSTEM_PYTHON = "/usr/bin/python3"
ZWJ = "\u200d"

# The reviewer's edits: body text, a bold lead, and a figure in the 附件 table.
EDITS = [["全力拼经济、抓项目、惠民生", "全力拼经济、抓项目、强产业、惠民生"],
         ["运行总体回升", "运行回升"],
         ["企业培育成效明显", "企业培育成效显著"],
         ["143.6亿元，增长5.5%", "143.6亿元，增长5.8%"]]
FOREIGN_EDITS = [["坚持稳中求进工作总基调", "坚持稳中求进工作总基调，以进促稳"],
                 ["全镇经济运行总体回升向好", "全镇经济运行回升向好"]]


def _tools_or_skip() -> None:
    has_uno = Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0
    if shutil.which("soffice") is None or not has_uno:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but LibreOffice or python3-uno is missing")
        pytest.skip("LibreOffice (soffice) with python3-uno is not installed")


def _db(folder: Path, name: str) -> Path:
    db = folder / name
    for year in (2023, 2024):
        assert main(["--db", str(db), "import", str(ROOT / "examples" / f"shiling-{year}.json")]) == 0
    return db


def _comment(src: Path, out: Path, notes: list[tuple[str, str, str]]) -> None:
    """批注 written into the file's XML, anchored on the first run of a paragraph."""
    import docx

    doc = docx.Document(str(src))
    for start, author, text in notes:
        p = next(p for p in doc.paragraphs if p.text.replace(ZWJ, "").startswith(start))
        doc.add_comment(p.runs[0], text=text, author=author, initials=author[:1])
    doc.save(str(out))


def _foreign(report, out: Path) -> None:
    """Someone else's .docx of the same report: Word's default styles, no data of ours."""
    import docx

    from workbench.writing.plain import render_text

    doc = docx.Document()
    for line in render_text(report).splitlines():
        if line.strip():
            doc.add_paragraph(line.strip())
    doc.save(str(out))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    _tools_or_skip()
    folder = tmp_path_factory.mktemp("lo")
    db = _db(folder, "base.json")
    draft = folder / "狮岭镇2024征求意见稿.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--appendix", "-o", str(draft)]) == 0
    with Store(db, readonly=True) as s:
        report = s.get("狮岭镇", 2024)
    foreign = folder / "省里转来的稿子.docx"
    _foreign(report, foreign)
    uno_out = folder / "uno"
    uno_out.mkdir()
    jobs = {"profile": str(folder / "profile"), "author": "李局长", "jobs": [
        {"in": str(draft), "out": str(uno_out / "李局长修改.docx"), "accepted": str(folder / "全部接受.docx"),
         "replace": EDITS},
        {"in": str(foreign), "out": str(uno_out / "省里修改.docx"), "replace": FOREIGN_EDITS}]}
    (folder / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, HOME=str(folder))
    subprocess.run([SYSTEM_PYTHON, str(HELPER), str(folder / "jobs.json")], check=True, timeout=300, env=env)
    _comment(uno_out / "李局长修改.docx", folder / "李局长修改.docx",
             [("招商引资量质齐升", "王主任", "请补上全年签约项目数")])
    _comment(uno_out / "省里修改.docx", folder / "省里修改.docx",
             [("招商引资量质齐升", "省政府办", "外资数字请核实"), ("企业培育成效明显", "省政府办", "请列出专精特新企业名单")])
    saved = folder / "saved"
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "docx", "--outdir", str(saved), str(draft),
                    str(folder / "李局长修改.docx"), str(folder / "省里修改.docx")],
                   check=True, timeout=300, capture_output=True, env=env)
    return {"folder": folder, "draft": draft, "report": report, "resaved": saved / draft.name,
            "reviewed": saved / "李局长修改.docx", "accepted": folder / "全部接受.docx",
            "foreign": saved / "省里修改.docx"}


def _text(path: Path) -> list[str]:
    """A .docx's text as a reader sees it: paragraphs, then table rows (layout marks dropped)."""
    import docx

    doc = docx.Document(str(path))
    out = [p.text.replace(ZWJ, "").strip() for p in doc.paragraphs]
    for t in doc.tables:
        out += ["|".join(c.text.replace(ZWJ, "").strip() for c in row.cells) for row in t.rows]
    return [t for t in out if t]


def _strip(src: Path, out: Path, drop) -> None:
    """A copy with some parts gone, and the relationships to them (an editor that keeps less
    than LibreOffice)."""
    import re

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if drop(info.filename):
                continue
            data = zin.read(info.filename)
            if info.filename.endswith(".rels"):
                def keep(m):
                    target = m.group(1).decode().lstrip("./").lstrip("/")
                    return b"" if drop(target) else m.group(0)
                data = re.sub(rb'<Relationship [^>]*Target="([^"]+)"[^>]*/>', keep, data)
            zout.writestr(info, data)


def _same_document(a, b) -> None:
    assert a.meta == b.meta and a.status == b.status and a.place == b.place and a.year == b.year
    assert [c.title for c in a.chapters] == [c.title for c in b.chapters]
    assert [(p.lead, p.text) for *_, p in a.paragraphs()] == [(p.lead, p.text) for *_, p in b.paragraphs()]
    assert a.results == b.results and a.targets == b.targets


def test_a_copy_libreoffice_saved_keeps_our_data(files, tmp_path, capsys):
    resaved = files["resaved"]
    with zipfile.ZipFile(resaved) as z:
        names = z.namelist()
        props = z.read("docProps/custom.xml").decode("utf-8")
    assert any(n.startswith("customXml/itemProps") for n in names) and "狮岭镇" in props
    db = _db(tmp_path, "s.json")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(resaved)]) == 0  # no refusal, no --replace needed
    out = capsys.readouterr().out
    assert "新版本“狮岭镇2024征求意见稿”" in out and "当前稿未改动" in out
    with Store(db, readonly=True) as s:
        _same_document(s.get_version("狮岭镇", 2024, "狮岭镇2024征求意见稿")[0], files["report"])


@pytest.mark.parametrize("drop, lost", [
    (lambda n: n.startswith("customXml/"), True),                             # the property is left
    (lambda n: n.startswith("customXml/") or n == "docProps/custom.xml", True),  # title block and text only
])
def test_a_copy_that_lost_our_data_is_known_by_its_title_and_text(files, tmp_path, capsys, drop, lost):
    stripped = tmp_path / "另存的稿子.docx"
    _strip(files["resaved"], stripped, drop)
    db = _db(tmp_path, "s.json")
    with Store(db) as s:  # the working state moved on since the copy was made
        r = s.get("狮岭镇", 2024)
        s.save_version(r, "送出前")
        r.chapters[0].paragraphs[0].text += "（送出后补的一句。）"
        r.results[0].growth_pct = 9.9
        s.put(r)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(stripped)]) == 0
    out = capsys.readouterr().out
    assert "新版本“另存的稿子”" in out and ("丢了工作台附带的数字" in out) == lost
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).results[0].growth_pct == 9.9  # working state untouched
        version = s.get_version("狮岭镇", 2024, "另存的稿子")[0]
    # Read by our styles: three chapters, the title block in place, and the figures of the
    # state it was exported from (found by the fingerprint, or the working state's).
    assert len(version.chapters) == len(files["report"].chapters)
    assert version.meta.meeting == files["report"].meta.meeting and version.meta.speaker == files["report"].meta.speaker
    assert version.status == files["report"].status
    assert [(p.lead, p.text) for *_, p in version.paragraphs()] == \
        [(p.lead, p.text) for *_, p in files["report"].paragraphs()]
    if drop("docProps/custom.xml"):
        assert len(version.results) == len(files["report"].results)
    else:
        assert version.results == files["report"].results


def test_round_trip_through_libreoffice_matches_its_own_accept_all(files, tmp_path, capsys):
    db = _db(tmp_path, "s.json")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(files["reviewed"])]) == 0
    out = capsys.readouterr().out
    assert "插入6处，删除6处" in out and "批注1条" in out
    assert "“规上工业总产值”已按修订改为 143.6亿元，增长5.8%" in out
    # the table cell reached the version's figures
    assert main(["--db", str(db), "version", "show", "狮岭镇", "2024", "李局长修改", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert next(f for f in shown["results"] if f["name"] == "规上工业总产值")["growth_pct"] == 5.8
    assert main(["--db", str(db), "round", "list", "狮岭镇", "2024", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 12 and {c["author"] for c in listed} == {"李局长"}
    assert main(["--db", str(db), "round", "accept", "狮岭镇", "2024", "--all", "--adopt"]) == 0
    assert "已接受12处修订" in capsys.readouterr().out
    assert main(["--db", str(db), "show", "狮岭镇", "2024", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert next(f for f in shown["results"] if f["name"] == "规上工业总产值")["growth_pct"] == 5.8
    out = tmp_path / "采用后.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "--appendix", "-o", str(out)]) == 0
    assert _text(out) == _text(files["accepted"])
    with Store(db, readonly=True) as s:
        lead = next(p for *_, p in s.get("狮岭镇", 2024).paragraphs() if (p.lead or "").startswith("企业培育"))
    assert lead.lead == "企业培育成效显著。" and lead.text.startswith("新增规上企业")


def test_reject_all_gives_back_the_draft_with_its_leads(files, tmp_path, capsys):
    db = _db(tmp_path, "s.json")
    assert main(["--db", str(db), "import", str(files["reviewed"])]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "round", "reject", "狮岭镇", "2024", "--all"]) == 0
    out = capsys.readouterr().out
    assert "已拒绝12处修订" in out and "找不到原处" not in out
    with Store(db, readonly=True) as s:
        _same_document(s.get_version("狮岭镇", 2024, "李局长修改")[0], s.get("狮岭镇", 2024))


def test_a_foreign_docx_with_comments_becomes_a_version(files, tmp_path, capsys):
    db = _db(tmp_path, "s.json")
    with Store(db, readonly=True) as s:
        before = s.get("狮岭镇", 2024).to_dict()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(files["foreign"])]) == 0
    out = capsys.readouterr().out
    assert "新版本“省里修改”" in out and "批注2条" in out and "插入2处，删除2处" in out
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).to_dict() == before
        report, record = s.get_version("狮岭镇", 2024, "省里修改")
    assert sorted(c["text"] for c in record["comments"]) == ["外资数字请核实", "请列出专精特新企业名单"]
    assert all(c["author"] == "省政府办" for c in record["comments"])
    assert any("以进促稳" in p.full_text for *_, p in report.paragraphs())
    main(["--db", str(db), "check", "狮岭镇", "2024"])
    assert "外资数字请核实" in capsys.readouterr().out  # R601 lists them
