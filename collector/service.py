"""The receiver as a service: settings, both listeners, signals, shutdown.

:func:`run` blocks until SIGTERM or SIGINT, then stops listening, answers every
request it had accepted (their lines are written and fsynced first), calls the
tick hook a last time and returns. Nothing here knows about analysis: the CLI
passes ``on_tick`` (e.g. an ingest into the database) when it wants one.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import resource
import signal
import socket
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from collector.limits import Budget, Connections, Throttled, return_large_frees
from collector.otlp_grpc import build_server
from collector.otlp_http import LOGS_PATH, TRACES_PATH, build_app
from collector.pipeline import Limits, Pipeline
from collector.sink import Sink

__all__ = ["TOKEN_ENV", "Settings", "is_loopback", "run", "serve"]

log = logging.getLogger("coordgap.collect")

#: the bearer token every request must carry; required to bind beyond loopback
TOKEN_ENV = "COORDGAP_COLLECT_TOKEN"
#: file descriptors kept free of HTTP connections (store file, gRPC, the ingest hook)
FD_RESERVE = 64
#: at a limit, a connection that sent nothing for this long may be closed for a new one
STALL_SECONDS = 1.0
#: the listening socket's backlog: connections over the cap wait there
BACKLOG = 1024


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def host_port(host: str, port: int) -> str:
    """``host:port`` with an IPv6 address in brackets (``[::1]:4317``)."""
    bare = host.strip("[]")
    try:
        if ipaddress.ip_address(bare).version == 6:
            return f"[{bare}]:{port}"
    except ValueError:
        pass
    return f"{host}:{port}"


def connection_cap(wanted: int, listeners: int = 1) -> int:
    """``wanted`` connections per listener (HTTP, gRPC), lowered so that all of them
    together leave :data:`FD_RESERVE` descriptors of RLIMIT_NOFILE free."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, (soft - FD_RESERVE) // max(1, listeners)))


@dataclass(frozen=True)
class Settings:
    """What ``coordgap collect`` runs with. Impossible settings raise ``ValueError`` here."""

    directory: Path
    host: str = "127.0.0.1"
    http_port: int | None = 4318
    grpc_port: int | None = 4317
    token: str | None = None
    max_body: int = 16 << 20
    max_queue: int = 64
    max_queue_bytes: int = 64 << 20
    max_inflight: int = 256 << 20
    max_connections: int = 1000
    read_timeout: float = 30.0
    min_free_bytes: int = 256 << 20
    retry_after: int = 2
    shutdown_grace: float = 30.0
    tick_every: float | None = None

    def __post_init__(self) -> None:
        if self.http_port is None and self.grpc_port is None:
            raise ValueError("nothing to serve: both HTTP and gRPC are off")
        if not self.token and not is_loopback(self.host):
            raise ValueError(
                f"refusing to listen on {self.host} without a token: "
                f"set {TOKEN_ENV} (clients send 'Authorization: Bearer <token>')"
            )
        if self.max_body < 1024 or self.max_queue < 1:
            raise ValueError("max_body must be at least 1024 bytes and max_queue at least 1")
        if self.max_queue_bytes < 1024 or self.max_inflight < 1024:
            raise ValueError("the queue and in-flight byte limits must be at least 1024 bytes")
        if self.max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        if not self.read_timeout > 0:
            raise ValueError("the read timeout must be positive")
        if self.tick_every is not None and self.tick_every <= 0:
            raise ValueError("the ingest interval must be positive")

    def authorizer(self) -> Callable[[str | None], bool]:
        """A check of an ``Authorization`` header value against the token (any value when none)."""
        if not self.token:
            return lambda _header: True
        expected = self.token.encode()

        def check(header: str | None) -> bool:
            # "Bearer" in any case (RFC 9110 §11.1); a header that is not text never matches
            scheme, _, credentials = (header or "").strip().partition(" ")
            try:
                given = credentials.strip().encode("utf-8")
            except UnicodeError:
                return False
            return scheme.lower() == "bearer" and hmac.compare_digest(given, expected)

        return check


