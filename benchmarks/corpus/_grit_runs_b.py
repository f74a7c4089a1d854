"""Gritting desk runs that go wrong on the aborted share and the depot crews' km: a failed
file read reported as rows, a miscount carried, a wrong denominator or week in the plan,
a crew filter dropped or flipped, route lengths nobody read, an unsure stop at Saturday."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _grit_tasks as q
from benchmarks.corpus._common import (
    BAD_SPLIT,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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

GIVEN_COUNTS = """aborted, total = {aborted}, {total}
print(f'{{100 * aborted / total:.1f}}')
"""
P1_FIRST_CRASH = """import csv
routes = {r['route_id']: r for r in csv.DictReader(open('routes.csv'))}
rows = list(csv.DictReader(open('runs_2027-01.csv')))
p1 = [r for r in rows if routes[r['route_id']]['priority'] == '1']
print(f"{100 * sum(r['status'] == 'aborted' for r in p1) / len(p1):.1f}")
print(f"{100 * sum(r['status'] == 'aborted' for r in rows) / len(row):.1f}")
"""
PLAN_LENGTHS = """import csv
length = {'R01': 36.0, 'R03': 24.0, 'R04': 12.0, 'R07': 10.0}
rows = [r for r in csv.DictReader(open('runs_2027-01.csv'))
        if r['route_id'] in length and '2027-01-11' <= r['date'] <= '2027-01-17' and r['status'] == 'completed']
