"""`coordgap collect` against real clients: the OpenTelemetry SDK's OTLP exporters
(HTTP and gRPC), plain HTTP (JSON, gzip, chunked), and coordgap's own tracer."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
    OTLPSpanExporter as GrpcExporter,
)
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
    OTLPSpanExporter as HttpExporter,
)
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)

from tests.collect_support import COORDGAP, Receiver, running, stored_span_ids

pytestmark = pytest.mark.e2e


def make_spans(n: int, name: str = "step") -> list[ReadableSpan]:
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    tracer = provider.get_tracer("collect-test")
    with tracer.start_as_current_span("run"):
        for i in range(n - 1):
            with tracer.start_as_current_span(f"{name} {i}") as span:
                span.set_attribute("i", i)
    return list(memory.get_finished_spans())


def _ids(spans: list[ReadableSpan]) -> set[tuple[str, str]]:
    return {
        (format(s.context.trace_id, "032x"), format(s.context.span_id, "016x"))
        for s in spans
        if s.context is not None
    }


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    root = tmp_path_factory.mktemp("collect")
    with running(root / "spans", "--max-body-mb", "1") as r:
        yield r


def _post(
    r: Receiver, body: bytes | list[bytes], headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", r.http_port, timeout=30)
    try:
        if isinstance(body, list):  # chunked transfer encoding, no Content-Length
            conn.request(
                "POST", "/v1/traces", body=iter(body), headers=headers, encode_chunked=True
            )
        else:
            conn.request("POST", "/v1/traces", body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def test_sdk_http_exporter_spans_are_stored(receiver: Receiver) -> None:
    """The SDK's OTLP/HTTP exporter (protobuf, gzip) gets SUCCESS and every span is on disk."""
    spans = make_spans(20)
    exporter = HttpExporter(endpoint=receiver.http_url, compression=Compression.Gzip)
    assert exporter.export(spans) is SpanExportResult.SUCCESS
    assert _ids(spans) <= set(stored_span_ids(receiver.directory))


def test_sdk_grpc_exporter_spans_are_stored(receiver: Receiver) -> None:
    """The SDK's OTLP/gRPC exporter gets SUCCESS and every span is on disk."""
    spans = make_spans(15, "grpc")
    exporter = GrpcExporter(endpoint=receiver.grpc_target, insecure=True)
    try:
        assert exporter.export(spans) is SpanExportResult.SUCCESS
    finally:
        exporter.shutdown()
    assert _ids(spans) <= set(stored_span_ids(receiver.directory))


def _json_request(trace_id: str, span_id: str) -> bytes:
    span = {
        "traceId": trace_id,
        "spanId": span_id,
        "name": "json span",
        "kind": 1,
        "startTimeUnixNano": "1700000000000000000",
        "endTimeUnixNano": "1700000001000000000",
        "attributes": [{"key": "k", "value": {"intValue": "3"}}],
        "status": {"code": 2, "message": "boom"},
    }
    return json.dumps(
        {"resourceSpans": [{"resource": {}, "scopeSpans": [{"scope": {}, "spans": [span]}]}]}
    ).encode()


