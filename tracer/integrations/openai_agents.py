"""OpenAI Agents SDK integration: a TracingProcessor that writes coordgap spans.

    from tracer.integrations import openai_agents as cg_agents
    cg_agents.instrument()   # replaces the SDK's default (network) exporter

Mapping (see docs/integrations.md):

- an SDK trace -> ``invoke_workflow {workflow_name}`` (``gen_ai.conversation.id``
  from the trace's ``group_id``); inside an existing OpenTelemetry span the
  caller's span is the run instead;
- an agent span -> ``invoke_agent {agent}`` (``plan``/``verify`` by role);
- a handoff span -> ``handoff {from} -> {to}``, written when the span ends so
  the target is known; with ``routes`` it also records a violation when the
  target is not the one expected for the run;
- a guardrail span -> ``verify {guardrail}``: ``reject`` when its tripwire fired,
  ``accept`` otherwise, subject the agent it guards;
- a function span -> ``execute_tool {tool}``, current while the tool runs;
- a model call (``generation`` / ``response`` span) -> not a span: with content
  capture on, the text it wrote is its agent span's output (the SDK keeps that
  text only with sensitive data included; a call that only asked for tools adds
  nothing).

SDK ``task``/``turn`` and model spans are not written (their children nest
under the nearest written ancestor). Tool inputs/outputs and model text are
recorded only with content capture on. Every callback logs and swallows its own failures.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agents.tracing import TracingProcessor, add_trace_processor, set_trace_processors
from agents.tracing.processors import default_processor
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode, TracerProvider

from tracer import semconv
from tracer.integrations._common import (
    ROLES,
    Instrumentor,
    _Content,
    _detach_quietly,
    _get_tracer,
    _guarded,
    _verdict_attributes,
    agent_attributes,
    check_roles,
    handoff_attributes,
    tool_attributes,
    workflow_attributes,
)

__all__ = [
    "CoordgapTracingProcessor",
    "SDK_ERROR",
    "instrument",
    "is_instrumented",
    "uninstrument",
]

_FRAMEWORK = "openai-agents"
SDK_ERROR = "agents_sdk_error"  # error.type when the SDK reports an error without a class

Route = Callable[[Mapping[str, Any]], "str | Iterable[str] | None"] | Iterable[str]


@dataclass
class _Run:
    parent: Span  # the span the run's spans nest under
    span: Span | None  # our workflow span, when we made one
    metadata: Mapping[str, Any]
    attempts: dict[str, int]
    error: str | None = None


@dataclass
class _Open:
    span: Span
    token: object | None
    kind: str
    name: str
    said: list[str] = field(default_factory=list)


_MODEL_KINDS = ("generation", "response")
"""SDK spans of one model call: chat-completions style (``generation``: ``output`` is
the messages) and Responses API (``response``: ``response.output_text``)."""


def _model_text(data: Any) -> str | None:
    """The text a model call wrote (None for tool calls only, or when the SDK kept no
    output: it keeps it only with sensitive data included)."""
    response = getattr(data, "response", None)
    if response is not None:
        text = getattr(response, "output_text", None)
        return str(text) if text else None
    parts: list[str] = []
    for message in getattr(data, "output", None) or ():
        content = message.get("content") if isinstance(message, Mapping) else None
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(
                str(c["text"]) for c in content if isinstance(c, Mapping) and c.get("text")
            )
    return "\n".join(p for p in parts if p) or None


def _ns(stamp: str | None) -> int | None:
    """An SDK ISO-8601 timestamp as Unix nanoseconds."""
    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp)
    return int(moment.timestamp()) * 1_000_000_000 + moment.microsecond * 1_000


def _error_of(sdk_span: Any) -> tuple[str, str] | None:
    """``(error.type, message)`` of an SDK span that reports an error."""
    error = getattr(sdk_span, "error", None)
    if not error:
        return None
    message = str(error.get("message") or "error")
    data = error.get("data") or {}
    kind = data.get("error_type") or data.get("type") if isinstance(data, Mapping) else None
    return (str(kind) if kind else SDK_ERROR), message


def _expected_targets(route: Route, metadata: Mapping[str, Any]) -> set[str] | None:
    expected = route(metadata) if callable(route) else route
    if expected is None:
        return None
    return {expected} if isinstance(expected, str) else {str(x) for x in expected}


class CoordgapTracingProcessor(TracingProcessor):
    """An ``agents.tracing.TracingProcessor`` that writes coordgap spans.

    Options: ``roles`` / ``plan`` / ``verify`` (agent name -> role), ``actors``
    (agent or guardrail name -> actor; agents default to ``model``, guardrails
    to ``code``), ``routes`` (source agent -> the targets it should hand off
    to: a collection, or a function of the run's ``trace_metadata`` returning
    the expected target or targets, None for no expectation),
    ``capture_content``, ``tracer_provider``. Impossible options raise
    ``ValueError`` here; nothing raises once runs start.
    """

    def __init__(
        self,
        *,
        roles: Mapping[str, str] | None = None,
        plan: Iterable[str] = (),
        verify: Iterable[str] = (),
        actors: Mapping[str, str] | None = None,
        routes: Mapping[str, Route] | None = None,
        capture_content: bool | None = None,
        redact: Callable[[str], str] | None = None,
        tracer_provider: TracerProvider | None = None,
    ) -> None:
        self._roles = check_roles(roles, plan, verify, what="agent")
        self._actors = dict(actors or {})
        for name, actor in self._actors.items():
            if actor not in semconv.ACTORS:
                raise ValueError(f"actor {actor!r} for {name!r}: expected {semconv.ACTORS}")
        self._routes = dict(routes or {})
        self._content = _Content(capture_content, redact)
        self._tracer = _get_tracer(tracer_provider)
        self._lock = threading.Lock()
        self._runs: dict[str, _Run] = {}
        self._open: dict[str, _Open] = {}  # SDK span id -> our open span
        self._parents: dict[str, str | None] = {}  # SDK span id -> SDK parent id
        self._kinds: dict[str, tuple[str, str]] = {}  # SDK span id -> (type, name)
        # False after uninstrument(): the SDK keeps processors it was given
        self.active = True

    # --- traces ---------------------------------------------------------------------

    @_guarded("openai_agents.on_trace_start")
    def on_trace_start(self, sdk_trace: Any) -> None:
        if not self.active:
            return
        metadata = dict(getattr(sdk_trace, "metadata", None) or {})
        current = trace.get_current_span()
        if current.get_span_context().is_valid:
            run = _Run(parent=current, span=None, metadata=metadata, attempts={})
        else:
            name = str(getattr(sdk_trace, "name", None) or "Agent workflow")
            group = getattr(sdk_trace, "group_id", None)
            attrs = workflow_attributes(
                name, conversation_id=str(group) if group else None, integration=_FRAMEWORK
            )
            span = self._tracer.start_span(semconv.workflow_span_name(name), attributes=attrs)
            run = _Run(parent=span, span=span, metadata=metadata, attempts={})
        with self._lock:
            self._runs[sdk_trace.trace_id] = run

    @_guarded("openai_agents.on_trace_end")
    def on_trace_end(self, sdk_trace: Any) -> None:
        with self._lock:
            run = self._runs.pop(sdk_trace.trace_id, None)
        if run is None or run.span is None:
            return
        if run.error is not None:
            run.span.set_attribute(semconv.ERROR_TYPE, run.error)
            run.span.set_status(Status(StatusCode.ERROR, run.error))
        run.span.end()

    # --- spans ----------------------------------------------------------------------

    def _ancestors(self, parent_id: str | None) -> Iterator[str]:
        """The SDK span ids from ``parent_id`` up (at most 64: a cycle cannot hang)."""
        for _ in range(64):
            if parent_id is None:
                return
            yield parent_id
            parent_id = self._parents.get(parent_id)

    def _parent_span(self, run: _Run, parent_id: str | None) -> Span:
        """Nearest written ancestor of an SDK span (skipping task/turn/model spans)."""
        found = (self._open.get(i) for i in self._ancestors(parent_id))
        opened = next((o for o in found if o is not None), None)
        return opened.span if opened is not None else run.parent

    def _open_agent(self, parent_id: str | None) -> _Open | None:
        """The nearest written agent span above an SDK span (a model call's agent)."""
        found = (self._open.get(i) for i in self._ancestors(parent_id))
        return next((o for o in found if o is not None and o.kind == "agent"), None)

    def _agent_of(self, parent_id: str | None) -> str | None:
        found = (self._kinds.get(i) for i in self._ancestors(parent_id))
        return next((k[1] for k in found if k is not None and k[0] == "agent"), None)

    @_guarded("openai_agents.on_span_start")
    def on_span_start(self, sdk_span: Any) -> None:
        if not self.active:
            return
        data = sdk_span.span_data
        kind = str(getattr(data, "type", ""))
        name = str(getattr(data, "name", "") or "")
        with self._lock:
            self._parents[sdk_span.span_id] = sdk_span.parent_id
            self._kinds[sdk_span.span_id] = (kind, name)
            run = self._runs.get(sdk_span.trace_id)
            if run is None or kind not in ("agent", "function"):
                return
            parent = self._parent_span(run, sdk_span.parent_id)
        start = _ns(sdk_span.started_at)
        ctx = trace.set_span_in_context(parent)
        token = None
        if kind == "agent":
            role = self._roles.get(name, "generate")
            attrs = agent_attributes(
                name,
                role=role,
                actor=self._actors.get(name, semconv.ACTOR_MODEL),
                integration=_FRAMEWORK,
            )
            span = self._tracer.start_span(
                ROLES[role].span_name(name), context=ctx, attributes=attrs, start_time=start
            )
        else:
            attrs = tool_attributes(name, integration=_FRAMEWORK)
            span = self._tracer.start_span(
                semconv.tool_span_name(name), context=ctx, attributes=attrs, start_time=start
            )
            # The tool's own code runs between start and end in this context:
            # make the span current so spans the tool opens nest under it.
            token = otel_context.attach(trace.set_span_in_context(span))
        with self._lock:
            self._open[sdk_span.span_id] = _Open(span=span, token=token, kind=kind, name=name)

    @_guarded("openai_agents.on_span_end")
    def on_span_end(self, sdk_span: Any) -> None:
        data = sdk_span.span_data
        kind = str(getattr(data, "type", ""))
        said = kind in _MODEL_KINDS and self._content.enabled  # a model call's text to keep
        with self._lock:
            opened = self._open.pop(sdk_span.span_id, None)
            run = self._runs.get(sdk_span.trace_id)
            parent = self._parent_span(run, sdk_span.parent_id) if run is not None else None
            subject = self._agent_of(sdk_span.parent_id)
            speaker = self._open_agent(sdk_span.parent_id) if said else None
        try:
            text = _model_text(data) if speaker is not None else None
            if speaker is not None and text:
                speaker.said.append(text)
            if opened is not None:
                self._end_open(opened, sdk_span, run)
            elif run is not None and parent is not None and kind == "handoff":
                self._write_handoff(run, parent, sdk_span)
            elif run is not None and parent is not None and kind == "guardrail":
                self._write_guardrail(run, parent, sdk_span, subject)
        finally:
            with self._lock:
                self._parents.pop(sdk_span.span_id, None)
                self._kinds.pop(sdk_span.span_id, None)

    def _end_open(self, opened: _Open, sdk_span: Any, run: _Run | None) -> None:
        span = opened.span
        try:
            if opened.kind == "function" and self._content.enabled:
                data = sdk_span.span_data
                if getattr(data, "input", None) is not None:
                    span.set_attribute(semconv.INPUT_CONTENT, self._content.render(data.input))
                if getattr(data, "output", None) is not None:
                    span.set_attribute(semconv.OUTPUT_CONTENT, self._content.render(data.output))
            if opened.kind == "agent" and opened.said:
                # what the agent's model calls said, in order (its messages, not its tools')
                span.set_attribute(
                    semconv.OUTPUT_CONTENT, self._content.render("\n".join(opened.said))
                )
            error = _error_of(sdk_span)
            if error is not None:
                span.set_attribute(semconv.ERROR_TYPE, error[0])
                span.set_status(Status(StatusCode.ERROR, error[1]))
                if opened.kind == "agent" and run is not None:
                    # An agent-level error ends the run (non-fatal tool errors
                    # sit on function spans): the run span says so too.
                    run.error = run.error or error[0]
        finally:
            _detach_quietly(opened.token)
            span.end(end_time=_ns(sdk_span.ended_at))

    def _write_handoff(self, run: _Run, parent: Span, sdk_span: Any) -> None:
        data = sdk_span.span_data
        source = str(getattr(data, "from_agent", None) or "")
        target = str(getattr(data, "to_agent", None) or "")
        attrs = handoff_attributes(
            source,
            target,
            source_actor=self._actors.get(source, semconv.ACTOR_MODEL),
            target_actor=self._actors.get(target, semconv.ACTOR_MODEL),
            integration=_FRAMEWORK,
        )
        violations: list[str] = []
        route = self._routes.get(source)
        expected = _expected_targets(route, run.metadata) if route is not None else None
        if expected is not None:
            attrs[semconv.HANDOFF_EXPECTS] = "target: " + ", ".join(sorted(expected))
            if target not in expected:
                violations.append(
                    f"{semconv.VIOLATION_WRONG_TARGET}: routed to {target or 'nobody'}, "
                    f"expected {' or '.join(sorted(expected))}"
                )
        attrs[semconv.HANDOFF_VIOLATIONS] = violations
        attrs[semconv.HANDOFF_VIOLATION_COUNT] = len(violations)
        span = self._tracer.start_span(
            semconv.handoff_span_name(source, target),
            context=trace.set_span_in_context(parent),
            attributes=attrs,
            start_time=_ns(sdk_span.started_at),
        )
        error = _error_of(sdk_span)
        if error is not None:
            span.set_attribute(semconv.ERROR_TYPE, error[0])
            span.set_status(Status(StatusCode.ERROR, error[1]))
        span.end(end_time=_ns(sdk_span.ended_at))

    def _write_guardrail(self, run: _Run, parent: Span, sdk_span: Any, subject: str | None) -> None:
        data = sdk_span.span_data
        name = str(getattr(data, "name", "") or "guardrail")
        triggered = bool(getattr(data, "triggered", False))
        with self._lock:
            attempt = run.attempts[name] = run.attempts.get(name, 0) + 1
        reason = "tripwire triggered" if triggered else "tripwire not triggered"
        verdict, event = _verdict_attributes(name, not triggered, attempt, reason, subject)
        attrs = {
            **agent_attributes(
                name,
                role="verify",
                actor=self._actors.get(name, semconv.ACTOR_CODE),
                integration=_FRAMEWORK,
            ),
            **verdict,
        }
        span = self._tracer.start_span(
            semconv.verify_span_name(name),
            context=trace.set_span_in_context(parent),
            attributes=attrs,
            start_time=_ns(sdk_span.started_at),
        )
        span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)
        span.end(end_time=_ns(sdk_span.ended_at))

    # --- lifecycle ------------------------------------------------------------------

    def shutdown(self) -> None:
        """Nothing to release: spans go to the OpenTelemetry provider, which owns export."""

    def force_flush(self) -> None:
        """Spans are handed to OpenTelemetry as they end; its provider flushes them."""


