"""Jaeger JSON: the query API (``{"data": [trace, ...]}``) and the UI's trace JSON.

A trace is ``{traceID, spans, processes}``; spans name their process by
``processID`` (or carry it inline as ``process`` in the UI's adjusted form).
Conversion follows Jaeger's own OTLP translator:

- parent: the first ``CHILD_OF`` reference in the same trace, else the first
  ``FOLLOWS_FROM`` there (or the legacy ``parentSpanID`` field); every other
  reference, including those into other traces, becomes a link carrying its
  ``refType``;
- ``span.kind`` / ``otel.status_code`` / ``otel.status_description`` tags give
  kind and status; an ``error`` tag that is true marks the status ERROR;
- typed tags (string, bool, int64 -- possibly as a string --, float64, binary)
  become text; logs become events named by their ``event`` field;
- 64-bit trace ids are padded to 32 hex chars.

Streams one trace at a time (a trace's processes may follow its spans).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any, Final

import ijson

from analyzer.formats.common import (
    FormatError,
    Row,
    as_object,
    as_objects,
    attr_text,
    items,
    span_id,
    trace_id,
    unix_nanos,
    values,
)
from analyzer.formats.otlp_json import json_syntax_error

__all__ = ["REF_TYPE", "SOURCE", "read", "trace_rows"]

SOURCE: Final = "jaeger"

# Jaeger / OpenTracing tag keys with a meaning for the span itself
TAG_SPAN_KIND: Final = "span.kind"
TAG_STATUS_CODE: Final = "otel.status_code"
TAG_STATUS_DESCRIPTION: Final = "otel.status_description"
TAG_ERROR: Final = "error"
LOG_EVENT: Final = "event"
#: link attribute naming the Jaeger reference type of a link
REF_TYPE: Final = "jaeger.ref_type"
#: attribute holding Jaeger's span warnings (JSON array text)
WARNINGS: Final = "jaeger.warnings"

_KINDS = {"server", "client", "producer", "consumer", "internal"}


def _tag_value(tag: dict[str, Any]) -> str | None:
    value = tag.get("value")
    kind = str(tag.get("type") or tag.get("vType") or "string").lower()
    if value is None:
        return None
    if kind == "bool":
        if isinstance(value, str):
            return "true" if value.lower() == "true" else "false"
        return attr_text(bool(value))
    try:
        if kind == "int64":
            return str(int(value))
        if kind == "float64":
            return attr_text(float(value)) if not isinstance(value, str) else value
    except (TypeError, ValueError, OverflowError):
        return attr_text(value)  # a value of another type than its tag says: its text
    return attr_text(value)


def _tags(tags: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in tags:
        if isinstance(tag, dict) and isinstance(tag.get("key"), str):
            text = _tag_value(tag)
            if text is not None:
                out[tag["key"]] = text
    return out


def trace_rows(trace: Any, fail: Callable[[str], FormatError]) -> Iterator[Row]:
    """Rows of one Jaeger trace object."""
    if not isinstance(trace, dict):
        raise fail("expected a Jaeger trace object (traceID, spans, processes)")
    processes = as_object(trace.get("processes"), "processes", fail)
    spans = trace.get("spans")
    if spans is None:
        if "traceID" not in trace:  # no trace at all: read as one, the file would read as empty
            raise fail("expected a Jaeger trace object (traceID, spans, processes)")
        return
    if not isinstance(spans, list):
        raise fail("expected spans to be an array")
    for index, span in enumerate(spans):
        yield _span_row(span, processes, trace.get("traceID"), index, fail)


def _span_row(
    span: Any,
    processes: dict[str, Any],
    trace_hint: Any,
    index: int,
    fail: Callable[[str], FormatError],
) -> Row:
    if not isinstance(span, dict):
        raise fail(f"span {index}: expected a span object")
    tid = trace_id(span.get("traceID", trace_hint))
    if tid is None:
        raise fail(f"span {index}: expected traceID as hex, got {span.get('traceID')!r:.50}")
    sid = span_id(span.get("spanID"))
    if sid is None:
        raise fail(f"span {index}: expected spanID as hex, got {span.get('spanID')!r:.50}")
    at = f"span {index}"
    start = unix_nanos(span.get("startTime"), f"{at} startTime", fail, unit="microseconds")
    duration = unix_nanos(span.get("duration"), f"{at} duration", fail, unit="microseconds")
    end = unix_nanos(start + duration, f"{at} startTime + duration", fail)
    refs = values(span.get("references"), f"{at} references", fail)
    parent, links = _references(refs, tid, span.get("parentSpanID"))
    attributes = _tags(values(span.get("tags"), f"{at} tags", fail))
    kind = attributes.get(TAG_SPAN_KIND, "").lower()
    status = attributes.get(TAG_STATUS_CODE, "").upper()
    if status not in ("OK", "ERROR", "UNSET"):
        status = "ERROR" if attributes.get(TAG_ERROR, "").lower() == "true" else "UNSET"
    warnings = values(span.get("warnings"), f"{at} warnings", fail)
    if warnings:
        attributes[WARNINGS] = attr_text(warnings)
    process = span.get("process")
    if not isinstance(process, dict):
        pid = span.get("processID")
        process = processes.get(pid) if isinstance(pid, str) else None
    service = process.get("serviceName") if isinstance(process, dict) else None
    events = []
    for log in as_objects(span.get("logs"), f"{at} logs", fail):
        fields = _tags(values(log.get("fields"), f"{at} log fields", fail))
        events.append(
            {
                "name": fields.pop(LOG_EVENT, "log"),
                "time_ns": unix_nanos(
                    log.get("timestamp"), f"{at} log timestamp", fail, unit="microseconds"
                ),
                "attributes": fields,
            }
        )
    return Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=parent,
        name=str(span.get("operationName") or ""),
        kind=kind.upper() if kind in _KINDS else "UNSPECIFIED",
        service=None if service is None else str(service),
        start_ns=start,
        end_ns=end,
        status=status,
        status_message=attributes.get(TAG_STATUS_DESCRIPTION),
        attributes=attributes,
        events=events,
        links=links,
    )


def _references(
    found: list[Any], tid: str, legacy_parent: Any
) -> tuple[str | None, list[dict[str, Any]]]:
    """The parent (the first ``CHILD_OF`` reference in the trace, else ``FOLLOWS_FROM``,
    else ``legacy_parent``, the old ``parentSpanID``) and every other reference as a link."""
    refs = [r for r in found if isinstance(r, dict)]
    parent_ref = None
    for wanted in ("CHILD_OF", "FOLLOWS_FROM"):
        for ref in refs:
            if (
                str(ref.get("refType", "")).upper() == wanted
                and trace_id(ref.get("traceID")) == tid
            ):
                parent_ref = ref
                break
        if parent_ref is not None:
            break
    parent = span_id(parent_ref.get("spanID")) if parent_ref else span_id(legacy_parent)
    links = [
        {
            "trace_id": trace_id(ref.get("traceID")),
            "span_id": span_id(ref.get("spanID")),
            "attributes": {REF_TYPE: str(ref.get("refType", ""))},
        }
        for ref in refs
        if ref is not parent_ref
    ]
    return parent, links


def read(path: str, prefix: str, reopen: Callable[[], IO[bytes]]) -> Iterator[Row]:
    """Rows of a Jaeger file whose traces sit at ijson ``prefix`` (``""`` for a
    single trace object, ``data.item`` for an API response, ``item`` for an array)."""
    with reopen() as stream:
        index = 0
        try:
            for trace in items(path, stream, prefix):
                where = f"trace {index}" if prefix else "trace"

                def fail(expected: str, where: str = where) -> FormatError:
                    return FormatError(path, where, expected)

                yield from trace_rows(trace, fail)
                index += 1
        except ijson.JSONError as exc:
            raise json_syntax_error(path, stream, 0, exc) from None
