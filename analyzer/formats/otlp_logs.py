"""OTLP/JSON log records that carry GenAI messages: ``{"resourceLogs": [...]}``.

Some instrumentations (Semantic Kernel's sensitive diagnostics, OpenTelemetry's
GenAI instrumentations) send a model call's messages as log records linked to
the span by trace and span id instead of as span events. This module reads
them from the same OTLP/JSON lines and documents spans come in (the local
store, ``coordgap collect``'s files, ``.jsonl[.gz]`` given to ingest) and turns
each record that names a GenAI message event (``event_name``, else the
``event.name`` attribute; :data:`tracer.semconv.GEN_AI_MESSAGE_EVENTS`) and has
both ids into a :class:`MessageEvent`: the span event it stands for, with its
body's text. Every other record is counted and dropped. Pure parsing; the
content rows are made by :mod:`analyzer.content_logs`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import ijson

from analyzer.formats.common import span_id, trace_id
from tracer import semconv

__all__ = [
    "BATCH_EVENTS",
    "LOGS_KEY",
    "MessageEvent",
    "Read",
    "body_text",
    "chunk_events",
    "document_events",
    "line_events",
    "message_event",
    "request_events",
]

#: the top-level key of an OTLP/JSON logs request
LOGS_KEY = "resourceLogs"
_MARK = b'"' + LOGS_KEY.encode() + b'"'
_MESSAGE_EVENTS = frozenset(semconv.GEN_AI_MESSAGE_EVENTS)


@dataclass(frozen=True)
class MessageEvent:
    """One GenAI message log record as the span event it stands for; or, ``name`` one of
    :data:`tracer.semconv.GEN_AI_DETAILS_KEYS`, one messages attribute of an operation
    details record as the span attribute it stands for."""

    trace_id: str
    span_id: str
    name: str
    time_ns: int
    text: str


@dataclass
class Read:
    """Log records read, and the message events among them."""

    records: int = 0
    events: list[MessageEvent] = field(default_factory=list)

    def add(self, other: Read) -> None:
        self.records += other.records
        self.events.extend(other.events)


def _array(value: Any) -> list[Any]:
    """``value`` when it is a JSON array; a level of another shape holds nothing (a
    record of the wrong shape is dropped, as one of no message event is)."""
    return value if isinstance(value, list) else []


def _any(value: Any) -> Any:
    """An OTLP ``AnyValue`` object as a Python value (kvlists as dicts)."""
    if not isinstance(value, dict):
        return value
    for key in ("stringValue", "boolValue", "intValue", "doubleValue", "bytesValue"):
        if key in value:
            return value[key]
    if "arrayValue" in value:
        array = value["arrayValue"]
        return [_any(v) for v in _array(array.get("values") if isinstance(array, dict) else None)]
    if "kvlistValue" in value:
        return _kvlist(value["kvlistValue"])
    return None


def _kvlist(kvlist: Any) -> dict[str, Any]:
    items = kvlist.get("values") if isinstance(kvlist, dict) else kvlist
    out: dict[str, Any] = {}
    for item in _array(items):
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            out[item["key"]] = _any(item.get("value"))
    return out


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def _content_text(content: Any) -> str | None:
    """A message's ``content``: text, or content parts (their ``text`` / ``content``)."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [
            p.get(semconv.GEN_AI_BODY_TEXT, p.get(semconv.GEN_AI_BODY_CONTENT))
            if isinstance(p, dict)
            else p
            for p in content
        ]
        return "\n".join(_json_text(p) for p in parts if p is not None)
    return _json_text(content)


def _tool_call_lines(calls: Any) -> list[str]:
    """``name(arguments)``, one a tool call (as flattened messages' calls are written)."""
    lines = []
    for call in calls if isinstance(calls, list) else ():
        if not isinstance(call, dict):
            continue
        function = call.get(semconv.GEN_AI_BODY_FUNCTION)
        function = function if isinstance(function, dict) else call
        name = function.get(semconv.GEN_AI_BODY_NAME) or ""
        arguments = function.get(semconv.GEN_AI_BODY_ARGUMENTS)
        lines.append(f"{name}({'' if arguments is None else _json_text(arguments)})")
    return lines


def _message_text(body: dict[str, Any]) -> str | None:
    message = body.get(semconv.GEN_AI_BODY_MESSAGE)
    if not isinstance(message, dict):
        message = body
    lines = [
        _content_text(message.get(semconv.GEN_AI_BODY_CONTENT)),
        *_tool_call_lines(message.get(semconv.GEN_AI_BODY_TOOL_CALLS)),
    ]
    return "\n".join(line for line in lines if line) or None


