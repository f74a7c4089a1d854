"""The blind family ``autogen_swarm_openinference_gritting`` (tests/corpus/blind/...): a
county gritting depot's winter-service desk as an AutoGen AgentChat ``Swarm`` (five
``AssistantAgent``s handing the floor on with AgentChat's ``transfer_to_<agent>`` tools: a
lead who briefs, a records clerk with a real file tool, a coder whose ``run_python`` tool
really runs its code, a checker, a writer whose reply ends the run), traced by
OpenInference's AgentChat instrumentor into ``coordgap collect``, written without reading
the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the swarm and its faults are what the README says, that code really ran, and
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "autogen_swarm_openinference_gritting"
FRAMEWORK = "autogen-swarm-openinference-gritting"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.autogen_agentchat"
KIND = "openinference.span.kind"
LEAD, CLERK, CODER, CHECKER, WRITER = "depot_lead", "records_clerk", "coder", "checker", "writer"
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
OUT = "llm.output_messages.0.message."
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
    "tool_failure_ignored",
    "lost_constraint",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _kind(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get(KIND)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response: its text (None when it had none) and its tool
    call as (name, arguments) (None when it made none). A reply without a call has its
    text in ``llm.output_messages``; beside a call, the instrumentor records the text only
    as the ``thought`` of the result it writes to ``output.value``."""
    attrs = span["attrs"]
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
        return {"text": json.loads(attrs["output.value"])["thought"], "call": call}
    return {"text": attrs.get(OUT + "content"), "call": None}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans, in start order, each the agent its parent
    AGENT span names (``graph.node.id``)."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if _kind(span) == "LLM":
            parent = by_id[span["parentSpanId"]]
            assert _kind(parent) == "AGENT", span["name"]
            out.append((span["spanId"], parent["attrs"]["graph.node.id"], _said(span)))
    return out


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
    """32 runs, 22 failing, 10 healthy; >= 16 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes over four agents; apart from the other
    corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (32, 22)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 16
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
    so: the same text and the same tool call with the same arguments."""
    need("autogen_agentchat")
    from benchmarks.corpus.autogen_swarm_openinference_gritting import RUNS as SCRIPTS

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


def test_the_team_is_a_swarm_traced_by_openinference_and_autogen_alone() -> None:
    """Each run is the user's run span over one ``Swarm.run_stream`` CHAIN span; every
    agent's stretch on the floor is AutoGen's own ``invoke_agent <agent>`` span under it
    holding OpenInference's ``<agent>.on_messages_stream`` AGENT span; every turn is an
    ``OpenAIChatCompletionClient.create`` LLM span directly under its AGENT span; the lead
    speaks first and the writer last, with no call; the floor passes by
    ``transfer_to_<agent>`` TOOL spans; coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow gritting-desk", trace_id
        swarms = [s for s in spans if s["name"] == "Swarm.run_stream"]
        assert len(swarms) == 1 and swarms[0]["parentSpanId"] == run_span["spanId"], trace_id
        by_id = {s["spanId"]: s for s in spans}
        for span in spans:
            if _kind(span) == "AGENT":
                up = by_id[span["parentSpanId"]]
                agent = span["attrs"]["graph.node.id"]
                assert span["name"] == f"{agent}.on_messages_stream", trace_id
                assert up["scope"] == "autogen-core" and up["name"] == f"invoke_agent {agent}"
                assert up["parentSpanId"] == swarms[0]["spanId"], trace_id
            if _kind(span) == "LLM":
                assert span["name"] == "OpenAIChatCompletionClient.create", trace_id
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
            assert span["scope"] in {SCOPE, "autogen-core", "coordgap", "ashby-road-gritting-desk"}
            tool = _kind(span) == "TOOL" and span["attrs"].get("tool.name")
            handoffs += bool(tool) and tool.startswith("transfer_to_")
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
    assert_ran_for_real(outputs, runs=32, crashes=4)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=4, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "gritting.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's AgentChat traces (with AutoGen's own
    GenAI spans) without error and stores each run with the grade its annotation implies,
    and every span of the traces with it; the rows it derives itself are left out of the
    count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes after printing, its partial
    figure reported; spans through OpenInference and ``coordgap collect``) gives the same
    annotation and turns."""
    need("autogen_agentchat")
    need("openinference.instrumentation.autogen_agentchat")
    scenario = "pay_05_callout_line_crashed"
    regenerate(tmp_path, scenario, "--blind=autogen_swarm_openinference_gritting")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
