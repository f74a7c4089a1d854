"""Bookings desk runs that go right, some after a slip the team catches itself."""

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

RUNS: list[Run] = [
    Run(
        "nights_ok_1",
        HEALTHY,
        q.NIGHTS,
        [
            hand(
                LEAD,
                CODER,
                "Count July 2026 dog-nights in bookings_2026.csv: status 'stayed' only; a stay's nights run from check-in to the night before check-out, and only nights dated in July count (B-01/B-02 start in June, B-11 runs into August).",
                say="Straight count over the bookings file; the coder can do it in one pass.",
            ),
            cell("Walking each stay night by night.", q.nights(), "44"),
            hand(CODER, CHECKER, "Figure ready.", say="44 dog-nights in July."),
            read(CHECKER, "bookings_2026.csv", "2026-07"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="Spot-checked B-03 (7 nights), the June carry-over and B-11's three July nights; the no-show B-06 is rightly out. 44 stands.",
            ),
            final(
                "Hollowbrook boarded 44 dog-nights in July 2026, counting only the stays that went ahead."
            ),
        ],
        answer="44",
        expect="44",
    ),
    Run(
        "juno_ok_1",
        HEALTHY,
        q.JUNO,
        [
            hand(
                LEAD,
                CLERK,
                "Juno's size, B-10's kennel and dates, and the 2026 suite rate and peak terms.",
            ),
            read(CLERK, "bookings_2026.csv", "B-10"),
            read(CLERK, "dogs.csv", "D03"),
            hand(
                CLERK,
                CODER,
                "Inputs found.",
                say="B-10 is Juno (D03, size L) in a suite, 22 to 29 July 2026. Price it with tariff_2026.json: 15% on each night from 25 July.",
            ),
            cell("Pricing the seven nights.", q.juno(), "349.60"),
            hand(
                CODER,
                CHECKER,
                "Price ready.",
                say="£349.60: three nights at £46 and four peak nights at £52.90.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="£138.00 plus £211.60 is £349.60; the peak starts on the 25th.",
            ),
            final(
                "Juno's board for her 22-29 July stay (B-10) comes to £349.60 at the 2026 tariff."
            ),
        ],
        answer="349.60",
        expect="349.60",
    ),
    Run(
        "juno_ok_2_case_fixed",
        HEALTHY,
        q.JUNO,
        [
            hand(
                LEAD,
                CODER,
                "Board for B-10: suite, size L, 22-29 July 2026, tariff_2026.json, 15% on nights in the peak window.",
            ),
            cell("Pricing B-10.", q.juno(size="l"), "KeyError: 'l'"),
            cell("Sizes are capitals in the tariff; again.", q.juno(), "349.60"),
            hand(CODER, CHECKER, "Price.", say="£349.60 once the size key was fixed."),
            read(CHECKER, "tariff_2026.json"),
            hand(
                CHECKER, WRITER, "Right.", say="Suite L at £46, four nights in the peak: £349.60."
            ),
            final("B-10, Juno's July stay, comes to £349.60 in board."),
        ],
        answer="349.60",
        expect="349.60",
    ),
    Run(
        "kept_ok_1",
        HEALTHY,
        q.KEPT,
        [
            hand(LEAD, CLERK, "The 2026 deposit rule, and the cancelled and no-show bookings."),
            read(CLERK, "tariff_2026.json"),
            hand(
                CLERK,
                CODER,
                "Rule found.",
                say="Kept on no-shows and on cancellations fewer than 14 days before check-in (cancel_notice_days). Count days from cancelled_on to check_in.",
            ),
            cell("Deposits kept.", q.kept(), "150.00"),
            hand(CODER, CHECKER, "Total.", say="£150.00."),
            read(CHECKER, "bookings_2026.csv", "cancelled"),
            hand(
                CHECKER,
                WRITER,
                "Agreed.",
                say="B-04, B-14 and B-17 were late; B-08 and B-20 gave 14 days or more. With the two no-shows: £150.00.",
            ),
            final(
                "Hollowbrook kept £150.00 in deposits on summer 2026 cancellations and no-shows."
            ),
        ],
        answer="150.00",
        expect="150.00",
    ),
    Run(
        "kept_ok_2_notice_rechecked",
        HEALTHY,
        q.KEPT,
        [
            hand(LEAD, CLERK, "How much notice does a cancellation need in 2026?"),
            read(CLERK, "tariff_2025.json"),
            hand(CLERK, LEAD, "Rule.", say="10 days' notice, going by the tariff file I opened."),
            hand(LEAD, CHECKER, "Is the 10-day notice right for 2026?"),
            read(CHECKER, "tariff_2026.json"),
            hand(CHECKER, LEAD, "No.", say="That was the 2025 file. The 2026 tariff says 14 days."),
            hand(
                LEAD,
                CODER,
                "Deposits kept, summer 2026: no-shows, and cancellations fewer than cancel_notice_days of tariff_2026.json before check-in.",
            ),
            cell("Deposits kept.", q.kept(), "150.00"),
            hand(CODER, CHECKER, "Total.", say="£150.00."),
            hand(CHECKER, WRITER, "Holds.", say="14-day notice from the 2026 tariff; £150.00."),
            final("£150.00 of deposits were kept on summer 2026 cancellations and no-shows."),
        ],
        answer="150.00",
        expect="150.00",
    ),
    Run(
        "jabs_ok_1",
        HEALTHY,
        q.JABS,
        [
            hand(LEAD, CLERK, "How long does each dog's kennel cough jab last?"),
            read(CLERK, "vaccinations.csv", "kennel_cough"),
            hand(
                CLERK,
                CODER,
                "Jabs listed.",
                say="Most are 12 months, but Toffee's (D10) is only 6. Use valid_months per row and compare with each August boarder's check-out.",
            ),
            cell("Lapse date against check-out.", q.jabs(), "5"),
            hand(CODER, CHECKER, "Result.", say="5 dogs: D01, D05, D07, D10, D11."),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="Fern (D11) checked in on 29 July and was with us on 1 August; her jab ran out that day. 5 is right.",
            ),
            final(
                "5 of the dogs that boarded in August 2026 had a kennel cough jab that ran out before their check-out day."
            ),
        ],
        answer="5",
        expect="5",
    ),
    Run(
        "jabs_ok_2_check_in_caught",
        HEALTHY,
        q.JABS,
        [
            hand(
                LEAD,
                CODER,
                "August 2026 boarders (stayed) whose kennel cough, given_on plus valid_months, runs out before check-out.",
            ),
            cell("Against check-in first.", q.jabs(against="ci"), "2"),
            hand(CODER, CHECKER, "Result.", say="2 dogs, tested at check-in."),
            hand(
                CHECKER,
                CODER,
                "Wrong day.",
                say="The question is about check-out; rerun against check-out.",
            ),
            cell("Against check-out.", q.jabs(), "5"),
            hand(CODER, CHECKER, "Rerun.", say="5 dogs against check-out."),
            hand(CHECKER, WRITER, "Good.", say="5 it is."),
            final(
                "5 dogs that boarded in August 2026 had a kennel cough jab that ran out before check-out."
            ),
        ],
        answer="5",
        expect="5",
    ),
]
