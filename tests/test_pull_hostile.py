"""`coordgap pull` against hostile servers on 127.0.0.1: credentials never follow a
redirect to another origin, every pull ends within its deadline and byte cap, page
loops end, and a reply that is not HTTP is one line, never a traceback."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner, Result
from pull_servers import (
    Seen,
    http_server,
    read_request_head,
    redirect,
    send_json,
    tcp_server,
)

from coordgap.cli import main

SECRETS = ("jaeger-secret", "cookie-secret", "tempo-secret", "phoenix-secret", "n8n-secret")

#: every backend with the path its first request asks for
BACKENDS = {
    "jaeger": "/api/traces",
    "tempo": "/api/search",
    "phoenix": "/v1/projects/default/spans",
    "n8n": "/api/v1/executions",
}


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
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


def _pull(backend: str, url: str, tmp_path: Path, *extra: str) -> Result:
    args = ["pull", backend, url, "--db", str(tmp_path / "pulled.duckdb"), *extra]
    if backend == "jaeger":
        args += ["--service", "svc"]
    return CliRunner().invoke(main, args)


def _one_line_error(out: Result, url: str) -> str:
    """The single error line of a failed pull (no traceback, the URL first)."""
    assert out.exit_code == 1, out.output
    assert isinstance(out.exception, SystemExit), repr(out.exception)
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert len(lines) == 1, out.output
    assert lines[0].startswith(f"Error: {url}"), lines[0]
    return lines[0]


def _carried_secrets(seen: Seen) -> list[str]:
    return [s for _, headers in seen.requests for v in headers.values() for s in SECRETS if s in v]


# -- redirects -----------------------------------------------------------------------------
@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_cross_origin_redirect_carries_no_credentials(backend: str, tmp_path: Path) -> None:
    """A redirect to another origin is followed without any configured header,
    cookie or key; the backend's error then says where the pull was sent."""
    with (
        http_server(lambda h: send_json(h, b'{"error": "who are you"}', 401)) as other,
        http_server(lambda h: redirect(h, other.base_url + h.path)) as backend_server,
    ):
        out = _pull(backend, backend_server.base_url, tmp_path)
    assert other.paths, "the redirect was not followed"
    assert _carried_secrets(other) == []
    assert _carried_secrets(backend_server), "the backend itself gets the credentials"
    line = _one_line_error(out, other.base_url + BACKENDS[backend])
    assert "HTTP 401" in line and f"redirected from {backend_server.base_url}" in line


def test_same_origin_redirect_keeps_credentials(tmp_path: Path) -> None:
    """A redirect within the backend's origin keeps the credentials (a path prefix)."""

    def reply(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/prefix/"):
            send_json(handler, json.dumps({"data": []}).encode())
        else:
            redirect(handler, "/prefix" + handler.path, 308)

    with http_server(reply) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    assert out.exit_code == 0, out.output
    assert [p.split("?")[0] for p in server.paths] == ["/api/traces", "/prefix/api/traces"]
    assert server.requests[1][1]["authorization"] == "Bearer jaeger-secret"
    assert server.requests[1][1]["cookie"] == "s=cookie-secret"


def test_redirects_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A redirect loop stops after COORDGAP_PULL_MAX_REDIRECTS hops with one line."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_REDIRECTS", "3")
    with http_server(lambda h: redirect(h, f"/hop{len(server.paths)}")) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    line = _one_line_error(out, server.base_url + "/api/traces")
    assert "more than 3 redirects" in line and "COORDGAP_PULL_MAX_REDIRECTS" in line
    assert len(server.paths) == 4


def test_redirect_to_a_file_url_is_refused(tmp_path: Path) -> None:
    """A redirect may only lead to http(s)."""
    with http_server(lambda h: redirect(h, "file:///etc/passwd")) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    assert "redirect to file:" in _one_line_error(out, server.base_url + "/api/traces")


