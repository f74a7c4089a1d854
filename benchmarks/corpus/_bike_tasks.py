"""The bike-share team's questions (one exact figure each), their teams and code cells."""

from __future__ import annotations

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
    VERIFIER,
)

HARBOUR_Q1 = (
    "How many e-bike trips started at Riverton Bikes stations in the Harbour district in "
    "the first quarter of 2026 (January to March)? Give the count."
)
FERRY_MAR = (
    "How many trips per dock did the Ferry Terminal station see in March 2026 (classic "
    "and e-bike trips together, divided by the station's docks)? Two decimals."
)
UNI_APR = (
    "By what percentage did total trips (classic plus e-bike) at University district "
    "stations change from April 2025 to April 2026? One decimal, with its sign."
)
OLDTOWN_Q2 = (
    "What share of all trips started in the Old Town district in Q2 2026 (April to June) "
    "were e-bike trips? Percent, one decimal."
)
FARE_MAY = (
    "What fare revenue did e-bike trips starting at Library Lawn bring in in May 2026, "
    "taking every trip at that month's average e-bike duration under the 2026 tariff "
    "(unlock fee plus per-minute charge)? USD, two decimals."
)
GRANT_Q1 = (
    "How much can Riverton Bikes claim from the city's Clean Miles programme "
    "(city_grant.json) for Q1 2026? USD, two decimals."
)
GRANT_Q2 = (
    "How much can Riverton Bikes claim from the city's Clean Miles programme "
    "(city_grant.json) for Q2 2026 (April to June)? USD, two decimals."
)
REPAIR_Q1 = (
    "What did repairs cost per bike in service in Q1 2026: parts plus labour hours at the "
    "2026 labour rate (fares_2026.json), divided by the bikes in service in fleet.csv? "
    "USD, two decimals."
)
EBIKE_REPAIR = (
    "What percentage of the active e-bike fleet (bikes in service or in repair; retired "
    "ones left out) is in repair right now? One decimal."
)
FEB_DAILY = (
    "What was the average number of trips per day across the whole network in "
    "February 2026? One decimal."
)
EASTSIDE_H1 = (
    "How many classic-bike trips did Eastside stations record in the first half of 2026, "
    "leaving out any station that opened during 2026? Give the count."
)

# the experts summoned per question, the lead first (the terminal joins every chat)
TEAMS: dict[str, tuple[str, ...]] = {
    HARBOUR_Q1: (DATA_EXPERT, MOBILITY, PYTHON, VERIFIER),
    FERRY_MAR: (CSV_EXPERT, FLEET, PYTHON, STATS, VERIFIER),
    UNI_APR: (DATA_EXPERT, STATS, PYTHON, VERIFIER, REPORTING),
    OLDTOWN_Q2: (MOBILITY, DATA_EXPERT, PYTHON, STATS, VERIFIER),
    FARE_MAY: (FINANCE, FARES, DATA_EXPERT, PYTHON, VERIFIER, REPORTING),
    GRANT_Q1: (GRANTS, DATA_EXPERT, PYTHON, FINANCE, VERIFIER),
    GRANT_Q2: (GRANTS, DATA_EXPERT, PYTHON, FINANCE, VERIFIER, REPORTING),
    REPAIR_Q1: (MAINTENANCE, FLEET, FINANCE, PYTHON, DATA_EXPERT, STATS, VERIFIER),
    EBIKE_REPAIR: (FLEET, PYTHON, STATS, VERIFIER),
    FEB_DAILY: (DATA_EXPERT, STATS, PYTHON, VERIFIER, REPORTING),
    EASTSIDE_H1: (MOBILITY, CSV_EXPERT, PYTHON, VERIFIER, REPORTING),
}

LOAD = (
    "import csv\n"
    "stations = {{r['station_id']: r for r in csv.DictReader(open('stations.csv'))}}\n"
    "rows = list(csv.DictReader(open('{file}')))\n"
)


def district_sum(
    district: str, months: tuple[str, ...], column: str, file: str = "trips_2026.csv"
) -> str:
    """A cell summing one column over a district's stations and some months."""
    return LOAD.format(file=file) + (
        f"months = {months!r}\n"
        f"total = sum(int(r['{column}']) for r in rows\n"
        f"            if stations[r['station_id']]['district'] == '{district}'"
        " and r['month'] in months)\n"
        "print(total)"
    )


def per_dock(station: str, month: str) -> str:
    return LOAD.format(file="trips_2026.csv") + (
        f"row = next(r for r in rows if r['station_id'] == '{station}'"
        f" and r['month'] == '{month}')\n"
        "trips = int(row['classic_trips']) + int(row['ebike_trips'])\n"
        f"docks = int(stations['{station}']['docks'])\n"
        "print(trips, docks)\n"
        "print(f'{trips / docks:.2f}')"
    )


def district_total(district: str, month: str, file: str) -> str:
    return LOAD.format(file=file) + (
        f"total = sum(int(r['classic_trips']) + int(r['ebike_trips']) for r in rows\n"
        f"            if stations[r['station_id']]['district'] == '{district}'"
        f" and r['month'] == '{month}')\n"
        "print(total)"
    )


def change(old: int, new: int, base: str = "old") -> str:
    return f"old, new = {old}, {new}\nprint(f'{{(new - old) / {base} * 100:+.1f}}')"


Q1 = ("2026-01", "2026-02", "2026-03")
Q2 = ("2026-04", "2026-05", "2026-06")
H1 = Q1 + Q2
