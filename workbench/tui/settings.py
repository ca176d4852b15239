"""Small layout choices the drafter makes once (the outline's width), kept beside the keymap."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.tui.keymap import keymap_path


def settings_path() -> Path:
    return keymap_path().with_name("settings.json")


def load_settings() -> dict:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(name: str, value) -> None:
    """Best effort: a folder that cannot be written costs the setting, never the session."""
    data = load_settings()
    data[name] = value
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


def remembered_folder(name: str) -> Path | None:
    """The folder kept under `name` (the one last imported from or exported to) if it is
    still a folder, else None."""
    value = load_settings().get(name)
    if not isinstance(value, str) or not value:
        return None
    try:
        folder = Path(value).expanduser()
        return folder if folder.is_dir() else None
    except OSError:
        return None
