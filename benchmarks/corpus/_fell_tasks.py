"""The mountain rescue statistics desk's questions (one exact figure each), its files, and
the Python the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_fell_data"
LOG = "callouts_2026.csv"
OLD = "callouts_2025.csv"
MEMBERS = "members.csv"
CLAIMS = "mileage_2026-q1.csv"
RULES = "expenses_2026.json"
FILES = f"{LOG}, {OLD}, {MEMBERS}, {CLAIMS}, {RULES}"

PAY = (
    "How much mileage does Crannock Valley MRT owe its members for call-outs in Q1 2026 "
    "under the 2026 expense rules? GBP, two decimals."
)
HOURS = (
    "How many volunteer hours did the team give on call-outs in February 2026? Hours, one decimal."
)
SHARE = "What share of the team's call-outs in Q1 2026 were false alarms? Percent, one decimal."
HELPED = "How many people did the team help on Birk Fell in Q1 2026?"

PAY_CODE = """import csv, json
rules = json.load(open('expenses_2026.json'))
callouts = {{r['callout_id']: r for r in csv.DictReader(open('{log}'))}}
status = {{r['member_id']: r['status'] for r in csv.DictReader(open('members.csv'))}}
claims = [c for c in csv.DictReader(open('mileage_2026-q1.csv')) if {who}]
def owed(c):
    if {flat}:
        return rules['stood_down_flat_gbp']
    return int(c['miles']) * {rate} / 100
print(len(claims))
print(f'{{sum(owed(c) for c in claims):.2f}}')
"""
HOURS_CODE = """import csv
rows = [r for r in csv.DictReader(open('{log}')) if r['date'].startswith('{month}'){keep}]
print(len(rows), [r['callout_id'] for r in rows])
print(f"{{sum({per} for r in rows):.1f}}")
"""
SHARE_CODE = """import csv
rows = [r for r in csv.DictReader(open('{log}')) if '{lo}' <= r['date'] <= '{hi}']
alarms = [r for r in rows if {alarm}]
print(len(alarms), len(rows))
print(f'{{100 * len(alarms) / len(rows):.1f}}')
"""
HELPED_CODE = """import csv
rows = [r for r in csv.DictReader(open('{log}')) if r['area'] == '{area}' and '{lo}' <= r['date'] <= '{hi}'{keep}]
print([r['callout_id'] for r in rows])
print(sum(int(r['persons']) for r in rows))
"""
NOT_PROBATIONER = "status[c['member_id']] != 'probationer'"
STOOD_DOWN = "callouts[c['callout_id']]['stood_down'] == 'yes'"
NOT_STOOD_DOWN = " and r['stood_down'] == 'no'"
MEMBER_HOURS = "int(r['members']) * float(r['hours'])"
FALSE_ALARM = "r['category'] == 'false_alarm'"


def pay(
    log: str = LOG,
    who: str = NOT_PROBATIONER,
    flat: str = STOOD_DOWN,
    rate: str = "rules['pence_per_mile']",
) -> str:
    return PAY_CODE.format(log=log, who=who, flat=flat, rate=rate)


def hours(
    log: str = LOG, month: str = "2026-02", keep: str = NOT_STOOD_DOWN, per: str = MEMBER_HOURS
) -> str:
    return HOURS_CODE.format(log=log, month=month, keep=keep, per=per)


def share(
    log: str = LOG, lo: str = "2026-01-01", hi: str = "2026-03-31", alarm: str = FALSE_ALARM
) -> str:
    return SHARE_CODE.format(log=log, lo=lo, hi=hi, alarm=alarm)


def helped(
    log: str = LOG,
    area: str = "birk",
    lo: str = "2026-01-01",
    hi: str = "2026-03-31",
    keep: str = NOT_STOOD_DOWN,
) -> str:
    return HELPED_CODE.format(log=log, area=area, lo=lo, hi=hi, keep=keep)
