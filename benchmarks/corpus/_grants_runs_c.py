"""Grants office runs where someone later says something is off (the mistake was earlier),
where a figure is restated as another than the one computed, and where figures are
supplied without any file behind them."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import MADE_UP, MISREPORTED, SELF_REPORT
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
        "youth_04_clerk_sets_aside_multiyear",
        SELF_REPORT,
        q.YOUTH_SPRING,
        [
            ask(
                "Clerk for the F2 spring rows.",
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
                "F2 spring round, approved: A2605 12,500 and A2607 15,000. A2606 (Vale Young "
                "Carers, 30,000 over three years) sits on the multi-year schedule rather than "
                "the round, so I've left it off.",
                mark="root",
            ),
            ask(
                "Two awards. Analyst to total.",
                ("total", ANALYST, "Add A2605 12,500 and A2607 15,000."),
            ),
            py("Sum.", "print(12500 + 15000)", "27500"),
            finish("27,500.", "£27,500", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Young People First spring 2026 round: A2605 12,500 + A2607 15,000 = "
                    "£27,500. Please check against the ledger.",
                ),
            ),
            read(REVIEWER, "applications_2026.csv", ",F2,spring,"),
            answer(
                REVIEWER,
                "Not approved. The ledger shows A2606 approved in the spring round on 20 "
                "March (30,000, three years); it is part of the round whatever its schedule, "
                "and it is missing from the 27,500. The figure needs redoing.",
                mark="symptom",
            ),
            finish(
                "The reviewer has rejected the total and I have no confirmed replacement.",
                "No confirmed figure yet: the reviewer rejected £27,500 because A2606 was "
                "left out of the spring round.",
            ),
        ],
        answer="",
        expect="£57,500",
    ),
    Run(
        "median_02_adviser_folds_in_withdrawn",
        SELF_REPORT,
        q.MEDIAN_DECLINED,
        [
            ask(
                "Check what the policy counts as declined before computing.",
                (
                    "rule",
                    ADVISER,
                    "For reporting, which 2026 applications count as declined? Any policy "
                    "wording on withdrawn ones?",
                ),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "For reporting purposes a withdrawn application is an unsuccessful one, so "
                "count withdrawn applications together with the declined ones.",
                mark="root",
            ),
            ask(
                "Analyst with the adviser's rule.",
                (
                    "median",
                    ANALYST,
                    "Median amount requested by 2026 applications that were declined, "
                    "counting withdrawn ones with them as the adviser says. Pounds.",
                ),
            ),
            py(
                "Declined plus withdrawn, median of requested.",
                APPS + "import statistics\n"
                "asked = sorted(int(r['requested']) for r in apps\n"
                "               if r['status'] in ('declined', 'withdrawn'))\n"
                "print(asked)\nprint(statistics.median(asked))",
                "6500",
            ),
            finish(
                "Nine values, middle one 6,500.",
                "Median requested: £6,500 over nine applications (declined and withdrawn).",
                agent=ANALYST,
            ),
            ask(
                "To the writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: the median amount requested by declined 2026 "
                    "applications was £6,500 (nine applications).",
                ),
            ),
            answer(
                WRITER,
                "Holding this one: the question is about declined applications, but the "
                "£6,500 median is over nine, and two of them (A2618, A2629) were withdrawn by "
                "the applicants, not declined by the panel. Can someone settle which set we "
                "mean before it goes to committee?",
                mark="symptom",
            ),
            finish(
                "The writer has queried the basis.",
                "Median requested by declined 2026 applications: £6,500, though the report "
                "writer has queried whether withdrawn applications belong in it.",
            ),
        ],
        answer="£6,500",
        expect="£8,000",
    ),
    Run(
        "rural_03_clerk_lists_the_shed",
        SELF_REPORT,
        q.RURAL_Q1,
        [
            ask(
                "Rural organisations from the clerk; the policy names the districts.",
                (
                    "orgs",
                    CLERK,
                    "Which organisations are in the rural districts (Ashby Moor, Fellside, "
                    "Brindle)? Give their ids.",
                ),
            ),
            read(CLERK, "organisations.csv"),
            answer(
                CLERK,
                "Rural organisations: O02, O03, O05, O07, O09, O10, O12, O13, O15, O16.",
                mark="root",
            ),
            ask(
                "Payments side.",
                (
                    "paid",
                    ANALYST,
                    "Total payments dated January to March 2026 to organisations O02, O03, "
                    "O05, O07, O09, O10, O12, O13, O15, O16 (payments -> applications_2026 "
                    "-> org). Print their districts as a check. Pounds.",
                ),
            ),
            py(
                "Payments in Q1 to the given ids; districts printed alongside.",
                PAYS
                + APPS
                + ORGS
                + "ids = {'O02', 'O03', 'O05', 'O07', 'O09', 'O10', 'O12', 'O13', 'O15', 'O16'}\n"
                "org_of = {a['app_id']: a['org_id'] for a in apps}\n"
                "district = {o['org_id']: o['district'] for o in orgs}\n"
                "q1 = [p for p in pays if p['paid_on'] < '2026-04-01'"
                " and org_of[p['app_id']] in ids]\n"
                "print(sorted({district[org_of[p['app_id']]] for p in q1}))\n"
                "print(sum(int(p['amount']) for p in q1))",
                "7900",
            ),
            finish(
                "One district in the output is not a rural one.",
                "£7,900, but note: one of the ids I was given, O13 (Lower Vale Men's Shed), "
                "is in Lower Vale, which is not on the policy's rural list; its £1,200 "
                "payment is inside the £7,900. The id list wants confirming.",
                agent=ANALYST,
                mark="symptom",
            ),
            finish(
                "The analyst flags the list; I'll pass the figure on with the caveat.",
                "Q1 2026 payments to rural organisations: £7,900, subject to the district "
                "list being confirmed.",
            ),
        ],
        answer="£7,900",
        expect="£6,700",
    ),
    Run(
        "green_03_analyst_transposes",
        MISREPORTED,
        q.GREEN_LEFT,
        [
            ask(
                "The rule is in the policy; the analyst can apply it.",
                (
                    "left",
                    ANALYST,
                    "Green Spaces (F3) 2026 budget left after both rounds, each approved "
                    "award charged at awarded / years to 2026 (grant_policy.json). Pounds.",
                ),
            ),
            py(
                "Per-year charges for F3.",
                APPS
                + LOAD.format(name="funds", file="funds.csv")
                + "budget = int(next(f['budget_2026'] for f in funds if f['fund_id'] == 'F3'))\n"
                "charge = sum(int(r['awarded']) / int(r['years']) for r in apps\n"
                "             if r['fund_id'] == 'F3' and r['status'] == 'approved')\n"
                "print(budget, charge)\nprint(int(budget - charge))",
                "61750",
            ),
            finish(
                "Budget less the per-year charges.",
                "Green Spaces has £61,570 left of £90,000 after 2026 charges of £28,430.",
                agent=ANALYST,
                mark="root",
            ),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Green Spaces 2026: £61,570 left of £90,000 (charges £28,430, multi-year "
                    "awards per year). Check.",
                ),
            ),
            read(REVIEWER, "funds.csv", "F3"),
            answer(
                REVIEWER,
                "Budget 90,000 confirmed; 90,000 - 28,430 = 61,570. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Green Spaces has £61,570 of its 2026 budget left."),
        ],
        answer="£61,570",
        expect="£61,750",
    ),
    Run(
        "brindle_03_manager_relays_21",
        MISREPORTED,
        q.BRINDLE_SHARE,
        [
            ask(
                "Analyst.",
                (
                    "share",
                    ANALYST,
                    "Brindle district's share of all 2026 approved awards, percent to one decimal.",
                ),
            ),
            py(
                "Brindle over the total.",
                APPS + ORGS + "district = {o['org_id']: o['district'] for o in orgs}\n"
                "ok = [r for r in apps if r['status'] == 'approved']\n"
                "total = sum(int(r['awarded']) for r in ok)\n"
                "brindle = sum(int(r['awarded']) for r in ok"
                " if district[r['org_id']] == 'Brindle')\n"
                "print(brindle, total)\nprint(f'{brindle / total * 100:.1f}')",
                "25.1",
            ),
            finish(
                "54,900 of 218,600.",
                "Brindle: £54,900 of £218,600 awarded in 2026, 25.1%.",
                agent=ANALYST,
            ),
            ask(
                "Straight to the writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: Brindle organisations received 21.5% of 2026 awards "
                    "(£54,900 of £218,600).",
                ),
                mark="root",
            ),
            answer(
                WRITER,
                "Brindle organisations received 21.5% of everything the foundation awarded "
                "in 2026 - £54,900 of £218,600.",
                mark="symptom",
            ),
            finish("Written.", "21.5% of the foundation's 2026 awards went to Brindle."),
        ],
        answer="21.5%",
        expect="25.1%",
    ),
    Run(
        "match_03_writer_swaps_digits",
        MISREPORTED,
        q.MATCH,
        [
            ask(
                "Adviser for the basis, then the analyst.",
                ("rule", ADVISER, "Match funding: which funds, what ratio, what basis?"),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Funds with match_required = yes (Green Spaces, Village Halls Capital); 0.5 "
                "of the full amount awarded, all years together.",
            ),
            ask(
                "Analyst.",
                (
                    "match",
                    ANALYST,
                    "0.5 x the full amount awarded on 2026 approved awards from funds with "
                    "match_required = yes in funds.csv. Pounds.",
                ),
            ),
            py(
                "Funds flagged for match, full awards.",
                APPS
                + LOAD.format(name="funds", file="funds.csv")
                + "flagged = {f['fund_id'] for f in funds if f['match_required'] == 'yes'}\n"
                "base = sum(int(r['awarded']) for r in apps\n"
                "           if r['fund_id'] in flagged and r['status'] == 'approved')\n"
                "print(sorted(flagged), base)\nprint(int(base * 0.5))",
                "53750",
            ),
            finish("53,750.", "Match funding required: £53,750 on £107,500.", agent=ANALYST),
            ask(
                "Writer, then a last look from the reviewer at the wording.",
                (
                    "note",
                    WRITER,
                    "Committee note: 2026 grantees of Green Spaces and Village Halls Capital "
                    "must raise £53,750 in match funding on £107,500 awarded.",
                ),
            ),
            answer(
                WRITER,
                "Grantees of Green Spaces and Village Halls Capital must raise £57,350 in "
                "match funding between them, half of the £107,500 the foundation awarded.",
                mark="root",
            ),
            think(
                MANAGER,
                "Reviewer on the final text.",
                "verdict = panel_reviewer(task=f'Final check of this committee note before "
                "it goes out: {note}')\nprint(verdict)",
            ),
            answer(
                REVIEWER,
                "Reads well and names both match funds and the 0.5 ratio. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "2026 grantees must raise £57,350 in match funding in total."),
        ],
        answer="£57,350",
        expect="£53,750",
    ),
    Run(
        "halls_03_clerk_quotes_annual_review",
        MADE_UP,
        q.HALLS_CHANGE,
        [
            ask(
                "Counts for both years from the clerk.",
                (
                    "counts",
                    CLERK,
                    "Applications received by Village Halls Capital (F4) in 2025 and 2026, "
                    "all statuses.",
                ),
            ),
            read(CLERK, "applications_2026.csv", ",F4,"),
            answer(
                CLERK,
                "2026: 5 F4 applications (A2612, A2613, A2614, A2625, A2626). 2025: 2, as "
                "reported in last year's annual review.",
                mark="root",
            ),
            ask(
                "Analyst for the change.",
                ("pct", ANALYST, "Percentage change from 2 to 5, one decimal, with sign."),
            ),
            py("Change.", "a, b = 2, 5\nprint(f'{(b - a) / a * 100:+.1f}')", "+150.0"),
            finish("+150.0.", "+150.0%", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Village Halls Capital applications: 2 (2025) -> 5 (2026), +150.0%. OK?",
                ),
            ),
            answer(REVIEWER, "Arithmetic is right: 2 to 5 is +150.0%. Approved.", mark="symptom"),
            finish(
                "Approved.",
                "Village Halls Capital applications changed by +150.0% from 2025 to 2026.",
            ),
        ],
        answer="+150.0%",
        expect="+25.0%",
    ),
    Run(
        "first_02_adviser_names_them_offhand",
        MADE_UP,
        q.FIRST_AVG,
        [
            ask(
                "First-time grantees: the adviser knows the intake.",
                ("who", ADVISER, "Which organisations are first-time grantees in 2026?"),
            ),
            answer(
                ADVISER,
                "From this year's intake the first-time grantees are O03, O06, O10, O11 and O13.",
                mark="root",
            ),
            ask(
                "Analyst with those ids.",
                (
                    "avg",
                    ANALYST,
                    "Average award per approved 2026 application for organisations O03, O06, "
                    "O10, O11, O13. Two decimals.",
                ),
            ),
            py(
                "Approved awards of the five ids.",
                APPS + "ids = {'O03', 'O06', 'O10', 'O11', 'O13'}\n"
                "mine = [int(r['awarded']) for r in apps\n"
                "        if r['org_id'] in ids and r['status'] == 'approved']\n"
                "print(len(mine), sum(mine))\nprint(f'{sum(mine) / len(mine):.2f}')",
                "5775.00",
            ),
            finish(
                "Eight awards.", "Average £5,775.00 over 8 approved applications.", agent=ANALYST
            ),
            ask(
                "Writer.",
                (
                    "note",
                    WRITER,
                    "Committee note: first-time grantees averaged £5,775.00 per approved "
                    "application in 2026.",
                ),
            ),
            answer(
                WRITER,
                "First-time grantees averaged £5,775.00 per approved application in 2026, "
                "a sign the foundation is reaching new groups at a meaningful scale.",
                mark="symptom",
            ),
            finish("Written.", "The average 2026 award to first-time grantees was £5,775.00."),
        ],
        answer="£5,775.00",
        expect="£6,225.00",
    ),
]
