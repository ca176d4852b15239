"""A .docx -> PDF through LibreOffice, with the fonts our template names mapped to free
look-alike faces (templates/fonts.conf), so the PDF made on Linux looks like the Word draft.

LibreOffice is given a copy of the .docx made for it (`for_libreoffice`): its import reads
w:overflowPunct the wrong way round (ParaIsHangingPunctuation = not overflowPunct, LibreOffice
7.x writerfilter), and a mark it hangs past the right margin in a condensed (w:spacing < 0)
paragraph is dropped from the page altogether.  The template says overflowPunct=0 (Word: no
mark past the margin, the character before it goes down with it, kinsoku); the copy says the
opposite so LibreOffice lays the lines out as Word does."""

from __future__ import annotations

import atexit
import builtins
import io
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from workbench import strings as S
from workbench.writing.report_docx import ROOT, ExportError

FONTCONFIG = ROOT / "templates" / "fonts.conf"
TIMEOUT_S = 300


def soffice() -> str | None:
    """The LibreOffice command on this machine, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profile_dir() -> Path:
    """A LibreOffice profile of our own, kept between conversions (its first start is slow)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "workbench" / "libreoffice"


_OVERFLOW = re.compile(rb'<w:overflowPunct(?: w:val="([^"]*)")?/>')
_OFF = {b"0", b"false", b"off"}


def _flip_overflow(xml: bytes) -> bytes:
    """Every w:overflowPunct turned to its opposite value (see the module's note)."""
    def flip(m: re.Match) -> bytes:
        on = m.group(1) is None or m.group(1).lower() not in _OFF
        return b'<w:overflowPunct w:val="%s"/>' % (b"0" if on else b"1")
    return _OVERFLOW.sub(flip, xml)


_TEXT = re.compile(r'(<w:t xml:space="preserve">)([^<]*)(</w:t>)')


def _glue_text_runs(xml: str) -> str:
    """Every text run with its unbreakable runs joined (writing/unbreakable.py). Only the copy
    LibreOffice lays out gets them: in the drafter's .docx an invisible character inside
    "习近平" would break Word's Find and travel with every copy and paste into the OA system."""
    from workbench.writing.unbreakable import glue, read_names

    names = read_names()
    return _TEXT.sub(lambda m: m.group(1) + glue(m.group(2), names) + m.group(3), xml)


_RUN = re.compile(r"<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?((?:<w:br/>)?)"
                  r'<w:t xml:space="preserve">([^<]*\u200d[^<]*)</w:t></w:r>', re.S)
# A glued run: single characters or ASCII words (29.9, 2024) joined by U+200D.
_GLUED = re.compile("(?:[0-9A-Za-z.%‰]+|[^\u200d])(?:\u200d(?:[0-9A-Za-z.%‰]+|[^\u200d]))+")