# -- deadline and byte cap -------------------------------------------------------------------
def _drip_body(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte every 50 ms (for 20 s at most)."""
    handler.send_response(200)
    handler.send_header("Content-Length", str(10**8))
    handler.end_headers()
    for _ in range(400):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.05)


def _drip_headers(handler: BaseHTTPRequestHandler) -> None:
    """A status line, then a header one byte every 50 ms (for 20 s at most)."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    for _ in range(400):
        handler.wfile.write(b"a")
        handler.wfile.flush()
        time.sleep(0.05)


@pytest.mark.parametrize("drip", [_drip_body, _drip_headers], ids=["body", "headers"])
def test_dripping_server_stops_at_the_deadline(
    drip: Callable[[BaseHTTPRequestHandler], None],
    tmp_path: Path,
    credentials: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that drips bytes ends the pull at its deadline: one line naming the
    URL and the limit; the temporary files are gone."""
    monkeypatch.setenv("COORDGAP_PULL_DEADLINE", "1s")
    with http_server(drip) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    line = _one_line_error(out, server.base_url + "/api/traces")
    assert "deadline of 1s" in line and "COORDGAP_PULL_DEADLINE" in line
    assert list(credentials.iterdir()) == []


def _endless(handler: BaseHTTPRequestHandler) -> None:
    """A 200 without a length, then data as fast as it goes (64 MB at most)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b'{"data": [')
    block = b'{"traceID": "00000000000000000000000000000001"},' * 1300
    for _ in range(1000):
        handler.wfile.write(block)


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_endless_reply_stops_at_the_byte_cap(
    backend: str, tmp_path: Path, credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every backend's pull stops at the byte cap (one line with the URL and the
    limit, no file left), so each goes through the one hardened fetch."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_MB", "1")
    with http_server(_endless) as server:
        out = _pull(backend, server.base_url, tmp_path)
    line = _one_line_error(out, server.base_url + BACKENDS[backend])
    assert "more than 1 MB" in line and "COORDGAP_PULL_MAX_MB" in line
    assert list(credentials.iterdir()) == []
    assert not (tmp_path / "pulled.duckdb").exists()


def test_declared_length_over_the_cap_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Content-Length over the cap ends the pull before the body is read."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_MB", "1")

    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(5 << 20))
        handler.end_headers()

    with http_server(reply) as server:
        out = _pull("jaeger", server.base_url, tmp_path, "--deadline", "5s")
    assert "more than 1 MB" in _one_line_error(out, server.base_url + "/api/traces")


# -- page loops --------------------------------------------------------------------------------
def _looping_pages(backend: str, cycle: list[str]) -> Callable[[BaseHTTPRequestHandler], None]:
    """Pages whose cursor repeats (``cycle`` over and over; no cursor after 60 pages)."""
    served: list[int] = []
    item = (
        {"name": "step", "context": {"trace_id": "t", "span_id": "s"}}
        if backend == "phoenix"
        else {"id": "1", "startedAt": "2099-01-01T00:00:00Z", "status": "success"}
    )
    key = "next_cursor" if backend == "phoenix" else "nextCursor"

    def reply(handler: BaseHTTPRequestHandler) -> None:
        served.append(1)
        cursor = cycle[len(served) % len(cycle)] if len(served) < 60 else None
        send_json(handler, json.dumps({"data": [item], key: cursor}).encode())

    return reply


@pytest.mark.parametrize("backend", ["phoenix", "n8n"])
@pytest.mark.parametrize("cycle", [["same"], ["a", "b", "c"]], ids=["repeat", "cycle"])
def test_repeating_cursor_ends_the_pull(backend: str, cycle: list[str], tmp_path: Path) -> None:
    """A cursor the server already sent ends the pull with one line."""
    with http_server(_looping_pages(backend, cycle)) as server:
        out = _pull(backend, server.base_url, tmp_path)
    line = _one_line_error(out, server.base_url + BACKENDS[backend])
    assert "cursor" in line and "again" in line
    cursors = [parse_qs(urlsplit(path).query).get("cursor") for path in server.paths]
    assert cursors == [None, *([c] for c in cycle[1:] + cycle[:1])]


# -- replies that are not HTTP -----------------------------------------------------------------
def _garbage(conn: socket.socket) -> None:
    read_request_head(conn)
    conn.sendall(b"\x00\xff\xfe\x16\x03garbage that is not HTTP\r\n\r\n")


def _reset(conn: socket.socket) -> None:
    read_request_head(conn)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _silent_close(conn: socket.socket) -> None:
    read_request_head(conn)


