"""Collections desk runs that go wrong upstream: a misread figure, a wrong file, month or
farm, or a lead's plan that names the wrong basis."""

# the code is the agents' code as written, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _dairy_cells as c
from benchmarks.corpus import _dairy_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
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

F05_TERMS = dict(
    fat_term=c.FAT_TERM.format(ref="4.00", rate="0.27"),
    protein_term=c.PROTEIN_TERM.format(ref="3.30", rate="0.42"),
)

RUNS: list[Run] = [
    Run(
        "zoneb_01_clerk_a007_transposed",
        WRONG_INPUT,
        q.ZONE_B,
        [
            dispatch(
                CLERK,
                "List the zone B farms and their accepted April 2026 collections with litres.",
                say="Zone B collections from the clerk, then the sum.",
            ),
            read(CLERK, "farms.csv"),
            read(CLERK, "collections_2026_04.csv", "T2"),
            say(
                CLERK,
                "Zone B is F03 Coldharbour, F04 Dunmere, F05 Eastholme and F10 Millbeck, all "
                "on tanker T2. April, all accepted: F03 A003 7,420 l, A017 7,310 l; F04 A007 "
                "12,680 l, A011 14,730 l, A024 16,430 l; F05 A008 10,730 l, A018 9,730 l, A022 "
                "10,530 l; F10 A002 12,920 l, A004 14,010 l, A009 12,650 l.",
                mark="root",
            ),
            dispatch(CODER, "Add up the clerk's eleven zone B collections."),
            code(
                "litres = [7420, 7310, 12680, 14730, 16430, 10730, 9730, 10530, 12920, 14010, 12650]\n"
                "print(len(litres), sum(litres))",
                "11 129140",
            ),
            say(CODER, "11 collections, 129,140 litres."),
            dispatch(CHECKER, "Check the zone B April total of 129,140 litres."),
            read(CHECKER, "farms.csv"),
            say(
                CHECKER,
                "Zone B is F03, F04, F05 and F10 in the register, and the list covers all four "
                "with eleven collections, none rejected. 129,140 adds up. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Zone B accepted 129,140 litres in April 2026."),
            final(
                "Fenmoor accepted 129,140 litres from its zone B farms in April 2026 "
                "(Coldharbour, Dunmere, Eastholme and Millbeck, eleven collections)."
            ),
        ],
        answer="129,140 litres",
        expect="132,740 litres",
    ),
    Run(
        "value_01_officer_fat_rate_072",
        WRONG_INPUT,
        q.VALUE_F05,
        [
            dispatch(
                OFFICER,
                "April 2026 base price and the butterfat and protein terms from "
                "milk_price_2026.json.",
                say="Price terms from the officer, then the coder values F05's April milk.",
            ),
            read(OFFICER, "milk_price_2026.json"),
            say(
                OFFICER,
                "April 2026 base: 37.75 ppl. Butterfat: reference 4.00%, 0.72 ppl per 0.1%. "
                "Protein: reference 3.30%, 0.42 ppl per 0.1%. Both on the farm's litre-weighted "
                "average over its accepted collections in the month.",
                mark="root",
            ),
            dispatch(
                CODER,
                "F05's accepted April litres and litre-weighted butterfat and protein from "
                "collections_2026_04.csv; value = litres x (37.75 + (fat - 4.00) x 10 x 0.72 + "
                "(protein - 3.30) x 10 x 0.42) / 100. GBP, two decimals.",
            ),
            code(
                c.VALUE.format(
                    base="37.75",
                    fat_term=c.FAT_TERM.format(ref="4.00", rate="0.72"),
                    protein_term=F05_TERMS["protein_term"],
                ),
                "11462.86",
            ),
            say(CODER, "30,990 litres at 3.916% fat and 3.263% protein: 36.9889 ppl, £11,462.86."),
            dispatch(CHECKER, "Check Eastholme's April milk value of £11,462.86."),
            read(CHECKER, "collections_2026_04.csv", "F05"),
            say(
                CHECKER,
                "A008, A018 and A022 are F05's April collections, all accepted, 30,990 litres; "
                "weighted fat 3.92% and protein 3.26% match. The value stands.",
                mark="symptom",
            ),
            dispatch(WRITER, "Eastholme, April 2026, before SCC and haulage: £11,462.86."),
            final(
                "Eastholme's (F05) April 2026 milk is worth £11,462.86 before SCC penalties and "
                "haulage: 30,990 accepted litres at 37.75 ppl adjusted for 3.92% butterfat and "
                "3.26% protein."
            ),
        ],
        answer="£11,462.86",
        expect="£11,579.98",
    ),
    Run(
        "haul_01_lead_zone_b_charge",
        WRONG_INPUT,
        q.HAULAGE_F07,
        [
            dispatch(
                OFFICER,
                "Zone C haulage terms (Hollins, F07, is zone C), and how rejected collections "
                "are charged.",
                say="Terms first; the coder then works from the April log.",
            ),
            read(OFFICER, "haulage_rates.csv"),
            say(
                OFFICER,
                "Zone C: 1.45 ppl on accepted litres plus £27.00 per collection. The price "
                "schedule says rejected collections still carry the per-collection charge.",
            ),
            dispatch(
                CODER,
                "Hollins' (F07) April 2026 haulage from collections_2026_04.csv: accepted litres "
                "at 1.45 ppl plus £22.50 for each collection, rejected ones included.",
                mark="root",
            ),
            code(c.HAULAGE.format(loads="len(rows)", ppl="1.45", fixed="22.50"), "252.23"),
            say(CODER, "12,740 accepted litres and three collections: £252.23."),
            dispatch(CHECKER, "Check £252.23 for Hollins' April haulage."),
            say(
                CHECKER,
                "Three collections, the rejected one included as the schedule requires; 12,740 "
                "accepted litres at 1.45p is £184.73. Adds up; approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Hollins' April 2026 haulage: £252.23."),
            final(
                "Hollins (F07) will be charged £252.23 haulage for April 2026: 1.45p a litre on "
                "12,740 accepted litres and a charge for each of its three collections."
            ),
        ],
        answer="£252.23",
        expect="£265.73",
    ),
    Run(
        "fat_01_clerk_reads_april",
        WRONG_SOURCE,
        q.FAT_F02,
        [
            dispatch(
                CLERK,
                "Brackenside's (F02) collections in March 2026, with litres, butterfat and status.",
                say="Rows from the clerk, weighting by the coder.",
            ),
            read(CLERK, "collections_2026_04.csv", "F02", mark="root"),
            say(
                CLERK,
                "F02: A010 12,070 l at 3.92%, A012 11,600 l at 3.86%, A023 12,880 l at 4.09%; "
                "all accepted.",
            ),
            dispatch(CODER, "Litre-weighted butterfat over those three collections, two decimals."),
            code(
                "rows = [(12070, 3.92), (11600, 3.86), (12880, 4.09)]\n"
                "litres = sum(l for l, _ in rows)\n"
                "print(litres)\n"
                "print(f'{sum(l * f for l, f in rows) / litres:.2f}')",
                "3.96",
            ),
            say(CODER, "3.96% over 36,550 litres."),
            dispatch(CHECKER, "Check the 3.96% weighting."),
            code(
                "rows = [(12070, 3.92), (11600, 3.86), (12880, 4.09)]\n"
                "print(round(sum(l * f for l, f in rows) / sum(l for l, _ in rows), 4))",
                "3.9609",
                agent=CHECKER,
            ),
            say(
                CHECKER,
                "Reran the weighting from the three rows: 3.9609, so 3.96%. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Brackenside, March 2026: 3.96% butterfat, litre-weighted."),
            final(
                "Brackenside's (F02) litre-weighted average butterfat over its accepted "
                "collections in March 2026 was 3.96%."
            ),
        ],
        answer="3.96%",
        expect="4.30%",
    ),
    Run(
        "value_02_officer_reads_2025",
        WRONG_SOURCE,
        q.VALUE_F05,
        [
            dispatch(
                OFFICER,
                "The April base price and the composition terms from the price schedule.",
                say="Terms first, then the composition and the value.",
            ),
            read(OFFICER, "milk_price_2025.json", mark="root"),
            say(
                OFFICER,
                "April base 37.40 ppl. Butterfat reference 4.10%, 0.24 ppl per 0.1%; protein "
                "reference 3.35%, 0.38 ppl per 0.1%; litre-weighted over accepted collections.",
            ),
            dispatch(
                CODER,
                "Eastholme (F05): accepted April 2026 litres from collections_2026_04.csv, "
                "weighted fat and protein, priced on the officer's terms.",
            ),
            code(
                c.VALUE.format(
                    base="37.40",
                    fat_term=c.FAT_TERM.format(ref="4.10", rate="0.24"),
                    protein_term=c.PROTEIN_TERM.format(ref="3.35", rate="0.38"),
                ),
                "11350.68",
            ),
            say(CODER, "30,990 litres, fat 3.916%, protein 3.263%: 36.6269 ppl, £11,350.68."),
            dispatch(CHECKER, "Check £11,350.68 for Eastholme's April milk."),
            read(CHECKER, "collections_2026_04.csv", "F05"),
            say(
                CHECKER,
                "Rows and weighting agree with the log (30,990 l; 3.92% / 3.26%), and the "
                "price build-up follows the officer's terms. OK to send.",
                mark="symptom",
            ),
            dispatch(WRITER, "Eastholme, April 2026: £11,350.68 before SCC and haulage."),
            final(
                "Eastholme's (F05) April 2026 milk value before SCC penalties and haulage is "
                "£11,350.68 on 30,990 accepted litres."
            ),
        ],
        answer="£11,350.68",
        expect="£11,579.98",
    ),
    Run(
        "haul_02_clerk_reads_f06_rows",
        WRONG_SOURCE,
        q.HAULAGE_F07,
        [
            dispatch(
                CLERK,
                "Hollins' April 2026 collections, rejected ones included.",
                say="Collections from the clerk, then the charge at the zone C rates.",
            ),
            read(CLERK, "collections_2026_04.csv", "F06", mark="root"),
            say(
                CLERK,
                "Hollins (High Wold, zone C), April: A001 5,120 l and A005 5,100 l, both "
                "accepted; nothing rejected.",
            ),
            dispatch(
                CODER,
                "Haulage on the clerk's two collections, 10,220 litres, at the zone C rates in "
                "haulage_rates.csv.",
            ),
            code(
                "import csv\n"
                "zone = {r['zone']: r for r in csv.DictReader(open('haulage_rates.csv'))}['C']\n"
                "litres, loads = 10220, 2\n"
                "print(f\"{litres * float(zone['ppl']) / 100 + loads * float(zone['per_collection_gbp']):.2f}\")",
                "202.19",
            ),
            say(CODER, "£202.19 at 1.45 ppl and £27.00 a collection."),
            dispatch(CHECKER, "Check Hollins' April haulage, £202.19."),
            say(
                CHECKER,
                "Zone C rates applied correctly: £148.19 on the litres plus £54.00 for two "
                "collections is £202.19. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "Hollins' April haulage: £202.19."),
            final("Hollins will be charged £202.19 haulage for April 2026 at the zone C rates."),
        ],
        answer="£202.19",
        expect="£265.73",
    ),
    Run(
        "reject_01_lead_counts_loads",
        BAD_SPLIT,
        q.REJECTED,
        [
            dispatch(
                CLERK,
                "Count March 2026's collections and how many of them were rejected.",
                say="Share rejected = rejected collections over all collections in March: the "
                "clerk counts, the coder divides.",
                mark="root",
            ),
            read(CLERK, "collections_2026_03.csv"),
            say(
                CLERK,
                "25 collections in March; 2 rejected: M009 (F07, antibiotic residue) and M021 "
                "(F08, loaded above 6C).",
            ),
            dispatch(CODER, "2 rejected out of 25 collections as a percentage, one decimal."),
            code("print(f'{2 / 25 * 100:.1f}')", "8.0"),
            say(CODER, "8.0%."),
            dispatch(CHECKER, "Check 8.0% of March rejected."),
            read(CHECKER, "collections_2026_03.csv", "rejected"),
            say(
                CHECKER,
                "Two rejected rows, M009 and M021, out of 25 logged. 8.0% is right.",
                mark="symptom",
            ),
            dispatch(WRITER, "8.0% of March 2026 was rejected (2 of 25 collections)."),
            final(
                "8.0% of what Fenmoor collected in March 2026 was rejected: 2 of 25 "
                "collections (an antibiotic residue and a load above 6C)."
            ),
        ],
        answer="8.0%",
        expect="7.6%",
    ),
    Run(
        "scc_01_lead_monthly_average",
        BAD_SPLIT,
        q.SCC,
        [
            dispatch(
                OFFICER,
                "The 2026 SCC penalty bands.",
                say="Penalty per farm on its April average SCC: the officer gives the bands, the "
                "coder bands each farm's average and applies it to the farm's accepted litres.",
                mark="root",
            ),
            read(OFFICER, "milk_price_2026.json"),
            say(
                OFFICER,
                "Bands (k cells/ml): 0-199 nil; 200-249 0.40 ppl; 250-349 1.00 ppl; 350 and "
                "over 2.50 ppl.",
            ),
            dispatch(
                CODER,
                "For each farm: its average SCC over its accepted April 2026 collections, banded, "
                "applied to its accepted April litres; total the penalties. GBP, two decimals.",
            ),
            code(
                "import csv\n"
                "from collections import defaultdict\n"
                f"bands = {c.BANDS_2026}\n"
                "farms = defaultdict(list)\n"
                "for r in csv.DictReader(open('collections_2026_04.csv')):\n"
                "    if r['status'] == 'accepted':\n"
                "        farms[r['farm_id']].append((int(r['litres']), int(r['scc_k'])))\n"
                "total = 0.0\n"
                "for farm, rows in sorted(farms.items()):\n"
                "    litres = sum(l for l, _ in rows)\n"
                "    scc = sum(s for _, s in rows) / len(rows)\n"
                "    for lo, hi, ppl in bands:\n"
                "        if lo <= scc <= hi:\n"
                "            total += litres * ppl / 100\n"
                "print(f'{total:.2f}')",
                "653.36",
            ),
            say(CODER, "£653.36 in SCC penalties for April."),
            dispatch(CHECKER, "Check the April SCC penalty total of £653.36."),
            say(
                CHECKER,
                "Band limits match the schedule and every farm's accepted April litres are in. "
                "£653.36 approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "April 2026 SCC penalties: £653.36."),
            final("Somatic cell count penalties took £653.36 off April 2026's milk cheques."),
        ],
        answer="£653.36",
        expect="£741.88",
    ),
    Run(
        "change_01_lead_all_litres",
        BAD_SPLIT,
        q.CHANGE,
        [
            dispatch(
                CODER,
                "Total litres collected in collections_2026_03.csv and collections_2026_04.csv, "
                "every row; percentage change March to April, one decimal with sign.",
                say="Compare the litres the tankers collected each month.",
                mark="root",
            ),
            code(c.CHANGE.format(where="", change="(april - march) / march"), "+3.0"),
            say(CODER, "March 266,030 l, April 274,100 l: +3.0%."),
            dispatch(CHECKER, "Check the +3.0% change."),
            code(
                "import csv\n"
                "for name in ('collections_2026_03.csv', 'collections_2026_04.csv'):\n"
                "    print(name, sum(int(r['litres']) for r in csv.DictReader(open(name))))",
                "collections_2026_04.csv 274100",
                agent=CHECKER,
            ),
            say(
                CHECKER,
                "Totals reproduce: 266,030 and 274,100 litres, +3.0%. Approved.",
                mark="symptom",
            ),
            dispatch(WRITER, "March to April 2026: +3.0%."),
            final("Fenmoor's litres rose by +3.0% from March to April 2026 (266,030 to 274,100)."),
        ],
        answer="+3.0%",
        expect="+3.8%",
    ),
]
