"""LangGraph's own control flow under the native integration: subgraphs, interrupt and
resume, Send fan-out, and retry policies."""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict

import pytest
from integration_support import by_name, need

need("langgraph")

from langgraph.graph import START, StateGraph  # noqa: E402
from langgraph.types import Send  # noqa: E402
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import langgraph as cg_langgraph  # noqa: E402


class Research(TypedDict, total=False):
    question: str
    notes: str
    answer: Any


def test_subgraph_nodes_nest_under_the_outer_node(memory: Any) -> None:
    """A compiled subgraph used as a node: its nodes are that agent's steps, plain spans
    under it (owner the node, no agent name), with no handoffs between them."""
    inner = StateGraph(Research)
    inner.add_node("search", lambda s: {"notes": "found"})
    inner.add_node("summarize", lambda s: {"answer": "short"})
    inner.add_edge(START, "search")
    inner.add_edge("search", "summarize")
    outer = StateGraph(Research)
    outer.add_node("research", inner.compile())
    outer.add_node("publish", lambda s: {})
    outer.add_edge(START, "research")
    outer.add_edge("research", "publish")
    provider, exporter = memory
    app = cg_langgraph.instrument(outer.compile(), tracer_provider=provider)
    assert app.invoke({"question": "why"})["answer"] == "short"
    named = by_name(exporter.get_finished_spans())
    (research,) = named["invoke_agent research"]
    for name in ("search", "summarize"):
        (span,) = named[name]
        assert span.parent.span_id == research.context.span_id
        assert span.attributes[semconv.AGENT_OWNER] == "research"
        assert semconv.GEN_AI_AGENT_NAME not in span.attributes
        assert semconv.GEN_AI_OPERATION_NAME not in span.attributes
    assert not [n for n in named if n.startswith("handoff search")]
    assert research.attributes[semconv.ACTOR] == semconv.ACTOR_CODE
    (out,) = named["handoff research -> publish"]
    assert out.attributes[semconv.HANDOFF_KEYS_ADDED] == ("answer", "notes")


def _approval_graph(*, fail_after: bool = False) -> Any:
    """write -> approve (asks a human with interrupt()) -> publish, on a checkpointer."""
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.types import interrupt

    def approve(state: Research) -> dict[str, Any]:
        return {"answer": interrupt({"notes": state["notes"]})}

    def publish(state: Research) -> dict[str, Any]:
        if fail_after:
            raise RuntimeError("printer jammed")
        return {}

    graph = StateGraph(Research)
    graph.add_node("write", lambda s: {"notes": "draft"})
    graph.add_node("approve", approve)
    graph.add_node("publish", publish)
    graph.add_edge(START, "write")
    graph.add_edge("write", "approve")
    graph.add_edge("approve", "publish")
    return graph.compile(checkpointer=InMemorySaver())


def test_interrupt_and_resume_are_one_run_with_a_human_step(memory: Any) -> None:
    """interrupt() hands off to a human; Command(resume=...) in a second invocation on the
    same thread continues the same trace: human agent span, handoff human -> node, one run."""
    from langgraph.types import Command

    provider, exporter = memory
    app = cg_langgraph.instrument(_approval_graph(), tracer_provider=provider)
    config: Any = {"configurable": {"thread_id": "ticket-7"}}
    assert "__interrupt__" in app.invoke({"question": "why"}, config)
    assert app.invoke(Command(resume="yes"), config)["answer"] == "yes"
    finished = exporter.get_finished_spans()
    assert len({s.context.trace_id for s in finished}) == 1
    named = by_name(finished)
    (run,) = named["invoke_workflow LangGraph"]
    assert run.attributes[semconv.GEN_AI_CONVERSATION_ID] == "ticket-7"
    assert [s.name for s in sorted(finished, key=lambda s: s.start_time or 0) if s is not run] == [
        "invoke_agent write",
        "handoff write -> approve",
        "invoke_agent approve",
        "handoff approve -> human",
        "invoke_agent human",
        "handoff human -> approve",
        "invoke_agent approve",
        "handoff approve -> publish",
        "invoke_agent publish",
    ]
    (person,) = named["invoke_agent human"]
    assert person.attributes[semconv.ACTOR] == semconv.ACTOR_HUMAN
    assert person.attributes[semconv.RESUMED] is True
    asked, answered = named["handoff approve -> human"][0], named["handoff human -> approve"][0]
    assert asked.attributes[semconv.HANDOFF_PAYLOAD_KEYS] == ("notes",)
    assert person.start_time == asked.start_time and person.end_time <= answered.start_time
    for span in finished:
        assert span.status.status_code is StatusCode.UNSET
        if span is not run:
            assert span.parent is not None and span.parent.span_id == run.context.span_id


