"""Normalization: every instrumentation's spans onto coordgap's columns.

One SQL statement (:data:`NORMALIZE_SQL`) reads staging rows (raw span columns,
attribute values as text) and returns rows of the ``spans`` table with the
normalized columns filled: ``operation, stage, agent, actor, is_error,
error_type, handoff_source, handoff_target, violations, verdict, attempt,
outcome, outcome_reason, outcome_trace_id, plan_assignees, plan_defects``.

It understands, in this order of precedence:

- coordgap's own keys (:mod:`tracer.semconv`) and plain GenAI semconv
  (``gen_ai.operation.name`` ``invoke_workflow``/``invoke_agent``/
  ``execute_tool``/``plan``/``handoff``/``verify``, ``gen_ai.evaluation.result``
  events, the proposed ``gen_ai.agent.handoff.*`` keys);
- OpenInference (``openinference.span.kind``, ``agent.name``, ``graph.node.*``,
  ``handoff to X`` / ``transfer_to_X`` tool spans, which is also how the OpenAI
  Agents SDK arrives through the OpenInference processor);
- OpenLLMetry / Traceloop (``traceloop.span.kind``, ``traceloop.entity.name``,
  ``gen_ai.handoff.from_agent``/``to_agent``, ``gen_ai.guardrail.*``; also the
  OpenAI Agents SDK through its OTel processor);
- Google ADK's ``transfer_to_agent`` tool and Strands Agents' Swarm's
  ``handoff_to_agent``, whose target is its ``agent_name`` argument
  (``gen_ai.tool.call.arguments``, or Strands' ``gen_ai.tool.message`` event); Agno's
  ``delegate_task_to_member`` (``member_id``), its Team's run its leader (OpenLLMetry);
- AgentOps (``agentops.span.kind``, ``from_agent``/``to_agent``);
- span names ``handoff A -> B``, ``handoff from A to B``, ``A → B.handoff``.

Every key lives in a constant (coordgap's in :mod:`tracer.semconv`, foreign ones
below) and reaches the SQL as a bound parameter. Relations between spans (a
handoff's missing source, a tool call that invokes another agent) are filled
afterwards by :data:`analyzer.relations.LINK_SQL`, which looks at parents and
children.
"""

from __future__ import annotations

from typing import Any, Final

from analyzer import queries
from tracer import semconv

__all__ = [
    "AGENTOPS_FROM_AGENT",
    "AGENTOPS_SPAN_KIND",
    "AGENTOPS_TO_AGENT",
    "DEFECT_DUPLICATE",
    "DEFECT_OVERLAP",
    "DEFECT_UNASSIGNED",
    "NORMALIZE_SQL",
    "OPENINFERENCE_AGENT_NAME",
    "OPENINFERENCE_GRAPH_NODE_ID",
    "OPENINFERENCE_GRAPH_NODE_NAME",
    "OPENINFERENCE_SPAN_KIND",
    "OPENINFERENCE_TOOL_NAME",
    "RE_METHOD_SUFFIX",
    "TRACELOOP_ENTITY_NAME",
    "TRACELOOP_SPAN_KIND",
    "TRACELOOP_WORKFLOW_NAME",
    "normalize_sql",
    "params",
]

