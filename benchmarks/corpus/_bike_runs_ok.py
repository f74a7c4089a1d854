"""Healthy bike-share runs: clean ones and near misses caught in time (trip counts, docks,
year-on-year change, shares, fares, the city grant)."""

from __future__ import annotations

from benchmarks.corpus import _bike_tasks as q
from benchmarks.corpus._bike_team import (
    CSV_EXPERT,
    DATA_EXPERT,
    FARES,
    FINANCE,
    GRANTS,
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
from benchmarks.corpus._common import HEALTHY

OLDTOWN_SHARE = q.LOAD.format(file="trips_2026.csv") + (
    "old = [r for r in rows if stations[r['station_id']]['district'] == 'Old Town'"
    " and r['month'] in ('2026-04', '2026-05', '2026-06')]\n"
    "e = sum(int(r['ebike_trips']) for r in old)\n"
    "c = sum(int(r['classic_trips']) for r in old)\n"
    "print(e, c)\nprint(f'{e / (e + c) * 100:.1f}')"
)
FARE_CELL = (
    "import csv, json\n"
    "tariff = json.load(open('{file}'))\n"
    "row = next(r for r in csv.DictReader(open('trips_2026.csv'))\n"
    "           if r['station_id'] == 'RB-301' and r['month'] == '2026-05')\n"
    "trips, minutes = int(row['ebike_trips']), float(row['ebike_avg_min'])\n"
    "fare = tariff['unlock_fee'] + minutes * tariff['per_minute']['ebike']\n"
    "print(f'{{trips * fare:.2f}}')"
)
GRANT_CELL = (
    "import csv, json\n"
    "terms = json.load(open('city_grant.json'))\n"
    "rows = [r for r in csv.DictReader(open('trips_2026.csv')) if r['month'] in {months!r}\n"
    "        and r['station_id'] not in terms['excluded_stations']]\n"
    "trips = sum(int(r['ebike_trips']) for r in rows)\n"
    "claim = min(trips * terms['grant_per_ebike_trip_usd'], terms['cap_per_quarter_usd'])\n"
    "print(trips, f'{{claim:.2f}}')"
)

RUNS: list[Run] = [
    Run(
        "harbour_ok_01_clean",
        HEALTHY,
        q.HARBOUR_Q1,
        q.TEAMS[q.HARBOUR_Q1],
        [
            T(
                DATA_EXPERT,
                "Plan: Harbour stations from stations.csv, then ebike_trips in trips_2026.csv "
                "for 2026-01, 2026-02 and 2026-03. Python_Expert, over to you.",
            ),
            T(PYTHON, py(q.district_sum("Harbour", q.Q1, "ebike_trips"))),
            T(TERMINAL, prints="2503"),
            T(MOBILITY, "2,503 over the three harbour racks in winter is believable."),
            T(VERIFIER, "Months, district and column all as asked. 2503. TERMINATE"),
        ],
        answer="2503",
        expect="2503",
    ),
    Run(
        "harbour_ok_02_key_crash_fixed",
        HEALTHY,
        q.HARBOUR_Q1,
        q.TEAMS[q.HARBOUR_Q1],
        [
            T(DATA_EXPERT, "Sum Harbour e-bike trips over Q1 2026."),
            T(
                PYTHON,
                py(
                    q.district_sum("Harbour", q.Q1, "ebike_trips").replace(
                        "'ebike_trips'", "'ebike'"
                    )
                ),
            ),
            T(TERMINAL, prints="KeyError: 'ebike'"),
            T(
                PYTHON,
                py(
                    q.district_sum("Harbour", q.Q1, "ebike_trips"),
                    "The column is ebike_trips, not ebike. Fixed:",
                ),
            ),
            T(TERMINAL, prints="2503"),
            T(MOBILITY, "That's the figure I'd expect for Q1 on the front."),
            T(VERIFIER, "Second run is clean: 2503. TERMINATE"),
        ],
        answer="2503",
        expect="2503",
    ),
    Run(
        "ferry_ok_01_verifier_catches_row",
        HEALTHY,
        q.FERRY_MAR,
        q.TEAMS[q.FERRY_MAR],
        [
            T(CSV_EXPERT, "Ferry Terminal should be the quay rack, RB-102."),
            T(PYTHON, py(q.per_dock("RB-102", "2026-03"))),
            T(TERMINAL, prints="41.16"),
            T(STATS, "41.16 per dock."),
            T(
                VERIFIER,
                "Hold on: stations.csv names RB-102 'Fish Market'. Ferry Terminal is RB-101 "
                "(31 docks). Please rerun for RB-101.",
            ),
            T(PYTHON, py(q.per_dock("RB-101", "2026-03"))),
            T(TERMINAL, prints="34.42"),
            T(CSV_EXPERT, "Wrong id on my side; RB-101 is the one."),
            T(VERIFIER, "(677 + 390) / 31 = 34.42. Verified. TERMINATE"),
        ],
        answer="34.42",
        expect="34.42",
    ),
    Run(
        "uni_ok_01_verifier_reruns",
        HEALTHY,
        q.UNI_APR,
        q.TEAMS[q.UNI_APR],
        [
            T(DATA_EXPERT, "Compare University totals, April 2025 vs April 2026."),
            T(PYTHON, py(q.district_total("University", "2025-04", "trips_2025.csv"))),
            T(TERMINAL, prints="3658"),
            T(PYTHON, py(q.district_total("University", "2026-04", "trips_2026.csv"))),
            T(TERMINAL, prints="3413"),
            T(STATS, py(q.change(3658, 3413), "Change relative to last April:")),
            T(TERMINAL, prints="-6.7"),
            T(
                VERIFIER,
                py(
                    q.district_total("University", "2025-04", "trips_2025.csv").replace(
                        "print(total)", "print(f'{(3413 - total) / total * 100:+.1f}')"
                    ),
                    "Re-deriving from the 2025 file myself:",
                ),
            ),
            T(TERMINAL, prints="-6.7"),
            T(VERIFIER, "Same result, -6.7%."),
            T(REPORTING, "University district trips, April 2026 vs April 2025: -6.7%. TERMINATE"),
        ],
        answer="-6.7",
        expect="-6.7",
    ),
    Run(
        "oldtown_ok_01_formula_questioned",
        HEALTHY,
        q.OLDTOWN_Q2,
        q.TEAMS[q.OLDTOWN_Q2],
        [
            T(MOBILITY, "Old Town, April-June 2026, e-bike share of all trips."),
            T(DATA_EXPERT, "I'd take e-bike over classic trips for the share."),
            T(
                STATS,
                "A share of all trips needs e-bike over classic plus e-bike; e-bike over "
                "classic is a ratio and would overstate it.",
            ),
            T(PYTHON, py(OLDTOWN_SHARE, "Using e / (e + c):")),
            T(TERMINAL, prints="35.9"),
            T(VERIFIER, "3,442 / 9,578 = 35.9%. TERMINATE"),
        ],
        answer="35.9",
        expect="35.9",
    ),
    Run(
        "fare_ok_01_tariff_caught",
        HEALTHY,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(FINANCE, "Tariff, then the May row for RB-301, then revenue."),
            T(FARES, "Unlock 1.00, e-bike 0.25 a minute (fares_2025.json)."),
            T(PYTHON, py(FARE_CELL.format(file="fares_2025.json"))),
            T(TERMINAL, prints="3327.15"),
            T(
                VERIFIER,
                "The question says the 2026 tariff; that's fares_2026.json (unlock 1.25, "
                "e-bike 0.29). Please redo with it.",
            ),
            T(PYTHON, py(FARE_CELL.format(file="fares_2026.json"))),
            T(TERMINAL, prints="3908.18"),
            T(FARES, "Confirmed: the 2026 file is the one in force from January."),
            T(VERIFIER, "USD 3908.18 verified."),
            T(REPORTING, "Library Lawn e-bike fare revenue, May 2026: USD 3908.18. TERMINATE"),
        ],
        answer="3908.18",
        expect="3908.18",
    ),
    Run(
        "grant_ok_01_exclusion_kept",
        HEALTHY,
        q.GRANT_Q1,
        q.TEAMS[q.GRANT_Q1],
        [
            T(
                GRANTS,
                "0.32 USD per e-bike trip at stations inside the boundary (RB-402 is "
                "excluded), capped at 3,000 a quarter. Python_Expert, read the terms from "
                "the file rather than retyping them.",
            ),
            T(PYTHON, py(GRANT_CELL.format(months=q.Q1))),
            T(TERMINAL, prints="8893 2845.76"),
            T(DATA_EXPERT, "8,893 eligible trips; cap not reached."),
            T(FINANCE, "2,845.76 is below 3,000, so it is claimable in full."),
            T(VERIFIER, "Exclusion and cap both handled. USD 2845.76. TERMINATE"),
        ],
        answer="2845.76",
        expect="2845.76",
    ),
    Run(
        "grant_ok_02_cap_binds",
        HEALTHY,
        q.GRANT_Q2,
        q.TEAMS[q.GRANT_Q2],
        [
            T(GRANTS, "Q2 claim under city_grant.json: rate, exclusion and the quarterly cap."),
            T(DATA_EXPERT, "Q2 is 2026-04 to 2026-06."),
            T(PYTHON, py(GRANT_CELL.format(months=q.Q2))),
            T(TERMINAL, prints="13784 3000.00"),
            T(FINANCE, "13,784 x 0.32 = 4,410.88 before the cap; the cap of 3,000 binds."),
            T(VERIFIER, "Agreed: USD 3000.00."),
            T(REPORTING, "Clean Miles claim for Q2 2026: USD 3000.00 (capped). TERMINATE"),
        ],
        answer="3000.00",
        expect="3000.00",
    ),
]
