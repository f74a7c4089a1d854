"""The meals desk's questions (one exact figure each) and the code cells they share."""

from __future__ import annotations

NORTH_Q1 = (
    "How many lunches did Harlow Valley's North zone schools serve in the first quarter "
    "of 2026 (January to March)? Give the count."
)
MAPLE_MAR = (
    "How many lunches per enrolled pupil did Maple Street Elementary serve in March 2026? "
    "Two decimals."
)
EAST_BF = (
    "By what percentage did breakfasts served at East zone schools change from April 2025 "
    "to April 2026 (every East zone school serving in each month)? One decimal, with its "
    "sign."
)
SOUTH_FREE = (
    "What share of the lunches served by South zone schools in Q2 2026 (April to June) "
    "were free lunches? Percent, one decimal."
)
CEDAR_MAY = (
    "What federal lunch reimbursement is Cedar Hill Middle owed for May 2026 (free, "
    "reduced-price and paid lunches, each at the 2026 rate)? USD, two decimals."
)
GRANT_Q1 = (
    "How much can the district claim from the state's Fresh From the Valley produce "
    "grant (produce_grant.json) for Q1 2026? USD, two decimals."
)
GRANT_Q2 = (
    "How much can the district claim from the state's Fresh From the Valley produce "
    "grant (produce_grant.json) for Q2 2026 (April to June)? USD, two decimals."
)
COST_Q1 = (
    "What did each meal (breakfasts and lunches together) cost the district's kitchens "
    "in Q1 2026: food spend plus kitchen labour hours at the 2026 labour rate, over all "
    "meals served? USD, two decimals."
)
FEB_DAILY = (
    "On average, how many lunches did the whole district serve per serving day in "
    "February 2026? One decimal."
)
EAST_H1 = (
    "How many lunches did East zone schools serve in the first half of 2026 (January to "
    "June), leaving out any school that opened in 2026? Give the count."
)
ORCHARD_APR = (
    "What was Orchard Lane Elementary's lunch participation rate in April 2026 (lunches "
    "served over enrolment times serving days)? Percent, one decimal."
)

ZONE_SUM = """
import csv
zone = {{r['school_id']: r['zone'] for r in csv.DictReader(open('schools.csv'))}}
rows = [r for r in csv.DictReader(open('{file}'))
        if zone[r['school_id']] == '{zone}' and r['month'] in {months}]
print(len(rows), 'rows')
print(sum(int(r['{col}']) for r in rows))
"""

Q1_26 = "('2026-01', '2026-02', '2026-03')"
Q2_26 = "('2026-04', '2026-05', '2026-06')"
H1_26 = "tuple(f'2026-0{m}' for m in range(1, 7))"

GRANT_CELL = """
import csv, json
g = json.load(open('produce_grant.json'))
schools = {{r['school_id']: r for r in csv.DictReader(open('schools.csv'))}}
ok = {{s for s, r in schools.items() if r['kitchen'] == 'onsite'}}{exclude}
n = sum(int(r['lunches']) for r in csv.DictReader(open('meals_2026.csv'))
        if r['school_id'] in ok and r['month'] in g['quarters']['{q}'])
claim = n * g['rate_usd_per_lunch']
print(n, round(claim, 2))
due = {final}
print(f'{{due:.2f}}')
"""
EXCLUDE = " - set(g['excluded_school_ids'])"
CAPPED = "min(claim, g['quarterly_cap_usd'])"

COST_CELL = """
import csv
q1 = ('2026-01', '2026-02', '2026-03')
costs = [r for r in csv.DictReader(open('kitchen_costs_2026.csv')) if r['month'] in q1]
meals = [r for r in csv.DictReader(open('meals_2026.csv')) if r['month'] in q1]
food = sum(float(r['food_usd']) for r in costs)
hours = sum(float(r['labour_hours']) for r in costs)
served = sum(int(r['lunches']){plus} for r in meals)
print(round(food, 2), round(hours, 1), served)
print(f'{{(food + hours * {rate}) / served:.2f}}')
"""
BREAKFASTS = " + int(r['breakfasts'])"
