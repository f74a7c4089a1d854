"""CrewAI integration: crews and flows traced from CrewAI's event bus.

    from tracer.integrations import crewai as cg_crewai
    cg_crewai.instrument()   # every Crew and Flow from now on

What it records (see docs/integrations.md):

- a crew kickoff -> ``invoke_workflow {crew}`` (inside an existing span, that
  span is the run), current while the crew runs;
- each task execution -> ``invoke_agent {agent role}`` with the task's name
  and description template (``plan``/``verify`` spans by role), current while
  the task runs; tool usage -> ``execute_tool {tool}`` (a tool that raised is
  an error);
- a task's ``context=[...]`` -> ``handoff {earlier agent} -> {agent}`` per
  earlier task, fingerprinting its output; an output that is missing, empty
  or not in the context the task received is a violation, and so is an
  output ``expects=`` names that never arrived;
- delegation (``Delegate work to coworker``, ``Ask question to coworker``) ->
  a handoff to the coworker, the coworker's agent span, and a handoff back;
  a coworker that does not exist is a ``wrong_target`` violation;
- task guardrails (functions and LLM guardrails) -> ``verify {guardrail}``
  per attempt with its verdict, retries included; a task that exhausts them
  fails, and so does the run;
- the hierarchical process's manager -> ``plan {manager}`` listing the
  subtasks it delegated and to whom (a coworker that does not exist leaves
  a subtask unassigned); ``planning=True`` -> ``plan Task Execution
  Planner`` listing the crew's tasks and their agents;
- a flow run -> ``invoke_workflow {flow}``; each ``@start``/``@listen`` method
  -> ``invoke_agent {method}`` (actor ``code``); the method that triggered a
  listener -> ``handoff {trigger} -> {listener}``, and a ``@router`` hands off
  along the route it took (``coordgap.handoff.route``).

Why the bus's ``emit`` is wrapped rather than handlers registered with
``crewai_event_bus.on``: CrewAI runs registered handlers on a thread pool or
a background event loop, so they see events out of order, without the
caller's OpenTelemetry context, and possibly after ``kickoff()`` returned.
Wrapping ``emit`` sees every event in the thread that emitted it, in order.

Content (task outputs, context, tool arguments and results, guardrail
messages) is recorded only with content capture on; fingerprints always are.
Instrumentation failures are logged and swallowed; CrewAI's own exceptions
pass through unchanged. Turn CrewAI's own telemetry off with
``CREWAI_DISABLE_TELEMETRY=true`` (it would otherwise install a
TracerProvider of its own that uploads to CrewAI).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from crewai.events import crewai_event_bus
from opentelemetry.trace import TracerProvider

from tracer import semconv
from tracer.integrations._common import Instrumentor, _Content, _get_tracer, _guard, check_roles
from tracer.integrations._crewai_crew import CrewRuns
from tracer.integrations._crewai_flow import FlowRuns
from tracer.integrations._crewai_spans import Options

__all__ = ["CoordgapCrewAIListener", "instrument", "is_instrumented", "uninstrument"]


class CoordgapCrewAIListener:
    """Turns CrewAI events into coordgap spans; see the module docstring.

    Options: ``roles`` / ``plan`` / ``verify`` (agent role, flow method or
    guardrail name -> role; the hierarchical manager is ``plan`` by
    default), ``actors`` (name -> actor; agents default to ``model``, flow
    methods and function guardrails to ``code``), ``expects`` (agent role or
    task name -> names of earlier tasks whose output it needs), ``approve``
    (words that make a ``verify`` agent's output an accept),
    ``workflow_name``, ``capture_content``, ``redact``, ``tracer_provider``.
    Impossible options raise ``ValueError`` here; nothing raises once crews run.
    """

    def __init__(
        self,
        *,
        roles: Mapping[str, str] | None = None,
        plan: Iterable[str] = (),
        verify: Iterable[str] = (),
        actors: Mapping[str, str] | None = None,
        expects: Mapping[str, Iterable[str]] | None = None,
        approve: Iterable[str] = ("APPROVE",),
        workflow_name: str | None = None,
        capture_content: bool | None = None,
        redact: Callable[[str], str] | None = None,
        tracer_provider: TracerProvider | None = None,
    ) -> None:
        all_roles = check_roles(roles, plan, verify)
        acts = dict(actors or {})
        for name, actor in acts.items():
            if actor not in semconv.ACTORS:
                raise ValueError(f"actor {actor!r} for {name!r}: expected {semconv.ACTORS}")
        self.options = Options(
            roles=all_roles,
            actors=acts,
            expects={k: tuple(v) for k, v in (expects or {}).items()},
            approve=tuple(approve),
            workflow_name=workflow_name,
            content=_Content(capture_content, redact),
            tracer=_get_tracer(tracer_provider),
        )
        lock = threading.RLock()
        self._crews = CrewRuns(self.options, lock)
        self._flows = FlowRuns(self.options, lock)

    def on_event(self, source: Any, event: Any) -> None:
        """Handle one CrewAI event; never raises."""
        name = type(event).__name__
        with _guard(f"crewai.{name}"):
            if not self._flows.handle(name, source, event):
                self._crews.handle(name, source, event)


class _CrewAIInstrumentor(Instrumentor):
    """Routes CrewAI's event bus through one listener (``emit`` wrapped on the bus)."""

    def _instrument(self, **options: Any) -> Any:
        listener: CoordgapCrewAIListener = options["listener"]
        bus: Any = crewai_event_bus
        saved = vars(bus).get("emit", _CLASS_EMIT)  # an emit someone set on the bus itself
        original = bus.emit

        def emit(source: Any, event: Any) -> Any:
            listener.on_event(source, event)
            return original(source, event)

        bus.emit = emit
        return saved

    def _uninstrument(self, handle: Any) -> None:
        bus: Any = crewai_event_bus
        if handle is _CLASS_EMIT:
            vars(bus).pop("emit", None)  # the class's own emit again
        else:
            bus.emit = handle


_CLASS_EMIT = object()
_INSTRUMENTOR = _CrewAIInstrumentor()


def instrument(**options: Any) -> CoordgapCrewAIListener:
    """Trace every CrewAI crew and flow from now on; returns the listener.

    ``options`` are :class:`CoordgapCrewAIListener`'s keyword arguments.
    Invalid options raise ``ValueError`` here, before anything changes.
    Calling it again replaces the previous listener (and its options).
    """
    listener = CoordgapCrewAIListener(**options)
    _INSTRUMENTOR.instrument(listener=listener)
    return listener


def uninstrument() -> None:
    """Stop tracing: CrewAI's event bus emits as before (nothing happens when not instrumented)."""
    _INSTRUMENTOR.uninstrument()


def is_instrumented() -> bool:
    """True while :func:`instrument` is in effect."""
    return _INSTRUMENTOR.is_instrumented()
