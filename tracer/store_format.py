"""The local store's format: what the tracer and ``coordgap collect`` write and
the analyzer reads. The one definition of it; tracer, collector and analyzer
import it from here (docs/internals.md §2).

- A directory (default :data:`DEFAULT_DIRECTORY`, ``./.coordgap/spans``;
  ``COORDGAP_PATH`` for the tracer and the receiver).
- One file per writing process, :func:`file_name`
  (``spans-<host>-<pid>-<start ms>.jsonl``), append-only, so several processes
  can share the directory.
- Each line one OTLP/JSON ``ExportTraceServiceRequest``
  (``{"resourceSpans": [...]}``), as the OpenTelemetry Collector file exporter
  writes it (:func:`encode_request`): lowercase hex ids, integer kinds and
  status codes, nanosecond times and 64-bit integers as strings, empty fields
  left out. Each line is written whole by one ``write``, so a crash leaves at
  most a torn last line (ingest skips it with a warning).

:class:`StoreFile` writes the lines: the tracer's local-store exporter
through :func:`encode_line`, the OTLP receiver with lines it already has.
Nothing here imports the OpenTelemetry SDK (``import tracer`` does not load it).
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opentelemetry.trace import StatusCode

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import ReadableSpan

__all__ = [
    "DEFAULT_DIRECTORY",
    "FILE_GLOB",
    "StoreFile",
    "encode_line",
    "encode_request",
    "encode_value",
    "file_name",
]

#: where the local store lives unless told otherwise (relative to the working directory)
DEFAULT_DIRECTORY = Path(".coordgap") / "spans"
#: the files of one store directory
FILE_GLOB = "spans-*.jsonl"

_HOST_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def file_name(host: str, pid: int, start_ms: int) -> str:
    """The name of the file one process writes: ``spans-<host>-<pid>-<start ms>.jsonl``."""
    safe_host = _HOST_UNSAFE.sub("_", host) or "host"
    return f"spans-{safe_host}-{pid}-{start_ms}.jsonl"


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


def encode_line(spans: Sequence[ReadableSpan]) -> bytes:
    """``spans`` as one store line (UTF-8, newline-terminated)."""
    line = json.dumps(encode_request(spans), separators=(",", ":"), ensure_ascii=False)
    return (line + "\n").encode("utf-8")


class StoreFile:
    """The append-only file one process writes in ``directory`` (:func:`file_name`).

    The file is created on the first append (nothing is written for a process
    that records nothing) and re-created after a fork, so each process writes
    its own file and several processes can share one directory.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._pid = -1
        self.path: Path | None = None

    def _open(self) -> int:
        pid = os.getpid()
        if self._fd is not None and self._pid == pid:
            return self._fd
        self.directory.mkdir(parents=True, exist_ok=True)
        start = time.time_ns() // 1_000_000
        self.path = self.directory / file_name(socket.gethostname(), pid, start)
        # O_APPEND: every write lands at the end even if something else appends too.
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._pid = pid
        return self._fd

    def append(self, data: bytes, *, durable: bool = False) -> None:
        """Append whole lines ``data`` (each one OTLP/JSON request) in one locked write.

        ``durable`` fsyncs before returning, so what returned is on disk (the
        OTLP receiver answers success only after this). Raises ``OSError``.
        """
        with self._lock:
            fd = self._open()
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)

    def shutdown(self) -> None:
        """Close the file (a later append opens a new one)."""
        with self._lock:
            if self._fd is not None and self._pid == os.getpid():
                os.close(self._fd)
            self._fd = None
