"""The interlibrary-loan desk's questions (one exact figure each), its files, and the
Python the analyst writes for them (templates its runs fill in, the right way or not)."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_ill_data"
APR = "loans_2026-04.csv"
MAR = "loans_2026-03.csv"
PARTNERS = "partners.csv"
POLICY = "policy_2026.json"
FILES = "partners.csv, loans_2026-03.csv, loans_2026-04.csv, policy_2026.json"

FEE = (
    "What does Kestrel Vale Libraries owe its partner libraries for the items it borrowed "
    "on interlibrary loan in April 2026, under the 2026 policy? GBP, two decimals."
)
CANCEL = (
    "Of the items Kestrel Vale requested from partner libraries (borrowing) in April 2026, "
    "what share were cancelled? Percent, one decimal."
)
TURN = (
    "What was the mean turnaround of the items Kestrel Vale borrowed from external "
    "partners in April 2026? Days, one decimal."
)
WEEK = (
    "How many items did Kestrel Vale lend to consortium libraries in the week beginning "
    "Monday 13 April 2026? A count."
)

FEE_CODE = """import csv, json
partners = {{p['code']: p for p in csv.DictReader(open('partners.csv'))}}
policy = json.load(open('policy_2026.json'))
rows = [r for r in csv.DictReader(open('{file}')) if r['direction'] == 'in' and partners[r['partner']]['network'] == '{network}'{keep}]
fees = sum(float(partners[r['partner']]['fee_gbp']) for r in rows)
postage = {postage}
lost = {lost}
print(len(rows), f'{{fees:.2f}}', f'{{postage:.2f}}', f'{{lost:.2f}}')
print(f'{{fees + postage + lost:.2f}}')
"""
CANCEL_CODE = """import csv
rows = [r for r in csv.DictReader(open('{file}')){where}]
cancelled = sum(1 for r in rows if r['status'] == 'cancelled')
print(cancelled, len(rows))
print(f'{{100 * cancelled / len(rows):.1f}}')
"""
TURN_CODE = """import csv
from datetime import date
partners = {{p['code']: p['network'] for p in csv.DictReader(open('partners.csv'))}}
rows = [r for r in csv.DictReader(open('{file}')) if r['direction'] == 'in' and r['supplied']{who}]
days = [(date.fromisoformat(r['supplied']) - date.fromisoformat(r['requested'])).days for r in rows]
print(days)
print(f'{{sum(days) / len(days):.1f}}')
"""
WEEK_CODE = """import csv
partners = {{p['code']: p['network'] for p in csv.DictReader(open('partners.csv'))}}
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'out' and {who} and '{lo}' <= r['{col}'] <= '{hi}'{keep}]
print([r['req'] for r in rows])
print(len(rows))
"""
SUPPLIED = " and r['status'] != 'cancelled'"
POSTAGE = "policy['return_postage_gbp'] * sum(1 for r in rows if partners[r['partner']]['courier'] == 'post')"
LOST = "policy['lost_item_charge_gbp'] * sum(1 for r in rows if r['status'] == 'lost')"
BORROWED = " if r['direction'] == 'in'"
EXTERNAL = " and partners[r['partner']] == 'external'"
CONSORTIUM = "partners[r['partner']] == 'consortium'"


def fee(
    file: str = APR,
    network: str = "external",
    keep: str = SUPPLIED,
    postage: str = POSTAGE,
    lost: str = LOST,
) -> str:
    return FEE_CODE.format(file=file, network=network, keep=keep, postage=postage, lost=lost)


def cancel(file: str = APR, where: str = BORROWED) -> str:
    return CANCEL_CODE.format(file=file, where=where)


def turn(file: str = APR, who: str = EXTERNAL) -> str:
    return TURN_CODE.format(file=file, who=who)


def week(
    who: str = CONSORTIUM,
    lo: str = "2026-04-13",
    hi: str = "2026-04-19",
    col: str = "supplied",
    keep: str = SUPPLIED,
) -> str:
    return WEEK_CODE.format(who=who, lo=lo, hi=hi, col=col, keep=keep)
