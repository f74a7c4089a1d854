"""The boarding kennels' bookings desk questions (one exact figure each), the files they
are asked on, and the Python the tally coder writes for them (templates its runs fill in,
the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_kennel_data"
FILES = (
    "dogs.csv, bookings_2026.csv, vaccinations.csv, extras_2026.csv, payments_2026.csv, "
    "tariff_2026.json, tariff_2025.json"
)

NIGHTS = (
    "How many dog-nights did Hollowbrook board in July 2026, counting only the stays that "
    "went ahead? A count."
)
JUNO = (
    "What is the board charge for Juno's July stay (booking B-10) at the 2026 tariff? "
    "GBP, two decimals."
)
KEPT = (
    "How much deposit money did Hollowbrook keep from cancelled and no-show bookings with "
    "a check-in between June and August 2026? GBP, two decimals."
)
JABS = (
    "Of the dogs that boarded in August 2026, how many had a kennel cough vaccination "
    "that ran out before their check-out day? A count."
)
EXTRAS = (
    "What did extras (baths, walks, medication) bring in on the stays that checked in "
    "during July 2026 and went ahead? GBP, two decimals."
)
SHAH = (
    "How much does the Shah household still owe for its August 2026 stays, board and "
    "extras less what it has paid? GBP, two decimals."
)

# --- the tally coder's cells (str.format templates) ---------------------------------------

NIGHTS_CODE = """import csv
from datetime import date, timedelta
n = 0
for b in csv.DictReader(open('bookings_2026.csv')):
    if b['status'] {skip}:
        continue
    d, end = date.fromisoformat(b['check_in']), date.fromisoformat(b['check_out'])
    while d {cmp} end:
        n += d.month == 7
        d += timedelta(days=1)
print(n)
"""
JUNO_CODE = """import json
from datetime import date, timedelta
t = json.load(open('{tariff}'))
rate = t['nightly_gbp']['{kennel}']['{size}']
lo, hi = date.fromisoformat(t['peak']['from']), date.fromisoformat(t['peak']['to'])
d, end = date(2026, 7, 22), date(2026, 7, 29)
total = 0.0
while d < end:
    total += rate * ({uplift} if lo <= d <= hi else 1)
    d += timedelta(days=1)
print(f'{{total:.2f}}')
"""
KEPT_CODE = """import csv, json
from datetime import date
notice = json.load(open('{tariff}'))['cancel_notice_days']
kept = 0.0
for b in csv.DictReader(open('bookings_2026.csv')):
    if b['status'] == 'no_show':
        kept += {no_show}
    elif b['status'] == 'cancelled':
        days = (date.fromisoformat(b['check_in']) - date.fromisoformat(b['{since}'])).days
        if days {cmp} notice:
            kept += float(b['deposit_gbp'])
print(f'{{kept:.2f}}')
"""
JABS_CODE = """import csv
from datetime import date
def runs_out(given, months):
    y, m = divmod(given.month - 1 + months, 12)
    return given.replace(year=given.year + y, month=m + 1)
kc = {{v['dog_id']: v for v in csv.DictReader(open('vaccinations.csv')) if v['vaccine'] == 'kennel_cough'}}
late = set()
for b in csv.DictReader(open('bookings_2026.csv')):
    ci, co = date.fromisoformat(b['check_in']), date.fromisoformat(b['check_out'])
    if b['status'] != 'stayed' or not ({august}):
        continue
    v = kc[b['dog_id']]
    if runs_out(date.fromisoformat(v['given_on']), {months}) < {against}:
        late.add(b['dog_id'])
print(sorted(late))
print(len(late))
"""
EXTRAS_CODE = """import csv
stays = {{b['booking_id'] for b in csv.DictReader(open('bookings_2026.csv'))
         if b['status'] {status} and b['{col}'].startswith('2026-07')}}
total = sum({amount} for e in csv.DictReader(open('extras_2026.csv')) if e['booking_id'] in stays)
print(f'{{total:.2f}}')
"""
SHAH_CODE = """import csv, json
from datetime import date, timedelta
t = json.load(open('tariff_2026.json'))
lo, hi = date.fromisoformat(t['peak']['from']), date.fromisoformat(t['peak']['to'])
size = {{d['dog_id']: d['size'] for d in csv.DictReader(open('dogs.csv')) if d['owner'] == 'Shah'}}
mine = [b for b in csv.DictReader(open('bookings_2026.csv'))
        if b['dog_id'] in size and b['status'] == 'stayed' and b['check_in'].startswith('2026-08')]
owed = 0.0
for b in mine:
    d, end = date.fromisoformat(b['check_in']), date.fromisoformat(b['check_out'])
    while d < end:
        owed += t['nightly_gbp'][b['kennel']][size[b['dog_id']]] * ({uplift} if lo <= d <= hi else 1)
        d += timedelta(days=1)
ids = {{b['booking_id'] for b in mine}}
owed += {extras}
owed -= sum(float(p['amount_gbp']) for p in csv.DictReader(open('payments_2026.csv')) if p['booking_id'] in ids){less}
print(f'{{owed:.2f}}')
"""
UPLIFT = "1 + t['peak']['surcharge_pct'] / 100"
EXTRAS_SUM = (
    "sum(int(e['qty']) * float(e['unit_gbp']) for e in csv.DictReader(open('extras_2026.csv')) "
    "if e['booking_id'] in ids)"
)
AUGUST = "co > date(2026, 8, 1) and ci < date(2026, 9, 1)"


def nights(skip: str = "!= 'stayed'", cmp: str = "<") -> str:
    return NIGHTS_CODE.format(skip=skip, cmp=cmp)


def juno(
    tariff: str = "tariff_2026.json", kennel: str = "suite", size: str = "L", uplift: str = UPLIFT
) -> str:
    return JUNO_CODE.format(tariff=tariff, kennel=kennel, size=size, uplift=uplift)


def kept(
    tariff: str = "tariff_2026.json",
    since: str = "cancelled_on",
    cmp: str = "<",
    no_show: str = "float(b['deposit_gbp'])",
) -> str:
    return KEPT_CODE.format(tariff=tariff, since=since, cmp=cmp, no_show=no_show)


def jabs(august: str = AUGUST, months: str = "int(v['valid_months'])", against: str = "co") -> str:
    return JABS_CODE.format(august=august, months=months, against=against)


def extras(
    status: str = "== 'stayed'",
    col: str = "check_in",
    amount: str = "int(e['qty']) * float(e['unit_gbp'])",
) -> str:
    return EXTRAS_CODE.format(status=status, col=col, amount=amount)


def shah(uplift: str = UPLIFT, extras: str = EXTRAS_SUM, less: str = "") -> str:
    return SHAH_CODE.format(uplift=uplift, extras=extras, less=less)
