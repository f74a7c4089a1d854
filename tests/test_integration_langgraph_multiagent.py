"""LangGraph multi-agent packages from PyPI (langgraph-supervisor, langgraph-swarm),
driven by scripted chat models: each handoff tool call is a handoff span from the
agent that called it to the target, and each agent's own graph nests under it."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from integration_support import need

need("langgraph_supervisor")
need("langgraph_swarm")

from langchain_core.language_models.fake_chat_models import (  # noqa: E402
    FakeMessagesListChatModel,
)
from langchain_core.messages import AIMessage  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.trace import StatusCode  # noqa: E402

import analyzer  # noqa: E402
from tracer import semconv  # noqa: E402
from tracer.integrations import langgraph as cg_langgraph  # noqa: E402
from tracer.testing import LocalStoreExporter  # noqa: E402

with warnings.catch_warnings():  # moved to langchain.agents in LangGraph 1.0; still what
    warnings.simplefilter("ignore")  # langgraph-supervisor and -swarm build agents with
    from langgraph.prebuilt import create_react_agent  # noqa: E402


class Scripted(FakeMessagesListChatModel):
    """A chat model that replies from a script, tool calls included."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


def _call(tool: str, call_id: str, **args: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": tool, "args": args, "id": call_id}])


def _agent(name: str, script: list[AIMessage], tools: list[Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return create_react_agent(Scripted(responses=script), tools, name=name)


def _ordered(spans: tuple[ReadableSpan, ...]) -> list[ReadableSpan]:
    return sorted(spans, key=lambda s: (s.start_time or 0, s.end_time or 0))


def _run_level(spans: list[ReadableSpan], prefix: str) -> list[str]:
    (run,) = [s for s in spans if s.parent is None]
    return [
        s.name
        for s in spans
        if s.parent is not None
        and s.parent.span_id == run.context.span_id
        and s.name.startswith(prefix)
    ]


def lookup(q: str) -> str:
    """Look up facts about a topic."""
    return f"the moon raises {q}"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_supervisor_delegates_to_two_agents_and_gets_results_back(memory: Any) -> None:
    """create_supervisor: transfer_to_X and transfer_back_to_supervisor become handoffs
    supervisor -> researcher -> supervisor -> writer -> supervisor; the researcher's own
    model and tool steps nest under its agent span as `chat` and `execute_tool` spans."""
    from langgraph_supervisor import create_supervisor

    researcher = _agent(
        "researcher",
        [_call("lookup", "r1", q="tides"), AIMessage(content="tides come from the moon")],
        [lookup],
    )
    writer = _agent("writer", [AIMessage(content="A teaser about tides")], [])
    supervisor = Scripted(
        responses=[
            _call("transfer_to_researcher", "s1"),
            _call("transfer_to_writer", "s2"),
            AIMessage(content="done"),
        ]
    )
    provider, exporter = memory
    app = cg_langgraph.instrument(
        create_supervisor([researcher, writer], model=supervisor).compile(),
        tracer_provider=provider,
    )
    out = app.invoke({"messages": [{"role": "user", "content": "a teaser about tides"}]})
    assert out["messages"][-1].content == "done"
    spans = _ordered(exporter.get_finished_spans())
    assert _run_level(spans, "handoff") == [
        "handoff supervisor -> researcher",
        "handoff researcher -> supervisor",
        "handoff supervisor -> writer",
        "handoff writer -> supervisor",
    ]
    assert _run_level(spans, "invoke_agent") == [
        "invoke_agent supervisor",
        "invoke_agent researcher",
        "invoke_agent supervisor",
        "invoke_agent writer",
        "invoke_agent supervisor",
    ]
    (research,) = [s for s in spans if s.name == "invoke_agent researcher"]
    inner = [
        s.name
        for s in spans
        if s.parent is not None and s.parent.span_id == research.context.span_id
    ]
    assert inner == ["chat", "execute_tool lookup", "chat"]
    for span in spans:
        assert span.status.status_code is StatusCode.UNSET
        assert not span.attributes.get(semconv.HANDOFF_VIOLATIONS)


def test_swarm_passes_control_between_agents(memory: Any) -> None:
    """create_swarm: alice's transfer_to_bob (Command(graph=PARENT)) is handoff alice -> bob;
    LangGraph's routed entry step is no agent."""
    from langgraph_swarm import create_handoff_tool, create_swarm

    alice = _agent(
        "alice", [_call("transfer_to_bob", "a1")], [create_handoff_tool(agent_name="bob")]
    )
    bob = _agent(
        "bob",
        [AIMessage(content="tides come from the moon")],
        [create_handoff_tool(agent_name="alice")],
    )
    provider, exporter = memory
    app = cg_langgraph.instrument(
        create_swarm([alice, bob], default_active_agent="alice").compile(),
        tracer_provider=provider,
    )
    out = app.invoke({"messages": [{"role": "user", "content": "why tides?"}]})
    assert out["active_agent"] == "bob"
    spans = _ordered(exporter.get_finished_spans())
    assert _run_level(spans, "handoff") == ["handoff alice -> bob"]
    assert _run_level(spans, "invoke_agent") == ["invoke_agent alice", "invoke_agent bob"]
    (handoff,) = [s for s in spans if s.name == "handoff alice -> bob"]
    assert handoff.attributes[semconv.HANDOFF_VIOLATIONS] == ()
    assert "messages" in handoff.attributes[semconv.HANDOFF_PAYLOAD_KEYS]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_supervised_agent_whose_tool_raises_fails_inside_that_agent(memory: Any) -> None:
    """An error inside a supervised agent's own graph passes through unchanged and is
    recorded on the step that raised, nested under that agent."""
    from langgraph_supervisor import create_supervisor

    def lookup(q: str) -> str:
        """Look up facts about a topic."""
        raise ConnectionError("facts service unreachable")

    researcher = _agent("researcher", [_call("lookup", "r1", q="tides")], [lookup])
    supervisor = Scripted(responses=[_call("transfer_to_researcher", "s1")])
    provider, exporter = memory
    app = cg_langgraph.instrument(
        create_supervisor([researcher], model=supervisor).compile(), tracer_provider=provider
    )
    with pytest.raises(ConnectionError):
        app.invoke({"messages": [{"role": "user", "content": "why tides?"}]})
    spans = _ordered(exporter.get_finished_spans())
    (research,) = [s for s in spans if s.name == "invoke_agent researcher"]
    (tools,) = [s for s in spans if s.name == "execute_tool lookup" and s.parent
                and s.parent.span_id == research.context.span_id]  # fmt: skip
    assert tools.status.status_code is StatusCode.ERROR
    assert tools.attributes[semconv.ERROR_TYPE].endswith("ConnectionError")
    assert research.status.status_code is StatusCode.ERROR


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_failure_in_a_supervised_agents_tool_call_names_that_agent(
    memory: Any, tmp_path: Path
) -> None:
    """The nodes of a supervised agent's own graph are its steps (coordgap.agent.owner),
    not agents: the researcher's failing tool call is an `execute_tool lookup` span
    under the researcher, the root-cause span, blamed on the researcher whose step it
    is, with the researcher's span the next evidence."""
    from langgraph_supervisor import create_supervisor

    def lookup(q: str) -> str:
        """Look up facts about a topic."""
        raise ConnectionError("facts service unreachable")

    researcher = _agent("researcher", [_call("lookup", "r1", q="tides")], [lookup])
    supervisor = Scripted(responses=[_call("transfer_to_researcher", "s1")])
    provider, exporter = memory
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(tmp_path / "spans")))
    app = cg_langgraph.instrument(
        create_supervisor([researcher], model=supervisor).compile(), tracer_provider=provider
    )
    with pytest.raises(ConnectionError):
        app.invoke({"messages": [{"role": "user", "content": "why tides?"}]})
    spans = _ordered(exporter.get_finished_spans())
    owners = {
        (s.name, s.attributes.get(semconv.AGENT_OWNER))
        for s in spans
        if not s.name.startswith(("handoff", "invoke_workflow"))
    }
    assert owners == {
        ("invoke_agent supervisor", None),
        ("invoke_agent researcher", None),
        ("chat", "supervisor"),
        ("execute_tool transfer_to_researcher", "supervisor"),
        ("chat", "researcher"),
        ("execute_tool lookup", "researcher"),
    }
    (research,) = [s for s in spans if s.name == "invoke_agent researcher"]
    (tools,) = [s for s in spans if s.name == "execute_tool lookup"]

    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        (failure,) = store.analyze().failures.to_dicts()
    assert (failure["category"], failure["agent"]) == ("generation", "researcher")
    assert failure["span_id"] == f"{tools.context.span_id:016x}"
    assert failure["span_name"] == "execute_tool lookup"
    assert failure["reason"] == "`researcher` raised ConnectionError in `execute_tool lookup`"
    assert failure["evidence"][:2] == [
        f"{tools.context.span_id:016x}",
        f"{research.context.span_id:016x}",
    ]
