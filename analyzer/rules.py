"""Failure attribution: the ordered rules that name each failed run's root cause.

Every rule is a plain function with one signature, ``rule(con) -> relation``:
it reads the prepared tables of :func:`analyzer.analysis.prepare` (above all
``cg_pending``, the failed runs no earlier rule explained) and returns at most
one row per run with the columns of :data:`COLUMNS`. :func:`attribute` runs
them in :data:`RULES` order; the first rule that matches a run names its
category, its root-cause span, a one-line reason and the evidence span ids.

The order follows causality (a defect early in the chain explains what breaks
after it) and evidence strength (a recorded defect or an error outranks
something that did not happen):

1. decomposition (recorded)  2. handoff  3. generation  4. assembly
5. decomposition (omission)  6. content signal  7. verification  8. unknown

Explicit records (1-5) win; a content signal (6: a detector read the run's
messages and names agent, step and quote) beats a verification gap or a false
accept, since the mistake it names came before the verdict. Rules may return
the optional columns ``detector``, ``quote`` and ``symptom_span_id`` too.

Each rule is one set-based query over all pending runs, never a per-run loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import duckdb

from analyzer import detectors, queries
from analyzer.detectors import builtin

__all__ = [
    "COLUMNS",
    "RULES",
    "Rule",
    "assembly",
    "attribute",
    "content_signal",
    "decomposition_omission",
    "decomposition_recorded",
    "generation",
    "handoff",
    "unknown",
    "verification",
]

Rule = Callable[[duckdb.DuckDBPyConnection], duckdb.DuckDBPyRelation]

COLUMNS = ("trace_id", "category", "rule", "span_id", "span_name", "agent", "reason", "evidence")
"""Columns every rule returns."""
OPTIONAL_COLUMNS = ("detector", "quote", "symptom_span_id")
"""Columns a rule may return too (content signals); NULL when it does not."""


def decomposition_recorded(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """1. The plan span errored, or recorded unassigned, duplicate or overlapping subtasks."""
    return _rule(con, "rule_decomposition_recorded")


def handoff(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """2. A handoff recorded a violation, or errored itself; receiver errors are evidence."""
    return _rule(con, "rule_handoff")


def generation(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """3. An agent or tool outside assembly raised (blame the deepest originating span),
    or a verifier rejected every attempt (blame the last rejected output's producer)."""
    return _rule(con, "rule_generation")


def assembly(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """4. A span of the assembly stage, or a span under one, raised."""
    return _rule(con, "rule_assembly")


def decomposition_omission(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """5. No error aborted the run, yet a planned assignee never ran nor got a handoff."""
    return _rule(con, "rule_decomposition_omission")


def content_signal(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """6. Run the detectors over the runs still pending; the earliest root-cause
    signal of a run names its stage, agent, step and quote."""
    detectors.run(con)
    return _rule(
        con,
        "rule_content_signal",
        quote_max=builtin.PATTERNS["quote_max"],
        fallback=list(builtin.FALLBACK),
    )


def verification(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """7. A verifier accepted a run that failed (false accept), or none ran (gap)."""
    return _rule(con, "rule_verification")


def unknown(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """8. Nothing explains the failure: say so, never guess."""
    return _rule(con, "rule_unknown")


def _rule(con: duckdb.DuckDBPyConnection, name: str, **values: Any) -> duckdb.DuckDBPyRelation:
    relation = queries.run(con, name, **values)
    assert relation is not None, f"{name} is a statement, not a query"
    return relation


RULES: tuple[Rule, ...] = (
    decomposition_recorded,
    handoff,
    generation,
    assembly,
    decomposition_omission,
    content_signal,
    verification,
    unknown,
)
"""The attribution rules, in the order they are tried."""


def attribute(con: duckdb.DuckDBPyConnection, rules: tuple[Rule, ...] = RULES) -> int:
    """Run ``rules`` in order over the pending failed runs; return how many got a cause.

    Each rule's rows go into ``cg_attr``; runs it explained leave ``cg_pending``
    before the next rule runs, so the first matching rule wins.
    """
    queries.run(con, "attributions")
    queries.run(con, "signals_table")
    for rule in rules:
        ((pending,),) = con.execute("SELECT count(*) FROM cg_pending").fetchall()
        if not pending:
            break
        rows = rule(con)
        extra = (c if c in rows.columns else f"NULL::VARCHAR AS {c}" for c in OPTIONAL_COLUMNS)
        rows.project(", ".join((*COLUMNS, *extra))).insert_into("cg_attr")
        queries.run(con, "settle")
    ((attributed,),) = con.execute("SELECT count(*) FROM cg_attr").fetchall()
    return int(attributed)
