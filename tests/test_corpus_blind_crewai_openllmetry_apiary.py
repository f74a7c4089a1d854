"""The blind family ``crewai_openllmetry_apiary`` (tests/corpus/blind/...): a honey
co-operative's season desk as a hierarchical CrewAI crew (a manager agent that works both
tasks by delegating with CrewAI's own tools to a clerk with a real file tool, an analyst
whose ``run_python`` tool really runs its code, a checker and a writer; the second task
given the first's result as context), traced by OpenLLMetry's CrewAI and OpenAI
instrumentors into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
words, that the crew and its faults are what the README says, that code really ran, and
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "crewai_openllmetry_apiary"
FRAMEWORK = "crewai-openllmetry-apiary"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
CREW_SCOPE = "opentelemetry.instrumentation.crewai.instrumentation"
LLM_SCOPE = "opentelemetry.instrumentation.openai.v1"
LEAD, CLERK, ANALYST = "Season Desk Lead", "Records Clerk", "Data Analyst"
CHECKER, WRITER = "Quality Checker", "Report Writer"
AGENTS = [LEAD, CLERK, ANALYST, CHECKER, WRITER]
ROLE = re.compile(r"You are (.+?)\. ")
DELEGATION = ("Ask question to coworker", "Delegate work to coworker")
FINAL = "\nFinal Answer: "
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


def _messages(span: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return list(json.loads(span["attrs"][key]))


def _said(span: dict[str, Any]) -> str:
    """A model call's recorded response: its one text part (the ReAct text)."""
    (message,) = _messages(span, "gen_ai.output.messages")
    (part,) = message["parts"]
    assert part["type"] == "text", span["spanId"]
    return str(part["content"])


def _prompt(span: dict[str, Any], at: int) -> str:
    return str(_messages(span, "gen_ai.input.messages")[at]["parts"][0]["content"])


def _is_chat(span: dict[str, Any]) -> bool:
    return span["scope"] == LLM_SCOPE and span["name"] == "openai.chat"


def _words(said: str) -> str:
    return said


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: the ``openai.chat`` spans, in start order, each the agent of its
    parent ``<role>.agent`` span (the one its system message names too); the words are
    the recorded response."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if not _is_chat(span):
            continue
        agent = by_id[span["parentSpanId"]]["attrs"]["gen_ai.agent.name"]
        role = ROLE.match(_prompt(span, 0))
        assert role and role.group(1) == agent, span["spanId"]
        out.append((span["spanId"], agent, _said(span)))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _observations(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, observation) of each ``run_python`` call in the run: what CrewAI handed the
    model after the tool ran, at the end of the last input message of the analyst's next
    model call (no tool span records it)."""
    chats = [s for s in spans if _is_chat(s)]
    found = []
    for call in chats:
        if "\nAction: run_python\n" not in _said(call):
            continue
        start = int(call["startTimeUnixNano"])
        after = next(
            s
            for s in chats
            if int(s["startTimeUnixNano"]) > start and _prompt(s, 0) == _prompt(call, 0)
        )
        text = _prompt(after, -1)
        assert _said(call) in text, call["spanId"]
        found.append((start, text.split("\nObservation: ", 1)[1]))
    return found


def test_family_size_modes_and_agents() -> None:
    """42 runs, 27 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    README's eleven modes; mistakes over all five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (42, 27)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)
    assert {v["mistake_agent"] for v in FAILING.values()} == set(AGENTS)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so, in CrewAI's ReAct text: the same thought, and the same action and input or the
    same final answer."""
    need("crewai")
    from benchmarks.corpus._hive_team import words
    from benchmarks.corpus.crewai_openllmetry_apiary import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            assert by_span[run[key]] == words(turn), (run, what)


def test_the_crew_is_hierarchical_and_traced_by_openllmetry_alone() -> None:
    """Each run is the user's run span over one ``crewai.workflow`` span, under it the two
    tasks' spans (named after their descriptions) each holding one ``Season Desk
    Lead.agent`` span, and every coworker's ``<role>.agent`` span directly under the
    lead's (a delegation); every turn is an ``openai.chat`` span directly under its
    agent's span; a coworker speaks only after the lead delegates or asks; the lead
    speaks first and last; coordgap wrote only the run's grade."""
    delegations = 0
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow season-desk", trace_id
        crews = [s for s in spans if s["name"] == "crewai.workflow"]
        assert len(crews) == 1 and crews[0]["parentSpanId"] == run_span["spanId"]
        tasks = [s for s in spans if s["name"].endswith(".task")]
        assert [s["attrs"]["traceloop.span.kind"] for s in tasks] == ["task", "task"]
        assert tasks[0]["name"].startswith("A member's question has come in"), trace_id
        assert tasks[1]["name"].startswith("Question: "), trace_id
        assert all(s["parentSpanId"] == crews[0]["spanId"] for s in tasks), trace_id
        agents = [s for s in spans if s["name"].endswith(".agent")]
        leads = [s for s in agents if s["attrs"]["gen_ai.agent.name"] == LEAD]
        assert [s["parentSpanId"] for s in leads] == [t["spanId"] for t in tasks], trace_id
        lead_ids = {s["spanId"] for s in leads}
        for span in agents:
            assert span["name"] == f"{span['attrs']['gen_ai.agent.name']}.agent", trace_id
            assert span in leads or span["parentSpanId"] in lead_ids, trace_id
        by_id = {s["spanId"]: s for s in spans}
        steps = _turns()[trace_id]
        for span_id, _, _ in steps:
            assert by_id[by_id[span_id]["parentSpanId"]]["name"].endswith(".agent")
        for (_, before, said), (_, agent, _) in zip(steps, steps[1:], strict=False):
            if agent not in (before, LEAD):  # a coworker starts: the lead handed it work
                assert before == LEAD, trace_id
                assert said.split("\nAction: ")[-1].startswith(DELEGATION), trace_id
                delegations += 1
        assert steps[0][1] == LEAD and steps[-1][1] == LEAD, trace_id
        assert FINAL in steps[-1][2], trace_id
        for span in spans:
            if span["scope"] in (CREW_SCOPE, LLM_SCOPE):
                assert not [k for k in span["attrs"] if k.startswith("coordgap.")]
        assert not [s for s in spans if "tool" in s["name"].lower()], trace_id
    assert delegations >= 4 * len(RUNS)


