"""The blind family ``openai_agents_openllmetry_bakery`` (tests/corpus/blind/...): a
bakery's back office as OpenAI Agents SDK agents (a head baker briefing a ledger clerk with
a real file tool and a costing coder whose ``run_python`` really runs its code through
tools that run them, then handing off to a checker, who hands to a newsletter writer),
traced by OpenLLMetry's OpenAI Agents instrumentor into ``coordgap collect``, written
without reading the analyzer.

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
    assert_scripted_responses,
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "openai_agents_openllmetry_bakery"
FRAMEWORK = "openai-agents-openllmetry-bakery"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "opentelemetry.instrumentation.openai_agents"
SERVICE = "millbrook-bakehouse-office"
LEAD, CLERK, CODER, CHECKER, WRITER = (
    "head_baker",
    "ledger_clerk",
    "costing_coder",
    "checker",
    "newsletter_writer",
)
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
MODES = {
    "wrong_source_chosen",
    "bad_decomposition",
    "code_failure_ignored",
    "misreported_result",
    "self_reported_trouble",
    "wrong_answer_accepted",
    "bad_assumption",
    "wrong_input_carried",
    "tool_failure_ignored",
    "made_up_data",
    "lost_constraint",
    "repetition_loop",
    "premature_termination",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _op(span: dict[str, Any] | None) -> Any:
    return (
        span is not None and span["scope"] == SCOPE and span["attrs"].get("gen_ai.operation.name")
    )


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: the ``openai.response`` spans in start order, each the agent of its
    parent ``<agent>.agent`` span, with its recorded response parts."""
    by_id = {s["spanId"]: s for s in spans}
    return [
        (s["spanId"], by_id[s["parentSpanId"]]["attrs"]["gen_ai.agent.name"], response_parts(s))
        for s in spans
        if _op(s) == "chat" and s["name"] == "openai.response"
    ]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` tool span in the run."""
    return [
        (int(s["startTimeUnixNano"]), s["attrs"]["gen_ai.tool.call.result"])
        for s in spans
        if _op(s) == "execute_tool" and s["attrs"].get("gen_ai.tool.name") == "run_python"
    ]


def test_family_size_modes_and_agents() -> None:
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    README's thirteen modes; mistakes over all five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    assert_labels_on_turns(RUNS, _turns(), response_words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses (``gen_ai.output.messages``) are
    the scripted turns marked so: the same text and the same tool call."""
    need("agents")
    from benchmarks.corpus.openai_agents_openllmetry_bakery import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    assert_scripted_responses(RUNS, scripts, _turns())


def test_the_team_is_a_lead_with_agents_as_tools_and_handoffs() -> None:
    """Each run is the user's run span over OpenLLMetry's ``Agent Workflow`` span; every
    agent span (``<agent>.agent``, invoke_agent) is a child of it; the clerk and the coder
    run only inside the lead's ``ask_*`` tool spans; the lead hands off to the checker;
    every turn's parent is its agent's span; the lead speaks first, the writer last."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow bakehouse-office", trace_id
        assert run_span["scope"] == SERVICE, trace_id
        workflow = [s for s in spans if s["name"] == "Agent Workflow"]
        assert len(workflow) == 1 and workflow[0]["parentSpanId"] == run_span["spanId"]
        agents = [s for s in spans if _op(s) == "invoke_agent"]
        for span in agents:
            name = span["attrs"]["gen_ai.agent.name"]
            assert span["name"] == f"{name}.agent" and name in AGENTS, trace_id
            assert span["parentSpanId"] == workflow[0]["spanId"], trace_id
        tools = [s for s in spans if _op(s) == "execute_tool"]
        for span in tools:
            owner = by_id[span["parentSpanId"]]["attrs"]["gen_ai.agent.name"]
            if span["attrs"]["gen_ai.tool.name"].startswith("ask_"):
                assert owner == LEAD, trace_id
        handoffs = [s for s in spans if _op(s) == "handoff"]
        assert any(s["attrs"]["gen_ai.agent.name"] == LEAD for s in handoffs), trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert all(p["type"] == "text" for p in steps[-1][2]), trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS


def test_code_really_ran_in_a_subprocess() -> None:
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=40, crashes=5)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: [p["name"] for p in response_parts(t) if p["type"] == "tool_call"]
        == ["run_python"],
        _ran, at_least=4, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    assert_unannotated(_turns(), response_words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "bakery.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes, a figure given anyway)
    gives the same annotation and turns."""
    need("agents")
    need("opentelemetry.instrumentation.openai_agents")
    scenario = "trade_june_text_times_price"
    regenerate(tmp_path, scenario, "--blind=openai_agents_openllmetry_bakery")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
