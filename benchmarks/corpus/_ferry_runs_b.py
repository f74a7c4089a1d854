"""Ferry desk runs that go wrong in the plan or on an unfounded assumption."""

from __future__ import annotations

from benchmarks.corpus import _ferry_tasks as q
from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT
from benchmarks.corpus._ferry_runs_a import RELIABILITY, V3_MARCH
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

RUNS: list[Run] = [
    Run(
        "rel_02_mainland_only",
        BAD_SPLIT,
        q.NORTH_REL,
        [
            to(
                RECORDS,
                "April 2026 rows for the north region's mainland routes, R1 and R2. The "
                "Skerrow - Fennick link runs under its own inter-island contract, so leave it "
                "aside.",
                mark="root",
            ),
            read(RECORDS, "sailings_2026.csv", "2026-04"),
            back(
                RECORDS,
                "April 2026: R1 240 scheduled, 235 operated; R2 120 scheduled, 119 operated.",
            ),
            to(ANALYST, "Operated over scheduled for R1 and R2 in April, percent, one decimal."),
            cell(ANALYST, RELIABILITY.format(routes="('R1', 'R2')"), "98.3"),
            back(ANALYST, "354 of 360 scheduled sailings operated: 98.3%."),
            check("North region reliability, April 2026: 354 of 360 = 98.3%. Please verify."),
            T(
                CHECKER,
                "354 / 360 = 98.3% and both rows agree with the file. Approved.",
                mark="symptom",
            ),
            final("98.3% of the north region's scheduled sailings operated in April 2026."),
        ],
        answer="98.3",
        expect="97.3",
    ),
    Run(
        "fuelpax_01_core_network",
        BAD_SPLIT,
        q.FUEL_PAX,
        [
            to(
                ANALYST,
                "Q2 2026 fuel cost per passenger. Work it on the core network: leave out MV "
                "Calloway (V5) and her summer route R5, which only started in April and would "
                "skew the quarter. Cost from fuel_2026.csv over passengers from "
                "sailings_2026.csv.",
                mark="root",
            ),
            cell(
                ANALYST,
                q.FUEL_PAX_CELL.format(
                    vessel=" and r['vessel_id'] != 'V5'", route=" and r['route_id'] != 'R5'"
                ),
                "1.87",
            ),
            back(
                ANALYST,
                "Core network, Q2 2026: EUR 823,836.59 of fuel over 440,519 passengers, EUR "
                "1.87 per passenger.",
            ),
            check("Fuel cost per passenger, Q2 2026: EUR 823,836.59 / 440,519 = EUR 1.87."),
            cell(
                CHECKER,
                q.FUEL_PAX_CELL.format(
                    vessel=" and r['vessel_id'] != 'V5'", route=" and r['route_id'] != 'R5'"
                ),
                "1.87",
            ),
            T(CHECKER, "My rerun gives the same EUR 1.87. Approved.", mark="symptom"),
            final("The fleet's fuel cost per passenger in Q2 2026 was EUR 1.87."),
        ],
        answer="1.87",
        expect="1.98",
    ),
    Run(
        "wx_01_five_months",
        BAD_SPLIT,
        q.WX_H1,
        [
            to(
                RECORDS,
                "Weather cancellations on the year-round routes (all but R5). I need the 2026 "
                "sailings for January, February, March, April and May.",
                mark="root",
            ),
            read(RECORDS, "sailings_2026.csv"),
            back(
                RECORDS,
                "The 2026 file has cancelled_weather per route and month; R5 is the "
                "summer-only route and starts in April.",
            ),
            to(ANALYST, "Sum cancelled_weather over 2026-01 to 2026-05 for R1, R2, R3, R4, R6."),
            cell(
                ANALYST,
                q.SUM_CELL.format(
                    file="sailings_2026.csv",
                    routes="('R1', 'R2', 'R3', 'R4', 'R6')",
                    months="('2026-01', '2026-02', '2026-03', '2026-04', '2026-05')",
                    col="cancelled_weather",
                ),
                "148",
            ),
            back(ANALYST, "25 rows; 148 weather cancellations."),
            to(WRITER, "Weather cancellations, year-round routes, first half of 2026: 148."),
            back(
                WRITER,
                "Skerrow Ferries cancelled 148 sailings for weather on its year-round routes "
                "in the first half of 2026, most of them in the winter months.",
                mark="symptom",
            ),
            final(
                "148 sailings were cancelled for weather on the year-round routes in the first "
                "half of 2026."
            ),
        ],
        answer="148",
        expect="168",
    ),
    Run(
        "nm_02_one_roster",
        BAD_ASSUMPTION,
        q.FENNICK_NM,
        [
            to(EXPERT, "Which routes did MV Fennick Isle work in March 2026, and how long?"),
            read(EXPERT, "routes.csv"),
            back(
                EXPERT,
                "MV Fennick Isle is the Ardlea - Inchmore boat, R3, 4.8 nm a crossing; that "
                "is her roster.",
                mark="root",
            ),
            to(
                ANALYST,
                "V3 on R3 in March 2026: operated sailings x 4.8 nm, and V3's March litres "
                "from fuel_2026.csv. Litres per nm, two decimals.",
            ),
            cell(
                ANALYST,
                q.NM_CELL.format(only=" and r['route_id'] == 'R3'", litres=V3_MARCH.format(v="V3")),
                "47.93",
            ),
            back(ANALYST, "303 sailings x 4.8 = 1,454.4 nm; 69,716 litres / 1,454.4 = 47.93."),
            check("Fennick Isle, March 2026: 69,716 l over 1,454.4 nm = 47.93 l/nm."),
            T(
                CHECKER,
                "The litres match fuel_2026.csv and the R3 count is right. 47.93 is heavy for "
                "a 180-passenger ship, but she is the oldest hull in the fleet. Approved.",
                mark="symptom",
            ),
            final("MV Fennick Isle burned 47.93 litres per nautical mile in March 2026."),
        ],
        answer="47.93",
        expect="30.05",
    ),
    Run(
        "sub_02_exclusion_from_april",
        BAD_ASSUMPTION,
        q.SUB_Q1,
        [
            to(EXPERT, "Terms of the lifeline scheme for Q1 2026: rate, eligible routes, cap."),
            read(EXPERT, "lifeline_subsidy.json"),
            back(
                EXPERT,
                "EUR 48.50 per operated sailing on lifeline routes, EUR 93,000 quarterly cap. "
                "R6 is excluded because of the inter-island contract; that contract took over "
                "in April, so for Q1 R6 still counts alongside R1, R2 and R3.",
                mark="root",
            ),
            to(ANALYST, "Q1 2026 claim: operated sailings on R1, R2, R3, R6 at EUR 48.50, capped."),
            cell(ANALYST, q.SUBSIDY_CELL.format(exclude="", q="Q1", due=q.CAPPED), "93000.00"),
            back(
                ANALYST,
                "2,212 operated sailings x EUR 48.50 = EUR 107,282.00; the cap brings it to "
                "EUR 93,000.00.",
            ),
            check("Q1 lifeline claim EUR 93,000.00 (capped from EUR 107,282.00; R1, R2, R3, R6)."),
            T(
                CHECKER,
                "The count and the product are right and the cap applies. Approved: EUR 93,000.00.",
                mark="symptom",
            ),
            final("Skerrow Ferries can claim EUR 93,000.00 for Q1 2026 (the quarterly cap)."),
        ],
        answer="93,000.00",
        expect="91,471.00",
    ),
    Run(
        "load_02_resailed",
        BAD_ASSUMPTION,
        q.R1_LOAD,
        [
            to(RECORDS, "The R1 row for February 2026, please."),
            read(RECORDS, "sailings_2026.csv", "2026-02,R1"),
            back(RECORDS, "R1, February 2026: 224 scheduled, 208 operated, 24,118 passengers."),
            to(ANALYST, "Average passengers per operated sailing on R1 in February, one decimal."),
            cell(
                ANALYST,
                "sched, op, pax = 224, 208, 24118\n"
                "# R1 re-runs a cancelled crossing later the same day\n"
                "print(f'{pax / sched:.1f}')",
                "107.7",
                mark="root",
            ),
            back(
                ANALYST,
                "R1 re-runs a cancelled crossing later the same day, so all 224 departures "
                "carried people: 24,118 / 224 = 107.7.",
            ),
            check("R1, February 2026: 107.7 passengers per sailing (24,118 over 224). Check."),
            T(CHECKER, "The division is right. Approved, 107.7.", mark="symptom"),
            final(
                "Portnahaven - Skerrow carried 107.7 passengers per operated sailing in February "
                "2026."
            ),
        ],
        answer="107.7",
        expect="116.0",
    ),
]
