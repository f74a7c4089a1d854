"""Suspect features: small named functions with one signature over the failed runs.

``feature(ctx) -> frame`` reads a :class:`Context` (the turns of the failed runs and
what the rules named) and returns rows ``trace_id, agent, span_id, turn, score,
evidence``: a score in [0, 1] for an agent at a step, and a readable line saying
why (span ids, quotes). :data:`FEATURES` lists them with their weights; the
ranking (:mod:`analyzer.suspects`) sums weight x score per agent and step.

Every feature reads order, agent names and content only, so it works on a plain
message log (one span per message); handoffs, parent/child links and tool spans
sharpen it where a trace has them. None matches the wording of one framework.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import polars as pl

from analyzer.suspects.turns import FAIL, atoms

__all__ = [
    "COLUMNS",
    "FEATURES",
    "Context",
    "Feature",
    "answer_origin",
    "dropped_constraint",
    "empty_result",
    "failed_code_author",
    "last_step",
    "named_by_rules",
    "trouble_cause",
]

COLUMNS: Final = ("trace_id", "agent", "span_id", "turn", "score", "evidence")
QUOTE_MAX: Final = 100


@dataclass(frozen=True)
class Context:
    """``turns``: :func:`analyzer.suspects.turns.load` rows; ``named``: what the rules
    named per failed run (trace_id, agent, span_id, rule, detector)."""

    turns: pl.DataFrame
    named: pl.DataFrame


Feature = Callable[[Context], pl.DataFrame]

# Rules whose named agent is weak evidence of who made the mistake: a verifier that
# let a failure through, or ran at all, did not make the output it passed.
_WEAK_RULES: Final = {"verification_gap": 0.0, "verification_false_accept": 0.2, "unknown": 0.0}


def _empty() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "trace_id": pl.String,
            "agent": pl.String,
            "span_id": pl.String,
            "turn": pl.Int32,
            "score": pl.Float64,
            "evidence": pl.String,
        }
    )


def _quote(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_all(r"\s+", " ").str.strip_chars().str.slice(0, QUOTE_MAX)


def _owner_turns(turns: pl.DataFrame) -> pl.DataFrame:
    """Each agent span's turn index (the step a suspect names)."""
    return turns.filter(pl.col("span_id") == pl.col("owner_span_id")).select(
        "trace_id", "span_id", "turn"
    )


def named_by_rules(ctx: Context) -> pl.DataFrame:
    """The agent and span a rule or detector named: an explicit record (error,
    violation, plan defect) or a content signal scores 1; a verification rule little
    (the verifier did not make what it passed)."""
    named = ctx.named.filter(pl.col("agent").is_not_null() & pl.col("span_id").is_not_null())
    if named.height == 0:
        return _empty()
    score = pl.col("rule").replace_strict(_WEAK_RULES, default=1.0, return_dtype=pl.Float64)
    what = pl.coalesce(pl.lit("detector ") + pl.col("detector"), pl.lit("rule ") + pl.col("rule"))
    return (
        named.join(_owner_turns(ctx.turns), on=["trace_id", "span_id"], how="left")
        .with_columns(
            score=score,
            evidence=what
            + pl.lit(" named `")
            + pl.col("agent")
            + pl.lit("` at ")
            + pl.col("span_id"),
        )
        .filter(pl.col("score") > 0)
        .select(COLUMNS)
    )


def _latest_code_before(turns: pl.DataFrame, at: pl.DataFrame) -> pl.DataFrame:
    """For each row of ``at`` (trace_id, turn), the latest earlier turn that holds
    code, of a non-executor agent: its agent, owner span and turn (as ``c_*``)."""
    code = (
        turns.filter(
            pl.col("has_code") & ~pl.col("is_exec") & pl.col("owner_span_id").is_not_null()
        )
        .select(
            "trace_id",
            c_turn=pl.col("turn"),
            c_agent=pl.col("agent"),
            c_span=pl.col("owner_span_id"),
        )
        .sort("trace_id", "c_turn")
    )
    return (
        at.sort("trace_id", "turn")
        .join_asof(
            code.with_columns(pl.col("c_turn").alias("turn")),
            on="turn",
            by="trace_id",
            strategy="backward",
            allow_exact_matches=False,
            check_sortedness=False,
        )
        .filter(pl.col("c_agent").is_not_null())
    )


