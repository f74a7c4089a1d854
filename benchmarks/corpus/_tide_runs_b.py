"""Tide desk runs that go wrong in the code, the reporting, or a failed read."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import (
    CODE_FAILURE,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T

RUNS: list[Run] = [
    Run(
        "surges_10_strictly_over",
        WRONG_ACCEPTED,
        q.NORTH_SURGES,
        [
            ask(
                CODER,
                "Count 2026 surge events at North gauges at or above the warning level in "
                "thresholds.json, quality ok only.",
            ),
            cell(CODER, q.SURGES.format(op=">", quality=q.QUALITY_OK), "4", mark="root"),
            T(CODER, "4 events over the 0.6 m warning level."),
            ask(CHECKER, "North surges 2026, quality ok, at/above 0.6 m: 4. Check please."),
            read(CHECKER, "thresholds.json"),
            T(
                CHECKER,
                "Threshold is 0.6 m and the code filters quality ok. 4 passes.",
                mark="symptom",
            ),
            T(LEAD, "4 quality-ok surge events reached the warning level at North gauges in 2026."),
        ],
        answer="4",
        expect="5",
        note=(
            "the coder's cell uses > where the question says at or above (Gull Rock's 0.60 dropped)"
        ),
    ),
    Run(
        "upkeep_11_exclusion_not_coded",
        WRONG_ACCEPTED,
        q.UPKEEP_Q3,
        [
            ask(CLERK, "What does upkeep_contract.json say about Q3 credit?"),
            read(CLERK, "upkeep_contract.json"),
            T(
                CLERK,
                "GBP 38.50 per lost day (days in month minus data_days), Q3 = Jul-Sep, TG-03 "
                "excluded (warranty), cap GBP 1,200 a quarter.",
            ),
            ask(
                CODER,
                "Q3 2026 credit per the contract: 38.50 a lost day, TG-03 excluded, capped at "
                "1,200.",
            ),
            cell(
                CODER,
                q.UPKEEP.format(quarter="Q3", skip="", final=q.CAPPED),
                "1200.00",
                mark="root",
            ),
            T(CODER, "44 lost days, GBP 1,694.00 before the cap: GBP 1,200.00 due."),
            ask(CHECKER, "Q3 upkeep credit GBP 1,200.00 (cap binds; 44 lost days). Sign off?"),
            cell(CHECKER, "print(f'{min(44 * 38.5, 1200):.2f}')", "1200.00"),
            T(CHECKER, "44 x 38.50 = 1,694, capped to 1,200.00. Fine.", mark="symptom"),
            T(LEAD, "The upkeep contract credit for Q3 2026 is GBP 1200.00 (the quarterly cap)."),
        ],
        answer="1200.00",
        expect="1155.00",
        note="the coder's cell leaves TG-03 in; with it the cap binds",
    ),
    Run(
        "avail_12_column_typo",
        CODE_FAILURE,
        q.AVAIL_Q3,
        [
            ask(
                CODER,
                "Valid-data share of gauge-days, whole network, Jul-Sep 2026; use each month's "
                "real length.",
            ),
            cell(
                CODER,
                q.AVAIL.format(months=q.Q3, days=q.MONTH_DAYS).replace(
                    "r['data_days']", "r['data_day']"
                ),
                "KeyError: 'data_day'",
                mark="root",
            ),
            T(CODER, "About 94.6% of gauge-days had valid data in Q3.", mark="symptom"),
            ask(CHECKER, "Q3 network availability 94.6%. OK?"),
            T(CHECKER, "Plausible against Q2. OK."),
            T(LEAD, "94.6% of gauge-days had valid data across the network in Q3 2026."),
        ],
        answer="94.6",
        expect="94.0",
        note="the cell dies on a misspelt column; the coder reports a figure anyway",
    ),
    Run(
        "east_13_name_error",
        CODE_FAILURE,
        q.EAST_MSL,
        [
            ask(
                CODER,
                "East region's Q3 2026 mean msl_m (all East gauges, Jul-Sep) minus the East "
                "baseline, mm, 1 dp.",
            ),
            cell(
                CODER,
                q.EAST.format(region="East", file="readings_2026.csv", months=q.Q3).replace(
                    "m = sum(v) / len(v)", "m = sum(vals) / len(v)"
                ),
                "NameError: name 'vals' is not defined. Did you mean: 'vars'?",
                mark="root",
            ),
            T(CODER, "The East mean is about 0.102 m, so roughly 40.0 mm over the baseline."),
            ask(CHECKER, "East Q3 MSL anomaly 40.0 mm per the coder. Check?"),
            T(CHECKER, "Baseline 0.062 and a 0.102 mean give 40.0 mm. Passed.", mark="symptom"),
            T(LEAD, "East region mean sea level sat 40.0 mm above baseline in Q3 2026."),
        ],
        answer="40.0",
        expect="38.4",
        note="the cell crashes (NameError); the coder gives a rough figure and the check passes it",
    ),
    Run(
        "harbour_14_digits_swapped",
        MISREPORTED,
        q.HARBOUR_Q2,
        [
            ask(CODER, "Harbour Point (TG-01) mean of msl_m, April-June 2026, three decimals."),
            cell(
                CODER,
                "import csv\nv = [float(r['msl_m']) for r in "
                "csv.DictReader(open('readings_2026.csv'))\n"
                "     if r['gauge_id'] == 'TG-01' and r['month'] in " + q.Q2 + "]\n"
                "print(len(v))\nprint(f'{sum(v) / len(v):.3f}')",
                "0.102",
            ),
            T(CODER, "Three months, mean 0.120 m.", mark="root"),
            ask(CHECKER, "Harbour Point Q2 2026 mean sea level 0.120 m. Check?"),
            T(
                CHECKER,
                "Three months in the window, and the code's fine. 0.120 m approved.",
                mark="symptom",
            ),
            T(LEAD, "Harbour Point's mean sea level over Q2 2026 was 0.120 m."),
        ],
        answer="0.120",
        expect="0.102",
        note="the cell prints 0.102; the coder reports 0.120",
    ),
    Run(
        "upkeep_15_credit_keyed",
        MISREPORTED,
        q.UPKEEP_Q3,
        [
            ask(
                CODER,
                "Upkeep credit for Q3 2026 from upkeep_contract.json: lost days x rate, excluded "
                "gauges out, quarterly cap.",
            ),
            cell(CODER, q.UPKEEP.format(quarter="Q3", skip=q.EXCLUDED, final=q.CAPPED), "1155.00"),
            T(
                CODER,
                "21 gauge-months, 30 lost days: credit GBP 1,515.00, under the cap.",
                mark="root",
            ),
            ask(CHECKER, "Q3 credit GBP 1,515.00 (30 lost days, TG-03 out). OK?"),
            T(
                CHECKER,
                "Exclusion applied and it's under the 1,200 cap... fine, approved.",
                mark="symptom",
            ),
            T(LEAD, "The Q3 2026 upkeep credit due is GBP 1515.00."),
        ],
        answer="1515.00",
        expect="1155.00",
        note="the cell prints 1155.00; the coder keys it as 1,515.00 and the checker waves it on",
    ),
    Run(
        "lantern_16_notice_typo",
        MISREPORTED,
        q.LANTERN_CD,
        [
            ask(
                CODER,
                "Lantern Steps (TG-06): 2026 max of max_high_water_m plus its datum_offset_m "
                "from gauges.csv, 2 dp.",
            ),
            cell(
                CODER,
                "import csv\ng = next(r for r in csv.DictReader(open('gauges.csv')) if "
                "r['gauge_id'] == 'TG-06')\n"
                "hw = max(float(r['max_high_water_m']) for r in "
                "csv.DictReader(open('readings_2026.csv'))\n"
                "         if r['gauge_id'] == 'TG-06')\nprint(hw, g['datum_offset_m'])\n"
                "print(f\"{hw + float(g['datum_offset_m']):.2f}\")",
                "4.80",
            ),
            T(CODER, "3.2 m + 1.604 m = 4.80 m above chart datum."),
            ask(
                WRITER,
                "One line for the notice board: Lantern Steps' 2026 peak high water, 4.80 m "
                "above chart datum.",
            ),
            T(
                WRITER,
                "Lantern Steps: this year's highest tide reached 4.08 m above chart datum.",
                mark="root",
            ),
            T(
                LEAD,
                "Lantern Steps: this year's highest tide reached 4.08 m above chart datum.",
                mark="symptom",
            ),
        ],
        answer="4.08",
        expect="4.80",
        note="the writer keys 4.80 as 4.08; the lead passes the line on as the answer",
    ),
    Run(
        "surges_17_filter_on_region",
        SELF_REPORT,
        q.NORTH_SURGES,
        [
            ask(CLERK, "The North region's 2026 surge rows from surges_2026.csv."),
            read(CLERK, "surges_2026.csv", "North"),
            T(
                CLERK,
                "No surge rows for the North region in 2026; the log has nothing there.",
                mark="root",
            ),
            ask(
                CODER,
                "The clerk finds no North surges in 2026. Confirm the count is 0 with a quick "
                "cell.",
            ),
            cell(CODER, "rows = []\nprint(len(rows))", "0"),
            T(CODER, "0."),
            ask(CHECKER, "North surges at/above warning, 2026: 0. Sign off?"),
            read(CHECKER, "surges_2026.csv", "TG-0"),
            T(
                CHECKER,
                "I can't sign 0: the log is keyed by gauge id, not region, and TG-01 and TG-02 "
                "have surges over 0.6 m in it. The count needs redoing.",
                mark="symptom",
            ),
            T(
                LEAD,
                "I can't give a count yet: the North figure didn't survive checking and needs "
                "redoing.",
            ),
        ],
        answer="",
        expect="5",
        note=(
            "the clerk filters the log on 'North' (it holds gauge ids) and reads no rows as no "
            "surges"
        ),
    ),
    Run(
        "upkeep_18_contract_name",
        TOOL_FAILURE,
        q.UPKEEP_Q3,
        [
            ask(CLERK, "Terms of the 2026 upkeep contract: rate, exclusions, cap."),
            read(CLERK, "upkeep_contract_2026.json"),
            T(
                CLERK,
                "Standard terms then: GBP 38.50 per lost day, no gauges excluded, cap GBP 1,200 "
                "a quarter.",
                mark="root",
            ),
            ask(CODER, "Q3 2026 lost days over all gauges x 38.50, capped at 1,200."),
            cell(CODER, q.UPKEEP.format(quarter="Q3", skip="", final=q.CAPPED), "1200.00"),
            T(CODER, "44 lost days, GBP 1,694.00, capped: GBP 1,200.00."),
            ask(CHECKER, "Q3 upkeep credit GBP 1,200.00 (cap). Check?"),
            T(CHECKER, "44 x 38.50 over the cap, so 1,200.00. Approved.", mark="symptom"),
            T(LEAD, "We're due GBP 1200.00 upkeep credit for Q3 2026."),
        ],
        answer="1200.00",
        expect="1155.00",
        note="the read fails (no such file); the clerk fills in terms with no exclusion",
    ),
    Run(
        "surges_19_thresholds_missing",
        TOOL_FAILURE,
        q.NORTH_SURGES,
        [
            ask(CLERK, "The surge warning level, please, and the North gauges."),
            read(CLERK, "thresholds_2026.json"),
            read(CLERK, "gauges.csv", "North"),
            T(CLERK, "North: TG-01, TG-02, TG-03. Warning level is the usual 0.5 m.", mark="root"),
            ask(CODER, "Count quality-ok 2026 surges >= 0.5 m at TG-01, TG-02, TG-03."),
            cell(
                CODER,
                "import csv\nev = [r for r in csv.DictReader(open('surges_2026.csv'))\n"
                "      if r['gauge_id'] in ('TG-01', 'TG-02', 'TG-03') and float(r['surge_m']) "
                ">= 0.5\n"
                "      and r['quality'] == 'ok']\nprint(len(ev))",
                "8",
            ),
            T(CODER, "8 events."),
            ask(CHECKER, "North surges 2026 at/above warning (0.5 m), quality ok: 8. OK?"),
            T(CHECKER, "Code matches the brief. 8 passes.", mark="symptom"),
            T(
                LEAD,
                "8 quality-ok surge events at or above warning level were recorded at North "
                "gauges in 2026.",
            ),
        ],
        answer="8",
        expect="5",
        note=(
            "thresholds_2026.json does not exist; the clerk supplies 0.5 m (it is 0.6 m in "
            "thresholds.json)"
        ),
    ),
]
