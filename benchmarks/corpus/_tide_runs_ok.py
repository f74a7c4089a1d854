"""Tide desk runs that go right, some after a slip caught on the way."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T


def checked(scenario, task, brief, code, prints, said, check, final, answer, pre=(), mid=()):
    """A run where the lead briefs the coder, has the figure checked and answers."""
    turns = [
        *pre,
        ask(CODER, brief),
        *mid,
        cell(CODER, code, prints),
        T(CODER, said),
        ask(CHECKER, f"{said} Please check."),
        T(CHECKER, check),
        T(LEAD, final),
    ]
    return Run(scenario, HEALTHY, task, turns, answer=answer, expect=answer)


RUNS: list[Run] = [
    checked(
        "avail_ok_02",
        q.AVAIL_Q3,
        "Share of gauge-days with valid data, all gauges, July-September 2026, real month lengths.",
        q.AVAIL.format(months=q.Q3, days=q.MONTH_DAYS),
        "94.0",
        "24 gauge-months, 692 valid of 736 days: 94.0%.",
        "Month lengths are right (31, 31, 30). Passed.",
        "94.0% of gauge-days across the network had valid data in Q3 2026.",
        "94.0",
    ),
    checked(
        "surges_ok_03",
        q.NORTH_SURGES,
        "North gauges' 2026 surges at or above thresholds.json's warning level, quality ok only: "
        "how many?",
        q.SURGES.format(op=">=", quality=q.QUALITY_OK),
        "5",
        "5 quality-ok surges at or above 0.6 m at North gauges.",
        "Includes Gull Rock's 0.60 on 3 April, correctly, since it's at the level. 5 passes.",
        "5 quality-ok surge events at or above the warning level at North gauges in 2026.",
        "5",
    ),
    checked(
        "skerry_ok_04",
        q.SKERRY_PEAK,
        "Skerry Pier is TG-02: highest max_high_water_m in each year's readings, change in cm.",
        q.PEAK.format(col="max_high_water_m", gauge="TG-02"),
        "+4",
        "3.10 m (2025) to 3.14 m (2026): +4 cm.",
        "TG-02 is Skerry Pier and both peaks match the files. Passed.",
        "Skerry Pier's highest high water rose by 4 cm from 2025 to 2026 (+4 cm).",
        "+4",
    ),
    checked(
        "upkeep_ok_05",
        q.UPKEEP_Q3,
        "Q3 2026 upkeep credit: lost days x the contract rate, excluded gauges left out, cap "
        "applied.",
        q.UPKEEP.format(quarter="Q3", skip=q.EXCLUDED, final=q.CAPPED),
        "1155.00",
        "21 gauge-months (TG-03 out), 30 lost days: GBP 1,155.00, under the cap.",
        "TG-03 left out as the contract says; under 1,200. Approved.",
        "The upkeep credit due for Q3 2026 is GBP 1155.00.",
        "1155.00",
    ),
    checked(
        "east_ok_06",
        q.EAST_MSL,
        "East region, Q3 2026: mean of the East gauges' monthly msl_m, less the East baseline, mm.",
        q.EAST.format(region="East", file="readings_2026.csv", months=q.Q3),
        "38.4",
        "9 rows, mean 0.1004 m: 38.4 mm above baseline.",
        "Nine rows, the 2026 file, baseline 0.062. Passed.",
        "East region mean sea level sat 38.4 mm above its baseline in Q3 2026.",
        "38.4",
    ),
    checked(
        "lantern_ok_07",
        q.LANTERN_CD,
        "Lantern Steps (TG-06): its top 2026 max_high_water_m plus its own datum offset from "
        "gauges.csv.",
        "import csv\ng = next(r for r in csv.DictReader(open('gauges.csv')) if r['name'] == "
        "'Lantern Steps')\n"
        "hw = max(float(r['max_high_water_m']) for r in csv.DictReader(open('readings_2026.csv'))\n"
        "         if r['gauge_id'] == g['gauge_id'])\nprint(hw, g['datum_offset_m'])\n"
        "print(f\"{hw + float(g['datum_offset_m']):.2f}\")",
        "4.80",
        "Peak 3.2 m plus 1.604 m offset: 4.80 m above chart datum.",
        "Offset is TG-06's own. Passed.",
        "Lantern Steps' highest 2026 high water was 4.80 m above chart datum.",
        "4.80",
    ),
    checked(
        "harbour_ok_08_crash_fixed",
        q.HARBOUR_Q2,
        "Harbour Point (TG-01) mean msl_m, April to June 2026, 3 dp.",
        "import csv\nv = [float(r['msl_m']) for r in csv.DictReader(open('readings_2026.csv'))\n"
        "     if r['gauge_id'] == 'TG-01' and r['month'] in " + q.Q2 + "]\n"
        "print(len(v))\nprint(f'{sum(v) / len(v):.3f}')",
        "0.102",
        "Three months, mean 0.102 m.",
        "Three April-June rows; 0.102 m. Passed.",
        "Harbour Point's mean sea level over Q2 2026 was 0.102 m.",
        "0.102",
        mid=[
            cell(
                CODER,
                "import csv\nv = [float(r['msl']) for r in "
                "csv.DictReader(open('readings_2026.csv'))]\nprint(v)",
                "KeyError: 'msl'",
            )
        ],
    ),
    checked(
        "upkeep_ok_09_retry_name",
        q.UPKEEP_Q3,
        "Q3 2026 credit under upkeep_contract.json: 38.50 a lost day, TG-03 out, cap 1,200.",
        q.UPKEEP.format(quarter="Q3", skip=q.EXCLUDED, final=q.CAPPED),
        "1155.00",
        "30 lost days without TG-03: GBP 1,155.00.",
        "Matches the contract. Approved.",
        "We're due GBP 1155.00 for Q3 2026 under the upkeep contract.",
        "1155.00",
        pre=[
            ask(CLERK, "Upkeep contract terms please."),
            read(CLERK, "upkeep_2026.json"),
            read(CLERK, "upkeep_contract.json"),
            T(
                CLERK,
                "upkeep_2026.json isn't there; upkeep_contract.json is: 38.50 a lost day, TG-03 "
                "excluded, cap 1,200.",
            ),
        ],
    ),
]

RUNS += [
    Run(
        "harbour_ok_01_plain",
        HEALTHY,
        q.HARBOUR_Q2,
        [
            ask(CLERK, "Harbour Point's April to June 2026 rows from readings_2026.csv, msl_m."),
            read(CLERK, "gauges.csv", "Harbour Point"),
            read(CLERK, "readings_2026.csv", "TG-01"),
            T(CLERK, "Harbour Point is TG-01. msl_m: April 0.104, May 0.079, June 0.123."),
            ask(CODER, "Mean of 0.104, 0.079 and 0.123, three decimals."),
            cell(CODER, "print(f'{(0.104 + 0.079 + 0.123) / 3:.3f}')", "0.102"),
            T(CODER, "0.102 m."),
            ask(
                CHECKER,
                "Harbour Point Q2 2026 mean sea level: 0.102 m from 0.104, 0.079, 0.123. OK?",
            ),
            T(CHECKER, "Rows match the file and the mean is right. Passed."),
            T(LEAD, "Harbour Point's mean sea level over Q2 2026 was 0.102 m."),
        ],
        answer="0.102",
        expect="0.102",
    ),
]
