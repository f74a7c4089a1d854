"""The blind family ``llamaindex_openllmetry_kennels`` (tests/corpus/blind/...): a boarding
kennels' bookings desk as a LlamaIndex multi-agent ``AgentWorkflow`` (a root bookings
manager handing off with LlamaIndex's own handoff tool to a kennel clerk with a real file
tool, a tally coder whose ``run_python`` tool really runs its code, a second reader, an
owner liaison), traced by OpenLLMetry's LlamaIndex instrumentor (without ``traceloop-sdk``)
into ``coordgap collect``, written without reading the analyzer.

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
    assert_code_faults_ran,
    assert_family_size,
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "llamaindex_openllmetry_kennels"
FRAMEWORK = "llamaindex-openllmetry-kennels"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "opentelemetry.instrumentation.llamaindex"
STEP = "AgentWorkflow.task"
FLOW = "AgentWorkflow.workflow"
CHAT = "ScriptedDeskLLM.task"
OUT = "traceloop.entity.output"
LEAD, CODER, WRITER = "bookings_manager", "tally_coder", "owner_liaison"
AGENTS = {LEAD, "kennel_clerk", CODER, "second_reader", WRITER}
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
    "repetition_loop",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted", "repetition_loop"}


def _ours(span: dict[str, Any]) -> bool:
    return span["scope"] == SCOPE


def _is_turn(span: dict[str, Any]) -> bool:
    return _ours(span) and span["attrs"].get("gen_ai.operation.name") == "chat"


def _output(span: dict[str, Any]) -> Any:
    """A span's ``traceloop.entity.output`` as JSON (None when it has none)."""
    return json.loads(span["attrs"].get(OUT, "null"))


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response: its text, from ``gen_ai.output.messages`` (None
    when it had none), and its tool call as (name, arguments) (None when it made none).
    OpenLLMetry's ``gen_ai.output.messages`` takes tool calls only from a message's
    ``additional_kwargs``; LlamaIndex keeps them as ``ToolCallBlock``s in its blocks, so
    the call is read from the response as recorded in ``traceloop.entity.output``."""
    messages = json.loads(span["attrs"]["gen_ai.output.messages"])
    texts = [p["content"] for m in messages for p in m["parts"] if p["type"] == "text"]
    calls = [
        (b["tool_name"], b["tool_kwargs"])
        for b in _output(span)["message"]["blocks"]
        if b["block_type"] == "tool_call"
    ]
    assert len(texts) <= 1 and len(calls) <= 1, span["spanId"]
    return {"text": texts[0] if texts else None, "call": calls[0] if calls else None}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _agent_of_step(step: dict[str, Any]) -> str:
    return _output(step)["current_agent_name"]


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenLLMetry's chat spans, in start order, each the agent its parent
    workflow step (``run_agent_step``) names in its recorded output."""
    by_id = {s["spanId"]: s for s in spans}
    return [
        (s["spanId"], _agent_of_step(by_id[s["parentSpanId"]]), _said(s))
        for s in spans
        if _is_turn(s)
    ]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` tool run in the run: the
    ``FunctionTool.task`` spans, their recorded ``ToolOutput``'s ``raw_output``."""
    out = []
    for s in spans:
        if _ours(s) and s["name"] == "FunctionTool.task":
            result = _output(s)
            if result["tool_name"] == "run_python":
                out.append((int(s["startTimeUnixNano"]), result["raw_output"]))
    return out


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, >= 15 healthy, >= 20 failing runs with a gap of 2 or
    more, the twelve modes of the README, mistakes spread over >= 5 agents."""
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_stays_under_its_budget() -> None:
    """OpenLLMetry records every workflow step's result and every model call's whole
    history several times over: the committed file stays under 400 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("llama_index.core")
    from benchmarks.corpus.llamaindex_openllmetry_kennels import RUNS as SCRIPTS

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


def test_the_team_is_an_agent_workflow_traced_by_openllmetry_alone() -> None:
    """Each run is the user's run span over one ``AgentWorkflow.workflow`` span; every
    turn is a ``ScriptedDeskLLM.task`` chat span directly in a workflow step
    (``AgentWorkflow.task``) of that workflow, and names no agent itself; the manager
    speaks first, the owner liaison last; agents hand off with LlamaIndex's ``handoff``
    tool (a ``call_tool`` step with ``tool.name``); coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow bookings-desk", trace_id
        flows = [s for s in spans if s["name"] == FLOW]
        assert len(flows) == 1 and flows[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in spans:
            if _is_turn(span):
                step = by_id[span["parentSpanId"]]
                assert span["name"] == CHAT and "gen_ai.agent.name" not in span["attrs"]
                assert step["name"] == STEP and step["parentSpanId"] == flows[0]["spanId"]
            if _ours(span):
                assert not [k for k in span["attrs"] if k.startswith("coordgap.")]
            handoffs += _ours(span) and span["attrs"].get("tool.name") == "handoff"
        others = {s["name"] for s in spans if not _ours(s)}
        assert others == {"invoke_workflow bookings-desk", "outcome"}, trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert steps[-1][2]["call"] is None and steps[-1][2]["text"], trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert handoffs >= 4 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool run hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=49, crashes=8)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=7,
        crash_modes=[m for m in CODE_MODES if m != "wrong_answer_accepted"],
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "kennels.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenLLMetry's LlamaIndex traces without error and stores
    each run with the grade its annotation implies (a late ``tracer.outcome``), and every
    span of the traces with it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashing cell the coder talks past, spans
    through OpenLLMetry and ``coordgap collect``) gives the same annotation and turns."""
    need("llama_index.core")
    need("opentelemetry.instrumentation.llamaindex")
    scenario = "juno_05_size_key_crash"
    regenerate(tmp_path, scenario, "--blind=llamaindex_openllmetry_kennels")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
