"""The ClickHouse source reads GenAI messages sent as log records from `otel_logs`
(the Collector exporter's DDL, in chDB): the content of a failed run's model call is
what `coordgap ingest` of the same spans and records gives, only for the fetched
traces; a database without `otel_logs` analyzes as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from click.testing import CliRunner

pytest.importorskip("chdb")

import analyzer  # noqa: E402
from analyzer.sources import engines, export, open_source  # noqa: E402
from analyzer.sources.clickhouse_logs import add_log_content  # noqa: E402
from coordgap.cli import main  # noqa: E402
from tests.test_ingest_helpers import any_value  # noqa: E402
from tracer import semconv  # noqa: E402

LOGS_DDL = Path(__file__).resolve().parent / "fixtures" / "clickhouse" / "otel_logs.sql"
FAILED, SIMPLE = f"{1:032x}", f"{2:032x}"
ROOT, AGENT, CHAT = "0000000000000001", "0000000000000002", "0000000000000003"
T0, MS = 1_767_225_600 * 10**9, 1_000_000
_CONTENT = "SELECT trace_id, span_id, direction, role, seq, text FROM content ORDER BY ALL"
_TOOL_CALL = {"id": "c1", "type": "function",
              "function": {"name": "lookup", "arguments": {"station": "brest"}}}  # fmt: skip
#: (trace, span, event name, body, ms after T0, named by the EventName field)
MESSAGES = [
    (FAILED, CHAT, "gen_ai.system.message", "answer in one line", 11, False),
    (FAILED, CHAT, "gen_ai.user.message", {"role": "user", "content": "tide at brest?"}, 12, True),
    (FAILED, CHAT, "gen_ai.choice",
     {"index": 0, "finish_reason": "tool_calls",
      "message": {"role": "assistant", "tool_calls": [_TOOL_CALL]}}, 13, False),
    (SIMPLE, CHAT, "gen_ai.user.message", "tide at cherbourg?", 12, False),
]  # fmt: skip
#: records that add nothing: not a GenAI message event, or no span id
NOISE = [
    (FAILED, CHAT, "app.request", {"content": "not a message"}, 14, False),
    (FAILED, CHAT, "gen_ai.content.prompt", "an older convention's event", 14, True),
    (FAILED, "", "gen_ai.user.message", "no span to belong to", 15, False),
]


def _kv(key: str, value: Any) -> dict[str, Any]:
    return {"key": key, "value": any_value(value)}


def _span(tid: str, sid: str, parent: str | None, name: str, attrs: dict, failed: bool) -> dict:
    start = T0 + int(sid, 16) * MS
    span: dict[str, Any] = {
        "traceId": tid, "spanId": sid, "name": name, "kind": 1,
        "startTimeUnixNano": str(start), "endTimeUnixNano": str(start + 40 * MS),
        "attributes": [_kv(k, v) for k, v in attrs.items()],
        "status": {"code": 2, "message": "boom"} if failed else {"code": 1},
    }  # fmt: skip
    if parent:
        span["parentSpanId"] = parent
    return span


def _run(tid: str, failed: bool) -> dict:
    """A run span, its agent, and the agent's model call (no content of its own)."""
    workflow = {semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
                semconv.GEN_AI_WORKFLOW_NAME: "tides"}  # fmt: skip
    agent = {semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
             semconv.GEN_AI_AGENT_NAME: "forecaster", semconv.STAGE: semconv.STAGE_GENERATION,
             semconv.ACTOR: semconv.ACTOR_MODEL}  # fmt: skip
    chat = {semconv.GEN_AI_OPERATION_NAME: semconv.OP_CHAT,
            semconv.GEN_AI_REQUEST_MODEL: "gpt-4o-mini"}  # fmt: skip
    spans = [
        _span(tid, ROOT, None, "invoke_workflow tides", workflow, failed),
        _span(tid, AGENT, ROOT, "invoke_agent forecaster", agent, failed),
        _span(tid, CHAT, AGENT, "chat gpt-4o-mini", chat, False),
    ]
    resource = {"attributes": [_kv(semconv.SERVICE_NAME, "tides")]}
    return {"resourceSpans": [{"resource": resource, "scopeSpans": [{"spans": spans}]}]}


