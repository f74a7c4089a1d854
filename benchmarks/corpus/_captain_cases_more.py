"""More runs of the same tasks in other shapes: longer chains, a verifier's own slip, a
request the coder keeps answering the same way, late adjustments and harmless detours."""

from __future__ import annotations

from benchmarks.corpus import _captain_cases_asthma as asthma
from benchmarks.corpus import _captain_cases_dosing as dosing
from benchmarks.corpus import _captain_cases_labs as labs
from benchmarks.corpus import _captain_cases_lung as lung
from benchmarks.corpus import _captain_cases_safety as safety
from benchmarks.corpus import _captain_cases_sites as sites
from benchmarks.corpus._captain_team import VERIFIER, Case, run, say
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    PING_PONG,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)

_CHECK = """```python
import csv

limit = 1.5 * {uln}
n = 0
for r in csv.DictReader(open("ht301_labs.csv")):
    if r["test"] == "CREAT" and r["visit"] == "WEEK12":
        value = float(r["value"]) / (88.4 if r["unit"] == "umol/L" else 1)
        n += value > limit
print("independent count:", n)
```"""
PLAN_ULN = labs.PLAN.replace(
    "1.5 x 1.2 = 1.8 mg/dL", "1.5 x 1.1 = 1.65 mg/dL (central-lab ULN 1.1)"
)


def _labs_runs() -> list[Case]:
    uln_chain = [
        say(labs.LEAD, PLAN_ULN),
        say(labs.LAB, labs.UNITS),
        say(
            labs.CODER,
            "With the 1.65 mg/dL threshold from the plan:\n"
            + labs.CODE.replace("ULN = 1.2", "ULN = 1.1"),
        ),
        run("subjects above 1.5 x ULN: 5"),
        say(
            labs.ANALYST,
            "Five subjects exceed 1.65 mg/dL at Week 12, four of them once site 104 is converted.",
        ),
        say(
            VERIFIER,
            "I would like to recount independently before confirming:\n" + _CHECK.format(uln=1.1),
        ),
        run("independent count: 5"),
        say(
            VERIFIER,
            "The independent count agrees with the analysis. Verification passed: 5 subjects. "
            "TERMINATE",
        ),
    ]
    rechecked = [
        say(labs.LEAD, labs.PLAN),
        say(labs.LAB, labs.UNITS),
        say(labs.CODER, labs.CODE),
        run(labs.RESULT),
        say(
            labs.ANALYST,
            "Four subjects exceed 1.8 mg/dL at Week 12: 101-04, 102-06, 104-01, 104-02.",
        ),
        say(
            VERIFIER,
            "I would like to recount independently before confirming:\n" + _CHECK.format(uln=1.2),
        ),
        run("independent count: 4"),
        say(VERIFIER, "The independent count agrees. Verification passed: 4 subjects. TERMINATE"),
    ]
    note = "the lead's plan takes the ULN as 1.1 mg/dL; the task gives 1.2"
    return [
        Case(
            "creatinine_week12_uln_misquoted",
            WRONG_INPUT,
            labs.TASK,
            labs.TEAM,
            uln_chain,
            0,
            7,
            note,
        ),
        Case("creatinine_week12_verifier_recounts", HEALTHY, labs.TASK, labs.TEAM, rechecked),
    ]


def _asthma_runs() -> list[Case]:
    steps = [
        say(asthma.LEAD, asthma.PLAN),
        say(asthma.EPI, asthma.EXPOSURE),
        say(asthma.ANALYST, asthma.CODE),
        run(asthma.RIGHT),
        say(asthma.STATS, "0.666 / 1.333 = 0.50."),
        say(
            VERIFIER,
            "A reduction is conventionally quoted as placebo over active: 1.333 / 0.666 = 2.00. "
            "Confirmed: rate ratio 2.00. TERMINATE",
        ),
    ]
    note = "the verifier inverts the ratio the task defines (tiotran versus placebo)"
    return [
        Case(
            "exacerbation_ratio_inverted_at_signoff",
            BAD_ASSUMPTION,
            asthma.TASK,
            asthma.TEAM,
            steps,
            5,
            5,
            note,
        )
    ]