def test_failure_after_resume_fails_the_run(memory: Any) -> None:
    """A node that raises after the resume fails the run (a late outcome span in its trace);
    another thread starts a run of its own."""
    from langgraph.types import Command

    provider, exporter = memory
    app = cg_langgraph.instrument(_approval_graph(fail_after=True), tracer_provider=provider)
    config: Any = {"configurable": {"thread_id": "ticket-8"}}
    app.invoke({"question": "why"}, config)
    with pytest.raises(RuntimeError):
        app.invoke(Command(resume="no"), config)
    app.invoke({"question": "other"}, {"configurable": {"thread_id": "ticket-9"}})
    finished = exporter.get_finished_spans()
    assert len({s.context.trace_id for s in finished}) == 2
    named = by_name(finished)
    (outcome,) = named[semconv.OUTCOME_SPAN_NAME]
    assert outcome.attributes[semconv.OUTCOME] == semconv.OUTCOME_FAILURE
    assert outcome.attributes[semconv.OUTCOME_REASON] == "RuntimeError after the resume"
    (publish,) = named["invoke_agent publish"]
    assert publish.status.status_code is StatusCode.ERROR
    assert outcome.context.trace_id == publish.context.trace_id


class Fan(TypedDict, total=False):
    topics: list[str]
    topic: str
    drafts: Annotated[list[str], operator.add]


def _fan_out() -> Any:
    """plan -> Send one `write` per topic -> merge (map-reduce), compiled."""
    graph = StateGraph(Fan)
    graph.add_node("plan", lambda s: {"topics": ["x", "y"]})
    graph.add_node("write", lambda s: {"drafts": [s["topic"]]})
    graph.add_node("merge", lambda s: {})
    graph.add_edge(START, "plan")
    graph.add_conditional_edges(
        "plan", lambda s: [Send("write", {"topic": t}) for t in s["topics"]], ["write"]
    )
    graph.add_edge("write", "merge")
    return graph.compile()


def test_send_fan_out_hands_off_to_each_branch(memory: Any) -> None:
    """Map-reduce with Send: one handoff into each pushed task and one out of each."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_fan_out(), tracer_provider=provider)
    assert sorted(app.invoke({"drafts": []})["drafts"]) == ["x", "y"]
    named = by_name(exporter.get_finished_spans())
    assert len(named["handoff plan -> write"]) == 2
    assert len(named["handoff write -> merge"]) == 2
    assert len(named["invoke_agent write"]) == 2


def test_send_checks_keys_against_what_was_sent(memory: Any) -> None:
    """A Send's payload leaves parent keys out by design: no dropped keys into or out of
    the branch; the handoff fingerprints the arg; `expects` still checks the target."""

    class Briefed(TypedDict, total=False):
        goal: str
        brief: str
        topics: list[str]
        topic: str
        drafts: Annotated[list[str], operator.add]

    graph = StateGraph(Briefed)
    graph.add_node("plan", lambda s: {"topics": ["x", "y"], "brief": "short"})
    graph.add_node("write", lambda s: {"drafts": [s["topic"]]})
    graph.add_node("merge", lambda s: {})
    graph.add_edge(START, "plan")
    graph.add_conditional_edges(
        "plan",
        lambda s: [Send("write", {"topic": t} if t == "x" else {"tone": t}) for t in s["topics"]],
        ["write"],
    )
    graph.add_edge("write", "merge")
    provider, exporter = memory
    app = cg_langgraph.instrument(
        graph.compile(), tracer_provider=provider, expects={"write": ["topic"]}
    )
    with pytest.raises(KeyError):  # the second branch got no topic
        app.invoke({"goal": "g", "drafts": []})
    named = by_name(exporter.get_finished_spans())
    sent = named["handoff plan -> write"]
    assert [s.attributes[semconv.HANDOFF_PAYLOAD_KEYS] for s in sent] == [("topic",), ("tone",)]
    assert [s.attributes[semconv.HANDOFF_KEYS_DROPPED] for s in sent] == [(), ()]
    assert [s.attributes[semconv.HANDOFF_VIOLATIONS] for s in sent] == [
        (),
        ("missing_key: topic",),
    ]
    (agent,) = named["invoke_agent plan"]
    writes = named["invoke_agent write"]
    assert len(writes) == 2
    assert all(w.parent.span_id == agent.parent.span_id for w in writes)  # siblings


def test_send_branches_hand_their_output_on_without_drops(memory: Any) -> None:
    """Out of a Send branch, what the branch wrote is the baseline, not its private input."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_fan_out(), tracer_provider=provider)
    app.invoke({"drafts": []})
    finished = exporter.get_finished_spans()
    handoffs = [s for s in finished if s.name.startswith("handoff")]
    assert len(handoffs) == 4
    assert all(s.attributes[semconv.HANDOFF_VIOLATIONS] == () for s in handoffs)


