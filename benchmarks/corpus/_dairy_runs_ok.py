"""Collections desk runs that go right, some after a slip that is caught and put right."""

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

ZONE_B = "{'F03', 'F04', 'F05', 'F10'}"
SUM = "sum(int(r['litres']) for r in rows)"
BANDS = (
    "Per accepted collection, on its own SCC (k cells/ml): under 200 nil; 200-249 0.40 ppl; "
    "250-349 1.00 ppl; 350 and over 2.50 ppl."
)

RUNS: list[Run] = [
    Run(
        "zoneb_ok_plain",
        HEALTHY,
        q.ZONE_B,
        [
            dispatch(
                CLERK,
                "Which member farms are in haulage zone B? From farms.csv.",
                say="Zone B farms from the register, then their accepted April litres.",
            ),
            read(CLERK, "farms.csv"),
            say(CLERK, "Zone B: F03 Coldharbour, F04 Dunmere, F05 Eastholme, F10 Millbeck."),
            dispatch(
                CODER,
                "Sum the accepted litres in collections_2026_04.csv for F03, F04, F05 and F10.",
            ),
            code(c.ZONE.format(zone=ZONE_B, total=SUM), "132740"),
            say(CODER, "11 accepted zone B collections in April, 132,740 litres."),
            dispatch(CHECKER, "Check 132,740 litres accepted from zone B in April."),
            read(CHECKER, "collections_2026_04.csv"),
            say(
                CHECKER,
                "Eleven zone B collections in April, none rejected: F03 14,730, F04 47,440, "
                "F05 30,990, F10 39,580, which is 132,740. Fine to send.",
            ),
            dispatch(WRITER, "Zone B accepted 132,740 litres in April 2026."),
            final(
                "Fenmoor accepted 132,740 litres from its zone B farms (Coldharbour, Dunmere, "
                "Eastholme and Millbeck) in April 2026."
            ),
        ],
        answer="132,740 litres",
        expect="132,740 litres",
    ),
    Run(
        "zoneb_ok_string_sum_fixed",
        HEALTHY,
        q.ZONE_B,
        [
            dispatch(CLERK, "Zone B farms from the register.", say="Farms, then the April sum."),
            read(CLERK, "farms.csv"),
            say(CLERK, "Zone B: F03, F04, F05 and F10."),
            dispatch(CODER, "Accepted April 2026 litres for F03, F04, F05 and F10."),
            code(
                c.ZONE.format(zone=ZONE_B, total="sum(r['litres'] for r in rows)"),
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            ),
            code(
                c.ZONE.format(zone=ZONE_B, total=SUM),
                "132740",
                say="Litres are text in the CSV; converting.",
            ),
            say(CODER, "132,740 litres over 11 accepted collections."),
            dispatch(CHECKER, "Check zone B's 132,740 litres."),
            read(CHECKER, "collections_2026_04.csv", "T2"),
            say(
                CHECKER,
                "The T2 round is exactly zone B; eleven accepted loads, 132,740 litres. Approved.",
            ),
            dispatch(WRITER, "Zone B, April 2026: 132,740 litres accepted."),
            final("Fenmoor accepted 132,740 litres from its zone B farms in April 2026."),
        ],
        answer="132,740 litres",
        expect="132,740 litres",
    ),
    Run(
        "fat_ok_checker_reruns",
        HEALTHY,
        q.FAT_F02,
        [
            dispatch(
                CODER,
                "Brackenside (F02): litre-weighted butterfat over its accepted March 2026 collections.",
                say="One script on the March log.",
            ),
            code(c.FAT.format(file="collections_2026_03.csv", farm="F02"), "4.30"),
            say(CODER, "M011, M013 and M019, 37,830 litres: 4.30%."),
            dispatch(CHECKER, "Check Brackenside's March butterfat, 4.30%."),
            code(c.FAT.format(file="collections_2026_03.csv", farm="F02"), "4.30", agent=CHECKER),
            say(CHECKER, "Same three March rows and 4.30% on a rerun. Approved."),
            dispatch(WRITER, "Brackenside, March 2026: 4.30%."),
            final("Brackenside's (F02) litre-weighted average butterfat in March 2026 was 4.30%."),
        ],
        answer="4.30%",
        expect="4.30%",
    ),
    Run(
        "fat_ok_clerk_rereads_march",
        HEALTHY,
        q.FAT_F02,
        [
            dispatch(
                CLERK,
                "Brackenside's (F02) March 2026 collections with litres and butterfat.",
                say="Rows, then the weighting.",
            ),
            read(CLERK, "collections_2026_04.csv", "F02"),
            read(
                CLERK,
                "collections_2026_03.csv",
                "F02",
                say="Those rows are dated April; reading the March log.",
            ),
            say(
                CLERK,
                "F02, March, all accepted: M011 12,520 l at 4.22%, M013 12,650 l at 4.33%, M019 12,660 l at 4.35%.",
            ),
            dispatch(CODER, "Litre-weighted butterfat over M011, M013 and M019."),
            code(
                "rows = [(12520, 4.22), (12650, 4.33), (12660, 4.35)]\nprint(f'{sum(l * f for l, f in rows) / sum(l for l, _ in rows):.2f}')",
                "4.30",
            ),
            say(CODER, "4.30%."),
            dispatch(CHECKER, "Check 4.30% against the March log."),
            read(CHECKER, "collections_2026_03.csv", "F02"),
            say(CHECKER, "The three March rows are the ones used, none rejected. 4.30% approved."),
            dispatch(WRITER, "Brackenside, March 2026: 4.30%."),
            final(
                "Brackenside's litre-weighted average butterfat over its accepted March 2026 collections was 4.30%."
            ),
        ],
        answer="4.30%",
        expect="4.30%",
    ),
    Run(
        "value_ok_checker_catches_2025",
        HEALTHY,
        q.VALUE_F05,
        [
            dispatch(
                OFFICER,
                "April base price and composition terms from the price schedule.",
                say="Terms, then the value.",
            ),
            read(OFFICER, "milk_price_2025.json"),
            say(
                OFFICER,
                "April base 37.40 ppl; butterfat reference 4.10%, 0.24 ppl per 0.1%; protein reference 3.35%, 0.38 ppl per 0.1%.",
            ),
            dispatch(
                CODER, "Value Eastholme's (F05) accepted April 2026 litres on the officer's terms."
            ),
            code(
                c.VALUE.format(
                    base="37.40",
                    fat_term=c.FAT_TERM.format(ref="4.10", rate="0.24"),
                    protein_term=c.PROTEIN_TERM.format(ref="3.35", rate="0.38"),
                ),
                "11350.68",
            ),
            say(CODER, "£11,350.68."),
            dispatch(CHECKER, "Check £11,350.68 for Eastholme's April."),
            read(CHECKER, "milk_price_2026.json"),
            say(
                CHECKER,
                "The terms used are milk_price_2025.json's. April 2026 is under the 2026 schedule: base 37.75 ppl, butterfat 4.00% at 0.27 ppl per 0.1%, protein 3.30% at 0.42 ppl per 0.1%. Please redo.",
            ),
            dispatch(CODER, "Redo F05 on the 2026 terms the checker quoted."),
            code(
                c.VALUE.format(
                    base="37.75",
                    fat_term=c.FAT_TERM.format(ref="4.00", rate="0.27"),
                    protein_term=c.PROTEIN_TERM.format(ref="3.30", rate="0.42"),
                ),
                "11579.98",
            ),
            say(CODER, "£11,579.98 at 37.3668 ppl."),
            dispatch(WRITER, "Eastholme, April 2026: £11,579.98."),
            final(
                "Eastholme's (F05) April 2026 milk value before SCC penalties and haulage is £11,579.98: 30,990 accepted litres at 37.75p adjusted for 3.92% butterfat and 3.26% protein."
            ),
        ],
        answer="£11,579.98",
        expect="£11,579.98",
    ),
    Run(
        "scc_ok_plain",
        HEALTHY,
        q.SCC,
        [
            dispatch(
                OFFICER, "The 2026 SCC penalty bands and basis.", say="Bands, then April's log."
            ),
            read(OFFICER, "milk_price_2026.json"),
            say(OFFICER, BANDS),
            dispatch(CODER, "Total the SCC penalties over April 2026's accepted collections."),
            code(c.SCC.format(bands=c.BANDS_2026, test="lo <= scc <= hi"), "741.88"),
            say(CODER, "Seven collections in the bands, £741.88."),
            dispatch(CHECKER, "Check the £741.88."),
            read(CHECKER, "collections_2026_04.csv", "A00"),
            say(
                CHECKER,
                "A001, A003, A006, A008 and A009 are banded right (A009 at exactly 200 is in the 0.40 band); with A010 and A015 the total is £741.88. Approved.",
            ),
            dispatch(WRITER, "April 2026 SCC penalties: £741.88."),
            final("Somatic cell count penalties took £741.88 off April 2026's milk cheques."),
        ],
        answer="£741.88",
        expect="£741.88",
    ),
    Run(
        "scc_ok_boundary_caught",
        HEALTHY,
        q.SCC,
        [
            dispatch(OFFICER, "The 2026 SCC bands.", say="Bands, then the total."),
            read(OFFICER, "milk_price_2026.json"),
            say(OFFICER, BANDS),
            dispatch(CODER, "Total April 2026's SCC penalties over accepted collections."),
            code(c.SCC.format(bands=c.BANDS_2026, test="lo < scc <= hi"), "691.28"),
            say(CODER, "£691.28."),
            dispatch(CHECKER, "Check the £691.28."),
            read(CHECKER, "collections_2026_04.csv", "A009"),
            say(
                CHECKER,
                "A009 has an SCC of exactly 200, which is in the 200-249 band, but the script's test lo < scc skips it. Include the lower bound.",
            ),
            dispatch(CODER, "Include each band's lower bound and rerun."),
            code(c.SCC.format(bands=c.BANDS_2026, test="lo <= scc <= hi"), "741.88"),
            say(CODER, "£741.88; A009 now in at 0.40 ppl."),
            dispatch(WRITER, "April 2026 SCC penalties: £741.88."),
            final(
                "Somatic cell count penalties took £741.88 off April 2026's milk cheques, across seven collections."
            ),
        ],
        answer="£741.88",
        expect="£741.88",
    ),
    Run(
        "reject_ok_plain",
        HEALTHY,
        q.REJECTED,
        [
            dispatch(
                CODER,
                "Share of March 2026's collected litres that were rejected, one decimal.",
                say="One script on the March log.",
            ),
            code(c.REJECTED.format(column="litres"), "7.6"),
            say(CODER, "20,240 of 266,030 litres rejected: 7.6%."),
            dispatch(CHECKER, "Check 7.6%."),
            read(CHECKER, "collections_2026_03.csv", "rejected"),
            say(
                CHECKER,
                "M009 6,400 l and M021 13,840 l are the rejected loads, 20,240 litres. 7.6% approved.",
            ),
            dispatch(WRITER, "March 2026: 7.6% of litres rejected."),
            final(
                "7.6% of the litres Fenmoor collected in March 2026 was rejected (20,240 of 266,030 litres)."
            ),
        ],
        answer="7.6%",
        expect="7.6%",
    ),
]
