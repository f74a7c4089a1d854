"""Grants office runs where the manager sets the team on the wrong sum (a bad split of
the question, a brief that drops one of its conditions) and where code fails and the
team carries on past the error."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, CODE_FAILURE, LOST_CONSTRAINT
from benchmarks.corpus._grants_runs_a import APPS, LOAD, ORGS, PAYS
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

RUNS: list[Run] = [
    Run(
        "green_01_plan_subtracts_whole_awards",
        BAD_SPLIT,
        q.GREEN_LEFT,
        [
            ask(
                "Plan: 1) clerk lists F3's approved 2026 awards, 2) analyst takes F3's 2026 "
                "budget from funds.csv less the total awarded. Both in one go.",
                (
                    "rows",
                    CLERK,
                    "List the approved Green Spaces (F3) applications of 2026, both rounds, "
                    "with amounts awarded and years.",
                ),
                (
                    "left",
                    ANALYST,
                    "Green Spaces (F3): its budget_2026 from funds.csv minus the total "
                    "amount awarded on approved F3 applications in applications_2026.csv. "
                    "Whole pounds.",
                ),
                mark="root",
            ),
            read(CLERK, "applications_2026.csv", ",F3,"),
            answer(
                CLERK,
                "F3 2026 approved: A2609 7,400 (1 yr); A2610 24,000 (2 yrs); A2611 3,600 (1 "
                "yr); A2623 10,500 (2 yrs). A2624 declined.",
            ),
            py(
                "Budget less awards for F3.",
                APPS
                + LOAD.format(name="funds", file="funds.csv")
                + "budget = int(next(f['budget_2026'] for f in funds if f['fund_id'] == 'F3'))\n"
                "awarded = sum(int(r['awarded']) for r in apps\n"
                "              if r['fund_id'] == 'F3' and r['status'] == 'approved')\n"
                "print(budget, awarded)\nprint(budget - awarded)",
                "44500",
            ),
            finish(
                "90,000 less 45,500.",
                "Green Spaces: £90,000 budget, £45,500 awarded, £44,500 left.",
                agent=ANALYST,
            ),
            ask(
                "Clerk's four rows match the analyst's 45,500. Reviewer next.",
                (
                    "verdict",
                    REVIEWER,
                    "Green Spaces 2026: budget £90,000, approved awards £45,500 (A2609, "
                    "A2610, A2611, A2623), so £44,500 left. Check.",
                ),
            ),
            read(REVIEWER, "funds.csv", "F3"),
            answer(
                REVIEWER,
                "Budget 90,000 confirmed in funds.csv; 90,000 - 45,500 = 44,500. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Green Spaces has £44,500 of its 2026 budget left."),
        ],
        answer="£44,500",
        expect="£61,750",
    ),
    Run(
        "brindle_01_plan_takes_spring_only",
        BAD_SPLIT,
        q.BRINDLE_SHARE,
        [
            ask(
                "The spring round is the one fully decided and paid, so I'll take 2026 as "
                "the spring round and have the analyst do the share.",
                (
                    "share",
                    ANALYST,
                    "Of the approved awards in the spring 2026 round, what share (percent, "
                    "one decimal) went to organisations in Brindle district? Join "
                    "applications_2026.csv to organisations.csv.",
                ),
                mark="root",
            ),
            py(
                "Spring approved awards, Brindle over all.",
                APPS + ORGS + "district = {o['org_id']: o['district'] for o in orgs}\n"
                "spring = [r for r in apps if r['round'] == 'spring'"
                " and r['status'] == 'approved']\n"
                "total = sum(int(r['awarded']) for r in spring)\n"
                "brindle = sum(int(r['awarded']) for r in spring"
                " if district[r['org_id']] == 'Brindle')\n"
                "print(brindle, total)\nprint(f'{brindle / total * 100:.1f}')",
                "26.4",
            ),
            finish(
                "41,500 of 157,200.",
                "Brindle's share of the spring 2026 awards: 26.4% (£41,500 of £157,200).",
                agent=ANALYST,
            ),
            ask(
                "Review.",
                (
                    "verdict",
                    REVIEWER,
                    "Brindle organisations received £41,500 of £157,200 approved in 2026's "
                    "spring round: 26.4%. Check the districts.",
                ),
            ),
            read(REVIEWER, "organisations.csv", "Brindle"),
            answer(
                REVIEWER,
                "O05, O07 and O12 are the Brindle organisations; their spring awards are "
                "1,500 + 16,000 + 24,000 = 41,500, and 41,500 / 157,200 = 26.4%. Approved.",
                mark="symptom",
            ),
            ask(
                "Write-up.",
                (
                    "note",
                    WRITER,
                    "Committee note: 26.4% of 2026 awards went to Brindle organisations.",
                ),
            ),
            answer(
                WRITER,
                "Brindle groups received 26.4% of the foundation's 2026 awards, a strong "
                "showing for a district of three funded organisations.",
            ),
            finish("Written.", "26.4% of the foundation's 2026 awards went to Brindle."),
        ],
        answer="26.4%",
        expect="25.1%",
    ),
    Run(
        "match_01_plan_counts_halls_only",
        BAD_SPLIT,
        q.MATCH,
        [
            ask(
                "Match funding is a capital-fund requirement, so this is Village Halls "
                "Capital: the adviser gives the ratio, the clerk the F4 awards.",
                (
                    "ratio",
                    ADVISER,
                    "What match-funding ratio applies to Village Halls Capital awards?",
                ),
                (
                    "rows",
                    CLERK,
                    "Village Halls Capital (F4) approved awards in 2026, with amounts.",
                ),
                mark="root",
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Match funding is 0.5 of the full amount awarded (50p raised per pound), all "
                "years of an award together.",
            ),
            read(CLERK, "applications_2026.csv", ",F4,"),
            answer(
                CLERK,
                "F4 2026 approved: A2612 25,000; A2613 16,000; A2625 21,000. A2614 and A2626 "
                "declined.",
            ),
            think(
                MANAGER,
                "62,000 awarded at 0.5. Simple enough to do here, then the write-up.",
                "match = (25000 + 16000 + 21000) * 0.5\nprint(match)\n"
                "note = report_writer(task=f'Committee note: 2026 grantees must raise "
                "£{match:,.0f} in match funding in total.')\nprint(note)",
            ),
            answer(
                WRITER,
                "2026 grantees must raise £31,000 of match funding between them - 50p for "
                "every pound the foundation has awarded.",
                mark="symptom",
            ),
            finish("Done.", "2026 grantees must raise £31,000 in match funding in total."),
        ],
        answer="£31,000",
        expect="£53,750",
    ),
    Run(
        "first_01_sum_of_text",
        CODE_FAILURE,
        q.FIRST_AVG,
        [
            think(
                MANAGER,
                "The adviser defines first-time grantee; the analyst gets that definition "
                "passed straight in.",
                "rule = fund_adviser(task='Who counts as a first-time grantee in 2026?')\n"
                "print(rule)\n"
                "avg = data_analyst(task=f'Average award per approved 2026 application made "
                "to first-time grantees, two decimals. Definition: {rule}')\nprint(avg)",
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "A first-time grantee is an organisation whose first_grant_year is the "
                "current year (2026), per grant_policy.json.",
            ),
            py(
                "Organisations first funded in 2026, their approved awards.",
                APPS
                + ORGS
                + "new = {o['org_id'] for o in orgs if o['first_grant_year'] == '2026'}\n"
                "mine = [r for r in apps if r['org_id'] in new and r['status'] == 'approved']\n"
                "print(len(mine), sum(r['awarded'] for r in mine) / len(mine))",
                "TypeError",
                mark="root",
            ),
            finish(
                "Eight approved applications from the first-time grantees.",
                "Average award to first-time grantees: £6,350.00 across 8 approved applications.",
                agent=ANALYST,
                mark="symptom",
            ),
            ask(
                "Write it up.",
                (
                    "note",
                    WRITER,
                    "Committee note: first-time grantees' average award in 2026 was £6,350.00 "
                    "over 8 approved applications.",
                ),
            ),
            answer(
                WRITER,
                "Organisations new to the foundation did well in 2026: eight approved "
                "applications averaging £6,350.00 each.",
            ),
            finish("Written.", "The average 2026 award to first-time grantees was £6,350.00."),
        ],
        answer="£6,350.00",
        expect="£6,225.00",
    ),
    Run(
        "youth_03_manager_import_blocked",
        CODE_FAILURE,
        q.YOUTH_SPRING,
        [
            think(
                MANAGER,
                "Ask the clerk for the rows as JSON so I can total them here.",
                "report = ledger_clerk(task='Approved Young People First (F2) awards in the "
                "spring 2026 round as a JSON list of {app_id, awarded}.')\n"
                "import json\n"
                "rows = json.loads(report.split(':', 1)[1])\n"
                "print(sum(r['awarded'] for r in rows))",
                "InterpreterError: Import of json is not allowed",
                mark="root",
            ),
            read(CLERK, "applications_2026.csv", ",F2,spring,"),
            answer(
                CLERK,
                '[{"app_id": "A2605", "awarded": 12500}, {"app_id": "A2606", "awarded": '
                '30000}, {"app_id": "A2607", "awarded": 15000}]',
            ),
            ask(
                "The clerk's call went through; the spring F2 round was reported at 52,500 at "
                "the April committee, so I'll have that written up.",
                (
                    "note",
                    WRITER,
                    "Committee note: Young People First awarded £52,500 in the spring 2026 round.",
                ),
                mark="symptom",
            ),
            answer(
                WRITER,
                "Young People First awarded £52,500 across its spring 2026 round, supporting "
                "youth work from Kestrel Town to Ashby Moor.",
            ),
            finish("Done.", "Young People First awarded £52,500 in the spring 2026 round."),
        ],
        answer="£52,500",
        expect="£57,500",
    ),
    Run(
        "brindle_02_key_error_then_a_quarter",
        CODE_FAILURE,
        q.BRINDLE_SHARE,
        [
            ask(
                "Analyst's job end to end.",
                (
                    "share",
                    ANALYST,
                    "Share of all 2026 approved awards (both rounds) going to organisations "
                    "in Brindle district. Percent, one decimal.",
                ),
            ),
            py(
                "Join awards to districts.",
                APPS + ORGS + "district = {o['org_id']: o['district'] for o in orgs}\n"
                "ok = [r for r in apps if r['status'] == 'approved']\n"
                "total = sum(int(r['amount']) for r in ok)\n"
                "brindle = sum(int(r['amount']) for r in ok"
                " if district[r['org_id']] == 'Brindle')\n"
                "print(f'{brindle / total * 100:.1f}')",
                "KeyError: 'amount'",
                mark="root",
            ),
            finish(
                "The script stopped before the sums.",
                "The script stopped on a KeyError ('amount') before it summed anything; I "
                "have no share yet.",
                agent=ANALYST,
            ),
            ask(
                "No figure from the analyst. Brindle has been about a quarter of awards all "
                "year; the spring report had it at 24.6%, so use that.",
                (
                    "note",
                    WRITER,
                    "Committee note: 24.6% of 2026 awards went to Brindle organisations.",
                ),
                mark="symptom",
            ),
            answer(
                WRITER,
                "Brindle organisations received 24.6% of the foundation's 2026 awards.",
            ),
            finish("Written.", "24.6% of the foundation's 2026 awards went to Brindle."),
        ],
        answer="24.6%",
        expect="25.1%",
    ),
    Run(
        "sparks_01_brief_drops_legal_form",
        LOST_CONSTRAINT,
        q.SPARKS_UNINC,
        [
            ask(
                "Small Sparks is F5. Analyst for the sum.",
                (
                    "total",
                    ANALYST,
                    "Total awarded by Small Sparks (F5) in 2026, approved applications, both "
                    "rounds. Pounds.",
                ),
                mark="root",
            ),
            py(
                "F5 approved awards.",
                APPS
                + "f5 = [r for r in apps if r['fund_id'] == 'F5' and r['status'] == 'approved']\n"
                "print([r['app_id'] for r in f5])\nprint(sum(int(r['awarded']) for r in f5))",
                "7100",
            ),
            finish("Five awards.", "Small Sparks 2026: £7,100 across five awards.", agent=ANALYST),
            ask(
                "Reviewer.",
                ("verdict", REVIEWER, "Small Sparks 2026 approved awards total £7,100. Check."),
            ),
            read(REVIEWER, "applications_2026.csv", ",F5,"),
            answer(
                REVIEWER,
                "Five approved F5 rows: 1,500 + 1,200 + 1,500 + 1,500 + 1,400 = 7,100. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Small Sparks awarded £7,100 in 2026."),
        ],
        answer="£7,100",
        expect="£5,600",
    ),
    Run(
        "owed_03_brief_drops_the_round",
        LOST_CONSTRAINT,
        q.OUTSTANDING,
        [
            ask(
                "Unpaid commitments: the analyst has awards and payments.",
                (
                    "owed",
                    ANALYST,
                    "2026 approved awards: total awarded less payments made on them up to "
                    "and including 30 June 2026. Pounds.",
                ),
                mark="root",
            ),
            py(
                "All approved 2026 awards against payments to 30 June.",
                APPS + PAYS + "ok = {r['app_id']: int(r['awarded']) for r in apps"
                " if r['status'] == 'approved'}\n"
                "paid = sum(int(p['amount']) for p in pays\n"
                "           if p['app_id'] in ok and p['paid_on'] <= '2026-06-30')\n"
                "print(sum(ok.values()), paid)\nprint(sum(ok.values()) - paid)",
                "105900",
            ),
            finish(
                "218,600 less 112,700.",
                "Unpaid at 30 June 2026: £105,900 (awarded £218,600, paid £112,700).",
                agent=ANALYST,
            ),
            ask(
                "Write-up.",
                (
                    "note",
                    WRITER,
                    "Committee note: £105,900 of approved awards was unpaid at 30 June 2026.",
                ),
            ),
            answer(
                WRITER,
                "At 30 June 2026, £105,900 of approved awards remained to be paid, against "
                "£112,700 already paid out.",
                mark="symptom",
            ),
            finish("Done.", "£105,900 of the approved awards was unpaid at 30 June 2026."),
        ],
        answer="£105,900",
        expect="£44,500",
    ),
]
