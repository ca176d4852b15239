"""The user's cache folder for the workbench (WORKBENCH_CACHE_DIR, else the platform's)."""

from __future__ import annotations

import os

ENV_CACHE = "WORKBENCH_CACHE_DIR"


def cache_folder() -> str:
    """Where remembered, rebuildable things live: the report list of each store, compiled
    regular expressions. Nothing here is ever the only copy of anything."""
    folder = os.environ.get(ENV_CACHE)
    if folder:
        return folder
    from platformdirs import user_cache_dir

    return user_cache_dir("workbench", appauthor=False)
