"""LlamaIndex's ``AgentWorkflow`` traced by OpenInference's or OpenLLMetry's LlamaIndex
instrumentor.

Both record each workflow step as a span of its own under the workflow's run, all
siblings (OpenInference: a ``CHAIN`` span; OpenLLMetry: an ``AgentWorkflow.task`` span
of kind ``task``): no span and no attribute names an agent. What names the agent whose
turn it is is the step's event: OpenInference records its input event as its repr in
``input.value`` (``AgentSetup(..., current_agent_name='coder')``), OpenLLMetry its
output event as JSON in ``traceloop.entity.output`` (``"current_agent_name":
"coder"``); the step that runs the agent (``run_agent_step``) holds its model calls.
Handing the floor on is LlamaIndex's own ``handoff`` tool, its target the call's
``to_agent`` argument (OpenInference records a tool's arguments as ``{"kwargs": {...}}``
in ``input.value``; OpenLLMetry records a ``FunctionTool.task`` span whose output holds
``tool_name`` and the call's ``raw_input``).

After the spans are in (:func:`link`), in this order:

1. a step span whose event names the current agent and that holds a model call
   becomes that agent's span (operation ``agent``, actor ``model``);
2. a model span inside it that recorded no messages (the model class's helper
   methods, such as ``_prepare_chat_with_tools``, whose output is the prompt it
   built) is no model call: it keeps no actor;
3. OpenLLMetry's ``FunctionTool`` runs become tool calls named by their ``tool_name``;
4. a ``handoff`` tool span becomes a handoff to its ``to_agent``, from the agent whose
   span started last before it.

Keys come from :mod:`tracer.semconv` and reach the SQL as bound parameters.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import queries
from analyzer.mapping import OPENINFERENCE_SPAN_KIND, TRACELOOP_SPAN_KIND
from tracer import semconv

__all__ = ["FUNCTION_TOOL", "HANDOFF_TOOL", "LINK_SQL", "RE_CURRENT_AGENT", "link", "params"]

RE_CURRENT_AGENT: Final = r"current_agent_name['\"]?\s*[=:]\s*['\"]([^'\"]+)['\"]"
"""The agent a LlamaIndex workflow event is for, in the event's repr or JSON (1 = name)."""
HANDOFF_TOOL: Final = "handoff"
"""LlamaIndex's ``AgentWorkflow`` hands the floor on with a tool of this name."""
HANDOFF_TARGET: Final = "$.kwargs.to_agent"
"""The handoff tool call's target, a JSON path into its recorded input (OpenInference)
or into the ``raw_input`` of its recorded output (OpenLLMetry)."""
FUNCTION_TOOL: Final = "FunctionTool.task"
"""OpenLLMetry's span of a LlamaIndex ``FunctionTool`` run."""

_PARAMS: dict[str, Any] = {
    "k_kind": OPENINFERENCE_SPAN_KIND,
    "k_oi_in": semconv.OPENINFERENCE_INPUT_VALUE,
    "k_tl_out": semconv.TRACELOOP_ENTITY_OUTPUT,
    "k_tl_kind": TRACELOOP_SPAN_KIND,
    "function_tool": FUNCTION_TOOL,
    "re_agent": RE_CURRENT_AGENT,
    "handoff_tool": HANDOFF_TOOL,
    "handoff_target": HANDOFF_TARGET,
    # a model span that recorded its messages has one of these
    "message_keys": [
        f"{semconv.OPENINFERENCE_INPUT_MESSAGES}.0.message.role",
        f"{semconv.OPENINFERENCE_OUTPUT_MESSAGES}.0.message.role",
    ],
}
"""The mapping's own bound values; the vocabulary's (operations, actors, stages) come
with :func:`analyzer.queries.bind`."""

LINK_SQL: Final = (
    """
CREATE OR REPLACE TEMP TABLE cg_li_steps AS
SELECT s.trace_id, s.span_id, s.start_ns, regexp_extract(s.said, $re_agent, 1) AS agent
FROM (SELECT *, coalesce(attributes[$k_oi_in], attributes[$k_tl_out], '') AS said
      FROM spans
      WHERE operation IS NULL
        AND (upper(attributes[$k_kind]) = 'CHAIN' OR lower(attributes[$k_tl_kind]) = 'task')
     ) s
WHERE regexp_matches(s.said, $re_agent)
  AND EXISTS (SELECT 1 FROM spans c
              WHERE c.trace_id = s.trace_id AND c.parent_span_id = s.span_id
                AND ((upper(c.attributes[$k_kind]) = 'LLM'
                      AND list_has_any(map_keys(c.attributes), $message_keys))
                     OR (c.actor = $a_model AND c.operation IS NULL)))
""",
    # 1. the agent steps
    """
UPDATE spans AS s SET operation = $o_agent, stage = coalesce(s.stage, $s_generation),
    agent = n.agent, actor = $a_model
FROM cg_li_steps n
WHERE s.trace_id = n.trace_id AND s.span_id = n.span_id AND s.operation IS NULL
""",
    # 2. the model class's helpers inside them
    """
UPDATE spans AS c SET actor = NULL
FROM cg_li_steps n
WHERE c.trace_id = n.trace_id AND c.parent_span_id = n.span_id AND c.actor = $a_model
  AND c.operation IS NULL AND upper(c.attributes[$k_kind]) = 'LLM'
  AND NOT list_has_any(map_keys(c.attributes), $message_keys)
""",
    # 3. OpenLLMetry's FunctionTool runs in those workflows -> tool calls
    """
UPDATE spans AS t SET operation = $o_tool, stage = $s_generation, actor = $a_tool,
    agent = json_extract_string(t.attributes[$k_tl_out], '$.tool_name')
WHERE t.operation IS NULL AND t.name = $function_tool
  AND json_valid(t.attributes[$k_tl_out])
  AND json_extract_string(t.attributes[$k_tl_out], '$.tool_name') IS NOT NULL
  AND t.trace_id IN (SELECT trace_id FROM cg_li_steps)
""",
    # 4. handoff tool calls, from the agent whose step started last before them
    """
UPDATE spans AS t SET operation = $o_handoff, stage = $s_handoff, actor = $a_tool,
    handoff_source = h.source, handoff_target = h.target
FROM (
    SELECT t.trace_id, t.span_id,
           coalesce(CASE WHEN json_valid(t.attributes[$k_oi_in])
                         THEN json_extract_string(t.attributes[$k_oi_in], $handoff_target) END,
                    CASE WHEN json_valid(t.attributes[$k_tl_out])
                         THEN json_extract_string(t.attributes[$k_tl_out],
                                                  '$.raw_input' || substr($handoff_target, 2))
                    END) AS target,
           arg_max(n.agent, n.start_ns) AS source
    FROM spans t JOIN cg_li_steps n ON n.trace_id = t.trace_id AND n.start_ns <= t.start_ns
    WHERE t.operation = $o_tool AND t.agent = $handoff_tool
    GROUP BY t.trace_id, t.span_id, target
    HAVING target IS NOT NULL
) AS h
WHERE t.trace_id = h.trace_id AND t.span_id = h.span_id
""",
    "DROP TABLE IF EXISTS cg_li_steps",
)


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones)."""
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Map LlamaIndex agent workflows recorded by OpenInference (module docstring);
    idempotent, a no-op on stores without any."""
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
