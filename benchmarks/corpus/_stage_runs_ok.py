from benchmarks.corpus._stage_team import Run

RUNS: list[Run] = []
