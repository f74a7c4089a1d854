RUNS: list = []
