-- coordgap analyzer storage. One row per span; (trace_id, span_id) is unique (the
-- ingest deduplicates: analyzer.ingest_sql.dedup; no key index, which cost three
-- times the rest of an insert).
-- Raw columns keep what the input said; the normalized columns are coordgap's
-- reading of the span (from coordgap.* keys, or mapped from another
-- instrumentation at ingest), and are all the attribution rules read.
CREATE TABLE IF NOT EXISTS spans (
    trace_id        VARCHAR NOT NULL,   -- 32 lowercase hex
    span_id         VARCHAR NOT NULL,   -- 16 lowercase hex
    parent_span_id  VARCHAR,            -- 16 lowercase hex, NULL for a root
    name            VARCHAR NOT NULL,
    kind            VARCHAR,            -- INTERNAL | SERVER | CLIENT | PRODUCER | CONSUMER | UNSPECIFIED
    service         VARCHAR,
    start_ns        BIGINT NOT NULL,    -- unix epoch nanoseconds
    end_ns          BIGINT NOT NULL,
    status          VARCHAR,            -- UNSET | OK | ERROR
    status_message  VARCHAR,
    attributes      MAP(VARCHAR, VARCHAR),  -- every value as text; arrays as JSON text
    events          JSON,               -- [{"name", "time_ns", "attributes": {}}]
    links           JSON,               -- [{"trace_id", "span_id", "attributes": {}}]
    source          VARCHAR,            -- input format: otlp-json, otlp-proto, jaeger, zipkin, ...
    -- normalized ------------------------------------------------------------
    operation       VARCHAR,  -- workflow | agent | tool | plan | handoff | verify | outcome | NULL
    stage           VARCHAR,  -- decomposition | generation | handoff | verification | assembly | NULL
    agent           VARCHAR,  -- agent / tool / workflow / verifier / planner name
    actor           VARCHAR,  -- model | human | tool | code | NULL
    is_error        BOOLEAN NOT NULL DEFAULT FALSE,  -- status ERROR, error tag, or exception event
    error_type      VARCHAR,
    handoff_source  VARCHAR,
    handoff_target  VARCHAR,
    violations      VARCHAR[],  -- "kind: detail", kinds in tracer.semconv.VIOLATION_KINDS
    verdict         VARCHAR,    -- accept | reject
    attempt         INTEGER,
    outcome         VARCHAR,    -- success | failure (run or late outcome span)
    outcome_reason  VARCHAR,
    outcome_trace_id VARCHAR,   -- for a late outcome span: the run it refers to
    plan_assignees  VARCHAR[],  -- planned subtask assignees ("" = unassigned)
    plan_defects    VARCHAR[]   -- "unassigned: id", "duplicate: id", "overlap: a~b"
);

-- Message and payload text of the spans that carry any (analyzer/content.py), in
-- every convention the mapping knows, normalised once at ingest and capped per
-- span. Never required: a trace without content analyses as before.
CREATE TABLE IF NOT EXISTS content (
    trace_id   VARCHAR NOT NULL,
    span_id    VARCHAR NOT NULL,
    direction  VARCHAR NOT NULL,  -- output | payload | input | system
    role       VARCHAR,           -- user | assistant | system | tool ... when the convention says
    seq        INTEGER NOT NULL,  -- order within (span, direction), from 1
    text       VARCHAR NOT NULL
);

-- The spans whose content rows were made from GenAI message log records alone
-- (analyzer/content_logs.py), with how many records made them: an ingest that reads
-- more of a span's records than the one before it (a periodic ingest of `coordgap
-- collect`'s store that ran between two of the span's exports) makes its rows again
-- from all of them.
CREATE TABLE IF NOT EXISTS content_from_logs (
    trace_id   VARCHAR NOT NULL,
    span_id    VARCHAR NOT NULL,
    records    BIGINT NOT NULL
);
