"""CrewAI integration: real crews and flows driven by a scripted BaseLLM, spans in memory."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import crewai_support  # noqa: F401 - sets CrewAI's environment before CrewAI loads
import pytest
from integration_support import need

need("crewai")

from crewai import Agent, Crew, Process, Task  # noqa: E402
from crewai.flow.flow import Flow, listen, router, start  # noqa: E402
from crewai.tools import tool  # noqa: E402
from crewai_support import ScriptedLLM, act, final  # noqa: E402
from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import crewai as cg_crewai  # noqa: E402
from tracer.testing import raise_internal_errors, reset_once  # noqa: E402


@tool("lookup")
def lookup(term: str) -> str:
    """Look a fact up."""
    if term == "boom":
        raise ConnectionError("archive backend unreachable")
    return f"private fact about {term}"


def short_drafts_fail(output: Any):  # type: ignore[no-untyped-def] # CrewAI checks annotations
    """Reject drafts under 20 characters."""
    return (len(output.raw) >= 20, output.raw if len(output.raw) >= 20 else "too short")


@pytest.fixture
def spans() -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield provider, exporter
    cg_crewai.uninstrument()


def _named(exporter: InMemorySpanExporter) -> dict[str, list[ReadableSpan]]:
    out: dict[str, list[ReadableSpan]] = {}
    for span in sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0):
        out.setdefault(span.name, []).append(span)
    return out


def _parent_name(exporter: InMemorySpanExporter, span: ReadableSpan) -> str | None:
    assert span.parent is not None
    for other in exporter.get_finished_spans():
        if other.context.span_id == span.parent.span_id:
            return other.name
    return None


def _crew(
    term: str = "tides", drafts: tuple[str, ...] = ("A teaser about tides, long enough",)
) -> Crew:
    researcher = Agent(
        role="researcher",
        goal="find facts",
        backstory="archivist",
        tools=[lookup],
        llm=ScriptedLLM(
            [act("lookup", json.dumps({"term": term})), final("tides follow the Moon")]
        ),
    )
    writer = Agent(
        role="writer",
        goal="write",
        backstory="copywriter",
        llm=ScriptedLLM([final(d) for d in drafts]),
    )
    research = Task(
        name="research", description="Research {topic}", expected_output="facts", agent=researcher
    )
    write = Task(
        name="write",
        description="Write about {topic}",
        expected_output="a teaser",
        agent=writer,
        context=[research],
        guardrail=short_drafts_fail,
        guardrail_max_retries=1,
    )
    return Crew(name="teaser-crew", agents=[researcher, writer], tasks=[research, write])


def test_sequential_crew_tasks_tools_context_and_guardrail(spans: Any) -> None:
    """Kickoff -> run; tasks -> agent spans; context -> handoff; guardrail retry -> verify x2."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    result = _crew(drafts=("Too short", "A teaser about tides, long enough")).kickoff(
        inputs={"topic": "tides"}
    )
    assert result.raw == "A teaser about tides, long enough"
    assert not trace.get_current_span().get_span_context().is_valid
    named = _named(exporter)
    assert len({s.context.trace_id for s in exporter.get_finished_spans()}) == 1
    (run,) = named["invoke_workflow teaser-crew"]
    (researcher,) = named["invoke_agent researcher"]
    assert researcher.attributes[semconv.TASK_NAME] == "research"
    assert researcher.attributes[semconv.TASK_DESCRIPTION] == "Research {topic}"
    assert researcher.parent.span_id == run.context.span_id
    (tool_span,) = named["execute_tool lookup"]
    assert tool_span.parent.span_id == researcher.context.span_id
    assert tool_span.status.status_code is StatusCode.UNSET
    (handoff,) = named["handoff researcher -> writer"]
    assert handoff.attributes[semconv.HANDOFF_VIOLATION_COUNT] == 0
    assert handoff.attributes[semconv.HANDOFF_PAYLOAD_SIZE] > 0
    verdicts = named["verify short_drafts_fail"]
    assert [v.attributes[semconv.VERIFY_VERDICT] for v in verdicts] == ["reject", "accept"]
    assert [v.attributes[semconv.VERIFY_ATTEMPT] for v in verdicts] == [1, 2]
    assert verdicts[0].attributes[semconv.VERIFY_SUBJECT] == "writer"
    assert verdicts[0].attributes[semconv.ACTOR] == semconv.ACTOR_CODE
    everything = repr([dict(s.attributes) for s in exporter.get_finished_spans()])
    assert "private fact" not in everything and "Moon" not in everything  # content is opt-in


