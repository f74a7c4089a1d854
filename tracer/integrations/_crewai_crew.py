"""Crew runs: kickoff, tasks, context handoffs, guardrails, plans."""

from __future__ import annotations

from typing import Any

from tracer import semconv
from tracer.integrations._common import _plan_attributes, _verdict_attributes, workflow_attributes
from tracer.integrations._crewai_spans import (
    CURRENT_RUN,
    FRAMEWORK,
    KICKOFF_FAILED,
    TASK_FAILED,
    Current,
    current_valid_span,
    fail,
    start_role_span,
    text_of,
    write_handoff,
    write_output,
)
from tracer.integrations._crewai_state import (
    PLANNER_ROLE,
    OpenTask,
    Run,
    guardrail_name,
    norm,
    task_name,
)
from tracer.integrations._crewai_tools import CrewBase


class CrewRuns(CrewBase):
    """The handlers of crew events (kickoff, tasks, guardrails) on top of :class:`CrewBase`."""

    # --- kickoff ------------------------------------------------------------------

    def _on_CrewKickoffStartedEvent(self, crew: Any, event: Any) -> None:
        key = str(getattr(crew, "id", id(crew)))
        parent = current_valid_span()
        span = None
        if parent is None:
            name = self._o.workflow_name or str(getattr(crew, "name", None) or "crew")
            span = self._o.tracer.start_span(
                semconv.workflow_span_name(name),
                attributes=workflow_attributes(name, integration=FRAMEWORK),
            )
            parent = span
        roles = {norm(a.role): str(a.role) for a in getattr(crew, "agents", None) or []}
        run = Run(key, crew, parent, span, Current(span) if span else None, None, roles)
        run.token = CURRENT_RUN.set(run)
        self._runs[key] = run

    def _end_run(self, crew: Any, error: str | None) -> None:
        run = self._runs.pop(str(getattr(crew, "id", id(crew))), None)
        if run is None:
            return
        for task in list(run.tasks.values()):  # left open by an abort
            self._end_task(run, task, error)
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
        name = task_name(task)
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
        opened = OpenTask(task, role, span, Current(span), span_role)
        if is_planner:
            opened.subtasks = self._crew_plan(run)
        run.tasks[id(task)] = opened

    def _crew_plan(self, run: Run) -> list[dict[str, Any]]:
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

    def _context_handoffs(self, run: Run, task: Any, role: str, received: str) -> None:
        declared = getattr(task, "context", None)
        expected = set(self._o.expects.get(role, ())) | set(
            self._o.expects.get(task_name(task), ())
        )
        if isinstance(declared, list):
            for earlier in declared:
                name = task_name(earlier)
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
                (t for t in getattr(run.crew, "tasks", None) or [] if task_name(t) == name), None
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

    def _end_task(self, run: Run, opened: OpenTask, error: str | None, output: Any = None) -> None:
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
        write_output(self._o, span, output)
        if error is not None:
            fail(span, TASK_FAILED, error)
        opened.current.release()
        span.end()
        run.done[id(opened.task)] = opened.role
        run.last_role = opened.role

    def _verdict(self, run: Run, opened: OpenTask, output: Any) -> None:
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
        name, actor = guardrail_name(guardrail)
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
            extra={semconv.TASK_NAME: task_name(task)},
        )
        if self._o.roles.get(name, "verify") == "verify":
            span.set_attributes(verdict)
            span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, evaluation)
        span.end()
