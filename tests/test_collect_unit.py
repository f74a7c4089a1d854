"""The receiver's parts alone: the codec, the bounded sink, the HTTP answers under pressure."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.integration_support import need

need("aiohttp")  # the collect extra: skipped without it, unless CI requires it

from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans  # noqa: E402

import analyzer  # noqa: E402
from collector import Settings, is_loopback  # noqa: E402
from collector.codec import BadRequest, decode_json, decode_protobuf, store_line  # noqa: E402
from collector.limits import Budget, Throttled  # noqa: E402
from collector.otlp_http import build_app  # noqa: E402
from collector.pipeline import Limits, Pipeline  # noqa: E402
from collector.sink import Busy, Sink, Unavailable  # noqa: E402
from tests.test_collect_receiver import _json_request, make_spans  # noqa: E402
from tracer.store_format import encode_request  # noqa: E402


def _without_flags(request: dict) -> dict:
    for rs in request["resourceSpans"]:
        for ss in rs["scopeSpans"]:
            for span in ss["spans"]:
                span.pop("flags", None)
    return request


def test_store_line_is_what_the_tracer_writes() -> None:
    """An SDK exporter's protobuf, stored, equals the tracer's own local-store line
    for the same spans (the receiver only adds OTLP's optional span flags)."""
    spans = make_spans(4)
    body = encode_spans(spans).SerializeToString()
    line = store_line(decode_protobuf(body))
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert _without_flags(json.loads(line)) == encode_request(spans)


def test_json_base64_ids_are_stored_as_hex() -> None:
    """OTLP/JSON with base64 ids (some clients send them) is stored with hex ids."""
    body = _json_request("W47/95gDgQPSabYzgT/GDA==", "7uGbfsPBsXQ=")
    stored = json.loads(store_line(decode_json(body)))
    span = stored["resourceSpans"][0]["scopeSpans"][0]["spans"][0]
    assert (span["traceId"], span["spanId"]) == (
        "5b8efff798038103d269b633813fc60c",
        "eee19b7ec3c1b174",
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[1, 2]", "must be an object"),
        (b'{"resourceSpans": [{"scopeSpans": [{"spans": [{"kind": [1]}]}]}]}', "OTLP/JSON"),
        (b"\xff", "not JSON"),
    ],
)
def test_decode_json_rejects_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(BadRequest, match=reason):
        decode_json(body)


def test_stored_file_is_ingested_by_the_analyzer(tmp_path: Path) -> None:
    """What the sink writes is the local store format: `ingest` reads it, ids intact."""
    spans = make_spans(5)

    async def main() -> None:
        sink = Sink(tmp_path / "spans", max_queue=4, min_free_bytes=0)
        sink.start()
        await sink.submit(store_line(decode_protobuf(encode_spans(spans).SerializeToString())), 5)
        await sink.close()

    asyncio.run(main())
    with analyzer.open(tmp_path / "db.duckdb") as store:
        result = store.ingest([str(tmp_path / "spans")])
        assert (result.spans_read, result.spans_added) == (5, 5)
        names = {r[0] for r in store.con.execute("SELECT name FROM spans").fetchall()}
    assert names == {"run", "step 0", "step 1", "step 2", "step 3"}


def test_sink_refuses_when_full_and_finishes_what_it_accepted(tmp_path: Path) -> None:
    """A full queue raises Busy at once; close() still writes every accepted line and
    answers its waiting client; after close, submissions are Unavailable."""

    async def main() -> list[str]:
        sink = Sink(tmp_path, max_queue=1, min_free_bytes=0)  # writer not started yet
        first = asyncio.ensure_future(sink.submit(b'{"resourceSpans":[]}\n', 1))
        await asyncio.sleep(0)
        with pytest.raises(Busy):
            await sink.submit(b"x\n", 1)
        sink.start()
        await sink.close()
        await first  # answered: its line is on disk
        with pytest.raises(Unavailable):
            await sink.submit(b"y\n", 1)
        return [p.read_text() for p in tmp_path.glob("spans-*.jsonl")]

    assert asyncio.run(main()) == ['{"resourceSpans":[]}\n']


def test_http_busy_is_429_with_retry_after(tmp_path: Path) -> None:
    """With the queue full, OTLP/HTTP answers 429 + Retry-After (clients retry)."""

    async def main() -> tuple[int, str | None]:
        sink = Sink(tmp_path, max_queue=1, min_free_bytes=0)  # writer stopped: queue fills
        pipeline = Pipeline(
            sink, Budget(1 << 30), ThreadPoolExecutor(1), Limits(1 << 20, 30.0, 3), Throttled()
        )
        app = build_app(pipeline, authorized=lambda _h: True)
        body = encode_spans(make_spans(2)).SerializeToString()
        headers = {"Content-Type": "application/x-protobuf"}
        async with TestClient(TestServer(app)) as client:
            first = asyncio.ensure_future(client.post("/v1/traces", data=body, headers=headers))
            while sink.queued == 0:
                await asyncio.sleep(0.01)
            resp = await client.post("/v1/traces", data=body, headers=headers)
            sink.start()
            assert (await first).status == 200
            await sink.close()
            return resp.status, resp.headers.get("Retry-After")

    assert asyncio.run(main()) == (429, "3")


def test_settings_refuse_impossible_setups(tmp_path: Path) -> None:
    """Beyond loopback without a token, or with nothing to serve: ValueError."""
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")
    with pytest.raises(ValueError, match="without a token"):
        Settings(directory=tmp_path, host="0.0.0.0")
    Settings(directory=tmp_path, host="0.0.0.0", token="t")  # with a token it is allowed
    with pytest.raises(ValueError, match="nothing to serve"):
        Settings(directory=tmp_path, http_port=None, grpc_port=None)
    check = Settings(directory=tmp_path, token="abc").authorizer()
    assert check("Bearer abc") and not check("Bearer abd") and not check(None)


