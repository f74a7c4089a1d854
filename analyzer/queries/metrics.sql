-- Metrics over the prepared tables (cg_run, cg_spans, cg_err, cg_handoffs,
-- cg_verify, cg_attr). Every query returns a frame; analysis.py reads them
-- through Arrow into Polars.

-- name: m_runs
SELECT r.trace_id, r.workflow, r.service, r.start_ns, r.end_ns, r.duration_ms, r.failed,
       a.category
FROM cg_run r LEFT JOIN cg_attr a ON a.trace_id = r.trace_id
ORDER BY r.start_ns, r.trace_id

-- name: m_failures
SELECT a.trace_id, a.category, a.span_id, a.span_name, a.agent, a.reason, a.evidence, a.rule,
       a.detector, a.quote, a.symptom_span_id
FROM cg_attr a JOIN cg_run r ON r.trace_id = a.trace_id
ORDER BY r.start_ns, a.trace_id

-- name: m_detectors
-- Per detector and stage: failed runs it fired on, and runs whose cause it named.
WITH fired AS (
    SELECT detector, stage, min(pos) AS pos, count(DISTINCT trace_id) AS fired
    FROM cg_signals WHERE agent IS NOT NULL AND quote IS NOT NULL
    GROUP BY ALL
),
named AS (
    SELECT detector, category AS stage, count(*) AS attributed
    FROM cg_attr WHERE detector IS NOT NULL GROUP BY ALL
)
SELECT f.detector, f.stage, f.fired, coalesce(n.attributed, 0) AS attributed
FROM fired f LEFT JOIN named n ON n.detector = f.detector AND n.stage = f.stage
ORDER BY attributed DESC, fired DESC, f.pos, f.detector

-- name: m_totals
SELECT count(*) AS runs, count(*) FILTER (WHERE failed) AS failed,
       min(start_ns) AS first_ns, max(start_ns) AS last_ns
FROM cg_run

-- name: m_by_category
SELECT category, count(*) AS n FROM cg_attr GROUP BY category

-- name: m_stages
-- runs: runs in which the stage appears (a span of it, an inferred handoff, or a
-- failure attributed to it, e.g. a verification gap); failures: failed runs
-- attributed to the stage. Presence comes from the per-trace flags of cg_trace.
WITH per_run AS (
    SELECT r.trace_id, a.category,
           t.flags
           | CASE WHEN r.trace_id IN (SELECT trace_id FROM cg_inferred)
                  THEN 2 << list_position($stages, $s_handoff) ELSE 0 END
           | coalesce(2 << list_position($stages, a.category), 0) AS f
    FROM cg_run r
    JOIN cg_trace t ON t.trace_id = r.trace_id
    LEFT JOIN cg_attr a ON a.trace_id = r.trace_id
),
-- the stage at position pos of $stages has flag bit 2 << pos (cg_trace: 4..64)
stages AS (
    SELECT unnest($stages) AS stage, generate_subscripts($stages, 1) AS pos
)
SELECT s.stage, count(*) AS runs, count(*) FILTER (WHERE p.category = s.stage) AS failures,
       1 - count(*) FILTER (WHERE p.category = s.stage) / count(*) AS reliability
FROM stages s JOIN per_run p ON p.f & (2 << s.pos) <> 0
GROUP BY s.stage, s.pos
ORDER BY s.pos

-- name: m_calls
-- Every agent, tool, verifier and planner call, counted per agent, stage and
-- actor. A call failed when it errored or an exception originated in a span it
-- owns (nearest agent/tool above it). Such calls all lie in traces holding an
-- error, whose spans cg_err_spans already holds: failures are counted there, so
-- the count of all calls needs no trace or span ids and no join.
CREATE OR REPLACE TEMP TABLE cg_calls AS
WITH calls AS (
    SELECT agent, stage, actor, count(*) AS calls
    FROM cg_spans
    WHERE agent IS NOT NULL AND operation IN ($o_agent, $o_tool, $o_verify, $o_plan)
    GROUP BY ALL
),
failed AS (
    SELECT s.agent, s.stage, s.actor, count(*) AS failures
    FROM cg_err_spans s
    LEFT JOIN (SELECT DISTINCT trace_id, owner_id FROM cg_err
               WHERE originating AND owner_id IS NOT NULL) o
        ON o.trace_id = s.trace_id AND o.owner_id = s.span_id
    WHERE s.agent IS NOT NULL AND s.operation IN ($o_agent, $o_tool, $o_verify, $o_plan)
      AND (s.is_error OR o.owner_id IS NOT NULL)
    GROUP BY ALL
)
SELECT c.agent, c.stage, c.actor, c.calls, COALESCE(f.failures, 0) AS failures
FROM calls c
LEFT JOIN failed f ON f.agent = c.agent AND f.stage IS NOT DISTINCT FROM c.stage
                  AND f.actor IS NOT DISTINCT FROM c.actor

