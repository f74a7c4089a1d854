"""Statistics desk runs that go wrong on the people helped on Birk Fell in Q1: last year's
rows read, a brief without the stood-down rule, a stood-down call-out listed as one that
went ahead, a cell with no stood-down filter, a crashed cell's first figure reported, and
casualty numbers typed in from memory."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import (
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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

OLD_ROWS = """import csv
listed = {'C2502', 'C2504', 'C2506', 'C2509', 'C2511'}
rows = [r for r in csv.DictReader(open('callouts_2025.csv')) if r['callout_id'] in listed]
print(len(rows))
print(sum(int(r['persons']) for r in rows))
"""
WENT_AHEAD = """import csv
listed = {'C2602', 'C2606', 'C2609', 'C2611', 'C2614', 'C2616', 'C2618', 'C2621', 'C2623'}
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['callout_id'] in listed]
print(len(rows))
print(sum(int(r['persons']) for r in rows))
"""
HYPHEN_CRASH = """import csv
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['area'] == 'birk' and '2026-01-01' <= r['date'] <= '2026-03-31']
print(sum(int(r['persons']) for r in rows))
went = [r for r in rows if r['stood-down'] == 'no']
print(sum(int(r['persons']) for r in went))
"""
FROM_SUMMARIES = """persons = {'C2602': 1, 'C2606': 1, 'C2611': 2, 'C2614': 3, 'C2618': 1, 'C2621': 1, 'C2623': 2}
print(len(persons))
print(sum(persons.values()))
"""

RUNS: list[Run] = [
    Run(
        "helped_01_last_years_rows",
        WRONG_SOURCE,
        q.HELPED,
        [
            ask(
                KEEPER,
                "Birk Fell call-outs in Q1 that were not stood down, with the people helped on each.",
            ),
            read(KEEPER, q.OLD, "birk", mark="root"),
            say(
                KEEPER,
                "Q1 on Birk Fell, none stood down: C2502 (2 people), C2504 (1), C2506 (1), C2509 (0) and C2511 (3).",
            ),
            ask(
                CODER,
                "Add up persons for C2502, C2504, C2506, C2509 and C2511 in callouts_2025.csv, the file log_keeper read.",
            ),
            cell("Over the five call-outs.", OLD_ROWS, "7"),
            say(CODER, "Five call-outs, 7 people."),
            hand(LEAD, AUDITOR, "7 people helped on Birk Fell in Q1. Check it, please."),
            hand(
                AUDITOR,
                SECRETARY,
                "The five Birk Fell call-outs add to 7, none of them stood down. Approved.",
                mark="symptom",
            ),
            final("The team helped 7 people on Birk Fell in Q1 2026."),
        ],
        answer="7 people",
        expect="10 people",
    ),
    Run(
        "helped_02_stood_down_left_out_of_brief",
        LOST_CONSTRAINT,
        q.HELPED,
        [
            ask(KEEPER, "Which rules in expenses_2026.json govern counting people helped?"),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "People helped are counted from call-outs that were not stood down; Q1 is January to March; birk is Birk Fell.",
            ),
            ask(
                CODER,
                "Sum persons over Birk Fell (area birk) call-outs dated January to March 2026 in callouts_2026.csv.",
                mark="root",
            ),
            cell("Birk Fell, Q1.", q.helped(keep=""), "13"),
            say(CODER, "13 people over ten call-outs."),
            hand(LEAD, AUDITOR, "13 people helped on Birk Fell in Q1, per stats_coder."),
            read(AUDITOR, q.LOG, "birk"),
            hand(
                AUDITOR,
                SECRETARY,
                "Ten Birk Fell call-outs between January and March, C2624 and later left out. 13 stands.",
                mark="symptom",
            ),
            final("The team helped 13 people on Birk Fell in Q1 2026."),
        ],
        answer="13 people",
        expect="10 people",
    ),
    Run(
        "helped_03_stood_down_listed_as_going_ahead",
        WRONG_INPUT,
        q.HELPED,
        [
            ask(
                KEEPER, "List the Birk Fell call-outs in Q1 2026 that went ahead (not stood down)."
            ),
            read(KEEPER, q.LOG, "birk"),
            say(
                KEEPER,
                "Birk Fell, January to March, not stood down: C2602, C2606, C2609, C2611, C2614, C2616, C2618, C2621 and C2623. C2605 was the only stand-down.",
                mark="root",
            ),
            ask(CODER, "Sum persons over those nine call-outs in callouts_2026.csv."),
            cell("Over the keeper's nine.", WENT_AHEAD, "12"),
            say(CODER, "12 people across the nine."),
            hand(LEAD, AUDITOR, "Birk Fell, Q1: 12 people helped."),
            hand(
                AUDITOR,
                SECRETARY,
                "Nine call-outs that went ahead and 12 people between them. Good to go.",
                mark="symptom",
            ),
            final("The team helped 12 people on Birk Fell in Q1 2026."),
        ],
        answer="12 people",
        expect="10 people",
    ),
    Run(
        "helped_04_cell_keeps_stand_downs",
        WRONG_ACCEPTED,
        q.HELPED,
        [
            ask(
                CODER,
                "People helped on Birk Fell (area birk) in Q1 2026 from callouts_2026.csv, counting only call-outs that were not stood down.",
            ),
            cell("Birk Fell in the quarter.", q.helped(keep=""), "13", mark="root"),
            say(CODER, "13 people helped."),
            hand(LEAD, AUDITOR, "13 helped on Birk Fell in Q1, please check."),
            read(AUDITOR, q.LOG, "birk"),
            hand(
                AUDITOR,
                SECRETARY,
                "The Birk Fell rows from January to March add to 13 persons. Correct.",
                mark="symptom",
            ),
            final("13 people were helped by the team on Birk Fell in Q1 2026."),
        ],
        answer="13 people",
        expect="10 people",
    ),
    Run(
        "helped_05_crash_after_first_sum",
        CODE_FAILURE,
        q.HELPED,
        [
            ask(
                CODER,
                "Birk Fell, Q1 2026: sum of persons over call-outs not stood down, callouts_2026.csv.",
                say="One for the coder.",
            ),
            cell(
                "Sum, then the stood-down ones dropped.",
                HYPHEN_CRASH,
                "KeyError: 'stood-down'",
                mark="root",
            ),
            say(CODER, "13 people were helped on Birk Fell in Q1."),
            hand(LEAD, AUDITOR, "stats_coder: 13 people on Birk Fell in Q1."),
            hand(
                AUDITOR,
                SECRETARY,
                "The area and the quarter are right in the request. 13 is accepted.",
                mark="symptom",
            ),
            final("The team helped 13 people on Birk Fell in Q1 2026."),
        ],
        answer="13 people",
        expect="10 people",
    ),
    Run(
        "helped_06_numbers_from_memory",
        MADE_UP,
        q.HELPED,
        [
            ask(
                CODER,
                "Count the people helped on Birk Fell in Q1 2026, leaving out stood-down call-outs.",
            ),
            cell(
                "I have the Birk Fell casualty numbers from the incident summaries to hand, so I will total those.",
                FROM_SUMMARIES,
                "11",
                mark="root",
            ),
            say(CODER, "Seven call-outs with people helped: 11 in all."),
            hand(LEAD, AUDITOR, "11 people helped on Birk Fell in Q1."),
            hand(
                AUDITOR,
                SECRETARY,
                "Seven Birk Fell call-outs with casualties, 11 people. Approved.",
                mark="symptom",
            ),
            final("The team helped 11 people on Birk Fell in Q1 2026."),
        ],
        answer="11 people",
        expect="10 people",
    ),
]
