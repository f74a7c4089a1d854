"""More meals desk runs that end right: grants, costs, February, the East zone."""

from __future__ import annotations

from benchmarks.corpus import _meals_tasks as q
from benchmarks.corpus._common import HEALTHY
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

GRANT_TERMS = (
    "USD 0.11 per lunch at onsite-kitchen schools; HV-06 Southfield High excluded (its "
    "kitchen is under the high-school pilot); cap USD 11,500 a quarter."
)
FEB = """
import csv
rows = [r for r in csv.DictReader(open('meals_2026.csv')) if r['month'] == '2026-02']
total = sum(int(r['lunches']) for r in rows)
days = {{r['serving_days'] for r in rows}}
print(len(rows), total, days)
print(f'{{total / {days}:.1f}}')
"""

RUNS: list[Run] = [
    Run(
        "grant1_ok_01_cap_binds",
        HEALTHY,
        q.GRANT_Q1,
        [
            ask(OFFICER, "Produce grant terms from produce_grant.json."),
            read(OFFICER, "produce_grant.json"),
            T(OFFICER, GRANT_TERMS),
            ask(
                ANALYST,
                "Q1 2026: eligible lunches (onsite kitchen, not HV-06) x 0.11, then apply "
                "the 11,500 quarterly cap.",
            ),
            cell(
                ANALYST, q.GRANT_CELL.format(exclude=q.EXCLUDE, q="Q1", final=q.CAPPED), "11500.00"
            ),
            T(
                ANALYST,
                "116,308 eligible lunches, USD 12,793.88 uncapped; the cap binds: 11,500.00.",
            ),
            ask(REVIEWER, "Q1 grant claim USD 11,500.00 (cap). Review."),
            T(REVIEWER, "Eligibility and exclusion as the terms say; the cap applies. Approved."),
            T(LEAD, "The district can claim USD 11,500.00 (the quarterly cap) for Q1 2026."),
        ],
        answer="11,500.00",
        expect="11,500.00",
    ),
    Run(
        "grant2_ok_01_under_cap",
        HEALTHY,
        q.GRANT_Q2,
        [
            ask(OFFICER, "Fresh From the Valley terms, please."),
            read(OFFICER, "produce_grant.json"),
            T(OFFICER, GRANT_TERMS),
            ask(ANALYST, "Q2 2026 claim under those terms, cap included."),
            cell(
                ANALYST, q.GRANT_CELL.format(exclude=q.EXCLUDE, q="Q2", final=q.CAPPED), "10802.55"
            ),
            T(ANALYST, "98,205 eligible lunches: USD 10,802.55, below the cap."),
            ask(REVIEWER, "Q2 grant claim USD 10,802.55. Review."),
            T(REVIEWER, "Southfield left out, satellite kitchens out, cap not reached. Approved."),
            ask(WRITER, "Write up the Q2 produce grant claim, USD 10,802.55."),
            T(
                WRITER,
                "For April to June 2026 the district can claim USD 10,802.55 from Fresh From the "
                "Valley.",
            ),
            T(LEAD, "The district can claim USD 10,802.55 from the produce grant for Q2 2026."),
        ],
        answer="10,802.55",
        expect="10,802.55",
    ),
    Run(
        "cost_ok_01_plain",
        HEALTHY,
        q.COST_Q1,
        [
            ask(OFFICER, "The 2026 kitchen labour rate."),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, "USD 24.80 an hour in 2026."),
            ask(
                ANALYST,
                "Q1 2026 cost per meal: food plus hours x 24.80, over breakfasts plus lunches.",
            ),
            cell(ANALYST, q.COST_CELL.format(plus=q.BREAKFASTS, rate=24.80), "2.84"),
            T(ANALYST, "419,977.77 food, 15,977.8 hours, 286,937 meals: USD 2.84 a meal."),
            ask(REVIEWER, "Q1 2026 cost per meal USD 2.84. Check."),
            T(REVIEWER, "Both meal types counted, 2026 labour rate, all zones. Approved."),
            T(LEAD, "Each meal cost the district's kitchens USD 2.84 in Q1 2026."),
        ],
        answer="2.84",
        expect="2.84",
    ),
    Run(
        "cost_ok_02_rate_questioned",
        HEALTHY,
        q.COST_Q1,
        [
            ask(OFFICER, "Kitchen labour rate for costing this year?"),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, "USD 24.80 per hour."),
            ask(ANALYST, "Q1 2026 per-meal cost, food plus labour at 24.80, all meals."),
            cell(ANALYST, q.COST_CELL.format(plus=q.BREAKFASTS, rate=24.80), "2.84"),
            T(ANALYST, "USD 2.84 per meal."),
            ask(REVIEWER, "USD 2.84 per meal for Q1 2026. Review."),
            T(
                REVIEWER,
                "Last year's costing used 23.75 an hour. Is 24.80 the 2026 figure? Please "
                "confirm before I approve.",
            ),
            ask(OFFICER, "The reviewer asks: is 24.80 this year's labour rate, not 23.75?"),
            read(OFFICER, "rates_2025.json"),
            T(
                OFFICER,
                "23.75 is 2025's (rates_2025.json); 24.80 is in rates_2026.json. 24.80 stands.",
            ),
            ask(REVIEWER, "Officer confirms 24.80 is 2026's rate. Approve USD 2.84?"),
            T(REVIEWER, "Then approved, USD 2.84."),
            T(LEAD, "Each meal cost USD 2.84 in Q1 2026, food and labour together."),
        ],
        answer="2.84",
        expect="2.84",
    ),
    Run(
        "feb_ok_01_days_from_file",
        HEALTHY,
        q.FEB_DAILY,
        [
            ask(
                ANALYST,
                "February 2026 district lunches per serving day; take the serving days from "
                "the file, not the calendar.",
            ),
            cell(ANALYST, FEB.format(days=18), "3480.9"),
            T(ANALYST, "All 10 schools report 18 serving days; 62,657 lunches, 3,480.9 a day."),
            ask(REVIEWER, "February 2026: 3,480.9 lunches per serving day. Check."),
            T(
                REVIEWER,
                "18 days is what every row says (a short month with the winter break). Approved.",
            ),
            T(LEAD, "The district served 3,480.9 lunches per serving day in February 2026."),
        ],
        answer="3,480.9",
        expect="3,480.9",
    ),
    Run(
        "feb_ok_02_sum_fixed",
        HEALTHY,
        q.FEB_DAILY,
        [
            ask(OFFICER, "February 2026 serving days?"),
            read(OFFICER, "meals_2026.csv", "2026-02,HV-03"),
            T(OFFICER, "18 serving days (the serving_days column, February 2026)."),
            ask(ANALYST, "District February 2026 lunches over 18 days, one decimal."),
            cell(
                ANALYST,
                "import csv\nrows = [r for r in csv.DictReader(open('meals_2026.csv')) "
                "if r['month'] == '2026-02']\nprint(sum(r['lunches'] for r in rows) / 18)",
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            cell(
                ANALYST,
                "import csv\nrows = [r for r in csv.DictReader(open('meals_2026.csv')) "
                "if r['month'] == '2026-02']\ntotal = sum(int(r['lunches']) for r in rows)\n"
                "print(total)\nprint(f'{total / 18:.1f}')",
                "3480.9",
                "Forgot the int(); rerunning.",
            ),
            T(ANALYST, "62,657 lunches / 18 = 3,480.9."),
            ask(REVIEWER, "February per-day lunches 3,480.9. Review."),
            T(REVIEWER, "Whole district, 18 days. Approved."),
            T(LEAD, "3,480.9 lunches per serving day across the district in February 2026."),
        ],
        answer="3,480.9",
        expect="3,480.9",
    ),
    Run(
        "easth1_ok_01_new_school_out",
        HEALTHY,
        q.EAST_H1,
        [
            ask(CLERK, "East zone schools with opening years."),
            read(CLERK, "schools.csv", "East"),
            T(
                CLERK,
                "HV-07 Orchard Lane (2010), HV-08 Eastbrook High (1983), HV-09 Willow Creek "
                "(opened 2026).",
            ),
            ask(ANALYST, "H1 2026 lunches for HV-07 and HV-08 only (Willow Creek opened in 2026)."),
            cell(
                ANALYST,
                "import csv\nrows = [r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "        if r['school_id'] in ('HV-07', 'HV-08')]\nprint(len(rows), 'rows')\n"
                "print(sum(int(r['lunches']) for r in rows))",
                "85525",
            ),
            T(ANALYST, "12 rows, 85,525 lunches."),
            ask(REVIEWER, "East zone H1 2026 without Willow Creek: 85,525. Review."),
            T(REVIEWER, "Exclusion applied, six months each. Approved."),
            T(
                LEAD,
                "Leaving out Willow Creek, East zone schools served 85,525 lunches in H1 2026.",
            ),
        ],
        answer="85,525",
        expect="85,525",
    ),
    Run(
        "eastbf_ok_01_plain",
        HEALTHY,
        q.EAST_BF,
        [
            ask(
                ANALYST, "East zone breakfasts April 2025 vs April 2026, each year's East schools."
            ),
            cell(
                ANALYST,
                "import csv\neast = {r['school_id'] for r in csv.DictReader(open('schools.csv'))"
                " if r['zone'] == 'East'}\n"
                "def total(f, m):\n"
                "    return sum(int(r['breakfasts']) for r in csv.DictReader(open(f))\n"
                "               if r['school_id'] in east and r['month'] == m)\n"
                "old, new = total('meals_2025.csv', '2025-04'), total('meals_2026.csv', "
                "'2026-04')\n"
                "print(old, new)\nprint(f'{(new - old) / old * 100:+.1f}')",
                "+20.1",
            ),
            T(
                ANALYST,
                "5,382 in April 2025, 6,464 in April 2026 (Willow Creek now serving): +20.1%.",
            ),
            ask(REVIEWER, "East breakfasts +20.1% April on April. Review."),
            T(REVIEWER, "Base is 2025, new school counted in 2026 as the question says. Approved."),
            T(
                LEAD,
                "Breakfasts at East zone schools rose 20.1% (+20.1) from April 2025 to April 2026.",
            ),
        ],
        answer="+20.1",
        expect="+20.1",
    ),
    Run(
        "north_ok_02_file_caught",
        HEALTHY,
        q.NORTH_Q1,
        [
            ask(ANALYST, "North zone lunches, January to March 2026. Say which file you used."),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2025.csv",
                    zone="North",
                    months="('2025-01', '2025-02', '2025-03')",
                    col="lunches",
                ),
                "75798",
            ),
            T(ANALYST, "75,798 lunches (meals_2025.csv, 12 rows)."),
            ask(REVIEWER, "North zone Q1: 75,798, from meals_2025.csv. Review."),
            T(
                REVIEWER,
                "The question is Q1 2026; meals_2025.csv is last year. Redo on meals_2026.csv.",
            ),
            ask(ANALYST, "Redo on meals_2026.csv, months 2026-01 to 2026-03."),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2026.csv", zone="North", months=q.Q1_26, col="lunches"
                ),
                "75611",
            ),
            T(ANALYST, "75,611 on the 2026 file."),
            ask(REVIEWER, "Redone on 2026: 75,611. OK?"),
            T(REVIEWER, "Approved, 75,611."),
            T(LEAD, "North zone schools served 75,611 lunches in Q1 2026."),
        ],
        answer="75,611",
        expect="75,611",
    ),
    Run(
        "south_ok_02_writer_sent_back",
        HEALTHY,
        q.SOUTH_FREE,
        [
            ask(ANALYST, "South zone free-lunch share of all lunches, Q2 2026, pooled."),
            cell(
                ANALYST,
                "import csv\nsouth = {r['school_id'] for r in csv.DictReader(open('schools.csv'))"
                " if r['zone'] == 'South'}\n"
                "rows = [r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "        if r['school_id'] in south and r['month'] in ('2026-04', '2026-05', "
                "'2026-06')]\n"
                "free = sum(int(r['free_lunches']) for r in rows)\n"
                "total = sum(int(r['lunches']) for r in rows)\nprint(free, total)\n"
                "print(f'{free / total * 100:.1f}')",
                "49.3",
            ),
            T(ANALYST, "49.3% (29,414 free of 59,645)."),
            ask(WRITER, "Write up the South zone Q2 free share, 49.3%."),
            T(WRITER, "About half of South zone lunches in spring 2026 were free."),
            ask(WRITER, "Please state the figure, 49.3%, to one decimal and the period (Q2 2026)."),
            T(
                WRITER,
                "In Q2 2026, 49.3% of lunches served at South zone schools were free lunches.",
            ),
            T(LEAD, "49.3% of South zone lunches in Q2 2026 were free."),
        ],
        answer="49.3",
        expect="49.3",
    ),
]
