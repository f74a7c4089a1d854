"""Berth office runs on October's grain discharges that go wrong: a brief without
"discharged", September's file, a cell that keeps the cancelled call, tonnages from a
return nobody opened, a transposed total, a cancelled call listed as completed."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _port_tasks as q
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    WRONG_ACCEPTED,
    WRONG_SOURCE,
)
from benchmarks.corpus._port_team import (
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

PLAN = "Plan: the clerk lists October's grain calls with tonnes, operation and status; the coder totals the completed discharges; checker; writer."

RUNS: list[Run] = [
    Run(
        "grain_01_discharged_dropped_from_brief",
        LOST_CONSTRAINT,
        q.GRAIN,
        [
            hand(
                LEAD,
                CODER,
                "Coder: total the October 2026 grain tonnes in calls_2026-10.csv, completed calls only. Checker next, then the writer.",
                mark="root",
            ),
            cell(
                "Grain rows, completed only.",
                q.grain(keep=q.COMPLETED),
                "9800",
            ),
            hand(CODER, CHECKER, "Six completed grain calls in October: 9,800 t."),
            read(CHECKER, q.OCT, "grain"),
            hand(
                CHECKER,
                WRITER,
                "Six completed grain calls in the file; C1008 is the cancelled one and it's out. 9,800 t.",
                mark="symptom",
            ),
            final(
                "9,800 tonnes of grain passed over the port's quays on completed calls in October 2026, across six calls."
            ),
        ],
        answer="9,800",
        expect="6,850",
    ),
    Run(
        "grain_02_september_file",
        WRONG_SOURCE,
        q.GRAIN,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.SEPT, "grain", mark="root"),
            hand(
                CLERK,
                CODER,
                "Grain calls for the month: C0901 1,580 t discharge; C0905 1,410 t discharge; C0907 3,020 t load; C0909 1,170 t discharge, cancelled; C0910 1,360 t discharge. The rest completed. Rows are in calls_2026-09.csv.",
            ),
            cell("Discharged and completed.", q.grain(calls=q.SEPT), "4350"),
            hand(
                CODER,
                CHECKER,
                "Three completed discharges, 4,350 t. The load on C0907 and cancelled C0909 are out.",
            ),
            read(CHECKER, q.SEPT, "grain"),
            hand(
                CHECKER,
                WRITER,
                "Agrees with the file row for row: 4,350 t discharged.",
                mark="symptom",
            ),
            final(
                "The port discharged 4,350 tonnes of grain in October 2026, over three completed calls (C0901, C0905 and C0910)."
            ),
        ],
        answer="4,350",
        expect="6,850",
    ),
    Run(
        "grain_03_cancelled_call_kept",
        WRONG_ACCEPTED,
        q.GRAIN,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "grain"),
            hand(
                CLERK,
                CODER,
                "Grain rows in calls_2026-10.csv: C1001, C1005, C1008, C1009, C1010, C1012, C1014. C1009 (Aire Pioneer) is a load, the rest discharges. C1008 is marked cancelled.",
            ),
            cell(
                "Filtering to discharges.",
                q.grain(keep=" and r['operation'] == 'discharge'"),
                "8350",
                mark="root",
            ),
            hand(CODER, CHECKER, "Grain discharged in October: 8,350 t over six calls."),
            read(CHECKER, q.OCT, "discharge"),
            hand(
                CHECKER,
                WRITER,
                "Six grain discharges in the file and the C1009 load left out. 8,350 t is right.",
                mark="symptom",
            ),
            final(
                "8,350 tonnes of grain were discharged at the port in October 2026, over six calls; the Aire Pioneer's grain load is not counted."
            ),
        ],
        answer="8,350",
        expect="6,850",
    ),
    Run(
        "grain_04_figures_from_the_return",
        MADE_UP,
        q.GRAIN,
        [
            hand(LEAD, CLERK, PLAN),
            hand(
                CLERK,
                CODER,
                "Going by the harbour office's monthly throughput return for October, grain discharged on completed calls: C1001 1,450 t, C1005 1,620 t, C1010 1,210 t, C1012 1,380 t, C1014 1,480 t. C1009 was a load and C1008 was cancelled.",
                mark="root",
            ),
            cell(
                "Summing the clerk's five discharges.",
                q.grain_given(
                    {"C1001": 1450, "C1005": 1620, "C1010": 1210, "C1012": 1380, "C1014": 1480}
                ),
                "7140",
            ),
            hand(CODER, CHECKER, "7,140 t over five calls."),
            read(CHECKER, "port_rules.json"),
            hand(
                CHECKER,
                WRITER,
                "Discharges only, cancelled call out, as the rules want. The five calls add to 7,140 t.",
                mark="symptom",
            ),
            final(
                "The port discharged 7,140 tonnes of grain in October 2026 over five completed calls."
            ),
        ],
        answer="7,140",
        expect="6,850",
    ),
    Run(
        "grain_05_checker_transposes",
        MISREPORTED,
        q.GRAIN,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "grain"),
            hand(
                CLERK,
                CODER,
                "Seven grain rows for October. C1009 is a load, C1008 was cancelled; C1001, C1005, C1010, C1012 and C1014 are completed discharges.",
            ),
            cell("Completed discharges.", q.grain(), "6850"),
            hand(CODER, CHECKER, "6,850 t discharged on five completed calls."),
            read(CHECKER, q.OCT, "grain"),
            hand(
                CHECKER,
                WRITER,
                "Five completed discharges, C1001, C1005, C1010, C1012 and C1014. Total 6,580 t.",
                mark="root",
            ),
            final(
                "6,580 tonnes of grain were discharged at the port in October 2026, on five completed calls.",
                mark="symptom",
            ),
        ],
        answer="6,580",
        expect="6,850",
    ),
    Run(
        "grain_06_cancelled_listed_as_completed",
        SELF_REPORT,
        q.GRAIN,
        [
            hand(LEAD, CLERK, PLAN),
            read(CLERK, q.OCT, "grain"),
            hand(
                CLERK,
                CODER,
                "October grain discharges, all completed: C1001 1,450 t, C1005 1,620 t, C1008 1,500 t, C1010 1,210 t, C1012 1,380 t, C1014 1,190 t. C1009 is a load.",
                mark="root",
            ),
            cell(
                "Totalling the six discharges.",
                q.grain_given(
                    {
                        "C1001": 1450,
                        "C1005": 1620,
                        "C1008": 1500,
                        "C1010": 1210,
                        "C1012": 1380,
                        "C1014": 1190,
                    }
                ),
                "8350",
            ),
            hand(CODER, CHECKER, "8,350 t over the six discharges the clerk listed."),
            read(CHECKER, q.OCT, "C1008"),
            hand(
                CHECKER,
                WRITER,
                "I can't clear 8,350 t. The file has C1008 as cancelled, and the clerk's list counts it as completed. Passing it on with that still open.",
                mark="symptom",
            ),
            final(
                "Provisionally, 8,350 tonnes of grain were discharged at the port in October 2026; the checker could not reconcile one call's status with the records, so the figure is unconfirmed."
            ),
        ],
        answer="8,350",
        expect="6,850",
    ),
]
