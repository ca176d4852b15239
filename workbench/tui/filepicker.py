"""The import file picker: a path field (type, paste, Tab-complete) over a folder tree that
lists only folders and files the importer reads. It starts in the folder used last."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Input, Label, Static

from workbench import strings as S
from workbench.reading.importer import IMPORTABLE_SUFFIXES, cannot_import
from workbench.tui.dialogs import Dialog
from workbench.tui.settings import remembered_folder, save_setting

SETTING = "import_folder"
HELP = S.PICKER_HELP.format(suffixes=" ".join(IMPORTABLE_SUFFIXES))


def start_folder(store_path: Path | None = None) -> Path:
    """The folder imported from last, else the current folder (where the drafter started the
    workbench; never the store's hidden data folder), else the home folder."""
    remembered = remembered_folder(SETTING)
    if remembered is not None:
        return remembered
    try:
        return Path.cwd()
    except OSError:  # the current folder was deleted under us
        return Path.home()


def listable(path: Path, suffixes: tuple[str, ...] = IMPORTABLE_SUFFIXES) -> bool:
    """Folders (not hidden) and files the importer (or the picker's caller) reads."""
    if path.name.startswith("."):
        return False
    try:
        if path.is_dir():
            return True
    except OSError:
        return False
    return path.suffix.lower() in suffixes


def typed_path(text: str, base: Path) -> Path:
    """What the drafter typed or pasted ("~/x.txt", '"C:/a b.docx"', a name in the folder)."""
    text = text.strip().strip('"').strip("'").strip()
    path = Path(text).expanduser()
    return path if path.is_absolute() else base / path


def complete_path(text: str, base: Path, suffixes: tuple[str, ...] = IMPORTABLE_SUFFIXES) -> tuple[str, list[str]]:
    """Shell-like completion of the last part of a path: (the completed text, the names that
    still fit when more than one does). Only folders and importable files are offered."""
    raw = text.strip().strip('"')
    head, sep, prefix = raw.rpartition(os.sep) if os.sep in raw else ("", "", raw)
    folder = typed_path(head + sep, base) if sep else base
    if sep and not head:
        folder = Path(os.sep)
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(prefix) and listable(p, suffixes)]
    except OSError:
        return text, []
    if not entries:
        return text, []
    names = sorted(p.name + (os.sep if p.is_dir() else "") for p in entries)
    common = os.path.commonprefix(names)
    completed = (head + sep if sep else "") + common
    return completed, names if len(names) > 1 else []


class ImportTree(DirectoryTree):
    """The folder tree: folders expand in place, a file is picked with Enter or a click."""

    HELP = HELP
    BINDINGS = [Binding("backspace", "screen.go_up", S.PICKER_UP, show=False)]
    suffixes: tuple[str, ...] = IMPORTABLE_SUFFIXES

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if listable(p, self.suffixes)]


class PathInput(Input):
    """The path field: Tab completes the last part; ↓ goes to the tree."""

    HELP = HELP
    BINDINGS = [Binding("tab", "screen.complete", show=False),
                Binding("down", "screen.focus_tree", show=False)]


class FilePicker(Dialog):
    """Dismisses with the Path of an importable file, or None."""

    HELP = HELP
    BINDINGS = [Binding("escape", "cancel", S.NO, id="picker.cancel")]

    def __init__(self, store_path: Path | None = None, *, suffixes: tuple[str, ...] = IMPORTABLE_SUFFIXES,
                 problem=cannot_import, title: str = S.PICKER_TITLE, setting: str = SETTING):
        """`suffixes` the files listed, `problem(path)` why one cannot be taken (or None);
        another caller (the spreadsheet import) remembers its own folder under `setting`."""
        super().__init__()
        self.suffixes, self.problem, self.title_text, self.setting = suffixes, problem, title, setting
        self.folder = start_folder(store_path) if setting == SETTING else (
            remembered_folder(setting) or start_folder(store_path))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(self.title_text, classes="question")
            yield PathInput(self._folder_text(self.folder), placeholder=S.PICKER_PATH, id="picker-path",
                            select_on_focus=False)
            with Horizontal(classes="picker-bar"):
                yield Button(S.PICKER_UP, id="picker-up", compact=True)
                yield Static(str(self.folder), id="picker-folder")
            tree = ImportTree(self.folder, id="picker-tree")
            tree.suffixes = self.suffixes
            yield tree
            yield Static(S.PICKER_HINT, classes="hint", id="picker-hint")
            yield Static("", id="picker-error", classes="error")

    def on_mount(self) -> None:
        self.app.apply_blink(self)
        field = self.query_one(PathInput)
        field.focus()
        field.cursor_position = len(field.value)

    @staticmethod
    def _folder_text(folder: Path) -> str:
        text = str(folder)
        return text if text.endswith(os.sep) else text + os.sep

    def say(self, text: str) -> None:
        self.query_one("#picker-error", Static).update(text)

    def show_folder(self, folder: Path) -> None:
        """Root the tree at the folder and put it in the path field."""
        self.folder = folder
        tree = self.query_one(ImportTree)
        tree.path = folder
        self.query_one("#picker-folder", Static).update(str(folder))
        field = self.query_one(PathInput)
        field.value = self._folder_text(folder)
        field.cursor_position = len(field.value)
        self.say("")

    def pick(self, path: Path) -> None:
        """Import the file, or say why not and stay open."""
        error = self.problem(path)
        if error:
            self.say(error)
            return
        save_setting(self.setting, str(path.parent))
        self.dismiss(path)

    # ------------------------------------------------------------ the path field
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        path = typed_path(event.value, self.folder)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            self.show_folder(path.resolve())
            return
        self.pick(path)

    def action_complete(self) -> None:
        field = self.query_one(PathInput)
        completed, candidates = complete_path(field.value, self.folder, self.suffixes)
        if completed == field.value and not candidates:
            head, _, prefix = field.value.strip().rpartition(os.sep)
            self.say(S.PICKER_NO_MATCH.format(folder=head or self.folder, prefix=prefix))
            return
        field.value = completed
        field.cursor_position = len(completed)
        self.say(S.PICKER_CANDIDATES.format(names="  ".join(candidates[:30])) if candidates else "")

    def action_focus_tree(self) -> None:
        self.query_one(ImportTree).focus()

    # ------------------------------------------------------------ the tree
    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.pick(Path(event.path))

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        field = self.query_one(PathInput)
        field.value = self._folder_text(Path(event.path))
        field.cursor_position = len(field.value)

    def action_go_up(self) -> None:
        parent = self.folder.parent
        if parent != self.folder:
            self.show_folder(parent)
            self.query_one(ImportTree).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "picker-up":
            self.action_go_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
