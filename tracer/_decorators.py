"""``workflow``, ``agent``, ``tool``, ``plan``, ``verify``: decorators and context managers.

Each works bare (``@tracer.agent``: the name is the function's name), called
(``@tracer.agent("writer", stage="assembly")``), and as a context manager
(``with tracer.agent("writer") as step:``). The span's attributes are built,
at decoration time, by the same :mod:`tracer.instrumentation` functions the
framework integrations use, so both write the same keys for the same facts.
Arguments are checked then too, traced or not; a bad stage or actor raises
``ValueError`` before any call (see ``tracer/_options.py``).

Typing: the decorated function keeps its signature for type checkers
(``ParamSpec``), in the bare and the called form, for sync, async, generator
and async-generator functions alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, overload

from tracer import semconv
from tracer._spans import StepSpec
from tracer.instrumentation import ROLES, agent_attributes, tool_attributes, workflow_attributes

__all__ = ["agent", "plan", "tool", "verify", "workflow"]

P = ParamSpec("P")
R = TypeVar("R")


def _spec_or_wrap(
    name: Any,
    kind: str,
    attributes: Callable[[str], dict[str, Any]],
    span_name: Callable[[str], str],
) -> Any:
    if name is None or isinstance(name, str):
        return StepSpec(kind, name, attributes, span_name)
    if callable(name) or isinstance(name, staticmethod | classmethod):
        func = name.__func__ if isinstance(name, staticmethod | classmethod) else name
        spec = StepSpec(kind, getattr(func, "__name__", kind), attributes, span_name)
        return spec(name)
    raise ValueError(f"coordgap: {kind}({name!r}): expected a name or a function")


@overload
def workflow(name: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def workflow(name: str | None = None, *, conversation_id: str | None = None) -> StepSpec: ...
def workflow(name: Any = None, *, conversation_id: str | None = None) -> Any:
    """One run of the pipeline: the root span ``invoke_workflow {name}``.

    ``tracer.outcome(ok, reason)`` inside it marks this run's outcome.
    """
    return _spec_or_wrap(
        name,
        "workflow",
        lambda n: workflow_attributes(n, conversation_id=conversation_id),
        semconv.workflow_span_name,
    )


@overload
def agent(name: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def agent(
    name: str | None = None,
    *,
    stage: str = semconv.STAGE_GENERATION,
    actor: str = semconv.ACTOR_MODEL,
    id: str | None = None,  # noqa: A002
) -> StepSpec: ...
def agent(
    name: Any = None,
    *,
    stage: str = semconv.STAGE_GENERATION,
    actor: str = semconv.ACTOR_MODEL,
    id: str | None = None,  # noqa: A002 - the GenAI key is gen_ai.agent.id
) -> Any:
    """An agent call ``invoke_agent {name}`` in ``stage`` by ``actor`` (model|human|tool|code)."""
    return _spec_or_wrap(
        name,
        "agent",
        lambda n: agent_attributes(n, stage=stage, actor=actor, agent_id=id),
        semconv.agent_span_name,
    )


@overload
def tool(name: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def tool(name: str | None = None, *, stage: str = semconv.STAGE_GENERATION) -> StepSpec: ...
def tool(name: Any = None, *, stage: str = semconv.STAGE_GENERATION) -> Any:
    """A tool execution ``execute_tool {name}`` (actor ``tool``)."""
    return _spec_or_wrap(
        name, "tool", lambda n: tool_attributes(n, stage=stage), semconv.tool_span_name
    )


@overload
def plan(name: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def plan(name: str | None = None, *, actor: str = semconv.ACTOR_MODEL) -> StepSpec: ...
def plan(name: Any = None, *, actor: str = semconv.ACTOR_MODEL) -> Any:
    """A decomposition ``plan {name}``: the return value is the subtask list.

    Records the count, ids, assignees and the plan's visible defects
    (unassigned subtasks, duplicate ids, overlapping scopes). In the
    context-manager form call ``step.record_subtasks(subtasks)``.
    """
    return _spec_or_wrap(
        name,
        "plan",
        lambda n: agent_attributes(n, role="plan", actor=actor, what="plan"),
        ROLES["plan"].span_name,
    )


@overload
def verify(name: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def verify(
    name: str | None = None, *, actor: str = semconv.ACTOR_MODEL, subject: str | None = None
) -> StepSpec: ...
def verify(
    name: Any = None, *, actor: str = semconv.ACTOR_MODEL, subject: str | None = None
) -> Any:
    """A verification ``verify {name}``: the return value is the verdict.

    Verdicts: ``True``/``False``, ``"accept"``/``"reject"`` or
    :class:`tracer.Verdict`. Attempts are counted per verifier within a run
    (trace). Also emits the ``gen_ai.evaluation.result`` event. In the
    context-manager form call ``step.record_verdict(verdict)``.
    """

    def attributes(n: str) -> dict[str, Any]:
        attrs = agent_attributes(n, role="verify", actor=actor, what="verify")
        if subject is not None:
            attrs[semconv.VERIFY_SUBJECT] = subject
        return attrs

    return _spec_or_wrap(name, "verify", attributes, ROLES["verify"].span_name)
