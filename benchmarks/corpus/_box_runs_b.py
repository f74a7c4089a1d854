"""Box-office runs on April's main-house occupancy that go wrong: a cancelled night in
the capacity, comps counted as paid, a misread capacity, a matinee assumed smaller, a
transposed percentage, a refunded line kept in on a doubt."""

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
    final,
    plan,
    read,
    say,
)
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MISREPORTED,
    SELF_REPORT,
    WRONG_INPUT,
)

OCC_PLAN = "1. Contracts Clerk: the April 2026 main-house performances in performances.csv, with status and capacity. 2. Sales Ledger Clerk: their lines in both ledgers (April shows were on sale in March too), paid lines only, comps set apart. 3. Data Analyst: paid seats over the capacity of the performances that were played."
OCC_PERFS = "April main house: P401 (7 Apr), P403 (9 Apr), P404 (24 Apr), P405 (25 Apr, 14:30), all played, 240 seats each; P402 (8 Apr) was cancelled. P411 on 2 April is in the studio."
OCC_LINES = "Lines for P401, P403, P404, P405. March ledger: S3025 (52), S3027 (18), S3028 (36), S3029 (24). April ledger: S4001 (26), S4002 (14), S4006 (31), S4007 (17), S4009 (41), S4010 (19), S4012 (29), S4013 (33), S4014 (12), all paid. Comps: S4003 (6), S4011 (10). Refunded: S4008 (8). P402's lines S3026, S4004 and S4005 are all refunded."
CAPACITY_GIVEN = """import csv
ids = {'P401', 'P403', 'P404', 'P405'}
rows = [r for f in ('sales_2026-03.csv', 'sales_2026-04.csv') for r in csv.DictReader(open(f))
        if r['perf_id'] in ids and r['status'] == 'paid' and r['type'] != 'comp']
seats = sum(int(r['seats']) for r in rows)
print(seats, 4 * 204)
print(f'{100 * seats / (4 * 204):.1f}')
"""
MATINEE_SMALLER = """import csv
capacity = {'P401': 240, 'P403': 240, 'P404': 240, 'P405': 180}
rows = [r for f in ('sales_2026-03.csv', 'sales_2026-04.csv') for r in csv.DictReader(open(f))
        if r['perf_id'] in capacity and r['status'] == 'paid' and r['type'] != 'comp']
seats = sum(int(r['seats']) for r in rows)
print(seats, sum(capacity.values()))
print(f'{100 * seats / sum(capacity.values()):.1f}')
"""

