"""``tracer.handoff``: work passing from one agent (or human) to the next.

The span ``handoff {source} -> {target}`` always carries the payload's
fingerprint (sha256 of its canonical JSON, size in bytes, top-level keys) and
every violation found: keys the receiver expects but the payload lacks,
carried context keys that were dropped, type or schema mismatches, stale
state, and a block that outlived its ``timeout``. Violations are recorded,
never raised, unless ``strict=True`` (then :class:`HandoffError` after recording).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace

from tracer import semconv
from tracer._config import ensure_tracer, state
from tracer._content import evict_oldest, fingerprint, render_content, top_level_keys
from tracer._expects import Checker, compile_expects, limit
from tracer._guard import internal_error, warn_once
from tracer._spans import record_error

__all__ = ["Handoff", "HandoffError", "handoff"]

_compiled: dict[int, tuple[Any, tuple[str, Checker] | None]] = {}
_bases: dict[tuple[str, str, str | None, str | None], dict[str, Any]] = {}
_CACHE_MAX = 256


class HandoffError(Exception):
    """A strict handoff found violations; they are already on the span."""

    def __init__(self, source: str, target: str, violations: list[str]) -> None:
        self.source = source
        self.target = target
        self.violations = list(violations)
        super().__init__(f"handoff {source} -> {target}: " + "; ".join(self.violations))


def _compile(expects: Any) -> tuple[str, Checker] | None:
    entry = _compiled.get(id(expects))
    if entry is not None and entry[0] is expects:
        return entry[1]
    result = compile_expects(expects)
    if result is None:
        warn_once(
            "expects:" + type(expects).__name__,
            "handoff expects=%r is not a key list, class, dataclass, TypedDict, pydantic "
            "model or JSON-schema dict; it is not checked",
            expects,
        )
    evict_oldest(_compiled, _CACHE_MAX)
    _compiled[id(expects)] = (expects, result)  # keeps expects alive, so the id stays its own
    return result


def _base(source: str, target: str, src_actor: str | None, dst_actor: str | None) -> dict[str, Any]:
    key = (source, target, src_actor, dst_actor)
    base = _bases.get(key)
    if base is None:
        base = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
            semconv.STAGE: semconv.STAGE_HANDOFF,
            semconv.HANDOFF_SOURCE: source,
            semconv.HANDOFF_TARGET: target,
            semconv.GEN_AI_HANDOFF_SOURCE_NAME: source,
            semconv.GEN_AI_HANDOFF_TARGET_NAME: target,
        }
        if src_actor is not None:
            base[semconv.HANDOFF_SOURCE_ACTOR] = src_actor
        if dst_actor is not None:
            base[semconv.HANDOFF_TARGET_ACTOR] = dst_actor
        evict_oldest(_bases, _CACHE_MAX)
        _bases[key] = base
    return base


class Handoff:
    """What ``with tracer.handoff(...) as h`` yields.

    ``h.payload`` is the payload object itself (not a copy); ``h.violations``
    the violations recorded so far; ``h.span`` the live span.
    """

    __slots__ = (
        "source",
        "target",
        "payload",
        "violations",
        "span",
        "_expects",
        "_carry",
        "_strict",
        "_seen",
        "_latest",
        "_timeout",
        "_actors",
        "_token",
        "_started",
    )

    def __init__(
        self,
        source: str,
        target: str,
        payload: Any,
        expects: Any,
        carry: Iterable[str],
        strict: bool,
        seen_version: Any,
        latest_version: Any,
        timeout: float | None,
        actors: tuple[str | None, str | None],
    ) -> None:
        self.source = str(source)
        self.target = str(target)
        self.payload = payload
        self.violations: list[str] = []
        self.span: Any = trace.INVALID_SPAN
        self._expects = expects
        self._carry = carry
        self._strict = strict
        self._seen = seen_version
        self._latest = latest_version
        self._timeout = timeout
        self._actors = actors
        self._token: object = None
        self._started = 0.0

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def trace_id(self) -> str:
        return format(self.span.get_span_context().trace_id, "032x")

    # -- recording ------------------------------------------------------------------
    def _attributes(self) -> dict[str, Any]:
        payload = self.payload
        attrs = dict(_base(self.source, self.target, *self._actors))
        try:
            digest, size = fingerprint(payload)
            attrs[semconv.HANDOFF_PAYLOAD_HASH] = digest
            attrs[semconv.HANDOFF_PAYLOAD_SIZE] = size
        except Exception as exc:  # the payload is the user's; a bad one is not our bug
            warn_once(
                "fingerprint",
                "handoff payload could not be serialised for its fingerprint (%s: %s); "
                "hash and size not recorded",
                type(exc).__name__,
                exc,
            )
        try:
            attrs[semconv.HANDOFF_PAYLOAD_KEYS] = top_level_keys(payload)
        except Exception as exc:  # a mapping whose iteration fails is still the user's
            warn_once("payload-keys", "handoff payload keys could not be read: %r", exc)
        violations = self.violations
        if self._expects is not None:
            compiled = _compile(self._expects)
            if compiled is not None:
                attrs[semconv.HANDOFF_EXPECTS] = compiled[0]
                try:
                    violations.extend(compiled[1](payload))
                except Exception as exc:  # e.g. a user validator that raises oddly
                    warn_once("expects-check", "handoff expectation check failed: %r", exc)
        carry = [str(k) for k in self._carry]
        if carry:
            attrs[semconv.HANDOFF_CARRY] = carry
            for key in carry:
                if not _carried(payload, key):
                    violations.append(f"{semconv.VIOLATION_DROPPED_KEY}: {key}")
        if self._seen is not None:
            attrs[semconv.HANDOFF_STATE_SEEN] = _attr_value(self._seen)
        if self._latest is not None:
            attrs[semconv.HANDOFF_STATE_LATEST] = _attr_value(self._latest)
        if self._seen is not None and self._latest is not None and self._seen != self._latest:
            violations.append(
                f"{semconv.VIOLATION_STALE_STATE}: saw version {self._seen}, "
                f"latest is {self._latest}"
            )
        self.violations = limit(violations)
        attrs[semconv.HANDOFF_VIOLATIONS] = list(self.violations)
        attrs[semconv.HANDOFF_VIOLATION_COUNT] = len(self.violations)
        if state.capture_content:
            try:
                attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = render_content(
                    payload, state.redact, state.max_content_length
                )
            except Exception as exc:
                warn_once("redact", "content not recorded: redact hook failed: %r", exc)
        return attrs

    def __enter__(self) -> Handoff:
        if not state.enabled:
            return self
        try:
            tracer = state.tracer or ensure_tracer()
            if tracer is None:
                return self
            attrs = self._attributes()
            self.span = tracer.start_span(
                semconv.handoff_span_name(self.source, self.target), attributes=attrs
            )
            self._token = otel_context.attach(trace.set_span_in_context(self.span))
            self._started = time.monotonic()
        except Exception:
            internal_error("starting a handoff")
            return self
        if self._strict and self.violations:
            error = HandoffError(self.source, self.target, self.violations)
            self._finish(error)
            raise error
        return self

    def _finish(self, exc: BaseException | None) -> None:
        token, self._token = self._token, None
        if token is None:
            return
        try:
            otel_context.detach(token)  # type: ignore[arg-type]
            if isinstance(exc, Exception):
                record_error(self.span, exc)
            self.span.end()
        except Exception:
            internal_error("ending a handoff")

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        if self._token is None:
            return
        late: HandoffError | None = None
        try:
            if self._timeout is not None:
                elapsed = time.monotonic() - self._started
                if elapsed > self._timeout:
                    self.violations.append(
                        f"{semconv.VIOLATION_TIMEOUT}: took {elapsed:.3f} s, "
                        f"limit {self._timeout:g} s"
                    )
                    self.span.set_attribute(semconv.HANDOFF_VIOLATIONS, list(self.violations))
                    self.span.set_attribute(semconv.HANDOFF_VIOLATION_COUNT, len(self.violations))
                    if self._strict and exc is None:
                        late = HandoffError(self.source, self.target, self.violations)
        except Exception:
            internal_error("checking a handoff timeout")
        self._finish(exc if exc is not None else late)
        if late is not None:
            raise late

    async def __aenter__(self) -> Handoff:
        return self.__enter__()

    async def __aexit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        self.__exit__(exc_type, exc, tb)


def _carried(payload: Any, key: str) -> bool:
    try:
        if isinstance(payload, Mapping):
            return key in payload
        return hasattr(payload, key)
    except Exception:  # an odd payload's __contains__/__getattr__ is not ours to fail on
        return False


def _attr_value(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) else str(value)


def handoff(
    source: str,
    target: str,
    payload: Any,
    *,
    expects: Any = None,
    carry: Iterable[str] = (),
    strict: bool = False,
    seen_version: Any = None,
    latest_version: Any = None,
    timeout: float | None = None,
    source_actor: str | None = None,
    target_actor: str | None = None,
) -> Handoff:
    """A handoff from ``source`` to ``target``; use it as ``with ... as h``.

    - ``expects``: required keys (list), a dataclass, TypedDict, pydantic model
      class, any class (isinstance) or a JSON-schema dict.
    - ``carry``: context keys that must survive into the payload.
    - ``seen_version`` / ``latest_version``: the state version the sender saw
      and the latest one; different values are a ``stale_state`` violation.
    - ``timeout``: seconds the block may take before a ``timeout`` violation.
    - ``source_actor`` / ``target_actor``: ``model``, ``human``, ``tool``, ``code``.

    Never raises for a violation unless ``strict=True``; then
    :class:`HandoffError` is raised after the violations are recorded.
    """
    return Handoff(
        source,
        target,
        payload,
        expects,
        carry,
        strict,
        seen_version,
        latest_version,
        timeout,
        (source_actor, target_actor),
    )
