"""Reliability gates: compare failure rates with bounds and with a baseline.

``coordgap check --max handoff=0.05 --max end_to_end=0.2 --baseline last.duckdb``
uses these functions; a deploy pipeline can call them directly too.

Rates are shares of runs: ``end_to_end`` is failed runs / runs, and each
attribution category (``decomposition``, ``handoff``, ``verification``,
``generation``, ``assembly``, ``unknown``) is the runs attributed to it / runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.analysis import CATEGORIES, Analysis

__all__ = ["KEYS", "Bound", "Finding", "evaluate", "parse_bound", "rates"]

KEYS = ("end_to_end", *CATEGORIES)
"""Rates a bound can name."""


@dataclass(frozen=True)
class Bound:
    """At most ``limit`` (a share of runs, 0..1) for the rate ``key``."""

    key: str
    limit: float


@dataclass(frozen=True)
class Finding:
    """One rate checked: ``ok`` False when it exceeded its bound or regressed."""

    key: str
    value: float | None
    limit: float | None
    baseline: float | None
    exceeded: bool
    regressed: bool

    @property
    def ok(self) -> bool:
        return not (self.exceeded or self.regressed)

    def message(self) -> str:
        """One line saying what failed (or that the rate is within bounds)."""
        value = _fmt(self.value)
        parts = []
        if self.exceeded:
            parts.append(f"{self.key} failure rate {value} exceeds its bound {_fmt(self.limit)}")
        if self.regressed:
            parts.append(
                f"{self.key} failure rate {value} regressed from {_fmt(self.baseline)} "
                "in the baseline"
            )
        return "; ".join(parts) or f"{self.key} failure rate {value} ok"


def parse_bound(text: str) -> Bound:
    """Parse ``key=value`` where value is a share (``0.05``) or a percentage (``5%``).

    Raises ValueError with a one-line message naming what was wrong.
    """
    key, sep, raw = text.partition("=")
    key, raw = key.strip().replace("-", "_"), raw.strip()
    if not sep or not key or not raw:
        raise ValueError(f"{text!r} is not KEY=RATE (e.g. handoff=0.05)")
    if key not in KEYS:
        raise ValueError(f"unknown rate {key!r}; use one of {', '.join(KEYS)}")
    try:
        limit = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise ValueError(f"{raw!r} is not a number (e.g. 0.05 or 5%)") from None
    if not 0.0 <= limit <= 1.0:
        raise ValueError(f"bound {raw!r} for {key} is outside 0..1 (or 0%..100%)")
    return Bound(key, limit)


def rates(analysis: Analysis) -> dict[str, float | None]:
    """Every rate of :data:`KEYS`; None when there are no runs."""
    runs = analysis.n_runs
    if not runs:
        return dict.fromkeys(KEYS)
    out: dict[str, float | None] = {"end_to_end": analysis.n_failed / runs}
    for category in CATEGORIES:
        out[category] = analysis.by_category.get(category, 0) / runs
    return out


def evaluate(
    current: Analysis,
    bounds: Iterable[Bound],
    baseline: Analysis | None = None,
    *,
    tolerance: float = 0.0,
) -> list[Finding]:
    """Check ``current`` against ``bounds`` and, given one, a ``baseline``.

    A rate regressed when it is above the baseline's by more than ``tolerance``
    (absolute). With a baseline, the bounded rates are compared, or every rate
    when no bound is given. A rate with no runs behind it never fails.
    """
    limits = {b.key: b.limit for b in bounds}
    now = rates(current)
    before = rates(baseline) if baseline is not None else {}
    keys = list(limits) or (list(KEYS) if baseline is not None else [])
    findings = []
    for key in keys:
        value, limit, base = now[key], limits.get(key), before.get(key)
        exceeded = value is not None and limit is not None and value > limit + 1e-12
        regressed = value is not None and base is not None and value > base + tolerance + 1e-12
        findings.append(Finding(key, value, limit, base, exceeded, regressed))
    return findings


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2%}"
