"""Drafting help from the office's own language model (issue 28), against a stub server started
here (tests/aistub.py: the /v1/chat/completions streaming format, on 127.0.0.1, no network):
streaming, cancel, a wrong key, a time-out, a refused connection, answers in English or empty,
a figure found nowhere (flagged), one holding only the report's figures (clean), a 润色 that
changed a figure (flagged), the settings, the finding kept in `check`, the CLI and the TUI."""

from __future__ import annotations

import json
import threading
import time

import pytest

from aistub import free_port, serve
from tuitools import open_2024, quiet_tui, settle, stored  # noqa: F401  (quiet_tui: autouse)

from workbench.assist.client import AssistError, Cancelled, Request, judge
from workbench.assist.config import AssistConfig, AssistUnavailable, load_config, require_config
from workbench.assist.tasks import (
    DIGEST, POLISH, REVIEW, TARGETS, TaskError, at_label, parse_at, prepare, settle_figure, take,
)
from workbench.assist.verify import CHANGED, KNOWN, UNKNOWN
from workbench.checking.checks import check
from workbench.document.figures import Figure
from workbench.document.model import Chapter, Paragraph, Report, Section
from workbench.drafting import editing as E


def town(year: int = 2025) -> tuple[Report, Report]:
    """This year's draft and last year's report of a made-up town, with figures of their own."""
    previous = Report(place="青石镇", year=year - 1,
                      targets=[Figure(name="地区生产总值", key="gdp", growth_pct=6, qualifier="左右",
                                      raw="地区生产总值增长6%左右"),
                               Figure(name="固定资产投资", value=18.5, unit="亿元", growth_pct=9,
                                      raw="固定资产投资18.5亿元，增长9%")],
                      chapters=[Chapter(title=f"{year - 1}年工作回顾", sections=[Section(
                          title="产业发展", paragraphs=[Paragraph(text="新增规上企业6家，完成技改项目12项。")])])])
    report = Report(place="青石镇", year=year,
                    results=[Figure(name="地区生产总值", key="gdp", growth_pct=6.4, raw="地区生产总值增长6.4%"),
                             Figure(name="固定资产投资", value=19.26, unit="亿元", growth_pct=10.2,
                                    raw="固定资产投资19.26亿元，增长10.2%")],
                    targets=[Figure(name="地区生产总值", key="gdp", growth_pct=5.5, qualifier="左右",
                                    raw="地区生产总值增长5.5%左右")],
                    chapters=[
                        Chapter(title=f"{year - 1}年工作回顾", sections=[Section(
                            title="产业发展", paragraphs=[
                                Paragraph(lead="产业转型步伐加快。",
                                          text="全年新增规上企业7家，完成技改项目15项，"
                                               "固定资产投资19.26亿元，增长10.2%。")])]),
                        Chapter(title=f"{year}年工作安排", sections=[Section(
                            title="壮大实体经济", paragraphs=[Paragraph(text="推动园区扩容提质。")])]),
                    ])
    return report, previous


def config(stub, **kw) -> AssistConfig:
    return AssistConfig(base_url=stub.url, model="office-qwen", api_key=kw.pop("api_key", "k1"), **kw)


# ------------------------------------------------------------ settings: off by default

def test_off_unless_a_url_and_a_model_are_set(tmp_path):
    settings = tmp_path / "settings.json"
    assert load_config({}, settings) is None
    with pytest.raises(AssistUnavailable) as exc:
        require_config({}, settings)
    assert "WORKBENCH_AI_BASE_URL" in str(exc.value) and str(settings) in str(exc.value)
    assert load_config({"WORKBENCH_AI_BASE_URL": "http://10.1.2.3:8000/v1"}, settings) is None
    settings.write_text(json.dumps({"outline_width": 40, "ai": {
        "base_url": "http://10.1.2.3:8000/v1/", "model": "qwen2.5-72b", "api_key": "from-file"}}), encoding="utf-8")
    cfg = load_config({}, settings)
    assert (cfg.base_url, cfg.model, cfg.api_key) == ("http://10.1.2.3:8000/v1", "qwen2.5-72b", "from-file")
    # The environment wins over the file, field by field.
    cfg = load_config({"WORKBENCH_AI_MODEL": "deepseek-v3", "WORKBENCH_AI_TIMEOUT": "5"}, settings)
    assert (cfg.model, cfg.api_key, cfg.timeout) == ("deepseek-v3", "from-file", 5.0)
    assert "deepseek-v3" in cfg.where and "10.1.2.3" in cfg.where


