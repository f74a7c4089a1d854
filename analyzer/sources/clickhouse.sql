-- coordgap's analysis over the OpenTelemetry Collector's `otel_traces` table, in
-- ClickHouse SQL. Values and keys are bound ({name:Type}); the table only through
-- {db:Identifier}.{table:Identifier}. Sections marked "fragment" are spliced into
-- the queries by name ({norm}, {traces}, {simple}); they are fixed text.
--
-- What runs here and what runs locally (docs/internals.md, "The ClickHouse source"):
-- a trace is *simple* when its normalized columns and every figure it adds can be
-- computed here exactly without walking parent chains: one run span, no error, no
-- instrumentation but coordgap's own and GenAI keys, every agent directly under the
-- run span or an explicit handoff, no late outcome, no verdict tie. Simple traces
-- that succeeded are aggregated here; every other trace in scope (all failed runs
-- among them) is fetched whole and analyzed by the unchanged DuckDB rules.
--
-- Memory stays bounded as the table grows: the normalized spans are written once,
-- partitioned by a hash of the trace id ({parts:UInt32} partitions), and every
-- per-trace step runs one partition ({part:UInt32}) at a time. A trace lies in one
-- partition, so per-partition counts add up exactly; only the values behind the
-- exact quantiles are kept across partitions (cg_values, on disk).

