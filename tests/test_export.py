"""The Word draft: every layout number of DESIGN §6 read back from the exported XML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from workbench.document import layout as L
from workbench.document.commitments import sync
from workbench.cli.commands import main
from workbench.writing.export import export_report
from workbench.writing.report_docx import BLOCK_TWIPS, DEFAULT_TEMPLATE, Attachment, ExportError, fit_columns
from workbench.writing.pdf import convert_to_pdf
from workbench.reading.importer import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
# Rendered pages for a person to look at: kept only where WORKBENCH_RENDER_DIR names a folder
# (the suite itself writes nothing into the checkout).
RENDER_DIR = os.environ.get("WORKBENCH_RENDER_DIR")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture
def exported(tmp_path, r2023, r2024) -> Path:
    return export_report(r2024, tmp_path / "报告.docx", previous=r2023, appendix=True)


def xml(path: Path, member: str):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(member))


def style(styles, name: str):
    for s in styles.iterfind("w:style", NS):
        n = s.find("w:name", NS)
        if n is not None and n.get(q("val")).lower() == name.lower():
            return s
    raise AssertionError(f"no style {name}")


def attr(el, path: str, name: str):
    found = el.find(path, NS)
    return None if found is None else found.get(q(name))


def test_page_size_margins_and_grid(exported):
    doc = xml(exported, "word/document.xml")
    sect = doc.find(".//w:body/w:sectPr", NS)
    twips = lambda mm: round(mm / 25.4 * 1440)  # noqa: E731
    pg = sect.find("w:pgSz", NS)
    assert abs(int(pg.get(q("w"))) - twips(210)) <= 1 and abs(int(pg.get(q("h"))) - twips(297)) <= 1
    mar = sect.find("w:pgMar", NS)
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(int(mar.get(q(side))) - twips(mm)) <= 1, side
    grid = sect.find("w:docGrid", NS)
    assert grid.get(q("linePitch")) == "579" and grid.get(q("type")) == "lines"
    # the text block: 156 x 225 mm
    assert abs(210 - 28 - 26 - 156) == 0 and abs(297 - 37 - 35 - 225) == 0


def test_body_style_fonts_size_spacing_indent(exported):
    styles = xml(exported, "word/styles.xml")
    normal = style(styles, "Normal")
    fonts = normal.find("w:rPr/w:rFonts", NS)
    assert fonts.get(q("eastAsia")) == "仿宋_GB2312" and fonts.get(q("ascii")) == "仿宋_GB2312"
    assert attr(normal, "w:rPr/w:sz", "val") == "32"
    assert attr(normal, "w:rPr/w:spacing", "val") == "-5"  # 28 characters a line
    assert attr(normal, "w:pPr/w:spacing", "line") == "579"
    assert attr(normal, "w:pPr/w:spacing", "lineRule") == "exact"
    assert attr(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert attr(normal, "w:pPr/w:ind", "firstLine") == "640"
    assert attr(normal, "w:pPr/w:jc", "val") == "both"


@pytest.mark.parametrize("name, font, size, bold, jc", [
    (L.TITLE, "方正小标宋简体", "44", "0", "center"),
    (L.SUBTITLE, "楷体_GB2312", "32", "0", "center"),
    (L.SPEAKER, "楷体_GB2312", "32", "0", "center"),
    ("Heading 1", "黑体", "32", "0", "both"),
    ("Heading 2", "楷体_GB2312", "32", "0", "both"),
    ("Heading 3", "仿宋_GB2312", "32", "1", "both"),
    (L.PAGE_NUMBER, "宋体", "28", "0", "right"),
])
def test_styles_per_level(exported, name, font, size, bold, jc):
    s = style(xml(exported, "word/styles.xml"), name)
    assert attr(s, "w:rPr/w:rFonts", "eastAsia") == font
    assert attr(s, "w:rPr/w:sz", "val") == size
    assert attr(s, "w:rPr/w:b", "val") == bold
    assert attr(s, "w:pPr/w:jc", "val") == jc


def test_headings_keep_outline_levels_for_navigation(exported):
    styles = xml(exported, "word/styles.xml")
    for i, name in enumerate(("Heading 1", "Heading 2", "Heading 3")):
        assert attr(style(styles, name), "w:pPr/w:outlineLvl", "val") == str(i)


def test_lead_style_is_bold(exported):
    s = style(xml(exported, "word/styles.xml"), L.LEAD)
    assert s.get(q("type")) == "character" and attr(s, "w:rPr/w:b", "val") == "1"


def test_no_theme_fonts_or_colours_and_east_asian_defaults(exported):
    raw = zipfile.ZipFile(exported).read("word/styles.xml").decode()
    for needle in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "themeColor"):
        assert needle not in raw
    styles = xml(exported, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert attr(defaults, "w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(defaults, "w:lang", "eastAsia") == "zh-CN"
    every = [s for s in styles.iterfind("w:style", NS) if s.find("w:rPr/w:rFonts", NS) is not None]
    assert all(s.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) for s in every)
    settings = xml(exported, "word/settings.xml")
    assert attr(settings, "w:themeFontLang", "eastAsia") == "zh-CN"


def test_page_numbers_odd_right_even_left_with_dashes(exported):
    doc = Document(str(exported))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, jc, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        p = footer.paragraphs[0]
        el = p._p
        assert p.style.name == L.PAGE_NUMBER
        assert attr(el, "w:pPr/w:jc", "val") == jc
        assert attr(el, "w:pPr/w:ind", f"{side}Chars") == "100"  # one character in
        instr = "".join(t.text for t in el.iter(q("instrText")))
        assert instr.strip() == "PAGE"
        assert [f.get(q("fldCharType")) for f in el.iter(q("fldChar"))] == ["begin", "separate", "end"]
        assert p.text.startswith("— ") and p.text.endswith(" —")


def test_document_properties(exported):
    cp = Document(str(exported)).core_properties
    assert cp.title == "狮岭镇2024年政府工作报告"
    assert cp.author == "狮岭镇人民政府"
    assert cp.created is not None and cp.created.year >= 2024


def test_content_uses_named_styles_and_full_width_text(exported, r2024):
    doc = Document(str(exported))
    names = [p.style.name for p in doc.paragraphs if p.text]
    assert names[:4] == [L.TITLE, L.SUBTITLE, L.SPEAKER, L.SALUTATION]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、2023年工作回顾", "二、2024年工作安排", "三、加强政府自身建设"]
    assert "（一）工业经济企稳回升" in [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    bullet = next(p for p in doc.paragraphs if p.text.startswith("企业培育成效明显。"))
    assert bullet.runs[0].style.name == L.LEAD and bullet.runs[0].text == "企业培育成效明显。"
    targets = next(p.text for p in doc.paragraphs if "主要预期目标" in p.text).replace("\u200d", "")
    # a figure near a line end has its number, unit and qualifier joined by U+200D (unbreakable.py)
    assert targets.startswith("今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右；")


def test_appendix_table(exported):
    doc = Document(str(exported))
    table = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["指标", "2023年目标", "2023年完成", "完成情况"]
    assert ["规上工业总产值", "147亿元，增长8%左右", "143.6亿元，增长5.5%", "未完成"] in rows
    assert len(rows) == 7


def test_export_then_import_gives_the_same_document(tmp_path, r2023, r2024):
    for r in (r2023, r2024):
        out = export_report(r, tmp_path / f"{r.year}.docx")
        back = sync(read_docx(out))
        # Everything but the drafter's internal note, which never leaves the store.
        assert back.to_dict() == {**r.to_dict(), "note": ""}
        assert r.note and r.note not in "".join(zipfile.ZipFile(out).read(n).decode("utf-8") for n in zipfile.ZipFile(out).namelist() if n.startswith(("customXml/", "docProps/")))


def test_targets_edited_in_word_are_read_from_the_text(tmp_path, r2024):
    out = export_report(r2024, tmp_path / "r.docx")
    doc = Document(str(out))
    p = next(p for p in doc.paragraphs if "主要预期目标" in p.text)
    # the drafter retypes the clause (the joiners of writing/unbreakable.py go with the old text)
    p.runs[0].text = p.runs[0].text.replace("\u200d", "").replace("地区生产总值增长6%左右", "地区生产总值增长6.5%左右")
    doc.save(str(out))
    back = read_docx(out)
    assert back.targets[0].growth_pct == 6.5 and back.targets[1].value == 25


def test_restyled_template_restyles_the_output(tmp_path, r2024):
    doc = Document(str(DEFAULT_TEMPLATE))
    doc.styles["Heading 1"].font.size = doc.styles["Normal"].font.size * 1.25  # 20 pt
    custom = tmp_path / "office.docx"
    doc.save(str(custom))
    out = export_report(r2024, tmp_path / "r.docx", template=custom)
    assert attr(style(xml(out, "word/styles.xml"), "Heading 1"), "w:rPr/w:sz", "val") == "40"


def test_template_without_styles_is_refused_and_nothing_written(tmp_path, r2024):
    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    out = tmp_path / "r.docx"
    with pytest.raises(ExportError) as info:
        export_report(r2024, out, template=plain)
    assert "缺少" in str(info.value) and L.TITLE in str(info.value)
    assert not out.exists()


def test_bad_paths_are_refused(tmp_path, r2024):
    with pytest.raises(ExportError, match="不存在"):
        export_report(r2024, tmp_path / "no" / "r.docx")
    with pytest.raises(ExportError, match=".docx"):
        export_report(r2024, tmp_path / "r.pdf")
    (tmp_path / "d.docx").mkdir()
    with pytest.raises(ExportError, match="文件夹"):
        export_report(r2024, tmp_path / "d.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ExportError, match="不是可用的 Word 文档"):
        export_report(r2024, tmp_path / "r.docx", template=broken)


def test_read_only_folder(tmp_path, r2024, monkeypatch):
    out = export_report(r2024, tmp_path / "r.docx")
    before = out.read_bytes()

    def denied(path, *a, **k):  # what a read-only folder answers (root ignores chmod)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("workbench.storage.atomic.open", denied, raising=False)
    with pytest.raises(ExportError, match="无法写入.*没有权限"):
        export_report(r2024, out)
    assert out.read_bytes() == before


def test_failed_write_keeps_the_old_file(tmp_path, r2024, monkeypatch):
    out = export_report(r2024, tmp_path / "r.docx")
    before = out.read_bytes()

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    # An exported file is not fsynced (it is made again from the store at will): the disk
    # fills as the finished temporary file takes the old one's place.
    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="磁盘空间已满"):
        export_report(r2024, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]  # no temporary file left


# ------------------------------------------------------------ fonts that survive

ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}


def _font_table(path: Path) -> dict[str, etree._Element]:
    return {f.get(q("name")): f for f in xml(path, "word/fontTable.xml").iterfind("w:font", NS)}


def _style_fonts(path: Path) -> set[str]:
    styles = xml(path, "word/styles.xml")
    return {f.get(q(slot)) for f in styles.iter(q("rFonts"))
            for slot in ("ascii", "hAnsi", "eastAsia", "cs") if f.get(q(slot))}


def test_font_table_declares_every_style_font_with_charset_panose_and_alt_name(exported):
    table = _font_table(exported)
    used = _style_fonts(exported)
    assert {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体"} <= used
    assert used <= set(table), f"undeclared: {used - set(table)}"
    for name in ("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体"):
        font = table[name]
        assert attr(font, "w:charset", "val") == "86", name  # GB2312
        assert re.fullmatch(r"[0-9A-F]{20}", attr(font, "w:panose1", "val")), name
        assert attr(font, "w:altName", "val"), name
        assert font.find("w:sig", NS) is not None
    for name, alt in ALT_NAMES.items():
        assert attr(table[name], "w:altName", "val") == alt
    # nothing left over from the template python-docx started from
    assert not {"ＭＳ 明朝", "ＭＳ ゴシック", "Cambria", "Calibri", "Symbol"} & set(table)


def test_windows_font_set_is_a_template_choice(tmp_path, r2024):
    out = export_report(r2024, tmp_path / "r.docx", template=DEFAULT_TEMPLATE.with_name("gbt9704-windows.docx"))
    styles = xml(out, "word/styles.xml")
    assert attr(style(styles, "Normal"), "w:rPr/w:rFonts", "eastAsia") == "仿宋"
    assert attr(style(styles, L.TITLE), "w:rPr/w:rFonts", "eastAsia") == "华文中宋"
    assert attr(style(styles, "Heading 2"), "w:rPr/w:rFonts", "eastAsia") == "楷体"
    table = _font_table(out)
    assert {"仿宋", "楷体", "华文中宋", "黑体"} <= set(table) and "仿宋_GB2312" not in table
    assert attr(table["华文中宋"], "w:altName", "val") == "宋体"


def test_a_font_chosen_in_word_is_declared_at_export(tmp_path, r2024):
    doc = Document(str(DEFAULT_TEMPLATE))
    fonts = doc.styles["Heading 1"].element.find(f"{q('rPr')}/{q('rFonts')}")
    fonts.set(q("eastAsia"), "华文中宋")
    custom = tmp_path / "office.docx"
    doc.save(str(custom))
    out = export_report(r2024, tmp_path / "r.docx", template=custom)
    table = _font_table(out)
    assert attr(table["华文中宋"], "w:charset", "val") == "86"
    assert attr(table["华文中宋"], "w:altName", "val") == "宋体"


# ------------------------------------------------------------ a clean package

def _resolve(source: str, target: str) -> str:
    folder = source.rsplit("/", 1)[0].split("/") if "/" in source else []
    parts = [] if target.startswith("/") else [p for p in folder if p]
    for piece in target.lstrip("/").split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def test_every_part_is_referenced_and_every_reference_exists(exported):
    zf = zipfile.ZipFile(exported)
    names = set(zf.namelist())
    parts = {n for n in names if n != "[Content_Types].xml" and not n.endswith(".rels")}
    reached: set[str] = set()
    todo = [""]  # the package itself
    while todo:
        source = todo.pop()
        rels = ("_rels/.rels" if source == "" else
                (f"{source.rsplit('/', 1)[0]}/_rels/{source.rsplit('/', 1)[1]}.rels" if "/" in source
                 else f"_rels/{source}.rels"))
        if rels not in names:
            continue
        for rel in etree.fromstring(zf.read(rels)):
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(rels.replace("_rels/", "").removesuffix(".rels"), rel.get("Target"))
            assert target in names, f"{rels} points at a missing part {target}"
            if target not in reached:
                reached.add(target)
                todo.append(target)
    assert parts - reached == set(), "parts nothing references"
    types = etree.fromstring(zf.read("[Content_Types].xml"))
    overrides = {o.get("PartName").lstrip("/") for o in types if o.get("PartName")}
    defaults = {d.get("Extension") for d in types if d.get("Extension")}
    for part in parts:
        assert part in overrides or part.rsplit(".", 1)[-1] in defaults, part
    assert overrides <= names, f"content types for missing parts: {overrides - names}"
    for leftover in ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "word/numbering.xml"):
        assert leftover not in names


def test_app_properties_are_ours(exported):
    ns = {"a": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    app = xml(exported, "docProps/app.xml")
    assert app.findtext("a:Application", namespaces=ns) == "报告工作台"
    assert app.findtext("a:Company", namespaces=ns) == "狮岭镇人民政府"
    assert int(app.findtext("a:Pages", namespaces=ns)) >= 4
    assert int(app.findtext("a:Words", namespaces=ns)) > 1000
    assert int(app.findtext("a:Characters", namespaces=ns)) > 1000
    assert "Macintosh" not in zipfile.ZipFile(exported).read("docProps/app.xml").decode()


def test_heading_character_styles_match_their_paragraph_styles(exported):
    styles = xml(exported, "word/styles.xml")
    by_id = {s.get(q("styleId")): s for s in styles.iterfind("w:style", NS)}
    linked = [s for s in by_id.values() if s.get(q("type")) == "character" and s.find("w:link", NS) is not None]
    assert any(s.find("w:name", NS).get(q("val")) == "Heading 1 Char" for s in linked)
    for char in linked:
        para = by_id[attr(char, "w:link", "val")]
        for path in ("w:rPr/w:rFonts", "w:rPr/w:b", "w:rPr/w:sz", "w:rPr/w:color"):
            for slot in ("eastAsia", "val"):
                assert attr(char, path, slot) == attr(para, path, slot), (char.get(q("styleId")), path)
    colours = {c.get(q("val")) for c in styles.iter(q("color"))}
    assert colours <= {"000000"}, colours


# ------------------------------------------------------------ page 1 and pagination

def test_keep_with_next_on_headings_and_widow_control_on_body(exported):
    styles = xml(exported, "word/styles.xml")
    normal = style(styles, "Normal")
    assert attr(normal, "w:pPr/w:widowControl", "val") == "1"
    for name in ("Heading 1", "Heading 2", "Heading 3", L.TITLE, L.SUBTITLE, L.SPEAKER, L.ATTACHMENT_LABEL):
        s = style(styles, name)
        assert s.find("w:pPr/w:keepNext", NS) is not None, name
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert style(styles, name).find("w:pPr/w:keepLines", NS) is not None, name


def test_blank_line_between_title_block_and_salutation(exported):
    s = style(xml(exported, "word/styles.xml"), L.SALUTATION)
    assert attr(s, "w:pPr/w:spacing", "before") == str(L.LINE_TWIPS)


def test_meeting_line_breaks_before_zai(exported):
    doc = Document(str(exported))
    meeting = next(p for p in doc.paragraphs if p.style.name == L.SUBTITLE)
    assert meeting.text == "——2024年1月12日\n在狮岭镇第十七届人民代表大会第四次会议上"
    assert len(list(meeting._p.iter(q("br")))) == 1


@pytest.mark.parametrize("meeting, lines", [
    ("——2024年1月12日在狮岭镇第十七届人民代表大会第四次会议上",
     ["——2024年1月12日", "在狮岭镇第十七届人民代表大会第四次会议上"]),
    ("——2024年1月12日在镇人大会议上", ["——2024年1月12日在镇人大会议上"]),   # fits: one line
    ("——在狮岭镇第十七届人民代表大会第四次会议上的报告全文及其说明", None),     # nothing before 在
])
def test_meeting_lines(meeting, lines):
    assert L.meeting_lines(meeting) == (lines or [meeting])


# ------------------------------------------------------------ GB/T 9704 §8 attachments

def _body_paragraphs(path: Path):
    body = xml(path, "word/document.xml").find("w:body", NS)
    out = []
    for el in body:
        if el.tag == q("p"):
            sid = attr(el, "w:pPr/w:pStyle", "val")
            out.append((sid, "".join(t.text or "" for t in el.iter(q("t")))))
        elif el.tag == q("tbl"):
            out.append(("<table>", ""))
    return out


def _sid(path: Path, name: str) -> str:
    return style(xml(path, "word/styles.xml"), name).get(q("styleId"))


def test_attachment_note_after_the_body_and_attachment_on_its_own_page(exported):
    paras = _body_paragraphs(exported)
    note = _sid(exported, L.ATTACHMENT_NOTE)
    label = _sid(exported, L.ATTACHMENT_LABEL)
    i = next(i for i, (sid, _) in enumerate(paras) if sid == note)
    assert paras[i][1] == "附件：2023年主要预期目标完成情况"
    assert paras[i - 1][1] == "" and "奋力开创狮岭高质量发展新局面" in paras[i - 2][1]  # a line below the body
    assert paras[i + 1] == (label, "附件")
    assert paras[i + 2] == (_sid(exported, L.APPENDIX_TITLE), "2023年主要预期目标完成情况")
    assert paras[i + 3] == ("<table>", "")
    # the note never stands alone at the top of a page: the body's last paragraph and the
    # blank line before it keep with it (a trial saw page 5 hold the note alone)
    body_ps = [p for p in xml(exported, "word/document.xml").iter(q("p"))
               if p.find("w:pPr/w:pStyle", NS) is not None]
    j = next(k for k, p in enumerate(body_ps) if attr(p, "w:pPr/w:pStyle", "val") == note)
    assert [body_ps[k].find("w:pPr/w:keepNext", NS) is not None for k in (j - 2, j - 1, j)] == [True, True, False]
    styles = xml(exported, "word/styles.xml")
    lab = style(styles, L.ATTACHMENT_LABEL)
    assert lab.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert attr(lab, "w:rPr/w:rFonts", "eastAsia") == "黑体" and attr(lab, "w:pPr/w:jc", "val") == "left"
    assert attr(lab, "w:pPr/w:ind", "firstLine") == "0"
    title = style(styles, L.APPENDIX_TITLE)
    assert attr(title, "w:pPr/w:jc", "val") == "center"
    assert attr(title, "w:pPr/w:spacing", "before") == str(L.LINE_TWIPS)  # the third line
    n = style(styles, L.ATTACHMENT_NOTE)
    assert attr(n, "w:pPr/w:ind", "leftChars") == "500" and attr(n, "w:pPr/w:ind", "hangingChars") == "300"


def test_attachment_table_single_spaced_off_the_grid_smaller_numbers_right(exported):
    styles = xml(exported, "word/styles.xml")
    for name, jc in ((L.TABLE_TEXT, "center"), (L.TABLE_NUMBER, "right")):
        s = style(styles, name)
        assert attr(s, "w:pPr/w:snapToGrid", "val") == "0", name
        assert attr(s, "w:pPr/w:spacing", "lineRule") == "auto" and attr(s, "w:pPr/w:spacing", "line") == "240"
        assert int(attr(s, "w:rPr/w:sz", "val")) < 32
        assert attr(s, "w:pPr/w:jc", "val") == jc
    table = xml(exported, "word/document.xml").find(".//w:tbl", NS)
    number = _sid(exported, L.TABLE_NUMBER)
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    cells = [[attr(tc, "w:p/w:pPr/w:pStyle", "val") for tc in tr.findall("w:tc", NS)] for tr in rows[1:]]
    assert all(c[1] == number and c[2] == number and c[0] != number for c in cells)
    widths = [int(g.get(q("w"))) for g in table.iterfind("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) == BLOCK_TWIPS


def test_fit_columns_keeps_figures_on_one_line():
    rows = [("指标", "2023年目标", "2023年完成", "完成情况"),
            ("限额以上社会消费品零售总额", "21.2亿元，增长46.9%左右", "22.5亿元，增长55.9%", "超额完成")]
    widths = fit_columns(rows)
    char = L.TABLE_PT * 20
    assert sum(widths) == BLOCK_TWIPS
    assert widths[1] >= L.text_width(rows[1][1]) * char and widths[2] >= L.text_width(rows[1][2]) * char
    assert widths[0] >= 6 * char


def test_several_attachments_are_numbered(tmp_path, r2023, r2024):
    extra = Attachment("2024年重点项目表", [("项目", "投资（亿元）"), ("合成村产业园二期", "3.2")], [5000, 3844],
                       numeric=(1,))
    out = export_report(r2024, tmp_path / "r.docx", previous=r2023, appendix=True, attachments=[extra])
    paras = _body_paragraphs(out)
    note, label = _sid(out, L.ATTACHMENT_NOTE), _sid(out, L.ATTACHMENT_LABEL)
    assert [t for sid, t in paras if sid == note] == ["附件：1．2023年主要预期目标完成情况", "2．2024年重点项目表"]
    assert [t for sid, t in paras if sid == label] == ["附件1", "附件2"]
    notes = [p for p in xml(out, "word/document.xml").iter(q("p")) if attr(p, "w:pPr/w:pStyle", "val") == note]
    # wrapped names line up past "1．"; the second number sits under the first
    assert [attr(p, "w:pPr/w:ind", "leftChars") for p in notes] == ["650", "650"]
    assert [attr(p, "w:pPr/w:ind", "hangingChars") for p in notes] == ["450", "150"]
    assert len(Document(str(out)).tables) == 2


def test_export_with_attachment_imports_back_to_the_same_document(tmp_path, r2023, r2024):
    out = export_report(r2024, tmp_path / "r.docx", previous=r2023, appendix=True)
    assert sync(read_docx(out)).to_dict() == {**r2024.to_dict(), "note": ""}


def test_old_template_without_the_new_styles_still_exports(tmp_path, r2023, r2024):
    doc = Document(str(DEFAULT_TEMPLATE))
    for name in (L.ATTACHMENT_NOTE, L.ATTACHMENT_LABEL, L.TABLE_NUMBER):
        el = doc.styles[name].element
        el.getparent().remove(el)
    old = tmp_path / "old.docx"
    doc.save(str(old))
    out = export_report(r2024, tmp_path / "r.docx", template=old, previous=r2023, appendix=True)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "附件：2023年主要预期目标完成情况" in texts and "附件" in texts


# ------------------------------------------------------------ export tells (CLI)

@pytest.fixture
def db(tmp_path, capsys) -> Path:
    db = tmp_path / "s.json"
    for y in (2023, 2024):
        assert main(["--db", str(db), "import", str(Path(__file__).parent.parent / "examples" / f"shiling-{y}.json")]) == 0
    capsys.readouterr()
    return db


def test_export_prints_the_check_summary(db, tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "核对：错误 0 项，警告 6 项" in printed
    assert "W401 正文写规上工业总产值增长5.8%" in printed and "W407" in printed
    assert out.exists()


def test_strict_refuses_while_errors_remain(db, tmp_path, capsys):
    from workbench.storage.store import Store

    with Store(db) as s:
        r = s.get("狮岭镇", 2024)
        del r.results[0]  # 地区生产总值: E101, last year's target has no result
        s.put(r)
    out = tmp_path / "r.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out), "--strict"]) == 1
    captured = capsys.readouterr()
    assert "错误 1 项" in captured.out and "E101" in captured.out
    assert "--strict" in captured.err and "未导出" in captured.err
    assert not out.exists()
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out)]) == 0  # without: written
    assert out.exists()


def test_pdf_without_libreoffice_says_so_and_keeps_the_docx(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("workbench.writing.pdf.shutil.which", lambda name: None)
    out = tmp_path / "r.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "Word 文稿已导出" in err
    assert out.exists() and not out.with_suffix(".pdf").exists()


def test_pdf_name_must_end_in_pdf(tmp_path, r2024):
    out = export_report(r2024, tmp_path / "r.docx")
    with pytest.raises(ExportError, match=".pdf"):
        convert_to_pdf(out, tmp_path / "r.txt")


# ------------------------------------------------------------ the PDF, rendered by LibreOffice

def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _pdffonts(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return sorted({ln.split()[0].split("+", 1)[-1] for ln in lines[2:] if ln.strip()})


def _fonts_on(pdf: Path, page: int) -> list[str]:
    lines = subprocess.run(["pdffonts", "-f", str(page), "-l", str(page), str(pdf)],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    return sorted({ln.split()[0].split("+", 1)[-1] for ln in lines[2:] if ln.strip()})


def test_libreoffice_renders_the_example(tmp_path, r2023, r2024, monkeypatch):
    if _soffice() is None or shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but LibreOffice or poppler is missing")
        pytest.skip("LibreOffice (soffice) and poppler (pdftoppm, pdffonts) are not installed")
    from workbench.writing.pdf import FONTCONFIG

    found = subprocess.run(["fc-match", "-f", "%{family}", "仿宋_GB2312"], capture_output=True, text=True,
                           env=dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))).stdout \
        if shutil.which("fc-match") else "FandolFang"  # no fc-match: pdffonts below will tell
    if "FandolFang" not in found:
        message = "the Fandol faces are not installed (apt-get install texlive-lang-chinese)"
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # a private LibreOffice profile
    out = export_report(r2024, tmp_path / "shiling-2024.docx", previous=r2023, appendix=True)
    pdf = convert_to_pdf(out)
    assert pdf == tmp_path / "shiling-2024.pdf" and pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert 4 <= pages <= 7
    ns = {"a": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    estimated = int(xml(out, "docProps/app.xml").findtext("a:Pages", namespaces=ns))
    assert abs(estimated - pages) <= 1  # app.xml's page count is the grid estimate
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "政府工作报告" in text and re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("全年实现地区生产总值"))
    assert len(line.strip()) >= 24  # about 28 characters a line, not 14
    squeezed = ["".join(ln.split()) for ln in text.splitlines()]
    # the meeting line broken before 在
    i = squeezed.index("——2024年1月12日")
    assert squeezed[i + 1] == "在狮岭镇第十七届人民代表大会第四次会议上"
    # 附件说明 on the last body page, "附件" first on the next (the last) page
    page_texts = text.split("\f")[:pages]
    note_page = next(n for n, t in enumerate(page_texts) if "附件：2023年主要预期目标完成情况" in "".join(t.split()))
    assert note_page == pages - 2
    last = [ln.strip() for ln in page_texts[-1].splitlines() if ln.strip()]
    assert last[0] == "附件" and "".join(last[1].split()) == "2023年主要预期目标完成情况"
    assert any("".join(ln.split()).startswith("地区生产总值") for ln in last)
    # distinct faces: title, 黑体 and 楷体 headings, 仿宋 body; no sans face stands in for 仿宋
    fonts = _pdffonts(pdf)
    body = _fonts_on(pdf, 2)
    assert any("Fang" in f for f in body), body
    assert not any("Sans" in f for f in fonts), fonts
    families = {re.sub(r"[-,].*", "", f) for f in fonts}
    assert len(families) >= 4, fonts
    assert any("Hei" in f for f in fonts) and any("Kai" in f for f in fonts), fonts
    output = Path(RENDER_DIR) if RENDER_DIR else pdf.parent
    output.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(output / "shiling-2024-page")], check=True, timeout=60)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(pages), "-l", str(pages), str(pdf),
                    str(output / "shiling-2024-attachment")], check=True, timeout=60)
    assert any(output.glob("shiling-2024-page*.png"))


def test_cli_export_pdf(db, tmp_path, capsys, monkeypatch):
    if _soffice() is None:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but LibreOffice is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "报告.docx"
    assert main(["--db", str(db), "export", "狮岭镇", "2024", "-o", str(out), "--pdf", "--appendix"]) == 0
    printed = capsys.readouterr().out
    assert f"已导出 PDF：{out.with_suffix('.pdf')}" in printed
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    # The summary says what the layout pass changed: as many paragraphs as carry a spacing
    # of their own in the .docx (the template's is in the Normal style).
    with zipfile.ZipFile(out) as zf:
        body = zf.read("word/document.xml").decode()
    mended = [p for p in re.findall(r"<w:p>.*?</w:p>", body, re.S) if "<w:spacing w:val=" in p]
    if mended:
        m = re.search(r"排版调整：(\d+) 段改了字符间距", printed)
        assert m and int(m.group(1)) == len(mended), printed
        assert "末行只剩一字" in printed or "标题折出一字" in printed
    else:
        assert "排版检查：没有需要调整的段落" in printed


def test_layout_summary_names_each_paragraph_and_its_spacing():
    from workbench.writing.layoutpass import HEADING, LONE, Adjustment
    from workbench.writing.plain import render_layout_summary

    assert render_layout_summary([]).startswith("排版检查：没有需要调整的段落")
    done = [Adjustment("全年新增城镇就业", LONE, -8), Adjustment("（三）推动良性循环", HEADING, 3),
            Adjustment("坚持为民务实", LONE, 0)]
    text = render_layout_summary(done).splitlines()
    assert text[0].startswith("排版调整：3 段改了字符间距")
    assert text[1] == "  “全年新增城镇就业…”末行只剩一字，字符间距紧缩 0.40 磅"
    assert text[2] == "  “（三）推动良性循环…”标题折出一字，字符间距加宽 0.15 磅"
    assert text[3].endswith("字符间距标准")
    short = render_layout_summary(done * 3, limit=2).splitlines()
    assert len(short) == 4 and short[-1] == "  ……另有 7 段"


def test_missing_results_are_marked_one_way_with_a_note_under_the_table(tmp_path, r2023, r2024):
    """A target the report gives no result for: "—" in the result and the attainment column
    (never an empty cell or 无数据), and a 注 under the table that says what "—" means."""
    from workbench.writing.report_docx import targets_attachment

    first = r2023.targets[0]
    r2024.results = [r for r in r2024.results if r.name != first.name]
    att = targets_attachment(r2024, r2023)
    row = next(r for r in att.rows if r[0] == first.name)
    assert row[2:] == ("—", "—")
    assert all(cell.strip() and cell != "无数据" for r in att.rows for cell in r)
    assert att.note == "注：“—”表示2024年报告未写明该项完成情况。"
    out = export_report(r2024, tmp_path / "r.docx", previous=r2023, appendix=True)
    paras = _body_paragraphs(out)
    t = paras.index(("<table>", ""))
    assert paras[t + 1] == (_sid(out, L.TABLE_TEXT), att.note)
    cells = [(attr(c, "w:p/w:pPr/w:pStyle", "val"), "".join(x.text for x in c.iter(q("t"))))
             for c in xml(out, "word/document.xml").iter(q("tc"))]
    assert [sid for sid, text in cells if text == "—"] == [_sid(out, L.TABLE_TEXT)] * 2  # centred
    # every result there: no mark, no note
    whole = targets_attachment(_with_all_results(r2023), r2023)
    assert whole.note == "" and not any("—" in cell for r in whole.rows[1:] for cell in r[2:])


def _with_all_results(previous):
    """A report whose results are last year's targets met exactly."""
    import dataclasses

    from workbench.document.model import Report

    report = Report(place=previous.place, year=previous.year + 1)
    report.results = [dataclasses.replace(t) for t in previous.targets]
    return report


