"""Honey desk runs that go wrong in the code or in what is said of it."""

from __future__ import annotations

from benchmarks.corpus import _apiary_tasks as q
from benchmarks.corpus._apiary_team import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._apiary_team import Turn as T
from benchmarks.corpus._common import CODE_FAILURE, MISREPORTED, SELF_REPORT, WRONG_ACCEPTED

MEAN_OF_SHARES = """
import csv
rows = [r for r in csv.DictReader(open('inspections_2026.csv'))
        if r['month'] in ('2026-07', '2026-08', '2026-09')]
shares = [int(r['queenless']) / int(r['hives_inspected']) for r in rows]
print(len(shares), 'inspections')
print(f'{sum(shares) / len(shares) * 100:.1f}')
"""

PER_REGISTERED = """
import csv
reg = {r['apiary_id']: int(r['hives_registered']) for r in csv.DictReader(open('apiaries.csv'))
       if r['district'] == 'Vale'}
kg = sum(float(r['honey_kg']) for r in csv.DictReader(open('honey_2026.csv'))
         if r['apiary_id'] in reg and r['month'] in ('2026-04', '2026-05', '2026-06'))
print(round(kg, 1), sum(reg.values()) * 3)
print(f'{kg / (sum(reg.values()) * 3):.2f}')
"""

BAD_KEY = """
import csv
district = {r['apiary_id']: r['district'] for r in csv.DictReader(open('apiaries.csv'))}
rows = [r for r in csv.DictReader(open('honey_2026.csv'))
        if district[r['apiary_id']] == 'Marsh' and r['apiary_id'] != 'AP-09']
print(len(rows), 'rows')
print(round(sum(float(r['honey']) for r in rows), 1))
"""

MISSPELT = """
import csv, json
p = json.load(open('prices_2026.json'))
row = next(r for r in csv.DictReader(open('honey_2026.csv'))
           if r['apiary_id'] == 'AP-05' and r['month'] == '2026-06')
gross = float(row['honey_kg']) * p['honey_price_per_kg']['organic']
print(round(gross, 2))
print(f"{gross * (1 - p['coop_levy_pct'] / 100):.2f}", levvy)
"""

TEXT_SUM = """
import csv
rows = [r for r in csv.DictReader(open('inspections_2026.csv'))
        if r['month'] in ('2026-07', '2026-08', '2026-09')]
lost = sum(r['queenless'] for r in rows)
print(lost)
"""

