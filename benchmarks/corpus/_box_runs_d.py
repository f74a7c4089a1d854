"""Box-office runs on studio concessions and on Gull Island Opera's settlement that go
wrong: a Monday-to-Monday week, a refunded line read as paid, a crashed sum carried on
from memory, a comp counted on a doubt; a cancelled night guaranteed, one ledger of two,
refunds summed, a crashed cell carried on by hand, a figure retyped."""

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
    CODE_FAILURE,
    MISREPORTED,
    SELF_REPORT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)

CONC_PLAN = "1. Contracts Clerk: the studio performances dated 16-22 March 2026 in performances.csv. 2. Sales Ledger Clerk: their concession lines in sales_2026-03.csv, with status. 3. Data Analyst: seats on the paid concession lines."
CONC_PERFS = "Studio performances of Small Hours in 16-22 March: P311 (Wed 18), P312 (Thu 19), P313 (Sat 21). P314 is on Mon 23 March, outside the week."
CONC_LINES = "Concession lines for P311-P313: S3018 (P311, 11, paid), S3019 (P312, 7, paid), S3021 (P312, 5, refunded), S3022 (P313, 13, paid). S3023 (P313, 4) is a comp."
GULL_PLAN = "1. Contracts Clerk: Gull Island Opera's terms in settlements.json, its performances in performances.csv with status, the 2026 main-house prices. 2. Sales Ledger Clerk: the Gull Island lines (P401-P403) in both ledgers, paid lines only, comps set apart. 3. Data Analyst: 65% of net receipts (VAT out) against £900 per played performance; the greater is owed."
GULL_TERMS = "Gull Island Opera: 0.65 of net box-office receipts or £900.00 a played performance, whichever is greater. P401 (7 Apr) and P403 (9 Apr) were played; P402 (8 Apr) was cancelled. 2026 main-house prices include VAT at 20%: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00 (full/concession)."
GULL_LINES = "Gull Island lines. March ledger: S3025 (P401, 52 A full) and S3027 (P403, 18 A concession) paid; S3026 (P402) refunded. April ledger: S4001 (P401, 26 B full), S4002 (P401, 14 C concession), S4006 (P403, 31 B full), S4007 (P403, 17 C full) paid; S4003 (P401, 6) comp; S4004 and S4005 (P402) and S4008 (P403) refunded."
ORDERS_GIVEN = """import csv
orders = {'S3018', 'S3019', 'S3021', 'S3022'}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv')) if r['order'] in orders]
print([(r['order'], r['seats']) for r in rows])
print(sum(int(r['seats']) for r in rows))
"""
SEATS_AS_TEXT = """import csv
week = {p['perf_id'] for p in csv.DictReader(open('performances.csv'))
        if p['venue'] == 'studio' and '2026-03-16' <= p['date'] <= '2026-03-22'}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv'))
        if r['perf_id'] in week and r['type'] == 'concession' and r['status'] == 'paid']
print(sorted(week), [r['order'] for r in rows])
print(sum(r['seats'] for r in rows))
"""
WITH_COMP = """import csv
week = {'P311', 'P312', 'P313'}
rows = [r for r in csv.DictReader(open('sales_2026-03.csv'))
        if r['perf_id'] in week and r['type'] in ('concession', 'comp') and r['status'] == 'paid']
print([r['order'] for r in rows])
print(sum(int(r['seats']) for r in rows))
"""
TERMS_KEY = """import csv, json
terms = json.load(open('settlements.json'))['Gull Island']
prices = json.load(open('prices_2026.json'))['ticket_prices']['main']
perfs = [p for p in csv.DictReader(open('performances.csv')) if p['show'] == 'Gull Island']
print(terms, len(perfs))
"""

