"""OTLP/JSON: ``ExportTraceServiceRequest`` / ``TracesData`` documents and JSON lines.

Accepts both JSON spellings found in the wild: the OTLP/JSON rule (hex ids,
integer enums) and the protobuf JSON mapping (base64 ids, enum names such as
``SPAN_KIND_SERVER``), plus the older ``instrumentationLibrarySpans`` and
Tempo's ``batches`` / ``{"trace": {...}}`` wrappers.

The bulk path for JSON lines is pyarrow and DuckDB (:mod:`analyzer.formats.otlp_arrow`);
this module is the streaming Python reader used for single documents, for
files DuckDB cannot take (a torn last line, an object over its size limit) and
to find the exact line of a malformed input.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import IO, Any

import ijson

from analyzer.formats.common import (
    TEXT_NESTING,
    FormatError,
    Row,
    as_object,
    as_objects,
    attr_text,
    kind_name,
    parse,
    span_id,
    status_name,
    trace_id,
    unix_nanos,
)
from tracer import semconv

__all__ = [
    "SOURCE",
    "any_value_text",
    "json_syntax_error",
    "within",
    "read_document",
    "read_lines",
    "resource_spans_rows",
]

SOURCE = "otlp-json"


def within(fail: Callable[[str], FormatError], where: str) -> Callable[[str], FormatError]:
    """``fail`` for a position nested inside the current one."""

    def nested(expected: str) -> FormatError:
        return fail(f"{where}: {expected}")

    return nested


def _fail_at(path: str, where: str) -> Callable[[str], FormatError]:
    def fail(expected: str) -> FormatError:
        return FormatError(path, where, expected)

    return fail


def any_value_text(value: Any, _depth: int = 0) -> str | None:
    """An OTLP ``AnyValue`` object as text (see :func:`common.attr_text`; an array
    nested :data:`~analyzer.formats.common.TEXT_NESTING` deep is compact JSON)."""
    if not isinstance(value, dict):
        return None if value is None else attr_text(value, _depth)
    for key in ("stringValue", "boolValue", "intValue", "doubleValue"):
        if key in value and value[key] is not None:
            inner = value[key]
            try:
                if key == "intValue":
                    return str(int(inner))
                if key == "doubleValue" and not isinstance(inner, str):
                    return attr_text(float(inner))
            except (TypeError, ValueError, OverflowError):
                return str(inner)  # a value of another type: kept as its text
            if key == "boolValue":
                return attr_text(inner if isinstance(inner, bool) else str(inner).lower() == "true")
            return str(inner)
    if "arrayValue" in value:
        array = value["arrayValue"]
        items = array.get("values") if isinstance(array, dict) else None
        if not isinstance(items, list):
            items = []
        if _depth >= TEXT_NESTING:
            return json.dumps(items, separators=(",", ":"), default=str)
        return json.dumps([any_value_text(v, _depth + 1) for v in items], separators=(",", ":"))
    if "kvlistValue" in value:
        return json.dumps(value["kvlistValue"], separators=(",", ":"))
    if "bytesValue" in value:
        return str(value["bytesValue"])
    return None


def _attributes(items: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(items, list):
        return out
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            text = any_value_text(item.get("value"))
            if text is not None:
                out[item["key"]] = text
    return out


def resource_spans_rows(rs: Any, fail: Callable[[str], FormatError]) -> Iterator[Row]:
    """Rows from one ``ResourceSpans`` object. ``fail(expected)`` builds the error
    for the current position; any shape error raises it."""
    if not isinstance(rs, dict):
        raise fail("expected a ResourceSpans object")
    resource = _attributes(as_object(rs.get("resource"), "resource", fail).get("attributes"))
    service = resource.get(semconv.SERVICE_NAME)
    scopes = rs.get("scopeSpans", rs.get("scope_spans", rs.get("instrumentationLibrarySpans")))
    if scopes is None:
        return
    if not isinstance(scopes, list):
        raise fail("expected scopeSpans to be an array")
    for scope in scopes:
        spans = scope.get("spans") if isinstance(scope, dict) else None
        if spans is None:
            continue
        if not isinstance(spans, list):
            raise fail("expected scopeSpans[].spans to be an array")
        for index, span in enumerate(spans):
            yield _span_row(span, service, within(fail, f"span {index}"))


def _span_row(span: Any, service: str | None, fail: Callable[[str], FormatError]) -> Row:
    if not isinstance(span, dict):
        raise fail("expected a span object")
    tid = trace_id(span.get("traceId", span.get("trace_id")))
    if tid is None:
        raise fail(f"expected traceId as 32 hex chars or base64, got {span.get('traceId')!r:.50}")
    sid = span_id(span.get("spanId", span.get("span_id")))
    if sid is None:
        raise fail(f"expected spanId as 16 hex chars or base64, got {span.get('spanId')!r:.50}")
    parent_raw = span.get("parentSpanId", span.get("parent_span_id"))
    parent = span_id(parent_raw) if parent_raw else None
    if parent_raw and parent is None and str(parent_raw).strip("0") != "":
        raise fail(f"expected parentSpanId as 16 hex chars or base64, got {parent_raw!r:.50}")
    status = span.get("status") or {}
    events = []
    for event in as_objects(span.get("events"), "events", fail):
        events.append(
            {
                "name": str(event.get("name") or ""),
                "time_ns": unix_nanos(event.get("timeUnixNano"), "event timeUnixNano", fail),
                "attributes": _attributes(event.get("attributes")),
            }
        )
    links = []
    for link in as_objects(span.get("links"), "links", fail):
        links.append(
            {
                "trace_id": trace_id(link.get("traceId")),
                "span_id": span_id(link.get("spanId")),
                "attributes": _attributes(link.get("attributes")),
            }
        )
    return Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=parent,
        name=str(span.get("name") or ""),
        kind=kind_name(span.get("kind")),
        service=service,
        start_ns=unix_nanos(span.get("startTimeUnixNano"), "startTimeUnixNano", fail),
        end_ns=unix_nanos(span.get("endTimeUnixNano"), "endTimeUnixNano", fail),
        status=status_name(status.get("code") if isinstance(status, dict) else None),
        status_message=(status.get("message") or None) if isinstance(status, dict) else None,
        attributes=_attributes(span.get("attributes")),
        events=events,
        links=links,
    )


def request_rows(doc: Any, fail: Callable[[str], FormatError]) -> Iterator[Row]:
    """Rows from one parsed request/TracesData object (any accepted wrapper)."""
    if not isinstance(doc, dict):
        raise fail("expected a JSON object with resourceSpans")
    if isinstance(doc.get("trace"), dict):
        doc = doc["trace"]
    found = None
    for key in ("resourceSpans", "resource_spans", "batches"):
        if key in doc:
            found = doc[key]
            break
    if found is None:
        if doc and "resourceLogs" not in doc:  # log records: analyzer.formats.otlp_logs
            raise fail("expected a JSON object with resourceSpans")
        return
    if not isinstance(found, list):
        raise fail("expected resourceSpans to be an array")
    for index, rs in enumerate(found):
        yield from resource_spans_rows(rs, within(fail, f"resourceSpans[{index}]"))


#: a JSON line longer than this is streamed span by span rather than parsed
#: whole, so memory stays near the size of one batch of rows, not a multiple of
#: the line (a parsed JSON tree takes several times its text)
LONG_LINE_BYTES = 4 * 1024 * 1024
#: bytes handed to the parser at once within a long line: the C parser copies a
#: value cut at a read boundary again on every read until it ends, so one huge
#: value costs (its size)^2 / this; 16 MB keeps a 200 MB value to seconds
_LONG_LINE_READ = 16 * 1024 * 1024


def read_lines(
    path: str,
    stream: IO[bytes],
    on_torn: Callable[[int], None] | None = None,
    *,
    lone_torn: bool = False,
) -> Iterator[Row]:
    """Rows from JSON lines, one request per line. A last line that does not end
    in a newline and does not parse is a torn write when it follows a line, or
    when it is the only line and ``lone_torn`` says the file is JSON lines by
    name (a writer killed during its first write): ``on_torn(line_no)`` is
    called and the line skipped. Any other bad line raises :class:`FormatError`.
    Lines over :data:`LONG_LINE_BYTES` are streamed (see :func:`_long_line_rows`)."""
    line_no = 0
    pending: bytes | None = None
    while True:
        start = stream.tell()
        raw = stream.readline(LONG_LINE_BYTES)
        if not raw:
            break
        if pending is not None:
            yield from _line_rows(path, pending, line_no)
            pending = None
        line_no += 1
        if len(raw) == LONG_LINE_BYTES and not raw.endswith(b"\n"):
            torn = on_torn if (line_no > 1 or lone_torn) else None
            yield from _long_line_rows(path, stream, start, line_no, torn)
            continue
        pending = raw
    if pending is None:
        return
    if not pending.endswith(b"\n"):
        try:
            json.loads(pending)
        except ValueError:
            if on_torn is not None and (line_no > 1 or lone_torn):
                on_torn(line_no)
                return
    yield from _line_rows(path, pending, line_no)


def _line_rows(path: str, raw: bytes, line_no: int) -> Iterator[Row]:
    if not raw.strip():
        return
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise FormatError(
            path, f"line {line_no}", f"expected one JSON object per line ({exc})"
        ) from None
    yield from request_rows(doc, _fail_at(path, f"line {line_no}"))


class _OneLine:
    """A file-like view of one line of ``stream`` from its current position: reads
    stop after the newline; ``ended`` says whether the line had one."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.ended = False
        self.offset = 0

    def read(self, size: int = -1) -> bytes:
        if self.ended or size == 0:  # ijson reads 0 bytes to learn the type
            return b""
        data = self._stream.readline(size if size > 0 else 1 << 20)
        self.ended = data.endswith(b"\n")
        self.offset += len(data)
        return data


