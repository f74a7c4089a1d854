"""Span output of every decorator, pinned as whole dicts (fixed ids and clock)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest
from span_dicts import T1, agent_attrs, sid, span

import tracer
from tracer.testing import Captured, capture


def test_bare_agent_span(spans: Captured) -> None:
    """@tracer.agent bare: name from the function, generation stage, model actor."""

    @tracer.agent
    def writer(topic: str) -> str:
        return topic.upper()

    assert writer("teaser") == "TEASER"
    assert spans.dicts() == [span("invoke_agent writer", 1, 0, 1, agent_attrs("writer"))]


def test_called_agent_span_with_stage_actor_and_id(spans: Captured) -> None:
    """@tracer.agent("x", stage=, actor=, id=) records exactly those."""

    @tracer.agent("assembler", stage="assembly", actor="code", id="asm-1")
    def assemble(parts: list[str]) -> str:
        return " ".join(parts)

    assert assemble(["a", "b"]) == "a b"
    assert spans.dicts() == [
        span(
            "invoke_agent assembler",
            1,
            0,
            1,
            agent_attrs("assembler", "assembly", "code", "asm-1"),
        )
    ]


def test_workflow_span_parents_its_steps_and_takes_the_outcome(spans: Captured) -> None:
    """The workflow is the root; outcome() inside it lands on the run span."""

    @tracer.agent("writer")
    def write() -> str:
        return "draft"

    @tracer.workflow("teaser", conversation_id="conv-7")
    def run() -> str:
        draft = write()
        tracer.outcome(False, "client rejected")
        return draft

    assert run() == "draft"
    assert spans.dicts() == [
        span("invoke_agent writer", 2, 1, 2, agent_attrs("writer"), parent=1),
        span(
            "invoke_workflow teaser",
            1,
            0,
            3,
            {
                "gen_ai.operation.name": "invoke_workflow",
                "gen_ai.conversation.id": "conv-7",
                "gen_ai.workflow.name": "teaser",
                "coordgap.outcome": "failure",
                "coordgap.outcome.reason": "client rejected",
            },
        ),
    ]


def test_tool_span(spans: Captured) -> None:
    """@tracer.tool: execute_tool span, actor tool."""

    @tracer.tool("search")
    def search(query: str) -> list[str]:
        return [query]

    search("q")
    assert spans.dicts() == [
        span(
            "execute_tool search",
            1,
            0,
            1,
            {
                "gen_ai.operation.name": "execute_tool",
                "coordgap.stage": "generation",
                "coordgap.actor": "tool",
                "gen_ai.tool.name": "search",
            },
        )
    ]


@dataclass
class Subtask:
    id: str
    agent: str | None
    scope: str | None = None


def test_plan_span_records_subtasks_and_defects(spans: Captured) -> None:
    """Count, ids, assignees, unassigned, duplicate ids and overlapping scopes."""

    @tracer.plan("supervisor")
    def plan() -> list[Any]:
        return [
            {"id": "intro", "agent": "writer", "scope": "Opening Lines"},
            Subtask("cta", None, "call to action"),
            {"id": "hook", "agent": "writer", "scope": "opening  lines"},
            {"id": "cta", "agent": "editor"},
        ]

    plan()
    assert spans.dicts() == [
        span(
            "plan supervisor",
            1,
            0,
            1,
            {
                "gen_ai.operation.name": "plan",
                "coordgap.stage": "decomposition",
                "coordgap.actor": "model",
                "gen_ai.agent.name": "supervisor",
                "gen_ai.agent.id": "supervisor",
                "coordgap.plan.subtask_count": 4,
                "coordgap.plan.subtask_ids": ["intro", "cta", "hook", "cta"],
                "coordgap.plan.assignees": ["writer", "", "writer", "editor"],
                "coordgap.plan.unassigned": ["cta"],
                "coordgap.plan.duplicates": ["cta"],
                "coordgap.plan.overlaps": ["intro~hook"],
            },
        )
    ]


def verify_attrs(name: str, attempt: int, verdict: str, reason: str | None = None) -> dict:
    attrs = {
        "gen_ai.operation.name": "verify",
        "coordgap.stage": "verification",
        "coordgap.actor": "model",
        "gen_ai.agent.name": name,
        "gen_ai.agent.id": name,
        "coordgap.verify.attempt": attempt,
        "coordgap.verify.verdict": verdict,
    }
    if reason is not None:
        attrs["coordgap.verify.reason"] = reason
    return attrs


def evaluation(name: str, label: str, at: int, reason: str | None = None, score: Any = None):
    attrs: dict[str, Any] = {
        "gen_ai.evaluation.name": name,
        "gen_ai.evaluation.score.label": label,
    }
    if reason is not None:
        attrs["gen_ai.evaluation.explanation"] = reason
    # without a score of its own, a verdict scores 1.0 (accept) or 0.0 (reject)
    attrs["gen_ai.evaluation.score.value"] = (
        (1.0 if label == "accept" else 0.0) if score is None else score
    )
    return {
        "name": "gen_ai.evaluation.result",
        "time": 1_000_000_000 + 1000 * at,
        "attributes": attrs,
    }


def test_verify_span_counts_attempts_per_verifier_within_a_run(spans: Captured) -> None:
    """Attempts count 1, 2 within a run, per verifier name, and restart in a new run."""
    verdicts = iter([tracer.Verdict(False, "off-brand", 0.25), "accept", True])

    @tracer.verify("brand-check")
    def check() -> Any:
        return next(verdicts)

    @tracer.workflow("teaser")
    def run() -> None:
        check()
        check()

    run()
    with capture() as second:
        tracer.workflow("again")(check)()
    assert spans.dicts() == [
        span(
            "verify brand-check",
            2,
            1,
            3,
            verify_attrs("brand-check", 1, "reject", "off-brand"),
            parent=1,
            events=[evaluation("brand-check", "reject", 2, "off-brand", 0.25)],
        ),
        span(
            "verify brand-check",
            3,
            4,
            6,
            verify_attrs("brand-check", 2, "accept"),
            parent=1,
            events=[evaluation("brand-check", "accept", 5)],
        ),
        span(
            "invoke_workflow teaser",
            1,
            0,
            7,
            {
                "gen_ai.operation.name": "invoke_workflow",
                "gen_ai.workflow.name": "teaser",
            },
        ),
    ]
    # A new run (new trace) starts counting again (verify span, then its run).
    assert [d["attributes"].get("coordgap.verify.attempt") for d in second.dicts()] == [1, None]


def test_user_exception_is_recorded_and_passes_through_unchanged(spans: Captured) -> None:
    """error.type, ERROR status, exception event; the very same exception object."""

    class QuotaError(Exception):
        pass

    boom = QuotaError("quota exceeded")

    @tracer.tool("search")
    def search() -> None:
        raise boom

    with pytest.raises(QuotaError) as info:
        search()
    assert info.value is boom
    assert info.value.__traceback__ is not None
    assert info.traceback[-1].name == "search"  # the frame that raised is still last
    test_name = "test_user_exception_is_recorded_and_passes_through_unchanged"
    qual = f"{__name__}.{test_name}.<locals>.QuotaError"
    assert spans.dicts() == [
        span(
            "execute_tool search",
            1,
            0,
            2,
            {
                "gen_ai.operation.name": "execute_tool",
                "coordgap.stage": "generation",
                "coordgap.actor": "tool",
                "gen_ai.tool.name": "search",
                "error.type": qual,
            },
            status="ERROR",
            status_message="QuotaError: quota exceeded",
            events=[
                {
                    "name": "exception",
                    "time": 1_000_001_000,
                    "attributes": {
                        "exception.type": qual,
                        "exception.message": "quota exceeded",
                        "exception.stacktrace": f"{qual}: quota exceeded",
                        "exception.escaped": "True",
                    },
                }
            ],
        )
    ]


def test_context_manager_forms_record_like_the_decorators(spans: Captured) -> None:
    """with agent/plan/verify as step: record_subtasks and record_verdict on the step."""
    with tracer.workflow("teaser") as run:
        with tracer.plan("supervisor") as step:
            step.record_subtasks([{"id": "a", "agent": "writer"}])
        with tracer.agent("writer", actor="human") as step:
            step.set_attribute("custom.key", 3)
        with tracer.verify("qa", actor="human", subject="writer") as step:
            step.record_verdict("reject")
    assert run.trace_id == T1
    assert spans.dicts() == [
        span(
            "plan supervisor",
            2,
            1,
            2,
            {
                "gen_ai.operation.name": "plan",
                "coordgap.stage": "decomposition",
                "coordgap.actor": "model",
                "gen_ai.agent.name": "supervisor",
                "gen_ai.agent.id": "supervisor",
                "coordgap.plan.subtask_count": 1,
                "coordgap.plan.subtask_ids": ["a"],
                "coordgap.plan.assignees": ["writer"],
            },
            parent=1,
        ),
        span(
            "invoke_agent writer",
            3,
            3,
            4,
            {**agent_attrs("writer", actor="human"), "custom.key": 3},
            parent=1,
        ),
        span(
            "verify qa",
            4,
            5,
            7,
            {
                "gen_ai.operation.name": "verify",
                "coordgap.stage": "verification",
                "coordgap.actor": "human",
                "coordgap.verify.subject": "writer",
                "gen_ai.agent.name": "qa",
                "gen_ai.agent.id": "qa",
                "coordgap.verify.attempt": 1,
                "coordgap.verify.verdict": "reject",
            },
            parent=1,
            events=[evaluation("qa", "reject", 6)],
        ),
        span(
            "invoke_workflow teaser",
            1,
            0,
            8,
            {"gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "teaser"},
        ),
    ]


def test_async_generator_and_async_generator_functions(spans: Captured) -> None:
    """Each kind of function gets its span; a generator's span covers its iteration."""

    @tracer.agent
    async def fetch() -> int:
        await asyncio.sleep(0)
        return 1

    @tracer.plan("planner")
    def plan_stream():  # type: ignore[no-untyped-def]
        yield {"id": "a", "agent": "writer"}
        yield {"id": "b", "agent": ""}

    @tracer.verify("stream-check")
    async def verdicts():  # type: ignore[no-untyped-def]
        yield "reject"
        yield "accept"

    async def consume() -> list[str]:
        return [v async for v in verdicts()]

    assert asyncio.run(fetch()) == 1
    assert [t["id"] for t in plan_stream()] == ["a", "b"]
    assert asyncio.run(consume()) == ["reject", "accept"]
    dicts = spans.dicts()
    assert [d["name"] for d in dicts] == [
        "invoke_agent fetch",
        "plan planner",
        "verify stream-check",
    ]
    assert dicts[1]["attributes"] == {
        "gen_ai.operation.name": "plan",
        "coordgap.stage": "decomposition",
        "coordgap.actor": "model",
        "gen_ai.agent.name": "planner",
        "gen_ai.agent.id": "planner",
        "coordgap.plan.subtask_count": 2,
        "coordgap.plan.subtask_ids": ["a", "b"],
        "coordgap.plan.assignees": ["writer", ""],
        "coordgap.plan.unassigned": ["b"],
    }
    # the async generator's verdict is its last item
    assert dicts[2]["attributes"]["coordgap.verify.verdict"] == "accept"
    assert all(d["trace_id"] != dicts[0]["trace_id"] for d in dicts[1:])


