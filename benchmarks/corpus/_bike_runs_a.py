"""Bike-share runs that go wrong upstream: a misread figure, the wrong file or row, the plan."""

from __future__ import annotations

from benchmarks.corpus import _bike_tasks as q
from benchmarks.corpus._bike_team import (
    CSV_EXPERT,
    DATA_EXPERT,
    FARES,
    FINANCE,
    FLEET,
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
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE

FERRY_LOOKUP = (
    "import csv\n"
    "trip = next(r for r in csv.DictReader(open('trips_2026.csv'))\n"
    "            if r['station_id'] == '{sid}' and r['month'] == '2026-03')\n"
    "station = next(r for r in csv.DictReader(open('stations.csv'))"
    " if r['station_id'] == '{sid}')\n"
    "print('station:', station['name'])\n"
    "print('trips:', trip['classic_trips'], trip['ebike_trips'])\n"
    "print('docks:', station['docks'])"
)
REPAIR_SUMS = (
    "import csv\n"
    "rows = [r for r in csv.DictReader(open('repairs_2026.csv')) if r['month'] <= '2026-03']\n"
    "print('parts', round(sum(float(r['parts_usd']) for r in rows), 2))\n"
    "print('hours', round(sum(float(r['labour_hours']) for r in rows), 1))"
)
FARE_ROW = (
    "import csv, json\n"
    "row = next(r for r in csv.DictReader(open('trips_2026.csv'))\n"
    "           if r['station_id'] == 'RB-301' and r['month'] == '2026-05')\n"
    "print(row['ebike_trips'], row['ebike_avg_min'])"
)

RUNS: list[Run] = [
    Run(
        "ferry_01_docks_misread",
        WRONG_INPUT,
        q.FERRY_MAR,
        q.TEAMS[q.FERRY_MAR],
        [
            T(
                CSV_EXPERT,
                py(
                    FERRY_LOOKUP.format(sid="RB-101"),
                    "Ferry Terminal is RB-101. Pulling its March row and its dock count:",
                ),
            ),
            T(TERMINAL, prints="docks: 31"),
            T(
                FLEET,
                "Read-out for RB-101: 677 classic and 390 e-bike trips in March 2026, and the "
                "station has 13 docks (it is one of the short harbour racks).",
                mark="root",
            ),
            T(
                PYTHON,
                py(
                    "classic, ebike, docks = 677, 390, 13\n"
                    "print(f'{(classic + ebike) / docks:.2f}')",
                    "Trips per dock from those inputs:",
                ),
            ),
            T(TERMINAL, prints="82.08"),
            T(
                STATS,
                "82.08 trips per dock is high, but Ferry Terminal is the commuter hub of the "
                "network, so a dense March is plausible.",
            ),
            T(
                VERIFIER,
                "Checked the arithmetic: 1,067 trips over 13 docks gives 82.08. Inputs as "
                "reported, rounding to two decimals correct. Answer: 82.08. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="82.08",
        expect="34.42",
    ),
    Run(
        "fare_01_rate_digits_swapped",
        WRONG_INPUT,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(
                FINANCE,
                "Plan: (1) FarePolicy_Expert gives the 2026 unlock fee and e-bike per-minute "
                "rate; (2) DataAnalysis_Expert pulls Library Lawn's May e-bike trips and their "
                "average minutes; (3) Python_Expert computes trips x (unlock + minutes x rate).",
            ),
            T(
                FARES,
                "fares_2026.json: unlock fee USD 1.25 per trip, e-bike per-minute USD 0.92 "
                "(classic is 0.15).",
                mark="root",
            ),
            T(DATA_EXPERT, py(FARE_ROW, "Library Lawn is RB-301.")),
            T(TERMINAL, prints="541 20.6"),
            T(
                PYTHON,
                py(
                    "trips, minutes = 541, 20.6\nunlock, per_min = 1.25, 0.92\n"
                    "print(f'{trips * (unlock + minutes * per_min):.2f}')"
                ),
            ),
            T(TERMINAL, prints="10929.28"),
            T(
                VERIFIER,
                "541 trips x (1.25 + 20.6 x 0.92) = 541 x 20.202 = 10,929.28. The code uses "
                "the quoted tariff and the right row. Verified: USD 10929.28.",
                mark="symptom",
            ),
            T(REPORTING, "Library Lawn e-bike fare revenue, May 2026: USD 10929.28. TERMINATE"),
        ],
        answer="10929.28",
        expect="3908.18",
    ),
    Run(
        "repair_01_fleet_count_transposed",
        WRONG_INPUT,
        q.REPAIR_Q1,
        q.TEAMS[q.REPAIR_Q1],
        [
            T(
                MAINTENANCE,
                "Steps: parts and labour hours for Jan-Mar from repairs_2026.csv, labour "
                "rate from fares_2026.json, bikes in service from fleet.csv, then divide.",
            ),
            T(DATA_EXPERT, py(REPAIR_SUMS)),
            T(TERMINAL, prints="hours 276.1"),
            T(FINANCE, "Labour rate for 2026 is USD 41.00 an hour (labour_rate_per_hour)."),
            T(
                FLEET,
                "In service per fleet.csv: Cityline 3 212, Cityline 4 148, Volt E2 96, "
                "Volt E3 131 -> 578 bikes in service.",
                mark="root",
            ),
            T(
                PYTHON,
                py(
                    "parts, hours, rate, bikes = 8581.42, 276.1, 41.0, 578\n"
                    "print(f'{(parts + hours * rate) / bikes:.2f}')"
                ),
            ),
            T(TERMINAL, prints="34.43"),
            T(STATS, "USD 34.43 per bike for a quarter is in line with winter wear."),
            T(
                VERIFIER,
                "Parts 8,581.42 + 276.1 h x 41 = 19,901.52; / 578 = 34.43. Verified. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="34.43",
        expect="33.90",
    ),
    Run(
        "harbour_01_last_years_file",
        WRONG_SOURCE,
        q.HARBOUR_Q1,
        q.TEAMS[q.HARBOUR_Q1],
        [
            T(
                DATA_EXPERT,
                py(
                    q.district_sum(
                        "Harbour",
                        ("2025-01", "2025-02", "2025-03"),
                        "ebike_trips",
                        "trips_2025.csv",
                    ),
                    "Q1 is the complete quarter we have on file, so I'm summing the Harbour "
                    "e-bike column of the trips sheet for Jan-Mar:",
                ),
                mark="root",
            ),
            T(TERMINAL, prints="1742"),
            T(
                MOBILITY,
                "1,742 e-bike trips across Ferry Terminal, Fish Market and Lighthouse Quay "
                "in winter months fits what we see on the harbour front.",
            ),
            T(
                PYTHON,
                py(
                    "import csv\nper = {}\nfor r in csv.DictReader(open('trips_2025.csv')):\n"
                    "    if r['station_id'].startswith('RB-1') and r['month'] <= '2025-03':\n"
                    "        per[r['month']] = per.get(r['month'], 0) + int(r['ebike_trips'])\n"
                    "print(per)\nprint(sum(per.values()))",
                    "Cross-check month by month:",
                ),
            ),
            T(TERMINAL, prints="1742"),
            T(
                VERIFIER,
                "Both computations agree on 1742 Harbour e-bike trips for January to March. "
                "Verified. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="1742",
        expect="2503",
    ),
    Run(
        "ferry_02_neighbouring_station",
        WRONG_SOURCE,
        q.FERRY_MAR,
        q.TEAMS[q.FERRY_MAR],
        [
            T(
                CSV_EXPERT,
                py(
                    FERRY_LOOKUP.format(sid="RB-102"),
                    "The ferry stop is the RB-102 rack by the quay. Its March numbers:",
                ),
                mark="root",
            ),
            T(TERMINAL, prints="docks: 19"),
            T(FLEET, "19 docks matches the rack count I have for the quay."),
            T(PYTHON, py(q.per_dock("RB-102", "2026-03"))),
            T(TERMINAL, prints="41.16"),
            T(STATS, "(482 + 300) / 19 = 41.16; no rounding issue."),
            T(VERIFIER, "Confirmed 41.16 trips per dock. TERMINATE", mark="symptom"),
        ],
        answer="41.16",
        expect="34.42",
    ),
    Run(
        "fare_02_last_years_tariff",
        WRONG_SOURCE,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(
                FINANCE,
                "FarePolicy_Expert: tariff figures please. DataAnalysis_Expert: trips and "
                "average e-bike minutes for RB-301 in May. Python_Expert: the revenue.",
            ),
            T(
                FARES,
                py(
                    "import json\nf = json.load(open('fares_2025.json'))\n"
                    "print(f['unlock_fee'], f['per_minute']['ebike'])",
                    "Reading the tariff file:",
                ),
                mark="root",
            ),
            T(TERMINAL, prints="1.0 0.25"),
            T(DATA_EXPERT, py(FARE_ROW)),
            T(TERMINAL, prints="541 20.6"),
            T(
                PYTHON,
                py(
                    "trips, minutes, unlock, rate = 541, 20.6, 1.0, 0.25\n"
                    "print(f'{trips * (unlock + minutes * rate):.2f}')"
                ),
            ),
            T(TERMINAL, prints="3327.15"),
            T(
                VERIFIER,
                "Tariff from the file, trips and minutes from the May row, formula right: "
                "3327.15 stands.",
                mark="symptom",
            ),
            T(REPORTING, "Answer: USD 3327.15. TERMINATE"),
        ],
        answer="3327.15",
        expect="3908.18",
    ),
    Run(
        "harbour_02_quarter_runs_to_april",
        BAD_SPLIT,
        q.HARBOUR_Q1,
        q.TEAMS[q.HARBOUR_Q1],
        [
            T(
                DATA_EXPERT,
                "Split: UrbanMobility_Expert lists the Harbour stations; Python_Expert sums "
                "ebike_trips in trips_2026.csv over 2026-01 to 2026-04 for them (the first "
                "reporting quarter closes with April); Verification_Expert checks.",
                mark="root",
            ),
            T(
                MOBILITY,
                "Harbour stations: RB-101 Ferry Terminal, RB-102 Fish Market, "
                "RB-103 Lighthouse Quay.",
            ),
            T(
                PYTHON,
                py(q.district_sum("Harbour", q.Q1 + ("2026-04",), "ebike_trips")),
            ),
            T(TERMINAL, prints="3598"),
            T(
                VERIFIER,
                "The sum covers the three Harbour stations over the months in the plan. "
                "3598 is correct. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="3598",
        expect="2503",
    ),
    Run(
        "uni_01_plan_compares_march",
        BAD_SPLIT,
        q.UNI_APR,
        q.TEAMS[q.UNI_APR],
        [
            T(
                DATA_EXPERT,
                "Approach: total the University district's trips for 2025-03 and 2026-03 "
                "(same season, both full months on file), then the percentage change. "
                "Python_Expert codes, Statistics_Expert reviews the formula.",
                mark="root",
            ),
            T(PYTHON, py(q.district_total("University", "2025-03", "trips_2025.csv"))),
            T(TERMINAL, prints="3160"),
            T(PYTHON, py(q.district_total("University", "2026-03", "trips_2026.csv"))),
            T(TERMINAL, prints="3609"),
            T(STATS, "Change is (new - old) / old x 100."),
            T(PYTHON, py(q.change(3160, 3609))),
            T(TERMINAL, prints="+14.2"),
            T(VERIFIER, "Totals and formula check out: +14.2%.", mark="symptom"),
            T(REPORTING, "University district trips changed by +14.2% year on year. TERMINATE"),
        ],
        answer="+14.2",
        expect="-6.7",
    ),
    Run(
        "repair_02_divides_by_whole_fleet",
        BAD_SPLIT,
        q.REPAIR_Q1,
        q.TEAMS[q.REPAIR_Q1],
        [
            T(
                MAINTENANCE,
                "Breakdown: DataAnalysis_Expert totals Q1 parts and hours; Finance_Expert "
                "gives the labour rate; FleetOperations_Expert counts the bikes on the books "
                "(in service plus in repair: both are the fleet we maintain); Python_Expert "
                "divides.",
                mark="root",
            ),
            T(DATA_EXPERT, py(REPAIR_SUMS)),
            T(TERMINAL, prints="hours 276.1"),
            T(FINANCE, "fares_2026.json has labour_rate_per_hour = 41.0."),
            T(FLEET, "In service 587 plus in repair 51: 638 bikes."),
            T(
                PYTHON,
                py(
                    "cost = 8581.42 + 276.1 * 41.0\nprint(f'{cost:.2f}')\n"
                    "print(f'{cost / 638:.2f}')"
                ),
            ),
            T(TERMINAL, prints="31.19"),
            T(STATS, "Cost 19,901.52 over 638 bikes: 31.19."),
            T(VERIFIER, "Agreed, USD 31.19 per bike. TERMINATE", mark="symptom"),
        ],
        answer="31.19",
        expect="33.90",
    ),
]
