"""LangGraph graphs traced by other instrumentations: nodes, graph runs and handoffs.

OpenInference's and OpenLLMetry's LangChain instrumentors record a LangGraph node
run as a plain chain/task span. What makes it a node is LangGraph's own run
metadata, which both keep: ``langgraph_node`` (the node's name), ``langgraph_step``
(the superstep it ran in) and ``langgraph_triggers`` (``__pregel_push`` for a task
a ``Send`` started). OpenInference writes it as JSON under ``metadata``,
OpenLLMetry as ``traceloop.association.properties.langgraph_*`` attributes. Both
record the node's input and output state (``input.value``/``output.value``;
``traceloop.entity.input``/``.output`` wrapped in ``inputs``/``outputs``).

After the spans are in (:func:`link`), in this order:

0. a subgraph run inside a node (``langgraph_checkpoint_ns`` ``clerk:1|agent:2``)
   whose model calls all ran in one of its nodes is one agent's loop (a
   ``create_react_agent`` worker: its ``agent`` and ``tools`` nodes): its nodes are
   steps of the node it ran in, not agents, and the subgraph's own run (which carries
   its node's metadata) is no second agent span; a subgraph whose model calls ran in
   several nodes is a team, and its nodes stay agents;
1. a span whose ``langgraph_node`` is its own name (the node's run, not a helper
   that inherits the metadata, such as a router function) becomes an agent span
   named after the node, unless a mapping already gave it an operation; where other
   node runs of its graph run call a model and it calls none (no model call ran in
   it, its subgraphs included), it is a function's work: actor ``tool`` if it ran a
   tool (LangGraph's ``ToolNode``), else ``code`` (a node that runs what an agent wrote);
2. the span that holds those node spans (the graph run) becomes a workflow span,
   as does OpenLLMetry's outer graph span (``gen_ai.workflow.nodes``);
3. each node run gets a handoff from every node of the graph run's previous step
   (LangGraph runs in supersteps: what ran in step k-1 is what triggered step k).
   The handoff is derived (``source = 'derived'``, attribute
   ``coordgap.handoff.derived``), written as a span row with a deterministic id
   so re-linking never duplicates it, and skipped where the trace already holds
   a recorded handoff between the same two agents. Where both states were
   recorded as JSON objects, every key the source read or wrote (a ``Send``
   branch: only what it wrote) that the target received missing or null is a
   ``dropped_key`` violation. A ``Send`` target is not checked: its input is the
   payload the sender chose, which neither instrumentation records.

Keys come from :mod:`tracer.semconv` and reach the SQL as bound parameters.
Known limit: two parallel nodes in one step feeding two different nodes in the
next both hand off to each (the trace does not say which edge was taken).
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import queries
from analyzer.mapping import TRACELOOP_ENTITY_NAME, TRACELOOP_SPAN_KIND
from tracer import semconv

__all__ = ["LINK_SQL", "link", "params"]

_TL = semconv.TRACELOOP_ASSOCIATION_PREFIX

_PARAMS: dict[str, Any] = {
    "k_meta": semconv.OPENINFERENCE_METADATA,
    "k_oi_in": semconv.OPENINFERENCE_INPUT_VALUE,
    "k_oi_out": semconv.OPENINFERENCE_OUTPUT_VALUE,
    "k_tl_node": _TL + semconv.LANGGRAPH_NODE,
    "k_tl_step": _TL + semconv.LANGGRAPH_STEP,
    "k_tl_triggers": _TL + semconv.LANGGRAPH_TRIGGERS,
    "k_tl_ns": _TL + semconv.LANGGRAPH_CHECKPOINT_NS,
    "k_tl_entity": TRACELOOP_ENTITY_NAME,
    "k_tl_kind": TRACELOOP_SPAN_KIND,
    "k_tl_in": semconv.TRACELOOP_ENTITY_INPUT,
    "k_tl_out": semconv.TRACELOOP_ENTITY_OUTPUT,
    "k_wf_nodes": semconv.OPENLLMETRY_WORKFLOW_NODES,
    "k_source": semconv.HANDOFF_SOURCE,
    "k_target": semconv.HANDOFF_TARGET,
    "k_violations": semconv.HANDOFF_VIOLATIONS,
    "k_derived": semconv.HANDOFF_DERIVED,
    "k_integration": semconv.INTEGRATION,
    "lg_node": semconv.LANGGRAPH_NODE,
    "p_node": "$." + semconv.LANGGRAPH_NODE,
    "p_step": "$." + semconv.LANGGRAPH_STEP,
    "p_triggers": "$." + semconv.LANGGRAPH_TRIGGERS,
    "p_ns": "$." + semconv.LANGGRAPH_CHECKPOINT_NS,
    "ns_sep": semconv.LANGGRAPH_NS_SEPARATOR,
    "push": semconv.LANGGRAPH_PUSH,
    "derived": semconv.SOURCE_DERIVED,
    "derived_how": "langgraph steps",
    "framework": "langgraph",
    "s_generation": semconv.STAGE_GENERATION,
    "s_handoff": semconv.STAGE_HANDOFF,
    "dropped": semconv.VIOLATION_DROPPED_KEY + ": ",
    "handoff_prefix": semconv.OP_HANDOFF + " ",
    "a_model": semconv.ACTOR_MODEL,
    "a_tool": semconv.ACTOR_TOOL,
    "a_code": semconv.ACTOR_CODE,
}


# where a span ran in the graph, from its attributes ``{a}``: its node, and its checkpoint
# namespace; the namespace of the subgraph run a nested span ran in ("clerk:1" for
# "clerk:1|agent:2"; NULL at the top level)
_NODE_OF = (
    "coalesce({a}[$k_tl_node], CASE WHEN json_valid({a}[$k_meta])"
    " THEN json_extract_string({a}[$k_meta], $p_node) END)"
)
_NS_OF = (
    "coalesce({a}[$k_tl_ns], CASE WHEN json_valid({a}[$k_meta])"
    " THEN json_extract_string({a}[$k_meta], $p_ns) END)"
)
_OUTER_NS = (
    "CASE WHEN contains(coalesce({ns}, ''), $ns_sep)"
    " THEN {ns}[:length({ns}) - strpos(reverse({ns}), $ns_sep)] END"
)

LINK_SQL: Final = (
    # a JSON object as a map of its members (JSON null -> SQL NULL); NULL otherwise
    """
