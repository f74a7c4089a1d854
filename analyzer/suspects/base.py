"""What every suspect feature shares: the context it reads, the row shape it returns,
and small helpers over the turns frame."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import polars as pl

__all__ = [
    "COLUMNS",
    "PLAIN_DIGITS",
    "Context",
    "Feature",
    "empty",
    "latest_code_before",
    "relayed_code",
    "owner_turns",
    "quote",
]

COLUMNS: Final = ("trace_id", "agent", "span_id", "turn", "score", "evidence")
PLAIN_DIGITS: Final = 4
"""A plain number (digits and a decimal point only) with fewer digits is an amount:
it may be used without being restated (a cap applied, a rate multiplied in) and
one digit away from another by chance (200 and 500); a year or an id is longer."""
QUOTE_MAX: Final = 100


@dataclass(frozen=True)
class Context:
    """``turns``: :func:`analyzer.suspects.turns.load` rows; ``named``: what the rules
    named per failed run (trace_id, agent, span_id, rule, detector); ``handoffs``: the
    failed runs' explicit handoff edges (:func:`analyzer.suspects.handoffs.load`),
    None where not read."""

    turns: pl.DataFrame
    named: pl.DataFrame
    handoffs: pl.DataFrame | None = None


Feature = Callable[[Context], pl.DataFrame]


def empty() -> pl.DataFrame:
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


def at_steps(frame: pl.DataFrame, score: pl.Expr, evidence: pl.Expr) -> pl.DataFrame:
    """A feature's rows: each row's agent at its step (``owner_span_id``, ``turn``),
    with ``score`` and ``evidence``."""
    return frame.select(
        "trace_id",
        "agent",
        span_id=pl.col("owner_span_id"),
        turn=pl.col("turn"),
        score=score,
        evidence=evidence,
    )


def quote(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_all(r"\s+", " ").str.strip_chars().str.slice(0, QUOTE_MAX)


def owner_turns(turns: pl.DataFrame) -> pl.DataFrame:
    """Each agent span's turn index (the step a suspect names)."""
    return turns.filter(pl.col("span_id") == pl.col("owner_span_id")).select(
        "trace_id", "span_id", "turn"
    )


CODE_BLOCK: Final = r"(?s)```[\w+-]*\n?(.*?)```"
"""A fenced code block (its language tag dropped)."""


def _program(output: pl.Expr) -> pl.Expr:
    """The last program of a message that holds code (its last fenced block, or the
    whole message without fences), each line stripped, read through one level of
    JSON string escapes (a tool call's arguments quote it): what a relay copies."""
    text = output.str.replace_all(r"\\n", "\n").str.replace_all(r'\\"', '"')
    block = text.str.extract_all(CODE_BLOCK).list.last().str.extract(CODE_BLOCK, 1)
    return (
        pl.coalesce(block, text)
        .str.replace_all(r"[ \t]+", " ")
        .str.replace_all(r"\s*\n\s*", "\n")
        .str.strip_chars()
    )


def latest_code_before(turns: pl.DataFrame, at: pl.DataFrame) -> pl.DataFrame:
    """For each row of ``at`` (trace_id, turn), the latest earlier turn that holds
    code, of a non-executor agent, traced back to who wrote that code: a message
    whose program an earlier message already held (an orchestrator passing the
    coder's script on to the terminal) relays it, and the earliest holder is the
    author. Its agent, owner span and turn (as ``c_*``)."""
    code = (
        turns.filter(
            pl.col("has_code") & ~pl.col("is_exec") & pl.col("owner_span_id").is_not_null()
        )
        .select(
            "trace_id",
            c_turn=pl.col("turn"),
            c_agent=pl.col("agent"),
            c_span=pl.col("owner_span_id"),
            program=_program(pl.col("output")),
        )
        .sort("trace_id", "c_turn")
    )
    authors = code.group_by("trace_id", "program").agg(
        pl.col("c_turn", "c_agent", "c_span").first()
    )
    code = code.select("trace_id", "program", turn=pl.col("c_turn")).join(
        authors, on=["trace_id", "program"]
    )
    return (
        at.sort("trace_id", "turn")
        .join_asof(
            code.drop("program").sort("trace_id", "turn"),
            on="turn",
            by="trace_id",
            strategy="backward",
            allow_exact_matches=False,
            check_sortedness=False,
        )
        .filter(pl.col("c_agent").is_not_null())
    )


def relayed_code(turns: pl.DataFrame, calls: pl.DataFrame) -> pl.DataFrame:
    """For each row of ``calls`` (trace_id, turn, text: a tool call's input), who
    wrote the program it runs when an earlier message already held that program (a
    terminal running the script a coder wrote and someone passed on): the earliest
    such turn's agent, owner span and turn (as ``c_*``). Calls whose program no
    earlier message holds are left out."""
    code = turns.filter(
        pl.col("has_code") & ~pl.col("is_exec") & pl.col("owner_span_id").is_not_null()
    ).select(
        "trace_id",
        c_turn=pl.col("turn"),
        c_agent=pl.col("agent"),
        c_span=pl.col("owner_span_id"),
        program=_program(pl.col("output")),
    )
    code = code.filter(pl.col("program").str.len_chars() > 0)
    return (
        calls.with_columns(ran=_program(pl.col("text")))
        .join(code, on="trace_id")
        .filter(
            (pl.col("c_turn") < pl.col("turn"))
            & pl.col("ran").str.contains(pl.col("program"), literal=True)
        )
        .sort("c_turn")
        .group_by("trace_id", "turn", maintain_order=True)
        .agg(pl.col("c_turn", "c_agent", "c_span").first())
    )
