"""Statistics desk runs that go wrong on the share of false alarms in Q1: stood-down
call-outs planned into the same bucket, a brief without the quarter, last year's log read,
a false alarm missed in a list, a quarter cut a day short, a percentage misquoted, and a
doubt about stood-down call-outs settled the wrong way."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import (
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MISREPORTED,
    SELF_REPORT,
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

EITHER = "r['category'] == 'false_alarm' or r['stood_down'] == 'yes'"
TWO_OF_13 = """alarms, total = 2, 13
print(f'{100 * alarms / total:.1f}')
"""
THREE_OF_23 = """alarms, total = 3, 23
print(f'{100 * alarms / total:.1f}')
"""

RUNS: list[Run] = [
    Run(
        "share_01_stood_down_planned_in",
        BAD_SPLIT,
        q.SHARE,
        [
            ask(
                CODER,
                "From callouts_2026.csv, January to March 2026: count the call-outs where nobody turned out to need us, meaning category false_alarm or stood_down = yes, and give them as a percentage of all Q1 call-outs.",
                say="A false alarm is any call-out where in the end nobody needed the team; one count covers both kinds.",
                mark="root",
            ),
            cell("Both kinds counted.", q.share(alarm=EITHER), "30.4"),
            say(CODER, "7 of 23 call-outs: 30.4%."),
            hand(LEAD, AUDITOR, "30.4% of Q1 call-outs were false alarms, per stats_coder."),
            read(AUDITOR, q.LOG, "false_alarm"),
            hand(
                AUDITOR,
                SECRETARY,
                "The false-alarm rows and the stood-down ones together make 7 of the 23 Q1 call-outs. 30.4% is right.",
                mark="symptom",
            ),
            final("30.4% of the team's Q1 2026 call-outs were false alarms."),
        ],
        answer="30.4",
        expect="17.4",
    ),
    Run(
        "share_02_quarter_left_out_of_brief",
        LOST_CONSTRAINT,
        q.SHARE,
        [
            ask(KEEPER, "What counts as a false alarm in the 2026 rules?"),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "A call-out whose category is false_alarm; stood-down call-outs are not false alarms. A quarter is its three months, Q1 January to March.",
            ),
            ask(
                CODER,
                "Share of call-outs in callouts_2026.csv with category false_alarm, as a percentage of all the call-outs in the file.",
                mark="root",
            ),
            cell("Whole log.", q.share(hi="2026-12-31"), "16.0"),
            say(CODER, "4 of 25: 16.0%."),
            hand(LEAD, AUDITOR, "16.0% false alarms, from stats_coder."),
            read(AUDITOR, q.LOG, "false_alarm"),
            hand(
                AUDITOR,
                SECRETARY,
                "Four false_alarm rows, none of them a stood-down call-out. 16.0% stands.",
                mark="symptom",
            ),
            final("False alarms were 16.0% of the team's call-outs in Q1 2026."),
        ],
        answer="16.0",
        expect="17.4",
    ),
    Run(
        "share_03_last_years_log_read",
        WRONG_SOURCE,
        q.SHARE,
        [
            ask(KEEPER, "How many call-outs in Q1, and how many of them false alarms?"),
            read(KEEPER, q.OLD, mark="root"),
            say(
                KEEPER,
                "Q1 has 13 call-outs, two of them false alarms: C2503 and C2509.",
            ),
            ask(CODER, "Percentage of false alarms: 2 of 13 call-outs, one decimal."),
            cell("From the log keeper's counts.", TWO_OF_13, "15.4"),
            say(CODER, "15.4%."),
            hand(LEAD, AUDITOR, "15.4% (2 of 13). Please check."),
            hand(
                AUDITOR,
                SECRETARY,
                "2 of 13 is 15.4% to one decimal. Approved.",
                mark="symptom",
            ),
            final("15.4% of the team's Q1 2026 call-outs were false alarms."),
        ],
        answer="15.4",
        expect="17.4",
    ),
    Run(
        "share_04_false_alarm_missed_in_list",
        WRONG_INPUT,
        q.SHARE,
        [
            ask(KEEPER, "Count Q1 2026 call-outs and the false alarms among them."),
            read(KEEPER, q.LOG, "false_alarm"),
            read(KEEPER, q.LOG, "2026-0"),
            say(
                KEEPER,
                "23 call-outs between 1 January and 31 March. False alarms: C2603, C2609 and C2615, three in all.",
                mark="root",
            ),
            ask(CODER, "3 false alarms out of 23 call-outs as a percentage, one decimal."),
            cell("Straight division.", THREE_OF_23, "13.0"),
            say(CODER, "13.0%."),
            hand(LEAD, AUDITOR, "3 of 23 Q1 call-outs were false alarms: 13.0%."),
            hand(
                AUDITOR,
                SECRETARY,
                "23 is the right count for the quarter, and 3 of 23 is 13.0%. Goes out.",
                mark="symptom",
            ),
            final("13.0% of Q1 2026 call-outs were false alarms."),
        ],
        answer="13.0",
        expect="17.4",
    ),
    Run(
        "share_05_quarter_cut_a_day_short",
        WRONG_ACCEPTED,
        q.SHARE,
        [
            ask(
                CODER,
                "Percentage of Q1 2026 call-outs (January to March) with category false_alarm, from callouts_2026.csv.",
            ),
            cell("Q1 rows, then the false alarms.", q.share(hi="2026-03-30"), "18.2", mark="root"),
            say(CODER, "4 false alarms of 22 call-outs: 18.2%."),
            hand(LEAD, AUDITOR, "Share of false alarms, Q1: 18.2%."),
            read(AUDITOR, q.LOG, "false_alarm"),
            hand(
                AUDITOR,
                SECRETARY,
                "Four false_alarm rows in the quarter, which is what the coder has. 18.2% is right.",
                mark="symptom",
            ),
            final("False alarms made up 18.2% of Q1 2026 call-outs."),
        ],
        answer="18.2",
        expect="17.4",
    ),
    Run(
        "share_06_percentage_misquoted",
        MISREPORTED,
        q.SHARE,
        [
            ask(
                CODER,
                "False alarms as a percentage of Q1 2026 call-outs in callouts_2026.csv; a false alarm is category false_alarm only.",
            ),
            cell("January to March.", q.share(), "17.4"),
            say(CODER, "4 of 23 call-outs: 17.4%."),
            hand(LEAD, AUDITOR, "stats_coder has 4 false alarms of 23 call-outs in Q1."),
            read(AUDITOR, q.LOG, "false_alarm"),
            hand(
                AUDITOR,
                SECRETARY,
                "Four false alarms in Q1 out of 23 call-outs, so 17.1%.",
                mark="root",
            ),
            final("17.1% of the team's Q1 2026 call-outs were false alarms.", mark="symptom"),
        ],
        answer="17.1",
        expect="17.4",
    ),
    Run(
        "share_07_stood_down_doubt",
        SELF_REPORT,
        q.SHARE,
        [
            ask(
                CODER,
                "What share of Q1 2026 call-outs were false alarms? callouts_2026.csv.",
            ),
            cell(
                "I am not sure whether a stood-down call-out counts as a false alarm; I have counted those in as well, to be on the safe side.",
                q.share(alarm=EITHER),
                "30.4",
                mark="root",
            ),
            say(CODER, "30.4%, 7 of 23, with the stood-down call-outs counted in."),
            hand(LEAD, AUDITOR, "30.4% false alarms in Q1."),
            hand(
                AUDITOR,
                SECRETARY,
                "7 of 23 call-outs ended with nobody to rescue; 30.4% will do.",
                mark="symptom",
            ),
            final("False alarms were 30.4% of Q1 2026 call-outs."),
        ],
        answer="30.4",
        expect="17.4",
    ),
]