def test_failing_tool_and_exhausted_guardrail_fail_the_run(spans: Any) -> None:
    """A tool that raises is an errored tool span; a guardrail that never passes fails
    the task and the run, with every attempt a reject."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    with pytest.raises(Exception, match="guardrail"):
        _crew(term="boom", drafts=("short", "still short")).kickoff(inputs={"topic": "tides"})
    named = _named(exporter)
    tools = named["execute_tool lookup"]
    assert tools and all(t.status.status_code is StatusCode.ERROR for t in tools)
    assert tools[0].attributes[semconv.ERROR_TYPE] == "ConnectionError"
    verdicts = named["verify short_drafts_fail"]
    assert [v.attributes[semconv.VERIFY_VERDICT] for v in verdicts] == ["reject", "reject"]
    (writer,) = named["invoke_agent writer"]
    assert writer.status.status_code is StatusCode.ERROR
    (run,) = named["invoke_workflow teaser-crew"]
    assert run.status.status_code is StatusCode.ERROR


def test_lost_context_is_a_handoff_violation(spans: Any) -> None:
    """An earlier output that arrives empty, and one `expects` names that never arrives."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider, expects={"editor": ["research"]})
    researcher = Agent(role="researcher", goal="g", backstory="b", llm=ScriptedLLM([final("x")]))
    writer = Agent(role="writer", goal="g", backstory="b", llm=ScriptedLLM([final("draft")]))
    editor = Agent(role="editor", goal="g", backstory="b", llm=ScriptedLLM([final("edited")]))
    research = Task(
        name="research",
        description="Research",
        expected_output="facts",
        agent=researcher,
        guardrail=lambda out: (True, ""),  # a cleanup step that loses everything
    )
    write = Task(
        name="write", description="Write", expected_output="d", agent=writer, context=[research]
    )
    edit = Task(name="edit", description="Edit", expected_output="e", agent=editor, context=[write])
    Crew(agents=[researcher, writer, editor], tasks=[research, write, edit]).kickoff()
    named = _named(exporter)
    (lost,) = named["handoff researcher -> writer"]
    assert lost.attributes[semconv.HANDOFF_VIOLATIONS] == ("dropped_key: research (empty output)",)
    (missing,) = named["handoff researcher -> editor"]
    assert missing.attributes[semconv.HANDOFF_VIOLATIONS][0].startswith("missing_key: research")
    (fine,) = named["handoff writer -> editor"]
    assert fine.attributes[semconv.HANDOFF_VIOLATION_COUNT] == 0


def _hierarchical(coworkers: list[str]) -> Crew:
    researcher = Agent(
        role="researcher",
        goal="g",
        backstory="b",
        tools=[lookup],
        llm=ScriptedLLM([act("lookup", '{"term": "tides"}'), final("tides follow the Moon")]),
    )
    writer = Agent(role="writer", goal="g", backstory="b", llm=ScriptedLLM([final("A teaser")]))
    delegations = [
        act(
            "Delegate work to coworker",
            json.dumps({"task": f"help as {c}", "context": "tides", "coworker": c}),
        )
        for c in coworkers
    ]
    manager_llm = ScriptedLLM([*delegations, final("A teaser")])
    task = Task(name="teaser", description="A teaser about tides", expected_output="teaser")
    return Crew(
        agents=[researcher, writer],
        tasks=[task],
        process=Process.hierarchical,
        manager_llm=manager_llm,
    )