# ------------------------------------------------------------ the request, against the stub

def test_the_answer_streams_in_pieces_and_the_prompt_carries_the_data():
    report, previous = town()
    prepared = prepare(REVIEW, report, previous, (0, 0, None))
    seen = []
    with serve() as stub:
        stub.pieces = ["<think>先看数据。</think>", "全年新增规上企业7家，", "固定资产投资19.26亿元，", "增长10.2%。"]
        answer = Request(config(stub), prepared.messages).run(seen.append)
        sent = stub.requests[0]
    assert answer == "全年新增规上企业7家，固定资产投资19.26亿元，增长10.2%。"
    assert len(seen) == 4 and seen[1] == "全年新增规上企业7家，" and seen[-1] == answer
    assert sent["body"]["stream"] is True and sent["body"]["model"] == "office-qwen"
    assert sent["auth"] == "Bearer k1"
    user = sent["body"]["messages"][1]["content"]
    # This year's results, last year's targets and last year's wording of the section travel.
    assert "固定资产投资19.26亿元，增长10.2%" in user and "地区生产总值增长6%左右" in user
    assert "新增规上企业6家，完成技改项目12项。" in user
    system = sent["body"]["messages"][0]["content"]
    assert "不得编造" in system and "全角" in system  # the house rules


def test_cancel_stops_the_stream_and_nothing_comes_back():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    with serve() as stub:
        stub.pieces = ["产业转型步伐加快。"] + ["全年新增规上企业7家。"] * 40
        stub.delay = 0.05
        request = Request(config(stub), prepared.messages)
        got: list = []

        def on_text(text):
            got.append(text)
            if len(got) == 3:
                request.cancel()

        with pytest.raises(Cancelled) as exc:
            request.run(on_text)
        assert str(exc.value) == "已取消，未写入任何内容"
        assert len(got) == 3 and stub.sent < 40  # the server did not get to send the rest


def test_cancel_from_another_thread_while_waiting():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    with serve() as stub:
        stub.pieces = ["产业转型步伐加快。", "全年新增规上企业7家。"]
        stub.delay = 3.0
        request = Request(config(stub, timeout=20), prepared.messages)
        threading.Timer(0.3, request.cancel).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            request.run()
        assert time.monotonic() - started < 2.5  # it did not wait for the slow piece


def test_a_wrong_key_is_one_chinese_line():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    with serve() as stub:
        stub.key = "right-key"
        with pytest.raises(AssistError) as exc:
            Request(config(stub, api_key="wrong-key"), prepared.messages).run()
    message = str(exc.value)
    assert "401" in message and "WORKBENCH_AI_API_KEY" in message and "未写入" in message
    assert "\n" not in message


def test_a_time_out_and_a_refused_connection_are_one_chinese_line_each():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    with serve() as stub:
        stub.delay = 2.0
        with pytest.raises(AssistError) as exc:
            Request(config(stub, timeout=0.5), prepared.messages).run()
    assert "0.5 秒内没有回答" in str(exc.value) and "WORKBENCH_AI_TIMEOUT" in str(exc.value)
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(AssistError) as exc:
        Request(AssistConfig(url, "m", timeout=3), prepared.messages).run()
    assert str(exc.value).startswith(f"连不上模型服务 {url}")