-- name: norm
-- fragment: one row per span with the normalized columns of analyzer/mapping.py for
-- coordgap's own and plain GenAI keys, and `odd` for anything else the mapping reads
-- (another instrumentation's keys, evaluation events, a handoff named only in the
-- span name, autogen-core's own spans, which analyzer/mapping_autogen.py reads with
-- the rest of their trace): such a trace is never simple.
SELECT
    TraceId AS trace_id, SpanId AS span_id, ParentSpanId AS parent_id, SpanName AS name,
    ServiceName AS service,
    toUnixTimestamp64Nano(Timestamp) AS start_ns,
    toUnixTimestamp64Nano(Timestamp) + toInt64(Duration) AS end_ns,
    toInt64(Duration) / 1e6 AS duration_ms,
    if(mapContains(SpanAttributes, {k_op:String}),
       lower(SpanAttributes[{k_op:String}]), NULL) AS _op,
    if(mapContains(SpanAttributes, {k_stage:String}),
       lower(SpanAttributes[{k_stage:String}]), NULL) AS _stage_raw,
    coalesce(if(mapContains(SpanAttributes, {k_h_target:String}),
                SpanAttributes[{k_h_target:String}], NULL),
             if(mapContains(SpanAttributes, {k_gh_target:String}),
                SpanAttributes[{k_gh_target:String}], NULL)) AS htarget,
    coalesce(if(mapContains(SpanAttributes, {k_h_source:String}),
                SpanAttributes[{k_h_source:String}], NULL),
             if(mapContains(SpanAttributes, {k_gh_source:String}),
                SpanAttributes[{k_gh_source:String}], NULL)) AS hsource,
    if(mapContains(SpanAttributes, {k_agent:String}),
       SpanAttributes[{k_agent:String}], NULL) AS _agent_attr,
    if(mapContains(SpanAttributes, {k_tool:String}),
       SpanAttributes[{k_tool:String}], NULL) AS _tool_attr,
    if(mapContains(SpanAttributes, {k_workflow:String}),
       SpanAttributes[{k_workflow:String}], NULL) AS _workflow_attr,
    replaceRegexpOne(replaceRegexpOne(SpanName, {re_op_prefix:String}, ''),
                     {re_tl_suffix:String}, '') AS _bare_name,
    -- (arrayExists over has: hasAny of a key array and a constant one is slower)
    (arrayExists(k -> has({foreign_keys:Array(String)}, k), mapKeys(SpanAttributes))
     OR has(Events.Name, {ev_eval:String})
     OR mapContains(SpanAttributes, {k_outcome_trace:String})
     OR SpanAttributes[{k_system:String}] = {autogen_system:String}
     OR (({handoff_name_match}
          OR match(coalesce(_tool_attr, SpanName), {re_transfer:String})
          OR has({agent_transfers:Array(String)}, coalesce(_tool_attr, '')))
         AND (htarget IS NULL OR hsource IS NULL))) AS odd,
    (upper(replaceAll(StatusCode, 'STATUS_CODE_', '')) = 'ERROR' OR StatusCode = '2'
     OR has(Events.Name, {ev_exception:String})) AS is_error,
    multiIf(_op = {op_workflow:String}, {o_workflow:String},
            _op = {op_outcome:String}
              OR (SpanName = {outcome_span:String}
                  AND mapContains(SpanAttributes, {k_outcome:String})), {o_outcome:String},
            _op = {op_handoff:String} OR _stage_raw = {s_handoff:String}
              OR htarget IS NOT NULL, {o_handoff:String},
            _op IN ({op_agent:String}, {op_create_agent:String}), {o_agent:String},
            _op IN ({op_tool:String}, {op_retrieval:String}), {o_tool:String},
            _op = {op_plan:String} OR _stage_raw = {s_decomposition:String}, {o_plan:String},
            _op = {op_verify:String} OR _stage_raw = {s_verification:String}, {o_verify:String},
            has({stages:Array(String)}, _stage_raw), {o_agent:String},
            NULL) AS operation,
    multiIf(has({stages:Array(String)}, _stage_raw), _stage_raw,
            operation = {o_plan:String}, {s_decomposition:String},
            operation = {o_handoff:String}, {s_handoff:String},
            operation = {o_verify:String}, {s_verification:String},
            operation IN ({o_agent:String}, {o_tool:String}), {s_generation:String},
            NULL) AS stage,
    multiIf(operation IS NULL OR operation = {o_outcome:String}, NULL,
            operation = {o_workflow:String}, coalesce(_workflow_attr, _bare_name),
            operation = {o_tool:String}, coalesce(_tool_attr, _bare_name),
            operation = {o_handoff:String}, coalesce(_agent_attr, _tool_attr),
            coalesce(_agent_attr, _bare_name)) AS agent,
    if(mapContains(SpanAttributes, {k_actor:String}),
       lower(SpanAttributes[{k_actor:String}]), NULL) AS _actor_attr,
    multiIf(has({actors:Array(String)}, _actor_attr), _actor_attr,
            operation = {o_tool:String}, {a_tool:String},
            operation = {o_agent:String}, {a_model:String},
            operation = {o_verify:String}, {a_model:String},
            operation IS NULL AND has({model_ops:Array(String)}, _op), {a_model:String},
            NULL) AS actor,
    if(operation = {o_handoff:String}, hsource, NULL) AS handoff_source,
    if(operation = {o_handoff:String}, htarget, NULL) AS handoff_target,
    multiIf(NOT mapContains(SpanAttributes, {k_violations:String}), 0,
            isValidJSON(SpanAttributes[{k_violations:String}])
              AND startsWith(trimLeft(SpanAttributes[{k_violations:String}]), '['),
            JSONLength(SpanAttributes[{k_violations:String}]),
            1) AS n_violations,
    lower(coalesce(if(mapContains(SpanAttributes, {k_verdict:String}),
                      SpanAttributes[{k_verdict:String}], NULL),
                   if(mapContains(SpanAttributes, {k_eval_label:String}),
                      SpanAttributes[{k_eval_label:String}], NULL))) AS _verdict_raw,
    multiIf(has({accept_words:Array(String)}, _verdict_raw), {v_accept:String},
            has({reject_words:Array(String)}, _verdict_raw), {v_reject:String},
            NULL) AS verdict,
    if(has({outcomes:Array(String)}, lower(SpanAttributes[{k_outcome:String}])),
       lower(SpanAttributes[{k_outcome:String}]), NULL) AS outcome
