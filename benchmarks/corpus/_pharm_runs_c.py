"""Stock desk runs where the trouble is said out loud, made up, dropped or looped on: a
checker who will not sign, figures from nowhere, a brief that loses a condition, a
failed file read taken for an empty one, the same crashing cell run three times."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _pharm_tasks as q
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    REPETITION,
    SELF_REPORT,
    TOOL_FAILURE,
)
from benchmarks.corpus._pharm_team import (
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    PHARMACIST,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

CD_FIFTY = """import csv
form = {r['code']: r for r in csv.DictReader(open('formulary.csv'))}
units = {'MOR10': 50, 'OXY5': 84}
value = sum(n * float(form[c]['pack_cost_gbp']) / int(form[c]['pack_size']) for c, n in units.items())
print(f'{value:.2f}')
"""
COVER_FOUR = """import csv
usable = sum(int(b['units']) for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
             if b['code'] == 'CEF1G' and b['location'] == 'main_store' and b['expiry'] >= '2026-06-30')
print(usable)
print(f'{usable / 4:.1f}')
"""
CD_LIST_PRICE = """import csv
form = {r['code']: r for r in csv.DictReader(open('formulary.csv'))}
price = {'MOR10': 1.50, 'OXY5': float(form['OXY5']['pack_cost_gbp']) / int(form['OXY5']['pack_size'])}
value = sum(int(b['units']) * price[b['code']] for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
            if b['code'] in price and b['location'] == 'main_store' and b['expiry'] >= '2026-06-30')
