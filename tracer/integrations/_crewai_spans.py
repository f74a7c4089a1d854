"""Options and span builders shared by the CrewAI crew and flow handlers."""

from __future__ import annotations

import contextvars
import threading
from dataclasses import dataclass
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode

from tracer import semconv
from tracer.integrations._common import (
    ROLES,
    _Content,
    _detach_quietly,
    _handoff_attributes,
    agent_attributes,
)

FRAMEWORK = "crewai"
TASK_FAILED = "crewai_task_failed"  # error.type when CrewAI reports a failure as text only
KICKOFF_FAILED = "crewai_kickoff_failed"


@dataclass
class Options:
    roles: dict[str, str]
    actors: dict[str, str]
    expects: dict[str, tuple[str, ...]]
    approve: tuple[str, ...]
    workflow_name: str | None
    content: _Content
    tracer: Any


class Current:
    """Makes a span current in the emitting thread until it ends (for the user's
    own spans opened inside a task, a tool or a flow method)."""

    def __init__(self, span: Span) -> None:
        self._token: object | None = otel_context.attach(trace.set_span_in_context(span))

    def release(self) -> None:
        token, self._token = self._token, None
        _detach_quietly(token)


def text_of(value: Any) -> str:
    """The text of a CrewAI output (a TaskOutput's ``raw``) or of anything else."""
    raw = getattr(value, "raw", None)
    return raw if isinstance(raw, str) else ("" if value is None else str(value))


def write_output(options: Options, span: Span, output: Any) -> None:
    """Record ``output`` (a task's or a coworker's answer) on ``span``, with content
    capture on only."""
    if output is not None and options.content.enabled:
        span.set_attribute(semconv.OUTPUT_CONTENT, options.content.render(text_of(output)))


def fail(span: Span, error_type: str, message: str) -> None:
    span.set_attribute(semconv.ERROR_TYPE, error_type)
    span.set_status(Status(StatusCode.ERROR, message[:200]))


def start_role_span(
    options: Options,
    name: str,
    parent: Span,
    *,
    default_role: str = "generate",
    default_actor: str = semconv.ACTOR_MODEL,
    agent_id: str | None = None,
    extra: dict[str, Any] | None = None,
) -> tuple[Span, str]:
    """An agent (or plan/verify, by role) span named ``name``; returns it and its role."""
    role = options.roles.get(name, default_role)
    attrs = agent_attributes(
        name,
        role=role,
        actor=options.actors.get(name, default_actor),
        agent_id=agent_id or None,
        integration=FRAMEWORK,
    )
    attrs.update(extra or {})
    span = options.tracer.start_span(
        ROLES[role].span_name(name), context=trace.set_span_in_context(parent), attributes=attrs
    )
    return span, role


def write_handoff(
    options: Options,
    parent: Span,
    source: str,
    target: str,
    payload: Any,
    violations: list[str],
    *,
    source_actor: str = semconv.ACTOR_MODEL,
    target_actor: str = semconv.ACTOR_MODEL,
    extra: dict[str, Any] | None = None,
) -> None:
    """A zero-length ``handoff {source} -> {target}`` span under ``parent``."""
    attrs = _handoff_attributes(
        source,
        target,
        source_actor=options.actors.get(source, source_actor),
        target_actor=options.actors.get(target, target_actor),
        payload=payload,
        violations=violations,
        framework=FRAMEWORK,
    )
    attrs.update(extra or {})
    if options.content.enabled and payload is not None:
        attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = options.content.render(payload)
    span = options.tracer.start_span(
        semconv.handoff_span_name(source, target),
        context=trace.set_span_in_context(parent),
        attributes=attrs,
    )
    span.end()


def current_valid_span() -> Span | None:
    span = trace.get_current_span()
    return span if span.get_span_context().is_valid else None


# The run (crew or flow) the emitting thread is in: CrewAI's planner agent and
# delegated coworkers carry no reference to their crew, so they are found here.
CURRENT_RUN: contextvars.ContextVar[Any] = contextvars.ContextVar("coordgap_crewai_run")


class EventHandlers:
    """Handlers of CrewAI events, one ``_on_<EventName>(source, event)`` method each,
    called under the integration's lock."""

    def __init__(self, options: Options, lock: threading.RLock) -> None:
        self._o = options
        self._lock = lock

    def handle(self, name: str, source: Any, event: Any) -> bool:
        """Run the handler of event ``name``; False when there is none."""
        handler = getattr(self, "_on_" + name, None)
        if handler is None:
            return False
        with self._lock:
            handler(source, event)
        return True
