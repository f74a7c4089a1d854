"""OTLP/gRPC on grpcio's asyncio server with the OpenTelemetry proto service stubs.

grpcio decodes the request (gzip included) and enforces the size limit itself
(RESOURCE_EXHAUSTED). Busy answers RESOURCE_EXHAUSTED with a ``RetryInfo``
trailer, as the OTLP spec asks for a retryable one; a receiver that cannot store
answers UNAVAILABLE; both are retried by OTLP clients.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor

import grpc
from google.protobuf.duration_pb2 import Duration
from google.rpc.error_details_pb2 import RetryInfo
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2_grpc
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from collector.codec import BadRequest, span_count, store_line, validate
from collector.sink import Busy, Sink, Unavailable

__all__ = ["build_server"]

log = logging.getLogger("coordgap.collect")


class _TraceService(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(
        self,
        sink: Sink,
        retry_after: int,
        authorized: Callable[[str | None], bool],
        executor: Executor,
    ) -> None:
        self.sink = sink
        self.authorized = authorized
        self.executor = executor
        retry = RetryInfo(retry_delay=Duration(seconds=retry_after))
        self.retry_trailer = (("google.rpc.retryinfo-bin", retry.SerializeToString()),)

    async def Export(  # noqa: N802 - the generated service's method name
        self, request: ExportTraceServiceRequest, context: grpc.aio.ServicerContext
    ) -> ExportTraceServiceResponse:
        metadata = dict(context.invocation_metadata() or ())
        token = metadata.get("authorization")
        if not self.authorized(token if isinstance(token, str) else None):
            log.warning("grpc %s: UNAUTHENTICATED missing or wrong bearer token", context.peer())
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or wrong bearer token")
        try:
            validate(request)
        except BadRequest as exc:
            log.warning("grpc %s: INVALID_ARGUMENT %s", context.peer(), exc)
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        spans = span_count(request)
        if spans:
            loop = asyncio.get_running_loop()
            line = await loop.run_in_executor(self.executor, store_line, request)
            try:
                await self.sink.submit(line, spans)
            except Busy as exc:
                await context.abort(
                    grpc.StatusCode.RESOURCE_EXHAUSTED,
                    str(exc),
                    trailing_metadata=self.retry_trailer,
                )
            except Unavailable as exc:
                log.warning("grpc %s: UNAVAILABLE %s", context.peer(), exc)
                await context.abort(
                    grpc.StatusCode.UNAVAILABLE, str(exc), trailing_metadata=self.retry_trailer
                )
        return ExportTraceServiceResponse()


def build_server(
    sink: Sink,
    *,
    address: str,
    max_body: int,
    retry_after: int,
    authorized: Callable[[str | None], bool],
    executor: Executor,
) -> grpc.aio.Server:
    """A grpc.aio server bound to ``address`` (not started)."""
    server = grpc.aio.server(
        options=[
            ("grpc.max_receive_message_length", max_body),
            ("grpc.so_reuseport", 0),  # a second receiver on the same port must fail, not share
        ]
    )
    trace_service_pb2_grpc.add_TraceServiceServicer_to_server(
        _TraceService(sink, retry_after, authorized, executor), server
    )
    try:
        port = server.add_insecure_port(address)
    except RuntimeError as exc:  # grpcio >= 1.5x raises instead of returning 0
        raise OSError(f"cannot bind gRPC on {address}: {exc}") from None
    if port == 0:
        raise OSError(f"cannot bind gRPC on {address}")
    return server
