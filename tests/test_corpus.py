"""The attribution corpus (tests/corpus): it ingests, and its annotations point at real spans.

Accuracy is not asserted here: ``benchmarks/attribution_accuracy.py`` measures it.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
RUNS: dict[str, dict[str, Any]] = json.loads((CORPUS / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
HEALTHY = {k: v for k, v in RUNS.items() if v.get("healthy")}


def _coordgap(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "coordgap", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    _coordgap("ingest", str(CORPUS / "traces"), "--db", str(path))
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_corpus_is_big_and_varied_enough_and_small_on_disk() -> None:
    modes = Counter(v["mode"] for v in FAILING.values())
    assert len(FAILING) >= 40
    assert len(HEALTHY) >= len(FAILING)
    assert len(modes) >= 6, modes
    assert len({v["framework"] for v in RUNS.values()}) >= 4
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 3 * 1024 * 1024


def test_every_annotated_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    graded = dict(
        db.execute(
            "SELECT lower(outcome_trace_id), outcome FROM spans "
            "WHERE operation = 'outcome' AND outcome_trace_id IS NOT NULL"
        ).fetchall()
    )
    rows = db.execute("SELECT trace_id FROM spans WHERE operation = 'workflow'").fetchall()
    runs = {r[0] for r in rows}
    assert set(RUNS) <= runs
    for trace_id, run in RUNS.items():
        assert graded[trace_id] == ("success" if run.get("healthy") else "failure"), run


def test_each_root_step_is_that_agents_turn_in_its_trace(db: duckdb.DuckDBPyConnection) -> None:
    for trace_id, run in FAILING.items():
        row = db.execute(
            "SELECT agent, operation FROM spans WHERE trace_id = ? AND span_id = ?",
            [trace_id, run["span_id"]],
        ).fetchone()
        assert row is not None, run
        agent, operation = row
        assert agent == run["mistake_agent"], run
        assert operation in ("agent", "verify", "plan"), run
        assert run["mistake_step"].startswith(f"{agent}#")
    assert all("span_id" not in run for run in HEALTHY.values())


def test_traces_carry_the_content_the_detectors_read(db: duckdb.DuckDBPyConnection) -> None:
    # content capture was on: the failing step's own output is in the span
    with_content = db.execute(
        "SELECT count(*) FROM spans WHERE attributes['coordgap.output'] IS NOT NULL"
    ).fetchone()
    assert with_content is not None and with_content[0] > len(RUNS)


# one small failing scenario per framework module of the generator
SHAPE_SCENARIOS = (
    "m1-code-failure-sales",
    "ag2-code-failure-median",
    "lg-lost-constraint-lisbon",
    "oa-tool-failure-A1",
)
FRAMEWORKS = ("autogen_agentchat", "autogen_ext", "langgraph", "agents")


def _shape(traces: Path, annotations: Path, scenario: str) -> tuple[Any, ...]:
    """What a scenario's run looks like, without ids or times."""
    runs = json.loads(annotations.read_text())["runs"]
    trace_id, run = next((k, v) for k, v in runs.items() if v["scenario"] == scenario)
    names: list[str] = []
    turns: list[tuple[int, str]] = []
    for path in traces.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                for rs in json.loads(line)["resourceSpans"]:
                    for ss in rs["scopeSpans"]:
                        if ss.get("scope", {}).get("name") != "coordgap":
                            continue
                        for span in ss["spans"]:
                            if span["traceId"] != trace_id:
                                continue
                            names.append(span["name"])
                            if span["name"].startswith(("invoke_agent", "verify")):
                                turns.append((int(span["startTimeUnixNano"]), span["name"]))
    return (
        run["mode"],
        run.get("mistake_step"),
        sorted(names),
        [name for _, name in sorted(turns)],
    )


@pytest.mark.skipif(
    not (
        os.environ.get("COORDGAP_REQUIRE_INTEGRATIONS") or os.environ.get("COORDGAP_CORPUS_SHAPE")
    ),
    reason="~30 s (four framework processes); runs in CI or with COORDGAP_CORPUS_SHAPE=1",
)
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    for module in FRAMEWORKS:
        need(module)
    args = [f"--scenario={name}" for name in SHAPE_SCENARIOS]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.corpus.generate",
            f"--out={tmp_path}",
            "--jobs=4",
            *args,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    for scenario in SHAPE_SCENARIOS:
        fresh = _shape(tmp_path / "traces", tmp_path / "annotations.json", scenario)
        committed = _shape(CORPUS / "traces", CORPUS / "annotations.json", scenario)
        assert fresh == committed, scenario
