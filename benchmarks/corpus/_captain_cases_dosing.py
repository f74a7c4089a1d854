"""HT-301 dosing: subjects whose first dose exceeded 2.0 mg/kg; one site weighs in lb."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import CODE_FAILURE, HEALTHY, REPETITION, WRONG_INPUT

LEAD, DATA, CODER, PHARMACIST = (
    "ClinicalPharmacology_Expert",
    "ClinicalData_Expert",
    "Python_Expert",
    "Pharmacy_Expert",
)
TEAM = {
    LEAD: "Clinical pharmacologist; owns the weight-based dosing rule.",
    DATA: "Data manager; knows the subject and dosing files and their units.",
    CODER: "Writes Python for the terminal.",
    PHARMACIST: "Trial pharmacist; knows the dispensed doses.",
    VERIFIER: "Checks the answer; replies APPROVE when it is right.",
}
TASK = brief(
    "HT-301: the protocol dose is 1.5 mg/kg. How many subjects received a Week 1 dose "
    "above 2.0 mg/kg of body weight? List them.",
    "ht301_subjects_cut2025-03.csv, ht301_dosing.csv",
)

PLAN = """Steps.
1. Data: weight source and unit.
2. Python: dose_mg / weight_kg per dosed subject, count > 2.0.
3. Pharmacy: plausibility vs dispensing.
4. Verification."""
WEIGHTS = """Weight: subjects file, `weight` with `weight_unit`. Site 103 (US) records lb, the
rest kg; convert lb / 2.20462. Dose: ht301_dosing.csv, `dose_mg`, visit WEEK1, dosed
subjects only."""
WEIGHTS_KG = """Weight: subjects file, `weight`, kg. Dose: ht301_dosing.csv, `dose_mg`, visit
WEEK1, dosed subjects only."""

CODE = """```python
import csv

weight = {}
for s in csv.DictReader(open("ht301_subjects_cut2025-03.csv")):
    kg = float(s["weight"])
    if s["weight_unit"] == "lb":
        kg = kg / 2.20462
    weight[s["subject_id"]] = kg
over = []
for d in csv.DictReader(open("ht301_dosing.csv")):
    mg_per_kg = float(d["dose_mg"]) / weight[d["subject_id"]]
    if mg_per_kg > 2.0:
        over.append(f'{d["subject_id"]} ({mg_per_kg:.2f} mg/kg)')
print("doses above 2.0 mg/kg:", len(over))
for line in over:
    print(" ", line)
```"""
CODE_KG = CODE.replace(
    """    kg = float(s["weight"])
    if s["weight_unit"] == "lb":
        kg = kg / 2.20462
    weight[s["subject_id"]] = kg""",
    """    weight[s["subject_id"]] = float(s["weight"])""",
)
CODE_STR = CODE.replace('float(d["dose_mg"]) / weight', 'd["dose_mg"] / weight')
RIGHT = "doses above 2.0 mg/kg: 4"
CRASH = "TypeError: unsupported operand type(s) for /: 'str' and 'float'"


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, WEIGHTS),
        say(CODER, CODE),
        run(RIGHT),
        say(
            PHARMACIST,
            "Matches dispensing: 101-02 got 150 mg at 63.5 kg, 103-05 175 mg at 84.4 kg.",
        ),
        say(
            VERIFIER,
            "lb converted, > 2.0 strict, WEEK1 only. APPROVE. 4 subjects: 101-02, 102-06, 103-05, "
            "104-06. TERMINATE",
        ),
    ]
    return Case("dose_mgkg_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_lb_caught() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(CODER, CODE_KG),
        run("doses above 2.0 mg/kg: 3"),
        say(VERIFIER, "Site 103 weights are lb (weight_unit). Not converted. Redo."),
        say(CODER, "Converted:\n" + CODE),
        run(RIGHT),
        say(
            VERIFIER,
            "103-05 now in at 2.07 mg/kg. APPROVE. 4 subjects: 101-02, 102-06, 103-05, 104-06. "
            "TERMINATE",
        ),
    ]
    return Case("dose_mgkg_pounds_caught", HEALTHY, TASK, TEAM, steps)


def _pounds_as_kg() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, WEIGHTS_KG),
        say(CODER, CODE_KG),
        run("doses above 2.0 mg/kg: 3"),
        say(PHARMACIST, "Consistent with dispensing for 101-02, 102-06, 104-06."),
        say(
            VERIFIER,
            "> 2.0 strict, WEEK1 only, output consistent. APPROVE. 3 subjects: 101-02, 102-06, "
            "104-06. TERMINATE",
        ),
    ]
    note = "the data expert gives weight as kg throughout; site 103 records lb"
    return Case("dose_mgkg_pounds_as_kg", WRONG_INPUT, TASK, TEAM, steps, 1, 5, note)


def _same_crash_three_times() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, WEIGHTS),
        say(CODER, CODE_STR),
        run(CRASH, crash=True),
        say(CODER, CODE_STR),
        run(CRASH, crash=True),
        say(CODER, CODE_STR),
        run(CRASH, crash=True),
    ]
    note = "the same crashing cell (dose read as text) posted three times"
    return Case("dose_mgkg_same_cell_repeated", REPETITION, TASK, TEAM, steps, 2, 6, note)


def _crash_then_guess() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, WEIGHTS),
        say(CODER, CODE_STR),
        run(CRASH, crash=True),
        say(
            PHARMACIST,
            "From the dispensing log: 101-02 (150 mg, 63.5 kg) and 104-06 (125 mg, 59.4 kg) are "
            "over 2 mg/kg. Two subjects.",
        ),
        say(
            VERIFIER,
            "2.36 and 2.10 mg/kg, both > 2.0. APPROVE. 2 subjects: 101-02, 104-06. TERMINATE",
        ),
    ]
    note = "the cell crashes (dose as text); the pharmacist's count is no computed result"
    return Case("dose_mgkg_crash_then_log", CODE_FAILURE, TASK, TEAM, steps, 2, 4, note)


CASES = [
    _healthy(),
    _healthy_lb_caught(),
    _pounds_as_kg(),
    _same_crash_three_times(),
    _crash_then_guess(),
]
