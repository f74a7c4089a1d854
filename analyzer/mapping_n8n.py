"""n8n's own OpenTelemetry spans onto the span contract.

n8n (>= 2.19, ``N8N_OTEL_ENABLED=true``) emits one ``workflow.execute`` span per
execution and one ``node.execute`` span per node run under it, with
``n8n.workflow.*``, ``n8n.execution.*`` and ``n8n.node.*`` attributes (names as in
n8n's ``otel.constants``; checked against n8n 2.41.1). After the generic
normalization (:mod:`analyzer.mapping`) these statements, run at ingest:

1. make the execution span the run: named after the workflow, failed when
   ``n8n.execution.status`` is ``error``/``failed``/``crashed`` (error type from
   ``n8n.execution.error_type``);
2. make each node run an agent step, named after the node, whose actor follows
   the node type (:data:`NODE_ROLES`): AI Agent and LLM chain nodes are models,
   HTTP Request and tool nodes are tools (operation ``tool``), Code and data
   nodes code, IF/Switch/Filter routing (code), Wait/Form human. A node's error
   (status ERROR, ``exception`` event) is already an error on that span;
3. add one handoff span between consecutive node runs of an execution (by start
   time), carrying the items out of the source and into the target; a target
   that received no item from a source that produced some records a
   ``lost_work`` violation. These spans get a deterministic id, so ingesting
   again adds nothing.

Every key and value reaches the SQL as a bound parameter.
"""

from __future__ import annotations

import re
from typing import Any, Final

from analyzer import queries
from tracer import semconv

__all__ = ["N8N_SQL", "NODE_ROLES", "node_role", "params"]

# --- n8n's keys and span names (n8n's packages/cli otel.constants) -----------------
N8N_WORKFLOW_SPAN: Final = "workflow.execute"
N8N_NODE_SPAN: Final = "node.execute"
N8N_WORKFLOW_NAME: Final = "n8n.workflow.name"
N8N_WORKFLOW_ID: Final = "n8n.workflow.id"
N8N_EXECUTION_ID: Final = "n8n.execution.id"
N8N_EXECUTION_STATUS: Final = "n8n.execution.status"
N8N_EXECUTION_ERROR_TYPE: Final = "n8n.execution.error_type"
N8N_NODE_NAME: Final = "n8n.node.name"
N8N_NODE_ID: Final = "n8n.node.id"
N8N_NODE_TYPE: Final = "n8n.node.type"
N8N_ITEMS_INPUT: Final = "n8n.node.items.input"
N8N_ITEMS_OUTPUT: Final = "n8n.node.items.output"

#: n8n execution statuses that fail the run
FAILED_STATUSES: Final = ("error", "failed", "crashed")

_LC = "@n8n/n8n-nodes-langchain."
_BASE = "n8n-nodes-base."

#: (role, actor, exact node types); a type not listed is matched by the patterns
#: below, then defaults to a tool (an n8n integration node calls an outside service).
NODE_ROLES: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    (
        "agent",
        semconv.ACTOR_MODEL,
        tuple(
            _LC + t
            for t in (
                "agent",
                "agentTool",
                "chainLlm",
                "chainRetrievalQa",
                "chainSummarization",
                "openAi",
                "informationExtractor",
                "textClassifier",
                "sentimentAnalysis",
            )
        ),
    ),  # fmt: skip
    ("routing", semconv.ACTOR_CODE, tuple(_BASE + t for t in ("if", "switch", "filter"))),
    (
        "human",
        semconv.ACTOR_HUMAN,
        (_BASE + "wait", _BASE + "form", _BASE + "formTrigger", _LC + "chat"),
    ),
    ("tool", semconv.ACTOR_TOOL, (_BASE + "httpRequest",)),
    (
        "code",
        semconv.ACTOR_CODE,
        tuple(
            _BASE + t
            for t in (
                "code",
                "function",
                "functionItem",
                "set",
                "merge",
                "splitOut",
                "aggregate",
                "itemLists",
                "renameKeys",
                "noOp",
                "splitInBatches",
                "removeDuplicates",
                "sort",
                "limit",
                "summarize",
                "dateTime",
                "crypto",
                "xml",
                "html",
                "markdown",
                "compareDatasets",
                "executionData",
                "respondToWebhook",
                "webhook",
                "manualTrigger",
                "scheduleTrigger",
                "executeWorkflow",
                "executeWorkflowTrigger",
            )
        )
        + (_LC + "code",),
    ),  # fmt: skip
)

