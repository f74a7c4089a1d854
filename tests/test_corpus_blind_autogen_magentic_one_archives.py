"""The blind family autogen_magentic_one_archives (tests/corpus/blind/): a real
Magentic-One team (AutoGen AgentChat ``MagenticOneGroupChat``) answering
questions over archives, written without reading the analyzer.

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
    assert_graded,
    coordgap_spans,
    ingested,
    regenerate,
    scenario_shape,
)
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
MODULE = "autogen_magentic_one_archives"
FAMILY = ROOT / "tests" / "corpus" / "blind" / MODULE
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
ORCHESTRATOR = "MagenticOneOrchestrator"
TEAM = {ORCHESTRATOR, "WebSurfer", "FileSurfer", "Coder", "ComputerTerminal"}
# The first words of the task ledger the real orchestrator writes from its facts and plan.
LEDGER_OPENING = "We are working to address the following user request"


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, span name, output text) of coordgap's turns, in start order."""
    found: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        out = str(attrs.get(semconv.OUTPUT_CONTENT, ""))
        start = int(span["startTimeUnixNano"])
        found[span["traceId"]].append((start, span["spanId"], agent, span["name"], out))
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


@functools.cache
def _exit_codes() -> dict[str, int]:
    """span id -> the exit code recorded on a code-running turn."""
    return {
        span["spanId"]: int(span["attrs"][semconv.PROCESS_EXIT_CODE])
        for span in coordgap_spans(FAMILY)
        if semconv.PROCESS_EXIT_CODE in span["attrs"]
    }


def test_family_is_big_enough_and_apart_from_every_other_corpus() -> None:
    assert len(RUNS) >= 40 and len(FAILING) >= 25
    assert 0.35 <= (len(RUNS) - len(FAILING)) / len(RUNS) <= 0.45
    assert len({v["mode"] for v in FAILING.values()}) >= 10
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert {v["framework"] for v in RUNS.values()} == {"autogen-m1-archives"}
    others = [ROOT / "tests" / "corpus", ROOT / "tests" / "corpus" / "heldout"]
    others += [p for p in (ROOT / "tests" / "corpus" / "blind").iterdir() if p != FAMILY]
    for other in others:
        if (other / "annotations.json").exists():
            theirs = json.loads((other / "annotations.json").read_text())["runs"]
            assert not set(RUNS) & set(theirs), other
            assert "autogen-m1-archives" not in {v["framework"] for v in theirs.values()}


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    for trace_id, run in FAILING.items():
        steps = _turns()[trace_id]
        spans = [s[0] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at][1] == agent, run
            assert [s[1] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at][1] == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 0, run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_every_run_is_led_by_the_real_orchestrator() -> None:
    """Its task ledger opens the run, its final answer closes it; the team is the five."""
    speakers: Counter[str] = Counter()
    for trace_id in RUNS:
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == ORCHESTRATOR, trace_id
        assert steps[0][2] == f"plan {ORCHESTRATOR}", trace_id
        assert steps[0][3].lstrip().startswith(LEDGER_OPENING), trace_id
        assert all(LEDGER_OPENING not in s[3] for s in steps if s[1] != ORCHESTRATOR)
        speakers.update({s[1] for s in steps})
    assert set(speakers) == TEAM
    assert speakers["ComputerTerminal"] >= 0.8 * len(RUNS)


def test_the_coders_code_runs_for_real_in_the_terminal() -> None:
    """Every terminal turn that ran code has its exit code; a crash prints a traceback."""
    ran = 0
    for steps in _turns().values():
        for span_id, agent, _, out in steps:
            if agent != "ComputerTerminal" or "No code blocks found" in out:
                continue
            ran += 1
            assert (_exit_codes()[span_id] != 0) == ("Traceback" in out or "Error" in out), out
    assert ran >= 40


def test_code_faults_are_written_by_the_coder() -> None:
    code_modes = {"code_failure_ignored", "wrong_answer_accepted", "repetition_loop"}
    coder = {
        k: v
        for k, v in FAILING.items()
        if v["mode"] in code_modes and v["mistake_agent"] == "Coder"
    }
    assert len(coder) >= 6
    for trace_id, run in coder.items():
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        assert "```python" in steps[at][3], run
        terminal = next(s for s in steps[at + 1 :] if s[1] == "ComputerTerminal")
        crashed = run["mode"] != "wrong_answer_accepted"
        assert ("Traceback" in terminal[3]) == crashed, (run, terminal[3])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("m1") / "m1.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    assert_graded(db, RUNS)


@pytest.mark.parametrize(
    "scenario",
    ["m1-league-wins-walkover-crash", "m1-astro-messier-galaxies-loop"],  # a traceback; a replan
)
@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path, scenario: str) -> None:
    need("autogen_agentchat")
    regenerate(tmp_path, scenario, f"--blind={MODULE}")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
