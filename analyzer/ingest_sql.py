"""Appending staging rows to ``spans``: the one normalization, and deduplication.

Staging rows come as registered Arrow batches (:func:`append_arrow`: the chunks
:mod:`analyzer.formats.otlp_arrow` parses, and every Python reader's batches) or,
for a chunk of OTLP/JSON lines pyarrow cannot read exactly, from DuckDB's
``read_ndjson`` with an explicit schema, unnested and converted in SQL
(:func:`append_otlp_lines`). Both end in the one normalization statement of
:mod:`analyzer.mapping`, so the mapping exists once.

``spans`` has no key index: rows are appended, and :func:`dedup` then deletes
those that repeat a span already there (:func:`insert_arrow` does both).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Final

import duckdb
import pyarrow as pa

from analyzer import content, mapping
from tracer import semconv

__all__ = [
    "MAX_LINE_BYTES",
    "append_arrow",
    "append_otlp_lines",
    "dedup",
    "insert_arrow",
    "install_macros",
    "next_rowid",
    "transaction",
]

#: DuckDB's per-line limit for JSON lines (its default, kept: raising it costs
#: every read); a longer line sends the file through the streaming Python reader.
MAX_LINE_BYTES: Final = 16 * 1024 * 1024

_ANY_VALUE = (
    "STRUCT(stringValue VARCHAR, boolValue VARCHAR, intValue VARCHAR, doubleValue VARCHAR, "
    'bytesValue VARCHAR, kvlistValue JSON, arrayValue STRUCT("values" STRUCT(stringValue '
    "VARCHAR, boolValue VARCHAR, intValue VARCHAR, doubleValue VARCHAR)[]))"
)
_KEY_VALUES = f"STRUCT(key VARCHAR, value {_ANY_VALUE})[]"
_SPAN = (
    "STRUCT(traceId VARCHAR, spanId VARCHAR, parentSpanId VARCHAR, name VARCHAR, kind VARCHAR, "
    "startTimeUnixNano VARCHAR, endTimeUnixNano VARCHAR, "
    f"attributes {_KEY_VALUES}, "
    f"events STRUCT(timeUnixNano VARCHAR, name VARCHAR, attributes {_KEY_VALUES})[], "
    f"links STRUCT(traceId VARCHAR, spanId VARCHAR, attributes {_KEY_VALUES})[], "
    "status STRUCT(code VARCHAR, message VARCHAR))"
)
_RESOURCE_SPANS = (
    f"STRUCT(resource STRUCT(attributes {_KEY_VALUES}), "
    f"scopeSpans STRUCT(spans {_SPAN}[])[], "
    f"instrumentationLibrarySpans STRUCT(spans {_SPAN}[])[])[]"
)

# Conversions to the staging form; ids follow analyzer.formats.common exactly
# (hex padded with leading zeros, or base64), and a bad id aborts the statement
# so the caller can locate it with the Python reader.
_MACROS = """
CREATE OR REPLACE TEMP MACRO cg_av(v) AS coalesce(
    v.stringValue, v.boolValue, v.intValue, v.doubleValue,
    CASE WHEN v.arrayValue IS NOT NULL THEN CAST(to_json(list_transform(
        coalesce(v.arrayValue."values", []),
        lambda e: coalesce(e.stringValue, e.boolValue, e.intValue, e.doubleValue))) AS VARCHAR)
    END,
    CAST(v.kvlistValue AS VARCHAR), v.bytesValue);
CREATE OR REPLACE TEMP MACRO cg_kv(kvs) AS map_from_entries(list_filter(
    list_transform(coalesce(kvs, []), lambda a: {'key': a.key, 'value': cg_av(a.value)}),
    lambda e: e.key IS NOT NULL AND e.value IS NOT NULL));
CREATE OR REPLACE TEMP MACRO cg_hex_id(x, n) AS
    CASE WHEN x IS NULL OR x = '' THEN NULL
         WHEN length(x) <= n AND regexp_full_match(x, '[0-9a-fA-F]+') THEN lpad(lower(x), n, '0')
         WHEN octet_length(from_base64(x)) BETWEEN 1 AND n // 2
             THEN lpad(lower(hex(from_base64(x))), n, '0')
         ELSE error('bad id') END;
