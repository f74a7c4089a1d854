"""Meals desk runs that go wrong upstream: a misread figure, the wrong file or row, the plan."""

from __future__ import annotations

from benchmarks.corpus import _meals_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
from benchmarks.corpus._meals_team import (
    ANALYST,
    CLERK,
    LEAD,
    OFFICER,
    REVIEWER,
    WRITER,
    Run,
    ask,
    cell,
    read,
)
from benchmarks.corpus._meals_team import Turn as T

REIMB = """
free, reduced, lunches = {f}, {r}, {n}
paid = lunches - free - reduced
print('paid', paid)
print(f'{{free * {rf} + reduced * {rr} + paid * {rp}:.2f}}')
"""
CEDAR_RATES = (
    "rates_2026.json, lunch: free USD 4.61, reduced-price USD 4.21, paid USD 0.48 per lunch."
)

RUNS: list[Run] = [
    Run(
        "maple_01_enrolment_transposed",
        WRONG_INPUT,
        q.MAPLE_MAR,
        [
            ask(
                CLERK,
                "Maple Street Elementary: its enrolment from schools.csv and its March 2026 "
                "lunches from meals_2026.csv.",
            ),
            read(CLERK, "schools.csv", "Maple Street"),
            T(
                CLERK,
                "Maple Street Elementary is HV-01 (North zone, onsite kitchen) with 421 "
                "pupils enrolled. Its March lunches are the 2026-03 line for HV-01 in "
                "meals_2026.csv.",
                mark="root",
            ),
            ask(
                ANALYST,
                "Take Maple Street (HV-01) lunches for 2026-03 from meals_2026.csv and divide "
                "by its enrolment, 421 per the clerk. Two decimals.",
            ),
            cell(
                ANALYST,
                "import csv\nrow = next(r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "           if r['school_id'] == 'HV-01' and r['month'] == '2026-03')\n"
                "print('lunches', row['lunches'])\nprint(f\"{int(row['lunches']) / 421:.2f}\")",
                "15.82",
            ),
            T(ANALYST, "HV-01 served 6,661 lunches in March; 6,661 / 421 = 15.82 per pupil."),
            ask(
                REVIEWER,
                "Maple Street, March 2026: 6,661 lunches over 421 enrolled = 15.82. Check it.",
            ),
            T(
                REVIEWER,
                "6,661 matches the HV-01 March row and the division is right to two "
                "decimals. Approved, 15.82 lunches per pupil.",
                mark="symptom",
            ),
            T(
                LEAD,
                "Maple Street Elementary served 15.82 lunches per enrolled pupil in March "
                "2026 (6,661 lunches, 421 pupils).",
            ),
        ],
        answer="15.82",
        expect="16.17",
    ),
    Run(
        "cedar_01_free_rate_flipped",
        WRONG_INPUT,
        q.CEDAR_MAY,
        [
            ask(
                OFFICER,
                "What are the 2026 federal lunch reimbursement rates, free, reduced and paid?",
                "Rates first, then Cedar Hill's May counts.",
            ),
            read(OFFICER, "rates_2026.json"),
            T(
                OFFICER,
                "2026 lunch rates: free USD 4.16, reduced-price USD 4.21, paid USD 0.48 per "
                "lunch. (Breakfast has its own table; not needed here.)",
                mark="root",
            ),
            ask(CLERK, "Cedar Hill Middle's May 2026 row of meals_2026.csv, please."),
            read(CLERK, "meals_2026.csv", "2026-05,HV-04"),
            T(
                CLERK,
                "HV-04 (Cedar Hill Middle), 2026-05: 8,032 lunches, of which 4,270 free and "
                "826 reduced-price; 20 serving days.",
            ),
            ask(
                ANALYST,
                "Reimbursement for Cedar Hill, May 2026: free 4,270 at 4.16, reduced 826 at "
                "4.21, paid = 8,032 - 4,270 - 826 at 0.48. USD, two decimals.",
            ),
            cell(
                ANALYST,
                REIMB.format(f=4270, r=826, n=8032, rf=4.16, rr=4.21, rp=0.48),
                "22649.94",
            ),
            T(ANALYST, "Paid lunches 2,936. Total owed: USD 22,649.94."),
            ask(
                REVIEWER,
                "Cedar Hill May reimbursement USD 22,649.94 (free 4,270 x 4.16, reduced 826 "
                "x 4.21, paid 2,936 x 0.48). Please review.",
            ),
            T(
                REVIEWER,
                "Counts add up to 8,032 and each product is right. Paid share looks normal "
                "for a middle school. Approved at USD 22,649.94.",
                mark="symptom",
            ),
            T(LEAD, "Cedar Hill Middle is owed USD 22,649.94 in lunch reimbursement for May 2026."),
        ],
        answer="22,649.94",
        expect="24571.44",
    ),
    Run(
        "orchard_01_days_in_brief",
        WRONG_INPUT,
        q.ORCHARD_APR,
        [
            ask(
                CLERK,
                "For Orchard Lane Elementary I need enrolment (schools.csv) and the April "
                "2026 row of meals_2026.csv: lunches and serving days.",
            ),
            read(CLERK, "meals_2026.csv", "2026-04,HV-07"),
            T(
                CLERK,
                "Orchard Lane is HV-07 (enrolment 334 per schools.csv). April 2026: 3,754 "
                "lunches over 17 serving days; 1,162 breakfasts.",
            ),
            ask(
                ANALYST,
                "Participation for Orchard Lane, April 2026: 3,754 lunches / (334 pupils x "
                "19 serving days), as a percent to one decimal.",
                mark="root",
            ),
            cell(ANALYST, "print(f'{3754 / (334 * 19) * 100:.1f}')", "59.2"),
            T(ANALYST, "59.2 percent."),
            ask(REVIEWER, "Orchard Lane April participation came out at 59.2%. Sound?"),
            cell(REVIEWER, "print(round(3754 / (334 * 19) * 100, 1))", "59.2"),
            T(
                REVIEWER,
                "Reran it: 59.2. A bit under the elementary norm, but April has the spring "
                "break. Approved.",
                mark="symptom",
            ),
            T(LEAD, "Orchard Lane Elementary's lunch participation in April 2026 was 59.2%."),
        ],
        answer="59.2",
        expect="66.1",
    ),
]

