-- Metrics over the prepared tables (cg_run, cg_spans, cg_err, cg_handoffs,
-- cg_verify, cg_attr). Every query returns a frame; analysis.py reads them
-- through Arrow into Polars.

-- name: m_runs
SELECT r.trace_id, r.workflow, r.service, r.start_ns, r.end_ns, r.duration_ms, r.failed,
       a.category
FROM cg_run r LEFT JOIN cg_attr a ON a.trace_id = r.trace_id
ORDER BY r.start_ns, r.trace_id

-- name: m_failures
SELECT a.trace_id, a.category, a.span_id, a.span_name, a.agent, a.reason, a.evidence, a.rule
FROM cg_attr a JOIN cg_run r ON r.trace_id = a.trace_id
ORDER BY r.start_ns, a.trace_id

-- name: m_totals
SELECT count(*) AS runs, count(*) FILTER (WHERE failed) AS failed,
       min(start_ns) AS first_ns, max(start_ns) AS last_ns
FROM cg_run

-- name: m_by_category
SELECT category, count(*) AS n FROM cg_attr GROUP BY category

-- name: m_stages
-- runs: runs in which the stage appears (or to which a failure of the stage was
-- attributed, e.g. a verification gap); failures: failed runs attributed to it.
WITH appear AS (
    SELECT DISTINCT s.trace_id, s.stage FROM cg_spans s
    SEMI JOIN cg_run r ON r.trace_id = s.trace_id
    WHERE s.stage IN ('decomposition', 'generation', 'handoff', 'verification', 'assembly')
    UNION
    SELECT trace_id, 'handoff' FROM cg_handoffs
    UNION
    SELECT trace_id, category FROM cg_attr WHERE category <> 'unknown'
)
SELECT ap.stage, count(*) AS runs, count(atr.trace_id) AS failures,
       1 - count(atr.trace_id) / count(*) AS reliability
FROM appear ap
LEFT JOIN cg_attr atr ON atr.trace_id = ap.trace_id AND atr.category = ap.stage
GROUP BY ap.stage
ORDER BY list_position(['decomposition', 'generation', 'handoff', 'verification',
                        'assembly'], ap.stage)

-- name: m_calls
-- Every agent, tool, verifier and planner call; a call failed when it errored or
-- an exception originated in a span it owns (nearest agent/tool above it).
CREATE OR REPLACE TEMP TABLE cg_calls AS
SELECT s.trace_id, s.span_id, s.agent, s.actor, s.stage,
       s.is_error OR o.owner_id IS NOT NULL AS failed
FROM cg_spans s
SEMI JOIN cg_run r ON r.trace_id = s.trace_id
LEFT JOIN (SELECT DISTINCT trace_id, owner_id FROM cg_err
           WHERE originating AND owner_id IS NOT NULL) o
    ON o.trace_id = s.trace_id AND o.owner_id = s.span_id
WHERE s.agent IS NOT NULL AND s.operation IN ('agent', 'tool', 'verify', 'plan')

-- name: m_agents
SELECT agent, mode(actor) AS actor, count(*) AS calls,
       count(*) FILTER (WHERE failed) AS failures,
       1 - count(*) FILTER (WHERE failed) / count(*) AS reliability
FROM cg_calls GROUP BY agent
ORDER BY failures DESC, calls DESC, agent

-- name: m_agent_stage
SELECT agent, stage, count(*) AS calls, count(*) FILTER (WHERE failed) AS failures,
       count(*) FILTER (WHERE failed) / count(*) AS failure_rate
FROM cg_calls WHERE stage IS NOT NULL
GROUP BY agent, stage
ORDER BY agent, list_position(['decomposition', 'generation', 'handoff', 'verification',
                               'assembly'], stage)

-- name: m_edges
-- failed_runs: failed runs that passed through the edge; failure_rate: their
-- share of the runs that did. p50_ms: handoff span duration (explicit), idle gap
-- between the two agents (inferred siblings) or dispatch delay (delegation).
WITH actors AS (
    SELECT agent, mode(actor) AS actor FROM cg_calls GROUP BY agent
)
SELECT h.source, h.target, sa.actor AS source_actor, ta.actor AS target_actor,
       count(*) AS handoffs,
       count(*) FILTER (WHERE len(h.violations) > 0 OR h.is_error) AS violations,
       count(DISTINCT h.trace_id) FILTER (WHERE r.failed) AS failed_runs,
       count(DISTINCT h.trace_id) FILTER (WHERE r.failed) / count(DISTINCT h.trace_id)
           AS failure_rate,
       quantile_cont(h.latency_ms, 0.5) AS p50_ms,
       bool_and(h.inferred) AS inferred
