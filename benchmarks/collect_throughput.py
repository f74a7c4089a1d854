"""Sustained spans/s that `coordgap collect` accepts, over OTLP/HTTP protobuf and gRPC.

Starts a real receiver (``coordgap collect``, a subprocess on loopback ports),
then, for each protocol, sends the same pre-encoded batches from ``--clients``
client threads, each waiting for the receiver's answer (which comes after the
fsync) before sending its next batch. Accepted spans/s = spans answered 200/OK
divided by the wall time of the whole send. The client's own cost is measured
apart, in this process, with no network: encoding the batches the way the
OpenTelemetry SDK exporters do (``encode_spans(...).SerializeToString()``).
The baseline of the same run: the tracer's local-store exporter writing the same
spans in-process (no network, no fsync). Medians of ``--repeats`` runs.

    .venv/bin/python benchmarks/collect_throughput.py [--batches 40] [--batch-size 512]
        [--clients 2] [--repeats 5] [--json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import grpc
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2_grpc
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from tracer.store_format import StoreFile, encode_line


def make_batches(batches: int, size: int) -> list[list[ReadableSpan]]:
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    tracer = provider.get_tracer("bench")
    out = []
    for b in range(batches):
        with tracer.start_as_current_span(f"run {b}"):
            for i in range(size - 1):
                with tracer.start_as_current_span("invoke_agent writer") as span:
                    span.set_attribute("gen_ai.agent.name", "writer")
                    span.set_attribute("i", i)
        out.append(list(memory.get_finished_spans()))
        memory.clear()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_receiver(directory: Path) -> tuple[subprocess.Popen[bytes], int, int]:
    http_port, grpc_port = free_port(), free_port()
    log = directory.parent / "collect.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "coordgap", "collect", "--path", str(directory)]
        + ["--http-port", str(http_port), "--grpc-port", str(grpc_port), "--min-free-mb", "1"],
        stdin=subprocess.DEVNULL,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while "listening on" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"collect did not start: {log.read_text(errors='replace')}")
        time.sleep(0.05)
    return proc, http_port, grpc_port


def timed_parallel(clients: int, work: Callable[[int], int]) -> tuple[int, float]:
    """Run ``work(client_index)`` in ``clients`` threads; (spans accepted, seconds)."""
    accepted = [0] * clients

    def run(i: int) -> None:
        accepted[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(accepted), time.perf_counter() - start


def http_sender(
    port: int, bodies: list[bytes], counts: list[int], clients: int
) -> Callable[[int], int]:
    def work(i: int) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        done = 0
        for body, n in list(zip(bodies, counts, strict=True))[i::clients]:
            conn.request("POST", "/v1/traces", body, {"Content-Type": "application/x-protobuf"})
            resp = conn.getresponse()
            resp.read()
            if resp.status == 200:
                done += n
        conn.close()
        return done

    return work


def grpc_sender(
    port: int, requests: list[ExportTraceServiceRequest], counts: list[int], clients: int
) -> Callable[[int], int]:
    def work(i: int) -> int:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = trace_service_pb2_grpc.TraceServiceStub(channel)
            done = 0
            for request, n in list(zip(requests, counts, strict=True))[i::clients]:
                try:
                    stub.Export(request, timeout=60)
                    done += n
                except grpc.RpcError:
                    pass
        return done

    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=512)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    batches = make_batches(args.batches, args.batch_size)
    counts = [len(b) for b in batches]
    total = sum(counts)
    requests = [encode_spans(b) for b in batches]
    bodies = [r.SerializeToString() for r in requests]

    tmp = Path(tempfile.mkdtemp(prefix="coordgap-bench-collect-"))
    proc, http_port, grpc_port = start_receiver(tmp / "spans")
    figures: dict[str, list[float]] = {"client": [], "local": [], "http": [], "grpc": []}
    try:
        for r in range(args.repeats):
            start = time.perf_counter()
            for b in batches:
                encode_spans(b).SerializeToString()
            figures["client"].append(total / (time.perf_counter() - start))

            local = StoreFile(tmp / f"local-{r}")
            start = time.perf_counter()
            for b in batches:
                local.append(encode_line(b))
            figures["local"].append(total / (time.perf_counter() - start))
            local.shutdown()

            done, secs = timed_parallel(
                args.clients, http_sender(http_port, bodies, counts, args.clients)
            )
            assert done == total, f"HTTP accepted {done} of {total}"
            figures["http"].append(done / secs)
            done, secs = timed_parallel(
                args.clients, grpc_sender(grpc_port, requests, counts, args.clients)
            )
            assert done == total, f"gRPC accepted {done} of {total}"
            figures["grpc"].append(done / secs)
    finally:
        proc.terminate()
        proc.wait(timeout=120)
        shutil.rmtree(tmp, ignore_errors=True)

    med = {k: statistics.median(v) for k, v in figures.items()}
    result = {
        "spans_per_run": total,
        "batch_size": args.batch_size,
        "clients": args.clients,
        "repeats": args.repeats,
        "cpus": os.cpu_count(),
        "median_spans_per_s": {k: round(v) for k, v in med.items()},
        "http_vs_local_store": round(med["http"] / med["local"], 3),
        "grpc_vs_local_store": round(med["grpc"] / med["local"], 3),
        "client_encode_share_http": round(med["http"] / med["client"], 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{total} spans per run in batches of {args.batch_size}, {args.clients} client threads, "
        f"medians of {args.repeats} runs, {os.cpu_count()} CPUs"
    )
    print(f"  client encode (SDK exporter's cost, no network)  {med['client']:>10,.0f} spans/s")
    print(f"  baseline: tracer local store, in-process, no fsync {med['local']:>8,.0f} spans/s")
    print(
        f"  collect OTLP/HTTP protobuf, accepted (fsynced)   {med['http']:>10,.0f} spans/s"
        f"  ({result['http_vs_local_store']:.2f}x the baseline)"
    )
    print(
        f"  collect OTLP/gRPC, accepted (fsynced)            {med['grpc']:>10,.0f} spans/s"
        f"  ({result['grpc_vs_local_store']:.2f}x the baseline)"
    )
    print(
        f"  a client spends {med['http'] / med['client']:.2f}x the receiver's HTTP time per "
        "span encoding it (not in the collect figures: bodies were encoded beforehand)"
    )


if __name__ == "__main__":
    main()