def test_json_gzip_chunked_is_stored_in_store_form(receiver: Receiver) -> None:
    """OTLP/JSON, gzip, chunked with no Content-Length: stored with hex ids and int kinds."""
    trace_id, span_id = "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"
    body = gzip.compress(_json_request(trace_id, span_id))
    status, headers, reply = _post(
        receiver,
        [body[:10], body[10:50], body[50:]],
        {"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert (status, json.loads(reply)) == (200, {})
    lines = [
        json.loads(line)
        for p in receiver.directory.glob("spans-*.jsonl")
        for line in p.read_text().splitlines()
    ]
    stored = [
        s
        for req in lines
        for rs in req["resourceSpans"]
        for ss in rs["scopeSpans"]
        for s in ss["spans"]
        if s["spanId"] == span_id
    ]
    assert stored == [
        {
            "traceId": trace_id,
            "spanId": span_id,
            "name": "json span",
            "kind": 1,
            "startTimeUnixNano": "1700000000000000000",
            "endTimeUnixNano": "1700000001000000000",
            "attributes": [{"key": "k", "value": {"intValue": "3"}}],
            "status": {"code": 2, "message": "boom"},
        }
    ]


@pytest.mark.parametrize(
    ("body", "ctype", "reason"),
    [
        (b"\xff\xff\xff", "application/x-protobuf", "not an OTLP protobuf"),
        (b"{not json", "application/json", "not JSON"),
        (b'{"resourceSpans": 3}', "application/json", "resourceSpans must be a list"),
        (_json_request("abcd", "eee19b7ec3c1b174"), "application/json", "trace id must be 16"),
    ],
)
def test_malformed_requests_get_400_with_reason_and_server_survives(
    receiver: Receiver, body: bytes, ctype: str, reason: str
) -> None:
    """A malformed body is a 400 naming what was wrong; the next request still works."""
    status, _, reply = _post(receiver, body, {"Content-Type": ctype})
    assert status == 400
    text = reply.decode("utf-8", "replace")
    assert reason in text
    assert (
        HttpExporter(endpoint=receiver.http_url).export(make_spans(2)) is SpanExportResult.SUCCESS
    )
    assert receiver.proc.poll() is None


def test_oversized_request_is_413(receiver: Receiver) -> None:
    """A body over --max-body-mb (1 MiB here), even chunked, is refused with 413."""
    chunk = b"\x00" * (256 << 10)
    status, _, _ = _post(receiver, [chunk] * 6, {"Content-Type": "application/x-protobuf"})
    assert status == 413
    assert receiver.proc.poll() is None


def test_wrong_content_type_is_415(receiver: Receiver) -> None:
    status, _, reply = _post(receiver, b"x", {"Content-Type": "text/plain"})
    assert status == 415
    assert b"application/x-protobuf" in reply


def test_non_loopback_bind_without_token_is_refused(tmp_path: Path) -> None:
    """--host 0.0.0.0 without COORDGAP_COLLECT_TOKEN exits 1 with one line, binding nothing."""
    env = {k: v for k, v in os.environ.items() if k != "COORDGAP_COLLECT_TOKEN"}
    done = subprocess.run(
        [*COORDGAP, "collect", "--host", "0.0.0.0", "--path", str(tmp_path / "s")],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: refusing to listen on 0.0.0.0 without a token: set COORDGAP_COLLECT_TOKEN "
        "(clients send 'Authorization: Bearer <token>')"
    ]
    assert not (tmp_path / "s").exists()


def test_token_is_checked_on_every_request(tmp_path: Path) -> None:
    """With a token: no header or a wrong one is 401 / UNAUTHENTICATED; the right one stores."""
    env = {"COORDGAP_COLLECT_TOKEN": "s3cret-token"}
    with running(tmp_path / "spans", env=env) as r:
        spans = make_spans(3)
        status, _, _ = _post(r, b"", {"Content-Type": "application/x-protobuf"})
        assert status == 401
        status, _, _ = _post(
            r, b"", {"Content-Type": "application/x-protobuf", "Authorization": "Bearer nope"}
        )
        assert status == 401
        assert HttpExporter(endpoint=r.http_url).export(spans) is SpanExportResult.FAILURE
        grpc_bad = GrpcExporter(endpoint=r.grpc_target, insecure=True, timeout=5)
        assert grpc_bad.export(spans) is SpanExportResult.FAILURE
        grpc_bad.shutdown()
        assert stored_span_ids(r.directory) == []
        auth = {"Authorization": "Bearer s3cret-token"}
        assert HttpExporter(endpoint=r.http_url, headers=auth).export(spans) is (
            SpanExportResult.SUCCESS
        )
        grpc_ok = GrpcExporter(
            endpoint=r.grpc_target, insecure=True, headers={"authorization": auth["Authorization"]}
        )
        assert grpc_ok.export(make_spans(2)) is SpanExportResult.SUCCESS
        grpc_ok.shutdown()
        assert len(stored_span_ids(r.directory)) == 5
        assert r.stop() == 0


def test_disk_floor_answers_503_with_retry_after(tmp_path: Path) -> None:
    """Under the free-disk floor the receiver refuses (503 + Retry-After), storing nothing."""
    with running(tmp_path / "spans", "--min-free-mb", str(1 << 40)) as r:
        from tests.test_collect_receiver import _json_request as body

        status, headers, reply = _post(
            r,
            body("5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"),
            {"Content-Type": "application/json"},
        )
        assert status == 503
        assert headers.get("Retry-After") == "2"
        assert "free disk space" in json.loads(reply)["message"]
        assert stored_span_ids(r.directory) == []


def test_tracer_pointed_at_collect_then_ingest_and_analyze(tmp_path: Path) -> None:
    """coordgap's own tracer exports over OTLP to collect; ingest + analyze read the store."""
    script = tmp_path / "pipeline.py"
    script.write_text(
        textwrap.dedent(
            """
            import tracer

            tracer.configure(exporter="otlp", service_name="collect-e2e")

            @tracer.agent("writer")
            def write(i):
                if i % 2:
                    raise ValueError("writer broke")
                return "draft"

            @tracer.workflow("job")
            def job(i):
                return write(i)

            for i in range(4):
                try:
                    job(i)
                except ValueError:
                    pass
            tracer.shutdown()
            """
        )
    )
    with running(
        tmp_path / "spans", "--ingest-every", "0.5", "--db", str(tmp_path / "db.duckdb")
    ) as r:
        env = {
            **os.environ,
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{r.http_port}",
            "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
        }
        done = subprocess.run(
            [sys.executable, str(script)], env=env, stdin=subprocess.DEVNULL, timeout=120
        )
        assert done.returncode == 0
        assert r.stop() == 0  # graceful: the last ingest runs at shutdown
    assert "ingested 8 new span(s)" in r.log_text()
    analyzed = subprocess.run(
        [*COORDGAP, "analyze", "--db", str(tmp_path / "db.duckdb"), "--format", "json"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert analyzed.returncode == 0, analyzed.stderr
    result = json.loads(analyzed.stdout)
    assert (result["runs"], result["failed"]) == (4, 2)
    assert {f["agent"] for f in result["failures"]} == {"writer"}
