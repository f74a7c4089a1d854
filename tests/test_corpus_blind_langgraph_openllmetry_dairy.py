"""The blind family ``langgraph_openllmetry_dairy`` (tests/corpus/blind/...): a dairy
co-op's milk collections desk as a LangGraph supervisor team (a hand-written lead node
routing with ``Command``, five ``create_react_agent`` workers: a records clerk and a
pricing officer with a real file tool, a coder whose ``run_python`` really runs its code,
a checker, a writer), traced by OpenLLMetry's LangChain instrumentor into ``coordgap
collect``, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "langgraph_openllmetry_dairy"
FRAMEWORK = "langgraph-openllmetry-dairy"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "opentelemetry.instrumentation.langchain"
NAMESPACE = "traceloop.association.properties.langgraph_checkpoint_ns"
LEAD, CODER, WRITER = "collections_lead", "coder", "writer"
AGENTS = {LEAD, "records_clerk", "pricing_officer", CODER, "checker", WRITER}
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
    return span["scope"] == SCOPE and span["attrs"].get("gen_ai.operation.name")


def _node(span: dict[str, Any]) -> str:
    """The top-level graph node a span ran in: the first name of its LangGraph
    checkpoint namespace (``node:<id>``, or ``node:<id>|agent:<id>`` in a worker)."""
    return str(span["attrs"][NAMESPACE]).split("|")[0].split(":")[0]


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenLLMetry's ``chat`` spans in start order, each its node's, with
    its recorded response's parts."""
    return [(s["spanId"], _node(s), response_parts(s)) for s in spans if _op(s) == "chat"]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` tool span in the run."""
    out = []
    for s in spans:
        if _op(s) == "execute_tool" and s["attrs"]["gen_ai.tool.name"] == "run_python":
            result = json.loads(s["attrs"]["traceloop.entity.output"])["output"]
            out.append((int(s["startTimeUnixNano"]), str(result["kwargs"]["content"])))
    return out


def _call(parts: list[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    calls = [(p["name"], p["arguments"]) for p in parts if p["type"] == "tool_call"]
    assert len(calls) <= 1
    return calls[0] if calls else None


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    eleven modes of the README; mistakes over five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_stays_under_its_budget() -> None:
    """OpenLLMetry records every graph step's whole state, twice (``traceloop.entity.*``
    and ``gen_ai.task.*``): the committed file stays under 1 MB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_000_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), response_words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("langgraph")
    from benchmarks.corpus.langgraph_openllmetry_dairy import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    assert_scripted_responses(RUNS, scripts, _turns())


def test_the_team_is_a_supervisor_graph_traced_by_openllmetry_alone() -> None:
    """Each run is the user's run span over one ``invoke_agent collections_desk`` span and
    its ``collections_desk.workflow``; every turn sits under the node span of the agent
    its namespace names; each lead turn dispatches and is followed by OpenLLMetry's
    ``goto`` span to that agent, which then runs as an agent of its own; the lead speaks
    first, the writer last; coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow collections-desk", trace_id
        graphs = [s for s in spans if s["name"] == "invoke_agent collections_desk"]
        assert len(graphs) == 1 and graphs[0]["parentSpanId"] == run_span["spanId"], trace_id
        (flow,) = [s for s in spans if s["name"] == "collections_desk.workflow"]
        assert flow["parentSpanId"] == graphs[0]["spanId"], trace_id
        gotos = [s for s in spans if _op(s) == "goto"]
        visits = [
            s["name"].removeprefix("invoke_agent ") for s in spans if _op(s) == "invoke_agent"
        ]
        visits = [v for v in visits if not v.endswith(".workflow")]
        dispatched = []
        for span in spans:
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith("coordgap.")], trace_id
            if _op(span) != "chat":
                continue
            up = by_id[span["parentSpanId"]]
            while up["parentSpanId"] != flow["spanId"]:
                up = by_id[up["parentSpanId"]]
            assert up["name"] == f"execute_task {_node(span)}", trace_id
            if _node(span) == LEAD:
                name, args = _call(response_parts(span)) or ("", {})
                assert name == "dispatch" and up is by_id[span["parentSpanId"]], trace_id
                dispatched.append(args["agent"])
        routed = [g["attrs"] for g in gotos]
        targets = [a["langgraph.command.goto_node"] for a in routed]
        sources = [a["langgraph.command.source_node"] for a in routed]
        assert [t for t, s in zip(targets, sources, strict=True) if s == LEAD] == dispatched
        # a worker's way back is recorded from the node OpenLLMetry saw start last: the
        # inner ``agent`` node of the worker's react agent, not the worker
        back = [(s, t) for t, s in zip(targets, sources, strict=True) if s != LEAD]
        assert back == [("agent", "__end__" if w == WRITER else LEAD) for w in dispatched]
        assert visits == ["collections_desk", *dispatched], trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some scripts crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=40, crashes=5)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) == 6
    for trace_id, run in runs.items():
        spans = _spans()[trace_id]
        turn = next(s for s in spans if s["spanId"] == run["span_id"])
        call = _call(response_parts(turn))
        assert run["mistake_agent"] == CODER and call and call[0] == "run_python", run
        start = int(turn["startTimeUnixNano"])
        out = next(out for at, out in _ran(spans) if at > start)
        crashed = run["mode"] == "code_failure_ignored"
        assert (not out.startswith("exit code 0\n")) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), response_words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "dairy.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenLLMetry's LangChain traces without error and stores
    each run with the grade its annotation implies (a late ``tracer.outcome``), and every
    span of the traces with it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashing script, the lead finishing with a
    figure of its own; spans through OpenLLMetry and ``coordgap collect``) gives the same
    annotation and turns."""
    need("langgraph")
    need("opentelemetry.instrumentation.langchain")
    scenario = "haul_04_nameerror_lead_carries_on"
    regenerate(tmp_path, scenario, "--blind=langgraph_openllmetry_dairy")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
