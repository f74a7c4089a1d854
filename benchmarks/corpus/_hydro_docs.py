"""The water utility's document store: canned local text the records tools search and open.

Ashford Valley Water, a mid-sized municipal utility. Figures are invented and
internally consistent; neighbouring years and tables exist on purpose, as in a
real records share.
"""

from __future__ import annotations

import re
from typing import Any

_PRODUCTION_2024 = """Treated water delivered to distribution, million gallons (MG), calendar 2024.
Month | Quarry Hill WTP | Lake Merrow WTP | System
Jan | 251.4 | 161.2 | 412.6
Feb | 229.0 | 151.1 | 380.1
Mar | 246.3 | 159.6 | 405.9
Apr | 252.8 | 165.5 | 418.3
May | 281.9 | 188.3 | 470.2
Jun | 309.4 | 212.4 | 521.8
Jul | 334.0 | 232.4 | 566.4
Aug | 327.7 | 225.3 | 553.0
Sep | 296.2 | 201.3 | 497.5
Oct | 272.5 | 182.6 | 455.1
Nov | 248.0 | 162.7 | 410.7
Dec | 247.1 | 162.3 | 409.4
Note: raw water withdrawals are reported separately (withdrawals-2024)."""

_PRODUCTION_2023 = """Treated water delivered to distribution, million gallons (MG), calendar 2023.
Month | Quarry Hill WTP | Lake Merrow WTP | System
Jan | 246.0 | 158.8 | 404.8
Feb | 221.7 | 146.9 | 368.6
Mar | 240.2 | 155.0 | 395.2
Apr | 249.9 | 160.3 | 410.2
May | 277.4 | 183.9 | 461.3
Jun | 312.8 | 209.0 | 521.8
Jul | 339.5 | 229.7 | 569.2
Aug | 318.3 | 221.6 | 539.9
Sep | 288.0 | 195.4 | 483.4
Oct | 266.1 | 178.2 | 444.3
Nov | 243.6 | 160.1 | 403.7
Dec | 244.9 | 159.5 | 404.4"""

_WITHDRAWALS = """Raw water withdrawals, million gallons, calendar 2024 (before treatment losses).
Lake Merrow intake: 2,398.6 MG. Quarry Hill wellfield: 3,342.1 MG. Total: 5,740.7 MG.
Treatment and backwash losses run about 4% of withdrawals."""

_POPULATION = """Retail service population (residents served), estimated on July 1 each year.
2021: 48,410
2022: 48,950
2023: 49,610
2024: 50,385
2025 (projected): 51,020
Wholesale customers (Brill Township) are not included."""

_BREAKS_2024 = """Water main breaks, calendar 2024. Diameter in inches; repair time in hours.
# | date | location | diameter | material | cause | repair_h
1 | 2024-01-09 | Orchard Ave at 5th St | 6 | cast iron | frost heave | 7.5
2 | 2024-01-22 | Bellmont Rd | 8 | cast iron | circumferential crack | 9.0
3 | 2024-02-03 | Harlow St | 12 | cast iron | corrosion | 14.0
4 | 2024-02-17 | Kestrel Way | 8 | ductile iron | contractor strike | 5.5
5 | 2024-03-01 | Dunmore Rd | 10 | cast iron | corrosion | 11.0
6 | 2024-04-26 | Mill Pond Ln | 6 | asbestos cement | pressure transient | 6.0
7 | 2024-06-14 | Quarry Hill Rd | 16 | ductile iron | joint failure | 18.5
8 | 2024-07-30 | Station St | 8 | PVC | contractor strike | 4.0
9 | 2024-09-05 | Linden Ct | 4 | cast iron | corrosion | 6.5
10 | 2024-11-12 | Bellmont Rd | 8 | cast iron | circumferential crack | 8.0
11 | 2024-12-02 | Ferris Ave | 12 | cast iron | frost heave | 12.5
12 | 2024-12-19 | Orchard Ave | 6 | cast iron | frost heave | 7.0
13 | 2024-12-28 | Tanner Pl | 8 | asbestos cement | frost heave | 6.0"""