def test_an_english_or_empty_answer_is_refused():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    with serve() as stub:
        stub.pieces = ["Sure! Here is the polished paragraph: ", "The town added 7 large firms."]
        with pytest.raises(AssistError) as exc:
            Request(config(stub), prepared.messages).run()
        assert "英文" in str(exc.value)
        stub.pieces = ["<think>hmm</think>", "  \n"]
        with pytest.raises(AssistError) as exc:
            Request(config(stub), prepared.messages).run()
        assert "没有给出任何内容" in str(exc.value)
    # A Chinese answer naming a model or a unit in Latin letters is still Chinese.
    assert judge("全镇GDP增长6.4%，规上工业增加值增长8%，新增省级专精特新企业3家。") .startswith("全镇")


# ------------------------------------------------------------ every figure checked

def test_a_figure_found_nowhere_is_flagged():
    report, previous = town()
    prepared = prepare(REVIEW, report, previous, (0, 0, None))
    with serve() as stub:
        stub.pieces = ["全年地区生产总值增长7.8%，", "固定资产投资19.26亿元。"]
        answer = Request(config(stub), prepared.messages).run()
    verdict = prepared.check(answer)
    assert [(n.text, n.status) for n in verdict.notes] == [("增长7.8%", UNKNOWN), ("19.26亿元", KNOWN)]
    assert answer[verdict.notes[0].start:verdict.notes[0].end] == "增长7.8%"


def test_an_answer_holding_only_the_reports_figures_is_clean():
    report, previous = town()
    prepared = prepare(REVIEW, report, previous, (0, 0, None))
    with serve() as stub:
        # Last year's target (6%), this year's results in another unit (192600万元) and rounded
        # to the digits written (19.3亿元), a figure of the text (7家): all found.
        stub.pieces = ["地区生产总值增长6.4%，高于6%左右的目标；", "固定资产投资192600万元（约19.3亿元），",
                       "新增规上企业7家。"]
        answer = Request(config(stub), prepared.messages).run()
    verdict = prepared.check(answer)
    assert len(verdict.notes) == 5
    assert verdict.flagged == [] and verdict.dropped == []


def test_a_polish_that_changed_a_figure_is_flagged():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    assert prepared.original.startswith("产业转型步伐加快。")
    with serve() as stub:
        # 15项 became 16项; 10.2% became 10%, which is no figure of the data either.
        stub.pieces = ["产业转型步伐加快。全年新增规上企业7家，", "完成技改项目16项，",
                       "固定资产投资19.26亿元、增长10%。"]
        answer = Request(config(stub), prepared.messages).run()
    verdict = prepared.check(answer)
    flagged = [(n.text, n.status, n.was) for n in verdict.flagged]
    assert flagged == [("16项", CHANGED, "15项"), ("增长10%", CHANGED, "增长10.2%")]
    assert verdict.dropped == []


def test_a_polish_that_dropped_a_figure_says_so():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    verdict = prepared.check("产业转型步伐加快。全年新增规上企业7家，固定资产投资19.26亿元，增长10.2%。")
    assert verdict.flagged == [] and verdict.dropped == ["15项"]


# ------------------------------------------------------------ taking an answer; the finding stays

def test_a_taken_answer_is_marked_and_its_figure_stays_a_finding_until_settled():
    report, previous = town()
    prepared = prepare(REVIEW, report, previous, (0, 0, None))
    answer = "全年新增规上企业7家，完成技改项目15项，地区生产总值增长7.8%。"
    addr = take(report, prepared, answer, "office-qwen")
    assert addr == (0, 0, 1)  # after the section's last paragraph
    para = E.get_paragraph(report, addr)
    assert para.text == answer and para.model_written and para.model.model == "office-qwen"
    assert [u.figure for u in para.model.unverified] == ["增长7.8%"]
    findings = [f for f in check(report, previous) if f.code.startswith("W70")]
    assert [(f.code, f.message.split("：")[0]) for f in findings] == [("W701", "模型写了增长7.8%，数据中没有这个数")]
    assert (findings[0].where["chapter"], findings[0].where["section"], findings[0].where["paragraph"]) == addr
    # The document keeps the mark through the store's JSON.
    again = Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again == report and again.chapters[0].sections[0].paragraphs[1].model_written
    # Edited: no longer model-written, but the unsettled figure is still a finding.
    para.text += "（数据待统计局核定）"
    assert not para.model_written
    assert [f.code for f in check(report, previous) if f.code.startswith("W70")] == ["W701"]
    assert settle_figure(report, addr, "增长7.8%")
    assert not [f for f in check(report, previous) if f.code.startswith("W70")]
    assert para.model is None  # edited and settled: nothing left to mark


