"""Ferry desk runs that go wrong upstream: a misread or misrelayed figure, a wrong file or row."""

from __future__ import annotations

from benchmarks.corpus import _ferry_tasks as q
from benchmarks.corpus._common import WRONG_INPUT, WRONG_SOURCE
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

RELIABILITY = """
import csv
rows = [r for r in csv.DictReader(open('sailings_2026.csv'))
        if r['month'] == '2026-04' and r['route_id'] in {routes}]
sched = sum(int(r['scheduled']) for r in rows)
op = sum(int(r['operated']) for r in rows)
print(op, 'of', sched)
print(f'{{op / sched * 100:.1f}}')
"""
V3_MARCH = (
    "next(float(r['litres']) for r in csv.DictReader(open('fuel_2026.csv'))\n"
    "              if r['month'] == '2026-03' and r['vessel_id'] == '{v}')"
)

RUNS: list[Run] = [
    Run(
        "r2pax_01_february_digits",
        WRONG_INPUT,
        q.R2_PAX,
        [
            to(
                RECORDS,
                "Records first: the Portnahaven - Inchmore rows (R2) for January to March "
                "2026 from sailings_2026.csv, passengers please. I'll have them totalled after.",
            ),
            read(RECORDS, "sailings_2026.csv", ",R2,"),
            back(
                RECORDS,
                "R2 is worked by MV Inchmore. Passengers carried: 2026-01 24,956; 2026-02 "
                "29,669; 2026-03 29,201.",
                mark="root",
            ),
            to(
                ANALYST,
                "Add up the three monthly passenger counts the records officer gave for R2: "
                "24,956, 29,669 and 29,201.",
            ),
            cell(ANALYST, "jan, feb, mar = 24956, 29669, 29201\nprint(jan + feb + mar)", "83826"),
            back(ANALYST, "The three months come to 83,826 passengers."),
            check(
                "R2 Portnahaven - Inchmore, Q1 2026 passengers: 24,956 + 29,669 + 29,201 = "
                "83,826. Please check before it goes out."
            ),
            T(
                CHECKER,
                "The three figures add to 83,826 and February and March both up on January "
                "fits the run into spring. Approved: 83,826.",
                mark="symptom",
            ),
            final("The Portnahaven - Inchmore route carried 83,826 passengers in Q1 2026."),
        ],
        answer="83,826",
        expect="81,126",
    ),
    Run(
        "rel_01_checker_rereads_r2",
        WRONG_INPUT,
        q.NORTH_REL,
        [
            to(RECORDS, "Which routes make up the north region, and their April 2026 rows?"),
            read(RECORDS, "routes.csv"),
            read(RECORDS, "sailings_2026.csv", "2026-04"),
            back(
                RECORDS,
                "North region: R1, R2 and R6. April 2026, scheduled / operated: R1 240 / 235, "
                "R2 120 / 119, R6 120 / 113.",
            ),
            to(ANALYST, "Operated over scheduled for R1, R2 and R6 in April 2026, percent."),
            cell(ANALYST, RELIABILITY.format(routes="('R1', 'R2', 'R6')"), "97.3"),
            back(ANALYST, "467 of 480 scheduled sailings operated, 97.3%."),
            check("North region, April 2026: 467 operated of 480 scheduled = 97.3%. Verify."),
            read(CHECKER, "sailings_2026.csv", "2026-04,R2"),
            T(
                CHECKER,
                "Re-read R2 for April: 120 scheduled, 109 operated, not 119. The north total "
                "is therefore 457 of 480, which is 95.2%. Go with 95.2%.",
                mark="root",
            ),
            to(
                WRITER,
                "Please write it up: north region operated 457 of 480 scheduled sailings in "
                "April 2026, 95.2%, as corrected by the checker.",
            ),
            back(
                WRITER,
                "In April 2026 the north region's routes (R1, R2 and R6) operated 457 of their "
                "480 scheduled sailings, a reliability of 95.2%.",
                mark="symptom",
            ),
            final("95.2% of the north region's scheduled sailings operated in April 2026."),
        ],
        answer="95.2",
        expect="97.3",
    ),
    Run(
        "sub_01_rate_misquoted",
        WRONG_INPUT,
        q.SUB_Q1,
        [
            to(EXPERT, "What does the lifeline scheme pay and on which routes? Counting next."),
            read(EXPERT, "lifeline_subsidy.json"),
            read(EXPERT, "routes.csv"),
            back(
                EXPERT,
                "The scheme pays EUR 45.80 per operated sailing on lifeline routes, with a "
                "EUR 93,000 cap a quarter. Lifeline routes are R1, R2, R3 and R6, but R6 is "
                "excluded (separate inter-island contract), so R1, R2 and R3 count.",
                mark="root",
            ),
            to(
                ANALYST,
                "Count Q1 2026 operated sailings on R1, R2 and R3, multiply by EUR 45.80 and "
                "apply the EUR 93,000 quarterly cap.",
            ),
            cell(
                ANALYST,
                "import csv\nq1 = ('2026-01', '2026-02', '2026-03')\n"
                "n = sum(int(r['operated']) for r in csv.DictReader(open('sailings_2026.csv'))\n"
                "        if r['month'] in q1 and r['route_id'] in ('R1', 'R2', 'R3'))\n"
                "claim = n * 45.8\nprint(n, round(claim, 2))\nprint(f'{min(claim, 93000):.2f}')",
                "86378.80",
            ),
            back(ANALYST, "1,886 operated sailings; 1,886 x 45.80 = EUR 86,378.80, under the cap."),
            check(
                "Q1 2026 lifeline claim: 1,886 sailings x EUR 45.80 = EUR 86,378.80, below "
                "the EUR 93,000 cap. Please check."
            ),
            cell(
                CHECKER,
                "import csv\nprint(sum(int(r['operated']) for r in "
                "csv.DictReader(open('sailings_2026.csv'))\n"
                "          if r['month'] < '2026-04' and r['route_id'] in ('R1', 'R2', 'R3')))",
                "1886",
            ),
            T(
                CHECKER,
                "Recounted 1,886 operated sailings on R1 to R3 for January to March; the "
                "product and the cap test hold. Approved.",
                mark="symptom",
            ),
            final(
                "Skerrow Ferries can claim EUR 86,378.80 for Q1 2026 under the Island Lifeline "
                "Sailings Support scheme."
            ),
        ],
        answer="86,378.80",
        expect="91,471.00",
    ),
    Run(
        "load_01_brief_228",
        WRONG_INPUT,
        q.R1_LOAD,
        [
            to(RECORDS, "Portnahaven - Skerrow (R1), February 2026: passengers and operated."),
            read(RECORDS, "sailings_2026.csv", "2026-02,R1"),
            back(
                RECORDS,
                "R1 in February 2026: 224 scheduled, 208 operated (12 weather and 4 technical "
                "cancellations), 24,118 passengers, 5,014 vehicles.",
            ),
            to(
                ANALYST,
                "Passengers per operated sailing on R1 for February: 24,118 passengers over "
                "228 operated sailings, to one decimal.",
                mark="root",
            ),
            cell(ANALYST, "print(f'{24118 / 228:.1f}')", "105.8"),
            back(ANALYST, "24,118 / 228 = 105.8 passengers per operated sailing."),
            to(WRITER, "Draft the answer: R1, February 2026, 105.8 per operated sailing."),
            back(
                WRITER,
                "Portnahaven - Skerrow averaged 105.8 passengers per operated sailing in "
                "February 2026, a usual winter load for MV Skerry Lass.",
                mark="symptom",
            ),
            final(
                "Portnahaven - Skerrow carried 105.8 passengers per operated sailing on average "
                "in February 2026."
            ),
        ],
        answer="105.8",
        expect="116.0",
    ),
    Run(
        "veh_01_june_row",
        WRONG_SOURCE,
        q.R4_VEH,
        [
            to(RECORDS, "Ardlea - Fennick vehicles for May 2025 and May 2026, both files."),
            read(RECORDS, "sailings_2026.csv", "2026-05,R4"),
            read(RECORDS, "sailings_2025.csv", "2025-06,R4", mark="root"),
            back(
                RECORDS,
                "Ardlea - Fennick (R4): 8,224 vehicles in May 2026 against 9,168 a year earlier.",
            ),
            to(
                ANALYST,
                "Percentage change in R4 vehicles from 9,168 (May 2025) to 8,224 (May 2026), "
                "one decimal with sign.",
            ),
            cell(
                ANALYST, "old, new = 9168, 8224\nprint(f'{(new - old) / old * 100:+.1f}')", "-10.3"
            ),
            back(ANALYST, "Vehicles fell by 10.3%: -10.3."),
            check("R4 vehicles, May 2025 9,168 to May 2026 8,224: -10.3%. Check, please."),
            T(
                CHECKER,
                "(8,224 - 9,168) / 9,168 = -10.3%, the arithmetic holds. Approved.",
                mark="symptom",
            ),
            final(
                "Vehicles carried on Ardlea - Fennick changed by -10.3% from May 2025 to May 2026."
            ),
        ],
        answer="-10.3",
        expect="-18.1",
    ),
    Run(
        "rev_01_last_years_fares",
        WRONG_SOURCE,
        q.R4_REV,
        [
            to(EXPERT, "Which single fares apply on Ardlea - Fennick, adult and car?"),
            read(EXPERT, "tariffs_2025.json", mark="root"),
            back(EXPERT, "Ardlea - Fennick (R4) single fares: adult EUR 9.20, car EUR 31.50."),
            to(RECORDS, "R4's June 2026 passengers and vehicles, please."),
            read(RECORDS, "sailings_2026.csv", "2026-06,R4"),
            back(
                RECORDS,
                "R4, June 2026: 40,691 passengers and 7,580 vehicles on 173 operated sailings.",
            ),
            to(
                ANALYST,
                "June 2026 fare revenue for R4: 40,691 passengers at EUR 9.20 plus 7,580 "
                "vehicles at EUR 31.50.",
            ),
            cell(
                ANALYST,
                "pax, cars = 40691, 7580\nprint(f'{pax * 9.20 + cars * 31.50:.2f}')",
                "613127.20",
            ),
            back(ANALYST, "EUR 613,127.20 (passengers EUR 374,357.20, vehicles EUR 238,770.00)."),
            check("R4 June 2026 revenue EUR 613,127.20 at adult 9.20 and car 31.50. Review."),
            T(
                CHECKER,
                "Both products and the sum are right. Approved at EUR 613,127.20.",
                mark="symptom",
            ),
            final("Ardlea - Fennick took EUR 613,127.20 in fares in June 2026."),
        ],
        answer="613,127.20",
        expect="640,773.60",
    ),
    Run(
        "nm_01_ardlea_fuel_row",
        WRONG_SOURCE,
        q.FENNICK_NM,
        [
            to(
                ANALYST,
                "MV Fennick Isle (V3), March 2026: litres from fuel_2026.csv over nautical "
                "miles sailed (operated sailings x route distance, every route she worked).",
            ),
            cell(
                ANALYST,
                q.NM_CELL.format(only="", litres=V3_MARCH.format(v="V4")),
                "32.36",
                mark="root",
            ),
            back(
                ANALYST,
                "V3 worked R3 and R6 in March, 2,320.2 nm. 75,082 litres / 2,320.2 nm = 32.36 "
                "litres per nm.",
            ),
            check("MV Fennick Isle, March 2026: 75,082 l over 2,320.2 nm = 32.36 l/nm. Check."),
            read(CHECKER, "routes.csv"),
            T(
                CHECKER,
                "Distances are right (R3 4.8 nm, R6 7.4 nm) and 303 x 4.8 + 117 x 7.4 = "
                "2,320.2 nm. Approved, 32.36 litres per nautical mile.",
                mark="symptom",
            ),
            final("MV Fennick Isle burned 32.36 litres of fuel per nautical mile in March 2026."),
        ],
        answer="32.36",
        expect="30.05",
    ),
]
