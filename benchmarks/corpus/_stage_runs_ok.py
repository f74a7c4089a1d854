"""Box office desk runs that go right, on the royalty and the evening tickets, some after
a near miss: a crashing cell fixed, VAT sent back by the auditor, the October sheet read
first and set aside, a mistyped file name retried, the auditor rerunning the count."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _stage_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._stage_team import (
    ANALYST,
    AUDITOR,
    CLERK,
    LEAD,
    RIGHTS,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

ROY_RIGHT = "1,513.44"
EVE_RIGHT = "3,008"
NO_VAT_OFF = q.roy().replace(
    "(float(r['gross_gbp']) - float(r['refunds_gbp'])) / 1.2",
    "float(r['gross_gbp']) - float(r['refunds_gbp'])",
)
TERMS = "Pilot Light (Jonah Reyes-Whitcombe): 8.0% of NBOR, previews 4.0%. NBOR is ticket receipts less refunds, excluding VAT at 20%; nothing on comps or cancelled performances."
ROWS = "Pilot Light, November: 14 rows in sales_2026-11.csv. Previews 10-12 Nov, regular from 13 Nov; PL-1118E (18 Nov) cancelled and refunded in full."

RUNS: list[Run] = [
    Run(
        "ok_roy_01_plain",
        HEALTHY,
        q.ROY,
        [
            *hand(
                LEAD,
                CLERK,
                "Pilot Light's November 2026 rows: kind, status, gross and refunds.",
                say="Clerk, rights officer, analyst, auditor, writer.",
            ),
            read(CLERK, q.NOV, "Pilot Light"),
            *hand(CLERK, RIGHTS, ROWS),
            read(RIGHTS, q.RIGHTS),
            *hand(RIGHTS, ANALYST, TERMS),
            cell("Per performance: NBOR times its rate.", q.roy(), "1513.44"),
            *hand(
                ANALYST,
                AUDITOR,
                "£1,513.44 over 13 played performances: previews at 4.0%, regular at 8.0%, on receipts less refunds ex VAT.",
            ),
            read(AUDITOR, q.RIGHTS),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £1,513.44 due to Jonah Reyes-Whitcombe.",
                say="Basis and both rates match the agreement; the cancelled show is out.",
            ),
            final(
                "The Lantern Street Theatre owes Jonah Reyes-Whitcombe £1,513.44 for Pilot Light's November 2026 performances: 4% on the three previews and 8% on the ten regular performances, on net box office receipts after refunds and excluding VAT."
            ),
        ],
        answer=ROY_RIGHT,
        expect=ROY_RIGHT,
    ),
    Run(
        "ok_roy_02_terms_key_fixed",
        HEALTHY,
        q.ROY,
        [
            *hand(
                LEAD,
                ANALYST,
                "Pilot Light's November royalty from sales_2026-11.csv and rights_2026.json: NBOR (receipts less refunds, ex VAT), previews at the preview rate, nothing on cancelled shows.",
                say="Straight to the analyst.",
            ),
            cell(
                "Terms and rows.",
                q.roy().replace("terms['preview_royalty_pct']", "terms['preview_rate']"),
                "KeyError: 'preview_rate'",
            ),
            cell(
                "The agreement calls it preview_royalty_pct.",
                q.roy(),
                "1513.44",
            ),
            *hand(
                ANALYST,
                AUDITOR,
                "£1,513.44 on 13 played performances (previews 4.0%, regular 8.0%).",
            ),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £1,513.44.",
                say="Checked the script's basis against the agreement.",
            ),
            final(
                "Jonah Reyes-Whitcombe is owed £1,513.44 for the November 2026 performances of Pilot Light."
            ),
        ],
        answer=ROY_RIGHT,
        expect=ROY_RIGHT,
    ),
    Run(
        "ok_roy_03_vat_sent_back",
        HEALTHY,
        q.ROY,
        [
            *hand(
                LEAD,
                CLERK,
                "List Pilot Light's November performances with receipts and refunds.",
                say="Usual route.",
            ),
            read(CLERK, q.NOV, "Pilot Light"),
            *hand(CLERK, RIGHTS, ROWS),
            read(RIGHTS, q.RIGHTS),
            *hand(
                RIGHTS,
                ANALYST,
                "Pilot Light: 8.0% royalty, previews 4.0%, none on cancelled shows.",
            ),
            cell("Rates on receipts less refunds.", NO_VAT_OFF, "1816.13"),
            *hand(ANALYST, AUDITOR, "£1,816.13 over 13 played performances."),
            read(AUDITOR, q.RIGHTS),
            *hand(
                AUDITOR,
                ANALYST,
                "NBOR excludes VAT: divide receipts less refunds by 1.2 before applying the rates, then send it back.",
                after="Back with the analyst.",
                say="The agreement's basis is net of VAT; the working isn't.",
            ),
            cell("VAT out first.", q.roy(), "1513.44"),
            *hand(ANALYST, AUDITOR, "Redone ex VAT: £1,513.44."),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £1,513.44.",
                say="Now on the agreement's basis.",
            ),
            final(
                "The theatre owes Jonah Reyes-Whitcombe £1,513.44 in royalties for Pilot Light's November 2026 performances."
            ),
        ],
        answer=ROY_RIGHT,
        expect=ROY_RIGHT,
    ),
    Run(
        "ok_roy_04_october_set_aside",
        HEALTHY,
        q.ROY,
        [
            *hand(
                LEAD,
                CLERK,
                "Get Pilot Light's performances for November from the sales files, with receipts and refunds.",
                say="Clerk, then rights.",
            ),
            read(CLERK, q.OCT, "Pilot Light"),
            read(
                CLERK,
                q.NOV,
                "Pilot Light",
                say="Those two are October's early previews; the month asked for is November.",
            ),
            *hand(CLERK, RIGHTS, ROWS),
            read(RIGHTS, q.RIGHTS),
            *hand(RIGHTS, ANALYST, TERMS),
            cell("November rows, rates per kind.", q.roy(), "1513.44"),
            *hand(ANALYST, AUDITOR, "£1,513.44, 13 performances played in November."),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £1,513.44.",
                say="Cancelled show carries nothing; the October previews are outside the month.",
            ),
            final(
                "For Pilot Light's November 2026 performances the theatre owes Jonah Reyes-Whitcombe £1,513.44."
            ),
        ],
        answer=ROY_RIGHT,
        expect=ROY_RIGHT,
    ),
    Run(
        "ok_eve_01_plain",
        HEALTHY,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "The Salt Archive's November 19:30 performances: paid and refunded for each.",
                say="Clerk lists, analyst counts.",
            ),
            read(CLERK, q.NOV, "The Salt Archive"),
            *hand(
                CLERK,
                ANALYST,
                "Nine evening performances in sales_2026-11.csv (SA-1105E to SA-1121E); the three 14:30 matinees are not evenings. Count paid less refunded.",
            ),
            cell("Evening rows, paid less refunded.", q.eve(), "3008"),
            *hand(ANALYST, AUDITOR, "3,008 tickets net of refunds over nine evenings."),
            read(AUDITOR, q.NOV, "19:30,The Salt Archive"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: 3,008.",
                say="Nine evening rows, refunds taken off.",
            ),
            final(
                "3,008 tickets were sold, net of refunds, for The Salt Archive's evening performances in November 2026."
            ),
        ],
        answer=EVE_RIGHT,
        expect=EVE_RIGHT,
    ),
    Run(
        "ok_eve_02_extension_retyped",
        HEALTHY,
        q.EVE,
        [
            *hand(
                LEAD,
                CLERK,
                "Salt Archive evening rows for November, paid and refunded.",
                say="Clerk first.",
            ),
            read(CLERK, "sales_2026-11.cvs", "The Salt Archive"),
            read(CLERK, q.NOV, "The Salt Archive", say="Extension mistyped; again."),
            *hand(
                CLERK,
                ANALYST,
                "Salt Archive's November evenings are the nine 19:30 rows of sales_2026-11.csv. Paid less refunded, please.",
            ),
            cell("Nine 19:30 rows.", q.eve(), "3008"),
            *hand(ANALYST, AUDITOR, "3,008 net of refunds."),
            *hand(AUDITOR, WRITER, "Approved: 3,008.", say="Agreed."),
            final("The Salt Archive sold 3,008 evening tickets in November 2026, net of refunds."),
        ],
        answer=EVE_RIGHT,
        expect=EVE_RIGHT,
    ),
    Run(
        "ok_eve_03_auditor_reruns",
        HEALTHY,
        q.EVE,
        [
            *hand(
                LEAD,
                ANALYST,
                "Salt Archive, November 19:30 performances: tickets sold net of refunds, from sales_2026-11.csv.",
                say="One count.",
            ),
            cell("19:30 rows, paid less refunded.", q.eve(), "3008"),
            *hand(ANALYST, AUDITOR, "3,008 over nine evening performances."),
            cell("Rerunning before I sign.", q.eve(), "3008", agent=AUDITOR),
            *hand(
                AUDITOR,
                WRITER,
                "Approved on rerun: 3,008 evening tickets net of refunds.",
            ),
            final(
                "3,008 tickets, net of refunds, were sold for evening performances of The Salt Archive in November 2026."
            ),
        ],
        answer=EVE_RIGHT,
        expect=EVE_RIGHT,
    ),
]
