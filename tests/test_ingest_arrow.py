"""The bulk OTLP/JSON-lines path: pyarrow chunks against DuckDB's reader, the
fallback per chunk, deduplication without a key index, stores written with one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import duckdb
import pytest
from test_ingest_helpers import otlp_span, request, sid, tid, write_lines

import analyzer
from analyzer import ingest_sql
from analyzer.formats import otlp_arrow
from tracer import semconv

_ORDER = "ORDER BY trace_id, span_id, name"


def _varied() -> list[dict[str, Any]]:
    """Requests with what the fixed schema reads: odd ids, enums, arrays, events,
    links, empty and missing parts, a resource without a service."""
    t = tid(7)
    spans = [
        otlp_span(t, sid(1), "invoke_workflow pipe", {semconv.GEN_AI_WORKFLOW_NAME: "pipe"}),
        otlp_span(
            t,
            sid(2),
            semconv.agent_span_name("writer"),
            {
                semconv.GEN_AI_AGENT_NAME: "writer",
                semconv.PLAN_ASSIGNEES: ["a", "", "b/c é"],
                semconv.VERIFY_ATTEMPT: 2,
                "flag": True,
                "off": False,
                "empty.list": [],
            },
            parent=sid(1),
            kind=9,
            error=True,
            events=[{"name": semconv.EXCEPTION_EVENT, "attributes": {"exception.type": "E"}}],
        ),
    ]
    odd = otlp_span(t.upper()[4:], "ABC", "", parent="0" * 16, kind=0)
    odd["links"] = [{"traceId": tid(8), "spanId": sid(9), "attributes": []}, {"spanId": ""}]
    odd["attributes"] = [
        {"key": "bytes", "value": {"bytesValue": "AAE="}},
        {"key": "none", "value": {}},
        {"key": "mixed", "value": {"arrayValue": {"values": [{"boolValue": True}, {}]}}},
        {"key": "bare", "value": {"arrayValue": {}}},
    ]
    odd["status"] = {"code": 1, "message": ""}
    del odd["endTimeUnixNano"]
    bare = {"resourceSpans": [{"scopeSpans": [{"spans": [otlp_span(tid(9), sid(3), "x")]}, {}]}]}
    return [request(spans), request([odd], service="other"), bare, {"resourceSpans": []}]


def _duckdb_stage(con: duckdb.DuckDBPyConnection, path: Path) -> list[tuple]:
    con.execute(
        ingest_sql._STAGE_OTLP_LINES,
        {"path": str(path), "compression": "none", "k_service": semconv.SERVICE_NAME},
    )
    return con.execute(f"SELECT * FROM cg_stage {_ORDER}").fetchall()


def test_arrow_staging_matches_duckdb_staging(tmp_path: Path) -> None:
    """pyarrow's staging rows of a chunk equal those DuckDB's reader makes of it."""
    path = write_lines(tmp_path / "v.jsonl", _varied())
    table = otlp_arrow.staging(
        otlp_arrow.parse(path.read_bytes()), semconv.SERVICE_NAME, "otlp-json"
    )
    with analyzer.open(tmp_path / "c.duckdb") as store:
        expected = _duckdb_stage(store.con, path)
        store.con.register("arrow_rows", table)
        got = store.con.execute(f"SELECT * FROM arrow_rows {_ORDER}").fetchall()
    assert len(got) == 4
    assert got == expected


def _not_arrow() -> list[dict[str, Any]]:
    """Requests the fixed schema does not read: a double, an enum name, a base64 id."""
    double = otlp_span(tid(1), sid(1), "d", {"temperature": 0.5})
    named = otlp_span(tid(1), sid(2), "n", kind="SPAN_KIND_SERVER")
    b64 = otlp_span(tid(1), "AAAAAAAAAAM=", "b")
    return [request([double]), request([named]), request([b64])]


@pytest.mark.parametrize("req", _not_arrow())
def test_what_the_schema_does_not_read_is_not_arrow(req: dict[str, Any], tmp_path: Path) -> None:
    """Each of these sends its chunk to DuckDB's reader."""
    chunk = write_lines(tmp_path / "x.jsonl", [req]).read_bytes()
    with pytest.raises(otlp_arrow.NotArrow):
        otlp_arrow.staging(otlp_arrow.parse(chunk), semconv.SERVICE_NAME, "otlp-json")


