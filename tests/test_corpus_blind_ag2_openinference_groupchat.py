"""The blind family ``ag2_openinference_groupchat`` (tests/corpus/blind/...): a bike-share
operator's analytics experts in a classic AG2 group chat, traced by OpenInference's AG2
instrumentor into ``coordgap collect``, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the spans holding the agents'
messages, that the team and its faults are what the README says, that code really ran, and
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
    assert_apart,
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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "ag2_openinference_groupchat"
FRAMEWORK = "ag2-openinference-groupchat"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
OI_SCOPE = "openinference.instrumentation.ag2"
TERMINAL = "Computer_terminal"
MANAGER = "chat_manager"
EXPERTS = {
    "DataAnalysis_Expert",
    "Python_Expert",
    "Verification_Expert",
    "Statistics_Expert",
    "UrbanMobility_Expert",
    "CSV_Expert",
    "FleetOperations_Expert",
    "Finance_Expert",
    "FarePolicy_Expert",
    "Grants_Expert",
    "Maintenance_Expert",
    "Reporting_Expert",
}
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
EXIT = re.compile(r"^exitcode: (-?\d+) \(execution (succeeded|failed)\)\nCode output: ")


def _turns_of(spans: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(span id, agent, message) of a run's turns: OpenInference's reply spans that hold
    a message, in start order."""
    return [
        (s["spanId"], s["attrs"]["agent.name"], str(s["attrs"]["output.value"]))
        for s in spans
        if s["scope"] == OI_SCOPE
        and s["name"].endswith(".generate_reply")
        and "output.value" in s["attrs"]
    ]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str]]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 27 failing, >= 15 healthy, >= 20 failing runs with a gap of 2 or
    more, the ten modes of the README, mistakes spread over >= 6 agents."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 40 and len(FAILING) >= 27 and len(RUNS) - len(FAILING) >= 15
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert len({v["mistake_agent"] for v in FAILING.values()}) >= 6
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_is_small() -> None:
    """The committed trace file stays under 200 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 200_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the messages' text."""
    assert_labels_on_turns(RUNS, _turns(), str)
    assert all(run["mistake_agent"] != TERMINAL for run in FAILING.values())


def test_the_team_is_experts_and_a_terminal_in_a_group_chat() -> None:
    """Each run is the user's run span (``invoke_workflow``) over AG2's chat: the ops
    desk's ``initiate_chat``, the chat manager's reply span, and under it one reply span
    per turn: three to seven ``*_Expert`` agents and the ``Computer_terminal``."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow bikes-analytics", trace_id
        assert run_span["attrs"]["gen_ai.operation.name"] == "invoke_workflow"
        manager = [s for s in spans if s["name"] == f"{MANAGER}.generate_reply"]
        assert len(manager) == 1 and "output.value" not in manager[0]["attrs"], trace_id
        steps = _turns()[trace_id]
        turn_ids = {s[0] for s in steps}
        for span in spans:
            if span["spanId"] in turn_ids:
                assert span["parentSpanId"] == manager[0]["spanId"], trace_id
                assert span["attrs"]["openinference.span.kind"] == "AGENT"
        experts = {agent for _, agent, _ in steps} - {TERMINAL}
        assert experts <= EXPERTS and 3 <= len(experts) <= 7, (trace_id, experts)
        assert TERMINAL in {agent for _, agent, _ in steps}, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == EXPERTS | {TERMINAL}


def test_the_terminal_really_ran_code() -> None:
    """Every terminal turn follows a turn holding a fenced Python cell and answers with
    AG2's ``exitcode: N (execution ...)``; a failed run shows its traceback."""
    runs = failed = 0
    for steps in _turns().values():
        for i, (_, agent, said) in enumerate(steps):
            if agent != TERMINAL:
                continue
            runs += 1
            assert "```python\n" in steps[i - 1][2], said
            match = EXIT.match(said)
            assert match is not None, said
            code = int(match.group(1))
            assert (code != 0) == (match.group(2) == "failed") == ("Traceback" in said), said
            failed += code != 0
    assert runs >= 70 and failed >= 6


def test_code_faults_are_the_code_writers_and_were_run_for_real() -> None:
    """The crashing or wrong cell is the mistake turn; the terminal's next turn ran it
    (a non-zero exit exactly when the mode says the code failed)."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        assert "```python" in steps[at][2], run
        ran = steps[at + 1]
        assert ran[1] == TERMINAL, run
        crashed = run["mode"] == "code_failure_ignored"
        assert (not ran[2].startswith("exitcode: 0 ")) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), str, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "bikes.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the OpenInference traces without error and stores each
    run with the grade its annotation implies (a late ``tracer.outcome``)."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a real subprocess's traceback, spans through
    OpenInference and ``coordgap collect``) gives the same annotation and turns."""
    need("autogen")
    need("openinference.instrumentation.ag2")
    scenario = "feb_02_undefined_name"
    regenerate(tmp_path, scenario, "--blind=ag2_openinference_groupchat")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
