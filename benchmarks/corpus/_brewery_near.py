"""Healthy brewery runs: clean ones, and near misses that are put right before sign-off."""

from __future__ import annotations

from benchmarks.corpus import _common as c
from benchmarks.corpus._brewery_jobs import ABV, DUTY, GRIST, IBU, LOSS, Job, cell
from benchmarks.corpus._brewery_jobs_b import ATTEN, DILUTE, KEGS, PINT, WATER
from benchmarks.corpus._brewery_runs import Run, after, from_, swap
from benchmarks.corpus._brewery_team import CELLAR, CLERK, ENGINEER, HEAD, LAB, PC, QA, Line, Look


def clean(job: Job) -> Run:
    return Run(f"clean-{job.key}", c.HEALTHY, job, job.lines(), expect=(job.out,))


def fixed_name() -> Run:
    lines = after(
        swap(
            DILUTE.lines(),
            "code",
            cell(
                "Alcohol balance:",
                "v, abv_now = 20.0, 6.4\nprint(f'add {v * abv_now / target - v:.2f} hl water')",
            ),
        ),
        "run",
        Line(
            ENGINEER,
            cell("Forgot to set the target. Again:", DILUTE.code.split("```python\n")[1][:-4]),
            "fix",
        ),
        Line(PC, None, "rerun"),
    )
    return Run("fixed-name-dilute", c.HEALTHY, DILUTE, lines, expect=("NameError", DILUTE.out))


def fixed_strings() -> Run:
    lines = after(
        swap(
            PINT.lines(),
            "code",
            cell(
                "Costs as they come off the log export:",
                "costs = ['1890.40', '412.75']\npints = 21.5 * 100 / 0.568\n"
                "print(f'{pints:.0f} pints, {sum(costs) / pints * 100:.1f}p per pint')",
            ),
        ),
        "run",
        Line(
            ENGINEER,
            cell(
                "Strings, of course. Converting first:",
                "costs = [float(x) for x in ['1890.40', '412.75']]\npints = 21.5 * 100 / 0.568\n"
                "print(f'{pints:.0f} pints, {sum(costs) / pints * 100:.1f}p per pint')",
            ),
            "fix",
        ),
        Line(PC, None, "rerun"),
    )
    return Run("fixed-strings-pint", c.HEALTHY, PINT, lines, expect=("TypeError", PINT.out))


def caught_last_year() -> Run:
    wrong = swap(
        WATER.lines(),
        "look2",
        Look("tank_log", "packaged-2025-11", "packaged for november: 241.7 hl."),
    )
    wrong = swap(
        wrong,
        "code",
        cell("Ratio:", "print(f'water:beer {118.4 * 10 / 241.7:.2f} hl/hl')"),
    )
    wrong = swap(
        wrong, "report", "Sustainability report, November 2026: 4.90 hl of water per hl packaged."
    )
    lines = from_(
        wrong,
        "check",
        Line(
            QA,
            "Hold on. 241.7 hl is November 2025's packaged volume, not this year's. Cellar, pull "
            "packaged-2026-11 and run it again please.",
            "catch",
        ),
        Line(
            CELLAR,
            Look("tank_log", "packaged-2026-11", "sorry, wrong year. 2026-11 packaged: 256.3 hl."),
            "redo",
        ),
        Line(ENGINEER, WATER.code, "code2"),
        Line(PC, None, "run2"),
        Line(CLERK, WATER.report, "report2"),
        Line(QA, "That's this year's figure now. APPROVED.", "check"),
    )
    return Run("caught-year-water", c.HEALTHY, WATER, lines, expect=("4.90", WATER.out))


