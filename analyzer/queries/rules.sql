-- Attribution rules. Each reads the failed runs still unexplained (cg_pending)
-- and returns at most one row per run:
--   trace_id, category, rule, span_id, span_name, agent, reason, evidence
-- The order in which they run lives in analyzer/rules.py (RULES).

-- name: rule_decomposition_recorded
-- 1. The plan span errored, or recorded unassigned, duplicate or overlapping subtasks.
SELECT s.trace_id, $s_decomposition AS category, 'decomposition_recorded' AS rule,
       s.span_id, s.name AS span_name, s.agent,
       CASE WHEN len(s.plan_defects) > 0
            THEN 'plan `' || COALESCE(s.agent, s.name) || '` recorded '
                 || cg_defect(s.plan_defects[1]) || cg_more(s.plan_defects)
            ELSE 'plan `' || COALESCE(s.agent, s.name) || '` raised '
                 || COALESCE(s.error_type, 'an error') END AS reason,
       [s.span_id] AS evidence
FROM cg_spans s SEMI JOIN cg_pending p ON p.trace_id = s.trace_id
WHERE (s.operation = $o_plan OR s.stage = $s_decomposition)
  AND (s.is_error OR len(s.plan_defects) > 0)
QUALIFY row_number() OVER (PARTITION BY s.trace_id ORDER BY s.start_ns, s.span_id) = 1

