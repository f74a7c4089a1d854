"""``tracer.handoff``: work passing from one agent (or human) to the next.

The checks are the user's program, not telemetry: ``expects=``, ``carry=``,
state versions and ``timeout`` are checked on every handoff, with tracing
enabled, disabled (``COORDGAP_ENABLED=0``), unconfigured or broken, so
``h.ok``, ``h.violations`` and ``strict=True`` behave the same in each case.
Tracing only adds the span.

The span ``handoff {source} -> {target}`` measures the transfer: it starts
when the ``with`` block is entered and ends, in time, when the block's body
begins (the checks, the fingerprint and the delivery of ``h.payload`` are
done). The receiver's work inside the block is not part of its duration: it
stays the handoff's child in the trace (the span is current during the
block), with its own spans. What the block does still lands on the handoff
span when it exits: an exception that escaped it (recorded, re-raised) and a
``timeout`` the block outlived. The span always carries the payload's
fingerprint (sha256 of its canonical JSON, size in bytes, top-level keys).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace

from tracer import _runtime, semconv
from tracer._config import ensure_tracer
from tracer._content import evict_oldest, render_content
from tracer._expects import Checker, compile_expects, limit
from tracer._guard import internal_error, warn_once
from tracer._options import check_actor, check_flag, check_keys, check_name, check_seconds, fail
from tracer.instrumentation import fingerprint_attributes, handoff_attributes, record_error

__all__ = ["Handoff", "HandoffError", "handoff"]

_compiled: dict[int, tuple[Any, tuple[str, Checker]]] = {}
_bases: dict[tuple[str, str, str | None, str | None], tuple[str, dict[str, Any]]] = {}
_CACHE_MAX = 256
_EXPECTS_HELP = (
    "a key name, a list of key names, a dataclass, TypedDict, pydantic model or other "
    "class, or a JSON-schema dict"
)


class HandoffError(Exception):
    """A strict handoff found violations; they are already on the span."""

    def __init__(self, source: str, target: str, violations: list[str]) -> None:
        self.source = source
        self.target = target
        self.violations = list(violations)
        super().__init__(f"handoff {source} -> {target}: " + "; ".join(self.violations))


def _compile(expects: Any) -> tuple[str, Checker]:
    """``expects`` compiled once (cached by identity); ValueError when it means nothing."""
    entry = _compiled.get(id(expects))
    if entry is not None and entry[0] is expects:
        return entry[1]
    spec = (expects,) if isinstance(expects, str) else expects
    result = compile_expects(spec)
    if result is None or isinstance(expects, bytes):
        raise fail("handoff", "expects", expects, _EXPECTS_HELP)
    evict_oldest(_compiled, _CACHE_MAX)
    _compiled[id(expects)] = (expects, result)  # keeps expects alive, so the id stays its own
    return result


def _base(
    source: str, target: str, src_actor: str | None, dst_actor: str | None
) -> tuple[str, dict[str, Any]]:
    """The span name and the attributes every handoff of this edge carries (cached)."""
    key = (source, target, src_actor, dst_actor)
    base = _bases.get(key)
    if base is None:
        attrs = handoff_attributes(source, target, source_actor=src_actor, target_actor=dst_actor)
        base = (semconv.handoff_span_name(source, target), attrs)
        evict_oldest(_bases, _CACHE_MAX)
        _bases[key] = base
    return base


class Handoff:
    """What ``with tracer.handoff(...) as h`` yields.

    ``h.payload`` is the payload object itself (not a copy); ``h.violations``
    the violations found (``"kind: detail"``), ``h.ok`` whether there are
    none; ``h.span`` the handoff span (a non-recording one when not traced).
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
        "_delivered_ns",
    )

    def __init__(
        self,
        source: str,
        target: str,
        payload: Any,
        expects: tuple[str, Checker] | None,
        carry: tuple[str, ...],
        strict: bool,
        seen_version: Any,
        latest_version: Any,
        timeout: float | None,
        actors: tuple[str | None, str | None],
    ) -> None:
        self.source = source
        self.target = target
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
        self._delivered_ns = 0

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def trace_id(self) -> str:
        return format(self.span.get_span_context().trace_id, "032x")

    # -- the checks (always) ----------------------------------------------------------
    def _check(self) -> None:
        """Find the payload's violations; independent of tracing."""
        payload = self.payload
        violations = self.violations
        if self._expects is not None:
            try:
                violations.extend(self._expects[1](payload))
            except Exception as exc:  # e.g. a user validator that raises oddly
                warn_once("expects-check", "handoff expectation check failed: %r", exc)
        for key in self._carry:
            if not _carried(payload, key):
                violations.append(f"{semconv.VIOLATION_DROPPED_KEY}: {key}")
        if self._seen is not None and self._latest is not None and self._seen != self._latest:
            violations.append(
                f"{semconv.VIOLATION_STALE_STATE}: saw version {self._seen}, "
                f"latest is {self._latest}"
            )
        self.violations = limit(violations)

    # -- the span (only when traced) ----------------------------------------------------
    def _attributes(self, base: dict[str, Any]) -> dict[str, Any]:
        payload = self.payload
        attrs = fingerprint_attributes(payload, base.copy())
        if self._expects is not None:
            attrs[semconv.HANDOFF_EXPECTS] = self._expects[0]
        if self._carry:
            attrs[semconv.HANDOFF_CARRY] = self._carry
        if self._seen is not None:
            attrs[semconv.HANDOFF_STATE_SEEN] = _attr_value(self._seen)
        if self._latest is not None:
            attrs[semconv.HANDOFF_STATE_LATEST] = _attr_value(self._latest)
        attrs[semconv.HANDOFF_VIOLATIONS] = self.violations
        attrs[semconv.HANDOFF_VIOLATION_COUNT] = len(self.violations)
        state = _runtime.current
        if state.capture_content:
            try:
                attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = render_content(
                    payload, state.redact, state.max_content_length
                )
            except Exception as exc:
                warn_once("redact", "content not recorded: redact hook failed: %r", exc)
        return attrs

    def _start_span(self, start_ns: int) -> None:
        try:
            tracer = _runtime.current.tracer or ensure_tracer()
            if tracer is None:
                return
            name, base = _base(self.source, self.target, *self._actors)
            # the current context read once: the SDK and set_span_in_context
            # would each read it again
            parent = otel_context.get_current()
            self.span = tracer.start_span(
                name, context=parent, attributes=self._attributes(base), start_time=start_ns
            )
            self._token = otel_context.attach(trace.set_span_in_context(self.span, parent))
        except Exception:
            internal_error("starting a handoff")

    def __enter__(self) -> Handoff:
        runtime = _runtime.current
        traced = runtime.enabled
        start_ns = runtime.clock() if traced else 0
        self._check()
        if traced:
            self._start_span(start_ns)
        if self._timeout is not None:
            self._started = time.monotonic()
        if self._strict and self.violations:
            error = HandoffError(self.source, self.target, self.violations)
            self._finish(error)
            raise error
        if self._token is not None:
            # The transfer is done: the span's duration ends here, not at exit.
            self._delivered_ns = _runtime.current.clock()
        return self

    def _finish(self, exc: BaseException | None) -> None:
        token, self._token = self._token, None
        if token is None:
            return
        try:
            otel_context.detach(token)  # type: ignore[arg-type]
            if exc is not None and isinstance(exc, Exception):
                record_error(self.span, exc)
            self.span.end(end_time=self._delivered_ns or None)
        except Exception:
            internal_error("ending a handoff")

    def _check_timeout(self, exc: BaseException | None) -> HandoffError | None:
        if self._timeout is None:
            return None
        elapsed = time.monotonic() - self._started
        if elapsed <= self._timeout:
            return None
        self.violations.append(
            f"{semconv.VIOLATION_TIMEOUT}: took {elapsed:.3f} s, limit {self._timeout:g} s"
        )
        if self._token is not None:
            try:
                self.span.set_attribute(semconv.HANDOFF_VIOLATIONS, list(self.violations))
                self.span.set_attribute(semconv.HANDOFF_VIOLATION_COUNT, len(self.violations))
            except Exception:
                internal_error("recording a handoff timeout")
        if self._strict and exc is None:
            return HandoffError(self.source, self.target, self.violations)
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        late = None if self._timeout is None else self._check_timeout(exc)
        self._finish(exc if exc is not None else late)
        if late is not None:
            raise late

    async def __aenter__(self) -> Handoff:
        return self.__enter__()

    async def __aexit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        self.__exit__(exc_type, exc, tb)


