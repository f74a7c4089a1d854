"""stub"""

from benchmarks.corpus._meals_team import Run

RUNS: list[Run] = []
