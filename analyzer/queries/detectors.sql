-- Detectors: passes over the content of the failed runs that no explicit rule
-- explained. Each reads cg_msg (one row per span with content, see
-- detector_messages) and returns signal rows:
--   trace_id, detector, stage, agent, span_id, symptom_span_id, quote, reason
-- span_id is where the mistake was made, symptom_span_id where it showed; the
-- reason never holds content (the quote does). Patterns are bound from
-- analyzer/detectors/builtin.py. The order they are tried in lives there too.

-- name: detector_messages
-- The turns of the pending runs: every span with content, numbered by start time.
-- `agent` is the agent to blame for the turn (the span's own agent, or for a tool,
-- model or other span the nearest agent at most two levels above it) and
-- `owner_span_id` that agent's span. `is_exec`: a tool's reply, or a program
-- executor's, recognised by structure, never by its wording: an agent that writes
-- no code in the run, replies right after another agent's code at least once (or
-- after code and one message calling it by name), and
-- whose turns mostly come after code (`after_code`: a turn holding code came since
-- this agent's previous turn, within the last three turns).
-- A `code` actor alone is no executor (a graph node that writes is one too), but one
-- that never writes code and mostly follows code need not answer right after it.
CREATE OR REPLACE TEMP TABLE cg_msg AS
WITH c AS (
    SELECT c.trace_id, c.span_id,
           string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_output)
               AS output,
           string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_input)
               AS input,
           string_agg(c.text, chr(10) ORDER BY c.seq) FILTER (WHERE c.direction = $d_payload)
               AS payload
    FROM content c SEMI JOIN cg_pending p ON p.trace_id = c.trace_id
    GROUP BY ALL
),
-- the spans of the pending runs only (a join with every span costs more than the
-- text it reads)
sp AS (SELECT * FROM cg_spans s SEMI JOIN cg_pending p ON p.trace_id = s.trace_id),
j AS (
    SELECT c.*, s.name, s.operation, s.actor, s.start_ns, s.agent AS own_agent,
           CASE WHEN h.span_id IS NULL AND st.span_id IS NULL THEN s.start_ns ELSE s.end_ns END
               AS said_ns,
           st.call_span AS step_call,
           coalesce(s.span_id = r.run_span_id OR s.operation = $o_workflow, false) AS is_run,
           CASE WHEN tc.span_id IS NOT NULL THEN tc.agent
                WHEN s.operation IN ($o_agent, $o_verify, $o_plan) THEN s.agent
                WHEN s.operation = $o_handoff THEN s.handoff_source
                WHEN cs.span_id IS NOT NULL THEN cs.agent
                WHEN p1.operation = $o_agent THEN p1.agent
                WHEN p2.operation = $o_agent THEN p2.agent END AS agent,
           CASE WHEN tc.span_id IS NOT NULL THEN tc.owner_span_id
                WHEN s.operation IN ($o_agent, $o_verify, $o_plan) OR s.operation = $o_handoff
                    THEN s.span_id
                WHEN cs.span_id IS NOT NULL THEN cs.owner_span_id
                WHEN p1.operation = $o_agent THEN p1.span_id
                WHEN p2.operation = $o_agent THEN p2.span_id END AS owner_span_id
    FROM c
    JOIN sp s ON s.trace_id = c.trace_id AND s.span_id = c.span_id
    JOIN cg_run r ON r.trace_id = c.trace_id
    LEFT JOIN sp p1 ON p1.trace_id = s.trace_id AND p1.span_id = s.parent_span_id
    LEFT JOIN sp p2 ON p2.trace_id = p1.trace_id AND p2.span_id = p1.parent_span_id
    -- a tool with no agent above it: the agent whose model call asked for it
    LEFT JOIN cg_tool_callers tc ON tc.trace_id = s.trace_id AND tc.span_id = s.span_id
    -- a model call speaking for an agent span further up
    LEFT JOIN cg_said cs ON cs.trace_id = s.trace_id AND cs.span_id = s.span_id
    -- a span holding other agents' turns (cg_holders) or its agent's model calls, or a
    -- call's step span (cg_said_spans), is ordered at its end
    LEFT JOIN cg_holders h ON h.trace_id = s.trace_id AND h.span_id = s.span_id
                          AND s.span_id <> r.run_span_id
    LEFT JOIN cg_said_spans st ON st.trace_id = s.trace_id AND st.span_id = s.span_id
),
-- a model call holding its agent's words (cg_said) is the agent's step, and the
-- agent's tool calls and handoffs belong to the latest such call before them; a
-- call's step span is a tool's turn of that call
jc AS (
    SELECT j.* REPLACE (
               CASE WHEN j.span_id = j.owner_span_id THEN j.owner_span_id
                    ELSE coalesce(c.span_id, j.owner_span_id) END AS owner_span_id,
               CASE WHEN c.span_id = j.span_id THEN $o_agent ELSE j.operation END
                   AS operation),
           coalesce(c.span_id = j.span_id, false) AS is_call
    FROM j ASOF LEFT JOIN cg_said c
        ON c.trace_id = j.trace_id AND c.owner_span_id = j.owner_span_id
       AND c.start_ns <= j.start_ns
    WHERE j.step_call IS NULL
      -- where an agent's words are its model calls, another plain span under it (a
      -- model class's helper whose output is the prompt it built) says nothing
      AND NOT (j.operation IS NULL AND NOT j.is_run
               AND EXISTS (SELECT 1 FROM cg_said_spans h
                           WHERE h.trace_id = j.trace_id AND h.span_id = j.owner_span_id
                             AND h.call_span IS NULL)
               AND NOT EXISTS (SELECT 1 FROM cg_said x
                               WHERE x.trace_id = j.trace_id AND x.span_id = j.span_id))
    UNION ALL
    SELECT j.* REPLACE (j.step_call AS owner_span_id, $o_tool AS operation), false FROM j
    WHERE j.step_call IS NOT NULL
),
t AS (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY trace_id ORDER BY is_run DESC, said_ns, span_id)
                AS INTEGER) - 1 AS turn,
           coalesce(operation = $o_tool OR actor = $a_tool, false) AS is_tool,
           NOT is_run AND output IS NOT NULL AND operation IS DISTINCT FROM $o_handoff
               AND regexp_matches(output, $re_code) AS has_code
    FROM jc
),
said AS (
    -- the turns that said something (a handoff's payload repeats its source's turn),
    -- of the runs where one holds code: in the others no turn comes after code
    SELECT trace_id, span_id, agent, turn, has_code, lower(output) AS low FROM t
    WHERE NOT is_run AND output IS NOT NULL AND operation IS DISTINCT FROM $o_handoff
    QUALIFY bool_or(has_code) OVER (PARTITION BY trace_id)
),
names AS (
    SELECT trace_id, list(DISTINCT lower(agent)) AS names FROM said
    WHERE agent IS NOT NULL GROUP BY trace_id
),
addressed AS (
    -- a message that names another agent of the run is an instruction, not a
    -- program's output
    SELECT s.*, len(list_filter(n.names, lambda x: x <> lower(coalesce(s.agent, ''))
                                             AND contains(s.low, x))) > 0 AS names_other
    FROM said s LEFT JOIN names n ON n.trace_id = s.trace_id
),
marks AS (
    SELECT trace_id, span_id,
           coalesce(max(CASE WHEN has_code THEN turn END) OVER (
               PARTITION BY trace_id ORDER BY turn ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING),
               -1) > coalesce(lag(turn) OVER (PARTITION BY trace_id, agent ORDER BY turn), -1)
               AND NOT has_code AND NOT coalesce(names_other, false) AS after_code,
           -- right after code, or after code and one message that calls this agent
           -- by name, or another agent's that holds no digit (an orchestrator passing
           -- the code on: "run it")
           (coalesce(lag(has_code) OVER (PARTITION BY trace_id ORDER BY turn), false)
            OR (coalesce(lag(has_code, 2) OVER (PARTITION BY trace_id ORDER BY turn), false)
                AND ((contains(coalesce(lag(low) OVER (PARTITION BY trace_id ORDER BY turn), ''),
                               lower(coalesce(agent, '')))
                      AND agent IS NOT NULL)
                     OR (NOT regexp_matches(coalesce(lag(low) OVER (PARTITION BY trace_id
                                                                    ORDER BY turn), '0'), '\d')
                         AND lag(agent) OVER (PARTITION BY trace_id ORDER BY turn)
                             <> lag(agent, 2) OVER (PARTITION BY trace_id ORDER BY turn)))))
               AND NOT has_code AND NOT coalesce(names_other, false) AS right_after_code
    FROM addressed
),
w AS (
    SELECT t.*, coalesce(m.after_code, false) AS after_code,
           coalesce(m.right_after_code, false) AS right_after_code
    FROM t LEFT JOIN marks m ON m.trace_id = t.trace_id AND m.span_id = t.span_id
),
executors AS (
    SELECT trace_id, agent FROM w
    WHERE NOT is_run AND NOT is_tool AND agent IS NOT NULL AND output IS NOT NULL
      AND operation IS DISTINCT FROM $o_handoff
    GROUP BY ALL
    -- a code actor (the integration said so) need not answer right after the code:
    -- an orchestrator may say "run it" between
    -- an agent whose words are its model calls (cg_said) runs no one's code
    HAVING NOT bool_or(has_code) AND NOT bool_or(is_call)
       AND (count(*) FILTER (WHERE right_after_code) >= 1 OR bool_and(actor = $a_code))
       AND 2 * count(*) FILTER (WHERE after_code) >= count(*)
)
SELECT w.trace_id, w.span_id, w.name, w.operation, w.actor, w.start_ns, w.own_agent, w.agent,
       w.owner_span_id, w.is_run, w.output, w.input, w.payload, w.turn, w.after_code, w.is_tool,
       w.is_tool OR (e.agent IS NOT NULL AND w.operation IS DISTINCT FROM $o_handoff) AS is_exec
