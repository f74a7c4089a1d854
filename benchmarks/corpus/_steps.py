"""The turns of runs traced by other instrumentations, for ``generate.py`` (its
``STEPS``): where a model call's span names no agent, the agent is that of a span above
it. One reader, :func:`ancestor_steps`; each family's instrumentation says which spans
are turns, which span above names the agent and how far up to look.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from tracer import semconv

__all__ = [
    "AGENT_FRAMEWORK",
    "OPENINFERENCE_BEEAI",
    "OPENINFERENCE_AGNO",
    "OPENLLMETRY_AGNO",
    "OPENINFERENCE_AUTOGEN_AGENTCHAT",
    "OPENINFERENCE_DSPY",
    "OPENINFERENCE_OPENAI_AGENTS",
    "OPENLLMETRY_CREWAI",
    "OPENLLMETRY_OPENAI",
    "OPENLLMETRY_LLAMAINDEX",
    "OPENLLMETRY_OPENAI_AGENTS",
    "SEMANTIC_KERNEL",
    "STRANDS",
    "agent_framework_steps",
    "agno_openinference_steps",
    "agno_openllmetry_steps",
    "ancestor_steps",
    "beeai_openinference_steps",
    "attr",
    "crewai_openllmetry_steps",
    "dspy_openinference_steps",
    "autogen_agentchat_openinference_steps",
    "llamaindex_openllmetry_steps",
    "openai_agents_openinference_steps",
    "openai_agents_openllmetry_steps",
    "semantic_kernel_steps",
    "strands_steps",
]

Span = dict[str, Any]
Steps = dict[str, list[tuple[str, str]]]

_KIND = "openinference.span.kind"
# OpenInference's Agno instrumentor on a coordinate-mode ``Team``: the turns are the LLM
# spans (``<Model>.invoke``); the agent is the ``agent.name`` of the AGENT span
# (``<name>.run``: the team's or a member's run) the call ran in, its parent.
OPENINFERENCE_AGNO = "openinference.instrumentation.agno"
# Strands Agents' own tracer on a ``Swarm``: the turns are the ``chat`` spans (the
# response is the span's ``gen_ai.choice`` event); the agent is the ``gen_ai.agent.name``
# of the ``invoke_agent`` span the call ran under (through an ``execute_event_loop_cycle``).
STRANDS = "strands.telemetry.tracer"
# OpenInference's OpenAI Agents instrumentor (a processor of the SDK's own tracing): the
# turns are the LLM spans (``response``, under the SDK's ``turn`` CHAIN span); the agent is
# the ``agent.name`` of the nearest AGENT span above that names one (an agent run as a
# tool has its own, under the calling tool's span; the trace's AGENT span names none).
OPENINFERENCE_OPENAI_AGENTS = "openinference.instrumentation.openai_agents"
# OpenInference's AutoGen AgentChat instrumentor: the turns are the LLM spans
# (``OpenAIChatCompletionClient.create``); the agent is the ``graph.node.id`` of the AGENT
# span (``<agent>.on_messages_stream``) the call ran in, its parent. AutoGen's own GenAI
# spans (scope ``autogen-core``) are not read.
OPENINFERENCE_AUTOGEN_AGENTCHAT = "openinference.instrumentation.autogen_agentchat"
# Microsoft Agent Framework's own instrumentation (``agent_framework.observability``): the
# turns are the ``chat`` spans (``gen_ai.operation.name``, one model response each, its
# words in ``gen_ai.output.messages``); they name no agent: the agent is the
# ``gen_ai.agent.name`` of the ``invoke_agent`` span the call ran in, its parent.
AGENT_FRAMEWORK = "agent_framework"
# Semantic Kernel's own GenAI telemetry (its experimental OTel diagnostics): the turns are
# the ``chat <model>`` spans of its model diagnostics (one model response; the messages
# go to log records, not the span); they name no agent: the agent is the
# ``gen_ai.agent.name`` of the ``invoke_agent <agent>`` span of its agent diagnostics
# that the call ran under (through Semantic Kernel's ``AutoFunctionInvocationLoop`` span).
SEMANTIC_KERNEL = (
    "semantic_kernel.utils.telemetry.model_diagnostics.decorators",
    "semantic_kernel.utils.telemetry.agent_diagnostics.decorators",
    "semantic_kernel.connectors.ai.chat_completion_client_base",
)
# OpenLLMetry's LlamaIndex instrumentor (Traceloop's ``opentelemetry-instrumentation-llamaindex``)
# on a multi-agent ``AgentWorkflow``: the turns are the model-call spans that record a
# response (``<LLM>.task`` with ``gen_ai.operation.name`` = ``chat``: ``achat``, one model
# response each; the ``_prepare_chat_with_tools`` span of the same name records none); they
# name no agent, and every workflow step's span is named ``AgentWorkflow.task``: the agent
# is the ``current_agent_name`` of the step the call ran in, its parent
# (``run_agent_step``), whose ``traceloop.entity.output`` is the step's ``AgentOutput`` as JSON.
OPENLLMETRY_LLAMAINDEX = "opentelemetry.instrumentation.llamaindex"
# OpenInference's BeeAI instrumentor (spans built from BeeAI's emitter events when the
# top-level run ends): the turns are the LLM spans (``OpenAIChatModel``, one model response
# each); they name no agent: the agent is the ``agent.name`` of the AGENT span of the
# ``RequirementAgent`` run the call belongs to, its parent (a handed-off agent's AGENT span
# sits under the lead's ``HandoffTool`` TOOL span; the ``final_answer`` AGENT-kind spans
# the instrumentor adds for that event name no agent).
OPENINFERENCE_BEEAI = "openinference.instrumentation.beeai"
# OpenLLMetry's CrewAI instrumentor (Traceloop's ``opentelemetry-instrumentation-crewai``)
# with its OpenAI instrumentor on a hierarchical crew: the turns are the OpenAI
# instrumentor's ``openai.chat`` spans (``gen_ai.operation.name`` = ``chat``, one model
# response each, its words in ``gen_ai.output.messages``); they name no agent: the agent is
# the ``gen_ai.agent.name`` of the CrewAI instrumentor's ``<role>.agent`` span the call ran
# in, its parent (a delegated coworker's agent span sits under the manager's).
OPENLLMETRY_CREWAI = "opentelemetry.instrumentation.crewai.instrumentation"
OPENLLMETRY_OPENAI = "opentelemetry.instrumentation.openai.v1"
# OpenLLMetry's OpenAI Agents instrumentor: one ``openai.response`` span (chat) a model
# response, the child of its agent's ``<agent>.agent`` span (invoke_agent, gen_ai.agent.name)
OPENLLMETRY_OPENAI_AGENTS = "opentelemetry.instrumentation.openai_agents"
# OpenInference's DSPy instrumentor: an LLM span per LM call, a CHAIN span
# ``<Class>.forward`` per module call; the agent is the user's own module above the call,
# past DSPy's modules and predictors (``ReAct.forward``, ``Predict(Signature).forward``)
OPENINFERENCE_DSPY = "openinference.instrumentation.dspy"
DSPY_MODULES = frozenset({"ReAct", "ChainOfThought", "Predict", "ProgramOfThought", "Refine"})


def attr(span: Span, key: str) -> Any:
    """A span's attribute value in OTLP/JSON, or None."""
    for kv in span.get("attributes", []):
        if kv["key"] == key:
            return next(iter(kv["value"].values()))
    return None


