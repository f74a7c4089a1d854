"""A langgraph-supervisor team as coordgap records it: each agent one span, the nodes of
its own graph (the model and tool nodes of ``create_react_agent``, any nested graph's
nodes) its steps, the supervisor's words on its plan span, a verdict only where the
run shows one, and actors read from what ran inside each node. Scripted chat models."""

from __future__ import annotations

import asyncio
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from integration_support import need

need("langgraph_supervisor")

from langchain_core.language_models.fake_chat_models import (  # noqa: E402
    FakeMessagesListChatModel,
)
from langchain_core.messages import AIMessage  # noqa: E402
from langgraph.graph import START, MessagesState, StateGraph  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)

import analyzer  # noqa: E402
from tracer import semconv  # noqa: E402
from tracer.integrations import langgraph as cg_langgraph  # noqa: E402
from tracer.testing import LocalStoreExporter  # noqa: E402

with warnings.catch_warnings():  # what langgraph-supervisor builds its agents with
    warnings.simplefilter("ignore")
    from langgraph.prebuilt import ToolNode, create_react_agent  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class Scripted(FakeMessagesListChatModel):
    """A chat model that replies from a script, tool calls included."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


def _call(tool: str, call_id: str, text: str = "", **args: Any) -> AIMessage:
    return AIMessage(content=text, tool_calls=[{"name": tool, "args": args, "id": call_id}])


def lookup(q: str) -> str:
    """Look up facts about a topic."""
    return f"the moon raises {q}"


def _sandbox() -> Any:
    """A graph of plain code: echoes the last message back, no model, no tool."""

    def run(state: MessagesState) -> dict[str, Any]:
        return {"messages": [AIMessage(content="[exit 0]", name="sandbox")]}

    graph = StateGraph(MessagesState)
    graph.add_node("run_cell", run)
    graph.add_edge(START, "run_cell")
    return graph.compile(name="sandbox")


def _team(verdict: str = "No. The moon claim is unsupported.", **options: Any) -> Any:
    """boss -> researcher (a lookup, then its finding) -> sandbox -> checker -> boss."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        researcher = create_react_agent(
            Scripted(
                responses=[_call("lookup", "r1", q="tides"), AIMessage("tides come from the moon")]
            ),
            [lookup],
            name="researcher",
        )
        checker = create_react_agent(Scripted(responses=[AIMessage(verdict)]), [], name="checker")
    boss = Scripted(
        responses=[
            _call("transfer_to_researcher", "s1", "Researcher, find why tides happen."),
            _call("transfer_to_sandbox", "s2", "Run it."),
            _call("transfer_to_checker", "s3", "Checker, is that right?"),
            AIMessage("Filed."),
        ]
    )
    from langgraph_supervisor import create_supervisor

    team = create_supervisor(
        [researcher, _sandbox(), checker], model=boss, supervisor_name="boss"
    ).compile(name="team")
    return cg_langgraph.instrument(team, plan=["boss"], verify=["checker"], **options)


def _run(app: Any) -> None:
    out = app.invoke({"messages": [{"role": "user", "content": "why tides?"}]})
    assert out["messages"][-1].content == "Filed."


def _spans(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0)


def _children(spans: list[ReadableSpan], parent: ReadableSpan) -> list[ReadableSpan]:
    return [s for s in spans if s.parent and s.parent.span_id == parent.context.span_id]


