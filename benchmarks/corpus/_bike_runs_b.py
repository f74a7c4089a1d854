"""Bike-share runs with a bad assumption, a wrong cell accepted, a crash ignored, a lost
constraint."""

from __future__ import annotations

from benchmarks.corpus import _bike_tasks as q
from benchmarks.corpus._bike_team import (
    CSV_EXPERT,
    DATA_EXPERT,
    FARES,
    FINANCE,
    FLEET,
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
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
)

FEB_TOTAL = (
    "import csv\n"
    "feb = [r for r in csv.DictReader(open('trips_2026.csv')) if r['month'] == '2026-02']\n"
    "print(len(feb), 'station rows')\n"
    "print(sum(int(r['classic_trips']) + int(r['ebike_trips']) for r in feb))"
)
GRANT_TERMS = "import json\nprint(json.load(open('city_grant.json')))"
GRANT_TERMS_OUT = (
    "{'programme': 'Riverton Clean Miles', 'grant_per_ebike_trip_usd': 0.32, "
    "'cap_per_quarter_usd': 3000, 'counts': 'ebike trips started at stations inside the "
    "city boundary', 'excluded_stations': ['RB-402'], 'note': 'Rope Works (RB-402) sits "
    "outside the city boundary and is not eligible.'}"
)
EBIKES = (
    "import csv\n"
    "for r in csv.DictReader(open('fleet.csv')):\n"
    "    if r['type'] == 'ebike':\n"
    "        print(r['model'], r['in_service'], r['in_repair'], r['retired'])"
)
OLDTOWN_ROWS = q.LOAD.format(file="trips_2026.csv") + (
    "old = [r for r in rows if stations[r['station_id']]['district'] == 'Old Town'"
    " and r['month'] >= '2026-04']\n"
)
EAST_ROWS = q.LOAD.format(file="trips_2026.csv") + (
    "east = [r for r in rows if stations[r['station_id']]['district'] == 'Eastside']\n"
)

