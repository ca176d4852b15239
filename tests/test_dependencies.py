"""Every dependency in pyproject.toml is bounded below its next major version, and the
version installed here (the one the suite runs on) is inside the bounds: a new major release
of Textual or python-docx cannot break a fresh install."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version

import pytest

from conftest import ROOT

packaging = pytest.importorskip("packaging.requirements", reason="packaging is not installed")


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"]) + [r for group in project["optional-dependencies"].values() for r in group]


@pytest.mark.parametrize("text", _requirements())
def test_bounded_below_the_next_major_and_the_installed_version_fits(text):
    req = packaging.Requirement(text)
    uppers = [s for s in req.specifier if s.operator == "<"]
    assert uppers, f"{req.name} has no upper bound"
    try:
        installed = version(req.name)
    except PackageNotFoundError:
        pytest.skip(f"{req.name} is not installed here")
    assert req.specifier.contains(installed, prereleases=True), (req.name, installed, str(req.specifier))
    major = int(installed.split(".")[0])
    assert all(int(s.version.split(".")[0]) == major + 1 for s in uppers), (req.name, installed, uppers)
