"""OTLP logs: the receiver's decoding of logs requests, and log records read as content."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from tests.integration_support import need

need("aiohttp")

from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import (  # noqa: E402
    ExportLogsServiceRequest,
)

import analyzer  # noqa: E402
from analyzer.formats.otlp_logs import body_text, document_events, line_events  # noqa: E402
from collector.codec import BadRequest, decode_json, decode_protobuf, store_line  # noqa: E402
from collector.kinds import LOGS  # noqa: E402
from tests.test_ingest_helpers import any_value  # noqa: E402

TID, SID = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"


def _record(name: str | None, body: object, t: int, *, field: bool = False, **ids: str) -> dict:
    record: dict = {"timeUnixNano": str(t), "traceId": TID, "spanId": SID, **ids}
    if isinstance(body, str):
        record["body"] = {"stringValue": body}
    elif body is not None:
        record["body"] = body
    if name and field:
        record["eventName"] = name
    elif name:
        record["attributes"] = [{"key": "event.name", "value": {"stringValue": name}}]
    return record


def _logs(*records: dict) -> dict:
    return {"resourceLogs": [{"scopeLogs": [{"logRecords": list(records)}]}]}


def test_logs_json_is_stored_as_a_resource_logs_line_with_hex_ids() -> None:
    """A JSON logs request (hex ids in any case) is one resourceLogs line, ids lowercase."""
    body = json.dumps(_logs(_record("gen_ai.user.message", "hi", 1, traceId=TID.upper())))
    line = store_line(decode_json(body.encode(), LOGS), LOGS)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    stored = json.loads(line)["resourceLogs"][0]["scopeLogs"][0]["logRecords"][0]
    assert (stored["traceId"], stored["spanId"]) == (TID, SID)


def test_logs_protobuf_round_trip_and_record_without_ids() -> None:
    """Protobuf and JSON give the same line; a record with no trace is kept, counted."""
    request = decode_json(
        json.dumps(_logs(_record(None, "boot", 1, traceId="", spanId=""))).encode(), LOGS
    )
    again = decode_protobuf(request.SerializeToString(), LOGS)
    assert store_line(again, LOGS) == store_line(request, LOGS)
    assert LOGS.count(again) == 1
    assert (
        "traceId"
        not in json.loads(store_line(again, LOGS))["resourceLogs"][0]["scopeLogs"][0]["logRecords"][
            0
        ]
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[1]", "object with resourceLogs"),
        (b'{"resourceLogs": 3}', "resourceLogs must be a list"),
        (json.dumps(_logs({"spanId": "b7ad6b71"})).encode(), "span id 8"),
    ],
)
def test_decode_logs_rejects_with_a_reason(body: bytes, reason: str) -> None:
    """Malformed logs requests raise BadRequest naming what is wrong."""
    with pytest.raises(BadRequest, match=reason):
        decode_json(body, LOGS)


def test_logs_protobuf_garbage_is_bad_request() -> None:
    """Bytes that are no ExportLogsServiceRequest raise BadRequest naming the message."""
    with pytest.raises(BadRequest, match="ExportLogsServiceRequest"):
        decode_protobuf(b"\xff\xff\xff", LOGS)
    assert isinstance(decode_protobuf(b"", LOGS), ExportLogsServiceRequest)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('{"role": "user", "content": "hello"}', "hello"),
        ("plain words", "plain words"),
        ('{"message": {"content": "done"}, "finish_reason": "stop"}', "done"),
        (
            '{"message": {"content": null, "tool_calls": [{"function": '
            '{"name": "find", "arguments": {"q": 1}}}]}}',
            'find({"q":1})',
        ),
        ('{"content": [{"type": "text", "text": "a"}, {"text": "b"}]}', "a\nb"),
        (
            {"kvlistValue": {"values": [{"key": "content", "value": {"stringValue": "kv"}}]}},
            "kv",
        ),
        ('{"role": "assistant"}', None),
    ],
)
def test_body_text(body: object, text: str | None) -> None:
    """A body's text: content, message.content, tool calls as name(arguments), parts joined."""
    value = {"stringValue": body} if isinstance(body, str) else body
    assert body_text(value) == text


def test_only_genai_message_records_with_both_ids_are_events() -> None:
    """Other event names and records without a span id give no event; all are counted."""
    line = json.dumps(
        _logs(
            _record("gen_ai.user.message", "a", 1),
            _record("gen_ai.choice", "b", 2, field=True),
            _record("http.request", "c", 3),
            _record("gen_ai.user.message", "d", 4, spanId=""),
        )
    ).encode()
    read = line_events(line)
    assert read.records == 4
    assert [(e.name, e.text) for e in read.events] == [
        ("gen_ai.user.message", "a"),
        ("gen_ai.choice", "b"),
    ]


