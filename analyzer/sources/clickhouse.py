"""Attribution over an OpenTelemetry Collector ``otel_traces`` table, in ClickHouse.

The split (docs/internals.md, "The ClickHouse source"): ClickHouse normalizes every
span in scope (the mapping of :mod:`analyzer.mapping` for coordgap's own and GenAI
keys, ported to ClickHouse SQL in ``clickhouse.sql``), decides for each trace
whether it is *simple* (computable exactly without walking parent chains) and
aggregates the simple runs, all of which succeeded. Every other trace in scope,
every failed run among them, is fetched whole (Arrow) into an in-memory DuckDB
with the ``spans`` schema, normalized by the unchanged ingest mapping and
attributed by the unchanged rules; its figures are added to ClickHouse's, and the
quantiles are computed in ClickHouse over both parts (the local values are sent
along). What crosses the wire grows with the traces that are not simple, not with
the table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from analyzer import analysis as _analysis
from analyzer import detectors as detecting
from analyzer import examples, ingest, ingest_sql, mapping, metrics, queries, rules
from analyzer.analysis import CATEGORIES, Analysis
from analyzer.formats.common import BATCH_ROWS, STAGE_SCHEMA
from analyzer.sources import catalog
from analyzer.sources.engines import Engine, SourceURL, connect, parse_url
from analyzer.store import Store

__all__ = ["ClickHouseSource", "open_source", "query_params"]

# Mapping keys the ClickHouse port reads itself; any other key of the mapping on a
# span (another instrumentation's) leaves its trace to the exact local mapping.
_HANDLED_KEYS = frozenset(
    {
        "k_op", "k_workflow", "k_agent", "k_tool", "k_stage", "k_actor", "k_h_source",
        "k_h_target", "k_gh_source", "k_gh_target", "k_violations", "k_verdict",
        "k_attempt", "k_outcome", "k_outcome_reason", "k_outcome_trace", "k_plan_assignees",
        "k_plan_unassigned", "k_plan_duplicates", "k_plan_overlaps", "k_error_type",
        "k_eval_name", "k_eval_label", "k_exc_type",
    }
)  # fmt: skip
_PARAM = re.compile(r"\{([a-z_0-9]+):")
_VALUES_SCHEMA = pa.schema(
    [("metric", pa.string()), ("k1", pa.string()), ("k2", pa.string()), ("v", pa.float64())]
)
_IDS_SCHEMA = pa.schema([("trace_id", pa.string())])
_TEMP_TABLES = ("cg_handoffs", "cg_traces", "cg_all")


def query_params(statement: str, **extra: Any) -> dict[str, Any]:
    """The bound values a ClickHouse statement of ``clickhouse.sql`` names."""
    values: dict[str, Any] = dict(mapping.params())
    values["foreign_keys"] = sorted(
        v for k, v in values.items() if k.startswith("k_") and k not in _HANDLED_KEYS
    )
    values.update(extra)
    used = set(_PARAM.findall(statement))
    missing = used - values.keys()
    if missing:
        raise KeyError(f"unbound parameter(s) {sorted(missing)}")
    return {k: v for k, v in values.items() if k in used}


def open_source(url: str) -> ClickHouseSource:
    """A ClickHouse source for ``clickhouse://USER@HOST:8123/DATABASE?table=T`` or
    ``chdb://PATH?table=T``. Raises ValueError on a bad URL or a missing driver."""
    parsed = parse_url(url)
    return ClickHouseSource(connect(parsed), parsed)


