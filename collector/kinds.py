"""The OTLP request kinds the receiver accepts: traces and logs.

Both travel the same path (:mod:`collector.pipeline`, one HTTP handler, one gRPC
service class); a :class:`Kind` says what differs: the protobuf messages, the
HTTP path and gRPC service, the OTLP/JSON names of the three levels (resource,
scope, item), the item's id fields and what each request counts in stats
(spans, or log records). Pure data; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf.message import Message
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import (
    ExportLogsServiceRequest,
    ExportLogsServiceResponse,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

__all__ = ["KINDS", "LOGS", "TRACES", "Kind"]


@dataclass(frozen=True)
class Kind:
    """One OTLP signal as the receiver handles it."""

    name: str  # "traces", "logs": the URL path's last part
    request: type[Message]
    response: type[Message]
    grpc_service: str
    #: OTLP/JSON names of the levels: resourceSpans / scopeSpans / spans
    resource_key: str
    scope_key: str
    items_key: str
    #: protobuf field names of the same levels
    resource_field: str
    scope_field: str
    items_field: str
    #: id fields of an item (hex in OTLP/JSON, bytes in protobuf), and whether every
    #: item must carry them (a span must; a log record may belong to no trace)
    id_fields: tuple[str, ...]
    ids_required: bool
    #: what the stats count: "span" or "log record"
    unit: str

    @property
    def path(self) -> str:
        """The OTLP/HTTP path: ``/v1/traces``, ``/v1/logs``."""
        return f"/v1/{self.name}"

    def count(self, request: Any) -> int:
        """Items (spans, log records) in ``request``."""
        return sum(
            len(getattr(scope, self.items_field))
            for resource in getattr(request, self.resource_field)
            for scope in getattr(resource, self.scope_field)
        )


TRACES = Kind(
    name="traces",
    request=ExportTraceServiceRequest,
    response=ExportTraceServiceResponse,
    grpc_service="opentelemetry.proto.collector.trace.v1.TraceService",
    resource_key="resourceSpans",
    scope_key="scopeSpans",
    items_key="spans",
    resource_field="resource_spans",
    scope_field="scope_spans",
    items_field="spans",
    id_fields=("traceId", "spanId", "parentSpanId"),
    ids_required=True,
    unit="span",
)

LOGS = Kind(
    name="logs",
    request=ExportLogsServiceRequest,
    response=ExportLogsServiceResponse,
    grpc_service="opentelemetry.proto.collector.logs.v1.LogsService",
    resource_key="resourceLogs",
    scope_key="scopeLogs",
    items_key="logRecords",
    resource_field="resource_logs",
    scope_field="scope_logs",
    items_field="log_records",
    id_fields=("traceId", "spanId"),
    ids_required=False,
    unit="log record",
)

#: every kind the receiver serves
KINDS = (TRACES, LOGS)
