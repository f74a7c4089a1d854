"""The ferry desk's questions (one exact figure each), the figures in the files that the
runs quote (read from ``_ferry_data/`` so the script and the data agree) and shared cells."""

from __future__ import annotations

import csv
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "_ferry_data"

R2_PAX = (
    "How many passengers did the Portnahaven - Inchmore route carry in the first quarter "
    "of 2026 (January to March)? Give the count."
)
NORTH_REL = (
    "What share of the sailings scheduled on Skerrow Ferries' north region routes "
    "actually operated in April 2026? Percent, one decimal."
)
FENNICK_NM = (
    "How many litres of fuel did MV Fennick Isle burn per nautical mile sailed in March "
    "2026 (operated sailings times route distance)? Two decimals."
)
R4_VEH = (
    "By what percentage did vehicles carried on Ardlea - Fennick change from May 2025 to "
    "May 2026? One decimal, with its sign."
)
SUB_Q1 = (
    "How much can Skerrow Ferries claim under the Island Lifeline Sailings Support scheme "
    "(lifeline_subsidy.json) for Q1 2026? EUR, two decimals."
)
SUB_Q2 = (
    "How much can Skerrow Ferries claim under the Island Lifeline Sailings Support scheme "
    "(lifeline_subsidy.json) for Q2 2026 (April to June)? EUR, two decimals."
)
FUEL_PAX = (
    "What was the fleet's fuel cost per passenger carried in Q2 2026 (April to June), all "
    "vessels and routes together? EUR, two decimals."
)
WX_H1 = (
    "How many sailings were cancelled for weather in the first half of 2026 on the "
    "year-round routes (leave out the summer-only route)? Give the count."
)
R4_REV = (
    "What fare revenue did Ardlea - Fennick take in June 2026 at the 2026 single fares "
    "(passengers at the adult fare, vehicles at the car fare)? EUR, two decimals."
)
R1_LOAD = (
    "On average, how many passengers did Portnahaven - Skerrow carry per operated "
    "sailing in February 2026? One decimal."
)
FUEL_H1 = (
    "How many litres of fuel did the fleet burn in the first half of 2026, leaving out "
    "any vessel that entered service in 2026? Give the count."
)


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


S25, S26, FUEL = _rows("sailings_2025.csv"), _rows("sailings_2026.csv"), _rows("fuel_2026.csv")
ROUTES = {r["route_id"]: r for r in _rows("routes.csv")}
TARIFF26 = json.loads((DATA / "tariffs_2026.json").read_text("utf-8"))["fares"]
TARIFF25 = json.loads((DATA / "tariffs_2025.json").read_text("utf-8"))["fares"]
Q1 = ("2026-01", "2026-02", "2026-03")
Q2 = ("2026-04", "2026-05", "2026-06")


def row(month: str, route: str, rows: list[dict[str, str]] | None = None) -> dict[str, int]:
    """One sailings row's counts (2025 or 2026 by the month)."""
    rows = rows if rows is not None else (S25 if month.startswith("2025") else S26)
    found = next(r for r in rows if r["month"] == month and r["route_id"] == route)
    return {k: int(v) for k, v in found.items() if k not in ("month", "route_id", "vessel_id")}


def total(col: str, months: tuple[str, ...], routes: tuple[str, ...]) -> int:
    rows = S25 if months[0].startswith("2025") else S26
    return sum(int(r[col]) for r in rows if r["month"] in months and r["route_id"] in routes)


def fuel(month: str, vessel: str, col: str = "litres") -> float:
    return float(next(r[col] for r in FUEL if r["month"] == month and r["vessel_id"] == vessel))


def n(x: float) -> str:
    """A count with thousands separators."""
    return f"{x:,.0f}"


def pct(new: float, old: float) -> str:
    return f"{(new - old) / old * 100:+.1f}"


# the runs' recurring cells

SUM_CELL = """
import csv
rows = [r for r in csv.DictReader(open('{file}'))
        if r['route_id'] in {routes} and r['month'] in {months}]
print(len(rows), 'rows')
print(sum(int(r['{col}']) for r in rows))
"""

SUBSIDY_CELL = """
import csv, json
s = json.load(open('lifeline_subsidy.json'))
routes = {{r['route_id'] for r in csv.DictReader(open('routes.csv'))
          if r['lifeline'] == 'yes'}}{exclude}
n = sum(int(r['operated']) for r in csv.DictReader(open('sailings_2026.csv'))
        if r['route_id'] in routes and r['month'] in s['quarters']['{q}'])
claim = n * s['rate_eur_per_operated_sailing']
print(sorted(routes), n, round(claim, 2))
due = {due}
print(f'{{due:.2f}}')
"""
EXCLUDE = " - set(s['excluded_route_ids'])"
CAPPED = "min(claim, s['quarterly_cap_eur'])"

FUEL_PAX_CELL = """
import csv
q2 = ('2026-04', '2026-05', '2026-06')
cost = sum(float(r['cost_eur']) for r in csv.DictReader(open('fuel_2026.csv'))
           if r['month'] in q2{vessel})
pax = sum(int(r['passengers']) for r in csv.DictReader(open('sailings_2026.csv'))
          if r['month'] in q2{route})
print(round(cost, 2), pax)
print(f'{{cost / pax:.2f}}')
"""

NM_CELL = """
import csv
dist = {{r['route_id']: float(r['distance_nm']) for r in csv.DictReader(open('routes.csv'))}}
legs = [r for r in csv.DictReader(open('sailings_2026.csv'))
        if r['month'] == '2026-03' and r['vessel_id'] == 'V3'{only}]
nm = sum(int(r['operated']) * dist[r['route_id']] for r in legs)
litres = {litres}
print([r['route_id'] for r in legs], round(nm, 1), litres)
print(f'{{litres / nm:.2f}}')
"""

FUEL_H1_CELL = """
import csv
vessels = {{r['vessel_id']: r for r in csv.DictReader(open('vessels.csv'))}}
keep = {{v for v, r in vessels.items() if {test}}}
rows = [r for r in csv.DictReader(open('fuel_2026.csv')) if r['vessel_id'] in keep]
print(sorted(keep), len(rows), 'rows')
print(sum(int(r['litres']) for r in rows))
"""
