"""Builders for OTLP/JSON spans and local-store files, shared by the ingest tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracer import semconv

T0 = 1_700_000_000_000_000_000


def any_value(value: Any) -> dict[str, Any]:
    """An OTLP/JSON AnyValue."""
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, list | tuple):
        return {"arrayValue": {"values": [any_value(v) for v in value]}}
    if isinstance(value, dict):
        kvs = [{"key": k, "value": any_value(v)} for k, v in value.items()]
        return {"kvlistValue": {"values": kvs}}
    return {"stringValue": str(value)}


def otlp_span(
    trace_id: str,
    span_id: str,
    name: str,
    attrs: dict[str, Any] | None = None,
    *,
    parent: str | None = None,
    start: int = 0,
    duration: int = 1_000_000,
    error: bool = False,
    events: list[dict[str, Any]] | None = None,
    kind: int | str = 1,
) -> dict[str, Any]:
    """One span as the OpenTelemetry Collector file exporter writes it."""
    span: dict[str, Any] = {
        "traceId": trace_id,
        "spanId": span_id,
        "name": name,
        "kind": kind,
        "startTimeUnixNano": str(T0 + start),
        "endTimeUnixNano": str(T0 + start + duration),
        "attributes": [{"key": k, "value": any_value(v)} for k, v in (attrs or {}).items()],
        "status": {"code": 2} if error else {},
    }
    if parent:
        span["parentSpanId"] = parent
    if events:
        span["events"] = [
            {
                "name": e["name"],
                "timeUnixNano": str(T0 + e.get("at", 0)),
                "attributes": [
                    {"key": k, "value": any_value(v)} for k, v in e.get("attributes", {}).items()
                ],
            }
            for e in events
        ]
    return span


def request(spans: list[dict[str, Any]], service: str = "svc") -> dict[str, Any]:
    """An ExportTraceServiceRequest holding ``spans``."""
    return {
        "resourceSpans": [
            {
                "resource": {
                    "attributes": [{"key": semconv.SERVICE_NAME, "value": {"stringValue": service}}]
                },
                "scopeSpans": [{"scope": {"name": semconv.INSTRUMENTATION_NAME}, "spans": spans}],
            }
        ]
    }


def write_lines(path: Path, requests: list[dict[str, Any]], tail: str = "") -> Path:
    """A local-store file: one request per line, then ``tail`` verbatim."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for req in requests:
            f.write(json.dumps(req) + "\n")
        f.write(tail)
    return path


def tid(n: int) -> str:
    """A 32-hex trace id."""
    return f"{n:032x}"


def sid(n: int) -> str:
    """A 16-hex span id."""
    return f"{n:016x}"
