"""Suspects: a ranked list of agents and steps that may have made each failed run's
mistake, with evidence, and a calibrated confidence.

:func:`rank` runs the :data:`features.FEATURES` over the turns of the failed runs
(:func:`turns.load`) and sums weight x score per agent and step; an agent's score
is its best step's (an agent with many turns gains no suspicion by talking often), its step
that one (earliest on ties); the result's provenance is one mass of credit, so that
feature hands an agent the sum over its steps, on its best one.
:func:`apply` adds ``confidence``, ``suspect`` and ``suspects`` to the failures
frame. How the rules and the ranking combine:

- a rule or detector that named an agent by an explicit record or a content
  signal keeps it (it is also the strongest feature, so it tops the ranking);
- when the rules named no agent, only a verifier (a verification gap or false
  accept names where the failure got through, not who made it), or a step by its
  position (``features.POSITIONAL_DETECTORS``), the top suspect
  becomes ``agent``/``span_id`` and ``suspect`` is true; category, rule and
  reason stay the rules'.

Polars over the failed runs only; never raises for a run without content (the
structure alone ranks it, at low confidence).
"""

from __future__ import annotations

import re
from typing import Final

import duckdb
import polars as pl

from analyzer import queries
from analyzer.suspects import calibration, delegation, features, handoffs, turns, wording

__all__ = [
    "TOP",
    "apply",
    "rank",
    "read_turns",
    "redact",
    "role_free",
    "suspects_frame",
    "to_callers",
    "without_keys",
]

TOP: Final = 3
"""Suspects kept per run."""

_SUSPECT = pl.Struct(
    {
        "agent": pl.String,
        "span_id": pl.String,
        "turn": pl.Int32,
        "score": pl.Float64,
        "evidence": pl.List(pl.String),
    }
)


def suspects_frame(con: duckdb.DuckDBPyConnection, failures: pl.DataFrame) -> pl.DataFrame:
    """``failures`` with the suspects of every failed run ranked (the ``cg_*``
    tables of an analysis must exist); see :func:`apply`."""
    edges, read = read_turns(con)
    turn_rows = without_keys(read)
    named = to_callers(con.sql(queries.sql("suspect_attributions")).pl(), turn_rows, edges=edges)
    ctx = features.Context(turn_rows, named, edges)
    ranked = rank(ctx)
    names = turn_rows.select("trace_id", "span_id", "name").unique(["trace_id", "span_id"])
    failures = to_callers(failures, turn_rows, at_caller=False)
    return apply(failures, ranked, names, features.rule_named_reporters(ctx))


