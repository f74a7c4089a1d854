"""`coordgap pull` against hostile servers on 127.0.0.1: credentials never follow a
redirect to another origin, every pull ends within its deadline and byte cap, and a
reply that is not HTTP is one line, never a traceback."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from pull_servers import (
    BACKENDS,
    carried_secrets,
    endless,
    http_server,
    one_line_error,
    pull_cli,
    read_request_head,
    redirect,
    send_json,
    set_credentials,
    tcp_server,
)


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every kind of credential pull sends, and the temporary directory (empty after)."""
    return set_credentials(monkeypatch, tmp_path)


# -- redirects -----------------------------------------------------------------------------


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_cross_origin_redirect_carries_no_credentials(backend: str, tmp_path: Path) -> None:
    """A redirect to another origin is followed without any configured header,
    cookie or key; the backend's error then says where the pull was sent."""
    with (
        http_server(lambda h: send_json(h, b'{"error": "who are you"}', 401)) as other,
        http_server(lambda h: redirect(h, other.base_url + h.path)) as backend_server,
    ):
        out = pull_cli(backend, backend_server.base_url, tmp_path)
    assert other.paths, "the redirect was not followed"
    assert carried_secrets(other) == []
    assert carried_secrets(backend_server), "the backend itself gets the credentials"
    line = one_line_error(out, other.base_url + BACKENDS[backend])
    assert "HTTP 401" in line and f"redirected from {backend_server.base_url}" in line


def test_same_origin_redirect_keeps_credentials(tmp_path: Path) -> None:
    """A redirect within the backend's origin keeps the credentials (a path prefix)."""

    def reply(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/prefix/"):
            send_json(handler, json.dumps({"data": []}).encode())
        else:
            redirect(handler, "/prefix" + handler.path, 308)

    with http_server(reply) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    assert out.exit_code == 0, out.output
    assert [p.split("?")[0] for p in server.paths] == ["/api/traces", "/prefix/api/traces"]
    assert server.requests[1][1]["authorization"] == "Bearer jaeger-secret"
    assert server.requests[1][1]["cookie"] == "s=cookie-secret"


def test_redirect_to_another_host_name_of_the_same_server(tmp_path: Path) -> None:
    """127.0.0.1 and localhost are different origins, even on one server."""

    def reply(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/moved/"):
            send_json(handler, json.dumps({"data": []}).encode())
        else:
            port = handler.server.server_address[1]
            redirect(handler, f"http://localhost:{port}/moved{handler.path}")

    with http_server(reply) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    assert out.exit_code == 0, out.output
    assert [p.split("?")[0] for p in server.paths] == ["/api/traces", "/moved/api/traces"]
    assert carried_secrets(server) == ["jaeger-secret", "cookie-secret"]  # the first only


def test_redirects_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A redirect loop stops after COORDGAP_PULL_MAX_REDIRECTS hops with one line."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_REDIRECTS", "3")
    with http_server(lambda h: redirect(h, f"/hop{len(server.paths)}")) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    line = one_line_error(out, server.base_url + "/api/traces")
    assert "more than 3 redirects" in line and "COORDGAP_PULL_MAX_REDIRECTS" in line
    assert len(server.paths) == 4


def test_redirect_to_a_file_url_is_refused(tmp_path: Path) -> None:
    """A redirect may only lead to http(s)."""
    with http_server(lambda h: redirect(h, "file:///etc/passwd")) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    assert "redirect to file:" in one_line_error(out, server.base_url + "/api/traces")


def test_a_header_value_that_cannot_be_sent_is_named_not_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CR/LF in a configured value (header injection) is refused before any
    request, naming the header and never printing the secret."""
    monkeypatch.setenv("COORDGAP_PULL_HEADERS", "Authorization=Bearer%20s3cret%0d%0aX-Evil:%201")
    with http_server(lambda h: send_json(h, b'{"data": []}')) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    assert out.exit_code == 1 and server.requests == []
    assert out.output.strip() == (
        "Error: header 'Authorization' from the environment: its value has a control "
        "character or one outside Latin-1"
    )


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
        out = pull_cli("jaeger", server.base_url, tmp_path)
    line = one_line_error(out, server.base_url + "/api/traces")
    assert "deadline of 1s" in line and "COORDGAP_PULL_DEADLINE" in line
    assert list(credentials.iterdir()) == []


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
        out = pull_cli("phoenix", url, tmp_path)
    assert "deadline of 1s" in one_line_error(out, url + BACKENDS["phoenix"])


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_endless_reply_stops_at_the_byte_cap(
    backend: str, tmp_path: Path, credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every backend's pull stops at the byte cap (one line with the URL and the
    limit, no file left), so each goes through the one hardened fetch."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_MB", "1")
    with http_server(endless) as server:
        out = pull_cli(backend, server.base_url, tmp_path)
    line = one_line_error(out, server.base_url + BACKENDS[backend])
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
        out = pull_cli("jaeger", server.base_url, tmp_path, "--deadline", "5s")
    assert "more than 1 MB" in one_line_error(out, server.base_url + "/api/traces")


def test_a_gzip_body_is_refused(tmp_path: Path) -> None:
    """A gzip body the pull did not ask for (a bomb: 16 KB that ingest would
    inflate to 16 MB, or to gigabytes past the byte cap): one line, nothing ingested."""
    bomb = gzip.compress(b'{"data": [' + b" " * (16 << 20) + b"]}")
    with http_server(lambda h: send_json(h, bomb)) as server:
        out = pull_cli("jaeger", server.base_url, tmp_path)
    assert "expected a JSON response" in one_line_error(out, server.base_url + "/api/traces")
    assert not (tmp_path / "pulled.duckdb").exists()


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
        out = pull_cli(backend, url, tmp_path)
    one_line_error(out, url + BACKENDS[backend])


def test_tls_to_a_plain_server_is_one_line(tmp_path: Path) -> None:
    """An https:// URL on a plain HTTP port: one line, no traceback."""
    with http_server(lambda h: send_json(h, b"{}")) as server:
        url = server.base_url.replace("http://", "https://")
        out = pull_cli("phoenix", url, tmp_path)
    assert "cannot connect" in one_line_error(out, url + BACKENDS["phoenix"])
