"""Interlibrary-loan desk runs that come out right."""

# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _ill_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._ill_team import ANALYST, CHECKER, CLERK, LEAD, WRITER, Run, cell, final, hand, read

RUNS: list[Run] = [
    Run(
        "ok_fee_01_straight",
        HEALTHY,
        q.FEE,
        [
            hand(LEAD, CLERK, "Clerk: pull the external partners' fees and couriers, and the postage and lost-item charges from the 2026 policy. Only supplied items we borrowed in April count."),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(CLERK, ANALYST, "External partners: CLD 9.50 by post, DNH 14.00 by post, FRW 7.25 by van. Policy: return postage 3.40 per item by post, lost-item charge 45.00 on top of the fee; cancelled requests are never charged."),
            cell("Summing fees, postage and lost charges over April's supplied external borrowing.", q.fee(), "120.10"),
            hand(ANALYST, CHECKER, "Six supplied items from external partners: fees 61.50, postage 13.60, one lost item 45.00. Total 120.10."),
            read(CHECKER, q.APR, "FRW"),
            hand(CHECKER, WRITER, "FRW's lost item IL2604-07 is in and its cancelled IL2604-19 is out; the van courier carries no postage. 120.10 stands."),
            final("Kestrel Vale Libraries owes its partner libraries GBP 120.10 for April 2026 interlibrary borrowing."),
        ],
        answer="120.10",
        expect="120.10",
    ),
]
