"""LangGraph integration: spans written for real LangGraph graphs (plain-function nodes)."""

from __future__ import annotations

import asyncio
import logging
import operator
from typing import Annotated, Any, Literal, TypedDict

import pytest
from integration_support import by_name, need

need("langgraph")

from langchain_core.callbacks import BaseCallbackHandler  # noqa: E402
from langchain_core.messages import AIMessage, HumanMessage  # noqa: E402
from langgraph.graph import END, START, StateGraph  # noqa: E402
from langgraph.graph.message import add_messages  # noqa: E402
from opentelemetry import trace  # noqa: E402
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import langgraph as cg_langgraph  # noqa: E402
from tracer.testing import raise_internal_errors, reset_once  # noqa: E402


class Draft(TypedDict, total=False):
    topic: str
    brand_voice: str | None
    draft: str
    attempts: int
    approved: bool


class Chat(TypedDict):
    messages: Annotated[list[Any], add_messages]


class Planned(TypedDict, total=False):
    subtasks: list[dict[str, str]]
    ok: bool
    tries: Annotated[int, operator.add]


def _writer_verifier(*, drop: bool = False, max_attempts: int = 2) -> Any:
    """writer -> verifier, with a conditional edge back to writer until approved."""

    def writer(state: Draft) -> dict[str, Any]:
        update: dict[str, Any] = {
            "draft": f"a teaser about {state['topic']}",
            "attempts": state.get("attempts", 0) + 1,
        }
        if drop:
            update["brand_voice"] = None
        return update

    def verifier(state: Draft) -> dict[str, Any]:
        return {"approved": state["attempts"] >= max_attempts}

    def route(state: Draft) -> Literal["writer", "__end__"]:
        return END if state["approved"] else "writer"

    graph = StateGraph(Draft)
    graph.add_node("writer", writer)
    graph.add_node("verifier", verifier)
    graph.add_edge(START, "writer")
    graph.add_edge("writer", "verifier")
    graph.add_conditional_edges("verifier", route)
    return graph.compile()


def test_retry_loop_becomes_agents_handoffs_and_verdicts(memory: Any) -> None:
    """Nodes -> agent/verify spans, edges -> handoffs, the loop back -> a reject then accept."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_writer_verifier(), tracer_provider=provider)
    result = app.invoke({"topic": "tides", "brand_voice": "calm"})
    assert result["approved"] is True

    finished = exporter.get_finished_spans()
    assert len({s.context.trace_id for s in finished}) == 1
    named = by_name(finished)
    (run,) = named["invoke_workflow LangGraph"]
    assert run.parent is None
    assert run.attributes[semconv.GEN_AI_OPERATION_NAME] == semconv.OP_INVOKE_WORKFLOW
    assert [s.attributes[semconv.STAGE] for s in named["invoke_agent writer"]] == [
        semconv.STAGE_GENERATION
    ] * 2
    verdicts = [
        (
            s.attributes[semconv.VERIFY_VERDICT],
            s.attributes[semconv.VERIFY_ATTEMPT],
            s.attributes[semconv.VERIFY_REASON],
        )
        for s in named["verify verifier"]
    ]
    assert verdicts == [
        (semconv.VERDICT_REJECT, 1, "routed back to writer"),
        (semconv.VERDICT_ACCEPT, 2, "routed to __end__"),
    ]
    event = named["verify verifier"][0].events[0]
    assert event.name == semconv.GEN_AI_EVALUATION_RESULT_EVENT
    assert event.attributes[semconv.GEN_AI_EVALUATION_SCORE_LABEL] == semconv.VERDICT_REJECT
    assert len(named["handoff writer -> verifier"]) == 2
    (back,) = named["handoff verifier -> writer"]
    assert back.attributes[semconv.HANDOFF_KEYS_ADDED] == ("approved",)
    for span in finished:
        if span is not run:
            assert span.parent is not None and span.parent.span_id == run.context.span_id


def test_handoff_records_fingerprint_and_state_diff(memory: Any) -> None:
    """The handoff carries hash, size, keys, and the keys added/changed since the source read."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_writer_verifier(), tracer_provider=provider)
    app.invoke({"topic": "tides", "brand_voice": "calm"})
    first, second = by_name(exporter.get_finished_spans())["handoff writer -> verifier"]
    attrs = first.attributes
    assert attrs[semconv.STAGE] == semconv.STAGE_HANDOFF
    assert attrs[semconv.HANDOFF_SOURCE] == "writer"
    assert attrs[semconv.HANDOFF_TARGET] == "verifier"
    assert attrs[semconv.GEN_AI_HANDOFF_TARGET_NAME] == "verifier"
    assert attrs[semconv.HANDOFF_PAYLOAD_KEYS] == ("attempts", "brand_voice", "draft", "topic")
    assert len(attrs[semconv.HANDOFF_PAYLOAD_HASH]) == 64
    assert attrs[semconv.HANDOFF_PAYLOAD_SIZE] > 0
    assert attrs[semconv.HANDOFF_KEYS_ADDED] == ("attempts", "draft")
    assert attrs[semconv.HANDOFF_VIOLATIONS] == ()
    assert second.attributes[semconv.HANDOFF_KEYS_CHANGED] == ("attempts",)
    assert second.attributes[semconv.HANDOFF_PAYLOAD_HASH] != attrs[semconv.HANDOFF_PAYLOAD_HASH]


