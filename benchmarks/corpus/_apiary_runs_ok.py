"""Honey desk runs that end right, near misses among them."""

from __future__ import annotations

from benchmarks.corpus import _apiary_tasks as q
from benchmarks.corpus._apiary_runs_b import BAD_KEY, TEXT_SUM
from benchmarks.corpus._apiary_team import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._apiary_team import Turn as T
from benchmarks.corpus._common import HEALTHY

DOWNS = q.DISTRICT_SUM.format(file="honey_2026.csv", district="Downs", months=q.Q2_26, skip="")
MARSH = q.DISTRICT_SUM.format(
    file="honey_2026.csv",
    district="Marsh",
    months=q.SEASON_26,
    skip=" and r['apiary_id'] != 'AP-09'",
)
VALUE = q.VALUE.format(prices="prices_2026.json", grade="organic", levy="p['coop_levy_pct']")
GRANT = q.GRANT.format(
    skip=q.EXCLUDED, op=">=", threshold="g['threshold_varroa_per_100']", final=q.CAPPED
)
QUEENLESS = q.QUEENLESS.format(months=q.Q3_26, col="hives_inspected")

RUNS: list[Run] = [
    Run(
        "downs_ok_01_plain",
        HEALTHY,
        q.DOWNS_Q2,
        [
            ask(
                CLERK,
                "List the Downs district apiaries with their ids.",
                "Sites first, then the quarter's sum.",
            ),
            read(CLERK, "apiaries.csv", "Downs"),
            T(
                CLERK,
                "Downs: AP-01 Larkrise Farm, AP-02 Chalk Pit Lane, AP-03 Hollow Oak, AP-04 "
                "Windmill Hill (new this year).",
            ),
            ask(
                CODER,
                "Sum honey_kg in honey_2026.csv for AP-01 to AP-04 over 2026-04 to 2026-06; rows "
                "and total.",
            ),
            cell(CODER, DOWNS, "1885.9"),
            T(CODER, "12 rows (four sites, three months): 1,885.9 kg."),
            ask(CHECKER, "Downs Q2 2026 honey: 1,885.9 kg from honey_2026.csv, 12 rows. Check."),
            T(CHECKER, "Right file, right months, all four sites. Passed: 1,885.9 kg."),
            T(LEAD, "The Downs district apiaries took 1,885.9 kg of honey in Q2 2026."),
        ],
        answer="1,885.9",
        expect="1,885.9",
    ),
    Run(
        "hollow_ok_02_plain",
        HEALTHY,
        q.HOLLOW_JUN,
        [
            ask(CLERK, "Hollow Oak: its id, and its June 2026 honey and active hives."),
            read(CLERK, "apiaries.csv", "Hollow Oak"),
            read(CLERK, "honey_2026.csv", "AP-03,2026-06"),
            T(CLERK, "Hollow Oak is AP-03. June 2026: 317.7 kg, 30 active hives."),
            ask(CODER, "317.7 / 30, two decimals."),
            cell(CODER, "print(f'{317.7 / 30:.2f}')", "10.59"),
            T(CODER, "10.59."),
            ask(CHECKER, "Hollow Oak June 2026: 317.7 kg over 30 hives = 10.59 kg. Check the row."),
            read(CHECKER, "honey_2026.csv", "AP-03,2026-06"),
            T(CHECKER, "Row agrees: 317.7 kg, 30 hives. 10.59 kg passes."),
            T(LEAD, "Hollow Oak took 10.59 kg of honey per active hive in June 2026."),
        ],
        answer="10.59",
        expect="10.59",
    ),
    Run(
        "vale_ok_03_with_bulletin",
        HEALTHY,
        q.VALE_JUL,
        [
            ask(
                CODER,
                "Vale district July honey, 2025 (honey_2025.csv) against 2026 (honey_2026.csv): "
                "percent change on 2025, one decimal, signed.",
            ),
            cell(CODER, q.CHANGE.format(m="07", base="old"), "-2.3"),
            T(CODER, "880.8 kg in July 2025, 860.8 kg in July 2026: -2.3%."),
            ask(CHECKER, "Vale July: 880.8 -> 860.8 kg, -2.3%. Check it."),
            read(CHECKER, "honey_2025.csv", "2025-07"),
            T(CHECKER, "2025 rows for AP-05, 06 and 07 make 880.8. -2.3% is right."),
            ask(
                WRITER,
                "One line for the bulletin: Vale July honey down 2.3% on last year (880.8 to 860.8 "
                "kg).",
            ),
            T(WRITER, "Vale's July crop dipped slightly, down 2.3% on last year at 860.8 kg."),
            T(LEAD, "Vale's July honey changed by -2.3% from 2025 to 2026 (880.8 kg to 860.8 kg)."),
        ],
        answer="-2.3%",
        expect="-2.3%",
    ),
    Run(
        "queenless_ok_04_plain",
        HEALTHY,
        q.QUEENLESS_Q3,
        [
            ask(
                CODER,
                "Co-op wide, Q3 2026: total queenless over total hives_inspected in "
                "inspections_2026.csv. Percent, one decimal.",
            ),
            cell(CODER, QUEENLESS, "3.0"),
            T(CODER, "30 inspection rows; 17 queenless of 574 hives inspected: 3.0%."),
            ask(CHECKER, "Q3 queenless 17 of 574 = 3.0%. Check."),
            T(CHECKER, "Pooled over the hives, as it should be. 3.0% passes."),
            T(
                LEAD,
                "3.0% of hives inspected across the co-operative in Q3 2026 were found queenless "
                "(17 of 574).",
            ),
        ],
        answer="3.0%",
        expect="3.0%",
    ),
    Run(
        "brookside_ok_05_plain",
        HEALTHY,
        q.BROOKSIDE_JUN,
        [
            ask(CLERK, "Brookside Meadow: grade, and the 2026 price list."),
            read(CLERK, "apiaries.csv", "Brookside"),
            read(CLERK, "prices_2026.json"),
            T(CLERK, "Brookside Meadow (AP-05) is organic: GBP 15.35/kg in 2026, levy 7.5%."),
            ask(
                CODER,
                "AP-05 June 2026 kg from honey_2026.csv, at prices_2026.json's organic price, less "
                "its levy.",
            ),
            cell(CODER, VALUE, "3714.39"),
            T(CODER, "261.6 kg, gross 4,015.56, net GBP 3,714.39."),
            ask(CHECKER, "Brookside June net GBP 3,714.39. Check."),
            T(CHECKER, "2026 organic price, 2026 levy, June weight. GBP 3,714.39 is good."),
            T(
                LEAD,
                "Brookside Meadow's June 2026 honey is worth GBP 3,714.39 after the co-operative's "
                "levy.",
            ),
        ],
        answer="3,714.39",
        expect="3,714.39",
    ),
    Run(
        "grant_ok_06_plain",
        HEALTHY,
        q.GRANT_Q3,
        [
            ask(CLERK, "The grant terms, please."),
            read(CLERK, "treatment_grant.json"),
            T(
                CLERK,
                "GBP 4.75 a hive at or above 3.0 mites per 100; AP-08 excluded; cap GBP 1,650 a "
                "quarter; Q3 is July-September.",
            ),
            ask(CODER, "Q3 claim on those terms: inclusive threshold, AP-08 out, cap applied."),
            cell(CODER, GRANT, "1581.75"),
            T(CODER, "17 rows, 333 hives: GBP 1,581.75, below the cap."),
            ask(CHECKER, "Q3 grant claim GBP 1,581.75. Check."),
            T(CHECKER, "Exclusion in, threshold inclusive, cap not reached. Passed."),
            T(
                LEAD,
                "The co-operative can claim GBP 1,581.75 from the varroa treatment grant for Q3 "
                "2026.",
            ),
        ],
        answer="1,581.75",
        expect="1,581.75",
    ),
    Run(
        "marsh_ok_07_plain",
        HEALTHY,
        q.MARSH_SEASON,
        [
            ask(CLERK, "Marsh apiaries and opening years."),
            read(CLERK, "apiaries.csv", "Marsh"),
            T(CLERK, "AP-08 (2016), AP-09 Reedbed Gate (2026), AP-10 (2019)."),
            ask(CODER, "Marsh honey April-September 2026 without AP-09 (opened 2026)."),
            cell(CODER, MARSH, "2458.4"),
            T(CODER, "12 rows, 2,458.4 kg."),
            ask(CHECKER, "Marsh season without Reedbed Gate: 2,458.4 kg. Check."),
            T(CHECKER, "Two sites by six months, AP-09 left out. Passed, 2,458.4 kg."),
            T(
                LEAD,
                "Leaving out Reedbed Gate (opened 2026), the Marsh apiaries took 2,458.4 kg of "
                "honey from April to September 2026.",
            ),
        ],
        answer="2,458.4",
        expect="2,458.4",
    ),
    Run(
        "vale_ok_08_per_hive",
        HEALTHY,
        q.VALE_Q2_HIVE,
        [
            ask(
                CODER,
                "Vale, Q2 2026: honey_kg total over summed hives_active from honey_2026.csv. Two "
                "decimals.",
            ),
            cell(CODER, q.PER_HIVE.format(months=q.Q2_26), "8.32"),
            T(CODER, "1,488.7 kg over 179 hive-months: 8.32 kg."),
            ask(CHECKER, "Vale Q2 8.32 kg a hive. Check."),
            cell(CHECKER, "print(f'{1488.7 / 179:.2f}')", "8.32"),
            T(CHECKER, "8.32 confirmed."),
            ask(WRITER, "Bulletin: Vale averaged 8.32 kg a hive in Q2."),
            T(WRITER, "Vale hives averaged 8.32 kg of honey each from April to June."),
            T(LEAD, "Vale took 8.32 kg of honey per active hive in Q2 2026."),
        ],
        answer="8.32",
        expect="8.32",
    ),
    Run(
        "marsh_ok_09_crash_fixed",
        HEALTHY,
        q.MARSH_SEASON,
        [
            ask(
                CODER,
                "Marsh honey for the season (April-September 2026), leaving out AP-09, which "
                "opened in 2026.",
            ),
            cell(CODER, BAD_KEY, "KeyError: 'honey'"),
            T(
                CODER,
                "KeyError: the column is honey_kg, not honey. Fixing it.",
                ("run_python", {"code": MARSH.strip() + "\n"}),
                "2458.4",
            ),
            T(CODER, "Fixed: 12 rows, 2,458.4 kg."),
            ask(CHECKER, "Marsh season, AP-09 out: 2,458.4 kg after a column fix. Check."),
            T(CHECKER, "The rerun is clean and the rows are right. 2,458.4 kg."),
            T(
                LEAD,
                "The Marsh apiaries, Reedbed Gate left out, took 2,458.4 kg from April to "
                "September 2026.",
            ),
        ],
        answer="2,458.4",
        expect="2,458.4",
    ),
    Run(
        "brookside_ok_10_old_list_caught",
        HEALTHY,
        q.BROOKSIDE_JUN,
        [
            ask(
                CODER,
                "Brookside Meadow (AP-05, organic), June 2026: value at the organic price less the "
                "levy. Two decimals.",
            ),
            cell(
                CODER,
                q.VALUE.format(
                    prices="prices_2025.json", grade="organic", levy="p['coop_levy_pct']"
                ),
                "3491.84",
            ),
            T(CODER, "261.6 kg, GBP 3,491.84 net."),
            ask(CHECKER, "Brookside June GBP 3,491.84 net. Check the price and levy."),
            read(CHECKER, "prices_2026.json"),
            T(
                CHECKER,
                "That used the 2025 list (14.20, 6%). The 2026 list is 15.35 and 7.5%. Redo it on "
                "prices_2026.json.",
            ),
            ask(CODER, "Redo Brookside on prices_2026.json: organic 15.35, levy 7.5%."),
            cell(CODER, VALUE, "3714.39"),
            T(CODER, "On the 2026 list: GBP 3,714.39."),
            ask(CHECKER, "Redone on the 2026 list: GBP 3,714.39."),
            T(CHECKER, "Now it's right. Passed."),
            T(LEAD, "Brookside Meadow's June 2026 honey is worth GBP 3,714.39 after the levy."),
        ],
        answer="3,714.39",
        expect="3,714.39",
    ),
    Run(
        "queenless_ok_11_lookup_retried",
        HEALTHY,
        q.QUEENLESS_Q3,
        [
            ask(CLERK, "Pull the Q3 2026 inspection rows."),
            read(CLERK, "inspections_q3.csv"),
            T(
                CLERK,
                "No such file; the listing has inspections_2026.csv instead.",
                ("read_file", {"name": "inspections_2026.csv", "contains": "2026-08"}),
            ),
            T(
                CLERK,
                "inspections_2026.csv holds every month, July to September included, with "
                "hives_inspected and queenless per site.",
            ),
            ask(
                CODER,
                "From inspections_2026.csv, 2026-07..09: queenless over hives_inspected, pooled. "
                "One decimal.",
            ),
            cell(CODER, QUEENLESS, "3.0"),
            T(CODER, "17 / 574 = 3.0%."),
            ask(CHECKER, "Q3 queenless 3.0% (17 / 574). Check."),
            T(CHECKER, "Good: 3.0%."),
            T(LEAD, "3.0% of the hives inspected in Q3 2026 were queenless."),
        ],
        answer="3.0%",
        expect="3.0%",
    ),
    Run(
        "grant_ok_12_exclusion_caught",
        HEALTHY,
        q.GRANT_Q3,
        [
            ask(
                CODER,
                "Q3 2026 varroa grant claim from treatment_grant.json and the inspection log.",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip="", op=">=", threshold="g['threshold_varroa_per_100']", final=q.CAPPED
                ),
                "1650.00",
            ),
            T(CODER, "393 hives, GBP 1,866.75, capped: GBP 1,650.00."),
            ask(CHECKER, "Q3 grant GBP 1,650.00 (cap). Check it against the terms."),
            read(CHECKER, "treatment_grant.json"),
            T(
                CHECKER,
                "AP-08 is excluded in the terms and the cell kept it in. Rerun without Saltings "
                "Reach.",
            ),
            ask(CODER, "Rerun Q3 leaving out excluded_apiary_ids (AP-08)."),
            cell(CODER, GRANT, "1581.75"),
            T(CODER, "333 hives: GBP 1,581.75, under the cap now."),
            ask(CHECKER, "Rerun: GBP 1,581.75."),
            T(CHECKER, "Passed at GBP 1,581.75."),
            T(LEAD, "The co-operative's Q3 2026 claim under the varroa grant is GBP 1,581.75."),
        ],
        answer="1,581.75",
        expect="1,581.75",
    ),
    Run(
        "vale_ok_13_writer_sent_back",
        HEALTHY,
        q.VALE_JUL,
        [
            ask(
                CODER,
                "Percent change in Vale's July honey, 2025 to 2026, on 2025. One decimal, signed.",
            ),
            cell(CODER, q.CHANGE.format(m="07", base="old"), "-2.3"),
            T(CODER, "-2.3% (880.8 -> 860.8 kg)."),
            ask(CHECKER, "Vale July change -2.3%. Check."),
            T(CHECKER, "Fine."),
            ask(WRITER, "Bulletin line: Vale July honey -2.3% on 2025."),
            T(WRITER, "Vale's July honey was down -2.27% on last year."),
            ask(
                WRITER,
                "One decimal, as the member asked: -2.3%. And 'down -' reads twice; say it once.",
            ),
            T(WRITER, "Vale's July honey was down 2.3% on last year (-2.3%)."),
            T(LEAD, "Vale's July honey changed by -2.3% from 2025 to 2026."),
        ],
        answer="-2.3%",
        expect="-2.3%",
    ),
    Run(
        "downs_ok_14_new_site_questioned",
        HEALTHY,
        q.DOWNS_Q2,
        [
            ask(CODER, "Downs district honey, April-June 2026, honey_2026.csv. Rows and total."),
            cell(CODER, DOWNS, "1885.9"),
            T(CODER, "12 rows: 1,885.9 kg."),
            ask(CHECKER, "Downs Q2 1,885.9 kg. Check."),
            T(
                CHECKER,
                "Windmill Hill only opened this year. Does it have real returns for the quarter, "
                "or are those placeholders?",
            ),
            ask(
                CLERK,
                "Windmill Hill (AP-04): does honey_2026.csv hold actual returns for April to June?",
            ),
            read(CLERK, "honey_2026.csv", "AP-04"),
            T(
                CLERK,
                "Yes: AP-04 filed returns every month from April, 220.1 kg across April to June.",
            ),
            ask(CHECKER, "Clerk confirms AP-04's returns are on file. 1,885.9 kg stands?"),
            T(CHECKER, "Then it counts. 1,885.9 kg passed."),
            T(LEAD, "The Downs apiaries took 1,885.9 kg of honey in Q2 2026."),
        ],
        answer="1,885.9",
        expect="1,885.9",
    ),
    Run(
        "queenless_ok_15_text_fixed",
        HEALTHY,
        q.QUEENLESS_Q3,
        [
            ask(CODER, "Q3 2026 queenless share of hives inspected, from inspections_2026.csv."),
            cell(CODER, TEXT_SUM, "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
            T(
                CODER,
                "Summed the text column; converting to int and adding the denominator.",
                ("run_python", {"code": QUEENLESS.strip() + "\n"}),
                "3.0",
            ),
            T(CODER, "17 of 574 hives: 3.0%."),
            ask(CHECKER, "Q3 queenless 3.0% after a fix. Check."),
            T(CHECKER, "Clean rerun, pooled properly. 3.0%."),
            ask(WRITER, "Bulletin: 3.0% of hives inspected in Q3 were queenless."),
            T(
                WRITER,
                "Queenless colonies were 3.0% of the hives inspected this summer (17 of 574).",
            ),
            T(LEAD, "3.0% of hives inspected in Q3 2026 were queenless (17 of 574)."),
        ],
        answer="3.0%",
        expect="3.0%",
    ),
]
