"""Lock desk runs that go right: the contractor's bill and the Marsh flight's hours, some
straight through, some with a slip caught and put right before the answer goes out."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _lock_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._lock_runs_a import BILL_CRASH
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    VERIFIER,
    WRITER,
    Run,
    answer,
    cell,
    close,
    finish,
    hand,
    read,
    report,
)

BILL_NOTICE = "Brindle Marine is owed GBP 3151.00 for its March 2027 stoppage work: GBP 2791.00 for five cleared jobs at the 2027 hourly rates and GBP 360.00 in call-out fees for three jobs handed back."

RUNS: list[Run] = [
    Run(
        "ok_bill_straight",
        HEALTHY,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price the 8 contractor stoppages in stoppages_2027-03.csv: cleared ones at hours_closed times their cause's hourly rate from rates_2027.json, handed-back ones at the call-out fee. Print the total.",
            ),
            cell(q.bill(), "3151.00"),
            report(
                ANALYST,
                "Cleared jobs come to GBP 2791.00 and three call-out fees to GBP 360.00: GBP 3151.00 in all.",
            ),
            hand(
                VERIFIER,
                "Check the GBP 3151.00 bill for Brindle Marine's March work against the log and the rates.",
            ),
            report(
                VERIFIER,
                "It stands: three handed-back jobs at GBP 120 and five cleared jobs at their cause rates make GBP 3151.00.",
            ),
            hand(
                WRITER,
                "Write the register entry: Brindle Marine is owed GBP 3151.00 for March 2027 (GBP 2791.00 for cleared jobs, GBP 360.00 call-out fees).",
            ),
            report(WRITER, BILL_NOTICE),
            answer(BILL_NOTICE),
        ],
        answer="3151.00",
        expect="3151.00",
    ),
    Run(
        "ok_marsh_straight",
        HEALTHY,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages (status = cleared) at the locks whose flight is marsh in locks.csv, from stoppages_2027-03.csv.",
            ),
            cell(q.marsh(), "41.0"),
            report(ANALYST, "Nine cleared stoppages at W01-W03: 41.0 hours."),
            *close(
                "Check 41.0 hours of cleared Marsh flight closures in March.",
                "Nine cleared rows at the three Marsh locks, 41.0 hours; the handed-back S0306 and S0315 are rightly left out. It stands.",
                "Register entry: cleared stoppages closed the Marsh flight for 41.0 hours in March 2027.",
                "Cleared stoppages closed the Marsh flight's locks for 41.0 hours in March 2027.",
            ),
        ],
        answer="41.0",
        expect="41.0",
    ),
    Run(
        "ok_share_no_check",
        HEALTHY,
        q.SHARE,
        [
            hand(
                ANALYST,
                "Count all of March 2027's stoppages in stoppages_2027-03.csv and the paddle faults among them; give the share as a percent, one decimal.",
            ),
            cell(q.share(), "25.0"),
            report(ANALYST, "6 paddle faults among 24 stoppages: 25.0%."),
            *finish(
                "Register entry: 25.0% of March 2027's stoppages (6 of 24) were paddle faults.",
                "Paddle faults were 6 of March 2027's 24 lock stoppages: 25.0%.",
            ),
        ],
        answer="25.0",
        expect="25.0",
    ),
    Run(
        "ok_week_with_clerk",
        HEALTHY,
        q.WEEK,
        [
            hand(
                CLERK,
                "List the stoppages worked by trust crews (crew = trust) dated Monday 15 to Sunday 21 March 2027.",
            ),
            read(CLERK, q.MAR, "trust"),
            report(CLERK, "Trust crews, 15-21 March: S0313, S0314, S0316, S0317, S0318."),
            hand(
                ANALYST,
                "Sum hours_closed of trust-crew stoppages dated 2027-03-15 to 2027-03-21 in stoppages_2027-03.csv; the clerk expects five.",
            ),
            cell(q.week(), "22.0"),
            report(ANALYST, "The clerk's five stoppages: 22.0 hours."),
            *close(
                "Check 22.0 hours for the trust crews' week 15-21 March.",
                "Five trust rows Monday to Sunday, S0315 being Brindle Marine's. 22.0 hours stands.",
                "Register entry: trust crews' stoppages closed locks for 22.0 hours, 15-21 March 2027.",
                "Stoppages worked by the trust's own crews closed locks for 22.0 hours in the week 15-21 March 2027.",
            ),
        ],
        answer="22.0",
        expect="22.0",
    ),
    Run(
        "ok_bill_fee_key_fixed",
        HEALTHY,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's March 2027 jobs (crew = contractor) from stoppages_2027-03.csv and rates_2027.json: cleared at hours times the cause rate, handed back at the call-out fee.",
            ),
            cell(BILL_CRASH, "KeyError: 'callout_gbp'"),
            cell(q.bill(), "3151.00", say="The fee key is callout_fee_gbp; running it again."),
            report(
                ANALYST,
                "GBP 2791.00 for cleared jobs and GBP 360.00 in call-out fees: GBP 3151.00.",
            ),
            *close(
                "Check the GBP 3151.00 bill for Brindle Marine.",
                "The second run finished cleanly; five cleared jobs and three call-outs make GBP 3151.00. Approved.",
                "Register entry: Brindle Marine is owed GBP 3151.00 for March 2027.",
                "The trust owes Brindle Marine GBP 3151.00 for its March 2027 stoppage work.",
            ),
        ],
        answer="3151.00",
        expect="3151.00",
    ),
    Run(
        "ok_marsh_clerk_rereads",
        HEALTHY,
        q.MARSH,
        [
            hand(
                CLERK,
                "Which locks are on the Marsh flight, and which of March 2027's stoppages there were cleared?",
            ),
            read(CLERK, q.LOCKS),
            read(CLERK, q.FEB, "W0"),
            read(CLERK, q.MAR, "cleared", say="That was February's log; reading March's."),
            report(
                CLERK,
                "The Marsh flight is W01-W03. Cleared March stoppages there: S0301, S0304, S0308, S0311, S0313, S0317, S0319, S0323, S0324.",
            ),
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages at the Marsh flight's locks (flight = marsh).",
            ),
            cell(q.marsh(), "41.0"),
            report(ANALYST, "The clerk's nine stoppages: 41.0 hours."),
            *finish(
                "Register entry: 41.0 hours of Marsh flight closure by cleared stoppages, March 2027.",
                "Cleared stoppages closed the Marsh flight for 41.0 hours in March 2027.",
            ),
        ],
        answer="41.0",
        expect="41.0",
    ),
]
