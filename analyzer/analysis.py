"""Analyze a span database: attribute every failed run, compute reliability figures.

:func:`analyze` reads the ``spans`` table (analyzer/schema.sql) of a DuckDB
connection and returns an :class:`Analysis`: Polars frames read from DuckDB
through Arrow, plus the headline figures. All work is set-based SQL kept as
named queries (:mod:`analyzer.queries`); intermediate results live in TEMP
tables prefixed ``cg_`` on the given connection, so a read-only connection
works, and the stored spans are never modified.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, TextIO

import duckdb
import polars as pl

from analyzer import content, examples, metrics, queries, rules, suspects
from analyzer import detectors as detecting
from tracer import semconv

__all__ = ["CATEGORIES", "Analysis", "analyze", "prepare"]

CATEGORIES = (
    semconv.STAGE_DECOMPOSITION,
    semconv.STAGE_HANDOFF,
    semconv.STAGE_VERIFICATION,
    semconv.STAGE_GENERATION,
    semconv.STAGE_ASSEMBLY,
    semconv.CATEGORY_UNKNOWN,
)
"""Attribution categories, in the order the JSON contract lists them."""

_PREPARE_FIXED = (
    "verify_spans",
    "run_status",
    "error_spans",
    "error_walk",
    "errors",
    "link_spans",
    "handoffs",
    "delegation_walk",
    "inferred_handoffs",
    "all_handoffs",
    "macro_after",
    "macro_detail",
    "macro_defect",
    "macro_violation",
    "macro_more",
    "pending",
    "holders",
)
_PREPARE_PARAMS = {"error_spans": {"k_owner": semconv.AGENT_OWNER}}
SAID_DEPTH = 8
"""Spans of no operation a model call may sit under and still speak for the agent span
above them (said_calls): LangChain nests a LangGraph agent's call four deep."""
_INTERMEDIATE = (
    "cg_trace",
    "cg_runs0",
    "cg_verify",
    "cg_run",
    "cg_err_spans",
    "cg_err_walk",
    "cg_err",
    "cg_deleg",
    "cg_handoffs",
    "cg_inferred",
    "cg_pending",
    "cg_holders",
    "cg_said",
    "cg_said_spans",
    "cg_tool_callers",
    "cg_attr",
    "cg_calls",
    "cg_msg",
    "cg_signals",
    "cg_run_whole",
    "cg_attr_whole",
)
_VIEWS = ("cg_verify_sums", "cg_handoffs_all", "cg_link", "cg_spans")
_MACROS = ("cg_defect", "cg_violation", "cg_more", "cg_detail", "cg_after")


