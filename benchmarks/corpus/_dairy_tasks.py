"""The dairy co-op collections desk's questions (one exact figure each) and the right
figures, computed from ``_dairy_data/`` so that the scripts and the files agree."""

from __future__ import annotations

import csv
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "_dairy_data"

ZONE_B = "How many litres did Fenmoor accept from its zone B farms in April 2026?"
FAT_F02 = (
    "What was Brackenside's (F02) litre-weighted average butterfat over its accepted "
    "collections in March 2026? Percent, two decimals."
)
VALUE_F05 = (
    "What is Eastholme's (F05) April 2026 milk value before SCC penalties and haulage: its "
    "accepted litres at the April base price, adjusted for its litre-weighted butterfat and "
    "protein? GBP, two decimals."
)
SCC = (
    "How much did somatic cell count penalties take off April 2026's milk cheques, all "
    "farms together? GBP, two decimals."
)
REJECTED = "What share of the litres collected in March 2026 was rejected? Percent, one decimal."
HAULAGE_F07 = (
    "What haulage will Hollins (F07) be charged for April 2026 under the co-op's rates? "
    "GBP, two decimals."
)
CHANGE = (
    "By what percentage did Fenmoor's accepted litres change from March to April 2026? "
    "One decimal, with its sign."
)
ORGANIC = (
    "What organic premium is due for April 2026, all certified organic farms together? "
    "GBP, two decimals."
)

FILES = (
    "farms.csv, collections_2026_03.csv, collections_2026_04.csv, milk_price_2026.json, "
    "milk_price_2025.json, haulage_rates.csv"
)


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


FARMS = {r["farm_id"]: r for r in rows("farms.csv")}
MARCH = rows("collections_2026_03.csv")
APRIL = rows("collections_2026_04.csv")
PRICE = json.loads((DATA / "milk_price_2026.json").read_text("utf-8"))
HAULAGE = {r["zone"]: r for r in rows("haulage_rates.csv")}


def accepted(log: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in log if r["status"] == "accepted"]


def litres(log: list[dict[str, str]]) -> int:
    return sum(int(r["litres"]) for r in log)


def weighted(log: list[dict[str, str]], column: str) -> float:
    return sum(int(r["litres"]) * float(r[column]) for r in log) / litres(log)


def scc_ppl(scc: int) -> float:
    for band in PRICE["somatic_cell_penalty"]["bands"]:
        if band["from_k"] <= scc and (band["to_k"] is None or scc <= band["to_k"]):
            return float(band["ppl"])
    raise ValueError(scc)


def _answers() -> dict[str, str]:
    out: dict[str, str] = {}
    zone_b = [r for r in accepted(APRIL) if FARMS[r["farm_id"]]["zone"] == "B"]
    out[ZONE_B] = f"{litres(zone_b):,} litres"
    f02 = [r for r in accepted(MARCH) if r["farm_id"] == "F02"]
    out[FAT_F02] = f"{weighted(f02, 'butterfat_pct'):.2f}%"
    f05 = [r for r in accepted(APRIL) if r["farm_id"] == "F05"]
    comp = PRICE["composition"]
    fat = (weighted(f05, "butterfat_pct") - comp["butterfat"]["reference_pct"]) * 10
    protein = (weighted(f05, "protein_pct") - comp["protein"]["reference_pct"]) * 10
    ppl = (
        PRICE["base_price_ppl"]["2026-04"]
        + fat * comp["butterfat"]["ppl_per_0_1_pct"]
        + protein * comp["protein"]["ppl_per_0_1_pct"]
    )
    out[VALUE_F05] = f"£{litres(f05) * ppl / 100:,.2f}"
    scc = sum(int(r["litres"]) * -scc_ppl(int(r["scc_k"])) for r in accepted(APRIL)) / 100
    out[SCC] = f"£{scc:,.2f}"
    out[REJECTED] = f"{(1 - litres(accepted(MARCH)) / litres(MARCH)) * 100:.1f}%"
    zone = HAULAGE[FARMS["F07"]["zone"]]
    f07 = [r for r in APRIL if r["farm_id"] == "F07"]
    haul = litres(accepted(f07)) * float(zone["ppl"]) / 100
    haul += len(f07) * float(zone["per_collection_gbp"])
    out[HAULAGE_F07] = f"£{haul:,.2f}"
    march, april = litres(accepted(MARCH)), litres(accepted(APRIL))
    out[CHANGE] = f"{(april - march) / march * 100:+.1f}%"
    organic = 0
    for r in accepted(APRIL):
        since = FARMS[r["farm_id"]]["organic_since"]
        if since and r["date"] >= since:
            organic += int(r["litres"])
    out[ORGANIC] = f"£{organic * PRICE['organic_premium_ppl'] / 100:,.2f}"
    return out


RIGHT = _answers()
"""question -> the right figure as the runs write it."""
