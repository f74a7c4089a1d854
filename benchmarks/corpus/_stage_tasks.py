"""The theatre box office desk's questions (one exact figure each), its files, and the
Python the analyst writes for them (templates its runs fill in, the right way or not)."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_stage_data"
NOV = "sales_2026-11.csv"
OCT = "sales_2026-10.csv"
RIGHTS = "rights_2026.json"
VENUES = "venues_2026.json"
FILES = "sales_2026-10.csv, sales_2026-11.csv, rights_2026.json, venues_2025.json, venues_2026.json"

ROY = (
    "What royalty does the Lantern Street Theatre owe Jonah Reyes-Whitcombe for the "
    "November 2026 performances of Pilot Light? GBP, two decimals."
)
EVE = (
    "How many tickets for evening performances of The Salt Archive were sold in November "
    "2026, net of refunds? Whole tickets."
)
OCC = (
    "What was the average occupancy of Pilot Light's regular (non-preview) performances in "
    "November 2026 that went ahead? Count paid tickets net of refunds plus comps; percent, "
    "one decimal."
)
WEEK = (
    "What were the theatre's net ticket receipts (after refunds, excluding VAT) for the week "
    "Monday 16 to Sunday 22 November 2026, across both houses? GBP, two decimals."
)

ROY_CODE = """import csv, json
terms = next(p for p in json.load(open('rights_2026.json'))['productions'] if p['production'] == 'Pilot Light')
rows = [r for r in csv.DictReader(open('{file}')) if r['production'] == 'Pilot Light' and r['status'] == 'played']
total = 0.0
for r in rows:
    nbor = (float(r['gross_gbp']) - float(r['refunds_gbp'])) / 1.2
    rate = terms['preview_royalty_pct'] if r['kind'] == 'preview' else terms['royalty_pct']
    total += nbor * rate / 100
print(len(rows), 'performances')
print(f'{{total:.2f}}')
"""
ROY_GIVEN = """import csv
rows = [r for r in csv.DictReader(open('sales_2026-11.csv')) if r['production'] == 'Pilot Light' and r['status'] == 'played']
rates = {{'preview': {preview}, 'regular': {regular}}}
total = sum((float(r['gross_gbp']) - float(r['refunds_gbp'])) / 1.2 * rates[r['kind']] / 100 for r in rows)
print(len(rows), 'performances')
print(f'{{total:.2f}}')
"""
EVE_CODE = """import csv
rows = [r for r in csv.DictReader(open('{file}'))
        if r['production'] == 'The Salt Archive' and r['time'] == '19:30']
print([r['perf_id'] for r in rows])
print(sum(int(r['paid']) - int(r['refunded']) for r in rows))
"""
EVE_GIVEN = """# paid and refunded per evening performance, as the clerk read them
shows = {shows}
print(len(shows), 'performances')
print(sum(paid - refunded for paid, refunded in shows.values()))
"""
OCC_CODE = """import csv, json
cap = json.load(open('{venues}'))['houses']['Studio']['capacity']
rows = [r for r in csv.DictReader(open('sales_2026-11.csv'))
        if r['production'] == 'Pilot Light' and r['kind'] == 'regular' and r['status'] == 'played']
issued = [int(r['paid']) - int(r['refunded']) + int(r['comps']) for r in rows]
print(len(rows), sum(issued), cap)
print(f'{{100 * sum(issued) / (cap * len(rows)):.1f}}')
"""
OCC_GIVEN = """import csv
cap = {cap}
rows = [r for r in csv.DictReader(open('sales_2026-11.csv'))
        if r['production'] == 'Pilot Light' and r['kind'] == 'regular' and r['status'] == 'played']
issued = [int(r['paid']) - int(r['refunded']) + int(r['comps']) for r in rows]
print(len(rows), sum(issued), cap)
print(f'{{100 * sum(issued) / (cap * len(rows)):.1f}}')
"""
WEEK_CODE = """import csv
rows = [r for r in csv.DictReader(open('sales_2026-11.csv')) if '2026-11-16' <= r['date'] <= '2026-11-22'{keep}]
net = sum(float(r['gross_gbp']) - float(r['refunds_gbp']) for r in rows) / 1.2
print(len(rows), 'performances')
print(f'{{net:.2f}}')
"""


def roy(file: str = NOV) -> str:
    return ROY_CODE.format(file=file)


def roy_given(preview: str, regular: str) -> str:
    return ROY_GIVEN.format(preview=preview, regular=regular)


def eve(file: str = NOV) -> str:
    return EVE_CODE.format(file=file)


def eve_given(shows: dict[str, tuple[int, int]]) -> str:
    return EVE_GIVEN.format(shows=repr(shows))


def occ(venues: str = VENUES) -> str:
    return OCC_CODE.format(venues=venues)


def occ_given(cap: int) -> str:
    return OCC_GIVEN.format(cap=cap)


def week(keep: str = "") -> str:
    return WEEK_CODE.format(keep=keep)
