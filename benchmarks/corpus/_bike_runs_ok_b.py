from benchmarks.corpus._bike_team import Run

RUNS: list[Run] = []
