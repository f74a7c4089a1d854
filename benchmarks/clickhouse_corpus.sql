-- Generated agent runs in the exporter's `otel_traces` table, made inside ClickHouse
-- (no Python loop): run r has a workflow span, a plan, two explicit handoffs, three
-- agents (one human), a tool call and one or two verdicts, 9-10 spans in all.
-- Failures, by r: r % 20 = 0 a tool error escapes the run (generation); r % 20 = 1 a
-- handoff drops a key and the run's outcome is failure (handoff); r % 50 = 2 the
-- verifier rejects twice (generation caught by verification). r % 10 = 3: a reject
-- then an accept (a recovered run).
INSERT INTO {db:Identifier}.{table:Identifier} (
    Timestamp, TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName,
    ResourceAttributes, SpanAttributes, Duration, StatusCode, StatusMessage,
    `Events.Timestamp`, `Events.Name`, `Events.Attributes`)
WITH
    number AS r,
    multiIf(r % 20 = 0, 'gen', r % 20 = 1, 'handoff', r % 50 = 2, 'verify',
            r % 10 = 3, 'recovered', 'ok') AS fate,
    lower(hex(MD5(toString(r)))) AS trace_id,
    1767225600000000000 + r * 200000000 AS t0,
    arrayJoin(if(fate IN ('verify', 'recovered'), range(10), range(9))) AS k,
    concat('svc-', toString(r % 3)) AS service,
    [0, 0, 0, 0, 3, 0, 0, 0, 0, 0][k + 1] AS parent_k,
    (x -> substring(lower(hex(MD5(concat(toString(r), '-', toString(x))))), 1, 16)) AS sid,
    fate = 'gen' AND k IN (0, 3, 4) AS errored
SELECT
    fromUnixTimestamp64Nano(toInt64(t0 + if(k = 0, 0, k * 10000000)), 'UTC'),
    trace_id,
    sid(k),
    if(k = 0, '', sid(parent_k)),
    ['invoke_workflow pipeline', 'plan planner', 'handoff planner -> writer',
     'invoke_agent writer', 'execute_tool search', 'handoff writer -> editor',
     'invoke_agent editor', 'invoke_agent director', 'verify verifier',
     'verify verifier'][k + 1],
    'SPAN_KIND_INTERNAL',
    service,
    map('service.name', service),
    CAST(multiIf(
        k = 0, if(fate = 'handoff',
                  map('gen_ai.operation.name', 'invoke_workflow', 'gen_ai.workflow.name',
                      'pipeline', 'coordgap.outcome', 'failure'),
                  map('gen_ai.operation.name', 'invoke_workflow', 'gen_ai.workflow.name',
                      'pipeline')),
        k = 1, map('gen_ai.operation.name', 'plan', 'coordgap.stage', 'decomposition',
                   'gen_ai.agent.name', 'planner', 'coordgap.plan.assignees',
                   '["writer","editor","director"]'),
        k = 2, map('gen_ai.operation.name', 'handoff', 'coordgap.stage', 'handoff',
                   'coordgap.handoff.source', 'planner', 'coordgap.handoff.target', 'writer',
                   'coordgap.handoff.violations', '[]'),
        k = 3, map('gen_ai.operation.name', 'invoke_agent', 'gen_ai.agent.name', 'writer',
                   'coordgap.actor', 'model'),
        k = 4, map('gen_ai.operation.name', 'execute_tool', 'gen_ai.tool.name', 'search'),
        k = 5, map('gen_ai.operation.name', 'handoff', 'coordgap.stage', 'handoff',
                   'coordgap.handoff.source', 'writer', 'coordgap.handoff.target', 'editor',
                   'coordgap.handoff.violations',
                   if(fate = 'handoff', '["dropped_key: brand_voice"]', '[]')),
        k = 6, map('gen_ai.operation.name', 'invoke_agent', 'gen_ai.agent.name', 'editor'),
        k = 7, map('gen_ai.operation.name', 'invoke_agent', 'gen_ai.agent.name', 'director',
                   'coordgap.actor', 'human'),
        map('gen_ai.operation.name', 'verify', 'gen_ai.agent.name', 'verifier',
            'coordgap.verify.attempt', toString(k - 7),
            'coordgap.verify.verdict',
            if(k = 8 AND fate IN ('verify', 'recovered') OR k = 9 AND fate = 'verify',
               'reject', 'accept'))), 'Map(LowCardinality(String), String)')
        AS attrs,
    toUInt64(if(k = 0, 120000000, 1000000 + cityHash64(r, k) % 5000000)),
    if(errored, 'STATUS_CODE_ERROR', 'STATUS_CODE_UNSET'),
    if(errored, 'search timed out', ''),
    if(errored AND k = 4, [fromUnixTimestamp64Nano(toInt64(t0 + 40000000), 'UTC')], []),
    if(errored AND k = 4, ['exception'], []),
    CAST(if(errored AND k = 4, [map('exception.type', 'TimeoutError')], []),
         'Array(Map(LowCardinality(String), String))')
FROM numbers({first:UInt64}, {runs:UInt64})
