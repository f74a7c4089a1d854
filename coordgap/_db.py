"""Opening the database for a command: every failure is one plain line.

DuckDB's own messages ("Catalog Error: Cannot launch in-memory database in
read-only mode!") say nothing to someone who passed the wrong file to ``--db``;
these helpers check the file first and strip DuckDB's error-class prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import duckdb

from analyzer.store import connect, reading_memory_limit
from coordgap._options import missing_db

__all__ = ["check_db_file", "first_line", "read_only"]

_MAGIC = b"DUCK"  # bytes 8..11 of every DuckDB database file
_ERROR_CLASS = re.compile(r"^[A-Z][A-Za-z ]* Error: ")


def first_line(exc: BaseException) -> str:
    """The first line of an error, without DuckDB's ``"Catalog Error: "``-style prefix."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return _ERROR_CLASS.sub("", line)


def check_db_file(db: Path, *, must_exist: bool = True) -> None:
    """Raise a one-line ClickException unless ``db`` is a DuckDB file (or, with
    ``must_exist`` False, does not exist yet)."""
    if not db.exists():
        if must_exist:
            raise missing_db(db)
        return
    if not db.is_file():
        raise click.ClickException(f"{db}: not a file")
    try:
        with db.open("rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise click.ClickException(f"{db}: cannot read: {exc.strerror or exc}") from None
    if head[8:12] != _MAGIC:
        what = "an empty file" if not head else "not a DuckDB file"
        raise click.ClickException(f"{db}: not a coordgap database ({what})")


@contextmanager
def read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``db``, closed on exit; one-line errors. DuckDB
    holds at most :func:`analyzer.store.reading_memory_limit` (the analysis keeps
    Polars frames beside it, which the cap does not count) and spills past it."""
    check_db_file(db)
    try:
        con = connect(str(db), read_only=True, memory_limit=reading_memory_limit())
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except duckdb.Error as exc:
        raise click.ClickException(f"{db}: cannot open: {first_line(exc)}") from None
    try:
        yield con
    finally:
        con.close()
