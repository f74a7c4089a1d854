"""The honey desk's questions (one exact figure each) and the code cells they share."""

from __future__ import annotations

DOWNS_Q2 = (
    "How much honey did the Downs district apiaries take in Q2 2026 (April to June)? "
    "Kilograms, one decimal."
)
HOLLOW_JUN = (
    "How much honey per active hive did Hollow Oak take in June 2026? Kilograms, two decimals."
)
VALE_JUL = (
    "By what percentage did the Vale district's July honey change from 2025 to 2026? One "
    "decimal, with its sign."
)
QUEENLESS_Q3 = (
    "What share of the hives inspected across the co-operative in Q3 2026 (July to "
    "September) were found queenless? Percent, one decimal."
)
BROOKSIDE_JUN = (
    "What is Brookside Meadow's June 2026 honey worth at the 2026 wholesale price, after the "
    "co-operative's levy? GBP, two decimals."
)
GRANT_Q3 = (
    "How much can the co-operative claim from the County Varroa Treatment Grant "
    "(treatment_grant.json) for Q3 2026? GBP, two decimals."
)
MARSH_SEASON = (
    "How much honey did the Marsh district apiaries take from April to September 2026, "
    "leaving out any apiary opened in 2026? Kilograms, one decimal."
)
VALE_Q2_HIVE = (
    "How much honey did the Vale district take per active hive in Q2 2026 (the quarter's "
    "honey over the sum of the monthly active hives)? Kilograms, two decimals."
)

DISTRICT_SUM = """
import csv
district = {{r['apiary_id']: r['district'] for r in csv.DictReader(open('apiaries.csv'))}}
rows = [r for r in csv.DictReader(open('{file}'))
        if district[r['apiary_id']] == '{district}' and r['month'] in {months}{skip}]
print(len(rows), 'rows')
print(round(sum(float(r['honey_kg']) for r in rows), 1))
"""
Q2_26 = "('2026-04', '2026-05', '2026-06')"
Q3_26 = "('2026-07', '2026-08', '2026-09')"
SEASON_26 = "tuple(f'2026-0{m}' for m in range(4, 10))"

CHANGE = """
import csv
district = {{r['apiary_id']: r['district'] for r in csv.DictReader(open('apiaries.csv'))}}
def kg(file, month):
    return sum(float(r['honey_kg']) for r in csv.DictReader(open(file))
               if district[r['apiary_id']] == 'Vale' and r['month'] == month)
old, new = kg('honey_2025.csv', '2025-{m}'), kg('honey_2026.csv', '2026-{m}')
print(round(old, 1), round(new, 1))
print(f'{{(new - old) / {base} * 100:+.1f}}')
"""

QUEENLESS = """
import csv
rows = [r for r in csv.DictReader(open('inspections_2026.csv')) if r['month'] in {months}]
lost = sum(int(r['queenless']) for r in rows)
seen = sum(int(r['{col}']) for r in rows)
print(len(rows), 'rows', lost, seen)
print(f'{{lost / seen * 100:.1f}}')
"""

VALUE = """
import csv, json
p = json.load(open('{prices}'))
row = next(r for r in csv.DictReader(open('honey_2026.csv'))
           if r['apiary_id'] == 'AP-05' and r['month'] == '2026-06')
kg = float(row['honey_kg'])
gross = kg * p['honey_price_per_kg']['{grade}']
print(kg, round(gross, 2))
print(f"{{gross * (1 - {levy} / 100):.2f}}")
"""

GRANT = """
import csv, json
g = json.load(open('treatment_grant.json'))
rows = [r for r in csv.DictReader(open('inspections_2026.csv'))
        if r['month'] in g['quarters']['Q3']{skip}
        and float(r['varroa_per_100']) {op} {threshold}]
hives = sum(int(r['hives_inspected']) for r in rows)
claim = hives * g['rate_gbp_per_hive']
print(len(rows), 'rows', hives, round(claim, 2))
print(f"{{{final}:.2f}}")
"""
EXCLUDED = " and r['apiary_id'] not in g['excluded_apiary_ids']"
CAPPED = "min(claim, g['quarterly_cap_gbp'])"

PER_HIVE = """
import csv
district = {{r['apiary_id']: r['district'] for r in csv.DictReader(open('apiaries.csv'))}}
rows = [r for r in csv.DictReader(open('honey_2026.csv'))
        if district[r['apiary_id']] == 'Vale' and r['month'] in {months}]
kg = sum(float(r['honey_kg']) for r in rows)
hives = sum(int(r['hives_active']) for r in rows)
print(len(rows), 'rows', round(kg, 1), hives)
print(f'{{kg / hives:.2f}}')
"""
