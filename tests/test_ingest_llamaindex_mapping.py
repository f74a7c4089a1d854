"""LlamaIndex's AgentWorkflow as OpenInference's and OpenLLMetry's LlamaIndex instrumentors
record it (attributes copied from what they write), mapped at ingest: the steps that run
an agent become its spans, the model class's helpers are no model calls, the tools run
are tool calls, and the handoff tool is a handoff from the agent on the floor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
from tracer.testing import LocalStoreExporter

_KIND = "openinference.span.kind"


def _event(agent: str) -> str:
    message = "ChatMessage(role=<MessageRole.USER: 'user'>)"
    ev = f"AgentSetup(input=[{message}], current_agent_name='{agent}')"
    return json.dumps({"ctx": "<Context object>", "ev": ev})


def _write(spans_dir: Path, turns: list[tuple[str, str | None]]) -> None:
    """One workflow run: per turn (agent, the agent it hands the floor to or None), a
    ``run_agent_step`` with the model class's helper and its model call, then a
    ``call_tool`` step running the ``handoff`` tool (or a ``read_file`` one)."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("openinference.instrumentation.llama_index")
    with otel.start_as_current_span("AgentWorkflow.run", attributes={_KIND: "CHAIN"}):
        for agent, to in turns:
            step = {_KIND: "CHAIN", "input.value": _event(agent)}
            with otel.start_as_current_span("AgentWorkflow.run_agent_step", attributes=step):
                helper = {_KIND: "LLM", "output.value": '{"messages": ["ChatMessage(...)"]}'}
                with otel.start_as_current_span("LLM._prepare_chat_with_tools", attributes=helper):
                    pass
                said = {
                    _KIND: "LLM",
                    "llm.output_messages.0.message.role": "assistant",
                    "llm.output_messages.0.message.content": f"{agent} speaking",
                }
                with otel.start_as_current_span("LLM.achat", attributes=said):
                    pass
            with otel.start_as_current_span("AgentWorkflow.call_tool", attributes={_KIND: "CHAIN"}):
                args: dict[str, Any] = {"to_agent": to} if to else {"name": "a.csv"}
                tool = {
                    _KIND: "TOOL",
                    "tool.name": "handoff" if to else "read_file",
                    "input.value": json.dumps({"kwargs": args}),
                }
                with otel.start_as_current_span("FunctionTool.acall", attributes=tool):
                    pass
    provider.shutdown()


def test_agent_steps_model_calls_and_handoffs(tmp_path: Path) -> None:
    _write(tmp_path / "spans", [("lead", "clerk"), ("clerk", None), ("clerk", "lead")])
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = store.con.execute(
            "SELECT name, operation, agent, actor FROM spans "
            "WHERE name LIKE '%run_agent_step' OR name LIKE 'LLM.%' ORDER BY start_ns"
        ).fetchall()
        step = ("AgentWorkflow.run_agent_step", "agent")
        assert rows == [
            (*step, "lead", "model"),
            ("LLM._prepare_chat_with_tools", None, None, None),
            ("LLM.achat", None, None, "model"),
            (*step, "clerk", "model"),
            ("LLM._prepare_chat_with_tools", None, None, None),
            ("LLM.achat", None, None, "model"),
            (*step, "clerk", "model"),
            ("LLM._prepare_chat_with_tools", None, None, None),
            ("LLM.achat", None, None, "model"),
        ]
        handoffs = store.con.execute(
            "SELECT handoff_source, handoff_target FROM spans WHERE operation = 'handoff' "
            "ORDER BY start_ns"
        ).fetchall()
        assert handoffs == [("lead", "clerk"), ("clerk", "lead")]
        # linking again (another ingest) changes nothing
        before = store.con.execute("SELECT count(*), count(operation) FROM spans").fetchall()
        store.ingest([tmp_path / "spans"])
        assert (
            store.con.execute("SELECT count(*), count(operation) FROM spans").fetchall() == before
        )


_TL = "traceloop."


def _write_openllmetry(spans_dir: Path, turns: list[tuple[str, str | None]]) -> None:
    """The same workflow as OpenLLMetry records it: ``AgentWorkflow.task`` steps whose
    output event names the agent, a ``chat`` model call inside, and a
    ``FunctionTool.task`` per tool run whose output names the tool and its input."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("opentelemetry.instrumentation.llamaindex")
    span = otel.start_as_current_span
    task = {_TL + "span.kind": "task", _TL + "entity.name": "AgentWorkflow.task"}
    with span("invoke_workflow desk", attributes={"gen_ai.operation.name": "invoke_workflow"}):
        with span("AgentWorkflow.workflow", attributes={_TL + "span.kind": "workflow"}):
            for agent, to in turns:
                out = {"response": {"role": "assistant", "blocks": []}, "current_agent_name": agent}
                with span(
                    "AgentWorkflow.task",
                    attributes={**task, _TL + "entity.output": json.dumps(out)},
                ):
                    with span("Model.task", attributes={_TL + "span.kind": "task"}):
                        pass  # the model class's helper: no model call
                    said = {
                        _TL + "span.kind": "task",
                        "gen_ai.operation.name": "chat",
                        "gen_ai.output.messages": json.dumps([{"role": "assistant", "parts": []}]),
                    }
                    with span("Model.task", attributes=said):
                        pass
                args: dict[str, Any] = {"to_agent": to} if to else {"name": "a.csv"}
                ran = {"tool_name": "handoff" if to else "read_file", "raw_input": {"kwargs": args}}
                with span("AgentWorkflow.task", attributes=task):
                    tool = {_TL + "span.kind": "task", _TL + "entity.output": json.dumps(ran)}
                    with span("FunctionTool.task", attributes=tool):
                        pass
    provider.shutdown()


def test_openllmetrys_workflow_steps_tools_and_handoffs(tmp_path: Path) -> None:
    _write_openllmetry(tmp_path / "spans", [("lead", "clerk"), ("clerk", None), ("clerk", "lead")])
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = store.con.execute(
            "SELECT name, operation, agent, actor FROM spans WHERE operation IS NOT NULL "
            "AND operation NOT IN ('workflow', 'outcome') ORDER BY start_ns"
        ).fetchall()
        assert rows == [
            ("AgentWorkflow.task", "agent", "lead", "model"),
            ("FunctionTool.task", "handoff", "handoff", "tool"),
            ("AgentWorkflow.task", "agent", "clerk", "model"),
            ("FunctionTool.task", "tool", "read_file", "tool"),
            ("AgentWorkflow.task", "agent", "clerk", "model"),
            ("FunctionTool.task", "handoff", "handoff", "tool"),
        ]
        handoffs = store.con.execute(
            "SELECT handoff_source, handoff_target FROM spans WHERE operation = 'handoff' "
            "ORDER BY start_ns"
        ).fetchall()
        assert handoffs == [("lead", "clerk"), ("clerk", "lead")]
