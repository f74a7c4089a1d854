"""The tracer's API for framework integrations (``tracer/integrations/``).

An integration turns a framework's events into coordgap spans. It uses only
this module (never a private ``tracer._x`` one), so every integration writes
the same attribute sets, roles and content policy as the decorators do:

- :func:`tracer_for`: the tracer to start spans with (a given provider's, or
  coordgap's configured one, resolved at each span so ``instrument()`` may run
  before ``tracer.configure()``).
- :data:`ROLES` / :func:`check_roles`: a node or agent's role (``plan``,
  ``verify``, ``generate``, ``assemble``) -> operation, stage and span name.
- :func:`open_agent`, :func:`open_tool`, :func:`open_handoff`,
  :func:`record_verdict`, :func:`record_error`: spans with the shared
  attribute sets (:func:`workflow_attributes`, :func:`agent_attributes`,
  :func:`tool_attributes`, :func:`handoff_attributes`,
  :func:`fingerprint_attributes`, :func:`verdict_attributes`). The
  decorators and ``tracer.handoff`` build their spans with the same
  functions, so both write the same keys for the same facts.
- :class:`Content`: whether content is recorded, and rendering through the
  redact hook and length cap.
- :class:`Instrumentor`: the one lifecycle of the integrations with a global
  switch (``instrument()``, ``uninstrument()``, ``is_instrumented()``).
- :func:`guard` / :func:`guarded` / :func:`internal_error` / :func:`warn_once`:
  instrumentation failures are logged once and swallowed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode, Tracer, TracerProvider

from tracer import _runtime, semconv
from tracer._config import _resolve, ensure_tracer
from tracer._content import fingerprint, render_content, top_level_keys
from tracer._guard import internal_error, logger, warn_once
from tracer._instrumentor import Instrumentor
from tracer._options import check_actor, check_choice
from tracer._plan import plan_attributes
from tracer._verdict import Verdict, parse_verdict

__all__ = [
    "ROLES",
    "Content",
    "Instrumentor",
    "Role",
    "Verdict",
    "agent_attributes",
    "check_roles",
    "fingerprint_attributes",
    "guard",
    "guarded",
    "handoff_attributes",
    "internal_error",
    "logger",
    "open_agent",
    "open_handoff",
    "open_tool",
    "parse_verdict",
    "plan_attributes",
    "plan_or_empty",
    "record_error",
    "record_verdict",
    "tool_attributes",
    "tracer_for",
    "value_hash",
    "verdict_attributes",
    "warn_once",
    "workflow_attributes",
]

_F = TypeVar("_F", bound=Callable[..., Any])


# -- roles --------------------------------------------------------------------------
@dataclass(frozen=True)
class Role:
    """What a role makes of a node or agent: its operation, stage and span name."""

    operation: str
    stage: str
    span_name: Callable[[str], str]


ROLES: Mapping[str, Role] = {
    "plan": Role(semconv.OP_PLAN, semconv.STAGE_DECOMPOSITION, semconv.plan_span_name),
    "verify": Role(semconv.OP_VERIFY, semconv.STAGE_VERIFICATION, semconv.verify_span_name),
    "generate": Role(semconv.OP_INVOKE_AGENT, semconv.STAGE_GENERATION, semconv.agent_span_name),
    "assemble": Role(semconv.OP_INVOKE_AGENT, semconv.STAGE_ASSEMBLY, semconv.agent_span_name),
}


def check_roles(
    roles: Mapping[str, str] | None,
    plan: Iterable[str] = (),
    verify: Iterable[str] = (),
    *,
    what: str = "agent",
) -> dict[str, str]:
    """``roles`` plus ``plan``/``verify`` names as one mapping; ValueError on an unknown role."""
    out = dict(roles or {})
    out.update({name: "plan" for name in plan})
    out.update({name: "verify" for name in verify})
    for name, role in out.items():
        if role not in ROLES:
            raise ValueError(f"role {role!r} for {what} {name!r}: expected one of {sorted(ROLES)}")
    return out


# -- attribute sets -----------------------------------------------------------------
def workflow_attributes(
    name: str, *, conversation_id: str | None = None, integration: str | None = None
) -> dict[str, Any]:
    """A run's (workflow's) span attributes."""
    attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
        semconv.GEN_AI_WORKFLOW_NAME: name,
    }
    if conversation_id is not None:
        attrs[semconv.GEN_AI_CONVERSATION_ID] = str(conversation_id)
    if integration is not None:
        attrs[semconv.INTEGRATION] = integration
    return attrs


def agent_attributes(
    name: str,
    *,
    role: str = "generate",
    actor: str = semconv.ACTOR_MODEL,
    agent_id: str | None = None,
    stage: str | None = None,
    integration: str | None = None,
    what: str = "agent",
) -> dict[str, Any]:
    """An agent (or planner, verifier) span's attributes for ``role``.

    ``gen_ai.agent.id`` is ``agent_id``, else the name; ``stage`` replaces the
    role's own stage (``tracer.agent(stage=...)``). ValueError on an unknown
    role, stage or actor, naming ``what`` (the caller's name for the step).
    """
    spec = ROLES[check_choice(what, "role", role, tuple(ROLES))]
    attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: spec.operation,
        semconv.GEN_AI_AGENT_NAME: name,
        semconv.GEN_AI_AGENT_ID: agent_id or name,
        semconv.STAGE: spec.stage
        if stage is None
        else check_choice(what, "stage", stage, semconv.STAGES),
        semconv.ACTOR: check_actor(what, "actor", actor),
    }
    if integration is not None:
        attrs[semconv.INTEGRATION] = integration
    return attrs


def tool_attributes(
    name: str, *, stage: str = semconv.STAGE_GENERATION, integration: str | None = None
) -> dict[str, Any]:
    """A tool span's attributes (actor ``tool``)."""
    attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
        semconv.GEN_AI_TOOL_NAME: name,
        semconv.STAGE: check_choice("tool", "stage", stage, semconv.STAGES),
        semconv.ACTOR: semconv.ACTOR_TOOL,
    }
    if integration is not None:
        attrs[semconv.INTEGRATION] = integration
    return attrs