# --- keys of other instrumentations ---------------------------------------------------
OPENINFERENCE_SPAN_KIND: Final = "openinference.span.kind"
OPENINFERENCE_AGENT_NAME: Final = "agent.name"
OPENINFERENCE_GRAPH_NODE_ID: Final = "graph.node.id"
OPENINFERENCE_GRAPH_NODE_NAME: Final = "graph.node.name"
OPENINFERENCE_TOOL_NAME: Final = "tool.name"
TRACELOOP_SPAN_KIND: Final = "traceloop.span.kind"
TRACELOOP_ENTITY_NAME: Final = "traceloop.entity.name"
TRACELOOP_WORKFLOW_NAME: Final = "traceloop.workflow.name"
AGNO_TEAM_NAME: Final = "agno.team.name"  # OpenLLMetry's Agno instrumentor, a Team's run
OPENLLMETRY_HANDOFF_FROM: Final = "gen_ai.handoff.from_agent"
OPENLLMETRY_HANDOFF_TO: Final = "gen_ai.handoff.to_agent"
HANDOFF_FROM_AGENT_NAME: Final = "gen_ai.handoff.from_agent.name"
HANDOFF_TO_AGENT_NAME: Final = "gen_ai.handoff.to_agent.name"
GUARDRAIL_NAME: Final = "gen_ai.guardrail.name"
GUARDRAIL_TRIGGERED: Final = "gen_ai.guardrail.triggered"
AGENTOPS_SPAN_KIND: Final = "agentops.span.kind"
AGENTOPS_FROM_AGENT: Final = "from_agent"
AGENTOPS_TO_AGENT: Final = "to_agent"
ERROR_TAG: Final = "error"  # Jaeger / Zipkin / OpenTracing boolean tag

# gen_ai.operation.name values of the GenAI conventions that are not coordgap's own
OP_CREATE_AGENT: Final = "create_agent"
OP_RETRIEVAL: Final = "retrieval"
MODEL_OPERATIONS: Final = ("chat", "text_completion", "generate_content", "embeddings")

# plan_defects entries ("kind: id", as docs/internals.md pins them)
DEFECT_UNASSIGNED: Final = "unassigned: "
DEFECT_DUPLICATE: Final = "duplicate: "
DEFECT_OVERLAP: Final = "overlap: "

# verdict words of evaluators and guardrails, read case-insensitively
_ACCEPT_WORDS = ("accept", "accepted", "pass", "passed", "approve", "approved", "ok", "correct",
                 "valid", "true", "yes", "good")  # fmt: skip
_REJECT_WORDS = ("reject", "rejected", "fail", "failed", "deny", "denied", "incorrect", "invalid",
                 "false", "no", "bad", "block", "blocked")  # fmt: skip

# span-name patterns that name a handoff (group 1 = source, 2 = target unless noted)
_RE_HANDOFF_FROM_TO = r"^[Hh]andoff from (.+) to (.+)$"  # Sentry's OpenAI Agents integration
_RE_HANDOFF_TO = r"^[Hh]andoff to (.+)$"  # OpenInference's OpenAI Agents processor (1 = target)
_RE_HANDOFF_ARROW = r"^[Hh]andoff:? (.+?) ?(?:->|→) ?(.+)$"  # coordgap, "Handoff: A -> B"
_RE_TRACELOOP_ARROW = r"^(.+?) ?(?:->|→) ?(.+)\.handoff$"  # OpenLLMetry's OpenAI Agents processor
_RE_TRANSFER = r"^transfer_to_(.+)$"  # OpenAI Agents SDK / LangGraph handoff tools (1 = target)
# Google ADK's one transfer tool names no target: the call's `agent_name` argument does
ADK_TRANSFER_TOOL: Final = "transfer_to_agent"
ADK_TRANSFER_TARGET: Final = "$.agent_name"  # JSON path in the call's arguments
# Strands' Swarm: one tool, the same argument (its arguments: the tool-message event)
SWARM_HANDOFF_TOOL: Final = "handoff_to_agent"
AGNO_DELEGATE_TOOL: Final = "delegate_task_to_member"  # an Agno Team leader's one tool,
AGNO_DELEGATE_TARGET: Final = "$.member_id"  # its argument naming the member
TOOL_MESSAGE_EVENT: Final = "gen_ai.tool.message"
# Cheap tests gating the patterns above (regular expressions on every span name were a third of
# the normalization): every handoff pattern but the transfer tool's holds _HANDOFF_HINT.
_HANDOFF_HINT = "andoff"
_TRANSFER_PREFIX = "transfer_to_"
_RE_OP_PREFIX = r"^(invoke_workflow|invoke_agent|create_agent|execute_tool|plan|verify|retrieval) "
_RE_TL_SUFFIX = r"\.(workflow|agent|tool|task)$"
# OpenInference names the span of a wrapped method `<receiver>.<method>` (smolagents:
# `data_analyst.run`): an AGENT span that names no agent is its receiver's
RE_METHOD_SUFFIX: Final = r"\.[a-z_][a-z0-9_]*$"


