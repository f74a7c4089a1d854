"""What a model call got back where no tool span recorded it (a ReAct agent's
``Observation`` that only the next call's input holds, as OpenInference records CrewAI
1.6's model calls and no tool spans), derived at ingest as a tool span of its own; and
what the analysis then makes of a program run that failed there."""

from __future__ import annotations

import json
from pathlib import Path

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
from analyzer.observations import OBSERVATION
from tracer import semconv
from tracer.testing import LocalStoreExporter

_KIND = "openinference.span.kind"
_SYSTEM = "You are Data Analyst. Use run_python."
_TASK = "How many paid concession tickets in the week 16-22 March?"
_CODE = 'Action: run_python\nAction Input: {"code": "print(sum(r[\'seats\'] for r in rows))"}'
_CRASH = (
    "Observation: exit code 1\nTraceback (most recent call last):\n"
    '  File "cell.py", line 7, in <module>\n'
    "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
)


def _messages(prefix: str, messages: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, (role, text) in enumerate(messages):
        out[f"{prefix}.{i}.message.role"] = role
        out[f"{prefix}.{i}.message.content"] = text
    return out


def _call(sent: list[tuple[str, str]], said: str) -> dict[str, str]:
    return {
        _KIND: "LLM",
        **_messages("llm.input_messages", sent),
        **_messages("llm.output_messages", [("assistant", said)]),
    }


def _write(spans_dir: Path, *, tool_span: bool = False, fixed: bool = False) -> None:
    """One crew run: an analyst's task whose first call writes code and whose second
    call, sent the history with the run's result after the first call's words,
    reports a figure; a checker's task after it approves. ``tool_span``: the run of
    the code is recorded as a tool span too. ``fixed``: the analyst's third call runs
    code again, and that run succeeds."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("openinference.instrumentation.openai")
    base = [("system", _SYSTEM), ("user", _TASK)]
    run = {semconv.GEN_AI_OPERATION_NAME: "invoke_workflow", semconv.INPUT_CONTENT: _TASK}
    with otel.start_as_current_span("invoke_workflow desk", attributes=run) as root:
        task = {_KIND: "AGENT", "graph.node.id": "Data Analyst"}
        with otel.start_as_current_span("Data Analyst.compute", attributes=task):
            with otel.start_as_current_span("ChatCompletion", attributes=_call(base, _CODE)):
                pass
            if tool_span:
                tool = {_KIND: "TOOL", "tool.name": "run_python", "output.value": _CRASH}
                with otel.start_as_current_span("run_python", attributes=tool):
                    pass
            history = [*base, ("assistant", f"{_CODE}\n{_CRASH}")]
            if fixed:
                again = 'Action: run_python\nAction Input: {"code": "print(27)"}'
                with otel.start_as_current_span("ChatCompletion", attributes=_call(history, again)):
                    pass
                history = [*history, ("assistant", f"{again}\nObservation: exit code 0\n27")]
            answer = "Final Answer: 27 tickets."
            with otel.start_as_current_span("ChatCompletion", attributes=_call(history, answer)):
                pass
        checker = {_KIND: "AGENT", "graph.node.id": "Settlement Checker"}
        with otel.start_as_current_span("Settlement Checker.check", attributes=checker):
            verdict = "Final Answer: 27 stands."
            sent = [("system", "You are Settlement Checker."), ("user", "27 tickets?")]
            with otel.start_as_current_span("ChatCompletion", attributes=_call(sent, verdict)):
                pass
        trace_id = format(root.get_span_context().trace_id, "032x")
    outcome = provider.get_tracer("grader")
    attrs = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_OUTCOME,
        semconv.OUTCOME: semconv.OUTCOME_FAILURE,
        semconv.OUTCOME_TRACE_ID: trace_id,
    }
    with outcome.start_as_current_span("outcome", attributes=attrs):
        pass
    provider.shutdown()


def _observations(store: analyzer.Store) -> list[tuple[str, str, str]]:
    return store.con.execute(
        "SELECT s.parent_span_id, s.operation, c.text FROM spans s "
        "JOIN content c ON c.trace_id = s.trace_id AND c.span_id = s.span_id "
        "WHERE s.name = ? ORDER BY s.start_ns",
        [OBSERVATION],
    ).fetchall()


def test_what_the_next_call_was_sent_anew_is_a_tool_span_of_the_call_before(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "spans")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        got = _observations(store)
        ((parent, operation, text),) = got
        (task,) = (
            store.con.execute(
                "SELECT span_id FROM spans WHERE name = 'Data Analyst.compute'"
            ).fetchone()
            or ()
        )
        assert (parent, operation) == (task, "tool")
        assert text == _CRASH  # the first call's own words, sent back, are left out
        # linking again (another ingest) adds nothing
        store.ingest([tmp_path / "spans"])
        assert _observations(store) == got
        failure = store.analyze().failures.to_dicts()[0]
        first = store.con.execute(
            "SELECT span_id FROM spans WHERE name = 'ChatCompletion' ORDER BY start_ns LIMIT 1"
        ).fetchone()
        # the code the first call wrote failed when it ran, and nothing ran it again
        assert (failure["agent"], failure["span_id"]) == ("Data Analyst", first[0])


def test_a_recorded_tool_call_says_what_came_back_itself(tmp_path: Path) -> None:
    _write(tmp_path / "spans", tool_span=True)
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        assert _observations(store) == []


def test_a_later_run_that_succeeds_mends_the_failed_one(tmp_path: Path) -> None:
    """The analyst ran code again and it worked: the failure was recovered (the
    first call is still a suspect, not a certainty)."""
    _write(tmp_path / "spans", fixed=True)
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        assert [json.dumps(t) for _, _, t in _observations(store)][1] == json.dumps(
            "Observation: exit code 0\n27"
        )
        failure = store.analyze().failures.to_dicts()[0]
        assert failure["confidence"] < 0.8
