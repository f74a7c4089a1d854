"""Healthy runs of the bakehouse desk: the same team and questions, the right figure out."""

from __future__ import annotations

from benchmarks.corpus._bakery_tasks import (
    Q2,
    Q2_LOAVES,
    RETAIL,
    RIGHT,
    ask_clerk,
    ask_coder,
    cell,
    clerk,
    coder,
    final,
    passed,
    read,
    sum_cell,
    to_checker,
)
from benchmarks.corpus._bakery_team import CHECKER, CLERK, CODER
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._desk import Run

RUNS = [
    Run(
        "ok_q2_retail_loaves",
        HEALTHY,
        Q2_LOAVES,
        [
            ask_clerk(
                "Which of our shops are retail? List their ids from shops.csv.",
                "Retail only, April to June. First the shop list, then a sum over the bakes.",
            ),
            read(CLERK, "shops.csv"),
            clerk(
                "Retail shops: S1 Market Cross, S2 Riverside, S3 Station Road, S4 Harbour "
                "Street, S5 Canal Wharf. S6 Trade Counter is wholesale."
            ),
            ask_coder("Sum loaves_sold in bakes_2026.csv for 2026-04 to 2026-06, shops S1-S5."),
            cell(CODER, sum_cell("bakes_2026.csv", Q2, RETAIL, "loaves_sold"), "14667"),
            coder("14667 loaves sold across S1 to S5, April to June 2026."),
            to_checker("Clerk and coder agree on the shop list; 14,667. Over to you."),
            cell(
                CHECKER,
                sum_cell("bakes_2026.csv", Q2, RETAIL, "loaves_sold"),
                "14667",
                "Rerunning the sum myself before it goes out.",
            ),
            passed("Same again, 14,667. Fine to write up."),
            final(
                f"Our five retail shops sold {RIGHT[Q2_LOAVES]} loaves between April and "
                "June 2026; the trade counter's wholesale loaves are not included."
            ),
        ],
        "14,667",
        RIGHT[Q2_LOAVES],
    ),
]
