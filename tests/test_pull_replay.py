"""`coordgap pull jaeger` and `coordgap pull tempo` against a local HTTP server on
127.0.0.1 that replays responses in the backends' real formats."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_ingest_helpers import otlp_span, sid, tid

import analyzer
from analyzer.pull import PullError, headers_from_env, parse_lookback
from coordgap.cli import main
from tracer import semconv

FIXTURES = Path(__file__).parent / "fixtures" / "trace-formats"


@dataclass
class Replay:
    """Routes (path -> (status, body)) and the requests received."""

    base_url: str = ""
    routes: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, list[str]], dict[str, str]]] = field(default_factory=list)


@pytest.fixture
def replay() -> Iterator[Replay]:
    state = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
            url = urllib.parse.urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            state.requests.append((url.path, urllib.parse.parse_qs(url.query), headers))
            status, body = state.routes.get(url.path, (404, b'{"error": "not found"}'))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _b64(hex_id: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_id)).decode()


def _tempo_trace(n: int) -> dict[str, Any]:
    """A trace as Tempo's /api/traces/{id} returns it: batches, base64 ids, enum names."""
    t = tid(n)
    spans = [
        otlp_span(
            t,
            sid(1),
            semconv.workflow_span_name("pipe"),
            {semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW},
            kind="SPAN_KIND_SERVER",
        ),
        otlp_span(
            t,
            sid(2),
            semconv.handoff_span_name("writer", "editor"),
            {
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
                semconv.HANDOFF_SOURCE: "writer",
                semconv.HANDOFF_TARGET: "editor",
                semconv.HANDOFF_VIOLATIONS: ["missing_key: title"],
            },
            parent=sid(1),
            kind="SPAN_KIND_INTERNAL",
        ),
    ]
    for span in spans:
        span["traceId"] = _b64(span["traceId"])
        span["spanId"] = _b64(span["spanId"])
        if "parentSpanId" in span:
            span["parentSpanId"] = _b64(span["parentSpanId"])
        span["status"] = {"code": "STATUS_CODE_UNSET"}
    return {
        "batches": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "pipeline"}}]
                },
                "scopeSpans": [{"scope": {"name": "coordgap"}, "spans": spans}],
            }
        ]
    }


def _tempo_search(ids: list[str]) -> dict[str, Any]:
    """Tempo's TraceQL search response."""
    return {
        "traces": [
            {
                "traceID": trace_id.lstrip("0"),  # Tempo drops leading zeros
                "rootServiceName": "pipeline",
                "rootTraceName": "invoke_workflow pipe",
                "startTimeUnixNano": "1700000000000000000",
                "durationMs": 5,
                "spanSets": [
                    {"spans": [{"spanID": sid(2), "durationNanos": "1000"}], "matched": 1}
                ],
            }
            for trace_id in ids
        ],
        "metrics": {"inspectedBytes": "1024", "completedJobs": 1, "totalJobs": 1},
    }


def test_pull_tempo_search_then_traces(
    replay: Replay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Search, fetch each trace, ingest: ids decoded from base64, handoff mapped,
    tenant header taken from the environment."""
    ids = [tid(0x51), tid(0x52)]
    replay.routes["/api/search"] = (200, json.dumps(_tempo_search(ids)).encode())
    for n, trace_id in zip((0x51, 0x52), ids, strict=True):
        replay.routes[f"/api/traces/{trace_id.lstrip('0')}"] = (
            200,
            json.dumps(_tempo_trace(n)).encode(),
        )
    monkeypatch.setenv("COORDGAP_TEMPO_HEADERS", "X-Scope-OrgID=team%2Da")
    db = tmp_path / "t.duckdb"
    query = '{ span.coordgap.stage = "handoff" }'
    out = CliRunner().invoke(
        main, ["pull", "tempo", replay.base_url, "--query", query, "--db", str(db)]
    )
    assert out.exit_code == 0, out.output
    assert "4 added" in out.output
    path, params, headers = replay.requests[0]
    assert (path, params["q"], headers["x-scope-orgid"]) == ("/api/search", [query], "team-a")
    assert int(params["end"][0]) - int(params["start"][0]) == 3600
    with analyzer.open(db) as store:
        rows = store.con.execute(
            "SELECT trace_id, span_id, kind, service, handoff_target, violations FROM spans "
            "WHERE operation = 'handoff' ORDER BY trace_id"
        ).fetchall()
    assert rows == [
        (trace_id, sid(2), "INTERNAL", "pipeline", "editor", ["missing_key: title"])
        for trace_id in ids
    ]


def test_pull_jaeger_query_api(
    replay: Replay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Jaeger query API response of the GenAI trace: service and time window in
    the request, the auth header from the environment, agents and handoff mapped."""
    trace = json.loads((FIXTURES / "jaeger-ui__genaiTestTrace.json").read_text())
    body = {"data": [trace], "total": 0, "limit": 0, "offset": 0, "errors": None}
    replay.routes["/api/traces"] = (200, json.dumps(body).encode())
    monkeypatch.setenv("COORDGAP_PULL_HEADERS", "Authorization=Bearer%20s3cret")
    db = tmp_path / "j.duckdb"
    out = CliRunner().invoke(
        main,
        ["pull", "jaeger", replay.base_url, "--service", "coding-agent", "--lookback", "2h",
         "--db", str(db)],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "s3cret" not in out.output
    _, params, headers = replay.requests[0]
    assert params["service"] == ["coding-agent"]
    assert int(params["end"][0]) - int(params["start"][0]) == 2 * 3600 * 1_000_000
    assert headers["authorization"] == "Bearer s3cret"
    with analyzer.open(db) as store:
        agents = store.con.execute(
            "SELECT agent FROM spans WHERE operation = 'agent' ORDER BY span_id"
        ).fetchall()
        edge = store.con.execute(
            "SELECT handoff_source, handoff_target FROM spans WHERE operation = 'handoff'"
        ).fetchall()
    assert agents == [("triage-agent",), ("summarizer",)]
    assert edge == [("triage-agent", "summarizer")]


def test_pull_error_is_one_line_and_database_untouched(replay: Replay, tmp_path: Path) -> None:
    """A 401 from the backend: exit 1, one line naming the endpoint and the variable."""
    replay.routes["/api/traces"] = (401, b'{"error": "unauthorized"}')
    db = tmp_path / "j.duckdb"
    out = CliRunner().invoke(
        main, ["pull", "jaeger", replay.base_url, "--service", "x", "--db", str(db)]
    )
    assert out.exit_code == 1
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert lines == [
        f"Error: {replay.base_url}/api/traces: HTTP 401 Unauthorized "
        "(auth headers come from COORDGAP_PULL_HEADERS)"
    ]
    assert not db.exists()


def test_headers_and_lookback_parsing() -> None:
    """Header variables merge generic then specific; bad values are clear errors."""
    env = {"COORDGAP_PULL_HEADERS": "A=1, B=x%3Dy", "COORDGAP_TEMPO_HEADERS": "A=2"}
    assert headers_from_env("tempo", env) == {"A": "2", "B": "x=y"}
    assert headers_from_env("phoenix", {"PHOENIX_API_KEY": "k"}) == {"Authorization": "Bearer k"}
    with pytest.raises(PullError, match="COORDGAP_PULL_HEADERS: expected Name=value"):
        headers_from_env("jaeger", {"COORDGAP_PULL_HEADERS": "novalue"})
    assert parse_lookback("90s").total_seconds() == 90
    assert parse_lookback("2d").total_seconds() == 172800
    with pytest.raises(PullError, match="lookback 'soon'"):
        parse_lookback("soon")
