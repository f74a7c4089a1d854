"""Stock desk runs that go wrong in the middle: an assumption nobody checks, a wrong cell
the checker passes, a crash the coder talks past, a figure misreported."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _pharm_tasks as q
from benchmarks.corpus._common import BAD_ASSUMPTION, CODE_FAILURE, MISREPORTED, WRONG_ACCEPTED
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

COVER_QTY = """import csv
usable = sum(int(b['units']) for b in csv.DictReader(open('stock_count_2026-06-30.csv'))
             if b['code'] == 'CEF1G' and b['location'] == 'main_store' and b['expiry'] >= '2026-06-30')
moves = [r for r in csv.DictReader(open('dispensing_2026q2.csv')) if r['code'] == 'CEF1G' and r['date'] >= '2026-06-03']
net = sum(int(r['qty']) if r['kind'] == 'issue' else -int(r['qty']) for r in moves)
print(usable / (net / 28))
"""
FRIDGE_STR = """import csv
fridge = {r['code'] for r in csv.DictReader(open('formulary.csv')) if r['storage'] == 'fridge'}
units = sum(b['units'] for b in csv.DictReader(open('stock_count_2026-06-30.csv')) if b['code'] in fridge and b['location'] == 'main_store')
print(units)
"""

RUNS: list[Run] = [
    Run(
        "restock_02_expired_still_on_hand",
        BAD_ASSUMPTION,
        q.RESTOCK,
        [
            hand(
                LEAD,
                PHARMACIST,
                "How does the restock rule treat the count: which units count as on hand, and what is ordered?",
            ),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Rule summarised.",
                say="Lines at or below min_level_units are ordered up to twice the level, whole packs rounded up, main store only. The expired batches on the count sheet are still physically on the shelf until the quarantine sweep, so I'd count every counted main-store unit as on hand.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Apply the restock rule to main_store, counting every batch on the sheet (no expiry filter). Total packs.",
            ),
            cell("All main-store batches in, per the pharmacist.", q.restock(cut=""), "48"),
            hand(CODER, CHECKER, "Done.", say="48 packs over eight lines."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="At-or-below test, twice the level, packs rounded up, ICU out. 48 packs agrees.",
                mark="symptom",
            ),
            final("After the 30 June 2026 count the main store should order 48 packs in total."),
        ],
        answer="48",
        expect="50",
    ),
    Run(
        "cover_02_icu_vials_ours",
        BAD_ASSUMPTION,
        q.COVER,
        [
            hand(LEAD, PHARMACIST, "Read me the days-of-cover definition from the stock policy."),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Definition read.",
                say="Usable units over average daily net use, all wards, across the 28 days 3-30 June.",
            ),
            hand(LEAD, CLERK, "CEF1G at the count: usable units by location."),
            read(CLERK, "stock_count_2026-06-30.csv", "CEF1G"),
            hand(
                CLERK,
                LEAD,
                "Here they are.",
                say="Main store: CE2508 30 (exp 20 Jul) and CE2602 40. ICU: CE2602 20. The ICU vials are top-ups the main store sends up and can call back, so I'd treat all 90 as available cover.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Days of cover for CEF1G: 90 usable units (main store and ICU) over the 3-30 June average daily net use.",
            ),
            cell("Using both locations' vials.", q.cover(places=q.BOTH), "26.2"),
            hand(
                CODER, CHECKER, "Check it please.", say="90 vials, 96 net over 28 days: 26.2 days."
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="28-day window and net of returns, as the policy says. 26.2.",
                mark="symptom",
            ),
            final("Ceftriaxone 1 g cover at the 30 June 2026 count is 26.2 days."),
        ],
        answer="26.2",
        expect="20.4",
    ),
    Run(
        "spend_03_backorder_invoiced",
        BAD_ASSUMPTION,
        q.SPEND,
        [
            hand(
                LEAD,
                CLERK,
                "Northwell deliveries in April-June 2026 and their status.",
                say="We need what was actually paid for.",
            ),
            read(CLERK, "deliveries_2026.csv", "Northwell"),
            hand(
                CLERK,
                LEAD,
                "Listed.",
                say="Q2 Northwell: 8 Apr CEF1G received £98.00; 22 Apr VAN500 backordered £93.00; 6 May ENX40 received £129.00; 27 May PAR500 cancelled £16.80; 3 Jun AMX500 received £20.25; 17 Jun HEP5 received £39.50. Backorders are invoiced when raised and arrive within a week or two, so the vancomycin belongs in the spend.",
                mark="root",
            ),
            hand(LEAD, CODER, "Total Northwell Q2 invoices with status received or backordered."),
            cell(
                "Received plus backordered.",
                q.spend(statuses="('received', 'backordered')"),
                "379.75",
            ),
            hand(CODER, CHECKER, "Ready.", say="Five deliveries, £379.75."),
            hand(
                CHECKER,
                WRITER,
                "OK.",
                say="Cancelled order left out, Q2 dates only; £379.75 agrees with the rows.",
                mark="symptom",
            ),
            final("Northwell deliveries in Q2 2026 cost £379.75."),
        ],
        answer="379.75",
        expect="286.75",
    ),
    Run(
        "restock_03_top_up_to_level",
        WRONG_ACCEPTED,
        q.RESTOCK,
        [
            hand(LEAD, PHARMACIST, "What does the policy's restock rule say?"),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Quoted.",
                say="Main-store lines with usable units at or below min_level_units are ordered up to twice min_level_units, in whole packs rounding up. Expired batches are not on hand.",
            ),
            hand(
                LEAD, CODER, "Apply that rule to the 30 June count and the formulary; total packs."
            ),
            cell("Restock per line.", q.restock(mult=1), "7", mark="root"),
            hand(
                CODER,
                CHECKER,
                "Packs computed.",
                say="7 packs: PAR500 2, MOR10 1, OXY5 1, CEF1G 1, VAN500 1, EPO4 1.",
            ),
            read(CHECKER, "stock_count_2026-06-30.csv", "main_store"),
            hand(
                CHECKER,
                WRITER,
                "Checked against the sheet.",
                say="Usable units per line match the sheet and the below-level lines are the right ones. 7 packs.",
                mark="symptom",
            ),
            final("The main store's restock after the 30 June 2026 count is 7 packs."),
        ],
        answer="7",
        expect="50",
    ),
    Run(
        "short_02_end_of_september",
        WRONG_ACCEPTED,
        q.SHORT,
        [
            hand(LEAD, PHARMACIST, "What counts as short-dated, and how is stock valued?"),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Answer.",
                say="Short-dated: usable main-store batches expiring within 90 days after the count. Value per unit is pack cost over pack size.",
            ),
            hand(LEAD, CODER, "Value the main store's short-dated batches at the 30 June count."),
            cell(
                "Ninety days is roughly to the end of September.",
                q.short(hi="2026-09-30"),
                "118.87",
                mark="root",
            ),
            hand(
                CODER,
                CHECKER,
                "Value ready.",
                say="Four batches: AX2502, IN2601, CE2508, AD2409. £118.87.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Expired batches excluded and only the main store; valuation is pro rata. £118.87.",
                mark="symptom",
            ),
            final("The main store's short-dated stock at the 30 June 2026 count is worth £118.87."),
        ],
        answer="118.87",
        expect="101.37",
    ),
    Run(
        "abx_01_whole_quarter",
        WRONG_ACCEPTED,
        q.ABX,
        [
            hand(
                LEAD,
                CODER,
                "Ward 4's net use in June 2026 of AMX500, CEF1G and VAN500 from dispensing_2026q2.csv: issues minus returns.",
                say="Straight from the log.",
            ),
            cell(
                "Ward 4 antibiotics, net.",
                q.abx(months="('2026-04', '2026-05', '2026-06')"),
                "240",
                mark="root",
            ),
            hand(CODER, CHECKER, "Please check.", say="10 rows, net 240 units."),
            read(CHECKER, "dispensing_2026q2.csv", "ward_4"),
            hand(
                CHECKER,
                WRITER,
                "Good.",
                say="All three antibiotics are in, the 26 June return is subtracted. 240.",
                mark="symptom",
            ),
            final("Ward 4 used a net 240 units of formulary antibiotics in June 2026."),
        ],
        answer="240",
        expect="156",
    ),
    Run(
        "cover_03_qty_column",
        CODE_FAILURE,
        q.COVER,
        [
            hand(LEAD, PHARMACIST, "Days-of-cover rule from the policy, please."),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Rule.",
                say="Usable main-store units divided by average daily net use over 3-30 June (28 days), all wards.",
            ),
            hand(LEAD, CODER, "Compute CEF1G days of cover at the 30 June count by that rule."),
            cell("Cover for ceftriaxone.", COVER_QTY, "KeyError: 'qty'", mark="root"),
            hand(
                CODER,
                CHECKER,
                "Figure ready.",
                say="Cover works out at about 21.0 days of ceftriaxone.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Twenty-one days is in line with how fast ceftriaxone moves. Fine.",
                mark="symptom",
            ),
            final("The main store holds about 21.0 days of cover of ceftriaxone 1 g."),
        ],
        answer="21.0",
        expect="20.4",
    ),
    Run(
        "fridge_02_summing_strings",
        CODE_FAILURE,
        q.FRIDGE,
        [
            hand(
                LEAD,
                CODER,
                "Usable main-store units of the formulary's fridge lines at the 30 June count; expired batches out.",
            ),
            cell(
                "Fridge lines from the formulary.",
                FRIDGE_STR,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="root",
            ),
            hand(
                CODER,
                CHECKER,
                "Answer ready.",
                say="The fridge lines come to 22 usable units in the main store.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="Insulin pens are the fridge line that matters; 22 looks right.",
                mark="symptom",
            ),
            final(
                "The main store holds 22 usable units of fridge lines at the 30 June 2026 count."
            ),
        ],
        answer="22",
        expect="28",
    ),
    Run(
        "enox_03_reports_89",
        MISREPORTED,
        q.ENOX,
        [
            hand(LEAD, CLERK, "Ward 7 ENX40 rows in the Q2 log."),
            read(CLERK, "dispensing_2026q2.csv", "ward_7"),
            hand(CLERK, LEAD, "Rows.", say="Issues 20, 20, 30, 20, 20; returns 8 and 4."),
            hand(LEAD, CODER, "Net ward 7 ENX40 use in Q2 from dispensing_2026q2.csv."),
            cell("Issues less returns.", q.enox(), "98"),
            hand(CODER, CHECKER, "Check.", say="Net use is 89 syringes.", mark="root"),
            hand(CHECKER, WRITER, "Approved.", say="89 net for ward 7, approved.", mark="symptom"),
            final("Ward 7 used a net 89 enoxaparin syringes in Q2 2026."),
        ],
        answer="89",
        expect="98",
    ),
    Run(
        "spend_04_reports_268",
        MISREPORTED,
        q.SPEND,
        [
            hand(
                LEAD,
                CODER,
                "Total of Northwell invoices for deliveries received April-June 2026 (received status only).",
            ),
            cell("Northwell, Q2, received.", q.spend(), "286.75"),
            hand(CODER, CHECKER, "Total ready.", say="Four received deliveries, £286.75."),
            hand(
                CHECKER,
                WRITER,
                "Checked.",
                say="Backorder and cancellation excluded, dates in Q2: £268.75 approved.",
                mark="root",
            ),
            final("The pharmacy spent £268.75 on Northwell deliveries in Q2 2026.", mark="symptom"),
        ],
        answer="268.75",
        expect="286.75",
    ),
]
