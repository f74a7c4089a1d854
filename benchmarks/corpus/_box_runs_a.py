"""Box-office runs on The Salt Road's settlement that go wrong: refunds paid out, the
wrong company's terms, VAT left in, concessions at full price, a share from memory, a
cell that stops before the share."""

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
    ask,
    cell,
    final,
    plan,
    read,
    say,
)
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_SOURCE,
)

SALT_PLAN = "1. Contracts Clerk: Lantern & Rye's terms in settlements.json, the Salt Road performances in performances.csv and the 2026 main-house prices. 2. Sales Ledger Clerk: the Salt Road lines (P301-P305) in sales_2026-03.csv, with their status and type. 3. Data Analyst: ticket income of the paid lines at 2026 prices, VAT taken out, times the company's share. Booking fees stay out."
SALT_TERMS = "Lantern & Rye get 70% of net box-office receipts of paid tickets for The Salt Road, P301-P305 (10-14 March, main house), no guarantee. 2026 main-house prices include VAT at 20%: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession). Comps carry no price."
SALT_LINES = "16 Salt Road lines in sales_2026-03.csv. Paid: S3001-S3005, S3007-S3011, S3013-S3016. Refunded: S3006 (P302, 16 B full) and S3012 (P304, 6 C concession). Comps among the paid lines: S3004 (6 seats) and S3015 (4 seats)."
SHARE_KEY = """import csv, json
prices = json.load(open('prices_2026.json'))['ticket_prices']['main']
terms = json.load(open('settlements.json'))['Lantern & Rye']
run = {p['perf_id'] for p in csv.DictReader(open('performances.csv')) if p['show'] == 'The Salt Road'}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv')) if r['perf_id'] in run and r['status'] == 'paid']
gross = sum(int(r['seats']) * prices[r['band']][r['type']] for r in rows if r['type'] != 'comp')
print(len(rows), f'{gross:.2f}', f'{gross / 1.2:.2f}')
print(f"{gross / 1.2 * terms['share']:.2f}")
"""
GUARANTEED = """import csv, json
prices = json.load(open('prices_2026.json'))['ticket_prices']['main']
run = {p['perf_id'] for p in csv.DictReader(open('performances.csv')) if p['show'] == 'The Salt Road'}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv')) if r['perf_id'] in run and r['status'] == 'paid']
gross = sum(int(r['seats']) * prices[r['band']][r['type']] for r in rows if r['type'] != 'comp')
share = gross / 1.2 * 0.65
guarantee = 900 * len(run)
print(f'{gross:.2f}', f'{share:.2f}', f'{guarantee:.2f}')
print(f'{max(share, guarantee):.2f}')
"""

