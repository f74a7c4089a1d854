"""Planning-office runs where the whole desk weighs in: the early slip travels far."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    HEALTHY,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._hydro_runs_assets import DUNMORE, PIPES
from benchmarks.corpus._hydro_runs_billing import BILL_OPEN, NRW
from benchmarks.corpus._hydro_runs_storage import MERROW
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

RUNS = [
    Run(
        "bill_14k_schedule_vouched_for",
        WRONG_SOURCE,
        BILL_OPEN,
        [
            say(
                LEAD,
                "records_analyst finds the residential schedule, hydrology_engineer says "
                "whether 14,000 gallons is a normal month, python_coder computes, "
                "verification_expert checks.",
            ),
            say(
                RECORDS,
                "Residential rates: $13.40 monthly base (5/8-inch); volume per 1,000 gal "
                "$3.85 for the first 6,000, $5.05 for 6,001-15,000, $7.30 beyond.",
                find("residential water rates monthly bill"),
                open_doc("rates-2024"),
                mark="root",
            ),
            say(
                ENGINEER,
                "14,000 gallons is a summer month for a single-family home with some lawn "
                "watering - a bit over twice the winter average. Squarely in the second block.",
            ),
            say(
                CODER,
                """```python
base = 13.40
blocks = [(6, 3.85), (9, 5.05)]  # (thousand gallons in block, price)
volume = sum(kgal * price for kgal, price in blocks)
print(f"volume {volume:.2f}  total {base + volume:.2f}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "hydrology_engineer - quick check before I sign: is this the schedule "
                "customers are billed on this year?",
            ),
            say(
                ENGINEER,
                "Yes, those are the residential block prices I know; the base went to "
                "$13.40 with the last increase.",
            ),
            say(
                VERIFIER,
                "Then the only thing to check is the block split. Wait - 6 + 9 is 15 "
                "thousand gallons, not 14. coder, the second block should be 8.",
            ),
            say(
                CODER,
                """Fixed the block width:
```python
base = 13.40
volume = 6 * 3.85 + 8 * 5.05
print(f"total {base + volume:.2f}")
```""",
            ),
            run_code(),
            say(VERIFIER, "$76.90 with 6 + 8 thousand gallons. Approved.", mark="symptom"),
            say(WRITER, "At 14,000 gallons the customer's monthly bill comes to $76.90."),
        ],
    ),
    Run(
        "pipes_pre1950_plan_ci_denominator",
        BAD_SPLIT,
        PIPES,
        [
            say(
                LEAD,
                """Let's break it down:
1. records_analyst: cast-iron main miles - installed before 1950 and in total.
2. hydrology_engineer: context on the cast-iron replacement program.
3. python_coder: the pre-1950 share of cast iron.
4. verification_expert, then report_writer.""",
                mark="root",
            ),
            say(
                RECORDS,
                "pipes-2024, cast iron row: 61.3 mi before 1950, 74.8 mi 1950-1979, "
                "6.5 mi 1980 and later; 142.6 mi total.",
                find("distribution main inventory material"),
                open_doc("pipes-2024"),
            ),
            say(
                ENGINEER,
                "The pre-1950 pit-cast pipe is the weakest stock we have: no lining, thin "
                "walls, lead joints. It is where most of the 2024 cast-iron breaks were. "
                "The replacement program targets about 2 miles a year.",
            ),
            say(
                CODER,
                """```python
pre_1950, cast_iron_total = 61.3, 142.6
print(f"{pre_1950 / cast_iron_total * 100:.2f}%")
```""",
            ),
            run_code(),
            say(
                ENGINEER,
                "43% sounds right for us - close to half our cast iron is from before the war.",
            ),
            say(
                VERIFIER,
                "61.3 and 142.6 are the cast-iron figures in pipes-2024, and 61.3 / 142.6 is "
                "42.99%. Agrees with the engineer's sense of the system. Approved.",
                open_doc("pipes-2024"),
                mark="symptom",
            ),
            say(
                WRITER,
                "42.99% of Ashford Valley Water's cast-iron mains were installed before 1950.",
            ),
        ],
    ),
    Run(
        "nrw_2024_only_leakage",
        BAD_ASSUMPTION,
        NRW,
        [
            say(
                LEAD,
                "records: the audit volumes. engineer: which components count. "
                "coder: the percentage. verifier: check.",
            ),
            say(
                RECORDS,
                "audit-2024 (MG): supplied 5,501.0; billed authorized 4,472.3; unbilled "
                "authorized 61.5; apparent losses 118.4; real losses 848.8.",
                open_doc("audit-2024"),
            ),
            say(
                ENGINEER,
                "For the utility's NRW metric only physical losses count - unbilled "
                "authorized use is a policy choice and apparent losses are a metering "
                "problem, the water still reaches customers. So NRW here is the real "
                "losses line, 848.8 MG.",
                mark="root",
            ),
            say(
                LEAD,
                "Agreed - python_coder, take real losses over water supplied.",
            ),
            say(
                CODER,
                """```python
