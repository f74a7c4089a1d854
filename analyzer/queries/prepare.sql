-- Preparation: the temp tables every rule and metric reads.
-- All objects are TEMP and prefixed cg_; they live only on the analyzing
-- connection and are rebuilt by each analyze() call.

-- name: trace_flags
-- One pass over every span: per trace, bit flags of what it holds (1 workflow span,
-- 2 parentless span, 4..64 a span of each stage, 128 an errored span). Runs,
-- stage presence and error analysis read these instead of rescanning the spans.
CREATE OR REPLACE TEMP TABLE cg_trace AS
SELECT trace_id,
       bit_or(CASE WHEN operation = $o_workflow THEN 1 ELSE 0 END
              | CASE WHEN parent_span_id IS NULL THEN 2 ELSE 0 END
              | CASE stage
                  WHEN $s_decomposition THEN 4 WHEN $s_generation THEN 8
                  WHEN $s_handoff THEN 16 WHEN $s_verification THEN 32
                  WHEN $s_assembly THEN 64 ELSE 0 END
              | CASE WHEN is_error THEN 128 ELSE 0 END) AS flags
FROM spans
GROUP BY trace_id

-- name: run_spans_all
-- One run per trace: its workflow span, or failing that its earliest root. A
-- trace with no parentless span is all orphans; its earliest span is then a
-- root (a present parent would have started before it). Traces holding only a
-- late outcome for another trace are not runs of their own. Built from narrow
-- filtered scans and small windows; no self-join over the whole table.
CREATE OR REPLACE TEMP TABLE cg_runs0 AS
WITH wf_all AS (
    SELECT trace_id, span_id, name, agent, service, start_ns, end_ns, is_error, operation,
           outcome_trace_id, outcome, outcome_reason
    FROM spans WHERE operation = $o_workflow
),
-- nearly every trace has one workflow span: rank only the traces with several
-- (a window over one-row partitions costs far more than this aggregate)
wf_several AS (SELECT trace_id FROM wf_all GROUP BY trace_id HAVING count(*) > 1),
wf AS (
    SELECT * FROM wf_all ANTI JOIN wf_several USING (trace_id)
    UNION ALL
    SELECT * FROM (SELECT * FROM wf_all SEMI JOIN wf_several USING (trace_id))
    QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY start_ns, span_id) = 1
),
parentless AS (
    SELECT trace_id, span_id, name, agent, service, start_ns, end_ns, is_error, operation,
           outcome_trace_id, outcome, outcome_reason
    FROM spans
    WHERE parent_span_id IS NULL
      AND trace_id IN (SELECT trace_id FROM cg_trace WHERE flags & 1 = 0)
    QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY start_ns, span_id) = 1
),
orphans AS (
    SELECT trace_id, span_id, name, agent, service, start_ns, end_ns, is_error, operation,
           outcome_trace_id, outcome, outcome_reason
    FROM spans
    WHERE trace_id IN (SELECT trace_id FROM cg_trace WHERE flags & 3 = 0)
    QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY start_ns, span_id) = 1
),
s AS (SELECT * FROM wf UNION ALL SELECT * FROM parentless UNION ALL SELECT * FROM orphans)
SELECT s.trace_id, s.span_id AS run_span_id, s.name AS run_name,
       COALESCE(s.agent, s.name) AS workflow, s.service, s.start_ns, s.end_ns,
       s.is_error AS run_error, s.outcome AS run_outcome, s.outcome_reason AS run_outcome_reason
FROM s
WHERE NOT (s.operation = $o_outcome AND s.outcome_trace_id IS NOT NULL
           AND lower(s.outcome_trace_id) <> s.trace_id)

-- name: runs_since
DELETE FROM cg_runs0 WHERE start_ns < $since

-- name: runs_trace
DELETE FROM cg_runs0 WHERE trace_id <> $trace_id

-- name: runs_service
-- A run belongs to every service that has a span in it.
DELETE FROM cg_runs0 WHERE trace_id NOT IN (SELECT trace_id FROM spans WHERE service = $service)