class _AgentsInstrumentor(Instrumentor):
    """Registers one processor with the SDK's trace provider."""

    def _instrument(self, **options: Any) -> Any:
        processor: CoordgapTracingProcessor = options["processor"]
        if options["keep_default_exporter"]:
            add_trace_processor(processor)
        else:
            set_trace_processors([processor])
        return processor, options["keep_default_exporter"]

    def _uninstrument(self, handle: Any) -> None:
        processor, kept = handle
        processor.active = False  # the SDK can add a processor, not remove one
        if not kept:
            set_trace_processors([default_processor()])


_INSTRUMENTOR = _AgentsInstrumentor()


def instrument(*, keep_default_exporter: bool = False, **options: Any) -> CoordgapTracingProcessor:
    """Send the SDK's traces to coordgap; returns the processor.

    By default the SDK's own processors are replaced (``set_trace_processors``),
    so its default exporter, which uploads to the network, is not kept;
    ``keep_default_exporter=True`` adds coordgap next to it instead.
    ``options`` are :class:`CoordgapTracingProcessor`'s keyword arguments;
    invalid ones raise ``ValueError`` before anything changes. Calling it
    again replaces the previous processor (and its options).
    """
    processor = CoordgapTracingProcessor(**options)
    _INSTRUMENTOR.instrument(processor=processor, keep_default_exporter=keep_default_exporter)
    return processor


def uninstrument() -> None:
    """Stop sending the SDK's traces to coordgap (nothing happens when not instrumented).

    The processor stops writing spans; if :func:`instrument` replaced the SDK's
    processors, the SDK's default one is put back (processors of your own that
    it replaced are not remembered: register them again).
    """
    _INSTRUMENTOR.uninstrument()


def is_instrumented() -> bool:
    """True while :func:`instrument` is in effect."""
    return _INSTRUMENTOR.is_instrumented()
