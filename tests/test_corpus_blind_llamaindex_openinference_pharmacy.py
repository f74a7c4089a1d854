"""The blind family ``llamaindex_openinference_pharmacy`` (tests/corpus/blind/...): a
hospital pharmacy's stock desk as a LlamaIndex multi-agent ``AgentWorkflow`` (a root
pharmacy lead handing off with LlamaIndex's own handoff tool to a stock clerk and a
formulary pharmacist with a real file tool, a coder whose ``run_python`` tool really runs
its code, a checker, a writer), traced by OpenInference's LlamaIndex instrumentor into
``coordgap collect``, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "llamaindex_openinference_pharmacy"
FRAMEWORK = "llamaindex-openinference-pharmacy"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.llama_index"
KIND = "openinference.span.kind"
STEP = "AgentWorkflow.run_agent_step"
LEAD, CODER, WRITER = "pharmacy_lead", "coder", "writer"
AGENTS = {LEAD, "stock_clerk", "formulary_pharmacist", CODER, "checker", WRITER}
OUT = "llm.output_messages.0.message."
CALL = OUT + "tool_calls.0.tool_call.function."
NAMED = re.compile(r"current_agent_name='([^']+)'")
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


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response: its text (None when it had none; a text-only
    reply is recorded as ``content``, text beside a tool call as a text content part) and
    its tool call as (name, arguments) (None when it made none)."""
    attrs = span["attrs"]
    text = attrs.get(OUT + "content", attrs.get(OUT + "contents.0.message_content.text"))
    call = None
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
    return {"text": text, "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _responds(span: dict[str, Any]) -> bool:
    return _kind(span) == "LLM" and any(k.startswith(OUT) for k in span["attrs"])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans holding a response, in start order, each
    the agent its ``run_agent_step`` parent names."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if _responds(span):
            step = by_id[span["parentSpanId"]]
            agent = NAMED.findall(step["attrs"]["input.value"])[-1]
            out.append((span["spanId"], agent, _said(span)))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` TOOL span in the run."""
    out = []
    for s in spans:
        if _kind(s) == "TOOL" and s["attrs"].get("tool.name") == "run_python":
            out.append(
                (int(s["startTimeUnixNano"]), json.loads(s["attrs"]["output.value"])["raw_output"])
            )
    return out


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, >= 15 healthy, >= 20 failing runs with a gap of 2 or
    more, the twelve modes of the README, mistakes spread over >= 5 agents."""
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_stays_under_its_budget() -> None:
    """OpenInference records every workflow step's event and every model call's whole
    history: the committed file stays under 1.2 MB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_200_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("llama_index.core")
    from benchmarks.corpus.llamaindex_openinference_pharmacy import RUNS as SCRIPTS

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


def test_the_team_is_an_agent_workflow_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one ``AgentWorkflow.run`` span; every turn is
    an ``achat`` LLM span directly in a ``run_agent_step`` step of that workflow; the lead
    speaks first, the writer last; agents hand off with LlamaIndex's ``handoff`` tool;
    coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow stock-desk", trace_id
        flows = [s for s in spans if s["name"] == "AgentWorkflow.run"]
        assert len(flows) == 1 and flows[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in spans:
            if _responds(span):
                step = by_id[span["parentSpanId"]]
                assert span["name"].endswith(".achat"), trace_id
                assert step["name"] == STEP and step["parentSpanId"] == flows[0]["spanId"]
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
            handoffs += _kind(span) == "TOOL" and span["attrs"].get("tool.name") == "handoff"
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert handoffs >= 4 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=7)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=6,
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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "pharm.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's LlamaIndex traces without error and
    stores each run with the grade its annotation implies (a late ``tracer.outcome``),
    and every span of the traces with it; the rows it derives itself are left out of the
    count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a crashing cell the coder talks past, spans
    through OpenInference and ``coordgap collect``) gives the same annotation and turns."""
    need("llama_index.core")
    need("openinference.instrumentation.llama_index")
    scenario = "cover_03_qty_column"
    regenerate(tmp_path, scenario, "--blind=llamaindex_openinference_pharmacy")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
