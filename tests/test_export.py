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

from workbench import layout as L
from workbench.commitments import sync
from workbench.export_docx import DEFAULT_TEMPLATE, ExportError, export_report
from workbench.importer import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
OUTPUT = Path(__file__).parent / "output"


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
    targets = next(p.text for p in doc.paragraphs if "主要预期目标" in p.text)
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
        assert back.to_dict() == r.to_dict()


def test_targets_edited_in_word_are_read_from_the_text(tmp_path, r2024):
    out = export_report(r2024, tmp_path / "r.docx")
    doc = Document(str(out))
    p = next(p for p in doc.paragraphs if "主要预期目标" in p.text)
    p.runs[0].text = p.runs[0].text.replace("地区生产总值增长6%左右", "地区生产总值增长6.5%左右")
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

    monkeypatch.setattr("workbench.atomic.open", denied, raising=False)
    with pytest.raises(ExportError, match="无法写入.*没有权限"):
        export_report(r2024, out)
    assert out.read_bytes() == before


def test_failed_write_keeps_the_old_file(tmp_path, r2024, monkeypatch):
    out = export_report(r2024, tmp_path / "r.docx")
    before = out.read_bytes()

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="磁盘空间已满"):
        export_report(r2024, out)
    assert out.read_bytes() == before


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_renders_the_example(tmp_path, r2023, r2024):
    soffice = _soffice()
    if soffice is None or shutil.which("pdftoppm") is None:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but LibreOffice or pdftoppm is missing")
        pytest.skip("LibreOffice (soffice) and poppler's pdftoppm are not installed")
    out = export_report(r2024, tmp_path / "shiling-2024.docx", previous=r2023, appendix=True)
    env = dict(os.environ, HOME=str(tmp_path))  # a private LibreOffice profile
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=900, env=env)
    pdf = tmp_path / "shiling-2024.pdf"
    assert pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert 3 <= pages <= 8
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "政府工作报告" in text and re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("全年实现地区生产总值"))
    assert len(line.strip()) >= 24  # about 28 characters a line, not 14
    OUTPUT.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(OUTPUT / "shiling-2024-page")], check=True, timeout=60)
    assert any(OUTPUT.glob("shiling-2024-page*.png"))
