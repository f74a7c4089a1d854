"""The blind family ``agno_openllmetry_recycling`` (tests/corpus/blind/...): a council
recycling depot's figures desk as an Agno ``Team`` in coordinate mode (a lead delegating
with Agno's ``delegate_task_to_member`` to a records clerk with a real file tool, an
analyst whose ``run_python`` really runs its code, a checker and a bulletin writer; every
model a scripted subclass of Agno's ``Model``), traced by OpenLLMetry's Agno instrumentor
into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the team and its faults are what the README says, that code really ran, and
that every run was graded, is.
"""

from __future__ import annotations

import ast
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "agno_openllmetry_recycling"
FRAMEWORK = "agno-openllmetry-recycling"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "opentelemetry.instrumentation.agno"
SERVICE = "ashby-bridge-depot-desk"
IN, OUT = "traceloop.entity.input", "traceloop.entity.output"
LEAD, CLERK, ANALYST, CHECKER, WRITER = (
    "depot_lead",
    "records_clerk",
    "py_analyst",
    "checker",
    "bulletin_writer",
)
AGENTS = {LEAD, CLERK, ANALYST, CHECKER, WRITER}
TOOLS = {LEAD: {"delegate_task_to_member"}, CLERK: {"read_file"}, ANALYST: {"run_python"}}
TOOLS |= {CHECKER: {"read_file"}, WRITER: set()}
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
RESULT = re.compile(r"status='success' result=(.*) error=None updated_session_state=", re.S)


def _owner(span: dict[str, Any] | None) -> str | None:
    """The agent whose run a ``.team`` or ``.agent`` span records, else None."""
    if span is None or span["scope"] != SCOPE:
        return None
    if span["name"].endswith(".team"):
        return span["attrs"]["agno.team.name"]
    if span["name"].endswith(".agent"):
        return span["attrs"]["gen_ai.agent.name"]
    return None


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A turn as the instrumentor recorded it: a tool span's call (its name and arguments,
    ``traceloop.entity.input``) or a run span's final text (``traceloop.entity.output``)."""
    if span["name"].endswith(".tool"):
        return {
            "text": None,
            "calls": [(span["attrs"]["gen_ai.tool.name"], json.loads(span["attrs"][IN]))],
        }
    return {"text": span["attrs"].get(OUT), "calls": []}


def _words(said: dict[str, Any]) -> str:
    calls = [json.dumps(args, sort_keys=True) for _, args in said["calls"]]
    return "\n".join([said["text"] or "", *calls])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: each tool span (the response that called it; the agent of the run
    span it ran in) at its start, and each ``.agent`` / ``.team`` span (the response that
    ended that run) at its end, in that order."""
    by_id = {s["spanId"]: s for s in spans}
    found = []
    for span in spans:
        if span["scope"] != SCOPE:
            continue
        if _owner(span):
            found.append((int(span["endTimeUnixNano"]), span, _owner(span)))
        elif span["name"].endswith(".tool"):
            agent = _owner(by_id.get(span.get("parentSpanId", "")))
            found.append((int(span["startTimeUnixNano"]), span, agent))
    return [(s["spanId"], agent, _said(s)) for _, s, agent in sorted(found, key=lambda f: f[0])]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _result(span: dict[str, Any]) -> str:
    """What a tool handed back: the instrumentor records Agno's ``FunctionExecutionResult``
    as its repr; the result is the string literal in it."""
    found = RESULT.match(span["attrs"][OUT])
    assert found, span["attrs"][OUT]
    return str(ast.literal_eval(found.group(1)))


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(end, what came back) of each ``run_python`` tool span in the run: the output is
    there when the span ends."""
    return [
        (int(s["endTimeUnixNano"]), _result(s))
        for s in spans
        if s["scope"] == SCOPE and s["name"] == "run_python.tool"
    ]


def test_family_size_modes_and_agents() -> None:
    """43 runs, 28 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    thirteen modes; mistakes over all five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (43, 28)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 250_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans hold the scripted turns marked so: a tool call's span
    its name and arguments, a final response's run span its text."""
    need("agno")
    from benchmarks.corpus.agno_openllmetry_recycling import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            said = by_span[run[key]]
            assert said["calls"] == ([turn.call] if turn.call else []), (run, what)
            assert (said["text"] or "") == ("" if turn.call else turn.say), (run, what)


def test_the_team_is_a_lead_delegating_to_members() -> None:
    """Each run is the user's run span over the lead's ``depot_lead.team`` span; every
    member's ``<agent>.agent`` span is the team span's child and follows a
    ``delegate_task_to_member`` tool span of the lead's naming that member; every other tool
    span is the child of the run span of an agent holding that tool; the lead speaks
    first and last, and its last turn is its run's final text."""
    speakers: Counter[str] = Counter()
    delegations = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow depot-desk", trace_id
        assert run_span["scope"] == SERVICE, trace_id
        teams = [s for s in spans if s["name"].endswith(".team")]
        assert len(teams) == 1 and teams[0]["name"] == f"{LEAD}.team", trace_id
        team = teams[0]
        assert team["parentSpanId"] == run_span["spanId"], trace_id
        last_asked = None
        for span in spans:
            if span["scope"] != SCOPE:
                continue
            assert span["attrs"]["gen_ai.system"] == "agno", span["name"]
            if span["name"] == "delegate_task_to_member.tool":
                assert span["parentSpanId"] == team["spanId"], trace_id
                last_asked = json.loads(span["attrs"][IN])["member_id"]
                delegations += 1
            elif span["name"].endswith(".agent"):
                assert span["parentSpanId"] == team["spanId"], trace_id
                assert _owner(span) == last_asked and last_asked in AGENTS - {LEAD}, trace_id
                last_asked = None
            elif span["name"].endswith(".tool"):
                owner = _owner(by_id[span["parentSpanId"]])
                assert span["attrs"]["gen_ai.tool.name"] in TOOLS[owner], trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == LEAD, trace_id
        assert steps[-1][0] == team["spanId"] and steps[-1][2]["text"], trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert delegations >= 3 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=3)


def test_code_faults_are_the_analysts_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, ANALYST, lambda t: _spans()[t],
        lambda s: s["name"] == "run_python.tool",
        _ran, at_least=6, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "recycling.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the traces without error and stores each run with the
    grade its annotation implies (a late ``tracer.outcome``), and every span with it."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes on a wrong column name, the
    gross figure given anyway; spans through OpenLLMetry's Agno instrumentor and
    ``coordgap collect``) gives the same annotation and turns."""
    need("agno")
    need("opentelemetry.instrumentation.agno")
    scenario = "recy_06_audit_column_crash"
    regenerate(tmp_path, scenario, "--blind=agno_openllmetry_recycling")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