def _glued_runs_for_libreoffice(document: bytes) -> bytes:
    """Each glued run (characters joined by U+200D) as a run of its own, joined by U+2060 and
    marked en-US: LibreOffice breaks Chinese text anywhere its kinsoku lists allow and asks
    Unicode's line-breaking rules (which never break beside a word joiner) only for text in
    a language that is not Chinese, Japanese or Korean."""
    def split(m: re.Match) -> str:
        rpr, br, text = m.group(1) or "", m.group(2), m.group(3)
        out, pos = [], 0
        for g in _GLUED.finditer(text):
            if g.start() > pos:
                out.append((text[pos:g.start()], False))
            out.append((g.group(0).replace("\u200d", "\u2060"), True))
            pos = g.end()
        if pos < len(text):
            out.append((text[pos:], False))
        runs = []
        for i, (piece, glued) in enumerate(out):
            props = rpr
            if glued:
                lang = '<w:lang w:val="en-US" w:eastAsia="en-US"/>'
                props = (re.sub(r"<w:lang [^>]*/>", lang, rpr) if "<w:lang " in rpr
                         else rpr.replace("</w:rPr>", lang + "</w:rPr>") if rpr
                         else f"<w:rPr>{lang}</w:rPr>")
            runs.append(f'<w:r>{props}{br if i == 0 else ""}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        return "".join(runs)
    return _RUN.sub(split, _glue_text_runs(document.decode("utf-8"))).encode("utf-8")


def for_libreoffice(data: bytes) -> bytes:
    """The .docx package as LibreOffice must read it to lay the lines out as Word does:
    w:overflowPunct flipped in styles and body (a hung mark would be dropped from the PDF or
    stand in the margin); each unbreakable run (writing/unbreakable.py) as LibreOffice keeps it on one line."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                part = zin.read(info.filename)
                if info.filename in ("word/styles.xml", "word/document.xml"):
                    part = _flip_overflow(part)
                if info.filename == "word/document.xml":
                    # Names and figures kept on one line, in a form LibreOffice's line
                    # breaking honours (U+2060 in an en-US run).
                    part = _glued_runs_for_libreoffice(part)
                zout.writestr(info, part)
    return out.getvalue()


def pdf_path_for(docx: Path) -> Path:
    return Path(docx).with_suffix(".pdf")


def _import_uno():
    """pyuno (Debian's python3-uno), or None where this Python cannot load it. Debian installs
    it for the system's python3 only: another Python of the same version may borrow it (the
    folder is on the path just for the import), one of another version must not load it.
    uno.py replaces the builtin __import__ with its own (for `from com.sun.star… import`,
    which we never use): the process gets its own back."""
    if "uno" in sys.modules:
        return sys.modules["uno"]
    keep = builtins.__import__
    try:
        try:
            import uno
            return uno
        except ImportError:
            pass
        system = "/usr/lib/python3/dist-packages"
        version = f"python{sys.version_info.major}.{sys.version_info.minor}"
        try:
            if not os.path.exists(f"{system}/uno.py") or Path("/usr/bin/python3").resolve().name != version:
                return None
        except OSError:
            return None
        sys.path.append(system)
        try:
            import uno
            return uno
        except Exception:       # ImportError, or a pyuno that cannot start
            sys.modules.pop("uno", None)
            return None
        finally:
            sys.path.remove(system)
    finally:
        builtins.__import__ = keep


def _private_profile(tmp: Path) -> Path:
    """A LibreOffice profile for this conversion alone, in its temporary folder: a copy of the
    one kept between conversions (a fresh profile's first start costs about two seconds
    more), so that no other LibreOffice using the kept one is ever handed our files."""
    profile = tmp / "profile"
    kept = _profile_dir()
    if (kept / "user").is_dir():
        try:
            shutil.copytree(kept, profile, symlinks=True, ignore=shutil.ignore_patterns(".lock", "*.lock"))
        except (OSError, shutil.Error):
            shutil.rmtree(profile, ignore_errors=True)      # a fresh one, then
    return profile


def _keep_profile(profile: Path) -> None:
    """The profile a clean conversion made, kept for the next ones when none is kept yet."""
    kept = _profile_dir()
    if (kept / "user").is_dir() or not (profile / "user").is_dir():
        return
    staging = kept.parent / f".{kept.name}-{os.getpid()}"
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(profile, staging, symlinks=True, ignore=shutil.ignore_patterns(".lock", "*.lock"))
        if kept.exists():
            shutil.rmtree(kept)         # a profile without its user folder: a broken one
        os.replace(staging, kept)
    except (OSError, shutil.Error):
        shutil.rmtree(staging, ignore_errors=True)  # another export kept one first, or no room


def _soffice(command: str, sources: list[Path], outdir: Path, timeout: int, what: Path, profile: Path):
    """One LibreOffice process converting `sources` into `outdir` (--convert-to)."""
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
    try:
        proc = subprocess.Popen(
            [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, sources)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
            stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise ExportError(S.EXPORT_PDF_FAILED.format(path=what, reason=exc.strerror or exc)) from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end(proc)
        raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=what, seconds=timeout)) from None
    finally:
        _end(proc)      # the office LibreOffice's launcher started, should it outlive it
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _end(proc: subprocess.Popen) -> None:
    """LibreOffice's processes gone: its launcher (soffice, oosplash) and the office it started
    (soffice.bin) share the process group their own session gave them."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        pass


# The offices started and not yet ended: ended when the process exits (a drafter who quits
# the workbench while a PDF is being made leaves no LibreOffice behind).
_RUNNING: set = set()


@atexit.register
def _end_running() -> None:
    for office in list(_RUNNING):
        office._give_up()


class _Office:
    """One LibreOffice for every pass of an export: the office is started once and given each
    file over UNO (python3-uno), so the layout pass's second conversion pays no start-up,
    which is most of a conversion's cost. Where UNO is not to be had (no pyuno for this
    Python, an office that will not answer) each pass runs `soffice --convert-to` instead,
    as before. Every pass has `timeout` seconds; the office ends with `close`."""

    def __init__(self, command: str, tmp: Path, timeout: int, what: Path):
        self.command, self.timeout, self.what = command, timeout, what
        self.profile = _private_profile(tmp)
        self.env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
        self.proc: subprocess.Popen | None = None
        self.desktop = None
        self.clean = False
        self.uno = _import_uno()
        if self.uno is not None:
            self.pipe = f"workbench-{os.getpid()}-{secrets.token_hex(6)}"
            try:
                self.proc = subprocess.Popen(
                    [command, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                     "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                     f"--accept=pipe,name={self.pipe};urp;"],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    env=self.env, start_new_session=True)
            except OSError:
                self.uno = None         # --convert-to will say what is wrong
            else:
                _RUNNING.add(self)

    def _connect(self) -> None:
        """The office's desktop over the pipe, waiting for it to start; on failure UNO is
        given up (the plain conversion follows) unless the office outlived `timeout`."""
        uno, deadline = self.uno, time.monotonic() + self.timeout
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        except Exception:
            self._give_up()
            return
        while True:
            try:
                remote = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                self.desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
                return
            except Exception:
                if self.proc.poll() is not None:
                    self._give_up()
                    return
                if time.monotonic() > deadline:
                    self._give_up()
                    raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=self.what, seconds=self.timeout)) from None
                time.sleep(0.02)

    def _answers(self) -> bool:
        """The office still there and its end of the pipe still answering."""
        try:
            self.desktop.getFrames()
        except Exception:
            return False
        return self.proc.poll() is None

    def _give_up(self) -> None:
        """The office stopped, and what a stopped office leaves gone: the socket of its pipe,
        its profile's lock (the plain conversion that may follow uses the profile)."""
        _RUNNING.discard(self)
        if self.proc is not None:
            _end(self.proc)
            self.proc = None
            (self.profile / "user" / ".lock").unlink(missing_ok=True)
            # sal/osl/unx/pipe.cxx: /tmp/OSL_PIPE_<uid>_<name>
            if hasattr(os, "getuid"):
                Path(f"/tmp/OSL_PIPE_{os.getuid()}_{self.pipe}").unlink(missing_ok=True)
        self.uno = self.desktop = None

    def convert(self, sources: list[Path], outdir: Path) -> dict[Path, str]:
        """Each source as outdir/<its stem>.pdf; why a file was not converted, by source."""
        if self.uno is not None and self.desktop is None:
            self._connect()
        if self.desktop is None:
            proc = _soffice(self.command, sources, outdir, self.timeout, self.what, self.profile)
            lines = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip().splitlines()
            self.clean = proc.returncode == 0
            return dict.fromkeys(sources, lines[-1] if lines else "?")
        uno, reasons, expired = self.uno, {}, threading.Event()

        def expire(proc=self.proc):
            expired.set()
            _end(proc)
        timer = threading.Timer(self.timeout, expire)
        timer.daemon = True
        timer.start()

        def prop(name, value):
            return uno.createUnoStruct("com.sun.star.beans.PropertyValue", Name=name, Value=value)
        try:
            for i, source in enumerate(sources):
                try:
                    doc = self.desktop.loadComponentFromURL(
                        source.as_uri(), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
                    if doc is None:
                        reasons[source] = "?"
                        continue
                    try:
                        doc.storeToURL((outdir / (source.stem + ".pdf")).as_uri(),
                                       (prop("FilterName", "writer_pdf_Export"),))
                    finally:
                        doc.close(True)
                except Exception as exc:
                    if not expired.is_set() and self._answers():    # it refused this file
                        reasons[source] = getattr(exc, "Message", "") or type(exc).__name__
                        continue
                    self._give_up()
                    if expired.is_set():
                        raise ExportError(S.EXPORT_PDF_TIMEOUT.format(path=self.what, seconds=self.timeout)) from None
                    # The office went away: the files left go through --convert-to.
                    return reasons | self.convert(sources[i:], outdir)
        finally:
            timer.cancel()
        return reasons

    def close(self) -> None:
        """The office ended. Asked to quit (and waited for) only while no profile is kept yet,
        so that this one is written out whole and kept; otherwise stopped at once: its private
        profile is thrown away with the temporary folder, and waiting costs nearly half a second."""
        if self.desktop is not None and not (_profile_dir() / "user").is_dir():
            try:
                self.desktop.terminate()
            except Exception:
                pass          # the bridge goes down with the office: that is the answer
            try:
                self.clean = self.proc.wait(30) == 0
            except subprocess.TimeoutExpired:
                self.clean = False
        self._give_up()
        if self.clean:
            _keep_profile(self.profile)


def _mended(docx: Path, pdf: Path) -> list:
    """The layout pass on one converted file: the .docx rewritten with the paragraphs it
    tightens or loosens (writing/layoutpass.py); what it did, [] when nothing."""
    from workbench.storage.atomic import WriteFailed, write_atomic
    from workbench.writing.layoutpass import mend, read_lines

    lines = read_lines(pdf)
    if not lines:
        return []
    data, done = mend(docx.read_bytes(), lines)
    if done:
        try:
            write_atomic(docx, data)
        except WriteFailed as exc:
            raise ExportError(S.EXPORT_WRITE_FAILED.format(path=docx, reason=exc.reason)) from None
    return done


def _passes(command: str, docxs: list[Path], sources: list[Path], outdir: Path, tmp: Path,
            timeout: int, layout_pass: bool, what: Path) -> tuple[list[Path], list]:
    """The PDFs of `docxs` in `outdir` (named after `sources`, the copies made for LibreOffice)
    and what the layout pass adjusted: one office converts them all, then again those the
    layout pass mended (at most one more conversion)."""
    made = [outdir / (source.stem + ".pdf") for source in sources]
    adjusted: list = []
    office = _Office(command, tmp, timeout, what)
    try:
        todo = list(range(len(docxs)))
        for attempt in (0, 1):
            for i in todo:
                try:
                    sources[i].parent.mkdir(parents=True, exist_ok=True)
                    sources[i].write_bytes(for_libreoffice(docxs[i].read_bytes()))
                except OSError as exc:
                    raise ExportError(S.EXPORT_PDF_FAILED.format(path=docxs[i], reason=exc.strerror or exc)) from None
                except (zipfile.BadZipFile, KeyError) as exc:
                    raise ExportError(S.EXPORT_PDF_FAILED.format(path=docxs[i], reason=exc)) from None
                made[i].unlink(missing_ok=True)
            reasons = office.convert([sources[i] for i in todo], outdir)
            for i in todo:
                if not made[i].exists():
                    raise ExportError(S.EXPORT_PDF_FAILED.format(path=docxs[i], reason=reasons.get(sources[i]) or "?"))
            if attempt or not layout_pass:
                break
            mended = [(i, _mended(docxs[i], made[i])) for i in todo]
            for _, done in mended:
                adjusted.extend(done)
            todo = [i for i, done in mended if done]
            if not todo:
                break
    finally:
        office.close()
    return made, adjusted


def convert_to_pdf(docx: Path, pdf: Path | None = None, *, timeout: int = TIMEOUT_S,
                   layout_pass: bool = True, adjustments: list | None = None) -> Path:
    """Write `pdf` (default: beside the .docx) from `docx`; the old PDF stays until the new
    one is whole. With `layout_pass`, a paragraph that ends in a lone character is tightened in
    the .docx and the PDF made again; what was changed (layoutpass.Adjustment, one a
    paragraph) is appended to `adjustments` (and kept in `last_adjustments`). Raises
    ExportError with one Chinese line when LibreOffice is missing or fails."""
    docx = Path(docx)
    pdf = Path(pdf) if pdf else pdf_path_for(docx)
    if pdf.suffix.lower() != ".pdf":
        raise ExportError(S.EXPORT_NOT_PDF.format(path=pdf))
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    last_adjustments.clear()
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=pdf.parent) as tmp:
        (made,), done = _passes(command, [docx], [Path(tmp) / "in" / docx.name], Path(tmp), Path(tmp),
                                timeout, layout_pass, docx)
        last_adjustments.extend(done)
        if adjustments is not None:
            adjustments.extend(done)
        os.replace(made, pdf)
    return pdf


# What the last convert_to_pdf's layout pass adjusted (one line a paragraph), for a summary.
last_adjustments: list = []


def convert_all(docxs: list[Path], outdir: Path, *, timeout: int = TIMEOUT_S,
                layout_pass: bool = True) -> list[Path]:
    """Many .docx -> PDF in `outdir` with one LibreOffice for all of them and both passes (its
    start is most of the cost of one file), each read and mended as `convert_to_pdf` does. The
    PDFs, in the given order; raises ExportError when LibreOffice is missing or one of them is
    not made."""
    command = soffice()
    if command is None:
        raise ExportError(S.EXPORT_NO_LIBREOFFICE)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    docxs = [Path(d) for d in docxs]
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=outdir) as tmp:
        sources = [Path(tmp) / "in" / f"{i:04d}-{docx.name}" for i, docx in enumerate(docxs)]
        pdfs, _ = _passes(command, docxs, sources, outdir, Path(tmp), timeout, layout_pass, outdir)
    return pdfs
