"""The blind family ``haystack_openinference_allotments`` (tests/corpus/blind/...): a town
council's allotments office as a Haystack team (an officer ``Agent`` whose tools are four
other ``Agent``s wrapped with ``AgentTool``: a records clerk with a real file tool, a coder
whose ``run_python`` tool really runs its code, a checker, a writer whose reply ends the
run), traced by OpenInference's Haystack instrumentor into ``coordgap collect``, written
without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the team and its faults are what the README says, that code really ran, and
that every run was graded, is.
"""

from __future__ import annotations

import functools
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
MODULE = "haystack_openinference_allotments"
FAMILY = ROOT / "tests" / "corpus" / "blind" / MODULE
FRAMEWORK = "haystack-openinference-allotments"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.haystack"
KIND = "openinference.span.kind"
LEAD, CLERK, CODER = "allotments_officer", "records_clerk", "coder"
CHECKER, WRITER = "checker", "writer"
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
SYSTEM = "llm.input_messages.0.message.content"
OUT = "llm.output_messages.0.message."
CALL = OUT + "tool_calls.0.tool_call.function."
NAMED = re.compile(r"You are (\w+)")
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


def _agent(span: dict[str, Any]) -> str:
    """The agent of a model call: the one its system prompt (first input message) names."""
    return NAMED.match(span["attrs"][SYSTEM]).group(1)  # type: ignore[union-attr]


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response (``llm.output_messages.0``): its text (None when
    it had none) and its tool call as (name, arguments) (None when it made none)."""
    attrs = span["attrs"]
    call = None
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
    assert not [k for k in attrs if k.startswith("llm.output_messages.1.")], span["spanId"]
    assert not [k for k in attrs if k.startswith(OUT + "tool_calls.1.")], span["spanId"]
    return {"text": attrs.get(OUT + "content"), "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans, in start order, each the agent its
    system prompt names."""
    return [(s["spanId"], _agent(s), _said(s)) for s in spans if _kind(s) == "LLM"]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``PythonRunner.run`` span (the ``run_python``
    tool's component) in the run."""
    return [
        (int(s["startTimeUnixNano"]), json.loads(s["attrs"]["output.value"])["output"])
        for s in spans
        if _kind(s) == "CHAIN" and s["name"] == "PythonRunner.run"
    ]


def test_family_size_modes_and_agents() -> None:
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes made by four of the five agents (not the
    writer); apart from the other corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
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
    from benchmarks.corpus.haystack_openinference_allotments import RUNS as SCRIPTS

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


def test_the_team_is_agents_as_tools_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one ``Agent.run`` CHAIN span, the officer's;
    every other agent's run is an ``Agent.run`` CHAIN span directly under it, one per
    ``ask_<agent>`` call, in the order of the calls; every turn is an
    ``OpenAIChatGenerator.run`` LLM span directly under its agent's ``Agent.run``, all of
    one ``Agent.run`` the same agent; the tools' components (``FileReader.run``,
    ``PythonRunner.run``) are CHAIN spans under the agent that called them; no span names
    an agent; the officer speaks first, the writer last with no call; coordgap wrote only
    the run's grade."""
    speakers: Counter[str] = Counter()
    asked = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow allotments-office", trace_id
        runs = [s for s in spans if s["name"] == "Agent.run"]
        assert all(_kind(s) == "CHAIN" for s in runs), trace_id
        top = [s for s in runs if s["parentSpanId"] == run_span["spanId"]]
        assert len(top) == 1, trace_id
        members = [s for s in runs if s is not top[0]]
        assert all(s["parentSpanId"] == top[0]["spanId"] for s in members), trace_id
        of_run: dict[str, set[str]] = {s["spanId"]: set() for s in runs}
        for span in spans:
            if _kind(span) == "LLM":
                assert span["name"] == "OpenAIChatGenerator.run", trace_id
                assert span["attrs"]["llm.provider"] == "openai", trace_id
                of_run[span["parentSpanId"]].add(_agent(span))
            if span["name"] in {"FileReader.run", "PythonRunner.run"}:
                assert by_id[span["parentSpanId"]]["name"] == "Agent.run", trace_id
            if span["scope"] == SCOPE:
                named = [k for k in span["attrs"] if k.startswith(("agent.", "graph.", "gen_ai."))]
                assert not named, trace_id
            assert span["scope"] in {SCOPE, "coordgap", "kettlewick-allotments-office"}
        assert {a for v in of_run.values() for a in v} == {a for _, a, _ in _turns()[trace_id]}
        assert all(len(v) == 1 for v in of_run.values()), trace_id
        assert of_run[top[0]["spanId"]] == {LEAD}, trace_id
        steps = _turns()[trace_id]
        calls = [s[2]["call"][0] for s in steps if s[1] == LEAD]
        assert [f"ask_{next(iter(of_run[s['spanId']]))}" for s in members] == calls, trace_id
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        asked += len(members)
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert asked >= 3 * len(RUNS)


def test_no_span_lost_an_attribute() -> None:
    """OpenTelemetry's default limit of 128 attributes a span is left alone and no span
    dropped one; every turn recorded what it said."""
    spans = [s for v in _spans().values() for s in v]
    assert not [s["spanId"] for s in spans if s.get("droppedAttributesCount")]
    assert max(len(s["attrs"]) for s in spans) < 128
    for steps in _turns().values():
        assert all(said["text"] or said["call"] for _, _, said in steps)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` call's component span hands back the subprocess's exit code
    and what it printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=42, crashes=4)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the run that
    followed crashed exactly when the mode says the code failed."""
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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "allotments.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's Haystack traces without error and stores
    each run with the grade its annotation implies, and every span of the traces with it;
    the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashed cell whose first line is taken for the
    total; spans through OpenInference and ``coordgap collect``) gives the same annotation
    and turns."""
    need("haystack")
    need("openinference.instrumentation.haystack")
    scenario = "rent_06_water_line_crashed"
    regenerate(tmp_path, scenario, f"--blind={MODULE}")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
