"""Agents no span names (OpenInference's Haystack instrumentor: a CHAIN span per agent
run, an agent run as another's tool directly under the caller's, its tools' components
as CHAIN spans): the spans holding model calls become agents, named by the tool their
caller asked for, and what ran after a call asked for a tool becomes that tool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
from analyzer import ingest
from tracer.testing import LocalStoreExporter

_KIND = "openinference.span.kind"
_OUT = "llm.output_messages.0.message."


def _llm(text: str = "", tool: str | None = None, system: str = "") -> dict[str, Any]:
    attrs: dict[str, Any] = {_KIND: "LLM", _OUT + "role": "assistant"}
    if system:
        attrs["llm.input_messages.0.message.role"] = "system"
        attrs["llm.input_messages.0.message.content"] = system
    if text:
        attrs[_OUT + "content"] = text
    if tool is not None:
        attrs[_OUT + "tool_calls.0.tool_call.function.name"] = tool
        attrs[_OUT + "tool_calls.0.tool_call.function.arguments"] = "{}"
    return attrs


def _write(
    spans_dir: Path, *, with_agent_kind: bool = False, lead: str = "", coder: str = ""
) -> None:
    """A lead that asks `ask_coder`, whose run calls `run_python` (a component span)."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("openinference.instrumentation.haystack")
    span = otel.start_as_current_span
    chain = {_KIND: "AGENT" if with_agent_kind else "CHAIN"}
    # the user's own run span around the team (a root CHAIN span would be the workflow)
    with span("invoke_workflow office", attributes={"gen_ai.operation.name": "invoke_workflow"}):
        with span("Agent.run", attributes=chain):
            with span("ChatPromptBuilder.run", attributes={_KIND: "CHAIN"}):
                pass
            with span("OpenAIChatGenerator.run", attributes=_llm(tool="ask_coder", system=lead)):
                pass
            with span("Agent.run", attributes=chain):
                asks = _llm(tool="run_python", system=coder)
                with span("OpenAIChatGenerator.run", attributes=asks):
                    pass
                with span("PythonRunner.run", attributes={_KIND: "CHAIN"}):
                    pass
                with span("OpenAIChatGenerator.run", attributes=_llm("It prints 42.")):
                    pass
            with span("OpenAIChatGenerator.run", attributes=_llm("42.")):
                pass
    provider.shutdown()


_SQL = (
    "SELECT name, operation, agent FROM spans WHERE operation IN ('agent', 'tool') "
    "ORDER BY start_ns"
)


def test_spans_holding_model_calls_become_agents_named_as_called(tmp_path: Path) -> None:
    _write(tmp_path / "spans")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = store.con.execute(_SQL).fetchall()
        assert rows == [
            ("Agent.run", "agent", "Agent.run"),  # the first agent: its own name
            ("Agent.run", "agent", "ask_coder"),  # run as the tool the lead asked for
            ("PythonRunner.run", "tool", "run_python"),
        ]
        # the prompt builder ran before any call asked for a tool: no tool
        builder = "SELECT operation FROM spans WHERE name = 'ChatPromptBuilder.run'"
        assert store.con.execute(builder).fetchall() == [(None,)]
        ingest.link_spans(store.con)  # linking again changes nothing
        assert store.con.execute(_SQL).fetchall() == rows


def test_runs_whose_agents_are_recorded_are_left_alone(tmp_path: Path) -> None:
    _write(tmp_path / "spans", with_agent_kind=True)
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = store.con.execute(_SQL).fetchall()
        assert [(n, o) for n, o, _ in rows] == [("Agent.run", "agent"), ("Agent.run", "agent")]


def test_an_agent_is_named_as_its_system_prompt_names_it(tmp_path: Path) -> None:
    """ "You are plot_officer": that name; "You are coder in ..." where it was called as
    ``ask_coder``: coder; "You are a helpful assistant" names no one."""
    cases = [
        ("You are plot_officer, who runs the office.", "You are coder in the office."),
        ("You are Allotments Officer.", "You are a helpful assistant."),
    ]
    got = []
    for i, (lead, coder) in enumerate(cases):
        _write(tmp_path / f"s{i}", lead=lead, coder=coder)
        with analyzer.open(tmp_path / f"db{i}.duckdb") as store:
            store.ingest([tmp_path / f"s{i}"])
            sql = "SELECT agent FROM spans WHERE operation = 'agent' ORDER BY start_ns"
            got.append([a for (a,) in store.con.execute(sql).fetchall()])
    assert got == [["plot_officer", "coder"], ["Allotments Officer", "ask_coder"]]
