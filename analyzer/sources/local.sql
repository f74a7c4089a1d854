-- DuckDB queries over the local analysis of the fetched traces (the cg_* tables of
-- analyzer.analysis.prepare and the rules), giving the parts that the ClickHouse
-- source adds to what ClickHouse computed for the simple runs.

-- name: l_edges
-- Per edge over the local runs (m_edges' per_edge): handoffs, violations, runs
-- through it, failed runs among them, all inferred.
WITH failed AS (SELECT trace_id FROM cg_run WHERE failed),
per_run AS (
    SELECT trace_id, source, target, count(*) AS n, count(*) FILTER (WHERE violated) AS v,
           bool_and(inferred) AS inferred
    FROM cg_handoffs_all GROUP BY trace_id, source, target
)
SELECT p.source, p.target, sum(p.n)::BIGINT AS handoffs, sum(p.v)::BIGINT AS violations,
       count(*) AS runs, count(f.trace_id) AS failed_runs, bool_and(p.inferred) AS inferred
FROM per_run p LEFT JOIN failed f ON f.trace_id = p.trace_id
GROUP BY p.source, p.target

-- name: l_values
-- The local values behind the exact quantiles ClickHouse computes over both parts.
SELECT 'edge' AS metric, source AS k1, target AS k2, latency_ms::DOUBLE AS v
FROM cg_handoffs_all
UNION ALL
SELECT 'stage', stage, '', duration_ms FROM cg_spans
WHERE list_contains($stages, stage)
UNION ALL
SELECT 'human_wait', COALESCE(agent, name), '', duration_ms FROM cg_spans WHERE actor = $a_human

-- name: l_samples
-- Up to $n latencies a stage from the local runs (by trace and span id: deterministic).
SELECT stage, duration_ms FROM (
    SELECT stage, duration_ms,
           row_number() OVER (PARTITION BY stage ORDER BY trace_id, span_id) AS k
    FROM cg_spans WHERE stage IS NOT NULL
) WHERE k <= $n

-- name: merge_verification_sums
-- cg_verify_sums over both parts: the local runs' sums (cg_verify_local) plus every
-- partition's simple runs' (ch_verification). Simple runs all succeeded: none holds a
-- false accept, and each of their rejected runs recovered.
CREATE OR REPLACE TEMP VIEW cg_verify_sums AS
WITH c AS (
    SELECT COALESCE(sum(checks), 0) AS checks, COALESCE(sum(rejects), 0) AS rejects,
           COALESCE(sum(accepts), 0) AS accepts,
           COALESCE(sum(runs_with_verifier), 0) AS runs_with_verifier,
           COALESCE(sum(retries), 0) AS retries,
           COALESCE(sum(rejected_runs), 0) AS rejected_runs,
           COALESCE(sum(verify_ms), 0) AS verify_ms, COALESCE(sum(run_ms), 0) AS run_ms
    FROM ch_verification
)
SELECT (l.checks + c.checks)::BIGINT AS checks, (l.rejects + c.rejects)::BIGINT AS rejects,
       (l.accepts + c.accepts)::BIGINT AS accepts, l.false_accepts,
       (l.runs_with_verifier + c.runs_with_verifier)::BIGINT AS runs_with_verifier,
       (l.retries + c.retries)::BIGINT AS retries,
       (l.rejected_runs + c.rejected_runs)::BIGINT AS rejected_runs,
       (l.recovered_runs + c.rejected_runs)::BIGINT AS recovered_runs,
       l.verify_ms + c.verify_ms AS verify_ms, l.run_ms + c.run_ms AS run_ms
FROM cg_verify_local l, c

-- name: merge_stages
-- m_stages over both parts: runs per stage add up; failures are all local.
WITH parts AS (
    SELECT stage, runs, failures FROM l_stages
    UNION ALL
    SELECT stage, runs, 0 FROM ch_stages
),
stages AS (
    SELECT unnest($stages) AS stage, generate_subscripts($stages, 1) AS pos
)
SELECT b.stage, sum(b.runs)::BIGINT AS runs, sum(b.failures)::BIGINT AS failures,
       1 - sum(b.failures) / sum(b.runs) AS reliability
FROM parts b JOIN stages s ON s.stage = b.stage
GROUP BY b.stage, s.pos
ORDER BY s.pos

-- name: merge_edges
-- m_edges over both parts, with the exact p50 ClickHouse computed over both.
WITH actors AS (
    SELECT agent, arg_max(actor, calls) FILTER (WHERE actor IS NOT NULL) AS actor
    FROM cg_calls GROUP BY agent
),
parts AS (
    SELECT source, target, handoffs, violations, runs, failed_runs, inferred FROM l_edges
    UNION ALL
    SELECT source, target, handoffs, violations, runs, 0, inferred FROM ch_edges
),
per_edge AS (
    SELECT source, target, sum(handoffs)::BIGINT AS handoffs,
           sum(violations)::BIGINT AS violations, sum(runs) AS runs,
           sum(failed_runs)::BIGINT AS failed_runs, bool_and(inferred) AS inferred
    FROM parts GROUP BY source, target
)
SELECT e.source, e.target, sa.actor AS source_actor, ta.actor AS target_actor, e.handoffs,
       e.violations, e.failed_runs, e.failed_runs / e.runs AS failure_rate, q.p50 AS p50_ms,
       e.inferred
FROM per_edge e
JOIN ch_quantiles q ON q.metric = 'edge' AND q.k1 = e.source AND q.k2 = e.target
LEFT JOIN actors sa ON sa.agent = e.source
LEFT JOIN actors ta ON ta.agent = e.target
ORDER BY e.failed_runs DESC, e.violations DESC, e.handoffs DESC, e.source, e.target

-- name: merge_latency
SELECT k1 AS stage, n::BIGINT AS n, p50 AS p50_ms, p95 AS p95_ms, total / n AS mean_ms, total AS total_ms
FROM ch_quantiles WHERE metric = 'stage'
ORDER BY list_position($stages, k1)

-- name: merge_human_wait
SELECT k1 AS agent, n::BIGINT AS n, p50 AS p50_ms, p95 AS p95_ms, max_v AS max_ms
FROM ch_quantiles WHERE metric = 'human_wait'
ORDER BY p50_ms DESC, agent

-- name: merge_trend
-- ClickHouse's hourly buckets truncated to the unit ($unit) and added to the local ones.
SELECT bucket_start, sum(runs)::BIGINT AS runs, sum(failed)::BIGINT AS failed,
       1 - sum(failed) / sum(runs) AS reliability
FROM (SELECT bucket_start, runs, failed FROM l_trend
      UNION ALL SELECT date_trunc($unit, bucket) AS bucket_start, runs, 0 FROM ch_trend)
GROUP BY bucket_start
ORDER BY bucket_start

-- name: export_rows
-- The spans table in the flat form ch_insert maps onto the exporter's columns.
WITH e AS (
    SELECT s.*,
           from_json(coalesce(events, '[]'),
                     '[{"name": "VARCHAR", "time_ns": "BIGINT",
                        "attributes": "MAP(VARCHAR, VARCHAR)"}]') AS ev,
           from_json(coalesce(links, '[]'),
                     '[{"trace_id": "VARCHAR", "span_id": "VARCHAR",
                        "attributes": "MAP(VARCHAR, VARCHAR)"}]') AS lk
    FROM spans s
)
SELECT trace_id, span_id, coalesce(parent_span_id, '') AS parent_span_id, name,
       coalesce(kind, 'UNSPECIFIED') AS kind, coalesce(service, '') AS service, start_ns,
       greatest(end_ns - start_ns, 0) AS duration_ns, coalesce(status, 'UNSET') AS status,
       coalesce(status_message, '') AS status_message,
       coalesce(attributes, MAP {}::MAP(VARCHAR, VARCHAR)) AS attributes,
       list_transform(ev, lambda x: coalesce(x.time_ns, 0)) AS ev_time_ns,
       list_transform(ev, lambda x: coalesce(x.name, '')) AS ev_name,
       list_transform(ev, lambda x: coalesce(x.attributes, MAP {}::MAP(VARCHAR, VARCHAR)))
           AS ev_attributes,
       list_transform(lk, lambda x: coalesce(x.trace_id, '')) AS lk_trace_id,
       list_transform(lk, lambda x: coalesce(x.span_id, '')) AS lk_span_id,
       list_transform(lk, lambda x: coalesce(x.attributes, MAP {}::MAP(VARCHAR, VARCHAR)))
           AS lk_attributes
FROM e
ORDER BY trace_id, span_id
