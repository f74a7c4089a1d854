"""LangGraph structure for the integration: run records, roles, the graph's
edges and loop-back branches, routes and verdict values. No spans here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from opentelemetry.trace import Span

from tracer import semconv
from tracer.integrations._common import (
    ROLES,
    _Content,
    _Snapshot,
    _snapshot,
    _verdict_attributes,
    check_roles,
    parse_verdict,
)

__all__: list[str] = []

FRAMEWORK = "langgraph"  # coordgap.integration of every span the integration writes
_START = "__start__"
ROLE_STAGES = {role: spec.stage for role, spec in ROLES.items()}


@dataclass
class _NodeRun:
    name: str
    step: int
    graph: _GraphRun
    role: str
    span: Span
    token: object | None
    start_ns: int
    state: _Snapshot
    sources: list[str] = field(default_factory=list)
    end_ns: int = 0
    destinations: set[str] = field(default_factory=set)
    routed: bool = False
    # Send(node, arg) packets this run dispatched: (target, fingerprint of arg)
    sends: list[tuple[str, _Snapshot]] = field(default_factory=list)
    pushed: bool = False  # this run was started by a Send (its input is the Send's arg)
    task_ns: str | None = None  # LangGraph's checkpoint namespace of this node's task

    @property
    def task_key(self) -> str:
        """What identifies this node's task across its RetryPolicy attempts."""
        return self.task_ns or f"{self.name}@{self.step}"

    attempt: int = 1  # 1 + the RetryPolicy retries that came before this run
    # a step (a node of a subgraph the agent's node runs): the agent's run; None for agents
    owner_run: _NodeRun | None = None
    models: list[tuple[str | None, str | None]] = field(default_factory=list)  # chat models run
    tools: int = 0  # tool runs inside this run
    tool_call: bool = False  # a step that is one ToolNode call (its span is execute_tool)
    has_steps: bool = False  # an agent that ran a subgraph (its nodes are its steps)
    said: list[Any] = field(default_factory=list)  # an agent: the messages its steps added
    # the keys of the messages in its input state (what it returns again is not its own)
    given: frozenset[str] = frozenset()
    # an agent: its incoming handoffs, written when it ends (its actor is known then)
    pending: list[Any] = field(default_factory=list)


@dataclass
class _GraphRun:
    name: str
    span: Span | None  # None: the caller's span is the run and we only nest under it
    parent: Span
    token: object | None
    steps: dict[int, list[_NodeRun]] = field(default_factory=dict)
    ran: set[str] = field(default_factory=set)
    attempts: dict[str, int] = field(default_factory=dict)
    # a subgraph: the task namespace of the node that runs it (a chain of that same
    # task named like the node, e.g. a compiled agent called inside it, is no node)
    task_ns: str | None = None
    # node runs that raised, by task: ended (and blamed) only when no retry follows
    failed: dict[str, tuple[_NodeRun, BaseException]] = field(default_factory=dict)
    thread_id: str | None = None  # the checkpointer thread (configurable.thread_id)
    run: Span | None = None  # the run span the whole (sub)graph belongs to
    resumed: _Suspended | None = None  # this invocation resumes an interrupted run
    resume_value: Any = None  # Command(resume=...) value, handed to the interrupted node
    owner: str | None = None  # a subgraph: the node that runs it, whose steps its nodes are
    agent: _NodeRun | None = None  # a subgraph: that node's run (an agent's, at any depth)


@dataclass
class _Suspended:
    """A run stopped by ``interrupt()``: what the resume on its thread continues."""

    run: Span  # the run span (ended) whose trace the resumed invocation joins
    node: str  # the node that asked the human
    at_ns: int  # when it asked


HUMAN = "human"  # the agent that answers an interrupt()


def _interrupt_values(error: BaseException) -> list[Any] | None:
    """The values an ``interrupt()`` asked with; None when ``error`` is no interrupt."""
    try:
        from langgraph.errors import GraphInterrupt
    except ImportError:  # a LangGraph without it cannot raise it either
        return None
    if not isinstance(error, GraphInterrupt):
        return None
    pending = error.args[0] if error.args else ()
    items = pending if isinstance(pending, (list, tuple)) else [pending]
    return [getattr(item, "value", item) for item in items]


