"""Provenance along handoffs: follow a failed run's result back through the chain of
handoffs that carried it to the step that introduced it.

:func:`load` reads the explicit handoff edges of the failed runs (source and target
agent, the steps they join, the payload's fingerprint and, when captured, its
text). :func:`handoff_chain` starts at the step whose work was handed on last and
walks back along the edges into it; at every step the credit splits between the
step and the sources that handed it its input:

- a code or tool actor is never the author: it passes all of its credit back;
- a step that hands on a payload with the same fingerprint as one it received
  passed it on unchanged: all of its credit goes to that payload's source;
- with payload text, a step keeps the share of its outgoing payload's values found
  in none of its incoming payloads and passes each source the share found in
  that source's payload (a value received through a handoff was introduced by the
  source side, not the receiver);
- with neither, it keeps all of it: nothing shows that it passed anything on.

After :data:`HOPS` hops the credit stays where it is. Only the steps the walk
reached through at least one handoff score: the start step's own share is
position, not provenance (``last_step`` has that). Structure only: no wording of
any framework is read; payload values are the atoms of
:func:`analyzer.suspects.turns.atoms`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Final

import duckdb
import polars as pl

from analyzer import content, queries
from analyzer.suspects.base import COLUMNS, Context, empty
from analyzer.suspects.messages import readable_column
from analyzer.suspects.provenance import CODE_KEEP
from analyzer.suspects.turns import atoms, tool_calls
from analyzer.suspects.wording import line, percent
from tracer import semconv

__all__ = [
    "HOPS",
    "SCHEMA",
    "empty_handoffs",
    "handoff_chain",
    "load",
    "passed_edges",
    "walk",
]

HOPS: Final = 8
_PASSIVE: Final = frozenset({semconv.Actor.CODE.value, semconv.Actor.TOOL.value})

SCHEMA: Final = {
    "trace_id": pl.String,
    "span_id": pl.String,
    "source": pl.String,
    "target": pl.String,
    "start_ns": pl.Int64,
    "hash": pl.String,
    "src_span": pl.String,
    "dst_span": pl.String,
    "payload": pl.String,
    "reply": pl.String,
}


def empty_handoffs() -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMA)


def load(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The handoff edges of the failed runs (the ``cg_*`` tables must exist), with
    their payload text where content was captured."""
    rel = queries.run(con, "suspect_handoffs", k_hash=semconv.HANDOFF_PAYLOAD_HASH)
    if rel is None:
        return empty_handoffs()
    edges = rel.pl()
    payloads = (
        queries.run(con, "suspect_handoff_payloads") if content.has_content_table(con) else None
    )
    if payloads is None:
        return edges.with_columns(
            payload=pl.lit(None, dtype=pl.String), reply=pl.lit(None, dtype=pl.String)
        ).cast(SCHEMA)
    return (
        edges.join(payloads.pl(), on=["trace_id", "span_id"], how="left")
        .with_columns(readable_column("payload"), readable_column("reply"))
        .sort("trace_id", "start_ns", "span_id")
        .select(list(SCHEMA))
        .cast(SCHEMA)
    )


@dataclass(frozen=True)
class _Edge:
    src: str
    dst: str
    hash: str | None
    values: frozenset[str] | None