def test_inner_nodes_are_steps_of_their_agent_not_agents(memory: Any) -> None:
    """Only the team's members are agents; the model and tool nodes of each one's graph
    are `chat` and `execute_tool` spans under it (owner the member, no agent name), and
    nothing hands off between them."""
    provider, exporter = memory
    _run(_team(tracer_provider=provider))
    spans = _spans(exporter)
    agents = [s.attributes[semconv.GEN_AI_AGENT_NAME] for s in spans
              if semconv.GEN_AI_AGENT_NAME in s.attributes]  # fmt: skip
    assert agents == ["boss", "researcher", "boss", "sandbox", "boss", "checker", "boss"]
    assert not [s.name for s in spans if s.name.startswith(("handoff agent", "handoff tools"))]
    research = next(s for s in spans if s.name == "invoke_agent researcher")
    steps = _children(spans, research)
    assert [s.name for s in steps] == ["chat", "execute_tool lookup", "chat"]
    for step in steps:
        assert step.attributes[semconv.AGENT_OWNER] == "researcher"
        assert semconv.GEN_AI_AGENT_NAME not in step.attributes
    assert steps[0].attributes[semconv.GEN_AI_OPERATION_NAME] == semconv.OP_CHAT
    assert steps[1].attributes[semconv.GEN_AI_TOOL_NAME] == "lookup"
    assert steps[1].attributes[semconv.GEN_AI_TOOL_CALL_ID] == "r1"
    first_plan = next(s for s in spans if s.name == "plan boss")
    assert [s.name for s in _children(spans, first_plan)] == [
        "chat",
        "execute_tool transfer_to_researcher",
    ]
    sandbox = next(s for s in spans if s.name == "invoke_agent sandbox")
    (cell,) = _children(spans, sandbox)
    assert (cell.name, cell.attributes[semconv.AGENT_OWNER]) == ("run_cell", "sandbox")
    assert semconv.GEN_AI_OPERATION_NAME not in cell.attributes


def test_supervisor_plan_span_carries_what_its_model_said(memory: Any) -> None:
    """The supervisor's node ends in the Command its handoff tool sends up: its plan
    span still carries its words (and a worker's span all its model said; its tool's
    reply is on the tool's span)."""
    provider, exporter = memory
    _run(_team(tracer_provider=provider, capture_content=True))
    spans = _spans(exporter)
    plans = [s for s in spans if s.name == "plan boss"]
    said = [json.loads(p.attributes[semconv.OUTPUT_CONTENT])["messages"] for p in plans]
    assert [m[-1]["content"] for m in said] == [
        "Researcher, find why tides happen.",
        "Run it.",
        "Checker, is that right?",
        "Filed.",
    ]
    assert said[0][-1]["tool_calls"][0]["name"] == "transfer_to_researcher"
    research = next(s for s in spans if s.name == "invoke_agent researcher")
    words = json.loads(research.attributes[semconv.OUTPUT_CONTENT])["messages"]
    assert [m["type"] for m in words] == ["ai", "ai"]
    assert words[1]["content"] == "tides come from the moon"
    tool = next(
        s
        for s in spans
        if s.name.startswith("execute_tool")
        and s.parent
        and s.parent.span_id == research.context.span_id
    )
    assert "the moon raises tides" in tool.attributes[semconv.OUTPUT_CONTENT]


def test_handoff_from_the_supervisor_goes_where_its_command_sent_it(memory: Any) -> None:
    """Each handoff from the supervisor names the worker its Command went to, once."""
    provider, exporter = memory
    _run(_team(tracer_provider=provider))
    handoffs = [s.name for s in _spans(exporter) if s.name.startswith("handoff")]
    assert handoffs == [
        "handoff boss -> researcher",
        "handoff researcher -> boss",
        "handoff boss -> sandbox",
        "handoff sandbox -> boss",
        "handoff boss -> checker",
        "handoff checker -> boss",
    ]


@pytest.mark.parametrize(
    ("words", "verdict"),
    [
        ("No. The moon claim is unsupported.", None),  # a refusal in prose: no guess
        ("Looks fine to me.", None),  # nor an accept read into prose
        ("Rejected.", semconv.VERDICT_REJECT),
        ("approved", semconv.VERDICT_ACCEPT),
    ],
)
def test_supervised_verifier_verdict_only_from_evidence(
    memory: Any, words: str, verdict: str | None
) -> None:
    """A worker routes back to its supervisor whatever it found, so its routing is no
    verdict: the verdict is its own words when they are one, else there is none."""
    provider, exporter = memory
    _run(_team(words, tracer_provider=provider))
    (check,) = [s for s in _spans(exporter) if s.name == "verify checker"]
    assert check.attributes.get(semconv.VERIFY_VERDICT) == verdict
    assert check.attributes[semconv.VERIFY_ATTEMPT] == 1
    events = [e.name for e in check.events]
    assert (semconv.GEN_AI_EVALUATION_RESULT_EVENT in events) == (verdict is not None)


