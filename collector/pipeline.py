"""The path every request takes after its body arrived, shared by OTLP/HTTP and gRPC,
traces and logs alike (the request's :class:`~collector.kinds.Kind` says which).

A body is decompressed (bounded), decoded and re-encoded as one store line off
the event loop, then queued on the :class:`~collector.sink.Sink`. Every byte on
the way counts against one :class:`~collector.limits.Budget`: the received body
while it is held, an estimate of the decoding's cost while it runs
(:data:`DECODE_COST` times the decompressed size, the most one conversion may
take being the whole budget), and the store line while it waits to be written.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from dataclasses import dataclass

from collector.codec import decode_json, decode_protobuf, decompress, store_line
from collector.kinds import TRACES, Kind
from collector.limits import Budget, Throttled
from collector.sink import Busy, Sink

__all__ = ["DECODE_COST", "Limits", "Pipeline", "PipelineStats"]

#: bytes of memory decoding and re-encoding takes per decompressed byte (measured
#: peak for a 16 MB protobuf request, with headroom; see docs/collect.md)
DECODE_COST = 10


@dataclass(frozen=True)
class Limits:
    """The per-request limits both protocols apply."""

    max_body: int
    read_timeout: float
    retry_after: int


@dataclass
class PipelineStats:
    """Refusals the limits caused (read by the periodic log line and tests)."""

    timeouts: int = 0
    budget_busy: int = 0


class Pipeline:
    """Decode and queue request bodies within one in-flight byte budget."""

    def __init__(
        self, sink: Sink, budget: Budget, executor: Executor, limits: Limits, throttled: Throttled
    ) -> None:
        self.sink = sink
        self.budget = budget
        self.executor = executor
        self.limits = limits
        self.throttled = throttled
        self.stats = PipelineStats()

    async def convert(
        self, chunks: list[bytes], held: int, encoding: str, is_json: bool, kind: Kind = TRACES
    ) -> tuple[bytes, int]:
        """The store line and item count (spans, log records) of a ``kind`` request
        whose body was received as ``chunks``, of which ``held`` bytes are reserved
        and given back here. Raises BadRequest, TooLarge, or Busy when the budget
        stays full for the read deadline."""
        loop = asyncio.get_running_loop()
        try:
            data = await loop.run_in_executor(
                self.executor, decompress, chunks, encoding, self.limits.max_body
            )
        finally:
            chunks.clear()
            self.budget.give(held)
        try:
            reserved = await asyncio.wait_for(
                self.budget.take(len(data) * DECODE_COST), timeout=self.limits.read_timeout
            )
        except TimeoutError:
            self.stats.budget_busy += 1
            raise Busy(f"bytes in flight at the limit ({self.budget.limit} bytes)") from None
        try:
            return await loop.run_in_executor(self.executor, _encode, data, is_json, kind)
        finally:
            self.budget.give(reserved)

    async def store(self, line: bytes, items: int, kind: Kind = TRACES) -> None:
        """Queue ``line`` (``items`` spans or log records, as ``kind`` says) and return
        once it is on disk; Busy when the budget is full, Busy or Unavailable from
        the sink. A request with no item writes nothing."""
        if not items:
            return
        if not self.budget.try_take(len(line)):
            self.stats.budget_busy += 1
            raise Busy(f"bytes in flight at the limit ({self.budget.limit} bytes)")
        try:
            await self.sink.submit(line, *_counts(items, kind))
        finally:
            self.budget.give(self.budget.fit(len(line)))


def _encode(body: bytes, is_json: bool, kind: Kind) -> tuple[bytes, int]:
    request = decode_json(body, kind) if is_json else decode_protobuf(body, kind)
    return store_line(request, kind), kind.count(request)


def _counts(items: int, kind: Kind) -> tuple[int, int]:
    """(spans, log records) of a request of ``items`` items of ``kind``."""
    return (items, 0) if kind is TRACES else (0, items)
