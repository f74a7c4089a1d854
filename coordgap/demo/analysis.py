"""After the runs: ingest the demo's spans, analyze them, summarise.

The analysis covers this demo's runs only (its service, since it started), so
spans left in the store by earlier demos or other applications do not blur
the comparison with ground truth.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rich.table import Table

import analyzer
from coordgap.demo.runner import DemoConfig, PipelineResult
from tracer import semconv

__all__ = ["demo_span_files", "ingest_and_analyze", "summary_table"]

# Files modified this long before the demo started still count as the demo's
# (coarse filesystem timestamps).
_MTIME_SLACK_NS = 2_000_000_000


def demo_span_files(config: DemoConfig, result: PipelineResult) -> list[Path]:
    """The local-store files the demo's processes wrote to (appended or created)."""
    if not config.spans_dir.is_dir():
        return []
    return sorted(
        path
        for path in config.spans_dir.glob("*.jsonl")
        if path.stat().st_mtime_ns >= result.started_ns - _MTIME_SLACK_NS
    )


def ingest_and_analyze(
    store: analyzer.Store, config: DemoConfig, result: PipelineResult
) -> tuple[analyzer.IngestResult, Any]:
    """Ingest the demo's span files into ``store`` and analyze this demo's runs:
    ``(ingest result, analyzer.Analysis)``. The analysis holds everything the
    report draws, so it outlives the store."""
    files: list[str | os.PathLike[str]] = list(demo_span_files(config, result))
    ingested = store.ingest(files)
    analysis = store.analyze(since=result.started_ns, service=config.service_name)
    return ingested, analysis


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100.0 * value:.1f}%"


def summary_table(analysis: Any) -> Table:
    """A compact table: reliability, the coordination gap, stages, failures."""
    runs = analysis.runs
    failed = int(runs["failed"].sum()) if runs.height else 0
    table = Table(title="coordination gap", title_justify="left", show_header=False)
    table.add_column("figure", style="bold")
    table.add_column("value", justify="right")
    table.add_row("runs", f"{runs.height:,} ({failed:,} failed)")
    table.add_row("end-to-end reliability", _pct(analysis.end_to_end_reliability))
    table.add_row("predicted (product of stages)", _pct(analysis.predicted_reliability))
    stages = {row["stage"]: row for row in analysis.stages.iter_rows(named=True)}
    known = [row for row in stages.values() if row["reliability"] is not None]
    if known:
        best = max(known, key=lambda row: row["reliability"])
        table.add_row(f"best stage ({best['stage']})", _pct(best["reliability"]))
    gap = analysis.coordination_gap
    table.add_row("coordination gap", "-" if gap is None else f"{100.0 * gap:.1f} pts")
    by_category = {
        row["category"]: row["n"]
        for row in (
            analysis.failures.group_by("category").len(name="n").iter_rows(named=True)
            if analysis.failures.height
            else []
        )
    }
    for stage in (*semconv.STAGES, semconv.CATEGORY_UNKNOWN):
        row = stages.get(stage)
        count = by_category.get(stage, 0)
        if row is None and not count:
            continue
        reliability = _pct(row["reliability"]) if row is not None else "-"
        table.add_row(f"  {stage}", f"{count:,} failures · reliability {reliability}")
    return table