def test_a_changed_figure_taken_is_w702_and_goes_when_edited_away():
    report, previous = town()
    prepared = prepare(POLISH, report, previous, (0, 0, 0))
    addr = take(report, prepared, "产业转型步伐加快。全年新增规上企业7家，完成技改项目16项，"
                                  "固定资产投资19.26亿元，增长10.2%。", "m")
    findings = [f for f in check(report, previous) if f.code.startswith("W70")]
    assert [f.code for f in findings] == ["W702"] and "把15项改成了16项" in findings[0].message
    para = E.get_paragraph(report, addr)
    para.text = para.text.replace("16项", "15项")
    assert not [f for f in check(report, previous) if f.code.startswith("W70")]


def test_digest_turns_material_into_bold_lead_bullets_after_the_paragraph():
    report, previous = town()
    material = "园区管委会：今年完成标准厂房建设8万平方米，引进项目5个，其中亿元以上项目2个。"
    prepared = prepare(DIGEST, report, previous, (1, 0, 0), material)
    assert material in prepared.messages[1]["content"]
    answer = ("1. 加快园区扩容。完成标准厂房建设8万平方米。\n"
              "2. **强化招商引资。**引进项目5个，其中亿元以上项目2个，新增税收3000万元。")
    first = take(report, prepared, answer, "m")
    assert first == (1, 0, 1)
    paras = report.chapters[1].sections[0].paragraphs
    assert [p.lead for p in paras] == [None, "加快园区扩容。", "强化招商引资。"]
    assert paras[2].text == "引进项目5个，其中亿元以上项目2个，新增税收3000万元。"
    assert [u.figure for u in paras[1].model.unverified] == []
    assert [u.figure for u in paras[2].model.unverified] == ["3000万元"]


def test_targets_sentence_goes_after_the_generated_one_as_a_second_opinion():
    report, previous = town()
    report.chapters[1].paragraphs.append(Paragraph(text="", generated="targets"))
    prepared = prepare(TARGETS, report, previous, None)
    assert "今年全镇经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。" in prepared.messages[1]["content"]
    addr = take(report, prepared, "今年全镇经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。", "m")
    assert addr == (1, None, 1) and report.chapters[1].paragraphs[0].generated == "targets"
    assert E.get_paragraph(report, addr).model.unverified == []


def test_what_each_task_needs_is_said():
    report, previous = town()
    with pytest.raises(TaskError, match="润色要选中一段正文"):
        prepare(POLISH, report, previous, (0, 0, None))
    with pytest.raises(TaskError, match="归纳材料要给出材料"):
        prepare(DIGEST, report, previous, (1, 0, None), "  ")
    with pytest.raises(TaskError, match="没有“改写”这项任务"):
        prepare("改写", report, previous, (0, 0, 0))
    empty = Report(place="青石镇", year=2025)
    with pytest.raises(TaskError, match="指标表里还没有今年的预期目标"):
        prepare(TARGETS, empty, None, None)


def test_places_are_read_as_a_drafter_writes_them():
    report, _ = town()
    report.chapters[1].paragraphs = [Paragraph(text="今年工作总体要求。")]
    assert parse_at("第2章第1段", report) == (1, None, 0)
    assert parse_at("第二章第2段", report) == (1, 0, 0)  # counted on into the sections
    assert parse_at("第1章第1节第1段", report) == (0, 0, 0)
    assert parse_at("第1章第1节", report) == (0, 0, None)
    assert at_label(report, (1, 0, 0)) == "第2章第1节第1段"
    with pytest.raises(TaskError, match="报告共 2 章"):
        parse_at("第5章第1段", report)
    with pytest.raises(TaskError, match="看不懂"):
        parse_at("二章三段", report)