CREATE OR REPLACE TEMP MACRO cg_kind(k) AS CASE
    WHEN k IS NULL OR k = '' THEN 'UNSPECIFIED'
    WHEN k IN ('0', '1', '2', '3', '4', '5') THEN
        ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']
        [CAST(k AS INTEGER) + 1]
    WHEN list_contains(['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'],
                       upper(replace(k, 'SPAN_KIND_', ''))) THEN upper(replace(k, 'SPAN_KIND_', ''))
    ELSE 'UNSPECIFIED' END;
CREATE OR REPLACE TEMP MACRO cg_status(c) AS CASE
    WHEN c IS NULL OR c = '' THEN 'UNSET'
    WHEN c IN ('0', '1', '2') THEN ['UNSET', 'OK', 'ERROR'][CAST(c AS INTEGER) + 1]
    WHEN list_contains(['UNSET', 'OK', 'ERROR'], upper(replace(c, 'STATUS_CODE_', '')))
        THEN upper(replace(c, 'STATUS_CODE_', ''))
    ELSE 'UNSET' END;
"""

# One OTLP/JSON-lines file as staging rows. $path and $compression are bound.
_OTLP_LINES_STAGE = f"""
WITH req AS (
    SELECT unnest(coalesce(resourceSpans, [])) AS rs
    FROM read_ndjson($path, columns = {{'resourceSpans': '{_RESOURCE_SPANS}'}},
                     compression = $compression, records = 'true')
), scopes AS (
    SELECT cg_kv(rs.resource.attributes)[$k_service] AS service,
           unnest(coalesce(rs.scopeSpans, rs.instrumentationLibrarySpans, [])) AS sc
    FROM req
), sp AS (
    SELECT service, unnest(coalesce(sc.spans, [])) AS x FROM scopes
)
SELECT
    cg_hex_id(x.traceId, 32) AS trace_id,
    cg_hex_id(x.spanId, 16) AS span_id,
    nullif(cg_hex_id(nullif(x.parentSpanId, ''), 16), '0000000000000000') AS parent_span_id,
    coalesce(x.name, '') AS name,
    cg_kind(x.kind) AS kind,
    service,
    coalesce(CAST(x.startTimeUnixNano AS BIGINT), 0) AS start_ns,
    coalesce(CAST(x.endTimeUnixNano AS BIGINT), 0) AS end_ns,
    cg_status(x.status.code) AS status,
    nullif(x.status.message, '') AS status_message,
    cg_kv(x.attributes) AS attributes,
    list_transform(coalesce(x.events, []), lambda e: {{
        'name': coalesce(e.name, ''),
        'time_ns': coalesce(CAST(e.timeUnixNano AS BIGINT), 0),
        'attributes': cg_kv(e.attributes)}}) AS events,
    list_transform(coalesce(x.links, []), lambda l: {{
        'trace_id': cg_hex_id(l.traceId, 32),
        'span_id': cg_hex_id(l.spanId, 16),
        'attributes': cg_kv(l.attributes)}}) AS links,
    'otlp-json' AS source
FROM sp
"""

_APPEND = f"INSERT INTO spans ({mapping.SPAN_COLUMNS}) {{select}}"
_STAGE_OTLP_LINES = f"CREATE OR REPLACE TEMP TABLE cg_stage AS {_OTLP_LINES_STAGE}"
_APPEND_STAGE = _APPEND.replace("{select}", mapping.normalize_sql("SELECT * FROM cg_stage"))
_APPEND_ARROW_SCAN = _APPEND.replace("{select}", mapping.normalize_sql("SELECT * FROM cg_arrow"))

# Deduplication after appending (``spans`` has no key index: keeping one cost about
# three times the rest of an insert). Rows appended since $since that repeat a
# (trace_id, span_id) stored before, or appended earlier, are deleted: the first
# seen stays. Candidates are found by a 64-bit hash of the key, then compared exactly.
_NEW_KEYS = """
CREATE OR REPLACE TEMP TABLE cg_new_keys AS
SELECT hash(trace_id, span_id) AS h, count(*) AS n FROM spans WHERE rowid >= $since GROUP BY h
"""
_REPEATED_KEYS = """
CREATE OR REPLACE TEMP TABLE cg_repeated AS
SELECT h FROM cg_new_keys WHERE n > 1
UNION
SELECT hash(trace_id, span_id) FROM spans
WHERE rowid < $since AND hash(trace_id, span_id) IN (SELECT h FROM cg_new_keys)
"""
_DELETE_REPEATS = """
DELETE FROM spans WHERE rowid IN (
    SELECT r FROM (
        SELECT rowid AS r,
               row_number() OVER (PARTITION BY trace_id, span_id ORDER BY rowid) AS seen
        FROM spans WHERE hash(trace_id, span_id) IN (SELECT h FROM cg_repeated)
    ) WHERE seen > 1
)
"""


def install_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Create the temporary macros the ingest statements use (per connection)."""
    con.execute(_MACROS)
    con.execute(mapping.MACROS_SQL)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back (and the error
    passed on) when it raises."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _count(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.fetchall()  # to the end: DuckDB takes no other statement before
    return int(rows[0][0]) if rows else 0


