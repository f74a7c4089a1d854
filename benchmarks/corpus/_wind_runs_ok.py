"""Maintenance desk runs that end right, some after a near miss: a crash fixed on the
next cell, a verifier sending a figure back and having it redone, a mistyped file name
retried, an analyst asking which period an event belongs to."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _wind_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._wind_runs_a import GEAR, PROD, Q2
from benchmarks.corpus._wind_team import (
    ANALYST,
    CODER,
    ENGINEER,
    VERIFIER,
    Run,
    assign,
    cell,
    final,
    read,
    say,
    verdict,
)

AVAIL = """import csv
ev = [e for e in csv.DictReader(open('downtime_2026.csv'))
      if e['turbine_id'] == 'T07' and e['start'].startswith('2026-03') and e['{key}'] == 'unplanned']
hours = sum(float(e['hours']) for e in ev)
print([e['event_id'] for e in ev], hours)
print(f'{{(1 - hours / (31 * 24)) * 100:.2f}}')
"""

RUNS: list[Run] = [
    Run(
        "gear_ok_plain",
        HEALTHY,
        q.GEARBOX,
        [
            assign(ENGINEER, "Labour rate and which NR turbines had parts warranty in Q1 2026."),
            read(ENGINEER, "maintenance_policy.json"),
            read(ENGINEER, "turbines.csv", "North Ridge"),
            say(
                ENGINEER,
                "£68 an hour. Warranty: five years from commissioning, parts only. T03 and "
                "T04 (2022-09-30) covered; T01 and T02 (2016-05-12) not.",
            ),
            assign(
                CODER,
                "Cost NR closed gearbox orders opened Q1 2026: hours x 68, parts for T01/T02.",
            ),
            cell(
                "As briefed.",
                GEAR.format(
                    file="work_orders_2026.csv", cut="2026-04-01", rate=68, covered="{'T03', 'T04'}"
                ),
                "24332",
            ),
            say(CODER, "W26-001, -004, -010, -013: 99 h, £17,600 parts on us. 24332."),
            assign(VERIFIER, "Check £24,332."),
            read(VERIFIER, "work_orders_2026.csv", "gearbox"),
            verdict(True, "Cancelled W26-006 out, warranty parts out, 99 x 68 + 17,600."),
            final(
                "The closed gearbox work orders opened at North Ridge in Q1 2026 cost the "
                "operator £24,332 (£6,732 labour, £17,600 parts on T01 and T02)."
            ),
        ],
        answer="£24,332",
        expect="£24,332",
    ),
    Run(
        "gear_ok_verifier_sends_warranty_back",
        HEALTHY,
        q.GEARBOX,
        [
            assign(CODER, "NR closed gearbox orders opened Q1 2026: labour at £68/h plus parts."),
            cell(
                "All parts in.",
                GEAR.format(
                    file="work_orders_2026.csv", cut="2026-04-01", rate=68, covered="set()"
                ),
                "43712",
            ),
            say(CODER, "43712 for the four orders."),
            assign(VERIFIER, "Check £43,712."),
            read(VERIFIER, "turbines.csv", "North Ridge"),
            verdict(
                False,
                "T03 and T04 were commissioned 2022-09-30, so their parts were still under "
                "OEM warranty in Q1; the £19,380 of parts on W26-004 and W26-013 is not ours.",
            ),
            assign(CODER, "Redo it without parts for T03 and T04 (warranty)."),
            cell(
                "Dropping warranty parts.",
                GEAR.format(
                    file="work_orders_2026.csv", cut="2026-04-01", rate=68, covered="{'T03', 'T04'}"
                ),
                "24332",
            ),
            say(CODER, "24332 now."),
            assign(VERIFIER, "Re-check: £24,332."),
            verdict(True, "That's it: 6,732 labour + 17,600 parts."),
            final("Q1 2026 closed gearbox work at North Ridge cost the operator £24,332."),
        ],
        answer="£24,332",
        expect="£24,332",
    ),
    Run(
        "avail_ok_plain",
        HEALTHY,
        q.AVAIL_T07,
        [
            assign(ANALYST, "T07 downtime events in March 2026, split planned / unplanned."),
            read(ANALYST, "downtime_2026.csv", "T07"),
            say(
                ANALYST,
                "March: D-0106 3.5 h unplanned, D-0107 62.5 h unplanned (W26-012), D-0109 "
                "10 h planned service.",
            ),
            assign(CODER, "Availability per policy: unplanned only, over 744 h."),
            cell("Unplanned only.", AVAIL.format(key="kind"), "91.13"),
            say(CODER, "66 h unplanned, 91.13."),
            assign(VERIFIER, "Check T07 March, 91.13%."),
            verdict(True, "Planned service left out per policy, 31-day month. Good."),
            final("T07's availability in March 2026 was 91.13%."),
        ],
        answer="91.13%",
        expect="91.13%",
    ),
    Run(
        "avail_ok_column_fixed",
        HEALTHY,
        q.AVAIL_T07,
        [
            assign(CODER, "T07 availability in March 2026, policy definition (unplanned only)."),
            cell("Filter on type.", AVAIL.format(key="type"), "KeyError: 'type'"),
            cell("The column is `kind`.", AVAIL.format(key="kind"), "91.13"),
            say(CODER, "D-0106 + D-0107 = 66 h unplanned; 91.13%."),
            assign(VERIFIER, "Check 91.13%."),
            read(VERIFIER, "maintenance_policy.json"),
            verdict(True, "Matches the policy's formula."),
            final("Turbine T07 was available 91.13% of March 2026."),
        ],
        answer="91.13%",
        expect="91.13%",
    ),
    Run(
        "raised_ok_plain",
        HEALTHY,
        q.RAISED,
        [
            assign(ENGINEER, "Definition of a raised work order?"),
            read(ENGINEER, "maintenance_policy.json"),
            say(ENGINEER, "By opened date, any status: cancelled and open orders count."),
            assign(CODER, "Hilltop Moss orders raised, H1 2025 vs H1 2026, all statuses."),
            cell(
                "All statuses.",
                "import csv\nhill = {'T05', 'T06', 'T07', 'T08'}\n"
                "n = lambda f: sum(r['turbine_id'] in hill for r in csv.DictReader(open(f)))\n"
                "a, b = n('work_orders_2025.csv'), n('work_orders_2026.csv')\n"
                "print(a, b)\nprint(f'{(b - a) / a * 100:+.1f}')",
                "+37.5",
            ),
            say(CODER, "8 to 11, +37.5%."),
            assign(VERIFIER, "Check +37.5%."),
            read(VERIFIER, "work_orders_2025.csv", "T0"),
            verdict(True, "W25-008 cancelled is counted as the policy says; 8 in 2025."),
            final("Work orders raised for Hilltop Moss rose +37.5% (8 to 11) year on year."),
        ],
        answer="+37.5%",
        expect="+37.5%",
    ),
    Run(
        "westfell_ok_quarter_sent_back",
        HEALTHY,
        q.WESTFELL,
        [
            assign(CODER, "West Fell (T09-T12) MWh for Q2 2026."),
            cell(
                "Four turbines.",
                PROD.format(
                    turbines="{'T09', 'T10', 'T11', 'T12'}",
                    months=("2026-01", "2026-02", "2026-03"),
                ),
                "12218.3",
            ),
            say(CODER, "12218.3 MWh."),
            assign(VERIFIER, "Check 12,218.3 MWh."),
            verdict(
                False,
                "The months in the filter are January to March. Q2 is April to June.",
            ),
            assign(CODER, "Rerun with April-June."),
            cell(
                "Q2 months.",
                PROD.format(turbines="{'T09', 'T10', 'T11', 'T12'}", months=Q2),
                "7754.3",
            ),
            say(CODER, "7754.3 MWh for April-June."),
            assign(VERIFIER, "Re-check 7,754.3."),
            verdict(True, "Right months, four turbines, 12 rows."),
            final("West Fell produced 7,754.3 MWh in Q2 2026."),
        ],
        answer="7,754.3 MWh",
        expect="7,754.3 MWh",
    ),
    Run(
        "cap_ok_plain",
        HEALTHY,
        q.CAPFACTOR,
        [
            assign(ENGINEER, "T03 rating and the CF formula, please."),
            read(ENGINEER, "turbines.csv", "T03"),
            say(ENGINEER, "T03 is a V117, 3,600 kW. CF = MWh / (MW x hours); Q1 2026 is 2,160 h."),
            assign(CODER, "T03 Q1 2026 CF, one decimal."),
            cell(
                "Sum and divide.",
                "import csv\n"
                "mwh = sum(float(r['mwh']) for r in csv.DictReader(open('production_2026.csv'))\n"
                "          if r['turbine_id'] == 'T03' and r['month'] < '2026-04')\n"
                "print(mwh)\nprint(f'{mwh / (3.6 * 2160) * 100:.1f}')",
                "35.3",
            ),
            say(CODER, "35.3%."),
            assign(VERIFIER, "Check 35.3%."),
            read(VERIFIER, "production_2026.csv", "T03"),
            verdict(True, "2,744.6 MWh / 7,776 MWh possible = 35.3%."),
            final("T03's capacity factor in Q1 2026 was 35.3%."),
        ],
        answer="35.3%",
        expect="35.3%",
    ),
    Run(
        "sla_ok_file_name_retried",
        HEALTHY,
        q.SLA,
        [
            assign(ANALYST, "2026 priority-1 orders with their times and status."),
            read(ANALYST, "work_orders2026.csv", ",1,"),
            read(ANALYST, "work_orders_2026.csv", ",1,", say="That name was off; retrying."),
            say(
                ANALYST,
                "Seven P1 orders: W26-003, -007, -009, -010, -012, -017 closed; W26-023 open "
                "since 2026-06-22T09:10.",
            ),
            assign(ENGINEER, "SLA rule for P1, incl. open orders."),
            read(ENGINEER, "maintenance_policy.json"),
            say(
                ENGINEER,
                "Late if closed > 48 h after opening, or still open > 48 h at the cut-off.",
            ),
            assign(CODER, "Count late P1 orders on that rule."),
            cell(
                "Open orders end at the cut-off.",
                "import csv\nfrom datetime import datetime as dt\ncut = dt(2026, 6, 30, 23, 59)\n"
                "late = []\nfor r in csv.DictReader(open('work_orders_2026.csv')):\n"
                "    if r['priority'] == '1' and r['status'] != 'cancelled':\n"
                "        end = dt.fromisoformat(r['closed']) if r['closed'] else cut\n"
                "        if (end - dt.fromisoformat(r['opened'])).total_seconds() > 48 * 3600:\n"
                "            late.append(r['wo_id'])\nprint(late)\nprint(len(late))",
                "4",
            ),
            say(CODER, "4: W26-007, W26-010, W26-012, W26-023."),
            assign(VERIFIER, "Check 4 late P1 orders."),
            verdict(True, "W26-009 just inside at 47 h; W26-023 open 8 days. 4."),
            final("4 priority-1 work orders opened in 2026 are late under the 48-hour SLA."),
        ],
        answer="4 priority-1 work orders",
        expect="4 priority-1 work orders",
    ),
]
