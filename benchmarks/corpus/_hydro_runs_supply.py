"""Planning-office runs on water supplied: per-capita delivery and treatment losses."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    HEALTHY,
    SELF_REPORT,
    WRONG_SOURCE,
)
from benchmarks.corpus._hydro_team import (
    CODER,
    ENGINEER,
    LEAD,
    RECORDS,
    VERIFIER,
    WRITER,
    Run,
    find,
    open_doc,
    run_code,
    say,
)

GPCD = (
    "Using Ashford Valley Water's records, what was the average volume of treated water "
    "delivered per resident per day in 2024, in gallons? Use the retail service population "
    "and give one decimal."
)
LOSS = (
    "How many million gallons were lost between raw water withdrawal and treated water "
    "delivered to distribution in 2024?"
)

_GPCD_CODE = """```python
monthly_mg = [412.6, 380.1, 405.9, 418.3, 470.2, 521.8, 566.4, 553.0, 497.5, 455.1, 410.7, 409.4]
population = 50385
days = 366  # 2024 is a leap year
total_gal = sum(monthly_mg) * 1_000_000
print(f"total MG: {sum(monthly_mg):.1f}")
print(f"gpcd: {total_gal / population / days:.1f}")
```"""

RUNS = [
    Run(
        "gpcd_2024_clean",
        HEALTHY,
        GPCD,
        [
            say(
                LEAD,
                """Plan for this one:
