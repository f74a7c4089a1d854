"""The blind family tests/corpus/blind/openai_agents_magentic: a Magentic-One team on the
OpenAI Agents SDK, written without looking at the analyzer, scored on its own.

Accuracy is not asserted here; that the annotations point at real turns, that the
team is there and that code really ran, is.
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
    SHAPE_KEYS,
    assert_graded,
    coordgap_spans,
    ingested,
    regenerate,
    scenario_run,
)
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "openai_agents_magentic"
FRAMEWORK = "openai-agents-magentic"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
TEAM = {"Orchestrator", "WebSurfer", "FileSurfer", "Coder", "ComputerTerminal"}
CRASHING = {"code_failure_ignored", "repetition_loop"}


def _spans() -> list[dict[str, Any]]:
    """coordgap's spans of the family, attributes flattened, in file order."""
    return list(coordgap_spans(FAMILY))


@functools.cache
def _by_trace() -> dict[str, list[dict[str, Any]]]:
    """trace id -> its spans in start order."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in _spans():
        out[span["traceId"]].append(span)
    return {k: sorted(v, key=lambda s: int(s["startTimeUnixNano"])) for k, v in out.items()}


def _turns(trace_id: str) -> list[dict[str, Any]]:
    return [s for s in _by_trace()[trace_id] if semconv.GEN_AI_AGENT_NAME in s["attrs"]]


def _agent(span: dict[str, Any]) -> str:
    return str(span["attrs"][semconv.GEN_AI_AGENT_NAME])


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, 35-45% healthy, >= 15 mistakes two or more turns early."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 40 and len(FAILING) >= 25
    assert 0.35 <= (len(RUNS) - len(FAILING)) / len(RUNS) <= 0.45
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert len({v["mode"] for v in FAILING.values()}) >= 10
    assert len({v["task"] for v in RUNS.values()}) >= 12
    for other in (ROOT / "tests" / "corpus").glob("**/annotations.json"):
        if other.parent != FAMILY:
            runs = json.loads(other.read_text())["runs"]
            assert FRAMEWORK not in {v["framework"] for v in runs.values()}, other
            assert not set(runs) & set(RUNS), other


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span_id / symptom_span_id are the named agent's n-th turn; gap is their distance."""
    for trace_id, run in FAILING.items():
        turns = _turns(trace_id)
        ids = [s["spanId"] for s in turns]
        at, shown = ids.index(run["span_id"]), ids.index(run["symptom_span_id"])
        for position, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert _agent(turns[position]) == agent, run
            assert [_agent(s) for s in turns[: position + 1]].count(agent) == int(turn), run
        assert _agent(turns[at]) == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 0, run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_every_run_is_the_orchestrators_loop_over_a_five_agent_team() -> None:
    """Orchestrator turns alternate with the specialist each one asked; it speaks last."""
    for trace_id in RUNS:
        turns = [_agent(s) for s in _turns(trace_id)]
        assert turns[0] == turns[-1] == "Orchestrator", (trace_id, turns)
        assert turns[::2] == ["Orchestrator"] * len(turns[::2]), (trace_id, turns)
        assert "Orchestrator" not in turns[1::2], (trace_id, turns)
    seen = {_agent(s) for k in RUNS for s in _turns(k)}
    assert seen == TEAM
    terminals = [s for k in RUNS for s in _turns(k) if _agent(s) == "ComputerTerminal"]
    assert terminals and all(s["attrs"][semconv.ACTOR] == semconv.ACTOR_CODE for s in terminals)


def _tool_output(trace_id: str, under: dict[str, Any], tool: str) -> str:
    """The recorded output of ``tool`` called inside the turn ``under``."""
    (span,) = [
        s
        for s in _by_trace()[trace_id]
        if s.get("parentSpanId") == under["spanId"]
        and s["attrs"].get(semconv.GEN_AI_TOOL_NAME) == tool
    ]
    return str(span["attrs"].get(semconv.OUTPUT_CONTENT))


def test_coders_faults_really_ran_in_the_terminal() -> None:
    """After a coder's mistake the terminal ran its code for real: a traceback iff it crashes."""
    runs = {k: v for k, v in FAILING.items() if v["mistake_agent"] == "Coder"}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        turns = _turns(trace_id)
        at = [s["spanId"] for s in turns].index(run["span_id"])
        terminal = next(s for s in turns[at:] if _agent(s) == "ComputerTerminal")
        printed = _tool_output(trace_id, terminal, "run_python")
        assert printed.startswith("exit code: "), printed
        assert ("Traceback" in printed) == (run["mode"] in CRASHING), (run, printed)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "blind.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    assert_graded(db, RUNS)


def _shape(root: Path, name: str) -> tuple[Any, ...]:
    """A scenario's run without ids or times: its annotation, its spans' names and outputs."""
    run, spans = scenario_run(root, name)
    outputs = [(s["name"], str(s["attrs"].get(semconv.OUTPUT_CONTENT, ""))) for s in spans]
    return (*(run.get(k) for k in SHAPE_KEYS), outputs)


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating a crashing run gives the same turns, outputs (traceback included), marks."""
    need("agents")
    scenario = "inv-zero-division-guess"
    regenerate(tmp_path, scenario, "--blind", "openai_agents_magentic")
    assert _shape(tmp_path, scenario) == _shape(FAMILY, scenario)
    assert Counter(name for name, _ in _shape(FAMILY, scenario)[4])["outcome"] == 1
