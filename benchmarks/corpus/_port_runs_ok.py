"""Berth office runs on berth dues and grain that go right, some after a near miss: a
crashed cell fixed, September's call caught and redone, a mistyped file name retried, a
load sent back out of a discharge total."""

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

GRAIN_PLAN = "Plan: the clerk lists October's grain calls with tonnes, operation and status; the coder totals the completed discharges; checker; writer."

RUNS: list[Run] = [
    Run(
        "ok_dues_01_plain",
        HEALTHY,
        q.DUES,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: the clerk pulls the Humber Star's October call, its particulars and the berth's class; the dues officer says which 2026 rates and rules apply; the coder prices it; the checker checks; the writer answers.",
            ),
            read(CLERK, "vessels.csv", "Humber Star"),
            read(CLERK, q.OCT, "V05"),
            read(CLERK, "berths.csv", "B2"),
            hand(
                CLERK,
                DUES,
                "Humber Star is V05: tanker, 84.6 m, hazardous Y. One October call, C1004 at B2 (North Quay, class A), alongside 2026-10-06 14:00, departed 2026-10-08 20:00, completed.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CODER,
                "2026 tariff: class A berth dues £1.85 per metre LOA per day, each started 24 hours counts as a day, 15% surcharge on berth dues for a hazardous vessel, minimum £120. So 84.6 m x £1.85 x days x 1.15.",
            ),
            cell("Days from the call's times, then the surcharge.", q.dues(), "539.96"),
            hand(
                CODER,
                CHECKER,
                "54 hours alongside is 3 started days: £469.53 before the surcharge, £539.96 with it.",
            ),
            ask_dues("Does the 15% hazardous surcharge apply to a tanker's berth dues?"),
            answer(
                "Yes. The tariff adds 15% to the berth dues of any vessel flagged hazardous in vessels.csv; it is not added to cargo dues."
            ),
            read(CHECKER, q.OCT, "V05"),
            hand(
                CHECKER,
                WRITER,
                "C1004 is the Humber Star's only October call, 54 h is 3 days, class A rate, surcharge applies. £539.96 stands.",
            ),
            final(
                "The Humber Star's October 2026 call (C1004 at berth B2, 54 hours alongside) is charged £539.96 in berth dues: 84.6 m at £1.85 per metre per day for 3 days, plus the 15% hazardous surcharge."
            ),
        ],
        answer="539.96",
        expect="539.96",
    ),
    Run(
        "ok_dues_02_length_key_fixed",
        HEALTHY,
        q.DUES,
        [
            hand(
                LEAD,
                CODER,
                "Coder: Humber Star is V05. Price its October 2026 call from vessels.csv, berths.csv, calls_2026-10.csv and tariff_2026.json: day rule and hazardous surcharge as the tariff says. Checker, then writer.",
            ),
            cell("All from the files.", q.dues_files(loa_key="loa"), "KeyError: 'loa'"),
            cell("The length column is loa_m.", q.dues_files(), "539.96"),
            hand(
                CODER,
                CHECKER,
                "C1004 at B2 (class A), 54 hours so 3 started days, 84.6 m at £1.85 plus 15%: £539.96.",
            ),
            read(CHECKER, "vessels.csv", "V05"),
            hand(
                CHECKER,
                WRITER,
                "84.6 m and flagged hazardous, so the surcharge is due; rate and days right. £539.96.",
            ),
            final(
                "The Humber Star's October 2026 call (C1004, berth B2) is charged £539.96 in berth dues under the 2026 tariff, including the 15% hazardous surcharge over 3 days alongside."
            ),
        ],
        answer="539.96",
        expect="539.96",
    ),
    Run(
        "ok_dues_03_september_call_caught",
        HEALTHY,
        q.DUES,
        [
            hand(
                LEAD,
                CLERK,
                "Humber Star, October 2026 call, 2026 tariff. Clerk: particulars, the call, the berth class. Dues officer: rates. Coder, checker, writer.",
            ),
            read(CLERK, q.SEPT, "V05"),
            read(CLERK, "vessels.csv", "V05"),
            hand(
                CLERK,
                DUES,
                "V05 Humber Star, 84.6 m tanker, hazardous. Call C0904 at B2 (class A), 2026-09-11 15:00 to 2026-09-13 09:00, completed.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CODER,
                "Class A £1.85 per metre per day, started 24 hours a day, +15% for a hazardous vessel, £120 minimum.",
            ),
            cell(
                "Pricing the clerk's call.",
                q.dues(alongside="2026-09-11 15:00", departed="2026-09-13 09:00"),
                "359.97",
            ),
            hand(CODER, CHECKER, "2 days: £359.97 with the surcharge."),
            read(CHECKER, q.OCT, "V05"),
            hand(
                CHECKER,
                CLERK,
                "C0904 is the September call. The question is October's: C1004 in calls_2026-10.csv. Pull that one for the coder.",
            ),
            read(CLERK, q.OCT, "V05"),
            hand(
                CLERK,
                CODER,
                "October call: C1004 at B2, 2026-10-06 14:00 to 2026-10-08 20:00, completed. Same vessel particulars.",
            ),
            cell("C1004 at the same rates.", q.dues(), "539.96"),
            hand(CODER, CHECKER, "54 hours, 3 days: £539.96 with the surcharge."),
            hand(
                CHECKER,
                WRITER,
                "C1004 is the October call; rate, days and surcharge right. £539.96.",
            ),
            final(
                "Berth dues for the Humber Star's October 2026 call (C1004 at B2) are £539.96 under the 2026 tariff: 84.6 m at £1.85 per metre per day for 3 days, plus 15% for a hazardous vessel."
            ),
        ],
        answer="539.96",
        expect="539.96",
    ),
    Run(
        "ok_dues_04_surcharge_questioned",
        HEALTHY,
        q.DUES,
        [
            hand(
                LEAD,
                DUES,
                "Dues officer: the 2026 berth-dues rules for the Humber Star, then the clerk's records, the coder, checker, writer.",
            ),
            read(DUES, q.T26),
            hand(
                DUES,
                CLERK,
                "2026: class A £1.85 and class B £1.40 per metre LOA per day, each started 24 hours a day, +15% on berth dues for a hazardous vessel, £120 minimum. Clerk: the vessel, its October call and the berth class.",
            ),
            read(CLERK, "vessels.csv", "V05"),
            read(CLERK, q.OCT, "V05"),
            hand(
                CLERK,
                CODER,
                "V05: 84.6 m, tanker, hazardous Y. C1004 at B2 (class A), 2026-10-06 14:00 to 2026-10-08 20:00, fuel oil, completed.",
            ),
            cell("Class A, three started days, surcharge.", q.dues(), "539.96"),
            hand(CODER, CHECKER, "£469.53 before the surcharge, £539.96 after."),
            ask_dues(
                "C1004 discharged fuel oil. Does the cargo change whether the 15% surcharge applies to the berth dues?"
            ),
            answer(
                "No. The surcharge goes by the vessel's hazardous flag in vessels.csv, and V05 is flagged Y, so it applies."
            ),
            hand(CHECKER, WRITER, "Surcharge applies by the vessel's flag. £539.96 stands."),
            final(
                "The port charges £539.96 in berth dues for the Humber Star's October 2026 call: 3 days at the class A rate on 84.6 m, with the 15% surcharge for a vessel flagged hazardous."
            ),
        ],
        answer="539.96",
        expect="539.96",
    ),
    Run(
        "ok_grain_01_plain",
        HEALTHY,
        q.GRAIN,
        [
            hand(LEAD, CLERK, GRAIN_PLAN),
            read(CLERK, q.OCT, "grain"),
            hand(
                CLERK,
                CODER,
                "Seven grain rows in October: C1009 is a load and C1008 was cancelled; C1001, C1005, C1010, C1012 and C1014 are completed discharges.",
            ),
            cell("Completed discharges.", q.grain(), "6850"),
            hand(CODER, CHECKER, "6,850 t over the five completed discharges."),
            read(CHECKER, "port_rules.json"),
            hand(
                CHECKER,
                WRITER,
                "Completed calls only and discharges kept apart from loads, as the rules say. 6,850 t.",
            ),
            final(
                "The port discharged 6,850 tonnes of grain in October 2026, on five completed calls; the Aire Pioneer's grain load and a cancelled call are not counted."
            ),
        ],
        answer="6,850",
        expect="6,850",
    ),
    Run(
        "ok_grain_02_file_name_retried",
        HEALTHY,
        q.GRAIN,
        [
            hand(LEAD, CLERK, GRAIN_PLAN),
            read(CLERK, "calls_2026_10.csv", "grain"),
            read(CLERK, q.OCT, "grain"),
            hand(
                CLERK,
                CODER,
                "From calls_2026-10.csv: grain discharges C1001, C1005, C1010, C1012, C1014 completed; C1008 cancelled; C1009 a load.",
            ),
            cell("Completed discharges.", q.grain(), "6850"),
            hand(CODER, CHECKER, "6,850 t."),
            hand(
                CHECKER,
                WRITER,
                "The cell filters on discharge and completed and its list is the clerk's five calls. 6,850 t.",
            ),
            final("6,850 tonnes of grain were discharged at the port in October 2026."),
        ],
        answer="6,850",
        expect="6,850",
    ),
    Run(
        "ok_grain_03_load_sent_back",
        HEALTHY,
        q.GRAIN,
        [
            hand(
                LEAD,
                CODER,
                "Coder: tonnes of grain discharged in October 2026, from calls_2026-10.csv. Checker, then writer.",
            ),
            cell("Completed grain calls.", q.grain(keep=q.COMPLETED), "9800"),
            hand(CODER, CHECKER, "9,800 t on six completed grain calls."),
            read(CHECKER, q.OCT, "grain"),
            hand(
                CHECKER,
                CODER,
                "C1009 is a load (2,950 t), and the question is grain discharged. Take loads out.",
            ),
            cell("Discharges only.", q.grain(), "6850"),
            hand(CODER, CHECKER, "6,850 t on five completed discharges."),
            hand(CHECKER, WRITER, "Loads out, cancelled out. 6,850 t."),
            final(
                "The port discharged 6,850 tonnes of grain in October 2026 across five completed calls."
            ),
        ],
        answer="6,850",
        expect="6,850",
    ),
]