def test_dropped_key_is_a_violation(memory: Any) -> None:
    """A node that empties a state key yields `dropped_key: <key>` on the next handoff."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_writer_verifier(drop=True), tracer_provider=provider)
    app.invoke({"topic": "tides", "brand_voice": "calm"})
    first = by_name(exporter.get_finished_spans())["handoff writer -> verifier"][0]
    assert first.attributes[semconv.HANDOFF_KEYS_DROPPED] == ("brand_voice",)
    assert first.attributes[semconv.HANDOFF_VIOLATIONS] == ("dropped_key: brand_voice",)
    assert first.attributes[semconv.HANDOFF_VIOLATION_COUNT] == 1


def test_carry_limits_which_drops_are_violations(memory: Any) -> None:
    """With `carry`, only dropping a carried key is a violation; the drop is still listed."""
    provider, exporter = memory
    app = cg_langgraph.instrument(
        _writer_verifier(drop=True), tracer_provider=provider, carry=["topic"]
    )
    app.invoke({"topic": "tides", "brand_voice": "calm"})
    first = by_name(exporter.get_finished_spans())["handoff writer -> verifier"][0]
    assert first.attributes[semconv.HANDOFF_KEYS_DROPPED] == ("brand_voice",)
    assert first.attributes[semconv.HANDOFF_VIOLATIONS] == ()
    assert first.attributes[semconv.HANDOFF_CARRY] == ("topic",)


def test_expected_key_missing_and_type_change(memory: Any) -> None:
    """`expects` names keys a node needs; a key changing type is a type mismatch."""

    class State(TypedDict, total=False):
        count: Any
        notes: str

    def first(state: State) -> dict[str, Any]:
        return {"count": "three"}

    def second(state: State) -> dict[str, Any]:
        return {}

    graph = StateGraph(State)
    graph.add_node("first", first)
    graph.add_node("second", second)
    graph.add_edge(START, "first")
    graph.add_edge("first", "second")
    provider, exporter = memory
    app = cg_langgraph.instrument(
        graph.compile(), tracer_provider=provider, expects={"second": ["count", "notes"]}
    )
    app.invoke({"count": 3})
    (handoff,) = by_name(exporter.get_finished_spans())["handoff first -> second"]
    assert handoff.attributes[semconv.HANDOFF_VIOLATIONS] == (
        "type_mismatch: count (int -> str)",
        "missing_key: notes",
    )
    assert handoff.attributes[semconv.HANDOFF_EXPECTS] == "keys: count, notes"


def test_nested_spans_are_children_of_the_node_sync_and_async(memory: Any) -> None:
    """Spans a node opens nest under its agent span, with invoke and with ainvoke."""
    provider, exporter = memory
    otel = provider.get_tracer("test")

    class State(TypedDict, total=False):
        n: int

    def work(state: State) -> dict[str, Any]:
        with otel.start_as_current_span("inner"):
            return {"n": 1}

    async def awork(state: State) -> dict[str, Any]:
        with otel.start_as_current_span("inner"):
            await asyncio.sleep(0)
            return {"n": 2}

    for node in (work, awork):
        exporter.clear()
        graph = StateGraph(State)
        graph.add_node("work", node)
        graph.add_edge(START, "work")
        app = cg_langgraph.instrument(graph.compile(), tracer_provider=provider)
        if node is work:
            app.invoke({"n": 0})
        else:
            asyncio.run(app.ainvoke({"n": 0}))
        named = by_name(exporter.get_finished_spans())
        (inner,) = named["inner"]
        (agent,) = named["invoke_agent work"]
        assert inner.parent is not None and inner.parent.span_id == agent.context.span_id
        # and nothing of ours stays current after the run
        assert not trace.get_current_span().get_span_context().is_valid


def test_content_only_with_capture(memory: Any) -> None:
    """State values never appear in spans unless capture_content is on."""
    provider, exporter = memory
    secret = "calm-secret-voice"
    app = cg_langgraph.instrument(
        _writer_verifier(), tracer_provider=provider, capture_content=False
    )
    app.invoke({"topic": "tides", "brand_voice": secret})
    for span in exporter.get_finished_spans():
        assert secret not in repr(dict(span.attributes or {}))
        assert all(secret not in repr(dict(e.attributes or {})) for e in span.events)
    exporter.clear()
    app = cg_langgraph.instrument(
        _writer_verifier(), tracer_provider=provider, capture_content=True
    )
    app.invoke({"topic": "tides", "brand_voice": secret})
    handoff = by_name(exporter.get_finished_spans())["handoff writer -> verifier"][0]
    assert secret in handoff.attributes[semconv.HANDOFF_PAYLOAD_CONTENT]


def test_node_error_passes_through_and_is_recorded(memory: Any) -> None:
    """The node's exception reaches the caller unchanged; node and run spans record it."""

    class Boom(RuntimeError):
        pass

    raised = Boom("model refused")

    class State(TypedDict, total=False):
        n: int

    def bad(state: State) -> dict[str, Any]:
        raise raised

    graph = StateGraph(State)
    graph.add_node("bad", bad)
    graph.add_edge(START, "bad")
    provider, exporter = memory
    app = cg_langgraph.instrument(graph.compile(), tracer_provider=provider)
    with pytest.raises(Boom) as info:
        app.invoke({"n": 0})
    assert info.value is raised
    named = by_name(exporter.get_finished_spans())
    for name in ("invoke_agent bad", "invoke_workflow LangGraph"):
        (span,) = named[name]
        assert span.status.status_code is StatusCode.ERROR
        assert span.attributes[semconv.ERROR_TYPE].endswith("Boom")