def handoff_attributes(
    source: str,
    target: str,
    *,
    source_actor: str | None = None,
    target_actor: str | None = None,
    integration: str | None = None,
) -> dict[str, Any]:
    """The attributes every handoff span carries (``tracer.handoff`` and integrations)."""
    attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
        semconv.STAGE: semconv.STAGE_HANDOFF,
        semconv.HANDOFF_SOURCE: source,
        semconv.HANDOFF_TARGET: target,
        semconv.GEN_AI_HANDOFF_SOURCE_NAME: source,
        semconv.GEN_AI_HANDOFF_TARGET_NAME: target,
    }
    if source_actor is not None:
        attrs[semconv.HANDOFF_SOURCE_ACTOR] = source_actor
    if target_actor is not None:
        attrs[semconv.HANDOFF_TARGET_ACTOR] = target_actor
    if integration is not None:
        attrs[semconv.INTEGRATION] = integration
    return attrs


def fingerprint_attributes(payload: Any, attrs: dict[str, Any] | None = None) -> dict[str, Any]:
    """Hash (sha256 hex), size (bytes) and top-level keys of ``payload``; never raises.

    Added to ``attrs`` when given (a span's attributes being built; saves a
    copy on the handoff's hot path), else to a new dict; returns the dict.
    What cannot be read (a payload that does not serialise, a mapping whose
    iteration fails) is left out and logged once: the payload is the user's.
    """
    if attrs is None:
        attrs = {}
    try:
        digest, size = fingerprint(payload)
        attrs[semconv.HANDOFF_PAYLOAD_HASH] = digest
        attrs[semconv.HANDOFF_PAYLOAD_SIZE] = size
    except Exception as exc:
        warn_once(
            "fingerprint",
            "handoff payload could not be serialised for its fingerprint (%s: %s); "
            "hash and size not recorded",
            type(exc).__name__,
            exc,
        )
    try:
        attrs[semconv.HANDOFF_PAYLOAD_KEYS] = top_level_keys(payload)
    except Exception as exc:
        warn_once("payload-keys", "handoff payload keys could not be read: %r", exc)
    return attrs


