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

from analyzer.formats.common import FormatError, Row, attr_text, items, span_id, trace_id
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
    if kind == "int64":
        return str(int(value))
    if kind == "float64":
        return attr_text(float(value)) if not isinstance(value, str) else value
    return attr_text(value)


def _tags(tags: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in tags or []:
        if isinstance(tag, dict) and isinstance(tag.get("key"), str):
            text = _tag_value(tag)
            if text is not None:
                out[tag["key"]] = text
    return out


def trace_rows(trace: Any, fail: Callable[[str], FormatError]) -> Iterator[Row]:
    """Rows of one Jaeger trace object."""
    if not isinstance(trace, dict):
        raise fail("expected a Jaeger trace object (traceID, spans, processes)")
    processes = trace.get("processes") or {}
    spans = trace.get("spans")
    if spans is None:
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
    try:
        start_us = int(span.get("startTime") or 0)
        duration_us = int(span.get("duration") or 0)
    except (TypeError, ValueError):
        raise fail(f"span {index}: expected startTime and duration in microseconds") from None
    parent, links = _references(span, tid)
    attributes = _tags(span.get("tags"))
    kind = attributes.get(TAG_SPAN_KIND, "").lower()
    status = attributes.get(TAG_STATUS_CODE, "").upper()
    if status not in ("OK", "ERROR", "UNSET"):
        status = "ERROR" if attributes.get(TAG_ERROR, "").lower() == "true" else "UNSET"
    if span.get("warnings"):
        attributes[WARNINGS] = attr_text(list(span["warnings"]))
    process = span.get("process")
    if not isinstance(process, dict):
        process = processes.get(span.get("processID") or "", {})
    events = []
    for log in span.get("logs") or []:
        fields = _tags(log.get("fields"))
        events.append(
            {
                "name": fields.pop(LOG_EVENT, "log"),
                "time_ns": int(log.get("timestamp") or 0) * 1000,
                "attributes": fields,
            }
        )
    return Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=parent,
        name=str(span.get("operationName") or ""),
        kind=kind.upper() if kind in _KINDS else "UNSPECIFIED",
        service=(process or {}).get("serviceName"),
        start_ns=start_us * 1000,
        end_ns=(start_us + duration_us) * 1000,
        status=status,
        status_message=attributes.get(TAG_STATUS_DESCRIPTION),
        attributes=attributes,
        events=events,
        links=links,
    )


def _references(span: dict[str, Any], tid: str) -> tuple[str | None, list[dict[str, Any]]]:
    refs = [r for r in span.get("references") or [] if isinstance(r, dict)]
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
    parent = span_id(parent_ref.get("spanID")) if parent_ref else span_id(span.get("parentSpanID"))
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