real_losses, supplied = 848.8, 5501.0
print(f"NRW share: {real_losses / supplied:.2%}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "848.8 and 5,501.0 are straight from audit-2024 and the ratio is 15.43%. "
                "Consistent with the engineer's definition. Signed off.",
                mark="symptom",
            ),
            say(WRITER, "Non-revenue water in 2024: 15.43% of the water supplied."),
        ],
    ),
    Run(
        "dunmore_days_start_misread",
        WRONG_INPUT,
        DUNMORE,
        [
            say(
                LEAD,
                "records_analyst: Dunmore Rd dates. python_coder: day count. "
                "verification_expert: cross-check anything we have on Dunmore.",
            ),
            say(
                RECORDS,
                "capital-2024: Dunmore Rd main replacement (3,900 ft of 10-inch, Keane "
                "Civil) - notice to proceed 2024-03-28, substantial completion 2024-08-09.",
                find("Dunmore Rd main replacement dates"),
                open_doc("capital-2024"),
                mark="root",
            ),
            say(
                ENGINEER,
                "Makes sense it started late March - the 10-inch on Dunmore broke on "
                "March 1st (corrosion), which is what pushed the project up the list.",
            ),
            say(
                CODER,
                """```python
from datetime import date
ntp, substantial = date(2024, 3, 28), date(2024, 8, 9)
print((substantial - ntp).days, "days")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "Cross-checked: the break log has the Dunmore Rd 10-inch corrosion break on "
                "2024-03-01, before the notice to proceed, consistent with the engineer. "
                "134 days between the two contract dates. Approved.",
                open_doc("breaks-2024"),
                mark="symptom",
            ),
            say(WRITER, "The Dunmore Rd main replacement took 134 calendar days."),
        ],
    ),
    Run(
        "merrow_sept_dead_pool_discussed",
        HEALTHY,
        MERROW,
        [
            say(
                LEAD,
                "Lake Merrow, end of September 2024, in million m3. records, then "
                "engineer, coder, verification.",
            ),
            say(
                RECORDS,
                "storage-2024 Sep: Lake Merrow 12,870 af. The sheet notes totals include "
                "the 1,150 af dead pool.",
                open_doc("storage-2024"),
            ),
            say(
                ENGINEER,
                "The question asks how much water was stored, not how much was usable, so "
                "keep the dead pool in: 12,870 af.",
            ),
            say(
                CODER,
                """```python
AF_TO_M3 = 1233.48
print(f"{12870 * AF_TO_M3 / 1e6:.2f} million m3")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "Agree with total storage for 'water stored'. 15.87 million m3 checks.",
                open_doc("storage-2024"),
            ),
            say(
                WRITER,
                "Lake Merrow stored 15.87 million m3 at the end of September 2024 "
                "(12,870 acre-feet, dead pool included).",
            ),
        ],
    ),
    Run(
        "nrw_2024_unbilled_caught",
        HEALTHY,
        NRW,
        [
            say(LEAD, "Audit volumes -> percentage -> review."),
            say(
                RECORDS,
                "audit-2024: supplied 5,501.0, billed authorized 4,472.3, unbilled "
                "authorized 61.5 MG. NRW per the audit = supplied minus billed authorized.",
                find("AWWA water audit"),
                open_doc("audit-2024"),
            ),
            say(
                CODER,
                """```python
supplied, billed, unbilled = 5501.0, 4472.3, 61.5
print(f"{(supplied - billed - unbilled) / supplied:.2%}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                "The audit's own definition is supplied minus billed authorized; unbilled "
                "authorized is part of NRW, not subtracted from it. Please redo without "
                "the unbilled term.",
            ),
            say(
                CODER,
                """You're right:
```python
supplied, billed = 5501.0, 4472.3
print(f"{(supplied - billed) / supplied:.2%}")
```""",
            ),
            run_code(),
            say(VERIFIER, "18.70%. Approved."),
            say(WRITER, "18.70% of the water supplied in 2024 was non-revenue water."),
        ],
    ),
]