FROM w LEFT JOIN executors e ON e.trace_id = w.trace_id AND e.agent = w.agent

-- name: detector_code_failure
-- A tool or code run failed in its output (traceback, non-zero exit code, command
-- not found, HTTP 4xx/5xx, an error object) while nothing raised. Blame the agent
-- that wrote the code or arguments, at the step where it wrote them: a tool's
-- calling agent, or for an executor's reply the latest earlier turn of another
-- agent that holds code (that code's first writer, when the turn relays a program
-- said before). A failure the team recovered from (the same executor or
-- tool later ran new code without failing) is not the mistake.
WITH failed AS (
    SELECT m.*, regexp_extract(m.output, $re_fail_line, 0) AS line,
           coalesce(regexp_extract_all(m.output, $re_error_line)[-1], '') AS error_line
    FROM cg_msg m
    WHERE NOT m.is_run AND m.is_exec AND regexp_matches(m.output, $re_fail)
      AND NOT EXISTS (
          SELECT 1 FROM cg_msg later
          WHERE later.trace_id = m.trace_id AND later.turn > m.turn
            AND NOT later.is_run AND later.name = m.name
            AND NOT regexp_matches(coalesce(later.output, ''), $re_fail)
            -- a tool's later clean reply, or an executor's to new code
            AND (later.is_tool OR later.after_code))
),
-- every message holding code, with its program's first writer: a message that
-- relays a program said before (a brief quoting the coder's cell, escaped or not)
-- did not write it
coded AS (
    SELECT trace_id, turn, agent,
           first_value({'span_id': owner_span_id, 'agent': agent}) OVER (
               PARTITION BY trace_id, program ORDER BY turn) AS writer
    FROM (
        SELECT *, regexp_replace(coalesce(nullif(regexp_extract(output, $re_code_block, 1), ''),
                                          output), $re_code_noise, '', 'g') AS program
        FROM cg_msg
        WHERE NOT is_run AND NOT is_exec AND agent IS NOT NULL AND regexp_matches(output, $re_code)
          AND trace_id IN (SELECT trace_id FROM failed)
    )
),
author AS (
    SELECT f.trace_id, f.span_id, arg_max(a.writer, a.turn) AS w
    FROM failed f
    JOIN coded a ON a.trace_id = f.trace_id AND a.turn < f.turn
    WHERE a.agent IS DISTINCT FROM f.agent
    GROUP BY ALL
),
blamed AS (
    SELECT f.*,
           CASE WHEN f.operation = $o_tool AND f.owner_span_id IS NOT NULL THEN f.agent
                ELSE au.w.agent END AS culprit,
           CASE WHEN f.operation = $o_tool AND f.owner_span_id IS NOT NULL THEN f.owner_span_id
                ELSE au.w.span_id END AS culprit_span
    FROM failed f LEFT JOIN author au ON au.trace_id = f.trace_id AND au.span_id = f.span_id
),
-- an agent whose own message opens with a failed call's reply (an HTTP 4xx/5xx
-- status or error object it got back) made that call and passed the failure on,
-- unless its own later turn got a clean reply (it recovered)
reported AS (
    SELECT m.*, regexp_extract(left(m.output, 300), $re_call_failed, 0) AS line,
           lead(m.span_id) OVER (PARTITION BY m.trace_id ORDER BY m.turn) AS next_span
    FROM cg_msg m
    WHERE NOT m.is_run AND m.output IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM cg_msg later
          WHERE later.trace_id = m.trace_id AND later.turn > m.turn
            AND NOT later.is_run AND later.name = m.name AND later.output IS NOT NULL
            AND NOT regexp_matches(left(later.output, 300), $re_call_failed))
)
SELECT trace_id, 'code_failure' AS detector, $s_generation AS stage, culprit AS agent,
       culprit_span AS span_id, span_id AS symptom_span_id,
       trim(line) || CASE WHEN error_line <> '' AND position(error_line IN line) = 0
                          THEN ' … ' || trim(error_line) ELSE '' END AS quote,
       '`' || culprit || '` wrote code or arguments whose run failed in its output ('
           || coalesce('`' || coalesce(own_agent, name) || '`', 'a tool') || ')'
           || ', and nothing raised' AS reason
