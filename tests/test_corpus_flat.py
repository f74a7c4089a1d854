"""The corpus flattened to a message log: what each span becomes, in which order,
and where the annotated step lands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpus_flat  # noqa: E402
from tracer import semconv  # noqa: E402


def _span(sid: str, start: int, end: int, attrs: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "traceId": "t1",
        "spanId": sid,
        "startTimeUnixNano": str(start),
        "endTimeUnixNano": str(end),
        "attributes": [{"key": k, "value": {"stringValue": v}} for k, v in attrs.items()],
        **extra,
    }


def _turn(sid: str, start: int, end: int, agent: str, output: str | None = None) -> dict[str, Any]:
    attrs = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
        semconv.GEN_AI_AGENT_NAME: agent,
        semconv.ACTOR: semconv.ACTOR_MODEL,
    }
    if output is not None:
        attrs[semconv.OUTPUT_CONTENT] = output
    return _span(sid, start, end, attrs)


def _handoff(sid: str, at: int, source: str, payload: str) -> dict[str, Any]:
    return _span(
        sid,
        at,
        at + 1,
        {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
            semconv.HANDOFF_SOURCE: source,
            semconv.HANDOFF_PAYLOAD_CONTENT: payload,
        },
    )


def test_a_manager_delegates_in_messages_and_answers_last() -> None:
    """A manager's turn holding its team's turns: its delegations are its messages
    when sent, its own answer comes at its end; a tool's output is part of its
    caller's step (what the agent saw); the annotated step is the turn's first
    message."""
    spans = [
        _turn("m", 10, 100, "Manager", "The answer is 41."),
        _handoff("h1", 11, "Manager", '{"task": "pull the rows"}'),
        _turn("r", 20, 40, "Researcher", "rows: 12, 29"),
        _span(
            "tool",
            21,
            30,
            {
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
                semconv.ACTOR: semconv.ACTOR_TOOL,
                semconv.OUTPUT_CONTENT: '{"rows": [12, 29]}',
            },
            parentSpanId="r",
        ),
        _handoff("h2", 41, "Researcher", "rows: 12, 29"),
    ]
    log = corpus_flat.flatten(spans, {"task": "Sum?", "mistake_agent": "Manager", "span_id": "m"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("Manager", '{"task": "pull the rows"}'),
        ("Researcher", 'rows: 12, 29\n\n{"rows": [12, 29]}'),
        ("Manager", "The answer is 41."),
    ]
    assert log["mistake_step"] == 0
    researcher = {"task": "Sum?", "mistake_agent": "Researcher", "span_id": "r"}
    assert corpus_flat.flatten(spans, researcher)["mistake_step"] == 1  # type: ignore[index]
    json.dumps(log)


def test_a_turn_without_text_speaks_its_error() -> None:
    """A turn that raised and recorded no output: its exception is its message."""
    failing = _turn("c", 10, 20, "calculator")
    failing["events"] = [
        {
            "name": semconv.EXCEPTION_EVENT,
            "attributes": [
                {"key": "exception.type", "value": {"stringValue": "KeyError"}},
                {"key": "exception.message", "value": {"stringValue": "'meal'"}},
            ],
        }
    ]
    spans = [_turn("a", 1, 5, "policy", "meals capped at 70"), failing]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "calculator", "span_id": "c"})
    assert log is not None
    assert log["history"][1] == {"name": "calculator", "content": "KeyError: 'meal'"}
    assert log["mistake_step"] == 1


def _model_call(sid: str, start: int, end: int, agent: str, parts: list[dict[str, Any]]) -> dict:
    """A GenAI model call (``chat``) of an agent, another instrumentation's, with its response."""
    attrs = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_CHAT,
        semconv.GEN_AI_AGENT_NAME: agent,
        semconv.GEN_AI_OUTPUT_MESSAGES: json.dumps([{"role": "assistant", "parts": parts}]),
    }
    return _span(sid, start, end, attrs, parentSpanId=f"agent-{agent}")


def _call(call_id: str, name: str, arguments: dict[str, str]) -> dict[str, Any]:
    return {"type": "tool_call", "id": call_id, "name": name, "arguments": arguments}


def _genai_tool(sid: str, start: int, call_id: str, result: str, parent: str) -> dict[str, Any]:
    attrs = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
        semconv.GEN_AI_TOOL_CALL_ID: call_id,
        semconv.GEN_AI_TOOL_CALL_RESULT: result,
    }
    return _span(sid, start, start + 5, attrs, parentSpanId=parent)