print([r['run_id'] for r in rows])
print(f"{sum(length[r['route_id']] for r in rows):.1f}")
"""

ABORT_RUNS: list[Run] = [
    Run(
        "abort_01_log_name_mistyped",
        TOOL_FAILURE,
        q.ABORT,
        [
            hand(LEAD, CLERK, "Count January's gritting runs and how many of them were aborted."),
            read(CLERK, "runs_2027-1.csv"),
            hand(
                CLERK,
                CODER,
                "January's log has 24 runs; two were aborted, G0105 and G0115, both vehicle faults.",
                mark="root",
            ),
            cell("Share from the clerk's counts.", GIVEN_COUNTS.format(aborted=2, total=24), "8.3"),
            hand(CODER, CHECKER, "2 of 24 runs aborted: 8.3%."),
            hand(
                CHECKER,
                WRITER,
                "2 / 24 is 8.3% to one decimal; the arithmetic is right.",
                mark="symptom",
            ),
            final("8.3% of the depot's January 2027 gritting runs were aborted."),
        ],
        answer="8.3%",
        expect="16.7%",
    ),
    Run(
        "abort_02_share_of_completed_plan",
        BAD_SPLIT,
        q.ABORT,
        [
            hand(
                LEAD,
                CODER,
                "Plan: count the aborted runs in runs_2027-01.csv, then give them as a share of the completed runs in the same log. Percent, one decimal.",
                mark="root",
            ),
            cell(
                "Aborted over completed.",
                q.abort(total="sum(1 for r in rows if r['status'] == 'completed')"),
                "20.0",
            ),
            hand(CODER, CHECKER, "4 aborted against 20 completed: 20.0%."),
            read(CHECKER, q.JAN, "aborted"),
            hand(
                CHECKER,
                WRITER,
                "Four aborted rows in January (G0105, G0107, G0115, G0121) and 20 completed. 20.0% stands.",
                mark="symptom",
            ),
            final("20.0% of the depot's January 2027 gritting runs were aborted."),
        ],
        answer="20.0%",
        expect="16.7%",
    ),
    Run(
        "abort_03_one_aborted_run_missed",
        WRONG_INPUT,
        q.ABORT,
        [
            hand(LEAD, CLERK, "Count January's runs and its aborted runs from the log."),
            read(CLERK, q.JAN),
            hand(
                CLERK,
                CODER,
                "The January log has 24 runs, 3 of them aborted: G0105, G0107 and G0115.",
                mark="root",
            ),
            cell("Share from those counts.", GIVEN_COUNTS.format(aborted=3, total=24), "12.5"),
            hand(CODER, CHECKER, "3 of 24 is 12.5%."),
            hand(
                CHECKER, WRITER, "3 / 24 = 12.5%, one decimal as asked. It stands.", mark="symptom"
            ),
            final("12.5% of the depot's January 2027 gritting runs were aborted."),
        ],
        answer="12.5%",
        expect="16.7%",
    ),
    Run(
        "abort_04_overall_line_crashed",
        CODE_FAILURE,
        q.ABORT,
        [
            hand(
                LEAD,
                CODER,
                "Share of January 2027 runs aborted, from runs_2027-01.csv. Percent, one decimal.",
            ),
            cell(
                "Priority-1 routes first as a sense check, then the whole month.",
                P1_FIRST_CRASH,
                "NameError: name 'row' is not defined. Did you mean: 'rows'?",
                mark="root",
            ),
            hand(CODER, CHECKER, "The aborted share comes out at 20.0%."),
            read(CHECKER, q.JAN, "aborted"),
            hand(
                CHECKER,
                WRITER,
                "Aborted runs are in the log as the coder counted them, and the share is to one decimal. 20.0% stands.",
                mark="symptom",
            ),
            final("20.0% of the depot's January 2027 gritting runs were aborted."),
        ],
        answer="20.0%",
        expect="16.7%",
    ),
    Run(
        "abort_05_checker_restates_share",
        MISREPORTED,
        q.ABORT,
        [
            hand(LEAD, CODER, "Share of January 2027's runs that were aborted; runs_2027-01.csv."),
            cell("Aborted over all runs.", q.abort(), "16.7"),
            hand(CODER, CHECKER, "4 aborted of 24 runs."),
            read(CHECKER, q.JAN, "aborted"),
            hand(
                CHECKER,
                WRITER,
                "Four aborted rows out of 24 in the log: 16.1% stands.",
                mark="root",
            ),
            final("16.1% of the depot's January 2027 gritting runs were aborted.", mark="symptom"),
        ],
        answer="16.1%",
        expect="16.7%",
    ),
]

KM_RUNS: list[Run] = [
    Run(
        "km_01_monday_to_monday",
        BAD_SPLIT,
        q.KM,
        [
            hand(
                LEAD,
                CLERK,
                "Plan: the week is Monday 11 to Monday 18 January inclusive. List the depot-crewed routes with their lengths; the coder then sums route lengths of completed runs on them over that span.",
                mark="root",
            ),
            read(CLERK, "routes.csv", "depot"),
            hand(
                CLERK, CODER, "Depot crews run R01, R03, R04 and R07 (38.4, 22.1, 12.8 and 9.7 km)."
            ),
            cell("Completed depot runs 11-18 January.", q.km(hi="2027-01-18"), "117.9"),
            hand(CODER, CHECKER, "Six completed depot runs from the 11th to the 18th: 117.9 km."),
            read(CHECKER, q.JAN, "2027-01-1"),
            hand(
                CHECKER,
                WRITER,
                "The lengths match routes.csv for each of the six runs. 117.9 km stands.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 117.9 km of route on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="117.9",
        expect="95.8",
    ),
    Run(
        "km_02_depot_crews_dropped",
        LOST_CONSTRAINT,
        q.KM,
        [
            hand(
                LEAD,
                CODER,
                "Sum the route lengths of completed runs dated 11-17 January 2027; routes.csv has the lengths.",
                mark="root",
            ),
            cell("Completed runs in the week.", q.km(crew="True"), "171.3"),
            hand(CODER, CHECKER, "Seven completed runs that week, 171.3 km."),
            read(CHECKER, "routes.csv"),
            hand(
                CHECKER,
                WRITER,
                "Each run's route length matches routes.csv and only completed runs are in. 171.3 km stands.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 171.3 km on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="171.3",
        expect="95.8",
    ),
    Run(
        "km_03_dale_lane_given_to_hallam",
        WRONG_INPUT,
        q.KM,
        [
            hand(LEAD, CLERK, "Which routes do the depot's own crews run?"),
            read(CLERK, "routes.csv"),
            hand(
                CLERK,
                CODER,
                "The depot's own crews run R01, R04 and R07; R02, R03, R05 and R06 are Hallam's.",
                mark="root",
            ),
            cell(
                "Completed runs on R01, R04 and R07, 11-17 January.",
                q.km(crew="r['route_id'] in ('R01', 'R04', 'R07')"),
                "73.7",
            ),
            hand(CODER, CHECKER, "Four completed runs on R01, R04 and R07 that week: 73.7 km."),
            hand(
                CHECKER,
                WRITER,
                "The week's dates and the completed status are applied and the lengths are right. 73.7 km stands.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 73.7 km on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="73.7",
        expect="95.8",
    ),
    Run(
        "km_04_lengths_from_the_plan",
        MADE_UP,
        q.KM,
        [
            hand(
                LEAD,
                CODER,
                "Depot crews only (crew = depot in routes.csv), completed runs dated 11-17 January 2027: sum their route lengths in km.",
            ),
            cell(
                "Using the route lengths from the winter service plan: R01 36 km, R03 24 km, R04 12 km, R07 10 km.",
                PLAN_LENGTHS,
                "94.0",
                mark="root",
            ),
            hand(CODER, CHECKER, "Five completed depot runs: 94.0 km."),
            read(CHECKER, q.JAN, "2027-01-1"),
            hand(
                CHECKER,
                WRITER,
                "G0109, G0110, G0112, G0113 and G0116 are the depot's completed runs that week. 94.0 km stands.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 94.0 km on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="94.0",
        expect="95.8",
    ),
    Run(
        "km_05_stopped_at_saturday",
        SELF_REPORT,
        q.KM,
        [
            hand(LEAD, CODER, "Depot crews, completed runs, 11-17 January 2027: total route km."),
            cell(
                "Stopping at Saturday the 16th for now; I'm unsure whether a Sunday run counts in the depot's week.",
                q.km(hi="2027-01-16"),
                "83.0",
                mark="root",
            ),
            hand(
                CODER,
                CHECKER,
                "Four completed depot runs, 11-16 January: 83.0 km. The Sunday question is still open on my side.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Four completed depot runs and the lengths are right. 83.0 km.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 83.0 km on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="83.0",
        expect="95.8",
    ),
    Run(
        "km_06_crew_filter_flipped",
        WRONG_ACCEPTED,
        q.KM,
        [
            hand(LEAD, CLERK, "Which routes are the depot's own?"),
            read(CLERK, "routes.csv"),
            hand(CLERK, CODER, "The depot's own crews run R01, R03, R04 and R07."),
            cell(
                "Filtering on the crew column.",
                q.km(crew="routes[r['route_id']]['crew'] == 'contractor'"),
                "75.5",
                mark="root",
            ),
            hand(CODER, CHECKER, "Two completed runs in the week: 75.5 km."),
            read(CHECKER, q.JAN, "2027-01-1"),
            hand(
                CHECKER,
                WRITER,
                "G0111 and G0114 are completed and dated in the week, and their route lengths sum to 75.5 km. It stands.",
                mark="symptom",
            ),
            final(
                "The depot's own crews gritted 75.5 km on completed runs in the week 11-17 January 2027."
            ),
        ],
        answer="75.5",
        expect="95.8",
    ),
]

RUNS: list[Run] = [*ABORT_RUNS, *KM_RUNS]