def ancestor_steps(
    lines: list[str],
    scope: str | tuple[str, ...],
    is_turn: Callable[[Span], bool],
    holds: Callable[[Span], bool],
    name: Callable[[Span], Any],
    *,
    hops: int = 16,
) -> Steps:
    """trace id -> (agent, span id) of the turns in OTLP/JSON ``lines`` (log lines hold
    none): the spans of ``scope`` (or of any of several) that are turns, by start time,
    each the ``name`` of the first span above it (at most ``hops`` up) that ``holds`` its
    agent; a turn with none, or an empty name, is left out."""
    scopes = (scope,) if isinstance(scope, str) else scope
    spans: dict[str, Span] = {}
    for line in lines:
        for rs in json.loads(line).get("resourceSpans", ()):
            for ss in rs["scopeSpans"]:
                if ss.get("scope", {}).get("name", "") in scopes:
                    spans.update((s["spanId"], s) for s in ss["spans"])
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for span in spans.values():
        if not is_turn(span):
            continue
        up, left = spans.get(span.get("parentSpanId", "")), hops
        while up is not None and left > 1 and not holds(up):
            up, left = spans.get(up.get("parentSpanId", "")), left - 1
        agent = name(up) if up is not None and holds(up) else None
        if agent:
            found[span["traceId"]].append((int(span["startTimeUnixNano"]), span["spanId"], agent))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}


