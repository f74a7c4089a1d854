"""Input formats: detection and one reader module per format.

:func:`detect` looks at the first megabyte of a file (after gunzipping) and
names its format; :func:`reader` returns the streaming Python reader for it.
OTLP/JSON lines normally skip the Python reader: pyarrow parses them in chunks
(:mod:`analyzer.formats.otlp_arrow`) and DuckDB appends them (:mod:`analyzer.ingest_sql`).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final, TypeVar, cast

import ijson
import pyarrow as pa

from analyzer.formats.common import MAX_DEPTH, FormatError, Row, batched

__all__ = [
    "GZIP_ERRORS",
    "Detected",
    "FormatError",
    "Row",
    "detect",
    "gzip_error",
    "is_lines_name",
    "open_stream",
    "read_rows",
    "read_tables",
]

_SNIFF_BYTES = 1 << 20
#: how deep detection looks into a document (its keys sit at most this deep)
_PREFIX_LEVELS = 4
_GZIP_MAGIC = b"\x1f\x8b"

T = TypeVar("T")

#: format names, as stored in ``spans.source`` and counted in IngestResult
OTLP_JSON = "otlp-json"
OTLP_PROTO = "otlp-proto"
JAEGER = "jaeger"
ZIPKIN = "zipkin"
PHOENIX = "phoenix"
N8N = "n8n"
#: keys that mark an n8n execution object (it also has "data")
_N8N_KEYS = frozenset({"finished", "mode", "workflowData", "workflowId", "startedAt"})


@dataclass(frozen=True, slots=True)
class Detected:
    """What :func:`detect` found: the format, whether the file is gzip, and how
    to read it (``lines``: one JSON value per line; ``prefix``: the ijson path of
    the streamed array; ``delimited``: length-prefixed protobuf messages)."""

    format: str
    gzip: bool = False
    lines: bool = False
    prefix: str = ""
    delimited: bool = False
    empty: bool = False
    lone_torn: bool = False  # a JSON-lines file holding only an unterminated, broken line


#: names of files that hold JSON lines (the local store and the receiver write
#: ``.jsonl``): there a lone unterminated line that does not parse is a write
#: cut short, not a malformed document
_LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_lines_name(path: str) -> bool:
    """Whether the file's name says it holds JSON lines."""
    return path.lower().endswith(_LINES_SUFFIXES)


def open_stream(path: str, is_gzip: bool) -> IO[bytes]:
    """The file's (decompressed) bytes as a binary stream."""
    if is_gzip:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def detect(path: str) -> Detected:
    """Name the format of ``path``; raises :class:`FormatError` for anything else."""
    try:
        return _detect(path)
    except FormatError:
        raise
    except _SHAPE_ERRORS as exc:
        raise _shape_error(path, "byte 0", exc) from None


def _detect(path: str) -> Detected:
    with open(path, "rb") as raw:
        magic = raw.read(2)
    is_gzip = magic == _GZIP_MAGIC
    try:
        with open_stream(path, is_gzip) as stream:
            head = stream.read(_SNIFF_BYTES)
    except (OSError, *GZIP_ERRORS) as exc:
        raise gzip_error(path, exc, "byte 0") from None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        return Detected(OTLP_JSON, gzip=is_gzip, lines=True, empty=True)
    if _lone_torn_line(path, head, is_gzip):
        return Detected(OTLP_JSON, gzip=is_gzip, lines=True, prefix="resourceSpans.item",
                        lone_torn=True)  # fmt: skip
    # A protobuf request starts with 0x0a (field 1, length-delimited), which is
    # also a newline: JSON wins only when the text really reads as JSON.
    if text[:1] in (b"{", b"[") and (head[:1] != b"\n" or _reads_as_json(text)):
        return _detect_json(path, head, text, is_gzip)
    if head[0] == 0x0A:
        return Detected(OTLP_PROTO, gzip=is_gzip)
    if len(head) >= 5 and head[0] == 0 and head[4] == 0x0A:
        return Detected(OTLP_PROTO, gzip=is_gzip, delimited=True)
    raise FormatError(
        path,
        "byte 0",
        "expected OTLP/JSON, OTLP protobuf, Jaeger JSON or Zipkin v2 JSON (optionally gzip)",
    )


