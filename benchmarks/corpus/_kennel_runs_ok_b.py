"""More bookings desk runs that go right: extras, balances and nights, with the odd slip
caught before the reply goes out."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _kennel_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._kennel_team import (
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    WRITER,
    Run,
    cell,
    final,
    hand,
    read,
)

SHAH_STRINGS = q.shah().replace("sum(float(p['amount_gbp'])", "sum(p['amount_gbp']")

RUNS: list[Run] = [
    Run(
        "extras_ok_1",
        HEALTHY,
        q.EXTRAS,
        [
            hand(
                LEAD,
                CODER,
                "Extras revenue on stays that checked in during July 2026 and went ahead: qty times unit_gbp.",
            ),
            cell("Summing July extras.", q.extras(), "211.50"),
            hand(CODER, CHECKER, "Total.", say="£211.50 across six July stays."),
            read(CHECKER, "extras_2026.csv", "B-10"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="B-10 alone is 7 walks and a bath, £67.50; the total of £211.50 stands.",
            ),
            final("Extras on the stays that checked in during July 2026 brought in £211.50."),
        ],
        answer="211.50",
        expect="211.50",
    ),
    Run(
        "extras_ok_2_qty_caught",
        HEALTHY,
        q.EXTRAS,
        [
            hand(LEAD, CODER, "Extras revenue on July 2026 check-ins that went ahead."),
            cell("Summing the extras.", q.extras(amount="float(e['unit_gbp'])"), "70.00"),
            hand(CODER, CHECKER, "Total.", say="£70.00."),
            read(CHECKER, "extras_2026.csv", "walk"),
            hand(
                CHECKER,
                CODER,
                "Quantities.",
                say="Walks come in sevens and fives; multiply by qty.",
            ),
            cell("With quantities.", q.extras(), "211.50"),
            hand(CODER, CHECKER, "Rerun.", say="£211.50 with quantities."),
            hand(CHECKER, WRITER, "Good.", say="£211.50."),
            final("July 2026 stays brought in £211.50 in extras."),
        ],
        answer="211.50",
        expect="211.50",
    ),
    Run(
        "extras_ok_3_file_name_retried",
        HEALTHY,
        q.EXTRAS,
        [
            hand(LEAD, CLERK, "Which extras were charged on July 2026 stays?"),
            read(CLERK, "extras.csv"),
            read(CLERK, "extras_2026.csv", "B-"),
            hand(
                CLERK,
                CODER,
                "Extras found.",
                say="extras_2026.csv has the lines; sum qty times unit_gbp for July check-ins that stayed.",
            ),
            cell("Summing.", q.extras(), "211.50"),
            hand(CODER, CHECKER, "Total.", say="£211.50."),
            hand(CHECKER, WRITER, "Fine.", say="Six July stays with extras; £211.50."),
            final("Extras on July 2026 stays came to £211.50."),
        ],
        answer="211.50",
        expect="211.50",
    ),
    Run(
        "shah_ok_1",
        HEALTHY,
        q.SHAH,
        [
            hand(
                LEAD,
                CODER,
                "Shah August balance: board with peak uplift and extras for their stays, less payments_2026.csv (deposits are in it).",
            ),
            cell("Balance.", q.shah(), "236.20"),
            hand(CODER, CHECKER, "Balance.", say="£236.20 owed."),
            read(CHECKER, "payments_2026.csv", "B-1"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="£586.20 billed, £350 paid including deposits: £236.20.",
            ),
            hand(
                WRITER,
                CHECKER,
                "Draft.",
                say="Draft: the Shah household still owes £236.20 for August.",
            ),
            hand(CHECKER, WRITER, "Send.", say="Draft matches."),
            final("The Shah household still owes £236.20 for Pepper and Bramble's August stays."),
        ],
        answer="236.20",
        expect="236.20",
    ),
    Run(
        "shah_ok_2_strings_fixed",
        HEALTHY,
        q.SHAH,
        [
            hand(
                LEAD,
                CODER,
                "Shah August balance: board (tariff_2026.json, peak uplift) and extras, less payments.",
            ),
            cell(
                "Balance.",
                SHAH_STRINGS,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            cell("Payments are text in the CSV; converting.", q.shah(), "236.20"),
            hand(CODER, CHECKER, "Balance.", say="£236.20."),
            hand(CHECKER, WRITER, "Agreed.", say="£236.20."),
            final("The Shah household owes £236.20 for its August stays."),
        ],
        answer="236.20",
        expect="236.20",
    ),
    Run(
        "shah_ok_3_deposits_queried",
        HEALTHY,
        q.SHAH,
        [
            hand(LEAD, CLERK, "Are the Shahs' deposits in the payments file?"),
            read(CLERK, "payments_2026.csv", "B-1"),
            hand(
                CLERK,
                LEAD,
                "Yes.",
                say="Yes: £30 on B-12 and £50 on B-13 on 20 June, the booking date, then £120 and £150 at pick-up.",
            ),
            hand(
                LEAD,
                CODER,
                "Shah August balance: board with peak uplift plus extras, less payments_2026.csv; do not take deposits off again.",
            ),
            cell("Balance.", q.shah(), "236.20"),
            hand(CODER, CHECKER, "Balance.", say="£236.20."),
            hand(CHECKER, WRITER, "Holds.", say="£236.20."),
            final("The Shahs still owe £236.20 for August."),
        ],
        answer="236.20",
        expect="236.20",
    ),
    Run(
        "nights_ok_2",
        HEALTHY,
        q.NIGHTS,
        [
            hand(LEAD, CLERK, "Which July bookings did not go ahead?"),
            read(CLERK, "bookings_2026.csv", "2026-07"),
            hand(
                CLERK,
                CODER,
                "Listed.",
                say="B-04 and B-08 were cancelled and B-06 was a no-show; count status 'stayed' only, July nights only.",
            ),
            cell("Counting.", q.nights(), "44"),
            hand(CODER, CHECKER, "Count.", say="44."),
            hand(CHECKER, WRITER, "Good.", say="44 dog-nights."),
            final("44 dog-nights were boarded at Hollowbrook in July 2026."),
        ],
        answer="44",
        expect="44",
    ),
    Run(
        "nights_ok_3_no_shows_caught",
        HEALTHY,
        q.NIGHTS,
        [
            hand(LEAD, CODER, "July 2026 dog-nights on stays that went ahead, July nights only."),
            cell("Counting.", q.nights(skip="== 'cancelled'"), "47"),
            hand(CODER, CHECKER, "Count.", say="47."),
            read(CHECKER, "bookings_2026.csv", "no_show"),
            hand(CHECKER, CODER, "No-show.", say="B-06 never arrived; count status 'stayed' only."),
            cell("Stayed only.", q.nights(), "44"),
            hand(CODER, CHECKER, "Rerun.", say="44."),
            hand(CHECKER, WRITER, "Good.", say="44."),
            final("Hollowbrook boarded 44 dog-nights in July 2026."),
        ],
        answer="44",
        expect="44",
    ),
]
