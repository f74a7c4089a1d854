"""Delegation round trips: a step that hands work to another agent and gets the reply
back on a handoff of its own.

Some teams record a delegate's reply on the handoff back to the delegator (an edge
from the delegate's step with no receiving step, addressed to the delegator's
agent), not as the delegate's output, and the delegator's own span holds its final
answer though it started before every delegate. Read by start order, the delegator
then seems to say the answer first and the delegates nothing. :func:`replies`
reads such a run the way its messages went:

- a delegate step with no output of its own says what it handed back;
- a step with no input got the payloads handed to it (in these runs);
- the delegator's step says what it handed out (its instructions, at its start);
  its final answer is the run's result, so it becomes the run span's output when
  that has none.

Structure only (handoff edges, their payload text); no wording is read. Runs
without return edges are unchanged. :func:`handed_input` gives every step without
input of its own (in any run) the payloads handed to it.
"""

from __future__ import annotations

import polars as pl

from analyzer.suspects.turns import MARKS, annotate

__all__ = ["called", "handed_input", "replies"]

_SEP = "\n"


def _joined(frame: pl.DataFrame, key: str, name: str) -> pl.DataFrame:
    """Payload text per (trace_id, ``key``) span, in start order, as ``name``."""
    return (
        frame.filter(pl.col("payload").is_not_null())
        .sort("start_ns")
        .group_by("trace_id", key, maintain_order=True)
        .agg(pl.col("payload").str.join(_SEP).alias(name))
        .rename({key: "span_id"})
    )


def handed_input(turns: pl.DataFrame, handoffs: pl.DataFrame | None) -> pl.DataFrame:
    """``turns`` with each step that has no input of its own given the payloads a
    teammate's step handed to it (a handoff's payload is what its receiving step
    got). A handoff from outside the team (no source step: the task arriving) is
    left out: the task is the run's, every step sees it, and a brief that does not
    restate it drops nothing."""
    if handoffs is None or handoffs.height == 0:
        return turns
    into = handoffs.filter(
        pl.col("src_span").is_not_null()
        & pl.col("dst_span").is_not_null()
        & pl.col("payload").is_not_null()
    )
    if into.height == 0:
        return turns
    got = _joined(into, "dst_span", "got")
    return (
        turns.join(got, on=["trace_id", "span_id"], how="left", maintain_order="left")
        .with_columns(input=pl.coalesce("input", "got"))
        .drop("got")
    )


def called(turns: pl.DataFrame, handoffs: pl.DataFrame | None) -> pl.DataFrame:
    """``turns`` with the agents called as tools read as messages. Such a call is a
    handoff that carries both ways: what the caller handed (the call's input) and
    what the called agent answered (its output, the handoff's ``reply``). A called
    step with no output of its own says its reply; a calling step with no output
    of its own says what it handed out. Steps with output are unchanged."""
    if handoffs is None or handoffs.height == 0:
        return turns
    calls = handoffs.filter(
        pl.col("src_span").is_not_null()
        & pl.col("dst_span").is_not_null()
        & pl.col("reply").is_not_null()
    )
    if calls.height == 0:
        return turns
    said = _joined(calls.with_columns(payload=pl.col("reply")), "dst_span", "reply")
    handed = _joined(calls, "src_span", "handed")
    # only the runs where a step with no output now says something (a reply or a
    # handed text is never null) are read again, and in them only those steps' own
    # marks: the annotation is per run and reads no input
    keys = pl.concat([said.select("trace_id", "span_id"), handed.select("trace_id", "span_id")])
    runs = (
        turns.filter(pl.col("output").is_null())
        .join(keys, on=["trace_id", "span_id"], how="semi")
        .select("trace_id")
        .unique()
    )
    if runs.height == 0:
        return turns.sort("trace_id", "turn")
    rest = turns.join(runs, on="trace_id", how="anti")
    frame = (
        turns.join(runs, on="trace_id", how="semi")
        .select(*_BASE, *MARKS)
        .join(said, on=["trace_id", "span_id"], how="left")
        .join(handed, on=["trace_id", "span_id"], how="left")
        .with_columns(
            changed=pl.col("output").is_null() & pl.coalesce("reply", "handed").is_not_null(),
            output=pl.coalesce("output", "reply", "handed"),
        )
        .select(*_BASE, *MARKS, "changed")
    )
    read = annotate(frame, fresh="changed").select(turns.columns)
    return pl.concat([rest, read], how="vertical_relaxed").sort("trace_id", "turn")


def replies(turns: pl.DataFrame, handoffs: pl.DataFrame | None) -> pl.DataFrame:
    """``turns`` (:func:`analyzer.suspects.turns.load` rows) with the delegation round
    trips of ``handoffs`` read as messages (see the module); unchanged when no
    handoff returns to its delegator."""
    if handoffs is None or handoffs.height == 0:
        return turns
    h = handoffs.filter(pl.col("src_span").is_not_null())
    back = h.filter(pl.col("dst_span").is_null() & pl.col("payload").is_not_null())
    if back.height == 0:
        return turns
    out_edges = h.filter(pl.col("dst_span").is_not_null())
    # the delegator of a reply: the step that handed work to the replying step, of
    # the agent the reply is addressed to
    delegators = (
        back.select("trace_id", dst_span=pl.col("src_span"), agent=pl.col("target"))
        .join(
            out_edges.select("trace_id", "dst_span", d_span=pl.col("src_span"), agent="source"),
            on=["trace_id", "dst_span", "agent"],
        )
        .select("trace_id", span_id=pl.col("d_span"))
        .unique()
    )
    if delegators.height == 0:
        return turns
    said = _joined(back, "src_span", "reply")
    handed = _joined(out_edges, "src_span", "handed").join(delegators, on=["trace_id", "span_id"])
    answers = (
        turns.join(delegators, on=["trace_id", "span_id"])
        .filter(pl.col("output").is_not_null())
        .group_by("trace_id")
        .agg(answer=pl.col("output").sort_by("turn").last())
    )
    is_delegator = pl.col("handed").is_not_null()
    # only the runs with round trips are read again
    runs = delegators.select("trace_id").unique()
    rest = turns.join(runs, on="trace_id", how="anti")
    frame = (
        turns.join(runs, on="trace_id", how="semi")
        .select(_BASE)
        .join(said, on=["trace_id", "span_id"], how="left")
        .join(handed, on=["trace_id", "span_id"], how="left")
        .join(answers, on="trace_id", how="left")
        .with_columns(
            output=pl.when(is_delegator)
            .then(pl.col("handed"))
            .when(pl.col("is_run") & pl.col("output").is_null())
            .then(pl.col("answer"))
            .otherwise(pl.coalesce("output", "reply")),
        )
        .select(_BASE)
        .sort("trace_id", "turn")
    )
    read = annotate(frame).select(turns.columns)
    return pl.concat([rest, read], how="vertical_relaxed").sort("trace_id", "turn")


_BASE = (
    "trace_id", "span_id", "name", "operation", "actor", "agent", "owner_span_id",
    "is_run", "is_tool", "is_call", "output", "input", "turn",
)  # fmt: skip
