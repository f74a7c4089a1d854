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
- a reviewer's turn (``verify=[...]``) -> ``verify {agent}``, subject the agent
  that spoke before it. Its verdict needs evidence: ``reject`` when its message
  contains a reject word (``reject=()``, none unless given), else ``accept``
  when it contains an approval word (``approve=("APPROVE",)``); ``reject`` when
  the agent it reviewed works again before the reviewer's next turn (sent back)
  in a team where that was chosen after the reviewer spoke (not in a
  ``RoundRobinGroupChat``, whose fixed order brings the reviewed agent back
  anyway; see :mod:`tracer.integrations._autogen_team`), or when the run ends
  with no approval after it; ``accept`` ("ended the run") when the reviewer's
  own last message stopped the team (the stop reason quotes it: a text-mention
  termination such as ``TERMINATE``; it let the work go); else no verdict (a
  reviewer that reruns a check, asks a question or waves its turn through has
  decided nothing yet);
- tool executions inside a turn -> ``execute_tool {tool}`` under the turn of
  the agent that called it (``gen_ai.tool.call.id``; failed when the result is
  an error; arguments and result as input and output content); Swarm's own
  ``transfer_to_*`` calls are left out;
- an agent that runs code blocks (``execute_code_block``: a ``CodeExecutorAgent``)
  is a ``code`` actor unless ``actors=`` says otherwise;
- a code executor's turn carries ``process.exit.code`` of the code it ran (the
  last run of the turn): AutoGen hands a crash back as text and the team goes
  on, but the exit code is a fact, not a reading. The turn's status stays
  unset: the executor did its work (ran what it was given), the code it was
  handed failed, as a server's span stays unset on a caller's bad request.

Message text, tool arguments and results are recorded only with content
capture on. Instrumentation failures are logged and swallowed; the team's own
exceptions pass through.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode, TracerProvider

from tracer import semconv
from tracer.integrations._autogen_code import (
    ExitCodes,
    executor_names,
    unwrap_executors,
    wrap_executors,
)
from tracer.integrations._autogen_team import fixed_successors
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

_FRAMEWORK = semconv.INTEGRATION_AUTOGEN
_USER = "user"
_HANDOFF_TOOL_PREFIX = "transfer_to_"
_QUOTED = re.compile(r"'([^']+)'")  # a quoted phrase in a stop reason
_TOOL_ERROR = "tool_error"


@dataclass
class _Options:
    roles: dict[str, str]
    actors: dict[str, str]
    approve: tuple[str, ...]
    reject: tuple[str, ...]
    content: _Content
    tracer: Any
    workflow_name: str | None
    codes: ExitCodes = field(default_factory=ExitCodes)
    # speakers whose successor the team's order fixes: who follows them is no verdict
    fixed: frozenset[str] = frozenset()


@dataclass
class _Tool:
    name: str
    call_id: str
    start_ns: int
    end_ns: int
    error: bool
    arguments: Any = None
    result: Any = None


@dataclass
class _Turn:
    source: str
    start_ns: int
    tools: list[_Tool] = field(default_factory=list)
    # call id -> (request time, arguments)
    requested: dict[str, tuple[int, Any]] = field(default_factory=dict)
    exit_codes: list[int] = field(default_factory=list)  # from CodeExecutionEvent


