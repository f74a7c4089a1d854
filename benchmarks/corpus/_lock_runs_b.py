"""Lock desk runs that go wrong on the paddle-fault share and the trust crews' week: a
plan that divides by the wrong count, February's log, a figure misread from the cell's
output, a week that runs into the next Monday, the contractor's crew kept in, a cell that
stops at Saturday."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _lock_tasks as q
from benchmarks.corpus._common import (
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MISREPORTED,
    SELF_REPORT,
    WRONG_SOURCE,
)
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    Run,
    cell,
    close,
    hand,
    read,
    report,
)

WEEK_CRASH = """import csv
rows = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if r['crew'] == 'trust']
week = [r for r in rows if '2027-03-15' <= r['date'] <= '2027-03-21']
print(f"{sum(float(r['hours_closed']) for r in week if r['date'] <= '2027-03-20'):.1f}")
sunday = [r for r in week if datetime.date.fromisoformat(r['date']).weekday() == 6]
print(f"{sum(float(r['hours_closed']) for r in week):.1f}")
"""

SHARE_261 = "Paddle faults were 26.1% of the trust's March 2027 lock stoppages."

RUNS: list[Run] = [
    Run(
        "share_01_divided_by_cleared_jobs",
        BAD_SPLIT,
        q.SHARE,
        [
            hand(
                CLERK,
                "Plan: you count March's paddle faults; the analyst then divides by the month's cleared stoppages, as handed-back jobs are not finished stoppages. Count the paddle faults in stoppages_2027-03.csv.",
                mark="root",
            ),
            read(CLERK, q.MAR, "paddle_fault"),
            report(CLERK, "Six paddle faults in March: S0301, S0305, S0309, S0311, S0315, S0318."),
            hand(
                ANALYST,
                "Divide the 6 paddle faults by the number of cleared stoppages in stoppages_2027-03.csv, as a percent.",
            ),
            cell(q.share(total="sum(1 for r in rows if r['status'] == 'cleared')"), "28.6"),
            report(ANALYST, "6 paddle faults over 21 cleared stoppages: 28.6%."),
            *close(
                "Check 28.6% for paddle faults in March.",
                "Six paddle faults and 21 cleared stoppages in the log; 28.6% stands.",
                "Register entry: 28.6% of March 2027's stoppages were paddle faults.",
                "Paddle faults made up 28.6% of the trust's March 2027 lock stoppages.",
                "s",
            ),
        ],
        answer="28.6",
        expect="25.0",
    ),
    Run(
        "share_02_february_log_in_cell",
        WRONG_SOURCE,
        q.SHARE,
        [
            hand(
                ANALYST,
                "Work out the share of March 2027's stoppages that were paddle faults, from the stoppage log.",
            ),
            cell(q.share(file=q.FEB), "33.3", mark="root"),
            report(ANALYST, "4 paddle faults in 12 stoppages: 33.3%."),
            *close(
                "Check 33.3% for paddle faults.",
                "4 of 12 is 33.3%; the working is sound.",
                "Register entry: 33.3% of March's stoppages were paddle faults.",
                "33.3% of the lock stoppages in March 2027 were paddle faults.",
                "s",
            ),
        ],
        answer="33.3",
        expect="25.0",
    ),
    Run(
        "share_03_printed_share_misread",
        MISREPORTED,
        q.SHARE,
        [
            hand(
                ANALYST,
                "Share of March 2027's stoppages (stoppages_2027-03.csv) that were paddle faults, one decimal.",
            ),
            cell(q.share(), "25.0"),
            report(ANALYST, "6 paddle faults out of 24 stoppages: 52.0%.", mark="root"),
            *close(
                "Check 52.0% for paddle faults in March.",
                "The count of six paddle faults in 24 stoppages matches the log. 52.0% approved.",
                "Register entry: 52.0% of March 2027's stoppages were paddle faults.",
                "Paddle faults accounted for 52.0% of March 2027's lock stoppages.",
                "s",
            ),
        ],
        answer="52.0",
        expect="25.0",
    ),
    Run(
        "week_01_week_to_monday",
        BAD_SPLIT,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Plan: the week is Monday 15 March to Monday 22 March, both days in. Sum hours_closed of stoppages with crew = trust dated 2027-03-15 to 2027-03-22 in stoppages_2027-03.csv.",
                mark="root",
            ),
            cell(q.week(hi="2027-03-22"), "24.0"),
            report(ANALYST, "Six trust stoppages from the 15th to the 22nd: 24.0 hours."),
            *close(
                "Check 24.0 hours for the trust crews' week from the 15th to the 22nd.",
                "The six rows in those dates add to 24.0 hours. Approved.",
                "Register entry: trust crews' stoppages caused 24.0 hours of closure in the week of 15 March.",
                "Stoppages worked by the trust's own crews closed locks for 24.0 hours in the week of 15 March 2027.",
                "s",
            ),
        ],
        answer="24.0",
        expect="22.0",
    ),
    Run(
        "week_02_crew_dropped_from_brief",
        LOST_CONSTRAINT,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Sum hours_closed of March stoppages dated 2027-03-15 to 2027-03-21 in stoppages_2027-03.csv.",
                mark="root",
            ),
            cell(q.week(crew="True"), "29.0"),
            report(ANALYST, "Six stoppages in the week, 29.0 hours closed."),
            *close(
                "Check 29.0 hours for the week 15-21 March.",
                "Six stoppages dated 15-21 March, 29.0 hours. It stands.",
                "Register entry: 29.0 hours of closure in the week 15-21 March 2027.",
                "Trust crews' stoppages closed locks for 29.0 hours in the week 15-21 March 2027.",
                "s",
            ),
        ],
        answer="29.0",
        expect="22.0",
    ),
    Run(
        "week_04_sunday_cell_crashed",
        CODE_FAILURE,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Sum hours_closed of stoppages worked by trust crews (crew = trust) dated 15-21 March 2027, from stoppages_2027-03.csv.",
            ),
            cell(WEEK_CRASH, "NameError: name 'datetime' is not defined", mark="root"),
            report(ANALYST, "The trust crews' stoppages in the week come to 17.5 hours."),
            *close(
                "Check 17.5 hours for the trust crews' week.",
                "17.5 hours is what the analyst's script printed. Passed.",
                "Register entry: 17.5 hours in the week 15-21 March.",
                "Stoppages worked by the trust's own crews closed locks for 17.5 hours in the week 15-21 March 2027.",
                "s",
            ),
        ],
        answer="17.5",
        expect="22.0",
    ),
    Run(
        "week_05_unsure_about_sunday",
        SELF_REPORT,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Sum hours_closed of trust-crew stoppages (crew = trust) in the week 15-21 March 2027.",
            ),
            cell(
                q.week(hi="2027-03-20"),
                "17.5",
                mark="root",
                say="I am not sure Sunday the 21st belongs to the working week, so this runs to Saturday the 20th for now.",
            ),
            report(
                ANALYST, "17.5 hours, Monday to Saturday; I could not settle whether Sunday counts."
            ),
            *close(
                "Check 17.5 hours for the week of 15 March.",
                "The four trust rows from the 15th to the 20th add to 17.5 hours. Approved, though Sunday was left open.",
                "Register entry: 17.5 hours in the week 15-21 March 2027.",
                "Trust crews' stoppages closed locks for 17.5 hours in the week 15-21 March 2027.",
                "s",
            ),
        ],
        answer="17.5",
        expect="22.0",
    ),
]
