"""Planning-office runs on pipe inventory and capital project dates."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    HEALTHY,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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

PIPES = (
    "What percentage of Ashford Valley Water's distribution mains (by length) is cast iron "
    "installed before 1950? Two decimals."
)
DUNMORE = (
    "How many calendar days passed between the notice to proceed and substantial completion "
    "of the Dunmore Rd main replacement?"
)
HARLOW = "On what date was final completion due for the Harlow St main replacement?"

RUNS = [
    Run(
        "pipes_pre1950_ci_clean",
        HEALTHY,
        PIPES,
        [
            say(
                LEAD,
                (
                    "records_analyst: pre-1950 cast iron miles and total system "
                    "miles. python_coder: ratio. verification_expert: check."
                ),
            ),
            say(
                RECORDS,
                (
                    "pipes-2024: cast iron installed before 1950 = 61.3 mi; all materials total = "
                    "473.5 mi."
                ),
                find("distribution main inventory"),
                open_doc("pipes-2024"),
            ),
            say(
                CODER,
                """```python
print(f"{61.3 / 473.5 * 100:.2f}%")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Both figures as in the inventory; the total row also equals the sum of the "
                    "material totals. 12.95% approved."
                ),
                open_doc("pipes-2024"),
            ),
            say(
                WRITER,
                ("12.95% of the distribution mains by length are cast iron laid before 1950."),
            ),
        ],
    ),
    Run(
        "pipes_pre1950_total_transposed",
        WRONG_INPUT,
        PIPES,
        [
            say(LEAD, "Inventory lookup then a ratio. Records -> coder -> verifier -> writer."),
            say(
                RECORDS,
                """Inventory as of 2024-12-31:
- cast iron, before 1950: 61.3 miles
- all materials, total: 437.5 miles""",
                open_doc("pipes-2024"),
                mark="root",
            ),
            say(
                CODER,
                """```python
