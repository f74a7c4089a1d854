"""placeholder"""

from __future__ import annotations

from benchmarks.corpus._box_team import Run

RUNS: list[Run] = []