def test_hierarchical_manager_plans_and_delegates(spans: Any) -> None:
    """The manager's task is a plan of its delegations; each delegation is a handoff to the
    coworker, the coworker's agent span (with its tools), and a handoff back; a coworker
    that does not exist leaves a subtask unassigned and a wrong_target violation."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    _hierarchical(["researcher", "Illustrator", "writer"]).kickoff()
    named = _named(exporter)
    (plan,) = named["plan Crew Manager"]
    assert plan.attributes[semconv.STAGE] == semconv.STAGE_DECOMPOSITION
    assert plan.attributes[semconv.PLAN_ASSIGNEES] == ("researcher", "", "writer")
    assert plan.attributes[semconv.PLAN_UNASSIGNED] == ("teaser/2",)
    assert len(named["handoff Crew Manager -> researcher"]) == 1
    assert len(named["handoff researcher -> Crew Manager"]) == 1
    (wrong,) = named["handoff Crew Manager -> Illustrator"]
    assert wrong.attributes[semconv.HANDOFF_VIOLATIONS][0].startswith("wrong_target")
    (coworker,) = named["invoke_agent researcher"]
    assert _parent_name(exporter, coworker) == "plan Crew Manager"
    (tool_span,) = named["execute_tool lookup"]
    assert tool_span.parent.span_id == coworker.context.span_id
    assert not [n for n in named if "coworker" in n]  # delegation tools are handoffs


def test_coworker_span_carries_its_own_answer_only_with_content(spans: Any) -> None:
    """With content capture on, a delegated coworker's agent span records what the
    coworker answered (also handed back to the manager); with it off, it records none."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider, capture_content=True)
    _hierarchical(["researcher"]).kickoff()
    (coworker,) = _named(exporter)["invoke_agent researcher"]
    assert coworker.attributes[semconv.OUTPUT_CONTENT] == "tides follow the Moon"
    (back,) = _named(exporter)["handoff researcher -> Crew Manager"]
    assert "tides follow the Moon" in back.attributes[semconv.HANDOFF_PAYLOAD_CONTENT]
    exporter.clear()
    cg_crewai.instrument(tracer_provider=provider)
    _hierarchical(["researcher"]).kickoff()
    (coworker,) = _named(exporter)["invoke_agent researcher"]
    assert semconv.OUTPUT_CONTENT not in coworker.attributes


def test_planning_records_the_crews_tasks_as_a_plan(spans: Any) -> None:
    """planning=True -> a plan span listing tasks and assignees (overlaps found)."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    plan = {"list_of_plans_per_task": [{"task": "a", "plan": "1"}, {"task": "b", "plan": "2"}]}
    first = Agent(role="researcher", goal="g", backstory="b", llm=ScriptedLLM([final("facts")]))
    second = Agent(role="writer", goal="g", backstory="b", llm=ScriptedLLM([final("teaser")]))
    tasks = [
        Task(name="a", description="Research tides", expected_output="x", agent=first),
        Task(name="b", description="Research  tides", expected_output="y", agent=second),
    ]
    crew = Crew(
        agents=[first, second],
        tasks=tasks,
        planning=True,
        planning_llm=ScriptedLLM([final(json.dumps(plan))]),
    )
    crew.kickoff()
    (span,) = _named(exporter)["plan Task Execution Planner"]
    assert span.attributes[semconv.PLAN_SUBTASK_IDS] == ("a", "b")
    assert span.attributes[semconv.PLAN_ASSIGNEES] == ("researcher", "writer")
    assert span.attributes[semconv.PLAN_OVERLAPS] == ("a~b",)


class _Review(Flow):  # type: ignore[type-arg]
    fail_publish = False

    @start()
    def draft(self) -> str:
        writer = Agent(role="writer", goal="g", backstory="b", llm=ScriptedLLM([final("a draft")]))
        task = Task(description="Draft", expected_output="draft", agent=writer)
        return str(Crew(agents=[writer], tasks=[task]).kickoff().raw)

    @router(draft)
    def triage(self, text: str) -> str:
        return "approved" if "draft" in text else "needs_work"

    @listen("approved")
    def publish(self) -> str:
        if self.fail_publish:
            raise ValueError("CMS down")
        return "published"

    @listen("needs_work")
    def redo(self) -> str:
        return "again"


def test_flow_methods_router_and_nested_crew(spans: Any) -> None:
    """Flow -> run; methods -> agent spans (actor code); the router's route -> handoff;
    a crew kicked off in a method nests under it; a method that raises fails the run."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    assert _Review().kickoff() == "published"
    named = _named(exporter)
    (run,) = named["invoke_workflow _Review"]
    (draft,) = named["invoke_agent draft"]
    assert draft.attributes[semconv.ACTOR] == semconv.ACTOR_CODE
    (nested,) = named["invoke_agent writer"]
    assert nested.parent.span_id == draft.context.span_id
    (routed,) = named["handoff triage -> publish"]
    assert routed.attributes[semconv.HANDOFF_ROUTE] == "approved"
    assert "handoff draft -> triage" in named and "invoke_agent redo" not in named
    assert len({s.context.trace_id for s in exporter.get_finished_spans()}) == 1

    exporter.clear()
    failing = _Review()
    failing.fail_publish = True
    with pytest.raises(ValueError, match="CMS down"):
        failing.kickoff()
    named = _named(exporter)
    (publish,) = named["invoke_agent publish"]
    assert publish.attributes[semconv.ERROR_TYPE] == "ValueError"
    assert named["invoke_workflow _Review"][0].status.status_code is StatusCode.ERROR


