"""The blind family ``strands_swarm_theatre`` (tests/corpus/blind/...): a theatre's box
office desk as a Strands Agents ``Swarm`` (six agents passing the floor with the swarm's
own ``handoff_to_agent`` tool: a house manager who plans, a clerk and a rights officer
with a real file tool, an analyst whose ``run_python`` tool really runs its code, an
auditor, a report writer), traced by Strands' own OpenTelemetry spans into ``coordgap
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "strands_swarm_theatre"
FRAMEWORK = "strands-swarm-theatre"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "strands.telemetry.tracer"
SERVICE = "lantern-street-box-office"
LEAD, WRITER = "house_manager", "report_writer"
AGENTS = {LEAD, "box_office_clerk", "rights_officer", "analyst", "auditor", WRITER}
HANDOFF = "handoff_to_agent"
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
    "lost_constraint",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _op(span: dict[str, Any]) -> Any:
    return span["scope"] == SCOPE and span["attrs"].get("gen_ai.operation.name")


def _event(span: dict[str, Any], name: str) -> dict[str, Any]:
    """The attributes of the span's event ``name`` (the last, if several)."""
    found = [e for e in span.get("events", []) if e["name"] == name]
    assert found, (span["name"], name)
    return {kv["key"]: next(iter(kv["value"].values())) for kv in found[-1]["attributes"]}


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A ``chat`` span's recorded response (its ``gen_ai.choice`` event: content blocks):
    its text ("" when it had none) and its tool call as (name, input) (None when none)."""
    blocks = json.loads(_event(span, "gen_ai.choice")["message"])
    calls = [(b["toolUse"]["name"], b["toolUse"]["input"]) for b in blocks if "toolUse" in b]
    assert len(calls) <= 1, blocks
    text = "".join(b["text"] for b in blocks if "text" in b)
    return {"text": text, "call": calls[0] if calls else None}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"], json.dumps(call[1], sort_keys=True) if call else ""])


def _agent_above(span: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    up = by_id[span["parentSpanId"]]
    while _op(up) != "invoke_agent":
        up = by_id[up["parentSpanId"]]
    return up


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: Strands' ``chat`` spans, in start order, each the agent of the
    ``invoke_agent`` span above it (``gen_ai.agent.name``)."""
    by_id = {s["spanId"]: s for s in spans}
    return [
        (s["spanId"], _agent_above(s, by_id)["attrs"]["gen_ai.agent.name"], _said(s))
        for s in spans
        if _op(s) == "chat"
    ]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _tool_out(span: dict[str, Any]) -> str:
    """What an ``execute_tool`` span's tool answered (its ``gen_ai.choice`` event)."""
    blocks = json.loads(_event(span, "gen_ai.choice")["message"])
    return "".join(b.get("text", "") for b in blocks)


def _tool_in(span: dict[str, Any]) -> dict[str, Any]:
    """The arguments an ``execute_tool`` span's tool was called with."""
    return json.loads(_event(span, "gen_ai.tool.message")["content"])


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    ten modes of the README; mistakes spread over >= 5 agents."""
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same tool call with the same arguments."""
    need("strands")
    from benchmarks.corpus.strands_swarm_theatre import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            said = by_span[run[key]]
            assert said["text"] == turn.say, (run, what)
            assert said["call"] == turn.call, (run, what)


def test_the_team_is_a_strands_swarm_traced_by_strands_alone() -> None:
    """Each run is the user's run span over one ``invoke_swarm`` span; the agents' runs
    are ``invoke_agent <name>`` spans under it, the house manager's first and the report
    writer's last, each later one the agent the one before handed to with the swarm's
    ``handoff_to_agent`` (its last handoff); every turn is a ``chat`` span under an
    ``execute_event_loop_cycle`` of its agent's span; the report writer ends the run
    without a tool call; coordgap wrote only the run's grade."""
    speakers: Counter[str] = Counter()
    handoffs = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow box-office-desk", trace_id
        assert run_span["scope"] == SERVICE
        assert {s["scope"] for s in spans} == {SERVICE, SCOPE, "coordgap"}, trace_id
        assert [s["name"] for s in spans if s["scope"] == "coordgap"] == ["outcome"]
        swarms = [s for s in spans if _op(s) == "invoke_swarm"]
        assert len(swarms) == 1 and swarms[0]["parentSpanId"] == run_span["spanId"], trace_id
        visits = [s for s in spans if _op(s) == "invoke_agent"]
        assert all(s["parentSpanId"] == swarms[0]["spanId"] for s in visits), trace_id
        names = [s["attrs"]["gen_ai.agent.name"] for s in visits]
        assert all(s["name"] == f"invoke_agent {n}" for s, n in zip(visits, names, strict=True))
        assert names[0] == LEAD and names[-1] == WRITER, trace_id
        for visit, after in zip(visits, names[1:], strict=False):
            passed = [
                _tool_in(s)["agent_name"]
                for s in spans
                if s["name"] == f"execute_tool {HANDOFF}" and _agent_above(s, by_id) is visit
            ]
            assert passed and passed[-1] == after, trace_id
            handoffs += len(passed)
        for span in spans:
            if _op(span) == "chat":
                assert by_id[span["parentSpanId"]]["name"] == "execute_event_loop_cycle"
            if span["scope"] == SCOPE:
                assert not [k for k in span["attrs"] if k.startswith("coordgap.")], trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == WRITER, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert handoffs >= 4 * len(RUNS)


def _tool_runs(spans: list[dict[str, Any]], tool: str) -> list[dict[str, Any]]:
    return [s for s in spans if s["name"] == f"execute_tool {tool}"]


def test_run_python_really_ran_code() -> None:
    """Every ``run_python`` call answers with the subprocess's exit code and what it
    printed; a failed one shows its traceback."""
    runs = failed = 0
    for spans in _spans().values():
        for span in _tool_runs(spans, "run_python"):
            runs += 1
            out = _tool_out(span)
            code = int(out.split("\n", 1)[0].removeprefix("exit code "))
            assert (code != 0) == ("Traceback" in out), out
            failed += code != 0
    assert runs >= 45 and failed >= 5


def test_code_faults_are_the_analysts_and_were_run_for_real() -> None:
    """The crashing or wrong code is the mistake turn's ``run_python`` call; the tool span
    that ran it (its sibling under the same event loop cycle, with the same code) failed
    exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        spans = _spans()[trace_id]
        turn = next(s for s in spans if s["spanId"] == run["span_id"])
        call = _said(turn)["call"]
        assert run["mistake_agent"] == "analyst" and call[0] == "run_python", run
        ran = [s for s in spans if s.get("parentSpanId") == turn["parentSpanId"] and s is not turn]
        assert [s["name"] for s in ran] == ["execute_tool run_python"], run
        assert _tool_in(ran[0]) == call[1], run
        crashed = run["mode"] == "code_failure_ignored"
        assert (not _tool_out(ran[0]).startswith("exit code 0\n")) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "theatre.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads Strands' traces without error and stores each run with
    the grade its annotation implies (a late ``tracer.outcome``), and every span of the
    traces with it."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a real subprocess's traceback ignored, spans
    through Strands' own tracing and ``coordgap collect``) gives the same annotation and
    turns."""
    need("strands")
    scenario = "roy_05_terms_key_crash"
    regenerate(tmp_path, scenario, "--blind=strands_swarm_theatre")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
