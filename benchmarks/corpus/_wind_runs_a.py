"""Maintenance desk runs that go wrong upstream: a misread figure, a wrong file or row,
or a lead's brief that names the wrong basis."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _wind_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
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

GEAR = """import csv
turbines = {{t['turbine_id']: t for t in csv.DictReader(open('turbines.csv'))}}
orders = [o for o in csv.DictReader(open('{file}'))
          if o['category'] == 'gearbox' and o['status'] == 'closed'
          and turbines[o['turbine_id']]['site'] == 'North Ridge' and o['opened'] < '{cut}']
rate = {rate}
covered = {covered}
labour = sum(float(o['labour_hours']) for o in orders)
parts = sum(float(o['parts_cost']) for o in orders if o['turbine_id'] not in covered)
print([o['wo_id'] for o in orders], labour, parts)
print(round(labour * rate + parts))
"""
AVAIL = """import csv
events = [e for e in csv.DictReader(open('downtime_2026.csv'))
          if e['turbine_id'] == '{turbine}' and e['start'].startswith('2026-03') and e['kind'] in {kinds}]
hours = sum(float(e['hours']) for e in events)
print([e['event_id'] for e in events], hours)
print(f'{{(1 - hours / {period}) * 100:.2f}}')
"""
PROD = """import csv
rows = [r for r in csv.DictReader(open('production_2026.csv'))
        if r['turbine_id'] in {turbines} and r['month'] in {months}]