def _resume_value(inputs: Any) -> tuple[bool, Any]:
    """(True, value) when a graph run's input is ``Command(resume=value)``."""
    if hasattr(inputs, "resume") and hasattr(inputs, "goto"):
        resume = inputs.resume
        return resume is not None, resume
    return False, None


def _roles(
    roles: Mapping[str, str] | None, plan: Iterable[str], verify: Iterable[str]
) -> dict[str, str]:
    return check_roles(roles, plan, verify, what="node")


def _graph_topology(graph: Any) -> tuple[set[tuple[str, str]], dict[str, set[str]], set[str]]:
    """Static edges, branch names per node, and nodes whose conditional edge loops back.

    A node "loops back" when, walking the graph depth-first from START, one of
    its conditional edges reaches a node still on the walk's stack: the shape
    of a verifier that sends work back to an earlier node for a retry. A
    static edge back (a tool node returning to its agent) is not a verifier.
    """
    builder = getattr(graph, "builder", None)
    edges: set[tuple[str, str]] = set()
    branch_names: dict[str, set[str]] = {}
    branch_ends: dict[str, set[str]] = {}
    if builder is None:
        return edges, branch_names, set()
    for src, dst in getattr(builder, "edges", set()):
        edges.add((str(src), str(dst)))
    for srcs, dst in getattr(builder, "waiting_edges", set()):
        for src in srcs:
            edges.add((str(src), str(dst)))
    for src, branches in getattr(builder, "branches", {}).items():
        branch_names[str(src)] = {str(b) for b in branches}
        for spec in branches.values():
            ends = getattr(spec, "ends", None) or {}
            branch_ends.setdefault(str(src), set()).update(str(v) for v in ends.values())
    succ: dict[str, list[tuple[str, bool]]] = {}
    for src, dst in sorted(edges):
        succ.setdefault(src, []).append((dst, False))
    for src, dsts in sorted(branch_ends.items()):
        succ.setdefault(src, []).extend((d, True) for d in sorted(dsts))
    loops: set[str] = set()
    on_stack: set[str] = set()
    visited: set[str] = set()

    def walk(node: str) -> None:
        visited.add(node)
        on_stack.add(node)
        for nxt, conditional in succ.get(node, []):
            if nxt in on_stack and conditional:
                loops.add(node)
            elif nxt not in visited:
                walk(nxt)
        on_stack.discard(node)

    walk(_START)
    return edges, branch_names, loops


def _as_verdict(value: Any) -> bool | None:
    """Read a verdict value set by a verifier node, as ``@tracer.verify`` reads returns."""
    verdict = parse_verdict(value)
    return None if verdict is None else verdict.accepted


def _is_bubble_up(error: BaseException) -> bool:
    """LangGraph control flow (interrupts, parent commands) is not a failure, nor
    a consumer that stops iterating a stream early (GeneratorExit)."""
    if isinstance(error, GeneratorExit):
        return True
    try:
        from langgraph.errors import GraphBubbleUp
    except ImportError:  # a LangGraph without it cannot raise it either
        return False
    return isinstance(error, GraphBubbleUp)


_PUSH = "__pregel_push"  # langgraph._internal._constants.PUSH: a task a Send started


def _is_pushed(metadata: Mapping[str, Any]) -> bool:
    """A node run started by a ``Send`` (its triggers name the push channel)."""
    triggers = metadata.get("langgraph_triggers") or ()
    return any(str(t).startswith(_PUSH) for t in triggers)


def _sends(output: Any) -> list[tuple[str, Any]]:
    """``(node, arg)`` of each ``Send`` in a router's return or a ``Command(goto=...)``."""
    goto = getattr(output, "goto", None)
    if goto is not None and hasattr(output, "resume"):  # langgraph.types.Command
        output = goto
    items = output if isinstance(output, (list, tuple)) else [output]
    out = []
    for item in items:
        node = getattr(item, "node", None)
        if isinstance(node, str) and hasattr(item, "arg"):
            out.append((node, item.arg))
    return out


