-- Provenance: the handoff edges of the failed runs, read by
-- analyzer/suspects/handoffs.py to follow a failed result back along the chain of
-- handoffs that carried it. Operation and direction values are bound from
-- analyzer/queries VOCABULARY; the payload-hash key from tracer/semconv.py.

-- name: suspect_handoffs
-- One row per explicit handoff of a failed run: its source and target agents, the
-- payload fingerprint (hash) and the two steps it joins: `src_span` the source
-- agent's latest step that started at or before the handoff, `dst_span` the target
-- agent's first step that started at or after it (a model call holding an agent's
-- words is its step, see cg_said). The payload text, when captured,
-- comes from suspect_handoff_payloads.
WITH failed AS (SELECT trace_id FROM cg_run WHERE failed),
h AS (
    SELECT h.trace_id, h.span_id, h.source, h.target, h.start_ns,
           s.attributes[$k_hash] AS hash
    FROM cg_handoffs h
    SEMI JOIN failed f ON f.trace_id = h.trace_id
    JOIN spans s ON s.trace_id = h.trace_id AND s.span_id = h.span_id
),
-- an agent whose words are its model calls (cg_said) takes its steps there
steps AS (
    SELECT s.trace_id, s.span_id, s.agent, s.start_ns
    FROM cg_spans s SEMI JOIN failed f ON f.trace_id = s.trace_id
    WHERE s.operation IN ($o_agent, $o_verify, $o_plan) AND s.agent IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cg_said c
                      WHERE c.trace_id = s.trace_id AND c.owner_span_id = s.span_id)
    UNION ALL
    SELECT trace_id, span_id, agent, start_ns FROM cg_said WHERE agent IS NOT NULL
),
src AS (
    SELECT h.*, st.span_id AS src_span
    FROM h ASOF LEFT JOIN steps st
        ON st.trace_id = h.trace_id AND st.agent = h.source AND st.start_ns <= h.start_ns
),
dst AS (
    SELECT src.*, st.span_id AS dst_span
    FROM src ASOF LEFT JOIN (SELECT trace_id, span_id, agent, -start_ns AS neg FROM steps) st
        ON st.trace_id = src.trace_id AND st.agent = src.target AND st.neg <= -src.start_ns
)
SELECT trace_id, span_id, source, target, start_ns, hash, src_span, dst_span
FROM dst
ORDER BY trace_id, start_ns, span_id

-- name: suspect_handoff_payloads
-- The captured text of every handoff of a failed run (needs the content table):
-- `payload` what was handed (its payload, or for an agent called as a tool the
-- call's input) and `reply` what came back (that call's output). The rows are
-- found on the keys first and their text read by row id: a join on the keys read
-- the text of the whole table for the ~5% of rows that are handoffs'.
WITH h AS (
    SELECT h.trace_id, h.span_id FROM cg_handoffs h
    SEMI JOIN (SELECT trace_id FROM cg_run WHERE failed) f ON f.trace_id = h.trace_id
),
k AS (
    SELECT c.rowid AS r FROM content c
    SEMI JOIN h ON h.trace_id = c.trace_id AND h.span_id = c.span_id
    WHERE c.direction IN ($d_payload, $d_input, $d_output)
)
SELECT c.trace_id, c.span_id,
       coalesce(string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_payload),
                string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_input))
           AS payload,
       string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_output) AS reply
FROM content c SEMI JOIN k ON k.r = c.rowid
GROUP BY ALL