FROM {db:Identifier}.{table:Identifier}

-- name: ch_referenced
-- Traces a late outcome span elsewhere refers to (hex, or base64 ids), once.
CREATE TEMPORARY TABLE cg_referenced ENGINE = MergeTree ORDER BY trace_id AS
SELECT DISTINCT arrayJoin([
    leftPad(lower(SpanAttributes[{k_outcome_trace:String}]), 32, '0'),
    leftPad(lower(hex(tryBase64Decode(SpanAttributes[{k_outcome_trace:String}]))), 32, '0')])
    AS trace_id
FROM {db:Identifier}.{table:Identifier}
WHERE mapContains(SpanAttributes, {k_outcome_trace:String})

-- name: ch_values_table
-- The values behind the exact quantiles, gathered over the partitions.
CREATE TEMPORARY TABLE cg_values (metric String, k1 String, k2 String, v Float64)
ENGINE = MergeTree ORDER BY (metric, k1, k2)

-- name: all_columns
-- fragment: every span normalized once, the mapping's columns the aggregates read.
SELECT trace_id, span_id, parent_id, name, service, start_ns, end_ns, duration_ms, operation,
       stage, agent, actor, handoff_source, handoff_target, n_violations, verdict, outcome,
       odd, is_error
FROM ({norm})

-- name: ch_spans_all
-- Every span normalized once, on disk, partitioned by trace: the per-trace decisions
-- and the simple runs' figures all read one partition of this table at a time.
CREATE TEMPORARY TABLE cg_all ENGINE = MergeTree
PARTITION BY cityHash64(trace_id) % {parts:UInt32} ORDER BY (trace_id, parent_id) AS
{all_columns}

-- name: ch_spans_one
-- ch_spans_all for a table that fits one partition: held in memory, compressed
-- (writing the MergeTree costs about as much again as normalizing; compressed, a
-- million spans take some tens of MB).
CREATE TEMPORARY TABLE cg_all ENGINE = Memory SETTINGS compress = 1 AS
{all_columns}

-- name: part_spans
-- fragment: the normalized spans of the current partition.
SELECT * FROM cg_all WHERE cityHash64(trace_id) % {parts:UInt32} = {part:UInt32}