def _reads_as_json(text: bytes) -> bool:
    """Whether text after a leading newline is JSON rather than a protobuf request whose
    first bytes happen to look like it (``\n[\n1\n...``: the 0x5b length of a ResourceSpans,
    then its Resource): every trace file's JSON names keys, or it parses whole."""
    if any(event == "map_key" for _, event, _ in _events(text[:4096])):
        return True
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _lone_torn_line(path: str, head: bytes, is_gzip: bool) -> bool:
    """A JSON-lines file whose first write was cut short: no newline anywhere, a
    start that looks like JSON, and text that does not parse (whole file sniffed)."""
    if is_gzip or not is_lines_name(path) or b"\n" in head or len(head) >= _SNIFF_BYTES:
        return False
    if not head.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{"):
        return False
    try:
        json.loads(head)
    except (ValueError, RecursionError):
        return True
    return False


def _events(text: bytes) -> list[tuple[str, str, object]]:
    """ijson's ``(prefix, event, value)`` events of the sniffed head, with the
    prefix built here from ``basic_parse`` and only a few levels deep: a
    document nested thousands deep would make the parser's own prefixes cost the
    square of the depth (detection reads the top levels only)."""
    out: list[tuple[str, str, object]] = []
    path: list[str | None] = []
    try:
        for event, value in ijson.basic_parse(text, multiple_values=True):
            if event in ("end_map", "end_array"):
                path.pop()
            prefix = _prefix(path[:-1] if event == "map_key" else path)
            out.append((prefix, event, value))
            if event == "map_key":
                path[-1] = str(value)
            elif event in ("start_map", "start_array"):
                path.append(None if event == "start_map" else "item")
            if len(out) > 20_000 or len(path) > MAX_DEPTH:
                break
    except (ijson.JSONError, UnicodeDecodeError):
        pass  # the sniffed head is usually cut mid-value (the reader names what is wrong)
    return out


def _prefix(path: list[str | None]) -> str:
    return ".".join(p or "" for p in path[:_PREFIX_LEVELS]) + (
        "." if len(path) > _PREFIX_LEVELS else ""
    )


def _opens(events: list[tuple[str, str, object]], prefix: str) -> str | None:
    """The event that starts the value at ``prefix`` (``start_array``, ``null``, ...),
    or None when the sniffed head does not reach it."""
    return next((e for p, e, _ in events if p == prefix and e not in _NOT_A_START), None)


_NOT_A_START: Final = frozenset(("map_key", "end_map", "end_array"))


def _keys(events: list[tuple[str, str, object]], prefix: str) -> set[str]:
    return {str(v) for p, e, v in events if p == prefix and e == "map_key"}


#: DuckDB's default maximum_object_size (see analyzer.ingest_sql.MAX_LINE_BYTES)
_DUCKDB_OBJECT_BYTES = 16 * 1024 * 1024


def _size(path: str, is_gzip: bool, head: int) -> int:
    """The file's size, or for gzip a lower bound good enough to compare with
    the object limit (the head read, or the compressed size if larger)."""
    size = os.path.getsize(path)
    return max(size, head) if is_gzip else size


def _detect_json(path: str, head: bytes, text: bytes, is_gzip: bool) -> Detected:
    events = _events(text)
    top = _keys(events, "")
    newline = text.find(b"\n")
    one_per_line = False
    if newline < 0:
        # one long line: DuckDB takes it whole up to its object size limit; past
        # that the streaming document reader does (it also reads JSON lines)
        one_per_line = _size(path, is_gzip, len(head)) <= _DUCKDB_OBJECT_BYTES
    else:
        try:
            json.loads(text[:newline])
            one_per_line = True
        except (ValueError, RecursionError):  # nested past Python's limit: no line of ours
            one_per_line = False
    if text[:1] == b"{":
        for key in ("resourceSpans", "resource_spans", "batches"):
            if key in top:
                return Detected(OTLP_JSON, gzip=is_gzip, lines=one_per_line, prefix=f"{key}.item")
        if "resourceLogs" in top:
            # log records (GenAI messages: analyzer.formats.otlp_logs); in JSON lines,
            # spans may follow on later lines, so the spans' reader reads them too
            prefix = "resourceSpans.item" if one_per_line else "resourceLogs.item"
            return Detected(OTLP_JSON, gzip=is_gzip, lines=one_per_line, prefix=prefix)
        if "trace" in top:
            inner = _keys(events, "trace")
            key = "batches" if "batches" in inner else "resourceSpans"
            return Detected(OTLP_JSON, gzip=is_gzip, prefix=f"trace.{key}.item")
        if "data" in top and top & _N8N_KEYS:
            return Detected(N8N, gzip=is_gzip, prefix="")  # one n8n execution
        if "data" in top:
            if _opens(events, "data") not in ("start_array", None):
                raise FormatError(
                    path, "byte 0", "expected data to be an array (of traces, spans or executions)"
                )
            item = _keys(events, "data.item")
            if "nextCursor" in top or item & _N8N_KEYS:
                return Detected(N8N, gzip=is_gzip, prefix="data.item")  # a page of them
            if item & {"context", "span_kind", "parent_id"}:
                return Detected(PHOENIX, gzip=is_gzip, prefix="data.item")
            return Detected(JAEGER, gzip=is_gzip, prefix="data.item")
        if top & {"traceID", "spans", "processes"}:
            return Detected(JAEGER, gzip=is_gzip, prefix="")
        raise FormatError(
            path,
            "byte 0",
            "expected an OTLP/JSON request (resourceSpans or resourceLogs), "
            "a Jaeger trace (traceID, spans), "
            f"a Jaeger API response (data) or an n8n execution; found keys {sorted(top)[:6]}",
        )
    item = _keys(events, "item")
    nested = _keys(events, "item.item")
    for key in ("resourceSpans", "batches"):
        if key in item:  # an array of requests
            return Detected(OTLP_JSON, gzip=is_gzip, prefix=f"item.{key}.item")
    if "data" in item and item & _N8N_KEYS:
        return Detected(N8N, gzip=is_gzip, prefix="item")  # an array of n8n executions
    # a Jaeger trace (a stray traceID or processes key in a Zipkin span is no trace)
    if item & {"traceID", "processes"} and ("spans" in item or "traceId" not in item):
        return Detected(JAEGER, gzip=is_gzip, prefix="item")
    if "traceId" in nested:
        return Detected(ZIPKIN, gzip=is_gzip, prefix="item.item")
    if "traceId" in item or not item:
        return Detected(ZIPKIN, gzip=is_gzip, prefix="item")
    raise FormatError(
        path,
        "byte 0",
        f"expected a Zipkin v2 span array (traceId, id); found keys {sorted(item)[:6]}",
    )


#: what a reader or the staging table may raise on a record of a shape its own checks
#: did not foresee: the file is then malformed, never the ingest broken
_SHAPE_ERRORS: Final = (
    TypeError, AttributeError, KeyError, IndexError, ValueError, OverflowError,
    RecursionError, UnicodeError, pa.ArrowException, ijson.JSONError,
)  # fmt: skip


def read_tables(
    path: str, detected: Detected, stream: IO[bytes], warn: Callable[[str], None]
) -> Iterator[pa.Table]:
    """Arrow batches of the staging rows of one file (:func:`read_rows`); a row the
    staging table cannot hold (a time past 64 bits, a string escaping half a surrogate
    pair) is a :class:`FormatError` too."""
    return _guarded(
        path,
        lambda: batched(read_rows(path, detected, stream, warn), detected.format),
        lambda table: table.num_rows,
    )


def read_rows(
    path: str, detected: Detected, stream: IO[bytes], warn: Callable[[str], None]
) -> Iterator[Row]:
    """Staging rows of one file with the streaming Python reader of its format. A
    record of a shape no check of the reader foresaw is a :class:`FormatError` naming
    the file and the record, like every other malformed input."""
    return _guarded(path, lambda: _rows(path, detected, stream, warn), lambda _row: 1)


def _guarded(path: str, items: Callable[[], Iterator[T]], spans: Callable[[T], int]) -> Iterator[T]:
    """What ``items()`` yields (``spans`` of each: how many spans it holds), with what a
    damaged gzip stream or a record of a shape no check foresaw raises, from the first
    read on, a :class:`FormatError`."""
    done = 0
    try:
        for item in items():
            done += spans(item)
            yield item
    except FormatError:
        raise
    except GZIP_ERRORS as exc:
        raise gzip_error(path, exc) from None
    except _SHAPE_ERRORS as exc:
        raise _shape_error(path, f"after {done} span(s) read", exc) from None


#: what reading a damaged gzip stream raises past its first bytes
GZIP_ERRORS: Final = (zlib.error, EOFError, gzip.BadGzipFile)


def gzip_error(path: str, exc: BaseException, where: str = "") -> FormatError:
    """The one-line error of a gzip stream that cannot be read (one of :data:`GZIP_ERRORS`)."""
    return FormatError(path, where, f"expected a readable gzip stream ({exc})")


def _shape_error(path: str, where: str, exc: BaseException) -> FormatError:
    """The one-line error of a record no reader check foresaw, with what Python said."""
    if isinstance(exc, UnicodeError):
        return FormatError(
            path, where, "expected Unicode text (a string escapes half a surrogate pair?)"
        )
    first = (str(exc).strip().splitlines() or [""])[0][:120]
    return FormatError(
        path, where, f"a record of an unexpected shape ({type(exc).__name__}: {first})"
    )


def _rows(
    path: str, detected: Detected, stream: IO[bytes], warn: Callable[[str], None]
) -> Iterator[Row]:
    if detected.empty:
        return iter(())
    if detected.format == OTLP_JSON:
        from analyzer.formats import otlp_json

        if detected.lines:

            def torn(line_no: int) -> None:
                warn(f"{path}: line {line_no}: skipped a torn last line (incomplete write)")

            return otlp_json.read_lines(path, stream, on_torn=torn, lone_torn=is_lines_name(path))
        return otlp_json.read_document(path, stream, detected.prefix)
    if detected.format == OTLP_PROTO:
        from analyzer.formats import otlp_proto

        return otlp_proto.read(path, stream, delimited=detected.delimited)
    if detected.format == JAEGER:
        from analyzer.formats import jaeger

        return jaeger.read(path, detected.prefix, lambda: open_stream(path, detected.gzip))
    if detected.format == ZIPKIN:
        from analyzer.formats import zipkin

        return zipkin.read(path, detected.prefix, lambda: open_stream(path, detected.gzip))
    if detected.format == PHOENIX:
        from analyzer.formats import phoenix

        return phoenix.read(path, stream)
    if detected.format == N8N:
        from analyzer.formats import n8n

        return n8n.read(path, stream, detected.prefix)
    raise FormatError(path, "", f"no reader for format {detected.format!r}")


def is_trace_file(path: Path) -> bool:
    """Whether a file found while walking a directory looks like a trace file."""
    name = path.name.lower()
    if name.startswith("."):
        return False
    return name.endswith((".json", ".jsonl", ".ndjson", ".gz", ".pb", ".binpb", ".otlp", ".proto"))