def walk(
    edges: list[_Edge],
    start: str,
    passive: set[str],
    called: dict[str, frozenset[str]] | None = None,
) -> dict[str, tuple[float, int]]:
    """Credit per step (span id -> (credit, hops back)) for one run, from mass 1 on
    ``start``; ``passive``: the steps of code or tool actors; ``called``: step ->
    the values its own tool or program calls were given."""
    called = called or {}
    into: dict[str, list[_Edge]] = defaultdict(list)
    out_of: dict[str, _Edge] = {}
    for e in edges:
        into[e.dst].append(e)
        out_of[e.src] = e  # edges come in start order: the step's last handoff out
    kept: dict[str, float] = defaultdict(float)
    hops: dict[str, int] = {}
    mass: dict[str, float] = {start: 1.0}
    hops[start] = 0
    # a step's shares depend on its edges only: worked out once, however often reached
    known: dict[str, dict[str, float]] = {}
    for hop in range(HOPS):
        nxt: dict[str, float] = defaultdict(float)
        for step, m in mass.items():
            shares = known.get(step)
            if shares is None:
                shares = known[step] = _shares(
                    step, into.get(step, []), out_of.get(step), step in passive, called.get(step)
                )
            keep = 1.0 - sum(shares.values())
            kept[step] += m * keep
            for src, share in shares.items():
                nxt[src] += m * share
                hops.setdefault(src, hop + 1)
        mass = {k: v for k, v in nxt.items() if v > 1e-9}
        if not mass:
            break
    for step, m in mass.items():
        kept[step] += m
    return {k: (v, hops[k]) for k, v in kept.items() if v > 1e-9}


def _shares(
    step: str,
    into: list[_Edge],
    out: _Edge | None,
    passive: bool,
    called: frozenset[str] | None = None,
) -> dict[str, float]:
    """Where a step's credit goes: source step -> share (the rest it keeps). A value
    no source handed it but that its own call computed from handed values is the
    call's work: the step keeps :data:`CODE_KEEP` of it (it wrote the computation)
    and the sources whose values the call used get the rest, as in
    :func:`analyzer.suspects.provenance.credit`."""
    sources = [e for e in into if e.src != step]
    if not sources:
        return {}
    if passive:
        return _even(sources, 1.0)
    if out is not None and out.hash is not None:
        same = [e for e in sources if e.hash == out.hash]
        if same:
            return _even(same, 1.0)
    if out is not None and out.values:
        shares: dict[str, float] = defaultdict(float)
        inputs = _inputs_used(sources, called)
        for value in out.values:
            holders = {e.src for e in sources if e.values and value in e.values}
            for src in holders:
                shares[src] += 1.0 / len(out.values) / len(holders)
            if not holders and inputs:
                used = sum(inputs.values())
                for src, n in inputs.items():
                    shares[src] += (1.0 - CODE_KEEP) / len(out.values) * n / used
        return dict(shares)
    return {}


def _inputs_used(sources: list[_Edge], called: frozenset[str] | None) -> dict[str, int]:
    """Source step -> how many of its handed values the step's own calls were given."""
    if not called:
        return {}
    used: dict[str, int] = defaultdict(int)
    for e in sources:
        for value in e.values or ():
            if value in called:
                used[e.src] += 1
    return dict(used)


def _even(sources: list[_Edge], total: float) -> dict[str, float]:
    names = {e.src for e in sources}
    return {s: total / len(names) for s in names}


def _task_values(t: pl.DataFrame) -> dict[str, set[str]]:
    first = (
        t.filter(pl.col("input").is_not_null())
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
        .select("trace_id", v=atoms(pl.col("input")))
    )
    return {r["trace_id"]: set(r["v"] or ()) for r in first.iter_rows(named=True)}


def _steps(t: pl.DataFrame) -> pl.DataFrame:
    return t.filter(pl.col("span_id") == pl.col("owner_span_id")).select(
        "trace_id", "span_id", "agent", "turn", "actor"
    )


def _called(t: pl.DataFrame) -> dict[str, dict[str, frozenset[str]]]:
    """trace_id -> step span -> the values its tool calls were given (their input)."""
    calls = (
        tool_calls(t)
        .group_by("trace_id", "owner_span_id")
        .agg(v=pl.col("atoms").list.explode(keep_nulls=False, empty_as_null=False))
    )
    out: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for trace_id, step, values in calls.iter_rows():
        out[str(trace_id)][str(step)] = frozenset(values or ())
    return out


