"""The workbench application: owns the store, the keymap and the screens."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from workbench import strings as S
from workbench.storage.errors import StoreConflict, StoreError, StoreLocked
from workbench.storage.store import Store
from workbench.tui.keymap import load_keymap
from workbench.tui.settings import remembered_folder, save_setting

CSS_PATH = Path(__file__).with_name("app.tcss")
EXPORT_SETTING = "export_folder"


class WorkbenchApp(App):
    CSS_PATH = CSS_PATH
    TITLE = S.APP_TITLE
    BINDINGS = [
        Binding("f1", "help", S.BINDING["help"], id="app.help"),
        Binding("ctrl+q", "quit", S.BINDING["quit"], id="app.quit", priority=True),
        Binding("ctrl+r", "retry_lock", S.BINDING_RETRY_LOCK, id="app.retry_lock"),
        Binding("ctrl+p", "command_palette", S.FOOTER_PALETTE, show=False, priority=True,
                tooltip=S.PALETTE_TOOLTIP, id="app.palette"),
    ]
    DISK_POLL = 1.5  # seconds between looks at the store file for changes made elsewhere
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, store_path: Path, *, open_report: tuple[str, int] | None = None,
                 export_folder: Path | None = None, temporary: bool = False):
        super().__init__()
        self.store_path = Path(store_path)
        self.temporary = temporary  # `workbench demo`: the store goes when the app closes
        self.open_on_start = open_report
        self.export_folder = export_folder
        self.store: Store | None = None
        self.store_lock = threading.Lock()
        self.export_paths: dict[tuple[str, int], Path] = {}
        self.lock_holder: str | None = None
        self.discard_on_exit = False
        self.disk_stamp = None
        self.count_cache: dict[tuple[str, int], tuple[tuple, tuple[int, int]]] = {}
        # Tests and snapshots switch the cursor blink off so screens are reproducible.
        self.blink = os.environ.get("WORKBENCH_NO_BLINK") != "1"

    def apply_blink(self, root) -> None:
        if self.blink:
            return
        from textual.widgets import Input, TextArea

        for widget in root.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False

    # ------------------------------------------------------------ start and stop
    def on_mount(self) -> None:
        keymap, error = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if error:
            self.notify(error, severity="warning")
        try:
            self.store = Store(self.store_path, lazy=True)
        except StoreLocked as exc:
            try:
                self.store = Store(self.store_path, readonly=True, lazy=True)
            except StoreError as exc2:
                self.exit(message=str(exc2), return_code=2)
                return
            self.lock_holder = holder_name(exc.holder)
            self.notify(self.readonly_state(), severity="warning", timeout=15)
        except StoreError as exc:
            self.exit(message=str(exc), return_code=2)
            return
        from workbench.tui.screens.home import HomeScreen

        self.disk_stamp = self.store.stamp()
        self.set_interval(self.DISK_POLL, self.poll_disk)
        self._catch_hangup()
        self.push_screen(HomeScreen())
        if self.open_on_start:
            self.open_report(*self.open_on_start)

    def on_unmount(self) -> None:
        # Report screens save their own edits as they are taken down (ReportScreen.on_unmount),
        # which Textual does before this.
        self._release_hangup()
        if self.store is not None:
            self.store.close()

    # ------------------------------------------------------------ the window closed, a kill
    HANGUP_SIGNALS = ("SIGHUP", "SIGTERM")

    def _catch_hangup(self) -> None:
        """The terminal closed (SIGHUP) or the process told to stop (SIGTERM): Python's default
        ends the process on the spot, losing what the autosave had not written yet. Caught in
        the event loop instead (between two messages, never inside an edit), the edits are saved
        first. Only where the loop can take signals (the main thread of a Unix process)."""
        import asyncio
        import signal

        self._hangup_caught: list[int] = []
        try:
            loop = asyncio.get_running_loop()
            for name in self.HANGUP_SIGNALS:
                number = getattr(signal, name, None)
                if number is not None:
                    loop.add_signal_handler(number, self.hang_up, number)
                    self._hangup_caught.append(number)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, Windows
            pass

    def _release_hangup(self) -> None:
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for number in getattr(self, "_hangup_caught", []):
            try:
                loop.remove_signal_handler(number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass
        self._hangup_caught = []

    def hang_up(self, number: int = 0) -> None:
        """Save every open report's edits now, then leave; if leaving hangs on a terminal that is
        gone, the process ends a moment later anyway (the store is written and closed by then)."""
        self.save_open_reports()
        if self.store is not None:
            with self.store_lock:
                self.store.close()
            self.store = None
        code = 128 + number if number else 1
        if not self.is_headless:  # a real terminal, perhaps gone: never linger holding nothing
            stop = threading.Timer(3.0, os._exit, args=(code,))
            stop.daemon = True
            stop.start()
        self.exit(return_code=code)

    def save_open_reports(self) -> None:
        """Write what the open report screens hold and the store does not (a hangup, a kill)."""
        from workbench.tui.screens.report.screen import ReportScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReportScreen) and screen.dirty and not screen.readonly:
                try:
                    screen.save_sync()
                except Exception:  # one report failing must not keep the next from saving
                    pass

    def set_window_title(self, text: str) -> None:
        self.title = text
        try:
            self.console.set_window_title(text)
        except Exception:  # a terminal that does not take titles is fine
            pass

    # ------------------------------------------------------------ read-only and the lock
    @property
    def readonly(self) -> bool:
        return self.store is None or self.store.readonly

    def readonly_state(self) -> str:
        """"只读：…正在编辑 · Ctrl+R 重试获取写权限", the one line a read-only app shows."""
        return S.READONLY_STATE.format(holder=self.lock_holder or S.READONLY_WHO_UNKNOWN)

    def screen_title(self) -> str:
        title = S.APP_TITLE + (" · " + S.DEMO_TEMPORARY_TITLE if self.temporary else "")
        if not self.readonly:
            return title
        return title + " · " + S.READONLY_WHO.format(holder=self.lock_holder or "另一个程序")

    def refuse_readonly(self) -> bool:
        """True (and the drafter told why) when the store cannot be written."""
        if not self.readonly:
            return False
        import time

        now = time.monotonic()
        if now - getattr(self, "_refused_at", -10.0) > 2.0:
            self._refused_at = now
            self.notify(S.READONLY_REFUSED.format(holder=self.lock_holder or "另一个程序"),
                        severity="warning", timeout=6)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry_lock":
            return self.readonly
        return True

    def action_retry_lock(self) -> None:
        if not self.readonly:
            return
        try:
            writer = Store(self.store_path)
        except StoreLocked as exc:
            self.lock_holder = holder_name(exc.holder)
            self.notify(S.LOCK_RETRY_FAILED.format(holder=self.lock_holder), severity="warning")
            return
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        with self.store_lock:
            old, self.store = self.store, writer
        old.close()
        self.lock_holder = None
        self.disk_stamp = self.store.stamp()
        from workbench.tui.screens.report.screen import ReportScreen

        for screen in self.screen_stack:
            if hasattr(screen, "title"):
                screen.title = self.screen_title()
            if isinstance(screen, ReportScreen):
                screen.write_access()
        self.refresh_bindings()
        self.notify(S.LOCK_RETRY_OK)

    # ------------------------------------------------------------ changes made elsewhere
    def poll_disk(self) -> None:
        """Notice a store file changed by another program (a CLI import, a copy)."""
        if self.store is None:
            return
        stamp = self.store.stamp()
        if stamp == self.disk_stamp:
            return
        self.disk_stamp = stamp
        from workbench.tui.screens.home import HomeScreen
        from workbench.tui.screens.report.screen import ReportScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReportScreen):
                screen.disk_changed()
            elif isinstance(screen, HomeScreen) and screen is self.screen:
                screen.refresh_rows()

    def get_doc(self, place: str, year: int) -> dict | None:
        with self.store_lock:
            return self.store.get_doc(place, year) if self.store else None

    # ------------------------------------------------------------ quitting
    async def action_quit(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog, Dialog

        if any(isinstance(s, ChoiceDialog) for s in self.screen_stack):
            return
        # Typed into a dialog and not confirmed (a figure, a title): asked about before anything.
        typing = self.screen if isinstance(self.screen, Dialog) else None
        pending = typing.pending_text() if typing is not None else None
        if pending:
            def answered(answer: str | None) -> None:
                if answer == "discard":
                    typing.dismiss(None)
                    self.call_after_refresh(self._quit_after_dialogs)

            self.push_screen(ChoiceDialog(S.QUIT_PENDING.format(text=_clip(pending)),
                                          [("back", S.QUIT_BACK_TO_FIELD, "primary"),
                                           ("discard", S.QUIT_DROP_TYPED, "error")], focus="back"), answered)
            return
        self._quit_after_dialogs()

    def _quit_after_dialogs(self) -> None:
        from workbench.tui.dialogs import ChoiceDialog
        from workbench.tui.screens.report.screen import ReportScreen

        # Asked about: a report with edits the store does not hold yet, or one changed since it
        # was opened (the autosave keeps every edit, so 撤销 is the only way back to the start).
        changed = [s for s in self.screen_stack if isinstance(s, ReportScreen) and s.changed_since_open()]
        if not changed:
            self.exit()
            return
        screen = changed[-1]
        what = f"{screen.report.place}{screen.report.year}年报告"
        if screen.dirty:
            reason = S.QUIT_UNSAVED_REASON.format(reason=screen.save_error) if screen.save_error else ""
            question = S.QUIT_UNSAVED.format(what=what, reason=reason)
            keep = S.QUIT_SAVE
        else:
            question = S.QUIT_CHANGED.format(what=what, time=screen.saved_at or "")
            keep = S.QUIT_KEEP
        if self.temporary:  # the demo's store is deleted on exit, whatever is answered here
            question += S.DEMO_QUIT_WARNING
        choices = [("save", keep, "primary")]
        if screen.opened is not None:
            choices.append(("discard", S.QUIT_REVERT, "error"))
        choices.append(("cancel", S.QUIT_CANCEL, "default"))

        def done(answer: str | None) -> None:
            if answer == "discard":
                error = screen.revert_to_opened()
                if error:
                    self.notify(S.SAVE_STATE_FAILED.format(reason=error), severity="error", timeout=10)
                    return
                self.discard_on_exit = True
                self.exit()
            elif answer == "save":
                error = screen.save_sync() if screen.dirty else None
                if error:
                    self.notify(S.SAVE_STATE_FAILED.format(reason=error), severity="error", timeout=10)
                else:
                    self.exit()

        self.push_screen(ChoiceDialog(question, choices, focus="save"), done)

    # ------------------------------------------------------------ store access

    def list_reports(self, remember: bool = False) -> list[dict]:
        """The report list; `remember`: also keep it for the next start-up now (not only at a
        clean quit), from the same reading."""
        with self.store_lock:
            if self.store is None:
                return []
            rows = self.store.summaries()
            if remember:
                self.store.remember_list(rows)
            return rows

    def count_findings(self, idents: list[tuple[str, int]],
                       stamps: dict[tuple[str, int], object] | None = None) -> dict[tuple[str, int], tuple[int, int]]:
        """Errors and warnings per report, checked again only when the report or last year's
        changed: the cache is keyed by both save times (and dropped for a report saved here)."""
        if stamps is None:
            with self.store_lock:
                stamps = {(r["place"], r["year"]): r.get("saved_at") for r in self.store.summaries()} \
                    if self.store else {}
        from workbench.checking.checks import check, counts  # not needed to paint the list
        from workbench.checking.findings import ERROR, WARNING

        out, stale = {}, []
        for ident in idents:
            key = (stamps.get(ident), stamps.get((ident[0], ident[1] - 1)))
            hit = self.count_cache.get(ident)
            if hit is not None and hit[0] == key and key[0] is not None:
                out[ident] = hit[1]
            else:
                stale.append((ident, key))
        for (place, year), key in stale:
            with self.store_lock:
                if self.store is None:
                    break
                r = self.store.get(place, year)
                previous = self.store.get(place, year - 1) if r is not None else None
            if r is None:
                continue
            c = counts(check(r, previous))
            out[(place, year)] = (c[ERROR], c[WARNING])
            self.count_cache[(place, year)] = (key, out[(place, year)])
        return out

    def forget_counts(self, place: str, year: int) -> None:
        """A save here: this report's counts and next year's (checked against it) are stale."""
        self.count_cache.pop((place, year), None)
        self.count_cache.pop((place, year + 1), None)

    def save_report(self, report) -> str | None:
        """Save from a worker thread; returns a Chinese error line or None."""
        return self.save_checked(report)[0]

    def save_checked(self, report, expect: dict | None = None) -> tuple[str | None, dict | None, bool]:
        """Save unless the stored report is no longer `expect`: (error, stored doc, conflict)."""
        try:
            with self.store_lock:
                if self.store is None:  # closed: the app is going (a hangup saved already)
                    return S.STORE_CLOSED, None, False
                doc = self.store.put(report, expect=expect)
                self.disk_stamp = self.store.stamp()
            self.forget_counts(report.place, report.year)
        except StoreConflict as exc:
            return str(exc), None, True
        except StoreError as exc:
            return str(exc), None, False
        except OSError as exc:
            return exc.strerror or str(exc), None, False
        return None, doc, False

    def open_report(self, place: str, year: int) -> None:
        from workbench.tui.screens.report.screen import ReportScreen

        with self.store_lock:
            report = self.store.get(place, year)
            previous = self.store.get(place, year - 1)
            base = self.store.get_doc(place, year)
        if report is None:
            self.notify(S.CLI_NO_REPORT.format(place=place, year=year), severity="error")
            return
        self.push_screen(ReportScreen(report, previous, readonly=self.readonly, base=base))

    def open_compare(self, a, b, labels: tuple[str | None, str | None] = (None, None)) -> None:
        from workbench.comparing.compare import compare
        from workbench.tui.screens.compare import CompareScreen

        with self.store_lock:
            history = [r for r in self.store.reports() if r.place == b.place and r.year != b.year]
        history = sorted(history + [b], key=lambda r: r.year)
        self.push_screen(CompareScreen(compare(a, b, labels), history))

    def new_report(self, place: str, year: int, start: int | None) -> None:
        from workbench.document.model import Report
        from workbench.drafting.rollover import roll_over

        if self.refuse_readonly():
            return
        with self.store_lock:
            if self.store.exists(place, year):
                self.notify(S.CLI_EXISTS.format(place=place, year=year), severity="error")
                return
            if start is not None:
                source = self.store.get(place, start)
                if source is None:
                    self.notify(S.CLI_NEW_NO_SOURCE.format(place=place, year=start), severity="error")
                    return
                report = roll_over(source, year)
            else:
                report = Report(place=place, year=year)
        error = self.save_report(report)
        if error:
            self.notify(error, severity="error")
            return
        self.open_report(place, year)
        if report.note:
            self.notify(S.CLI_NEW_REVIEW.format(note=report.note), severity="warning", timeout=20)

    def import_file(self, path: Path, place: str | None = None, year: int | None = None,
                    replace: bool = False) -> None:
        from workbench.reading.importer import ImportFailure, import_detailed, read_partial

        if self.refuse_readonly():
            return
        if not path.exists():
            self.notify(S.CLI_FILE_MISSING.format(path=path), severity="error")
            return
        if path.suffix.lower() == ".docx":
            from workbench.writing.comparison_docx import comparison_title

            title = comparison_title(path)
            if title:
                self.notify(S.IMPORT_IS_COMPARISON.format(path=path, title=title), severity="error", timeout=10)
                return
        try:
            if place is None and year is None:
                partial = read_partial(path)
                lacking = next((g for g in partial if not g.report.place or not g.report.year), None)
                if lacking is not None and len(partial) == 1:
                    self._ask_place_year(path, lacking)
                    return
            imported = import_detailed(path, place=place, year=year)
        except ImportFailure as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        reports = [g.report for g in imported]
        if len(imported) == 1 and not replace:
            from workbench.drafting.rounds import store_review_round

            lines: list[str] = []
            with self.store_lock:
                taken = store_review_round(self.store, imported[0], path, say=lines.append)
            if taken:
                self.notify("\n".join(lines), timeout=12)
                self._refresh_home()
                return
        with self.store_lock:
            existing = [r for r in reports if self.store.exists(r.place, r.year)]
        if existing and not replace:
            self._ask_replace(path, place, year, existing)
            return
        if existing:
            with self.store_lock:
                for r in existing:
                    self.store.delete(r.place, r.year)  # into the 回收站: nothing is lost
        for r in reports:
            error = self.save_report(r)
            if error:
                self.notify(error, severity="error")
                return
        self.notify(S.IMPORT_DONE.format(names="、".join(f"{r.place}{r.year}" for r in reports))
                    + (S.IMPORT_DONE_TRASHED if existing else ""))
        warnings = [w for g in imported for w in g.warnings]
        warnings += [S.IMPORT_COMMENTS_REPLACED.format(n=len(g.review[1])) for g in imported
                     if g.review is not None and g.review[1]]
        if warnings:
            self.notify(S.IMPORT_WARNINGS.format(warnings="；".join(warnings)), severity="warning", timeout=10)
        self._refresh_home()

    def _ask_replace(self, path: Path, place, year, existing) -> None:
        from workbench.tui.dialogs import ChoiceDialog

        names = "、".join(S.IMPORT_EXISTING_NAME.format(place=r.place, year=r.year) for r in existing)

        def done(answer: str | None) -> None:
            if answer == "replace":
                self.import_file(path, place=place, year=year, replace=True)

        self.push_screen(ChoiceDialog(S.IMPORT_ASK_REPLACE.format(names=names),
                                      [("replace", S.IMPORT_REPLACE, "error"), ("cancel", S.IMPORT_CANCEL, "primary")],
                                      focus="cancel"), done)

    def _ask_place_year(self, path: Path, got) -> None:
        from workbench.tui.dialogs import ImportPlaceYearDialog

        def done(result) -> None:
            if result:
                self.import_file(path, place=result[0], year=result[1])

        self.push_screen(ImportPlaceYearDialog(path.name, got.report.place, got.report.year,
                                               got.place_from, got.year_from), done)

    def delete_report(self, place: str, year: int) -> None:
        """Move a report to the recycle bin."""
        if self.refuse_readonly():
            return
        try:
            with self.store_lock:
                self.store.delete(place, year)
                self.disk_stamp = self.store.stamp()
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(S.TRASHED.format(place=place, year=year))
        self._refresh_home()

    def trash_rows(self) -> list[dict]:
        with self.store_lock:
            return self.store.trash() if self.store else []

    def restore_report(self, place: str, year: int) -> bool:
        if self.refuse_readonly():
            return False
        try:
            with self.store_lock:
                self.store.restore(place, year)
                self.disk_stamp = self.store.stamp()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return False
        self.notify(S.TRASH_RESTORED.format(place=place, year=year))
        return True

    def purge_trash(self, place: str | None = None, year: int | None = None) -> int:
        if self.refuse_readonly():
            return 0
        try:
            with self.store_lock:
                n = self.store.purge(place, year)
                self.disk_stamp = self.store.stamp()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return 0
        self.notify(S.TRASH_PURGED.format(n=n))
        return n

    def _refresh_home(self) -> None:
        from workbench.tui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_rows()

    def export_path_for(self, report) -> Path:
        """Remembered per report; the first time in the export folder: the one given, else
        the folder exported to last, else the current folder (never the store's hidden one)."""
        key = report.ident
        if key not in self.export_paths:
            folder = self.export_folder or remembered_folder(EXPORT_SETTING) or Path.cwd()
            name = S.EXPORT_FILE_NAME.format(place=report.place, year=report.year)
            self.export_paths[key] = Path(folder).expanduser().absolute() / name
        return self.export_paths[key]

    def remember_export_path(self, key: tuple[str, int], out: Path) -> None:
        """This report's next export proposes `out` again; other reports start in its folder."""
        self.export_paths[key] = out
        if self.export_folder is None:
            save_setting(EXPORT_SETTING, str(out.parent))

    # ------------------------------------------------------------ help and commands
    def action_help(self) -> None:
        from workbench.tui.dialogs import HelpDialog

        widget = self.focused
        texts = []
        node = widget
        while node is not None:
            help_text = getattr(node, "HELP", None)  # a dialog may carry its own
            if help_text and isinstance(help_text, str) and "\n" not in help_text[:1]:
                texts.append(help_text)
                break
            node = node.parent
        texts.append(S.HELP_GENERAL)
        keys = self.keys_here()
        if keys:
            texts.append(S.HELP_KEYS.format(keys="　".join(keys)))
        self.push_screen(HelpDialog("\n\n".join(texts)))

    def key_as_typed(self, binding: Binding, key: str | None = None) -> str:
        """A binding's key (or each of its keys, "或" between them) as the drafter types it:
        "slash,ideographic_comma" is "/ 或 、", not Textual's names for them."""
        from dataclasses import replace

        from textual.keys import key_to_character

        if binding.key_display:
            return binding.key_display
        keys = [k.strip() for k in (key or binding.key).split(",") if k.strip()]
        shown: list[str] = []
        for one in keys:
            display = self.get_key_display(replace(binding, key=one))
            if "_" in display and key_to_character(one):  # "right_double_angle_bracket" is 》
                display = key_to_character(one)
            if display[:1] == "f" and display[1:].isdigit():
                display = display.upper()
            if display not in shown:
                shown.append(display)
        return S.KEYS_OR.join(shown)

    def action_help_quit(self) -> None:
        """Ctrl+C (which no longer quits): say in Chinese how to quit."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.key_as_typed(active.binding, key)
                shown = f"Ctrl+{shown[1:].upper()}" if shown.startswith("^") else shown
                self.notify(S.QUIT_HINT.format(key=shown), title=S.QUIT_HINT_TITLE)
                return

    def keys_here(self) -> list[str]:
        """Every key that works where the drafter is, footer or not ("F2 指标")."""
        keys: dict[str, list[str]] = {}   # binding id -> its keys as shown
        names: dict[str, str] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            # Only the workbench's own keys (they carry an id); Textual's widget keys are English.
            if not binding.id or not binding.description or binding.action in ("help", "app.help"):
                continue
            display = self.key_as_typed(binding, key)
            shown = keys.setdefault(binding.id, [])
            if display not in shown:
                shown.append(display)
            names[binding.id] = binding.description
        return [f"{'/'.join(shown)} {names[i]}" for i, shown in keys.items()]

    def search_themes(self) -> None:
        """Textual's theme list, with its prompt in Chinese."""
        from textual.theme import ThemeProvider

        from workbench.tui.palette import WorkbenchPalette

        self.push_screen(WorkbenchPalette(providers=[ThemeProvider], placeholder=S.THEME_PLACEHOLDER))

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """The screen as an SVG picture in the export folder (Textual's own goes to a
        Downloads folder that may not exist, and says so in English)."""
        from datetime import datetime

        folder = Path(path) if path else Path(self.export_folder or remembered_folder(EXPORT_SETTING)
                                              or Path.cwd()).expanduser().absolute()
        out = folder / (filename or S.SCREENSHOT_FILE.format(time=datetime.now().strftime("%Y%m%d-%H%M%S")))
        try:
            out.write_text(self.export_screenshot(), encoding="utf-8")
        except OSError as exc:
            from workbench.storage.atomic import os_reason

            self.notify(S.SCREENSHOT_FAILED.format(path=out, reason=os_reason(exc)), severity="error")
            return
        self.notify(S.SCREENSHOT_SAVED.format(path=out))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from workbench.tui.palette import WorkbenchPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(WorkbenchPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from workbench.tui.palette import chinese_system_commands

        yield from chinese_system_commands(super().get_system_commands(screen))
        seen = set()
        # The screen, then the focused widget and the containers around it, each under its
        # Chinese name ("新增（a）"), so every command can be found by what the drafter calls it.
        nodes = [screen]
        node = screen.focused  # the palette has focus now; the screen remembers what had it
        while node is not None and node is not screen:
            nodes.append(node)
            node = node.parent
        for node in nodes:
            for binding in getattr(type(node), "BINDINGS", []):
                # Only the workbench's own (they carry an id): Textual's widget keys are English.
                if not isinstance(binding, Binding) or not binding.description or not binding.id \
                        or binding.id in seen:
                    continue
                seen.add(binding.id)
                yield SystemCommand(
                    S.COMMAND_TITLE.format(description=binding.description, key=self.key_as_typed(binding)),
                    binding.tooltip or binding.description,
                    lambda n=node, a=binding.action: self.call_later(self._run_on, n, a))

    async def _run_on(self, node, action: str) -> None:
        await self.run_action(action, node)


def holder_name(holder: dict | None) -> str:
    """Who holds the lock, as the read-only title names them."""
    if not holder:
        return "另一个程序"
    return S.READONLY_HOLDER.format(user=holder.get("user", "?"), pid=holder.get("pid", "?"),
                                    host=holder.get("host", "?"), since=holder.get("since", "?"))


def run(store_path: Path, open_report: tuple[str, int] | None = None, *, temporary: bool = False) -> None:
    os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")
    app = WorkbenchApp(store_path, open_report=open_report, temporary=temporary)
    app.run()
    if app.return_code and app.return_code != 0:
        raise SystemExit(app.return_code)


def _clip(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[:n] + "…"
