"""The analyzer's storage: one DuckDB file holding the ``spans`` table.

``analyzer.open(path)`` gives a :class:`Store`; ``Store.ingest`` reads trace
files into it (idempotent on trace id + span id, all files of one call in one
transaction) and ``Store.analyze`` hands the connection to the attribution.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from analyzer import content as _content
from analyzer import ingest as _ingest
from analyzer import ingest_sql
from analyzer.ingest import IngestProgress, IngestResult, ProgressCallback
from tracer.store_format import DEFAULT_DIRECTORY

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = [
    "ANALYZE_MEMORY_LIMIT",
    "DEFAULT_DB",
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_SPANS_DIR",
    "MEMORY_LIMIT_ENV",
    "IngestProgress",
    "IngestResult",
    "Store",
    "connect",
    "open",
    "reading_memory_limit",
]

#: where the CLI keeps its database, and where the tracer's local store writes
DEFAULT_DB = Path(".coordgap") / "coordgap.duckdb"
DEFAULT_SPANS_DIR = DEFAULT_DIRECTORY

#: DuckDB's memory cap for a store (it spills to ``<db>.tmp`` beyond it, so
#: ingest and analysis work out of core); ``COORDGAP_MEMORY_LIMIT`` or the
#: ``memory_limit`` argument override it (e.g. "8GB").
DEFAULT_MEMORY_LIMIT = "1500MB"
MEMORY_LIMIT_ENV = "COORDGAP_MEMORY_LIMIT"
#: DuckDB's cap while :meth:`Store.analyze` runs, unless a limit was given: the
#: analysis holds Polars frames beside it (the failed runs' turns), which the
#: cap does not count.
ANALYZE_MEMORY_LIMIT = "450MB"


def reading_memory_limit() -> str:
    """DuckDB's cap for a connection that only reads and analyzes (the CLI's
    read-only ``--db``): ``$COORDGAP_MEMORY_LIMIT``, else :data:`ANALYZE_MEMORY_LIMIT`."""
    return os.environ.get(MEMORY_LIMIT_ENV) or ANALYZE_MEMORY_LIMIT


def connect(
    path: str, *, read_only: bool, memory_limit: str, named: str = MEMORY_LIMIT_ENV
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path`` holding at most ``memory_limit``; a limit DuckDB
    cannot read is a one-line ``ValueError`` naming where it came from (``named``)."""
    try:
        return duckdb.connect(path, read_only=read_only, config={"memory_limit": memory_limit})
    except (duckdb.InvalidInputException, duckdb.ParserException) as exc:
        why = re.sub(r"^[A-Z][A-Za-z ]* Error: ", "", str(exc).strip().splitlines()[0])
        raise ValueError(f"{named} {memory_limit!r}: not a memory limit ({why})") from None


def _schema_sql() -> str:
    return resources.files("analyzer").joinpath("schema.sql").read_text(encoding="utf-8")


#: a store written before ``spans`` lost its key index (the ingest deduplicates itself)
_KEYED_SPANS = """
SELECT count(*) FROM duckdb_constraints()
WHERE table_name = 'spans' AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'
"""


def _drop_span_key(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild a ``spans`` table that still has the primary key of older stores
    without it (once, in one transaction): inserts into it cost three times more."""
    row = con.execute(_KEYED_SPANS).fetchone()
    if not row or not row[0]:
        return
    with ingest_sql.transaction(con):
        con.execute("ALTER TABLE spans RENAME TO cg_spans_keyed")
        con.execute(_schema_sql())
        con.execute("INSERT INTO spans BY NAME SELECT * FROM cg_spans_keyed")
        con.execute("DROP TABLE cg_spans_keyed")


class Store:
    """An open coordgap database. Use as a context manager, or call :meth:`close`.

    ``con`` is the DuckDB connection (read it freely; write only through
    :meth:`ingest`).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = DEFAULT_DB,
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
        max_content: int | None = None,
    ):
        self.path = Path(path)
        #: characters of message text kept per span at ingest (0: none)
        self.max_content = _content.max_chars(max_content)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        given = memory_limit or os.environ.get(MEMORY_LIMIT_ENV)
        limit = given or DEFAULT_MEMORY_LIMIT
        self._memory_limit = limit
        self._analyze_limit = None if given else ANALYZE_MEMORY_LIMIT
        named = "memory limit" if memory_limit else MEMORY_LIMIT_ENV
        self.con: duckdb.DuckDBPyConnection = connect(
            str(path), read_only=read_only, memory_limit=limit, named=named
        )
        if not read_only:
            self.con.execute(_schema_sql())
            _drop_span_key(self.con)
        ingest_sql.install_macros(self.con)

    # -- ingest ---------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: ProgressCallback | None = None,
    ) -> IngestResult:
        """Read trace files (or directories of them) into the database.

        All files of one call land in one transaction: on any error nothing is
        written and :class:`analyzer.formats.FormatError` says which file, where
        and what was expected. Spans already stored (same trace id and span id)
        are skipped and counted as duplicates. ``progress`` is called with an
        :class:`IngestProgress` as bytes are read.
        """
        paths = list(paths)  # read twice when a file needs a second attempt
        python_only: set[str] = set()
        while True:
            try:
                with ingest_sql.transaction(self.con):
                    return _ingest.run(
                        self.con,
                        paths,
                        python_only=frozenset(python_only),
                        progress=progress,
                        max_content=self.max_content,
                    )
            except _ingest.RetryWithPython as retry:  # rolled back
                if retry.path in python_only:  # cannot happen twice; guard against a loop
                    raise
                python_only.add(retry.path)

    # -- analysis ---------------------------------------------------------------------
    def analyze(
        self,
        since: Any = None,
        service: str | None = None,
        example_runs: int | None = None,
        detectors: Any = None,
    ) -> Analysis:
        """Attribute every failed run and compute the reliability figures
        (see :func:`analyzer.analysis.analyze`; ``example_runs`` defaults to
        :data:`analyzer.examples.DEFAULT_EXAMPLES`, ``detectors`` as there)."""
        from analyzer import analysis, examples

        n = examples.DEFAULT_EXAMPLES if example_runs is None else example_runs
        if self._analyze_limit is not None:
            self.con.execute("SET memory_limit = $limit", {"limit": self._analyze_limit})
        try:
            return analysis.analyze(
                self.con, since=since, service=service, example_runs=n, detectors=detectors
            )
        finally:
            if self._analyze_limit is not None:
                self.con.execute("SET memory_limit = $limit", {"limit": self._memory_limit})

    def span_count(self) -> int:
        """Number of spans stored."""
        row = self.con.execute("SELECT count(*) FROM spans").fetchone()
        return int(row[0]) if row else 0

    # -- lifecycle --------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        try:
            self.con.close()
        except duckdb.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open(  # noqa: A001 - analyzer.open mirrors the built-in on purpose
    path: str | os.PathLike[str] = DEFAULT_DB,
    *,
    read_only: bool = False,
    memory_limit: str | None = None,
    max_content: int | None = None,
) -> Store:
    """Open (creating when needed, with its parent directory and schema) a
    coordgap database. ``memory_limit`` caps DuckDB's memory (default
    :data:`DEFAULT_MEMORY_LIMIT`, or ``$COORDGAP_MEMORY_LIMIT``); ``max_content``
    caps the message text kept per span at ingest (default
    :data:`analyzer.content.DEFAULT_MAX_CHARS`, or ``$COORDGAP_CONTENT_MAX``; 0
    keeps none)."""
    return Store(path, read_only=read_only, memory_limit=memory_limit, max_content=max_content)