RUNS: list[Run] = [
    Run(
        "queenless_10_mean_of_shares",
        WRONG_ACCEPTED,
        q.QUEENLESS_Q3,
        [
            ask(
                CODER,
                "From inspections_2026.csv, Q3 2026 (July-September): queenless hives as a share "
                "of hives inspected, co-op wide. One decimal.",
            ),
            cell(CODER, MEAN_OF_SHARES, "3.2", mark="root"),
            T(CODER, "30 inspections in Q3; queenless share 3.2%."),
            ask(CHECKER, "Q3 queenless share 3.2% from the inspection log. Have a look."),
            read(CHECKER, "inspections_2026.csv", "2026-08"),
            T(
                CHECKER,
                "August rows look as the coder had them, ten sites. Happy with 3.2%.",
                mark="symptom",
            ),
            ask(WRITER, "Bulletin line: 3.2% of hives inspected in Q3 were queenless."),
            T(
                WRITER,
                "Queen losses stayed low this summer: 3.2% of hives inspected from July to "
                "September were queenless.",
            ),
            T(LEAD, "3.2% of the hives inspected in Q3 2026 were found queenless."),
        ],
        answer="3.2%",
        expect="3.0%",
        note="the cell averages per-inspection shares instead of pooling the hives",
    ),
    Run(
        "vale_11_registered_hives",
        WRONG_ACCEPTED,
        q.VALE_Q2_HIVE,
        [
            ask(
                CODER,
                "Vale district, Q2 2026: total honey_kg over the sum of the monthly hives_active "
                "(honey_2026.csv, district from apiaries.csv). Two decimals.",
            ),
            cell(CODER, PER_REGISTERED, "8.00", mark="root"),
            T(CODER, "1,488.7 kg over 186 hive-months: 8.00 kg a hive."),
            ask(
                CHECKER,
                "Vale Q2: 1,488.7 kg, 186 hive-months, 8.00 kg per hive. Check the kilos at least.",
            ),
            cell(
                CHECKER,
                "import csv\nv = {'AP-05', 'AP-06', 'AP-07'}\nprint(round(sum(float(r['honey_kg']) "
                "for r in "
                "csv.DictReader(open('honey_2026.csv')) if r['apiary_id'] in v and r['month'] <= "
                "'2026-06'), 1))",
                "1488.7",
            ),
            T(CHECKER, "1,488.7 kg confirmed. Passed: 8.00 kg per hive.", mark="symptom"),
            T(LEAD, "Vale took 8.00 kg of honey per active hive in Q2 2026."),
        ],
        answer="8.00",
        expect="8.32",
        note="the cell divides by registered hives times three, not the active hives",
    ),
    Run(
        "grant_12_exclusion_not_coded",
        WRONG_ACCEPTED,
        q.GRANT_Q3,
        [
            ask(
                CLERK, "What does treatment_grant.json say? All of it that matters for a Q3 claim."
            ),
            read(CLERK, "treatment_grant.json"),
            T(
                CLERK,
                "GBP 4.75 per hive inspected in a month with varroa_per_100 at or above 3.0; Q3 is "
                "July-September; AP-08 Saltings Reach is excluded (estuary trust scheme); cap GBP "
                "1,650 a quarter.",
            ),
            ask(
                CODER,
                "Q3 grant claim per those terms: threshold 3.0 inclusive, AP-08 excluded, GBP 4.75 "
                "a hive, cap 1,650.",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip="", op=">=", threshold="g['threshold_varroa_per_100']", final=q.CAPPED
                ),
                "1650.00",
                mark="root",
            ),
            T(CODER, "393 qualifying hives is GBP 1,866.75, capped to GBP 1,650.00."),
            ask(CHECKER, "Q3 grant: GBP 1,650.00 after the cap. Check."),
            T(
                CHECKER,
                "Over the cap either way, so the cap decides it. GBP 1,650.00 stands.",
                mark="symptom",
            ),
            T(
                LEAD,
                "For Q3 2026 the co-operative can claim GBP 1,650.00 from the varroa treatment "
                "grant (the quarterly cap).",
            ),
        ],
        answer="1,650.00",
        expect="1,581.75",
        note="the cell leaves AP-08 in; with it out the claim is under the cap",
    ),
    Run(
        "marsh_13_column_name",
        CODE_FAILURE,
        q.MARSH_SEASON,
        [
            ask(CLERK, "Marsh district apiaries and when each opened."),
            read(CLERK, "apiaries.csv", "Marsh"),
            T(
                CLERK,
                "Marsh: AP-08 Saltings Reach (2016), AP-09 Reedbed Gate (opened 2026), AP-10 Sea "
                "Wall Cottages (2019).",
            ),
            ask(
                CODER,
                "Marsh honey April-September 2026 from honey_2026.csv, AP-08 and AP-10 only (AP-09 "
                "opened this year).",
            ),
            cell(CODER, BAD_KEY, "KeyError: 'honey'", mark="root"),
            T(CODER, "12 rows for the two sites; the season total is 2,485.4 kg.", mark="symptom"),
            ask(CHECKER, "Marsh season, AP-09 left out: 2,485.4 kg. Sign-off?"),
            T(CHECKER, "Twelve rows, two apiaries over six months. Signed off at 2,485.4 kg."),
            T(
                LEAD,
                "Leaving out Reedbed Gate, the Marsh apiaries took 2,485.4 kg of honey from April "
                "to September 2026.",
            ),
        ],
        answer="2,485.4",
        expect="2,458.4",
        note=(
            "the cell dies on a wrong column name after printing the row count; a total is given "
            "anyway"
        ),
    ),
    Run(
        "brookside_14_misspelt_name",
        CODE_FAILURE,
        q.BROOKSIDE_JUN,
        [
            ask(
                CODER,
                "Brookside Meadow (AP-05, organic) June 2026: value at prices_2026.json's organic "
                "price, less the levy there. Two decimals.",
            ),
            cell(CODER, MISSPELT, "NameError: name 'levvy' is not defined", mark="root"),
            T(CODER, "Gross comes to 4,015.56 for 261.6 kg."),
            ask(CHECKER, "Brookside June: gross GBP 4,015.56 from the coder. The net after levy?"),
            T(
                CHECKER,
                "Levy is already in the coder's working; take 4,015.56 as it stands.",
                mark="symptom",
            ),
            T(LEAD, "Brookside Meadow's June 2026 honey: GBP 4,015.56."),
        ],
        answer="4,015.56",
        expect="3,714.39",
        note="the last print crashes before the net figure; the gross is passed on as if net",
    ),
    Run(
        "queenless_15_text_summed",
        CODE_FAILURE,
        q.QUEENLESS_Q3,
        [
            ask(
                CLERK,
                "How many hives were inspected across the co-op in Q3 2026?",
                "Two counts, then a share.",
            ),
            read(CLERK, "inspections_2026.csv", "2026-0"),
            T(CLERK, "Summing hives_inspected for July, August and September: 574 hives."),
            ask(
                CODER,
                "Queenless colonies in Q3 2026 from inspections_2026.csv; I'll take it over 574.",
            ),
            cell(
                CODER,
                TEXT_SUM,
                "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
                mark="root",
            ),
            T(CODER, "Queenless count is in; send me the denominator if you want the share."),
            ask(
                CHECKER,
                "Queenless over 574 inspected in Q3. The coder has the count; I make it 19, so "
                "3.3%. Check.",
                mark="symptom",
            ),
            T(CHECKER, "19 of 574 is 3.3%. Fine."),
            T(LEAD, "3.3% of hives inspected in Q3 2026 were queenless."),
        ],
        answer="3.3%",
        expect="3.0%",
        note="the cell crashes summing text; a count of 19 appears from nowhere",
    ),
    Run(
        "marsh_16_wrong_year_refused",
        SELF_REPORT,
        q.MARSH_SEASON,
        [
            ask(CLERK, "Marsh apiaries' honey returns for the season; pull the rows."),
            read(CLERK, "honey_2025.csv", "AP-1", mark="root"),
            T(
                CLERK,
                "Sea Wall Cottages (AP-10) rows are in that file; the other Marsh returns aren't, "
                "so just AP-10.",
            ),
            ask(CODER, "Total AP-10's honey_kg for April-September from honey_2025.csv."),
            cell(
                CODER,
                "import csv\nprint(round(sum(float(r['honey_kg']) for r in "
                "csv.DictReader(open('honey_2025.csv'))"
                " if r['apiary_id'] == 'AP-10'), 1))",
                "1297.6",
            ),
            T(CODER, "1,297.6 kg for AP-10 over the season."),
            ask(
                CHECKER,
                "Marsh season honey, new sites excluded: 1,297.6 kg (AP-10's returns). Sign off?",
            ),
            read(CHECKER, "honey_2026.csv", "AP-08"),
            T(
                CHECKER,
                "Can't pass this. The figure is last year's file, and Saltings Reach has 2026 "
                "returns of its own that aren't in it. I don't have a season figure I can stand "
                "behind.",
                mark="symptom",
            ),
            T(
                LEAD,
                "I can't give you a checked Marsh total for April-September 2026 yet; our working "
                "mixed up the 2025 and 2026 returns.",
            ),
        ],
        answer="",
        expect="2,458.4",
        note="the clerk reads the 2025 file; the checker refuses and no figure goes out",
    ),
    Run(
        "grant_17_quarter_wrong_refused",
        SELF_REPORT,
        q.GRANT_Q3,
        [
            ask(
                CODER,
                "Varroa grant claim from treatment_grant.json and inspections_2026.csv for the "
                "quarter's months 2026-04 to 2026-06: threshold, AP-08 out, rate, cap.",
                "Straight to the coder; the terms are all in the JSON.",
                mark="root",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip=q.EXCLUDED,
                    op=">=",
                    threshold="g['threshold_varroa_per_100']",
                    final=q.CAPPED,
                ).replace("g['quarters']['Q3']", "g['quarters']['Q2']"),
                "299.25",
            ),
            T(CODER, "63 hives qualify: GBP 299.25."),
            ask(CHECKER, "Grant claim GBP 299.25, 63 hives. Check it."),
            read(CHECKER, "treatment_grant.json"),
            T(
                CHECKER,
                "That is the April-June quarter. The member asked about July to September. Sending "
                "it back; I won't sign a Q2 figure as Q3.",
                mark="symptom",
            ),
            T(
                LEAD,
                "Sorry, I don't have a checked Q3 grant figure to give you yet; I'll come back to "
                "you.",
            ),
        ],
        answer="",
        expect="1,581.75",
        note="the lead's brief names Q2's months; the checker sends it back",
    ),
    Run(
        "downs_18_digits_swapped",
        MISREPORTED,
        q.DOWNS_Q2,
        [
            ask(CODER, "Downs district honey, Q2 2026 (April-June), from honey_2026.csv."),
            cell(
                CODER,
                q.DISTRICT_SUM.format(
                    file="honey_2026.csv", district="Downs", months=q.Q2_26, skip=""
                ),
                "1885.9",
            ),
            T(CODER, "12 rows, total 1,858.9 kg.", mark="root"),
            ask(CHECKER, "Downs Q2 honey 1,858.9 kg, 12 rows. OK to go?"),
            T(CHECKER, "Four Downs sites, three months, 12 rows. OK: 1,858.9 kg.", mark="symptom"),
            ask(WRITER, "Bulletin line: Downs Q2 crop 1,858.9 kg."),
            T(WRITER, "The Downs sites had a good spring: 1,858.9 kg of honey from April to June."),
            T(LEAD, "The Downs district apiaries took 1,858.9 kg of honey in Q2 2026."),
        ],
        answer="1,858.9",
        expect="1,885.9",
        note="the cell printed 1885.9",
    ),
    Run(
        "brookside_19_net_misquoted",
        MISREPORTED,
        q.BROOKSIDE_JUN,
        [
            ask(CLERK, "Brookside Meadow: organic or not?"),
            read(CLERK, "apiaries.csv", "AP-05"),
            T(CLERK, "Yes, AP-05 is organic."),
            ask(
                CODER,
                "Brookside (AP-05) June 2026 value at the 2026 organic price, less the 2026 levy.",
            ),
            cell(
                CODER,
                q.VALUE.format(
                    prices="prices_2026.json", grade="organic", levy="p['coop_levy_pct']"
                ),
                "3714.39",
            ),
            T(CODER, "261.6 kg; gross 4,015.56; net GBP 3,741.39.", mark="root"),
            ask(CHECKER, "Brookside June net GBP 3,741.39. Check please."),
            T(
                CHECKER,
                "Organic price, 2026 levy, June weight. Fine: GBP 3,741.39.",
                mark="symptom",
            ),
            T(LEAD, "Brookside Meadow's June 2026 honey is worth GBP 3,741.39 after the levy."),
        ],
        answer="3,741.39",
        expect="3,714.39",
        note="printed 3714.39",
    ),
    Run(
        "vale_20_bulletin_figure",
        MISREPORTED,
        q.VALE_Q2_HIVE,
        [
            ask(CODER, "Vale Q2 2026: honey over summed hives_active. Two decimals."),
            cell(CODER, q.PER_HIVE.format(months=q.Q2_26), "8.32"),
            T(CODER, "9 rows, 1,488.7 kg, 179 hive-months: 8.32 kg."),
            ask(CHECKER, "Vale Q2 8.32 kg per hive (1,488.7 / 179). Check."),
            T(CHECKER, "1,488.7 / 179 = 8.32. Passed."),
            ask(WRITER, "Bulletin line and the answer: Vale Q2 yield 8.32 kg per active hive."),
            T(WRITER, "Vale hives averaged 8.23 kg of honey each over April to June.", mark="root"),
            T(
                LEAD,
                "Vale hives averaged 8.23 kg of honey each over April to June.",
                mark="symptom",
            ),
        ],
        answer="8.23",
        expect="8.32",
        note="the writer keys 8.32 as 8.23; the lead passes the line on",
    ),
]
