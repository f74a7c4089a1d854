"""Berth office runs on October's cargo dues that go wrong: a tariff read that failed, rates
pencilled in, steel's rate misquoted, loads left out, a plan on the 2025 schedule,
September's calls, a cell that keeps the cancelled call."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _port_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    MADE_UP,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
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

PLAN = "Plan: the clerk lists October's completed calls with cargo and tonnes; the dues officer gives the 2026 cargo rates; the coder prices them; checker; writer."
RATES_2026 = "2026 cargo dues per tonne: grain £0.62, steel £0.95, fuel oil £0.84, fertiliser £0.71, timber £0.58; charged on tonnes discharged or loaded, completed calls only."
R26 = {"grain": 0.62, "steel": 0.95, "fuel oil": 0.84, "fertiliser": 0.71, "timber": 0.58}

RUNS: list[Run] = [
    Run(
        "cargo_01_tariff_read_failed",
        TOOL_FAILURE,
        q.CARGO,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: the 2026 cargo rates per tonne. The coder then applies them to October's completed calls; checker; writer.",
            ),
            read(DUES, "tariff_2026.csv", mark="root"),
            hand(
                DUES,
                CODER,
                "2026 cargo dues per tonne: grain £0.58, steel £0.90, fuel oil £0.79, fertiliser £0.68, timber £0.55. Charged on completed calls, discharged or loaded.",
            ),
            cell(
                "Pricing October's completed calls.",
                q.cargo_given(
                    {
                        "grain": 0.58,
                        "steel": 0.90,
                        "fuel oil": 0.79,
                        "fertiliser": 0.68,
                        "timber": 0.55,
                    }
                ),
                "16695.20",
            ),
            hand(CODER, CHECKER, "13 completed calls, 23,930 t, £16,695.20 in cargo dues."),
            read(CHECKER, q.OCT),
            hand(
                CHECKER,
                WRITER,
                "Thirteen completed calls, C1008 left out, tonnes match the file. £16,695.20.",
                mark="symptom",
            ),
            final(
                "The port earns £16,695.20 in cargo dues on its October 2026 calls under the 2026 tariff: 23,930 tonnes over 13 completed calls."
            ),
        ],
        answer="16,695.20",
        expect="17,716.10",
    ),
    Run(
        "cargo_02_rates_pencilled_in",
        MADE_UP,
        q.CARGO,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: 2026 cargo rates to the coder, who prices October's completed calls; checker; writer.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CODER,
                "2026 cargo dues: grain £0.62, steel £0.95, fuel oil £0.84 per tonne; the other cargoes at their tariff rates. Completed calls only.",
            ),
            cell(
                "Fertiliser and timber weren't in the note, so I've put £0.65 a tonne in for both for now.",
                q.cargo_given({**R26, "fertiliser": 0.65, "timber": 0.65}),
                "17745.90",
                mark="root",
            ),
            hand(CODER, CHECKER, "£17,745.90 on 13 completed calls, 23,930 t."),
            ask_dues("Cargo dues: are loaded tonnes charged as well as discharged ones?"),
            answer("Yes. The 2026 tariff charges per tonne handled, discharged or loaded."),
            hand(
                CHECKER,
                WRITER,
                "Loads and discharges both charged, as the coder has it. £17,745.90.",
                mark="symptom",
            ),
            final(
                "Cargo dues on the port's October 2026 calls come to £17,745.90 under the 2026 tariff, over 13 completed calls."
            ),
        ],
        answer="17,745.90",
        expect="17,716.10",
    ),
    Run(
        "cargo_03_steel_rate_misquoted",
        WRONG_INPUT,
        q.CARGO,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT),
            hand(
                CLERK,
                DUES,
                "13 completed calls in October (C1008 cancelled): grain 9,800 t, steel 4,890 t, fuel oil 5,360 t, fertiliser 1,860 t, timber 2,020 t.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CODER,
                "2026 cargo dues per tonne: grain £0.62, steel £0.59, fuel oil £0.84, fertiliser £0.71, timber £0.58; discharged and loaded alike.",
                mark="root",
            ),
            cell("Rates as given.", q.cargo_given({**R26, "steel": 0.59}), "15955.70"),
            hand(CODER, CHECKER, "£15,955.70 over the 13 completed calls."),
            read(CHECKER, q.OCT, "steel"),
            hand(
                CHECKER,
                WRITER,
                "Steel is C1002 and C1013, 4,890 t, as used, and the tonnes by cargo tie to the clerk's. £15,955.70.",
                mark="symptom",
            ),
            final(
                "The port's cargo dues on October 2026 calls are £15,955.70 under the 2026 tariff."
            ),
        ],
        answer="15,955.70",
        expect="17,716.10",
    ),
    Run(
        "cargo_04_loads_left_out",
        BAD_ASSUMPTION,
        q.CARGO,
        [
            hand(
                LEAD,
                CODER,
                "Coder: cargo dues for October 2026 from calls_2026-10.csv at tariff_2026.json's rates. Checker, then writer.",
            ),
            cell(
                "Cargo dues fall on cargo landed here, so I'm pricing the discharges.",
                q.cargo(keep=" if r['status'] == 'completed' and r['operation'] == 'discharge'"),
                "15887.10",
                mark="root",
            ),
            hand(CODER, CHECKER, "12 completed discharges, 20,980 t: £15,887.10."),
            read(CHECKER, q.T26),
            hand(
                CHECKER,
                WRITER,
                "Rates as in the 2026 tariff and the cancelled call is out. £15,887.10.",
                mark="symptom",
            ),
            final(
                "Cargo dues on the port's October 2026 calls come to £15,887.10 at the 2026 tariff rates."
            ),
        ],
        answer="15,887.10",
        expect="17,716.10",
    ),
    Run(
        "cargo_05_plan_on_2025_schedule",
        BAD_SPLIT,
        q.CARGO,
        [
            hand(
                LEAD,
                DUES,
                "Plan: cargo dues follow the schedule in force when a call was booked, and October's calls were booked under the 2025 one. Dues officer, cargo rates from tariff_2025.json; coder, apply them to October's completed calls; checker; writer.",
                mark="root",
            ),
            read(DUES, q.T25),
            hand(
                DUES,
                CODER,
                "Cargo rates per tonne from tariff_2025.json: grain £0.58, steel £0.90, fuel oil £0.79, fertiliser £0.68, timber £0.55. Completed calls only.",
            ),
            cell("October's completed calls at those rates.", q.cargo(tariff=q.T25), "16695.20"),
            hand(CODER, CHECKER, "13 calls, 23,930 t, £16,695.20."),
            read(CHECKER, q.OCT, "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "Cancelled C1008 is excluded and the rates are the schedule the plan set. £16,695.20.",
                mark="symptom",
            ),
            final(
                "The port earns £16,695.20 in cargo dues on its 13 completed October 2026 calls."
            ),
        ],
        answer="16,695.20",
        expect="17,716.10",
    ),
    Run(
        "cargo_06_september_calls",
        WRONG_SOURCE,
        q.CARGO,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.SEPT, mark="root"),
            hand(
                CLERK,
                DUES,
                "Nine completed calls in the month, C0909 cancelled; cargoes grain, fuel oil, fertiliser, timber and steel. Rows in calls_2026-09.csv.",
            ),
            read(DUES, q.T26),
            hand(DUES, CODER, RATES_2026 + " Calls as in the clerk's file."),
            cell("Completed calls in the clerk's file.", q.cargo(calls=q.SEPT), "13205.90"),
            hand(CODER, CHECKER, "9 completed calls, 17,900 t: £13,205.90."),
            read(CHECKER, q.T26),
            hand(
                CHECKER,
                WRITER,
                "2026 rates, completed calls only. £13,205.90 stands.",
                mark="symptom",
            ),
            final(
                "Under the 2026 tariff the port earns £13,205.90 in cargo dues on its October 2026 calls, nine completed calls carrying 17,900 tonnes."
            ),
        ],
        answer="13,205.90",
        expect="17,716.10",
    ),
    Run(
        "cargo_07_cancelled_call_priced",
        WRONG_ACCEPTED,
        q.CARGO,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT),
            hand(
                CLERK,
                DUES,
                "14 calls in October; C1008 (Kestrel, 1,500 t grain) was cancelled, the rest completed.",
            ),
            read(DUES, q.T26),
            hand(DUES, CODER, RATES_2026),
            cell(
                "Tonnes times rate over the October calls.",
                q.cargo(keep=""),
                "18646.10",
                mark="root",
            ),
            hand(CODER, CHECKER, "£18,646.10 in cargo dues for October."),
            read(CHECKER, q.T26),
            hand(
                CHECKER,
                WRITER,
                "Each cargo is priced at its 2026 rate. £18,646.10 stands.",
                mark="symptom",
            ),
            final(
                "The port earns £18,646.10 in cargo dues on its October 2026 calls under the 2026 tariff."
            ),
        ],
        answer="18,646.10",
        expect="17,716.10",
    ),
]
