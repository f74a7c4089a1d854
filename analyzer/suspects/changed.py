"""A value of the task changed on the way: a step wrote a sibling of what the task
named (another entry, year, id, file or dataset) and the run went on with it (a
step that names the task's value beside the sibling only sets the sibling aside,
unless a later step says the sibling again).

Two values are siblings when they differ in one character of a value with digits
or in two neighbouring characters swapped (``I-133`` for ``I-131``, ``sales_2023``
for ``sales_2024``, ``4491`` for ``4419``), or in one whole part of a name (with
letters) of two or more non-empty parts split at ``_ - . /`` (``count_february.csv``
for ``count_march.csv``, ``tz_rules_winter.txt`` for ``tz_rules_2024.txt``): the
same shape, one piece swapped; or a name of three or more parts with one part added
or dropped at its end (``arpu_2024_h1_eu`` for ``arpu_2024_h1``: another dataset); or
another year up to :data:`YEARS_APART` years off (``1932`` for ``1928``); or a file of
another period than the task's (:mod:`analyzer.suspects.periods`).
Names and numbers only; no wording of a framework is read. Same signature as
:mod:`analyzer.suspects.features`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import polars as pl

from analyzer.suspects.base import PLAIN_DIGITS, Context, at_steps, empty
from analyzer.suspects.periods import YEAR, YEARS_APART, other_period, period_siblings
from analyzer.suspects.provenance import SCALE
from analyzer.suspects.result_features import task_atoms
from analyzer.suspects.turns import tool_calls
from analyzer.suspects.wording import line

__all__ = [
    "MIN_DIGITS",
    "changed_value",
    "miscopied",
    "misread_value",
    "siblings",
    "transposed",
]

MIN_DIGITS: Final = PLAIN_DIGITS
"""A plain number is compared only with this many digits or more: 200 and 500, or
10.1 and 10.4, are one digit apart by chance (a year, or a piece of an id or a date
such as ``-131`` or ``-08``, is not)."""
_PARTS: Final = re.compile(r"[_\-./]")
_SHAPE: Final = r"[^_\-./]+"
_NAMED: Final = r"[a-z].*[_-].*[_-]|[_-].*[_-].*[a-z]"
"""A name of three or more parts joined by ``_`` or ``-``, with letters."""
_ONE_MORE: Final = r"^[_-][a-z0-9]+$"
"""One more part of a name (not a file extension)."""
"""A name's parts (between separators); its shape keeps the separators only."""


def _apart(a: str, b: str) -> list[int]:
    """Where two values of one length differ (character positions)."""
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]


def siblings(atom: str, task_atom: str) -> bool:
    """Whether ``atom`` is the task's ``task_atom`` with one piece swapped (see the
    module)."""
    if atom == task_atom:
        return False
    period = period_siblings(atom, task_atom)
    if period is not None:
        return period
    a, b = _PARTS.split(atom), _PARTS.split(task_atom)
    named = re.search(r"[a-z]", atom) and re.search(r"[a-z]", task_atom)
    if named and min(len([x for x in a if x]), len([y for y in b if y])) >= 2:
        longer, shorter = (atom, task_atom) if len(atom) > len(task_atom) else (task_atom, atom)
        if longer.startswith(shorter) and re.fullmatch(_ONE_MORE, longer[len(shorter) :]):
            return True
        same_shape = len(a) == len(b) and _PARTS.findall(atom) == _PARTS.findall(task_atom)
        return same_shape and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(atom) != len(task_atom) or not re.search(r"\d", task_atom):
        return False
    if re.fullmatch(r"[\d.,]+", task_atom) and len(re.findall(r"\d", task_atom)) < MIN_DIGITS:
        return False
    apart = _apart(atom, task_atom)
    if len(apart) == 1:
        return True
    if YEAR.match(atom) and YEAR.match(task_atom):
        return abs(int(atom) - int(task_atom)) <= YEARS_APART
    # two neighbouring characters swapped (4491 for 4419): the commonest misreading
    i = apart[0] if apart else 0
    return apart == [i, i + 1] and atom[i] == task_atom[i + 1] and atom[i + 1] == task_atom[i]


