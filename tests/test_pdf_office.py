"""How `export --pdf` runs LibreOffice (writing/pdf.py): one office for both passes of the
layout pass, over UNO; `soffice --convert-to` when UNO cannot be had; a profile of its own in
a temporary folder; and no LibreOffice process left behind, whether the conversion worked,
failed or ran out of time."""

from __future__ import annotations

import builtins
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from workbench import strings as S
from workbench.writing import pdf as P
from workbench.writing.export import export_report
from workbench.writing.report_docx import ExportError


def _need_libreoffice() -> None:
    if P.soffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("WORKBENCH_REQUIRE_LIBREOFFICE"):
            pytest.fail("WORKBENCH_REQUIRE_LIBREOFFICE is set but soffice or pdftotext is missing")
        pytest.skip("LibreOffice (soffice) and pdftotext are not installed")


def _groups_alive(pids: list[int]) -> list[int]:
    """The processes still running in the process groups the export started, given a second
    to finish dying (SIGKILL is delivered at once, the exit takes its moment)."""
    for _ in range(20):
        alive = _in_groups(pids)
        if not alive:
            break
        time.sleep(0.05)
    return alive


def _in_groups(pids: list[int]) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue                    # it ended while we looked
            if fields[0] != "Z" and int(fields[2]) in pids:
                alive.append(int(entry.name))
    return alive


@pytest.fixture
def started(monkeypatch) -> list[int]:
    """The pids of the LibreOffice processes writing/pdf.py starts (each leads its own process
    group); pdftotext and the like are left out."""
    pids: list[int] = []
    real = subprocess.Popen

    class Recorded(real):
        def __init__(self, args, *rest, **kwargs):
            super().__init__(args, *rest, **kwargs)
            if any("UserInstallation" in str(a) for a in args):
                pids.append(self.pid)
    monkeypatch.setattr(P.subprocess, "Popen", Recorded)
    return pids


@pytest.fixture
def example_docx(tmp_path, r2024, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))     # a kept profile of its own
    (tmp_path / "out").mkdir()
    return export_report(r2024, tmp_path / "out" / "r.docx")


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_both_passes_run_in_one_office_and_none_is_left_running(example_docx, started):
    _need_libreoffice()
    own_import = builtins.__import__
    if P._import_uno() is None:
        pytest.skip("python3-uno is not installed for this Python")
    adjusted: list = []
    pdf = P.convert_to_pdf(example_docx, adjustments=adjusted)
    assert builtins.__import__ is own_import, "uno.py's import hook was left in the process"
    assert adjusted, "the example has a paragraph the layout pass mends: the second pass must run"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(started) == 1, "the layout pass's second conversion started a second LibreOffice"
    assert _groups_alive(started) == []
    # the profile lived in the temporary folder, which is gone; the kept one was made from it
    assert sorted(p.name for p in example_docx.parent.iterdir()) == ["r.docx", "r.pdf"]
    assert (P._profile_dir() / "user").is_dir()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_without_uno_each_pass_is_a_plain_conversion_with_the_same_text(example_docx, started, monkeypatch):
    _need_libreoffice()
    if P._import_uno() is None:
        pytest.skip("python3-uno is not installed for this Python: nothing to compare with")
    with_uno = _pdf_text(P.convert_to_pdf(example_docx, example_docx.with_name("uno.pdf")))
    uno_processes = len(started)
    monkeypatch.setattr(P, "_import_uno", lambda: None)
    adjusted: list = []
    plain = P.convert_to_pdf(example_docx, example_docx.with_name("plain.pdf"), adjustments=adjusted)
    assert len(started) - uno_processes == 1     # the .docx was mended by the first run: one pass
    assert _pdf_text(plain) == with_uno
    assert _groups_alive(started) == []


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir(exist_ok=True)
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_a_broken_libreoffice_is_named_in_chinese_and_the_docx_kept(example_docx, tmp_path, started, monkeypatch):
    broken = _fake_soffice(tmp_path, 'echo "soffice.bin: cannot open shared object file" >&2; exit 81')
    monkeypatch.setattr(P, "soffice", lambda: str(broken))
    before = example_docx.read_bytes()
    with pytest.raises(ExportError) as caught:
        P.convert_to_pdf(example_docx)
    assert str(caught.value) == S.EXPORT_PDF_FAILED.format(
        path=example_docx, reason="soffice.bin: cannot open shared object file")
    assert example_docx.read_bytes() == before and not example_docx.with_suffix(".pdf").exists()
    assert sorted(p.name for p in example_docx.parent.iterdir()) == ["r.docx"]
    assert _groups_alive(started) == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_a_libreoffice_that_never_answers_is_stopped_at_the_timeout(example_docx, tmp_path, started, monkeypatch):
    hung = _fake_soffice(tmp_path, "sleep 120 & sleep 120")     # a child of its own, too
    monkeypatch.setattr(P, "soffice", lambda: str(hung))
    with pytest.raises(ExportError) as caught:
        P.convert_to_pdf(example_docx, timeout=2)
    assert str(caught.value) == S.EXPORT_PDF_TIMEOUT.format(path=example_docx, seconds=2)
    assert started and _groups_alive(started) == []
    assert sorted(p.name for p in example_docx.parent.iterdir()) == ["r.docx"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_an_office_that_dies_hands_its_files_to_the_plain_conversion(example_docx, started, monkeypatch):
    _need_libreoffice()
    if P._import_uno() is None:
        pytest.skip("python3-uno is not installed for this Python")
    connect = P._Office._connect

    def connect_then_die(office):
        connect(office)
        assert office.desktop is not None
        P._end(office.proc)             # gone between the connection and the first file
    monkeypatch.setattr(P._Office, "_connect", connect_then_die)
    adjusted: list = []
    pdf = P.convert_to_pdf(example_docx, adjustments=adjusted)
    assert adjusted and pdf.read_bytes().startswith(b"%PDF")
    assert len(started) == 3            # the office that died, then --convert-to for each pass
    assert _groups_alive(started) == []
    assert sorted(p.name for p in example_docx.parent.iterdir()) == ["r.docx", "r.pdf"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_a_process_that_exits_mid_export_ends_its_office(tmp_path, monkeypatch):
    _need_libreoffice()
    if P._import_uno() is None:
        pytest.skip("python3-uno is not installed for this Python")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = Path(__file__).resolve().parents[1]
    script = (
        "import sys\nfrom pathlib import Path\nfrom workbench.writing import pdf as P\n"
        f"office = P._Office(P.soffice(), Path({str(tmp_path)!r}), 120, Path('x'))\n"
        "office._connect()\nassert office.desktop is not None\nprint(office.proc.pid, flush=True)\n"
        "sys.exit(0)   # no close: as when the drafter quits while the PDF is being made\n")
    done = subprocess.run([os.sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, PYTHONPATH=str(root)), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _groups_alive([int(done.stdout.split()[0])]) == []
