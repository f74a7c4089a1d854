"""Berth office runs on berth B3's October occupancy that go wrong: a 30-day month, a plan
that counts bookings, a misread departure, a crashed cell and hours from nowhere, Timber
Wharf's rows, a misreported share, a clock change the rules do not know."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _port_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    MISREPORTED,
    SELF_REPORT,
    WRONG_INPUT,
)
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

PLAN = "Plan: the clerk pulls B3's October calls; the coder works hours alongside on completed calls over the month's hours; checker; writer."
B3_CALLS = "B3 in October: C1001, C1005, C1008, C1010, C1012, C1014. C1008 was cancelled; the other five are completed. Times as in calls_2026-10.csv."

RUNS: list[Run] = [
    Run(
        "occ_01_thirty_day_month",
        BAD_ASSUMPTION,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: give us the port's definition of berth occupancy first. Then the clerk pulls B3's October calls, the coder computes, checker, writer.",
            ),
            read(DUES, "port_rules.json"),
            hand(
                DUES,
                CLERK,
                "Occupancy is hours alongside on completed calls over the hours in the month. For monthly figures the port works on a standard 30-day month, so the base is 720 hours.",
                mark="root",
            ),
            read(CLERK, q.OCT, "B3"),
            hand(CLERK, CODER, B3_CALLS),
            cell("Completed calls on B3 over 720 hours.", q.occupancy(month="(30 * 24)"), "20.0"),
            hand(CODER, CHECKER, "144 hours alongside on the five completed calls: 20.0% of 720."),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "Five completed calls, 144 hours, the cancelled C1008 left out. 20.0% stands.",
                mark="symptom",
            ),
            final(
                "Berth B3 (Coal Staithe) was occupied 20.0% of October 2026: 144 hours alongside on five completed calls."
            ),
        ],
        answer="20.0%",
        expect="19.4%",
    ),
    Run(
        "occ_02_plan_counts_bookings",
        BAD_SPLIT,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: B3's occupancy is the hours B3 was booked in October over the month's 744 hours. Clerk, list every B3 booking in calls_2026-10.csv with its window; coder, sum the windows; then checker and writer.",
                mark="root",
            ),
            read(CLERK, q.OCT, "B3"),
            hand(
                CLERK,
                CODER,
                "B3 bookings in October: C1001, C1005, C1008, C1010, C1012, C1014, windows as in the file.",
            ),
            cell("All six B3 windows over 744 hours.", q.occupancy(keep=""), "23.1"),
            hand(CODER, CHECKER, "Six B3 bookings, 172 hours, 23.1% of 744."),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "Six bookings on B3 and their windows add to 172 hours. 23.1% holds.",
                mark="symptom",
            ),
            final(
                "Berth B3 was occupied 23.1% of October 2026: 172 of the month's 744 hours across six bookings."
            ),
        ],
        answer="23.1%",
        expect="19.4%",
    ),
    Run(
        "occ_03_departure_misread",
        WRONG_INPUT,
        q.OCCUPANCY,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "B3"),
            hand(
                CLERK,
                CODER,
                "B3 completed calls: C1001 10-01 07:00 to 10-02 15:00; C1005 10-07 08:00 to 10-08 12:00; C1010 10-19 11:00 to 10-20 17:00; C1012 10-26 07:00 to 10-27 17:00; C1014 10-30 20:00 to 10-31 22:00. C1008 was cancelled.",
                mark="root",
            ),
            cell(
                "Hours from the clerk's times.",
                q.occupancy_given(
                    {
                        "C1001": ("2026-10-01 07:00", "2026-10-02 15:00"),
                        "C1005": ("2026-10-07 08:00", "2026-10-08 12:00"),
                        "C1010": ("2026-10-19 11:00", "2026-10-20 17:00"),
                        "C1012": ("2026-10-26 07:00", "2026-10-27 17:00"),
                        "C1014": ("2026-10-30 20:00", "2026-10-31 22:00"),
                    }
                ),
                "20.2",
            ),
            hand(CODER, CHECKER, "150 hours over 744: 20.2%."),
            ask_dues("For October's occupancy, how many hours go in the month?"),
            answer("744: 24 hours times the 31 days of October, as port_rules.json sets it."),
            hand(
                CHECKER,
                WRITER,
                "The 744-hour base is confirmed and there are five completed calls. 20.2% is right.",
                mark="symptom",
            ),
            final(
                "Berth B3 was occupied 20.2% of October 2026: 150 hours alongside on five completed calls out of 744."
            ),
        ],
        answer="20.2%",
        expect="19.4%",
    ),
    Run(
        "occ_04_crashed_cell_hours_guessed",
        CODE_FAILURE,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                CODER,
                "Coder: B3's occupancy for October 2026 from calls_2026-10.csv, completed calls over 744 hours. Checker, then writer.",
            ),
            cell("Parsing the times and summing B3.", q.OCC_STRP, q.STRP_ERROR, mark="root"),
            hand(
                CODER,
                CHECKER,
                "The script tripped on the timestamp format. B3 had five completed calls in October; C1008 was cancelled.",
            ),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "Five completed calls of about 30 hours each, so 150 hours all told: 20.2% of the month.",
                mark="symptom",
            ),
            final(
                "Berth B3's occupancy in October 2026 was 20.2%, about 150 hours alongside over five completed calls."
            ),
        ],
        answer="20.2%",
        expect="19.4%",
    ),
    Run(
        "occ_05_timber_wharf_rows",
        SELF_REPORT,
        q.OCCUPANCY,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "B4", mark="root"),
            hand(
                CLERK,
                CODER,
                "B3 calls in October: C1003, 10-03 09:00 to 10-04 09:00, and C1011, 10-22 09:00 to 10-23 13:00. Both completed.",
            ),
            cell(
                "Two stays over 744 hours.",
                q.occupancy_given(
                    {
                        "C1003": ("2026-10-03 09:00", "2026-10-04 09:00"),
                        "C1011": ("2026-10-22 09:00", "2026-10-23 13:00"),
                    }
                ),
                "7.0",
            ),
            hand(CODER, CHECKER, "52 hours over 744: 7.0%."),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "I can't sign 7.0% off. C1003 and C1011 are Timber Wharf (B4) calls in the file, and the B3 rows show five completed calls that aren't in the working. Passing on with that noted.",
                mark="symptom",
            ),
            final(
                "The desk's working puts berth B3's October 2026 occupancy at 7.0%, but the checker found it rests on two calls the records place at berth B4, so the figure is not confirmed."
            ),
        ],
        answer="7.0%",
        expect="19.4%",
    ),
    Run(
        "occ_06_share_misreported",
        MISREPORTED,
        q.OCCUPANCY,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "B3"),
            hand(CLERK, CODER, B3_CALLS),
            cell("Completed calls over 744 hours.", q.occupancy(), "19.4"),
            hand(
                CODER,
                CHECKER,
                "C1001, C1005, C1010, C1012, C1014: 144 hours alongside over 744, 19.9%.",
                mark="root",
            ),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "Five completed calls and 144 hours, cancelled one out. 19.9% stands.",
                mark="symptom",
            ),
            final(
                "Berth B3 was occupied 19.9% of October 2026, with 144 hours alongside on five completed calls."
            ),
        ],
        answer="19.9%",
        expect="19.4%",
    ),
    Run(
        "occ_07_clock_change_hour",
        BAD_ASSUMPTION,
        q.OCCUPANCY,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "B3"),
            hand(CLERK, CODER, B3_CALLS),
            cell("Completed calls over 744 hours.", q.occupancy(), "19.4"),
            hand(CODER, CHECKER, "144 hours over 744: 19.4%."),
            hand(
                CHECKER,
                CODER,
                "The clocks go back on 25 October 2026, so October has 745 hours, not 744. Rerun on 745.",
                mark="root",
            ),
            cell("Over 745 hours.", q.occupancy(month="745"), "19.3"),
            hand(CODER, CHECKER, "Over 745 hours: 19.3%."),
            hand(CHECKER, WRITER, "19.3% on the 745-hour month.", mark="symptom"),
            final(
                "Berth B3 was occupied 19.3% of October 2026: 144 hours alongside on completed calls out of the month's 745 hours."
            ),
        ],
        answer="19.3%",
        expect="19.4%",
    ),
]