CREATE OR REPLACE TEMP MACRO cg_json_members(x) AS
    CASE WHEN x IS NOT NULL AND json_valid(x) AND json_type(x) = 'OBJECT'
         THEN json_transform(x, '"MAP(VARCHAR, JSON)"') END
""",
    # a JSON object that is a Command(goto=..., update=...) as the instrumentors
    # serialise it (a node's output counts by its update)
    """
CREATE OR REPLACE TEMP MACRO cg_is_command(x) AS
    x IS NOT NULL AND json_valid(x) AND json_type(x) = 'OBJECT'
    AND json_exists(x, '$.goto') AND json_exists(x, '$.resume')
    AND json_exists(x, '$.update')
""",
    # 0. subgraph runs that are one agent's loop (a create_react_agent inside a node):
    # their model calls all ran in one node. Their nodes (`agent`, `tools`) are steps of
    # the node the subgraph ran in, not agents; a subgraph whose model calls ran in
    # several nodes is a team of its own, and its nodes stay agents
    """
CREATE OR REPLACE TEMP TABLE cg_lg_loops AS
SELECT trace_id, {outer} AS outer_ns
FROM (SELECT trace_id, {node} AS node, {ns} AS ns
      FROM spans
      WHERE source IS DISTINCT FROM $derived AND operation IS NULL AND actor = $a_model)
WHERE contains(coalesce(ns, ''), $ns_sep)
GROUP BY ALL
HAVING count(DISTINCT node) = 1
""".format(
        outer=_OUTER_NS.format(ns="ns"),
        node=_NODE_OF.format(a="attributes"),
        ns=_NS_OF.format(a="attributes"),
    ),
    """