def _flaky_graph(failures: int) -> Any:
    """One node with a RetryPolicy of three attempts that raises `failures` times."""
    from langgraph.types import RetryPolicy

    class State(TypedDict, total=False):
        n: int

    calls: list[int] = []

    def flaky(state: State) -> dict[str, Any]:
        calls.append(1)
        if len(calls) <= failures:
            raise ConnectionError("try again")
        return {"n": len(calls)}

    policy = RetryPolicy(max_attempts=3, initial_interval=0.001, jitter=False)
    graph = StateGraph(State)
    graph.add_node("flaky", flaky, retry_policy=policy)
    graph.add_node("after", lambda s: {})
    graph.add_edge(START, "flaky")
    graph.add_edge("flaky", "after")
    return graph.compile()


def test_retry_policy_attempts_are_one_node_that_succeeds(memory: Any) -> None:
    """Attempts a RetryPolicy makes are one agent span with its attempt count and a retry
    event per failed attempt; a node that finally succeeds fails nothing."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_flaky_graph(failures=2), tracer_provider=provider)
    assert app.invoke({"n": 0})["n"] == 3
    named = by_name(exporter.get_finished_spans())
    (flaky,) = named["invoke_agent flaky"]
    assert flaky.status.status_code is StatusCode.UNSET
    assert flaky.attributes[semconv.ATTEMPT] == 3
    retries = [e for e in flaky.events if e.name == semconv.RETRY_EVENT]
    assert [e.attributes[semconv.ATTEMPT] for e in retries] == [1, 2]
    assert {e.attributes[semconv.ERROR_TYPE] for e in retries} == {"ConnectionError"}
    assert not [e for e in flaky.events if e.name == semconv.EXCEPTION_EVENT]
    (run,) = named["invoke_workflow LangGraph"]
    assert run.status.status_code is StatusCode.UNSET
    assert len(named["handoff flaky -> after"]) == 1


def test_retry_policy_exhausted_fails_the_node_once(memory: Any) -> None:
    """A node that raises on every attempt is one failed agent span, not three agents."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_flaky_graph(failures=3), tracer_provider=provider)
    with pytest.raises(ConnectionError):
        app.invoke({"n": 0})
    named = by_name(exporter.get_finished_spans())
    (flaky,) = named["invoke_agent flaky"]
    assert flaky.status.status_code is StatusCode.ERROR
    assert flaky.attributes[semconv.ATTEMPT] == 3
    assert flaky.attributes[semconv.ERROR_TYPE].endswith("ConnectionError")
    (run,) = named["invoke_workflow LangGraph"]
    assert run.status.status_code is StatusCode.ERROR
