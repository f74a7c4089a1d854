"""Load coordgap's spans into an OpenTelemetry Collector ``otel_traces`` table.

:func:`export_spans` maps the ``spans`` table of a DuckDB store back onto the
ClickHouse exporter's columns (``local.sql``, ``export_rows``; ``clickhouse.sql``,
``ch_insert``) and appends them, creating the database and the table with the
exporter's own DDL when missing. Raw columns only: the normalized ones are
coordgap's reading, which the ClickHouse source recomputes.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from analyzer.sources import catalog
from analyzer.sources.clickhouse import query_params
from analyzer.sources.engines import Engine, SourceURL
from tracer import semconv

__all__ = ["create_table", "export_spans"]

#: spans sent to ClickHouse per INSERT
EXPORT_BATCH_ROWS = 50_000


def create_table(engine: Engine, url: SourceURL) -> None:
    """Create ``url``'s database and ``otel_traces`` table (the exporter's DDL) when missing."""
    engine.command("CREATE DATABASE IF NOT EXISTS {db:Identifier}", {"db": url.database})
    engine.command(catalog.ddl(), {"db": url.database, "table": url.table})


def export_spans(
    con: duckdb.DuckDBPyConnection,
    engine: Engine,
    url: SourceURL,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Append every span of ``con``'s ``spans`` table to ``url``'s table; returns
    the number of spans sent. Spans already there are sent again (ClickHouse keeps
    duplicates; export into an empty table, or a new one)."""
    create_table(engine, url)
    insert = catalog.sql("ch_insert")
    params = query_params(insert, db=url.database, table=url.table, k_service=semconv.SERVICE_NAME)
    reader = con.sql(catalog.sql("export_rows", "local.sql")).to_arrow_reader(EXPORT_BATCH_ROWS)
    sent = 0
    for batch in reader:
        if batch.num_rows == 0:
            continue
        import pyarrow as pa

        engine.command(insert, params, {"rows": pa.Table.from_batches([batch])})
        sent += batch.num_rows
        if progress is not None:
            progress(sent)
    return sent
