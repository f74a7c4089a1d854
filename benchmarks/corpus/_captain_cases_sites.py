"""Site questions: AS-112 enrolment against target, HT-301 Week 12 visit windows."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    HEALTHY,
    LOST_CONSTRAINT,
    SELF_REPORT,
    WRONG_ACCEPTED,
)

OPS, SITES, ANALYST, STATS = (
    "ClinicalOperations_Expert",
    "SiteManagement_Expert",
    "DataAnalysis_Expert",
    "Statistics_Expert",
)
ENROL_TEAM = {
    OPS: "Operations lead for AS-112; owns recruitment reporting.",
    SITES: "Site manager; knows each site's status and targets.",
    ANALYST: "Computes the figures in Python.",
    STATS: "Statistician; checks sums and rounding.",
    VERIFIER: "Confirms the reported figure matches the question.",
}
ENROL_TASK = brief(
    "AS-112: across the sites that are still active, what share of the combined "
    "randomisation target has been reached? Percent, one decimal.",
    "as112_sites.csv",
)
ENROL_PLAN = """1. SiteManagement_Expert: which sites are active.
2. DataAnalysis_Expert: sum randomized and target over the active sites, divide.
3. Statistics_Expert checks; Verification_Expert confirms."""
ENROL_PLAN_ALL = """1. SiteManagement_Expert: the site list and targets.
2. DataAnalysis_Expert: total randomized over total target, all sites in the file.
3. Statistics_Expert checks; Verification_Expert confirms."""
SITE_STATUS = """as112_sites.csv has status per site: 205 (Kaunas) closed, the other five
active. 206 (Cork) was activated in January and has randomised nobody yet."""
SITE_STATUS_206 = """as112_sites.csv: 205 closed. 206 is flagged active but hasn't
randomised anyone since January activation - it isn't really recruiting, so leave 206 out of
both the count and the target."""
ENROL_CODE = """```python
import csv

sites = [s for s in csv.DictReader(open("as112_sites.csv")) if s["status"] == "active"]
target = sum(int(s["target"]) for s in sites)
done = sum(int(s["randomized"]) for s in sites)
print("active sites:", ", ".join(s["site"] for s in sites))
print(f"randomised {done} of target {target}: {100 * done / target:.1f}%")
```"""
ENROL_CODE_ALL = ENROL_CODE.replace(' if s["status"] == "active"', "")
ENROL_CODE_NO_206 = ENROL_CODE.replace(
    'if s["status"] == "active"', 'if s["status"] == "active" and int(s["randomized"]) > 0'
)
ENROL_RIGHT = "randomised 26 of target 54: 48.1%"


def _enrol_healthy() -> list[Case]:
    clean = [
        say(OPS, ENROL_PLAN),
        say(SITES, SITE_STATUS),
        say(ANALYST, ENROL_CODE),
        run(ENROL_RIGHT),
        say(STATS, "26 / 54 = 0.4815 -> 48.1%."),
        say(VERIFIER, "Active sites only, 205 out, 206 in with zero. Confirmed: 48.1%. TERMINATE"),
    ]
    queried = [
        say(OPS, ENROL_PLAN),
        say(ANALYST, ENROL_CODE),
        run(ENROL_RIGHT),
        say(STATS, "Should 206 count? It has a target of 10 and nobody randomised."),
        say(OPS, "Yes: it is active, so its target is part of the combined target."),
        say(VERIFIER, "Agreed with Operations. Confirmed: 48.1%. TERMINATE"),
    ]
    return [
        Case("enrolment_active_clean", HEALTHY, ENROL_TASK, ENROL_TEAM, clean),
        Case("enrolment_active_site_queried", HEALTHY, ENROL_TASK, ENROL_TEAM, queried),
    ]


def _enrol_failing() -> list[Case]:
    every_site = [
        say(OPS, ENROL_PLAN_ALL),
        say(SITES, SITE_STATUS),
        say(ANALYST, ENROL_CODE_ALL),
        run("randomised 27 of target 62: 43.5%"),
        say(STATS, "27 / 62 = 0.4355 -> 43.5%."),
        say(VERIFIER, "Sum and division are right. Confirmed: 43.5%. TERMINATE"),
    ]
    no_206 = [
        say(OPS, ENROL_PLAN),
        say(SITES, SITE_STATUS_206),
        say(ANALYST, ENROL_CODE_NO_206),
        run("randomised 26 of target 44: 59.1%"),
        say(STATS, "26 / 44 = 59.1%."),
        say(
            VERIFIER,
            "I can't confirm this. 206 is listed active and the question covers every active site,"
            " target included. 59.1% leaves out 10 of the target.",
        ),
        say(
            SITES,
            "Sponsor reporting has always left non-recruiting sites out. 59.1% stands. TERMINATE",
        ),
    ]
    return [
        Case(
            "enrolment_active_closed_site_kept",
            LOST_CONSTRAINT,
            ENROL_TASK,
            ENROL_TEAM,
            every_site,
            0,
            5,
            "the plan sums over all sites, dropping 'still active'",
        ),
        Case(
            "enrolment_active_new_site_left_out",
            SELF_REPORT,
            ENROL_TASK,
            ENROL_TEAM,
            no_206,
            1,
            5,
            "the site manager leaves the active site 206 out; the verifier objects",
        ),
    ]


MONITOR, DATA, CODER, QA = (
    "Monitoring_Expert",
    "ClinicalData_Expert",
    "Python_Expert",
    "QualityAssurance_Expert",
)
WINDOW_TEAM = {
    MONITOR: "Lead clinical research associate; knows the visit schedule.",
    DATA: "Data manager; knows the vitals file and visit days.",
    CODER: "Writes the Python for the terminal.",
    QA: "Quality assurance; protocol deviations.",
    VERIFIER: "Verifies the answer and replies APPROVE when correct.",
}
WINDOW_TASK = brief(
    "HT-301: the Week 12 visit is due on day 85, window +/- 7 days. What percentage of the "
    "Week 12 visits that took place fell outside the window? One decimal.",
    "ht301_vitals.csv, ht301_subjects_cut2025-03.csv",
)
WINDOW_PLAN = """Visit day is in ht301_vitals.csv. Python_Expert: take the WEEK12 rows, flag
|visit_day - 85| > 7, divide by the number of WEEK12 rows. QA and Verification check."""
VISIT_DAYS = """visit_day is the study day of the visit, day 1 = first dose. Subjects who
discontinued before Week 12 have no WEEK12 row."""
VISIT_DAYS_MISSED = """visit_day is study day, day 1 = first dose. Note four dosed subjects have
no WEEK12 row: a missed visit is a window deviation too, so count them as outside and keep all
dosed subjects in the denominator."""
WINDOW_CODE = """```python
import csv

week12 = [r for r in csv.DictReader(open("ht301_vitals.csv")) if r["visit"] == "WEEK12"]
outside = [r["subject_id"] for r in week12 if abs(int(r["visit_day"]) - 85) > 7]
print("Week 12 visits:", len(week12))
print("outside day 85 +/- 7:", len(outside), outside)
print(f"share outside window: {100 * len(outside) / len(week12):.1f}%")
```"""
WINDOW_CODE_ALL_ROWS = """```python
import csv

visits = list(csv.DictReader(open("ht301_vitals.csv")))
outside = [
    r["subject_id"] for r in visits if r["visit"] == "WEEK12" and abs(int(r["visit_day"]) - 85) > 7
]
print("visits:", len(visits))
print("outside day 85 +/- 7:", len(outside), outside)
print(f"share outside window: {100 * len(outside) / len(visits):.1f}%")
```"""
WINDOW_CODE_MISSED = """```python
import csv

subjects = csv.DictReader(open("ht301_subjects_cut2025-03.csv"))
dosed = [s["subject_id"] for s in subjects if s["first_dose"]]
day = {
    r["subject_id"]: int(r["visit_day"])
    for r in csv.DictReader(open("ht301_vitals.csv")) if r["visit"] == "WEEK12"
}
outside = [sid for sid in dosed if sid not in day or abs(day[sid] - 85) > 7]
print("dosed subjects:", len(dosed))
print("outside or missed:", len(outside))
print(f"share outside window: {100 * len(outside) / len(dosed):.1f}%")
```"""
WINDOW_CODE_CRASH = WINDOW_CODE.replace('abs(int(r["visit_day"]) - 85)', 'abs(r["visit_day"] - 85)')
WINDOW_RIGHT = "share outside window: 16.7%"


def _window_cases() -> list[Case]:
    clean = [
        say(MONITOR, WINDOW_PLAN),
        say(DATA, VISIT_DAYS),
        say(CODER, WINDOW_CODE),
        run(WINDOW_RIGHT),
        say(QA, "102-03 (day 94), 103-05 (day 76), 104-04 (day 95): three deviations out of 18."),
        say(VERIFIER, "WEEK12 rows only, window 78-92. APPROVE: 16.7%. TERMINATE"),
    ]
    asked = [
        say(MONITOR, WINDOW_PLAN),
        say(CODER, WINDOW_CODE),
        run(WINDOW_RIGHT),
        say(QA, "Do the four early terminations count as missed Week 12 visits here?"),
        say(
            MONITOR,
            "No: the question is about visits that took place. They are reported as "
            "discontinuations, not window deviations.",
        ),
        say(VERIFIER, "3 of 18 visits that took place. APPROVE: 16.7%. TERMINATE"),
    ]
    all_rows = [
        say(MONITOR, WINDOW_PLAN),
        say(DATA, VISIT_DAYS),
        say(CODER, WINDOW_CODE_ALL_ROWS),
        run("share outside window: 3.6%"),
        say(QA, "Three deviations: 102-03, 103-05, 104-04."),
        say(
            VERIFIER,
            "Window 78-92 applied to Week 12, same three subjects as QA. APPROVE: 3.6%. TERMINATE",
        ),
    ]
    missed = [
        say(MONITOR, WINDOW_PLAN),
        say(DATA, VISIT_DAYS_MISSED),
        say(
            CODER, "Counting missed visits as outside, per data management:\n" + WINDOW_CODE_MISSED
        ),
        run("share outside window: 31.8%"),
        say(QA, "3 late or early plus 4 missed: 7 of 22 dosed subjects."),
        say(VERIFIER, "Window and denominator as agreed. APPROVE: 31.8%. TERMINATE"),
    ]
    crashed = [
        say(MONITOR, WINDOW_PLAN),
        say(DATA, VISIT_DAYS),
        say(CODER, WINDOW_CODE_CRASH),
        run("TypeError: unsupported operand type(s) for -: 'str' and 'int'", crash=True),
        say(
            QA,
            "Per the deviation log: 102-03 on day 94 and 104-04 on day 95, 2 of 18 visits, 11.1%.",
        ),
        say(VERIFIER, "Both are more than 7 days late. APPROVE: 11.1%. TERMINATE"),
    ]
    return [
        Case("visit_window_clean", HEALTHY, WINDOW_TASK, WINDOW_TEAM, clean),
        Case("visit_window_missed_visits_asked", HEALTHY, WINDOW_TASK, WINDOW_TEAM, asked),
        Case(
            "visit_window_every_visit_denominator",
            WRONG_ACCEPTED,
            WINDOW_TASK,
            WINDOW_TEAM,
            all_rows,
            2,
            5,
            "the code divides by all 84 vitals rows, not the 18 Week 12 visits",
        ),
        Case(
            "visit_window_missed_counted",
            BAD_ASSUMPTION,
            WINDOW_TASK,
            WINDOW_TEAM,
            missed,
            1,
            5,
            "the data expert counts missed visits as outside the window",
        ),
        Case(
            "visit_window_crash_then_log",
            CODE_FAILURE,
            WINDOW_TASK,
            WINDOW_TEAM,
            crashed,
            2,
            4,
            "the cell crashes (day read as text); QA's 11.1% misses 103-05",
        ),
    ]


CASES = [*_enrol_healthy(), *_enrol_failing(), *_window_cases()]
