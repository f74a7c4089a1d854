"""placeholder"""

RUNS: list = []