def _all_rows(db: Path, paths: list[Path]) -> tuple[list[tuple], int]:
    with analyzer.open(db) as store:
        added = store.ingest(paths).spans_added
        return store.con.execute(f"SELECT * FROM spans {_ORDER}").fetchall(), added


def test_mixed_chunks_store_what_duckdb_alone_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Line-sized chunks, some read by pyarrow and some by DuckDB, store the rows
    DuckDB's reader stores when it reads every chunk."""
    path = write_lines(tmp_path / "m.jsonl", _varied() + _not_arrow())
    monkeypatch.setattr(otlp_arrow, "CHUNK_BYTES", 64)
    mixed = _all_rows(tmp_path / "mixed.duckdb", [path])

    def refuse(chunk: bytes) -> None:
        raise otlp_arrow.NotArrow("test")

    monkeypatch.setattr(otlp_arrow, "parse", refuse)
    assert mixed == _all_rows(tmp_path / "duckdb.duckdb", [path])
    assert mixed[1] == 7


def test_repeats_keep_the_first_across_chunks_files_and_ingests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A span repeated in a chunk, in a later chunk, in a later file or a later
    ingest is stored once, as first seen."""
    monkeypatch.setattr(otlp_arrow, "CHUNK_BYTES", 64)
    t = tid(1)
    first = write_lines(
        tmp_path / "a.jsonl",
        [request([otlp_span(t, sid(1), "first"), otlp_span(t, sid(1), "twin")])],
    )
    again = write_lines(
        tmp_path / "b.jsonl",
        [request([otlp_span(t, sid(1), "again"), otlp_span(t, sid(2), "new")])] * 2,
    )
    db = tmp_path / "c.duckdb"
    with analyzer.open(db) as store:
        result = store.ingest([first, again])
        assert (result.spans_read, result.spans_added, result.duplicates) == (6, 2, 4)
        later = store.ingest([again])
        assert (later.spans_added, later.duplicates) == (0, 4)
        names = store.con.execute(f"SELECT name FROM spans {_ORDER}").fetchall()
    assert names == [("first",), ("new",)]


def test_store_with_the_old_key_is_rebuilt_without_it(tmp_path: Path) -> None:
    """A store written while spans had a primary key keeps its rows, loses the key,
    and still skips spans it already holds."""
    db = tmp_path / "old.duckdb"
    keyed = analyzer.store._schema_sql().replace(
        '"overlap: a~b"\n);', '"overlap: a~b"\n    , PRIMARY KEY (trace_id, span_id)\n);', 1
    )
    assert "PRIMARY KEY" in keyed
    con = duckdb.connect(str(db))
    con.execute(keyed)
    con.execute(
        "INSERT INTO spans (trace_id, span_id, name, start_ns, end_ns) VALUES (?, ?, 'old', 1, 2)",
        [tid(1), sid(1)],
    )
    con.close()
    path = write_lines(tmp_path / "x.jsonl", [request([otlp_span(tid(1), sid(1), "new")])])
    with analyzer.open(db) as store:
        keys = store.con.execute(analyzer.store._KEYED_SPANS).fetchone()
        result = store.ingest([path])
        names = store.con.execute("SELECT name FROM spans").fetchall()
    assert keys == (0,)
    assert (result.spans_added, names) == (0, [("old",)])


def test_chunks_are_whole_lines_and_a_long_line_stops() -> None:
    """Chunks end at a newline (the last one may not); a line over the limit raises."""
    text = b'{"a":1}\n{"b":22}\n{"c":3}'
    got = list(otlp_arrow.chunks(io.BytesIO(text), limit=100, size=10))
    assert b"".join(got) == text
    assert all(c.endswith(b"\n") for c in got[:-1]) and len(got) > 1
    with pytest.raises(otlp_arrow.LineTooLong):
        list(otlp_arrow.chunks(io.BytesIO(b"x" * 50 + b"\n"), limit=20, size=8))
