from __future__ import annotations

from benchmarks.corpus._pharm_team import Run

RUNS: list[Run] = []