FROM blamed
WHERE culprit IS NOT NULL AND culprit_span IS NOT NULL AND line <> ''
UNION ALL
SELECT trace_id, 'code_failure', $s_generation, agent, owner_span_id,
       coalesce(next_span, span_id), trim(line),
       '`' || agent || '` made a call that failed and passed the error reply on as its '
           || 'result; nothing raised'
FROM reported
WHERE NOT is_exec AND agent IS NOT NULL AND owner_span_id IS NOT NULL
  AND regexp_matches(left(output, 300), $re_call_failed)

-- name: detector_repetition
-- An agent says the same thing again (whitespace and case aside; long enough to be
-- an action, not an acknowledgement; short enough not to be a document it relays),
-- which two agents ping-ponging also show.
-- The mistake is the first occurrence; the symptom its first repeat. A message the
-- same agent said in the message right before (nothing else between, not even a
-- tool's reply) is an echo of it (a reply read twice), not a repeat.
WITH keyed AS MATERIALIZED (
    -- each message's text without the characters the \s+ below collapses (RE2's
    -- \s: tab, newline, form feed, carriage return, space), hashed once: a message
    -- equal to no other one this way cannot repeat it (a cheap first pass). Five
    -- replace() calls cost a third of one translate(); the echo test and the
    -- candidates below both read it
    SELECT trace_id, span_id, owner_span_id, agent, turn, output, is_run, is_exec, operation,
           hash(replace(replace(replace(replace(replace(lower(output),
               chr(9), ''), chr(10), ''), chr(12), ''), chr(13), ''), ' ', '')) AS bare
    FROM cg_msg
),
msgs AS (
    SELECT *, coalesce(lag(agent) OVER w = agent AND lag(bare) OVER w = bare, false) AS echo
    FROM keyed
    WINDOW w AS (PARTITION BY trace_id ORDER BY turn)
),
said AS (
    -- a handoff's output is the reply it brought back: the receiver's word, not its
    -- source's (as suspect_turn_text reads it)
    SELECT trace_id, span_id, owner_span_id, agent, turn, output, bare
    FROM msgs
    WHERE NOT is_run AND NOT is_exec AND agent IS NOT NULL AND output IS NOT NULL
      AND NOT echo AND operation IS DISTINCT FROM $o_handoff
),
t AS MATERIALIZED (
    -- normalised only where the agent said the same thing with all blanks removed
    -- too (a necessary condition, much cheaper than the regular expression);
    -- materialised, or the length filter below is pushed under the QUALIFY and
    -- normalises every message
    SELECT trace_id, span_id, owner_span_id, agent, turn,
           regexp_replace(lower(trim(output)), '\s+', ' ', 'g') AS norm
    FROM said
    QUALIFY count(*) OVER (PARTITION BY trace_id, agent, bare) >= 2
),
r AS (
    SELECT *, row_number() OVER (PARTITION BY trace_id, agent, hash(norm) ORDER BY turn) AS k
    FROM t WHERE length(norm) BETWEEN $min_repeat AND $max_repeat
)
SELECT o.trace_id, 'repetition' AS detector, $s_generation AS stage, o.agent,
       o.owner_span_id AS span_id, rep.span_id AS symptom_span_id,
       left(o.norm, $quote_max) AS quote,
       '`' || o.agent || '` repeated the same message without progress' AS reason
