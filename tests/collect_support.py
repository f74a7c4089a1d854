"""Helpers for the ``coordgap collect`` tests: a real receiver in a subprocess."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.integration_support import need

need("aiohttp")  # the collect extra: skipped without it, unless CI requires it

COORDGAP = [sys.executable, "-m", "coordgap"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Receiver:
    proc: subprocess.Popen[bytes]
    directory: Path
    http_port: int
    grpc_port: int
    log: Path

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/v1/traces"

    @property
    def grpc_target(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(timeout=timeout)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def start(
    directory: Path,
    *args: str,
    env: dict[str, str] | None = None,
    http_port: int | None = None,
    grpc_port: int | None = None,
    open_files: int | None = None,
) -> Receiver:
    """Start ``coordgap collect`` on free loopback ports; return once both answer.
    ``open_files`` lowers the receiver's RLIMIT_NOFILE (soft and hard)."""
    http_port = http_port or free_port()
    grpc_port = grpc_port or free_port()
    log = directory.parent / f"collect-{http_port}.log"
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.Popen(
        [*COORDGAP, "collect", "--path", str(directory), "--http-port", str(http_port)]
        + ["--grpc-port", str(grpc_port), *args],
        stdin=subprocess.DEVNULL,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env=full_env,
        preexec_fn=None if open_files is None else lambda: _limit_files(open_files),
    )
    receiver = Receiver(proc, directory, http_port, grpc_port, log)
    deadline = time.monotonic() + 60
    while "listening on" not in log.read_text(errors="replace"):
        if proc.poll() is not None:
            raise AssertionError(f"collect exited {proc.returncode}: {receiver.log_text()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"collect did not start: {receiver.log_text()}")
        time.sleep(0.05)
    return receiver


def _limit_files(n: int) -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))


def rss_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for process {pid}")


@contextmanager
def running(
    directory: Path,
    *args: str,
    env: dict[str, str] | None = None,
    open_files: int | None = None,
) -> Iterator[Receiver]:
    receiver = start(directory, *args, env=env, open_files=open_files)
    try:
        yield receiver
    finally:
        if receiver.proc.poll() is None:
            receiver.proc.kill()
            receiver.proc.wait(timeout=30)


def stored_span_ids(directory: Path) -> list[tuple[str, str]]:
    """(trace id, span id) of every span in the store's complete lines."""
    ids: list[tuple[str, str]] = []
    for path in sorted(directory.glob("spans-*.jsonl")):
        for line in path.read_text().splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # a torn last line: never acknowledged
            for rs in json.loads(line)["resourceSpans"]:
                for ss in rs["scopeSpans"]:
                    ids.extend((s["traceId"], s["spanId"]) for s in ss["spans"])
    return ids


TRACES_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"
LOGS_EXPORT = "/opentelemetry.proto.collector.logs.v1.LogsService/Export"


def grpc_raw(
    r: Receiver,
    payload: bytes,
    metadata: tuple[tuple[str, str], ...] = (),
    method: str = TRACES_EXPORT,
) -> object:
    """The status code of one raw-bytes call of ``method`` (no serializers: the bytes go
    on the wire as they are)."""
    import grpc

    with grpc.insecure_channel(r.grpc_target) as channel:
        call = channel.unary_unary(method)
        try:
            call(payload, metadata=metadata, timeout=30)
        except grpc.RpcError as exc:
            return exc.code()
    return grpc.StatusCode.OK
