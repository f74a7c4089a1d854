"""The grants office's questions (one exact figure each) and the right figures, computed
from ``_grants_data/`` so that the scripts and the files agree."""

from __future__ import annotations

import csv
import json
import statistics
from pathlib import Path

DATA = Path(__file__).resolve().parent / "_grants_data"

YOUTH_SPRING = (
    "How much did the Young People First fund award in the spring 2026 round, counting "
    "approved applications only? GBP, whole pounds."
)
ARTS_RATE = (
    "What was the success rate of 2026 applications to Arts in the Vale, as the grant "
    "policy defines it? Percent, one decimal."
)
GREEN_LEFT = (
    "How much of the Green Spaces fund's 2026 budget is left after both 2026 rounds, "
    "charging multi-year awards as the grant policy says? GBP, whole pounds."
)
FIRST_AVG = (
    "What was the average award per approved 2026 application made to first-time "
    "grantees? GBP, two decimals."
)
RURAL_Q1 = (
    "How much did the foundation pay out in Q1 2026 (January to March) to organisations "
    "in rural districts? GBP, whole pounds."
)
HALLS_CHANGE = (
    "By what percentage did the number of applications received by Village Halls Capital "
    "change from 2025 to 2026? One decimal, with its sign."
)
MATCH = (
    "How much match funding must the 2026 grantees raise in total, across every 2026 "
    "award from a fund that requires match funding? GBP, whole pounds."
)
OUTSTANDING = (
    "Of the awards approved in the spring 2026 round, how much was still unpaid at the "
    "end of 30 June 2026? GBP, whole pounds."
)
MEDIAN_DECLINED = (
    "What was the median amount requested by the 2026 applications that were declined? "
    "GBP, whole pounds."
)
SPARKS_UNINC = (
    "How much did Small Sparks award in 2026 to unincorporated groups? GBP, whole pounds."
)
BRINDLE_SHARE = (
    "What share of everything the foundation awarded in 2026 went to organisations in "
    "Brindle district? Percent, one decimal."
)

FILES = (
    "funds.csv, organisations.csv, applications_2025.csv, applications_2026.csv, "
    "payments_2026.csv, grant_policy.json"
)


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


APPS = rows("applications_2026.csv")
APPS25 = rows("applications_2025.csv")
ORGS = {r["org_id"]: r for r in rows("organisations.csv")}
FUNDS = {r["fund_id"]: r for r in rows("funds.csv")}
PAY = rows("payments_2026.csv")
POLICY = json.loads((DATA / "grant_policy.json").read_text("utf-8"))
APPROVED = [r for r in APPS if r["status"] == "approved"]


def gbp(x: float) -> str:
    return f"£{x:,.0f}"


def _answers() -> dict[str, str]:
    out: dict[str, str] = {}
    out[YOUTH_SPRING] = gbp(
        sum(int(r["awarded"]) for r in APPROVED if r["fund_id"] == "F2" and r["round"] == "spring")
    )
    arts = [r for r in APPS if r["fund_id"] == "F1"]
    ok = sum(r["status"] == "approved" for r in arts)
    no = sum(r["status"] == "declined" for r in arts)
    out[ARTS_RATE] = f"{ok / (ok + no) * 100:.1f}%"
    green = sum(int(r["awarded"]) / int(r["years"]) for r in APPROVED if r["fund_id"] == "F3")
    out[GREEN_LEFT] = gbp(int(FUNDS["F3"]["budget_2026"]) - green)
    first = [int(r["awarded"]) for r in APPROVED if ORGS[r["org_id"]]["first_grant_year"] == "2026"]
    out[FIRST_AVG] = f"£{sum(first) / len(first):,.2f}"
    by_app = {r["app_id"]: r for r in APPS}
    rural = set(POLICY["rural_districts"])
    out[RURAL_Q1] = gbp(
        sum(
            int(p["amount"])
            for p in PAY
            if p["paid_on"] < "2026-04-01"
            and ORGS[by_app[p["app_id"]]["org_id"]]["district"] in rural
        )
    )
    new = sum(r["fund_id"] == "F4" for r in APPS)
    old = sum(r["fund_id"] == "F4" for r in APPS25)
    out[HALLS_CHANGE] = f"{(new - old) / old * 100:+.1f}%"
    matched = {f for f, r in FUNDS.items() if r["match_required"] == "yes"}
    out[MATCH] = gbp(
        sum(int(r["awarded"]) for r in APPROVED if r["fund_id"] in matched)
        * POLICY["match_funding"]["ratio"]
    )
    spring = {r["app_id"]: int(r["awarded"]) for r in APPROVED if r["round"] == "spring"}
    paid = sum(
        int(p["amount"]) for p in PAY if p["app_id"] in spring and p["paid_on"] <= "2026-06-30"
    )
    out[OUTSTANDING] = gbp(sum(spring.values()) - paid)
    declined = [int(r["requested"]) for r in APPS if r["status"] == "declined"]
    out[MEDIAN_DECLINED] = gbp(statistics.median(declined))
    out[SPARKS_UNINC] = gbp(
        sum(
            int(r["awarded"])
            for r in APPROVED
            if r["fund_id"] == "F5" and ORGS[r["org_id"]]["legal_form"] == "unincorporated"
        )
    )
    total = sum(int(r["awarded"]) for r in APPROVED)
    brindle = sum(int(r["awarded"]) for r in APPROVED if ORGS[r["org_id"]]["district"] == "Brindle")
    out[BRINDLE_SHARE] = f"{brindle / total * 100:.1f}%"
    return out


RIGHT = _answers()
"""question -> the right figure as the runs write it."""