-- name: rule_handoff
-- 2. A handoff recorded a violation, or itself errored / timed out (an error that
-- only passed through it from the receiver it wraps is the receiver's). The
-- receiver's errors after the handoff are evidence, not the root cause.
WITH h AS (
    SELECT h.*
    FROM cg_handoffs h
    SEMI JOIN cg_pending p ON p.trace_id = h.trace_id
    LEFT JOIN cg_err e ON e.trace_id = h.trace_id AND e.span_id = h.span_id
    WHERE len(h.violations) > 0 OR (h.is_error AND COALESCE(e.originating, true))
    QUALIFY row_number() OVER (PARTITION BY h.trace_id ORDER BY h.start_ns, h.span_id) = 1
),
receiver_errors AS (
    SELECT h.trace_id, list(e.span_id ORDER BY e.end_ns, e.span_id) AS spans
    FROM h JOIN cg_err e ON e.trace_id = h.trace_id
    WHERE e.originating AND e.span_id <> h.span_id AND e.end_ns >= h.start_ns
      AND (e.owner_agent = h.target OR e.agent = h.target)
    GROUP BY h.trace_id
)
SELECT h.trace_id, $s_handoff AS category, $s_handoff AS rule, h.span_id,
       h.name AS span_name, h.source AS agent,
       'handoff ' || h.source || ' -> ' || h.target || ' '
           || CASE WHEN len(h.violations) > 0
                   THEN cg_violation(h.violations[1]) || cg_more(h.violations)
                   ELSE 'failed: ' || COALESCE(h.error_type, 'error') END AS reason,
       [h.span_id] || COALESCE(r.spans, []) AS evidence
FROM h
LEFT JOIN receiver_errors r ON r.trace_id = h.trace_id

-- name: rule_generation
-- 3. An agent or tool outside the assembly stage raised: blame the deepest span
-- where the exception originated (the first to end when there are several; a model
-- call's step span: the call, whose code it ran),
-- with the errored ancestors it propagated through as evidence. Failing that,
-- a verifier rejected every attempt: blame the last rejected output's producer
-- (the latest agent span that ended before that verdict), else the verdict.
-- Failing that, an error originated in a span no mapping recognises (no agent
-- or tool above it): blame its nearest named ancestor (a workflow, a verifier,
-- a plan...), else the span itself by name, never nobody.
WITH raised AS (
    -- a model call's step span that raised (cg_said_spans: it ran the code the call
    -- wrote) names the call
    SELECT e.trace_id, 1 AS priority, e.end_ns AS t,
           coalesce(st.call_span, e.span_id) AS span_id, e.name AS span_name,
           COALESCE(e.owner_agent, e.agent) AS agent,
           '`' || COALESCE(e.owner_agent, e.agent, e.name) || '` raised '
               || COALESCE(e.error_type, 'an error')
               || CASE WHEN e.owner_id IS DISTINCT FROM e.span_id
                       THEN ' in `' || e.name || '`' ELSE '' END AS reason,
           [e.span_id] || COALESCE(e.errored_ancestors, []) AS evidence
    FROM cg_err e SEMI JOIN cg_pending p ON p.trace_id = e.trace_id
    LEFT JOIN cg_said_spans st ON st.trace_id = e.trace_id AND st.span_id = e.span_id
    WHERE e.originating AND NOT e.in_assembly AND e.owner_id IS NOT NULL
),
verdicts AS (
    SELECT v.trace_id, v.verifier, count(*) AS attempts,
           count(*) FILTER (WHERE v.verdict = $v_reject) AS rejects,
           arg_max(v.span_id, v.end_ns) AS last_span, arg_max(v.name, v.end_ns) AS last_name,
           arg_max(v.start_ns, v.end_ns) AS last_start, max(v.end_ns) AS last_end,
           list(v.span_id ORDER BY v.end_ns, v.span_id) AS spans
    FROM cg_verify v SEMI JOIN cg_pending p ON p.trace_id = v.trace_id
    GROUP BY v.trace_id, v.verifier
    HAVING count(*) FILTER (WHERE v.verdict = $v_reject) = count(*)
),
producer AS (
    SELECT v.trace_id, v.verifier,
           arg_max({'span_id': s.span_id, 'name': s.name, 'agent': s.agent},
                   s.end_ns) AS p
    FROM verdicts v
    JOIN cg_link s ON s.trace_id = v.trace_id
    WHERE s.operation = $o_agent AND s.stage IS DISTINCT FROM $s_verification
      AND s.end_ns <= v.last_start
      AND s.trace_id IN (SELECT trace_id FROM verdicts)
    GROUP BY v.trace_id, v.verifier
),
rejected AS (
    SELECT v.trace_id, 2 AS priority, v.last_end AS t,
           COALESCE(pr.p.span_id, v.last_span) AS span_id,
           COALESCE(pr.p.name, v.last_name) AS span_name,
           COALESCE(pr.p.agent, v.verifier) AS agent,
           'verifier `' || v.verifier || '` rejected '
               || CASE WHEN v.attempts > 1 THEN 'all ' || v.attempts || ' attempts'
                       ELSE 'the only attempt' END
               || COALESCE('; last output from `' || pr.p.agent || '`', '') AS reason,
           list_filter([pr.p.span_id], lambda x: x IS NOT NULL) || v.spans AS evidence
    FROM verdicts v LEFT JOIN producer pr ON pr.trace_id = v.trace_id
                                         AND pr.verifier = v.verifier
),
named AS (
    SELECT trace_id, span_id, arg_min(anc_agent, hops) AS agent
    FROM cg_err_walk
    WHERE anc_agent IS NOT NULL AND trace_id IN (SELECT trace_id FROM cg_pending)
    GROUP BY trace_id, span_id
),
stray AS (
    SELECT e.trace_id, 3 AS priority, e.end_ns AS t, e.span_id, e.name AS span_name,
           COALESCE(n.agent, e.name) AS agent,
           '`' || COALESCE(n.agent, e.name) || '` raised ' || COALESCE(e.error_type, 'an error')
               || CASE WHEN n.agent IS DISTINCT FROM e.agent OR e.agent IS NULL
                       THEN ' in `' || e.name || '`' ELSE '' END AS reason,
           [e.span_id] || COALESCE(e.errored_ancestors, []) AS evidence
    FROM cg_err e SEMI JOIN cg_pending p ON p.trace_id = e.trace_id
    LEFT JOIN named n ON n.trace_id = e.trace_id AND n.span_id = e.span_id
    WHERE e.originating AND NOT COALESCE(e.in_assembly, false) AND e.owner_id IS NULL
)
SELECT trace_id, $s_generation AS category, $s_generation AS rule, span_id, span_name, agent,
       reason, evidence
FROM (SELECT * FROM raised UNION ALL SELECT * FROM rejected UNION ALL SELECT * FROM stray)
QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY priority, t, span_id) = 1

