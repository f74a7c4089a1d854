"""The blind family ``langgraph_openinference_windfarm`` (tests/corpus/blind/...): a
wind-farm maintenance desk as a hand-built LangGraph ``StateGraph`` team (a site lead
routing with ``Command``, two specialists with a real file tool, a coder whose Python a
code runner node really runs, a verifier, a writer), traced by OpenInference's LangChain
instrumentor into ``coordgap collect``, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "langgraph_openinference_windfarm"
FRAMEWORK = "langgraph-openinference-windfarm"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.langchain"
KIND = "openinference.span.kind"
LEAD, CODER, RUNNER, WRITER = "site_lead", "coder", "code_runner", "writer"
AGENTS = {LEAD, "records_analyst", "reliability_engineer", CODER, "verifier", WRITER}
OUT = "llm.output_messages.0.message."
TEXT = OUT + "content"
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
    "repetition_loop",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted", "repetition_loop"}


def _kind(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get(KIND)


def _node(span: dict[str, Any]) -> str | None:
    """The graph node a span ran in, as LangGraph's metadata names it."""
    node = json.loads(span["attrs"].get("metadata", "{}")).get("langgraph_node")
    return None if node is None else str(node)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response: its text (None when it had none) and its tool
    call as (name, arguments) (None when it made none)."""
    attrs = span["attrs"]
    call = None
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
    return {"text": attrs.get(TEXT), "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans in start order, each its graph node's."""
    return [(s["spanId"], str(_node(s)), _said(s)) for s in spans if _kind(s) == "LLM"]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``code_runner`` node in the run."""
    out = []
    for s in spans:
        if s["name"] == RUNNER and _kind(s) == "CHAIN":
            message = json.loads(s["attrs"]["output.value"])["messages"][0]["data"]
            out.append((int(s["startTimeUnixNano"]), str(message["content"])))
    return out


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, >= 15 healthy, >= 20 failing runs with a gap of 2 or
    more, the twelve modes of the README, mistakes spread over >= 5 agents."""
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_stays_under_its_budget() -> None:
    """OpenInference records every node's state and every model call's whole history:
    the committed file stays under 1.2 MB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_200_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("langgraph")
    from benchmarks.corpus.langgraph_openinference_windfarm import RUNS as SCRIPTS

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


def test_the_team_is_a_hand_built_graph_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one ``maintenance_desk`` graph span; every
    model call sits directly in the CHAIN span of the node it ran in (named after it);
    the lead speaks first, the writer last; coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow maintenance-desk", trace_id
        graphs = [s for s in spans if s["name"] == "maintenance_desk"]
        assert len(graphs) == 1 and graphs[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in spans:
            if _kind(span) == "LLM":
                node = by_id[span["parentSpanId"]]
                assert _kind(node) == "CHAIN" and node["name"] == _node(span), trace_id
                assert node["parentSpanId"] == graphs[0]["spanId"], trace_id
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``code_runner`` node hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=8)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's Python block; the code runner
    that ran it next crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: "```python" in _said(t)["text"],
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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "wind.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's LangChain traces without error and
    stores each run with the grade its annotation implies (a late ``tracer.outcome``),
    and every span of the traces with it; the rows it derives itself (a handoff per
    move from one graph node to the next) are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashing cell the coder carries on from,
    spans through OpenInference and ``coordgap collect``) gives the same annotation and
    turns."""
    need("langgraph")
    need("openinference.instrumentation.langchain")
    scenario = "sla_02_strptime_on_blank"
    regenerate(tmp_path, scenario, "--blind=langgraph_openinference_windfarm")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
