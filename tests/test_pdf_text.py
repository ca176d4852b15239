"""The printed page (issue 24): every character of the .docx in its PDF, nothing past the right
margin, and no line that ends inside a leader's name, between a number and its unit or its
左右/以上/以内, or inside a document number; in Word's view the same choices are in the .docx.

The corpus test exports every report of ../shared/corpus that imports (with the attachment
table where the year before is there to give it) and converts them all with one LibreOffice
process (`convert_all`, which reads each file exactly as `export --pdf` does): LibreOffice's
start is most of a conversion's cost, and this is the slowest test of the suite.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest
from lxml import etree

from workbench.document.figures import SUFFIX_QUALIFIERS, UNITS
from workbench.document.model import Chapter, Paragraph, Report, Section
from workbench.writing.export import export_report
from workbench.writing.pdf import convert_all, for_libreoffice
from workbench.writing.report_docx import DEFAULT_TEMPLATE
from workbench.writing.unbreakable import JOINER, NAMES_FILE, glue, read_names

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RIGHT_EDGE_PT = (210 - 26) / 25.4 * 72          # the text block's right edge, 184 mm
INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
PAGE_NUMBER = re.compile(r"(?m)^\s*—\s*\d+\s*—\s*$")


def _need_libreoffice() -> None:
    missing = [c for c in ("pdftotext",) if shutil.which(c) is None]
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"WORKBENCH_REQUIRE_LIBREOFFICE is set but {', '.join(missing)} is missing")
        pytest.skip(f"{', '.join(missing)} not installed")


def docx_text(path: Path) -> str:
    """The body's text as Word holds it (w:t in document order), invisible characters aside."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return INVISIBLE.sub("", "".join(t.text or "" for t in root.iter(f"{W}t")))


def _pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_text(pdf: Path | str, *, raw: bool = False) -> str:
    """The PDF's text (a path, or pdftotext's output already read), page numbers and
    invisible characters aside."""
    out = pdf if isinstance(pdf, str) else _pdftotext(pdf, *(["-raw"] if raw else []))
    return INVISIBLE.sub("", PAGE_NUMBER.sub("", out))


def same_text(docx: Path, pdf: Path, text: str | None = None) -> bool:
    """The PDF's text equals the .docx's, mark for mark. pdftotext reads in two orders: as the
    page reads (a table cell may come out of order) and as drawn (a character from a fallback
    face may come out of order); one of them must give the text back whole."""
    want = docx_text(docx)
    return pdf_text(text if text is not None else pdf) == want or pdf_text(pdf, raw=True) == want


_NUMBER_END = re.compile(r"\d[%‰]?$")
_UNIT_START = re.compile("|".join(map(re.escape, sorted([*UNITS, "个百分点"], key=len, reverse=True))))
_QUALIFIER_START = re.compile("|".join(map(re.escape, SUFFIX_QUALIFIERS)))


def broken_runs(lines: list[str], names: list[str]) -> list[str]:
    """Each line end that splits a listed name, a number from its unit or qualifier, or a
    document number, as "end/start" of the two lines."""
    found = []
    for a, b in zip(lines, lines[1:]):
        if not a or not b:
            continue
        where = f"{a[-8:]}/{b[:8]}"
        joined = a + b
        if any(m.start() < len(a) < m.end() for n in names for m in re.finditer(re.escape(n), joined)):
            found.append(where)
        elif _NUMBER_END.search(a) and (_UNIT_START.match(b) or _QUALIFIER_START.match(b)):
            found.append(where)
        elif re.search(r"\d[%‰]?(?:" + _UNIT_START.pattern + ")$", a) and _QUALIFIER_START.match(b):
            found.append(where)
        elif re.search(r"〔\d{4}〕\d*$|〔\d*$", a):
            found.append(where)
    return found


# ------------------------------------------------------------ the corpus, printed

def _report(paragraphs: list[str]) -> Report:
    return Report(place="某镇", year=2025, chapters=[
        Chapter(title="过去一年工作回顾", paragraphs=[Paragraph(text=t) for t in paragraphs])])


