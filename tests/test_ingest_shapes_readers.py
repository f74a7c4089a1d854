"""Jaeger, Zipkin, Phoenix and n8n files whose records have the wrong shape, damaged
gzip, JSON nested past any limit, and strings that are not Unicode: a one-line error
naming the file (and, where a reader checks it, the place), never a traceback. Each
case raised a Python error on the code before (TypeError, AttributeError, KeyError,
OverflowError, RecursionError, zlib.error, UnicodeDecodeError; a killed process for the
deep array), found by mutating the committed fixtures at random."""

from __future__ import annotations

import copy
import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import analyzer
from analyzer.formats.common import attr_text

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
_JAEGER = json.loads((FIXTURES / "trace-formats" / "jaeger__uimodel_ui_01.json").read_text())
_ZIPKIN = json.loads((FIXTURES / "trace-formats" / "zipkin_v2__yelp.json").read_text())
_N8N = json.loads((FIXTURES / "n8n" / "executions-2.41.1.json").read_text())
_PHOENIX = {
    "data": [
        {
            "name": "agent",
            "context": {
                "trace_id": "0af7651916cd43dd8448eb211c80319c",
                "span_id": "b7ad6b7169203331",
            },
            "span_kind": "AGENT",
            "parent_id": None,
            "start_time": "2026-05-01T10:00:00+00:00",
            "end_time": "2026-05-01T10:00:01+00:00",
            "status_code": "OK",
            "status_message": "",
            "attributes": {"agent": {"name": "writer"}},
            "events": [],
        }
    ]
}


def _ingest(path: Path) -> str:
    """The error ingesting ``path`` raises (the test fails when there is none)."""
    with pytest.raises(analyzer.FormatError) as info, analyzer.open(":memory:") as store:
        store.ingest([str(path)])
    return str(info.value)


def _changed(doc: Any, where: list[Any], value: Any) -> Any:
    out = copy.deepcopy(doc)
    target = out
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return out


@pytest.mark.parametrize(
    ("doc", "where", "value", "expected"),
    [
        (_JAEGER, ["spans", 0, "tags"], -1, "trace: expected span 0 tags to be an array, got int"),
        (_JAEGER, ["spans", 1, "logs"], "x", "span 1 logs to be an array of objects, got str"),
        (_JAEGER, ["spans", 0, "references"], 0.5, "span 0 references to be an array"),
        (_JAEGER, ["spans", 0, "startTime"], 10**17, "span 0 startTime as unix microseconds"),
        (_JAEGER, ["processes"], "Infinity", "expected processes to be an object, got str"),
        (_ZIPKIN, [2, "annotations"], -0.5, "span 2: expected annotations to be an array"),
        (_ZIPKIN, [2, "duration"], 10**17, "span 2: expected duration as unix microseconds"),
        (_PHOENIX, ["data", 0, "context"], 7, "data[0]: expected context to be an object"),
        (_PHOENIX, ["data", 0, "events"], [1], "data[0]: expected events to be an array of"),
        (_N8N, ["data", 0, "data", "resultData", "runData", "Order Webhook"], -0.5, "unexpected"),
    ],
    ids=["jaeger-tags", "jaeger-logs", "jaeger-refs", "jaeger-time", "jaeger-processes",
         "zipkin-annotations", "zipkin-duration", "phoenix-context", "phoenix-events", "n8n"],
)  # fmt: skip
def test_a_wrongly_shaped_record_is_one_line_naming_the_file(
    tmp_path: Path, doc: Any, where: list[Any], value: Any, expected: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_changed(doc, where, value)), "utf-8")
    message = _ingest(path)
    assert message.startswith(f"{path}: ") and expected in message, message
    assert "\n" not in message


def test_a_value_of_another_type_than_its_tag_says_reads_as_its_text(tmp_path: Path) -> None:
    """A Jaeger int64 tag holding a word, and warnings nested sixty deep, are read:
    the tag as its text, the warnings as compact JSON of bounded size (each level of
    elements-as-text used to escape the one inside it again: 4^60 characters)."""
    deep: Any = "w"
    for _ in range(60):
        deep = [deep]
    doc = _changed(_JAEGER, ["spans", 0, "warnings"], deep)
    doc["spans"][0]["tags"].append({"key": "n", "type": "int64", "value": "many"})
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(doc), "utf-8")
    with analyzer.open(":memory:") as store:
        store.ingest([str(path)])
        n, warnings = store.con.execute(
            "SELECT attributes['n'], attributes['jaeger.warnings'] FROM spans WHERE span_id = ?",
            [doc["spans"][0]["spanID"].rjust(16, "0")],
        ).fetchone() or (None, None)
    assert n == "many"
    assert warnings is not None and len(warnings) < 2_000


def test_array_text_stays_the_same_below_the_nesting_limit() -> None:
    assert attr_text([["a", 1], True]) == '["[\\"a\\",\\"1\\"]","true"]'
    assert len(attr_text(json.loads("[" * 300 + "1" + "]" * 300))) < 2_000


