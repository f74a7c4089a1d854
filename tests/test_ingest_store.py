"""Store.ingest over the local store and OTLP/JSON lines: idempotence, atomicity,
torn lines, errors that name the file and line."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ingest_helpers import otlp_span, request, sid, tid, write_lines

import analyzer
from coordgap.cli import main
from tracer import semconv


def _run(n: int) -> dict:
    """A small coordgap run: workflow, agent, handoff with a violation."""
    t = tid(n)
    return request(
        [
            otlp_span(
                t,
                sid(1),
                semconv.workflow_span_name("pipe"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
                    semconv.GEN_AI_WORKFLOW_NAME: "pipe",
                },
                duration=5_000_000,
            ),
            otlp_span(
                t,
                sid(2),
                semconv.agent_span_name("writer"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
                    semconv.GEN_AI_AGENT_NAME: "writer",
                    semconv.STAGE: semconv.STAGE_GENERATION,
                    semconv.ACTOR: semconv.ACTOR_MODEL,
                },
                parent=sid(1),
            ),
            otlp_span(
                t,
                sid(3),
                semconv.handoff_span_name("writer", "editor"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
                    semconv.STAGE: semconv.STAGE_HANDOFF,
                    semconv.HANDOFF_SOURCE: "writer",
                    semconv.HANDOFF_TARGET: "editor",
                    semconv.HANDOFF_VIOLATIONS: ["dropped_key: brand_voice"],
                },
                parent=sid(1),
                start=1_000_000,
            ),
        ]
    )


def _snapshot(db: Path) -> list[tuple]:
    with analyzer.open(db) as store:
        return store.con.execute("SELECT * FROM spans ORDER BY trace_id, span_id").fetchall()


@pytest.fixture
def local_store(tmp_path: Path) -> Path:
    spans = tmp_path / ".coordgap" / "spans"
    write_lines(spans / "spans-host-1-1.jsonl", [_run(1), _run(2)])
    write_lines(spans / "spans-host-2-1.jsonl", [_run(3)])
    return spans


def test_local_store_ingests_through_duckdb(local_store: Path, tmp_path: Path) -> None:
    """Every span of every file lands once, with the normalized columns filled."""
    with analyzer.open(tmp_path / "db" / "c.duckdb") as store:
        result = store.ingest([local_store])
        assert (result.files, result.spans_read, result.spans_added) == (2, 9, 9)
        assert result.by_format == {"otlp-json": 9}
        row = store.con.execute(
            "SELECT operation, stage, handoff_source, handoff_target, violations FROM spans "
            "WHERE trace_id = ? AND span_id = ?",
            [tid(2), sid(3)],
        ).fetchone()
    assert row == ("handoff", "handoff", "writer", "editor", ["dropped_key: brand_voice"])


def test_reingest_adds_nothing(local_store: Path, tmp_path: Path) -> None:
    """Re-reading the same spans counts them as duplicates and changes nothing."""
    db = tmp_path / "c.duckdb"
    with analyzer.open(db) as store:
        store.ingest([local_store])
    before = _snapshot(db)
    with analyzer.open(db) as store:
        again = store.ingest([local_store])
    assert (again.spans_read, again.spans_added, again.duplicates) == (9, 0, 9)
    assert _snapshot(db) == before


def test_torn_last_line_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A crash mid-write leaves an unterminated last line: skipped, counted, warned."""
    path = write_lines(tmp_path / "spans-h-1-1.jsonl", [_run(1)], tail='{"resourceSpans": [{"res')
    with analyzer.open(tmp_path / "c.duckdb") as store:
        result = store.ingest([path])
    assert (result.spans_added, result.torn_lines) == (3, 1)
    assert "line 2" in result.warnings[0]


def test_bad_file_leaves_database_exactly_as_it_was(local_store: Path, tmp_path: Path) -> None:
    """One malformed file among good ones: nothing of the invocation is written."""
    db = tmp_path / "c.duckdb"
    with analyzer.open(db) as store:
        store.ingest([local_store / "spans-host-2-1.jsonl"])
    before = _snapshot(db)
    bad = write_lines(tmp_path / "bad.jsonl", [_run(7)], tail='{"resourceSpans": [}\n')
    with analyzer.open(db) as store, pytest.raises(analyzer.FormatError) as err:
        store.ingest([local_store, bad])
    assert str(err.value).startswith(f"{bad}: line 2")
    assert _snapshot(db) == before


