"""What keeps the receiver's memory and file descriptors bounded under slow or hostile peers.

:class:`Budget` counts the bytes in flight across all connections (bodies being
read, decoded, queued); a request that needs more than is free waits, and
first asks its ``relieve`` callback to close a stalled connection.
:class:`Connections` accepts HTTP connections itself (aiohttp has no cap on
connections): at most ``limit`` are open; at the cap a new connection replaces
the one that has sent nothing for longest (at least ``stall`` seconds), or waits
in the kernel's backlog until one closes. It records per connection when the
current request began, for the whole-request deadline, and when bytes last came.
:class:`Throttled` logs a recurring failure at most once per interval.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import enum
import heapq
import logging
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Budget", "Conn", "Connections", "Phase", "Throttled", "return_large_frees"]

log = logging.getLogger("coordgap.collect")

#: glibc's mallopt parameter number for the mmap threshold
_M_MMAP_THRESHOLD = -3


def return_large_frees(threshold: int = 64 << 10) -> bool:
    """Have glibc allocate blocks of ``threshold`` bytes and more with mmap, so they go
    back to the system when freed. Body chunks (up to 256 KiB each) come and go by the
    thousand; under glibc's default moving threshold they end up on the heap, and the
    process keeps their memory after the connections close. True when set (glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = getattr(libc, "mallopt", None)
    except OSError:
        return False
    return bool(mallopt is not None and mallopt(_M_MMAP_THRESHOLD, threshold) == 1)


class Throttled:
    """Logs a message at most once per ``every`` seconds, with how many were held back."""

    def __init__(self, every: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._last: dict[str, float] = {}
        self._held: dict[str, int] = {}

    def warning(self, key: str, message: str, *args: object) -> None:
        now = self.clock()
        if key in self._last and now - self._last[key] < self.every:
            self._held[key] = self._held.get(key, 0) + 1
            return
        self._last[key] = now
        held = self._held.pop(key, 0)
        suffix = f" ({held} more like it in the last {self.every:g} s)" if held else ""
        log.warning(message + suffix, *args)


class Budget:
    """Bytes in flight, at most ``limit``. Use inside one event loop.

    Waiters are served smallest holder first: a request that holds fewer bytes
    (a new one, or one whose body is complete) goes before the bodies that
    already hold many, so a crowd of large slow bodies cannot starve small
    requests. A take larger than the whole limit is cut to the limit, so it runs
    alone rather than never.
    """

    def __init__(self, limit: int, relieve: Callable[[], bool] = lambda: False) -> None:
        if limit < 1:
            raise ValueError("the in-flight limit must be at least 1 byte")
        self.limit = limit
        self.used = 0
        self.peak = 0
        self.relieve = relieve
        self._waiters: list[tuple[int, int, int, asyncio.Future[None]]] = []
        self._seq = 0

    def fit(self, n: int) -> int:
        """What a take of ``n`` bytes actually reserves."""
        return min(n, self.limit)

    def try_take(self, n: int, holding: int = 0) -> bool:
        """Reserve ``fit(n)`` bytes if they are free now and no waiter holding fewer
        bytes than ``holding`` is ahead; True when reserved."""
        n = self.fit(n)
        if self.used + n > self.limit:
            return False
        if self._waiters and self._waiters[0][0] < holding:
            return False
        self._grant(n)
        return True

    async def take(self, n: int, alive: Callable[[], bool] = lambda: True, holding: int = 0) -> int:
        """Reserve ``fit(n)`` bytes, waiting for them; returns what was reserved.
        Callers bound the wait (``asyncio.timeout``); raises ConnectionResetError
        once ``alive()`` says the requester has gone."""
        if self.try_take(n, holding):
            return self.fit(n)
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._seq += 1
        heapq.heappush(self._waiters, (holding, self._seq, self.fit(n), waiter))
        try:
            while True:
                if not alive():
                    raise ConnectionResetError("the connection closed while waiting")
                if not waiter.done() and self.relieve():
                    await asyncio.sleep(0)  # the closed connection gives its bytes back
                try:
                    await asyncio.wait_for(asyncio.shield(waiter), timeout=0.25)
                    return self.fit(n)
                except TimeoutError:
                    pass  # look again for a stalled connection to close
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.give(self.fit(n))  # granted, but the taker has gone
            else:
                waiter.cancel()
            raise
        finally:
            self._waiters = [w for w in self._waiters if w[3] is not waiter]
            heapq.heapify(self._waiters)

    def give(self, n: int) -> None:
        """Return ``n`` reserved bytes; hand them to waiters, smallest holder first."""
        self.used = max(0, self.used - n)
        while self._waiters:
            _holding, _seq, want, waiter = self._waiters[0]
            if waiter.done():
                heapq.heappop(self._waiters)
                continue
            if self.used + want > self.limit:
                return
            heapq.heappop(self._waiters)
            self._grant(want)
            waiter.set_result(None)

    def _grant(self, n: int) -> None:
        self.used += n
        self.peak = max(self.peak, self.used)


class Phase(enum.Enum):
    """Where a connection is: between requests (or in headers), in a body, or waiting on us."""

    IDLE = "idle"
    BODY = "body"
    SERVED = "served"


@dataclass(eq=False)
class Conn:
    """One open HTTP connection."""

    transport: asyncio.BaseTransport
    request_start: float
    last_seen: float
    phase: Phase = Phase.IDLE
    held: int = 0
    evicted: bool = field(default=False)


class _Tracked(asyncio.Protocol):
    """Forwards to aiohttp's protocol, noting arrivals and the close for :class:`Connections`."""

    def __init__(self, owner: Connections, inner: Any) -> None:
        self.owner = owner
        self.inner = inner
        self.conn: Conn | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.conn = self.owner.opened(transport)
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.conn is not None:
            self.conn.last_seen = self.owner.loop.time()
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        result: bool | None = self.inner.eof_received()
        return result

    def connection_lost(self, exc: Exception | None) -> None:
        if self.conn is not None:
            self.owner.closed(self.conn)
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()


class Connections:
    """Own accept loop for a listening socket, with a cap and stalled-first eviction."""

    def __init__(self, limit: int, *, stall: float, throttled: Throttled) -> None:
        self.limit = limit
        self.stall = stall
        self.throttled = throttled
        self.loop = asyncio.get_running_loop()
        self.conns: dict[asyncio.BaseTransport, Conn] = {}
        self.evictions = 0
        self.peak = 0
        self._freed: asyncio.Event = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, sock: socket.socket, factory: Callable[[], Any]) -> None:
        """Accept on ``sock`` (listening, non-blocking) with protocols from ``factory``."""
        self._tasks.append(self.loop.create_task(self._accept_loop(sock, factory)))

    async def stop(self) -> None:
        """Stop accepting (open connections stay until the server closes them)."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

    def of(self, transport: asyncio.BaseTransport | None) -> Conn | None:
        """The connection record of ``transport`` (None once closed)."""
        return self.conns.get(transport) if transport is not None else None

    def opened(self, transport: asyncio.BaseTransport) -> Conn:
        now = self.loop.time()
        conn = Conn(transport, request_start=now, last_seen=now)
        self.conns[transport] = conn
        self.peak = max(self.peak, len(self.conns))
        return conn

    def closed(self, conn: Conn) -> None:
        self.conns.pop(conn.transport, None)
        self._freed.set()

    def evict_stalled(self, phases: tuple[Phase, ...] = (Phase.IDLE, Phase.BODY)) -> bool:
        """Close the connection in ``phases`` that has sent nothing for longest, if that is
        at least ``stall`` seconds; True when one was closed."""
        cutoff = self.loop.time() - self.stall
        stalled = [
            c
            for c in self.conns.values()
            if c.phase in phases and not c.evicted and c.last_seen <= cutoff
        ]
        if not stalled:
            return False
        victim = min(stalled, key=lambda c: c.last_seen)
        victim.evicted = True
        self.evictions += 1
        abort = getattr(victim.transport, "abort", victim.transport.close)
        abort()
        return True

    def relieve_memory(self) -> bool:
        """Budget pressure: close the longest-stalled connection that holds body bytes."""
        return self.evict_stalled((Phase.BODY,))

    async def _accept_loop(self, sock: socket.socket, factory: Callable[[], Any]) -> None:
        while True:
            try:
                client, _addr = await self.loop.sock_accept(sock)
            except OSError as exc:  # EMFILE, ENFILE, ENOBUFS: wait, say so once per interval
                self.throttled.warning("accept", "cannot accept a connection: %s", exc)
                await asyncio.sleep(0.1)
                continue
            await self._make_room()
            try:
                await self.loop.connect_accepted_socket(lambda: _Tracked(self, factory()), client)
            except OSError as exc:
                client.close()
                self.throttled.warning("accept", "cannot serve a connection: %s", exc)

    async def _make_room(self) -> None:
        """Return once a new connection may open: at the cap, evict a stalled one or wait."""
        while len(self.conns) >= self.limit:
            self._freed.clear()
            if not self.evict_stalled():
                self.throttled.warning(
                    "cap", "%d connections open (the cap): new ones wait", len(self.conns)
                )
            try:
                await asyncio.wait_for(self._freed.wait(), timeout=0.25)
            except TimeoutError:
                pass
