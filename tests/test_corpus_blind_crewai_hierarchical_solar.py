"""The blind family ``crewai_hierarchical_solar`` (tests/corpus/blind/...): a solar
installer's quoting desk as a hierarchical CrewAI crew, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "crewai_hierarchical_solar"
FRAMEWORK = "crewai-hierarchical-solar"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
MANAGER = "Quoting Desk Manager"
EXECUTOR = "Code Executor"
VERIFIER = "Quote Verifier"
CODER = "Python Coder"
TEAM = {
    MANAGER,
    "Site Surveyor",
    "Equipment Pricer",
    "Incentives Analyst",
    CODER,
    EXECUTOR,
    VERIFIER,
    "Proposal Writer",
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
def _spans() -> dict[str, list[dict[str, Any]]]:
    """trace id -> coordgap's spans of the run, in start order."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        found[span["traceId"]].append(span)
    return {k: sorted(v, key=lambda s: int(s["startTimeUnixNano"])) for k, v in found.items()}


@functools.cache
def _turns() -> dict[str, list[tuple[str, str, str, str]]]:
    """trace id -> (span id, agent, actor, span name) of coordgap's turns, in start order."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for trace_id, spans in _spans().items():
        out[trace_id] = [
            (s["spanId"], agent, s["attrs"].get(semconv.ACTOR, ""), s["name"])
            for s in spans
            if (agent := s["attrs"].get(semconv.GEN_AI_AGENT_NAME)) is not None
        ]
    return out


@functools.cache
def _said() -> dict[str, str]:
    """turn span id -> what the turn said as recorded: a coworker's answer is the payload
    of its handoff back to the manager; the manager's words are its briefs (the payloads
    of its delegations) and its final answer."""
    out: dict[str, str] = defaultdict(str)
    for spans in _spans().values():
        last: dict[str, str] = {}
        for span in spans:
            attrs = span["attrs"]
            agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
            if agent is not None:
                last[agent] = span["spanId"]
                if agent == MANAGER:
                    out[span["spanId"]] += str(attrs.get(semconv.OUTPUT_CONTENT, "")) + "\n"
                continue
            source = attrs.get(semconv.HANDOFF_SOURCE)
            text = attrs.get(semconv.HANDOFF_PAYLOAD_CONTENT)
            if source is None or text is None or source not in last:
                continue
            if source == MANAGER or attrs.get(semconv.HANDOFF_TARGET) == MANAGER:
                out[last[source]] += str(text) + "\n"
    return dict(out)


@functools.cache
def _code_runs() -> dict[str, list[tuple[int, str]]]:
    """executor turn span id -> (exit code, output) of the ``run_python`` calls under it."""
    runs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for span in coordgap_spans(FAMILY):
        code = span["attrs"].get(semconv.PROCESS_EXIT_CODE)
        if code is not None:
            assert span["name"] == "execute_tool run_python", span["name"]
            output = str(span["attrs"].get(semconv.OUTPUT_CONTENT, ""))
            runs[span["parentSpanId"]].append((int(code), output))
    return runs


def test_family_is_big_enough_and_apart_from_the_other_corpora() -> None:
    """>= 40 runs, >= 25 failing, >= 12 healthy, every failing run with a gap of 2 or
    more, the ten modes of the README, mistakes spread over >= 6 agents."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert len(RUNS) >= 40 and len(FAILING) >= 25 and len(RUNS) - len(FAILING) >= 12
    assert all(v["gap"] >= 2 for v in FAILING.values())
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert len({v["mistake_agent"] for v in FAILING.values()}) >= 6
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_is_small() -> None:
    """The committed trace file stays under 400 KB gzipped."""
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom turns said something."""
    for trace_id, run in FAILING.items():
        steps = _turns()[trace_id]
        spans = [s[0] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at][1] == agent, run
            assert [s[1] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at][1] == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 2, run
        assert _said()[run["span_id"]].strip(), run
        assert _said()[run["symptom_span_id"]].strip(), run
    assert all("span_id" not in run for run in RUNS.values() if run.get("healthy"))


def test_the_team_is_a_manager_and_seven_coworkers() -> None:
    """Every run opens with the manager's one ``plan`` turn, under which each coworker
    turn is a delegation; the verifier's turns are ``verify`` spans, the others
    ``invoke_agent``; every turn is a model's."""
    whole: Counter[str] = Counter()
    for trace_id in RUNS:
        steps = _turns()[trace_id]
        agents = [a for _, a, _, _ in steps]
        assert agents[0] == MANAGER and MANAGER not in agents[1:], trace_id
        assert steps[0][3] == f"plan {MANAGER}", trace_id
        for _, agent, actor, name in steps:
            whole[agent] += 1
            assert actor == semconv.ACTOR_MODEL, (trace_id, agent, actor)
            if agent != MANAGER:
                verb = "verify" if agent == VERIFIER else "invoke_agent"
                assert name == f"{verb} {agent}", (trace_id, name)
    assert set(whole) == TEAM


def test_the_code_executor_really_ran_code() -> None:
    """Each executor turn ran one cell in a subprocess through ``run_python``: the tool
    span records the exit code, its output starts with the same ``exit code: N``, and
    a crash shows its traceback."""
    runs = 0
    for steps in _turns().values():
        for span_id, agent, _, _ in steps:
            if agent != EXECUTOR:
                assert span_id not in _code_runs()
                continue
            runs += 1
            [(code, output)] = _code_runs()[span_id]
            assert int(EXIT.match(output).group(1)) == code, output
            assert ("Traceback" in output) == (code != 0), output
            assert _said()[span_id].startswith(f"exit code: {code}\n"), span_id
    assert runs >= 40
    assert sum(len(c) for c in _code_runs().values()) == runs


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The crashing or wrong cell is the coder's turn; the executor's next turn ran it
    (non-zero exit exactly when the mode says the code failed)."""
    runs = {k: v for k, v in FAILING.items() if v["mode"] in CODE_MODES}
    assert len(runs) >= 6
    for trace_id, run in runs.items():
        assert run["mistake_agent"] == CODER, run
        assert "```python" in _said()[run["span_id"]], run
        steps = _turns()[trace_id]
        at = [s[0] for s in steps].index(run["span_id"])
        runner = next(s for s in steps[at:] if s[1] == EXECUTOR)
        crashed = run["mode"] == "code_failure_ignored"
        assert (_code_runs()[runner[0]][0][0] != 0) == crashed, run


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
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "solar.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` stores each run with the grade its annotation implies."""
    assert_graded(db, RUNS)


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a real subprocess's traceback) gives the same
    annotation and turns."""
    need("crewai")
    scenario = "payback_05_undefined_name_crash"
    regenerate(tmp_path, scenario, "--blind=crewai_hierarchical_solar")
    assert scenario_shape(tmp_path, scenario) == scenario_shape(FAMILY, scenario)
