"""The blind family ``agentframework_handoff_libraries`` (tests/corpus/blind/...): a
municipal library's interlibrary-loan desk as a Microsoft Agent Framework handoff
workflow (``HandoffBuilder``: five ``Agent``s passing the floor with the builder's
``handoff_to_<agent>`` tools: a supervisor who briefs, a circulation clerk with a real
file tool, an analyst whose ``run_python`` tool really runs its code, a cross-checker, a
notice writer whose reply ends the run), traced by the framework's own OpenTelemetry
instrumentation into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the workflow and its faults are what the README says, that code really ran,
and that every run was graded, is.
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
    assert_apart,
    assert_code_faults_ran,
    assert_labels_on_turns,
    assert_ran_for_real,
    assert_readme_counts,
    assert_stored_whole,
    assert_unannotated,
    ingested,
    regenerate,
    response_parts,
    response_words,
    spans_by_run,
    turns_shape,
)
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "agentframework_handoff_libraries"
FRAMEWORK = "agentframework-handoff-libraries"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "agent_framework"
SERVICE = "kestrel-vale-ill-desk"
OP = "gen_ai.operation.name"
LEAD, CLERK, ANALYST = "ill_supervisor", "circulation_clerk", "py_analyst"
CHECKER, WRITER = "cross_checker", "notice_writer"
AGENTS = {LEAD, CLERK, ANALYST, CHECKER, WRITER}
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
    "tool_failure_ignored",
    "lost_constraint",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _op(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get(OP)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A ``chat`` span's recorded response (``gen_ai.output.messages``): its text (None
    when it had none) and its tool call as (name, arguments) (None when it made none)."""
    parts = response_parts(span)
    texts = [p["content"] for p in parts if p["type"] == "text"]
    calls = [(p["name"], json.loads(p["arguments"])) for p in parts if p["type"] == "tool_call"]
    assert len(texts) <= 1 and len(calls) <= 1, span["spanId"]
    return {
        "text": texts[0] if texts else None,
        "call": calls[0] if calls else None,
        "parts": parts,
    }


def _words(said: dict[str, Any]) -> str:
    return response_words(said["parts"])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: the framework's ``chat`` spans, in start order, each the agent its
    parent ``invoke_agent`` span names (``gen_ai.agent.name``)."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if _op(span) == "chat":
            parent = by_id[span["parentSpanId"]]
            assert _op(parent) == "invoke_agent", span["name"]
            out.append((span["spanId"], parent["attrs"]["gen_ai.agent.name"], _said(span)))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` ``execute_tool`` span in the run."""
    return [
        (int(s["startTimeUnixNano"]), s["attrs"]["gen_ai.tool.call.result"])
        for s in spans
        if _op(s) == "execute_tool" and s["attrs"].get("gen_ai.tool.name") == "run_python"
    ]


def test_family_size_modes_and_agents() -> None:
    """40 runs, 27 failing, 13 healthy; >= 24 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes over four agents; apart from the other
    corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (40, 27)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 24
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS - {WRITER}
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("agent_framework_orchestrations")
    from benchmarks.corpus.agentframework_handoff_libraries import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            said = by_span[run[key]]
            assert (said["text"] or "") == turn.say, (run, what)
            assert said["call"] == turn.call, (run, what)


def test_the_team_is_a_handoff_workflow_traced_by_the_framework_alone() -> None:
    """Each run is the user's run span over the framework's ``workflow.build`` and one
    ``invoke_workflow ill-desk`` span; every agent's stretch on the floor is an
    ``invoke_agent <agent>`` span under that agent's ``executor.process`` span (a
    ``HandoffAgentExecutor``); every turn is a ``chat`` span directly under its
    ``invoke_agent`` span and names no agent itself; the supervisor speaks first and the
    writer last, with no call; each ``handoff_to_<agent>`` call is followed by a
    ``message.send`` to that executor and is no ``execute_tool`` span; coordgap wrote
    only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == f"invoke_workflow {SERVICE}", trace_id
        by_id = {s["spanId"]: s for s in spans}
        under_run = [s["name"] for s in spans if s.get("parentSpanId") == run_span["spanId"]]
        assert sorted(under_run) == ["invoke_workflow ill-desk", "workflow.build"], trace_id
        sent = [s["attrs"]["message.destination_executor_id"] for s in spans
                if "message.destination_executor_id" in s["attrs"]]  # fmt: skip
        called = []
        for span in spans:
            assert span["scope"] in {SCOPE, SERVICE, "coordgap"}, span["name"]
            if _op(span) == "invoke_agent":
                agent = span["attrs"]["gen_ai.agent.name"]
                up = by_id[span["parentSpanId"]]
                assert span["name"] == f"invoke_agent {agent}", trace_id
                assert up["name"] == f"executor.process {agent}", trace_id
                assert up["attrs"]["executor.type"] == "HandoffAgentExecutor", trace_id
            if _op(span) == "chat":
                assert span["name"] == "chat ill-desk-chat-1", trace_id
                assert "gen_ai.agent.name" not in span["attrs"], trace_id
                call = _said(span)["call"]
                if call and call[0].startswith("handoff_to_"):
                    called.append(call[0].removeprefix("handoff_to_"))
            if _op(span) == "execute_tool":
                assert not span["attrs"]["gen_ai.tool.name"].startswith("handoff_to_")
        assert called == sent, trace_id
        handoffs += len(called)
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert handoffs >= 3 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=40, crashes=5)


def test_code_faults_are_the_analysts_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, ANALYST, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=5, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "libraries.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the framework's traces without error and stores each run
    with the grade its annotation implies, and every span of the traces with it; the rows
    it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes after printing a subtotal,
    the subtotal reported as the bill; spans through the framework's own tracing and
    ``coordgap collect``) gives the same annotation and turns."""
    need("agent_framework")
    need("agent_framework_orchestrations")
    need("agent_framework_openai")
    scenario = "fee_05_died_before_the_lost_line"
    regenerate(tmp_path, scenario, "--blind=agentframework_handoff_libraries")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
