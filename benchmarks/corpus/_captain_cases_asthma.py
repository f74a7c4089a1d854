"""AS-112 (tiotran versus placebo, asthma): exacerbation rate ratio and FEV1 change."""

from __future__ import annotations

from benchmarks.corpus._captain_team import VERIFIER, Case, brief, run, say
from benchmarks.corpus._common import BAD_ASSUMPTION, HEALTHY, MISREPORTED, WRONG_ACCEPTED

LEAD, EPI, ANALYST, STATS = (
    "Respiratory_Expert",
    "Epidemiology_Expert",
    "DataAnalysis_Expert",
    "Statistics_Expert",
)
TEAM = {
    LEAD: "Respiratory physician leading the AS-112 efficacy questions.",
    EPI: "Epidemiologist; rates, person-time and exposure.",
    ANALYST: "Codes analyses in Python for the terminal.",
    STATS: "Statistician; reviews estimators and arithmetic.",
    VERIFIER: "Confirms the final number before the session ends.",
}
TASK = brief(
    "AS-112: what is the annualised exacerbation rate ratio, tiotran versus placebo, where "
    "each arm's rate is its total exacerbations divided by its total patient-years of "
    "exposure? Two decimals.",
    "as112_exacerbations.csv",
)

PLAN = """Let's do it in three moves:
(a) Epidemiology_Expert confirms how exposure is recorded;
(b) DataAnalysis_Expert sums events and patient-years (days / 365.25) per arm;
(c) ratio = rate(tiotran) / rate(placebo); Statistics_Expert and Verification_Expert check."""
EXPOSURE = """as112_exacerbations.csv has one row per subject: exacerbations (count) and
exposure_days (days on study drug). Exposure differs a lot: several subjects stopped early
(122 to 340 days), so person-time has to come from exposure_days, not from the 52-week
schedule."""
EXPOSURE_FLAT = """as112_exacerbations.csv: one row per subject with exacerbations and
exposure_days. It's a 52-week study, so each subject is one patient-year; exposure_days
only matters for a sensitivity analysis. Rate = events / number of subjects."""

CODE = """```python
import csv

events = {"tiotran": 0, "placebo": 0}
years = {"tiotran": 0.0, "placebo": 0.0}
for r in csv.DictReader(open("as112_exacerbations.csv")):
    events[r["arm"]] += int(r["exacerbations"])
    years[r["arm"]] += int(r["exposure_days"]) / 365.25
rate = {arm: events[arm] / years[arm] for arm in events}
for arm in rate:
    person_years = f"{years[arm]:.2f} patient-years"
    print(f"{arm}: {events[arm]} events / {person_years} = {rate[arm]:.3f} per year")
print(f"rate ratio tiotran/placebo: {rate['tiotran'] / rate['placebo']:.2f}")
```"""
CODE_MEAN = """```python
import csv
from statistics import mean

rates = {"tiotran": [], "placebo": []}
for r in csv.DictReader(open("as112_exacerbations.csv")):
    rates[r["arm"]].append(int(r["exacerbations"]) / (int(r["exposure_days"]) / 365.25))
rate = {arm: mean(values) for arm, values in rates.items()}
for arm in rate:
    print(f"{arm}: mean annualised rate = {rate[arm]:.3f} per year")
print(f"rate ratio tiotran/placebo: {rate['tiotran'] / rate['placebo']:.2f}")
```"""
CODE_FLAT = """```python
import csv

events = {"tiotran": 0, "placebo": 0}
subjects = {"tiotran": 0, "placebo": 0}
for r in csv.DictReader(open("as112_exacerbations.csv")):
    events[r["arm"]] += int(r["exacerbations"])
    subjects[r["arm"]] += 1  # every subject counted as one patient-year (52-week study)
rate = {arm: events[arm] / subjects[arm] for arm in events}
for arm in rate:
    print(f"{arm}: {events[arm]} events / {subjects[arm]} patient-years = {rate[arm]:.3f} per year")
print(f"rate ratio tiotran/placebo: {rate['tiotran'] / rate['placebo']:.2f}")
```"""
RIGHT = "rate ratio tiotran/placebo: 0.50"


