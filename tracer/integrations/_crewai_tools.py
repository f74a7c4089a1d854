"""Crew events below the task: tools, delegation to coworkers, coworkers' runs."""

from __future__ import annotations

import threading
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import tool_attributes
from tracer.integrations._crewai_spans import (
    CURRENT_RUN,
    FRAMEWORK,
    TASK_FAILED,
    Current,
    EventHandlers,
    Options,
    fail,
    start_role_span,
    write_handoff,
    write_output,
)
from tracer.integrations._crewai_state import (
    DELEGATION_TOOLS,
    Delegation,
    OpenTask,
    Run,
    Tool,
    arguments,
    norm,
    task_name,
)


class CrewBase(EventHandlers):
    """Open crew runs, how events find theirs, and the tool and delegation handlers."""

    def __init__(self, options: Options, lock: threading.RLock) -> None:
        super().__init__(options, lock)
        self._runs: dict[str, Run] = {}

    # --- finding the run ----------------------------------------------------------

    def _run_of(self, task: Any = None, agent: Any = None) -> Run | None:
        for owner in (getattr(task, "agent", None), agent):
            crew = getattr(owner, "crew", None)
            run = self._runs.get(str(getattr(crew, "id", ""))) if crew is not None else None
            if run is not None:
                return run
        run = CURRENT_RUN.get(None)
        return run if isinstance(run, Run) and run.key in self._runs else None

    def _open_task(self, run: Run, task: Any) -> OpenTask | None:
        if task is not None and id(task) in run.tasks:
            return run.tasks[id(task)]
        return next(reversed(run.tasks.values()), None) if run.tasks else None

    # --- tools and delegation -----------------------------------------------------

    def _usage_task(self, usage: Any) -> tuple[Run, OpenTask] | None:
        """The run and open task a tool usage belongs to; None when neither is traced."""
        task = getattr(usage, "task", None)
        run = self._run_of(task, getattr(usage, "agent", None))
        opened = self._open_task(run, task) if run is not None else None
        if run is None or opened is None:
            return None
        return run, opened

    def _tool_parent(self, opened: OpenTask, role: str | None) -> Span:
        for delegation in reversed(opened.delegations):
            if delegation.span is not None and role == delegation.coworker:
                return delegation.span
        return opened.span

    def _on_ToolUsageStartedEvent(self, usage: Any, event: Any) -> None:
        found = self._usage_task(usage)
        if found is None:
            return
        run, opened = found
        tool = str(event.tool_name)
        role = str(event.agent_role or opened.role)
        if tool in DELEGATION_TOOLS:
            self._delegate(run, opened, role, event.tool_args)
            return
        attrs = tool_attributes(tool, integration=FRAMEWORK)
        if self._o.content.enabled:
            attrs[semconv.INPUT_CONTENT] = self._o.content.render(event.tool_args)
        span = self._o.tracer.start_span(
            semconv.tool_span_name(tool),
            context=trace.set_span_in_context(self._tool_parent(opened, role)),
            attributes=attrs,
        )
        opened.tools.append(Tool(span, Current(span), tool, role))

    def _end_tool(self, usage: Any, event: Any, error: str | None) -> None:
        found = self._usage_task(usage)
        if found is None:
            return
        _, opened = found
        tool = str(event.tool_name)
        if tool in DELEGATION_TOOLS:
            pending = [d for d in opened.delegations if d.source == str(event.agent_role)]
            if pending:
                opened.delegations.remove(pending[-1])
                self._end_delegation(opened.span, pending[-1], getattr(event, "output", None))
            return
        match = next((t for t in reversed(opened.tools) if t.name == tool), None)
        if match is None:
            return
        opened.tools.remove(match)
        if error is not None:
            fail(match.span, error, str(getattr(event, "error", "") or error))
        elif self._o.content.enabled:
            match.span.set_attribute(
                semconv.OUTPUT_CONTENT, self._o.content.render(getattr(event, "output", None))
            )
        match.current.release()
        match.span.end()

    def _on_ToolUsageFinishedEvent(self, usage: Any, event: Any) -> None:
        self._end_tool(usage, event, None)

    def _on_ToolUsageErrorEvent(self, usage: Any, event: Any) -> None:
        error = getattr(event, "error", None)
        kind = type(error).__name__ if isinstance(error, BaseException) else "tool_error"
        self._end_tool(usage, event, kind)

    def _delegate(self, run: Run, opened: OpenTask, source: str, raw_args: Any) -> None:
        args = arguments(raw_args)
        named = str(args.get("coworker") or args.get("co_worker") or "")
        coworker = run.roles.get(norm(named))
        subtask = str(args.get("task") or args.get("question") or "")
        delegation = Delegation(source, coworker or named or "?", coworker is not None, subtask)
        violations = []
        if coworker is None:
            known = ", ".join(sorted(run.roles.values())) or "none"
            violations.append(
                f"{semconv.VIOLATION_WRONG_TARGET}: no coworker named {named!r} (crew: {known})"
            )
        payload = {"task": subtask, "context": args.get("context")}
        write_handoff(self._o, opened.span, source, delegation.coworker, payload, violations)
        opened.delegations.append(delegation)
        if opened.span_role == "plan":
            number = len(opened.subtasks) + 1
            opened.subtasks.append(
                {"id": f"{task_name(opened.task)}/{number}", "agent": coworker or ""}
            )

    def _end_delegation(self, parent: Span, delegation: Delegation, output: Any) -> None:
        if delegation.current is not None:
            delegation.current.release()
            delegation.current = None
        if delegation.span is not None and delegation.span.is_recording():
            delegation.span.end()
        if delegation.known and delegation.span is not None:
            write_handoff(self._o, parent, delegation.coworker, delegation.source, output, [])

    def _on_AgentExecutionStartedEvent(self, agent: Any, event: Any) -> None:
        run = self._run_of(getattr(event, "task", None), agent)
        if run is None:
            return
        role = str(getattr(agent, "role", ""))
        for opened in run.tasks.values():
            for delegation in opened.delegations:
                if delegation.span is None and delegation.known and delegation.coworker == role:
                    span, _ = start_role_span(
                        self._o,
                        role,
                        opened.span,
                        agent_id=str(getattr(agent, "id", "") or "") or None,
                        extra={semconv.TASK_NAME: f"delegated by {delegation.source}"},
                    )
                    delegation.span, delegation.current = span, Current(span)
                    return

    def _coworker_done(self, agent: Any, event: Any, error: str | None) -> None:
        run = self._run_of(getattr(event, "task", None), agent)
        if run is None:
            return
        role = str(getattr(agent, "role", ""))
        for opened in run.tasks.values():
            for delegation in opened.delegations:
                if delegation.coworker == role and delegation.current is not None:
                    if error is not None and delegation.span is not None:
                        fail(delegation.span, TASK_FAILED, error)
                    elif delegation.span is not None:  # the coworker's own answer
                        write_output(self._o, delegation.span, getattr(event, "output", None))
                    delegation.current.release()
                    delegation.current = None
                    if delegation.span is not None:
                        delegation.span.end()
                    return

    def _on_AgentExecutionCompletedEvent(self, agent: Any, event: Any) -> None:
        self._coworker_done(agent, event, None)

    def _on_AgentExecutionErrorEvent(self, agent: Any, event: Any) -> None:
        self._coworker_done(agent, event, str(getattr(event, "error", "") or "agent error"))
