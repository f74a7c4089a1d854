"""Run, stage and agent reliability; scope filters; empty databases."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest
from analyzer_builders import BASE_NS, Run, fresh_db, insert

from analyzer.analysis import analyze

FRAME_COLUMNS = {
    "runs": [
        "trace_id", "workflow", "service", "start_ns", "end_ns", "duration_ms", "failed",
        "category",
    ],
    "failures": [
        "trace_id", "category", "span_id", "span_name", "agent", "reason", "evidence", "rule",
        "detector", "quote", "symptom_span_id", "confidence", "suspect", "suspects",
    ],
    "detectors": ["detector", "stage", "fired", "attributed"],
    "stages": ["stage", "runs", "failures", "reliability"],
    "agents": ["agent", "actor", "calls", "failures", "reliability"],
    "edges": [
        "source", "target", "source_actor", "target_actor", "handoffs", "violations",
        "failed_runs", "failure_rate", "p50_ms", "inferred",
    ],
    "agent_stage": ["agent", "stage", "calls", "failures", "failure_rate"],
    "latency": ["stage", "n", "p50_ms", "p95_ms", "mean_ms", "total_ms"],
    "latency_samples": ["stage", "duration_ms"],
    "human_wait": ["agent", "n", "p50_ms", "p95_ms", "max_ms"],
    "trend": ["bucket_start", "runs", "failed", "reliability"],
    "span_errors": [
        "trace_id", "span_id", "span_name", "agent", "stage", "error_type", "run_failed",
    ],
}  # fmt: skip


def _pipeline(n: int, *, fail: str | None = None, service: str = "svc") -> Run:
    """writer -> handoff -> editor; ``fail`` = "writer" (error) or "handoff" (violation)."""
    run = Run(n, service=service)
    run.agent("writer", error="ValueError" if fail == "writer" else None, propagate=True)
    h = run.handoff(
        "writer", "editor", violations=["dropped_key: tone"] if fail == "handoff" else ()
    )
    run.agent("editor", parent=h, error="KeyError" if fail == "handoff" else None, propagate=True)
    return run


def test_empty_database_gives_empty_frames_and_no_reliability() -> None:
    """No spans: every frame empty with its columns, reliabilities None, no crash."""
    a = analyze(fresh_db())
    for name, columns in FRAME_COLUMNS.items():
        frame = getattr(a, name)
        assert (frame.height, frame.columns) == (0, columns), name
    assert (a.end_to_end_reliability, a.predicted_reliability, a.coordination_gap) == (
        None,
        None,
        None,
    )
    s = a.summary()
    assert (s["runs"], s["failed"], s["failures"], s["stages"]) == (0, 0, [], [])
    assert set(s["by_category"].values()) == {0}
    assert s["verification"]["checks"] == 0 and s["verification"]["catch_rate"] is None


def test_database_without_spans_table_is_a_clear_error() -> None:
    """A database that was never ingested into says so."""
    with pytest.raises(ValueError, match="no `spans` table"):
        analyze(duckdb.connect())


def test_end_to_end_stage_reliability_prediction_and_gap() -> None:
    """Four runs, one generation and one handoff failure: stages at 75%, predicted is
    their product, the gap is best stage minus end to end."""
    con = fresh_db()
    insert(
        con, _pipeline(1, fail="writer"), _pipeline(2, fail="handoff"), _pipeline(3), _pipeline(4)
    )
    a = analyze(con)
    assert (a.n_runs, a.n_failed, a.end_to_end_reliability) == (4, 2, 0.5)
    stages = {r["stage"]: r for r in a.stages.to_dicts()}
    assert stages["generation"] == {
        "stage": "generation", "runs": 4, "failures": 1, "reliability": 0.75,
    }  # fmt: skip
    assert stages["handoff"]["reliability"] == 0.75
    assert a.predicted_reliability == pytest.approx(0.5625)
    assert a.coordination_gap == pytest.approx(0.25)
    assert a.by_category == {
        "decomposition": 0, "handoff": 1, "verification": 0, "generation": 1,
        "assembly": 0, "unknown": 0,
    }  # fmt: skip
    runs = {r["trace_id"]: r for r in a.runs.to_dicts()}
    assert runs[f"{1:032x}"]["category"] == "generation" and runs[f"{3:032x}"]["failed"] is False


def test_verification_gap_counts_the_verification_stage_as_present() -> None:
    """A gap is a verification failure even though no verify span exists."""
    con = fresh_db()
    run = Run(1, outcome="failure")
    run.agent("writer")
    insert(con, run)
    stages = {r["stage"]: r for r in analyze(con).stages.to_dicts()}
    assert stages["verification"] == {
        "stage": "verification", "runs": 1, "failures": 1, "reliability": 0.0,
    }  # fmt: skip


def test_agent_calls_failures_and_the_owner_of_a_contained_error() -> None:
    """An agent call fails when it errored; a tool fails when an error originated below it
    even if nothing propagated (the run may still succeed)."""
    con = fresh_db()
    run = Run(1)
    triage = run.agent("triage")
    tool = run.tool("search", parent=triage)
    run.span("GET /pods", parent=tool, error=True)
    run.tool("search", parent=triage)
    insert(con, run, _pipeline(2, fail="writer"))
    a = analyze(con)
    agents = {r["agent"]: r for r in a.agents.to_dicts()}
    assert agents["search"] == {
        "agent": "search", "actor": "tool", "calls": 2, "failures": 1, "reliability": 0.5,
    }  # fmt: skip
    assert agents["triage"]["failures"] == 0
    assert agents["writer"]["failures"] == 1
    assert a.n_failed == 1  # the contained error did not fail run 1
    (err,) = [e for e in a.span_errors.to_dicts() if e["trace_id"] == run.trace_id]
    assert (err["span_name"], err["agent"], err["stage"], err["run_failed"]) == (
        "GET /pods",
        "search",
        "generation",
        False,
    )
    by_stage = {(r["agent"], r["stage"]): r for r in a.agent_stage.to_dicts()}
    assert by_stage[("search", "generation")]["failure_rate"] == 0.5


def test_since_and_service_scope_the_runs() -> None:
    """--since keeps runs started at or after the time; --service runs touching it."""
    con = fresh_db()
    early, late = _pipeline(1), _pipeline(5, fail="writer", service="billing")
    insert(con, early, late)
    cutoff = datetime.fromtimestamp((BASE_NS + 3 * 3600 * 10**9) / 1e9, tz=UTC)
    a = analyze(con, since=cutoff)
    assert a.runs["trace_id"].to_list() == [late.trace_id] and a.n_failed == 1
    assert analyze(con, service="svc").runs["trace_id"].to_list() == [early.trace_id]
    assert analyze(con, service="nobody").n_runs == 0


def test_run_span_falls_back_to_the_earliest_root() -> None:
    """Without a workflow span the earliest root is the run span; orphans count as roots."""
    con = fresh_db()
    run = Run(1, workflow=None)
    first = run.span("POST /api", parent="0000000000000099")  # parent not in the trace
    run.agent("writer", parent=first, error="ValueError", propagate=True)
    insert(con, run)
    a = analyze(con)
    assert a.runs.to_dicts()[0]["workflow"] == "POST /api" and a.n_failed == 1


def test_trend_buckets_by_hour_then_by_day() -> None:
    """Hourly buckets within two days; daily beyond."""
    con = fresh_db()
    insert(con, _pipeline(1), _pipeline(2, fail="writer"))
    a = analyze(con)
    assert (a.trend_unit, a.trend["runs"].to_list(), a.trend["failed"].to_list()) == (
        "hour",
        [1, 1],
        [0, 1],
    )
    insert(con, _pipeline(100))
    a = analyze(con)
    assert a.trend_unit == "day" and a.trend["runs"].sum() == 3
    assert a.trend["bucket_start"][0] == datetime(2026, 1, 1)


def test_latency_by_stage_samples_bounded_and_human_wait() -> None:
    """Latency percentiles per stage; at most 2,000 samples a stage; human waits apart."""
    con = fresh_db()
    run = Run(1)
    for i in range(2500):
        run.tool("lookup", duration_ms=float(i % 10 + 1))
    run.agent("approver", actor="human", duration_ms=3_600_000)
    insert(con, run)
    a = analyze(con)
    gen = a.latency.filter(a.latency["stage"] == "generation").to_dicts()[0]
    assert gen["n"] == 2501 and gen["p50_ms"] == pytest.approx(6.0)
    counts = dict(a.latency_samples.group_by("stage").len().iter_rows())
    assert counts["generation"] == 2000
    assert a.human_wait.to_dicts() == [
        {"agent": "approver", "n": 1, "p50_ms": 3_600_000.0, "p95_ms": 3_600_000.0,
         "max_ms": 3_600_000.0}
    ]  # fmt: skip


def test_analyze_leaves_the_connection_as_it_found_it() -> None:
    """No cg_ tables, views or macros stay behind; spans untouched; settings restored."""
    con = fresh_db()
    insert(con, _pipeline(1, fail="handoff"))
    before = con.execute("SELECT * FROM spans ORDER BY span_id").fetchall()
    analyze(con, service="svc")
    analyze(con)
    left = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'cg%' "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'cg%' "
        "UNION ALL SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'cg_%'"
    ).fetchall()
    assert left == []
    assert con.execute("SELECT * FROM spans ORDER BY span_id").fetchall() == before
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchall() == [(True,)]
