"""Statistics desk runs that go wrong on February's volunteer hours: a brief without the
stood-down rule, last year's log chosen, the hours column taken for person-hours, a plan
that multiplies two totals, a doubtful call-out kept in, a crashed cell's first figure
reported, and a file that was never read."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_SOURCE,
)
from benchmarks.corpus._fell_team import (
    AUDITOR,
    CODER,
    KEEPER,
    LEAD,
    SECRETARY,
    Run,
    ask,
    cell,
    final,
    hand,
    read,
    say,
)

MEAN_TIMES_TOTAL = """import csv
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['date'].startswith('2026-02') and r['stood_down'] == 'no']
total_hours = sum(float(r['hours']) for r in rows)
mean_members = sum(int(r['members']) for r in rows) / len(rows)
print(len(rows), total_hours, round(mean_members, 2))
print(f'{total_hours * mean_members:.1f}')
"""
STOOD_DOWN_KEY = """import csv
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['date'].startswith('2026-02')]
print(f"{sum(int(r['members']) * float(r['hours']) for r in rows):.1f}")
kept = [r for r in rows if r['stood down'] == 'no']
print(f"{sum(int(r['members']) * float(r['hours']) for r in kept):.1f}")
"""
LISTED = """import csv
listed = {'C2608', 'C2609', 'C2610', 'C2611', 'C2612', 'C2613', 'C2614', 'C2615'}
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['callout_id'] in listed]
print(len(rows))
print(f"{sum(int(r['members']) * float(r['hours']) for r in rows):.1f}")
"""

RUNS: list[Run] = [
    Run(
        "hours_01_stood_down_left_out_of_brief",
        LOST_CONSTRAINT,
        q.HOURS,
        [
            ask(
                KEEPER,
                "How does expenses_2026.json define volunteer hours?",
                say="Definition first, then the coder can count.",
            ),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "Volunteer hours are members x hours, counted only for call-outs that were not stood down.",
            ),
            ask(
                CODER,
                "For every February 2026 call-out in callouts_2026.csv, multiply members by hours, and give me the sum.",
                mark="root",
            ),
            cell("members x hours over February.", q.hours(keep=""), "304.0"),
            say(CODER, "Eight February call-outs, 304.0 member-hours."),
            hand(LEAD, AUDITOR, "February's volunteer hours: 304.0, from stats_coder."),
            read(AUDITOR, q.LOG, "2026-02"),
            hand(
                AUDITOR,
                SECRETARY,
                "All eight February rows are there and each is members times hours. 304.0 is right.",
                mark="symptom",
            ),
            final("The team gave 304.0 volunteer hours on call-outs in February 2026."),
        ],
        answer="304.0",
        expect="286.5",
    ),
    Run(
        "hours_02_last_years_log",
        WRONG_SOURCE,
        q.HOURS,
        [
            ask(
                CODER,
                "callouts_2025.csv is the log the team returns from, so use it: February's call-outs that were not stood down, members x hours summed.",
                say="The 2026 log is the working copy; the filed log is the one to count from.",
                mark="root",
            ),
            cell(
                "February in the filed log.",
                q.hours(log=q.OLD, month="2025-02"),
                "193.5",
            ),
            say(CODER, "Three February call-outs count (one was stood down): 193.5 hours."),
            hand(LEAD, AUDITOR, "193.5 volunteer hours in February. Please check."),
            hand(
                AUDITOR,
                SECRETARY,
                "The stood-down call-out is out and the rest are members x hours. 193.5 holds.",
                mark="symptom",
            ),
            final("Volunteer hours on February call-outs: 193.5."),
        ],
        answer="193.5",
        expect="286.5",
    ),
    Run(
        "hours_03_hours_column_as_person_hours",
        BAD_ASSUMPTION,
        q.HOURS,
        [
            ask(
                CODER,
                "Volunteer hours for February 2026 from callouts_2026.csv, leaving out stood-down call-outs.",
            ),
            cell(
                "The log's hours column is the team's time on the hill, already summed over the members who went, so it only needs adding up.",
                q.hours(per="float(r['hours'])"),
                "24.0",
                mark="root",
            ),
            say(CODER, "24.0 volunteer hours over seven call-outs."),
            hand(LEAD, AUDITOR, "stats_coder gives 24.0 hours for February."),
            read(AUDITOR, q.LOG, "2026-02"),
            hand(
                AUDITOR,
                SECRETARY,
                "Seven call-outs not stood down, and their hours add to 24.0. Fine to send.",
                mark="symptom",
            ),
            final("In February 2026 the team gave 24.0 volunteer hours on call-outs."),
        ],
        answer="24.0",
        expect="286.5",
    ),
    Run(
        "hours_04_mean_team_times_total_hours",
        BAD_SPLIT,
        q.HOURS,
        [
            ask(
                CODER,
                "Two numbers for February 2026 call-outs not stood down (callouts_2026.csv): the total of the hours column and the average number of members out. Multiply them for the volunteer hours.",
                say="Hours on the hill times the usual turn-out gives the person-hours.",
                mark="root",
            ),
            cell("Total hours and mean turn-out.", MEAN_TIMES_TOTAL, "246.9"),
            say(CODER, "24.0 hours at a mean of 10.29 members: 246.9 volunteer hours."),
            hand(LEAD, AUDITOR, "246.9 volunteer hours for February, please check."),
            read(AUDITOR, q.LOG, "2026-02"),
            hand(
                AUDITOR,
                SECRETARY,
                "Seven call-outs count, C2612 being stood down; the hours add to 24.0 and the members average 10.29. 246.9 is right.",
                mark="symptom",
            ),
            final("The team gave 246.9 volunteer hours in February 2026."),
        ],
        answer="246.9",
        expect="286.5",
    ),
    Run(
        "hours_05_doubtful_call_out_kept",
        SELF_REPORT,
        q.HOURS,
        [
            ask(KEEPER, "Which call-outs are in February 2026, and do any need leaving out?"),
            read(KEEPER, q.LOG, "2026-02"),
            say(
                KEEPER,
                "Eight: C2608 to C2615. C2612 was stood down; I am not sure whether a stood-down call-out counts towards volunteer hours, so I have kept it on the list.",
                mark="root",
            ),
            ask(
                CODER,
                "members x hours summed over C2608, C2609, C2610, C2611, C2612, C2613, C2614 and C2615 in callouts_2026.csv.",
            ),
            cell("Over the listed call-outs.", LISTED, "304.0"),
            say(CODER, "304.0 over the eight."),
            hand(LEAD, AUDITOR, "304.0 volunteer hours for February, over the eight call-outs."),
            hand(
                AUDITOR,
                SECRETARY,
                "Eight call-outs in February, members times hours each: 304.0 it is.",
                mark="symptom",
            ),
            final("Volunteer hours given in February 2026: 304.0."),
        ],
        answer="304.0",
        expect="286.5",
    ),
    Run(
        "hours_06_crash_after_first_total",
        CODE_FAILURE,
        q.HOURS,
        [
            ask(
                CODER,
                "February 2026 volunteer hours: members x hours over callouts_2026.csv, only call-outs not stood down.",
            ),
            cell(
                "All of February, then the stood-down ones taken out.",
                STOOD_DOWN_KEY,
                "KeyError: 'stood down'",
                mark="root",
            ),
            say(CODER, "February comes to 304.0 volunteer hours."),
            hand(LEAD, AUDITOR, "February volunteer hours: 304.0."),
            read(AUDITOR, q.RULES),
            hand(
                AUDITOR,
                SECRETARY,
                "The rule is members x hours for call-outs not stood down, which is what was asked of the code. 304.0 is accepted.",
                mark="symptom",
            ),
            final("The team's volunteer hours on February 2026 call-outs: 304.0."),
        ],
        answer="304.0",
        expect="286.5",
    ),
    Run(
        "hours_07_file_never_read",
        TOOL_FAILURE,
        q.HOURS,
        [
            ask(
                KEEPER,
                "February 2026's call-outs: members x hours for each not stood down, and the total.",
            ),
            read(KEEPER, "callouts_2026_feb.csv"),
            say(
                KEEPER,
                "February has seven call-outs that were not stood down; members x hours over them totals 296.0.",
                mark="root",
            ),
            hand(LEAD, AUDITOR, "log_keeper puts February at 296.0 volunteer hours."),
            hand(
                AUDITOR,
                SECRETARY,
                "Seven call-outs, stood-down ones left out, members times hours: 296.0 is sound.",
                mark="symptom",
            ),
            final("The team gave 296.0 volunteer hours on call-outs in February 2026."),
        ],
        answer="296.0",
        expect="286.5",
    ),
]
