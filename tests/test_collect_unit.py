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
from collector.otlp_http import build_app  # noqa: E402
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
        app = build_app(
            sink,
            max_body=1 << 20,
            retry_after=3,
            authorized=lambda _h: True,
            executor=ThreadPoolExecutor(1),
        )
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