def test_model_calls_show_their_tool_calls_and_what_the_tools_returned() -> None:
    """GenAI conventions (no coordgap actor): a model response asking for a tool shows
    the tool's name and arguments, a program as its lines; the tool's result joins the
    step of the response that asked for it, by the call's id or, when the
    instrumentation gave the call a new id, as the response beside it that started
    last; a tool that ran an agent (a delegation) adds nothing, its agent's words are
    that agent's turns; a result wrapped in an object shows its text."""
    code = {"code": "import csv\nprint(sum(r['n'] for r in rows))"}
    wrapped = '{"result": "exit code 1\\nTypeError"}'
    spans = [
        _model_call("c1", 10, 12, "lead", [_call("k1", "ask_analyst", {"brief": "sum n"})]),
        _genai_tool("t1", 13, "k1", "the sum is 7", "agent-lead"),
        _model_call("a1", 14, 16, "analyst", [_call("local-1", "run_python", code)]),
        _genai_tool("t2", 17, "renamed-1", wrapped, "agent-analyst"),
        _model_call("a2", 23, 24, "analyst", [{"type": "text", "content": "the sum is 7"}]),
        _model_call("c2", 30, 31, "lead", [{"type": "text", "content": "Answer: 7"}]),
    ]
    spans[3]["parentSpanId"] = "agent-analyst"
    spans.insert(2, _span("agent-analyst", 13, 25, {}, parentSpanId="t1"))
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "analyst", "span_id": "a1"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("lead", "ask_analyst\nbrief: sum n"),
        ("analyst", f"run_python\ncode: {code['code']}\n\nexit code 1\nTypeError"),
        ("analyst", "the sum is 7"),
        ("lead", "Answer: 7"),
    ]
    assert log["mistake_step"] == 1


def test_a_delegation_tool_beside_its_members_turns_adds_no_reply() -> None:
    """A tool that delegated (another agent took turns while it ran, though no parent
    link puts them under it: Agno's team member runs) adds nothing to its caller's step:
    its result is the member's reply, which the member says in its own turns after the
    delegating message, as a message log has it."""
    brief = [_call("k1", "delegate_task_to_member", {"member_id": "coder", "task": "sum n"})]
    spans = [
        _model_call("c1", 10, 12, "lead", brief),
        _span(
            "t1",
            13,
            30,
            {
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
                semconv.GEN_AI_TOOL_CALL_ID: "k1",
                semconv.GEN_AI_TOOL_CALL_RESULT: "Summing.The sum is 7.",
            },
            parentSpanId="agent-lead",
        ),
        _model_call("a1", 14, 16, "coder", [{"type": "text", "content": "Summing."}]),
        _model_call("a2", 17, 18, "coder", [{"type": "text", "content": "The sum is 7."}]),
        _model_call("c2", 31, 32, "lead", [{"type": "text", "content": "Answer: 7"}]),
    ]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "coder", "span_id": "a2"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("lead", "delegate_task_to_member\nmember_id: coder\ntask: sum n"),
        ("coder", "Summing."),
        ("coder", "The sum is 7."),
        ("lead", "Answer: 7"),
    ]
    assert log["mistake_step"] == 2


def test_an_agent_called_as_a_tool_speaks_its_reply_and_its_caller_what_it_asked() -> None:
    """An agent run as a tool (an agent span under a tool span, no output of its own):
    the caller's message is what it asked (the tool's input), the agent's is its reply
    (the tool's output, once, though the agent's own tool returned it too)."""
    tool = {semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL, semconv.ACTOR: "tool"}
    spans = [
        _turn("o", 1, 50, "Orchestrator"),
        _span(
            "as-tool",
            2,
            40,
            {**tool, semconv.INPUT_CONTENT: '{"input": "run it"}', semconv.OUTPUT_CONTENT: "7"},
            parentSpanId="o",
        ),
        {**_turn("c", 3, 39, "Terminal"), "parentSpanId": "as-tool"},
        _span("run", 4, 38, {**tool, semconv.OUTPUT_CONTENT: "7"}, parentSpanId="c"),
        _turn("o2", 51, 52, "Orchestrator", "FINAL ANSWER: 7"),
    ]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "Terminal", "span_id": "c"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("Orchestrator", "run it"),
        ("Terminal", "7"),
        ("Orchestrator", "FINAL ANSWER: 7"),
    ]
    assert log["mistake_step"] == 1