# ------------------------------------------------------------ the command line

def run_cli(argv, capsys):
    from workbench.cli.commands import main

    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_without_settings_says_how_and_sends_nothing(store_path, capsys, monkeypatch, tmp_path):
    for name in ("WORKBENCH_AI_BASE_URL", "WORKBENCH_AI_MODEL", "WORKBENCH_AI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    code, out, err = run_cli(["--db", str(store_path), "assist", "狮岭镇", "2024", "润色", "--at", "第1章第1节第1段"],
                             capsys)
    assert code == 2 and out == ""
    assert "起草助手未开启" in err and "WORKBENCH_AI_BASE_URL" in err


def test_cli_streams_the_answer_and_lists_the_unknown_figure(store_path, capsys, monkeypatch):
    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "office-qwen")
        stub.pieces = ["企业培育成效明显。新增规上企业9家，", "4家皮具企业入选省级专精特新中小企业，",
                       "规上工业总产值增长9.9%。"]
        code, out, err = run_cli(["--db", str(store_path), "assist", "狮岭镇", "2024", "润色",
                                  "--at", "第1章第1节第1段"], capsys)
    assert "发往模型 office-qwen（" + stub.url + "）：润色（第1章第1节第1段）" in err
    assert err.splitlines()[0].endswith("字：这一段、行文规矩")  # 润色 sends the paragraph, no table
    assert "完成情况" not in stub.requests[0]["body"]["messages"][1]["content"]
    assert out.startswith("企业培育成效明显。新增规上企业9家，4家皮具企业")
    assert "润色把200家改成了增长9.9%" not in out  # a % never pairs with a count
    assert "模型写了增长9.9%，数据中没有这个数" in out and "润色删去了200家" in out
    assert "没有写入报告" in out and code == 1
    before = stored(store_path)
    assert all(p.model is None for *_, p in before.paragraphs())  # nothing written


def test_cli_json_and_a_material_file(store_path, capsys, monkeypatch, tmp_path):
    material = tmp_path / "园区材料.txt"
    material.write_text("今年完成标准厂房建设8万平方米。\n引进项目5个。", encoding="gb18030")
    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
        stub.pieces = ["加快园区扩容。完成标准厂房建设8万平方米，引进项目5个。"]
        code, out, err = run_cli(["--db", str(store_path), "assist", "狮岭镇", "2024", "归纳材料",
                                  "--at", "第2章第1节", "--from", str(material), "--json"], capsys)
        sent = stub.requests[0]["body"]["messages"][1]["content"]
    assert "今年完成标准厂房建设8万平方米。" in sent
    data = json.loads(out)
    assert code == 0 and [f["status"] for f in data["figures"]] == ["known", "known"]
    assert data["answer"].startswith("加快园区扩容。")


