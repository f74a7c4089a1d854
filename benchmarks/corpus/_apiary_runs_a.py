"""Honey desk runs that go wrong upstream: a misread figure, the wrong file, the plan, a guess."""

from __future__ import annotations

from benchmarks.corpus import _apiary_tasks as q
from benchmarks.corpus._apiary_team import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._apiary_team import Turn as T
from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE

VALUE_AT = """
kg, price, levy = 261.6, {price}, {levy}
gross = kg * price
print('gross', round(gross, 2))
print(f'{{gross * (1 - levy / 100):.2f}}')
"""

RUNS: list[Run] = [
    Run(
        "hollow_01_hives_misread",
        WRONG_INPUT,
        q.HOLLOW_JUN,
        [
            ask(
                CLERK, "Hollow Oak's June 2026 line from honey_2026.csv: honey_kg and hives_active."
            ),
            read(CLERK, "apiaries.csv", "Hollow Oak"),
            read(CLERK, "honey_2026.csv", "AP-03"),
            T(
                CLERK,
                "Hollow Oak is AP-03 (Downs). June 2026: 317.7 kg off 36 active hives.",
                mark="root",
            ),
            ask(CODER, "Divide 317.7 kg by 36 active hives (Hollow Oak, June 2026). Two decimals."),
            cell(CODER, "print(f'{317.7 / 36:.2f}')", "8.82"),
            T(CODER, "317.7 / 36 = 8.82 kg a hive."),
            ask(
                CHECKER,
                "Hollow Oak, June 2026: 317.7 kg over 36 hives = 8.82 kg per hive. Sign it off?",
            ),
            T(
                CHECKER,
                "Division's right and 317.7 kg is the June return. Passed: 8.82 kg per hive.",
                mark="symptom",
            ),
            T(
                LEAD,
                "Hollow Oak took 8.82 kg of honey per active hive in June 2026 (317.7 kg, 36 "
                "hives).",
            ),
        ],
        answer="8.82",
        expect="10.59",
        note="the clerk reads hives_active 30 as 36; the division and the check go through",
    ),
    Run(
        "brookside_02_price_transposed",
        WRONG_INPUT,
        q.BROOKSIDE_JUN,
        [
            ask(
                CLERK,
                "Brookside Meadow: is it organic, what did it take in June 2026, and what are the "
                "2026 organic price and levy?",
                "Three inputs, then one sum.",
            ),
            read(CLERK, "apiaries.csv", "Brookside"),
            read(CLERK, "prices_2026.json"),
            T(
                CLERK,
                "Brookside Meadow (AP-05, Vale) is registered organic. 2026 list: organic honey "
                "GBP 13.55/kg, levy 7.5%. Its June honey is in honey_2026.csv as 261.6 kg.",
                mark="root",
            ),
            ask(CODER, "261.6 kg at GBP 13.55/kg, less the 7.5% levy. Two decimals."),
            cell(CODER, VALUE_AT.format(price="13.55", levy="7.5"), "3278.83"),
            T(CODER, "Gross GBP 3,544.68; after 7.5% levy GBP 3,278.83."),
            ask(
                CHECKER,
                "Brookside June: 261.6 kg x GBP 13.55 less 7.5% = GBP 3,278.83. Please check.",
            ),
            T(
                CHECKER,
                "Weight agrees with the June return, the levy is 7.5% for 2026 and the sum holds. "
                "Fine to send: GBP 3,278.83.",
                mark="symptom",
            ),
            T(LEAD, "Brookside Meadow's June 2026 honey is worth GBP 3,278.83 after the levy."),
        ],
        answer="3,278.83",
        expect="3,714.39",
        note="15.35 read as 13.55",
    ),
    Run(
        "brookside_03_levy_rekeyed",
        WRONG_INPUT,
        q.BROOKSIDE_JUN,
        [
            ask(CLERK, "Brookside Meadow's June 2026 kg, its grade, and the 2026 price list."),
            read(CLERK, "honey_2026.csv", "AP-05,2026-06"),
            read(CLERK, "prices_2026.json"),
            T(
                CLERK,
                "AP-05 June 2026: 261.6 kg. It's organic, so GBP 15.35/kg; the 2026 levy is 7.5%.",
            ),
            ask(
                CODER,
                "Value 261.6 kg at GBP 15.35/kg and take off the co-op levy of 5.7%. Two decimals.",
                mark="root",
            ),
            cell(CODER, VALUE_AT.format(price="15.35", levy="5.7"), "3786.67"),
            T(CODER, "Gross 4,015.56, net of 5.7% = GBP 3,786.67."),
            ask(CHECKER, "Brookside June value: GBP 3,786.67 net. Quick look please."),
            T(
                CHECKER,
                "Price is the organic one and the arithmetic is sound. OK, GBP 3,786.67.",
                mark="symptom",
            ),
            ask(
                WRITER, "One line for the bulletin: Brookside Meadow June honey, GBP 3,786.67 net."
            ),
            T(
                WRITER,
                "Brookside Meadow's June crop is worth GBP 3,786.67 to the member after the co-op "
                "levy.",
            ),
            T(
                LEAD,
                "GBP 3,786.67: Brookside Meadow's June 2026 honey at the 2026 organic price, net "
                "of levy.",
            ),
        ],
        answer="3,786.67",
        expect="3,714.39",
        note="the lead's brief keys the 7.5% levy as 5.7%",
    ),
    Run(
        "brookside_04_last_years_list",
        WRONG_SOURCE,
        q.BROOKSIDE_JUN,
        [
            ask(
                CLERK,
                "Price list and levy for Brookside Meadow's June honey, please, and its grade.",
            ),
            read(CLERK, "prices_2025.json", mark="root"),
            T(CLERK, "Organic honey GBP 14.20/kg, levy 6.0%. Brookside (AP-05) is organic."),
            ask(
                CODER,
                "Brookside Meadow (AP-05) June 2026 kg from honey_2026.csv, at GBP 14.20/kg "
                "organic, "
                "less 6.0% levy.",
            ),
            cell(
                CODER,
                q.VALUE.format(
                    prices="prices_2025.json", grade="organic", levy="p['coop_levy_pct']"
                ),
                "3491.84",
            ),
            T(CODER, "261.6 kg, gross 3,714.72, net GBP 3,491.84."),
            ask(
                CHECKER,
                "Brookside June 2026 net value GBP 3,491.84. Check before it goes to the member.",
            ),
            cell(CHECKER, "print(round(261.6 * 14.20 * 0.94, 2))", "3491.84"),
            T(CHECKER, "Reran it: 3491.84. Agreed.", mark="symptom"),
            T(
                LEAD,
                "Brookside Meadow's June 2026 honey comes to GBP 3,491.84 after the co-operative's "
                "levy.",
            ),
        ],
        answer="3,491.84",
        expect="3,714.39",
        note="the clerk opens last year's price list",
    ),
    Run(
        "downs_05_old_returns",
        WRONG_SOURCE,
        q.DOWNS_Q2,
        [
            ask(
                CLERK, "Which apiaries are in the Downs district?", "Apiaries first, then the sum."
            ),
            read(CLERK, "apiaries.csv", "Downs"),
            T(
                CLERK,
                "Downs: AP-01 Larkrise Farm, AP-02 Chalk Pit Lane, AP-03 Hollow Oak, AP-04 "
                "Windmill Hill.",
            ),
            ask(
                CODER,
                "Sum honey_kg over the Downs apiaries for April to June 2026. Row count and total.",
            ),
            cell(
                CODER,
                q.DISTRICT_SUM.format(
                    file="honey_2025.csv",
                    district="Downs",
                    months="('2025-04', '2025-05', '2025-06')",
                    skip="",
                ),
                "1792.3",
                mark="root",
            ),
            T(CODER, "9 rows, 1,792.3 kg for the quarter."),
            ask(CHECKER, "Downs Q2 honey: 1,792.3 kg from 9 rows. Pass or fail?"),
            T(
                CHECKER,
                "Nine rows is three apiaries by three months; Windmill Hill has no return, which "
                "fits a new site. Pass: 1,792.3 kg.",
                mark="symptom",
            ),
            T(LEAD, "The Downs apiaries took 1,792.3 kg of honey in Q2 2026."),
        ],
        answer="1,792.3",
        expect="1,885.9",
        note="the coder's cell reads honey_2025.csv",
    ),
    Run(
        "downs_06_quarter_into_july",
        BAD_SPLIT,
        q.DOWNS_Q2,
        [
            ask(
                CODER,
                "Downs district honey for the Q2 flow: the spring flow runs through to the July "
                "lime, "
                "so take honey_2026.csv months 2026-04 to 2026-07. Total kg.",
                "Our spring quarter for honey is April-July; one sum does it.",
                mark="root",
            ),
            cell(
                CODER,
                q.DISTRICT_SUM.format(
                    file="honey_2026.csv",
                    district="Downs",
                    months="('2026-04', '2026-05', '2026-06', '2026-07')",
                    skip="",
                ),
                "3100.2",
            ),
            T(CODER, "16 rows: 3,100.2 kg April to July."),
            ask(CHECKER, "Downs, Q2 honey season April-July 2026: 3,100.2 kg. Check the sum."),
            read(CHECKER, "honey_2026.csv", "AP-04"),
            T(
                CHECKER,
                "Windmill Hill's rows are in, 16 rows for four apiaries over four months. Good: "
                "3,100.2 kg.",
                mark="symptom",
            ),
            T(LEAD, "Downs district apiaries: 3,100.2 kg of honey in Q2 2026."),
        ],
        answer="3,100.2",
        expect="1,885.9",
        note="the lead plans the quarter as April to July",
    ),
    Run(
        "queenless_07_registered_base",
        BAD_SPLIT,
        q.QUEENLESS_Q3,
        [
            ask(
                CLERK,
                "Total hives_registered across all apiaries in apiaries.csv; we'll take three "
                "months of that as the hives inspected in Q3.",
                "Plan: queenless colonies from the log over the registered hives for the quarter.",
                mark="root",
            ),
            read(CLERK, "apiaries.csv"),
            T(
                CLERK,
                "Registered hives total 210 across the ten apiaries, so 630 hive-months for Q3.",
            ),
            ask(
                CODER,
                "Sum queenless in inspections_2026.csv for 2026-07..09, divide by 630. Percent, "
                "one decimal.",
            ),
            cell(
                CODER,
                "import csv\nq3 = ('2026-07', '2026-08', '2026-09')\n"
                "lost = sum(int(r['queenless']) for r in "
                "csv.DictReader(open('inspections_2026.csv'))"
                " if r['month'] in q3)\nprint(lost)\nprint(f'{lost / 630 * 100:.1f}')",
                "2.7",
            ),
            T(CODER, "17 queenless over 630: 2.7%."),
            ask(CHECKER, "Q3 queenless share 2.7% (17 of 630 registered hive-months). OK?"),
            T(CHECKER, "17 matches the log for July to September. 2.7% it is.", mark="symptom"),
            T(LEAD, "2.7% of hives were found queenless in Q3 2026."),
        ],
        answer="2.7%",
        expect="3.0%",
        note="the lead's plan puts registered hives where the inspected ones belong",
    ),
    Run(
        "downs_08_new_site_left_out",
        BAD_ASSUMPTION,
        q.DOWNS_Q2,
        [
            ask(CLERK, "The Downs apiaries, with their opening years."),
            read(CLERK, "apiaries.csv", "Downs"),
            T(
                CLERK,
                "Downs: AP-01, AP-02, AP-03, and AP-04 Windmill Hill opened 2026. A first-year "
                "site "
                "is on nucs and its honey stays on the hives, so leave AP-04 out of the crop.",
                mark="root",
            ),
            ask(CODER, "Downs Q2 2026 honey from honey_2026.csv for AP-01, AP-02 and AP-03 only."),
            cell(
                CODER,
                q.DISTRICT_SUM.format(
                    file="honey_2026.csv",
                    district="Downs",
                    months=q.Q2_26,
                    skip=" and r['apiary_id'] != 'AP-04'",
                ),
                "1665.8",
            ),
            T(CODER, "9 rows, 1,665.8 kg."),
            ask(CHECKER, "Downs Q2: 1,665.8 kg (Windmill Hill out as a first-year site). Check?"),
            T(
                CHECKER,
                "Totals agree with the three sites' returns. Approved, 1,665.8 kg.",
                mark="symptom",
            ),
            T(LEAD, "Downs district, Q2 2026: 1,665.8 kg of honey."),
        ],
        answer="1,665.8",
        expect="1,885.9",
        note="Windmill Hill's returns are on file; the clerk assumes they do not count",
    ),
    Run(
        "grant_09_strictly_above",
        BAD_ASSUMPTION,
        q.GRANT_Q3,
        [
            ask(CLERK, "Terms of the varroa treatment grant: rate, threshold, exclusions, cap."),
            read(CLERK, "treatment_grant.json"),
            T(
                CLERK,
                "GBP 4.75 per hive; a colony qualifies once the count is over 3.0 mites per 100, "
                "so "
                "a reading of exactly 3.0 is still under the line. AP-08 excluded; cap GBP 1,650 a "
                "quarter.",
                mark="root",
            ),
            ask(
                CODER,
                "Q3 2026 claim: hives inspected where varroa_per_100 > 3.0, AP-08 out, GBP 4.75 "
                "each, cap 1,650.",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip=q.EXCLUDED,
                    op=">",
                    threshold="g['threshold_varroa_per_100']",
                    final=q.CAPPED,
                ),
                "1524.75",
            ),
            T(CODER, "16 rows, 321 hives, GBP 1,524.75, under the cap."),
            ask(CHECKER, "Grant claim Q3: GBP 1,524.75 (321 hives over 3.0, AP-08 out). Check."),
            T(
                CHECKER,
                "Exclusion applied, cap not reached, rate right. Passed at GBP 1,524.75.",
                mark="symptom",
            ),
            T(LEAD, "The co-operative can claim GBP 1,524.75 from the varroa grant for Q3 2026."),
        ],
        answer="1,524.75",
        expect="1,581.75",
        note="the terms say 'at or above'; the clerk reads it as strictly over",
    ),
]
