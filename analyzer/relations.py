"""Relations between spans, filled after the rows are in (:func:`analyzer.ingest.link_spans`
runs these statements, bound by :func:`analyzer.mapping.params` and a bucket number): a
handoff's missing source, and tool calls that invoke another agent."""

from __future__ import annotations

from typing import Final

import duckdb

from analyzer import mapping

__all__ = ["LINK_BUCKET_SPANS", "LINK_SQL", "link"]

# A bucket of the traces at a time ($bucket of $buckets, so that the walk up the tree
# stays in memory): (1) a handoff that named only its target takes as source the
# nearest agent above it; (2) a tool call under agent B whose subtree runs agent A
# (!= B), no other agent between, is the handoff B -> A (an agent invoked through an
# MCP tool); (3) a tool call under agent B during which agent A (!= B) ran beside it
# under B is the handoff B -> A (Agno's delegation tool under OpenInference: the
# member's run is the call's sibling).
LINK_SQL: Final = (
    """
UPDATE spans AS h SET handoff_source = anc.agent
FROM (
    WITH RECURSIVE up(trace_id, span_id, cur, depth, agent) AS (
        SELECT trace_id, span_id, parent_span_id, 0, NULL::VARCHAR FROM spans
        WHERE operation = $o_handoff AND handoff_source IS NULL
          AND hash(trace_id) % $buckets = $bucket
        UNION ALL
        SELECT up.trace_id, up.span_id, p.parent_span_id, up.depth + 1,
               CASE WHEN p.operation = $o_agent THEN p.agent END
        FROM up JOIN spans AS p ON p.trace_id = up.trace_id AND p.span_id = up.cur
        WHERE up.agent IS NULL AND up.depth < 16 AND hash(p.trace_id) % $buckets = $bucket
    )
    SELECT trace_id, span_id, any_value(agent) AS agent FROM up
    WHERE agent IS NOT NULL GROUP BY trace_id, span_id
) AS anc
WHERE h.trace_id = anc.trace_id AND h.span_id = anc.span_id
""",
    """
UPDATE spans AS t SET operation = $o_handoff, stage = $s_handoff, actor = $a_tool,
    handoff_source = found.source, handoff_target = found.target
FROM (
    WITH RECURSIVE up(trace_id, start_id, cur, depth, target, tool_id, source, done) AS (
        SELECT trace_id, span_id, parent_span_id, 0, agent, NULL::VARCHAR, NULL::VARCHAR, FALSE
        FROM spans WHERE operation = $o_agent AND parent_span_id IS NOT NULL
          AND hash(trace_id) % $buckets = $bucket
        UNION ALL
        SELECT up.trace_id, up.start_id, p.parent_span_id, up.depth + 1, up.target,
               CASE WHEN up.tool_id IS NULL AND p.operation = $o_tool THEN p.span_id
                    ELSE up.tool_id END,
               CASE WHEN p.operation = $o_agent THEN p.agent END,
               -- a nested workflow between the agent and the tool that runs it (Google
               -- ADK's AgentTool opens one) is passed through
               coalesce(p.operation IN ($o_agent, $o_handoff, $o_plan, $o_verify)
                        OR (p.operation = $o_workflow
                            AND (p.parent_span_id IS NULL OR up.tool_id IS NOT NULL)), FALSE)
        FROM up JOIN spans AS p ON p.trace_id = up.trace_id AND p.span_id = up.cur
        WHERE NOT up.done AND up.depth < 16 AND hash(p.trace_id) % $buckets = $bucket
    )
    SELECT trace_id, tool_id, any_value(source) AS source, any_value(target) AS target
    FROM up
    WHERE done AND tool_id IS NOT NULL AND source IS NOT NULL AND source <> target
    GROUP BY trace_id, tool_id
) AS found
WHERE t.trace_id = found.trace_id AND t.span_id = found.tool_id AND t.operation = $o_tool
""",
    """
UPDATE spans AS t SET operation = $o_handoff, stage = $s_handoff, actor = $a_tool,
    handoff_source = ran.source, handoff_target = ran.target
FROM (
    SELECT t.trace_id, t.span_id, any_value(p.agent) AS source, any_value(a.agent) AS target
    FROM spans t
    JOIN spans p ON p.trace_id = t.trace_id AND p.span_id = t.parent_span_id
    JOIN spans a ON a.trace_id = t.trace_id AND a.parent_span_id = t.parent_span_id
    WHERE t.operation = $o_tool AND p.operation = $o_agent AND a.operation = $o_agent
      AND a.start_ns >= t.start_ns AND a.end_ns <= t.end_ns AND a.agent <> p.agent
      AND hash(t.trace_id) % $buckets = $bucket
    GROUP BY t.trace_id, t.span_id
    -- one agent ran during the call: several (a tool that waited on a parallel
    -- team) is no delegation to any one of them
    HAVING count(DISTINCT a.agent) = 1
) AS ran
WHERE t.trace_id = ran.trace_id AND t.span_id = ran.span_id AND t.operation = $o_tool
""",
)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Run :data:`LINK_SQL` over the store, a bucket of traces at a time; idempotent."""
    buckets = _buckets(con)
    for statement in LINK_SQL:
        bound = mapping.params(statement)
        for bucket in range(buckets):
            con.execute(statement, {**bound, "buckets": buckets, "bucket": bucket})


LINK_BUCKET_SPANS: Final = 1_000_000
"""Spans a :data:`LINK_SQL` statement walks at a time (10M at once ran out of memory)."""


def _buckets(con: duckdb.DuckDBPyConnection) -> int:
    """Buckets of traces for :data:`LINK_SQL`: one a :data:`LINK_BUCKET_SPANS` spans."""
    row = con.execute("SELECT count(*) FROM spans").fetchone()
    spans = int(row[0]) if row else 0
    return max(1, -(-spans // LINK_BUCKET_SPANS))
