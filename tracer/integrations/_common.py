"""Helpers shared by the framework integrations.

Everything here is defensive: the integrations run inside someone else's
framework, so a helper that fails logs once and returns a harmless value
instead of raising into the framework's execution.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from typing import Any, TypeVar

from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode, Tracer, TracerProvider

from tracer import semconv

__all__: list[str] = []

logger = logging.getLogger("tracer.integrations")

_F = TypeVar("_F", bound=Callable[..., Any])

# Cap for opt-in content: large states would bloat every span otherwise.
_CONTENT_CAP = 4096
_logged: set[str] = set()


def _log_once(key: str, message: str, *args: Any) -> None:
    """Log an instrumentation failure with its traceback, once per ``key``."""
    if key in _logged:
        logger.debug(message, *args, exc_info=True)
        return
    _logged.add(key)
    logger.warning(message, *args, exc_info=True)


@contextmanager
def _guard(where: str) -> Iterator[None]:
    """Swallow and log an instrumentation failure; never raise into the framework."""
    try:
        yield
    except Exception:  # instrumentation must never break the instrumented code
        _log_once(where, "coordgap: instrumentation failed in %s (ignored)", where)


def _guarded(where: str) -> Callable[[_F], _F]:
    """Decorator form of :func:`_guard`; the wrapped function returns None on failure."""

    def deco(fn: _F) -> _F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:  # see _guard
                _log_once(where, "coordgap: instrumentation failed in %s (ignored)", where)
                return None

        return wrapper  # type: ignore[return-value]

    return deco


def _get_tracer(provider: TracerProvider | None) -> Tracer:
    """The OpenTelemetry tracer the integrations write to (global provider by default)."""
    return trace.get_tracer(semconv.INSTRUMENTATION_NAME, tracer_provider=provider)


def _plain(value: Any) -> Any:
    """A JSON-friendly view of ``value`` (pydantic models and dataclasses become dicts)."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        try:
            return dump()
        except Exception:  # a model that cannot dump itself is hashed by repr
            return repr(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def _canonical(value: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, no whitespace, unknown objects by ``str``."""
    return json.dumps(
        _plain(value), sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False
    ).encode("utf-8")


def _fingerprint(payload: Any) -> dict[str, Any]:
    """Hash (sha256 hex), size (bytes) and top-level keys of ``payload`` as span attributes."""
    data = _canonical(payload)
    attrs: dict[str, Any] = {
        semconv.HANDOFF_PAYLOAD_HASH: hashlib.sha256(data).hexdigest(),
        semconv.HANDOFF_PAYLOAD_SIZE: len(data),
    }
    plain = _plain(payload)
    if isinstance(plain, Mapping):
        attrs[semconv.HANDOFF_PAYLOAD_KEYS] = sorted(str(k) for k in plain)
    return attrs


def _value_hash(value: Any) -> str:
    return hashlib.sha256(_canonical(value)).hexdigest()


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


def _env_flag(name: str) -> bool | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _tracer_settings() -> tuple[bool | None, Callable[[Any], Any] | None]:
    """``(capture_content, redact)`` as configured on :mod:`tracer`, if it says."""
    try:
        import tracer as _tracer_pkg

        getter = getattr(_tracer_pkg, "get_config", None) or getattr(
            _tracer_pkg, "current_config", None
        )
        cfg = getter() if callable(getter) else None
        if cfg is None:
            return None, None
        capture = getattr(cfg, "capture_content", None)
        redact = getattr(cfg, "redact", None)
        return (bool(capture) if capture is not None else None), redact
    except Exception:  # an older or half-configured tracer: fall back to the environment
        return None, None


class _Content:
    """Decides whether content is recorded, and renders it redacted and capped.

    The argument wins, then ``tracer.configure(capture_content=...)``, then
    ``COORDGAP_CAPTURE_CONTENT``; off by default.
    """

    def __init__(
        self, capture: bool | None = None, redact: Callable[[Any], Any] | None = None
    ) -> None:
        self._capture = capture
        self._redact = redact

    @property
    def enabled(self) -> bool:
        if self._capture is not None:
            return self._capture
        configured, _ = _tracer_settings()
        if configured is not None:
            return configured
        return bool(_env_flag("COORDGAP_CAPTURE_CONTENT"))

    def render(self, value: Any) -> str:
        redact = self._redact or _tracer_settings()[1]
        if redact is not None:
            value = redact(value)
        text = value if isinstance(value, str) else _canonical(value).decode("utf-8")
        return text if len(text) <= _CONTENT_CAP else text[:_CONTENT_CAP] + "…"


def _record_error(span: Span, exc: BaseException) -> None:
    """Mark ``span`` failed by ``exc`` (status, ``error.type``, exception event)."""
    span.set_attribute(semconv.ERROR_TYPE, type(exc).__qualname__)
    span.record_exception(exc)
    span.set_status(Status(StatusCode.ERROR, str(exc)[:200] or type(exc).__name__))


def _subtask_field(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def _plan_attributes(subtasks: Iterable[Any]) -> dict[str, Any]:
    """Count, ids, assignees and face-value defects of a plan (see docs/internals.md)."""
    items = list(subtasks)
    ids = [str(_subtask_field(t, "id") or "") for t in items]
    assignees = [str(_subtask_field(t, "agent") or "") for t in items]
    seen: set[str] = set()
    duplicates: list[str] = []
    for sid in ids:
        if sid in seen and sid not in duplicates:
            duplicates.append(sid)
        seen.add(sid)
    scopes: dict[str, str] = {}
    overlaps: list[str] = []
    for sid, item in zip(ids, items, strict=True):
        scope = _subtask_field(item, "scope")
        if scope is None:
            continue
        key = _value_hash(scope)
        if key in scopes:
            overlaps.append(f"{scopes[key]}~{sid}")
        else:
            scopes[key] = sid
    return {
        semconv.PLAN_SUBTASK_COUNT: len(items),
        semconv.PLAN_SUBTASK_IDS: ids,
        semconv.PLAN_ASSIGNEES: assignees,
        semconv.PLAN_UNASSIGNED: [s for s, a in zip(ids, assignees, strict=True) if not a],
        semconv.PLAN_DUPLICATES: duplicates,
        semconv.PLAN_OVERLAPS: overlaps,
    }


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


def _current_is_workflow() -> bool:
    """True when the current span is a coordgap workflow (run) span."""
    span = trace.get_current_span()
    attrs = getattr(span, "attributes", None)
    if not span.get_span_context().is_valid or not attrs:
        return False
    return attrs.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_INVOKE_WORKFLOW