def failed_code_author(ctx: Context) -> pl.DataFrame:
    """A program or tool run that failed in its output: blame who wrote the code (the
    latest earlier code turn) or made the call (a tool's calling agent), not the
    executor. An unrecovered failure (no later clean executor reply) scores 1, a
    recovered one 0.3."""
    t = ctx.turns
    ex = t.filter(pl.col("is_exec") & ~pl.col("is_run") & pl.col("output").is_not_null())
    if ex.height == 0:
        return _empty()
    last_clean = (
        ex.filter(~pl.col("fails")).group_by("trace_id").agg(clean_turn=pl.col("turn").max())
    )
    failed = (
        ex.filter(pl.col("fails"))
        .join(last_clean, on="trace_id", how="left")
        .with_columns(
            score=pl.when(pl.col("clean_turn").fill_null(-1) > pl.col("turn"))
            .then(0.3)
            .otherwise(1.0),
            line=_quote(pl.col("output").str.extract(r"(?im)^(.*(?:" + FAIL[4:] + r").*)$", 1)),
            executor=pl.coalesce("agent", "name"),
        )
    )
    tools = failed.filter(pl.col("is_tool") & pl.col("owner_span_id").is_not_null()).select(
        "trace_id",
        "score",
        "line",
        "span_id",
        "executor",
        c_agent=pl.col("agent"),
        c_span=pl.col("owner_span_id"),
    )
    runs = _latest_code_before(t, failed.filter(~pl.col("is_tool"))).select(
        "trace_id", "score", "line", "span_id", "executor", "c_agent", "c_span"
    )
    both = pl.concat([tools, runs])
    return both.join(
        _owner_turns(t).rename({"span_id": "c_span"}), on=["trace_id", "c_span"], how="left"
    ).select(
        "trace_id",
        agent=pl.col("c_agent"),
        span_id=pl.col("c_span"),
        turn=pl.col("turn"),
        score=pl.col("score"),
        evidence=pl.lit("code or call by `")
        + pl.col("c_agent")
        + pl.lit("` (")
        + pl.col("c_span")
        + pl.lit(") failed when `")
        + pl.col("executor")
        + pl.lit("` ran it (")
        + pl.col("span_id")
        + pl.lit('): "')
        + pl.col("line").fill_null("")
        + pl.lit('"'),
    )


def _task_atoms(t: pl.DataFrame) -> pl.DataFrame:
    """Atoms of the run's task: the run span's input, else the first turn's input."""
    first = (
        t.filter(pl.col("input").is_not_null())
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
        .select("trace_id", task=pl.col("input"))
    )
    return first.with_columns(
        task_atoms=pl.col("task").str.to_lowercase().str.replace_all(r"(\d),(\d{3})", "$1$2")
    )


def _final(t: pl.DataFrame, task: pl.DataFrame) -> pl.DataFrame:
    """The delivered result per run: the run span's output, else the last turn of a
    non-executor agent whose output has an atom the task lacks. Rows trace_id,
    final_turn, atom (one per new atom)."""
    found = (
        t.filter(pl.col("is_run") | pl.col("substantive"))
        .select("trace_id", "turn", "is_run", "atoms")
        .explode("atoms")
        .rename({"atoms": "atom"})
        .filter(pl.col("atom").is_not_null())
        .join(task, on="trace_id", how="left")
        .filter(~pl.col("task_atoms").fill_null("").str.contains(pl.col("atom"), literal=True))
    )
    run_out = found.filter(pl.col("is_run"))
    delivered_by_run = t.filter(pl.col("is_run") & pl.col("output").is_not_null())
    from_turns = found.filter(~pl.col("is_run")).join(
        delivered_by_run.select("trace_id").unique(), on="trace_id", how="anti"
    )
    last = from_turns.group_by("trace_id").agg(final_turn=pl.col("turn").max())
    chosen = from_turns.join(last, on="trace_id").filter(pl.col("turn") == pl.col("final_turn"))
    return pl.concat(
        [
            run_out.select("trace_id", final_turn=pl.lit(None, pl.Int32), atom="atom"),
            chosen.select("trace_id", pl.col("final_turn").cast(pl.Int32), "atom"),
        ]
    ).unique()