RUNS: list[Run] = [
    Run(
        "occ_01_cancelled_night_counted",
        BAD_SPLIT,
        q.OCC,
        [
            plan(
                "1. Contracts Clerk: every April 2026 main-house performance in performances.csv and its capacity; the capacity on sale is what occupancy is measured against. 2. Sales Ledger Clerk: their lines in both ledgers, paid only, comps set apart. 3. Data Analyst: paid seats over the capacity of every April main-house performance.",
                mark="root",
            ),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(
                TERMS,
                "April main-house performances: P401 (7 Apr), P402 (8 Apr), P403 (9 Apr), P404 (24 Apr), P405 (25 Apr), 240 seats each, 1,200 seats in all. P411 is in the studio.",
            ),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="And in April"),
            say(LEDGER, OCC_LINES),
            cell(
                "Paid seats over the capacity of every April main-house performance",
                q.occ(played=""),
                "29.3",
            ),
            say(ANALYST, "352 paid seats over 1,200 seats of capacity: 29.3%."),
            read(CHECKER, q.APR, "comp", thought="Make sure the comps are out"),
            say(
                CHECKER,
                "Comps S4003 and S4011 are out, refunds are out, both ledgers are in. 352 over 1,200 is 29.3%. It stands.",
                mark="symptom",
            ),
            final("Paid occupancy of the main house over its April 2026 performances was 29.3%."),
        ],
        answer="29.3",
        expect="36.7",
    ),
    Run(
        "occ_02_issued_seats_planned",
        LOST_CONSTRAINT,
        q.OCC,
        [
            plan(
                "1. Contracts Clerk: the April 2026 main-house performances that were played, with capacity. 2. Sales Ledger Clerk: their lines in both ledgers, refunded lines out. 3. Data Analyst: seats issued over capacity.",
                mark="root",
            ),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(
                LEDGER,
                "Lines for P401, P403, P404, P405, refunded ones out. March ledger: S3025 (52), S3027 (18), S3028 (36), S3029 (24). April ledger: S4001 (26), S4002 (14), S4003 (6), S4006 (31), S4007 (17), S4009 (41), S4010 (19), S4011 (10), S4012 (29), S4013 (33), S4014 (12). S4008 (8) is refunded.",
            ),
            cell("Seats issued on non-refunded lines over capacity", q.occ(keep=q.PAID), "38.3"),
            say(ANALYST, "368 seats issued over 960 seats of capacity: 38.3%."),
            read(CHECKER, q.PERFS, "2026-04", thought="Check the capacity"),
            say(
                CHECKER,
                "Four played performances at 240 seats is 960; the cancelled P402 is out and so are the refunds. 38.3% stands.",
                mark="symptom",
            ),
            final("The main house's paid occupancy over its April 2026 performances was 38.3%."),
        ],
        answer="38.3",
        expect="36.7",
    ),
    Run(
        "occ_03_capacity_misread",
        WRONG_INPUT,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(
                TERMS,
                "April main house: P401 (7 Apr), P403 (9 Apr), P404 (24 Apr), P405 (25 Apr), played, 204 seats each; P402 (8 Apr) was cancelled. P411 on 2 April is in the studio.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, OCC_LINES),
            cell("Paid seats for the four played nights over 4 x 204", CAPACITY_GIVEN, "43.1"),
            say(ANALYST, "352 paid seats over 816 seats of capacity: 43.1%."),
            read(CHECKER, q.APR, "refunded", thought="Refunds should be out"),
            say(
                CHECKER,
                "The refunded lines are out, comps are out, both ledgers are counted and P402 is left out. 43.1% stands.",
                mark="symptom",
            ),
            final("Paid occupancy of the main house in April 2026 was 43.1%."),
        ],
        answer="43.1",
        expect="36.7",
    ),
    Run(
        "occ_04_matinee_circle_closed",
        BAD_ASSUMPTION,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(
                TERMS,
                "April main house: P401 (7 Apr), P403 (9 Apr), P404 (24 Apr), played, 240 seats each; P405 (25 Apr) is a 14:30 matinee, and matinees play with the circle closed, so 180 seats on sale for it. P402 (8 Apr) was cancelled.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, OCC_LINES),
            cell("Paid seats over 240 + 240 + 240 + 180", MATINEE_SMALLER, "39.1"),
            say(ANALYST, "352 paid seats over 900 seats on sale: 39.1%."),
            read(CHECKER, q.APR, "P405", thought="Check the matinee's lines"),
            say(
                CHECKER,
                "P405's paid lines S4012, S4013 and S4014 plus S3029 are in; comps and refunds are out. 39.1% stands.",
                mark="symptom",
            ),
            final("The main house's paid occupancy over its April 2026 performances was 39.1%."),
        ],
        answer="39.1",
        expect="36.7",
    ),
    Run(
        "occ_05_digits_swapped",
        MISREPORTED,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, OCC_LINES),
            cell("Paid seats over the capacity of the played nights", q.occ(), "36.7"),
            say(
                ANALYST,
                "352 paid seats over 960 seats of capacity for P401, P403, P404 and P405: 37.6%.",
                mark="root",
            ),
            read(CHECKER, q.PERFS, "2026-04", thought="Check which nights count"),
            say(
                CHECKER,
                "Four played nights at 240 seats, P402 cancelled and out, both ledgers in, comps and refunds out. 37.6% stands.",
                mark="symptom",
            ),
            final("Paid occupancy of the main house over its April 2026 performances was 37.6%."),
        ],
        answer="37.6",
        expect="36.7",
    ),
    Run(
        "occ_06_refund_kept_on_a_doubt",
        SELF_REPORT,
        q.OCC,
        [
            plan(OCC_PLAN),
            read(TERMS, q.PERFS, "2026-04", thought="April performances"),
            say(TERMS, OCC_PERFS),
            read(LEDGER, q.MAR, "P40", thought="April shows sold in March"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(
                LEDGER,
                "Paid lines for P401, P403, P404, P405: S3025 (52), S3027 (18), S3028 (36), S3029 (24), S4001 (26), S4002 (14), S4006 (31), S4007 (17), S4009 (41), S4010 (19), S4012 (29), S4013 (33), S4014 (12). Comps S4003 and S4011 set apart. S4008 (P403, 8 seats) is marked refunded, but I can't tell from the ledger whether those seats were sold again at the door; I have kept it in, and I'm not confident that is right.",
                thought="One line I can't settle",
                mark="root",
            ),
            cell(
                "Paid seats plus S4008 as the clerk listed, over the played nights' capacity",
                q.occ(
                    keep=" and (r['status'] == 'paid' or r['order'] == 'S4008') and r['type'] != 'comp'"
                ),
                "37.5",
            ),
            say(ANALYST, "360 seats over 960: 37.5%."),
            say(
                CHECKER,
                "The clerk wasn't sure about S4008; it is 8 seats either way and the rest of the working is sound. 37.5% can go out.",
                mark="symptom",
            ),
            final("Paid occupancy of the main house over its April 2026 performances was 37.5%."),
        ],
        answer="37.5",
        expect="36.7",
    ),
]
