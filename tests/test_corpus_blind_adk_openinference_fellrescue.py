"""The blind family ``adk_openinference_fellrescue`` (tests/corpus/blind/...): a mountain
rescue team's statistics desk as a Google ADK team (a root coordinator calling a log
keeper with a real file tool and a coder whose ``run_python`` really runs its code as
``AgentTool``s, and handing the floor with ``transfer_to_agent`` to an auditor and to the
secretary whose reply ends the run), traced by OpenInference's Google ADK instrumentor
into ``coordgap collect``, written without reading the analyzer.

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
FAMILY = ROOT / "tests" / "corpus" / "blind" / "adk_openinference_fellrescue"
FRAMEWORK = "adk-openinference-fellrescue"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
OI = "openinference.instrumentation.google_adk"
ADK = "gcp.vertex.agent"
SERVICE = "crannock-mrt-stats-desk"
APP = "invocation [crannock-mrt-stats]"
KIND = "openinference.span.kind"
OUT = "llm.output_messages.0.message."
LEAD, KEEPER, CODER = "duty_coordinator", "log_keeper", "stats_coder"
AUDITOR, SECRETARY = "auditor", "secretary"
AGENTS = {LEAD, KEEPER, CODER, AUDITOR, SECRETARY}
SPECIALISTS = {KEEPER, CODER}
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
    return span["attrs"].get(KIND)


def _is_turn(span: dict[str, Any]) -> bool:
    return span["scope"] == ADK and _kind(span) == "LLM"


def _said(span: dict[str, Any]) -> dict[str, Any]:
    """A model call's recorded response as OpenInference wrote it: its text parts joined
    (None when it had none) and its function call as (name, arguments) (None when it made
    none). The instrumentor numbers a message's text parts and tool calls by the part's
    place in the response, so a call after a text part is ``tool_calls.1``."""
    attrs = span["attrs"]
    texts = [
        v
        for k, v in sorted(attrs.items())
        if k.startswith(OUT + "contents.") and k.endswith(".text")
    ]
    names = sorted(k for k in attrs if k.startswith(OUT + "tool_calls.") and k.endswith(".name"))
    assert len(names) <= 1, span["spanId"]
    call = None
    if names:
        args = attrs.get(names[0].removesuffix("name") + "arguments", "{}")
        call = (attrs[names[0]], json.loads(args))
    return {"text": "".join(texts) or None, "call": call}


def _words(said: dict[str, Any]) -> str:
    call = said["call"]
    return "\n".join([said["text"] or "", json.dumps(call[1], sort_keys=True) if call else ""])


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: ADK's ``call_llm`` spans the instrumentor marks LLM, in start
    order, each the agent ADK names on it (``gen_ai.agent.name``)."""
    return [(s["spanId"], s["attrs"]["gen_ai.agent.name"], _said(s)) for s in spans if _is_turn(s)]


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items()}