def _oi(sid: str, start: int, end: int, kind: str, parent: str | None, **attrs: str) -> dict:
    """An OpenInference span of ``kind`` (smolagents' instrumentor's shape)."""
    keys = {"openinference.span.kind": kind, **{k.replace("__", "."): v for k, v in attrs.items()}}
    extra = {"parentSpanId": parent} if parent else {}
    return _span(sid, start, end, keys, **extra)


def test_openinference_model_calls_speak_for_the_agent_above_them() -> None:
    """smolagents under OpenInference: an ``LLM`` span under an ``AGENT`` span that
    names no agent (``<agent>.run``) speaks for that agent; the step span around it is
    what the call's code printed, and a step that raised says its error; the agent
    span's final answer is not said again."""
    out = "llm.output_messages.0.message."
    code = "Thought: sum.\n<code>\nprint(40 + 2)\n"
    spans = [
        _oi("a", 1, 90, "AGENT", None, output__value="42"),
        _oi("s1", 2, 20, "CHAIN", "a", output__value="Execution logs:\n42"),
        _oi("c1", 3, 5, "LLM", "s1", **{f"{out}contents.0.message_content.text": code}),
        _oi("s2", 30, 50, "CHAIN", "a"),
        _oi("c2", 31, 33, "LLM", "s2", **{f"{out}contents.0.message_content.text": "final"}),
    ]
    spans[0]["name"] = "data_analyst.run"
    spans[3]["events"] = [
        {
            "name": semconv.EXCEPTION_EVENT,
            "attributes": [
                {"key": semconv.EXCEPTION_TYPE, "value": {"stringValue": "AgentError"}},
                {"key": semconv.EXCEPTION_MESSAGE, "value": {"stringValue": "no final"}},
            ],
        }
    ]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "data_analyst", "span_id": "c1"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("data_analyst", f"{code}\n\nExecution logs:\n42"),
        ("data_analyst", "final\n\nAgentError: no final"),
    ]
    assert log["mistake_step"] == 0


def test_langgraph_node_runs_speak_through_their_model_calls() -> None:
    """LangGraph under OpenInference's LangChain instrumentor: a node's ``LLM`` span
    speaks for the node (its tool call included), a ToolNode's tools are what that call
    read (the ToolMessage's content, not its envelope), a node with neither (a code
    runner) speaks the messages it added, and node runs that called a model do not
    repeat their words."""
    out = "llm.output_messages.0.message."

    def meta(node: str) -> str:
        return json.dumps({"langgraph_node": node, "langgraph_step": 1})

    tool_msg = {"type": "tool", "data": {"content": "T03,3600", "type": "tool", "name": "x"}}
    ran = {
        "messages": [{"type": "human", "data": {"content": "exit code 0\n38.5", "type": "human"}}]
    }
    said = {"messages": [{"type": "ai", "data": {"content": "ignored", "type": "ai"}}]}
    call = {
        f"{out}tool_calls.0.tool_call.function.name": "read_file",
        f"{out}tool_calls.0.tool_call.function.arguments": '{"name": "turbines.csv"}',
    }
    spans = [
        _oi("g", 1, 99, "CHAIN", None),
        _oi("n1", 2, 10, "CHAIN", "g", metadata=meta("analyst"), output__value=json.dumps(said)),
        _oi("l1", 3, 5, "LLM", "n1", metadata=meta("analyst"), **call),
        _oi("n2", 11, 20, "CHAIN", "g", metadata=meta("analyst_tools")),
        _oi(
            "t2",
            12,
            14,
            "TOOL",
            "n2",
            metadata=meta("analyst_tools"),
            output__value=json.dumps(tool_msg),
        ),  # fmt: skip
        _oi("n3", 21, 30, "CHAIN", "g", metadata=meta("analyst"), output__value=json.dumps(said)),
        _oi("l3", 22, 24, "LLM", "n3", metadata=meta("analyst"), **{f"{out}content": "3.6 MW"}),
        _oi("n4", 31, 40, "CHAIN", "g", metadata=meta("runner"), output__value=json.dumps(ran)),
    ]
    names = ["analyst", "", "analyst_tools", "read_file", "analyst", "", "runner"]
    for span, name in zip(spans[1:], names, strict=True):
        span["name"] = name or "ScriptedChatModel"
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "analyst", "span_id": "l3"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("analyst", "read_file\nname: turbines.csv\n\nT03,3600"),
        ("analyst", "3.6 MW"),
        ("runner", "exit code 0\n38.5"),
    ]
    assert log["mistake_step"] == 1


