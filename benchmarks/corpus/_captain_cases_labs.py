"""HT-301 labs: subjects with week-12 creatinine above 1.5 x ULN, units mixed by site."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import (
    CODE_FAILURE,
    HEALTHY,
    MISREPORTED,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)

LEAD, LAB, CODER, ANALYST = (
    "Nephrology_Expert",
    "LabData_Expert",
    "Python_Expert",
    "DataAnalysis_Expert",
)
TEAM = {
    LEAD: "Nephrologist; sets the renal safety criteria and their limits.",
    LAB: "Central-lab data specialist; knows tests, visits and units in the lab file.",
    CODER: "Python developer; writes the code the terminal runs.",
    ANALYST: "Summarises the computed results for the safety report.",
    VERIFIER: "Verifies the final answer against the question and the terminal output.",
}
TASK = brief(
    "HT-301: how many subjects had a Week 12 serum creatinine above 1.5 times the upper "
    "limit of normal? The protocol's ULN for creatinine is 1.2 mg/dL.",
    "ht301_labs.csv, ht301_subjects_cut2025-03.csv",
)

PLAN = """Thank you. Suggested approach:
1. The threshold is 1.5 x 1.2 = 1.8 mg/dL.
2. LabData_Expert, could you please confirm the test code and units for creatinine?
3. Python_Expert, please count subjects whose WEEK12 creatinine exceeds the threshold.
4. DataAnalysis_Expert summarises; Verification_Expert confirms."""
UNITS = """Certainly. Creatinine is test code CREAT, visits BASELINE and WEEK12. Please note
the `unit` column: sites 101-103 report mg/dL, site 104 reports umol/L, so those values
need dividing by 88.4 before comparing. The file also carries potassium (K) rows, one of
which is "ND" (not done)."""
UNITS_WRONG = """Certainly. Creatinine is test code CREAT, visits BASELINE and WEEK12, and the
central lab reports it in mg/dL for all sites, so the values can be compared to 1.8
directly. Potassium (K) rows are in the same file."""

CODE = """```python
import csv

ULN = 1.2
limit = 1.5 * ULN
high = []
for r in csv.DictReader(open("ht301_labs.csv")):
    if r["test"] != "CREAT" or r["visit"] != "WEEK12":
        continue
    value = float(r["value"])
    if r["unit"] == "umol/L":
        value = value / 88.4  # umol/L -> mg/dL
    if value > limit:
        high.append(r["subject_id"])
print(f"limit: {limit:.2f} mg/dL")
print("subjects above 1.5 x ULN:", len(high))
print(" ", ", ".join(high))
```"""
CODE_NO_UNITS = CODE.replace(
    """    if r["unit"] == "umol/L":
        value = value / 88.4  # umol/L -> mg/dL
""",
    "",
)
_FILTER = """    if r["test"] != "CREAT" or r["visit"] != "WEEK12":
        continue
    value = float(r["value"])
"""
CODE_CRASH = CODE.replace(
    _FILTER,
    """    value = float(r["value"])
    if r["test"] != "CREAT" or r["visit"] != "WEEK12":
        continue
""",
)
CODE_SKIP_UNITS = CODE.replace(
    _FILTER,
    """    if r["unit"] != "mg/dL":
        continue  # skip the rows that are not plain numbers
