"""`coordgap export clickhouse`: the local store into an `otel_traces` table."""

from __future__ import annotations

from pathlib import Path

import click
import duckdb

from coordgap._db import first_line, read_only
from coordgap._options import db_option
from coordgap.cli_ingest import run_ingest

__all__ = ["COMMANDS", "export_group"]


@click.group("export")
def export_group() -> None:
    """Copy the spans of a coordgap database to another store.

    \b
    Example:
      coordgap export clickhouse --to chdb://./traces.chdb
    """


@export_group.command("clickhouse")
@click.option(
    "--to",
    "url",
    required=True,
    metavar="URL",
    help="clickhouse://USER@HOST:8123/DATABASE?table=otel_traces (password in "
    "$COORDGAP_CLICKHOUSE_PASSWORD) or chdb://PATH.",
)
@db_option
def export_clickhouse(url: str, db: Path) -> None:
    """Load the spans into the OpenTelemetry Collector's `otel_traces` table.

    The table is created with the Collector ClickHouse exporter's own DDL when it is
    missing, and the spans are written as that exporter writes them, so
    `coordgap analyze --source URL` can then read them in place.

    \b
    Examples:
      coordgap export clickhouse --to chdb://./traces.chdb
      COORDGAP_CLICKHOUSE_PASSWORD=... coordgap export clickhouse \\
          --to 'clickhouse://coordgap@ch.internal:8123/otel?table=otel_traces' --db runs.duckdb
    """
    from analyzer.sources import engines, export
    from analyzer.store import DEFAULT_SPANS_DIR

    try:
        target = engines.parse_url(url)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    ctx = click.get_current_context()
    default_db = ctx.get_parameter_source("db") == click.core.ParameterSource.DEFAULT
    if default_db and DEFAULT_SPANS_DIR.is_dir():
        # the tracer's default folder: bring the database up to date first
        run_ingest([str(DEFAULT_SPANS_DIR)], db)
    try:
        with read_only(db) as con:
            engine = engines.connect(target)
            try:
                sent = export.export_spans(con, engine, target)
            finally:
                if target.scheme != "chdb":  # chDB sessions stay open for the process
                    engine.close()
    except click.ClickException:
        raise
    except (duckdb.Error, ValueError, OSError) as exc:
        raise click.ClickException(f"{db}: {first_line(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - a ClickHouse error, one line
        raise click.ClickException(f"{target}: {first_line(exc)}") from None
    click.echo(f"exported {sent:,} spans from {db} to {target}/{target.table}")


COMMANDS: list[click.Command] = [export_group]
