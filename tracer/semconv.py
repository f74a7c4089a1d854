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

from typing import Final

# --- GenAI semantic conventions -------------------------------------------------
GEN_AI_OPERATION_NAME: Final = "gen_ai.operation.name"
GEN_AI_WORKFLOW_NAME: Final = "gen_ai.workflow.name"
GEN_AI_CONVERSATION_ID: Final = "gen_ai.conversation.id"
GEN_AI_AGENT_NAME: Final = "gen_ai.agent.name"
GEN_AI_AGENT_ID: Final = "gen_ai.agent.id"
GEN_AI_TOOL_NAME: Final = "gen_ai.tool.name"
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

# gen_ai.operation.name values
OP_INVOKE_WORKFLOW: Final = "invoke_workflow"
OP_INVOKE_AGENT: Final = "invoke_agent"
OP_EXECUTE_TOOL: Final = "execute_tool"
OP_PLAN: Final = "plan"
OP_HANDOFF: Final = "handoff"
OP_VERIFY: Final = "verify"
OP_OUTCOME: Final = "outcome"

# --- general OpenTelemetry keys --------------------------------------------------
ERROR_TYPE: Final = "error.type"
SERVICE_NAME: Final = "service.name"
EXCEPTION_EVENT: Final = "exception"
EXCEPTION_STACKTRACE: Final = "exception.stacktrace"

# --- coordgap keys ---------------------------------------------------------------
STAGE: Final = "coordgap.stage"
ACTOR: Final = "coordgap.actor"

# stage values
STAGE_DECOMPOSITION: Final = "decomposition"
STAGE_GENERATION: Final = "generation"
STAGE_HANDOFF: Final = "handoff"
STAGE_VERIFICATION: Final = "verification"
STAGE_ASSEMBLY: Final = "assembly"
STAGES: Final = (
    STAGE_DECOMPOSITION,
    STAGE_GENERATION,
    STAGE_HANDOFF,
    STAGE_VERIFICATION,
    STAGE_ASSEMBLY,
)
CATEGORY_UNKNOWN: Final = "unknown"

# actor values
ACTOR_MODEL: Final = "model"
ACTOR_HUMAN: Final = "human"
ACTOR_TOOL: Final = "tool"
ACTOR_CODE: Final = "code"
ACTORS: Final = (ACTOR_MODEL, ACTOR_HUMAN, ACTOR_TOOL, ACTOR_CODE)

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

# violation kinds: each entry of HANDOFF_VIOLATIONS starts with one of these, then ": detail"
VIOLATION_MISSING_KEY: Final = "missing_key"
VIOLATION_DROPPED_KEY: Final = "dropped_key"
VIOLATION_TYPE_MISMATCH: Final = "type_mismatch"
VIOLATION_SCHEMA_MISMATCH: Final = "schema_mismatch"
VIOLATION_STALE_STATE: Final = "stale_state"
VIOLATION_TIMEOUT: Final = "timeout"
VIOLATION_WRONG_TARGET: Final = "wrong_target"  # handed to another agent than expected
VIOLATION_LOST_WORK: Final = "lost_work"  # the receiver got no items of those the source produced
VIOLATION_KINDS: Final = (
    VIOLATION_MISSING_KEY,
    VIOLATION_DROPPED_KEY,
    VIOLATION_TYPE_MISMATCH,
    VIOLATION_SCHEMA_MISMATCH,
    VIOLATION_STALE_STATE,
    VIOLATION_TIMEOUT,
    VIOLATION_WRONG_TARGET,
    VIOLATION_LOST_WORK,
)

# task (frameworks with named tasks: CrewAI)
TASK_NAME: Final = "coordgap.task.name"
TASK_DESCRIPTION: Final = "coordgap.task.description"  # the template, before inputs

# verification
VERIFY_VERDICT: Final = "coordgap.verify.verdict"  # "accept" | "reject"
VERIFY_ATTEMPT: Final = "coordgap.verify.attempt"  # 1-based, per verifier within a run
VERIFY_REASON: Final = "coordgap.verify.reason"
VERIFY_SUBJECT: Final = "coordgap.verify.subject"  # agent whose output was checked (optional)
VERDICT_ACCEPT: Final = "accept"
VERDICT_REJECT: Final = "reject"

# outcome
OUTCOME: Final = "coordgap.outcome"  # "success" | "failure"
OUTCOME_REASON: Final = "coordgap.outcome.reason"
OUTCOME_TRACE_ID: Final = "coordgap.outcome.trace_id"  # run a late outcome refers to (hex)
OUTCOME_SUCCESS: Final = "success"
OUTCOME_FAILURE: Final = "failure"

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
# OpenInference: plain values, then flattened ``llm.input_messages.N.message.*``
OPENINFERENCE_INPUT_VALUE: Final = "input.value"
OPENINFERENCE_OUTPUT_VALUE: Final = "output.value"
OPENINFERENCE_INPUT_MESSAGES: Final = "llm.input_messages"
OPENINFERENCE_OUTPUT_MESSAGES: Final = "llm.output_messages"
# OpenLLMetry / Traceloop
TRACELOOP_ENTITY_INPUT: Final = "traceloop.entity.input"  # JSON {"inputs": ...}
TRACELOOP_ENTITY_OUTPUT: Final = "traceloop.entity.output"  # JSON {"outputs": ...}

# directions of a content row (analyzer ``content`` table)
CONTENT_INPUT: Final = "input"
CONTENT_OUTPUT: Final = "output"
CONTENT_SYSTEM: Final = "system"
CONTENT_PAYLOAD: Final = "payload"
CONTENT_DIRECTIONS: Final = (CONTENT_OUTPUT, CONTENT_PAYLOAD, CONTENT_INPUT, CONTENT_SYSTEM)

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
LANGGRAPH_PUSH: Final = "__pregel_push"  # the trigger of a task a Send started
OPENINFERENCE_METADATA: Final = "metadata"
TRACELOOP_ASSOCIATION_PREFIX: Final = "traceloop.association.properties."
OPENLLMETRY_WORKFLOW_NODES: Final = "gen_ai.workflow.nodes"  # on OpenLLMetry's graph span
# analyzer only: a handoff derived from LangGraph's steps, not recorded as a span
HANDOFF_DERIVED: Final = "coordgap.handoff.derived"
SOURCE_DERIVED: Final = "derived"  # the `source` column of spans the analyzer derived

# --- span names --------------------------------------------------------------------


def workflow_span_name(name: str) -> str:
    return f"{OP_INVOKE_WORKFLOW} {name}"


def agent_span_name(name: str) -> str:
    return f"{OP_INVOKE_AGENT} {name}"


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
