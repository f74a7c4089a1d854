"""`coordgap collect` receives OTLP logs: the OpenTelemetry SDK's log exporters
(HTTP and gRPC) against a real receiver, then `coordgap ingest` makes the GenAI
message records content of their span; `/v1/logs` refuses what `/v1/traces` does."""

from __future__ import annotations

import http.client
import json
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from opentelemetry.exporter.otlp.proto.grpc._log_exporter import OTLPLogExporter as GrpcLogs
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter as HttpLogs
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue
from opentelemetry.proto.logs.v1.logs_pb2 import LogRecord, ResourceLogs, ScopeLogs
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import LogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
from tests.collect_support import COORDGAP, LOGS_EXPORT, Receiver, grpc_raw, running

TOKEN = "s3cret-token"


_ANSWER = {
    "role": "assistant",
    "content": "There are 12 ledgers.",
    "tool_calls": [
        {"id": "c1", "type": "function",
         "function": {"name": "ledger-count", "arguments": '{"shelf": "A"}'}}
    ],
}  # fmt: skip
"""The model's answer both emitters send as their ``gen_ai.choice`` message."""


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    with running(tmp_path_factory.mktemp("collect") / "spans") as r:
        yield r


def _logs_url(r: Receiver) -> str:
    return f"http://127.0.0.1:{r.http_port}/v1/logs"


