"""Interlibrary-loan desk runs that go wrong on what the library owes its partners for
April's borrowing: a brief that drops the lost-item charge, cancelled requests passed on
as supplied, March's register, postage put on a van courier, a cell that dies before the
lost-item line, fees and postage quoted from memory, lent items summed with borrowed."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _ill_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._ill_team import (
    ANALYST,
    CHECKER,
    CLERK,
    LEAD,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

NINE = "('IL2604-01', 'IL2604-03', 'IL2604-05', 'IL2604-07', 'IL2604-08', 'IL2604-12', 'IL2604-18', 'IL2604-19', 'IL2604-21')"
LOST_KEY_CRASH = """import csv, json
partners = {p['code']: p for p in csv.DictReader(open('partners.csv'))}
policy = json.load(open('policy_2026.json'))
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and partners[r['partner']]['network'] == 'external' and r['status'] != 'cancelled']
fees = sum(float(partners[r['partner']]['fee_gbp']) for r in rows)
postage = policy['return_postage_gbp'] * sum(1 for r in rows if partners[r['partner']]['courier'] == 'post')
print(f'{fees + postage:.2f}')
lost = policy['lost_charge_gbp'] * sum(1 for r in rows if r['status'] == 'lost')
print(f'{fees + postage + lost:.2f}')
"""
REMEMBERED_FEES = """import csv
fee = {'CLD': 8.50, 'DNH': 14.00, 'FRW': 7.25}
post = {'CLD', 'DNH'}
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if r['direction'] == 'in' and r['partner'] in fee and r['status'] != 'cancelled']
total = sum(fee[r['partner']] for r in rows) + 3.40 * sum(1 for r in rows if r['partner'] in post) + 45 * sum(1 for r in rows if r['status'] == 'lost')
print(len(rows))
print(f'{total:.2f}')
"""
BOTH_DIRECTIONS = """import csv, json
partners = {p['code']: p for p in csv.DictReader(open('partners.csv'))}
policy = json.load(open('policy_2026.json'))
rows = [r for r in csv.DictReader(open('loans_2026-04.csv')) if partners[r['partner']]['network'] == 'external' and r['status'] != 'cancelled']
fees = sum(float(partners[r['partner']]['fee_gbp']) for r in rows)
postage = policy['return_postage_gbp'] * sum(1 for r in rows if partners[r['partner']]['courier'] == 'post')
lost = policy['lost_item_charge_gbp'] * sum(1 for r in rows if r['status'] == 'lost')
print(len(rows), f'{fees:.2f}', f'{postage:.2f}', f'{lost:.2f}')
print(f'{fees + postage + lost:.2f}')
"""

RUNS: list[Run] = [
    Run(
        "fee_01_lost_charge_left_out",
        LOST_CONSTRAINT,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk, the April bill from partners is just their per-item fees plus return postage. Get me the external partners' fees and couriers and the postage rate.",
                mark="root",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(
                CLERK,
                ANALYST,
                "As the supervisor asked: fees CLD 9.50 (post), DNH 14.00 (post), FRW 7.25 (van); return postage 3.40 an item by post. Sum those over April's supplied borrowing from external partners.",
            ),
            cell(
                "Fees and postage over April's supplied external borrowing.",
                q.fee(lost="0"),
                "75.10",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Six supplied items from CLD, DNH and FRW: fees 61.50, postage 13.60. The bill comes to 75.10.",
            ),
            read(CHECKER, q.APR, "in,"),
            hand(
                CHECKER,
                WRITER,
                "The six supplied external items are the right ones and the postage only falls on CLD and DNH. 75.10 is good to send.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes its partner libraries GBP 75.10 for items borrowed in April 2026."
            ),
        ],
        answer="75.10",
        expect="120.10",
        note="the brief leaves out the lost-item charge on IL2604-07 (45.00)",
    ),
    Run(
        "fee_02_cancelled_passed_as_supplied",
        WRONG_INPUT,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: list every April request we borrowed from an external partner that the partner supplied, with its status. The analyst will price them under the 2026 policy.",
            ),
            read(CLERK, q.APR, "in,"),
            read(CLERK, q.PARTNERS, "external"),
            hand(
                CLERK,
                ANALYST,
                "Nine external borrowing requests in April, all supplied: IL2604-01, -03, -05, -07, -08, -12, -18, -19, -21 (CLD, DNH and FRW). IL2604-07 is the lost one. Price those nine.",
                mark="root",
            ),
            cell(
                "Pricing the nine requests the clerk listed.",
                q.fee(keep=f" and r['req'] in {NINE}"),
                "157.65",
            ),
            hand(
                ANALYST,
                CHECKER,
                "The clerk's nine items: fees 92.25, postage 20.40, lost charge 45.00. Total 157.65.",
            ),
            read(CHECKER, q.POLICY),
            hand(
                CHECKER,
                WRITER,
                "Fee, postage and lost-item rules are applied as the policy words them. 157.65 holds.",
                mark="symptom",
            ),
            final(
                "For April 2026 interlibrary borrowing, Kestrel Vale Libraries owes partner libraries GBP 157.65."
            ),
        ],
        answer="157.65",
        expect="120.10",
        note="IL2604-03, -08 and -19 were cancelled; the clerk passed them on as supplied",
    ),
    Run(
        "fee_03_march_register_read",
        WRONG_SOURCE,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk, find the register for the month in question and pull the external partners' terms; I want the supplied borrowing priced under the 2026 policy.",
            ),
            read(CLERK, q.MAR, "in,", mark="root"),
            read(CLERK, q.PARTNERS),
            hand(
                CLERK,
                ANALYST,
                "The register is loans_2026-03.csv, the month just closed. External partners: CLD and DNH by post, FRW by van. Please price the supplied external borrowing in it.",
            ),
            cell(
                "Pricing supplied external borrowing from the register the clerk found.",
                q.fee(file=q.MAR),
                "67.85",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Five supplied external items in loans_2026-03.csv: fees 54.25, postage 13.60, nothing lost. 67.85.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Five rows, fees and postage match partners.csv and the policy. 67.85 can go out.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes partner libraries GBP 67.85 for its April 2026 interlibrary borrowing."
            ),
        ],
        answer="67.85",
        expect="120.10",
        note="the register read is March's (loans_2026-03.csv), not April's",
    ),
    Run(
        "fee_04_postage_on_the_van",
        BAD_ASSUMPTION,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: external partners' fees and couriers, and the policy's postage and lost-item charges, for April's borrowing please.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(
                CLERK,
                ANALYST,
                "Fees: CLD 9.50, DNH 14.00, FRW 7.25. Return postage is 3.40 and goes on every external item, whatever the courier, since each one has to come back to its partner. Lost items add 45.00.",
                mark="root",
            ),
            cell(
                "Fees, postage on each external item, lost charge.",
                q.fee(postage="policy['return_postage_gbp'] * len(rows)"),
                "126.90",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Six supplied external items: fees 61.50, postage 20.40 (six at 3.40), lost 45.00. Total 126.90.",
            ),
            read(CHECKER, q.APR, "FRW"),
            hand(
                CHECKER,
                WRITER,
                "FRW's two supplied items are in, the cancelled one is out, and the lost charge is there once. 126.90 it is.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes its partner libraries GBP 126.90 for April 2026 interlibrary borrowing."
            ),
        ],
        answer="126.90",
        expect="120.10",
        note="postage is owed only for partners whose courier is post; FRW comes by van",
    ),
    Run(
        "fee_05_died_before_the_lost_line",
        CODE_FAILURE,
        q.FEE,
        [
            hand(
                LEAD,
                ANALYST,
                "Analyst: April's bill from partners under the 2026 policy. Fees for external partners only, postage where the courier is post, the lost-item charge where an item was lost; cancelled requests cost nothing.",
            ),
            cell(
                "Working through fees, postage and the lost charge in one go.",
                LOST_KEY_CRASH,
                "KeyError: 'lost_charge_gbp'",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Fees plus postage came out at 75.10. The lost-item line after it fell over, but the fees and postage are what we owe, so 75.10.",
            ),
            read(CHECKER, q.PARTNERS, "external"),
            hand(
                CHECKER,
                WRITER,
                "External fees and couriers agree with partners.csv. 75.10 stands.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes partner libraries GBP 75.10 for April 2026 borrowing."
            ),
        ],
        answer="75.10",
        expect="120.10",
        note="the cell crashed on the lost-item key after printing the subtotal; the lost charge was never added",
    ),
    Run(
        "fee_06_fees_from_memory",
        MADE_UP,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk: what do our external partners charge per item, and how do they send? The analyst needs it for April's bill.",
            ),
            hand(
                CLERK,
                ANALYST,
                "From the partner schedule as I know it: Caldermouth 8.50 an item by post, Dunholm 14.00 by post, Farrow 7.25 by van. Postage 3.40 by post, 45.00 for a lost item.",
                mark="root",
            ),
            cell("Using the clerk's schedule on April's register.", REMEMBERED_FEES, "118.10"),
            hand(
                ANALYST,
                CHECKER,
                "Six supplied external items on the clerk's fees and postage, plus the lost item: 118.10.",
            ),
            read(CHECKER, q.APR, "in,"),
            hand(
                CHECKER,
                WRITER,
                "The six rows are right: cancelled ones left out, the lost FRW item charged. 118.10 is sound.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes GBP 118.10 to partner libraries for April 2026 interlibrary borrowing."
            ),
        ],
        answer="118.10",
        expect="120.10",
        note="no file was read for the fees; Caldermouth charges 9.50, not 8.50",
    ),
    Run(
        "fee_07_lent_items_summed_in",
        WRONG_ACCEPTED,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk, external partners' fees and couriers plus the policy charges, please, then over to the analyst for April.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            read(CLERK, q.POLICY),
            hand(
                CLERK,
                ANALYST,
                "CLD 9.50 by post, DNH 14.00 by post, FRW 7.25 by van; postage 3.40 an item by post; lost items 45.00 on top. Only supplied items count.",
            ),
            cell("April's external, supplied items.", BOTH_DIRECTIONS, "133.00", mark="root"),
            hand(
                ANALYST,
                CHECKER,
                "Seven supplied items with external partners in April: fees 71.00, postage 17.00, lost 45.00. Total 133.00.",
            ),
            read(CHECKER, q.APR, "CLD"),
            hand(
                CHECKER,
                WRITER,
                "CLD's supplied rows and their postage are all there. 133.00 holds.",
                mark="symptom",
            ),
            final("Kestrel Vale Libraries owes its partner libraries GBP 133.00 for April 2026."),
        ],
        answer="133.00",
        expect="120.10",
        note="the cell has no direction filter: IL2604-15, lent to CLD, is billed as borrowed",
    ),
    Run(
        "fee_08_postage_rate_guessed",
        MADE_UP,
        q.FEE,
        [
            hand(
                LEAD,
                CLERK,
                "Clerk, which partners are external and how do they send? Then the analyst prices April.",
            ),
            read(CLERK, q.PARTNERS, "external"),
            hand(
                CLERK,
                ANALYST,
                "External: CLD 9.50 and DNH 14.00 by post, FRW 7.25 by van. I haven't opened the policy.",
            ),
            cell(
                "Return postage at the standard second-class parcel rate, 3.10; lost items at the usual 45.00.",
                q.fee(
                    postage="3.10 * sum(1 for r in rows if partners[r['partner']]['courier'] == 'post')"
                ),
                "118.90",
                mark="root",
            ),
            hand(
                ANALYST,
                CHECKER,
                "Fees 61.50, postage 12.40, one lost item 45.00 over six supplied items. 118.90.",
            ),
            read(CHECKER, q.APR, "DNH"),
            hand(
                CHECKER,
                WRITER,
                "DNH's cancelled request is left out and its two supplied items are billed. 118.90 can go.",
                mark="symptom",
            ),
            final(
                "Kestrel Vale Libraries owes partner libraries GBP 118.90 for April 2026 interlibrary borrowing."
            ),
        ],
        answer="118.90",
        expect="120.10",
        note="the policy's return postage is 3.40; 3.10 was never read anywhere",
    ),
]
