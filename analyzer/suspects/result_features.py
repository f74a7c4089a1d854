"""Suspect features that follow the delivered result back: where its values came
from (:mod:`analyzer.suspects.provenance`), a result with no value at all, and task
values dropped on the way. Same signature as :mod:`analyzer.suspects.features`."""

from __future__ import annotations

from typing import Final

import polars as pl

from analyzer.suspects import derived, handoffs, provenance
from analyzer.suspects.base import PLAIN_DIGITS, Context, at_steps, empty, latest_code_before, quote
from analyzer.suspects.turns import atoms
from analyzer.suspects.wording import line, percent
from tracer import semconv

__all__ = [
    "answer_origin",
    "dropped_constraint",
    "task_atoms",
    "trouble_cause",
]

SIGN_OFF_CHARS: Final = 20
"""A message shorter than this is a sign-off ("TERMINATE", "Done."), not a result."""
FIRST_STEPS: Final = 3
"""How many first steps with input may have dropped a task value (its first receiver
is one of them; reading every step's input would cost a scan of all of it)."""
_OP_VERIFY: Final = semconv.Operation.VERIFY.value


def task_atoms(t: pl.DataFrame) -> pl.DataFrame:
    """The run's task: the run span's input, else the first turn's input; as
    ``task`` (text), ``task_atoms`` (normalised text) and ``task_list`` (its atoms)."""
    first = (
        t.filter(pl.col("input").is_not_null())
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
        .select("trace_id", task=pl.col("input"))
    )
    return first.with_columns(
        task_atoms=pl.col("task").str.to_lowercase().str.replace_all(r"(\d),(\d{3})", "$1$2"),
        task_list=atoms(pl.col("task")),
    )


def _verifier_ended(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id) of the runs whose last agent step is a verifier's: what the run
    delivered then is an acceptance of an earlier result, not the result."""
    ender = (
        t.filter(pl.col("substantive") & (pl.col("span_id") == pl.col("owner_span_id")))
        .select("trace_id", "turn", "operation")
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .last()
    )
    return ender.filter(pl.col("operation") == _OP_VERIFY).select("trace_id")


def _final(t: pl.DataFrame, task: pl.DataFrame, novel: pl.DataFrame) -> pl.DataFrame:
    """The delivered result's new atoms per run: (trace_id, atom). The run span's
    output when it holds a value some step said (when a verifier's acceptance ended
    the run, a value that acceptance first said does not count), else the last step
    of a non-executor, non-verifier agent that has a new atom."""
    accepted = _verifier_ended(t)
    verifiers = t.filter(pl.col("operation") == _OP_VERIFY).select("trace_id", "turn")
    # what a verifier's own acceptance first said is no part of the result it passed
    vouched = (
        novel.group_by("trace_id", "atom")
        .agg(turn=pl.col("turn").min())
        .join(verifiers, on=["trace_id", "turn"])
        .join(accepted, on="trace_id")
    )
    said = t.filter(pl.col("is_run") & pl.col("output").is_not_null())
    run_novel = (
        said.select("trace_id", atom=pl.col("atoms"))
        .explode("atom")
        .filter(pl.col("atom").is_not_null())
        .join(task, on="trace_id", how="left")
        .filter(~provenance.in_task(pl.col("atom")))
        .join(vouched, on=["trace_id", "atom"], how="anti")
        .select("trace_id", "atom")
    )
    # an acceptance that restates no earlier value: the last producer's values
    restated = run_novel.join(accepted, on="trace_id").join(
        novel.select("trace_id", "atom"), on=["trace_id", "atom"]
    )
    run_out = pl.concat(
        [
            said.join(accepted, on="trace_id", how="anti").select("trace_id"),
            restated.select("trace_id"),
        ]
    ).unique()
    producers = t.filter(pl.col("substantive") & (pl.col("operation") != _OP_VERIFY))
    last = novel.join(producers.select("trace_id", "turn"), on=["trace_id", "turn"]).join(
        run_out.select("trace_id"), on="trace_id", how="anti"
    )
    last_turn = last.group_by("trace_id").agg(final_turn=pl.col("turn").max())
    chosen = last.join(last_turn, on="trace_id").filter(pl.col("turn") == pl.col("final_turn"))
    kept = run_novel.join(run_out, on="trace_id")
    return pl.concat([kept, chosen.select("trace_id", "atom")]).unique()


def _authors(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, c_turn): the code author's step of each executor step, and the
    calling step of each tool call that ran a program."""
    ex = t.filter(pl.col("is_exec") & ~pl.col("is_tool")).select("trace_id", "turn")
    return pl.concat(
        [
            latest_code_before(t, ex).select("trace_id", "turn", "c_turn"),
            provenance.code_runs(t),
        ]
    )