_BREAKS_2023 = """Water main breaks, calendar 2023. Diameter in inches; repair time in hours.
# | date | location | diameter | material | cause | repair_h
1 | 2023-01-14 | Ferris Ave | 12 | cast iron | frost heave | 13.0
2 | 2023-02-02 | Linden Ct | 4 | cast iron | corrosion | 5.0
3 | 2023-02-27 | Harlow St | 12 | cast iron | corrosion | 15.5
4 | 2023-05-19 | Mill Pond Ln | 6 | asbestos cement | pressure transient | 6.5
5 | 2023-08-08 | Station St | 8 | PVC | contractor strike | 3.5
6 | 2023-10-30 | Bellmont Rd | 8 | cast iron | circumferential crack | 9.5
7 | 2023-12-11 | Orchard Ave | 6 | cast iron | frost heave | 8.0"""

_STORAGE_2024 = """Reservoir storage at end of month, acre-feet (af). Totals include dead pool.
Lake Merrow: capacity 18,400 af; dead pool (below lowest outlet) 1,150 af.
Cobb Reservoir: capacity 6,250 af; dead pool 310 af.
Month | Lake Merrow | Cobb Reservoir
Jan | 16,940 | 5,880
Feb | 17,310 | 5,955
Mar | 17,820 | 6,090
Apr | 18,050 | 6,170
May | 17,660 | 5,990
Jun | 16,480 | 5,410
Jul | 14,930 | 4,870
Aug | 13,720 | 4,420
Sep | 12,870 | 4,115
Oct | 12,640 | 4,060
Nov | 13,390 | 4,300
Dec | 14,850 | 4,810"""

_STORAGE_2023 = (
    "Reservoir storage at end of month, acre-feet (af), calendar 2023. Totals include dead pool.\n"
    "Month | Lake Merrow | Cobb Reservoir\n"
    "Jun | 16,910 | 5,600\n"
    "Jul | 15,600 | 5,140\n"
    "Aug | 14,380 | 4,700\n"
    "Sep | 13,560 | 4,390\n"
    "Oct | 13,020 | 4,210"
)

_RAIN_AUG = (
    "Daily rainfall, inches, August 2024. Days not listed had no measurable rain (< 0.01 in).\n"
    "date | RG-2 Cobb dam | RG-3 Merrow intake | RG-5 Quarry Hill\n"
    "Aug 03 | 0.38 | 0.42 | 0.51\n"
    "Aug 04 | 0.97 | 1.15 | 1.02\n"
    "Aug 11 | 0.12 | 0.08 | 0.00\n"
    "Aug 17 | 0.55 | 0.63 | 0.49\n"
    "Aug 18 | 0.31 | 0.27 | 0.36\n"
    "Aug 24 | 0.88 | 0.91 | 0.74\n"
    "Aug 29 | 0.20 | 0.14 | 0.18\n"
    "Gauge RG-3 was out of service Aug 12-14 (no rain recorded at the other gauges)."
)

_AUDIT = """AWWA water audit, calendar 2024 (volumes in million gallons).
Water supplied: 5,501.0
Billed authorized consumption: 4,472.3
Unbilled authorized consumption (flushing, firefighting): 61.5
Apparent losses (meter under-registration, theft): 118.4
Real losses (leakage): 848.8
Non-revenue water is water supplied minus billed authorized consumption."""

_RATES_2025 = """Residential water rates effective 2025-01-01 (monthly bill).
Base charge, 5/8-inch meter: $14.20
Base charge, 1-inch meter: $26.75
Volume charge per 1,000 gallons, block pricing (each block priced only for use inside it):
  first 6,000 gallons: $4.10
  6,001 to 15,000 gallons: $5.35
  above 15,000 gallons: $7.80
Drought surcharge (only when a Stage 2 drought is declared): 15% of volume charges."""

_RATES_2024 = """Residential water rates effective 2024-01-01 (monthly bill).
Base charge, 5/8-inch meter: $13.40
Volume charge per 1,000 gallons:
  first 6,000 gallons: $3.85
  6,001 to 15,000 gallons: $5.05
  above 15,000 gallons: $7.30"""

_PIPES = """Distribution main inventory, miles, as of 2024-12-31.
material | installed before 1950 | 1950-1979 | 1980 and later | total
cast iron | 61.3 | 74.8 | 6.5 | 142.6
ductile iron | 0.0 | 22.1 | 166.3 | 188.4
PVC | 0.0 | 3.9 | 92.3 | 96.2
asbestos cement | 0.0 | 35.2 | 2.7 | 37.9
steel | 4.6 | 3.8 | 0.0 | 8.4
all materials | 65.9 | 139.8 | 267.8 | 473.5"""

