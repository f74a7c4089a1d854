"""The coder's scripts that recur across the collections desk's runs, as templates (the
runs fill in the farm, the file, the terms the coder was given)."""

from __future__ import annotations

ZONE = """import csv
zone = {zone}
rows = [r for r in csv.DictReader(open('collections_2026_04.csv'))
        if r['farm_id'] in zone and r['status'] == 'accepted']
print(len(rows))
print({total})
"""

FAT = """import csv
rows = [r for r in csv.DictReader(open('{file}'))
        if r['farm_id'] == '{farm}' and r['status'] == 'accepted']
litres = sum(int(r['litres']) for r in rows)
fat = sum(int(r['litres']) * float(r['butterfat_pct']) for r in rows) / litres
print([r['collection_id'] for r in rows], litres)
print(f'{{fat:.2f}}')
"""

VALUE = """import csv
rows = [r for r in csv.DictReader(open('collections_2026_04.csv'))
        if r['farm_id'] == 'F05' and r['status'] == 'accepted']
litres = sum(int(r['litres']) for r in rows)
fat = sum(int(r['litres']) * float(r['butterfat_pct']) for r in rows) / litres
protein = sum(int(r['litres']) * float(r['protein_pct']) for r in rows) / litres
ppl = {base} + {fat_term} + {protein_term}
print(litres, round(fat, 3), round(protein, 3), round(ppl, 4))
print(f'{{litres * ppl / 100:.2f}}')
"""
# the composition terms as the officer's brief puts them: per 0.1 percentage point
FAT_TERM = "(fat - {ref}) * 10 * {rate}"
PROTEIN_TERM = "(protein - {ref}) * 10 * {rate}"

SCC = """import csv
bands = {bands}
hit, total = [], 0.0
for r in csv.DictReader(open('collections_2026_04.csv')):
    if r['status'] != 'accepted':
        continue
    scc = int(r['scc_k'])
    for lo, hi, ppl in bands:
        if {test}:
            hit.append(r['collection_id'])
            total += int(r['litres']) * ppl / 100
print(hit)
print(f'{{total:.2f}}')
"""
BANDS_2026 = "[(200, 249, 0.40), (250, 349, 1.00), (350, 99999, 2.50)]"

REJECTED = """import csv
rows = list(csv.DictReader(open('collections_2026_03.csv')))
collected = sum(int(r['{column}']) for r in rows)
rejected = sum(int(r['{column}']) for r in rows if r['status'] == 'rejected')
print(rejected, collected)
print(f'{{rejected / collected * 100:.1f}}')
"""

HAULAGE = """import csv
rows = [r for r in csv.DictReader(open('collections_2026_04.csv')) if r['farm_id'] == 'F07']
accepted = sum(int(r['litres']) for r in rows if r['status'] == 'accepted')
loads = {loads}
print(accepted, loads)
print(f'{{accepted * {ppl} / 100 + loads * {fixed}:.2f}}')
"""

CHANGE = """import csv
def litres(name):
    return sum(int(r['litres']) for r in csv.DictReader(open(name)){where})
march, april = litres('collections_2026_03.csv'), litres('collections_2026_04.csv')
print(march, april)
print(f'{{{change} * 100:+.1f}}')
"""
ACCEPTED_ONLY = " if r['status'] == 'accepted'"

ORGANIC = """import csv
since = {{'F03': '2019-06-01', 'F06': '2021-03-01', 'F09': '2026-04-15'}}
rows = [r for r in csv.DictReader(open('collections_2026_04.csv'))
        if r['status'] == 'accepted' and r['farm_id'] in since{dated}]
litres = sum(int(r['litres']) for r in rows)
print(len(rows), litres)
print(f'{{litres * 11.50 / 100:.2f}}')
"""
FROM_CERTIFICATION = " and r['date'] >= since[r['farm_id']]"
