"""Short trace ids for people: the shortest unique prefix, and the way back.

A 32-digit id wraps in an 80-column log and is tedious to type. The CLI prints
the shortest prefix (at least :data:`MIN_LENGTH` digits) that is unique among
the stored traces, and :func:`resolve` turns any unique prefix back into the
full id. A 64-bit id (Jaeger, Zipkin) is stored with 16 padding zeros; it is
shown, and may be typed, without them.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from analyzer import queries

__all__ = ["MIN_LENGTH", "AmbiguousPrefix", "resolve", "short_ids", "stored_short_ids", "visible"]

MIN_LENGTH = 8
_PAD = "0" * 16


class AmbiguousPrefix(LookupError):
    """A prefix that names more than one stored trace."""

    def __init__(self, prefix: str, candidates: list[str]):
        self.prefix = prefix
        self.candidates = candidates
        shown = ", ".join(short_ids(candidates)[c] for c in candidates[:3])
        more = "" if len(candidates) <= 3 else ", ..."
        count = f"{len(candidates)}+" if len(candidates) >= 50 else str(len(candidates))
        super().__init__(
            f"trace id prefix {prefix!r} is ambiguous: {count} traces start with it "
            f"({shown}{more}); type more digits"
        )


def visible(trace_id: str) -> str:
    """The id as shown: a 64-bit id without its 16 padding zeros."""
    return trace_id[16:] if len(trace_id) == 32 and trace_id.startswith(_PAD) else trace_id


def short_ids(trace_ids: Iterable[str], min_length: int = MIN_LENGTH) -> dict[str, str]:
    """``{full id: shortest prefix}``, one length for all so columns line up; every
    prefix is unique among ``trace_ids``."""
    ids = sorted(set(trace_ids))
    shown = [visible(t) for t in ids]
    length = min_length
    longest = max((len(s) for s in shown), default=0)
    # sorted neighbours share the longest prefixes, so only they need comparing
    ordered = sorted(shown)
    for a, b in zip(ordered, ordered[1:], strict=False):
        common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        if common is None:
            common = min(len(a), len(b))
        length = max(length, common + 1)
    length = min(length, longest) if longest else length
    return {t: s[:length] for t, s in zip(ids, shown, strict=True)}


def stored_short_ids(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """:func:`short_ids` over every trace stored in ``con``."""
    return short_ids(row[0] for row in con.execute(queries.sql("trace_ids")).fetchall())


def resolve(con: duckdb.DuckDBPyConnection, prefix: str) -> str:
    """The full id of the one stored trace ``prefix`` names (hex, any case).

    Raises LookupError when none does, :class:`AmbiguousPrefix` when several do.
    """
    prefix = prefix.strip().lower()
    found = [
        row[0]
        for row in con.execute(queries.sql("trace_ids_matching"), {"prefix": prefix}).fetchall()
    ]
    exact = [t for t in found if t == prefix.rjust(32, "0")]
    if exact:
        return exact[0]
    if not found:
        raise LookupError(f"no trace id starts with {prefix}")
    if len(found) > 1:
        raise AmbiguousPrefix(prefix, found)
    return found[0]
