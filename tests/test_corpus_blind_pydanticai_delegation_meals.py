"""The blind family ``pydanticai_delegation_meals`` (tests/corpus/blind/...): a school
district's meals desk as a Pydantic AI team (a coordinator delegating to specialists
through tools), traced by Pydantic AI's own OpenTelemetry instrumentation into
``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the team and its faults are what the README says, that code really ran, and
that every run was graded, is.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest
from corpus_support import (
    Turn,
    assert_family_size,
    assert_labels_on_turns,
    assert_readme_counts,
    assert_scripted_responses,
    assert_stored_whole,
    assert_unannotated,
    genai_turns,
    ingested,
    regenerate,
    response_words,
    spans_by_run,
    turns_shape,
)
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "pydanticai_delegation_meals"
FRAMEWORK = "pydanticai-delegation-meals"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "pydantic-ai"
LEAD = "coordinator"
SPECIALISTS = {"records_clerk", "data_analyst", "programme_officer", "reviewer", "report_writer"}
MODES = {
    "wrong_input_carried",
    "wrong_source_chosen",
    "bad_decomposition",
    "bad_assumption",
    "wrong_answer_accepted",
    "code_failure_ignored",
    "self_reported_trouble",
    "misreported_result",
    "made_up_data",
    "lost_constraint",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: Pydantic AI's ``chat`` spans."""
    return genai_turns(spans, SCOPE, "chat")


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, >= 15 healthy, >= 20 failing runs with a gap of 2 or
    more, the ten modes of the README, mistakes spread over >= 5 agents."""
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_is_small() -> None:
    """The committed trace file stays under 250 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 250_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), response_words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("pydantic_ai")
    from benchmarks.corpus.pydanticai_delegation_meals import RUNS as SCRIPTS

    assert_scripted_responses(RUNS, {r.scenario: r for r in SCRIPTS}, _turns())


def test_the_team_is_a_coordinator_delegating_through_tools() -> None:
    """Each run is the user's run span (``invoke_workflow``) over the coordinator's
    ``invoke_agent``; every specialist runs under an ``execute_tool ask_<specialist>``
    span of the coordinator; every turn is a ``chat`` span under its own agent's
    ``invoke_agent``."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow meals-desk", trace_id
        assert run_span["attrs"]["gen_ai.operation.name"] == "invoke_workflow"
        agents = [s for s in spans if s["name"].startswith("invoke_agent ")]
        lead = [s for s in agents if s["attrs"]["gen_ai.agent.name"] == LEAD]
        assert len(lead) == 1 and lead[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in agents:
            name = span["attrs"]["gen_ai.agent.name"]
            if name == LEAD:
                continue
            assert name in SPECIALISTS, trace_id
            tool = by_id[span["parentSpanId"]]
            assert tool["name"] == f"execute_tool ask_{name}", trace_id
            assert tool["attrs"]["gen_ai.agent.name"] == LEAD
            # the specialist's final words come back to the coordinator as the tool result
            assert tool["attrs"]["gen_ai.tool.call.result"] == span["attrs"]["final_result"]
        for span in spans:
            if span["scope"] == SCOPE and span["attrs"].get("gen_ai.operation.name") == "chat":
                owner = by_id[span["parentSpanId"]]
                assert owner["name"] == f"invoke_agent {span['attrs']['gen_ai.agent.name']}"
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == LEAD, trace_id
        assert 3 <= len({agent for _, agent, _ in steps}) <= 6, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == SPECIALISTS | {LEAD}


def _tool_runs(spans: list[dict[str, Any]], tool: str) -> list[dict[str, Any]]:
    return [s for s in spans if s["name"] == f"execute_tool {tool}"]


def test_run_python_really_ran_code() -> None:
    """Every ``run_python`` call answers with the subprocess's exit code and what it
    printed; a failed one shows its traceback."""
    runs = failed = 0
    for spans in _spans().values():
        for span in _tool_runs(spans, "run_python"):
            runs += 1
            result = span["attrs"]["gen_ai.tool.call.result"]
            code = int(result.split("\n", 1)[0].removeprefix("exit code "))
            assert (code != 0) == ("Traceback" in result), result
            failed += code != 0
    assert runs >= 50 and failed >= 5


def test_code_faults_are_the_code_writers_and_were_run_for_real() -> None:
    """The crashing or wrong cell is the mistake turn's ``run_python`` call; the tool
    span that ran it failed exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        parts = dict((s[0], s[2]) for s in _turns()[trace_id])[run["span_id"]]
        call = next(p for p in parts if p["type"] == "tool_call")
        assert call["name"] == "run_python", run
        ran = [
            s
            for s in _tool_runs(_spans()[trace_id], "run_python")
            if s["attrs"]["gen_ai.tool.call.id"] == call["id"]
        ]
        assert len(ran) == 1, run
        crashed = run["mode"] == "code_failure_ignored"
        result = ran[0]["attrs"]["gen_ai.tool.call.result"]
        assert (not result.startswith("exit code 0\n")) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), response_words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "meals.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads Pydantic AI's traces without error and stores each run
    with the grade its annotation implies (a late ``tracer.outcome``)."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a real subprocess's traceback, spans through
    Pydantic AI's instrumentation and ``coordgap collect``) gives the same annotation
    and turns."""
    need("pydantic_ai")
    scenario = "maple_02_undefined_name"
    regenerate(tmp_path, scenario, "--blind=pydanticai_delegation_meals")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