def test_damaged_gzip_names_the_file_not_the_database(tmp_path: Path) -> None:
    """A gzip stream damaged past its first megabyte raised zlib.error (a traceback),
    or an OSError the command printed as the database's; truncated, an EOFError that
    the command line shows as "Aborted!"."""
    zipkin = gzip.compress(json.dumps([_ZIPKIN] * 400).encode())
    lines = gzip.compress(
        b"".join(json.dumps(_otlp_request(n)).encode() + b"\n" for n in range(1, 20_000))
    )
    for name, body in (("spans.json.gz", zipkin), ("spans.jsonl.gz", lines)):
        damaged = tmp_path / f"damaged-{name}"
        damaged.write_bytes(body[: len(body) // 2] + bytes(64) + body[len(body) // 2 + 64 :])
        truncated = tmp_path / f"cut-{name}"
        truncated.write_bytes(body[: len(body) - 100])
        for path in (damaged, truncated):
            message = _ingest(path)
            assert message.startswith(f"{path}: ") and "gzip" in message, message


def _otlp_request(n: int) -> dict[str, Any]:
    span = {
        "traceId": f"{n:032x}",
        "spanId": f"{n:016x}",
        "name": "invoke_agent writer",
        "startTimeUnixNano": "1000",
        "endTimeUnixNano": "2000",
    }
    return {"resourceSpans": [{"resource": {}, "scopeSpans": [{"spans": [span]}]}]}


def _cli_ingest(tmp_path: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coordgap", "ingest", str(path), "--db", str(tmp_path / "t.duckdb")],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_json_nested_past_any_limit_and_half_surrogates_are_errors_at_the_command_line(
    tmp_path: Path,
) -> None:
    """200,000 opening brackets (the Zipkin reader's parser grew with the square of
    the depth until the process was killed; detection raised RecursionError), an OTLP
    request opening 100,000 arrays (10 GB, then RecursionError), and a
    Zipkin service name escaping half a surrogate pair (UnicodeDecodeError, printed
    without the file)."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000, "utf-8")
    request = tmp_path / "request.json"  # an OTLP request, read as one streamed document
    request.write_text('{"resourceSpans": ' + "[" * 100_000 + "\n", "utf-8")
    half = tmp_path / "half.json"
    span = dict(_ZIPKIN[0], localEndpoint={"serviceName": "PLACEHOLDER"})
    half.write_text(json.dumps([span]).replace("PLACEHOLDER", "s\\udfff"), "utf-8")
    for path, expected in ((deep, "nested"), (request, "nested"), (half, "Unicode")):
        done = _cli_ingest(tmp_path, path)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and expected in lines[0], lines
        assert not (tmp_path / "t.duckdb").exists()


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def test_a_protobuf_length_past_protobufs_limit_asks_for_no_memory(tmp_path: Path) -> None:
    """A ResourceSpans field whose length says 2^62 bytes made the reader ask for them
    (MemoryError, a traceback)."""
    path = tmp_path / "request.pb"
    path.write_bytes(b"\x0a" + _varint(2**62) + b"\x0a\x00")
    message = _ingest(path)
    assert message.startswith(f"{path}: byte 0: ") and "past protobuf's 2 GiB" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"data": {"a": {"b": 1}}, "next_cursor": null}', "byte 0: expected data to be an array"),
        ('[{"processes": {"p1": {"serviceName": "s"}}, "warnings": null}]',
         "trace 0: expected a Jaeger trace object"),
    ],
    ids=["data-not-an-array", "no-trace"],
)  # fmt: skip
def test_a_file_that_holds_no_trace_where_one_belongs_is_no_empty_file(
    tmp_path: Path, text: str, expected: str
) -> None:
    """A response whose ``data`` is no array, and an array of objects that are not
    Jaeger traces (processes, no traceID, no spans), were read as files of no spans:
    the ingest said "0 spans read" and went on."""
    path = tmp_path / "response.json"
    path.write_text(text, "utf-8")
    message = _ingest(path)
    assert message.startswith(f"{path}: ") and expected in message, message


#: a valid protobuf request (one span) whose first bytes read ``\n[\n1\n``: a newline, the
#: 0x5b length of its ResourceSpans, its Resource's
_PROTO_LIKE_JSON = bytes.fromhex(
    "0a5b0a310a2f0a0c736572766963652e6e616d65121f0a1d73737373737373737373737373737373"
    "73737373737373737373737373122612240a100102030405060708090a0b0c0d0e0f10120801020304"
    "050607082a066e6e6e6e6e6e"
)


@pytest.mark.parametrize(
    ("name", "body", "source"),
    [
        ("request.pb", _PROTO_LIKE_JSON, "otlp-proto"),
        ("spans.json",
         b'[{"traceId":"1","id":"2"},{"traceId":"1","id":"3","traceID":"1"}]', "zipkin"),
    ],
    ids=["protobuf-starting-like-json", "zipkin-span-with-a-stray-key"],
)  # fmt: skip
def test_detection_names_the_format_a_file_is_in(
    tmp_path: Path, name: str, body: bytes, source: str
) -> None:
    """A protobuf request whose bytes begin like a JSON array was refused as malformed
    JSON; a Zipkin span carrying a stray ``traceID`` made the file a Jaeger one, read as
    no spans (now: an error, before 2513f20 silence)."""
    path = tmp_path / name
    path.write_bytes(body)
    with analyzer.open(":memory:") as store:
        result = store.ingest([str(path)])
    assert result.by_format == {source: result.spans_read} and result.spans_read > 0
