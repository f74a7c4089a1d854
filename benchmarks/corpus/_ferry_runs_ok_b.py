"""More ferry desk runs that go right: near misses caught by the checker or fixed at once."""

from __future__ import annotations

from benchmarks.corpus import _ferry_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._ferry_runs_a import RELIABILITY, V3_MARCH
from benchmarks.corpus._ferry_runs_c import R2_Q1, REVENUE
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
        "ok_rev_fares_year_caught",
        HEALTHY,
        q.R4_REV,
        [
            to(EXPERT, "R4 single fares, adult and car?"),
            read(EXPERT, "tariffs_2025.json"),
            back(EXPERT, "R4 fares: adult EUR 9.20, car EUR 31.50."),
            check("R4 fares adult 9.20 and car 31.50 for June 2026 revenue: right table?"),
            read(CHECKER, "tariffs_2026.json"),
            T(
                CHECKER,
                "Those are the 2025 fares. tariffs_2026.json has R4 at adult EUR 9.60, car "
                "EUR 33.00; use those.",
            ),
            to(ANALYST, "R4 June 2026 revenue from the file, 2026 fares (9.60 / 33.00)."),
            cell(ANALYST, REVENUE.format(a="adult", b="car"), "640773.60"),
            back(ANALYST, "40,691 passengers and 7,580 vehicles: EUR 640,773.60."),
            final("Ardlea - Fennick took EUR 640,773.60 in fares in June 2026."),
        ],
        answer="640,773.60",
        expect="640,773.60",
    ),
    Run(
        "ok_load_operated_base",
        HEALTHY,
        q.R1_LOAD,
        [
            to(RECORDS, "R1, February 2026: passengers and operated sailings."),
            read(RECORDS, "sailings_2026.csv", "2026-02,R1"),
            back(RECORDS, "R1 February 2026: 208 operated of 224 scheduled; 24,118 passengers."),
            to(ANALYST, "24,118 passengers over 208 operated sailings, one decimal."),
            cell(ANALYST, "print(f'{24118 / 208:.1f}')", "116.0"),
            back(ANALYST, "116.0 passengers per operated sailing."),
            final(
                "Portnahaven - Skerrow carried 116.0 passengers per operated sailing in "
                "February 2026."
            ),
        ],
        answer="116.0",
        expect="116.0",
    ),
    Run(
        "ok_fuelh1_register",
        HEALTHY,
        q.FUEL_H1,
        [
            to(EXPERT, "Did any vessel enter service in 2026?"),
            read(EXPERT, "vessels.csv"),
            back(EXPERT, "Yes: MV Calloway (V5), entered service 2026. The others are older."),
            to(ANALYST, "Fleet fuel litres H1 2026 from fuel_2026.csv without V5."),
            cell(ANALYST, q.FUEL_H1_CELL.format(test="r['entered_service'] != '2026'"), "1644558"),
            back(ANALYST, "V1 to V4, 24 rows: 1,644,558 litres."),
            check("H1 2026 fuel without MV Calloway: 1,644,558 litres."),
            T(CHECKER, "Entry year test is on the register and V5's rows are out. Approved."),
            final("Leaving out MV Calloway, the fleet burned 1,644,558 litres in H1 2026."),
        ],
        answer="1,644,558",
        expect="1,644,558",
    ),
    Run(
        "ok_r2pax_text_fixed",
        HEALTHY,
        q.R2_PAX,
        [
            to(ANALYST, "R2 passengers, January to March 2026, from sailings_2026.csv."),
            cell(
                ANALYST,
                "import csv\nrows = [r for r in csv.DictReader(open('sailings_2026.csv'))\n"
                "        if r['route_id'] == 'R2' and r['month'] < '2026-04']\n"
                "print(sum(r['passengers'] for r in rows))",
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            cell(ANALYST, q.SUM_CELL.format(col="passengers", **R2_Q1), "81126"),
            back(ANALYST, "The counts are text in the CSV; converted, 3 rows give 81,126."),
            check("R2 Q1 2026 passengers 81,126."),
            T(CHECKER, "Approved, 81,126."),
            final("The Portnahaven - Inchmore route carried 81,126 passengers in Q1 2026."),
        ],
        answer="81,126",
        expect="81,126",
    ),
    Run(
        "ok_rel_writer_redone",
        HEALTHY,
        q.NORTH_REL,
        [
            to(ANALYST, "North region routes are R1, R2, R6: April 2026 operated over scheduled."),
            cell(ANALYST, RELIABILITY.format(routes="('R1', 'R2', 'R6')"), "97.3"),
            back(ANALYST, "467 of 480: 97.3%."),
            to(WRITER, "Write up: north region April 2026 reliability 97.3% (467 of 480)."),
            back(WRITER, "The north region ran about 97% of its April sailings."),
            to(WRITER, "Give the figure to one decimal as asked, please."),
            back(
                WRITER,
                "The north region operated 467 of 480 scheduled sailings in April 2026, 97.3%.",
            ),
            final("97.3% of the north region's scheduled sailings operated in April 2026."),
        ],
        answer="97.3",
        expect="97.3",
    ),
    Run(
        "ok_sub_q1_r6_confirmed",
        HEALTHY,
        q.SUB_Q1,
        [
            to(ANALYST, "Q1 2026 lifeline claim per lifeline_subsidy.json."),
            cell(
                ANALYST, q.SUBSIDY_CELL.format(exclude=q.EXCLUDE, q="Q1", due=q.CAPPED), "91471.00"
            ),
            back(ANALYST, "R1, R2, R3: 1,886 sailings, EUR 91,471.00 (R6 excluded, under cap)."),
            check("Q1 2026 lifeline claim EUR 91,471.00, R6 excluded. Is the R6 exclusion right?"),
            T(CHECKER, "I'd like the superintendent to confirm R6 is out for all of Q1."),
            to(EXPERT, "Is R6 excluded from the lifeline scheme for the whole of Q1 2026?"),
            read(EXPERT, "lifeline_subsidy.json"),
            back(EXPERT, "Yes: excluded_route_ids lists R6 with no start date. Out for Q1."),
            final("Skerrow Ferries can claim EUR 91,471.00 for Q1 2026 under the lifeline scheme."),
        ],
        answer="91,471.00",
        expect="91,471.00",
    ),
    Run(
        "ok_load_checker_sends_back",
        HEALTHY,
        q.R1_LOAD,
        [
            to(ANALYST, "R1 February 2026 passengers per operated sailing, from the file."),
            cell(
                ANALYST,
                "import csv\nr = next(r for r in csv.DictReader(open('sailings_2026.csv'))\n"
                "         if r['month'] == '2026-02' and r['route_id'] == 'R1')\n"
                "print(f\"{int(r['passengers']) / int(r['scheduled']):.1f}\")",
                "107.7",
            ),
            back(ANALYST, "107.7 passengers per sailing."),
            check("R1 February 2026: 107.7 per sailing. Check the base."),
            T(CHECKER, "That divides by scheduled (224); the question is per operated (208)."),
            to(ANALYST, "Redo it over operated sailings."),
            cell(
                ANALYST,
                "import csv\nr = next(r for r in csv.DictReader(open('sailings_2026.csv'))\n"
                "         if r['month'] == '2026-02' and r['route_id'] == 'R1')\n"
                "print(f\"{int(r['passengers']) / int(r['operated']):.1f}\")",
                "116.0",
            ),
            back(ANALYST, "Over operated sailings: 116.0."),
            final(
                "Portnahaven - Skerrow carried 116.0 passengers per operated sailing in "
                "February 2026."
            ),
        ],
        answer="116.0",
        expect="116.0",
    ),
    Run(
        "ok_nm_second_route_caught",
        HEALTHY,
        q.FENNICK_NM,
        [
            to(RECORDS, "Which routes did V3 work in March 2026?"),
            read(RECORDS, "sailings_2026.csv", "2026-03"),
            back(
                RECORDS, "V3 worked two routes in March: R3 (303 operated) and R6 (117 operated)."
            ),
            to(ANALYST, "V3 March litres over nm on both R3 and R6."),
            cell(ANALYST, q.NM_CELL.format(only="", litres=V3_MARCH.format(v="V3")), "30.05"),
            back(ANALYST, "2,320.2 nm, 69,716 litres: 30.05 l/nm."),
            check("Fennick Isle March 2026: 30.05 l/nm over R3 and R6."),
            T(CHECKER, "Both routes and V3's fuel row used. Approved."),
            final("MV Fennick Isle burned 30.05 litres of fuel per nautical mile in March 2026."),
        ],
        answer="30.05",
        expect="30.05",
    ),
]
