"""The blind family ``openai_agents_openinference_riverport`` (tests/corpus/blind/...): a
river port's berth office as six OpenAI Agents SDK agents passing the floor with the SDK's
own handoffs (a berth master who plans, a records clerk and a dues officer with a real file
tool, a coder whose ``run_python`` tool really runs its code, a checker who may ask the dues
officer as a tool, a writer who answers), traced by OpenInference's OpenAI Agents
instrumentor into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the team and its faults are what the README says, that code really ran, and
that every run was graded, is.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
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
    spans_by_run,
    turns_shape,
)
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
MODULE = "openai_agents_openinference_riverport"
FAMILY = ROOT / "tests" / "corpus" / "blind" / MODULE
FRAMEWORK = "openai-agents-openinference-riverport"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.openai_agents"
KIND = "openinference.span.kind"
WORKFLOW = "berth-office"
LEAD, CLERK, DUES = "berth_master", "records_clerk", "dues_officer"
CODER, CHECKER, WRITER = "coder", "checker", "writer"
AGENTS = {LEAD, CLERK, DUES, CODER, CHECKER, WRITER}
TEXT = "llm.output_messages.0.message.content"
CALL = re.compile(r"llm\.output_messages\.(\d+)\.message\.tool_calls\.0\.tool_call\.function\.name")
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


def _kind(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get(KIND)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response: its text (None when it had none) and its tool or
    handoff call as (name, arguments) (None when it made none; a handoff's empty
    arguments are not recorded)."""
    attrs = span["attrs"]
    calls = [(m.group(0), m.group(1)) for m in map(CALL.fullmatch, attrs) if m]
    assert len(calls) <= 1, span["spanId"]
    call = None
    if calls:
        key, at = calls[0]
        args = attrs.get(key.removesuffix("name") + "arguments", "{}")
        call = (attrs[key], json.loads(args))
        assert at == ("1" if TEXT in attrs else "0"), span["spanId"]
    return {"text": attrs.get(TEXT), "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _agent_above(span: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The nearest AGENT span above ``span`` that names an agent."""
    up = by_id[span["parentSpanId"]]
    while not (_kind(up) == "AGENT" and up["attrs"].get("agent.name")):
        up = by_id[up["parentSpanId"]]
    return up


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans, in start order, each the agent of the
    nearest AGENT span above it (``agent.name``)."""
    by_id = {s["spanId"]: s for s in spans}
    return [
        (s["spanId"], _agent_above(s, by_id)["attrs"]["agent.name"], _said(s))
        for s in spans
        if _kind(s) == "LLM"
    ]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` TOOL span in the run."""
    return [
        (int(s["startTimeUnixNano"]), s["attrs"]["output.value"])
        for s in spans
        if _kind(s) == "TOOL" and s["attrs"].get("tool.name") == "run_python"
    ]


def test_family_size_modes_and_agents() -> None:
    """40 runs, 27 failing, 13 healthy; >= 20 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes made by five of the six agents; apart
    from the other corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (40, 27)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS - {WRITER}
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_000_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool or handoff call with the same arguments."""
    need("agents")
    from benchmarks.corpus.openai_agents_openinference_riverport import RUNS as SCRIPTS

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


def test_the_floor_passes_by_the_sdks_handoffs_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one AGENT span for the SDK's trace (named
    after the workflow, no agent) and its task span; every turn is a ``response`` LLM
    span in a ``turn`` CHAIN span of its agent's AGENT span; each ``transfer_to_<agent>``
    call is followed by a ``handoff to <agent>`` TOOL span (from and to as its input and
    output) and that agent's AGENT span, its ``graph.node.parent_id`` the agent handing
    over; the berth master speaks first and the writer last, with no call; coordgap
    wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span, root, task = spans[0], spans[1], spans[2]
        assert run_span["name"] == f"invoke_workflow {WORKFLOW}", trace_id
        assert (root["name"], _kind(root), root["parentSpanId"]) == (
            WORKFLOW,
            "AGENT",
            run_span["spanId"],
        )
        assert (task["name"], _kind(task), task["parentSpanId"]) == (
            WORKFLOW,
            "CHAIN",
            root["spanId"],
        )
        assert "agent.name" not in root["attrs"], trace_id
        floor = [s for s in spans if s.get("parentSpanId") == task["spanId"]]
        assert {_kind(s) for s in floor} == {"AGENT"}, trace_id
        moves = [s for s in spans if _kind(s) == "TOOL" and s["name"].startswith("handoff to ")]
        assert len(moves) == len(floor) - 1, trace_id
        for move, (before, after) in zip(moves, itertools.pairwise(floor), strict=True):
            came, went = before["attrs"]["agent.name"], after["attrs"]["agent.name"]
            assert move["name"] == f"handoff to {went}", trace_id
            assert move["attrs"]["input.value"] == came, trace_id
            assert move["attrs"]["output.value"] == went, trace_id
            assert after["attrs"]["graph.node.parent_id"] == came, trace_id
            assert by_id[move["parentSpanId"]]["parentSpanId"] == before["spanId"], trace_id
        handoffs += len(moves)
        for span in spans:
            if _kind(span) == "LLM":
                assert span["name"] == "response", trace_id
                turn = by_id[span["parentSpanId"]]
                assert (turn["name"], _kind(turn)) == ("turn", "CHAIN"), trace_id
                assert _kind(by_id[turn["parentSpanId"]]) == "AGENT", trace_id
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        calls = [s[2]["call"][0] for s in steps if s[2]["call"]]
        assert [c for c in calls if c.startswith("transfer_to_")] == [
            f"transfer_to_{m['name'].removeprefix('handoff to ')}" for m in moves
        ], trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert handoffs >= 4 * len(RUNS)