CREATE OR REPLACE TEMP TABLE cg_lg_nodes AS
WITH c AS (
    SELECT trace_id, span_id, parent_span_id, name, service, start_ns, end_ns, operation,
           CASE WHEN json_valid(attributes[$k_meta]) THEN attributes[$k_meta] END AS meta,
           {node} AS node, {ns} AS ns,
           attributes AS a
    FROM spans
    WHERE source IS DISTINCT FROM $derived
      AND (operation IS NULL OR operation IN ($o_agent, $o_workflow))
      AND (attributes[$k_tl_node] IS NOT NULL
           OR contains(coalesce(attributes[$k_meta], ''), $lg_node))
)
SELECT trace_id, span_id, parent_span_id, name, service, start_ns, end_ns, operation,
       node, ns,
       TRY_CAST(coalesce(a[$k_tl_step], json_extract_string(meta, $p_step)) AS INTEGER)
           AS step,
       contains(coalesce(a[$k_tl_triggers], json_extract_string(meta, $p_triggers), ''),
                $push) AS pushed,
       coalesce(cg_json_members(a[$k_oi_in]),
                cg_json_members(CASE WHEN json_valid(a[$k_tl_in])
                                     THEN json_extract_string(a[$k_tl_in], '$.inputs') END))
           AS input,
       cg_json_members(CASE WHEN cg_is_command(out) THEN json_extract_string(out, '$.update')
                            ELSE out END) AS output
FROM (SELECT *, coalesce(a[$k_oi_out], CASE WHEN json_valid(a[$k_tl_out])
                        THEN json_extract_string(a[$k_tl_out], '$.outputs') END) AS out
      FROM c) AS x
WHERE node = coalesce(a[$k_tl_entity], name)
  -- a subgraph run inside its node carries the node's metadata: the node is the agent
  AND NOT EXISTS (SELECT 1 FROM c p WHERE p.trace_id = x.trace_id
                  AND p.span_id = x.parent_span_id AND p.node = x.node
                  AND p.ns IS NOT DISTINCT FROM x.ns
                  AND p.node = coalesce(p.a[$k_tl_entity], p.name))
  AND NOT EXISTS (SELECT 1 FROM cg_lg_loops l
                  WHERE l.trace_id = x.trace_id AND l.outer_ns = {outer})
""".format(
        node=_NODE_OF.format(a="attributes"),
        ns=_NS_OF.format(a="attributes"),
        outer=_OUTER_NS.format(ns="x.ns"),
    ),
    # 2. the graph runs holding node spans, and OpenLLMetry's outer graph span
    """
UPDATE spans AS s SET operation = $o_workflow, stage = NULL, handoff_source = NULL,
    handoff_target = NULL, agent = coalesce(s.agent, s.name)
WHERE (s.operation IS NULL OR lower(s.attributes[$k_tl_kind]) = 'workflow'
       OR s.attributes[$k_wf_nodes] IS NOT NULL)
  AND s.operation IS DISTINCT FROM $o_workflow
  AND (s.attributes[$k_wf_nodes] IS NOT NULL
       OR ((s.trace_id, s.span_id) IN (SELECT (trace_id, parent_span_id) FROM cg_lg_nodes)
           AND (s.trace_id, s.span_id) NOT IN (SELECT (trace_id, span_id) FROM cg_lg_nodes)))
""",
    # 1. node runs -> agents
    """
UPDATE spans AS s SET operation = $o_agent, stage = coalesce(s.stage, $s_generation),
    agent = n.node
FROM cg_lg_nodes n
WHERE s.trace_id = n.trace_id AND s.span_id = n.span_id AND s.operation IS NULL
""",
    # 1b. the model calls and tool runs inside node runs (a span inherits its node's
    # metadata); a node run of a graph whose other node runs call models, that called
    # none itself, is a function's: a tool's where it ran one (a ToolNode), else code's
    """
CREATE OR REPLACE TEMP TABLE cg_lg_work AS
SELECT s.trace_id, {node} AS node, {ns} AS ns,
       s.start_ns, coalesce(s.operation = $o_tool, false) AS is_tool
FROM spans s
WHERE s.source IS DISTINCT FROM $derived
  AND ((s.operation IS NULL AND s.actor = $a_model) OR s.operation = $o_tool)
  AND (s.attributes[$k_tl_node] IS NOT NULL
       OR contains(coalesce(s.attributes[$k_meta], ''), $lg_node))
  AND s.trace_id IN (SELECT trace_id FROM cg_lg_nodes)
""".format(node=_NODE_OF.format(a="s.attributes"), ns=_NS_OF.format(a="s.attributes")),
    """