FROM r rep
JOIN r o ON o.trace_id = rep.trace_id AND o.agent = rep.agent
        AND hash(o.norm) = hash(rep.norm) AND o.norm = rep.norm AND o.k = 1
WHERE rep.k = 2 AND o.owner_span_id IS NOT NULL

-- name: detector_self_reported
-- An agent says the work is stuck, looping or making no progress: the symptom is that message, the cause the
-- step it reacts to (the latest earlier turn of another agent that is not a code
-- executor), also when an agent says it could not do its own step (the input it
-- got was the trouble); with no earlier turn, the speaker.
WITH rep AS (
    SELECT m.*, regexp_matches(m.output, $re_team_trouble) AS team,
           coalesce(nullif(regexp_extract(m.output, $re_team_trouble_line, 0), ''),
                    regexp_extract(m.output, $re_self_trouble, 0)) AS line
    FROM cg_msg m
    WHERE NOT m.is_run AND NOT m.is_exec AND m.agent IS NOT NULL
      AND (regexp_matches(m.output, $re_team_trouble)
           OR regexp_matches(m.output, $re_self_trouble))
    QUALIFY row_number() OVER (PARTITION BY m.trace_id ORDER BY m.turn) = 1
),
cause AS (
    SELECT r.trace_id, arg_max({'span_id': c.owner_span_id, 'agent': c.agent}, c.turn) AS c
    FROM rep r
    JOIN cg_msg c ON c.trace_id = r.trace_id AND c.turn < r.turn
    WHERE NOT c.is_run AND NOT c.is_exec AND c.agent IS NOT NULL AND c.output IS NOT NULL
      AND c.agent <> r.agent AND c.owner_span_id IS NOT NULL
    GROUP BY r.trace_id
)
SELECT r.trace_id, 'self_reported' AS detector, $s_generation AS stage,
       coalesce(c.c.agent, r.agent) AS agent,
       coalesce(c.c.span_id, r.owner_span_id) AS span_id,
       r.span_id AS symptom_span_id,
       left(trim(r.line), $quote_max) AS quote,
       CASE WHEN c.c.agent IS NULL THEN '`' || r.agent || '` reported it could not do its step'
            WHEN r.team THEN '`' || r.agent || '` reported the work stuck or making no '
                             || 'progress after `' || c.c.agent || '`''s step'
            ELSE '`' || r.agent || '` reported it could not do its step after `' || c.c.agent
                 || '`''s step' END AS reason