def _passed(ctx: Context, novel: pl.DataFrame) -> pl.DataFrame:
    """The steps that pass all their credit on: a code or tool actor to the steps that
    handed it its input, a message that only computed earlier figures to who
    introduced them (:func:`provenance.credit`'s ``passed``)."""
    return pl.concat([handoffs.passed_edges(ctx), derived.derived_edges(ctx.turns, novel)])


def _atom_list(col: str) -> pl.Expr:
    return pl.col(col).list.eval(pl.lit('"') + pl.element() + pl.lit('"')).list.join(", ")


def answer_origin(ctx: Context) -> pl.DataFrame:
    """Provenance of the delivered result: its new values are traced to the steps
    that introduced them, through code (a program's output is its author's work,
    the author's inputs the work of who introduced them) and through the messages
    that carried them (:func:`provenance.credit`); a step scores its share of the
    credit."""
    t = ctx.turns
    task = task_atoms(t)
    novel = provenance.novel_atoms(t, task)
    final = _final(t, task, novel)
    if final.height == 0:
        return empty()
    origin = novel.group_by("trace_id", "atom").agg(turn=pl.col("turn").min())
    n_final = final.group_by("trace_id").agg(n=pl.len(), shown=pl.col("atom").sort().head(3))
    start = (
        final.join(origin, on=["trace_id", "atom"])
        .group_by("trace_id", "turn")
        .agg(k=pl.len())
        .join(n_final, on="trace_id")
        .select("trace_id", "turn", w=pl.col("k") / pl.col("n"))
    )
    credited = provenance.credit(t, start, novel, _authors(t), _passed(ctx, novel))
    who = t.select("trace_id", "turn", "agent", "owner_span_id", "has_code")
    return (
        credited.join(who, on=["trace_id", "turn"])
        .join(n_final, on="trace_id")
        .filter(pl.col("agent").is_not_null() & pl.col("owner_span_id").is_not_null())
        .pipe(
            at_steps,
            pl.col("w"),
            line(
                "`",
                pl.col("agent"),
                "` (",
                pl.col("owner_span_id"),
                ") introduced ",
                # no value of its own: the code it wrote, else the work it handed on
                # (the credit stopped there)
                pl.when(pl.col("own").list.len().fill_null(0) > 0)
                .then(_atom_list("own"))
                .when(pl.col("has_code"))
                .then(pl.lit("the code"))
                .otherwise(pl.lit("the work it handed on")),
                "; the failed result (",
                _atom_list("shown"),
                ") rests on it",
                pl.when(pl.col("hops") > 0).then(line(", ", pl.col("hops"), " step(s) back")),
                " (credit ",
                percent(pl.col("w")),
                ")",
            ),
        )
    )


def _delivered(t: pl.DataFrame) -> pl.DataFrame:
    """The delivered message per run: the run span's output, else the last turn of a
    non-executor agent of at least :data:`SIGN_OFF_CHARS` characters (a bare
    sign-off delivers nothing)."""
    cols = ("trace_id", "turn", "is_run", "atoms", "output")
    run_out = t.filter(pl.col("is_run") & pl.col("output").is_not_null()).select(cols)
    turns_ = (
        t.filter(pl.col("substantive") & (pl.col("output").str.len_chars() >= SIGN_OFF_CHARS))
        .select(cols)
        .join(run_out.select("trace_id"), on="trace_id", how="anti")
    )
    last = turns_.sort("turn").group_by("trace_id", maintain_order=True).last()
    return pl.concat([run_out, last])


