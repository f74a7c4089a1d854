"""``--source``: read spans in place from ClickHouse instead of the DuckDB store.

One shared option for ``analyze``, ``explain``, ``check`` and ``report``, and the
few helpers those commands call when it is given. The ClickHouse driver is an
extra (``pip install 'coordgap[clickhouse]'``); chDB is for single machines and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click
import duckdb

from coordgap._db import first_line

if TYPE_CHECKING:
    from analyzer.analysis import Analysis
    from analyzer.detectors import Detector
    from analyzer.sources import ClickHouseSource

__all__ = ["analyze_source", "source_connection", "source_option"]

_HELP = (
    "Read spans in place from ClickHouse instead of --db: "
    "clickhouse://USER@HOST:8123/DATABASE?table=otel_traces (password in "
    "$COORDGAP_CLICKHOUSE_PASSWORD, TLS with clickhouses:// or $COORDGAP_CLICKHOUSE_SECURE=1), "
    "or chdb://PATH (a chDB data directory). Needs coordgap[clickhouse]."
)


def source_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared ``--source URL`` option (``source`` parameter, None when absent)."""
    return click.option("--source", "source", metavar="URL", default=None, help=_HELP)(func)


@contextmanager
def _open(url: str) -> Iterator[ClickHouseSource]:
    from analyzer.sources import open_source

    try:
        src = open_source(url)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - driver errors: connection refused, auth...
        raise click.ClickException(f"{url}: cannot connect: {first_line(exc)}") from None
    try:
        yield src
    except click.ClickException:
        raise
    except (ValueError, LookupError, duckdb.Error) as exc:
        raise click.ClickException(f"{src}: {first_line(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - a ClickHouse error, one line
        raise click.ClickException(f"{src}: {first_line(exc)}") from None
    finally:
        src.close()


def analyze_source(
    url: str,
    *,
    since: datetime | None = None,
    service: str | None = None,
    all_runs: bool = False,
    detectors: Sequence[Detector] | None = None,
) -> Analysis:
    """The analysis of the runs in scope in ClickHouse; errors as one-line click errors."""
    with _open(url) as src:
        return src.analyze(since=since, service=service, all_runs=all_runs, detectors=detectors)


@contextmanager
def source_connection(url: str, trace_id: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A local DuckDB store holding one trace (and late outcomes for it) from ClickHouse."""
    with _open(url) as src:
        con = src.explain_connection(trace_id)
        try:
            yield con
        finally:
            con.close()