RUNS: list[Run] = [
    Run(
        "feb_01_thirty_day_month",
        BAD_ASSUMPTION,
        q.FEB_DAILY,
        q.TEAMS[q.FEB_DAILY],
        [
            T(DATA_EXPERT, py(FEB_TOTAL, "First the February total over all stations:")),
            T(TERMINAL, prints="8065"),
            T(
                STATS,
                "For a per-day figure we normalise to a standard 30-day month, as the "
                "monthly ops dashboards do, so the divisor is 30.",
                mark="root",
            ),
            T(PYTHON, py("print(f'{8065 / 30:.1f}')")),
            T(TERMINAL, prints="268.8"),
            T(VERIFIER, "8065 / 30 = 268.8, rounding fine. Verified."),
            T(
                REPORTING,
                "Network average, February 2026: 268.8 trips per day. TERMINATE",
                mark="symptom",
            ),
        ],
        answer="268.8",
        expect="288.0",
    ),
    Run(
        "grant_01_rope_works_counted",
        BAD_ASSUMPTION,
        q.GRANT_Q1,
        q.TEAMS[q.GRANT_Q1],
        [
            T(GRANTS, py(GRANT_TERMS, "Terms of the programme first:")),
            T(TERMINAL, prints=GRANT_TERMS_OUT),
            T(
                GRANTS,
                "Rope Works was brought inside the boundary by the 2025 annexation, so the "
                "exclusion note is stale: count every station's e-bike trips for Jan-Mar, "
                "0.32 each, cap 3,000.",
                mark="root",
            ),
            T(
                DATA_EXPERT,
                py(
                    q.district_sum("Eastside", q.Q1, "ebike_trips").replace(
                        "stations[r['station_id']]['district'] == 'Eastside' and ", ""
                    )
                ),
            ),
            T(TERMINAL, prints="9913"),
            T(PYTHON, py("claim = min(9913 * 0.32, 3000)\nprint(f'{claim:.2f}')")),
            T(TERMINAL, prints="3000.00"),
            T(FINANCE, "9,913 x 0.32 = 3,172.16, over the cap, so the claim is 3,000.00."),
            T(VERIFIER, "Cap applied correctly. USD 3000.00. TERMINATE", mark="symptom"),
        ],
        answer="3000.00",
        expect="2845.76",
    ),
    Run(
        "ebike_01_repair_inside_service",
        BAD_ASSUMPTION,
        q.EBIKE_REPAIR,
        q.TEAMS[q.EBIKE_REPAIR],
        [
            T(FLEET, py(EBIKES, "E-bike lines of fleet.csv:")),
            T(TERMINAL, prints="Volt E3 131 9 0"),
            T(
                FLEET,
                "in_service is the active count: the depot books a bike in repair without "
                "taking it out of service, so the active fleet is 96 + 131 = 227 and 23 of "
                "those are in the shop.",
                mark="root",
            ),
            T(PYTHON, py("print(f'{23 / 227 * 100:.1f}')")),
            T(TERMINAL, prints="10.1"),
            T(STATS, "23 of 227 active e-bikes: 10.1%."),
            T(VERIFIER, "Confirmed, 10.1%. TERMINATE", mark="symptom"),
        ],
        answer="10.1",
        expect="9.2",
    ),
    Run(
        "oldtown_01_ratio_not_share",
        WRONG_ACCEPTED,
        q.OLDTOWN_Q2,
        q.TEAMS[q.OLDTOWN_Q2],
        [
            T(
                MOBILITY,
                "Old Town is RB-201, RB-202, RB-203. Q2 is April-June. Python_Expert, "
                "please compute the e-bike share.",
            ),
            T(
                PYTHON,
                py(
                    OLDTOWN_ROWS + "e = sum(int(r['ebike_trips']) for r in old)\n"
                    "c = sum(int(r['classic_trips']) for r in old)\n"
                    "print(e, c)\nprint(f'{e / c * 100:.1f}')"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="56.1"),
            T(DATA_EXPERT, "3,442 e-bike trips against 6,136 classic: 56.1."),
            T(
                VERIFIER,
                py(
                    OLDTOWN_ROWS + "print(sum(int(r['ebike_trips']) for r in old))",
                    "Re-pulling the e-bike count to be sure:",
                ),
            ),
            T(TERMINAL, prints="3442"),
            T(VERIFIER, "Inputs match the file. 56.1% it is. TERMINATE", mark="symptom"),
        ],
        answer="56.1",
        expect="35.9",
    ),
    Run(
        "uni_02_change_over_new_base",
        WRONG_ACCEPTED,
        q.UNI_APR,
        q.TEAMS[q.UNI_APR],
        [
            T(DATA_EXPERT, py(q.district_total("University", "2025-04", "trips_2025.csv"))),
            T(TERMINAL, prints="3658"),
            T(DATA_EXPERT, py(q.district_total("University", "2026-04", "trips_2026.csv"))),
            T(TERMINAL, prints="3413"),
            T(PYTHON, py(q.change(3658, 3413, base="new")), mark="root"),
            T(TERMINAL, prints="-7.2"),
            T(STATS, "A decline of about 7% is consistent with the wet April we had."),
            T(VERIFIER, "Totals 3,658 and 3,413 match both files; -7.2% accepted.", mark="symptom"),
            T(REPORTING, "University district, April 2026 vs April 2025: -7.2%. TERMINATE"),
        ],
        answer="-7.2",
        expect="-6.7",
    ),
    Run(
        "fare_03_classic_minutes_used",
        WRONG_ACCEPTED,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(FINANCE, "Revenue = trips x (unlock + avg minutes x e-bike rate). Go ahead."),
            T(FARES, "2026 tariff: unlock 1.25, e-bike 0.29 per minute."),
            T(
                PYTHON,
                py(
                    "import csv\n"
                    "row = next(r for r in csv.DictReader(open('trips_2026.csv'))\n"
                    "           if r['station_id'] == 'RB-301' and r['month'] == '2026-05')\n"
                    "trips, minutes = int(row['ebike_trips']), float(row['classic_avg_min'])\n"
                    "print(f'{trips * (1.25 + minutes * 0.29):.2f}')"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="3249.25"),
            T(DATA_EXPERT, "RB-301's May row has 541 e-bike trips; the code reads it."),
            T(VERIFIER, "Tariff and trip count check out; USD 3249.25.", mark="symptom"),
            T(REPORTING, "May 2026 e-bike fare revenue at Library Lawn: USD 3249.25. TERMINATE"),
        ],
        answer="3249.25",
        expect="3908.18",
    ),
    Run(
        "east_01_column_name_crash",
        CODE_FAILURE,
        q.EASTSIDE_H1,
        q.TEAMS[q.EASTSIDE_H1],
        [
            T(
                MOBILITY,
                "Eastside: RB-401 Eastgate Depot, RB-402 Rope Works, RB-403 Canal Basin (opened "
                "2026-04-06, so it is out). Sum classic trips Jan-Jun for RB-401 and RB-402.",
            ),
            T(
                PYTHON,
                py(
                    EAST_ROWS + "keep = [r for r in east if r['station_id'] != 'RB-403']\n"
                    "print(sum(int(r['classic']) for r in keep))"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="KeyError: 'classic'"),
            T(CSV_EXPERT, "The trips file has the classic counts per station and month."),
            T(
                REPORTING,
                "Eastside classic trips, H1 2026, Canal Basin excluded: 6,412.",
                mark="symptom",
            ),
            T(VERIFIER, "Exclusion applied as asked. Approved: 6412. TERMINATE"),
        ],
        answer="6412",
        expect="6263",
    ),
    Run(
        "feb_02_undefined_name",
        CODE_FAILURE,
        q.FEB_DAILY,
        q.TEAMS[q.FEB_DAILY],
        [
            T(DATA_EXPERT, "February 2026 has 28 days. Sum every station's February trips."),
            T(
                PYTHON,
                py(
                    "import csv\n"
                    "feb = [r for r in csv.DictReader(open('trips_2026.csv'))"
                    " if r['month'] == '2026-02']\n"
                    "total = sum(int(r['classic_trips']) + int(r['ebike_trips']) for r in feb)\n"
                    "print(f'{totl / 28:.1f}')"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="NameError: name 'totl' is not defined. Did you mean: 'total'?"),
            T(
                STATS,
                "That works out at roughly 277.6 trips a day across the network.",
                mark="symptom",
            ),
            T(VERIFIER, "277.6 per day is plausible for February. Fine."),
            T(REPORTING, "Average trips per day, February 2026: 277.6. TERMINATE"),
        ],
        answer="277.6",
        expect="288.0",
    ),
    Run(
        "oldtown_02_string_sum_crash",
        CODE_FAILURE,
        q.OLDTOWN_Q2,
        q.TEAMS[q.OLDTOWN_Q2],
        [
            T(MOBILITY, "Share = e-bike / (classic + e-bike) over Old Town, April to June."),
            T(
                PYTHON,
                py(
                    OLDTOWN_ROWS + "e = sum(r['ebike_trips'] for r in old)\n"
                    "c = sum(int(r['classic_trips']) for r in old)\n"
                    "print(f'{e / (e + c) * 100:.1f}')"
                ),
                mark="root",
            ),
            T(TERMINAL, prints="TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
            T(DATA_EXPERT, "So Old Town's e-bike share for Q2 comes to 38.2%.", mark="symptom"),
            T(STATS, "38.2% sits between the harbour and university shares; reasonable."),
            T(VERIFIER, "Agreed, 38.2%. TERMINATE"),
        ],
        answer="38.2",
        expect="35.9",
    ),
    Run(
        "grant_02_cap_dropped_in_handover",
        LOST_CONSTRAINT,
        q.GRANT_Q2,
        q.TEAMS[q.GRANT_Q2],
        [
            T(GRANTS, py(GRANT_TERMS)),
            T(TERMINAL, prints=GRANT_TERMS_OUT),
            T(
                GRANTS,
                "DataAnalysis_Expert, Python_Expert: the claim is 0.32 USD per e-bike trip "
                "started April-June at every station except RB-402. Please compute it.",
                mark="root",
            ),
            T(
                DATA_EXPERT,
                py(
                    "import csv\n"
                    "rows = [r for r in csv.DictReader(open('trips_2026.csv'))\n"
                    "        if r['month'] >= '2026-04' and r['station_id'] != 'RB-402']\n"
                    "print(sum(int(r['ebike_trips']) for r in rows))"
                ),
            ),
            T(TERMINAL, prints="13784"),
            T(PYTHON, py("print(f'{13784 * 0.32:.2f}')")),
            T(TERMINAL, prints="4410.88"),
            T(FINANCE, "USD 4,410.88 for the quarter, Rope Works left out as required."),
            T(VERIFIER, "Rate and exclusion as briefed. USD 4410.88 verified.", mark="symptom"),
            T(REPORTING, "Clean Miles claim, Q2 2026: USD 4410.88. TERMINATE"),
        ],
        answer="4410.88",
        expect="3000.00",
    ),
    Run(
        "east_02_exclusion_dropped_in_brief",
        LOST_CONSTRAINT,
        q.EASTSIDE_H1,
        q.TEAMS[q.EASTSIDE_H1],
        [
            T(
                MOBILITY,
                "CSV_Expert, Python_Expert: total classic_trips for Eastside stations, "
                "2026-01 through 2026-06, from trips_2026.csv.",
                mark="root",
            ),
            T(CSV_EXPERT, "Eastside station ids are RB-401, RB-402 and RB-403."),
            T(PYTHON, py(q.district_sum("Eastside", q.H1, "classic_trips"))),
            T(TERMINAL, prints="7882"),
            T(
                VERIFIER,
                "Sum over the three Eastside stations for six months: 7882. Correct.",
                mark="symptom",
            ),
            T(REPORTING, "Eastside classic trips, first half of 2026: 7882. TERMINATE"),
        ],
        answer="7882",
        expect="6263",
    ),
]