FROM rep r LEFT JOIN cause c ON c.trace_id = r.trace_id
WHERE r.line <> ''

-- name: detector_made_up
-- An agent presents placeholder, simulated, assumed or example values as results
-- and a later turn of another agent consumes them: blame the agent that made
-- them up, at that step.
WITH m AS (
    SELECT m.*, regexp_extract(m.output, $re_made_up_line, 0) AS line
    FROM cg_msg m
    WHERE NOT m.is_run AND NOT m.is_exec AND m.agent IS NOT NULL
      AND m.owner_span_id IS NOT NULL AND regexp_matches(m.output, $re_made_up)
),
consumer AS (
    SELECT m.trace_id, m.span_id, arg_min({'span_id': c.span_id, 'agent': c.agent}, c.turn) AS c
    FROM m JOIN cg_msg c ON c.trace_id = m.trace_id AND c.turn > m.turn
    WHERE NOT c.is_run AND c.agent IS NOT NULL AND c.agent <> m.agent
    GROUP BY ALL
)
SELECT m.trace_id, 'made_up_data' AS detector, $s_generation AS stage, m.agent,
       m.owner_span_id AS span_id, c.c.span_id AS symptom_span_id,
       left(trim(m.line), $quote_max) AS quote,
       '`' || m.agent || '` presented made-up values as results and `' || c.c.agent
           || '` went on with them' AS reason
