"""Context across process boundaries, suspended human steps, and run outcomes.

- :func:`inject` / :func:`extract`: W3C ``traceparent`` (the globally
  configured propagator) in headers or a handoff payload.
- :func:`suspend` / :func:`resume`: a long step (a human approval that takes
  hours, a restart) continues in the same trace from another process.
- :func:`outcome`: a run's success or failure, on the current run span, or
  later and from anywhere as an ``outcome`` span in that run's trace.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Link, NonRecordingSpan, SpanContext, TraceFlags

from tracer import _runtime, semconv
from tracer._config import ensure_tracer
from tracer._guard import internal_error, warn_once
from tracer._spans import RESUMED_KEY, RUN_KEY

__all__ = ["current_trace_id", "extract", "inject", "outcome", "resume", "suspend"]

_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
_TRACE_ID = re.compile(r"^[0-9a-f]{32}$")


class Attached:
    """A context to run code in: ``with tracer.extract(headers):``.

    ``.context`` is the OpenTelemetry ``Context`` itself, for APIs that take one.
    """

    __slots__ = ("context", "_tokens")

    def __init__(self, context: Any) -> None:
        self.context = context
        self._tokens: list[object] = []

    def __enter__(self) -> Any:
        self._tokens.append(otel_context.attach(self.context))
        return self.context

    def __exit__(self, *exc: object) -> None:
        otel_context.detach(self._tokens.pop())  # type: ignore[arg-type]

    async def __aenter__(self) -> Any:
        return self.__enter__()

    async def __aexit__(self, *exc: object) -> None:
        self.__exit__(*exc)


def inject(carrier: MutableMapping[str, Any] | None = None) -> MutableMapping[str, Any]:
    """Write the current context (``traceparent``) into ``carrier`` and return it.

    ``carrier`` may be HTTP headers or a handoff payload dict; a new dict when
    None. Never raises.
    """
    if carrier is None:
        carrier = {}
    try:
        from opentelemetry import propagate  # loads the configured propagators

        propagate.inject(carrier)
    except Exception:
        internal_error("injecting context")
    return carrier


def extract(carrier: Any) -> Attached:
    """The context carried by ``carrier`` (headers or payload) as a context manager.

    Spans started inside ``with tracer.extract(carrier):`` continue that trace.
    A carrier without a valid ``traceparent`` gives the current context.
    """
    try:
        from opentelemetry import propagate

        return Attached(propagate.extract(carrier))
    except Exception:
        internal_error("extracting context")
        return Attached(otel_context.get_current())


def suspend() -> str | None:
    """A token (a W3C traceparent string) for the current span; None outside any span.

    Store it anywhere; :func:`resume` continues the trace under this span.
    """
    ctx = trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return None
    return f"00-{ctx.trace_id:032x}-{ctx.span_id:016x}-{int(ctx.trace_flags):02x}"


def resume(token: str) -> Attached:
    """Continue the trace a :func:`suspend` token names: ``with tracer.resume(token):``.

    Spans started directly inside carry ``coordgap.resumed=true``. A token that
    is not one gives the current context (logged once).
    """
    match = _TRACEPARENT.match(token.strip().lower()) if isinstance(token, str) else None
    if match is None:
        warn_once("resume-token", "resume(): %r is not a suspend() token; ignored", token)
        return Attached(otel_context.get_current())
    parent = NonRecordingSpan(
        SpanContext(
            int(match.group(1), 16),
            int(match.group(2), 16),
            is_remote=True,
            trace_flags=TraceFlags(int(match.group(3), 16)),
        )
    )
    _runtime.current.resume_used = True
    ctx = trace.set_span_in_context(parent)
    return Attached(otel_context.set_value(RESUMED_KEY, parent, ctx))


def current_trace_id() -> str | None:
    """The current trace id (32 lowercase hex), or None outside any span."""
    ctx = trace.get_current_span().get_span_context()
    return format(ctx.trace_id, "032x") if ctx.is_valid else None


def _parse_ref(ref: str) -> tuple[int, int | None] | None:
    text = ref.strip().lower()
    match = _TRACEPARENT.match(text)
    if match:
        return int(match.group(1), 16), int(match.group(2), 16)
    if _TRACE_ID.match(text) and int(text, 16):
        return int(text, 16), None
    return None


def outcome(ok: bool, reason: str | None = None, *, trace_id: str | None = None) -> None:
    """Record a run's outcome (success when ``ok``); the latest outcome of a run wins.

    Without ``trace_id``: on the current run (the enclosing ``@tracer.workflow``
    span). With ``trace_id`` (32 hex, or a :func:`suspend` token): a small
    ``outcome`` span in that run's trace, linked to the run span when known,
    so feedback that arrives hours later, from any process, still counts.
    Never raises.
    """
    if not _runtime.current.enabled:
        return
    try:
        _outcome(ok, reason, trace_id)
    except Exception:
        internal_error("recording an outcome")


def _outcome_attrs(ok: bool, reason: str | None) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_OUTCOME,
        semconv.OUTCOME: semconv.OUTCOME_SUCCESS if ok else semconv.OUTCOME_FAILURE,
    }
    if reason is not None:
        attrs[semconv.OUTCOME_REASON] = str(reason)
    return attrs


def _outcome(ok: bool, reason: str | None, trace_id: str | None) -> None:
    if trace_id is None:
        run = otel_context.get_value(RUN_KEY)
        if run is not None and run.is_recording():  # type: ignore[attr-defined]
            attrs = _outcome_attrs(ok, reason)
            del attrs[semconv.GEN_AI_OPERATION_NAME]
            if reason is None:
                attrs[semconv.OUTCOME_REASON] = ""
            run.set_attributes(attrs)  # type: ignore[attr-defined]
            return
        current = current_trace_id()
        if current is None:
            warn_once(
                "outcome-nowhere",
                "outcome() called outside any run and without trace_id; ignored",
            )
            return
        trace_id = current
    parsed = _parse_ref(trace_id)
    if parsed is None:
        warn_once("outcome-ref", "outcome(): %r is not a trace id or token; ignored", trace_id)
        return
    tid, sid = parsed
    run_context = _runtime.current.run_contexts.get(tid)
    links = []
    if run_context is not None:
        parent_context = run_context
        links.append(Link(run_context))
    elif sid is not None:
        parent_context = SpanContext(tid, sid, is_remote=True, trace_flags=TraceFlags(1))
        links.append(Link(parent_context))
    else:
        # The run span's id is unknown here: a stable stand-in parent keeps the
        # outcome in the run's trace; coordgap.outcome.trace_id names the run.
        sid = int(hashlib.sha256(f"{tid:032x}".encode()).hexdigest()[:16], 16) or 1
        parent_context = SpanContext(tid, sid, is_remote=True, trace_flags=TraceFlags(1))
    tracer = _runtime.current.tracer or ensure_tracer()
    if tracer is None:
        return
    attrs = _outcome_attrs(ok, reason)
    attrs[semconv.OUTCOME_TRACE_ID] = f"{tid:032x}"
    span = tracer.start_span(
        semconv.OUTCOME_SPAN_NAME,
        context=trace.set_span_in_context(NonRecordingSpan(parent_context)),
        attributes=attrs,
        links=links,
    )
    span.end()
