"""Bike-share runs whose trouble is reported late, whose result is misreported, or that rest
on made-up figures."""

from __future__ import annotations

from benchmarks.corpus import _bike_tasks as q
from benchmarks.corpus._bike_team import (
    CSV_EXPERT,
    DATA_EXPERT,
    FARES,
    FINANCE,
    FLEET,
    GRANTS,
    MAINTENANCE,
    MOBILITY,
    PYTHON,
    REPORTING,
    STATS,
    TERMINAL,
    VERIFIER,
    Run,
    py,
)
from benchmarks.corpus._bike_team import Turn as T
from benchmarks.corpus._common import MADE_UP, MISREPORTED, SELF_REPORT

REPAIR_SUMS = (
    "import csv\n"
    "q1 = [r for r in csv.DictReader(open('repairs_2026.csv')) if r['month'] < '2026-04']\n"
    "parts = sum(float(r['parts_usd']) for r in q1)\n"
    "hours = sum(float(r['labour_hours']) for r in q1)\n"
    "print(f'{parts:.2f} {hours:.1f}')"
)

RUNS: list[Run] = [
    Run(
        "repair_03_plan_takes_old_rate",
        SELF_REPORT,
        q.REPAIR_Q1,
        q.TEAMS[q.REPAIR_Q1],
        [
            T(
                MAINTENANCE,
                "Plan: parts and hours for January-March; labour at the rate in "
                "fares_2025.json (the 2026 labour line is still a draft figure); bikes in "
                "service from fleet.csv; cost over bikes.",
                mark="root",
            ),
            T(DATA_EXPERT, py(REPAIR_SUMS)),
            T(TERMINAL, prints="8581.42 276.1"),
            T(FINANCE, "fares_2025.json: labour_rate_per_hour 37.5."),
            T(FLEET, "Bikes in service: 212 + 148 + 96 + 131 = 587."),
            T(PYTHON, py("print(f'{(8581.42 + 276.1 * 37.5) / 587:.2f}')")),
            T(TERMINAL, prints="32.26"),
            T(STATS, "32.26 per bike."),
            T(
                VERIFIER,
                "I can't sign this off. The question fixes the labour rate as the 2026 one "
                "in fares_2026.json (41.0 an hour); 32.26 was priced at 37.5. The figure "
                "does not answer the question as asked.",
                mark="symptom",
            ),
        ],
        answer="",
        expect="33.90",
    ),
    Run(
        "east_03_canal_basin_kept",
        SELF_REPORT,
        q.EASTSIDE_H1,
        q.TEAMS[q.EASTSIDE_H1],
        [
            T(MOBILITY, "CSV_Expert, which stations make up Eastside for this count?"),
            T(
                CSV_EXPERT,
                "stations.csv lists RB-401 Eastgate Depot, RB-402 Rope Works and RB-403 Canal "
                "Basin under Eastside; all three go into the H1 total.",
                mark="root",
            ),
            T(PYTHON, py(q.district_sum("Eastside", q.H1, "classic_trips"))),
            T(TERMINAL, prints="7882"),
            T(VERIFIER, "The code sums the three stations' classic trips correctly."),
            T(
                REPORTING,
                "Before I write this up: the question leaves out any station that opened in "
                "2026, and Canal Basin opened on 2026-04-06, yet it is in the 7882. I can't "
                "report that number; the total needs redoing without RB-403.",
                mark="symptom",
            ),
        ],
        answer="",
        expect="6263",
    ),
    Run(
        "grant_03_wrong_station_dropped",
        SELF_REPORT,
        q.GRANT_Q1,
        q.TEAMS[q.GRANT_Q1],
        [
            T(
                GRANTS,
                "Eligible: e-bike trips at stations inside the boundary (not RB-402), "
                "0.32 USD each, capped at 3,000 a quarter.",
            ),
            T(
                PYTHON,
                py(
                    "import csv\n"
                    "rows = [r for r in csv.DictReader(open('trips_2026.csv'))\n"
                    "        if r['month'] <= '2026-03' and r['station_id'] != 'RB-401']\n"
                    "trips = sum(int(r['ebike_trips']) for r in rows)\n"
                    "print(trips, f'{min(trips * 0.32, 3000):.2f}')"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="9290 2972.80"),
            T(DATA_EXPERT, "9,290 eligible e-bike trips in Q1."),
            T(FINANCE, "Claim USD 2,972.80, under the cap."),
            T(
                VERIFIER,
                "Not approved: the filter drops RB-401 (Eastgate Depot), which is inside the "
                "boundary, and keeps RB-402, the one excluded station. 2,972.80 is not the "
                "claim, and I can't give a figure from this run.",
                mark="symptom",
            ),
        ],
        answer="",
        expect="2845.76",
    ),
    Run(
        "harbour_03_count_digits_swapped",
        MISREPORTED,
        q.HARBOUR_Q1,
        q.TEAMS[q.HARBOUR_Q1],
        [
            T(DATA_EXPERT, "Harbour stations, e-bike column, 2026-01..2026-03, trips_2026.csv."),
            T(PYTHON, py(q.district_sum("Harbour", q.Q1, "ebike_trips"))),
            T(TERMINAL, prints="2503"),
            T(PYTHON, "The sum comes to 2,530 e-bike trips for the quarter.", mark="root"),
            T(MOBILITY, "2,530 across three harbour stations is about 280 a station-month, fine."),
            T(VERIFIER, "Filter and months are right. 2530 verified. TERMINATE", mark="symptom"),
        ],
        answer="2530",
        expect="2503",
    ),
    Run(
        "ferry_03_result_restated",
        MISREPORTED,
        q.FERRY_MAR,
        q.TEAMS[q.FERRY_MAR],
        [
            T(CSV_EXPERT, "RB-101 is Ferry Terminal, 31 docks."),
            T(PYTHON, py(q.per_dock("RB-101", "2026-03"))),
            T(TERMINAL, prints="34.42"),
            T(STATS, "Ferry Terminal: 43.42 trips per dock in March.", mark="root"),
            T(FLEET, "High turnover for that rack; matches the rebalancing load we saw."),
            T(VERIFIER, "Row and dock count are correct: 43.42. TERMINATE", mark="symptom"),
        ],
        answer="43.42",
        expect="34.42",
    ),
    Run(
        "ebike_02_share_restated",
        MISREPORTED,
        q.EBIKE_REPAIR,
        q.TEAMS[q.EBIKE_REPAIR],
        [
            T(FLEET, "Active e-bikes = in service + in repair for Volt E2 and Volt E3."),
            T(
                PYTHON,
                py(
                    "import csv\n"
                    "eb = [r for r in csv.DictReader(open('fleet.csv')) if r['type'] == 'ebike']\n"
                    "rep = sum(int(r['in_repair']) for r in eb)\n"
                    "act = rep + sum(int(r['in_service']) for r in eb)\n"
                    "print(rep, act)\nprint(f'{rep / act * 100:.1f}')"
                ),
            ),
            T(TERMINAL, prints="9.2"),
            T(STATS, "23 in repair out of 250 active: 9.7%.", mark="root"),
            T(
                VERIFIER,
                "Definition matches the question. 9.7% verified. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="9.7",
        expect="9.2",
    ),
    Run(
        "fare_04_placeholder_trips",
        MADE_UP,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(FINANCE, "FarePolicy_Expert the tariff, DataAnalysis_Expert the May volume."),
            T(FARES, "2026: unlock 1.25, e-bike 0.29/min."),
            T(
                DATA_EXPERT,
                "For Library Lawn in May let's work with 520 e-bike trips at about 19.5 "
                "minutes each; that's the typical spring level for that dock.",
                mark="root",
            ),
            T(PYTHON, py("print(f'{520 * (1.25 + 19.5 * 0.29):.2f}')")),
            T(TERMINAL, prints="3590.60"),
            T(VERIFIER, "Tariff applied correctly: USD 3590.60.", mark="symptom"),
            T(REPORTING, "E-bike fare revenue, Library Lawn, May 2026: USD 3590.60. TERMINATE"),
        ],
        answer="3590.60",
        expect="3908.18",
    ),
    Run(
        "uni_03_april_total_recalled",
        MADE_UP,
        q.UNI_APR,
        q.TEAMS[q.UNI_APR],
        [
            T(
                DATA_EXPERT,
                "April 2025 for University was 3,300 trips (the figure in last year's "
                "annual review). I'll get April 2026 from the file.",
                mark="root",
            ),
            T(DATA_EXPERT, py(q.district_total("University", "2026-04", "trips_2026.csv"))),
            T(TERMINAL, prints="3413"),
            T(PYTHON, py(q.change(3300, 3413))),
            T(TERMINAL, prints="+3.4"),
            T(STATS, "Formula (new - old) / old is right."),
            T(VERIFIER, "+3.4% verified.", mark="symptom"),
            T(REPORTING, "University district trips, April 2026 vs 2025: +3.4%. TERMINATE"),
        ],
        answer="+3.4",
        expect="-6.7",
    ),
]