def test_instrumentation_failure_never_breaks_the_graph(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A tracer that throws is logged and swallowed; the graph returns its normal result."""

    class BrokenTracer(trace.NoOpTracer):
        def start_span(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("exporter on fire")

    class BrokenProvider(trace.NoOpTracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
            return BrokenTracer()

    app = cg_langgraph.instrument(_writer_verifier(), tracer_provider=BrokenProvider())
    reset_once()
    with (
        raise_internal_errors(False),
        caplog.at_level(logging.WARNING, logger="coordgap.tracer"),
    ):
        result = app.invoke({"topic": "tides", "brand_voice": "calm"})
    assert result["approved"] is True and result["attempts"] == 2
    assert "internal error" in caplog.text and "langgraph.on_chain_start" in caplog.text


def test_roles_plan_and_verdict_key(memory: Any) -> None:
    """A plan node records its subtasks; `verdict_key` turns a give-up into a reject."""

    def planner(state: Planned) -> dict[str, Any]:
        return {"subtasks": [{"id": "a", "agent": "checker"}, {"id": "b", "agent": ""}]}

    def checker(state: Planned) -> dict[str, Any]:
        return {"ok": False, "tries": 1}

    def route(state: Planned) -> Literal["checker", "__end__"]:
        return "checker" if state["tries"] < 2 else END  # gives up after two tries

    graph = StateGraph(Planned)
    graph.add_node("planner", planner)
    graph.add_node("checker", checker)
    graph.add_edge(START, "planner")
    graph.add_edge("planner", "checker")
    graph.add_conditional_edges("checker", route)
    provider, exporter = memory
    app = cg_langgraph.instrument(
        graph.compile(),
        tracer_provider=provider,
        plan=["planner"],
        verify=["checker"],
        verdict_key="ok",
        actors={"checker": "human"},
    )
    app.invoke({"tries": 0})
    named = by_name(exporter.get_finished_spans())
    (plan,) = named["plan planner"]
    assert plan.attributes[semconv.STAGE] == semconv.STAGE_DECOMPOSITION
    assert plan.attributes[semconv.PLAN_SUBTASK_IDS] == ("a", "b")
    assert plan.attributes[semconv.PLAN_UNASSIGNED] == ("b",)
    checks = named["verify checker"]
    assert [s.attributes[semconv.VERIFY_VERDICT] for s in checks] == ["reject", "reject"]
    assert checks[0].attributes[semconv.ACTOR] == semconv.ACTOR_HUMAN


def test_fan_out_and_join_hand_off_from_each_branch(memory: Any) -> None:
    """Two parallel nodes feeding a third give one handoff from each."""

    class State(TypedDict, total=False):
        parts: Annotated[list[str], operator.add]

    graph = StateGraph(State)
    graph.add_node("left", lambda s: {"parts": ["l"]})
    graph.add_node("right", lambda s: {"parts": ["r"]})
    graph.add_node("join", lambda s: {})
    graph.add_edge(START, "left")
    graph.add_edge(START, "right")
    graph.add_edge("left", "join")
    graph.add_edge("right", "join")
    provider, exporter = memory
    app = cg_langgraph.instrument(graph.compile(), tracer_provider=provider)
    app.invoke({"parts": []})
    names = {s.name for s in exporter.get_finished_spans() if s.name.startswith("handoff")}
    assert names == {"handoff left -> join", "handoff right -> join"}


def test_existing_run_span_is_reused_and_user_callbacks_kept(memory: Any) -> None:
    """Inside a caller's span no extra workflow span is made; invoke-time callbacks still run."""
    provider, exporter = memory
    seen: list[str] = []

    class Recorder(BaseCallbackHandler):
        def on_chain_start(self, serialized: Any, inputs: Any, **kwargs: Any) -> None:
            seen.append(str(kwargs.get("name")))

    app = cg_langgraph.instrument(_writer_verifier(), tracer_provider=provider)
    app = app.with_config(recursion_limit=20)  # copies keep the instrumentation
    with provider.get_tracer("test").start_as_current_span("my run") as outer:
        app.invoke({"topic": "tides", "brand_voice": "calm"}, {"callbacks": [Recorder()]})
    finished = exporter.get_finished_spans()
    assert not [s for s in finished if s.name.startswith("invoke_workflow")]
    agents = [s for s in finished if s.name == "invoke_agent writer"]
    assert agents and all(s.parent.span_id == outer.get_span_context().span_id for s in agents)
    assert "writer" in seen
    exporter.clear()
    cg_langgraph.uninstrument(app).invoke({"topic": "tides", "brand_voice": "calm"})
    assert exporter.get_finished_spans() == ()


def test_invalid_role_fails_at_setup() -> None:
    """A misspelt role raises ValueError when instrumenting, not during a run."""
    with pytest.raises(ValueError, match="role 'verifyy'"):
        cg_langgraph.instrument(_writer_verifier(), roles={"verifier": "verifyy"})


def test_handoff_violations_are_carried_drops_type_changes_and_missing_expected_keys() -> None:
    """violations(): every dropped key unless `carry` narrows them, then type changes,
    then expected keys the target received missing or None."""
    from tracer.integrations._langgraph_handoff import violations

    diff = {"dropped": ["brand_voice", "notes"], "type_changed": ["draft: str -> int"]}
    state = {"topic": "tides", "outline": None}
    assert violations(diff, state, ["topic", "outline"], None) == [
        "dropped_key: brand_voice",
        "dropped_key: notes",
        "type_mismatch: draft: str -> int",
        "missing_key: outline",
    ]
    assert violations(diff, state, [], ["brand_voice"]) == [
        "dropped_key: brand_voice",
        "type_mismatch: draft: str -> int",
    ]


def test_an_agent_that_returns_its_whole_conversation_said_only_what_it_added(
    memory: Any,
) -> None:
    """A swarm or supervisor agent's node returns its subgraph's whole message list:
    its output content holds the messages it added, not the ones it was given."""

    def lead(state: Chat) -> dict[str, Any]:
        return {"messages": [AIMessage("Plan: count the rows of sales_q3.csv.", id="m-lead")]}

    def worker(state: Chat) -> dict[str, Any]:
        return {"messages": [*state["messages"], AIMessage("Done: 4812 rows.", id="m-work")]}

    graph = StateGraph(Chat)
    graph.add_node("lead", lead)
    graph.add_node("worker", worker)
    graph.add_edge(START, "lead")
    graph.add_edge("lead", "worker")
    provider, exporter = memory
    app = cg_langgraph.instrument(graph.compile(), tracer_provider=provider, capture_content=True)
    app.invoke({"messages": [HumanMessage("How many rows in sales_q3.csv?", id="m-task")]})
    said = by_name(exporter.get_finished_spans())["invoke_agent worker"][0]
    output = said.attributes[semconv.OUTPUT_CONTENT]
    assert "4812" in output
    assert "Plan: count" not in output and "How many rows" not in output


def test_stream_loop_body_is_outside_the_run_and_early_stop_is_no_failure(memory: Any) -> None:
    """While the caller iterates stream(), its own context is current; breaking off early
    ends the run span without marking it failed."""
    provider, exporter = memory
    app = cg_langgraph.instrument(_writer_verifier(), tracer_provider=provider)
    for _chunk in app.stream({"topic": "tides", "brand_voice": "calm"}):
        assert not trace.get_current_span().get_span_context().is_valid
        break
    assert not trace.get_current_span().get_span_context().is_valid
    (run,) = by_name(exporter.get_finished_spans())["invoke_workflow LangGraph"]
    assert run.status.status_code is StatusCode.UNSET