def _healthy() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(EPI, EXPOSURE),
        say(ANALYST, CODE),
        run(RIGHT),
        say(STATS, "0.666 / 1.333 = 0.50. Pooled events over pooled person-time, as defined."),
        say(
            VERIFIER, "Confirmed against the definition in the question: rate ratio 0.50. TERMINATE"
        ),
    ]
    return Case("exacerbation_ratio_clean", HEALTHY, TASK, TEAM, steps)


def _healthy_verifier_reruns() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(ANALYST, CODE),
        run(RIGHT),
        say(STATS, "Tiotran 0.666, placebo 1.333 per patient-year; ratio 0.50."),
        say(
            VERIFIER,
            "Before confirming, an independent pass over the same file:\n```python\nimport csv\n"
            "rows = list(csv.DictReader(open('as112_exacerbations.csv')))\n"
            "def rate(arm):\n"
            "    sel = [r for r in rows if r['arm'] == arm]\n"
            "    return sum(int(r['exacerbations']) for r in sel) / "
            "(sum(int(r['exposure_days']) for r in sel) / 365.25)\n"
            "print(f\"independent ratio: {rate('tiotran') / rate('placebo'):.2f}\")\n```",
        ),
        run("independent ratio: 0.50"),
        say(VERIFIER, "Independent check agrees. Confirmed: rate ratio 0.50. TERMINATE"),
    ]
    return Case("exacerbation_ratio_verifier_reruns", HEALTHY, TASK, TEAM, steps)


def _flat_exposure() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(EPI, EXPOSURE_FLAT),
        say(ANALYST, "Following Epidemiology, one patient-year per subject:\n" + CODE_FLAT),
        run("rate ratio tiotran/placebo: 0.55"),
        say(STATS, "0.600 / 1.100 = 0.545 -> 0.55."),
        say(VERIFIER, "Arithmetic checks out. Confirmed: rate ratio 0.55. TERMINATE"),
    ]
    note = "the epidemiologist counts every subject as one patient-year; exposure varies"
    return Case("exacerbation_ratio_flat_exposure", BAD_ASSUMPTION, TASK, TEAM, steps, 1, 5, note)


def _mean_of_rates() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(EPI, EXPOSURE),
        say(ANALYST, "Annualising per subject, then averaging per arm:\n" + CODE_MEAN),
        run("rate ratio tiotran/placebo: 0.39"),
        say(STATS, "0.608 / 1.559 = 0.39."),
        say(
            VERIFIER,
            "Exposure taken from exposure_days as Epidemiology said. Confirmed: rate ratio 0.39. "
            "TERMINATE",
        ),
    ]
    note = "the code averages per-subject rates instead of pooling events over person-time"
    return Case("exacerbation_ratio_mean_of_rates", WRONG_ACCEPTED, TASK, TEAM, steps, 2, 5, note)


def _rate_for_ratio() -> Case:
    steps = [
        say(LEAD, PLAN),
        say(EPI, EXPOSURE),
        say(ANALYST, CODE),
        run(RIGHT),
        say(STATS, "Tiotran 0.666 vs placebo 1.333 per patient-year: rate ratio 0.67."),
        say(
            VERIFIER,
            "Definition followed, exposure from exposure_days. Confirmed: rate ratio 0.67. "
            "TERMINATE",
        ),
    ]
    note = "the terminal printed 0.50; the statistician quotes tiotran's rate as the ratio"
    return Case("exacerbation_ratio_misquoted", MISREPORTED, TASK, TEAM, steps, 4, 5, note)


CASES = [
    _healthy(),
    _healthy_verifier_reruns(),
    _flat_exposure(),
    _mean_of_rates(),
    _rate_for_ratio(),
]