def test_actors_follow_what_ran_inside_each_node(memory: Any) -> None:
    """Without actors=: a member whose steps ran a chat model is `model`, the plain code
    graph is `code`; handoffs carry the same actors; a user's actors= still wins."""
    provider, exporter = memory
    _run(_team(tracer_provider=provider))
    spans = _spans(exporter)
    actors = {
        s.attributes[semconv.GEN_AI_AGENT_NAME]: s.attributes[semconv.ACTOR]
        for s in spans
        if semconv.GEN_AI_AGENT_NAME in s.attributes
    }
    assert actors == {"boss": "model", "researcher": "model", "sandbox": "code", "checker": "model"}
    ends = {
        s.name: (
            s.attributes[semconv.HANDOFF_SOURCE_ACTOR],
            s.attributes[semconv.HANDOFF_TARGET_ACTOR],
        )
        for s in spans
        if s.name.startswith("handoff")
    }
    assert ends["handoff boss -> researcher"] == ("model", "model")
    assert ends["handoff boss -> sandbox"] == ("model", "code")
    assert ends["handoff sandbox -> boss"] == ("code", "model")
    exporter.clear()
    _run(_team(tracer_provider=provider, actors={"checker": "human"}))
    (check,) = [s for s in _spans(exporter) if s.name == "verify checker"]
    assert check.attributes[semconv.ACTOR] == "human"


def test_a_tool_node_of_the_graph_itself_is_a_tool(memory: Any) -> None:
    """A ToolNode used as a node of the traced graph is an agent whose actor is `tool`."""

    def ask(state: MessagesState) -> dict[str, Any]:
        return {"messages": [_call("lookup", "t1", q="tides")]}

    graph = StateGraph(MessagesState)
    graph.add_node("ask", ask)
    graph.add_node("tools", ToolNode([lookup]))
    graph.add_edge(START, "ask")
    graph.add_edge("ask", "tools")
    provider, exporter = memory
    app = cg_langgraph.instrument(graph.compile(), tracer_provider=provider)
    app.invoke({"messages": [{"role": "user", "content": "why tides?"}]})
    actors = {
        s.attributes[semconv.GEN_AI_AGENT_NAME]: s.attributes[semconv.ACTOR]
        for s in _spans(exporter)
        if semconv.GEN_AI_AGENT_NAME in s.attributes
    }
    assert actors == {"ask": "code", "tools": "tool"}


def test_async_run_records_the_same_steps(memory: Any) -> None:
    """ainvoke: the same agents, steps and handoffs as invoke."""
    provider, exporter = memory
    app = _team(tracer_provider=provider)
    out = asyncio.run(app.ainvoke({"messages": [{"role": "user", "content": "why tides?"}]}))
    assert out["messages"][-1].content == "Filed."
    spans = _spans(exporter)
    research = next(s for s in spans if s.name == "invoke_agent researcher")
    assert [s.name for s in _children(spans, research)] == ["chat", "execute_tool lookup", "chat"]
    assert not [s for s in spans if s.attributes.get(semconv.GEN_AI_AGENT_NAME) == "agent"]


def test_analyzer_sees_only_the_team_as_agents(memory: Any, tmp_path: Path) -> None:
    """Ingested, the run's agents are the team's members and the tool one of them
    called, with their actors: no `agent` or `tools`."""
    provider, _ = memory
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(tmp_path / "spans")))
    _run(_team(tracer_provider=provider))
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = store.analyze().agents.select("agent", "actor").rows()
    assert set(rows) == {
        ("boss", "model"),
        ("researcher", "model"),
        ("sandbox", "code"),
        ("checker", "model"),
        ("lookup", "tool"),
    }
