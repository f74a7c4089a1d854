"""The blind family ``autogen_captain_specialists``
(tests/corpus/blind/autogen_captain_specialists): captain-style specialist teams on
AutoGen's ``SelectorGroupChat`` at a clinical-trial data desk, written without reading
the analyzer.

Accuracy is not asserted here; that the annotations point at real turns, that the teams
and their faults are what the README says, and that every run was graded, is.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest
from corpus_support import (
    assert_apart,
    assert_graded,
    coordgap_spans,
    ingested,
    regenerate,
    scenario_shape,
    trace_spans,
)
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "autogen_captain_specialists"
FRAMEWORK = "autogen-captain-specialists"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
TERMINAL = "Computer_terminal"
VERIFIER = "Verification_Expert"
CODE_MODES = {"code_failure_ignored", "repetition_loop", "wrong_answer_accepted"}
CRASHED = "exited with an error"


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, actor, owner) of coordgap's turns, in start order."""
    found: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        actor = attrs.get(semconv.ACTOR, "")
        owner = attrs.get(semconv.AGENT_OWNER, "")
        start = int(span["startTimeUnixNano"])
        found[span["traceId"]].append((start, span["spanId"], agent, actor, owner))
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


@functools.cache
def _spans() -> dict[str, dict[str, Any]]:
    """span id -> attributes of the family's coordgap spans."""
    return {span["spanId"]: span["attrs"] for span in coordgap_spans(FAMILY)}


def _output(span_id: str) -> str:
    return str(_spans()[span_id].get(semconv.OUTPUT_CONTENT))


@functools.cache
def _built() -> dict[str, set[str]]:
    """trace id -> the agents AutoGen built for that run (its own ``create_agent`` spans)."""
    built: dict[str, set[str]] = defaultdict(set)
    for span in trace_spans(FAMILY):
        if span["name"].startswith("create_agent "):
            built[span["traceId"]].add(span["name"].split(" ", 1)[1])
    return built


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 45 runs, >= 28 failing, 35-45% healthy, >= 15 with a gap of 2 or more."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 45 and len(FAILING) >= 28
    assert 0.35 <= 1 - len(FAILING) / len(RUNS) <= 0.45
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 15
    assert len({v["mode"] for v in FAILING.values()}) >= 10
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_is_small() -> None:
    """The committed trace file stays under 400 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns."""
    for trace_id, run in FAILING.items():
        steps = _turns()[trace_id]
        spans = [s[0] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at][1] == agent, run
            assert [s[1] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at][1] == run["mistake_agent"] and not steps[at][3], run
        assert shown - at == run["gap"] >= 0, run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_each_team_is_five_or_six_experts_and_a_terminal() -> None:
    """Per run, AutoGen built five ``*_Expert`` agents (a ``Verification_Expert`` among
    them) and the ``Computer_terminal``; every turn is one of them, an expert opens the
    run, and the terminal's turns carry the exit code of the code it ran. The
    integration's defaults class the experts as ``model`` and the terminal, a code
    executor, as ``code``."""
    for trace_id in RUNS:
        team = _built()[trace_id]
        experts = {name for name in team if name.endswith("_Expert")}
        assert team == experts | {TERMINAL} and len(experts) == 5, (trace_id, team)
        assert VERIFIER in experts, trace_id
        steps = _turns()[trace_id]
        assert all(not owner for *_, owner in steps), trace_id
        assert {agent for _, agent, _, _ in steps} <= team, trace_id
        assert steps[0][1] != TERMINAL, trace_id
        for span_id, agent, actor, _ in steps:
            expected = semconv.ACTOR_CODE if agent == TERMINAL else semconv.ACTOR_MODEL
            assert actor == expected, (trace_id, agent, actor)
            ran = _spans()[span_id].get(semconv.PROCESS_EXIT_CODE)
            assert (ran is not None) == (agent == TERMINAL), (trace_id, agent)
    assert sum(1 for k in RUNS if any(a == TERMINAL for _, a, _, _ in _turns()[k])) == len(RUNS)


def test_code_faults_are_code_turns_and_were_run_for_real() -> None:
    """The crashing or wrong cell is a ```python turn of an expert; the terminal's turn
    after it ran it (a traceback exactly when the mode says the code failed)."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 8
    for trace_id, run in runs.items():
        assert run["mistake_agent"].endswith("_Expert"), run
        assert "```python" in _output(run["span_id"]), run
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        runner = steps[at + 1]
        assert runner[1] == TERMINAL, run
        crashed = run["mode"] != "wrong_answer_accepted"
        assert (CRASHED in _output(runner[0])) == crashed, run
        code = _spans()[runner[0]].get(semconv.PROCESS_EXIT_CODE)
        assert (int(code) != 0) == crashed, run


def test_modes_as_the_readme_counts_them() -> None:
    """The README's table of modes matches the annotations."""
    text = (FAMILY / "README.md").read_text()
    counts = Counter(v["mode"] for v in FAILING.values())
    for mode, n in counts.items():
        assert f"| `{mode}` | {n} |" in text, mode


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    words = {m.replace("_", " ") for m in {v["mode"] for v in FAILING.values()}} | {"graded"}
    for trace_id in RUNS:
        for span_id, *_ in _turns()[trace_id]:
            said = _output(span_id).lower()
            assert not [w for w in words if w in said], (trace_id, span_id)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "captain.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` stores each run with the grade its annotation implies."""
    assert_graded(db, RUNS)


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one scenario (a real subprocess's crash, then the fix) gives the
    same turns."""
    need("autogen_agentchat")
    scenario = "creatinine_week12_fix_drops_site"
    regenerate(tmp_path, scenario, "--blind=autogen_captain_specialists")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
