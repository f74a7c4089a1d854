"""OTLP/HTTP on aiohttp: ``POST /v1/traces`` and ``/v1/logs``, protobuf or JSON,
gzip, chunked; one handler, made for each request kind.

aiohttp parses HTTP (chunked bodies included). The body is read as it arrives,
still compressed, each chunk counted against the in-flight :class:`Budget`,
within the connection's whole-request deadline (408 after it); only a complete
body is decompressed (bounded: 413 over the size limit) and decoded, off the
event loop. Answers follow the OTLP/HTTP spec: 200 with the kind's
``Export*ServiceResponse`` in the request's encoding; 400 with a
``google.rpc.Status`` naming the reason; 429/503 with ``Retry-After`` when the
receiver is busy or cannot store, which OTLP clients retry.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from google.rpc.status_pb2 import Status

from collector.codec import BadRequest, TooLarge
from collector.kinds import KINDS, LOGS, TRACES, Kind
from collector.limits import Connections, Phase
from collector.pipeline import Pipeline
from collector.sink import Busy, Unavailable

__all__ = ["LOGS_PATH", "TRACES_PATH", "build_app"]

log = logging.getLogger("coordgap.collect")

TRACES_PATH = TRACES.path
LOGS_PATH = LOGS.path
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_PROTOBUF = "application/x-protobuf"
_JSON = "application/json"
#: gRPC code numbers used in google.rpc.Status bodies
_INVALID_ARGUMENT, _RESOURCE_EXHAUSTED, _UNAVAILABLE, _UNAUTHENTICATED = 3, 8, 14, 16


@dataclass
class _Body:
    chunks: list[bytes]
    held: int = 0


def build_app(
    pipeline: Pipeline,
    *,
    authorized: Callable[[str | None], bool],
    connections: Connections | None = None,
) -> web.Application:
    """The aiohttp application serving ``POST /v1/traces`` and ``POST /v1/logs``
    through ``pipeline``.

    ``connections`` (when the receiver accepts connections itself) gives each
    request its connection's deadline and phase; without it the deadline starts
    when the handler does."""
    limits = pipeline.limits

    async def read_body(request: web.Request, deadline: float, body: _Body) -> None:
        async with asyncio.timeout_at(deadline):
            while chunk := await request.content.readany():
                if body.held + len(chunk) > limits.max_body:
                    raise TooLarge(f"body over {limits.max_body} bytes")
                await pipeline.budget.take(
                    len(chunk), alive=lambda: _open(request), holding=body.held
                )
                body.held += len(chunk)
                body.chunks.append(chunk)

    def export(kind: Kind) -> _Handler:
        async def handler(request: web.Request) -> web.Response:
            return await receive(request, kind)

        return handler

    async def receive(request: web.Request, kind: Kind) -> web.Response:
        ctype = (request.content_type or "").lower()
        is_json = ctype == _JSON
        if ctype not in (_PROTOBUF, _JSON):
            return _status(
                415,
                _INVALID_ARGUMENT,
                f"content type {ctype[:60]!r}: send {_PROTOBUF} or {_JSON}",
                is_json,
            )
        if (request.content_length or 0) > limits.max_body:  # refused before reading any of it
            resp = _status(413, _INVALID_ARGUMENT, f"body over {limits.max_body} bytes", is_json)
            resp.force_close()
            return resp
        loop = asyncio.get_running_loop()
        conn = connections.of(request.transport) if connections is not None else None
        start = conn.request_start if conn is not None else loop.time()
        body = _Body([])
        if conn is not None:
            conn.phase = Phase.BODY
        try:
            await read_body(request, start + limits.read_timeout, body)
            if conn is not None:
                conn.phase = Phase.SERVED
            encoding = request.headers.get("Content-Encoding", "")
            chunks, held = body.chunks, body.held
            body.chunks, body.held = [], 0
            line, items = await pipeline.convert(chunks, held, encoding, is_json, kind)
        except TimeoutError:
            pipeline.stats.timeouts += 1
            pipeline.throttled.warning(
                "deadline", "http: 408 request not complete within %g s", limits.read_timeout
            )
            resp = _status(408, _INVALID_ARGUMENT, "request not complete in time", is_json)
            resp.force_close()
            return resp
        except TooLarge as exc:
            pipeline.throttled.warning("413", "http %s: 413 %s", request.remote, exc)
            resp = _status(413, _INVALID_ARGUMENT, str(exc), is_json)
            resp.force_close()  # the rest of the body is not worth reading
            return resp
        except BadRequest as exc:
            return _bad(request, pipeline, str(exc), is_json)
        except Busy as exc:
            return _status(429, _RESOURCE_EXHAUSTED, str(exc), is_json, limits.retry_after)
        except ConnectionError:  # closed while its body was read: there is no one to answer
            resp = web.Response(status=400)
            resp.force_close()
            return resp
        finally:
            # dropped here, not when a cycle through this frame is collected
            body.chunks.clear()
            if body.held:
                pipeline.budget.give(body.held)
        try:
            await pipeline.store(line, items, kind)
        except Busy as exc:
            return _status(429, _RESOURCE_EXHAUSTED, str(exc), is_json, limits.retry_after)
        except Unavailable as exc:
            pipeline.throttled.warning("503", "http %s: 503 %s", request.remote, exc)
            return _status(503, _UNAVAILABLE, str(exc), is_json, limits.retry_after)
        return _ok(is_json, kind)

    @web.middleware
    async def auth(request: web.Request, handler: _Handler) -> web.StreamResponse:
        # every request, whatever its path, before its body is read
        try:
            if not authorized(request.headers.get("Authorization")):
                pipeline.throttled.warning(
                    "401", "http %s: 401 missing or wrong bearer token", request.remote
                )
                is_json = (request.content_type or "").lower() == _JSON
                resp = _status(401, _UNAUTHENTICATED, "missing or wrong bearer token", is_json)
                resp.force_close()  # its body is never read
                return resp
            return await handler(request)
        finally:
            conn = connections.of(request.transport) if connections is not None else None
            if conn is not None:  # the next request's deadline starts now
                conn.phase = Phase.IDLE
                conn.request_start = asyncio.get_running_loop().time()

    # the body is read by the handler, compressed, under the in-flight budget
    app = web.Application(client_max_size=limits.max_body, middlewares=[auth])
    for kind in KINDS:
        app.router.add_post(kind.path, export(kind))
    return app


def _open(request: web.Request) -> bool:
    transport = request.transport
    return transport is not None and not transport.is_closing()


def _ok(is_json: bool, kind: Kind) -> web.Response:
    if is_json:
        return web.Response(body=b"{}", content_type=_JSON)
    return web.Response(body=kind.response().SerializeToString(), content_type=_PROTOBUF)


def _bad(request: web.Request, pipeline: Pipeline, reason: str, is_json: bool) -> web.Response:
    pipeline.throttled.warning("400", "http %s: 400 %s", request.remote, reason)
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
