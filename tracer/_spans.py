"""The span machinery behind every decorator and context manager.

A :class:`StepSpec` is what ``tracer.agent("writer")`` returns: a decorator
(introspection happens once, at decoration time, and a ready-made wrapper is
picked for sync, async, generator or async-generator functions) and a context
manager (``with`` / ``async with``) that yields a :class:`Step`.

Hot path contract: with tracing disabled a wrapped call costs one attribute
read; enabled it costs one ``start_span`` with a precomputed attribute dict,
one context attach/detach and one ``end``. Instrumentation errors go to the
internal-error guard; user exceptions are recorded and re-raised unchanged.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from opentelemetry import context as otel_context
from opentelemetry import trace

from tracer import _runtime, semconv
from tracer._config import ensure_tracer
from tracer._content import evict_oldest, record_content
from tracer._guard import internal_error, warn_once
from tracer._plan import plan_attributes
from tracer._verdict import parse_verdict
from tracer._wrappers import make_wrapper
from tracer.instrumentation import record_error, record_verdict

__all__ = ["RUN_KEY", "RESUMED_KEY", "Step", "StepSpec"]

RUN_KEY = otel_context.create_key("coordgap-run")
RESUMED_KEY = otel_context.create_key("coordgap-resumed")

_attach = otel_context.attach
_detach = otel_context.detach
_set_span = trace.set_span_in_context
_get_value = otel_context.get_value
_set_value = otel_context.set_value
_get_current_span = trace.get_current_span

_MAX_RUNS_TRACKED = 4096
P = ParamSpec("P")
R = TypeVar("R")


def _next_attempt(trace_id: int, name: str) -> int:
    # A lock: verifiers of one run may check in parallel threads.
    runtime = _runtime.current
    with runtime.attempts_lock:
        attempts = runtime.attempts
        runs = attempts.get(trace_id)
        if runs is None:
            evict_oldest(attempts, _MAX_RUNS_TRACKED)
            runs = attempts[trace_id] = {}
        attempt = runs.get(name, 0) + 1
        runs[name] = attempt
        return attempt


class Step:
    """The object a context-manager form yields; wraps the live span.

    ``record_subtasks`` (plan), ``record_verdict`` (verify) and
    ``record_output`` do what the decorator does with a return value. All
    methods never raise into the caller.
    """

    __slots__ = ("span", "spec", "_token", "_open_token")

    def __init__(self, span: Any, spec: StepSpec, token: object = None) -> None:
        self.span = span
        self.spec = spec
        self._token = token
        self._open_token: object = None

    @property
    def trace_id(self) -> str:
        """This span's trace id (32 lowercase hex), e.g. for a later ``tracer.outcome``."""
        return format(self.span.get_span_context().trace_id, "032x")

    @property
    def span_id(self) -> str:
        return format(self.span.get_span_context().span_id, "016x")

    def set_attribute(self, key: str, value: Any) -> None:
        try:
            self.span.set_attribute(key, value)
        except Exception:
            internal_error("setting an attribute")

    def record_subtasks(self, subtasks: Any) -> None:
        """Record a plan's subtasks (count, ids, assignees, defects)."""
        try:
            _record_plan(self.span, self.spec.name, subtasks)
        except Exception:
            internal_error("recording a plan")

    def record_verdict(self, verdict: Any) -> None:
        """Record a verifier's verdict and the ``gen_ai.evaluation.result`` event."""
        try:
            _record_verdict(self.span, self.spec.name, verdict)
        except Exception:
            internal_error("recording a verdict")

    def record_output(self, value: Any) -> None:
        """Record ``value`` as output content (only with ``capture_content=True``)."""
        try:
            record_content(self.span, semconv.OUTPUT_CONTENT, value)
        except Exception:
            internal_error("recording output content")

    def record_input(self, value: Any) -> None:
        """Record ``value`` as input content (only with ``capture_content=True``)."""
        try:
            record_content(self.span, semconv.INPUT_CONTENT, value)
        except Exception:
            internal_error("recording input content")


def _record_plan(span: Any, name: str, plan: Any) -> None:
    if not span.is_recording():
        return
    attrs = plan_attributes(plan)
    if attrs is None:
        warn_once(
            "plan:" + name,
            "plan %r returned %s, not a list of subtasks (mappings or objects with "
            "'id' and 'agent'); its subtasks are not recorded",
            name,
            type(plan).__name__,
        )
        return
    span.set_attributes(attrs)


def _record_verdict(span: Any, name: str, value: Any) -> bool:
    verdict = parse_verdict(value)
    if verdict is None:
        warn_once(
            "verdict:" + name,
            "verifier %r returned %s, not a verdict (True/False, 'accept'/'reject' "
            "or tracer.Verdict); no verdict recorded",
            name,
            type(value).__name__,
        )
        return False
    if span.is_recording():
        # the attempt and the subject are on the span since it started
        record_verdict(span, name, verdict.accepted, None, verdict.reason, score=verdict.score)
    return True