def test_cli_a_refused_connection_writes_one_line(store_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_AI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
    code, out, err = run_cli(["--db", str(store_path), "assist", "狮岭镇", "2024", "拟目标句"], capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("发往") and lines[1].startswith("连不上模型服务") and len(lines) == 2


# ------------------------------------------------------------ the TUI

SIZE = (150, 42)


async def test_editor_polish_side_pane_take_and_one_undo(store_path, monkeypatch):
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.report.checks import CHECK_DELAY
    from workbench.tui.widgets.assist import AnswerArea, AssistPane, TaskList
    from workbench.tui.widgets.sections import BodyArea, OutlineTree

    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "office-qwen")
        stub.pieces = ["企业培育成效明显。", "新增规上企业9家，4家皮具企业入选省级专精特新中小企业，",
                       "箱包设计中心服务企业逾300家次。"]
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            await pilot.press("f3")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((0, 0, 0)))
            await pilot.pause()
            original = E.get_paragraph(screen.report, (0, 0, 0)).full_text
            screen.query_one(BodyArea).focus()
            await pilot.press("ctrl+b")
            await pilot.pause()
            pane = screen.query_one(AssistPane)
            assert pane.display and isinstance(app.focused, TaskList)
            assert stub.requests == []  # nothing sent by opening the pane
            assert "office-qwen" in pane.query_one("#assist-where").text and stub.url in pane.query_one("#assist-where").text
            assert app.focused.highlighted_option.id == "润色"
            await pilot.press("enter")
            await settle(pilot, app)
            assert pane.state == "done" and len(stub.requests) == 1
            assert isinstance(app.focused, AnswerArea)
            assert pane.answer.endswith("箱包设计中心服务企业逾300家次。")
            figures = pane.query_one("#assist-figures").text
            assert "润色把200家改成了300家" in figures
            # …and the figure is highlighted in the answer itself.
            area = pane.query_one(AnswerArea)
            start = pane.answer.index("300家")
            assert area.flagged == [(start, start + 4)]
            line = area.get_line(0)
            assert line.plain == pane.answer
            lit = [seg.text for y in range(area.size.height) for seg in area._render_line(y)
                   if seg.style and seg.style.bgcolor and seg.style.bgcolor.name == "red"]
            assert "".join(lit).strip() == "300家"
            await pilot.press("enter")  # take it whole
            await settle(pilot, app)
            assert not pane.display
            para = E.get_paragraph(screen.report, (0, 0, 0))
            assert para.full_text == pane.answer and para.model_written and para.lead == "企业培育成效明显。"
            assert str(tree.node_for((0, 0, 0)).label).startswith("〔模〕")
            await pilot.pause(CHECK_DELAY + 0.3)  # the checks run a moment after an edit
            await settle(pilot, app)
            assert any(f.code == "W702" for f in screen.findings)
            assert isinstance(app.focused, OutlineTree)
            await pilot.press("ctrl+z")  # one step back to the paragraph as it was
            await settle(pilot, app)
            para = E.get_paragraph(screen.report, (0, 0, 0))
            assert para.full_text == original and para.model is None
            await pilot.pause(CHECK_DELAY + 0.3)
            await settle(pilot, app)
            assert not any(f.code.startswith("W70") for f in screen.findings)


async def test_tui_escape_cancels_the_stream_and_writes_nothing(store_path, monkeypatch):
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.assist import AssistPane
    from workbench.tui.widgets.sections import OutlineTree

    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
        stub.pieces = ["企业培育成效明显。"] * 30
        stub.delay = 0.1
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            await pilot.press("f3")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((0, 0, 0)))
            await pilot.pause()
            before = screen.report.to_dict()
            await pilot.press("ctrl+b", "enter")
            pane = screen.query_one(AssistPane)
            for _ in range(50):
                await pilot.pause(0.05)
                if pane.answer:
                    break
            assert pane.state == "streaming" and "正在接收" in pane.query_one("#assist-progress").text
            await pilot.press("escape")
            await settle(pilot, app)
            assert pane.state == "cancelled" and "已取消" in pane.query_one("#assist-progress").text
            assert stub.sent < 30
            await pilot.press("escape")
            await pilot.pause()
            assert not pane.display and screen.report.to_dict() == before
            assert screen.is_current  # Esc closed the pane, not the report


async def test_tui_without_settings_says_how_and_esc_closes(store_path, monkeypatch):
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.assist import AssistPane

    for name in ("WORKBENCH_AI_BASE_URL", "WORKBENCH_AI_MODEL"):
        monkeypatch.delenv(name, raising=False)
    app = WorkbenchApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_2024(pilot, app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        pane = screen.query_one(AssistPane)
        assert pane.display and "起草助手未开启" in pane.query_one("#assist-where").text
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.display and screen.is_current


def test_the_settings_file_in_the_config_folder_switches_it_on(tmp_path, monkeypatch):
    from workbench.assist.config import settings_file

    from workbench.tui.settings import settings_path

    path = settings_file()
    assert path == settings_path() and path.is_relative_to(tmp_path)  # the TUI's own settings file
    assert load_config() is None  # the conftest cleared WORKBENCH_AI_*: off
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"ai": {"base_url": "http://127.0.0.1:9/v1", "model": "m"}}), encoding="utf-8")
    assert load_config().base_url == "http://127.0.0.1:9/v1"


