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
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from collector.otlp_grpc import build_server
from collector.otlp_http import TRACES_PATH, build_app
from collector.sink import Sink

__all__ = ["TOKEN_ENV", "Settings", "is_loopback", "run", "serve"]

log = logging.getLogger("coordgap.collect")

#: the bearer token every request must carry; required to bind beyond loopback
TOKEN_ENV = "COORDGAP_COLLECT_TOKEN"


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


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
        if self.tick_every is not None and self.tick_every <= 0:
            raise ValueError("the ingest interval must be positive")

    def authorizer(self) -> Callable[[str | None], bool]:
        """A check of an ``Authorization`` header value against the token (any value when none)."""
        if not self.token:
            return lambda _header: True
        expected = f"Bearer {self.token}".encode()

        def check(header: str | None) -> bool:
            return header is not None and hmac.compare_digest(header.encode(), expected)

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
        settings.directory, max_queue=settings.max_queue, min_free_bytes=settings.min_free_bytes
    )
    sink.start()
    executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="coordgap-collect")
    authorized = settings.authorizer()
    runner: web.AppRunner | None = None
    grpc_server = None
    where: list[str] = []
    try:
        if settings.http_port is not None:
            app = build_app(
                sink,
                max_body=settings.max_body,
                retry_after=settings.retry_after,
                authorized=authorized,
                executor=executor,
            )
            runner = web.AppRunner(app, handle_signals=False, access_log=None)
            await runner.setup()
            site = web.TCPSite(
                runner, settings.host, settings.http_port, shutdown_timeout=settings.shutdown_grace
            )
            await site.start()
            where.append(f"http://{settings.host}:{settings.http_port}{TRACES_PATH}")
        if settings.grpc_port is not None:
            grpc_server = build_server(
                sink,
                address=f"{settings.host}:{settings.grpc_port}",
                max_body=settings.max_body,
                retry_after=settings.retry_after,
                authorized=authorized,
                executor=executor,
            )
            await grpc_server.start()
            where.append(f"grpc {settings.host}:{settings.grpc_port}")
        log.info(
            "listening on %s -> %s%s",
            ", ".join(where),
            settings.directory,
            " (bearer token required)" if settings.token else "",
        )
        if ready is not None:
            ready()
        await _wait(stop, sink, settings, on_tick, executor)
        log.info("stopping: finishing %d accepted request(s)", sink.queued)
    finally:
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
        "stopped: %d span(s) in %d request(s) stored; %d busy, %d unavailable answer(s)",
        s.spans,
        s.requests,
        s.busy,
        s.unavailable,
    )
    return sink


async def _wait(
    stop: asyncio.Event,
    sink: Sink,
    settings: Settings,
    on_tick: Callable[[], None] | None,
    executor: ThreadPoolExecutor,
) -> None:
    """Wait for ``stop``; meanwhile log progress every 10 s and call the tick hook."""
    last_log = last_tick = time.monotonic()
    logged = (0, 0)
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except TimeoutError:
            pass
        now = time.monotonic()
        s = sink.stats
        if now - last_log >= 10.0 and (s.spans, s.busy + s.unavailable) != logged:
            logged = (s.spans, s.busy + s.unavailable)
            last_log = now
            log.info(
                "%d span(s) stored in %d request(s); %d busy, %d unavailable; %d queued",
                s.spans,
                s.requests,
                s.busy,
                s.unavailable,
                sink.queued,
            )
        if on_tick is not None and settings.tick_every and now - last_tick >= settings.tick_every:
            last_tick = now
            await _tick(on_tick, executor)


async def _tick(on_tick: Callable[[], None], executor: ThreadPoolExecutor) -> None:
    try:
        await asyncio.get_running_loop().run_in_executor(executor, on_tick)
    except Exception as exc:  # the hook's failure must not stop the receiver
        log.error("periodic hook failed: %s", exc)


def run(settings: Settings, *, on_tick: Callable[[], None] | None = None) -> Sink:
    """Serve in the foreground until SIGTERM or SIGINT (graceful shutdown)."""

    async def main() -> Sink:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        return await serve(settings, stop, on_tick=on_tick)

    return asyncio.run(main())
