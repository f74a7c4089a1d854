"""Box-office runs on The Salt Road's settlement and April's occupancy that go right,
some after a near miss: a cell crashing on a key and fixed, refunded lines sent back by
the checker, the March ledger read after April's, the cancelled night's lines asked
about."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _box_tasks as q
from benchmarks.corpus._box_runs_a import SALT_LINES, SALT_PLAN, SALT_TERMS, SHARE_KEY
from benchmarks.corpus._box_runs_b import OCC_LINES, OCC_PERFS, OCC_PLAN
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

SALT_ANSWER = "The Playhouse owes Lantern & Rye £3,791.67 for The Salt Road: 70% of £5,416.67 net box-office receipts."
OCC_ANSWER = "Paid occupancy of the main house over its April 2026 performances was 36.7% (352 paid seats of 960)."

RUNS: list[Run] = [
    Run(
        "ok_salt_01_plain",
        HEALTHY,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Lantern & Rye's terms first"),
            read(TERMS, q.PRICES, thought="Now the 2026 main-house prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="The Salt Road lines are P301-P305"),
            say(LEDGER, SALT_LINES),
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
            final(SALT_ANSWER),
        ],
        answer="3,791.67",
        expect="3,791.67",
    ),
    Run(
        "ok_salt_02_share_key_fixed",
        HEALTHY,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PRICES, thought="Prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines"),
            say(LEDGER, SALT_LINES),
            cell(
                "Reading the share straight from settlements.json", SHARE_KEY, "KeyError: 'share'"
            ),
            cell(
                "The key in settlements.json is company_share_of_net_receipts",
                SHARE_KEY.replace("terms['share']", "terms['company_share_of_net_receipts']"),
                "3791.67",
            ),
            say(
                ANALYST, "14 paid lines, £6,500.00 ticket income, £5,416.67 net; 70% is £3,791.67."
            ),
            read(CHECKER, q.TERMS, thought="Check the share"),
            say(
                CHECKER,
                "70% of net receipts, no guarantee, refunds and comps out. £3,791.67 stands.",
            ),
            final(SALT_ANSWER),
        ],
        answer="3,791.67",
        expect="3,791.67",
    ),
    Run(
        "ok_salt_03_refunds_sent_back",
        HEALTHY,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PRICES, thought="Prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines"),
            say(LEDGER, SALT_LINES),
            cell("Every Salt Road line at 2026 prices, VAT out, 70%", q.salt(keep=""), "4039.00"),
            say(ANALYST, "16 lines, £6,924.00 ticket income, £5,770.00 net; 70% is £4,039.00."),
            read(CHECKER, q.MAR, "refunded", thought="Refunded lines"),
            delegate(
                ANALYST,
                "Recompute Lantern & Rye's settlement from the paid Salt Road lines only: S3006 and S3012 are refunded.",
                "The clerk listed S3006 and S3012 as refunded; the 16-line sum includes them.",
                "16 lines were summed, but two of them are refunded",
            ),
            cell("Paid lines only this time", q.salt(), "3791.67"),
            say(ANALYST, "14 paid lines, £6,500.00, £5,416.67 net; 70% is £3,791.67."),
            say(
                CHECKER,
                "With the refunds out the figure is £3,791.67; prices, VAT and share check out. It stands.",
            ),
            final(SALT_ANSWER),
        ],
        answer="3,791.67",
        expect="3,791.67",
    ),
    Run(
        "ok_occ_01_plain",
        HEALTHY,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="And in April"),
            say(LEDGER, OCC_LINES),
            cell("Paid seats over the capacity of the played nights", q.occ(), "36.7"),
            say(ANALYST, "352 paid seats over 960 seats of capacity: 36.7%."),
            read(CHECKER, q.PERFS, "2026-04", thought="Check the capacity"),
            say(
                CHECKER,
                "Four played nights at 240 seats, P402 out, both ledgers in, comps and refunds out. 36.7% stands.",
            ),
            final(OCC_ANSWER),
        ],
        answer="36.7",
        expect="36.7",
    ),
    Run(
        "ok_occ_02_march_ledger_added",
        HEALTHY,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.APR, "P40", thought="The April ledger"),
            read(
                LEDGER,
                q.MAR,
                "P40",
                thought="The plan says April shows were on sale in March as well; the March ledger should have lines for them too",
            ),
            say(LEDGER, OCC_LINES),
            cell("Both ledgers, paid seats, played nights", q.occ(), "36.7"),
            say(ANALYST, "352 paid seats (130 sold in March, 222 in April) over 960: 36.7%."),
            read(CHECKER, q.MAR, "P40", thought="The March lines for April"),
            say(
                CHECKER,
                "The March sales for April's nights are in: S3025, S3027, S3028, S3029. 36.7% stands.",
            ),
            final(OCC_ANSWER),
        ],
        answer="36.7",
        expect="36.7",
    ),
    Run(
        "ok_occ_03_cancelled_lines_asked",
        HEALTHY,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="And in April"),
            say(LEDGER, OCC_LINES),
            cell("Paid seats over the played nights' capacity", q.occ(), "36.7"),
            say(ANALYST, "352 paid seats over 960: 36.7%."),
            ask(
                LEDGER,
                "Is any line for the cancelled P402 still paid?",
                "April main-house occupancy; P402 on 8 April was cancelled.",
                "If P402 still had paid lines they would need handling",
            ),
            say(LEDGER, "No: S3026, S4004 and S4005, P402's three lines, are all refunded."),
            say(
                CHECKER,
                "Nothing of P402 is left in; the four played nights, paid seats only. 36.7% stands.",
            ),
            final(OCC_ANSWER),
        ],
        answer="36.7",
        expect="36.7",
    ),
]
