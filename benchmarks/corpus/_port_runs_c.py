"""placeholder"""

from __future__ import annotations

from benchmarks.corpus._port_team import Run

RUNS: list[Run] = []
