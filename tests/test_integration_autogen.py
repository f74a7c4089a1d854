"""AutoGen AgentChat integration: real teams driven by AutoGen's ReplayChatCompletionClient."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import pytest
from integration_support import need

need("autogen_agentchat")
need("autogen_ext.models.replay")

from autogen_agentchat.agents import AssistantAgent  # noqa: E402
from autogen_agentchat.conditions import (  # noqa: E402
    MaxMessageTermination,
    TextMentionTermination,
)
from autogen_agentchat.teams import (  # noqa: E402
    DiGraphBuilder,
    GraphFlow,
    RoundRobinGroupChat,
    Swarm,
)
from autogen_core import FunctionCall  # noqa: E402
from autogen_core.models import CreateResult, ModelInfo, RequestUsage  # noqa: E402
from autogen_ext.models.replay import ReplayChatCompletionClient  # noqa: E402
from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import autogen as cg_autogen  # noqa: E402
from tracer.testing import raise_internal_errors, reset_once  # noqa: E402

_INFO = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family="unknown",
    structured_output=False,
)


def _model(replies: Sequence[str | CreateResult]) -> ReplayChatCompletionClient:
    return ReplayChatCompletionClient(list(replies), model_info=_INFO)


def _call(name: str, arguments: str = "{}") -> CreateResult:
    return CreateResult(
        finish_reason="function_calls",
        content=[FunctionCall(id="call-1", name=name, arguments=arguments)],
        usage=RequestUsage(prompt_tokens=0, completion_tokens=0),
        cached=False,
    )


def lookup(term: str) -> str:
    """Look a fact up."""
    return f"private fact about {term}"


def _review_team(reviews: Sequence[str]) -> RoundRobinGroupChat:
    writer = AssistantAgent(
        "writer",
        model_client=_model([_call("lookup", '{"term": "tides"}'), "Draft 2", "Draft 3"]),
        tools=[lookup],
    )
    reviewer = AssistantAgent("reviewer", model_client=_model(list(reviews)))
    stop = TextMentionTermination("APPROVE") | MaxMessageTermination(6)
    return RoundRobinGroupChat([writer, reviewer], termination_condition=stop)


def _named(exporter: InMemorySpanExporter) -> dict[str, list[ReadableSpan]]:
    out: dict[str, list[ReadableSpan]] = {}
    for span in sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0):
        out.setdefault(span.name, []).append(span)
    return out


def test_round_robin_review_loop(memory: Any) -> None:
    """Turns -> agent/verify spans, speaker changes -> handoffs, a reject word -> reject,
    APPROVE -> accept."""
    provider, exporter = memory
    team = cg_autogen.instrument(
        _review_team(["REVISE: add a hook.", "APPROVE"]),
        verify=["reviewer"],
        reject=["REVISE"],
        tracer_provider=provider,
    )
    result = asyncio.run(team.run(task="Write a teaser about tides"))
    assert result.stop_reason == "Text 'APPROVE' mentioned"
    assert not trace.get_current_span().get_span_context().is_valid
    named = _named(exporter)
    assert len({s.context.trace_id for s in exporter.get_finished_spans()}) == 1
    (run,) = named["invoke_workflow RoundRobinGroupChat"]
    assert [s.attributes[semconv.VERIFY_VERDICT] for s in named["verify reviewer"]] == [
        semconv.VERDICT_REJECT,
        semconv.VERDICT_ACCEPT,
    ]
    assert [s.attributes[semconv.VERIFY_ATTEMPT] for s in named["verify reviewer"]] == [1, 2]
    assert named["verify reviewer"][0].attributes[semconv.VERIFY_SUBJECT] == "writer"
    assert named["verify reviewer"][0].attributes[semconv.VERIFY_REASON] == "said REVISE"
    (task,) = named["handoff user -> writer"]
    assert task.attributes[semconv.HANDOFF_SOURCE_ACTOR] == semconv.ACTOR_HUMAN
    assert len(named["handoff writer -> reviewer"]) == 2
    assert len(named["handoff reviewer -> writer"]) == 1
    writer_first = named["invoke_agent writer"][0]
    (tool,) = named["execute_tool lookup"]
    assert tool.parent.span_id == writer_first.context.span_id
    assert writer_first.parent.span_id == run.context.span_id
    assert "private fact" not in repr([dict(s.attributes) for s in exporter.get_finished_spans()])


def _verdicts(exporter: InMemorySpanExporter, name: str = "verify reviewer") -> list[Any]:
    return [s.attributes.get(semconv.VERIFY_VERDICT) for s in _named(exporter)[name]]


def test_never_approved_ends_on_a_reject(memory: Any) -> None:
    """Stopped by the message cap before approval: the last verdict is a reject (the
    round's order, not the reviewer, brought the writer back in between: no verdict)."""
    provider, exporter = memory
    team = cg_autogen.instrument(
        _review_team(["Weak.", "Still weak.", "No."]), verify=["reviewer"], tracer_provider=provider
    )
    result = asyncio.run(team.run(task="Write a teaser about tides"))
    assert "Maximum number of messages" in str(result.stop_reason)
    assert _verdicts(exporter) == [None, semconv.VERDICT_REJECT]


def test_round_robin_order_is_no_send_back(memory: Any) -> None:
    """In a round robin the writer speaks after the reviewer whatever it said: a turn
    without the approval word is no reject."""
    provider, exporter = memory
    team = cg_autogen.instrument(
        _review_team(["Fine, proceed with that conversion.", "APPROVE"]),
        verify=["reviewer"],
        tracer_provider=provider,
    )
    asyncio.run(team.run(task="Write a teaser about tides"))
    assert _verdicts(exporter) == [None, semconv.VERDICT_ACCEPT]
    first = _named(exporter)["verify reviewer"][0]
    assert first.attributes[semconv.VERIFY_ATTEMPT] == 1
    assert not [e for e in first.events if e.name == semconv.GEN_AI_EVALUATION_RESULT_EVENT]


def test_swarm_handing_work_back_rejects_it(memory: Any) -> None:
    """A Swarm reviewer that hands the work back without approving chose to: a reject."""
    provider, exporter = memory
    writer = AssistantAgent(
        "writer",
        model_client=_model([_call("transfer_to_reviewer"), _call("transfer_to_reviewer")]),
        handoffs=["reviewer"],
    )
    reviewer = AssistantAgent(
        "reviewer",
        model_client=_model([_call("transfer_to_writer"), "APPROVE"]),
        handoffs=["writer"],
    )
    team = cg_autogen.instrument(
        Swarm([writer, reviewer], termination_condition=TextMentionTermination("APPROVE")),
        verify=["reviewer"],
        tracer_provider=provider,
    )
    asyncio.run(team.run(task="Write a teaser about tides"))
    assert _verdicts(exporter) == [semconv.VERDICT_REJECT, semconv.VERDICT_ACCEPT]
    sent_back = _named(exporter)["verify reviewer"][0]
    assert sent_back.attributes[semconv.VERIFY_REASON] == "sent back to writer"


def _graph_team(reviewer_routes: bool) -> Any:
    """writer -> reviewer -> writer ... in a GraphFlow; the reviewer's edges are conditional
    (it routes) or not (the writer's are then, to leave the loop)."""
    writer = AssistantAgent("writer", model_client=_model(["DRAFT 1", "DRAFT 2", "FINAL"]))
    reviewer = AssistantAgent("reviewer", model_client=_model(["Needs a hook.", "APPROVE"]))
    publisher = AssistantAgent("publisher", model_client=_model(["Published."]))
    builder = DiGraphBuilder().add_node(writer).add_node(reviewer).add_node(publisher)
    builder.set_entry_point(writer)
    if reviewer_routes:
        builder.add_edge(writer, reviewer)
        builder.add_edge(reviewer, writer, condition=lambda m: "APPROVE" not in m.to_text())
        builder.add_edge(reviewer, publisher, condition="APPROVE")
    else:
        builder.add_edge(writer, reviewer, condition="DRAFT")
        builder.add_edge(writer, publisher, condition="FINAL")
        builder.add_edge(reviewer, writer)
    return GraphFlow([writer, reviewer, publisher], graph=builder.build(), max_turns=8)


@pytest.mark.parametrize(
    ("reviewer_routes", "first"), [(True, semconv.VERDICT_REJECT), (False, None)]
)
def test_graph_flow_send_back_only_where_the_reviewer_routes(
    memory: Any, reviewer_routes: bool, first: str | None
) -> None:
    """A GraphFlow reviewer whose edge back to the writer is conditional sent the work
    back; one whose only edge leads to the writer did not choose who came next."""
    provider, exporter = memory
    team = cg_autogen.instrument(
        _graph_team(reviewer_routes), verify=["reviewer"], tracer_provider=provider
    )
    asyncio.run(team.run(task="Write a teaser about tides"))
    assert _verdicts(exporter) == [first, semconv.VERDICT_ACCEPT]


def test_swarm_handoff_message_names_its_target(memory: Any) -> None:
    """A Swarm HandoffMessage -> one explicit handoff; its transfer_to_* call is no tool span."""
    provider, exporter = memory
    triage = AssistantAgent(
        "triage", model_client=_model([_call("transfer_to_refunds")]), handoffs=["refunds"]
    )
    refunds = AssistantAgent("refunds", model_client=_model(["Refund done. TERMINATE"]))
    team = cg_autogen.instrument(
        Swarm([triage, refunds], termination_condition=TextMentionTermination("TERMINATE")),
        tracer_provider=provider,
    )
    asyncio.run(team.run(task="refund A1"))
    named = _named(exporter)
    assert len(named["handoff triage -> refunds"]) == 1
    assert not [n for n in named if n.startswith("execute_tool")]
    assert "invoke_agent refunds" in named


def test_content_only_with_capture(memory: Any) -> None:
    """capture_content=True puts the handed-over text on the handoff span."""
    provider, exporter = memory
    team = cg_autogen.instrument(
        _review_team(["APPROVE"]), tracer_provider=provider, capture_content=True
    )
    asyncio.run(team.run(task="Write a teaser about tides"))
    (task,) = _named(exporter)["handoff user -> writer"]
    assert "teaser about tides" in task.attributes[semconv.HANDOFF_PAYLOAD_CONTENT]


def test_team_error_passes_through_and_fails_the_run(memory: Any) -> None:
    """A team that raises: the caller gets the error; the run span records it."""
    provider, exporter = memory
    writer = AssistantAgent("writer", model_client=_model([]))  # no scripted reply at all
    team = cg_autogen.instrument(
        RoundRobinGroupChat([writer], termination_condition=MaxMessageTermination(2)),
        tracer_provider=provider,
    )
    with pytest.raises(Exception):  # noqa: B017 - AutoGen wraps the model error its own way
        asyncio.run(team.run(task="go"))
    (run,) = _named(exporter)["invoke_workflow RoundRobinGroupChat"]
    assert run.status.status_code is StatusCode.ERROR


def test_instrumentation_failure_never_breaks_the_team(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A tracer that throws is logged and swallowed; the team's result is unchanged."""

    class BrokenTracer(trace.NoOpTracer):
        def start_span(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("exporter on fire")

    class BrokenProvider(trace.NoOpTracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
            return BrokenTracer()

    team = cg_autogen.instrument(_review_team(["APPROVE"]), tracer_provider=BrokenProvider())
    reset_once()
    with (
        raise_internal_errors(False),
        caplog.at_level(logging.WARNING, logger="coordgap.tracer"),
    ):
        result = asyncio.run(team.run(task="Write a teaser about tides"))
    assert result.stop_reason == "Text 'APPROVE' mentioned"
    assert "autogen.run_start" in caplog.text


def test_uninstrument_and_bad_options(memory: Any) -> None:
    """uninstrument() stops the spans; an unknown role fails at set-up."""
    provider, exporter = memory
    team = cg_autogen.uninstrument(
        cg_autogen.instrument(_review_team(["APPROVE"]), tracer_provider=provider)
    )
    asyncio.run(team.run(task="Write a teaser about tides"))
    assert exporter.get_finished_spans() == ()
    with pytest.raises(ValueError, match="role"):
        cg_autogen.instrument(_review_team(["APPROVE"]), roles={"writer": "boss"})
    with pytest.raises(ValueError, match="reject"):
        cg_autogen.instrument(_review_team(["APPROVE"]), reject=[""])
