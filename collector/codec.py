"""OTLP trace requests (protobuf or JSON) -> one local-store line.

Both wire forms are decoded into the protobuf ``ExportTraceServiceRequest`` first
(the OpenTelemetry proto package validates them), then written out in the local
store's form (docs/internals.md §2): OTLP/JSON with lowercase hex ids, integer
kinds and status codes, 64-bit integers as strings. Pure functions; no I/O.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import DecodeError
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

__all__ = ["BadRequest", "decode_json", "decode_protobuf", "span_count", "store_line", "validate"]

#: span and link fields that hold ids (bytes in protobuf, hex in OTLP/JSON)
_ID_FIELDS = ("traceId", "spanId", "parentSpanId")


class BadRequest(ValueError):
    """A request body that is not an OTLP trace export; ``str()`` is the reason."""


def decode_protobuf(body: bytes) -> ExportTraceServiceRequest:
    """Parse an OTLP/protobuf body; raise :class:`BadRequest` with the reason."""
    request = ExportTraceServiceRequest()
    try:
        request.ParseFromString(body)
    except (DecodeError, RuntimeWarning) as exc:
        raise BadRequest(f"not an OTLP protobuf ExportTraceServiceRequest: {exc}") from None
    validate(request)
    return request


def decode_json(body: bytes) -> ExportTraceServiceRequest:
    """Parse an OTLP/JSON body (hex ids, as the spec says; base64 also accepted)."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadRequest("OTLP/JSON body must be an object with resourceSpans")
    for span in _spans_of(data):
        _ids_to_base64(span)
        for link in span.get("links") or ():
            if isinstance(link, dict):
                _ids_to_base64(link)
    request = ExportTraceServiceRequest()
    try:
        json_format.ParseDict(data, request, ignore_unknown_fields=True)
    except json_format.ParseError as exc:
        raise BadRequest(f"not an OTLP/JSON ExportTraceServiceRequest: {exc}") from None
    validate(request)
    return request


def span_count(request: ExportTraceServiceRequest) -> int:
    """Spans in ``request``."""
    return sum(len(ss.spans) for rs in request.resource_spans for ss in rs.scope_spans)


def store_line(request: ExportTraceServiceRequest) -> bytes:
    """``request`` as one local-store line (OTLP/JSON, hex ids, ending in a newline)."""
    data = json_format.MessageToDict(request, use_integers_for_enums=True)
    for span in _spans_of(data):
        _ids_to_hex(span)
        for link in span.get("links") or ():
            _ids_to_hex(link)
    line = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return (line + "\n").encode("utf-8")


def _spans_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    resource_spans = data.get("resourceSpans") or []
    if not isinstance(resource_spans, list):
        raise BadRequest("resourceSpans must be a list")
    for rs in resource_spans:
        if not isinstance(rs, dict):
            raise BadRequest("each resourceSpans entry must be an object")
        for ss in rs.get("scopeSpans") or []:
            if not isinstance(ss, dict):
                raise BadRequest("each scopeSpans entry must be an object")
            spans.extend(s for s in ss.get("spans") or [] if isinstance(s, dict))
    return spans


def _ids_to_base64(obj: dict[str, Any]) -> None:
    for key in _ID_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and value and len(value) in (16, 32):
            try:
                obj[key] = base64.b64encode(bytes.fromhex(value)).decode("ascii")
            except ValueError:
                pass  # not hex: leave it for the base64 parser to judge


def _ids_to_hex(obj: dict[str, Any]) -> None:
    for key in _ID_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and value:
            obj[key] = binascii.hexlify(base64.b64decode(value)).decode("ascii")


def validate(request: ExportTraceServiceRequest) -> None:
    """Raise :class:`BadRequest` unless every span has 16-byte trace and 8-byte span ids."""
    for rs in request.resource_spans:
        for ss in rs.scope_spans:
            for span in ss.spans:
                if len(span.trace_id) != 16 or len(span.span_id) != 8:
                    raise BadRequest(
                        f"span {span.name!r}: trace id must be 16 bytes and span id 8 "
                        f"(got {len(span.trace_id)} and {len(span.span_id)})"
                    )
                if span.parent_span_id and len(span.parent_span_id) != 8:
                    raise BadRequest(f"span {span.name!r}: parent span id must be 8 bytes")
