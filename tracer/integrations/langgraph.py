"""LangGraph integration: one call traces a compiled graph's nodes and handoffs.

    from tracer.integrations import langgraph as cg_langgraph
    app = cg_langgraph.instrument(graph.compile(), verify=["verifier"])

What it records (see docs/integrations.md):

- a graph run -> ``invoke_workflow {graph}`` (only when no span is current;
  inside an existing trace the caller's span is the run);
- each node execution -> ``invoke_agent {node}`` (``plan {node}`` /
  ``verify {node}`` for nodes given those roles), current while the node runs
  so spans the node opens nest under it;
- each edge taken -> ``handoff {a} -> {b}`` carrying the fingerprint of the
  state ``b`` receives, the keys added, dropped and changed since ``a`` read
  it, and violations (a carried key dropped, a key changing type, a key the
  target expects missing);
- a verifier's verdict: ``reject`` when its conditional edge routes back to a
  node that already ran (a retry), ``accept`` otherwise, unless
  ``verdict_key`` names a state key the verifier sets.

State values are never recorded unless content capture is on; key names,
hashes and sizes always are. Instrumentation failures are logged and
swallowed; the graph's own exceptions pass through unchanged.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler, BaseCallbackManager
from langchain_core.runnables.config import merge_configs, var_child_runnable_config
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, TracerProvider

from tracer import semconv
from tracer._verdict import parse_verdict
from tracer.integrations._common import (
    _Content,
    _detach_quietly,
    _fingerprint,
    _get_tracer,
    _guarded,
    _plan_attributes,
    _record_error,
    _Snapshot,
    _snapshot,
    _state_diff,
    _verdict_attributes,
)

__all__ = ["CoordgapCallbackHandler", "instrument", "uninstrument"]

_FRAMEWORK = "langgraph"
_END = "__end__"
_START = "__start__"
_ROLE_STAGES = {
    "plan": semconv.STAGE_DECOMPOSITION,
    "verify": semconv.STAGE_VERIFICATION,
    "generate": semconv.STAGE_GENERATION,
    "assemble": semconv.STAGE_ASSEMBLY,
}


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
    done: bool = False


@dataclass
class _GraphRun:
    name: str
    span: Span | None  # None: the caller's span is the run and we only nest under it
    parent: Span
    owned: bool
    token: object | None
    steps: dict[int, list[_NodeRun]] = field(default_factory=dict)
    ran: set[str] = field(default_factory=set)
    attempts: dict[str, int] = field(default_factory=dict)


def _roles(
    roles: Mapping[str, str] | None, plan: Iterable[str], verify: Iterable[str]
) -> dict[str, str]:
    out = dict(roles or {})
    for name in plan:
        out[name] = "plan"
    for name in verify:
        out[name] = "verify"
    for name, role in out.items():
        if role not in _ROLE_STAGES:
            raise ValueError(
                f"role {role!r} for node {name!r}: expected one of {sorted(_ROLE_STAGES)}"
            )
    return out


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
    """LangGraph control flow (interrupts, parent commands) is not a failure."""
    try:
        from langgraph.errors import GraphBubbleUp
    except ImportError:  # a LangGraph without it cannot raise it either
        return False
    return isinstance(error, GraphBubbleUp)


def _route_targets(output: Any) -> set[str]:
    items = output if isinstance(output, (list, tuple)) else [output]
    targets = set()
    for item in items:
        node = getattr(item, "node", item)  # langgraph.types.Send carries .node
        if isinstance(node, str):
            targets.add(node)
    return targets


class CoordgapCallbackHandler(BaseCallbackHandler):
    """A LangChain callback handler that writes coordgap spans for LangGraph runs.

    Pass it in ``config={"callbacks": [handler]}`` or let :func:`instrument`
    install it. ``graph`` (optional) lets it read static edges and branch
    names; without it, routes are read from the run itself.

    Never raises into the graph: every callback logs and swallows its failures.
    """

    run_inline = True  # callbacks must run in the node's own context to nest spans
    raise_error = False

    def __init__(
        self,
        graph: Any = None,
        *,
        roles: Mapping[str, str] | None = None,
        plan: Iterable[str] = (),
        verify: Iterable[str] = (),
        actors: Mapping[str, str] | None = None,
        carry: Iterable[str] | None = None,
        expects: Mapping[str, Sequence[str]] | None = None,
        verdict_key: str | None = None,
        reason_key: str | None = None,
        subtasks_key: str = "subtasks",
        workflow_name: str | None = None,
        capture_content: bool | None = None,
        redact: Any = None,
        tracer_provider: TracerProvider | None = None,
    ) -> None:
        super().__init__()
        self._roles = _roles(roles, plan, verify)
        self._actors = dict(actors or {})
        for name, actor in self._actors.items():
            if actor not in semconv.ACTORS:
                raise ValueError(f"actor {actor!r} for node {name!r}: expected {semconv.ACTORS}")
        self._carry = None if carry is None else sorted(set(carry))
        self._expects = {k: list(v) for k, v in (expects or {}).items()}
        self._verdict_key = verdict_key
        self._reason_key = reason_key
        self._subtasks_key = subtasks_key
        self._workflow_name = workflow_name
        self._content = _Content(capture_content, redact)
        self._tracer = _get_tracer(tracer_provider)
        self._edges, self._branch_names, loops = _graph_topology(graph)
        self._graph_known = graph is not None
        for name in loops:  # a loop-back conditional edge marks a verifier
            self._roles.setdefault(name, "verify")
        # Set by instrument(), whose astream wrapper restores the caller's context;
        # a bare handler in async code does not make node spans current (see _attach).
        self._restores_async_context = False
        self._lock = threading.Lock()
        self._graphs: dict[UUID, _GraphRun] = {}
        self._nodes: dict[UUID, _NodeRun] = {}
        self._others: dict[UUID, tuple[UUID, str]] = {}  # other chain runs: (parent, name)

    # --- run classification ---------------------------------------------------------

    def _graph_for(self, parent_run_id: UUID | None) -> _GraphRun | None:
        if parent_run_id is None:
            return None
        if parent_run_id in self._graphs:
            return self._graphs[parent_run_id]
        # a subgraph: a chain run under a node whose children are nodes
        grand = self._others.get(parent_run_id)
        if grand is not None and grand[0] in self._nodes:
            outer = self._nodes[grand[0]]
            sub = _GraphRun(name=outer.name, span=None, parent=outer.span, owned=False, token=None)
            self._graphs[parent_run_id] = sub
            return sub
        return None

    # --- callbacks ------------------------------------------------------------------

    @_guarded("langgraph.on_chain_start")
    def on_chain_start(
        self,
        serialized: dict[str, Any] | None,
        inputs: Any,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        name = str(kwargs.get("name") or "")
        meta = metadata or {}
        with self._lock:
            graph = self._graph_for(parent_run_id)
            is_node = graph is not None and meta.get("langgraph_node") == name and name
            if not is_node:
                if parent_run_id is None or (
                    parent_run_id not in self._nodes
                    and parent_run_id not in self._others
                    and parent_run_id not in self._graphs
                ):
                    self._start_graph(run_id, name or "LangGraph")
                else:
                    self._others[run_id] = (parent_run_id, name)
                return
        assert graph is not None
        self._start_node(run_id, graph, name, int(meta.get("langgraph_step") or 0), inputs)

    def _start_graph(self, run_id: UUID, name: str) -> None:
        current = trace.get_current_span()
        if current.get_span_context().is_valid:
            # Inside an existing trace (a workflow or an agent that runs a graph):
            # the graph's nodes belong to the caller's run.
            self._graphs[run_id] = _GraphRun(
                name=name, span=None, parent=current, owned=False, token=None
            )
            return
        wf_name = self._workflow_name or name
        span = self._tracer.start_span(
            semconv.workflow_span_name(wf_name),
            attributes={
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
                semconv.GEN_AI_WORKFLOW_NAME: wf_name,
                semconv.INTEGRATION: _FRAMEWORK,
            },
        )
        token = self._attach(span)
        self._graphs[run_id] = _GraphRun(
            name=wf_name, span=span, parent=span, owned=True, token=token
        )

    def _start_node(
        self, run_id: UUID, graph: _GraphRun, name: str, step: int, inputs: Any
    ) -> None:
        role = self._roles.get(name, "generate")
        state = inputs if isinstance(inputs, Mapping) else {}
        start_ns = time.time_ns()
        span_name = {
            "plan": semconv.plan_span_name,
            "verify": semconv.verify_span_name,
        }.get(role, semconv.agent_span_name)(name)
        op = {"plan": semconv.OP_PLAN, "verify": semconv.OP_VERIFY}.get(
            role, semconv.OP_INVOKE_AGENT
        )
        attrs: dict[str, Any] = {
            semconv.GEN_AI_OPERATION_NAME: op,
            semconv.GEN_AI_AGENT_NAME: name,
            semconv.GEN_AI_AGENT_ID: f"{graph.name}.{name}",
            semconv.STAGE: _ROLE_STAGES[role],
            semconv.ACTOR: self._actors.get(name, semconv.ACTOR_CODE),
            semconv.INTEGRATION: _FRAMEWORK,
        }
        if self._content.enabled:
            attrs[semconv.INPUT_CONTENT] = self._content.render(state)
        snap = _snapshot(state)
        with self._lock:
            sources = self._sources(graph, name, step)
        for source in sources:
            self._emit_handoff(graph, source, name, state, snap, start_ns)
        parent_ctx = trace.set_span_in_context(graph.parent)
        span = self._tracer.start_span(
            span_name, context=parent_ctx, attributes=attrs, start_time=start_ns
        )
        token = self._attach(span)
        with self._lock:
            self._nodes[run_id] = _NodeRun(
                name=name,
                step=step,
                graph=graph,
                role=role,
                span=span,
                token=token,
                start_ns=start_ns,
                state=snap,
                sources=[s.name for s in sources],
            )

    def _attach(self, span: Span) -> object | None:
        """Make ``span`` current for the code the callback precedes, when that is safe."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return otel_context.attach(trace.set_span_in_context(span))
        if self._restores_async_context:
            return otel_context.attach(trace.set_span_in_context(span))
        return None

    def _sources(self, graph: _GraphRun, target: str, step: int) -> list[_NodeRun]:
        earlier = [s for s in graph.steps if s < step]
        if not earlier:
            return []
        previous = graph.steps[max(earlier)]
        chosen = []
        for run in previous:
            known = run.routed or any(src == run.name for src, _ in self._edges)
            if not known or target in run.destinations or (run.name, target) in self._edges:
                chosen.append(run)
        return chosen

    def _emit_handoff(
        self,
        graph: _GraphRun,
        source: _NodeRun,
        target: str,
        state: Mapping[str, Any],
        snap: _Snapshot,
        start_ns: int,
    ) -> None:
        diff = _state_diff(source.state, snap)
        carried = (
            diff["dropped"]
            if self._carry is None
            else [k for k in diff["dropped"] if k in self._carry]
        )
        violations = [f"{semconv.VIOLATION_DROPPED_KEY}: {k}" for k in carried]
        violations += [f"{semconv.VIOLATION_TYPE_MISMATCH}: {t}" for t in diff["type_changed"]]
        expected = self._expects.get(target, [])
        violations += [
            f"{semconv.VIOLATION_MISSING_KEY}: {k}" for k in expected if state.get(k) is None
        ]
        source_actor = self._actors.get(source.name, semconv.ACTOR_CODE)
        target_actor = self._actors.get(target, semconv.ACTOR_CODE)
        attrs: dict[str, Any] = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
            semconv.STAGE: semconv.STAGE_HANDOFF,
            semconv.HANDOFF_SOURCE: source.name,
            semconv.HANDOFF_TARGET: target,
            semconv.GEN_AI_HANDOFF_SOURCE_NAME: source.name,
            semconv.GEN_AI_HANDOFF_TARGET_NAME: target,
            semconv.HANDOFF_SOURCE_ACTOR: source_actor,
            semconv.HANDOFF_TARGET_ACTOR: target_actor,
            semconv.HANDOFF_KEYS_ADDED: diff["added"],
            semconv.HANDOFF_KEYS_DROPPED: diff["dropped"],
            semconv.HANDOFF_KEYS_CHANGED: diff["changed"],
            semconv.HANDOFF_VIOLATIONS: violations,
            semconv.HANDOFF_VIOLATION_COUNT: len(violations),
            semconv.INTEGRATION: _FRAMEWORK,
            **_fingerprint(dict(state)),
        }
        if self._carry is not None:
            attrs[semconv.HANDOFF_CARRY] = self._carry
        if expected:
            attrs[semconv.HANDOFF_EXPECTS] = "keys: " + ", ".join(expected)
        if self._content.enabled:
            attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = self._content.render(dict(state))
        begin = min(source.end_ns or start_ns, start_ns)
        span = self._tracer.start_span(
            semconv.handoff_span_name(source.name, target),
            context=trace.set_span_in_context(graph.parent),
            attributes=attrs,
            start_time=begin,
        )
        span.end(end_time=start_ns)

    @_guarded("langgraph.on_chain_end")
    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        with self._lock:
            other = self._others.pop(run_id, None)
            if other is not None:
                self._graphs.pop(run_id, None)  # a subgraph run ends with its chain run
                owner = self._nodes.get(other[0])
                if owner is not None and self._is_router(
                    owner, other[1], kwargs.get("tags"), outputs
                ):
                    owner.routed = True
                    owner.destinations |= _route_targets(outputs)
                return
            node = self._nodes.pop(run_id, None)
            graph = None if node is not None else self._graphs.pop(run_id, None)
        if node is not None:
            self._end_node(node, outputs, None)
        elif graph is not None:
            self._end_graph(graph, None)

    def _is_router(self, owner: _NodeRun, name: str, tags: Any, outputs: Any) -> bool:
        if self._graph_known:
            return name in self._branch_names.get(owner.name, set())
        # Without the graph, a router is a node's child step returning node names.
        return any(str(t).startswith("seq:step:") for t in tags or []) and bool(
            _route_targets(outputs)
        )

    @_guarded("langgraph.on_chain_error")
    def on_chain_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        with self._lock:
            if self._others.pop(run_id, None) is not None:
                self._graphs.pop(run_id, None)
                return
            node = self._nodes.pop(run_id, None)
            graph = None if node is not None else self._graphs.pop(run_id, None)
        if node is not None:
            self._end_node(node, None, error)
        elif graph is not None:
            self._end_graph(graph, error)

    def _end_node(self, node: _NodeRun, outputs: Any, error: BaseException | None) -> None:
        node.end_ns = time.time_ns()
        span = node.span
        try:
            update = outputs if isinstance(outputs, Mapping) else {}
            if error is not None and not _is_bubble_up(error):
                _record_error(span, error)
            if self._content.enabled and outputs is not None:
                span.set_attribute(semconv.OUTPUT_CONTENT, self._content.render(outputs))
            if node.role == "plan":
                subtasks = update.get(self._subtasks_key)
                if isinstance(subtasks, (list, tuple)):
                    span.set_attributes(_plan_attributes(subtasks))
            with self._lock:
                if node.role == "verify" and error is None:
                    self._record_verdict(node, update)
                node.graph.steps.setdefault(node.step, []).append(node)
                node.graph.ran.add(node.name)
        finally:
            _detach_quietly(node.token)
            span.end(end_time=node.end_ns)

    def _record_verdict(self, node: _NodeRun, update: Mapping[str, Any]) -> None:
        graph = node.graph
        attempt = graph.attempts.get(node.name, 0) + 1
        graph.attempts[node.name] = attempt
        accepted: bool | None = None
        reason: str | None = None
        if self._verdict_key is not None and self._verdict_key in update:
            accepted = _as_verdict(update[self._verdict_key])
        if self._reason_key is not None and self._content.enabled:
            raw = update.get(self._reason_key)
            reason = self._content.render(raw) if raw is not None else None
        back = sorted(d for d in node.destinations if d in graph.ran or d == node.name)
        if accepted is None:
            accepted = not back
        if reason is None:
            if back:
                reason = "routed back to " + ", ".join(back)
            elif node.destinations:
                reason = "routed to " + ", ".join(sorted(node.destinations))
        subject = node.sources[-1] if node.sources else None
        attrs, event = _verdict_attributes(node.name, accepted, attempt, reason, subject)
        node.span.set_attributes(attrs)
        node.span.add_event(semconv.GEN_AI_EVALUATION_RESULT_EVENT, event)

    def _end_graph(self, graph: _GraphRun, error: BaseException | None) -> None:
        if graph.span is None:
            return
        try:
            if error is not None and not _is_bubble_up(error):
                _record_error(graph.span, error)
        finally:
            _detach_quietly(graph.token)
            graph.span.end()


