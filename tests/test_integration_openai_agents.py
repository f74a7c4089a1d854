"""OpenAI Agents SDK integration: a real Runner driving agents through the SDK's
ScriptedModel (no model calls, no network)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from integration_support import need

need("agents")

from agents import (  # noqa: E402
    Agent,
    GuardrailFunctionOutput,
    OutputGuardrailTripwireTriggered,
    RunConfig,
    Runner,
    function_tool,
    output_guardrail,
    set_trace_processors,
)
from agents.testing import ScriptedModel, assistant_message, function_call  # noqa: E402
from agents.tracing import generation_span  # noqa: E402
from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import openai_agents as cg_agents  # noqa: E402
from tracer.testing import raise_internal_errors, reset_once  # noqa: E402

_tool_tracer: list[trace.Tracer] = []


@function_tool
def issue_refund(order_id: str) -> str:
    """Refund an order."""
    with _tool_tracer[0].start_as_current_span("ledger write"):
        return f"refunded {order_id}"


def _guardrail(trip: bool) -> Any:
    @output_guardrail(name="refund-policy")
    async def policy(ctx: Any, agent: Any, output: Any) -> GuardrailFunctionOutput:
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=trip)

    return policy


def support_team(route_to: str = "refunds", trip: bool = False) -> Agent[Any]:
    """triage hands off to billing or refunds; refunds calls a tool, then answers."""
    refunds: Agent[Any] = Agent(
        name="refunds",
        model=ScriptedModel(
            [
                [function_call("issue_refund", {"order_id": "A1"}, call_id="c1")],
                [assistant_message("Your refund for A1 is on its way.")],
            ]
        ),
        tools=[issue_refund],
        output_guardrails=[_guardrail(trip)],
    )
    billing: Agent[Any] = Agent(
        name="billing", model=ScriptedModel([[assistant_message("I resent your invoice.")]])
    )
    return Agent(
        name="triage",
        handoffs=[billing, refunds],
        model=ScriptedModel([[function_call(f"transfer_to_{route_to}", {}, call_id="h1")]]),
    )


def _run(agent: Agent[Any], **metadata: Any) -> Any:
    config = RunConfig(workflow_name="support", trace_metadata=metadata or None)
    return asyncio.run(Runner.run(agent, "I want my money back for order A1", run_config=config))


@pytest.fixture
def memory(
    memory: tuple[TracerProvider, InMemorySpanExporter],
) -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    """conftest's, its provider the test tools' tracer, the SDK's processors reset after."""
    _tool_tracer[:] = [memory[0].get_tracer("test")]
    yield memory
    set_trace_processors([])


def _named(exporter: InMemorySpanExporter) -> dict[str, list[ReadableSpan]]:
    out: dict[str, list[ReadableSpan]] = {}
    for span in sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0):
        out.setdefault(span.name, []).append(span)
    return out


def test_runner_with_handoff_tool_and_guardrail(memory: Any) -> None:
    """Agents, the handoff (target read at its end), the tool and the guardrail map over."""
    provider, exporter = memory
    cg_agents.instrument(tracer_provider=provider)
    result = _run(support_team())
    assert result.final_output == "Your refund for A1 is on its way."
    named = _named(exporter)
    (run,) = named["invoke_workflow support"]
    assert run.parent is None
    assert len({s.context.trace_id for s in exporter.get_finished_spans()}) == 1
    (triage,) = named["invoke_agent triage"]
    (refunds,) = named["invoke_agent refunds"]
    assert triage.attributes[semconv.ACTOR] == semconv.ACTOR_MODEL
    assert triage.parent.span_id == run.context.span_id
    (handoff,) = named["handoff triage -> refunds"]
    assert handoff.attributes[semconv.HANDOFF_TARGET] == "refunds"
    assert handoff.attributes[semconv.HANDOFF_VIOLATIONS] == ()
    assert handoff.parent.span_id == triage.context.span_id
    (tool,) = named["execute_tool issue_refund"]
    assert tool.attributes[semconv.ACTOR] == semconv.ACTOR_TOOL
    assert tool.parent.span_id == refunds.context.span_id
    (inner,) = named["ledger write"]
    assert inner.parent.span_id == tool.context.span_id
    (check,) = named["verify refund-policy"]
    assert check.attributes[semconv.VERIFY_VERDICT] == semconv.VERDICT_ACCEPT
    assert check.attributes[semconv.VERIFY_SUBJECT] == "refunds"
    assert check.attributes[semconv.VERIFY_ATTEMPT] == 1
    assert check.events[0].name == semconv.GEN_AI_EVALUATION_RESULT_EVENT
    assert "A1" not in repr(dict(tool.attributes))  # no content without capture
    assert not trace.get_current_span().get_span_context().is_valid


