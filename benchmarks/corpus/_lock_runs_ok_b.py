"""Lock desk runs that go right after a second look: a week sent back for running into
Monday, a mistyped file name read again, a crashed cell mended, a bill sent back for its
call-out fees, and a week checked against the log."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _lock_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._lock_runs_a import MARSH_CRASH
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    VERIFIER,
    Run,
    cell,
    close,
    finish,
    hand,
    read,
    report,
)

RUNS: list[Run] = [
    Run(
        "ok_week_sent_back_for_monday",
        HEALTHY,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Sum hours_closed of trust-crew stoppages (crew = trust) in the week of 15 March 2027.",
            ),
            cell(q.week(hi="2027-03-22"), "24.0"),
            report(ANALYST, "Six trust stoppages, 15-22 March: 24.0 hours."),
            hand(VERIFIER, "Check 24.0 hours for the trust crews' week of 15 March."),
            report(
                VERIFIER,
                "Monday the 22nd starts the next week (weeks run Monday to Sunday): S0319 must come out. Redo it for the 15th to the 21st.",
            ),
            hand(ANALYST, "Redo the sum for trust-crew stoppages dated 2027-03-15 to 2027-03-21."),
            cell(q.week(), "22.0"),
            report(ANALYST, "Five trust stoppages, 15-21 March: 22.0 hours."),
            hand(VERIFIER, "Check 22.0 hours, 15-21 March."),
            report(VERIFIER, "Monday to Sunday, trust crews only: 22.0 hours stands."),
            *finish(
                "Register entry: trust crews' stoppages closed locks for 22.0 hours in the week 15-21 March 2027.",
                "Stoppages worked by the trust's own crews closed locks for 22.0 hours in the week 15-21 March 2027.",
            ),
        ],
        answer="22.0",
        expect="22.0",
    ),
    Run(
        "ok_share_file_name_retyped",
        HEALTHY,
        q.SHARE,
        [
            hand(CLERK, "Count March 2027's stoppages and the paddle faults among them."),
            read(CLERK, "stoppages_2027-3.csv"),
            read(CLERK, q.MAR, say="No such file; the name has a two-digit month."),
            report(
                CLERK,
                "24 stoppages in March, 6 of them paddle faults (S0301, S0305, S0309, S0311, S0315, S0318).",
            ),
            hand(
                ANALYST,
                "Share of March 2027's 24 stoppages that were paddle faults, from stoppages_2027-03.csv.",
            ),
            cell(q.share(), "25.0"),
            report(ANALYST, "6 of 24: 25.0%."),
            *close(
                "Check 25.0% for March's paddle faults.",
                "Six of 24, every stoppage counted whatever its status: 25.0% stands.",
                "Register entry: 25.0% of March 2027's stoppages were paddle faults.",
                "25.0% of the trust's March 2027 lock stoppages were paddle faults.",
            ),
        ],
        answer="25.0",
        expect="25.0",
    ),
    Run(
        "ok_marsh_hours_column_fixed",
        HEALTHY,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages at the Marsh flight's locks (locks.csv, flight = marsh).",
            ),
            cell(MARSH_CRASH, "KeyError: 'hours'"),
            cell(
                q.marsh(),
                "41.0",
                say="The first figure took in handed-back jobs and the script then failed on the column name; running the cleared-only sum on hours_closed.",
            ),
            report(ANALYST, "Nine cleared Marsh flight stoppages: 41.0 hours."),
            *close(
                "Check 41.0 hours for the Marsh flight's cleared stoppages.",
                "The second run is cleared-only and finished cleanly: 41.0 hours. It stands.",
                "Register entry: 41.0 hours of Marsh flight closure, March 2027.",
                "Cleared stoppages closed the Marsh flight's locks for 41.0 hours in March 2027.",
            ),
        ],
        answer="41.0",
        expect="41.0",
    ),
    Run(
        "ok_bill_sent_back_for_fees",
        HEALTHY,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's cleared March 2027 jobs (crew = contractor) at hours times the cause's 2027 rate.",
            ),
            cell(q.bill(fees="0"), "2791.00"),
            report(ANALYST, "Cleared contractor jobs: GBP 2791.00."),
            hand(VERIFIER, "Check GBP 2791.00 as Brindle Marine's March bill."),
            read(VERIFIER, q.RATES),
            report(
                VERIFIER,
                "The rates say a handed-back job is paid the GBP 120 call-out fee; S0306, S0315 and S0322 are missing. Add them.",
            ),
            hand(ANALYST, "Add the call-out fee for each handed-back contractor job to the bill."),
            cell(q.bill(), "3151.00"),
            report(ANALYST, "GBP 2791.00 plus GBP 360.00 in fees: GBP 3151.00."),
            *finish(
                "Register entry: Brindle Marine is owed GBP 3151.00 for March 2027, three call-out fees included.",
                "Brindle Marine is owed GBP 3151.00 for March 2027: GBP 2791.00 of cleared work and GBP 360.00 in call-out fees.",
            ),
        ],
        answer="3151.00",
        expect="3151.00",
    ),
]
