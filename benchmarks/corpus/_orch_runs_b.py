"""Intake desk runs that go wrong in the working: code that is wrong or crashes and is
talked past, figures misreported, doubts voiced and not acted on, a failed read taken
as an empty one, a constraint dropped from a brief."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _orch_tasks as q
from benchmarks.corpus._common import (
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._orch_team import CHECKER, CLERK, CODER, Run, ask, cell, final, read, say

GALA_HALF_RUN = """import csv
rows = [r for r in csv.DictReader(open('intake_2026-09.csv')) if r['variety'] == 'Gala' and r['grade'] == 'A']
print(sum(int(r['kg']) for r in rows))
kept = [r for r in rows if r['Status'] == 'accepted']
print(sum(int(r['kg']) for r in kept))
"""
PAY_HALF_RUN = """import csv, json
prices = json.load(open('price_list_2026.json'))['pence_per_kg']
rows = [r for r in csv.DictReader(open('intake_2026-09.csv')) if r['grower_id'] == 'G04' and r['status'] == 'accepted']
gross = sum(int(r['kg']) * prices[r['variety']][r['grade']] for r in rows) / 100
print(f'{gross:.2f}')
print(f'{gross * (1 - levy / 100):.2f}')
"""

RUNS: list[Run] = [
    Run(
        "gala_02_status_not_filtered",
        WRONG_ACCEPTED,
        q.GALA,
        [
            ask(
                CODER,
                "Total kg of Gala graded A taken in during September 2026, from intake_2026-09.csv.",
                say="One cell should do it.",
            ),
            cell("Filtering Gala, grade A.", q.gala(keep=""), "8210", mark="root"),
            say(CODER, "Six Gala A dockets, 8,210 kg in total."),
            ask(CHECKER, "Please check 8,210 kg of Gala A."),
            read(CHECKER, q.SEPT, "Gala,A"),
            say(
                CHECKER,
                "The file has six Gala grade A rows (D0901, D0902, D0905, D0909, D0910, D0918) and they add to 8,210 kg. Matches.",
                mark="symptom",
            ),
            final("The co-op took in 8,210 kg of grade A Gala in September 2026."),
        ],
        answer="8,210",
        expect="6,700",
    ),
    Run(
        "week_04_member_flag_flipped",
        WRONG_ACCEPTED,
        q.WEEK,
        [
            ask(
                CODER,
                "Accepted kg from member growers (growers.csv, member column) with docket dates 14-20 September 2026.",
                say="The coder can join the two files.",
            ),
            cell(
                "Joining growers to dockets on grower_id.", q.week(member="N"), "1710", mark="root"
            ),
            say(CODER, "Two dockets in the week, D0909 and D0911: 1,710 kg."),
            ask(CHECKER, "Check the coder's 1,710 kg."),
            read(CHECKER, q.SEPT, "2026-09-1"),
            say(
                CHECKER,
                "D0909 is 990 kg and D0911 is 720 kg, both accepted and in the week; 1,710 kg adds up.",
                mark="symptom",
            ),
            final("Member growers delivered 1,710 kg in the week 14-20 September 2026."),
        ],
        answer="1,710",
        expect="5,120",
    ),
    Run(
        "gala_03_second_print_crashed",
        CODE_FAILURE,
        q.GALA,
        [
            ask(CLERK, "Pull September's Gala grade A dockets."),
            read(CLERK, q.SEPT, "Gala,A"),
            say(CLERK, "Six Gala A dockets: D0901, D0902, D0905 (rejected), D0909, D0910, D0918."),
            ask(CODER, "Sum the kg of the accepted ones."),
            cell(
                "Summing, then dropping rejected loads.",
                GALA_HALF_RUN,
                "KeyError: 'Status'",
                mark="root",
            ),
            say(CODER, "The cell printed 8,210 kg for Gala A before it stopped; that's the total."),
            ask(CHECKER, "Check 8,210 kg."),
            say(
                CHECKER,
                "8,210 kg is what the cell printed for Gala grade A. Fine by me.",
                mark="symptom",
            ),
            final("8,210 kg of grade A Gala came in during September 2026."),
        ],
        answer="8,210",
        expect="6,700",
    ),
    Run(
        "pay_06_levy_line_crashed",
        CODE_FAILURE,
        q.PAY,
        [
            ask(CLERK, "Fenwick Farm: membership and accepted September dockets, please."),
            read(CLERK, "growers.csv", "G04"),
            say(
                CLERK,
                "Fenwick is not a member (N), so the 4% handling levy applies. Its accepted September dockets are D0902, D0904, D0909 and D0917.",
            ),
            ask(CODER, "Value Fenwick's accepted September dockets and take off the 4% levy."),
            cell(
                "Gross, then net of levy.",
                PAY_HALF_RUN,
                "NameError: name 'levy' is not defined",
                mark="root",
            ),
            say(CODER, "Fenwick's accepted dockets come to £1,907.90."),
            ask(CHECKER, "Check £1,907.90 for Fenwick."),
            say(CHECKER, "The cell printed 1907.90 for the four dockets. Agreed.", mark="symptom"),
            final("Fenwick Farm is owed £1,907.90 for its September 2026 intake."),
        ],
        answer="1,907.90",
        expect="1,831.58",
    ),
    Run(
        "juice_02_share_misread",
        MISREPORTED,
        q.JUICE,
        [
            ask(
                CODER,
                "Juice-grade kg as a share of accepted September intake kg, one decimal.",
                say="Coder first.",
            ),
            cell("Accepted dockets only.", q.juice(), "10.3"),
            say(CODER, "1,970 kg of juice out of 19,080 kg: 13.0%.", mark="root"),
            ask(CHECKER, "Check the 13.0% juice share."),
            say(CHECKER, "Accepted dockets only, juice over total. 13.0% stands.", mark="symptom"),
            final("13.0% of September 2026 intake by weight was graded for juice."),
        ],
        answer="13.0",
        expect="10.3",
    ),
    Run(
        "gala_04_checker_transposes",
        MISREPORTED,
        q.GALA,
        [
            ask(CODER, "Accepted September Gala grade A, total kg."),
            cell("Gala, grade A, accepted.", q.gala(), "6700"),
            say(CODER, "Five dockets, 6,700 kg."),
            ask(CHECKER, "Check the Gala total."),
            read(CHECKER, q.SEPT, "Gala,A"),
            say(
                CHECKER,
                "Confirmed: the five accepted Gala A dockets come to 6,070 kg.",
                mark="root",
            ),
            final("The co-op took in 6,070 kg of grade A Gala in September 2026.", mark="symptom"),
        ],
        answer="6,070",
        expect="6,700",
    ),
    Run(
        "juice_03_misnamed_file",
        TOOL_FAILURE,
        q.JUICE,
        [
            ask(CLERK, "Find September's juice-grade dockets."),
            read(CLERK, "intake_2026-9.csv", "juice"),
            say(
                CLERK,
                "Nothing graded juice for September; every docket went to dessert grades.",
                mark="root",
            ),
            ask(CHECKER, "Clerk found no juice dockets in September. Does that hold?"),
            say(
                CHECKER,
                "If no docket was graded juice the share is 0.0%. I see no reason to doubt the clerk.",
                mark="symptom",
            ),
            final("None of the co-op's September 2026 intake was graded for juice: 0.0%."),
        ],
        answer="0.0",
        expect="10.3",
    ),
    Run(
        "week_05_sunday_in_doubt",
        SELF_REPORT,
        q.WEEK,
        [
            ask(CODER, "Members' accepted kg for the week 14-20 September 2026."),
            cell(
                "Members, 14th to 19th; I stopped at Saturday because I'm not sure Sunday dockets count toward that week.",
                q.week(hi="2026-09-19"),
                "4690",
                mark="root",
            ),
            say(
                CODER,
                "4,690 kg over four dockets. Someone should confirm whether 20 September belongs in the week.",
            ),
            ask(CHECKER, "Review 4,690 kg."),
            say(
                CHECKER,
                "I can't confirm the Sunday question either; the cell leaves 20 September out and I have nothing that says it should. The sum itself is right.",
                mark="symptom",
            ),
            final("Member growers delivered 4,690 kg in the week 14-20 September 2026."),
        ],
        answer="4,690",
        expect="5,120",
    ),
    Run(
        "gala_05_rejected_kept_with_doubt",
        SELF_REPORT,
        q.GALA,
        [
            ask(CLERK, "List September's Gala grade A dockets."),
            read(CLERK, q.SEPT, "Gala,A"),
            say(
                CLERK,
                "D0901, D0902, D0905, D0909, D0910, D0918. D0905 is marked rejected; I'm not certain it drops out of intake, so I've left it in.",
                mark="root",
            ),
            ask(CODER, "Sum the six Gala A dockets the clerk listed."),
            cell("All six.", q.gala(keep=""), "8210"),
            say(CODER, "8,210 kg for the six."),
            ask(CHECKER, "Check 8,210 kg."),
            say(
                CHECKER,
                "The addition is right. I'm uneasy about D0905 being counted while it says rejected, but I'll let it through.",
                mark="symptom",
            ),
            final("8,210 kg of grade A Gala came in during September 2026."),
        ],
        answer="8,210",
        expect="6,700",
    ),
    Run(
        "juice_04_all_dockets_brief",
        LOST_CONSTRAINT,
        q.JUICE,
        [
            ask(CLERK, "What does the price list say counts as intake?"),
            read(CLERK, "price_list_2026.json"),
            say(
                CLERK,
                "Only accepted dockets are counted as intake; rejected loads go back to the grower. Weights are net kg.",
            ),
            ask(
                CODER,
                "Juice-grade kg over total kg across every September docket, one decimal.",
                mark="root",
            ),
            cell("Every docket in the September file.", q.juice(keep=""), "9.2"),
            say(CODER, "1,970 of 21,460 kg: 9.2%."),
            ask(CHECKER, "Check 9.2%."),
            say(
                CHECKER,
                "Juice kg and total kg both come from the September file; 9.2% is right.",
                mark="symptom",
            ),
            final("9.2% of the co-op's September 2026 intake by weight was graded for juice."),
        ],
        answer="9.2",
        expect="10.3",
    ),
]
