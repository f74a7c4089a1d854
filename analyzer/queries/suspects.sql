-- Suspects: the turns of every failed run, read by analyzer/suspects (Python/Polars)
-- to rank the agents and steps that may have made the mistake. Operation, actor
-- and direction values are bound by analyzer.queries.bind (tracer/semconv.py).

-- name: suspect_turns
-- One row per span of a failed run that is an agent's, a tool's, a verifier's or a
-- planner's turn, or the run span itself (turn 0), numbered by start time. `agent`
-- is the agent to blame for the turn (the span's own agent; for a model call that
-- speaks for an agent further up, cg_said's; for a tool or other span, the nearest
-- agent at most two levels above it) and `owner_span_id` that agent's span. A model
-- call that holds its agent's words (cg_said) is that agent's own step, and the tool
-- calls and handoffs under the agent belong to the latest such call before them; a
-- call's step span (cg_said_spans) is a tool's turn of its call, and it and an agent's
-- span holding calls come at their end. `wants_input`: whether a feature reads the
-- step's input (the task on the run span, a tool call's arguments, the first
-- $first_inputs steps' briefs; not a step span's, the framework's record of the step):
-- in a chat every input repeats the whole history.
-- `is_call`: the turn is such a model call. The text comes from suspect_turn_text.
WITH failed AS (SELECT trace_id, run_span_id FROM cg_run WHERE failed),
-- the spans of the failed runs only: the parents looked up below are among them
fs AS (SELECT * FROM cg_spans s SEMI JOIN failed f ON f.trace_id = s.trace_id),
s AS (
    SELECT s.trace_id, s.span_id, s.parent_span_id, s.name,
           CASE WHEN st.call_span IS NOT NULL THEN $o_tool ELSE s.operation END AS operation,
           s.actor, s.agent, s.start_ns, s.end_ns, s.span_id = f.run_span_id AS is_run,
           -- a span holding other agents' turns (cg_holders) or its agent's model calls,
           -- or a call's step span (cg_said_spans), is ordered at its end
           h.span_id IS NOT NULL OR st.span_id IS NOT NULL AS holds,
           st.call_span AS step_call, cs.span_id IS NOT NULL AS is_call
    FROM cg_spans s JOIN failed f ON f.trace_id = s.trace_id
    LEFT JOIN cg_holders h ON h.trace_id = s.trace_id AND h.span_id = s.span_id
    LEFT JOIN cg_said_spans st ON st.trace_id = s.trace_id AND st.span_id = s.span_id
    LEFT JOIN cg_said cs ON cs.trace_id = s.trace_id AND cs.span_id = s.span_id
    WHERE s.span_id = f.run_span_id OR s.operation IN ($o_agent, $o_tool, $o_verify, $o_plan)
       OR st.call_span IS NOT NULL
       -- a holder's handoff out (its brief to an agent it delegates to) is its word
       -- then, where its own output comes at the end
       OR (s.operation = $o_handoff
           AND EXISTS (SELECT 1 FROM cg_holders b
                       WHERE b.trace_id = s.trace_id AND b.span_id = s.parent_span_id
                         AND b.agent = s.handoff_source))
       OR cs.span_id IS NOT NULL
),
j AS (
    SELECT s.*,
           CASE WHEN s.is_run THEN NULL
                WHEN tc.span_id IS NOT NULL THEN tc.agent
                WHEN s.operation IN ($o_agent, $o_verify, $o_plan) THEN s.agent
                WHEN s.operation = $o_handoff THEN p1.agent
                WHEN cs.span_id IS NOT NULL THEN cs.agent
                WHEN p1.operation = $o_agent THEN p1.agent
                WHEN p2.operation = $o_agent THEN p2.agent
                END AS owner,
           CASE WHEN s.is_run THEN NULL
                WHEN tc.span_id IS NOT NULL THEN tc.owner_span_id
                WHEN s.operation IN ($o_agent, $o_verify, $o_plan) THEN s.span_id
                WHEN s.operation = $o_handoff THEN p1.span_id
                WHEN cs.span_id IS NOT NULL THEN cs.owner_span_id
                WHEN p1.operation = $o_agent THEN p1.span_id
                WHEN p2.operation = $o_agent THEN p2.span_id
                END AS owner_span_id
    FROM s
    LEFT JOIN fs p1 ON p1.trace_id = s.trace_id AND p1.span_id = s.parent_span_id
    LEFT JOIN fs p2 ON p2.trace_id = p1.trace_id AND p2.span_id = p1.parent_span_id
    -- a tool with no agent above it: the agent whose model call asked for it
    LEFT JOIN cg_tool_callers tc ON tc.trace_id = s.trace_id AND tc.span_id = s.span_id
    -- a model call speaking for an agent span further up
    LEFT JOIN cg_said cs ON cs.trace_id = s.trace_id AND cs.span_id = s.span_id
),
-- a step under an agent whose words are its model calls: the latest call before it
k AS (
    SELECT j.*, c.span_id AS call_span FROM j
    ASOF LEFT JOIN cg_said c
        ON c.trace_id = j.trace_id AND c.owner_span_id = j.owner_span_id
       AND c.start_ns <= j.start_ns
    WHERE j.step_call IS NULL
    UNION ALL
    SELECT j.*, j.step_call AS call_span FROM j WHERE j.step_call IS NOT NULL
)
SELECT trace_id, span_id, name,
       -- a model call holding its agent's words stands as the agent's step
       CASE WHEN operation IS NULL AND NOT is_run THEN $o_agent ELSE operation END AS operation,
       actor, owner AS agent,
       CASE WHEN span_id = owner_span_id THEN owner_span_id
            ELSE coalesce(call_span, owner_span_id) END AS owner_span_id,
       is_run, is_call,
       coalesce(operation = $o_tool OR actor = $a_tool, false) AS is_tool,
       step_call IS NULL AND (is_run OR operation = $o_tool
           OR row_number() OVER (PARTITION BY trace_id ORDER BY start_ns, span_id)
              <= $first_inputs) AS wants_input,
       CAST(row_number() OVER (PARTITION BY trace_id
                               ORDER BY is_run DESC,
                                        CASE WHEN holds AND NOT is_run THEN end_ns
                                             ELSE start_ns END,
                                        span_id)
            AS INTEGER) - 1 AS turn
