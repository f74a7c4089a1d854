"""Helpers shared by the framework integrations (thin layers over the tracer's own).

Everything here is defensive: the integrations run inside someone else's
framework, so a helper that fails logs once and returns a harmless value
instead of raising into the framework's execution.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, Tracer, TracerProvider

from tracer import semconv
from tracer._config import _resolve, ensure_tracer, state
from tracer._content import fingerprint, render_content, top_level_keys
from tracer._guard import internal_error
from tracer._plan import plan_attributes
from tracer._spans import record_error

__all__: list[str] = []

logger = logging.getLogger("coordgap.tracer")

_F = TypeVar("_F", bound=Callable[..., Any])


def _log_once(where: str, message: str = "", *args: Any) -> None:
    """Handle an instrumentation failure (call from an ``except`` block).

    Logged once per site; re-raised under pytest so a bug fails its test (the
    tracer's guard, see ``tracer/_guard.py``).
    """
    internal_error(where)


@contextmanager
def _guard(where: str) -> Iterator[None]:
    """Swallow and log an instrumentation failure; never raise into the framework."""
    try:
        yield
    except Exception:  # instrumentation must never break the instrumented code
        internal_error(where)


def _guarded(where: str) -> Callable[[_F], _F]:
    """Decorator form of :func:`_guard`; the wrapped function returns None on failure."""

    def deco(fn: _F) -> _F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:  # see _guard
                internal_error(where)
                return None

        return wrapper  # type: ignore[return-value]

    return deco


class _LazyTracer:
    """Resolves coordgap's tracer at each span start, not at instrumentation time.

    So ``instrument()`` may run before ``tracer.configure()``; with nothing
    configured the first span configures the defaults (the local store), and
    ``enabled=False`` makes every span a no-op.
    """

    def start_span(self, *args: Any, **kwargs: Any) -> Span:
        tracer = ensure_tracer() or trace.NoOpTracer()
        return tracer.start_span(*args, **kwargs)


def _get_tracer(provider: TracerProvider | None) -> Tracer | _LazyTracer:
    """The tracer the integrations write to: ``provider``'s, else coordgap's configured one."""
    if provider is not None:
        return trace.get_tracer(semconv.INSTRUMENTATION_NAME, tracer_provider=provider)
    return _LazyTracer()


def _fingerprint(payload: Any) -> dict[str, Any]:
    """Hash (sha256 hex), size (bytes) and top-level keys of ``payload``, as the tracer does."""
    digest, size = fingerprint(payload)
    attrs: dict[str, Any] = {
        semconv.HANDOFF_PAYLOAD_HASH: digest,
        semconv.HANDOFF_PAYLOAD_SIZE: size,
    }
    keys = top_level_keys(payload)
    if keys:
        attrs[semconv.HANDOFF_PAYLOAD_KEYS] = keys
    return attrs


def _value_hash(value: Any) -> str:
    return fingerprint(value)[0]


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


class _Content:
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
        if state.settings is not None:
            return bool(state.capture_content)
        try:  # not configured (yet): the environment decides, as configure() would
            return bool(_resolve("capture_content", None))
        except ValueError:  # a bad value: configure() will report it; record nothing
            return False

    def render(self, value: Any) -> str:
        return render_content(value, self._redact or state.redact, state.max_content_length)


def _record_error(span: Span, exc: BaseException) -> None:
    """Mark ``span`` failed by ``exc`` (status, ``error.type``, exception event)."""
    record_error(span, exc)


def _plan_attributes(subtasks: Any) -> dict[str, Any]:
    """Count, ids, assignees and face-value defects of a plan (see docs/internals.md)."""
    return plan_attributes(subtasks) or {}


def _verdict_attributes(
    name: str, accepted: bool, attempt: int, reason: str | None, subject: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Span attributes and ``gen_ai.evaluation.result`` event attributes of a verdict."""
    verdict = semconv.VERDICT_ACCEPT if accepted else semconv.VERDICT_REJECT
    attrs: dict[str, Any] = {
        semconv.VERIFY_VERDICT: verdict,
        semconv.VERIFY_ATTEMPT: attempt,
    }
    event: dict[str, Any] = {
        semconv.GEN_AI_EVALUATION_NAME: name,
        semconv.GEN_AI_EVALUATION_SCORE_LABEL: verdict,
        semconv.GEN_AI_EVALUATION_SCORE_VALUE: 1.0 if accepted else 0.0,
    }
    if reason:
        attrs[semconv.VERIFY_REASON] = reason
        event[semconv.GEN_AI_EVALUATION_EXPLANATION] = reason
    if subject:
        attrs[semconv.VERIFY_SUBJECT] = subject
    return attrs, event


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
    """Attributes of a ``handoff {source} -> {target}`` span: both ends, their
    actors, the payload's fingerprint and the violations found (may be empty)."""
    return {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
        semconv.STAGE: semconv.STAGE_HANDOFF,
        semconv.HANDOFF_SOURCE: source,
        semconv.HANDOFF_TARGET: target,
        semconv.GEN_AI_HANDOFF_SOURCE_NAME: source,
        semconv.GEN_AI_HANDOFF_TARGET_NAME: target,
        semconv.HANDOFF_SOURCE_ACTOR: source_actor,
        semconv.HANDOFF_TARGET_ACTOR: target_actor,
        semconv.HANDOFF_VIOLATIONS: list(violations),
        semconv.HANDOFF_VIOLATION_COUNT: len(violations),
        semconv.INTEGRATION: framework,
        **_fingerprint(payload),
    }
