"""`coordgap pull phoenix` against a real Arize Phoenix: spans sent with the plain
OpenTelemetry SDK OTLP exporter, read back through Phoenix's REST spans API."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.trace import Status, StatusCode

import analyzer
from analyzer import mapping
from coordgap.cli import main
from tracer import semconv

pytestmark = pytest.mark.phoenix

PROJECT = "coordgap-pull-test"
PROJECT_KEY = "openinference.project.name"  # Phoenix's resource key for the project


def _send(endpoint: str) -> dict[str, str]:
    """One run through the plain SDK exporter; returns span name -> span id (hex)."""
    provider = TracerProvider(
        resource=Resource.create({semconv.SERVICE_NAME: "pipeline", PROJECT_KEY: PROJECT})
    )
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    tracer = provider.get_tracer("test")
    ids: dict[str, str] = {}
    with tracer.start_as_current_span(
        semconv.workflow_span_name("pipe"),
        attributes={
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
            semconv.GEN_AI_WORKFLOW_NAME: "pipe",
            semconv.OUTCOME: semconv.OUTCOME_FAILURE,
        },
    ) as run:
        ids["run"] = format(run.get_span_context().span_id, "016x")
        ids["trace"] = format(run.get_span_context().trace_id, "032x")
        with tracer.start_as_current_span(
            semconv.handoff_span_name("writer", "editor"),
            attributes={
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
                semconv.STAGE: semconv.STAGE_HANDOFF,
                semconv.HANDOFF_SOURCE: "writer",
                semconv.HANDOFF_TARGET: "editor",
                semconv.HANDOFF_VIOLATIONS: ["dropped_key: brand_voice"],
            },
        ) as handoff:
            ids["handoff"] = format(handoff.get_span_context().span_id, "016x")
        with tracer.start_as_current_span(
            "Editor", attributes={mapping.OPENINFERENCE_SPAN_KIND: "AGENT"}
        ) as agent:
            ids["agent"] = format(agent.get_span_context().span_id, "016x")
            with tracer.start_as_current_span(
                semconv.tool_span_name("spellcheck"),
                attributes={
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
                    semconv.GEN_AI_TOOL_NAME: "spellcheck",
                },
            ) as tool:
                tool.record_exception(KeyError("brand_voice"))
                tool.set_status(Status(StatusCode.ERROR, "missing key"))
    provider.shutdown()
    return ids


def _wait_for_spans(base_url: str, expected: int) -> None:
    # Phoenix writes received spans asynchronously; wait (bounded) until all are there.
    url = f"{base_url}/v1/projects/{PROJECT}/spans?limit=100"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if len(json.load(response)["data"]) >= expected:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"Phoenix did not list {expected} spans of {PROJECT} within 60 s")
        time.sleep(0.5)


def test_pull_phoenix_round_trip(phoenix: Any, tmp_path: Path) -> None:
    """Ids, tree, status and coordgap/OpenInference keys survive the trip through Phoenix."""
    ids = _send(phoenix.otlp_http_endpoint)
    _wait_for_spans(phoenix.base_url, 4)
    db = tmp_path / "p.duckdb"
    out = CliRunner().invoke(
        main, ["pull", "phoenix", phoenix.base_url, "--project", PROJECT, "--db", str(db)]
    )
    assert out.exit_code == 0, out.output
    assert "4 added" in out.output
    with analyzer.open(db) as store:
        rows = {
            r[0]: r[1:]
            for r in store.con.execute(
                "SELECT span_id, trace_id, parent_span_id, service, operation, agent, "
                "handoff_source, handoff_target, violations, is_error, error_type, outcome, "
                "source FROM spans"
            ).fetchall()
        }
    trace = ids["trace"]
    assert rows[ids["run"]] == (
        trace, None, PROJECT, "workflow", "pipe", None, None, None, False, None, "failure",
        "phoenix",
    )  # fmt: skip
    assert rows[ids["handoff"]][1:9] == (
        ids["run"], PROJECT, "handoff", None, "writer", "editor", ["dropped_key: brand_voice"],
        False,
    )  # fmt: skip
    assert rows[ids["agent"]][3:5] == ("agent", "Editor")
    (tool,) = [r for sid, r in rows.items() if sid not in ids.values()]
    assert tool[1] == ids["agent"]
    assert tool[3:5] == ("tool", "spellcheck")
    assert tool[8:10] == (True, "KeyError")


def test_pull_phoenix_unknown_project(phoenix: Any, tmp_path: Path) -> None:
    """A project Phoenix does not know: one line, exit 1."""
    out = CliRunner().invoke(
        main,
        ["pull", "phoenix", phoenix.base_url, "--project", "nope", "--db", str(tmp_path / "x")],
    )
    assert out.exit_code == 1
    assert out.output.strip().startswith(
        f"Error: {phoenix.base_url}/v1/projects/nope/spans: HTTP 404"
    )
