"""Named SQL of the ClickHouse source (``clickhouse.sql`` in ClickHouse SQL,
``local.sql`` in DuckDB SQL), with fragments spliced in by name.

Fragments are sections of ``clickhouse.sql`` referred to as ``{name}`` (no type,
unlike a ``{name:Type}`` parameter); they are fixed text of this package, never
user input.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from analyzer import mapping

__all__ = ["sql", "ddl"]

_NAME = re.compile(r"^-- name: ([a-z0-9_]+)\s*$", re.MULTILINE)
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")
FRAGMENTS = ("norm", "all_columns", "part_spans", "simple_spans", "log_messages")
# span-name patterns of the mapping that do not name a handoff
_NOT_HANDOFF_PATTERNS = frozenset(
    {"re_op_prefix", "re_tl_suffix", "re_method_suffix", "re_transfer"}
)


def handoff_name_match() -> str:
    """``match(SpanName, {re_x:String}) OR ...`` over every span-name pattern of
    :mod:`analyzer.mapping` that names a handoff: one constant regex each, compiled
    once per query (a pattern from an array would be compiled per row)."""
    names = sorted(
        k for k in mapping.params() if k.startswith("re_") and k not in _NOT_HANDOFF_PATTERNS
    )
    return "(" + " OR ".join(f"match(SpanName, {{{k}:String}})" for k in names) + ")"


def _read(filename: str) -> str:
    return resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")


@cache
def _catalog(filename: str) -> dict[str, str]:
    parts = _NAME.split(_read(filename))
    return {
        name: body.strip().rstrip(";") for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


@cache
def sql(name: str, filename: str = "clickhouse.sql") -> str:
    """The named query of ``filename`` with its fragments expanded."""
    try:
        text = _catalog(filename)[name]
    except KeyError:
        raise KeyError(f"no query named {name!r} in {filename}") from None

    def expand(match: re.Match[str]) -> str:
        fragment = match.group(1)
        if fragment == "handoff_name_match":
            return handoff_name_match()
        return sql(fragment, filename) if fragment in FRAGMENTS else match.group(0)

    return _FRAGMENT.sub(expand, text)


def ddl() -> str:
    """The exporter's ``otel_traces`` CREATE TABLE (``{db:Identifier}.{table:Identifier}``)."""
    return _read("otel_traces.sql")