-- name: spans_view
-- Unscoped analysis reads the table directly (no copy). Ingest fills `stage` from
-- the operation when no coordgap.stage was given (internals §3), so filters on it
-- push down into the scan.
CREATE TEMP VIEW cg_spans AS
SELECT trace_id, span_id, parent_span_id, name, service, start_ns, end_ns, status,
       operation,
       stage, agent, actor,
       is_error, error_type, handoff_source, handoff_target, violations, verdict, attempt,
       outcome, outcome_reason, outcome_trace_id, plan_assignees, plan_defects,
       (end_ns - start_ns) / 1e6 AS duration_ms
FROM spans

-- name: spans_scoped
-- Scoped analysis (--since / --service) copies the spans of the runs in scope.
CREATE TEMP TABLE cg_spans AS
SELECT trace_id, span_id, parent_span_id, name, service, start_ns, end_ns, status,
       operation,
       stage, agent, actor,
       is_error, error_type, handoff_source, handoff_target, violations, verdict, attempt,
       outcome, outcome_reason, outcome_trace_id, plan_assignees, plan_defects,
       (end_ns - start_ns) / 1e6 AS duration_ms
FROM spans SEMI JOIN cg_runs0 USING (trace_id)

-- name: verify_spans
-- Every verdict of the runs in scope. Two disjoint filtered scans: each filter
-- pushes down into the scan, where the OR of both would not.
CREATE OR REPLACE TEMP TABLE cg_verify AS
SELECT trace_id, span_id, name, COALESCE(agent, name) AS verifier, verdict, attempt,
       start_ns, end_ns, duration_ms
FROM cg_spans
WHERE operation = $o_verify
UNION ALL
SELECT trace_id, span_id, name, COALESCE(agent, name) AS verifier, verdict, attempt,
       start_ns, end_ns, duration_ms
FROM cg_spans
WHERE verdict IS NOT NULL AND operation IS DISTINCT FROM $o_verify

-- name: run_status
-- A run failed when its run span errored, its latest outcome (on the run span
-- or a late outcome span, matched by outcome_trace_id or trace id) is a
-- failure, or a verifier rejected on its last attempt.
CREATE OR REPLACE TEMP TABLE cg_run AS
WITH o AS (
    -- outcomes recorded apart from a workflow run span (the run span's own outcome
    -- is in cg_runs0): late outcome spans, or outcomes on a root that is the run span
    SELECT COALESCE(lower(outcome_trace_id), trace_id) AS run_trace,
           arg_max({'outcome': outcome, 'reason': outcome_reason, 'span_id': span_id,
                    'name': name, 'end_ns': end_ns}, end_ns) AS latest
    FROM spans
    WHERE outcome IS NOT NULL AND operation IS DISTINCT FROM $o_workflow
    GROUP BY ALL
),
last_verdicts AS (
    -- each verifier's latest verdict in the run (its last attempt)
    SELECT trace_id, arg_max(verdict, end_ns) AS verdict, arg_max(span_id, end_ns) AS span_id,
           arg_max(name, end_ns) AS name, max(end_ns) AS end_ns
    FROM cg_verify
    GROUP BY trace_id, verifier
),
rej AS (
    SELECT trace_id, arg_max(span_id, end_ns) AS rejected_span_id,
           arg_max(name, end_ns) AS rejected_name
    FROM last_verdicts WHERE verdict = $v_reject
    GROUP BY trace_id
),
j AS (
    -- the latest outcome wins: a separate outcome span that ended at or after the
    -- run span, else the run span's own
    SELECT r.*, (o.latest IS NOT NULL
                 AND (r.run_outcome IS NULL OR o.latest.end_ns >= r.end_ns)) AS late,
           CASE WHEN late THEN o.latest.outcome ELSE r.run_outcome END AS outcome,
           CASE WHEN late THEN o.latest.reason ELSE r.run_outcome_reason END AS outcome_reason,
           CASE WHEN late THEN o.latest.span_id
                WHEN r.run_outcome IS NOT NULL THEN r.run_span_id END AS outcome_span_id,
           CASE WHEN late THEN o.latest.name
                WHEN r.run_outcome IS NOT NULL THEN r.run_name END AS outcome_name,
           rej.rejected_span_id, rej.rejected_name
    FROM cg_runs0 r
    LEFT JOIN o ON o.run_trace = r.trace_id
    LEFT JOIN rej ON rej.trace_id = r.trace_id
)
SELECT trace_id, run_span_id, run_name, workflow, service, start_ns, end_ns,
       (end_ns - start_ns) / 1e6 AS duration_ms, run_error, outcome, outcome_reason,
       outcome_span_id, rejected_span_id,
       (run_error OR outcome IS NOT DISTINCT FROM $out_failure
        OR rejected_span_id IS NOT NULL) AS failed,
       CASE WHEN outcome IS NOT DISTINCT FROM $out_failure THEN $o_outcome
            WHEN run_error THEN 'error'
            WHEN rejected_span_id IS NOT NULL THEN $s_verification END AS fail_signal,
       CASE WHEN outcome = $out_failure THEN outcome_span_id
            WHEN run_error THEN run_span_id
            ELSE rejected_span_id END AS fail_span_id,
       CASE WHEN outcome = $out_failure THEN outcome_name
            WHEN run_error THEN run_name
            ELSE rejected_name END AS fail_span_name
