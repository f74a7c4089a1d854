"""Reliability figures as Polars frames, from the tables :func:`analysis.prepare` built.

Every figure is one named DuckDB query (analyzer/queries/metrics.sql) read
through Arrow. Definitions (docs/analyze.md):

- stage reliability = 1 - failed runs attributed to the stage / runs in which it
  appears; predicted reliability = product of stage reliabilities; coordination
  gap = best stage reliability - end-to-end reliability.
- agent reliability = 1 - failed calls / calls, a call failing when it errored or
  an exception originated in a span it owns.
- edges: explicit and inferred handoffs per (source, target).
"""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from analyzer import queries
from tracer import semconv

__all__ = [
    "SAMPLES_PER_STAGE",
    "frame",
    "frames",
    "trend_unit",
    "verification",
    "verification_rates",
    "verification_sums",
]

SAMPLES_PER_STAGE = 2000
"""Latency samples kept per stage (the query's limit; a deterministic hash sample)."""

_TWO_DAYS_NS = 2 * 24 * 3600 * 10**9
_HASH_MOD = 1_000_003  # the modulus m_latency_samples applies to span hashes

_FRAMES = {
    "runs": "m_runs",
    "failures": "m_failures",
    "stages": "m_stages",
    "agents": "m_agents",
    "edges": "m_edges",
    "agent_stage": "m_agent_stage",
    "latency": "m_latency",
    "human_wait": "m_human_wait",
    "span_errors": "m_span_errors",
    "detectors": "m_detectors",
}


def trend_unit(first_ns: int | None, last_ns: int | None) -> str:
    """``hour`` when the runs span at most two days, else ``day``."""
    if first_ns is None or last_ns is None or last_ns - first_ns <= _TWO_DAYS_NS:
        return "hour"
    return "day"


def frames(con: duckdb.DuckDBPyConnection, *, trend_unit: str = "hour") -> dict[str, pl.DataFrame]:
    """Every metric frame by name (runs, failures, stages, agents, edges, agent_stage,
    latency, latency_samples, human_wait, trend, span_errors)."""
    if trend_unit not in ("hour", "day"):
        raise ValueError(f"trend unit must be hour or day, not {trend_unit!r}")
    queries.run(con, "m_calls")
    out = {name: frame(con, query) for name, query in _FRAMES.items()}
    out["latency_samples"] = _samples(con, out["latency"])
    out["trend"] = frame(con, "m_trend", {"unit": trend_unit})
    return out


def frame(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
) -> pl.DataFrame:
    """Run the named query (its vocabulary and ``params`` bound) and read its result
    into Polars through Arrow (no copy)."""
    relation = queries.run(con, name, **(params or {}))
    assert relation is not None, f"{name} is a statement, not a query"
    return relation.pl()


def _samples(con: duckdb.DuckDBPyConnection, latency: pl.DataFrame) -> pl.DataFrame:
    counts = dict(zip(latency["stage"].to_list(), latency["n"].to_list(), strict=True))
    # per-stage hash threshold: about 3x the sample size survives the filter
    thresholds = [
        int(min(1.0, 3 * SAMPLES_PER_STAGE / max(int(counts.get(stage, 0)), 1)) * _HASH_MOD) + 1
        for stage in semconv.STAGES
    ]
    params = {"thresholds": thresholds, "hash_mod": _HASH_MOD, "per_stage": SAMPLES_PER_STAGE}
    return frame(con, "m_latency_samples", params)


def verification(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Verification loop figures: checks, rejects, false_accepts, catch_rate,
    false_accept_rate, recovery_rate, retries_per_run, share_of_latency,
    runs_with_verifier. Rates are None when their denominator is zero."""
    queries.run(con, "m_verification_sums")  # the view only: its rates read it once
    return verification_rates(con)


def verification_rates(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The figures of :func:`verification` over whatever ``cg_verify_sums`` holds now
    (the ClickHouse source points it at the sums of both its parts)."""
    row = frame(con, "m_verification").row(0, named=True)
    for key in ("checks", "rejects", "false_accepts", "runs_with_verifier"):
        row[key] = int(row[key] or 0)
    return row


def verification_sums(con: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """The sums behind :func:`verification`, one row: checks, rejects, accepts,
    false_accepts, runs_with_verifier, retries, rejected_runs, recovered_runs,
    verify_ms, run_ms (zeros without verdicts). Creates (or replaces) the TEMP view
    ``cg_verify_sums`` they come from, the one definition of a false accept."""
    queries.run(con, "m_verification_sums")
    (row,) = con.execute("SELECT * FROM cg_verify_sums").fetchall()  # an aggregate: one row
    return tuple(row)
