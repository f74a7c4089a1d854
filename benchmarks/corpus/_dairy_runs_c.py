"""Collections desk runs that go wrong in what is passed on: a figure quoted other than
printed, values no file holds, a brief that drops part of the question, trouble that
the checker reports, a tool's error read as an answer."""

# the code is the agents' code as written, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _dairy_cells as c
from benchmarks.corpus import _dairy_tasks as q
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
)
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

BANDS = (
    "Per accepted collection, on its own SCC (k cells/ml): under 200 nil; 200-249 0.40 ppl; "
    "250-349 1.00 ppl; 350 and over 2.50 ppl."
)
ORGANIC_FARMS = (
    "Organic: F03 Coldharbour (since 2019-06-01), F06 Foxley Green (since 2021-03-01), "
    "F09 Larkrise (since 2026-04-15)."
)

RUNS: list[Run] = [
    Run(
        "scc_03_coder_quotes_714",
        MISREPORTED,
        q.SCC,
        [
            dispatch(
                OFFICER, "The 2026 SCC penalty bands and basis.", say="Bands, then April's log."
            ),
            read(OFFICER, "milk_price_2026.json"),
            say(OFFICER, BANDS),
            dispatch(CODER, "Total the SCC penalties over April 2026's accepted collections."),
            code(c.SCC.format(bands=c.BANDS_2026, test="lo <= scc <= hi"), "741.88"),
            say(
                CODER,
                "Penalties over April's accepted collections: £714.88, seven collections in "
                "the bands.",
                mark="root",
            ),
            dispatch(CHECKER, "Check the SCC total of £714.88."),
            read(CHECKER, "collections_2026_04.csv"),
            say(
                CHECKER,
                "Seven accepted collections sit in penalty bands (A001, A003, A006, A008, A009, "
                "A010, A015); A026 is rejected and rightly out. £714.88 approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "April 2026 SCC penalties: £714.88."),
            final("Somatic cell count penalties took £714.88 off April 2026's milk cheques."),
        ],
        answer="£714.88",
        expect="£741.88",
    ),
    Run(
        "organic_02_checker_quotes_4525",
        MISREPORTED,
        q.ORGANIC,
        [
            dispatch(
                CLERK,
                "Organic farms and their certification dates.",
                say="Farms, then the premium.",
            ),
            read(CLERK, "farms.csv"),
            say(CLERK, ORGANIC_FARMS),
            dispatch(
                CODER,
                "April organic premium: 11.50 ppl on accepted litres collected on or after each "
                "farm's certification date.",
            ),
            code(c.ORGANIC.format(dated=c.FROM_CERTIFICATION), "4255.00"),
            say(CODER, "6 collections, 37,000 litres: £4,255.00."),
            dispatch(CHECKER, "Check the April organic premium."),
            code(c.ORGANIC.format(dated=c.FROM_CERTIFICATION), "4255.00", agent=CHECKER),
            say(
                CHECKER,
                "Reran it: £4,525.00, with Larkrise counted from 15 April only. Approved at "
                "£4,525.00.",
                mark="root",
            ),
            dispatch(WRITER, "April 2026 organic premium: £4,525.00."),
            final(
                "The organic premium due for April 2026 is £4,525.00, across Coldharbour, "
                "Foxley Green and Larkrise (Larkrise from 15 April).",
                mark="symptom",
            ),
        ],
        answer="£4,525.00",
        expect="£4,255.00",
    ),
    Run(
        "change_03_clerk_march_total_unread",
        MADE_UP,
        q.CHANGE,
        [
            dispatch(
                CLERK,
                "Accepted litres for March and April 2026.",
                say="Monthly totals from the clerk, then the change.",
            ),
            read(CLERK, "collections_2026_04.csv"),
            say(
                CLERK,
                "April: 27 collections, 255,060 litres accepted (A025 and A026 rejected). March "
                "came in at 251,400 litres accepted, the month-end figure.",
                mark="root",
            ),
            dispatch(
                CODER, "Change from 251,400 to 255,060 litres, percent, one decimal with sign."
            ),
            code(
                "march, april = 251400, 255060\nprint(f'{(april - march) / march * 100:+.1f}')",
                "+1.5",
            ),
            say(CODER, "+1.5%."),
            dispatch(CHECKER, "Check the +1.5% change in accepted litres."),
            say(
                CHECKER,
                "April's total matches the log and the arithmetic is right: +1.5%. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Accepted litres, March to April 2026: +1.5%."),
            final(
                "Fenmoor's accepted litres rose by +1.5% from March to April 2026, to 255,060 "
                "litres."
            ),
        ],
        answer="+1.5%",
        expect="+3.8%",
    ),
    Run(
        "value_05_officer_terms_unread",
        MADE_UP,
        q.VALUE_F05,
        [
            dispatch(
                OFFICER,
                "April 2026 base price and composition terms.",
                say="Terms, then the value.",
            ),
            say(
                OFFICER,
                "On the usual terms: April base 38.20 ppl; butterfat reference 4.00% at 0.25 ppl "
                "per 0.1%; protein reference 3.30% at 0.40 ppl per 0.1%.",
                mark="root",
            ),
            dispatch(
                CODER,
                "Value Eastholme's (F05) accepted April litres: base 38.20 ppl, butterfat "
                "4.00% / 0.25 ppl per 0.1%, protein 3.30% / 0.40 ppl per 0.1%.",
            ),
            code(
                c.VALUE.format(
                    base="38.20",
                    fat_term=c.FAT_TERM.format(ref="4.00", rate="0.25"),
                    protein_term=c.PROTEIN_TERM.format(ref="3.30", rate="0.40"),
                ),
                "11726.95",
            ),
            say(CODER, "30,990 litres at 37.8411 ppl: £11,726.95."),
            dispatch(CHECKER, "Check £11,726.95 for Eastholme's April."),
            read(CHECKER, "collections_2026_04.csv", "F05"),
            say(
                CHECKER,
                "Litres and composition agree with the log; the price build-up follows the "
                "officer's terms. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Eastholme, April 2026: £11,726.95."),
            final(
                "Eastholme's (F05) April 2026 milk value before SCC penalties and haulage is "
                "£11,726.95."
            ),
        ],
        answer="£11,726.95",
        expect="£11,579.98",
    ),
    Run(
        "organic_03_lead_drops_cert_date",
        LOST_CONSTRAINT,
        q.ORGANIC,
        [
            dispatch(CLERK, "Which farms are certified organic?", say="Farms, then the premium."),
            read(CLERK, "farms.csv"),
            say(CLERK, ORGANIC_FARMS),
            dispatch(
                CODER,
                "Organic premium for April: 11.50 ppl on the accepted April litres of F03, F06 "
                "and F09.",
                mark="root",
            ),
            code(c.ORGANIC.format(dated=""), "4890.95"),
            say(CODER, "£4,890.95 on 42,530 litres."),
            dispatch(CHECKER, "Check the organic premium of £4,890.95."),
            code(
                "import csv\n"
                "print(sum(int(r['litres']) for r in csv.DictReader(open('collections_2026_04.csv'))\n"
                "          if r['farm_id'] in ('F03', 'F06', 'F09') and r['status'] == 'accepted'))",
                "42530",
                agent=CHECKER,
            ),
            say(
                CHECKER,
                "Accepted April litres for F03, F06 and F09 re-summed: 42,530; at 11.50p that "
                "is £4,890.95. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "April 2026 organic premium: £4,890.95."),
            final(
                "The organic premium due for April 2026 is £4,890.95 across the three organic farms."
            ),
        ],
        answer="£4,890.95",
        expect="£4,255.00",
    ),
    Run(
        "haul_05_lead_drops_per_collection",
        LOST_CONSTRAINT,
        q.HAULAGE_F07,
        [
            dispatch(CLERK, "Hollins' April 2026 collections.", say="Loads, terms, charge."),
            read(CLERK, "collections_2026_04.csv", "F07"),
            say(
                CLERK,
                "Hollins (F07, zone C): A019 6,480 l and A020 6,260 l accepted; A025 6,300 l "
                "rejected.",
            ),
            dispatch(OFFICER, "Zone C haulage terms."),
            read(OFFICER, "haulage_rates.csv"),
            say(
                OFFICER,
                "Zone C: 1.45 ppl plus £27.00 per collection, rejected collections included.",
            ),
            dispatch(
                CODER,
                "Haulage for Hollins' April: its 12,740 accepted litres at the zone C rate of "
                "1.45 ppl.",
                mark="root",
            ),
            code("print(f'{12740 * 1.45 / 100:.2f}')", "184.73"),
            say(CODER, "£184.73."),
            dispatch(CHECKER, "Check £184.73 against the zone C rate."),
            say(
                CHECKER,
                "12,740 x 1.45p = £184.73 and the zone C rate is right. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Hollins, April 2026 haulage: £184.73."),
            final("Hollins (F07) will be charged £184.73 haulage for April 2026."),
        ],
        answer="£184.73",
        expect="£265.73",
    ),
    Run(
        "fat_02_clerk_april_rows_checker_refuses",
        SELF_REPORT,
        q.FAT_F02,
        [
            dispatch(
                CLERK,
                "Brackenside (F02), March 2026 collections: litres, butterfat, status.",
                say="Rows, then the weighting.",
            ),
            read(CLERK, "collections_2026_04.csv", "F02", mark="root"),
            say(
                CLERK,
                "F02: A010 12,070 l at 3.92%, A012 11,600 l at 3.86%, A023 12,880 l at 4.09%; "
                "all accepted.",
            ),
            dispatch(CODER, "Litre-weighted butterfat over the clerk's three collections."),
            code(
                "rows = [(12070, 3.92), (11600, 3.86), (12880, 4.09)]\n"
                "print(f'{sum(l * f for l, f in rows) / sum(l for l, _ in rows):.2f}')",
                "3.96",
            ),
            say(CODER, "3.96%."),
            dispatch(CHECKER, "Check Brackenside's March butterfat of 3.96%."),
            read(CHECKER, "collections_2026_03.csv", "F02"),
            say(
                CHECKER,
                "The rows used (A010, A012, A023) are dated April. In the March log F02 has "
                "M011, M013 and M019. I can't pass 3.96% for March.",
                mark="symptom",
            ),
            dispatch(
                WRITER, "Tell the member the March butterfat is being rechecked; no figure yet."
            ),
            final(
                "We can't give Brackenside's March 2026 butterfat yet: the working picked up "
                "April's collections and is being redone on the March log."
            ),
        ],
        answer="",
        expect="4.30%",
    ),
    Run(
        "scc_04_lead_points_to_2025",
        SELF_REPORT,
        q.SCC,
        [
            dispatch(
                OFFICER,
                "The SCC penalty bands from milk_price_2025.json.",
                say="Bands from the schedule, then apply them to April.",
                mark="root",
            ),
            read(OFFICER, "milk_price_2025.json"),
            say(
                OFFICER,
                "Per accepted collection: under 250k nil; 250-399k 0.75 ppl; 400k and over "
                "2.00 ppl.",
            ),
            dispatch(CODER, "Apply those bands to April 2026's accepted collections; total."),
            code(
                c.SCC.format(
                    bands="[(250, 399, 0.75), (400, 99999, 2.00)]", test="lo <= scc <= hi"
                ),
                "322.50",
            ),
            say(CODER, "£322.50 across five collections."),
            dispatch(CHECKER, "Check the £322.50 SCC total."),
            read(CHECKER, "milk_price_2026.json"),
            say(
                CHECKER,
                "These bands are the 2025 schedule's. The 2026 schedule, which covers April "
                "2026, starts penalties at 200k and charges 2.50 ppl from 350k. Not approved as "
                "it stands.",
                mark="symptom",
            ),
            dispatch(
                WRITER,
                "Tell the member the SCC figure is on hold until it is redone on the 2026 bands.",
            ),
            final(
                "We can't confirm April 2026's SCC penalty total yet: it was worked on last "
                "year's bands and is being redone on the 2026 schedule."
            ),
        ],
        answer="",
        expect="£741.88",
    ),
    Run(
        "reject_03_march_file_misnamed",
        TOOL_FAILURE,
        q.REJECTED,
        [
            dispatch(
                CLERK,
                "March 2026's rejected collections with their litres, and the month's total "
                "litres collected.",
                say="The clerk pulls March's rejections.",
            ),
            read(CLERK, "collections_march_2026.csv", "rejected", mark="root"),
            say(
                CLERK,
                "Nothing comes back for March rejections, so no loads were rejected in March: 0 "
                "litres of the month's collections.",
            ),
            dispatch(CHECKER, "Confirm no rejected loads in March 2026."),
            say(
                CHECKER,
                "The clerk's pull shows no rejected collections for March: 0.0% rejected. "
                "Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "March 2026: no litres rejected, 0.0%."),
            final("None of the milk Fenmoor collected in March 2026 was rejected: 0.0%."),
        ],
        answer="0.0%",
        expect="7.6%",
    ),
]