def test_no_span_lost_an_attribute() -> None:
    """With the span attribute limit raised in the user's set-up, no span dropped an
    attribute (at OpenTelemetry's default of 128 the longest LLM spans lost their
    response), and every turn recorded what it said."""
    spans = [s for v in _spans().values() for s in v]
    assert not [s["spanId"] for s in spans if s.get("droppedAttributesCount")]
    assert max(len(s["attrs"]) for s in spans) > 128
    for steps in _turns().values():
        assert all(said["text"] or said["call"] for _, _, said in steps)


def test_the_checker_asks_the_dues_officer_as_a_tool() -> None:
    """The checker's ``ask_dues_officer`` calls run the dues officer as a tool: a task
    span and a ``dues_officer`` AGENT span of their own under the TOOL span, its one turn
    the tool's answer; in some runs."""
    asked = 0
    for spans in _spans().values():
        by_id = {s["spanId"]: s for s in spans}
        for tool in spans:
            if not (_kind(tool) == "TOOL" and tool["attrs"].get("tool.name") == "ask_dues_officer"):
                continue
            tasks = [s for s in spans if s.get("parentSpanId") == tool["spanId"]]
            assert [(s["name"], _kind(s)) for s in tasks] == [(WORKFLOW, "CHAIN")]
            nested = [s for s in spans if s.get("parentSpanId") == tasks[0]["spanId"]]
            assert [s["attrs"].get("agent.name") for s in nested] == [DUES]
            said = [s for s in spans if _kind(s) == "LLM" and _agent_above(s, by_id) is nested[0]]
            assert len(said) == 1 and _said(said[0])["call"] is None
            assert tool["attrs"]["output.value"] == _said(said[0])["text"]
            asked += 1
    assert asked >= 6


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=40, crashes=4)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "riverport.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's OpenAI Agents traces without error and
    stores each run with the grade its annotation implies, and every span of the traces
    with it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashed cell, the checker carrying on with
    hours from nowhere; spans through OpenInference and ``coordgap collect``) gives the
    same annotation and turns."""
    need("agents")
    need("openinference.instrumentation.openai_agents")
    scenario = "occ_04_crashed_cell_hours_guessed"
    regenerate(tmp_path, scenario, f"--blind={MODULE}")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