def test_generator_span_ends_when_closed_early(spans: Captured) -> None:
    """Closing a generator ends its span without an error."""

    @tracer.agent("streamer")
    def stream():  # type: ignore[no-untyped-def]
        yield 1
        yield 2

    gen = stream()
    assert next(gen) == 1
    assert spans.dicts() == []
    gen.close()
    assert spans.dicts() == [span("invoke_agent streamer", 1, 0, 1, agent_attrs("streamer"))]


def test_methods_static_and_class_methods(spans: Captured) -> None:
    """Decorators work on methods, staticmethods and classmethods."""

    class Team:
        factor = 3

        @tracer.agent
        def write(self, x: int) -> int:
            return x * 2

        @tracer.tool
        @staticmethod
        def lookup(x: int) -> int:
            return x + 1

        @tracer.agent("scaler")
        @classmethod
        def scale(cls, x: int) -> int:
            return x * cls.factor

    team = Team()
    assert (team.write(2), Team.lookup(2), team.scale(2)) == (4, 3, 6)
    assert [d["name"] for d in spans.dicts()] == [
        "invoke_agent write",
        "execute_tool lookup",
        "invoke_agent scaler",
    ]


def test_late_outcome_is_a_span_in_the_run_trace_linked_to_the_run(spans: Captured) -> None:
    """outcome(trace_id=...) after the run: an `outcome` span, same trace, linked."""

    @tracer.workflow("teaser")
    def run() -> str | None:
        return tracer.current_trace_id()

    tid = run()
    assert tid == T1
    tracer.outcome(False, "audience test", trace_id=tid)
    assert spans.dicts()[1] == span(
        "outcome",
        2,
        2,
        3,
        {
            "gen_ai.operation.name": "outcome",
            "coordgap.outcome": "failure",
            "coordgap.outcome.reason": "audience test",
            "coordgap.outcome.trace_id": T1,
        },
        parent=1,
        links=[{"trace_id": T1, "span_id": sid(1), "attributes": {}}],
    )


def test_late_outcome_for_a_run_of_another_process(spans: Captured) -> None:
    """A trace id this process never saw still gives an outcome span in that trace."""
    other = "5" * 32
    tracer.outcome(True, trace_id=other)
    (only,) = spans.dicts()
    assert only["trace_id"] == other
    assert only["attributes"] == {
        "gen_ai.operation.name": "outcome",
        "coordgap.outcome": "success",
        "coordgap.outcome.trace_id": other,
    }
    assert only["links"] == []
