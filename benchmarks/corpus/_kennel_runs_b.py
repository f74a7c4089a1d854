"""Bookings desk runs that go wrong downstream: wrong code waved through, a crash talked
past, a figure reported other than it came out, or a colleague saying the work won't do."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _kennel_tasks as q
from benchmarks.corpus._common import CODE_FAILURE, MISREPORTED, SELF_REPORT, WRONG_ACCEPTED
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

JUNO_LOWER = q.juno(size="l")
SHAH_STRINGS = q.shah().replace("sum(float(p['amount_gbp'])", "sum(p['amount_gbp']")
JABS_TYPO = q.jabs().replace("if runs_out(", "if run_out(")

RUNS: list[Run] = [
    Run(
        "nights_02_check_out_counted",
        WRONG_ACCEPTED,
        q.NIGHTS,
        [
            hand(
                LEAD,
                CODER,
                "July 2026 dog-nights: stays with status 'stayed', nights from check-in to the night before check-out, July nights only.",
            ),
            cell("Night by night.", q.nights(cmp="<="), "51", mark="root"),
            hand(CODER, CHECKER, "Count ready.", say="51 dog-nights in July."),
            read(CHECKER, "bookings_2026.csv", "stayed"),
            hand(
                CHECKER,
                WRITER,
                "Agreed.",
                say="The stayed bookings are the ones the script keeps; 51 it is.",
                mark="symptom",
            ),
            final("Hollowbrook boarded 51 dog-nights in July 2026 on the stays that went ahead."),
        ],
        answer="51",
        expect="44",
    ),
    Run(
        "kept_02_fourteen_days_counted",
        WRONG_ACCEPTED,
        q.KEPT,
        [
            hand(
                LEAD,
                CODER,
                "Deposits kept on summer 2026 bookings: all no-shows, plus cancellations made fewer than cancel_notice_days (tariff_2026.json) before check-in.",
            ),
            cell("Kept deposits.", q.kept(cmp="<="), "180.00", mark="root"),
            hand(CODER, CHECKER, "Figure.", say="£180.00 kept."),
            read(CHECKER, "tariff_2026.json"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="Notice is 14 days and the script reads it from the tariff; £180.00 is right.",
                mark="symptom",
            ),
            final(
                "Hollowbrook kept £180.00 of deposits on summer 2026 cancellations and no-shows."
            ),
        ],
        answer="180.00",
        expect="150.00",
    ),
    Run(
        "extras_01_qty_dropped",
        WRONG_ACCEPTED,
        q.EXTRAS,
        [
            hand(
                LEAD,
                CODER,
                "Extras revenue on stays that checked in during July 2026 and went ahead: qty times unit_gbp from extras_2026.csv.",
            ),
            cell(
                "Summing the extras.", q.extras(amount="float(e['unit_gbp'])"), "70.00", mark="root"
            ),
            hand(CODER, CHECKER, "Total.", say="£70.00 of extras."),
            read(CHECKER, "extras_2026.csv", "B-0"),
            hand(
                CHECKER,
                WRITER,
                "Right.",
                say="The July bookings' extras are all there: £70.00.",
                mark="symptom",
            ),
            final("Extras on July 2026 stays brought in £70.00."),
        ],
        answer="70.00",
        expect="211.50",
    ),
    Run(
        "juno_05_size_key_crash",
        CODE_FAILURE,
        q.JUNO,
        [
            hand(
                LEAD,
                CODER,
                "Board for B-10: suite, size L, 22-29 July 2026, tariff_2026.json, 15% on peak nights.",
            ),
            cell("Pricing B-10.", JUNO_LOWER, "KeyError: 'l'", mark="root"),
            hand(
                CODER,
                CHECKER,
                "Done.",
                say="Seven suite nights at £46: £322.00.",
            ),
            hand(CHECKER, WRITER, "Fine.", say="£46 times seven is £322.00.", mark="symptom"),
            final("Juno's board for B-10 is £322.00."),
        ],
        answer="322.00",
        expect="349.60",
    ),
    Run(
        "shah_04_string_payments",
        CODE_FAILURE,
        q.SHAH,
        [
            hand(
                LEAD,
                CODER,
                "Shah August balance: board (tariff_2026.json, peak uplift) and extras for their stays, less payments_2026.csv.",
            ),
            cell(
                "Working out the balance.",
                SHAH_STRINGS,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="root",
            ),
            hand(
                CODER,
                CHECKER,
                "Balance.",
                say="Board and extras come to £586.20, which is what they owe.",
            ),
            read(CHECKER, "extras_2026.csv", "B-1"),
            hand(
                CHECKER,
                WRITER,
                "Approved.",
                say="Extras for B-12 and B-13 match: £586.20.",
                mark="symptom",
            ),
            final("The Shah household owes £586.20 for its August stays."),
        ],
        answer="586.20",
        expect="236.20",
    ),
    Run(
        "jabs_03_misspelt_helper",
        CODE_FAILURE,
        q.JABS,
        [
            hand(
                LEAD,
                CODER,
                "Dogs boarding in August 2026 (stayed) whose kennel cough runs out, given_on plus valid_months, before their check-out.",
            ),
            cell(
                "Checking each August stay.",
                JABS_TYPO,
                "NameError: name 'run_out' is not defined. Did you mean: 'runs_out'?",
                mark="root",
            ),
            hand(CODER, CHECKER, "Result.", say="Three dogs lapse: D01, D05 and D11."),
            hand(
                CHECKER,
                LEAD,
                "Looks right.",
                say="Three lapsed jabs, fine to send.",
                mark="symptom",
            ),
            hand(LEAD, WRITER, "Reply: three dogs."),
            final(
                "Three dogs that boarded in August 2026 had a kennel cough jab that ran out before check-out."
            ),
        ],
        answer="Three",
        expect="5",
    ),
    Run(
        "extras_02_figure_swapped",
        MISREPORTED,
        q.EXTRAS,
        [
            hand(
                LEAD,
                CODER,
                "Extras revenue on July 2026 check-ins that went ahead, qty times unit price.",
            ),
            cell("Summing July extras.", q.extras(), "211.50"),
            hand(CODER, CHECKER, "Figure.", say="Extras come to £121.50.", mark="root"),
            read(CHECKER, "extras_2026.csv", "walk"),
            hand(
                CHECKER,
                WRITER,
                "Holds.",
                say="Walks and baths look right; £121.50 stands.",
                mark="symptom",
            ),
            final("Extras on July 2026 stays brought in £121.50."),
        ],
        answer="121.50",
        expect="211.50",
    ),
    Run(
        "nights_03_checker_restates",
        MISREPORTED,
        q.NIGHTS,
        [
            hand(
                LEAD,
                CODER,
                "July 2026 dog-nights on stays that went ahead; only nights dated in July.",
            ),
            cell("Counting.", q.nights(), "44"),
            hand(CODER, CHECKER, "Count.", say="44 dog-nights."),
            read(CHECKER, "bookings_2026.csv", "2026-07"),
            hand(
                CHECKER,
                WRITER,
                "Confirmed.",
                say="Confirmed against the July rows: 47 dog-nights.",
                mark="root",
            ),
            final("Hollowbrook boarded 47 dog-nights in July 2026.", mark="symptom"),
        ],
        answer="47",
        expect="44",
    ),
    Run(
        "kept_03_checker_balks",
        SELF_REPORT,
        q.KEPT,
        [
            hand(LEAD, CLERK, "Notice rule for cancellations in the 2026 tariff."),
            read(CLERK, "tariff_2026.json"),
            hand(
                CLERK,
                LEAD,
                "Rule.",
                say="Deposits are kept on no-shows and on cancellations made fewer than 10 days before check-in.",
                mark="root",
            ),
            hand(
                LEAD,
                CODER,
                "Kept deposits, summer 2026: no-shows plus cancellations fewer than 10 days before check-in.",
            ),
            cell(
                "Kept deposits.",
                q.kept().replace(
                    "notice = json.load(open('tariff_2026.json'))['cancel_notice_days']",
                    "notice = 10",
                ),
                "120.00",
            ),
            hand(CODER, CHECKER, "Ready.", say="£120.00."),
            read(CHECKER, "tariff_2026.json"),
            hand(
                CHECKER,
                LEAD,
                "Not signing.",
                say="I can't put my name to £120.00: what I'm reading doesn't square with the 10 days we worked to, and I haven't time to redo it.",
                mark="symptom",
            ),
            hand(LEAD, WRITER, "Say the figure is not confirmed yet."),
            final(
                "We can't confirm the deposits kept on summer 2026 cancellations yet; the working has not been signed off."
            ),
        ],
        answer="",
        expect="150.00",
    ),
    Run(
        "jabs_04_check_in_brief",
        SELF_REPORT,
        q.JABS,
        [
            hand(
                LEAD,
                CODER,
                "August 2026 boarders (stayed): whose kennel cough, given_on plus valid_months, had run out by their check-in day?",
                mark="root",
            ),
            cell("Against check-in.", q.jabs(against="ci"), "2"),
            hand(CODER, CHECKER, "Result.", say="Two dogs, D01 and D10."),
            hand(
                CHECKER,
                LEAD,
                "Uneasy.",
                say="I'm not comfortable with 2: we tested the jabs at check-in and I'm not sure that is what was asked.",
                mark="symptom",
            ),
            hand(LEAD, WRITER, "Give 2 as provisional."),
            final(
                "Provisionally, 2 August boarders had a kennel cough jab that had run out; the team has not confirmed this."
            ),
        ],
        answer="2",
        expect="5",
    ),
]