FROM k
-- unordered: analyzer/suspects/turns.py sorts the turns by run and turn once the
-- text is joined

-- name: suspect_turn_text
-- The message text of the turns in `cg_turn_keys` (trace_id, span_id, wants_input:
-- suspect_turns' rows, registered by analyzer/suspects/turns.py): `output`, and
-- `input` where the turn wants it. A tool's or other non-agent span's turn that failed
-- and recorded no output says the error it raised (its exception event's message: what
-- a program's run printed to its caller); a model call's step span was given what the
-- call wrote (the code it ran). Read only for the runs an explicit record did
-- not settle (rules named in $settled_rules named their agent from the structure; their
-- suspects rank by structure alone).
WITH reading AS (
    SELECT trace_id FROM cg_attr
    WHERE agent IS NULL OR NOT list_contains($settled_rules, rule)
),
said AS (
    SELECT c.trace_id, c.span_id,
           -- a handoff says what it handed (its payload, else the call's input), not
           -- the reply it brought back: that is the receiver's word
           CASE WHEN t.hands
                THEN coalesce(string_agg(c.text, chr(10) ORDER BY c.seq)
                                  FILTER (WHERE c.direction = $d_payload),
                              string_agg(c.text, chr(10) ORDER BY c.seq)
                                  FILTER (WHERE c.direction = $d_input))
                ELSE string_agg(c.text, chr(10) ORDER BY c.seq)
                         FILTER (WHERE c.direction IN ($d_output, $d_payload)) END AS output,
           string_agg(c.text, chr(10) ORDER BY c.seq)
               FILTER (WHERE c.direction = $d_input AND t.wants_input AND NOT t.hands) AS input
    FROM content c JOIN cg_turn_keys t ON t.trace_id = c.trace_id AND t.span_id = c.span_id
    SEMI JOIN reading r ON r.trace_id = c.trace_id
    WHERE c.direction IN ($d_output, $d_payload) OR (c.direction = $d_input AND (t.wants_input OR t.hands))
    GROUP BY c.trace_id, c.span_id, t.hands
),
raised AS (
    SELECT s.trace_id, s.span_id,
           list_filter(json_extract_string(s.events, $exc_message_path), lambda m: m <> '')[1]
               AS error
    FROM spans s JOIN cg_turn_keys t ON t.trace_id = s.trace_id AND t.span_id = s.span_id
    SEMI JOIN reading r ON r.trace_id = s.trace_id
    WHERE s.is_error AND coalesce(s.operation, $o_tool) = $o_tool
),
texts AS (
    SELECT coalesce(x.trace_id, e.trace_id) AS trace_id,
           coalesce(x.span_id, e.span_id) AS span_id, coalesce(x.output, e.error) AS output,
           x.input
    FROM said x FULL JOIN raised e ON e.trace_id = x.trace_id AND e.span_id = x.span_id
    WHERE x.span_id IS NOT NULL OR e.error IS NOT NULL
),
-- what a call's step span ran is what the call wrote (the code it ran, if any)
ran AS (
    SELECT st.trace_id, st.span_id, c.output AS input
    FROM cg_said_spans st JOIN texts c ON c.trace_id = st.trace_id AND c.span_id = st.call_span
    SEMI JOIN cg_turn_keys k ON k.trace_id = st.trace_id AND k.span_id = st.span_id
)
SELECT coalesce(t.trace_id, r.trace_id) AS trace_id, coalesce(t.span_id, r.span_id) AS span_id,
       t.output, coalesce(t.input, r.input) AS input
FROM texts t FULL JOIN ran r ON r.trace_id = t.trace_id AND r.span_id = t.span_id

-- name: suspect_attributions
-- What the rules named for each failed run (agent, span, rule, detector, and the
-- evidence span ids).
SELECT trace_id, agent, span_id, rule, detector, evidence FROM cg_attr