def test_openai_is_loaded_only_when_a_request_is_made():
    """The CLI's start, the TUI's report screen and preparing a task never import the client."""
    import subprocess
    import sys

    code = ("import sys; import workbench.cli.commands, workbench.tui.screens.report.screen, "
            "workbench.assist.tasks, workbench.assist.client; "
            "from workbench.cli.parser import build_parser; build_parser(); "
            "print('openai' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert out.stdout.strip() == "False"


async def test_tui_review_take_the_part_selected_then_settle_its_figure_in_the_checks(store_path, monkeypatch):
    from textual.widgets.text_area import Selection

    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.report.checks import CHECK_DELAY
    from workbench.tui.widgets.assist import AnswerArea, AssistPane
    from workbench.tui.widgets.checks import ChecksPanel
    from workbench.tui.widgets.sections import OutlineTree

    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
        first = "全年新增规上企业9家，地区生产总值增长8.8%。"
        stub.pieces = [first, "\n", "箱包设计中心服务企业超过200家次。"]
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            await pilot.press("f3")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((0, 0, None)))  # a section: 写回顾 writes after its last paragraph
            await pilot.pause()
            n = len(screen.report.chapters[0].sections[0].paragraphs)
            await pilot.press("ctrl+b", "up")  # 写回顾 is first in the list, 润色 highlighted
            await pilot.press("enter")
            await settle(pilot, app)
            pane = screen.query_one(AssistPane)
            assert pane.state == "done" and "写一段工作回顾" in stub.requests[0]["body"]["messages"][1]["content"]
            area = pane.query_one(AnswerArea)
            assert isinstance(app.focused, AnswerArea)
            await pilot.press("s")  # nothing selected yet: said, nothing taken
            await pilot.pause()
            assert pane.display and len(screen.report.chapters[0].sections[0].paragraphs) == n
            area.selection = Selection((0, 0), (0, len(first)))
            await pilot.press("s")
            await settle(pilot, app)
            paras = screen.report.chapters[0].sections[0].paragraphs
            assert len(paras) == n + 1 and paras[n].text == first and paras[n].model_written
            await pilot.pause(CHECK_DELAY + 0.3)
            await settle(pilot, app)
            w701 = [f for f in screen.findings if f.code == "W701"]
            assert [f.where["model_figure"] for f in w701] == ["增长8.8%"]
            # In F4 the finding is settled with d, and it goes.
            await pilot.press("f4")
            await pilot.pause()
            panel = screen.query_one(ChecksPanel)
            option = next(i for i in range(panel.option_count)
                          if panel.get_option_at_index(i).id is not None
                          and screen.findings[int(panel.get_option_at_index(i).id)].code == "W701")
            panel.highlighted = option
            await pilot.press("d")
            await settle(pilot, app)
            assert not [f for f in screen.findings if f.code == "W701"]
            assert screen.report.chapters[0].sections[0].paragraphs[n].model.unverified == []


async def test_leaving_the_report_while_the_model_answers_ends_the_request(store_path, monkeypatch):
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.home import HomeScreen
    from workbench.tui.widgets.assist import AssistPane
    from workbench.tui.widgets.sections import OutlineTree

    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
        stub.pieces = ["企业培育成效明显。"] * 40
        stub.delay = 0.1
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            await pilot.press("f3")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((0, 0, 0)))
            await pilot.pause()
            await pilot.press("ctrl+b", "enter")
            pane = screen.query_one(AssistPane)
            for _ in range(50):
                await pilot.pause(0.05)
                if pane.answer:
                    break
            request = screen._assist_request
            assert request is not None and pane.state == "streaming"
            tree.focus()
            await pilot.press("escape")  # the report's own Esc: back to the list
            await settle(pilot, app)
            assert isinstance(app.screen, HomeScreen) and request.cancelled
            assert all(p.model is None for *_, p in stored(store_path).paragraphs())


