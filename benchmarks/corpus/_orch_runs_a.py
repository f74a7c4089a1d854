"""Intake desk runs that go wrong upstream: a wrong file or row, a misquoted figure, a
brief or plan that sets the question up on the wrong basis, invented figures."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _orch_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._orch_team import CHECKER, CLERK, CODER, Run, ask, cell, final, read, say

ALL_GROWERS_WEEK = """import csv
rows = [r for r in csv.DictReader(open('intake_2026-09.csv'))
        if '2026-09-14' <= r['date'] <= '2026-09-20' and r['status'] == 'accepted']
print([r['docket'] for r in rows])
print(sum(int(r['kg']) for r in rows))
"""
NAMED_MEMBERS_WEEK = """import csv
members = {'G01', 'G02', 'G03', 'G05', 'G06'}
rows = [r for r in csv.DictReader(open('intake_2026-09.csv'))
        if r['grower_id'] in members and '2026-09-14' <= r['date'] <= '2026-09-20' and r['status'] == 'accepted']
print([r['docket'] for r in rows])
print(sum(int(r['kg']) for r in rows))
"""
JUICE_GIVEN = """juice, total = 1970, 21460
print(f'{100 * juice / total:.1f}')
"""

RUNS: list[Run] = [
    Run(
        "pay_01_levy_left_out_of_brief",
        LOST_CONSTRAINT,
        q.PAY,
        [
            ask(
                CLERK,
                "Pull Fenwick Farm's September dockets and its membership status.",
                say="Dockets first, then the sum.",
            ),
            read(CLERK, q.SEPT, "G04"),
            say(
                CLERK,
                "Fenwick (G04) has five September dockets: D0902, D0904, D0909, D0917 accepted, D0913 rejected. growers.csv lists Fenwick as a non-member, so the 4% handling levy applies.",
            ),
            ask(
                CODER,
                "Price Fenwick's accepted September dockets (D0902, D0904, D0909, D0917) at the 2026 pence-per-kg list and give the total in pounds.",
                mark="root",
            ),
            cell("Pricing the four accepted dockets.", q.pay(factor="1"), "1907.90"),
            say(CODER, "Four accepted dockets, £1,907.90 at list prices."),
            ask(CHECKER, "Check the coder's £1,907.90 for Fenwick."),
            read(CHECKER, "price_list_2026.json"),
            say(
                CHECKER,
                "Prices match the list for each variety and grade and the rejected D0913 is out. £1,907.90 is right.",
                mark="symptom",
            ),
            final("The co-op owes Fenwick Farm £1,907.90 for its September 2026 intake."),
        ],
        answer="1,907.90",
        expect="1,831.58",
    ),
    Run(
        "pay_02_august_dockets",
        WRONG_SOURCE,
        q.PAY,
        [
            ask(
                CLERK,
                "Find Fenwick Farm's dockets for the month and confirm whether it is a member.",
            ),
            read(CLERK, "intake_2026-08.csv", "G04", mark="root"),
            read(CLERK, "growers.csv", "G04"),
            say(
                CLERK,
                "Fenwick has one docket in the intake file: D0802, 640 kg Gala grade A, accepted. Not a member (member = N).",
            ),
            ask(
                CODER,
                "Value Fenwick's accepted dockets in the file the clerk used at list prices and take off the 4% non-member levy.",
            ),
            cell(
                "Running it over the file the clerk read.",
                q.pay(file="intake_2026-08.csv"),
                "380.93",
            ),
            say(CODER, "One docket, gross £396.80, £380.93 after the 4% levy."),
            ask(CHECKER, "Confirm Fenwick's figure of £380.93."),
            say(CHECKER, "640 kg at 62p is £396.80, less 4% is £380.93. Agreed.", mark="symptom"),
            final(
                "Fenwick Farm is owed £380.93 for its intake, after the 4% non-member handling levy."
            ),
        ],
        answer="380.93",
        expect="1,831.58",
    ),
    Run(
        "pay_03_rejected_load_paid",
        BAD_ASSUMPTION,
        q.PAY,
        [
            ask(
                CLERK,
                "List Fenwick Farm's September 2026 dockets and say which of them the co-op pays for.",
            ),
            read(CLERK, q.SEPT, "G04"),
            say(
                CLERK,
                "Five dockets for G04 in September: D0902, D0904, D0909, D0913, D0917. D0913 is marked rejected, but the grower still delivered it, so I'd pay it at its grade with the rest; all five are payable.",
                mark="root",
            ),
            ask(
                CODER,
                "Value all five of Fenwick's September dockets at list prices, then apply the 4% non-member levy.",
            ),
            cell("All five dockets, levy applied.", q.pay(keep=""), "2157.31"),
            say(CODER, "Five dockets, £2,247.20 gross, £2,157.31 net of levy."),
            ask(CHECKER, "Check £2,157.31 for Fenwick."),
            say(
                CHECKER,
                "The five dockets are priced at the right rates and the 4% levy is taken off. I agree with £2,157.31.",
                mark="symptom",
            ),
            final("Fenwick Farm is owed £2,157.31 for September 2026 after the 4% handling levy."),
        ],
        answer="2,157.31",
        expect="1,831.58",
    ),
    Run(
        "pay_04_fenwick_called_member",
        WRONG_INPUT,
        q.PAY,
        [
            ask(
                CLERK,
                "Is Fenwick Farm a co-op member, and which of its September dockets were accepted?",
            ),
            read(CLERK, "growers.csv"),
            read(
                CLERK,
                q.SEPT,
                "G04",
                say="Fenwick Farm (G04) is on the growers list as a member, so no handling levy. Now its dockets.",
                mark="root",
            ),
            say(CLERK, "Accepted: D0902, D0904, D0909, D0917. D0913 was rejected."),
            ask(
                CODER,
                "Price Fenwick's four accepted September dockets at list prices. Fenwick is a member, so no levy.",
            ),
            cell("Four dockets, member rate.", q.pay(factor="1"), "1907.90"),
            say(CODER, "£1,907.90 for the four accepted dockets."),
            ask(CHECKER, "Check Fenwick's £1,907.90."),
            say(
                CHECKER,
                "Right dockets, right prices, and as a member there's no levy. £1,907.90 holds.",
                mark="symptom",
            ),
            final("The co-op owes Fenwick Farm £1,907.90 for September 2026."),
        ],
        answer="1,907.90",
        expect="1,831.58",
    ),
    Run(
        "pay_05_invented_levy_rate",
        MADE_UP,
        q.PAY,
        [
            ask(CLERK, "Get Fenwick's accepted September dockets."),
            read(CLERK, q.SEPT, "G04"),
            say(
                CLERK,
                "Accepted: D0902 (1,220 kg Gala A), D0904 (610 kg Cox juice), D0909 (990 kg Gala A), D0917 (680 kg Cox A). D0913 was rejected.",
            ),
            ask(
                CODER, "Value those four at the 2026 list and deduct the non-member handling levy."
            ),
            cell(
                "Levy is the usual 5% for non-members, so I've used 0.95.",
                q.pay(factor="0.95"),
                "1812.51",
                mark="root",
            ),
            say(CODER, "Gross £1,907.90; after the 5% levy £1,812.51."),
            ask(CHECKER, "Check Fenwick's £1,812.51."),
            say(
                CHECKER,
                "Dockets and prices are right, levy deducted. £1,812.51 is fine.",
                mark="symptom",
            ),
            final("Fenwick Farm is owed £1,812.51 for September 2026, net of the handling levy."),
        ],
        answer="1,812.51",
        expect="1,831.58",
    ),
    Run(
        "gala_01_two_grades_planned",
        BAD_SPLIT,
        q.GALA,
        [
            ask(
                CODER,
                "Sum the accepted September Gala dockets graded A or B; B is dessert fruit as well and both go to the A pool.",
                say="Plan: one pass over September's dockets.",
                mark="root",
            ),
            cell(
                "Grades A and B as briefed.",
                q.gala().replace("r['grade'] == 'A'", "r['grade'] in ('A', 'B')"),
                "8600",
            ),
            say(CODER, "Seven dockets, 8,600 kg of Gala A and B."),
            ask(CHECKER, "Confirm the 8,600 kg Gala figure."),
            read(CHECKER, q.SEPT, "Gala"),
            say(
                CHECKER,
                "The seven accepted Gala dockets graded A or B add to 8,600 kg; the rejected one is excluded. Correct.",
                mark="symptom",
            ),
            final("The co-op took in 8,600 kg of grade A Gala in September 2026."),
        ],
        answer="8,600",
        expect="6,700",
    ),
    Run(
        "juice_01_totals_from_memory",
        MADE_UP,
        q.JUICE,
        [
            ask(CLERK, "Give me September's total intake and the juice-grade weight."),
            say(
                CLERK,
                "From the September intake summary: 21,460 kg in all, of which 1,970 kg went to juice.",
                mark="root",
            ),
            ask(CODER, "Juice share of September intake from the clerk's totals, one decimal."),
            cell("Using the clerk's totals.", JUICE_GIVEN, "9.2"),
            say(CODER, "9.2% juice by weight."),
            ask(CHECKER, "Check the 9.2% juice share."),
            say(CHECKER, "1,970 over 21,460 is 9.2%. Fine.", mark="symptom"),
            final("9.2% of the co-op's September 2026 intake by weight was graded for juice."),
        ],
        answer="9.2",
        expect="10.3",
    ),
    Run(
        "week_01_monday_to_monday",
        BAD_SPLIT,
        q.WEEK,
        [
            ask(
                CODER,
                "Members' accepted kg with docket dates from Monday 14 to Monday 21 September inclusive; the week runs Monday to Monday on the intake calendar.",
                say="Straight to the coder.",
                mark="root",
            ),
            cell("14th to 21st, members only.", q.week(hi="2026-09-21"), "6580"),
            say(CODER, "Six member dockets, 6,580 kg."),
            ask(CHECKER, "Check 6,580 kg for members, 14-21 September."),
            read(CHECKER, "growers.csv"),
            say(
                CHECKER,
                "The six dockets are all members' and accepted; the sum is 6,580 kg. Agreed.",
                mark="symptom",
            ),
            final("Member growers delivered 6,580 kg in the week of 14 September 2026."),
        ],
        answer="6,580",
        expect="5,120",
    ),
    Run(
        "week_02_members_dropped",
        LOST_CONSTRAINT,
        q.WEEK,
        [
            ask(CLERK, "Which growers are co-op members?"),
            read(CLERK, "growers.csv"),
            say(CLERK, "Members: G01, G02, G03, G05. G04 Fenwick and G06 Marden Hill are not."),
            ask(CODER, "Total accepted kg delivered 14-20 September 2026.", mark="root"),
            cell("Accepted dockets in the date range.", ALL_GROWERS_WEEK, "6830"),
            say(CODER, "Seven accepted dockets, 6,830 kg."),
            ask(CHECKER, "Check 6,830 kg for 14-20 September."),
            say(
                CHECKER,
                "Dates and accepted status look right; the rejected D0913 is out. 6,830 kg.",
                mark="symptom",
            ),
            final("Member growers delivered 6,830 kg between 14 and 20 September 2026."),
        ],
        answer="6,830",
        expect="5,120",
    ),
    Run(
        "week_03_marden_hill_listed",
        WRONG_INPUT,
        q.WEEK,
        [
            ask(CLERK, "List the member growers' ids."),
            read(CLERK, "growers.csv"),
            say(
                CLERK,
                "Member ids: G01, G02, G03, G05, G06. Only Fenwick (G04) is outside the co-op.",
                mark="root",
            ),
            ask(CODER, "Sum accepted kg 14-20 September for G01, G02, G03, G05 and G06."),
            cell("Using the clerk's member list.", NAMED_MEMBERS_WEEK, "5840"),
            say(CODER, "Six dockets, 5,840 kg."),
            ask(CHECKER, "Check members' 5,840 kg for the week."),
            say(
                CHECKER,
                "The dockets fall in 14-20 September and are all accepted; the sum is 5,840 kg. Good.",
                mark="symptom",
            ),
            final("Members delivered 5,840 kg to the co-op in the week 14-20 September 2026."),
        ],
        answer="5,840",
        expect="5,120",
    ),
]