RUNS += [
    Run(
        "north_01_last_years_file",
        WRONG_SOURCE,
        q.NORTH_Q1,
        [
            ask(CLERK, "Which schools make up the North zone? Ids please.", "Zone first."),
            read(CLERK, "schools.csv", "North"),
            T(CLERK, "North zone: HV-01, HV-02, HV-03 and HV-10."),
            ask(
                ANALYST,
                "Total lunches for HV-01, HV-02, HV-03, HV-10 over January to March. Print "
                "how many rows you summed.",
            ),
            cell(
                ANALYST,
                "import csv\nnorth = {'HV-01', 'HV-02', 'HV-03', 'HV-10'}\n"
                "rows = [r for r in csv.DictReader(open('meals_2025.csv'))\n"
                "        if r['school_id'] in north and r['month'][5:] in ('01', '02', '03')]\n"
                "print(len(rows), 'rows')\nprint(sum(int(r['lunches']) for r in rows))",
                "75798",
                mark="root",
            ),
            T(ANALYST, "12 rows summed, 75,798 lunches for the North zone, January to March."),
            ask(REVIEWER, "North zone Q1 lunches: 75,798 over 12 rows. Good to send?"),
            T(
                REVIEWER,
                "Four schools times three months is 12 rows, and the total sits where a "
                "winter quarter should. Approved: 75,798.",
                mark="symptom",
            ),
            ask(WRITER, "Write up: North zone served 75,798 lunches in Q1 2026."),
            T(
                WRITER,
                "In the first quarter of 2026 the four North zone schools (Maple Street, "
                "Birchwood, Northgate Middle and Pinecrest) served 75,798 lunches.",
            ),
            T(LEAD, "North zone schools served 75,798 lunches in Q1 2026."),
        ],
        answer="75,798",
        expect="75,611",
    ),
    Run(
        "cedar_02_riverside_row",
        WRONG_SOURCE,
        q.CEDAR_MAY,
        [
            ask(
                CLERK,
                "Pull Cedar Hill Middle's May 2026 lunch counts (total, free, reduced) from "
                "meals_2026.csv.",
                "Counts from the clerk, rates from the programme officer.",
            ),
            read(CLERK, "meals_2026.csv", "2026-05,HV-05", mark="root"),
            T(
                CLERK,
                "Cedar Hill, May 2026: 4,152 lunches, 2,482 free and 295 reduced-price, 20 "
                "serving days.",
            ),
            ask(OFFICER, "2026 lunch reimbursement rates please: free, reduced, paid."),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, CEDAR_RATES),
            ask(
                ANALYST,
                "Compute: free 2,482 x 4.61 + reduced 295 x 4.21 + paid (4,152 - 2,482 - "
                "295) x 0.48. USD to two decimals.",
            ),
            cell(
                ANALYST,
                REIMB.format(f=2482, r=295, n=4152, rf=4.61, rr=4.21, rp=0.48),
                "13343.97",
            ),
            T(ANALYST, "1,375 paid lunches; reimbursement USD 13,343.97."),
            ask(REVIEWER, "Please review: Cedar Hill May 2026 reimbursement USD 13,343.97."),
            T(
                REVIEWER,
                "Rates are the 2026 ones and the arithmetic holds. Approved, USD 13,343.97.",
                mark="symptom",
            ),
            T(LEAD, "Cedar Hill Middle is owed USD 13,343.97 for May 2026 lunches."),
        ],
        answer="13,343.97",
        expect="24571.44",
    ),
    Run(
        "cost_01_labour_rate_2025",
        WRONG_SOURCE,
        q.COST_Q1,
        [
            ask(
                OFFICER,
                "What hourly rate do we cost kitchen labour at?",
                "Labour rate from the officer; the analyst does the quarter.",
            ),
            read(OFFICER, "rates_2025.json", mark="root"),
            T(
                OFFICER,
                "Kitchen labour is costed at USD 23.75 an hour (kitchen_labour_usd_per_hour).",
            ),
            ask(
                ANALYST,
                "Q1 2026 cost per meal: food_usd plus labour_hours x 23.75 from "
                "kitchen_costs_2026.csv, over breakfasts plus lunches in meals_2026.csv, "
                "January to March.",
            ),
            cell(
                ANALYST,
                q.COST_CELL.format(plus=q.BREAKFASTS, rate=23.75),
                "2.79",
            ),
            T(
                ANALYST,
                "Food USD 419,977.77, 15,977.8 labour hours, 286,937 meals. USD 2.79 a meal.",
            ),
            ask(REVIEWER, "Cost per meal Q1 2026 = USD 2.79. Check the working, please."),
            cell(
                REVIEWER,
                "print(round((419977.77 + 15977.8 * 23.75) / 286937, 2))",
                "2.79",
            ),
            T(
                REVIEWER,
                "Same figure from the printed totals. Approved, USD 2.79 per meal.",
                mark="symptom",
            ),
            ask(WRITER, "One line for the board: Q1 2026 cost per meal USD 2.79."),
            T(
                WRITER,
                "Kitchens spent USD 2.79 per meal served in Q1 2026, food and labour "
                "together, across 286,937 breakfasts and lunches.",
            ),
            T(LEAD, "Each meal cost the district's kitchens USD 2.79 in Q1 2026."),
        ],
        answer="2.79",
        expect="2.84",
    ),
]