def params(statement: str | None = None) -> dict[str, Any]:
    """The bound parameters of :data:`NORMALIZE_SQL` and the link statements: all of
    them, or only those ``statement`` refers to (DuckDB rejects unused ones)."""
    if statement is None:
        return dict(_PARAMS)
    used = set(queries.DUCKDB_PARAM.findall(statement))
    return {k: v for k, v in _BOUND.items() if k in used}


_PARAMS: dict[str, Any] = {
    "k_op": semconv.GEN_AI_OPERATION_NAME,
    # autogen-core's own spans (analyzer.mapping_autogen; the ClickHouse port leaves
    # their traces to the local mapping)
    "k_system": semconv.GEN_AI_SYSTEM,
    "autogen_system": semconv.AUTOGEN_SYSTEM,
    "k_workflow": semconv.GEN_AI_WORKFLOW_NAME,
    "k_agent": semconv.GEN_AI_AGENT_NAME,
    "k_tool": semconv.GEN_AI_TOOL_NAME,
    "k_stage": semconv.STAGE,
    "k_actor": semconv.ACTOR,
    "k_h_source": semconv.HANDOFF_SOURCE,
    "k_h_target": semconv.HANDOFF_TARGET,
    "k_gh_source": semconv.GEN_AI_HANDOFF_SOURCE_NAME,
    "k_gh_target": semconv.GEN_AI_HANDOFF_TARGET_NAME,
    "k_violations": semconv.HANDOFF_VIOLATIONS,
    "k_verdict": semconv.VERIFY_VERDICT,
    "k_attempt": semconv.VERIFY_ATTEMPT,
    "k_outcome": semconv.OUTCOME,
    "k_outcome_reason": semconv.OUTCOME_REASON,
    "k_outcome_trace": semconv.OUTCOME_TRACE_ID,
    "k_plan_assignees": semconv.PLAN_ASSIGNEES,
    "k_plan_unassigned": semconv.PLAN_UNASSIGNED,
    "k_plan_duplicates": semconv.PLAN_DUPLICATES,
    "k_plan_overlaps": semconv.PLAN_OVERLAPS,
    "k_error_type": semconv.ERROR_TYPE,
    "k_eval_name": semconv.GEN_AI_EVALUATION_NAME,
    "k_eval_label": semconv.GEN_AI_EVALUATION_SCORE_LABEL,
    "k_oi_kind": OPENINFERENCE_SPAN_KIND,
    "k_oi_agent": OPENINFERENCE_AGENT_NAME,
    "k_oi_node_id": OPENINFERENCE_GRAPH_NODE_ID,
    "k_oi_node_name": OPENINFERENCE_GRAPH_NODE_NAME,
    "k_oi_tool": OPENINFERENCE_TOOL_NAME,
    "k_tl_kind": TRACELOOP_SPAN_KIND,
    "k_tl_entity": TRACELOOP_ENTITY_NAME,
    "k_tl_workflow": TRACELOOP_WORKFLOW_NAME,
    "k_agno_team": AGNO_TEAM_NAME,
    "k_ol_from": OPENLLMETRY_HANDOFF_FROM,
    "k_ol_to": OPENLLMETRY_HANDOFF_TO,
    "k_from_name": HANDOFF_FROM_AGENT_NAME,
    "k_to_name": HANDOFF_TO_AGENT_NAME,
    "k_guard_name": GUARDRAIL_NAME,
    "k_guard_triggered": GUARDRAIL_TRIGGERED,
    "k_ao_kind": AGENTOPS_SPAN_KIND,
    "k_ao_from": AGENTOPS_FROM_AGENT,
    "k_ao_to": AGENTOPS_TO_AGENT,
    "k_error": ERROR_TAG,
    "k_exc_type": semconv.EXCEPTION_TYPE,
    "ev_exception": semconv.EXCEPTION_EVENT,
    "ev_eval": semconv.GEN_AI_EVALUATION_RESULT_EVENT,
    "op_workflow": semconv.OP_INVOKE_WORKFLOW,
    "op_agent": semconv.OP_INVOKE_AGENT,
    "op_create_agent": OP_CREATE_AGENT,
    "op_tool": semconv.OP_EXECUTE_TOOL,
    "op_retrieval": OP_RETRIEVAL,
    "op_plan": semconv.OP_PLAN,
    "op_handoff": semconv.OP_HANDOFF,
    "op_verify": semconv.OP_VERIFY,
    "op_outcome": semconv.OP_OUTCOME,
    "model_ops": list(MODEL_OPERATIONS),
    "outcome_span": semconv.OUTCOME_SPAN_NAME,
    "stages": list(semconv.STAGES),
    "actors": list(semconv.ACTORS),
    "s_decomposition": semconv.STAGE_DECOMPOSITION,
    "s_generation": semconv.STAGE_GENERATION,
    "s_handoff": semconv.STAGE_HANDOFF,
    "s_verification": semconv.STAGE_VERIFICATION,
    "a_model": semconv.ACTOR_MODEL,
    "a_tool": semconv.ACTOR_TOOL,
    "a_code": semconv.ACTOR_CODE,
    "v_accept": semconv.VERDICT_ACCEPT,
    "v_reject": semconv.VERDICT_REJECT,
    "accept_words": list(_ACCEPT_WORDS),
    "reject_words": list(_REJECT_WORDS),
    "outcomes": [semconv.OUTCOME_SUCCESS, semconv.OUTCOME_FAILURE],
    "d_unassigned": DEFECT_UNASSIGNED,
    "d_duplicate": DEFECT_DUPLICATE,
    "d_overlap": DEFECT_OVERLAP,
    "re_from_to": _RE_HANDOFF_FROM_TO,
    "re_to": _RE_HANDOFF_TO,
    "re_arrow": _RE_HANDOFF_ARROW,
    "re_tl_arrow": _RE_TRACELOOP_ARROW,
    "re_transfer": _RE_TRANSFER,
    "adk_transfer": ADK_TRANSFER_TOOL,
    "adk_target": ADK_TRANSFER_TARGET,
    "agent_transfers": [ADK_TRANSFER_TOOL, SWARM_HANDOFF_TOOL],
    "agno_delegate": AGNO_DELEGATE_TOOL,
    "agno_target": AGNO_DELEGATE_TARGET,
    "k_tl_input": semconv.TRACELOOP_ENTITY_INPUT,
    "ev_tool_message": TOOL_MESSAGE_EVENT,
    "k_ev_content": semconv.GEN_AI_EVENT_CONTENT,
    "k_tool_args": semconv.GEN_AI_TOOL_CALL_ARGUMENTS,
    "handoff_hint": _HANDOFF_HINT,
    "transfer_prefix": _TRANSFER_PREFIX,
    "re_op_prefix": _RE_OP_PREFIX,
    "re_tl_suffix": _RE_TL_SUFFIX,
    "re_method_suffix": RE_METHOD_SUFFIX,
}
queries.bind("", _PARAMS)  # raises ValueError where the mapping contradicts the vocabulary
_BOUND: Final[dict[str, Any]] = {**queries.VOCABULARY, **_PARAMS}
"""What the statements may bind: the vocabulary's values (operations, actors, stages)
and the mapping's own; the LINK_SQL walk adds its bucket numbers itself."""