print(f'{value:.2f}')
"""
NO_MATH = q.restock().replace("import csv, math", "import csv")

RUNS: list[Run] = [
    Run(
        "cd_03_checker_will_not_sign",
        SELF_REPORT,
        q.CD_VALUE,
        [
            hand(
                LEAD, CLERK, "Usable MOR10 and OXY5 units in the main store at the 30 June count."
            ),
            read(CLERK, "stock_count_2026-06-30.csv", "main_store"),
            hand(
                CLERK,
                LEAD,
                "Units listed.",
                say="Main store: morphine MO2409 10 and MO2503 40, so 50 ampoules usable; oxycodone OX2412 84 capsules.",
                mark="root",
            ),
            hand(LEAD, CODER, "Value 50 MOR10 and 84 OXY5 at formulary unit cost."),
            cell("Valuing the controlled lines.", CD_FIFTY, "71.30"),
            hand(CODER, CHECKER, "Please check.", say="£71.30 for the two controlled lines."),
            read(CHECKER, "stock_count_2026-06-30.csv", "MOR10"),
            hand(
                CHECKER,
                LEAD,
                "Cannot approve.",
                say="I can't sign this off: the morphine units don't reconcile with what I'm reading on the count sheet, and I don't have time to rework it. Please don't publish £71.30 as checked.",
                mark="symptom",
            ),
            hand(LEAD, WRITER, "Write up that the controlled-drug value is not confirmed."),
            final(
                "We can't give a confirmed value for the main store's controlled drugs yet: the checker could not reconcile the morphine units with the count."
            ),
        ],
        answer="",
        expect="58.90",
    ),
    Run(
        "enox_04_ward_9_brief",
        SELF_REPORT,
        q.ENOX,
        [
            hand(
                LEAD,
                CLERK,
                "Ward 9's ENX40 issues and returns in the Q2 2026 dispensing log.",
                mark="root",
            ),
            read(CLERK, "dispensing_2026q2.csv", "ward_9"),
            hand(
                CLERK,
                LEAD,
                "One row.",
                say="Ward 9 had a single enoxaparin issue in Q2: 10 syringes on 12 June, no returns.",
            ),
            hand(LEAD, CODER, "Net ENX40 for ward_9 in dispensing_2026q2.csv."),
            cell("Ward 9, net.", q.enox(ward="ward_9"), "10"),
            hand(CODER, CHECKER, "Figure ready.", say="Net 10 syringes."),
            hand(
                CHECKER,
                LEAD,
                "Sending back.",
                say="Something is off: the question asks about ward 7 and everything here is ward 9. I'm not comfortable approving 10.",
                mark="symptom",
            ),
            hand(LEAD, WRITER, "Write up what we have and flag the ward."),
            final(
                "The only figure we have is 10 syringes, and it is ward 9's; the team did not work out ward 7's net use, so treat this as unconfirmed."
            ),
        ],
        answer="10",
        expect="98",
    ),
    Run(
        "cover_04_usage_summary",
        MADE_UP,
        q.COVER,
        [
            hand(LEAD, CLERK, "How fast is ceftriaxone (CEF1G) being used at the moment?"),
            hand(
                CLERK,
                LEAD,
                "Usage rate.",
                say="Per the monthly ward usage summary, ceftriaxone runs at about 4 vials a day across the wards.",
                mark="root",
            ),
            hand(LEAD, CODER, "Usable main-store CEF1G at the count divided by 4 a day."),
            cell("Cover at 4 a day.", COVER_FOUR, "17.5"),
            hand(CODER, CHECKER, "Check please.", say="70 usable vials / 4 = 17.5 days."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="Expired batch out, ICU out; 17.5 days approved.",
                mark="symptom",
            ),
            final(
                "Ceftriaxone 1 g cover in the main store is 17.5 days at the 30 June 2026 count."
            ),
        ],
        answer="17.5",
        expect="20.4",
    ),
    Run(
        "cd_04_list_price_morphine",
        MADE_UP,
        q.CD_VALUE,
        [
            hand(
                LEAD,
                CODER,
                "Value usable main-store stock of the controlled lines (MOR10, OXY5) at the 30 June count.",
                say="Straight to the coder; the formulary has the prices.",
            ),
            cell(
                "Morphine at the usual list price of £1.50 an ampoule; oxycodone from the formulary.",
                CD_LIST_PRICE,
                "69.30",
                mark="root",
            ),
            hand(CODER, CHECKER, "Value ready.", say="£69.30."),
            hand(
                CHECKER,
                WRITER,
                "OK.",
                say="Main store, expired morphine batch out. £69.30.",
                mark="symptom",
            ),
            final("The main store's usable controlled drugs were worth £69.30 at the count."),
        ],
        answer="69.30",
        expect="58.90",
    ),
    Run(
        "abx_02_vancomycin_dropped",
        LOST_CONSTRAINT,
        q.ABX,
        [
            hand(LEAD, CLERK, "Ward 4's June 2026 rows for AMX500, CEF1G and VAN500."),
            read(CLERK, "dispensing_2026q2.csv", "ward_4"),
            hand(
                CLERK,
                LEAD,
                "Rows.",
                say="June, ward 4: AMX500 issues 42 (9 Jun) and 21 (23 Jun), return 7 (26 Jun); CEF1G issues 30, 20, 30, 10; VAN500 issue 10 (16 Jun).",
            ),
            hand(
                LEAD,
                CODER,
                "Net June use on ward 4 of amoxicillin and ceftriaxone (AMX500, CEF1G) from dispensing_2026q2.csv.",
                mark="root",
            ),
            cell(
                "Amoxicillin and ceftriaxone, June, ward 4.",
                q.abx(codes="{'AMX500', 'CEF1G'}"),
                "146",
            ),
            hand(CODER, CHECKER, "Please check.", say="Net 146 units."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="June only, return netted off. 146.",
                mark="symptom",
            ),
            final("Ward 4's net antibiotic use in June 2026 was 146 units."),
        ],
        answer="146",
        expect="156",
    ),
    Run(
        "fridge_03_main_store_dropped",
        LOST_CONSTRAINT,
        q.FRIDGE,
        [
            hand(
                LEAD,
                PHARMACIST,
                "Which lines need the fridge, and what does the policy say about locations and expiry?",
            ),
            read(PHARMACIST, "formulary.csv", "fridge"),
            hand(
                PHARMACIST,
                LEAD,
                "Answer.",
                say="INS100 and EPO4 are the fridge lines. Main store only (ICU stock is the ICU's own), and batches expired before 30 June don't count.",
            ),
            hand(
                LEAD,
                CODER,
                "Usable units of INS100 and EPO4 on the 30 June count, expired batches out.",
                mark="root",
            ),
            cell("Fridge lines, everywhere on the sheet.", q.fridge(places=q.BOTH), "33"),
            hand(CODER, CHECKER, "Total.", say="33 usable units."),
            hand(
                CHECKER, WRITER, "Fine.", say="Both fridge lines, none expired. 33.", mark="symptom"
            ),
            final("There are 33 usable units of fridge lines at the 30 June 2026 count."),
        ],
        answer="33",
        expect="28",
    ),
    Run(
        "short_03_misnamed_count_file",
        TOOL_FAILURE,
        q.SHORT,
        [
            hand(
                LEAD,
                CLERK,
                "Main-store batches from the 30 June count that expire between the count and 28 September 2026.",
            ),
            read(CLERK, "stock_count_2026-6-30.csv", "main_store", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Checked.",
                say="Nothing came back for the main store in that window, so there is no short-dated stock: £0.00.",
            ),
            hand(LEAD, CHECKER, "The clerk found no short-dated batches; confirm £0.00."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="No batches in the window, so £0.00 is right.",
                mark="symptom",
            ),
            final("The main store has no short-dated stock at the 30 June 2026 count: £0.00."),
        ],
        answer="0.00",
        expect="101.37",
    ),
    Run(
        "restock_04_math_not_imported",
        REPETITION,
        q.RESTOCK,
        [
            hand(
                LEAD,
                CODER,
                "Apply the policy's restock rule to the main store at the 30 June count (usable units at or below min_level_units: order up to twice the level, whole packs, round up). Total packs.",
            ),
            cell("Restock by line.", NO_MATH, "NameError: name 'math' is not defined", mark="root"),
            cell("Running it again.", NO_MATH, "NameError: name 'math' is not defined"),
            cell("Once more.", NO_MATH, "NameError: name 'math' is not defined", mark="symptom"),
            hand(
                CODER, LEAD, "Stuck.", say="The restock cell won't complete; I don't have a total."
            ),
            hand(LEAD, WRITER, "Tell them the restock total isn't available yet."),
            final(
                "We don't have a restock total for the main store yet; the calculation did not complete."
            ),
        ],
        answer="",
        expect="50",
    ),
]
