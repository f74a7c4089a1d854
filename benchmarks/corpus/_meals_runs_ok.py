"""Meals desk runs that end right, near misses among them."""

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

RUNS: list[Run] = [
    Run(
        "north_ok_01_plain",
        HEALTHY,
        q.NORTH_Q1,
        [
            ask(
                CLERK,
                "List the North zone schools in schools.csv with their ids.",
                "First the zone's schools, then the sum over Q1.",
            ),
            read(CLERK, "schools.csv", "North"),
            T(
                CLERK,
                "North zone: HV-01 Maple Street Elementary, HV-02 Birchwood Elementary, "
                "HV-03 Northgate Middle, HV-10 Pinecrest Elementary.",
            ),
            ask(
                ANALYST,
                "Sum the lunches column of meals_2026.csv for the North zone schools "
                "(HV-01, HV-02, HV-03, HV-10) over 2026-01 to 2026-03. Print the row "
                "count and the total.",
            ),
            cell(
                ANALYST,
                q.ZONE_SUM.format(
                    file="meals_2026.csv", zone="North", months=q.Q1_26, col="lunches"
                ),
                "75611",
            ),
            T(ANALYST, "12 rows (four schools, three months); 75,611 lunches."),
            ask(
                REVIEWER,
                "Check before it goes out: North zone lunches in Q1 2026 = 75,611, from "
                "meals_2026.csv, 12 rows.",
            ),
            T(
                REVIEWER,
                "Twelve rows fits four schools over three months, and it is the 2026 file. "
                "Approved: 75,611.",
            ),
            T(LEAD, "North zone schools served 75,611 lunches in Q1 2026."),
        ],
        answer="75,611",
        expect="75,611",
    ),
    Run(
        "maple_ok_01_plain",
        HEALTHY,
        q.MAPLE_MAR,
        [
            ask(CLERK, "Maple Street Elementary: enrolment, and its March 2026 lunches."),
            read(CLERK, "meals_2026.csv", "2026-03,HV-01"),
            T(
                CLERK,
                "Maple Street is HV-01, 412 pupils enrolled (schools.csv). March 2026: 6,661 "
                "lunches, 21 serving days.",
            ),
            ask(ANALYST, "6,661 lunches over 412 enrolled pupils, two decimals."),
            cell(ANALYST, "print(f'{6661 / 412:.2f}')", "16.17"),
            T(ANALYST, "16.17 lunches per pupil."),
            ask(REVIEWER, "Maple Street March 2026: 16.17 lunches per enrolled pupil. Check."),
            read(REVIEWER, "schools.csv", "HV-01"),
            T(REVIEWER, "Enrolment 412 confirmed in the register; 6,661 / 412 = 16.17. Approved."),
            T(
                LEAD,
                "Maple Street Elementary served 16.17 lunches per enrolled pupil in March 2026.",
            ),
        ],
        answer="16.17",
        expect="16.17",
    ),
    Run(
        "cedar_ok_01_plain",
        HEALTHY,
        q.CEDAR_MAY,
        [
            ask(OFFICER, "2026 federal lunch rates: free, reduced, paid.", "Rates, counts, sum."),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, "Free USD 4.61, reduced-price USD 4.21, paid USD 0.48 per lunch (2026)."),
            ask(CLERK, "Cedar Hill Middle, May 2026 row: lunches, free, reduced."),
            read(CLERK, "meals_2026.csv", "2026-05,HV-04"),
            T(CLERK, "HV-04, 2026-05: 8,032 lunches, 4,270 free, 826 reduced-price."),
            ask(ANALYST, "4,270 x 4.61 + 826 x 4.21 + paid x 0.48, paid the remainder of 8,032."),
            cell(
                ANALYST,
                "free, reduced, lunches = 4270, 826, 8032\npaid = lunches - free - reduced\n"
                "print(paid)\nprint(f'{free * 4.61 + reduced * 4.21 + paid * 0.48:.2f}')",
                "24571.44",
            ),
            T(ANALYST, "Paid lunches 2,936; USD 24,571.44 in all."),
            ask(REVIEWER, "Cedar Hill May reimbursement USD 24,571.44. Review, please."),
            T(REVIEWER, "2026 rates, HV-04's May counts, sum correct. Approved."),
            ask(WRITER, "Write it up: Cedar Hill May 2026 reimbursement USD 24,571.44."),
            T(
                WRITER,
                "Cedar Hill Middle is owed USD 24,571.44 for its 8,032 lunches served in May "
                "2026 at the 2026 federal rates.",
            ),
            T(LEAD, "Cedar Hill Middle is owed USD 24,571.44 in lunch reimbursement for May 2026."),
        ],
        answer="24,571.44",
        expect="24,571.44",
    ),
    Run(
        "cedar_ok_02_row_caught",
        HEALTHY,
        q.CEDAR_MAY,
        [
            ask(CLERK, "Cedar Hill Middle's May 2026 lunches, free and reduced."),
            read(CLERK, "meals_2026.csv", "2026-05,HV-05"),
            T(CLERK, "May 2026: 4,152 lunches, 2,482 free, 295 reduced."),
            ask(OFFICER, "2026 lunch reimbursement rates?"),
            read(OFFICER, "rates_2026.json"),
            T(OFFICER, "Free 4.61, reduced 4.21, paid 0.48 USD."),
            ask(
                REVIEWER,
                "Before the sums: Cedar Hill May counts 4,152 / 2,482 / 295. Do they look "
                "right for the school?",
            ),
            read(REVIEWER, "schools.csv", "Cedar Hill"),
            T(
                REVIEWER,
                "Cedar Hill is HV-04, a 588-pupil middle school; 4,152 lunches is far too "
                "few. Those are Riverside's (HV-05) figures. Please re-pull HV-04.",
            ),
            ask(CLERK, "Re-pull May 2026 for HV-04 specifically; the last row was HV-05's."),
            read(CLERK, "meals_2026.csv", "2026-05,HV-04"),
            T(CLERK, "Sorry, HV-04, May 2026: 8,032 lunches, 4,270 free, 826 reduced."),
            ask(
                ANALYST,
                "Reimburse: free 4,270 at 4.61, reduced 826 at 4.21, rest of 8,032 at 0.48.",
            ),
            cell(
                ANALYST,
                "free, reduced, lunches = 4270, 826, 8032\npaid = lunches - free - reduced\n"
                "print(paid)\nprint(f'{free * 4.61 + reduced * 4.21 + paid * 0.48:.2f}')",
                "24571.44",
            ),
            T(ANALYST, "USD 24,571.44."),
            T(LEAD, "Cedar Hill Middle is owed USD 24,571.44 for May 2026 lunches."),
        ],
        answer="24,571.44",
        expect="24,571.44",
    ),
    Run(
        "orchard_ok_01_key_fixed",
        HEALTHY,
        q.ORCHARD_APR,
        [
            ask(
                ANALYST,
                "Orchard Lane Elementary (HV-07, enrolment 334) April 2026 participation: "
                "lunches over 334 x serving days, percent one decimal.",
            ),
            cell(
                ANALYST,
                "import csv\nr = next(r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "         if r['school_id'] == 'HV-07' and r['month'] == '2026-04')\n"
                "print(int(r['lunches']) / (334 * int(r['serving_day'])))",
                "KeyError: 'serving_day'",
            ),
            cell(
                ANALYST,
                "import csv\nr = next(r for r in csv.DictReader(open('meals_2026.csv'))\n"
                "         if r['school_id'] == 'HV-07' and r['month'] == '2026-04')\n"
                "print(r['lunches'], r['serving_days'])\n"
                "print(f\"{int(r['lunches']) / (334 * int(r['serving_days'])) * 100:.1f}\")",
                "66.1",
                "The column is serving_days; again:",
            ),
            T(ANALYST, "3,754 lunches, 17 serving days: 66.1% participation."),
            ask(REVIEWER, "Orchard Lane April 2026 participation 66.1%. Confirm enrolment 334."),
            read(REVIEWER, "schools.csv", "HV-07"),
            T(REVIEWER, "Enrolment 334 confirmed. 66.1% approved."),
            T(LEAD, "Orchard Lane Elementary's April 2026 lunch participation was 66.1%."),
        ],
        answer="66.1",
        expect="66.1",
    ),
    Run(
        "south_ok_01_reviewer_reruns",
        HEALTHY,
        q.SOUTH_FREE,
        [
            ask(CLERK, "South zone schools?"),
            read(CLERK, "schools.csv", "South"),
            T(CLERK, "HV-04 Cedar Hill Middle, HV-05 Riverside Elementary, HV-06 Southfield High."),
            ask(ANALYST, "Free lunches as a share of all lunches, those three, Q2 2026."),
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
            T(ANALYST, "29,414 of 59,645 lunches were free: 49.3%."),
            ask(REVIEWER, "South Q2 free share 49.3%. Verify independently if you can."),
            cell(REVIEWER, "print(round(29414 / 59645 * 100, 1))", "49.3"),
            T(REVIEWER, "Ratio reproduced, pooled over the zone rather than averaged. Approved."),
            T(LEAD, "49.3% of the lunches South zone schools served in Q2 2026 were free."),
        ],
        answer="49.3",
        expect="49.3",
    ),
]
