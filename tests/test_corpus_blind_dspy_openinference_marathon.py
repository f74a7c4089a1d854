"""The blind family ``dspy_openinference_marathon`` (tests/corpus/blind/...): a city
marathon's results office as a DSPy team (a director program whose ``dspy.ReAct`` calls
four colleagues' modules through its tools: a results clerk with a real file tool, a
timing coder whose ``run_python`` really runs its code, a checker and a bulletin writer),
traced by OpenInference's DSPy instrumentor into ``coordgap collect``, written without
reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "dspy_openinference_marathon"
FRAMEWORK = "dspy-openinference-marathon"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
SCOPE = "openinference.instrumentation.dspy"
SERVICE = "kingsford-results-office"
KIND = "openinference.span.kind"
LEAD, CLERK, CODER, CHECKER, WRITER = (
    "RaceDirector",
    "ResultsClerk",
    "TimingCoder",
    "ResultsChecker",
    "BulletinWriter",
)
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
OUT = "llm.output_messages.0.message.content"
FIELD = re.compile(r"\[\[ ## (\w+) ## \]\]\n(.*?)(?=\n\n\[\[ ## |\Z)", re.S)
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
    "premature_termination",
}
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}


def _kind(span: dict[str, Any] | None) -> Any:
    return span is not None and span["scope"] == SCOPE and span["attrs"].get(KIND)


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A completion as OpenInference recorded it (``llm.output_messages``), split into
    DSPy's chat-format fields: a ReAct step's thought and tool call, or the final fields."""
    fields = dict(FIELD.findall(span["attrs"].get(OUT, "")))
    call = None
    if "next_tool_name" in fields:
        call = (fields["next_tool_name"], json.loads(fields["next_tool_args"]))
    text = fields.get("next_thought") or next(
        (v for k, v in fields.items() if k not in {"reasoning", "completed"}), ""
    )
    return {"text": text, "call": call, "fields": fields}


def _words(said: dict[str, Any]) -> str:
    return "\n".join(v for k, v in said["fields"].items() if k != "completed")


def _module(span: dict[str, Any]) -> str | None:
    name = span["name"].removesuffix(".forward")
    return name if _kind(span) == "CHAIN" and name in AGENTS else None


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: OpenInference's LLM spans in start order, each the agent whose module
    span (``<Agent>.forward``) is the nearest such span above it."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for span in spans:
        if _kind(span) != "LLM":
            continue
        up = by_id.get(span.get("parentSpanId", ""))
        while up is not None and _module(up) is None:
            up = by_id.get(up.get("parentSpanId", ""))
        assert up is not None, span["name"]
        out.append((span["spanId"], _module(up), _said(span)))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _observed(span: dict[str, Any]) -> str:
    """The last tool observation a ReAct step was shown (in its last input message)."""
    keys = [
        k for k in span["attrs"] if re.fullmatch(r"llm\.input_messages\.\d+\.message\.content", k)
    ]
    last = span["attrs"][max(keys, key=lambda k: int(k.split(".")[2]))]
    found = dict(FIELD.findall(last.split("\n\nRespond with")[0]))
    return found[max((k for k in found if k.startswith("observation_")), key=lambda k: int(k[12:]))]


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` call: the calling agent's next step
    and the observation it was shown (DSPy's ReAct puts it in the trajectory)."""
    steps = _turns_of(spans)
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for i, (_, agent, said) in enumerate(steps):
        if said["call"] and said["call"][0] == "run_python":
            nxt = next(s for s, a, _ in steps[i + 1 :] if a == agent)
            out.append((int(by_id[nxt]["startTimeUnixNano"]), _observed(by_id[nxt])))
    return out


def test_family_size_modes_and_agents() -> None:
    """41 runs, 26 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    README's thirteen modes; mistakes over all five agents; apart from the other corpora."""
    assert (len(RUNS), len(FAILING)) == (41, 26)
    assert_family_size(FAMILY, RUNS, FRAMEWORK, MODES)
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded completions are the scripted turns marked
    so: the same words and the same tool call with the same arguments."""
    need("dspy")
    from benchmarks.corpus.dspy_openinference_marathon import RUNS as SCRIPTS

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


def test_the_team_is_a_director_calling_modules_through_tools() -> None:
    """Each run is the user's run span over the director's module span; every other
    agent's module span sits under the director's ReAct span (its tools run there); every
    turn is an LLM span of the instrumentor; the director speaks first and last, and its
    last completion is the answer after ReAct's ``finish``."""
    speakers: Counter[str] = Counter()
    calls = 0
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow results-office", trace_id
        assert run_span["scope"] == SERVICE, trace_id
        modules = [s for s in spans if _module(s)]
        lead = [s for s in modules if _module(s) == LEAD]
        assert len(lead) == 1 and lead[0]["parentSpanId"] == run_span["spanId"], trace_id
        for span in modules:
            if _module(span) == LEAD:
                continue
            react = by_id[span["parentSpanId"]]
            assert react["name"] == "ReAct.forward", trace_id
            assert by_id[react["parentSpanId"]] is lead[0], trace_id
            calls += 1
        for span in spans:
            if span is not run_span and span["name"] != "outcome":
                assert span["scope"] == SCOPE and _kind(span) in {"CHAIN", "LLM"}, span["name"]
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == LEAD, trace_id
        assert steps[-2][2]["call"] == ("finish", {}) and "answer" in steps[-1][2]["fields"]
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS
    assert calls >= 2 * len(RUNS)


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` call's observation is the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=45, crashes=4)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the run that
    followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda s: (_said(s)["call"] or ("",))[0] == "run_python",
        _ran, at_least=3, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "marathon.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the traces without error and stores each run with the
    grade its annotation implies (a late ``tracer.outcome``), and every span with it."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes, a figure given anyway;
    spans through OpenInference's DSPy instrumentor and ``coordgap collect``) gives the
    same annotation and turns."""
    need("dspy")
    need("openinference.instrumentation.dspy")
    scenario = "har_13_crash_by_hand"
    regenerate(tmp_path, scenario, "--blind=dspy_openinference_marathon")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
