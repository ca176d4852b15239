"""Import real-shaped reports of six levels and four formats, compilations and bad input."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli.commands import main
from workbench.writing.export import export_report
from workbench.reading.importer import ImportFailure, import_file
from workbench.storage.store import Store
from workbench.reading.lines import Line
from workbench.reading.structure import read_lines
from fuzzcount import count

DATA = Path(__file__).parent / "data"


def targets(r):
    return [(t.name, t.value, t.unit, t.growth_pct, t.qualifier) for t in r.targets]


def outline(r):
    return [(c.title, [s.title for s in c.sections]) for c in r.chapters]


def leads(r):
    return [p.lead for *_, p in r.paragraphs() if p.lead]


def commitments(r):
    return [c.raw for c in r.commitments]


# ------------------------------------------------------------ town: a web page pasted as text

def test_town_web_page_text():
    [r] = import_file(DATA / "town_web.txt")
    assert (r.place, r.year) == ("狮岭镇", 2023)
    assert r.meta.meeting == "——2023年1月10日在狮岭镇第十七届人民代表大会第三次会议上"
    assert r.meta.speaker == "狮岭镇镇长 某某" and r.meta.date == "2023年1月10日"
    assert targets(r) == [
        ("地区生产总值", None, None, 8, "左右"),
        ("固定资产投资总额", 21.2, "亿元", 46.9, "左右"),
        ("规上工业总产值", 147, "亿元", 8, "左右"),
        ("城乡居民收入", None, None, None, "同步"),
    ]
    assert [(f.key, f.value, f.growth_pct) for f in r.results] == [
        ("gdp", None, 3.2), ("fixed_asset_investment", 14.43, 12.5), ("industrial_output", 136.1, 4.1)]
    assert outline(r) == [
        (None, []),
        ("2022年工作回顾", ["产业发展稳中有进", "民生保障持续加强"]),
        ("2023年工作安排", ["坚持工业立镇，推动经济稳中向好"]),
        ("加强政府自身建设", []),
    ]
    assert leads(r) == ["办好民生实事。", "着力稳住工业基本盘。", "做强招商引资。", "坚持依法行政。"]
    assert commitments(r) == ["力争新增规上企业8家", "全年引进外资2000万美元以上", "签约落地亿元以上项目5个"]
    text = " ".join(p.full_text for *_, p in r.paragraphs())
    assert "分享到" not in text and "共计" not in text and "[1]" not in text and "人民政府网" not in text


# ------------------------------------------------------------ county: GB18030 text

def test_county_gb18030_text():
    [r] = import_file(DATA / "county_gb18030.txt")
    assert (r.place, r.year) == ("博罗县", 2024)
    assert targets(r) == [
        ("地区生产总值", None, None, 5.0, "区间"),
        ("一般公共预算收入", None, None, 5, "左右"),
        ("规上工业增加值", None, None, 6, None),
        ("固定资产投资", None, None, 8, None),
        ("城镇调查失业率", 5.5, "%", None, "以内"),
    ]
    assert r.targets[0].growth_pct_max == 5.5
    assert outline(r) == [
        ("2023年工作回顾", ["工业经济提质增效", "乡村振兴扎实推进"]),
        ("2024年工作安排", ["聚焦产业升级", "聚焦民生保障"]),
        ("加强政府自身建设", []),
    ]
    assert leads(r) == ["做强主导产业。", "夯实农业基础。", "一是抓龙头企业。", "二是抓项目落地。",
                        "办好十件民生实事。", "坚持依法行政。"]
    assert commitments(r) == ["力争新增规上工业企业60家", "全年新开工亿元以上项目30个以上",
                              "办好十件民生实事", "新增公办学位3000个", "改造老旧小区20个"]
    assert [f.key for f in r.results] == ["gdp", "general_budget_revenue", "retail_sales", "grain_output"]


# ------------------------------------------------------------ district: someone else's .docx with heading styles

def _district_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("政府工作报告", style="Title")
    doc.add_paragraph("——2024年1月9日在花都区第十七届人民代表大会第五次会议上")
    doc.add_paragraph("花都区区长　某某")
    doc.add_paragraph("各位代表：")
    doc.add_heading("一、2023年工作回顾", level=1)
    doc.add_paragraph("全年实现地区生产总值增长4.6%；规上工业总产值1650亿元，增长6.1%。")
    doc.add_heading("二、2024年工作安排", level=1)
    doc.add_paragraph("今年全区经济社会发展的主要预期目标是：")
    for item in ("地区生产总值增长5%左右；", "规上工业总产值1750亿元，增长6%左右；",
                 "固定资产投资增长8%；", "一般公共预算收入收支基本平衡。"):
        doc.add_paragraph(item)
    doc.add_heading("（一）推动汽车产业转型", level=2)
    p = doc.add_paragraph()
    p.add_run("壮大新能源汽车产业。").bold = True
    p.add_run("支持整车企业扩大产能，力争新增汽车零部件企业20家。")
    p = doc.add_paragraph()
    p.add_run("建设空港经济区。").bold = True
    p.add_run("推进临空产业园建设，全年引进项目15个以上。")
    doc.add_heading("（二）提升城区品质", level=2)
    p = doc.add_paragraph()
    p.add_run("完善交通路网。").bold = True
    p.add_run("新建改建道路40公里。")
    doc.save(str(path))
    return path


def test_district_docx_with_heading_styles(tmp_path):
    [r] = import_file(_district_docx(tmp_path / "huadu.docx"))
    assert (r.place, r.year) == ("花都区", 2024)
    assert targets(r) == [
        ("地区生产总值", None, None, 5, "左右"),
        ("规上工业总产值", 1750, "亿元", 6, "左右"),
        ("固定资产投资", None, None, 8, None),
        ("一般公共预算收入收支", None, None, None, "基本平衡"),
    ]
    assert outline(r) == [("2023年工作回顾", []),
                          ("2024年工作安排", ["推动汽车产业转型", "提升城区品质"])]
    assert leads(r) == ["壮大新能源汽车产业。", "建设空港经济区。", "完善交通路网。"]
    assert commitments(r) == ["力争新增汽车零部件企业20家", "全年引进项目15个以上", "新建改建道路40公里"]


# ------------------------------------------------------------ city: unnumbered chapters, headings run into text

def test_city_text_with_unnumbered_chapters():
    [r] = import_file(DATA / "city.txt")
    assert (r.place, r.year) == ("惠州市", 2025)
    assert targets(r) == [
        ("地区生产总值", None, None, 5.5, "以上"),
        ("规模以上工业增加值", None, None, 7, "左右"),
        ("城镇调查失业率", 5.5, "%", None, "以内"),
        ("居民消费价格涨幅", 3, "%", None, "左右"),
        ("居民人均可支配收入", None, None, None, "基本同步"),
    ]
    assert r.targets[0].stretch_pct == 6
    assert outline(r) == [
        ("2024年工作回顾", ["制造业当家成效明显", "城市品质持续提升"]),
        ("2025年工作安排", ["坚定不移推进制造业当家", "全力扩大有效投资"]),
    ]
    assert r.chapters[1].sections[0].paragraphs[0].text.startswith("培育壮大新兴产业集群")
    assert commitments(r) == ["力争新增规上工业企业400家", "全年完成重点项目投资1200亿元以上"]
    assert [(f.key, f.value, f.unit) for f in r.results][2] == ("foreign_capital_used", 15.3, "亿美元")


# ------------------------------------------------------------ province: .docx by outline level and numbering text

def _outline(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    ppr.append(el)


def _province_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("政府工作报告")
    doc.add_paragraph("——2025年1月15日在广东省第十四届人民代表大会第三次会议上")
    doc.add_paragraph("广东省省长　某某")
    _outline(doc.add_paragraph("一、2024年工作回顾"), 0)
    doc.add_paragraph("全省地区生产总值14.16万亿元，增长3.5%；进出口总额9.11万亿元，增长9.8%。")
    _outline(doc.add_paragraph("二、2025年工作安排"), 0)
    doc.add_paragraph("2025年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右；"
                      "进出口总额增长3%；城镇新增就业110万人以上；单位地区生产总值能耗下降2.5%；"
                      "居民收入增长和经济增长同步。")
    _outline(doc.add_paragraph("（一）推动制造业高质量发展"), 1)
    doc.add_paragraph("二是推进产业集群建设。培育战略性产业集群，新增省级专精特新企业1000家以上。")
    doc.save(str(path))
    return path


def test_province_docx_by_outline_level(tmp_path):
    [r] = import_file(_province_docx(tmp_path / "gd.docx"))
    assert (r.place, r.year) == ("广东省", 2025)
    assert targets(r) == [
        ("地区生产总值", None, None, 5, "左右"),
        ("进出口总额", None, None, 3, None),
        ("城镇新增就业", 110, "万人", None, "以上"),
        ("单位地区生产总值能耗", None, None, -2.5, None),
        ("居民收入", None, None, None, "同步"),
    ]
    assert outline(r) == [("2024年工作回顾", []), ("2025年工作安排", ["推动制造业高质量发展"])]
    assert leads(r) == ["二是推进产业集群建设。"]
    assert commitments(r) == ["新增省级专精特新企业1000家以上"]
    assert [(f.key, f.value, f.unit) for f in r.results] == [("gdp", 14.16, "万亿元"), ("foreign_trade", 9.11, "万亿元")]


# ------------------------------------------------------------ national

def test_national_text():
    [r] = import_file(DATA / "national.txt")
    assert (r.place, r.year) == ("全国", 2025)
    assert targets(r) == [
        ("国内生产总值", None, None, 5, "左右"),
        ("城镇调查失业率", 5.5, "%", None, "左右"),
        ("城镇新增就业", 1200, "万人", None, "以上"),
        ("居民消费价格涨幅", 2, "%", None, "左右"),
        ("居民收入", None, None, None, "同步"),
        ("单位国内生产总值能耗", None, None, -3, "左右"),
    ]
    assert [t.key for t in r.targets] == ["gdp", "urban_unemployment", "new_urban_jobs", "cpi",
                                          "disposable_income", "energy_intensity"]
    assert outline(r)[2] == ("2025年政府工作任务", ["大力提振消费、提高投资效益", "因地制宜发展新质生产力"])
    assert commitments(r) == ["安排超长期特别国债3000亿元支持消费品以旧换新", "新建5G基站50万个以上"]


# ------------------------------------------------------------ compilations

def test_compilation_yields_one_report_each():
    reports = import_file(DATA / "compilation.txt")
    assert [(r.place, r.year) for r in reports] == [("石角镇", 2024), ("新华街道", 2024), ("炭步镇", 2024)]
    assert [len(r.targets) for r in reports] == [2, 1, 2]
    assert reports[1].targets[0].raw == "规上工业总产值90亿元，增长6%左右"
    assert commitments(reports[1]) == ["新增市场主体1000户以上"]
    assert "来源" not in " ".join(p.full_text for *_, p in reports[0].paragraphs())


def test_cli_import_compilation_and_summary(tmp_path, capsys):
    db = tmp_path / "s.json"
    assert main(["--db", str(db), "import", str(DATA / "compilation.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "已导入 石角镇 2024 年报告：2章 1节 2项目标 1项承诺"
    assert len([line for line in out if line.startswith("已导入")]) == 3
    # Each report says where its place and year came from.
    assert out[1].startswith("石角镇 2024年：地点来自") and "年份来自" in out[1]
    assert main(["--db", str(db), "import", str(DATA / "compilation.txt")]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["--db", str(db), "import", "--dry-run", "--json", str(DATA / "compilation.txt")]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_place_and_year_overrides(tmp_path):
    text = tmp_path / "bare.txt"
    text.write_text("一、工作回顾\n全年实现地区生产总值增长5%。\n二、工作安排\n今年的主要预期目标是：地区生产总值增长6%左右。\n",
                    encoding="utf-8")
    with pytest.raises(ImportFailure) as info:
        import_file(text)
    assert "--place" in str(info.value)
    [r] = import_file(text, place="石角镇", year=2024)
    assert (r.place, r.year) == ("石角镇", 2024) and r.targets[0].growth_pct == 6


def test_round_trip_through_our_own_docx(tmp_path, r2024, capsys):
    out = export_report(r2024, tmp_path / "r.docx")
    db = tmp_path / "s.json"
    assert main(["--db", str(db), "import", str(out)]) == 0
    with Store(db, readonly=True) as s:
        assert s.get("狮岭镇", 2024).to_dict() == {**r2024.to_dict(), "note": ""}  # the note stays home


# ------------------------------------------------------------ bad input

@pytest.mark.parametrize("name, payload, fragment", [
    ("binary.txt", bytes(range(256)) * 20, "不是文本文件"),
    ("empty.txt", b"   \n", "空文件"),
    ("nothing.txt", "今天天气很好。\n我们去公园散步。".encode(), "没有找到报告"),
    ("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "不是文本文件"),
    ("truncated.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "无法读取 Word 文件"),
    ("empty.docx", b"", "无法读取 Word 文件"),
    ("latin.txt", "Ein Bericht über nichts".encode("latin-1"), "没有找到报告"),
])
def test_bad_input_one_message_exit_2_nothing_stored(tmp_path, capsys, name, payload, fragment):
    path = tmp_path / name
    path.write_bytes(payload)
    db = tmp_path / "s.json"
    assert main(["--db", str(db), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and str(path) in err
    assert not db.exists()


def test_docx_with_entities_is_refused(tmp_path, r2024):
    good = export_report(r2024, tmp_path / "good.docx")
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(evil, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY boom "boom">]>', 1)
            zout.writestr(item, data)
    with pytest.raises(ImportFailure, match="实体"):
        import_file(evil)


def test_zip_bomb_is_refused_without_expanding(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/big.bin", b"\0" * (300 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportFailure, match="压缩炸弹"):
        import_file(bomb)


# ------------------------------------------------------------ never a traceback

CASES = {"text": 0, "docx": 0}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list("政府工作报告一二三、（）。：；，%亿元增长左右以上—0123456789年月日镇县在届人民代表大会会议上各位代表全年实现地区生产总值主要预期目标是力争新增家个\n ")) ,
                        max_size=40), max_size=30))
def test_arbitrary_text_never_raises(lines):
    CASES["text"] += 1
    count("importer: arbitrary texts")
    reports = read_lines([Line(t) for t in lines])
    for r in reports:
        r.to_dict()


def test_mutated_docx_never_raises(tmp_path, r2024):
    base = export_report(r2024, tmp_path / "base.docx").read_bytes()
    rnd = random.Random(4242)
    for n in range(80):
        CASES["docx"] += 1
        count("importer: mutated .docx files")
        data = bytearray(base)
        for _ in range(rnd.randint(1, 20)):
            i = rnd.randrange(len(data))
            data[i] = rnd.randrange(256)
        if n % 3 == 0:
            data = data[: rnd.randrange(len(data))]
        path = tmp_path / f"mutant{n}.docx"
        path.write_bytes(bytes(data))
        try:
            import_file(path)
        except ImportFailure:
            pass


def test_fuzz_counts_are_reported(record_property):
    record_property("fuzz_cases", dict(CASES))
    print(f"fuzzed import: {CASES['text']} texts, {CASES['docx']} mutated .docx files")
    assert CASES["text"] >= 300 and CASES["docx"] >= 80