print(len(rows))
print(f"{{sum(float(r['mwh']) for r in rows):.1f}}")
"""
Q2 = ("2026-04", "2026-05", "2026-06")

RUNS: list[Run] = [
    Run(
        "gear_01_engineer_rate_86",
        WRONG_INPUT,
        q.GEARBOX,
        [
            assign(
                ENGINEER,
                "From the policy: the labour rate, and which North Ridge turbines were under "
                "OEM warranty in Q1 2026.",
                say="Two parts: the policy inputs, then the order costs.",
            ),
            read(ENGINEER, "maintenance_policy.json"),
            read(ENGINEER, "turbines.csv", "North Ridge"),
            say(
                ENGINEER,
                "Labour is charged at £86 an hour. Warranty runs five years from "
                "commissioning and covers parts only, so T03 and T04 (commissioned "
                "2022-09-30) are still covered in Q1 2026; T01 and T02 (2016) are not.",
                mark="root",
            ),
            assign(
                CODER,
                "Cost the closed gearbox work orders opened at North Ridge (T01-T04) in "
                "Jan-Mar 2026: labour_hours x £86, plus parts_cost only for T01 and T02.",
            ),
            cell(
                "Filtering work_orders_2026 to closed NR gearbox jobs opened before April.",
                GEAR.format(
                    file="work_orders_2026.csv", cut="2026-04-01", rate=86, covered="{'T03', 'T04'}"
                ),
                "26114",
            ),
            say(
                CODER,
                "Four closed gearbox orders (W26-001, -004, -010, -013), 99 labour hours, "
                "£17,600 of parts on T01/T02. Total printed: 26114.",
            ),
            assign(VERIFIER, "Check the North Ridge gearbox cost of £26,114."),
            read(VERIFIER, "work_orders_2026.csv", "gearbox"),
            verdict(
                True,
                "All four closed orders are in, W26-006 was cancelled and is rightly out; "
                "parts left off for T03/T04 under warranty. 99 h x 86 + 17,600 = 26,114.",
                mark="symptom",
            ),
            final(
                "Closed gearbox work orders opened at North Ridge in Q1 2026 cost the "
                "operator £26,114: 99 labour hours plus £17,600 of parts on T01 and T02 "
                "(the OEM carries T03 and T04's parts under warranty)."
            ),
        ],
        answer="£26,114",
        expect="£24,332",
    ),
    Run(
        "avail_01_analyst_hours_transposed",
        WRONG_INPUT,
        q.AVAIL_T07,
        [
            assign(
                ANALYST,
                "Pull T07's downtime events in March 2026 and tell me which are unplanned.",
                say="Availability is unplanned downtime over the month; start with the log.",
            ),
            read(ANALYST, "downtime_2026.csv", "T07"),
            say(
                ANALYST,
                "T07, March 2026: D-0106 trip on 2 March, 3.5 h unplanned; D-0107 pitch fault "
                "(W26-012), 26.5 h unplanned; D-0109 service on 25 March, 10 h planned. "
                "Unplanned total 30 h.",
                mark="root",
            ),
            assign(
                CODER,
                "Availability for T07 in March 2026: 1 - 30 unplanned hours / 744. Percent, "
                "two decimals.",
            ),
            cell(
                "Straight from the analyst's hours.",
                "unplanned = 3.5 + 26.5\nprint(f'{(1 - unplanned / 744) * 100:.2f}')",
                "95.97",
            ),
            say(CODER, "95.97 printed."),
            assign(VERIFIER, "Is 95.97% right for T07 in March?"),
            verdict(
                True,
                "744 hours is right for March and the planned service is correctly left "
                "out. 30 h unplanned gives 95.97%.",
                mark="symptom",
            ),
            final("T07's availability in March 2026 was 95.97% (30 unplanned hours out of 744)."),
        ],
        answer="95.97%",
        expect="91.13%",
    ),
    Run(
        "westfell_01_lead_drops_t12",
        WRONG_INPUT,
        q.WESTFELL,
        [
            assign(
                ANALYST,
                "Which turbines are at West Fell? Register only.",
                say="Sites first, then the production sum.",
            ),
            read(ANALYST, "turbines.csv", "West Fell"),
            say(ANALYST, "West Fell: T09, T10 (N131, 3.0 MW) and T11, T12 (N149, 4.5 MW)."),
            assign(
                CODER,
                "Sum production_2026.csv MWh for T09, T10 and T11 over April, May and June "
                "2026. One decimal.",
                mark="root",
            ),
            cell(
                "Summing Q2 for the three turbines in the brief.",
                PROD.format(turbines="{'T09', 'T10', 'T11'}", months=Q2),
                "5373.0",
            ),
            say(CODER, "9 rows, 5373.0 MWh."),
            assign(VERIFIER, "Check the West Fell Q2 output, 5,373.0 MWh."),
            read(VERIFIER, "production_2026.csv", "T11"),
            verdict(
                True,
                "T11's April-June rows are 961.7, 685.9 and 681.8, which match the sum's "
                "inputs; months are the right quarter. Fine.",
                mark="symptom",
            ),
            final("The West Fell turbines produced 5,373.0 MWh in Q2 2026."),
        ],
        answer="5,373.0 MWh",
        expect="7,754.3 MWh",
    ),
    Run(
        "gear_02_analyst_reads_2025_orders",
        WRONG_SOURCE,
        q.GEARBOX,
        [
            assign(
                ANALYST,
                "List the closed gearbox orders opened at North Ridge in Q1, with hours and parts.",
                say="Orders from the analyst, policy from the engineer, then the sum.",
            ),
            read(ANALYST, "work_orders_2025.csv", "gearbox", mark="root"),
            say(
                ANALYST,
                "Closed gearbox orders, North Ridge, Q1: W25-002 T01 20 h, £7,900 parts; "
                "W25-007 T03 21 h, £11,200 parts.",
            ),
            assign(ENGINEER, "Labour rate and warranty status of T01 and T03."),
            read(ENGINEER, "maintenance_policy.json"),
            say(
                ENGINEER,
                "£68 per labour hour. T03 (commissioned 2022-09-30) is inside its five-year "
                "parts warranty; T01 (2016) is long out of it.",
            ),
            assign(CODER, "W25-002 and W25-007: 41 h at £68, plus T01's £7,900 parts."),
            cell(
                "Two orders, one with parts on us.",
                "hours = 20 + 21\nparts = 7900\nprint(hours * 68 + parts)",
                "10688",
            ),
            say(CODER, "10688."),
            assign(VERIFIER, "Review £10,688 for the North Ridge gearbox work."),
            verdict(
                True,
                "Rate and warranty treatment are right, and 41 x 68 + 7,900 = 10,688.",
                mark="symptom",
            ),
            final("The closed North Ridge gearbox work orders from Q1 cost the operator £10,688."),
        ],
        answer="£10,688",
        expect="£24,332",
    ),
    Run(
        "cap_01_engineer_reads_t01_rating",
        WRONG_SOURCE,
        q.CAPFACTOR,
        [
            assign(ENGINEER, "What is T03's rated capacity?", say="Rating, then output."),
            read(ENGINEER, "turbines.csv", "T0"),
            say(
                ENGINEER,
                "T03 is a V112 rated at 3,300 kW, commissioned 2016-05-12.",
                mark="root",
            ),
            assign(
                CODER,
                "T03 capacity factor for Q1 2026: its Jan-Mar MWh from production_2026.csv "
                "over 3.3 MW x 2,160 h. Percent, one decimal.",
            ),
            cell(
                "Q1 has 90 days, so 2160 hours.",
                "import csv\n"
                "mwh = sum(float(r['mwh']) for r in csv.DictReader(open('production_2026.csv'))\n"
                "          if r['turbine_id'] == 'T03' and r['month'] < '2026-04')\n"
                "print(mwh)\nprint(f'{mwh / (3.3 * 2160) * 100:.1f}')",
                "38.5",
            ),
            say(CODER, "T03 made 2,744.6 MWh in Q1; capacity factor 38.5."),
            assign(VERIFIER, "Check T03's Q1 capacity factor of 38.5%."),
            read(VERIFIER, "production_2026.csv", "T03"),
            verdict(
                True,
                "January to March sum to 2,744.6 MWh and 90 days is 2,160 h; 38.5% holds.",
                mark="symptom",
            ),
            final("T03's capacity factor in Q1 2026 was 38.5%."),
        ],
        answer="38.5%",
        expect="35.3%",
    ),
    Run(
        "westfell_02_coder_reads_q1",
        WRONG_SOURCE,
        q.WESTFELL,
        [
            assign(
                CODER, "Sum West Fell (T09-T12) production for Q2 2026 from production_2026.csv."
            ),
            cell(
                "West Fell rows, second quarter.",
                PROD.format(
                    turbines="{'T09', 'T10', 'T11', 'T12'}",
                    months=("2026-01", "2026-02", "2026-03"),
                ),
                "12218.3",
                mark="root",
            ),
            say(CODER, "12 rows; West Fell made 12218.3 MWh."),
            assign(VERIFIER, "Check 12,218.3 MWh for West Fell Q2.", say="Looks high; check it."),
            read(VERIFIER, "turbines.csv", "West Fell"),
            verdict(
                True,
                "Four turbines, three months each, twelve rows: the count is right and the "
                "total is plausible for two 3 MW and two 4.5 MW machines.",
                mark="symptom",
            ),
            final("West Fell's four turbines produced 12,218.3 MWh in Q2 2026."),
        ],
        answer="12,218.3 MWh",
        expect="7,754.3 MWh",
    ),
    Run(
        "raised_01_lead_closed_only",
        BAD_SPLIT,
        q.RAISED,
        [
            assign(
                CODER,
                "Count closed work orders for Hilltop Moss (T05-T08) in work_orders_2025.csv "
                "and work_orders_2026.csv and give the percentage change.",
                say="Raised orders means ones that were actually worked; count closed only.",
                mark="root",
            ),
            cell(
                "Closed only, both halves.",
                "import csv\nhill = {'T05', 'T06', 'T07', 'T08'}\n"
                "def n(f):\n"
                "    return sum(1 for r in csv.DictReader(open(f))\n"
                "               if r['turbine_id'] in hill and r['status'] == 'closed')\n"
                "a, b = n('work_orders_2025.csv'), n('work_orders_2026.csv')\n"
                "print(a, b)\nprint(f'{(b - a) / a * 100:+.1f}')",
                "+28.6",
            ),
            say(CODER, "7 closed in 2025, 9 in 2026: +28.6."),
            assign(VERIFIER, "Check the Hilltop Moss change, +28.6%."),
            read(VERIFIER, "turbines.csv", "Hilltop"),
            verdict(True, "T05-T08 is Hilltop Moss; 7 to 9 is +28.6%.", mark="symptom"),
            final("Work orders raised for Hilltop Moss rose by +28.6% from H1 2025 to H1 2026."),
        ],
        answer="+28.6%",
        expect="+37.5%",
    ),
    Run(
        "down_01_lead_brief_includes_planned",
        BAD_SPLIT,
        q.HILLTOP_DOWN,
        [
            assign(
                ANALYST,
                "List all Hilltop Moss (T05-T08) downtime events starting April-June 2026, "
                "planned service included, since it all takes the machines offline.",
                mark="root",
            ),
            read(ANALYST, "downtime_2026.csv", "2026-0"),
            say(
                ANALYST,
                "Hilltop Moss, Q2: D-0111 T06 32.5 h, D-0113 T07 8 h (planned), D-0114 T05 "
                "56.75 h, D-0116 T08 32 h, D-0117 T05 9 h (planned).",
            ),
            assign(CODER, "Total those five events' hours, two decimals."),
            cell(
                "Adding up the five.",
                "hours = [32.5, 8, 56.75, 32, 9]\nprint(f'{sum(hours):.2f}')",
                "138.25",
            ),
            say(CODER, "138.25 hours."),
            assign(VERIFIER, "Confirm 138.25 h for Hilltop Moss, Q2."),
            read(VERIFIER, "downtime_2026.csv", "T0"),
            verdict(
                True,
                "Every Q2 event for T05-T08 is there, none from March; sum checks.",
                mark="symptom",
            ),
            final("The Hilltop Moss turbines were down for 138.25 hours in Q2 2026."),
        ],
        answer="138.25 hours",
        expect="121.25 hours",
    ),
    Run(
        "sla_01_lead_brief_ignores_open",
        BAD_SPLIT,
        q.SLA,
        [
            assign(
                ANALYST,
                "List 2026 priority-1 work orders that have been closed, with opened and "
                "closed times. Open ones can't be late yet, skip them.",
                say="SLA is about closure times.",
                mark="root",
            ),
            read(ANALYST, "work_orders_2026.csv", ",1,"),
            say(
                ANALYST,
                "Closed P1 orders: W26-003, W26-007, W26-009, W26-010, W26-012, W26-017. "
                "W26-023 is still open, left out as asked.",
            ),
            assign(CODER, "For those six, count how many took more than 48 h to close."),
            cell(
                "Timing each closed P1 order.",
                "import csv\nfrom datetime import datetime as dt\n"
                "ids = {'W26-003', 'W26-007', 'W26-009', 'W26-010', 'W26-012', 'W26-017'}\n"
                "rows = [r for r in csv.DictReader(open('work_orders_2026.csv')) if r['wo_id'] in ids]\n"
                "took = {r['wo_id']: (dt.fromisoformat(r['closed']) - dt.fromisoformat(r['opened'])).total_seconds() / 3600 for r in rows}\n"
                "print(took)\nprint(sum(h > 48 for h in took.values()))",
                "3",
            ),
            say(CODER, "3 over 48 h: W26-007, W26-010, W26-012."),
            assign(VERIFIER, "Check: 3 late P1 orders."),
            verdict(
                True, "W26-009 at 47 h is inside; the three are over. 3 stands.", mark="symptom"
            ),
            final("3 priority-1 work orders opened in 2026 are late under the 48-hour SLA."),
        ],
        answer="3 priority-1 work orders",
        expect="4 priority-1 work orders",
    ),
]
