"""Maintenance desk runs where trouble is reported, a result is misquoted, figures are
made up, a tool's error is read as an answer, a constraint is dropped, or a cell is
resent unchanged."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _wind_tasks as q
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    REPETITION,
    SELF_REPORT,
    TOOL_FAILURE,
)
from benchmarks.corpus._wind_team import (
    ANALYST,
    CODER,
    ENGINEER,
    VERIFIER,
    WRITER,
    Run,
    assign,
    cell,
    final,
    read,
    say,
    verdict,
)

NR_GEAR = (
    "import csv\n"
    "rows = [r for r in csv.DictReader(open('work_orders_2026.csv'))\n"
    "        if r['category'] == 'gearbox' and r['status'] == 'closed' and r['opened'] < '2026-04'\n"
    "        and turbines[r['turbine_id']]['site'] == 'North Ridge']\n"
    "print(sum(float(r['labour_hours']) for r in rows) * 68)"
)

RUNS: list[Run] = [
    Run(
        "down_02_analyst_march_event_flagged",
        SELF_REPORT,
        q.HILLTOP_DOWN,
        [
            assign(ANALYST, "Unplanned downtime events for T05-T08 in Q2 2026, with hours."),
            read(ANALYST, "downtime_2026.csv", "unplanned"),
            say(
                ANALYST,
                "Q2 unplanned at Hilltop Moss: D-0110 T06 8 h, D-0111 T06 32.5 h, D-0114 T05 "
                "56.75 h, D-0116 T08 32 h.",
                mark="root",
            ),
            assign(CODER, "Add up those four events, two decimals."),
            cell("Four events.", "print(f'{8 + 32.5 + 56.75 + 32:.2f}')", "129.25"),
            say(CODER, "129.25 h."),
            assign(VERIFIER, "Check 129.25 h of unplanned downtime, Hilltop Moss, Q2."),
            read(VERIFIER, "downtime_2026.csv", "D-0110"),
            verdict(
                False,
                "D-0110 started 2026-03-30T22:00 and ended 31 March: that is Q1, not Q2. I "
                "can't sign off 129.25 h with it in.",
                mark="symptom",
            ),
            assign(WRITER, "Tell them the figure is on hold while the event list is redone."),
            final(
                "We are not giving a Q2 downtime figure for Hilltop Moss yet: the verifier "
                "found a March event in the list and the total is being redone."
            ),
        ],
        answer="",
        expect="121.25 hours",
    ),
    Run(
        "westfell_03_writer_holds_two_turbines",
        SELF_REPORT,
        q.WESTFELL,
        [
            assign(
                CODER,
                "Sum Q2 2026 MWh for West Fell, i.e. the two N131s, T09 and T10.",
                say="West Fell is our old N131 pair.",
                mark="root",
            ),
            cell(
                "T09 + T10, April to June.",
                "import csv\n"
                "rows = [r for r in csv.DictReader(open('production_2026.csv'))\n"
                "        if r['turbine_id'] in ('T09', 'T10') and '2026-04' <= r['month'] <= '2026-06']\n"
                "print(f\"{sum(float(r['mwh']) for r in rows):.1f}\")",
                "3043.6",
            ),
            say(CODER, "T09 and T10 made 3043.6 MWh in Q2."),
            assign(VERIFIER, "Check the sum, 3,043.6 MWh."),
            verdict(True, "Six rows, Q2 months, sum right."),
            say(
                WRITER,
                "I can't put 3,043.6 MWh out as West Fell's output: the register has four "
                "West Fell turbines (T09-T12) and this covers T09 and T10 only.",
                mark="symptom",
            ),
        ],
        answer="",
        expect="7,754.3 MWh",
    ),
    Run(
        "down_03_coder_reports_112",
        MISREPORTED,
        q.HILLTOP_DOWN,
        [
            assign(CODER, "Hilltop Moss (T05-T08) unplanned downtime hours, Q2 2026."),
            cell(
                "Unplanned, April-June starts.",
                "import csv\n"
                "ev = [e for e in csv.DictReader(open('downtime_2026.csv'))\n"
                "      if e['turbine_id'] in ('T05', 'T06', 'T07', 'T08') and e['kind'] == 'unplanned'\n"
                "      and e['start'][:7] in ('2026-04', '2026-05', '2026-06')]\n"
                "print([e['event_id'] for e in ev])\n"
                "print(f\"{sum(float(e['hours']) for e in ev):.2f}\")",
                "121.25",
            ),
            say(CODER, "Three events, D-0111, D-0114, D-0116: 112.25 hours.", mark="root"),
            assign(VERIFIER, "Check 112.25 unplanned hours."),
            read(VERIFIER, "downtime_2026.csv", "T0"),
            verdict(
                True,
                "Right three events, planned D-0113 and D-0117 and March's D-0110 out.",
                mark="symptom",
            ),
            final("Hilltop Moss had 112.25 hours of unplanned downtime in Q2 2026."),
        ],
        answer="112.25 hours",
        expect="121.25 hours",
    ),
    Run(
        "cap_03_verifier_relays_33_5",
        MISREPORTED,
        q.CAPFACTOR,
        [
            assign(CODER, "T03, Q1 2026: capacity factor, rating 3.6 MW, 2,160 h."),
            cell(
                "Jan-Mar sum over rated energy.",
                "import csv\n"
                "mwh = sum(float(r['mwh']) for r in csv.DictReader(open('production_2026.csv'))\n"
                "          if r['turbine_id'] == 'T03' and r['month'] < '2026-04')\n"
                "print(f'{mwh / (3.6 * 2160) * 100:.1f}')",
                "35.3",
            ),
            say(CODER, "35.3"),
            assign(VERIFIER, "Check T03's Q1 capacity factor before it goes out."),
            read(VERIFIER, "turbines.csv", "T03"),
            verdict(
                True,
                "3.6 MW rating confirmed, 2,160 h for Q1. Capacity factor 33.5%, approved.",
                mark="root",
            ),
            final("T03's capacity factor for Q1 2026 was 33.5%.", mark="symptom"),
        ],
        answer="33.5%",
        expect="35.3%",
    ),
    Run(
        "avail_03_analyst_ops_summary_guess",
        MADE_UP,
        q.AVAIL_T07,
        [
            assign(ANALYST, "T07's unplanned downtime hours in March 2026?"),
            say(
                ANALYST,
                "Going by the March ops summary, T07 lost roughly 45 unplanned hours (the "
                "pitch fault plus a short trip).",
                mark="root",
            ),
            assign(CODER, "T07 March availability with 45 h unplanned over 744 h."),
            cell("As briefed.", "print(f'{(1 - 45 / 744) * 100:.2f}')", "93.95"),
            say(CODER, "93.95%."),
            assign(VERIFIER, "Check 93.95% availability for T07."),
            verdict(True, "744 h for March, planned excluded; 93.95% is right.", mark="symptom"),
            final("T07 was available 93.95% of March 2026."),
        ],
        answer="93.95%",
        expect="91.13%",
    ),
    Run(
        "restock_03_coder_flat_unit_cost",
        MADE_UP,
        q.RESTOCK,
        [
            assign(
                ENGINEER,
                "Which parts does the restock rule catch, and how many of each?",
            ),
            read(ENGINEER, "parts_stock.csv"),
            say(
                ENGINEER,
                "Up to 2x reorder level for parts at or below it: P-1001 8, P-1003 3, "
                "P-1004 15, P-1005 6, P-1006 1, P-1008 9, P-1010 4.",
            ),
            assign(CODER, "Cost that order."),
            cell(
                "No prices in the brief, so a flat £250 a unit for now.",
                "qty = {'P-1001': 8, 'P-1003': 3, 'P-1004': 15, 'P-1005': 6, 'P-1006': 1,\n"
                "       'P-1008': 9, 'P-1010': 4}\nprint(sum(qty.values()) * 250)",
                "11500",
                mark="root",
            ),
            say(CODER, "46 units, £11500."),
            assign(VERIFIER, "Check the restock cost, £11,500."),
            read(VERIFIER, "maintenance_policy.json"),
            verdict(True, "Rule applied as written (at or below, up to 2x).", mark="symptom"),
            final("The restock order under the policy will cost £11,500."),
        ],
        answer="£11,500",
        expect="£12,218",
    ),
    Run(
        "sla_03_wrong_file_name_read_as_none",
        TOOL_FAILURE,
        q.SLA,
        [
            assign(ANALYST, "Pull the 2026 priority-1 work orders with open/close times."),
            read(ANALYST, "work_orders_26.csv", ",1,", mark="root"),
            say(ANALYST, "Nothing comes back for 2026 priority-1 orders, so none can be late."),
            assign(VERIFIER, "Analyst finds no P1 orders this year. Check."),
            verdict(True, "No P1 orders, so 0 late.", mark="symptom"),
            final("0 priority-1 work orders opened in 2026 are late."),
        ],
        answer="0 priority-1 work orders",
        expect="4 priority-1 work orders",
    ),
    Run(
        "blade_03_brief_drops_closed",
        LOST_CONSTRAINT,
        q.BLADE,
        [
            assign(
                CODER,
                "Average labour hours per blade work order in 2026, from "
                "work_orders_2026.csv. Two decimals.",
                mark="root",
            ),
            cell(
                "Every blade order this year.",
                "import csv\n"
                "h = [float(r['labour_hours']) for r in csv.DictReader(open('work_orders_2026.csv'))\n"
                "     if r['category'] == 'blade']\n"
                "print(len(h))\nprint(f'{sum(h) / len(h):.2f}')",
                "11.36",
            ),
            say(CODER, "7 blade orders, 11.36 h average."),
            assign(VERIFIER, "Check 11.36 h per blade order."),
            read(VERIFIER, "work_orders_2026.csv", "blade"),
            verdict(True, "Seven blade rows, 79.5 h total: 11.36.", mark="symptom"),
            final("Blade work orders in 2026 have averaged 11.36 hours of labour."),
        ],
        answer="11.36 hours",
        expect="12.25 hours",
    ),
    Run(
        "gear_04_same_cell_three_times",
        REPETITION,
        q.GEARBOX,
        [
            assign(CODER, "Labour cost (at £68/h) of NR closed gearbox orders opened in Q1 2026."),
            cell(
                "Labour part first.", NR_GEAR, "NameError: name 'turbines' is not defined", "root"
            ),
            cell("Labour part first.", NR_GEAR, "NameError: name 'turbines' is not defined"),
            cell(
                "Labour part first.",
                NR_GEAR,
                "NameError: name 'turbines' is not defined",
                mark="symptom",
            ),
            say(CODER, "It keeps failing on my side; giving it back."),
            assign(WRITER, "Say we could not cost it today."),
            final("We could not cost the North Ridge gearbox work orders today."),
        ],
        answer="",
        expect="£24,332",
    ),
]
