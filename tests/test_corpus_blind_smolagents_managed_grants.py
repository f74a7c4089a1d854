"""The blind family ``smolagents_managed_grants`` (tests/corpus/blind/...): a community
foundation's grants office as a Hugging Face smolagents team (a manager ``CodeAgent``
whose code calls five managed agents), traced by OpenInference's smolagents
instrumentor into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the team and its faults are what the README says, that code really ran in
smolagents' executor, and that every run was graded, is.
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
    assert_stored_whole,
    assert_unannotated,
    ingested,
    regenerate,
    spans_by_run,
    turns_shape,
)
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "smolagents_managed_grants"
FRAMEWORK = "smolagents-managed-grants"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.smolagents"
KIND = "openinference.span.kind"
MANAGER = "grants_manager"
SPECIALISTS = {"ledger_clerk", "fund_adviser", "data_analyst", "panel_reviewer", "report_writer"}
CODE_AGENTS = {MANAGER, "data_analyst"}
OUT = "llm.output_messages.0.message."
TEXT = OUT + "contents.0.message_content.text"
CALL = OUT + "tool_calls.0.tool_call.function."
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


def _kind(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get(KIND)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """What a model call's recorded response holds: its text (None when it had none)
    and its tool call as (name, arguments) (None when it made none)."""
    attrs = span["attrs"]
    call = None
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
    return {"text": attrs.get(TEXT), "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _agent_of(span: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> str | None:
    """The agent whose ``<agent>.run`` span is the nearest AGENT ancestor."""
    up = by_id.get(span.get("parentSpanId", ""))
    while up is not None and _kind(up) != "AGENT":
        up = by_id.get(up.get("parentSpanId", ""))
    return None if up is None else str(up["name"]).removesuffix(".run")


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans in start order, each its agent's."""
    by_id = {s["spanId"]: s for s in spans}
    return [(s["spanId"], str(_agent_of(s, by_id)), _said(s)) for s in spans if _kind(s) == "LLM"]


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


def test_trace_file_stays_under_its_budget() -> None:
    """OpenInference records every model call's whole prompt (smolagents' system prompts
    included) twice: the committed file stays under 1.5 MB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_500_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("smolagents")
    from benchmarks.corpus.smolagents_managed_grants import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            said = by_span[run[key]]
            assert said["text"] == (turn.say or None), (run, what)
            assert said["call"] == turn.call, (run, what)


def test_the_team_is_a_manager_calling_its_managed_agents_from_code() -> None:
    """Each run is the user's run span over ``grants_manager.run``; every specialist's
    ``.run`` span hangs off a ``Step`` of the manager's, beside the manager's model call
    whose code calls that specialist (managed agents are functions in its code, not
    tools: no tool span for the call); every model call sits in a ``Step`` of its own
    agent's run."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow grants-office", trace_id
        assert run_span["attrs"]["gen_ai.operation.name"] == "invoke_workflow"
        runs = [s for s in spans if _kind(s) == "AGENT"]
        assert runs[0]["name"] == f"{MANAGER}.run", trace_id
        assert runs[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in runs[1:]:
            agent = span["name"].removesuffix(".run")
            assert agent in SPECIALISTS, trace_id
            step = by_id[span["parentSpanId"]]
            assert step["name"].startswith("Step ") and _kind(step) == "CHAIN", trace_id
            assert by_id[step["parentSpanId"]]["name"] == f"{MANAGER}.run", trace_id
            code = [s for s in spans if _kind(s) == "LLM" and s["parentSpanId"] == step["spanId"]]
            assert len(code) == 1 and f"{agent}(task=" in _said(code[0])["text"], trace_id
        for span in spans:
            if _kind(span) == "LLM":
                step = by_id[span["parentSpanId"]]
                assert step["name"].startswith("Step "), trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == MANAGER, trace_id
        assert "final_answer(" in steps[-1][2]["text"], trace_id
        assert 2 <= len({agent for _, agent, _ in steps}) <= 6, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == SPECIALISTS | {MANAGER}


def test_code_really_ran_in_smolagents_executor() -> None:
    """Every code agent's step records what the executor printed (``Execution logs:``)
    or fails with the executor's error; the analyst's code read the files through the
    ``read_file`` tool (tool spans under its steps)."""
    ran = failed = reads = 0
    for spans in _spans().values():
        by_id = {s["spanId"]: s for s in spans}
        for step in spans:
            if not step["name"].startswith("Step "):
                continue
            agent = _agent_of(step, by_id)
            if agent not in CODE_AGENTS:
                continue
            ran += 1
            if step["status"].get("code") == 2:  # ERROR
                failed += 1
                raised = [e for e in step.get("events", []) if e["name"] == "exception"]
                assert raised and "Code execution failed" in json.dumps(raised[0]), step
            else:
                assert step["attrs"]["output.value"].startswith("Execution logs:"), step
        reads += sum(
            1
            for s in spans
            if s["attrs"].get("tool.name") == "read_file" and _agent_of(s, by_id) == "data_analyst"
        )
    assert ran >= 200 and failed >= 5 and reads >= 50


def test_code_faults_are_the_code_writers_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's code block; the step that ran it
    (the model call's parent) failed exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        by_id = {s["spanId"]: s for s in _spans()[trace_id]}
        turn = by_id[run["span_id"]]
        assert run["mistake_agent"] in CODE_AGENTS and "<code>" in _said(turn)["text"], run
        step = by_id[turn["parentSpanId"]]
        crashed = run["mode"] == "code_failure_ignored"
        assert (step["status"].get("code") == 2) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "grants.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's smolagents traces without error and
    stores each run with the grade its annotation implies (a late ``tracer.outcome``)."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (the manager's code failing in smolagents'
    executor after a managed agent ran, spans through OpenInference and ``coordgap
    collect``) gives the same annotation and turns."""
    need("smolagents")
    need("openinference.instrumentation.smolagents")
    scenario = "youth_03_manager_import_blocked"
    regenerate(tmp_path, scenario, "--blind=smolagents_managed_grants")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
