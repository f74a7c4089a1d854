"""More healthy bike-share runs (repairs, the e-bike fleet, February, Eastside, fares): a crash
fixed on the next turn, a question answered before the code runs, a rounding sent back."""

from __future__ import annotations

from benchmarks.corpus import _bike_tasks as q
from benchmarks.corpus._bike_runs_ok import FARE_CELL, OLDTOWN_SHARE
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
from benchmarks.corpus._common import HEALTHY

REPAIR_CELL = (
    "import csv, json\n"
    "q1 = [r for r in csv.DictReader(open('repairs_2026.csv')) if r['month'] < '2026-04']\n"
    "rate = json.load(open('fares_2026.json'))['labour_rate_per_hour']\n"
    "bikes = sum(int(r['in_service']) for r in csv.DictReader(open('fleet.csv')))\n"
    "cost = sum({num}(r['parts_usd']) + float(r['labour_hours']) * rate for r in q1)\n"
    "print(bikes, f'{{cost:.2f}}')\n"
    "print(f'{{cost / bikes:.2f}}')"
)
EBIKE_CELL = (
    "import csv\n"
    "eb = [r for r in csv.DictReader(open('fleet.csv')) if r['type'] == 'ebike']\n"
    "rep = sum(int(r['in_repair']) for r in eb)\n"
    "act = rep + sum(int(r['in_service']) for r in eb)\n"
    "print(f'{rep / act * 100:.1f}')"
)
FEB_CELL = (
    "import csv, calendar\n"
    "days = calendar.monthrange(2026, 2)[1]\n"
    "feb = [r for r in csv.DictReader(open('trips_2026.csv')) if r['month'] == '2026-02']\n"
    "total = sum(int(r['classic_trips']) + int(r['ebike_trips']) for r in feb)\n"
    "print(days, total)\n"
    "print(f'{{{name} / days:.1f}}')"
)
EAST_CELL = (
    "import csv\n"
    "new = {r['station_id'] for r in csv.DictReader(open('stations.csv'))\n"
    "       if r['district'] == 'Eastside' and r['opened'] >= '2026-01-01'}\n"
    "print('left out:', sorted(new))\n"
    + q.district_sum("Eastside", q.H1, "classic_trips").replace(
        " and r['month'] in months", " and r['month'] in months and r['station_id'] not in new"
    )
)

