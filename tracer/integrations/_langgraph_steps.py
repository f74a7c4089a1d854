"""The steps of an agent: what runs inside a LangGraph node that runs a subgraph.

A node of the graph being traced is an agent (``invoke_agent {node}``). When it
runs a compiled graph of its own (a ``create_react_agent`` agent, a
``create_supervisor`` worker, any subgraph), the nodes of that graph, at any
depth, are steps of that agent, not agents: each is a child span of the agent's
span named for what it did, with ``coordgap.agent.owner`` naming the agent and
no ``gen_ai.agent.name`` (the GenAI conventions give inference and tool spans none):

- a step in which a chat model ran -> ``chat {model}`` (the GenAI inference span:
  ``gen_ai.operation.name=chat``, ``gen_ai.request.model`` and
  ``gen_ai.provider.name`` when LangChain's metadata names them);
- a ``ToolNode`` task for one tool call -> ``execute_tool {tool}``; a tool run
  inside any other step -> an ``execute_tool {tool}`` span under that step;
- any other step -> a span named after the node.

The agent span carries what its steps said (their message updates, the output
messages of the subgraph), and its actor follows from them: ``model`` when a chat
model ran in its steps, ``tool`` when only tools did, ``code`` otherwise (a user's
``actors=`` wins; see :func:`inferred_actor` for plain nodes). No spans are opened
here; the handler does that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracer import semconv
from tracer.integrations._common import parse_verdict, tool_attributes
from tracer.integrations._langgraph_graph import FRAMEWORK, _command_parts, _NodeRun

__all__: list[str] = []

_TOOL_CALL = "tool_call_with_context"  # the Send payload of a ToolNode task (one call)
_MODEL_KEYS = ("ls_model_name", "model_name", "model")


def tool_call_of(inputs: Any) -> tuple[str, str | None] | None:
    """``(tool name, call id)`` when a step's input is one ``ToolNode`` call."""
    if not isinstance(inputs, Mapping) or inputs.get("__type") != _TOOL_CALL:
        return None
    call = inputs.get("tool_call")
    if not isinstance(call, Mapping) or not isinstance(call.get("name"), str):
        return None
    call_id = call.get("id")
    return call["name"], None if call_id is None else str(call_id)


def step_start(owner: str, name: str, inputs: Any) -> tuple[str, dict[str, Any], bool]:
    """A step's span name, attributes and whether it is a tool call, when it starts."""
    call = tool_call_of(inputs)
    if call is not None:
        attrs = tool_attributes(call[0], integration=FRAMEWORK)
        if call[1] is not None:
            attrs[semconv.GEN_AI_TOOL_CALL_ID] = call[1]
        attrs[semconv.AGENT_OWNER] = owner
        return semconv.tool_span_name(call[0]), attrs, True
    return name, {semconv.AGENT_OWNER: owner, semconv.INTEGRATION: FRAMEWORK}, False


def tool_start(owner: str, name: str) -> tuple[str, dict[str, Any]]:
    """The ``execute_tool`` span of a tool run inside a step that is no tool call."""
    attrs = tool_attributes(name, integration=FRAMEWORK)
    attrs[semconv.AGENT_OWNER] = owner
    return semconv.tool_span_name(name), attrs


def model_of(serialized: Any, metadata: Any, invocation: Any) -> tuple[str | None, str | None]:
    """``(model, provider)`` of a chat model run, as LangChain's callbacks name them."""
    meta = metadata if isinstance(metadata, Mapping) else {}
    params = invocation if isinstance(invocation, Mapping) else {}
    kwargs = (serialized or {}).get("kwargs") if isinstance(serialized, Mapping) else None
    for source in (meta, params, kwargs if isinstance(kwargs, Mapping) else {}):
        for key in _MODEL_KEYS:
            if isinstance(source.get(key), str) and source[key]:
                provider = meta.get("ls_provider")
                return source[key], provider if isinstance(provider, str) else None
    provider = meta.get("ls_provider")
    return None, provider if isinstance(provider, str) else None