def test_route_expectation_flags_a_wrong_target(memory: Any) -> None:
    """With `routes`, a handoff to another agent than the run's expected one is a violation."""
    provider, exporter = memory
    cg_agents.instrument(
        tracer_provider=provider,
        routes={"triage": lambda meta: {"refund": "refunds"}.get(meta.get("intent"))},
    )
    _run(support_team(route_to="billing"), intent="refund")
    (handoff,) = _named(exporter)["handoff triage -> billing"]
    assert handoff.attributes[semconv.HANDOFF_EXPECTS] == "target: refunds"
    assert handoff.attributes[semconv.HANDOFF_VIOLATIONS] == (
        "wrong_target: routed to billing, expected refunds",
    )
    exporter.clear()
    _run(support_team(route_to="billing"), intent="invoice")  # no expectation for it
    (handoff,) = _named(exporter)["handoff triage -> billing"]
    assert handoff.attributes[semconv.HANDOFF_VIOLATIONS] == ()


def test_tripwire_is_a_reject_and_the_error_reaches_the_caller(memory: Any) -> None:
    """A triggered guardrail -> verify reject; the SDK's exception passes through; run failed."""
    provider, exporter = memory
    cg_agents.instrument(tracer_provider=provider)
    with pytest.raises(OutputGuardrailTripwireTriggered):
        _run(support_team(trip=True))
    named = _named(exporter)
    (check,) = named["verify refund-policy"]
    assert check.attributes[semconv.VERIFY_VERDICT] == semconv.VERDICT_REJECT
    (refunds,) = named["invoke_agent refunds"]
    assert refunds.status.status_code is StatusCode.ERROR
    (run,) = named["invoke_workflow support"]
    assert run.status.status_code is StatusCode.ERROR


def test_tool_content_only_with_capture(memory: Any) -> None:
    """capture_content=True records the tool's arguments and result."""
    provider, exporter = memory
    cg_agents.instrument(tracer_provider=provider, capture_content=True)
    _run(support_team())
    (tool,) = _named(exporter)["execute_tool issue_refund"]
    assert "A1" in tool.attributes[semconv.INPUT_CONTENT]
    assert tool.attributes[semconv.OUTPUT_CONTENT] == "refunded A1"


def test_inside_an_existing_span_no_workflow_is_added(memory: Any) -> None:
    """Runner.run inside the caller's span: the agents nest under it."""
    provider, exporter = memory
    cg_agents.instrument(tracer_provider=provider, verify=["refunds"])
    with provider.get_tracer("test").start_as_current_span("my run") as outer:
        _run(support_team())
    named = _named(exporter)
    assert not [n for n in named if n.startswith("invoke_workflow")]
    (triage,) = named["invoke_agent triage"]
    assert triage.parent.span_id == outer.get_span_context().span_id
    assert "verify refunds" in named  # role by name