def _post(
    r: Receiver, body: bytes, headers: dict[str, str], path: str = "/v1/logs"
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", r.http_port, timeout=30)
    try:
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def _chat_span_with_logs(r: Receiver, exporter: LogRecordExporter, kernel_style: bool) -> str:
    """One `chat` span sent over HTTP, with its messages as log records inside it,
    Semantic Kernel's way (Python logging, JSON string bodies, `event.name` in the
    record's attributes) or the OpenTelemetry GenAI way (`event_name`, map bodies).
    Returns the span's id as hex."""
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(
        SimpleSpanProcessor(OTLPSpanExporter(endpoint=f"http://127.0.0.1:{r.http_port}/v1/traces"))
    )
    logger_provider = LoggerProvider()
    logger_provider.add_log_record_processor(SimpleLogRecordProcessor(exporter))
    tracer = tracer_provider.get_tracer("test")
    with tracer.start_as_current_span("chat gpt-4o") as span:
        if kernel_style:
            _emit_kernel_style(logger_provider)
        else:
            _emit_genai_style(logger_provider)
    tracer_provider.shutdown()
    logger_provider.shutdown()
    return format(span.get_span_context().span_id, "016x")


def _emit_kernel_style(provider: LoggerProvider) -> None:
    log = logging.getLogger("semantic_kernel.test_collect_logs")
    log.propagate = False
    log.setLevel(logging.INFO)
    handler = LoggingHandler(logger_provider=provider)
    log.addHandler(handler)
    try:
        for name, body in (
            ("gen_ai.system.message", {"role": "system", "content": "You are the clerk."}),
            ("gen_ai.user.message", {"role": "user", "content": "Count the ledgers."}),
        ):
            log.info(json.dumps(body), extra={"event.name": name, "gen_ai.system": "openai"})
        choice = {"message": _ANSWER, "finish_reason": "stop"}
        log.info(json.dumps(choice), extra={"event.name": "gen_ai.choice"})
    finally:
        log.removeHandler(handler)


def _emit_genai_style(provider: LoggerProvider) -> None:
    logger = provider.get_logger("opentelemetry.instrumentation.test")
    logger.emit(
        event_name="gen_ai.system.message",
        body={"role": "system", "content": "You are the clerk."},
    )
    logger.emit(event_name="gen_ai.user.message", body={"content": "Count the ledgers."})
    logger.emit(event_name="debug.noise", body="not a message")
    logger.emit(
        event_name="gen_ai.choice", body={"index": 0, "finish_reason": "stop", "message": _ANSWER}
    )


def _ingested_content(r: Receiver, tmp_path: Path, span_id: str) -> list[tuple[str, str, str]]:
    db = tmp_path / "cg.duckdb"
    done = subprocess.run(
        [*COORDGAP, "ingest", str(r.directory), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with analyzer.open(str(db)) as store:
        return store.con.execute(
            "SELECT direction, role, text FROM content WHERE span_id = ? ORDER BY direction, seq",
            [span_id],
        ).fetchall()


EXPECTED = [
    ("input", "user", "Count the ledgers."),
    ("output", "assistant", 'There are 12 ledgers.\nledger-count({"shelf": "A"})'),
    ("system", "system", "You are the clerk."),
]


# Semantic Kernel attaches the SDK's own handler, deprecated since SDK 1.39
@pytest.mark.filterwarnings("ignore:`LoggingHandler` in `opentelemetry-sdk`:DeprecationWarning")
def test_sdk_http_log_exporter_messages_become_the_span_content(
    receiver: Receiver, tmp_path: Path
) -> None:
    """Semantic Kernel's records (Python logging, JSON bodies) over OTLP/HTTP are
    stored and ingested as the chat span's input, system and output messages."""
    span_id = _chat_span_with_logs(receiver, HttpLogs(endpoint=_logs_url(receiver)), True)
    lines = [
        json.loads(line)
        for path in receiver.directory.glob("spans-*.jsonl")
        for line in path.read_text().splitlines()
    ]
    records = [
        rec
        for line in lines
        for rl in line.get("resourceLogs", [])
        for sl in rl["scopeLogs"]
        for rec in sl["logRecords"]
    ]
    assert any(rec.get("spanId") == span_id for rec in records)  # hex, lowercase
    assert _ingested_content(receiver, tmp_path, span_id) == EXPECTED


def test_sdk_grpc_log_exporter_messages_become_the_span_content(
    receiver: Receiver, tmp_path: Path
) -> None:
    """OpenTelemetry GenAI style records (`event_name`, map bodies) over OTLP/gRPC
    give the same content; a record of another event name adds nothing."""
    exporter = GrpcLogs(endpoint=receiver.grpc_target, insecure=True)
    span_id = _chat_span_with_logs(receiver, exporter, False)
    assert _ingested_content(receiver, tmp_path, span_id) == EXPECTED


def test_bad_json_logs_get_400_with_a_one_line_reason(receiver: Receiver) -> None:
    """A malformed logs body is 400 with the reason on one line; the server lives on."""
    status, body = _post(receiver, b'{"resourceLogs": [', {"Content-Type": "application/json"})
    assert status == 400
    reason = json.loads(body)["message"]
    assert reason.startswith("not JSON") and "\n" not in reason
    status, body = _post(
        receiver,
        b'{"resourceLogs": [{"scopeLogs": [{"logRecords": [{"spanId": "abc"}]}]}]}',
        {"Content-Type": "application/json"},
    )
    assert status == 400 and "span id 8" in json.loads(body)["message"]
    assert _post(receiver, b"{}", {"Content-Type": "application/json"})[0] == 200


def test_oversized_logs_are_413_and_wrong_type_415(receiver: Receiver) -> None:
    """A logs body over --max-body-mb is 413, a foreign content type 415."""
    big = b'{"resourceLogs": []}' + b" " * (17 << 20)
    assert _post(receiver, big, {"Content-Type": "application/json"})[0] == 413
    assert _post(receiver, b"x", {"Content-Type": "text/plain"})[0] == 415


def test_logs_need_the_token_too(tmp_path: Path) -> None:
    """With a token set, /v1/logs without it or with a wrong one is 401."""
    env = {"COORDGAP_COLLECT_TOKEN": TOKEN}
    with running(tmp_path / "spans", env=env) as r:
        body = b'{"resourceLogs": []}'
        json_type = {"Content-Type": "application/json"}
        assert _post(r, body, json_type)[0] == 401
        assert _post(r, body, {**json_type, "Authorization": "Bearer nope"})[0] == 401
        assert _post(r, body, {**json_type, "Authorization": f"Bearer {TOKEN}"})[0] == 200


def test_grpc_logs_check_the_token_before_parsing_and_refuse_bad_ids(tmp_path: Path) -> None:
    """LogsService as TraceService: unauthenticated garbage is UNAUTHENTICATED (never
    parsed), authenticated garbage INVALID_ARGUMENT, and so is a record whose span id is
    not 8 bytes; nothing of them is stored."""
    record = LogRecord(span_id=b"\x01\x02\x03", body=AnyValue(string_value="hi"))
    bad_ids = ExportLogsServiceRequest(
        resource_logs=[ResourceLogs(scope_logs=[ScopeLogs(log_records=[record])])]
    ).SerializeToString()
    with running(tmp_path / "spans", env={"COORDGAP_COLLECT_TOKEN": "s3cret"}) as r:
        assert grpc_raw(r, b"\xff\xff\xff", method=LOGS_EXPORT) is grpc.StatusCode.UNAUTHENTICATED
        auth = (("authorization", "Bearer s3cret"),)
        assert (
            grpc_raw(r, b"\xff\xff\xff", auth, method=LOGS_EXPORT)
            is grpc.StatusCode.INVALID_ARGUMENT
        )
        assert grpc_raw(r, bad_ids, auth, method=LOGS_EXPORT) is grpc.StatusCode.INVALID_ARGUMENT
        stored = [p for p in (tmp_path / "spans").rglob("*") if p.is_file() and p.stat().st_size]
        assert stored == []
