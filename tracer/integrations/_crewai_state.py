"""State of a crew run as the CrewAI integration tracks it, and small readers of
CrewAI's objects."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._crewai_spans import Current

PLANNER_ROLE = "Task Execution Planner"  # CrewAI's planning agent (planning=True)
DELEGATION_TOOLS = ("Delegate work to coworker", "Ask question to coworker")
_GUARDRAIL_DEF = re.compile(r"def\s+(\w+)\s*\(")
_LAMBDA = re.compile(r"\blambda\b[^:]*:")


def norm(role: str) -> str:
    """A role as CrewAI's delegation tools compare it (case- and space-blind)."""
    return " ".join(str(role).split()).replace('"', "").casefold()


def guardrail_name(guardrail: Any) -> tuple[str, str]:
    """(name, actor) of a guardrail from CrewAI's event: a function's source or an
    LLM guardrail's description."""
    text = str(guardrail or "")
    found = _GUARDRAIL_DEF.search(text)
    if found:
        return found.group(1), semconv.ACTOR_CODE
    if _LAMBDA.search(text):
        return "guardrail", semconv.ACTOR_CODE
    return "llm_guardrail", semconv.ACTOR_MODEL


def arguments(raw: Any) -> dict[str, Any]:
    """A tool call's arguments: CrewAI passes the model's JSON text at the start."""
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(str(raw))
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def task_name(task: Any) -> str:
    return str(getattr(task, "name", None) or getattr(task, "description", "") or "task")


@dataclass
class Tool:
    span: Span
    current: Current
    name: str
    role: str


@dataclass
class Delegation:
    source: str
    coworker: str
    known: bool
    subtask: str
    span: Span | None = None  # the coworker's agent span, once it runs
    current: Current | None = None


@dataclass
class OpenTask:
    task: Any
    role: str
    span: Span
    current: Current
    span_role: str
    tools: list[Tool] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    subtasks: list[dict[str, Any]] = field(default_factory=list)
    guardrail_starts: list[Any] = field(default_factory=list)


@dataclass
class Run:
    key: str
    crew: Any
    parent: Span
    span: Span | None
    current: Current | None
    token: Any
    roles: dict[str, str]  # normalised role -> role, for the crew's agents
    tasks: dict[int, OpenTask] = field(default_factory=dict)  # id(task) -> open task
    done: dict[int, str] = field(default_factory=dict)  # id(task) -> role that executed it
    last_role: str | None = None
    attempts: dict[str, int] = field(default_factory=dict)
