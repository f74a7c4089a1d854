"""Ferry desk runs with a printed figure restated wrongly, figures from nowhere, and a
constraint of the question lost in a brief."""

from __future__ import annotations

from benchmarks.corpus import _ferry_tasks as q
from benchmarks.corpus._common import LOST_CONSTRAINT, MADE_UP, MISREPORTED
from benchmarks.corpus._ferry_runs_c import R2_Q1
from benchmarks.corpus._ferry_team import (
    ANALYST,
    CHECKER,
    EXPERT,
    RECORDS,
    WRITER,
    Run,
    back,
    cell,
    check,
    final,
    read,
    to,
)
from benchmarks.corpus._ferry_team import Turn as T

ALL_Q2 = {"vessel": "", "route": ""}

RUNS: list[Run] = [
    Run(
        "r2pax_03_digits_swapped",
        MISREPORTED,
        q.R2_PAX,
        [
            to(ANALYST, "Sum R2's passengers for January to March 2026, sailings_2026.csv."),
            cell(ANALYST, q.SUM_CELL.format(col="passengers", **R2_Q1), "81126"),
            back(ANALYST, "3 rows; 81,162 passengers in the quarter.", mark="root"),
            check("R2 Portnahaven - Inchmore, Q1 2026: 81,162 passengers per the analyst."),
            T(
                CHECKER,
                "Three monthly rows and a quarter in the low 80,000s is consistent with the "
                "winter timetable. Approved at 81,162.",
                mark="symptom",
            ),
            final("The Portnahaven - Inchmore route carried 81,162 passengers in Q1 2026."),
        ],
        answer="81,162",
        expect="81,126",
    ),
    Run(
        "fuelpax_03_relayed_189",
        MISREPORTED,
        q.FUEL_PAX,
        [
            to(ANALYST, "Fleet fuel cost per passenger in Q2 2026, every vessel and route."),
            cell(ANALYST, q.FUEL_PAX_CELL.format(**ALL_Q2), "1.98"),
            back(
                ANALYST,
                "EUR 1,078,099.12 of fuel over 545,055 passengers: EUR 1.98 per passenger.",
            ),
            check("Fuel cost per passenger, Q2 2026: EUR 1.98. Please check."),
            cell(CHECKER, q.FUEL_PAX_CELL.format(**ALL_Q2), "1.98"),
            T(CHECKER, "My rerun agrees, EUR 1.98. Approved."),
            to(
                WRITER,
                "Write up: the fleet's fuel cost per passenger in Q2 2026 was EUR 1.89, checked.",
                mark="root",
            ),
            back(
                WRITER,
                "In Q2 2026 the fleet spent EUR 1.89 on fuel for every passenger carried, a "
                "figure checked against the fuel and sailings files.",
                mark="symptom",
            ),
            final("The fleet's fuel cost per passenger in Q2 2026 was EUR 1.89."),
        ],
        answer="1.89",
        expect="1.98",
    ),
    Run(
        "sub_04_first_line_read",
        MISREPORTED,
        q.SUB_Q2,
        [
            to(EXPERT, "What are the lifeline scheme's terms?"),
            read(EXPERT, "lifeline_subsidy.json"),
            back(
                EXPERT,
                "EUR 48.50 per operated sailing on lifeline routes (R6 excluded), at most EUR "
                "93,000 a quarter.",
            ),
            to(ANALYST, "The Q2 2026 claim on those terms, please."),
            cell(
                ANALYST, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q2", due=q.CAPPED), "93000.00"
            ),
            back(
                ANALYST,
                "R1, R2 and R3 operated 1,968 sailings in Q2; the claim comes to EUR 95,448.00.",
                mark="root",
            ),
            check("Q2 2026 lifeline claim EUR 95,448.00 (1,968 sailings at EUR 48.50)."),
            T(CHECKER, "1,968 x 48.50 = 95,448.00, correct. Approved.", mark="symptom"),
            final("Skerrow Ferries can claim EUR 95,448.00 for Q2 2026 under the lifeline scheme."),
        ],
        answer="95,448.00",
        expect="93,000.00",
    ),
    Run(
        "veh_03_last_years_return",
        MADE_UP,
        q.R4_VEH,
        [
            to(RECORDS, "R4 vehicles, May 2025 and May 2026."),
            read(RECORDS, "sailings_2026.csv", "2026-05,R4"),
            back(
                RECORDS,
                "May 2026: 8,224 vehicles on R4. May 2025 was 9,870, per last year's traffic "
                "return.",
                mark="root",
            ),
            to(ANALYST, "Change from 9,870 to 8,224 vehicles, percent, one decimal with sign."),
            cell(
                ANALYST, "old, new = 9870, 8224\nprint(f'{(new - old) / old * 100:+.1f}')", "-16.7"
            ),
            back(ANALYST, "-16.7%."),
            check("R4 vehicles May 2025 9,870 to May 2026 8,224: -16.7%. Check."),
            T(CHECKER, "The percentage is computed correctly. Approved, -16.7%.", mark="symptom"),
            final("Vehicles on Ardlea - Fennick changed by -16.7% from May 2025 to May 2026."),
        ],
        answer="-16.7",
        expect="-18.1",
    ),
    Run(
        "wx_03_ops_log",
        MADE_UP,
        q.WX_H1,
        [
            to(RECORDS, "Weather cancellations January to June 2026, by year-round route."),
            back(
                RECORDS,
                "Weather cancellations, January to June 2026: R1 30, R2 25, R3 23, R4 44, "
                "R6 37. R5 left out as summer-only.",
                mark="root",
            ),
            to(ANALYST, "Add those up: 30, 25, 23, 44 and 37."),
            cell(ANALYST, "print(sum([30, 25, 23, 44, 37]))", "159"),
            back(ANALYST, "159 in all."),
            to(WRITER, "Write-up please: 159 weather cancellations, year-round routes, H1 2026."),
            back(
                WRITER,
                "Between January and June 2026, 159 sailings on Skerrow Ferries' year-round "
                "routes were cancelled because of the weather.",
                mark="symptom",
            ),
            final("159 sailings were cancelled for weather on the year-round routes in H1 2026."),
        ],
        answer="159",
        expect="168",
    ),
    Run(
        "sub_05_cap_left_out",
        LOST_CONSTRAINT,
        q.SUB_Q2,
        [
            to(EXPERT, "Lifeline scheme terms, please: rate, routes, any limits."),
            read(EXPERT, "lifeline_subsidy.json"),
            back(
                EXPERT,
                "EUR 48.50 per operated sailing on R1, R2 and R3 (R6 is excluded), with a "
                "EUR 93,000 cap each quarter.",
            ),
            to(
                ANALYST,
                "Q2 2026: operated sailings on R1, R2 and R3 times EUR 48.50.",
                mark="root",
            ),
            cell(
                ANALYST, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q2", due="claim"), "95448.00"
            ),
            back(ANALYST, "1,968 operated sailings x EUR 48.50 = EUR 95,448.00."),
            check("Q2 2026 lifeline claim: EUR 95,448.00. Please check."),
            T(
                CHECKER,
                "Routes, count and rate match the scheme file. Approved, EUR 95,448.00.",
                mark="symptom",
            ),
            final("Skerrow Ferries can claim EUR 95,448.00 for Q2 2026 under the lifeline scheme."),
        ],
        answer="95,448.00",
        expect="93,000.00",
    ),
    Run(
        "fuelh1_02_whole_fleet",
        LOST_CONSTRAINT,
        q.FUEL_H1,
        [
            to(
                ANALYST,
                "Total litres in fuel_2026.csv for January to June 2026, every vessel.",
                mark="root",
            ),
            cell(ANALYST, q.FUEL_H1_CELL.format(test="True"), "1901280"),
            back(ANALYST, "27 rows, 1,901,280 litres."),
            to(WRITER, "Write up: fleet fuel burn in H1 2026 was 1,901,280 litres."),
            back(
                WRITER,
                "The fleet burned 1,901,280 litres of fuel between January and June 2026.",
                mark="symptom",
            ),
            final("The fleet burned 1,901,280 litres of fuel in the first half of 2026."),
        ],
        answer="1,901,280",
        expect="1,644,558",
    ),
]
