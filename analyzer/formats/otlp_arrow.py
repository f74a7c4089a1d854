"""OTLP/JSON lines through pyarrow: the bulk path's parser.

A chunk of whole lines (tens of megabytes) is parsed by pyarrow's JSON reader
against one fixed schema, the OTLP/JSON rule as the OpenTelemetry SDKs and
coordgap's tracer write it (hex ids, integer enums, 64-bit integers as strings),
and turned into a staging table (:data:`analyzer.formats.common.STAGE_SCHEMA`)
with Arrow compute, in bulk, with no Python object per span.

Whatever that schema does not describe exactly (enum names, numbers where the
rule has strings, ``doubleValue``, ``kvlistValue``, base64 ids, a JSON string in
an array that needs escaping, a line longer than a parse block) raises
:class:`NotArrow`: the caller reads that chunk with DuckDB's reader
(:mod:`analyzer.ingest_sql`) instead, so every input gives the rows it gave there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from analyzer.formats.common import STAGE_SCHEMA

__all__ = ["CHUNK_BYTES", "LineTooLong", "NotArrow", "chunks", "parse", "staging"]

#: bytes of whole lines parsed at a time (bounds the staging of a large file)
CHUNK_BYTES: Final = 48 << 20
#: pyarrow's parse block (its unit of parallelism); a longer line makes the chunk NotArrow
_BLOCK_BYTES: Final = 2 << 20

#: rows per record batch of a staging table
_SCAN_ROWS: Final = 8192
_S = pa.string()
_KINDS: Final = pa.array(["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"])
_STATUSES: Final = pa.array(["UNSET", "OK", "ERROR"])
_NEEDS_ESCAPE: Final = r'[\x00-\x1f"\\]'  # a string DuckDB's to_json would escape


class NotArrow(Exception):
    """This chunk is not in the shape the fixed schema reads exactly."""


class LineTooLong(Exception):
    """A line longer than ``limit`` bytes (the DuckDB reader's limit too)."""


def _scalar_fields(boolean: pa.DataType) -> list[tuple[str, pa.DataType]]:
    return [("stringValue", _S), ("boolValue", boolean), ("intValue", _S), ("doubleValue", _S)]


def _key_values(boolean: pa.DataType) -> pa.DataType:
    values = pa.struct([("values", pa.list_(pa.struct(_scalar_fields(boolean))))])
    any_value = pa.struct(
        _scalar_fields(boolean) + [("bytesValue", _S), ("kvlistValue", _S), ("arrayValue", values)]
    )
    return pa.list_(pa.struct([("key", _S), ("value", any_value)]))


def _struct(**fields: pa.DataType) -> pa.DataType:
    return pa.struct(list(fields.items()))


def _schema() -> pa.Schema:
    kv = _key_values(pa.bool_())
    span = pa.struct(
        [
            ("traceId", _S),
            ("spanId", _S),
            ("parentSpanId", _S),
            ("name", _S),
            ("kind", pa.int64()),
            ("startTimeUnixNano", _S),
            ("endTimeUnixNano", _S),
            ("attributes", kv),
            ("events", pa.list_(_struct(timeUnixNano=_S, name=_S, attributes=kv))),
            ("links", pa.list_(_struct(traceId=_S, spanId=_S, attributes=kv))),
            ("status", pa.struct([("code", pa.int64()), ("message", _S)])),
        ]
    )
    scopes = pa.list_(pa.struct([("spans", pa.list_(span))]))
    resource_spans = pa.struct(
        [
            ("resource", pa.struct([("attributes", kv)])),
            ("scopeSpans", scopes),
            ("instrumentationLibrarySpans", scopes),
        ]
    )
    return pa.schema([("resourceSpans", pa.list_(resource_spans))])


_PARSE: Final = pj.ParseOptions(explicit_schema=_schema(), unexpected_field_behavior="ignore")


def chunks(stream: IO[bytes], limit: int, size: int | None = None) -> Iterator[bytes]:
    """Whole lines of ``stream``, about ``size`` (:data:`CHUNK_BYTES`) bytes at a
    time; raises :class:`LineTooLong` once a line passes ``limit`` bytes."""
    size = size or CHUNK_BYTES
    rest = b""
    while True:
        block = stream.read(size)
        if not block:
            break
        buf = rest + block
        cut = buf.rfind(b"\n") + 1
        if cut == 0:
            if len(buf) > limit:
                raise LineTooLong
            rest = buf
            continue
        rest = buf[cut:]
        if len(rest) > limit:
            raise LineTooLong
        yield buf[:cut]
    if rest.strip():
        yield rest


def parse(chunk: bytes) -> pa.Table:
    """The chunk's requests (one row a line); :class:`NotArrow` when the fixed
    schema does not read it."""
    try:
        return pj.read_json(
            pa.BufferReader(chunk),
            read_options=pj.ReadOptions(block_size=_BLOCK_BYTES),
            parse_options=_PARSE,
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise NotArrow(str(exc)) from None


# --- staging --------------------------------------------------------------------------
def _offsets(lists: pa.Array) -> pa.Array:
    """int32 offsets of ``lists`` with null lists as empty ones."""
    lengths = pc.fill_null(pc.list_value_length(lists), 0)
    head = pa.array([0], pa.int64())
    return pa.concat_arrays([head, pc.cumulative_sum(lengths).cast(pa.int64())]).cast(pa.int32())


def _fields(structs: pa.StructArray) -> dict[str, pa.Array]:
    """A struct array's fields (null where the struct is null)."""
    return dict(zip([f.name for f in structs.type], structs.flatten(), strict=True))


def _combined(column: pa.ChunkedArray) -> pa.Array:
    if column.num_chunks == 1:
        return column.chunk(0)
    return pa.concat_arrays(column.chunks)


def _any_true(mask: pa.Array) -> bool:
    return bool(pc.any(pc.fill_null(mask, False)).as_py())


def _hex_ids(ids: pa.Array, width: int) -> pa.Array:
    """``cg_hex_id``: lowercase hex padded to ``width``; '' as null; anything else
    (base64, too long) NotArrow."""
    ids = pc.if_else(pc.equal(ids, ""), pa.scalar(None, _S), ids)
    hex_ok = pc.match_substring_regex(ids, f"^[0-9a-fA-F]{{1,{width}}}$")
    if _any_true(pc.invert(hex_ok)):
        raise NotArrow("an id that is not hex")
    return pc.utf8_lpad(pc.utf8_lower(ids), width, "0")


def _enum(codes: pa.Array, names: pa.Array) -> pa.Array:
    """Integer enum to its name; null or out of range as the first name."""
    codes = pc.fill_null(codes, 0)
    known = pc.and_(pc.greater_equal(codes, 0), pc.less(codes, len(names)))
    return pc.take(names, pc.if_else(known, codes, 0))


def _quoted(texts: pa.Array) -> pa.Array:
    if _any_true(pc.match_substring_regex(texts, _NEEDS_ESCAPE)):
        raise NotArrow("an array element that JSON escapes")
    quoted = pc.binary_join_element_wise('"', texts, '"', "")
    return pc.if_else(pc.is_null(texts), "null", quoted)


def _scalar_text(f: dict[str, pa.Array]) -> pa.Array:
    return pc.coalesce(f["stringValue"], f["boolValue"].cast(_S), f["intValue"], f["doubleValue"])


def _array_json(arrays: pa.StructArray) -> pa.Array:
    """``arrayValue`` as the compact JSON array of its elements as text."""
    values = _fields(arrays)["values"]
    elements = _quoted(_scalar_text(_fields(values.flatten())))
    lists = pa.ListArray.from_arrays(_offsets(values), elements)
    joined = pc.binary_join_element_wise("[", pc.binary_join(lists, ","), "]", "")
    return pc.if_else(pc.is_valid(arrays), joined, pa.scalar(None, _S))


def _value_text(values: pa.StructArray) -> pa.Array:
    f = _fields(values)
    if _any_true(pc.is_valid(f["kvlistValue"])):
        raise NotArrow("a kvlistValue")
    return pc.coalesce(_scalar_text(f), _array_json(f["arrayValue"]), f["bytesValue"])


def _kv_map(lists: pa.Array) -> pa.Array:
    """``cg_kv``: key/value lists to maps of text, entries without a key or value
    dropped, null lists as empty maps (DuckDB rejects repeated keys itself)."""
    offsets = _offsets(lists)
    entries = _fields(lists.flatten())
    keys, texts = entries["key"], _value_text(entries["value"])
    keep = pc.and_(pc.is_valid(keys), pc.is_valid(texts))
    if not pc.all(keep).as_py():
        parents = pc.filter(pc.list_parent_indices(lists), keep).to_pylist()
        counts = [0] * len(lists)
        for parent in parents:
            counts[parent] += 1
        offsets = pa.array([0] + list(_running(counts)), pa.int32())
        keys, texts = pc.filter(keys, keep), pc.filter(texts, keep)
    return pa.MapArray.from_arrays(offsets, keys, texts)


def _running(counts: list[int]) -> Iterator[int]:
    total = 0
    for count in counts:
        total += count
        yield total


def _times(texts: pa.Array) -> pa.Array:
    try:
        return pc.fill_null(texts.cast(pa.int64()), 0)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        raise NotArrow("a time that is not an integer") from None


def _events(lists: pa.Array) -> pa.Array:
    f = _fields(lists.flatten())
    structs = pa.StructArray.from_arrays(
        [pc.fill_null(f["name"], ""), _times(f["timeUnixNano"]), _kv_map(f["attributes"])],
        fields=list(STAGE_SCHEMA.field("events").type.value_type),
    )
    return pa.ListArray.from_arrays(_offsets(lists), structs)


def _links(lists: pa.Array) -> pa.Array:
    f = _fields(lists.flatten())
    structs = pa.StructArray.from_arrays(
        [_hex_ids(f["traceId"], 32), _hex_ids(f["spanId"], 16), _kv_map(f["attributes"])],
        fields=list(STAGE_SCHEMA.field("links").type.value_type),
    )
    return pa.ListArray.from_arrays(_offsets(lists), structs)


def _services(resources: pa.StructArray, service_key: str) -> pa.Array:
    """Each resource's ``service_key`` attribute (resources are few: a line holds one)."""
    attributes = _kv_map(_fields(_fields(resources)["resource"])["attributes"])
    return pa.array([dict(m).get(service_key) for m in attributes.to_pylist()], _S)


def _spans(requests: pa.Table, service_key: str) -> tuple[pa.StructArray, pa.Array]:
    """The spans of every request, flattened, and each one's service."""
    resource_lists = _combined(requests.column("resourceSpans"))
    resources = resource_lists.flatten()
    f = _fields(resources)
    scopes = f["scopeSpans"]
    if _any_true(pc.and_(pc.is_null(scopes), pc.is_valid(f["instrumentationLibrarySpans"]))):
        raise NotArrow("instrumentationLibrarySpans")
    scope_lists = pa.ListArray.from_arrays(_offsets(scopes), scopes.flatten())
    service = pc.take(_services(resources, service_key), pc.list_parent_indices(scope_lists))
    span_lists = _fields(scope_lists.flatten())["spans"]
    span_lists = pa.ListArray.from_arrays(_offsets(span_lists), span_lists.flatten())
    return span_lists.flatten(), pc.take(service, pc.list_parent_indices(span_lists))


def staging(requests: pa.Table, service_key: str, source: str) -> pa.Table:
    """The staging rows (:data:`STAGE_SCHEMA`) of parsed requests."""
    spans, service = _spans(requests, service_key)
    f = _fields(spans)
    status = _fields(f["status"])
    parent = _hex_ids(f["parentSpanId"], 16)
    parent = pc.if_else(pc.equal(parent, "0" * 16), pa.scalar(None, _S), parent)
    message = status["message"]
    columns = [
        _hex_ids(f["traceId"], 32),
        _hex_ids(f["spanId"], 16),
        parent,
        pc.fill_null(f["name"], ""),
        _enum(f["kind"], _KINDS),
        service,
        _times(f["startTimeUnixNano"]),
        _times(f["endTimeUnixNano"]),
        _enum(status["code"], _STATUSES),
        pc.if_else(pc.equal(message, ""), pa.scalar(None, _S), message),
        _kv_map(f["attributes"]),
        _events(f["events"]),
        _links(f["links"]),
        pa.array([source] * len(spans), _S),
    ]
    table = pa.Table.from_arrays(columns, schema=STAGE_SCHEMA)
    # several record batches: DuckDB scans each in a thread of its own
    return pa.Table.from_batches(table.to_batches(max_chunksize=_SCAN_ROWS), STAGE_SCHEMA)