"""
    + _FILTER,
)
RESULT = "subjects above 1.5 x ULN: 4"


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS),
        say(CODER, "Here is the count, converting site 104 first:\n" + CODE),
        run(RESULT),
        say(
            ANALYST,
            "Four subjects exceed 1.8 mg/dL at Week 12: 101-04, 102-06, 104-01 and 104-02 (the "
            "last two 2.30 and 1.93 mg/dL once converted).",
        ),
        say(
            VERIFIER,
            "I have checked the threshold (1.8 mg/dL), the unit conversion for site 104 and the "
            "Week 12 filter. Verification passed: 4 subjects. TERMINATE",
        ),
    ]
    return Case("creatinine_week12_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_nd_fixed() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS),
        say(CODER, CODE_CRASH),
        run("could not convert string to float: 'ND'", crash=True),
        say(
            CODER,
            "My apologies: I converted before filtering, so the potassium 'ND' row broke it. "
            "Filtering first:\n" + CODE,
        ),
        run(RESULT),
        say(ANALYST, "Four subjects exceed 1.8 mg/dL at Week 12: 101-04, 102-06, 104-01, 104-02."),
        say(
            VERIFIER,
            "The corrected run filters on CREAT and WEEK12 before converting and divides site 104 "
            "by 88.4. Verification passed: 4 subjects. TERMINATE",
        ),
    ]
    return Case("creatinine_week12_nd_row_fixed", HEALTHY, TASK, TEAM, steps)


def _units_missed() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS_WRONG),
        say(CODER, "As all values are mg/dL, a direct comparison:\n" + CODE_NO_UNITS),
        run("subjects above 1.5 x ULN: 7"),
        say(
            ANALYST,
            "Seven subjects exceed 1.8 mg/dL at Week 12, five of them at site 104, which may "
            "deserve a site-level look.",
        ),
        say(
            VERIFIER,
            "The count matches the terminal output and the threshold is 1.5 x 1.2. Verification "
            "passed: 7 subjects. TERMINATE",
        ),
    ]
    note = "the lab expert says all sites report mg/dL; site 104's rows say umol/L"
    return Case("creatinine_week12_units_missed", WRONG_INPUT, TASK, TEAM, steps, 1, 5, note)


def _crash_ignored() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS),
        say(CODER, CODE_CRASH),
        run("could not convert string to float: 'ND'", crash=True),
        say(
            ANALYST,
            "Thank you. From the lab listing, three subjects are above 1.8 mg/dL at Week 12: "
            "101-04, 102-06 and 104-01.",
        ),
        say(
            VERIFIER,
            "The listing and the threshold agree. Verification passed: 3 subjects. TERMINATE",
        ),
    ]
    note = "the cell crashes on the 'ND' row; the analyst gives a count no code produced"
    return Case("creatinine_week12_crash_ignored", CODE_FAILURE, TASK, TEAM, steps, 2, 4, note)


def _fix_drops_site() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS),
        say(CODER, CODE_CRASH),
        run("could not convert string to float: 'ND'", crash=True),
        say(
            CODER,
            "Apologies, a non-numeric row. Keeping only the mg/dL rows avoids it:\n"
            + CODE_SKIP_UNITS,
        ),
        run("subjects above 1.5 x ULN: 2"),
        say(ANALYST, "Two subjects exceed 1.8 mg/dL at Week 12: 101-04 (1.92) and 102-06 (1.81)."),
        say(
            VERIFIER,
            "The second run completed without error and applies the 1.8 mg/dL threshold to Week 12"
            " creatinine. Verification passed: 2 subjects. TERMINATE",
        ),
    ]
    note = "the fix for the 'ND' crash keeps only mg/dL rows, dropping site 104's creatinine"
    return Case("creatinine_week12_fix_drops_site", WRONG_ACCEPTED, TASK, TEAM, steps, 4, 7, note)


def _misreported() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(LAB, UNITS),
        say(CODER, CODE),
        run(RESULT),
        say(
            ANALYST, "Five subjects exceed 1.8 mg/dL at Week 12: 101-04, 102-06, 104-01 and 104-02."
        ),
        say(
            VERIFIER,
            "Threshold and conversion are right and the subjects are listed. Verification passed: "
            "5 subjects. TERMINATE",
        ),
    ]
    note = "the terminal printed 4; the analyst writes five (listing four)"
    return Case("creatinine_week12_count_misreported", MISREPORTED, TASK, TEAM, steps, 4, 5, note)


CASES = [
    _healthy(),
    _healthy_nd_fixed(),
    _units_missed(),
    _crash_ignored(),
    _fix_drops_site(),
    _misreported(),
]