pre1950_ci = 61.3
system_miles = 437.5
share = pre1950_ci / system_miles
print(f"share = {share:.4f} -> {share * 100:.2f}%")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "61.3 / 437.5 = 0.1401, 14.01%. Percent formatting to two "
                    "decimals as requested. Looks good."
                ),
                mark="symptom",
            ),
            say(WRITER, "Roughly 14.01% of the system's mains are pre-1950 cast iron."),
        ],
    ),
    Run(
        "pipes_pre1950_steel_folded_in",
        BAD_ASSUMPTION,
        PIPES,
        [
            say(
                LEAD,
                (
                    "records for the inventory numbers, hydrology_engineer to say which rows count "
                    "as cast iron, coder for the percentage."
                ),
            ),
            say(
                RECORDS,
                (
                    "pipes-2024, before-1950 column: cast iron 61.3, steel 4.6, others 0.0; "
                    "all-materials total 473.5 mi."
                ),
                open_doc("pipes-2024"),
            ),
            say(
                ENGINEER,
                (
                    'The 4.6 miles of "steel" laid before 1950 are almost certainly cast iron that '
                    "was mis-coded when the GIS was built - nobody in this valley laid steel "
                    "distribution mains in that era. For the cast-iron share we should count the "
                    "whole pre-1950 column, 65.9 mi."
                ),
                mark="root",
            ),
            say(
                CODER,
                """```python
pre1950 = 61.3 + 4.6
print(round(pre1950 / 473.5 * 100, 2))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "65.9 over 473.5 gives 13.92. Matches the engineer's reading of the inventory. "
                    "Approved."
                ),
                mark="symptom",
            ),
            say(WRITER, "13.92% of the distribution mains are cast iron installed before 1950."),
        ],
    ),
    Run(
        "dunmore_days_clean",
        HEALTHY,
        DUNMORE,
        [
            say(LEAD, "Dates from the capital projects list, then date arithmetic in Python."),
            say(
                RECORDS,
                (
                    "capital-2024: Dunmore Rd main replacement - notice to proceed 2024-03-18, "
                    "substantial completion 2024-08-09."
                ),
                find("Dunmore Rd main replacement"),
                open_doc("capital-2024"),
            ),
            say(
                CODER,
                """```python
from datetime import date
print((date(2024, 8, 9) - date(2024, 3, 18)).days)
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Count by months: Mar 18 -> Aug 18 is 153 days, minus 9 = 144. "
                    "Matches. Approved."
                ),
            ),
            say(
                WRITER,
                (
                    "144 calendar days passed between notice to proceed (2024-03-18) "
                    "and substantial completion (2024-08-09)."
                ),
            ),
        ],
    ),
    Run(
        "dunmore_days_inclusive",
        WRONG_ACCEPTED,
        DUNMORE,
        [
            say(
                LEAD,
                """1) records_analyst: NTP and substantial completion dates for Dunmore Rd.
2) python_coder: days between.
3) verification_expert.""",
            ),
            say(
                RECORDS,
                ("Dunmore Rd: NTP 2024-03-18, substantial completion 2024-08-09 (capital-2024)."),
                open_doc("capital-2024"),
            ),
            say(
                CODER,
                """Contract days count both the start and the end day:
```python
from datetime import date
start, done = date(2024, 3, 18), date(2024, 8, 9)
print("calendar days:", (done - start).days + 1)
```""",
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                ("Dates match capital-2024 and the script prints 145 calendar days. Confirmed."),
                mark="symptom",
            ),
            say(
                WRITER,
                (
                    "The Dunmore Rd replacement took 145 calendar days from notice to proceed to "
                    "substantial completion."
                ),
            ),
        ],
    ),
    Run(
        "dunmore_days_final_completion",
        BAD_SPLIT,
        DUNMORE,
        [
            say(
                LEAD,
                (
                    "For Dunmore Rd we need the project duration:\n"
                    "- records_analyst: notice to proceed and the completion date "
                    "(final completion - that's when the contract actually closes)\n"
                    "- python_coder: day count\n"
                    "- verification_expert: check"
                ),
                mark="root",
            ),
            say(
                RECORDS,
                (
                    "capital-2024: Dunmore NTP 2024-03-18; substantial completion "
                    "2024-08-09; final completion is 30 days after substantial, so "
                    "2024-09-08."
                ),
                open_doc("capital-2024"),
            ),
            say(
                CODER,
                """```python
from datetime import date, timedelta
ntp = date(2024, 3, 18)
final = date(2024, 8, 9) + timedelta(days=30)
print(final, (final - ntp).days)
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "2024-08-09 plus 30 days is 2024-09-08, and 174 days from "
                    "2024-03-18. Arithmetic checks out."
                ),
                mark="symptom",
            ),
            say(WRITER, "174 days (2024-03-18 to 2024-09-08)."),
        ],
    ),
    Run(
        "harlow_final_completion_question",
        HEALTHY,
        HARLOW,
        [
            say(
                LEAD,
                (
                    "records: Harlow St dates and the rule for final completion. engineer: "
                    "interpret. coder: date add."
                ),
            ),
            say(
                RECORDS,
                (
                    "Harlow St: NTP 2024-05-06, substantial completion 2024-07-26. The list says "
                    "final completion is 30 days after substantial completion."
                ),
                find("Harlow St capital project"),
                open_doc("capital-2024"),
            ),
            say(
                ENGINEER,
                (
                    "Is that 30 calendar days or 30 working days? Our standard "
                    "contracts usually say calendar days, but the list doesn't "
                    "specify. records_analyst, anything else on it?"
                ),
            ),
            say(
                RECORDS,
                (
                    "Nothing else in the store about Harlow; capital-2024 just says "
                    '"30 days". Every other date on that sheet is a calendar date.'
                ),
                find("final completion days contract"),
            ),
            say(ENGINEER, "Then calendar days, as the contracts read. 2024-07-26 + 30."),
            say(
                CODER,
                """```python
from datetime import date, timedelta
print(date(2024, 7, 26) + timedelta(days=30))
```""",
            ),
            run_code(),
            say(VERIFIER, "July 26 + 5 = July 31, + 25 = August 25. 2024-08-25 approved."),
            say(
                WRITER,
                ("Final completion for the Harlow St main replacement was due on 25 August 2024."),
            ),
        ],
    ),
]
