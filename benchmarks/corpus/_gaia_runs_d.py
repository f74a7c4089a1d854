"""GAIA-style runs, part D."""

from __future__ import annotations

from benchmarks.corpus._gaia_team import Run

RUNS: tuple[Run, ...] = ()