def test_bad_id_names_line_and_expectation(tmp_path: Path) -> None:
    """A span id that is neither hex nor base64 is reported with its line."""
    good = _run(1)
    broken = _run(2)
    broken["resourceSpans"][0]["scopeSpans"][0]["spans"][1]["spanId"] = "not-an-id!"
    path = write_lines(tmp_path / "x.jsonl", [good, broken])
    with analyzer.open(tmp_path / "c.duckdb") as store, pytest.raises(analyzer.FormatError) as err:
        store.ingest([path])
    message = str(err.value)
    assert message.startswith(f"{path}: line 2: ")
    assert "span 1" in message and "expected spanId" in message


def test_gzip_lines(local_store: Path, tmp_path: Path) -> None:
    """Gzip of JSON lines reads the same as the plain file."""
    plain = local_store / "spans-host-1-1.jsonl"
    packed = tmp_path / "spans.jsonl.gz"
    with plain.open("rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    with analyzer.open(tmp_path / "c.duckdb") as store:
        result = store.ingest([packed])
    assert result.spans_added == 6


def test_duckdb_and_python_readers_agree(local_store: Path, tmp_path: Path) -> None:
    """The DuckDB path and the streaming Python reader produce identical rows."""
    path = local_store / "spans-host-1-1.jsonl"
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(path.read_bytes() + b'{"resou')  # forces the Python reader
    rows = []
    for source in (path, torn):
        with analyzer.open(tmp_path / f"{source.stem}.duckdb") as store:
            store.ingest([source])
            rows.append(
                store.con.execute("SELECT * FROM spans ORDER BY trace_id, span_id").fetchall()
            )
    assert rows[0] == rows[1] and len(rows[0]) == 6


def test_cli_ingest_default_store_and_error_line(
    local_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI reads ./.coordgap/spans by default; a bad file is one line, exit 1."""
    runner = CliRunner()
    work = tmp_path / "work"
    shutil.copytree(local_store, work / ".coordgap" / "spans")
    monkeypatch.chdir(work)
    ok = runner.invoke(main, ["ingest"])
    assert ok.exit_code == 0, ok.output
    assert "9 added" in ok.output
    assert Path(".coordgap/coordgap.duckdb").exists()
    Path("bad.json").write_text('{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId"')
    bad = runner.invoke(main, ["ingest", "bad.json"])
    assert bad.exit_code == 1
    assert "Traceback" not in bad.output
    lines = [line for line in bad.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: bad.json:"), bad.output


def test_file_duckdb_rejects_but_python_reads(tmp_path: Path) -> None:
    """A valid request DuckDB cannot take (a repeated attribute key) is read by the
    Python reader after a clean retry; the last value of the key wins."""
    req = _run(1)
    attrs = req["resourceSpans"][0]["scopeSpans"][0]["spans"][1]["attributes"]
    attrs.append({"key": semconv.GEN_AI_AGENT_NAME, "value": {"stringValue": "rewriter"}})
    path = write_lines(tmp_path / "dup-key.jsonl", [req, _run(2)])
    with analyzer.open(tmp_path / "c.duckdb") as store:
        result = store.ingest([path])
        agent = store.con.execute(
            "SELECT agent FROM spans WHERE trace_id = ? AND span_id = ?", [tid(1), sid(2)]
        ).fetchone()
    assert (result.spans_read, result.spans_added) == (6, 6)
    assert agent == ("rewriter",)


def test_cli_unusable_database_is_one_line(local_store: Path, tmp_path: Path) -> None:
    """A --db that is not a DuckDB file: exit 1, one line, no traceback."""
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database\n")
    out = CliRunner().invoke(main, ["ingest", str(local_store), "--db", str(db)])
    assert out.exit_code == 1
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: {db}: "), out.output


def test_torn_first_write_is_skipped_then_read_once_complete(tmp_path: Path) -> None:
    """A writer killed during a file's first write leaves one unterminated line:
    ingest warns (file and line 1) and goes on; once the line is complete, the
    next ingest reads it."""
    spans = tmp_path / "spans"
    good = write_lines(spans / "spans-h-1-1.jsonl", [_run(1)])
    line = json.dumps(_run(2))
    torn = write_lines(spans / "spans-h-2-1.jsonl", [], tail=line[: len(line) // 2])
    db = tmp_path / "c.duckdb"
    with analyzer.open(db) as store:
        result = store.ingest([spans])
    assert (result.spans_added, result.torn_lines) == (3, 1)
    assert result.warnings == [f"{torn}: line 1: skipped a torn last line (incomplete write)"]
    torn.write_text(line + "\n")
    with analyzer.open(db) as store:
        again = store.ingest([spans])
    assert (again.spans_added, again.duplicates, again.torn_lines) == (3, 3, 0)
    assert good.exists()


def test_cli_ingest_survives_a_torn_first_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`coordgap ingest` over a store with a torn lone line exits 0 with a warning."""
    monkeypatch.chdir(tmp_path)
    spans = Path(".coordgap/spans")
    write_lines(spans / "spans-h-1-1.jsonl", [_run(1)])
    write_lines(spans / "spans-h-2-1.jsonl", [], tail='{"resou')
    out = CliRunner().invoke(main, ["ingest"])
    assert out.exit_code == 0, out.output
    assert "spans-h-2-1.jsonl: line 1: skipped a torn last line" in out.output
    assert "3 added" in out.output


def test_torn_line_in_the_middle_still_fails(tmp_path: Path) -> None:
    """Only the final line may be torn: a broken line followed by another fails
    with file and line, and the database stays as it was."""
    db = tmp_path / "c.duckdb"
    with analyzer.open(db) as store:
        store.ingest([write_lines(tmp_path / "first.jsonl", [_run(1)])])
    before = _snapshot(db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"resourceSpans": [{"res\n' + json.dumps(_run(2)) + "\n")
    with analyzer.open(db) as store, pytest.raises(analyzer.FormatError) as err:
        store.ingest([bad])
    assert str(err.value).startswith(f"{bad}: line 1")
    assert _snapshot(db) == before


def test_long_lines_stream_and_read_as_duckdb_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines over the long-line size are streamed span by span: same rows as the
    DuckDB path; a torn long last line is skipped; a broken long line in the
    middle names its line."""
    from analyzer import ingest
    from analyzer.formats import otlp_json

    path = write_lines(tmp_path / "a.jsonl", [_run(1), _run(2), _run(3)])
    with analyzer.open(tmp_path / "sql.duckdb") as store:
        store.ingest([path])
        expected = store.con.execute("SELECT * FROM spans ORDER BY trace_id, span_id").fetchall()
    monkeypatch.setattr(otlp_json, "LONG_LINE_BYTES", 256)
    torn = write_lines(
        tmp_path / "b.jsonl", [_run(1), _run(2), _run(3)], tail=json.dumps(_run(4))[:900]
    )
    with analyzer.open(tmp_path / "py.duckdb") as store:
        result = ingest.run(store.con, [torn], python_only=frozenset({str(torn)}))
        rows = store.con.execute("SELECT * FROM spans ORDER BY trace_id, span_id").fetchall()
    assert rows == expected and result.torn_lines == 1
    assert result.warnings == [f"{torn}: line 4: skipped a torn last line (incomplete write)"]
    bad = write_lines(tmp_path / "c.jsonl", [_run(1)], tail=json.dumps(_run(2))[:-2] + "\n")
    bad.write_text(bad.read_text() + json.dumps(_run(3)) + "\n")
    with (
        analyzer.open(tmp_path / "bad.duckdb") as store,
        pytest.raises(analyzer.FormatError) as err,
    ):
        ingest.run(store.con, [bad], python_only=frozenset({str(bad)}))
    assert str(err.value).startswith(f"{bad}: line 2 (near byte")