def _kind(kind: str) -> Callable[[Span], bool]:
    return lambda span: attr(span, _KIND) == kind


def agno_openinference_steps(lines: list[str]) -> Steps:
    """The turns under OpenInference's Agno instrumentation (:data:`OPENINFERENCE_AGNO`)."""
    return ancestor_steps(
        lines, OPENINFERENCE_AGNO, _kind("LLM"), _kind("AGENT"),
        lambda s: attr(s, "agent.name"), hops=1,
    )  # fmt: skip


def strands_steps(lines: list[str]) -> Steps:
    """The turns under Strands Agents' own tracing (:data:`STRANDS`)."""

    def operation(name: str) -> Callable[[Span], bool]:
        return lambda span: attr(span, semconv.GEN_AI_OPERATION_NAME) == name

    return ancestor_steps(
        lines, STRANDS, operation("chat"), operation("invoke_agent"),
        lambda s: attr(s, semconv.GEN_AI_AGENT_NAME),
    )  # fmt: skip


def openai_agents_openinference_steps(lines: list[str]) -> Steps:
    """The turns under OpenInference's OpenAI Agents instrumentation
    (:data:`OPENINFERENCE_OPENAI_AGENTS`)."""
    return ancestor_steps(
        lines, OPENINFERENCE_OPENAI_AGENTS, _kind("LLM"),
        lambda s: _kind("AGENT")(s) and bool(attr(s, "agent.name")),
        lambda s: str(attr(s, "agent.name")),
    )  # fmt: skip


def autogen_agentchat_openinference_steps(lines: list[str]) -> Steps:
    """The turns under OpenInference's AutoGen AgentChat instrumentation
    (:data:`OPENINFERENCE_AUTOGEN_AGENTCHAT`)."""
    return ancestor_steps(
        lines, OPENINFERENCE_AUTOGEN_AGENTCHAT, _kind("LLM"), _kind("AGENT"),
        lambda s: attr(s, "graph.node.id"), hops=1,
    )  # fmt: skip


def agent_framework_steps(lines: list[str]) -> Steps:
    """The turns under Microsoft Agent Framework's own instrumentation
    (:data:`AGENT_FRAMEWORK`)."""

    def operation(name: str) -> Callable[[Span], bool]:
        return lambda span: attr(span, semconv.GEN_AI_OPERATION_NAME) == name

    return ancestor_steps(
        lines, AGENT_FRAMEWORK, operation("chat"), operation("invoke_agent"),
        lambda s: attr(s, semconv.GEN_AI_AGENT_NAME), hops=1,
    )  # fmt: skip


def semantic_kernel_steps(lines: list[str]) -> Steps:
    """The turns under Semantic Kernel's own telemetry (:data:`SEMANTIC_KERNEL`)."""

    def operation(name: str) -> Callable[[Span], bool]:
        return lambda span: attr(span, semconv.GEN_AI_OPERATION_NAME) == name

    return ancestor_steps(
        lines, SEMANTIC_KERNEL, operation("chat"), operation("invoke_agent"),
        lambda s: attr(s, semconv.GEN_AI_AGENT_NAME), hops=2,
    )  # fmt: skip


def _step_agent(span: Span) -> str | None:
    """The ``current_agent_name`` of a LlamaIndex workflow step's recorded output, if any."""
    try:
        out = json.loads(attr(span, "traceloop.entity.output") or "null")
    except ValueError:
        return None
    agent = out.get("current_agent_name") if isinstance(out, dict) else None
    return str(agent) if agent else None


def llamaindex_openllmetry_steps(lines: list[str]) -> Steps:
    """The turns under OpenLLMetry's LlamaIndex instrumentation
    (:data:`OPENLLMETRY_LLAMAINDEX`)."""
    return ancestor_steps(
        lines, OPENLLMETRY_LLAMAINDEX,
        lambda s: attr(s, semconv.GEN_AI_OPERATION_NAME) == "chat",
        lambda s: _step_agent(s) is not None, _step_agent, hops=1,
    )  # fmt: skip


def beeai_openinference_steps(lines: list[str]) -> Steps:
    """The turns under OpenInference's BeeAI instrumentation (:data:`OPENINFERENCE_BEEAI`)."""
    return ancestor_steps(
        lines, OPENINFERENCE_BEEAI, _kind("LLM"),
        lambda s: _kind("AGENT")(s) and bool(attr(s, "agent.name")),
        lambda s: str(attr(s, "agent.name")), hops=1,
    )  # fmt: skip


