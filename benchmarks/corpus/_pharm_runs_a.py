"""Stock desk runs that go wrong upstream: a misquoted figure, a wrong file or row, or a
lead's plan that sets the question up on the wrong basis."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _pharm_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
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

CD_PRICED = """import csv
price = {'MOR10': 12.40 / 10, 'OXY5': 6.20 / 28}
value = sum(int(b['units']) * price[b['code']] for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
            if b['code'] in price and b['location'] == 'main_store' and b['expiry'] >= '2026-06-30')
print(f'{value:.2f}')
"""
CD_UNITS = """import csv
units = {'MOR10': 20, 'OXY5': 84}
form = {r['code']: r for r in csv.DictReader(open('formulary.csv'))}
value = sum(n * float(form[c]['pack_cost_gbp']) / int(form[c]['pack_size']) for c, n in units.items())
print(units)
print(f'{value:.2f}')
"""
INVOICES = """invoices = {'2026-04-08': 98.00, '2026-05-06': 192.00, '2026-06-03': 20.25, '2026-06-17': 39.50}
print(len(invoices))
print(f'{sum(invoices.values()):.2f}')
"""

RUNS: list[Run] = [
    Run(
        "fridge_01_enoxaparin_called_fridge",
        WRONG_INPUT,
        q.FRIDGE,
        [
            hand(
                LEAD,
                PHARMACIST,
                "Which formulary lines are stored in the fridge?",
                say="First the fridge lines from the formulary, then the count.",
            ),
            read(PHARMACIST, "formulary.csv"),
            hand(
                PHARMACIST,
                LEAD,
                "Fridge lines listed.",
                say="Fridge lines on the formulary: INS100 (insulin aspart pens), EPO4 (epoetin syringes) and ENX40 (enoxaparin syringes). Everything else is room temperature.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Sum usable main-store units at the 30 June count for INS100, EPO4 and ENX40; expired batches (expiry before 2026-06-30) do not count.",
            ),
            cell(
                "Counting the three fridge lines in the main store.",
                q.fridge(lines="{'INS100', 'EPO4', 'ENX40'}"),
                "98",
            ),
            hand(
                CODER,
                CHECKER,
                "Ready for checking.",
                say="98 usable units across INS100, EPO4 and ENX40.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="The code uses the pharmacist's three lines, main store only, expired batches out. 98 stands.",
                mark="symptom",
            ),
            final(
                "The main store holds 98 usable units of fridge lines at the 30 June 2026 count."
            ),
        ],
        answer="98",
        expect="28",
    ),
    Run(
        "cd_01_oxycodone_pack_of_28",
        WRONG_INPUT,
        q.CD_VALUE,
        [
            hand(
                LEAD,
                PHARMACIST,
                "Which lines are controlled drugs, and their pack size and pack cost?",
                say="Controlled lines and prices first.",
            ),
            read(PHARMACIST, "formulary.csv", "Y,"),
            hand(
                PHARMACIST,
                LEAD,
                "Prices noted.",
                say="Two controlled lines: MOR10, morphine 10 mg/ml, £12.40 for a pack of 10; OXY5, oxycodone 5 mg, £6.20 for a pack of 28.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Value usable main-store MOR10 and OXY5 at the count at unit prices of 12.40/10 and 6.20/28; leave out batches expired before 30 June.",
            ),
            cell("Pricing the two controlled lines as briefed.", CD_PRICED, "68.20"),
            hand(
                CODER,
                CHECKER,
                "Please review.",
                say="Usable controlled-drug stock in the main store comes to £68.20.",
            ),
            read(CHECKER, "stock_count_2026-06-30.csv", "main_store,MOR10"),
            hand(
                CHECKER,
                WRITER,
                "Checked.",
                say="MO2409 expired on 15 June and is rightly out; MO2503's 40 ampoules plus the oxycodone batch, priced as the pharmacist gave them. £68.20 is fine.",
                mark="symptom",
            ),
            final(
                "The main store's usable controlled-drug stock was worth £68.20 at the 30 June 2026 count."
            ),
        ],
        answer="68.20",
        expect="58.90",
    ),
    Run(
        "spend_01_invoice_192",
        WRONG_INPUT,
        q.SPEND,
        [
            hand(
                LEAD,
                CLERK,
                "List Northwell deliveries dated April-June 2026 that were received, with invoice amounts.",
            ),
            read(CLERK, "deliveries_2026.csv", "Northwell"),
            hand(
                CLERK,
                LEAD,
                "Done.",
                say="Received from Northwell in Q2: 8 Apr CEF1G £98.00; 6 May ENX40 £192.00; 3 Jun AMX500 £20.25; 17 Jun HEP5 £39.50. The 22 Apr vancomycin is backordered and the 27 May paracetamol was cancelled.",
                mark="root",
            ),
            hand(LEAD, CODER, "Add up the four received Northwell invoices the clerk listed."),
            cell("Summing the clerk's four invoices.", INVOICES, "349.75"),
            hand(CODER, CHECKER, "Total ready.", say="Four invoices, £349.75 in all."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="Four received deliveries, backorder and cancellation excluded, and the arithmetic adds up: £349.75.",
                mark="symptom",
            ),
            final("Northwell deliveries received in Q2 2026 cost the pharmacy £349.75."),
        ],
        answer="349.75",
        expect="286.75",
    ),
    Run(
        "enox_02_q1_log",
        WRONG_SOURCE,
        q.ENOX,
        [
            hand(
                LEAD, CLERK, "Ward 7's enoxaparin (ENX40) issues and returns for Q2 2026, please."
            ),
            read(CLERK, "dispensing_2026q1.csv", "ward_7", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Rows found.",
                say="Ward 7 enoxaparin: issued 20 on 9 Jan, 20 on 20 Feb, 30 on 27 Mar; 6 returned on 27 Feb.",
            ),
            hand(
                LEAD,
                CODER,
                "Net ENX40 for ward_7 from the log the clerk used, dispensing_2026q1.csv: issues minus returns.",
            ),
            cell("Netting ward 7's enoxaparin.", q.enox(file="dispensing_2026q1.csv"), "64"),
            hand(CODER, CHECKER, "For review.", say="70 issued less 6 returned: 64 syringes."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Issues and returns both counted, ward 7 only. 64 is right.",
                mark="symptom",
            ),
            final("Ward 7's net use of enoxaparin 40 mg syringes in Q2 2026 was 64 units."),
        ],
        answer="64",
        expect="98",
    ),
    Run(
        "spend_02_medora_rows",
        WRONG_SOURCE,
        q.SPEND,
        [
            hand(
                LEAD,
                CLERK,
                "Pull the supplier's deliveries for Q2 2026 with status and invoice.",
                say="Spend question: received deliveries only, per the policy.",
            ),
            read(CLERK, "deliveries_2026.csv", "Medora", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Pulled.",
                say="Q2 deliveries: 15 Apr OXY5 £24.80, 20 May INS100 £113.20, 24 Jun EPO4 £192.00, all received.",
            ),
            hand(
                LEAD,
                CODER,
                "Sum the received invoices for those Q2 deliveries (supplier Medora in deliveries_2026.csv).",
            ),
            cell("Totalling them.", q.spend().replace("Northwell", "Medora"), "330.00"),
            hand(CODER, CHECKER, "Please check.", say="Three received deliveries, £330.00."),
            hand(
                CHECKER,
                WRITER,
                "OK.",
                say="All three received and in Q2; total £330.00 agrees.",
                mark="symptom",
            ),
            final("The pharmacy spent £330.00 on Q2 2026 deliveries from the supplier."),
        ],
        answer="330.00",
        expect="286.75",
    ),
    Run(
        "cd_02_icu_morphine_row",
        WRONG_SOURCE,
        q.CD_VALUE,
        [
            hand(
                LEAD,
                CLERK,
                "From the 30 June count: main-store units of MOR10 and OXY5, usable batches only.",
            ),
            read(CLERK, "stock_count_2026-06-30.csv", "MO2503"),
            hand(
                CLERK,
                LEAD,
                "Units found.",
                say="Morphine: MO2503, 20 ampoules (expiry 2027-09-30). Oxycodone: OX2412, 84 capsules.",
                mark="root",
            ),
            hand(
                LEAD,
                PHARMACIST,
                "Confirm MOR10 and OXY5 are the only controlled lines and give their pack prices.",
            ),
            read(PHARMACIST, "formulary.csv", "Y,"),
            hand(
                PHARMACIST,
                LEAD,
                "Confirmed.",
                say="Only MOR10 (£12.40 / 10) and OXY5 (£6.20 / 56) are controlled.",
            ),
            hand(LEAD, CODER, "Value 20 MOR10 and 84 OXY5 at pack cost over pack size."),
            cell("Valuing the clerk's units.", CD_UNITS, "34.10"),
            hand(CODER, CHECKER, "Review please.", say="£34.10 for the controlled stock."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Unit prices taken from the formulary correctly; 20 x 1.24 + 84 x 0.1107 = 34.10.",
                mark="symptom",
            ),
            final(
                "Usable controlled drugs in the main store were worth £34.10 at the 30 June 2026 count."
            ),
        ],
        answer="34.10",
        expect="58.90",
    ),
    Run(
        "restock_01_both_locations",
        BAD_SPLIT,
        q.RESTOCK,
        [
            hand(
                LEAD,
                CODER,
                "For each formulary line, add up the units counted on 30 June across all locations (main_store and icu), skip expired batches, and where that total is at or below min_level_units order up to twice the level in whole packs. Total the packs.",
                say="One pass over the count and the formulary should do it.",
                mark="root",
            ),
            cell("Running the restock rule over both locations.", q.restock(places=q.BOTH), "33"),
            hand(
                CODER,
                CHECKER,
                "Packs totalled.",
                say="33 packs: PAR500, AMX500, OXY5, VAN500, EPO4 lines below level.",
            ),
            read(CHECKER, "stock_policy.json"),
            hand(
                CHECKER,
                WRITER,
                "Looks right.",
                say="At or below the level, up to twice it, rounded up to packs, expired out: the cell follows the rule. 33 packs.",
                mark="symptom",
            ),
            final("The restock order after the 30 June 2026 count comes to 33 packs."),
        ],
        answer="33",
        expect="50",
    ),
    Run(
        "cover_01_june_thirty_days",
        BAD_SPLIT,
        q.COVER,
        [
            hand(
                LEAD,
                CLERK,
                "Give me ceftriaxone (CEF1G) movements for June 2026 from the Q2 log.",
                say="Plan: June's CEF1G use from the log, averaged over June's 30 days, then usable main-store units divided by it.",
                mark="root",
            ),
            read(CLERK, "dispensing_2026q2.csv", "CEF1G"),
            hand(
                CLERK,
                LEAD,
                "Rows listed.",
                say="June CEF1G: issues 30 (2 Jun), 20 (4 Jun), 20 (11 Jun, ICU), 30 (18 Jun), 20 (25 Jun), 10 (29 Jun); one return of 4 on 20 Jun.",
            ),
            hand(
                LEAD,
                CODER,
                "Usable main-store CEF1G at the count divided by June's average daily net use (1-30 June, 30 days).",
            ),
            cell("Days of cover on June's average.", q.cover(start="2026-06-01", days=30), "16.7"),
            hand(
                CODER,
                CHECKER,
                "Check please.",
                say="70 usable vials, 126 net issued in June: 16.7 days of cover.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Net of the return, main store only, expired batch excluded; 16.7 days.",
                mark="symptom",
            ),
            final(
                "The main store holds 16.7 days of cover of ceftriaxone 1 g at the 30 June 2026 count."
            ),
        ],
        answer="16.7",
        expect="20.4",
    ),
    Run(
        "short_01_expired_counted",
        BAD_SPLIT,
        q.SHORT,
        [
            hand(
                LEAD,
                CLERK,
                "From the count, list main-store batches with an expiry on or before 2026-09-28, expired ones included, with units.",
                say="Short-dated here means anything that will be out of date by 28 September, so everything up to that date goes in.",
                mark="root",
            ),
            read(CLERK, "stock_count_2026-06-30.csv", "main_store"),
            hand(
                CLERK,
                LEAD,
                "Listed.",
                say="Up to 28 Sep: MO2409 (15 Jun) 10, VA2410 (31 May) 10, CE2508 (20 Jul) 30, AX2502 (31 Aug) 63, IN2601 (15 Sep) 12.",
            ),
            hand(LEAD, CODER, "Value those five batches at pack cost / pack size per unit."),
            cell(
                "Valuing every main-store batch expiring by 28 September.", q.short(lo=""), "144.77"
            ),
            hand(CODER, CHECKER, "Please verify.", say="Five batches, £144.77."),
            hand(
                CHECKER,
                WRITER,
                "Good to go.",
                say="Unit values and the five batches agree with the count. £144.77.",
                mark="symptom",
            ),
            final("Short-dated main-store stock at the 30 June 2026 count is worth £144.77."),
        ],
        answer="144.77",
        expect="101.37",
    ),
]
