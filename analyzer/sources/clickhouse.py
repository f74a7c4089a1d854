"""Attribution over an OpenTelemetry Collector ``otel_traces`` table, in ClickHouse.

The split (docs/internals.md, "The ClickHouse source"): ClickHouse normalizes every
span in scope (the mapping of :mod:`analyzer.mapping` for coordgap's own and GenAI
keys, ported to ClickHouse SQL in ``clickhouse.sql``), decides for each trace
whether it is *simple* (computable exactly without walking parent chains) and
aggregates the simple runs, all of which succeeded, one partition of traces at a
time. Every other trace in scope, every failed run among them, is streamed whole
(Arrow) into a local DuckDB store (a temporary file, memory capped) with the
``spans`` schema, normalized by the unchanged ingest mapping and
attributed by the unchanged rules; its figures are added to ClickHouse's, and the
quantiles are computed in ClickHouse over both parts (the local values are sent
along). What crosses the wire grows with the traces that are not simple, not with
the table. The GenAI messages some instrumentations send as log records are read
from ``otel_logs`` for the fetched traces only (:mod:`.clickhouse_logs`).
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from analyzer import analysis as _analysis
from analyzer import content, examples, ingest, ingest_sql, metrics, queries, rules, suspects
from analyzer import detectors as detecting
from analyzer.analysis import CATEGORIES, Analysis
from analyzer.formats.common import BATCH_ROWS, STAGE_SCHEMA
from analyzer.sources import catalog
from analyzer.sources.clickhouse_logs import add_log_content
from analyzer.sources.engines import Engine, SourceURL, connect, parse_url
from analyzer.sources.keys import query_params
from analyzer.sources.local_store import FILL_ROWS, memory_hint, new_local_store, shrink
from tracer import semconv

__all__ = ["ClickHouseSource", "open_source", "query_params"]

_VALUES_SCHEMA = pa.schema(
    [("metric", pa.string()), ("k1", pa.string()), ("k2", pa.string()), ("v", pa.float64())]
)
_IDS_SCHEMA = pa.schema([("trace_id", pa.string())])
_QUANTILES_SCHEMA = pa.schema(
    [("metric", pa.string()), ("k1", pa.string()), ("k2", pa.string()), ("n", pa.uint64()),
     ("p50", pa.float64()), ("p95", pa.float64()), ("total", pa.float64()),
     ("max_v", pa.float64())]
)  # fmt: skip
_PART_TABLES = ("cg_handoffs", "cg_simple", "cg_traces")
#: what the ClickHouse steps leave that only the quantiles read afterwards
_STEP_TABLES = (*_PART_TABLES, "cg_all", "cg_referenced")
_TEMP_TABLES = (*_STEP_TABLES, "cg_values")

#: spans a partition of the per-trace steps holds (what bounds ClickHouse's memory)
PARTITION_SPANS = 1_000_000
#: at most this many partitions (ClickHouse's limit on partitions per insert block)
MAX_PARTITIONS = 100
#: what each partition hands back, concatenated over the partitions
_PER_PARTITION = (
    "ch_local_traces", "ch_totals", "ch_calls", "ch_edges", "ch_stage_runs", "ch_trend",
    "ch_verification", "ch_samples",
)  # fmt: skip


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
        #: wall-clock seconds of each step of the last :meth:`analyze`, in order
        self.timings: dict[str, float] = {}

    @contextlib.contextmanager
    def _step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

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
        self.timings = {}
        self._drop_temp()
        try:
            with self._step("normalize"):
                parts = self._partitions()
                self._command("ch_referenced")
                self._command("ch_values_table")
                self._command("ch_spans_one" if parts == 1 else "ch_spans_all", parts=parts)
            with self._step("per_partition"):
                remote = self._per_partition(parts, scope, all_runs)
            with self._step("local_ids"):
                holders = self._query("ch_outcome_holders").cast(_IDS_SCHEMA)
                ids = pa.concat_tables([remote.pop("ch_local_traces").cast(_IDS_SCHEMA), holders])
                # ClickHouse's heavy steps are done before the local store grows
                self._drop_temp(_STEP_TABLES)
                self.engine.release_memory()
                ids = ids.group_by("trace_id").aggregate([])
            con = new_local_store()
            try:
                with memory_hint(ids.num_rows), detecting.session(detectors) as session:
                    with self._step("fetch"):
                        self._fill(con, ids)
                    with self._step("attribute"):
                        _analysis.prepare(con, since=since, service=service)
                        rules.attribute(con)
                    shrink(con)
                    return self._collect(
                        con, remote, all_runs, example_runs, tuple(session.warnings)
                    )
            except BaseException:
                con.close()
                raise
        finally:
            self._drop_temp()

    def _partitions(self) -> int:
        """How many partitions keep each under :data:`PARTITION_SPANS` spans."""
        (n,) = (
            self.engine.query_arrow(
                "SELECT count() AS n FROM {db:Identifier}.{table:Identifier}",
                {"db": self.url.database, "table": self.url.table},
            )
            .column("n")
            .to_pylist()
        )
        return max(1, min(MAX_PARTITIONS, math.ceil(int(n) / PARTITION_SPANS)))

    def _per_partition(
        self, parts: int, scope: dict[str, Any], all_runs: bool
    ) -> dict[str, pa.Table]:
        """Run the per-trace steps one partition at a time; each query of
        :data:`_PER_PARTITION` (and ``ch_runs`` when ``all_runs``) concatenated."""
        names = (*_PER_PARTITION, "ch_runs") if all_runs else _PER_PARTITION
        found: dict[str, list[pa.Table]] = {name: [] for name in names}
        for part in range(parts):
            at: dict[str, Any] = {"parts": parts, "part": part}
            at["per_stage"] = metrics.SAMPLES_PER_STAGE
            self._drop_temp(_PART_TABLES)
            self._command("ch_traces", **scope, **at)
            self._command("ch_simple", **at)
            self._command("ch_handoffs", **at)
            self._command("ch_values", **at)
            for name in names:
                found[name].append(self._query(name, **at))
        return {name: pa.concat_tables(tables) for name, tables in found.items()}

    def _command(
        self, name: str, external: dict[str, pa.Table] | None = None, **extra: Any
    ) -> None:
        text = catalog.sql(name)
        self.engine.command(
            text, query_params(text, db=self.url.database, table=self.url.table, **extra), external
        )

    def _drop_temp(self, names: tuple[str, ...] = _TEMP_TABLES) -> None:
        """Drop these temporary tables (one of this module's fixed names each)."""
        for name in names:
            self.engine.command(f"DROP TEMPORARY TABLE IF EXISTS {name}")

    def fetch(self, trace_ids: list[str]) -> duckdb.DuckDBPyConnection:
        """A local DuckDB store holding these traces (``spans`` schema)."""
        return self._local_store(pa.table({"trace_id": pa.array(trace_ids, pa.string())}))

    def _local_store(self, ids: pa.Table) -> duckdb.DuckDBPyConnection:
        """A local store holding these traces' spans."""
        con = new_local_store()
        try:
            with memory_hint(ids.num_rows):
                self._fill(con, ids)
        except BaseException:
            con.close()
            raise
        return con

    def _fill(self, con: duckdb.DuckDBPyConnection, ids: pa.Table) -> None:
        """Stream these traces' spans into ``con``, a block at a time."""
        text = catalog.sql("ch_fetch")
        params = query_params(text, db=self.url.database, table=self.url.table)
        blocks = self.engine.query_blocks(text, params, {"ids": ids})
        pending: list[pa.Table] = []
        rows = added = 0
        for block in blocks:
            pending.append(block.select(STAGE_SCHEMA.names).cast(STAGE_SCHEMA))
            rows += block.num_rows
            if rows >= FILL_ROWS:
                added += _insert(con, pending)
                pending, rows = [], 0
        added += _insert(con, pending)
        if added:
            # written out, the spans can leave memory while the links walk parent chains
            con.execute("CHECKPOINT")
            ingest.link_spans(con)
            # the messages some instrumentations send as log records, as ingest reads them
            add_log_content(self.engine, self.url, con, ids, content.DEFAULT_MAX_CHARS)
            con.execute("CHECKPOINT")

    def _collect(
        self,
        con: duckdb.DuckDBPyConnection,
        remote: dict[str, pa.Table],
        all_runs: bool,
        example_runs: int = examples.DEFAULT_EXAMPLES,
        warnings: tuple[str, ...] = (),
    ) -> Analysis:
        ((l_runs, l_failed, l_first, l_last),) = con.execute(queries.sql("m_totals")).fetchall()
        simple_parts = [t for t in remote["ch_totals"].to_pylist() if t["runs"]]
        n_simple = sum(int(t["runs"]) for t in simple_parts)
        firsts = [x for x in (l_first, *(t["first_ns"] for t in simple_parts)) if x is not None]
        lasts = [x for x in (l_last, *(t["last_ns"] for t in simple_parts)) if x is not None]
        unit = metrics.trend_unit(min(firsts, default=None), max(lasts, default=None))

        queries.run(con, "m_calls")
        _register(con, "ch_calls_arrow", remote["ch_calls"])
        con.execute("INSERT INTO cg_calls SELECT agent, stage, actor, sum(calls), sum(failures)"
                    " FROM ch_calls_arrow GROUP BY ALL")  # fmt: skip
        with self._step("send_values"):
            values = _local(con, "l_values").to_arrow_reader(BATCH_ROWS)
            for batch in values:
                block = pa.Table.from_batches([batch]).cast(_VALUES_SCHEMA)
                self._command("ch_local_values", {"vals": block})
        with self._step("quantiles"):
            _register(con, "ch_quantiles", self._quantiles())
            self.engine.release_memory()  # ClickHouse's work is done; the frames come next
        _register(con, "ch_edges", remote["ch_edges"])
        _register(con, "l_edges", _local(con, "l_edges").to_arrow_table())
        _register(con, "ch_stages", remote["ch_stage_runs"])
        _register(con, "l_stages", _relation(queries.run(con, "m_stages")).to_arrow_table())
        _register(con, "ch_trend", _naive_time(remote["ch_trend"], "bucket"))
        l_trend = queries.run(con, "m_trend", unit=unit)
        _register(con, "l_trend", _relation(l_trend).to_arrow_table())

        local = metrics.frame
        runs = local(con, "m_runs")
        if all_runs and n_simple:
            simple = pl.from_arrow(remote["ch_runs"])
            assert isinstance(simple, pl.DataFrame)
            runs = _with_simple_runs(runs, simple)
        frames = {
            "runs": runs,
            "failures": suspects.suspects_frame(con, local(con, "m_failures")),
            "agents": local(con, "m_agents"),
            "agent_stage": local(con, "m_agent_stage"),
            "span_errors": local(con, "m_span_errors"),
            "stages": _frame(con, "merge_stages"),
            "edges": _frame(con, "merge_edges"),
            "latency": _frame(con, "merge_latency"),
            "human_wait": _frame(con, "merge_human_wait"),
            "trend": _frame(con, "merge_trend", unit=unit),
            "detectors": local(con, "m_detectors"),
        }
        frames["example_spans"] = examples.example_spans(
            con, frames["failures"], frames["runs"], example_runs
        )
        frames["latency_samples"] = _samples(con, remote["ch_samples"])
        verification = _verification(con, remote["ch_verification"])
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

    def _quantiles(self) -> pa.Table:
        """Count, p50, p95, sum and max of every group of ``cg_values``, one group at a time."""
        groups = self._query("ch_value_groups").to_pylist()
        found = [self._query("ch_quantiles", **group) for group in groups]
        if not found:
            return _QUANTILES_SCHEMA.empty_table()
        both = pa.concat_tables(found).combine_chunks()
        q = both.column("q")
        return (
            both.drop_columns("q")
            .append_column("p50", pc.list_element(q, 0))
            .append_column("p95", pc.list_element(q, 1))
            .select(_QUANTILES_SCHEMA.names)
            .cast(_QUANTILES_SCHEMA)
        )

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


def _samples(con: duckdb.DuckDBPyConnection, remote: pa.Table) -> pl.DataFrame:
    """Up to :data:`metrics.SAMPLES_PER_STAGE` latencies a stage: the local spans', then
    the simple runs' with the lowest hashes over every partition."""
    per_stage = metrics.SAMPLES_PER_STAGE
    ch = pl.from_arrow(remote)
    assert isinstance(ch, pl.DataFrame)
    ch = ch.sort(["stage", "h"]).group_by("stage", maintain_order=True).head(per_stage)
    ch = ch.select("stage", "duration_ms")
    spans = _local(con, "l_samples", n=per_stage).pl()
    both = pl.concat([spans.cast(ch.schema) if ch.height else spans, ch], how="vertical")
    order = {s: i for i, s in enumerate(semconv.STAGES)}
    return (
        both.filter(pl.col("stage").is_in(list(order)))
        .group_by("stage", maintain_order=True)
        .head(per_stage)
        .sort([pl.col("stage").replace_strict(order, default=99), "duration_ms"])
    )


def _verification(con: duckdb.DuckDBPyConnection, remote: pa.Table) -> dict[str, Any]:
    """m_verification over both parts: ``cg_verify_sums`` pointed at the local sums plus
    every partition's, then the store's own rates over it."""
    metrics.verification_sums(con)
    con.execute("CREATE OR REPLACE TEMP TABLE cg_verify_local AS SELECT * FROM cg_verify_sums")
    _register(con, "ch_verification", remote)
    _local(con, "merge_verification_sums")
    return metrics.verification_rates(con)


def _insert(con: duckdb.DuckDBPyConnection, blocks: list[pa.Table]) -> int:
    """Insert staged blocks as one batch; the spans added."""
    if not blocks:
        return 0
    table = pa.concat_tables(blocks)
    # most fetched batches hold no content: skip the content query for those, as ingest does
    cap = content.DEFAULT_MAX_CHARS if content.may_carry(table) else 0
    return ingest_sql.insert_arrow(con, table, max_content=cap, autocommit=True)


def _register(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    """Copy an Arrow table into a TEMP table ``name`` (one of this module's fixed names)."""
    con.register("cg_arrow_in", table)
    try:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM cg_arrow_in')
    finally:
        con.unregister("cg_arrow_in")


def _frame(con: duckdb.DuckDBPyConnection, name: str, **values: Any) -> pl.DataFrame:
    return _relation(_local(con, name, **values)).pl()


def _local(con: duckdb.DuckDBPyConnection, name: str, **values: Any) -> Any:
    """Run a query of ``local.sql`` with its vocabulary and ``values`` bound."""
    return queries.run_sql(con, catalog.sql(name, "local.sql"), **values)


def _relation(relation: duckdb.DuckDBPyRelation | None) -> duckdb.DuckDBPyRelation:
    assert relation is not None, "a statement where a query was expected"
    return relation


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
