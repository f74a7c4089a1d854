"""The held-out attribution corpus (tests/corpus/heldout): families written apart from the
analyzer, kept out of the default corpus, scored on their own with
``benchmarks/attribution_accuracy.py --corpus tests/corpus/heldout``.

Accuracy is not asserted here; that the annotations point at real turns is.
"""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "corpus" / "heldout"
RUNS: dict[str, dict[str, Any]] = json.loads((HELDOUT / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
DEFAULT = json.loads((ROOT / "tests" / "corpus" / "annotations.json").read_text())["runs"]


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, actor, owner) of coordgap's turns, in start order."""
    found: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for path in sorted((HELDOUT / "traces").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                for rs in json.loads(line)["resourceSpans"]:
                    for ss in rs["scopeSpans"]:
                        if ss.get("scope", {}).get("name") != "coordgap":
                            continue
                        for span in ss["spans"]:
                            attrs = {kv["key"]: kv["value"] for kv in span.get("attributes", [])}
                            agent = attrs.get(semconv.GEN_AI_AGENT_NAME, {}).get("stringValue")
                            if agent is None:
                                continue
                            actor = attrs.get(semconv.ACTOR, {}).get("stringValue", "")
                            owner = attrs.get("coordgap.agent.owner", {}).get("stringValue", "")
                            start = int(span["startTimeUnixNano"])
                            found[span["traceId"]].append(
                                (start, span["spanId"], agent, actor, owner)
                            )
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


def test_heldout_family_is_big_enough_and_apart_from_the_default_corpus() -> None:
    assert len(RUNS) >= 40
    assert len(FAILING) >= 24 and len(RUNS) - len(FAILING) >= 16
    assert len({v["mode"] for v in FAILING.values()}) >= 10
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    families = {v["framework"] for v in RUNS.values()}
    assert not families & {v["framework"] for v in DEFAULT.values()}
    assert not set(RUNS) & set(DEFAULT)


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    for trace_id, run in FAILING.items():
        steps = _turns()[trace_id]
        spans = [s[0] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at][1] == agent, run
            assert [s[1] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at][1] == run["mistake_agent"] and not steps[at][3], run
        assert shown - at == run["gap"] >= 0, run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_every_run_has_a_team_of_five_specialists_and_a_code_executor() -> None:
    for trace_id in RUNS:
        top = [(agent, actor) for _, agent, actor, owner in _turns()[trace_id] if not owner]
        assert any(actor == semconv.ACTOR_CODE for _, actor in top), trace_id
        speakers = Counter(agent for agent, _ in top)
        assert len(speakers) >= 4, (trace_id, speakers)  # a near miss may skip a desk
    whole = {agent for steps in _turns().values() for _, agent, _, owner in steps if not owner}
    assert len(whole) >= 6, whole


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("heldout") / "heldout.duckdb"
    subprocess.run(
        [sys.executable, "-m", "coordgap", "ingest", str(HELDOUT / "traces"), "--db", str(path)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_every_heldout_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    graded = dict(
        db.execute(
            "SELECT lower(outcome_trace_id), outcome FROM spans "
            "WHERE operation = ? AND outcome_trace_id IS NOT NULL",
            [semconv.OP_OUTCOME],
        ).fetchall()
    )
    for trace_id, run in RUNS.items():
        assert graded[trace_id] == ("success" if run.get("healthy") else "failure"), run


def _shape(root: Path, scenario: str) -> tuple[Any, ...]:
    """A scenario's run without ids or times: its annotation and its turns in order."""
    runs = json.loads((root / "annotations.json").read_text())["runs"]
    trace_id, run = next((k, v) for k, v in runs.items() if v["scenario"] == scenario)
    turns: list[tuple[int, str]] = []
    for path in (root / "traces").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                for rs in json.loads(line)["resourceSpans"]:
                    for ss in rs["scopeSpans"]:
                        for span in ss["spans"]:
                            if span["traceId"] == trace_id and ss["scope"]["name"] == "coordgap":
                                turns.append((int(span["startTimeUnixNano"]), span["name"]))
    keys = ("mode", "mistake_step", "symptom_step", "gap")
    return (*(run.get(k) for k in keys), [name for _, name in sorted(turns)])


def test_heldout_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    need("langgraph_supervisor")
    scenario = "nr-crash-overtime"  # the crash is a real subprocess's traceback
    subprocess.run(
        [sys.executable, "-m", "benchmarks.corpus.generate", "--heldout"]
        + [f"--out={tmp_path}", f"--scenario={scenario}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert _shape(tmp_path, scenario) == _shape(HELDOUT, scenario)
