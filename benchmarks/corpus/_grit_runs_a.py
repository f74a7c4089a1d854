"""Gritting desk runs that go wrong on the contractor's bill and the salt figure: a brief
that drops a charge or a filter, the wrong month's log, a route put under the wrong crew,
rates quoted without reading them, a crashed cell's partial figure carried on."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _grit_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._grit_team import (
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

CONTRACTOR_ROWS = "routes[r['route_id']]['crew'] == 'contractor'"
CALLOUT_CRASH = """import csv, json
routes = {r['route_id']: r for r in csv.DictReader(open('routes.csv'))}
rates = json.load(open('rates_2026-27.json'))
runs = [r for r in csv.DictReader(open('runs_2027-01.csv')) if routes[r['route_id']]['crew'] == 'contractor']
km_pay = sum(float(routes[r['route_id']]['length_km']) * rates['pence_per_route_km'][routes[r['route_id']]['priority']] for r in runs if r['status'] == 'completed') / 100
print(f'{km_pay:.2f}')
callouts = rates['callout_gbp'] * sum(1 for r in runs if r['status'] == 'aborted')
print(f'{km_pay + callouts:.2f}')
"""
QUOTED_RATES = """import csv
routes = {r['route_id']: r for r in csv.DictReader(open('routes.csv'))}
pence = {'1': 500, '2': 440, '3': 400}
runs = [r for r in csv.DictReader(open('runs_2027-01.csv')) if r['route_id'] in ('R02', 'R05', 'R06')]
km_pay = sum(float(routes[r['route_id']]['length_km']) * pence[routes[r['route_id']]['priority']] for r in runs if r['status'] == 'completed') / 100
callouts = 75 * sum(1 for r in runs if r['status'] == 'aborted')
print(f'{km_pay + callouts:.2f}')
"""
LISTED_RUNS = """import csv
listed = {'G0101', 'G0102', 'G0103', 'G0106', 'G0107', 'G0109', 'G0110', 'G0113', 'G0115', 'G0116', 'G0118', 'G0119', 'G0121', 'G0123', 'G0124'}
rows = [r for r in csv.DictReader(open('runs_2027-01.csv')) if r['run_id'] in listed]
print(len(rows))
print(f"{sum(float(r['tonnes']) for r in rows):.1f}")
"""
FOUR_ROUTES = """import csv
rows = [r for r in csv.DictReader(open('runs_2027-01.csv')) if r['route_id'] in ('R01', 'R02', 'R04', 'R07')]
print(len(rows))
print(f"{sum(float(r['tonnes']) for r in rows):.1f}")
"""

PAY_RUNS: list[Run] = [
    Run(
        "pay_01_callouts_left_out_of_brief",
        LOST_CONSTRAINT,
        q.PAY,
        [
            hand(
                LEAD,
                CLERK,
                "Pull Hallam Haulage's January runs and the contractor rates, then come back to me.",
            ),
            read(CLERK, "routes.csv", "contractor"),
            read(CLERK, q.JAN),
            read(CLERK, q.RATES),
            hand(
                CLERK,
                LEAD,
                "Hallam crews R02, R05 and R06. Its January runs: G0102, G0104, G0111, G0114, G0118, G0120, G0122, G0123 completed; G0105 and G0107 aborted. Rates: 520p per route-km on priority 1, 460p on priority 2, 410p on priority 3, and £85 call-out for an aborted run.",
            ),
            hand(
                LEAD,
                CODER,
                "Price Hallam's completed January runs at the per-km rate for each route's priority (routes.csv, runs_2027-01.csv, rates_2026-27.json) and give the total in pounds.",
                mark="root",
            ),
            cell(
                "Completed runs on contractor routes, priced per route-km.",
                q.pay(callouts="0"),
                "1257.26",
            ),
            hand(CODER, CHECKER, "Eight completed runs on R02, R05 and R06 come to £1,257.26."),
            read(CHECKER, q.RATES),
            hand(
                CHECKER,
                WRITER,
                "The per-km rates by priority are applied to each of the eight completed runs and the lengths are the route lengths. £1,257.26 stands.",
                mark="symptom",
            ),
            final("The council owes Hallam Haulage £1,257.26 for its January 2027 gritting runs."),
        ],
        answer="1,257.26",
        expect="1,427.26",
    ),
    Run(
        "pay_02_december_log",
        WRONG_SOURCE,
        q.PAY,
        [
            hand(LEAD, CLERK, "Find Hallam Haulage's runs for the month and the routes it crews."),
            read(CLERK, q.DEC, mark="root"),
            read(CLERK, "routes.csv", "contractor"),
            hand(
                CLERK,
                CODER,
                "Hallam crews R02, R05 and R06. The run log shows five runs on them: G1202, G1204, G1207 and G1210 completed, G1205 aborted. Use that log with rates_2026-27.json.",
            ),
            cell("Running it over the log the clerk read.", q.pay(file=q.DEC), "718.14"),
            hand(
                CODER,
                CHECKER,
                "Four completed runs at route-km rates plus one £85 call-out: £718.14.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Completed runs are priced by priority and the aborted one at the call-out fee. £718.14 is right.",
                mark="symptom",
            ),
            final("Hallam Haulage is owed £718.14 for its gritting runs under the 2026-27 rates."),
        ],
        answer="718.14",
        expect="1,427.26",
    ),
    Run(
        "pay_03_aborted_runs_paid_in_full",
        BAD_ASSUMPTION,
        q.PAY,
        [
            hand(LEAD, CLERK, "List Hallam's January runs and say which of them it is paid for."),
            read(CLERK, q.JAN),
            read(CLERK, "routes.csv", "contractor"),
            hand(
                CLERK,
                CODER,
                "Ten January runs on Hallam's routes R02, R05 and R06. G0105 and G0107 are marked aborted, but the crews were out and spread salt before turning back, so I'd pay them at the route rate like the rest. All ten are payable at route-km rates.",
                mark="root",
            ),
            cell("All ten runs at route-km rates.", q.pay(paid="runs", callouts="0"), "1591.58"),
            hand(CODER, CHECKER, "Ten runs at their route's rate: £1,591.58."),
            hand(
                CHECKER,
                WRITER,
                "Each run is priced at its route's priority rate and length. £1,591.58 stands.",
                mark="symptom",
            ),
            final("The council owes Hallam Haulage £1,591.58 for its January 2027 runs."),
        ],
        answer="1,591.58",
        expect="1,427.26",
    ),
    Run(
        "pay_04_villages_loop_put_with_depot",
        WRONG_INPUT,
        q.PAY,
        [
            hand(LEAD, CLERK, "Which routes does Hallam Haulage crew?"),
            read(CLERK, "routes.csv"),
            hand(
                CLERK,
                LEAD,
                "Hallam crews R02 (A6075 Moor Road) and R05 (B6417 Harlow Bank). The depot's own crews run R01, R03, R04, R06 and R07.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Price January's runs on R02 and R05 under the 2026-27 rates: completed runs at route-km by priority, aborted runs at the call-out fee.",
            ),
            cell(
                "Runs on R02 and R05.",
                q.pay().replace(CONTRACTOR_ROWS, "r['route_id'] in ('R02', 'R05')"),
                "981.46",
            ),
            hand(
                CODER, CHECKER, "Seven runs on R02 and R05, six completed and one aborted: £981.46."
            ),
            read(CHECKER, q.RATES),
            hand(
                CHECKER,
                WRITER,
                "Rates by priority and the £85 call-out are applied as the rules say. £981.46 stands.",
                mark="symptom",
            ),
            final("Hallam Haulage is owed £981.46 for January 2027."),
        ],
        answer="981.46",
        expect="1,427.26",
    ),
    Run(
        "pay_05_callout_line_crashed",
        CODE_FAILURE,
        q.PAY,
        [
            hand(
                LEAD,
                CODER,
                "Hallam Haulage, January 2027: completed runs on contractor routes at route-km rates by priority, plus the call-out fee for each aborted run. routes.csv, runs_2027-01.csv, rates_2026-27.json.",
            ),
            cell(
                "Route-km pay first, then the call-outs.",
                CALLOUT_CRASH,
                "KeyError: 'callout_gbp'",
                mark="root",
            ),
            hand(CODER, CHECKER, "Hallam's January bill comes to £1,257.26."),
            read(CHECKER, "routes.csv", "contractor"),
            hand(
                CHECKER,
                WRITER,
                "The completed runs on R02, R05 and R06 are priced at the right rates for their priorities. £1,257.26 stands.",
                mark="symptom",
            ),
            final("The council owes Hallam Haulage £1,257.26 for its January 2027 gritting runs."),
        ],
        answer="1,257.26",
        expect="1,427.26",
    ),
    Run(
        "pay_06_rates_quoted_unread",
        MADE_UP,
        q.PAY,
        [
            hand(LEAD, CLERK, "Get Hallam's January runs and the contractor rates for 2026-27."),
            read(CLERK, q.JAN),
            hand(
                CLERK,
                CODER,
                "Hallam's routes are R02, R05 and R06. The 2026-27 rates are 500p per route-km on priority 1, 440p on priority 2, 400p on priority 3, with a £75 call-out for an aborted run.",
                mark="root",
            ),
            cell("Pricing with the clerk's rates.", QUOTED_RATES, "1361.80"),
            hand(CODER, CHECKER, "Eight completed runs and two call-outs: £1,361.80."),
            hand(
                CHECKER,
                WRITER,
                "Each completed run is priced at the quoted rate for its priority and each aborted run at £75. £1,361.80 stands.",
                mark="symptom",
            ),
            final("Hallam Haulage is owed £1,361.80 for January 2027 under the 2026-27 rates."),
        ],
        answer="1,361.80",
        expect="1,427.26",
    ),
]

SALT_RUNS: list[Run] = [
    Run(
        "salt_01_main_routes_plan",
        BAD_SPLIT,
        q.SALT,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: the priority-1 network is the depot's main routes, which routes.csv marks as priority 1 and 2. Find those routes; the coder then sums completed runs' tonnes on them for January.",
                mark="root",
            ),
            read(CLERK, "routes.csv"),
            hand(CLERK, CODER, "Priority 1 and 2 routes: R01, R02, R03, R04, R05 and R07."),
            cell("Completed January runs on those routes.", q.salt(prios="('1', '2')"), "84.1"),
            hand(CODER, CHECKER, "18 completed runs on the six routes spread 84.1 t."),
            read(CHECKER, q.JAN, "completed"),
            hand(
                CHECKER,
                WRITER,
                "Aborted runs are out and every completed run on the six routes is in. 84.1 t stands.",
                mark="symptom",
            ),
            final(
                "Completed runs spread 84.1 tonnes of salt on priority-1 routes in January 2027."
            ),
        ],
        answer="84.1",
        expect="53.2",
    ),
    Run(
        "salt_02_status_not_filtered",
        WRONG_ACCEPTED,
        q.SALT,
        [
            hand(
                LEAD,
                CODER,
                "January 2027: tonnes spread by completed runs on priority-1 routes (routes.csv gives each route's priority).",
            ),
            cell("Summing tonnes on priority-1 routes.", q.salt(keep=""), "59.3", mark="root"),
            hand(CODER, CHECKER, "15 runs on priority-1 routes, 59.3 t."),
            read(CHECKER, q.JAN),
            hand(
                CHECKER,
                WRITER,
                "The fifteen run ids and their tonnes match the January log row for row. 59.3 t stands.",
                mark="symptom",
            ),
            final("Completed runs spread 59.3 tonnes on priority-1 routes in January 2027."),
        ],
        answer="59.3",
        expect="53.2",
    ),
    Run(
        "salt_03_figure_transposed",
        MISREPORTED,
        q.SALT,
        [
            hand(LEAD, CLERK, "Which routes are priority 1?"),
            read(CLERK, "routes.csv"),
            hand(CLERK, CODER, "Priority-1 routes: R01, R02, R04 and R07."),
            cell("Completed January runs on those four.", q.salt(), "53.2"),
            hand(
                CODER,
                CHECKER,
                "Twelve completed runs on priority-1 routes, 35.2 t in all.",
                mark="root",
            ),
            hand(
                CHECKER,
                WRITER,
                "Twelve completed runs on R01, R02, R04 and R07 is the right set. 35.2 t stands.",
                mark="symptom",
            ),
            final(
                "Completed runs spread 35.2 tonnes of salt on priority-1 routes in January 2027."
            ),
        ],
        answer="35.2",
        expect="53.2",
    ),
    Run(
        "salt_04_partial_spreads_kept",
        SELF_REPORT,
        q.SALT,
        [
            hand(
                LEAD,
                CLERK,
                "List January's runs on priority-1 routes that count towards salt spread.",
            ),
            read(CLERK, "routes.csv"),
            read(CLERK, q.JAN),
            hand(
                CLERK,
                CODER,
                "Priority-1 routes are R01, R02, R04 and R07. January runs on them: G0101, G0102, G0103, G0106, G0107, G0109, G0110, G0113, G0115, G0116, G0118, G0119, G0121, G0123, G0124. G0107, G0115 and G0121 are marked aborted; I'm not sure whether their partial spreads count, so I've left them in for now.",
                mark="root",
            ),
            cell("Summing the runs the clerk listed.", LISTED_RUNS, "59.3"),
            hand(CODER, CHECKER, "The fifteen listed runs spread 59.3 t."),
            hand(
                CHECKER,
                WRITER,
                "The list is the clerk's and the tonnes add up to 59.3 t; I'd let it go.",
                mark="symptom",
            ),
            final("Completed runs spread 59.3 tonnes on priority-1 routes in January 2027."),
        ],
        answer="59.3",
        expect="53.2",
    ),
    Run(
        "salt_05_completed_dropped_from_brief",
        LOST_CONSTRAINT,
        q.SALT,
        [
            hand(LEAD, CLERK, "Which routes are priority 1? Report back to me."),
            read(CLERK, "routes.csv"),
            hand(CLERK, LEAD, "Priority-1 routes are R01, R02, R04 and R07."),
            hand(
                LEAD,
                CODER,
                "Sum the tonnes of salt logged in runs_2027-01.csv on R01, R02, R04 and R07.",
                mark="root",
            ),
            cell("Tonnes on the four routes.", FOUR_ROUTES, "59.3"),
            hand(CODER, CHECKER, "59.3 t over 15 runs on R01, R02, R04 and R07."),
            hand(
                CHECKER,
                WRITER,
                "Every January row on the four routes is in and the sum is right: 59.3 t.",
                mark="symptom",
            ),
            final("Completed runs spread 59.3 tonnes on priority-1 routes in January 2027."),
        ],
        answer="59.3",
        expect="53.2",
    ),
]

RUNS: list[Run] = [*PAY_RUNS, *SALT_RUNS]
