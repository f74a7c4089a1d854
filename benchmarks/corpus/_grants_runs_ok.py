"""Grants office runs that go right, some straight through, some after a slip caught in
time (a failed code step fixed, a reviewer's doubt settled or a figure sent back)."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._grants_runs_a import APPS, LOAD, ORGS, PAYS
from benchmarks.corpus._grants_runs_b import SPRING_OWED
from benchmarks.corpus._grants_team import (
    ADVISER,
    ANALYST,
    CLERK,
    REVIEWER,
    WRITER,
    Run,
    answer,
    ask,
    finish,
    py,
    read,
)

FUNDS = LOAD.format(name="funds", file="funds.csv")
GREEN = (
    APPS + FUNDS + "budget = int(next(f['{col}'] for f in funds if f['fund_id'] == 'F3'))\n"
    "charge = sum(int(r['awarded']) / int(r['years']) for r in apps\n"
    "             if r['fund_id'] == 'F3' and r['status'] == 'approved')\n"
    "print(budget, charge)\nprint(int(budget - charge))"
)
ARTS = (
    APPS + "arts = [r for r in apps if r['fund_id'] == 'F1']\n"
    "approved = sum(r['status'] == 'approved' for r in arts)\n"
    "declined = sum(r['status'] == 'declined' for r in arts)\n"
    "print(approved, declined, len(arts))\n"
    "print(f'{{approved / {base} * 100:.1f}}')"
)

RUNS: list[Run] = [
    Run(
        "ok_youth_straight",
        HEALTHY,
        q.YOUTH_SPRING,
        [
            ask(
                "Clerk for the rows.",
                (
                    "rows",
                    CLERK,
                    "Approved Young People First (F2) awards in the spring 2026 round, with "
                    "amounts.",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F2,spring,"),
            answer(
                CLERK,
                "F2 spring 2026, approved: A2605 12,500; A2606 30,000 (3 years); A2607 "
                "15,000. A2608 declined.",
            ),
            ask(
                "Analyst to total from the file, not from my copy.",
                (
                    "total",
                    ANALYST,
                    "Total awarded on approved F2 applications in the spring 2026 round, "
                    "from applications_2026.csv.",
                ),
            ),
            py(
                "Filter and sum.",
                APPS + "print(sum(int(r['awarded']) for r in apps if r['fund_id'] == 'F2'\n"
                "          and r['round'] == 'spring' and r['status'] == 'approved'))",
                "57500",
            ),
            finish("Matches the clerk's three rows.", "£57,500", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "F2 spring 2026: 12,500 + 30,000 + 15,000 = £57,500. Check.",
                ),
            ),
            answer(REVIEWER, "Three approved rows, sum 57,500. Approved."),
            finish("Approved.", "Young People First awarded £57,500 in the spring 2026 round."),
        ],
        answer="£57,500",
        expect="£57,500",
    ),
    Run(
        "ok_arts_reviewer_catches_withdrawn",
        HEALTHY,
        q.ARTS_RATE,
        [
            ask(
                "Analyst, with the review after.",
                (
                    "rate",
                    ANALYST,
                    "Success rate of 2026 Arts in the Vale (F1) applications, percent, one "
                    "decimal.",
                ),
            ),
            py("Approved over all F1 rows.", ARTS.format(base="len(arts)"), "57.1"),
            finish("4 of 7.", "57.1% (4 approved of 7 applications)", agent=ANALYST),
            ask(
                "Reviewer.",
                ("verdict", REVIEWER, "F1 2026 success rate 57.1% (4 of 7). Check."),
            ),
            read(REVIEWER, "grant_policy.json"),
            answer(
                REVIEWER,
                "Sent back: the policy leaves withdrawn applications out of the rate. One "
                "of the seven F1 rows (A2629) is withdrawn, so the base is 6.",
            ),
            ask(
                "Reviewer is right; rerun on the policy's basis.",
                (
                    "rate",
                    ANALYST,
                    "Redo the F1 2026 success rate as approved / (approved + declined), "
                    "withdrawn left out.",
                ),
            ),
            py("Policy basis.", ARTS.format(base="(approved + declined)"), "66.7"),
            finish("4 of 6.", "66.7% (4 approved, 2 declined)", agent=ANALYST),
            finish("Now on the policy basis.", "Arts in the Vale's 2026 success rate was 66.7%."),
        ],
        answer="66.7%",
        expect="66.7%",
    ),
    Run(
        "ok_green_column_name_fixed",
        HEALTHY,
        q.GREEN_LEFT,
        [
            ask(
                "Rule from the adviser first.",
                ("rule", ADVISER, "How do multi-year awards charge a fund's annual budget?"),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "awarded / years to each year's budget, starting in the year of the decision.",
            ),
            ask(
                "Analyst.",
                (
                    "left",
                    ANALYST,
                    "Green Spaces (F3) 2026 budget less 2026 charges, each approved 2026 "
                    "award at awarded / years. Pounds.",
                ),
            ),
            py("Budget less per-year charges.", GREEN.format(col="budget"), "KeyError: 'budget'"),
            py(
                "The column is budget_2026.",
                GREEN.format(col="budget_2026"),
                "61750",
            ),
            finish("61,750.", "£61,750 left (charges £28,250).", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Green Spaces: 90,000 less 28,250 = £61,750. A2610 and A2623 charged at "
                    "half. Check.",
                ),
            ),
            read(REVIEWER, "applications_2026.csv", ",F3,"),
            answer(
                REVIEWER,
                "7,400 + 12,000 + 3,600 + 5,250 = 28,250; 61,750 left. Approved.",
            ),
            finish("Approved.", "Green Spaces has £61,750 of its 2026 budget left."),
        ],
        answer="£61,750",
        expect="£61,750",
    ),
    Run(
        "ok_first_reviewer_asks_about_o13",
        HEALTHY,
        q.FIRST_AVG,
        [
            ask(
                "Analyst can apply the policy definition directly.",
                (
                    "avg",
                    ANALYST,
                    "Average award per approved 2026 application to first-time grantees "
                    "(first_grant_year 2026 in organisations.csv). Two decimals.",
                ),
            ),
            py(
                "Join on first_grant_year.",
                APPS
                + ORGS
                + "new = {o['org_id'] for o in orgs if o['first_grant_year'] == '2026'}\n"
                "mine = [int(r['awarded']) for r in apps\n"
                "        if r['org_id'] in new and r['status'] == 'approved']\n"
                "print(sorted(new), len(mine), sum(mine))\n"
                "print(f'{sum(mine) / len(mine):.2f}')",
                "6225.00",
            ),
            finish(
                "Five organisations, eight awards.",
                "£6,225.00 (8 approved applications from O03, O06, O10, O11, O14).",
                agent=ANALYST,
            ),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "First-time grantees' average award 2026: £6,225.00 over 8 applications "
                    "(O03, O06, O10, O11, O14). Check.",
                ),
            ),
            read(REVIEWER, "organisations.csv", "O13", "Why not O13? It's new-ish."),
            answer(
                REVIEWER,
                "O13 was first funded in 2025, so it is rightly out. Approved: £6,225.00.",
            ),
            finish("Approved.", "The average 2026 award to first-time grantees was £6,225.00."),
        ],
        answer="£6,225.00",
        expect="£6,225.00",
    ),
    Run(
        "ok_rural_open_not_allowed",
        HEALTHY,
        q.RURAL_Q1,
        [
            ask(
                "Analyst with the policy's list.",
                (
                    "paid",
                    ANALYST,
                    "Payments dated January to March 2026 to organisations in the policy's "
                    "rural districts (grant_policy.json). Pounds.",
                ),
            ),
            py(
                "Open the files directly.",
                "import csv\npays = list(csv.DictReader(open('payments_2026.csv')))\n"
                "print(len(pays))",
                "InterpreterError: Forbidden function evaluation: 'open'",
            ),
            py(
                "No open() here; go through read_file.",
                PAYS
                + APPS
                + ORGS
                + "import json\nrural = set(json.loads(read_file('grant_policy.json'))"
                "['rural_districts'])\n"
                "org_of = {a['app_id']: a['org_id'] for a in apps}\n"
                "district = {o['org_id']: o['district'] for o in orgs}\n"
                "q1 = [p for p in pays if p['paid_on'] < '2026-04-01'\n"
                "      and district[org_of[p['app_id']]] in rural]\n"
                "print([p['payment_id'] for p in q1])\n"
                "print(sum(int(p['amount']) for p in q1))",
                "6700",
            ),
            finish(
                "P001 and P005.", "£6,700 (P001 Brindle 1,500; P005 Fellside 5,200)", agent=ANALYST
            ),
            ask(
                "Writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: £6,700 paid in Q1 2026 to rural-district organisations.",
                ),
            ),
            answer(
                WRITER,
                "In Q1 2026 the foundation paid £6,700 to organisations in its rural "
                "districts, to Brindle Community Pantry and Fellside Players.",
            ),
            finish("Done.", "In Q1 2026 the foundation paid £6,700 to rural organisations."),
        ],
        answer="£6,700",
        expect="£6,700",
    ),
    Run(
        "ok_halls_adviser_on_received",
        HEALTHY,
        q.HALLS_CHANGE,
        [
            ask(
                "Does 'received' include withdrawn ones? Adviser first.",
                ("rule", ADVISER, "What counts as an application received, per the policy?"),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(ADVISER, "Every application in the year's file, whatever its status."),
            ask(
                "Analyst.",
                (
                    "change",
                    ANALYST,
                    "F4 applications in 2025 and 2026, every status; percentage change, one "
                    "decimal, signed.",
                ),
            ),
            py(
                "Count rows per year.",
                LOAD.format(name="old", file="applications_2025.csv")
                + LOAD.format(name="new", file="applications_2026.csv")
                + "a = sum(r['fund_id'] == 'F4' for r in old)\n"
                "b = sum(r['fund_id'] == 'F4' for r in new)\n"
                "print(a, b)\nprint(f'{(b - a) / a * 100:+.1f}')",
                "+25.0",
            ),
            finish("4 to 5.", "+25.0% (4 in 2025, 5 in 2026)", agent=ANALYST),
            ask(
                "Reviewer.",
                ("verdict", REVIEWER, "F4 applications 4 -> 5, +25.0%, withdrawn included."),
            ),
            read(REVIEWER, "applications_2025.csv", ",F4,"),
            answer(
                REVIEWER,
                "Four 2025 rows including the withdrawn A2512, which the policy counts. Approved.",
            ),
            finish(
                "Approved.",
                "Village Halls Capital applications changed by +25.0% from 2025 to 2026.",
            ),
        ],
        answer="+25.0%",
        expect="+25.0%",
    ),
    Run(
        "ok_match_full_amounts",
        HEALTHY,
        q.MATCH,
        [
            ask(
                "Adviser and analyst in one go; the analyst reads the fund flags itself.",
                ("rule", ADVISER, "Match funding: ratio and basis under the policy?"),
                (
                    "match",
                    ANALYST,
                    "0.5 x full amount awarded, summed over 2026 approved awards from funds "
                    "with match_required = yes. Pounds.",
                ),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(ADVISER, "Ratio 0.5 on the full amount awarded, all years together."),
            py(
                "Flagged funds, full awards.",
                APPS
                + FUNDS
                + "flagged = {f['fund_id'] for f in funds if f['match_required'] == 'yes'}\n"
                "base = sum(int(r['awarded']) for r in apps\n"
                "           if r['fund_id'] in flagged and r['status'] == 'approved')\n"
                "print(sorted(flagged), base)\nprint(int(base * 0.5))",
                "53750",
            ),
            finish("F3 and F4.", "£53,750 (0.5 of £107,500, F3 and F4)", agent=ANALYST),
            ask(
                "Adviser's basis matches. Writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: 2026 grantees must raise £53,750 in match funding.",
                ),
            ),
            answer(
                WRITER,
                "Grantees of Green Spaces and Village Halls Capital must raise £53,750 in "
                "match funding for their 2026 awards.",
            ),
            finish("Done.", "2026 grantees must raise £53,750 in match funding in total."),
        ],
        answer="£53,750",
        expect="£53,750",
    ),
    Run(
        "ok_owed_boundary_checked",
        HEALTHY,
        q.OUTSTANDING,
        [
            ask(
                "Analyst.",
                (
                    "owed",
                    ANALYST,
                    "Spring 2026 approved awards: total awarded less payments on them up to "
                    "and including 30 June 2026. Pounds.",
                ),
            ),
            py("Cut-off inclusive.", SPRING_OWED.format(cmp="<="), "44500"),
            finish("44,500.", "£44,500 unpaid (awarded £157,200, paid £112,700).", agent=ANALYST),
            ask(
                "Reviewer, especially the 30 June payment.",
                (
                    "verdict",
                    REVIEWER,
                    "Spring 2026 awards unpaid at end of 30 June: £44,500. Is the 30 June "
                    "payment in?",
                ),
            ),
            read(REVIEWER, "payments_2026.csv", "2026-06-30"),
            answer(REVIEWER, "P015 (6,250, 30 June) is counted in the 112,700. Approved."),
            finish("Approved.", "£44,500 of the spring 2026 awards was unpaid at 30 June 2026."),
        ],
        answer="£44,500",
        expect="£44,500",
    ),
]