def _credit_exec(t: pl.DataFrame, origins: pl.DataFrame) -> pl.DataFrame:
    """Origins on an executor's turn move to who wrote the code (or made the call)."""
    info = t.select("trace_id", "turn", "is_exec", "is_tool", "agent", "owner_span_id")
    o = origins.join(info, on=["trace_id", "turn"], how="left")
    plain = o.filter(~pl.col("is_exec") | pl.col("is_tool")).select(
        "trace_id", "atom", "turn", o_agent=pl.col("agent"), o_span=pl.col("owner_span_id")
    )
    ran = _latest_code_before(t, o.filter(pl.col("is_exec") & ~pl.col("is_tool"))).select(
        "trace_id",
        "atom",
        turn=pl.col("c_turn"),
        o_agent=pl.col("c_agent"),
        o_span=pl.col("c_span"),
    )
    return pl.concat([plain, ran]).filter(pl.col("o_agent").is_not_null())


def answer_origin(ctx: Context) -> pl.DataFrame:
    """Provenance of the delivered result: each atom of it that the task lacks is
    traced to the earliest turn whose output introduced it (a program's output to
    the code's author); a step scores the share of the result's new atoms it
    introduced."""
    t = ctx.turns
    task = _task_atoms(t)
    final = _final(t, task)
    if final.height == 0:
        return _empty()
    said = (
        t.filter(~pl.col("is_run") & pl.col("output").is_not_null())
        .select("trace_id", "turn", "atoms")
        .explode("atoms")
        .rename({"atoms": "atom"})
    )
    origins = (
        said.join(final.select("trace_id", "atom"), on=["trace_id", "atom"])
        .group_by("trace_id", "atom")
        .agg(turn=pl.col("turn").min())
    )
    credited = _credit_exec(t, origins)
    n_new = final.group_by("trace_id").agg(n_new=pl.len())
    return (
        credited.group_by("trace_id", "o_agent", "o_span")
        .agg(turn=pl.col("turn").min(), n=pl.len(), atoms=pl.col("atom").sort().head(3))
        .join(n_new, on="trace_id")
        .select(
            "trace_id",
            agent=pl.col("o_agent"),
            span_id=pl.col("o_span"),
            turn=pl.col("turn"),
            score=pl.col("n") / pl.col("n_new"),
            evidence=pl.lit("`")
            + pl.col("o_agent")
            + pl.lit("` (")
            + pl.col("o_span")
            + pl.lit(") first wrote ")
            + pl.col("n").cast(pl.String)
            + pl.lit(" of ")
            + pl.col("n_new").cast(pl.String)
            + pl.lit(" new values the failed result rests on: ")
            + pl.col("atoms").list.eval(pl.lit('"') + pl.element() + pl.lit('"')).list.join(", "),
        )
    )