def test_llamaindex_workflow_steps_speak_through_their_model_calls() -> None:
    """LlamaIndex's AgentWorkflow under OpenInference: the model call in a step whose
    input event names the current agent speaks for it (the model class's helper, with
    no messages, does not); a tool run as a sibling step is what the latest call read
    (its blocks' text); the handoff tool adds nothing (the call shows it)."""
    out = "llm.output_messages.0.message."

    def step(agent: str) -> str:
        return json.dumps({"ev": f"AgentSetup(input=[], current_agent_name='{agent}')"})

    call = {
        f"{out}role": "assistant",
        f"{out}tool_calls.0.tool_call.function.name": "run_python",
        f"{out}tool_calls.0.tool_call.function.arguments": '{"code": "print(70 / 4)"}',
    }
    hand = {
        f"{out}role": "assistant",
        f"{out}content": "17.5 days.",
        f"{out}tool_calls.0.tool_call.function.name": "handoff",
        f"{out}tool_calls.0.tool_call.function.arguments": '{"to_agent": "checker"}',
    }
    ran = json.dumps({"blocks": [{"text": "exit code 0\n17.5"}], "tool_name": "run_python"})
    spans = [
        _oi("w", 1, 99, "CHAIN", None),
        _oi("s1", 2, 10, "CHAIN", "w", input__value=step("coder")),
        _oi("h1", 3, 4, "LLM", "s1", output__value='{"messages": ["prompt"]}'),
        _oi("l1", 5, 6, "LLM", "s1", **call),
        _oi("c1", 11, 20, "CHAIN", "w"),
        _oi("t1", 12, 14, "TOOL", "c1", tool__name="run_python", output__value=ran),
        _oi("s2", 21, 30, "CHAIN", "w", input__value=step("coder")),
        _oi("l2", 22, 24, "LLM", "s2", **hand),
        _oi("c2", 31, 40, "CHAIN", "w"),
        _oi("t2", 32, 34, "TOOL", "c2", tool__name="handoff", output__value="Agent checker..."),
    ]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "coder", "span_id": "l1"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("coder", "run_python\ncode: print(70 / 4)\n\nexit code 0\n17.5"),
        ("coder", "17.5 days.\nhandoff\nto_agent: checker"),
    ]
    assert log["mistake_step"] == 0


def test_model_calls_under_a_named_agent_speak_when_they_recorded_a_response() -> None:
    """Agno under OpenInference: an ``AGENT`` span that names its agent holds the
    agent's model calls, each with its response recorded; each call is a turn of that
    agent (its tool calls and what they returned with it), not the agent span's
    summary. An agent span with no such call speaks itself, as before."""
    out = "llm.output_messages.0.message."
    call = {
        f"{out}role": "assistant",
        f"{out}tool_calls.0.tool_call.function.name": "read_file",
        f"{out}tool_calls.0.tool_call.function.arguments": '{"name": "growers.csv"}',
    }
    spans = [
        _oi("a", 1, 90, "AGENT", None, agent__name="grower_clerk", output__value="G04 is N."),
        _oi("c1", 2, 5, "LLM", "a", **call),
        _oi("t1", 6, 8, "TOOL", "a", tool__name="read_file", output__value="G04,Fenwick,N"),
        _oi("c2", 9, 12, "LLM", "a", **{f"{out}role": "assistant", f"{out}content": "G04 is N."}),
        _oi("b", 91, 99, "AGENT", None, agent__name="checker", output__value="Agreed."),
    ]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "grower_clerk", "span_id": "c1"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("grower_clerk", "read_file\nname: growers.csv\n\nG04,Fenwick,N"),
        ("grower_clerk", "G04 is N."),
        ("checker", "Agreed."),
    ]
    assert log["mistake_step"] == 0


