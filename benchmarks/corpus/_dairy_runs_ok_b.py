"""More collections desk runs that go right: a mistyped file name retried, a checker who
has a charge added, a crash fixed in the next script, a question put to the clerk."""

# the code is the agents' code as written, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _dairy_cells as c
from benchmarks.corpus import _dairy_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._dairy_team import (
    CHECKER,
    CLERK,
    CODER,
    OFFICER,
    WRITER,
    Run,
    code,
    dispatch,
    final,
    read,
    say,
)

ALL_LOADS = "len(rows)"
ACCEPTED_LOADS = "sum(1 for r in rows if r['status'] == 'accepted')"

RUNS: list[Run] = [
    Run(
        "reject_ok_file_name_retried",
        HEALTHY,
        q.REJECTED,
        [
            dispatch(
                CLERK,
                "March 2026: litres collected and litres rejected.",
                say="Totals from the clerk, then the share.",
            ),
            read(CLERK, "collections_march_2026.csv"),
            read(
                CLERK,
                "collections_2026_03.csv",
                say="No file by that name; the March log is collections_2026_03.csv.",
            ),
            say(
                CLERK,
                "March: 25 collections, 266,030 litres; rejected M009 6,400 l and M021 13,840 l, 20,240 litres.",
            ),
            dispatch(CODER, "20,240 of 266,030 litres as a percentage, one decimal."),
            code("print(f'{20240 / 266030 * 100:.1f}')", "7.6"),
            say(CODER, "7.6%."),
            dispatch(CHECKER, "Check 7.6% rejected in March."),
            say(
                CHECKER,
                "20,240 / 266,030 is 7.6%, and the two rejected loads are the log's. Approved.",
            ),
            dispatch(WRITER, "March 2026: 7.6% of litres rejected."),
            final(
                "7.6% of the litres collected in March 2026 was rejected: two loads, 20,240 of 266,030 litres."
            ),
        ],
        answer="7.6%",
        expect="7.6%",
    ),
    Run(
        "haul_ok_checker_adds_rejected_charge",
        HEALTHY,
        q.HAULAGE_F07,
        [
            dispatch(
                OFFICER,
                "Zone C haulage terms; Hollins (F07) is zone C.",
                say="Rates, then the coder works from the April log.",
            ),
            read(OFFICER, "haulage_rates.csv"),
            say(OFFICER, "Zone C: 1.45 ppl and £27.00 per collection."),
            dispatch(
                CODER,
                "Hollins' (F07) April 2026 haulage at zone C rates, from collections_2026_04.csv.",
            ),
            code(c.HAULAGE.format(loads=ACCEPTED_LOADS, ppl="1.45", fixed="27.00"), "238.73"),
            say(CODER, "£238.73 on two accepted collections, 12,740 litres."),
            dispatch(CHECKER, "Check Hollins' £238.73."),
            read(CHECKER, "milk_price_2026.json"),
            say(
                CHECKER,
                "The schedule says rejected collections still carry the per-collection charge, and A025 was collected and rejected. Three charges, not two.",
            ),
            dispatch(CODER, "Charge all three April collections, rejected one included."),
            code(c.HAULAGE.format(loads=ALL_LOADS, ppl="1.45", fixed="27.00"), "265.73"),
            say(CODER, "£265.73."),
            dispatch(WRITER, "Hollins, April 2026 haulage: £265.73."),
            final(
                "Hollins (F07) will be charged £265.73 haulage for April 2026: 1.45p a litre on 12,740 accepted litres and £27.00 for each of its three collections, the rejected one included."
            ),
        ],
        answer="£265.73",
        expect="£265.73",
    ),
    Run(
        "haul_ok_plain",
        HEALTHY,
        q.HAULAGE_F07,
        [
            dispatch(
                CLERK,
                "Hollins (F07): April 2026 collections with status.",
                say="Loads, terms, charge.",
            ),
            read(CLERK, "collections_2026_04.csv", "F07"),
            say(
                CLERK,
                "F07 (zone C): A019 6,480 l and A020 6,260 l accepted; A025 6,300 l rejected, loaded above 6C.",
            ),
            dispatch(
                OFFICER, "Zone C haulage terms, and whether rejected collections are charged."
            ),
            read(OFFICER, "haulage_rates.csv"),
            say(
                OFFICER,
                "Zone C: 1.45 ppl on accepted litres and £27.00 per collection; the price schedule charges rejected collections the per-collection fee as well.",
            ),
            dispatch(
                CODER,
                "Hollins' April haulage: accepted litres at 1.45 ppl plus £27.00 for every collection.",
            ),
            code(c.HAULAGE.format(loads=ALL_LOADS, ppl="1.45", fixed="27.00"), "265.73"),
            say(CODER, "12,740 litres and three collections: £265.73."),
            dispatch(CHECKER, "Check £265.73."),
            say(
                CHECKER,
                "£184.73 on the litres plus £81.00 for three collections is £265.73. Approved.",
            ),
            dispatch(WRITER, "Hollins, April 2026 haulage: £265.73."),
            final("Hollins (F07) will be charged £265.73 haulage for April 2026."),
        ],
        answer="£265.73",
        expect="£265.73",
    ),
    Run(
        "change_ok_plain",
        HEALTHY,
        q.CHANGE,
        [
            dispatch(
                CODER,
                "Accepted litres in March and April 2026 from the two logs; change from March to April, percent, one decimal with sign.",
                say="One script over both logs.",
            ),
            code(c.CHANGE.format(where=c.ACCEPTED_ONLY, change="(april - march) / march"), "+3.8"),
            say(CODER, "245,790 to 255,060 accepted litres: +3.8%."),
            dispatch(CHECKER, "Check +3.8%."),
            read(CHECKER, "collections_2026_04.csv", "rejected"),
            say(
                CHECKER,
                "April's rejected A025 and A026 are out, as are March's two. +3.8% approved.",
            ),
            dispatch(WRITER, "Accepted litres, March to April 2026: +3.8%."),
            final(
                "Fenmoor's accepted litres rose by +3.8% from March to April 2026, from 245,790 to 255,060 litres."
            ),
        ],
        answer="+3.8%",
        expect="+3.8%",
    ),
    Run(
        "change_ok_keyerror_fixed",
        HEALTHY,
        q.CHANGE,
        [
            dispatch(
                CODER,
                "Percentage change in accepted litres from March to April 2026, one decimal with sign.",
                say="The coder takes both logs.",
            ),
            code(
                c.CHANGE.format(
                    where=" if r['state'] == 'accepted'", change="(april - march) / march"
                ),
                "KeyError: 'state'",
            ),
            code(
                c.CHANGE.format(where=c.ACCEPTED_ONLY, change="(april - march) / march"),
                "+3.8",
                say="The column is status.",
            ),
            say(CODER, "+3.8% (245,790 to 255,060 litres)."),
            dispatch(CHECKER, "Check +3.8%."),
            code(
                c.CHANGE.format(where=c.ACCEPTED_ONLY, change="(april - march) / march"),
                "+3.8",
                agent=CHECKER,
            ),
            say(CHECKER, "Rerun gives the same totals and +3.8%. Approved."),
            dispatch(WRITER, "March to April 2026, accepted litres: +3.8%."),
            final("Fenmoor's accepted litres changed by +3.8% from March to April 2026."),
        ],
        answer="+3.8%",
        expect="+3.8%",
    ),
    Run(
        "organic_ok_plain",
        HEALTHY,
        q.ORGANIC,
        [
            dispatch(OFFICER, "Organic premium rate and basis.", say="Terms, then the sum."),
            read(OFFICER, "milk_price_2026.json"),
            say(
                OFFICER,
                "11.50 ppl on accepted litres collected on or after the farm's certification date; the dates are in farms.csv, and Larkrise's is 15 April 2026.",
            ),
            dispatch(
                CODER,
                "April 2026 organic premium: 11.50 ppl on accepted litres from each farm's certification date on.",
            ),
            code(c.ORGANIC.format(dated=c.FROM_CERTIFICATION), "4255.00"),
            say(CODER, "6 collections, 37,000 litres: £4,255.00."),
            dispatch(CHECKER, "Check £4,255.00."),
            read(CHECKER, "collections_2026_04.csv", "F09"),
            say(CHECKER, "A006 (8 April) is rightly out; A014 and A027 are in. Approved."),
            dispatch(WRITER, "April 2026 organic premium: £4,255.00."),
            final(
                "The organic premium due for April 2026 is £4,255.00 on 37,000 accepted litres (Larkrise from its certification on 15 April)."
            ),
        ],
        answer="£4,255.00",
        expect="£4,255.00",
    ),
    Run(
        "organic_ok_checker_asks_f09",
        HEALTHY,
        q.ORGANIC,
        [
            dispatch(
                CODER,
                "April 2026 organic premium at 11.50 ppl, counting each organic farm's accepted litres from its certification date in farms.csv.",
                say="Straight to the coder; the checker looks after.",
            ),
            code(c.ORGANIC.format(dated=c.FROM_CERTIFICATION), "4255.00"),
            say(CODER, "£4,255.00 on 37,000 litres."),
            dispatch(CHECKER, "Check £4,255.00."),
            read(CHECKER, "collections_2026_04.csv", "F09"),
            say(
                CHECKER,
                "Larkrise's A006 on 8 April is left out. That is right only if its certification runs from 15 April; please have the clerk confirm before this goes out.",
            ),
            dispatch(CLERK, "Confirm Larkrise's organic certification date."),
            read(CLERK, "farms.csv", "Larkrise"),
            say(CLERK, "Larkrise (F09): organic since 2026-04-15."),
            dispatch(WRITER, "April 2026 organic premium: £4,255.00, Larkrise from 15 April."),
            final(
                "The organic premium due for April 2026 is £4,255.00, with Larkrise's litres counted from its certification on 15 April."
            ),
        ],
        answer="£4,255.00",
        expect="£4,255.00",
    ),
]
