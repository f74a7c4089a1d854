"""CrewAI end to end: real crews with injected faults written to the local store, then
`coordgap ingest` and `coordgap analyze --format json`; each failed run is attributed
to the right stage and agent, and no healthy run is flagged.

All scenarios share one store and one analysis (module-scoped): CrewAI is slow to
import, its crews are fast to run."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import crewai_support  # noqa: F401 - sets CrewAI's environment before CrewAI loads
import pytest
from click.testing import CliRunner
from integration_support import need

need("crewai")

from crewai import Agent, Crew, Process, Task  # noqa: E402
from crewai.tools import tool  # noqa: E402
from crewai_support import ScriptedLLM, act, final  # noqa: E402
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402

import tracer  # noqa: E402
from coordgap import cli  # noqa: E402
from tracer import semconv  # noqa: E402
from tracer.integrations import crewai as cg_crewai  # noqa: E402
from tracer.testing import LocalStoreExporter, preserve_state  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "crewai_research_crew.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coordgap_example_crewai", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@tool("lookup")
def lookup(term: str) -> str:
    """Look a fact up."""
    if term == "boom":
        raise ConnectionError("archive backend unreachable")
    return f"{term} follow the Moon"


def _hierarchical(coworkers: list[str], term: str = "tides") -> Crew:
    """A manager delegating to the named coworkers in turn; the researcher uses a tool."""
    researcher = Agent(
        role="researcher",
        goal="g",
        backstory="b",
        tools=[lookup],
        llm=ScriptedLLM(
            [
                act("lookup", json.dumps({"term": term})),
                lambda p: final("nothing found" if "unreachable" in p else "tides follow the Moon"),
            ]
        ),
    )
    writer = Agent(
        role="writer",
        goal="g",
        backstory="b",
        llm=ScriptedLLM([lambda p: final("Tides follow the Moon" if "Moon" in p else "Tides.")]),
    )
    calls = [
        act(
            "Delegate work to coworker",
            json.dumps(
                {"task": f"your part, {c}", "context": "tides follow the Moon", "coworker": c}
            ),
        )
        for c in coworkers
    ]
    manager = ScriptedLLM([*calls, final("the teaser")])
    return Crew(
        name="managed-crew",
        agents=[researcher, writer],
        tasks=[Task(name="teaser", description="A teaser about tides", expected_output="teaser")],
        process=Process.hierarchical,
        manager_llm=manager,
    )


class _Roots(SpanProcessor):
    """Trace ids of root spans, in the order runs start (one root per run)."""

    def __init__(self) -> None:
        self.trace_ids: list[str] = []

    def on_start(self, span: Any, parent_context: Any = None) -> None:
        if span.parent is None:
            self.trace_ids.append(format(span.context.trace_id, "032x"))


def _managed_run(coworkers: list[str], term: str, ok: bool) -> None:
    with tracer.workflow("managed-crew"):
        _hierarchical(coworkers, term).kickoff()
        tracer.outcome(ok, "editor verdict")


@pytest.fixture(scope="module")
def attributed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Run every scenario once into one store; analyze once. Maps scenario -> failure
    (None for a run that was not flagged)."""
    root = tmp_path_factory.mktemp("crewai")
    spans_dir = root / "spans"
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    roots = _Roots()
    provider.add_span_processor(roots)
    example = _example()
    scenarios: list[str] = []
    with preserve_state():
        tracer.configure(tracer_provider=provider)
        cg_crewai.instrument()
        try:
            for name, coworkers, term, ok in [
                ("managed healthy", ["researcher", "writer"], "tides", True),
                ("managed unknown coworker", ["Illustrator"], "tides", False),
                ("managed tool down", ["researcher", "writer"], "boom", False),
            ]:
                _managed_run(coworkers, term, ok)
                scenarios.append(name)
            for fault in example.FAULTS:  # the held-out crew, run as the example runs it
                example.run(fault)
                scenarios.append(f"held-out {fault}")
        finally:
            cg_crewai.uninstrument()
            provider.shutdown()
    db = root / "db.duckdb"
    runner = CliRunner()
    ingested = runner.invoke(cli.main, ["ingest", str(spans_dir), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    analyzed = runner.invoke(cli.main, ["analyze", "--db", str(db), "--format", "json"])
    assert analyzed.exit_code == 0, analyzed.output
    summary = json.loads(analyzed.stdout)
    assert summary["runs"] == len(scenarios) == len(roots.trace_ids)
    by_trace = {f["trace_id"]: f for f in summary["failures"]}
    yield {name: by_trace.get(tid) for name, tid in zip(scenarios, roots.trace_ids, strict=True)}


@pytest.mark.parametrize(
    ("scenario", "category", "span_name"),
    [
        ("managed healthy", None, None),
        ("managed unknown coworker", semconv.STAGE_DECOMPOSITION, "plan Crew Manager"),
        ("managed tool down", semconv.STAGE_GENERATION, "execute_tool lookup"),
        ("held-out none", None, None),
        ("held-out backend_down", semconv.STAGE_GENERATION, "execute_tool lookup"),
        ("held-out findings_lost", semconv.STAGE_HANDOFF, "handoff researcher -> writer"),
        ("held-out never_cites", semconv.STAGE_GENERATION, "invoke_agent writer"),
    ],
)
def test_crewai_runs_are_attributed(
    attributed: dict[str, Any], scenario: str, category: str | None, span_name: str | None
) -> None:
    """Each scenario's failed run lands on its stage and span; healthy runs are not flagged."""
    failure = attributed[scenario]
    if category is None:
        assert failure is None
        return
    assert failure is not None, f"{scenario}: not flagged"
    assert (failure["category"], failure["span_name"]) == (category, span_name), failure
