"""`coordgap collect` under slow clients: its memory, and how fast it still serves valid ones.

Starts a real receiver (``coordgap collect``, a subprocess on loopback ports,
default limits unless ``--env NAME=VALUE`` says otherwise). Baseline of the same
run: the latency of valid OTLP/HTTP requests (``--valid-spans`` spans, protobuf)
to the idle receiver, and its resident memory. Then ``--rounds`` rounds: each
opens ``--clients`` connections that send a gzip body of a real
ExportTraceServiceRequest of about ``--body-mb`` MB (decoded) minus its last
bytes and wait ``--hold`` seconds, while one client sends valid requests one
after another; then the slow connections close. Printed per round: the
receiver's peak resident memory, the valid requests' median and worst latency
(and the ratio to the baseline median), how many were answered 200, and the
memory ``--settle`` seconds after the slow connections closed.

``--grpc-unauthenticated N`` measures instead what N concurrent OTLP/gRPC
exports without the token (each a gzip-compressed message of ``--body-mb`` MB)
cost a receiver that requires one: its peak resident memory against its idle
memory, and what they were answered.

    .venv/bin/python benchmarks/collect_slow_clients.py [--clients 200] [--body-mb 16]
        [--hold 10] [--rounds 2] [--grpc-unauthenticated N] [--json]
"""

from __future__ import annotations

import argparse
import gzip
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
from pathlib import Path

