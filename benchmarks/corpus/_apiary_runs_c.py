"""Honey desk runs resting on figures nobody read, tool errors passed over, or a dropped "
"condition."""

from __future__ import annotations

from benchmarks.corpus import _apiary_tasks as q
from benchmarks.corpus._apiary_team import CHECKER, CLERK, CODER, LEAD, WRITER, Run, ask, cell, read
from benchmarks.corpus._apiary_team import Turn as T
from benchmarks.corpus._common import LOST_CONSTRAINT, MADE_UP, TOOL_FAILURE

VALE_JULY_2026 = """
import csv
vale = {r['apiary_id'] for r in csv.DictReader(open('apiaries.csv')) if r['district'] == 'Vale'}
new = sum(float(r['honey_kg']) for r in csv.DictReader(open('honey_2026.csv'))
          if r['apiary_id'] in vale and r['month'] == '2026-07')
print(round(new, 1))
print(f'{(new - 910.0) / 910.0 * 100:+.1f}')
"""

PLACEHOLDER_PRICE = """
kg = 261.6
price = 15.00  # organic list price, stand-in until the 2026 list is to hand
print(round(kg * price, 2))
print(f'{kg * price * 0.925:.2f}')
"""

RUNS: list[Run] = [
    Run(
        "vale_21_last_year_recalled",
        MADE_UP,
        q.VALE_JUL,
        [
            ask(
                CLERK, "Vale district's July honey, 2025 and 2026.", "Two totals, then the change."
            ),
            T(
                CLERK,
                "July 2025 for Vale was about 910 kg, the figure we gave the AGM last autumn. "
                "I'll leave the 2026 sum to the coder.",
                mark="root",
            ),
            ask(
                CODER,
                "Vale July 2026 honey from honey_2026.csv; percent change against 910 kg for July "
                "2025. One decimal, signed.",
            ),
            cell(CODER, VALE_JULY_2026, "-5.4"),
            T(CODER, "July 2026: 860.8 kg. Against 910 kg that's -5.4%."),
            ask(CHECKER, "Vale July change 2025 to 2026: -5.4% (910 -> 860.8 kg). Check."),
            cell(CHECKER, "print(f'{(860.8 - 910) / 910 * 100:+.1f}')", "-5.4"),
            T(CHECKER, "Recomputed -5.4%. OK.", mark="symptom"),
            T(LEAD, "Vale's July honey fell 5.4% from 2025 to 2026 (-5.4%)."),
        ],
        answer="-5.4%",
        expect="-2.3%",
        note="the clerk quotes July 2025 from memory; honey_2025.csv says 880.8 kg",
    ),
    Run(
        "brookside_22_stand_in_price",
        MADE_UP,
        q.BROOKSIDE_JUN,
        [
            ask(CLERK, "Brookside Meadow's June 2026 honey in kg, and is it organic?"),
            read(CLERK, "honey_2026.csv", "AP-05"),
            T(CLERK, "AP-05 (organic) took 261.6 kg in June 2026."),
            ask(
                CODER, "Value 261.6 kg of organic honey at the 2026 list price, less the 7.5% levy."
            ),
            cell(CODER, PLACEHOLDER_PRICE, "3629.70", mark="root"),
            T(CODER, "At GBP 15.00/kg organic: gross 3,924.00, net GBP 3,629.70."),
            ask(CHECKER, "Brookside June net value GBP 3,629.70. Look it over."),
            T(CHECKER, "Weight and levy are right. GBP 3,629.70 approved.", mark="symptom"),
            ask(WRITER, "Write up Brookside's June value for the member: GBP 3,629.70 net."),
            T(WRITER, "Brookside Meadow's June honey: GBP 3,629.70 to the member, levy taken."),
            T(LEAD, "Brookside Meadow's June 2026 honey is worth GBP 3,629.70 after the levy."),
        ],
        answer="3,629.70",
        expect="3,714.39",
        note="the coder puts in a round 15.00 for the 15.35 on the list",
    ),
    Run(
        "queenless_23_sheet_not_found",
        TOOL_FAILURE,
        q.QUEENLESS_Q3,
        [
            ask(CLERK, "Queenless colonies and hives inspected for Q3 2026, co-op wide."),
            read(CLERK, "inspections_q3_2026.csv", mark="root"),
            T(
                CLERK,
                "Nothing came back for Q3 inspections, so no queenless colonies are recorded for "
                "July to September: 0 queenless.",
            ),
            ask(CHECKER, "Q3 queenless: none recorded, so 0.0%. Agree?"),
            T(
                CHECKER,
                "If nothing was logged as queenless, 0.0% is the figure. Agreed.",
                mark="symptom",
            ),
            T(LEAD, "No hives were found queenless in Q3 2026: 0.0%."),
        ],
        answer="0.0%",
        expect="3.0%",
        note=(
            "the read fails (no such file, the listing shows inspections_2026.csv); read as an "
            "empty log"
        ),
    ),
    Run(
        "hollow_24_register_not_found",
        TOOL_FAILURE,
        q.HOLLOW_JUN,
        [
            ask(CLERK, "Hollow Oak's apiary id, then its June 2026 return (kg and active hives)."),
            read(CLERK, "apiary_register.csv", "Hollow Oak", mark="root"),
            read(CLERK, "honey_2026.csv", "AP-01,2026-06"),
            T(
                CLERK,
                "Hollow Oak is the first on the register, AP-01: June 2026 242.0 kg, 24 active "
                "hives.",
            ),
            ask(CODER, "242.0 kg over 24 hives, two decimals."),
            cell(CODER, "print(f'{242.0 / 24:.2f}')", "10.08"),
            T(CODER, "10.08 kg per hive."),
            ask(CHECKER, "Hollow Oak (AP-01) June: 10.08 kg per active hive. Check."),
            read(CHECKER, "honey_2026.csv", "AP-01,2026-06"),
            T(CHECKER, "AP-01's June row: 242.0 kg, 24 hives. 10.08 is right.", mark="symptom"),
            T(LEAD, "Hollow Oak took 10.08 kg per active hive in June 2026."),
        ],
        answer="10.08",
        expect="10.59",
        note="the register read fails; the clerk takes AP-01 (Larkrise) for Hollow Oak (AP-03)",
    ),
    Run(
        "grant_25_terms_not_found",
        TOOL_FAILURE,
        q.GRANT_Q3,
        [
            ask(
                CODER,
                "Q3 2026 varroa grant claim per treatment_grant.json (threshold, exclusions, rate, "
                "cap).",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip=q.EXCLUDED,
                    op=">=",
                    threshold="g['threshold_varroa_per_100']",
                    final=q.CAPPED,
                ),
                "1581.75",
            ),
            T(CODER, "AP-08 excluded: 333 hives, GBP 1,581.75, under the cap."),
            ask(
                CHECKER,
                "Q3 grant GBP 1,581.75 with Saltings Reach excluded. Is that exclusion right?",
            ),
            read(CHECKER, "varroa_grant_terms.json", mark="root"),
            T(
                CHECKER,
                "The terms sheet shows no exclusions list, so AP-08 should be in. Rerun without "
                "the "
                "exclusion.",
            ),
            ask(CODER, "Checker says no exclusions: rerun the Q3 claim with AP-08 in."),
            cell(
                CODER,
                q.GRANT.format(
                    skip="", op=">=", threshold="g['threshold_varroa_per_100']", final=q.CAPPED
                ),
                "1650.00",
            ),
            T(CODER, "With AP-08: 393 hives, GBP 1,866.75, capped at GBP 1,650.00."),
            ask(CHECKER, "Rerun with AP-08 in: GBP 1,650.00 (cap). Final check."),
            T(CHECKER, "That's it. GBP 1,650.00.", mark="symptom"),
            T(LEAD, "The co-operative can claim GBP 1,650.00 for Q3 2026, the quarterly cap."),
        ],
        answer="1,650.00",
        expect="1,581.75",
        note="the checker's read of a wrong file name fails; its error taken for 'no exclusions'",
    ),
    Run(
        "marsh_26_new_sites_dropped",
        LOST_CONSTRAINT,
        q.MARSH_SEASON,
        [
            ask(
                CODER,
                "Marsh district honey_kg, honey_2026.csv, April to September 2026. Total.",
                mark="root",
            ),
            cell(
                CODER,
                q.DISTRICT_SUM.format(
                    file="honey_2026.csv", district="Marsh", months=q.SEASON_26, skip=""
                ),
                "3058.4",
            ),
            T(CODER, "18 rows, 3,058.4 kg for the season."),
            ask(CHECKER, "Marsh, April-September 2026: 3,058.4 kg from 18 rows. Check."),
            read(CHECKER, "apiaries.csv", "Marsh"),
            T(
                CHECKER,
                "Three Marsh sites, six months each, 18 rows. 3,058.4 kg passes.",
                mark="symptom",
            ),
            T(LEAD, "The Marsh apiaries took 3,058.4 kg of honey from April to September 2026."),
        ],
        answer="3,058.4",
        expect="2,458.4",
        note="the brief drops 'leaving out any apiary opened in 2026' (Reedbed Gate)",
    ),
    Run(
        "grant_27_exclusion_dropped",
        LOST_CONSTRAINT,
        q.GRANT_Q3,
        [
            ask(CLERK, "Read me the grant terms in treatment_grant.json."),
            read(CLERK, "treatment_grant.json"),
            T(
                CLERK,
                "GBP 4.75 a hive; hives inspected in months with varroa_per_100 at or above 3.0; "
                "AP-08 Saltings Reach excluded (estuary trust scheme); cap GBP 1,650 per quarter.",
            ),
            ask(
                CODER,
                "Q3 2026 claim: hives inspected in July-September where varroa_per_100 >= 3.0, at "
                "GBP 4.75 a hive, capped at GBP 1,650.",
                mark="root",
            ),
            cell(
                CODER,
                q.GRANT.format(
                    skip="", op=">=", threshold="g['threshold_varroa_per_100']", final=q.CAPPED
                ),
                "1650.00",
            ),
            T(CODER, "393 hives, GBP 1,866.75 before the cap; claim GBP 1,650.00."),
            ask(CHECKER, "Q3 varroa claim: GBP 1,650.00 after the cap. Please check."),
            T(
                CHECKER,
                "Threshold inclusive, rate and cap right. Passed, GBP 1,650.00.",
                mark="symptom",
            ),
            ask(WRITER, "Bulletin note: Q3 varroa grant claim GBP 1,650.00."),
            T(
                WRITER,
                "The co-op is claiming the full GBP 1,650.00 quarterly cap under the county varroa "
                "grant for July-September.",
            ),
            T(LEAD, "GBP 1,650.00 can be claimed for Q3 2026."),
        ],
        answer="1,650.00",
        expect="1,581.75",
        note="the brief to the coder drops the AP-08 exclusion the clerk read out",
    ),
]
