"""GenAI messages sent as OTLP log records: gathered while files are read, made
content rows of their spans once all files are in.

A span's messages may arrive as log records in several requests, so in several
lines or files (an exporter batches records as it pleases): they are gathered
in a temporary table for the whole ingest and turned into content at its end,
through the one content query (``content_extract``) over a staging relation of
those spans whose events are the records (``content_log_spans``). So a span's
content is the same whether its messages were span events or log records, and,
as for span events, a span that already has content rows is skipped: re-ingesting
never duplicates. A span whose rows came from log records alone is remembered with
how many records made them (``content_from_logs``); an ingest that gathers more of
its records (``coordgap collect --ingest-every`` re-reads the store between a span's
exports) makes its rows again from all of them.
"""

from __future__ import annotations

from typing import IO

import duckdb
import pyarrow as pa

from analyzer import content, queries
from analyzer.formats.otlp_logs import MessageEvent, Read, chunk_events, document_events
from tracer import semconv

__all__ = ["LogContent"]

_CREATE = """
CREATE OR REPLACE TEMP TABLE cg_log_events (
    trace_id VARCHAR, span_id VARCHAR, name VARCHAR, time_ns BIGINT, ord BIGINT, text VARCHAR)
"""
_INSERT = "INSERT INTO cg_log_events SELECT * FROM cg_log_arrow"
_SCHEMA = pa.schema(
    [
        ("trace_id", pa.string()),
        ("span_id", pa.string()),
        ("name", pa.string()),
        ("time_ns", pa.int64()),
        ("ord", pa.int64()),
        ("text", pa.string()),
    ]
)


class LogContent:
    """The GenAI message log records of one ingest (inside its transaction)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.records = 0  # every log record read, GenAI message or not
        self._events = 0
        con.execute(_CREATE)

    def add_chunk(self, chunk: bytes) -> None:
        """The records of a chunk of whole OTLP/JSON lines (none: no cost but a search)."""
        self._add(chunk_events(chunk))

    def add_stream(self, stream: IO[bytes], lines: bool) -> None:
        """The records of an OTLP/JSON file read by the Python reader, a batch at a time."""
        for read in document_events(stream, lines):
            self._add(read)

    def add_events(self, events: list[MessageEvent], records: int) -> None:
        """Message events read elsewhere from ``records`` log records (the ClickHouse
        source's ``otel_logs`` rows, :mod:`analyzer.sources.clickhouse_logs`)."""
        self._add(Read(records=records, events=events))

    def finish(self, cap: int) -> None:
        """Insert the gathered records' content rows (``cap`` characters a span, as
        for span events) and drop the temporary tables."""
        try:
            if self._events and cap > 0:
                queries.run(
                    self.con,
                    "content_log_spans",
                    k_ev_content=semconv.GEN_AI_EVENT_CONTENT,
                    details_keys=list(semconv.GEN_AI_DETAILS_KEYS),
                )
                self._refresh()
                queries.run(self.con, "content_log_new")
                content.extract(self.con, "cg_logs", cap)
                queries.run(self.con, "content_log_remember")
        finally:
            for table in ("cg_logs", "cg_log_events", "cg_log_stale", "cg_log_new"):
                self.con.execute(f"DROP TABLE IF EXISTS {table}")  # this module's own names

    def _refresh(self) -> None:
        """Drop the content an earlier ingest made from fewer of a span's records than
        this one gathered (``content_from_logs``): it is made again from all of them.
        A span whose content came from its own attributes or events is never there."""
        for name in ("content_log_stale", "content_log_drop_stale", "content_log_forget_stale"):
            queries.run(self.con, name)

    def _add(self, read: Read) -> None:
        self.records += read.records
        if read.events:
            cg_log_arrow = _table(read.events, self._events)  # noqa: F841 - DuckDB scans it
            self.con.execute(_INSERT)
            self._events += len(read.events)


def _table(events: list[MessageEvent], first: int) -> pa.Table:
    """``events`` as rows of ``cg_log_events``, numbered from ``first`` in read order."""
    return pa.table(
        {
            "trace_id": [e.trace_id for e in events],
            "span_id": [e.span_id for e in events],
            "name": [e.name for e in events],
            "time_ns": [e.time_ns for e in events],
            "ord": list(range(first, first + len(events))),
            "text": [e.text for e in events],
        },
        schema=_SCHEMA,
    )