UPDATE spans AS s SET actor = CASE WHEN w.tools THEN $a_tool ELSE $a_code END
FROM (
    -- per node run: whether it called a model, ran a tool, and whether any node run of
    -- its graph run called a model
    SELECT *, bool_or(calls) OVER (PARTITION BY trace_id, parent_span_id) AS graph_calls
    FROM (
        SELECT n.trace_id, n.span_id, n.parent_span_id,
               bool_or(w.node IS NOT NULL AND NOT w.is_tool) AS calls,
               bool_or(coalesce(w.is_tool, false)) AS tools
        FROM cg_lg_nodes n
        -- what ran in the node's run, in a subgraph of it too (by namespace)
        LEFT JOIN cg_lg_work w ON w.trace_id = n.trace_id
         AND w.start_ns BETWEEN n.start_ns AND n.end_ns
         AND CASE WHEN w.ns IS NOT NULL AND n.ns IS NOT NULL THEN starts_with(w.ns, n.ns)
                  ELSE w.node = n.node END
        GROUP BY ALL
    )
) w
WHERE s.trace_id = w.trace_id AND s.span_id = w.span_id
  AND s.operation = $o_agent AND s.actor IS NULL AND NOT w.calls AND w.graph_calls
""",
    # 3. derived handoffs from the previous step's nodes, with dropped keys
    """
INSERT INTO spans (trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns,
                   status, attributes, events, links, source, operation, stage,
                   is_error, handoff_source, handoff_target, violations)
WITH prev AS (
    SELECT t.trace_id, t.span_id, max(s.step) AS step
    FROM cg_lg_nodes t JOIN cg_lg_nodes s
      ON s.trace_id = t.trace_id AND s.parent_span_id IS NOT DISTINCT FROM t.parent_span_id
     AND s.step < t.step
    GROUP BY t.trace_id, t.span_id
),
pairs AS (
    SELECT t.trace_id, t.span_id AS t_id, t.parent_span_id, t.node AS target, t.service,
           t.start_ns, t.pushed, t.input, s.span_id AS s_id, s.node AS source, s.end_ns AS s_end,
           -- keys the source read (a Send branch's input is private) or wrote, non-null
           CASE WHEN s.pushed THEN []
                ELSE list_filter(coalesce(map_keys(s.input), []),
                                 lambda k: s.input[k] IS NOT NULL) END
               || list_filter(coalesce(map_keys(s.output), []),
                              lambda k: s.output[k] IS NOT NULL) AS s_keys
    FROM prev p
    JOIN cg_lg_nodes t ON t.trace_id = p.trace_id AND t.span_id = p.span_id
    JOIN cg_lg_nodes s ON s.trace_id = t.trace_id
     AND s.parent_span_id IS NOT DISTINCT FROM t.parent_span_id AND s.step = p.step
),
checked AS (
    SELECT *,
           CASE WHEN pushed OR input IS NULL THEN []
                ELSE list_sort(list_distinct(list_filter(s_keys, lambda k: input[k] IS NULL)))
           END AS dropped
    FROM pairs
),
rows AS (
    SELECT trace_id, substr(md5(trace_id || s_id || t_id), 1, 16) AS span_id, parent_span_id,
           $handoff_prefix || source || ' -> ' || target AS name, service,
           least(s_end, start_ns) AS start_ns, start_ns AS end_ns, source, target,
           list_transform(dropped, lambda k: $dropped || k) AS violations
    FROM checked
)
SELECT r.trace_id, r.span_id, r.parent_span_id, r.name, 'INTERNAL', r.service, r.start_ns,
       r.end_ns, 'UNSET',
       MAP([$k_source, $k_target, $k_violations, $k_derived, $k_integration],
           [r.source, r.target, to_json(r.violations)::VARCHAR, $derived_how, $framework]),
       '[]'::JSON, '[]'::JSON, $derived, $o_handoff, $s_handoff, false, r.source, r.target,
       r.violations
FROM rows r
WHERE NOT EXISTS (SELECT 1 FROM spans x WHERE x.trace_id = r.trace_id AND x.span_id = r.span_id)
  AND NOT EXISTS (SELECT 1 FROM spans x
                  WHERE x.trace_id = r.trace_id AND x.operation = $o_handoff
                    AND x.source IS DISTINCT FROM $derived
                    AND x.handoff_source = r.source AND x.handoff_target = r.target)
""",
    "DROP TABLE IF EXISTS cg_lg_work",
    "DROP TABLE IF EXISTS cg_lg_loops",
    "DROP TABLE IF EXISTS cg_lg_nodes",
)


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones): the
    mapping's own and the vocabulary's (:func:`analyzer.queries.bind`)."""
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Map LangGraph node runs recorded by other instrumentations (module docstring);
    idempotent, a no-op on stores without any."""
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
