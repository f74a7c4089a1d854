"""Bookings desk runs that go wrong upstream: a misquoted row, a wrong file or booking,
a plan that splits the question the wrong way, or an assumption nobody checked."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _kennel_tasks as q
from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
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

SHAH_PAID_250 = q.shah().replace(
    "owed -= sum(float(p['amount_gbp']) for p in csv.DictReader(open('payments_2026.csv')) if p['booking_id'] in ids)",
    "owed -= 250.00  # received, per the clerk",
)
JUNO_EARLY = q.juno().replace(
    "date(2026, 7, 22), date(2026, 7, 29)", "date(2026, 7, 3), date(2026, 7, 10)"
)
JUNO_WHOLE_STAY = q.juno().replace("if lo <= d <= hi else 1", "if end > lo else 1")
NIGHTS_BY_CHECK_IN = """import csv
from datetime import date
n = 0
for b in csv.DictReader(open('bookings_2026.csv')):
    if b['status'] == 'stayed' and b['check_in'].startswith('2026-07'):
        n += (date.fromisoformat(b['check_out']) - date.fromisoformat(b['check_in'])).days
print(n)
"""

RUNS: list[Run] = [
    Run(
        "juno_01_size_misread",
        WRONG_INPUT,
        q.JUNO,
        [
            hand(LEAD, CLERK, "What size is Juno, and is B-10 a suite?"),
            read(CLERK, "dogs.csv", "D03"),
            hand(
                CLERK,
                LEAD,
                "Found Juno.",
                say="Juno is D03, the Okafors' dog, size M. B-10 is a suite, 22 to 29 July.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Board for B-10: suite, size M, 22-29 July 2026 at tariff_2026.json, 15% on nights in the peak window.",
            ),
            cell("Pricing the seven nights.", q.juno(size="M"), "304.00"),
            hand(CODER, CHECKER, "Figure ready.", say="£304.00 for the seven nights."),
            hand(
                CHECKER,
                WRITER,
                "Agreed.",
                say="Three nights at £40 and four peak nights at £46.00: £304.00 adds up.",
                mark="symptom",
            ),
            final("Juno's board for her stay of 22-29 July (B-10) comes to £304.00."),
        ],
        answer="304.00",
        expect="349.60",
    ),
    Run(
        "shah_01_payments_misquoted",
        WRONG_INPUT,
        q.SHAH,
        [
            hand(LEAD, CLERK, "What have the Shahs paid against B-12 and B-13?"),
            read(CLERK, "payments_2026.csv", "B-1"),
            hand(
                CLERK,
                LEAD,
                "Payments listed.",
                say="B-12: £30 deposit and £120 on 10 August; B-13: £50 deposit and £50 on 10 August. £250 received in all.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Shah balance for August: board at tariff_2026.json (peak uplift) plus extras for B-12 and B-13, less the £250 received.",
            ),
            cell("Board and extras, less £250.", SHAH_PAID_250, "336.20"),
            hand(CODER, CHECKER, "Done.", say="The Shahs owe £336.20."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="Board £515.20 and extras £71.00 less £250 received: £336.20 is right.",
                mark="symptom",
            ),
            final("The Shah household owes £336.20 for Pepper and Bramble's August stays."),
        ],
        answer="336.20",
        expect="236.20",
    ),
    Run(
        "juno_02_tariff_2025",
        WRONG_SOURCE,
        q.JUNO,
        [
            hand(LEAD, CLERK, "Nightly rate and peak terms for a large dog in a suite."),
            read(CLERK, "tariff_2025.json", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Rates found.",
                say="Suite, size L: £42 a night; peak from 19 July to 31 August at 10%.",
            ),
            hand(
                LEAD,
                CODER,
                "B-10: suite, L, 22-29 July. Price it from tariff_2025.json, which the clerk used.",
            ),
            cell("Seven nights from the tariff file.", q.juno(tariff="tariff_2025.json"), "294.00"),
            hand(CODER, CHECKER, "For checking.", say="£294.00."),
            hand(
                CHECKER,
                WRITER,
                "Checked.",
                say="Seven nights at £42 with 10% on the peak nights comes to £294.00.",
                mark="symptom",
            ),
            final("Juno's July stay (B-10) comes to £294.00 in board."),
        ],
        answer="294.00",
        expect="349.60",
    ),
    Run(
        "kept_01_notice_from_2025",
        WRONG_SOURCE,
        q.KEPT,
        [
            hand(
                LEAD,
                CLERK,
                "How many days' notice must a cancellation give to get its deposit back?",
            ),
            read(CLERK, "tariff_2025.json", mark="root"),
            hand(
                CLERK,
                LEAD,
                "Rule found.",
                say="Deposits are kept when a booking is cancelled fewer than 10 days before check-in, and on no-shows.",
            ),
            hand(
                LEAD,
                CODER,
                "Deposits kept, summer 2026 bookings: every no-show, and cancellations made fewer than 10 days before check-in. Read the notice from tariff_2025.json.",
            ),
            cell("No-shows plus late cancellations.", q.kept(tariff="tariff_2025.json"), "120.00"),
            hand(CODER, CHECKER, "Ready.", say="£120.00 kept."),
            read(CHECKER, "bookings_2026.csv", "no_show"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="Both no-shows are in and the late cancellations are counted: £120.00.",
                mark="symptom",
            ),
            final(
                "Hollowbrook kept £120.00 in deposits on summer 2026 cancellations and no-shows."
            ),
        ],
        answer="120.00",
        expect="150.00",
    ),
    Run(
        "juno_03_earlier_booking",
        WRONG_SOURCE,
        q.JUNO,
        [
            hand(LEAD, CLERK, "Find Juno's July booking and its dates."),
            read(CLERK, "bookings_2026.csv", "D03"),
            hand(
                CLERK,
                LEAD,
                "Booking found.",
                say="Juno's July stay is the suite booking from 3 to 10 July.",
                mark="root",
            ),
            hand(
                LEAD, CODER, "Suite, size L, 3-10 July 2026, tariff_2026.json with the peak uplift."
            ),
            cell("Pricing 3-10 July.", JUNO_EARLY, "322.00"),
            hand(CODER, CHECKER, "Please look.", say="£322.00, no peak nights."),
            hand(
                CHECKER,
                WRITER,
                "Correct.",
                say="Seven off-peak nights at £46: £322.00.",
                mark="symptom",
            ),
            final("Juno's July stay comes to £322.00 in board at the 2026 tariff."),
        ],
        answer="322.00",
        expect="349.60",
    ),
    Run(
        "nights_01_whole_stays",
        BAD_SPLIT,
        q.NIGHTS,
        [
            hand(
                LEAD,
                CODER,
                "July dog-nights: take the stays that went ahead and checked in during July, and add up each one's nights.",
                say="Simplest split: July check-ins, whole stays.",
                mark="root",
            ),
            cell("Nights of July check-ins.", NIGHTS_BY_CHECK_IN, "39"),
            hand(CODER, CHECKER, "Count ready.", say="39 dog-nights."),
            read(CHECKER, "bookings_2026.csv", "stayed"),
            hand(
                CHECKER,
                WRITER,
                "Good.",
                say="Six July check-ins, 39 nights between them.",
                mark="symptom",
            ),
            final("Hollowbrook boarded 39 dog-nights in July 2026."),
        ],
        answer="39",
        expect="44",
    ),
    Run(
        "shah_02_board_only",
        BAD_SPLIT,
        q.SHAH,
        [
            hand(
                LEAD,
                CODER,
                "Shah balance: board for their August stays at tariff_2026.json with peak uplift, less payments. Extras are billed separately, leave them out.",
                mark="root",
            ),
            cell("Board less payments.", q.shah(extras="0"), "165.20"),
            hand(CODER, CHECKER, "Balance.", say="£165.20 owed."),
            read(CHECKER, "payments_2026.csv", "B-1"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Payments of £350 tally; £165.20 stands.",
                mark="symptom",
            ),
            final("The Shah household owes £165.20 for its August stays."),
        ],
        answer="165.20",
        expect="236.20",
    ),
    Run(
        "jabs_01_august_check_ins",
        BAD_SPLIT,
        q.JABS,
        [
            hand(
                LEAD,
                CODER,
                "Dogs that checked in during August 2026 and stayed: whose kennel cough runs out (given_on plus valid_months) before check-out?",
                say="August check-ins, then the jab dates.",
                mark="root",
            ),
            cell("Lapsed jabs for August check-ins.", q.jabs(august="ci.month == 8"), "4"),
            hand(CODER, CHECKER, "Result.", say="Four dogs: D01, D05, D07, D10."),
            read(CHECKER, "vaccinations.csv", "kennel_cough"),
            hand(
                CHECKER,
                WRITER,
                "Checks out.",
                say="All four run out before check-out.",
                mark="symptom",
            ),
            final(
                "Four of the dogs that boarded in August 2026 had a kennel cough jab that ran out before check-out."
            ),
        ],
        answer="Four",
        expect="5",
    ),
    Run(
        "jabs_02_yearly_jab",
        BAD_ASSUMPTION,
        q.JABS,
        [
            hand(LEAD, CLERK, "How long is a kennel cough vaccination good for?"),
            hand(
                CLERK,
                LEAD,
                "Answered.",
                say="Kennel cough is a yearly jab: good for 12 months from the date given.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Dogs boarding in August 2026 (stayed) whose kennel cough, given_on plus 12 months, runs out before check-out.",
            ),
            cell("Twelve months from each jab.", q.jabs(months="12"), "4"),
            hand(CODER, CHECKER, "Result.", say="Four dogs."),
            hand(
                CHECKER,
                WRITER,
                "Fine.",
                say="D01, D05, D07 and D11 lapse before check-out: 4.",
                mark="symptom",
            ),
            final(
                "Four dogs that boarded in August 2026 had a kennel cough jab that lapsed before check-out."
            ),
        ],
        answer="Four",
        expect="5",
    ),
    Run(
        "juno_04_peak_whole_stay",
        BAD_ASSUMPTION,
        q.JUNO,
        [
            hand(LEAD, CLERK, "Suite rate for a large dog and how the peak surcharge is applied."),
            read(CLERK, "tariff_2026.json"),
            hand(
                CLERK,
                LEAD,
                "Terms found.",
                say="Suite L is £46 a night. B-10 runs into the peak from 25 July, so the whole stay is charged at peak, 15% on every night.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "B-10: suite L, 22-29 July, 15% on every night since the stay reaches the peak.",
            ),
            cell("Whole stay at peak.", JUNO_WHOLE_STAY, "370.30"),
            hand(CODER, CHECKER, "Please check.", say="£370.30."),
            hand(
                CHECKER,
                WRITER,
                "Agreed.",
                say="£46 plus 15% for seven nights: £370.30.",
                mark="symptom",
            ),
            final("Juno's July stay (B-10) comes to £370.30 in board."),
        ],
        answer="370.30",
        expect="349.60",
    ),
    Run(
        "shah_03_deposits_twice",
        BAD_ASSUMPTION,
        q.SHAH,
        [
            hand(LEAD, CLERK, "What has the Shah household paid for August?"),
            read(CLERK, "payments_2026.csv", "B-1"),
            hand(
                CLERK,
                LEAD,
                "Payments.",
                say="The payments file has £150 on B-12 and £200 on B-13. The £30 and £50 deposits are held apart from payments, so they come off the bill as well.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Shah August balance: board and extras, less payments_2026.csv, less the £80 of deposits too.",
            ),
            cell("Balance, deposits credited.", q.shah(less=" + 80"), "156.20"),
            hand(CODER, CHECKER, "Ready.", say="£156.20 still owed."),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="£586.20 billed, £430 credited: £156.20.",
                mark="symptom",
            ),
            final("The Shah household owes £156.20 for its August stays."),
        ],
        answer="156.20",
        expect="236.20",
    ),
]
