"""Stock desk runs that end with the right figure, near misses among them: a crash fixed
on the next turn, a checker sending back a wrong file, a mistyped file name retried."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _pharm_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._pharm_team import (
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    PHARMACIST,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

RUNS: list[Run] = [
    Run(
        "ok_enox_01_plain",
        HEALTHY,
        q.ENOX,
        [
            hand(LEAD, CLERK, "Pull ward 7's ENX40 rows for April-June 2026 from the Q2 dispensing log, issues and returns.", say="Net use needs issues and returns; the clerk first."),
            read(CLERK, "dispensing_2026q2.csv", "ENX40"),
            hand(CLERK, LEAD, "Rows pulled.", say="Ward 7 ENX40 in Q2: issues of 20 (3 Apr), 20 (24 Apr), 30 (15 May), 20 (5 Jun), 20 (26 Jun); returns of 8 (29 May) and 4 (30 Jun). The 12 Jun issue of 10 is ward 9's."),
            hand(LEAD, CODER, "Net ENX40 use for ward_7 in dispensing_2026q2.csv: issues minus returns."),
            cell("Summing ward 7's enoxaparin moves.", q.enox(), "98"),
            hand(CODER, CHECKER, "Please check.", say="110 issued, 12 returned: net 98 syringes."),
            hand(CHECKER, WRITER, "Net use checked.", say="Matches the clerk's rows: 110 - 12 = 98. Approved."),
            final("Ward 7 used a net 98 enoxaparin 40 mg syringes in Q2 2026 (110 issued, 12 returned)."),
        ],
        answer="98",
        expect="98",
    ),
]