1. records_analyst: 2024 treated water delivered (system total) and the 2024 retail population.
2. python_coder: gallons per resident per day, remembering 2024 had 366 days.
3. verification_expert: check inputs against the documents.
4. report_writer: final answer.""",
            ),
            say(
                RECORDS,
                (
                    "Pulled both.\n"
                    "- production-2024, System column, Jan-Dec: 412.6, 380.1, 405.9, 418.3, 470.2, "
                    "521.8, 566.4, 553.0, 497.5, 455.1, 410.7, 409.4 (MG)\n"
                    "- population-retail: 2024 = 50,385 (July 1 estimate, wholesale excluded)"
                ),
                find("treated water delivered 2024"),
                open_doc("production-2024"),
                open_doc("population-retail"),
            ),
            say(CODER, "Straight division, script below.\n\n" + _GPCD_CODE),
            run_code(),
            say(
                VERIFIER,
                (
                    "Monthly values match production-2024 line by line, population "
                    "is the 2024 row, and the divisor is 366 days. 298.3 gallons per "
                    "resident per day holds up."
                ),
                open_doc("production-2024"),
            ),
            say(
                WRITER,
                (
                    "Average treated water delivered in 2024: 298.3 gallons per resident per day "
                    "(5,501.0 MG over 50,385 residents and 366 days).\n"
                    "\n"
                    "TERMINATE"
                ),
            ),
        ],
    ),
    Run(
        "gpcd_2024_last_years_sheet",
        WRONG_SOURCE,
        GPCD,
        [
            say(
                LEAD,
                (
                    "Two inputs needed: annual treated water delivered and residents "
                    "served. Records first, then the coder, then verification. Keep "
                    "units in gallons."
                ),
            ),
            say(
                RECORDS,
                (
                    "Found the production sheet. Monthly system totals (MG): 404.8, "
                    "368.6, 395.2, 410.2, 461.3, 521.8, 569.2, 539.9, 483.4, 444.3, "
                    "403.7, 404.4 - annual 5,406.8 MG. Population for 2024 is 50,385 "
                    "per the retail population table."
                ),
                find("treated water production"),
                open_doc("production-2023"),
                open_doc("population-retail"),
                mark="root",
            ),
            say(
                CODER,
                """```python
monthly = [404.8, 368.6, 395.2, 410.2, 461.3, 521.8, 569.2, 539.9, 483.4, 444.3, 403.7, 404.4]
residents = 50385
per_day = sum(monthly) * 1e6 / residents / 366
print(round(sum(monthly), 1), round(per_day, 1))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Re-checked the population table: 50,385 is the 2024 figure and "
                    "it's the retail count, as asked. 366 days is right for a leap "
                    "year. The annual total equals the sum of the twelve monthly "
                    "values given. Result of 293.2 gal/person/day is consistent."
                ),
                open_doc("population-retail"),
                mark="symptom",
            ),
            say(WRITER, "FINAL ANSWER: 293.2 gallons per resident per day in 2024."),
        ],
    ),
    Run(
        "gpcd_2024_calendar_year_365",
        BAD_ASSUMPTION,
        GPCD,
        [
            say(
                LEAD,
                (
                    "records_analyst gets the 2024 delivered volume and population, "
                    "hydrology_engineer confirms the per-capita convention, python_coder does the "
                    "arithmetic, verification_expert signs off."
                ),
            ),
            say(
                RECORDS,
                (
                    "production-2024 system total = 5,501.0 MG (sum of the monthly System column). "
                    "Retail population 2024 = 50,385."
                ),
                open_doc("production-2024"),
                open_doc("population-retail"),
            ),
            say(
                ENGINEER,
                (
                    "For a per-capita daily figure the industry convention is annual volume over "
                    "population over 365 days - that's how the state's water use reports normalise "
                    "GPCD, so the numbers are comparable year to year. Use 5,501.0 MG and 50,385 "
                    "residents."
                ),
                mark="root",
            ),
            say(
                CODER,
                """Following the engineer's convention:
```python
annual_mg = 5501.0
residents = 50385
gpcd = annual_mg * 1e6 / residents / 365
print(f"GPCD = {gpcd:.1f}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Inputs are the 2024 system total and the 2024 population, and "
                    "the normalisation follows the convention the engineer gave. "
                    "299.1 confirmed."
                ),
                mark="symptom",
            ),
            say(
                WRITER,
                (
                    "In 2024 Ashford Valley Water delivered on average 299.1 gallons of treated "
                    "water per resident per day."
                ),
            ),
        ],
    ),
    Run(
        "gpcd_2024_raw_withdrawals",
        BAD_SPLIT,
        GPCD,
        [
            say(
                LEAD,
                (
                    "Breakdown:\n"
                    "- records_analyst: total water the utility produced in 2024 - "
                    "take it from the raw water withdrawal report, that's the "
                    "complete annual figure - plus 2024 population.\n"
                    "- python_coder: per person per day, leap year.\n"
                    "- verification_expert then report_writer."
                ),
                mark="root",
            ),
            say(
                RECORDS,
                (
                    "withdrawals-2024: Lake Merrow 2,398.6 MG + Quarry Hill 3,342.1 "
                    "MG = 5,740.7 MG total. population-retail 2024: 50,385."
                ),
                find("raw water withdrawals 2024"),
                open_doc("withdrawals-2024"),
                open_doc("population-retail"),
            ),
            say(
                CODER,
                """```python
total_mg = 2398.6 + 3342.1
print("annual MG", round(total_mg, 1))
print("gal/resident/day", round(total_mg * 1e6 / 50385 / 366, 1))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "The two intake figures add to the 5,740.7 MG total printed in the report, "
                    "population row is 2024, leap-year divisor used. Nothing to correct - 311.3."
                ),
                open_doc("withdrawals-2024"),
                mark="symptom",
            ),
            say(WRITER, "Answer: 311.3 gallons per resident per day (2024)."),
        ],
    ),
    Run(
        "gpcd_2024_year_caught",
        HEALTHY,
        GPCD,
        [
            say(
                LEAD,
                (
                    "Let's do: records -> coder -> verifier -> writer. Inputs are "
                    "2024 treated water delivered and 2024 retail population."
                ),
            ),
            say(
                RECORDS,
                (
                    "Production sheet monthly system totals: 404.8, 368.6, 395.2, 410.2, 461.3, "
                    "521.8, 569.2, 539.9, 483.4, 444.3, 403.7, 404.4 MG. Population 2024: 50,385."
                ),
                find("treated water production"),
                open_doc("production-2023"),
                open_doc("population-retail"),
            ),
            say(
                CODER,
                """```python
vals = [404.8, 368.6, 395.2, 410.2, 461.3, 521.8, 569.2, 539.9, 483.4, 444.3, 403.7, 404.4]
print(round(sum(vals) * 1e6 / 50385 / 366, 1))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Those monthly values are from production-2023 (January 404.8). The 2024 sheet "
                    "starts at 412.6. records_analyst, please re-pull from production-2024."
                ),
                open_doc("production-2024"),
            ),
            say(
                RECORDS,
                (
                    "Right, my mistake. production-2024 System column: 412.6, 380.1, 405.9, 418.3, "
                    "470.2, 521.8, 566.4, 553.0, 497.5, 455.1, 410.7, 409.4 MG (5,501.0 total)."
                ),
                open_doc("production-2024"),
            ),
            say(CODER, "Rerun with the 2024 values:\n\n" + _GPCD_CODE),
            run_code(),
            say(
                VERIFIER, ("Now from the 2024 sheet, 2024 population, 366 days. 298.3 is correct.")
            ),
            say(WRITER, "2024 average: 298.3 gallons of treated water per resident per day."),
        ],
    ),
    Run(
        "treatment_loss_comma_crash",
        CODE_FAILURE,
        LOSS,
        [
            say(
                LEAD,
                (
                    "Need withdrawals (raw) and treated deliveries for 2024; the loss is the "
                    "difference. Records, then the coder."
                ),
            ),
            say(
                RECORDS,
                (
                    "withdrawals-2024 total: 5,740.7 MG. production-2024 monthly System values: "
                    "412.6, 380.1, 405.9, 418.3, 470.2, 521.8, 566.4, 553.0, 497.5, 455.1, 410.7, "
                    "409.4."
                ),
                open_doc("withdrawals-2024"),
                open_doc("production-2024"),
            ),
            say(
                CODER,
                (
                    "Parsing straight from the text so nothing gets retyped:\n"
                    "```python\n"
                    'withdrawn = float("5,740.7")\n'
                    'delivered = sum(float(v) for v in "412.6 380.1 405.9 418.3 470.2 521.8 566.4 '
                    '553.0 497.5 455.1 410.7 409.4".split())\n'
                    'print(f"loss MG: {withdrawn - delivered:.1f}")\n'
                    "```"
                ),
                mark="root",
            ),
            run_code(),
            say(
                CODER,
                (
                    "The runner choked on the string parse, but the arithmetic is "
                    "trivial: 5,740.7 - 5,511.0 = 229.7 MG lost between intake and "
                    "distribution, about 4% of withdrawals, which matches the note "
                    "in the withdrawal report."
                ),
                mark="symptom",
            ),
            say(
                VERIFIER,
                (
                    "4% of 5,740.7 is about 230, so 229.7 MG fits the treatment-loss note. Fine by "
                    "me."
                ),
            ),
            say(WRITER, "2024 treatment and backwash losses: 229.7 million gallons."),
        ],
    ),
    Run(
        "treatment_loss_cannot_reconcile",
        SELF_REPORT,
        LOSS,
        [
            say(
                LEAD,
                (
                    "1) records: 2024 raw withdrawals and 2024 treated deliveries. 2) coder: "
                    "difference. 3) verification against the audit. 4) writer."
                ),
            ),
            say(
                RECORDS,
                (
                    "Withdrawals 2024: 5,740.7 MG. Treated production, system monthly (MG): 404.8, "
                    "368.6, 395.2, 410.2, 461.3, 521.8, 569.2, 539.9, 483.4, 444.3, 403.7, 404.4."
                ),
                open_doc("withdrawals-2024"),
                find("treated water production"),
                open_doc("production-2023"),
                mark="root",
            ),
            say(
                CODER,
                """```python
withdrawn = 5740.7
delivered = [404.8, 368.6, 395.2, 410.2, 461.3, 521.8, 569.2, 539.9, 483.4, 444.3, 403.7, 404.4]
loss = withdrawn - sum(delivered)
print(f"delivered {sum(delivered):.1f} MG, loss {loss:.1f} MG ({loss / withdrawn:.1%})")
```""",
            ),
            run_code(),
            say(
                ENGINEER,
                (
                    "5.8% loss is high for a conventional plant with backwash recycling - the "
                    "withdrawal report itself says about 4%. Possible, but I'd want it checked."
                ),
            ),
            say(
                VERIFIER,
                (
                    "The audit lists water supplied in 2024 as 5,501.0 MG, while the "
                    "delivered total used here is 5,406.8 MG. Those should be the "
                    "same quantity and I can't reconcile a 94 MG difference from "
                    "what's in front of me. I can't sign off on 333.9 MG."
                ),
                open_doc("audit-2024"),
                mark="symptom",
            ),
            say(
                WRITER,
                (
                    "We could not confirm the 2024 treatment loss: the delivered volume does not "
                    "reconcile with the water audit (5,406.8 vs 5,501.0 MG). No answer given."
                ),
            ),
        ],
    ),
    Run(
        "treatment_loss_clean",
        HEALTHY,
        LOSS,
        [
            say(
                LEAD,
                (
                    "Simple one. records_analyst: 2024 withdrawals total and 2024 treated water "
                    "delivered. python_coder: subtract. verification_expert: sanity-check against "
                    "the ~4% note."
                ),
            ),
            say(
                RECORDS,
                (
                    "withdrawals-2024 total 5,740.7 MG; production-2024 System column sums to "
                    '5,501.0 MG (also matches "water supplied" in audit-2024).'
                ),
                find("raw water withdrawals"),
                open_doc("withdrawals-2024"),
                open_doc("production-2024"),
            ),
            say(
                CODER,
                """```python
withdrawn, delivered = 5740.7, 5501.0
print(f"{withdrawn - delivered:.1f} MG ({(withdrawn - delivered) / withdrawn:.2%} of withdrawals)")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "239.7 MG is 4.18% of withdrawals, in line with the report's 'about 4%'. "
                    "Approved."
                ),
            ),
            say(
                WRITER,
                ("Treatment losses in 2024: 239.7 million gallons (4.2% of raw water withdrawn)."),
            ),
        ],
    ),
]