def test_sink_bounds_its_queue_in_bytes(tmp_path: Path) -> None:
    """Lines waiting for the disk count in bytes: one more line over the bound is Busy;
    a single line larger than the bound is still taken alone."""

    async def main() -> None:
        sink = Sink(tmp_path, max_queue=100, max_queue_bytes=2048, min_free_bytes=0)
        first = asyncio.ensure_future(sink.submit(b"a" * 1500 + b"\n", 1))
        await asyncio.sleep(0)
        assert sink.queued_bytes == 1501
        with pytest.raises(Busy, match="bytes waiting"):
            await sink.submit(b"b" * 600 + b"\n", 1)
        sink.start()
        await first
        await sink.submit(b"c" * 5000 + b"\n", 1)  # alone in the queue: accepted
        await sink.close()
        assert sink.queued_bytes == 0

    asyncio.run(main())


def test_sink_fsyncs_the_directory_of_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store folder itself is fsynced once the first line creates a file."""
    import os
    import stat

    synced: list[bool] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)

    async def main() -> None:
        sink = Sink(tmp_path, max_queue=4, min_free_bytes=0)
        sink.start()
        await sink.submit(b"{}\n", 1)
        await sink.submit(b"{}\n", 1)
        await sink.close()

    asyncio.run(main())
    assert synced.count(True) == 1 and synced.count(False) == 2


def test_decompress_is_bounded() -> None:
    """gzip and deflate are undone up to the limit: a bomb is TooLarge, a cut stream and
    an unknown encoding are BadRequest, and nothing is produced past the limit."""
    import gzip
    import zlib

    from collector.codec import TooLarge, decompress

    data = b"x" * 50_000
    packed = gzip.compress(data)
    assert decompress([packed[:10], packed[10:]], "gzip", 50_000) == data
    assert decompress([zlib.compress(data)], "deflate", 50_000) == data
    raw = zlib.compressobj(wbits=-15)
    assert decompress([raw.compress(data) + raw.flush()], "deflate", 50_000) == data
    with pytest.raises(TooLarge):
        decompress([gzip.compress(b"\0" * (64 << 20))], "gzip", 1 << 20)
    with pytest.raises(BadRequest, match="ends early"):
        decompress([packed[:-12]], "gzip", 50_000)
    with pytest.raises(BadRequest, match="content encoding 'br'"):
        decompress([packed], "br", 50_000)
    with pytest.raises(TooLarge):
        decompress([data], "", 1000)


def test_reasons_quote_bounded_excerpts() -> None:
    """A rejected span's name is quoted cut, saying how much was left out."""
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
        ExportTraceServiceRequest,
    )

    from collector.codec import EXCERPT, validate

    request = ExportTraceServiceRequest()
    span = request.resource_spans.add().scope_spans.add().spans.add()
    span.name = "n" * 1_000_000
    with pytest.raises(BadRequest) as raised:
        validate(request)
    assert len(str(raised.value)) < EXCERPT + 200
    assert "999,882 more characters" in str(raised.value)


def test_authorizer_scheme_and_odd_headers(tmp_path: Path) -> None:
    """Bearer in any case; a header that cannot be encoded, or another scheme, never matches."""
    check = Settings(directory=tmp_path, token="abc").authorizer()
    assert check("bearer abc") and check("BEARER abc") and check("Bearer  abc ")
    assert not check("Basic abc") and not check("Bearer \udce9") and not check("abc")


def test_ipv6_addresses_are_bracketed() -> None:
    from collector.service import host_port

    assert host_port("::1", 4317) == "[::1]:4317"
    assert host_port("[::1]", 4317) == "[::1]:4317"
    assert host_port("127.0.0.1", 4317) == "127.0.0.1:4317"
    assert host_port("localhost", 4317) == "localhost:4317"


def test_budget_waits_for_bytes_and_asks_for_relief() -> None:
    """A take over what is free waits until bytes are given back; while it waits it
    asks its relieve callback (which closes a stalled connection) to free some."""
    from collector.limits import Budget

    async def main() -> list[str]:
        events: list[str] = []
        budget: Budget

        def relieve() -> bool:
            events.append("relieve")
            asyncio.get_running_loop().call_later(0.01, budget.give, 60)
            return False

        budget = Budget(100, relieve=relieve)
        assert budget.try_take(60) and not budget.try_take(60)
        assert await asyncio.wait_for(budget.take(60), timeout=5) == 60
        events.append(f"used {budget.used}")
        return events

    async def capped() -> int:
        budget = Budget(100)
        return await budget.take(10**9)  # cut to the limit: it runs alone rather than never

    assert asyncio.run(main())[:2] == ["relieve", "used 60"]
    assert asyncio.run(capped()) == 100


def test_throttled_logs_once_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    """A recurring failure is one log line per interval per kind, then says how many
    were held back; another kind is not held back by it."""
    from collector.limits import Throttled

    now = [0.0]
    throttled = Throttled(every=3600, clock=lambda: now[0])
    with caplog.at_level("WARNING", logger="coordgap.collect"):
        for _ in range(1000):
            throttled.warning("accept", "cannot accept a connection: %s", "Too many open files")
        throttled.warning("401", "http: 401")
        now[0] = 3600.0
        throttled.warning("accept", "cannot accept a connection: %s", "Too many open files")
    assert [r.getMessage() for r in caplog.records] == [
        "cannot accept a connection: Too many open files",
        "http: 401",
        "cannot accept a connection: Too many open files (999 more like it in the last 3600 s)",
    ]
