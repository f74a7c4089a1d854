"""Example runs: which failed runs to show, and their spans, picked during analysis.

The report draws a few failed runs as timelines. Their spans are read here,
while the connection is open, so the report renders from the
:class:`analyzer.Analysis` alone (it never reaches storage).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import duckdb
import polars as pl

from analyzer import metrics
from tracer import semconv

__all__ = ["DEFAULT_EXAMPLES", "example_spans", "pick_worst_runs"]

DEFAULT_EXAMPLES = 5
"""Failed runs whose spans an analysis keeps for the report."""


def pick_worst_runs(
    failures: pl.DataFrame, runs: pl.DataFrame, max_runs: int
) -> list[dict[str, Any]]:
    """Up to ``max_runs`` failed runs (failure rows plus ``workflow`` and
    ``duration_ms``): the commonest categories first, longest runs first.

    Categories take turns so the examples cover as many different causes as the
    data has, instead of showing five copies of the same failure. The picks for
    ``n`` runs are the first ``n`` of the picks for any larger number.
    """
    if max_runs <= 0 or failures.height == 0:
        return []
    # sorted by the narrow keys only: the failure rows carry their suspects and
    # evidence (hundreds of MB at 10M spans); only the picks' rows are joined whole
    keys = failures.select("trace_id", pl.col("category").fill_null(semconv.CATEGORY_UNKNOWN)).join(
        runs.select("trace_id", "duration_ms"), on="trace_id", how="left"
    )
    keys = keys.with_columns(pl.col("duration_ms").fill_null(0.0))
    # only the longest max_runs of each category can be picked
    top = (
        keys.sort(["duration_ms", "trace_id"], descending=[True, False])
        .group_by("category", maintain_order=True)
        .head(max_runs)
        .select("trace_id")
        .join(failures, on="trace_id", how="left", maintain_order="left")
        .join(
            runs.select("trace_id", "workflow", "duration_ms"),
            on="trace_id",
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.col("duration_ms").fill_null(0.0),
            pl.col("category").fill_null(semconv.CATEGORY_UNKNOWN),
        )
        .select("category", pl.exclude("category"))  # the group key first, as head() puts it
    )
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in top.iter_rows(named=True):
        by_cat[str(row["category"])].append(row)
    sizes = {str(c): int(n) for c, n in keys["category"].value_counts().iter_rows()}
    order = sorted(by_cat, key=lambda c: (-sizes[c], c))
    picked: list[dict[str, Any]] = []
    while len(picked) < max_runs and any(by_cat[c] for c in order):
        for cat in order:
            if by_cat[cat] and len(picked) < max_runs:
                picked.append(by_cat[cat].pop(0))
    return picked


def example_spans(
    con: duckdb.DuckDBPyConnection, failures: pl.DataFrame, runs: pl.DataFrame, n: int
) -> pl.DataFrame:
    """The spans (``run_spans`` columns, with ``trace_id`` first) of the ``n`` runs
    :func:`pick_worst_runs` picks; an empty frame with those columns when none."""
    picked = [str(row["trace_id"]) for row in pick_worst_runs(failures, runs, n)]
    spans = metrics.frame(con, "run_spans", {"trace_ids": sorted(set(picked))})
    if not picked:
        return spans
    frames = [spans.filter(pl.col("trace_id") == trace_id) for trace_id in picked]
    return pl.concat(frames, how="vertical_relaxed")