def test_every_figure_of_the_example_tables_is_known_and_a_nudged_one_is_not(r2023, r2024):
    """The matcher against the bundled town's tables: each figure as the workbench prints it is
    found; the same figure with its last digit moved is not (unless the data holds that too)."""
    from workbench.assist.verify import known_figures, verify
    from workbench.document.figures import find_mentions, format_figure, format_number

    known = known_figures(r2024, r2023)
    printed = "；".join(format_figure(f) for f in r2024.results + r2024.targets + r2023.targets) + "。"
    verdict = verify(printed, known)
    assert len(verdict.notes) >= 20 and verdict.flagged == []
    nudged = 0
    for m in find_mentions(printed):
        step = 10 ** -len(format_number(abs(m.value)).partition(".")[2])
        text = printed[m.start:m.end]
        shown = format_number(abs(m.value))
        moved = format_number(round(abs(m.value) + 7 * step, 6))
        answer = text.replace(shown, moved, 1)
        single = find_mentions(answer)
        if len(single) != 1 or known.holds(single[0]):
            continue  # the data happens to hold the moved figure too
        assert [n.status for n in verify(answer, known).notes] == [UNKNOWN], answer
        nudged += 1
    assert nudged >= 15


async def test_tui_digest_reads_a_docx_of_material_and_sends_it(store_path, monkeypatch, tmp_path):
    import docx
    from textual.widgets import Input

    from workbench.tui.app import WorkbenchApp
    from workbench.tui.filepicker import FilePicker
    from workbench.tui.widgets.assist import AssistPane, MaterialArea
    from workbench.tui.widgets.sections import OutlineTree

    path = tmp_path / "园区管委会材料.docx"
    doc = docx.Document()
    doc.add_paragraph("一、今年完成标准厂房建设8万平方米。")
    doc.add_paragraph("二、引进项目5个，其中亿元以上项目2个。")
    doc.save(str(path))
    with serve() as stub:
        monkeypatch.setenv("WORKBENCH_AI_BASE_URL", stub.url)
        monkeypatch.setenv("WORKBENCH_AI_MODEL", "m")
        stub.pieces = ["加快园区扩容。完成标准厂房建设8万平方米。\n", "强化招商引资。引进项目5个，其中亿元以上项目13个。"]
        app = WorkbenchApp(store_path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_2024(pilot, app)
            await pilot.press("f3")
            tree = screen.query_one(OutlineTree)
            tree.move_cursor(tree.node_for((1, 0, None)))
            await pilot.pause()
            n = len(screen.report.chapters[1].sections[0].paragraphs)
            await pilot.press("ctrl+b", "down", "enter")  # 润色 → 归纳材料
            await pilot.pause()
            area = screen.query_one(MaterialArea)
            assert isinstance(app.focused, MaterialArea) and stub.requests == []
            await pilot.press("ctrl+o")
            await settle(pilot, app)
            assert isinstance(app.screen, FilePicker)
            app.screen.query_one("#picker-path", Input).value = str(path)
            await pilot.press("enter")
            await settle(pilot, app)
            assert area.text == "一、今年完成标准厂房建设8万平方米。\n二、引进项目5个，其中亿元以上项目2个。"
            await pilot.press("ctrl+b")
            await settle(pilot, app)
            pane = screen.query_one(AssistPane)
            assert pane.state == "done"
            assert "引进项目5个，其中亿元以上项目2个。" in stub.requests[0]["body"]["messages"][1]["content"]
            await pilot.press("enter")
            await settle(pilot, app)
            paras = screen.report.chapters[1].sections[0].paragraphs
            assert [p.lead for p in paras[n:]] == ["加快园区扩容。", "强化招商引资。"]
            assert [u.figure for u in paras[n + 1].model.unverified] == ["13个"]