async def serve(
    settings: Settings,
    stop: asyncio.Event,
    *,
    on_tick: Callable[[], None] | None = None,
    ready: Callable[[], None] | None = None,
) -> Sink:
    """Serve until ``stop`` is set, then shut down gracefully; return the sink (its stats)."""
    sink = Sink(
        settings.directory,
        max_queue=settings.max_queue,
        max_queue_bytes=settings.max_queue_bytes,
        min_free_bytes=settings.min_free_bytes,
    )
    sink.start()
    executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="coordgap-collect")
    authorized = settings.authorizer()
    throttled = Throttled()
    listening = (settings.http_port is not None) + (settings.grpc_port is not None)
    cap = connection_cap(settings.max_connections, listening)
    connections = Connections(cap, stall=STALL_SECONDS, throttled=throttled)
    budget = Budget(settings.max_inflight, relieve=connections.relieve_memory)
    limits = Limits(settings.max_body, settings.read_timeout, settings.retry_after)
    pipeline = Pipeline(sink, budget, executor, limits, throttled)
    runner: web.AppRunner | None = None
    listeners: list[socket.socket] = []
    grpc_server = None
    where: list[str] = []
    try:
        if settings.http_port is not None:
            app = build_app(pipeline, authorized=authorized, connections=connections)
            runner = web.AppRunner(
                app,
                handle_signals=False,
                access_log=None,
                shutdown_timeout=settings.shutdown_grace,
                # aiohttp's own knob closes a connection whose request headers are not
                # complete in time; the body is held to the same deadline by the handler
                keepalive_timeout=settings.read_timeout,
                auto_decompress=False,  # bodies are decompressed whole, bounded, off the loop
            )
            await runner.setup()
            listeners = _listen(settings.host, settings.http_port)
            assert runner.server is not None
            for sock in listeners:
                connections.start(sock, runner.server)
            base = f"http://{host_port(settings.host, settings.http_port)}"
            where.append(f"{base}{TRACES_PATH} and {LOGS_PATH}")
        if settings.grpc_port is not None:
            address = host_port(settings.host, settings.grpc_port)
            grpc_server = build_server(
                pipeline, address=address, authorized=authorized, max_connections=cap
            )
            await grpc_server.start()
            where.append(f"grpc {address}")
        log.info(
            "listening on %s -> %s%s",
            ", ".join(where),
            settings.directory,
            " (bearer token required)" if settings.token else "",
        )
        if ready is not None:
            ready()
        await _wait(stop, pipeline, connections, settings, on_tick)
        log.info("stopping: finishing %d accepted request(s)", sink.queued)
    finally:
        await connections.stop()
        for sock in listeners:
            sock.close()
        if grpc_server is not None:
            await grpc_server.stop(settings.shutdown_grace)
        if runner is not None:
            await runner.cleanup()
        await sink.close()
        if on_tick is not None:
            await _tick(on_tick, executor)
        executor.shutdown(wait=True)
    s = sink.stats
    log.info(
        "stopped: %d span(s) and %d log record(s) in %d request(s) stored; "
        "%d busy, %d unavailable answer(s)",
        s.spans,
        s.log_records,
        s.requests,
        s.busy,
        s.unavailable,
    )
    return sink


def _listen(host: str, port: int) -> list[socket.socket]:
    """Listening, non-blocking sockets for every address ``host`` resolves to."""
    infos = socket.getaddrinfo(
        host.strip("[]") or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )
    socks: list[socket.socket] = []
    try:
        for family, kind, proto, _name, addr in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            socks.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(addr)
            sock.listen(BACKLOG)
            sock.setblocking(False)
    except OSError:
        for sock in socks:
            sock.close()
        raise
    return socks


async def _wait(
    stop: asyncio.Event,
    pipeline: Pipeline,
    connections: Connections,
    settings: Settings,
    on_tick: Callable[[], None] | None,
) -> None:
    """Wait for ``stop``; meanwhile log progress every 10 s and call the tick hook."""
    sink = pipeline.sink
    last_log = last_tick = time.monotonic()
    logged: tuple[int, ...] = (0, 0, 0)
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except TimeoutError:
            pass
        now = time.monotonic()
        s, p = sink.stats, pipeline.stats
        refused = s.busy + s.unavailable + p.timeouts + connections.evictions
        seen = (s.requests, refused, len(connections.conns))
        if now - last_log >= 10.0 and seen != logged:
            logged = seen
            last_log = now
            log.info(
                "%d span(s) and %d log record(s) stored in %d request(s); %d busy, "
                "%d unavailable, %d timed out, "
                "%d stalled connection(s) closed; %d queued, %d connection(s), %d bytes in flight",
                s.spans,
                s.log_records,
                s.requests,
                s.busy + p.budget_busy,
                s.unavailable,
                p.timeouts,
                connections.evictions,
                sink.queued,
                len(connections.conns),
                pipeline.budget.used,
            )
        if on_tick is not None and settings.tick_every and now - last_tick >= settings.tick_every:
            last_tick = now
            await _tick(on_tick, pipeline.executor)


async def _tick(on_tick: Callable[[], None], executor: Executor) -> None:
    try:
        await asyncio.get_running_loop().run_in_executor(executor, on_tick)
    except Exception as exc:  # the hook's failure must not stop the receiver
        log.error("periodic hook failed: %s", exc)


def run(settings: Settings, *, on_tick: Callable[[], None] | None = None) -> Sink:
    """Serve in the foreground until SIGTERM or SIGINT (graceful shutdown)."""
    return_large_frees()

    async def main() -> Sink:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        return await serve(settings, stop, on_tick=on_tick)

    return asyncio.run(main())