def _top_key(stream: IO[bytes], start: int) -> str:
    """The ijson prefix of the ResourceSpans array of the line at ``start``."""
    stream.seek(start)
    head = stream.read(64 * 1024)
    keys: list[str] = []
    try:
        for where, event, value in ijson.parse(head):
            if event == "map_key" and where in ("", "trace"):
                keys.append(f"{where}.{value}" if where else str(value))
    except ijson.JSONError:
        pass  # the head is cut mid-value
    for key in keys:
        if key.rsplit(".", 1)[-1] in ("resourceSpans", "resource_spans", "batches"):
            return f"{key}.item"
    return "resourceSpans.item"


def _long_line_rows(
    path: str,
    stream: IO[bytes],
    start: int,
    line_no: int,
    on_torn: Callable[[int], None] | None,
) -> Iterator[Row]:
    """Rows of one long line, streamed: a first pass only checks the syntax (so a
    torn last line is skipped before any of its spans is yielded), a second
    builds one span at a time."""
    prefix = _top_key(stream, start)
    stream.seek(start)
    line = _OneLine(stream)
    try:
        for _ in ijson.basic_parse(line, buf_size=_LONG_LINE_READ):
            pass
    except ijson.JSONError as exc:
        if not line.ended and on_torn is not None and not stream.read(1):
            on_torn(line_no)
            return
        reason = str(exc).splitlines()[0] if str(exc) else "incomplete JSON"
        where = f"line {line_no} (near byte {line.offset} of it)"
        raise FormatError(path, where, f"expected valid JSON ({reason})") from None
    stream.seek(start)
    yield from _stream_spans(path, _OneLine(stream), prefix, f"line {line_no}")


