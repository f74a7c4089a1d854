"""The fruit co-op intake desk's questions (one exact figure each), its files, and the
Python the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_orch_data"
SEPT = "intake_2026-09.csv"
FILES = "growers.csv, intake_2026-08.csv, intake_2026-09.csv, price_list_2026.json"

PAY = (
    "How much does the co-op owe Fenwick Farm (G04) for its September 2026 intake under "
    "the 2026 price list? GBP, two decimals."
)
GALA = "How many kg of grade A Gala did the co-op take in during September 2026? Whole kg."
JUICE = (
    "What share of the co-op's September 2026 intake, by weight, was graded for juice? "
    "Percent, one decimal."
)
WEEK = (
    "How many kg did member growers deliver to the co-op in the week 14-20 September "
    "2026? Whole kg."
)

PAY_CODE = """import csv, json
prices = json.load(open('price_list_2026.json'))['pence_per_kg']
rows = [r for r in csv.DictReader(open('{file}')) if r['grower_id'] == '{grower}'{keep}]
gross = sum(int(r['kg']) * prices[r['variety']][r['grade']] for r in rows) / 100
print(len(rows), f'{{gross:.2f}}')
print(f'{{gross * {factor}:.2f}}')
"""
GALA_CODE = """import csv
rows = [r for r in csv.DictReader(open('{file}'))
        if r['variety'] == 'Gala' and r['grade'] == '{grade}'{keep}]
print([r['docket'] for r in rows])
print(sum(int(r['kg']) for r in rows))
"""
JUICE_CODE = """import csv
rows = [r for r in csv.DictReader(open('{file}')){keep}]
juice = sum(int(r['kg']) for r in rows if r['grade'] == 'juice')
total = sum(int(r['kg']) for r in rows)
print(juice, total)
print(f'{{100 * juice / total:.1f}}')
"""
WEEK_CODE = """import csv
members = {{g['grower_id'] for g in csv.DictReader(open('growers.csv')) if g['member'] == '{member}'}}
rows = [r for r in csv.DictReader(open('intake_2026-09.csv'))
        if r['grower_id'] in members and '{lo}' <= r['date'] <= '{hi}'{keep}]
print([r['docket'] for r in rows])
print(sum(int(r['kg']) for r in rows))
"""
OK = " and r['status'] == 'accepted'"
OK_ONLY = " if r['status'] == 'accepted'"


def pay(file: str = SEPT, grower: str = "G04", keep: str = OK, factor: str = "0.96") -> str:
    return PAY_CODE.format(file=file, grower=grower, keep=keep, factor=factor)


def gala(file: str = SEPT, grade: str = "A", keep: str = OK) -> str:
    return GALA_CODE.format(file=file, grade=grade, keep=keep)


def juice(file: str = SEPT, keep: str = OK_ONLY) -> str:
    return JUICE_CODE.format(file=file, keep=keep)


def week(member: str = "Y", lo: str = "2026-09-14", hi: str = "2026-09-20", keep: str = OK) -> str:
    return WEEK_CODE.format(member=member, lo=lo, hi=hi, keep=keep)
