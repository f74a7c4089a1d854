"""Planning-office runs on the main break log: counting and averaging rows."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    CODE_FAILURE,
    HEALTHY,
    REPETITION,
    WRONG_ACCEPTED,
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

COUNT = (
    "How many water main breaks in 2024 occurred on cast-iron mains 8 inches in diameter or larger?"
)
REPAIR = (
    "What was the average repair time, in hours, of the 2024 breaks on cast-iron mains? Two "
    "decimals."
)

_ROWS_2024 = (
    '(6, "cast iron"), (8, "cast iron"), (12, "cast iron"), (8, "ductile iron"),\n'
    '    (10, "cast iron"), (6, "asbestos cement"), (16, "ductile iron"), (8, "PVC"),\n'
    '    (4, "cast iron"), (8, "cast iron"), (12, "cast iron"), (6, "cast iron"), (8, "asbestos '
    'cement"),'
)

_CI_HOURS = "[7.5, 9.0, 14.0, 11.0, 6.5, 8.0, 12.5, 7.0]"

_LOOP_CODE = """```python
import statistics
log = '''1 | cast iron | 7.5
2 | cast iron | 9.0
3 | cast iron | 14.0
5 | cast iron | 11.0
9 | cast iron | 6.5
10 | cast iron | 8.0
11 | cast iron | 12.5
12 | cast iron | 7.0'''
hours = [float(line.split("|")[3]) for line in log.splitlines()]
print(f"{statistics.mean(hours):.2f}")
```"""

RUNS = [
    Run(
        "breaks_ci_8in_clean",
        HEALTHY,
        COUNT,
        [
            say(
                LEAD,
                (
                    "records_analyst pulls the 2024 break log; python_coder filters "
                    "material == cast iron and diameter >= 8; verifier double-checks "
                    "the row count by eye."
                ),
            ),
            say(
                RECORDS,
                ("breaks-2024 has 13 entries. Diameter/material per row below, in order:\n")
                + _ROWS_2024,
                find("main break log 2024"),
                open_doc("breaks-2024"),
            ),
            say(
                CODER,
                f"""```python
rows = [
    {_ROWS_2024}
]
hits = [r for r in rows if r[1] == "cast iron" and r[0] >= 8]
print(len(hits), hits)
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "By eye from the log: #2 (8), #3 (12), #5 (10), #10 (8), #11 "
                    "(12). Five, same as the script. Approved."
                ),
                open_doc("breaks-2024"),
            ),
            say(WRITER, "Five breaks in 2024 were on cast-iron mains of 8 inches or larger."),
        ],
    ),
    Run(
        "breaks_ci_8in_strict_filter",
        WRONG_ACCEPTED,
        COUNT,
        [
            say(
                LEAD,
                """Tasks:
- records_analyst: break log for 2024, diameter and material of every break
- python_coder: count cast iron at 8" and up
- verification_expert: review""",
            ),
            say(
                RECORDS,
                "From breaks-2024 (diameter, material):\n" + _ROWS_2024,
                open_doc("breaks-2024"),
            ),
            say(
                CODER,
                f"""Counting the qualifying breaks:
```python
rows = [
    {_ROWS_2024}
]
count = sum(1 for dia, mat in rows if mat == "cast iron" and dia > 8)
print("cast iron, 8in+:", count)
```""",
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "The script filters the material exactly as logged and tests "
                    "diameter against 8 inches; the row list matches the 13 entries "
                    "of the log. Count of 3 is confirmed."
                ),
                mark="symptom",
            ),
            say(WRITER, "Answer: 3 breaks on cast-iron mains 8 inches or larger in 2024."),
        ],
    ),
    Run(
        "breaks_ci_8in_plan_strictly_larger",
        BAD_SPLIT,
        COUNT,
        [
            say(
                LEAD,
                """Here is how I'd split it:
1. records_analyst - list 2024 breaks with pipe material and size.
2. python_coder - count breaks on cast-iron mains larger than 8 inches.
3. verification_expert - confirm against the log.
4. report_writer - one-line answer.""",
                mark="root",
            ),
            say(
                RECORDS,
                "2024 log rows (diameter in inches, material):\n" + _ROWS_2024,
                find("water main breaks 2024 cast iron"),
                open_doc("breaks-2024"),
            ),
            say(
                CODER,
                f"""Per the plan, larger than 8 inches:
```python
rows = [
    {_ROWS_2024}
]
print(len([1 for d, m in rows if m == "cast iron" and d > 8]))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Checked the log: cast-iron breaks above 8 inches are #3 Harlow St (12), #5 "
                    "Dunmore Rd (10) and #11 Ferris Ave (12). Three. Consistent with the plan."
                ),
                open_doc("breaks-2024"),
                mark="symptom",
            ),
            say(WRITER, "There were 3 such breaks in 2024 (Harlow St, Dunmore Rd, Ferris Ave)."),
        ],
    ),
    Run(
        "breaks_ci_8in_older_log",
        WRONG_SOURCE,
        COUNT,
        [
            say(
                LEAD,
                (
                    "records_analyst: get the break log. python_coder: count. verification_expert: "
                    "check. Short and sweet."
                ),
            ),
            say(
                RECORDS,
                (
                    "Break log rows (diameter, material): (12, cast iron), (4, cast "
                    "iron), (12, cast iron), (6, asbestos cement), (8, PVC), (8, "
                    "cast iron), (6, cast iron)."
                ),
                find("main break log"),
                open_doc("breaks-2023"),
                mark="root",
            ),
            say(
                CODER,
                """```python
rows = [(12, "cast iron"), (4, "cast iron"), (12, "cast iron"), (6, "asbestos cement"),
        (8, "PVC"), (8, "cast iron"), (6, "cast iron")]
print(sum(d >= 8 and m == "cast iron" for d, m in rows))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Filter is >= 8 and cast iron only, which is what was asked. "
                    "Three rows qualify. OK."
                ),
                mark="symptom",
            ),
            say(WRITER, "3 breaks."),
        ],
    ),
    Run(
        "breaks_ci_8in_crash_fixed",
        HEALTHY,
        COUNT,
        [
            say(LEAD, "Break log -> filter -> check. Go."),
            say(
                RECORDS,
                "breaks-2024 opened, 13 rows. Sizes and materials as listed in the log.",
                open_doc("breaks-2024"),
            ),
            say(
                CODER,
                """Parsing the table directly:
```python
table = '''2 | 2024-01-22 | Bellmont Rd | 8 | cast iron
3 | 2024-02-03 | Harlow St | 12 | cast iron'''
rows = [line.split(" | ") for line in table.splitlines()]
print(sum(1 for r in rows if r[5] == "cast iron" and int(r[3]) >= 8))
```""",
            ),
            run_code(),
            say(
                CODER,
                "IndexError - I cut the table down and only kept five columns. "
                f"""Typing the pairs out fully instead:
```python
rows = [
    {_ROWS_2024}
]
print(sum(1 for d, m in rows if m == "cast iron" and d >= 8))
```""",
            ),
            run_code(),
            say(VERIFIER, "5 matches my own count from breaks-2024 (#2, #3, #5, #10, #11)."),
            say(WRITER, "Five 2024 main breaks were on cast-iron pipe of 8 inches or more."),
        ],
    ),
    Run(
        "repair_ci_mean_clean",
        HEALTHY,
        REPAIR,
        [
            say(
                LEAD,
                (
                    "We need repair_h for every cast-iron row in the 2024 log, then the mean. "
                    "Records then coder."
                ),
            ),
            say(
                RECORDS,
                "Cast-iron rows in breaks-2024: #1, 2, 3, 5, 9, 10, 11, 12. "
                f"Repair hours: {_CI_HOURS}.",
                open_doc("breaks-2024"),
            ),
            say(
                ENGINEER,
                (
                    "Eight cast-iron failures out of thirteen is typical for a "
                    "system with 140-odd miles of unlined CI. Nothing to adjust - "
                    "repair time is logged crew-on-site to valve-open."
                ),
            ),
            say(
                CODER,
                f"""```python
hours = {_CI_HOURS}
print(len(hours), round(sum(hours) / len(hours), 2))
```""",
            ),
            run_code(),
            say(VERIFIER, "8 values, mean 9.44 h (75.5 / 8 = 9.4375). Approved."),
            say(WRITER, "Average repair time for 2024 cast-iron main breaks: 9.44 hours."),
        ],
    ),
    Run(
        "repair_ci_mean_crash_glossed",
        CODE_FAILURE,
        REPAIR,
        [
            say(LEAD, "records: cast-iron rows + repair hours. coder: mean. verifier: sign off."),
            say(
                RECORDS,
                f"Cast iron, 2024: eight breaks; repair_h = {_CI_HOURS}.",
                find("break log repair time"),
                open_doc("breaks-2024"),
            ),
            say(
                CODER,
                f"""```python
import statistics
repair_hours = {_CI_HOURS}
print(f"mean repair time: {{statistics.mean(repair_hour):.2f}} h over {{len(repair_hours)}} breaks")
```""",
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "The script reads the eight cast-iron repair times and takes a "
                    "plain mean, which is the right statistic here. Eight values "
                    "averaging about 9.2 hours is reasonable for CI repairs. "
                    "Approved at 9.20 h."
                ),
                mark="symptom",
            ),
            say(WRITER, "The 2024 cast-iron breaks took 9.20 hours on average to repair."),
        ],
    ),
    Run(
        "repair_ci_mean_same_cell_thrice",
        REPETITION,
        REPAIR,
        [
            say(LEAD, "records_analyst, then python_coder. I'd like the log parsed, not retyped."),
            say(
                RECORDS,
                ("breaks-2024 is open; the cast-iron rows carry repair_h in the last column."),
                open_doc("breaks-2024"),
            ),
            say(CODER, "Parsing the rows I need:\n" + _LOOP_CODE, mark="root"),
            run_code(),
            say(CODER, "Parsing the rows I need:\n" + _LOOP_CODE),
            run_code(),
            say(CODER, "Parsing the rows I need:\n" + _LOOP_CODE, mark="symptom"),
            run_code(),
            say(
                WRITER,
                (
                    "We were not able to compute the average repair time; the parsing step kept "
                    "failing."
                ),
            ),
        ],
    ),
]
