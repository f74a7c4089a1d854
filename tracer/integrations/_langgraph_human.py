"""Human in the loop for the LangGraph integration: ``interrupt()`` and its resume.

A node that calls ``interrupt()`` hands off to a human (``handoff {node} -> human``
with the fingerprint of what it asked); the invocation that resumes the thread
with ``Command(resume=...)`` continues the same trace: a ``human`` agent span
(actor human) from the question to the answer, then ``handoff human -> {node}``
carrying the fingerprint of the answer, then the nodes of the resumed invocation.
A failure after the resume is recorded as a late ``outcome`` span of the run (the
run span itself ended with the first invocation).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import _Content, _handoff_attributes, agent_attributes
from tracer.integrations._langgraph_graph import FRAMEWORK, HUMAN, _Suspended

__all__: list[str] = []

_MAX_SUSPENDED = 1024  # threads waiting for a human, per handler; the oldest go first


class Suspensions:
    """Interrupted runs by thread id, bounded (a thread never resumed is dropped
    once ``_MAX_SUSPENDED`` newer ones wait)."""

    def __init__(self) -> None:
        self._by_thread: OrderedDict[str, _Suspended] = OrderedDict()

    def put(self, thread_id: str, record: _Suspended) -> None:
        self._by_thread[thread_id] = record
        self._by_thread.move_to_end(thread_id)
        while len(self._by_thread) > _MAX_SUSPENDED:
            self._by_thread.popitem(last=False)

    def pop(self, thread_id: str) -> _Suspended | None:
        return self._by_thread.pop(thread_id, None)


def _handoff(
    tracer: Any,
    parent: Span,
    source: str,
    target: str,
    payload: Any,
    at_ns: int,
    end_ns: int,
    content: _Content,
    actors: tuple[str, str],
) -> None:
    attrs = _handoff_attributes(
        source,
        target,
        source_actor=actors[0],
        target_actor=actors[1],
        payload=payload,
        violations=[],
        framework=FRAMEWORK,
    )
    if content.enabled:
        attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = content.render(payload)
    span = tracer.start_span(
        semconv.handoff_span_name(source, target),
        context=trace.set_span_in_context(parent),
        attributes=attrs,
        start_time=at_ns,
    )
    span.end(end_time=end_ns)


def asked(
    tracer: Any, parent: Span, node: str, actor: str, values: Any, at_ns: int, content: _Content
) -> None:
    """``handoff {node} -> human``: the node's ``interrupt()`` question."""
    _handoff(
        tracer, parent, node, HUMAN, values, at_ns, at_ns, content, (actor, semconv.ACTOR_HUMAN)
    )


def answered(tracer: Any, parent: Span, record: _Suspended, now_ns: int) -> None:
    """The ``human`` agent span, from the question to the resume, in the run's trace."""
    span = tracer.start_span(
        semconv.agent_span_name(HUMAN),
        context=trace.set_span_in_context(parent),
        attributes={
            **agent_attributes(HUMAN, actor=semconv.ACTOR_HUMAN, integration=FRAMEWORK),
            semconv.RESUMED: True,
        },
        start_time=record.at_ns,
    )
    span.end(end_time=now_ns)


def resumed_into(
    tracer: Any, parent: Span, node: str, actor: str, value: Any, at_ns: int, content: _Content
) -> None:
    """``handoff human -> {node}``: the answer the resumed node receives."""
    _handoff(
        tracer, parent, HUMAN, node, value, at_ns, at_ns, content, (semconv.ACTOR_HUMAN, actor)
    )


def failed_after_resume(tracer: Any, parent: Span, error: BaseException) -> None:
    """A late outcome span: the run (whose span ended before the human answered) failed."""
    span = tracer.start_span(
        semconv.OUTCOME_SPAN_NAME,
        context=trace.set_span_in_context(parent),
        attributes={
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_OUTCOME,
            semconv.OUTCOME: semconv.OUTCOME_FAILURE,
            semconv.OUTCOME_REASON: f"{type(error).__qualname__} after the resume",
            semconv.RESUMED: True,
            semconv.INTEGRATION: FRAMEWORK,
        },
    )
    span.end()
