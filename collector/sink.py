"""The receiver's write path: a bounded queue in front of the local-store writer.

Requests are queued whole (one store line each). A single writer task takes
what is queued, appends it in one write through the tracer's
:class:`~tracer.store_format.StoreFile`, fsyncs, and only then resolves each
request's future: a client is told "stored" only for lines that are on disk. A
full queue (``max_queue`` requests or ``max_queue_bytes`` bytes of lines) or a
disk below the floor refuses at once (the client retries). When the exporter
starts a new file, the directory is fsynced too, so the file's name survives a
power loss along with its first lines.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracer.store_format import StoreFile

__all__ = ["Busy", "Sink", "SinkStats", "Unavailable"]

log = logging.getLogger("coordgap.collect")

#: most bytes one write (and fsync) takes off the queue at once
_GROUP_BYTES = 8 << 20


class Busy(Exception):
    """The queue is full: retry after a moment (HTTP 429, gRPC RESOURCE_EXHAUSTED)."""


class Unavailable(Exception):
    """Not accepting now (disk floor, shutting down, write failed): HTTP 503, UNAVAILABLE."""


@dataclass
class SinkStats:
    """Counters since start (read by the periodic log line and tests)."""

    requests: int = 0
    spans: int = 0
    log_records: int = 0
    bytes: int = 0
    busy: int = 0
    unavailable: int = 0
    write_errors: int = 0


@dataclass
class _Item:
    line: bytes
    spans: int
    log_records: int
    done: asyncio.Future[None] = field(repr=False)


class Sink:
    """Bounded, durable append of store lines. Create and use inside one event loop."""

    def __init__(
        self,
        directory: Path,
        *,
        max_queue: int,
        min_free_bytes: int,
        max_queue_bytes: int = 64 << 20,
    ) -> None:
        if max_queue < 1 or max_queue_bytes < 1:
            raise ValueError("max_queue and max_queue_bytes must be at least 1")
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.store = StoreFile(self.directory)
        self.min_free_bytes = min_free_bytes
        self.stats = SinkStats()
        self._queue: asyncio.Queue[_Item] = asyncio.Queue(maxsize=max_queue)
        self.max_queue_bytes = max_queue_bytes
        self.queued_bytes = 0
        self._closing = False
        self._free_checked = 0.0
        self._free_ok = True
        self._writer: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the writer task."""
        self._writer = asyncio.get_running_loop().create_task(self._write_loop())

    async def submit(self, line: bytes, spans: int, log_records: int = 0) -> None:
        """Queue ``line`` (holding ``spans`` spans and ``log_records`` log records, for
        the stats) and return once it is on disk; raise Busy or Unavailable."""
        if self._closing:
            self.stats.unavailable += 1
            raise Unavailable("shutting down")
        if not self._disk_ok():
            self.stats.unavailable += 1
            raise Unavailable(f"free disk space under the floor of {self.min_free_bytes} bytes")
        # one line larger than the whole byte bound still goes in alone
        if self.queued_bytes and self.queued_bytes + len(line) > self.max_queue_bytes:
            self.stats.busy += 1
            raise Busy(f"queue full ({self.queued_bytes} bytes waiting)")
        item = _Item(line, spans, log_records, asyncio.get_running_loop().create_future())
        try:
            self._queue.put_nowait(item)
        except asyncio.QueueFull:
            self.stats.busy += 1
            raise Busy(f"queue full ({self._queue.maxsize} requests waiting)") from None
        self.queued_bytes += len(line)
        await asyncio.shield(item.done)

    async def close(self) -> None:
        """Refuse new lines, write every line already accepted, close the file."""
        self._closing = True
        await self._queue.join()
        if self._writer is not None:
            self._writer.cancel()
        self.store.shutdown()

    @property
    def queued(self) -> int:
        """Requests waiting for the writer."""
        return self._queue.qsize()

    def _disk_ok(self) -> bool:
        now = time.monotonic()
        if now - self._free_checked >= 1.0:
            self._free_checked = now
            try:
                self._free_ok = shutil.disk_usage(self.directory).free >= self.min_free_bytes
            except OSError:
                self._free_ok = False
        return self._free_ok

    async def _write_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self._queue.get()]
            size = len(batch[0].line)
            while size < _GROUP_BYTES and not self._queue.empty():
                batch.append(self._queue.get_nowait())
                size += len(batch[-1].line)
            data = b"".join(item.line for item in batch)
            self.queued_bytes -= size
            try:
                await loop.run_in_executor(None, self._append, data)
            except OSError as exc:
                self.stats.write_errors += 1
                log.error(
                    "write to %s failed: %s; %d request(s) refused", self.directory, exc, len(batch)
                )
                # A failed write may have left a partial line: continue in a new file.
                self.store.shutdown()
                for item in batch:
                    if not item.done.done():
                        item.done.set_exception(Unavailable(f"write failed: {exc.strerror or exc}"))
            else:
                for item in batch:
                    self.stats.requests += 1
                    self.stats.spans += item.spans
                    self.stats.log_records += item.log_records
                    self.stats.bytes += len(item.line)
                    if not item.done.done():
                        item.done.set_result(None)
            finally:
                for _ in batch:
                    self._queue.task_done()

    def _append(self, data: bytes) -> None:
        before = self.store.path
        self.store.append(data, durable=True)
        if self.store.path != before:  # a new file: make its directory entry durable too
            _fsync_directory(self.directory)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
