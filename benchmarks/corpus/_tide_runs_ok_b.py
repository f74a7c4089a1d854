"""Tide desk runs that go right after the checker or the lead catches something."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._tide_runs_ok import checked
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T


def sent_back(
    scenario,
    task,
    brief,
    wrong,
    wrong_prints,
    wrong_said,
    why,
    redo,
    code,
    prints,
    said,
    final,
    answer,
):
    """The checker sends the coder's first figure back; the redo passes."""
    turns = [
        ask(CODER, brief),
        cell(CODER, wrong, wrong_prints),
        T(CODER, wrong_said),
        ask(CHECKER, f"{wrong_said} Check please."),
        T(CHECKER, why),
        ask(CODER, redo),
        cell(CODER, code, prints),
        T(CODER, said),
        ask(CHECKER, f"Redone: {said}"),
        T(CHECKER, "That's right now. Passed."),
        T(LEAD, final),
    ]
    return Run(scenario, HEALTHY, task, turns, answer=answer, expect=answer)


RUNS: list[Run] = [
    sent_back(
        "east_ok_10_file_caught",
        q.EAST_MSL,
        "East gauges' Q3 mean msl_m minus the East baseline, mm.",
        q.EAST.format(region="East", file="readings_2025.csv", months=q.Q3.replace("2026", "2025")),
        "82.4",
        "82.4 mm above baseline.",
        "That cell opened readings_2025.csv; the question is 2026. Rerun on the 2026 file.",
        "Same, on readings_2026.csv, months 2026-07 to 2026-09.",
        q.EAST.format(region="East", file="readings_2026.csv", months=q.Q3),
        "38.4",
        "38.4 mm above baseline on the 2026 file.",
        "The East region's Q3 2026 mean sea level was 38.4 mm above baseline.",
        "38.4",
    ),
    sent_back(
        "upkeep_ok_11_exclusion_caught",
        q.UPKEEP_Q3,
        "Q3 2026 upkeep credit per upkeep_contract.json.",
        q.UPKEEP.format(quarter="Q3", skip="", final=q.CAPPED),
        "1200.00",
        "GBP 1,200.00 (cap).",
        "TG-03 is excluded in the contract and your rows include it. Please redo without it.",
        "Leave TG-03 out (excluded_gauge_ids) and rerun.",
        q.UPKEEP.format(quarter="Q3", skip=q.EXCLUDED, final=q.CAPPED),
        "1155.00",
        "GBP 1,155.00, TG-03 left out.",
        "Q3 2026 upkeep credit: GBP 1155.00.",
        "1155.00",
    ),
    sent_back(
        "surges_ok_12_strict_caught",
        q.NORTH_SURGES,
        "Quality-ok North surges in 2026 at or above the warning level.",
        q.SURGES.format(op=">", quality=q.QUALITY_OK),
        "4",
        "4 events.",
        "The cell uses > but the level is inclusive; Gull Rock had exactly 0.60 on 3 April.",
        "Use >= against the warning level.",
        q.SURGES.format(op=">=", quality=q.QUALITY_OK),
        "5",
        "5 events with >=.",
        "5 quality-ok surge events at or above warning level at North gauges in 2026.",
        "5",
    ),
    checked(
        "avail_ok_13_clerk_first",
        q.AVAIL_Q3,
        "Valid-data share over all gauge-days in Q3 2026; every gauge counts, month lengths as "
        "they are.",
        q.AVAIL.format(months=q.Q3, days=q.MONTH_DAYS),
        "94.0",
        "692 of 736 gauge-days: 94.0%.",
        "All eight gauges in, 736 days is right. Passed.",
        "Across the network, 94.0% of gauge-days had valid data in Q3 2026.",
        "94.0",
        pre=[
            ask(CLERK, "How many gauges report in Q3 2026?"),
            read(CLERK, "gauges.csv"),
            T(CLERK, "Eight gauges, TG-01 to TG-08, all live; Gull Rock (TG-03) since 2026."),
        ],
    ),
    Run(
        "lantern_ok_14_notice",
        HEALTHY,
        q.LANTERN_CD,
        [
            ask(CLERK, "Lantern Steps' offset and 2026 top reading."),
            read(CLERK, "gauges.csv", "Lantern Steps"),
            read(CLERK, "readings_2026.csv", "TG-06"),
            T(CLERK, "TG-06, offset 1.604 m; top 2026 reading 3.20 m (September)."),
            ask(CODER, "3.20 + 1.604, two decimals."),
            cell(CODER, "print(f'{3.20 + 1.604:.2f}')", "4.80"),
            T(CODER, "4.80 m."),
            ask(WRITER, "Notice-board line: Lantern Steps' 2026 peak, 4.80 m above chart datum."),
            T(
                WRITER,
                "Lantern Steps: highest tide of 2026 so far, 4.80 m above chart datum (September).",
            ),
            T(LEAD, "Lantern Steps' highest 2026 high water was 4.80 m above chart datum."),
        ],
        answer="4.80",
        expect="4.80",
    ),
    Run(
        "skerry_ok_15_both_years",
        HEALTHY,
        q.SKERRY_PEAK,
        [
            ask(CLERK, "Skerry Pier's season peaks, 2025 and 2026."),
            read(CLERK, "readings_2025.csv", "TG-02"),
            read(CLERK, "readings_2026.csv", "TG-02"),
            T(CLERK, "TG-02 peak 3.10 m (Aug 2025) and 3.14 m (Apr 2026)."),
            ask(CODER, "(3.14 - 3.10) in cm, signed."),
            cell(CODER, "print(f'{(3.14 - 3.10) * 100:+.0f}')", "+4"),
            T(CODER, "+4 cm."),
            ask(CHECKER, "Skerry Pier peak change +4 cm (3.10 -> 3.14). Check?"),
            read(CHECKER, "readings_2025.csv", "TG-02"),
            T(CHECKER, "2025's top is August's 3.10. Passed."),
            T(LEAD, "Skerry Pier's highest high water was up 4 cm on 2025 (+4 cm)."),
        ],
        answer="+4",
        expect="+4",
    ),
]
