"""A bounded load test of `coordgap collect` on loopback, with a kill -9 in the middle:
every span an OTLP client was told was stored is in the store afterwards."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
    OTLPSpanExporter as GrpcExporter,
)
from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
    OTLPSpanExporter as HttpExporter,
)
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)

from tests.collect_support import COORDGAP, start, stored_span_ids

pytestmark = pytest.mark.e2e

BATCHES_PER_CLIENT = 40
SPANS_PER_BATCH = 50


def _batch(tag: str, n: int) -> list[ReadableSpan]:
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    tracer = provider.get_tracer("load")
    for i in range(n):
        with tracer.start_as_current_span(f"{tag} {i}"):
            pass
    return list(memory.get_finished_spans())


class Client(threading.Thread):
    """Exports BATCHES_PER_CLIENT batches; records the ids of batches answered SUCCESS."""

    def __init__(self, name: str, exporter: HttpExporter | GrpcExporter) -> None:
        super().__init__(name=name, daemon=True)
        self.exporter = exporter
        self.acked: set[tuple[str, str]] = set()
        self.sent = 0
        self.failed_batches = 0

    def run(self) -> None:
        for b in range(BATCHES_PER_CLIENT):
            spans = _batch(f"{self.name}-{b}", SPANS_PER_BATCH)
            self.sent += len(spans)
            if self.exporter.export(spans) is SpanExportResult.SUCCESS:
                self.acked |= {
                    (format(s.context.trace_id, "032x"), format(s.context.span_id, "016x"))
                    for s in spans
                    if s.context is not None
                }
            else:
                self.failed_batches += 1


def test_every_acknowledged_span_is_stored_across_a_kill(tmp_path: Path) -> None:
    """Three clients (2 HTTP, 1 gRPC) against a queue of 2; the receiver is killed -9
    mid-stream and restarted on the same ports. Acknowledged spans are all stored,
    and `coordgap ingest` reads the store (a torn last line at most is skipped)."""
    directory = tmp_path / "spans"
    args = ("--max-queue", "2")
    receiver = start(directory, *args)
    clients = [
        Client("http-a", HttpExporter(endpoint=receiver.http_url, timeout=30)),
        Client("http-b", HttpExporter(endpoint=receiver.http_url, timeout=30)),
        Client("grpc", GrpcExporter(endpoint=receiver.grpc_target, insecure=True, timeout=30)),
    ]
    total = len(clients) * BATCHES_PER_CLIENT * SPANS_PER_BATCH
    for client in clients:
        client.start()
    # kill once a third of the spans have been acknowledged, while clients are sending
    deadline = time.monotonic() + 300
    while sum(len(c.acked) for c in clients) < total // 3:
        assert time.monotonic() < deadline, "clients made no progress"
        time.sleep(0.01)
    acked_before_kill = sum(len(c.acked) for c in clients)
    receiver.proc.send_signal(signal.SIGKILL)
    receiver.proc.wait(timeout=30)
    time.sleep(0.5)  # clients see refused connections and retry
    receiver = start(directory, *args, http_port=receiver.http_port, grpc_port=receiver.grpc_port)
    for client in clients:
        client.join(timeout=600)
        assert not client.is_alive()
    assert receiver.stop() == 0  # graceful shutdown after the load

    acked = set().union(*(c.acked for c in clients))
    stored = stored_span_ids(directory)
    missing = acked - set(stored)
    print(
        f"sent {total}, acknowledged {len(acked)} ({acked_before_kill} before the kill), "
        f"stored {len(set(stored))}, failed batches {sum(c.failed_batches for c in clients)}"
    )
    assert acked_before_kill < total
    assert not missing, f"{len(missing)} acknowledged span(s) not stored"
    assert len(acked) >= total * 0.9  # clients retried through the kill; most got in
    assert len(list(directory.glob("spans-*.jsonl"))) == 2  # one file per receiver process

    db = tmp_path / "load.duckdb"
    done = subprocess.run(
        [*COORDGAP, "ingest", str(directory), "--db", str(db)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(set(stored)):,} added" in done.stdout
