"""Named SQL for the analyzer, and the vocabulary every query binds.

Every query the analyzer runs lives in a ``.sql`` file of this package, in
sections that start with a ``-- name: <query name>`` line. Queries take values
only through bind parameters (``$since``, ``$trace_id``...); nothing here is
ever assembled from user strings.

No query spells a value of :mod:`tracer.semconv`'s vocabulary (a stage, an
operation, an actor, a verdict, a violation kind...): it names it, as ``$s_handoff``
or ``$stages``, and :func:`bind` supplies it from :data:`VOCABULARY`. DuckDB cannot
prepare a view or a macro, so those read the same names as variables,
``getvariable('cg_s_handoff')``, which :func:`run` sets first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import duckdb

from tracer import semconv

__all__ = ["VOCABULARY", "bind", "names", "params", "run", "run_sql", "sql", "vocabulary_names"]

#: the parameter-name prefix of each enum's members (``s_generation``), and the name of
#: the list of all its values (``stages``), in the enum's order
_PREFIXES: dict[type[StrEnum], tuple[str, str]] = {
    semconv.GenAIOperation: ("gop_", "gen_ai_operations"),
    semconv.Operation: ("o_", "operations"),
    semconv.Stage: ("s_", "stages"),
    semconv.Actor: ("a_", "actors"),
    semconv.Verdict: ("v_", "verdicts"),
    semconv.Outcome: ("out_", "outcomes"),
    semconv.ViolationKind: ("vk_", "violation_kinds"),
    semconv.ContentDirection: ("d_", "directions"),
}


def _vocabulary() -> dict[str, Any]:
    values: dict[str, Any] = {}
    for enum in semconv.VOCABULARY:
        prefix, plural = _PREFIXES[enum]
        values.update({prefix + m.name.lower(): m.value for m in enum})
        values[plural] = [m.value for m in enum]
    values["c_unknown"] = semconv.CATEGORY_UNKNOWN
    return values


VOCABULARY: Mapping[str, Any] = _vocabulary()
"""Every vocabulary value a query may name, by parameter name: ``<prefix><member>``
for one value (``s_generation``, ``o_agent``, ``vk_dropped_key``) and the plural for
all of an enum's values in order (``stages``, ``actors``...)."""

DUCKDB_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
CLICKHOUSE_PARAM = re.compile(r"\{([a-z_][a-z0-9_]*):")
_VARIABLE = re.compile(r"getvariable\('cg_([a-z0-9_]+)'\)")

_NAME = re.compile(r"^-- name: ([a-z0-9_]+)\s*$", re.MULTILINE)
_FILES = (
    "prepare.sql",
    "rules.sql",
    "metrics.sql",
    "explain.sql",
    "content.sql",
    "detectors.sql",
    "suspects.sql",
    "provenance.sql",
)


@cache
def _catalog() -> dict[str, str]:
    catalog: dict[str, str] = {}
    for filename in _FILES:
        text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
        parts = _NAME.split(text)
        # parts = [preamble, name1, body1, name2, body2, ...]
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            if name in catalog:
                raise ValueError(f"duplicate query name {name!r} in {filename}")
            catalog[name] = body.strip().rstrip(";")
    return catalog


def sql(name: str) -> str:
    """Return the SQL text of the named query; KeyError names an unknown one."""
    try:
        return _catalog()[name]
    except KeyError:
        raise KeyError(f"no analyzer query named {name!r}") from None


def names() -> list[str]:
    """All query names, in file order."""
    return list(_catalog())


def vocabulary_names(statement: str, pattern: re.Pattern[str] = DUCKDB_PARAM) -> set[str]:
    """The vocabulary names ``statement`` uses, as parameters or as variables."""
    used = set(pattern.findall(statement)) | set(_VARIABLE.findall(statement))
    return used & VOCABULARY.keys()


def bind(
    statement: str,
    values: Mapping[str, Any] | None = None,
    *,
    pattern: re.Pattern[str] = DUCKDB_PARAM,
) -> dict[str, Any]:
    """Exactly the bound values ``statement`` names (``pattern`` finds them: DuckDB's
    ``$name`` or ClickHouse's ``{name:Type}``): the vocabulary's, then ``values``,
    which add to it and may not contradict it. KeyError names any left unbound."""
    values = dict(values or {})
    clash = {k for k in values.keys() & VOCABULARY.keys() if values[k] != VOCABULARY[k]}
    if clash:
        raise ValueError(f"values contradict the vocabulary: {sorted(clash)}")
    used = set(pattern.findall(statement))
    available = {**VOCABULARY, **values}
    missing = used - available.keys()
    if missing:
        raise KeyError(f"unbound parameter(s) {sorted(missing)}")
    return {k: available[k] for k in sorted(used)}


def params(name: str, **values: Any) -> dict[str, Any]:
    """The bound values of the named query: its vocabulary, then ``values``."""
    return bind(sql(name), values)


def run(con: duckdb.DuckDBPyConnection, name: str, **values: Any) -> duckdb.DuckDBPyRelation | None:
    """Run the named query on ``con`` with its vocabulary and ``values`` bound: a
    relation for a query, None for a statement (executed at once)."""
    return run_sql(con, sql(name), **values)


def run_sql(
    con: duckdb.DuckDBPyConnection, statement: str, **values: Any
) -> duckdb.DuckDBPyRelation | None:
    """:func:`run` for the text of a named query of another catalog (the ClickHouse
    source's local part). A view or a macro reads the vocabulary as ``cg_`` variables
    of the connection, set here first."""
    variables = set(_VARIABLE.findall(statement))
    unknown = variables - VOCABULARY.keys()
    if unknown:
        raise KeyError(f"unknown vocabulary variable(s) {sorted(unknown)}")
    for key in sorted(variables):
        # the name is one of VOCABULARY's fixed keys (checked above), never user text
        con.execute(f"SET VARIABLE cg_{key} = $v", {"v": VOCABULARY[key]})
    return con.sql(statement, params=bind(statement, values) or None)
