"""Numbers a step computed from earlier ones: arithmetic carries provenance.

A message whose only new values are numbers that earlier messages' numbers add up
to (a total of two to four figures of one message) or that two earlier figures give
by one operation (a sum, difference, product or ratio) computed them: it
introduced nothing, and the credit for those numbers belongs to the steps that
introduced the operands. This is what an executor's output is to its code author,
read from the numbers alone, so it holds on a plain message log where no span says
who computed what. Code turns, executors and the run span are left to the other
rules (:mod:`analyzer.suspects.provenance`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from typing import Final

import polars as pl

__all__ = ["WINDOW", "derived_edges", "explains"]

WINDOW: Final = 3
"""How many earlier messages with numbers a computed number may draw on."""
MAX_TERMS: Final = 4
"""The most figures of one message a total may add up."""
MAX_NUMBERS: Final = 24
"""A message with more numbers than this is a table, not operands (and the subsets
would be too many to try)."""
MIN_DIGITS: Final = 3
"""A computed number has at least this many significant digits (small numbers match
some arithmetic of any others by chance)."""

_SCHEMA: Final = {"trace_id": pl.String, "turn": pl.Int32, "src": pl.Int32, "share": pl.Float64}
_NUMBER: Final = r"^(?:[1-9]\d*|0)(?:\.\d+)?$"
"""A plain number: no sign and no leading zero (``-04`` and ``08`` are pieces of a
date or an id, not figures)."""
_NUMBER_RE: Final = re.compile(_NUMBER)


def _digits(atom: str) -> int:
    return len(atom.lstrip("-").replace(".", "").lstrip("0"))


def _tolerance(atom: str) -> float:
    """Half a unit of the last decimal place shown."""
    decimals = len(atom.split(".", 1)[1]) if "." in atom else 0
    return 0.5 * 10.0**-decimals + 1e-9


def explains(target: str, operands: list[list[float]]) -> list[float] | None:
    """The operands that give ``target`` (a total of 2-4 numbers of one message, or
    one operation on two numbers of the union), or None."""
    value, tol = float(target), _tolerance(target)
    for numbers in operands:
        for k in range(2, MAX_TERMS + 1):
            for combo in itertools.combinations(numbers, k):
                if abs(sum(combo) - value) <= tol:
                    return list(combo)
    pool = sorted({n for numbers in operands for n in numbers})
    for a, b in itertools.permutations(pool, 2):
        for result in (a + b, a - b, a * b, a / b if b else math.inf):
            if abs(result - value) <= tol:
                return [a, b]
    return None


def derived_edges(t: pl.DataFrame, novel: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, src, share): each message whose every new value is a number
    computed from earlier messages' numbers passes its credit to the steps that
    introduced those operands, evenly per operand."""
    origin = novel.group_by("trace_id", "atom").agg(o_turn=pl.col("turn").min())
    rows = (
        novel.join(origin, on=["trace_id", "atom"])
        .group_by("trace_id", "turn")
        .agg(own=pl.col("atom").filter(pl.col("o_turn") == pl.col("turn")))
    )
    said = t.filter(~pl.col("is_run") & pl.col("output").is_not_null()).select(
        "trace_id",
        "turn",
        "is_exec",
        "has_code",
        numbers=pl.col("atoms").list.eval(pl.element().filter(pl.element().str.contains(_NUMBER))),
    )
    firsts = {(r[0], r[1]): r[2] for r in origin.iter_rows()}
    own = {(r[0], r[1]): r[2] for r in rows.iter_rows()}
    by_run: dict[str, list[tuple[int, bool, list[str]]]] = defaultdict(list)
    for trace_id, turn, is_exec, has_code, numbers in said.sort("turn").iter_rows():
        by_run[trace_id].append((turn, bool(is_exec or has_code), list(numbers or [])))
    out: list[tuple[str, int, int, float]] = []
    for trace_id, steps in by_run.items():
        for i, (turn, skip, _numbers) in enumerate(steps):
            mine = own.get((trace_id, turn)) or []
            if skip or not mine or not all(_computable(a) for a in mine):
                continue
            earlier = [s for s in steps[:i] if 0 < len(s[2]) <= MAX_NUMBERS][-WINDOW:]
            sources = _sources(trace_id, mine, earlier, firsts)
            if sources:
                share = 1.0 / len(sources)
                out.extend((trace_id, turn, src, share) for src in sources)
    if not out:
        return pl.DataFrame(schema=_SCHEMA)
    frame = pl.DataFrame(out, schema=list(_SCHEMA), orient="row")
    return (
        frame.group_by("trace_id", "turn", "src")
        .agg(share=pl.col("share").sum())
        .select(
            "trace_id",
            pl.col("turn").cast(pl.Int32),
            pl.col("src").cast(pl.Int32),
            "share",
        )
    )


def _computable(atom: str) -> bool:
    return bool(_NUMBER_RE.match(atom)) and _digits(atom) >= MIN_DIGITS


def _sources(
    trace_id: str,
    mine: list[str],
    earlier: list[tuple[int, bool, list[str]]],
    firsts: dict[tuple[str, str], int],
) -> list[int] | None:
    """The origin steps of the operands of every number in ``mine``; None when one of
    them is no arithmetic of the earlier numbers."""
    values: dict[float, str] = {}
    operands: list[list[float]] = []
    for _turn, _skip, numbers in earlier:
        floats = []
        for atom in numbers:
            values.setdefault(float(atom), atom)
            floats.append(float(atom))
        operands.append(floats)
    sources: list[int] = []
    for atom in mine:
        used = explains(atom, operands)
        if used is None:
            return None
        for number in used:
            src = firsts.get((trace_id, values[number]))
            if src is not None:
                sources.append(src)
    return sources or None
