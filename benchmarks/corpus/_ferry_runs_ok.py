"""Ferry desk runs that go right, some straight through, some after a slip caught in time."""

from __future__ import annotations

from benchmarks.corpus import _ferry_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._ferry_runs_a import RELIABILITY, V3_MARCH
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

NM_BAD_KEY = q.NM_CELL.replace("float(r['distance_nm'])", "float(r['distance'])")

RUNS: list[Run] = [
    Run(
        "ok_r2pax_straight",
        HEALTHY,
        q.R2_PAX,
        [
            to(RECORDS, "R2's rows for January to March 2026, passengers please."),
            read(RECORDS, "sailings_2026.csv", ",R2,"),
            back(
                RECORDS,
                "R2 (MV Inchmore), passengers: January 24,956, February 26,969, March 29,201.",
            ),
            to(ANALYST, "Total R2 passengers for Q1 2026 straight from the file."),
            cell(ANALYST, q.SUM_CELL.format(col="passengers", **R2_Q1), "81126"),
            back(ANALYST, "3 rows, 81,126 passengers, which matches the three monthly figures."),
            check("R2 Q1 2026 passengers: 81,126 (24,956 + 26,969 + 29,201). Please check."),
            T(CHECKER, "The three rows add to 81,126. Approved."),
            final("The Portnahaven - Inchmore route carried 81,126 passengers in Q1 2026."),
        ],
        answer="81,126",
        expect="81,126",
    ),
    Run(
        "ok_rel_north_three",
        HEALTHY,
        q.NORTH_REL,
        [
            to(EXPERT, "Which routes are in the north region?"),
            read(EXPERT, "routes.csv"),
            back(EXPERT, "North region: R1, R2 and R6 (Skerrow - Fennick is north as well)."),
            to(ANALYST, "April 2026 reliability for R1, R2, R6: operated over scheduled, percent."),
            cell(ANALYST, RELIABILITY.format(routes="('R1', 'R2', 'R6')"), "97.3"),
            back(ANALYST, "467 of 480 scheduled sailings ran: 97.3%."),
            check("North region April 2026: 467 of 480 = 97.3%."),
            T(CHECKER, "Region list matches routes.csv and the sums match. Approved, 97.3%."),
            final("97.3% of the north region's scheduled sailings operated in April 2026."),
        ],
        answer="97.3",
        expect="97.3",
    ),
    Run(
        "ok_nm_key_fixed",
        HEALTHY,
        q.FENNICK_NM,
        [
            to(ANALYST, "MV Fennick Isle (V3), March 2026: litres per nautical mile sailed."),
            cell(
                ANALYST,
                NM_BAD_KEY.format(only="", litres=V3_MARCH.format(v="V3")),
                "KeyError: 'distance'",
            ),
            cell(ANALYST, q.NM_CELL.format(only="", litres=V3_MARCH.format(v="V3")), "30.05"),
            back(
                ANALYST,
                "The column is distance_nm; with it, V3 sailed 2,320.2 nm on R3 and R6 in "
                "March and burned 69,716 litres: 30.05 litres per nm.",
            ),
            check("Fennick Isle, March 2026: 69,716 l over 2,320.2 nm = 30.05 l/nm."),
            T(CHECKER, "Both routes are in and the fuel row is V3's. Approved, 30.05."),
            final("MV Fennick Isle burned 30.05 litres of fuel per nautical mile in March 2026."),
        ],
        answer="30.05",
        expect="30.05",
    ),
    Run(
        "ok_veh_checked_row",
        HEALTHY,
        q.R4_VEH,
        [
            to(RECORDS, "R4 vehicles, May 2025 and May 2026."),
            read(RECORDS, "sailings_2025.csv", "2025-05,R4"),
            read(RECORDS, "sailings_2026.csv", "2026-05,R4"),
            back(RECORDS, "R4 vehicles: 10,045 in May 2025, 8,224 in May 2026."),
            to(ANALYST, "Change from 10,045 to 8,224 as a percentage of 2025, one decimal."),
            cell(
                ANALYST, "old, new = 10045, 8224\nprint(f'{(new - old) / old * 100:+.1f}')", "-18.1"
            ),
            back(ANALYST, "-18.1%."),
            check("R4 vehicles May 2025 10,045 to May 2026 8,224: -18.1%. Is 10,045 May's?"),
            read(CHECKER, "sailings_2025.csv", "2025-05,R4"),
            T(CHECKER, "Yes, 10,045 is the 2025-05 R4 row. Approved, -18.1%."),
            final("Vehicles on Ardlea - Fennick changed by -18.1% from May 2025 to May 2026."),
        ],
        answer="-18.1",
        expect="-18.1",
    ),
    Run(
        "ok_sub_q1_excluded",
        HEALTHY,
        q.SUB_Q1,
        [
            to(EXPERT, "Lifeline scheme terms for Q1 2026?"),
            read(EXPERT, "lifeline_subsidy.json"),
            back(
                EXPERT,
                "EUR 48.50 per operated sailing on lifeline routes except R6, capped at EUR "
                "93,000 a quarter.",
            ),
            to(ANALYST, "Q1 2026 claim on those terms, cap applied if it binds."),
            cell(
                ANALYST, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q1", due=q.CAPPED), "91471.00"
            ),
            back(
                ANALYST, "1,886 sailings on R1, R2, R3 x EUR 48.50 = EUR 91,471.00, under the cap."
            ),
            check("Q1 2026 lifeline claim EUR 91,471.00."),
            T(CHECKER, "R6 left out, cap not reached. Approved."),
            final("Skerrow Ferries can claim EUR 91,471.00 for Q1 2026 under the lifeline scheme."),
        ],
        answer="91,471.00",
        expect="91,471.00",
    ),
    Run(
        "ok_sub_q2_cap_binds",
        HEALTHY,
        q.SUB_Q2,
        [
            to(ANALYST, "Q2 2026 lifeline claim per lifeline_subsidy.json, exclusions and cap."),
            cell(
                ANALYST, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q2", due=q.CAPPED), "93000.00"
            ),
            back(
                ANALYST,
                "1,968 sailings on R1, R2 and R3 would earn EUR 95,448.00, over the cap, so "
                "the claim is EUR 93,000.00.",
            ),
            check("Q2 2026 lifeline claim EUR 93,000.00 (cap binds; uncapped EUR 95,448.00)."),
            cell(
                CHECKER, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q2", due=q.CAPPED), "93000.00"
            ),
            T(CHECKER, "Same result on rerun. Approved, EUR 93,000.00."),
            to(WRITER, "Write up the Q2 claim: EUR 93,000.00, the quarterly cap."),
            back(
                WRITER,
                "For Q2 2026 Skerrow Ferries can claim EUR 93,000.00, the scheme's quarterly "
                "cap; its 1,968 eligible sailings would otherwise earn EUR 95,448.00.",
            ),
            final("Skerrow Ferries can claim EUR 93,000.00 for Q2 2026 (the quarterly cap)."),
        ],
        answer="93,000.00",
        expect="93,000.00",
    ),
    Run(
        "ok_fuelpax_rerun",
        HEALTHY,
        q.FUEL_PAX,
        [
            to(ANALYST, "Fleet fuel cost per passenger for Q2 2026, all vessels and routes."),
            cell(ANALYST, q.FUEL_PAX_CELL.format(vessel="", route=""), "1.98"),
            back(ANALYST, "EUR 1,078,099.12 over 545,055 passengers: EUR 1.98."),
            check("Q2 2026 fuel cost per passenger EUR 1.98, every vessel including Calloway."),
            cell(CHECKER, q.FUEL_PAX_CELL.format(vessel="", route=""), "1.98"),
            T(CHECKER, "Rerun agrees. Approved, EUR 1.98."),
            final("The fleet's fuel cost per passenger in Q2 2026 was EUR 1.98."),
        ],
        answer="1.98",
        expect="1.98",
    ),
    Run(
        "ok_wx_summer_route_caught",
        HEALTHY,
        q.WX_H1,
        [
            to(ANALYST, "Weather cancellations in H1 2026 on the year-round routes."),
            cell(
                ANALYST,
                q.SUM_CELL.format(
                    file="sailings_2026.csv",
                    routes="('R1', 'R2', 'R3', 'R4', 'R5', 'R6')",
                    months="tuple(f'2026-0{m}' for m in range(1, 7))",
                    col="cancelled_weather",
                ),
                "175",
            ),
            back(ANALYST, "33 rows, 175 weather cancellations."),
            check("H1 2026 weather cancellations on year-round routes: 175."),
            T(CHECKER, "33 rows includes R5, the summer-only route. Take it out and rerun."),
            to(ANALYST, "Rerun without R5, please; the checker says it is summer-only."),
            cell(
                ANALYST,
                q.SUM_CELL.format(
                    file="sailings_2026.csv",
                    routes="('R1', 'R2', 'R3', 'R4', 'R6')",
                    months="tuple(f'2026-0{m}' for m in range(1, 7))",
                    col="cancelled_weather",
                ),
                "168",
            ),
            back(ANALYST, "30 rows without R5: 168."),
            final(
                "168 sailings were cancelled for weather on the year-round routes in the first "
                "half of 2026."
            ),
        ],
        answer="168",
        expect="168",
    ),
]
