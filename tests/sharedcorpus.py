"""Where the tests find the shared corpus of real reports: ../shared/corpus beside the checkout,
or $WORKBENCH_SHARED/corpus when that variable names another folder (CI points it at an empty
one to show that the tests needing the corpus skip, with one line saying so, rather than fail
on a fresh clone with nothing beside it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared").expanduser()
CORPUS = SHARED / "corpus"
MISSING = f"the shared corpus is not there ({CORPUS}; set WORKBENCH_SHARED to the folder holding corpus/)"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=MISSING)


def corpus_file(*parts: str) -> Path:
    """A file of the corpus, or the test skips (never fails) when the corpus is absent."""
    path = CORPUS.joinpath(*parts)
    if not CORPUS.is_dir():
        pytest.skip(MISSING)
    assert path.exists(), f"corpus file missing from a corpus that is there: {path}"
    return path
