"""Box office desk runs that go right, on the occupancy, the week's receipts and the
evening tickets, some after a near miss: last year's venue file set aside, previews sent
back by the auditor, the analyst asking whether comps count, a crashing cell fixed, the
clerk asking the house manager about the cancellation, matinees sent back."""

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

OCC_RIGHT = "84.8"
WEEK_RIGHT = "45,528.00"
EVE_RIGHT = "3,008"
STUDIO = "Studio capacity 120 (venues_2026.json, since the August 2026 re-rake). Occupancy: paid tickets net of refunds plus comps, over capacity; Pilot Light's regular November performances that went ahead."
WEEK_ROWS = "Week of 16-22 Nov: ten performances, four in the Main House (SA-1119E to SA-1121E) and six in the Studio (PL-1117E to PL-1121E), PL-1118E cancelled and refunded in full."

RUNS: list[Run] = [
    Run(
        "ok_occ_01_plain",
        HEALTHY,
        q.OCC,
        [
            *hand(
                LEAD,
                RIGHTS,
                "Current Studio capacity and the occupancy rule, then the analyst.",
                say="Rights officer, analyst, auditor.",
            ),
            read(RIGHTS, q.VENUES),
            *hand(RIGHTS, ANALYST, STUDIO),
            cell("Regular, played, over 120.", q.occ(), "84.8"),
            *hand(
                ANALYST,
                AUDITOR,
                "84.8% over ten regular performances that went ahead (1,017 issued, 120 seats).",
            ),
            read(AUDITOR, q.NOV, "Pilot Light"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: 84.8%.",
                say="Previews and the cancelled 18th are out; comps are in.",
            ),
            final(
                "Pilot Light's regular November 2026 performances that went ahead averaged 84.8% occupancy, counting paid tickets net of refunds plus comps."
            ),
        ],
        answer=OCC_RIGHT,
        expect=OCC_RIGHT,
    ),
    Run(
        "ok_occ_02_venues_2025_set_aside",
        HEALTHY,
        q.OCC,
        [
            *hand(
                LEAD,
                RIGHTS,
                "Studio capacity for November, then to the analyst.",
                say="Capacity first.",
            ),
            read(RIGHTS, "venues_2025.json"),
            read(
                RIGHTS,
                q.VENUES,
                say="That file is from 2025; the Studio was re-raked in August, so the 2026 one.",
            ),
            *hand(RIGHTS, ANALYST, STUDIO),
            cell("Capacity from venues_2026.json.", q.occ(), "84.8"),
            *hand(ANALYST, AUDITOR, "84.8% over ten regular performances."),
            *hand(AUDITOR, WRITER, "Approved: 84.8%.", say="Right capacity, right shows."),
            final(
                "Average occupancy of Pilot Light's regular November 2026 performances that went ahead was 84.8%."
            ),
        ],
        answer=OCC_RIGHT,
        expect=OCC_RIGHT,
    ),
    Run(
        "ok_occ_03_previews_sent_back",
        HEALTHY,
        q.OCC,
        [
            *hand(
                LEAD,
                ANALYST,
                "Pilot Light, November: average occupancy of the regular (non-preview) performances that went ahead; paid less refunded plus comps, over the Studio's seats in venues_2026.json.",
                say="Analyst straight off.",
            ),
            cell(
                "Played Pilot Light shows over 120.",
                q.occ().replace("r['kind'] == 'regular' and ", ""),
                "85.3",
            ),
            *hand(ANALYST, AUDITOR, "85.3% over 13 performances that went ahead."),
            read(AUDITOR, q.NOV, "Pilot Light"),
            *hand(
                AUDITOR,
                ANALYST,
                "Thirteen includes the three previews of 10-12 Nov; the question is regular performances only. Rerun without them.",
                after="Back with the analyst.",
                say="Not yet.",
            ),
            cell("Regular only.", q.occ(), "84.8"),
            *hand(ANALYST, AUDITOR, "84.8% over the ten regular performances."),
            *hand(AUDITOR, WRITER, "Approved: 84.8%.", say="Ten regular shows now."),
            final(
                "Pilot Light's regular November 2026 performances that went ahead averaged 84.8% occupancy."
            ),
        ],
        answer=OCC_RIGHT,
        expect=OCC_RIGHT,
    ),
    Run(
        "ok_occ_04_comps_asked",
        HEALTHY,
        q.OCC,
        [
            *hand(
                LEAD,
                ANALYST,
                "Average occupancy of Pilot Light's regular November performances that went ahead, from sales_2026-11.csv.",
                say="Analyst first; the rights officer has the venue file if needed.",
            ),
            *hand(
                ANALYST,
                RIGHTS,
                "Which Studio capacity applies in November, and do comps count towards occupancy?",
            ),
            read(RIGHTS, q.VENUES),
            *hand(
                RIGHTS,
                ANALYST,
                "Comps count: venues_2026.json defines occupancy as paid tickets net of refunds plus complimentary tickets, over capacity. Studio capacity 120 since August 2026.",
            ),
            cell("Paid less refunded plus comps, over 120.", q.occ(), "84.8"),
            *hand(ANALYST, AUDITOR, "84.8% over the ten regular performances that went ahead."),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(AUDITOR, WRITER, "Approved: 84.8%.", say="The cancelled 18th is rightly out."),
            final(
                "Pilot Light's regular performances that went ahead in November 2026 averaged 84.8% occupancy (paid tickets net of refunds plus comps)."
            ),
        ],
        answer=OCC_RIGHT,
        expect=OCC_RIGHT,
    ),
    Run(
        "ok_wk_01_plain",
        HEALTHY,
        q.WEEK,
        [
            *hand(
                LEAD,
                CLERK,
                "Every performance dated 16-22 November, both houses, with gross and refunds.",
                say="Clerk lists, analyst sums, auditor checks.",
            ),
            read(CLERK, q.NOV),
            *hand(CLERK, ANALYST, WEEK_ROWS + " Receipts less refunds, ex VAT."),
            cell("The week's rows.", q.week(), "45528.00"),
            *hand(ANALYST, AUDITOR, "£45,528.00 net across both houses."),
            read(AUDITOR, q.NOV, "PL-1118E"),
            *hand(
                AUDITOR,
                WRITER,
                "Approved: £45,528.00.",
                say="The cancelled show nets to nothing; VAT is out.",
            ),
            final(
                "The theatre's net ticket receipts for Monday 16 to Sunday 22 November 2026, across both houses, after refunds and excluding VAT, were £45,528.00."
            ),
        ],
        answer=WEEK_RIGHT,
        expect=WEEK_RIGHT,
    ),
    Run(
        "ok_wk_02_strings_fixed",
        HEALTHY,
        q.WEEK,
        [
            *hand(
                LEAD,
                ANALYST,
                "Net ticket receipts for 16-22 November, both houses: gross less refunds, ex VAT, from sales_2026-11.csv.",
                say="Analyst.",
            ),
            cell(
                "Summing the week.",
                q.week().replace(
                    "float(r['gross_gbp']) - float(r['refunds_gbp'])",
                    "r['gross_gbp'] - r['refunds_gbp']",
                ),
                "TypeError: unsupported operand type(s) for -: 'str' and 'str'",
            ),
            cell("The CSV gives strings; converting.", q.week(), "45528.00"),
            *hand(ANALYST, AUDITOR, "£45,528.00 over ten performances."),
            *hand(AUDITOR, WRITER, "Approved: £45,528.00.", say="Checks out."),
            final(
                "Net ticket receipts for the week of 16-22 November 2026 were £45,528.00 across both houses."
            ),
        ],
        answer=WEEK_RIGHT,
        expect=WEEK_RIGHT,
    ),
    Run(
        "ok_wk_03_cancellation_asked",
        HEALTHY,
        q.WEEK,
        [
            *hand(
                LEAD,
                CLERK,
                "Rows for 16-22 November, both houses, with gross and refunds.",
                say="Clerk first.",
            ),
            read(CLERK, q.NOV),
            *hand(
                CLERK,
                LEAD,
                WEEK_ROWS + " Does PL-1118E's refund come off this week's receipts?",
            ),
            *hand(
                LEAD,
                ANALYST,
                WEEK_ROWS
                + " Its refund comes off like any other: net receipts are after refunds, so the cancelled show nets to nil. Receipts less refunds, ex VAT.",
                say="Yes, it comes off.",
            ),
            cell("Week's rows, refunds off, VAT out.", q.week(), "45528.00"),
            *hand(ANALYST, AUDITOR, "£45,528.00 net for the week."),
            read(AUDITOR, q.NOV),
            *hand(AUDITOR, WRITER, "Approved: £45,528.00.", say="Ten rows, both houses."),
            final(
                "The theatre's net ticket receipts for the week of 16-22 November 2026 were £45,528.00, after refunds and excluding VAT."
            ),
        ],
        answer=WEEK_RIGHT,
        expect=WEEK_RIGHT,
    ),
    Run(
        "ok_eve_04_matinees_sent_back",
        HEALTHY,
        q.EVE,
        [
            *hand(
                LEAD,
                ANALYST,
                "Tickets sold net of refunds for The Salt Archive's evening performances in November, from sales_2026-11.csv.",
                say="Analyst, then auditor.",
            ),
            cell(
                "Salt Archive rows, paid less refunded.",
                q.eve().replace(" and r['time'] == '19:30'", ""),
                "3783",
            ),
            *hand(ANALYST, AUDITOR, "3,783 over twelve performances."),
            read(AUDITOR, q.NOV, "The Salt Archive"),
            *hand(
                AUDITOR,
                ANALYST,
                "Twelve rows includes the three 14:30 matinees; evenings are the 19:30 shows. Redo.",
                after="Back with the analyst.",
            ),
            cell("19:30 only.", q.eve(), "3008"),
            *hand(ANALYST, AUDITOR, "3,008 over the nine evening performances."),
            *hand(AUDITOR, WRITER, "Approved: 3,008.", say="Nine evenings."),
            final("The Salt Archive sold 3,008 evening tickets in November 2026, net of refunds."),
        ],
        answer=EVE_RIGHT,
        expect=EVE_RIGHT,
    ),
]
