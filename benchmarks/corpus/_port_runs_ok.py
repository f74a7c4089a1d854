"""Berth office runs that go right, some after a near miss."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _port_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._port_team import (
    CHECKER,
    CLERK,
    CODER,
    DUES,
    LEAD,
    WRITER,
    Run,
    answer,
    ask_dues,
    cell,
    final,
    hand,
    read,
)

RUNS: list[Run] = [
    Run(
        "ok_dues_01_plain",
        HEALTHY,
        q.DUES,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: the clerk pulls the Humber Star's October call, its particulars and the berth's class; the dues officer says which 2026 rates and rules apply; the coder prices it; the checker checks; the writer answers.",
            ),
            read(CLERK, "vessels.csv", "Humber Star"),
            read(CLERK, q.OCT, "V05"),
            read(CLERK, "berths.csv", "B2"),
            hand(
                CLERK,
                DUES,
                "Humber Star is V05: tanker, 84.6 m, hazardous Y. One October call, C1004 at B2 (North Quay, class A), alongside 2026-10-06 14:00, departed 2026-10-08 20:00, completed.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CODER,
                "2026 tariff: class A berth dues £1.85 per metre LOA per day, each started 24 hours counts as a day, 15% surcharge on berth dues for a hazardous vessel, minimum £120. So 84.6 m x £1.85 x days x 1.15.",
            ),
            cell("Days from the call's times, then the surcharge.", q.dues(), "539.96"),
            hand(
                CODER,
                CHECKER,
                "54 hours alongside is 3 started days: £469.53 before the surcharge, £539.96 with it.",
            ),
            ask_dues("Does the 15% hazardous surcharge apply to a tanker's berth dues?"),
            answer(
                "Yes. The tariff adds 15% to the berth dues of any vessel flagged hazardous in vessels.csv; it is not added to cargo dues."
            ),
            read(CHECKER, q.OCT, "V05"),
            hand(
                CHECKER,
                WRITER,
                "C1004 is the Humber Star's only October call, 54 h is 3 days, class A rate, surcharge applies. £539.96 stands.",
            ),
            final(
                "The Humber Star's October 2026 call (C1004 at berth B2, 54 hours alongside) is charged £539.96 in berth dues: 84.6 m at £1.85 per metre per day for 3 days, plus the 15% hazardous surcharge."
            ),
        ],
        answer="539.96",
        expect="539.96",
    ),
]
