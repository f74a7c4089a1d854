"""Box office desk runs on the week of 16-22 November's net receipts that go wrong: a plan
leaving refunds out, a brief for one house, an assumption about the cancellation, code
netting VAT off the wrong figure, a figure mistyped, a crash nobody mentions."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _stage_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MISREPORTED,
    WRONG_ACCEPTED,
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

RIGHT = "45,528.00"
LESS_REFUNDS = "float(r['gross_gbp']) - float(r['refunds_gbp'])"
GROSS_ONLY = q.week().replace(LESS_REFUNDS, "float(r['gross_gbp'])")
CANCELLATION_KEPT = q.week().replace(
    LESS_REFUNDS,
    "float(r['gross_gbp']) - (0 if r['status'] == 'cancelled' else float(r['refunds_gbp']))",
)
REFUNDS_WITH_VAT = q.week().replace(
    "net = sum(float(r['gross_gbp']) - float(r['refunds_gbp']) for r in rows) / 1.2",
    "net = sum(float(r['gross_gbp']) for r in rows) / 1.2 - sum(float(r['refunds_gbp']) for r in rows)",
)
WEEK_ROWS = (
    "Week of 16-22 Nov: ten performances. Main House: SA-1119E, SA-1120E, SA-1121M, "
    "SA-1121E. Studio: PL-1117E, PL-1118E (cancelled, refunded in full), PL-1119E, "
    "PL-1120E, PL-1121M, PL-1121E."
)

RUNS: list[Run] = [
    Run(
        "wk_01_refunds_ledger_plan",
        BAD_SPLIT,
        q.WEEK,
        [
            *hand(
                LEAD,
                CLERK,
                "List every performance dated 16-22 November in sales_2026-11.csv, both houses, with gross receipts.",
                say="Plan: the clerk lists the week's rows across both houses; the analyst takes gross receipts ex VAT (gross_gbp / 1.2), refunds being settled through the refunds ledger rather than the week's receipts; the auditor checks.",
                context={
                    "plan": [
                        "box_office_clerk: rows dated 2026-11-16 to 2026-11-22, both houses",
                        "analyst: sum(gross_gbp) / 1.2 over the week's rows",
                        "auditor: check",
                    ]
                },
                mark="root",
            ),
            read(CLERK, q.NOV),
            *hand(CLERK, ANALYST, WEEK_ROWS),
            cell("Gross over the week, VAT out, per the plan.", GROSS_ONLY, "48030.00"),
            *hand(
                ANALYST,
                AUDITOR,
                "£48,030.00 ex VAT across the week's ten performances.",
            ),
            read(AUDITOR, q.NOV),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £48,030.00.",
                say="Ten rows, both houses, VAT at 20% taken out.",
                mark="symptom",
            ),
            final(
                "The theatre's net ticket receipts for the week of 16-22 November 2026, across both houses and excluding VAT, were £48,030.00."
            ),
        ],
        answer="48,030.00",
        expect=RIGHT,
    ),
    Run(
        "wk_02_main_house_brief",
        LOST_CONSTRAINT,
        q.WEEK,
        [
            *hand(
                LEAD,
                ANALYST,
                "Net receipts for the Main House, 16-22 November: gross less refunds, ex VAT, from sales_2026-11.csv.",
                say="The analyst can take this from the file.",
                mark="root",
            ),
            cell(
                "Main House rows in the week.",
                q.week(" and r['house'] == 'Main House'"),
                "36924.00",
            ),
            *hand(
                ANALYST,
                AUDITOR,
                "£36,924.00 across four Main House performances, refunds off, VAT out.",
            ),
            read(AUDITOR, q.NOV, "Main House"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £36,924.00.",
                say="Four performances in the dates, refunds deducted. Correct.",
                mark="symptom",
            ),
            final(
                "The theatre's net ticket receipts for Monday 16 to Sunday 22 November 2026 were £36,924.00, after refunds and excluding VAT."
            ),
        ],
        answer="36,924.00",
        expect=RIGHT,
    ),
    Run(
        "wk_03_cancellation_refund_not_ours",
        BAD_ASSUMPTION,
        q.WEEK,
        [
            *hand(
                LEAD,
                CLERK,
                "Rows for 16-22 November, both houses, with gross and refunds.",
                say="Clerk, then analyst.",
            ),
            read(CLERK, q.NOV),
            *hand(
                CLERK,
                ANALYST,
                WEEK_ROWS
                + " A cancellation refund comes out of the company's settlement, not our receipts, so leave PL-1118E's £2,030.40 in and take every other refund off.",
                mark="root",
            ),
            cell("Refunds off except the cancellation's.", CANCELLATION_KEPT, "47220.00"),
            *hand(
                ANALYST,
                AUDITOR,
                "£47,220.00 for the week, ex VAT, refunds off except the cancellation's, as the clerk advised.",
            ),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £47,220.00.",
                say="The arithmetic checks.",
                mark="symptom",
            ),
            final(
                "Net ticket receipts for the week of 16-22 November 2026 were £47,220.00 across both houses, excluding VAT."
            ),
        ],
        answer="47,220.00",
        expect=RIGHT,
    ),
    Run(
        "wk_04_refunds_netted_after_vat",
        WRONG_ACCEPTED,
        q.WEEK,
        [
            *hand(
                LEAD,
                ANALYST,
                "Week of 16-22 November, both houses: receipts less refunds, VAT out, from sales_2026-11.csv.",
                say="Analyst, then audit.",
            ),
            cell("Receipts ex VAT, less refunds.", REFUNDS_WITH_VAT, "45027.60", mark="root"),
            *hand(
                ANALYST,
                AUDITOR,
                "£45,027.60: ten performances, receipts ex VAT less refunds.",
            ),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £45,027.60.",
                say="The cancelled show's refund is taken off and all ten rows are in.",
                mark="symptom",
            ),
            final(
                "The theatre took £45,027.60 in net ticket receipts (after refunds, excluding VAT) in the week of 16-22 November 2026."
            ),
        ],
        answer="45,027.60",
        expect=RIGHT,
    ),
    Run(
        "wk_05_digits_swapped",
        MISREPORTED,
        q.WEEK,
        [
            *hand(
                LEAD,
                CLERK,
                "Performances of 16-22 November, both houses, from the November sales file.",
                say="Clerk lists, analyst sums, auditor checks.",
            ),
            read(CLERK, q.NOV),
            *hand(CLERK, ANALYST, WEEK_ROWS + " Receipts less refunds, ex VAT."),
            cell("Week's rows, refunds off, VAT out.", q.week(), "45528.00"),
            *hand(
                ANALYST,
                AUDITOR,
                "£45,258.00 net for the week across both houses.",
                mark="root",
            ),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £45,258.00.",
                say="Ten rows and the cancellation nets to nothing.",
                mark="symptom",
            ),
            final(
                "Net ticket receipts for the week of 16-22 November 2026 were £45,258.00 across both houses, after refunds and excluding VAT."
            ),
        ],
        answer="45,258.00",
        expect=RIGHT,
    ),
    Run(
        "wk_06_refund_column_crash",
        CODE_FAILURE,
        q.WEEK,
        [
            *hand(
                LEAD,
                ANALYST,
                "Net ticket receipts for Monday 16 to Sunday 22 November, both houses: gross less refunds, ex VAT.",
                say="Straight to the analyst.",
            ),
            cell(
                "Summing the week.",
                q.week().replace("r['refunds_gbp']", "r['refund_gbp']"),
                "KeyError: 'refund_gbp'",
                mark="root",
            ),
            *hand(
                ANALYST,
                AUDITOR,
                "Week's net receipts: £45,852.00 (ex VAT, after refunds), ten performances.",
            ),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £45,852.00.",
                say="Cancelled show refunded in full, so it nets to nil; fine.",
                mark="symptom",
            ),
            final(
                "The theatre's net ticket receipts for 16-22 November 2026 were £45,852.00, after refunds and excluding VAT."
            ),
        ],
        answer="45,852.00",
        expect=RIGHT,
    ),
]
