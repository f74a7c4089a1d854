"""Provenance of a failed result: which earlier steps the delivered values rest on.

Every step's output holds atoms (:func:`analyzer.suspects.turns.atoms`). An atom's
origin is the earliest step whose output has it. Credit starts at the delivered
result (mass 1 spread over its new atoms' origins) and flows backwards: a step keeps
the share of its own new atoms that it introduced and passes the rest to the steps
those atoms came from; a program's or executor's output passes all of its credit
to the step that wrote the code (which keeps what its code introduced, e.g. a
constant, but not a power of ten, :data:`SCALE`, and at least :data:`CODE_KEEP` for
the computation, and passes on the inputs it used). After :data:`HOPS` hops the credit
stays where it is. A wrong value introduced early and carried through code and
hand-offs to the result thus lands on the step that introduced it. A word code quotes
(``'accepted'``) that an earlier agent's message said in plain words ("the accepted
dockets") was introduced by that message.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from analyzer.suspects import ranges
from analyzer.suspects.turns import CODE, tool_calls

__all__ = [
    "CODE_KEEP",
    "HOPS",
    "KEY_SHARE",
    "SCALE",
    "call_atoms",
    "code_runs",
    "credit",
    "in_task",
    "novel_atoms",
]

HOPS: Final = 6
IDENTIFIER: Final = r"^[a-z][a-z0-9]*_[a-z0-9_]*$|^[a-z]+[A-Z][A-Za-z0-9]*$"
"""A code name (snake or camel case)."""
SCALE: Final = r"^(?:100+|0?\.0*1)$"
"""A power of ten (100, 1000, 0.01): in code a unit or percentage scale, no value."""
_NOT_IN_CODE: Final = f"{IDENTIFIER}|{SCALE}"
"""What in code is no value a result rests on: the code's own names and its scales."""
KEY_SHARE: Final = 0.5
"""The share of its own credit a step passes to whoever introduced its lookup's key."""
KEY_ATOMS: Final = 3
"""A step's tool calls with at most this many values in their input are lookups."""
CODE_KEEP: Final = 0.25
"""The least share of its credit a step that wrote code keeps (it computed the result);
the rest goes to the steps that introduced the values its code used. A program that
combines what others found is more often right in its arithmetic than in its inputs:
chosen on the development sets (tests/corpus, held-out and opened blind families; see
benchmarks/README.md), where 0.15 to 0.25 scored alike and 0.5, the old value, lower."""


def novel_atoms(t: pl.DataFrame, task: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, atom) for every atom of a non-run step's output that the task
    lacks (not one of its atoms, and, four characters or longer, not in its text).
    A tool call's input (its arguments, the code it ran) counts as its calling
    step's; names a step's own code defines (identifiers in a code turn) do not. A
    period inside a range is whoever gave the range's (:mod:`analyzer.suspects.ranges`)."""
    said = (
        t.filter(~pl.col("is_run") & pl.col("output").is_not_null())
        .select("trace_id", "turn", "atoms", "has_code")
        .explode("atoms")
        .rename({"atoms": "atom"})
        .filter(pl.col("atom").is_not_null())
        .filter(~(pl.col("has_code") & pl.col("atom").str.contains(_NOT_IN_CODE)))
        .select("trace_id", "turn", "atom")
    )
    return (
        pl.concat([said, call_atoms(t)])
        .join(task, on="trace_id", how="left")
        .filter(~in_task(pl.col("atom")))
        .select("trace_id", "turn", "atom")
        .unique()
        .pipe(ranges.spelled_out, task)
        .pipe(_said_in_words, t)
    )


WORDED: Final = r"^[^\d]{4,}$"
"""An atom without a digit (a quoted word or phrase, a name): a message can say it in
plain words, without quoting it."""