def _has_handler(callbacks: Any) -> bool:
    if isinstance(callbacks, BaseCallbackManager):
        callbacks = callbacks.handlers
    return any(isinstance(h, CoordgapCallbackHandler) for h in callbacks or [])


def _with_handler(self: Any, config: Any, handler: CoordgapCallbackHandler) -> Any:
    """``config`` plus ``handler`` unless a coordgap handler already sees this run."""
    try:
        inherited = var_child_runnable_config.get()
        if _has_handler((config or {}).get("callbacks")) or _has_handler(
            (inherited or {}).get("callbacks")
        ):
            return config
        base = (
            config
            if (config or {}).get("callbacks")
            else merge_configs({"callbacks": (self.config or {}).get("callbacks")}, config)
        )
        return merge_configs(base, {"callbacks": [handler]})
    except Exception:  # never block the run: fall back to the caller's config
        return config


def instrument(graph: Any, **options: Any) -> Any:
    """Trace every run of a compiled LangGraph graph; returns the same graph.

    ``options`` are :class:`CoordgapCallbackHandler`'s keyword arguments
    (``plan=[...]``, ``verify=[...]``, ``roles={node: role}``, ``actors``,
    ``carry``, ``expects``, ``verdict_key``, ``capture_content``,
    ``tracer_provider``, ...). Invalid options raise ``ValueError`` here;
    nothing raises once the graph runs. Calling it again replaces the options.
    Callbacks passed at invoke time are kept alongside coordgap's.
    """
    handler = CoordgapCallbackHandler(graph, **options)
    cls = type(graph)
    base = getattr(cls, "_coordgap_base", cls)

    def stream(self: Any, input: Any, config: Any = None, **kwargs: Any) -> Iterator[Any]:
        return base.stream(self, input, _with_handler(self, config, handler), **kwargs)

    async def astream(
        self: Any, input: Any, config: Any = None, **kwargs: Any
    ) -> AsyncIterator[Any]:
        # LangGraph's async runner ends node runs from other tasks, so an attach
        # made when a node started cannot be undone there; put the caller's own
        # context back whenever control returns to it.
        saved = otel_context.get_current()
        try:
            async for item in base.astream(
                self, input, _with_handler(self, config, handler), **kwargs
            ):
                otel_context.attach(saved)
                yield item
        finally:
            otel_context.attach(saved)

    handler._restores_async_context = True

    # A subclass, not instance attributes: Pregel.copy() rebuilds the graph from
    # its __dict__, so with_config() keeps the instrumentation this way.
    graph.__class__ = type(
        base.__name__,
        (base,),
        {
            "stream": stream,
            "astream": astream,
            "_coordgap_base": base,
            "_coordgap_handler": handler,
            "__module__": base.__module__,
        },
    )
    return graph


def uninstrument(graph: Any) -> Any:
    """Undo :func:`instrument`; returns the same graph."""
    base = getattr(type(graph), "_coordgap_base", None)
    if base is not None:
        graph.__class__ = base
    return graph