def step_end(step: _NodeRun) -> None:
    """Name a step for what ran in it: ``chat {model}`` when a chat model did."""
    if step.tool_call or not step.models or step.tools:
        return
    model, provider = step.models[-1]
    span = step.span
    span.update_name(semconv.chat_span_name(model))
    span.set_attribute(semconv.GEN_AI_OPERATION_NAME, semconv.OP_CHAT)
    span.set_attribute(semconv.ACTOR, semconv.ACTOR_MODEL)
    if model:
        span.set_attribute(semconv.GEN_AI_REQUEST_MODEL, model)
    if provider:
        span.set_attribute(semconv.GEN_AI_PROVIDER_NAME, provider)


def messages_of(outputs: Any) -> list[Any]:
    """The messages a step's update (or the ``Command`` it returned) adds to the state."""
    command = _command_parts(outputs)
    update = command[0] if command is not None else outputs
    if not isinstance(update, Mapping):
        return []
    found = update.get("messages")
    if isinstance(found, (list, tuple)):
        return list(found)
    return [] if found is None else [found]


def message_keys(messages: Any) -> frozenset[str]:
    """What identifies each message of a state's ``messages`` (its id, else its type and
    content): the messages a node got, so those it hands back again are told apart."""
    if not isinstance(messages, (list, tuple)):
        return frozenset()
    return frozenset(_message_key(m) for m in messages)


def _message_key(message: Any) -> str:
    if isinstance(message, Mapping):
        ident, kind, text = message.get("id"), message.get("type"), message.get("content")
    else:
        ident = getattr(message, "id", None)
        kind, text = getattr(message, "type", None), getattr(message, "content", None)
    return f"id:{ident}" if ident else f"{kind}:{text!r}"


def is_tool_message(message: Any) -> bool:
    """A tool's reply in a conversation (a ``ToolMessage``): the tool's words, which its
    tool span holds, not the agent's."""
    kind = message.get("type") if isinstance(message, Mapping) else getattr(message, "type", None)
    return kind == "tool"


def tool_text(messages: list[Any]) -> str | None:
    """The replies of a tool call's messages, one per line (None when none has text)."""
    texts = []
    for message in messages:
        text = (
            message.get("content")
            if isinstance(message, Mapping)
            else getattr(message, "content", None)
        )
        if is_tool_message(message) and text:
            texts.append(text if isinstance(text, str) else repr(text))
    return "\n".join(texts) or None


def added(update: Any, given: frozenset[str]) -> Any:
    """``update`` with the messages of ``given`` and its tools' replies left out of its
    ``messages``: an agent that returns its whole conversation (a swarm or supervisor
    agent's subgraph state) said only the messages it added; its tools' replies are
    on its tool spans."""
    if not given or not isinstance(update, Mapping):
        return update
    messages = update.get("messages")
    if not isinstance(messages, (list, tuple)):
        return update
    kept = [m for m in messages if _message_key(m) not in given and not is_tool_message(m)]
    return {**update, "messages": kept}


def command_update(error: BaseException) -> Any:
    """The update of the ``Command`` a ``ParentCommand`` carries up; None for other errors."""
    command = error.args[0] if error.args else None
    parts = _command_parts(command)
    return None if parts is None else parts[0]


def inferred_actor(run: _NodeRun) -> str:
    """An agent's actor as its run showed it: for a node that ran a subgraph, ``model``
    when a chat model ran in its steps, ``tool`` when only tools did, ``code``
    otherwise; for a plain node, ``tool`` when it only ran tools (a ``ToolNode``),
    else ``code``. A plain function node that calls a model itself stays ``code``
    unless ``actors=`` says otherwise: its own code decides what to make of the reply,
    where an agent's subgraph hands the model the turn."""
    if run.has_steps and run.models:
        return semconv.ACTOR_MODEL
    if run.tools and not run.models:
        return semconv.ACTOR_TOOL
    return semconv.ACTOR_CODE


def text_verdict(said: list[Any]) -> bool | None:
    """A verifier's own last words read as a verdict (``"Approved."``, ``"reject"``),
    by the tracer's verdict parsing; None when they are anything else."""
    for message in reversed(said):
        if isinstance(message, Mapping):
            who, content = message.get("role"), message.get("content")
        else:
            who, content = getattr(message, "type", None), getattr(message, "content", None)
        if who not in ("ai", "assistant"):  # a tool's result is no verdict of the verifier
            continue
        if isinstance(content, str) and content.strip():
            verdict = parse_verdict(content.strip().rstrip(".!"))
            return None if verdict is None else verdict.accepted
    return None