FROM j

-- name: error_spans
-- From every errored span up through its ancestors (bounded against cycles in
-- broken input), over the traces that hold an error only. `step_of`: the agent an
-- agent or tool span is a step of (coordgap.agent.owner: a LangGraph node or tool
-- call of the subgraph that agent runs).
CREATE OR REPLACE TEMP TABLE cg_err_spans AS
WITH errored AS (SELECT trace_id FROM cg_trace WHERE flags & 128 <> 0),
steps AS (
    SELECT trace_id, span_id, attributes[$k_owner] AS step_of
    FROM spans
    WHERE operation IN ($o_agent, $o_tool) AND attributes[$k_owner] IS NOT NULL
      AND trace_id IN (SELECT trace_id FROM errored)
)
SELECT s.trace_id, s.span_id, s.parent_span_id, s.name, s.operation, s.stage, s.agent,
       s.actor, s.is_error, s.error_type, s.start_ns, s.end_ns, t.step_of
FROM cg_spans s
LEFT JOIN steps t ON t.trace_id = s.trace_id AND t.span_id = s.span_id
WHERE s.trace_id IN (SELECT trace_id FROM errored)

-- name: error_walk
CREATE OR REPLACE TEMP TABLE cg_err_walk AS
WITH RECURSIVE
w AS (SELECT * FROM cg_err_spans),
up(trace_id, span_id, next_parent, hops, anc_id, anc_op, anc_stage, anc_agent, anc_err,
   anc_step_of) AS (
    SELECT trace_id, span_id, parent_span_id, 0, span_id, operation, stage, agent, is_error,
           step_of
    FROM w WHERE is_error
    UNION ALL
    SELECT up.trace_id, up.span_id, p.parent_span_id, up.hops + 1, p.span_id, p.operation,
           p.stage, p.agent, p.is_error, p.step_of
    FROM up JOIN w p ON p.trace_id = up.trace_id AND p.span_id = up.next_parent
    WHERE up.hops < 200 AND p.span_id <> up.span_id  -- stop a parent cycle at its start
)
SELECT * FROM up