-- name: m_agents
-- actor: the one most of the agent's calls carry (on a tie, the first by name).
WITH by_actor AS (
    SELECT agent, actor, sum(calls) AS n FROM cg_calls GROUP BY ALL
),
actors AS (
    SELECT agent, arg_min(actor, (-n, actor)) FILTER (WHERE actor IS NOT NULL) AS actor
    FROM by_actor GROUP BY agent
)
SELECT c.agent, a.actor, sum(c.calls)::BIGINT AS calls,
       sum(c.failures)::BIGINT AS failures,
       1 - sum(c.failures) / sum(c.calls) AS reliability
FROM cg_calls c JOIN actors a ON a.agent = c.agent
GROUP BY c.agent, a.actor
ORDER BY failures DESC, calls DESC, c.agent

-- name: m_agent_stage
SELECT agent, stage, sum(calls)::BIGINT AS calls, sum(failures)::BIGINT AS failures,
       sum(failures) / sum(calls) AS failure_rate
FROM cg_calls WHERE stage IS NOT NULL
GROUP BY agent, stage
ORDER BY agent, list_position($stages, stage)

-- name: m_edges
-- failed_runs: failed runs that passed through the edge; failure_rate: their
-- share of the runs that did. p50_ms: handoff span duration (explicit), idle gap
-- between the two agents (inferred siblings) or dispatch delay (delegation).
-- Counted per run first, so no distinct count over trace ids is needed.
WITH actors AS (
    SELECT agent, arg_max(actor, calls) FILTER (WHERE actor IS NOT NULL) AS actor
    FROM cg_calls GROUP BY agent
),
failed AS (SELECT trace_id FROM cg_run WHERE failed),
per_run AS (
    SELECT trace_id, source, target, count(*) AS n, count(*) FILTER (WHERE violated) AS v,
           bool_and(inferred) AS inferred
    FROM cg_handoffs_all GROUP BY trace_id, source, target
),
per_edge AS (
    SELECT p.source, p.target, sum(p.n)::BIGINT AS handoffs, sum(p.v)::BIGINT AS violations,
           count(*) AS runs, count(f.trace_id) AS failed_runs, bool_and(p.inferred) AS inferred
    FROM per_run p LEFT JOIN failed f ON f.trace_id = p.trace_id
    GROUP BY p.source, p.target
),
latency AS (
    SELECT source, target, quantile_cont(latency_ms, 0.5) AS p50_ms
    FROM cg_handoffs_all GROUP BY source, target
)
SELECT e.source, e.target, sa.actor AS source_actor, ta.actor AS target_actor, e.handoffs,
       e.violations, e.failed_runs, e.failed_runs / e.runs AS failure_rate, l.p50_ms,
       e.inferred
FROM per_edge e
JOIN latency l ON l.source = e.source AND l.target = e.target
LEFT JOIN actors sa ON sa.agent = e.source
LEFT JOIN actors ta ON ta.agent = e.target
ORDER BY e.failed_runs DESC, e.violations DESC, e.handoffs DESC, e.source, e.target

