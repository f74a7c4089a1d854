"""Tide desk runs that go wrong upstream: a misread row, the wrong file, the plan, a guess."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT, MADE_UP, WRONG_INPUT, WRONG_SOURCE
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T

RUNS: list[Run] = [
    Run(
        "harbour_01_may_misread",
        WRONG_INPUT,
        q.HARBOUR_Q2,
        [
            ask(CLERK, "Harbour Point, April to June 2026: the three msl_m values please."),
            read(CLERK, "gauges.csv", "Harbour Point"),
            read(CLERK, "readings_2026.csv", "TG-01"),
            T(CLERK, "TG-01 (Harbour Point): April 0.104, May 0.097, June 0.123 m.", mark="root"),
            ask(CODER, "Average of 0.104, 0.097 and 0.123 m, three decimals."),
            cell(CODER, "print(f'{(0.104 + 0.097 + 0.123) / 3:.3f}')", "0.108"),
            T(CODER, "Mean comes out at 0.108 m."),
            ask(CHECKER, "Harbour Point Q2 2026 MSL = 0.108 m (0.104, 0.097, 0.123). Sign off?"),
            T(CHECKER, "Sum and division check out. 0.108 m is fine to send.", mark="symptom"),
            T(LEAD, "Harbour Point's Q2 2026 mean sea level was 0.108 m."),
        ],
        answer="0.108",
        expect="0.102",
        note="the clerk reads May's 0.079 as 0.097",
    ),
    Run(
        "lantern_02_offset_row",
        WRONG_INPUT,
        q.LANTERN_CD,
        [
            ask(CLERK, "Lantern Steps: datum offset, and its highest max_high_water_m in 2026."),
            read(CLERK, "gauges.csv"),
            read(CLERK, "readings_2026.csv", "TG-06"),
            T(
                CLERK,
                "Lantern Steps is TG-06, datum offset 1.811 m. Highest 2026 reading: 3.20 m "
                "in September.",
                mark="root",
            ),
            ask(CODER, "3.20 m plus a 1.811 m datum offset, two decimals."),
            cell(CODER, "print(f'{3.20 + 1.811:.2f}')", "5.01"),
            T(CODER, "5.01 m above chart datum."),
            ask(CHECKER, "Lantern Steps 2026 peak above CD: 3.20 + 1.811 = 5.01 m. OK?"),
            T(
                CHECKER,
                "September's 3.20 is the year's top reading; addition's right. OK.",
                mark="symptom",
            ),
            T(LEAD, "Lantern Steps' highest 2026 high water was 5.01 m above chart datum."),
        ],
        answer="5.01",
        expect="4.80",
        note="the clerk quotes Coldharbour's offset (the next row) for Lantern Steps",
    ),
    Run(
        "east_03_last_year_file",
        WRONG_SOURCE,
        q.EAST_MSL,
        [
            ask(
                CODER,
                "East region, Q3 2026: mean of the gauges' monthly msl_m, minus the East "
                "baseline in thresholds.json, in mm.",
            ),
            cell(
                CODER,
                q.EAST.format(
                    region="East", file="readings_2025.csv", months=q.Q3.replace("2026", "2025")
                ),
                "82.4",
                mark="root",
            ),
            T(CODER, "Nine East rows, mean 0.1444 m, so 82.4 mm above baseline."),
            ask(
                CHECKER,
                "East Q3 MSL anomaly: 82.4 mm (9 rows, mean 0.1444 m, baseline 0.062). Please "
                "check.",
            ),
            read(CHECKER, "thresholds.json"),
            T(
                CHECKER,
                "Baseline 0.062 for East confirmed, nine rows is three gauges by three months. "
                "Passed.",
                mark="symptom",
            ),
            T(LEAD, "The East region's Q3 2026 mean sea level sat 82.4 mm above its baseline."),
        ],
        answer="82.4",
        expect="38.4",
        note="the coder's cell reads readings_2025.csv",
    ),
    Run(
        "skerry_04_wrong_gauge_brief",
        WRONG_SOURCE,
        q.SKERRY_PEAK,
        [
            ask(
                CODER,
                "Skerry Pier (TG-01): highest max_high_water_m in 2025 and in 2026, and the "
                "change in cm.",
                mark="root",
            ),
            cell(CODER, q.PEAK.format(col="max_high_water_m", gauge="TG-01"), "+25"),
            T(CODER, "Peak 3.22 m in 2025, 3.47 m in 2026: up 25 cm."),
            ask(CHECKER, "Skerry Pier peak high water 3.22 -> 3.47 m, +25 cm. Check?"),
            read(CHECKER, "readings_2026.csv", "TG-01"),
            T(
                CHECKER,
                "August 2026 is 3.47 m, the top of the season. +25 cm stands.",
                mark="symptom",
            ),
            T(LEAD, "Skerry Pier's highest high water rose by 25 cm, 2025 to 2026 (+25 cm)."),
        ],
        answer="+25",
        expect="+4",
        note="the lead's brief gives Skerry Pier as TG-01 (it is TG-02; TG-01 is Harbour Point)",
    ),
    Run(
        "avail_05_thirty_day_months",
        BAD_ASSUMPTION,
        q.AVAIL_Q3,
        [
            ask(
                CODER,
                "Q3 2026 data availability across all gauges: sum data_days over gauge-months, "
                "divided by 30 days per gauge-month (call every month 30 days). Percent, 1 dp.",
                mark="root",
            ),
            cell(CODER, q.AVAIL.format(months=q.Q3, days="30"), "96.1"),
            T(CODER, "692 good days of 720: 96.1%."),
            ask(CHECKER, "Network availability Q3 2026: 692 / 720 = 96.1%. OK to publish?"),
            T(CHECKER, "24 gauge-months, 692 valid days, division right. Publish.", mark="symptom"),
            T(LEAD, "96.1% of gauge-days across the network had valid data in Q3 2026."),
        ],
        answer="96.1",
        expect="94.0",
        note="the lead takes every month as 30 days; July and August have 31",
    ),
    Run(
        "surges_06_commissioning_gauge",
        BAD_ASSUMPTION,
        q.NORTH_SURGES,
        [
            ask(CLERK, "Which gauges are in the North region, and what's the surge warning level?"),
            read(CLERK, "gauges.csv"),
            read(CLERK, "thresholds.json"),
            T(
                CLERK,
                "North: TG-01 Harbour Point, TG-02 Skerry Pier, TG-03 Gull Rock. Gull Rock only "
                "went in this year, so its surges are commissioning noise; count TG-01 and TG-02. "
                "Warning level 0.6 m, quality-ok events only.",
                mark="root",
            ),
            ask(CODER, "Count 2026 surges with surge_m >= 0.6 and quality ok at TG-01 and TG-02."),
            cell(
                CODER,
                "import csv\nev = [r for r in csv.DictReader(open('surges_2026.csv'))\n"
                "      if r['gauge_id'] in ('TG-01', 'TG-02') and float(r['surge_m']) >= 0.6\n"
                "      and r['quality'] == 'ok']\nprint(len(ev))",
                "4",
            ),
            T(CODER, "4 events."),
            ask(CHECKER, "North surges >= 0.6 m, quality ok, 2026: 4. Sign off?"),
            T(
                CHECKER,
                "Counted them by hand from the file for TG-01 and TG-02: 4. Agreed.",
                mark="symptom",
            ),
            T(
                LEAD,
                "4 quality-ok surge events at or above the 0.6 m warning level at North gauges "
                "in 2026.",
            ),
        ],
        answer="4",
        expect="5",
        note="the clerk drops Gull Rock's events as commissioning noise; nothing says so",
    ),
    Run(
        "surges_07_plan_two_gauges",
        BAD_SPLIT,
        q.NORTH_SURGES,
        [
            ask(
                CLERK,
                "Pull the 2026 surge rows for TG-01, then for TG-02, and tell me those at 0.6 m "
                "or more with quality ok.",
                mark="root",
            ),
            read(CLERK, "surges_2026.csv", "TG-01"),
            read(CLERK, "surges_2026.csv", "TG-02"),
            T(
                CLERK,
                "TG-01: 0.89 (2 Jun), 0.80 (1 Jul). TG-02: 1.00 (26 Apr), 0.92 (9 Jun). Four in "
                "all.",
            ),
            ask(
                CHECKER,
                "North gauges, 2026 surges >= 0.6 m quality ok: 4 (two each at TG-01, TG-02). "
                "Check?",
            ),
            read(CHECKER, "surges_2026.csv", "TG-02"),
            T(
                CHECKER,
                "TG-02's two are right and the TG-01 pair matches. 4 it is.",
                mark="symptom",
            ),
            T(LEAD, "There were 4 such surge events at North region gauges in 2026."),
        ],
        answer="4",
        expect="5",
        note="the lead's split covers two of the three North gauges (Gull Rock, TG-03, left out)",
    ),
    Run(
        "east_08_summer_months",
        BAD_SPLIT,
        q.EAST_MSL,
        [
            ask(CLERK, "East region gauges please, and the East MSL baseline."),
            read(CLERK, "gauges.csv"),
            T(
                CLERK,
                "East: TG-04 Saltmarsh Quay, TG-05 Fennick Sluice, TG-08 Brancaster Jetty. "
                "Baseline in thresholds.json.",
            ),
            ask(
                CODER,
                "Mean msl_m of TG-04, TG-05, TG-08 over the summer quarter, June to August 2026, "
                "minus the East baseline, mm.",
                mark="root",
            ),
            cell(
                CODER,
                q.EAST.format(
                    region="East",
                    file="readings_2026.csv",
                    months="('2026-06', '2026-07', '2026-08')",
                ),
                "47.8",
            ),
            T(CODER, "Mean 0.1098 m over 9 rows; 47.8 mm above baseline."),
            ask(CHECKER, "East Q3 MSL anomaly 47.8 mm. OK?"),
            T(CHECKER, "Nine rows, baseline 0.062, arithmetic fine. Passed.", mark="symptom"),
            T(LEAD, "East region mean sea level in Q3 2026 was 47.8 mm above baseline."),
        ],
        answer="47.8",
        expect="38.4",
        note="the lead's plan takes June to August as the quarter",
    ),
    Run(
        "skerry_09_peak_from_memory",
        MADE_UP,
        q.SKERRY_PEAK,
        [
            ask(CLERK, "Skerry Pier's top high water in 2025 and in 2026 (April-September)?"),
            read(CLERK, "readings_2026.csv", "TG-02"),
            T(
                CLERK,
                "2026: 3.14 m (April). For 2025 the annual gauge report gave 3.01 m as the "
                "season's peak.",
                mark="root",
            ),
            ask(CODER, "Change from 3.01 m to 3.14 m in cm, with sign."),
            cell(CODER, "print(f'{(3.14 - 3.01) * 100:+.0f}')", "+13"),
            T(CODER, "+13 cm."),
            ask(CHECKER, "Skerry Pier peak 3.01 (2025) -> 3.14 (2026) = +13 cm. Check?"),
            read(CHECKER, "readings_2026.csv", "TG-02"),
            T(CHECKER, "3.14 in April is the 2026 peak; +13 cm is right. Pass.", mark="symptom"),
            T(LEAD, "Skerry Pier's highest high water rose 13 cm from 2025 to 2026 (+13 cm)."),
        ],
        answer="+13",
        expect="+4",
        note=(
            "the clerk gives 2025's peak from memory of a report, never reading readings_2025.csv "
            "(3.10)"
        ),
    ),
]
