from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")

from workbench.document.model import Report  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path, monkeypatch):
    """No test ever touches the user's real store, cache folder, keymap or settings (the
    folders last imported from and exported to are kept beside the keymap)."""
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "default-store.json"))
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "config" / "keymap.toml"))
    # The drafting help stays off unless a test points it at its own stub server: nothing a
    # test does may reach a model the developer's environment names.
    for name in ("WORKBENCH_AI_BASE_URL", "WORKBENCH_AI_MODEL", "WORKBENCH_AI_API_KEY", "WORKBENCH_AI_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


def example_dict(year: int) -> dict:
    return json.loads((EXAMPLES / f"shiling-{year}.json").read_text(encoding="utf-8"))


@pytest.fixture
def r2023() -> Report:
    return Report.from_dict(example_dict(2023))


@pytest.fixture
def r2024() -> Report:
    return Report.from_dict(example_dict(2024))


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "reports.json"


@pytest.fixture
def store_path(tmp_path) -> Path:
    """A store holding the bundled example (2023 定稿, 2024 draft)."""
    from workbench.cli.commands import load_examples

    path = tmp_path / "reports.json"
    load_examples(path)
    return path


def pytest_terminal_summary(terminalreporter):
    from fuzzcount import COUNTS

    if COUNTS:
        terminalreporter.write_sep("-", "fuzzing and fault-injection cases tried")
        for name, n in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{name}: {n}")
    from precisioncount import COUNTS as PRECISION

    if PRECISION:
        terminalreporter.write_sep("-", "check precision on real reports")
        for name, n in PRECISION.items():
            terminalreporter.write_line(f"{name}: {n}")
