"""What a message names without asking or using it: a team member's name, a
heading, a value it sets aside. None of it is a value the run rests on."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, signal_rows, suspect_context, task_run

from analyzer.detectors import builtin
from analyzer.suspects import features, turns


def _rows(run: Run) -> list[dict[str, object]]:
    return features.changed_value(suspect_context(run)).to_dicts()


def test_a_team_members_name_is_no_atom() -> None:
    """``the Verification_Expert`` is an identifier, not the name "Verification";
    a name standing alone still is one."""
    got = pl.select(turns.atoms(pl.lit("ask the Verification_Expert and the Data Desk"))).item()
    assert "verification" not in got.to_list()
    assert "data desk" in got.to_list()


def test_a_sibling_set_aside_beside_the_tasks_value_changed_nothing() -> None:
    """The data expert names the 2025-03 cut the task asks for and calls the 2024-12
    one older; the run goes on with 2025: no step changed the task's value."""
    run = task_run("At the March 2025 data cut, what is the discontinuation rate?")
    run.turn("Data", "March cut = subjects_cut2025-03.csv. The 2024-12 file is older, ignore it.")
    run.turn("Analyst", "Counting discontinued subjects in subjects_cut2025-03.csv: 16.7%.")
    assert _rows(run) == []


def test_a_sibling_set_aside_but_used_later_still_changed_the_task() -> None:
    """The same contrast, but the next step goes on with the 2024 file: the step that
    first wrote 2024 changed what the task asked for."""
    run = task_run("At the March 2025 data cut, what is the discontinuation rate?")
    data = run.turn("Data", "Not the March 2025 file: use the 2024 cut, subjects_cut2024-12.csv.")
    run.turn("Analyst", "Counting discontinued subjects in subjects_cut2024-12.csv: 16.7%.")
    (got,) = _rows(run)
    assert (got["agent"], got["span_id"]) == ("Data", data)


def test_a_heading_of_the_input_is_no_lost_constraint() -> None:
    """Markdown headings ("# General Task", "# Data" over "Files ...") title the input;
    they ask nothing a team could drop."""
    run = task_run(
        "# General Task\nHow many subjects had a visit in week twelve?\n\n"
        "# Data\nFiles in the directory: visits.csv."
    )
    run.turn("Lead", "Count the subjects with a week twelve visit from visits.csv.")
    run.turn("Analyst", "14 subjects visited in week twelve.")
    assert signal_rows(builtin.lost_constraint, run) == {}
