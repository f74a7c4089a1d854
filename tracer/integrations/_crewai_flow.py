"""Flow runs: the run, its methods, and the handoffs along the routes taken."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import workflow_attributes
from tracer.integrations._crewai_spans import (
    FRAMEWORK,
    Current,
    EventHandlers,
    Options,
    current_valid_span,
    fail,
    start_role_span,
    write_handoff,
)


def _names(condition: Any) -> set[str]:
    """Every method name or route label a ``@listen``/``@router`` condition mentions."""
    if isinstance(condition, str):
        return {condition}
    if isinstance(condition, dict):
        return set().union(*(_names(v) for v in condition.values())) if condition else set()
    if isinstance(condition, list | tuple | set):
        return set().union(*(_names(v) for v in condition)) if condition else set()
    return set()


@dataclass
class _Method:
    span: Span
    current: Current


@dataclass
class _Flow:
    flow: Any
    parent: Span
    span: Span | None
    current: Current | None
    open: dict[str, list[_Method]] = field(default_factory=dict)
    finished: list[tuple[str, Any]] = field(default_factory=list)  # (method, result), in order


class FlowRuns(EventHandlers):
    """Open flow runs and the handlers of flow events."""

    def __init__(self, options: Options, lock: threading.RLock) -> None:
        super().__init__(options, lock)
        self._runs: dict[int, _Flow] = {}

    def _on_FlowStartedEvent(self, flow: Any, event: Any) -> None:
        parent = current_valid_span()
        span = None
        if parent is None:
            name = self._o.workflow_name or str(event.flow_name)
            span = self._o.tracer.start_span(
                semconv.workflow_span_name(name),
                attributes=workflow_attributes(name, integration=FRAMEWORK),
            )
            parent = span
        self._runs[id(flow)] = _Flow(flow, parent, span, Current(span) if span else None)

    def _trigger(self, run: _Flow, method: str) -> tuple[str, Any, str | None] | None:
        """The finished method that triggered ``method``: (name, its result, route label)."""
        condition = (getattr(run.flow, "_listeners", None) or {}).get(method)
        triggers = _names(condition)
        routers = getattr(run.flow, "_routers", None) or set()
        for name, result in reversed(run.finished):
            if name in routers and str(result) in triggers:
                return name, result, str(result)
            if name in triggers:
                return name, result, None
        return None

    def _on_MethodExecutionStartedEvent(self, flow: Any, event: Any) -> None:
        run = self._runs.get(id(flow))
        if run is None:
            return
        method = str(event.method_name)
        trigger = self._trigger(run, method)
        if trigger is not None:
            source, result, route = trigger
            extra = {semconv.HANDOFF_ROUTE: route} if route is not None else None
            write_handoff(
                self._o,
                run.parent,
                source,
                method,
                result,
                [],
                source_actor=semconv.ACTOR_CODE,
                target_actor=semconv.ACTOR_CODE,
                extra=extra,
            )
        span, _ = start_role_span(self._o, method, run.parent, default_actor=semconv.ACTOR_CODE)
        if self._o.content.enabled and event.params:
            span.set_attribute(semconv.INPUT_CONTENT, self._o.content.render(event.params))
        run.open.setdefault(method, []).append(_Method(span, Current(span)))

    def _end_method(self, flow: Any, method: str, error: BaseException | None, result: Any) -> None:
        run = self._runs.get(id(flow))
        stack = run.open.get(method) if run is not None else None
        if run is None or not stack:
            return
        opened = stack.pop()
        if error is not None:
            fail(opened.span, type(error).__name__, str(error))
            opened.span.add_event(
                semconv.EXCEPTION_EVENT,
                {"exception.type": type(error).__name__, "exception.message": str(error)[:200]},
            )
        else:
            run.finished.append((method, result))
            if self._o.content.enabled and result is not None:
                opened.span.set_attribute(semconv.OUTPUT_CONTENT, self._o.content.render(result))
        opened.current.release()
        opened.span.end()

    def _on_MethodExecutionFinishedEvent(self, flow: Any, event: Any) -> None:
        self._end_method(flow, str(event.method_name), None, event.result)

    def _on_MethodExecutionFailedEvent(self, flow: Any, event: Any) -> None:
        error = event.error if isinstance(event.error, BaseException) else RuntimeError(event.error)
        self._end_method(flow, str(event.method_name), error, None)
        # The exception leaves kickoff without a FlowFinishedEvent: the run ends here.
        self._end_run(flow, error)

    def _on_FlowFinishedEvent(self, flow: Any, event: Any) -> None:
        self._end_run(flow, None)

    def _end_run(self, flow: Any, error: BaseException | None) -> None:
        run = self._runs.pop(id(flow), None)
        if run is None:
            return
        for stack in run.open.values():
            for opened in reversed(stack):
                opened.current.release()
                opened.span.end()
        if run.current is not None:
            run.current.release()
        if run.span is not None:
            if error is not None:
                fail(run.span, type(error).__name__, str(error))
            run.span.end()


__all__ = ["FlowRuns"]
