"""Lock desk runs that go wrong on Brindle Marine's bill and the Marsh flight's hours: a
brief that drops the call-out fees or the cleared-only rule, February's log read for
March, a lock put on the wrong flight, fees taken for hourly work, a crashed cell's partial
figure carried on."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _lock_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    VERIFIER,
    WRITER,
    Run,
    answer,
    cell,
    close,
    hand,
    read,
    report,
)

BILL_CRASH = """import csv, json
rates = json.load(open('rates_2027.json'))
jobs = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if r['crew'] == 'contractor']
worked = sum(float(r['hours_closed']) * rates['gbp_per_hour'][r['cause']] for r in jobs if r['status'] == 'cleared')
print(f'{worked:.2f}')
fees = rates['callout_gbp'] * sum(1 for r in jobs if r['status'] == 'handed_back')
print(f'{worked + fees:.2f}')
"""
MARSH_CRASH = """import csv
locks = {r['lock_id']: r for r in csv.DictReader(open('locks.csv'))}
rows = [r for r in csv.DictReader(open('stoppages_2027-03.csv')) if locks[r['lock_id']]['flight'] == 'marsh']
print(f"{sum(float(r['hours_closed']) for r in rows):.1f}")
cleared = [r for r in rows if r['status'] == 'cleared']
print(f"{sum(float(r['hours']) for r in cleared):.1f}")
"""

RUNS: list[Run] = [
    Run(
        "bill_01_fees_dropped_from_brief",
        LOST_CONSTRAINT,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's cleared March 2027 jobs (crew = contractor) at hours_closed times the cause's hourly rate in rates_2027.json and print the total.",
                mark="root",
            ),
            cell(q.bill(fees="0"), "2791.00"),
            report(ANALYST, "Brindle Marine's cleared March jobs price at GBP 2791.00."),
            *close(
                "Check that Brindle Marine's March bill is GBP 2791.00.",
                "Checked the five cleared contractor jobs against the rates: GBP 2791.00 is right.",
                "Register entry: Brindle Marine is owed GBP 2791.00 for March 2027.",
                "The trust owes Brindle Marine GBP 2791.00 for its March 2027 stoppage work.",
                "s",
            ),
        ],
        answer="2791.00",
        expect="3151.00",
    ),
    Run(
        "bill_02_february_log_read",
        WRONG_SOURCE,
        q.BILL,
        [
            hand(
                CLERK,
                "Pull Brindle Marine's March 2027 jobs (crew = contractor) from the stoppage log, with their status.",
            ),
            read(CLERK, q.FEB, "contractor", mark="root"),
            report(
                CLERK,
                "Brindle Marine's jobs: S0202 gate_leak 12.5 h, S0203 paddle_fault 7.5 h, S0208 gate_leak 11.5 h, S0211 paddle_fault 8.5 h cleared; S0206 vandalism handed back.",
            ),
            hand(
                ANALYST,
                "Price the contractor jobs the clerk listed: cleared at hours times the cause rate, handed back at the call-out fee, from rates_2027.json. The clerk read stoppages_2027-02.csv.",
            ),
            cell(q.bill(file=q.FEB), "2616.00"),
            report(
                ANALYST,
                "Four cleared jobs at GBP 2496.00 and one call-out fee of GBP 120.00: GBP 2616.00.",
            ),
            *close(
                "Check the GBP 2616.00 bill for Brindle Marine.",
                "The four cleared jobs and one handed-back job price to GBP 2616.00. Approved.",
                "Register entry: Brindle Marine is owed GBP 2616.00.",
                "Brindle Marine is owed GBP 2616.00 for its March 2027 stoppage work.",
                "s",
            ),
        ],
        answer="2616.00",
        expect="3151.00",
    ),
    Run(
        "bill_03_handed_back_job_missed",
        WRONG_INPUT,
        q.BILL,
        [
            hand(
                CLERK,
                "List Brindle Marine's March 2027 jobs (crew = contractor) and which were handed back.",
            ),
            read(CLERK, q.MAR, "contractor"),
            report(
                CLERK,
                "Eight contractor jobs. Handed back: S0306 and S0322. The rest were cleared.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Price the 8 contractor jobs in stoppages_2027-03.csv: cleared ones at hours times the cause rate; the clerk's two handed-back jobs, S0306 and S0322, at the call-out fee.",
            ),
            cell(
                q.bill(
                    paid="r['stop_id'] not in ('S0306', 'S0322')",
                    fees="rates['callout_fee_gbp'] * 2",
                ),
                "3409.00",
            ),
            report(
                ANALYST,
                "Six jobs at their hourly rates come to GBP 3169.00, plus two call-out fees: GBP 3409.00.",
            ),
            *close(
                "Check the GBP 3409.00 bill: six hourly jobs, two call-outs.",
                "S0306 and S0322 are handed back in the log and priced at the fee; the total GBP 3409.00 stands.",
                "Register entry: Brindle Marine is owed GBP 3409.00 for March 2027.",
                "The trust owes Brindle Marine GBP 3409.00 for March 2027.",
                "s",
            ),
        ],
        answer="3409.00",
        expect="3151.00",
    ),
    Run(
        "bill_04_handed_back_paid_hourly",
        BAD_ASSUMPTION,
        q.BILL,
        [
            hand(
                CLERK,
                "Read the 2027 rates and say how Brindle Marine's March jobs are to be priced.",
            ),
            read(CLERK, q.RATES),
            report(
                CLERK,
                "Hourly rates by cause: gate_leak 68, paddle_fault 54, debris 41, vandalism 47. A handed-back job still had the contractor on site for its hours, so every contractor job is paid its hours at the cause rate, and handed-back jobs carry the GBP 120 call-out on top.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Price all 8 contractor jobs in stoppages_2027-03.csv at hours times the cause rate, and add GBP 120 for each handed-back job.",
            ),
            cell(q.bill(paid="True"), "5399.00"),
            report(
                ANALYST,
                "All eight jobs at hourly rates, GBP 5039.00, plus three call-outs: GBP 5399.00.",
            ),
            *close(
                "Check the GBP 5399.00 bill for Brindle Marine's March work.",
                "Hours and rates agree with the log; the bill of GBP 5399.00 is approved.",
                "Register entry: Brindle Marine is owed GBP 5399.00 for March 2027.",
                "Brindle Marine is owed GBP 5399.00 for its March 2027 stoppage work.",
                "s",
            ),
        ],
        answer="5399.00",
        expect="3151.00",
    ),
    Run(
        "bill_05_fee_cell_crashed",
        CODE_FAILURE,
        q.BILL,
        [
            hand(
                ANALYST,
                "Price Brindle Marine's March 2027 jobs from stoppages_2027-03.csv and rates_2027.json: cleared at hours times the cause rate, handed back at the call-out fee.",
            ),
            cell(BILL_CRASH, "KeyError: 'callout_gbp'", mark="root"),
            report(ANALYST, "The bill comes to GBP 2791.00."),
            *close(
                "Check the GBP 2791.00 bill for Brindle Marine.",
                "The hourly jobs price to GBP 2791.00 as the analyst printed. Approved.",
                "Register entry: Brindle Marine is owed GBP 2791.00.",
                "The trust owes Brindle Marine GBP 2791.00 for March 2027.",
                "s",
            ),
        ],
        answer="2791.00",
        expect="3151.00",
    ),
    Run(
        "marsh_01_cleared_dropped_from_brief",
        LOST_CONSTRAINT,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum hours_closed over March 2027's stoppages at the Marsh flight's locks (flight = marsh in locks.csv).",
                mark="root",
            ),
            cell(q.marsh(keep=""), "62.5"),
            report(ANALYST, "Eleven Marsh flight stoppages, 62.5 hours closed."),
            *close(
                "Check 62.5 hours for the Marsh flight in March.",
                "Eleven stoppages at W01-W03 in the log, 62.5 hours. It stands.",
                "Register entry: the Marsh flight was closed 62.5 hours in March 2027.",
                "The Marsh flight's locks were closed for 62.5 hours by stoppages in March 2027.",
                "s",
            ),
        ],
        answer="62.5",
        expect="41.0",
    ),
    Run(
        "marsh_02_kiln_lane_put_on_flight",
        WRONG_INPUT,
        q.MARSH,
        [
            hand(CLERK, "Which locks make up the Marsh flight?"),
            read(CLERK, q.LOCKS),
            report(
                CLERK,
                "The Marsh flight is W01 Marsh Bottom, W02 Marsh Middle, W03 Marsh Top and W04 Kiln Lane.",
                mark="root",
            ),
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages at W01, W02, W03 and W04.",
            ),
            cell(q.marsh(flight="r['lock_id'] in ('W01', 'W02', 'W03', 'W04')"), "46.0"),
            report(ANALYST, "46.0 hours over eleven cleared stoppages."),
            *close(
                "Check 46.0 hours at W01-W04 in March.",
                "The cleared stoppages at the four locks add to 46.0 hours. Passed.",
                "Register entry: 46.0 hours of Marsh flight closure in March 2027.",
                "Cleared stoppages closed the Marsh flight for 46.0 hours in March 2027.",
                "s",
            ),
        ],
        answer="46.0",
        expect="41.0",
    ),
    Run(
        "marsh_03_flight_filter_flipped",
        WRONG_ACCEPTED,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages at locks whose flight is marsh in locks.csv.",
            ),
            cell(q.marsh(flight="locks[r['lock_id']]['flight'] != 'marsh'"), "60.5", mark="root"),
            report(ANALYST, "Cleared Marsh flight stoppages: 60.5 hours."),
            hand(VERIFIER, "Check 60.5 hours for the Marsh flight."),
            read(VERIFIER, q.MAR, "cleared"),
            report(
                VERIFIER,
                "The cleared rows' hours add up as the analyst summed them; 60.5 is approved.",
                mark="symptom",
            ),
            hand(WRITER, "Register entry: 60.5 hours of Marsh flight closure in March 2027."),
            report(
                WRITER,
                "The Marsh flight was closed for 60.5 hours by cleared stoppages in March 2027.",
            ),
            answer(
                "The Marsh flight was closed for 60.5 hours by cleared stoppages in March 2027."
            ),
        ],
        answer="60.5",
        expect="41.0",
    ),
    Run(
        "marsh_04_partial_sum_after_crash",
        CODE_FAILURE,
        q.MARSH,
        [
            hand(
                ANALYST,
                "Sum hours_closed of cleared March 2027 stoppages at the Marsh flight's locks (locks.csv, flight = marsh).",
            ),
            cell(MARSH_CRASH, "KeyError: 'hours'", mark="root"),
            report(ANALYST, "The Marsh flight's cleared stoppages closed it for 62.5 hours."),
            *close(
                "Check 62.5 hours for the Marsh flight.",
                "The figure matches the analyst's printed sum. Approved.",
                "Register entry: 62.5 hours of Marsh flight closure.",
                "The Marsh flight's locks were closed for 62.5 hours in March 2027.",
                "s",
            ),
        ],
        answer="62.5",
        expect="41.0",
    ),
]
