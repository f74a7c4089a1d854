"""Season-desk runs that go right, some after a near miss: a crashed cell fixed on the
next turn, a mistyped file name read again, last season's sheet put back for this
season's, a checker sending the working back to be redone, the lead asking the clerk
about a lot before sign-off, a draft sent back."""

# the turns are the agents' words as written, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _hive_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._hive_desks import HEATHER, JULY, MITES, PAY
from benchmarks.corpus._hive_script import desk
from benchmarks.corpus._hive_team import (
    ANALYST,
    CLERK,
    WRITER,
    Run,
    ask,
    cell,
    delegate,
    read,
    say,
)

RUNS: list[Run] = [
    desk("ok_pay_01_plain", HEALTHY, q.PAY, PAY, "369.30", "369.30"),
    desk("ok_heather_01_plain", HEALTHY, q.HEATHER, HEATHER, "68.0", "68.0"),
    desk("ok_mites_01_plain", HEALTHY, q.MITES, MITES, "4.2", "4.2"),
    desk("ok_july_01_plain", HEALTHY, q.JULY, JULY, "1,093.30", "1,093.30"),
    desk(
        "ok_pay_02_key_fixed",
        HEALTHY,
        q.PAY,
        PAY,
        "369.30",
        "369.30",
        before={
            "cell": [
                cell(
                    "Prices straight from the sheet",
                    q.pay().replace("p['price_per_kg_gbp']", "p['price_per_kg']"),
                    "KeyError: 'price_per_kg'",
                )
            ]
        },
    ),
    desk(
        "ok_july_02_name_fixed",
        HEALTHY,
        q.JULY,
        JULY.but(extra={"cell_thought": "Typo, row for rows; again"}),
        "1,093.30",
        "1,093.30",
        before={
            "cell": [
                cell(
                    "Summing the accepted July lots",
                    q.july().replace("print(len(rows)", "print(len(row)"),
                    "NameError: name 'row' is not defined. Did you mean: 'rows'?",
                )
            ]
        },
    ),
    desk(
        "ok_pay_03_file_name_retried",
        HEALTHY,
        q.PAY,
        PAY.but(
            reads=(
                ("deliveries_2026_08.csv", "M07", "M07's August lots"),
                (q.AUG, "M07", "Hyphen, not underscore"),
                (q.PRICES, "", "Now the price sheet"),
            )
        ),
        "369.30",
        "369.30",
    ),
    desk(
        "ok_heather_02_file_name_retried",
        HEALTHY,
        q.HEATHER,
        HEATHER.but(
            reads=(
                (q.MEMBERS, "North", "North district members"),
                ("deliveries_aug.csv", "heather", "August heather"),
                (q.AUG, "heather", "The August file is deliveries_2026-08.csv"),
            )
        ),
        "68.0",
        "68.0",
    ),
    desk(
        "ok_pay_04_sheet_swapped",
        HEALTHY,
        q.PAY,
        PAY.but(
            reads=(
                (q.AUG, "M07", "M07's lots"),
                (q.OLD_PRICES, "", "The price sheet"),
                (q.PRICES, "", "That one says season 2025; this season's is prices_2026.json"),
            )
        ),
        "369.30",
        "369.30",
    ),
    desk(
        "ok_heather_03_checker_sends_back",
        HEALTHY,
        q.HEATHER,
        HEATHER.but(
            code=q.heather(keep=""),
            prints="89.0",
            report="North heather lots L0801, L0803, L0804, L0807: 89.0 kg.",
            work="89.0 kg of North heather in August 2026.",
            to_checker=("Check the 89.0 kg of North heather.", "Four lots.", "Check"),
            check_read=(q.AUG, "L0803", "L0803's status"),
            verdict="Not yet: L0803 (21.0 kg) is marked rejected at 21.6% moisture and must come out. The figure should be the accepted lots only.",
        ),
        "68.0",
        "68.0",
        after={
            "verdict": [
                delegate(
                    ANALYST,
                    "Redo the North heather total with rejected lots left out; print the lots and total.",
                    "Checker: L0803 is rejected.",
                    "Back to the analyst",
                ),
                cell("Accepted lots only this time", q.heather(), "68.0"),
                say(ANALYST, "Accepted North heather L0801, L0804, L0807: 68.0 kg."),
            ]
        },
    ),
    desk(
        "ok_mites_02_checker_sends_back",
        HEALTHY,
        q.MITES,
        MITES.but(
            code=q.mites(keep=""),
            prints="6.3",
            report="Glenview July visits G01-G06: mean 6.3.",
            work="Glenview July mean: 6.3 mites a day.",
            to_checker=("Check the 6.3.", "Six visits.", "Check"),
            verdict="Send it back: G02 and G06 were treated, and the question asks for untreated hives only.",
        ),
        "4.2",
        "4.2",
        after={
            "verdict": [
                delegate(
                    ANALYST,
                    "Redo Glenview's July mean over untreated hives only.",
                    "Checker: G02 and G06 were treated.",
                    "Analyst, again",
                ),
                cell("Untreated only", q.mites(), "4.2"),
                say(ANALYST, "Untreated G01, G03, G04, G05: 4.2 mites a day."),
            ]
        },
    ),
    desk(
        "ok_july_03_lead_asks_about_lot",
        HEALTHY,
        q.JULY,
        JULY,
        "1,093.30",
        "1,093.30",
        before={
            "to_checker": [
                ask(
                    CLERK,
                    "Was L0704 turned away outright, or held for re-testing?",
                    "It shows rejected at 19.2% moisture in deliveries_2026-07.csv.",
                    "Before sign-off I want L0704 settled",
                ),
                read(CLERK, q.JUL, "L0704", thought="L0704's row"),
                say(
                    CLERK,
                    "L0704 is marked rejected, 19.2% moisture against the 18.6% blossom limit. No re-test on file: it is not paid.",
                ),
            ]
        },
    ),
    desk(
        "ok_mites_03_lead_asks_about_visits",
        HEALTHY,
        q.MITES,
        MITES,
        "4.2",
        "4.2",
        before={
            "to_checker": [
                ask(
                    CLERK,
                    "Were there any Glenview visits in July besides the 7th and the 21st?",
                    "The mean uses both.",
                    "One thing to confirm first",
                ),
                read(CLERK, q.INSPECTIONS, "2026-07", thought="July's visits"),
                say(CLERK, "Only those two: 7 July (G01-G04) and 21 July (G05, G06) at Glenview."),
            ]
        },
    ),
    desk(
        "ok_pay_05_draft_redone",
        HEALTHY,
        q.PAY,
        PAY,
        "369.30",
        "369.30",
        before={
            "to_writer": [
                delegate(
                    WRITER,
                    "Draft the season-log line for M07's August pay-out.",
                    "£369.30.",
                    "First draft",
                ),
                say(
                    WRITER,
                    "Morag Lindsay is owed about £370 for August.",
                    thought="A short line will do",
                ),
            ]
        },
        note="the lead sends a rounded first draft back for the exact figure",
    ),
    desk(
        "ok_heather_04_checker_rereads",
        HEALTHY,
        q.HEATHER,
        HEATHER.but(check_read=(q.MEMBERS, "", "All members, to see nobody North is missed")),
        "68.0",
        "68.0",
    ),
]
