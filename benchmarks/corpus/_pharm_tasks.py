"""The hospital pharmacy stock desk's questions (one exact figure each), the files they
are asked on, and the Python the coder writes for them (templates its runs fill in, the
right way or not)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_pharm_data"
COUNT = "stock_count_2026-06-30.csv"
FILES = (
    "formulary.csv, stock_count_2026-06-30.csv, dispensing_2026q1.csv, "
    "dispensing_2026q2.csv, deliveries_2026.csv, stock_policy.json"
)

RESTOCK = (
    "Under the stock policy, how many packs in total should the main store order after "
    "the 30 June 2026 count? A whole number of packs."
)
SHORT = (
    "What is the value of the main store's short-dated stock at the 30 June 2026 count, "
    "as the stock policy defines it? GBP, two decimals."
)
ENOX = "How many enoxaparin 40 mg syringes did ward 7 use, net, in Q2 2026? A count of units."
COVER = (
    "How many days of cover of ceftriaxone 1 g does the main store hold at the 30 June "
    "2026 count, as the stock policy defines it? One decimal."
)
SPEND = "What did the pharmacy spend on deliveries from Northwell in Q2 2026? GBP, two decimals."
FRIDGE = (
    "How many usable units of fridge lines does the main store hold at the 30 June 2026 "
    "count? A count of units."
)
CD_VALUE = (
    "What is the main store's usable stock of controlled drugs worth at the 30 June 2026 "
    "count? GBP, two decimals."
)
ABX = (
    "What was ward 4's net use of the antibiotics on the formulary (amoxicillin, "
    "ceftriaxone, vancomycin) in June 2026? A count of units."
)

# --- the coder's cells (str.format templates) --------------------------------------------

RESTOCK_CODE = """import csv, math
form = {{r['code']: r for r in csv.DictReader(open('formulary.csv'))}}
have = {{}}
for b in csv.DictReader(open('stock_count_2026-06-30.csv')):
    if b['location'] in {places} and b['expiry'] >= '{cut}':
        have[b['code']] = have.get(b['code'], 0) + int(b['units'])
packs = {{}}
for code, f in form.items():
    level, units = int(f['min_level_units']), have.get(code, 0)
    if units {cmp} level:
        packs[code] = math.ceil(({mult} * level - units) / int(f['pack_size']))
print(packs)
print(sum(packs.values()))
"""
SHORT_CODE = """import csv
form = {{r['code']: r for r in csv.DictReader(open('formulary.csv'))}}
total = 0.0
for b in csv.DictReader(open('stock_count_2026-06-30.csv')):
    if b['location'] == 'main_store' and '{lo}' <= b['expiry'] <= '{hi}':
        f = form[b['code']]
        total += int(b['units']) * float(f['pack_cost_gbp']) / int(f['pack_size'])
        print(b['batch'], b['expiry'], b['units'])
print(f'{{total:.2f}}')
"""
ENOX_CODE = """import csv
rows = [r for r in csv.DictReader(open('{file}'))
        if r['ward'] == '{ward}' and r['code'] == 'ENX40']
issued = sum(int(r['units']) for r in rows if r['kind'] == 'issue')
returned = sum(int(r['units']) for r in rows if r['kind'] == 'return')
print(len(rows), issued, returned)
print({result})
"""
COVER_CODE = """import csv
usable = sum(int(b['units']) for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
             if b['code'] == 'CEF1G' and b['location'] in {places} and b['expiry'] >= '2026-06-30')
moves = [r for r in csv.DictReader(open('dispensing_2026q2.csv'))
         if r['code'] == 'CEF1G' and '{start}' <= r['date'] <= '2026-06-30']
net = sum(int(r['units']) * (1 if r['kind'] == 'issue' else {sign}) for r in moves)
print(usable, net, len(moves))
print(f'{{usable / (net / {days}):.1f}}')
"""
SPEND_CODE = """import csv
rows = [r for r in csv.DictReader(open('deliveries_2026.csv'))
        if r['supplier'] == 'Northwell' and '{start}' <= r['date'] <= '{end}'
        and r['status'] in {statuses}]
print([(r['date'], r['code'], r['status']) for r in rows])
print(f"{{sum(float(r['invoice_gbp']) for r in rows):.2f}}")
"""
FRIDGE_CODE = """import csv
fridge = {lines}
units = sum(int(b['units']) for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
            if b['code'] in fridge and b['location'] in {places} and b['expiry'] >= '{cut}')
print(sorted(fridge))
print(units)
"""
CD_CODE = """import csv
form = {{r['code']: r for r in csv.DictReader(open('formulary.csv'))}}
value = 0.0
for b in csv.DictReader(open('stock_count_2026-06-30.csv')):
    if b['code'] in {codes} and b['location'] in {places} and b['expiry'] >= '{cut}':
        f = form[b['code']]
        value += int(b['units']) * float(f['pack_cost_gbp']) / {per}
print(f'{{value:.2f}}')
"""
ABX_CODE = """import csv
abx = {codes}
rows = [r for r in csv.DictReader(open('dispensing_2026q2.csv'))
        if r['ward'] == 'ward_4' and r['code'] in abx and r['date'].startswith({months})]
net = sum(int(r['units']) if r['kind'] == 'issue' else -int(r['units']) for r in rows)
print(len(rows))
print(net)
"""

MAIN = "('main_store',)"
BOTH = "('main_store', 'icu')"
CUT = "2026-06-30"
CDS = "('MOR10', 'OXY5')"
ANTIBIOTICS = "{'AMX500', 'CEF1G', 'VAN500'}"
FRIDGE_LINES = (
    "{r['code'] for r in csv.DictReader(open('formulary.csv')) if r['storage'] == 'fridge'}"
)


def restock(places: str = MAIN, cut: str = CUT, cmp: str = "<=", mult: int = 2) -> str:
    return RESTOCK_CODE.format(places=places, cut=cut, cmp=cmp, mult=mult)


def short(lo: str = CUT, hi: str = "2026-09-28") -> str:
    return SHORT_CODE.format(lo=lo, hi=hi)


def enox(file: str = "dispensing_2026q2.csv", ward: str = "ward_7", net: bool = True) -> str:
    return ENOX_CODE.format(file=file, ward=ward, result="issued - returned" if net else "issued")


def cover(places: str = MAIN, start: str = "2026-06-03", sign: int = -1, days: int = 28) -> str:
    return COVER_CODE.format(places=places, start=start, sign=sign, days=days)


def spend(
    start: str = "2026-04-01", end: str = "2026-06-30", statuses: str = "('received',)"
) -> str:
    return SPEND_CODE.format(start=start, end=end, statuses=statuses)


def fridge(lines: str = FRIDGE_LINES, places: str = MAIN, cut: str = CUT) -> str:
    return FRIDGE_CODE.format(lines=lines, places=places, cut=cut)


def cd_value(
    codes: str = CDS, places: str = MAIN, cut: str = CUT, per: str = "int(f['pack_size'])"
) -> str:
    return CD_CODE.format(codes=codes, places=places, cut=cut, per=per)


def abx(codes: str = ANTIBIOTICS, months: str = "'2026-06'") -> str:
    return ABX_CODE.format(codes=codes, months=months)