FROM m JOIN consumer c ON c.trace_id = m.trace_id AND c.span_id = m.span_id
WHERE m.line <> ''

-- name: detector_lost_constraint
-- Constraints stated in the run's input (numbers, quoted phrases, names) that no
-- agent message or handoff ever carries: most of them (at least $lost_min, and
-- $lost_share of all) dropped at the first handoff, to the first agent that
-- took the task. The input is the run span's, else the first turn's, without its
-- Markdown heading lines (a title asks nothing).
WITH task AS (
    SELECT trace_id,
           regexp_replace(arg_min(input, turn) FILTER (WHERE input IS NOT NULL),
                          $re_heading, '', 'g') AS task
    FROM cg_msg GROUP BY trace_id
),
tokens AS (
    SELECT trace_id, unnest(list_distinct(list_concat(
               list_filter(regexp_extract_all(task, $re_number), lambda x: length(x) >= 2),
               regexp_extract_all(task, $re_quoted, 1),
               list_filter(regexp_extract_all(task, $re_name),
                           lambda x: NOT regexp_matches(x, $re_name_stop))))) AS tok
    FROM task WHERE task IS NOT NULL
),
speakers AS (
    SELECT DISTINCT trace_id, agent FROM cg_msg
    WHERE NOT is_run AND output IS NOT NULL AND operation IS DISTINCT FROM $o_handoff
),
said AS (
    -- what the agents said or handed over (a brief carries the task on; a handoff
    -- from outside the team, the task as given, carries nothing)
    SELECT m.trace_id, lower(string_agg(coalesce(m.output, m.payload), chr(10))) AS said,
           arg_min({'span_id': m.owner_span_id, 'agent': m.agent}, m.start_ns)
               FILTER (WHERE m.output IS NOT NULL) AS first
    FROM cg_msg m SEMI JOIN speakers k ON k.trace_id = m.trace_id AND k.agent = m.agent
    WHERE NOT m.is_run AND coalesce(m.output, m.payload) IS NOT NULL
      AND m.owner_span_id IS NOT NULL
    GROUP BY m.trace_id
),
judged AS (
    SELECT t.trace_id, count(*) AS n,
           list(t.tok ORDER BY t.tok) FILTER (WHERE NOT contains(s.said, lower(trim(t.tok))))
               AS lost
    FROM tokens t JOIN said s ON s.trace_id = t.trace_id
    WHERE length(trim(t.tok)) >= 2
    GROUP BY t.trace_id
)
SELECT j.trace_id, 'lost_constraint' AS detector, $s_handoff AS stage, s.first.agent AS agent,
       s.first.span_id AS span_id, NULL::VARCHAR AS symptom_span_id,
       left('input says ' || array_to_string(list_transform(j.lost[1:4], lambda x: '"' || x || '"'),
                                              ', ')
            || '; no agent message carries it', $quote_max) AS quote,
       len(j.lost) || ' of ' || j.n || ' constraints of the run''s input were dropped at the '
           || 'handoff to `' || s.first.agent || '` and never carried on' AS reason
