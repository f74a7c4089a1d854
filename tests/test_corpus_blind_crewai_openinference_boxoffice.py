"""The blind family ``crewai_openinference_boxoffice`` (tests/corpus/blind/...): a regional
theatre's box office as a sequential CrewAI crew (six agents whose tasks pass results on
as context: a manager's plan, two clerks with a real file tool, an analyst whose
``run_python`` tool really runs its code, a checker that may ask or hand work to a
coworker with CrewAI's own tools, a writer), traced by OpenInference's CrewAI and OpenAI
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
    assert_apart,
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "crewai_openinference_boxoffice"
FRAMEWORK = "crewai-openinference-boxoffice"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
CREW_SCOPE = "openinference.instrumentation.crewai"
LLM_SCOPE = "openinference.instrumentation.openai"
KIND = "openinference.span.kind"
MANAGER, TERMS, LEDGER = "Box Office Manager", "Contracts Clerk", "Sales Ledger Clerk"
ANALYST, CHECKER, WRITER = "Data Analyst", "Settlement Checker", "Report Writer"
AGENTS = [MANAGER, TERMS, LEDGER, ANALYST, CHECKER, WRITER]
TASKS = ["plan", "terms", "ledger", "compute", "check", "answer"]
OUT = "llm.output_messages.0.message.content"
SYSTEM = "llm.input_messages.0.message.content"
ROLE = re.compile(r"You are (.+?)\. ")
DELEGATION = ("Ask question to coworker", "Delegate work to coworker")
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


def _kind(span: dict[str, Any]) -> Any:
    return span["scope"] in (CREW_SCOPE, LLM_SCOPE) and span["attrs"].get(KIND)


def _words(said: str) -> str:
    return said


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's OpenAI LLM spans, in start order, each the agent its
    system message names ("You are <role>."); the words are the recorded response."""
    out = []
    for span in spans:
        if span["scope"] == LLM_SCOPE and _kind(span) == "LLM":
            role = ROLE.match(span["attrs"][SYSTEM])
            assert role, span["spanId"]
            out.append((span["spanId"], role.group(1), span["attrs"][OUT]))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _observations(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, observation) of each ``run_python`` call in the run: what CrewAI handed the
    model after the tool ran, the last input message of the analyst's next model call
    (the instrumentors record no tool span on CrewAI 1.6.1)."""
    calls = [s for s in spans if _kind(s) == "LLM" and "\nAction: run_python\n" in s["attrs"][OUT]]
    found = []
    for call in calls:
        start = int(call["startTimeUnixNano"])
        after = next(
            s
            for s in spans
            if _kind(s) == "LLM"
            and int(s["startTimeUnixNano"]) > start
            and s["attrs"][SYSTEM] == call["attrs"][SYSTEM]
        )
        keys = sorted(
            (
                k
                for k in after["attrs"]
                if re.fullmatch(r"llm\.input_messages\.\d+\.message\.content", k)
            ),
            key=lambda k: int(k.split(".")[2]),
        )
        text = after["attrs"][keys[-1]]
        assert call["attrs"][OUT] in text, call["spanId"]
        found.append((start, text.split("\nObservation: ", 1)[1]))
    return found


def test_family_size_modes_and_agents() -> None:
    """40 runs, 27 failing, 13 healthy; >= 20 failing runs with a gap of 2 or more;
    exactly the README's ten modes; mistakes over five agents (the writer's turn is the
    run's last); apart from the other corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (40, 27)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == set(AGENTS) - {WRITER}
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 1_000_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so, in CrewAI's ReAct text: the same thought, and the same action and input or the
    same final answer."""
    need("crewai")
    from benchmarks.corpus._box_team import words
    from benchmarks.corpus.crewai_openinference_boxoffice import RUNS as SCRIPTS

    scripts = {r.scenario: r for r in SCRIPTS}
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in FAILING.items():
        script = scripts[run["scenario"]]
        by_span = {sid: said for sid, _, said in _turns()[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            assert by_span[run[key]] == words(turn), (run, what)


def test_the_crew_is_sequential_and_traced_by_openinference_alone() -> None:
    """Each run is the user's run span over one ``box-office-desk.kickoff`` CHAIN span,
    under it the six tasks' AGENT spans ``<role>.<task>._execute_core`` in crew order;
    every turn is a ``ChatCompletion`` LLM span directly under a task span, its own
    agent's unless it answers a coworker's question or delegation inside the checker's
    task; no TOOL spans; the manager speaks first and the writer last; coordgap wrote only
    the run's grade."""
    delegations = 0
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow box-office-desk", trace_id
        kickoffs = [s for s in spans if s["name"] == "box-office-desk.kickoff"]
        assert len(kickoffs) == 1 and kickoffs[0]["parentSpanId"] == run_span["spanId"]
        tasks = [s for s in spans if _kind(s) == "AGENT"]
        assert [s["name"] for s in tasks] == [
            f"{a}.{t}._execute_core" for a, t in zip(AGENTS, TASKS, strict=True)
        ]
        assert [s["attrs"]["graph.node.id"] for s in tasks] == AGENTS, trace_id
        assert all(s["parentSpanId"] == kickoffs[0]["spanId"] for s in tasks), trace_id
        assert not [s for s in spans if _kind(s) == "TOOL"], trace_id
        by_id = {s["spanId"]: s for s in spans}
        steps = _turns()[trace_id]
        asked = False
        for span_id, agent, said in steps:
            span = by_id[span_id]
            task = by_id[span["parentSpanId"]]
            assert span["name"] == "ChatCompletion" and _kind(task) == "AGENT", trace_id
            if task["attrs"]["graph.node.id"] != agent:  # a coworker's turns, asked
                assert task["attrs"]["graph.node.id"] == CHECKER and asked, trace_id
                continue
            asked = said.split("\nAction: ")[-1].startswith(DELEGATION)
            delegations += asked
        assert steps[0][1] == MANAGER and steps[-1][1] == WRITER, trace_id
        assert "\nFinal Answer: " in steps[-1][2], trace_id
        for span in spans:
            if span["scope"] in (CREW_SCOPE, LLM_SCOPE):
                assert not [k for k in span["attrs"] if k.startswith(("coordgap.", "gen_ai."))]
    assert delegations >= 6


