"""Export to a real Arize Phoenix over OTLP/HTTP and OTLP/gRPC and read the spans
back through its REST API: every coordgap attribute and event must survive."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

import tracer
from tracer.testing import preserve_state, span_dict

pytestmark = pytest.mark.phoenix

OURS = ("coordgap.", "gen_ai.", "error.type")


def pipeline() -> str:
    """A run that exercises every kind of span and attribute coordgap writes."""

    @tracer.plan("supervisor")
    def plan() -> list[dict[str, Any]]:
        return [
            {"id": "intro", "agent": "writer", "scope": "opening"},
            {"id": "hook", "agent": "writer", "scope": "opening"},
            {"id": "cta", "agent": None},
            {"id": "cta", "agent": "editor"},
        ]

    @tracer.tool("search")
    def search() -> list[str]:
        return ["fact"]

    @tracer.agent("writer")
    def write() -> dict[str, Any]:
        search()
        return {"text": "draft", "words": "two"}

    @tracer.agent("editor", actor="human")
    def edit(draft: dict[str, Any]) -> None:
        raise KeyError("brand_voice")

    @tracer.verify("brand-check", subject="writer")
    def check() -> tracer.Verdict:
        return tracer.Verdict(False, "off-brand", 0.3)

    @tracer.agent("assembler", stage="assembly", actor="code")
    def assemble() -> str:
        return "teaser"

    @tracer.workflow("teaser", conversation_id="conv-1")
    def run() -> str | None:
        plan()
        draft = write()
        with tracer.handoff(
            "writer",
            "editor",
            draft,
            expects={"type": "object", "properties": {"words": {"type": "integer"}}},
            carry=["brand_voice"],
            seen_version=1,
            latest_version=2,
            target_actor="human",
        ) as h:
            try:
                edit(h.payload)
            except KeyError:
                pass
        with tracer.handoff("writer", "editor", draft, expects=["tone"]):
            pass
        check()
        check()
        assemble()
        tracer.outcome(False, "client rejected")
        return tracer.current_trace_id()

    trace_id = run()
    assert trace_id is not None
    tracer.outcome(False, "audience test", trace_id=trace_id)
    return trace_id


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def phoenix_spans(base_url: str, project: str, trace_id: str, expected: int) -> list[dict]:
    """Poll Phoenix's REST spans API until the trace's spans have all arrived."""
    query = urllib.parse.urlencode({"trace_id": trace_id, "limit": 1000})
    url = f"{base_url}/v1/projects/{urllib.parse.quote(project)}/spans?{query}"
    deadline = time.monotonic() + 60
    found: list[dict] = []
    while time.monotonic() < deadline:
        try:
            found = get_json(url)["data"]
        except urllib.error.HTTPError as err:
            if err.code != 404:  # 404: the project does not exist until its first span
                raise
        if len(found) >= expected:
            return found
        time.sleep(0.5)
    pytest.fail(f"Phoenix has {len(found)} of {expected} spans of trace {trace_id}")


@pytest.mark.parametrize("protocol", ["http/protobuf", "grpc"])
def test_every_coordgap_attribute_survives_phoenix(
    phoenix: Any, protocol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What we sent (in-memory copy) equals what Phoenix returns, key by key."""
    project = "coordgap-" + protocol.replace("/", "-")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_PROTOCOL", protocol)
    endpoint = phoenix.otlp_http_endpoint if protocol != "grpc" else phoenix.otlp_grpc_endpoint
    sent = InMemorySpanExporter()
    provider = TracerProvider(
        resource=Resource.create(
            {"service.name": "phoenix-test", "openinference.project.name": project}
        ),
        shutdown_on_exit=False,
    )
    provider.add_span_processor(SimpleSpanProcessor(sent))
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter="otlp", endpoint=endpoint)
        trace_id = pipeline()
        assert tracer.flush(timeout_s=10)
    provider.shutdown()
    ours = [span_dict(s, stacktrace=True) for s in sent.get_finished_spans()]
    assert len(ours) == 11
    theirs = {
        s["context"]["span_id"]: s
        for s in phoenix_spans(phoenix.base_url, project, trace_id, len(ours))
    }
    assert set(theirs) == {s["span_id"] for s in ours}
    checked = 0
    for span in ours:
        got = theirs[span["span_id"]]
        assert got["name"] == span["name"]
        assert got["context"]["trace_id"] == span["trace_id"]
        assert got["parent_id"] == span["parent_id"]
        assert got["status_code"] == span["status"]
        for key, value in span["attributes"].items():
            if key.startswith(OURS):
                assert got["attributes"].get(key) == value, (span["name"], key)
                checked += 1
        sent_events = [(e["name"], e["attributes"]) for e in span["events"]]
        got_events = [(e["name"], e["attributes"]) for e in got["events"]]
        assert got_events == sent_events, span["name"]
    assert checked > 80
