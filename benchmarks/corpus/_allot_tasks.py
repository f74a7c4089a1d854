"""The allotments office's questions (one exact figure each), its files, and the Python
the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_allot_data"
PLOTS = "plots.csv"
JUNE = "inspections_2027-06.csv"
MAY = "inspections_2027-05.csv"
FEES = "fees_2027.json"
OLD_FEES = "fees_2026.json"
FILES = (
    "plots.csv, fees_2026.json, fees_2027.json, inspections_2027-05.csv, inspections_2027-06.csv"
)

RENT = (
    "What will the council invoice in total for Mill Lane's allotment plots for 2027 under "
    "the 2027 fees, water charges included? GBP, two decimals."
)
FAILED = (
    "How many square metres of let allotment plots failed the June 2027 inspection? "
    "Square metres, whole number."
)
SHARE = (
    "What share of the plots inspected in June 2027 failed the inspection? Percent, one decimal."
)
CONC = (
    "How much rent does the council forgo in 2027 on Hob Green's concession tenancies under "
    "the 2027 fees? GBP, two decimals."
)

RENT_CODE = """import csv, json
fees = json.load(open('{fees}'))
rate = fees['rent_pence_per_m2']['ML'] / 100
plots = [r for r in csv.DictReader(open('plots.csv')) if r['site'] == 'ML'{keep}]
rent = sum(float(r['area_m2']) * rate * ({half} if r['concession'] == 'Y' else 1) for r in plots)
water = {water}
print(len(plots), f'{{rent:.2f}}', f'{{water:.2f}}')
print(f'{{rent + water:.2f}}')
"""
FAILED_CODE = """import csv
plots = {{r['plot_id']: r for r in csv.DictReader(open('plots.csv'))}}
rows = [r for r in csv.DictReader(open('{file}')) if r['result'] == 'fail'{keep}]
print([r['plot_id'] for r in rows])
print(f"{{sum(float(plots[r['plot_id']]['area_m2']) for r in rows):.0f}}")
"""
SHARE_CODE = """import csv
rows = list(csv.DictReader(open('{file}')))
inspected = [r for r in rows if {inspected}]
failed = [r for r in inspected if r['result'] == 'fail']
print(len(failed), len(inspected))
print(f'{{100 * len(failed) / len(inspected):.1f}}')
"""
CONC_CODE = """import csv, json
fees = json.load(open('{fees}'))
rate = fees['rent_pence_per_m2']['HG'] / 100
plots = [r for r in csv.DictReader(open('plots.csv')) if r['site'] == 'HG' and r['concession'] == 'Y'{keep}]
print([r['plot_id'] for r in plots])
print(f"{{sum(float(r['area_m2']) * rate * {share} for r in plots):.2f}}")
"""
LET = " and r['status'] == 'let'"
HALF = "(1 - fees['concession_discount'])"
WATER = "fees['water_charge_gbp'] * len(plots)"
LET_PLOT = " and plots[r['plot_id']]['status'] == 'let'"
INSPECTED = "r['result'] != 'not inspected'"


def rent(fees: str = FEES, keep: str = LET, half: str = HALF, water: str = WATER) -> str:
    return RENT_CODE.format(fees=fees, keep=keep, half=half, water=water)


def failed(file: str = JUNE, keep: str = LET_PLOT) -> str:
    return FAILED_CODE.format(file=file, keep=keep)


def share(file: str = JUNE, inspected: str = INSPECTED) -> str:
    return SHARE_CODE.format(file=file, inspected=inspected)


def conc(fees: str = FEES, keep: str = LET, share: str = "fees['concession_discount']") -> str:
    return CONC_CODE.format(fees=fees, keep=keep, share=share)