@dataclass(frozen=True, eq=False)
class Analysis:
    """The result of :func:`analyze`. Frames are empty (with their columns) when
    there is no data, and the reliabilities are then ``None``.

    Columns (see docs/internals.md §4):
      runs: trace_id, workflow, service, start_ns, end_ns, duration_ms, failed, category
      failures: trace_id, category, span_id, span_name, agent, reason, evidence, rule,
                detector, quote, symptom_span_id (these three from content signals),
                confidence (0-1), suspect (agent and step are the top suspect's, not a
                rule's), suspects (top 3: agent, span_id, turn, score, evidence); see
                :mod:`analyzer.suspects`
      stages: stage, runs, failures, reliability
      agents: agent, actor, calls, failures, reliability
      edges: source, target, source_actor, target_actor, handoffs, violations,
             failed_runs, failure_rate, p50_ms, inferred
      agent_stage: agent, stage, calls, failures, failure_rate
      latency: stage, n, p50_ms, p95_ms, mean_ms, total_ms
      latency_samples: stage, duration_ms (at most 2,000 rows a stage)
      human_wait: agent, n, p50_ms, p95_ms, max_ms
      trend: bucket_start, runs, failed, reliability (hourly, or daily past two days)
      span_errors: trace_id, span_id, span_name, agent, stage, error_type, run_failed
      example_spans: trace_id, then the run_spans columns, for the failed runs
             :func:`analyzer.examples.pick_worst_runs` picks (``example_runs`` of them)
      detectors: detector, stage, fired (failed runs), attributed (runs it explained)
    ``warnings``: one line per detector that raised and was skipped.

    Everything the report draws is here: it renders after the connection is closed.
    """

    runs: pl.DataFrame
    failures: pl.DataFrame
    stages: pl.DataFrame
    agents: pl.DataFrame
    edges: pl.DataFrame
    agent_stage: pl.DataFrame
    latency: pl.DataFrame
    latency_samples: pl.DataFrame
    human_wait: pl.DataFrame
    trend: pl.DataFrame
    span_errors: pl.DataFrame
    example_spans: pl.DataFrame
    detectors: pl.DataFrame
    verification: dict[str, Any]
    end_to_end_reliability: float | None
    predicted_reliability: float | None
    coordination_gap: float | None
    n_runs: int
    n_failed: int
    by_category: dict[str, int]
    trend_unit: str
    warnings: tuple[str, ...] = ()
    _con: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)

    def summary(self, *, content: bool = True) -> dict[str, Any]:
        """The ``coordgap analyze --format json`` contract as a plain dict.
        ``content=False`` leaves every quote out (``quote`` is null, quoted text in
        the suspects' evidence is ``"…"``)."""
        return {**self.figures(), "failures": list(self.failure_records(content=content))}

    def figures(self) -> dict[str, Any]:
        """:meth:`summary` without its ``failures``."""
        return {
            "runs": self.n_runs,
            "failed": self.n_failed,
            "end_to_end_reliability": _round(self.end_to_end_reliability),
            "predicted_reliability": _round(self.predicted_reliability),
            "coordination_gap": _round(self.coordination_gap),
            "by_category": dict(self.by_category),
            "stages": _records(self.stages, ("stage", "runs", "failures", "reliability")),
            "agents": _records(self.agents, ("agent", "actor", "calls", "failures", "reliability")),
            "edges": _records(
                self.edges,
                (
                    "source",
                    "target",
                    "handoffs",
                    "violations",
                    "failed_runs",
                    "failure_rate",
                    "p50_ms",
                ),
            ),
            "verification": {
                k: _round(self.verification.get(k))
                for k in (
                    "checks",
                    "rejects",
                    "false_accepts",
                    "catch_rate",
                    "recovery_rate",
                    "share_of_latency",
                )
            },
        }

    def failure_records(
        self, *, content: bool = True, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """:meth:`summary`'s ``failures``, one at a time (``limit``: the first ones
        only), built :data:`RECORD_BATCH` failed runs at a time."""
        frame = self.failures if limit is None else self.failures.head(limit)
        for part in frame.iter_slices(RECORD_BATCH):
            for row in _records(part, FAILURE_FIELDS):
                yield {
                    **row,
                    "evidence": list(row["evidence"] or []),
                    "quote": row["quote"] if content else None,
                    "suspects": [
                        {
                            **sus,
                            "evidence": [
                                e if content else suspects.redact(e) for e in sus["evidence"] or []
                            ],
                        }
                        for sus in row["suspects"] or []
                    ],
                }

    def write_json(self, out: TextIO, *, content: bool = True) -> None:
        """Write ``json.dumps(self.summary(content=content), indent=2,
        ensure_ascii=False)`` to ``out``, the failed runs a batch at a time: the
        whole list of a large store is never held as Python objects at once."""
        head = json.dumps({**self.figures(), "failures": []}, indent=2, ensure_ascii=False)
        out.write(head[: -len("[]\n}")])
        first = True
        for record in self.failure_records(content=content):
            text = json.dumps(record, indent=2, ensure_ascii=False)
            out.write(("[\n" if first else ",\n") + textwrap.indent(text, "    "))
            first = False
        out.write("[]\n}" if first else "\n  ]\n}")

    def failure(self, trace_id: str) -> dict[str, Any] | None:
        """The attribution of one run, or None when the run did not fail (or is unknown)."""
        rows = self.failures.filter(pl.col("trace_id") == trace_id.lower())
        return rows.row(0, named=True) if rows.height else None

    def run_spans(self, trace_id: str) -> pl.DataFrame:
        """Every span of one trace with its depth below the trace's roots, by start time.

        Reads the database, so only while the connection :func:`analyze` was given
        is open (the report uses ``example_spans`` instead)."""
        if self._con is None:
            raise ValueError("this Analysis has no database connection")
        return run_spans(self._con, trace_id)


def run_spans(con: duckdb.DuckDBPyConnection, trace_id: str) -> pl.DataFrame:
    """Spans of one trace: span_id, parent_span_id, name, operation, stage, agent, actor,
    start_ns, end_ns, duration_ms, is_error, error_type, verdict, violations, depth."""
    return metrics.frame(con, "run_spans", {"trace_ids": [trace_id.lower()]}).drop("trace_id")


def prepare(
    con: duckdb.DuckDBPyConnection,
    *,
    since: datetime | int | None = None,
    service: str | None = None,
    trace_id: str | None = None,
) -> None:
    """Build the ``cg_*`` TEMP tables the rules and metrics read (runs in scope,
    run status, error origins, explicit and inferred handoffs, pending failures).

    ``since`` keeps runs that started at or after it (a datetime, naive = UTC, or
    epoch nanoseconds); ``service`` keeps runs with at least one span of that service;
    ``trace_id`` keeps that one run.
    Raises ValueError when the connection has no ``spans`` table.
    """
    if not _has_spans_table(con):
        raise ValueError("the database has no `spans` table; ingest traces first")
    since_ns = _to_ns(since)
    _drop_temp(con)
    queries.run(con, "trace_flags")
    queries.run(con, "run_spans_all")
    if since_ns is not None:
        queries.run(con, "runs_since", since=since_ns)
    if service is not None:
        queries.run(con, "runs_service", service=service)
    if trace_id is not None:
        queries.run(con, "runs_trace", trace_id=trace_id.lower())
    scoped = since_ns is not None or service is not None or trace_id is not None
    queries.run(con, "spans_scoped" if scoped else "spans_view")
    for name in _PREPARE_FIXED:
        queries.run(con, name, **_PREPARE_PARAMS.get(name, {}))
    if content.has_content_table(con):
        queries.run(con, "said_calls", said_depth=SAID_DEPTH)
    else:
        queries.run(con, "said_calls_none")
    queries.run(con, "said_spans")
    queries.run(con, "tool_callers")


def analyze(
    con: duckdb.DuckDBPyConnection,
    *,
    since: datetime | int | None = None,
    service: str | None = None,
    trace_id: str | None = None,
    example_runs: int = examples.DEFAULT_EXAMPLES,
    detectors: Sequence[detecting.Detector] | None = None,
) -> Analysis:
    """Attribute every failed run in scope and compute the reliability figures.

    ``detectors`` read the content of the failed runs no explicit record explains
    (default :data:`analyzer.detectors.DETECTORS`; pass them all, built-ins
    included, to add your own). The spans of ``example_runs`` failed runs are
    kept for the report (``example_spans``). Never modifies the ``spans`` table;
    leaves no TEMP tables behind. Raises ValueError when the connection has no
    ``spans`` table; a detector that raises becomes a line of ``Analysis.warnings``.
    """
    ((preserve,),) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()
    # Every order that matters is an explicit ORDER BY; not preserving scan order
    # makes the intermediate tables much cheaper to build. Restored below.
    con.execute("SET preserve_insertion_order = false")
    try:
        with detecting.session(detectors) as session:
            prepare(con, since=since, service=service, trace_id=trace_id)
            rules.attribute(con)
            return _collect(con, example_runs, tuple(session.warnings))
    finally:
        _drop_temp(con)
        con.execute(f"SET preserve_insertion_order = {'true' if preserve else 'false'}")


def _collect(
    con: duckdb.DuckDBPyConnection, example_runs: int, warnings: tuple[str, ...] = ()
) -> Analysis:
    ((n_runs, n_failed, first_ns, last_ns),) = con.execute(queries.sql("m_totals")).fetchall()
    by_category = dict.fromkeys(CATEGORIES, 0)
    for category, n in con.execute(queries.sql("m_by_category")).fetchall():
        by_category[category] = int(n)
    unit = metrics.trend_unit(first_ns, last_ns)
    frames = metrics.frames(con, trend_unit=unit)
    frames["failures"] = _suspects(con, frames["failures"])
    e2e = (1.0 - n_failed / n_runs) if n_runs else None
    stage_rel = [r for r in frames["stages"]["reliability"].to_list() if r is not None]
    predicted = math.prod(stage_rel) if stage_rel else None
    gap = (max(stage_rel) - e2e) if stage_rel and e2e is not None else None
    return Analysis(
        runs=frames["runs"],
        failures=frames["failures"],
        stages=frames["stages"],
        agents=frames["agents"],
        edges=frames["edges"],
        agent_stage=frames["agent_stage"],
        latency=frames["latency"],
        latency_samples=frames["latency_samples"],
        human_wait=frames["human_wait"],
        trend=frames["trend"],
        span_errors=frames["span_errors"],
        example_spans=examples.example_spans(con, frames["failures"], frames["runs"], example_runs),
        detectors=frames["detectors"],
        verification=metrics.verification(con),
        end_to_end_reliability=e2e,
        predicted_reliability=predicted,
        coordination_gap=gap,
        n_runs=int(n_runs or 0),
        n_failed=int(n_failed or 0),
        by_category=by_category,
        trend_unit=unit,
        warnings=warnings,
        _con=con,
    )


SUSPECT_BATCH = 30_000
"""Failed runs whose suspects are ranked at once. Their turns are Polars frames
(about 6 KB a run without message text): at 10M spans, 250k failed runs ranked
at once took 1.5 GB beside DuckDB's own memory."""


def _suspects(con: duckdb.DuckDBPyConnection, failures: pl.DataFrame) -> pl.DataFrame:
    """:func:`analyzer.suspects.suspects_frame` over ``failures`` a slice of at most
    :data:`SUSPECT_BATCH` failed runs at a time. The same frame as ranking them all
    at once: every feature reads one run's turns and edges, and each slice keeps
    its rows' order."""
    if failures.height <= SUSPECT_BATCH:
        return suspects.suspects_frame(con, failures)
    parts = []
    queries.run(con, "batch_begin_run")
    queries.run(con, "batch_begin_attr")
    try:
        for part in failures.iter_slices(SUSPECT_BATCH):
            ids = {"trace_ids": part["trace_id"].to_list()}
            queries.run(con, "batch_run", **ids)
            queries.run(con, "batch_attr", **ids)
            parts.append(suspects.suspects_frame(con, part))
    finally:
        con.execute("DROP TABLE IF EXISTS cg_run")
        con.execute("DROP TABLE IF EXISTS cg_attr")
        queries.run(con, "batch_end_run")
        queries.run(con, "batch_end_attr")
    return pl.concat(parts)


def _has_spans_table(con: duckdb.DuckDBPyConnection) -> bool:
    ((n,),) = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'spans' AND NOT temporary"
    ).fetchall()
    return bool(n)


