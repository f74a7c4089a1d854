"""The wind-farm maintenance desk's questions (one exact figure each) and the right
figures, computed from ``_wind_data/`` so that the scripts and the files agree."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent / "_wind_data"

GEARBOX = (
    "What did the closed gearbox work orders opened at North Ridge in Q1 2026 cost the "
    "operator, labour at the policy rate plus the parts the operator paid for? GBP, whole "
    "pounds."
)
AVAIL_T07 = (
    "What was turbine T07's availability in March 2026, as the maintenance policy defines "
    "it? Percent, two decimals."
)
RAISED = (
    "By what percentage did the number of work orders raised for Hilltop Moss turbines "
    "change from January-June 2025 to January-June 2026? One decimal, with its sign."
)
WESTFELL = "How many MWh did the West Fell turbines produce in Q2 2026? One decimal."
CAPFACTOR = "What was turbine T03's capacity factor in Q1 2026? Percent, one decimal."
BLADE = (
    "What was the average number of labour hours per closed blade work order in 2026 so "
    "far? Two decimals."
)
SLA = (
    "How many priority-1 work orders opened in 2026 are late under the maintenance "
    "policy's SLA? A count."
)
RESTOCK = (
    "What will this month's parts restock order cost if we follow the maintenance "
    "policy's restock rule? GBP, whole pounds."
)
HILLTOP_DOWN = (
    "How many hours of unplanned downtime did the Hilltop Moss turbines have in Q2 2026? "
    "Two decimals."
)

FILES = (
    "turbines.csv, work_orders_2025.csv, work_orders_2026.csv, downtime_2026.csv, "
    "production_2026.csv, parts_stock.csv, maintenance_policy.json"
)


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


TURBINES = {r["turbine_id"]: r for r in rows("turbines.csv")}
WO = rows("work_orders_2026.csv")
WO25 = rows("work_orders_2025.csv")
DOWN = rows("downtime_2026.csv")
PROD = rows("production_2026.csv")
PARTS = rows("parts_stock.csv")
POLICY = json.loads((DATA / "maintenance_policy.json").read_text("utf-8"))
RATE = POLICY["labour_rate_gbp_per_hour"]


def site(turbine: str) -> str:
    return TURBINES[turbine]["site"]


def under_warranty(turbine: str, on: str) -> bool:
    start = TURBINES[turbine]["commissioned"]
    years = POLICY["oem_warranty"]["years_from_commissioning"]
    return on[:10] < f"{int(start[:4]) + years}{start[4:]}"


def _answers() -> dict[str, str]:
    out: dict[str, str] = {}
    gear = [
        r
        for r in WO
        if r["category"] == "gearbox"
        and r["status"] == "closed"
        and site(r["turbine_id"]) == "North Ridge"
        and r["opened"] < "2026-04-01"
    ]
    cost = sum(
        float(r["labour_hours"]) * RATE
        + (0 if under_warranty(r["turbine_id"], r["opened"]) else float(r["parts_cost"]))
        for r in gear
    )
    out[GEARBOX] = f"£{cost:,.0f}"
    down = sum(
        float(r["hours"])
        for r in DOWN
        if r["turbine_id"] == "T07" and r["kind"] == "unplanned" and r["start"][:7] == "2026-03"
    )
    out[AVAIL_T07] = f"{(1 - down / (31 * 24)) * 100:.2f}%"
    new = sum(site(r["turbine_id"]) == "Hilltop Moss" for r in WO)
    old = sum(site(r["turbine_id"]) == "Hilltop Moss" for r in WO25)
    out[RAISED] = f"{(new - old) / old * 100:+.1f}%"
    q2 = ("2026-04", "2026-05", "2026-06")
    west = sum(
        float(r["mwh"]) for r in PROD if site(r["turbine_id"]) == "West Fell" and r["month"] in q2
    )
    out[WESTFELL] = f"{west:,.1f} MWh"
    q1 = sum(float(r["mwh"]) for r in PROD if r["turbine_id"] == "T03" and r["month"] < "2026-04")
    mw = int(TURBINES["T03"]["rated_kw"]) / 1000
    out[CAPFACTOR] = f"{q1 / (mw * 90 * 24) * 100:.1f}%"
    blade = [
        float(r["labour_hours"]) for r in WO if r["category"] == "blade" and r["status"] == "closed"
    ]
    out[BLADE] = f"{sum(blade) / len(blade):.2f} hours"
    cutoff = datetime.fromisoformat("2026-06-30T23:59")
    late = 0
    for r in WO:
        if r["priority"] != "1" or r["status"] == "cancelled":
            continue
        end = datetime.fromisoformat(r["closed"]) if r["closed"] else cutoff
        late += end - datetime.fromisoformat(r["opened"]) > timedelta(hours=48)
    out[SLA] = f"{late} priority-1 work orders"
    restock = sum(
        (2 * int(p["reorder_level"]) - int(p["on_hand"])) * int(p["unit_cost"])
        for p in PARTS
        if int(p["on_hand"]) <= int(p["reorder_level"])
    )
    out[RESTOCK] = f"£{restock:,}"
    hill = sum(
        float(r["hours"])
        for r in DOWN
        if site(r["turbine_id"]) == "Hilltop Moss"
        and r["kind"] == "unplanned"
        and r["start"][:7] in q2
    )
    out[HILLTOP_DOWN] = f"{hill:.2f} hours"
    return out


RIGHT = _answers()
"""question -> the right figure as the runs write it."""
