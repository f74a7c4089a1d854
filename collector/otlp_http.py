"""OTLP/HTTP on aiohttp: ``POST /v1/traces``, protobuf or JSON, gzip, chunked.

aiohttp parses HTTP (chunked bodies included) and undoes ``Content-Encoding:
gzip``; its ``client_max_size`` caps the decoded body (413). Answers follow the
OTLP/HTTP spec: 200 with an ``ExportTraceServiceResponse`` in the request's
encoding; 400 with a ``google.rpc.Status`` naming the reason; 429/503 with
``Retry-After`` when the receiver is busy or cannot store, which OTLP clients retry.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor

from aiohttp import web
from google.rpc.status_pb2 import Status
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from collector.codec import BadRequest, decode_json, decode_protobuf, span_count, store_line
from collector.sink import Busy, Sink, Unavailable

__all__ = ["TRACES_PATH", "build_app"]

log = logging.getLogger("coordgap.collect")

TRACES_PATH = "/v1/traces"
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_PROTOBUF = "application/x-protobuf"
_JSON = "application/json"
#: gRPC code numbers used in google.rpc.Status bodies
_INVALID_ARGUMENT, _RESOURCE_EXHAUSTED, _UNAVAILABLE, _UNAUTHENTICATED = 3, 8, 14, 16


def build_app(
    sink: Sink,
    *,
    max_body: int,
    retry_after: int,
    authorized: Callable[[str | None], bool],
    executor: Executor,
) -> web.Application:
    """The aiohttp application serving ``POST /v1/traces`` into ``sink``."""

    async def traces(request: web.Request) -> web.Response:
        ctype = (request.content_type or "").lower()
        is_json = ctype == _JSON
        if ctype not in (_PROTOBUF, _JSON):
            return _status(
                415,
                _INVALID_ARGUMENT,
                f"content type {ctype!r}: send {_PROTOBUF} or {_JSON}",
                is_json,
            )
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            log.warning("http %s: 413 body over %d bytes", request.remote, max_body)
            return _status(413, _INVALID_ARGUMENT, f"body over {max_body} bytes", is_json)
        except (ValueError, OSError) as exc:  # e.g. broken gzip stream
            return _bad(request, f"unreadable body: {exc}", is_json)
        loop = asyncio.get_running_loop()
        try:
            line, spans = await loop.run_in_executor(executor, _encode, body, is_json)
        except BadRequest as exc:
            return _bad(request, str(exc), is_json)
        if spans:
            try:
                await sink.submit(line, spans)
            except Busy as exc:
                return _status(429, _RESOURCE_EXHAUSTED, str(exc), is_json, retry_after)
            except Unavailable as exc:
                log.warning("http %s: 503 %s", request.remote, exc)
                return _status(503, _UNAVAILABLE, str(exc), is_json, retry_after)
        return _ok(is_json)

    @web.middleware
    async def auth(request: web.Request, handler: _Handler) -> web.StreamResponse:
        # every request, whatever its path, before its body is read
        if not authorized(request.headers.get("Authorization")):
            log.warning("http %s: 401 missing or wrong bearer token", request.remote)
            is_json = (request.content_type or "").lower() == _JSON
            return _status(401, _UNAUTHENTICATED, "missing or wrong bearer token", is_json)
        return await handler(request)

    app = web.Application(client_max_size=max_body, middlewares=[auth])
    app.router.add_post(TRACES_PATH, traces)
    return app


def _encode(body: bytes, is_json: bool) -> tuple[bytes, int]:
    request: ExportTraceServiceRequest = decode_json(body) if is_json else decode_protobuf(body)
    return store_line(request), span_count(request)


def _ok(is_json: bool) -> web.Response:
    if is_json:
        return web.Response(body=b"{}", content_type=_JSON)
    return web.Response(
        body=ExportTraceServiceResponse().SerializeToString(), content_type=_PROTOBUF
    )


def _bad(request: web.Request, reason: str, is_json: bool) -> web.Response:
    log.warning("http %s: 400 %s", request.remote, reason)
    return _status(400, _INVALID_ARGUMENT, reason, is_json)


def _status(
    http: int, code: int, message: str, is_json: bool, retry_after: int | None = None
) -> web.Response:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    if is_json:
        body = json.dumps({"code": code, "message": message}).encode()
        return web.Response(status=http, body=body, content_type=_JSON, headers=headers)
    status = Status(code=code, message=message).SerializeToString()
    return web.Response(status=http, body=status, content_type=_PROTOBUF, headers=headers)
