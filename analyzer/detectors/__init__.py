"""Detectors: small named passes that read the content of failed runs.

A detector is a plain function with one signature, ``detector(con) -> signals``:
it reads the TEMP table ``cg_msg`` (one row per span with content of the failed
runs that no explicit rule explained; columns in docs/internals.md) and returns
signal rows with the columns of :data:`SIGNAL_COLUMNS`, as a DuckDB relation or
as an iterable of mappings. :data:`DETECTORS` holds the built-in ones in the
order they break ties; users add their own (``--detector module:function``).

A signal names the stage, the agent to blame, the span where the mistake was
made (``span_id``), the span where it showed (``symptom_span_id``) and a short
quote of the evidence. A signal without an agent, a span of its run or a quote
is dropped: never guess. A detector that raises costs a one-line warning, never
the analysis.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import duckdb

from analyzer import content, queries
from analyzer.detectors import builtin

__all__ = [
    "DETECTORS",
    "SIGNAL_COLUMNS",
    "Detector",
    "Session",
    "load",
    "run",
    "session",
]

SIGNAL_COLUMNS = (
    "trace_id",
    "detector",
    "stage",
    "agent",
    "span_id",
    "symptom_span_id",
    "quote",
    "reason",
)
"""Columns of a signal row (``reason`` may be NULL: the rule then writes one)."""

Signals = duckdb.DuckDBPyRelation | Iterable[Mapping[str, Any]]
Detector = Callable[[duckdb.DuckDBPyConnection], Signals]

DETECTORS: tuple[Detector, ...] = (
    builtin.code_failure,
    builtin.lost_constraint,
    builtin.made_up_data,
    builtin.self_reported,
    builtin.repetition,
    builtin.crash_in_turn,
    builtin.accepted_result,
)
"""The built-in detectors. The earliest root-cause span of a run wins; at the same
span, the detector listed first; signals of :data:`builtin.FALLBACK` detectors
count only when no other detector fired on the run."""


@dataclass
class Session:
    """The detectors one analysis runs, and the warnings of those that failed."""

    detectors: tuple[Detector, ...] = DETECTORS
    warnings: list[str] = field(default_factory=list)


_SESSION: ContextVar[Session | None] = ContextVar("coordgap_detectors", default=None)


@contextmanager
def session(detectors: Sequence[Detector] | None = None) -> Iterator[Session]:
    """Make ``detectors`` (default :data:`DETECTORS`) the ones analyses in this
    context run; yields the :class:`Session` that collects their warnings."""
    current = Session(tuple(DETECTORS if detectors is None else detectors))
    token = _SESSION.set(current)
    try:
        yield current
    finally:
        _SESSION.reset(token)


def current() -> Session:
    """The active session (a default one outside :func:`session`)."""
    return _SESSION.get() or Session()


def load(spec: str) -> Detector:
    """Import ``module:function``; ValueError names what was wrong."""
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ValueError(f"detector {spec!r}: expected module:function")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # any import-time failure of user code is a bad setting
        raise ValueError(f"detector {spec!r}: cannot import {module_name}: {exc}") from None
    fn = getattr(module, attr, None)
    if not callable(fn):
        raise ValueError(f"detector {spec!r}: {module_name} has no function {attr}")
    return fn


def run(con: duckdb.DuckDBPyConnection, detectors: Sequence[Detector] | None = None) -> int:
    """Build ``cg_msg`` for the pending runs and collect every detector's signals
    into ``cg_signals``; returns how many signals were kept. Without a ``content``
    table (or without content) no detector runs."""
    active = current()
    chosen = tuple(active.detectors if detectors is None else detectors)
    con.execute(queries.sql("signals_table"))
    if not chosen or not content.has_content_table(con):
        return 0
    con.execute(queries.sql("detector_messages"), builtin.params("detector_messages"))
    ((rows,),) = con.execute("SELECT count(*) FROM cg_msg").fetchall()
    if not rows:
        return 0
    for pos, detector in enumerate(chosen):
        name = getattr(detector, "__name__", repr(detector))
        try:
            _insert(con, detector(con), pos)
        except Exception as exc:  # a user's detector must not sink the analysis
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            active.warnings.append(f"detector {name} failed and was skipped: {first}")
    ((kept,),) = con.execute("SELECT count(*) FROM cg_signals").fetchall()
    return int(kept)


def _insert(con: duckdb.DuckDBPyConnection, signals: Signals, pos: int) -> None:
    if isinstance(signals, duckdb.DuckDBPyRelation):
        missing = set(SIGNAL_COLUMNS) - set(signals.columns) - {"reason", "symptom_span_id"}
        if missing:
            raise ValueError(f"signals lack column(s) {', '.join(sorted(missing))}")
        exprs = (
            f"CAST({c} AS VARCHAR) AS {c}" if c in signals.columns else f"NULL::VARCHAR AS {c}"
            for c in SIGNAL_COLUMNS
        )
        signals.project(", ".join((*exprs, f"{int(pos)}::INTEGER AS pos"))).insert_into(
            "cg_signals"
        )
        return
    rows = [tuple(_text(row.get(c)) for c in SIGNAL_COLUMNS) + (pos,) for row in signals]
    if rows:
        con.executemany(
            "INSERT INTO cg_signals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
