"""The lock-maintenance desk's questions (one exact figure each), its files, and the Python
the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_lock_data"
MAR = "stoppages_2027-03.csv"
FEB = "stoppages_2027-02.csv"
RATES = "rates_2027.json"
LOCKS = "locks.csv"
FILES = "locks.csv, stoppages_2027-02.csv, stoppages_2027-03.csv, rates_2027.json"

BILL = (
    "What does the trust owe Brindle Marine for the March 2027 stoppages it worked, under "
    "the 2027 rates? GBP, two decimals."
)
MARSH = (
    "How many hours were the Marsh flight's locks closed by cleared stoppages in March "
    "2027? Hours, one decimal."
)
SHARE = "What share of March 2027's lock stoppages were paddle faults? Percent, one decimal."
WEEK = (
    "How many hours of closure did stoppages worked by the trust's own crews cause in the "
    "week 15-21 March 2027? Hours, one decimal."
)
RIGHT = {BILL: "3151.00", MARSH: "41.0", SHARE: "25.0", WEEK: "22.0"}

BILL_CODE = """import csv, json
rates = json.load(open('rates_2027.json'))
jobs = [r for r in csv.DictReader(open('{file}')) if r['crew'] == '{crew}']
worked = sum(float(r['hours_closed']) * rates['gbp_per_hour'][r['cause']] for r in jobs if {paid})
fees = {fees}
print(len(jobs), f'{{worked:.2f}}', f'{{fees:.2f}}')
print(f'{{worked + fees:.2f}}')
"""
MARSH_CODE = """import csv
locks = {{r['lock_id']: r for r in csv.DictReader(open('locks.csv'))}}
rows = [r for r in csv.DictReader(open('{file}'))
        if {flight}{keep}]
print([r['stop_id'] for r in rows])
print(f"{{sum(float(r['hours_closed']) for r in rows):.1f}}")
"""
SHARE_CODE = """import csv
rows = list(csv.DictReader(open('{file}')))
faults = sum(1 for r in rows if r['cause'] == '{cause}')
total = {total}
print(faults, total)
print(f'{{100 * faults / total:.1f}}')
"""
WEEK_CODE = """import csv
rows = [r for r in csv.DictReader(open('stoppages_2027-03.csv'))
        if {crew} and '{lo}' <= r['date'] <= '{hi}'{keep}]
print([r['stop_id'] for r in rows])
print(f"{{sum(float(r['hours_closed']) for r in rows):.1f}}")
"""
CLEARED = " and r['status'] == 'cleared'"
FEES = "rates['callout_fee_gbp'] * sum(1 for r in jobs if r['status'] == 'handed_back')"
MARSH_LOCKS = "locks[r['lock_id']]['flight'] == 'marsh'"
TRUST = "r['crew'] == 'trust'"


def bill(
    file: str = MAR,
    crew: str = "contractor",
    paid: str = "r['status'] == 'cleared'",
    fees: str = FEES,
) -> str:
    return BILL_CODE.format(file=file, crew=crew, paid=paid, fees=fees)


def marsh(file: str = MAR, flight: str = MARSH_LOCKS, keep: str = CLEARED) -> str:
    return MARSH_CODE.format(file=file, flight=flight, keep=keep)


def share(file: str = MAR, cause: str = "paddle_fault", total: str = "len(rows)") -> str:
    return SHARE_CODE.format(file=file, cause=cause, total=total)


def week(crew: str = TRUST, lo: str = "2027-03-15", hi: str = "2027-03-21", keep: str = "") -> str:
    return WEEK_CODE.format(crew=crew, lo=lo, hi=hi, keep=keep)
