"""Crew runs: kickoff, tasks, tools, context, delegation, guardrails, plans."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import _plan_attributes, _verdict_attributes
from tracer.integrations._crewai_spans import (
    CURRENT_RUN,
    FRAMEWORK,
    KICKOFF_FAILED,
    TASK_FAILED,
    Current,
    Options,
    current_valid_span,
    fail,
    start_role_span,
    text_of,
    write_handoff,
)

PLANNER_ROLE = "Task Execution Planner"  # CrewAI's planning agent (planning=True)
_DELEGATION_TOOLS = ("Delegate work to coworker", "Ask question to coworker")
_GUARDRAIL_DEF = re.compile(r"def\s+(\w+)\s*\(")
_LAMBDA = re.compile(r"\blambda\b[^:]*:")


def _norm(role: str) -> str:
    """A role as CrewAI's delegation tools compare it (case- and space-blind)."""
    return " ".join(str(role).split()).replace('"', "").casefold()


def _guardrail_name(guardrail: Any) -> tuple[str, str]:
    """(name, actor) of a guardrail from CrewAI's event: a function's source or an
    LLM guardrail's description."""
    text = str(guardrail or "")
    found = _GUARDRAIL_DEF.search(text)
    if found:
        return found.group(1), semconv.ACTOR_CODE
    if _LAMBDA.search(text):
        return "guardrail", semconv.ACTOR_CODE
    return "llm_guardrail", semconv.ACTOR_MODEL


def _arguments(raw: Any) -> dict[str, Any]:
    """A tool call's arguments: CrewAI passes the model's JSON text at the start."""
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(str(raw))
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _task_name(task: Any) -> str:
    return str(getattr(task, "name", None) or getattr(task, "description", "") or "task")


@dataclass
class _Tool:
    span: Span
    current: Current
    name: str
    role: str


@dataclass
class _Delegation:
    source: str
    coworker: str
    known: bool
    subtask: str
    span: Span | None = None  # the coworker's agent span, once it runs
    current: Current | None = None


@dataclass
class _Task:
    task: Any
    role: str
    span: Span
    current: Current
    span_role: str
    tools: list[_Tool] = field(default_factory=list)
    delegations: list[_Delegation] = field(default_factory=list)
    subtasks: list[dict[str, Any]] = field(default_factory=list)
    guardrail_starts: list[Any] = field(default_factory=list)


@dataclass
class _Run:
    key: str
    crew: Any
    parent: Span
    span: Span | None
    current: Current | None
    token: Any
    roles: dict[str, str]  # normalised role -> role, for the crew's agents
    tasks: dict[int, _Task] = field(default_factory=dict)  # id(task) -> open task
    done: dict[int, str] = field(default_factory=dict)  # id(task) -> role that executed it
    last_role: str | None = None
    attempts: dict[str, int] = field(default_factory=dict)