class StepSpec:
    """One kind of step with its name and attributes, fixed at decoration time."""

    __slots__ = ("kind", "name", "span_name", "attrs", "_open")

    def __init__(
        self,
        kind: str,
        name: str | None,
        attributes: Callable[[str], dict[str, Any]],
        span_name: Callable[[str], str],
    ) -> None:
        self.kind = kind
        self._open: contextvars.ContextVar[tuple[Step, ...]] = contextvars.ContextVar(
            "coordgap-open-steps", default=()
        )
        self.name = name or kind
        # built by tracer.instrumentation, as the integrations' spans are
        self.attrs = attributes(self.name)
        self.span_name = span_name(self.name)

    # -- decorator ------------------------------------------------------------
    def __call__(self, func: Callable[P, R]) -> Callable[P, R]:
        wrapped: Callable[P, R] = wrap(func, self)
        return wrapped

    # -- span lifecycle ---------------------------------------------------------
    def start(self) -> tuple[Any, Any] | None:
        """Start this step's span (not made current): ``(span, context)`` or None."""
        try:
            tracer = _runtime.current.tracer or ensure_tracer()
            if tracer is None:
                return None
            span = tracer.start_span(self.span_name, attributes=self.attrs)
            ctx = _set_span(span)
            kind = self.kind
            if kind == "verify" or kind == "workflow" or _runtime.current.resume_used:
                ctx = self._begin_extra(span, ctx)
            return span, ctx
        except Exception:
            internal_error("starting a span")
            return None

    def begin(self) -> tuple[Any, object] | None:
        """Start this step's span and make it current: ``(span, token)`` or None."""
        started = self.start()
        if started is None:
            return None
        try:
            return started[0], _attach(started[1])
        except Exception:
            internal_error("attaching a context")
            return None

    def _begin_extra(self, span: Any, ctx: Any) -> Any:
        if _runtime.current.resume_used:
            parent = _get_current_span()
            if _get_value(RESUMED_KEY) is parent and parent.get_span_context().is_valid:
                span.set_attribute(semconv.RESUMED, True)
        if self.kind == "workflow":
            ctx = _set_value(RUN_KEY, span, ctx)
            span_context = span.get_span_context()
            run_contexts = _runtime.current.run_contexts
            if span_context.trace_id not in run_contexts:
                evict_oldest(run_contexts, _MAX_RUNS_TRACKED)
                run_contexts[span_context.trace_id] = span_context
        elif self.kind == "verify":
            attempt = _next_attempt(span.get_span_context().trace_id, self.name)
            span.set_attribute(semconv.VERIFY_ATTEMPT, attempt)
        return ctx

    def result(self, span: Any, value: Any) -> None:
        """Record what the step returned (subtasks, verdict, output content)."""
        try:
            kind = self.kind
            if kind == "plan":
                _record_plan(span, self.name, value)
            elif kind == "verify":
                _record_verdict(span, self.name, value)
            if _runtime.current.capture_content:
                record_content(span, semconv.OUTPUT_CONTENT, value)
        except Exception:
            internal_error("recording a result")

    @staticmethod
    def end(span: Any, token: object, exc: BaseException | None = None) -> None:
        """Detach ``token`` (unless None), record ``exc`` if it is an error, end the span."""
        try:
            if token is not None:
                _detach(token)  # type: ignore[arg-type]
            if exc is not None and isinstance(exc, Exception):
                record_error(span, exc)
            span.end()
        except Exception:
            internal_error("ending a span")

    # -- context manager ----------------------------------------------------------
    def __enter__(self) -> Step:
        began = self.begin() if _runtime.current.enabled else None
        step = Step(trace.INVALID_SPAN, self) if began is None else Step(began[0], self, began[1])
        # A context variable, not a list: one spec object may be entered from
        # several threads or tasks at once, and each must leave its own step.
        step._open_token = self._open.set((*self._open.get(), step))
        return step

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        opened = self._open.get()
        if not opened:
            return
        step = opened[-1]
        try:
            self._open.reset(step._open_token)  # type: ignore[arg-type]
        except ValueError:  # exited in another context than entered: just drop it
            self._open.set(opened[:-1])
        if step._token is not None:
            self.end(step.span, step._token, exc)

    async def __aenter__(self) -> Step:
        return self.__enter__()

    async def __aexit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        self.__exit__(exc_type, exc, tb)


def _wants_input(func: Callable[..., Any]) -> Callable[[tuple[Any, ...], dict[str, Any]], Any]:
    """Decide once whether the first argument is ``self``/``cls`` (left out of content)."""
    try:
        params = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        params = []
    skip = 1 if params and params[0] in ("self", "cls") else 0

    def content(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        return {"args": list(args[skip:]), "kwargs": kwargs} if kwargs else list(args[skip:])

    return content


def wrap(func: Any, spec: StepSpec) -> Any:
    """Wrap ``func`` (function, method, staticmethod/classmethod) in ``spec``'s span."""
    if isinstance(func, staticmethod | classmethod):
        return type(func)(wrap(func.__func__, spec))
    return functools.wraps(func)(make_wrapper(func, spec, _wants_input(func)))
