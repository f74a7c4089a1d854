"""Interlibrary-loan desk runs that go wrong on April's cancellation share and the
borrowing turnaround: lent requests counted in, a cell that dies after printing the
all-rows share, a figure turned round in the report, March's register, a brief that
drops "external", a supply date misquoted, working days assumed, days typed in from
nowhere, on-loan items dropped with a doubt voiced."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _ill_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    WRONG_INPUT,
    WRONG_SOURCE,
)
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

SHARE_THEN_CRASH = """import csv
rows = list(csv.DictReader(open('loans_2026-04.csv')))
share = 100 * sum(1 for r in rows if r['status'] == 'cancelled') / len(rows)
print(f'{share:.1f}')
borrowed = [r for r in rows if r['dir'] == 'in']
print(f"{100 * sum(1 for r in borrowed if r['status'] == 'cancelled') / len(borrowed):.1f}")
"""
QUOTED_DATES = """from datetime import date
quoted = {'IL2604-01': ('2026-04-01', '2026-04-07'), 'IL2604-05': ('2026-04-06', '2026-04-15'), 'IL2604-07': ('2026-04-08', '2026-04-14'), 'IL2604-12': ('2026-04-14', '2026-04-21'), 'IL2604-18': ('2026-04-20', '2026-04-27'), 'IL2604-21': ('2026-04-23', '2026-04-30')}
days = [(date.fromisoformat(b) - date.fromisoformat(a)).days for a, b in quoted.values()]
print(days)
print(f'{sum(days) / len(days):.1f}')
"""
WORKING_DAYS = """import csv
from datetime import date, timedelta
partners = {p['code']: p['network'] for p in csv.DictReader(open('partners.csv'))}
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and r['supplied'] and partners[r['partner']] == 'external']
days = []
for r in rows:
    start, end = date.fromisoformat(r['requested']), date.fromisoformat(r['supplied'])
    days.append(sum(1 for n in range(1, (end - start).days + 1) if (start + timedelta(n)).weekday() < 5))
