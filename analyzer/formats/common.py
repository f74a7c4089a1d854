"""What every format reader shares: the staging row, id rules, errors, batching.

Each reader turns its input into *staging rows*: the raw columns of the
``spans`` table (ids already lowercase hex, kinds and status codes already
named, attribute values already text). :mod:`analyzer.mapping` then derives the
normalized columns from these rows in SQL, the same way for every format.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Final

import ijson
import pyarrow as pa

__all__ = [
    "BATCH_ROWS",
    "MAX_DEPTH",
    "STAGE_SCHEMA",
    "TEXT_NESTING",
    "Fail",
    "FormatError",
    "Row",
    "RowBatcher",
    "as_object",
    "as_objects",
    "attr_text",
    "fits_int64",
    "items",
    "kind_name",
    "parse",
    "span_id",
    "status_name",
    "trace_id",
    "unix_nanos",
    "values",
]

#: rows per Arrow batch handed to DuckDB: large enough to amortise the insert,
#: small enough that a reader's memory stays flat whatever the file size.
BATCH_ROWS = 20_000

_STR_MAP = pa.map_(pa.string(), pa.string())

#: The staging relation every reader produces (and the DuckDB OTLP path mirrors).
STAGE_SCHEMA = pa.schema(
    [
        ("trace_id", pa.string()),
        ("span_id", pa.string()),
        ("parent_span_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("service", pa.string()),
        ("start_ns", pa.int64()),
        ("end_ns", pa.int64()),
        ("status", pa.string()),
        ("status_message", pa.string()),
        ("attributes", _STR_MAP),
        (
            "events",
            pa.list_(
                pa.struct(
                    [("name", pa.string()), ("time_ns", pa.int64()), ("attributes", _STR_MAP)]
                )
            ),
        ),
        (
            "links",
            pa.list_(
                pa.struct(
                    [("trace_id", pa.string()), ("span_id", pa.string()), ("attributes", _STR_MAP)]
                )
            ),
        ),
        ("source", pa.string()),
    ]
)

#: deepest nesting a JSON document may have (a Jaeger trace or an n8n execution
#: needs a few dozen levels; ijson's memory grows with the square of the depth)
MAX_DEPTH: Final = 512
#: the parser works a buffer at a time, so it may run this far past MAX_DEPTH before
#: the check sees its events (the prefixes it builds for them grow with the square of
#: the depth: 16 KB of '[' took 850 MB)
_DEPTH_BUF: Final = 4 * 1024
_OPENS: Final = frozenset(("start_map", "start_array"))
_CLOSES: Final = frozenset(("end_map", "end_array"))

_KINDS = ("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER")
_STATUSES = ("UNSET", "OK", "ERROR")
_HEX = frozenset("0123456789abcdefABCDEF")


class FormatError(ValueError):
    """A malformed input. ``str()`` is the one line shown to the user: the file,
    where in it (line or byte offset), and what was expected there."""

    def __init__(self, path: str, where: str, expected: str) -> None:
        self.path = path
        self.where = where
        self.expected = expected
        super().__init__(f"{path}: {where}: {expected}" if where else f"{path}: {expected}")


Fail = Callable[[str], "FormatError"]
"""Builds the error of a position in a file from what was expected there."""


def as_object(value: Any, what: str, fail: Fail) -> dict[str, Any]:
    """``value`` when it is an object (none: an empty one); else the error."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(f"expected {what} to be an object, got {type(value).__name__}")
    return value


def values(value: Any, what: str, fail: Fail) -> list[Any]:
    """``value`` when it is an array (none: an empty one); else the error."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(f"expected {what} to be an array, got {type(value).__name__}")
    return value


def as_objects(value: Any, what: str, fail: Fail) -> list[dict[str, Any]]:
    """``value`` when it is an array of objects (none: an empty one); else the error."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(f"expected {what} to be an array of objects, got {type(value).__name__}")
    return value


def unix_nanos(value: Any, what: str, fail: Fail, *, unit: str = "nanoseconds") -> int:
    """A time as unix nanoseconds from an integer (or its text) in ``unit``
    (``nanoseconds`` or ``microseconds``); none is 0. Past 64 bits, or no integer: the
    error."""
    if value is None or value == "":
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        raise fail(f"expected {what} as an integer (unix {unit}), got {value!r:.40}") from None
    nanos = number * 1000 if unit == "microseconds" else number
    if not fits_int64(nanos):
        raise fail(f"expected {what} as unix {unit} (64 bits), got {value!r:.40}")
    return nanos


def fits_int64(number: int) -> bool:
    """Whether ``number`` fits the staging table's 64-bit integers (its times)."""
    return -(2**63) <= number < 2**63


@dataclass(slots=True)
class Row:
    """One staging row (see :data:`STAGE_SCHEMA`)."""

    trace_id: str
    span_id: str
    parent_span_id: str | None
    name: str
    kind: str
    service: str | None
    start_ns: int
    end_ns: int
    status: str
    status_message: str | None
    attributes: dict[str, str] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)


