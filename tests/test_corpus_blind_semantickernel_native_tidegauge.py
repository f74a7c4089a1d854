"""The blind family ``semantickernel_native_tidegauge`` (tests/corpus/blind/...): a tide-gauge
network's data desk as a Semantic Kernel team (a lead ChatCompletionAgent calling four other
agents as plugins; a clerk with a real file tool, a coder whose ``run_python`` really runs),
traced by Semantic Kernel's own OpenTelemetry diagnostics into ``coordgap collect`` (spans,
and the messages as log records), written without reading the analyzer.

Accuracy is not asserted here; that the annotations point at the agents' turns (Semantic
Kernel's ``chat`` spans), that the recorded tool calls and results are the scripts' and the
files', that code really ran, that every run was ingested and graded, that the message log
records became content of the chat spans, and that the README's counts are the
annotations', is.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
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

from benchmarks.corpus._desk import read_file_in, run_python_in

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "semantickernel_native_tidegauge"
FRAMEWORK = "semantickernel-native-tidegauge"
DATA = ROOT / "benchmarks" / "corpus" / "_tide_data"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
LEAD, CLERK, CODER, CHECKER, WRITER = (
    "tide_lead",
    "data_clerk",
    "py_coder",
    "checker",
    "notice_writer",
)
AGENTS = {LEAD, CLERK, CODER, CHECKER, WRITER}
MODES = {
    "wrong_input_carried", "misreported_result", "wrong_source_chosen", "bad_decomposition",
    "bad_assumption", "wrong_answer_accepted", "code_failure_ignored", "tool_failure_ignored",
    "made_up_data", "lost_constraint", "self_reported_trouble", "premature_termination",
    "repetition_loop",
}  # fmt: skip
CODE_MODES = {"code_failure_ignored", "wrong_answer_accepted"}
OP = "gen_ai.operation.name"
# the script's tool names -> the kernel functions Semantic Kernel records (plugin-function)
TOOLS = {
    "read_file": "desk_files-read_file",
    "run_python": "desk_python-run_python",
    **{f"ask_{a}": f"{a}-{a}" for a in AGENTS},
}


def _op(span: dict[str, Any] | None) -> Any:
    return span is not None and span["attrs"].get(OP)


def _agent_of(span: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The ``invoke_agent`` span a span ran under (through the function-calling loop)."""
    up = by_id.get(span.get("parentSpanId", ""))
    while up is not None and _op(up) != "invoke_agent":
        up = by_id.get(up.get("parentSpanId", ""))
    return up


def _said(span: dict[str, Any], by_id: dict[str, Any], calls: dict[str, Any]) -> dict[str, Any]:
    """What a ``chat`` span's response said, where the trace holds it (not on the span: the
    messages went to log records): a tool call is the ``execute_tool`` span of the same
    serial (``resp-N`` answered by ``call-N``) under the same loop, as (tool, arguments);
    a final text (finish reason STOP) is the ``invoke_agent`` span's output message."""
    attrs = span["attrs"]
    if attrs["gen_ai.response.finish_reason"] == "FinishReason.STOP":
        owner = _agent_of(span, by_id)
        messages = json.loads(owner["attrs"]["gen_ai.output.messages"])
        return {"text": messages[-1]["content"], "call": None}
    tool = calls["call-" + attrs["gen_ai.response.id"].removeprefix("resp-")]
    assert tool["parentSpanId"] == span["parentSpanId"], span["spanId"]
    args = json.loads(tool["attrs"]["gen_ai.tool.call.arguments"])
    args.pop("instructions_override", None)  # Semantic Kernel's, on every plugin function
    return {"text": None, "call": (tool["attrs"]["gen_ai.tool.name"], args)}


def _words(said: dict[str, Any]) -> str:
    return said["text"] or json.dumps(said["call"][1], sort_keys=True)


def _turns_of(spans: list[dict[str, Any]]) -> list[Turn]:
    """A run's turns: the ``chat`` spans in start order, each the agent of its
    ``invoke_agent`` ancestor, with what it said (:func:`_said`)."""
    by_id = {s["spanId"]: s for s in spans}
    calls = {s["attrs"]["gen_ai.tool.call.id"]: s for s in spans if _op(s) == "execute_tool"}
    out = []
    for s in spans:
        if _op(s) == "chat" and (owner := _agent_of(s, by_id)) is not None:
            out.append((s["spanId"], owner["attrs"]["gen_ai.agent.name"], _said(s, by_id, calls)))
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


