"""Findings and their severities, the rules' settings, and the small helpers that say where a
finding points (a figure, a paragraph)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from workbench.document.figures import Figure

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass
class Settings:
    """Tolerances for the 左右 qualifier and the sanity rules."""

    growth_tolerance_pts: float = 0.5   # 基本完成 within this many points below a growth target
    value_tolerance_pct: float = 2.0    # … or this many percent below a value target
    slip_ratio: float = 8.0             # a value this many times (or 1/this) last year's: a unit slip
    growth_limit_pct: float = 100.0     # growth above this is flagged for a second look


DEFAULT_SETTINGS = Settings()


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    where: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "where": self.where}


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def _fig_where(kind: str, index: int, fig: Figure) -> dict[str, Any]:
    return {"figure": fig.name, "list": kind, "index": index}


def _para_where(ci: int, si: int | None, pi: int | None = None) -> dict[str, Any]:
    return {"chapter": ci, "section": si, "paragraph": pi}


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {ERROR: 0, WARNING: 0, INFO: 0}
    for f in findings:
        out[f.severity] += 1
    return out
