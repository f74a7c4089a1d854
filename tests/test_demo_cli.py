"""`coordgap demo` end to end: a real process, the local store, the analyzer,
the report, and the ground truth set beside the attribution."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import analyzer
from coordgap.cli import main

pytestmark = pytest.mark.e2e


def _coordgap(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Any:
    environment = {**os.environ, "COLUMNS": "120", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "coordgap", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _truth(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_demo_end_to_end(tmp_path: Path) -> None:
    """The demo writes spans, ingests and analyzes them, prints the agreement
    figure and writes the report; the analyzer names every injected fault it can
    see (all but the silent ordering errors, which leave no trace)."""
    out = tmp_path / "cg"
    done = _coordgap("demo", "--runs", "80", "--seed", "3", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "attribution agrees with ground truth on" in done.stdout
    assert f"report: {out / 'report.html'}" in done.stdout
    report = (out / "report.html").read_text(encoding="utf-8")
    assert report.lstrip().lower().startswith("<!doctype html")
    assert len(list((out / "spans").glob("spans-*.jsonl"))) == 2  # studio + render farm

    truth = _truth(out / "demo-ground-truth.jsonl")
    assert [row["index"] for row in truth] == list(range(80))
    assert len({row["category"] for row in truth}) >= 4
    with analyzer.open(out / "coordgap.duckdb") as store:
        runs = store.analyze().runs
    said = {row["trace_id"]: row for row in runs.iter_rows(named=True)}
    assert len(said) == 80
    for row in truth:
        attributed = said[row["trace_id"]]
        assert attributed["failed"] == (row["category"] != "none"), row
        if row["fault"] not in (None, "silent_ordering"):
            assert attributed["category"] == row["category"], row


def test_demo_is_deterministic(tmp_path: Path) -> None:
    """The same seed gives the same faults, ground truth and run outcomes."""
    results = []
    for name in ("a", "b"):
        out = tmp_path / name
        done = _coordgap("demo", "--runs", "30", "--seed", "11", "--out", str(out), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        results.append(_truth(out / "demo-ground-truth.jsonl"))
    first, second = (
        [{k: v for k, v in row.items() if k != "trace_id"} for row in rows] for rows in results
    )
    assert first == second
    assert {r["trace_id"] for r in results[0]}.isdisjoint(r["trace_id"] for r in results[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rate", "handoff=2"], "between 0 and 1"),
        (["--rate", "handoff"], "not NAME=PROBABILITY"),
        (["--rate", "handof=0.1"], "unknown fault rate handof"),
        (["--runs", "0"], "0 is not in the range"),
        (["--export", "jaeger"], "'jaeger' is not one of"),
    ],
)
def test_bad_options_fail_with_one_clear_line(args: list[str], message: str) -> None:
    """Impossible settings are refused before anything runs."""
    result = CliRunner().invoke(main, ["demo", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_demo_help_shows_an_example() -> None:
    """`coordgap demo --help` documents every option with an example."""
    result = CliRunner().invoke(main, ["demo", "--help"])
    assert result.exit_code == 0
    for option in ("--runs", "--seed", "--out", "--export", "--rate", "Example"):
        assert option in result.output


def test_a_second_demo_in_the_same_folder_analyzes_only_its_own_runs(tmp_path: Path) -> None:
    """Spans left by an earlier demo stay in the store but not in the new
    demo's summary, agreement figure or report."""
    out = tmp_path / "cg"
    first = _coordgap("demo", "--runs", "20", "--seed", "1", "--out", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = _coordgap("demo", "--runs", "25", "--seed", "2", "--out", str(out), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    truth = _truth(out / "demo-ground-truth.jsonl")
    failed = sum(1 for row in truth if row["category"] != "none")
    assert len(truth) == 25
    assert f"on {failed - _silent(truth)}/{failed} failed runs" in second.stdout
    assert "25 (" in second.stdout  # the summary's runs row: "25 (n failed)"
    with analyzer.open(out / "coordgap.duckdb") as store:
        assert store.analyze().runs.height == 45  # both demos are kept in the store


def _silent(truth: list[dict[str, Any]]) -> int:
    return sum(1 for row in truth if row["fault"] == "silent_ordering")
