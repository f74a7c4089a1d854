"""Zipkin v2 JSON: an array of spans (or, from ``/api/v2/traces``, of traces).

- ``timestamp`` and ``duration`` are microseconds; 64-bit trace ids are padded.
- ``tags`` become attributes; an ``error`` tag marks the status ERROR with its
  value as the message; ``annotations`` become events.
- ``remoteEndpoint.serviceName`` becomes ``peer.service``.
- Shared spans: Zipkin's RPC model lets the CLIENT and SERVER halves of one call
  share a span id (the SERVER half flagged ``shared``). Span ids are unique here,
  so when both halves are in the file the SERVER half gets a derived id (first 16 hex of
  ``sha256("<trace>:<id>:server")``), becomes a child of the CLIENT half, keeps
  the original id in ``zipkin.shared_span_id``, and the server-side children
  (same service, parent = the shared id) are re-parented onto it. The file is
  read twice so this works whatever the order of its spans; memory holds only
  ids, never the spans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import IO, Any, Final

import ijson

from analyzer.formats.common import (
    FormatError,
    Row,
    as_objects,
    attr_text,
    items,
    span_id,
    trace_id,
    unix_nanos,
)
from analyzer.formats.otlp_json import json_syntax_error

__all__ = ["SHARED_SPAN_ID", "SOURCE", "read", "server_span_id"]

SOURCE: Final = "zipkin"
TAG_ERROR: Final = "error"
TAG_STATUS_CODE: Final = "otel.status_code"
PEER_SERVICE: Final = "peer.service"
PEER_ADDRESS: Final = "net.peer.ip"
PEER_PORT: Final = "net.peer.port"
#: attribute on a re-keyed SERVER half: the span id it shared with its CLIENT half
SHARED_SPAN_ID: Final = "zipkin.shared_span_id"

_KINDS = {"CLIENT", "SERVER", "PRODUCER", "CONSUMER"}


def server_span_id(tid: str, sid: str) -> str:
    """The id given to the SERVER half of a shared span."""
    return hashlib.sha256(f"{tid}:{sid}:server".encode()).hexdigest()[:16]


def _service(endpoint: Any) -> str | None:
    if isinstance(endpoint, dict) and endpoint.get("serviceName"):
        return str(endpoint["serviceName"])
    return None


def _shared_servers(spans: Iterator[Any]) -> dict[tuple[str, str], str | None]:
    """(trace, id) -> service of every SERVER half whose CLIENT half, with the
    same id, is in the same file. (A ``shared`` SERVER span alone keeps its id:
    nothing collides, and a root stays a root.)"""
    clients: set[tuple[str, str]] = set()
    servers: dict[tuple[str, str], str | None] = {}
    for span in spans:
        if not isinstance(span, dict):
            continue
        key = (trace_id(span.get("traceId")) or "", span_id(span.get("id")) or "")
        kind = str(span.get("kind") or "").upper()
        if kind == "CLIENT":
            clients.add(key)
        elif kind == "SERVER":
            servers[key] = _service(span.get("localEndpoint"))
    return {k: svc for k, svc in servers.items() if k in clients}


def _row(
    span: Any,
    shared: dict[tuple[str, str], str | None],
    fail: Callable[[str], FormatError],
) -> Row:
    if not isinstance(span, dict):
        raise fail("expected a Zipkin span object")
    tid = trace_id(span.get("traceId"))
    if tid is None:
        raise fail(f"expected traceId as 16 or 32 hex chars, got {span.get('traceId')!r:.50}")
    sid = span_id(span.get("id"))
    if sid is None:
        raise fail(f"expected id as 16 hex chars, got {span.get('id')!r:.50}")
    parent = span_id(span.get("parentId")) if span.get("parentId") else None
    start = unix_nanos(span.get("timestamp"), "timestamp", fail, unit="microseconds")
    duration = unix_nanos(span.get("duration"), "duration", fail, unit="microseconds")
    end = unix_nanos(start + duration, "timestamp + duration", fail)
    kind = str(span.get("kind") or "").upper()
    service = _service(span.get("localEndpoint"))
    tags = span.get("tags") or {}
    if not isinstance(tags, dict):
        raise fail("expected tags to be an object of strings")
    attributes = {str(k): attr_text(v) for k, v in tags.items() if v is not None}
    remote = span.get("remoteEndpoint")
    if isinstance(remote, dict):
        if remote.get("serviceName"):
            attributes.setdefault(PEER_SERVICE, str(remote["serviceName"]))
        if remote.get("ipv4") or remote.get("ipv6"):
            attributes.setdefault(PEER_ADDRESS, str(remote.get("ipv4") or remote.get("ipv6")))
        if remote.get("port"):
            attributes.setdefault(PEER_PORT, str(remote["port"]))
    if kind == "SERVER" and (tid, sid) in shared:
        attributes[SHARED_SPAN_ID] = sid
        parent, sid = sid, server_span_id(tid, sid)
    elif parent and (tid, parent) in shared:
        if shared[(tid, parent)] == service:  # work done inside the server half
            parent = server_span_id(tid, parent)
    status = str(attributes.get(TAG_STATUS_CODE, "")).upper()
    message = None
    if status not in ("OK", "ERROR", "UNSET"):
        status = "UNSET"
        if TAG_ERROR in attributes:
            status = "ERROR"
            message = attributes[TAG_ERROR] or None
    events = [
        {
            "name": str(a.get("value") or ""),
            "time_ns": unix_nanos(
                a.get("timestamp"), "annotation timestamp", fail, unit="microseconds"
            ),
            "attributes": {},
        }
        for a in as_objects(span.get("annotations"), "annotations", fail)
    ]
    return Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=parent,
        name=str(span.get("name") or ""),
        kind=kind if kind in _KINDS else "INTERNAL",
        service=service,
        start_ns=start,
        end_ns=end,
        status=status,
        status_message=message,
        attributes=attributes,
        events=events,
    )


def read(path: str, prefix: str, reopen: Callable[[], IO[bytes]]) -> Iterator[Row]:
    """Rows of a Zipkin v2 file whose spans sit at ijson ``prefix`` (``item`` for
    a span array, ``item.item`` for an array of traces)."""
    with reopen() as stream:
        try:
            shared = _shared_servers(items(path, stream, prefix))
        except ijson.JSONError as exc:
            raise json_syntax_error(path, stream, 0, exc) from None
    with reopen() as stream:
        try:
            for index, span in enumerate(items(path, stream, prefix)):

                def fail(expected: str, index: int = index) -> FormatError:
                    return FormatError(path, f"span {index}", expected)

                yield _row(span, shared, fail)
        except ijson.JSONError as exc:
            raise json_syntax_error(path, stream, 0, exc) from None
