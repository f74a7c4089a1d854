"""HT-301 disposition: discontinuation rate per arm at the March 2025 data cut."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT, HEALTHY, MADE_UP, WRONG_SOURCE

LEAD, DATA, ANALYST, STATS = (
    "ClinicalOperations_Expert",
    "ClinicalData_Expert",
    "DataAnalysis_Expert",
    "Statistics_Expert",
)
TEAM = {
    LEAD: "Clinical operations lead; knows the trial's disposition and data cuts.",
    DATA: "Data manager; knows which transfer holds what.",
    ANALYST: "Writes the Python for the disposition tables.",
    STATS: "Statistician; checks definitions and arithmetic.",
    VERIFIER: "Signs the result off against the question.",
}
TASK = brief(
    "HT-301: at the March 2025 data cut, what is the discontinuation rate in each arm "
    "(subjects discontinued / subjects randomised)? Percent, one decimal.",
    "ht301_subjects_cut2025-03.csv, ht301_subjects_cut2024-12.csv",
)

PLAN = """ok so: status column in the March cut file, discontinued over randomised, per arm.
Data to confirm the file, Analyst codes, Stats sanity-checks, Verification signs off."""
PLAN_AE = """ok so: discontinuation = subjects who stopped for an adverse event, i.e.
disc_reason == "adverse event" in the March cut, over randomised, per arm. Analyst codes,
Stats checks, Verification signs off."""
FILES = """March cut = ht301_subjects_cut2025-03.csv, one row per randomised subject. `status`
is completed / ongoing / discontinued, `disc_reason` filled when discontinued. The 2024-12
file is the older cut, ignore it."""
FILES_DEC = """Use ht301_subjects_cut2024-12.csv: that's the locked, cleaned cut. The 2025-03
transfer is a preliminary snapshot and statuses in it aren't reconciled yet. Columns are the
same: status, disc_reason."""

CODE = """```python
import csv
from collections import Counter

rows = list(csv.DictReader(open("ht301_subjects_cut2025-03.csv")))
randomised = Counter(r["arm"] for r in rows)
stopped = Counter(r["arm"] for r in rows if r["status"] == "discontinued")
for arm in ("velarin", "placebo"):
    print(f"{arm}: {stopped[arm]}/{randomised[arm]} = {100 * stopped[arm] / randomised[arm]:.1f}%")
```"""
CODE_DEC = CODE.replace("cut2025-03", "cut2024-12")
CODE_NOT_DONE = CODE.replace('r["status"] == "discontinued"', 'r["status"] != "completed"')
CODE_AE = CODE.replace('r["status"] == "discontinued"', 'r["disc_reason"] == "adverse event"')
CODE_TRACKER = """```python
import csv
from collections import Counter

rows = list(csv.DictReader(open("ht301_subjects_cut2025-03.csv")))
randomised = Counter(r["arm"] for r in rows)
# discontinuations per the site monitoring tracker (status column still being reconciled)
stopped = {"velarin": 4, "placebo": 2}
for arm in ("velarin", "placebo"):
    print(f"{arm}: {stopped[arm]}/{randomised[arm]} = {100 * stopped[arm] / randomised[arm]:.1f}%")
```"""
RIGHT = "velarin: 3/12 = 25.0%"


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FILES),
        say(ANALYST, CODE),
        run(RIGHT),
        say(STATS, "3/12 each arm, 25.0% and 25.0%. Denominator is randomised, as asked."),
        say(
            VERIFIER,
            "March cut, discontinued over randomised. APPROVED: velarin 25.0%, placebo 25.0%. "
            "TERMINATE",
        ),
    ]
    return Case("dropout_march_cut_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_cut_caught() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(ANALYST, CODE_DEC),
        run("velarin: 2/12 = 16.7%"),
        say(
            VERIFIER,
            "That reads the 2024-12 file; the question is the March 2025 cut. Analyst, rerun on "
            "ht301_subjects_cut2025-03.csv please.",
        ),
        say(ANALYST, "right, wrong file. again:\n" + CODE),
        run(RIGHT),
        say(STATS, "3/12 and 3/12: 25.0% each."),
        say(VERIFIER, "Now on the March cut. APPROVED: velarin 25.0%, placebo 25.0%. TERMINATE"),
    ]
    return Case("dropout_march_cut_old_file_caught", HEALTHY, TASK, TEAM, steps)


def _december_cut() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FILES_DEC),
        say(ANALYST, "on the locked cut then:\n" + CODE_DEC),
        run("placebo: 1/12 = 8.3%"),
        say(STATS, "2/12 = 16.7%, 1/12 = 8.3%. Fine."),
        say(
            VERIFIER,
            "Definition matches, arithmetic fine. APPROVED: velarin 16.7%, placebo 8.3%. TERMINATE",
        ),
    ]
    note = "the data expert sends the team to the December 2024 cut"
    return Case("dropout_march_cut_december_file", WRONG_SOURCE, TASK, TEAM, steps, 1, 5, note)


def _ongoing_counted() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FILES),
        say(
            STATS,
            "one thing first: 'ongoing' subjects haven't completed either, so for retention they "
            "count as not retained. Discontinued = anyone not completed.",
        ),
        say(ANALYST, "ok, counting everything that isn't completed:\n" + CODE_NOT_DONE),
        run("velarin: 5/12 = 41.7%"),
        say(
            VERIFIER,
            "Stats' definition applied, numbers follow. APPROVED: velarin 41.7%, placebo 33.3%. "
            "TERMINATE",
        ),
    ]
    note = "the statistician counts ongoing subjects as discontinued"
    return Case("dropout_march_cut_ongoing_counted", BAD_ASSUMPTION, TASK, TEAM, steps, 2, 5, note)


def _tracker_counts() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(DATA, FILES),
        say(
            ANALYST,
            "status column is still being reconciled, using the tracker counts for now:\n"
            + CODE_TRACKER,
        ),
        run("velarin: 4/12 = 33.3%"),
        say(STATS, "4/12 = 33.3%, 2/12 = 16.7%."),
        say(
            VERIFIER,
            "Randomised counts from the March file, percentages right. APPROVED: velarin 33.3%, "
            "placebo 16.7%. TERMINATE",
        ),
    ]
    note = "the analyst types in discontinuation counts instead of reading the status column"
    return Case("dropout_march_cut_tracker_counts", MADE_UP, TASK, TEAM, steps, 2, 5, note)


def _ae_only() -> Case:
    steps = [
        say(LEAD, PLAN_AE),
        say(DATA, FILES),
        say(ANALYST, CODE_AE),
        run("velarin: 2/12 = 16.7%"),
        say(STATS, "2/12 = 16.7%, 1/12 = 8.3%."),
        say(
            VERIFIER, "Per the plan's definition. APPROVED: velarin 16.7%, placebo 8.3%. TERMINATE"
        ),
    ]
    note = "the lead's plan counts only discontinuations for adverse events"
    return Case("dropout_march_cut_ae_only", BAD_SPLIT, TASK, TEAM, steps, 0, 5, note)


CASES = [
    _healthy(),
    _healthy_cut_caught(),
    _december_cut(),
    _ongoing_counted(),
    _tracker_counts(),
    _ae_only(),
]
