"""The theatre box office's questions (one exact figure each), its files, and the Python
the analyst writes for them (templates its runs fill in, the right way or not)."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_box_data"
MAR, APR = "sales_2026-03.csv", "sales_2026-04.csv"
PRICES, OLD_PRICES = "prices_2026.json", "prices_2025.json"
PERFS, TERMS = "performances.csv", "settlements.json"
FILES = f"{PERFS}, {MAR}, {APR}, {PRICES}, {OLD_PRICES}, {TERMS}"

SALT = (
    "How much does the Corran Street Playhouse owe Lantern & Rye for their run of The Salt "
    "Road (main house, 10-14 March 2026) under its settlement terms? GBP, two decimals."
)
OCC = (
    "What was the paid occupancy of the main house over its April 2026 performances? "
    "Percent, one decimal."
)
FEES = (
    "How much did the Playhouse keep in booking fees on tickets sold in March 2026? "
    "GBP, two decimals."
)
CONC = (
    "How many paid concession tickets were there for studio performances in the week "
    "16-22 March 2026? Whole tickets."
)
GULL = (
    "How much does the Playhouse owe Gull Island Opera for its April 2026 performances "
    "under its settlement terms? GBP, two decimals."
)

PAID = " and r['status'] == 'paid'"
PAID_SEATS = " and r['status'] == 'paid' and r['type'] != 'comp'"
BOTH = "('sales_2026-03.csv', 'sales_2026-04.csv')"
PLAYED = " and p['status'] == 'played'"

SALT_CODE = """import csv, json
prices = json.load(open('{prices}'))['ticket_prices']['main']
run = {{p['perf_id'] for p in csv.DictReader(open('performances.csv')) if p['show'] == 'The Salt Road'}}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv')) if r['perf_id'] in run{keep}]
gross = sum(int(r['seats']) * prices[r['band']][{kind}] for r in rows if r['type'] != 'comp')
print(len(rows), f'{{gross:.2f}}', f'{{gross / {vat}:.2f}}')
print(f'{{gross / {vat} * {share}:.2f}}')
"""
OCC_CODE = """import csv
shows = [p for p in csv.DictReader(open('performances.csv'))
         if p['date'].startswith('2026-04') and p['venue'] == 'main'{played}]
ids = {{p['perf_id'] for p in shows}}
rows = [r for f in {files} for r in csv.DictReader(open(f)) if r['perf_id'] in ids{keep}]
seats = sum(int(r['seats']) for r in rows)
capacity = sum(int(p['capacity']) for p in shows)
print(sorted(ids), seats, capacity)
print(f'{{100 * seats / capacity:.1f}}')
"""
FEES_CODE = """import csv, json
fee = json.load(open('{prices}'))['booking_fee_per_ticket']
rows = [r for r in csv.DictReader(open('{file}')) if r['channel'] in {channels}{keep}]
print(len(rows), sum(int(r['seats']) for r in rows))
print(f"{{sum(int(r['seats']) * fee[r['channel']] for r in rows):.2f}}")
"""
CONC_CODE = """import csv
week = {{p['perf_id'] for p in csv.DictReader(open('performances.csv'))
        if p['venue'] == '{venue}' and '{lo}' <= p['date'] <= '{hi}'}}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv'))
        if r['perf_id'] in week and r['type'] == 'concession'{keep}]
print(sorted(week), [r['order'] for r in rows])
print(sum(int(r['seats']) for r in rows))
"""
GULL_CODE = """import csv, json
prices = json.load(open('prices_2026.json'))['ticket_prices']['main']
terms = json.load(open('settlements.json'))['Gull Island Opera']
perfs = [p for p in csv.DictReader(open('performances.csv')) if p['show'] == 'Gull Island']
ids = {{p['perf_id'] for p in perfs}}
rows = [r for f in {files} for r in csv.DictReader(open(f)) if r['perf_id'] in ids{keep}]
gross = sum(int(r['seats']) * prices[r['band']][r['type']] for r in rows if r['type'] != 'comp')
share = gross / 1.2 * {share}
guarantee = terms['guarantee_per_played_performance_gbp'] * sum(1 for p in perfs{played})
print(f'{{gross:.2f}}', f'{{share:.2f}}', f'{{guarantee:.2f}}')
print(f'{{max(share, guarantee):.2f}}')
"""


def salt(
    prices: str = PRICES,
    keep: str = PAID,
    vat: str = "1.2",
    share: str = "0.70",
    kind: str = "r['type']",
) -> str:
    return SALT_CODE.format(prices=prices, keep=keep, vat=vat, share=share, kind=kind)


def occ(played: str = PLAYED, files: str = BOTH, keep: str = PAID_SEATS) -> str:
    return OCC_CODE.format(played=played, files=files, keep=keep)


def fees(
    prices: str = PRICES,
    file: str = MAR,
    channels: str = "('online', 'phone')",
    keep: str = PAID_SEATS,
) -> str:
    return FEES_CODE.format(prices=prices, file=file, channels=channels, keep=keep)


def conc(
    venue: str = "studio", lo: str = "2026-03-16", hi: str = "2026-03-22", keep: str = PAID
) -> str:
    return CONC_CODE.format(venue=venue, lo=lo, hi=hi, keep=keep)


def gull(
    files: str = BOTH,
    keep: str = PAID,
    share: str = "terms['company_share_of_net_receipts']",
    played: str = " if p['status'] == 'played'",
) -> str:
    return GULL_CODE.format(files=files, keep=keep, share=share, played=played)
