"""Export from an open report (Ctrl+E .docx, F8 PDF): the path asked, the checks shown first, the
file written on a worker thread."""

from __future__ import annotations

from pathlib import Path

from textual import work

from workbench import strings as S
from workbench.checking.checks import check, counts
from workbench.checking.findings import ERROR
from workbench.document.model import Report
from workbench.drafting import editing as E


class Exporting:
    """Mixed into ReportScreen: Ctrl+E and F8."""

    def _export_bases(self) -> list[tuple[str, str]]:
        """What a redline can be made against: no revisions, each version of this report, and
        last year's report when the store holds it."""
        bases = [("", S.EXPORT_BASE_NONE)]
        try:
            with self.app.store_lock:
                rows = self.app.store.versions(self.report.place, self.report.year)
        except Exception:  # a store that cannot list versions still exports
            rows = []
        bases += [(r["name"], S.EXPORT_BASE_VERSION.format(name=r["name"])) for r in reversed(rows)]
        if self.previous is not None:
            bases.append((str(self.previous.year), S.EXPORT_BASE_YEAR.format(year=self.previous.year)))
        return bases

    def action_export(self, pdf: bool = False) -> None:
        """Say where the file goes and let the drafter change it, with what goes in (revisions
        against a version or last year, 附件); ask before overwriting."""
        from workbench.tui.dialogs import ConfirmDialog, ExportDialog

        proposed = self.app.export_path_for(self.report)
        base = proposed.parent  # a bare file name goes into the folder proposed, never the cwd

        def validate(text: str) -> str | None:
            return export_path_problem(text, base)

        def write(out: Path) -> None:
            self.app.remember_export_path(self.report.ident, out)
            self._export_options = dialog.options
            target = out.with_suffix(".pdf") if pdf else out
            if target.exists():
                self.app.push_screen(ConfirmDialog(S.EXPORT_OVERWRITE.format(path=target)),
                                     lambda yes: self._export_checked(out, pdf) if yes else None)
                return
            self._export_checked(out, pdf)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            out = export_path(text, base)
            if out.parent.is_dir():
                write(out)
                return

            def make_folder(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    out.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    self.notify(S.EXPORT_FOLDER_FAILED.format(folder=out.parent, reason=exc.strerror or exc),
                                severity="error", timeout=10)
                    return
                write(out)

            self.app.push_screen(ConfirmDialog(S.EXPORT_MAKE_FOLDER.format(folder=out.parent)), make_folder)

        # The path is selected: typing a new one replaces it; End or ← edits the file name.
        dialog = ExportDialog(S.EXPORT_PATH_TITLE_PDF if pdf else S.EXPORT_PATH_TITLE, str(proposed),
                              bases=self._export_bases(),
                              appendix=None if self.previous is None else True,
                              validate=validate, help=S.HELP_EXPORT_PATH)
        self.app.push_screen(dialog, chosen)

    def _export_checked(self, out: Path, pdf: bool = False) -> None:
        """A targets text the drafter owns that disagrees with the table asks first (rewrite it
        from the table / keep it / cancel); then the checks, as `workbench export` runs them."""
        from workbench.drafting.clause import rewrite_targets_text, targets_text_disagreement
        from workbench.tui.dialogs import ChoiceDialog

        found = targets_text_disagreement(self.report)
        if found is None:
            self._export_after_checks(out, pdf)
            return

        def answered(answer: str | None) -> None:
            if answer == "regenerate":
                if self.refuse():
                    return
                self.remember()
                rewrite_targets_text(self.report, found)
                if self.address == found.address:
                    self._show_editor(found.address)
                self.mark_dirty()
                self.notify(S.TARGETS_TEXT_REWRITTEN, timeout=4)
            if answer in ("regenerate", "keep"):
                self._export_after_checks(out, pdf)

        diffs = found.differences
        lines = diffs[:4] + ([S.TARGETS_TEXT_MORE.format(n=len(diffs) - 4)] if len(diffs) > 4 else [])
        self.app.push_screen(ChoiceDialog(
            S.TARGETS_TEXT_ASK.format(n=len(diffs), lines="\n".join(lines)),
            [("regenerate", S.TARGETS_TEXT_REGENERATE, "primary"), ("keep", S.TARGETS_TEXT_KEEP, "warning"),
             ("cancel", S.EXPORT_CONFIRM_CANCEL, "default")], focus="regenerate"), answered)

    def _export_after_checks(self, out: Path, pdf: bool = False) -> None:
        """Check first, as `workbench export` does: errors ask before anything is written."""
        from workbench.writing.plain import render_export_summary

        snap = E.snapshot(self.report)
        findings = check(snap, self.previous)
        summary = render_export_summary(snap, findings, more=S.TUI_EXPORT_MORE)

        base, appendix, joiners = getattr(self, "_export_options", ("", self.previous is not None, True))
        redline = None
        if base:
            from workbench.drafting.rounds import RoundError, redline_base

            try:
                with self.app.store_lock:
                    redline = redline_base(self.app.store, snap, base, None)
            except RoundError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return

        def go(confirmed: bool | None = True) -> None:
            if confirmed:
                self.notify(S.EXPORTING_PDF if pdf else S.EXPORTING, timeout=2)
                self._export(snap, out, pdf, redline=redline, appendix=appendix and self.previous is not None,
                             base=dict(self._export_bases()).get(base, base) if base else "", joiners=joiners)

        if counts(findings)[ERROR]:
            from workbench.tui.dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(f"{summary}\n\n{S.EXPORT_CONFIRM_GO}？"), go)
            return
        if findings:
            self.notify(summary, title=S.EXPORT_CONFIRM_TITLE, timeout=8)
        go()

    def action_export_pdf(self) -> None:
        self.action_export(pdf=True)

    @work(thread=True, group="export", description="export")  # not a repr of the whole report
    def _export(self, snap: Report, out: Path, pdf: bool = False, *, redline=None, appendix: bool | None = None,
                base: str = "", joiners: bool = True) -> None:
        from workbench.writing.export import ExportError, export_report

        adjusted: list = []
        if appendix is None:
            appendix = self.previous is not None
        try:
            export_report(snap, out, previous=self.previous, appendix=appendix, redline=redline, joiners=joiners)
            if pdf:
                from workbench.writing.pdf import convert_to_pdf

                self.app.call_from_thread(self.notify, S.EXPORTED.format(path=out), timeout=8)
                out = convert_to_pdf(out, adjustments=adjusted)
        except ExportError as exc:
            self.app.call_from_thread(self.notify, S.EXPORT_FAILED.format(reason=exc), severity="error",
                                      timeout=10)
            return
        except Exception as exc:  # never a traceback (nor an English exception) on the drafter's screen
            from workbench.util.reasons import exception_reason

            self.app.call_from_thread(self.notify, S.EXPORT_FAILED.format(reason=exception_reason(exc)),
                                      severity="error",
                                      timeout=10)
            return
        if redline is not None and not pdf:
            self.app.call_from_thread(self.notify, S.EXPORTED_REDLINE.format(base=base, path=out), timeout=8)
            return
        done = (S.EXPORTED_PDF if pdf else S.EXPORTED).format(path=out)
        if pdf:
            from workbench.writing.plain import render_layout_summary

            done += "\n" + render_layout_summary(adjusted, limit=3)
        self.app.call_from_thread(self.notify, done, timeout=12 if adjusted else 8)


def _typed(text: str, base: Path) -> Path:
    """The typed path, "~" expanded and made absolute: a relative one (a bare file name
    included) is taken inside `base`, the folder the dialog proposed."""
    path = Path(text.strip().strip('"').strip("'").strip()).expanduser()
    return path if path.is_absolute() else Path(base).expanduser().absolute() / path


def export_path(text: str, base: Path) -> Path:
    """The absolute .docx path the drafter typed (".docx" added when left off)."""
    path = _typed(text, base)
    return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


def export_path_problem(text: str, base: Path) -> str | None:
    """Why a typed export path cannot be written, in Chinese, or None."""
    if not text.strip():
        return S.EXPORT_PATH_EMPTY
    path = _typed(text, base)
    if path.is_dir():
        return S.EXPORT_PATH_IS_DIR.format(path=path)
    parent = export_path(text, base).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():  # a missing folder is offered to be made; a file in the way is not
        return S.EXPORT_PATH_NO_FOLDER.format(folder=export_path(text, base).parent)
    return None