def _truncated(conn: socket.socket) -> None:
    read_request_head(conn)
    conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{"data": [')


def _long_header(conn: socket.socket) -> None:
    read_request_head(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n")


def _deep_json(conn: socket.socket) -> None:
    read_request_head(conn)
    body = b'{"data": ' + b"[" * 200000
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)


def _bad_utf8(conn: socket.socket) -> None:
    read_request_head(conn)
    body = b'{"data": ["\xff\xfe"]}'
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)


_BROKEN = [_garbage, _reset, _silent_close, _truncated, _long_header]
_BAD_JSON = [_deep_json, _bad_utf8]  # parsed by pull for Phoenix; Jaeger's file is ingest's


@pytest.mark.parametrize(
    ("backend", "handle"),
    [("jaeger", h) for h in _BROKEN] + [("phoenix", h) for h in _BROKEN + _BAD_JSON],
    ids=lambda v: v if isinstance(v, str) else v.__name__.strip("_"),
)
def test_non_http_reply_is_one_line(
    backend: str, handle: Callable[[socket.socket], None], tmp_path: Path
) -> None:
    """Garbage, a reset, a close, a cut body, a huge header, JSON nested too deep or
    not UTF-8: one line naming the URL, exit 1, no traceback."""
    with tcp_server(handle) as url:
        out = _pull(backend, url, tmp_path)
    _one_line_error(out, url + BACKENDS[backend])


def test_tls_to_a_plain_server_is_one_line(tmp_path: Path) -> None:
    """An https:// URL on a plain HTTP port: one line, no traceback."""
    with http_server(lambda h: send_json(h, b"{}")) as server:
        url = server.base_url.replace("http://", "https://")
        out = _pull("phoenix", url, tmp_path)
    assert "cannot connect" in _one_line_error(out, url + BACKENDS["phoenix"])


# -- the limits' options -----------------------------------------------------------------------
def test_cli_options_win_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--max-mb beats COORDGAP_PULL_MAX_MB; a bad value is one line naming its source."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_MB", "1")
    body = json.dumps({"data": [], "pad": "x" * (2 << 20)}).encode()
    with http_server(lambda h: send_json(h, body)) as server:
        assert _pull("jaeger", server.base_url, tmp_path, "--max-mb", "3").exit_code == 0
        assert _pull("jaeger", server.base_url, tmp_path).exit_code == 1
    monkeypatch.setenv("COORDGAP_PULL_DEADLINE", "soon")
    out = _pull("jaeger", "http://127.0.0.1:9", tmp_path)
    assert out.exit_code == 1
    assert out.output.strip() == (
        "Error: COORDGAP_PULL_DEADLINE 'soon': expected a number and s, m, h, d or w (e.g. 1h)"
    )


def test_limits_table_is_documented() -> None:
    """docs/ingest.md lists every limit with its option, variable and default."""
    from analyzer.pull_limits import PULL_OPTIONS

    text = (Path(__file__).parents[1] / "docs" / "ingest.md").read_text()
    for option in PULL_OPTIONS:
        assert f"| `{option.flag}` | `{option.env}` | `{option.default}` |" in text


def test_every_pull_module_fetches_through_the_one_fetcher() -> None:
    """No pull module opens a connection itself: only analyzer/pull_http.py does
    (the byte-cap test above checks every backend's behaviour)."""
    analyzer_dir = Path(__file__).parents[1] / "analyzer"
    clients = ("urllib.request", "http.client", "socket", "requests", "httpx", "aiohttp")
    modules = {m.name: m.read_text() for m in analyzer_dir.glob("pull*.py")}
    connecting = {
        name
        for name, text in modules.items()
        if any(f"import {c}" in text or f"from {c} " in text for c in clients)
    }
    assert connecting == {"pull_http.py"}
    for name in ("pull.py", "pull_n8n.py"):  # the backends
        assert "with Fetcher(" in modules[name] and ".json(" not in modules[name]


