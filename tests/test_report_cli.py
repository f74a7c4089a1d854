"""`coordgap report`: the command over a real store, and its one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_report_support import figure_specs, trace_pipeline

import analyzer
from coordgap.cli import main


def test_report_from_a_database(tmp_path: Path) -> None:
    """--db and -o: the report is written and the command says where, how big, how many runs."""
    trace_pipeline(tmp_path / "spans", runs=15)
    runner = CliRunner()
    ingest_db = tmp_path / "traces.duckdb"
    with analyzer.open(ingest_db) as store:
        store.ingest([tmp_path / "spans"])
    out = tmp_path / "out" / "leak.html"
    result = runner.invoke(
        main, ["report", "--db", str(ingest_db), "-o", str(out), "--title", "Q3"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"report: {out} (")
    assert result.output.rstrip().endswith("15 runs)")
    page = out.read_text()
    assert "<title>Q3</title>" in page
    assert len(figure_specs(page)) >= 6


def test_report_reads_the_local_store_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --db it ingests ./.coordgap/spans into ./.coordgap/coordgap.duckdb first."""
    monkeypatch.chdir(tmp_path)
    trace_pipeline(tmp_path / ".coordgap" / "spans", runs=8)
    result = CliRunner().invoke(main, ["report"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".coordgap" / "coordgap.duckdb").is_file()
    assert result.output.rstrip().endswith("8 runs)")
    assert (tmp_path / ".coordgap" / "report.html").is_file()  # where `coordgap demo` writes it
    # running it again re-reads the same spans without duplicating them
    again = CliRunner().invoke(main, ["report"])
    assert again.exit_code == 0 and again.output.rstrip().endswith("8 runs)")


def test_missing_database_is_one_clear_line(tmp_path: Path) -> None:
    """A --db that does not exist: exit 1, one line naming it, no traceback, no file made."""
    missing = tmp_path / "nope.duckdb"
    result = CliRunner().invoke(
        main, ["report", "--db", str(missing), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no database at {missing}; try `coordgap demo` (a simulated pipeline, no "
        "setup), or `coordgap ingest FILE...` to read your own traces\n"
    )
    assert not missing.exists()
    assert not missing.exists() and not (tmp_path / "r.html").exists()


def test_unreadable_spans_file_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken file in the local store: exit 1 with a message naming the file."""
    monkeypatch.chdir(tmp_path)
    spans = tmp_path / ".coordgap" / "spans"
    spans.mkdir(parents=True)
    (spans / "spans-broken.jsonl").write_text('{"resourceSpans": 42}\n{"resourceSpans": []}\n')
    result = CliRunner().invoke(main, ["report"])
    assert result.exit_code == 1, result.output
    assert "spans-broken.jsonl" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_since_and_service_narrow_the_runs(tmp_path: Path) -> None:
    """--service and --since keep only the matching runs, like `coordgap analyze`."""
    trace_pipeline(tmp_path / "spans", runs=6)
    db = tmp_path / "traces.duckdb"
    with analyzer.open(db) as store:
        store.ingest([tmp_path / "spans"])
    runner = CliRunner()
    out = str(tmp_path / "r.html")
    studio = runner.invoke(main, ["report", "--db", str(db), "-o", out, "--service", "studio"])
    assert studio.output.rstrip().endswith("6 runs)"), studio.output
    other = runner.invoke(main, ["report", "--db", str(db), "-o", out, "--service", "elsewhere"])
    assert other.output.rstrip().endswith("0 runs)"), other.output
    future = runner.invoke(main, ["report", "--db", str(db), "-o", out, "--since", "2999-01-01"])
    assert future.output.rstrip().endswith("0 runs)"), future.output
    bad = runner.invoke(main, ["report", "--db", str(db), "-o", out, "--since", "soon"])
    assert bad.exit_code == 2 and "neither an ISO date/time" in bad.output


def test_unwritable_output_is_one_clear_line(tmp_path: Path) -> None:
    """-o under a path that is a file: exit 1 naming the output, the database untouched."""
    trace_pipeline(tmp_path / "spans", runs=3)
    db = tmp_path / "traces.duckdb"
    with analyzer.open(db) as store:
        store.ingest([tmp_path / "spans"])
    before = db.read_bytes()
    (tmp_path / "file").write_text("not a directory")
    out = tmp_path / "file" / "r.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {out}: cannot write: ")
    assert len(result.output.strip().splitlines()) == 1
    assert db.read_bytes() == before