RUNS: list[Run] = [
    Run(
        "repair_ok_01_int_parse_fixed",
        HEALTHY,
        q.REPAIR_Q1,
        q.TEAMS[q.REPAIR_Q1],
        [
            T(MAINTENANCE, "Parts + hours x 2026 rate over Q1, divided by bikes in service."),
            T(PYTHON, py(REPAIR_CELL.format(num="int"))),
            T(TERMINAL, prints="ValueError: invalid literal for int() with base 10: '837.59'"),
            T(PYTHON, py(REPAIR_CELL.format(num="float"), "Parts are decimals; float it is:")),
            T(TERMINAL, prints="33.90"),
            T(DATA_EXPERT, "19,901.52 over 587 bikes in service."),
            T(FLEET, "587 matches my count of the four models in service."),
            T(FINANCE, "Rate 41.0 from fares_2026.json, as the question asks."),
            T(STATS, "33.90 per bike."),
            T(VERIFIER, "Verified: USD 33.90. TERMINATE"),
        ],
        answer="33.90",
        expect="33.90",
    ),
    Run(
        "repair_ok_02_rate_questioned",
        HEALTHY,
        q.REPAIR_Q1,
        q.TEAMS[q.REPAIR_Q1],
        [
            T(MAINTENANCE, "Same recipe as the monthly report, Q1 only."),
            T(STATS, "Which labour rate? The 2025 file says 37.5."),
            T(FINANCE, "The question names fares_2026.json: 41.0 an hour. 37.5 was last year's."),
            T(PYTHON, py(REPAIR_CELL.format(num="float"))),
            T(TERMINAL, prints="33.90"),
            T(DATA_EXPERT, "Costs read straight from repairs_2026.csv, Jan to Mar."),
            T(VERIFIER, "USD 33.90 per bike in service. TERMINATE"),
        ],
        answer="33.90",
        expect="33.90",
    ),
    Run(
        "ebike_ok_01_clean",
        HEALTHY,
        q.EBIKE_REPAIR,
        q.TEAMS[q.EBIKE_REPAIR],
        [
            T(FLEET, "Active e-bikes are in_service + in_repair; retired ones excluded."),
            T(PYTHON, py(EBIKE_CELL)),
            T(TERMINAL, prints="9.2"),
            T(STATS, "23 of 250: 9.2%."),
            T(VERIFIER, "Matches the definition in the question. 9.2%. TERMINATE"),
        ],
        answer="9.2",
        expect="9.2",
    ),
    Run(
        "feb_ok_01_leap_year_asked",
        HEALTHY,
        q.FEB_DAILY,
        q.TEAMS[q.FEB_DAILY],
        [
            T(DATA_EXPERT, "Total February trips, divided by the days in the month."),
            T(STATS, "Is 2026 a leap year? Let's not hard-code the days."),
            T(PYTHON, py(FEB_CELL.format(name="total"), "calendar settles it:")),
            T(TERMINAL, prints="288.0"),
            T(VERIFIER, "28 days, 8,065 trips: 288.0 a day."),
            T(REPORTING, "February 2026: 288.0 trips per day on average. TERMINATE"),
        ],
        answer="288.0",
        expect="288.0",
    ),
    Run(
        "feb_ok_02_name_error_fixed",
        HEALTHY,
        q.FEB_DAILY,
        q.TEAMS[q.FEB_DAILY],
        [
            T(DATA_EXPERT, "Network-wide February trips over 28 days."),
            T(PYTHON, py(FEB_CELL.format(name="totl"))),
            T(TERMINAL, prints="NameError: name 'totl' is not defined. Did you mean: 'total'?"),
            T(PYTHON, py(FEB_CELL.format(name="total"), "Typo, rerunning:")),
            T(TERMINAL, prints="288.0"),
            T(STATS, "288.0 trips per day."),
            T(VERIFIER, "Clean run, 288.0 verified."),
            T(REPORTING, "Average trips per day, February 2026: 288.0. TERMINATE"),
        ],
        answer="288.0",
        expect="288.0",
    ),
    Run(
        "east_ok_01_opening_checked",
        HEALTHY,
        q.EASTSIDE_H1,
        q.TEAMS[q.EASTSIDE_H1],
        [
            T(MOBILITY, "Eastside classic trips, H1 2026, stations opened in 2026 left out."),
            T(CSV_EXPERT, "Let the code read the opening dates instead of us listing ids."),
            T(PYTHON, py(EAST_CELL)),
            T(TERMINAL, prints="6263"),
            T(VERIFIER, "Only RB-403 (opened 2026-04-06) was dropped. 6263 verified."),
            T(REPORTING, "Eastside classic-bike trips, first half of 2026: 6263. TERMINATE"),
        ],
        answer="6263",
        expect="6263",
    ),
    Run(
        "fare_ok_02_clean",
        HEALTHY,
        q.FARE_MAY,
        q.TEAMS[q.FARE_MAY],
        [
            T(FINANCE, "One cell should do: tariff from fares_2026.json, RB-301's May row."),
            T(FARES, "Take unlock_fee and per_minute.ebike from the 2026 file."),
            T(DATA_EXPERT, "Use ebike_avg_min, not the classic column."),
            T(PYTHON, py(FARE_CELL.format(file="fares_2026.json"))),
            T(TERMINAL, prints="3908.18"),
            T(VERIFIER, "541 x (1.25 + 20.6 x 0.29) = 3908.18. Correct."),
            T(REPORTING, "USD 3908.18. TERMINATE"),
        ],
        answer="3908.18",
        expect="3908.18",
    ),
    Run(
        "uni_ok_02_rounding_sent_back",
        HEALTHY,
        q.UNI_APR,
        q.TEAMS[q.UNI_APR],
        [
            T(DATA_EXPERT, "University totals for the two Aprils, then the change."),
            T(PYTHON, py(q.district_total("University", "2026-04", "trips_2026.csv"))),
            T(TERMINAL, prints="3413"),
            T(PYTHON, py(q.district_total("University", "2025-04", "trips_2025.csv"))),
            T(TERMINAL, prints="3658"),
            T(PYTHON, py(q.change(3658, 3413))),
            T(TERMINAL, prints="-6.7"),
            T(REPORTING, "University trips fell about 7% year on year."),
            T(VERIFIER, "The question wants one decimal with its sign: please state -6.7%."),
            T(REPORTING, "University district, April 2026 vs April 2025: -6.7%."),
            T(STATS, "Base is April 2025, as it should be."),
            T(VERIFIER, "Approved. TERMINATE"),
        ],
        answer="-6.7",
        expect="-6.7",
    ),
    Run(
        "oldtown_ok_02_clean",
        HEALTHY,
        q.OLDTOWN_Q2,
        q.TEAMS[q.OLDTOWN_Q2],
        [
            T(MOBILITY, "Old Town stations RB-201..RB-203; Q2 2026."),
            T(PYTHON, py(OLDTOWN_SHARE)),
            T(TERMINAL, prints="35.9"),
            T(DATA_EXPERT, "3,442 e-bike of 9,578 trips."),
            T(STATS, "35.9%, one decimal as asked."),
            T(VERIFIER, "Verified 35.9%. TERMINATE"),
        ],
        answer="35.9",
        expect="35.9",
    ),
]