_CAPITAL = """Capital projects, 2024 construction season.
project | start (notice to proceed) | substantial completion | contractor
Dunmore Rd main replacement (3,900 ft of 10-inch) | 2024-03-18 | 2024-08-09 | Keane Civil
Harlow St main replacement (2,150 ft of 12-inch) | 2024-05-06 | 2024-07-26 | Keane Civil
Quarry Hill tank recoating | 2024-06-03 | 2024-10-31 | Ardent Coatings
Bellmont Rd valve insertion | 2024-09-16 | 2024-10-04 | in-house crew
Final completion for each project is 30 days after substantial completion."""

_PUMPS = """Kestrel booster station, pump run hours, Q3 2024 (Jul 1 - Sep 30).
pump | motor rating | run hours
P-1 | 150 hp | 1,204
P-2 | 150 hp | 987
P-3 | 75 hp | 1,530
Motor efficiency at full load is about 93% (nameplate)."""

_QUALITY = """Consumer confidence report 2024, lead and copper sampling (June-Sept 2024).
Homes sampled: 62. Lead 90th percentile: 4.1 ppb (action level 15 ppb).
Copper 90th percentile: 0.38 ppm (action level 1.3 ppm).
Site-by-site lead results: see ccr-2024-sites."""

_SITES = (
    "Lead sampling 2024, sites at or above 5 ppb (all other sites below 5 ppb). Action level: 15 "
    "ppb;\n"
    "a site exceeds when its result is above the action level.\n"
    "site | street | lead ppb\n"
    "S-07 | Orchard Ave | 5.8\n"
    "S-12 | Linden Ct | 21.5\n"
    "S-19 | Harlow St | 6.2\n"
    "S-23 | Ferris Ave | 15.0\n"
    "S-31 | Bellmont Rd | 9.4\n"
    "S-40 | Tanner Pl | 17.2\n"
    "S-52 | Mill Pond Ln | 5.1"
)

DOCUMENTS: dict[str, dict[str, str]] = {
    "production-2024": {"title": "Treated water production 2024", "text": _PRODUCTION_2024},
    "production-2023": {"title": "Treated water production 2023", "text": _PRODUCTION_2023},
    "withdrawals-2024": {"title": "Raw water withdrawals 2024", "text": _WITHDRAWALS},
    "population-retail": {"title": "Retail service population by year", "text": _POPULATION},
    "breaks-2024": {"title": "Main break log 2024", "text": _BREAKS_2024},
    "breaks-2023": {"title": "Main break log 2023", "text": _BREAKS_2023},
    "storage-2024": {"title": "Reservoir storage 2024 (end of month)", "text": _STORAGE_2024},
    "storage-2023": {"title": "Reservoir storage 2023 (end of month)", "text": _STORAGE_2023},
    "rain-2024-08": {"title": "Rain gauges, daily, August 2024", "text": _RAIN_AUG},
    "audit-2024": {"title": "AWWA water audit 2024", "text": _AUDIT},
    "rates-2025": {"title": "Residential water rates 2025", "text": _RATES_2025},
    "rates-2024": {"title": "Residential water rates 2024", "text": _RATES_2024},
    "pipes-2024": {"title": "Distribution main inventory 2024", "text": _PIPES},
    "capital-2024": {"title": "Capital projects 2024 season", "text": _CAPITAL},
    "pumps-kestrel-q3": {"title": "Kestrel booster pump hours Q3 2024", "text": _PUMPS},
    "ccr-2024": {"title": "Consumer confidence report 2024 (lead, copper)", "text": _QUALITY},
    "ccr-2024-sites": {"title": "Lead sampling 2024, site results", "text": _SITES},
}

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def search(query: str, limit: int = 3) -> list[dict[str, Any]]:
    """Documents sharing the most words with ``query``: id, title, first line."""
    wanted = _words(query)
    scored = []
    for doc_id, doc in DOCUMENTS.items():
        title_hits = len(wanted & _words(doc["title"] + " " + doc_id))
        body_hits = len(wanted & _words(doc["text"]))
        score = 3 * title_hits + body_hits
        if score:
            scored.append((-score, doc_id))
    return [
        {
            "doc_id": doc_id,
            "title": DOCUMENTS[doc_id]["title"],
            "snippet": DOCUMENTS[doc_id]["text"].splitlines()[0][:110],
        }
        for _, doc_id in sorted(scored)[:limit]
    ]
