"""OTLP requests (traces or logs, protobuf or JSON) -> one local-store line.

Both wire forms are decoded into the kind's protobuf export request first
(``ExportTraceServiceRequest``, ``ExportLogsServiceRequest``: the OpenTelemetry
proto package validates them), then written out in the local store's form
(docs/internals.md §2): OTLP/JSON with lowercase hex ids, integer enums, 64-bit
integers as strings; ``{"resourceSpans": [...]}`` or ``{"resourceLogs": [...]}``.
Every function takes the request's :class:`~collector.kinds.Kind` (traces by
default). Pure functions; no I/O.
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
from google.protobuf.message import DecodeError, Message

from collector.kinds import TRACES, Kind

__all__ = [
    "EXCERPT",
    "BadRequest",
    "TooLarge",
    "decode_json",
    "decode_protobuf",
    "decompress",
    "excerpt",
    "store_line",
    "validate",
]

#: most characters of client-sent text quoted in a reason
EXCERPT = 120

#: link fields that hold ids (bytes in protobuf, hex in OTLP/JSON)
_LINK_ID_FIELDS = ("traceId", "spanId")


class BadRequest(ValueError):
    """A request body that is not an OTLP export; ``str()`` is the reason."""


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


def decode_protobuf(body: bytes, kind: Kind = TRACES) -> Message:
    """Parse an OTLP/protobuf body of ``kind``; raise :class:`BadRequest` with the reason."""
    request = kind.request()
    try:
        request.ParseFromString(body)
    except (DecodeError, RuntimeWarning) as exc:
        reason = excerpt(str(exc))
        name = kind.request.__name__
        raise BadRequest(f"not an OTLP protobuf {name}: {reason}") from None
    validate(request, kind)
    return request


def decode_json(body: bytes, kind: Kind = TRACES) -> Message:
    """Parse an OTLP/JSON body of ``kind`` (hex ids, as the spec says; base64 also
    accepted)."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"not JSON: {excerpt(str(exc))}") from None
    except RecursionError:
        raise BadRequest("not OTLP/JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise BadRequest(f"OTLP/JSON body must be an object with {kind.resource_key}")
    for item in _items_of(data, kind):
        _ids_to_base64(item, kind.id_fields)
        for link in item.get("links") or ():
            if isinstance(link, dict):
                _ids_to_base64(link, _LINK_ID_FIELDS)
    request = kind.request()
    try:
        json_format.ParseDict(data, request, ignore_unknown_fields=True)
    except json_format.ParseError as exc:
        reason = excerpt(str(exc))
        name = kind.request.__name__
        raise BadRequest(f"not an OTLP/JSON {name}: {reason}") from None
    except RecursionError:
        raise BadRequest("not OTLP/JSON: nested too deeply") from None
    validate(request, kind)
    return request


def store_line(request: Message, kind: Kind = TRACES) -> bytes:
    """``request`` as one local-store line (OTLP/JSON, hex ids, ending in a newline).

    Built item by item (one span's or log record's dict alive at a time), so
    converting a large request costs a few times its size rather than the whole
    request as dicts."""
    resources = getattr(request, kind.resource_field)
    parts = ",".join(_resource_json(rs, kind) for rs in resources)
    return ('{"' + kind.resource_key + '":[' + parts + "]}\n").encode("utf-8")


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _message_json(message: Any) -> str:
    return _dumps(json_format.MessageToDict(message, use_integers_for_enums=True))


def _resource_json(rs: Any, kind: Kind) -> str:
    scopes = getattr(rs, kind.scope_field)
    return _level_json(rs, "resource", kind.scope_key, scopes, lambda ss: _scope_json(ss, kind))


def _scope_json(ss: Any, kind: Kind) -> str:
    items = getattr(ss, kind.items_field)
    return _level_json(ss, "scope", kind.items_key, items, lambda item: _item_json(item, kind))


def _level_json(
    message: Any, head: str, items_key: str, items: Any, item_json: Callable[[Any], str]
) -> str:
    """A ResourceSpans/ResourceLogs or ScopeSpans/ScopeLogs as JSON: its ``head``
    message (resource or scope), its items under ``items_key``, its schema URL;
    each only when set."""
    fields = []
    if message.HasField(head):
        fields.append(f'"{head}":' + _message_json(getattr(message, head)))
    if items:
        fields.append(f'"{items_key}":[' + ",".join(map(item_json, items)) + "]")
    if message.schema_url:
        fields.append('"schemaUrl":' + _dumps(message.schema_url))
    return "{" + ",".join(fields) + "}"


def _item_json(item: Any, kind: Kind) -> str:
    data = json_format.MessageToDict(item, use_integers_for_enums=True)
    _ids_to_hex(data, kind.id_fields)
    for link in data.get("links") or ():
        _ids_to_hex(link, _LINK_ID_FIELDS)
    return _dumps(data)


def _items_of(data: dict[str, Any], kind: Kind) -> list[dict[str, Any]]:
    """The spans or log records of a parsed OTLP/JSON body, checking its shape."""
    items: list[dict[str, Any]] = []
    resources = data.get(kind.resource_key) or []
    if not isinstance(resources, list):
        raise BadRequest(f"{kind.resource_key} must be a list")
    for resource in resources:
        if not isinstance(resource, dict):
            raise BadRequest(f"each {kind.resource_key} entry must be an object")
        for scope in resource.get(kind.scope_key) or []:
            if not isinstance(scope, dict):
                raise BadRequest(f"each {kind.scope_key} entry must be an object")
            items.extend(i for i in scope.get(kind.items_key) or [] if isinstance(i, dict))
    return items


def _ids_to_base64(obj: dict[str, Any], fields: tuple[str, ...]) -> None:
    for key in fields:
        value = obj.get(key)
        if isinstance(value, str) and value and len(value) in (16, 32):
            try:
                obj[key] = base64.b64encode(bytes.fromhex(value)).decode("ascii")
            except ValueError:
                pass  # not hex: leave it for the base64 parser to judge


def _ids_to_hex(obj: dict[str, Any], fields: tuple[str, ...]) -> None:
    for key in fields:
        value = obj.get(key)
        if isinstance(value, str) and value:
            obj[key] = binascii.hexlify(base64.b64decode(value)).decode("ascii")


def validate(request: Message, kind: Kind = TRACES) -> None:
    """Raise :class:`BadRequest` unless every span has 16-byte trace and 8-byte span
    ids; a log record's ids, which it may leave out, must have those sizes when set."""
    check = _check_span if kind.ids_required else _check_log_record
    for rs in getattr(request, kind.resource_field):
        for ss in getattr(rs, kind.scope_field):
            for item in getattr(ss, kind.items_field):
                check(item)


def _check_span(span: Any) -> None:
    if len(span.trace_id) != 16 or len(span.span_id) != 8:
        raise BadRequest(
            f"span {excerpt(span.name)}: trace id must be 16 bytes and span id 8 "
            f"(got {len(span.trace_id)} and {len(span.span_id)})"
        )
    if span.parent_span_id and len(span.parent_span_id) != 8:
        raise BadRequest(f"span {excerpt(span.name)}: parent span id must be 8 bytes")


def _check_log_record(record: Any) -> None:
    if len(record.trace_id) not in (0, 16) or len(record.span_id) not in (0, 8):
        raise BadRequest(
            f"log record {excerpt(record.event_name)}: trace id must be 16 bytes and span "
            f"id 8 when set (got {len(record.trace_id)} and {len(record.span_id)})"
        )