FROM cg_handoffs h
JOIN cg_run r ON r.trace_id = h.trace_id
LEFT JOIN actors sa ON sa.agent = h.source
LEFT JOIN actors ta ON ta.agent = h.target
GROUP BY h.source, h.target, sa.actor, ta.actor
ORDER BY failed_runs DESC, violations DESC, handoffs DESC, h.source, h.target

-- name: m_verification
WITH v AS (
    SELECT v.*, r.failed FROM cg_verify v JOIN cg_run r ON r.trace_id = v.trace_id
),
per_run AS (
    SELECT trace_id, any_value(failed) AS failed, count(*) AS checks,
           count(DISTINCT verifier) AS verifiers,
           bool_or(verdict = 'reject') AS rejected, sum(duration_ms) AS verify_ms
    FROM v GROUP BY trace_id
),
counts AS (
    SELECT count(*) AS checks,
           count(*) FILTER (WHERE verdict = 'reject') AS rejects,
           count(*) FILTER (WHERE verdict = 'accept') AS accepts,
           count(*) FILTER (WHERE verdict = 'accept' AND failed) AS false_accepts
    FROM v
),
runs AS (
    SELECT count(*) AS runs_with_verifier,
           sum(checks - verifiers) AS retries,
           count(*) FILTER (WHERE rejected) AS rejected_runs,
           count(*) FILTER (WHERE rejected AND NOT failed) AS recovered_runs,
           sum(verify_ms) AS verify_ms,
           (SELECT sum(r.duration_ms) FROM cg_run r SEMI JOIN per_run p
                ON p.trace_id = r.trace_id) AS run_ms
    FROM per_run
)
SELECT c.checks, c.rejects, c.false_accepts,
       c.rejects / nullif(c.rejects + c.false_accepts, 0) AS catch_rate,
       c.false_accepts / nullif(c.accepts, 0) AS false_accept_rate,
       u.recovered_runs / nullif(u.rejected_runs, 0) AS recovery_rate,
       u.retries / nullif(u.runs_with_verifier, 0) AS retries_per_run,
       least(u.verify_ms / nullif(u.run_ms, 0), 1.0) AS share_of_latency,
       u.runs_with_verifier
FROM counts c, runs u

-- name: m_latency
SELECT s.stage, count(*) AS n,
       quantile_cont(s.duration_ms, 0.5) AS p50_ms,
       quantile_cont(s.duration_ms, 0.95) AS p95_ms,
       avg(s.duration_ms) AS mean_ms, sum(s.duration_ms) AS total_ms
FROM cg_spans s SEMI JOIN cg_run r ON r.trace_id = s.trace_id
WHERE s.stage IN ('decomposition', 'generation', 'handoff', 'verification', 'assembly')
GROUP BY s.stage
ORDER BY list_position(['decomposition', 'generation', 'handoff', 'verification',
                        'assembly'], s.stage)

-- name: m_latency_samples
-- At most $per_stage spans a stage, picked by a hash of the span id so the same
-- database always gives the same sample.
SELECT stage, duration_ms FROM (
    SELECT s.stage, s.duration_ms,
           row_number() OVER (PARTITION BY s.stage ORDER BY hash(s.trace_id, s.span_id)) AS k
    FROM cg_spans s SEMI JOIN cg_run r ON r.trace_id = s.trace_id
    WHERE s.stage IN ('decomposition', 'generation', 'handoff', 'verification', 'assembly')
) WHERE k <= $per_stage
ORDER BY list_position(['decomposition', 'generation', 'handoff', 'verification',
                        'assembly'], stage), duration_ms

-- name: m_human_wait
SELECT COALESCE(s.agent, s.name) AS agent, count(*) AS n,
       quantile_cont(s.duration_ms, 0.5) AS p50_ms,
       quantile_cont(s.duration_ms, 0.95) AS p95_ms, max(s.duration_ms) AS max_ms
FROM cg_spans s SEMI JOIN cg_run r ON r.trace_id = s.trace_id
WHERE s.actor = 'human'
GROUP BY ALL
ORDER BY p50_ms DESC, agent

-- name: m_trend
SELECT date_trunc($unit, make_timestamp(start_ns // 1000)) AS bucket_start,
       count(*) AS runs, count(*) FILTER (WHERE failed) AS failed,
       1 - count(*) FILTER (WHERE failed) / count(*) AS reliability
FROM cg_run
GROUP BY ALL
ORDER BY bucket_start

-- name: m_span_errors
-- Where exceptions originated, whether or not they failed their run (a caught
-- tool error in a run that succeeded still costs that agent reliability).
SELECT e.trace_id, e.span_id, e.name AS span_name, COALESCE(e.owner_agent, e.agent) AS agent,
       e.stage, e.error_type, r.failed AS run_failed
FROM cg_err e JOIN cg_run r ON r.trace_id = e.trace_id
WHERE e.originating
ORDER BY e.start_ns, e.trace_id, e.span_id