def _carried(payload: Any, key: str) -> bool:
    try:
        if type(payload) is dict or isinstance(payload, Mapping):
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
    carry: str | Iterable[str] = (),
    strict: bool = False,
    seen_version: Any = None,
    latest_version: Any = None,
    timeout: float | None = None,
    source_actor: str | None = None,
    target_actor: str | None = None,
) -> Handoff:
    """A handoff from ``source`` to ``target``; use it as ``with ... as h``.

    - ``expects``: required keys (a key name or a list), a dataclass,
      TypedDict, pydantic model class, any class (isinstance) or a JSON-schema dict.
    - ``carry``: context keys (a key name or a list) that must survive into the payload.
    - ``seen_version`` / ``latest_version``: the state version the sender saw
      and the latest one; different values are a ``stale_state`` violation.
    - ``timeout``: seconds the block may take before a ``timeout`` violation.
    - ``source_actor`` / ``target_actor``: ``model``, ``human``, ``tool``, ``code``.

    Never raises for a violation unless ``strict=True``; then
    :class:`HandoffError` is raised after the violations are recorded. A
    meaningless option raises ``ValueError`` here, traced or not.
    """
    if type(source) is not str or type(target) is not str or not source or not target:
        check_name("handoff", "source", source)
        check_name("handoff", "target", target)
    if type(strict) is not bool:
        check_flag("handoff", "strict", strict)
    if timeout is not None:
        timeout = check_seconds("handoff", "timeout", timeout)
    if source_actor is not None or target_actor is not None:
        check_actor("handoff", "source_actor", source_actor)
        check_actor("handoff", "target_actor", target_actor)
    return Handoff(
        source,
        target,
        payload,
        None if expects is None else _compile(expects),
        _carry_keys(carry),
        strict,
        seen_version,
        latest_version,
        timeout,
        (source_actor, target_actor),
    )


def _carry_keys(carry: Any) -> tuple[str, ...]:
    if type(carry) is list or type(carry) is tuple:
        keys = tuple(carry)
        for key in keys:
            if type(key) is not str:
                return check_keys("handoff", "carry", carry)  # raises with the one message
        return keys
    return check_keys("handoff", "carry", carry)
