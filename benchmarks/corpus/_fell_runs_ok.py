"""probe"""
# ruff: noqa: E501
from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._fell_team import AUDITOR, CODER, KEEPER, LEAD, SECRETARY, Run, ask, cell, final, hand, read, say

RUNS: list[Run] = [
    Run(
        "ok_pay_01_plain",
        HEALTHY,
        q.PAY,
        [
            ask(KEEPER, "Which members are probationers, and what do the 2026 expense rules pay per mile and for a stood-down call-out?", say="Two parts: who and how much, from the log keeper; then the sum from stats_coder."),
            read(KEEPER, q.MEMBERS),
            read(KEEPER, q.RULES),
            say(KEEPER, "Probationers: M09 Ivy Pattinson and M10 Joe Rigg; the team does not pay their claims. 45p a mile, except a claim on a stood-down call-out, which is a flat £6.00."),
            ask(CODER, "Total the Q1 claims in mileage_2026-q1.csv the team pays: leave out M09 and M10, pay a claim on a stood-down call-out (stood_down = yes in callouts_2026.csv) £6.00 flat, the rest miles at 45p. Rates are in expenses_2026.json."),
            cell("Claims the team pays, flat rate where the call-out was stood down.", q.pay(), "235.05"),
            say(CODER, "29 claims, £235.05 in all."),
            hand(LEAD, AUDITOR, "stats_coder makes the team's Q1 mileage £235.05 over 29 claims. Check it, please."),
            read(AUDITOR, q.LOG, "yes"),
            hand(AUDITOR, SECRETARY, "Probationers are out, the three stood-down call-outs' claims are at £6.00, the rest at 45p a mile. £235.05 stands."),
            final("Crannock Valley MRT owes its members £235.05 in mileage for Q1 2026 call-outs."),
        ],
        answer="235.05",
        expect="235.05",
    ),
]