def test_redirect_to_another_host_name_of_the_same_server(tmp_path: Path) -> None:
    """127.0.0.1 and localhost are different origins, even on one server."""

    def reply(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/moved/"):
            send_json(handler, json.dumps({"data": []}).encode())
        else:
            port = handler.server.server_address[1]
            redirect(handler, f"http://localhost:{port}/moved{handler.path}")

    with http_server(reply) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    assert out.exit_code == 0, out.output
    assert [p.split("?")[0] for p in server.paths] == ["/api/traces", "/moved/api/traces"]
    assert _carried_secrets(server) == ["jaeger-secret", "cookie-secret"]  # the first only


def test_failed_library_pull_leaves_no_file(tmp_path: Path) -> None:
    """pull_phoenix: two pages written, the third over the cap: PullError, and the
    directory is as empty as before."""
    from analyzer.pull import PullError, PullLimits, pull_phoenix

    page = {"data": [{"name": "step"}], "next_cursor": None}

    def reply(handler: BaseHTTPRequestHandler) -> None:
        cursor = parse_qs(urlsplit(handler.path).query).get("cursor")
        if cursor == ["2"]:
            _endless(handler)
        else:
            next_cursor = "2" if cursor else "1"
            send_json(handler, json.dumps({**page, "next_cursor": next_cursor}).encode())

    dest = tmp_path / "pulled"
    dest.mkdir()
    with http_server(reply) as server, pytest.raises(PullError, match="more than 1 MB"):
        pull_phoenix(server.base_url, dest, limits=PullLimits(max_bytes=1 << 20))
    assert len(server.paths) == 3
    assert list(dest.iterdir()) == []


def test_limits_resolve_option_then_variable_then_default() -> None:
    """PullLimits.resolve: the given value wins over the variable, which wins over
    the default."""
    from analyzer.pull import PullLimits

    env = {"COORDGAP_PULL_DEADLINE": "90s", "COORDGAP_PULL_MAX_MB": "7"}
    assert PullLimits.resolve({}, {}) == PullLimits()
    assert PullLimits.resolve({"max_mb": "3"}, env) == PullLimits(
        deadline_s=90, max_bytes=3 << 20, max_redirects=5
    )


def _drip_tls_handshake(conn: socket.socket) -> None:
    """After the ClientHello, a TLS record header announcing 16 KB, then one byte
    every 50 ms (for 20 s at most)."""
    conn.settimeout(10)
    conn.recv(4096)
    conn.sendall(b"\x16\x03\x03\x40\x00")
    for _ in range(400):
        conn.sendall(b"\x00")
        time.sleep(0.05)


def test_dripping_tls_handshake_stops_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline holds during the TLS handshake too."""
    monkeypatch.setenv("COORDGAP_PULL_DEADLINE", "1s")
    with tcp_server(_drip_tls_handshake) as url:
        url = url.replace("http://", "https://")
        out = _pull("phoenix", url, tmp_path)
    assert "deadline of 1s" in _one_line_error(out, url + BACKENDS["phoenix"])


_PEAK_OF_PULL = """
import resource, sys
from pathlib import Path
from analyzer.pull import pull_phoenix
files = pull_phoenix(sys.argv[1], Path(sys.argv[2]))
print(len(files), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_a_page_of_tiny_items_is_never_parsed_whole(tmp_path: Path) -> None:
    """A 15 MB Phoenix page of five million empty objects: parsed whole it costs
    about 400 MB; read as a stream the pull's peak stays near its imports."""
    body = b'{"data": [' + b"{}," * 5_000_000 + b'{}], "next_cursor": null}'
    dest = tmp_path / "pulled"
    dest.mkdir()
    with http_server(lambda h: send_json(h, body)) as server:
        run = subprocess.run(
            [sys.executable, "-c", _PEAK_OF_PULL, server.base_url, str(dest)],
            capture_output=True,
            text=True,
            check=True,
        )
    files, peak_mb = map(int, run.stdout.split())
    assert files == 1
    assert peak_mb < 250, f"peak {peak_mb} MB"


def test_a_gzip_body_is_refused(tmp_path: Path) -> None:
    """A gzip body the pull did not ask for (a bomb: 16 KB that ingest would
    inflate to 16 MB, or to gigabytes past the byte cap): one line, nothing ingested."""
    bomb = gzip.compress(b'{"data": [' + b" " * (16 << 20) + b"]}")
    with http_server(lambda h: send_json(h, bomb)) as server:
        out = _pull("jaeger", server.base_url, tmp_path)
    assert "expected a JSON response" in _one_line_error(out, server.base_url + "/api/traces")
    assert not (tmp_path / "pulled.duckdb").exists()
