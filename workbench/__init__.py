"""Report Workbench: keep a local government's annual work report as data."""

from __future__ import annotations

__version__ = "0.1.0"