@dataclass
class _Review:
    """A reviewer's turn without an approval word: its verdict waits for evidence."""

    span: Span
    name: str
    attempt: int
    subject: str | None
    end_ns: int


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
        self._pending: dict[str, _Review] = {}  # reviewer -> its undecided turn
        self._stop_reason = ""  # the TaskResult's: why the team stopped
        options.codes.clear()

    def _actor(self, name: str) -> str:
        if name in self._o.actors:
            return self._o.actors[name]
        return semconv.ACTOR_HUMAN if name == _USER else semconv.ACTOR_MODEL

    def on_item(self, item: Any) -> None:
        source = getattr(item, "source", None)
        if source is None:  # the TaskResult, or something without an author
            self._stop_reason = str(getattr(item, "stop_reason", None) or "")
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
                arguments = getattr(call, "arguments", None)
                self._turn.requested[str(getattr(call, "id", ""))] = (now, arguments)
        elif kind == "ToolCallExecutionEvent":
            for result in getattr(item, "content", None) or []:
                call_id = str(getattr(result, "call_id", ""))
                started, arguments = self._turn.requested.pop(call_id, (now, None))
                self._turn.tools.append(
                    _Tool(
                        name=str(getattr(result, "name", "tool")),
                        call_id=call_id,
                        start_ns=started,
                        end_ns=now,
                        error=bool(getattr(result, "is_error", False)),
                        arguments=arguments,
                        result=getattr(result, "content", None),
                    )
                )
        elif kind == "CodeExecutionEvent":
            code = getattr(getattr(item, "result", None), "exit_code", None)
            if isinstance(code, int):
                self._turn.exit_codes.append(code)
        elif hasattr(item, "to_model_message"):  # a chat message: the turn is over
            self._end_turn(self._turn, item, now)
            self._turn = None

    def _end_turn(self, turn: _Turn, message: Any, now: int) -> None:
        previous = self._last_speaker
        handoff_target = getattr(message, "target", None)
        codes = self._o.codes.take(turn.source) or turn.exit_codes
        # an executor that ran code right after a reviewer ran the reviewer's own check
        self._settle_reviews(turn.source, ran_code_of=previous if codes else None)
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
        self._record_exit(span, codes)
        agent_ctx = trace.set_span_in_context(span)
        for tool in turn.tools:
            if handoff_target is not None and tool.name.startswith(_HANDOFF_TOOL_PREFIX):
                continue  # Swarm's handoff call: the handoff span below stands for it
            self._tool_span(tool, agent_ctx)
        subject = previous if previous not in (None, turn.source) else None
        if role != "verify" or not self._review(turn.source, span, message, subject, now):
            span.end(end_time=now)
        if handoff_target is not None:
            self._handoff(turn.source, str(handoff_target), message, now, now)
            self._handed_to = str(handoff_target)
        self._last_speaker, self._last_message, self._last_end_ns = turn.source, message, now

    def _tool_span(self, tool: _Tool, context: Any) -> None:
        attrs = tool_attributes(tool.name, integration=_FRAMEWORK)
        if tool.call_id:
            attrs[semconv.GEN_AI_TOOL_CALL_ID] = tool.call_id
        if self._o.content.enabled:
            if tool.arguments is not None:
                attrs[semconv.INPUT_CONTENT] = self._o.content.render(tool.arguments)
            if tool.result is not None:
                attrs[semconv.OUTPUT_CONTENT] = self._o.content.render(tool.result)
        span = self._o.tracer.start_span(
            semconv.tool_span_name(tool.name),
            context=context,
            attributes=attrs,
            start_time=tool.start_ns,
        )
        if tool.error:
            span.set_attribute(semconv.ERROR_TYPE, _TOOL_ERROR)
            span.set_status(Status(StatusCode.ERROR, "tool returned an error"))
        span.end(end_time=tool.end_ns)

    @staticmethod
    def _record_exit(span: Span, codes: list[int]) -> None:
        """The last code run of the turn decides (an earlier failed try may be retried)."""
        if codes:
            span.set_attribute(semconv.PROCESS_EXIT_CODE, codes[-1])

    def _review(self, name: str, span: Span, message: Any, subject: str | None, now: int) -> bool:
        """Record a reviewer's turn; True when its span stays open for a later verdict."""
        attempt = self._attempts[name] = self._attempts.get(name, 0) + 1
        span.set_attribute(semconv.VERIFY_ATTEMPT, attempt)
        if subject is not None:
            span.set_attribute(semconv.VERIFY_SUBJECT, subject)
        text = _text(message)
        said = next((word for word in self._o.reject if word in text), None)
        if said is not None:
            self._verdict(span, name, False, attempt, f"said {said}", subject)
            return False
        if any(word in text for word in self._o.approve):
            self._verdict(span, name, True, attempt, "approved", subject)
            return False
        self._pending[name] = _Review(span, name, attempt, subject, now)
        return True

    def _verdict(
        self, span: Span, name: str, accepted: bool, attempt: int, reason: str, subject: str | None
    ) -> None:
        verdict, event = _verdict_attributes(name, accepted, attempt, reason, subject)
        span.set_attributes(verdict)
        span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)

    def _settle_reviews(self, speaker: str, ran_code_of: str | None) -> None:
        """``speaker``'s turn ended: a reviewer speaking again leaves its earlier turn
        undecided; the reviewed agent working again (not running the reviewer's own
        code) means it was sent back, unless the team's fixed order brought it back."""
        for name, review in list(self._pending.items()):
            if speaker == name:
                self._close_review(review, None)
            elif speaker == review.subject and ran_code_of != name and name not in self._o.fixed:
                self._close_review(review, f"sent back to {review.subject}")

    def _close_review(self, review: _Review, rejected: str | None) -> None:
        del self._pending[review.name]
        if rejected is not None:
            self._verdict(review.span, review.name, False, review.attempt, rejected, review.subject)
        review.span.end(end_time=review.end_ns)

    def _stopped_by_last_words(self) -> bool:
        """Whether the team's stop reason quotes the last message (a text-mention
        termination: "Text 'TERMINATE' mentioned"), not a message count or a timeout."""
        said = _text(self._last_message) if self._last_message is not None else ""
        quoted = _QUOTED.findall(self._stop_reason)
        return any(q and q in said for q in quoted)

    def _accept_at_end(self, review: _Review) -> None:
        """The reviewer spoke last and the run ended there: it released the work."""
        del self._pending[review.name]
        self._verdict(
            review.span, review.name, True, review.attempt, "ended the run", review.subject
        )
        review.span.end(end_time=review.end_ns)

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

    def finish(self, error: BaseException | None, completed: bool) -> None:
        # A run that ended on its own with a reviewer's turn undecided: that work was
        # never approved. A run that raised, or was left unread, decided nothing.
        # A reviewer whose own words stopped the team let the work go: it accepted it.
        ended = completed and error is None
        for review in list(self._pending.values()):
            if ended and review.name == self._last_speaker and self._stopped_by_last_words():
                self._accept_at_end(review)
            else:
                self._close_review(review, "run ended without approval" if ended else None)
        if self.span is None:
            return
        if error is not None:
            _record_error(self.span, error)
        self.span.end()


