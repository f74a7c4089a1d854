"""OTLP trace requests (protobuf or JSON) -> one local-store line.

Both wire forms are decoded into the protobuf ``ExportTraceServiceRequest`` first
(the OpenTelemetry proto package validates them), then written out in the local
store's form (docs/internals.md §2): OTLP/JSON with lowercase hex ids, integer
kinds and status codes, 64-bit integers as strings. Pure functions; no I/O.
Reasons quote at most :data:`EXCERPT` characters of what the client sent, so a
huge name never travels whole into an answer or a log line.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Callable
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import DecodeError
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

__all__ = [
    "EXCERPT",
    "BadRequest",
    "TooLarge",
    "decode_json",
    "decode_protobuf",
    "decompress",
    "excerpt",
    "span_count",
    "store_line",
    "validate",
]

#: most characters of client-sent text quoted in a reason
EXCERPT = 120

#: span and link fields that hold ids (bytes in protobuf, hex in OTLP/JSON)
_ID_FIELDS = ("traceId", "spanId", "parentSpanId")


class BadRequest(ValueError):
    """A request body that is not an OTLP trace export; ``str()`` is the reason."""


class TooLarge(BadRequest):
    """A body over the size limit once decompressed (HTTP 413)."""


def excerpt(text: object, limit: int = EXCERPT) -> str:
    """``repr`` of ``text`` cut to ``limit`` characters, saying how much was left out."""
    shown = repr(text)
    if len(shown) <= limit:
        return shown
    return f"{shown[:limit]}... ({len(shown) - limit:,} more characters)"


def decompress(chunks: list[bytes], encoding: str, max_size: int) -> bytes:
    """The body sent as ``chunks`` with its ``Content-Encoding`` (identity, gzip or
    deflate) undone, never producing more than ``max_size`` bytes: raise
    :class:`TooLarge` beyond it, :class:`BadRequest` on a broken stream or an
    unknown encoding."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        if sum(map(len, chunks)) > max_size:
            raise TooLarge(f"body over {max_size} bytes")
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise BadRequest(f"content encoding {excerpt(encoding)}: send gzip, deflate or none")
    try:
        return _inflate(chunks, 47, max_size)  # 47: a gzip or zlib header, detected
    except zlib.error as exc:
        if encoding != "deflate":
            raise BadRequest(f"unreadable {encoding} body: {excerpt(str(exc))}") from None
    try:
        return _inflate(chunks, -15, max_size)  # deflate as some clients send it: no header
    except zlib.error as exc:
        raise BadRequest(f"unreadable deflate body: {excerpt(str(exc))}") from None


def _inflate(chunks: list[bytes], wbits: int, max_size: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = bytearray()
    for chunk in chunks:
        out += inflater.decompress(chunk, max_size + 1 - len(out))
        if len(out) > max_size or inflater.unconsumed_tail:
            raise TooLarge(f"body over {max_size} bytes once decompressed")
    if not inflater.eof:
        raise BadRequest("unreadable compressed body: the stream ends early")
    return bytes(out)


def decode_protobuf(body: bytes) -> ExportTraceServiceRequest:
    """Parse an OTLP/protobuf body; raise :class:`BadRequest` with the reason."""
    request = ExportTraceServiceRequest()
    try:
        request.ParseFromString(body)
    except (DecodeError, RuntimeWarning) as exc:
        reason = excerpt(str(exc))
        raise BadRequest(f"not an OTLP protobuf ExportTraceServiceRequest: {reason}") from None
    validate(request)
    return request


def decode_json(body: bytes) -> ExportTraceServiceRequest:
    """Parse an OTLP/JSON body (hex ids, as the spec says; base64 also accepted)."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"not JSON: {excerpt(str(exc))}") from None
    except RecursionError:
        raise BadRequest("not OTLP/JSON: nested too deeply") from None
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
        reason = excerpt(str(exc))
        raise BadRequest(f"not an OTLP/JSON ExportTraceServiceRequest: {reason}") from None
    except RecursionError:
        raise BadRequest("not OTLP/JSON: nested too deeply") from None
    validate(request)
    return request


def span_count(request: ExportTraceServiceRequest) -> int:
    """Spans in ``request``."""
    return sum(len(ss.spans) for rs in request.resource_spans for ss in rs.scope_spans)


def store_line(request: ExportTraceServiceRequest) -> bytes:
    """``request`` as one local-store line (OTLP/JSON, hex ids, ending in a newline).

    Built span by span (one span's dict alive at a time), so converting a large
    request costs a few times its size rather than the whole request as dicts."""
    parts = ",".join(_resource_spans_json(rs) for rs in request.resource_spans)
    return ('{"resourceSpans":[' + parts + "]}\n").encode("utf-8")


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _message_json(message: Any) -> str:
    return _dumps(json_format.MessageToDict(message, use_integers_for_enums=True))


def _resource_spans_json(rs: Any) -> str:
    return _level_json(rs, "resource", "scopeSpans", rs.scope_spans, _scope_spans_json)


def _scope_spans_json(ss: Any) -> str:
    return _level_json(ss, "scope", "spans", ss.spans, _span_json)


def _level_json(
    message: Any, head: str, items_key: str, items: Any, item_json: Callable[[Any], str]
) -> str:
    """A ResourceSpans or ScopeSpans as JSON: its ``head`` message (resource or
    scope), its items under ``items_key``, its schema URL; each only when set."""
    fields = []
    if message.HasField(head):
        fields.append(f'"{head}":' + _message_json(getattr(message, head)))
    if items:
        fields.append(f'"{items_key}":[' + ",".join(map(item_json, items)) + "]")
    if message.schema_url:
        fields.append('"schemaUrl":' + _dumps(message.schema_url))
    return "{" + ",".join(fields) + "}"


def _span_json(span: Any) -> str:
    data = json_format.MessageToDict(span, use_integers_for_enums=True)
    _ids_to_hex(data)
    for link in data.get("links") or ():
        _ids_to_hex(link)
    return _dumps(data)


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
                        f"span {excerpt(span.name)}: trace id must be 16 bytes and span id 8 "
                        f"(got {len(span.trace_id)} and {len(span.span_id)})"
                    )
                if span.parent_span_id and len(span.parent_span_id) != 8:
                    raise BadRequest(f"span {excerpt(span.name)}: parent span id must be 8 bytes")
