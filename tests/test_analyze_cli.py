"""`coordgap analyze`, `explain` and `check` through click's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from analyzer_builders import Run, write_db
from click.testing import CliRunner, Result

from coordgap.cli import main


def _runs() -> list[Run]:
    """One success, one handoff failure, one verification gap."""
    ok = Run(1)
    ok.agent("writer")
    ok.agent("editor", parent=ok.handoff("writer", "editor"))
    ok.verify("brand", "accept")
    bad = Run(2)
    bad.agent("writer")
    h = bad.handoff("writer", "editor", violations=["dropped_key: brand_voice"])
    bad.agent("editor", parent=h, error="KeyError", propagate=True)
    gap = Run(3, outcome="failure", outcome_reason="client rejected")
    gap.agent("writer")
    return [ok, bad, gap]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return write_db(tmp_path / "runs.duckdb", *_runs())


def _invoke(*args: str | Path) -> Result:
    # a wide terminal so rich does not wrap the lines the assertions read
    runner = CliRunner(env={"COLUMNS": "200"})
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_analyze_json_is_the_documented_contract(db: Path) -> None:
    """Exactly the keys of the README contract; ids as lowercase hex."""
    result = _invoke("analyze", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert list(out) == [
        "runs", "failed", "end_to_end_reliability", "predicted_reliability",
        "coordination_gap", "by_category", "stages", "agents", "edges", "verification",
        "failures",
    ]  # fmt: skip
    assert (out["runs"], out["failed"]) == (3, 2)
    assert out["end_to_end_reliability"] == pytest.approx(1 / 3, abs=1e-6)
    assert list(out["by_category"]) == [
        "decomposition", "handoff", "verification", "generation", "assembly", "unknown",
    ]  # fmt: skip
    assert set(out["stages"][0]) == {"stage", "runs", "failures", "reliability"}
    assert set(out["agents"][0]) == {"agent", "actor", "calls", "failures", "reliability"}
    assert set(out["edges"][0]) == {
        "source", "target", "handoffs", "violations", "failed_runs", "failure_rate", "p50_ms",
    }  # fmt: skip
    assert set(out["verification"]) == {
        "checks", "rejects", "false_accepts", "catch_rate", "recovery_rate", "share_of_latency",
    }  # fmt: skip
    failures = {f["category"]: f for f in out["failures"]}
    assert set(failures) == {"handoff", "verification"}
    handoff = failures["handoff"]
    assert set(handoff) == {
        "trace_id", "category", "span_id", "span_name", "agent", "reason", "evidence",
        "detector", "quote", "symptom_span_id", "confidence", "suspect", "suspects",
    }  # fmt: skip
    assert (handoff["detector"], handoff["quote"], handoff["symptom_span_id"]) == (None,) * 3
    assert handoff["suspect"] is False and 0.0 <= handoff["confidence"] <= 1.0
    for suspect in handoff["suspects"]:
        assert set(suspect) == {"agent", "span_id", "turn", "score", "evidence"}
        assert suspect["evidence"] and all(isinstance(e, str) for e in suspect["evidence"])
    assert handoff["reason"] == "handoff writer -> editor dropped carried key `brand_voice`"
    for f in out["failures"]:
        assert re.fullmatch(r"[0-9a-f]{32}", f["trace_id"])
        for span_id in [f["span_id"], *f["evidence"]]:
            assert re.fullmatch(r"[0-9a-f]{16}", span_id)


def test_analyze_table_prints_the_same_figures(db: Path) -> None:
    """Rich tables with the figures and the one-line reasons."""
    result = _invoke("analyze", "--db", db)
    assert result.exit_code == 0, result.output
    for text in ("Runs", "Stages", "Agents", "Handoffs", "Verification", "Failed runs"):
        assert text in result.output
    assert "33.3%" in result.output
    assert "brand_voice" in result.output


def test_analyze_scopes_and_bad_since(db: Path) -> None:
    """--service filters; a --since that is not a time is a one-line usage error."""
    result = _invoke("analyze", "--db", db, "--format", "json", "--service", "other")
    assert json.loads(result.output)["runs"] == 0
    result = _invoke("analyze", "--db", db, "--format", "json", "--since", "2026-01-01T02:30Z")
    assert json.loads(result.output)["runs"] == 1
    result = _invoke("analyze", "--db", db, "--since", "yesterday-ish")
    assert result.exit_code == 2
    assert "neither an ISO date/time" in result.output


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    """No traceback: the path and what to do."""
    result = _invoke("analyze", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: no database at {tmp_path / 'none.duckdb'}; try `coordgap demo` (a simulated "
        "pipeline, no setup), or `coordgap ingest FILE...` to read your own traces"
    )


def test_explain_shows_tree_root_cause_evidence_and_reason(db: Path) -> None:
    """The failed run as a tree: the violating handoff marked, the editor as evidence."""
    result = _invoke("explain", f"{2:032x}", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "FAILED (handoff)" in out
    assert re.search(r"handoff writer -> editor .*<- root cause", out)
    assert re.search(r"invoke_agent editor .*x KeyError.*<- evidence", out)
    assert "reason handoff writer -> editor dropped carried key `brand_voice`" in out
    assert "evidence 0000000000000003, 0000000000000004" in out


def test_explain_unknown_and_malformed_trace_ids(db: Path) -> None:
    """An absent trace is exit 1 with its id; a non-hex id is a usage error."""
    result = _invoke("explain", "ab" * 16, "--db", db)
    assert result.exit_code == 1
    assert f"no trace id starts with {'ab' * 16}" in result.output
    result = _invoke("explain", "not-a-trace", "--db", db)
    assert result.exit_code == 2 and "up to 32 hex digits" in result.output


def test_check_passes_within_bounds_and_fails_beyond(db: Path) -> None:
    """handoff is 1 of 3 runs: passes at 50%, fails at 5% with a clear message."""
    result = _invoke("check", "--db", db, "--max", "handoff=50%", "--max", "end_to_end=0.7")
    assert result.exit_code == 0, result.output
    assert "check passed" in result.output
    result = _invoke("check", "--db", db, "--max", "handoff=0.05")
    assert result.exit_code == 1
    assert "check failed: handoff failure rate 33.33% exceeds its bound 5.00%" in result.output


@pytest.mark.parametrize(
    ("bound", "message"),
    [
        ("handoff", "is not KEY=RATE"),
        ("latency=0.1", "unknown rate 'latency'"),
        ("handoff=lots", "'lots' is not a number"),
        ("handoff=1.5", "outside 0..1"),
    ],
)
def test_check_bad_bound_is_a_one_line_usage_error(db: Path, bound: str, message: str) -> None:
    """Bad bound syntax: click's usage error naming the option and what was wrong."""
    result = _invoke("check", "--db", db, "--max", bound)
    assert result.exit_code == 2
    assert "Invalid value for '--max'" in result.output and message in result.output