def trouble_cause(ctx: Context) -> pl.DataFrame:
    """Trouble reported in plain language (first person, or the team stuck): blame
    the earlier step of another agent whose values the report mentions, else the
    step right before it (of another agent, not an executor), else the speaker."""
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
            r_atoms=pl.col("atoms"),
            line=_quote(
                pl.col("output").str.extract(r"(?i)([^.\n]*(?:" + _TROUBLE_CORE + r")[^.\n]*)", 1)
            ),
        )
    )
    if rep.height == 0:
        return _empty()
    before = (
        t.filter(pl.col("substantive"))
        .join(rep, on="trace_id")
        .filter((pl.col("turn") < pl.col("r_turn")) & (pl.col("agent") != pl.col("r_agent")))
        .with_columns(
            shared=pl.col("atoms").list.set_intersection(pl.col("r_atoms")).list.len(),
        )
    )
    linked = (
        before.filter(pl.col("shared") > 0)
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
        .with_columns(score=pl.lit(1.0), how=pl.lit("whose values it mentions"))
    )
    adjacent = (
        before.join(linked.select("trace_id"), on="trace_id", how="anti")
        .sort("turn", descending=True)
        .group_by("trace_id", maintain_order=True)
        .first()
        .with_columns(score=pl.lit(0.6), how=pl.lit("right before it"))
    )
    causes = pl.concat([linked, adjacent], how="diagonal_relaxed")
    own = rep.join(causes.select("trace_id"), on="trace_id", how="anti").select(
        "trace_id",
        agent=pl.col("r_agent"),
        span_id=pl.col("r_span"),
        turn=pl.col("r_turn"),
        score=pl.lit(0.5),
        evidence=pl.lit("`")
        + pl.col("r_agent")
        + pl.lit("` reported trouble with its own step (")
        + pl.col("r_span")
        + pl.lit('): "')
        + pl.col("line").fill_null("")
        + pl.lit('"'),
    )
    blamed = causes.select(
        "trace_id",
        agent=pl.col("agent"),
        span_id=pl.col("owner_span_id"),
        turn=pl.col("turn"),
        score=pl.col("score"),
        evidence=pl.lit("`")
        + pl.col("r_agent")
        + pl.lit("` reported trouble (")
        + pl.col("r_span")
        + pl.lit(") after `")
        + pl.col("agent")
        + pl.lit("`'s step ")
        + pl.col("owner_span_id")
        + pl.lit(" ")
        + pl.col("how")
        + pl.lit(': "')
        + pl.col("line").fill_null("")
        + pl.lit('"'),
    )
    return pl.concat([blamed, own]).filter(pl.col("span_id").is_not_null())


_TROUBLE_CORE: Final = (
    r"unable to|not able to|could not|couldn't|cannot|can't|failed to|stuck|"
    r"going in circles|in a loop|no progress|not making"
)


_OP_VERIFY: Final = "verify"  # the spans table's operation value (analyzer/schema.sql)


def last_step(ctx: Context) -> pl.DataFrame:
    """Position only: the last step of a non-executor, non-verifier agent before the
    run failed
    (with content, the last one that said something). The weakest feature; it names a
    suspect where nothing else does, at low confidence."""
    t = ctx.turns.filter(
        ~pl.col("is_run")
        & ~pl.col("is_exec")
        & (pl.col("operation") != _OP_VERIFY)
        & pl.col("agent").is_not_null()
        & (pl.col("span_id") == pl.col("owner_span_id"))
    )
    with_text = t.filter(pl.col("output").is_not_null())
    chosen = pl.concat(
        [with_text, t.join(with_text.select("trace_id").unique(), on="trace_id", how="anti")]
    )
    last = chosen.sort("turn").group_by("trace_id", maintain_order=True).last()
    return last.select(
        "trace_id",
        "agent",
        span_id=pl.col("owner_span_id"),
        turn=pl.col("turn"),
        score=pl.lit(1.0),
        evidence=pl.lit("`")
        + pl.col("agent")
        + pl.lit("` took the last step (")
        + pl.col("owner_span_id")
        + pl.lit(") before the run failed (position only)"),
    )


def _delivered(t: pl.DataFrame) -> pl.DataFrame:
    """The delivered message per run: the run span's output, else the last turn of a
    non-executor agent with at least four words (a bare sign-off delivers nothing)."""
    run_out = t.filter(pl.col("is_run") & pl.col("output").is_not_null())
    turns_ = t.filter(
        pl.col("substantive") & (pl.col("output").str.count_matches(r"\S+") >= 4)
    ).join(run_out.select("trace_id"), on="trace_id", how="anti")
    last = turns_.sort("turn").group_by("trace_id", maintain_order=True).last()
    return pl.concat([run_out, last], how="diagonal_relaxed").select(
        "trace_id", "turn", "is_run", "atoms", "output"
    )


