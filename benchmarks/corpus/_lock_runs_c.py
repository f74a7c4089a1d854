"""Lock desk runs that go wrong further from the figure: a contractor job carried into the
trust's week, a bill worked at an average rate, a verifier's Saturday week, the wrong
crew priced, a clerk unsure of its count, a notice that swaps two digits, closure hours
typed in from memory, a failed read reported on as if it had worked."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _lock_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    VERIFIER,
    Run,
    cell,
    close,
    finish,
    hand,
    read,
    report,
)

LISTED_WEEK = """import csv
listed = {'S0313', 'S0314', 'S0315', 'S0316', 'S0317', 'S0318'}
rows = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if r['stop_id'] in listed]
print(len(rows))
print(f"{sum(float(r['hours_closed']) for r in rows):.1f}")
"""
AVERAGE_RATE = """import csv, json
rates = json.load(open('rates_2027.json'))
jobs = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if r['crew'] == 'contractor']
hours = sum(float(r['hours_closed']) for r in jobs if r['status'] == 'cleared')
rate = sum(rates['gbp_per_hour'].values()) / len(rates['gbp_per_hour'])
print(hours, rate)
print(f"{hours * rate + rates['callout_fee_gbp'] * sum(1 for r in jobs if r['status'] == 'handed_back'):.2f}")
"""
REGISTER_HOURS = """hours = {'S0301': 6.5, 'S0304': 2.5, 'S0308': 1.5, 'S0311': 9.5, 'S0313': 3.5, 'S0317': 12.0, 'S0319': 2.0, 'S0323': 3.0, 'S0324': 2.5}
print(len(hours))
print(f'{sum(hours.values()):.1f}')
"""
FOUR_ROWS = """import csv
listed = {'S0313', 'S0314', 'S0316', 'S0317'}
rows = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if r['stop_id'] in listed]
print(len(rows))
print(f"{sum(float(r['hours_closed']) for r in rows):.1f}")
"""
BILL_NOTICE = (
    "Brindle Marine is owed GBP 3115.00 for its March 2027 stoppage work, call-out fees included."
)

RUNS: list[Run] = [
    Run(
        "week_06_contractor_job_listed",
        WRONG_INPUT,
        q.WEEK,
        [
            hand(
                CLERK,
                "List the stoppages worked by trust crews (crew = trust) dated 15-21 March 2027, with their hours.",
            ),
            read(CLERK, q.MAR, "2027-03-1"),
            report(
                CLERK,
                "Trust crews in 15-21 March: S0313 3.5 h, S0314 2.5 h, S0315 7.0 h, S0316 1.0 h, S0317 10.5 h, S0318 4.5 h.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Sum hours_closed for the clerk's six stoppages: S0313, S0314, S0315, S0316, S0317, S0318.",
            ),
            cell(LISTED_WEEK, "29.0"),
            report(ANALYST, "The six listed stoppages come to 29.0 hours."),
            *close(
                "Check 29.0 hours for the trust crews' week.",
                "The six rows exist and their hours add to 29.0. Approved.",
                "Register entry: trust crews' stoppages closed locks for 29.0 hours, 15-21 March 2027.",
                "Trust crews' stoppages closed locks for 29.0 hours in the week 15-21 March 2027.",
                "s",
            ),
        ],
        answer="29.0",
        expect="22.0",
    ),
    Run(
        "bill_06_average_rate_plan",
        BAD_SPLIT,
        q.BILL,
        [
            hand(
                ANALYST,
                "Plan: total the hours of Brindle Marine's cleared March jobs and price them at the mean of the four 2027 hourly rates, then add GBP 120 per handed-back job. Work it out from stoppages_2027-03.csv and rates_2027.json.",
                mark="root",
            ),
            cell(AVERAGE_RATE, "2801.25"),
            report(
                ANALYST,
                "46.5 cleared hours at the mean rate of GBP 52.50, plus three call-outs: GBP 2801.25.",
            ),
            *close(
                "Check the GBP 2801.25 bill for Brindle Marine.",
                "Hours, mean rate and fees agree with the files. GBP 2801.25 approved.",
                "Register entry: Brindle Marine is owed GBP 2801.25 for March 2027.",
                "The trust owes Brindle Marine GBP 2801.25 for its March 2027 stoppage work.",
                "s",
            ),
        ],
        answer="2801.25",
        expect="3151.00",
    ),
    Run(
        "week_07_verifier_ends_week_saturday",
        BAD_ASSUMPTION,
        q.WEEK,
        [
            hand(
                ANALYST,
                "Sum hours_closed of stoppages with crew = trust dated 15-21 March 2027 in stoppages_2027-03.csv.",
            ),
            cell(q.week(), "22.0"),
            report(ANALYST, "Five trust stoppages in the week: 22.0 hours."),
            hand(VERIFIER, "Check 22.0 hours for the trust crews' week of 15 March."),
            report(
                VERIFIER,
                "The trust's crews keep a Monday-to-Saturday timesheet week, so Sunday the 21st should not be in it. Redo it to the 20th.",
                mark="root",
            ),
            hand(ANALYST, "Redo the sum for trust-crew stoppages dated 15-20 March 2027."),
            cell(q.week(hi="2027-03-20"), "17.5"),
            report(ANALYST, "Four trust stoppages from the 15th to the 20th: 17.5 hours."),
            hand(VERIFIER, "Check 17.5 hours, 15-20 March."),
            report(VERIFIER, "17.5 hours for Monday to Saturday. Approved.", mark="symptom"),
            *finish(
                "Register entry: 17.5 hours for the trust crews' week of 15 March.",
                "Trust crews' stoppages closed locks for 17.5 hours in the week of 15 March 2027.",
            ),
        ],
        answer="17.5",
        expect="22.0",
    ),
    Run(
        "bill_07_trust_crew_priced",
        WRONG_ACCEPTED,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's March 2027 jobs from stoppages_2027-03.csv and rates_2027.json: cleared at hours times the cause rate, handed back at the call-out fee.",
            ),
            cell(q.bill(crew="trust"), "2809.50", mark="root"),
            report(ANALYST, "Brindle Marine's bill: GBP 2809.50, no call-outs due."),
            hand(VERIFIER, "Check the GBP 2809.50 bill for Brindle Marine."),
            read(VERIFIER, q.RATES),
            report(
                VERIFIER,
                "The hourly rates in the cell are the 2027 rates. GBP 2809.50 stands.",
                mark="symptom",
            ),
            *finish(
                "Register entry: Brindle Marine is owed GBP 2809.50 for March 2027.",
                "The trust owes Brindle Marine GBP 2809.50 for March 2027.",
            ),
        ],
        answer="2809.50",
        expect="3151.00",
    ),
    Run(
        "share_04_clerk_unsure_of_total",
        SELF_REPORT,
        q.SHARE,
        [
            hand(CLERK, "Count March 2027's stoppages and the paddle faults among them."),
            read(CLERK, q.MAR),
            report(
                CLERK,
                "24 rows, 6 of them paddle faults. I am unsure the three handed-back jobs count as stoppages; I would leave them out and take 21, but I found nothing that settles it.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Paddle faults as a percent of the clerk's 21 stoppages in stoppages_2027-03.csv.",
            ),
            cell(q.share(total="21"), "28.6"),
            report(ANALYST, "6 of 21: 28.6%."),
            *close(
                "Check 28.6% for March's paddle faults.",
                "Six paddle faults over the clerk's 21: 28.6%. Approved.",
                "Register entry: 28.6% of March 2027's stoppages were paddle faults.",
                "Paddle faults made up 28.6% of March 2027's lock stoppages.",
                "s",
            ),
        ],
        answer="28.6",
        expect="25.0",
    ),
    Run(
        "bill_08_notice_digits_swapped",
        MISREPORTED,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's March 2027 jobs (crew = contractor) from stoppages_2027-03.csv and rates_2027.json: cleared at hours times the cause rate, handed back at the call-out fee.",
            ),
            cell(q.bill(), "3151.00"),
            report(
                ANALYST,
                "GBP 2791.00 for cleared jobs and GBP 360.00 in call-out fees: GBP 3151.00.",
            ),
            *close(
                "Check the GBP 3151.00 bill for Brindle Marine.",
                "Five cleared jobs and three call-outs, GBP 3151.00. It stands.",
                "Register entry: Brindle Marine is owed GBP 3151.00 for March 2027, call-out fees included.",
                BILL_NOTICE,
                " rs",
            ),
        ],
        answer="3115.00",
        expect="3151.00",
    ),
    Run(
        "marsh_05_hours_from_memory",
        MADE_UP,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum the closure hours of cleared March 2027 stoppages at the Marsh flight's locks.",
            ),
            cell(
                REGISTER_HOURS,
                "43.0",
                mark="root",
                say="Taking the Marsh flight's cleared closures and hours from the yard's lock register as I have them.",
            ),
            report(ANALYST, "Nine cleared Marsh flight stoppages: 43.0 hours."),
            *close(
                "Check 43.0 hours for the Marsh flight.",
                "Nine cleared stoppages at the Marsh locks, as the log has; 43.0 hours approved.",
                "Register entry: 43.0 hours of Marsh flight closure in March 2027.",
                "Cleared stoppages closed the Marsh flight's locks for 43.0 hours in March 2027.",
                "s",
            ),
        ],
        answer="43.0",
        expect="41.0",
    ),
    Run(
        "week_08_failed_read_reported_on",
        TOOL_FAILURE,
        q.WEEK,
        [
            hand(
                CLERK,
                "List the trust-crew stoppages (crew = trust) dated 15-21 March 2027 with their hours.",
            ),
            read(CLERK, "stoppages_2027-3.csv", "trust"),
            report(
                CLERK,
                "Trust crews in the week: S0313 3.5 h, S0314 2.5 h, S0316 1.0 h, S0317 10.5 h.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Sum hours_closed for S0313, S0314, S0316 and S0317 from stoppages_2027-03.csv.",
            ),
            cell(FOUR_ROWS, "17.5"),
            report(ANALYST, "The four stoppages come to 17.5 hours."),
            *close(
                "Check 17.5 hours for the trust crews' week.",
                "The four rows add to 17.5 hours. Approved.",
                "Register entry: 17.5 hours, trust crews, 15-21 March 2027.",
                "Trust crews' stoppages closed locks for 17.5 hours in the week 15-21 March 2027.",
                "s",
            ),
        ],
        answer="17.5",
        expect="22.0",
    ),
]