def _drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the cg_* TEMP views, tables and macros (cg_spans is a view or a table,
    depending on scope)."""
    views = {
        name
        for (name,) in con.execute(
            "SELECT view_name FROM duckdb_views()"
            " WHERE temporary AND list_contains($names, view_name)",
            {"names": list(_VIEWS)},
        ).fetchall()
    }
    for name in _VIEWS:
        if name in views:
            con.execute(f"DROP VIEW {_quote(name)}")
    for name in (*_INTERMEDIATE, "cg_spans"):
        con.execute(f"DROP TABLE IF EXISTS {_quote(name)}")
    for name in _MACROS:  # dependents first: cg_after is used by the others
        con.execute(f"DROP MACRO IF EXISTS {_quote(name)}")


def _quote(identifier: str) -> str:
    """Quote a SQL identifier (identifiers cannot be bound as parameters)."""
    return '"' + identifier.replace('"', '""') + '"'


def _to_ns(since: datetime | int | None) -> int | None:
    if since is None:
        return None
    if isinstance(since, datetime):
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return int(since.timestamp() * 1_000_000) * 1_000
    return int(since)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value


RECORD_BATCH: Final = 10_000
"""Failed runs turned into Python records at a time (:meth:`Analysis.failure_records`)."""
FAILURE_FIELDS: Final = (
    "trace_id",
    "category",
    "span_id",
    "span_name",
    "agent",
    "reason",
    "evidence",
    "detector",
    "quote",
    "symptom_span_id",
    "confidence",
    "suspect",
    "suspects",
)
"""The fields of each failed run in ``coordgap analyze --format json``, in order."""


def _records(frame: pl.DataFrame, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {k: _round(v) for k, v in row.items()}
        for row in frame.select(columns).iter_rows(named=True)
    ]