def test_autogen_model_calls_speak_their_thought_and_what_their_tools_returned() -> None:
    """AutoGen AgentChat under OpenInference: an ``AGENT`` span that names no agent
    (``coder.on_messages_stream``) holds the agent's model calls and, beside them, its
    tool spans; what a call said beside its tool call is only in its recorded result
    (``CreateResult.thought``). Each call is a turn of that agent: its thought, its
    tool call and what the tool returned."""
    out = "llm.output_messages.0.message."
    result = {
        "finish_reason": "function_calls",
        "content": [{"id": "call_1", "arguments": '{"code": "print(2)"}', "name": "run_python"}],
        "usage": {"prompt_tokens": 139, "completion_tokens": 17},
        "cached": False,
        "thought": "Counting the aborted runs.",
    }
    call = {
        f"{out}role": "assistant",
        f"{out}tool_calls.0.tool_call.function.name": "run_python",
        f"{out}tool_calls.0.tool_call.function.arguments": '{"code": "print(2)"}',
        "output__value": json.dumps(result),
    }
    spans = [
        _oi("a", 1, 90, "AGENT", None),
        _oi("c1", 2, 5, "LLM", "a", **call),
        _oi("t1", 6, 8, "TOOL", "a", tool__name="run_python", output__value="exit code 0\n2"),
    ]
    spans[0]["name"] = "coder.on_messages_stream"
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "coder", "span_id": "c1"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("coder", "Counting the aborted runs.\nrun_python\ncode: print(2)\n\nexit code 0\n2"),
    ]


def _row(turn: int, span: str, owner: str | None, agent: str | None, output: str | None) -> dict:
    return {
        "trace_id": "t1",
        "span_id": span,
        "owner_span_id": owner,
        "agent": agent,
        "output": output,
        "turn": turn,
        "is_run": owner is None and agent is None,
    }


def test_through_the_store_a_step_speaks_with_what_its_tools_returned() -> None:
    """Flattening through the analyzer's turns: each step a message of its agent
    followed by its tools' outputs (one that comes back after other agents spoke, a
    delegate's reply, in its place in time); a step without text says nothing; the annotated
    step is the first message whose step is the annotated span, runs inside it, or
    holds it."""
    import polars as pl

    from benchmarks import flat_store

    run = pl.DataFrame(
        [
            _row(0, "run", None, None, "the task"),
            _row(1, "a1", "a1", "lead", "Plan: read rows."),
            _row(2, "c1", "c1", "clerk", "Reading."),
            _row(3, "t1", "c1", "clerk", "rows: 12, 29"),
            _row(4, "a2", "a2", "lead", None),
            _row(5, "c2", "c2", "clerk", "41 in all."),
            _row(6, "r1", "a1", "lead", "clerk replied: 41"),
        ]
    )
    messages = flat_store._messages(run)
    assert [(agent, text) for agent, text, _ in messages] == [
        ("lead", "Plan: read rows."),
        ("clerk", "Reading.\n\nrows: 12, 29"),
        ("clerk", "41 in all."),
        ("lead", "clerk replied: 41"),  # what the step saw after its delegate spoke
    ]
    parents = {"a1": "run", "c1": "agent_clerk", "t1": "c1", "c2": "agent_clerk", "x": "c2"}
    assert flat_store._step(messages, "t1", parents) == 1  # a tool of the step
    assert flat_store._step(messages, "x", parents) == 2  # a span inside the step
    assert flat_store._step(messages, "agent_clerk", parents) == 1  # the span holding it
    assert flat_store._step(messages, "a2", parents) is None  # no text, no message


def test_a_family_flattened_through_the_store_keeps_every_run_and_its_step(
    tmp_path: Path,
) -> None:
    """``corpus_flat --via-store`` on an Agno team traced by OpenInference: every failing
    run becomes a log, and the message at its annotated step is the annotated agent's."""
    family = Path(__file__).resolve().parents[1] / "tests/corpus/blind/agno_openinference_orchard"
    assert (
        corpus_flat.main(
            ["--via-store", "--json", "--keep", str(tmp_path), "--corpus", str(family)]
        )
        == 0
    )
    truth = json.loads((family / "annotations.json").read_text())["runs"]
    failing = {k for k, v in truth.items() if not v.get("healthy")}
    logs = list((tmp_path / "logs").rglob("*.json"))
    assert {p.stem for p in logs} == failing
    for path in logs:
        log = json.loads(path.read_text())
        assert log["history"][log["mistake_step"]]["name"] == log["mistake_agent"]
