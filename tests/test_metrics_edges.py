"""Handoff edges: explicit, inferred between siblings, inferred by delegation."""

from __future__ import annotations

import pytest
from analyzer_builders import Run, fresh_db, insert

from analyzer.analysis import analyze


def _edges(*runs: Run) -> dict[tuple[str, str], dict]:
    con = fresh_db()
    insert(con, *runs)
    return {(r["source"], r["target"]): r for r in analyze(con).edges.to_dicts()}


def test_explicit_edge_volume_violations_failures_and_latency() -> None:
    """Two explicit handoffs, one violating in a failed run: counts and span-duration p50."""
    ok, bad = Run(1), Run(2)
    ok.agent("writer")
    ok.agent("editor", parent=ok.handoff("writer", "editor", duration_ms=10))
    bad.agent("writer")
    h = bad.handoff("writer", "editor", violations=["dropped_key: tone"], duration_ms=30)
    bad.agent("editor", parent=h, error="KeyError", propagate=True)
    edge = _edges(ok, bad)[("writer", "editor")]
    assert {k: edge[k] for k in ("handoffs", "violations", "failed_runs", "inferred")} == {
        "handoffs": 2, "violations": 1, "failed_runs": 1, "inferred": False,
    }  # fmt: skip
    assert edge["failure_rate"] == 0.5 and edge["p50_ms"] == pytest.approx(20.0)
    assert (edge["source_actor"], edge["target_actor"]) == ("model", "model")


def test_consecutive_sibling_agents_get_an_inferred_handoff() -> None:
    """researcher then writer under one parent: researcher -> writer, inferred, p50 = idle gap."""
    run = Run(1)
    run.agent("researcher", at_ms=0, duration_ms=5)
    run.agent("writer", at_ms=12, duration_ms=5)
    run.agent("writer", at_ms=20, duration_ms=5)  # same agent again: no self-handoff
    edges = _edges(run)
    assert list(edges) == [("researcher", "writer")]
    assert edges[("researcher", "writer")]["inferred"] is True
    assert edges[("researcher", "writer")]["p50_ms"] == pytest.approx(7.0)


def test_explicit_handoff_suppresses_the_inferred_one_and_continues_the_chain() -> None:
    """writer, handoff writer->editor (editor inside), assembler: the explicit edge stands
    for writer -> editor and the chain continues editor -> assembler, not writer -> assembler."""
    run = Run(1)
    run.agent("writer")
    run.agent("editor", parent=run.handoff("writer", "editor"))
    run.agent("assembler", stage="assembly", actor="code")
    edges = _edges(run)
    assert sorted(edges) == [("editor", "assembler"), ("writer", "editor")]
    assert edges[("editor", "assembler")]["inferred"] is True
    assert edges[("writer", "editor")]["inferred"] is False


def test_agent_called_through_a_tool_receives_a_delegated_handoff() -> None:
    """triage calls a tool whose HTTP call runs the summarizer: triage -> summarizer."""
    run = Run(1)
    triage = run.agent("triage", at_ms=0, duration_ms=100)
    tool = run.tool("summarize", parent=triage, at_ms=10, duration_ms=50)
    http = run.span("POST /mcp/tools/call", parent=tool, at_ms=11, duration_ms=45)
    run.agent("summarizer", parent=http, at_ms=14, duration_ms=40)
    edges = _edges(run)
    assert list(edges) == [("triage", "summarizer")]
    assert edges[("triage", "summarizer")]["inferred"] is True
    assert edges[("triage", "summarizer")]["p50_ms"] == pytest.approx(3.0)


def test_no_delegation_across_a_handoff_or_workflow_span() -> None:
    """An agent under a handoff span is reached through that handoff, not delegated."""
    run = Run(1)
    boss = run.agent("boss")
    run.agent("worker", parent=run.handoff("boss", "worker", parent=boss))
    assert list(_edges(run)) == [("boss", "worker")]


def test_human_endpoints_carry_their_actor() -> None:
    """Edges name the actor of each side (a human reviewer here)."""
    run = Run(1)
    run.agent("writer")
    run.agent("reviewer", actor="human", parent=run.handoff("writer", "reviewer"))
    edge = _edges(run)[("writer", "reviewer")]
    assert (edge["source_actor"], edge["target_actor"]) == ("model", "human")


def test_a_dispatcher_fanning_out_is_not_handed_work_back() -> None:
    """supervisor -> a, then supervisor -> b: no inferred a -> supervisor edge."""
    run = Run(1)
    run.agent("a", parent=run.handoff("supervisor", "a", at_ms=0, duration_ms=5))
    run.agent("b", parent=run.handoff("supervisor", "b", at_ms=10, duration_ms=5))
    assert sorted(_edges(run)) == [("supervisor", "a"), ("supervisor", "b")]


def test_overlapping_siblings_ran_in_parallel_not_in_turn() -> None:
    """Two agents whose calls overlap under one parent: no handoff is inferred."""
    run = Run(1)
    run.agent("storyboard", at_ms=0, duration_ms=20)
    run.agent("music", at_ms=5, duration_ms=20)
    assert _edges(run) == {}


def test_no_inferred_edge_into_an_agent_that_received_a_recorded_handoff() -> None:
    """supervisor hands to voice-over and to storyboard (recorded); voice-over merely runs
    before storyboard: no voice-over -> storyboard edge is inferred."""
    run = Run(1)
    run.agent("supervisor")
    run.agent("voice-over", parent=run.handoff("supervisor", "voice-over"))
    run.agent("storyboard", parent=run.handoff("supervisor", "storyboard"))
    run.agent("voice-over")  # a top-level sibling right before the next storyboard call
    run.agent("storyboard")
    edges = _edges(run)
    assert ("voice-over", "storyboard") not in edges
    assert all(not e["inferred"] for (s, t), e in edges.items() if t == "storyboard")


def test_no_inferred_edge_against_a_recorded_one() -> None:
    """A recorded editor -> writer handoff: the sibling order writer, editor infers nothing
    back the other way."""
    run = Run(1)
    run.agent("writer")
    run.agent("editor")
    run.agent("writer", parent=run.handoff("editor", "writer"))
    edges = _edges(run)
    assert ("writer", "editor") not in edges
    assert edges[("editor", "writer")]["inferred"] is False


def test_an_agent_reached_only_by_inference_keeps_its_edge() -> None:
    """writer -> reviewer recorded, then editor runs with no recorded handoff into it:
    reviewer -> editor stays, inferred."""
    run = Run(1)
    run.agent("writer")
    run.agent("reviewer", parent=run.handoff("writer", "reviewer"))
    run.agent("editor", error="ValueError", propagate=True)
    edges = _edges(run)
    assert edges[("reviewer", "editor")]["inferred"] is True
