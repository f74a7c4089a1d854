"""A tool's step is named by the agent that called it."""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer import suspects
from analyzer.suspects import features
from analyzer.suspects.base import Context


def test_to_callers_names_the_agent_that_called_a_tool() -> None:
    turn_rows = pl.DataFrame(
        {
            "trace_id": ["t", "t", "t"],
            "span_id": ["a1", "tool1", "b1"],
            "agent": ["cellarman", "cellarman", "lab_tech"],
            "owner_span_id": ["a1", "a1", "b1"],
            "is_tool": [False, True, False],
        }
    )
    named = pl.DataFrame(
        {"trace_id": ["t", "t"], "agent": ["tank_log", "lab_tech"], "span_id": ["tool1", "b1"]}
    )
    out = suspects.to_callers(named, turn_rows)
    assert out.columns == named.columns
    assert out.rows() == [("t", "cellarman", "a1"), ("t", "lab_tech", "b1")]


def test_to_callers_names_the_calling_span() -> None:
    turn_rows = pl.DataFrame(
        {
            "trace_id": ["t", "t"],
            "span_id": ["a1", "tool1"],
            "name": ["invoke_agent cellarman", "execute_tool tank_log"],
            "agent": ["cellarman", "cellarman"],
            "owner_span_id": ["a1", "a1"],
            "is_tool": [False, True],
        }
    )
    failures = pl.DataFrame(
        {
            "trace_id": ["t"],
            "span_id": ["tool1"],
            "span_name": ["execute_tool tank_log"],
            "agent": ["tank_log"],
        }
    )
    out = suspects.to_callers(failures, turn_rows)
    assert out.row(0) == ("t", "a1", "invoke_agent cellarman", "cellarman")


def test_an_agent_scores_its_best_step_not_the_sum_of_its_turns(monkeypatch: Any) -> None:
    rows = pl.DataFrame(
        {
            "trace_id": ["t"] * 4,
            "agent": ["lead", "lead", "lead", "clerk"],
            "span_id": ["l1", "l2", "l3", "c1"],
            "turn": [1, 3, 5, 2],
            "score": [0.3, 0.3, 0.3, 0.6],
            "evidence": ["a", "b", "c", "d"],
        }
    )

    def fixed(ctx: Context) -> pl.DataFrame:
        return rows

    monkeypatch.setattr(features, "FEATURES", ((fixed, 1.0),))
    ranked = suspects.rank(Context(pl.DataFrame(), pl.DataFrame()))
    top = ranked.row(0, named=True)["suspects"][0]
    assert (top["agent"], top["span_id"]) == ("clerk", "c1")


def test_to_callers_names_the_step_that_handed_over() -> None:
    """A rule that named a handoff (the brief it carried) names the step that handed
    it over; a handoff with no source step stays as named."""
    turn_rows = pl.DataFrame(
        {
            "trace_id": ["t", "t"],
            "span_id": ["o1", "c1"],
            "agent": ["Orchestrator", "Coder"],
            "owner_span_id": ["o1", "c1"],
            "is_tool": [False, False],
        }
    )
    edges = pl.DataFrame(
        {
            "trace_id": ["t", "t"],
            "span_id": ["h1", "h0"],
            "source": ["Orchestrator", "user"],
            "src_span": ["o1", None],
        }
    )
    named = pl.DataFrame(
        {"trace_id": ["t", "t"], "agent": ["Orchestrator", "user"], "span_id": ["h1", "h0"]}
    )
    out = suspects.to_callers(named, turn_rows, edges=edges)
    assert out.rows() == [("t", "Orchestrator", "o1"), ("t", "user", "h0")]