# type patterns for the unlisted: LLM model nodes, tool nodes, triggers
_RE_MODEL = r"^@n8n/n8n-nodes-langchain\.lm"
_RE_TOOL = r"(^@n8n/n8n-nodes-langchain\.(tool|mcpClientTool))|Tool$"
_RE_TRIGGER = r"Trigger$"


def node_role(node_type: str) -> tuple[str, str]:
    """``(role, actor)`` of an n8n node type, as the SQL decides it (for readers, tests)."""
    for role, actor, types in NODE_ROLES:
        if node_type in types:
            return role, actor
    if re.search(_RE_MODEL, node_type):
        return "agent", semconv.ACTOR_MODEL
    if re.search(_RE_TOOL, node_type):
        return "tool", semconv.ACTOR_TOOL
    if re.search(_RE_TRIGGER, node_type):
        return "code", semconv.ACTOR_CODE
    return "tool", semconv.ACTOR_TOOL


def _types(role: str) -> list[str]:
    return [t for r, _a, types in NODE_ROLES if r == role for t in types]


_PARAMS: dict[str, Any] = {
    "n8n_wf_span": N8N_WORKFLOW_SPAN,
    "n8n_node_span": N8N_NODE_SPAN,
    "n8n_wf_name": N8N_WORKFLOW_NAME,
    "n8n_wf_id": N8N_WORKFLOW_ID,
    "n8n_exec_id": N8N_EXECUTION_ID,
    "n8n_status": N8N_EXECUTION_STATUS,
    "n8n_error_type": N8N_EXECUTION_ERROR_TYPE,
    "n8n_node_name": N8N_NODE_NAME,
    "n8n_node_id": N8N_NODE_ID,
    "n8n_node_type": N8N_NODE_TYPE,
    "n8n_in": N8N_ITEMS_INPUT,
    "n8n_out": N8N_ITEMS_OUTPUT,
    "n8n_failed": list(FAILED_STATUSES),
    "n8n_format": "n8n",  # analyzer.formats.N8N (not imported: formats imports this module)
    "t_model": _types("agent"),
    "t_routing": _types("routing"),
    "t_human": _types("human"),
    "t_tool": _types("tool"),
    "t_code": _types("code"),
    "re_model": _RE_MODEL,
    "re_tool": _RE_TOOL,
    "re_trigger": _RE_TRIGGER,
    "a_model": semconv.ACTOR_MODEL,
    "a_human": semconv.ACTOR_HUMAN,
    "a_tool": semconv.ACTOR_TOOL,
    "a_code": semconv.ACTOR_CODE,
    "s_generation": semconv.STAGE_GENERATION,
    "s_handoff": semconv.STAGE_HANDOFF,
    "k_h_source": semconv.HANDOFF_SOURCE,
    "k_h_target": semconv.HANDOFF_TARGET,
    "k_items_out": semconv.HANDOFF_ITEMS_OUT,
    "k_items_in": semconv.HANDOFF_ITEMS_IN,
    "lost_work": semconv.VIOLATION_LOST_WORK + ": ",
}


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones): the
    mapping's own and the vocabulary's (:func:`analyzer.queries.bind`)."""
    return queries.bind(statement, _PARAMS)


_RUNS = """
UPDATE spans SET operation = $o_workflow, stage = NULL, actor = NULL,
    agent = coalesce(attributes[$n8n_wf_name], attributes[$n8n_wf_id], agent),
    is_error = is_error OR list_contains($n8n_failed, lower(attributes[$n8n_status])),
    error_type = CASE
        WHEN is_error OR list_contains($n8n_failed, lower(attributes[$n8n_status]))
        THEN coalesce(attributes[$n8n_error_type], error_type) END