def test_each_task_is_given_the_earlier_tasks_as_context() -> None:
    """CrewAI hands each task the earlier tasks' outputs: the analyst's first model call is
    shown the ledger clerk's final answer, the writer's the checker's."""
    for trace_id, steps in _turns().items():
        by_id = {s["spanId"]: s for s in _spans()[trace_id]}
        said = {  # each agent's answer to its own task (not to a coworker's question)
            agent: words
            for sid, agent, words in steps
            if "\nFinal Answer: " in words
            and by_id[by_id[sid]["parentSpanId"]]["attrs"]["graph.node.id"] == agent
        }
        for reader, writer in ((ANALYST, LEDGER), (WRITER, CHECKER)):
            first = next(sid for sid, agent, _ in steps if agent == reader)
            prompt = by_id[first]["attrs"]["llm.input_messages.1.message.content"]
            assert said[writer].split("\nFinal Answer: ", 1)[1] in prompt, (trace_id, reader)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` call is followed by the subprocess's exit code and what it
    printed, as CrewAI handed them back; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _observations(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=5)


def test_code_faults_are_the_analysts_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the run that
    followed crashed exactly when the mode says the code failed."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        spans = _spans()[trace_id]
        turn = next(s for s in spans if s["spanId"] == run["span_id"])
        assert run["mistake_agent"] == ANALYST, run
        assert "\nAction: run_python\n" in turn["attrs"][OUT], run
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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "boxoffice.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's CrewAI and OpenAI traces without error and
    stores each run with the grade its annotation implies, and every span of the traces
    with it; the rows it derives itself are left out of the count."""
    assert_stored_whole(db, RUNS, _spans())


def test_speakers_cover_the_crew() -> None:
    """Every agent speaks in every run; the clerks read files in every run."""
    for trace_id, steps in _turns().items():
        assert set(AGENTS) <= {agent for _, agent, _ in steps}, trace_id
        reads = Counter(a for _, a, said in steps if "\nAction: read_file\n" in said)
        assert reads[LEDGER] >= 1, trace_id


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (the checker handing the analyst a misread fee;
    the analyst's delegated turns inside the checker's task span; spans through
    OpenInference and ``coordgap collect``) gives the same annotation and turns."""
    need("crewai")
    need("openinference.instrumentation.crewai")
    need("openinference.instrumentation.openai")
    scenario = "fees_06_phone_fee_misread"
    regenerate(tmp_path, scenario, "--blind=crewai_openinference_boxoffice")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
