"""Shared pytest fixtures.

- ``phoenix`` (session): a real Arize Phoenix on 127.0.0.1 with free HTTP and
  gRPC ports, its data in a temporary directory, stopped at session end. The
  executable is ``$COORDGAP_PHOENIX_BIN`` or ``.venv-phoenix/bin/phoenix`` next
  to this repository. Missing: the test is skipped, or fails when ``CI`` is set.
  Yields a :class:`PhoenixServer` (``base_url``, ``otlp_http_endpoint`` (the
  full ``/v1/traces`` URL), ``otlp_grpc_endpoint``, ``log_path``).
- ``spans``: coordgap's spans captured in memory with fixed ids and clock
  (see :mod:`tracer.testing`).
- ``store``: an empty store in memory.
- ``memory``: an OpenTelemetry SDK provider whose spans end up in memory:
  ``(provider, exporter)``.

coordgap's own tests make its internal errors re-raise
(``COORDGAP_RAISE_INTERNAL_ERRORS=1``, inherited by the CLI subprocesses), so a
bug fails the test that hit it; users' test suites never get that by default.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

import analyzer
from tracer.testing import Captured, capture

os.environ["COORDGAP_RAISE_INTERNAL_ERRORS"] = "1"

REPO = Path(__file__).resolve().parents[1]
PHOENIX_START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class PhoenixServer:
    base_url: str
    otlp_http_endpoint: str
    otlp_grpc_endpoint: str
    working_dir: Path
    log_path: Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _phoenix_bin() -> Path | None:
    configured = os.environ.get("COORDGAP_PHOENIX_BIN")
    candidate = Path(configured) if configured else REPO / ".venv-phoenix" / "bin" / "phoenix"
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def _log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def phoenix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhoenixServer]:
    """A running Phoenix for the whole session (see the module docstring)."""
    binary = _phoenix_bin()
    if binary is None:
        reason = (
            "Arize Phoenix not found: set COORDGAP_PHOENIX_BIN or run `make phoenix` "
            "(installs it into .venv-phoenix)"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("phoenix")
    http_port, grpc_port = _free_port(), _free_port()
    while grpc_port == http_port:
        grpc_port = _free_port()
    env = {
        **os.environ,
        "PHOENIX_HOST": "127.0.0.1",
        "PHOENIX_PORT": str(http_port),
        "PHOENIX_GRPC_PORT": str(grpc_port),
        "PHOENIX_WORKING_DIR": str(work),
        "PHOENIX_TELEMETRY_ENABLED": "false",
    }
    log_path = work / "phoenix.log"
    base_url = f"http://127.0.0.1:{http_port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(binary), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=work
        )
    try:
        deadline = time.monotonic() + PHOENIX_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Phoenix exited with {proc.returncode}:\n{_log_tail(log_path)}")
            try:
                with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Phoenix not ready after {PHOENIX_START_TIMEOUT_S:g} s:\n{_log_tail(log_path)}"
                )
            time.sleep(0.5)
        yield PhoenixServer(
            base_url=base_url,
            otlp_http_endpoint=base_url + "/v1/traces",
            otlp_grpc_endpoint=f"http://127.0.0.1:{grpc_port}",
            working_dir=work,
            log_path=log_path,
        )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture
def spans() -> Iterator[Captured]:
    """coordgap's spans in memory, fixed ids (1, 2, ...) and clock (1 µs a tick)."""
    with capture() as captured:
        yield captured


@pytest.fixture
def store() -> Iterator[analyzer.Store]:
    """An empty store in memory (a test module may define its own ``store``)."""
    with analyzer.open(":memory:") as s:
        yield s


@pytest.fixture
def memory() -> tuple[TracerProvider, InMemorySpanExporter]:
    """An OpenTelemetry SDK provider exporting to memory, and its exporter."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, exporter