def _said_in_words(novel: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """``novel`` with each atom without a digit also had by the latest earlier message of
    another agent (not a tool's reply) whose text holds it, unquoted or not, before the
    step that first quotes it: code that filters on ``'accepted'`` after a brief that said
    "the accepted dockets" took the word from the brief, which introduced it. The text is
    searched as :func:`in_task` searches the task's (lower case, as a substring). The
    latest such message is the one the step acted on."""
    worded = novel.filter(pl.col("atom").str.contains(WORDED))
    if worded.height == 0:
        return novel
    first = worded.group_by("trace_id", "atom").agg(o_turn=pl.col("turn").min())
    said = t.filter(~pl.col("is_run") & ~pl.col("is_tool") & pl.col("output").is_not_null()).select(
        "trace_id", "turn", "agent", text=pl.col("output").str.to_lowercase()
    )
    at = first.join(
        said.select("trace_id", o_turn=pl.col("turn"), o_agent=pl.col("agent")),
        on=["trace_id", "o_turn"],
    )
    brief = (
        at.join(said, on="trace_id")
        .filter(
            (pl.col("turn") < pl.col("o_turn"))
            & (pl.col("agent") != pl.col("o_agent"))
            & pl.col("text").str.contains(pl.col("atom").str.to_lowercase(), literal=True)
        )
        .sort("turn")
        .group_by("trace_id", "atom", maintain_order=True)
        .last()
        .select("trace_id", pl.col("turn").cast(novel.schema["turn"]), "atom")
    )
    return pl.concat([novel, brief]).unique()


def call_atoms(t: pl.DataFrame, *, own_turn: bool = False) -> pl.DataFrame:
    """(trace_id, turn, atom): the atoms of every tool call's input (its arguments,
    the code it ran) at its calling step's turn (``own_turn``: at the call's own)."""
    calls = tool_calls(t)
    if not own_turn:
        calls = calls.drop("turn").join(
            t.select("trace_id", owner_span_id=pl.col("span_id"), turn=pl.col("turn")),
            on=["trace_id", "owner_span_id"],
        )
    return (
        calls.select("trace_id", "turn", atom=pl.col("atoms"))
        .explode("atom")
        .filter(pl.col("atom").is_not_null() & ~pl.col("atom").str.contains(_NOT_IN_CODE))
    )


def _ran_code() -> pl.Expr:
    """Whether a turn is a tool call a step made (``owner_span_id``) given a program to
    run (its input holds code)."""
    return (
        pl.col("is_tool")
        & pl.col("owner_span_id").is_not_null()
        & pl.col("input").fill_null("").str.contains(CODE)
    )


def code_runs(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, c_turn): every tool call that ran a program (its input holds
    code: a ``run_python`` given the code to run) with its calling step's turn. What
    the program printed is the work of the step that wrote it, as an executor's reply
    is its code author's."""
    calls = t.filter(_ran_code()).select("trace_id", "turn", "owner_span_id")
    return calls.join(
        t.select("trace_id", owner_span_id=pl.col("span_id"), c_turn=pl.col("turn")),
        on=["trace_id", "owner_span_id"],
    ).select("trace_id", "turn", "c_turn")


def in_task(atom: pl.Expr) -> pl.Expr:
    """Whether ``atom`` is one of the task's (needs the ``task_list`` and ``task_atoms``
    columns of the run's task)."""
    listed = pl.col("task_list").fill_null(pl.lit([], pl.List(pl.String))).list.contains(atom)
    inside = (atom.str.len_chars() >= 4) & pl.col("task_atoms").fill_null("").str.contains(
        atom, literal=True
    )
    return listed | inside


def _edges(
    t: pl.DataFrame, novel: pl.DataFrame, authors: pl.DataFrame, passed: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``keep``: (trace_id, turn, keep, own) the share of its credit a step keeps and
    its own atoms; ``edges``: (trace_id, turn, src, share) where the rest goes.
    ``passed``: (trace_id, turn, src, share) steps that pass all their credit to the
    steps that handed them their input (a code or tool actor is never the author)."""
    origin = novel.group_by("trace_id", "atom").agg(o_turn=pl.col("turn").min())
    rows = novel.join(origin, on=["trace_id", "atom"])
    per = rows.group_by("trace_id", "turn").agg(
        n=pl.len(),
        n_own=(pl.col("o_turn") == pl.col("turn")).sum(),
        own=pl.col("atom").filter(pl.col("o_turn") == pl.col("turn")).sort().head(3),
    )
    edges = (
        rows.filter(pl.col("o_turn") < pl.col("turn"))
        .group_by("trace_id", "turn", "o_turn")
        .agg(k=pl.len())
        .join(per.select("trace_id", "turn", "n"), on=["trace_id", "turn"])
        .select("trace_id", "turn", src=pl.col("o_turn"), share=pl.col("k") / pl.col("n"))
    )
    keep = per.select("trace_id", "turn", keep=pl.col("n_own") / pl.col("n"), own=pl.col("own"))
    # an executor's output is its code author's work: all credit moves there
    execs = t.filter((pl.col("is_exec") & ~pl.col("is_tool")) | _ran_code()).select(
        "trace_id", "turn"
    )
    authored = execs.join(authors, on=["trace_id", "turn"])
    # a code or tool actor with no code author in the messages: its handoff sources
    passed = passed.join(authored, on=["trace_id", "turn"], how="anti")
    passing = passed.select("trace_id", "turn").unique()
    exec_turns = pl.concat([execs.join(passing, on=["trace_id", "turn"], how="anti"), passing])
    moved = pl.concat(
        [
            authored.select("trace_id", "turn", src=pl.col("c_turn"), share=pl.lit(1.0)),
            passed.select("trace_id", "turn", "src", "share"),
        ]
    )
    keep = keep.join(exec_turns.with_columns(x=pl.lit(True)), on=["trace_id", "turn"], how="left")
    # the step that wrote the code computed the result: it keeps at least CODE_KEEP
    wrote = authors.select("trace_id", turn=pl.col("c_turn"), y=pl.lit(True)).unique()
    keep = (
        keep.join(wrote, on=["trace_id", "turn"], how="left")
        .with_columns(
            keep=pl.when(pl.col("x").fill_null(False))
            .then(0.0)
            .when(pl.col("y").fill_null(False))
            .then(pl.max_horizontal(pl.col("keep"), pl.lit(CODE_KEEP)))
            .otherwise(pl.col("keep"))
        )
        .drop("x", "y")
    )
    edges = pl.concat([edges.join(exec_turns, on=["trace_id", "turn"], how="anti"), moved])
    return _keyed(t, origin, keep, edges)


def _keyed(
    t: pl.DataFrame,
    origin: pl.DataFrame,
    keep: pl.DataFrame,
    edges: pl.DataFrame,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A step that looked something up with a key an earlier step introduced (a tool
    call's argument of at most :data:`KEY_ATOMS` values: a period, a file, an id; not
    a record handed on) passes :data:`KEY_SHARE` of what it keeps to the steps that
    introduced the key: what a lookup returns is the choice of whoever chose what to
    look up. A call recorded on a span of its own (a tool's turn) holds what it returned:
    its key is read at that turn too. A program given to a tool to run is no lookup.
    ``origin``: (trace_id, atom, o_turn) of every
    novel atom."""
    # a program given to a tool is no lookup: its values are the program's inputs
    asked = t.filter(~_ran_code())
    calls = pl.concat([call_atoms(asked), call_atoms(asked, own_turn=True)]).unique()
    lookups = calls.group_by("trace_id", "turn").agg(n=pl.len()).filter(pl.col("n") <= KEY_ATOMS)
    keys = (
        calls.join(lookups.select("trace_id", "turn"), on=["trace_id", "turn"])
        .join(origin, on=["trace_id", "atom"])  # the novel atoms' origins only
        .filter(pl.col("o_turn") < pl.col("turn"))
        .group_by("trace_id", "turn", "o_turn")
        .agg(k=pl.len())
        .with_columns(k=pl.col("k") / pl.col("k").sum().over("trace_id", "turn"))
    )
    if keys.height == 0:
        return keep, edges
    keyed = keys.join(keep.select("trace_id", "turn", "keep"), on=["trace_id", "turn"])
    moved = keyed.select(
        "trace_id", "turn", src=pl.col("o_turn"), share=pl.col("keep") * KEY_SHARE * pl.col("k")
    ).filter(pl.col("share") > 0)
    keep = (
        keep.join(
            keyed.select("trace_id", "turn", z=pl.lit(True)).unique(),
            on=["trace_id", "turn"],
            how="left",
        )
        .with_columns(
            keep=pl.when(pl.col("z").fill_null(False))
            .then(pl.col("keep") * (1 - KEY_SHARE))
            .otherwise(pl.col("keep"))
        )
        .drop("z")
    )
    return keep, pl.concat([edges, moved])


def credit(
    t: pl.DataFrame,
    start: pl.DataFrame,
    novel: pl.DataFrame,
    authors: pl.DataFrame,
    passed: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Credit per step: (trace_id, turn, w, hops, own). ``start``: (trace_id, turn, w)
    the delivered result's mass on its atoms' origin steps; ``authors``: (trace_id,
    turn, c_turn) the code author's step of each executor step; ``passed``:
    (trace_id, turn, src, share) the handoff sources a code or tool actor's step
    passes all its credit to (:func:`analyzer.suspects.handoffs.passed_edges`)."""
    if passed is None:
        passed = pl.DataFrame(
            schema={"trace_id": pl.String, "turn": pl.Int32, "src": pl.Int32, "share": pl.Float64}
        )
    keep, edges = _edges(t, novel, authors, passed)
    mass = start.with_columns(hops=pl.lit(0, pl.Int32))
    kept: list[pl.DataFrame] = []
    for _ in range(HOPS):
        if mass.height == 0:
            break
        m = mass.join(keep.select("trace_id", "turn", "keep"), on=["trace_id", "turn"], how="left")
        outgoing = edges.group_by("trace_id", "turn").agg(out=pl.col("share").sum())
        m = m.join(outgoing, on=["trace_id", "turn"], how="left").with_columns(
            # what no edge carries stays here
            stay=pl.when(pl.col("out").fill_null(0.0) > 0)
            .then(pl.col("keep").fill_null(0.0))
            .otherwise(1.0)
        )
        kept.append(m.select("trace_id", "turn", "hops", w=pl.col("w") * pl.col("stay")))
        mass = (
            m.filter(pl.col("stay") < 1.0)
            .join(edges, on=["trace_id", "turn"])
            .select(
                "trace_id",
                turn=pl.col("src"),
                w=pl.col("w") * (1 - pl.col("stay")) * pl.col("share") / pl.col("out"),
                hops=pl.col("hops") + 1,
            )
            .group_by("trace_id", "turn")
            .agg(w=pl.col("w").sum(), hops=pl.col("hops").min())
        )
    if mass.height:
        kept.append(mass.select("trace_id", "turn", "hops", "w"))
    if not kept:
        return pl.DataFrame(
            schema={
                "trace_id": pl.String,
                "turn": pl.Int32,
                "w": pl.Float64,
                "hops": pl.Int32,
                "own": pl.List(pl.String),
            }
        )
    return (
        pl.concat(kept, how="diagonal_relaxed")
        .group_by("trace_id", "turn")
        .agg(w=pl.col("w").sum(), hops=pl.col("hops").max())
        .filter(pl.col("w") > 1e-9)
        .join(keep.select("trace_id", "turn", "own"), on=["trace_id", "turn"], how="left")
    )
