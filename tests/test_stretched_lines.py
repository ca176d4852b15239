"""Stretched lines (issue 24): a justified line whose characters stand visibly apart because
the unbreakable run after it ("5.8%；", "143.6亿元，") went down whole ("22.5 亿 元 ， 增 长").
The PDF's layout pass finds them from the printed lines' widths and sets the paragraph's
character spacing by the least step that leaves none (writing/layoutpass.py)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from workbench.document.model import Chapter, Paragraph, Report
from workbench.writing import layoutpass as LP
from workbench.writing.export import export_report
from workbench.writing.unbreakable import read_names

# A long figure run that just misses a line's end: padding of 0..27 characters moves the
# runs through every position of the first two lines.
_SHAPE = ("全镇{pad}实现营业收入22.5亿元，增长55.9%；规上工业总产值143.6亿元，增长5.8%左右；"
          "批发零售业销售额107.2亿元，增长7.2%以上，新增市场主体1.35万户。")
FIGURES = [_SHAPE.format(pad="推" * k) for k in range(28)]


def _report(paragraphs: list[str]) -> Report:
    return Report(place="某镇", year=2025, chapters=[
        Chapter(title="过去一年工作回顾", paragraphs=[Paragraph(text=t) for t in paragraphs])])


def _document(path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode()


def _stretched(docx, pdf) -> list[str]:
    lines = LP.read_lines(pdf)
    found = LP.stretched_lines(_document(docx), lines)
    return [lines[k].text for ks in found.values() for k in ks]


# ------------------------------------------------------------ without LibreOffice

def test_spread_is_the_space_between_words_a_character():
    # 30 characters across the block, words covering all but 29 pt of it: 1 pt a gap
    assert LP.spread(LP.PrintedLine("一" * 30, 442.0, 413.0)) == pytest.approx(1.0)
    assert LP.spread(LP.PrintedLine("一", 16.0, 16.0)) == 0.0


def test_the_model_keeps_a_figure_with_its_unit_and_mark():
    text = "推" * 20 + "全年增长143.6亿元，再增长5.8%；以上各项指标全面完成，稳中有进。"
    for step in (-20, -5, 0, 20):
        lines = LP.lay_out(text, step)
        assert "".join(lines) == text
        for a, b in zip(lines, lines[1:]):
            assert not b.startswith(("，", "；", "亿", "元", "%", "3.6")), (step, a, b)


def test_a_stretched_paragraph_gets_the_least_step_the_model_says_mends_it():
    # a paragraph whose second line is left short by the run that went down whole
    stretched = []
    for text in FIGURES:
        printed = LP.lay_out(text, -5)
        spreads = [LP._model_spread(line, LP.BLOCK_PT - (LP.FIRST_INDENT_PT if k == 0 else 0), -5)
                   for k, line in enumerate(printed[:-1])]
        if max(spreads) > LP.STRETCH_PT:
            stretched.append(text)
            step = LP.unstretching_spacing(text, printed, LP.LONE)
            if step is None:
                continue
            assert abs(step + 5) <= LP.MAX_STEP
            mended = LP.lay_out(text, step)
            assert "".join(mended) == text
            assert all(LP._model_spread(line, LP.BLOCK_PT - (LP.FIRST_INDENT_PT if k == 0 else 0), step)
                       <= LP.STRETCH_PT for k, line in enumerate(mended[:-1]))
            assert not (len(mended[-1]) == 2 and mended[-1][1] in "。；")
    assert len(stretched) >= 8
    # lines the model would not have made: it does not guess
    text = FIGURES[3]
    assert LP.unstretching_spacing(text, [text[:20], text[20:]], LP.LONE) is None


def _as_printed(lines: list[str], step: int = -5) -> list[LP.PrintedLine]:
    """Lines as pdftotext reads a justified paragraph: each full width but the last, the
    space its words leave between them as the model says."""
    out = []
    for k, text in enumerate(lines):
        avail = LP.BLOCK_PT - (LP.FIRST_INDENT_PT if k == 0 else 0)
        if k == len(lines) - 1:
            out.append(LP.PrintedLine(text, 100.0, 100.0))
        else:
            gaps = max(LP._model_spread(text, avail, step), 0) * (len(text) - 1)
            out.append(LP.PrintedLine(text, avail, avail - gaps))
    return out


def test_mend_says_it_unstretched_a_paragraph(tmp_path):
    from workbench.writing.plain import render_layout_summary

    text = FIGURES[3]          # its second line ends before "143.6亿元，": 2.7 pt a gap
    printed = LP.lay_out(text, -5)
    assert max(LP.spread(x) for x in _as_printed(printed)) > LP.STRETCH_PT
    step = LP.unstretching_spacing(text, printed, LP.LONE)
    assert step is not None and step < -5             # tightened: the run goes back up
    out = export_report(_report(["开头一段话。", text]), tmp_path / "r.docx")
    head = [LP.PrintedLine(t, 100.0, 100.0) for t in ["政府工作报告", "各位代表：", "一、过去一年工作回顾", "开头一段话。"]]
    data, done = LP.mend(out.read_bytes(), head + _as_printed(printed))
    assert [(a.kind, a.twentieths) for a in done] == [(LP.STRETCH, step)]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    mended = re.search(r"<w:p>(?:(?!</w:p>).)*推推(?:(?!</w:p>).)*</w:p>", body).group(0)
    assert f'<w:spacing w:val="{step}"/>' in mended and body.count("<w:spacing w:val=") == 1
    assert "有一行字距撑开" in render_layout_summary(done)
    # the same lines without their widths: nothing is known stretched, nothing changes
    assert LP.mend(out.read_bytes(), [ln.text for ln in head + _as_printed(printed)]) == (out.read_bytes(), [])


# ------------------------------------------------------------ through LibreOffice

@pytest.fixture(scope="module")
def figures_printed(tmp_path_factory):
    """The made-up figure paragraphs printed without the layout pass and with it (two
    LibreOffice runs for the module)."""
    from test_pdf_text import _need_libreoffice
    from workbench.writing.pdf import convert_all

    _need_libreoffice()
    tmp = tmp_path_factory.mktemp("stretched")
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp / "cache"))
        for name, layout_pass in (("before", False), ("after", True)):
            docx = export_report(_report(FIGURES), tmp / f"{name}.docx")
            [pdf] = convert_all([docx], tmp / name, timeout=300, layout_pass=layout_pass)
            out[name] = (docx, pdf)
    return out


def test_the_layout_pass_mends_stretched_lines_in_the_pdf(figures_printed):
    from test_pdf_text import broken_runs, lone_last_lines, read_pdf, same_text

    before = _stretched(*figures_printed["before"])
    after = _stretched(*figures_printed["after"])
    assert len(before) >= 8, before              # the shape does stretch lines
    assert len(after) <= len(before) // 4, (before, after)
    docx, pdf = figures_printed["after"]
    lines, past, _ = read_pdf(pdf)
    assert same_text(docx, pdf, "\n".join(lines))
    assert broken_runs(lines, read_names()) == []
    assert lone_last_lines(lines) == [] and past == []
    # the steps are in the .docx, for Word
    assert _document(docx).count("<w:spacing w:val=") >= len(before) - len(after)
