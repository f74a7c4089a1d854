"""Meals desk runs that end right, near misses among them."""

from __future__ import annotations

from benchmarks.corpus import _meals_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._meals_team import (
    ANALYST,
    CLERK,
    LEAD,
    REVIEWER,
    Run,
    ask,
    cell,
    read,
)
from benchmarks.corpus._meals_team import Turn as T

RUNS: list[Run] = [
    Run(
        "north_ok_01_plain",
        HEALTHY,
        q.NORTH_Q1,
        [
            ask(
                CLERK,
                "List the North zone schools in schools.csv with their ids.",
                "First the zone's schools, then the sum over Q1.",
            ),
            read(CLERK, "schools.csv", "North"),
            T(
                CLERK,
                "North zone: HV-01 Maple Street Elementary, HV-02 Birchwood Elementary, "
                "HV-03 Northgate Middle, HV-10 Pinecrest Elementary.",
            ),
            ask(
                ANALYST,
                "Sum the lunches column of meals_2026.csv for the North zone schools "
                "(HV-01, HV-02, HV-03, HV-10) over 2026-01 to 2026-03. Print the row "
                "count and the total.",
            ),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2026.csv", zone="North", months=q.Q1_26, col="lunches"
                ),
                "75611",
            ),
            T(ANALYST, "12 rows (four schools, three months); 75,611 lunches."),
            ask(
                REVIEWER,
                "Check before it goes out: North zone lunches in Q1 2026 = 75,611, from "
                "meals_2026.csv, 12 rows.",
            ),
            T(
                REVIEWER,
                "Twelve rows fits four schools over three months, and it is the 2026 file. "
                "Approved: 75,611.",
            ),
            T(LEAD, "North zone schools served 75,611 lunches in Q1 2026."),
        ],
        answer="75,611",
        expect="75,611",
    ),
]
