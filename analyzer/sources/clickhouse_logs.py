"""GenAI messages in the Collector's ``otel_logs`` table, made content of the spans
the ClickHouse source fetched.

Instrumentations that send a model call's messages as log records (Semantic
Kernel, OpenTelemetry's GenAI instrumentations) have them, through the Collector's
ClickHouse exporter, in ``otel_logs`` beside ``otel_traces``. For the traces it
streams into its local store (and only those), the source reads the records that
name a GenAI message event (:data:`tracer.semconv.GEN_AI_MESSAGE_EVENTS`) and have
a span id, the name filter done in ClickHouse, and hands them to the one path
ingest uses (:class:`analyzer.content_logs.LogContent`): a run analyzed from
ClickHouse gets the content it gets from the local store. No ``otel_logs`` table
changes nothing.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from analyzer.content_logs import LogContent
from analyzer.formats.otlp_logs import MessageEvent, message_event
from analyzer.sources import catalog
from analyzer.sources.engines import DEFAULT_LOGS_TABLE, Engine, SourceURL
from analyzer.sources.keys import query_params
from tracer import semconv

__all__ = ["add_log_content", "message_query"]

#: the exporter's columns the query reads (``EventName`` only in newer versions)
_COLUMNS = frozenset({"Timestamp", "TraceId", "SpanId", "Body", "LogAttributes"})
_EVENT_NAME = "EventName"
_ROW = ("trace_id", "span_id", "name", "time_ns", "body")


def message_query(engine: Engine, url: SourceURL) -> str | None:
    """The named query reading the logs table: ``ch_log_messages`` when it has the
    ``EventName`` column, ``ch_log_messages_attr`` when not. None when ``otel_logs``
    is absent or is not the exporter's table; a table named in the URL
    (``logs_table=``) that is either raises ValueError, as the traces table does."""
    name = url.logs_table or DEFAULT_LOGS_TABLE
    found = engine.query_arrow(
        catalog.sql("ch_log_columns"), {"db": url.database, "logs_table": name}
    )
    columns = set(found.column("name").to_pylist())
    missing = _COLUMNS - columns
    if missing and url.logs_table is not None:
        lacks = f"no table {url.database}.{name}" if not columns else f"{url.database}.{name}"
        detail = "" if not columns else f" has no column {', '.join(sorted(missing))}"
        raise ValueError(lacks + detail)
    if missing:
        return None
    return "ch_log_messages" if _EVENT_NAME in columns else "ch_log_messages_attr"


def add_log_content(
    engine: Engine, url: SourceURL, con: duckdb.DuckDBPyConnection, ids: pa.Table, cap: int
) -> int:
    """Insert into ``con``'s ``content`` the GenAI message records of the traces
    ``ids`` (``trace_id``: as ``ch_fetch`` matches them), streamed a block at a time;
    the records that crossed the wire (none but GenAI messages with a span id). Spans
    with content of their own keep it, as at ingest."""
    name = message_query(engine, url)
    if name is None or cap <= 0:
        return 0
    text = catalog.sql(name)
    params = query_params(
        text,
        db=url.database,
        logs_table=url.logs_table or DEFAULT_LOGS_TABLE,
        log_event_key=semconv.LOG_EVENT_NAME,
        message_events=list(semconv.GEN_AI_MESSAGE_EVENTS),
        details_event=semconv.GEN_AI_OPERATION_DETAILS_EVENT,
        details_keys=list(semconv.GEN_AI_DETAILS_KEYS),
    )
    logs = LogContent(con)
    for block in engine.query_blocks(text, params, {"ids": ids}):
        logs.add_events(_events(block), block.num_rows)
    logs.finish(cap)
    return logs.records


def _events(block: pa.Table) -> list[MessageEvent]:
    """A block of ``log_messages`` rows as message events (those with text), as
    otlp_logs reads the same records from OTLP."""
    rows = zip(*(block.column(c).to_pylist() for c in _ROW), strict=True)
    return [e for e in (message_event(*row) for row in rows) if e is not None]
