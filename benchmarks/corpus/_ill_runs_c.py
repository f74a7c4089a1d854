"""Interlibrary-loan desk runs that go wrong on the week's lending to consortium
libraries: weeks counted by request date or run into Monday, external loans counted in,
a register that was never opened, Elmstead put outside the consortium, a checker who
passes on a different count, a brief that drops "consortium"."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _ill_tasks as q
from benchmarks.corpus._common import (
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MISREPORTED,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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

LISTED_FOUR = """listed = ['IL2604-09', 'IL2604-11', 'IL2604-14', 'IL2604-16']
print(listed)
print(len(listed))
"""
ALL_LENT = """import csv
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'out' and '2026-04-13' <= r['supplied'] <= '2026-04-19']
print([r['req'] for r in rows])
print(len(rows))
"""

RUNS: list[Run] = [
    Run(
        "week_01_by_request_date",
        BAD_SPLIT,
        q.WEEK,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: count our loans out to consortium libraries whose request date falls from Monday 13 to Sunday 19 April; leave cancelled ones out.",
                mark="root",
            ),
            cell(
                "Lending to consortium partners by request date, 13-19 April.",
                q.week(col="requested"),
                "4",
            ),
            hand(ANALYST, CHECKER, "Four loans: IL2604-11, -14, -16, -17."),
            read(CHECKER, q.APR, "out,"),
            hand(
                CHECKER,
                WRITER,
                "Those four were requested in the week, went to ASH, BRK or ELM and none is cancelled. Four.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale lent 4 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        answer="4",
        expect="5",
        note="the policy counts loans in the week they were supplied, not requested",
    ),
    Run(
        "week_02_into_monday",
        BAD_SPLIT,
        q.WEEK,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: consortium loans out supplied from Monday 13 April up to and including Monday 20 April, a full week's turn, and hand the list to the analyst to count.",
                mark="root",
            ),
            read(CLERK, q.PARTNERS, "consortium"),
            read(CLERK, q.APR, "out,"),
            hand(
                CLERK,
                ANALYST,
                "Consortium partners are ASH, BRK and ELM. Count the supplied loans out to them dated 13 to 20 April.",
            ),
            cell(
                "Counting lending to the consortium, supplied 13-20 April.",
                q.week(hi="2026-04-20"),
                "6",
            ),
            hand(ANALYST, CHECKER, "Six: IL2604-09, -10, -11, -14, -16, -17."),
            hand(
                CHECKER,
                WRITER,
                "All six are consortium loans supplied in the window the supervisor set. Six.",
                mark="symptom",
            ),
            final(
                "In the week beginning 13 April 2026 Kestrel Vale lent 6 items to consortium libraries."
            ),
        ],
        answer="6",
        expect="5",
        note="the week runs Monday to Sunday; IL2604-17 was supplied on Monday 20 April",
    ),
    Run(
        "week_03_external_loans_counted",
        WRONG_ACCEPTED,
        q.WEEK,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: loans out to consortium libraries supplied 13-19 April, cancelled ones excluded; count them.",
            ),
            cell(
                "Lending in the week to partners on our list.",
                q.week(who="r['partner'] in partners"),
                "6",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Six loans out supplied 13-19 April: IL2604-09, -10, -11, -14, -15, -16.",
            ),
            read(CHECKER, q.APR, "2026-04-1"),
            hand(
                CHECKER,
                WRITER,
                "Each of the six was supplied inside the week and none is cancelled. Six.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale lent 6 items to consortium libraries in the week beginning Monday 13 April 2026."
            ),
        ],
        answer="6",
        expect="5",
        note="the cell keeps every partner: IL2604-15 went to Caldermouth, an external library",
    ),
    Run(
        "week_04_register_not_found",
        TOOL_FAILURE,
        q.WEEK,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: which loans out to consortium libraries were supplied between 13 and 19 April? The analyst will count them.",
            ),
            read(CLERK, "loans_2026-4.csv", "out,"),
            hand(
                CLERK,
                ANALYST,
                "Supplied to consortium libraries 13-19 April: IL2604-09, IL2604-11, IL2604-14, IL2604-16.",
                mark="root",
            ),
            cell("Counting the clerk's list.", LISTED_FOUR, "4"),
            hand(ANALYST, CHECKER, "The clerk's list holds four loans."),
            hand(CHECKER, WRITER, "Four consortium loans in the week. Fine.", mark="symptom"),
            final(
                "Kestrel Vale lent 4 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        answer="4",
        expect="5",
        note="read_file answered 'no such file'; the clerk listed loans anyway and missed IL2604-10",
    ),
    Run(
        "week_05_elmstead_put_outside",
        WRONG_INPUT,
        q.WEEK,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: who is in the consortium? Pass it to the analyst for the 13-19 April lending count.",
            ),
            read(CLERK, q.PARTNERS),
            hand(
                CLERK,
                ANALYST,
                "Consortium members: ASH (Ashby Fold) and BRK (Brackenridge). Elmstead College and the rest are external.",
                mark="root",
            ),
            cell(
                "Loans out to ASH and BRK supplied 13-19 April.",
                q.week(who="r['partner'] in ('ASH', 'BRK')"),
                "3",
            ),
            hand(ANALYST, CHECKER, "Three: IL2604-09, -11, -14."),
            read(CHECKER, q.APR, "out,"),
            hand(
                CHECKER,
                WRITER,
                "Three ASH and BRK loans supplied in the week, none cancelled. Three.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale lent 3 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        answer="3",
        expect="5",
        note="Elmstead College Library (ELM) is in the consortium; IL2604-10 and -16 went there",
    ),
    Run(
        "week_06_checker_passes_on_six",
        MISREPORTED,
        q.WEEK,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: loans out to consortium libraries supplied in the week of Monday 13 April, cancelled ones excluded.",
            ),
            cell("Consortium lending supplied 13-19 April.", q.week(), "5"),
            hand(ANALYST, CHECKER, "Five: IL2604-09, -10, -11, -14, -16."),
            read(CHECKER, q.APR, "2026-04-1"),
            hand(
                CHECKER,
                WRITER,
                "The list checks out against the register: six consortium loans in the week.",
                mark="root",
            ),
            final(
                "Kestrel Vale lent 6 items to consortium libraries in the week beginning 13 April 2026.",
                mark="symptom",
            ),
        ],
        answer="6",
        expect="5",
        note="the analyst's five loans became six in the checker's hand-over",
    ),
    Run(
        "week_07_consortium_dropped",
        LOST_CONSTRAINT,
        q.WEEK,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk, get the April register in front of the analyst: I need the number of items we lent out that were supplied 13-19 April.",
                mark="root",
            ),
            read(CLERK, q.APR, "out,"),
            hand(
                CLERK,
                ANALYST,
                "The lending rows are in loans_2026-04.csv (direction out). Count the supplied ones dated 13-19 April.",
            ),
            cell("Loans out supplied 13-19 April.", ALL_LENT, "6"),
            hand(
                ANALYST, CHECKER, "Six items lent in the week: IL2604-09, -10, -11, -14, -15, -16."
            ),
            read(CHECKER, q.APR, "2026-04-1"),
            hand(
                CHECKER,
                WRITER,
                "Six loans out supplied Monday to Sunday, none cancelled. Six.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale lent 6 items to consortium libraries in the week beginning 13 April 2026."
            ),
        ],
        answer="6",
        expect="5",
        note="'to consortium libraries' fell out of the brief; IL2604-15 went to Caldermouth",
    ),
]