def test_processor_failure_never_breaks_the_run(caplog: pytest.LogCaptureFixture) -> None:
    """A tracer that throws is logged once and swallowed; the run completes."""

    class BrokenTracer(trace.NoOpTracer):
        def start_span(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("exporter on fire")

    class BrokenProvider(trace.NoOpTracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
            return BrokenTracer()

    _tool_tracer[:] = [trace.NoOpTracer()]
    cg_agents.instrument(tracer_provider=BrokenProvider())
    reset_once()
    try:
        with (
            raise_internal_errors(False),
            caplog.at_level(logging.WARNING, logger="coordgap.tracer"),
        ):
            result = _run(support_team())
    finally:
        set_trace_processors([])
    assert result.final_output == "Your refund for A1 is on its way."
    assert "openai_agents.on_trace_start" in caplog.text


def test_invalid_options_fail_at_setup() -> None:
    """Unknown roles or actors raise ValueError when the processor is built."""
    with pytest.raises(ValueError, match="role"):
        cg_agents.CoordgapTracingProcessor(roles={"triage": "boss"})
    with pytest.raises(ValueError, match="actor"):
        cg_agents.CoordgapTracingProcessor(actors={"triage": "robot"})


def test_default_network_exporter_is_not_kept(memory: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """instrument() drops the SDK's uploading exporter; keep_default_exporter keeps it."""
    from agents import tracing as sdk_tracing
    from agents.tracing import processors as sdk_processors

    uploads: list[int] = []
    monkeypatch.setattr(  # stands in for the network call, and counts it
        sdk_processors.BackendSpanExporter, "export", lambda self, items: uploads.append(len(items))
    )
    provider, exporter = memory
    set_trace_processors([sdk_processors.default_processor()])  # the SDK's own set-up
    cg_agents.instrument(tracer_provider=provider, keep_default_exporter=True)
    _run(support_team())
    sdk_tracing.flush_traces()
    assert uploads, "with keep_default_exporter the SDK's exporter still runs"
    uploads.clear()
    cg_agents.instrument(tracer_provider=provider)
    _run(support_team())
    sdk_tracing.flush_traces()
    assert uploads == []
    assert exporter.get_finished_spans()  # coordgap still got the run


class _ChatLikeModel(ScriptedModel):
    """ScriptedModel that records its call the way the SDK's chat-completions model
    does with sensitive data included: a ``generation`` span whose ``output`` holds the
    assistant message."""

    async def get_response(self, *args: Any, **kwargs: Any) -> Any:
        with generation_span(model="chat-like") as span:
            response = await super().get_response(*args, **kwargs)
            text = "".join(
                str(part.text)
                for item in response.output
                for part in getattr(item, "content", None) or ()
                if getattr(part, "text", None)
            )
            span.span_data.output = [{"role": "assistant", "content": text or None}]
        return response


def test_model_text_is_the_agent_output_only_with_capture(memory: Any) -> None:
    """What the agent's model calls wrote becomes its span's output with content
    capture on; a call that only asked for a tool adds nothing; capture off, nothing."""
    for capture in (True, False):
        provider, exporter = memory
        exporter.clear()
        cg_agents.instrument(tracer_provider=provider, capture_content=capture)
        desk = Agent(
            name="desk",
            tools=[issue_refund],
            model=_ChatLikeModel(
                [
                    [function_call("issue_refund", {"order_id": "A1"}, call_id="c1")],
                    [assistant_message("Refunded A1: 42.50 EUR.")],
                ]
            ),
        )
        _run(desk)
        (span,) = _named(exporter)["invoke_agent desk"]
        got = span.attributes.get(semconv.OUTPUT_CONTENT)
        assert got == ("Refunded A1: 42.50 EUR." if capture else None)
        cg_agents.uninstrument()


def test_responses_api_text_is_read_from_the_response() -> None:
    """A ``response`` span (the Responses API model) carries its text on the response."""
    from agents.tracing.span_data import ResponseSpanData
    from openai.types.responses import Response

    response = Response.model_validate(
        {
            "id": "r1",
            "created_at": 0,
            "model": "m",
            "object": "response",
            "output": [
                {
                    "type": "message",
                    "id": "m1",
                    "role": "assistant",
                    "status": "completed",
                    "content": [{"type": "output_text", "text": "Refunded A1.", "annotations": []}],
                }
            ],
            "parallel_tool_calls": False,
            "tool_choice": "auto",
            "tools": [],
        }
    )
    assert cg_agents._model_text(ResponseSpanData(response=response)) == "Refunded A1."