def _key(value: pl.Expr) -> pl.Expr:
    """What two siblings share: a name's shape (its separators), or a one-part
    value's length (``t#4``), so only candidate pairs are compared."""
    shape = value.str.replace_all(_SHAPE, "t")
    return (
        pl.when(shape == "t")
        .then(pl.lit("t#") + value.str.len_chars().cast(pl.String))
        .otherwise(shape)
    )


def changed_value(ctx: Context) -> pl.DataFrame:
    """A step wrote a sibling of a value of the task (see the module): the earliest
    such step changed what the task asked for."""
    t = ctx.turns
    task = task_atoms(t).select("trace_id", task_atom=pl.col("task_list")).explode("task_atom")
    task = task.filter(
        pl.col("task_atom").is_not_null() & (pl.col("task_atom").str.len_chars() >= 3)
    ).with_columns(shape=_key(pl.col("task_atom")))
    # a one-part value is only compared character by character, and needs a digit
    task = task.filter(
        pl.col("shape").str.starts_with("t#").not_() | pl.col("task_atom").str.contains(r"\d")
    )
    if task.height == 0:
        return empty()
    said = t.filter(pl.col("substantive") & pl.col("owner_span_id").is_not_null()).select(
        "trace_id", "turn", "agent", "owner_span_id", "atoms"
    )
    steps = (
        pl.concat([said, _tool_arguments(t)])
        .explode("atoms")
        .filter(pl.col("atoms").is_not_null())
        .select("trace_id", "turn", "agent", "owner_span_id", atom=pl.col("atoms"))
        .with_columns(shape=_key(pl.col("atom")))
    )
    known = task.group_by("trace_id").agg(all_task=pl.col("task_atom"))
    pairs = (
        pl.concat(
            [
                steps.join(task, on=["trace_id", "shape"]),
                _extended(steps, task),
                other_period(steps, t),
            ]
        )
        .join(known, on="trace_id")
        .filter(~pl.col("all_task").list.contains(pl.col("atom")))
    )
    pairs = _went_on(t, pairs)
    if pairs.height == 0:
        return empty()
    return _first_pair(pairs, "task_atom", siblings, "the task says")


def _extended(steps: pl.DataFrame, task: pl.DataFrame) -> pl.DataFrame:
    """``steps`` joined with the task's names they extend by one part or that extend
    them by one (``arpu_2024_h1_eu`` for ``arpu_2024_h1``): the task's name is the
    other's first parts (a file extension is no part)."""
    names = task.filter(pl.col("task_atom").str.contains(_NAMED))
    pairs = (
        steps.filter(pl.col("atom").str.contains(_NAMED)).drop("shape").join(names, on="trace_id")
    )

    def extends(longer: pl.Expr, shorter: pl.Expr) -> pl.Expr:
        rest = longer.str.slice(shorter.str.len_chars())
        return longer.str.starts_with(shorter) & rest.str.contains(_ONE_MORE)

    atom, task_atom = pl.col("atom"), pl.col("task_atom")
    return pairs.filter(extends(atom, task_atom) | extends(task_atom, atom)).select(
        *steps.columns, "task_atom"
    )


def _tool_arguments(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, agent, owner_span_id, atoms): the atoms of the arguments an
    agent's tool calls were given (the key, year or file it chose to look up), as
    that agent's words at the call."""
    return (
        tool_calls(t)
        .filter(pl.col("span_id") != pl.col("owner_span_id"))
        .select("trace_id", "turn", "agent", "owner_span_id", "atoms")
    )