RUNS += [
    Run(
        "north_02_spring_term",
        BAD_SPLIT,
        q.NORTH_Q1,
        [
            ask(
                CLERK,
                "Ids of the North zone schools, from schools.csv.",
                "Plan: the first quarter for the meals programme is the spring term, "
                "January through April, so (1) the clerk lists North zone schools, (2) the "
                "analyst sums their lunches for 2026-01 to 2026-04, (3) review.",
                mark="root",
            ),
            read(CLERK, "schools.csv", "North"),
            T(CLERK, "HV-01 Maple Street, HV-02 Birchwood, HV-03 Northgate, HV-10 Pinecrest."),
            ask(
                ANALYST,
                "Sum lunches in meals_2026.csv for HV-01, HV-02, HV-03, HV-10, months "
                "2026-01 to 2026-04.",
            ),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2026.csv",
                    zone="North",
                    months="('2026-01', '2026-02', '2026-03', '2026-04')",
                    col="lunches",
                ),
                "97859",
            ),
            T(ANALYST, "16 rows, 97,859 lunches."),
            ask(REVIEWER, "North zone lunches for the quarter: 97,859 (16 rows). Verify."),
            T(
                REVIEWER,
                "Four schools by four months, 16 rows, all from the 2026 file. The sum is "
                "consistent. Approved, 97,859.",
                mark="symptom",
            ),
            T(LEAD, "North zone schools served 97,859 lunches in the first quarter of 2026."),
        ],
        answer="97,859",
        expect="75,611",
    ),
    Run(
        "cost_02_per_lunch",
        BAD_SPLIT,
        q.COST_Q1,
        [
            ask(
                OFFICER,
                "The 2026 kitchen labour rate, please.",
                "Steps: labour rate from the officer; then the analyst takes Q1 food spend "
                "plus labour and divides by the quarter's lunches served, the meal count "
                "the kitchens report against.",
                mark="root",
            ),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, "USD 24.80 per kitchen labour hour in 2026."),
            ask(
                ANALYST,
                "Q1 2026: (sum food_usd + sum labour_hours x 24.80) from "
                "kitchen_costs_2026.csv, divided by total lunches in meals_2026.csv for "
                "January to March.",
            ),
            cell(ANALYST, q.COST_CELL.format(plus="", rate=24.80), "3.99"),
            T(ANALYST, "Food 419,977.77, hours 15,977.8, lunches 204,639. USD 3.99 each."),
            ask(REVIEWER, "Q1 2026 kitchen cost per meal: USD 3.99. Please sign off."),
            T(
                REVIEWER,
                "Labour at the 2026 rate, all three zones' costs in, the lunches total "
                "matches the file. Signed off at USD 3.99.",
                mark="symptom",
            ),
            T(LEAD, "Each meal cost the kitchens USD 3.99 in Q1 2026."),
        ],
        answer="3.99",
        expect="2.84",
    ),
    Run(
        "eastbf_01_like_for_like",
        BAD_SPLIT,
        q.EAST_BF,
        [
            ask(CLERK, "Which schools are in the East zone, and when did each open?"),
            read(CLERK, "schools.csv", "East"),
            T(
                CLERK,
                "East zone: HV-07 Orchard Lane Elementary (2010), HV-08 Eastbrook High "
                "(1983), HV-09 Willow Creek Elementary (opened 2026).",
            ),
            ask(
                ANALYST,
                "Breakfasts in April 2025 (meals_2025.csv) and April 2026 (meals_2026.csv) "
                "for HV-07 and HV-08; Willow Creek has no 2025 line, so keep it out of both "
                "to compare like with like. Percent change, one decimal.",
                mark="root",
            ),
            cell(
                ANALYST,
                "import csv\nids = {'HV-07', 'HV-08'}\n"
                "def total(f, m):\n"
                "    return sum(int(r['breakfasts']) for r in csv.DictReader(open(f))\n"
                "               if r['school_id'] in ids and r['month'] == m)\n"
                "a, b = total('meals_2025.csv', '2025-04'), total('meals_2026.csv', '2026-04')\n"
                "print(a, b)\nprint(f'{(b - a) / a * 100:+.1f}')",
                "+0.7",
            ),
            T(ANALYST, "5,382 breakfasts in April 2025, 5,417 in April 2026: +0.7%."),
            ask(REVIEWER, "East zone breakfasts, April on April: +0.7%. OK?"),
            T(
                REVIEWER,
                "Both years read from the right files, same months, change taken over the "
                "2025 base. Approved: +0.7%.",
                mark="symptom",
            ),
            ask(WRITER, "Draft the answer: East zone April breakfasts +0.7% year on year."),
            T(
                WRITER,
                "Breakfasts at East zone schools were essentially flat: up 0.7% from April "
                "2025 (5,382) to April 2026 (5,417).",
            ),
            T(LEAD, "East zone breakfasts rose 0.7% (+0.7) from April 2025 to April 2026."),
        ],
        answer="+0.7",
        expect="+20.1",
    ),
]