def _result(span: dict[str, Any]) -> Any:
    """What a TOOL span's call handed back (its ``output.value``: the function response)."""
    return json.loads(span["attrs"]["output.value"])["response"]["result"]


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` TOOL span in the run."""
    return [
        (int(s["startTimeUnixNano"]), _result(s))
        for s in spans
        if s["scope"] == OI and _kind(s) == "TOOL" and s["attrs"]["tool.name"] == "run_python"
    ]


def test_family_size_modes_and_agents() -> None:
    """40 runs, 27 failing, 13 healthy; >= 20 failing runs with a gap of 2 or more;
    exactly the README's eleven modes; mistakes over four agents; apart from the other
    corpora."""
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert (len(RUNS), len(FAILING)) == (40, 27)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS - {SECRETARY}
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz").stat().st_size < 400_000


def test_each_mistake_and_symptom_is_that_agents_turn_in_its_trace() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns; the mistake
    and symptom spans carry the agents' words."""
    assert_labels_on_turns(RUNS, _turns(), _words)


def test_labelled_spans_hold_the_scripted_words() -> None:
    """The mistake and symptom spans' recorded responses are the scripted turns marked
    so: the same text and the same function call with the same arguments."""
    need("google.adk")
    from benchmarks.corpus.adk_openinference_fellrescue import RUNS as SCRIPTS

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


def test_every_turn_is_one_model_call_recorded_once() -> None:
    """Each model call is one span: ADK's ``call_llm`` (scope ``gcp.vertex.agent``),
    marked LLM by the instrumentor, whose ``output.value`` (the ``LlmResponse``) and
    ``llm.output_messages`` agree; ADK recorded no content of its own on it (its content
    capture is off) and opened no ``generate_content`` span beside it."""
    for trace_id, spans in _spans().items():
        assert not [s for s in spans if s["name"].startswith("generate_content")], trace_id
        for span in spans:
            if not _is_turn(span):
                assert _kind(span) != "LLM" and span["name"] != "call_llm", trace_id
                continue
            attrs = span["attrs"]
            assert span["name"] == "call_llm", trace_id
            assert attrs["gen_ai.operation.name"] == "generate_content"
            assert attrs["gcp.vertex.agent.llm_request"] == "{}"
            assert attrs["gcp.vertex.agent.llm_response"] == "{}"
            parts = json.loads(attrs["output.value"])["content"]["parts"]
            said = _said(span)
            assert said["text"] == ("".join(p["text"] for p in parts if "text" in p) or None)
            calls = [
                (p["function_call"]["name"], p["function_call"]["args"])
                for p in parts
                if "function_call" in p
            ]
            assert calls == ([said["call"]] if said["call"] else []), trace_id


def test_the_team_is_a_root_agent_with_agent_tools_and_transfers() -> None:
    """Each run is the user's run span over one OpenInference ``invocation`` CHAIN span;
    every agent's stretch is an ``agent_run [<agent>]`` AGENT span holding ADK's own
    ``invoke_agent <agent>``, under which are that agent's turns (named alike) and its
    TOOL spans; a specialist runs inside the coordinator's ``execute_tool <specialist>``
    TOOL span (a nested invocation), whose result is the specialist's last words; the
    floor passes to the auditor and the secretary by ``transfer_to_agent`` TOOL spans;
    the coordinator speaks first and the secretary last, with no call."""
    speakers: Counter[str] = Counter()
    for trace_id, spans in _spans().items():
        by_id = {s["spanId"]: s for s in spans}
        run_span = spans[0]
        assert run_span["name"] == "invoke_workflow fell-rescue-stats", trace_id
        top = [s for s in spans if s.get("parentSpanId") == run_span["spanId"]]
        assert [s["name"] for s in top if s["scope"] == OI] == [APP], trace_id
        assert _kind(top[0]) == "CHAIN"
        root_adk = next(s for s in spans if s.get("parentSpanId") == top[0]["spanId"])
        assert root_adk["scope"] == ADK and root_adk["name"] == "invocation", trace_id
        for span in spans:
            assert span["scope"] in {OI, ADK, "coordgap", SERVICE}, trace_id
            if _is_turn(span):
                up = by_id[span["parentSpanId"]]
                agent = span["attrs"]["gen_ai.agent.name"]
                assert up["scope"] == ADK and up["name"] == f"invoke_agent {agent}", trace_id
                stretch = by_id[up["parentSpanId"]]
                assert _kind(stretch) == "AGENT" and stretch["attrs"]["agent.name"] == agent
                assert stretch["name"] == f"agent_run [{agent}]", trace_id
        # the floor: the top-level stretches, in order, follow the transfers
        stretches = [
            s["attrs"]["agent.name"]
            for s in spans
            if _kind(s) == "AGENT" and s.get("parentSpanId") == root_adk["spanId"]
        ]
        tools = [s for s in spans if s["scope"] == OI and _kind(s) == "TOOL"]
        handed = [
            json.loads(s["attrs"]["input.value"])["agent_name"]
            for s in tools
            if s["attrs"]["tool.name"] == "transfer_to_agent"
        ]
        assert stretches[0] == LEAD and stretches[1:] == handed, trace_id
        assert set(stretches) <= {LEAD, AUDITOR, SECRETARY}, trace_id
        for tool in tools:
            name = tool["attrs"]["tool.name"]
            if name not in SPECIALISTS:
                continue
            assert tool["attrs"]["gen_ai.agent.name"] == LEAD, trace_id
            inner = [s for s in spans if s.get("parentSpanId") == tool["spanId"]]
            assert [s["name"] for s in inner] == [APP], trace_id
            mine = [t for t in _turns_of(spans) if _under(by_id, t[0], tool["spanId"])]
            assert mine and {agent for _, agent, _ in mine} == {name}, trace_id
            assert _result(tool) == mine[-1][2]["text"], trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == LEAD and steps[-1][1] == SECRETARY, trace_id
        assert steps[-1][2]["call"] is None, trace_id
        speakers.update(agent for _, agent, _ in steps)
    assert set(speakers) == AGENTS


def _under(by_id: dict[str, dict[str, Any]], span_id: str, ancestor: str) -> bool:
    span = by_id[span_id]
    while span.get("parentSpanId") in by_id:
        if span["parentSpanId"] == ancestor:
            return True
        span = by_id[span["parentSpanId"]]
    return False


def test_code_really_ran_in_a_subprocess() -> None:
    """Every ``run_python`` tool span hands back the subprocess's exit code and what it
    printed; some cells crashed with a Python traceback."""
    outputs = [out for spans in _spans().values() for _, out in _ran(spans)]
    assert_ran_for_real(outputs, runs=40, crashes=4)


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the mistake turn's ``run_python`` call; the tool run
    that followed crashed exactly when the mode says the code failed."""
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda t: _said(t)["call"][0] == "run_python",
        _ran, at_least=6, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "fellrescue.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads OpenInference's ADK traces (with ADK's own spans beside
    them) without error and stores each run with the grade its annotation implies, and
    every span of the traces with it; the rows it derives itself are left out of the
    count."""
    assert_stored_whole(db, RUNS, _spans())


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that crashes after printing, its partial
    figure reported; spans through OpenInference and ``coordgap collect``) gives the same
    annotation and turns."""
    need("google.adk")
    need("openinference.instrumentation.google_adk")
    scenario = "pay_05_flat_line_crashed"
    regenerate(tmp_path, scenario, "--blind=adk_openinference_fellrescue")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
