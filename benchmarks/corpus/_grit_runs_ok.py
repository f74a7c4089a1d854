"""Gritting desk runs that go right, some after a near miss: a crashing cell fixed, the
wrong month's log read first, a mistyped file name retried, the checker sending back a
sum that took in aborted runs, and a week that ran into Monday."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _grit_tasks as q
from benchmarks.corpus._common import HEALTHY
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

PAY_BAD_KEY = """import csv, json
routes = {r['route_id']: r for r in csv.DictReader(open('routes.csv'))}
rates = json.load(open('rates_2026-27.json'))
runs = [r for r in csv.DictReader(open('runs_2027-01.csv')) if routes[r['route_id']]['crew'] == 'contractor']
km_pay = sum(float(routes[r['route_id']]['length_km']) * rates['pence_per_route_km'][int(routes[r['route_id']]['priority'])] for r in runs if r['status'] == 'completed') / 100
print(f"{km_pay + rates['callout_fee_gbp'] * sum(1 for r in runs if r['status'] == 'aborted'):.2f}")
"""
KM_BAD_FIELD = """import csv
routes = {r['route_id']: r for r in csv.DictReader(open('routes.csv'))}
rows = [r for r in csv.DictReader(open('runs_2027-01.csv'))
        if routes[r['route_id']]['crew'] == 'depot' and '2027-01-11' <= r['date'] <= '2027-01-17' and r['status'] == 'completed']