def _went_on(t: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """The ``pairs`` but those of a step that says the task's value too (inside a file
    name or a program as well) when no later step says the changed value again: a
    sibling named beside the task's own value only to be set aside ("March cut =
    the 2025-03 file; the 2024-12 file is the older cut, ignore it") changed nothing
    the run went on with."""
    later = t.filter(~pl.col("is_run") & pl.col("output").is_not_null()).select(
        "trace_id", l_turn=pl.col("turn"), text=pl.col("output").str.to_lowercase()
    )
    own = later.rename({"l_turn": "turn", "text": "own"})
    pairs = pairs.join(own, on=["trace_id", "turn"], how="left")
    # the task's value said apart from the sibling (not as the first parts of its name)
    said = pl.col("own").str.count_matches(pl.col("task_atom"), literal=True)
    inside = pl.when(pl.col("atom").str.contains(pl.col("task_atom"), literal=True)).then(
        pl.col("own").str.count_matches(pl.col("atom"), literal=True)
    )
    beside = pl.col("own").is_not_null() & (said > inside.fill_null(0))
    kept = pairs.filter(~beside).drop("own")
    contrasted = pairs.filter(beside).drop("own")
    carried = (
        contrasted.select("trace_id", "turn", "atom")
        .unique()
        .join(later, on="trace_id")
        .filter(
            (pl.col("l_turn") > pl.col("turn"))
            & pl.col("text").str.contains(pl.col("atom"), literal=True)
        )
        .select("trace_id", "turn", "atom")
        .unique()
    )
    return pl.concat([kept, contrasted.join(carried, on=["trace_id", "turn", "atom"], how="semi")])


_FIGURE: Final = r"^(?:0|[1-9]\d*)(?:\.\d+)?$"
"""A figure a misreading is looked for in: a plain number without a sign or a
leading zero (``0.3141`` is a figure, ``08`` or ``-0582`` a piece of a date or an
id), of at least :data:`MISREAD_DIGITS` digits (a two-digit count is swapped by
chance as often as by a misreading)."""
MISREAD_DIGITS: Final = 3
PRINTED_DIGITS: Final = 2
"""Against what a program printed in the message right before the step, a two-digit
figure is compared too: the value it was just shown is the one it meant."""


def transposed(atom: str, seen: str) -> bool:
    """Whether ``atom`` is ``seen`` with two neighbouring characters swapped, at least
    one a digit (``1.085`` for ``1.058``, ``4491`` for ``4419``), or two neighbouring
    digits swapped across the decimal point (``61.6`` for ``66.1``): how a figure is
    misread or mistyped. A single changed digit is not enough here (``2024`` beside
    ``2023`` is a different year, not a misreading)."""
    if len(atom) != len(seen) or atom == seen:
        return False
    apart = _apart(atom, seen)
    if len(apart) != 2 or apart[1] - apart[0] not in (1, 2):
        return False
    i, j = apart
    if j == i + 2 and not (atom[i + 1] == "." and atom[i].isdigit() and atom[j].isdigit()):
        return False
    swapped = atom[i] == seen[j] and atom[j] == seen[i]
    return swapped and bool(re.search(r"\d", atom[i] + atom[j]))


def miscopied(atom: str, read: str) -> bool:
    """Whether ``atom`` is ``read`` with one digit changed (``0.56`` for ``0.66``), or
    two neighbouring characters swapped: how a step miscopies a figure its own tool
    just returned. Only against the step's own reads: beside the task or another
    step's words, one digit apart is as often another value (a year, a count) as a
    slip. A year (four digits from 1900 to 2099) is never a miscopy of another."""
    if transposed(atom, read):
        return True
    if len(atom) != len(read) or atom == read or YEAR.match(atom) or YEAR.match(read):
        return False
    apart = _apart(atom, read)
    return len(apart) == 1 and atom[apart[0]].isdigit() and read[apart[0]].isdigit()


def _seen_before(t: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(trace_id, turn, seen) twice: for every substantive agent step, the atoms it
    could have read (the task's, every earlier step's output, and its own tool calls'
    results, recorded on spans that start after it), and of those the ones its own
    tools returned."""
    steps = t.filter(pl.col("substantive") & (pl.col("span_id") == pl.col("owner_span_id")))
    outputs = t.filter(~pl.col("is_run") & pl.col("output").is_not_null()).select(
        "trace_id", "turn", "span_id", "owner_span_id", "atoms"
    )
    earlier = (
        steps.select("trace_id", s_turn=pl.col("turn"))
        .join(outputs.select("trace_id", "turn", "atoms"), on="trace_id")
        .filter(pl.col("turn") < pl.col("s_turn"))
    )
    own_tools = steps.select("trace_id", "owner_span_id", s_turn=pl.col("turn")).join(
        outputs.filter(pl.col("span_id") != pl.col("owner_span_id")).select(
            "trace_id", "owner_span_id", "atoms"
        ),
        on=["trace_id", "owner_span_id"],
    )
    task = task_atoms(t).select("trace_id", atoms=pl.col("task_list"))
    tasked = steps.select("trace_id", s_turn=pl.col("turn")).join(task, on="trace_id")
    parts = [earlier, own_tools, tasked]
    seen, own = (
        pl.concat([p.select("trace_id", "s_turn", "atoms") for p in chosen])
        .explode("atoms")
        .filter(pl.col("atoms").is_not_null())
        .select("trace_id", turn=pl.col("s_turn"), seen=pl.col("atoms"))
        .unique()
        for chosen in (parts, [own_tools])
    )
    return seen, own


def _printed_before(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, turn, seen): the figures a program printed in the message right
    before a step (an executor's reply), which the step reads as it reads its own
    tool's result."""
    said = t.filter(~pl.col("is_run") & pl.col("output").is_not_null()).sort("trace_id", "turn")
    after_run = said.select(
        "trace_id",
        "turn",
        "substantive",
        "span_id",
        "owner_span_id",
        seen=pl.col("atoms").shift(1),
        ran=pl.col("is_exec").shift(1) & (pl.col("trace_id").shift(1) == pl.col("trace_id")),
    )
    return (
        after_run.filter(
            pl.col("ran").fill_null(False)
            & pl.col("substantive")
            & (pl.col("span_id") == pl.col("owner_span_id"))
        )
        .select("trace_id", "turn", "seen")
        .explode("seen")
        .filter(pl.col("seen").is_not_null() & pl.col("seen").str.contains(_FIGURE))
        .unique()
    )


def misread_value(ctx: Context) -> pl.DataFrame:
    """A step wrote a value found nowhere before it that is a value it could read
    (the task, an earlier step, its own tool's result) with two neighbouring
    characters swapped, or its own tool's result or what a program printed right
    before it with one digit changed (:func:`miscopied`; against the printed output,
    from two digits on): the earliest such step misread what it was given."""
    t = ctx.turns
    seen, own = _seen_before(t)
    short = _figures(t, PRINTED_DIGITS)
    figures = short.filter(pl.col("atom").str.count_matches(r"\d") >= MISREAD_DIGITS)

    def beside(found: pl.DataFrame, read: pl.DataFrame) -> pl.DataFrame:
        said = found.join(
            seen,
            left_on=["trace_id", "turn", "atom"],
            right_on=["trace_id", "turn", "seen"],
            how="anti",
        )
        return said.join(
            read.with_columns(n=pl.col("seen").str.len_chars()), on=["trace_id", "turn", "n"]
        ).select(_PAIR)

    pairs = pl.concat([beside(figures, seen), _read_in_step(t, figures).select(_PAIR)])
    swapped = _related(pairs, "seen", transposed)
    read = pl.concat([beside(figures, own), beside(short, _printed_before(t))])
    copied = _related(read, "seen", miscopied)
    return _first(_uncomputed(pl.concat([swapped, copied]), t), "seen", "what it read says")


def _uncomputed(found: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """``found`` without the figures their step computed from two others it wrote (their
    sum or difference: "3.5 h and 62.5 h, 66 h in all"): a total is no misread copy."""
    if found.height == 0:
        return found
    numbers = (
        t.join(found.select("trace_id", "turn").unique(), on=["trace_id", "turn"])
        .select("trace_id", "turn", atom=pl.col("atoms"))
        .explode("atom")
        .with_columns(x=pl.col("atom").cast(pl.Float64, strict=False))
        .filter(pl.col("x").is_not_null())
    )
    pairs = numbers.join(numbers, on=["trace_id", "turn"], suffix="_b").filter(
        pl.col("atom") < pl.col("atom_b")
    )
    made = pl.concat(
        [
            pairs.select("trace_id", "turn", v=pl.col("x") + pl.col("x_b")),
            pairs.select("trace_id", "turn", v=(pl.col("x") - pl.col("x_b")).abs()),
        ]
    )
    computed = (
        found.with_columns(x=pl.col("atom").cast(pl.Float64, strict=False))
        .join(made, on=["trace_id", "turn"])
        .filter((pl.col("x") - pl.col("v")).abs() < 1e-9)
        .select("trace_id", "turn", "atom")
        .unique()
    )
    return found.join(computed, on=["trace_id", "turn", "atom"], how="anti")


_PAIR: Final = ("trace_id", "turn", "agent", "owner_span_id", "atom", "seen")


def _figures(t: pl.DataFrame, digits: int) -> pl.DataFrame:
    """(trace_id, turn, agent, owner_span_id, atom, n): the figures of ``digits`` digits
    or more of every substantive agent step (not an executor's) a misreading is looked
    for in, with their length."""
    return (
        t.filter(
            pl.col("substantive")
            & (pl.col("span_id") == pl.col("owner_span_id"))
            & ~pl.col("is_exec")
        )
        .select("trace_id", "turn", "agent", "owner_span_id", "has_code", atom=pl.col("atoms"))
        .explode("atom")
        .filter(
            pl.col("atom").str.contains(_FIGURE)
            & (pl.col("atom").str.count_matches(r"\d") >= digits)
            # a power of ten in code is a scale (``100 *``), no figure it read
            & ~(pl.col("has_code") & pl.col("atom").str.contains(SCALE))
        )
        .drop("has_code")
        .with_columns(n=pl.col("atom").str.len_chars())
    )


def _read_in_step(t: pl.DataFrame, figures: pl.DataFrame) -> pl.DataFrame:
    """Pairs of one step's own figures (what a plain log holds when an agent's
    message carries the page it read): the one later steps go on with is what the
    step wrote, the one nobody says again what it read. A step whose page held the
    swapped figure and whose words had it right, with the run going on with the
    page's, reads the same way: one message does not say which part is the page.
    ``figures``: :func:`_figures` of ``t``."""
    later = (
        t.filter(~pl.col("is_run") & pl.col("atoms").is_not_null())
        .select("trace_id", l_turn=pl.col("turn"), atom=pl.col("atoms"))
        .explode("atom")
        .join(figures.select("trace_id", "turn", "atom").unique(), on=["trace_id", "atom"])
        .filter(pl.col("l_turn") > pl.col("turn"))
        .select("trace_id", "turn", "atom")
        .unique()
    )
    went_on = figures.join(later, on=["trace_id", "turn", "atom"], how="semi")
    left = figures.join(later, on=["trace_id", "turn", "atom"], how="anti")
    return went_on.join(
        left.select("trace_id", "turn", "n", seen=pl.col("atom")), on=["trace_id", "turn", "n"]
    )


def _related(pairs: pl.DataFrame, other: str, related: Callable[[str, str], bool]) -> pl.DataFrame:
    """The ``pairs`` whose ``atom`` is ``related`` to their ``other`` value."""
    if pairs.height == 0:
        return pairs
    return pairs.filter(
        pl.struct("atom", other).map_elements(
            lambda p: related(p["atom"], p[other]), return_dtype=pl.Boolean
        )
    )


def _first_pair(
    pairs: pl.DataFrame, other: str, related: Callable[[str, str], bool], where: str
) -> pl.DataFrame:
    """The earliest step per run whose ``atom`` is ``related`` to its pair's ``other``
    value, with a line quoting both (``where`` says whose the other value is)."""
    return _first(_related(pairs, other, related), other, where)


def _first(pairs: pl.DataFrame, other: str, where: str) -> pl.DataFrame:
    """The earliest of ``pairs`` per run, with a line quoting both values (of one
    step's several pairs, the first in value order: the same line every time)."""
    if pairs.height == 0:
        return empty()
    first = pairs.sort("turn", "atom", other).group_by("trace_id", maintain_order=True).first()
    return first.pipe(
        at_steps,
        pl.lit(1.0),
        line(
            "`",
            pl.col("agent"),
            "` (",
            pl.col("owner_span_id"),
            ') wrote "',
            pl.col("atom"),
            f'" where {where} "',
            pl.col(other),
            '"',
        ),
    )
