"""Every supported input format, on the recorded files in tests/fixtures/trace-formats/
(from Jaeger, Zipkin and opentelemetry-proto) and on files built from them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from google.protobuf import json_format
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

import analyzer
from analyzer.formats import detect, jaeger
from analyzer.formats.common import FormatError
from analyzer.formats.zipkin import SHARED_SPAN_ID, server_span_id

FIXTURES = Path(__file__).parent / "fixtures" / "trace-formats"
OTLP_EXAMPLE = FIXTURES / "otlp_json__otel-proto_examples_trace.json"
KEY_COLUMNS = "trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns, status"


def _ingest(tmp_path: Path, *paths: Path, db: str = "t.duckdb") -> tuple[analyzer.Store, object]:
    store = analyzer.open(tmp_path / db)
    return store, store.ingest(list(paths))


def _rows(store: analyzer.Store, where: str = "TRUE") -> list[tuple]:
    return store.con.execute(
        f"SELECT {KEY_COLUMNS} FROM spans WHERE {where} ORDER BY trace_id, span_id"
    ).fetchall()


def test_every_recorded_file_ingests(tmp_path: Path) -> None:
    """The whole fixture folder in one call: formats detected, duplicates skipped."""
    store, result = _ingest(tmp_path, FIXTURES)
    with store:
        assert isinstance(result, analyzer.IngestResult)
        assert result.files == 7
        assert result.by_format == {"jaeger": 64, "otlp-json": 3, "zipkin": 20}
        # otlp2jaeger-in repeats a span; its -out twin repeats it again (and
        # matches the -in spans); ui_01 repeats span 2.
        assert result.duplicates == 4
        assert store.span_count() == result.spans_added == 83


def test_otlp_example_uppercase_ids_and_orphan(tmp_path: Path) -> None:
    """Uppercase hex ids come out lowercase; a parent absent from the file is kept."""
    store, _ = _ingest(tmp_path, OTLP_EXAMPLE)
    with store:
        (row,) = _rows(store)
    assert row[:4] == (
        "5b8efff798038103d269b633813fc60c",
        "eee19b7ec3c1b174",
        "eee19b7ec3c1b173",
        "I'm a server span",
    )
    assert row[4:6] == ("SERVER", "my.service")


def test_jaeger_api_json_matches_its_otlp_source(tmp_path: Path) -> None:
    """The golden pair from Jaeger: its OTLP input and its query-API output agree."""
    a, ra = _ingest(tmp_path, FIXTURES / "jaeger__otlp2jaeger-in.json", db="a.duckdb")
    b, rb = _ingest(tmp_path, FIXTURES / "jaeger__otlp2jaeger-out.json", db="b.duckdb")
    with a, b:
        assert (ra.spans_read, ra.spans_added) == (2, 1)  # type: ignore[attr-defined]
        assert (rb.spans_read, rb.spans_added) == (2, 1)  # type: ignore[attr-defined]
        assert _rows(a) == _rows(b)


def test_jaeger_ui_references_and_padding(tmp_path: Path) -> None:
    """64-bit trace ids are padded; CHILD_OF in the trace is the parent; FOLLOWS_FROM
    and cross-trace references become links."""
    store, _ = _ingest(tmp_path, FIXTURES / "jaeger__uimodel_ui_01.json")
    with store:
        row = store.con.execute(
            "SELECT trace_id, parent_span_id, links FROM spans WHERE span_id = '0000000000000004'"
        ).fetchone()
        events = store.con.execute(
            "SELECT events FROM spans WHERE span_id = '0000000000000002'"
        ).fetchone()
    assert row is not None and events is not None
    assert row[0] == "0" * 31 + "1" and row[1] == "0000000000000002"
    links = json.loads(row[2])
    assert [(link["trace_id"][-2:], link["attributes"][jaeger.REF_TYPE]) for link in links] == [
        ("ff", "CHILD_OF"),
        ("01", "FOLLOWS_FROM"),
    ]
    assert [e["name"] for e in json.loads(events[0])] == ["some-event", "log"]


def test_jaeger_typed_tags_become_text() -> None:
    """bool, int64 (also as a string), float64 and binary tags; error=true is ERROR."""
    trace = json.loads((FIXTURES / "jaeger__uimodel_ui_01.json").read_text())
    rows = list(jaeger.trace_rows(trace, lambda e: FormatError("ui_01", "", e)))
    tagged = rows[1]
    assert tagged.attributes["peer.ipv4"] == "23456"
    assert tagged.attributes["error"] == "true"
    assert tagged.attributes["temperature"] == "72.5"
    assert tagged.attributes["javascript_limit"] == "9223372036854775222"
    assert tagged.attributes["blob"] == "AAAwOQ=="
    assert tagged.status == "ERROR"
    assert json.loads(rows[3].attributes[jaeger.WARNINGS]) == ["some span warning"]


def test_zipkin_shared_span_halves_both_kept(tmp_path: Path) -> None:
    """CLIENT and SERVER halves sharing an id: the SERVER half is re-keyed under the
    CLIENT half and its own children follow it."""
    store, result = _ingest(tmp_path, FIXTURES / "zipkin_v2__skew.json")
    with store:
        assert result.spans_added == 4  # type: ignore[attr-defined]
        tid = "0000000000000000" + "1e223ff1f80f1c69"
        server = server_span_id(tid, "74280ae0c10d8062")
        got = dict(
            store.con.execute(
                "SELECT span_id, parent_span_id FROM spans WHERE trace_id = ?", [tid]
            ).fetchall()
        )
        shared = store.con.execute(
            "SELECT attributes[?] FROM spans WHERE span_id = ?", [SHARED_SPAN_ID, server]
        ).fetchone()
    assert got[server] == "74280ae0c10d8062"  # server half under the client half
    assert got["74280ae0c10d8062"] == "bf396325699c84bf"
    assert got["43210ae0c10d1234"] == server  # serviceb's async work under its server half
    assert shared == ("74280ae0c10d8062",)


def test_zipkin_yelp_tags_and_error_free(tmp_path: Path) -> None:
    """All 16 spans of the Yelp trace; remote endpoints become peer.service."""
    store, result = _ingest(tmp_path, FIXTURES / "zipkin_v2__yelp.json")
    with store:
        assert (result.spans_read, result.spans_added) == (16, 16)  # type: ignore[attr-defined]
        peer = store.con.execute(
            "SELECT attributes['peer.service'] FROM spans WHERE span_id = '15fc03927f0f68df'"
        ).fetchone()
        roots = store.con.execute("SELECT count(*) FROM spans WHERE parent_span_id IS NULL")
        assert roots.fetchone() == (1,)
    assert peer == ("blt",)


def _proto_bytes() -> bytes:
    message = json_format.Parse(OTLP_EXAMPLE.read_text(), ExportTraceServiceRequest())
    return message.SerializeToString()


def test_otlp_protobuf_single_delimited_and_gzip(tmp_path: Path) -> None:
    """Protobuf requests, plain, length-delimited and gzipped, read like the JSON."""
    raw = _proto_bytes()
    (tmp_path / "one.pb").write_bytes(raw)
    (tmp_path / "many.pb").write_bytes(
        b"".join(len(raw).to_bytes(4, "big") + raw for _ in range(3))
    )
    (tmp_path / "one.pb.gz").write_bytes(gzip.compress(raw))
    ref, _ = _ingest(tmp_path, OTLP_EXAMPLE, db="ref.duckdb")
    with ref:
        expected = _rows(ref)
    for name in ("one.pb", "many.pb", "one.pb.gz"):
        assert detect(str(tmp_path / name)).format == "otlp-proto"
        store, result = _ingest(tmp_path, tmp_path / name, db=f"{name}.duckdb")
        with store:
            assert _rows(store) == expected
            assert result.by_format == {"otlp-proto": 3 if name == "many.pb" else 1}  # type: ignore[attr-defined]


def test_truncated_protobuf_names_offset(tmp_path: Path) -> None:
    """A cut protobuf file fails with the byte offset of the broken field."""
    path = tmp_path / "cut.pb"
    path.write_bytes(_proto_bytes()[:-10])
    store = analyzer.open(tmp_path / "t.duckdb")
    with store, pytest.raises(FormatError, match=r"cut\.pb: byte 0: expected \d+ bytes"):
        store.ingest([path])


def test_base64_ids_and_enum_names(tmp_path: Path) -> None:
    """The protobuf JSON mapping (Tempo's form): base64 ids, enum-name kind/status."""
    doc = {
        "batches": [
            {
                "resource": {"attributes": []},
                "scopeSpans": [
                    {
                        "spans": [
                            {
                                "traceId": "MUkZX/sL7AU0e0jv6OzBsA==",
                                "spanId": "AAAAAAAAAAE=",
                                "name": "GET /",
                                "kind": "SPAN_KIND_SERVER",
                                "startTimeUnixNano": "1",
                                "endTimeUnixNano": "2",
                                "status": {"code": "STATUS_CODE_ERROR"},
                            }
                        ]
                    }
                ],
            }
        ]
    }
    path = tmp_path / "tempo.json"
    path.write_text(json.dumps(doc, indent=1))
    store, _ = _ingest(tmp_path, path)
    with store:
        row = store.con.execute("SELECT trace_id, span_id, kind, status, is_error FROM spans")
        assert row.fetchall() == [
            ("3149195ffb0bec05347b48efe8ecc1b0", "0000000000000001", "SERVER", "ERROR", True)
        ]


def test_unknown_format_and_empty_file(tmp_path: Path) -> None:
    """Something that is no trace format is one clear error; an empty file is no spans."""
    (tmp_path / "empty.jsonl").write_text("")
    store, result = _ingest(tmp_path, tmp_path / "empty.jsonl")
    with store:
        assert result.spans_read == 0  # type: ignore[attr-defined]
    (tmp_path / "notes.json").write_text('{"hello": "world"}\n')
    with pytest.raises(FormatError, match=r"notes\.json: byte 0: expected an OTLP/JSON request"):
        detect(str(tmp_path / "notes.json"))
    (tmp_path / "x.bin").write_bytes(b"\x07binary")
    with pytest.raises(FormatError, match="expected OTLP/JSON, OTLP protobuf, Jaeger"):
        detect(str(tmp_path / "x.bin"))


def test_documents_stream_span_by_span_with_their_service(tmp_path: Path) -> None:
    """Pretty-printed requests (one, or an array of them) keep each span's service."""
    example = json.loads(OTLP_EXAMPLE.read_text())
    second = json.loads(OTLP_EXAMPLE.read_text())
    rs = second["resourceSpans"][0]
    rs["resource"]["attributes"][0]["value"]["stringValue"] = "other.service"
    rs["scopeSpans"][0]["spans"][0]["spanId"] = "EEE19B7EC3C1B175"
    one = {"resourceSpans": example["resourceSpans"] + second["resourceSpans"]}
    (tmp_path / "one.json").write_text(json.dumps(one, indent=2))
    (tmp_path / "many.json").write_text(json.dumps([example, second], indent=2))
    for name in ("one.json", "many.json"):
        store, _ = _ingest(tmp_path, tmp_path / name, db=f"{name}.duckdb")
        with store:
            got = store.con.execute("SELECT span_id, service FROM spans ORDER BY span_id")
            assert got.fetchall() == [
                ("eee19b7ec3c1b174", "my.service"),
                ("eee19b7ec3c1b175", "other.service"),
            ], name


def test_a_jaeger_reply_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    """A Jaeger API reply nested 200,000 deep (400 KB) stops at the depth limit with
    the file named, instead of the parser's memory growing with the square of the
    depth, and leaves the database as it was."""
    deep = tmp_path / "deep-jaeger.json"
    deep.write_text('{"data": [{"traceID": "ab", "spans": ' + "[" * 200_000 + "]" * 200_000 + "}]}")
    store = analyzer.open(tmp_path / "t.duckdb")
    with store:
        with pytest.raises(
            FormatError, match=r"deep-jaeger\.json: byte \d+: JSON nested at most 512"
        ):
            store.ingest([deep])
        assert store.con.execute("SELECT count(*) FROM spans").fetchone() == (0,)
