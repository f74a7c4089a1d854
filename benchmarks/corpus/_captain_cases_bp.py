"""HT-301 blood pressure: the week-12 treatment difference in systolic pressure."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
    WRONG_SOURCE,
)

LEAD, DATA, CODER, DOCTOR = (
    "Biostatistics_Expert",
    "ClinicalData_Expert",
    "Python_Expert",
    "Cardiology_Expert",
)
TEAM = {
    LEAD: "Biostatistician who plans the analysis of a trial endpoint.",
    DATA: "Clinical data manager who knows the trial's datasets, visits and columns.",
    CODER: "Writes Python (standard library only) to compute results from the data files.",
    DOCTOR: "Cardiologist who judges whether a blood-pressure result is clinically sensible.",
    VERIFIER: "Checks the answer against the task and the output before closing the session.",
}
TASK = brief(
    "HT-301 (velarin versus placebo): what is the treatment difference, velarin minus "
    "placebo, in the mean change from baseline in systolic blood pressure at Week 12, "
    "among subjects with both a baseline and a Week 12 reading? Report mmHg to one decimal.",
    "ht301_subjects_cut2025-03.csv, ht301_subjects_cut2024-12.csv, ht301_vitals.csv",
)

PLAN = """## Plan
1. ClinicalData_Expert: confirm where arm and systolic readings live and how visits are coded.
2. Python_Expert: per subject, Week 12 SBP minus baseline SBP, only subjects with both.
3. Mean change per arm, then velarin minus placebo.
4. Cardiology_Expert sanity-checks the size and direction; Verification_Expert signs off."""
PLAN_ONE_ARM = """## Plan
1. ClinicalData_Expert: point us to the arm and systolic readings.
2. Python_Expert: change from baseline to Week 12 for subjects who have both readings.
3. Report the mean change in the velarin arm, one decimal.
4. Cardiology_Expert and Verification_Expert check it."""
LAYOUT = """Arm is in ht301_subjects_cut2025-03.csv (`arm`: velarin / placebo, one row per
subject). ht301_vitals.csv is long format: subject_id, visit, visit_day, sbp, dbp; visits
are coded BASELINE, WEEK4, WEEK8, WEEK12. Subjects who stopped early simply have no WEEK12
row, so the "both readings" rule takes care of itself."""
LAYOUT_WEEK8 = """Arm is in ht301_subjects_cut2025-03.csv (`arm`). Readings are in ht301_vitals.csv
(subject_id, visit, visit_day, sbp, dbp). In this extract the end-of-treatment reading is
the WEEK8 row; WEEK12 is the follow-up visit after the last dose. So for "Week 12" we
should take the WEEK8 systolic value against BASELINE."""
LOCF = """Arms are in the March subjects file; vitals are long format with BASELINE, WEEK4,
WEEK8 and WEEK12 rows. Note four subjects stopped before Week 12. The usual convention for
a BP endpoint is last observation carried forward, so their last on-treatment reading should
stand in for Week 12 and nobody dosed drops out of the comparison."""

CODE = """```python
import csv
from statistics import mean

arm = {r["subject_id"]: r["arm"] for r in csv.DictReader(open("ht301_subjects_cut2025-03.csv"))}
sbp = {}
for r in csv.DictReader(open("ht301_vitals.csv")):
    sbp.setdefault(r["subject_id"], {})[r["visit"]] = int(r["sbp"])

change = {"velarin": [], "placebo": []}
for sid, visits in sbp.items():
    if "BASELINE" in visits and "WEEK12" in visits:
        change[arm[sid]].append(visits["WEEK12"] - visits["BASELINE"])
for name, values in change.items():
    print(f"{name}: n={len(values)}, mean change={mean(values):.2f} mmHg")
print(f"difference velarin - placebo: {mean(change['velarin']) - mean(change['placebo']):.1f} mmHg")
```"""
CODE_WEEK8 = CODE.replace('"WEEK12"', '"WEEK8"')
CODE_FLIPPED = CODE.replace(
    'visits["WEEK12"] - visits["BASELINE"]', 'visits["BASELINE"] - visits["WEEK12"]'
)
CODE_UPPER = CODE.replace('int(r["sbp"])', 'int(r["SBP"])')
CODE_LOCF = """```python
import csv
from statistics import mean

arm = {r["subject_id"]: r["arm"] for r in csv.DictReader(open("ht301_subjects_cut2025-03.csv"))}
order = ["BASELINE", "WEEK4", "WEEK8", "WEEK12"]
sbp = {}
for r in csv.DictReader(open("ht301_vitals.csv")):
    sbp.setdefault(r["subject_id"], {})[r["visit"]] = int(r["sbp"])

change = {"velarin": [], "placebo": []}
for sid, visits in sbp.items():
    seen = [v for v in order if v in visits]
    if len(seen) < 2:
        continue
    last = visits[seen[-1]]  # last observation carried forward
    change[arm[sid]].append(last - visits["BASELINE"])
for name, values in change.items():
    print(f"{name}: n={len(values)}, mean change (LOCF)={mean(values):.2f} mmHg")
print(f"difference velarin - placebo: {mean(change['velarin']) - mean(change['placebo']):.1f} mmHg")
```"""


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, LAYOUT),
        say(CODER, "Computing the change per subject and the arm means:\n" + CODE),
        run("difference velarin - placebo: -11.7 mmHg"),
        say(
            DOCTOR,
            "Velarin -13.8 mmHg against -2.1 mmHg on placebo, nine completers per arm. A "
            "placebo-adjusted drop of about 12 mmHg is in the range expected for this class.",
        ),
        say(
            VERIFIER,
            "Checked: both arms n=9 (the four early stoppers and the two never-dosed subjects "
            "have no Week 12 row), change taken as Week 12 minus baseline, difference "
            "-13.78 - (-2.11) = -11.67. Answer: -11.7 mmHg. TERMINATE",
        ),
    ]
    return Case("bp_week12_difference_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_column_typo() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, LAYOUT),
        say(CODER, CODE_UPPER),
        run("KeyError: 'SBP'", crash=True),
        say(CODER, "The header is lowercase `sbp`; corrected:\n" + CODE),
        run("difference velarin - placebo: -11.7 mmHg"),
        say(DOCTOR, "-11.7 mmHg placebo-adjusted is plausible for an ARB-like agent at 12 weeks."),
        say(
            VERIFIER,
            "Second run is clean, n=9 per arm, sign is Week 12 minus baseline. The answer is "
            "-11.7 mmHg. TERMINATE",
        ),
    ]
    return Case("bp_week12_header_typo_fixed", HEALTHY, TASK, TEAM, steps)


def _week8() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, LAYOUT_WEEK8),
        say(CODER, "Using WEEK8 as the end-of-treatment reading, as advised:\n" + CODE_WEEK8),
        run("difference velarin - placebo: -8.2 mmHg"),
        say(
            DOCTOR,
            "-10.4 mmHg on velarin versus -2.3 on placebo; a placebo-adjusted -8.2 mmHg is a "
            "believable effect.",
        ),
        say(
            VERIFIER,
            "The script ran without errors and the arithmetic is consistent: -10.44 - (-2.27) "
            "= -8.17. Final answer: -8.2 mmHg. TERMINATE",
        ),
    ]
    note = "the data expert calls WEEK8 the Week 12 reading; the file has WEEK12 rows"
    return Case("bp_week12_week8_taken", WRONG_SOURCE, TASK, TEAM, steps, 1, 5, note)


def _flipped() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, LAYOUT),
        say(CODER, "Reduction from baseline per subject, then arm means:\n" + CODE_FLIPPED),
        run("difference velarin - placebo: 11.7 mmHg"),
        say(DOCTOR, "About 12 mmHg more on velarin than placebo: the expected size of effect."),
        say(
            VERIFIER,
            "Counts are right (n=9 and n=9) and 13.78 - 2.11 = 11.67. The answer is 11.7 "
            "mmHg. TERMINATE",
        ),
    ]
    note = "baseline minus Week 12: the difference comes out +11.7 instead of -11.7"
    return Case("bp_week12_sign_flipped", WRONG_ACCEPTED, TASK, TEAM, steps, 2, 5, note)


def _locf() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, LOCF),
        say(CODER, "Carrying the last reading forward for the early stoppers:\n" + CODE_LOCF),
        run("difference velarin - placebo: -11.2 mmHg"),
        say(DOCTOR, "With LOCF both arms have 11 subjects; -11.2 mmHg is consistent."),
        say(
            VERIFIER,
            "Reran the numbers by hand from the printout: -12.91 - (-1.73) = -11.18. "
            "Answer -11.2 mmHg. TERMINATE",
        ),
    ]
    note = "LOCF brings in the early stoppers the task excludes (both readings required)"
    return Case("bp_week12_locf_assumed", BAD_ASSUMPTION, TASK, TEAM, steps, 1, 5, note)


def _one_arm() -> Case:
    steps = [
        say(LEAD, PLAN_ONE_ARM),
        say(DATA, LAYOUT),
        say(CODER, CODE),
        run("velarin: n=9, mean change=-13.78 mmHg"),
        say(DOCTOR, "A 13.8 mmHg fall over 12 weeks on velarin is a good response."),
        say(
            VERIFIER,
            "Per the plan we report the velarin arm: -13.78 rounds to -13.8 mmHg. Verified. "
            "TERMINATE",
        ),
    ]
    note = "the plan reports the velarin arm's change, dropping 'minus placebo'"
    return Case("bp_week12_placebo_dropped", LOST_CONSTRAINT, TASK, TEAM, steps, 0, 5, note)


CASES = [_healthy(), _healthy_column_typo(), _week8(), _flipped(), _locf(), _one_arm()]
