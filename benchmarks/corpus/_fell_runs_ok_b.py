"""Statistics desk runs that go right on the false-alarm share and the people helped on
Birk Fell, some after a near miss: last year's log read first, a doubt about stood-down
call-outs settled from the rules, a quarter that ran into April caught by the coder."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import HEALTHY
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

LISTED_OK = """import csv
listed = {'C2602', 'C2606', 'C2609', 'C2611', 'C2614', 'C2618', 'C2621', 'C2623'}
rows = [r for r in csv.DictReader(open('callouts_2026.csv')) if r['callout_id'] in listed]
print(len(rows))
print(sum(int(r['persons']) for r in rows))
"""

SHARE_OK = "17.4% of the team's Q1 2026 call-outs were false alarms: 4 of 23."
HELPED_OK = (
    "The team helped 10 people on Birk Fell in Q1 2026, over eight call-outs that went ahead."
)

RUNS: list[Run] = [
    Run(
        "ok_share_01_plain",
        HEALTHY,
        q.SHARE,
        [
            ask(
                CODER,
                "Q1 2026 (January to March) call-outs in callouts_2026.csv: the percentage whose category is false_alarm. Stood-down call-outs are not false alarms.",
            ),
            cell("Q1 rows, false_alarm category.", q.share(), "17.4"),
            say(CODER, "4 of 23: 17.4%."),
            hand(LEAD, AUDITOR, "17.4% false alarms in Q1, 4 of 23."),
            read(AUDITOR, q.LOG, "false_alarm"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2603, C2609, C2615 and C2620 are the quarter's false alarms, of 23 call-outs. 17.4%.",
            ),
            final(SHARE_OK),
        ],
        answer="17.4",
        expect="17.4",
    ),
    Run(
        "ok_share_02_old_log_read_first",
        HEALTHY,
        q.SHARE,
        [
            ask(KEEPER, "How many call-outs in Q1 2026, and how many were false alarms?"),
            read(KEEPER, q.OLD),
            read(KEEPER, q.LOG, "2026-0", say="That was 2025's log. The 2026 one now."),
            say(
                KEEPER,
                "Q1 2026: 23 call-outs from C2601 to C2623 (C2624 and C2625 are April). False alarms: C2603, C2609, C2615 and C2620.",
            ),
            ask(
                CODER, "Check by code: false_alarm share of Q1 2026 call-outs in callouts_2026.csv."
            ),
            cell("Q1 2026.", q.share(), "17.4"),
            say(CODER, "17.4%, 4 of 23, as the keeper counted."),
            hand(LEAD, AUDITOR, "Q1 false alarms: 4 of 23, 17.4%."),
            hand(AUDITOR, SECRETARY, "The keeper's count and the code agree. 17.4% goes out."),
            final(SHARE_OK),
        ],
        answer="17.4",
        expect="17.4",
    ),
    Run(
        "ok_share_03_doubt_settled_from_rules",
        HEALTHY,
        q.SHARE,
        [
            ask(
                CODER, "Share of Q1 2026 call-outs that were false alarms, from callouts_2026.csv."
            ),
            cell("Counting category false_alarm for now.", q.share(), "17.4"),
            say(
                CODER,
                "17.4% if only the false_alarm category counts. I am not sure whether the three stood-down call-outs should be in too; with them it would be 30.4%.",
            ),
            ask(
                KEEPER,
                "Does a stood-down call-out count as a false alarm under expenses_2026.json?",
            ),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "No: a false alarm is a call-out whose category is false_alarm, and a stood-down call-out is not a false alarm.",
            ),
            hand(
                LEAD, AUDITOR, "17.4% false alarms; the rules keep stood-down call-outs out of it."
            ),
            hand(AUDITOR, SECRETARY, "By the rules' definition it is 4 of 23: 17.4%."),
            final(SHARE_OK),
        ],
        answer="17.4",
        expect="17.4",
    ),
    Run(
        "ok_helped_01_plain",
        HEALTHY,
        q.HELPED,
        [
            ask(
                CODER,
                "People helped on Birk Fell (area birk) in Q1 2026: sum persons over callouts_2026.csv rows from January to March that were not stood down.",
            ),
            cell("Birk Fell, Q1, went ahead.", q.helped(), "10"),
            say(CODER, "10 people over eight call-outs."),
            hand(LEAD, AUDITOR, "10 people helped on Birk Fell in Q1."),
            read(AUDITOR, q.LOG, "birk"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2605 and C2616 were stood down and are out; the other eight add to 10. Right.",
            ),
            final(HELPED_OK),
        ],
        answer="10 people",
        expect="10 people",
    ),
    Run(
        "ok_helped_02_april_caught",
        HEALTHY,
        q.HELPED,
        [
            ask(
                CODER,
                "Birk Fell, Q1 2026, people helped on call-outs that were not stood down; callouts_2026.csv.",
            ),
            cell("Birk Fell, not stood down.", q.helped(hi="2026-04-30"), "11"),
            cell(
                "C2624 is dated 2 April, outside Q1; the quarter ends on 31 March.",
                q.helped(),
                "10",
            ),
            say(CODER, "10 people, January to March only."),
            hand(LEAD, AUDITOR, "10 people on Birk Fell in Q1, April's call-out left out."),
            hand(AUDITOR, SECRETARY, "10 is right for January to March."),
            final(HELPED_OK),
        ],
        answer="10 people",
        expect="10 people",
    ),
    Run(
        "ok_helped_03_keeper_lists_them",
        HEALTHY,
        q.HELPED,
        [
            ask(KEEPER, "Birk Fell call-outs in Q1 2026 that went ahead, please."),
            read(KEEPER, q.LOG, "birk"),
            say(
                KEEPER,
                "C2602, C2606, C2609, C2611, C2614, C2618, C2621 and C2623. C2605 and C2616 were stood down; C2624 is April.",
            ),
            ask(
                CODER,
                "Sum persons over C2602, C2606, C2609, C2611, C2614, C2618, C2621 and C2623 in callouts_2026.csv.",
            ),
            cell("Over the eight.", LISTED_OK, "10"),
            say(CODER, "10 people."),
            hand(LEAD, AUDITOR, "Birk Fell, Q1: 10 people."),
            read(AUDITOR, q.LOG, "yes"),
            hand(AUDITOR, SECRETARY, "Both Birk Fell stand-downs are off the list. 10 is right."),
            final(HELPED_OK),
        ],
        answer="10 people",
        expect="10 people",
    ),
]
