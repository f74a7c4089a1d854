"""Intake desk runs that go right, some after a near miss: a crashing cell fixed, a
mistyped file name retried, the wrong month read first, a rejected load sent back."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _orch_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._orch_team import CHECKER, CLERK, CODER, Run, ask, cell, final, read, say

PAY_BAD_KEY = """import csv, json
prices = json.load(open('price_list_2026.json'))['pence_per_kg']
rows = [r for r in csv.DictReader(open('intake_2026-09.csv')) if r['grower_id'] == 'G04' and r['status'] == 'accepted']
gross = sum(int(r['kg']) * prices[r['variety']][r['grade'].upper()] for r in rows) / 100
print(f'{gross * 0.96:.2f}')
"""

RUNS: list[Run] = [
    Run(
        "ok_pay_01_plain",
        HEALTHY,
        q.PAY,
        [
            ask(CLERK, "Fenwick Farm's membership and its September dockets."),
            read(CLERK, "growers.csv", "G04"),
            read(CLERK, q.SEPT, "G04"),
            say(
                CLERK,
                "Fenwick is not a member. September dockets: D0902, D0904, D0909, D0917 accepted; D0913 rejected and not paid.",
            ),
            ask(
                CODER,
                "Value the four accepted dockets at the 2026 list and take off the 4% non-member levy.",
            ),
            cell("Four accepted dockets, 4% levy.", q.pay(), "1831.58"),
            say(CODER, "Gross £1,907.90, net £1,831.58."),
            ask(CHECKER, "Check £1,831.58."),
            say(
                CHECKER,
                "Accepted dockets only, list prices, 4% levy for a non-member: £1,831.58 stands.",
            ),
            final(
                "The co-op owes Fenwick Farm £1,831.58 for September 2026: £1,907.90 at list prices less the 4% non-member handling levy."
            ),
        ],
        answer="1,831.58",
        expect="1,831.58",
    ),
    Run(
        "ok_pay_02_grade_key_fixed",
        HEALTHY,
        q.PAY,
        [
            ask(
                CODER,
                "Fenwick (G04, not a member): accepted September dockets at list prices, less the 4% handling levy.",
                say="The coder can take this straight from the files.",
            ),
            cell("Pricing by variety and grade.", PAY_BAD_KEY, "KeyError: 'JUICE'"),
            cell(
                "The price list keys grades as 'A', 'B' and 'juice'; dropping the upper().",
                q.pay(),
                "1831.58",
            ),
            say(CODER, "Four accepted dockets, £1,907.90 gross and £1,831.58 after the levy."),
            ask(CHECKER, "Check Fenwick's £1,831.58."),
            read(CHECKER, q.SEPT, "G04"),
            say(
                CHECKER,
                "D0913 is rejected and left out, the juice docket is priced at 9p, the levy is 4%. £1,831.58 is right.",
            ),
            final(
                "Fenwick Farm is owed £1,831.58 for its September 2026 intake after the 4% handling levy."
            ),
        ],
        answer="1,831.58",
        expect="1,831.58",
    ),
    Run(
        "ok_pay_03_rejected_set_aside",
        HEALTHY,
        q.PAY,
        [
            ask(CLERK, "Which of Fenwick's September loads are payable?"),
            read(CLERK, q.SEPT, "G04"),
            say(
                CLERK,
                "D0913 (870 kg Braeburn B) was rejected, and the price list pays accepted dockets only, so it's set aside. Payable: D0902, D0904, D0909, D0917.",
            ),
            ask(
                CODER,
                "Price the four payable dockets and deduct the 4% levy (Fenwick is not a member).",
            ),
            cell("Four dockets, 4% off.", q.pay(), "1831.58"),
            say(CODER, "£1,831.58 net; gross was £1,907.90."),
            ask(CHECKER, "Check £1,831.58."),
            say(CHECKER, "Agreed, £1,831.58."),
            final("The co-op owes Fenwick Farm £1,831.58 for September 2026."),
        ],
        answer="1,831.58",
        expect="1,831.58",
    ),
    Run(
        "ok_gala_01_plain",
        HEALTHY,
        q.GALA,
        [
            ask(
                CODER,
                "Kg of Gala graded A on accepted September dockets.",
                say="Single computation.",
            ),
            cell("Gala A, accepted only.", q.gala(), "6700"),
            say(CODER, "Five dockets, 6,700 kg."),
            ask(CHECKER, "Check 6,700 kg."),
            read(CHECKER, q.SEPT, "Gala,A"),
            say(
                CHECKER, "Six Gala A rows, D0905 rejected, the other five add to 6,700 kg. Correct."
            ),
            final("The co-op took in 6,700 kg of grade A Gala in September 2026."),
        ],
        answer="6,700",
        expect="6,700",
    ),
    Run(
        "ok_gala_02_rejected_sent_back",
        HEALTHY,
        q.GALA,
        [
            ask(CODER, "Total kg of September Gala graded A."),
            cell("Gala grade A.", q.gala(keep=""), "8210"),
            say(CODER, "Six dockets, 8,210 kg."),
            ask(CHECKER, "Check 8,210 kg."),
            read(CHECKER, q.SEPT, "Gala,A"),
            say(
                CHECKER,
                "D0905 is a rejected load and the price list says rejected loads are not intake. Take it out and redo the sum.",
            ),
            ask(CODER, "Redo the Gala A total with accepted dockets only."),
            cell("Accepted only.", q.gala(), "6700"),
            say(CODER, "Five dockets, 6,700 kg."),
            final(
                "6,700 kg of grade A Gala was taken in during September 2026; one rejected load of 1,510 kg is not counted."
            ),
        ],
        answer="6,700",
        expect="6,700",
    ),
    Run(
        "ok_juice_01_plain",
        HEALTHY,
        q.JUICE,
        [
            ask(CLERK, "What counts as intake under the price list?"),
            read(CLERK, "price_list_2026.json"),
            say(CLERK, "Accepted dockets only; rejected loads are returned and not counted."),
            ask(CODER, "Juice-grade share of accepted September intake by weight, one decimal."),
            cell("Accepted dockets only.", q.juice(), "10.3"),
            say(CODER, "1,970 kg juice of 19,080 kg accepted: 10.3%."),
            ask(CHECKER, "Check 10.3%."),
            say(CHECKER, "Rejected loads are out of both numbers. 10.3% is right."),
            final(
                "10.3% of the co-op's accepted September 2026 intake by weight was graded for juice."
            ),
        ],
        answer="10.3",
        expect="10.3",
    ),
    Run(
        "ok_juice_02_file_name_retried",
        HEALTHY,
        q.JUICE,
        [
            ask(CLERK, "Pull September's juice-grade dockets."),
            read(CLERK, "intake_2026-9.csv", "juice"),
            read(CLERK, q.SEPT, "juice", say="Wrong name; the file is intake_2026-09.csv."),
            say(
                CLERK,
                "Juice dockets: D0904 (610 kg), D0912 (540 kg), D0915 (430 kg), D0919 (390 kg), all accepted.",
            ),
            ask(CODER, "Juice share of accepted September intake by weight."),
            cell("Share over accepted dockets.", q.juice(), "10.3"),
            say(CODER, "10.3%."),
            ask(CHECKER, "Check 10.3%."),
            say(CHECKER, "1,970 kg over 19,080 kg accepted is 10.3%. Fine."),
            final("10.3% of September 2026 intake by weight was graded for juice."),
        ],
        answer="10.3",
        expect="10.3",
    ),
    Run(
        "ok_week_01_plain",
        HEALTHY,
        q.WEEK,
        [
            ask(
                CODER,
                "Member growers' accepted kg, docket dates 14-20 September 2026 inclusive.",
                say="Coder first, then a check.",
            ),
            cell("Members only, accepted, 14th to 20th.", q.week(), "5120"),
            say(CODER, "Five dockets: D0908, D0910, D0912, D0914, D0915, 5,120 kg."),
            ask(CHECKER, "Check 5,120 kg."),
            read(CHECKER, "growers.csv"),
            say(
                CHECKER,
                "Fenwick and Marden Hill are not members and are out; the five dockets add to 5,120 kg.",
            ),
            final("Member growers delivered 5,120 kg in the week 14-20 September 2026."),
        ],
        answer="5,120",
        expect="5,120",
    ),
    Run(
        "ok_week_02_august_read_first",
        HEALTHY,
        q.WEEK,
        [
            ask(CLERK, "Which growers are members, and what came in during 14-20 September?"),
            read(CLERK, "intake_2026-08.csv"),
            read(
                CLERK,
                q.SEPT,
                "2026-09-",
                say="That was August's file; the September dockets are in intake_2026-09.csv.",
            ),
            read(CLERK, "growers.csv"),
            say(
                CLERK,
                "Members are G01, G02, G03 and G05. In 14-20 September they have D0908, D0910, D0912, D0914 and D0915, all accepted.",
            ),
            ask(CODER, "Sum accepted member kg for 14-20 September."),
            cell("Members, accepted, the week.", q.week(), "5120"),
            say(CODER, "5,120 kg."),
            ask(CHECKER, "Check 5,120 kg."),
            say(CHECKER, "Right dockets, right total: 5,120 kg."),
            final("Members delivered 5,120 kg to the co-op in the week 14-20 September 2026."),
        ],
        answer="5,120",
        expect="5,120",
    ),
    Run(
        "ok_week_03_rejected_nonmember_noted",
        HEALTHY,
        q.WEEK,
        [
            ask(CODER, "Accepted kg from member growers for 14-20 September 2026."),
            cell("Members, accepted, the week.", q.week(), "5120"),
            say(
                CODER,
                "5,120 kg across five dockets. D0913 on the 18th was rejected, but it is Fenwick's and Fenwick isn't a member anyway.",
            ),
            ask(CHECKER, "Check 5,120 kg."),
            read(CHECKER, q.SEPT, "2026-09-1"),
            say(CHECKER, "Confirmed: 5,120 kg."),
            final("Member growers delivered 5,120 kg in the week 14-20 September 2026."),
        ],
        answer="5,120",
        expect="5,120",
    ),
]
