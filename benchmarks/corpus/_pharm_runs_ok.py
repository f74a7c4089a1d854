"""Stock desk runs that end with the right figure, near misses among them: a crash fixed
on the next turn, a checker sending back a wrong file, a mistyped file name retried."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _pharm_tasks as q
from benchmarks.corpus._common import HEALTHY
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

NO_MATH = q.restock().replace("import csv, math", "import csv")
COVER_QTY = q.cover().replace("int(r['units']) *", "int(r['qty']) *")

RUNS: list[Run] = [
    Run(
        "ok_enox_01_plain",
        HEALTHY,
        q.ENOX,
        [
            hand(
                LEAD,
                CLERK,
                "Pull ward 7's ENX40 rows for April-June 2026 from the Q2 dispensing log, issues and returns.",
                say="Net use needs issues and returns; the clerk first.",
            ),
            read(CLERK, "dispensing_2026q2.csv", "ENX40"),
            hand(
                CLERK,
                LEAD,
                "Rows pulled.",
                say="Ward 7 ENX40 in Q2: issues of 20 (3 Apr), 20 (24 Apr), 30 (15 May), 20 (5 Jun), 20 (26 Jun); returns of 8 (29 May) and 4 (30 Jun). The 12 Jun issue of 10 is ward 9's.",
            ),
            hand(
                LEAD,
                CODER,
                "Net ENX40 use for ward_7 in dispensing_2026q2.csv: issues minus returns.",
            ),
            cell("Summing ward 7's enoxaparin moves.", q.enox(), "98"),
            hand(CODER, CHECKER, "Please check.", say="110 issued, 12 returned: net 98 syringes."),
            hand(
                CHECKER,
                WRITER,
                "Net use checked.",
                say="Matches the clerk's rows: 110 - 12 = 98. Approved.",
            ),
            final(
                "Ward 7 used a net 98 enoxaparin 40 mg syringes in Q2 2026 (110 issued, 12 returned)."
            ),
        ],
        answer="98",
        expect="98",
    ),
    Run(
        "ok_restock_01_plain",
        HEALTHY,
        q.RESTOCK,
        [
            hand(
                LEAD,
                PHARMACIST,
                "Summarise the restock rule and what counts as on hand.",
                say="Rule first, then the numbers.",
            ),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Summary.",
                say="Main store only. Expired batches (expiry before 30 June) are not on hand. A line at or below min_level_units is ordered up to twice the level, in whole packs, rounded up.",
            ),
            hand(
                LEAD,
                CODER,
                "Restock packs per line for the main store at the 30 June count, per the pharmacist's summary; give the total.",
            ),
            cell("Restock per line, main store, usable batches only.", q.restock(), "50"),
            hand(
                CODER,
                CHECKER,
                "Please check.",
                say="50 packs: AMX500 10, PAR500 12, MOR10 6, OXY5 3, CEF1G 9, VAN500 5, ADR1 2, EPO4 3.",
            ),
            read(CHECKER, "stock_count_2026-06-30.csv", "main_store"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="AMX500 and ADR1 sit exactly at their levels and are rightly ordered; the expired MOR10 and VAN500 batches are out. 50 packs.",
            ),
            final("The main store should order 50 packs in total after the 30 June 2026 count."),
        ],
        answer="50",
        expect="50",
    ),
    Run(
        "ok_restock_02_crash_fixed",
        HEALTHY,
        q.RESTOCK,
        [
            hand(
                LEAD,
                CODER,
                "Restock per the policy: main store, usable batches only, lines at or below min_level_units ordered up to twice the level in whole packs (round up). Total packs.",
            ),
            cell("First pass.", NO_MATH, "NameError: name 'math' is not defined"),
            cell("Forgot the import; fixed.", q.restock(), "50"),
            hand(
                CODER,
                CHECKER,
                "Total ready.",
                say="After fixing the import: 50 packs over eight lines.",
            ),
            hand(CHECKER, WRITER, "OK.", say="Rule applied as the lead briefed it; 50 packs."),
            final("The restock order after the 30 June 2026 count is 50 packs."),
        ],
        answer="50",
        expect="50",
    ),
    Run(
        "ok_short_01_plain",
        HEALTHY,
        q.SHORT,
        [
            hand(LEAD, PHARMACIST, "What is short-dated under the policy, and how do we value it?"),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Here.",
                say="Usable main-store batches expiring after the count and up to and including 28 September 2026; value each unit at pack cost / pack size.",
            ),
            hand(
                LEAD,
                CODER,
                "Value main-store batches expiring 30 June-28 September 2026 at the count.",
            ),
            cell("Short-dated batches.", q.short(), "101.37"),
            hand(CODER, CHECKER, "Value ready.", say="AX2502, IN2601 and CE2508: £101.37."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="AD2409 expires on 30 September, after the cut-off, and is rightly out. £101.37.",
            ),
            final("The main store's short-dated stock is worth £101.37 at the 30 June 2026 count."),
        ],
        answer="101.37",
        expect="101.37",
    ),
    Run(
        "ok_short_02_sent_back_for_september",
        HEALTHY,
        q.SHORT,
        [
            hand(
                LEAD,
                CODER,
                "Value the main store's short-dated batches (within 90 days of the 30 June count) at unit cost.",
            ),
            cell("Three months ahead, to 30 September.", q.short(hi="2026-09-30"), "118.87"),
            hand(CODER, CHECKER, "Check please.", say="£118.87 over four batches."),
            read(CHECKER, "stock_policy.json"),
            hand(
                CHECKER,
                LEAD,
                "Sent back.",
                say="The policy's window ends on 28 September; AD2409 (30 September) falls outside it. Please redo with the cut-off at 2026-09-28.",
            ),
            hand(LEAD, CODER, "Redo with expiry between 2026-06-30 and 2026-09-28 inclusive."),
            cell("Cut-off moved to 28 September.", q.short(), "101.37"),
            hand(CODER, CHECKER, "Redone.", say="£101.37 now, three batches."),
            hand(CHECKER, WRITER, "Approved.", say="Window matches the policy. £101.37."),
            final("Short-dated main-store stock at the 30 June 2026 count is worth £101.37."),
        ],
        answer="101.37",
        expect="101.37",
    ),
    Run(
        "ok_cover_01_plain",
        HEALTHY,
        q.COVER,
        [
            hand(LEAD, PHARMACIST, "Days of cover: how does the policy define it?"),
            read(PHARMACIST, "stock_policy.json"),
            hand(
                PHARMACIST,
                LEAD,
                "Defined.",
                say="Usable main-store units / average daily net use (issues minus returns, all wards) over the 28 days 3-30 June 2026.",
            ),
            hand(LEAD, CODER, "CEF1G days of cover per that definition."),
            cell("Ceftriaxone cover.", q.cover(), "20.4"),
            hand(
                CODER,
                CHECKER,
                "Figure.",
                say="70 usable vials; 96 net over the 28 days. 20.4 days.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="The 2 June issue is outside the window and rightly out. 20.4 days.",
            ),
            final(
                "The main store holds 20.4 days of cover of ceftriaxone 1 g at the 30 June 2026 count."
            ),
        ],
        answer="20.4",
        expect="20.4",
    ),
    Run(
        "ok_cover_02_wrong_column_fixed",
        HEALTHY,
        q.COVER,
        [
            hand(
                LEAD,
                CODER,
                "Ceftriaxone (CEF1G) days of cover: usable main-store units at the count over average daily net use, 3-30 June (28 days), all wards.",
            ),
            cell("Cover, first go.", COVER_QTY, "KeyError: 'qty'"),
            cell("The column is units, not qty.", q.cover(), "20.4"),
            hand(CODER, CHECKER, "Ready.", say="20.4 days (70 vials, 96 net)."),
            hand(CHECKER, WRITER, "Fine.", say="Window and netting as briefed. 20.4."),
            final(
                "Ceftriaxone 1 g: 20.4 days of cover in the main store at the 30 June 2026 count."
            ),
        ],
        answer="20.4",
        expect="20.4",
    ),
    Run(
        "ok_spend_01_plain",
        HEALTHY,
        q.SPEND,
        [
            hand(
                LEAD,
                CODER,
                "Total invoices for Northwell deliveries dated 1 April-30 June 2026 with status received.",
            ),
            cell("Northwell Q2 spend.", q.spend(), "286.75"),
            hand(CODER, CHECKER, "Please check.", say="Four received deliveries: £286.75."),
            read(CHECKER, "deliveries_2026.csv", "Northwell"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Backordered vancomycin and cancelled paracetamol are out, and so is the 1 July delivery. £286.75.",
            ),
            final("The pharmacy spent £286.75 on deliveries from Northwell in Q2 2026."),
        ],
        answer="286.75",
        expect="286.75",
    ),
    Run(
        "ok_spend_02_mistyped_file",
        HEALTHY,
        q.SPEND,
        [
            hand(LEAD, CLERK, "Northwell deliveries April-June 2026: date, status, invoice."),
            read(CLERK, "deliveries_2026.cvs", "Northwell"),
            read(CLERK, "deliveries_2026.csv", "Northwell", say="Typo in the extension; again."),
            hand(
                CLERK,
                LEAD,
                "Listed.",
                say="Q2 Northwell: 8 Apr £98.00 received; 22 Apr £93.00 backordered; 6 May £129.00 received; 27 May £16.80 cancelled; 3 Jun £20.25 received; 17 Jun £39.50 received.",
            ),
            hand(LEAD, CODER, "Sum the received Q2 Northwell invoices from deliveries_2026.csv."),
            cell("Received only.", q.spend(), "286.75"),
            hand(CODER, CHECKER, "Done.", say="£286.75."),
            hand(
                CHECKER, WRITER, "Approved.", say="Matches the clerk's four received rows. £286.75."
            ),
            final("Northwell deliveries received in Q2 2026 came to £286.75."),
        ],
        answer="286.75",
        expect="286.75",
    ),
    Run(
        "ok_fridge_01_plain",
        HEALTHY,
        q.FRIDGE,
        [
            hand(
                LEAD,
                CODER,
                "Usable main-store units of the lines the formulary stores in the fridge, at the 30 June count.",
            ),
            cell("Fridge lines, main store, not expired.", q.fridge(), "28"),
            hand(CODER, CHECKER, "Check.", say="EPO4 and INS100: 28 units."),
            read(CHECKER, "formulary.csv", "fridge"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Only INS100 and EPO4 are fridge lines; ICU pens left out. 28.",
            ),
            final(
                "The main store holds 28 usable units of fridge lines at the 30 June 2026 count."
            ),
        ],
        answer="28",
        expect="28",
    ),
    Run(
        "ok_fridge_02_icu_caught",
        HEALTHY,
        q.FRIDGE,
        [
            hand(LEAD, PHARMACIST, "Fridge lines on the formulary?"),
            read(PHARMACIST, "formulary.csv", "fridge"),
            hand(PHARMACIST, LEAD, "Two.", say="INS100 and EPO4."),
            hand(LEAD, CODER, "Usable units of INS100 and EPO4 at the 30 June count."),
            cell("Both lines on the count.", q.fridge(places=q.BOTH), "33"),
            hand(CODER, CHECKER, "Total.", say="33 units."),
            hand(
                CHECKER,
                LEAD,
                "Sent back.",
                say="That includes 5 insulin pens held by ICU; the policy counts the main store only. Please rerun for main_store.",
            ),
            hand(LEAD, CODER, "Rerun for main_store only."),
            cell("Main store only.", q.fridge(), "28"),
            hand(CODER, CHECKER, "Rerun.", say="28 units."),
            hand(CHECKER, WRITER, "Approved.", say="Main store only now. 28."),
            final("The main store has 28 usable units of fridge lines at the 30 June 2026 count."),
        ],
        answer="28",
        expect="28",
    ),
    Run(
        "ok_cd_01_plain",
        HEALTHY,
        q.CD_VALUE,
        [
            hand(
                LEAD, PHARMACIST, "Which formulary lines are controlled, with pack size and cost?"
            ),
            read(PHARMACIST, "formulary.csv", "Y,"),
            hand(
                PHARMACIST,
                LEAD,
                "Listed.",
                say="MOR10: 10 ampoules for £12.40. OXY5: 56 capsules for £6.20.",
            ),
            hand(
                LEAD,
                CODER,
                "Value usable main-store MOR10 and OXY5 at the 30 June count, unit cost = pack cost / pack size.",
            ),
            cell("Controlled drugs, main store.", q.cd_value(), "58.90"),
            hand(CODER, CHECKER, "Please check.", say="£58.90."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="The expired MO2409 batch and the ICU's morphine are left out. £58.90.",
            ),
            final(
                "The main store's usable controlled drugs were worth £58.90 at the 30 June 2026 count."
            ),
        ],
        answer="58.90",
        expect="58.90",
    ),
    Run(
        "ok_cd_02_expired_batch_set_aside",
        HEALTHY,
        q.CD_VALUE,
        [
            hand(
                LEAD, CLERK, "Main-store MOR10 and OXY5 batches on the 30 June count, with expiry."
            ),
            read(CLERK, "stock_count_2026-06-30.csv", "main_store,MOR10"),
            read(CLERK, "stock_count_2026-06-30.csv", "main_store,OXY5"),
            hand(
                CLERK,
                LEAD,
                "Batches.",
                say="MOR10: MO2409, 10, expired 15 June, so quarantined, not usable; MO2503, 40, usable. OXY5: OX2412, 84, usable.",
            ),
            hand(
                LEAD,
                CODER,
                "Value 40 MOR10 and 84 OXY5 from the count, at formulary unit cost, usable batches only.",
            ),
            cell("Controlled drug value.", q.cd_value(), "58.90"),
            hand(CODER, CHECKER, "Value.", say="£58.90."),
            hand(
                CHECKER,
                WRITER,
                "OK.",
                say="The clerk's expired batch is excluded in the code too. £58.90.",
            ),
            final(
                "Usable controlled-drug stock in the main store: £58.90 at the 30 June 2026 count."
            ),
        ],
        answer="58.90",
        expect="58.90",
    ),
    Run(
        "ok_abx_01_plain",
        HEALTHY,
        q.ABX,
        [
            hand(
                LEAD,
                CODER,
                "Ward 4 net use (issues minus returns) of AMX500, CEF1G and VAN500 in June 2026, from dispensing_2026q2.csv.",
            ),
            cell("June, ward 4, three antibiotics.", q.abx(), "156"),
            hand(CODER, CHECKER, "Please check.", say="8 rows, net 156 units."),
            read(CHECKER, "dispensing_2026q2.csv", "ward_4"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="June rows only, the vancomycin issue counted and the amoxicillin return netted off. 156.",
            ),
            final("Ward 4's net use of formulary antibiotics in June 2026 was 156 units."),
        ],
        answer="156",
        expect="156",
    ),
    Run(
        "ok_abx_02_clerk_rereads_q2",
        HEALTHY,
        q.ABX,
        [
            hand(LEAD, CLERK, "Ward 4's June 2026 antibiotic rows (AMX500, CEF1G, VAN500)."),
            read(CLERK, "dispensing_2026q1.csv", "ward_4"),
            read(
                CLERK,
                "dispensing_2026q2.csv",
                "ward_4",
                say="That log stops at March; June is in the Q2 log.",
            ),
            hand(
                CLERK,
                LEAD,
                "Rows.",
                say="June, ward 4: AMX500 42, 21 issued and 7 returned; CEF1G 30, 20, 30, 10 issued; VAN500 10 issued.",
            ),
            hand(LEAD, CODER, "Net June ward 4 use of the three codes from dispensing_2026q2.csv."),
            cell("Netting June.", q.abx(), "156"),
            hand(CODER, CHECKER, "Done.", say="156 units net."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Agrees with the clerk's June rows: 163 issued, 7 returned. 156.",
            ),
            final("Ward 4 used a net 156 units of antibiotics in June 2026."),
        ],
        answer="156",
        expect="156",
    ),
]
