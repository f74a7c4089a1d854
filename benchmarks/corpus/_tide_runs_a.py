"""placeholder"""

from __future__ import annotations

from benchmarks.corpus._tide_tasks import Run

RUNS: list[Run] = []
