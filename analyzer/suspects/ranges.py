"""Periods inside a range an earlier step gave: said by whoever gave the range.

A step that writes "January to May" as ``2026-01`` and ``2026-05`` chose every month
between them; the step after it that lists ``2026-02``, ``2026-03`` and ``2026-04``
(a loop over the months, a filter) spelled out that choice, it did not make one. So
a month strictly inside the span of the months one earlier step introduced (a day
inside its days) is that step's (its origin moves there), and one inside the span of
the task's own periods is the task's (no step introduced it). Only periods of the
range's kind: a day inside a range of months is a new fact (an opening date), no
member of it. Language-level: ISO months and days, no wording of a framework.
"""

from __future__ import annotations

from typing import Final

import polars as pl

__all__ = ["PERIOD", "spelled_out"]

PERIOD: Final = r"^(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$"
"""An ISO month (``2026-02``) or day (``2026-02-14``)."""


def _spans(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """(``by``, kind, lo, hi): the first and last period of each kind (month, day) of
    each group that has two or more different ones."""
    return (
        frame.group_by(*by, kind=pl.col("atom").str.len_chars())
        .agg(lo=pl.col("atom").min(), hi=pl.col("atom").max())
        .filter(pl.col("lo") < pl.col("hi"))
    )


def spelled_out(novel: pl.DataFrame, task: pl.DataFrame) -> pl.DataFrame:
    """``novel`` (trace_id, turn, atom) with every period strictly inside a range of its
    kind moved: inside the task's periods (``task``: trace_id, task_list) it is no novel
    atom; inside the periods one earlier step introduced, it is that step's too (its
    origin becomes that step)."""
    periods = novel.filter(pl.col("atom").str.contains(PERIOD))
    if periods.height == 0:
        return novel
    origin = periods.group_by("trace_id", "atom").agg(o_turn=pl.col("turn").min())
    origin = origin.with_columns(kind=pl.col("atom").str.len_chars())
    inside = (pl.col("atom") > pl.col("lo")) & (pl.col("atom") < pl.col("hi"))
    given = (
        task.select("trace_id", atom=pl.col("task_list"))
        .explode("atom")
        .filter(pl.col("atom").fill_null("").str.contains(PERIOD))
    )
    of_task = (
        origin.join(_spans(given, ["trace_id"]), on=["trace_id", "kind"])
        .filter(inside)
        .select("trace_id", "atom")
    )
    ends = _spans(origin.drop("kind").rename({"o_turn": "e_turn"}), ["trace_id", "e_turn"])
    moved = (
        origin.join(of_task, on=["trace_id", "atom"], how="anti")
        .join(ends, on=["trace_id", "kind"])
        .filter(inside & (pl.col("e_turn") < pl.col("o_turn")))
        .group_by("trace_id", "atom")
        .agg(turn=pl.col("e_turn").min())
        .select("trace_id", pl.col("turn").cast(novel.schema["turn"]), "atom")
    )
    return pl.concat([novel.join(of_task, on=["trace_id", "atom"], how="anti"), moved]).unique()
