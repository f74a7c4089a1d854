"""The callbacks of :class:`CoordgapCallbackHandler` for what runs inside a node:
the steps of an agent's subgraph, chat model runs and tool runs (see
:mod:`tracer.integrations._langgraph_steps` for what each becomes)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import (
    _Content,
    _detach_quietly,
    _guarded,
    _record_error,
)
from tracer.integrations._langgraph_graph import _GraphRun, _is_bubble_up, _NodeRun
from tracer.integrations._langgraph_steps import (
    is_tool_message,
    messages_of,
    model_of,
    step_end,
    step_start,
    tool_start,
    tool_text,
)

__all__: list[str] = []


class StepCallbacks(BaseCallbackHandler):
    """Steps, model runs and tool runs; the handler supplies the state declared here."""

    _lock: threading.Lock
    _nodes: dict[UUID, _NodeRun]
    _others: dict[UUID, tuple[UUID, str]]
    _restores_async_context: bool
    _tools: dict[UUID, tuple[Span, object | None]]
    _tracer: Any
    _content: _Content

    def _owner(self, run_id: UUID) -> _NodeRun | None:
        """The node run above the (non-node) chain run ``run_id``, if any."""
        current = run_id
        for _ in range(32):  # bounded: chain runs nest a few levels, never in a cycle
            entry = self._others.get(current)
            if entry is None:
                return None
            if entry[0] in self._nodes:
                return self._nodes[entry[0]]
            current = entry[0]
        return None

    def _attach(self, span: Span) -> object | None:
        """Make ``span`` current for the code the callback precedes, when that is safe."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return otel_context.attach(trace.set_span_in_context(span))
        if self._restores_async_context:
            return otel_context.attach(trace.set_span_in_context(span))
        return None

    def _enclosing(self, parent_run_id: UUID | None) -> _NodeRun | None:
        """The node run (agent or step) a model or tool run belongs to, if any."""
        if parent_run_id is None:
            return None
        return self._nodes.get(parent_run_id) or self._owner(parent_run_id)

    # --- steps ------------------------------------------------------------------------

    def _start_step(
        self, run_id: UUID, graph: _GraphRun, name: str, step: int, inputs: Any, ns: str | None
    ) -> None:
        agent = graph.agent
        assert agent is not None
        span_name, attrs, tool_call = step_start(agent.name, name, inputs)
        start_ns = time.time_ns()
        span = self._tracer.start_span(
            span_name,
            context=trace.set_span_in_context(graph.parent),
            attributes=attrs,
            start_time=start_ns,
        )
        token = self._attach(span)
        run = _NodeRun(
            name=name,
            step=step,
            graph=graph,
            role="generate",
            span=span,
            token=token,
            start_ns=start_ns,
            state={},
            task_ns=ns,
            owner_run=agent,
            tool_call=tool_call,
        )
        with self._lock:
            agent.has_steps = True
            if tool_call:
                agent.tools += 1
            self._nodes[run_id] = run

    def _end_step(
        self, step: _NodeRun, outputs: Any, error: BaseException | None, end_ns: int = 0
    ) -> None:
        step.end_ns = end_ns or time.time_ns()
        span = step.span
        try:
            if error is not None and not _is_bubble_up(error):
                _record_error(span, error)
            step_end(step)
            said = messages_of(outputs) if error is None else []
            replies = tool_text(said) if step.tool_call and self._content.enabled else None
            if replies is not None:  # a ToolNode call's step is its tool span
                span.set_attribute(semconv.OUTPUT_CONTENT, self._content.render(replies))
            said = [m for m in said if not is_tool_message(m)]
            agent = step.owner_run
            if said and agent is not None:
                with self._lock:
                    agent.said += said
        finally:
            _detach_quietly(step.token)
            span.end(end_time=step.end_ns)

    # --- chat models and tools ---------------------------------------------------------

    def _model_started(
        self, serialized: Any, parent_run_id: UUID | None, meta: Any, kw: Any
    ) -> None:
        found = model_of(serialized, meta, kw.get("invocation_params"))
        with self._lock:
            run = self._enclosing(parent_run_id)
            if run is None:
                return
            run.models.append(found)
            if run.owner_run is not None:
                run.owner_run.models.append(found)

    @_guarded("langgraph.on_chat_model_start")
    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: Any,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self._model_started(serialized, parent_run_id, metadata, kwargs)

    @_guarded("langgraph.on_llm_start")
    def on_llm_start(
        self,
        serialized: dict[str, Any],
        prompts: Any,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self._model_started(serialized, parent_run_id, metadata, kwargs)

    @_guarded("langgraph.on_tool_start")
    def on_tool_start(
        self,
        serialized: dict[str, Any] | None,
        input_str: str,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        **kwargs: Any,
    ) -> None:
        name = str(kwargs.get("name") or (serialized or {}).get("name") or "tool")
        with self._lock:
            run = self._enclosing(parent_run_id)
            if run is None or run.tool_call:  # a ToolNode call's step is its tool span
                return
            run.tools += 1
            agent = run.owner_run
            if agent is None:  # a tool the agent's own code ran: no step of a subgraph
                return
            agent.tools += 1
        span_name, attrs = tool_start(agent.name, name)
        span = self._tracer.start_span(
            span_name, context=trace.set_span_in_context(run.span), attributes=attrs
        )
        token = self._attach(span)
        with self._lock:
            self._tools[run_id] = (span, token)

    @_guarded("langgraph.on_tool_end")
    def on_tool_end(self, output: Any, *, run_id: UUID, **kwargs: Any) -> None:
        if self._content.enabled:
            with self._lock:
                found = self._tools.get(run_id)
            if found is not None:
                reply = getattr(output, "content", output)  # a ToolMessage, or the value
                found[0].set_attribute(semconv.OUTPUT_CONTENT, self._content.render(reply))
        self._end_tool(run_id, None)

    @_guarded("langgraph.on_tool_error")
    def on_tool_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self._end_tool(run_id, error)

    def _end_tool(self, run_id: UUID, error: BaseException | None) -> None:
        with self._lock:
            found = self._tools.pop(run_id, None)
        if found is None:
            return
        span, token = found
        try:
            if error is not None and not _is_bubble_up(error):
                _record_error(span, error)
        finally:
            _detach_quietly(token)
            span.end()
