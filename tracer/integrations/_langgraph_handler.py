"""The LangChain callback handler behind :mod:`tracer.integrations.langgraph`."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from opentelemetry import trace
from opentelemetry.trace import Span, TracerProvider

from tracer import semconv
from tracer.integrations import _langgraph_human as human
from tracer.integrations._common import (
    ROLES,
    _Content,
    _detach_quietly,
    _get_tracer,
    _guarded,
    _plan_attributes,
    _record_error,
    _snapshot,
    agent_attributes,
    workflow_attributes,
)
from tracer.integrations._langgraph_calls import StepCallbacks
from tracer.integrations._langgraph_graph import (
    _START,
    FRAMEWORK,
    _command_parts,
    _graph_topology,
    _GraphRun,
    _interrupt_values,
    _is_bubble_up,
    _is_pushed,
    _NodeRun,
    _record_verdict,
    _resume_value,
    _roles,
    _route_targets,
    _senders,
    _sends,
    _snapshot_of,
    _sources,
    _Suspended,
)
from tracer.integrations._langgraph_handoff import Handoff, HandoffWriter
from tracer.integrations._langgraph_steps import (
    added,
    command_update,
    inferred_actor,
    message_keys,
    messages_of,
    text_verdict,
)

__all__ = ["CoordgapCallbackHandler"]


class CoordgapCallbackHandler(StepCallbacks):
    """A LangChain callback handler that writes coordgap spans for LangGraph runs.

    Pass it in ``config={"callbacks": [handler]}`` or let :func:`instrument`
    install it. ``graph`` (optional) lets it read static edges and branch
    names; without it, routes are read from the run itself. A node that runs a
    subgraph is one agent: that graph's nodes are its steps (``chat``,
    ``execute_tool`` and plain spans under it), and its actor is inferred from
    them (``model``, ``tool``, else ``code``) unless ``actors`` names it.

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
        self._handoffs = HandoffWriter(
            self._tracer, self._actors, self._carry, self._expects, self._content
        )
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
        self._tools: dict[UUID, tuple[Span, object | None]] = {}  # tool spans inside steps
        self._inferred: dict[str, str] = {}  # node -> actor its last run showed
        self._suspended = human.Suspensions()  # interrupted runs, by thread id

    # --- run classification ---------------------------------------------------------

    def _graph_for(self, parent_run_id: UUID | None) -> _GraphRun | None:
        if parent_run_id is None:
            return None
        if parent_run_id in self._graphs:
            return self._graphs[parent_run_id]
        # a subgraph: a chain run under a node (directly or through other chain
        # runs, such as a function that invokes a compiled agent) whose children are nodes
        outer = self._owner(parent_run_id)
        if outer is not None:
            agent = outer.owner_run or outer  # a step's own subgraph: still that agent's
            sub = _GraphRun(
                name=outer.name,
                span=None,
                parent=outer.span,
                token=None,
                task_ns=outer.task_ns,
                thread_id=outer.graph.thread_id,
                run=outer.graph.run,
                owner=agent.name,
                agent=agent,
            )
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
            task_ns = meta.get("langgraph_checkpoint_ns")
            is_node = (
                graph is not None
                and meta.get("langgraph_node") == name
                and name
                and name != _START  # the graph's input step (a routed entry): not an agent
                and (graph.task_ns is None or task_ns != graph.task_ns)
            )
            if not is_node:
                if parent_run_id is None or (
                    parent_run_id not in self._nodes
                    and parent_run_id not in self._others
                    and parent_run_id not in self._graphs
                ):
                    self._start_graph(run_id, name or "LangGraph", meta.get("thread_id"), inputs)
                else:
                    self._others[run_id] = (parent_run_id, name)
                return
        assert graph is not None
        step = int(meta.get("langgraph_step") or 0)
        ns = None if task_ns is None else str(task_ns)
        if self._retry_node(run_id, graph, ns or f"{name}@{step}"):
            return
        if graph.agent is not None:  # a node of the subgraph an agent runs: its step
            self._start_step(run_id, graph, name, step, inputs, ns)
        else:
            self._start_node(run_id, graph, name, step, inputs, _is_pushed(meta), ns)

    def _actor_for(self, name: str) -> str:
        """The user's actor for node ``name``, else what its last run showed, else code."""
        return self._actors.get(name) or self._inferred.get(name, semconv.ACTOR_CODE)

    def _start_graph(
        self, run_id: UUID, name: str, thread_id: Any = None, inputs: Any = None
    ) -> None:
        tid = None if thread_id is None else str(thread_id)
        resuming, value = _resume_value(inputs)
        record = self._suspended.pop(tid) if resuming and tid is not None else None
        current = trace.get_current_span()
        if current.get_span_context().is_valid or record is not None:
            # Inside an existing trace (a workflow or an agent that runs a graph), or
            # resuming an interrupted run: the graph's nodes belong to that run.
            parent = current if current.get_span_context().is_valid else record.run  # type: ignore[union-attr]
            token = None if parent is current else self._attach(parent)
            graph = _GraphRun(
                name=name, span=None, parent=parent, token=token, thread_id=tid, run=parent
            )
            if record is not None:
                graph.resumed, graph.resume_value = record, value
                human.answered(self._tracer, parent, record, time.time_ns())
            self._graphs[run_id] = graph
            return
        wf_name = self._workflow_name or name
        # a checkpointed thread: runs resumed later share it as their conversation
        attrs = workflow_attributes(
            wf_name,
            conversation_id=None if thread_id is None else str(thread_id),
            integration=FRAMEWORK,
        )
        span = self._tracer.start_span(semconv.workflow_span_name(wf_name), attributes=attrs)
        token = self._attach(span)
        self._graphs[run_id] = _GraphRun(
            name=wf_name, span=span, parent=span, token=token, thread_id=tid, run=span
        )

    def _retry_node(self, run_id: UUID, graph: _GraphRun, task_key: str) -> bool:
        """A task that raised starts again (its RetryPolicy): the same span goes on as
        the next attempt, the failed one recorded as a retry event. False otherwise."""
        with self._lock:
            prior = graph.failed.pop(task_key, None)
        if prior is None:
            return False
        previous, error = prior
        span = previous.span
        span.add_event(
            semconv.RETRY_EVENT,
            {semconv.ERROR_TYPE: type(error).__qualname__, semconv.ATTEMPT: previous.attempt},
        )
        span.set_attribute(semconv.ATTEMPT, previous.attempt + 1)
        previous.attempt += 1
        previous.end_ns = 0
        previous.token = self._attach(span)
        with self._lock:
            self._nodes[run_id] = previous
        return True

    def _start_node(
        self,
        run_id: UUID,
        graph: _GraphRun,
        name: str,
        step: int,
        inputs: Any,
        pushed: bool,
        task_ns: str | None = None,
    ) -> None:
        role = self._roles.get(name, "generate")
        state = inputs if isinstance(inputs, Mapping) else {}
        start_ns = time.time_ns()
        span_name = ROLES[role].span_name(name)
        attrs = agent_attributes(
            name,
            role=role,
            actor=self._actor_for(name),
            agent_id=f"{graph.name}.{name}",
            integration=FRAMEWORK,
        )
        if self._content.enabled:
            attrs[semconv.INPUT_CONTENT] = self._content.render(state)
        snap = _snapshot(state)
        with self._lock:
            if pushed:  # a Send: only its sender hands off, and what it sent is the baseline
                handoffs = _senders(graph, name, step, snap)
            else:
                handoffs = [(s, s.state) for s in _sources(graph, self._edges, name, step)]
        pending = [
            self._handoffs.prepare(
                graph.parent, source.name, source.end_ns, name, state, snap, baseline, start_ns
            )
            for source, baseline in handoffs
        ]
        if graph.resumed is not None and graph.resumed.node == name:
            graph.resumed = None  # the answer goes to the node that asked, once
            actor = self._actor_for(name)
            human.resumed_into(
                self._tracer, graph.parent, name, actor, graph.resume_value, start_ns, self._content
            )
        sources = [source for source, _ in handoffs]
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
                pushed=pushed,
                task_ns=task_ns,
                pending=list(pending),
                given=message_keys(state.get("messages")),
            )

    @_guarded("langgraph.on_chain_end")
    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        sub: _GraphRun | None = None
        with self._lock:
            other = self._others.pop(run_id, None)
            if other is not None:
                sub = self._graphs.pop(run_id, None)  # a subgraph run ends with its chain run
                owner = self._nodes.get(other[0])
                sent = _sends(outputs)  # Send packets are routes, whatever returned them
                if owner is not None and (
                    sent or self._is_router(owner, other[1], kwargs.get("tags"), outputs)
                ):
                    owner.routed = True
                    owner.destinations |= _route_targets(outputs)
                    owner.sends += [(t, _snapshot_of(arg)) for t, arg in sent]
        if other is not None:
            if sub is not None and sub.failed:
                self._flush_failed(sub)  # outside the lock: it takes it
            return
        with self._lock:
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
            other = self._others.pop(run_id, None)
            sub = self._graphs.pop(run_id, None) if other is not None else None
        if other is not None:
            if sub is not None and sub.failed:
                self._flush_failed(sub)  # outside the lock: it takes it
            return
        with self._lock:
            node = self._nodes.pop(run_id, None)
            graph = None if node is not None else self._graphs.pop(run_id, None)
        if node is not None and not _is_bubble_up(error):
            # held until it is clear whether a RetryPolicy runs the task again
            node.end_ns = time.time_ns()
            _detach_quietly(node.token)
            node.token = None
            with self._lock:
                node.graph.failed[node.task_key] = (node, error)
        elif node is not None:
            values = _interrupt_values(error)
            if values is not None and node.owner_run is None:  # the agent asks, not its step
                self._suspend(node, values)
            self._end_node(node, None, error)
        elif graph is not None:
            self._end_graph(graph, error)

    def _suspend(self, node: _NodeRun, values: list[Any]) -> None:
        """The node asked a human (``interrupt()``): hand off, and keep the run for the
        invocation that resumes the thread."""
        graph = node.graph
        run = graph.run or graph.parent
        now = time.time_ns()
        actor = self._actor_for(node.name)
        asked = values[0] if len(values) == 1 else values
        human.asked(self._tracer, graph.parent, node.name, actor, asked, now, self._content)
        if graph.thread_id is not None:
            with self._lock:
                self._suspended.put(graph.thread_id, _Suspended(run=run, node=node.name, at_ns=now))

    def _flush_failed(self, graph: _GraphRun) -> None:
        """End the node runs that raised and were not retried, as failures."""
        with self._lock:
            failed = list(graph.failed.values())
            graph.failed.clear()
        for node, error in failed:
            self._end_node(node, None, error, end_ns=node.end_ns)

    def _end_node(
        self, node: _NodeRun, outputs: Any, error: BaseException | None, end_ns: int = 0
    ) -> None:
        if node.owner_run is not None:
            self._end_step(node, outputs, error, end_ns)
            return
        if error is not None and outputs is None and command_update(error) is not None:
            # a Command a step sent up to this node's graph (a handoff tool's
            # Command(graph=PARENT)): what the node returned, no failure
            outputs, error = error.args[0], None
        node.end_ns = end_ns or time.time_ns()
        span = node.span
        try:
            update = outputs if isinstance(outputs, Mapping) else {}
            command = _command_parts(outputs)
            if command is not None:  # Command(goto=..., update=...) routes from the node
                update = command[0]
                if command[1]:
                    node.routed = True
                    node.destinations |= command[1]
            if error is not None and not _is_bubble_up(error):
                _record_error(span, error)
            said = node.said or messages_of(outputs)
            if self._content.enabled:
                # what its steps said (the subgraph's output messages), else its update
                shown = {"messages": node.said} if node.said else added(update, node.given)
                shown = shown or outputs
                if shown is not None:
                    span.set_attribute(semconv.OUTPUT_CONTENT, self._content.render(shown))
            actor = self._actors.get(node.name) or inferred_actor(node)
            span.set_attribute(semconv.ACTOR, actor)
            sent = _sends(outputs)
            if sent:  # Command(goto=Send(...)) returned by the node itself
                node.routed = True
                node.destinations |= {t for t, _ in sent}
                node.sends += [(t, _snapshot_of(arg)) for t, arg in sent]
            if node.pushed and update:
                # a Send branch read a private payload, not the shared state: what
                # it hands on is what it wrote
                node.state = _snapshot(update)
            if node.role == "plan":
                subtasks = update.get(self._subtasks_key)
                if isinstance(subtasks, (list, tuple)):
                    span.set_attributes(_plan_attributes(subtasks))
            with self._lock:
                if node.role == "verify" and error is None:
                    _record_verdict(
                        node,
                        update,
                        self._verdict_key,
                        self._reason_key,
                        self._content,
                        text_verdict(said),
                    )
                node.graph.steps.setdefault(node.step, []).append(node)
                node.graph.ran.add(node.name)
                self._inferred[node.name] = actor
                pending, node.pending = node.pending, []
            self._write_handoffs(pending, actor)
        finally:
            _detach_quietly(node.token)
            span.end(end_time=node.end_ns)

    def _write_handoffs(self, pending: list[Handoff], target_actor: str) -> None:
        for handoff in pending:
            self._handoffs.write(handoff, self._actor_for(handoff.source), target_actor)

    def _end_graph(self, graph: _GraphRun, error: BaseException | None) -> None:
        if graph.failed:
            self._flush_failed(graph)
        if graph.span is None:
            if graph.token is not None:  # a resumed run: this invocation made it current
                if error is not None and not _is_bubble_up(error):
                    human.failed_after_resume(self._tracer, graph.parent, error)
                _detach_quietly(graph.token)
            return
        try:
            if error is not None and not _is_bubble_up(error):
                _record_error(graph.span, error)
        finally:
            _detach_quietly(graph.token)
            graph.span.end()
