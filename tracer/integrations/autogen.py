"""AutoGen AgentChat integration: a team's message stream becomes coordgap spans.

    from tracer.integrations import autogen as cg_autogen
    team = cg_autogen.instrument(team, verify=["reviewer"])

Read from the messages the team yields (``run`` and ``run_stream``):

- the run -> ``invoke_workflow {team}`` (inside an existing span, that span is
  the run); agents started by the team see it as the current span;
- each agent turn (its events and the chat message that ends it) ->
  ``invoke_agent {agent}``, from the end of the previous turn to its message;
- a speaker change -> ``handoff {previous} -> {next}`` fingerprinting the
  message handed over (a Swarm ``HandoffMessage`` names its target itself);
  the task's author (``user``) is a human actor;
- a reviewer's turn (``verify=[...]``) -> ``verify {agent}``: ``accept`` when its
  message contains an approval word (``approve=("APPROVE",)``), else
  ``reject``, subject the agent it reviewed; so a team stopped by its
  termination condition before a reviewer approved ends on a reject;
- tool executions inside a turn -> ``execute_tool {tool}`` (failed when the
  result is an error); Swarm's own ``transfer_to_*`` calls are left out.

Message text is recorded only with content capture on. Instrumentation
failures are logged and swallowed; the team's own exceptions pass through.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode, TracerProvider

from tracer import semconv
from tracer.integrations._common import (
    ROLES,
    _Content,
    _detach_quietly,
    _fingerprint,
    _get_tracer,
    _guard,
    _record_error,
    _verdict_attributes,
    agent_attributes,
    check_roles,
    handoff_attributes,
    tool_attributes,
    workflow_attributes,
)

__all__ = ["instrument", "uninstrument"]

_FRAMEWORK = "autogen"
_USER = "user"
_HANDOFF_TOOL_PREFIX = "transfer_to_"


@dataclass
class _Options:
    roles: dict[str, str]
    actors: dict[str, str]
    approve: tuple[str, ...]
    content: _Content
    tracer: Any
    workflow_name: str | None


@dataclass
class _Tool:
    name: str
    start_ns: int
    end_ns: int
    error: bool


@dataclass
class _Turn:
    source: str
    start_ns: int
    tools: list[_Tool] = field(default_factory=list)
    requested: dict[str, int] = field(default_factory=dict)  # call id -> request time


def _text(message: Any) -> str:
    content = getattr(message, "content", None)
    if isinstance(content, str):
        return content
    to_text = getattr(message, "to_text", None)
    return str(to_text()) if callable(to_text) else str(content)


class _TeamRun:
    """One run of a team: turns the stream of messages into spans as they arrive."""

    def __init__(self, options: _Options, team_name: str) -> None:
        self._o = options
        self._start_ns = time.time_ns()
        current = trace.get_current_span()
        self.span: Span | None = None
        if current.get_span_context().is_valid:
            self.parent: Span = current
        else:
            name = options.workflow_name or team_name
            self.span = options.tracer.start_span(
                semconv.workflow_span_name(name),
                attributes=workflow_attributes(name, integration=_FRAMEWORK),
            )
            self.parent = self.span
        self.context = trace.set_span_in_context(self.parent)
        self._turn: _Turn | None = None
        self._last_end_ns = self._start_ns
        self._last_speaker: str | None = None
        self._last_message: Any = None
        self._handed_to: str | None = None  # target named by a HandoffMessage
        self._attempts: dict[str, int] = {}

    def _actor(self, name: str) -> str:
        if name in self._o.actors:
            return self._o.actors[name]
        return semconv.ACTOR_HUMAN if name == _USER else semconv.ACTOR_MODEL

    def on_item(self, item: Any) -> None:
        source = getattr(item, "source", None)
        if source is None:  # the TaskResult, or something without an author
            return
        now = time.time_ns()
        source = str(source)
        if source == _USER and self._last_speaker is None:
            self._last_speaker, self._last_message, self._last_end_ns = source, item, now
            return
        if self._turn is None or self._turn.source != source:
            self._turn = _Turn(source=source, start_ns=self._last_end_ns)
        kind = type(item).__name__
        if kind == "ToolCallRequestEvent":
            for call in getattr(item, "content", None) or []:
                self._turn.requested[str(getattr(call, "id", ""))] = now
        elif kind == "ToolCallExecutionEvent":
            for result in getattr(item, "content", None) or []:
                started = self._turn.requested.pop(str(getattr(result, "call_id", "")), now)
                self._turn.tools.append(
                    _Tool(
                        name=str(getattr(result, "name", "tool")),
                        start_ns=started,
                        end_ns=now,
                        error=bool(getattr(result, "is_error", False)),
                    )
                )
        elif hasattr(item, "to_model_message"):  # a chat message: the turn is over
            self._end_turn(self._turn, item, now)
            self._turn = None

    def _end_turn(self, turn: _Turn, message: Any, now: int) -> None:
        previous = self._last_speaker
        handoff_target = getattr(message, "target", None)
        if previous is not None and previous != turn.source and self._handed_to is None:
            self._handoff(
                previous, turn.source, self._last_message, self._last_end_ns, turn.start_ns
            )
        self._handed_to = None
        role = self._o.roles.get(turn.source, "generate")
        span_name = ROLES[role].span_name
        attrs = agent_attributes(
            turn.source, role=role, actor=self._actor(turn.source), integration=_FRAMEWORK
        )
        if self._o.content.enabled:
            attrs[semconv.OUTPUT_CONTENT] = self._o.content.render(_text(message))
        span = self._o.tracer.start_span(
            span_name(turn.source), context=self.context, attributes=attrs, start_time=turn.start_ns
        )
        if role == "verify":
            text = _text(message)
            accepted = any(word in text for word in self._o.approve)
            attempt = self._attempts[turn.source] = self._attempts.get(turn.source, 0) + 1
            reason = "approved" if accepted else "not approved"
            subject = previous if previous not in (None, turn.source) else None
            verdict, event = _verdict_attributes(turn.source, accepted, attempt, reason, subject)
            span.set_attributes(verdict)
            span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)
        agent_ctx = trace.set_span_in_context(span)
        for tool in turn.tools:
            if handoff_target is not None and tool.name.startswith(_HANDOFF_TOOL_PREFIX):
                continue  # Swarm's handoff call: the handoff span below stands for it
            tool_span = self._o.tracer.start_span(
                semconv.tool_span_name(tool.name),
                context=agent_ctx,
                attributes=tool_attributes(tool.name, integration=_FRAMEWORK),
                start_time=tool.start_ns,
            )
            if tool.error:
                tool_span.set_attribute(semconv.ERROR_TYPE, "tool_error")
                tool_span.set_status(Status(StatusCode.ERROR, "tool returned an error"))
            tool_span.end(end_time=tool.end_ns)
        span.end(end_time=now)
        if handoff_target is not None:
            self._handoff(turn.source, str(handoff_target), message, now, now)
            self._handed_to = str(handoff_target)
        self._last_speaker, self._last_message, self._last_end_ns = turn.source, message, now

    def _handoff(self, source: str, target: str, message: Any, start: int, end: int) -> None:
        text = _text(message) if message is not None else ""
        attrs = handoff_attributes(
            source,
            target,
            source_actor=self._actor(source),
            target_actor=self._actor(target),
            integration=_FRAMEWORK,
        )
        attrs[semconv.HANDOFF_VIOLATIONS] = []
        attrs[semconv.HANDOFF_VIOLATION_COUNT] = 0
        attrs.update(_fingerprint(text))
        if self._o.content.enabled:
            attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = self._o.content.render(text)
        span = self._o.tracer.start_span(
            semconv.handoff_span_name(source, target),
            context=self.context,
            attributes=attrs,
            start_time=min(start, end),
        )
        span.end(end_time=end)

    def finish(self, error: BaseException | None) -> None:
        if self.span is None:
            return
        if error is not None:
            _record_error(self.span, error)
        self.span.end()


def _roles(roles: Mapping[str, str] | None, plan: Iterable[str], verify: Iterable[str]) -> dict:
    return check_roles(roles, plan, verify, what="agent")


def instrument(
    team: Any,
    *,
    roles: Mapping[str, str] | None = None,
    plan: Iterable[str] = (),
    verify: Iterable[str] = (),
    actors: Mapping[str, str] | None = None,
    approve: Iterable[str] = ("APPROVE",),
    workflow_name: str | None = None,
    capture_content: bool | None = None,
    redact: Callable[[str], str] | None = None,
    tracer_provider: TracerProvider | None = None,
) -> Any:
    """Trace every run of an AgentChat team; returns the same team.

    ``run`` goes through ``run_stream``, so both are covered. Impossible
    options raise ``ValueError`` here. Calling it again replaces the options.
    """
    acts = dict(actors or {})
    for name, actor in acts.items():
        if actor not in semconv.ACTORS:
            raise ValueError(f"actor {actor!r} for {name!r}: expected {semconv.ACTORS}")
    options = _Options(
        roles=_roles(roles, plan, verify),
        actors=acts,
        approve=tuple(approve),
        content=_Content(capture_content, redact),
        tracer=_get_tracer(tracer_provider),
        workflow_name=workflow_name,
    )
    original = getattr(team, "_coordgap_original", None) or team.run_stream
    team_name = str(getattr(team, "name", None) or type(team).__name__)

    async def run_stream(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        run: _TeamRun | None = None
        with _guard("autogen.run_start"):
            run = _TeamRun(options, team_name)
        stream = original(*args, **kwargs)
        error: BaseException | None = None
        try:
            while True:
                # The team starts its agents' tasks inside the stream: let them
                # see the run as current, but never leave it set for the caller.
                token = otel_context.attach(run.context) if run is not None else None
                try:
                    item = await stream.__anext__()
                except StopAsyncIteration:
                    break
                finally:
                    _detach_quietly(token)
                if run is not None:
                    with _guard("autogen.on_item"):
                        run.on_item(item)
                yield item
        except BaseException as exc:
            error = exc
            raise
        finally:
            if run is not None:
                with _guard("autogen.run_end"):
                    run.finish(error if isinstance(error, Exception) else None)

    team._coordgap_original = original
    team.run_stream = run_stream
    return team


def uninstrument(team: Any) -> Any:
    """Undo :func:`instrument`; returns the same team."""
    original = getattr(team, "_coordgap_original", None)
    if original is not None:
        team.run_stream = original
        del team._coordgap_original
    return team