WHERE name = $n8n_wf_span AND attributes[$n8n_exec_id] IS NOT NULL
"""

_NODES = """
UPDATE spans SET
    operation = CASE WHEN r.actor = $a_tool THEN $o_tool ELSE $o_agent END,
    stage = $s_generation, actor = r.actor,
    agent = coalesce(spans.attributes[$n8n_node_name], spans.attributes[$n8n_node_id], spans.agent)
FROM (
    SELECT trace_id, span_id, CASE
        WHEN t = '' THEN NULL  -- type unknown (n8n execute --rawOutput): no guess
        WHEN list_contains($t_model, t) THEN $a_model
        WHEN list_contains($t_routing, t) OR list_contains($t_code, t) THEN $a_code
        WHEN list_contains($t_human, t) THEN $a_human
        WHEN list_contains($t_tool, t) THEN $a_tool
        WHEN regexp_matches(t, $re_model) THEN $a_model
        WHEN regexp_matches(t, $re_tool) THEN $a_tool
        WHEN regexp_matches(t, $re_trigger) THEN $a_code
        ELSE $a_tool END AS actor
    FROM (SELECT trace_id, span_id, coalesce(attributes[$n8n_node_type], '') AS t FROM spans
          WHERE name = $n8n_node_span AND attributes[$n8n_node_name] IS NOT NULL)
) AS r
WHERE spans.trace_id = r.trace_id AND spans.span_id = r.span_id
"""

_HANDOFFS = """
INSERT INTO spans (trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns,
    status, attributes, events, links, source, operation, stage, is_error,
    handoff_source, handoff_target, violations)
SELECT trace_id,
    substr(md5(trace_id || prev_id || span_id), 1, 16),
    parent_span_id,
    'handoff ' || prev_agent || ' -> ' || agent, 'INTERNAL', service,
    least(prev_end, start_ns), start_ns, 'UNSET',
    MAP([$k_h_source, $k_h_target, $k_items_out, $k_items_in],
        [prev_agent, agent, coalesce(CAST(items_out AS VARCHAR), ''),
         coalesce(CAST(items_in AS VARCHAR), '')]),
    CAST('[]' AS JSON), CAST('[]' AS JSON), source, $o_handoff, $s_handoff, false,
    prev_agent, agent,
    CASE WHEN items_out > 0 AND items_in = 0 THEN
        [$lost_work || prev_agent || ' produced ' || items_out || ' item(s), ' || agent
         || ' received none'] END
FROM (
    SELECT trace_id, span_id, parent_span_id, service, start_ns, source, agent,
        TRY_CAST(attributes[$n8n_in] AS BIGINT) AS items_in,
        lag(span_id) OVER w AS prev_id, lag(agent) OVER w AS prev_agent,
        lag(end_ns) OVER w AS prev_end,
        lag(TRY_CAST(attributes[$n8n_out] AS BIGINT)) OVER w AS items_out
    FROM spans
    WHERE name = $n8n_node_span AND attributes[$n8n_node_name] IS NOT NULL
      -- execution data names each handoff exactly (analyzer.formats.n8n): no inference
      AND source IS DISTINCT FROM $n8n_format
    WINDOW w AS (PARTITION BY trace_id, parent_span_id ORDER BY start_ns, end_ns, span_id)
) AS pairs
WHERE prev_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM spans x  -- already derived (the mapping is idempotent)
                  WHERE x.trace_id = pairs.trace_id
                    AND x.span_id = substr(md5(pairs.trace_id || pairs.prev_id
                                               || pairs.span_id), 1, 16))
"""

#: run in order after :data:`analyzer.relations.LINK_SQL`; each is idempotent
N8N_SQL: Final = (_RUNS, _NODES, _HANDOFFS)
