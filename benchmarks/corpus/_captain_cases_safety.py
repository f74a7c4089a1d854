"""HT-301 safety: the share of velarin subjects with a related grade 3+ adverse event."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import BAD_ASSUMPTION, HEALTHY, SELF_REPORT, WRONG_ACCEPTED

LEAD, DATA, ANALYST, STATS = (
    "Safety_Expert",
    "ClinicalData_Expert",
    "DataAnalysis_Expert",
    "Statistics_Expert",
)
TEAM = {
    LEAD: "Pharmacovigilance physician; defines which adverse events count.",
    DATA: "Data manager for HT-301; knows populations, flags and file layouts.",
    ANALYST: "Writes and explains Python analyses of the trial files.",
    STATS: "Statistician; checks denominators and rounding.",
    VERIFIER: "Final check of the answer against the question; signs off.",
}
TASK = brief(
    "HT-301, safety population: what percentage of subjects in the velarin arm had at "
    "least one treatment-related adverse event of grade 3 or higher? One decimal.",
    "ht301_subjects_cut2025-03.csv, ht301_ae.csv",
)

PLAN = """Plan:
- numerator: velarin subjects with >=1 AE, grade >= 3, related = Y (count subjects, not events)
- denominator: velarin safety population (received at least one dose)
- data expert to confirm the flags, analyst to code it, stats to check the division."""
PLAN_SERIOUS = """Plan:
- numerator: velarin subjects with >=1 AE of grade >= 3 that is drug-related, i.e. the
  `serious` = Y flag in ht301_ae.csv
- denominator: velarin safety population
- analyst codes it, stats checks."""
FLAGS = """Safety population = subjects with a `first_dose` date in the subjects file (two
randomised subjects were never dosed). ht301_ae.csv: one row per event, `grade` 1-5,
`related` Y/N, `serious` Y/N, `onset_day`."""
FLAGS_ITT = """ht301_ae.csv has grade, related and serious per event. The subjects file has no
dosing flag, so the safety population is everyone randomised to velarin (12 subjects)."""

CODE = """```python
import csv

subjects = list(csv.DictReader(open("ht301_subjects_cut2025-03.csv")))
safety = {s["subject_id"] for s in subjects if s["arm"] == "velarin" and s["first_dose"]}
hit = set()
for ae in csv.DictReader(open("ht301_ae.csv")):
    if ae["subject_id"] in safety and int(ae["grade"]) >= 3 and ae["related"] == "Y":
        hit.add(ae["subject_id"])
print("velarin safety population:", len(safety))
print("subjects with a related grade>=3 AE:", len(hit), sorted(hit))
print(f"proportion: {100 * len(hit) / len(safety):.1f}%")
```"""
CODE_ITT = CODE.replace(' and s["first_dose"]', "")
CODE_SERIOUS = CODE.replace('ae["related"] == "Y"', 'ae["serious"] == "Y"')
CODE_EVENTS = """```python
import csv

subjects = list(csv.DictReader(open("ht301_subjects_cut2025-03.csv")))
safety = {s["subject_id"] for s in subjects if s["arm"] == "velarin" and s["first_dose"]}
events = [
    ae for ae in csv.DictReader(open("ht301_ae.csv"))
    if ae["subject_id"] in safety and int(ae["grade"]) >= 3 and ae["related"] == "Y"
]
print("velarin safety population:", len(safety))
print("related grade>=3 AEs:", len(events))
print(f"proportion: {100 * len(events) / len(safety):.1f}%")
```"""


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FLAGS),
        say(ANALYST, CODE),
        run("proportion: 45.5%"),
        say(STATS, "5 / 11 = 45.45 -> 45.5%. Subjects counted once each (103-03 had two)."),
        say(
            VERIFIER,
            "Numerator, denominator and grade cut all match the question. APPROVED: 45.5%. "
            "TERMINATE",
        ),
    ]
    return Case("ae_related_grade3_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_denominator_query() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(ANALYST, CODE),
        run("velarin safety population: 11"),
        say(STATS, "Denominator is 11, but 12 were randomised to velarin. Which one is out?"),
        say(
            DATA,
            "HT301-102-01: randomised, withdrew before dosing, no first_dose. Out of safety by "
            "definition.",
        ),
        say(STATS, "Fine. 5/11 = 45.5%."),
        say(
            VERIFIER, "Denominator query resolved, count is per subject. APPROVED: 45.5%. TERMINATE"
        ),
    ]
    return Case("ae_related_grade3_denominator_query", HEALTHY, TASK, TEAM, steps)


def _events_counted() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FLAGS),
        say(ANALYST, CODE_EVENTS),
        run("proportion: 54.5%"),
        say(STATS, "6 / 11 = 54.55 -> 54.5%."),
        say(
            VERIFIER, "Ran clean, grade and relatedness filters present. APPROVED: 54.5%. TERMINATE"
        ),
    ]
    note = "the code counts events (6) instead of subjects (5): 103-03 counted twice"
    return Case("ae_related_grade3_events_counted", WRONG_ACCEPTED, TASK, TEAM, steps, 2, 5, note)


def _itt_denominator() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FLAGS_ITT),
        say(ANALYST, "Denominator = all velarin randomised, per data.\n" + CODE_ITT),
        run("proportion: 41.7%"),
        say(STATS, "5 / 12 = 41.67 -> 41.7%."),
        say(
            VERIFIER,
            "Denominator as stated by data management, subjects not events. APPROVED: 41.7%. "
            "TERMINATE",
        ),
    ]
    note = "the data expert says there is no dosing flag; first_dose is in the file"
    return Case("ae_related_grade3_itt_denominator", BAD_ASSUMPTION, TASK, TEAM, steps, 1, 5, note)


def _serious_for_related() -> Case:
    steps = [
        say(LEAD, PLAN_SERIOUS),
        say(DATA, FLAGS),
        say(ANALYST, CODE_SERIOUS),
        run("proportion: 27.3%"),
        say(STATS, "3 / 11 = 27.27 -> 27.3%."),
        say(
            VERIFIER,
            "Cannot sign this. The code filters on `serious`, the question asks for "
            "treatment-related, which is the `related` column. 27.3% answers a different "
            "question.",
        ),
        say(
            LEAD,
            "For the safety narrative serious-and-severe is what matters; keep 27.3% as the "
            "figure. TERMINATE",
        ),
    ]
    note = "the lead's plan maps 'treatment-related' to the serious flag"
    return Case("ae_related_grade3_serious_flag", SELF_REPORT, TASK, TEAM, steps, 0, 5, note)


CASES = [
    _healthy(),
    _healthy_denominator_query(),
    _events_counted(),
    _itt_denominator(),
    _serious_for_related(),
]
