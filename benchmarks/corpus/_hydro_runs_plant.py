"""Planning-office runs on pump energy and lead sampling."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    HEALTHY,
    TOOL_FAILURE,
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

PUMP = (
    "How much electricity, in kWh, did pump P-3 at the Kestrel booster station draw in Q3 2024 "
    "if it ran at full load for all its logged hours? Use 1 hp = 0.7457 kW and the nameplate "
    "motor efficiency. Round to the nearest kWh."
)
LEAD_PCT = (
    "In the 2024 lead and copper sampling, what percentage of the homes sampled were above the "
    "lead action level? Two decimals."
)

_PUMP_CODE = """```python
hp, hours, efficiency = 75, 1530, 0.93
shaft_kw = hp * 0.7457
print(f"shaft {shaft_kw:.2f} kW, input {shaft_kw / efficiency:.2f} kW")
print(f"energy drawn: {shaft_kw / efficiency * hours:,.0f} kWh")
```"""

RUNS = [
    Run(
        "pump_p3_energy_clean",
        HEALTHY,
        PUMP,
        [
            say(
                LEAD,
                (
                    "records_analyst: P-3 rating and Q3 run hours, plus efficiency. "
                    "hydrology_engineer: confirm shaft vs input power. python_coder: kWh."
                ),
            ),
            say(
                RECORDS,
                (
                    "pumps-kestrel-q3: P-3 motor 75 hp, 1,530 run hours in Q3 2024. Nameplate "
                    "efficiency about 93% at full load."
                ),
                find("Kestrel booster pump hours"),
                open_doc("pumps-kestrel-q3"),
            ),
            say(
                ENGINEER,
                (
                    "Motor rating in hp is output (shaft) power. Electricity drawn = shaft kW / "
                    "efficiency x hours."
                ),
            ),
            say(CODER, _PUMP_CODE),
            run_code(),
            say(
                VERIFIER,
                (
                    "75 x 0.7457 = 55.93 kW shaft, / 0.93 = 60.14 kW in, x 1,530 h = 92,010 kWh. "
                    "Approved."
                ),
            ),
            say(WRITER, "Pump P-3 drew about 92,010 kWh in Q3 2024."),
        ],
    ),
    Run(
        "pump_p3_rating_read_as_kw",
        BAD_ASSUMPTION,
        PUMP,
        [
            say(LEAD, "Lookup, engineering check on the units, then compute. Verification after."),
            say(
                RECORDS,
                ("P-3: 75 hp motor, 1,530 h in Q3 2024; efficiency ~93% (pumps-kestrel-q3)."),
                open_doc("pumps-kestrel-q3"),
            ),
            say(
                ENGINEER,
                (
                    "Careful with units. P-3 was re-motored in the 2022 VFD "
                    "retrofit, and the retrofit motors on this station are specified "
                    'in kW - the "hp" on the sheet is a leftover column label. Treat '
                    "75 as kW and skip the hp conversion."
                ),
                mark="root",
            ),
            say(
                CODER,
                """Using 75 kW per the engineer:
```python
kw, hours, eff = 75, 1530, 0.93
print(round(kw / eff * hours))
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Hours and efficiency are from the Q3 sheet, and the engineer's "
                    "unit correction has been applied. 123,387 kWh."
                ),
                mark="symptom",
            ),
            say(WRITER, "P-3 drew approximately 123,387 kWh of electricity in Q3 2024."),
        ],
    ),
    Run(
        "pump_p3_units_crash_hand_math",
        CODE_FAILURE,
        PUMP,
        [
            say(
                LEAD,
                (
                    "records -> coder -> verifier -> writer. Energy drawn at the "
                    "meter, so divide by efficiency."
                ),
            ),
            say(
                RECORDS,
                "P-3 | 75 hp | 1,530 hours (Q3 2024). Motor efficiency about 93%.",
                find("pump run hours Q3"),
                open_doc("pumps-kestrel-q3"),
            ),
            say(
                CODER,
                """Keeping the values as they appear on the sheet:
```python
rating = "75 hp"
hours = "1,530"
kwh = float(rating) * 0.7457 / 0.93 * float(hours)
print(round(kwh))
```""",
                mark="root",
            ),
            run_code(),
            say(
                CODER,
                (
                    "Conversion error on the raw strings. Doing it directly then: 75 "
                    "x 0.7457 / 0.93 x 1,530 comes to roughly 90,010 kWh."
                ),
                mark="symptom",
            ),
            say(
                VERIFIER,
                (
                    "Formula has the hp conversion and divides by efficiency as "
                    "required, inputs are P-3's. 90,010 kWh is fine."
                ),
            ),
            say(WRITER, "Pump P-3 used about 90,010 kWh in Q3 2024."),
        ],
    ),
    Run(
        "pump_p3_units_crash_fixed",
        HEALTHY,
        PUMP,
        [
            say(
                LEAD,
                (
                    "Same drill: records for P-3, coder for kWh (input power, so efficiency in the "
                    "denominator), verification."
                ),
            ),
            say(
                RECORDS,
                "Kestrel Q3 2024, P-3: 75 hp, 1,530 run hours; efficiency 93%.",
                open_doc("pumps-kestrel-q3"),
            ),
            say(
                CODER,
                """```python