-- name: rule_assembly
-- 4. A span of the assembly stage raised, or a span under one: blame the span
-- where the exception originated.
SELECT e.trace_id, $s_assembly AS category, $s_assembly AS rule, e.span_id,
       e.name AS span_name, COALESCE(e.owner_agent, e.agent) AS agent,
       'assembly `' || COALESCE(e.owner_agent, e.agent, e.name) || '` raised '
           || COALESCE(e.error_type, 'an error')
           || CASE WHEN e.owner_id IS DISTINCT FROM e.span_id
                   THEN ' in `' || e.name || '`' ELSE '' END AS reason,
       [e.span_id] || COALESCE(e.errored_ancestors, []) AS evidence
FROM cg_err e SEMI JOIN cg_pending p ON p.trace_id = e.trace_id
WHERE e.originating AND e.in_assembly
QUALIFY row_number() OVER (PARTITION BY e.trace_id ORDER BY e.end_ns, e.span_id) = 1

-- name: rule_decomposition_omission
-- 5. The run was not aborted by an error, yet a planned subtask's assignee never
-- ran (no span of that agent) nor received a handoff (explicit or inferred).
WITH planned AS (
    SELECT s.trace_id, s.span_id, s.name, COALESCE(s.agent, s.name) AS planner,
           s.agent, s.start_ns, unnest(s.plan_assignees) AS assignee
    FROM cg_spans s
    SEMI JOIN (SELECT trace_id FROM cg_pending WHERE NOT run_error) p
        ON p.trace_id = s.trace_id
    WHERE (s.operation = $o_plan OR s.stage = $s_decomposition) AND len(s.plan_assignees) > 0
),
present AS (
    SELECT DISTINCT s.trace_id, s.agent FROM cg_spans s
    WHERE s.trace_id IN (SELECT trace_id FROM planned) AND s.agent IS NOT NULL
      AND s.operation IS DISTINCT FROM $o_plan
    UNION
    SELECT h.trace_id, h.target FROM cg_handoffs_all h
    WHERE h.trace_id IN (SELECT trace_id FROM planned)
),
missing AS (
    SELECT pl.trace_id, pl.span_id, pl.name, pl.planner, pl.agent, pl.start_ns,
           list(DISTINCT pl.assignee ORDER BY pl.assignee) AS assignees
    FROM planned pl
    ANTI JOIN present pr ON pr.trace_id = pl.trace_id AND pr.agent = pl.assignee
    WHERE pl.assignee <> ''
    GROUP BY ALL
)
SELECT trace_id, $s_decomposition AS category, 'decomposition_omission' AS rule, span_id,
       name AS span_name, agent,
       'plan `' || planner || '` assigned a subtask to `' || assignees[1]
           || '` which never ran nor received a handoff' || cg_more(assignees) AS reason,
       [span_id] AS evidence
FROM missing
QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY start_ns, span_id) = 1

-- name: rule_content_signal
-- 6. A detector read the run's content and named the agent, the step where the
-- mistake was made and a quote (analyzer/detectors). The earliest root-cause span
-- wins (causal order); at one span, the detector listed first; a fallback
-- detector's signal only when no other fired; two signals of one detector at one
-- span by their reason, symptom and quote (not by chance). A signal without an
-- agent, a quote or a span of its run is never used.
WITH sig AS (
    SELECT g.*, s.name AS span_name, s.start_ns
    FROM cg_signals g
    JOIN cg_spans s ON s.trace_id = g.trace_id AND s.span_id = g.span_id
    SEMI JOIN cg_pending p ON p.trace_id = g.trace_id
    WHERE g.agent IS NOT NULL AND trim(g.agent) <> '' AND g.quote IS NOT NULL
      AND trim(g.quote) <> '' AND list_contains($stages, g.stage)
    QUALIFY row_number() OVER (PARTITION BY g.trace_id
                               ORDER BY list_contains($fallback, g.detector), s.start_ns, g.pos,
                                        g.span_id, g.reason, g.symptom_span_id, g.quote) = 1
)
SELECT trace_id, stage AS category, 'content_signal' AS rule, span_id, span_name, agent,
       coalesce(reason, '`' || agent || '` (' || detector || ')') AS reason,
       list_filter([span_id, CASE WHEN symptom_span_id <> span_id THEN symptom_span_id END],
                   lambda x: x IS NOT NULL) AS evidence,
       detector,
       CASE WHEN length(q) > $quote_max THEN left(q, $quote_max - 1) || '…' ELSE q END AS quote,
       CASE WHEN symptom_span_id <> span_id THEN symptom_span_id END AS symptom_span_id
