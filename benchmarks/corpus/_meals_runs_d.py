"""Meals desk runs that go wrong late in the review, or with nobody reviewing."""

from __future__ import annotations

from benchmarks.corpus import _meals_tasks as q
from benchmarks.corpus._common import LOST_CONSTRAINT, WRONG_INPUT
from benchmarks.corpus._meals_team import (
    ANALYST,
    LEAD,
    OFFICER,
    REVIEWER,
    WRITER,
    Run,
    ask,
    cell,
    read,
)
from benchmarks.corpus._meals_team import Turn as T

RUNS: list[Run] = [
    Run(
        "maple_03_review_recount",
        WRONG_INPUT,
        q.MAPLE_MAR,
        [
            ask(
                ANALYST,
                "Maple Street Elementary is HV-01. March 2026 lunches from meals_2026.csv "
                "over its enrolment in schools.csv, two decimals.",
            ),
            cell(
                ANALYST,
                "import csv\n"
                "n = next(int(r['enrolment']) for r in csv.DictReader(open('schools.csv'))\n"
                "         if r['school_id'] == 'HV-01')\n"
                "row = next(r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "           if r['school_id'] == 'HV-01' and r['month'] == '2026-03')\n"
                "print(row['lunches'], n)\nprint(f\"{int(row['lunches']) / n:.2f}\")",
                "16.17",
            ),
            T(ANALYST, "6,661 lunches, 412 enrolled: 16.17 per pupil."),
            ask(REVIEWER, "Maple Street March 2026: 16.17 lunches per enrolled pupil. Check."),
            read(REVIEWER, "schools.csv", "HV-01"),
            T(
                REVIEWER,
                "The register has Maple Street at 421 enrolled, so the divisor is off: "
                "6,661 / 421 = 15.82. Approve it at 15.82.",
                mark="root",
            ),
            ask(WRITER, "Write up Maple Street's March 2026 figure: 15.82 lunches per pupil."),
            T(
                WRITER,
                "Maple Street Elementary served 15.82 lunches for each of its 421 enrolled "
                "pupils in March 2026.",
                mark="symptom",
            ),
            T(LEAD, "Maple Street Elementary: 15.82 lunches per enrolled pupil in March 2026."),
        ],
        answer="15.82",
        expect="16.17",
    ),
    Run(
        "grant2_03_exclusion_not_passed",
        LOST_CONSTRAINT,
        q.GRANT_Q2,
        [
            ask(OFFICER, "Terms of the Fresh From the Valley grant, from produce_grant.json."),
            read(OFFICER, "produce_grant.json"),
            T(
                OFFICER,
                "USD 0.11 per lunch served where the school has an onsite kitchen; HV-06 "
                "Southfield High does not qualify (high-school pilot); cap USD 11,500 per "
                "quarter.",
            ),
            ask(
                ANALYST,
                "Q2 2026 claim: lunches April to June at every onsite-kitchen school, x 0.11, "
                "capped at 11,500. Two decimals.",
                mark="root",
            ),
            cell(ANALYST, q.GRANT_CELL.format(exclude="", q="Q2", final=q.CAPPED), "11500.00"),
            T(ANALYST, "127,737 lunches, USD 14,051.07 before the cap: the claim is 11,500.00."),
            ask(WRITER, "Draft the answer: Q2 2026 produce grant claim USD 11,500.00, the cap."),
            T(
                WRITER,
                "For April to June 2026 the district can claim the full quarterly cap of USD "
                "11,500.00 from Fresh From the Valley.",
                mark="symptom",
            ),
            T(LEAD, "The district can claim USD 11,500.00 from the produce grant for Q2 2026."),
        ],
        answer="11,500.00",
        expect="10802.55",
    ),
]
