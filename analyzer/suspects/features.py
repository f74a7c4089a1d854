"""Suspect features: small named functions with one signature over the failed runs.

``feature(ctx) -> frame`` reads a :class:`~analyzer.suspects.base.Context` (the turns
of the failed runs and what the rules named) and returns rows ``trace_id, agent,
span_id, turn, score, evidence``: a score in [0, 1] for an agent at a step, and a
readable line saying why (span ids, quotes). :data:`FEATURES` lists them with their
weights; the ranking (:mod:`analyzer.suspects`) sums weight x score per agent and
step. This module holds the structural ones and the list; the features that follow
the delivered result back live in :mod:`analyzer.suspects.result_features`.

Every feature reads order, agent names and content only, so it works on a plain
message log (one span per message); handoffs, parent/child links and tool spans
sharpen it where a trace has them. None matches the wording of one framework.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from analyzer.suspects.base import (
    COLUMNS,
    Context,
    Feature,
    at_steps,
    empty,
    latest_code_before,
    owner_turns,
    quote,
    relayed_code,
)
from analyzer.suspects.changed import changed_value, misread_value
from analyzer.suspects.handoffs import handoff_chain
from analyzer.suspects.result_features import (
    answer_origin,
    dropped_constraint,
    trouble_cause,
)
from analyzer.suspects.turns import FAIL, PROGRAM_RUN
from analyzer.suspects.wording import line

__all__ = [
    "COLUMNS",
    "FEATURES",
    "POSITIONAL_DETECTORS",
    "WEAK_RULES",
    "Context",
    "Feature",
    "answer_origin",
    "changed_value",
    "dropped_constraint",
    "failed_code_author",
    "handoff_chain",
    "last_step",
    "misread_value",
    "named_by_rules",
    "repeated_output",
    "result_provenance",
    "rule_named_reporters",
    "trouble_cause",
]

WEAK_RULES: Final = {"verification_gap": 0.0, "verification_false_accept": 0.1, "unknown": 0.0}
"""Rules whose named agent is weak evidence of who made the mistake (a verifier that
let a failure through, or ran at all, did not make the output it passed), with the
score :func:`named_by_rules` gives it; where one named the agent, the ranking's top
suspect replaces it (:func:`analyzer.suspects.apply`)."""


REPORTER_SCORE: Final = 0.1

POSITIONAL_DETECTORS: Final = {"self_reported": 0.2}
"""Detectors whose named step is a position, not a trace: ``self_reported`` blames
the turn right before a report of trouble. The report's values are traced back by
:func:`trouble_cause`, which falls back to the same position when it traces none; so
the detector's step is a lead the ranking weighs, not a finding that tops it (the
top suspect names the agent, see :func:`analyzer.suspects.apply`)."""


def rule_named_reporters(ctx: Context) -> pl.DataFrame:
    """(trace_id) of the runs where a rule named a step that only showed the failure:
    its own message reports trouble, or it is the output a verifier rejected (the
    rule's evidence holds the verifier's step), both for explicit rules only (not a
    content detector); or it is an executor's (any rule or detector). The mistake
    may have come before it; the provenance of what it said decides."""
    spoke = ctx.turns.filter(pl.col("trouble") & pl.col("substantive")).select(
        "trace_id", "span_id"
    )
    named = ctx.named.filter(
        pl.col("agent").is_not_null()
        & pl.col("detector").is_null()
        & pl.col("span_id").is_not_null()
    )
    reported = named.join(spoke, on=["trace_id", "span_id"]).select("trace_id")
    return pl.concat([reported, _rejected(ctx, named), _ran(ctx)]).unique()


def _ran(ctx: Context) -> pl.DataFrame:
    """(trace_id) of the runs where a rule or detector named an executor's step: it
    ran what it was given, so who wrote that (:func:`failed_code_author`) decides."""
    # an executor, or a step whose message reports a program's run and holds no code
    runs = pl.col("output").fill_null("").str.contains(PROGRAM_RUN) & ~pl.col("has_code")
    runners = ctx.turns.filter(
        (pl.col("is_exec") | runs) & (pl.col("span_id") == pl.col("owner_span_id"))
    ).select("trace_id", "span_id")
    return (
        ctx.named.filter(pl.col("agent").is_not_null())
        .join(runners, on=["trace_id", "span_id"])
        .select("trace_id")
    )


def _rejected(ctx: Context, named: pl.DataFrame) -> pl.DataFrame:
    """(trace_id) of the ``named`` runs whose rule named another step than a verifier
    whose step is in the rule's evidence (the output the verifier turned down). If
    that step only said again what its agent said before, the first time is the
    mistake (:func:`repeated_output`), so the ranking decides there too."""
    if "evidence" not in named.columns:
        return pl.DataFrame(schema={"trace_id": pl.String})
    verifiers = ctx.turns.filter(pl.col("operation") == _OP_VERIFY).select(
        "trace_id", v_span=pl.col("span_id")
    )
    return (
        named.select("trace_id", "span_id", v_span=pl.col("evidence"))
        .explode("v_span")
        .filter(pl.col("v_span") != pl.col("span_id"))
        .join(verifiers, on=["trace_id", "v_span"])
        .select("trace_id")
        .unique()
    )


def repeated_output(ctx: Context) -> pl.DataFrame:
    """An agent said the same values again after a verifier turned them down (a
    verifier's step between the two): the first time it said them is the mistake
    it kept repeating."""
    t = ctx.turns
    said = t.filter(
        pl.col("substantive")
        & (pl.col("span_id") == pl.col("owner_span_id"))
        & (pl.col("atoms").list.len() > 0)
    ).select(
        "trace_id",
        "agent",
        "span_id",
        "turn",
        key=pl.col("atoms").list.sort().list.join("\x1f"),
    )
    checks = t.filter(pl.col("operation") == _OP_VERIFY).select("trace_id", v_turn=pl.col("turn"))
    pairs = (
        said.join(said, on=["trace_id", "agent", "key"], suffix="_again")
        .filter(pl.col("turn_again") > pl.col("turn"))
        .join(checks, on="trace_id")
        .filter((pl.col("v_turn") > pl.col("turn")) & (pl.col("v_turn") < pl.col("turn_again")))
    )
    if pairs.height == 0:
        return empty()
    first = (
        pairs.group_by("trace_id", "agent", "key")
        .agg(
            span_id=pl.col("span_id").sort_by("turn").first(),
            turn=pl.col("turn").min(),
            times=pl.col("span_id_again").n_unique() + 1,
        )
        .sort("turn")
        .group_by("trace_id", maintain_order=True)
        .first()
    )
    return first.select(
        "trace_id",
        "agent",
        "span_id",
        "turn",
        score=pl.lit(1.0),
        evidence=line(
            "`",
            pl.col("agent"),
            "` (",
            pl.col("span_id"),
            ") said the same values ",
            pl.col("times"),
            " times, again after a verifier turned them down",
        ),
    )


def named_by_rules(ctx: Context) -> pl.DataFrame:
    """The agent and span a rule or detector named: an explicit record (error,
    violation, plan defect) or a content signal scores 1; a verification rule little
    (the verifier did not make what it passed), and so does an error rule whose
    span reported trouble in its message (the report is the symptom) and a detector
    that names a step by its position (:data:`POSITIONAL_DETECTORS`)."""
    named = ctx.named.filter(pl.col("agent").is_not_null() & pl.col("span_id").is_not_null())
    if named.height == 0:
        return empty()
    reporters = rule_named_reporters(ctx).with_columns(reporter=pl.lit(True))
    named = named.join(reporters, on="trace_id", how="left")
    score = (
        pl.when(pl.col("reporter").fill_null(False))
        .then(pl.lit(REPORTER_SCORE))
        .when(pl.col("detector").is_in(list(POSITIONAL_DETECTORS)))
        .then(pl.col("detector").replace_strict(POSITIONAL_DETECTORS, default=1.0))
        .otherwise(pl.col("rule").replace_strict(WEAK_RULES, default=1.0, return_dtype=pl.Float64))
    )
    # "detector X" when a content detector named it, else "rule Y" (null-propagating)
    what = pl.coalesce(pl.lit("detector ") + pl.col("detector"), pl.lit("rule ") + pl.col("rule"))
    return (
        named.join(owner_turns(ctx.turns), on=["trace_id", "span_id"], how="left")
        .with_columns(
            score=score,
            evidence=line(what, " named `", pl.col("agent"), "` at ", pl.col("span_id")),
        )
        .filter(pl.col("score") > 0)
        .select(COLUMNS)
    )


def failed_code_author(ctx: Context) -> pl.DataFrame:
    """A program or tool run that failed in its output: blame who wrote the code (the
    latest earlier code turn) or made the call (a tool's calling agent, or who wrote
    the program the call ran when an earlier message held it), not the executor. An
    unrecovered failure (no later clean executor reply) scores 1, a recovered one 0.3."""
    t = ctx.turns
    # an agent's message that is a tool's reply (a JSON object, as a plain message log
    # holds a call's result under its caller's name) is its own call; one that reports
    # a program's run (an exit status, a traceback) ran someone's code
    reply = pl.col("output").str.contains(r"^\s*\{") & ~pl.col("has_code")
    ran = pl.col("output").str.contains(PROGRAM_RUN)
    ex = t.filter(
        (pl.col("is_exec") | reply) & ~pl.col("is_run") & pl.col("output").is_not_null()
    ).with_columns(is_tool=pl.col("is_tool") | (reply & ~pl.col("is_exec") & ~ran))
    if ex.height == 0:
        return empty()
    # a failure is recovered by a later clean reply of the same executor or tool for
    # the same agent, or, where a program's run failed, by a later program run that
    # did not: another agent's tool answering cleanly (a checker reading a file)
    # mends no failed code
    clean = ex.filter(~pl.col("fails") & (pl.col("is_exec") | ran))
    same = clean.group_by("trace_id", "name", "agent").agg(clean_same=pl.col("turn").max())
    runs_ok = clean.filter(ran).group_by("trace_id").agg(clean_run=pl.col("turn").max())
    failed = (
        ex.filter(pl.col("fails"))
        .join(same, on=["trace_id", "name", "agent"], how="left", nulls_equal=True)
        .join(runs_ok, on="trace_id", how="left")
        .with_columns(
            clean_turn=pl.max_horizontal(
                pl.col("clean_same"),
                pl.when(ran).then(pl.col("clean_run")),
            )
        )
        .with_columns(
            score=pl.when(pl.col("clean_turn").fill_null(-1) > pl.col("turn"))
            .then(0.3)
            .otherwise(1.0),
            line=quote(pl.col("output").str.extract(r"(?im)^(.*(?:" + FAIL[4:] + r").*)$", 1)),
            executor=pl.coalesce("agent", "name"),
        )
    )
    calls = failed.filter(pl.col("is_tool") & pl.col("owner_span_id").is_not_null())
    # a call that ran a program an earlier message held: its author, not the caller
    relayed = relayed_code(t, calls.select("trace_id", "turn", text=pl.col("input")))
    tools = (
        calls.join(relayed, on=["trace_id", "turn"], how="left")
        .with_columns(
            c_agent=pl.coalesce("c_agent", "agent"), c_span=pl.coalesce("c_span", "owner_span_id")
        )
        .select("trace_id", "score", "line", "span_id", "executor", "c_agent", "c_span")
    )
    runs = latest_code_before(t, failed.filter(~pl.col("is_tool"))).select(
        "trace_id", "score", "line", "span_id", "executor", "c_agent", "c_span"
    )
    both = pl.concat([tools, runs])
    return both.join(
        owner_turns(t).rename({"span_id": "c_span"}), on=["trace_id", "c_span"], how="left"
    ).select(
        "trace_id",
        agent=pl.col("c_agent"),
        span_id=pl.col("c_span"),
        turn=pl.col("turn"),
        score=pl.col("score"),
        evidence=line(
            "code or call by `",
            pl.col("c_agent"),
            "` (",
            pl.col("c_span"),
            ") failed when `",
            pl.col("executor"),
            "` ran it (",
            pl.col("span_id"),
            '): "',
            pl.col("line"),
            '"',
        ),
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
    return last.pipe(
        at_steps,
        pl.lit(1.0),
        line(
            "`",
            pl.col("agent"),
            "` took the last step (",
            pl.col("owner_span_id"),
            ") before the run failed (position only)",
        ),
    )


def result_provenance(ctx: Context) -> pl.DataFrame:
    """Where the delivered result came from, read twice: from the messages
    (:func:`answer_origin`) and from the handoffs' payloads (:func:`handoff_chain`).
    Two views of one fact, so a step scores the larger of the two, not their sum (a
    step the messages do not reach keeps its handoff credit whole); the evidence of
    both stays."""
    origin = answer_origin(ctx)
    chain = handoff_chain(ctx)
    if chain.height == 0:
        return _pooled(origin)
    # where the messages were read, a step whose own message they left out is no origin
    said = ctx.turns.filter(
        (pl.col("span_id") == pl.col("owner_span_id")) & (pl.col("output").str.len_chars() > 0)
    ).select("trace_id", "span_id")
    read = said.join(origin.select("trace_id").unique(), on="trace_id")
    chain = chain.join(read, on=["trace_id", "span_id"], how="anti")
    per_step = origin.group_by("trace_id", "agent", "span_id").agg(o=pl.col("score").sum())
    extra = (
        chain.join(per_step, on=["trace_id", "agent", "span_id"], how="left")
        .with_columns(score=(pl.col("score") - pl.col("o").fill_null(0.0)).clip(lower_bound=0.0))
        .select(COLUMNS)
    )
    return _pooled(pl.concat([origin.select(COLUMNS), extra]))


def _pooled(rows: pl.DataFrame) -> pl.DataFrame:
    """The credit of an agent's steps summed on its step with the most (the latest on
    ties): credit is one mass spread over the steps the result rests on, so an agent that
    read a value with its own tool call and then stated it holds both parts."""
    if rows.height == 0:
        return rows
    total = pl.col("score").sum().over("trace_id", "agent")
    best = (
        pl.struct(pl.col("score"), pl.col("turn"))
        .rank("ordinal", descending=True)
        .over("trace_id", "agent")
        == 1
    )
    return rows.with_columns(score=pl.when(best).then(total).otherwise(pl.lit(0.0))).select(
        rows.columns
    )


FEATURES: Final[tuple[tuple[Feature, float], ...]] = (
    (named_by_rules, 3.0),
    (failed_code_author, 1.5),
    (result_provenance, 1.0),
    (trouble_cause, 0.8),
    (dropped_constraint, 1.2),
    (changed_value, 1.2),
    (misread_value, 1.2),
    (repeated_output, 1.2),
    (last_step, 0.2),
)
"""The features and their weights. A rule's or detector's named agent (3) tops the
ranking in practice (the other features rarely sum past it on one agent), so
where the rules named an agent it stays; the others order the rest and set the
confidence. The two checks against the task's own values weigh the same: a value
swapped for its sibling (changed_value) is at least as definite as one that went
missing (dropped_constraint). Weights were set by hand on tests/corpus (see
benchmarks/README.md)."""