def _settings_out(task: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """``task`` (trace_id, atom) without the names of several words that no tool's reply
    in the run holds: a name the data never mentions (the team's or the organisation's
    own, "Ashford Valley Water") is the task's setting, no value that selects what is
    computed; a name found in the data (a company in a ledger) can be one (where the
    data named it only after the step that left it out, that later reply still says it:
    :func:`_said_later`)."""
    replies = (
        t.filter(pl.col("is_tool") & pl.col("output").is_not_null())
        .group_by("trace_id")
        .agg(replies=pl.col("output").str.to_lowercase().str.join("\n"))
    )
    named = pl.col("atom").str.contains(r"^[^\d\s]+(?: [^\d\s]+)+$")
    return (
        task.join(replies, on="trace_id", how="left")
        .filter(~named | pl.col("replies").fill_null("").str.contains(pl.col("atom"), literal=True))
        .drop("replies")
    )


def dropped_constraint(ctx: Context) -> pl.DataFrame:
    """A value of the task that the delivered result lacks reached the first step
    that got it in its input, is missing from that step's output and from every
    later step's: that step dropped it. Needs per-step input (a plain message log
    has none)."""
    t = ctx.turns
    delivered = _delivered(t).select(
        "trace_id",
        result=pl.col("output").str.to_lowercase().str.replace_all(r"(\d),(\d{3})", "$1$2"),
    )
    task = (
        task_atoms(t)
        .select("trace_id", atom=atoms(pl.col("task")))
        .explode("atom")
        # a short plain number can be used without being restated (a cap applied, a
        # rate multiplied in): its absence shows nothing; a name, an id, a phrase or
        # a year cannot
        .filter(pl.col("atom").is_not_null() & ~_short_number(pl.col("atom")))
        .unique()
        .join(delivered, on="trace_id")
        # only what the delivered result lacks was dropped
        .filter(~pl.col("result").str.contains(pl.col("atom"), literal=True))
        .drop("result")
        .pipe(_settings_out, t)
    )
    if task.height == 0:
        return empty()
    steps = (
        t.filter(
            pl.col("substantive") & pl.col("input").is_not_null() & pl.col("output").is_not_null()
        )
        .select("trace_id", "turn", "agent", "owner_span_id", "input", "output", "has_code")
        .sort("trace_id", "turn")
        .group_by("trace_id", maintain_order=True)
        .head(FIRST_STEPS)
    )
    # a program may hold a value it got transformed (25% as 0.75): its lacking the
    # value's literal form shows nothing
    cand = steps.join(task, on="trace_id").filter(
        ~pl.col("has_code")
        & pl.col("input").str.to_lowercase().str.contains(pl.col("atom"), literal=True)
        & ~pl.col("output").str.to_lowercase().str.contains(pl.col("atom"), literal=True)
    )
    if cand.height == 0:
        return empty()
    # only the first step that got the value can have dropped it from the task
    first = (
        steps.join(task, on="trace_id")
        .filter(pl.col("input").str.to_lowercase().str.contains(pl.col("atom"), literal=True))
        .group_by("trace_id", "atom")
        .agg(first_turn=pl.col("turn").min())
    )
    dropped = cand.join(first, on=["trace_id", "atom"]).filter(
        pl.col("turn") == pl.col("first_turn")
    )
    # a value a later step still says was not lost there
    dropped = dropped.join(_said_later(t, dropped), on=["trace_id", "atom"], how="anti")
    return (
        dropped.group_by("trace_id", "agent", "owner_span_id")
        .agg(turn=pl.col("turn").min(), atoms=pl.col("atom").sort().head(3))
        .pipe(
            at_steps,
            pl.lit(1.0),
            line(
                "`",
                pl.col("agent"),
                "` (",
                pl.col("owner_span_id"),
                ") got the task's ",
                _atom_list("atoms"),
                " in its input and did not pass it on; the delivered result lacks it",
            ),
        )
    )


def _said_later(t: pl.DataFrame, dropped: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, atom) of the ``dropped`` values that a step after the one that got
    them says in its output (any step but the run's own)."""
    later = (
        t.filter(~pl.col("is_run") & pl.col("output").is_not_null())
        .select("trace_id", l_turn=pl.col("turn"), text=pl.col("output").str.to_lowercase())
        .join(dropped.select("trace_id", "atom", "turn"), on="trace_id")
        .filter(
            (pl.col("l_turn") > pl.col("turn"))
            & pl.col("text")
            .str.replace_all(r"(\d),(\d{3})", "$1$2")
            .str.contains(pl.col("atom"), literal=True)
        )
    )
    return later.select("trace_id", "atom").unique()


def _short_number(atom: pl.Expr) -> pl.Expr:
    """A plain number of fewer than :data:`~analyzer.suspects.base.PLAIN_DIGITS` digits."""
    return atom.str.contains(r"^[\d.,]+$") & (atom.str.count_matches(r"\d") < PLAIN_DIGITS)


_TROUBLE_LINE: Final = (
    r"(?i)([^.\n]*(?:unable to|not able to|could not|couldn't|cannot|can't|failed to|"
    r"stuck|going in circles|in a loop|no progress|not making)[^.\n]*)"
)


def trouble_cause(ctx: Context) -> pl.DataFrame:
    """Trouble reported in plain language (first person, or the team stuck): the
    values the report mentions are traced back like a result (:func:`answer_origin`,
    through the same code, handoff and arithmetic links);
    with none, blame the step right before it (of another agent, not an executor),
    else the speaker."""
    t = ctx.turns
    rep = (
        t.filter(pl.col("trouble") & pl.col("substantive"))
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
        .select(
            "trace_id",
            r_turn=pl.col("turn"),
            r_agent=pl.col("agent"),
            r_span=pl.col("owner_span_id"),
            line=quote(pl.col("output").str.extract(_TROUBLE_LINE, 1)),
        )
    )
    if rep.height == 0:
        return empty()
    # only the runs with a report are traced
    runs = rep.select("trace_id")
    t = t.join(runs, on="trace_id", how="semi")
    hand = None if ctx.handoffs is None else ctx.handoffs.join(runs, on="trace_id", how="semi")
    ctx = Context(t, ctx.named, hand)
    task = task_atoms(t)
    novel = provenance.novel_atoms(t, task)
    origin = novel.group_by("trace_id", "atom").agg(turn=pl.col("turn").min())
    # what the reporter found in its own last stint (the steps since another agent's)
    # is what it checked against, not a cause of the trouble
    stint = (
        t.join(rep.select("trace_id", "r_turn", "r_agent"), on="trace_id")
        .filter(
            (pl.col("turn") < pl.col("r_turn"))
            & pl.col("agent").is_not_null()
            & (pl.col("agent") != pl.col("r_agent"))
        )
        .group_by("trace_id")
        .agg(since=pl.col("turn").max() + 1)
    )
    mentioned = (
        novel.join(rep, on="trace_id")
        .filter(pl.col("turn") == pl.col("r_turn"))
        .select("trace_id", "atom")
        .join(origin, on=["trace_id", "atom"])
        .join(rep.select("trace_id", "r_turn"), on="trace_id")
        .join(stint, on="trace_id", how="left")
        .filter(
            (pl.col("turn") < pl.col("r_turn"))
            & (pl.col("turn") < pl.col("since").fill_null(pl.col("r_turn")))
        )
        .drop("since")
    )
    start = (
        mentioned.group_by("trace_id", "turn")
        .agg(k=pl.len())
        .with_columns(w=pl.col("k") / pl.col("k").sum().over("trace_id"))
        .select("trace_id", "turn", "w")
    )
    who = t.select("trace_id", "turn", "agent", "owner_span_id")
    linked = (
        provenance.credit(t, start, novel, _authors(t), _passed(ctx, novel))
        .join(who, on=["trace_id", "turn"])
        .join(rep, on="trace_id")
        .filter(pl.col("agent").is_not_null() & pl.col("owner_span_id").is_not_null())
        .pipe(
            at_steps,
            pl.col("w"),
            line(
                "`",
                pl.col("r_agent"),
                "` reported trouble (",
                pl.col("r_span"),
                ") about values `",
                pl.col("agent"),
                "` (",
                pl.col("owner_span_id"),
                ') introduced: "',
                pl.col("line"),
                '"',
            ),
        )
    )
    rest = rep.join(linked.select("trace_id").unique(), on="trace_id", how="anti")
    before = (
        t.filter(pl.col("substantive"))
        .join(rest, on="trace_id")
        .filter((pl.col("turn") < pl.col("r_turn")) & (pl.col("agent") != pl.col("r_agent")))
        .sort("turn", descending=True)
        .group_by("trace_id", maintain_order=True)
        .first()
    )
    adjacent = before.pipe(
        at_steps,
        pl.lit(0.6),
        line(
            "`",
            pl.col("r_agent"),
            "` reported trouble (",
            pl.col("r_span"),
            ") right after `",
            pl.col("agent"),
            "`'s step ",
            pl.col("owner_span_id"),
            ': "',
            pl.col("line"),
            '"',
        ),
    )
    own = rest.join(before.select("trace_id"), on="trace_id", how="anti").select(
        "trace_id",
        agent=pl.col("r_agent"),
        span_id=pl.col("r_span"),
        turn=pl.col("r_turn"),
        score=pl.lit(0.5),
        evidence=line(
            "`",
            pl.col("r_agent"),
            "` reported trouble with its own step (",
            pl.col("r_span"),
            '): "',
            pl.col("line"),
            '"',
        ),
    )
    return pl.concat([linked, adjacent, own]).filter(pl.col("span_id").is_not_null())
