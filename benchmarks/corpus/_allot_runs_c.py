from benchmarks.corpus._desk import Run

RUNS: list[Run] = []
