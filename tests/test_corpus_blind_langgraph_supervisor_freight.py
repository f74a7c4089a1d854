"""The blind family ``langgraph_supervisor_freight`` (tests/corpus/blind/...): a freight
forwarder's desk on langgraph-supervisor, written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at real turns, that the team
and its faults are what the README says, that code really ran, and that every run was
graded, is.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest
from corpus_support import (
    assert_apart,
    assert_graded,
    assert_readme_counts,
    coordgap_spans,
    ingested,
    regenerate,
    scenario_shape,
)
from integration_support import need

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "langgraph_supervisor_freight"
FRAMEWORK = "langgraph-supervisor-freight"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
TEAM = {
    "supervisor",
    "planning_lead",
    "rates_analyst",
    "customs_expert",
    "python_coder",
    "code_runner",
    "verification_expert",
    "report_writer",
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
EXIT = re.compile(r"^exit code: (-?\d+)\n")


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, actor, span name) of coordgap's turns, in start order."""
    found: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        attrs = span["attrs"]
        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
        if agent is None:
            continue
        actor = attrs.get(semconv.ACTOR, "")
        start = int(span["startTimeUnixNano"])
        found[span["traceId"]].append((start, span["spanId"], agent, actor, span["name"]))
    return {k: [t[1:] for t in sorted(v)] for k, v in found.items()}


@functools.cache
def _said() -> dict[str, str]:
    """span id -> the message text an agent turn recorded (its steps' messages)."""
    out: dict[str, str] = {}
    for span in coordgap_spans(FAMILY):
        raw = span["attrs"].get(semconv.OUTPUT_CONTENT)
        if raw is None or semconv.GEN_AI_AGENT_NAME not in span["attrs"]:
            continue
        messages = json.loads(raw).get("messages", [])
        out[span["spanId"]] = "\n".join(str(m.get("content", "")) for m in messages)
    return out


@functools.cache
def _exit_codes() -> dict[str, list[int]]:
    """runner turn span id -> the exit codes its ``run_cell`` steps recorded."""
    codes: dict[str, list[int]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        code = span["attrs"].get(semconv.PROCESS_EXIT_CODE)
        if code is not None:
            assert span["attrs"].get(semconv.AGENT_OWNER) == "code_runner", span["name"]
            codes[span["parentSpanId"]].append(int(code))
    return codes


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, 35-45% healthy, >= 18 with a gap of 2 or more, the
    ten modes of the brief."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 40 and len(FAILING) >= 25
    assert 0.35 <= 1 - len(FAILING) / len(RUNS) <= 0.45
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 18
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert len({v["mistake_agent"] for v in FAILING.values()}) >= 6
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
        assert steps[at][1] == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 0, run
        assert _said()[run["span_id"]].strip(), run  # the mistake turn said something
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_the_team_is_a_supervisor_and_seven_agents() -> None:
    """Every turn is one of the eight; the supervisor opens and ends each run and speaks
    between every two specialists; the runner is actor ``code``, the verifier a
    ``verify`` span, the rest ``invoke_agent`` by a model."""
    whole: Counter[str] = Counter()
    for trace_id in RUNS:
        steps = _turns()[trace_id]
        agents = [a for _, a, _, _ in steps]
        assert agents[0] == agents[-1] == "supervisor", trace_id
        assert agents[::2] == ["supervisor"] * len(agents[::2]), trace_id
        assert "supervisor" not in agents[1::2], trace_id
        for _, agent, actor, name in steps:
            whole[agent] += 1
            expected = semconv.ACTOR_CODE if agent == "code_runner" else semconv.ACTOR_MODEL
            assert actor == expected, (trace_id, agent, actor)
            verb = "verify" if agent == "verification_expert" else "invoke_agent"
            assert name.split(" ")[0] == verb, (trace_id, name)
    assert set(whole) == TEAM


def test_the_code_runner_really_ran_code() -> None:
    """Each runner turn ran one cell in a subprocess: its ``run_cell`` step records the
    exit code, and the turn's words start with the same ``exit code: N``; a crash shows
    its traceback."""
    runs = 0
    for steps in _turns().values():
        for span_id, agent, _, _ in steps:
            if agent != "code_runner":
                continue
            runs += 1
            codes, said = _exit_codes()[span_id], _said()[span_id]
            assert len(codes) == 1, span_id
            assert int(EXIT.match(said).group(1)) == codes[0], said
            assert ("Traceback" in said) == (codes[0] != 0), said
    assert runs >= 40
    assert sum(len(c) for c in _exit_codes().values()) == runs


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The crashing or wrong cell is python_coder's turn; the runner's next turn ran it
    (non-zero exit exactly when the mode says the code failed)."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        assert run["mistake_agent"] == "python_coder", run
        assert "```python" in _said()[run["span_id"]], run
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        runner = next(s for s in steps[at:] if s[1] == "code_runner")
        crashed = run["mode"] == "code_failure_ignored"
        assert (_exit_codes()[runner[0]] != [0]) == crashed, run


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    words = {m.replace("_", " ") for m in MODES} | {"graded"}
    for trace_id in RUNS:
        for span_id, *_ in _turns()[trace_id]:
            said = _said().get(span_id, "").lower()
            assert not [w for w in words if w in said], (trace_id, span_id)


def test_modes_and_counts_match_the_readme() -> None:
    """The README's run counts, mode table (runs, gap >= 2) and gap line are the
    annotations'."""
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "freight.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` stores each run with the grade its annotation implies."""
    assert_graded(db, RUNS)


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one scenario (a real subprocess's traceback) gives the same turns."""
    need("langgraph_supervisor")
    scenario = "pounds_21_undefined_helper"
    regenerate(tmp_path, scenario, "--blind=langgraph_supervisor_freight")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
