"""Encode finished spans as one OTLP/JSON ``ExportTraceServiceRequest``.

The output is what the OpenTelemetry Collector file exporter writes (see
docs/internals.md §2): lowercase hex ids, integer kinds and status codes,
nanosecond times and 64-bit integers as strings, empty fields left out.
Pure functions; no I/O.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import StatusCode

__all__ = ["encode_request", "encode_value"]


def encode_value(value: Any) -> dict[str, Any]:
    """One attribute value as an OTLP ``AnyValue``."""
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, str):
        return {"stringValue": value}
    if isinstance(value, bytes):
        return {"bytesValue": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Sequence):
        return {"arrayValue": {"values": [encode_value(v) for v in value]}}
    return {"stringValue": str(value)}


def _attributes(attrs: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if not attrs:
        return []
    return [{"key": k, "value": encode_value(v)} for k, v in attrs.items()]


def _span(span: ReadableSpan) -> dict[str, Any]:
    ctx = span.context
    assert ctx is not None  # finished SDK spans always carry a context
    out: dict[str, Any] = {
        "traceId": format(ctx.trace_id, "032x"),
        "spanId": format(ctx.span_id, "016x"),
    }
    if ctx.trace_state:
        out["traceState"] = ctx.trace_state.to_header()
    if span.parent is not None and span.parent.span_id:
        out["parentSpanId"] = format(span.parent.span_id, "016x")
    out["name"] = span.name
    # SDK SpanKind counts from INTERNAL=0; OTLP counts from UNSPECIFIED=0.
    out["kind"] = span.kind.value + 1
    out["startTimeUnixNano"] = str(span.start_time or 0)
    out["endTimeUnixNano"] = str(span.end_time or 0)
    attrs = _attributes(span.attributes)
    if attrs:
        out["attributes"] = attrs
    if span.dropped_attributes:
        out["droppedAttributesCount"] = span.dropped_attributes
    if span.events:
        out["events"] = [_event(e) for e in span.events]
    if span.links:
        out["links"] = [
            {
                "traceId": format(link.context.trace_id, "032x"),
                "spanId": format(link.context.span_id, "016x"),
                **({"attributes": _attributes(link.attributes)} if link.attributes else {}),
            }
            for link in span.links
        ]
    status: dict[str, Any] = {}
    if span.status.status_code is not StatusCode.UNSET:
        status["code"] = span.status.status_code.value
        if span.status.description:
            status["message"] = span.status.description
    out["status"] = status
    return out


def _event(event: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"timeUnixNano": str(event.timestamp), "name": event.name}
    attrs = _attributes(event.attributes)
    if attrs:
        out["attributes"] = attrs
    return out


def encode_request(spans: Sequence[ReadableSpan]) -> dict[str, Any]:
    """Group ``spans`` by resource, then by instrumentation scope, in order seen."""
    by_resource: dict[int, tuple[Any, dict[tuple[str, str, str], list[dict[str, Any]]]]] = {}
    for span in spans:
        resource = span.resource
        entry = by_resource.get(id(resource))
        if entry is None:
            entry = (resource, {})
            by_resource[id(resource)] = entry
        scope = span.instrumentation_scope
        key = (
            scope.name if scope else "",
            (scope.version or "") if scope else "",
            (scope.schema_url or "") if scope else "",
        )
        entry[1].setdefault(key, []).append(_span(span))
    resource_spans = []
    for resource, scopes in by_resource.values():
        scope_spans = []
        for (name, version, schema_url), encoded in scopes.items():
            scope_out: dict[str, Any] = {"name": name}
            if version:
                scope_out["version"] = version
            item: dict[str, Any] = {"scope": scope_out, "spans": encoded}
            if schema_url:
                item["schemaUrl"] = schema_url
            scope_spans.append(item)
        rs: dict[str, Any] = {
            "resource": {"attributes": _attributes(resource.attributes if resource else None)},
            "scopeSpans": scope_spans,
        }
        if resource is not None and resource.schema_url:
            rs["schemaUrl"] = resource.schema_url
        resource_spans.append(rs)
    return {"resourceSpans": resource_spans}
