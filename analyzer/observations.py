"""What a model call got back where no tool span recorded it.

Some instrumentations record an agent's model calls but not the tools it runs between
them (OpenInference's CrewAI and OpenAI instrumentors on CrewAI 1.6: CrewAI runs a
tool inside its ReAct loop, outside anything they wrap). What the tool returned then
lies only in the next call's input: the history it sends again, with the tool's
result after what the previous call said (``Observation: ...``, or a tool message).

After the spans are in (:func:`link`), for two consecutive model calls of one agent
span (the same parent, an agent's), where the trace records no tool call or handoff
between them and content was captured: the messages the later call was sent beyond
the earlier call's, less what the earlier call said, are what came back. They become
a derived tool span (``source = 'derived'``, deterministic id, so re-linking never
duplicates it) between the two calls, under the agent's span, whose output is that
text: a tool turn of the earlier call, as a recorded tool span would be.

Structure only: message order and the calls' own text; no wording is read. Where the
later call's history is not the earlier one's with messages added (a window that
dropped some), the text left is what the later call was sent anew, as before.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import content, queries
from tracer import semconv

__all__ = ["LINK_SQL", "OBSERVATION", "link", "params"]

OBSERVATION: Final = "observation"
"""The name of a derived span holding what a call got back."""

_PARAMS: dict[str, Any] = {
    "derived": semconv.SOURCE_DERIVED,
    "observation": OBSERVATION,
    "k_derived": semconv.HANDOFF_DERIVED,
    "derived_how": "a model call's input beyond its agent's previous call's",
}
"""The mapping's own bound values; the vocabulary's (operations, actors, stages,
content directions) come with :func:`analyzer.queries.bind`."""

LINK_SQL: Final = (
    """
CREATE OR REPLACE TEMP TABLE cg_obs_pairs AS
WITH calls AS (
    SELECT s.trace_id, s.span_id, s.parent_span_id, s.service, s.start_ns, s.end_ns,
           lag(s.span_id) OVER w AS prev_id, lag(s.start_ns) OVER w AS prev_start,
           lag(s.end_ns) OVER w AS prev_end
    FROM spans s
    SEMI JOIN (SELECT DISTINCT trace_id FROM content) c ON c.trace_id = s.trace_id
    WHERE s.actor = $a_model AND s.operation IS NULL AND s.parent_span_id IS NOT NULL
      AND s.source IS DISTINCT FROM $derived
    WINDOW w AS (PARTITION BY s.trace_id, s.parent_span_id ORDER BY s.start_ns, s.span_id)
)
SELECT c.* FROM calls c
JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
WHERE c.prev_id IS NOT NULL AND p.operation = $o_agent
  -- a tool call or handoff recorded between the two calls says what came back itself
  AND NOT EXISTS (SELECT 1 FROM spans t
                  WHERE t.trace_id = c.trace_id AND t.operation IN ($o_tool, $o_handoff)
                    AND t.start_ns >= c.prev_start AND t.start_ns <= c.start_ns)
""",
    """
CREATE OR REPLACE TEMP TABLE cg_obs_seen AS
WITH msgs AS (
    SELECT c.trace_id, c.span_id, c.text,
           row_number() OVER (PARTITION BY c.trace_id, c.span_id ORDER BY c.seq) AS idx
    FROM content c
    SEMI JOIN (SELECT trace_id, span_id FROM cg_obs_pairs
               UNION ALL SELECT trace_id, prev_id FROM cg_obs_pairs) k
        ON k.trace_id = c.trace_id AND k.span_id = c.span_id
    WHERE c.direction = $d_input AND c.role IS NOT NULL
),
counted AS (SELECT trace_id, span_id, count(*) AS n FROM msgs GROUP BY ALL),
said AS (
    SELECT c.trace_id, c.span_id, string_agg(c.text, chr(10) ORDER BY c.seq) AS text
    FROM content c
    SEMI JOIN cg_obs_pairs k ON k.trace_id = c.trace_id AND k.prev_id = c.span_id
    WHERE c.direction = $d_output AND c.role IS NOT NULL
    GROUP BY ALL
),
fresh AS (
    SELECT k.trace_id, k.span_id, k.prev_id, k.parent_span_id, k.service, k.start_ns,
           k.prev_end, string_agg(m.text, chr(10) ORDER BY m.idx) AS text
    FROM cg_obs_pairs k
    JOIN msgs m ON m.trace_id = k.trace_id AND m.span_id = k.span_id
    LEFT JOIN counted n ON n.trace_id = k.trace_id AND n.span_id = k.prev_id
    WHERE m.idx > coalesce(n.n, 0)
    GROUP BY ALL
)
SELECT f.trace_id, substr(md5(f.trace_id || f.prev_id || f.span_id), 1, 16) AS span_id,
       f.parent_span_id, f.service, least(f.prev_end, f.start_ns) AS start_ns,
       f.start_ns AS end_ns,
       -- what the earlier call said, sent back in the history, is no news
       regexp_replace(replace(f.text, coalesce(s.text, chr(0)), ''), '^\\s+|\\s+$', '', 'g')
           AS observed
FROM fresh f
LEFT JOIN said s ON s.trace_id = f.trace_id AND s.span_id = f.prev_id
""",
    """
INSERT INTO spans (trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns,
                   status, attributes, events, links, source, operation, stage, actor,
                   is_error)
SELECT trace_id, span_id, parent_span_id, $observation, 'INTERNAL', service, start_ns, end_ns,
       'UNSET', MAP([$k_derived], [$derived_how]), '[]'::JSON, '[]'::JSON, $derived, $o_tool,
       $s_generation, $a_tool, false
FROM cg_obs_seen x
WHERE length(observed) > 0
  AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.trace_id = x.trace_id AND d.span_id = x.span_id)
""",
    """
INSERT INTO content (trace_id, span_id, direction, role, seq, text)
SELECT trace_id, span_id, $d_output, $observation, 1, observed
FROM cg_obs_seen x
WHERE length(observed) > 0
  AND NOT EXISTS (SELECT 1 FROM content d WHERE d.trace_id = x.trace_id AND d.span_id = x.span_id)
""",
    "DROP TABLE IF EXISTS cg_obs_seen",
    "DROP TABLE IF EXISTS cg_obs_pairs",
)


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones)."""
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Derive what model calls got back where no tool span recorded it (module
    docstring); idempotent, a no-op on stores without content."""
    if not content.has_content_table(con):
        return
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
