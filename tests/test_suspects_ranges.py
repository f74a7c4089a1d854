"""Periods inside a range an earlier step gave are that step's (analyzer.suspects.ranges)."""

from __future__ import annotations

from analyzer_builders import feature_rows, suspect_context, task_run

from analyzer.suspects import features, provenance
from analyzer.suspects.result_features import task_atoms

MONTHS = "('2026-01', '2026-02', '2026-03', '2026-04', '2026-05')"
CODE = (
    "```python\nimport csv\nrows = csv.DictReader(open('trips.csv'))\n"
    f"print(sum(int(r['trips']) for r in rows if r['month'] in {MONTHS}))\n```"
)


def _run(task: str, brief: str) -> tuple[object, str, str]:
    run = task_run(task)
    lead = run.turn("Lead", brief)
    coder = run.turn("Coder", CODE)
    run.turn("Terminal", "14803")
    run.turn("Writer", "The trips came to 14803.")
    return run, lead, coder


def test_the_months_a_program_spells_out_are_the_range_givers() -> None:
    """The lead chose 2026-01 to 2026-05; the coder's loop over the months between
    spelled that choice out: the lead, not the coder, introduced them, so the result
    rests mostly on the lead's brief (the coder keeps what computing it earns)."""
    run, lead, coder = _run(
        "How many trips in the first quarter of 2026? trips.csv has them by month.",
        "Coder: sum trips.csv from 2026-01 to 2026-05.",
    )
    got = {
        (r["agent"], r["span_id"]): r["score"] for r in feature_rows(features.answer_origin, run)
    }
    assert round(got["Lead", lead], 4) == 1 - provenance.CODE_KEEP
    assert round(got["Coder", coder], 4) == provenance.CODE_KEEP


def test_months_inside_the_tasks_range_are_no_ones() -> None:
    """A range the task gives (2026-01 to 2026-05) spelled out is the task's: the months
    between are no step's new values."""
    run, _lead, _coder = _run(
        "How many trips from 2026-01 to 2026-05? trips.csv has them by month.",
        "Coder: sum trips.csv over those months.",
    )
    t = suspect_context(run).turns
    novel = provenance.novel_atoms(t, task_atoms(t))
    assert not set(novel["atom"]) & {"2026-02", "2026-03", "2026-04"}


def test_a_day_inside_a_month_range_is_still_the_speakers() -> None:
    """Only periods of the range's kind are spelled out: a date the coder names inside
    the lead's months (a station's opening day) is the coder's own."""
    run = task_run("How many trips in the first half of 2026?")
    lead = run.turn("Lead", "Coder: sum trips.csv from 2026-01 to 2026-06.")
    coder = run.turn(
        "Coder", "Canal Basin opened 2026-04-06; the months 2026-03 and 2026-04 are in."
    )
    t = suspect_context(run).turns
    novel = provenance.novel_atoms(t, task_atoms(t))
    first = {a: min(novel.filter(novel["atom"] == a)["turn"]) for a in ("2026-04-06", "2026-04")}
    turn_of = dict(zip(t["span_id"], t["turn"], strict=True))
    assert first == {"2026-04-06": turn_of[coder], "2026-04": turn_of[lead]}
