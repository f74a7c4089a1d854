"""More grants office runs that go right: a figure sent back and redone, a failed manager
step recovered, a wrong file name retried, an analyst who corrects its own cut-off."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._grants_runs_a import APPS, ORGS, PAYS
from benchmarks.corpus._grants_runs_b import SPRING_OWED
from benchmarks.corpus._grants_runs_ok import GREEN
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

Q1_TO = (
    PAYS + APPS + ORGS + "ids = {ids}\n"
    "org_of = {{a['app_id']: a['org_id'] for a in apps}}\n"
    "district = {{o['org_id']: o['district'] for o in orgs}}\n"
    "q1 = [p for p in pays if p['paid_on'] < '2026-04-01' and org_of[p['app_id']] in ids]\n"
    "print(sorted({{district[org_of[p['app_id']]] for p in q1}}))\n"
    "print(sum(int(p['amount']) for p in q1))"
)
BRINDLE = (
    APPS + ORGS + "district = {o['org_id']: o['district'] for o in orgs}\n"
    "ok = [r for r in apps if r['status'] == 'approved']\n"
    "total = sum(int(r['awarded']) for r in ok)\n"
    "brindle = sum(int(r['awarded']) for r in ok if district[r['org_id']] == 'Brindle')\n"
    "print(brindle, total)\nprint(f'{brindle / total * 100:.1f}')"
)

RUNS: list[Run] = [
    Run(
        "ok_median_straight",
        HEALTHY,
        q.MEDIAN_DECLINED,
        [
            ask(
                "Analyst, then writer.",
                (
                    "median",
                    ANALYST,
                    "Median requested amount of the 2026 applications with status declined "
                    "(not withdrawn). Pounds.",
                ),
            ),
            py(
                "Declined only.",
                APPS + "import statistics\n"
                "asked = sorted(int(r['requested']) for r in apps if r['status'] == 'declined')\n"
                "print(asked)\nprint(statistics.median(asked))",
                "8000",
            ),
            finish("Seven values.", "£8,000 (median of 7 declined requests)", agent=ANALYST),
            ask(
                "Writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: the median request among declined 2026 applications was "
                    "£8,000.",
                ),
            ),
            answer(
                WRITER,
                "The typical declined application in 2026 asked for £8,000 (the median of "
                "seven declined requests).",
            ),
            finish(
                "Done.", "The median amount requested by declined 2026 applications was £8,000."
            ),
        ],
        answer="£8,000",
        expect="£8,000",
    ),
    Run(
        "ok_sparks_reviewer_on_the_pantry",
        HEALTHY,
        q.SPARKS_UNINC,
        [
            ask(
                "Clerk for rows and legal forms.",
                (
                    "rows",
                    CLERK,
                    "Small Sparks (F5) approved 2026 awards, each with the organisation's "
                    "legal form.",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F5,"),
            read(CLERK, "organisations.csv"),
            answer(
                CLERK,
                "F5 approved 2026: A2615 O05 registered_charity 1,500; A2616 O13 "
                "unincorporated 1,200; A2617 O06 unincorporated 1,500; A2627 O10 "
                "unincorporated 1,500; A2628 O07 unincorporated 1,400.",
            ),
            ask(
                "Unincorporated ones: A2616, A2617, A2627, A2628.",
                (
                    "total",
                    ANALYST,
                    "Sum the Small Sparks 2026 approved awards to unincorporated groups, "
                    "from the files.",
                ),
            ),
            py(
                "Join F5 approved awards to legal form.",
                APPS + ORGS + "form = {o['org_id']: o['legal_form'] for o in orgs}\n"
                "mine = [r for r in apps if r['fund_id'] == 'F5' and r['status'] == 'approved'\n"
                "        and form[r['org_id']] == 'unincorporated']\n"
                "print([r['app_id'] for r in mine])\nprint(sum(int(r['awarded']) for r in mine))",
                "5600",
            ),
            finish("Four awards.", "£5,600 across A2616, A2617, A2627, A2628.", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Small Sparks 2026 to unincorporated groups: £5,600 (four awards; "
                    "A2615 to O05 left out). Check.",
                ),
            ),
            read(REVIEWER, "organisations.csv", "O05", "Is the pantry really incorporated?"),
            answer(
                REVIEWER,
                "O05 Brindle Community Pantry is a registered charity, so it is rightly left "
                "out. Approved.",
            ),
            finish("Approved.", "Small Sparks awarded £5,600 in 2026 to unincorporated groups."),
        ],
        answer="£5,600",
        expect="£5,600",
    ),
    Run(
        "ok_brindle_reviewer_rereads",
        HEALTHY,
        q.BRINDLE_SHARE,
        [
            ask(
                "Analyst.",
                ("share", ANALYST, "Brindle's share of all 2026 approved awards, one decimal."),
            ),
            py("Both rounds.", BRINDLE, "25.1"),
            finish("54,900 / 218,600.", "25.1% (£54,900 of £218,600)", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Brindle 2026: £54,900 of £218,600 approved, 25.1%. Both rounds. Check "
                    "the districts.",
                ),
            ),
            read(REVIEWER, "organisations.csv", "Brindle"),
            answer(
                REVIEWER,
                "O05, O07, O12 are Brindle: 13,500 + 17,400 + 24,000 = 54,900. Approved.",
            ),
            ask(
                "Writer.",
                ("note", WRITER, "Committee note: Brindle received 25.1% of 2026 awards."),
            ),
            answer(
                WRITER,
                "Brindle organisations received 25.1% of the foundation's 2026 awards "
                "(£54,900 of £218,600).",
            ),
            finish("Done.", "25.1% of the foundation's 2026 awards went to Brindle."),
        ],
        answer="25.1%",
        expect="25.1%",
    ),
    Run(
        "ok_youth_reviewer_restores_a2606",
        HEALTHY,
        q.YOUTH_SPRING,
        [
            ask(
                "Clerk first.",
                ("rows", CLERK, "Approved F2 awards in the spring 2026 round, with amounts."),
            ),
            read(CLERK, "applications_2026.csv", ",F2,spring,"),
            answer(
                CLERK,
                "Spring F2 approved: A2605 12,500; A2607 15,000. A2606 is a multi-year award "
                "(30,000 over 3 years), listed separately.",
            ),
            think(
                MANAGER,
                "Two single-year awards; sum here and review.",
                "total = 12500 + 15000\nverdict = panel_reviewer(task=f'F2 spring 2026 "
                "approved total £{total:,} (A2605, A2607). Check against the ledger.')\n"
                "print(verdict)",
            ),
            read(REVIEWER, "applications_2026.csv", ",F2,spring,"),
            answer(
                REVIEWER,
                "Sent back: A2606 was approved in the same round (30,000). A multi-year "
                "award is still a spring award; the total should include it.",
            ),
            ask(
                "Fair. Clerk, all approved spring F2 rows please.",
                (
                    "rows",
                    CLERK,
                    "Every approved F2 spring 2026 application including multi-year ones, "
                    "with amounts awarded.",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F2,spring,"),
            answer(CLERK, "A2605 12,500; A2606 30,000; A2607 15,000."),
            think(
                MANAGER,
                "Three rows now.",
                "total = 12500 + 30000 + 15000\nverdict = panel_reviewer(task=f'F2 spring 2026 "
                "approved total £{total:,} including A2606. Check.')\nprint(verdict)",
            ),
            answer(REVIEWER, "57,500 with A2606 in. Approved."),
            finish("Approved.", "Young People First awarded £57,500 in the spring 2026 round."),
        ],
        answer="£57,500",
        expect="£57,500",
    ),
    Run(
        "ok_green_manager_import_recovered",
        HEALTHY,
        q.GREEN_LEFT,
        [
            think(
                MANAGER,
                "Adviser's rule as JSON so I can pass it on.",
                "rule = fund_adviser(task='Multi-year charging rule for annual budgets, "
                "as JSON.')\nimport json\nprint(json.loads(rule))",
                "InterpreterError: Import of json is not allowed",
            ),
            read(ADVISER, "grant_policy.json"),
            answer(ADVISER, '{"budget_charge": "awarded / years", "first_year": "decision year"}'),
            think(
                MANAGER,
                "No json here; the rule is in `rule` already, pass the text on.",
                "print(rule)\nleft = data_analyst(task=f'Green Spaces 2026 budget left after "
                "both rounds, charging approved awards per this rule: {rule}')\nprint(left)",
            ),
            py("Per-year charges.", GREEN.format(col="budget_2026"), "61750"),
            finish("61,750.", "£61,750 left of £90,000.", agent=ANALYST),
            finish(
                "Analyst applied the rule.", "Green Spaces has £61,750 of its 2026 budget left."
            ),
        ],
        answer="£61,750",
        expect="£61,750",
    ),
    Run(
        "ok_rural_reviewer_drops_the_shed",
        HEALTHY,
        q.RURAL_Q1,
        [
            ask(
                "Clerk for the rural organisations.",
                (
                    "orgs",
                    CLERK,
                    "Organisation ids in Ashby Moor, Fellside and Brindle (the policy's rural "
                    "districts).",
                ),
            ),
            read(CLERK, "organisations.csv"),
            answer(CLERK, "O02, O03, O05, O07, O09, O10, O12, O13, O15, O16."),
            ask(
                "Analyst, districts printed.",
                (
                    "paid",
                    ANALYST,
                    "Q1 2026 payments to O02, O03, O05, O07, O09, O10, O12, O13, O15, O16; "
                    "print their districts too.",
                ),
            ),
            py(
                "Given ids.",
                Q1_TO.format(
                    ids="{'O02', 'O03', 'O05', 'O07', 'O09', 'O10', 'O12', 'O13', 'O15', 'O16'}"
                ),
                "7900",
            ),
            finish(
                "Lower Vale shows up.",
                "£7,900; one payee district printed as Lower Vale, worth a look.",
                agent=ANALYST,
            ),
            ask(
                "Reviewer on the list.",
                (
                    "verdict",
                    REVIEWER,
                    "Q1 rural payments £7,900, but a Lower Vale payee appeared. Check the "
                    "rural id list O02, O03, O05, O07, O09, O10, O12, O13, O15, O16.",
                ),
            ),
            read(REVIEWER, "organisations.csv", "O13"),
            answer(REVIEWER, "O13 is Lower Vale, not rural. Drop it and rerun."),
            ask(
                "Rerun without O13.",
                ("paid", ANALYST, "Same Q1 2026 payments total, without O13."),
            ),
            py(
                "Without O13.",
                Q1_TO.format(ids="{'O02', 'O03', 'O05', 'O07', 'O09', 'O10', 'O12', 'O15', 'O16'}"),
                "6700",
            ),
            finish("Brindle and Fellside only.", "£6,700", agent=ANALYST),
            finish("Corrected.", "In Q1 2026 the foundation paid £6,700 to rural organisations."),
        ],
        answer="£6,700",
        expect="£6,700",
    ),
    Run(
        "ok_halls_clerk_retries_file_name",
        HEALTHY,
        q.HALLS_CHANGE,
        [
            ask(
                "Clerk for both years' counts.",
                (
                    "counts",
                    CLERK,
                    "Number of Village Halls Capital (F4) applications in 2025 and 2026, "
                    "every status.",
                ),
            ),
            read(CLERK, "applications2025.csv", ",F4,"),
            read(CLERK, "applications_2025.csv", ",F4,", "Underscore missing; again."),
            read(CLERK, "applications_2026.csv", ",F4,"),
            answer(
                CLERK,
                "2025: 4 (A2501, A2502, A2503, A2512 withdrawn). 2026: 5 (A2612, A2613, "
                "A2614, A2625, A2626).",
            ),
            ask("Analyst.", ("pct", ANALYST, "Percentage change 4 -> 5, one decimal, signed.")),
            py("Change.", "a, b = 4, 5\nprint(f'{(b - a) / a * 100:+.1f}')", "+25.0"),
            finish("Done.", "+25.0%", agent=ANALYST),
            finish(
                "Counts are straight from the files.",
                "Village Halls Capital applications changed by +25.0% from 2025 to 2026.",
            ),
        ],
        answer="+25.0%",
        expect="+25.0%",
    ),
    Run(
        "ok_owed_analyst_fixes_cutoff",
        HEALTHY,
        q.OUTSTANDING,
        [
            ask(
                "Analyst.",
                (
                    "owed",
                    ANALYST,
                    "Spring 2026 approved awards less payments on them by the end of 30 June "
                    "2026. Pounds.",
                ),
            ),
            py("Before the cut-off.", SPRING_OWED.format(cmp="<"), "50750"),
            py(
                "'By the end of 30 June' includes that day, and P015 is dated 30 June. Redo "
                "with <=.",
                SPRING_OWED.format(cmp="<="),
                "44500",
            ),
            finish(
                "44,500 with the 30 June payment in.",
                "£44,500 unpaid at the end of 30 June (P015 of 30 June counted).",
                agent=ANALYST,
            ),
            ask(
                "Reviewer.",
                ("verdict", REVIEWER, "Spring awards unpaid at end of 30 June: £44,500. Check."),
            ),
            read(REVIEWER, "payments_2026.csv", "A26"),
            answer(REVIEWER, "Payments to 30 June on spring awards come to 112,700. Approved."),
            finish("Approved.", "£44,500 of the spring 2026 awards was unpaid at 30 June 2026."),
        ],
        answer="£44,500",
        expect="£44,500",
    ),
]
