"""The blind family ``agno_openinference_orchard`` (tests/corpus/blind/...): a fruit
co-op's intake desk as an Agno ``Team`` in coordinate mode (a leader delegating with
Agno's own ``delegate_task_to_member`` tool to a grower clerk with a real file tool, a
coder whose ``run_python`` tool really runs its code, and a checker; the leader writes
the answer), traced by OpenInference's Agno instrumentor into ``coordgap collect``,
written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "agno_openinference_orchard"
FRAMEWORK = "agno-openinference-orchard"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.agno"
KIND = "openinference.span.kind"
LEAD, CLERK, CODER, CHECKER = "intake_lead", "grower_clerk", "coder", "checker"
AGENTS = {LEAD, CLERK, CODER, CHECKER}
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
    call as (name, arguments) (None when it made none)."""
    attrs = span["attrs"]
    call = None
    if CALL + "name" in attrs:
        call = (attrs[CALL + "name"], json.loads(attrs[CALL + "arguments"]))
    return {"text": attrs.get(OUT + "content"), "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans, in start order, each the agent its
    parent AGENT span names (``agent.name``)."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if _kind(span) == "LLM":
            parent = by_id[span["parentSpanId"]]
            assert _kind(parent) == "AGENT", span["name"]
            out.append((span["spanId"], parent["attrs"]["agent.name"], _said(span)))
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
    """30 runs, 20 failing, 10 healthy; >= 15 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes over all four agents; apart from the
    other corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (30, 20)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS
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
    need("agno")
    from benchmarks.corpus.agno_openinference_orchard import RUNS as SCRIPTS

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


def test_the_team_is_an_agno_team_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one ``intake_lead.run`` AGENT span (the
    team); every member run is an AGENT span under it; every turn is an
    ``OpenAIChat.invoke`` LLM span directly under its agent's AGENT span; the lead speaks
    first and last; the lead delegates with Agno's ``delegate_task_to_member``; coordgap
    wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    delegations = 0
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow intake-desk", trace_id
        teams = [s for s in spans if s["name"] == f"{LEAD}.run"]
        assert len(teams) == 1 and teams[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in spans:
            if _kind(span) == "AGENT" and span is not teams[0]:
                assert span["parentSpanId"] == teams[0]["spanId"], trace_id
            if _kind(span) == "LLM":
                assert span["name"] == "OpenAIChat.invoke", trace_id
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
            tool = _kind(span) == "TOOL" and span["attrs"].get("tool.name")
            delegations += tool == "delegate_task_to_member"
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == LEAD, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert delegations >= 2 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=28, crashes=3)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=4, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words
    (fruit is "graded for juice" on this desk; the grader's verdict is "graded correct"
    or "graded wrong")."""
    assert_unannotated(
        _turns(), _words, MODES, grader=("graded correct", "graded wrong", "mistake")
    )


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "orchard.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's Agno traces without error and stores
    each run with the grade its annotation implies, and every span of the traces with
    it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes after printing, its
    partial output reported as the figure; spans through OpenInference and ``coordgap
    collect``) gives the same annotation and turns."""
    need("agno")
    need("openinference.instrumentation.agno")
    scenario = "pay_06_levy_line_crashed"
    regenerate(tmp_path, scenario, "--blind=agno_openinference_orchard")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
