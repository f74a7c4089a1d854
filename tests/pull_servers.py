"""Small hostile servers on 127.0.0.1 for the `coordgap pull` tests: real sockets,
each in a thread, stopped when the test ends.

- :func:`http_server`: an ``http.server`` whose every GET is answered by a function
  of the test (``reply(handler)``); the requests it saw (path, lower-cased headers)
  are recorded.
- :func:`tcp_server`: a bare TCP listener whose every connection is handed to a
  function of the test (garbage bytes, a reset, silence).
- :func:`set_credentials`, :func:`pull_cli`, :func:`one_line_error`: what the
  pull tests share (every kind of credential set, the CLI run, its one error line).

Every hostile behaviour ends by itself after a bounded time or size, so a client
without limits finishes (and its test fails) instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from coordgap.cli import main


@dataclass
class Seen:
    """The base URL of a server and the requests it received."""

    base_url: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


Reply = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def http_server(reply: Reply) -> Iterator[Seen]:
    """An HTTP server on 127.0.0.1 answering every GET with ``reply(handler)``."""
    seen = Seen()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
            headers = {k.lower(): v for k, v in self.headers.items()}
            seen.requests.append((self.path, headers))
            try:
                reply(self)
            except OSError:
                pass  # the client gave up (its limits): what these servers expect
            self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    seen.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def tcp_server(handle: Callable[[socket.socket], None]) -> Iterator[str]:
    """A TCP listener on 127.0.0.1 giving each connection to ``handle``; yields
    ``http://127.0.0.1:PORT``."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                try:
                    handle(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        listener.close()
        thread.join(timeout=5)


def send_json(handler: BaseHTTPRequestHandler, body: bytes, status: int = 200) -> None:
    """A complete JSON response."""
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler, location: str, status: int = 302) -> None:
    """A redirect to ``location`` (absolute, or relative to the request)."""
    handler.send_response(status)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def read_request_head(conn: socket.socket) -> None:
    """Read a request's head (up to the blank line) from a raw connection."""
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


# -- what the pull tests share ------------------------------------------------------------
SECRETS = ("jaeger-secret", "cookie-secret", "tempo-secret", "phoenix-secret", "n8n-secret")
#: every backend with the path its first request asks for
BACKENDS = {
    "jaeger": "/api/traces",
    "tempo": "/api/search",
    "phoenix": "/v1/projects/default/spans",
    "n8n": "/api/v1/executions",
}


def set_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every kind of credential pull sends, each with a recognisable value, and the
    temporary directory pulls write to (checked empty afterwards)."""
    monkeypatch.setenv(
        "COORDGAP_PULL_HEADERS", "Authorization=Bearer%20jaeger-secret,Cookie=s%3Dcookie-secret"
    )
    monkeypatch.setenv("COORDGAP_TEMPO_HEADERS", "X-Scope-OrgID=tempo-secret")
    monkeypatch.setenv("PHOENIX_API_KEY", "phoenix-secret")
    monkeypatch.setenv("COORDGAP_N8N_API_KEY", "n8n-secret")
    for name in ("DEADLINE", "MAX_MB", "MAX_REDIRECTS"):
        monkeypatch.delenv(f"COORDGAP_PULL_{name}", raising=False)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def pull_cli(backend: str, url: str, tmp_path: Path, *extra: str) -> Result:
    """`coordgap pull BACKEND URL` into a database under ``tmp_path``."""
    args = ["pull", backend, url, "--db", str(tmp_path / "pulled.duckdb"), *extra]
    if backend == "jaeger":
        args += ["--service", "svc"]
    return CliRunner().invoke(main, args)


def one_line_error(out: Result, url: str) -> str:
    """The single error line of a failed pull (no traceback, the URL first)."""
    assert out.exit_code == 1, out.output
    assert isinstance(out.exception, SystemExit), repr(out.exception)
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert len(lines) == 1, out.output
    assert lines[0].startswith(f"Error: {url}"), lines[0]
    return lines[0]


def carried_secrets(seen: Seen) -> list[str]:
    """The configured secrets found in the headers a server received."""
    return [s for _, headers in seen.requests for v in headers.values() for s in SECRETS if s in v]


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A 200 without a length, then data as fast as it goes (64 MB at most)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b'{"data": [')
    block = b'{"traceID": "00000000000000000000000000000001"},' * 1300
    for _ in range(1000):
        handler.wfile.write(block)