def test_verify_role_agent_gives_a_verdict(spans: Any) -> None:
    """verify=[role]: that agent's task is a verify span, accept on an approval word."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider, verify=["reviewer"])
    writer = Agent(role="writer", goal="g", backstory="b", llm=ScriptedLLM([final("draft")]))
    reviewer = Agent(role="reviewer", goal="g", backstory="b", llm=ScriptedLLM([final("No.")]))
    tasks = [
        Task(name="write", description="Write", expected_output="d", agent=writer),
        Task(name="review", description="Review", expected_output="r", agent=reviewer),
    ]
    Crew(agents=[writer, reviewer], tasks=tasks).kickoff()
    (verdict,) = _named(exporter)["verify reviewer"]
    assert verdict.attributes[semconv.VERIFY_VERDICT] == semconv.VERDICT_REJECT
    assert verdict.attributes[semconv.VERIFY_SUBJECT] == "writer"


def test_content_only_with_capture(spans: Any) -> None:
    """capture_content=True records task outputs, tool arguments and handed-over outputs."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider, capture_content=True)
    _crew().kickoff(inputs={"topic": "tides"})
    named = _named(exporter)
    (handoff,) = named["handoff researcher -> writer"]
    assert "Moon" in handoff.attributes[semconv.HANDOFF_PAYLOAD_CONTENT]
    assert "tides" in named["execute_tool lookup"][0].attributes[semconv.INPUT_CONTENT]


def test_inside_an_existing_span_that_span_is_the_run(spans: Any) -> None:
    """A kickoff inside the caller's span joins it (no second workflow span), and the
    caller's code sees its own span again afterwards."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    outer = provider.get_tracer("test")
    with outer.start_as_current_span("invoke_workflow mine") as mine:
        _crew().kickoff(inputs={"topic": "tides"})
        assert trace.get_current_span() is mine
    named = _named(exporter)
    assert "invoke_workflow teaser-crew" not in named
    assert named["invoke_agent researcher"][0].parent.span_id == mine.get_span_context().span_id


def test_instrumentation_failure_never_breaks_the_crew(caplog: pytest.LogCaptureFixture) -> None:
    """A tracer that throws is logged and swallowed; the crew's result is unchanged."""

    class BrokenTracer(trace.NoOpTracer):
        def start_span(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("exporter on fire")

    class BrokenProvider(trace.NoOpTracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
            return BrokenTracer()

    cg_crewai.instrument(tracer_provider=BrokenProvider())
    reset_once()
    try:
        with (
            raise_internal_errors(False),
            caplog.at_level(logging.WARNING, logger="coordgap.tracer"),
        ):
            result = _crew().kickoff(inputs={"topic": "tides"})
    finally:
        cg_crewai.uninstrument()
    assert result.raw == "A teaser about tides, long enough"
    assert "crewai.CrewKickoffStartedEvent" in caplog.text


def test_uninstrument_and_bad_options(spans: Any) -> None:
    """uninstrument() stops the spans; an unknown role or actor fails at set-up."""
    provider, exporter = spans
    cg_crewai.instrument(tracer_provider=provider)
    cg_crewai.uninstrument()
    _crew().kickoff(inputs={"topic": "tides"})
    assert exporter.get_finished_spans() == ()
    with pytest.raises(ValueError, match="role"):
        cg_crewai.instrument(roles={"writer": "boss"})
    with pytest.raises(ValueError, match="actor"):
        cg_crewai.instrument(actors={"writer": "robot"})
