"""Bookings desk runs where figures come from nowhere, a failed look-up is read as an
answer, a brief drops a condition, an owner's reply is misworded, or a cell is rerun as
it was."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _kennel_tasks as q
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    REPETITION,
    TOOL_FAILURE,
    WRONG_INPUT,
)
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

JUNO_48 = q.juno().replace(
    "rate = t['nightly_gbp']['suite']['L']", "rate = 48.0  # the clerk's rate"
)
SHAH_PAID_400 = q.shah().replace(
    "owed -= sum(float(p['amount_gbp']) for p in csv.DictReader(open('payments_2026.csv')) if p['booking_id'] in ids)",
    "owed -= 400.00  # paid, per the clerk",
)
JABS_TEXT_MONTHS = q.jabs(months="v['valid_months']")

RUNS: list[Run] = [
    Run(
        "juno_06_rate_from_memory",
        MADE_UP,
        q.JUNO,
        [
            hand(LEAD, CLERK, "Suite nightly rate for a large dog in 2026."),
            hand(
                CLERK,
                LEAD,
                "Rate.",
                say="Large dogs in a suite are £48 a night this year, with 15% on peak nights from 25 July.",
                mark="root",
            ),
            hand(LEAD, CODER, "B-10: 22-29 July, £48 a night, 15% on nights from 25 July."),
            cell("Pricing at £48.", JUNO_48, "364.80"),
            hand(CODER, CHECKER, "Price.", say="£364.80."),
            hand(
                CHECKER,
                WRITER,
                "OK.",
                say="£48 a night with the peak uplift: £364.80.",
                mark="symptom",
            ),
            final("Juno's July stay (B-10) comes to £364.80 in board."),
        ],
        answer="364.80",
        expect="349.60",
    ),
    Run(
        "shah_05_paid_in_full_guess",
        MADE_UP,
        q.SHAH,
        [
            hand(LEAD, CLERK, "How much have the Shahs paid towards August?"),
            hand(
                CLERK,
                LEAD,
                "Paid.",
                say="The Shahs settled £400 at pick-up on 10 August, deposits included.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Shah August balance: board with peak uplift and extras, less the £400 paid.",
            ),
            cell("Balance less £400.", SHAH_PAID_400, "186.20"),
            hand(CODER, CHECKER, "Balance.", say="£186.20."),
            hand(CHECKER, WRITER, "Agreed.", say="£586.20 less £400: £186.20.", mark="symptom"),
            hand(
                WRITER,
                CHECKER,
                "Draft.",
                say="Draft: the Shah household has £186.20 left to pay for August.",
            ),
            hand(CHECKER, WRITER, "Send it.", say="Draft reads well."),
            final("The Shah household has £186.20 left to pay for its August stays."),
        ],
        answer="186.20",
        expect="236.20",
    ),
    Run(
        "extras_03_missing_file",
        TOOL_FAILURE,
        q.EXTRAS,
        [
            hand(LEAD, CLERK, "List the extras charged on July 2026 stays."),
            read(CLERK, "extras_july_2026.csv", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Nothing listed.",
                say="No extras were charged on July stays, so £0.00.",
            ),
            hand(LEAD, CHECKER, "The clerk found no July extras; confirm £0.00."),
            hand(CHECKER, WRITER, "Confirmed.", say="Nothing billed: £0.00.", mark="symptom"),
            final("No extras were billed on July 2026 stays: £0.00."),
        ],
        answer="0.00",
        expect="211.50",
    ),
    Run(
        "nights_04_no_shows_kept",
        LOST_CONSTRAINT,
        q.NIGHTS,
        [
            hand(LEAD, CLERK, "Which July bookings did not go ahead?"),
            read(CLERK, "bookings_2026.csv", "2026-07"),
            hand(
                CLERK,
                LEAD,
                "Listed.",
                say="B-04 and B-08 were cancelled; B-06 was a no-show, so it did not go ahead either.",
            ),
            hand(
                LEAD,
                CODER,
                "July 2026 dog-nights: skip cancelled bookings, count nights from check-in to the night before check-out, July nights only.",
                mark="root",
            ),
            cell("Counting July nights.", q.nights(skip="== 'cancelled'"), "47"),
            hand(CODER, CHECKER, "Count.", say="47 dog-nights."),
            hand(
                CHECKER,
                WRITER,
                "Good.",
                say="Cancellations are out and the June and August ends trimmed: 47.",
                mark="symptom",
            ),
            final("Hollowbrook boarded 47 dog-nights in July 2026."),
        ],
        answer="47",
        expect="44",
    ),
    Run(
        "kept_04_no_shows_dropped",
        LOST_CONSTRAINT,
        q.KEPT,
        [
            hand(LEAD, CLERK, "When is a deposit kept under the 2026 tariff?"),
            read(CLERK, "tariff_2026.json"),
            hand(
                CLERK,
                LEAD,
                "Rule.",
                say="Kept on a cancellation fewer than 14 days before check-in, and on a no-show.",
            ),
            hand(
                LEAD,
                CODER,
                "Deposits kept, summer 2026: cancellations made fewer than cancel_notice_days before check-in. Nothing else.",
                mark="root",
            ),
            cell("Late cancellations.", q.kept(no_show="0"), "90.00"),
            hand(CODER, CHECKER, "Total.", say="£90.00."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="B-04, B-14 and B-17 at £30 each: £90.00.",
                mark="symptom",
            ),
            final("Hollowbrook kept £90.00 of deposits on summer 2026 bookings."),
        ],
        answer="90.00",
        expect="150.00",
    ),
    Run(
        "jabs_05_month_bug_rerun",
        REPETITION,
        q.JABS,
        [
            hand(
                LEAD,
                CODER,
                "August 2026 boarders (stayed) whose kennel cough, given_on plus valid_months, runs out before check-out.",
            ),
            cell(
                "Lapse dates.",
                JABS_TEXT_MONTHS,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="root",
            ),
            cell(
                "Again.",
                JABS_TEXT_MONTHS,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            cell(
                "One more try.",
                JABS_TEXT_MONTHS,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="symptom",
            ),
            hand(CODER, LEAD, "Stuck.", say="The lapse dates won't work out; I have no count."),
            hand(LEAD, WRITER, "Say we have no count yet."),
            final("We don't have the count of lapsed kennel cough jabs for August boarders yet."),
        ],
        answer="",
        expect="5",
    ),
    Run(
        "shah_06_draft_figure_swapped",
        WRONG_INPUT,
        q.SHAH,
        [
            hand(
                LEAD,
                CODER,
                "Shah August balance: board with peak uplift and extras for B-12 and B-13, less payments_2026.csv.",
            ),
            cell("Balance.", q.shah(), "236.20"),
            hand(CODER, CHECKER, "Balance.", say="£236.20 owed."),
            hand(CHECKER, WRITER, "Right.", say="£586.20 less £350 paid: £236.20."),
            hand(
                WRITER,
                CHECKER,
                "Draft.",
                say="Draft: the Shah household still owes £263.20 for August.",
                mark="root",
            ),
            read(CHECKER, "payments_2026.csv", "B-13"),
            hand(CHECKER, WRITER, "Send.", say="Payments agree; the draft can go.", mark="symptom"),
            final("The Shah household still owes £263.20 for Pepper and Bramble's August stays."),
        ],
        answer="263.20",
        expect="236.20",
    ),
]
