"""The blind family ``langgraph_waterworks`` (tests/corpus/blind/langgraph_waterworks): a
water utility's planning team on langgraph-swarm, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at real turns, that the team
and its faults are what the README says, and that every run was graded, is.
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
    assert_apart,
    assert_graded,
    coordgap_spans,
    ingested,
    regenerate,
    scenario_shape,
)
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "langgraph_waterworks"
FRAMEWORK = "langgraph-waterworks"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
TEAM = {
    "planning_lead",
    "records_analyst",
    "hydrology_engineer",
    "python_coder",
    "code_runner",
    "verification_expert",
    "report_writer",
}
CODE_MODES = {"code_failure_ignored", "repetition_loop", "wrong_answer_accepted"}


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, actor, owner) of coordgap's turns, in start order."""
    found: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        actor = attrs.get(semconv.ACTOR, "")
        owner = attrs.get(semconv.AGENT_OWNER, "")
        start = int(span["startTimeUnixNano"])
        found[span["traceId"]].append((start, span["spanId"], agent, actor, owner))
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


@functools.cache
def _outputs() -> dict[str, str]:
    """span id -> the recorded output text of the family's coordgap spans."""
    return {
        span["spanId"]: str(span["attrs"].get(semconv.OUTPUT_CONTENT))
        for span in coordgap_spans(FAMILY)
    }


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, 35-45% healthy, >= 15 with a gap of 2 or more."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 40 and len(FAILING) >= 25
    assert 0.35 <= 1 - len(FAILING) / len(RUNS) <= 0.45
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert len({v["mode"] for v in FAILING.values()}) >= 10
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_is_small() -> None:
    """The committed trace file stays under 400 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns."""
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


def test_the_team_is_seven_agents_and_the_runner_is_code() -> None:
    """Every turn is one of the seven agents; the code runner's turns are actor ``code``,
    the others ``model``; a run that computes anything has a code runner turn."""
    whole: Counter[str] = Counter()
    for trace_id in RUNS:
        steps = _turns()[trace_id]
        assert all(not owner for *_, owner in steps), trace_id
        for _, agent, actor, _ in steps:
            whole[agent] += 1
            expected = semconv.ACTOR_CODE if agent == "code_runner" else semconv.ACTOR_MODEL
            assert actor == expected, (trace_id, agent, actor)
        assert steps[0][1] == "planning_lead", trace_id
        assert len({agent for _, agent, _, _ in steps}) >= 4, trace_id
    assert set(whole) == TEAM
    assert sum(1 for k in RUNS if any(a == "code_runner" for _, a, _, _ in _turns()[k])) >= 50


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The crashing or wrong cell is python_coder's turn; the runner after it ran it
    (a traceback exactly when the mode says the code failed)."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 7
    for trace_id, run in runs.items():
        assert run["mistake_agent"] == "python_coder", run
        assert "```python" in _outputs()[run["span_id"]], run
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        runner = steps[at + 1]
        assert runner[1:3] == ("code_runner", semconv.ACTOR_CODE), run
        crashed = run["mode"] != "wrong_answer_accepted"
        assert ("Traceback" in _outputs()[runner[0]]) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    words = {m.replace("_", " ") for m in {v["mode"] for v in FAILING.values()}} | {"graded"}
    for trace_id in RUNS:
        for span_id, *_ in _turns()[trace_id]:
            said = _outputs()[span_id].lower()
            assert not [w for w in words if w in said], (trace_id, span_id)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "waterworks.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` stores each run with the grade its annotation implies."""
    assert_graded(db, RUNS)


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one scenario (a real subprocess's traceback) gives the same turns."""
    need("langgraph_swarm")
    scenario = "treatment_loss_comma_crash"
    regenerate(tmp_path, scenario, "--blind=langgraph_waterworks")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
