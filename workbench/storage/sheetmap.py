"""The drafter's own sheet-row → indicator choices, per place, remembered for next year.

They live beside the store (`reports.json` → `reports.sheetmap.json`): they are the office's
knowledge of how its bureau words things, so they travel and are backed up with the reports
they serve, a test's store in a temporary folder keeps its own, and the store file's format
(and its lock) is untouched. A missing or unreadable file is an empty memory, never an error.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.storage.atomic import write_atomic


def memory_path(store_path: Path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.stem + ".sheetmap.json")


def _load_all(store_path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(memory_path(store_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(p): {str(k): str(v) for k, v in m.items()} for p, m in data.items() if isinstance(m, dict)}


def load(store_path: Path, place: str) -> dict[str, str]:
    """The remembered wordings of a place (sheet text folded → indicator name)."""
    return dict(_load_all(store_path).get(place, {}))


def remember(store_path: Path, place: str, pairs: dict[str, str]) -> None:
    """Add (or change) wordings for a place; written atomically (raises WriteFailed)."""
    if not pairs:
        return
    data = _load_all(store_path)
    data.setdefault(place, {}).update(pairs)
    write_atomic(memory_path(store_path), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
