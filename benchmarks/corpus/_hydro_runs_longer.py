"""Planning-office runs with longer discussions: follow-up questions, second looks, loops."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    LOST_CONSTRAINT,
    MADE_UP,
    PING_PONG,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._hydro_runs_assets import HARLOW
from benchmarks.corpus._hydro_runs_storage import MERROW
from benchmarks.corpus._hydro_runs_supply import GPCD
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

NO_STRIKES = (
    "How many 2024 water main breaks on mains 8 inches or larger were not caused by "
    "contractor strikes?"
)
COBB_JUNE = "What was Cobb Reservoir's storage at the end of June 2024, in acre-feet?"

_ALL_ROWS = """rows = [
    (6, "frost heave"), (8, "circumferential crack"), (12, "corrosion"), (8, "contractor strike"),
    (10, "corrosion"), (6, "pressure transient"), (16, "joint failure"), (8, "contractor strike"),
    (4, "corrosion"), (8, "circumferential crack"), (12, "frost heave"), (6, "frost heave"),
    (8, "frost heave"),
]"""

RUNS = [
    Run(
        "breaks_8in_strikes_dropped",
        LOST_CONSTRAINT,
        NO_STRIKES,
        [
            say(
                LEAD,
                """Proposed split:
1. records_analyst: the 2024 break log - diameter and cause for each break.
2. hydrology_engineer: anything about how diameters are logged we should know.
3. python_coder: count the 2024 breaks on mains of 8 inches or larger.
4. verification_expert: recount from the log.
5. report_writer: answer.""",
                mark="root",
            ),
            say(
                RECORDS,
                "breaks-2024, 13 rows (diameter in, cause):\n" + _ALL_ROWS,
                find("main break log 2024"),
                open_doc("breaks-2024"),
            ),
            say(
                ENGINEER,
                (
                    "Diameters are nominal sizes, so 8 means an 8-inch main; no "
                    "rounding issues. The 16-inch on Quarry Hill Rd is transmission, "
                    "but it's still a main and counts."
                ),
            ),
            say(
                CODER,
                "```python\n"
                + _ALL_ROWS
                + """
