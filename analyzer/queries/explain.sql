-- Runs, for `coordgap explain`, Analysis.run_spans() and the report's example runs.

-- name: run_spans
-- The spans of every trace in $trace_ids (one scan of the spans, however many) with
-- their depth below their trace's roots (spans whose parent is missing count as roots;
-- spans caught in a parent cycle get depth 0): trace_id first, by trace, then by
-- start time.
WITH RECURSIVE
s AS MATERIALIZED (
    SELECT trace_id, span_id, parent_span_id, name, operation, stage, agent, actor, start_ns,
           end_ns, is_error, error_type, verdict, violations
    FROM spans WHERE list_contains($trace_ids::VARCHAR[], trace_id)
),
roots AS (
    SELECT c.trace_id, c.span_id FROM s c
    LEFT JOIN s p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
    WHERE p.span_id IS NULL
),
t(trace_id, span_id, depth) AS (
    SELECT trace_id, span_id, 0 FROM roots
    UNION ALL
    SELECT c.trace_id, c.span_id, t.depth + 1 FROM t
    JOIN s c ON c.trace_id = t.trace_id AND c.parent_span_id = t.span_id
    WHERE t.depth < 200
),
d AS (SELECT trace_id, span_id, min(depth) AS depth FROM t GROUP BY trace_id, span_id)
SELECT s.trace_id, s.span_id, s.parent_span_id, s.name, s.operation,
       COALESCE(s.stage, CASE s.operation
                           WHEN $o_agent THEN $s_generation WHEN $o_tool THEN $s_generation
                           WHEN $o_plan THEN $s_decomposition WHEN $o_handoff THEN $s_handoff
                           WHEN $o_verify THEN $s_verification END) AS stage,
       s.agent, s.actor, s.start_ns, s.end_ns, (s.end_ns - s.start_ns) / 1e6 AS duration_ms,
       s.is_error, s.error_type, s.verdict, s.violations, COALESCE(d.depth, 0) AS depth
FROM s LEFT JOIN d ON d.trace_id = s.trace_id AND d.span_id = s.span_id
ORDER BY s.trace_id, s.start_ns, s.span_id

-- name: trace_ids
-- Every trace id stored, for the shortest unique prefixes the CLI prints.
SELECT DISTINCT trace_id FROM spans ORDER BY trace_id

-- name: trace_ids_matching
-- Trace ids a prefix can name: a prefix of the id, of a 64-bit id without its 16
-- padding zeros, or the whole id of a 64-bit id written without leading zeros.
SELECT DISTINCT trace_id FROM spans
WHERE starts_with(trace_id, $prefix)
   OR (starts_with(trace_id, '0000000000000000') AND starts_with(substr(trace_id, 17), $prefix))
   OR trace_id = lpad($prefix, 32, '0')
ORDER BY trace_id
LIMIT 50

-- name: trace_count
SELECT count(DISTINCT trace_id) FROM spans
