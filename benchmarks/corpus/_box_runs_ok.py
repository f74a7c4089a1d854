"""Box-office runs that go right, some after a near miss."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _box_tasks as q
from benchmarks.corpus._box_team import (
    ANALYST,
    CHECKER,
    LEDGER,
    TERMS,
    Run,
    ask,
    cell,
    final,
    plan,
    read,
    say,
)
from benchmarks.corpus._common import HEALTHY

RUNS: list[Run] = [
    Run(
        "ok_salt_01_plain",
        HEALTHY,
        q.SALT,
        [
            plan(
                "1. Contracts Clerk: Lantern & Rye's terms in settlements.json, the Salt Road performances in performances.csv, main-house prices in prices_2026.json. 2. Sales Ledger Clerk: the Salt Road lines (P301-P305) in sales_2026-03.csv, paid lines only, comps noted. 3. Data Analyst: ticket income of the paid lines at 2026 prices, VAT taken out, times the company's share. Booking fees stay out."
            ),
            read(TERMS, q.TERMS, thought="Lantern & Rye's terms first"),
            read(TERMS, q.PRICES, thought="Now the 2026 main-house prices"),
            say(
                TERMS,
                "Lantern & Rye get 70% of net box-office receipts of paid tickets for The Salt Road, P301-P305 (10-14 March, main house), no guarantee. 2026 main-house prices include VAT at 20%: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession). Comps carry no price.",
            ),
            read(LEDGER, q.MAR, "P30", thought="The Salt Road lines are P301-P305"),
            say(
                LEDGER,
                "16 Salt Road lines in sales_2026-03.csv. Paid: S3001-S3005, S3007-S3011, S3013-S3016. Refunded: S3006 and S3012. Comps among the paid: S3004 (6 seats) and S3015 (4 seats).",
            ),
            cell("Paid lines, 2026 prices, VAT out, 70%", q.salt(), "3791.67"),
            say(
                ANALYST,
                "14 paid lines, ticket income £6,500.00, £5,416.67 net of VAT; Lantern & Rye's 70% is £3,791.67.",
            ),
            read(CHECKER, q.MAR, "refunded", thought="Make sure the refunds are out"),
            say(
                CHECKER,
                "The refunded lines S3006 and S3012 are out, comps carry nothing, prices are 2026's and VAT is taken out before the 70%. £3,791.67 stands.",
            ),
            final(
                "The Playhouse owes Lantern & Rye £3,791.67 for The Salt Road: 70% of £5,416.67 net box-office receipts."
            ),
        ],
        answer="3,791.67",
        expect="3,791.67",
    ),
]
