"""DSPy programs traced by OpenInference's DSPy instrumentor name no agent: the user's
modules (``<Class>.forward`` CHAIN spans that are none of DSPy's own modules) that hold
model calls become the agents, each call its nearest module's; DSPy's ``ReAct``,
predictors and adapters stay plumbing, and a module that only wraps the others is no
agent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
from tracer.testing import LocalStoreExporter

_KIND = "openinference.span.kind"
_CHAIN = {_KIND: "CHAIN"}


def _llm(text: str) -> dict[str, Any]:
    return {
        _KIND: "LLM",
        "llm.output_messages.0.message.role": "assistant",
        "llm.output_messages.0.message.content": text,
    }


def _write(spans_dir: Path, *, dspy: bool = True) -> None:
    """A wrapper module running a director whose ReAct calls a clerk's module as a
    tool; the clerk's ReAct ends in a ChainOfThought (DSPy's own module). Without
    ``dspy``, each model call sits right under its module: no predictor or adapter
    span, another instrumentation's shape."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    span = provider.get_tracer("openinference.instrumentation.dspy").start_as_current_span

    def call(text: str) -> None:
        if not dspy:
            with span("ScriptedLM.__call__", attributes=_llm(text)):
                return
        with span("Predict(StringSignature).forward", attributes=_CHAIN):
            with span("ChatAdapter.__call__", attributes=_CHAIN):
                with span("ScriptedLM.__call__", attributes=_llm(text)):
                    pass

    with span("invoke_workflow office", attributes={"gen_ai.operation.name": "invoke_workflow"}):
        with span("Office.forward", attributes=_CHAIN):
            with span("RaceDirector.forward", attributes=_CHAIN):
                with span("ReAct.forward", attributes=_CHAIN):
                    call("ask the clerk for the split times")
                    with span("ResultsClerk.forward", attributes=_CHAIN):
                        with span("ReAct.forward", attributes=_CHAIN):
                            call("read splits.csv")
                            with span("ChainOfThought.forward", attributes=_CHAIN):
                                call("the 10 km split is 41:07")
                    call("the answer is 41:07")
    provider.shutdown()


_SQL = "SELECT name, agent FROM spans WHERE operation = 'agent' ORDER BY start_ns"


def test_the_users_modules_holding_model_calls_are_the_agents(tmp_path: Path) -> None:
    _write(tmp_path / "spans")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        assert store.con.execute(_SQL).fetchall() == [
            ("RaceDirector.forward", "RaceDirector"),
            ("ResultsClerk.forward", "ResultsClerk"),
        ]
        # linking again changes nothing
        store.ingest([tmp_path / "spans"])
        assert len(store.con.execute(_SQL).fetchall()) == 2


def test_each_model_call_is_its_nearest_modules_turn(tmp_path: Path) -> None:
    _write(tmp_path / "spans")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        found = store.analyze()
        # the run has no outcome: nothing failed, but every call has its agent's step
        assert found.n_runs == 1
        walk = """
            WITH RECURSIVE up(call, anc, op, agent) AS (
                SELECT c.span_id, p.parent_span_id, p.operation, p.agent FROM spans c
                JOIN spans p ON p.span_id = c.parent_span_id
                WHERE c.attributes['openinference.span.kind'] = 'LLM'
                UNION ALL
                SELECT u.call, p.parent_span_id, p.operation, p.agent FROM up u
                JOIN spans p ON p.span_id = u.anc WHERE u.op IS NULL)
            SELECT agent, count(*) FROM up WHERE op = 'agent' GROUP BY agent ORDER BY agent"""
        assert store.con.execute(walk).fetchall() == [("RaceDirector", 2), ("ResultsClerk", 2)]


def test_runs_without_dspys_spans_are_left_to_the_other_mappings(tmp_path: Path) -> None:
    _write(tmp_path / "spans", dspy=False)
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        agents = [a for _, a in store.con.execute(_SQL).fetchall()]
        assert "RaceDirector" not in agents  # no DSPy mark in the run: not this mapping's


def test_the_marathon_familys_agents_are_its_module_classes() -> None:
    """The committed DSPy family (OpenInference's instrumentor on a real DSPy 2.6
    program): every agent the store names is one of the team's five modules."""
    root = Path(__file__).resolve().parent / "corpus" / "blind" / "dspy_openinference_marathon"
    runs = json.loads((root / "annotations.json").read_text())
    runs = runs.get("runs", runs)
    team = {r["mistake_agent"] for r in runs.values() if not r.get("healthy")}
    with analyzer.open(":memory:") as store:
        store.ingest([root / "traces"])
        named = {
            a
            for (a,) in store.con.execute(
                "SELECT DISTINCT agent FROM spans WHERE operation = 'agent'"
            ).fetchall()
        }
    assert named == team
