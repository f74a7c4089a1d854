"""Agents that no span names: the spans that hold a run's model calls.

Some instrumentations record an agent's run as a plain span (OpenInference's Haystack
instrumentor: a CHAIN span ``Agent.run`` per agent, its model calls and its tools'
components under it, an agent run as another agent's tool directly under the caller's,
no AGENT or TOOL span and no agent name anywhere). Where a run has OpenInference model
calls (``LLM`` spans) and no span any mapping made an agent, planner or verifier, after
the spans are in (:func:`link`), in this order:

1. every span of no operation that is the direct parent of a model call becomes an
   agent span. Its name is the one its first call's system prompt gives it ("You are
   records_clerk ...", :data:`YOU_ARE`; a plain word, "You are coder ...", where the
   tool it was called as ends in it, ``ask_coder``); else the tool its caller asked
   for: the latest model call before it under the same parent that made a tool call
   (an agent run as a tool, Haystack's ``AgentTool``); else the span's own name (the
   run's first agent);
2. every other span of no operation under such an agent that starts after one of the
   agent's model calls made a tool call, and holds no model call itself, becomes a
   tool span named after the latest such call's tool (the component that ran it).

Structure, the calls' recorded tool names and how a system prompt names its agent;
no other wording is read. An agent whose prompt names no one and that was called as a
tool ``ask_coder`` is named ``ask_coder``: the trace says no more.
Idempotent: once the run has agents, linking again changes nothing. OpenInference's
keys send a trace to the local mapping under the ClickHouse source
(:mod:`analyzer.sources.keys`), so both stores give such runs the same agents.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import queries
from analyzer.mapping import OPENINFERENCE_SPAN_KIND
from tracer import semconv

__all__ = ["LINK_SQL", "YOU_ARE", "link", "params"]

YOU_ARE: Final = r"(?:^|\W)You are ([A-Z][\w-]*(?: [A-Z][\w-]*)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b"
"""How a system prompt names the agent it instructs ("You are records_clerk ...", "You are
Data Analyst."): a capitalised name or a snake_case one; "You are a helpful ..." names
no one."""

_PARAMS: dict[str, Any] = {
    "derived": semconv.SOURCE_DERIVED,
    "k_oi_out_prefix": semconv.OPENINFERENCE_OUTPUT_MESSAGES + ".",
    "re_oi_call_name": r"\.message\.tool_calls\.\d+\.tool_call\.function\.name$",
    "k_oi_kind": OPENINFERENCE_SPAN_KIND,
    "k_oi_first_role": semconv.OPENINFERENCE_INPUT_MESSAGES + ".0.message.role",
    "k_oi_first_text": semconv.OPENINFERENCE_INPUT_MESSAGES + ".0.message.content",
    "re_you_are": YOU_ARE,
    "re_you_are_word": r"(?:^|\W)You are ([a-z][a-z0-9]*)\b",
}
"""The mapping's own bound values; the vocabulary's come with :func:`analyzer.queries.bind`."""

LINK_SQL: Final = (
    # the OpenInference model calls of runs with no agent, planner or verifier span,
    # with the first tool each asked for and how its system prompt names its agent
    # (the runs with such calls first: on a store without any, nothing else is read)
    """
CREATE OR REPLACE TEMP TABLE cg_un_calls AS
WITH calls AS (
    SELECT trace_id, span_id, parent_span_id, start_ns, attributes,
           CASE WHEN attributes[$k_oi_first_role] = 'system'
                THEN coalesce(attributes[$k_oi_first_text], '') ELSE '' END AS prompt
    FROM spans
    WHERE actor = $a_model AND operation IS NULL AND source IS DISTINCT FROM $derived
      AND upper(attributes[$k_oi_kind]) = 'LLM'
),
runs AS (
    SELECT DISTINCT trace_id FROM calls
    WHERE trace_id NOT IN (SELECT trace_id FROM spans
                           WHERE operation IN ($o_agent, $o_plan, $o_verify)
                             AND trace_id IN (SELECT trace_id FROM calls))
)
SELECT c.trace_id, c.span_id, c.parent_span_id, c.start_ns,
       c.attributes[list_sort(list_filter(map_keys(c.attributes), lambda k:
           starts_with(k, $k_oi_out_prefix) AND regexp_matches(k, $re_oi_call_name)))[1]]
           AS tool,
       nullif(regexp_extract(c.prompt, $re_you_are, 1), '') AS self_named,
       nullif(regexp_extract(c.prompt, $re_you_are_word, 1), '') AS self_word
FROM calls c
SEMI JOIN runs r ON r.trace_id = c.trace_id
""",
    # 1. the spans holding those calls -> agents, named by the tool they were called as
    """
UPDATE spans AS s SET operation = $o_agent, stage = $s_generation,
    agent = coalesce(h.self_named,
                     CASE WHEN h.called_as = h.self_word
                               OR ends_with(h.called_as, '_' || h.self_word)
                          THEN h.self_word END,
                     h.called_as, s.name)
FROM (
    SELECT p.trace_id, p.span_id,
           (SELECT arg_min(c.self_named, c.start_ns) FROM cg_un_calls c
            WHERE c.trace_id = p.trace_id AND c.parent_span_id = p.span_id) AS self_named,
           (SELECT arg_min(c.self_word, c.start_ns) FROM cg_un_calls c
            WHERE c.trace_id = p.trace_id AND c.parent_span_id = p.span_id) AS self_word,
           (SELECT arg_max(c.tool, c.start_ns) FROM cg_un_calls c
            WHERE c.trace_id = p.trace_id AND c.parent_span_id = p.parent_span_id
              AND c.start_ns <= p.start_ns AND c.tool IS NOT NULL) AS called_as
    FROM spans p
    WHERE (p.trace_id, p.span_id) IN (SELECT (trace_id, parent_span_id) FROM cg_un_calls)
      AND p.operation IS NULL AND p.actor IS DISTINCT FROM $a_model
) h
WHERE s.trace_id = h.trace_id AND s.span_id = h.span_id
""",
    # 2. what ran under such an agent after its call asked for a tool -> that tool
    """
UPDATE spans AS s SET operation = $o_tool, stage = $s_generation, agent = t.tool
FROM (
    SELECT x.trace_id, x.span_id,
           (SELECT arg_max(c.tool, c.start_ns) FROM cg_un_calls c
            WHERE c.trace_id = x.trace_id AND c.parent_span_id = x.parent_span_id
              AND c.start_ns <= x.start_ns AND c.tool IS NOT NULL) AS tool
    FROM spans x
    JOIN spans a ON a.trace_id = x.trace_id AND a.span_id = x.parent_span_id
    WHERE x.operation IS NULL AND x.actor IS NULL AND x.source IS DISTINCT FROM $derived
      AND a.operation = $o_agent
      AND x.trace_id IN (SELECT trace_id FROM cg_un_calls)
      AND (x.trace_id, x.span_id) NOT IN (SELECT (trace_id, parent_span_id) FROM cg_un_calls)
) t
WHERE s.trace_id = t.trace_id AND s.span_id = t.span_id AND t.tool IS NOT NULL
""",
    "DROP TABLE IF EXISTS cg_un_calls",
)


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones)."""
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Make agents and tools of the spans holding unnamed agents' model calls (module
    docstring); a no-op on stores where every run with model calls has an agent."""
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