def caught_stout() -> Run:
    lines = swap(ATTEN.lines(), "look", Look("lab_sheet", "213", "OG 1.066, FG 1.018."))
    lines = swap(
        lines,
        "code",
        cell(
            "", "og, fg = 1.066, 1.018\nprint(f'apparent attenuation {(og - fg) / (og - 1):.1%}')"
        ),
    )
    lines = from_(
        lines,
        "report",
        Line(
            QA,
            "Before anyone writes this up: 1.066/1.018 is the Oat Stout, batch 213. The saison "
            "is 214. lab_tech, can you pull the right row?",
            "catch",
        ),
        Line(
            LAB,
            Look("lab_sheet", "214", "My mistake. 214, Autumn Saison: OG 1.064, FG 1.014."),
            "redo",
        ),
        Line(ENGINEER, ATTEN.code, "code2"),
        Line(PC, None, "run2"),
        Line(CLERK, ATTEN.report, "report"),
        Line(QA, ATTEN.check, "check"),
    )
    return Run("caught-stout-atten", c.HEALTHY, ATTEN, lines, expect=("72.7%", ATTEN.out))


def retried_batch() -> Run:
    lines = after(
        LOSS.lines(),
        "brief",
        Line(CELLAR, Look("tank_log", "290", "typo, 290 isn't a batch. trying 209."), "typo"),
    )
    return Run("retry-batch-loss", c.HEALTHY, LOSS, lines, expect=(LOSS.out,))


def retried_period() -> Run:
    lines = after(
        DUTY.lines(),
        "brief",
        Line(
            CELLAR,
            Look("tank_log", "packaged-2026-3", "log wants the month as 03. again:"),
            "typo",
        ),
    )
    return Run("retry-period-duty", c.HEALTHY, DUTY, lines, expect=(DUTY.out,))


def self_corrected() -> Run:
    lines = after(
        GRIST.lines(),
        "look",
        Line(
            ENGINEER,
            "Thinking out loud first: kg = litres x points / 300 x efficiency... no, that's "
            "backwards, a less efficient brewhouse needs more malt, so efficiency goes under the "
            "line. Cell coming.",
            "draft",
        ),
    )
    return Run("self-fix-grist", c.HEALTHY, GRIST, lines, expect=(GRIST.out,))


def rounded_on_request() -> Run:
    lines = from_(
        IBU.lines(),
        "report",
        Line(CLERK, "Spec sheet, Ridge IPA 216: 30.18 IBU.", "report"),
        Line(QA, "The spec sheet takes whole numbers. Round it and I'll sign.", "send-back"),
        Line(CLERK, IBU.report, "report2"),
        Line(QA, IBU.check, "check"),
    )
    return Run("round-ibu", c.HEALTHY, IBU, lines, expect=(IBU.out,))


def confirmed_gravity() -> Run:
    lines = after(
        ABV.lines(),
        "look",
        Line(HEAD, "1.058 is high for the rye pale. Hydrometer or refractometer?", "doubt"),
        Line(
            LAB,
            "Hydrometer, temperature-corrected, and the refractometer agrees within a point. We "
            "put the extra 40 kg of rye in this batch, so it's real.",
            "confirm",
        ),
    )
    return Run("confirmed-og-abv", c.HEALTHY, ABV, lines, expect=(ABV.out,))


def qa_reran() -> Run:
    lines = from_(
        KEGS.lines(),
        "check",
        Line(
            QA,
            cell(
                "Re-running it from the raw log before I sign:",
                "q3 = {'shipped': 1240, 'returned': 1152, 'export_one_way': 64}\n"
                "domestic = q3['shipped'] - q3['export_one_way']\n"
                "print(f\"{(domestic - q3['returned']) / domestic:.2%}\")",
            ),
            "recheck",
        ),
        Line(PC, None, "rerun"),
        Line(QA, "Same answer from the raw counts. APPROVED.", "check"),
    )
    return Run("qa-rerun-kegs", c.HEALTHY, KEGS, lines, expect=(KEGS.out, "2.04%"))


HEALTHY_RUNS = (
    *(lambda j=j: clean(j) for j in (ABV, DUTY, LOSS, GRIST, IBU, KEGS)),
    fixed_name,
    fixed_strings,
    caught_last_year,
    caught_stout,
    retried_batch,
    retried_period,
    self_corrected,
    rounded_on_request,
    confirmed_gravity,
    qa_reran,
)