print(f"{sum(float(routes[r['route_id']]['length']) for r in rows):.1f}")
"""

PAY_OK = "The council owes Hallam Haulage £1,427.26 for its January 2027 gritting runs: £1,257.26 for eight completed runs at route-km rates and £170.00 in call-out fees for two aborted runs."

RUNS: list[Run] = [
    Run(
        "ok_pay_01_plain",
        HEALTHY,
        q.PAY,
        [
            hand(LEAD, CLERK, "Hallam Haulage's routes and its January runs, please."),
            read(CLERK, "routes.csv", "contractor"),
            read(CLERK, q.JAN),
            hand(
                CLERK,
                CODER,
                "Hallam crews R02, R05 and R06. January runs on them: eight completed (G0102, G0104, G0111, G0114, G0118, G0120, G0122, G0123) and two aborted (G0105, G0107). Rates and the call-out fee are in rates_2026-27.json.",
            ),
            cell(
                "Completed runs at route-km rates, aborted ones at the call-out fee.",
                q.pay(),
                "1427.26",
            ),
            hand(
                CODER,
                CHECKER,
                "£1,257.26 for the completed runs plus 2 x £85 call-outs: £1,427.26.",
            ),
            read(CHECKER, q.RATES),
            hand(
                CHECKER,
                WRITER,
                "Contractor routes only, rates by priority, aborted runs at the call-out fee: £1,427.26 stands.",
            ),
            final(PAY_OK),
        ],
        answer="1,427.26",
        expect="1,427.26",
    ),
    Run(
        "ok_pay_02_rate_key_fixed",
        HEALTHY,
        q.PAY,
        [
            hand(
                LEAD,
                CODER,
                "Hallam Haulage, January 2027: completed runs on contractor routes at route-km rates by priority, aborted runs at the call-out fee. Files: routes.csv, runs_2027-01.csv, rates_2026-27.json.",
            ),
            cell("Pricing by priority.", PAY_BAD_KEY, "KeyError: 1"),
            cell(
                "The rate table is keyed by the priority as text; dropping the int().",
                q.pay(),
                "1427.26",
            ),
            hand(CODER, CHECKER, "Eight completed runs, two aborted: £1,427.26."),
            read(CHECKER, "routes.csv", "contractor"),
            hand(
                CHECKER,
                WRITER,
                "R02, R05 and R06 are Hallam's, the call-outs are £85 each. £1,427.26 is right.",
            ),
            final(PAY_OK),
        ],
        answer="1,427.26",
        expect="1,427.26",
    ),
    Run(
        "ok_pay_03_december_read_first",
        HEALTHY,
        q.PAY,
        [
            hand(LEAD, CLERK, "Find Hallam Haulage's runs for January 2027."),
            read(CLERK, q.DEC),
            read(CLERK, q.JAN, say="That was December's log; the question is January's."),
            read(CLERK, "routes.csv", "contractor"),
            hand(
                CLERK,
                CODER,
                "From runs_2027-01.csv: ten runs on Hallam's routes R02, R05, R06, two of them aborted (G0105, G0107).",
            ),
            cell("January's log.", q.pay(), "1427.26"),
            hand(
                CODER,
                CHECKER,
                "£1,427.26: route-km pay on eight completed runs plus two call-outs.",
            ),
            hand(
                CHECKER,
                WRITER,
                "January's log, contractor routes, call-outs for the aborted runs. £1,427.26 stands.",
            ),
            final(PAY_OK),
        ],
        answer="1,427.26",
        expect="1,427.26",
    ),
    Run(
        "ok_salt_01_plain",
        HEALTHY,
        q.SALT,
        [
            hand(
                LEAD,
                CODER,
                "Tonnes spread by completed January 2027 runs on priority-1 routes (priority is in routes.csv).",
            ),
            cell("Completed runs on priority-1 routes.", q.salt(), "53.2"),
            hand(CODER, CHECKER, "Twelve completed runs on R01, R02, R04 and R07: 53.2 t."),
            read(CHECKER, "routes.csv"),
            hand(
                CHECKER,
                WRITER,
                "Priority-1 routes are R01, R02, R04 and R07 and aborted runs are out. 53.2 t stands.",
            ),
            final(
                "Completed runs spread 53.2 tonnes of salt on priority-1 routes in January 2027."
            ),
        ],
        answer="53.2",
        expect="53.2",
    ),
    Run(
        "ok_salt_02_aborted_runs_sent_back",
        HEALTHY,
        q.SALT,
        [
            hand(LEAD, CODER, "January 2027: salt spread on priority-1 routes by completed runs."),
            cell("Tonnes on priority-1 routes.", q.salt(keep=""), "59.3"),
            hand(CODER, CHECKER, "15 runs on priority-1 routes, 59.3 t."),
            read(CHECKER, q.JAN, "aborted"),
            hand(
                CHECKER,
                CODER,
                "G0107, G0115 and G0121 are aborted and the question counts completed runs only. Please rerun with the status filter.",
            ),
            cell("Completed runs only.", q.salt(), "53.2"),
            hand(CODER, CHECKER, "Twelve completed runs: 53.2 t."),
            hand(CHECKER, WRITER, "The three aborted runs are out now. 53.2 t stands."),
            final(
                "Completed runs spread 53.2 tonnes of salt on priority-1 routes in January 2027."
            ),
        ],
        answer="53.2",
        expect="53.2",
    ),
    Run(
        "ok_abort_01_plain",
        HEALTHY,
        q.ABORT,
        [
            hand(
                LEAD,
                CODER,
                "Share of January 2027's gritting runs that were aborted, runs_2027-01.csv, percent to one decimal.",
            ),
            cell("Aborted over all runs in the month.", q.abort(), "16.7"),
            hand(CODER, CHECKER, "4 of 24 runs aborted: 16.7%."),
            read(CHECKER, q.JAN, "aborted"),
            hand(CHECKER, WRITER, "Four aborted rows, 24 runs in the month. 16.7% stands."),
            final("16.7% of the depot's January 2027 gritting runs were aborted (4 of 24)."),
        ],
        answer="16.7%",
        expect="16.7%",
    ),
    Run(
        "ok_abort_02_file_name_retried",
        HEALTHY,
        q.ABORT,
        [
            hand(LEAD, CLERK, "Count January's runs and the aborted ones."),
            read(CLERK, "runs_2027-1.csv"),
            read(CLERK, q.JAN, say="No such file; the log is runs_2027-01.csv."),
            hand(CLERK, CODER, "24 runs in January, 4 aborted: G0105, G0107, G0115 and G0121."),
            cell("Checking the counts from the file.", q.abort(), "16.7"),
            hand(CODER, CHECKER, "The file agrees: 4 of 24, 16.7%."),
            hand(CHECKER, WRITER, "Counts from the file match the clerk's. 16.7% stands."),
            final("16.7% of the depot's January 2027 gritting runs were aborted (4 of 24)."),
        ],
        answer="16.7%",
        expect="16.7%",
    ),
    Run(
        "ok_km_01_plain",
        HEALTHY,
        q.KM,
        [
            hand(LEAD, CLERK, "Which routes do the depot's own crews run?"),
            read(CLERK, "routes.csv", "depot"),
            hand(CLERK, CODER, "Depot crews run R01, R03, R04 and R07."),
            cell("Completed depot runs, Monday 11 to Sunday 17 January.", q.km(), "95.8"),
            hand(CODER, CHECKER, "Five completed depot runs that week: 95.8 km."),
            hand(
                CHECKER,
                WRITER,
                "Depot routes, completed runs, Monday to Sunday as the rules say. 95.8 km stands.",
            ),
            final(
                "The depot's own crews gritted 95.8 km of route on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="95.8",
        expect="95.8",
    ),
    Run(
        "ok_km_02_monday_run_sent_back",
        HEALTHY,
        q.KM,
        [
            hand(
                LEAD, CODER, "Depot crews, completed runs, week of 11 January 2027: total route km."
            ),
            cell("Completed depot runs from the 11th to the 18th.", q.km(hi="2027-01-18"), "117.9"),
            hand(CODER, CHECKER, "Six completed depot runs: 117.9 km."),
            read(CHECKER, q.RATES),
            hand(
                CHECKER,
                CODER,
                "The depot's week runs Monday to Sunday, so G0117 on Monday the 18th belongs to the next week. Please stop at the 17th.",
            ),
            cell("Stopping at Sunday the 17th.", q.km(), "95.8"),
            hand(CODER, CHECKER, "Five runs: 95.8 km."),
            hand(CHECKER, WRITER, "11-17 January now. 95.8 km stands."),
            final(
                "The depot's own crews gritted 95.8 km of route on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="95.8",
        expect="95.8",
    ),
    Run(
        "ok_km_03_length_column_fixed",
        HEALTHY,
        q.KM,
        [
            hand(
                LEAD,
                CODER,
                "Depot crews only, completed runs dated 11-17 January 2027: sum of route lengths in km.",
            ),
            cell("Summing route lengths.", KM_BAD_FIELD, "KeyError: 'length'"),
            cell("The column is length_km.", q.km(), "95.8"),
            hand(CODER, CHECKER, "Five completed depot runs: 95.8 km."),
            read(CHECKER, "routes.csv", "depot"),
            hand(
                CHECKER,
                WRITER,
                "R01, R03, R04 and R07 are the depot's; the five runs and their lengths check out. 95.8 km.",
            ),
            final(
                "The depot's own crews gritted 95.8 km of route on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="95.8",
        expect="95.8",
    ),
]
