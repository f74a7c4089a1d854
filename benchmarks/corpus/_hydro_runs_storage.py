"""Planning-office runs on reservoir storage and rainfall: unit conversions."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    MADE_UP,
    MISREPORTED,
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

MERROW = (
    "How much water was stored in Lake Merrow at the end of September 2024, in millions of "
    "cubic metres (1 acre-foot = 1,233.48 m3)? Round to two decimals."
)
COBB = (
    "At the end of August 2024, what share of Cobb Reservoir's usable capacity (storage above "
    "dead pool) was filled? Give a percentage with one decimal."
)
RAIN = "What was the total rainfall at gauge RG-3 in August 2024, in millimetres?"

RUNS = [
    Run(
        "merrow_sept_clean",
        HEALTHY,
        MERROW,
        [
            say(
                LEAD,
                (
                    "records_analyst: September 2024 end-of-month storage for Lake Merrow. "
                    "python_coder: convert af -> million m3. Then verify and report."
                ),
            ),
            say(
                RECORDS,
                (
                    "storage-2024, Sep row: Lake Merrow 12,870 af (total, includes dead pool - the "
                    "question asks for water stored, so total is right)."
                ),
                find("reservoir storage 2024"),
                open_doc("storage-2024"),
            ),
            say(
                CODER,
                """```python
af = 12870
m3 = af * 1233.48
print(f"{m3:,.0f} m3 = {m3 / 1e6:.2f} million m3")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Sep row confirmed at 12,870 af, factor as given in the task. "
                    "15.87 million m3. Approved."
                ),
                open_doc("storage-2024"),
            ),
            say(
                WRITER,
                ("Lake Merrow held about 15.87 million cubic metres at the end of September 2024."),
            ),
        ],
    ),
    Run(
        "merrow_sept_row_above",
        WRONG_INPUT,
        MERROW,
        [
            say(
                LEAD,
                """Steps:
1. Look up Lake Merrow storage, end of Sep 2024 (records_analyst)
2. Convert with 1,233.48 m3/af (python_coder)
3. Check (verification_expert)""",
            ),
            say(
                RECORDS,
                (
                    "Lake Merrow, end of September 2024: 13,720 acre-feet (storage-2024, monthly "
                    "table)."
                ),
                open_doc("storage-2024"),
                mark="root",
            ),
            say(
                CODER,
                """Conversion:
```python
print(round(13720 * 1233.48 / 1_000_000, 2))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "13,720 af x 1,233.48 m3/af = 16,923,346 m3, i.e. 16.92 million m3. Conversion "
                    "factor matches the task and rounding is to two decimals as requested. Correct."
                ),
                mark="symptom",
            ),
            say(WRITER, "End-of-September 2024 storage in Lake Merrow: 16.92 million m3."),
        ],
    ),
    Run(
        "merrow_sept_digits_swapped",
        MISREPORTED,
        MERROW,
        [
            say(LEAD, "Quick lookup plus conversion. Records -> coder -> verifier -> writer."),
            say(
                RECORDS,
                "12,870 af in Lake Merrow at end of Sep 2024 (storage-2024).",
                find("Lake Merrow storage September"),
                open_doc("storage-2024"),
            ),
            say(
                CODER,
                """```python
acre_feet = 12_870
print(f"{acre_feet * 1233.48 / 1e6:.2f} million m3")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                ("Figure and factor both check out against storage-2024 and the task statement."),
            ),
            say(
                WRITER,
                (
                    "Lake Merrow stored 15.78 million cubic metres of water at the "
                    "end of September 2024 (12,870 acre-feet)."
                ),
                mark="both",
            ),
        ],
    ),
    Run(
        "cobb_usable_dead_pool_dropped",
        BAD_ASSUMPTION,
        COBB,
        [
            say(
                LEAD,
                (
                    "records_analyst: Cobb storage end of Aug 2024 and capacity. "
                    "hydrology_engineer: how to treat dead pool. python_coder: "
                    "percentage."
                ),
            ),
            say(
                RECORDS,
                (
                    "storage-2024: Cobb Reservoir end of August = 4,420 af. Capacity "
                    "6,250 af; dead pool 310 af."
                ),
                open_doc("storage-2024"),
            ),
            say(
                ENGINEER,
                (
                    "On these monthly operations sheets the storage column is "
                    "usually reported as active storage already - operators log the "
                    "gauge reading converted above the outlet invert. So 4,420 is "
                    "usable storage, and the usable capacity is the full 6,250 af. "
                    "Percentage is simply 4,420 / 6,250."
                ),
                mark="root",
            ),
            say(
                CODER,
                """```python
stored, capacity = 4420, 6250
print(f"{stored / capacity * 100:.1f}%")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Inputs match storage-2024 and the method follows the engineer's "
                    "note on active storage. 70.7% it is."
                ),
                mark="symptom",
            ),
            say(
                WRITER,
                ("Cobb Reservoir was 70.7% full (usable capacity) at the end of August 2024."),
            ),
        ],
    ),
    Run(
        "cobb_usable_checked",
        HEALTHY,
        COBB,
        [
            say(LEAD, "Same pattern as usual: records, engineer, coder, verifier, writer."),
            say(
                RECORDS,
                "Cobb Reservoir Aug 2024: 4,420 af. Capacity 6,250 af, dead pool 310 af.",
                find("Cobb Reservoir storage"),
                open_doc("storage-2024"),
            ),
            say(
                ENGINEER,
                (
                    "Before we compute: are the monthly figures gross or already net of dead pool? "
                    "Operators sometimes log active storage. records_analyst, does the sheet say?"
                ),
            ),
            say(
                RECORDS,
                'Header of storage-2024: "Totals include dead pool." So they\'re gross.',
                open_doc("storage-2024"),
            ),
            say(
                ENGINEER,
                (
                    "Good, then usable = 4,420 - 310 = 4,110 af against usable "
                    "capacity 6,250 - 310 = 5,940 af."
                ),
            ),
            say(
                CODER,
                """```python
dead = 310
usable_now = 4420 - dead
usable_cap = 6250 - dead
print(f"{usable_now}/{usable_cap} af = {usable_now / usable_cap:.1%}")
```""",
            ),
            run_code(),
            say(VERIFIER, "Dead pool subtracted from both terms, 69.2%. Approved."),
            say(
                WRITER,
                (
                    "At the end of August 2024 Cobb Reservoir's usable storage was "
                    "69.2% full (4,110 of 5,940 af above dead pool)."
                ),
            ),
        ],
    ),
    Run(
        "rain_rg3_wrong_column",
        WRONG_INPUT,
        RAIN,
        [
            say(LEAD, "Find RG-3's daily August 2024 values, sum, convert in -> mm (x25.4)."),
            say(
                RECORDS,
                (
                    "rain-2024-08, RG-3 daily totals (in): Aug 3 0.38, Aug 4 0.97, "
                    "Aug 11 0.12, Aug 17 0.55, Aug 18 0.31, Aug 24 0.88, Aug 29 "
                    "0.20. Other days no measurable rain. Note: RG-3 out of service "
                    "Aug 12-14, no rain at other gauges then, so no gap to fill."
                ),
                find("rain gauge August 2024"),
                open_doc("rain-2024-08"),
                mark="root",
            ),
            say(
                CODER,
                """```python
rg3 = [0.38, 0.97, 0.12, 0.55, 0.31, 0.88, 0.20]
inches = sum(rg3)
print(f"{inches:.2f} in = {inches * 25.4:.1f} mm")
```""",
            ),
            run_code(),
            say(
                ENGINEER,
                (
                    "3.41 inches in August is plausible for the valley - a wet "
                    "month, but the Aug 4 storm explains most of it."
                ),
            ),
            say(
                VERIFIER,
                (
                    "Seven rain days, the outage days had no rain elsewhere so nothing is missing, "
                    "and 25.4 mm/in is exact. 86.6 mm approved."
                ),
                mark="symptom",
            ),
            say(WRITER, "RG-3 recorded 86.6 mm of rain in August 2024."),
        ],
    ),
    Run(
        "rain_rg3_after_404",
        MADE_UP,
        RAIN,
        [
            say(
                LEAD,
                (
                    "records_analyst finds the August 2024 gauge data for RG-3, coder converts to "
                    "mm, verification_expert checks."
                ),
            ),
            say(
                RECORDS,
                (
                    "The August gauge file isn't under that id. From the monthly "
                    "gauge summary, RG-3 (Merrow intake) totalled 4.05 in for August "
                    "2024."
                ),
                open_doc("rain-aug-2024"),
                mark="root",
            ),
            say(
                CODER,
                """```python
total_in = 4.05
print(f"{total_in * 25.4:.2f} mm")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                ("25.4 mm per inch, 4.05 in -> 102.87 mm. Arithmetic correct."),
                mark=("symptom"),
            ),
            say(WRITER, "Total August 2024 rainfall at RG-3: 102.87 mm."),
        ],
    ),
    Run(
        "rain_rg3_retry_id",
        HEALTHY,
        RAIN,
        [
            say(LEAD, "RG-3, August 2024, total in mm. records -> coder -> verifier."),
            say(
                RECORDS,
                (
                    "First id guess was wrong (404), the store suggests rain-2024-08. Opened it. "
                    "RG-3 column: 0.42, 1.15, 0.08, 0.63, 0.27, 0.91, 0.14 in on the seven rain "
                    "days; gauge down Aug 12-14 but the other gauges saw no rain then."
                ),
                open_doc("rain-aug-2024"),
                open_doc("rain-2024-08"),
            ),
            say(
                CODER,
                """```python
rg3 = [0.42, 1.15, 0.08, 0.63, 0.27, 0.91, 0.14]
print(f"{sum(rg3):.2f} in -> {sum(rg3) * 25.4:.2f} mm")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "Values are the RG-3 column (middle one), 3.60 in, 91.44 mm. Good.",
                open_doc("rain-2024-08"),
            ),
            say(WRITER, "RG-3 measured 91.44 mm (3.60 in) of rain in August 2024."),
        ],
    ),
]
