"""The ClickHouse source's local part: a DuckDB store in a temporary file, memory capped.

Every failed run the source fetches is normalized and attributed here by the
unchanged ingest mapping and rules.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb

from analyzer.store import MEMORY_LIMIT_ENV, Store

__all__ = ["FIGURES_MEMORY_LIMIT", "FILL_ROWS", "LOCAL_MEMORY_LIMIT", "local_limit", "memory_hint",
           "new_local_store", "shrink"]  # fmt: skip

#: memory the local DuckDB part may hold (``$COORDGAP_MEMORY_LIMIT`` overrides it), on
#: one thread: each further thread holds buffers of its own. Normalizing and
#: attributing needs the most (a recursive walk up parent chains does not spill);
#: computing the figures afterwards runs under the smaller cap, so the cached table
#: data it would not read again goes back to the system.
LOCAL_MEMORY_LIMIT = "256MB"
#: spans inserted into the local store at a time: each insert has a fixed cost (the
#: mapping's statement, the content scan), so fewer, larger ones are faster; each is
#: held once in Arrow (about 300 bytes a span: 15 MB)
FILL_ROWS = 50_000
FIGURES_MEMORY_LIMIT = "160MB"


def local_limit() -> str:
    return os.environ.get(MEMORY_LIMIT_ENV) or LOCAL_MEMORY_LIMIT


def new_local_store() -> duckdb.DuckDBPyConnection:
    """An empty store in a temporary file (removed at exit) holding at most
    :data:`LOCAL_MEMORY_LIMIT` in memory, on one thread."""
    con = Store(_local_path(), memory_limit=local_limit()).con
    con.execute("SET threads = 1")
    return con


def shrink(con: duckdb.DuckDBPyConnection) -> None:
    """Lower the local store's cap for the figures (unless the user set one)."""
    if not os.environ.get(MEMORY_LIMIT_ENV):
        con.execute(f"SET memory_limit = '{FIGURES_MEMORY_LIMIT}'")  # a constant of this module


@contextlib.contextmanager
def memory_hint(traces: int) -> Iterator[None]:
    """Say what to do when the local part runs out of its memory."""
    try:
        yield
    except duckdb.OutOfMemoryException:
        raise MemoryError(
            f"the {traces:,} runs attributed locally need more than {local_limit()} of "
            f"memory: set {MEMORY_LIMIT_ENV} higher (e.g. 2GB) or narrow the scope "
            "(--since, --service)"
        ) from None


def _local_path() -> Path:
    """A new file for a local store: table data past the memory limit is read back
    from it rather than held (it and DuckDB's ``.tmp`` spill beside it go at exit)."""
    return _local_root() / f"local-{next(_LOCAL_STORES)}.duckdb"


_LOCAL_STORES = itertools.count()


@functools.cache
def _local_root() -> Path:
    root = tempfile.mkdtemp(prefix="coordgap-clickhouse-")
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return Path(root)
