"""Planning-office runs on the rate schedule and the water audit."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    HEALTHY,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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

BILL = (
    "Under Ashford Valley Water's 2025 residential rates, what is the monthly bill for a "
    "customer with a 5/8-inch meter who used 14,000 gallons? No drought stage is in effect."
)
BILL_OPEN = (
    "What would a residential customer with a 5/8-inch meter pay for one month's water in "
    "2025 if they used 14,000 gallons?"
)
NRW = (
    "What share of the water Ashford Valley Water supplied in 2024 was non-revenue water? "
    "Percentage, two decimals."
)

_BLOCK_BILL = """```python
use_kgal = 14
blocks = [(6, 4.10), (15, 5.35), (float("inf"), 7.80)]  # (upper bound in kgal, $ per kgal)
volume, lower = 0.0, 0
for upper, price in blocks:
    volume += max(0, min(use_kgal, upper) - lower) * price
    lower = upper
print(f"volume ${volume:.2f}, bill ${14.20 + volume:.2f}")
```"""

_NRW_CODE = """```python
supplied = 5501.0
billed_authorized = 4472.3
nrw = supplied - billed_authorized
print(f"NRW {nrw:.1f} MG = {nrw / supplied * 100:.2f}% of supplied")
```"""

RUNS = [
    Run(
        "bill_14k_clean",
        HEALTHY,
        BILL,
        [
            say(
                LEAD,
                (
                    "records_analyst: 2025 residential schedule. python_coder: block-by-block bill "
                    'for 14,000 gal on a 5/8" meter. verification_expert: hand check.'
                ),
            ),
            say(
                RECORDS,
                (
                    'rates-2025: base $14.20 (5/8"); blocks per 1,000 gal: first 6,000 $4.10, '
                    "6,001-15,000 $5.35, above 15,000 $7.80. Each block priced only for use inside "
                    "it. Drought surcharge applies only in Stage 2."
                ),
                find("residential water rates 2025"),
                open_doc("rates-2025"),
            ),
            say(CODER, _BLOCK_BILL),
            run_code(),
            say(
                VERIFIER,
                (
                    "By hand: 6 x 4.10 = 24.60, 8 x 5.35 = 42.80, plus 14.20 base = 81.60. No "
                    "surcharge since no drought stage. Approved."
                ),
            ),
            say(
                WRITER,
                ("The 2025 monthly bill would be $81.60 ($14.20 base + $67.40 volume charge)."),
            ),
        ],
    ),
    Run(
        "bill_14k_prior_schedule",
        WRONG_SOURCE,
        BILL,
        [
            say(
                LEAD,
                (
                    "Rates lookup, then the bill calculation. Records, coder, verifier, writer in "
                    "that order."
                ),
            ),
            say(
                RECORDS,
                (
                    'Residential schedule: base charge $13.40 for a 5/8" meter; per '
                    "1,000 gal: $3.85 up to 6,000, $5.05 from 6,001 to 15,000, $7.30 "
                    "above 15,000."
                ),
                find("residential water rates"),
                open_doc("rates-2024"),
                mark="root",
            ),
            say(
                CODER,
                """```python
use = 14  # thousand gallons
base = 13.40
charge = min(use, 6) * 3.85 + max(0, min(use, 15) - 6) * 5.05 + max(0, use - 15) * 7.30
print(f"${base + charge:.2f}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Block math is right: first 6 at the first price, 8 at the second, none above "
                    "15. Base charge is the 5/8-inch one. $76.90 confirmed."
                ),
                mark="symptom",
            ),
            say(WRITER, "A 14,000-gallon month on a 5/8-inch meter costs $76.90."),
        ],
    ),
    Run(
        "bill_14k_plan_single_block",
        BAD_SPLIT,
        BILL_OPEN,
        [
            say(
                LEAD,
                (
                    "Approach:\n"
                    "1. records_analyst - base charge and volume prices from the 2025 schedule.\n"
                    "2. python_coder - find which block 14,000 gallons falls in and charge all "
                    "14,000 gallons at that block's price, plus the base charge.\n"
                    "3. verification_expert - check the figures.\n"
                    "4. report_writer."
                ),
                mark="root",
            ),
            say(
                RECORDS,
                (
                    "2025: base $14.20 (5/8-inch). $4.10 / 1,000 gal to 6,000; $5.35 from 6,001 to "
                    "15,000; $7.80 above."
                ),
                open_doc("rates-2025"),
            ),
            say(
                CODER,
                """As planned - 14,000 gal sits in the 6,001-15,000 block:
```python
gallons = 14000
rate = 4.10 if gallons <= 6000 else 5.35 if gallons <= 15000 else 7.80
print(round(14.20 + gallons / 1000 * rate, 2))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "14 x 5.35 = 74.90, + 14.20 = 89.10. Base and block price match the 2025 "
                    "schedule."
                ),
                mark="symptom",
            ),
            say(WRITER, "Monthly bill: $89.10."),
        ],
    ),
    Run(
        "bill_14k_coder_catches_blocks",
        HEALTHY,
        BILL_OPEN,
        [
            say(LEAD, "Rates from records, then a script. Verification at the end."),
            say(
                RECORDS,
                (
                    'rates-2025 for 5/8" meters: $14.20 base; $4.10, $5.35 and $7.80 per 1,000 '
                    'gallons for the 0-6k, 6-15k and >15k blocks; "each block priced only for use '
                    'inside it".'
                ),
                open_doc("rates-2025"),
            ),
            say(
                CODER,
                (
                    "First thought was 14 x 5.35 for the whole volume, but the schedule says each "
                    "block is priced only for use inside it, so it has to be split by block:\n"
                )
                + _BLOCK_BILL,
            ),
            run_code(),
            say(VERIFIER, "Block split is what the schedule prescribes. $81.60."),
            say(
                WRITER,
                ("One month at 14,000 gallons costs $81.60 under the 2025 residential rates."),
            ),
        ],
    ),
    Run(
        "bill_14k_surcharge_assumed",
        BAD_ASSUMPTION,
        BILL_OPEN,
        [
            say(
                LEAD,
                (
                    "records: 2025 rate schedule. hydrology_engineer: anything seasonal or "
                    "drought-related that applies. coder: the bill."
                ),
            ),
            say(
                RECORDS,
                (
                    "rates-2025: base $14.20; blocks $4.10 / $5.35 / $7.80 per kgal at 6k and 15k "
                    "breakpoints; 15% drought surcharge on volume charges during a Stage 2 drought."
                ),
                find("rates 2025 drought surcharge"),
                open_doc("rates-2025"),
            ),
            say(
                ENGINEER,
                (
                    "Reservoirs were drawn down hard through late summer - Merrow was under 13,000 "
                    "af by September - so the Stage 2 declaration is in force. Include the 15% "
                    "surcharge on the volume charge."
                ),
                mark="root",
            ),
            say(
                CODER,
                (
                    "```python\n"
                    "volume = 6 * 4.10 + 8 * 5.35\n"
                    "surcharge = 0.15 * volume\n"
                    'print(f"volume {volume:.2f} + surcharge {surcharge:.2f} + base '
                    '14.20 = {volume + surcharge + 14.20:.2f}")\n'
                    "```"
                ),
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Blocks computed correctly and the surcharge is applied to "
                    "volume charges only, per the schedule. $91.71 stands."
                ),
                mark="symptom",
            ),
            say(
                WRITER,
                (
                    "The customer's monthly bill would be $91.71, including the Stage 2 drought "
                    "surcharge."
                ),
            ),
        ],
    ),
    Run(
        "nrw_2024_clean",
        HEALTHY,
        NRW,
        [
            say(
                LEAD,
                (
                    "records_analyst: 2024 water audit volumes. hydrology_engineer: "
                    "confirm the NRW definition. python_coder: percentage."
                ),
            ),
            say(
                RECORDS,
                (
                    "audit-2024: supplied 5,501.0 MG, billed authorized 4,472.3, "
                    "unbilled authorized 61.5, apparent losses 118.4, real losses "
                    "848.8. The audit defines NRW as supplied minus billed "
                    "authorized."
                ),
                find("water audit 2024"),
                open_doc("audit-2024"),
            ),
            say(
                ENGINEER,
                (
                    "That's the AWWA definition: NRW = unbilled authorized + "
                    "apparent + real losses = supplied - billed authorized. Unbilled "
                    "authorized stays in."
                ),
            ),
            say(CODER, _NRW_CODE),
            run_code(),
            say(VERIFIER, "61.5 + 118.4 + 848.8 = 1,028.7, same as 5,501.0 - 4,472.3. 18.70%."),
            say(
                WRITER,
                (
                    "Non-revenue water was 18.70% of the water supplied in 2024 "
                    "(1,028.7 of 5,501.0 MG)."
                ),
            ),
        ],
    ),
    Run(
        "nrw_2024_unbilled_subtracted",
        WRONG_ACCEPTED,
        NRW,
        [
            say(LEAD, "Pull the 2024 audit, compute NRW share, verify, report."),
            say(
                RECORDS,
                (
                    "2024 audit (MG): water supplied 5,501.0; billed authorized 4,472.3; unbilled "
                    "authorized 61.5; apparent losses 118.4; real losses 848.8."
                ),
                open_doc("audit-2024"),
            ),
            say(
                CODER,
                """```python
supplied = 5501.0
billed = 4472.3
unbilled = 61.5
non_revenue = supplied - billed - unbilled
print(f"{non_revenue / supplied:.2%}")
```""",
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Re-ran the numbers mentally: 5,501.0 - 4,472.3 - 61.5 = 967.2, / 5,501.0 = "
                    "17.58%. Volumes match the audit. Good to go."
                ),
                mark="symptom",
            ),
            say(WRITER, "2024 non-revenue water: 17.58% of water supplied."),
        ],
    ),
    Run(
        "nrw_2024_billed_transposed",
        WRONG_INPUT,
        NRW,
        [
            say(
                LEAD,
                (
                    "records: audit volumes (supplied, billed authorized). coder: NRW %. writer: "
                    "answer."
                ),
            ),
            say(
                RECORDS,
                (
                    "audit-2024 -> water supplied 5,501.0 MG, billed authorized "
                    "consumption 4,427.3 MG."
                ),
                find("AWWA audit billed authorized"),
                open_doc("audit-2024"),
                mark="root",
            ),
            say(
                CODER,
                """```python
supplied, billed = 5501.0, 4427.3
print(round((supplied - billed) / supplied * 100, 2))
```""",
            ),
            run_code(),
            say(WRITER, "Non-revenue water made up 19.52% of 2024 supply.", mark="symptom"),
        ],
    ),
    Run(
        "nrw_2024_after_404",
        MADE_UP,
        NRW,
        [
            say(
                LEAD,
                (
                    "records_analyst: 2024 audit - supplied and billed authorized. "
                    "python_coder: NRW share. verification_expert: check."
                ),
            ),
            say(
                RECORDS,
                (
                    "Couldn't open the audit under audit-2024-awwa. Using the "
                    "standard audit summary figures for 2024: water supplied 5,501.0 "
                    "MG, billed authorized 4,610.0 MG."
                ),
                open_doc("audit-2024-awwa"),
                mark="root",
            ),
            say(
                CODER,
                """```python
supplied = 5501.0
billed_auth = 4610.0
print(f"{(supplied - billed_auth) / supplied * 100:.2f}")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Supplied volume agrees with the production report total (5,501.0 MG), "
                    "definition is supplied minus billed authorized. 16.20% accepted."
                ),
                open_doc("production-2024"),
                mark="symptom",
            ),
            say(WRITER, "About 16.20% of the water supplied in 2024 was non-revenue water."),
        ],
    ),
]
