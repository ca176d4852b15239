"""Where the store lives when no path is given: `WORKBENCH_DB`, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "WORKBENCH_DB"


def default_path() -> Path:
    """`WORKBENCH_DB` when set, else reports.json in the user's data folder."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("workbench", appauthor=False)) / "reports.json"
