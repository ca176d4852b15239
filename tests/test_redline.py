"""The redline .docx (issue 17): Word revisions against an earlier version."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from workbench.writing.report_docx import build_package
from workbench.document.model import Paragraph, Section
from workbench.writing.redline import build_redline, diff_spans

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _doc(pkg: bytes):
    with zipfile.ZipFile(io.BytesIO(pkg)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _texts(root) -> list[str]:
    out = []
    for p in root.find(W + "body").iter(W + "p"):
        out.append("".join(t.text or "" for t in p.iter(W + "t")))
    return [t for t in out if t]


def _resolve(root, accept: bool):
    """Accept or reject every revision, as Word would (a small XML transform)."""
    root = copy.deepcopy(root)
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    for el in list(root.iter(W + drop)):
        parent = el.getparent()
        if parent.tag == W + "rPr":  # a paragraph mark: the whole paragraph goes
            p = parent.getparent().getparent()
            p.getparent().remove(p)
        elif parent is not None:
            parent.remove(el)
    for el in list(root.iter(W + keep)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == W + "rPr":
            parent.remove(el)
            continue
        for child in list(el):
            for t in child.iter(W + "delText"):
                t.tag = W + "t"
            el.addprevious(child)
        parent.remove(el)
    return root


def _edited(report):
    new = copy.deepcopy(report)
    paras = [p for *_, p in new.paragraphs() if len(p.text) > 30]
    paras[0].text = paras[0].text.replace(paras[0].text[4:10], "全力推动", 1)
    paras[1].text = paras[1].text + "力争新增规上企业10家。"
    ch = next(c for c in reversed(new.chapters) if len(c.sections) >= 2)
    removed = ch.sections[-1].paragraphs.pop()
    ch.sections.insert(0, Section(title="新增加的一节", paragraphs=[Paragraph(text="这是新写的一段，讲今年的新打算。")]))
    return new, removed


def test_diff_spans_read_as_phrases():
    spans = diff_spans("推动商圈提升商贸载体", "推动商圈升级换代")
    assert spans[0] == ("equal", "推动商圈", "推动商圈")
    assert all(len(x) + len(y) > 1 for tag, x, y in spans if tag != "equal")
    assert ("replace", "21.2亿元", "25亿元") in diff_spans("投资21.2亿元", "投资25亿元")


def test_accept_all_gives_current_and_reject_all_gives_the_version(r2024):
    new, removed = _edited(r2024)
    pkg = build_redline(new, r2024, author="起草人", date="2025-01-05T09:00:00Z")
    root = _doc(pkg)
    assert root.find(f".//{W}ins") is not None and root.find(f".//{W}del") is not None
    assert {el.get(W + "author") for el in root.iter(W + "ins", W + "del")} == {"起草人"}
    assert _texts(_resolve(root, accept=True)) == _texts(_doc(build_package(new)))
    assert _texts(_resolve(root, accept=False)) == _texts(_doc(build_package(r2024)))
    deleted = "".join(t.text or "" for t in root.iter(W + "delText"))
    assert removed.full_text[:10] in deleted


def test_redline_renders_with_both_words(r2024, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        import os
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here")
        pytest.skip("LibreOffice not installed")
    new, removed = _edited(r2024)
    out = tmp_path / "redline.docx"
    out.write_bytes(build_redline(new, r2024, author="起草人", date="2025-01-05T09:00:00Z"))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", str(tmp_path / "redline.pdf"), "-"], capture_output=True,
                          text=True).stdout.replace("\n", "")
    assert "全力推动" in text and "新增加的一节" in text
    assert removed.full_text[:8] in text  # the deleted words are still shown, struck through


def test_redline_switches_track_changes_on(r2024):
    new, _ = _edited(r2024)
    with zipfile.ZipFile(io.BytesIO(build_redline(new, r2024, author="甲", date="2025-01-05T09:00:00Z"))) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    names = [c.tag.split("}")[-1] for c in settings if isinstance(c.tag, str)]
    assert "trackRevisions" in names
    # The schema's order: trackRevisions comes before defaultTabStop and after proofState.
    if "defaultTabStop" in names:
        assert names.index("trackRevisions") < names.index("defaultTabStop")
    if "proofState" in names:
        assert names.index("trackRevisions") > names.index("proofState")