def _record(tid: str, sid: str, name: str, body: Any, ms: int, by_field: bool) -> dict:
    record: dict[str, Any] = {"timeUnixNano": str(T0 + ms * MS), "traceId": tid,
                              "spanId": sid, "body": any_value(body)}  # fmt: skip
    if by_field:
        record["eventName"] = name
    else:
        record["attributes"] = [_kv(semconv.LOG_EVENT_NAME, name)]
    return record


def _store(tmp_path: Path, name: str, records: list[tuple]) -> Path:
    """The two runs' spans and ``records`` as OTLP/JSON lines, ingested into a store."""
    lines = [_run(FAILED, True), _run(SIMPLE, False)]
    if records:
        logs = [_record(*r) for r in records]
        lines.append({"resourceLogs": [{"scopeLogs": [{"logRecords": logs}]}]})
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / f"{name}.duckdb"
    with analyzer.open(db) as store:
        store.ingest([str(path)])
    return db


_INSERT = (
    "INSERT INTO {db:Identifier}.otel_logs "
    "(Timestamp, TraceId, SpanId, ServiceName, Body, LogAttributes) VALUES "
    "(fromUnixTimestamp64Nano({t:Int64}), {tid:String}, {sid:String}, 'tides', {body:String}, "
    "mapFromArrays({k:Array(String)}, {v:Array(String)}))"
)
_INSERT_WITH_EVENT_NAME = (
    "INSERT INTO {db:Identifier}.otel_logs "
    "(Timestamp, TraceId, SpanId, ServiceName, Body, LogAttributes, EventName) VALUES "
    "(fromUnixTimestamp64Nano({t:Int64}), {tid:String}, {sid:String}, 'tides', {body:String}, "
    "mapFromArrays({k:Array(String)}, {v:Array(String)}), {name:String})"
)


def _insert_record(engine: Any, db: str, record: tuple, event_name_column: bool) -> None:
    """One record as the exporter writes it: a map body as its JSON, the event name in
    EventName (newer exporters) or the event.name attribute."""
    tid, sid, name, body, ms, by_field = record
    text = body if isinstance(body, str) else json.dumps(body, separators=(",", ":"))
    keys, values = ([], []) if by_field else ([semconv.LOG_EVENT_NAME], [name])
    params = {"db": db, "t": T0 + ms * MS, "tid": tid, "sid": sid, "body": text,
              "k": keys, "v": values}  # fmt: skip
    if event_name_column:
        params["name"] = name if by_field else ""
    engine.command(_INSERT_WITH_EVENT_NAME if event_name_column else _INSERT, params)


def _source_db(
    chdb_dir: Path, store: Path, db: str, records: list[tuple] | None, event_name_column: bool
) -> str:
    """``store``'s spans in ``db``'s otel_traces and, unless None, ``records`` in its
    otel_logs (the exporter's DDL, with or without EventName); the source's URL."""
    url = f"chdb://{chdb_dir}?database={db}"
    parsed = engines.parse_url(url)
    engine = engines.connect(parsed)
    with analyzer.open(store, read_only=True) as opened:
        export.export_spans(opened.con, engine, parsed)
    if records is not None:
        ddl = LOGS_DDL.read_text(encoding="utf-8")
        if not event_name_column:
            ddl = ddl.replace("    EventName String CODEC(ZSTD(1)),\n", "")
        engine.command(ddl, {"db": db, "table": "otel_logs"})
        for record in records:
            _insert_record(engine, db, record, event_name_column)
    return url


def _stored_content(store: Path) -> list[tuple]:
    with analyzer.open(store, read_only=True) as opened:
        return opened.con.execute(_CONTENT).fetchall()


def _source_content(url: str) -> list[tuple]:
    """The content of the source's local analysis (the failed run, fetched)."""
    source = open_source(url)
    analysis = source.analyze()
    assert analysis.n_failed == 1 and analysis._con is not None
    return analysis._con.execute(_CONTENT).fetchall()