def _span(events: list[dict] | None = None) -> dict:
    span = {"traceId": TID, "spanId": SID, "name": "chat", "kind": 3,
            "startTimeUnixNano": "1", "endTimeUnixNano": "9", "events": events or []}  # fmt: skip
    return {"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}


def _content(tmp_path: Path, name: str, lines: list[dict], gz: bool = False) -> list[tuple]:
    text = "".join(json.dumps(line) + "\n" for line in lines).encode()
    path = tmp_path / (name + (".jsonl.gz" if gz else ".jsonl"))
    path.write_bytes(gzip.compress(text) if gz else text)
    with analyzer.open(str(tmp_path / f"{name}.duckdb")) as store:
        store.ingest([str(path)])
        return store.con.execute(
            "SELECT direction, role, seq, text FROM content ORDER BY direction, seq"
        ).fetchall()


def test_log_records_give_the_content_span_events_give(tmp_path: Path) -> None:
    """The same messages as span events or as log records (split over two lines,
    out of order) make the same content rows."""
    events = [
        {"name": "gen_ai.system.message", "timeUnixNano": "2",
         "attributes": [{"key": "content", "value": {"stringValue": "be brief"}}]},
        {"name": "gen_ai.user.message", "timeUnixNano": "3",
         "attributes": [{"key": "content", "value": {"stringValue": "hello"}}]},
        {"name": "gen_ai.assistant.message", "timeUnixNano": "4",
         "attributes": [{"key": "content", "value": {"stringValue": "earlier"}}]},
    ]  # fmt: skip
    as_events = _content(tmp_path, "events", [_span(events)])
    as_logs = _content(
        tmp_path,
        "logs",
        [
            _logs(_record("gen_ai.assistant.message", '{"content": "earlier"}', 4)),
            _span(),
            _logs(
                _record("gen_ai.user.message", '{"role": "user", "content": "hello"}', 3),
                _record("gen_ai.system.message", "be brief", 2, field=True),
            ),
        ],
    )
    assert as_events == as_logs
    assert [r[0] for r in as_logs] == ["input", "input", "system"]


def test_logs_only_gzip_file_ingests_without_spans_and_never_twice(tmp_path: Path) -> None:
    """A .jsonl.gz of log records only: 0 spans, content rows, none added again."""
    path = tmp_path / "logs.jsonl.gz"
    line = _logs(_record("gen_ai.choice", '{"message": {"content": "ok"}}', 1))
    path.write_bytes(gzip.compress((json.dumps(line) + "\n").encode()))
    with analyzer.open(str(tmp_path / "db.duckdb")) as store:
        first = store.ingest([str(path)])
        second = store.ingest([str(path)])
        rows = store.con.execute("SELECT direction, role, text FROM content").fetchall()
    assert (first.spans_read, first.log_records, second.log_records) == (0, 1, 1)
    assert rows == [("output", "assistant", "ok")]


def test_torn_last_line_after_logs_is_skipped(tmp_path: Path) -> None:
    """A store file with a torn last line (the Python reader's path) keeps its logs' content."""
    path = tmp_path / "spans-h-1-2.jsonl"
    good = json.dumps(_logs(_record("gen_ai.user.message", "hi", 1))) + "\n"
    path.write_text(good + json.dumps(_span()) + "\n" + '{"resourceSpans": [')
    with analyzer.open(str(tmp_path / "db.duckdb")) as store:
        result = store.ingest([str(path)])
        rows = store.con.execute("SELECT text FROM content").fetchall()
    assert (result.spans_read, result.torn_lines, rows) == (1, 1, [("hi",)])


def test_records_that_arrive_after_an_ingest_are_added_at_the_next(tmp_path: Path) -> None:
    """`coordgap collect --ingest-every` re-reads the store: a span whose prompt records
    were in the first ingest and whose answer record came after it gets the answer at
    the next ingest, once, and its rows are those of one ingest of everything."""
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    prompt = _logs(_record("gen_ai.user.message", '{"content": "count the ledgers"}', 1))
    answer = _logs(_record("gen_ai.choice", '{"message": {"content": "12 ledgers"}}', 2))
    (store_dir / "a.jsonl").write_text(json.dumps(_span()) + "\n" + json.dumps(prompt) + "\n")
    query = "SELECT direction, seq, text FROM content ORDER BY direction, seq"
    with analyzer.open(str(tmp_path / "db.duckdb")) as store:
        store.ingest([str(store_dir)])
        assert store.con.execute(query).fetchall() == [("input", 1, "count the ledgers")]
        (store_dir / "b.jsonl").write_text(json.dumps(answer) + "\n")
        store.ingest([str(store_dir)])
        store.ingest([str(store_dir)])  # nothing new: nothing changes
        rows = store.con.execute(query).fetchall()
    with analyzer.open(str(tmp_path / "once.duckdb")) as once:
        once.ingest([str(store_dir)])
        assert rows == once.con.execute(query).fetchall()
    assert rows == [("input", 1, "count the ledgers"), ("output", 1, "12 ledgers")]


def test_an_operation_details_record_gives_what_the_same_span_attributes_give(
    tmp_path: Path,
) -> None:
    """The newer conventions' `gen_ai.client.inference.operation.details` record holds a
    call's messages in the attributes a span would hold them in (a JSON string, or
    structured values): its content is that of the span carrying those attributes."""
    inputs = [{"role": "user", "parts": [{"type": "text", "content": "count the ledgers"}]}]
    outputs = [{"role": "assistant", "parts": [{"type": "text", "content": "12 ledgers"}]}]
    system = [{"type": "text", "content": "You are the clerk."}]
    span = _span()
    span["resourceSpans"][0]["scopeSpans"][0]["spans"][0]["attributes"] = [
        {"key": "gen_ai.input.messages", "value": {"stringValue": json.dumps(inputs)}},
        {"key": "gen_ai.output.messages", "value": {"stringValue": json.dumps(outputs)}},
        {"key": "gen_ai.system_instructions", "value": {"stringValue": json.dumps(system)}},
    ]
    as_span = _content(tmp_path, "span", [span])

    record = _record("gen_ai.client.inference.operation.details", None, 5, field=True)
    record["attributes"] = [
        {"key": "gen_ai.input.messages", "value": {"stringValue": json.dumps(inputs)}},
        {"key": "gen_ai.output.messages", "value": any_value(outputs)},
        {"key": "gen_ai.system_instructions", "value": any_value(system)},
        {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
    ]
    as_record = _content(tmp_path, "record", [_span(), _logs(record)])
    assert as_record == as_span
    assert sorted(r[0] for r in as_record) == ["input", "output", "system"]


def test_a_files_records_are_read_a_batch_at_a_time(tmp_path: Path) -> None:
    """A file's records come a few at a time (never all in memory), the same events
    in the same order; a JSON document that breaks keeps what came before the break."""
    records = [_record("gen_ai.user.message", f"m{i}", i) for i in range(5)]
    text = b"".join(json.dumps(_logs(r)).encode() + b"\n" for r in records)
    whole = list(document_events(io.BytesIO(text), True))
    parts = list(document_events(io.BytesIO(text), True, batch=2))
    assert [len(p.events) for p in parts] == [2, 2, 1]
    assert [e for p in parts for e in p.events] == whole[0].events
    assert [e.text for e in whole[0].events] == ["m0", "m1", "m2", "m3", "m4"]
    doc = json.dumps({"resourceLogs": [_logs(r)["resourceLogs"][0] for r in records]})
    torn = list(document_events(io.BytesIO(doc[: doc.rindex("{")].encode()), False, batch=2))
    assert [e.text for p in torn for e in p.events] == ["m0", "m1", "m2", "m3"]


@pytest.mark.parametrize(
    "request_doc",
    [
        {"resourceLogs": [{"scopeLogs": 5}]},
        {"resourceLogs": [{"scopeLogs": [{"logRecords": 7}]}]},
        {"resourceLogs": [{"scopeLogs": [{"logRecords": [
            {"traceId": "ab" * 16, "spanId": "cd" * 8, "attributes": 3, "body": "x"}]}]}]},
        {"resourceLogs": [{"scopeLogs": [{"logRecords": [
            {"traceId": "ab" * 16, "spanId": "cd" * 8, "eventName": "gen_ai.choice",
             "body": {"kvlistValue": {"values": 4}}}]}]}]},
    ],
)  # fmt: skip
def test_a_level_of_the_wrong_shape_holds_no_message(request_doc: dict) -> None:
    """Scopes, records, attributes or a body of the wrong JSON type are dropped as a
    record of no message event is, in a JSON line and in a document; before, a
    TypeError or AttributeError with a traceback stopped the ingest."""
    line = json.dumps(request_doc).encode()
    assert line_events(line).events == []
    (read,) = list(document_events(io.BytesIO(line), lines=False)) or [None]
    assert read is None or read.events == []


def test_an_array_value_of_the_wrong_shape_reads_as_an_empty_array() -> None:
    """An ``arrayValue`` that is a list, not an object holding ``values``, reads as an
    empty array (as the span reader reads it); it raised AttributeError."""
    record = {"traceId": "ab" * 16, "spanId": "cd" * 8, "eventName": "gen_ai.choice"}
    doc = {"resourceLogs": [{"scopeLogs": [{"logRecords": [
        {**record, "body": {"arrayValue": [1]}}]}]}]}  # fmt: skip
    assert [e.text for e in line_events(json.dumps(doc).encode()).events] == ["[]"]
