"""Interlibrary-loan desk runs that come out right, near misses among them: a cell that
dies on the lost-item key or on a cancelled row's empty date and is fixed, March's
register opened first and put down, a mistyped file name retried, the checker sending
back a bill without postage, a turnaround with the consortium in it and a week that ran
into Monday, each redone."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _ill_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._ill_runs_a import LOST_KEY_CRASH
from benchmarks.corpus._ill_team import (
    ANALYST,
    CHECKER,
    CLERK,
    LEAD,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

EMPTY_DATE_CRASH = """import csv
from datetime import date
partners = {p['code']: p['network'] for p in csv.DictReader(open('partners.csv'))}
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and partners[r['partner']] == 'external']
days = [(date.fromisoformat(r['supplied']) - date.fromisoformat(r['requested'])).days for r in rows]
print(days)
print(f'{sum(days) / len(days):.1f}')
"""


def _ok(scenario: str, task: str, turns: list, figure: str) -> Run:
    return Run(scenario, HEALTHY, task, turns, answer=figure, expect=figure)


FEE_OK: list[Run] = [
    _ok(
        "ok_fee_01_straight",
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: pull the external partners' fees and couriers, and the postage and lost-item charges from the 2026 policy. Only supplied items we borrowed in April count.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(
                CLERK,
                ANALYST,
                "External partners: CLD 9.50 by post, DNH 14.00 by post, FRW 7.25 by van. Policy: return postage 3.40 per item by post, lost-item charge 45.00 on top of the fee; cancelled requests are never charged.",
            ),
            cell(
                "Summing fees, postage and lost charges over April's supplied external borrowing.",
                q.fee(),
                "120.10",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Six supplied items from external partners: fees 61.50, postage 13.60, one lost item 45.00. Total 120.10.",
            ),
            read(CHECKER, q.APR, "FRW"),
            hand(
                CHECKER,
                WRITER,
                "FRW's lost item IL2604-07 is in and its cancelled IL2604-19 is out; the van courier carries no postage. 120.10 stands.",
            ),
            final(
                "Kestrel Vale Libraries owes its partner libraries GBP 120.10 for April 2026 interlibrary borrowing."
            ),
        ],
        "120.10",
    ),
    _ok(
        "ok_fee_02_lost_key_fixed",
        q.FEE,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: April's bill from partners under the 2026 policy: external fees, postage where the courier is post, the lost-item charge; cancelled requests are free.",
            ),
            cell(
                "Fees, postage and the lost charge.", LOST_KEY_CRASH, "KeyError: 'lost_charge_gbp'"
            ),
            cell(
                "The policy's key is lost_item_charge_gbp; running the whole sum again.",
                q.fee(),
                "120.10",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Fees 61.50, postage 13.60, lost 45.00 over six supplied external items: 120.10. The first run died on a wrong key name before the lost line.",
            ),
            read(CHECKER, q.POLICY),
            hand(CHECKER, WRITER, "The policy's charges are all in the second run. 120.10."),
            final(
                "Kestrel Vale Libraries owes GBP 120.10 to partner libraries for April 2026 interlibrary borrowing."
            ),
        ],
        "120.10",
    ),
    _ok(
        "ok_fee_03_postage_sent_back",
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: external partners' fees and couriers for the analyst; April's borrowing bill.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            hand(
                CLERK,
                ANALYST,
                "CLD 9.50 by post, DNH 14.00 by post, FRW 7.25 by van. The policy file has the other charges.",
            ),
            cell(
                "Fees and the lost charge over April's supplied external borrowing.",
                q.fee(postage="0"),
                "106.50",
            ),
            hand(ANALYST, CHECKER, "Fees 61.50 and one lost item 45.00: 106.50."),
            read(CHECKER, q.POLICY),
            hand(
                CHECKER,
                ANALYST,
                "The policy adds return postage, 3.40 an item, where the partner's courier is post. CLD and DNH qualify; please add it.",
            ),
            cell("Adding postage for the post-courier partners.", q.fee(), "120.10"),
            hand(ANALYST, CHECKER, "With postage 13.60 on the four CLD and DNH items: 120.10."),
            hand(CHECKER, WRITER, "Fees, postage and the lost charge are all in now. 120.10."),
            final("Kestrel Vale Libraries owes its partner libraries GBP 120.10 for April 2026."),
        ],
        "120.10",
    ),
    _ok(
        "ok_fee_04_lost_postage_doubt_settled",
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: fees, couriers and the policy charges for April's external borrowing, then to the analyst.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(
                CLERK,
                ANALYST,
                "CLD 9.50 post, DNH 14.00 post, FRW 7.25 van. Postage 3.40 per item by post; lost item 45.00 on top of its fee.",
            ),
            cell("Fees, postage by post, lost charge.", q.fee(), "120.10"),
            hand(
                ANALYST,
                CHECKER,
                "120.10: fees 61.50, postage 13.60, lost 45.00. One doubt: does a lost item owe postage too? It is FRW's, by van, so I gave it none.",
            ),
            read(CHECKER, q.POLICY),
            hand(
                CHECKER,
                WRITER,
                "Postage only follows a post courier, and FRW sends by van, so the lost item carries none. 120.10 is right.",
            ),
            final(
                "For April 2026 interlibrary borrowing Kestrel Vale Libraries owes partner libraries GBP 120.10."
            ),
        ],
        "120.10",
    ),
]

CANCEL_OK: list[Run] = [
    _ok(
        "ok_cancel_01_straight",
        q.CANCEL,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: the cancelled share of April's borrowing requests (direction in), one decimal.",
            ),
            cell("Cancelled share of April's borrowing.", q.cancel(), "23.1"),
            hand(ANALYST, CHECKER, "3 of 13 borrowing requests were cancelled: 23.1%."),
            read(CHECKER, q.APR, "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "Of the five cancelled rows, IL2604-13 and -24 are lending; three borrowing of thirteen. 23.1%.",
            ),
            final(
                "23.1% of the items Kestrel Vale requested from partner libraries in April 2026 were cancelled."
            ),
        ],
        "23.1",
    ),
    _ok(
        "ok_cancel_02_march_put_down",
        q.CANCEL,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: April's borrowing requests and their statuses, for the analyst.",
            ),
            read(CLERK, q.MAR, "in,"),
            read(
                CLERK, q.APR, "in,", say="That was March's register; April's is loans_2026-04.csv."
            ),
            hand(
                CLERK,
                ANALYST,
                "April's register has 13 borrowing rows; IL2604-03, -08 and -19 are cancelled.",
            ),
            cell("Cancelled share of April's borrowing.", q.cancel(), "23.1"),
            hand(ANALYST, CHECKER, "3 of 13: 23.1%."),
            hand(CHECKER, WRITER, "April's register, borrowing only, three cancellations. 23.1%."),
            final(
                "Kestrel Vale cancelled 23.1% of the items it requested from partners in April 2026."
            ),
        ],
        "23.1",
    ),
    _ok(
        "ok_cancel_03_clerk_lists_first",
        q.CANCEL,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: list April's borrowing requests that were cancelled, and how many borrowing requests there were.",
            ),
            read(CLERK, q.APR, "in,"),
            hand(
                CLERK,
                ANALYST,
                "Thirteen borrowing requests in April; cancelled: IL2604-03 (DNH), IL2604-08 (CLD), IL2604-19 (FRW).",
            ),
            cell("Share from the register itself.", q.cancel(), "23.1"),
            hand(ANALYST, CHECKER, "The register gives 3 of 13, as the clerk said: 23.1%."),
            read(CHECKER, q.APR, "cancelled"),
            hand(CHECKER, WRITER, "Lending cancellations are rightly out. 23.1%."),
            final("23.1% of Kestrel Vale's April 2026 borrowing requests were cancelled."),
        ],
        "23.1",
    ),
]

TURN_OK: list[Run] = [
    _ok(
        "ok_turn_01_straight",
        q.TURN,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: which partners are external? The analyst then takes April's mean turnaround of supplied borrowing from them.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            hand(
                CLERK,
                ANALYST,
                "External partners: CLD, DNH, FRW. Turnaround is calendar days from requested to supplied.",
            ),
            cell("Mean turnaround of April's supplied external borrowing.", q.turn(), "7.2"),
            hand(ANALYST, CHECKER, "Six items: 6, 10, 6, 7, 7, 7 days. Mean 7.2."),
            read(CHECKER, q.APR, "DNH"),
            hand(
                CHECKER,
                WRITER,
                "IL2604-05 did take ten days, and the cancelled DNH request has no turnaround. 7.2.",
            ),
            final(
                "Items Kestrel Vale borrowed from external partners in April 2026 took 7.2 days on average."
            ),
        ],
        "7.2",
    ),
    _ok(
        "ok_turn_02_consortium_sent_back",
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: mean turnaround of April's supplied borrowing from external partners.",
            ),
            cell("Mean days over supplied borrowing.", q.turn(who=""), "5.1"),
            hand(ANALYST, CHECKER, "Ten supplied items, mean 5.1 days."),
            read(CHECKER, q.PARTNERS),
            hand(
                CHECKER,
                ANALYST,
                "Ten items means ASH, BRK and ELM are in; they are consortium. External partners only, please.",
            ),
            cell("External partners only.", q.turn(), "7.2"),
            hand(ANALYST, CHECKER, "Six external items, mean 7.2 days."),
            hand(CHECKER, WRITER, "External only now. 7.2 days."),
            final(
                "Kestrel Vale's April 2026 borrowing from external partners had a mean turnaround of 7.2 days."
            ),
        ],
        "7.2",
    ),
    _ok(
        "ok_turn_03_empty_date_fixed",
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: mean calendar days from requested to supplied for April's borrowing from external partners; cancelled requests have no turnaround.",
            ),
            cell(
                "Turnaround of external borrowing.",
                EMPTY_DATE_CRASH,
                "ValueError: Invalid isoformat string: ''",
            ),
            cell(
                "The cancelled rows have no supplied date; keeping supplied rows only.",
                q.turn(),
                "7.2",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Six supplied external items, mean 7.2 days (the first run tripped on the cancelled rows' blank dates).",
            ),
            read(CHECKER, q.APR, "CLD"),
            hand(
                CHECKER,
                WRITER,
                "CLD's two supplied items took 6 and 7 days and its cancelled request is out. 7.2 stands.",
            ),
            final(
                "The mean turnaround of April 2026 borrowing from external partners was 7.2 days."
            ),
        ],
        "7.2",
    ),
]

WEEK_OK: list[Run] = [
    _ok(
        "ok_week_01_straight",
        q.WEEK,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: loans out to consortium libraries supplied Monday 13 to Sunday 19 April, cancelled ones out; the count.",
            ),
            cell("Consortium lending supplied 13-19 April.", q.week(), "5"),
            hand(ANALYST, CHECKER, "Five: IL2604-09, -10, -11, -14, -16."),
            read(CHECKER, q.APR, "out,"),
            hand(
                CHECKER,
                WRITER,
                "IL2604-15 went to Caldermouth and IL2604-17 was supplied on the Monday after, both rightly out. Five.",
            ),
            final(
                "Kestrel Vale lent 5 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        "5",
    ),
    _ok(
        "ok_week_02_file_name_retried",
        q.WEEK,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: consortium members, and April's loans out supplied 13-19 April, to the analyst.",
            ),
            read(CLERK, "loans_2026-4.csv", "out,"),
            read(
                CLERK,
                q.APR,
                "out,",
                say="No such file under that name; the register is loans_2026-04.csv.",
            ),
            read(CLERK, q.PARTNERS, "consortium"),
            hand(
                CLERK, ANALYST, "Consortium: ASH, BRK, ELM. Lending rows are in loans_2026-04.csv."
            ),
            cell("Consortium loans supplied in the week.", q.week(), "5"),
            hand(ANALYST, CHECKER, "Five loans: IL2604-09, -10, -11, -14, -16."),
            hand(
                CHECKER,
                WRITER,
                "Supplied dates all fall Monday to Sunday and all five are consortium. Five.",
            ),
            final(
                "In the week beginning Monday 13 April 2026 Kestrel Vale lent 5 items to consortium libraries."
            ),
        ],
        "5",
    ),
    _ok(
        "ok_week_03_monday_sent_back",
        q.WEEK,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: loans out to consortium libraries in the week beginning Monday 13 April, by supplied date.",
            ),
            cell(
                "Consortium lending supplied from 13 April, a seven-day span.",
                q.week(hi="2026-04-20"),
                "6",
            ),
            hand(ANALYST, CHECKER, "Six: IL2604-09, -10, -11, -14, -16, -17."),
            read(CHECKER, q.POLICY),
            hand(
                CHECKER,
                ANALYST,
                "The week runs Monday to Sunday, so it ends on the 19th; IL2604-17 was supplied on Monday the 20th.",
            ),
            cell("Ending on Sunday 19 April.", q.week(), "5"),
            hand(ANALYST, CHECKER, "Five: IL2604-09, -10, -11, -14, -16."),
            hand(CHECKER, WRITER, "Five it is."),
            final(
                "Kestrel Vale lent 5 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        "5",
    ),
]

RUNS: list[Run] = [*FEE_OK, *CANCEL_OK, *TURN_OK, *WEEK_OK]
