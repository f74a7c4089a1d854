"""The example runs' spans an analysis keeps for the report: read for all picked
runs at once, they are each run's own spans, as ``run_spans`` gives them."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, fresh_db, insert

from analyzer.analysis import analyze, run_spans


def _runs() -> list[Run]:
    """Failed runs of different causes and depths; span ids repeat across traces
    (the builder numbers them within a run), so only the trace tells them apart."""
    runs = []
    for n in range(1, 8):
        run = Run(n, outcome="failure", duration_ms=100 + n)
        writer = run.agent("writer")
        if n % 2:
            run.agent("tool", parent=writer, error="KeyError", propagate=True)
        else:
            h = run.handoff("writer", "editor", violations=["dropped_key: brand_voice"])
            run.agent("editor", parent=h)
        runs.append(run)
    return runs


def test_example_spans_are_each_picked_runs_own_spans() -> None:
    con = fresh_db()
    insert(con, *_runs())
    a = analyze(con, example_runs=5)
    picked = a.example_spans["trace_id"].unique(maintain_order=True).to_list()
    assert len(picked) == 5
    expected = pl.concat(
        [run_spans(con, t).select(pl.lit(t).alias("trace_id"), pl.all()) for t in picked],
        how="vertical_relaxed",
    )
    assert a.example_spans.schema == expected.schema
    assert a.example_spans.equals(expected)
    # the nested spans kept their depth below the run span
    assert a.example_spans["depth"].max() == 2


def test_no_failed_run_keeps_no_example_spans() -> None:
    con = fresh_db()
    insert(con, Run(1))
    a = analyze(con, example_runs=5)
    assert a.example_spans.height == 0
    assert a.example_spans.columns[0] == "trace_id"
