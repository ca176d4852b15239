"""A user keymap: `keymap.toml` in the config folder maps binding ids to keys.

    # ~/.config/workbench/keymap.toml
    "report.export" = "ctrl+o"
    "report.save" = "ctrl+s,f6"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ENV_KEYMAP = "WORKBENCH_KEYMAP"


def keymap_path() -> Path:
    env = os.environ.get(ENV_KEYMAP)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("workbench", appauthor=False)) / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """(binding id -> keys, an error message or None). A broken file never stops the app."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}：{exc}"
    keymap = {str(k): str(v) for k, v in data.items() if isinstance(v, str)}
    return keymap, None