def _analyze_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["analyze", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def chdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chdb_logs") / "data"


@pytest.mark.parametrize("event_name_column", [True, False], ids=["EventName", "attribute"])
def test_log_records_give_the_content_ingest_gives(
    tmp_path: Path, chdb_dir: Path, event_name_column: bool
) -> None:
    """The failed run's model call gets, from otel_logs, the content rows ingest of the
    same spans and records gives (the other run, not fetched, none), and the analysis
    is the store's."""
    records = MESSAGES if event_name_column else [(*r[:5], False) for r in MESSAGES]
    store = _store(tmp_path, "with_logs", records + NOISE)
    expected = [row for row in _stored_content(store) if row[0] == FAILED]
    assert sorted(row[3] for row in expected) == ["assistant", "system", "user"]
    assert any("lookup(" in row[5] for row in expected)
    db = "logs_" + ("new" if event_name_column else "old")
    url = _source_db(chdb_dir, store, db, records + NOISE, event_name_column)
    assert _source_content(url) == expected
    assert _analyze_json("--source", url) == _analyze_json("--db", str(store))


def test_traces_only_database_analyzes_as_before(tmp_path: Path, chdb_dir: Path) -> None:
    """Without otel_logs: no error, no content, the same analysis as the store's spans."""
    store = _store(tmp_path, "spans_only", [])
    url = _source_db(chdb_dir, store, "traces_only", None, True)
    assert _source_content(url) == []
    assert _analyze_json("--source", url) == _analyze_json("--db", str(store))


def test_named_logs_table_must_exist(tmp_path: Path, chdb_dir: Path) -> None:
    """A logs table named in the URL that is not there is an error, as the traces table's."""
    store = _store(tmp_path, "named", [])
    url = _source_db(chdb_dir, store, "named_logs", None, True)
    with pytest.raises(ValueError, match="no table named_logs.app_logs"):
        open_source(url + "&logs_table=app_logs").analyze()


def _records_fetched(url: str) -> int:
    """The otel_logs rows ClickHouse sends for the failed run's trace."""
    parsed = engines.parse_url(url)
    ids = pa.table({"trace_id": pa.array([FAILED], pa.string())})
    with analyzer.open(":memory:") as local:
        return add_log_content(engines.connect(parsed), parsed, local.con, ids, 10_000)


def test_other_events_and_records_without_span_ids_add_nothing(
    tmp_path: Path, chdb_dir: Path
) -> None:
    """Records of other event names, or with no span id, stay in ClickHouse and give
    no content; the failed run's GenAI messages are all that cross the wire."""
    store = _store(tmp_path, "noise", NOISE)
    assert _stored_content(store) == []
    url = _source_db(chdb_dir, store, "noise_logs", NOISE, True)
    assert _source_content(url) == []
    assert _records_fetched(url) == 0
    both = _source_db(chdb_dir, _store(tmp_path, "both", []), "both_logs", MESSAGES + NOISE, True)
    assert _records_fetched(both) == 3


def test_an_operation_details_record_gives_the_content_ingest_gives(
    tmp_path: Path, chdb_dir: Path
) -> None:
    """The newer conventions' `gen_ai.client.inference.operation.details` record, its
    messages in LogAttributes as the exporter flattens them (JSON text): the failed
    run's model call gets the content ingest of the same record gives."""
    inputs = json.dumps([{"role": "user", "parts": [{"type": "text", "content": "tide?"}]}])
    outputs = json.dumps([{"role": "assistant", "parts": [{"type": "text", "content": "4.2 m"}]}])
    attrs = {semconv.GEN_AI_INPUT_MESSAGES: inputs, semconv.GEN_AI_OUTPUT_MESSAGES: outputs}
    record = {"timeUnixNano": str(T0 + 12 * MS), "traceId": FAILED, "spanId": CHAT,
              "eventName": semconv.GEN_AI_OPERATION_DETAILS_EVENT,
              "attributes": [_kv(k, v) for k, v in attrs.items()]}  # fmt: skip
    lines = [_run(FAILED, True), _run(SIMPLE, False)]
    lines.append({"resourceLogs": [{"scopeLogs": [{"logRecords": [record]}]}]})
    path = tmp_path / "details.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    store = tmp_path / "details.duckdb"
    with analyzer.open(store) as opened:
        opened.ingest([str(path)])
    expected = _stored_content(store)
    assert sorted(row[2] for row in expected) == ["input", "output"]
    url = _source_db(chdb_dir, store, "details_logs", [], True)
    engine = engines.connect(engines.parse_url(url))
    params = {"db": "details_logs", "t": T0 + 12 * MS, "tid": FAILED, "sid": CHAT, "body": "",
              "k": list(attrs), "v": list(attrs.values()),
              "name": semconv.GEN_AI_OPERATION_DETAILS_EVENT}  # fmt: skip
    engine.command(_INSERT_WITH_EVENT_NAME, params)
    assert _source_content(url) == expected
