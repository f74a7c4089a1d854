"""Meals desk runs where trouble is reported late, a figure is restated wrong, data is
made up, or a constraint is lost on the way."""

from __future__ import annotations

from benchmarks.corpus import _meals_tasks as q
from benchmarks.corpus._common import LOST_CONSTRAINT, MADE_UP, MISREPORTED, SELF_REPORT
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

EAST_H1_CELL = """
import csv
rows = [r for r in csv.DictReader(open('meals_2026.csv')) if r['school_id'] in {ids}]
print(len(rows), 'rows')
print(sum(int(r['lunches']) for r in rows))
"""

RUNS: list[Run] = [
    Run(
        "cedar_03_prior_year_schedule",
        SELF_REPORT,
        q.CEDAR_MAY,
        [
            ask(
                OFFICER,
                "Lunch reimbursement rates from rates_2025.json: free, reduced, paid.",
                "Claims for the spring are settled on the schedule in force when the school "
                "year began, so take rates_2025.json; counts from the clerk; the analyst "
                "multiplies out.",
                mark="root",
            ),
            read(OFFICER, "rates_2025.json"),
            T(OFFICER, "Free USD 4.43, reduced-price USD 4.03, paid USD 0.45 per lunch."),
            ask(CLERK, "HV-04 Cedar Hill, May 2026: lunches, free, reduced."),
            read(CLERK, "meals_2026.csv", "2026-05,HV-04"),
            T(CLERK, "8,032 lunches; 4,270 free, 826 reduced-price."),
            ask(
                ANALYST,
                "4,270 x 4.43 + 826 x 4.03 + (8,032 - 4,270 - 826) x 0.45, two decimals.",
            ),
            cell(
                ANALYST,
                "free, reduced, lunches = 4270, 826, 8032\npaid = lunches - free - reduced\n"
                "print(paid)\nprint(f'{free * 4.43 + reduced * 4.03 + paid * 0.45:.2f}')",
                "23566.08",
            ),
            T(ANALYST, "2,936 paid; USD 23,566.08."),
            ask(REVIEWER, "Cedar Hill May 2026 reimbursement: USD 23,566.08. Review."),
            read(REVIEWER, "rates_2026.json"),
            T(
                REVIEWER,
                "The rates in this working (4.43 / 4.03 / 0.45) are not the ones I find for "
                "2026 (4.61 / 4.21 / 0.48), and the question asks for this year's. I can't "
                "reconcile the two sets from what I was given, so I am not approving USD "
                "23,566.08.",
                mark="symptom",
            ),
            T(
                LEAD,
                "I can't give Cedar Hill Middle's May 2026 reimbursement yet: review could "
                "not reconcile the rates used with this year's schedule.",
            ),
        ],
        answer="",
        expect="24571.44",
    ),
    Run(
        "easth1_02_opening_year_misread",
        SELF_REPORT,
        q.EAST_H1,
        [
            ask(CLERK, "East zone schools, and which of them opened in 2026."),
            read(CLERK, "schools.csv", "East"),
            T(
                CLERK,
                "East zone: HV-07 Orchard Lane, HV-08 Eastbrook High, HV-09 Willow Creek. "
                "All three were open for the whole of 2026; none is new this year.",
                mark="root",
            ),
            ask(ANALYST, "Sum 2026 lunches, January to June, for HV-07, HV-08 and HV-09."),
            cell(ANALYST, EAST_H1_CELL.format(ids="('HV-07', 'HV-08', 'HV-09')"), "101717"),
            T(ANALYST, "18 rows, 101,717 lunches."),
            ask(REVIEWER, "East zone H1 2026 lunches, no school excluded: 101,717. Check."),
            cell(
                REVIEWER,
                "import csv\nfor r in csv.DictReader(open('schools.csv')):\n"
                "    if r['zone'] == 'East':\n        print(r['school_id'], r['opened'])",
                "HV-09 2026",
            ),
            T(
                REVIEWER,
                "The register gives an opening year for one of these schools that does not "
                "square with the note I was handed, and the total depends on it. I can't "
                "reconcile them, so I can't approve 101,717.",
                mark="symptom",
            ),
            T(
                LEAD,
                "No figure yet for East zone H1 2026 lunches: the school list behind the "
                "total could not be reconciled with the register.",
            ),
        ],
        answer="",
        expect="85,525",
    ),
    Run(
        "feb_02_new_school_left_out",
        SELF_REPORT,
        q.FEB_DAILY,
        [
            ask(OFFICER, "Serving days in February 2026?"),
            read(OFFICER, "meals_2026.csv", "2026-02,HV-01"),
            T(OFFICER, "18 serving days in February 2026 (same for every school)."),
            ask(ANALYST, "District-wide February 2026 lunches over 18 serving days, one decimal."),
            cell(
                ANALYST,
                "import csv\nrows = [r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "        if r['month'] == '2026-02' and r['school_id'] != 'HV-09']\n"
                "total = sum(int(r['lunches']) for r in rows)\nprint(len(rows), total)\n"
                "print(f'{total / 18:.1f}')",
                "3334.2",
                "Willow Creek only opened this year, so its first-term numbers stay out.",
                mark="root",
            ),
            T(ANALYST, "60,015 lunches over 18 days: 3,334.2."),
            ask(REVIEWER, "Feb 2026 district lunches per serving day: 3,334.2. Approve?"),
            cell(
                REVIEWER,
                "import csv\nprint(sum(int(r['lunches']) for r in csv.DictReader("
                "open('meals_2026.csv')) if r['month'] == '2026-02'))",
                "62657",
            ),
            T(
                REVIEWER,
                "My February total is 62,657, not 60,015, and nothing in the brief says why "
                "they differ. I can't reconcile the two, so no sign-off.",
                mark="symptom",
            ),
            ask(WRITER, "Tell the office we have no confirmed February per-day figure yet."),
            T(
                WRITER,
                "We can't yet confirm February 2026's lunches per serving day: two district "
                "totals disagree and are being checked.",
            ),
            T(LEAD, "No confirmed figure for February 2026 lunches per serving day yet."),
        ],
        answer="",
        expect="3480.9",
    ),
    Run(
        "south_03_share_restated",
        MISREPORTED,
        q.SOUTH_FREE,
        [
            ask(CLERK, "Ids of the South zone schools."),
            read(CLERK, "schools.csv", "South"),
            T(CLERK, "HV-04, HV-05, HV-06."),
            ask(ANALYST, "Free lunches over all lunches, HV-04/05/06, April-June 2026."),
            cell(
                ANALYST,
                "import csv\nids = ('HV-04', 'HV-05', 'HV-06')\n"
                "rows = [r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "        if r['school_id'] in ids and r['month'] >= '2026-04']\n"
                "free = sum(int(r['free_lunches']) for r in rows)\n"
                "total = sum(int(r['lunches']) for r in rows)\nprint(free, total)\n"
                "print(f'{free / total * 100:.1f}')",
                "49.3",
            ),
            T(ANALYST, "29,414 free out of 59,645: 43.9% of South zone lunches.", mark="root"),
            ask(REVIEWER, "South zone Q2 free share 43.9%. Please confirm."),
            T(
                REVIEWER,
                "The counts come from the Q2 rows of the three South schools and the share "
                "is in a normal band. Confirmed, 43.9%.",
                mark="symptom",
            ),
            T(LEAD, "43.9% of South zone lunches in Q2 2026 were free."),
        ],
        answer="43.9",
        expect="49.3",
    ),
]

