"""The honey co-operative's questions (one exact figure each) and the Python the analyst
writes for them (templates its runs fill in, the right way or not)."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

JUL, AUG = "deliveries_2026-07.csv", "deliveries_2026-08.csv"
PRICES, OLD_PRICES = "prices_2026.json", "prices_2025.json"
MEMBERS, INSPECTIONS = "members.csv", "inspections_2026.csv"

PAY = (
    "How much does the co-op owe Morag Lindsay (member M07) for her August 2026 honey "
    "deliveries, at this season's prices less the extraction fee? GBP, two decimals."
)
HEATHER = (
    "How many kilograms of heather honey from North district members did the co-op accept "
    "in August 2026? kg, one decimal."
)
MITES = (
    "What was the mean daily varroa drop of the untreated hives at Glenview apiary in the "
    "July 2026 inspections? Mites a day, one decimal."
)
JULY = (
    "What did the co-op pay its members in all for the honey it accepted in July 2026, net "
    "of the extraction fee, at this season's prices? GBP, two decimals."
)

ACCEPTED = " and r['status'] == 'accepted'"
UNTREATED = " and r['treated'] == 'no'"

PAY_CODE = """import csv, json
p = json.load(open('{prices}'))
rows = [r for r in csv.DictReader(open('{file}')) if r['member_id'] == 'M07'{keep}]
kg = sum(float(r['kg']) for r in rows)
gross = sum(float(r['kg']) * p['price_per_kg_gbp'][r['honey']] for r in rows)
{shown}
print(f"{{{net}:.2f}}")
"""
PAY_SHOWN = "print([r['lot'] for r in rows], kg, f'{gross:.2f}', f\"{kg * p['extraction_fee_per_kg_gbp']:.2f}\")"
PAY_SHOWN_GROSS = "print([r['lot'] for r in rows], kg, f'{gross:.2f}')"
HEATHER_CODE = """import csv
north = {{m['member_id'] for m in csv.DictReader(open('members.csv')) if m['district'] == '{district}'}}
rows = [r for r in csv.DictReader(open('{file}')) if {who}{honey}{keep}]
print([r['lot'] for r in rows])
print(f"{{sum(float(r['kg']) for r in rows):.1f}}")
"""
MITES_CODE = """import csv
rows = [r for r in csv.DictReader(open('inspections_2026.csv'))
        if r['apiary'] == '{apiary}' and r['date'].startswith('{month}'){keep}]
print([r['hive'] for r in rows])
print(f"{{sum(float(r['varroa_per_day']) for r in rows) / len(rows):.1f}}")
"""
JULY_CODE = """import csv, json
p = json.load(open('{prices}'))
fee = {fee}
rows = [r for r in csv.DictReader(open('{file}')) if True{keep}]
kg = sum(float(r['kg']) for r in rows)
gross = sum(float(r['kg']) * p['price_per_kg_gbp'][r['honey']] for r in rows)
print(len(rows), kg, f'{{gross:.2f}}', f'{{kg * fee:.2f}}')
print(f"{{{net}:.2f}}")
"""
NET = "gross - kg * p['extraction_fee_per_kg_gbp']"
FEE = "p['extraction_fee_per_kg_gbp']"


def pay(prices: str = PRICES, file: str = AUG, keep: str = ACCEPTED, net: str = NET) -> str:
    shown = PAY_SHOWN if net != "gross" else PAY_SHOWN_GROSS
    return PAY_CODE.format(prices=prices, file=file, keep=keep, net=net, shown=shown)


def heather(
    file: str = AUG,
    keep: str = ACCEPTED,
    honey: str = " and r['honey'] == 'heather'",
    who: str = "r['member_id'] in north",
    district: str = "North",
) -> str:
    return HEATHER_CODE.format(file=file, keep=keep, honey=honey, who=who, district=district)


def mites(apiary: str = "Glenview", month: str = "2026-07", keep: str = UNTREATED) -> str:
    return MITES_CODE.format(apiary=apiary, month=month, keep=keep)


def july(
    prices: str = PRICES, file: str = JUL, keep: str = ACCEPTED, fee: str = FEE, net: str = ""
) -> str:
    net = net or "gross - kg * fee"
    return JULY_CODE.format(prices=prices, file=file, keep=keep, fee=fee, net=net)
