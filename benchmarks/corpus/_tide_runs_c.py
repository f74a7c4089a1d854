"""Tide desk runs where a constraint drops out, the lead stops early or goes round again."""

from __future__ import annotations

from benchmarks.corpus import _tide_tasks as q
from benchmarks.corpus._common import LOST_CONSTRAINT, MADE_UP, PREMATURE, REPETITION, WRONG_INPUT
from benchmarks.corpus._tide_tasks import CHECKER, CLERK, CODER, LEAD, Run, ask, cell, read
from benchmarks.corpus._tide_tasks import Turn as T

RUNS: list[Run] = [
    Run(
        "surges_20_quality_dropped",
        LOST_CONSTRAINT,
        q.NORTH_SURGES,
        [
            ask(
                CODER,
                "North gauges, 2026: count surge events at or above the warning level in "
                "thresholds.json.",
                mark="root",
            ),
            cell(CODER, q.SURGES.format(op=">=", quality=""), "7"),
            T(CODER, "7 events at or above 0.6 m."),
            ask(CHECKER, "North surges at/above warning in 2026: 7. Check?"),
            read(CHECKER, "surges_2026.csv", "TG-0"),
            T(CHECKER, "I count seven North rows at 0.6 m or more. Passed.", mark="symptom"),
            T(
                LEAD,
                "7 surge events at or above the warning level were recorded at North gauges in "
                "2026.",
            ),
        ],
        answer="7",
        expect="5",
        note="the lead's brief drops 'quality-ok events only'",
    ),
    Run(
        "upkeep_21_exclusion_not_briefed",
        LOST_CONSTRAINT,
        q.UPKEEP_Q3,
        [
            ask(CLERK, "Upkeep contract terms for Q3, please."),
            read(CLERK, "upkeep_contract.json"),
            T(
                CLERK,
                "38.50 per lost day; Q3 is 2026-07 to 2026-09; TG-03 excluded under warranty; "
                "cap 1,200 per quarter.",
            ),
            ask(
                CODER,
                "Q3 2026 lost days across the gauges (days in month - data_days) x GBP 38.50, "
                "capped at 1,200.",
                mark="root",
            ),
            cell(CODER, q.UPKEEP.format(quarter="Q3", skip="", final=q.CAPPED), "1200.00"),
            T(CODER, "1,694.00 before the cap, GBP 1,200.00 after."),
            ask(CHECKER, "Q3 credit GBP 1,200.00. OK?"),
            T(CHECKER, "Rate and cap as the contract says. Approved.", mark="symptom"),
            T(LEAD, "Q3 2026 upkeep credit due: GBP 1200.00."),
        ],
        answer="1200.00",
        expect="1155.00",
        note="the clerk reads out TG-03's exclusion; the lead's brief to the coder leaves it out",
    ),
    Run(
        "upkeep_22_rate_transposed",
        WRONG_INPUT,
        q.UPKEEP_Q3,
        [
            ask(CLERK, "Upkeep contract: rate per lost day, exclusions and cap."),
            read(CLERK, "upkeep_contract.json"),
            T(CLERK, "GBP 38.50 a lost day, TG-03 excluded, cap GBP 1,200 a quarter."),
            ask(
                CODER,
                "Q3 2026: count lost days (excluding TG-03) and multiply by GBP 35.80; cap 1,200.",
                mark="root",
            ),
            cell(
                CODER,
                q.UPKEEP.format(quarter="Q3", skip=q.EXCLUDED, final=q.CAPPED).replace(
                    "c['credit_gbp_per_lost_day']", "35.80"
                ),
                "1074.00",
            ),
            T(CODER, "30 lost days x 35.80 = GBP 1,074.00."),
            ask(CHECKER, "Q3 upkeep credit GBP 1,074.00 (30 days at 35.80). OK?"),
            T(CHECKER, "30 lost days confirmed, under the cap. Passed.", mark="symptom"),
            T(LEAD, "The Q3 2026 upkeep credit is GBP 1074.00."),
        ],
        answer="1074.00",
        expect="1155.00",
        note="the lead briefs the rate 38.50 as 35.80",
    ),
    Run(
        "avail_23_answered_early",
        PREMATURE,
        q.AVAIL_Q3,
        [
            ask(
                CODER,
                "Network-wide valid-data share for July 2026 first, please; we'll do August and "
                "September after.",
            ),
            cell(CODER, q.AVAIL.format(months="('2026-07',)", days=q.MONTH_DAYS), "94.4"),
            T(CODER, "July: 94.4% of gauge-days valid."),
            T(
                LEAD,
                "94.4% of gauge-days across the network had valid data in Q3 2026.",
                mark="root symptom",
            ),
        ],
        answer="94.4",
        expect="94.0",
        note="the lead answers for the quarter with July's figure alone",
    ),
    Run(
        "lantern_24_round_again",
        REPETITION,
        q.LANTERN_CD,
        [
            ask(CLERK, "Lantern Steps' datum offset from gauges.csv?"),
            read(CLERK, "gauges.csv", "Lantern"),
            T(CLERK, "TG-06 Lantern Steps, datum offset 1.604 m."),
            ask(CLERK, "And Lantern Steps' datum offset again, to be sure?", mark="root"),
            read(CLERK, "gauges.csv", "Lantern"),
            T(CLERK, "Same: 1.604 m."),
            ask(CLERK, "Lantern Steps' datum offset, one more time, from gauges.csv?"),
            read(CLERK, "gauges.csv", "Lantern"),
            T(CLERK, "1.604 m, as before."),
            T(
                LEAD,
                "Lantern Steps' datum offset is 1.604 m; I didn't get as far as the 2026 readings.",
                mark="symptom",
            ),
        ],
        answer="1.604",
        expect="4.80",
        note="the lead asks the clerk for the offset over and over and never gets the readings",
    ),
    Run(
        "east_25_baseline_stand_in",
        MADE_UP,
        q.EAST_MSL,
        [
            ask(
                CODER,
                "East region Q3 2026 mean msl_m over its gauges, and how far above the East "
                "baseline, mm.",
            ),
            cell(
                CODER,
                "import csv\neast = {'TG-04', 'TG-05', 'TG-08'}\n"
                "v = [float(r['msl_m']) for r in csv.DictReader(open('readings_2026.csv'))\n"
                "     if r['gauge_id'] in east and r['month'] in " + q.Q3 + "]\n"
                "base = 0.060  # stand-in baseline\nprint(round(sum(v) / len(v), 4))\n"
                "print(f'{(sum(v) / len(v) - base) * 1000:.1f}')",
                "40.4",
                mark="root",
            ),
            T(CODER, "Mean 0.1004 m; 40.4 mm above the East baseline."),
            ask(CHECKER, "East Q3 2026 MSL 40.4 mm above baseline. Check?"),
            cell(CHECKER, "print(f'{(0.1004 - 0.060) * 1000:.1f}')", "40.4"),
            T(CHECKER, "Reproduced 40.4 mm. Passed.", mark="symptom"),
            T(LEAD, "The East region's Q3 2026 mean sea level was 40.4 mm above its baseline."),
        ],
        answer="40.4",
        expect="38.4",
        note="the coder's cell uses a stand-in baseline 0.060 (thresholds.json says 0.062)",
    ),
]
