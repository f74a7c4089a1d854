"""A recorded Jaeger UI trace from another instrumentation, end to end through ingest."""

from __future__ import annotations

from pathlib import Path

import analyzer
from analyzer.explain import explain

FIXTURE = Path(__file__).parent / "fixtures" / "trace-formats" / "jaeger-ui__genaiTestTrace.json"
TRACE = "4a1b2c3d4e5f60718293a4b5c6d7e8f9"


def test_genai_trace_agents_handoff_and_failing_call(tmp_path: Path) -> None:
    """triage-agent hands off to the summarizer through an MCP tool call; the one failing
    call (a k8s API 500 under search_traces) is attributed to that tool of the triage
    agent in the generation stage. The error stayed inside: the run answered 200, so
    the run itself did not fail (no error escaped its run span, no outcome said so)."""
    with analyzer.open(tmp_path / "g.duckdb") as store:
        store.ingest([FIXTURE])
        a = store.analyze()
        explained = explain(store.con, TRACE)
    agents = {r["agent"]: r for r in a.agents.to_dicts()}
    assert {"triage-agent", "summarizer"} <= set(agents)
    assert (agents["triage-agent"]["actor"], agents["summarizer"]["actor"]) == ("model", "model")
    assert agents["search_traces"]["calls"] == 3 and agents["search_traces"]["failures"] == 1
    (edge,) = a.edges.to_dicts()
    assert (edge["source"], edge["target"], edge["handoffs"]) == ("triage-agent", "summarizer", 1)
    (err,) = a.span_errors.to_dicts()
    assert (err["trace_id"], err["span_id"], err["span_name"]) == (
        TRACE,
        "0000000000000011",
        "GET /api/v1/pods",
    )
    assert (err["agent"], err["stage"], err["run_failed"]) == ("search_traces", "generation", False)
    assert (a.n_runs, a.n_failed, a.failures.height) == (1, 0, 0)
    assert explained.errors[0]["span_id"] == "0000000000000011"