rating = "75 hp"
kwh = float(rating) * 0.7457 / 0.93 * 1530
print(round(kwh))
```""",
            ),
            run_code(),
            say(
                CODER,
                ("ValueError on '75 hp' - I left the unit in the string. Numbers only this time:\n")
                + _PUMP_CODE,
            ),
            run_code(),
            say(VERIFIER, "92,010 kWh; I get the same by hand (60.14 kW x 1,530 h)."),
            say(WRITER, "P-3 at Kestrel drew 92,010 kWh in the third quarter of 2024."),
        ],
    ),
    Run(
        "pump_p3_hours_transposed",
        WRONG_INPUT,
        PUMP,
        [
            say(
                LEAD,
                (
                    "records_analyst: P-3 hours and motor data. python_coder: electricity drawn. "
                    "verification_expert: check the formula."
                ),
            ),
            say(
                RECORDS,
                (
                    "pumps-kestrel-q3 says P-3 (75 hp) logged 1,350 run hours in Q3 2024; motor "
                    "efficiency about 93%."
                ),
                find("Kestrel P-3 run hours"),
                open_doc("pumps-kestrel-q3"),
                mark="root",
            ),
            say(
                CODER,
                """```python
hp, hours, efficiency = 75, 1350, 0.93
print(f"{hp * 0.7457 / efficiency * hours:,.0f} kWh")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "hp -> kW with 0.7457, divided by 0.93 for input power, times "
                    "the logged hours. Formula right; 81,185 kWh."
                ),
                mark="symptom",
            ),
            say(WRITER, "Electricity drawn by P-3 in Q3 2024: 81,185 kWh."),
        ],
    ),
    Run(
        "lead_share_verifier_reruns",
        HEALTHY,
        LEAD_PCT,
        [
            say(
                LEAD,
                (
                    "records_analyst: the 2024 consumer confidence report and its site results. "
                    "python_coder: percentage. verification_expert: rerun independently."
                ),
            ),
            say(
                RECORDS,
                (
                    "ccr-2024: 62 homes sampled. Site table (ccr-2024-sites) lists the sites at or "
                    "above 5 ppb: 5.8, 21.5, 6.2, 15.0, 9.4, 17.2, 5.1. A site exceeds when it is "
                    "above 15 ppb, so S-12 (21.5) and S-40 (17.2); S-23 sits exactly at 15.0."
                ),
                find("lead copper sampling 2024"),
                open_doc("ccr-2024"),
                open_doc("ccr-2024-sites"),
            ),
            say(
                CODER,
                """```python
results = [5.8, 21.5, 6.2, 15.0, 9.4, 17.2, 5.1]
above = sum(r > 15 for r in results)
print(above, f"{above / 62 * 100:.2f}%")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                """Rerunning from the raw counts to be sure:
```python
sampled, above = 62, 2
print(round(above / sampled * 100, 2))
```""",
                open_doc("ccr-2024-sites"),
            ),
            run_code(),
            say(
                VERIFIER,
                ("3.23 both ways; 15.0 correctly left out since it is not above the action level."),
            ),
            say(
                WRITER,
                ("3.23% of sampled homes (2 of 62) were above the lead action level in 2024."),
            ),
        ],
    ),
    Run(
        "lead_share_at_or_above",
        WRONG_ACCEPTED,
        LEAD_PCT,
        [
            say(LEAD, "Records for the sampling numbers, coder for the share, verifier to check."),
            say(
                RECORDS,
                (
                    "Homes sampled: 62 (ccr-2024). Results at or above 5 ppb from ccr-2024-sites: "
                    "S-07 5.8, S-12 21.5, S-19 6.2, S-23 15.0, S-31 9.4, S-40 17.2, S-52 5.1 ppb."
                ),
                open_doc("ccr-2024"),
                open_doc("ccr-2024-sites"),
            ),
            say(
                CODER,
                """Action level is 15 ppb:
```python
ppb = {"S-07": 5.8, "S-12": 21.5, "S-19": 6.2, "S-23": 15.0, "S-31": 9.4, "S-40": 17.2, "S-52": 5.1}
exceed = [s for s, v in ppb.items() if v >= 15]
print(exceed, f"{len(exceed) / 62:.2%}")
```""",
                mark="root",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Site values transcribed correctly, 62 homes is the denominator. "
                    "Three sites at the action level -> 4.84%. Approved."
                ),
                mark="symptom",
            ),
            say(WRITER, "4.84% of the homes sampled (3 of 62) were above the lead action level."),
        ],
    ),
    Run(
        "lead_share_site_table_404",
        TOOL_FAILURE,
        LEAD_PCT,
        [
            say(LEAD, "Look up the lead sampling results, compute the share, check, report."),
            say(
                RECORDS,
                (
                    "ccr-2024: 62 homes sampled, 90th percentile 4.1 ppb. Tried the site-level "
                    "results for exceedances; the site table came back with no entries, so no site "
                    "was above the lead action level."
                ),
                find("lead sampling 2024"),
                open_doc("ccr-2024"),
                open_doc("ccr-sites-2024"),
                mark="root",
            ),
            say(
                CODER,
                """```python
above, sampled = 0, 62
print(f"{above / sampled * 100:.2f}%")
```""",
            ),
            run_code(),
            say(
                VERIFIER,
                (
                    "Zero exceedances out of 62 gives 0.00%. Consistent with a 90th "
                    "percentile well below 15 ppb."
                ),
                mark="symptom",
            ),
            say(
                WRITER,
                ("None of the 62 homes sampled in 2024 exceeded the lead action level (0.00%)."),
            ),
        ],
    ),
]
