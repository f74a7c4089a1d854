"""The blind ``autogen_gaia`` family (tests/corpus/blind/autogen_gaia): GAIA-style expert group
chats on AutoGen AgentChat, written apart from the analyzer and scored on its own.

Accuracy is not asserted here; that the annotations point at real turns, that the family has
the size and mix it claims, and that the code in it really ran, is.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "autogen_gaia"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
TERMINAL = "Computer_terminal"


def _int(value: Any) -> int | None:
    """OTLP/JSON writes an int attribute as a string."""
    return None if value is None else int(value)


@functools.cache
def _turns() -> dict[str, list[dict[str, Any]]]:
    """trace id -> coordgap's turns (span id, agent, actor, exit code, output), in start order."""
    found: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        turn = {
            "span_id": span["spanId"],
            "agent": agent,
            "actor": attrs.get(semconv.ACTOR, ""),
            "exit": _int(attrs.get(semconv.PROCESS_EXIT_CODE)),
            "output": str(attrs.get(semconv.OUTPUT_CONTENT, "")),
        }
        found[span["traceId"]].append((int(span["startTimeUnixNano"]), turn))
    return {k: [t for _, t in sorted(v, key=lambda p: p[0])] for k, v in found.items()}


def test_the_family_has_the_size_and_mix_it_claims() -> None:
    """>= 40 runs over >= 12 questions, >= 25 failing, >= 15 of them with gap >= 2,
    35-45% healthy, one framework name of its own."""
    assert {v["framework"] for v in RUNS.values()} == {"autogen-gaia"}
    assert len(RUNS) >= 40 and len(FAILING) >= 25
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert 0.35 <= 1 - len(FAILING) / len(RUNS) <= 0.45
    assert len({v["task"] for v in RUNS.values()}) >= 12
    assert len({v["mode"] for v in FAILING.values()}) >= 8


def test_every_annotation_points_at_the_turn_it_names() -> None:
    """mistake and symptom spans are that agent's n-th turn; gap is their distance."""
    assert set(_turns()) >= set(RUNS)
    for trace_id, run in FAILING.items():
        steps = _turns()[trace_id]
        spans = [s["span_id"] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at]["agent"] == agent, run
            assert [s["agent"] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at]["agent"] == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 0, run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_every_team_has_five_experts_and_a_code_terminal() -> None:
    """Five or more experts speak in every run; the terminal is the one code actor."""
    for trace_id, run in RUNS.items():
        steps = _turns()[trace_id]
        experts = {s["agent"] for s in steps if s["agent"] != TERMINAL}
        assert len(experts) >= 5, (run["scenario"], experts)
        assert all(s["actor"] != semconv.ACTOR_CODE for s in steps if s["agent"] != TERMINAL)
        ran = [s for s in steps if s["agent"] == TERMINAL]
        assert all(s["actor"] == semconv.ACTOR_CODE for s in ran), run["scenario"]
        if run["mode"] != "premature_termination":  # signed off before anything ran
            assert ran, run["scenario"]


def test_code_faults_are_written_by_an_expert_and_run_for_real() -> None:
    """A wrong or crashing cell is an expert's turn with a code block; the terminal's next
    turn ran it: exit code 0 for a wrong answer, non-zero and a traceback for a crash."""
    modes = {"wrong_answer_accepted": 0, "code_failure_ignored": 1}
    runs = {k: v for k, v in FAILING.items() if v["mode"] in modes}
    assert len(runs) >= 8
    for trace_id, run in runs.items():
        steps = _turns()[trace_id]
        at = [s["span_id"] for s in steps].index(run["span_id"])
        assert "```python" in steps[at]["output"], run
        terminal = next(s for s in steps[at + 1 :] if s["agent"] == TERMINAL)
        assert terminal["exit"] == modes[run["mode"]], run
        assert ("Traceback" in terminal["output"]) == bool(modes[run["mode"]]), run


@functools.cache
def _searches() -> dict[str, str]:
    """span id of a turn -> what the web_search it made returned (coordgap's tool spans)."""
    found: dict[str, str] = {}
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        if attrs.get(semconv.GEN_AI_TOOL_NAME) == "web_search":
            found[span["parentSpanId"]] = str(attrs[semconv.OUTPUT_CONTENT])
    return found


def test_facts_from_nowhere_follow_a_search_that_found_nothing() -> None:
    """A made-up figure or an ignored tool failure is stated in the turn whose own search
    returned an error; a wrong input or source is read from a page that was really found."""
    for run in FAILING.values():
        result = _searches().get(run["span_id"])
        if run["mode"] in ("made_up_data", "tool_failure_ignored"):
            assert result is not None and result.startswith("Error: no results"), run
        elif run["mode"] in ("wrong_input_carried", "wrong_source_chosen") and result:
            assert not result.startswith("Error"), run
    assert sum(1 for r in _searches().values() if r.startswith("Error")) >= 3


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("gaia") / "gaia.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    assert_graded(db, RUNS)


@pytest.mark.parametrize("scenario", ["gaia-recipes-keyerror", "gaia-penguins-denominator"])
@pytest.mark.regen
def test_the_generator_still_produces_the_same_shape(tmp_path: Path, scenario: str) -> None:
    """A crash (selector team) and a wrong cell (round robin) regenerate as committed."""
    need("autogen_agentchat")
    regenerate(tmp_path, scenario, "--blind", "autogen_gaia")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
