"""Tide desk runs that go right, some after a slip caught on the way."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T

RUNS: list[Run] = [
    Run(
        "harbour_ok_01_plain",
        HEALTHY,
        q.HARBOUR_Q2,
        [
            ask(CLERK, "Harbour Point's April to June 2026 rows from readings_2026.csv, msl_m."),
            read(CLERK, "gauges.csv", "Harbour Point"),
            read(CLERK, "readings_2026.csv", "TG-01"),
            T(CLERK, "Harbour Point is TG-01. msl_m: April 0.104, May 0.079, June 0.123."),
            ask(CODER, "Mean of 0.104, 0.079 and 0.123, three decimals."),
            cell(CODER, "print(f'{(0.104 + 0.079 + 0.123) / 3:.3f}')", "0.102"),
            T(CODER, "0.102 m."),
            ask(CHECKER, "Harbour Point Q2 2026 mean sea level: 0.102 m from 0.104, 0.079, 0.123. OK?"),
            T(CHECKER, "Rows match the file and the mean is right. Passed."),
            T(LEAD, "Harbour Point's mean sea level over Q2 2026 was 0.102 m."),
        ],
        answer="0.102",
        expect="0.102",
    ),
]