def read_document(path: str, stream: IO[bytes], prefix: str) -> Iterator[Row]:
    """Rows from one (possibly huge) JSON document, streamed span by span from
    the ResourceSpans array at ijson ``prefix`` (e.g. ``resourceSpans.item``).

    Only the span being read and its resource's service name are in memory. (A
    resource written after its spans, which no known writer does, leaves those
    spans without a service.)"""
    counter = _CountingReader(stream)
    try:
        yield from _stream_spans(path, counter, prefix, "")
    except ijson.JSONError as exc:
        raise json_syntax_error(path, stream, counter.offset, exc) from None


def _stream_spans(path: str, stream: Any, prefix: str, where_prefix: str) -> Iterator[Row]:
    """The span objects under ``prefix`` of the JSON in ``stream`` (which counts
    its ``offset``), one at a time, with the depth limit of :func:`common.parse`; ijson
    errors propagate."""
    resource_prefix = f"{prefix}.resource"
    span_prefixes = {
        f"{prefix}.{key}.item.spans.item"
        for key in ("scopeSpans", "scope_spans", "instrumentationLibrarySpans")
    }
    service: str | None = None
    rs_index = -1
    span_index = 0
    builder: ijson.ObjectBuilder | None = None
    building = ""
    lead = f"{where_prefix}: " if where_prefix else ""
    events = parse(path, stream, multiple_values=True)
    for where, event, value in events:
        if builder is not None:
            builder.event(event, value)
            if where == building and event == "end_map":
                obj, builder = builder.value, None
                if building == resource_prefix:
                    service = _attributes(obj.get("attributes")).get(semconv.SERVICE_NAME)
                else:
                    fail = _fail_at(
                        path,
                        f"{lead}resourceSpans[{rs_index}] span {span_index} "
                        f"(near byte {stream.offset})",
                    )
                    yield _span_row(obj, service, fail)
                    span_index += 1
            continue
        if event == "start_map":
            if where == prefix:
                rs_index += 1
                service, span_index = None, 0
            elif where == resource_prefix or where in span_prefixes:
                builder, building = ijson.ObjectBuilder(), where
                builder.event(event, value)


#: documents up to this size are re-read whole to name the exact line of a syntax error
_EXACT_LOCATE_BYTES = 256 * 1024 * 1024


def json_syntax_error(path: str, stream: IO[bytes], offset: int, exc: Exception) -> FormatError:
    """The FormatError for a JSON syntax error found while streaming: the exact
    line and column when the file is small enough to re-read, else the offset."""
    reason = str(exc).splitlines()[0] if str(exc) else "incomplete JSON"
    try:
        stream.seek(0)
        data = stream.read(_EXACT_LOCATE_BYTES + 1)
    except (OSError, ValueError):
        data = b""
    if data and len(data) <= _EXACT_LOCATE_BYTES:
        try:
            json.loads(data)
        except json.JSONDecodeError as err:
            if err.msg == "Extra data":  # several values, one per line: a JSON-lines file
                return FormatError(path, f"line {err.lineno}", "expected one JSON object per line")
            return FormatError(
                path, f"line {err.lineno} column {err.colno}", f"expected valid JSON ({err.msg})"
            )
        except UnicodeDecodeError as err:
            return FormatError(path, f"byte {err.start}", "expected UTF-8 text")
    return FormatError(path, f"near byte {offset}", f"expected valid JSON ({reason})")


class _CountingReader:
    """File wrapper that knows how many bytes the parser has consumed."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.offset = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.offset += len(data)
        return data