# The normalization, over a staging relation spliced in for {source} (always one
# of the fixed relations of analyzer.ingest_sql, never user text).
_NORMALIZE_TEMPLATE = """
WITH a AS (
    SELECT s.*,
        lower(attributes[$k_op]) AS _op,
        upper(attributes[$k_oi_kind]) AS _oi,
        lower(attributes[$k_tl_kind]) AS _tl,
        lower(attributes[$k_ao_kind]) AS _ao,
        coalesce(attributes[$k_tool], attributes[$k_oi_tool], name) AS _toolname,
        list_filter(coalesce(events, []), lambda e: e.name = $ev_exception) AS _exc,
        list_filter(coalesce(events, []), lambda e: e.name = $ev_eval) AS _eval,
        coalesce(attributes[$k_tool_args], attributes[$k_tl_input],
                 list_filter(coalesce(events, []),
                             lambda e: e.name = $ev_tool_message)[1].attributes[$k_ev_content])
            AS _tool_args
    FROM ({source}) AS s
), b AS (
    SELECT a.*,
        coalesce(attributes[$k_h_target], attributes[$k_gh_target], attributes[$k_ol_to],
                 attributes[$k_to_name], attributes[$k_ao_to],
                 CASE WHEN contains(name, $handoff_hint) THEN coalesce(
                     nullif(regexp_extract(name, $re_from_to, 2), ''),
                     nullif(regexp_extract(name, $re_to, 1), ''),
                     nullif(regexp_extract(name, $re_arrow, 2), ''),
                     nullif(regexp_extract(name, $re_tl_arrow, 2), '')) END,
                 CASE WHEN list_contains($agent_transfers, _toolname) AND json_valid(_tool_args)
                     THEN nullif(json_extract_string(_tool_args, $adk_target), '')
                     WHEN _toolname = $agno_delegate AND json_valid(_tool_args)
                     THEN nullif(json_extract_string(_tool_args, $agno_target), '')
                 END,
                 CASE WHEN starts_with(_toolname, $transfer_prefix) AND _toolname <> $adk_transfer
                     THEN nullif(regexp_extract(_toolname, $re_transfer, 1), '') END) AS _htarget,
        coalesce(attributes[$k_h_source], attributes[$k_gh_source], attributes[$k_ol_from],
                 attributes[$k_from_name],
                 CASE WHEN contains(name, $handoff_hint) THEN coalesce(
                     nullif(regexp_extract(name, $re_from_to, 1), ''),
                     nullif(regexp_extract(name, $re_arrow, 1), ''),
                     nullif(regexp_extract(name, $re_tl_arrow, 1), '')) END) AS _hsource_named,
        lower(attributes[$k_stage]) AS _stage_raw
    FROM a
), c AS (
    SELECT b.*,
        CASE
            WHEN _op = $op_workflow THEN $o_workflow
            WHEN _op = $op_outcome OR (name = $outcome_span AND attributes[$k_outcome] IS NOT NULL)
                THEN $o_outcome
            WHEN _op = $op_handoff OR _stage_raw = $s_handoff OR _tl = 'handoff' OR _ao = 'handoff'
                 OR _htarget IS NOT NULL THEN $o_handoff
            WHEN _op IN ($op_agent, $op_create_agent) THEN $o_agent
            WHEN _op IN ($op_tool, $op_retrieval) THEN $o_tool
            WHEN _op = $op_plan OR _stage_raw = $s_decomposition THEN $o_plan
            WHEN _op = $op_verify OR _stage_raw = $s_verification THEN $o_verify
            WHEN _oi = 'AGENT' THEN $o_agent
            WHEN _oi IN ('TOOL', 'RETRIEVER') THEN $o_tool
            WHEN _oi IN ('EVALUATOR', 'GUARDRAIL') THEN $o_verify
            WHEN _oi = 'CHAIN' AND coalesce(attributes[$k_oi_node_name], attributes[$k_oi_node_id])
                 IS NOT NULL THEN $o_agent
            WHEN _oi = 'CHAIN' AND parent_span_id IS NULL THEN $o_workflow
            -- an Agno Team's run (OpenLLMetry), inside a run or the trace's root: its
            -- leader, an agent
            WHEN _tl = 'workflow' AND attributes[$k_agno_team] IS NOT NULL THEN $o_agent
            WHEN _tl = 'workflow' OR _ao IN ('workflow', 'session') THEN $o_workflow
            WHEN _tl = 'agent' OR _ao = 'agent' THEN $o_agent
            WHEN _tl = 'tool' OR _ao = 'tool' THEN $o_tool
            WHEN _ao = 'guardrail' OR attributes[$k_guard_name] IS NOT NULL THEN $o_verify
            WHEN _op IS NULL AND len(_eval) > 0 THEN $o_verify
            WHEN _stage_raw IS NOT NULL AND list_contains($stages, _stage_raw) THEN $o_agent
        END AS _operation,
        status = 'ERROR' OR lower(coalesce(attributes[$k_error], '')) IN ('true', '1')
            OR len(_exc) > 0 AS _is_error,
        lower(coalesce(attributes[$k_verdict], _eval[1].attributes[$k_eval_label],
                       attributes[$k_eval_label],
                       CASE lower(attributes[$k_guard_triggered])
                           WHEN 'true' THEN $v_reject WHEN 'false' THEN $v_accept END))
            AS _verdict_raw
    FROM b
)
SELECT
    trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns,
    status, status_message, attributes,
    CAST(to_json(coalesce(events, [])) AS JSON) AS events,
    CAST(to_json(coalesce(links, [])) AS JSON) AS links,
    source,
    _operation AS operation,
    CASE
        WHEN list_contains($stages, _stage_raw) THEN _stage_raw
        WHEN _operation = $o_plan THEN $s_decomposition
        WHEN _operation = $o_handoff THEN $s_handoff
        WHEN _operation = $o_verify THEN $s_verification
        WHEN _operation IN ($o_agent, $o_tool) THEN $s_generation
    END AS stage,
    CASE
        WHEN _operation IS NULL OR _operation = $o_outcome THEN NULL
        WHEN _operation = $o_workflow THEN coalesce(attributes[$k_workflow],
            attributes[$k_tl_workflow], attributes[$k_tl_entity],
            regexp_replace(regexp_replace(name, $re_op_prefix, ''), $re_tl_suffix, ''))
        WHEN _operation = $o_tool THEN coalesce(attributes[$k_tool], attributes[$k_oi_tool],
            attributes[$k_tl_entity],
            regexp_replace(regexp_replace(name, $re_op_prefix, ''), $re_tl_suffix, ''))
        WHEN _operation = $o_handoff THEN coalesce(attributes[$k_agent], attributes[$k_tool],
            attributes[$k_oi_tool])
        WHEN _operation = $o_agent THEN cg_agent_name(coalesce(attributes[$k_agent],
            attributes[$k_oi_agent], attributes[$k_oi_node_name], attributes[$k_oi_node_id],
            attributes[$k_tl_entity], attributes[$k_agno_team],
            CASE WHEN _oi = 'AGENT'
                THEN nullif(regexp_replace(name, $re_method_suffix, ''), '') END,
            regexp_replace(regexp_replace(name, $re_op_prefix, ''), $re_tl_suffix, '')))
        ELSE coalesce(attributes[$k_agent], attributes[$k_oi_agent],
            attributes[$k_oi_node_name], attributes[$k_oi_node_id], attributes[$k_tl_entity],
            attributes[$k_guard_name], _eval[1].attributes[$k_eval_name],
            regexp_replace(regexp_replace(name, $re_op_prefix, ''), $re_tl_suffix, ''))
    END AS agent,
    CASE
        WHEN list_contains($actors, lower(attributes[$k_actor])) THEN lower(attributes[$k_actor])
        WHEN _operation = $o_tool THEN $a_tool
        WHEN _operation = $o_agent THEN $a_model
        WHEN _operation = $o_verify AND (_oi = 'GUARDRAIL' OR _ao = 'guardrail'
             OR attributes[$k_guard_name] IS NOT NULL) THEN $a_code
        WHEN _operation = $o_verify THEN $a_model
        WHEN _operation IS NULL AND (list_contains($model_ops, _op) OR _oi = 'LLM'
             OR _tl = 'llm' OR _ao = 'llm') THEN $a_model
    END AS actor,
    _is_error AS is_error,
    CASE WHEN _is_error THEN coalesce(attributes[$k_error_type], _exc[1].attributes[$k_exc_type],
        attributes[$k_exc_type]) END AS error_type,
    CASE WHEN _operation = $o_handoff THEN coalesce(_hsource_named, attributes[$k_ao_from])
        END AS handoff_source,
    CASE WHEN _operation = $o_handoff THEN _htarget END AS handoff_target,
    cg_text_list(attributes[$k_violations]) AS violations,
    CASE
        WHEN list_contains($accept_words, _verdict_raw) THEN $v_accept
        WHEN list_contains($reject_words, _verdict_raw) THEN $v_reject
    END AS verdict,
    TRY_CAST(attributes[$k_attempt] AS INTEGER) AS attempt,
    CASE WHEN list_contains($outcomes, lower(attributes[$k_outcome]))
        THEN lower(attributes[$k_outcome]) END AS outcome,
    attributes[$k_outcome_reason] AS outcome_reason,
    cg_try_hex_id(attributes[$k_outcome_trace], 32) AS outcome_trace_id,
    cg_text_list(attributes[$k_plan_assignees]) AS plan_assignees,
    nullif(list_concat(
        list_transform(coalesce(cg_text_list(attributes[$k_plan_unassigned]), []),
                       lambda x: $d_unassigned || x),
        list_transform(coalesce(cg_text_list(attributes[$k_plan_duplicates]), []),
                       lambda x: $d_duplicate || x),
        list_transform(coalesce(cg_text_list(attributes[$k_plan_overlaps]), []),
                       lambda x: $d_overlap || x)), []) AS plan_defects
FROM c
"""