def _roles(roles: Mapping[str, str] | None, plan: Iterable[str], verify: Iterable[str]) -> dict:
    return check_roles(roles, plan, verify, what="agent")


def _words(option: str, words: Iterable[str]) -> tuple[str, ...]:
    out = (words,) if isinstance(words, str) else tuple(words)
    if not all(isinstance(word, str) and word for word in out):
        raise ValueError(f"{option}: expected non-empty words, got {out!r}")
    return out


def instrument(
    team: Any,
    *,
    roles: Mapping[str, str] | None = None,
    plan: Iterable[str] = (),
    verify: Iterable[str] = (),
    actors: Mapping[str, str] | None = None,
    approve: Iterable[str] = ("APPROVE",),
    reject: Iterable[str] = (),
    workflow_name: str | None = None,
    capture_content: bool | None = None,
    redact: Callable[[str], str] | None = None,
    tracer_provider: TracerProvider | None = None,
) -> Any:
    """Trace every run of an AgentChat team; returns the same team.

    ``run`` goes through ``run_stream``, so both are covered. A reviewer's
    message containing one of ``reject`` is a reject, else one of ``approve``
    an accept (exact, case-sensitive substrings). Impossible options (an
    unknown role or actor, an empty word) raise ``ValueError`` here. Calling
    it again replaces the options.
    """
    acts = dict(actors or {})
    with _guard("autogen.code_actors"):
        # an agent that runs code blocks is a code actor unless the caller says otherwise
        for name in executor_names(team):
            acts.setdefault(name, semconv.ACTOR_CODE)
    for name, actor in acts.items():
        if actor not in semconv.ACTORS:
            raise ValueError(f"actor {actor!r} for {name!r}: expected {semconv.ACTORS}")
    options = _Options(
        roles=_roles(roles, plan, verify),
        actors=acts,
        approve=_words("approve", approve),
        reject=_words("reject", reject),
        content=_Content(capture_content, redact),
        tracer=_get_tracer(tracer_provider),
        workflow_name=workflow_name,
    )
    with _guard("autogen.team_order"):
        options.fixed = fixed_successors(team)
    original = getattr(team, "_coordgap_original", None) or team.run_stream
    team_name = str(getattr(team, "name", None) or type(team).__name__)

    async def run_stream(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        run: _TeamRun | None = None
        with _guard("autogen.run_start"):
            run = _TeamRun(options, team_name)
        stream = original(*args, **kwargs)
        error: BaseException | None = None
        completed = False
        try:
            while True:
                # The team starts its agents' tasks inside the stream: let them
                # see the run as current, but never leave it set for the caller.
                token = otel_context.attach(run.context) if run is not None else None
                try:
                    item = await stream.__anext__()
                except StopAsyncIteration:
                    completed = True
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
                    run.finish(error if isinstance(error, Exception) else None, completed)

    with _guard("autogen.wrap_executors"):
        wrap_executors(team, options.codes)
    team._coordgap_original = original
    team.run_stream = run_stream
    return team


def uninstrument(team: Any) -> Any:
    """Undo :func:`instrument`; returns the same team."""
    original = getattr(team, "_coordgap_original", None)
    if original is not None:
        team.run_stream = original
        del team._coordgap_original
    with _guard("autogen.unwrap_executors"):
        unwrap_executors(team)
    return team
