"""`coordgap collect` against hostile or broken peers, on real sockets: slow bodies and
headers, bodies held open, connections by the hundred under a low open-files limit,
unauthenticated and malformed gRPC, huge names in bad requests, odd headers."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
    OTLPSpanExporter as GrpcExporter,
)
from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
    OTLPSpanExporter as HttpExporter,
)
from opentelemetry.sdk.trace.export import SpanExportResult

from tests.collect_support import Receiver, grpc_raw, rss_bytes, running, stored_span_ids
from tests.test_collect_receiver import _json_request, make_spans

pytestmark = pytest.mark.e2e

TRACE, SPAN = "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"


def _headers(r: Receiver, length: int, extra: str = "") -> bytes:
    return (
        f"POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1:{r.http_port}\r\n"
        f"Content-Type: application/x-protobuf\r\nContent-Length: {length}\r\n{extra}\r\n"
    ).encode("latin-1")


def _answer(sock: socket.socket, timeout: float) -> bytes:
    """Everything the server sends until it closes (or ``timeout`` passes: raises)."""
    sock.settimeout(timeout)
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def _post(
    r: Receiver, body: bytes, headers: dict[str, str], timeout: float = 60
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", r.http_port, timeout=timeout)
    try:
        conn.request("POST", "/v1/traces", body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.fixture
def quick(tmp_path: Path) -> Iterator[Receiver]:
    """A receiver with a 1 s whole-request deadline (set through the environment)."""
    with running(tmp_path / "spans", env={"COORDGAP_COLLECT_READ_TIMEOUT": "1"}) as r:
        yield r


def test_a_body_slower_than_the_deadline_gets_408(quick: Receiver) -> None:
    """Headers and part of a body, then silence: 408 and the connection closes."""
    with socket.create_connection(("127.0.0.1", quick.http_port)) as sock:
        sock.sendall(_headers(quick, 100_000) + b"\x0a" * 1000)
        answer = _answer(sock, timeout=20)
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_headers_slower_than_the_deadline_close_the_connection(quick: Receiver) -> None:
    """A request line and no end of headers: the connection is closed at the deadline."""
    with socket.create_connection(("127.0.0.1", quick.http_port)) as sock:
        sock.sendall(b"POST /v1/traces HTTP/1.1\r\nHost: x\r\n")
        assert _answer(sock, timeout=20) == b""


def test_a_declared_length_over_the_limit_is_413_before_reading(quick: Receiver) -> None:
    """Content-Length over --max-body-mb: 413 at once, without waiting for the body."""
    with socket.create_connection(("127.0.0.1", quick.http_port)) as sock:
        sock.sendall(_headers(quick, 2 << 30))
        assert _answer(sock, timeout=20).startswith(b"HTTP/1.1 413 ")


def _hold(r: Receiver, body: bytes, socks: list[socket.socket]) -> None:
    """Open a connection, send ``body`` minus its last byte as far as the server reads it."""
    sock = socket.create_connection(("127.0.0.1", r.http_port))
    socks.append(sock)
    sock.settimeout(3)
    try:
        sock.sendall(_headers(r, len(body), "Content-Encoding: gzip\r\n") + body[:-1])
    except TimeoutError:
        pass  # the server stopped reading: the rest waits in the kernel


def test_bodies_held_open_stay_within_the_inflight_budget(tmp_path: Path) -> None:
    """30 clients each send 4 MB (gzip, not compressible) minus the last byte and wait:
    the receiver reads no more than its 4 MB budget of them, and a valid request is
    still stored (the longest-stalled connections are closed to make room)."""
    env = {"COORDGAP_COLLECT_MAX_INFLIGHT_MB": "4", "COORDGAP_COLLECT_READ_TIMEOUT": "120"}
    with running(tmp_path / "spans", env=env) as r:
        assert HttpExporter(endpoint=r.http_url).export(make_spans(2)) is SpanExportResult.SUCCESS
        before = rss_bytes(r.proc.pid)
        body = gzip.compress(os.urandom(4 << 20), compresslevel=1)
        socks: list[socket.socket] = []
        threads = [threading.Thread(target=_hold, args=(r, body, socks)) for _ in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        time.sleep(1)  # let the receiver read what it will
        grown = rss_bytes(r.proc.pid) - before
        spans = make_spans(3, "valid")
        exporter = HttpExporter(endpoint=r.http_url, timeout=30)
        assert exporter.export(spans) is SpanExportResult.SUCCESS
        for sock in socks:
            sock.close()
    print(f"receiver grew {grown / 2**20:.1f} MiB under 30 x 4 MB held bodies")
    assert grown < 60 << 20  # all of them read would be 120 MB and more


def test_held_connections_do_not_exhaust_file_descriptors(tmp_path: Path) -> None:
    """With 256 open files, 300 clients hold connections open: a valid request is
    still stored, and "Too many open files" is not logged more than once or twice."""
    with running(tmp_path / "spans", open_files=256) as r:
        socks = []
        try:
            for _ in range(300):
                sock = socket.create_connection(("127.0.0.1", r.http_port), timeout=10)
                sock.sendall(b"POST /v1/traces HTTP/1.1\r\n")
                socks.append(sock)
            time.sleep(1.5)  # they are all stalled now
            spans = make_spans(3, "valid")
            assert HttpExporter(endpoint=r.http_url, timeout=20).export(spans) is (
                SpanExportResult.SUCCESS
            )
        finally:
            for sock in socks:
                sock.close()
        assert len(stored_span_ids(r.directory)) == 3
        assert r.log_text().count("Too many open files") <= 2


def test_held_grpc_connections_do_not_exhaust_file_descriptors(tmp_path: Path) -> None:
    """With 256 open files, 300 connections to the gRPC port that never speak: grpc
    core's connection cap and handshake deadline (the read deadline, 3 s here) keep
    descriptors free, and a valid export is stored."""
    env = {"COORDGAP_COLLECT_READ_TIMEOUT": "3"}
    with running(tmp_path / "spans", env=env, open_files=256) as r:
        socks = []
        try:
            for _ in range(300):
                socks.append(socket.create_connection(("127.0.0.1", r.grpc_port), timeout=10))
            exporter = GrpcExporter(endpoint=r.grpc_target, insecure=True, timeout=30)
            try:
                assert exporter.export(make_spans(2)) is SpanExportResult.SUCCESS
            finally:
                exporter.shutdown()
        finally:
            for sock in socks:
                sock.close()
        assert len(stored_span_ids(r.directory)) == 2
        assert r.log_text().count("Too many open files") <= 2


def test_grpc_checks_the_token_before_parsing(tmp_path: Path) -> None:
    """Unauthenticated garbage is UNAUTHENTICATED (never parsed); authenticated garbage
    is INVALID_ARGUMENT; an authenticated valid export is stored."""
    env = {"COORDGAP_COLLECT_TOKEN": "s3cret"}
    with running(tmp_path / "spans", env=env) as r:
        assert grpc_raw(r, b"\xff\xff\xff") is grpc.StatusCode.UNAUTHENTICATED
        auth = (("authorization", "Bearer s3cret"),)
        assert grpc_raw(r, b"\xff\xff\xff", auth) is grpc.StatusCode.INVALID_ARGUMENT
        exporter = GrpcExporter(endpoint=r.grpc_target, insecure=True, headers=dict(auth))
        try:
            assert exporter.export(make_spans(2)) is SpanExportResult.SUCCESS
        finally:
            exporter.shutdown()


def test_a_huge_name_is_quoted_in_part(tmp_path: Path) -> None:
    """A bad request with a 15 MB span name: the 400 and the log quote a bounded excerpt."""
    request = json.loads(_json_request("abcd", SPAN))
    request["resourceSpans"][0]["scopeSpans"][0]["spans"][0]["name"] = "n" * 15_000_000
    with running(tmp_path / "spans") as r:
        status, reply = _post(r, json.dumps(request).encode(), {"Content-Type": "application/json"})
        log = r.log_text()
    assert status == 400
    assert "trace id must be 16" in json.loads(reply)["message"]
    assert len(reply) < 1000
    assert len(log) < 10_000


def test_odd_requests_get_4xx_not_500(tmp_path: Path) -> None:
    """JSON nested 100k deep is 400; a non-UTF-8 Authorization header is 401; the
    Bearer scheme is matched in any case."""
    env = {"COORDGAP_COLLECT_TOKEN": "s3cret"}
    with running(tmp_path / "spans", env=env) as r:
        deep = b"[" * 100_000 + b"]" * 100_000
        status, _ = _post(
            r, deep, {"Content-Type": "application/json", "Authorization": "Bearer s3cret"}
        )
        assert status == 400
        with socket.create_connection(("127.0.0.1", r.http_port)) as sock:
            sock.sendall(_headers(r, 0, "Authorization: Bearer \xe9\xff\r\n"))
            assert _answer(sock, timeout=20).startswith(b"HTTP/1.1 401 ")
        body = _json_request(TRACE, SPAN)
        status, _ = _post(
            r, body, {"Content-Type": "application/json", "Authorization": "bearer s3cret"}
        )
        assert status == 200
        assert stored_span_ids(r.directory) == [(TRACE, SPAN)]


def test_ipv6_loopback_serves_both_protocols(tmp_path: Path) -> None:
    """--host ::1 starts, and both OTLP/HTTP and OTLP/gRPC answer on [::1]."""
    with running(tmp_path / "spans", "--host", "::1") as r:
        http_ok = HttpExporter(endpoint=f"http://[::1]:{r.http_port}/v1/traces")
        assert http_ok.export(make_spans(2)) is SpanExportResult.SUCCESS
        grpc_ok = GrpcExporter(endpoint=f"[::1]:{r.grpc_port}", insecure=True)
        try:
            assert grpc_ok.export(make_spans(2)) is SpanExportResult.SUCCESS
        finally:
            grpc_ok.shutdown()
        assert len(stored_span_ids(r.directory)) == 4