class CrewRuns:
    """Open crew runs and the handlers of crew events."""

    def __init__(self, options: Options, lock: threading.RLock) -> None:
        self._o = options
        self._lock = lock
        self._runs: dict[str, _Run] = {}

    def handle(self, name: str, source: Any, event: Any) -> bool:
        handler = getattr(self, "_on_" + name, None)
        if handler is None:
            return False
        with self._lock:
            handler(source, event)
        return True

    # --- finding the run ----------------------------------------------------------

    def _run_of(self, task: Any = None, agent: Any = None) -> _Run | None:
        for owner in (getattr(task, "agent", None), agent):
            crew = getattr(owner, "crew", None)
            run = self._runs.get(str(getattr(crew, "id", ""))) if crew is not None else None
            if run is not None:
                return run
        run = CURRENT_RUN.get(None)
        return run if isinstance(run, _Run) and run.key in self._runs else None

    def _open_task(self, run: _Run, task: Any) -> _Task | None:
        if task is not None and id(task) in run.tasks:
            return run.tasks[id(task)]
        return next(reversed(run.tasks.values()), None) if run.tasks else None

    # --- kickoff ------------------------------------------------------------------

    def _on_CrewKickoffStartedEvent(self, crew: Any, event: Any) -> None:
        key = str(getattr(crew, "id", id(crew)))
        parent = current_valid_span()
        span = None
        if parent is None:
            name = self._o.workflow_name or str(getattr(crew, "name", None) or "crew")
            span = self._o.tracer.start_span(
                semconv.workflow_span_name(name),
                attributes={
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
                    semconv.GEN_AI_WORKFLOW_NAME: name,
                    semconv.INTEGRATION: FRAMEWORK,
                },
            )
            parent = span
        roles = {_norm(a.role): str(a.role) for a in getattr(crew, "agents", None) or []}
        run = _Run(key, crew, parent, span, Current(span) if span else None, None, roles)
        run.token = CURRENT_RUN.set(run)
        self._runs[key] = run

    def _end_run(self, crew: Any, error: str | None) -> None:
        run = self._runs.pop(str(getattr(crew, "id", id(crew))), None)
        if run is None:
            return
        for task in list(run.tasks.values()):  # left open by an abort
            self._end_task(run, task, error or "aborted")
        if run.current is not None:
            run.current.release()
        try:
            CURRENT_RUN.reset(run.token)
        except ValueError:  # ended in another context than it started in
            pass
        if run.span is not None:
            if error is not None:
                fail(run.span, KICKOFF_FAILED, error)
            run.span.end()

    def _on_CrewKickoffCompletedEvent(self, crew: Any, event: Any) -> None:
        self._end_run(crew, None)

    def _on_CrewKickoffFailedEvent(self, crew: Any, event: Any) -> None:
        self._end_run(crew, str(getattr(event, "error", "") or "kickoff failed"))

    # --- tasks --------------------------------------------------------------------

    def _on_TaskStartedEvent(self, task: Any, event: Any) -> None:
        run = self._run_of(task)
        agent = getattr(task, "agent", None)
        if run is None or agent is None:
            return
        role = str(agent.role)
        name = _task_name(task)
        extra: dict[str, Any] = {semconv.TASK_NAME: name}
        template = getattr(task, "_original_description", None) or ""
        if template:
            extra[semconv.TASK_DESCRIPTION] = template
        if self._o.content.enabled:
            extra[semconv.INPUT_CONTENT] = self._o.content.render(
                (getattr(task, "description", "") or "") + "\n" + (event.context or "")
            )
        manager = getattr(run.crew, "manager_agent", None)
        is_manager = manager is not None and agent is manager
        is_planner = role == PLANNER_ROLE and task not in (getattr(run.crew, "tasks", None) or [])
        self._context_handoffs(run, task, role, event.context or "")
        span, span_role = start_role_span(
            self._o,
            role,
            run.parent,
            default_role="plan" if is_manager or is_planner else "generate",
            agent_id=str(getattr(agent, "id", "") or "") or None,
            extra=extra,
        )
        opened = _Task(task, role, span, Current(span), span_role)
        if is_planner:
            opened.subtasks = self._crew_plan(run)
        run.tasks[id(task)] = opened

    def _crew_plan(self, run: _Run) -> list[dict[str, Any]]:
        manager = getattr(getattr(run.crew, "manager_agent", None), "role", None)
        plan = []
        for position, task in enumerate(getattr(run.crew, "tasks", None) or [], start=1):
            agent = getattr(task, "agent", None)
            plan.append(
                {
                    "id": str(getattr(task, "name", None) or f"#{position}"),
                    "agent": str(agent.role) if agent is not None else (manager or ""),
                    "scope": getattr(task, "_original_description", None) or task.description,
                }
            )
        return plan

    def _context_handoffs(self, run: _Run, task: Any, role: str, received: str) -> None:
        declared = getattr(task, "context", None)
        expected = set(self._o.expects.get(role, ())) | set(
            self._o.expects.get(_task_name(task), ())
        )
        if isinstance(declared, list):
            for earlier in declared:
                name = _task_name(earlier)
                expected.discard(name)
                source = run.done.get(id(earlier)) or str(
                    getattr(getattr(earlier, "agent", None), "role", "") or name
                )
                output = getattr(earlier, "output", None)
                text = text_of(output) if output is not None else None
                violations = []
                if text is None:
                    violations.append(f"{semconv.VIOLATION_MISSING_KEY}: {name} (no output)")
                elif not text.strip():
                    violations.append(f"{semconv.VIOLATION_DROPPED_KEY}: {name} (empty output)")
                elif text.strip() not in received:
                    violations.append(
                        f"{semconv.VIOLATION_DROPPED_KEY}: {name} (not in the context received)"
                    )
                if source != role:
                    write_handoff(self._o, run.parent, source, role, text, violations)
        elif declared and run.last_role is not None and run.last_role != role:
            # CrewAI's default: the outputs of the tasks before this one
            write_handoff(self._o, run.parent, run.last_role, role, received, [])
        for name in sorted(expected):  # needed, not declared: did it arrive anyway?
            earlier = next(
                (t for t in getattr(run.crew, "tasks", None) or [] if _task_name(t) == name), None
            )
            output = getattr(earlier, "output", None) if earlier is not None else None
            text = text_of(output) if output is not None else ""
            if text.strip() and text.strip() in received:
                continue
            ran = run.done.get(id(earlier)) if earlier is not None else None
            source = ran or str(getattr(getattr(earlier, "agent", None), "role", "") or name)
            write_handoff(
                self._o,
                run.parent,
                source,
                role,
                text or None,
                [f"{semconv.VIOLATION_MISSING_KEY}: {name} (expected, not in the context)"],
                extra={semconv.HANDOFF_EXPECTS: f"context: {name}"},
            )

    def _end_task(self, run: _Run, opened: _Task, error: str | None, output: Any = None) -> None:
        run.tasks.pop(id(opened.task), None)
        for tool in reversed(opened.tools):
            tool.current.release()
            tool.span.end()
        for delegation in opened.delegations:
            self._end_delegation(opened.span, delegation, None)
        span = opened.span
        if opened.span_role == "plan":
            span.set_attributes(_plan_attributes(opened.subtasks))
        if opened.span_role == "verify" and error is None:
            self._verdict(run, opened, output)
        if output is not None and self._o.content.enabled:
            span.set_attribute(semconv.OUTPUT_CONTENT, self._o.content.render(text_of(output)))
        if error is not None:
            fail(span, TASK_FAILED, error)
        opened.current.release()
        span.end()
        run.done[id(opened.task)] = opened.role
        run.last_role = opened.role

    def _verdict(self, run: _Run, opened: _Task, output: Any) -> None:
        text = text_of(output)
        accepted = any(word in text for word in self._o.approve)
        attempt = run.attempts[opened.role] = run.attempts.get(opened.role, 0) + 1
        subject = run.last_role if run.last_role != opened.role else None
        reason = "approved" if accepted else "not approved"
        attrs, event = _verdict_attributes(opened.role, accepted, attempt, reason, subject)
        opened.span.set_attributes(attrs)
        opened.span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)

    def _on_TaskCompletedEvent(self, task: Any, event: Any) -> None:
        run = self._run_of(task)
        opened = run.tasks.get(id(task)) if run is not None else None
        if run is not None and opened is not None:
            self._end_task(run, opened, None, getattr(event, "output", None))

    def _on_TaskFailedEvent(self, task: Any, event: Any) -> None:
        run = self._run_of(task)
        opened = run.tasks.get(id(task)) if run is not None else None
        if run is not None and opened is not None:
            self._end_task(run, opened, str(getattr(event, "error", "") or "task failed"))

    # --- tools and delegation -----------------------------------------------------

    def _tool_parent(self, opened: _Task, role: str | None) -> Span:
        for delegation in reversed(opened.delegations):
            if delegation.span is not None and role == delegation.coworker:
                return delegation.span
        return opened.span

    def _on_ToolUsageStartedEvent(self, usage: Any, event: Any) -> None:
        task = getattr(usage, "task", None)
        run = self._run_of(task, getattr(usage, "agent", None))
        opened = self._open_task(run, task) if run is not None else None
        if run is None or opened is None:
            return
        tool = str(event.tool_name)
        role = str(event.agent_role or opened.role)
        if tool in _DELEGATION_TOOLS:
            self._delegate(run, opened, role, event.tool_args)
            return
        attrs: dict[str, Any] = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
            semconv.GEN_AI_TOOL_NAME: tool,
            semconv.STAGE: semconv.STAGE_GENERATION,
            semconv.ACTOR: semconv.ACTOR_TOOL,
            semconv.INTEGRATION: FRAMEWORK,
        }
        if self._o.content.enabled:
            attrs[semconv.INPUT_CONTENT] = self._o.content.render(event.tool_args)
        span = self._o.tracer.start_span(
            semconv.tool_span_name(tool),
            context=trace.set_span_in_context(self._tool_parent(opened, role)),
            attributes=attrs,
        )
        opened.tools.append(_Tool(span, Current(span), tool, role))

    def _end_tool(self, usage: Any, event: Any, error: str | None) -> None:
        task = getattr(usage, "task", None)
        run = self._run_of(task, getattr(usage, "agent", None))
        opened = self._open_task(run, task) if run is not None else None
        if run is None or opened is None:
            return
        tool = str(event.tool_name)
        if tool in _DELEGATION_TOOLS:
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

    def _delegate(self, run: _Run, opened: _Task, source: str, raw_args: Any) -> None:
        args = _arguments(raw_args)
        named = str(args.get("coworker") or args.get("co_worker") or "")
        coworker = run.roles.get(_norm(named))
        subtask = str(args.get("task") or args.get("question") or "")
        delegation = _Delegation(source, coworker or named or "?", coworker is not None, subtask)
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
                {"id": f"{_task_name(opened.task)}/{number}", "agent": coworker or ""}
            )

    def _end_delegation(self, parent: Span, delegation: _Delegation, output: Any) -> None:
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
                    delegation.current.release()
                    delegation.current = None
                    if delegation.span is not None:
                        delegation.span.end()
                    return

    def _on_AgentExecutionCompletedEvent(self, agent: Any, event: Any) -> None:
        self._coworker_done(agent, event, None)

    def _on_AgentExecutionErrorEvent(self, agent: Any, event: Any) -> None:
        self._coworker_done(agent, event, str(getattr(event, "error", "") or "agent error"))

    # --- guardrails ---------------------------------------------------------------

    def _on_LLMGuardrailStartedEvent(self, task: Any, event: Any) -> None:
        run = self._run_of(task)
        opened = run.tasks.get(id(task)) if run is not None else None
        if opened is not None:
            opened.guardrail_starts.append(event.guardrail)

    def _on_LLMGuardrailCompletedEvent(self, task: Any, event: Any) -> None:
        run = self._run_of(task)
        opened = run.tasks.get(id(task)) if run is not None else None
        if run is None or opened is None:
            return
        guardrail = opened.guardrail_starts.pop() if opened.guardrail_starts else ""
        name, actor = _guardrail_name(guardrail)
        accepted = bool(event.success)
        attempt = run.attempts[name] = run.attempts.get(name, 0) + 1
        reason = "guardrail passed" if accepted else "guardrail failed"
        if self._o.content.enabled and event.error:
            reason = self._o.content.render(event.error)
        verdict, evaluation = _verdict_attributes(name, accepted, attempt, reason, opened.role)
        span, _ = start_role_span(
            self._o,
            name,
            run.parent,
            default_role="verify",
            default_actor=actor,
            extra={semconv.TASK_NAME: _task_name(task)},
        )
        if self._o.roles.get(name, "verify") == "verify":
            span.set_attributes(verdict)
            span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, evaluation)
        span.end()
