"""Statistics desk runs that go right on the mileage and February's hours, some after a
near miss: a crashed cell fixed, the auditor sending back a sum that paid probationers
and another that kept a stood-down call-out, a mistyped file name retried."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._fell_runs_pay import FLAT_KEY_CRASH
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

PAY_OK = "Crannock Valley MRT owes its members £235.05 in mileage for Q1 2026 call-outs: 29 claims, probationers' claims left to the county fund."
HOURS_OK = "The team gave 286.5 volunteer hours on call-outs in February 2026 (members x hours over the seven call-outs that were not stood down)."

RUNS: list[Run] = [
    Run(
        "ok_pay_01_plain",
        HEALTHY,
        q.PAY,
        [
            ask(
                KEEPER,
                "Which members are probationers, and what do the 2026 expense rules pay per mile and for a stood-down call-out?",
                say="Two parts: who and how much, from the log keeper; then the sum from stats_coder.",
            ),
            read(KEEPER, q.MEMBERS, "probationer"),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "Probationers: M09 Ivy Pattinson and M10 Joe Rigg; the team does not pay their claims. 45p a mile, except a claim on a stood-down call-out, which is a flat £6.00.",
            ),
            ask(
                CODER,
                "Total the Q1 claims in mileage_2026-q1.csv the team pays: leave out M09 and M10, pay a claim on a stood-down call-out (stood_down = yes in callouts_2026.csv) £6.00 flat, the rest miles at 45p. Rates are in expenses_2026.json.",
            ),
            cell(
                "Claims the team pays, flat rate where the call-out was stood down.",
                q.pay(),
                "235.05",
            ),
            say(CODER, "29 claims, £235.05 in all."),
            hand(
                LEAD,
                AUDITOR,
                "stats_coder makes the team's Q1 mileage £235.05 over 29 claims. Check it, please.",
            ),
            read(AUDITOR, q.LOG, "yes"),
            hand(
                AUDITOR,
                SECRETARY,
                "Probationers are out, the three stood-down call-outs' claims are at £6.00, the rest at 45p a mile. £235.05 stands.",
            ),
            final(PAY_OK),
        ],
        answer="235.05",
        expect="235.05",
    ),
    Run(
        "ok_pay_02_flat_key_fixed",
        HEALTHY,
        q.PAY,
        [
            ask(
                CODER,
                "Q1 2026 mileage owed by the team: mileage_2026-q1.csv, members.csv (probationers are not paid), callouts_2026.csv (stood_down), expenses_2026.json (pence_per_mile, and the flat payment for a claim on a stood-down call-out).",
            ),
            cell("Miles first, then the flat payments.", FLAT_KEY_CRASH, "KeyError: 'flat_gbp'"),
            cell(
                "The flat payment's key is stood_down_flat_gbp, not flat_gbp; the 211.05 printed was only the miles. Running the whole thing again.",
                q.pay(),
                "235.05",
            ),
            say(CODER, "£235.05: £211.05 in miles and four stood-down claims at £6.00."),
            hand(LEAD, AUDITOR, "Q1 mileage £235.05 from stats_coder, after a fix to its code."),
            read(AUDITOR, q.MEMBERS, "probationer"),
            hand(
                AUDITOR,
                SECRETARY,
                "No probationer claims are paid and the flat rate is the rules'. £235.05 is right.",
            ),
            final(PAY_OK),
        ],
        answer="235.05",
        expect="235.05",
    ),
    Run(
        "ok_pay_03_probationers_sent_back",
        HEALTHY,
        q.PAY,
        [
            ask(
                CODER,
                "Q1 2026 mileage the team owes, from mileage_2026-q1.csv, callouts_2026.csv and expenses_2026.json: 45p a mile, £6.00 flat on a stood-down call-out.",
                say="Straight to the coder with the rates.",
            ),
            cell("Every claim priced.", q.pay(who="True"), "289.50"),
            say(CODER, "£289.50 over 35 claims."),
            hand(LEAD, AUDITOR, "£289.50 for Q1 mileage. Please check."),
            read(AUDITOR, q.MEMBERS, "probationer"),
            hand(
                AUDITOR,
                LEAD,
                "Six of those 35 claims are M09's and M10's, and they are probationers: the county fund pays them, not the team. Take them out and rerun.",
            ),
            ask(CODER, "Rerun without the claims of probationers M09 and M10 (members.csv)."),
            cell("Probationers out.", q.pay(), "235.05"),
            say(CODER, "29 claims, £235.05."),
            hand(LEAD, AUDITOR, "Rerun without probationers: £235.05."),
            hand(
                AUDITOR,
                SECRETARY,
                "That is the 29 claims the team pays, at the rules' rates: £235.05.",
            ),
            final(PAY_OK),
        ],
        answer="235.05",
        expect="235.05",
    ),
    Run(
        "ok_pay_04_coder_briefed_in_full",
        HEALTHY,
        q.PAY,
        [
            ask(
                CODER,
                "Q1 2026 mileage: every claim in mileage_2026-q1.csv except probationers' (status in members.csv); a claim on a call-out marked stood_down = yes in callouts_2026.csv is paid stood_down_flat_gbp, any other its miles at pence_per_mile (expenses_2026.json).",
                say="The rules are short enough to brief in one go.",
            ),
            cell("As briefed.", q.pay(), "235.05"),
            say(CODER, "£235.05 over 29 claims."),
            hand(LEAD, AUDITOR, "Q1 mileage: £235.05 for 29 claims."),
            read(AUDITOR, q.CLAIMS, "C2616"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2616's claim is at the flat £6.00 and the probationers are out. £235.05.",
            ),
            final(PAY_OK),
        ],
        answer="235.05",
        expect="235.05",
    ),
    Run(
        "ok_hours_01_plain",
        HEALTHY,
        q.HOURS,
        [
            ask(KEEPER, "What does expenses_2026.json say volunteer hours are?"),
            read(KEEPER, q.RULES),
            say(KEEPER, "members x hours, counted for call-outs that were not stood down."),
            ask(
                CODER,
                "Volunteer hours for February 2026: members x hours over the call-outs in callouts_2026.csv not stood down.",
            ),
            cell("February, stood-down call-outs out.", q.hours(), "286.5"),
            say(CODER, "Seven call-outs, 286.5 volunteer hours."),
            hand(LEAD, AUDITOR, "February: 286.5 volunteer hours."),
            read(AUDITOR, q.LOG, "2026-02"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2612 was stood down and is out; the other seven are members times hours. 286.5 stands.",
            ),
            final(HOURS_OK),
        ],
        answer="286.5",
        expect="286.5",
    ),
    Run(
        "ok_hours_02_file_name_retried",
        HEALTHY,
        q.HOURS,
        [
            ask(KEEPER, "February 2026 call-outs, with members, hours and whether stood down."),
            read(KEEPER, "callouts_2026_feb.csv"),
            read(
                KEEPER,
                q.LOG,
                "2026-02",
                say="No February file of its own; the month is in the year's log.",
            ),
            say(
                KEEPER,
                "Eight February call-outs, C2608 to C2615; C2612 was stood down.",
            ),
            ask(
                CODER,
                "members x hours summed over February 2026 call-outs in callouts_2026.csv, without C2612 and any other stood-down one.",
            ),
            cell("February, stood-down out.", q.hours(), "286.5"),
            say(CODER, "286.5 over seven call-outs."),
            hand(LEAD, AUDITOR, "286.5 volunteer hours in February, please check."),
            hand(
                AUDITOR,
                SECRETARY,
                "Seven call-outs went ahead in February; 286.5 is their members x hours.",
            ),
            final(HOURS_OK),
        ],
        answer="286.5",
        expect="286.5",
    ),
    Run(
        "ok_hours_03_stand_down_sent_back",
        HEALTHY,
        q.HOURS,
        [
            ask(CODER, "February 2026 volunteer hours: members x hours over callouts_2026.csv."),
            cell("members x hours, February.", q.hours(keep=""), "304.0"),
            say(CODER, "304.0 over eight call-outs."),
            hand(LEAD, AUDITOR, "February volunteer hours, 304.0."),
            read(AUDITOR, q.RULES),
            hand(
                AUDITOR,
                LEAD,
                "Volunteer hours count only call-outs that were not stood down, and C2612 in February was. It needs taking out.",
            ),
            ask(CODER, "Again, leaving out call-outs with stood_down = yes."),
            cell("Stood-down call-outs out.", q.hours(), "286.5"),
            say(CODER, "286.5 over seven."),
            hand(LEAD, AUDITOR, "286.5 without C2612."),
            hand(AUDITOR, SECRETARY, "286.5 volunteer hours for February is right."),
            final(HOURS_OK),
        ],
        answer="286.5",
        expect="286.5",
    ),
]