-- name: m_verification_sums
-- The verification sums, one definition for every reader: m_verification here and
-- the ClickHouse source, which adds them to the simple runs' (clickhouse.sql).
-- Verdicts are summed per run first, so the runs are joined once per run rather
-- than once per verdict, and the run time comes from that same join.
-- A false accept is an accept in a failed run whose root cause had already
-- started when the verifier finished (the defect was there to be caught), or
-- whose root cause is the accept itself. An accept followed by a failure that
-- began later (an assembly error after the check) was not a wrong verdict.
CREATE OR REPLACE TEMP VIEW cg_verify_sums AS
WITH root AS (
    SELECT a.trace_id, s.start_ns AS root_start_ns
    FROM cg_attr a LEFT JOIN cg_spans s ON s.trace_id = a.trace_id AND s.span_id = a.span_id
),
per_run AS (
    SELECT v.trace_id, count(*) AS checks, count(DISTINCT v.verifier) AS verifiers,
           count(*) FILTER (WHERE v.verdict = getvariable('cg_v_reject')) AS rejects,
           count(*) FILTER (WHERE v.verdict = getvariable('cg_v_accept')) AS accepts,
           count(*) FILTER (WHERE v.verdict = getvariable('cg_v_accept')
                              AND (x.root_start_ns IS NULL OR x.root_start_ns <= v.end_ns))
               AS accepts_before_cause,
           sum(v.duration_ms) AS verify_ms
    FROM cg_verify v LEFT JOIN root x ON x.trace_id = v.trace_id
    GROUP BY v.trace_id
)
SELECT COALESCE(sum(p.checks), 0)::BIGINT AS checks,
       COALESCE(sum(p.rejects), 0)::BIGINT AS rejects,
       COALESCE(sum(p.accepts), 0)::BIGINT AS accepts,
       COALESCE(sum(p.accepts_before_cause) FILTER (WHERE r.failed), 0)::BIGINT AS false_accepts,
       count(*) AS runs_with_verifier,
       COALESCE(sum(p.checks - p.verifiers), 0)::BIGINT AS retries,
       count(*) FILTER (WHERE p.rejects > 0) AS rejected_runs,
       count(*) FILTER (WHERE p.rejects > 0 AND NOT r.failed) AS recovered_runs,
       COALESCE(sum(p.verify_ms), 0) AS verify_ms, COALESCE(sum(r.duration_ms), 0) AS run_ms
FROM per_run p JOIN cg_run r ON r.trace_id = p.trace_id

-- name: m_verification
-- The rates over the sums of cg_verify_sums (m_verification_sums).
SELECT u.checks, u.rejects, u.false_accepts,
       u.rejects / nullif(u.rejects + u.false_accepts, 0) AS catch_rate,
       u.false_accepts / nullif(u.accepts, 0) AS false_accept_rate,
       u.recovered_runs / nullif(u.rejected_runs, 0) AS recovery_rate,
       u.retries / nullif(u.runs_with_verifier, 0) AS retries_per_run,
       CASE WHEN u.run_ms > 0 THEN least(u.verify_ms / u.run_ms, 1.0) END
           AS share_of_latency,
       u.runs_with_verifier
FROM cg_verify_sums u

-- name: m_latency
SELECT s.stage, count(*) AS n,
       quantile_cont(s.duration_ms, 0.5) AS p50_ms,
       quantile_cont(s.duration_ms, 0.95) AS p95_ms,
       avg(s.duration_ms) AS mean_ms, sum(s.duration_ms) AS total_ms
FROM cg_spans s
WHERE list_contains($stages, s.stage)
GROUP BY s.stage
ORDER BY list_position($stages, s.stage)

-- name: m_latency_samples
-- At most 2,000 durations a stage for distribution plots, in one scan: spans whose
-- id hash (modulo $hash_mod) falls under their stage's threshold ($thresholds, one
-- a stage in the order of $stages: about 3x the sample survives; all of a small
-- stage) are ranked by that hash and the first $per_stage kept. The same database
-- always gives the same sample.
SELECT stage, duration_ms FROM (
    SELECT stage, duration_ms, row_number() OVER (PARTITION BY stage ORDER BY h) AS k
    FROM (
        SELECT s.stage, s.duration_ms, hash(s.span_id) AS h
        FROM cg_spans s
        WHERE list_contains($stages, s.stage)
    )
    WHERE h % $hash_mod < $thresholds[list_position($stages, stage)]
) WHERE k <= $per_stage
ORDER BY list_position($stages, stage), duration_ms

-- name: m_human_wait
SELECT COALESCE(s.agent, s.name) AS agent, count(*) AS n,
       quantile_cont(s.duration_ms, 0.5) AS p50_ms,
       quantile_cont(s.duration_ms, 0.95) AS p95_ms, max(s.duration_ms) AS max_ms
FROM cg_spans s
WHERE s.actor = $a_human
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
       COALESCE(e.stage, e.owner_stage) AS stage, e.error_type, r.failed AS run_failed
FROM cg_err e JOIN cg_run r ON r.trace_id = e.trace_id
WHERE e.originating
ORDER BY e.start_ns, e.trace_id, e.span_id
