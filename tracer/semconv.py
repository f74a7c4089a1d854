"""Every span name and attribute key coordgap writes or reads.

This module is the span contract between :mod:`tracer` (which writes) and
:mod:`analyzer` (which reads): every key coordgap writes is spelled here and
nowhere else. The keys of other instrumentations that the analyzer maps
(OpenInference, OpenLLMetry, the OpenAI Agents SDK, ...) are named in
``analyzer/mapping.py``.

Keys follow the OpenTelemetry GenAI semantic conventions where they have one;
everything they lack lives under the ``coordgap.`` prefix.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

# --- vocabulary: the values of the keys below, one enum per kind --------------------
# The analyzer binds every value into its SQL from here (analyzer/queries), so no
# .sql file spells one. The module-level constants further down are aliases of these
# members (plain ``str`` values, cheap on the tracer's hot path).


class GenAIOperation(StrEnum):
    """``gen_ai.operation.name`` values coordgap writes."""

    INVOKE_WORKFLOW = "invoke_workflow"
    INVOKE_AGENT = "invoke_agent"
    EXECUTE_TOOL = "execute_tool"
    PLAN = "plan"
    HANDOFF = "handoff"
    VERIFY = "verify"
    OUTCOME = "outcome"


class Operation(StrEnum):
    """What the analyzer reads a span as (the ``operation`` column of its store)."""

    WORKFLOW = "workflow"
    AGENT = "agent"
    TOOL = "tool"
    PLAN = "plan"
    HANDOFF = "handoff"
    VERIFY = "verify"
    OUTCOME = "outcome"


class Stage(StrEnum):
    """``coordgap.stage`` values, in causal order (also the attribution categories)."""

    DECOMPOSITION = "decomposition"
    GENERATION = "generation"
    HANDOFF = "handoff"
    VERIFICATION = "verification"
    ASSEMBLY = "assembly"


class Actor(StrEnum):
    """``coordgap.actor`` values: who did the work of a span."""

    MODEL = "model"
    HUMAN = "human"
    TOOL = "tool"
    CODE = "code"


class Verdict(StrEnum):
    """``coordgap.verify.verdict`` values."""

    ACCEPT = "accept"
    REJECT = "reject"


class Outcome(StrEnum):
    """``coordgap.outcome`` values."""

    SUCCESS = "success"
    FAILURE = "failure"


class ViolationKind(StrEnum):
    """The kinds of handoff violation: each entry of ``coordgap.handoff.violations``
    starts with one, then ``": detail"``."""

    MISSING_KEY = "missing_key"
    DROPPED_KEY = "dropped_key"
    TYPE_MISMATCH = "type_mismatch"
    SCHEMA_MISMATCH = "schema_mismatch"
    STALE_STATE = "stale_state"
    TIMEOUT = "timeout"
    WRONG_TARGET = "wrong_target"  # handed to another agent than expected
    LOST_WORK = "lost_work"  # the receiver got no items of those the source produced


class ContentDirection(StrEnum):
    """Directions of a content row (analyzer ``content`` table), in reading order."""

    OUTPUT = "output"
    PAYLOAD = "payload"
    INPUT = "input"
    SYSTEM = "system"


VOCABULARY: Final = (
    GenAIOperation,
    Operation,
    Stage,
    Actor,
    Verdict,
    Outcome,
    ViolationKind,
    ContentDirection,
)
"""Every enum of values above."""

# --- GenAI semantic conventions -------------------------------------------------
GEN_AI_OPERATION_NAME: Final = "gen_ai.operation.name"
GEN_AI_WORKFLOW_NAME: Final = "gen_ai.workflow.name"
GEN_AI_CONVERSATION_ID: Final = "gen_ai.conversation.id"
GEN_AI_AGENT_NAME: Final = "gen_ai.agent.name"
GEN_AI_AGENT_ID: Final = "gen_ai.agent.id"
GEN_AI_TOOL_NAME: Final = "gen_ai.tool.name"
GEN_AI_TOOL_CALL_ID: Final = "gen_ai.tool.call.id"
GEN_AI_TOOL_CALL_ARGUMENTS: Final = "gen_ai.tool.call.arguments"
"""What a tool was called with (opt-in content on an ``execute_tool`` span)."""
GEN_AI_TOOL_CALL_RESULT: Final = "gen_ai.tool.call.result"
"""What a tool returned (opt-in content on an ``execute_tool`` span)."""
# inference (model call) spans
GEN_AI_REQUEST_MODEL: Final = "gen_ai.request.model"
GEN_AI_PROVIDER_NAME: Final = "gen_ai.provider.name"
# proposed GenAI keys for handoffs
GEN_AI_HANDOFF_SOURCE_NAME: Final = "gen_ai.agent.handoff.source.name"
GEN_AI_HANDOFF_TARGET_NAME: Final = "gen_ai.agent.handoff.target.name"
# evaluation event
GEN_AI_EVALUATION_RESULT_EVENT: Final = "gen_ai.evaluation.result"
GEN_AI_EVALUATION_NAME: Final = "gen_ai.evaluation.name"
GEN_AI_EVALUATION_SCORE_LABEL: Final = "gen_ai.evaluation.score.label"
GEN_AI_EVALUATION_SCORE_VALUE: Final = "gen_ai.evaluation.score.value"
GEN_AI_EVALUATION_EXPLANATION: Final = "gen_ai.evaluation.explanation"
GEN_AI_INPUT_MESSAGES: Final = "gen_ai.input.messages"
GEN_AI_OUTPUT_MESSAGES: Final = "gen_ai.output.messages"

# gen_ai.operation.name values (aliases of GenAIOperation)
OP_INVOKE_WORKFLOW: Final = GenAIOperation.INVOKE_WORKFLOW.value
OP_INVOKE_AGENT: Final = GenAIOperation.INVOKE_AGENT.value
OP_EXECUTE_TOOL: Final = GenAIOperation.EXECUTE_TOOL.value
OP_PLAN: Final = GenAIOperation.PLAN.value
OP_HANDOFF: Final = GenAIOperation.HANDOFF.value
OP_VERIFY: Final = GenAIOperation.VERIFY.value
OP_OUTCOME: Final = GenAIOperation.OUTCOME.value
# The GenAI inference operation: a model call that is a step of an agent (a LangGraph
# subgraph's model node), written under that agent's span. Not an agent turn of its own,
# so not in GenAIOperation (whose values the analyzer reads as turns); the analyzer
# reads it among the model operations of other instrumentations.
OP_CHAT: Final = "chat"

# --- general OpenTelemetry keys --------------------------------------------------
ERROR_TYPE: Final = "error.type"
SERVICE_NAME: Final = "service.name"
EXCEPTION_EVENT: Final = "exception"
EXCEPTION_TYPE: Final = "exception.type"  # on the exception event
EXCEPTION_MESSAGE: Final = "exception.message"
EXCEPTION_STACKTRACE: Final = "exception.stacktrace"
PROCESS_EXIT_CODE: Final = "process.exit.code"  # of code an agent ran (a code executor's turn)

# --- coordgap keys ---------------------------------------------------------------
STAGE: Final = "coordgap.stage"
ACTOR: Final = "coordgap.actor"

# stage values (aliases of Stage)
STAGE_DECOMPOSITION: Final = Stage.DECOMPOSITION.value
STAGE_GENERATION: Final = Stage.GENERATION.value
STAGE_HANDOFF: Final = Stage.HANDOFF.value
STAGE_VERIFICATION: Final = Stage.VERIFICATION.value
STAGE_ASSEMBLY: Final = Stage.ASSEMBLY.value
STAGES: Final = tuple(s.value for s in Stage)
CATEGORY_UNKNOWN: Final = "unknown"  # the attribution category when no stage explains a failure

# actor values (aliases of Actor)
ACTOR_MODEL: Final = Actor.MODEL.value
ACTOR_HUMAN: Final = Actor.HUMAN.value
ACTOR_TOOL: Final = Actor.TOOL.value
ACTOR_CODE: Final = Actor.CODE.value
ACTORS: Final = tuple(a.value for a in Actor)

# plan (decomposition)
PLAN_SUBTASK_COUNT: Final = "coordgap.plan.subtask_count"
PLAN_SUBTASK_IDS: Final = "coordgap.plan.subtask_ids"  # string[]
PLAN_ASSIGNEES: Final = "coordgap.plan.assignees"  # string[], parallel to ids ("" = none)
PLAN_UNASSIGNED: Final = "coordgap.plan.unassigned"  # string[] of subtask ids
PLAN_DUPLICATES: Final = "coordgap.plan.duplicates"  # string[] of duplicated ids
PLAN_OVERLAPS: Final = "coordgap.plan.overlaps"  # string[] "id_a~id_b" sharing one scope

# handoff
HANDOFF_SOURCE: Final = "coordgap.handoff.source"
HANDOFF_TARGET: Final = "coordgap.handoff.target"
HANDOFF_SOURCE_ACTOR: Final = "coordgap.handoff.source.actor"
HANDOFF_TARGET_ACTOR: Final = "coordgap.handoff.target.actor"
HANDOFF_PAYLOAD_HASH: Final = "coordgap.handoff.payload.hash"  # sha256 hex of canonical JSON
HANDOFF_PAYLOAD_SIZE: Final = "coordgap.handoff.payload.size"  # bytes of canonical JSON
HANDOFF_PAYLOAD_KEYS: Final = "coordgap.handoff.payload.keys"  # string[] top-level keys
HANDOFF_PAYLOAD_CONTENT: Final = "coordgap.handoff.payload.content"  # opt-in only
HANDOFF_CARRY: Final = "coordgap.handoff.carry"  # string[] keys that must survive
HANDOFF_EXPECTS: Final = "coordgap.handoff.expects"  # short text naming the expectation
HANDOFF_VIOLATIONS: Final = "coordgap.handoff.violations"  # string[] "kind: detail"
HANDOFF_VIOLATION_COUNT: Final = "coordgap.handoff.violation_count"
HANDOFF_STATE_SEEN: Final = "coordgap.handoff.state.seen_version"
HANDOFF_STATE_LATEST: Final = "coordgap.handoff.state.latest_version"
HANDOFF_INFERRED: Final = "coordgap.handoff.inferred"  # analyzer only: handoff inferred
HANDOFF_KEYS_ADDED: Final = "coordgap.handoff.keys.added"  # string[] new in the state passed on
HANDOFF_KEYS_DROPPED: Final = "coordgap.handoff.keys.dropped"  # string[] emptied or removed
HANDOFF_KEYS_CHANGED: Final = "coordgap.handoff.keys.changed"  # string[] value changed
HANDOFF_ITEMS_OUT: Final = "coordgap.handoff.items.out"  # items the source produced (n8n)
HANDOFF_ITEMS_IN: Final = "coordgap.handoff.items.in"  # items the target received (n8n)
HANDOFF_ROUTE: Final = "coordgap.handoff.route"  # the route label a router took
INTEGRATION: Final = "coordgap.integration"  # framework an integration span came from

# violation kinds (aliases of ViolationKind)
VIOLATION_MISSING_KEY: Final = ViolationKind.MISSING_KEY.value
VIOLATION_DROPPED_KEY: Final = ViolationKind.DROPPED_KEY.value
VIOLATION_TYPE_MISMATCH: Final = ViolationKind.TYPE_MISMATCH.value
VIOLATION_SCHEMA_MISMATCH: Final = ViolationKind.SCHEMA_MISMATCH.value
VIOLATION_STALE_STATE: Final = ViolationKind.STALE_STATE.value
VIOLATION_TIMEOUT: Final = ViolationKind.TIMEOUT.value
VIOLATION_WRONG_TARGET: Final = ViolationKind.WRONG_TARGET.value
VIOLATION_LOST_WORK: Final = ViolationKind.LOST_WORK.value
VIOLATION_KINDS: Final = tuple(k.value for k in ViolationKind)

# task (frameworks with named tasks: CrewAI)
TASK_NAME: Final = "coordgap.task.name"
TASK_DESCRIPTION: Final = "coordgap.task.description"  # the template, before inputs

# verification
VERIFY_VERDICT: Final = "coordgap.verify.verdict"  # "accept" | "reject"
VERIFY_ATTEMPT: Final = "coordgap.verify.attempt"  # 1-based, per verifier within a run
VERIFY_REASON: Final = "coordgap.verify.reason"
VERIFY_SUBJECT: Final = "coordgap.verify.subject"  # agent whose output was checked (optional)
VERDICT_ACCEPT: Final = Verdict.ACCEPT.value
VERDICT_REJECT: Final = Verdict.REJECT.value

# outcome
OUTCOME: Final = "coordgap.outcome"  # "success" | "failure"
OUTCOME_REASON: Final = "coordgap.outcome.reason"
OUTCOME_TRACE_ID: Final = "coordgap.outcome.trace_id"  # run a late outcome refers to (hex)
OUTCOME_SUCCESS: Final = Outcome.SUCCESS.value
OUTCOME_FAILURE: Final = Outcome.FAILURE.value

# content capture (opt-in)
INPUT_CONTENT: Final = "coordgap.input"
OUTPUT_CONTENT: Final = "coordgap.output"

# --- content keys the analyzer reads (other conventions; never written by tracer) ----
# OTel GenAI: JSON arrays of {role, parts: [{type, content | arguments | response}]}
GEN_AI_SYSTEM_INSTRUCTIONS: Final = "gen_ai.system_instructions"
# older GenAI: plain text attributes, then flattened ``gen_ai.prompt.N.role/content``
# (OpenLLMetry) and per-message events with a ``content`` attribute
GEN_AI_PROMPT: Final = "gen_ai.prompt"
GEN_AI_COMPLETION: Final = "gen_ai.completion"
GEN_AI_EVENT_CONTENT: Final = "content"
GEN_AI_MESSAGE_EVENTS: Final = (
    "gen_ai.system.message",
    "gen_ai.user.message",
    "gen_ai.assistant.message",
    "gen_ai.tool.message",
    "gen_ai.choice",
)
GEN_AI_CHOICE_EVENT: Final = "gen_ai.choice"
# the newer conventions' one event per model call, its messages in the same JSON
# attributes a span carries them in (gen_ai.input.messages, gen_ai.output.messages,
# gen_ai.system_instructions)
GEN_AI_OPERATION_DETAILS_EVENT: Final = "gen_ai.client.inference.operation.details"
GEN_AI_DETAILS_KEYS: Final = (
    GEN_AI_INPUT_MESSAGES,
    GEN_AI_OUTPUT_MESSAGES,
    GEN_AI_SYSTEM_INSTRUCTIONS,
)
# the same events sent as OTLP log records (Semantic Kernel, OpenTelemetry's GenAI
# instrumentations): the name in the record's ``event_name`` field, else in this
# attribute; the body a message ``{role, content, tool_calls: [{function: {name,
# arguments}}]}``, or for ``gen_ai.choice`` ``{message: {...}, finish_reason}``
LOG_EVENT_NAME: Final = "event.name"
GEN_AI_BODY_CONTENT: Final = GEN_AI_EVENT_CONTENT
GEN_AI_BODY_MESSAGE: Final = "message"
GEN_AI_BODY_TOOL_CALLS: Final = "tool_calls"
GEN_AI_BODY_FUNCTION: Final = "function"
GEN_AI_BODY_NAME: Final = "name"
GEN_AI_BODY_ARGUMENTS: Final = "arguments"
GEN_AI_BODY_TEXT: Final = "text"
# OpenInference: plain values, then flattened ``llm.input_messages.N.message.*``
OPENINFERENCE_INPUT_VALUE: Final = "input.value"
OPENINFERENCE_OUTPUT_VALUE: Final = "output.value"
OPENINFERENCE_INPUT_MESSAGES: Final = "llm.input_messages"
OPENINFERENCE_OUTPUT_MESSAGES: Final = "llm.output_messages"
# OpenLLMetry / Traceloop
TRACELOOP_ENTITY_INPUT: Final = "traceloop.entity.input"  # JSON {"inputs": ...}
TRACELOOP_ENTITY_OUTPUT: Final = "traceloop.entity.output"  # JSON {"outputs": ...}

# directions of a content row (analyzer ``content`` table)
CONTENT_INPUT: Final = ContentDirection.INPUT.value
CONTENT_OUTPUT: Final = ContentDirection.OUTPUT.value
CONTENT_SYSTEM: Final = ContentDirection.SYSTEM.value
CONTENT_PAYLOAD: Final = ContentDirection.PAYLOAD.value
CONTENT_DIRECTIONS: Final = tuple(d.value for d in ContentDirection)

# retries of a step (a LangGraph node's RetryPolicy): one span, attempts counted on it
ATTEMPT: Final = "coordgap.attempt"  # 1-based attempt that ended the span
RETRY_EVENT: Final = "coordgap.retry"  # an attempt that failed and was retried

# an agent span that is a step of another agent: a LangGraph node of the subgraph that
# agent runs (a prebuilt agent's `agent` and `tools` nodes); the value names that agent,
# whose span is the step's nearest agent span above it. The analyzer blames that agent
# for an error that starts in the step (the step's span stays the evidence).
AGENT_OWNER: Final = "coordgap.agent.owner"

# suspend / resume of long human steps
RESUMED: Final = "coordgap.resumed"  # true on a span started from a resume token

# --- LangGraph as other instrumentations record it (read by the analyzer) -----------
# LangGraph puts these in every node run's LangChain metadata; OpenInference's
# LangChain instrumentor writes that metadata as JSON under "metadata",
# OpenLLMetry's as "traceloop.association.properties.<key>" attributes.
LANGGRAPH_NODE: Final = "langgraph_node"
LANGGRAPH_STEP: Final = "langgraph_step"
LANGGRAPH_TRIGGERS: Final = "langgraph_triggers"
# "node:task" per graph level, joined by "|" inside a subgraph ("clerk:1|agent:2")
LANGGRAPH_CHECKPOINT_NS: Final = "langgraph_checkpoint_ns"
LANGGRAPH_NS_SEPARATOR: Final = "|"
LANGGRAPH_PUSH: Final = "__pregel_push"  # the trigger of a task a Send started
OPENINFERENCE_METADATA: Final = "metadata"
TRACELOOP_ASSOCIATION_PREFIX: Final = "traceloop.association.properties."
OPENLLMETRY_WORKFLOW_NODES: Final = "gen_ai.workflow.nodes"  # on OpenLLMetry's graph span
# analyzer only: a handoff derived from LangGraph's steps, not recorded as a span
HANDOFF_DERIVED: Final = "coordgap.handoff.derived"
SOURCE_DERIVED: Final = "derived"  # the `source` column of spans the analyzer derived

# --- AutoGen's own GenAI spans (autogen-core; read by the analyzer) ------------------
GEN_AI_SYSTEM: Final = "gen_ai.system"  # the GenAI key before gen_ai.provider.name
AUTOGEN_SYSTEM: Final = "autogen"  # gen_ai.system on autogen-core's agent and tool spans
INTEGRATION_AUTOGEN: Final = "autogen"  # coordgap.integration of the AutoGen integration

# --- span names --------------------------------------------------------------------


def workflow_span_name(name: str) -> str:
    return f"{OP_INVOKE_WORKFLOW} {name}"


def agent_span_name(name: str) -> str:
    return f"{OP_INVOKE_AGENT} {name}"


def chat_span_name(model: str | None) -> str:
    """``chat {model}``, or ``chat`` when the model's name is unknown (GenAI inference)."""
    return f"{OP_CHAT} {model}" if model else OP_CHAT


def tool_span_name(name: str) -> str:
    return f"{OP_EXECUTE_TOOL} {name}"


def plan_span_name(name: str) -> str:
    return f"{OP_PLAN} {name}"


def verify_span_name(name: str) -> str:
    return f"{OP_VERIFY} {name}"


def handoff_span_name(source: str, target: str) -> str:
    return f"{OP_HANDOFF} {source} -> {target}"


OUTCOME_SPAN_NAME: Final = OP_OUTCOME

INSTRUMENTATION_NAME: Final = "coordgap"