def empty_result(ctx: Context) -> pl.DataFrame:
    """The delivered message carries no value the task lacks (the work was declared
    done without a result): blame the agent that ended the run with it, at that step."""
    t = ctx.turns
    task = _task_atoms(t)
    d = _delivered(t).join(task, on="trace_id", how="left")
    novel = d.explode("atoms").filter(
        pl.col("atoms").is_not_null()
        & ~pl.col("task_atoms").fill_null("").str.contains(pl.col("atoms"), literal=True)
    )
    empty = d.join(novel.select("trace_id").unique(), on="trace_id", how="anti").filter(
        # a bare one-digit number is a result too ("the answer is 8")
        ~pl.col("output").str.contains(r"\b\d\b")
    )
    if empty.height == 0:
        return _empty()
    # who ended the run: the speaker of the delivered turn, or of the last
    # non-executor turn when the run span delivered it
    enders = (
        t.filter(pl.col("substantive") & (pl.col("span_id") == pl.col("owner_span_id")))
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .last()
        .select("trace_id", "agent", span_id=pl.col("owner_span_id"), e_turn=pl.col("turn"))
    )
    return empty.join(enders, on="trace_id").select(
        "trace_id",
        "agent",
        "span_id",
        turn=pl.col("e_turn"),
        score=pl.lit(1.0),
        evidence=pl.lit("`")
        + pl.col("agent")
        + pl.lit("` ended the run (")
        + pl.col("span_id")
        + pl.lit(') with no value the task lacks: "')
        + _quote(pl.col("output"))
        + pl.lit('"'),
    )


def dropped_constraint(ctx: Context) -> pl.DataFrame:
    """A value of the task that the delivered result lacks reached a step in its
    input and is missing from that step's output: the earliest such step dropped it.
    Needs per-step input (a plain message log has none)."""
    t = ctx.turns
    delivered = _delivered(t).select(
        "trace_id",
        result=pl.col("output").str.to_lowercase().str.replace_all(r"(\d),(\d{3})", "$1$2"),
    )
    task = (
        _task_atoms(t)
        .select("trace_id", atom=atoms(pl.col("task")))
        .explode("atom")
        .filter(pl.col("atom").is_not_null())
        .unique()
        .join(delivered, on="trace_id")
        # only what the delivered result lacks was dropped
        .filter(~pl.col("result").str.contains(pl.col("atom"), literal=True))
        .drop("result")
    )
    if task.height == 0:
        return _empty()
    steps = t.filter(
        pl.col("substantive") & pl.col("input").is_not_null() & pl.col("output").is_not_null()
    ).select("trace_id", "turn", "agent", "owner_span_id", "input", "output")
    cand = steps.join(task, on="trace_id").filter(
        pl.col("input").str.to_lowercase().str.contains(pl.col("atom"), literal=True)
        & ~pl.col("output").str.to_lowercase().str.contains(pl.col("atom"), literal=True)
    )
    if cand.height == 0:
        return _empty()
    dropped = cand.sort("turn").group_by("trace_id", "atom", maintain_order=True).first()
    return (
        dropped.group_by("trace_id", "agent", "owner_span_id")
        .agg(turn=pl.col("turn").min(), atoms=pl.col("atom").sort().head(3))
        .select(
            "trace_id",
            "agent",
            span_id=pl.col("owner_span_id"),
            turn=pl.col("turn"),
            score=pl.lit(1.0),
            evidence=pl.lit("`")
            + pl.col("agent")
            + pl.lit("` (")
            + pl.col("owner_span_id")
            + pl.lit(") got the task's ")
            + pl.col("atoms").list.eval(pl.lit('"') + pl.element() + pl.lit('"')).list.join(", ")
            + pl.lit(" in its input and did not pass it on; the delivered result lacks it"),
        )
    )


FEATURES: Final[tuple[tuple[Feature, float], ...]] = (
    (named_by_rules, 3.0),
    (failed_code_author, 1.5),
    (answer_origin, 1.0),
    (trouble_cause, 0.8),
    (dropped_constraint, 1.2),
    (empty_result, 0.6),
    (last_step, 0.2),
)
"""The features and their weights, strongest first. A rule's or detector's named
agent outweighs any sum of the others (3 > 1.5 + 1 + 0.8 x ... in practice): the
category rules stay the cause; the other features order the rest and set the
confidence."""