def _dosing_runs() -> list[Case]:
    steps = [
        say(dosing.LEAD, dosing.PLAN),
        say(dosing.DATA, dosing.WEIGHTS),
        say(dosing.CODER, dosing.CODE),
        run(dosing.RIGHT),
        say(
            dosing.PHARMACIST,
            "103-05's 175 mg was a dispensing slip corrected the same day; it should not count. 3 "
            "subjects: 101-02, 102-06, 104-06.",
        ),
        say(
            VERIFIER,
            "Pharmacy's correction noted. APPROVE. 3 subjects: 101-02, 102-06, 104-06. TERMINATE",
        ),
    ]
    note = "the pharmacist drops 103-05 on an unrecorded 'dispensing slip'"
    return [
        Case(
            "dose_mgkg_subject_excused", BAD_ASSUMPTION, dosing.TASK, dosing.TEAM, steps, 4, 5, note
        )
    ]


def _lung_runs() -> list[Case]:
    ask = (
        "Please also print how many subjects come from each site, so I can see site 203 is "
        "converted."
    )
    same = "Here it is with the per-site breakdown:\n" + lung.CODE
    loop = [
        say(lung.LEAD, lung.PLAN),
        say(lung.DATA, lung.UNITS),
        say(lung.CODER, lung.CODE),
        run(lung.RIGHT),
        say(VERIFIER, ask),
        say(lung.CODER, same),
        run(lung.RIGHT),
        say(VERIFIER, "The output has no per-site counts. " + ask),
        say(lung.CODER, same),
        run(lung.RIGHT),
        say(VERIFIER, "Still no per-site counts. " + ask),
    ]
    fixed_wrong = [
        say(lung.LEAD, lung.PLAN),
        say(lung.DATA, lung.UNITS),
        say(lung.CODER, lung.CODE_CRASH),
        run("KeyError: 'FEV1'", crash=True),
        say(
            lung.CODER,
            "Column is lowercase; and to be safe everything goes to litres:\n"
            + lung.CODE_ALL_DIVIDED,
        ),
        run("mean change in FEV1: 40 mL"),
        say(lung.STATS, "Nine subjects, +40 mL: a modest improvement."),
        say(VERIFIER, "Ran clean, subjects with both visits only. APPROVE: 40 mL. TERMINATE"),
    ]
    return [
        Case(
            "fev1_week24_breakdown_never_added",
            PING_PONG,
            lung.TASK,
            lung.TEAM,
            loop,
            5,
            10,
            "the coder reposts the same cell each time the verifier asks for per-site counts",
        ),
        Case(
            "fev1_week24_fix_divides_all",
            WRONG_ACCEPTED,
            lung.TASK,
            lung.TEAM,
            fixed_wrong,
            4,
            7,
            "the fix for the column name also divides the litre rows by 1000",
        ),
    ]


def _healthy_detours() -> list[Case]:
    detour = [
        say(sites.OPS, sites.ENROL_PLAN),
        say(
            sites.SITES,
            sites.SITE_STATUS
            + " For the record, 205 closed after its investigator moved; its one subject "
            "transferred to 201's follow-up.",
        ),
        say(
            sites.STATS,
            "The transfer doesn't change 201's randomised count, I assume? It's by randomising "
            "site.",
        ),
        say(sites.SITES, "Correct, counts stay with the randomising site."),
        say(sites.ANALYST, sites.ENROL_CODE),
        run(sites.ENROL_RIGHT),
        say(VERIFIER, "Active sites only. Confirmed: 48.1%. TERMINATE"),
    ]
    redraft = [
        say(safety.LEAD, safety.PLAN),
        say(safety.DATA, safety.FLAGS),
        say(
            safety.ANALYST,
            "Drafted a list of events first; that would double-count 103-03. Using a set of "
            "subjects instead:\n" + safety.CODE,
        ),
        run("proportion: 45.5%"),
        say(safety.STATS, "5/11 = 45.5%."),
        say(VERIFIER, "Per subject, safety population. APPROVED: 45.5%. TERMINATE"),
    ]
    return [
        Case(
            "enrolment_active_transfer_detour", HEALTHY, sites.ENROL_TASK, sites.ENROL_TEAM, detour
        ),
        Case("ae_related_grade3_redrafted_before_run", HEALTHY, safety.TASK, safety.TEAM, redraft),
    ]


CASES = [*_labs_runs(), *_asthma_runs(), *_dosing_runs(), *_lung_runs(), *_healthy_detours()]
