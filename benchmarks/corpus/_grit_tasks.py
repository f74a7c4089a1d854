"""The gritting depot desk's questions (one exact figure each), its files, and the Python
the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_grit_data"
JAN = "runs_2027-01.csv"
DEC = "runs_2026-12.csv"
RATES = "rates_2026-27.json"
FILES = "routes.csv, runs_2026-12.csv, runs_2027-01.csv, rates_2026-27.json"

PAY = (
    "How much does the council owe Hallam Haulage for its January 2027 gritting runs "
    "under the 2026-27 rates? GBP, two decimals."
)
SALT = (
    "How many tonnes of salt did completed gritting runs spread on priority-1 routes in "
    "January 2027? Tonnes, one decimal."
)
ABORT = "What share of the depot's January 2027 gritting runs were aborted? Percent, one decimal."
KM = (
    "How many km of route did the depot's own crews grit on completed runs in the week "
    "11-17 January 2027? km, one decimal."
)

PAY_CODE = """import csv, json
routes = {{r['route_id']: r for r in csv.DictReader(open('routes.csv'))}}
rates = json.load(open('rates_2026-27.json'))
runs = [r for r in csv.DictReader(open('{file}')) if routes[r['route_id']]['crew'] == '{crew}']
done = [r for r in runs if r['status'] == 'completed']
km_pay = sum(float(routes[r['route_id']]['length_km']) * rates['pence_per_route_km'][routes[r['route_id']]['priority']] for r in {paid}) / 100
callouts = {callouts}
print(len(runs), len(done), f'{{km_pay:.2f}}')
print(f'{{km_pay + callouts:.2f}}')
"""
SALT_CODE = """import csv
routes = {{r['route_id']: r for r in csv.DictReader(open('routes.csv'))}}
rows = [r for r in csv.DictReader(open('{file}'))
        if routes[r['route_id']]['priority'] in {prios}{keep}]
print([r['run_id'] for r in rows])
print(f"{{sum(float(r['tonnes']) for r in rows):.1f}}")
"""
ABORT_CODE = """import csv
rows = list(csv.DictReader(open('{file}')))
aborted = sum(1 for r in rows if r['status'] == 'aborted')
total = {total}
print(aborted, total)
print(f'{{100 * aborted / total:.1f}}')
"""
KM_CODE = """import csv
routes = {{r['route_id']: r for r in csv.DictReader(open('routes.csv'))}}
rows = [r for r in csv.DictReader(open('runs_2027-01.csv'))
        if {crew} and '{lo}' <= r['date'] <= '{hi}'{keep}]
print([r['run_id'] for r in rows])
print(f"{{sum(float(routes[r['route_id']]['length_km']) for r in rows):.1f}}")
"""
DONE = " and r['status'] == 'completed'"
CALLOUTS = "rates['callout_fee_gbp'] * sum(1 for r in runs if r['status'] == 'aborted')"
DEPOT = "routes[r['route_id']]['crew'] == 'depot'"


def pay(
    file: str = JAN, crew: str = "contractor", paid: str = "done", callouts: str = CALLOUTS
) -> str:
    return PAY_CODE.format(file=file, crew=crew, paid=paid, callouts=callouts)


def salt(file: str = JAN, prios: str = "('1',)", keep: str = DONE) -> str:
    return SALT_CODE.format(file=file, prios=prios, keep=keep)


def abort(file: str = JAN, total: str = "len(rows)") -> str:
    return ABORT_CODE.format(file=file, total=total)


def km(crew: str = DEPOT, lo: str = "2027-01-11", hi: str = "2027-01-17", keep: str = DONE) -> str:
    return KM_CODE.format(crew=crew, lo=lo, hi=hi, keep=keep)
