"""Box-office runs on March's booking fees that go wrong: a plan of web sales only, last
season's fee, a plan without the refund and comp rules, comps charged a fee, a fee
quoted from the website, a phone fee misread by the checker."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _box_tasks as q
from benchmarks.corpus._box_team import (
    ANALYST,
    CHECKER,
    LEDGER,
    TERMS,
    Run,
    cell,
    delegate,
    final,
    plan,
    read,
    say,
)
from benchmarks.corpus._common import (
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)

FEES_PLAN = "1. Contracts Clerk: the 2026 booking fees by channel and the fee rules in prices_2026.json. 2. Sales Ledger Clerk: the lines in sales_2026-03.csv (sold in March, whatever the performance date), by channel, with status and type. 3. Data Analyst: the fee per ticket on paid, non-comp lines; refunded lines' fees are out."
FEES_TERMS = "prices_2026.json: booking fee £1.50 per ticket online and by phone, nothing at the counter. Comps carry no fee; a refunded line is refunded in full, fee included; booking fees are the Playhouse's own income."
FEES_LINES = "sales_2026-03.csv, online and phone lines that are paid and not comp: S3001 (34), S3003 (8, phone), S3005 (28), S3008 (40, phone), S3009 (14), S3010 (38), S3013 (44), S3014 (20, phone), S3016 (9), S3017 (22), S3019 (7), S3020 (18, phone), S3022 (13), S3024 (9), S3025 (52), S3027 (18, phone), S3028 (36), S3030 (15). Refunded: S3006, S3012, S3021, S3026. Comp: S3004."
FEE_GIVEN = """import csv
fee = {{'online': {fee}, 'phone': {phone}}}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv')) if r['channel'] in fee and r['status'] == 'paid' and r['type'] != 'comp']
print(len(rows), sum(int(r['seats']) for r in rows))
print(f"{{sum(int(r['seats']) * fee[r['channel']] for r in rows):.2f}}")
"""

RUNS: list[Run] = [
    Run(
        "fees_01_web_sales_only",
        BAD_SPLIT,
        q.FEES,
        [
            plan(
                "1. Contracts Clerk: the 2026 online booking fee in prices_2026.json; booking fees are the website's charge. 2. Sales Ledger Clerk: the online lines in sales_2026-03.csv, with status and type. 3. Data Analyst: the fee per ticket on paid, non-comp online lines.",
                mark="root",
            ),
            read(TERMS, q.PRICES, thought="The online fee"),
            say(
                TERMS,
                "prices_2026.json: online booking fee £1.50 per ticket. Comps carry no fee; refunded lines are refunded with their fee.",
            ),
            read(LEDGER, q.MAR, "online", thought="Online lines in March"),
            say(
                LEDGER,
                "Online lines, paid, not comp: S3001 (34), S3005 (28), S3009 (14), S3010 (38), S3013 (44), S3016 (9), S3017 (22), S3019 (7), S3022 (13), S3024 (9), S3025 (52), S3028 (36), S3030 (15). Refunded: S3006, S3012, S3021, S3026. Comp: S3004.",
            ),
            cell(
                "£1.50 a ticket on the paid online lines", q.fees(channels="('online',)"), "481.50"
            ),
            say(ANALYST, "13 online lines, 321 tickets, £481.50 in booking fees."),
            read(CHECKER, q.MAR, "refunded", thought="Refunded lines first"),
            say(
                CHECKER,
                "The four refunded online lines are out with their fees and the comp S3004 carries none. £481.50 stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £481.50 in booking fees on tickets sold in March 2026."),
        ],
        answer="481.50",
        expect="637.50",
    ),
    Run(
        "fees_02_last_seasons_fee",
        WRONG_SOURCE,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.OLD_PRICES, thought="The booking fee table", mark="root"),
            say(
                TERMS,
                "Booking fee £1.25 per ticket online and by phone, nothing at the counter. Comps carry no fee; a refunded line is refunded in full, fee included.",
            ),
            read(LEDGER, q.MAR, "", thought="The whole March ledger"),
            say(LEDGER, FEES_LINES),
            cell("£1.25 a ticket online and by phone", q.fees(prices=q.OLD_PRICES), "531.25"),
            say(ANALYST, "18 lines, 425 tickets, £531.25 in booking fees."),
            read(CHECKER, q.MAR, "comp", thought="Comps should carry no fee"),
            say(
                CHECKER,
                "S3004 is the only online or phone comp and it is out; refunds are out; 425 tickets at £1.25. £531.25 stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £531.25 in booking fees on tickets sold in March 2026."),
        ],
        answer="531.25",
        expect="637.50",
    ),
    Run(
        "fees_03_plan_without_the_rules",
        LOST_CONSTRAINT,
        q.FEES,
        [
            plan(
                "1. Contracts Clerk: the 2026 booking fee by channel in prices_2026.json. 2. Sales Ledger Clerk: the online and phone lines in sales_2026-03.csv. 3. Data Analyst: seats on those lines times the fee.",
                mark="root",
            ),
            read(TERMS, q.PRICES, thought="Fees by channel"),
            say(
                TERMS,
                "2026 booking fee: £1.50 per ticket online, £1.50 by phone, nothing at the counter.",
            ),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(
                LEDGER,
                "Online and phone lines in sales_2026-03.csv: S3001, S3003, S3004, S3005, S3006, S3008, S3009, S3010, S3012, S3013, S3014, S3016, S3017, S3019, S3020, S3021, S3022, S3024, S3025, S3026, S3027, S3028, S3030.",
            ),
            cell("Seats on every online and phone line times £1.50", q.fees(keep=""), "732.00"),
            say(ANALYST, "23 lines, 488 tickets, £732.00 in booking fees."),
            read(CHECKER, q.PRICES, thought="Check the fee"),
            say(
                CHECKER,
                "£1.50 a ticket online and by phone, nothing at the counter, and every online and phone line is counted. £732.00 stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £732.00 in booking fees on tickets sold in March 2026."),
        ],
        answer="732.00",
        expect="637.50",
    ),
    Run(
        "fees_04_comps_charged",
        WRONG_ACCEPTED,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.PRICES, thought="Fees and rules"),
            say(TERMS, FEES_TERMS),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell(
                "Paid online and phone lines at £1.50 a ticket",
                q.fees(keep=q.PAID),
                "646.50",
                mark="root",
            ),
            say(ANALYST, "19 paid lines, 431 tickets, £646.50 in booking fees."),
            read(CHECKER, q.MAR, "refunded", thought="Are the refunds out?"),
            say(
                CHECKER,
                "S3006, S3012, S3021 and S3026 are refunded and out; the fee is £1.50 online and by phone. £646.50 stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £646.50 in booking fees on tickets sold in March 2026."),
        ],
        answer="646.50",
        expect="637.50",
    ),
    Run(
        "fees_05_checkout_rate",
        MADE_UP,
        q.FEES,
        [
            plan(FEES_PLAN),
            say(
                TERMS,
                "The booking fee is £1.75 a ticket online and by phone, the rate shown at the website's checkout; nothing at the counter. Comps carry no fee and refunded lines get their fee back.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell(
                "£1.75 a ticket as the clerk gave it",
                FEE_GIVEN.format(fee="1.75", phone="1.75"),
                "743.75",
            ),
            say(ANALYST, "18 lines, 425 tickets, £743.75 in booking fees."),
            read(CHECKER, q.MAR, "comp", thought="Comps"),
            say(
                CHECKER,
                "The comps are out and so are the refunded lines; 425 tickets at £1.75 is £743.75. It stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £743.75 in booking fees on tickets sold in March 2026."),
        ],
        answer="743.75",
        expect="637.50",
    ),
    Run(
        "fees_06_phone_fee_misread",
        WRONG_INPUT,
        q.FEES,
        [
            plan(FEES_PLAN),
            read(TERMS, q.PRICES, thought="Fees and rules"),
            say(TERMS, FEES_TERMS),
            read(LEDGER, q.MAR, "", thought="The March ledger"),
            say(LEDGER, FEES_LINES),
            cell("Paid, non-comp online and phone lines at the 2026 fees", q.fees(), "637.50"),
            say(ANALYST, "18 lines, 425 tickets, £637.50 in booking fees."),
            read(CHECKER, q.PRICES, thought="Check the fee table"),
            delegate(
                ANALYST,
                "Recompute March's booking fees at £1.50 a ticket online and £1.00 a ticket by phone, nothing at the counter, paid non-comp lines only.",
                "prices_2026.json lists the phone fee at £1.00; the working above used £1.50 for phone sales.",
                "The phone fee in prices_2026.json is £1.00, not £1.50; the figure needs redoing",
                mark="root",
            ),
            cell("Online £1.50, phone £1.00", FEE_GIVEN.format(fee="1.50", phone="1.00"), "585.50"),
            say(ANALYST, "321 online tickets at £1.50 and 104 phone tickets at £1.00: £585.50."),
            say(
                CHECKER,
                "With the phone fee at £1.00 the fees come to £585.50; refunds and comps are out. £585.50 stands.",
                mark="symptom",
            ),
            final("The Playhouse kept £585.50 in booking fees on tickets sold in March 2026."),
        ],
        answer="585.50",
        expect="637.50",
    ),
]