-- name: errors
-- One row per errored span. `originating`: no errored descendant, so the
-- exception started here rather than passing through. `owner_*`: the nearest
-- agent or tool span at or above it; when that span is a step of an agent (a
-- LangGraph subgraph's node), the agent span above it whose step it is.
-- `in_assembly`: it or an ancestor belongs to the assembly stage.
CREATE OR REPLACE TEMP TABLE cg_err AS
WITH walk AS (
    SELECT trace_id, span_id,
           bool_or(anc_stage = $s_assembly) AS in_assembly,
           list({'id': anc_id, 'agent': anc_agent, 'stage': anc_stage,
                 'step': anc_step_of IS NOT NULL} ORDER BY hops)
               FILTER (WHERE anc_op IN ($o_agent, $o_tool) OR anc_stage = $s_generation)
               AS owners,
           list(anc_id ORDER BY hops) FILTER (WHERE anc_err AND hops > 0 AND anc_id <> span_id)
               AS errored_ancestors,
           max(hops) AS depth
    FROM cg_err_walk GROUP BY trace_id, span_id
),
owned AS (
    SELECT *, CASE WHEN owners[1].step AND len(owners) > 1 THEN owners[2]
                   ELSE owners[1] END AS owner
    FROM walk
),
agg AS (
    SELECT trace_id, span_id, in_assembly, owner.id AS owner_id, owner.agent AS owner_agent,
           owner.stage AS owner_stage, errored_ancestors, depth
    FROM owned
),
carriers AS (
    -- errored spans with an errored descendant (a span met again up a parent cycle
    -- in broken input is not its own descendant)
    SELECT DISTINCT trace_id, anc_id AS span_id FROM cg_err_walk
    WHERE anc_err AND hops > 0 AND anc_id <> span_id
)
SELECT agg.*, c.span_id IS NULL AS originating, s.name, s.operation, s.stage, s.agent,
       s.error_type, s.start_ns, s.end_ns
FROM agg
JOIN cg_err_spans s ON s.trace_id = agg.trace_id AND s.span_id = agg.span_id
LEFT JOIN carriers c ON c.trace_id = agg.trace_id AND c.span_id = agg.span_id

-- name: link_spans
-- Agent spans and explicit handoff spans: what handoffs are read and inferred from.
CREATE OR REPLACE TEMP VIEW cg_link AS
SELECT trace_id, span_id, parent_span_id, name, operation, stage, agent, handoff_source,
       handoff_target, violations, is_error, error_type, start_ns, end_ns, duration_ms
FROM cg_spans
WHERE (operation = getvariable('cg_o_agent') AND agent IS NOT NULL)
   OR ((operation = getvariable('cg_o_handoff') OR stage = getvariable('cg_s_handoff'))
       AND handoff_source IS NOT NULL AND handoff_target IS NOT NULL)

-- name: delegation_walk
-- An agent span nested under a different agent (directly, or through tool calls,
-- HTTP, MCP... spans) with no handoff or workflow span between them received an
-- inferred handoff from it. Agents directly under the run span or a handoff span
-- (the common case) are settled by one cheap anti-join; only the others climb.
CREATE OR REPLACE TEMP TABLE cg_deleg AS
WITH RECURSIVE
-- Agent spans directly under the run span (nearly all of them) are dropped first
-- by an anti-join on integer keys: a 64-bit hash of the trace id and one of
-- (trace, parent) against those of (trace, run span). Hashing beats joining
-- the string ids of every agent span; an agent under another span is dropped
-- only on a 64-bit hash collision with its own run span (below 1e-13 for a
-- million spans).
-- The few agents left are then checked exactly against their run and the
-- explicit handoffs.
not_under_run AS MATERIALIZED (
    SELECT l.trace_id, l.span_id, l.parent_span_id, l.agent, l.start_ns, l.end_ns
    FROM cg_link l
    ANTI JOIN (SELECT hash(trace_id) AS th, hash(trace_id, run_span_id) AS k FROM cg_runs0) u
        ON u.th = hash(l.trace_id) AND u.k = hash(l.trace_id, l.parent_span_id)
    WHERE l.operation = $o_agent AND l.parent_span_id IS NOT NULL
),
a AS MATERIALIZED (
    SELECT n.* FROM not_under_run n
    JOIN cg_runs0 r ON r.trace_id = n.trace_id
    ANTI JOIN cg_handoffs h ON h.trace_id = n.trace_id AND h.span_id = n.parent_span_id
    WHERE n.parent_span_id <> r.run_span_id
),
-- only the traces that need a climb; usually few or none
w AS MATERIALIZED (
    SELECT s.trace_id, s.span_id, s.parent_span_id, s.operation, s.agent, s.start_ns
    FROM cg_spans s WHERE s.trace_id IN (SELECT trace_id FROM a)
),
up(trace_id, span_id, agent, start_ns, end_ns, anc_id, next_parent, anc_op, anc_agent,
   first_parent_start, hops) AS (
    SELECT a.trace_id, a.span_id, a.agent, a.start_ns, a.end_ns, p.span_id,
           p.parent_span_id, p.operation, p.agent, p.start_ns, 1
    FROM a JOIN w p ON p.trace_id = a.trace_id AND p.span_id = a.parent_span_id
    UNION ALL
    SELECT up.trace_id, up.span_id, up.agent, up.start_ns, up.end_ns, p.span_id,
           p.parent_span_id, p.operation, p.agent, up.first_parent_start, up.hops + 1
    FROM up JOIN w p ON p.trace_id = up.trace_id AND p.span_id = up.next_parent
    WHERE up.anc_op IS DISTINCT FROM $o_agent AND up.anc_op IS DISTINCT FROM $o_handoff
      AND up.anc_op IS DISTINCT FROM $o_workflow AND up.hops < 200
)
SELECT trace_id, span_id, agent, start_ns, end_ns, anc_id AS source_span_id,
       anc_agent AS source, greatest(start_ns - first_parent_start, 0) / 1e6 AS delay_ms
FROM up WHERE anc_op = $o_agent AND anc_agent IS NOT NULL AND anc_agent <> agent

-- name: handoffs
-- Explicit handoff spans (cg_handoffs) and inferred ones (cg_inferred):
-- consecutive siblings (agent or handoff spans under one parent, by start
-- time) whose agents differ, and nested delegation. An inferred edge is dropped
-- when the trace already holds an explicit handoff into its target, or from its
-- target back to its source: where an agent's inputs are recorded, sibling order
-- is no evidence (parallel Send branches that happened to run one after the
-- other hand nothing to each other).
-- cg_handoffs_all is both, with the columns the metrics read.
CREATE OR REPLACE TEMP TABLE cg_handoffs AS
SELECT trace_id, span_id, name, handoff_source AS source, handoff_target AS target,
       false AS inferred, violations, is_error, error_type, start_ns,
       duration_ms AS latency_ms
-- The handoff half of cg_link, written out so the NOT NULL tests push down into
-- the scan (the view's OR with the agent half keeps them above it).
FROM cg_spans
WHERE handoff_source IS NOT NULL AND handoff_target IS NOT NULL
  AND (operation = $o_handoff OR stage = $s_handoff) AND operation IS DISTINCT FROM $o_agent

-- name: inferred_handoffs
CREATE OR REPLACE TEMP TABLE cg_inferred AS
WITH seq AS (
    SELECT trace_id, in_agent, lag(out_agent) OVER w AS prev_out,
           start_ns - lag(end_ns) OVER w AS gap_ns, is_agent
    FROM (
        -- The window gets only the narrow columns it needs, computed beforehand:
        -- carrying parent_span_id, operation and both handoff ends through its sort
        -- costs about a fifth more.
        SELECT trace_id, hash(trace_id, parent_span_id) AS sibling_group, start_ns, end_ns,
               CASE WHEN operation = $o_agent THEN agent ELSE handoff_source END AS in_agent,
               CASE WHEN operation = $o_agent THEN agent ELSE handoff_target END AS out_agent,
               operation = $o_agent AS is_agent
        FROM cg_link
    )
    -- The largest step of the analysis, so it sorts on integers only: one 64-bit
    -- hash of (trace, parent) instead of the two strings (two sibling groups share a
    -- partition only on a hash collision, about 1e-9 for a million spans), and
    -- (start, end) times (siblings tied on both to the nanosecond keep scan order).
    WINDOW w AS (PARTITION BY sibling_group ORDER BY start_ns, end_ns)
),
inferred AS (
    SELECT trace_id, prev_out AS source, in_agent AS target,
           greatest(gap_ns, 0) / 1e6 AS latency_ms
    FROM seq WHERE prev_out IS NOT NULL AND in_agent IS NOT NULL AND prev_out <> in_agent
      -- Work is passed on to an agent call, not to the next handoff span (whose
      -- source is a dispatcher, not a receiver), and only once the previous step
      -- ended: siblings that overlap ran in parallel.
      AND is_agent AND gap_ns >= 0
    UNION ALL
    SELECT trace_id, source, agent, delay_ms FROM cg_deleg
)
-- Only where the trace records no handoff between the two agents: none into the
-- target (it got its work through a recorded handoff, so a sibling that merely ran
-- before it handed it nothing) and none back from the target to the source.
SELECT i.* FROM inferred i
ANTI JOIN (SELECT DISTINCT trace_id, target FROM cg_handoffs) e
    ON e.trace_id = i.trace_id AND e.target = i.target
ANTI JOIN cg_handoffs r ON r.trace_id = i.trace_id AND r.source = i.target
                       AND r.target = i.source

-- name: all_handoffs
CREATE OR REPLACE TEMP VIEW cg_handoffs_all AS
SELECT trace_id, source, target, false AS inferred,
       len(violations) > 0 OR is_error AS violated, latency_ms
FROM cg_handoffs
UNION ALL
SELECT trace_id, source, target, true, false, latency_ms FROM cg_inferred

-- name: macro_after
-- The text after a "kind: " prefix. (Prefix tests use starts_with: comparing
-- split_part() results inside CASE trips a binder error when the column is all
-- NULL in the data.)
CREATE OR REPLACE TEMP MACRO cg_after(v, prefix) AS substr(v, length(prefix) + 1)

-- name: macro_defect
-- "unassigned: s3" -> "unassigned subtask `s3`" (plan defects as recorded by the tracer).
CREATE OR REPLACE TEMP MACRO cg_defect(d) AS
    CASE WHEN starts_with(d, 'unassigned: ')
            THEN 'unassigned subtask `' || cg_after(d, 'unassigned: ') || '`'
         WHEN starts_with(d, 'duplicate: ')
            THEN 'duplicate subtask `' || cg_after(d, 'duplicate: ') || '`'
         WHEN starts_with(d, 'overlap: ')
            THEN 'overlapping subtasks `' || replace(cg_after(d, 'overlap: '), '~', '` and `')
                 || '`'
         ELSE d END

-- name: macro_detail
-- The detail of a "kind: detail" entry of that kind, else NULL.
CREATE OR REPLACE TEMP MACRO cg_detail(v, kind) AS
    CASE WHEN starts_with(v, kind || ': ') THEN substr(v, length(kind) + 3) END

-- name: macro_violation
-- "dropped_key: brand_voice" -> "dropped carried key `brand_voice`" (one line per
-- violation kind of tracer.semconv.ViolationKind; an unknown kind reads as recorded).
CREATE OR REPLACE TEMP MACRO cg_violation(v) AS
    coalesce(
             'dropped carried key `' || cg_detail(v, getvariable('cg_vk_dropped_key')) || '`',
             'missing required key `' || cg_detail(v, getvariable('cg_vk_missing_key')) || '`',
             'type mismatch (' || cg_detail(v, getvariable('cg_vk_type_mismatch')) || ')',
             'schema mismatch (' || cg_detail(v, getvariable('cg_vk_schema_mismatch')) || ')',
             'passed stale state (' || cg_detail(v, getvariable('cg_vk_stale_state')) || ')',
             'timed out (' || cg_detail(v, getvariable('cg_vk_timeout')) || ')',
             'handed to the wrong agent (' || cg_detail(v, getvariable('cg_vk_wrong_target')) || ')',
             'lost work (' || cg_detail(v, getvariable('cg_vk_lost_work')) || ')',
             v)

-- name: macro_more
-- " (+2 more)" when a list holds more than the one entry a reason names.
CREATE OR REPLACE TEMP MACRO cg_more(xs) AS
    CASE WHEN len(xs) > 1 THEN ' (+' || (len(xs) - 1) || ' more)' ELSE '' END

-- name: pending
-- Failed runs that no rule has explained yet; the rule loop empties it.
CREATE OR REPLACE TEMP TABLE cg_pending AS
SELECT * FROM cg_run WHERE failed

-- name: holders
-- The failed runs' agent, verifier and planner spans that hold other agents' turns
-- as their children (a hierarchical crew's manager, a supervisor under whose span
-- the coworkers run), with their agent. Such a span says its output when the turns
-- it holds are done, and its handoffs out are its words at the handover
-- (detector_messages and suspect_turns order it so).
CREATE OR REPLACE TEMP TABLE cg_holders AS
WITH fs AS (
    SELECT * FROM cg_spans s
    SEMI JOIN (SELECT trace_id FROM cg_run WHERE failed) f ON f.trace_id = s.trace_id
)
SELECT DISTINCT p.trace_id, p.span_id, p.agent FROM fs c
JOIN fs p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
WHERE c.operation IN ($o_agent, $o_verify, $o_plan)
  AND p.operation IN ($o_agent, $o_verify, $o_plan)

-- name: said_calls
-- The model calls of the failed runs that are their agent's words: a model call's
-- span (no operation of its own, a model actor) that recorded output, under an agent's
-- span (its parent, or the first span with an operation above it through at most
-- $said_depth spans of none: LangChain's runnables around a LangGraph agent's call).
-- The GenAI conventions' instrumentations put an agent's messages on its `chat` spans,
-- one per step, under an `invoke_agent` span
-- holding none (or only its final answer): each such call is one step of the agent
-- (suspect_turns, detector_messages), and the agent's tool calls and handoffs out
-- belong to the call that made them, the latest one before them. `step_span_id`: the
-- span between the call and its agent when that span recorded output of its own or
-- failed (OpenInference's smolagents wraps each step's model call and the run of the
-- code it wrote in a `Step` span whose output is what the code printed, or that raised
-- the code's error): what the step did.
CREATE OR REPLACE TEMP TABLE cg_said AS
WITH RECURSIVE fs AS (
    SELECT * FROM cg_spans s
    SEMI JOIN (SELECT trace_id FROM cg_run WHERE failed) f ON f.trace_id = s.trace_id
),
-- up from each model call through spans of no operation (a framework's plumbing) to
-- the first span that has one
up(trace_id, span_id, start_ns, anc_id, anc_parent, anc_op, anc_agent, hops) AS (
    SELECT c.trace_id, c.span_id, c.start_ns, p.span_id, p.parent_span_id, p.operation,
           p.agent, 1
    FROM fs c JOIN fs p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
    WHERE c.operation IS NULL AND c.actor = $a_model
    UNION ALL
    SELECT u.trace_id, u.span_id, u.start_ns, p.span_id, p.parent_span_id, p.operation,
           p.agent, u.hops + 1
    FROM up u JOIN fs p ON p.trace_id = u.trace_id AND p.span_id = u.anc_parent
    WHERE u.anc_op IS NULL AND u.hops < $said_depth
),
calls AS (
    SELECT u.trace_id, u.span_id, u.start_ns, u.anc_id AS owner_span_id,
           u.anc_agent AS agent,
           CASE WHEN u.hops = 2 THEN c.parent_span_id END AS step_span_id,
           CASE WHEN u.hops = 2 THEN p1.is_error END AS step_failed
    FROM up u
    JOIN fs c ON c.trace_id = u.trace_id AND c.span_id = u.span_id
    JOIN fs p1 ON p1.trace_id = c.trace_id AND p1.span_id = c.parent_span_id
    WHERE u.anc_op = $o_agent
),
spoke AS (
    SELECT DISTINCT c.trace_id, c.span_id FROM content c
    SEMI JOIN (SELECT trace_id, span_id FROM calls
               UNION SELECT trace_id, step_span_id FROM calls) k
         ON k.trace_id = c.trace_id AND k.span_id = c.span_id
    WHERE c.direction IN ($d_output, $d_payload)
)
SELECT m.trace_id, m.span_id, m.owner_span_id, m.agent, m.start_ns,
       CASE WHEN st.span_id IS NOT NULL OR m.step_failed THEN m.step_span_id END
           AS step_span_id
FROM calls m
SEMI JOIN spoke w ON w.trace_id = m.trace_id AND w.span_id = m.span_id
LEFT JOIN spoke st ON st.trace_id = m.trace_id AND st.span_id = m.step_span_id

-- name: said_calls_none
-- No content table: no model call's words are known.
CREATE OR REPLACE TEMP TABLE cg_said (
    trace_id VARCHAR, span_id VARCHAR, owner_span_id VARCHAR, agent VARCHAR, start_ns BIGINT,
    step_span_id VARCHAR
)

-- name: said_spans
-- The spans around cg_said's model calls, which a run's turns order at their end
-- (suspect_turns, detector_messages): an agent's span holding its calls (what it
-- recorded, a final answer, is their last word) and a call's step span, with
-- `call_span` the latest call under it (what that step did: a tool's turn of the call).
CREATE OR REPLACE TEMP TABLE cg_said_spans AS
SELECT DISTINCT trace_id, owner_span_id AS span_id, NULL::VARCHAR AS call_span FROM cg_said
UNION ALL
SELECT trace_id, step_span_id, arg_max(span_id, start_ns) FROM cg_said
WHERE step_span_id IS NOT NULL GROUP BY ALL

-- name: attributions
-- detector, quote, symptom_span_id: set by content signals only
CREATE OR REPLACE TEMP TABLE cg_attr (
    trace_id VARCHAR, category VARCHAR, rule VARCHAR, span_id VARCHAR, span_name VARCHAR,
    agent VARCHAR, reason VARCHAR, evidence VARCHAR[], detector VARCHAR, quote VARCHAR,
    symptom_span_id VARCHAR
)

-- name: signals_table
-- The detectors' signals over the pending runs (analyzer/detectors); pos is the
-- detector's place in the list, which breaks ties at one root-cause span.
CREATE OR REPLACE TEMP TABLE cg_signals (
    trace_id VARCHAR, detector VARCHAR, stage VARCHAR, agent VARCHAR, span_id VARCHAR,
    symptom_span_id VARCHAR, quote VARCHAR, reason VARCHAR, pos INTEGER
)

-- name: settle
DELETE FROM cg_pending WHERE trace_id IN (SELECT trace_id FROM cg_attr)

-- Suspect batches (analysis._suspects): the failed runs are ranked a batch at a
-- time so that only one batch's turns are Polars frames at once. While a batch is
-- ranked, the whole cg_run and cg_attr are set aside and those names hold the
-- batch's rows (all the suspects read of them); batch_end_* put them back.

-- name: batch_begin_run
ALTER TABLE cg_run RENAME TO cg_run_whole

-- name: batch_begin_attr
ALTER TABLE cg_attr RENAME TO cg_attr_whole

-- name: batch_run
CREATE OR REPLACE TEMP TABLE cg_run AS
SELECT * FROM cg_run_whole SEMI JOIN (SELECT unnest($trace_ids) AS trace_id) b USING (trace_id)

-- name: batch_attr
CREATE OR REPLACE TEMP TABLE cg_attr AS
SELECT * FROM cg_attr_whole SEMI JOIN (SELECT unnest($trace_ids) AS trace_id) b
    USING (trace_id)

-- name: batch_end_run
ALTER TABLE cg_run_whole RENAME TO cg_run

-- name: batch_end_attr
ALTER TABLE cg_attr_whole RENAME TO cg_attr

-- name: tool_callers
-- The tool calls of the failed runs with no agent above them (their parent's and
-- grandparent's operations are no agent's) whose run has model calls that are their
-- agents' words (cg_said): each is the call of the latest such model call before it.
-- Workflow engines that run an agent's step and its tool calls as sibling steps
-- (LlamaIndex's AgentWorkflow) put no agent above a tool: the agent on the floor,
-- the one whose model asked for the tool, is the latest to have spoken. A graph node
-- that runs tools and calls no model (an agent span whose actor is a tool: LangGraph's
-- ToolNode) is no agent above them, and is such a call itself.
CREATE OR REPLACE TEMP TABLE cg_tool_callers AS
WITH tools AS (
    SELECT t.trace_id, t.span_id, t.start_ns
    FROM cg_spans t
    SEMI JOIN (SELECT DISTINCT trace_id FROM cg_said) r ON r.trace_id = t.trace_id
    LEFT JOIN cg_spans p1 ON p1.trace_id = t.trace_id AND p1.span_id = t.parent_span_id
    LEFT JOIN cg_spans p2 ON p2.trace_id = p1.trace_id AND p2.span_id = p1.parent_span_id
    WHERE (t.operation = $o_tool OR (t.operation = $o_agent AND t.actor = $a_tool))
      AND (p1.operation IS DISTINCT FROM $o_agent OR p1.actor = $a_tool)
      AND (p2.operation IS DISTINCT FROM $o_agent OR p2.actor = $a_tool)
)
SELECT t.trace_id, t.span_id, c.agent, c.owner_span_id
FROM tools t ASOF JOIN cg_said c ON c.trace_id = t.trace_id AND c.start_ns <= t.start_ns

