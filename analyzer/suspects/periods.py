"""Files of another period than the task's: the task names a month (in words, with its
year) or a year, and a step writes or reads a file whose name carries another one
(``calls_2026-09.csv`` for "October 2026", ``prices_2025.json`` for a 2026 question):
the period the work rests on changed (last month's sheet, last season's price list).
A month written bare (``2026-03`` for "April 2026") is read the same way. Read by
:func:`analyzer.suspects.changed.changed_value`; language-level (English month
names, years), no wording of a framework.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

from analyzer.suspects.result_features import task_atoms

__all__ = ["MONTHS", "YEAR", "YEARS_APART", "other_period", "period_siblings"]

MONTHS: Final = tuple(
    "january february march april may june july august september october november december".split()
)
_MONTH_YEAR: Final = r"\b(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d\b"
"""A month the task names in words with its year (``October 2026``)."""
_FILE_MONTH: Final = re.compile(r"(?:^|[_\-./])((?:19|20)\d\d)-(0[1-9]|1[0-2])[_\-./]")
"""A file name's month (``calls_2026-09.csv``: 2026-09)."""
_FILE_YEAR: Final = re.compile(r"(?:^|[_\-./])((?:19|20)\d\d)[_\-./]")
"""A file name's year (``prices_2025.json``: 2025; ``sales_2026-03.csv``: 2026)."""
_A_FILE: Final = re.compile(r"\.[a-z]\w*$")
YEAR: Final = re.compile(r"^(?:19|20)\d\d$")
"""A year: four digits from 1900 to 2099."""
YEARS_APART: Final = 8
"""Two years up to this far apart are siblings, whatever digits differ (1932 for 1928:
another edition, another season's file)."""


def period_siblings(atom: str, task_atom: str) -> bool | None:
    """Whether the file ``atom`` is of another period than the task's ``task_atom`` (a
    month ``2026-10`` or a year ``2026``): another month in the same year or the next,
    another year up to eight off; None where ``atom`` is no file with a period or
    ``task_atom`` no period."""
    if not _A_FILE.search(atom):
        return None
    month = _FILE_MONTH.search(atom)
    if month and re.fullmatch(r"\d{4}-\d\d", task_atom):
        other = f"{month[1]}-{month[2]}"
        return other != task_atom and abs(int(month[1]) - int(task_atom[:4])) <= 1
    year = _FILE_YEAR.search(atom)
    if year and YEAR.match(task_atom):
        return year[1] != task_atom and abs(int(year[1]) - int(task_atom)) <= YEARS_APART
    return None


def _task_periods(t: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(trace_id, task_atom) of the months the task names in words, as ``2026-10``, and
    of the years it names."""
    task = task_atoms(t)
    said = task.select("trace_id", said=pl.col("task_atoms").str.extract_all(_MONTH_YEAR)).explode(
        "said"
    )
    number = {m: f"{i:02d}" for i, m in enumerate(MONTHS, 1)}
    months = said.filter(pl.col("said").is_not_null()).select(
        "trace_id",
        task_atom=pl.col("said").str.extract(r"(\d{4})$", 1)
        + "-"
        + pl.col("said").str.extract(r"^([a-z]+)", 1).replace_strict(number, default=None),
    )
    years = (
        task.select("trace_id", task_atom="task_list")
        .explode("task_atom")
        .filter(pl.col("task_atom").str.contains(YEAR.pattern))
        .unique()
    )
    return months, years


def _of_other(
    steps: pl.DataFrame, periods: pl.DataFrame, pattern: str, groups: int
) -> pl.DataFrame:
    """``steps`` whose file's period (``pattern``'s first ``groups`` groups joined by
    ``-``) is none of the task's ``periods``, paired with each of them."""
    if periods.height == 0:
        return steps.head(0).with_columns(task_atom=pl.lit(None, pl.String))
    parts = [pl.col("atom").str.extract(pattern, i) for i in range(1, groups + 1)]
    period = parts[0] if groups == 1 else pl.concat_str(parts, separator="-")
    filed = steps.with_columns(period=period).filter(
        pl.col("period").is_not_null() & pl.col("atom").str.contains(_A_FILE.pattern)
    )
    filed = _chosen(filed, periods.rename({"task_atom": "period"}), "period")
    return filed.join(periods, on="trace_id").select(*steps.columns, "task_atom")


def _chosen(found: pl.DataFrame, asked: pl.DataFrame, on: str) -> pl.DataFrame:
    """``found`` (trace_id, turn, ``on``) without the task's own periods (``asked``) and
    without the steps that name one of them too: such a step lists periods (a task's
    "files in the working directory"), it chooses none."""
    keys = ["trace_id", on]
    listing = found.join(asked, on=keys, how="semi").select("trace_id", "turn").unique()
    return found.join(asked, on=keys, how="anti").join(listing, on=["trace_id", "turn"], how="anti")


_BARE_MONTH: Final = r"^(?:19|20)\d\d-(?:0[1-9]|1[0-2])$"
"""A month written bare (``2026-03``), not as part of a file name or a date."""


def _bare_months(steps: pl.DataFrame, months: pl.DataFrame) -> pl.DataFrame:
    """``steps`` whose atom is a bare month none of the task's months (``months``), paired
    with each of them; a month inside the span of task months of one year (January to
    June 2026) is one of them, and a step that names a task month too lists months, it
    chooses none."""
    if months.height == 0:
        return steps.head(0).with_columns(task_atom=pl.lit(None, pl.String))
    bare = steps.filter(pl.col("atom").str.contains(_BARE_MONTH))
    spans = (
        months.group_by("trace_id")
        .agg(lo=pl.col("task_atom").min(), hi=pl.col("task_atom").max())
        .filter(pl.col("lo").str.slice(0, 4) == pl.col("hi").str.slice(0, 4))
    )
    inside = bare.join(spans, on="trace_id").filter(
        (pl.col("atom") > pl.col("lo")) & (pl.col("atom") < pl.col("hi"))
    )
    other = _chosen(bare, months.rename({"task_atom": "atom"}), "atom").join(
        inside.select("trace_id", "atom").unique(), on=["trace_id", "atom"], how="anti"
    )
    return other.join(months, on="trace_id").select(*steps.columns, "task_atom")


def other_period(steps: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """``steps`` (with ``atom``) whose file is of another month than one the task names
    in words, or of another year than every year it names, each paired with the task's
    period as ``task_atom``; none where the task names the file's period too."""
    months, years = _task_periods(t)
    return pl.concat(
        [
            _of_other(steps, months, _FILE_MONTH.pattern, 2),
            _of_other(steps, years, _FILE_YEAR.pattern, 1),
            _bare_months(steps, months),
        ]
    )