@functools.cache
def _turns() -> dict[str, list[Turn]]:
    return {k: _turns_of(v) for k, v in _spans().items() if k in RUNS}


@functools.cache
def _scripts() -> dict[str, Any]:
    from benchmarks.corpus.semantickernel_native_tidegauge import RUNS as SCRIPTS

    return {r.scenario: r for r in SCRIPTS}


def _tools(spans: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [s for s in spans if _op(s) == "execute_tool" and s["attrs"]["gen_ai.tool.name"] == name]


def _ran(spans: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(start, what came back) of each ``run_python`` call of the run."""
    return [
        (int(s["startTimeUnixNano"]), s["attrs"]["gen_ai.tool.call.result"])
        for s in _tools(spans, TOOLS["run_python"])
    ]


def test_family_size_modes_and_agents() -> None:
    """40 runs, 25 failing, 15 healthy; >= 20 failing runs with a gap of 2 or more; the
    README's thirteen modes; apart from the other corpora. The mistakes fall on four of
    the five agents (the checker makes none: it only ever passes what it is shown)."""
    assert (len(RUNS), len(FAILING)) == (40, 25)
    assert {v["framework"] for v in RUNS.values()} == {FRAMEWORK}
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in FAILING.values()} == MODES
    assert {v["mistake_agent"] for v in FAILING.values()} == AGENTS - {CHECKER}
    assert_apart(FAMILY, RUNS, FRAMEWORK)


def test_trace_file_stays_under_its_budget() -> None:
    """Spans and log records together: at most 250 KB."""
    assert sum(p.stat().st_size for p in (FAMILY / "traces").iterdir()) <= 250_000


def _log_records() -> list[dict[str, Any]]:
    """Every log record of the committed traces (the ``resourceLogs`` lines), with
    ``scope`` and flattened ``attrs``."""
    out = []
    with gzip.open(FAMILY / "traces" / f"{FRAMEWORK}.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            for rl in json.loads(line).get("resourceLogs", ()):
                for sl in rl["scopeLogs"]:
                    for r in sl["logRecords"]:
                        attrs = {
                            kv["key"]: next(iter(kv["value"].values()))
                            for kv in r.get("attributes", [])
                        }
                        out.append({**r, "scope": sl["scope"]["name"], "attrs": attrs})
    return out


def test_message_log_records_are_semantic_kernels_in_its_chat_spans() -> None:
    """Semantic Kernel's messages arrived as log records (Semantic Kernel's loggers
    only, INFO and up): each GenAI message record was emitted in a ``chat`` span of its
    own run, and every chat span has its response (one ``gen_ai.choice``)."""
    spans = {s["spanId"]: s for v in _spans().values() for s in v}
    records = _log_records()
    assert records and all(r["scope"].startswith("semantic_kernel.") for r in records)
    assert all(r["severityNumber"] >= 9 for r in records)  # INFO
    messages = [r for r in records if str(r["attrs"].get("event.name", "")).startswith("gen_ai.")]
    for r in messages:
        span = spans[r["spanId"]]
        assert _op(span) == "chat" and span["traceId"] == r["traceId"], r
    chats = {sid for sid, s in spans.items() if _op(s) == "chat"}
    choices = [r["spanId"] for r in messages if r["attrs"]["event.name"] == "gen_ai.choice"]
    assert sorted(choices) == sorted(chats)


def _content(db: duckdb.DuckDBPyConnection, span_id: str) -> list[tuple[str, str, str]]:
    return db.execute(
        "SELECT direction, coalesce(role, ''), text FROM content WHERE span_id = ? ORDER BY seq",
        [span_id],
    ).fetchall()


def test_each_mistake_and_symptom_is_that_agents_chat_span() -> None:
    """span ids, agent#turn ordinals and gaps agree with the recorded turns (the chat
    spans of the named agent), and both turns said something; a gap of 0 (the lead's
    early answer is both) names one span twice."""
    assert_labels_on_turns({k: v for k, v in RUNS.items() if v.get("gap") != 0}, _turns(), _words)
    spans = {s["spanId"]: s for v in _spans().values() for s in v}
    for trace_id, run in FAILING.items():
        for key in ("span_id", "symptom_span_id"):
            assert _op(spans[run[key]]) == "chat" and spans[run[key]]["traceId"] == trace_id
        if run["gap"] == 0:
            assert run["span_id"] == run["symptom_span_id"], run
            agent, n = run["mistake_step"].split("#")
            mine = [sid for sid, who, _ in _turns()[trace_id] if who == agent]
            assert mine[int(n) - 1] == run["span_id"] and run["symptom_step"] == run["mistake_step"]


def test_every_recorded_turn_is_the_scripts() -> None:
    """Each run's turns, in order, are its script's: the same agent, the same final text
    (the invoke_agent span's output) and the same tool call with the same arguments (the
    execute_tool span's ``gen_ai.tool.call.arguments``)."""
    scripts = _scripts()
    assert {r["scenario"] for r in RUNS.values()} == set(scripts)
    for trace_id, run in RUNS.items():
        script = scripts[run["scenario"]]
        assert run["task"] == script.task and run["mode"] == script.mode, run
        want = [
            (t.agent, None if t.call else t.say, t.call and (TOOLS[t.call[0]], t.call[1]))
            for t in script.turns
        ]
        got = [(agent, said["text"], said["call"]) for _, agent, said in _turns()[trace_id]]
        assert got == want, run["scenario"]


def test_tool_results_are_the_files_the_colleagues_and_the_cells() -> None:
    """A read's result is the file as ``read_file_in`` gives it from ``_tide_data``; a
    colleague's result is its invoke_agent span's final message; a cell's result ends with
    the line the script says it printed."""
    scripts = _scripts()
    seen = {"read": 0, "ask": 0, "cell": 0}
    for trace_id, run in RUNS.items():
        spans = _spans()[trace_id]
        by_id = {s["spanId"]: s for s in spans}
        for s in _tools(spans, TOOLS["read_file"]):
            args = json.loads(s["attrs"]["gen_ai.tool.call.arguments"])
            got = s["attrs"]["gen_ai.tool.call.result"]
            assert got == read_file_in(DATA, args["name"], args.get("contains") or ""), trace_id
            seen["read"] += 1
        for s in spans:
            if _op(s) == "invoke_agent" and _op(by_id.get(s["parentSpanId"])) == "execute_tool":
                out = json.loads(s["attrs"]["gen_ai.output.messages"])[-1]["content"]
                assert by_id[s["parentSpanId"]]["attrs"]["gen_ai.tool.call.result"] == out
                seen["ask"] += 1
        prints = [t.prints for t in scripts[run["scenario"]].turns if t.call and t.prints]
        results = [out for _, out in _ran(spans)]
        assert [out.splitlines()[-1] for out in results] == prints, run["scenario"]
        seen["cell"] += len(results)
    assert seen["read"] >= 35 and seen["ask"] >= 2 * len(RUNS) and seen["cell"] >= 40, seen


def test_code_really_ran_in_a_subprocess(tmp_path: Path) -> None:
    """Every ``run_python`` result is a subprocess's (exit code first, some tracebacks),
    and running each recorded cell again over a fresh copy of the data prints the same
    (its scratch folder's name aside)."""
    calls = [s["attrs"] for spans in _spans().values() for s in _tools(spans, TOOLS["run_python"])]
    ran = [
        (json.loads(a["gen_ai.tool.call.arguments"])["code"], a["gen_ai.tool.call.result"])
        for a in calls
    ]
    assert_ran_for_real([out for _, out in ran], runs=40, crashes=3)
    shutil.copytree(DATA, tmp_path / "work")
    folder = re.compile(r"/tmp/coordgap-tide-[^/]+/")
    for code, out in ran:
        again = run_python_in(tmp_path / "work", code)
        assert folder.sub("", out) == again.replace(f"{tmp_path / 'work'}/", ""), code


def test_code_faults_are_the_coders_and_were_run_for_real() -> None:
    """The wrong or crashing code is the coder's mistake turn, a ``run_python`` call; the
    cell that ran crashed exactly when the mode says the code failed."""
    said = {sid: s for steps in _turns().values() for sid, _, s in steps}
    assert_code_faults_ran(
        FAILING, CODE_MODES, CODER, lambda t: _spans()[t],
        lambda span: (said[span["spanId"]]["call"] or ("",))[0] == TOOLS["run_python"],
        _ran, at_least=4, crash_modes=("code_failure_ignored",),
    )  # fmt: skip


def test_the_team_is_a_lead_calling_agents_as_plugins() -> None:
    """Each run is the user's run span over the lead's invoke_agent span; every other
    agent's invoke_agent span is the child of the lead's ``execute_tool <agent>-<agent>``;
    the lead speaks first and last, its last turn a text."""
    for trace_id in RUNS:
        spans = _spans()[trace_id]
        by_id = {s["spanId"]: s for s in spans}
        assert spans[0]["name"] == "invoke_workflow tide-desk", trace_id
        agents = [s for s in spans if _op(s) == "invoke_agent"]
        assert agents[0]["attrs"]["gen_ai.agent.name"] == LEAD
        assert agents[0]["parentSpanId"] == spans[0]["spanId"], trace_id
        for span in agents[1:]:
            name = span["attrs"]["gen_ai.agent.name"]
            tool = by_id[span["parentSpanId"]]
            assert name in AGENTS - {LEAD} and tool["attrs"]["gen_ai.tool.name"] == f"{name}-{name}"
            assert _agent_of(tool, by_id) is agents[0], trace_id
        steps = _turns()[trace_id]
        assert steps[0][1] == steps[-1][1] == LEAD and steps[-1][2]["text"], trace_id


def test_no_message_names_its_failure() -> None:
    """Nothing an agent says carries the annotation: no mode name, no grader's words."""
    assert_unannotated(_turns(), _words, MODES)


def test_modes_and_counts_match_the_readme() -> None:
    assert_readme_counts(FAMILY, RUNS)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = ingested(FAMILY / "traces", tmp_path_factory.mktemp("blind") / "tide.duckdb")
    yield con
    con.close()


def test_every_run_was_ingested_with_its_grade(db: duckdb.DuckDBPyConnection) -> None:
    """``coordgap ingest`` reads the traces without error and stores each run with the
    grade its annotation implies (a late ``tracer.outcome``), and every span with it."""
    assert_stored_whole(db, RUNS, _spans())


def test_ingest_makes_the_messages_content_of_the_chat_spans(
    db: duckdb.DuckDBPyConnection,
) -> None:
    """``coordgap ingest`` turns the message log records into content rows of their chat
    span: every turn has one system row (its agent's instructions, the same on each of
    its turns), input, and as output the words it said (its text, or its tool call as
    ``tool(arguments)``); each run's first turn, the lead's, has the run's question as
    its one user input."""
    systems: dict[str, set[str]] = {a: set() for a in AGENTS}
    seen = 0
    for trace_id, run in RUNS.items():
        for n, (sid, agent, said) in enumerate(_turns()[trace_id]):
            where = (run["scenario"], n)
            rows = _content(db, sid)
            system = [t for d, _, t in rows if d == "system"]
            assert len(system) == 1 and system[0], where
            systems[agent].add(system[0])
            assert any(d == "input" for d, _, _ in rows), where
            outputs = [t for d, _, t in rows if d == "output"]
            if said["text"]:
                assert said["text"] in outputs, where
            else:
                tool, args = said["call"]
                called = [json.loads(t[len(tool) + 1 : -1]) for t in outputs if t.startswith(tool)]
                assert len(called) == 1, where
                called[0].pop("instructions_override", None)
                assert called[0] == args, where
            seen += 1
        first, agent, _ = _turns()[trace_id][0]
        asked = [t for d, r, t in _content(db, first) if (d, r) == ("input", "user")]
        assert agent == LEAD and len(asked) == 1, run["scenario"]
        assert asked[0].startswith(run["task"] + "\n"), run["scenario"]
    assert all(len(v) == 1 for v in systems.values()), systems
    assert len({next(iter(v)) for v in systems.values()}) == len(AGENTS)
    chats = db.execute("SELECT count(*) FROM spans WHERE name LIKE 'chat %'").fetchone()
    assert chats == (seen,) and seen > 300


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    """Regenerating one failing scenario (a cell that dies on a misspelt name, a figure
    passed on anyway) gives the same annotation and turns."""
    need("semantic_kernel")
    scenario = "east_13_name_error"
    regenerate(tmp_path, scenario, "--blind=semantickernel_native_tidegauge")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