def next_rowid(con: duckdb.DuckDBPyConnection) -> int:
    """A row id at or below that of any span appended from now on (pass it to
    :func:`dedup`)."""
    con.execute("SELECT coalesce(max(rowid) + 1, 0) FROM spans")
    return _count(con)


def dedup(con: duckdb.DuckDBPyConnection, since: int) -> int:
    """Delete the spans appended since ``since`` (:func:`next_rowid`) that repeat
    a stored span or one appended before them; returns how many."""
    con.execute(_NEW_KEYS, {"since": since})
    try:
        con.execute(_REPEATED_KEYS, {"since": since})
        con.execute("SELECT count(*) FROM cg_repeated")
        if not _count(con):
            return 0
        con.execute(_DELETE_REPEATS)
        return _count(con)
    finally:
        con.execute("DROP TABLE IF EXISTS cg_new_keys")
        con.execute("DROP TABLE IF EXISTS cg_repeated")


def append_otlp_lines(
    con: duckdb.DuckDBPyConnection,
    path: str,
    *,
    gzip: bool = False,
    max_content: int = content.DEFAULT_MAX_CHARS,
) -> int:
    """Append one OTLP/JSON-lines file read by DuckDB, not deduplicated (see
    :func:`dedup`); returns the spans read.

    Raises :class:`duckdb.Error` on anything DuckDB cannot read; the caller finds
    the exact place with the Python reader.
    """
    con.execute(
        _STAGE_OTLP_LINES,
        {
            "path": path,
            "compression": "gzip" if gzip else "none",
            "k_service": semconv.SERVICE_NAME,
        },
    )
    read = _count(con)
    con.execute(_APPEND_STAGE, mapping.params(_APPEND_STAGE))
    content.extract(con, "cg_stage", max_content)
    con.execute("DROP TABLE cg_stage")
    return read


def append_arrow(
    con: duckdb.DuckDBPyConnection,
    table: pa.Table,
    *,
    max_content: int = content.DEFAULT_MAX_CHARS,
) -> int:
    """Append one staging batch (``analyzer.formats.common.STAGE_SCHEMA``) and its
    content (capped at ``max_content`` characters a span), not deduplicated (see
    :func:`dedup`); returns the spans appended.

    The spans reach DuckDB by a replacement scan of this frame's ``cg_arrow``, not
    ``register``: a registered view dropped inside a transaction keeps its Arrow
    table alive until the commit, so a large ingest grew without bound."""
    cg_arrow = table  # noqa: F841 - read by DuckDB's replacement scan below
    con.execute(_APPEND_ARROW_SCAN, mapping.params(_APPEND_ARROW_SCAN))
    added = _count(con)
    if max_content > 0:
        # registered: the content rows come out in the order they always did (the
        # analysis of a few corpus runs depends on it); such batches are rare in bulk
        con.register("cg_batch", table)
        try:
            content.extract(con, "cg_batch", max_content)
        finally:
            try:
                con.unregister("cg_batch")
            except duckdb.Error:
                pass  # the transaction is aborted; the caller rolls back
    return added


def insert_arrow(
    con: duckdb.DuckDBPyConnection,
    table: pa.Table,
    *,
    max_content: int = content.DEFAULT_MAX_CHARS,
    autocommit: bool = False,
) -> int:
    """Insert one staging batch and its content, keeping the first of each
    repeated span (stored before, or earlier in the batch); returns the spans added.

    ``autocommit``: ``con`` runs each statement in a transaction of its own; the
    append and its deduplication then run in one transaction here."""
    with transaction(con) if autocommit else nullcontext():
        since = next_rowid(con)
        return append_arrow(con, table, max_content=max_content) - dedup(con, since)