#: Columns of ``spans`` in the order NORMALIZE_SQL returns them.
SPAN_COLUMNS: Final = (
    "trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns, status, "
    "status_message, attributes, events, links, source, operation, stage, agent, actor, "
    "is_error, error_type, handoff_source, handoff_target, violations, verdict, attempt, "
    "outcome, outcome_reason, outcome_trace_id, plan_assignees, plan_defects"
)


def normalize_sql(source: str) -> str:
    """NORMALIZE_SQL over the fixed staging relation ``source`` (SQL text owned by
    the ingest modules, never user input)."""
    return _NORMALIZE_TEMPLATE.replace("{source}", source)


NORMALIZE_SQL: Final = normalize_sql("SELECT * FROM cg_stage")

#: Macros NORMALIZE_SQL relies on (temporary, created on every connection).
MACROS_SQL: Final = """
-- An agent's name is the name before a parenthesised qualifier: the roles
-- "Orchestrator (thought)" and "Orchestrator (-> WebSurfer)" are turns of one agent,
-- Orchestrator. A name that is only a parenthesis stays as it is.
CREATE OR REPLACE TEMP MACRO cg_agent_name(n) AS
    CASE WHEN NOT contains(n, '(') THEN n  -- the common case, without a regular expression
         WHEN regexp_matches(n, '^\\s*[^\\s(][^(]*?\\s*\\([^()]*\\)\\s*$')
         THEN regexp_extract(n, '^\\s*([^\\s(][^(]*?)\\s*\\([^()]*\\)\\s*$', 1)
         ELSE n END;
CREATE OR REPLACE TEMP MACRO cg_text_list(t) AS
    CASE WHEN t IS NULL THEN NULL
         WHEN json_valid(t) AND starts_with(ltrim(t), '[')
             THEN CAST(from_json(t, '["VARCHAR"]') AS VARCHAR[])
         ELSE [t] END;
CREATE OR REPLACE TEMP MACRO cg_try_hex_id(x, n) AS
    CASE WHEN x IS NOT NULL AND length(x) <= n AND regexp_full_match(x, '[0-9a-fA-F]+')
         THEN lpad(lower(x), n, '0')
         WHEN x IS NOT NULL AND length(x) > 2
              AND octet_length(try(from_base64(x))) BETWEEN 1 AND n // 2
         THEN lpad(lower(hex(from_base64(x))), n, '0') END;
"""
