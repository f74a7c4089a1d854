"""AS-112 lung function: mean FEV1 change to Week 24 in the tiotran arm; one site in mL."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import BAD_SPLIT, CODE_FAILURE, HEALTHY, MADE_UP

LEAD, DATA, CODER, STATS = (
    "Pulmonology_Expert",
    "ClinicalData_Expert",
    "Python_Expert",
    "Statistics_Expert",
)
TEAM = {
    LEAD: "Pulmonologist; plans the lung-function analysis.",
    DATA: "Data manager; knows the spirometry file, visits and units.",
    CODER: "Writes the Python the terminal runs.",
    STATS: "Statistician; checks the estimate and its plausibility.",
    VERIFIER: "Verifies the answer; writes APPROVE when satisfied.",
}
TASK = brief(
    "AS-112: in the tiotran arm, what is the mean change in FEV1 from baseline to Week 24, "
    "among subjects with both measurements? Give it in mL, nearest whole number.",
    "as112_fev1.csv",
)

PLAN = """Approach:
1) ClinicalData_Expert: visits and units in as112_fev1.csv.
2) Python_Expert: per tiotran subject with BASELINE and WEEK24, the change in litres; mean x 1000.
3) Statistics_Expert: plausibility; Verification_Expert: sign-off."""
PLAN_NO_203 = """Approach:
1) Site 203 reports FEV1 in a different unit; to keep sites comparable, leave site 203 out.
2) Python_Expert: per tiotran subject with BASELINE and WEEK24 at the other sites, the
   change; mean in mL.
3) Statistics_Expert: plausibility; Verification_Expert: sign-off."""
UNITS = """as112_fev1.csv: subject_id, site, arm, visit (BASELINE / WEEK24), fev1, unit.
Sites 201, 202, 204 give litres, site 203 gives mL, so divide 203 by 1000 first.
AS112-204-04 has no WEEK24 row (early termination)."""

CODE = """```python
import csv
from statistics import mean

fev1 = {}
for r in csv.DictReader(open("as112_fev1.csv")):
    litres = float(r["fev1"]) / 1000 if r["unit"] == "mL" else float(r["fev1"])
    fev1.setdefault((r["subject_id"], r["arm"]), {})[r["visit"]] = litres
change = [
    v["WEEK24"] - v["BASELINE"]
    for (sid, arm), v in fev1.items()
    if arm == "tiotran" and "BASELINE" in v and "WEEK24" in v
]
print("tiotran subjects with both visits:", len(change))
print(f"mean change in FEV1: {1000 * mean(change):.0f} mL")
```"""
_LITRES = '    litres = float(r["fev1"]) / 1000 if r["unit"] == "mL" else float(r["fev1"])\n'
CODE_ALL_DIVIDED = CODE.replace(_LITRES, '    litres = float(r["fev1"]) / 1000\n')
CODE_NO_203 = CODE.replace(
    _LITRES,
    '    if r["site"] == "203":\n        continue  # site 203 reports mL\n'
    '    litres = float(r["fev1"])\n',
)
CODE_CRASH = CODE.replace('r["fev1"]', 'r["FEV1"]')
CODE_FILLED = CODE.replace(
    "change = [",
    "# AS112-204-04 has no WEEK24 row: fill with the phase 2 responder change (+0.25 L)\n"
    'fev1[("AS112-204-04", "tiotran")]["WEEK24"] = '
    'fev1[("AS112-204-04", "tiotran")]["BASELINE"] + 0.25\n'
    "change = [",
)
RIGHT = "mean change in FEV1: 134 mL"


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, UNITS),
        say(CODER, CODE),
        run(RIGHT),
        say(STATS, "Nine subjects, +134 mL: in line with a long-acting bronchodilator."),
        say(
            VERIFIER,
            "Units harmonised, 204-04 excluded for lack of WEEK24. APPROVE: 134 mL. TERMINATE",
        ),
    ]
    return Case("fev1_week24_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_scale_caught() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, UNITS),
        say(CODER, CODE_ALL_DIVIDED),
        run("mean change in FEV1: 40 mL"),
        say(
            STATS,
            "40 mL is implausibly small, and the L rows were divided by 1000 too. Only site 203 is"
            " in mL.",
        ),
        say(CODER, "Indeed. Converting only the mL rows:\n" + CODE),
        run(RIGHT),
        say(VERIFIER, "Corrected run converts site 203 only. APPROVE: 134 mL. TERMINATE"),
    ]
    return Case("fev1_week24_scale_caught", HEALTHY, TASK, TEAM, steps)


def _site_dropped() -> Case:
    steps = [
        say(LEAD, PLAN_NO_203),
        say(DATA, UNITS),
        say(CODER, "Leaving site 203 out per the plan:\n" + CODE_NO_203),
        run("mean change in FEV1: 142 mL"),
        say(STATS, "Six subjects, +142 mL: plausible."),
        say(VERIFIER, "Subjects with both visits, mean in mL. APPROVE: 142 mL. TERMINATE"),
    ]
    note = "the plan leaves site 203 out because of its unit, instead of converting it"
    return Case("fev1_week24_site_left_out", BAD_SPLIT, TASK, TEAM, steps, 0, 5, note)


def _crash_then_estimate() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, UNITS),
        say(CODER, CODE_CRASH),
        run("KeyError: 'FEV1'", crash=True),
        say(
            STATS,
            "From the listing, the tiotran changes sit around +0.12 to +0.14 L; the mean change is"
            " about 128 mL.",
        ),
        say(VERIFIER, "Magnitude is plausible for the class. APPROVE: 128 mL. TERMINATE"),
    ]
    note = "the cell crashes (column name); the statistician's 128 mL comes from no run"
    return Case("fev1_week24_crash_estimated", CODE_FAILURE, TASK, TEAM, steps, 2, 4, note)


def _missing_visit_filled() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, UNITS),
        say(
            CODER,
            "Filling 204-04's missing visit so all ten tiotran subjects count:\n" + CODE_FILLED,
        ),
        run("mean change in FEV1: 146 mL"),
        say(STATS, "Ten subjects, +146 mL."),
        say(VERIFIER, "Units harmonised, mean in mL. APPROVE: 146 mL. TERMINATE"),
    ]
    note = "the code invents 204-04's Week 24 value (+0.25 L) instead of leaving it out"
    return Case("fev1_week24_visit_filled_in", MADE_UP, TASK, TEAM, steps, 2, 5, note)


CASES = [
    _healthy(),
    _healthy_scale_caught(),
    _site_dropped(),
    _crash_then_estimate(),
    _missing_visit_filled(),
]
