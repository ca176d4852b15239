"""Where the model lives: base URL, model name and key, from the environment
(`WORKBENCH_AI_BASE_URL`, `WORKBENCH_AI_MODEL`, `WORKBENCH_AI_API_KEY`, `WORKBENCH_AI_TIMEOUT`)
or the "ai" block of the settings file in the config folder. Off unless both a URL and a model
are set: nothing is ever sent otherwise."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from workbench import strings as S

ENV_BASE_URL = "WORKBENCH_AI_BASE_URL"
ENV_MODEL = "WORKBENCH_AI_MODEL"
ENV_API_KEY = "WORKBENCH_AI_API_KEY"
ENV_TIMEOUT = "WORKBENCH_AI_TIMEOUT"
ENV_SETTINGS = "WORKBENCH_KEYMAP"  # the config folder is the keymap's (tui/keymap.py)
DEFAULT_TIMEOUT = 60.0


class AssistUnavailable(Exception):
    """The help is off or cannot run here; the message says how to set it up (Chinese)."""


@dataclass(frozen=True)
class AssistConfig:
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @property
    def where(self) -> str:
        """What the screen names as the place the text goes: the model at its address."""
        return S.AI_WHERE.format(model=self.model, url=self.base_url)


def settings_file() -> Path:
    """settings.json in the config folder (beside keymap.toml; WORKBENCH_KEYMAP moves both)."""
    env = os.environ.get(ENV_SETTINGS)
    if env:
        return Path(env).expanduser().with_name("settings.json")
    from platformdirs import user_config_dir

    return Path(user_config_dir("workbench", appauthor=False)) / "settings.json"


def _file_block(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    block = data.get("ai") if isinstance(data, dict) else None
    return block if isinstance(block, dict) else {}


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> AssistConfig | None:
    """The configured endpoint, the environment over the settings file; None when it is off."""
    env = os.environ if env is None else env
    block = _file_block(path or settings_file())

    def pick(env_name: str, key: str) -> str:
        value = env.get(env_name)
        if value is None or not value.strip():
            value = block.get(key)
        return str(value).strip() if value is not None else ""

    url, model = pick(ENV_BASE_URL, "base_url"), pick(ENV_MODEL, "model")
    if not url or not model:
        return None
    try:
        timeout = float(pick(ENV_TIMEOUT, "timeout") or DEFAULT_TIMEOUT)
    except ValueError:
        timeout = DEFAULT_TIMEOUT
    return AssistConfig(base_url=url.rstrip("/"), model=model, api_key=pick(ENV_API_KEY, "api_key"),
                        timeout=max(timeout, 0.1))


def require_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> AssistConfig:
    """load_config, or AssistUnavailable saying how to switch the help on."""
    config = load_config(env, path)
    if config is None:
        raise AssistUnavailable(S.AI_OFF.format(path=path or settings_file()))
    return config
