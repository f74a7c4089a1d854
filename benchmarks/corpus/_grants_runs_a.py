"""Grants office runs that go wrong upstream: a misread or misrelayed figure, or a wrong
file or row."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import WRONG_INPUT, WRONG_SOURCE
from benchmarks.corpus._grants_team import (
    ADVISER,
    ANALYST,
    CLERK,
    MANAGER,
    REVIEWER,
    WRITER,
    Run,
    answer,
    ask,
    finish,
    py,
    read,
    think,
)

LOAD = "import csv, io\n{name} = list(csv.DictReader(io.StringIO(read_file('{file}'))))\n"
APPS = LOAD.format(name="apps", file="applications_2026.csv")
ORGS = LOAD.format(name="orgs", file="organisations.csv")
PAYS = LOAD.format(name="pays", file="payments_2026.csv")

RUNS: list[Run] = [
    Run(
        "youth_01_clerk_drops_a_zero",
        WRONG_INPUT,
        q.YOUTH_SPRING,
        [
            ask(
                "Young People First is F2. I need its approved spring 2026 awards from the "
                "ledger, then a total and a check.",
                (
                    "rows",
                    CLERK,
                    "List every approved Young People First (F2) application in the spring "
                    "2026 round from applications_2026.csv, with the amount awarded.",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F2,spring,", "Pulling F2 spring rows."),
            answer(
                CLERK,
                "F2, spring 2026, approved: A2605 Riverside Boxing Club 12,500; A2606 Vale "
                "Young Carers 30,000 (3-year); A2607 Ashby Moor Youth Club 1,500. A2608 was "
                "declined.",
                mark="root",
            ),
            ask(
                "Three approved awards. The analyst can total them.",
                (
                    "total",
                    ANALYST,
                    "Add up these three Young People First spring 2026 awards: A2605 12,500, "
                    "A2606 30,000, A2607 1,500. Report the total in pounds.",
                ),
            ),
            py(
                "Three figures from the manager; sum them.",
                "awards = {'A2605': 12500, 'A2606': 30000, 'A2607': 1500}\n"
                "print(sum(awards.values()))",
                "44000",
            ),
            finish(
                "Printed 44000.",
                "The three spring awards total £44,000.",
                agent=ANALYST,
            ),
            ask(
                "Before it goes out, the reviewer should look at it.",
                (
                    "verdict",
                    REVIEWER,
                    "Young People First, spring 2026, approved awards: A2605 12,500 + A2606 "
                    "30,000 + A2607 1,500 = £44,000. Please check.",
                ),
            ),
            read(REVIEWER, "funds.csv", "F2", "Checking the awards against the F2 cap."),
            answer(
                REVIEWER,
                "Checked: all three sit within F2's 15,000-a-year cap (A2606 is 10,000 a year "
                "over three years) and they add to 44,000. Approved.",
                mark="symptom",
            ),
            finish(
                "Reviewer approved.",
                "Young People First awarded £44,000 in the spring 2026 round.",
            ),
        ],
        answer="£44,000",
        expect="£57,500",
    ),
    Run(
        "rural_01_adviser_lists_lower_vale",
        WRONG_INPUT,
        q.RURAL_Q1,
        [
            ask(
                "Rural is a policy term; the adviser should give me the list first.",
                (
                    "rural",
                    ADVISER,
                    "Which districts count as rural under our grant policy?",
                ),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Per grant_policy.json, the rural districts are Ashby Moor, Fellside and "
                "Lower Vale. Kestrel Town is the only urban district in the policy's terms.",
                mark="root",
            ),
            ask(
                "Now the payments side, over those three districts.",
                (
                    "paid",
                    ANALYST,
                    "Total the payments in payments_2026.csv dated January to March 2026 "
                    "made to organisations in Ashby Moor, Fellside or Lower Vale (join "
                    "payments -> applications_2026 -> organisations). Pounds.",
                ),
            ),
            py(
                "Join payments to applications to organisations and filter by district.",
                PAYS + APPS + ORGS + "district = {o['org_id']: o['district'] for o in orgs}\n"
                "org_of = {a['app_id']: a['org_id'] for a in apps}\n"
                "rural = {'Ashby Moor', 'Fellside', 'Lower Vale'}\n"
                "q1 = [p for p in pays if p['paid_on'] < '2026-04-01'\n"
                "      and district[org_of[p['app_id']]] in rural]\n"
                "print([p['payment_id'] for p in q1])\n"
                "print(sum(int(p['amount']) for p in q1))",
                "25900",
            ),
            finish(
                "Four payments, 25,900.",
                "Q1 2026 payments to Ashby Moor, Fellside and Lower Vale organisations: "
                "£25,900 across four payments (P002, P004, P005, P008).",
                agent=ANALYST,
            ),
            ask(
                "Figure in hand; get it written up for the committee.",
                (
                    "note",
                    WRITER,
                    "Write up for the committee: the foundation paid £25,900 in Q1 2026 to "
                    "organisations in rural districts (four payments).",
                ),
            ),
            answer(
                WRITER,
                "In the first quarter of 2026 the foundation paid £25,900 to groups in its "
                "rural districts, across four payments - a steady start to the year's "
                "commitment to communities outside Kestrel Town.",
                mark="symptom",
            ),
            finish(
                "Written up.",
                "The foundation paid £25,900 to organisations in rural districts in Q1 2026.",
            ),
        ],
        answer="£25,900",
        expect="£6,700",
    ),
    Run(
        "arts_01_manager_relays_five",
        WRONG_INPUT,
        q.ARTS_RATE,
        [
            ask(
                "Two things at once: the F1 rows from the clerk and the policy definition of "
                "a success rate from the adviser.",
                (
                    "arts",
                    CLERK,
                    "Give me every 2026 Arts in the Vale (F1) application with its status.",
                ),
                (
                    "rule",
                    ADVISER,
                    "How does the grant policy define an application success rate?",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F1,"),
            answer(
                CLERK,
                "F1 2026: A2601 approved, A2602 approved, A2603 approved, A2604 declined, "
                "A2619 approved, A2620 declined, A2629 withdrawn. 4 approved, 2 declined, 1 "
                "withdrawn.",
            ),
            read(ADVISER, "grant_policy.json", say="The policy has a definition."),
            answer(
                ADVISER,
                "grant_policy.json: success rate = approved / (approved + declined); "
                "withdrawn applications are left out.",
            ),
            ask(
                "Definition and counts are in. The analyst can do the division.",
                (
                    "rate",
                    ANALYST,
                    "Arts in the Vale 2026: 5 approved, 2 declined (withdrawn left out). "
                    "Success rate = approved / (approved + declined), percent to one decimal.",
                ),
                mark="root",
            ),
            py(
                "Straight division.",
                "approved, declined = 5, 2\nprint(f'{approved / (approved + declined) * 100:.1f}')",
                "71.4",
            ),
            finish("71.4.", "Success rate 71.4% (5 of 7 decided).", agent=ANALYST),
            ask(
                "Reviewer check, then answer.",
                (
                    "verdict",
                    REVIEWER,
                    "Arts in the Vale 2026 success rate: 5 approved, 2 declined, withdrawn "
                    "left out, so 71.4%. Check against the policy.",
                ),
            ),
            read(REVIEWER, "grant_policy.json"),
            answer(
                REVIEWER,
                "Definition matches grant_policy.json and 5 / 7 = 71.4%. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Arts in the Vale's 2026 success rate was 71.4%."),
        ],
        answer="71.4%",
        expect="66.7%",
    ),
    Run(
        "halls_01_reviewer_recounts_three",
        WRONG_INPUT,
        q.HALLS_CHANGE,
        [
            ask(
                "Counting is the analyst's job; all statuses count as received.",
                (
                    "change",
                    ANALYST,
                    "Count Village Halls Capital (F4) applications in applications_2025.csv "
                    "and applications_2026.csv, every status, and give the percentage change "
                    "2025 to 2026 to one decimal with its sign.",
                ),
            ),
            py(
                "Count F4 rows in both years.",
                LOAD.format(name="old", file="applications_2025.csv")
                + LOAD.format(name="new", file="applications_2026.csv")
                + "a = sum(r['fund_id'] == 'F4' for r in old)\n"
                "b = sum(r['fund_id'] == 'F4' for r in new)\n"
                "print(a, b)\nprint(f'{(b - a) / a * 100:+.1f}')",
                "+25.0",
            ),
            finish(
                "4 then 5.",
                "F4 applications: 4 in 2025, 5 in 2026, a change of +25.0%.",
                agent=ANALYST,
            ),
            ask(
                "Have it checked.",
                (
                    "verdict",
                    REVIEWER,
                    "Village Halls Capital applications received: 4 (2025) -> 5 (2026), "
                    "+25.0%. Please verify the counts.",
                ),
            ),
            read(REVIEWER, "applications_2025.csv", ",F4,", "Recounting 2025 from the file."),
            answer(
                REVIEWER,
                "Recounted 2025 from the file: three F4 applications (A2501, A2502, A2503). "
                "Five against three is +66.7%, not +25.0%. Please use +66.7%.",
                mark="root",
            ),
            ask(
                "The reviewer corrected the 2025 count. Going with +66.7%.",
                (
                    "note",
                    WRITER,
                    "Committee note: Village Halls Capital received 3 applications in 2025 "
                    "and 5 in 2026, an increase of 66.7% (count corrected by the reviewer).",
                ),
            ),
            answer(
                WRITER,
                "Demand for Village Halls Capital is rising: the fund received five "
                "applications in 2026 against three in 2025, an increase of 66.7%.",
                mark="symptom",
            ),
            finish(
                "Done.",
                "Village Halls Capital applications changed by +66.7% from 2025 to 2026.",
            ),
        ],
        answer="+66.7%",
        expect="+25.0%",
    ),
    Run(
        "youth_02_clerk_opens_2025",
        WRONG_SOURCE,
        q.YOUTH_SPRING,
        [
            ask(
                "F2 spring round. The clerk first.",
                (
                    "rows",
                    CLERK,
                    "Young People First (F2): the approved awards of this year's spring "
                    "round, with amounts.",
                ),
            ),
            read(CLERK, "applications_2025.csv", ",F2,spring,", mark="root"),
            answer(
                CLERK,
                "F2 spring, approved: A2508 Vale Young Carers 14,000; A2509 Ashby Moor Youth "
                "Club 9,000 (asked for 10,000).",
            ),
            think(
                MANAGER,
                "Two rows, I can add them here and send the total to the reviewer.",
                "total = 14000 + 9000\nprint(total)\n"
                "verdict = panel_reviewer(task=f'Young People First, spring 2026 round, "
                "approved awards: A2508 14,000 + A2509 9,000 = £{total:,}. Check it.')\n"
                "print(verdict)",
            ),
            read(REVIEWER, "funds.csv", "F2"),
            answer(
                REVIEWER,
                "Both awards are inside the F2 cap of 15,000 and the sum is right. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Young People First awarded £23,000 in the spring 2026 round."),
        ],
        answer="£23,000",
        expect="£57,500",
    ),
    Run(
        "median_01_analyst_reads_last_year",
        WRONG_SOURCE,
        q.MEDIAN_DECLINED,
        [
            ask(
                "Single computation; the analyst can do it from the file.",
                (
                    "median",
                    ANALYST,
                    "Median amount requested by the 2026 applications whose status is "
                    "declined. Whole pounds.",
                ),
            ),
            py(
                "Filter declined rows, take the median of requested.",
                LOAD.format(name="apps", file="applications_2025.csv") + "import statistics\n"
                "asked = sorted(int(r['requested']) for r in apps if r['status'] == 'declined')\n"
                "print(asked)\nprint(statistics.median(asked))",
                "11000",
                mark="root",
            ),
            finish(
                "Median is the middle of three.",
                "Median requested by the declined applications: £11,000 (3 declined).",
                agent=ANALYST,
            ),
            ask(
                "Quick review.",
                (
                    "verdict",
                    REVIEWER,
                    "Median requested of declined 2026 applications: £11,000 over 3 declined "
                    "applications (5,000 / 11,000 / 12,000). Sound?",
                ),
            ),
            answer(
                REVIEWER,
                "Three values, the middle one is 11,000; the arithmetic is sound. Approved.",
                mark="symptom",
            ),
            finish(
                "Approved.",
                "The median amount requested by declined 2026 applications was £11,000.",
            ),
        ],
        answer="£11,000",
        expect="£8,000",
    ),
    Run(
        "rural_02_clerk_reads_decisions",
        WRONG_SOURCE,
        q.RURAL_Q1,
        [
            ask(
                "Rural districts from the adviser first.",
                ("rural", ADVISER, "Which districts are rural under the grant policy?"),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(ADVISER, "Rural districts (grant_policy.json): Ashby Moor, Fellside, Brindle."),
            ask(
                "Now what went out to them in January to March.",
                (
                    "paid",
                    CLERK,
                    "What was paid out in January to March 2026 to organisations in Ashby "
                    "Moor, Fellside and Brindle? List the amounts and total them.",
                ),
            ),
            read(CLERK, "organisations.csv"),
            read(CLERK, "applications_2026.csv", "approved", mark="root"),
            answer(
                CLERK,
                "Rural organisations, January-March 2026: A2615 O05 (Brindle) 1,500 on 27 "
                "Feb; A2602 O09 (Fellside) 5,200 on 18 Mar; A2609 O03 (Fellside) 7,400, "
                "A2610 O12 (Brindle) 24,000 and A2611 O10 (Ashby Moor) 3,600 on 25 Mar. "
                "Total 41,700.",
            ),
            ask(
                "Reviewer to confirm.",
                (
                    "verdict",
                    REVIEWER,
                    "Q1 2026 payments to rural-district organisations: £41,700 (A2615, "
                    "A2602, A2609, A2610, A2611). Please check districts and the sum.",
                ),
            ),
            read(REVIEWER, "organisations.csv"),
            answer(
                REVIEWER,
                "O05, O09, O03, O12 and O10 are all in rural districts per organisations.csv, "
                "and 1,500 + 5,200 + 7,400 + 24,000 + 3,600 = 41,700. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "In Q1 2026 the foundation paid £41,700 to rural organisations."),
        ],
        answer="£41,700",
        expect="£6,700",
    ),
]