-- name: ch_traces
-- One row per trace of the current partition, in one pass over its spans: its run (the workflow span, or
-- failing that its earliest parentless span, as prepare.sql's run_spans_all),
-- whether it is simple, and whether it may be in scope. Not simple: several
-- workflow spans or no root; an error, another instrumentation's keys, a late
-- outcome, a handoff missing an end; an agent neither directly under the run span
-- nor under a handoff (delegation, an agent invoked by a tool); a verifier whose
-- last verdict rejects (a failed run), is missing or ties in time; agents or
-- handoffs under one parent that start and end together (their order is the
-- scan order); or another trace's late outcome refers to it.
CREATE TEMPORARY TABLE cg_traces ENGINE = MergeTree ORDER BY trace_id AS
WITH
n AS ({part_spans}),
t AS (
    SELECT trace_id,
           countIf(operation = {o_workflow:String}) AS n_wf,
           countIf(parent_id = '') AS n_roots,
           -- the run span: the earliest workflow span, else the earliest root (by start,
           -- then span id), each column picked by one numeric key: a rank (workflow 0,
           -- root 1, other 2) over the start time, then the span id's 64 bits (16 hex
           -- digits, ordered as the text is). argMin over a tuple is several times slower.
           -- (argMin skips a NULL value: the nullable columns go in a tuple)
           -- Only a workflow span or a root can be the run span (a trace with neither
           -- is not simple), so only those rows update the argMin states.
           argMinIf(span_id, run_key, is_run) AS run_span_id,
           argMinIf(name, run_key, is_run) AS run_name,
           argMinIf(service, run_key, is_run) AS run_service,
           argMinIf(start_ns, run_key, is_run) AS run_start,
           argMinIf(end_ns, run_key, is_run) AS run_end,
           argMinIf(tuple(agent, outcome), run_key, is_run) AS run_nullable,
           max(odd OR is_error
               OR (outcome IS NOT NULL AND coalesce(operation, '') != {o_workflow:String})
               OR (coalesce(operation, '') = {o_handoff:String}
                   AND (handoff_source IS NULL OR handoff_target IS NULL))
               -- ids or times the run key cannot order as the local analysis does
               OR length(span_id) != 16 OR start_ns < 0 OR start_ns >= 4611686018427387904)  -- 2^62
               AS bad,
           groupArrayIf(parent_id, operation = {o_agent:String} AND agent IS NOT NULL) AS agent_parents,
           groupArrayIf(span_id, operation = {o_handoff:String}) AS handoff_ids,
           groupArrayIf(tuple(coalesce(agent, name), end_ns, verdict),
                        operation = {o_verify:String} OR verdict IS NOT NULL) AS verdicts,
           -- a hash per link (an array of tuples holding the parent's id costs half
           -- of this step): two links that collide only send the trace local
           groupArrayIf(cityHash64(parent_id, start_ns, end_ns),
                        (operation = {o_agent:String} AND agent IS NOT NULL)
                        OR operation = {o_handoff:String}) AS links,
           max(start_ns) AS last_start,
           max(service = {service:String}) AS has_service
    FROM (
        SELECT *,
               operation = {o_workflow:String} OR parent_id = '' AS is_run,
               bitShiftLeft(toUInt128(bitOr(
                   bitShiftLeft(toUInt64(multiIf(operation = {o_workflow:String}, 0,
                                                 parent_id = '', 1, 2)), 62),
                   toUInt64(greatest(start_ns, 0)))), 64)
               + toUInt128(reinterpretAsUInt64(reverse(unhex(span_id)))) AS run_key
        FROM n
    ) GROUP BY trace_id
),
c AS (
    SELECT t.*,
           -- per verifier, its verdicts at its latest end time
           arrayMap(v -> arrayFilter(x -> x.1 = v AND x.2 = arrayMax(
                                         arrayMap(y -> y.2, arrayFilter(y -> y.1 = v, verdicts))),
                                     verdicts),
                    arrayDistinct(arrayMap(x -> x.1, verdicts))) AS last_verdicts
    FROM t
)
SELECT trace_id, run_span_id, coalesce(run_nullable.1, run_name) AS workflow,
       run_service AS service, run_start AS start_ns, run_end AS end_ns,
       (run_end - run_start) / 1e6 AS duration_ms,
       -- unknown (NULL) counts as not simple: such a trace goes to the exact local path
       coalesce(n_wf <= 1 AND n_roots > 0 AND NOT bad
        AND coalesce(run_nullable.2, '') != {out_failure:String}
        AND arrayAll(p -> p = run_span_id OR has(handoff_ids, p), agent_parents)
        AND NOT arrayExists(l -> length(l) > 1
                                 OR coalesce(l[1].3, {v_reject:String}) = {v_reject:String},
                            last_verdicts)
        AND length(links) = length(arrayDistinct(links))
        AND trace_id NOT IN (SELECT trace_id FROM cg_referenced), 0) AS simple,
       -- a superset of the local analysis's scope, which decides exactly
       (NOT {has_since:UInt8} OR last_start >= {since:Int64})
         AND (NOT {has_service:UInt8} OR has_service) AS maybe_in_scope,
       (NOT {has_since:UInt8} OR run_start >= {since:Int64})
         AND (NOT {has_service:UInt8} OR has_service) AS in_scope
FROM c

-- name: ch_local_traces
-- The traces of the partition analyzed locally: every trace in scope that is not
-- simple.
SELECT trace_id FROM cg_traces WHERE maybe_in_scope AND NOT (simple AND in_scope)