def test_every_parallel_dash_lead_is_bold(tmp_path):
    """Seven parallel "——" sentences, short and long, each the bold lead of its paragraph."""
    from workbench.reading.importer import import_file

    leads = ["——经济运行回升向好。", "——现代化产业体系建设取得重要进展。", "——科技创新实现新突破。",
             "——改革开放持续向纵深推进。", "——安全发展基础进一步巩固夯实。", "——生态环境质量稳中向好。",
             "——民生保障有力有效。"]
    text = "\n".join(["政府工作报告", "——2025年1月8日在狮岭镇第十八届人民代表大会第一次会议上",
                      "各位代表：", "一、2024年工作回顾",
                      "过去一年，全镇上下团结奋斗，各项事业取得新的进展。"]
                     + [lead + "全年各项工作扎实推进，群众获得感持续增强。" for lead in leads])
    src = tmp_path / "r.txt"
    src.write_text(text, encoding="utf-8")
    [report] = import_file(src, place="狮岭镇", year=2025)
    out = export_report(report, tmp_path / "r.docx")
    bold = [el for el in xml(out, "word/document.xml").iter(q("r"))
            if el.find("w:rPr/w:rStyle", NS) is not None]
    assert ["".join(t.text for t in r.iter(q("t"))).replace("\u200d", "") for r in bold] == leads
