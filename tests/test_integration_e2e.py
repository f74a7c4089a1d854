"""Integrations end to end: a real framework run with an injected fault, written to the
local store, ingested and analyzed; the failure lands in the right category."""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from integration_support import need
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
import tracer
from coordgap import cli
from tracer import semconv
from tracer.testing import LocalStoreExporter, preserve_state

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` (the examples are scripts, not a package)."""
    module_name = f"coordgap_example_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _provider(spans_dir: Path) -> TracerProvider:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    return provider


def _spans_named(db: Path, span_ids: list[str]) -> list[dict[str, Any]]:
    with analyzer.open(db) as store:
        rows = store.con.execute(
            "SELECT span_id, name FROM spans WHERE list_contains(?, span_id)", [span_ids]
        ).fetchall()
    return [{"span_id": sid, "span_name": name} for sid, name in rows]


def _analyze(spans_dir: Path, db: Path) -> dict[str, Any]:
    """`coordgap ingest` then `coordgap analyze --format json`, as a user would run them."""
    runner = CliRunner()
    ingested = runner.invoke(cli.main, ["ingest", str(spans_dir), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    analyzed = runner.invoke(cli.main, ["analyze", "--db", str(db), "--format", "json"])
    assert analyzed.exit_code == 0, analyzed.output
    summary: dict[str, Any] = json.loads(analyzed.stdout)
    return summary


def test_langgraph_dropped_state_key_is_a_handoff_failure(tmp_path: Path) -> None:
    """A node that drops `brand_voice` -> the failed run is attributed to that handoff."""
    need("langgraph")
    build = _example("langgraph_writer_verifier").build
    from tracer.integrations import langgraph as cg_langgraph

    spans_dir = tmp_path / "spans"
    provider = _provider(spans_dir)
    options: dict[str, Any] = {
        "tracer_provider": provider,
        "verify": ["verifier"],
        "verdict_key": "approved",
    }
    healthy = cg_langgraph.instrument(build(faulty=False), **options)
    faulty = cg_langgraph.instrument(build(faulty=True), **options)
    assert healthy.invoke({"topic": "tides", "brand_voice": "warm"})["approved"] is True
    assert faulty.invoke({"topic": "tides", "brand_voice": "warm"})["approved"] is False
    provider.shutdown()

    summary = _analyze(spans_dir, tmp_path / "db.duckdb")
    assert summary["runs"] == 2
    assert summary["failed"] == 1
    (failure,) = summary["failures"]
    assert failure["category"] == semconv.STAGE_HANDOFF
    assert failure["span_name"] == "handoff writer -> verifier"
    assert "brand_voice" in failure["reason"]


@pytest.fixture
def coordgap_to(tmp_path: Path) -> Any:
    """Point coordgap (tracer and integrations) at a local store under tmp_path."""
    spans_dir = tmp_path / "spans"
    provider = _provider(spans_dir)
    with preserve_state():
        tracer.configure(tracer_provider=provider)
        yield spans_dir
        provider.shutdown()


def _support_run(agent: Any, intent: str, ok: bool, reason: str) -> str:
    """One customer request through the agents; the customer's verdict is the outcome."""
    from agents import RunConfig, Runner

    config = RunConfig(trace_metadata={"intent": intent})
    with tracer.workflow("support"):
        result = asyncio.run(Runner.run(agent, "Refund order A1, please", run_config=config))
        tracer.outcome(ok, reason)
    return str(result.final_output)


def test_openai_agents_wrong_handoff_and_weak_guardrail(coordgap_to: Path, tmp_path: Path) -> None:
    """Wrong target -> handoff; a guardrail that passes a bad answer -> verification."""
    need("agents")
    from agents import set_trace_processors

    from tracer.integrations import openai_agents as cg_agents

    team = _example("openai_agents_support")
    cg_agents.instrument(routes={"triage": team.expected_route})
    try:
        good = _support_run(team.build(), "refund", True, "refund received")
        misrouted = _support_run(
            team.build(route_to="billing"), "refund", False, "asked for a refund, got an invoice"
        )
        waved_through = _support_run(
            team.build(answer="Refunds are not possible."), "refund", False, "refund refused"
        )
    finally:
        set_trace_processors([])
    assert "on its way" in good and "invoice" in misrouted and "not possible" in waved_through

    summary = _analyze(coordgap_to, tmp_path / "db.duckdb")
    assert summary["runs"] == 3 and summary["failed"] == 2
    by_category = {f["category"]: f for f in summary["failures"]}
    assert set(by_category) == {semconv.STAGE_HANDOFF, semconv.STAGE_VERIFICATION}
    handoff = by_category[semconv.STAGE_HANDOFF]
    assert handoff["span_name"] == "handoff triage -> billing"
    assert "expected refunds" in handoff["reason"]
    assert by_category[semconv.STAGE_VERIFICATION]["span_name"] == "verify refund-policy"


def test_mcp_failing_tool_is_a_generation_failure(
    coordgap_to: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tool whose backend is down (real stdio MCP server) -> generation, blamed on the
    server-side tool call, which joined the client's trace through `_meta`."""
    need("mcp")
    from tracer.integrations import mcp as cg_mcp

    client = _example("mcp_client")
    monkeypatch.setenv("COORDGAP_PATH", str(coordgap_to))  # the server writes where we do
    cg_mcp.instrument()
    try:
        assert "Moon" in asyncio.run(client.run(faulty=False))
        assert asyncio.run(client.run(faulty=True)).startswith("run failed")
    finally:
        cg_mcp.uninstrument()

    summary = _analyze(coordgap_to, tmp_path / "db.duckdb")
    assert summary["runs"] == 2 and summary["failed"] == 1
    (failure,) = summary["failures"]
    assert failure["category"] == semconv.STAGE_GENERATION
    # the deepest span where the error originated: MCP's server span, in the other process
    assert failure["span_name"] == "tools/call offline_lookup"
    if isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
        # Nothing records the SDK's own client span elsewhere, so the chain from the
        # server's span up to the client's tool span is whole in the store.
        assert "execute_tool offline_lookup" in {
            row["span_name"] for row in _spans_named(tmp_path / "db.duckdb", failure["evidence"])
        }


def test_autogen_review_failures(coordgap_to: Path, tmp_path: Path) -> None:
    """Reviewer never approves -> generation; reviewer approves a draft the client
    rejects -> verification (false accept)."""
    need("autogen_agentchat")
    from tracer.integrations import autogen as cg_autogen

    team_example = _example("autogen_review_team")
    runs = [
        (["REVISE: add a hook.", "APPROVE"], True),
        (["REVISE: weak.", "REVISE: still weak.", "REVISE: no."], False),
        (["APPROVE"], False),
    ]
    for reviews, client_happy in runs:
        with tracer.workflow("teaser-review"):
            team = team_example.build(reviews)
            team = cg_autogen.instrument(team, verify=["reviewer"], reject=["REVISE"])
            asyncio.run(team_example.review(team))
            tracer.outcome(client_happy, "client verdict")

    summary = _analyze(coordgap_to, tmp_path / "db.duckdb")
    assert summary["runs"] == 3 and summary["failed"] == 2
    by_category = {f["category"]: f for f in summary["failures"]}
    assert set(by_category) == {semconv.STAGE_GENERATION, semconv.STAGE_VERIFICATION}
    assert "rejected all" in by_category[semconv.STAGE_GENERATION]["reason"]
    assert by_category[semconv.STAGE_VERIFICATION]["span_name"] == "verify reviewer"