FROM judged j JOIN said s ON s.trace_id = j.trace_id
WHERE len(j.lost) >= $lost_min AND len(j.lost) >= j.n * $lost_share

-- name: detector_crash_in_turn
-- An agent's own message (not a code executor's reply) ends in an unhandled
-- traceback: the run crashed while that turn was handled, and nothing recorded an
-- exception. Blame the agent of that turn, at that step. An agent's span whose words
-- are its model calls (cg_said) is no message of its own: its output is the
-- framework's record of the turn (the whole conversation, tool results and all).
SELECT trace_id, 'crash_in_turn' AS detector, $s_generation AS stage, agent,
       owner_span_id AS span_id, span_id AS symptom_span_id,
       left(trim(coalesce(regexp_extract_all(output, $re_error_line)[-1], '')), $quote_max)
           AS quote,
       'the run crashed while `' || agent || '`''s turn was handled (a traceback in its '
           || 'message); no exception was recorded' AS reason
FROM cg_msg m
WHERE NOT is_run AND NOT is_exec AND agent IS NOT NULL AND owner_span_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cg_said c
                  WHERE c.trace_id = m.trace_id AND c.owner_span_id = m.span_id)
  AND regexp_matches(output, $re_traceback)
  AND len(regexp_extract_all(output, $re_error_line)) > 0
QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY turn) = 1

-- name: detector_accepted_result
-- An agent declared the result verified or the request satisfied (a verdict in its
-- message), and the run failed: blame the producer of the result it accepted, the
-- latest earlier turn of another agent (not a code executor, not a turn that opens
-- with the run's input), else the accepting agent itself. The weakest signal:
-- used only when no other detector fired on the run.
WITH task AS (
    SELECT trace_id, trim(arg_min(input, turn) FILTER (WHERE input IS NOT NULL)) AS task
    FROM cg_msg GROUP BY trace_id
),
acc AS (
    SELECT m.*,
           regexp_extract(m.output, $re_accept_line, 0) AS line
    FROM cg_msg m
    WHERE NOT m.is_run AND NOT m.is_exec AND m.agent IS NOT NULL AND m.owner_span_id IS NOT NULL
      AND regexp_matches(m.output, $re_accept)
    QUALIFY row_number() OVER (PARTITION BY m.trace_id ORDER BY m.turn) = 1
),
producer AS (
    -- a model's turn before a code node's (a bare value an executor printed is not
    -- the result an agent presented)
    SELECT a.trace_id,
           arg_max({'span_id': p.owner_span_id, 'agent': p.agent},
                   CASE WHEN p.actor = $a_code THEN 0 ELSE 1 END * 1000000000 + p.turn) AS p
    FROM acc a
    JOIN cg_msg p ON p.trace_id = a.trace_id AND p.turn < a.turn
    LEFT JOIN task t ON t.trace_id = a.trace_id
    WHERE NOT p.is_run AND NOT p.is_exec AND p.agent IS NOT NULL AND p.agent <> a.agent
      AND p.output IS NOT NULL
      AND p.owner_span_id IS NOT NULL
      -- a turn that opens with the run's input restates the task: it produced no result
      AND NOT coalesce(starts_with(trim(p.output, $blank), trim(t.task, $blank)), false)
    GROUP BY a.trace_id
)
SELECT a.trace_id, 'accepted_result' AS detector,
       $s_generation AS stage,
       coalesce(p.p.agent, a.agent) AS agent,
       coalesce(p.p.span_id, a.owner_span_id) AS span_id, a.span_id AS symptom_span_id,
       left(trim(a.line), $quote_max) AS quote,
       CASE WHEN p.p.agent IS NOT NULL
            THEN '`' || a.agent || '` accepted the result of `' || p.p.agent
                 || '`''s step as final, and the run failed'
            ELSE '`' || a.agent || '` declared its own result final, and the run failed' END
           AS reason
FROM acc a LEFT JOIN producer p ON p.trace_id = a.trace_id
WHERE a.line <> ''