# Made-up sentences of each shape; padding of 0..27 characters moves each run through every
# position of a line.
_SHAPES = [
    "我们{pad}在以习近平同志为核心的党中央坚强领导下，团结一心，攻坚克难，各项事业取得新进展。",
    "全镇{pad}认真学习贯彻习近平总书记重要讲话精神，把各项部署落到实处，推动高质量发展。",
    "全年{pad}新增城镇就业29.9万人，城镇调查失业率控制在5.5%以内，地区生产总值增长6.5%左右。",
    "今年{pad}建成高标准农田300项，新开工重点项目128个，按照某府〔2024〕17号文件要求推进。",
]
RUNS = [s.format(pad="推" * k) for s in _SHAPES for k in range(0, 28, 3)]
# 28 characters then ，: the mark that does not fit must be printed, on the next line with
# the character before it, never dropped nor hung in the margin.
_LINE = "一二三四五六七八九十" * 3
MARKS = [("推" * k) + _LINE[: 28 - k % 28] + "，" + "这一段话到这里结束。" for k in range(2, 12)]


class Printed(NamedTuple):
    docx: Path
    pdf: Path
    lines: list[str]    # the printed lines, page numbers aside
    past: list[str]     # the words past the right margin
    widths: list[float]  # each printed line's width, points


