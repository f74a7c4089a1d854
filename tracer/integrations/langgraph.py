"""LangGraph integration: one call traces a compiled graph's nodes and handoffs.

    from tracer.integrations import langgraph as cg_langgraph
    app = cg_langgraph.instrument(graph.compile(), verify=["verifier"])

What it records (see docs/integrations.md):

- a graph run -> ``invoke_workflow {graph}`` (only when no span is current;
  inside an existing trace the caller's span is the run);
- each node execution -> ``invoke_agent {node}`` (``plan {node}`` /
  ``verify {node}`` for nodes given those roles), current while the node runs
  so spans the node opens nest under it; the nodes of a subgraph a node runs
  are that agent's steps, not agents: ``chat {model}``, ``execute_tool {tool}``
  or plain spans under it (``coordgap.agent.owner`` names the agent), and the
  agent's output (content capture on) is what its steps said;
- each node's actor: ``actors={node: ...}``, else ``model`` when a chat model
  ran in its subgraph's steps, ``tool`` when only tools ran, ``code`` otherwise;
- each edge taken -> ``handoff {a} -> {b}`` carrying the fingerprint of the
  state ``b`` receives, the keys added, dropped and changed since ``a`` read
  it, and violations (a carried key dropped, a key changing type, a key the
  target expects missing);
- a verifier's verdict where the run shows one: ``verdict_key``'s value, else
  ``reject`` when it routes back to a node that already ran (a retry) and
  ``accept`` when it routes on, else its own last words read as a verdict,
  else none (a supervised worker returns to its supervisor whatever it found).

State values are never recorded unless content capture is on; key names,
hashes and sizes always are. Instrumentation failures are logged and
swallowed; the graph's own exceptions pass through unchanged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from langchain_core.callbacks import BaseCallbackManager
from langchain_core.runnables.config import merge_configs, var_child_runnable_config
from opentelemetry import context as otel_context

from tracer.integrations._langgraph_handler import CoordgapCallbackHandler

__all__ = ["CoordgapCallbackHandler", "instrument", "uninstrument"]


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
        # The run span is current inside the graph, not in the caller's loop body.
        saved = otel_context.get_current()
        try:
            for item in base.stream(self, input, _with_handler(self, config, handler), **kwargs):
                otel_context.attach(saved)
                yield item
        finally:
            otel_context.attach(saved)

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