print(days)
print(f'{sum(days) / len(days):.1f}')
"""
TYPED_DAYS = """days = [6, 9, 5, 7, 7, 7]
print(len(days))
print(f'{sum(days) / len(days):.1f}')
"""
MEAN_THEN_CRASH = """import csv
from datetime import date
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and r['supplied']]
days = [(date.fromisoformat(r['supplied']) - date.fromisoformat(r['requested'])).days for r in rows]
print(f'{sum(days) / len(days):.1f}')
external = [d for d, r in zip(days, rows) if partner_network[r['partner']] == 'external']
print(f'{sum(external) / len(external):.1f}')
"""
ONLY_BACK = """import csv
from datetime import date
partners = {p['code']: p['network'] for p in csv.DictReader(open('partners.csv'))}
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and r['status'] in ('returned', 'lost') and partners[r['partner']] == 'external']
days = [(date.fromisoformat(r['supplied']) - date.fromisoformat(r['requested'])).days for r in rows]
print(days)
print(f'{sum(days) / len(days):.1f}')
"""

CANCEL_RUNS: list[Run] = [
    Run(
        "cancel_01_every_request_counted",
        BAD_SPLIT,
        q.CANCEL,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: take every row of the April register, borrowing and lending alike, since each row is a request we handled, and give the cancelled share of the lot.",
                mark="root",
            ),
            cell("Cancelled share over all April rows.", q.cancel(where=""), "20.8"),
            hand(ANALYST, CHECKER, "5 of April's 24 requests were cancelled: 20.8%."),
            read(CHECKER, q.APR, "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "Five cancelled rows in the register, 24 rows in all. 20.8% is right.",
                mark="symptom",
            ),
            final(
                "20.8% of the interlibrary requests Kestrel Vale made in April 2026 were cancelled."
            ),
        ],
        answer="20.8",
        expect="23.1",
        note="the plan counts lending rows too; of the 13 borrowing requests 3 were cancelled",
    ),
    Run(
        "cancel_02_first_line_then_crash",
        CODE_FAILURE,
        q.CANCEL,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst, April's borrowing requests only (direction in): what share of them was cancelled?",
            ),
            cell(
                "The share, then the borrowing-only share.",
                SHARE_THEN_CRASH,
                "KeyError: 'dir'",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "The cell printed 20.8 before an error in a later line, so the cancelled share is 20.8%.",
            ),
            read(CHECKER, q.APR, "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "The cancelled rows are where the register says. 20.8% can go.",
                mark="symptom",
            ),
            final(
                "Of the items Kestrel Vale requested from partners in April 2026, 20.8% were cancelled."
            ),
        ],
        answer="20.8",
        expect="23.1",
        note="the printed 20.8 is over all 24 rows; the borrowing-only line crashed on a wrong column name",
    ),
    Run(
        "cancel_03_digits_swapped",
        MISREPORTED,
        q.CANCEL,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: April's borrowing requests (direction in) and which were cancelled, for the analyst.",
            ),
            read(CLERK, q.APR, "in,"),
            hand(
                CLERK, ANALYST, "13 borrowing rows in April; IL2604-03, -08 and -19 are cancelled."
            ),
            cell("Cancelled share of April's borrowing.", q.cancel(), "23.1"),
            hand(ANALYST, CHECKER, "3 of 13 borrowing requests cancelled: 32.1%.", mark="root"),
            read(CHECKER, q.APR, "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "Three cancelled borrowing rows of thirteen, as the clerk listed. 32.1% holds.",
                mark="symptom",
            ),
            final("32.1% of Kestrel Vale's April 2026 borrowing requests were cancelled."),
        ],
        answer="32.1",
        expect="23.1",
        note="the cell printed 23.1; the analyst reported 32.1",
    ),
    Run(
        "cancel_04_lending_kept_in_doubt",
        SELF_REPORT,
        q.CANCEL,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: April's requests to partners and which were cancelled. The analyst takes the share.",
            ),
            read(CLERK, q.APR),
            hand(
                CLERK,
                ANALYST,
                "April has 24 rows, 5 cancelled (IL2604-03, -08, -13, -19, -24). I'm not sure whether the rows we lent out belong in this; I have left them in.",
                mark="root",
            ),
            cell("Share over the clerk's 24 rows.", q.cancel(where=""), "20.8"),
            hand(
                ANALYST,
                CHECKER,
                "5 of 24: 20.8%. The clerk wasn't sure the lending rows belong; I kept them as given.",
            ),
            hand(CHECKER, WRITER, "Five of twenty-four is 20.8%. Fine to send.", mark="symptom"),
            final("20.8% of Kestrel Vale's April 2026 interlibrary requests were cancelled."),
        ],
        answer="20.8",
        expect="23.1",
        note="the clerk kept lending rows in and said it was unsure; nobody took it up",
    ),
    Run(
        "cancel_05_march_in_the_cell",
        WRONG_SOURCE,
        q.CANCEL,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: of April's borrowing requests (direction in), the cancelled share, please.",
            ),
            cell(
                "Cancelled share of borrowing in the register.",
                q.cancel(file=q.MAR),
                "11.1",
                mark="root",
            ),
            hand(ANALYST, CHECKER, "1 of 9 borrowing requests cancelled: 11.1%."),
            read(CHECKER, q.PARTNERS),
            hand(
                CHECKER,
                WRITER,
                "Borrowing only, one cancellation in nine. 11.1% stands.",
                mark="symptom",
            ),
            final(
                "11.1% of the items Kestrel Vale requested from partners in April 2026 were cancelled."
            ),
        ],
        answer="11.1",
        expect="23.1",
        note="the cell opens loans_2026-03.csv",
    ),
]

TURN_RUNS: list[Run] = [
    Run(
        "turn_01_external_dropped_from_brief",
        LOST_CONSTRAINT,
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: mean turnaround, requested to supplied, of the items we borrowed in April. Leave cancelled ones out.",
                mark="root",
            ),
            cell("Mean days over April's supplied borrowing.", q.turn(who=""), "5.1"),
            hand(ANALYST, CHECKER, "Ten supplied borrowing items, mean turnaround 5.1 days."),
            read(CHECKER, q.APR, "in,"),
            hand(
                CHECKER,
                WRITER,
                "Ten supplied rows, cancellations out, day counts right. 5.1 days.",
                mark="symptom",
            ),
            final(
                "Items Kestrel Vale borrowed from external partners in April 2026 took 5.1 days on average to arrive."
            ),
        ],
        answer="5.1",
        expect="7.2",
        note="the brief drops 'external partners': the consortium's two-day loans pull the mean down",
    ),
    Run(
        "turn_02_supply_date_misquoted",
        WRONG_INPUT,
        q.TURN,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: requested and supplied dates of April's supplied borrowing from external partners, for the analyst's turnaround.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.APR, "in,"),
            hand(
                CLERK,
                ANALYST,
                "External and supplied: IL2604-01 01 Apr to 07 Apr, IL2604-05 06 Apr to 15 Apr, IL2604-07 08 Apr to 14 Apr, IL2604-12 14 Apr to 21 Apr, IL2604-18 20 Apr to 27 Apr, IL2604-21 23 Apr to 30 Apr.",
                mark="root",
            ),
            cell("Turnaround from the clerk's dates.", QUOTED_DATES, "7.0"),
            hand(ANALYST, CHECKER, "Six items, days 6, 9, 6, 7, 7, 7: mean 7.0."),
            hand(
                CHECKER,
                WRITER,
                "Six external items, none cancelled. 7.0 days holds.",
                mark="symptom",
            ),
            final(
                "The mean turnaround of April 2026 borrowing from external partners was 7.0 days."
            ),
        ],
        answer="7.0",
        expect="7.2",
        note="IL2604-05 was supplied on 16 April, not 15",
    ),
    Run(
        "turn_03_working_days_assumed",
        BAD_ASSUMPTION,
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: turnaround of April's supplied borrowing from external partners, as the 2026 policy defines it.",
            ),
            cell(
                "Turnaround counted in library working days, since the desk is shut at weekends.",
                WORKING_DAYS,
                "5.2",
                mark="root",
            ),
            hand(ANALYST, CHECKER, "Six external items, working days 4, 8, 4, 5, 5, 5: mean 5.2."),
            read(CHECKER, q.APR, "in,"),
            hand(
                CHECKER,
                WRITER,
                "The six external supplied rows are the ones counted. 5.2 days.",
                mark="symptom",
            ),
            final("April 2026 borrowing from external partners took 5.2 days on average."),
        ],
        answer="5.2",
        expect="7.2",
        note="the policy counts calendar days from requested to supplied",
    ),
    Run(
        "turn_04_days_typed_in",
        MADE_UP,
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst, mean turnaround of April's supplied borrowing from external partners, please.",
            ),
            cell(
                "Using the day counts from the desk's April summary.",
                TYPED_DAYS,
                "6.8",
                mark="root",
            ),
            hand(ANALYST, CHECKER, "Six external items, mean 6.8 days."),
            read(CHECKER, q.PARTNERS, "external"),
            hand(
                CHECKER,
                WRITER,
                "Six items from CLD, DNH and FRW is the right count. 6.8 days.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale's April 2026 borrowing from external partners had a mean turnaround of 6.8 days."
            ),
        ],
        answer="6.8",
        expect="7.2",
        note="no April summary exists; the day counts were never read from the register",
    ),
    Run(
        "turn_05_first_mean_then_crash",
        CODE_FAILURE,
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: mean days from requested to supplied for April's borrowing from external partners only.",
            ),
            cell(
                "All supplied borrowing first, then the external subset.",
                MEAN_THEN_CRASH,
                "NameError: name 'partner_network' is not defined",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "The mean came out at 5.1 days; the second print errored, the figure above it is the one.",
            ),
            read(CHECKER, q.POLICY),
            hand(
                CHECKER,
                WRITER,
                "Calendar days, requested to supplied, as the policy says. 5.1 days.",
                mark="symptom",
            ),
            final("Items borrowed from external partners in April 2026 took 5.1 days on average."),
        ],
        answer="5.1",
        expect="7.2",
        note="5.1 is the mean over all supplied borrowing; the external line crashed",
    ),
    Run(
        "turn_06_on_loan_left_out_unsure",
        SELF_REPORT,
        q.TURN,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: mean turnaround of April's supplied borrowing from external partners.",
            ),
            cell(
                "Only items that are back or written off; I am not sure the ones still on loan should count yet.",
                ONLY_BACK,
                "6.3",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Three items (returned or lost): 6, 6, 7 days, mean 6.3. I left the three still on loan out and may be wrong to.",
            ),
            hand(CHECKER, WRITER, "6.3 days. Good enough to send.", mark="symptom"),
            final(
                "April 2026 borrowing from external partners averaged 6.3 days from request to supply."
            ),
        ],
        answer="6.3",
        expect="7.2",
        note="on-loan items were supplied and count; the analyst said it was unsure and the checker passed it",
    ),
    Run(
        "turn_07_march_register",
        WRONG_SOURCE,
        q.TURN,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: find the borrowing register and the external partners for the analyst's turnaround figure.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.MAR, "in,", mark="root"),
            hand(CLERK, ANALYST, "Register loans_2026-03.csv; external partners CLD, DNH, FRW."),
            cell("Turnaround over the register the clerk gave.", q.turn(file=q.MAR), "7.0"),
            hand(ANALYST, CHECKER, "Five supplied external items, mean 7.0 days."),
            hand(CHECKER, WRITER, "External only, cancelled out. 7.0 days holds.", mark="symptom"),
            final(
                "The mean turnaround of April 2026 borrowing from external partners was 7.0 days."
            ),
        ],
        answer="7.0",
        expect="7.2",
        note="the register read is March's",
    ),
]

RUNS: list[Run] = [*CANCEL_RUNS, *TURN_RUNS]
