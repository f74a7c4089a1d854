"""Berth office runs on occupancy and cargo dues that go right, some after a near miss: a
time format fixed, a cancelled call set aside, last year's tariff put back, a cancelled
call caught by the checker and the job re-planned by the berth master."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _port_tasks as q
from benchmarks.corpus._common import HEALTHY
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

RATES_2026 = "2026 cargo dues per tonne: grain £0.62, steel £0.95, fuel oil £0.84, fertiliser £0.71, timber £0.58, on tonnes discharged or loaded; completed calls only."

RUNS: list[Run] = [
    Run(
        "ok_occ_01_plain",
        HEALTHY,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: clerk, B3's October calls; coder, hours alongside on completed calls over the month's hours; checker; writer.",
            ),
            read(CLERK, q.OCT, "B3"),
            hand(
                CLERK,
                CODER,
                "B3 in October: C1001, C1005, C1010, C1012, C1014 completed; C1008 cancelled. Times in calls_2026-10.csv.",
            ),
            cell("Completed B3 calls over 744 hours.", q.occupancy(), "19.4"),
            hand(CODER, CHECKER, "144 hours alongside, 19.4% of 744."),
            ask_dues("How many hours go in October for berth occupancy?"),
            answer("744, that is 24 times October's 31 days, per port_rules.json."),
            hand(CHECKER, WRITER, "744-hour base confirmed, cancelled call out. 19.4%."),
            final(
                "Berth B3 (Coal Staithe) was occupied 19.4% of October 2026: 144 hours alongside on five completed calls out of 744."
            ),
        ],
        answer="19.4%",
        expect="19.4%",
    ),
    Run(
        "ok_occ_02_time_format_fixed",
        HEALTHY,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                CODER,
                "Coder: B3's October 2026 occupancy from calls_2026-10.csv, completed calls over 744 hours. Checker, then writer.",
            ),
            cell("Parsing the times.", q.OCC_STRP, q.STRP_ERROR),
            cell(
                "The file's times have a space, not a T; fromisoformat takes them as they are.",
                q.occupancy(),
                "19.4",
            ),
            hand(CODER, CHECKER, "Five completed calls on B3, 144 hours: 19.4%."),
            read(CHECKER, q.OCT, "B3"),
            hand(
                CHECKER,
                WRITER,
                "The five completed B3 calls add to 144 hours and C1008 is cancelled. 19.4%.",
            ),
            final("Berth B3's occupancy in October 2026 was 19.4%, 144 of the month's 744 hours."),
        ],
        answer="19.4%",
        expect="19.4%",
    ),
    Run(
        "ok_occ_03_cancelled_set_aside",
        HEALTHY,
        q.OCCUPANCY,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: how the port defines occupancy. Then the clerk's B3 calls, the coder, checker, writer.",
            ),
            read(DUES, "port_rules.json"),
            hand(
                DUES,
                CLERK,
                "Hours alongside on completed calls over 24 x the days in the month: 744 for October. Clerk, B3's October calls.",
            ),
            read(CLERK, q.OCT, "B3"),
            hand(
                CLERK,
                CODER,
                "Six B3 rows in October. C1008 was cancelled, so I've set it aside; the five completed are C1001, C1005, C1010, C1012, C1014.",
            ),
            cell("Completed B3 calls.", q.occupancy(), "19.4"),
            hand(CODER, CHECKER, "144 hours over 744: 19.4%."),
            hand(CHECKER, WRITER, "Rule followed and the cell reads the file itself. 19.4%."),
            final(
                "Berth B3 was occupied 19.4% of October 2026: 144 hours alongside on completed calls out of 744."
            ),
        ],
        answer="19.4%",
        expect="19.4%",
    ),
    Run(
        "ok_cargo_01_plain",
        HEALTHY,
        q.CARGO,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: clerk, October's calls with cargo, tonnes and status; dues officer, the 2026 cargo rates; coder prices them; checker; writer.",
            ),
            read(CLERK, q.OCT),
            hand(
                CLERK,
                DUES,
                "14 calls in October, 13 completed; C1008 was cancelled. Cargoes: grain, steel, fuel oil, fertiliser, timber.",
            ),
            read(DUES, q.T26),
            hand(DUES, CODER, RATES_2026),
            cell("Completed calls at the 2026 rates.", q.cargo(), "17716.10"),
            hand(CODER, CHECKER, "13 completed calls, 23,930 t: £17,716.10."),
            read(CHECKER, q.OCT, "cancelled"),
            hand(CHECKER, WRITER, "Only C1008 is cancelled and it's out. £17,716.10."),
            final(
                "The port earns £17,716.10 in cargo dues on its October 2026 calls under the 2026 tariff: 23,930 tonnes over 13 completed calls."
            ),
        ],
        answer="17,716.10",
        expect="17,716.10",
    ),
    Run(
        "ok_cargo_02_tariff_year_reread",
        HEALTHY,
        q.CARGO,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: cargo rates for the coder; the coder prices October's completed calls; checker; writer.",
            ),
            read(DUES, q.T25),
            read(
                DUES,
                q.T26,
                say="That file is the 2025 schedule; the question is on the 2026 tariff.",
            ),
            hand(DUES, CODER, RATES_2026),
            cell("October at the 2026 rates.", q.cargo(), "17716.10"),
            hand(CODER, CHECKER, "£17,716.10 over 13 completed calls."),
            read(CHECKER, q.T26),
            hand(CHECKER, WRITER, "The cell reads tariff_2026.json and drops C1008. £17,716.10."),
            final(
                "Under the 2026 tariff, cargo dues on the port's October 2026 calls come to £17,716.10."
            ),
        ],
        answer="17,716.10",
        expect="17,716.10",
    ),
    Run(
        "ok_cargo_03_replanned_after_check",
        HEALTHY,
        q.CARGO,
        [
            hand(
                LEAD,
                CODER,
                "Coder: October 2026 cargo dues from calls_2026-10.csv at the 2026 tariff. Checker, then writer.",
            ),
            cell("Tonnes times rate.", q.cargo(keep=""), "18646.10"),
            hand(CODER, CHECKER, "£18,646.10 over the October calls."),
            read(CHECKER, q.OCT, "cancelled"),
            hand(
                CHECKER,
                LEAD,
                "The sum includes C1008, which was cancelled; the tariff charges completed calls only. Needs redoing.",
            ),
            hand(LEAD, CODER, "Coder: same again on completed calls only."),
            cell("Completed calls only.", q.cargo(), "17716.10"),
            hand(CODER, CHECKER, "£17,716.10 on 13 completed calls."),
            hand(CHECKER, WRITER, "Cancelled call out now. £17,716.10."),
            final(
                "The port earns £17,716.10 in cargo dues on its 13 completed October 2026 calls under the 2026 tariff."
            ),
        ],
        answer="17,716.10",
        expect="17,716.10",
    ),
]