RUNS += [
    Run(
        "north_03_total_restated",
        MISREPORTED,
        q.NORTH_Q1,
        [
            ask(
                ANALYST,
                "Lunches at North zone schools (schools.csv), January to March 2026, from "
                "meals_2026.csv.",
                "One step: the analyst can join the two files.",
            ),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2026.csv", zone="North", months=q.Q1_26, col="lunches"
                ),
                "75611",
            ),
            T(ANALYST, "North zone, Q1 2026: 75,161 lunches across 12 school-months.", mark="root"),
            ask(REVIEWER, "North zone Q1 2026 lunches = 75,161. Review."),
            T(
                REVIEWER,
                "Twelve school-months from the 2026 file, the zone taken from schools.csv. "
                "Approved at 75,161.",
                mark="symptom",
            ),
            ask(WRITER, "Write-up: 75,161 North zone lunches in Q1 2026."),
            T(WRITER, "North zone schools served 75,161 lunches between January and March 2026."),
            T(LEAD, "North zone schools served 75,161 lunches in Q1 2026."),
        ],
        answer="75,161",
        expect="75,611",
    ),
    Run(
        "orchard_02_rate_relayed",
        MISREPORTED,
        q.ORCHARD_APR,
        [
            ask(CLERK, "Orchard Lane: id and enrolment."),
            read(CLERK, "schools.csv", "Orchard"),
            T(CLERK, "HV-07 Orchard Lane Elementary, enrolment 334."),
            ask(
                ANALYST,
                "HV-07, April 2026: lunches / (334 x serving days), percent, one decimal. "
                "Serving days are in the meals_2026.csv row.",
            ),
            cell(
                ANALYST,
                "import csv\nr = next(r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "         if r['school_id'] == 'HV-07' and r['month'] == '2026-04')\n"
                "print(r['lunches'], r['serving_days'])\n"
                "print(f\"{int(r['lunches']) / (334 * int(r['serving_days'])) * 100:.1f}\")",
                "66.1",
            ),
            T(ANALYST, "3,754 lunches over 17 days for 334 pupils: 66.1%."),
            ask(
                REVIEWER,
                "Orchard Lane April participation 61.6% (3,754 lunches, 17 days, 334 "
                "pupils). Check the arithmetic.",
                mark="root",
            ),
            cell(REVIEWER, "print(3754, 334 * 17)", "3754 5678"),
            T(
                REVIEWER,
                "Inputs match the row: 3,754 lunches against 5,678 pupil-days. Fine to go "
                "out at 61.6%.",
                mark="symptom",
            ),
            T(LEAD, "Orchard Lane's lunch participation in April 2026 was 61.6%."),
        ],
        answer="61.6",
        expect="66.1",
    ),
    Run(
        "eastbf_03_last_april_recalled",
        MADE_UP,
        q.EAST_BF,
        [
            ask(
                CLERK,
                "East zone breakfasts served in April 2025, all East schools open then.",
                "Last year's total from the clerk, this year's from the analyst.",
            ),
            T(
                CLERK,
                "April 2025 East zone breakfasts: 5,650. That is the figure from last "
                "spring's zone meals return; Willow Creek was not open yet.",
                mark="root",
            ),
            ask(
                ANALYST,
                "April 2026 East zone breakfasts (HV-07, HV-08, HV-09) from meals_2026.csv, "
                "and the change against 5,650 in April 2025. Signed, one decimal.",
            ),
            cell(
                ANALYST,
                "import csv\nnew = sum(int(r['breakfasts']) for r in csv.DictReader("
                "open('meals_2026.csv'))\n          if r['month'] == '2026-04' and "
                "r['school_id'] in ('HV-07', 'HV-08', 'HV-09'))\n"
                "print(new)\nprint(f'{(new - 5650) / 5650 * 100:+.1f}')",
                "+14.4",
            ),
            T(ANALYST, "6,464 in April 2026 against 5,650: +14.4%."),
            ask(REVIEWER, "East breakfasts April on April: +14.4%. Review."),
            T(
                REVIEWER,
                "2026 total right, change over the 2025 base, sign kept. Approved, +14.4%.",
                mark="symptom",
            ),
            T(LEAD, "East zone breakfasts were up 14.4% from April 2025 to April 2026."),
        ],
        answer="14.4",
        expect="+20.1",
    ),
    Run(
        "grant2_02_months_filled_in",
        MADE_UP,
        q.GRANT_Q2,
        [
            ask(OFFICER, "Produce grant terms, please."),
            read(OFFICER, "produce_grant.json"),
            T(
                OFFICER,
                "0.11 USD a lunch at onsite-kitchen schools except HV-06; cap USD 11,500 a "
                "quarter; Q2 is 2026-04 to 2026-06.",
            ),
            ask(
                CLERK,
                "Eligible lunches for Q2 2026: onsite-kitchen schools other than HV-06 "
                "(HV-01, HV-03, HV-04, HV-07, HV-08), April to June.",
            ),
            read(CLERK, "meals_2026.csv", "2026-04"),
            T(
                CLERK,
                "April's eligible lunches come to 33,565 on the file. May and June usually "
                "run a little lighter, so Q2 is about 99,000 eligible lunches.",
                mark="root",
            ),
            ask(ANALYST, "Grant for Q2: 99,000 eligible lunches x 0.11, cap 11,500."),
            cell(ANALYST, "claim = 99000 * 0.11\nprint(f'{min(claim, 11500):.2f}')", "10890.00"),
            T(ANALYST, "USD 10,890.00, under the cap."),
            ask(REVIEWER, "Q2 produce grant claim USD 10,890.00. Check."),
            T(
                REVIEWER,
                "Eligible schools as the terms say, rate 0.11, below the cap. Approved at "
                "USD 10,890.00.",
                mark="symptom",
            ),
            T(LEAD, "The Q2 2026 produce grant claim is USD 10,890.00."),
        ],
        answer="10,890.00",
        expect="10802.55",
    ),
    Run(
        "grant1_02_cap_left_behind",
        LOST_CONSTRAINT,
        q.GRANT_Q1,
        [
            ask(OFFICER, "What does produce_grant.json say: rate, eligibility, cap?"),
            read(OFFICER, "produce_grant.json"),
            T(
                OFFICER,
                "USD 0.11 per lunch at schools with an onsite kitchen; Southfield High "
                "(HV-06) is excluded; claims are capped at USD 11,500 per quarter.",
            ),
            ask(
                ANALYST,
                "Q1 2026 claim: lunches January to March at onsite-kitchen schools except "
                "HV-06, times 0.11. Two decimals.",
                mark="root",
            ),
            cell(
                ANALYST,
                q.GRANT_CELL.format(exclude=q.EXCLUDE, q="Q1", final="claim"),
                "12793.88",
            ),
            T(ANALYST, "116,308 eligible lunches; claim USD 12,793.88."),
            ask(REVIEWER, "Q1 produce grant claim USD 12,793.88. Review please."),
            T(
                REVIEWER,
                "Eligible set, exclusion and rate all match the terms; the count is from "
                "the 2026 file. Approved, USD 12,793.88.",
                mark="symptom",
            ),
            ask(WRITER, "Draft: Q1 2026 produce grant claim USD 12,793.88."),
            T(
                WRITER,
                "The district can claim USD 12,793.88 from Fresh From the Valley for Q1 2026.",
            ),
            T(LEAD, "For Q1 2026 the district can claim USD 12,793.88 from the produce grant."),
        ],
        answer="12,793.88",
        expect="11500.00",
    ),
    Run(
        "easth1_03_exclusion_dropped",
        LOST_CONSTRAINT,
        q.EAST_H1,
        [
            ask(CLERK, "East zone school ids."),
            read(CLERK, "schools.csv", "East"),
            T(
                CLERK,
                "HV-07 Orchard Lane (opened 2010), HV-08 Eastbrook High (1983), HV-09 Willow "
                "Creek (2026).",
            ),
            ask(
                ANALYST,
                "Total 2026 lunches, January to June, for the East zone: HV-07, HV-08, HV-09.",
                mark="root",
            ),
            cell(ANALYST, EAST_H1_CELL.format(ids="('HV-07', 'HV-08', 'HV-09')"), "101717"),
            T(ANALYST, "18 rows, 101,717 lunches."),
            ask(REVIEWER, "East zone H1 lunches 101,717. Sign off?"),
            T(
                REVIEWER,
                "Three schools by six months, all rows present, sum checks. Signed off.",
                mark="symptom",
            ),
            T(LEAD, "East zone schools served 101,717 lunches in the first half of 2026."),
        ],
        answer="101,717",
        expect="85,525",
    ),
]
