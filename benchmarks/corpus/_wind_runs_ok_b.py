"""More maintenance desk runs that end right: plain ones, a crash fixed on the next
cell, an analyst asking which quarter an event belongs to, a coder correcting its own
rule before anyone checks it."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _wind_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._wind_runs_a import PROD, Q2
from benchmarks.corpus._wind_runs_b import BLADE, RAISED, STOCK
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

DOWN = """import csv
ev = [e for e in csv.DictReader(open('downtime_2026.csv'))
      if e['turbine_id'] in ('T05', 'T06', 'T07', 'T08') and e['kind'] == 'unplanned'
      and e['start'][:7] in ('2026-04', '2026-05', '2026-06')]
print([e['event_id'] for e in ev])
print(f"{sum(float(e['hours']) for e in ev):.2f}")
"""

RUNS: list[Run] = [
    Run(
        "blade_ok_open_order_left_out",
        HEALTHY,
        q.BLADE,
        [
            assign(ANALYST, "Blade work orders in 2026 with status and labour hours."),
            read(ANALYST, "work_orders_2026.csv", "blade"),
            say(
                ANALYST,
                "Seven blade orders; six closed (18, 14, 8, 12.5, 10, 11 h). W26-023 is open, "
                "its 6 h are not final, so it should stay out of a closed-orders average.",
            ),
            assign(CODER, "Mean labour hours of the six closed blade orders."),
            cell("Closed only.", BLADE.format(statuses="('closed',)", key="labour_hours"), "12.25"),
            say(CODER, "73.5 h over 6 orders: 12.25."),
            assign(VERIFIER, "Check 12.25 h."),
            verdict(True, "Open order excluded, six closed orders. Fine."),
            final("Closed blade work orders in 2026 took 12.25 hours of labour on average."),
        ],
        answer="12.25 hours",
        expect="12.25 hours",
    ),
    Run(
        "restock_ok_plain",
        HEALTHY,
        q.RESTOCK,
        [
            assign(ENGINEER, "Restock rule, exactly as the policy words it."),
            read(ENGINEER, "maintenance_policy.json"),
            say(
                ENGINEER,
                "For every part whose on_hand is at or below its reorder_level, order enough "
                "to bring it up to twice the reorder_level.",
            ),
            assign(CODER, "Cost it over parts_stock.csv."),
            cell("At or below, up to 2x.", STOCK.format(skip="", target="2 * level"), "12218"),
            say(CODER, "£12218, seven parts."),
            assign(VERIFIER, "Check £12,218."),
            read(VERIFIER, "parts_stock.csv", "P-10"),
            verdict(True, "P-1003 and P-1006 sit exactly at level and are rightly in."),
            final("This month's restock order will cost £12,218 under the policy's rule."),
        ],
        answer="£12,218",
        expect="£12,218",
    ),
    Run(
        "down_ok_plain",
        HEALTHY,
        q.HILLTOP_DOWN,
        [
            assign(CODER, "Unplanned downtime hours at Hilltop Moss (T05-T08) in Q2 2026."),
            cell("By start date, unplanned.", DOWN, "121.25"),
            say(CODER, "D-0111, D-0114, D-0116: 121.25 h."),
            assign(VERIFIER, "Check 121.25 h."),
            read(VERIFIER, "downtime_2026.csv", "T0"),
            verdict(True, "Planned D-0113 and D-0117 out; D-0110 is March. Agreed."),
            final("The Hilltop Moss turbines had 121.25 hours of unplanned downtime in Q2 2026."),
        ],
        answer="121.25 hours",
        expect="121.25 hours",
    ),
    Run(
        "down_ok_analyst_asks_about_march_event",
        HEALTHY,
        q.HILLTOP_DOWN,
        [
            assign(ANALYST, "Hilltop Moss unplanned downtime events in Q2 2026."),
            read(ANALYST, "downtime_2026.csv", "unplanned"),
            say(
                ANALYST,
                "D-0111 (32.5 h), D-0114 (56.75 h), D-0116 (32 h) are clearly Q2. D-0110 on "
                "T06 ran 30-31 March: does it belong here?",
            ),
            assign(CODER, "No, D-0110 is Q1 by its start. Sum the other three.", say="Q1."),
            cell("Three events.", "print(f'{32.5 + 56.75 + 32:.2f}')", "121.25"),
            say(CODER, "121.25."),
            assign(VERIFIER, "Check 121.25 h."),
            verdict(True, "Matches the log."),
            final("Hilltop Moss: 121.25 hours of unplanned downtime in Q2 2026."),
        ],
        answer="121.25 hours",
        expect="121.25 hours",
    ),
    Run(
        "raised_ok_crash_fixed",
        HEALTHY,
        q.RAISED,
        [
            assign(
                CODER, "Change in Hilltop Moss orders raised, H1 2025 to H1 2026; all statuses."
            ),
            cell(
                "Counting.",
                RAISED.format(extra="").replace("a, b = n(", "a, b = count("),
                "NameError: name 'count' is not defined. Did you mean: 'round'?",
            ),
            cell("Wrong function name.", RAISED.format(extra=""), "+37.5"),
            say(CODER, "8 and 11 orders: +37.5%."),
            assign(VERIFIER, "Check +37.5%."),
            read(VERIFIER, "maintenance_policy.json"),
            verdict(True, "Cancelled and open orders count as raised; done that way."),
            final("Orders raised for Hilltop Moss changed by +37.5% from H1 2025 to H1 2026."),
        ],
        answer="+37.5%",
        expect="+37.5%",
    ),
    Run(
        "sla_ok_coder_corrects_itself",
        HEALTHY,
        q.SLA,
        [
            assign(CODER, "How many 2026 P1 orders are late under the policy SLA?"),
            cell(
                "Closed P1 orders over 48 h.",
                "import csv\nfrom datetime import datetime as dt\n"
                "rows = [r for r in csv.DictReader(open('work_orders_2026.csv'))\n"
                "        if r['priority'] == '1' and r['status'] == 'closed']\n"
                "print(sum((dt.fromisoformat(r['closed']) - dt.fromisoformat(r['opened'])).total_seconds() > 172800 for r in rows))",
                "3",
            ),
            cell(
                "The policy also counts open P1 orders past 48 h at the cut-off; adding W26-023.",
                "import csv\nfrom datetime import datetime as dt\ncut = dt(2026, 6, 30, 23, 59)\n"
                "rows = [r for r in csv.DictReader(open('work_orders_2026.csv'))\n"
                "        if r['priority'] == '1' and r['status'] != 'cancelled']\n"
                "end = lambda r: dt.fromisoformat(r['closed']) if r['closed'] else cut\n"
                "print(sum((end(r) - dt.fromisoformat(r['opened'])).total_seconds() > 172800 for r in rows))",
                "4",
            ),
            say(CODER, "4 late (3 closed late, 1 still open)."),
            assign(VERIFIER, "Check 4."),
            read(VERIFIER, "work_orders_2026.csv", "W26-023"),
            verdict(True, "W26-023 open since 22 June, past 48 h. 4 is right."),
            final("4 priority-1 work orders opened in 2026 are late under the SLA."),
        ],
        answer="4 priority-1 work orders",
        expect="4 priority-1 work orders",
    ),
    Run(
        "westfell_ok_plain",
        HEALTHY,
        q.WESTFELL,
        [
            assign(ANALYST, "West Fell turbine ids?"),
            read(ANALYST, "turbines.csv", "West Fell"),
            say(ANALYST, "T09, T10, T11, T12."),
            assign(CODER, "Q2 2026 MWh for T09-T12."),
            cell(
                "April-June.",
                PROD.format(turbines="{'T09', 'T10', 'T11', 'T12'}", months=Q2),
                "7754.3",
            ),
            say(CODER, "7754.3 MWh."),
            assign(VERIFIER, "Check 7,754.3 MWh."),
            verdict(True, "Four turbines, Q2 months. OK."),
            final("West Fell's turbines produced 7,754.3 MWh in Q2 2026."),
        ],
        answer="7,754.3 MWh",
        expect="7,754.3 MWh",
    ),
]