FROM (SELECT *, trim(regexp_replace(quote, '[\x00-\x1f\x7f]+', ' ', 'g')) AS q FROM sig)

-- name: rule_verification
-- 7. A verifier accepted in a run that failed (false accept: blame its last
-- accepting verdict), or no verifier ran at all (verification gap: the span
-- that recorded the failure stands as root).
WITH accepted AS (
    SELECT v.trace_id, arg_max({'span_id': v.span_id, 'name': v.name,
                                'verifier': v.verifier}, v.end_ns) AS a
    FROM cg_verify v SEMI JOIN cg_pending p ON p.trace_id = v.trace_id
    WHERE v.verdict = $v_accept
    GROUP BY v.trace_id
),
checked AS (SELECT DISTINCT trace_id FROM cg_verify)
SELECT p.trace_id, $s_verification AS category,
       CASE WHEN a.trace_id IS NULL THEN 'verification_gap'
            ELSE 'verification_false_accept' END AS rule,
       COALESCE(a.a.span_id, p.fail_span_id) AS span_id,
       COALESCE(a.a.name, p.fail_span_name) AS span_name,
       a.a.verifier AS agent,
       CASE WHEN a.trace_id IS NULL
            THEN 'silent failure: no signal in the trace; no verifier''s verdict was recorded '
                 || 'in this run before it failed (verification gap)'
            ELSE 'verifier `' || a.a.verifier || '` accepted a run that failed (false accept)'
       END || CASE WHEN p.fail_signal = $o_outcome THEN COALESCE(': ' || p.outcome_reason, '')
                   ELSE '' END
           || CASE WHEN a.trace_id IS NULL
                   THEN '. To name the agent: '
                        || CASE WHEN p.trace_id IN (SELECT trace_id FROM content) THEN ''
                                ELSE 'capture content (capture_content=True), ' END
                        || 'add a verifier, or declare expects= on handoffs'
                   ELSE '' END AS reason,
       list_filter([a.a.span_id, CASE WHEN p.fail_span_id IS DISTINCT FROM a.a.span_id
                                      THEN p.fail_span_id END],
                   lambda x: x IS NOT NULL) AS evidence
FROM cg_pending p
LEFT JOIN accepted a ON a.trace_id = p.trace_id
WHERE a.trace_id IS NOT NULL OR p.trace_id NOT IN (SELECT trace_id FROM checked)

-- name: rule_unknown
-- 8. Nothing above explains the failure: say so, never guess. Errors that no rule
-- could place (say a verifier that crashed) are listed as evidence.
WITH stray AS (
    SELECT e.trace_id, list(e.span_id ORDER BY e.end_ns, e.span_id) AS spans
    FROM cg_err e SEMI JOIN cg_pending p ON p.trace_id = e.trace_id
    WHERE e.originating
    GROUP BY e.trace_id
)
SELECT p.trace_id, $c_unknown AS category, $c_unknown AS rule, p.fail_span_id AS span_id,
       p.fail_span_name AS span_name, NULL::VARCHAR AS agent,
       'run failed (' || CASE p.fail_signal
                            WHEN $o_outcome THEN $o_outcome || ': ' || COALESCE(p.outcome_reason, $out_failure)
                            WHEN 'error' THEN 'error on the run span'
                            ELSE 'last verdict rejected' END
           || ') and no plan defect, handoff violation, agent, tool or assembly error, '
           || 'omission or accepting verifier explains it' AS reason,
       list_filter([p.fail_span_id], lambda x: x IS NOT NULL)
           || list_filter(COALESCE(s.spans, []), lambda x: x IS DISTINCT FROM p.fail_span_id)
           AS evidence
FROM cg_pending p LEFT JOIN stray s ON s.trace_id = p.trace_id