def passed_edges(ctx: Context) -> pl.DataFrame:
    """(trace_id, turn, src, share): each step of a code or tool actor that received
    its input through handoffs passes its credit to their sources' steps, evenly."""
    schema = {"trace_id": pl.String, "turn": pl.Int32, "src": pl.Int32, "share": pl.Float64}
    if ctx.handoffs is None or ctx.handoffs.height == 0:
        return pl.DataFrame(schema=schema)
    steps = _steps(ctx.turns)
    passive = steps.filter(pl.col("actor").is_in(list(_PASSIVE))).select(
        "trace_id", dst_span=pl.col("span_id"), turn=pl.col("turn")
    )
    src = steps.select("trace_id", src_span=pl.col("span_id"), src=pl.col("turn"))
    edges = (
        ctx.handoffs.select("trace_id", "src_span", "dst_span")
        .join(passive, on=["trace_id", "dst_span"])
        .join(src, on=["trace_id", "src_span"])
        .filter(pl.col("src") < pl.col("turn"))
        .select("trace_id", "turn", "src")
        .unique()
    )
    return edges.with_columns(
        share=1.0 / pl.len().over("trace_id", "turn"),
    ).select(
        pl.col("trace_id"), pl.col("turn").cast(pl.Int32), pl.col("src").cast(pl.Int32), "share"
    )


def handoff_chain(ctx: Context) -> pl.DataFrame:
    """Each step's share of the credit for the run's last handed-on work, walked back
    along the handoff edges (see the module's rules); runs without explicit
    handoffs score nothing here."""
    if ctx.handoffs is None:
        return empty()
    h = ctx.handoffs.filter(pl.col("src_span").is_not_null() & pl.col("dst_span").is_not_null())
    if h.height == 0:
        return empty()
    t = ctx.turns
    h = h.with_columns(values=atoms(pl.col("payload").fill_null(""))).with_columns(
        values=pl.when(pl.col("payload").is_null()).then(None).otherwise(pl.col("values"))
    )
    task = _task_values(t)
    steps = _steps(t)
    passive: dict[str, set[str]] = defaultdict(set)
    for tid, span in (
        steps.filter(pl.col("actor").is_in(list(_PASSIVE)))
        .select("trace_id", "span_id")
        .iter_rows()
    ):
        passive[tid].add(span)
    # one pass over the edges in start order, bucketed by run (a group_by with a
    # frame per run cost a gather per failed run)
    by_run: dict[str, list[_Edge]] = {}
    ordered = h.sort("start_ns", maintain_order=True).select(
        "trace_id", "src_span", "dst_span", "hash", "values"
    )
    for trace_id, src_span, dst_span, digest, values in ordered.iter_rows():
        lacks = task.get(str(trace_id), set())
        kept = None if values is None else frozenset(set(values) - lacks)
        by_run.setdefault(trace_id, []).append(_Edge(src_span, dst_span, digest, kept))
    called = _called(t)
    rows: list[dict[str, Any]] = []
    for trace_id, edges in by_run.items():
        start = edges[-1].src
        tid = str(trace_id)
        credit = walk(edges, start, passive.get(tid, set()), called.get(tid))
        for span, (w, back) in credit.items():
            rows.append({"trace_id": trace_id, "span_id": span, "score": w, "hops": back})
    if not rows:
        return empty()
    credited = pl.DataFrame(
        rows,
        schema={"trace_id": pl.String, "span_id": pl.String, "score": pl.Float64, "hops": pl.Int64},
    )
    return (
        credited.join(steps, on=["trace_id", "span_id"])
        # the start step's own share is position, not provenance (last_step has it)
        .filter(~pl.col("actor").fill_null("").is_in(list(_PASSIVE)) & (pl.col("hops") > 0))
        .with_columns(
            evidence=line(
                "`",
                pl.col("agent"),
                "` (",
                pl.col("span_id"),
                ") introduced what the last handed-on work carried, ",
                pl.col("hops"),
                " handoff(s) back (credit ",
                percent(pl.col("score")),
                ")",
            )
        )
        .select(COLUMNS)
    )