def crewai_openllmetry_steps(lines: list[str]) -> Steps:
    """The turns under OpenLLMetry's CrewAI and OpenAI instrumentation
    (:data:`OPENLLMETRY_CREWAI`)."""

    def chat(span: Span) -> bool:
        return attr(span, semconv.GEN_AI_OPERATION_NAME) == "chat" and span["name"] == "openai.chat"

    return ancestor_steps(
        lines, (OPENLLMETRY_CREWAI, OPENLLMETRY_OPENAI), chat,
        lambda s: bool(attr(s, semconv.GEN_AI_AGENT_NAME)),
        lambda s: str(attr(s, semconv.GEN_AI_AGENT_NAME)), hops=1,
    )  # fmt: skip


def openai_agents_openllmetry_steps(lines: list[str]) -> Steps:
    """The turns under OpenLLMetry's OpenAI Agents instrumentation
    (:data:`OPENLLMETRY_OPENAI_AGENTS`): the ``openai.response`` spans, each its parent
    ``<agent>.agent`` span's ``gen_ai.agent.name``."""

    def operation(name: str) -> Callable[[Span], bool]:
        return lambda span: attr(span, semconv.GEN_AI_OPERATION_NAME) == name

    return ancestor_steps(
        lines, OPENLLMETRY_OPENAI_AGENTS,
        lambda s: operation("chat")(s) and s["name"] == "openai.response",
        operation("invoke_agent"), lambda s: attr(s, semconv.GEN_AI_AGENT_NAME), hops=1,
    )  # fmt: skip


def _dspy_module(span: Span) -> str | None:
    """The class of a user's DSPy module call span (``<Class>.forward``), else None."""
    name = str(span.get("name", ""))
    owner = name.removesuffix(".forward")
    if owner == name or "(" in owner or owner in DSPY_MODULES or attr(span, _KIND) != "CHAIN":
        return None
    return owner


def dspy_openinference_steps(lines: list[str]) -> Steps:
    """The turns under OpenInference's DSPy instrumentation (:data:`OPENINFERENCE_DSPY`)."""
    return ancestor_steps(
        lines, OPENINFERENCE_DSPY, _kind("LLM"),
        lambda s: _dspy_module(s) is not None, _dspy_module,
    )  # fmt: skip


# OpenLLMetry's Agno instrumentor (Traceloop's ``opentelemetry-instrumentation-agno``)
# records no model call: it wraps ``Team.run`` (a ``<team>.team`` span, ``agno.team.name``,
# its final content as ``traceloop.entity.output``), ``Agent.run`` (a ``<agent>.agent``
# span, ``gen_ai.agent.name``, its final content likewise) and ``FunctionCall.execute``
# (a ``<tool>.tool`` span, its arguments as ``traceloop.entity.input``). A model response
# either calls one tool (the turn is that tool's span, the agent that of the ``.agent`` or
# ``.team`` span it ran in, its parent) or ends the agent's run (the turn is the run's own
# span, placed at its end). Turns are ordered by a tool span's start and a run span's end.
OPENLLMETRY_AGNO = "opentelemetry.instrumentation.agno"


def _agno_owner(span: Span) -> str | None:
    name = str(span.get("name", ""))
    if name.endswith(".team"):
        return attr(span, "agno.team.name")
    if name.endswith(".agent"):
        return attr(span, semconv.GEN_AI_AGENT_NAME)
    return None


def agno_openllmetry_steps(lines: list[str]) -> Steps:
    """The turns under OpenLLMetry's Agno instrumentation (:data:`OPENLLMETRY_AGNO`)."""
    spans: dict[str, Span] = {}
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                if ss.get("scope", {}).get("name", "") == OPENLLMETRY_AGNO:
                    spans.update((s["spanId"], s) for s in ss["spans"])
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for span in spans.values():
        owner, at = _agno_owner(span), int(span["endTimeUnixNano"])
        if not owner and str(span.get("name", "")).endswith(".tool"):
            parent = spans.get(span.get("parentSpanId", ""))
            owner = _agno_owner(parent) if parent is not None else None
            at = int(span["startTimeUnixNano"])
        if owner:
            found[span["traceId"]].append((at, span["spanId"], str(owner)))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}
