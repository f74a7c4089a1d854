"""Box office desk runs on The Salt Archive's November evening tickets that go wrong: the
October sheet, a brief without the refunds, a plan counting comps, a misread row, a row
left out, a rerun figure passed on wrongly."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _stage_tasks as q
from benchmarks.corpus._common import (
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MISREPORTED,
    SELF_REPORT,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._stage_team import (
    ANALYST,
    AUDITOR,
    CLERK,
    LEAD,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

RIGHT = "3,008"
NET = "int(r['paid']) - int(r['refunded'])"
EVENINGS = (
    "SA-1105E, SA-1106E, SA-1107E, SA-1112E, SA-1113E, SA-1114E, SA-1119E, SA-1120E, SA-1121E"
)
READ_OFF = {
    "SA-1105E": (312, 6),
    "SA-1106E": (348, 4),
    "SA-1107E": (371, 9),
    "SA-1112E": (298, 5),
    "SA-1113E": (366, 2),
    "SA-1114E": (366, 7),
    "SA-1119E": (305, 3),
    "SA-1120E": (342, 6),
    "SA-1121E": (380, 8),
}
EIGHT = {
    **{k: v for k, v in READ_OFF.items() if k != "SA-1121E"},
    "SA-1113E": (336, 2),
}


def _listed(shows: dict[str, tuple[int, int]]) -> str:
    return ", ".join(f"{k} {paid}/{refunded}" for k, (paid, refunded) in shows.items())


RUNS: list[Run] = [
    Run(
        "eve_01_october_sheet",
        WRONG_SOURCE,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "The Salt Archive's 19:30 performances in November: list them with paid and refunded per show.",
                say="Clerk lists, analyst counts, auditor checks.",
            ),
            read(CLERK, q.OCT, "The Salt Archive", mark="root"),
            *hand(
                CLERK,
                ANALYST,
                "The Salt Archive's evening shows in the sales file: SA-1027E, SA-1028E, SA-1029E, SA-1030E, SA-1031E (the 14:30 on the 31st is a matinee, left out). Count paid less refunded over these.",
                context={"sales_file": q.OCT},
            ),
            cell("Evening rows of the clerk's file.", q.eve(q.OCT), "1519"),
            *hand(
                ANALYST,
                AUDITOR,
                "1,519 tickets net of refunds across the five evening performances.",
            ),
            read(AUDITOR, q.OCT, "The Salt Archive"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: 1,519 evening tickets net of refunds.",
                say="Five evening rows, paid less refunded, the matinee out. 1,519 is right.",
                mark="symptom",
            ),
            final(
                "1,519 tickets were sold, net of refunds, for evening performances of The Salt Archive in November 2026."
            ),
        ],
        answer="1,519",
        expect=RIGHT,
    ),
    Run(
        "eve_02_paid_column_only",
        LOST_CONSTRAINT,
        q.EVE,
        [
            *hand(
                LEAD,
                ANALYST,
                "Count the tickets sold for The Salt Archive's 19:30 performances in sales_2026-11.csv: sum the paid column over those rows.",
                say="One count; the analyst can take it straight from the file.",
                mark="root",
            ),
            cell(
                "Summing paid over the 19:30 rows.",
                q.eve().replace(NET, "int(r['paid'])"),
                "3058",
            ),
            *hand(
                ANALYST,
                AUDITOR,
                "3,058 paid tickets across nine evening performances, SA-1105E to SA-1121E.",
            ),
            read(AUDITOR, q.NOV, "19:30,The Salt Archive"),
            *hand(
                AUDITOR,
                WRITER,
                "3,058 evening tickets. Approved.",
                say="Nine evening rows; the paid column adds to 3,058.",
                mark="symptom",
            ),
            final(
                "The Salt Archive sold 3,058 tickets for its evening performances in November 2026."
            ),
        ],
        answer="3,058",
        expect=RIGHT,
    ),
    Run(
        "eve_03_comps_in_the_plan",
        BAD_SPLIT,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "List The Salt Archive's November evening performances from sales_2026-11.csv.",
                say="Plan: the clerk lists the evening rows; the analyst adds up the tickets out of the door for each (paid less refunded, plus comps, a comp being a ticket issued at nil); the auditor checks.",
                context={
                    "plan": [
                        "box_office_clerk: Salt Archive 19:30 rows, November",
                        "analyst: paid - refunded + comps per evening performance",
                        "auditor: check",
                    ]
                },
                mark="root",
            ),
            read(CLERK, q.NOV, "The Salt Archive"),
            *hand(
                CLERK,
                ANALYST,
                f"Nine 19:30 Salt Archive performances in November: {EVENINGS}. The three 14:30 matinees are left out.",
            ),
            cell(
                "Paid less refunded, plus comps, per the plan.",
                q.eve().replace(NET, NET + " + int(r['comps'])"),
                "3110",
            ),
            *hand(
                ANALYST,
                AUDITOR,
                "3,110 tickets over the nine evenings (paid less refunded, comps included as planned).",
            ),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: 3,110.",
                say="Nine evenings, and the per-show sums check.",
                mark="symptom",
            ),
            final(
                "3,110 tickets were sold for The Salt Archive's evening performances in November 2026, net of refunds."
            ),
        ],
        answer="3,110",
        expect=RIGHT,
    ),
    Run(
        "eve_04_thirteenth_read_as_366",
        WRONG_INPUT,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "Read off paid and refunded for each November evening performance of The Salt Archive.",
                say="Clerk reads the rows, analyst totals them.",
            ),
            read(CLERK, q.NOV, "19:30,The Salt Archive"),
            *hand(
                CLERK,
                ANALYST,
                f"Evening performances, paid/refunded: {_listed(READ_OFF)}.",
                mark="root",
            ),
            cell("Totalling the clerk's figures.", q.eve_given(READ_OFF), "3038"),
            *hand(
                ANALYST,
                AUDITOR,
                "3,038 tickets net of refunds over the nine evenings.",
            ),
            cell("Running it again.", q.eve_given(READ_OFF), "3038", agent=AUDITOR),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: 3,038.",
                say="Same total on a rerun, nine shows.",
                mark="symptom",
            ),
            final(
                "3,038 tickets were sold, net of refunds, for The Salt Archive's evening performances in November 2026."
            ),
        ],
        answer="3,038",
        expect=RIGHT,
    ),
    Run(
        "eve_05_last_saturday_missing",
        SELF_REPORT,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "Salt Archive evening rows for November: paid and refunded for each.",
                say="Clerk, then analyst, then audit.",
            ),
            read(CLERK, q.NOV, "The Salt Archive"),
            *hand(
                CLERK,
                ANALYST,
                f"Salt Archive evenings in November, paid/refunded: {_listed(EIGHT)}.",
                mark="root",
            ),
            cell("Totalling the listed shows.", q.eve_given(EIGHT), "2636"),
            *hand(
                ANALYST,
                AUDITOR,
                "2,636 net of refunds over the eight evening performances listed.",
            ),
            read(AUDITOR, q.NOV, "19:30,The Salt Archive"),
            *hand(
                AUDITOR,
                WRITER,
                "2,636 evening tickets, passed on with a caveat: the count may be short.",
                say="The sales file has a 19:30 Salt Archive show on 21 November that I can't find in the working, and I haven't been able to square the eight-show list with it. Passing 2,636 on as worked.",
                mark="symptom",
            ),
            final(
                "The desk's count is 2,636 tickets sold, net of refunds, for The Salt Archive's November 2026 evening performances; the auditor notes the 21 November evening may not be included."
            ),
        ],
        answer="2,636",
        expect=RIGHT,
    ),
    Run(
        "eve_06_rerun_figure_passed_on",
        MISREPORTED,
        q.EVE,
        [
            *hand(
                LEAD,
                ANALYST,
                "The Salt Archive, November, 19:30 performances: tickets sold net of refunds (paid minus refunded) from sales_2026-11.csv.",
                say="Straight to the analyst.",
            ),
            cell("Evening rows, paid less refunded.", q.eve(), "3008"),
            *hand(ANALYST, AUDITOR, "3,008 across nine evening performances."),
            cell("Rerunning before I sign.", q.eve(), "3008", agent=AUDITOR),
            *hand(
                AUDITOR,
                WRITER,
                "Confirmed on rerun: 3,080 evening tickets net of refunds.",
                mark="root",
            ),
            final(
                "The Salt Archive sold 3,080 tickets, net of refunds, for its evening performances in November 2026.",
                mark="symptom",
            ),
        ],
        answer="3,080",
        expect=RIGHT,
    ),
]