import grpc
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def request_body(decoded_bytes: int, start: int = 0) -> bytes:
    """An ExportTraceServiceRequest of real-looking spans, about ``decoded_bytes`` long."""
    request = ExportTraceServiceRequest()
    spans = request.resource_spans.add().scope_spans.add().spans
    i = start
    while request.ByteSize() < decoded_bytes:
        for _ in range(min(1000, max(1, decoded_bytes // 120))):
            span = spans.add()
            span.trace_id, span.span_id = os.urandom(16), os.urandom(8)
            span.name = f"invoke_agent writer {i}"
            span.start_time_unix_nano = 1_700_000_000_000_000_000 + i
            span.end_time_unix_nano = span.start_time_unix_nano + 1000
            attr = span.attributes.add()
            attr.key, attr.value.string_value = "gen_ai.agent.name", "writer"
            i += 1
    return request.SerializeToString()


def start_receiver(
    directory: Path, env: dict[str, str], grpc_port: int = 0
) -> tuple[subprocess.Popen[bytes], int]:
    http_port, grpc_port = free_port(), grpc_port or free_port()
    log = directory.parent / "collect.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "coordgap", "collect", "--path", str(directory)]
        + ["--http-port", str(http_port), "--grpc-port", str(grpc_port), "--min-free-mb", "1"],
        stdin=subprocess.DEVNULL,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
    )
    deadline = time.monotonic() + 60
    while "listening on" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"collect did not start: {log.read_text(errors='replace')}")
        time.sleep(0.05)
    return proc, http_port


def post(port: int, body: bytes, timeout: float = 60) -> tuple[int, float]:
    """(status, seconds) of one valid request; status 0 when it failed outright."""
    start = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("POST", "/v1/traces", body, {"Content-Type": "application/x-protobuf"})
        resp = conn.getresponse()
        resp.read()
        conn.close()
        status = resp.status
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def hold(port: int, body: bytes, socks: list[socket.socket]) -> None:
    """Send ``body`` minus its last 16 bytes (as far as the receiver reads) and keep it open."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    except OSError:
        return
    socks.append(sock)
    head = (
        f"POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n"
        f"Content-Encoding: gzip\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    try:
        sock.sendall(head + body[:-16])
    except OSError:
        pass  # the receiver stopped reading it, or closed it


def attack_round(
    proc: subprocess.Popen[bytes], port: int, slow: bytes, valid: bytes, args: argparse.Namespace
) -> dict[str, float]:
    socks: list[socket.socket] = []
    stop = threading.Event()
    peak = [rss(proc.pid)]
    latencies: list[float] = []
    statuses: list[int] = []

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss(proc.pid))
            time.sleep(0.05)

    def valid_client() -> None:
        time.sleep(1.0)  # the slow clients are in by now
        while not stop.is_set():
            status, seconds = post(port, valid)
            statuses.append(status)
            latencies.append(seconds)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    holders = [
        threading.Thread(target=hold, args=(port, slow, socks), daemon=True)
        for _ in range(args.clients)
    ]
    for t in holders:
        t.start()
    checker = threading.Thread(target=valid_client, daemon=True)
    checker.start()
    time.sleep(args.hold)
    stop.set()
    checker.join()
    for sock in socks:
        sock.close()
    time.sleep(args.settle)
    sampler.join()
    return {
        "peak_rss_mb": peak[0] / 2**20,
        "after_rss_mb": rss(proc.pid) / 2**20,
        "valid_sent": len(statuses),
        "valid_ok": statuses.count(200),
        "valid_median_s": statistics.median(latencies) if latencies else float("nan"),
        "valid_worst_s": max(latencies) if latencies else float("nan"),
    }


def grpc_unauthenticated(calls: int, body: bytes, env: dict[str, str]) -> dict[str, object]:
    """Peak memory of a receiver requiring a token while ``calls`` exports without it arrive."""
    root = Path(tempfile.mkdtemp(prefix="coordgap-grpc-"))
    grpc_port = free_port()
    proc, _port = start_receiver(root / "spans", {**env, "COORDGAP_COLLECT_TOKEN": "t"}, grpc_port)
    codes: list[str] = []
    peak = idle = rss(proc.pid)
    try:
        options = [("grpc.max_send_message_length", -1)]
        with grpc.insecure_channel(f"127.0.0.1:{grpc_port}", options=options) as channel:
            export = channel.unary_unary(
                "/opentelemetry.proto.collector.trace.v1.TraceService/Export"
            )

            def call() -> None:
                try:
                    export(body, timeout=120, compression=grpc.Compression.Gzip)
                    codes.append("OK")
                except grpc.RpcError as exc:
                    codes.append(exc.code().name)

            threads = [threading.Thread(target=call) for _ in range(calls)]
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                peak = max(peak, rss(proc.pid))
                time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        shutil.rmtree(root, ignore_errors=True)
    return {
        "calls": calls,
        "idle_rss_mb": idle / 2**20,
        "peak_rss_mb": peak / 2**20,
        "answers": {code: codes.count(code) for code in sorted(set(codes))},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--body-mb", type=float, default=16)
    parser.add_argument("--valid-spans", type=int, default=50)
    parser.add_argument("--hold", type=float, default=10)
    parser.add_argument("--settle", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--grpc-unauthenticated", type=int, default=0, metavar="N")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)

    if args.grpc_unauthenticated:
        decoded = request_body(int(args.body_mb * 2**20))
        found = grpc_unauthenticated(args.grpc_unauthenticated, decoded, env)
        print(json.dumps(found, indent=2) if args.json else found)
        return
    slow = gzip.compress(request_body(int(args.body_mb * 2**20)), compresslevel=1)
    valid = request_body(args.valid_spans * 60, start=10**9)
    root = Path(tempfile.mkdtemp(prefix="coordgap-slow-"))
    proc, port = start_receiver(root / "spans", env)
    try:
        post(port, valid)  # warm up
        base = [post(port, valid)[1] for _ in range(20)]
        baseline = {"rss_mb": rss(proc.pid) / 2**20, "valid_median_s": statistics.median(base)}
        rounds = [attack_round(proc, port, slow, valid, args) for _ in range(args.rounds)]
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        shutil.rmtree(root, ignore_errors=True)
    result = {
        "clients": args.clients,
        "slow_body_wire_mb": len(slow) / 2**20,
        "baseline": baseline,
        "rounds": rounds,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{args.clients} slow clients x {len(slow) / 2**20:.1f} MB gzip "
        f"({args.body_mb:g} MB decoded) minus the last bytes, held {args.hold:g} s"
    )
    print(
        f"baseline: idle RSS {baseline['rss_mb']:.0f} MiB, "
        f"valid request median {baseline['valid_median_s'] * 1000:.1f} ms (1.00x)"
    )
    for i, r in enumerate(rounds, 1):
        ratio = r["valid_median_s"] / baseline["valid_median_s"]
        print(
            f"round {i}: peak RSS {r['peak_rss_mb']:.0f} MiB, {r['after_rss_mb']:.0f} MiB "
            f"{args.settle:g} s after they closed; valid {int(r['valid_ok'])}/"
            f"{int(r['valid_sent'])} answered 200, median {r['valid_median_s'] * 1000:.1f} ms "
            f"({ratio:.2f}x), worst {r['valid_worst_s'] * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
