-- Content: message and payload text normalised into the `content` table at
-- ingest (analyzer/content.py), then read by the detectors at analysis.
-- Keys and event names are bound from tracer/semconv.py.

-- name: content_extract
-- Rows (trace_id, span_id, direction, role, seq, text) of the staging relation
-- {source} (a fixed relation name of the ingest modules, never user text), for the
-- spans that carry content and have none stored yet. Each convention is one
-- branch; the output goes first so that the per-span cap ($cap characters)
-- keeps what an agent said before what it was told.
WITH s AS MATERIALIZED (
    SELECT DISTINCT ON (trace_id, span_id) trace_id, span_id, attributes AS a, events AS ev
    FROM {source} src
    WHERE (cardinality(attributes) > 0 AND list_has_any(map_keys(attributes), $direct_keys))
       OR (cardinality(attributes) > 0 AND list_has_any(map_keys(attributes), $flat_first))
       OR len(list_filter(coalesce(events, []),
                          lambda e: list_contains($message_events, e.name))) > 0
),
new AS MATERIALIZED (
    SELECT * FROM s ANTI JOIN content c ON c.trace_id = s.trace_id AND c.span_id = s.span_id
),
-- GenAI JSON messages: [{role, parts: [...]}] (system instructions: [part, ...])
json_raw AS (
    SELECT trace_id, span_id, $d_input AS direction, 1 AS src, a[$k_in_msgs] AS raw FROM new
    WHERE a[$k_in_msgs] IS NOT NULL
    UNION ALL
    SELECT trace_id, span_id, $d_output, 1, a[$k_out_msgs] FROM new
    WHERE a[$k_out_msgs] IS NOT NULL
    UNION ALL
    SELECT trace_id, span_id, $d_system, 1, a[$k_system] FROM new WHERE a[$k_system] IS NOT NULL
),
json_msgs AS MATERIALIZED (
    SELECT trace_id, span_id, direction, src, raw,
           CASE WHEN json_valid(raw) AND json_type(raw::JSON) = 'ARRAY'
                THEN json_extract(raw::JSON, '$[*]') END AS msgs
    FROM json_raw
),
json_rows AS (
    SELECT trace_id, span_id, direction, src, i AS idx,
           CASE WHEN direction = $d_system THEN $d_system ELSE m->>'role' END AS role,
           CASE
               WHEN json_type(m) = 'VARCHAR' THEN m->>'$'
               WHEN json_type(m->'parts') = 'ARRAY' THEN array_to_string(list_transform(
                   json_extract(m, '$.parts[*]'),
                   lambda p: coalesce(p->>'content', p->>'text', p->>'response',
                                      p->>'arguments', p->>'result')), chr(10))
               ELSE coalesce(m->>'content', m->>'text')
           END AS text
    FROM (
        SELECT trace_id, span_id, direction, src, unnest(msgs) AS m,
               generate_subscripts(msgs, 1) AS i
        FROM json_msgs WHERE msgs IS NOT NULL
    )
    UNION ALL
    -- not a JSON array: keep the value whole
    SELECT trace_id, span_id, direction, src, 1, NULL, raw FROM json_msgs WHERE msgs IS NULL
),
-- plain text values, one key each
plain AS (
    SELECT trace_id, span_id, direction, 2 AS src, e.i AS idx, NULL AS role, e.text AS text
    FROM (
        SELECT trace_id, span_id, $d_input AS direction, unnest(list_filter(list_transform(
                   range(1, len($plain_in) + 1), lambda i: {'i': i, 'text': a[$plain_in[i]]}),
                   lambda x: x.text IS NOT NULL)) AS e
        FROM new
        UNION ALL
        SELECT trace_id, span_id, $d_output, unnest(list_filter(list_transform(
                   range(1, len($plain_out) + 1), lambda i: {'i': i, 'text': a[$plain_out[i]]}),
                   lambda x: x.text IS NOT NULL))
        FROM new
        UNION ALL
        SELECT trace_id, span_id, $d_payload, {'i': 1, 'text': a[$k_payload]} FROM new
        WHERE a[$k_payload] IS NOT NULL
    )
),
-- flattened messages: llm.input_messages.0.message.content, gen_ai.prompt.0.role ...,
-- with a message's content parts and its tool calls as `name(arguments)` lines
flat_kv AS (
    SELECT trace_id, span_id, g.prefix, CAST(g.idx AS INTEGER) AS idx, g.field,
           TRY_CAST(nullif(g.part, '') AS INTEGER) AS part,
           TRY_CAST(nullif(g.call, '') AS INTEGER) AS call, g.call_field, value
    FROM (SELECT trace_id, span_id, e.value AS value,
                 regexp_extract(e.key, $re_flat,
                                ['prefix', 'idx', 'field', 'part', 'call', 'call_field']) AS g
          FROM (SELECT trace_id, span_id, unnest(map_entries(a)) AS e FROM new
                WHERE list_has_any(map_keys(a), $flat_first))
          WHERE regexp_matches(e.key, $re_flat))
),
flat_calls AS (
    SELECT trace_id, span_id, prefix, idx,
           string_agg(text, chr(10) ORDER BY call) AS calls
    FROM (SELECT trace_id, span_id, prefix, idx, call,
                 max(value) FILTER (WHERE call_field = 'name') || '('
                 || coalesce(max(value) FILTER (WHERE call_field = 'arguments'), '') || ')' AS text
          FROM flat_kv WHERE call IS NOT NULL GROUP BY ALL)
    GROUP BY ALL
),
flat AS (
    SELECT m.trace_id, m.span_id,
           CASE WHEN list_contains($flat_in, m.prefix) THEN $d_input ELSE $d_output END
               AS direction,
           3 AS src, m.idx, m.role,
           nullif(concat_ws(chr(10), m.content, m.parts, c.calls), '') AS text
    FROM (SELECT trace_id, span_id, prefix, idx,
                 max(value) FILTER (WHERE field = 'role') AS role,
                 max(value) FILTER (WHERE field = 'content') AS content,
                 string_agg(value, chr(10) ORDER BY part) FILTER (WHERE part IS NOT NULL)
                     AS parts
          FROM flat_kv WHERE call IS NULL GROUP BY ALL) m
    LEFT JOIN flat_calls c ON c.trace_id = m.trace_id AND c.span_id = m.span_id
     AND c.prefix = m.prefix AND c.idx = m.idx
),
-- GenAI message events: gen_ai.user.message {content}, gen_ai.choice {message}
events AS (
    SELECT trace_id, span_id,
           CASE WHEN e.name = $ev_choice THEN $d_output
                WHEN e.name = $ev_system THEN $d_system ELSE $d_input END AS direction,
           4 AS src, i AS idx,
           CASE WHEN e.name = $ev_choice THEN 'assistant'
                ELSE split_part(e.name, '.', 2) END AS role,
           coalesce(e.attributes[$k_ev_content], e.attributes['message'],
                    e.attributes['gen_ai.event.content']) AS text
    FROM (SELECT trace_id, span_id, unnest(ev) AS e, generate_subscripts(ev, 1) AS i
          FROM new WHERE len(ev) > 0)
    WHERE list_contains($message_events, e.name)
),
everything AS MATERIALIZED (
    SELECT trace_id, span_id, direction, role, src, idx, text FROM json_rows
    UNION ALL SELECT trace_id, span_id, direction, role, src, idx, text FROM plain
    UNION ALL SELECT trace_id, span_id, direction, role, src, idx, text FROM flat
    UNION ALL SELECT trace_id, span_id, direction, role, src, idx, text FROM events
),
ordered AS (
    SELECT trace_id, span_id, direction, role, text,
           CAST(row_number() OVER (PARTITION BY trace_id, span_id, direction
                                   ORDER BY src, idx) AS INTEGER) AS seq,
           coalesce(sum(length(text)) OVER (
               PARTITION BY trace_id, span_id
               ORDER BY list_position($directions, direction), src, idx
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM everything
    WHERE text IS NOT NULL AND length(trim(text)) > 0
)
SELECT trace_id, span_id, direction, role, seq,
       CASE WHEN before + length(text) <= $cap THEN text
            ELSE left(text, CAST($cap - before AS BIGINT)) || '…' END AS text
FROM ordered
WHERE before < $cap

-- name: content_log_spans
-- The GenAI message log records gathered at ingest (cg_log_events: trace_id, span_id,
-- name, time_ns, ord, text) as a staging relation of their spans, each record the
-- span event it stands for (its text under the event's content key), in time order
-- then the order read, and each messages attribute of an operation details record
-- the span attribute it stands for (the latest of a key): content_extract then reads
-- them exactly as span events and attributes. `records`: the rows that made the span's.
CREATE OR REPLACE TEMP TABLE cg_logs AS
WITH details AS (
    SELECT trace_id, span_id, name, arg_max(text, (time_ns, ord)) AS text
    FROM cg_log_events WHERE list_contains($details_keys, name)
    GROUP BY trace_id, span_id, name
),
attrs AS (
    SELECT trace_id, span_id, map_from_entries(list({'key': name, 'value': text})) AS attributes
    FROM details GROUP BY trace_id, span_id
),
events AS (
    SELECT trace_id, span_id, count(*) AS records,
           list({'name': name, 'time_ns': time_ns,
                 'attributes': MAP([$k_ev_content], [text])} ORDER BY time_ns, ord)
               FILTER (WHERE NOT list_contains($details_keys, name)) AS events
    FROM cg_log_events GROUP BY trace_id, span_id
)
SELECT e.trace_id, e.span_id,
       coalesce(a.attributes, CAST(MAP() AS MAP(VARCHAR, VARCHAR))) AS attributes,
       coalesce(e.events, []) AS events, e.records
FROM events e LEFT JOIN attrs a ON a.trace_id = e.trace_id AND a.span_id = e.span_id

-- name: content_log_stale
-- The spans of this ingest's log records (cg_logs) whose content an earlier ingest made
-- from fewer of their records (content_from_logs): made again from all of them below.
CREATE OR REPLACE TEMP TABLE cg_log_stale AS
SELECT f.trace_id, f.span_id FROM content_from_logs f
JOIN cg_logs l ON l.trace_id = f.trace_id AND l.span_id = f.span_id
WHERE l.records > f.records

-- name: content_log_drop_stale
DELETE FROM content c USING cg_log_stale s
WHERE c.trace_id = s.trace_id AND c.span_id = s.span_id

-- name: content_log_forget_stale
DELETE FROM content_from_logs f USING cg_log_stale s
WHERE f.trace_id = s.trace_id AND f.span_id = s.span_id

-- name: content_log_new
-- The spans of cg_logs without content: the ones content_extract gives rows to.
CREATE OR REPLACE TEMP TABLE cg_log_new AS
SELECT l.trace_id, l.span_id, l.records FROM cg_logs l
ANTI JOIN content c ON c.trace_id = l.trace_id AND c.span_id = l.span_id

-- name: content_log_remember
-- Those that got rows, with the records that made them.
INSERT INTO content_from_logs
SELECT n.trace_id, n.span_id, n.records FROM cg_log_new n
SEMI JOIN content c ON c.trace_id = n.trace_id AND c.span_id = n.span_id
