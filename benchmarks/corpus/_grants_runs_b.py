"""Grants office runs that go wrong in the working: an unfounded assumption, or code that
computes the wrong thing and is approved."""

from __future__ import annotations

from benchmarks.corpus import _grants_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._grants_runs_a import APPS, LOAD, PAYS
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

SPRING_OWED = (
    APPS + PAYS + "spring = {{r['app_id']: int(r['awarded']) for r in apps\n"
    "          if r['round'] == 'spring' and r['status'] == 'approved'}}\n"
    "paid = sum(int(p['amount']) for p in pays\n"
    "           if p['app_id'] in spring and p['paid_on'] {cmp} '2026-06-30')\n"
    "print(sum(spring.values()), paid)\n"
    "print(sum(spring.values()) - paid)"
)
FUNDS = LOAD.format(name="funds", file="funds.csv")

RUNS: list[Run] = [
    Run(
        "halls_02_clerk_drops_withdrawn",
        BAD_ASSUMPTION,
        q.HALLS_CHANGE,
        [
            ask(
                "Counts from the clerk, arithmetic from the analyst.",
                (
                    "counts",
                    CLERK,
                    "How many applications did Village Halls Capital (F4) receive in 2025 "
                    "and in 2026?",
                ),
            ),
            read(CLERK, "applications_2025.csv", ",F4,"),
            read(CLERK, "applications_2026.csv", ",F4,"),
            answer(
                CLERK,
                "F4 received: 2025 - 3 (A2501, A2502, A2503; A2512 was withdrawn before "
                "panel, so not counted as received). 2026 - 5 (A2612, A2613, A2614, A2625, "
                "A2626).",
                mark="root",
            ),
            ask(
                "3 and 5.",
                ("pct", ANALYST, "Percentage change from 3 to 5, one decimal, with sign."),
            ),
            py("One line.", "a, b = 3, 5\nprint(f'{(b - a) / a * 100:+.1f}')", "+66.7"),
            finish("Done.", "+66.7%", agent=ANALYST),
            ask(
                "Review.",
                (
                    "verdict",
                    REVIEWER,
                    "Village Halls Capital applications received: 3 in 2025, 5 in 2026, "
                    "+66.7%. OK to send?",
                ),
            ),
            answer(REVIEWER, "3 to 5 is +66.7%; fine to send. Approved.", mark="symptom"),
            finish(
                "Approved.",
                "Applications received by Village Halls Capital changed by +66.7% from 2025 "
                "to 2026.",
            ),
        ],
        answer="+66.7%",
        expect="+25.0%",
    ),
    Run(
        "green_02_adviser_defers_autumn",
        BAD_ASSUMPTION,
        q.GREEN_LEFT,
        [
            ask(
                "Multi-year charging is the crux. Adviser on the rule, clerk on the rows.",
                (
                    "rule",
                    ADVISER,
                    "How are multi-year awards charged to a fund's annual budget? Which "
                    "Green Spaces awards does that touch in 2026?",
                ),
                ("rows", CLERK, "Green Spaces (F3) approved awards in 2026, with years."),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Each year bears awarded / years. A2610 (spring, 2 years) charges 12,000 to "
                "2026. A2623 was decided on 22 September; autumn multi-year projects start "
                "the following April, so its instalments fall in 2027 and 2028 and nothing "
                "is charged to 2026.",
                mark="root",
            ),
            read(CLERK, "applications_2026.csv", ",F3,"),
            answer(
                CLERK,
                "F3 approved 2026: A2609 7,400 (1); A2610 24,000 (2); A2611 3,600 (1); A2623 "
                "10,500 (2).",
            ),
            ask(
                "Adviser's rule plus clerk's rows to the analyst.",
                (
                    "left",
                    ANALYST,
                    "Green Spaces 2026 budget (funds.csv) less the 2026 charges: A2609 7,400, "
                    "A2610 24,000 / 2, A2611 3,600; A2623 charges nothing to 2026. Pounds.",
                ),
            ),
            py(
                "Charges as briefed.",
                FUNDS
                + "budget = int(next(f['budget_2026'] for f in funds if f['fund_id'] == 'F3'))\n"
                "charges = 7400 + 24000 / 2 + 3600\n"
                "print(budget, charges)\nprint(int(budget - charges))",
                "67000",
            ),
            finish("67,000.", "£67,000 of the £90,000 Green Spaces budget remains.", agent=ANALYST),
            ask(
                "Check it.",
                (
                    "verdict",
                    REVIEWER,
                    "Green Spaces: 90,000 budget less 2026 charges 23,000 (A2623 starts in "
                    "2027) = £67,000 left. Please review.",
                ),
            ),
            read(REVIEWER, "funds.csv", "F3"),
            answer(
                REVIEWER,
                "Budget of 90,000 is right and the charges add to 23,000. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "Green Spaces has £67,000 of its 2026 budget left."),
        ],
        answer="£67,000",
        expect="£61,750",
    ),
    Run(
        "owed_01_analyst_counts_one_instalment",
        BAD_ASSUMPTION,
        q.OUTSTANDING,
        [
            ask(
                "Spring awards less payments to 30 June inclusive. The analyst has both files.",
                (
                    "owed",
                    ANALYST,
                    "For the awards approved in the spring 2026 round: total awarded minus "
                    "everything paid on them up to and including 30 June 2026. Pounds.",
                ),
            ),
            py(
                "A multi-year award is only committed one year at a time, so for those I "
                "count this year's instalment (awarded / years) as the amount awarded.",
                APPS
                + PAYS
                + "spring = {r['app_id']: int(r['awarded']) / int(r['years']) for r in apps\n"
                "          if r['round'] == 'spring' and r['status'] == 'approved'}\n"
                "paid = sum(int(p['amount']) for p in pays\n"
                "           if p['app_id'] in spring and p['paid_on'] <= '2026-06-30')\n"
                "print(sum(spring.values()), paid)\nprint(int(sum(spring.values()) - paid))",
                "12500",
                mark="root",
            ),
            finish("12,500.", "£12,500 of the spring awards is unpaid at 30 June.", agent=ANALYST),
            ask(
                "Reviewer, with the 30 June boundary in mind.",
                (
                    "verdict",
                    REVIEWER,
                    "Spring 2026 awards unpaid at the end of 30 June: £12,500. Check the "
                    "payments up to 30 June are all in.",
                ),
            ),
            read(REVIEWER, "payments_2026.csv", "2026-06"),
            answer(
                REVIEWER,
                "P015 (6,250 to A2605, paid 30 June) is inside the cut-off, as it should be. "
                "Approved.",
                mark="symptom",
            ),
            finish("Approved.", "£12,500 of the spring 2026 awards was unpaid at 30 June 2026."),
        ],
        answer="£12,500",
        expect="£44,500",
    ),
    Run(
        "owed_02_cutoff_excludes_the_day",
        WRONG_ACCEPTED,
        q.OUTSTANDING,
        [
            ask(
                "Analyst for the sum, reviewer after.",
                (
                    "owed",
                    ANALYST,
                    "Spring 2026 approved awards: total awarded less what was paid on them "
                    "by the end of 30 June 2026. Whole pounds.",
                ),
            ),
            py(
                "Spring approved total, less payments before the cut-off.",
                SPRING_OWED.format(cmp="<"),
                "50750",
                mark="root",
            ),
            finish(
                "157,200 awarded, 106,450 paid.",
                "Unpaid at 30 June: £50,750 (awarded £157,200, paid £106,450).",
                agent=ANALYST,
            ),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Spring 2026 awards £157,200, paid by 30 June £106,450, unpaid £50,750. "
                    "Check the awarded total.",
                ),
            ),
            read(REVIEWER, "applications_2026.csv", "spring,"),
            answer(
                REVIEWER,
                "The approved spring rows add to 157,200, matching. Approved.",
                mark="symptom",
            ),
            ask(
                "Write-up.",
                (
                    "note",
                    WRITER,
                    "Committee note: £50,750 of spring 2026 awards unpaid at 30 June.",
                ),
            ),
            answer(
                WRITER,
                "At the end of June, £50,750 of the spring round's awards was still to be paid "
                "out; most of it is later instalments of multi-year grants.",
            ),
            finish("Done.", "£50,750 of the spring 2026 awards was unpaid at 30 June 2026."),
        ],
        answer="£50,750",
        expect="£44,500",
    ),
    Run(
        "arts_02_divides_by_all_seven",
        WRONG_ACCEPTED,
        q.ARTS_RATE,
        [
            ask(
                "Definition first.",
                ("rule", ADVISER, "What is the grant policy's definition of a success rate?"),
            ),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Success rate = approved / (approved + declined); withdrawn applications are "
                "left out.",
            ),
            ask(
                "Now the figure.",
                (
                    "rate",
                    ANALYST,
                    "Arts in the Vale (F1) 2026 success rate: approved / (approved + "
                    "declined), withdrawn left out. Percent, one decimal.",
                ),
            ),
            py(
                "Approved over the decided F1 applications.",
                APPS + "arts = [r for r in apps if r['fund_id'] == 'F1']\n"
                "approved = sum(r['status'] == 'approved' for r in arts)\n"
                "print(approved, len(arts))\n"
                "print(f'{approved / len(arts) * 100:.1f}')",
                "57.1",
                mark="root",
            ),
            finish("4 of 7.", "F1 success rate 57.1% (4 approved of 7).", agent=ANALYST),
            ask(
                "Reviewer.",
                (
                    "verdict",
                    REVIEWER,
                    "Arts in the Vale 2026 success rate 57.1% (4 approved of 7). Check.",
                ),
            ),
            answer(REVIEWER, "4 / 7 = 57.1%. Approved.", mark="symptom"),
            finish("Approved.", "Arts in the Vale's 2026 success rate was 57.1%."),
        ],
        answer="57.1%",
        expect="66.7%",
    ),
    Run(
        "match_02_per_year_basis",
        WRONG_ACCEPTED,
        q.MATCH,
        [
            ask(
                "Which funds need match funding and at what ratio.",
                (
                    "rule",
                    ADVISER,
                    "Which funds require match funding, at what ratio, and on what basis?",
                ),
            ),
            read(ADVISER, "funds.csv"),
            read(ADVISER, "grant_policy.json"),
            answer(
                ADVISER,
                "Green Spaces (F3) and Village Halls Capital (F4) require match funding. "
                "Ratio 0.5, on the full amount awarded - all years of a multi-year award "
                "together.",
            ),
            ask(
                "Analyst.",
                (
                    "match",
                    ANALYST,
                    "Total match funding for 2026 approved awards from F3 and F4: 0.5 x the "
                    "full amount awarded (all years together). Pounds.",
                ),
            ),
            py(
                "Match on F3 and F4 approved awards.",
                APPS + "base = sum(int(r['awarded']) / int(r['years']) for r in apps\n"
                "           if r['fund_id'] in ('F3', 'F4') and r['status'] == 'approved')\n"
                "print(base)\nprint(int(base * 0.5))",
                "45125",
                mark="root",
            ),
            finish("45,125.", "Match funding required: £45,125.", agent=ANALYST),
            ask(
                "Review.",
                (
                    "verdict",
                    REVIEWER,
                    "Match funding for 2026: £45,125 (0.5 on F3 and F4 approved awards). "
                    "Check against the policy.",
                ),
            ),
            read(REVIEWER, "grant_policy.json"),
            answer(
                REVIEWER,
                "F3 and F4 are the match funds and the ratio is 0.5; 45,125 is consistent "
                "with that. Approved.",
                mark="symptom",
            ),
            finish("Approved.", "2026 grantees must raise £45,125 in match funding in total."),
        ],
        answer="£45,125",
        expect="£53,750",
    ),
]
