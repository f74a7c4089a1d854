"""placeholder"""

from benchmarks.corpus._ferry_team import Run

RUNS: list[Run] = []
