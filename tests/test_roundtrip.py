"""Round trip through the TUI's editing layer: random edits (titles, leads, bodies, figures,
moves, deletes, generated/free, undo/redo), then a save; `show --json` of the stored report
equals the report in the editor, and every body text is in the exported .docx."""

from __future__ import annotations

import json

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzcount import count
from workbench.drafting import editing as E
from workbench.cli.commands import main
from workbench.writing.export import export_report
from workbench.document.figures import FigureError
from workbench.document.model import Report
from workbench.document.phrasing import full_width, printed
from workbench.storage.store import Store

from conftest import example_dict

TEXT = st.text(alphabet="镇年增长亿元万个家亩，。；：“”（）、企业项目建设推进力争0123456789%. abc\n,;:()",
               min_size=0, max_size=40)
FIGURE_CELLS = ["21.2亿元", "增长8%左右", "下降3%", "", "3000万美元以上", "增长5%—6%", "五个",
                "增长7%以上、力争达到8%", "不少于300亩", "abc", "增长"]

OPS = st.one_of(
    st.tuples(st.just("title"), st.integers(0, 50), TEXT),
    st.tuples(st.just("lead"), st.integers(0, 200), TEXT),
    st.tuples(st.just("body"), st.integers(0, 200), TEXT),
    st.tuples(st.just("figure"), st.integers(0, 20), st.sampled_from([E.VALUE, E.GROWTH, E.NAME]),
              st.sampled_from(FIGURE_CELLS)),
    st.tuples(st.just("add_figure"), st.sampled_from([E.RESULTS, E.TARGETS]), TEXT),
    st.tuples(st.just("remove_figure"), st.sampled_from([E.RESULTS, E.TARGETS]), st.integers(0, 20)),
    st.tuples(st.just("add_paragraph"), st.integers(0, 200), TEXT),
    st.tuples(st.just("add_section"), st.integers(0, 50), TEXT),
    st.tuples(st.just("add_chapter"), TEXT),
    st.tuples(st.just("move"), st.integers(0, 250), st.sampled_from([-1, 1])),
    st.tuples(st.just("delete"), st.integers(0, 250)),
    st.tuples(st.just("lead_from_text"), st.integers(0, 200)),
    st.tuples(st.just("generated"), st.integers(0, 200)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


def _addresses(report: Report, paragraphs: bool = True, heads: bool = True) -> list[E.Address]:
    out: list[E.Address] = []
    for ci, ch in enumerate(report.chapters):
        if heads:
            out.append((ci, None, None))
        if paragraphs:
            out += [(ci, None, pi) for pi in range(len(ch.paragraphs))]
        for si, sec in enumerate(ch.sections):
            if heads:
                out.append((ci, si, None))
            if paragraphs:
                out += [(ci, si, pi) for pi in range(len(sec.paragraphs))]
    return out


def _pick(items: list, i: int):
    return items[i % len(items)] if items else None


def apply(report: Report, history: E.History, op: tuple) -> Report:
    """One edit as the report screen makes it (snapshot for undo first); returns the report."""
    kind = op[0]
    if kind == "undo":
        return history.undo(report) or report
    if kind == "redo":
        return history.redo(report) or report
    before = E.snapshot(report)
    try:
        if kind == "title":
            addr = _pick(_addresses(report, paragraphs=False), op[1])
            if addr is None:
                return report
            ci, si, _ = addr
            if si is None:
                report.chapters[ci].title = op[2]
            else:
                report.chapters[ci].sections[si].title = op[2]
        elif kind in ("lead", "body", "lead_from_text", "generated"):
            addr = _pick(_addresses(report, heads=False), op[1])
            if addr is None:
                return report
            para = E.get_paragraph(report, addr)
            if kind == "generated":
                E.toggle_generated(report, addr)
            elif para.generated:
                return report  # the editor refuses typing into a generated paragraph
            elif kind == "lead":
                para.lead = op[2] or None
            elif kind == "body":
                para.text = op[2]
            else:
                E.promote_lead(report, addr)
        elif kind == "figure":
            figs = report.targets
            if not figs:
                return report
            E.set_figure_cell(report, E.TARGETS, op[1] % len(figs), op[2], op[3])
        elif kind == "add_figure":
            E.add_figure(report, op[1], op[2] or "新指标")
        elif kind == "remove_figure":
            figs = E.figures_of(report, op[1])
            if not figs:
                return report
            E.remove_figure(report, op[1], op[2] % len(figs))
        elif kind == "add_paragraph":
            addr = _pick(_addresses(report), op[1])
            if addr is None:
                return report
            E.add_paragraph(report, addr[0], addr[1], addr[2], text=op[2])
        elif kind == "add_section":
            if not report.chapters:
                return report
            E.add_section(report, op[1] % len(report.chapters), op[2] or "新的一节")
        elif kind == "add_chapter":
            E.add_chapter(report, op[1] or "新的一章")
        elif kind == "move":
            addr = _pick(_addresses(report), op[1])
            if addr is None:
                return report
            E.move(report, addr, op[2])
        elif kind == "delete":
            addr = _pick(_addresses(report), op[1])
            if addr is None:
                return report
            E.delete(report, addr)
    except (E.EditError, FigureError):
        return before  # refused edits leave the report as it was
    history.remember(report, before)
    return report


def docx_text(path) -> str:
    # less Word's no-width non breaks, which keep names and figures on one line
    return "\n".join(p.text for p in Document(str(path)).paragraphs).replace("\u200d", "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=1, max_size=30))
def test_edits_saved_show_json_equals_editor_and_docx_has_every_body(ops, tmp_path_factory, capsys):
    tmp = tmp_path_factory.mktemp("rt")
    db = tmp / "reports.json"
    report = Report.from_dict(example_dict(2024))
    history = E.History()
    for op in ops:
        report = apply(report, history, op)
    with Store(db) as store:
        store.put(E.save_copy(report))
    count("round trip: edit sequences", 1)
    count("round trip: edits", len(ops))
    capsys.readouterr()
    assert main(["--db", str(db), "show", "狮岭镇", "2024", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == report.to_dict()
    out = export_report(report, tmp / "r.docx")
    text = docx_text(out)
    for *_, para in report.paragraphs():
        lead, body = printed(report, para)
        # The export makes half-width punctuation beside Chinese full-width (DESIGN §6),
        # in the bold lead and the body separately.
        assert full_width(lead or "") + full_width(body) in text