def test_the_second_task_is_given_the_first_as_context() -> None:
    """CrewAI hands the second task the first's output: the lead's first model call in
    the second task is shown the lead's final answer to the first."""
    for trace_id, spans in _spans().items():
        tasks = [s for s in spans if s["name"].endswith(".task")]
        by_id = {s["spanId"]: s for s in spans}
        steps = _turns()[trace_id]
        in_task = {
            sid: by_id[by_id[sid]["parentSpanId"]]["parentSpanId"]
            for sid, a, _ in steps
            if a == LEAD
        }
        firsts = [sid for sid, a, _ in steps if a == LEAD and in_task[sid] == tasks[0]["spanId"]]
        closing = next(
            said
            for sid, a, said in reversed(steps)
            if a == LEAD and sid in firsts and FINAL in said
        )
        second = next(
            sid for sid, a, _ in steps if a == LEAD and in_task[sid] == tasks[1]["spanId"]
        )
        assert closing.split(FINAL, 1)[1] in _prompt(by_id[second], 1), trace_id


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` call is followed by the subprocess's exit code and what it
    printed, as CrewAI handed them back; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _observations(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=4)


def test_code_faults_are_the_analysts_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the run that
    followed crashed exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 5
    for trace_id, run in runs.items():
        spans = _spans()[trace_id]
        turn = next(s for s in spans if s["spanId"] == run["span_id"])
        assert run["mistake_agent"] == ANALYST, run
        assert "\nAction: run_python\n" in _said(turn), run
        start = int(turn["startTimeUnixNano"])
        out = next(out for at, out in _observations(spans) if at == start)
        crashed = run["mode"] == "code_failure_ignored"
        assert (not out.startswith("exit code 0\n")) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES, grader=("graded", "mistake"))


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "apiary.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenLLMetry's CrewAI and OpenAI traces without error and
    stores each run with the grade its annotation implies, and every span of the traces
    with it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


def test_speakers_cover_the_crew() -> None:
    """Every agent speaks in every run; the clerk reads files in every run."""
    for trace_id, steps in _turns().items():
        assert {agent for _, agent, _ in steps} == set(AGENTS), trace_id
        reads = Counter(a for _, a, said in steps if "\nAction: read_file\n" in said)
        assert reads[CLERK] >= 1, trace_id


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (the checker's assumption sending the analyst
    back; spans through OpenLLMetry and ``coordgap collect``) gives the same annotation
    and turns."""
    need("crewai")
    need("opentelemetry.instrumentation.crewai")
    need("opentelemetry.instrumentation.openai")
    scenario = "mites_10_checker_counts_treated"
    regenerate(tmp_path, scenario, "--blind=crewai_openllmetry_apiary")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
