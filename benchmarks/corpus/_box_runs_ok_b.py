"""Box-office runs on March's booking fees, studio concessions and Gull Island Opera's
settlement that go right, some after a near miss: last season's list read first, a comp
sent back by the checker, a sum crashing on text seats and fixed, the guarantee's reach
asked about."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _box_tasks as q
from benchmarks.corpus._box_runs_c import FEES_LINES, FEES_PLAN, FEES_TERMS
from benchmarks.corpus._box_runs_d import (
    CONC_LINES,
    CONC_PERFS,
    CONC_PLAN,
    GULL_LINES,
    GULL_PLAN,
    GULL_TERMS,
    SEATS_AS_TEXT,
)
from benchmarks.corpus._box_team import (
    ANALYST,
    CHECKER,
    LEDGER,
    TERMS,
    Run,
    ask,
    cell,
    delegate,
    final,
    plan,
    read,
    say,
)
from benchmarks.corpus._common import HEALTHY

FEES_ANSWER = "The Playhouse kept £637.50 in booking fees on tickets sold in March 2026: 425 paid online and phone tickets at £1.50."
CONC_ANSWER = (
    "There were 31 paid concession tickets for studio performances in the week 16-22 March 2026."
)
GULL_ANSWER = "The Playhouse owes Gull Island Opera £1,920.75 for April 2026: 65% of £2,955.00 net receipts, above the £1,800.00 guarantee."

RUNS: list[Run] = [
    Run(
        "ok_fees_01_plain",
        HEALTHY,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.PRICES, thought="Fees and rules"),
            say(TERMS, FEES_TERMS),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell("Paid, non-comp online and phone lines at the 2026 fees", q.fees(), "637.50"),
            say(ANALYST, "18 lines, 425 tickets, £637.50 in booking fees."),
            read(CHECKER, q.PRICES, thought="Check the fee table"),
            say(
                CHECKER,
                "£1.50 online and by phone, nothing at the counter, refunds and the comp out. £637.50 stands.",
            ),
            final(FEES_ANSWER),
        ],
        answer="637.50",
        expect="637.50",
    ),
    Run(
        "ok_fees_02_last_seasons_list_first",
        HEALTHY,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.OLD_PRICES, thought="The booking fee table"),
            read(
                TERMS,
                q.PRICES,
                thought="That list is the 2025 season's; tickets sold in March 2026 take the 2026 fees",
            ),
            say(TERMS, FEES_TERMS),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell("2026 fees on the paid, non-comp online and phone lines", q.fees(), "637.50"),
            say(ANALYST, "18 lines, 425 tickets, £637.50."),
            read(CHECKER, q.MAR, "comp", thought="Comps"),
            say(CHECKER, "The comp S3004 is out, refunds are out, 2026 fees. £637.50 stands."),
            final(FEES_ANSWER),
        ],
        answer="637.50",
        expect="637.50",
    ),
    Run(
        "ok_fees_03_comp_sent_back",
        HEALTHY,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.PRICES, thought="Fees and rules"),
            say(TERMS, FEES_TERMS),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell("Paid online and phone lines at £1.50", q.fees(keep=q.PAID), "646.50"),
            say(ANALYST, "19 paid lines, 431 tickets, £646.50."),
            read(CHECKER, q.MAR, "comp", thought="Comps carry no fee"),
            delegate(
                ANALYST,
                "Recompute March's booking fees without the comp line S3004: comps carry no booking fee.",
                "prices_2026.json: comp tickets carry no ticket price and no booking fee. S3004 is an online comp of 6 seats.",
                "The 431 tickets include the 6 comps on S3004",
            ),
            cell("Comps out", q.fees(), "637.50"),
            say(ANALYST, "18 lines, 425 tickets, £637.50."),
            say(
                CHECKER, "Without the comp the fees are £637.50; refunds out, 2026 fees. It stands."
            ),
            final(FEES_ANSWER),
        ],
        answer="637.50",
        expect="637.50",
    ),
    Run(
        "ok_conc_01_plain",
        HEALTHY,
        q.CONC,
        [
            plan(CONC_PLAN),
            read(TERMS, q.PERFS, "studio", thought="Studio performances"),
            say(TERMS, CONC_PERFS),
            read(LEDGER, q.MAR, "concession", thought="Concession lines"),
            say(LEDGER, CONC_LINES),
            cell("Paid concession seats for the week's studio nights", q.conc(), "31"),
            say(ANALYST, "S3018, S3019 and S3022: 31 tickets."),
            read(CHECKER, q.MAR, "P31", thought="Studio lines"),
            say(
                CHECKER,
                "S3021 is refunded, S3023 is a comp and S3024 is for the 23rd; all out. 31 stands.",
            ),
            final(CONC_ANSWER),
        ],
        answer="31",
        expect="31",
    ),
    Run(
        "ok_conc_02_text_seats_fixed",
        HEALTHY,
        q.CONC,
        [
            plan(CONC_PLAN),
            read(TERMS, q.PERFS, "studio", thought="Studio performances"),
            say(TERMS, CONC_PERFS),
            read(LEDGER, q.MAR, "concession", thought="Concession lines"),
            say(LEDGER, CONC_LINES),
            cell(
                "Paid concession seats for the week's studio nights",
                SEATS_AS_TEXT,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            cell("The seats column is text in the CSV; converting with int()", q.conc(), "31"),
            say(ANALYST, "S3018 (11), S3019 (7) and S3022 (13): 31 tickets."),
            read(CHECKER, q.PERFS, "studio", thought="Dates"),
            say(
                CHECKER,
                "P311, P312 and P313 are the week's studio nights; the sum is right. 31 stands.",
            ),
            final(CONC_ANSWER),
        ],
        answer="31",
        expect="31",
    ),
    Run(
        "ok_gull_01_plain",
        HEALTHY,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Gull Island Opera's terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Its performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.MAR, "P40", thought="March ledger"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, GULL_LINES),
            cell("Both ledgers, paid lines, 65% against the guarantee", q.gull(), "1920.75"),
            say(
                ANALYST,
                "Ticket income £3,546.00, £2,955.00 net; 65% is £1,920.75, above the £1,800.00 guarantee for two played nights.",
            ),
            read(CHECKER, q.TERMS, thought="Terms"),
            say(
                CHECKER, "The greater of 65% of net and £900 a played night: £1,920.75. It stands."
            ),
            final(GULL_ANSWER),
        ],
        answer="1,920.75",
        expect="1,920.75",
    ),
    Run(
        "ok_gull_02_guarantee_asked",
        HEALTHY,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.MAR, "P40", thought="March ledger"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, GULL_LINES),
            cell(
                "Paid lines from both ledgers, 65% against £900 a played night", q.gull(), "1920.75"
            ),
            say(
                ANALYST,
                "65% of £2,955.00 net is £1,920.75; the guarantee for two played nights is £1,800.00. £1,920.75.",
            ),
            ask(
                TERMS,
                "Does Gull Island Opera's guarantee cover the cancelled P402?",
                "Settlement for April 2026; P402 on 8 April was cancelled.",
                "The guarantee's reach decides whether the share wins",
            ),
            say(
                TERMS,
                "No: settlements.json pays £900.00 a played performance, and P402 was not played.",
            ),
            say(
                CHECKER,
                "Two played nights, £1,800.00 of guarantee, below the share. £1,920.75 stands.",
            ),
            final(GULL_ANSWER),
        ],
        answer="1,920.75",
        expect="1,920.75",
    ),
]