def _command_parts(output: Any) -> tuple[Any, set[str]] | None:
    """``(update, goto targets)`` of a ``Command`` a node returned; None for anything else."""
    if not (hasattr(output, "goto") and hasattr(output, "resume") and hasattr(output, "update")):
        return None
    update = output.update
    if isinstance(update, (list, tuple)):  # [(key, value), ...] is also an update
        try:
            update = dict(update)
        except (TypeError, ValueError):
            update = {}
    goto = output.goto
    targets = _route_targets(list(goto) if isinstance(goto, (list, tuple)) else [goto])
    return update if isinstance(update, Mapping) else {}, targets


def _route_targets(output: Any) -> set[str]:
    items = output if isinstance(output, (list, tuple)) else [output]
    targets = set()
    for item in items:
        node = getattr(item, "node", item)  # langgraph.types.Send carries .node
        if isinstance(node, str):
            targets.add(node)
    return targets


def _snapshot_of(value: Any) -> _Snapshot:
    return _snapshot(value) if isinstance(value, Mapping) else {}


def _sources(
    graph: _GraphRun, edges: set[tuple[str, str]], target: str, step: int
) -> list[_NodeRun]:
    """The node runs of the previous step that handed on to ``target``."""
    earlier = [s for s in graph.steps if s < step]
    if not earlier:
        return []
    previous = graph.steps[max(earlier)]
    chosen = []
    for run in previous:
        known = run.routed or any(src == run.name for src, _ in edges)
        if not known or target in run.destinations or (run.name, target) in edges:
            chosen.append(run)
    return chosen


def _senders(
    graph: _GraphRun, target: str, step: int, snap: _Snapshot
) -> list[tuple[_NodeRun, _Snapshot]]:
    """The run whose ``Send`` started this pushed task, with what it sent.

    The send whose payload matches the input exactly is taken (and used up),
    else the first one left for ``target`` (a node's input schema may
    reshape what was sent)."""
    earlier = [s for s in graph.steps if s < step]
    if not earlier:
        return []
    runs = graph.steps[max(earlier)]
    candidates = [(run, i) for run in runs for i, (t, _) in enumerate(run.sends) if t == target]
    if not candidates:
        return []
    run, index = next(((r, i) for r, i in candidates if r.sends[i][1] == snap), candidates[0])
    _, sent = run.sends.pop(index)
    return [(run, sent)]


def _record_verdict(
    node: _NodeRun,
    update: Mapping[str, Any],
    verdict_key: str | None,
    reason_key: str | None,
    content: _Content,
    said: bool | None = None,
) -> None:
    """Set a verifier node's verdict where there is evidence of one: ``verdict_key``'s
    value; else, when it routed (a conditional edge or a ``Command``), reject when it
    routed back to a node that already ran (a retry) and accept otherwise; else
    ``said``, its own words read as a verdict. With none of these, the attempt alone."""
    graph = node.graph
    attempt = graph.attempts.get(node.name, 0) + 1
    graph.attempts[node.name] = attempt
    accepted: bool | None = None
    reason: str | None = None
    if verdict_key is not None and verdict_key in update:
        accepted = _as_verdict(update[verdict_key])
    if reason_key is not None and content.enabled:
        raw = update.get(reason_key)
        reason = content.render(raw) if raw is not None else None
    back = sorted(d for d in node.destinations if d in graph.ran or d == node.name)
    if accepted is None and node.routed:
        accepted = not back
    if accepted is None:
        accepted = said
    if accepted is None:  # it handed on along a fixed edge and said nothing readable
        node.span.set_attribute(semconv.VERIFY_ATTEMPT, attempt)
        return
    if reason is None:
        if back:
            reason = "routed back to " + ", ".join(back)
        elif node.destinations:
            reason = "routed to " + ", ".join(sorted(node.destinations))
    subject = node.sources[-1] if node.sources else None
    attrs, event = _verdict_attributes(node.name, accepted, attempt, reason, subject)
    node.span.set_attributes(attrs)
    node.span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)
