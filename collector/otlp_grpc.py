"""OTLP/gRPC on grpcio's asyncio server: ``TraceService/Export`` and
``LogsService/Export``, one service class made for each request kind.

Each Export method is registered by hand (a generic handler) as a client-streaming
method that takes raw bytes: the bearer token in the call's metadata is checked
before the request message is even received, so an unauthenticated call costs no
decompression and no parsing. An authenticated message is decoded off the event
loop under the in-flight byte budget; a malformed one is INVALID_ARGUMENT.
grpcio enforces the size limit itself (RESOURCE_EXHAUSTED). Busy answers
RESOURCE_EXHAUSTED with a ``RetryInfo`` trailer, as the OTLP spec asks for a
retryable one; a receiver that cannot store answers UNAVAILABLE; both are retried
by OTLP clients.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import grpc
from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import Message
from google.rpc.error_details_pb2 import RetryInfo

from collector.codec import BadRequest
from collector.kinds import KINDS, TRACES, Kind
from collector.pipeline import Pipeline
from collector.sink import Busy, Unavailable

__all__ = ["EXPORT_METHOD", "SERVICE", "build_server"]

SERVICE = TRACES.grpc_service
EXPORT_METHOD = "Export"


class _ExportService:
    """The Export method of one kind's service (TraceService, LogsService)."""

    def __init__(
        self, pipeline: Pipeline, authorized: Callable[[str | None], bool], kind: Kind
    ) -> None:
        self.kind = kind
        self.pipeline = pipeline
        self.authorized = authorized
        retry = RetryInfo(retry_delay=Duration(seconds=pipeline.limits.retry_after))
        self.retry_trailer = (("google.rpc.retryinfo-bin", retry.SerializeToString()),)

    async def export(
        self, messages: AsyncIterator[bytes], context: grpc.aio.ServicerContext
    ) -> Message:
        throttled = self.pipeline.throttled
        metadata = dict(context.invocation_metadata() or ())
        token = metadata.get("authorization")
        if not self.authorized(token if isinstance(token, str) else None):
            throttled.warning(
                "grpc-401", "grpc %s: UNAUTHENTICATED missing or wrong bearer token", context.peer()
            )
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or wrong bearer token")
        try:  # the whole request within the deadline, as over HTTP
            raw = await asyncio.wait_for(
                _one_message(messages, context), timeout=self.pipeline.limits.read_timeout
            )
        except TimeoutError:
            self.pipeline.stats.timeouts += 1
            throttled.warning(
                "grpc-deadline", "grpc %s: request not complete in time", context.peer()
            )
            await context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, "request not complete in time")
        budget = self.pipeline.budget
        try:
            held = await asyncio.wait_for(
                budget.take(len(raw)), timeout=self.pipeline.limits.read_timeout
            )
        except TimeoutError:
            await self._busy(context, Busy("bytes in flight at the limit"))
        try:
            line, items = await self.pipeline.convert([raw], held, "", False, self.kind)
        except BadRequest as exc:
            throttled.warning("grpc-400", "grpc %s: INVALID_ARGUMENT %s", context.peer(), exc)
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        except Busy as exc:
            await self._busy(context, exc)
        try:
            await self.pipeline.store(line, items, self.kind)
        except Busy as exc:
            await self._busy(context, exc)
        except Unavailable as exc:
            throttled.warning("grpc-503", "grpc %s: UNAVAILABLE %s", context.peer(), exc)
            await context.abort(
                grpc.StatusCode.UNAVAILABLE, str(exc), trailing_metadata=self.retry_trailer
            )
        return self.kind.response()

    async def _busy(self, context: grpc.aio.ServicerContext, exc: Exception) -> None:
        await context.abort(
            grpc.StatusCode.RESOURCE_EXHAUSTED, str(exc), trailing_metadata=self.retry_trailer
        )


async def _one_message(messages: AsyncIterator[bytes], context: grpc.aio.ServicerContext) -> bytes:
    """The call's single request message (Export is unary on the client's side)."""
    async for raw in messages:
        return bytes(raw)
    await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "no request message")
    raise AssertionError("unreachable: abort raises")


def build_server(
    pipeline: Pipeline,
    *,
    address: str,
    authorized: Callable[[str | None], bool],
    max_connections: int,
) -> grpc.aio.Server:
    """A grpc.aio server bound to ``address`` (not started), with grpc core's own
    connection cap and handshake deadline."""
    server = grpc.aio.server(
        options=[
            ("grpc.max_receive_message_length", pipeline.limits.max_body),
            ("grpc.so_reuseport", 0),  # a second receiver on the same port must fail, not share
            ("grpc.max_allowed_incoming_connections", max_connections),
            ("grpc.server_handshake_timeout_ms", int(pipeline.limits.read_timeout * 1000)),
        ]
    )
    server.add_generic_rpc_handlers(
        tuple(_generic_handler(_ExportService(pipeline, authorized, kind)) for kind in KINDS)
    )
    try:
        port = server.add_insecure_port(address)
    except RuntimeError as exc:  # grpcio >= 1.5x raises instead of returning 0
        raise OSError(f"cannot bind gRPC on {address}: {exc}") from None
    if port == 0:
        raise OSError(f"cannot bind gRPC on {address}")
    return server


def _generic_handler(service: _ExportService) -> grpc.GenericRpcHandler:
    # no request deserializer: the handler gets bytes, and only after the token check
    handler = grpc.stream_unary_rpc_method_handler(
        service.export,
        request_deserializer=None,
        response_serializer=service.kind.response.SerializeToString,
    )
    return grpc.method_handlers_generic_handler(service.kind.grpc_service, {EXPORT_METHOD: handler})