class ClickHouseSource:
    """An ``otel_traces`` table in ClickHouse, analyzed in place."""

    def __init__(self, engine: Engine, url: SourceURL):
        self.engine = engine
        self.url = url

    def __str__(self) -> str:
        return str(self.url)

    # -- queries --------------------------------------------------------------------
    def _query(self, name: str, external: dict[str, pa.Table] | None = None, **extra: Any):
        text = catalog.sql(name)
        params = query_params(text, db=self.url.database, table=self.url.table, **extra)
        return self.engine.query_arrow(text, params, external)

    def _check_table(self) -> None:
        found = self.engine.query_arrow(
            "SELECT count() AS n FROM system.tables "
            "WHERE database = {db:String} AND name = {table:String}",
            {"db": self.url.database, "table": self.url.table},
        )
        if not found.column("n")[0].as_py():
            raise ValueError(f"no table {self.url.database}.{self.url.table}")

    # -- analysis -------------------------------------------------------------------
    def analyze(
        self,
        *,
        since: datetime | int | None = None,
        service: str | None = None,
        all_runs: bool = False,
        example_runs: int = examples.DEFAULT_EXAMPLES,
        detectors: Sequence[detecting.Detector] | None = None,
    ) -> Analysis:
        """Attribute every failed run in scope and compute the reliability figures,
        as :func:`analyzer.analysis.analyze` does over the same spans.

        ``Analysis.runs`` holds the runs analyzed locally (every failed run among
        them) unless ``all_runs``, which fetches one row per run in scope.
        """
        self._check_table()
        since_ns = _analysis._to_ns(since)
        scope = {
            "has_since": since_ns is not None,
            "since": since_ns or 0,
            "has_service": service is not None,
            "service": service or "",
        }
        self._drop_temp()
        try:
            self._command("ch_spans_all")
            self._command("ch_traces", **scope)
            self._command("ch_handoffs")
            # ClickHouse's heavy steps are done before the local store grows
            ids = self._query("ch_local_traces").column(0).to_pylist()
            con = self._local_store(pa.table({"trace_id": pa.array(ids, pa.string())}))
            try:
                with detecting.session(detectors) as session:
                    _analysis.prepare(con, since=since, service=service)
                    rules.attribute(con)
                    return self._collect(con, all_runs, example_runs, tuple(session.warnings))
            except BaseException:
                con.close()
                raise
        finally:
            self._drop_temp()

    def _command(self, name: str, **extra: Any) -> None:
        text = catalog.sql(name)
        self.engine.command(
            text, query_params(text, db=self.url.database, table=self.url.table, **extra)
        )

    def _drop_temp(self) -> None:
        for name in _TEMP_TABLES:
            self.engine.command(f"DROP TEMPORARY TABLE IF EXISTS {name}")

    def fetch(self, trace_ids: list[str]) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB store holding these traces (``spans`` schema)."""
        return self._local_store(pa.table({"trace_id": pa.array(trace_ids, pa.string())}))

    def _local_store(self, ids: pa.Table) -> duckdb.DuckDBPyConnection:
        store = Store(":memory:")
        con = store.con
        fetched = self._query("ch_fetch", {"ids": ids})
        if fetched.num_rows:
            staged = fetched.select(STAGE_SCHEMA.names).cast(STAGE_SCHEMA)
            for batch in staged.to_batches(max_chunksize=BATCH_ROWS):
                ingest_sql.insert_arrow(con, pa.Table.from_batches([batch], STAGE_SCHEMA))
            ingest.link_spans(con)
        return con

    def _collect(
        self,
        con: duckdb.DuckDBPyConnection,
        all_runs: bool,
        example_runs: int = examples.DEFAULT_EXAMPLES,
        warnings: tuple[str, ...] = (),
    ) -> Analysis:
        ((l_runs, l_failed, l_first, l_last),) = con.execute(queries.sql("m_totals")).fetchall()
        ch_tot = self._query("ch_totals").to_pylist()[0]
        n_simple = int(ch_tot["runs"] or 0)
        firsts = [x for x in (l_first, ch_tot["first_ns"] if n_simple else None) if x is not None]
        lasts = [x for x in (l_last, ch_tot["last_ns"] if n_simple else None) if x is not None]
        unit = metrics.trend_unit(min(firsts, default=None), max(lasts, default=None))

        con.execute(queries.sql("m_calls"))
        ch_calls = self._query("ch_calls")
        _register(con, "ch_calls_arrow", ch_calls)
        con.execute("INSERT INTO cg_calls SELECT agent, stage, actor, calls, failures"
                    " FROM ch_calls_arrow")  # fmt: skip
        values = _arrow(con, catalog.sql("l_values", "local.sql"))
        quantiles = self._query("ch_quantiles", {"vals": values.cast(_VALUES_SCHEMA)})
        _register(con, "ch_quantiles", quantiles)
        _register(con, "ch_edges", self._query("ch_edges"))
        _register(con, "l_edges", _arrow(con, catalog.sql("l_edges", "local.sql")))
        _register(con, "ch_stages", self._query("ch_stage_runs"))
        _register(con, "l_stages", _arrow(con, queries.sql("m_stages")))
        trend = self._query("ch_trend", unit=unit)
        _register(con, "ch_trend", _naive_time(trend, "bucket"))
        _register(con, "l_trend", _arrow(con, queries.sql("m_trend"), {"unit": unit}))

        local = metrics.frame
        runs = local(con, "m_runs")
        if all_runs and n_simple:
            simple = pl.from_arrow(self._query("ch_runs"))
            assert isinstance(simple, pl.DataFrame)
            runs = _with_simple_runs(runs, simple)
        frames = {
            "runs": runs,
            "failures": local(con, "m_failures"),
            "agents": local(con, "m_agents"),
            "agent_stage": local(con, "m_agent_stage"),
            "span_errors": local(con, "m_span_errors"),
            "stages": _frame(con, "merge_stages"),
            "edges": _frame(con, "merge_edges"),
            "latency": _frame(con, "merge_latency"),
            "human_wait": _frame(con, "merge_human_wait"),
            "trend": _frame(con, "merge_trend"),
            "detectors": local(con, "m_detectors"),
        }
        frames["example_spans"] = examples.example_spans(
            con, frames["failures"], frames["runs"], example_runs
        )
        frames["latency_samples"] = self._samples(con)
        verification = self._verification(con)
        by_category = dict.fromkeys(CATEGORIES, 0)
        for category, n in con.execute(queries.sql("m_by_category")).fetchall():
            by_category[category] = int(n)
        n_runs = int(l_runs or 0) + n_simple
        n_failed = int(l_failed or 0)
        e2e = (1.0 - n_failed / n_runs) if n_runs else None
        stage_rel = [r for r in frames["stages"]["reliability"].to_list() if r is not None]
        return Analysis(
            **frames,
            verification=verification,
            end_to_end_reliability=e2e,
            predicted_reliability=math.prod(stage_rel) if stage_rel else None,
            coordination_gap=(max(stage_rel) - e2e) if stage_rel and e2e is not None else None,
            n_runs=n_runs,
            n_failed=n_failed,
            by_category=by_category,
            trend_unit=unit,
            warnings=warnings,
            _con=con,
        )

    def _samples(self, con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
        per_stage = metrics.SAMPLES_PER_STAGE
        remote = self._query("ch_samples", per_stage=per_stage)
        ch = pl.from_arrow(remote)
        assert isinstance(ch, pl.DataFrame)
        spans = con.sql("SELECT stage, duration_ms FROM cg_spans WHERE stage IS NOT NULL").pl()
        both = pl.concat([spans.cast(ch.schema) if ch.height else spans, ch], how="vertical")
        order = {s: i for i, s in enumerate(_analysis_stages())}
        return (
            both.filter(pl.col("stage").is_in(list(order)))
            .group_by("stage", maintain_order=True)
            .head(per_stage)
            .sort([pl.col("stage").replace_strict(order, default=99), "duration_ms"])
        )

    def _verification(self, con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
        loc = metrics.verification_sums(con)
        l_checks, l_rej, l_acc, l_fa, l_rwv, l_retries, l_rr, l_rec, l_vms, l_rms = loc
        ch = self._query("ch_verification").to_pylist()[0]
        ch_rwv = int(ch["runs_with_verifier"] or 0)
        checks = int(l_checks) + int(ch["checks"] or 0)
        rejects = int(l_rej) + int(ch["rejects"] or 0)
        accepts = int(l_acc) + int(ch["accepts"] or 0)
        runs_wv = int(l_rwv) + ch_rwv
        retries = int(l_retries) + int(ch["retries"] or 0)
        rejected = int(l_rr) + int(ch["rejected_runs"] or 0)
        recovered = int(l_rec) + int(ch["rejected_runs"] or 0)  # simple runs all succeeded
        verify_ms = float(l_vms) + float(ch["verify_ms"] or 0.0)
        run_ms = float(l_rms) + float(ch["run_ms"] or 0.0)
        false_accepts = int(l_fa)
        return {
            "checks": checks,
            "rejects": rejects,
            "false_accepts": false_accepts,
            "catch_rate": _ratio(rejects, rejects + false_accepts),
            "false_accept_rate": _ratio(false_accepts, accepts),
            "recovery_rate": _ratio(recovered, rejected),
            "retries_per_run": _ratio(retries, runs_wv),
            "share_of_latency": min(verify_ms / run_ms, 1.0) if run_ms > 0 else None,
            "runs_with_verifier": runs_wv,
        }

    # -- one run ----------------------------------------------------------------------
    def explain_connection(self, trace_id: str) -> duckdb.DuckDBPyConnection:
        """A local store with the trace and any late outcome recorded for it, for
        :func:`analyzer.explain.explain`."""
        self._check_table()
        ids = self.engine.query_arrow(
            catalog.sql("ch_explain_ids"),
            query_params(
                catalog.sql("ch_explain_ids"),
                db=self.url.database,
                table=self.url.table,
                trace_id=trace_id.lower(),
            ),
        )
        return self._local_store(ids.cast(_IDS_SCHEMA))

    def close(self) -> None:
        """Close the engine (a shared chDB session stays open for the process)."""
        if self.url.scheme != "chdb":
            self.engine.close()


def _analysis_stages() -> tuple[str, ...]:
    return ("decomposition", "generation", "handoff", "verification", "assembly")


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _register(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    """Copy an Arrow table into a TEMP table ``name`` (one of this module's fixed names)."""
    con.register("cg_arrow_in", table)
    try:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM cg_arrow_in')
    finally:
        con.unregister("cg_arrow_in")


def _frame(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    return con.sql(catalog.sql(name, "local.sql")).pl()


def _naive_time(table: pa.Table, column: str) -> pa.Table:
    i = table.schema.get_field_index(column)
    seconds = table.column(i).cast(pa.int64())
    naive = pc.multiply(seconds, 1_000_000).cast(pa.timestamp("us"))
    return table.set_column(i, column, naive)


def _with_simple_runs(local: pl.DataFrame, simple: pl.DataFrame) -> pl.DataFrame:
    simple = simple.with_columns(
        pl.lit(False).alias("failed"), pl.lit(None, dtype=pl.String).alias("category")
    ).select(local.columns)
    return pl.concat([local, simple.cast(local.schema)]).sort(["start_ns", "trace_id"])


def _arrow(
    con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None
) -> pa.Table:
    return con.sql(sql, params=params).to_arrow_table()