RUNS: list[Run] = [
    Run(
        "conc_01_week_to_monday",
        BAD_SPLIT,
        q.CONC,
        [
            plan(
                "1. Contracts Clerk: studio performances from Monday 16 to Monday 23 March 2026 in performances.csv; the box office's week runs Monday to Monday. 2. Sales Ledger Clerk: their concession lines in sales_2026-03.csv, with status. 3. Data Analyst: seats on the paid concession lines.",
                mark="root",
            ),
            read(TERMS, q.PERFS, "Small Hours", thought="Studio performances"),
            say(
                TERMS,
                "Small Hours in the studio, 16-23 March: P311 (18), P312 (19), P313 (21), P314 (23).",
            ),
            read(LEDGER, q.MAR, "concession", thought="Concession lines"),
            say(
                LEDGER,
                "Concession lines for P311-P314: S3018 (11, paid), S3019 (7, paid), S3021 (5, refunded), S3022 (13, paid), S3024 (P314, 9, paid).",
            ),
            cell("Paid concession seats, 16-23 March", q.conc(hi="2026-03-23"), "40"),
            say(ANALYST, "Four paid concession lines, 40 tickets."),
            read(CHECKER, q.MAR, "P31", thought="Studio lines"),
            say(
                CHECKER,
                "S3021 is refunded and out; S3023 is a comp, not a concession. 40 stands.",
                mark="symptom",
            ),
            final(
                "There were 40 paid concession tickets for studio performances in the week 16-22 March 2026."
            ),
        ],
        answer="40",
        expect="31",
    ),
    Run(
        "conc_02_refund_read_as_paid",
        WRONG_INPUT,
        q.CONC,
        [
            plan(CONC_PLAN),
            read(TERMS, q.PERFS, "studio", thought="Studio performances"),
            say(TERMS, CONC_PERFS),
            read(LEDGER, q.MAR, "concession", thought="Concession lines"),
            say(
                LEDGER,
                "Paid concession lines for P311-P313: S3018 (P311, 11), S3019 (P312, 7), S3021 (P312, 5), S3022 (P313, 13). S3023 (P313, 4) is a comp.",
                mark="root",
            ),
            cell("Summing the clerk's four paid lines", ORDERS_GIVEN, "36"),
            say(ANALYST, "S3018, S3019, S3021 and S3022: 36 tickets."),
            read(CHECKER, q.PERFS, "studio", thought="Check the dates"),
            say(
                CHECKER,
                "P311, P312 and P313 fall in 16-22 March and P314 is out; the comp is out. 36 stands.",
                mark="symptom",
            ),
            final(
                "36 paid concession tickets were sold for studio performances in the week 16-22 March 2026."
            ),
        ],
        answer="36",
        expect="31",
    ),
    Run(
        "conc_03_sum_crashed",
        CODE_FAILURE,
        q.CONC,
        [
            plan(CONC_PLAN),
            read(TERMS, q.PERFS, "studio", thought="Studio performances"),
            say(TERMS, CONC_PERFS),
            read(LEDGER, q.MAR, "concession", thought="Concession lines"),
            say(LEDGER, CONC_LINES),
            cell(
                "Paid concession seats for the week's studio nights",
                SEATS_AS_TEXT,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="root",
            ),
            say(
                ANALYST,
                "Three paid concession lines, S3018, S3019 and S3022, with 11, 7 and 9 seats: 27 tickets.",
            ),
            read(CHECKER, q.MAR, "refunded", thought="Refunds"),
            say(
                CHECKER,
                "S3021 is refunded and rightly out, and S3024 belongs to the 23rd. 27 stands.",
                mark="symptom",
            ),
            final(
                "There were 27 paid concession tickets for studio performances in the week 16-22 March 2026."
            ),
        ],
        answer="27",
        expect="31",
    ),
    Run(
        "conc_04_comp_counted_in_doubt",
        SELF_REPORT,
        q.CONC,
        [
            plan(CONC_PLAN),
            read(TERMS, q.PERFS, "studio", thought="Studio performances"),
            say(TERMS, CONC_PERFS),
            read(LEDGER, q.MAR, "P31", thought="Studio lines"),
            say(LEDGER, CONC_LINES),
            cell(
                "Counting S3023 too: it is a comp on the 21st, and I'm not sure comps given to concession holders are meant to be left out",
                WITH_COMP,
                "35",
                mark="root",
            ),
            say(
                ANALYST,
                "35, with S3023's 4 comp seats in; I can't confirm they belong in a concession count.",
            ),
            say(
                CHECKER,
                "I have nothing that settles S3023 either; the rest is right. 35 can go out.",
                mark="symptom",
            ),
            final(
                "There were 35 paid concession tickets for studio performances in the week 16-22 March 2026."
            ),
        ],
        answer="35",
        expect="31",
    ),
    Run(
        "gull_01_cancelled_night_guaranteed",
        BAD_ASSUMPTION,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Gull Island Opera's terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Its performances"),
            say(
                TERMS,
                "Gull Island Opera: 0.65 of net receipts or £900.00 a played performance, the greater. P401 and P403 were played. P402 (8 Apr) was cancelled; a cancellation on the Playhouse's side still owes the company its guarantee, so the guarantee runs to three performances. 2026 main-house prices: A 28.00/22.00, B 22.00/17.00, C 16.00/12.00.",
                mark="root",
            ),
            read(LEDGER, q.MAR, "P40", thought="Gull Island lines sold in March"),
            read(LEDGER, q.APR, "P40", thought="And in April"),
            say(LEDGER, GULL_LINES),
            cell(
                "65% of net receipts against the guarantee for three nights",
                q.gull(played=""),
                "2700.00",
            ),
            say(
                ANALYST,
                "Ticket income £3,546.00; 65% of net is £1,920.75; the guarantee for three nights, £2,700.00, is greater.",
            ),
            read(CHECKER, q.TERMS, thought="Check the guarantee"),
            say(
                CHECKER,
                "£900.00 a performance and the greater of the two; the guarantee of £2,700.00 beats £1,920.75. It stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Gull Island Opera £2,700.00 for April 2026, its guarantee."),
        ],
        answer="2,700.00",
        expect="1,920.75",
    ),
    Run(
        "gull_02_april_ledger_only",
        WRONG_SOURCE,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.APR, "P40", thought="The April ledger holds April's shows", mark="root"),
            say(
                LEDGER,
                "Gull Island lines in sales_2026-04.csv: S4001 (P401, 26 B full), S4002 (P401, 14 C concession), S4006 (P403, 31 B full), S4007 (P403, 17 C full) paid; S4003 (P401, 6) comp; S4004, S4005 and S4008 refunded.",
            ),
            cell(
                "The clerk's ledger, paid lines, 65% against £900 a played night",
                q.gull(files="('sales_2026-04.csv',)"),
                "1800.00",
            ),
            say(
                ANALYST,
                "Ticket income £1,694.00; 65% of net is £917.58; the guarantee for two played nights, £1,800.00, applies.",
            ),
            read(CHECKER, q.PERFS, "Gull Island", thought="Played nights"),
            say(
                CHECKER,
                "Two played nights, so £1,800.00 of guarantee, above the share. It stands.",
                mark="symptom",
            ),
            final(
                "The Playhouse owes Gull Island Opera £1,800.00 for April 2026, the guarantee for its two performances."
            ),
        ],
        answer="1,800.00",
        expect="1,920.75",
    ),
    Run(
        "gull_03_refunds_summed",
        WRONG_ACCEPTED,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.MAR, "P40", thought="March ledger"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, GULL_LINES),
            cell(
                "Gull Island lines from both ledgers, 65% against the guarantee",
                q.gull(keep=""),
                "2837.25",
                mark="root",
            ),
            say(
                ANALYST,
                "Ticket income £5,238.00; 65% of net is £2,837.25, above the £1,800.00 guarantee.",
            ),
            read(CHECKER, q.TERMS, thought="Terms again"),
            say(
                CHECKER,
                "65% of net receipts beats the £1,800.00 guarantee for two played nights. £2,837.25 stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Gull Island Opera £2,837.25 for April 2026."),
        ],
        answer="2,837.25",
        expect="1,920.75",
    ),
    Run(
        "gull_04_terms_key_crashed",
        CODE_FAILURE,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.MAR, "P40", thought="March ledger"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, GULL_LINES),
            cell(
                "Terms, prices and performances first",
                TERMS_KEY,
                "KeyError: 'Gull Island'",
                mark="root",
            ),
            say(
                ANALYST,
                "Ticket income for the paid lines is £3,546.00; 65% of it is £2,304.90, above the £1,800.00 guarantee.",
            ),
            read(CHECKER, q.PERFS, "Gull Island", thought="Played nights"),
            say(
                CHECKER,
                "Two played nights, so the guarantee is £1,800.00 and the share is higher. £2,304.90 stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Gull Island Opera £2,304.90 for April 2026."),
        ],
        answer="2,304.90",
        expect="1,920.75",
    ),
    Run(
        "gull_05_figure_retyped",
        MISREPORTED,
        q.GULL,
        [
            plan(GULL_PLAN),
            read(TERMS, q.TERMS, thought="Terms"),
            read(TERMS, q.PERFS, "Gull Island", thought="Performances"),
            say(TERMS, GULL_TERMS),
            read(LEDGER, q.MAR, "P40", thought="March ledger"),
            read(LEDGER, q.APR, "P40", thought="April ledger"),
            say(LEDGER, GULL_LINES),
            cell("Both ledgers, paid lines, 65% against the guarantee", q.gull(), "1920.75"),
            say(
                ANALYST,
                "£1,902.75: 65% of £2,955.00 net receipts, above the £1,800.00 guarantee.",
                mark="root",
            ),
            read(CHECKER, q.PERFS, "Gull Island", thought="Played nights"),
            say(
                CHECKER,
                "P402 was cancelled, so the guarantee is two nights' £1,800.00 and the share is higher. £1,902.75 stands.",
                mark="symptom",
            ),
            final("The Playhouse owes Gull Island Opera £1,902.75 for April 2026."),
        ],
        answer="1,902.75",
        expect="1,920.75",
    ),
]
