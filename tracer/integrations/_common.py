"""Helpers shared by the framework integrations, on the tracer's integration API.

Every name here is a thin alias or helper over :mod:`tracer.instrumentation`
(the one module integrations may use from the tracer); integrations import
these, never a private ``tracer._x`` module. Everything is defensive: the
integrations run inside someone else's framework, so a helper that fails logs
once and returns a harmless value instead of raising into the framework.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from opentelemetry import context as otel_context
from opentelemetry.trace import Span, Tracer, TracerProvider

from tracer import instrumentation as api
from tracer.instrumentation import (
    ROLES,
    Content,
    Instrumentor,
    Role,
    agent_attributes,
    check_roles,
    handoff_attributes,
    logger,
    open_agent,
    open_handoff,
    open_tool,
    parse_verdict,
    record_verdict,
    semconv,
    tool_attributes,
    warn_once,
    workflow_attributes,
)

__all__ = [
    "ROLES",
    "Instrumentor",
    "Role",
    "agent_attributes",
    "check_roles",
    "handoff_attributes",
    "logger",
    "open_agent",
    "open_handoff",
    "open_tool",
    "parse_verdict",
    "record_verdict",
    "tool_attributes",
    "warn_once",
    "workflow_attributes",
]

_F = TypeVar("_F", bound=Callable[..., Any])

_Content = Content
_LazyTracer = type(api.tracer_for(None))


def _log_once(where: str, message: str = "", *args: Any) -> None:
    """Handle an instrumentation failure (call from an ``except`` block): logged once
    per site, re-raised only when coordgap's tests ask for it."""
    api.internal_error(where)


def _guard(where: str) -> AbstractContextManager[None]:
    """Swallow and log an instrumentation failure; never raise into the framework."""
    return api.guard(where)


def _guarded(where: str) -> Callable[[_F], _F]:
    """Decorator form of :func:`_guard`; the wrapped function returns None on failure."""
    return api.guarded(where)


def _get_tracer(provider: TracerProvider | None) -> Tracer | Any:
    """The tracer the integrations write to: ``provider``'s, else coordgap's configured one."""
    return api.tracer_for(provider)


def _fingerprint(payload: Any) -> dict[str, Any]:
    """Hash (sha256 hex), size (bytes) and top-level keys of ``payload``, as the tracer does."""
    return api.fingerprint_attributes(payload)


def _value_hash(value: Any) -> str:
    return api.value_hash(value)


_Snapshot = dict[str, tuple[bool, str, str]]


def _snapshot(state: Mapping[str, Any]) -> _Snapshot:
    """Per key: (value is None, canonical hash, type name). Taken when a node starts,
    so a node that mutates its input in place still shows as a change."""
    return {str(k): (v is None, _value_hash(v), type(v).__name__) for k, v in state.items()}


def _state_diff(before: _Snapshot, after: _Snapshot) -> dict[str, list[str]]:
    """Keys added, dropped (removed or set to None) and changed from ``before`` to ``after``.

    ``type_changed`` lists ``"key (old -> new)"`` for keys whose value changed type
    while staying present. Only hashes are compared; values are never recorded.
    """
    absent = (True, "", "")
    added, dropped, changed, type_changed = [], [], [], []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, absent), after.get(key, absent)
        if old[0] and not new[0]:
            added.append(key)
        elif not old[0] and new[0]:
            dropped.append(key)
        elif not old[0] and old[1] != new[1]:
            changed.append(key)
            if old[2] != new[2]:
                type_changed.append(f"{key} ({old[2]} -> {new[2]})")
    return {"added": added, "dropped": dropped, "changed": changed, "type_changed": type_changed}


def _record_error(span: Span, exc: BaseException) -> None:
    """Mark ``span`` failed by ``exc`` (status, ``error.type``, exception event)."""
    api.record_error(span, exc)


def _plan_attributes(subtasks: Any) -> dict[str, Any]:
    """Count, ids, assignees and face-value defects of a plan (see docs/internals.md)."""
    return api.plan_or_empty(subtasks)


def _verdict_attributes(
    name: str, accepted: bool, attempt: int, reason: str | None, subject: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Span attributes and ``gen_ai.evaluation.result`` event attributes of a verdict."""
    return api.verdict_attributes(name, accepted, attempt, reason, subject)


def _detach_quietly(token: object | None) -> None:
    """Undo an attach made in a callback, if this callback runs in the same context.

    Frameworks may end a step from another task than the one that started
    it; there the reset is impossible, so the caller restores its own context
    (see the LangGraph ``astream`` wrapper).
    """
    if token is None:
        return
    var = getattr(token, "var", None)
    if var is None:  # a non-contextvars runtime context
        otel_context.detach(token)  # type: ignore[arg-type]
        return
    try:
        var.reset(token)
    except ValueError:  # created in another Context (see above)
        pass


def _handoff_attributes(
    source: str,
    target: str,
    *,
    source_actor: str,
    target_actor: str,
    payload: Any,
    violations: list[str],
    framework: str,
) -> dict[str, Any]:
    """Attributes of a ``handoff {source} -> {target}`` span: the shared handoff set
    (:func:`handoff_attributes`), the payload's fingerprint and the violations
    found (may be empty)."""
    return {
        **handoff_attributes(
            source,
            target,
            source_actor=source_actor,
            target_actor=target_actor,
            integration=framework,
        ),
        semconv.HANDOFF_VIOLATIONS: list(violations),
        semconv.HANDOFF_VIOLATION_COUNT: len(violations),
        **_fingerprint(payload),
    }