def read_pdf(pdf: Path) -> tuple[list[str], list[str], list[float]]:
    """One pdftotext -bbox-layout: the PDF's lines (as pdftotext's default reading order),
    the words whose box ends past the text block's right edge, and each line's width."""
    out = _pdftotext(pdf, "-bbox-layout")
    lines, past, widths = [], [], []
    for x0, x1, line in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', out, re.S):
        words = [(float(x), html.unescape(w))
                 for x, w in re.findall(r'<word [^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', line)]
        text = INVISIBLE.sub("", "".join(w for _, w in words))
        if text and not PAGE_NUMBER.fullmatch(text):
            lines.append(text)
            widths.append(float(x1) - float(x0))
            past += [w for x, w in words if x > RIGHT_EDGE_PT + 0.5 and INVISIBLE.sub("", w)]
    return lines, past, widths


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{name: (.docx, PDF)}: every corpus report that imports, and the made-up "runs" and
    "marks" documents, converted by one LibreOffice process."""
    _need_libreoffice()
    tmp = tmp_path_factory.mktemp("printed")
    docxs, names = [], []
    if CORPUS.is_dir():
        from workbench.reading.importer import ImportFailure, import_file

        reports = []
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix not in (".txt", ".docx") or path.name.upper().startswith("README"):
                continue
            try:
                reports += [(path, r) for r in import_file(path)]
            except ImportFailure:
                continue
        assert len(reports) >= 40, "fewer corpus reports import than when this test was written"
        by_year = {(r.place, r.year): r for _, r in reports}
        for i, (path, report) in enumerate(reports):
            previous = by_year.get((report.place, report.year - 1))
            appendix = previous is not None and bool(previous.targets)
            docxs.append(export_report(report, tmp / f"{i:03d}.docx",
                                       previous=previous if appendix else None, appendix=appendix))
            names.append(f"{path.parent.name}/{path.name} {report.place}{report.year}")
    for name, paragraphs in (("runs", RUNS), ("marks", MARKS)):
        docxs.append(export_report(_report(paragraphs), tmp / f"{name}.docx"))
        names.append(name)
    for count, lines in TITLES.items():        # titles of 2, 3 and 4 lines
        report = _report(["正文一段。"])
        report.meta.title = "".join(lines)
        docxs.append(export_report(report, tmp / f"title{count}.docx"))
        names.append(f"title{count}")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp / "cache"))      # a LibreOffice profile of its own
        pdfs = convert_all(docxs, tmp / "pdf", timeout=900)
    with ThreadPoolExecutor(max_workers=2) as pool:   # each PDF read once, for every test
        read = list(pool.map(read_pdf, pdfs))
    return {name: Printed(docx, pdf, *got) for name, docx, pdf, got in zip(names, docxs, pdfs, read)}


@pytest.fixture(scope="module")
def corpus_pdfs(printed):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return [(name, p) for name, p in printed.items() if name not in ("runs", "marks", *MADE_UP_TITLES)]


def test_every_character_of_the_docx_is_in_its_pdf(corpus_pdfs):
    lost = [name for name, p in corpus_pdfs if not same_text(p.docx, p.pdf, "\n".join(p.lines))]
    assert not lost, lost


def test_nothing_stands_past_the_right_margin(corpus_pdfs):
    past = {name: p.past[:3] for name, p in corpus_pdfs if p.past}
    assert not past, past


def test_no_line_ends_inside_a_name_a_figure_or_a_document_number(corpus_pdfs):
    names = read_names()
    broken = {name: b[:4] for name, p in corpus_pdfs if (b := broken_runs(p.lines, names))}
    assert not broken, broken


def test_made_up_runs_stay_whole_at_every_position(printed):
    p = printed["runs"]
    assert same_text(p.docx, p.pdf, "\n".join(p.lines))
    assert broken_runs(p.lines, read_names()) == []
    assert p.past == []


def test_a_full_line_then_a_comma_keeps_the_comma(printed):
    p = printed["marks"]
    assert "".join(p.lines).count("，") == docx_text(p.docx).count("，") == len(MARKS)
    assert same_text(p.docx, p.pdf, "\n".join(p.lines))
    assert p.past == []


# ------------------------------------------------------------ Word's view: what the .docx says

def _styles(path: Path):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/styles.xml"))


@pytest.mark.parametrize("template", [DEFAULT_TEMPLATE, DEFAULT_TEMPLATE.with_name("gbt9704-windows.docx")])
def test_template_lets_no_mark_overflow_the_margin_in_word(template):
    """w:overflowPunct=0 on every paragraph style and the defaults: Word takes the character
    before a mark that does not fit down with it instead of hanging the mark in the margin."""
    styles = _styles(template)
    defaults = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}overflowPunct")
    assert defaults is not None and defaults.get(f"{W}val") == "0"
    for style in styles.iterfind(f"{W}style[@{W}type='paragraph']"):
        if style.get(f"{W}styleId") in ("Header", "Footer"):
            continue
        if style.find(f"{W}basedOn") is None or style.find(f"{W}pPr/{W}overflowPunct") is not None:
            value = style.find(f"{W}pPr/{W}overflowPunct")
            assert value is not None and value.get(f"{W}val") == "0", style.get(f"{W}styleId")


def test_libreoffice_reads_a_copy_with_overflow_flipped():
    """LibreOffice imports overflowPunct inverted (ParaIsHangingPunctuation = not overflowPunct),
    so its copy says 1 where Word's says 0; Word's .docx itself is left as it is."""
    data = DEFAULT_TEMPLATE.read_bytes()
    copy = for_libreoffice(data)
    with zipfile.ZipFile(io.BytesIO(copy)) as zf:
        styles = zf.read("word/styles.xml").decode()
    assert 'w:overflowPunct w:val="0"' not in styles and 'w:overflowPunct w:val="1"' in styles
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert 'w:overflowPunct w:val="1"' not in zf.read("word/styles.xml").decode()


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode()


def test_the_docx_joins_only_the_runs_a_line_ends_in_or_beside(tmp_path):
    """Word's no-width non break (U+200D) stands only inside the names and figures where a line
    of the 28-a-line grid ends (Find for 习近平 and copy and paste see the rest as typed); the
    copy LibreOffice lays out joins every run."""
    mid = "新增就业29.9万人，在以习近平同志为核心的党中央坚强领导下。"   # no run near a line end
    at_end = "全镇上下团结一心攻坚克难推动发展走好每一步在以习近平同志为核心的党中央坚强领导下，增长6.5%左右。"
    out = export_report(_report([mid, at_end, "落实穗府〔2024〕1号文件。"]), tmp_path / "r.docx")
    body = _document_xml(out)
    assert "在以习近平同志为核心" in body and "29.9万人" in body and "穗府〔2024〕1号" in body
    # the first line of the second paragraph holds 26 cells: 习近平同志 starts at its 24th
    assert glue("习近平同志") in body and body.count(JOINER) == len("习近平同志") - 1
    assert "\u2060" not in body
    with zipfile.ZipFile(io.BytesIO(for_libreoffice(out.read_bytes()))) as zf:
        copy = zf.read("word/document.xml").decode()
    for run in ("习近平同志", "9万人", "5%左右", "穗府〔2024〕1号"):
        assert glue(run).replace(JOINER, "\u2060") in copy, run
    assert docx_text(out).endswith("落实穗府〔2024〕1号文件。")
    # export --plain: the text exactly as typed (the PDF's copy still joins every run)
    plain = export_report(_report([mid, at_end]), tmp_path / "plain.docx", joiners=False)
    assert JOINER not in _document_xml(plain) and "在以习近平同志为核心" in _document_xml(plain)


def test_line_end_spans_move_a_run_down_whole_and_count_a_mark_with_its_character():
    from workbench.writing.unbreakable import line_end_spans

    # 26 cells on the first line: a run from the 25th character would end inside it
    text = "甲" * 24 + "习近平总书记" + "乙" * 40
    assert line_end_spans(text, first=26, width=28) == [(24, 30)]
    # the run then opens the second line, so the second line ends 28 characters later
    text2 = "甲" * 24 + "习近平总书记" + "乙" * 22 + "29.9万人" + "丙" * 20
    assert line_end_spans(text2, first=26, width=28) == [(24, 30), (52, 58)]
    # half-width digits take half a cell: 29.9万人 at 22 cells fits the first line
    assert line_end_spans("甲" * 20 + "29.9万人" + "乙" * 4, first=26, width=28) == []
    # a run far from every line end is never joined
    assert line_end_spans("甲" * 5 + "习近平总书记" + "乙" * 60, first=26, width=28) == []


def test_word_honours_the_docx_joiners_as_laid_out_on_the_same_grid(tmp_path):
    """Word's view, through the one layout engine here: LibreOffice converting a copy that
    keeps together only what the .docx itself joins (as Word does with U+200D) breaks no
    run of the made-up shapes at any position; with the joiners taken out it does."""
    _need_libreoffice()
    import workbench.writing.pdf as pdf

    doc = export_report(_report(RUNS), tmp_path / "runs.docx")
    names = read_names()
    broken = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        for mode, glue_runs in (("docx", lambda xml: xml), ("none", lambda xml: xml.replace(JOINER, ""))):
            mp.setattr(pdf, "_glue_text_runs", glue_runs)
            [got] = convert_all([doc], tmp_path / mode, timeout=300, layout_pass=False)
            broken[mode] = broken_runs(read_pdf(got)[0], names)
    assert broken["docx"] == [], broken["docx"]
    assert len(broken["none"]) >= 3, broken["none"]   # the shapes do break without them
    # and the .docx joins far fewer runs than it holds
    runs = sum(len(spans_of(p)) for p in RUNS)
    assert _document_xml(doc).count(JOINER) < runs * 3


def spans_of(text: str) -> list:
    from workbench.writing.unbreakable import spans

    return spans(text)


def test_glue_shapes_and_the_office_list(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("# 本单位补充\n张三同志\n\n", encoding="utf-8")
    extra = read_names(names)
    assert extra == ["张三同志"]
    assert glue("请张三同志发言", extra) == "请" + JOINER.join("张三同志") + "发言"
    assert glue("请张三同志发言", []) == "请张三同志发言"
    assert glue("达到1.2万家以上") == "达到1.2" + JOINER + JOINER.join("万家以上")
    assert glue("提高0.5个百分点") == "提高0.5" + JOINER + JOINER.join("个百分点")
    assert glue("二〇二四年") == "二〇二四年"      # no digit, no figure
    assert "习近平总书记" in read_names(NAMES_FILE)
    # a glued run never grows past a line's worth: such a run is left to break
    assert JOINER not in glue("x" * 40, ["x" * 40])
    # a listed name longer than eight is not kept whole, the names inside it are
    got = glue("坚持以习近平新时代中国特色社会主义思想为指导", ["习近平新时代中国特色社会主义思想", "习近平"])
    assert got == "坚持以" + JOINER.join("习近平") + "新时代中国特色社会主义思想为指导"


def test_import_drops_the_joiners(tmp_path, r2024):
    from workbench.reading.importer import import_file

    r2024.chapters[0].paragraphs[0].text = "在以习近平同志为核心的党中央坚强领导下，全年增长6.5%左右。"
    out = export_report(r2024, tmp_path / "r.docx")
    [back] = import_file(out)
    assert back.chapters[0].paragraphs[0].text == r2024.chapters[0].paragraphs[0].text


@pytest.mark.parametrize("template", [DEFAULT_TEMPLATE, DEFAULT_TEMPLATE.with_name("gbt9704-windows.docx")])
def test_title_lines_are_one_grid_line_apart(template):
    """The report's title: single spacing at the grid's pitch, exactly 28.95 pt, and off the
    grid itself (on it LibreOffice gives a 22 pt line two grid lines, 57.9 pt). The attachment
    title keeps 1.5 lines of 22 pt."""
    from workbench.document import layout as L

    styles = _styles(template)
    for name, line in ((L.TITLE, L.LINE_TWIPS), (L.APPENDIX_TITLE, int(L.TITLE_PT * 20 * 1.5))):
        style = next(s for s in styles.iterfind(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == name)
        snap = style.find(f"{W}pPr/{W}snapToGrid")
        assert snap is not None and snap.get(f"{W}val") == "0", name
        spacing = style.find(f"{W}pPr/{W}spacing")
        assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == (str(line), "exact"), name


# ------------------------------------------------------------ titles by meaning

# Made-up titles of the shapes an office writes, and where each must break (GB/T 9704 §7.3.1):
# never inside 国民经济和社会发展计划, 政府, 工作报告, a year; a joining word starts a line.
TITLES = {
    2: ["关于某镇2024年", "国民经济和社会发展计划执行情况的报告"],
    3: ["关于某镇2024年", "国民经济和社会发展计划执行情况与2025年", "国民经济和社会发展计划草案的报告"],
    4: ["关于某镇2024年", "国民经济和社会发展计划执行情况", "与2025年国民经济和社会发展计划草案",
        "及2025年财政预算的报告"],
}


MADE_UP_TITLES = [f"title{n}" for n in TITLES]


def test_titles_print_in_their_lines_one_grid_line_apart(printed):
    """The rendered PDF: the title's lines as cut by meaning (LibreOffice breaks none of them
    again), each 28.95 pt below the last (one grid line, single spacing)."""
    for count, want in TITLES.items():
        p = printed[f"title{count}"]
        assert p.lines[:count] == want, p.lines[:count + 1]
        out = _pdftotext(p.pdf, "-bbox-layout", "-l", "1")
        tops = [float(y) for y, text in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', out, re.S)
                if INVISIBLE.sub("", html.unescape("".join(re.findall(r">([^<]*)</word>", text)))) in want]
        assert len(tops) == count
        assert all(abs(b - a - 28.95) < 0.2 for a, b in zip(tops, tops[1:])), tops


@pytest.mark.parametrize("count", sorted(TITLES))
def test_a_long_title_breaks_by_meaning_into_a_trapezoid_or_diamond(count):
    from workbench.writing.titles import TITLE_CHARS, title_lines, title_width

    want = TITLES[count]
    assert title_lines("".join(want), place="某镇") == want
    widths = [title_width(t) for t in want]
    assert max(widths) <= TITLE_CHARS
    top = widths.index(max(widths))      # widening down to its longest line, then narrowing
    assert widths[:top + 1] == sorted(widths[:top + 1]) and widths[top:] == sorted(widths[top:], reverse=True)


def test_title_cuts_keep_words_whole():
    from workbench.writing.titles import title_lines

    assert title_lines("政府工作报告") == ["政府工作报告"]
    got = title_lines("某县人民政府关于2024年度法治政府建设工作情况和2025年工作安排的报告", place="某县")
    for line in got:
        assert not line.startswith(("的", "府", "告", "年")), got
    assert len(got) == 2
    for word in ("某县人民政府", "2024年度", "法治政府", "工作情况", "工作安排"):
        assert any(word in line for line in got), (word, got)      # each on one line
    # an office's own phrase is kept whole as well; without it, it may be cut
    title = "关于某镇推动高质量发展和建设中国式现代化先行示范区的报告"
    kept = title_lines(title, keep=["中国式现代化先行示范区"], place="某镇")
    assert len(kept) == 2 and any("中国式现代化先行示范区" in line for line in kept), kept


# ------------------------------------------------------------ the layout pass: lone last characters# ------------------------------------------------------------ the layout pass: lone last characters

def lone_last_lines(lines: list[str]) -> list[str]:
    """Each paragraph end printed as one character and its stop under a full line."""
    return [f"{a[-4:]}/{b}" for a, b in zip(lines, lines[1:])
            if len(b) == 2 and b[1] in "。！？；" and len(a) >= 24]


def test_the_layout_pass_mends_lone_last_characters(corpus_pdfs):
    """Before the pass the corpus printed 207 paragraphs ending in "升。" alone (43 files);
    one pass (one more conversion) mends all but a few: a paragraph is changed once, by the
    step computed from its printed lines, and LibreOffice does not always break as computed."""
    lone = {name: got for name, p in corpus_pdfs if (got := lone_last_lines(p.lines))}
    assert sum(map(len, lone.values())) <= 8, lone


def test_the_layout_pass_mends_headings_that_wrap_one_character(corpus_pdfs):
    """Before the pass 20 chapter and section headings of the corpus wrapped one character
    ("（三）…体/系"); the pass pulls each onto one line less (read from the final .docx and PDF)."""
    from workbench.writing.layoutpass import HEADING, lone_paragraphs

    wrapped = {}
    for name, p in corpus_pdfs:
        with zipfile.ZipFile(p.docx) as zf:
            document = zf.read("word/document.xml").decode()
        found = lone_paragraphs(document, p.lines)
        if heads := ["/".join(lines) for lines, kind in found.values() if kind == HEADING]:
            wrapped[name] = heads
    assert not wrapped, wrapped


def test_a_heading_is_pulled_up_rather_than_wrapped_by_two():
    from workbench.writing.layoutpass import mending_spacing

    # 26 characters after the indent and one wrapped: -0.80 pt a character takes it up
    heading = ["（四）优化调整产业布局，加快构建优势特色现代化产业体", "系"]
    assert mending_spacing(heading, pull_up=True) == -18
    # a body paragraph would rather send a character down: the smaller change
    assert mending_spacing(heading) == -3
    # a heading of three lines: the last full line takes the lone character up (-0.80 pt)
    assert mending_spacing(["一" * 26, "二" * 28, "三"], pull_up=True) == -16


def test_mend_finds_a_heading_wrapping_one_character(tmp_path):
    from workbench.writing.layoutpass import HEADING, mend

    report = Report(place="某镇", year=2025, chapters=[Chapter(
        title="过去一年工作回顾", sections=[Section(title="优化调整产业布局，加快构建优势特色现代化产业体系",
                                           paragraphs=[Paragraph(text="正文一段。")])])])
    out = export_report(report, tmp_path / "r.docx")
    lines = ["政府工作报告", "各位代表：", "一、过去一年工作回顾",
             "（一）优化调整产业布局，加快构建优势特色现代化产业体", "系", "正文一段。"]
    data, done = mend(out.read_bytes(), lines)
    assert [(a.kind, a.twentieths) for a in done] == [(HEADING, -18)]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    heading = re.search(r"<w:p>(?:(?!</w:p>).)*优化调整(?:(?!</w:p>).)*</w:p>", body).group(0)
    assert '<w:spacing w:val="-18"/>' in heading and body.count("<w:spacing w:val=") == 1


def spread_lines(document: str, lines: list[str], widths: list[float], gap_pt: float) -> list[str]:
    """The justified lines (body and headings, a paragraph's last line aside) whose characters
    stand more than `gap_pt` apart beyond their own width: lines spread out ("22.5 亿 元 ， 增 长")."""
    from workbench.document import layout as L
    from workbench.writing.layoutpass import _paragraph_texts

    found, at = [], 0
    for _, text, kind in _paragraph_texts(document):
        if not text:
            continue
        start, got = at, ""
        while at < len(lines) and len(got) < len(text):
            got, at = got + lines[at], at + 1
        if got != text:
            return found + ["(the PDF reads otherwise than the .docx)"]
        for line, width in zip(lines[start:at - 1], widths[start:at - 1]):
            own = sum(0.5 if ch.isascii() else 1.0 for ch in line) * (L.BODY_PT + L.CHAR_SPACING_TWENTIETHS / 20)
            if kind and (width - own) / max(len(line) - 1, 1) > gap_pt:
                found.append(line)
    return found


def test_few_lines_are_spread_out(corpus_pdfs):
    """A justified line spreads when what comes next cannot break (a figure with its unit, a
    name). With the names list kept to short runs (a 16-character one left lines of 14
    characters spread 7-15 pt apart), the corpus has 22 lines spread over 5 pt a gap (75
    before) and 113 over 3 pt (238), of some 30,000 lines."""
    total = []
    for name, p in corpus_pdfs:
        with zipfile.ZipFile(p.docx) as zf:
            document = zf.read("word/document.xml").decode()
        total += spread_lines(document, p.lines, p.widths, 5.0)
    assert len(total) <= 30, total[:10]


def test_the_layout_pass_leaves_fewer_stretched_lines(corpus_pdfs):
    """Stretched lines as the layout pass measures them (layoutpass.stretched_lines: a
    justified line whose words stand more than 1.5 pt a character apart, pdftotext's word
    boxes): the corpus printed 217 before the pass mended them (144 over 2 pt), 127 after
    (85), of some 25,000 justified lines; the pass mends a paragraph only where its model of
    LibreOffice's line breaking prints the paragraph as LibreOffice did."""
    from workbench.writing.layoutpass import read_lines, stretched_lines

    found = {}
    for name, p in corpus_pdfs:
        lines = read_lines(p.pdf)
        if got := stretched_lines(_document_xml(p.docx), lines):
            found[name] = [lines[k].text for ks in got.values() for k in ks]
    assert sum(map(len, found.values())) <= 150, found


def test_mending_spacing_takes_the_least_step():
    from workbench.writing.layoutpass import mending_spacing

    # full lines of 28: one step past the -0.25 pt that fits 28 sends a character down
    assert mending_spacing(["一" * 26, "二" * 28, "三" * 28, "四。"]) == -3
    # a short paragraph whose one full line is already short: the pair is pulled up instead
    assert mending_spacing(["一" * 25, "四。"]) == -18
    # nothing within a point a character
    assert mending_spacing(["一" * 10, "四。"]) is None
    assert mending_spacing(["四。"]) is None


def test_mend_keeps_the_step_in_the_docx_for_word(tmp_path):
    from workbench.writing.layoutpass import mend

    text = "推" * 24 + "一二三四五六七八九十" * 3 + "升。"
    out = export_report(_report(["开头一段话。", text]), tmp_path / "r.docx")
    lines = ["政府工作报告", "各位代表：", "一、过去一年工作回顾", "开头一段话。",
             text[:26], text[26:54], text[54:]]
    data, done = mend(out.read_bytes(), lines)
    assert len(done) == 1 and done[0].start.startswith("推推推") and done[0].twentieths == -3
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    mended = re.search(r"<w:p>(?:(?!</w:p>).)*推推推(?:(?!</w:p>).)*</w:p>", body).group(0)
    assert '<w:spacing w:val="-3"/>' in mended and "开头一段话" not in mended
    assert body.count("<w:spacing w:val=") == 1
    # lines that do not read as the .docx: nothing is changed
    assert mend(out.read_bytes(), lines[:-1] + ["别的。"]) == (out.read_bytes(), [])
