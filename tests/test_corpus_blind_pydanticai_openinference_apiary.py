"""The blind family ``pydanticai_openinference_apiary`` (tests/corpus/blind/...): a
beekeepers' co-operative's honey desk as a Pydantic AI team (a lead agent delegating to a
records clerk with a real file tool, a coder whose ``run_python`` really runs its code, a
checker and a bulletin writer through tools that run them), traced through OpenInference's
Pydantic AI span processor into ``coordgap collect``, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "pydanticai_openinference_apiary"
FRAMEWORK = "pydanticai-openinference-apiary"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "pydantic-ai"
SERVICE = "heathfield-honey-desk"
KIND = "openinference.span.kind"
LEAD, CLERK, CODER, CHECKER, WRITER = (
    "hive_lead",
    "records_clerk",
    "py_coder",
    "checker",
    "bulletin_writer",
)
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
OUT = "llm.output_messages.0.message."
CALL = re.compile(r"llm\.output_messages\.0\.message\.tool_calls\.(\d+)\.tool_call\.function\.name")
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


def _kind(span: dict[str, Any] | None) -> Any:
    return span is not None and span["scope"] == SCOPE and span["attrs"].get(KIND)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's response as OpenInference recorded it: its text (None when it had
    none) and its tool calls as (name, arguments), from ``llm.output_messages`` (a tool
    call is numbered by its part of the response: 1 after a text part)."""
    attrs = span["attrs"]
    calls = []
    for key in sorted(attrs):
        found = CALL.fullmatch(key)
        if found:
            at = f"{OUT}tool_calls.{found.group(1)}.tool_call.function."
            calls.append((attrs[at + "name"], json.loads(attrs[at + "arguments"])))
    return {"text": attrs.get(OUT + "content"), "calls": calls}


def _words(said: dict[str, Any]) -> str:
    calls = [json.dumps(args, sort_keys=True) for _, args in said["calls"]]
    return "\n".join([said["text"] or "", *calls])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: the LLM spans OpenInference made of Pydantic AI's ``chat`` spans, in
    start order, each the agent Pydantic AI named on it (``gen_ai.agent.name``)."""
    return [
        (s["spanId"], s["attrs"]["gen_ai.agent.name"], _said(s)) for s in spans if _kind(s) == "LLM"
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
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    README's eleven modes; mistakes over all five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses (OpenInference's attributes) are
    the scripted turns marked so: the same text and the same tool call with the same
    arguments."""
    need("pydantic_ai")
    from benchmarks.corpus.pydanticai_openinference_apiary import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            said = by_span[run[key]]
            assert (said["text"] or "") == turn.say, (run, what)
            assert said["calls"] == ([turn.call] if turn.call else []), (run, what)


def test_the_team_is_a_lead_delegating_through_tools() -> None:
    """Each run is the user's run span over the lead's AGENT span; every other agent's
    AGENT span is the child of a TOOL span ``execute_tool ask_<agent>`` of the lead's,
    whose output is that agent's final answer; every turn is an LLM span under its own
    agent's AGENT span; the lead speaks first and last; every Pydantic AI span went
    through the processor (an OpenInference kind) and kept Pydantic AI's own attributes."""
    speakers: Counter[str] = Counter()
    delegations = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow honey-desk", trace_id
        assert run_span["scope"] == SERVICE, trace_id
        agents = [s for s in spans if _kind(s) == "AGENT"]
        lead = [s for s in agents if s["attrs"]["gen_ai.agent.name"] == LEAD]
        assert len(lead) == 1 and lead[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in agents:
            name = span["attrs"]["gen_ai.agent.name"]
            assert span["name"] == f"invoke_agent {name}", trace_id
            if name == LEAD:
                continue
            assert name in AGENTS, trace_id
            tool = by_id[span["parentSpanId"]]
            assert _kind(tool) == "TOOL" and tool["attrs"]["tool.name"] == f"ask_{name}"
            assert tool["attrs"]["gen_ai.agent.name"] == LEAD, trace_id
            assert by_id[tool["parentSpanId"]] is lead[0], trace_id
            assert tool["attrs"]["output.value"] == span["attrs"]["output.value"], trace_id
            delegations += 1
        for span in spans:
            if span["scope"] == SCOPE:
                assert _kind(span) in {"AGENT", "LLM", "TOOL"}, span["name"]
                assert "gen_ai.operation.name" in span["attrs"], span["name"]
            if _kind(span) == "LLM":
                owner = by_id[span["parentSpanId"]]
                assert owner["name"] == f"invoke_agent {span['attrs']['gen_ai.agent.name']}"
                assert span["attrs"]["llm.provider"] == "function", trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == LEAD, trace_id
        assert not steps[-1][2]["calls"], trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert delegations >= 2 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` TOOL span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=5)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: [n for n, _ in _said(t)["calls"]] == ["run_python"],
        _ran, at_least=6, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "apiary.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the traces without error and stores each run with the
    grade its annotation implies (a late ``tracer.outcome``), and every span with it."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes after printing, a total given
    anyway; spans through OpenInference's processor and ``coordgap collect``) gives the
    same annotation and turns."""
    need("pydantic_ai")
    need("openinference.instrumentation.pydantic_ai")
    scenario = "marsh_13_column_name"
    regenerate(tmp_path, scenario, "--blind=pydanticai_openinference_apiary")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