def read_turns(
    con: duckdb.DuckDBPyConnection, *, read_all: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The failed runs' handoff edges and turns as the ranking reads them: with what each
    was handed and, for an agent called by another, its reply (the ``cg_*`` tables of an
    analysis must exist; ``read_all``: the text of the runs an explicit record settled
    too, see :func:`analyzer.suspects.turns.load`)."""
    edges = handoffs.load(con)
    loaded = turns.load(con, read_all=read_all)
    handed = delegation.called(delegation.handed_input(loaded, edges), edges)
    return edges, delegation.replies(handed, edges)


def to_callers(
    frame: pl.DataFrame,
    turn_rows: pl.DataFrame,
    *,
    at_caller: bool = True,
    edges: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``frame`` (trace_id, agent, span_id, ...) with a tool's step named by the agent
    that called it: a tool runs what it is asked, the agent chose the call and what
    to do with its answer; and a handoff's by the step that handed over (``edges``:
    :func:`handoffs.load`), whose brief it carried. ``at_caller``: the step moves to
    the calling agent's span too; without it (a failure's root cause) the span stays
    the tool's, where the error originated."""
    calls = (
        turn_rows.filter(
            pl.col("is_tool")
            & pl.col("agent").is_not_null()
            & pl.col("owner_span_id").is_not_null()
        )
        .select("trace_id", "span_id", c_agent=pl.col("agent"), c_span=pl.col("owner_span_id"))
        .unique(["trace_id", "span_id"])
    )
    if edges is not None and edges.height:
        handed = edges.filter(pl.col("src_span").is_not_null()).select(
            "trace_id", "span_id", c_agent=pl.col("source"), c_span=pl.col("src_span")
        )
        calls = pl.concat([calls, handed]).unique(["trace_id", "span_id"], keep="first")
    out = frame.join(calls, on=["trace_id", "span_id"], how="left")
    if not at_caller:
        return out.with_columns(agent=pl.coalesce("c_agent", "agent")).select(frame.columns)
    if "span_name" in frame.columns:
        names = turn_rows.select("trace_id", c_span="span_id", c_name="name").unique(
            ["trace_id", "c_span"]
        )
        out = out.join(names, on=["trace_id", "c_span"], how="left").with_columns(
            span_name=pl.when(pl.col("c_span").is_not_null())
            .then(pl.col("c_name"))
            .otherwise(pl.col("span_name"))
        )
    return out.with_columns(
        agent=pl.coalesce("c_agent", "agent"), span_id=pl.coalesce("c_span", "span_id")
    ).select(frame.columns)


def rank(ctx: features.Context) -> pl.DataFrame:
    """Weighted feature sums per agent and step, top :data:`TOP` agents per run, and
    the raw margin (top score minus the runner-up's)."""
    parts = []
    for feature, weight in features.FEATURES:
        rows = feature(ctx)
        if rows.height:
            parts.append(
                rows.select(features.COLUMNS).with_columns(
                    pl.col("turn").cast(pl.Int32),
                    w=pl.col("score") * weight,
                    feature=pl.lit(feature.__name__),
                )
            )
    if not parts:
        return pl.DataFrame(
            schema={"trace_id": pl.String, "raw": pl.Float64, "suspects": pl.List(_SUSPECT)}
        )
    scored = pl.concat(parts).filter(
        pl.col("agent").is_not_null() & pl.col("span_id").is_not_null()
    )
    steps = scored.group_by("trace_id", "agent", "span_id").agg(
        w=pl.col("w").sum(),
        turn=pl.col("turn").min(),
        evidence=pl.col("evidence").sort_by("w", descending=True),
    )
    agents = (
        steps.with_columns(who=role_free(pl.col("agent")))
        .sort(["w", "turn"], descending=[True, False], nulls_last=True)
        .group_by("trace_id", "who", maintain_order=True)
        .agg(
            agent=pl.col("agent").first(),
            score=pl.col("w").max(),
            span_id=pl.col("span_id").first(),
            turn=pl.col("turn").first(),
            evidence=pl.col("evidence").list.explode(keep_nulls=False, empty_as_null=False).head(4),
        )
        .sort(["trace_id", "score", "turn"], descending=[False, True, False], nulls_last=True)
    )
    return (
        agents.group_by("trace_id", maintain_order=True)
        .agg(
            scores=pl.col("score"),
            suspects=pl.struct(
                "agent", "span_id", "turn", pl.col("score").round(3), "evidence"
            ).head(TOP),
        )
        .with_columns(
            raw=pl.col("scores").list.get(0)
            - pl.col("scores").list.get(1, null_on_oob=True).fill_null(0.0)
        )
        .select("trace_id", "raw", "suspects")
    )


_QUOTED = re.compile(r'"[^"]*"')
_JSON_KEY: Final = r'"[^"\\]{1,60}"\s*:'
"""A JSON object's key in a message (``"total_eur":``): the shape of the data, not
a value a result rests on."""


def without_keys(turn_rows: pl.DataFrame) -> pl.DataFrame:
    """The turns with their atoms that appear only as JSON object keys dropped: a
    message that restates a record (``{"total_eur": 1430.95}``) introduces its
    values, not its field names."""
    keys = (
        pl.col("output")
        .fill_null("")
        .str.extract_all(_JSON_KEY)
        .list.eval(pl.element().str.extract(r'^"(.*)"', 1).str.to_lowercase())
    )
    # a turn without a key loses nothing whatever its atoms: read no text twice for it
    text = pl.col("output").fill_null("")
    values = (
        pl.when(text.str.contains(_JSON_KEY))
        .then(text.str.replace_all(_JSON_KEY, " "))
        .otherwise(pl.lit(""))
    )
    return turn_rows.with_columns(
        atoms=pl.col("atoms").list.set_difference(keys.list.set_difference(turns.atoms(values)))
    )


def redact(evidence: str) -> str:
    """An evidence line without the message text it quotes (``--no-content``):
    every double-quoted part becomes ``"…"``; span ids and agent names stay."""
    return _QUOTED.sub('"…"', evidence)


def role_free(name: pl.Expr) -> pl.Expr:
    """An agent's name without trailing parenthesised qualifiers (``Orchestrator
    (thought)`` and ``Orchestrator (-> WebSurfer)`` are one agent), case-folded."""
    return name.str.replace(r"(?:\s*\([^()]*\))+\s*$", "").str.strip_chars().str.to_lowercase()


def apply(
    failures: pl.DataFrame,
    ranked: pl.DataFrame,
    names: pl.DataFrame,
    reporters: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``failures`` with ``confidence`` (0-1), ``suspect`` (the agent and step are
    the top suspect's, not a rule's) and ``suspects``. ``names``: trace_id,
    span_id, name (the span names of the suspects' steps); ``reporters``: trace_id of
    the runs whose rule-named step only reported the trouble (the top suspect names
    the agent there too)."""
    top = ranked.with_columns(
        s_agent=pl.col("suspects").list.first().struct.field("agent"),
        s_span=pl.col("suspects").list.first().struct.field("span_id"),
    )
    joined = failures.join(top, on="trace_id", how="left")
    if reporters is not None and reporters.height:
        joined = joined.join(reporters.with_columns(rep=pl.lit(True)), on="trace_id", how="left")
    else:
        joined = joined.with_columns(rep=pl.lit(False))
    positional = (
        pl.col("detector").is_in(list(features.POSITIONAL_DETECTORS)).fill_null(False)
        if "detector" in joined.columns
        else pl.lit(False)
    )
    take = pl.col("s_agent").is_not_null() & (
        pl.col("agent").is_null()
        | pl.col("rule").is_in(list(features.WEAK_RULES))
        | pl.col("rep").fill_null(False)
        | positional
    )
    out = joined.with_columns(
        # the ranking named someone else than the rule did (or the rule no one)
        renamed=take
        & (
            pl.col("agent").is_null() | (role_free(pl.col("agent")) != role_free(pl.col("s_agent")))
        ),
        suspect=take,
        agent=pl.when(take).then(pl.col("s_agent")).otherwise(pl.col("agent")),
        span_id=pl.when(take).then(pl.col("s_span")).otherwise(pl.col("span_id")),
    ).join(names.rename({"name": "s_name"}), on=["trace_id", "span_id"], how="left")
    agrees = pl.col("agent").is_not_null() & (
        role_free(pl.col("agent")) == role_free(pl.col("s_agent"))
    )
    return (
        out.with_columns(
            span_name=pl.when(pl.col("suspect"))
            .then(pl.col("s_name"))
            .otherwise(pl.col("span_name")),
            confidence=pl.when(agrees)
            .then(pl.col("raw").map_elements(calibration.confidence, return_dtype=pl.Float64))
            .otherwise(pl.lit(0.0)),
            suspects=pl.col("suspects").fill_null(pl.lit([], dtype=pl.List(_SUSPECT))),
        )
        .with_columns(
            # the rule's reason named no agent or another one; the ranking named one
            reason=pl.when(pl.col("renamed"))
            .then(
                wording.suspect_reason(
                    pl.col("reason"), pl.col("agent"), pl.col("span_id"), pl.col("confidence")
                )
            )
            .otherwise(pl.col("reason"))
        )
        .select(*failures.columns, "confidence", "suspect", "suspects")
    )
