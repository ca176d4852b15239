"""Chinese line breaking (workbench.textwrap_cjk): the rules hold whatever the styles, and on
every paragraph of the real corpus at every width."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st
import pytest

from sharedcorpus import CORPUS, MISSING
from rich.cells import cell_len

from workbench.util.textwrap_cjk import NO_LINE_END, NO_LINE_START, wrap_cells, wrap_spans



def plain(lines):
    return ["".join(t for t, _ in line) for line in lines]


def styles_by_char(spans):
    return [(ch, style) for text, style in spans for ch in text]


def assert_by_the_rules(text, lines, width):
    """No line opens with a closing mark or ends with an opening one, none is wider than
    `width` cells, and the lines joined give the text back (spaces at breaks aside)."""
    for i, line in enumerate(lines):
        assert cell_len(line) <= width, (width, line)
        if i:
            assert line[:1] not in NO_LINE_START, (width, lines[i - 1], line)
        if i < len(lines) - 1:
            assert line[-1:] not in NO_LINE_END, (width, line, lines[i + 1])
    if re.search(r"\s", text):
        assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    else:
        assert "".join(lines) == text


@pytest.mark.parametrize("spans, whole", [
    ([("全年实现销售额", None), ("100", "green reverse"), ("亿元，同比", None)], "100亿元"),
    ([("批发零售业", None), ("107.2", "green reverse"), ("亿元", None), ("，增长7.2%。", None)], "107.2亿元"),
    ([("全年地区生产总值增长", None), ("8%", "green reverse"), ("左右", None), ("。", None)], "8%左右"),
    ([("失业率控制在", None), ("3.", "red reverse"), ("2%", "green reverse"), ("以内", None)], "3.2%以内"),
    ([("完成高标准农田建设", None), ("500", "green reverse"), ("亩以上", None)], "500亩以上"),
])
def test_a_number_keeps_its_unit_when_only_part_of_it_is_highlighted(spans, whole):
    text = "".join(t for t, _ in spans)
    for width in range(cell_len(whole) + 2, 40):   # room for a mark that follows it
        lines = wrap_spans(spans, width, keep_units=True)
        texts = plain(lines)
        assert_by_the_rules(text, texts, width)
        assert sum(whole in line for line in texts) == 1, (width, texts)
        # Every character keeps its own style: the highlight covers the number, not the unit.
        assert styles_by_char(s for line in lines for s in line) == styles_by_char(spans)


def test_a_break_falls_before_the_number_not_inside_its_unit():
    spans = [("销售额", None), ("100", "green reverse"), ("亿元", None)]
    # 销售额100亿 is 11 cells: the old wrapper broke "销售额100亿│元" at 12.
    assert wrap_spans(spans, 12, keep_units=True) == [
        [("销售额", None)], [("100", "green reverse"), ("亿元", None)]]
    assert plain(wrap_spans([("增长", None), ("8%", "green reverse"), ("左右", None)], 8,
                            keep_units=True)) == ["增长", "8%左右"]


def test_closing_marks_in_a_row_never_open_a_line():
    text = "推动文旅融合提质增效，《黑神话：悟空》、越剧《新龙门客栈》成为现象级“爆款”产品，坚定拥护“两个确立”、坚决做到“两个维护”。"
    for width in range(6, 80):
        assert_by_the_rules(text, wrap_cells(text, width), width)
    # Where the old wrapper left "》、越剧…" on a line of its own start: 》、 stays with 悟空.
    lines = wrap_cells(text, 38)
    assert not any(line.startswith(("》", "、", "”")) for line in lines)


def test_spaces_before_a_closing_mark_and_after_an_opening_one_do_not_let_a_line_break():
    text = "采取积极措施解决企业之间的“三角债 ”，提高资金使用效益，比“ 四五”时期增加。"
    for width in range(6, 60):
        assert_by_the_rules(text, wrap_cells(text, width), width)


def test_styles_change_nothing_about_where_lines_break():
    text = "全年实现地区生产总值增长7.6%，批发零售业107.2亿元，增长8%左右；“百千万工程”扎实推进——新增规上企业9家（其中皮具企业4家）。"
    for width in range(8, 70):
        one = plain(wrap_spans([(text, None)], width, keep_units=True))
        cut = [(text[i:i + 3], "red" if i % 2 else None) for i in range(0, len(text), 3)]
        assert plain(wrap_spans(cut, width, keep_units=True)) == one


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(st.text(alphabet="规上产值增长亿元万左右以上，。、；“”《》（）—…0123456789.% ab",
                                        max_size=15),
                                st.sampled_from([None, "red", "green reverse"])), max_size=10),
       width=st.integers(min_value=6, max_value=50), keep_units=st.booleans())
def test_styled_wrap_loses_nothing_and_fits(parts, width, keep_units):
    text = "".join(t for t, _ in parts)
    lines = wrap_spans(parts, width, keep_units=keep_units)
    texts = plain(lines)
    assert all(cell_len(line) <= width for line in texts)
    assert re.sub(r"\s", "", "".join(texts)) == re.sub(r"\s", "", text)
    assert [c for c in styles_by_char(s for line in lines for s in line) if not c[0].isspace()] == \
        [c for c in styles_by_char(parts) if not c[0].isspace()]


def _corpus_paragraphs() -> list[tuple[str, str]]:
    from workbench.reading.importer import import_file

    files = sorted(CORPUS.glob("provincial-docx/*.docx")) + sorted(CORPUS.glob("national-txt/*.txt")) \
        + sorted(CORPUS.glob("local-pages/*.txt"))
    out = []
    for f in files:
        reports = import_file(f, place="某地", year=2000)
        for r in reports:
            for ch in r.chapters:
                for paras in [ch.paragraphs] + [s.paragraphs for s in ch.sections]:
                    out += [(f.name, p.full_text) for p in paras]
    return out


@pytest.mark.skipif(not CORPUS.is_dir(), reason=MISSING)
def test_every_corpus_paragraph_wraps_by_the_rules():
    """Every paragraph of the corpus at six widths between 20 and 130 (a different six for
    each paragraph, so every width is tried on hundreds of them), both ways of keeping
    numbers, and the Zhejiang report, where the F5 preview went wrong, at every width."""
    paragraphs = _corpus_paragraphs()
    assert len(paragraphs) > 3000
    checked = 0
    for n, (name, text) in enumerate(paragraphs):
        widths = range(20, 131) if "浙江" in name else range(20 + n % 19, 131, 19)
        for width in widths:
            lines = plain(wrap_spans([(text, None)], width, keep_units=bool(n % 2)))
            # A paragraph the importer opens with a closing mark keeps it on its first line.
            assert_by_the_rules(text, lines, width)
            checked += 1
    assert checked > 25_000
