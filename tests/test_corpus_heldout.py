"""The held-out attribution corpus (tests/corpus/heldout): families written apart from the
analyzer, kept out of the default corpus, scored on their own with
``benchmarks/attribution_accuracy.py --corpus tests/corpus/heldout``.

Accuracy is not asserted here; that the annotations point at real turns is.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest
from corpus_support import (
    coordgap_spans,
    grades,
    ingested,
    regenerate,
    scenario_shape,
)
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
    for span in coordgap_spans(HELDOUT):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        actor = attrs.get(semconv.ACTOR, "")
        owner = attrs.get(semconv.AGENT_OWNER, "")
        start = int(span["startTimeUnixNano"])
        found[span["traceId"]].append((start, span["spanId"], agent, actor, owner))
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


FAMILIES = sorted({v["framework"] for v in RUNS.values()})


def test_both_heldout_families_are_there() -> None:
    assert {"langgraph-newsroom", "autogen-brewery"} <= set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_heldout_family_is_big_enough_and_apart_from_the_default_corpus(family: str) -> None:
    runs = {k: v for k, v in RUNS.items() if v["framework"] == family}
    failing = {k: v for k, v in runs.items() if not v.get("healthy")}
    assert len(runs) >= 40
    assert len(failing) >= 24 and len(runs) - len(failing) >= 16
    assert len({v["mode"] for v in failing.values()}) >= 10
    assert sum(1 for v in failing.values() if v["gap"] >= 2) >= 15
    assert family not in {v["framework"] for v in DEFAULT.values()}
    assert not set(runs) & set(DEFAULT)


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


@pytest.mark.parametrize("family", FAMILIES)
def test_every_run_has_a_team_of_five_specialists_and_a_code_executor(family: str) -> None:
    runs = [k for k, v in RUNS.items() if v["framework"] == family]
    for trace_id in runs:
        top = [(agent, actor) for _, agent, actor, owner in _turns()[trace_id] if not owner]
        assert any(actor == semconv.ACTOR_CODE for _, actor in top), trace_id
        speakers = Counter(agent for agent, _ in top)
        assert len(speakers) >= 4, (trace_id, speakers)  # a near miss may skip a desk
    whole = {a for k in runs for _, a, _, owner in _turns()[k] if not owner}
    assert len(whole) >= 6, whole


@functools.cache
def _outputs() -> dict[str, str]:
    """span id -> the recorded output text of the held-out traces' coordgap spans."""
    return {
        span["spanId"]: str(span["attrs"].get(semconv.OUTPUT_CONTENT))
        for span in coordgap_spans(HELDOUT)
    }


def _output(span_id: str) -> str:
    """The recorded output text of one of the held-out traces' spans."""
    if span_id not in _outputs():
        raise AssertionError(f"no span {span_id}")
    return _outputs()[span_id]


def test_brewery_code_faults_are_written_by_the_engineer_and_run_for_real() -> None:
    """The crashing or wrong cell is the engineer's turn; the terminal after it ran it."""
    code_modes = {"code_failure_ignored", "wrong_answer_accepted", "repetition_loop"}
    runs = {
        k: v
        for k, v in FAILING.items()
        if v["framework"] == "autogen-brewery" and v["mode"] in code_modes
    }
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        assert run["mistake_agent"] == "process_engineer", run
        assert "```python" in _output(run["span_id"]), run
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        terminal = steps[at + 1]
        assert terminal[1:3] == ("brewhouse_pc", semconv.ACTOR_CODE), run
        printed = _output(terminal[0])
        crashed = run["mode"] != "wrong_answer_accepted"
        assert ("Traceback" in printed) == crashed, (run, printed)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(HELDOUT / "traces", tmp_path_factory.mktemp("heldout") / "heldout.duckdb")
    yield con
    con.close()


def test_every_heldout_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    graded = grades(db)
    for trace_id, run in RUNS.items():
        assert graded[trace_id] == ("success" if run.get("healthy") else "failure"), run


@pytest.mark.parametrize(
    ("framework", "scenario"),
    [
        ("langgraph_supervisor", "nr-crash-overtime"),  # a real subprocess's traceback
        ("autogen_agentchat", "bw-str-gravity-abv"),  # the same, from AutoGen's executor
    ],
)
@pytest.mark.regen
def test_heldout_generator_still_produces_the_same_shape(
    tmp_path: Path, framework: str, scenario: str
) -> None:
    need(framework)
    regenerate(tmp_path, scenario, "--heldout")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(HELDOUT, scenario)
