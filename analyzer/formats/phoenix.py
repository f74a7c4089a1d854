"""Phoenix REST spans: ``GET /v1/projects/{project}/spans`` responses.

``{"data": [{"name", "context": {"trace_id", "span_id"}, "span_kind",
"parent_id", "start_time", "end_time", "status_code", "status_message",
"attributes": {...}, "events": [...]}], "next_cursor": ...}``

Phoenix lifts ``openinference.span.kind`` out of the attributes into
``span_kind``; it is put back (unless ``UNKNOWN``). Nested attribute objects
are flattened to dotted keys. Phoenix keeps no OpenTelemetry span kind and no
resource, so kind is ``UNSPECIFIED`` and the service is the project name when
the file says it (``coordgap pull phoenix`` records it as ``project``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any, Final

import ijson

from analyzer.formats.common import (
    FormatError,
    Row,
    as_object,
    as_objects,
    attr_text,
    fits_int64,
    items,
    parse,
    span_id,
    status_name,
    trace_id,
)
from analyzer.formats.otlp_json import json_syntax_error
from analyzer.mapping import OPENINFERENCE_SPAN_KIND

__all__ = ["PROJECT_KEY", "SOURCE", "read", "span_row"]

SOURCE: Final = "phoenix"
#: top-level key coordgap adds to saved responses: the project they came from
PROJECT_KEY: Final = "project"


def _nanos(value: Any) -> int:
    """Unix nanoseconds of an ISO 8601 time (or of a number); ValueError past 64 bits."""
    if value is None or value == "":
        return 0
    if isinstance(value, int | float):
        nanos = int(value)
    else:
        stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        nanos = int(stamp.timestamp()) * 1_000_000_000 + stamp.microsecond * 1000
    if not fits_int64(nanos):
        raise ValueError("a time past 64 bits of nanoseconds")
    return nanos


def _flat(obj: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _flat(value, f"{prefix}{key}.")
    elif obj is not None:
        yield prefix[:-1], attr_text(obj)


def span_row(span: Any, service: str | None, fail: Callable[[str], FormatError]) -> Row:
    """One Phoenix span as a staging row."""
    if not isinstance(span, dict):
        raise fail("expected a Phoenix span object")
    context = as_object(span.get("context"), "context", fail)
    tid = trace_id(context.get("trace_id"))
    sid = span_id(context.get("span_id"))
    if tid is None or sid is None:
        raise fail("expected context.trace_id (32 hex) and context.span_id (16 hex)")
    attributes = dict(_flat(span.get("attributes") or {}))
    kind = span.get("span_kind")
    if kind and str(kind).upper() != "UNKNOWN":
        attributes.setdefault(OPENINFERENCE_SPAN_KIND, str(kind).upper())
    logged = as_objects(span.get("events"), "events", fail)
    try:
        start, end = _nanos(span.get("start_time")), _nanos(span.get("end_time"))
        events = [
            {
                "name": str(e.get("name") or ""),
                "time_ns": _nanos(e.get("timestamp")),
                "attributes": dict(_flat(e.get("attributes") or {})),
            }
            for e in logged
        ]
    except (TypeError, ValueError, OverflowError):
        raise fail("expected start_time, end_time and event timestamps as ISO 8601") from None
    return Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=span_id(span.get("parent_id")) if span.get("parent_id") else None,
        name=str(span.get("name") or ""),
        kind="UNSPECIFIED",
        service=service,
        start_ns=start,
        end_ns=end,
        status=status_name(span.get("status_code")),
        status_message=str(span.get("status_message") or "") or None,
        attributes=attributes,
        events=events,
    )


def read(path: str, stream: IO[bytes]) -> Iterator[Row]:
    """Rows of a saved Phoenix spans response."""
    service = None
    try:
        for prefix, event, value in parse(path, stream):
            if prefix == PROJECT_KEY and event == "string":
                service = str(value)
                break
        stream.seek(0)
        for index, span in enumerate(items(path, stream, "data.item")):

            def fail(expected: str, index: int = index) -> FormatError:
                return FormatError(path, f"data[{index}]", expected)

            yield span_row(span, service, fail)
    except ijson.JSONError as exc:
        raise json_syntax_error(path, stream, 0, exc) from None
