"""A LangGraph map-reduce scenario (Send fan-out, an assembler, a verifier loop with
Command routing) run many times with seeded faults, traced by coordgap's integration
or only by another project's LangChain instrumentor, then `coordgap ingest` and
`coordgap analyze --format json`: each failed run must land where the fault was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from integration_support import need

need("langgraph")

import langgraph_scenario as scenario  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import (  # noqa: E402
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,  # noqa: E402
)

from coordgap import cli  # noqa: E402
from tracer.integrations import langgraph as cg_langgraph  # noqa: E402
from tracer.testing import LocalStoreExporter  # noqa: E402

RUNS = 25
REPO = Path(__file__).resolve().parent.parent
SCENARIO = Path(__file__).resolve().parent / "langgraph_scenario.py"
SEED = 9
EDGES = {
    ("planner", "researcher"),
    ("planner", "illustrator"),
    ("researcher", "editor"),
    ("illustrator", "editor"),
    ("editor", "checker"),
    ("checker", "editor"),
}


class _RootTraces(SpanExporter):
    """Collects the trace id of every root span, to tell which run was which."""

    def __init__(self) -> None:
        self.trace_ids: list[str] = []

    def export(self, spans: Any) -> SpanExportResult:
        for span in spans:
            if span.parent is None:
                self.trace_ids.append(f"{span.context.trace_id:032x}")
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        pass


def _provider(spans_dir: Path) -> tuple[TracerProvider, _RootTraces]:
    roots = _RootTraces()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    provider.add_span_processor(SimpleSpanProcessor(roots))
    return provider, roots


def _run_all(make_app: Any, roots: _RootTraces) -> dict[str, str | None]:
    """Run the planned faults; trace id -> fault (None: healthy)."""
    truth: dict[str, str | None] = {}
    for fault, retry in scenario.plan_runs(RUNS, SEED):
        before = len(roots.trace_ids)
        raised, _ = scenario.invoke(make_app(fault, retry))
        assert raised == (fault not in (None, "checker_rejects"))
        (trace_id,) = roots.trace_ids[before:]
        truth[trace_id] = fault
    return truth


def _analyze(spans_dir: Path, db: Path) -> dict[str, Any]:
    runner = CliRunner()
    ingested = runner.invoke(cli.main, ["ingest", str(spans_dir), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    analyzed = runner.invoke(cli.main, ["analyze", "--db", str(db), "--format", "json"])
    assert analyzed.exit_code == 0, analyzed.output
    summary: dict[str, Any] = json.loads(analyzed.stdout)
    return summary


def score(
    truth: dict[str, str | None], summary: dict[str, Any], expected: dict[str, Any]
) -> dict[str, Any]:
    """Per failed run: the attribution against ``expected[fault]`` (category, agent)."""
    failures = {f["trace_id"]: f for f in summary["failures"]}
    faulty = [t for t, fault in truth.items() if fault in expected]
    category = sum(failures.get(t, {}).get("category") == expected[truth[t]][0] for t in faulty)
    agent = sum(failures.get(t, {}).get("agent") == expected[truth[t]][1] for t in faulty)
    return {
        "faulty": len(faulty),
        "category_right": category,
        "agent_right": agent,
        "healthy_flagged": sorted(t for t in failures if truth.get(t) is None),
        "missed": sorted(t for t in faulty if t not in failures),
        "wrong": sorted(
            (truth[t], failures[t]["category"], failures[t]["agent"], failures[t]["reason"])
            for t in faulty
            if t in failures
            and (failures[t]["category"], failures[t]["agent"]) != tuple(expected[truth[t]])
        ),
    }


def _figures(got: dict[str, Any]) -> str:
    n = got["faulty"]
    return (
        f"{n} failed runs, category right {got['category_right']}/{n}, "
        f"agent right {got['agent_right']}/{n}, healthy flagged {len(got['healthy_flagged'])}"
    )


def test_native_integration_attributes_every_seeded_fault(tmp_path: Path) -> None:
    """coordgap's LangGraph integration: category of every failed run right, agent
    right in >= 90%, no healthy run flagged."""
    provider, roots = _provider(tmp_path / "spans")

    def make_app(fault: str | None, retry: bool) -> Any:
        graph = scenario.build(fault, retry_once=retry)
        return cg_langgraph.instrument(graph, tracer_provider=provider, **scenario.OPTIONS)

    truth = _run_all(make_app, roots)
    provider.shutdown()
    summary = _analyze(tmp_path / "spans", tmp_path / "db.duckdb")
    got = score(truth, summary, scenario.NATIVE_TRUTH)
    print(f"native: {_figures(got)}")  # shown with -s
    assert summary["runs"] == RUNS
    assert summary["failed"] == got["faulty"], got
    assert got["healthy_flagged"] == [] and got["missed"] == [], got
    assert got["category_right"] == got["faulty"], got
    assert got["agent_right"] >= 0.9 * got["faulty"], got
    assert {(e["source"], e["target"]) for e in summary["edges"]} == EDGES
    send_edges = [e for e in summary["edges"] if e["source"] == "planner"]
    assert send_edges and all(e["violations"] == 0 for e in send_edges)


#: what a trace without coordgap's integration can tell: no roles, no verdicts
FOREIGN_TRUTH = {
    "researcher_raises": ("generation", "researcher"),
    "illustrator_raises": ("generation", "illustrator"),
    "editor_raises": ("generation", "editor"),
    "editor_drops": ("handoff", "editor"),
}


@pytest.mark.parametrize(
    ("instrumentor", "module"),
    [
        ("openinference", "openinference.instrumentation.langchain"),
        ("openllmetry", "opentelemetry.instrumentation.langchain"),
    ],
)
def test_other_instrumentations_are_attributed(
    tmp_path: Path, instrumentor: str, module: str
) -> None:
    """Traced only by OpenInference or OpenLLMetry: every raising node blamed by name, the
    dropped key seen as a handoff, the edges found, no healthy run flagged. (A verifier
    that rejects every draft leaves no failure signal in such traces.)"""
    need(module)
    done = subprocess.run(
        [
            sys.executable,
            str(SCENARIO),
            instrumentor,
            str(tmp_path / "spans"),
            str(RUNS),
            str(SEED),
        ],
        env={**os.environ, "TRACELOOP_TELEMETRY": "false", "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    runs = json.loads(done.stdout.strip().splitlines()[-1])
    truth: dict[str, str | None] = {t: r["fault"] for t, r in runs.items()}
    assert all(r["raised"] == (r["fault"] not in (None, "checker_rejects")) for r in runs.values())
    summary = _analyze(tmp_path / "spans", tmp_path / "db.duckdb")
    got = score(truth, summary, FOREIGN_TRUTH)
    print(f"{instrumentor}: {_figures(got)}")  # shown with -s
    assert summary["runs"] == RUNS
    assert got["healthy_flagged"] == [] and got["missed"] == [], got
    assert got["category_right"] == got["faulty"] and got["agent_right"] == got["faulty"], got
    assert EDGES <= {(e["source"], e["target"]) for e in summary["edges"]}
    assert sum(e["violations"] for e in summary["edges"]) == sum(
        fault == "editor_drops" for fault in truth.values()
    )