def _hex_id(value: Any, width: int) -> str | None:
    """Lowercase hex of ``width`` chars from hex (any case, short ones padded with
    leading zeros) or base64 (the protobuf JSON mapping); None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    if len(value) <= width and all(c in _HEX for c in value):
        return value.lower().rjust(width, "0")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    if not raw or len(raw) * 2 > width:
        return None
    return raw.hex().rjust(width, "0")


def trace_id(value: Any) -> str | None:
    """A trace id as 32 lowercase hex chars (64-bit ids padded), or None."""
    return _hex_id(value, 32)


def span_id(value: Any) -> str | None:
    """A span id as 16 lowercase hex chars, or None (also for the all-zero id)."""
    out = _hex_id(value, 16)
    return None if out == "0" * 16 else out


def kind_name(value: Any) -> str:
    """OTLP span kind (int, ``"2"`` or ``"SPAN_KIND_SERVER"``) as ``SERVER``."""
    if value is None or value == "":
        return "UNSPECIFIED"
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        index = int(value)
        return _KINDS[index] if 0 <= index < len(_KINDS) else "UNSPECIFIED"
    text = str(value).upper().removeprefix("SPAN_KIND_")
    return text if text in _KINDS else "UNSPECIFIED"


def status_name(value: Any) -> str:
    """OTLP status code (int, ``"2"`` or ``"STATUS_CODE_ERROR"``) as ``ERROR``."""
    if value is None or value == "":
        return "UNSET"
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        index = int(value)
        return _STATUSES[index] if 0 <= index < len(_STATUSES) else "UNSET"
    text = str(value).upper().removeprefix("STATUS_CODE_")
    return text if text in _STATUSES else "UNSET"


#: arrays nested deeper than this are written as plain compact JSON: each level of
#: elements-as-text escapes the one inside it again, which doubles its size
TEXT_NESTING: Final = 4


def attr_text(value: Any, _depth: int = 0) -> str:
    """An attribute value as text, the same way for every format: strings as is,
    booleans ``true``/``false``, numbers in decimal, arrays as a compact JSON
    array of their elements as text (below :data:`TEXT_NESTING` levels; deeper, as
    compact JSON), anything else as compact JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        if _depth >= TEXT_NESTING:
            return json.dumps(value, separators=(",", ":"), default=str)
        return json.dumps([attr_text(v, _depth + 1) for v in value], separators=(",", ":"))
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return json.dumps(value, separators=(",", ":"), default=str)


class RowBatcher:
    """Collects rows into Arrow tables of at most :data:`BATCH_ROWS` rows."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._rows: list[Row] = []

    def add(self, row: Row) -> pa.Table | None:
        """Add one row; returns a full batch when one is ready."""
        self._rows.append(row)
        if len(self._rows) >= BATCH_ROWS:
            return self.flush()
        return None

    def flush(self) -> pa.Table | None:
        """The rows collected so far as one table (None when there are none)."""
        if not self._rows:
            return None
        rows, self._rows = self._rows, []
        return rows_to_table(rows, self.source)


def rows_to_table(rows: Iterable[Row], source: str) -> pa.Table:
    """Staging rows as an Arrow table of :data:`STAGE_SCHEMA`."""
    cols: dict[str, list[Any]] = {name: [] for name in STAGE_SCHEMA.names}
    for r in rows:
        cols["trace_id"].append(r.trace_id)
        cols["span_id"].append(r.span_id)
        cols["parent_span_id"].append(r.parent_span_id)
        cols["name"].append(r.name)
        cols["kind"].append(r.kind)
        cols["service"].append(r.service)
        cols["start_ns"].append(r.start_ns)
        cols["end_ns"].append(r.end_ns)
        cols["status"].append(r.status)
        cols["status_message"].append(r.status_message)
        cols["attributes"].append(list(r.attributes.items()))
        cols["events"].append(
            [
                {
                    "name": e["name"],
                    "time_ns": e["time_ns"],
                    "attributes": list(e["attributes"].items()),
                }
                for e in r.events
            ]
        )
        cols["links"].append(
            [
                {
                    "trace_id": k["trace_id"],
                    "span_id": k["span_id"],
                    "attributes": list(k["attributes"].items()),
                }
                for k in r.links
            ]
        )
        cols["source"].append(source)
    return pa.table(cols, schema=STAGE_SCHEMA)


def batched(rows: Iterable[Row], source: str) -> Iterator[pa.Table]:
    """Arrow tables of at most :data:`BATCH_ROWS` rows from a row iterator."""
    batcher = RowBatcher(source)
    for row in rows:
        table = batcher.add(row)
        if table is not None:
            yield table
    last = batcher.flush()
    if last is not None:
        yield last


def parse(
    path: str, stream: IO[bytes], *, multiple_values: bool = False
) -> Iterator[tuple[str, str, Any]]:
    """``ijson.parse(stream)`` (floats as floats) that stops with a :class:`FormatError`
    naming ``path`` once the document nests deeper than :data:`MAX_DEPTH` (the
    depth is counted on the parser's events, read at most :data:`_DEPTH_BUF` bytes at a
    time, before any deeper prefix is built)."""
    depth = 0
    events = ijson.parse(
        stream, buf_size=_DEPTH_BUF, use_float=True, multiple_values=multiple_values
    )
    for event in events:
        kind = event[1]
        if kind in _OPENS:
            depth += 1
            if depth > MAX_DEPTH:
                seekable = getattr(stream, "seekable", None)
                where = f"byte {stream.tell()}" if seekable is not None and seekable() else ""
                raise FormatError(path, where, f"JSON nested at most {MAX_DEPTH} deep")
        elif kind in _CLOSES:
            depth -= 1
        yield event


def items(path: str, stream: IO[bytes], prefix: str) -> Iterator[Any]:
    """``ijson.items(stream, prefix)`` with the depth limit of :func:`parse`."""
    return ijson.items(parse(path, stream), prefix)