-- name: ch_outcome_holders
-- Also analyzed locally: every trace holding an outcome for another run (wherever
-- it lies in time).
SELECT DISTINCT TraceId AS trace_id FROM {db:Identifier}.{table:Identifier}
WHERE mapContains(SpanAttributes, {k_outcome_trace:String})
   OR (mapContains(SpanAttributes, {k_outcome:String})
       AND lower(SpanAttributes[{k_op:String}]) != {op_workflow:String})

-- name: ch_fetch
-- The spans of the local traces in the staging form of analyzer.formats.common
-- (STAGE_SCHEMA), which the DuckDB mapping normalizes exactly as at ingest.
SELECT
    lower(TraceId) AS trace_id, lower(SpanId) AS span_id,
    nullIf(nullIf(lower(ParentSpanId), ''), '0000000000000000') AS parent_span_id,
    SpanName AS name,
    multiIf(upper(replaceAll(SpanKind, 'SPAN_KIND_', '')) IN
              ('UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'),
            upper(replaceAll(SpanKind, 'SPAN_KIND_', '')), 'UNSPECIFIED') AS kind,
    nullIf(ServiceName, '') AS service,
    toUnixTimestamp64Nano(Timestamp) AS start_ns,
    toUnixTimestamp64Nano(Timestamp) + toInt64(Duration) AS end_ns,
    multiIf(StatusCode = '2', 'ERROR', StatusCode = '1', 'OK',
            upper(replaceAll(StatusCode, 'STATUS_CODE_', '')) IN ('OK', 'ERROR'),
            upper(replaceAll(StatusCode, 'STATUS_CODE_', '')), 'UNSET') AS status,
    nullIf(StatusMessage, '') AS status_message,
    CAST(SpanAttributes, 'Map(String, String)') AS attributes,
    -- named as STAGE_SCHEMA's structs: Arrow casts a struct's fields by name (an
    -- unnamed tuple's fields, 1, 2, 3, would all come back NULL)
    CAST(arrayMap((n, ts, a) -> tuple(n, toUnixTimestamp64Nano(ts), a),
                  Events.Name, Events.Timestamp, Events.Attributes),
         'Array(Tuple(name String, time_ns Int64, attributes Map(String, String)))') AS events,
    CAST(arrayMap((t, s, a) -> tuple(lower(t), lower(s), a),
                  Links.TraceId, Links.SpanId, Links.Attributes),
         'Array(Tuple(trace_id String, span_id String, attributes Map(String, String)))')
        AS links,
    'clickhouse' AS source
FROM {db:Identifier}.{table:Identifier}
WHERE TraceId GLOBAL IN (SELECT trace_id FROM {ext_ids})


-- name: ch_log_columns
-- The columns of the logs table (none: there is no such table).
SELECT name FROM system.columns WHERE database = {db:String} AND table = {logs_table:String}

-- name: ch_log_messages
-- The GenAI message log records of the fetched traces (log_messages), in the exporter's
-- newer otel_logs, whose EventName column holds the record's event name when it had one.
WITH records AS (
    SELECT TraceId, SpanId, Timestamp, Body, LogAttributes,
           if(EventName != '', EventName, LogAttributes[{log_event_key:String}]) AS event_name
    FROM {db:Identifier}.{logs_table:Identifier}
)
{log_messages}

-- name: ch_log_messages_attr
-- The same in an otel_logs without EventName: the event.name attribute names the event.
WITH records AS (
    SELECT TraceId, SpanId, Timestamp, Body, LogAttributes,
           LogAttributes[{log_event_key:String}] AS event_name
    FROM {db:Identifier}.{logs_table:Identifier}
)
{log_messages}

-- name: log_messages
-- fragment: the records of the fetched traces (matched as ch_fetch matches their spans)
-- that have a span id and name a GenAI message event, as analyzer.formats.otlp_logs
-- reads them: ids, event name, time, and the body as the exporter wrote it (a string;
-- JSON when the body was a map); an operation details record gives one row per
-- messages attribute it holds, named by the attribute's key, its value as the body.
SELECT lower(TraceId) AS trace_id, lower(SpanId) AS span_id,
       if(event_name = {details_event:String}, detail_key, event_name) AS name,
       toUnixTimestamp64Nano(Timestamp) AS time_ns,
       if(event_name = {details_event:String}, LogAttributes[detail_key], Body) AS body
FROM records
ARRAY JOIN if(event_name = {details_event:String}, {details_keys:Array(String)}, ['']) AS detail_key
WHERE TraceId GLOBAL IN (SELECT trace_id FROM {ext_ids})
  AND SpanId NOT IN ('', '0000000000000000')
  AND (has({message_events:Array(String)}, event_name)
       OR (event_name = {details_event:String} AND LogAttributes[detail_key] != ''))

-- name: ch_simple
-- The spans of the partition's simple runs in scope (all of them succeeded) that a
-- figure reads, staged once in a narrow table: every step below reads them, and
-- filtering the partition again for each step cost more than the steps. A span with
-- no operation, stage, actor or verdict (plain spans: the run's own children,
-- anything unmapped) adds to no figure of a simple run.
CREATE TEMPORARY TABLE cg_simple ENGINE = Memory SETTINGS compress = 1 AS
SELECT trace_id, span_id, parent_id, name, start_ns, end_ns, duration_ms, operation, stage,
       agent, actor, handoff_source, handoff_target, n_violations, verdict
FROM ({part_spans})
WHERE (operation IS NOT NULL OR stage IS NOT NULL OR actor IS NOT NULL OR verdict IS NOT NULL)
  AND trace_id GLOBAL IN (SELECT trace_id FROM cg_traces WHERE simple AND in_scope)

-- name: simple_spans
-- fragment: the staged spans of the partition's simple runs in scope (ch_simple).
SELECT * FROM cg_simple

-- name: ch_handoffs
-- Explicit handoffs and the ones inferred between consecutive siblings (prepare.sql,
-- inferred_handoffs), per handoff; simple runs hold no delegation. Every reader scans it
-- whole: held compressed in memory (sorting and writing a MergeTree cost more).
CREATE TEMPORARY TABLE cg_handoffs ENGINE = Memory SETTINGS compress = 1 AS
WITH
link AS (
    SELECT trace_id, parent_id, start_ns, end_ns, operation = {o_agent:String} AS is_agent,
           if(operation = {o_agent:String}, agent, handoff_source) AS in_agent,
           if(operation = {o_agent:String}, agent, handoff_target) AS out_agent
    FROM ({simple_spans})
    WHERE (operation = {o_agent:String} AND agent IS NOT NULL) OR operation = {o_handoff:String}
),
seq AS (
    SELECT trace_id, in_agent, is_agent,
           lagInFrame(out_agent) OVER w AS prev_out,
           start_ns - lagInFrame(end_ns) OVER w AS gap_ns,
           row_number() OVER w AS k
    FROM link
    WINDOW w AS (PARTITION BY trace_id, parent_id ORDER BY start_ns, end_ns
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
explicit AS (
    SELECT trace_id, assumeNotNull(handoff_source) AS source,
           assumeNotNull(handoff_target) AS target, n_violations > 0 AS violated,
           duration_ms AS latency_ms, false AS inferred
    FROM ({simple_spans}) WHERE operation = {o_handoff:String}
)
SELECT * FROM explicit
UNION ALL
SELECT trace_id, assumeNotNull(prev_out), assumeNotNull(in_agent), false,
       gap_ns / 1e6, true
FROM seq
WHERE k > 1 AND prev_out IS NOT NULL AND in_agent IS NOT NULL AND prev_out != in_agent
  AND is_agent AND gap_ns >= 0
  AND (trace_id, assumeNotNull(prev_out), assumeNotNull(in_agent)) NOT IN
      (SELECT trace_id, source, target FROM explicit)

-- name: ch_runs
-- The simple runs, for the runs frame when it is asked for in full.
SELECT trace_id, workflow, service, start_ns, end_ns, duration_ms FROM cg_traces
WHERE simple AND in_scope

-- name: ch_totals
SELECT count() AS runs, min(start_ns) AS first_ns, max(start_ns) AS last_ns FROM cg_traces
WHERE simple AND in_scope

-- name: ch_trend
-- hourly buckets as epoch seconds (UTC); merge_trend truncates them to the unit
SELECT toInt64(toUnixTimestamp(toStartOfHour(fromUnixTimestamp64Nano(start_ns, 'UTC'))))
           AS bucket,
       count() AS runs
FROM cg_traces WHERE simple AND in_scope GROUP BY bucket

-- name: ch_calls
SELECT agent, stage, actor, count() AS calls, toUInt64(0) AS failures
FROM ({simple_spans})
WHERE agent IS NOT NULL AND operation IN ({o_agent:String}, {o_tool:String}, {o_verify:String}, {o_plan:String})
GROUP BY agent, stage, actor

-- name: ch_stage_runs
-- Runs in which each stage appears (m_stages: a span of it, or an inferred handoff).
SELECT stage, uniqExact(trace_id) AS runs FROM (
    SELECT trace_id, assumeNotNull(stage) AS stage FROM ({simple_spans}) WHERE stage IS NOT NULL
    UNION ALL
    SELECT trace_id, {s_handoff:String} FROM cg_handoffs WHERE inferred
) GROUP BY stage

-- name: ch_edges
-- Per edge: handoffs, violations, runs through it, whether all were inferred.
SELECT source, target, sum(n) AS handoffs, sum(v) AS violations, count() AS runs,
       min(inferred) AS inferred
FROM (
    SELECT trace_id, source, target, count() AS n, countIf(violated) AS v,
           min(inferred) AS inferred
    FROM cg_handoffs GROUP BY trace_id, source, target
) GROUP BY source, target

-- name: ch_values
-- The partition's values behind the quantiles, kept across partitions.
INSERT INTO cg_values
SELECT 'edge' AS metric, source AS k1, target AS k2, latency_ms AS v FROM cg_handoffs
UNION ALL
SELECT 'stage', assumeNotNull(stage), '', duration_ms FROM ({simple_spans})
WHERE has({stages:Array(String)}, stage)
UNION ALL
SELECT 'human_wait', coalesce(agent, name), '', duration_ms FROM ({simple_spans}) WHERE actor = {a_human:String}

-- name: ch_local_values
-- The local runs' values, sent along as {ext_vals}.
INSERT INTO cg_values SELECT metric, k1, k2, v FROM {ext_vals}

-- name: ch_value_groups
SELECT DISTINCT metric, k1, k2 FROM cg_values

-- name: ch_quantiles
-- Exact quantiles over every value of one group (a range of the table's order): one
-- group's values in memory at a time. Interpolated as DuckDB's quantile_cont does a
-- DOUBLE, lo * (1 - d) + hi * d at rank (n - 1) * q: quantileExactInclusive's
-- lo + (hi - lo) * d can differ in the last bit, and so, rounded for the report, in
-- the sixth decimal of a median right between two values. (DuckDB's build may fuse
-- that multiply-add; it changes nothing at d = 0.5, the medians the JSON reports.)
SELECT metric, k1, k2, n,
       arrayMap(q -> s[toUInt64(floor((n - 1) * q)) + 1] * (1 - ((n - 1) * q - floor((n - 1) * q)))
                     + s[toUInt64(ceil((n - 1) * q)) + 1] * ((n - 1) * q - floor((n - 1) * q)),
                [0.5, 0.95]) AS q,
       total, max_v
FROM (
    SELECT metric, k1, k2, count() AS n, arraySort(groupArray(v)) AS s, sum(v) AS total,
           max(v) AS max_v
    FROM cg_values
    WHERE metric = {metric:String} AND k1 = {k1:String} AND k2 = {k2:String}
    GROUP BY metric, k1, k2
)

-- name: ch_verification
-- Per-run verification sums of the simple runs (m_verification): none failed, so
-- no false accepts, and every rejected run recovered.
WITH per_run AS (
    SELECT trace_id, count() AS checks, uniqExact(coalesce(agent, name)) AS verifiers,
           countIf(verdict = {v_reject:String}) AS rejects,
           countIf(verdict = {v_accept:String}) AS accepts, sum(duration_ms) AS verify_ms
    FROM ({simple_spans}) WHERE operation = {o_verify:String} OR verdict IS NOT NULL
    GROUP BY trace_id
)
SELECT sum(p.checks) AS checks, sum(p.rejects) AS rejects, sum(p.accepts) AS accepts,
       count() AS runs_with_verifier, sum(p.checks - p.verifiers) AS retries,
       countIf(p.rejects > 0) AS rejected_runs, sum(p.verify_ms) AS verify_ms,
       sum(r.duration_ms) AS run_ms
FROM per_run p JOIN cg_traces r ON r.trace_id = p.trace_id

-- name: ch_samples
-- Latency samples for the report's distributions: up to 2,000 a stage, by a hash of
-- the span id (ClickHouse's own hash: a different sample than the DuckDB store's).
-- Per partition; the lowest hashes over all partitions are the sample.
SELECT stage, duration_ms, h FROM (
    SELECT assumeNotNull(stage) AS stage, duration_ms, cityHash64(span_id) AS h,
           row_number() OVER (PARTITION BY stage ORDER BY h) AS k
    FROM ({simple_spans}) WHERE has({stages:Array(String)}, stage)
) WHERE k <= {per_stage:UInt32}

-- name: ch_explain_ids
-- One trace, and the traces holding a late outcome for it.
SELECT {trace_id:String} AS trace_id
UNION DISTINCT
SELECT DISTINCT TraceId FROM {db:Identifier}.{table:Identifier}
WHERE mapContains(SpanAttributes, {k_outcome_trace:String})
  AND {trace_id:String} IN (
      leftPad(lower(SpanAttributes[{k_outcome_trace:String}]), 32, '0'),
      leftPad(lower(hex(tryBase64Decode(SpanAttributes[{k_outcome_trace:String}]))), 32, '0'))

-- name: ch_insert
-- coordgap's spans (local.sql, export_rows) as the exporter writes them: kinds and
-- status codes as its SPAN_KIND_* / STATUS_CODE_* strings, the service also as the
-- `service.name` resource attribute.
INSERT INTO {db:Identifier}.{table:Identifier} (
    Timestamp, TraceId, SpanId, ParentSpanId, TraceState, SpanName, SpanKind, ServiceName,
    ResourceAttributes, ScopeName, ScopeVersion, SpanAttributes, Duration, StatusCode,
    StatusMessage, `Events.Timestamp`, `Events.Name`, `Events.Attributes`, `Links.TraceId`,
    `Links.SpanId`, `Links.TraceState`, `Links.Attributes`)
SELECT fromUnixTimestamp64Nano(start_ns, 'UTC'), trace_id, span_id, parent_span_id, '', name,
       concat('SPAN_KIND_', kind), service,
       if(service = '', map(), map({k_service:String}, service)), '', '',
       attributes, toUInt64(duration_ns), concat('STATUS_CODE_', status), status_message,
       arrayMap(x -> fromUnixTimestamp64Nano(x, 'UTC'), ev_time_ns), ev_name, ev_attributes,
       lk_trace_id, lk_span_id, arrayMap(x -> '', lk_trace_id), lk_attributes
FROM {ext_rows}