RUNS: list[Run] = [
    Run(
        "salt_01_refunds_still_sold",
        BAD_ASSUMPTION,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Lantern & Rye's settlement terms first"),
            read(TERMS, q.PRICES, thought="Then the 2026 main-house prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="The Salt Road is P301-P305"),
            say(
                LEDGER,
                "16 Salt Road lines in sales_2026-03.csv, comps S3004 (6) and S3015 (4). S3006 (16 B full) and S3012 (6 C concession) are marked refunded, but both performances went ahead and the seats were sold for them, so all 16 lines count toward the run's receipts.",
                mark="root",
            ),
            cell(
                "Every Salt Road line in the ledger as the clerk listed them; 2026 prices, VAT out, 70%",
                q.salt(keep=""),
                "4039.00",
            ),
            say(
                ANALYST,
                "16 lines, ticket income £6,924.00, £5,770.00 net of VAT; Lantern & Rye's 70% is £4,039.00.",
            ),
            read(CHECKER, q.PRICES, thought="Check the prices and the VAT basis"),
            say(
                CHECKER,
                "Prices are the 2026 main-house list, comps carry nothing, VAT is taken out at 20% and the share is 70%. £4,039.00 stands.",
                mark="symptom",
            ),
            final(
                "The Playhouse owes Lantern & Rye £4,039.00 for The Salt Road: 70% of £5,770.00 net box-office receipts."
            ),
        ],
        answer="4,039.00",
        expect="3,791.67",
    ),
    Run(
        "salt_02_gull_island_terms",
        WRONG_SOURCE,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="The visiting company's terms"),
            read(TERMS, q.PRICES, thought="And the 2026 main-house prices"),
            say(
                TERMS,
                "settlements.json: the company takes 0.65 of net box-office receipts or a guarantee of £900.00 a played performance, whichever is greater. 2026 main-house prices include VAT at 20%: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession). Comps carry no price.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines, P301-P305"),
            say(LEDGER, SALT_LINES),
            cell(
                "Paid lines at 2026 prices, VAT out; 65% against the £900 guarantee for each performance",
                GUARANTEED,
                "4500.00",
            ),
            say(
                ANALYST,
                "14 paid lines, £6,500.00 ticket income, £5,416.67 net; 65% is £3,520.83, below the guarantee of 5 x £900.00, so the guarantee applies: £4,500.00.",
            ),
            read(CHECKER, q.PERFS, "Salt Road", thought="Were all five performances played?"),
            say(
                CHECKER,
                "All five Salt Road performances, P301-P305, were played, so the guarantee is £4,500.00 and it beats the 65% share. £4,500.00 stands.",
                mark="symptom",
            ),
            final(
                "The Playhouse owes Lantern & Rye £4,500.00 for The Salt Road: the guarantee for five performances, above 65% of net receipts (£3,520.83)."
            ),
        ],
        answer="4,500.00",
        expect="3,791.67",
    ),
    Run(
        "salt_03_vat_left_out_of_plan",
        LOST_CONSTRAINT,
        q.SALT,
        [
            plan(
                "1. Contracts Clerk: Lantern & Rye's share in settlements.json and the 2026 main-house prices. 2. Sales Ledger Clerk: the Salt Road lines (P301-P305) in sales_2026-03.csv, paid lines only. 3. Data Analyst: ticket income of the paid lines at 2026 prices, times the company's share.",
                mark="root",
            ),
            read(TERMS, q.TERMS, thought="The share first"),
            read(TERMS, q.PRICES, thought="Then the ticket prices"),
            say(
                TERMS,
                "Lantern & Rye: 70% share, no guarantee. Main-house 2026 prices: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession); comps carry no price.",
            ),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines"),
            say(LEDGER, SALT_LINES),
            cell("Paid lines at 2026 prices times 70%, as planned", q.salt(vat="1"), "4550.00"),
            say(ANALYST, "14 paid lines, ticket income £6,500.00; 70% is £4,550.00."),
            read(CHECKER, q.MAR, "refunded", thought="Check the refunded lines are out"),
            say(
                CHECKER,
                "S3006 and S3012 are refunded and left out, comps carry no price, the prices and the 70% share match the files. £4,550.00 stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Lantern & Rye £4,550.00 for its run of The Salt Road."),
        ],
        answer="4,550.00",
        expect="3,791.67",
    ),
    Run(
        "salt_04_every_seat_full_price",
        WRONG_ACCEPTED,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Lantern & Rye's terms"),
            read(TERMS, q.PRICES, thought="2026 prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="P301-P305 lines"),
            say(LEDGER, SALT_LINES),
            cell(
                "Paid lines at the 2026 band prices, VAT out, 70%",
                q.salt(kind="'full'"),
                "3987.67",
                mark="root",
            ),
            say(
                ANALYST,
                "14 paid lines, ticket income £6,836.00, £5,696.67 net of VAT; 70% is £3,987.67.",
            ),
            ask(
                ANALYST,
                "Did your cell keep only the paid lines and leave the comps at nothing?",
                "Salt Road settlement: refunded S3006 and S3012, comps S3004 and S3015.",
                "I want to be sure the refunds and comps are handled",
            ),
            say(
                ANALYST,
                "Yes: the cell keeps status == 'paid' (14 lines) and skips type comp in the sum.",
            ),
            say(
                CHECKER,
                "Refunds are out, comps carry nothing, 2026 prices, VAT out before the 70%. £3,987.67 stands.",
                mark="symptom",
            ),
            final(
                "The Playhouse owes Lantern & Rye £3,987.67 for The Salt Road: 70% of £5,696.67 net receipts."
            ),
        ],
        answer="3,987.67",
        expect="3,791.67",
    ),
    Run(
        "salt_05_standard_split_quoted",
        MADE_UP,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.PRICES, thought="The 2026 prices"),
            say(
                TERMS,
                "Lantern & Rye are on the Playhouse's standard visiting-company split: 60% of net box-office receipts to the company, no guarantee. 2026 main-house prices include VAT at 20%: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession); comps carry no price.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines, P301-P305"),
            say(LEDGER, SALT_LINES),
            cell("Paid lines, 2026 prices, VAT out, 60% split", q.salt(share="0.60"), "3250.00"),
            say(
                ANALYST, "14 paid lines, £6,500.00 ticket income, £5,416.67 net; 60% is £3,250.00."
            ),
            read(CHECKER, q.MAR, "P30", thought="Recount the paid lines"),
            say(
                CHECKER,
                "14 paid lines, the refunds S3006 and S3012 out, comps at nothing, VAT out; the split is the standard 60%. £3,250.00 stands.",
                mark="symptom",
            ),
            final(
                "The Playhouse owes Lantern & Rye £3,250.00 for The Salt Road, 60% of £5,416.67 net box-office receipts."
            ),
        ],
        answer="3,250.00",
        expect="3,791.67",
    ),
    Run(
        "salt_06_share_line_crashed",
        CODE_FAILURE,
        q.SALT,
        [
            plan(SALT_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PRICES, thought="Prices"),
            say(TERMS, SALT_TERMS),
            read(LEDGER, q.MAR, "P30", thought="Salt Road lines"),
            say(LEDGER, SALT_LINES),
            cell(
                "Reading the share straight from settlements.json",
                SHARE_KEY,
                "KeyError: 'share'",
                mark="root",
            ),
            say(
                ANALYST,
                "14 paid Salt Road lines, ticket income £6,500.00; the settlement figure for Lantern & Rye is £5,416.67 net box-office receipts.",
            ),
            read(CHECKER, q.MAR, "refunded", thought="Are the refunds out?"),
            say(
                CHECKER,
                "The refunded S3006 and S3012 are out and VAT is taken out of £6,500.00. £5,416.67 stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Lantern & Rye £5,416.67 for its run of The Salt Road."),
        ],
        answer="5,416.67",
        expect="3,791.67",
    ),
]
