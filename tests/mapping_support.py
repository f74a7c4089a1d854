"""Normalization test helpers: staging rows as any reader produces them, run through
the same SQL every format uses (tests/test_ingest_mapping.py and its neighbours)."""

from __future__ import annotations

from typing import Any

import analyzer
from analyzer import ingest_sql
from analyzer.formats.common import Row, attr_text, rows_to_table
from analyzer.ingest import link_spans

TRACE = "ab" * 16
NORMALIZED = (
    "operation, stage, agent, actor, is_error, error_type, handoff_source, handoff_target, "
    "violations, verdict, attempt, outcome, outcome_reason, outcome_trace_id, plan_assignees, "
    "plan_defects"
)


def span(
    n: int,
    name: str,
    attrs: dict[str, Any] | None = None,
    *,
    parent: int | None = None,
    status: str = "UNSET",
    events: list[dict[str, Any]] | None = None,
) -> Row:
    """A staging row as any reader would produce it."""
    return Row(
        trace_id=TRACE,
        span_id=f"{n:016x}",
        parent_span_id=f"{parent:016x}" if parent else None,
        name=name,
        kind="INTERNAL",
        service="svc",
        start_ns=n * 1000,
        end_ns=n * 1000 + 500,
        status=status,
        status_message=None,
        attributes={k: attr_text(v) for k, v in (attrs or {}).items()},
        events=events or [],
    )


def normalize(store: analyzer.Store, rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Insert rows, link them, and return the normalized columns by span name."""
    ingest_sql.insert_arrow(store.con, rows_to_table(rows, "test"))
    link_spans(store.con)
    cur = store.con.execute(f"SELECT name, {NORMALIZED} FROM spans")
    names = [d[0] for d in cur.description]
    return {r[0]: dict(zip(names[1:], r[1:], strict=True)) for r in cur.fetchall()}