def test_check_against_a_baseline(tmp_path: Path, db: Path) -> None:
    """Worse than the baseline fails; equal or better passes."""
    ok = Run(1)
    ok.agent("writer")
    baseline = write_db(tmp_path / "baseline.duckdb", ok)
    result = _invoke("check", "--db", db, "--baseline", baseline)
    assert result.exit_code == 1
    assert "end_to_end failure rate 66.67% regressed from 0.00% in the baseline" in result.output
    assert _invoke("check", "--db", baseline, "--baseline", db).exit_code == 0
    loose = _invoke("check", "--db", db, "--baseline", baseline, "--tolerance", "0.9")
    assert loose.exit_code == 0


def test_check_needs_a_bound_or_a_baseline(db: Path) -> None:
    """Nothing to check is a usage error, not a silent pass."""
    result = _invoke("check", "--db", db)
    assert result.exit_code == 2 and "at least one --max" in result.output


@pytest.mark.parametrize("command", ["analyze", "explain", "check"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    """--help works and shows an example invocation."""
    result = _invoke(command, "--help")
    assert result.exit_code == 0
    assert f"coordgap {command}" in result.output and "Example" in result.output


def test_parse_since_accepts_dates_times_and_ages() -> None:
    """ISO dates and times (naive = UTC) and ages relative to now."""
    from datetime import UTC, datetime, timedelta

    from coordgap.cli_analyze import parse_since

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_since("2026-01-31") == datetime(2026, 1, 31, tzinfo=UTC)
    assert parse_since("2026-01-31T08:00:00Z") == datetime(2026, 1, 31, 8, tzinfo=UTC)
    assert parse_since("90s", now=now) == now - timedelta(seconds=90)
    assert parse_since("12h", now=now) == now - timedelta(hours=12)
    assert parse_since("2w", now=now) == now - timedelta(weeks=2)
    with pytest.raises(ValueError, match="neither an ISO date/time"):
        parse_since("last tuesday")


def test_check_fails_on_an_empty_database(tmp_path: Path) -> None:
    """An empty database has nothing to check: exit 1 with one line, never a pass."""
    empty = write_db(tmp_path / "empty.duckdb")
    result = _invoke("check", "--db", empty, "--max", "handoff=0")
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [
        f"check failed: {empty} holds no runs; try `coordgap demo` (a simulated pipeline, "
        "no setup), or `coordgap ingest FILE...` to read your own traces"
    ]


def test_durations_read_for_people() -> None:
    """explain prints durations from microseconds to hours."""
    from analyzer.explain import format_ms

    assert [format_ms(v) for v in (0.25, 12.34, 4200, 185_000, 7_380_000, None)] == [
        "250 µs",
        "12.3 ms",
        "4.20 s",
        "3 min 05 s",
        "2 h 03 min",
        "?",
    ]