def body_text(body: Any) -> str | None:
    """A record body's text: a message's ``content`` (or a choice's
    ``message.content``) with its tool calls as ``name(arguments)`` lines, whether
    the body is a map or a JSON string of one; any other string is the text."""
    value = _any(body)
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value or None
        if not isinstance(parsed, dict):
            return value or None
        value = parsed
    if isinstance(value, dict):
        return _message_text(value)
    return None if value is None else _json_text(value)


def _nanos(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def message_event(tid: Any, sid: Any, name: str, time_ns: int, value: Any) -> MessageEvent | None:
    """One message event: ``name`` a message event's, ``value`` its record's body (its
    text: :func:`body_text`); or ``name`` one of :data:`tracer.semconv.GEN_AI_DETAILS_KEYS`,
    ``value`` that attribute of an operation details record (its JSON). None without
    both ids or without text. Shared by the OTLP reader here and the ClickHouse
    source's ``otel_logs`` reader."""
    details = name in semconv.GEN_AI_DETAILS_KEYS
    trace, span = trace_id(tid), span_id(sid)
    text = (None if value is None else _json_text(value)) if details else body_text(value)
    if trace is None or span is None or text is None:
        return None
    return MessageEvent(trace, span, name, int(time_ns), text)


def _events(record: dict[str, Any]) -> list[MessageEvent]:
    """A record's message event (one of :data:`_MESSAGE_EVENTS`: its body's text), or
    the messages of the newer conventions' ``gen_ai.client.inference.operation.details``
    record, one :class:`MessageEvent` per messages attribute it holds (``name`` the
    attribute's key, ``text`` its JSON, as a span's attribute of that key would hold
    it); none without both ids."""
    attributes = _kvlist(record.get("attributes"))
    name = record.get("eventName") or attributes.get(semconv.LOG_EVENT_NAME)
    time_ns = _nanos(record.get("timeUnixNano")) or _nanos(record.get("observedTimeUnixNano"))
    ids = (record.get("traceId"), record.get("spanId"))
    if name == semconv.GEN_AI_OPERATION_DETAILS_EVENT:
        found = [
            message_event(*ids, k, time_ns, attributes.get(k)) for k in semconv.GEN_AI_DETAILS_KEYS
        ]
    elif name in _MESSAGE_EVENTS:
        found = [message_event(*ids, str(name), time_ns, record.get("body"))]
    else:
        return []
    return [event for event in found if event is not None]


def _records(resource_logs: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(resource_logs, dict):
        return
    for scope in _array(resource_logs.get("scopeLogs")):
        if isinstance(scope, dict):
            yield from (r for r in _array(scope.get("logRecords")) if isinstance(r, dict))


def _read(resources: Iterable[Any]) -> Read:
    read = Read()
    for resource in resources:
        for record in _records(resource):
            read.records += 1
            read.events.extend(_events(record))
    return read


def request_events(doc: Any) -> Read:
    """The records of one parsed request (nothing when it holds no ``resourceLogs``)."""
    resources = doc.get(LOGS_KEY) if isinstance(doc, dict) else None
    return _read(resources) if isinstance(resources, list) else Read()


def line_events(line: bytes) -> Read:
    """The records of one JSON line; a line that holds no logs request, or does
    not parse (the span reader judges those), gives none."""
    if _MARK not in line:
        return Read()
    try:
        return request_events(json.loads(line))
    except ValueError:
        return Read()


def chunk_events(chunk: bytes) -> Read:
    """The records of a chunk of whole JSON lines (a quick byte search first: a
    chunk of spans only costs no parsing)."""
    read = Read()
    if _MARK in chunk:
        for line in chunk.splitlines():
            read.add(line_events(line))
    return read


BATCH_EVENTS = 10_000
"""Message events a file's reader hands on at a time (what it holds in memory)."""


def document_events(stream: IO[bytes], lines: bool, batch: int = BATCH_EVENTS) -> Iterator[Read]:
    """The records of a JSON-lines file, or of one JSON document streamed a
    ``ResourceLogs`` at a time, handed on a few at a time (about ``batch`` events:
    a large file's records are never all in memory). A document that stops parsing
    keeps what was read before the break."""
    read = Read()
    items: Iterable[Any] = (
        (line_events(line) for line in stream)
        if lines
        else (_read([resource]) for resource in ijson.items(stream, f"{LOGS_KEY}.item"))
    )
    try:
        for part in items:
            read.add(part)
            if len(read.events) >= batch:
                yield read
                read = Read()
    except ijson.JSONError:
        pass  # the span reader reports the file
    if read.records:
        yield read