big = [r for r in rows if r[0] >= 8]
print(len(big))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Recounted in breaks-2024: #2, 3, 4, 5, 7, 8, 10, 11, 13 are 8 inches or more. "
                    "Nine. Matches."
                ),
                open_doc("breaks-2024"),
                mark="symptom",
            ),
            say(WRITER, "Nine of the 2024 main breaks were on mains 8 inches or larger."),
        ],
    ),
    Run(
        "harlow_plus_one_from_verifier",
        BAD_ASSUMPTION,
        HARLOW,
        [
            say(
                LEAD,
                (
                    "Short one: dates from capital-2024, then the 30-day rule. Coder does the date "
                    "math."
                ),
            ),
            say(
                RECORDS,
                (
                    "Harlow St main replacement: substantial completion 2024-07-26; "
                    "final completion 30 days after substantial completion."
                ),
                open_doc("capital-2024"),
            ),
            say(
                CODER,
                """```python
from datetime import date, timedelta
print(date(2024, 7, 26) + timedelta(days=30))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "One catch: timedelta counts the substantial-completion date as day 0, but in "
                    'the contract day 1 is July 26 itself, so "30 days after" lands one day later. '
                    "Please add 31."
                ),
                mark="root",
            ),
            say(
                CODER,
                """Adjusted per the verifier:
```python
from datetime import date, timedelta
print(date(2024, 7, 26) + timedelta(days=31))
```""",
            ),
            run_code(),
            say(VERIFIER, "2024-08-26. That's the contract count. Approved.", mark="symptom"),
            say(WRITER, "Final completion for Harlow St was due on 26 August 2024."),
        ],
    ),
    Run(
        "merrow_sept_reconfirmed_wrong_sheet",
        WRONG_SOURCE,
        MERROW,
        [
            say(
                LEAD,
                (
                    "Lookup of end-of-September Lake Merrow storage, conversion to million m3. "
                    "Engineer to sanity-check against the season."
                ),
            ),
            say(
                RECORDS,
                (
                    "Lake Merrow, end of September: 13,560 af (reservoir storage "
                    "table, end-of-month values)."
                ),
                find("reservoir storage end of month Lake Merrow"),
                open_doc("storage-2023"),
                mark="root",
            ),
            say(
                ENGINEER,
                (
                    "A late-summer drawdown to about 74% of the 18,400 af capacity is normal for "
                    "Merrow. Nothing odd."
                ),
            ),
            say(
                CODER,
                """```python
af = 13_560
print(f"{af * 1233.48 / 1e6:.2f}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Before I sign: records_analyst, can you confirm the September "
                    "figure once more? I want to be sure it's not the October row."
                ),
            ),
            say(
                RECORDS,
                "Confirmed - Sep row: Lake Merrow 13,560, Cobb 4,390. October is 13,020.",
                open_doc("storage-2023"),
            ),
            say(VERIFIER, "Good, September row it is. 16.73 million m3 approved.", mark="symptom"),
            say(WRITER, "Lake Merrow held 16.73 million m3 at the end of September 2024."),
        ],
    ),
    Run(
        "gpcd_rounding_back_and_forth",
        PING_PONG,
        GPCD,
        [
            say(LEAD, "records -> coder -> verifier -> writer. One decimal in the answer."),
            say(
                RECORDS,
                "production-2024 System total 5,501.0 MG; retail population 2024 50,385.",
                open_doc("production-2024"),
                open_doc("population-retail"),
            ),
            say(
                CODER,
                """```python
gpcd = 5501.0e6 / 50385 / 366
print(gpcd)
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "The output isn't rounded. The task wants one decimal - please "
                    "give the rounded value."
                ),
                mark="root",
            ),
            say(
                CODER,
                (
                    "The printed value is 298.3041509339832; to one decimal that's 298.3. The code "
                    "is correct as it stands."
                ),
            ),
            say(
                VERIFIER,
                (
                    "The output isn't rounded. The task wants one decimal - please "
                    "give the rounded value."
                ),
            ),
            say(
                CODER,
                (
                    "The printed value is 298.3041509339832; to one decimal that's 298.3. The code "
                    "is correct as it stands."
                ),
            ),
            say(
                VERIFIER,
                (
                    "The output isn't rounded. The task wants one decimal - please "
                    "give the rounded value."
                ),
            ),
            say(
                CODER,
                (
                    "The printed value is 298.3041509339832; to one decimal that's 298.3. The code "
                    "is correct as it stands."
                ),
                mark="symptom",
            ),
            say(
                WRITER,
                (
                    "No final figure was agreed between coding and verification; the team stopped "
                    "without an answer."
                ),
            ),
        ],
    ),
    Run(
        "cobb_june_row_below",
        WRONG_INPUT,
        COBB_JUNE,
        [
            say(
                LEAD,
                (
                    "Pure lookup - records_analyst reads it, verification_expert confirms, "
                    "report_writer answers."
                ),
            ),
            say(
                RECORDS,
                "Cobb Reservoir, end of June 2024: 5,990 af.",
                open_doc("storage-2024"),
                mark="root",
            ),
            say(
                VERIFIER,
                (
                    "Value is from the 2024 end-of-month table and in acre-feet, as "
                    "asked. Confirmed."
                ),
                mark="symptom",
            ),
            say(WRITER, "5,990 acre-feet."),
        ],
    ),
    Run(
        "gpcd_placeholder_total",
        MADE_UP,
        GPCD,
        [
            say(
                LEAD,
                (
                    "records_analyst: where the 2024 delivered volume and population live. "
                    "python_coder: the calculation. verification_expert: check."
                ),
            ),
            say(
                RECORDS,
                (
                    "2024 treated water delivered is in production-2024 (System "
                    "column, monthly MG). Population: 50,385 for 2024 in "
                    "population-retail."
                ),
                find("treated water production 2024"),
                open_doc("population-retail"),
            ),
            say(
                CODER,
                (
                    "No monthly values were pasted, so I'll work from a "
                    "representative annual total of about 5,480 MG (roughly 457 MG a "
                    "month, typical for this system) - swap in the exact sum if "
                    "needed:\n"
                    "```python\n"
                    "annual_mg = 5480.0\n"
                    'print(f"{annual_mg * 1e6 / 50385 / 366:.1f}")\n'
                    "```"
                ),
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Population 50,385 is right for 2024 and the leap-year divisor is there. 297.2 "
                    "gal/person/day is in the expected range for the utility. Approved."
                ),
                mark="symptom",
            ),
            say(WRITER, "FINAL ANSWER: 297.2 gallons per resident per day."),
        ],
    ),
    Run(
        "gpcd_365_challenged",
        HEALTHY,
        GPCD,
        [
            say(
                LEAD,
                ("Records, then engineer on the per-capita method, then coder, then verification."),
            ),
            say(
                RECORDS,
                (
                    "production-2024 System column totals 5,501.0 MG for calendar 2024. "
                    "population-retail: 50,385 (2024)."
                ),
                open_doc("production-2024"),
                open_doc("population-retail"),
            ),
            say(
                ENGINEER,
                (
                    "State reporting normalises GPCD by 365 days. Use annual volume / population / "
                    "365."
                ),
            ),
            say(
                CODER,
                """```python
print(round(5501.0e6 / 50385 / 365, 1))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "The question asks for the average per day in 2024, and 2024 had 366 days; the "
                    "state convention doesn't change how many days the volume was delivered over. "
                    "hydrology_engineer, any reason to keep 365?"
                ),
            ),
            say(
                ENGINEER,
                (
                    "No - fair point. The convention is for cross-year comparisons; for the 2024 "
                    "daily average use 366."
                ),
            ),
            say(
                CODER,
                """```python
print(round(5501.0e6 / 50385 / 366, 1))
```""",
            ),
            run_code(),
            say(VERIFIER, "298.3 with 366 days. Approved."),
            say(WRITER, "298.3 gallons per resident per day (2024 average)."),
        ],
    ),
    Run(
        "breaks_plan_corrected_by_engineer",
        HEALTHY,
        NO_STRIKES,
        [
            say(
                LEAD,
                (
                    "Plan: records pulls the 2024 break log, coder counts breaks on mains 8 inches "
                    "or larger, verifier checks."
                ),
            ),
            say(RECORDS, "breaks-2024 (diameter, cause):\n" + _ALL_ROWS, open_doc("breaks-2024")),
            say(
                ENGINEER,
                (
                    "The plan leaves out half the question - breaks caused by "
                    "contractor strikes have to be excluded. #4 (Kestrel Way) and #8 "
                    "(Station St) are strikes on 8-inch mains."
                ),
            ),
            say(
                LEAD,
                (
                    "Right, thanks. python_coder: count 8 inches or larger AND cause other than "
                    "contractor strike."
                ),
            ),
            say(
                CODER,
                "```python\n"
                + _ALL_ROWS
                + """
print(sum(1 for d, cause in rows if d >= 8 and cause != "contractor strike"))
```""",
            ),
            run_code(),
            say(VERIFIER, "Nine 8-inch-plus breaks, two of them strikes: seven. Approved."),
            say(
                WRITER,
                (
                    "Seven 2024 breaks on mains 8 inches or larger were not caused by contractor "
                    "strikes."
                ),
            ),
        ],
    ),
    Run(
        "cobb_june_retry_after_404",
        HEALTHY,
        COBB_JUNE,
        [
            say(LEAD, "Lookup only. records_analyst then verification_expert."),
            say(
                RECORDS,
                (
                    "storage-2024-06 doesn't exist (404); the store points to "
                    "storage-2024. June row there: Cobb Reservoir 5,410 af."
                ),
                open_doc("storage-2024-06"),
                open_doc("storage-2024"),
            ),
            say(
                VERIFIER,
                (
                    "Opened storage-2024 myself: Jun | 16,480 | 5,410. Cobb is the second column. "
                    "5,410 af confirmed."
                ),
                open_doc("storage-2024"),
            ),
            say(WRITER, "Cobb Reservoir held 5,410 acre-feet at the end of June 2024."),
        ],
    ),
]