def value_hash(value: Any) -> str:
    """The canonical sha256 of ``value`` (what fingerprints hash)."""
    return fingerprint(value)[0]


def verdict_attributes(
    name: str,
    accepted: bool,
    attempt: int | None,
    reason: str | None,
    subject: str | None,
    *,
    score: float | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Span attributes and ``gen_ai.evaluation.result`` event attributes of a verdict.

    The event's score is ``score``, else 1.0 for an accept and 0.0 for a
    reject; ``attempt`` None leaves the attempt out (already on the span).
    """
    verdict = semconv.VERDICT_ACCEPT if accepted else semconv.VERDICT_REJECT
    attrs: dict[str, Any] = {semconv.VERIFY_VERDICT: verdict}
    if attempt is not None:
        attrs[semconv.VERIFY_ATTEMPT] = attempt
    event: dict[str, Any] = {
        semconv.GEN_AI_EVALUATION_NAME: name,
        semconv.GEN_AI_EVALUATION_SCORE_LABEL: verdict,
        semconv.GEN_AI_EVALUATION_SCORE_VALUE: (1.0 if accepted else 0.0)
        if score is None
        else score,
    }
    if reason:
        attrs[semconv.VERIFY_REASON] = reason
        event[semconv.GEN_AI_EVALUATION_EXPLANATION] = reason
    if subject:
        attrs[semconv.VERIFY_SUBJECT] = subject
    return attrs, event


# -- errors -------------------------------------------------------------------------
def error_type(exc: BaseException) -> str:
    cls = type(exc)
    module = cls.__module__
    return cls.__qualname__ if module in (None, "builtins") else f"{module}.{cls.__qualname__}"


def record_error(span: Any, exc: BaseException) -> None:
    """Put ``exc`` on ``span``: ``error.type``, ERROR status, an ``exception`` event."""
    if not span.is_recording():
        return
    span.set_attribute(semconv.ERROR_TYPE, error_type(exc))
    span.record_exception(exc, escaped=True)
    span.set_status(Status(StatusCode.ERROR, f"{type(exc).__name__}: {exc}"))


# -- opening spans ------------------------------------------------------------------
class _LazyTracer:
    """Resolves coordgap's tracer at each span start, not at instrumentation time.

    So ``instrument()`` may run before ``tracer.configure()``; with nothing
    configured the first span configures the defaults (the local store), and
    ``enabled=False`` makes every span a no-op.
    """

    def start_span(self, *args: Any, **kwargs: Any) -> Span:
        tracer = ensure_tracer() or trace.NoOpTracer()
        return tracer.start_span(*args, **kwargs)


def tracer_for(provider: TracerProvider | None = None) -> Tracer | _LazyTracer:
    """The tracer integrations write to: ``provider``'s, else coordgap's configured one."""
    if provider is not None:
        return trace.get_tracer(semconv.INSTRUMENTATION_NAME, tracer_provider=provider)
    return _LazyTracer()


def open_agent(
    tracer: Tracer | _LazyTracer,
    name: str,
    *,
    role: str = "generate",
    actor: str = semconv.ACTOR_MODEL,
    agent_id: str | None = None,
    integration: str | None = None,
    context: Any = None,
    start_time: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Span:
    """Start (not make current) the span of an agent, planner or verifier in ``role``."""
    attrs = agent_attributes(
        name, role=role, actor=actor, agent_id=agent_id, integration=integration
    )
    if extra:
        attrs.update(extra)
    return tracer.start_span(
        ROLES[role].span_name(name), context=context, attributes=attrs, start_time=start_time
    )


def open_tool(
    tracer: Tracer | _LazyTracer,
    name: str,
    *,
    stage: str = semconv.STAGE_GENERATION,
    integration: str | None = None,
    context: Any = None,
    start_time: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Span:
    """Start (not make current) a tool span."""
    attrs = tool_attributes(name, stage=stage, integration=integration)
    if extra:
        attrs.update(extra)
    return tracer.start_span(
        semconv.tool_span_name(name), context=context, attributes=attrs, start_time=start_time
    )


def open_handoff(
    tracer: Tracer | _LazyTracer,
    source: str,
    target: str,
    *,
    source_actor: str | None = None,
    target_actor: str | None = None,
    integration: str | None = None,
    violations: Iterable[str] | None = None,
    context: Any = None,
    start_time: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Span:
    """Start (not make current) a handoff span; ``violations`` as ``"kind: detail"``."""
    attrs = handoff_attributes(
        source,
        target,
        source_actor=source_actor,
        target_actor=target_actor,
        integration=integration,
    )
    if violations is not None:
        found = list(violations)
        attrs[semconv.HANDOFF_VIOLATIONS] = found
        attrs[semconv.HANDOFF_VIOLATION_COUNT] = len(found)
    if extra:
        attrs.update(extra)
    return tracer.start_span(
        semconv.handoff_span_name(source, target),
        context=context,
        attributes=attrs,
        start_time=start_time,
    )


def record_verdict(
    span: Span,
    name: str,
    accepted: bool,
    attempt: int | None,
    reason: str | None = None,
    subject: str | None = None,
    *,
    score: float | None = None,
) -> None:
    """Put a verdict on a verify span: attributes and the ``gen_ai.evaluation.result`` event."""
    attrs, event = verdict_attributes(name, accepted, attempt, reason, subject, score=score)
    span.set_attributes(attrs)
    span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)


# -- content policy -----------------------------------------------------------------
class Content:
    """Decides whether content is recorded, and renders it redacted and capped.

    The argument wins, else ``tracer.configure(capture_content=...)`` (and its
    ``COORDGAP_CAPTURE_CONTENT``); off by default. Rendering uses the tracer's
    redact hook and length cap unless ``redact`` is given here.
    """

    def __init__(
        self, capture: bool | None = None, redact: Callable[[str], str] | None = None
    ) -> None:
        self._capture = capture
        self._redact = redact

    @property
    def enabled(self) -> bool:
        if self._capture is not None:
            return self._capture
        state = _runtime.current
        if state.settings is not None:
            return bool(state.capture_content)
        try:  # not configured (yet): the environment decides, as configure() would
            return bool(_resolve("capture_content", None))
        except ValueError:  # a bad value: configure() will report it; record nothing
            return False

    def render(self, value: Any) -> str:
        state = _runtime.current
        return render_content(value, self._redact or state.redact, state.max_content_length)


# -- failures -----------------------------------------------------------------------
@contextmanager
def guard(where: str) -> Iterator[None]:
    """Swallow and log an instrumentation failure; never raise into the framework."""
    try:
        yield
    except Exception:  # instrumentation must never break the instrumented code
        internal_error(where)


def guarded(where: str) -> Callable[[_F], _F]:
    """Decorator form of :func:`guard`; the wrapped function returns None on failure."""

    def deco(fn: _F) -> _F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:  # see guard
                internal_error(where)
                return None

        return wrapper  # type: ignore[return-value]

    return deco


def plan_or_empty(subtasks: Any) -> dict[str, Any]:
    """Count, ids, assignees and face-value defects of a plan; {} when it is not one."""
    return plan_attributes(subtasks) or {}
